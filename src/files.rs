//! Every name of a file the site publishes in `issues/`, in one place: an issue's bundle and
//! preview card in each edition, its page in each interface language, the year index files, and the office's originals. The
//! reader (which fetches them), `sheto index` and `sheto publish` (which write them) and the
//! validator (which checks them) all name files here. (index.html's small no-wasm script
//! repeats the page-name rule in JavaScript: it runs before any of this code is there.)

use crate::bundle::Script;
use crate::i18n::Lang;

/// `233`, `233.zh-Hans`: what an issue's files in one edition are named before their extension.
fn stem(number: u32, script: Script) -> String {
    match script {
        Script::Hant => number.to_string(),
        Script::Hans => format!("{number}.{}", script.tag()),
    }
}

/// An issue's bundle: `233.json` (the office's original), `233.zh-Hans.json` (its edition).
pub fn bundle(number: u32, script: Script) -> String {
    format!("{}.json", stem(number, script))
}

/// An issue's own page in an interface language: `233.html` (繁, the original), `233.zh-Hans.html`
/// (简: its zh-Hans edition), `233.en.html` (the original with an English interface).
pub fn page(number: u32, lang: Lang) -> String {
    match lang {
        Lang::Hant | Lang::Hans => format!("{}.html", stem(number, lang.script())),
        Lang::En => format!("{number}.{}.html", lang.tag()),
    }
}

/// The image of an issue's preview card: `233.png`, `233.zh-Hans.png`.
pub fn card(number: u32, script: Script) -> String {
    format!("{}.png", stem(number, script))
}

/// The issue and interface language an issue page's file names (`233.html`, `233.zh-Hans.html`,
/// `233.en.html`, or without `.html`, as hosts with "pretty URLs" serve them).
pub fn parse_page(file: &str) -> Option<(u32, Lang)> {
    let stem = file.strip_suffix(".html").unwrap_or(file);
    let (number, lang) = match stem.split_once('.') {
        Some((number, tag)) => (number, Lang::from_tag(tag).filter(|l| *l != Lang::Hant)?),
        None => (stem, Lang::Hant),
    };
    let number = number.parse().ok().filter(|n| *n > 0)?;
    Some((number, lang))
}

/// `NNN.json`: an issue as the office publishes it (editions and other files are derived).
pub fn is_original_bundle(file: &str) -> bool {
    file.strip_suffix(".json")
        .is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()))
}

/// A year's index file, beside index.json: `index-2025.json`.
pub fn year_index(year: u32) -> String {
    format!("index-{year}.json")
}

/// Whether a file name is a year's index file.
pub fn is_year_index(file: &str) -> bool {
    file.strip_prefix("index-")
        .and_then(|f| f.strip_suffix(".json"))
        .is_some_and(|y| !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_edition_names_its_bundle_page_and_card_alike() {
        assert_eq!(bundle(233, Script::Hant), "233.json");
        assert_eq!(bundle(233, Script::Hans), "233.zh-Hans.json");
        assert_eq!(page(233, Lang::Hant), "233.html");
        assert_eq!(page(233, Lang::Hans), "233.zh-Hans.html");
        assert_eq!(page(233, Lang::En), "233.en.html");
        assert_eq!(card(233, Script::Hant), "233.png");
        assert_eq!(card(233, Script::Hans), "233.zh-Hans.png");
        for lang in Lang::ALL {
            assert_eq!(parse_page(&page(7, lang)), Some((7, lang)));
        }
        assert_eq!(parse_page("233.zh-Hans"), Some((233, Lang::Hans)));
        assert_eq!(parse_page("233.en"), Some((233, Lang::En)));
        let odd = [
            "0.html",
            "x.html",
            "233.fr.html",
            "233.zh-Hant.html",
            ".html",
            "-1.html",
        ];
        for odd in odd {
            assert_eq!(parse_page(odd), None, "{odd}");
        }
        assert!(is_original_bundle("233.json") && !is_original_bundle("233.zh-Hans.json"));
        assert!(is_year_index(&year_index(2025)) && !is_year_index("index.json"));
    }
}
