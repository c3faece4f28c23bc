//! Search across every issue, in shards. `sheto index` writes `issues/search/`: a small
//! manifest (`index.json`), and in a directory named after a hash of its contents, the
//! postings of every gram (each character, and each pair of characters side by side) hashed
//! into shards, and the items' printed texts a few items to a file. A query fetches the
//! manifest, then only the shards of its grams, then the texts of the hits it shows: what a
//! search costs a reader does not grow with the archive.
//!
//! Matches are exact substrings (a pair's positions tell where a longer term is; nothing is
//! segmented into words, so nothing is missed). 繁 and 简 match alike because both the texts
//! and the query are *folded*: ASCII letters to lower case and each Traditional character to its
//! Simplified form (character by character, the same UTF-8 length), so a match's byte offsets in
//! the folded text are its offsets in the printed text too, and snippets are cut from the
//! printed text.

#[cfg(not(target_arch = "wasm32"))]
mod build;
mod fold;
mod marked;
pub mod postings;
mod query;

#[cfg(not(target_arch = "wasm32"))]
pub use build::{build, SearchFiles, CHUNK};
pub use fold::Folder;
pub use marked::Marked;
pub use query::{Archive, ChunkId, Hit, Loaded, Manifest, Results, SearchFile, Step};

use crate::bundle::{Article, Issue};
use crate::page::{Anchor, IssuePage};
use crate::region::Region;
use serde::{Deserialize, Serialize};

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
