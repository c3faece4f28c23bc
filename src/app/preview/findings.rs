//! The findings of a draft, errors first, each a button that goes to its place: the source
//! line in the editor, or the rendered item or section.

use super::show_element;
use crate::draft::{target, Processed, Target};
use crate::finding::Severity;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn FindingsPanel(
    processed: Signal<Option<Processed>>,
    on_line: impl Fn(usize, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = crate::app::lang_signal();
    view! {
        <section class="findings-panel" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{move || lang.get().text(Msg::FindingsHeading)}</h2>
            {move || processed.with(|p| {
                let lang = lang.get();
                match p {
                None => view! { <p class="hint">{lang.text(Msg::FindingsHint)}</p> }.into_any(),
                Some(p) => {
                    let errors = p.errors();
                    let warnings = p.findings.iter().filter(|f| f.severity == Severity::Warning).count();
                    let summary = if errors > 0 {
                        lang.fill(Msg::FindingsBlocked, &[&errors, &warnings])
                    } else {
                        lang.fill(Msg::FindingsOk, &[&warnings])
                    };
                    let summary_class = if errors > 0 { "summary blocked" } else { "summary ok" };
                    let issue = p.issue.clone();
                    view! {
                        <p class=summary_class>{summary}</p>
                        <ol class="finding-list">
                            {p.findings
                                .iter()
                                .map(|f| {
                                    let place = target(f, issue.as_ref());
                                    let class = format!("finding {}", f.severity);
                                    let go = move |_| match &place {
                                        Target::SourceLine { line, column } => on_line(*line, *column),
                                        place @ (Target::Item(_) | Target::Section(_) | Target::Page) => {
                                            if let Some(id) = place.element_id() {
                                                show_element(&id)
                                            }
                                        }
                                        Target::Nowhere => {}
                                    };
                                    let location = match &f.location {
                                        crate::finding::Location::Line { line } => lang.fill(Msg::AtLine, &[line]),
                                        other => other.to_string(),
                                    };
                                    view! {
                                        <li class=class>
                                            <button type="button" class="finding-link" on:click=go>
                                                <span class="severity">{lang.text(f.severity.label())}</span>
                                                " "
                                                <code>{location}</code>
                                                " "
                                                {f.message.text(lang)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }})}
        </section>
    }
}
