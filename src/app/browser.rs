//! The thin layer over the browser the app needs: the URL, history and scrolling.

use crate::i18n::Lang;
use crate::view_state::{Place, ViewState};
use leptos::ev;
use leptos::prelude::*;

fn window() -> web_sys::Window {
    web_sys::window().expect("the reader runs in a browser window")
}

/// The view state in the address bar of a page at `place`, the app's own changes still waiting
/// for their frame written first (else a change made before the page was adopted would be read
/// back as the older address and undone).
pub fn current_state(place: Place) -> ViewState {
    write_pending_urls();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    ViewState::parse_at(
        place,
        path.rsplit('/').next().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// What a reader did in the page's own forms before the app adopted it (the province filter
/// works from the HTML, see `RegionChips`; the search box takes a query): carried into the
/// address, so the app starts where the reader is rather than undoing it.
#[cfg(target_arch = "wasm32")]
pub fn carry_choices(place: Place) {
    use wasm_bindgen::JsCast;
    let inputs = |selector: &str| -> Vec<web_sys::HtmlInputElement> {
        let Ok(found) = document().query_selector_all(selector) else {
            return Vec::new();
        };
        (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into().ok())
            .collect()
    };
    let chosen: crate::filter::Filter = inputs(".region-chips input:checked")
        .iter()
        .filter_map(|input| crate::region::Region::from_id(&input.value()))
        .collect();
    let typed = inputs("#search-input")
        .first()
        .map(|input| input.value())
        .filter(|q| !q.trim().is_empty());
    let state = current_state(place);
    let mut next = state.clone();
    if chosen.is_on() && !state.regions.is_on() {
        next.regions = chosen;
    }
    if typed.is_some() && state.q.is_none() {
        next.q = typed;
    }
    if next != state {
        replace_url(&next, place);
        write_pending_urls();
    }
}

/// Adds a history entry for a state; the folder stays, so any sub-path works.
pub fn push_url(state: &ViewState, place: Place) {
    set_url(state, place, true);
}

/// Replaces the current history entry's URL (no new entry).
pub fn replace_url(state: &ViewState, place: Place) {
    set_url(state, place, false);
}

// Writing the address bar (a synchronous round trip to the browser, 0.2–6 ms on a phone
// profile) waits until the page has drawn the change: a chip answers at once, and the URL
// follows a frame later. Writes within a frame are kept in order.
thread_local! {
    static PENDING_URLS: std::cell::RefCell<Vec<(String, bool)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn set_url(state: &ViewState, place: Place, new_entry: bool) {
    let path = window().location().pathname().unwrap_or_default();
    let url = match place {
        // The site's page keeps its own name (index.html, preview.html, or none).
        Place::Site => format!("{path}{}", state.to_url()),
        Place::IssuePage => {
            let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
            format!("{folder}{}", state.href_at(place))
        }
    };
    let first = PENDING_URLS.with_borrow_mut(|pending| {
        pending.push((url, new_entry));
        pending.len() == 1
    });
    if first {
        request_animation_frame(|| set_timeout(write_pending_urls, std::time::Duration::ZERO));
    }
}

fn write_pending_urls() {
    let pending = PENDING_URLS.with_borrow_mut(std::mem::take);
    let Ok(history) = window().history() else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    for (url, new_entry) in pending {
        let _ = if new_entry {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Back/forward moved the URL: a write still waiting for its frame is from before, and would
/// undo the move.
fn drop_pending_urls() {
    PENDING_URLS.with_borrow_mut(Vec::clear);
}

const LANG_KEY: &str = "sheto-lang";

/// The language the reader chose last time in this browser.
pub fn saved_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    Lang::from_tag(&storage.get_item(LANG_KEY).ok().flatten()?)
}

/// Remembers the reader's choice; a browser that refuses storage still switches, for this visit.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// The first visit's language, from the browser's preferred languages.
pub fn browser_lang() -> Lang {
    let languages: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    Lang::negotiate(&languages)
}

pub fn set_document_lang(tag: &str) {
    if let Some(root) = window().document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Scrolls to an item and marks it for a moment, so the reader sees what the search found.
pub fn scroll_to_and_mark(id: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
        let _ = el.class_list().add_1("found");
    }
}

/// Calls `f` when back/forward or a `#section` link changes the URL.
pub fn on_location_change(f: impl Fn() + Clone + 'static) {
    let g = f.clone();
    let pop = window_event_listener(ev::popstate, move |_| {
        drop_pending_urls();
        f()
    });
    let hash = window_event_listener(ev::hashchange, move |_| {
        drop_pending_urls();
        g()
    });
    // The listeners live as long as the app: it is the whole page.
    std::mem::forget((pop, hash));
}

pub fn scroll_to(id: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

pub fn set_title(title: &str) {
    if let Some(doc) = window().document() {
        doc.set_title(title);
    }
}

/// Selects a line of a textarea's text and scrolls it into view (offsets are UTF-16).
pub fn select_line(area: &web_sys::HtmlTextAreaElement, text: &str, line: usize, column: usize) {
    let mut start = 0u32;
    let mut lines = text.split('\n');
    for _ in 1..line {
        match lines.next() {
            Some(l) => start += l.encode_utf16().count() as u32 + 1,
            None => break,
        }
    }
    let this_line = lines.next().unwrap_or("");
    let length = this_line.encode_utf16().count() as u32;
    let at = start + (column.saturating_sub(1) as u32).min(length);
    let _ = area.focus();
    let _ = area.set_selection_range(at, start + length);
    let total = text.split('\n').count().max(1) as f64;
    let height = area.scroll_height() as f64;
    area.set_scroll_top(((line.saturating_sub(3)) as f64 / total * height) as i32);
}

/// `on_update` runs when a newer build's worker has taken over this page of an older build.
/// The loader (Trunk.toml) registers the worker (offline reading) and watches from the page's
/// start, the app or not: it says so by `data-updated` on `<html>` (before the app started) or
/// the `sheto-updated` event (after).
pub fn on_service_worker_update(on_update: impl Fn() + 'static) {
    use wasm_bindgen::prelude::*;
    let updated = window()
        .document()
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.has_attribute("data-updated"));
    if updated {
        on_update();
        return;
    }
    let callback = Closure::<dyn Fn()>::new(on_update);
    let _ = window()
        .add_event_listener_with_callback("sheto-updated", callback.as_ref().unchecked_ref());
    callback.forget();
}

pub fn reload() {
    let _ = window().location().reload();
}

#[cfg(target_arch = "wasm32")]
/// Where the reader draws: `<div id="app">` in index.html (the body in an older page).
pub fn app_root() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = window().document().expect("a page has a document");
    match document.get_element_by_id("app") {
        Some(root) => root.unchecked_into(),
        None => document.body().expect("a page has a body"),
    }
}

thread_local! {
    static SITE_ROOT: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

/// Where the page is in its site, set once when the app starts: the site's files (the issues'
/// bundles, the search index, the service worker) are fetched relative to its root.
#[cfg(target_arch = "wasm32")]
pub fn set_place(place: Place) {
    SITE_ROOT.set(place.root());
}

/// A file of the site (`issues/index.json`) as a URL relative to the page.
pub fn site_url(path: &str) -> String {
    format!("{}{path}", SITE_ROOT.get())
}

#[cfg(target_arch = "wasm32")]
/// The issue the page was published with (`sheto publish` writes its bundle into the page as
/// `<script type="application/json" id="sheto-issue">`), for the app to adopt the page it
/// finds. None when the page holds none or it does not parse: then the app draws from nothing.
/// Where the page is: an issue's own page says so (`data-place="issue"` on its data), whether or
/// not its data parses, so a damaged page still fetches from the site's root.
pub fn published_issue() -> PublishedPage {
    let data = window()
        .document()
        .and_then(|d| d.get_element_by_id(crate::app::PUBLISHED_ISSUE_ID));
    let attribute = |name: &str| data.as_ref().and_then(|d| d.get_attribute(name));
    let place = match attribute("data-place").as_deref() {
        Some("issue") => Place::IssuePage,
        _ => Place::Site,
    };
    let issue: Option<crate::bundle::Issue> = data
        .as_ref()
        .and_then(|d| d.text_content())
        .and_then(|text| serde_json::from_str(&text).ok());
    let lang = attribute("data-lang").and_then(|tag| Lang::from_tag(&tag));
    PublishedPage {
        lang: lang.or(issue.as_ref().map(|i| Lang::from(i.lang))),
        issue,
        place,
    }
}

/// What a published page holds: its issue (if it parses), where the page is, and the interface
/// language it was drawn in.
#[cfg(target_arch = "wasm32")]
pub struct PublishedPage {
    pub issue: Option<crate::bundle::Issue>,
    pub place: Place,
    pub lang: Option<Lang>,
}

/// Marks the page live (`<html class="live">`): the controls that need the app are shown.
pub fn mark_live() {
    let Some(document) = window().document() else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("live");
    }
    drop_rules_before_the_app(&document);
}

/// The stylesheet's rules for a page the app has not adopted (`:root:not(.live) …`: the
/// province filter by `:has()`) no longer match once it has, but the browser would still
/// re-evaluate their `:has()` at every filter change, doubling its cost (p95 13.5 → 24–40 ms at
/// CPU ×4): the app, which filters from here on, removes them (from within `@media` too).
fn drop_rules_before_the_app(document: &web_sys::Document) {
    use wasm_bindgen::JsCast;
    use web_sys::{CssGroupingRule, CssRuleList, CssStyleRule, CssStyleSheet};
    fn prune(rules: &CssRuleList, delete: &dyn Fn(u32)) {
        for r in (0..rules.length()).rev() {
            let Some(rule) = rules.get(r) else { continue };
            // A style rule first: where nesting is implemented it is a grouping rule too.
            if let Some(style) = rule.dyn_ref::<CssStyleRule>() {
                if style.selector_text().starts_with(":root:not(.live)") {
                    delete(r);
                }
            } else if let Some(group) = rule.dyn_ref::<CssGroupingRule>() {
                prune(&group.css_rules(), &|i| {
                    let _ = group.delete_rule(i);
                });
            }
        }
    }
    let sheets = document.style_sheets();
    for s in 0..sheets.length() {
        let Some(sheet) = sheets
            .get(s)
            .and_then(|s| s.dyn_into::<CssStyleSheet>().ok())
        else {
            continue;
        };
        if let Ok(rules) = sheet.css_rules() {
            prune(&rules, &|i| {
                let _ = sheet.delete_rule(i);
            });
        }
    }
}

/// Resolves in a task of its own: what waits for it lets the browser paint and answer input
/// first (and, unlike a frame, it also comes in a hidden tab).
#[cfg(feature = "pdf")]
pub async fn next_task() {
    let task = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}

/// Resolves after the next frame is painted (a frame, then a task).
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let next_task = move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        };
        request_animation_frame(move || set_timeout(next_task, std::time::Duration::ZERO));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

/// A link of the page's (relative) as the absolute URL a reader can pass on.
pub fn absolute_url(link: &str) -> Option<String> {
    let base = window().location().href().ok()?;
    web_sys::Url::new_with_base(link, &base)
        .ok()
        .map(|u| u.href())
}

/// How a link was passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassedOn {
    /// Offered to the system share sheet (phones), and sent.
    Shared,
    /// Copied to the clipboard (where there is no share sheet).
    Copied,
    /// The reader closed the share sheet.
    Cancelled,
    /// Neither works here (no share sheet, the clipboard refused): the reader copies it by hand.
    NotPassed,
}

/// Offers `url` to the system share sheet where the browser has one (phones), else copies it.
/// Each is looked up first: where the browser has no such API, calling it would throw.
pub async fn pass_on(title: &str, url: &str) -> PassedOn {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let navigator = window().navigator();
    let has = |name: &str| {
        js_sys::Reflect::get(&navigator, &name.into()).is_ok_and(|v| !v.is_undefined())
    };
    if has("share") {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return PassedOn::Shared,
            Err(e) => {
                let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name()));
                if name.as_deref() == Some("AbortError") {
                    return PassedOn::Cancelled;
                }
            }
        }
    }
    if has("clipboard") {
        if let Ok(copied) = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .map(|c| c.unchecked_into::<web_sys::Clipboard>())
            .map(|c| c.write_text(url))
        {
            if JsFuture::from(copied).await.is_ok() {
                return PassedOn::Copied;
            }
        }
    }
    PassedOn::NotPassed
}

