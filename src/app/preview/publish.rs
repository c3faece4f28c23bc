//! Ready to publish: the bundle (`NNN.json`) and the updated `index.json` to copy to the host,
//! offered only when the draft has no error; the raw draft can always be downloaded.

use crate::app::IndexResource;
use crate::bundle::Script;
use crate::convert::simplified_issue;
use crate::draft::{index_with, DraftKind, Processed};
use crate::i18n::Msg;
use crate::import::to_json;
use leptos::prelude::*;

#[component]
pub fn PublishPanel(processed: Signal<Option<Processed>>, draft: Signal<String>) -> impl IntoView {
    let index = expect_context::<IndexResource>();
    let bundle = move || processed.with(|p| p.as_ref().and_then(|p| p.publishable().cloned()));
    let download_bundle = move |_| {
        if let Some(issue) = bundle() {
            crate::app::download::save_text(
                &to_json(&issue),
                &format!("{}.json", issue.number),
                "application/json",
            );
        }
    };
    let download_edition = move |_| {
        if let Some(issue) = bundle() {
            crate::app::download::save_text(
                &to_json(&simplified_issue(&issue)),
                &crate::files::bundle(issue.number, Script::Hans),
                "application/json",
            );
        }
    };
    let download_index = move |_| {
        if let Some(issue) = bundle() {
            let current = index.get_untracked().and_then(Result::ok);
            let json = index_with(current.as_deref(), &issue).to_json();
            crate::app::download::save_text(&json, "index.json", "application/json");
        }
    };
    let download_draft = move |_| {
        let text = draft.get_untracked();
        let name = match DraftKind::detect(None, &text) {
            DraftKind::Json => "draft.json",
            DraftKind::Text => "draft.txt",
        };
        crate::app::download::save_text(&text, name, "text/plain");
    };
    let lang = crate::app::lang_signal();
    let t = move |msg| lang.get().text(msg);
    view! {
        <section class="publish-panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{move || t(Msg::PublishHeading)}</h2>
            {move || match bundle() {
                Some(issue) => {
                    let lang = lang.get();
                    let bundle_file = format!("{}.json", issue.number);
                    let edition = crate::files::bundle(issue.number, Script::Hans);
                    view! {
                        <p>{lang.fill(Msg::PublishSteps, &[&issue.number])}</p>
                        <div class="editor-tools">
                            <button type="button" class="tool primary" on:click=download_bundle>{lang.fill(Msg::DownloadFile, &[&bundle_file])}</button>
                            <button type="button" class="tool primary" on:click=download_edition>{lang.fill(Msg::DownloadEdition, &[&edition])}</button>
                            <button type="button" class="tool primary" on:click=download_index>{lang.fill(Msg::DownloadFile, &[&"index.json"])}</button>
                        </div>
                    }
                    .into_any()
                }
                None => view! { <p class="blocked">{t(Msg::PublishBlocked)}</p> }.into_any(),
            }}
            <div class="editor-tools" hidden=move || draft.with(String::is_empty)>
                <button type="button" class="tool" on:click=download_draft>{move || t(Msg::DownloadDraft)}</button>
            </div>
        </section>
    }
}
