//! The reader app (browser only): loads the archive index and an issue with gloo-net and
//! renders it with Leptos. All state is the URL plus one signal ([`Nav`]); everything shown is
//! derived from it and the loaded bundle.

pub(crate) mod browser;
pub mod chart;
pub mod components;
pub(crate) mod download;
pub(crate) mod fetch;
pub mod later;
pub mod panic;
pub mod preview;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;

use crate::bundle::{ArchiveIndex, Issue};
use crate::i18n::{Lang, Msg};
use crate::view_state::{Place, ViewState};
use components::{ArchiveLinks, IssueView, LoadErrorCard, Skeleton};
pub use fetch::LoadError;
use leptos::prelude::*;
use std::sync::Arc;

/// Starts the reader (the `sheto-reader` binary, index.html). A page published with an issue
/// (`sheto publish`) is adopted as it is (hydration: no second render, nothing moves); a page
/// without one is drawn from nothing.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    // A task of its own: the wasm's compilation ends the task it ran in, and the page is adopted
    // in the next, so neither blocks a reader's tap for their sum.
    set_timeout(adopt_or_draw, std::time::Duration::ZERO);
}

#[cfg(target_arch = "wasm32")]
fn adopt_or_draw() {
    let root = browser::app_root();
    // The issue's data read in a task of its own, the page's frame adopted in the next.
    let browser::PublishedPage { issue, place, lang } = browser::published_issue();
    browser::set_place(place);
    let start = move || match (issue, lang) {
        (Some(issue), Some(lang)) => {
            browser::carry_choices(place);
            let page = Some(Arc::new(issue));
            leptos::mount::hydrate_from(root, move || {
                view! { <App page=page place=place lang=lang /> }
            })
            .forget();
        }
        _ => {
            // Whatever the page held (a skeleton, or a page whose data did not parse) goes.
            root.set_inner_html("");
            leptos::mount::mount_to(root, move || view! { <App page=None place=place /> }).forget();
        }
    };
    set_timeout(start, std::time::Duration::ZERO);
}

/// The id of the `<script type="application/json">` holding a published page's issue.
pub const PUBLISHED_ISSUE_ID: &str = "sheto-issue";

/// Whether the page is live: drawn in this browser, or adopted by it. False while a page
/// rendered at publish time is being adopted (and at publish time itself), so what differs in
/// a browser (a chart's canvas in place of its SVG) takes its place only once the page is live.
#[derive(Clone, Copy)]
pub struct Live(pub ReadSignal<bool>);

/// Is the page live? Tracked. Without an app around it (a component test) it is, in a browser.
pub fn is_live() -> Signal<bool> {
    match use_context::<Live>() {
        Some(Live(live)) => live.into(),
        None => Signal::stored(cfg!(target_arch = "wasm32")),
    }
}

/// Mounts the staff preview on `<body>`; called by the `sheto-preview` binary (preview.html).
/// A binary of its own, so readers never download the importer and the editor.
pub fn start_preview() {
    panic::install();
    leptos::mount::mount_to_body(|| {
        let (nav, _) = provide_shell(browser::current_state(Place::Site), Place::Site);
        nav.saved
            .set(browser::saved_lang().unwrap_or_else(browser::browser_lang));
        browser::on_location_change(move || nav.sync_from_location());
        browser::mark_live();
        view! { <preview::PreviewPage /> }
    });
}

/// What every page shares: the view state and the archive index. Nothing here touches the
/// browser: the reader's page is also rendered at publish time.
fn provide_shell(initial: ViewState, place: Place) -> (Nav, IndexResource) {
    let nav = Nav::at(initial, place);
    // The document's language follows the interface (the issue's own text says its own).
    Effect::new(move |_| {
        let lang = nav.lang();
        browser::set_document_lang(lang.html_tag());
        panic::set_lang(lang);
    });
    provide_context(nav);
    // Fetched once the page is adopted: the issue picker in a part still waiting to be adopted
    // must draw what was published (no index), and the adoption's tasks stay short.
    let index: IndexResource = LocalResource::new(|| async {
        later::adopted().await;
        fetch::archive_index().await.map(Arc::new)
    });
    provide_context(index);
    (nav, index)
}

