//! Publish time: an issue's page rendered natively with the reader's own components (leptos'
//! `ssr`), so every word, link, figure and chart is in the HTML before any script runs.

use super::components::{provide_search, IssueView};
use super::{fetch, IndexResource, Nav};
use crate::bundle::Issue;
use crate::i18n::Lang;
use crate::view_state::{Place, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// The issue as the reader's page draws it, in an interface language, as HTML.
pub fn issue_html(issue: &Issue, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let nav = Nav::new(ViewState {
            lang: Some(lang),
            ..ViewState::default()
        });
        provide_context(nav);
        // Never fetched here: what needs the archive (the picker, the trend) waits for a browser.
        let index: IndexResource =
            LocalResource::new(|| async { fetch::archive_index().await.map(Arc::new) });
        provide_context(index);
        provide_search(nav);
        view! { <IssueView issue=Arc::new(issue.clone()) standalone=true /> }.to_html()
    })
}

/// The reader's page (`App`) with an issue on it, as HTML: what the browser adopts.
pub fn app_html(issue: &Issue, place: Place) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let page = Some(Arc::new(issue.clone()));
        view! { <super::App page=page place=place /> }.to_html()
    })
}

/// Where a published site lives and what is published beside its pages.
#[derive(Debug, Clone, Default)]
pub struct Share {
    /// The site's public address (`https://example.org/news/`): links in cards and the
    /// canonical link are absolute with it, as Open Graph asks; relative without.
    pub site_url: Option<String>,
    /// Whether the issue's preview card image ([`crate::files::card`]) is published beside it.
    pub card: bool,
}

/// What a page says about its issue in its `<head>`: title, description, Open Graph and
/// Twitter card tags (with the image of its GDP chart, when published), and schema.org
/// JSON-LD. An issue's own page also names itself the canonical page of that issue, and its
/// other edition (`hreflang`).
fn head_tags(issue: &Issue, place: Place, share: &Share) -> String {
    use crate::bundle::Script;
    use crate::html::escape;
    let title = escape(&issue.masthead.full_name());
    let description = escape(&crate::structured::description(issue));
    let ld = crate::structured::json_ld_text(issue);
    let site = share.site_url.as_deref();
    let link = |file: String| escape(&place.link(site, &format!("issues/{file}")));
    let links = match place {
        Place::Site => String::new(),
        Place::IssuePage => [issue.lang, Script::Hant, Script::Hans]
            .iter()
            .enumerate()
            .map(|(i, &script)| {
                let href = link(crate::files::page(issue.number, script));
                match i {
                    0 => format!("<link rel=\"canonical\" href=\"{href}\">\n"),
                    _ => format!(
                        "<link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\">\n",
                        script.tag()
                    ),
                }
            })
            .collect(),
    };
    // Under a site's address, the page's own: the site's root, or the issue page's file.
    let own = match place {
        Place::Site => String::new(),
        Place::IssuePage => format!("issues/{}", crate::files::page(issue.number, issue.lang)),
    };
    let url = site
        .map(|_| {
            let url = escape(&place.link(site, &own));
            format!("<meta property=\"og:url\" content=\"{url}\">\n")
        })
        .unwrap_or_default();
    let (card, image) = if share.card {
        let alt = escape(&crate::chart::card::card_chart(issue).title());
        let (width, height) = crate::chart::card::SIZE;
        let image = format!(
            "<meta property=\"og:image\" content=\"{}\">\n\
<meta property=\"og:image:width\" content=\"{width}\">\n<meta property=\"og:image:height\" content=\"{height}\">\n\
<meta property=\"og:image:alt\" content=\"{alt}\">\n",
            link(crate::files::card(issue.number, issue.lang))
        );
        ("summary_large_image", image)
    } else {
        ("summary", String::new())
    };
    format!(
        "<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
{links}<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{title}\">\n\
<meta property=\"og:description\" content=\"{description}\">\n{url}{image}\
<meta name=\"twitter:card\" content=\"{card}\">\n\
<script type=\"application/ld+json\">{ld}</script>\n"
    )
}

