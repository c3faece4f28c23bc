//! The findings of a draft, errors first, each a button that goes to its place: the source
//! line in the editor, or the rendered item or section.

use super::show_element;
use crate::draft::{target, Processed, Target};
use crate::finding::Severity;
use leptos::prelude::*;

fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Error => "錯誤",
        Severity::Warning => "警告",
        Severity::Info => "備註",
    }
}

#[component]
pub fn FindingsPanel(
    processed: Signal<Option<Processed>>,
    on_line: impl Fn(usize, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section class="findings-panel" aria-labelledby="findings-heading">
            <h2 id="findings-heading">"檢查結果"</h2>
            {move || processed.with(|p| match p {
                None => view! { <p class="hint">"貼上或開啟草稿後，這裏會列出所有問題。"</p> }.into_any(),
                Some(p) => {
                    let errors = p.errors();
                    let warnings = p.findings.iter().filter(|f| f.severity == Severity::Warning).count();
                    let summary = if errors > 0 {
                        format!("{errors} 個錯誤須修正才能發布；{warnings} 個警告。")
                    } else {
                        format!("沒有錯誤，可以發布；{warnings} 個警告請再核對。")
                    };
                    let summary_class = if errors > 0 { "summary blocked" } else { "summary ok" };
                    let issue = p.issue.clone();
                    view! {
                        <p class=summary_class>{summary}</p>
                        <ol class="finding-list">
                            {p.findings
                                .iter()
                                .cloned()
                                .map(|f| {
                                    let place = target(&f, issue.as_ref());
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
                                        crate::finding::Location::Line { line } => format!("第 {line} 行"),
                                        other => other.to_string(),
                                    };
                                    view! {
                                        <li class=class>
                                            <button type="button" class="finding-link" on:click=go>
                                                <span class="severity">{severity_zh(f.severity)}</span>
                                                " "
                                                <code>{location}</code>
                                                " "
                                                {f.message}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            })}
        </section>
    }
}
