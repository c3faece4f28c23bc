//! The staff preview (`preview.html`): paste the newsletter's text or open a `.txt` / `.json` file,
//! see every finding located, fix the text in the page, see the issue exactly as readers will
//! (same components, filters and charts) under a DRAFT banner, and download the files to publish.
//! The draft is saved in localStorage as the editor types. `preview.html?src=drafts/234.json`
//! previews a bundle already copied to the host.

mod findings;
mod publish;
mod storage;

use crate::app::components::IssueView;
use crate::app::{browser, fetch, Nav};
use crate::convert::simplified_issue;
use crate::draft::{process, DraftKind, Processed, StoredDraft};
use crate::i18n::{Lang, Msg};
use findings::FindingsPanel;
use leptos::html::Textarea;
use leptos::prelude::*;
use publish::PublishPanel;
use std::sync::Arc;
use std::time::Duration;
use storage::{SaveError, SaveOutcome};
use wasm_bindgen::JsCast;

/// How the draft stands in storage, said under the editor.
#[derive(Debug, Clone, PartialEq)]
enum SaveStatus {
    Empty,
    Restored,
    Saved,
    Failed(SaveError),
    /// Another tab saved this draft since; shown with a choice, nothing overwritten.
    Conflict(StoredDraft),
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    // preview.html carries <meta name="robots" content="noindex">: drafts stay out of search.
    let nav = expect_context::<Nav>();
    let src = nav.state.get_untracked().src;
    let t = move |msg| nav.lang().text(msg);
    view! {
        <section class="draft-banner" aria-label=move || t(Msg::DraftNotice)>
            <strong>{move || t(Msg::DraftBadge)}</strong>
            {move || t(Msg::DraftNotPublished)}
            <a href="./">{move || t(Msg::BackToReader)}</a>
        </section>
        {match src {
            Some(src) => view! { <HostedDraft src=src /> }.into_any(),
            None => view! { <DraftEditor /> }.into_any(),
        }}
    }
}

/// The rendered draft with exactly the reader's components; in 简, its zh-Hans edition as it
/// will be published, so an editor can review the conversion.
#[component]
fn DraftRender(processed: Signal<Option<Processed>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let issue = Memo::new(move |_| processed.with(|p| p.as_ref().and_then(|p| p.issue.clone())));
    let lang = nav.lang;
    let shown = move || {
        let issue = issue.get()?;
        Some(match lang.get() {
            Lang::Hans if issue.lang == crate::bundle::Script::Hant => simplified_issue(&issue),
            _ => issue,
        })
    };
    view! {
        // Not a landmark itself: the draft's own <main>, header and footer are the page's.
        <div class="draft-render">
            {move || shown().map(|i| view! { <IssueView issue=Arc::new(i) standalone=true /> })}
        </div>
    }
}

/// A bundle copied to the host before `index.json` links it.
#[component]
fn HostedDraft(src: String) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;
    let t = move |msg| lang.get().text(msg);
    let url = crate::view_state::site_url(&src);
    let loaded = LocalResource::new(move || {
        let url = url.clone();
        async move { fetch::text(&url).await }
    });
    let processed = Memo::new(move |_| match loaded.get() {
        Some(Ok(text)) => Some(process(DraftKind::Json, &text)),
        _ => None,
    });
    let processed = Signal::from(processed);
    let error = move || match loaded.get() {
        Some(Err(e)) => {
            Some(view! { <p class="error-message" role="alert">{e.message(lang.get())}</p> })
        }
        _ => None,
    };
    view! {
        <section class="editor" aria-labelledby="preview-heading">
            <h1 id="preview-heading">{move || t(Msg::HostedHeading)}</h1>
            <p>{move || t(Msg::HostedSource)} <code>{src}</code></p>
            {error}
            <FindingsPanel processed=processed on_line=|_, _| {} />
            <PublishPanel processed=processed draft=Signal::derive(String::new) />
        </section>
        <DraftRender processed=processed />
    }
}

