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

/// The policy as the page's first element after `<meta charset>`, so it covers all the rest.
pub fn meta(hashes: &[String]) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let content = policy(hashes);
    view! { <meta http-equiv="Content-Security-Policy" content=content /> }
}

/// `'sha256-…'` of a script's text, as the policy names it.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page with its policy pinned: the policy it had (if any) replaced by one for exactly the
/// page's own inline scripts, trunk's `modulepreload` of the app's JS turned into an import map
/// (the preload fetched the app before the first paint; the map keeps its SRI hash on the
/// loader's import, which waits). For a page with no issue drawn in it (the staff preview):
/// an issue's page is pinned as it is written ([`super::shell::Shell::page`]).
pub fn pin(html: &str) -> Result<String, super::shell::ShellError> {
    super::shell::Shell::read(html)?.page(None)
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
