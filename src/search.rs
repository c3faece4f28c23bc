//! Search across every issue. `sheto index` writes `issues/search.json`: every item's title and
//! text (as printed, in Traditional Chinese) and a fold table, so the reader loads one file once
//! and answers each keystroke locally.
//!
//! 繁 and 简 match alike because both the texts and the query are *folded*: ASCII letters to
//! lower case and each Traditional character to its Simplified form (character by character,
//! the same UTF-8 length), so a match's byte offsets in the folded text are its offsets in the
//! printed text too, and snippets are cut from the printed text.

use crate::bundle::{Article, Issue, SCHEMA_VERSION};
use crate::page::{Anchor, IssuePage};
use crate::region::Region;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchIndex {
    pub schema_version: u32,
    /// Pairs of characters, Traditional then Simplified: `獨独體体…`. Only characters that occur
    /// in the items are listed.
    pub fold: String,
    /// Newest issue first, each issue's items in page order.
    pub items: Vec<SearchItem>,
}

/// One thing a reader can land on: a key development, a news item or an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchItem {
    pub issue: u32,
    /// The element id on the issue's page: `key-2`, `item-12`, `event-3`.
    pub anchor: String,
    /// The province whose filter shows the item; absent for Hong Kong and Mainland items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    pub title: String,
    pub text: String,
}

fn article_text(article: &Article) -> String {
    article.paragraphs.join("\n")
}

/// One issue's items, in page order, found by the anchors its page gives them.
pub fn issue_items(issue: &Issue) -> Vec<SearchItem> {
    let page = IssuePage::new(issue, issue.lang.into());
    let item = |anchor: Anchor, region, title: &str, text| SearchItem {
        issue: issue.number,
        anchor: anchor.to_string(),
        region,
        title: title.to_string(),
        text,
    };
    let articles = page
        .key
        .iter()
        .chain(&page.news)
        .flat_map(|g| &g.items)
        .map(|i| {
            item(
                i.anchor,
                i.province,
                &i.article.title,
                article_text(&i.article),
            )
        });
    let events = page.cities.iter().flat_map(|c| {
        c.events.iter().map(move |e| {
            let text = format!("{}\n{}", e.event.venue, e.event.organisers.join("、"));
            let province = c.region.filter(|r| Region::PROVINCES.contains(r));
            item(e.anchor, province, &e.event.name, text)
        })
    });
    articles.chain(events).collect()
}

impl SearchIndex {
    /// The index of an archive; `simplify` gives a character's Simplified form (see
    /// [`crate::convert::simplified_char`]).
    pub fn build<'a>(
        issues: impl IntoIterator<Item = &'a Issue>,
        simplify: impl Fn(char) -> Option<char>,
    ) -> SearchIndex {
        let mut issues: Vec<&Issue> = issues.into_iter().collect();
        issues.sort_by_key(|i| std::cmp::Reverse(i.number));
        let items: Vec<SearchItem> = issues.into_iter().flat_map(issue_items).collect();
        let mut fold = BTreeMap::new();
        for item in &items {
            for c in item.title.chars().chain(item.text.chars()) {
                if !c.is_ascii() && !fold.contains_key(&c) {
                    if let Some(s) = simplify(c).filter(|s| s.len_utf8() == c.len_utf8()) {
                        fold.insert(c, s);
                    }
                }
            }
        }
        SearchIndex {
            schema_version: SCHEMA_VERSION,
            fold: fold.into_iter().flat_map(|(t, s)| [t, s]).collect(),
            items,
        }
    }

    /// Compact JSON: the file is fetched by phones.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string(self).expect("search index types always serialize");
        json.push('\n');
        json
    }
}

/// Folds text for matching; every character keeps its UTF-8 length.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Basic-plane characters by code point (0: unchanged): a lookup per character, as the whole
    /// archive is folded when the index loads.
    bmp: Vec<u16>,
    /// The rest (a handful at most).
    astral: Vec<(char, char)>,
}