/// The editor: paste, open or drop a file; saved as the editor types.
#[component]
fn DraftEditor() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let t = move |msg| nav.lang().text(msg);
    let tab = storage::tab_id();
    let restored = storage::load();
    let (kind, content, seen, status) = match &restored {
        Some(d) => (d.kind, d.content.clone(), d.revision, SaveStatus::Restored),
        None => (DraftKind::Text, String::new(), 0, SaveStatus::Empty),
    };
    let kind = RwSignal::new(kind);
    let content = RwSignal::new(content.clone());
    let seen = RwSignal::new(seen);
    let status = RwSignal::new(status);
    // What the importer works on: the content after a short pause in typing.
    let committed = RwSignal::new(content.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let textarea = NodeRef::<Textarea>::new();

    let tab_for_save = tab.clone();
    let save = move || {
        let outcome = storage::save(
            kind.get_untracked(),
            &content.get_untracked(),
            &tab_for_save,
            seen.get_untracked(),
        );
        match outcome {
            Ok(SaveOutcome::Saved { revision }) => {
                seen.set(revision);
                status.set(SaveStatus::Saved);
            }
            Ok(SaveOutcome::Conflict) => {
                if let Some(other) = storage::load() {
                    status.set(SaveStatus::Conflict(other));
                }
            }
            Err(e) => status.set(SaveStatus::Failed(e)),
        }
    };
    let save = StoredValue::new(save);
    // A change is imported and saved once the text settles (300 ms without a keystroke): a
    // paste is one save, not one per input event. A tab hidden or closed before then saves at
    // once (`flush`), so what was typed is kept.
    let settle = move || {
        pending.set_value(None);
        committed.set(content.get_untracked());
        save.with_value(|s| s());
    };
    let commit_soon = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(settle, Duration::from_millis(300));
        pending.set_value(handle.ok());
    };
    let flush = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
            settle();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
    // An opened file's kind comes from its name (else its text); typing keeps the draft's kind.
    let set_content = move |text: String, file_name: Option<&str>| {
        let next = match file_name {
            Some(_) => DraftKind::detect(file_name, &text),
            None => content.with_untracked(|before| kind.get_untracked().after_edit(before, &text)),
        };
        // Set only when it changes: a keystroke must not wake what reads the kind.
        if kind.get_untracked() != next {
            kind.set(next);
        }
        content.set(text);
        commit_soon();
    };
    let choose_kind = move |ev: leptos::ev::Event| {
        kind.set(match event_target_value(&ev).as_str() {
            "json" => DraftKind::Json,
            _ => DraftKind::Text,
        });
        save.with_value(|s| s());
    };

    storage::on_other_tab_save(move |other| {
        if other.content == content.get_untracked() {
            seen.set(other.revision);
        } else {
            status.set(SaveStatus::Conflict(other));
        }
    });

    // A memo: the findings, the publish panel and the render read it, and the import runs once
    // per committed text, not once per reader.
    let processed = Memo::new(move |_| {
        let text = committed.get();
        (!text.trim().is_empty()).then(|| process(kind.get(), &text))
    });
    let processed = Signal::from(processed);

    // Reading a PDF: what is being read, or why it could not be (the draft is left as it was).
    let pdf_status = RwSignal::new(None::<PdfStatus>);
    let open_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            // Bytes, not File.text(): a UTF-16 file (Word's "Unicode" text) decodes as sheto does.
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            let Some(bytes) = bytes else {
                status.set(SaveStatus::Failed(SaveError::Unavailable));
                return;
            };
            let is_pdf = bytes.starts_with(b"%PDF-") || name.to_ascii_lowercase().ends_with(".pdf");
            if !is_pdf {
                pdf_status.set(None);
                set_content(crate::import::text::decode(&bytes).0, Some(&name));
                flush();
                return;
            }
            // Read here, in the browser: nothing is uploaded. Said first, and painted, since a
            // long PDF takes a moment on a phone; then page by page, the page kept responsive.
            pdf_status.set(Some(PdfStatus::Reading {
                name: name.clone(),
                page: 0,
                pages: 0,
            }));
            browser::after_paint().await;
            let progress = {
                let name = name.clone();
                move |page, pages| {
                    pdf_status.set(Some(PdfStatus::Reading {
                        name: name.clone(),
                        page,
                        pages,
                    }))
                }
            };
            match read_pdf(&bytes, progress).await {
                Ok((pages, text)) => {
                    pdf_status.set(Some(PdfStatus::Done { name, pages }));
                    set_content(text, Some("pdf.txt"));
                    flush();
                }
                Err(error) => pdf_status.set(Some(PdfStatus::Failed { name, error })),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    };
    let discard = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(t(Msg::DiscardConfirm)).ok())
            .unwrap_or(false);
        if sure {
            // A save still waiting for the typing to settle would bring the draft back.
            if let Some(h) = pending.get_value() {
                h.clear();
                pending.set_value(None);
            }
            storage::discard();
            content.set(String::new());
            committed.set(String::new());
            seen.set(0);
            status.set(SaveStatus::Empty);
        }
    };
    let take_theirs = move |other: StoredDraft| {
        if let Some(h) = pending.get_value() {
            h.clear();
            pending.set_value(None);
        }
        kind.set(other.kind);
        content.set(other.content.clone());
        committed.set(other.content);
        seen.set(other.revision);
        status.set(SaveStatus::Saved);
    };
    let keep_mine = move |other: StoredDraft| {
        seen.set(other.revision);
        save.with_value(|s| s());
    };
    let go_to_line = move |line: usize, column: usize| {
        if let Some(area) = textarea.get_untracked() {
            browser::select_line(&area, &content.get_untracked(), line, column);
        }
    };

    view! {
        <section class="editor" aria-labelledby="preview-heading" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
            <h1 id="preview-heading">{move || t(Msg::EditorHeading)}</h1>
            <p class="hint">{move || t(Msg::EditorHint)}</p>
            <div class="editor-tools">
                <label class="tool file-pick">
                    {move || t(Msg::OpenFile)}
                    <input type="file" accept=".pdf,.txt,.json,application/pdf,text/plain,application/json" on:change=on_pick />
                </label>
                <label class="tool draft-kind">
                    {move || t(Msg::DraftIs)}
                    <select on:change=choose_kind>
                        <option value="text" selected=move || kind.get() == DraftKind::Text>{move || t(Msg::KindText)}</option>
                        <option value="json" selected=move || kind.get() == DraftKind::Json>{move || t(Msg::KindJson)}</option>
                    </select>
                </label>
                <button type="button" class="tool" on:click=discard disabled=move || content.with(String::is_empty)>{move || t(Msg::Discard)}</button>
            </div>
            {move || pdf_status.get().map(|status| {
                let failed = matches!(status, PdfStatus::Failed { .. });
                view! {
                    <p class="pdf-status" class:failed=failed role=if failed { "alert" } else { "status" }>
                        {status.message(nav.lang())}
                    </p>
                }
            })}
            <label for="draft-text" class="visually-hidden">{move || t(Msg::DraftTextLabel)}</label>
            <textarea
                id="draft-text"
                node_ref=textarea
                spellcheck="false"
                placeholder=move || t(Msg::DraftPlaceholder)
                prop:value=move || content.get()
                on:input=move |ev| set_content(event_target_value(&ev), None)
            ></textarea>
            <p class="save-status" role="status">
                {move || {
                    let lang = nav.lang();
                    match status.get() {
                        SaveStatus::Empty => lang.text(Msg::SaveEmpty).to_string(),
                        SaveStatus::Restored => lang.text(Msg::SaveRestored).to_string(),
                        SaveStatus::Saved => lang.fill(Msg::SaveSaved, &[&seen.get()]),
                        SaveStatus::Failed(e) => lang.text(e.message()).to_string(),
                        SaveStatus::Conflict(_) => lang.text(Msg::SaveConflict).to_string(),
                    }
                }}
            </p>
            {move || match status.get() {
                SaveStatus::Conflict(other) => {
                    let theirs = other.clone();
                    Some(view! {
                        <div class="conflict" role="alert">
                            <p>{move || t(Msg::ConflictAsk)}</p>
                            <button type="button" class="tool" on:click=move |_| take_theirs(theirs.clone())>{move || t(Msg::TakeTheirs)}</button>
                            <button type="button" class="tool" on:click=move |_| keep_mine(other.clone())>{move || t(Msg::KeepMine)}</button>
                        </div>
                    })
                }
                _ => None,
            }}
            <FindingsPanel processed=processed on_line=go_to_line />
            <PublishPanel processed=processed draft=Signal::derive(move || content.get()) />
        </section>
        <DraftRender processed=processed />
    }
}

