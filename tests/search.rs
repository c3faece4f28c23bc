#![cfg(not(target_arch = "wasm32"))]
//! Search across issues in shards: 繁 and 简 queries find the same items, exactly the items a
//! plain substring search finds, with snippets cut from the printed text; a query fetches only
//! the files it needs, and a later one only those it has not fetched.

mod common;
use common::*;
use sheto::bundle::Issue;
use sheto::convert::simplified_char;
use sheto::region::Region;
use sheto::search::{build, issue_items, Archive, Loaded, Results, SearchFile, SearchFiles, Step};
use std::collections::{BTreeSet, HashMap};

/// Runs a query to its results as the reader does, reading the files from `files`; returns the
/// results and the names of the files it fetched.
fn run(index: &Index, loaded: &mut Loaded, query: &str, limit: usize) -> (Results, Vec<String>) {
    let mut fetched = Vec::new();
    for _ in 0..4 {
        match index.archive.search(query, limit, loaded) {
            Step::Done(results) => return (results, fetched),
            Step::Fetch(files) => {
                for file in files {
                    let name = file.file();
                    let bytes = index.files[&name].clone();
                    index.archive.accept(loaded, file, bytes).unwrap();
                    fetched.push(name);
                }
            }
        }
    }
    panic!("{query}: a query takes two fetches at most");
}

struct Index {
    archive: Archive,
    files: HashMap<String, Vec<u8>>,
}

fn index_of(issues: &[Issue]) -> Index {
    let SearchFiles { manifest, files } = build(issues, simplified_char);
    Index {
        archive: Archive::new(manifest),
        files: files.into_iter().collect(),
    }
}

fn search(index: &Index, query: &str, limit: usize) -> Results {
    run(index, &mut Loaded::default(), query, limit).0
}

#[test]
fn the_published_index_is_current() {
    let made = build([&issue_233()], simplified_char);
    let published = std::fs::read_to_string(repo("public/issues/search/index.json")).unwrap();
    assert_eq!(
        made.manifest_json(),
        published,
        "run `sheto index public/issues`"
    );
    let dir = repo(&format!("public/issues/search/{}", made.manifest.version));
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let names: BTreeSet<String> = made.files.iter().map(|f| f.0.clone()).collect();
    assert_eq!(on_disk, names);
    for (name, bytes) in &made.files {
        assert_eq!(&std::fs::read(dir.join(name)).unwrap(), bytes, "{name}");
    }
    let v = sheto::validate::validate_search_manifest(published.as_bytes());
    assert!(v.findings.is_empty(), "{:?}", v.findings);
}

#[test]
fn every_item_of_233_is_in_a_text_file_with_its_anchor_and_province() {
    let index = index_of(&[issue_233()]);
    let issue = issue_233();
    let c = issue.counts();
    let items = issue_items(&issue);
    assert_eq!(items.len(), c.key_developments + c.news + c.events);
    assert_eq!(index.archive.manifest.issues, [(233, items.len() as u32)]);
    let anchors: Vec<&str> = items.iter().map(|i| i.anchor.as_str()).collect();
    assert_eq!(anchors[..2], ["key-1", "key-2"]);
    assert!(anchors.contains(&"item-17") && anchors.contains(&"event-4"));
    let r = search(&index, "浙江獨角獸企業達58家", 10);
    let item17 = &r.hits[0];
    assert_eq!(
        (r.total, item17.issue, item17.region),
        (1, 233, Some(Region::Zhejiang))
    );
    assert_eq!(item17.anchor, "item-17");
    assert_eq!(item17.title.text, "浙江獨角獸企業達58家");
    // Hong Kong items have no province filter to link to.
    let key1 = search(&index, &items[0].title, 10);
    assert_eq!(
        (key1.hits[0].anchor.as_str(), key1.hits[0].region),
        ("key-1", None)
    );
}

#[test]
fn simplified_and_traditional_queries_find_the_unicorns() {
    let index = index_of(&[issue_233()]);
    for query in ["独角兽", "獨角獸", "浙江 独角兽"] {
        let r = search(&index, query, 50);
        assert_eq!(r.total, 1, "{query}");
        let hit = &r.hits[0];
        assert_eq!(hit.anchor, "item-17", "{query}");
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
        assert!(index
            .archive
            .folder
            .simplified(&hit.snippet.text)
            .contains("独角兽"));
    }
}

