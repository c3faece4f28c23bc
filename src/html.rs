//! The archive's plain page (every issue, linked to its published page) and HTML escaping. An
//! issue's own page is rendered with the reader's components ([`crate::app::publish`]).

use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The archive page's stylesheet, beside it in `issues/` (a file, not inline, so a strict
/// Content-Security-Policy holds for it too), and the Atom feed one folder up, for feed readers.
const STYLESHEET: &str = "<link rel=\"stylesheet\" href=\"plain.css\">\n\
<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\">";

/// The archive as a plain page: every issue, newest first, linked to its plain HTML page.
pub fn archive_page(index: &crate::bundle::ArchiveIndex) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hant-HK\">\n<head>\n<meta charset=\"utf-8\">{policy}\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>香港特區政府駐上海經濟貿易辦事處通訊：各期</title>\n{STYLESHEET}\n</head>\n<body>\n\
<h1>香港特區政府駐上海經濟貿易辦事處通訊</h1>\n<ul>\n",
        policy = no_script_policy()
    );
    for e in &index.issues {
        let page = e.file.trim_end_matches(".json");
        let editions: String = e
            .editions
            .iter()
            .map(|ed| {
                let page = ed.file.trim_end_matches(".json");
                let name = match ed.lang {
                    crate::bundle::Script::Hans => "简体",
                    crate::bundle::Script::Hant => "繁體",
                };
                format!(
                    " · <a href=\"{}.html\" lang=\"{}\" hreflang=\"{1}\">{}</a>",
                    escape(page),
                    ed.lang.tag(),
                    escape(name)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<li><a href=\"{}.html\">{}</a>{editions}</li>",
            escape(page),
            escape(&e.title)
        );
    }
    out.push_str("</ul>\n<p><a href=\"../feed.xml\">Atom 訂閱</a></p>\n</body>\n</html>\n");
    out
}

/// The policy of a page that runs no script (the plain pages): as `sheto publish` pins it.
pub fn no_script_policy() -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        crate::site::policy::policy(&[])
    )
}