/// The reader's page as trunk built it (`shell`: index.html, with its stylesheet and loader)
/// with `issue` in it: its title, description, cards and JSON-LD in the head; the page drawn
/// into `<div id="app">`; the bundle beside it (`<script type="application/json">`, not run)
/// for the app to adopt the page. Without script the page is complete. A page published before
/// is published again (a newer issue in it), so a site's index.html can be re-published in place.
/// At [`Place::IssuePage`] (`issues/233.html`, one folder down) the shell's own links (its
/// stylesheet, loader, feed) are made relative to that folder.
pub fn app_page(shell: &str, issue: &Issue, place: Place, share: &Share) -> Result<String, String> {
    let (head_start, head_end) = head_block(shell)?;
    let (app_start, app_end) = app_block(shell)?;
    if app_start < head_end {
        return Err("the page's <div id=\"app\"> comes before its <title>".into());
    }
    // `<` escaped, so nothing in the text can close the script element.
    let data = serde_json::to_string(issue)
        .map_err(|e| e.to_string())?
        .replace('<', "\\u003c");
    let id = super::PUBLISHED_ISSUE_ID;
    let at = match place {
        Place::Site => "",
        Place::IssuePage => " data-place=\"issue\"",
    };
    let own = |part: &str| {
        rebase(
            &without_wasm_preload(&without_description(part)),
            place.root(),
        )
    };
    // The page's language is its interface's (the issue's edition), before any script runs.
    let top = in_language(&shell[..head_start], Lang::from(issue.lang).html_tag());
    Ok(format!(
        "{}{}{}<div id=\"app\">{}</div><script type=\"application/json\" id=\"{id}\"{at}>{data}</script>{}",
        own(&top),
        head_tags(issue, place, share),
        own(&shell[head_end..app_start]),
        app_html(issue, place),
        own(&shell[app_end..]),
    ))
}

/// The shell's links made relative to a page `root` away from the site's root (`../`): every
/// relative `href`/`src` (`./main-….css`, `feed.xml`), and the loader's quoted `./` paths.
/// Fragments, absolute paths, `data:` and other schemes are left as they are.
fn rebase(html: &str, root: &str) -> String {
    if root.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(['h', 's', '"', '\'', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let attr = ["href=", "src="]
            .into_iter()
            .find(|a| rest.starts_with(a) && out.ends_with(|c: char| c.is_whitespace()));
        if let Some(attr) = attr {
            out.push_str(attr);
            rest = &rest[attr.len()..];
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
            if let Some(q) = quote {
                out.push(q);
                rest = &rest[1..];
            }
            let end = rest
                .find(|c: char| {
                    Some(c) == quote || (quote.is_none() && (c.is_whitespace() || c == '>'))
                })
                .unwrap_or(rest.len());
            let value = &rest[..end];
            let scheme = value.find(':').is_some_and(|c| !value[..c].contains('/'));
            if !(value.is_empty() || value.starts_with(['#', '/']) || scheme) {
                out.push_str(root);
                out.push_str(value.strip_prefix("./").unwrap_or(value));
            } else {
                out.push_str(value);
            }
            rest = &rest[end..];
        } else if rest[1..].starts_with("./") && rest.starts_with(['"', '\'', '`']) {
            out.push_str(&rest[..1]);
            out.push_str(root);
            rest = &rest[3..];
        } else {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..c]);
            rest = &rest[c..];
        }
    }
    out.push_str(rest);
    out
}

/// Where the page's title is, with the tags a publish wrote after it (up to its JSON-LD).
fn head_block(shell: &str) -> Result<(usize, usize), String> {
    let start = shell
        .find("<title>")
        .ok_or("the page has no <title> to replace")?;
    let end = start
        + shell[start..]
            .find("</title>")
            .ok_or("the page's <title> is not closed")?
        + "</title>".len();
    const LD: &str = "<script type=\"application/ld+json\">";
    let published = shell[end..]
        .strip_prefix('\n')
        .is_some_and(|rest| rest.starts_with("<meta name=\"description\""));
    match (published, shell[end..].find(LD)) {
        (true, Some(ld)) => {
            let close = shell[end + ld..]
                .find("</script>\n")
                .ok_or("an unclosed JSON-LD")?;
            Ok((start, end + ld + close + "</script>\n".len()))
        }
        _ => Ok((start, end)),
    }
}

