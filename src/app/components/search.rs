//! Search across every issue: a box in the masthead and the results above the issue. The query
//! lives in the URL (`?q=`). The index's manifest (`issues/search/index.json`) is fetched when a
//! reader first focuses the box or opens a search link; each query then fetches only the shards
//! and texts it needs that this visit has not fetched yet (see [`crate::search`]).

use crate::app::{fetch, t, use_lang, LoadError, Nav};
use crate::i18n::{Lang, Msg};
use crate::search::{Archive, Hit, Loaded, Marked, Results, SearchFile, Step};
use crate::view_state::ViewState;
use leptos::either::Either;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Hits drawn at first, and added by each "show more"; all are counted.
const PAGE: usize = 20;
/// A new query's first hits are drawn as soon as their texts are in, before the page's.
const FIRST: usize = 10;

type ArchiveResource = LocalResource<Option<Result<Arc<Archive>, LoadError>>>;

/// The search index, shared by the box and the results; provided once by the app.
#[derive(Clone, Copy)]
pub struct SearchData {
    wanted: RwSignal<bool>,
    archive: ArchiveResource,
    /// What this visit has fetched, and is fetching (the browser's only: not `Send`).
    files: StoredValue<Rc<Files>, LocalStorage>,
}

/// The index's files fetched in this visit, those on the way, and the last failure of each.
/// A request is a JS promise, started at once and shared: a keystroke that needs a file the one
/// before asked for waits for the same request.
#[derive(Default)]
struct Files {
    loaded: RefCell<Loaded>,
    fetching: RefCell<Vec<(SearchFile, js_sys::Promise)>>,
    failed: RefCell<Vec<(SearchFile, LoadError)>>,
}

impl Files {
    /// Fetches every file wanted (all at once), into `loaded`; the first failure among them.
    async fn fetch_all(
        self: &Rc<Self>,
        archive: &Arc<Archive>,
        wanted: &[SearchFile],
    ) -> Result<(), LoadError> {
        let requests = js_sys::Array::new();
        for &file in wanted {
            let on_the_way = self
                .fetching
                .borrow()
                .iter()
                .find(|f| f.0 == file)
                .map(|f| f.1.clone());
            let request = on_the_way.unwrap_or_else(|| {
                // A failure of an earlier request for it is old news.
                self.failed.borrow_mut().retain(|f| f.0 != file);
                let (files, archive) = (self.clone(), archive.clone());
                let request = wasm_bindgen_futures::future_to_promise(async move {
                    let result = fetch::search_file(&archive, &files.loaded, file).await;
                    files.fetching.borrow_mut().retain(|f| f.0 != file);
                    if let Err(e) = result {
                        files.failed.borrow_mut().push((file, e));
                    }
                    Ok(wasm_bindgen::JsValue::UNDEFINED)
                });
                self.fetching.borrow_mut().push((file, request.clone()));
                request
            });
            requests.push(&request);
        }
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&requests)).await;
        // Taken: the next query asks for a failed file again.
        let mut failed = self.failed.borrow_mut();
        let first = failed.iter().position(|f| wanted.contains(&f.0));
        first.map_or(Ok(()), |i| Err(failed.swap_remove(i).1))
    }
}

pub fn provide_search(nav: Nav) {
    let wanted = RwSignal::new(false);
    // Needed from the first focus or search link (`?q=…`) on, and kept: closing a search does
    // not throw what was fetched away.
    let needed = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || wanted.get() || nav.q.with(Option::is_some)
    });
    let archive = LocalResource::new(move || {
        needed.track();
        async move {
            // Read when the request runs, not when it is made: a resource's first request is
            // kept even if what it read changes before it runs (the URL's `?q=` applied just
            // after the page is adopted), and it would answer "not needed" for good.
            if !needed.get_untracked() {
                return None;
            }
            Some(
                fetch::search_manifest()
                    .await
                    .map(|m| Arc::new(Archive::new(m))),
            )
        }
    });
    let files = StoredValue::new_local(Rc::new(Files::default()));
    provide_context(SearchData {
        wanted,
        archive,
        files,
    });
}

