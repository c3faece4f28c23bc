//! The archive's plain page: every issue, linked to its published page. An issue's own page is
//! rendered with the reader's components ([`crate::app::publish`]).

/// The archive as a plain page: every issue, newest first, linked to its plain HTML page, and
/// its Simplified edition. Its stylesheet is a file beside it in `issues/` (not inline, so a
/// strict Content-Security-Policy holds for it too); the Atom feed is one folder up.
pub fn archive_page(index: &crate::bundle::ArchiveIndex) -> String {
    use crate::bundle::Script;
    use leptos::prelude::*;
    let name = "香港特區政府駐上海經濟貿易辦事處通訊";
    let page = |file: &str| format!("{}.html", file.trim_end_matches(".json"));
    let issues = index
        .issues
        .iter()
        .map(|entry| {
            let editions = entry
                .editions
                .iter()
                .map(|edition| {
                    let label = match edition.lang {
                        Script::Hans => "简体",
                        Script::Hant => "繁體",
                    };
                    let tag = edition.lang.tag();
                    view! {
                        " · "
                        <a href=page(&edition.file) lang=tag hreflang=tag>
                            {label}
                        </a>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <a href=page(&entry.file)>{entry.title.clone()}</a>
                    {editions}
                </li>
            }
        })
        .collect_view();
    let html = view! {
        <html lang="zh-Hant-HK">
            <head>
                <meta charset="utf-8" />
                {crate::site::policy::meta(&[])}
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{format!("{name}：各期")}</title>
                <link rel="stylesheet" href="plain.css" />
                <link rel="alternate" type="application/atom+xml" href="../feed.xml" />
            </head>
            <body>
                <h1>{name}</h1>
                <ul>{issues}</ul>
                <p>
                    <a href="../feed.xml">"Atom 訂閱"</a>
                </p>
            </body>
        </html>
    };
    let html = leptos::prelude::Owner::new().with(|| html.to_html());
    format!("<!DOCTYPE html>\n{html}\n")
}