impl Folder {
    pub fn new(pairs: &str) -> Folder {
        let chars: Vec<char> = pairs.chars().collect();
        let mut folder = Folder::default();
        for pair in chars.chunks_exact(2) {
            let (from, to) = (pair[0], pair[1]);
            if from.len_utf8() != to.len_utf8() {
                continue;
            }
            match (u16::try_from(u32::from(from)), u16::try_from(u32::from(to))) {
                (Ok(f), Ok(t)) => {
                    folder.bmp.resize(0x1_0000, 0);
                    folder.bmp[usize::from(f)] = t;
                }
                _ => folder.astral.push((from, to)),
            }
        }
        folder
    }

    fn map(&self, c: char) -> Option<char> {
        match self.bmp.get(c as usize) {
            Some(0) => None,
            Some(&t) => char::from_u32(u32::from(t)),
            None => self.astral.iter().find(|p| p.0 == c).map(|p| p.1),
        }
    }

    /// For matching: lower-case ASCII, Simplified characters; appended to `out`.
    pub fn fold_into(&self, text: &str, out: &mut String) {
        out.extend(
            text.chars()
                .map(|c| self.map(c).unwrap_or(c.to_ascii_lowercase())),
        );
    }

    pub fn fold(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.fold_into(text, &mut out);
        out
    }

    /// For showing in Simplified: the characters only, letters keep their case.
    pub fn simplified(&self, text: &str) -> String {
        text.chars().map(|c| self.map(c).unwrap_or(c)).collect()
    }
}

/// The archive's items, folded once, ready for queries.
pub struct Searcher {
    pub items: Vec<SearchItem>,
    pub folder: Folder,
    /// Every item's folded title and text, each followed by a separator no query contains.
    haystack: String,
    /// Where each item's folded title starts in `haystack` (and its text: after the title).
    starts: Vec<usize>,
    /// Which items contain each character: a query only looks into the items that hold all of
    /// its characters, instead of reading the whole archive at every keystroke.
    chars: CharSets,
}

/// For each basic-plane character seen, a bitset over the items (one bit per item).
struct CharSets {
    /// Code point → 1 + its set's number; 0 for a character no item holds.
    slot: Vec<u16>,
    /// The sets, one after another, `words` u64s each.
    bits: Vec<u64>,
    words: usize,
    /// False when the archive holds more distinct characters than there are slots: then a
    /// character without a set may still occur, and sets cannot rule items out by absence.
    complete: bool,
}

impl CharSets {
    fn build(haystack: &str, starts: &[usize]) -> CharSets {
        let words = starts.len().div_ceil(64);
        let mut sets = CharSets {
            slot: vec![0; 0x1_0000],
            bits: Vec::new(),
            words,
            complete: true,
        };
        for (item, &start) in starts.iter().enumerate() {
            let end = starts.get(item + 1).copied().unwrap_or(haystack.len());
            let (word, bit) = (item / 64, 1u64 << (item % 64));
            for c in haystack[start..end].chars() {
                let Some(code) = usize::try_from(u32::from(c)).ok().filter(|&c| c < 0x1_0000)
                else {
                    continue;
                };
                let mut slot = usize::from(sets.slot[code]);
                if slot == 0 {
                    if sets.bits.len() / words.max(1) >= usize::from(u16::MAX) {
                        sets.complete = false;
                        continue;
                    }
                    sets.bits.resize(sets.bits.len() + words, 0);
                    slot = sets.bits.len() / words;
                    sets.slot[code] = slot as u16;
                }
                sets.bits[(slot - 1) * words + word] |= bit;
            }
        }
        sets
    }

    /// The items that may hold every character of `terms` (all, for characters not tracked).
    fn candidates(&self, terms: &[String]) -> Vec<u64> {
        let mut out = vec![u64::MAX; self.words];
        for c in terms.iter().flat_map(|t| t.chars()) {
            let Some(code) = usize::try_from(u32::from(c)).ok().filter(|&c| c < 0x1_0000) else {
                continue;
            };
            match usize::from(self.slot[code]) {
                0 if self.complete => return vec![0; self.words],
                0 => {}
                slot => {
                    let set = &self.bits[(slot - 1) * self.words..slot * self.words];
                    out.iter_mut().zip(set).for_each(|(o, s)| *o &= s);
                }
            }
        }
        out
    }
}