/// Where the issue is drawn: an empty `<div id="app">` (as trunk writes it), or the page and
/// data a publish wrote.
fn app_block(shell: &str) -> Result<(usize, usize), String> {
    for empty in ["<div id=\"app\"></div>", "<div id=app></div>"] {
        if let Some(at) = shell.find(empty) {
            return Ok((at, at + empty.len()));
        }
    }
    let data = format!(
        "<script type=\"application/json\" id=\"{}\">",
        super::PUBLISHED_ISSUE_ID
    );
    match (shell.find("<div id=\"app\">"), shell.find(&data)) {
        (Some(start), Some(data)) if start < data => {
            let close = shell[data..]
                .find("</script>")
                .ok_or("the issue's data is not closed")?;
            Ok((start, data + close + "</script>".len()))
        }
        _ => Err("the page has no empty <div id=\"app\"> to draw the issue into".into()),
    }
}

/// The app is fetched once the page is read, not while it is being drawn: trunk's preload of the
/// wasm (a third of a megabyte) would compete with the page on a slow line (Lighthouse counted
/// it against the page's largest paint). The loader fetches it when it runs, after parsing.
fn without_wasm_preload(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(at) = rest.find("<link ") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let link = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(link.contains("rel=preload") && link.contains("application/wasm")) {
            out.push_str(link);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `<html lang>` in `head` (the page up to its `<title>`) set to `tag`, quoted or not as trunk
/// wrote it; added when missing.
fn in_language(head: &str, tag: &str) -> String {
    let Some(open) = head.find("<html") else {
        return head.to_string();
    };
    let close = open + head[open..].find('>').unwrap_or(head.len() - open);
    let element = &head[open..close];
    let replaced = match element.find(" lang=") {
        Some(at) => {
            let value = &element[at + 6..];
            let len = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |e| e + 2),
                _ => value.find([' ', '/']).unwrap_or(value.len()),
            };
            format!("{} lang=\"{tag}\"{}", &element[..at], &value[len..])
        }
        None => format!("{element} lang=\"{tag}\""),
    };
    format!("{}{replaced}{}", &head[..open], &head[close..])
}

/// The site's own description (trunk writes it minified) gives way to the issue's.
fn without_description(head: &str) -> String {
    let at = head.find("<meta name=\"description\"").or_else(|| {
        head.find("name=description>")
            .and_then(|end| head[..end].rfind("<meta"))
    });
    match at {
        Some(start) => {
            let end = start + head[start..].find('>').map_or(0, |e| e + 1);
            format!("{}{}", &head[..start], &head[end..])
        }
        None => head.to_string(),
    }
}

/// An issue's complete page, as `sheto` publishes it (`issues/233.html`, `233.zh-Hans.html`):
/// the reader's components rendered in the issue's own script, with its title, description,
/// Open Graph and Twitter card tags and schema.org JSON-LD. No script runs on it: the controls
/// that need one are hidden by its stylesheet, and every chart is drawn as SVG.
pub fn issue_page(issue: &Issue) -> String {
    use crate::html::escape;
    let lang = Lang::from(issue.lang);
    let head = head_tags(issue, Place::IssuePage, &Share::default());
    let body = issue_html(issue, lang);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">{policy}\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
{head}<link rel=\"stylesheet\" href=\"main.css\">\n\
<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\">\n\
</head>\n<body class=\"published\">\n\
{body}\n<p class=\"published-note\"><a href=\"index.html\">{archive}</a> · <a href=\"../?issue={number}{query}\">{app}</a></p>\n\
</body>\n</html>\n",
        html_lang = lang.html_tag(),
        policy = crate::html::no_script_policy(),
        archive = escape(lang.text(crate::i18n::Msg::Archive)),
        app = escape(lang.text(crate::i18n::Msg::InteractiveLink)),
        number = issue.number,
        query = match issue.lang {
            crate::bundle::Script::Hans => "&amp;lang=zh-Hans",
            crate::bundle::Script::Hant => "",
        },
    )
}