/// The view state and the one way to change it: push the new URL, then set the signal.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: ReadSignal<ViewState>,
    set: WriteSignal<ViewState>,
    /// The reader's saved language (or the browser's, on a first visit): used when the URL
    /// names none.
    saved: RwSignal<Lang>,
    /// The interface language: a memo, so a filter or a keystroke does not wake its readers.
    lang: Memo<Lang>,
    /// The open search's query, likewise.
    pub q: Memo<Option<String>>,
    /// The chosen provinces, likewise: what is filtered wakes when they change, not at every
    /// keystroke.
    pub regions: Memo<crate::filter::Filter>,
    /// The section in the URL's hash, likewise.
    pub section: Memo<Option<crate::view_state::Section>>,
    /// The page the app is on: its links and history entries are relative to it.
    pub place: Place,
}

impl Nav {
    /// A view of the app from a state, for component tests and the preview.
    pub fn new(initial: ViewState) -> Nav {
        Nav::at(initial, Place::Site)
    }

    /// A view of the app on a page at `place`.
    pub fn at(initial: ViewState, place: Place) -> Nav {
        let (state, set) = signal(initial);
        let saved = RwSignal::new(Lang::default());
        let lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or_else(|| saved.get()));
        let q = Memo::new(move |_| state.with(|s| s.q.clone()));
        let regions = Memo::new(move |_| state.with(|s| s.regions.clone()));
        let section = Memo::new(move |_| state.with(|s| s.section));
        Nav {
            state,
            set,
            saved,
            lang,
            q,
            regions,
            section,
            place,
        }
    }

    /// The link to a view from this page.
    pub fn href(&self, state: &ViewState) -> String {
        state.href_at(self.place)
    }

    /// A file of the site (`issues/index.html`) as a link from this page.
    pub fn site_href(&self, path: &str) -> String {
        format!("{}{path}", self.place.root())
    }

    /// The interface language: the URL's, else the saved one. Tracked.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The switch: remembered in this browser, and in the URL so the page can be shared.
    pub fn set_lang(&self, lang: Lang) {
        browser::save_lang(lang);
        self.saved.set(lang);
        let state = self.state.get_untracked();
        self.go(ViewState {
            lang: Some(lang),
            ..state
        });
    }

    /// Changes the view without a history entry (each keystroke of a search).
    pub fn replace(&self, next: ViewState) {
        if self.state.with_untracked(|s| *s != next) {
            later::adopt_all();
            browser::replace_url(&next, self.place);
            self.set.set(next);
        }
    }

    /// Moves to a new view: a new history entry, so back and forward step through changes.
    pub fn go(&self, next: ViewState) {
        if self.state.with_untracked(|s| *s != next) {
            later::adopt_all();
            browser::push_url(&next, self.place);
            self.set.set(next);
        }
    }

    /// Follows the URL after back/forward or a hash link.
    fn sync_from_location(&self) {
        later::adopt_all();
        self.set.set(browser::current_state(self.place));
    }
}

/// The archive index as loaded, shared with the issue picker.
pub type IndexResource = LocalResource<Result<Arc<ArchiveIndex>, LoadError>>;