#[test]
fn shanghai_finds_items_across_sections_titles_first() {
    let index = index_of(&[issue_233()]);
    let r = search(&index, "上海", 100);
    let anchors: Vec<&str> = r.hits.iter().map(|h| h.anchor.as_str()).collect();
    assert_eq!(r.total, anchors.len());
    for a in ["item-1", "item-2", "item-3", "event-1"] {
        assert!(anchors.contains(&a), "{a} in {anchors:?}");
    }
    let in_title: Vec<bool> = r.hits.iter().map(|h| !h.title.marks.is_empty()).collect();
    assert!(
        in_title[0] && in_title.windows(2).all(|w| w[0] || !w[1]),
        "{in_title:?}"
    );
    assert_eq!(search(&index, "上海 不存在的詞", 10).total, 0);
    assert_eq!(
        search(&index, "cargox", 10).total,
        search(&index, "CargoX", 10).total
    );
    assert!(search(&index, "cargox", 10).total > 0);
    assert_eq!(search(&index, "   ", 10), Results::default());
    assert_eq!(search(&index, "\u{1}", 10).total, 0);
    // A hit's snippet is a window around its first match.
    let long = r
        .hits
        .iter()
        .find(|h| h.snippet.cut_after)
        .expect("a long text");
    assert!(long.snippet.text.chars().count() <= 24 + 60);
}

/// Issues of distinct text, made from no. 233 for this test (not real issues): each has its
/// own number and some of its characters swapped for others, as months' texts differ.
fn distinct_issues(count: u32) -> Vec<Issue> {
    let real = issue_233();
    let han: Vec<char> = real
        .key_developments
        .groups
        .iter()
        .chain(&real.news_flash.groups)
        .flat_map(|g| &g.articles)
        .flat_map(|a| {
            a.title
                .chars()
                .chain(a.paragraphs.concat().chars())
                .collect::<Vec<_>>()
        })
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    (1..=count)
        .map(|n| {
            let mut issue = real.clone();
            issue.number = n;
            // Characters at every (n+2)th place of the set are replaced by the next in it.
            let swap = |s: &str| -> String {
                s.chars()
                    .map(|c| match han.binary_search(&c) {
                        Ok(i) if i % (n as usize + 2) == 0 => han[(i + 1) % han.len()],
                        _ => c,
                    })
                    .collect()
            };
            for g in issue
                .key_developments
                .groups
                .iter_mut()
                .chain(&mut issue.news_flash.groups)
            {
                for a in &mut g.articles {
                    a.title = swap(&a.title);
                    a.paragraphs = a.paragraphs.iter().map(|p| swap(p)).collect();
                }
            }
            issue
        })
        .collect()
}

/// What a search must find, by brute force: every item holding every term (folded), title
/// matches first, newest first.
fn expected(index: &Index, issues: &[Issue], query: &str) -> Vec<(u32, String)> {
    let fold = |s: &str| index.archive.folder.fold(s);
    let terms = index.archive.terms(query);
    let mut items: Vec<_> = issues.iter().flat_map(issue_items).collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.issue)); // stable: page order within an issue
    let (mut titles, mut others) = (Vec::new(), Vec::new());
    for item in items {
        let (title, text) = (fold(&item.title), fold(&item.text));
        if terms.is_empty()
            || !terms
                .iter()
                .all(|t| title.contains(t.as_str()) || text.contains(t.as_str()))
        {
            continue;
        }
        let place = (item.issue, item.anchor.clone());
        if terms.iter().any(|t| title.contains(t.as_str())) {
            titles.push(place)
        } else {
            others.push(place)
        }
    }
    titles.extend(others);
    titles
}

