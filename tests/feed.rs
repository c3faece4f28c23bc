#![cfg(not(target_arch = "wasm32"))]
//! The Atom feed: valid against RFC 4287's own schema (with xmllint), one entry per issue per
//! language, newest first, links relative to the feed.

mod common;
use common::*;
use sheto::convert::simplified_issue;
use sheto::feed::atom;
use std::process::Command;

/// Validates with xmllint against the RFC's RELAX NG schema; the schema's Schematron rules (an
/// author; a link or content in each entry) are checked by the tests below.
fn assert_valid_atom(xml: &str, name: &str) {
    let dir = Scratch::new(&format!("feed-{name}"));
    let path = dir.join("feed.xml");
    std::fs::write(&path, xml).unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--relaxng"])
        .arg(repo("tests/schema/atom.rng"))
        .arg(&path)
        .output()
        .expect("xmllint is needed (Debian libxml2-utils; scripts/setup installs it)");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} is not valid Atom:\n{said}");
}

/// An issue renumbered for a fixture archive (not a real issue).
fn fixture(number: u32, month: &str) -> sheto::bundle::Issue {
    let mut issue = issue_233();
    issue.number = number;
    issue.month = month.to_string();
    issue.masthead.dateline = format!("測試資料（非真實期數）第{number}期");
    issue
}

#[test]
fn the_published_feed_is_valid_atom_and_current() {
    let published = std::fs::read_to_string(repo("public/feed.xml")).unwrap();
    let issue = issue_233();
    let edition = simplified_issue(&issue);
    assert_eq!(
        atom(&[&issue, &edition]).unwrap(),
        published,
        "run `sheto index public/issues`"
    );
    assert_valid_atom(&published, "published");
}

#[test]
fn one_entry_per_issue_per_language_newest_first() {
    let issues: Vec<_> = [
        fixture(231, "2026-03"),
        issue_233(),
        fixture(232, "2026-04"),
    ]
    .into();
    let editions: Vec<_> = issues.iter().map(simplified_issue).collect();
    let all: Vec<_> = issues.iter().chain(&editions).collect();
    let xml = atom(&all).unwrap();
    assert_valid_atom(&xml, "fixture");
    let ids: Vec<&str> = xml
        .split("<id>")
        .skip(2)
        .map(|s| s.split("</id>").next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [233, 233, 232, 232, 231, 231]
            .iter()
            .zip(["zh-Hant", "zh-Hans"].iter().cycle())
            .map(|(n, l)| format!("tag:sheto.gov.hk,2026:newsletter/{n}/{l}"))
            .collect::<Vec<_>>()
    );
    assert!(xml.contains("<updated>2026-05-01T00:00:00+08:00</updated>\n  <author>"));
    // Each entry links the issue's own page in its edition.
    assert!(xml.contains("href=\"issues/232.zh-Hans.html\""));
    assert!(xml.contains("href=\"issues/232.html?lang=zh-Hant\""));
    assert!(xml.contains("<author><name>香港特別行政區政府駐上海經濟貿易辦事處</name>"));
    // Every entry has a link and content (the schema's Schematron rule).
    assert_eq!(xml.matches("<entry ").count(), 6);
    assert_eq!(
        xml.matches("rel=\"alternate\" type=\"text/html\" hreflang=")
            .count(),
        6
    );
    assert_eq!(xml.matches("<content type=\"html\">").count(), 6);
    // The Simplified entries list the Simplified headlines.
    assert!(xml.contains("浙江独角兽企业达58家"));
    assert!(xml.contains("浙江獨角獸企業達58家"));
}

#[test]
fn hostile_text_stays_text_and_an_empty_archive_has_no_feed() {
    let mut issue = issue_233();
    issue.masthead.title = "<script>&\u{0}\u{1b}]]>".into();
    let xml = atom(&[&issue]).unwrap();
    assert!(xml.contains("&lt;script&gt;&amp;\u{FFFD}\u{FFFD}]]&gt;"));
    assert_valid_atom(&xml, "hostile");
    assert_eq!(atom(&[]), None);
}

/// At issue 500 the feed is as long as at issue 24: the newest 24 issues in each language.
#[test]
fn the_feed_keeps_the_newest_issues_only() {
    use sheto::feed::FEED_ISSUES;
    // 30 fixture issues (no. 233 renumbered, not real issues), with their zh-Hans editions.
    let issues: Vec<_> = (0..30)
        .map(|k| fixture(204 + k, &format!("{}-{:02}", 2024 + k / 12, k % 12 + 1)))
        .collect();
    let editions: Vec<_> = issues.iter().map(simplified_issue).collect();
    let all: Vec<_> = issues.iter().chain(&editions).collect();
    let xml = atom(&all).unwrap();
    assert_valid_atom(&xml, "thirty");
    assert_eq!(xml.matches("<entry ").count(), 2 * FEED_ISSUES);
    assert_eq!(FEED_ISSUES, 24);
    // The newest (233) is in, in both languages; the six oldest (204–209) are not.
    assert!(
        xml.contains("newsletter/233/zh-Hant</id>") && xml.contains("newsletter/233/zh-Hans</id>")
    );
    assert!(xml.contains("newsletter/210/zh-Hans</id>"));
    for old in 204..210 {
        assert!(
            !xml.contains(&format!("newsletter/{old}/")),
            "{old} dropped"
        );
    }
    // An issue without a zh-Hans edition does not let an older Simplified one in twice over.
    let only_hant: Vec<_> = issues.iter().collect();
    let xml = atom(&only_hant).unwrap();
    assert_eq!(xml.matches("<entry ").count(), FEED_ISSUES);
}
