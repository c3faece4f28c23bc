//! Each page's Content-Security-Policy, pinned by `sheto publish` into every page it writes:
//! the site's own files only, and of inline scripts exactly those on the page, by their hash
//! (trunk's loader, the no-wasm fallback, the import map), so no `'unsafe-inline'` is needed.
//! Pinning a pinned page gives the same page: publishing twice gives the same bytes.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy's directives; `script-src` also gets each page's hashes.
pub const POLICY: [(&str, &[&str]); 7] = [
    ("default-src", &["'self'"]),
    ("script-src", &["'self'", "'wasm-unsafe-eval'"]),
    ("style-src", &["'self'"]),
    ("img-src", &["'self'", "data:", "blob:"]),
    ("connect-src", &["'self'"]),
    ("object-src", &["'none'"]),
    ("base-uri", &["'self'"]),
];

/// The policy allowing these inline scripts (`'sha256-…'` each).
pub fn policy(hashes: &[String]) -> String {
    POLICY
        .iter()
        .map(|(directive, sources)| {
            let mut all: Vec<&str> = sources.to_vec();
            if *directive == "script-src" {
                all.extend(hashes.iter().map(String::as_str));
            }
            format!("{directive} {}", all.join(" "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One element of the page: where it is, and its tag (`<script …>`) and, for a script, its text.
struct Element<'a> {
    range: std::ops::Range<usize>,
    tag: &'a str,
    text: &'a str,
}

/// Every `<script>` element of a page, in order.
fn scripts(html: &str) -> Vec<Element<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<script").map(|a| a + from) {
        let Some(open_end) = html[at..].find('>').map(|e| at + e + 1) else {
            break;
        };
        let Some(close) = html[open_end..].find("</script>").map(|c| open_end + c) else {
            break;
        };
        let end = close + "</script>".len();
        found.push(Element {
            range: at..end,
            tag: &html[at..open_end],
            text: &html[open_end..close],
        });
        from = end;
    }
    found
}

/// Every `<link …>` and `<meta …>` tag of a page.
fn tags<'a>(html: &'a str, name: &str) -> Vec<Element<'a>> {
    let open = format!("<{name} ");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find(&open).map(|a| a + from) {
        let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
        found.push(Element {
            range: at..end,
            tag: &html[at..end],
            text: "",
        });
        from = end;
    }
    found
}

/// An attribute's value in a tag, quoted or not.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let value = &tag[at..];
    match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].find(q).map(|end| &value[1..1 + end]),
        _ => Some(value.split([' ', '>']).next().unwrap_or_default()),
    }
}

/// Data, not code: the bundle and its JSON-LD need no leave to be on the page.
fn runs(script: &Element) -> bool {
    let kind = attribute(script.tag, "type").unwrap_or_default();
    !matches!(kind, "application/json" | "application/ld+json") && !script.text.trim().is_empty()
}

/// `'sha256-…'` of a script's text, as the policy names it.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The hashes of the inline scripts that run on a page, in order.
pub fn hashes(html: &str) -> Vec<String> {
    scripts(html)
        .iter()
        .filter(|s| runs(s))
        .map(|s| hash(s.text))
        .collect()
}

/// The page with its policy pinned: the policy it had (if any) removed, trunk's
/// `modulepreload` of the app's JS turned into an import map (the preload fetched the app before
/// the first paint; the map keeps its SRI hash on the loader's import, which waits), and the
/// policy for exactly the page's own inline scripts put first after `<meta charset>`, the import
/// map after it, so both cover everything that follows.
pub fn pin(html: &str) -> Result<String, String> {
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut map = None;
    for meta in tags(html, "meta") {
        if attribute(meta.tag, "http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("Content-Security-Policy"))
        {
            cuts.push(meta.range);
        }
    }
    for link in tags(html, "link") {
        if attribute(link.tag, "rel") == Some("modulepreload") {
            let (Some(href), Some(integrity)) = (
                attribute(link.tag, "href"),
                attribute(link.tag, "integrity"),
            ) else {
                return Err(format!(
                    "a modulepreload without href or integrity: {}",
                    link.tag
                ));
            };
            let integrity = serde_json::json!({ "integrity": { href: integrity } });
            map = Some(format!("<script type=\"importmap\">{integrity}</script>"));
            cuts.push(link.range);
        }
    }
    for script in scripts(html) {
        if attribute(script.tag, "type") == Some("importmap") {
            map.get_or_insert_with(|| html[script.range.clone()].to_string());
            cuts.push(script.range);
        }
    }
    cuts.sort_by_key(|r| r.start);
    let mut page = String::with_capacity(html.len() + 512);
    let mut at = 0;
    for cut in cuts {
        page.push_str(&html[at..cut.start]);
        at = cut.end;
    }
    page.push_str(&html[at..]);
    let map = map.unwrap_or_default();
    let mut hashes = hashes(&page);
    hashes.extend(self::hashes(&map));
    let charset = tags(&page, "meta")
        .into_iter()
        .find(|m| attribute(m.tag, "charset").is_some_and(|c| c.eq_ignore_ascii_case("utf-8")))
        .map(|m| m.range.end)
        .ok_or("the page has no <meta charset=utf-8> to put its policy after")?;
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&hashes)
    );
    Ok(format!(
        "{}{meta}{map}{}",
        &page[..charset],
        &page[charset..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title>\
<link rel=modulepreload href=./app-1.js crossorigin=anonymous integrity=sha384-abc>\
<script type=module>import init from './app-1.js';init();</script></head><body>\
<script type=\"application/json\" id=data>{\"a\":1}</script></body></html>";

    #[test]
    fn a_page_allows_exactly_its_own_scripts_and_pinning_again_changes_nothing() {
        let page = pin(TRUNK).unwrap();
        let map =
            "<script type=\"importmap\">{\"integrity\":{\"./app-1.js\":\"sha384-abc\"}}</script>";
        assert!(page.contains(map), "{page}");
        assert!(!page.contains("modulepreload"));
        let expected = [
            hash("import init from './app-1.js';init();"),
            hash("{\"integrity\":{\"./app-1.js\":\"sha384-abc\"}}"),
        ];
        assert!(page.contains(&policy(&expected)), "{page}");
        assert!(!page.contains(&hash("{\"a\":1}")), "data is not code");
        assert_eq!(pin(&page).unwrap(), page);
        // The same page with another loader: its own hash, and only its own.
        let moved = page.replace("'./app-1.js';init", "'../app-1.js';init");
        let repinned = pin(&moved).unwrap();
        assert!(repinned.contains(&hash("import init from '../app-1.js';init();")));
        assert!(!repinned.contains(&expected[0]));
        assert_eq!(repinned.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn a_page_with_nowhere_to_pin_is_refused() {
        assert!(pin("<html><title>t</title></html>").is_err());
    }
}