/// A piece of printed text with the parts to highlight (byte ranges into `text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
    /// Whether the text was cut at its start or end (the reader shows "…").
    pub cut_before: bool,
    pub cut_after: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position in [`Searcher::items`].
    pub item: usize,
    pub title: Marked,
    pub snippet: Marked,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// How many items match (more than are returned when over the limit).
    pub total: usize,
    pub hits: Vec<Hit>,
}

const SEPARATOR: char = '\u{1}';
/// Characters of context around the first match in a snippet.
const BEFORE: usize = 24;
const AFTER: usize = 60;

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        let folder = Folder::new(&index.fold);
        let size = index.items.iter().map(|i| i.title.len() + i.text.len() + 2);
        let mut haystack = String::with_capacity(size.sum());
        let mut starts = Vec::with_capacity(index.items.len());
        for item in &index.items {
            starts.push(haystack.len());
            folder.fold_into(&item.title, &mut haystack);
            haystack.push(SEPARATOR);
            folder.fold_into(&item.text, &mut haystack);
            haystack.push(SEPARATOR);
        }
        let chars = CharSets::build(&haystack, &starts);
        Searcher {
            items: index.items,
            folder,
            haystack,
            starts,
            chars,
        }
    }

    /// The query's terms, folded and distinct: split at spaces, at most 8, the longest first
    /// (the rarest, usually). No sort: a sort per element type costs the reader ~3 KB of wasm.
    pub fn terms(&self, query: &str) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for term in query
            .split_whitespace()
            .take(8)
            .map(|t| self.folder.fold(t))
        {
            if !term.contains(SEPARATOR) && !terms.contains(&term) {
                terms.push(term);
            }
        }
        if let Some(longest) = (0..terms.len()).max_by_key(|&i| terms[i].len()) {
            terms.swap(0, longest);
        }
        terms
    }

    fn folded(&self, item: usize) -> &str {
        let end = self
            .starts
            .get(item + 1)
            .copied()
            .unwrap_or(self.haystack.len());
        &self.haystack[self.starts[item]..end]
    }

    /// Items containing every term, in index order (newest first) with title matches first;
    /// at most `limit` hits are built, all are counted.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let terms = self.terms(query);
        if terms.is_empty() {
            return Results::default();
        }
        let candidates = self.chars.candidates(&terms);
        // Title matches first, then the rest; each in index order (newest first).
        let (mut ranked, mut others) = (Vec::new(), Vec::new());
        for (w, &word) in candidates.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let item = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if item >= self.starts.len() {
                    break;
                }
                // (memchr's prepared finders were twice as fast here, and 11 KB more of wasm.)
                let (title, text) = self.folded(item).split_once(SEPARATOR).unwrap_or_default();
                let mut in_title = false;
                let all = terms.iter().all(|t| {
                    let here = title.contains(t.as_str());
                    in_title |= here;
                    here || text.contains(t.as_str())
                });
                match (all, in_title) {
                    (true, true) => ranked.push(item),
                    (true, false) => others.push(item),
                    (false, _) => {}
                }
            }
        }
        ranked.extend(others);
        Results {
            total: ranked.len(),
            hits: ranked
                .into_iter()
                .take(limit)
                .map(|item| self.hit(item, &terms))
                .collect(),
        }
    }

    fn hit(&self, item: usize, terms: &[String]) -> Hit {
        let folded = self.folded(item);
        let (title_folded, rest) = folded.split_once(SEPARATOR).unwrap_or_default();
        let text_folded = rest.strip_suffix(SEPARATOR).unwrap_or(rest);
        let it = &self.items[item];
        Hit {
            item,
            title: marked(&it.title, title_folded, terms, None),
            snippet: marked(&it.text, text_folded, terms, Some((BEFORE, AFTER))),
        }
    }
}

