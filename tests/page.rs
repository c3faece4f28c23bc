#![cfg(not(target_arch = "wasm32"))]
//! The page model is the one source of ids and anchors, and a Simplified page is Simplified
//! throughout, its labels included.

mod common;
use common::*;
use sheto::convert::{simplified_issue, to_simplified};
use sheto::i18n::Lang;
use sheto::page::{Anchor, IssuePage, Section};

#[test]
fn the_search_index_finds_items_by_the_anchors_the_page_gives_them() {
    let issue = issue_233();
    let page = IssuePage::new(&issue, Lang::Hant);
    let indexed: Vec<String> = sheto::search::issue_items(&issue)
        .into_iter()
        .map(|i| i.anchor)
        .collect();
    let drawn: Vec<String> = page.anchors().iter().map(Anchor::to_string).collect();
    assert_eq!(indexed, drawn);
    assert_eq!(drawn.len(), 5 + 17 + 4);
    assert_eq!(drawn[0], "key-1");
    assert_eq!(drawn[5], "item-1");
    assert_eq!(drawn[25], "event-4");
    // The plain page carries the same ids.
    let html = sheto::app::publish::issue_page(&issue, Lang::Hant);
    for anchor in &drawn[..22] {
        assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor}");
    }
    for section in Section::ALL {
        assert!(
            html.contains(&format!("<section id=\"{section}\"")),
            "{section}"
        );
    }
}

#[test]
fn every_string_of_a_simplified_page_is_simplified() {
    let hans = simplified_issue(&issue_233());
    let page = IssuePage::new(&hans, Lang::Hans);
    let mut strings: Vec<String> = page.sections.iter().map(|(_, h)| h.clone()).collect();
    for g in page.key.iter().chain(&page.news) {
        strings.push(g.heading.clone());
        for i in &g.items {
            strings.push(i.article.title.clone());
            strings.extend(i.article.paragraphs.iter().cloned());
        }
    }
    for c in &page.cities {
        strings.push(c.heading.clone());
        for e in &c.events {
            strings.extend([
                e.event.name.clone(),
                e.event.venue.clone(),
                e.event.dates_text(),
            ]);
        }
    }
    strings.push(page.details_label().to_string());
    strings.push(page.website_label().to_string());
    for r in sheto::region::Region::ALL {
        strings.push(page.region_name(r).to_string());
    }
    for s in &strings {
        assert_eq!(&to_simplified(s), s, "not Simplified: {s}");
    }
    // The plain page in Simplified too, its labels (单位, 邮编, 电话, 传真, 电邮, 网址) included;
    // links are addresses, not text, and keep their letters.
    let html = sheto::app::publish::issue_page(&hans, Lang::Hans);
    let text: String = html
        .split('<')
        .map(|tag_and_text| tag_and_text.split_once('>').map_or("", |(_, t)| t))
        .filter(|t| !t.starts_with("http"))
        .collect();
    // The language switch names each language in itself: 繁體中文 stays Traditional.
    let text = text.replacen("繁體中文", "", 1);
    assert_eq!(to_simplified(&text), text);
    for label in [
        "单位：",
        "（邮编：",
        "<dt>电话</dt>",
        "<dt>传真</dt>",
        "<dt>电邮</dt>",
        "网址</th>",
    ] {
        assert!(html.contains(label), "{label}");
    }
}
