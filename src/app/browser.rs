//! The thin layer over the browser the app needs: the URL, history and scrolling.

use crate::view_state::ViewState;
use leptos::ev;
use leptos::prelude::*;

fn window() -> web_sys::Window {
    web_sys::window().expect("the reader runs in a browser window")
}

/// The view state in the address bar.
pub fn current_state() -> ViewState {
    let location = window().location();
    ViewState::parse(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// Adds a history entry for a state; the path stays, so any sub-path works.
pub fn push_url(state: &ViewState) {
    let window = window();
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{}", state.to_url());
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Calls `f` when back/forward or a `#section` link changes the URL.
pub fn on_location_change(f: impl Fn() + Clone + 'static) {
    let g = f.clone();
    let pop = window_event_listener(ev::popstate, move |_| f());
    let hash = window_event_listener(ev::hashchange, move |_| g());
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