/// Where the reading of an opened PDF stands.
#[derive(Debug, Clone, PartialEq)]
enum PdfStatus {
    Reading {
        name: String,
        page: usize,
        pages: usize,
    },
    Done {
        name: String,
        pages: usize,
    },
    Failed {
        name: String,
        error: PdfFailure,
    },
}

/// Why a PDF could not be read: the reader's message, or a build without the PDF code.
#[derive(Debug, Clone, PartialEq)]
enum PdfFailure {
    #[cfg(feature = "pdf")]
    Pdf(crate::finding::Message),
    #[cfg(not(feature = "pdf"))]
    Unsupported,
}

impl PdfStatus {
    fn message(&self, lang: Lang) -> String {
        match self {
            PdfStatus::Reading { name, page, pages } if *pages > 1 => {
                lang.fill(Msg::PdfProgress, &[name, &(page + 1).min(*pages), pages])
            }
            PdfStatus::Reading { name, .. } => lang.fill(Msg::PdfReading, &[name]),
            PdfStatus::Done { name, pages } => lang.fill(Msg::PdfDone, &[name, pages]),
            PdfStatus::Failed { name, error } => {
                let reason = match error {
                    #[cfg(feature = "pdf")]
                    PdfFailure::Pdf(message) => message.text(lang),
                    #[cfg(not(feature = "pdf"))]
                    PdfFailure::Unsupported => lang.text(Msg::PdfUnsupported).to_string(),
                };
                lang.fill(Msg::PdfFailed, &[name, &reason])
            }
        }
    }
}

