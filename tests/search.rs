#![cfg(not(target_arch = "wasm32"))]
//! Search across issues, on no. 233: 繁 and 简 queries find the same items, with snippets
//! cut from the printed text and links to the item and its province.

mod common;
use common::*;
use sheto::convert::simplified_char;
use sheto::region::Region;
use sheto::search::{SearchIndex, Searcher};

fn index() -> SearchIndex {
    SearchIndex::build([&issue_233()], simplified_char)
}

#[test]
fn the_published_index_is_current() {
    let published = std::fs::read_to_string(repo("public/issues/search.json")).unwrap();
    assert_eq!(
        index().to_json(),
        published,
        "run `sheto index public/issues`"
    );
    let v = sheto::validate::validate_search_json(published.as_bytes());
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}

#[test]
fn every_item_of_233_is_indexed_with_its_anchor_and_province() {
    let index = index();
    let issue = issue_233();
    let c = issue.counts();
    assert_eq!(index.items.len(), c.key_developments + c.news + c.events);
    let anchors: Vec<&str> = index.items.iter().map(|i| i.anchor.as_str()).collect();
    assert_eq!(anchors[..2], ["key-1", "key-2"]);
    assert!(anchors.contains(&"item-17") && anchors.contains(&"event-4"));
    let item17 = index.items.iter().find(|i| i.anchor == "item-17").unwrap();
    assert_eq!((item17.issue, item17.region), (233, Some(Region::Zhejiang)));
    assert_eq!(item17.title, "浙江獨角獸企業達58家");
    // Hong Kong items have no province filter to link to.
    assert_eq!(index.items[0].region, None);
}

#[test]
fn simplified_and_traditional_queries_find_the_unicorns() {
    let s = Searcher::new(index());
    for query in ["独角兽", "獨角獸", "浙江 独角兽"] {
        let r = s.search(query, 50);
        assert_eq!(r.total, 1, "{query}");
        let hit = &r.hits[0];
        let item = &s.items[hit.item];
        assert_eq!(item.anchor, "item-17", "{query}");
        let marked: Vec<&str> = hit
            .title
            .pieces()
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect();
        assert!(
            marked.iter().any(|m| m.contains("獨角獸")),
            "{query}: {marked:?}"
        );
        assert!(hit
            .snippet
            .pieces()
            .iter()
            .any(|p| p.1 && p.0.contains("獨角獸")));
        // Shown in Simplified, the same snippet reads 独角兽.
        assert!(s.folder.simplified(&hit.snippet.text).contains("独角兽"));
    }
}

#[test]
fn shanghai_finds_items_across_sections() {
    let s = Searcher::new(index());
    let r = s.search("上海", 100);
    let anchors: Vec<&str> = r
        .hits
        .iter()
        .map(|h| s.items[h.item].anchor.as_str())
        .collect();
    assert_eq!(r.total, anchors.len());
    // The three 上海市 news items and the Shanghai events at least.
    for a in ["item-1", "item-2", "item-3", "event-1"] {
        assert!(anchors.contains(&a), "{a} in {anchors:?}");
    }
    // Title matches come first.
    let first = &r.hits[0];
    assert!(!first.title.marks.is_empty());
    assert_eq!(s.search("上海 不存在的詞", 10).total, 0);
    assert_eq!(s.search("cargox", 10).total, s.search("CargoX", 10).total);
}
