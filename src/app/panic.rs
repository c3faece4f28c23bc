//! A panic never leaves a frozen page: the hook logs to the console and replaces the page with
//! an error card offering a reload. It writes the DOM directly, as the app may be broken.

use crate::i18n::{Lang, Msg};
use std::sync::atomic::{AtomicU8, Ordering};

/// The interface language, kept where a broken app can still read it.
static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

fn lang() -> Lang {
    let i = usize::from(LANG.load(Ordering::Relaxed));
    Lang::ALL.get(i).copied().unwrap_or_default()
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("sheto-reader panicked: {message}").into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            show_card_in(&body, &message);
        }
    }));
}

/// Replaces what `container` holds (the whole page, for the hook) with the error card.
pub fn show_card_in(container: &web_sys::Element, message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(card) = document.create_element("div") else {
        return;
    };
    card.set_class_name("error-card panic-card");
    card.set_attribute("role", "alert").ok();
    let lang = lang();
    let parts = [
        ("h2", lang.text(Msg::PanicTitle)),
        ("p", lang.text(Msg::PanicText)),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            card.append_child(&el).ok();
        }
    }
    if let Ok(reload) = document.create_element("a") {
        reload.set_text_content(Some(lang.text(Msg::Reload)));
        reload.set_attribute("href", "").ok();
        reload.set_class_name("button");
        card.append_child(&reload).ok();
    }
    container.set_inner_html("");
    container.append_child(&card).ok();
}
