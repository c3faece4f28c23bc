//! The reader app (browser only): loads the archive index and an issue with gloo-net and
//! renders it with Leptos. All state is the URL plus one signal ([`Nav`]); everything shown is
//! derived from it and the loaded bundle.

pub(crate) mod browser;
pub mod chart;
pub mod components;
pub(crate) mod download;
pub(crate) mod fetch;
pub mod panic;
pub mod preview;

use crate::bundle::{ArchiveIndex, Issue};
use crate::view_state::ViewState;
use components::{ArchiveLinks, IssueView, LoadErrorCard, Skeleton};
pub use fetch::LoadError;
use leptos::prelude::*;
use std::sync::Arc;

/// Mounts the reader on `<body>`; called by the `sheto-reader` binary (index.html).
pub fn start() {
    panic::install();
    remove_boot_placeholder();
    leptos::mount::mount_to_body(App);
}

/// index.html paints the title and a skeleton before the wasm arrives; the app takes over.
fn remove_boot_placeholder() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Mounts the staff preview on `<body>`; called by the `sheto-preview` binary (preview.html).
/// A binary of its own, so readers never download the importer and the editor.
pub fn start_preview() {
    panic::install();
    leptos::mount::mount_to_body(|| {
        provide_shell();
        view! { <preview::PreviewPage /> }
    });
}

/// What every page shares: the view state from the URL and the archive index.
fn provide_shell() -> (Nav, IndexResource) {
    let nav = Nav::new(browser::current_state());
    browser::on_location_change(move || nav.sync_from_location());
    provide_context(nav);
    let index: IndexResource =
        LocalResource::new(|| async { fetch::archive_index().await.map(Arc::new) });
    provide_context(index);
    (nav, index)
}

/// The view state and the one way to change it: push the new URL, then set the signal.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: ReadSignal<ViewState>,
    set: WriteSignal<ViewState>,
}

impl Nav {
    /// A view of the app from a state, for component tests and the preview.
    pub fn new(initial: ViewState) -> Nav {
        let (state, set) = signal(initial);
        Nav { state, set }
    }

    /// Moves to a new view: a new history entry, so back and forward step through changes.
    pub fn go(&self, next: ViewState) {
        if self.state.with_untracked(|s| *s != next) {
            browser::push_url(&next);
            self.set.set(next);
        }
    }

    /// Follows the URL after back/forward or a hash link.
    fn sync_from_location(&self) {
        self.set.set(browser::current_state());
    }
}

/// The archive index as loaded, shared with the issue picker.
pub type IndexResource = LocalResource<Result<Arc<ArchiveIndex>, LoadError>>;

/// The reader: the issue in the URL (or the newest), loaded through the archive index.
#[component]
pub fn App() -> impl IntoView {
    let (nav, index) = provide_shell();
    let update_ready = RwSignal::new(false);
    browser::register_service_worker(move || update_ready.set(true));
    let wanted = Memo::new(move |_| nav.state.with(|s| s.issue));
    let issue = LocalResource::new(move || {
        let wanted = wanted.get();
        async move {
            let index = index.await?;
            fetch::issue(&index, wanted).await.map(Arc::new)
        }
    });
    let retry = move || {
        index.refetch();
        issue.refetch();
    };

    // Once an issue is on the page, a section in the URL is scrolled to (the browser's own
    // jump happened before the content existed).
    Effect::new(move |_| {
        if let Some(Ok(_)) = issue.get() {
            if let Some(section) = nav.state.get_untracked().section {
                browser::scroll_to(section.id());
            }
        }
    });

    view! {
        <a class="skip-link" href="#main">"跳到正文"</a>
        <div class="update-banner" role="status" hidden=move || !update_ready.get()>
            "本頁有新版本。"
            <button type="button" class="tool" on:click=|_| browser::reload()>"重新載入"</button>
        </div>
        {move || match issue.get() {
            None => view! { <Skeleton /> }.into_any(),
            Some(Ok(issue)) => view! { <IssueView issue=issue /> }.into_any(),
            Some(Err(error)) => view! {
                <LoadErrorCard error=error on_retry=retry />
                <ArchiveLinks />
            }
            .into_any(),
        }}
    }
}

/// Keeps the document's title in step with the issue on screen.
pub fn set_document_title(issue: &Issue) {
    browser::set_title(&format!(
        "{} {}",
        issue.masthead.title, issue.masthead.dateline
    ));
}