/// Shows the groups of a section (its `.group` children) whose `data-region` passes `shown`
/// and hides the rest (`hidden`, changed only where it changes): the province filter over the
/// issue's text, which the app never adopts (`later::inert`). Faster than a stylesheet rule on
/// the section's own attribute, which had Chromium restyle the whole section (~30 ms against
/// ~7 ms a change on a phone at CPU ×4).
pub fn show_groups(
    section: &web_sys::Element,
    shown: impl Fn(Option<crate::region::Region>) -> bool,
) {
    use wasm_bindgen::JsCast;
    let Ok(groups) = section.query_selector_all(":scope > .group") else {
        return;
    };
    for group in (0..groups.length()).filter_map(|i| groups.item(i)) {
        let Ok(group) = group.dyn_into::<web_sys::HtmlElement>() else {
            continue;
        };
        let region = group
            .get_attribute("data-region")
            .and_then(|id| crate::region::Region::from_id(&id));
        let hide = !shown(region);
        if group.hidden() != hide {
            group.set_hidden(hide);
        }
    }
}

/// An item's 分享 that a click landed on: the item's anchor, and where to say what became of it.
pub struct ShareClicked {
    pub anchor: String,
    status: Option<web_sys::Element>,
}

impl ShareClicked {
    /// Writes (or clears) the words beside the link, in its live region.
    pub fn say(&self, words: Option<&str>) {
        if let Some(status) = &self.status {
            status.set_text_content(words);
        }
    }
}

/// The 分享 link (`.share a`) a click landed on, if it did.
pub fn share_clicked(ev: &leptos::ev::MouseEvent) -> Option<ShareClicked> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest(".share a").ok()??;
    let anchor = link.get_attribute("href")?.strip_prefix('#')?.to_string();
    Some(ShareClicked {
        anchor,
        status: link.next_element_sibling(),
    })
}

/// A click that should stay in the page: the main button, no key held (a new tab or window
/// still opens the link).
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