/// A query's results: step by step, fetching (all at once) what each step asks for. Two steps
/// at most fetch: the shards of its grams, then the texts of the hits it shows.
async fn run_query(
    archive: Arc<Archive>,
    files: Rc<Files>,
    q: String,
    limit: usize,
) -> Result<Results, LoadError> {
    loop {
        let step = timed("sheto:search", || {
            archive.search(&q, limit, &files.loaded.borrow())
        });
        match step {
            Step::Done(results) => return Ok(results),
            Step::Fetch(wanted) => files.fetch_all(&archive, &wanted).await?,
        }
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let data = expect_context::<SearchData>();
    let value = move || nav.q.get().unwrap_or_default();
    let on_input = move |ev: leptos::ev::Event| {
        data.wanted.set(true);
        let q = Some(event_target_value(&ev)).filter(|q| !q.trim().is_empty());
        let state = nav.state.get_untracked();
        // Opening a search is a history entry (Back closes it); typing on refines it in place.
        let opening = state.q.is_none();
        let next = ViewState { q, ..state };
        if opening {
            nav.go(next)
        } else {
            nav.replace(next)
        }
    };
    // A plain GET form: sent before the app is there, it opens this page with `?q=`, which the
    // app, once it arrives, answers. Once there, the app answers each keystroke instead.
    view! {
        <form class="search" role="search" method="get" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">{t(Msg::SearchLabel)}</label>
            <input
                id="search-input"
                name="q"
                type="search"
                enterkeyhint="search"
                autocomplete="off"
                placeholder=t(Msg::SearchPlaceholder)
                prop:value=value
                on:input=on_input
                on:focus=move |_| data.wanted.set(true)
            />
        </form>
    }
}

/// Marked text as the reader sees it: in 简, Simplified; matches in <mark>.
fn marked_view(marked: &Marked, archive: &Archive, lang: Lang) -> impl IntoView {
    let show = |text: &str| match lang {
        Lang::Hans => archive.folder.simplified(text),
        Lang::Hant | Lang::En => text.to_string(),
    };
    // Either, not AnyView: a search draws hundreds of these per keystroke.
    let pieces = marked.pieces().into_iter().map(|(text, hit)| {
        if hit {
            Either::Left(view! { <mark>{show(text)}</mark> })
        } else {
            Either::Right(show(text))
        }
    });
    view! {
        {marked.cut_before.then_some("…")}
        {pieces.collect_view()}
        {marked.cut_after.then_some("…")}
    }
}

fn hit_view(hit: &Hit, archive: &Archive, lang: Lang, nav: Nav) -> impl IntoView {
    let state = nav.state.get_untracked();
    let target = ViewState {
        issue: Some(hit.issue),
        regions: hit.region.into_iter().collect(),
        section: None,
        item: Some(hit.anchor.clone()),
        q: None,
        src: None,
        lang: state.lang,
    };
    let href = nav.href(&target);
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        nav.go(target.clone());
    };
    let issue = lang.fill(Msg::IssueNumber, &[&hit.issue]);
    let region = hit.region.map(|r| r.name(lang));
    view! {
        <li class="hit">
            <a href=href on:click=go>
                <span class="hit-meta">{issue} {region.map(|r| format!(" · {r}"))}</span>
                <span class="hit-title" lang=lang.script().tag()>{marked_view(&hit.title, archive, lang)}</span>
                <span class="hit-snippet" lang=lang.script().tag()>{marked_view(&hit.snippet, archive, lang)}</span>
            </a>
        </li>
    }
}

fn results_view(
    archive: &Archive,
    results: &Results,
    q: &str,
    lang: Lang,
    nav: Nav,
) -> impl IntoView {
    let status = match results.total {
        0 => lang.fill(Msg::SearchNone, &[&q]),
        n if n > results.hits.len() => lang.fill(Msg::SearchShowing, &[&n, &results.hits.len()]),
        n => lang.fill(Msg::SearchCount, &[&n]),
    };
    view! {
        <p class="search-status" role="status">{status}</p>
        // The query these results answer (the box may already hold the next one).
        <ol class="hits" data-query=q.to_string()>
            {results.hits.iter().map(|h| hit_view(h, archive, lang, nav)).collect_view()}
        </ol>
    }
}