/// A PDF's page count and its text as the importer reads it, or why it cannot be read. Read
/// page by page, giving the browser a turn whenever a stretch of work passes 50 ms, so the page
/// paints the progress and answers input while a long PDF is read on a slow phone.
#[cfg(feature = "pdf")]
async fn read_pdf(
    bytes: &[u8],
    progress: impl Fn(usize, usize),
) -> Result<(usize, String), PdfFailure> {
    let now = || js_sys::Date::now();
    let since = &std::cell::Cell::new(now());
    let pause = |at: crate::pdf::Progress| {
        let due = now() - since.get() > 50.0;
        if due {
            progress(at.page, at.pages);
        }
        async move {
            if due {
                browser::next_task().await;
                since.set(now());
            }
        }
    };
    let pdf = crate::pdf::read_paced(bytes, pause)
        .await
        .map_err(|e| PdfFailure::Pdf(e.message()))?;
    progress(pdf.pages.len(), pdf.pages.len());
    browser::next_task().await;
    Ok((pdf.pages.len(), crate::import::from_pdf::extract(&pdf).text))
}

/// The reader's wasm is built without the PDF code (and never shows the preview).
#[cfg(not(feature = "pdf"))]
async fn read_pdf(_: &[u8], _: impl Fn(usize, usize)) -> Result<(usize, String), PdfFailure> {
    Err(PdfFailure::Unsupported)
}

/// The element ids a finding can point at are in the rendered draft; flash the one reached.
pub fn show_element(id: &str) {
    browser::scroll_to(id);
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = el.class_list().add_1("flash");
        let el: web_sys::Element = el.unchecked_into();
        set_timeout(
            move || drop(el.class_list().remove_1("flash")),
            Duration::from_millis(1600),
        );
    }
}