#[test]
fn the_shards_find_exactly_what_a_substring_search_finds() {
    let issues = distinct_issues(12);
    let index = index_of(&issues);
    // Queries cut from the texts at fixed strides: one to six characters, Latin and digits
    // included, single and several terms, and their Simplified forms.
    let texts: Vec<String> = issues[..3]
        .iter()
        .flat_map(issue_items)
        .flat_map(|i| [i.title, i.text])
        .collect();
    let mut queries: Vec<String> = vec![
        "上海 浙江".into(),
        "香港 金融 發展".into(),
        "独角兽".into(),
        "58".into(),
    ];
    for (i, text) in texts.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        for len in 1..=6 {
            let at = (i * 37 + len * 11) % chars.len().saturating_sub(len).max(1);
            let q: String = chars[at..(at + len).min(chars.len())].iter().collect();
            queries.push(sheto::convert::to_simplified(&q));
            queries.push(q);
        }
    }
    let mut loaded = Loaded::default();
    for q in &queries {
        if q.trim().is_empty() {
            continue;
        }
        let want = expected(&index, &issues, q);
        let (got, _) = run(&index, &mut loaded, q, usize::MAX);
        let got: Vec<(u32, String)> = got
            .hits
            .iter()
            .map(|h| (h.issue, h.anchor.clone()))
            .collect();
        assert_eq!(got, want, "{q}");
        assert!(!want.is_empty(), "{q}: cut from the texts, found somewhere");
    }
    assert!(queries.len() > 300);
}

#[test]
fn a_query_fetches_its_shards_and_shown_texts_and_a_later_one_only_what_is_new() {
    let issues = distinct_issues(30);
    let index = index_of(&issues);
    let mut loaded = Loaded::default();
    let (r, fetched) = run(&index, &mut loaded, "香港金融", 20);
    assert!(r.total > 20, "{}", r.total);
    assert_eq!(r.hits.len(), 20);
    let shards = fetched.iter().filter(|f| f.ends_with(".bin")).count();
    let texts = fetched.iter().filter(|f| f.ends_with(".json")).count();
    // Three pairs, three shards at most; 20 hits, in at most 20 text files.
    assert!((1..=3).contains(&shards), "{fetched:?}");
    assert!((1..=20).contains(&texts), "{fetched:?}");
    let total: usize = fetched.iter().map(|f| index.files[f].len()).sum();
    let all: usize = index.files.values().map(Vec::len).sum();
    assert!(total * 4 < all, "{total} of {all} bytes");
    // The same query again, and one that shares its grams: nothing or only what is new.
    assert!(run(&index, &mut loaded, "香港金融", 20).1.is_empty());
    let (_, again) = run(&index, &mut loaded, "香港金融 香港", 20);
    assert!(again.iter().all(|f| !fetched.contains(f)), "{again:?}");
    // "Show more" fetches the next hits' texts only.
    let (more, next) = run(&index, &mut loaded, "香港金融", 40);
    assert_eq!(more.hits[..20], r.hits[..]);
    assert!(next.iter().all(|f| f.starts_with('t')), "{next:?}");
}

#[test]
fn a_broken_file_is_refused_with_what_is_wrong() {
    let index = index_of(&[issue_233()]);
    let mut loaded = Loaded::default();
    let Step::Fetch(files) = index.archive.search("上海", 10, &loaded) else {
        panic!("the first step fetches");
    };
    let shard = files[0];
    let bytes = index.files[&shard.file()].clone();
    let e = index
        .archive
        .accept(&mut loaded, shard, bytes[..bytes.len() - 1].to_vec());
    assert!(e.unwrap_err().starts_with("byte "));
    let e = index.archive.accept(&mut loaded, shard, b"<html>".to_vec());
    assert!(e.unwrap_err().contains("not a shard"));
    let text = SearchFile::Text(sheto::search::ChunkId { issue: 233, n: 0 });
    let e = index
        .archive
        .accept(&mut loaded, text, b"[]".to_vec())
        .unwrap_err();
    assert!(e.contains("expected 4 items of issue 233, found 0"), "{e}");
    assert!(!loaded.has(&shard) && !loaded.has(&text));
}

#[test]
fn a_damaged_shard_is_refused_or_read_never_a_panic() {
    use sheto::search::postings::{Gram, Shard};
    let index = index_of(&[issue_233()]);
    let original = index.files["b0.bin"].clone();
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    let mut refused = 0;
    for _ in 0..2000 {
        let mut bytes = original.clone();
        for _ in 0..1 + next() % 4 {
            let at = 4 + next() % (bytes.len() - 4);
            bytes[at] = next() as u8;
        }
        match Shard::parse(Gram::Two, bytes) {
            Ok(shard) => {
                for key in ["上海", "香港", "獨角"] {
                    let _ = shard.postings(key);
                }
            }
            Err(e) => {
                assert!(e.starts_with("byte "), "{e}");
                refused += 1;
            }
        }
    }
    assert!(refused > 500, "{refused} of 2000 damaged shards refused");
}