/// The reader: the issue in the URL (or the newest), loaded through the archive index.
/// `page`: the issue the page was published with, drawn at once (at publish time, and in the
/// browser that adopts that page); the URL's own view follows once the page is live.
/// `place`: the site's page (the newest issue) or the issue's own page. `lang`: the interface
/// the page was published in (by default, the issue's own script's).
#[component]
pub fn App(
    page: Option<Arc<Issue>>,
    #[prop(optional)] place: Place,
    #[prop(optional)] lang: Option<Lang>,
) -> impl IntoView {
    let published = page.as_ref().map(|issue| issue.number);
    let initial = match &page {
        Some(issue) => ViewState {
            issue: (place == Place::IssuePage).then_some(issue.number),
            lang: Some(lang.unwrap_or(Lang::from(issue.lang))),
            ..ViewState::default()
        },
        None => browser::current_state(place),
    };
    let (nav, index) = provide_shell(initial, place);
    if page.is_none() {
        // Drawn from nothing: in the reader's language from the first frame.
        nav.saved
            .set(browser::saved_lang().unwrap_or_else(browser::browser_lang));
    }
    let adopted = page.is_some();
    let (live, set_live) = signal(!adopted);
    provide_context(Live(live));
    let update_ready = RwSignal::new(false);
    // In the browser only (an effect runs after the page is drawn or adopted): the reader's
    // language, the URL's view, back and forward, offline reading. Once every part of the page
    // is adopted (each in a short task of its own), and in a task of its own; the page is marked
    // live once the charts too have taken their places.
    Effect::new(move |_| {
        later::when_adopted(move || {
            if adopted {
                nav.saved
                    .set(browser::saved_lang().unwrap_or_else(browser::browser_lang));
            }
            nav.sync_from_location();
            browser::on_location_change(move || nav.sync_from_location());
            browser::on_service_worker_update(move || update_ready.set(true));
            set_live.set(true);
            later::when_adopted(browser::mark_live);
        });
    });
    components::provide_search(nav);
    let wanted = Memo::new(move |_| nav.state.with(|s| s.issue));
    // Memos, so a keystroke in the search box (a URL change) redraws neither the issue nor
    // scrolls again.
    let lang = nav.lang;
    let script = Memo::new(move |_| lang.get().script());
    let item = Memo::new(move |_| nav.state.with(|s| s.item.clone()));
    // The issue on screen. Not a resource: a resource runs its fetches one after another and
    // lost a change made while one was on the way (↓ held on the picker showed an older issue
    // than the URL). Here each request is numbered and only the latest may land.
    let issue = RwSignal::new(page.map(Ok::<_, LoadError>));
    let attempt = RwSignal::new(0_u32);
    let latest = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let (wanted, script, _) = (wanted.get(), script.get(), attempt.get());
        latest.update_value(|n| *n += 1);
        // The issue on screen is the one wanted (the published page's stands for the newest):
        // nothing to fetch, nothing to draw again.
        let target = wanted.or(published);
        let shown = issue.with_untracked(|shown| match shown {
            Some(Ok(shown)) => Some(shown.number) == target && shown.lang == script,
            _ => false,
        });
        if shown {
            return;
        }
        let Some(index) = index.get() else { return };
        let request = latest.get_value();
        leptos::task::spawn_local(async move {
            let loaded = match index {
                Ok(index) => fetch::issue(&index, wanted, script).await.map(Arc::new),
                Err(e) => Err(e),
            };
            if latest.get_value() == request {
                issue.set(Some(loaded));
            }
        });
    });
    let retry = move || {
        index.refetch();
        attempt.update(|n| *n += 1);
    };

    // Once an issue is on the page, a section or item in the URL is scrolled to (the browser's
    // own jump happened before the content existed); an item from a search is also marked.
    Effect::new(move |_| {
        let item = item.get();
        if let Some(Ok(_)) = issue.get() {
            match (nav.state.get_untracked().section, item) {
                (Some(section), _) => browser::scroll_to(section.id()),
                (None, Some(item)) => browser::scroll_to_and_mark(&item),
                (None, None) => {}
            }
        }
    });
    let t = move |msg| lang.get().text(msg);

    view! {
        <a class="skip-link" href=move || if nav.q.with(Option::is_some) { "#search-main" } else { "#main" }>
            {move || t(Msg::SkipLink)}
        </a>
        <div class="update-banner" role="status" hidden=move || !update_ready.get()>
            {move || t(Msg::UpdateReady)}
            <button type="button" class="tool" on:click=|_| browser::reload()>{move || t(Msg::Reload)}</button>
        </div>
        // Everything below is drawn in one language: a switch redraws it.
        {move || match (lang.get(), issue.get()).1 {
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

/// The interface language where a component is drawn (a switch redraws the page).
pub fn use_lang() -> Lang {
    use_context::<Nav>().map_or_else(Lang::default, |nav| nav.lang_untracked())
}

/// The interface language, tracked: for a page that is not redrawn on a switch (the staff
/// preview's editor keeps its draft and caret), each text follows it.
pub fn lang_signal() -> Signal<Lang> {
    match use_context::<Nav>() {
        Some(nav) => nav.lang.into(),
        None => Signal::stored(Lang::default()),
    }
}

/// A text of the interface in the language where a component is drawn.
pub fn t(msg: Msg) -> &'static str {
    use_lang().text(msg)
}

/// Keeps the document's title in step with the issue on screen.
pub fn set_document_title(issue: &Issue) {
    browser::set_title(&issue.masthead.full_name());
}