/// Every occurrence of the terms in `folded`, merged, in order.
fn occurrences(folded: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut covered = vec![false; folded.len()];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        for (i, m) in folded.match_indices(term.as_str()) {
            covered[i..i + m.len()].fill(true);
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for (i, _) in covered.iter().enumerate().filter(|(_, c)| **c) {
        match merged.last_mut() {
            Some(last) if last.end == i => last.end = i + 1,
            _ => merged.push(i..i + 1),
        }
    }
    merged
}

/// The printed text (or a window of it around the first match) with its matches marked.
fn marked(printed: &str, folded: &str, terms: &[String], window: Option<(usize, usize)>) -> Marked {
    debug_assert_eq!(printed.len(), folded.len());
    let all = occurrences(folded, terms);
    let (start, end) = match window {
        None => (0, printed.len()),
        Some((before, after)) => {
            let anchor = all.first().map_or(0, |r| r.start);
            let start = printed[..anchor]
                .char_indices()
                .rev()
                .nth(before.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            let end = printed[anchor..]
                .char_indices()
                .nth(after)
                .map_or(printed.len(), |(i, _)| anchor + i);
            (start, end)
        }
    };
    let marks = all
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Marked {
        text: printed[start..end].to_string(),
        marks,
        cut_before: start > 0,
        cut_after: end < printed.len(),
    }
}

impl Marked {
    /// The text as pieces, each flagged when it is a match: what the reader draws with <mark>.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut pieces = Vec::new();
        let mut at = 0;
        for r in &self.marks {
            if r.start > at {
                pieces.push((&self.text[at..r.start], false));
            }
            pieces.push((&self.text[r.clone()], true));
            at = r.end;
        }
        if at < self.text.len() {
            pieces.push((&self.text[at..], false));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(issue: u32, title: &str, text: &str) -> SearchItem {
        SearchItem {
            issue,
            anchor: "item-1".into(),
            region: None,
            title: title.into(),
            text: text.into(),
        }
    }

    fn searcher(items: Vec<SearchItem>) -> Searcher {
        Searcher::new(SearchIndex {
            schema_version: 1,
            fold: "獨独獸兽經经貿贸".into(),
            items,
        })
    }

    #[test]
    fn traditional_and_simplified_queries_match_alike() {
        let s = searcher(vec![
            item(2, "獨角獸企業", "上海的獨角獸"),
            item(1, "其他", "無關"),
        ]);
        for q in ["独角兽", "獨角獸", "獨角兽"] {
            let r = s.search(q, 10);
            assert_eq!(r.total, 1, "{q}");
            assert_eq!(r.hits[0].item, 0);
            assert_eq!(
                r.hits[0].title.pieces(),
                [("獨角獸", true), ("企業", false)]
            );
        }
    }

    #[test]
    fn every_term_must_match_and_titles_rank_first() {
        let s = searcher(vec![
            item(3, "上海", "浙江 CargoX"),
            item(2, "浙江", "上海 cargox"),
            item(1, "浙江", "安徽"),
        ]);
        let r = s.search("cargox 上海", 10);
        assert_eq!(r.total, 2);
        assert_eq!(r.hits.iter().map(|h| h.item).collect::<Vec<_>>(), [0, 1]);
        let r = s.search("浙江", 10);
        assert_eq!(r.hits.iter().map(|h| h.item).collect::<Vec<_>>(), [1, 2, 0]);
        assert_eq!(s.search("浙江", 1).hits.len(), 1);
        assert_eq!(s.search("浙江", 1).total, 3);
        assert_eq!(s.search("   ", 10), Results::default());
        assert_eq!(s.search("\u{1}", 10), Results::default());
    }

    #[test]
    fn snippets_are_cut_around_the_first_match() {
        let text = format!("{}經貿{}", "甲".repeat(100), "乙".repeat(100));
        let s = searcher(vec![item(1, "標題", &text)]);
        let hit = &s.search("经贸", 10).hits[0];
        let snippet = &hit.snippet;
        assert!(snippet.cut_before && snippet.cut_after);
        assert_eq!(snippet.text.chars().count(), BEFORE + AFTER);
        assert_eq!(&snippet.text[snippet.marks[0].clone()], "經貿");
        assert!(hit.title.marks.is_empty());
    }

    #[test]
    fn a_match_never_spans_two_items() {
        let s = searcher(vec![item(2, "甲", "上"), item(1, "海", "乙")]);
        assert_eq!(s.search("上海", 10).total, 0);
    }
}