/// How many hits to draw for a query: a page, more after "show more", a page again for a new query.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    query: String,
    count: usize,
}

impl Shown {
    fn for_query(&self, q: &str) -> usize {
        if self.query == q {
            self.count
        } else {
            PAGE
        }
    }
}

/// Runs `f` between two performance marks and records their measure under `name`, so the
/// benchmark can tell the search itself from drawing its results.
fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    out
}

#[component]
pub fn SearchResults() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let data = expect_context::<SearchData>();
    let lang = use_lang();
    let q = nav.q;
    let shown = RwSignal::new(Shown::default());
    let more = move |_| {
        if let Some(q) = q.get_untracked() {
            let count = shown.with_untracked(|s| s.for_query(&q)) + PAGE;
            shown.set(Shown { query: q, count });
        }
    };
    let close = move |_| {
        let state = nav.state.get_untracked();
        nav.go(ViewState { q: None, ..state });
    };
    // The query's answer: its results once the files they need are in; the first hits as soon
    // as theirs are. A new keystroke starts a new run; an older run's answer is dropped.
    type Answer = Result<(String, Arc<Archive>, Arc<Results>), LoadError>;
    let answer = RwSignal::new(None::<Answer>);
    let runs = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let q = q.get();
        let limit = q
            .as_deref()
            .map_or(PAGE, |q| shown.with(|s| s.for_query(q)));
        let archive = data.archive.get();
        let files = data.files.get_value();
        let run = runs.get_value() + 1;
        runs.set_value(run);
        let (Some(q), Some(Some(archive))) = (q, archive) else {
            return;
        };
        let archive = match archive {
            Ok(archive) => archive,
            Err(e) => return answer.set(Some(Err(e))),
        };
        let limits = if limit == PAGE {
            vec![FIRST, PAGE]
        } else {
            vec![limit]
        };
        leptos::task::spawn_local(async move {
            for limit in limits {
                let results = run_query(archive.clone(), files.clone(), q.clone(), limit).await;
                // A newer keystroke took over, or the results are gone (a hit was opened, the
                // search closed): this run's answer is nobody's.
                if runs.try_get_value() != Some(run) {
                    return;
                }
                let failed = results.is_err();
                let answered = Some(results.map(|r| (q.clone(), archive.clone(), Arc::new(r))));
                if answer.try_set(answered).is_some() || failed {
                    return;
                }
                // The first hits painted before the rest are asked for: starting ten requests
                // takes a phone tens of milliseconds.
                crate::app::browser::after_paint().await;
            }
        });
    });
    move || {
        let q = q.get()?;
        let failed = |e: LoadError| {
            view! {
                <p class="search-status error-message" role="alert">
                    {lang.fill(Msg::SearchFailed, &[&e.message(lang)])}
                </p>
            }
            .into_any()
        };
        let body = match (data.archive.get(), answer.get()) {
            (Some(Some(Err(e))), _) => failed(e),
            (_, Some(Err(e))) => failed(e),
            // The last results drawn stay until the new query's arrive (no flash of "loading").
            (_, Some(Ok((answered, archive, results)))) => {
                let more_left = results.total > results.hits.len();
                view! {
                    {results_view(&archive, &results, &answered, lang, nav)}
                    {more_left.then(|| view! {
                        <button type="button" class="tool more" on:click=more>{lang.text(Msg::SearchMore)}</button>
                    })}
                }
                .into_any()
            }
            _ => {
                view! { <p class="search-status" role="status">{lang.text(Msg::SearchLoading)}</p> }
                    .into_any()
            }
        };
        Some(view! {
            // The page's main content while searching (the issue's <main> is hidden meanwhile).
            <main id="search-main" class="search-results" tabindex="-1" aria-labelledby="search-heading">
                <div class="search-head">
                    <h2 id="search-heading">{lang.text(Msg::Search)} "：" {q.clone()}</h2>
                    <button type="button" class="tool" on:click=close>{lang.text(Msg::SearchClose)}</button>
                </div>
                {body}
            </main>
        })
    }
}
