//! Downloads made in the page: a chart as PNG, its data as CSV, a draft and its bundle.

use wasm_bindgen::JsCast;

fn click_link(href: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(file_name);
    a.click();
}

/// Saves the canvas as it is drawn (at the device's full resolution).
pub fn png(canvas: Option<web_sys::HtmlCanvasElement>, file_name: &str) {
    if let Some(url) = canvas.and_then(|c| c.to_data_url_with_type("image/png").ok()) {
        click_link(&url, file_name);
    }
}

/// Saves text as a file of the given type (a CSV carries its own BOM).
pub fn save_text(text: &str, file_name: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        click_link(&url, file_name);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}
