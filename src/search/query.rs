//! A query against the sharded index, one step at a time: the files it still needs, then its
//! results. Plain Rust, so the reader (which fetches) and the tests (which read files) drive
//! the same code.

use super::marked::{marked, Marked, AFTER, BEFORE};
use super::postings::{Posting, Shard, ShardId};
use super::{Folder, SearchItem};
use crate::region::Region;
use serde::{Deserialize, Serialize};

/// `issues/search/index.json`, what a search fetches first: a few kilobytes at 5 issues or 500
/// (the fold table is bounded by the script; the list of issues is two numbers each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema_version: u32,
    /// The directory of this build's shards and texts, `search/{version}/`: a hash of their
    /// contents, so a file never changes under its name and every cache may keep it.
    pub version: String,
    /// Pairs of characters, Traditional then Simplified: `獨独體体…`, for the characters the
    /// items hold.
    pub fold: String,
    /// How many buckets the grams are hashed into (each kind: one-character, two-character).
    pub buckets: u32,
    /// Items per text file.
    pub chunk: u32,
    /// Newest first: each issue's number and how many items it has. Items are numbered across
    /// the archive in this order.
    pub issues: Vec<(u32, u32)>,
}

/// A text file: an issue's items `n * chunk ..`, title and text as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChunkId {
    pub issue: u32,
    pub n: u32,
}

/// A file of the index a query may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchFile {
    Shard(ShardId),
    Text(ChunkId),
}

impl SearchFile {
    /// Its name in the index's directory.
    pub fn file(&self) -> String {
        match self {
            SearchFile::Shard(id) => id.file(),
            SearchFile::Text(c) => format!("t{}-{}.json", c.issue, c.n),
        }
    }
}

/// The files a reader has fetched in this visit: a later query fetches only what is not here.
/// (Lists, not maps: a visit fetches tens of files, and each map type costs the reader's wasm
/// kilobytes.)
#[derive(Debug, Default)]
pub struct Loaded {
    shards: Vec<(ShardId, Shard)>,
    texts: Vec<(ChunkId, Vec<SearchItem>)>,
}

impl Loaded {
    pub fn has(&self, file: &SearchFile) -> bool {
        match file {
            SearchFile::Shard(id) => self.shard(id).is_some(),
            SearchFile::Text(c) => self.text(c).is_some(),
        }
    }

    fn shard(&self, id: &ShardId) -> Option<&Shard> {
        self.shards.iter().find(|s| s.0 == *id).map(|s| &s.1)
    }

    fn text(&self, id: &ChunkId) -> Option<&[SearchItem]> {
        self.texts
            .iter()
            .find(|t| t.0 == *id)
            .map(|t| t.1.as_slice())
    }
}

/// One step of a query.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Fetch these (all at once), add them, and ask again.
    Fetch(Vec<SearchFile>),
    Done(Results),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// How many items match (more than are returned when over the limit).
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// A found item: where it is, and its title and snippet with the matches marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub issue: u32,
    /// The element id on the issue's page.
    pub anchor: String,
    pub region: Option<Region>,
    pub title: Marked,
    pub snippet: Marked,
}

/// The archive's search, from its manifest.
#[derive(Debug)]
pub struct Archive {
    pub manifest: Manifest,
    pub folder: Folder,
    /// The number of each issue's first item, in the manifest's order.
    starts: Vec<u32>,
}

impl Archive {
    pub fn new(manifest: Manifest) -> Archive {
        let folder = Folder::new(&manifest.fold);
        let mut next = 0u32;
        let starts = manifest
            .issues
            .iter()
            .map(|&(_, items)| {
                let start = next;
                next = next.saturating_add(items);
                start
            })
            .collect();
        Archive {
            manifest,
            folder,
            starts,
        }
    }

    /// A file's path relative to `issues/`.
    pub fn path(&self, file: &SearchFile) -> String {
        format!("search/{}/{}", self.manifest.version, file.file())
    }

    /// Takes a fetched file into `loaded`; an error says what is wrong with it.
    pub fn accept(
        &self,
        loaded: &mut Loaded,
        file: SearchFile,
        bytes: Vec<u8>,
    ) -> Result<(), String> {
        match file {
            SearchFile::Shard(id) => {
                let shard = Shard::parse(id.gram, bytes)?;
                if !loaded.has(&file) {
                    loaded.shards.push((id, shard));
                }
            }
            SearchFile::Text(c) => {
                let items: Vec<SearchItem> =
                    serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
                let expected = self.chunk_len(c);
                if items.len() != expected || items.iter().any(|i| i.issue != c.issue) {
                    return Err(format!(
                        "expected {expected} items of issue {}, found {}",
                        c.issue,
                        items.len()
                    ));
                }
                if !loaded.has(&file) {
                    loaded.texts.push((c, items));
                }
            }
        }
        Ok(())
    }

    fn chunk_len(&self, c: ChunkId) -> usize {
        let chunk = self.manifest.chunk.max(1);
        let items = self
            .manifest
            .issues
            .iter()
            .find(|i| i.0 == c.issue)
            .map_or(0, |i| i.1);
        items.saturating_sub(c.n * chunk).min(chunk) as usize
    }

    /// The query's terms, folded and distinct: split at spaces, at most 8, the longest first
    /// (the rarest, usually).
    pub fn terms(&self, query: &str) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for term in query
            .split_whitespace()
            .take(8)
            .map(|t| self.folder.fold(t))
        {
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        if let Some(longest) = (0..terms.len()).max_by_key(|&i| terms[i].chars().count()) {
            terms.swap(0, longest);
        }
        terms
    }

    /// One step of a query: the files it still needs, or its results (title matches first,
    /// each newest first; at most `limit` hits built, all counted).
    pub fn search(&self, query: &str, limit: usize, loaded: &Loaded) -> Step {
        let terms = self.terms(query);
        let ranked = match self.ranked(&terms, loaded) {
            Ok(ranked) => ranked,
            Err(missing) => return Step::Fetch(missing),
        };
        let shown: Vec<(u32, u32)> = ranked
            .iter()
            .take(limit)
            .filter_map(|&item| self.locate(item))
            .collect();
        let missing = missing(
            shown
                .iter()
                .map(|&(issue, index)| SearchFile::Text(self.chunk_of(issue, index))),
            loaded,
        );
        if !missing.is_empty() {
            return Step::Fetch(missing);
        }
        let hits = shown
            .into_iter()
            .filter_map(|(issue, index)| {
                let chunk = loaded.text(&self.chunk_of(issue, index))?;
                let item = chunk.get((index % self.manifest.chunk.max(1)) as usize)?;
                Some(self.hit(item, &terms))
            })
            .collect();
        Step::Done(Results {
            total: ranked.len(),
            hits,
        })
    }

    fn chunk_of(&self, issue: u32, index: u32) -> ChunkId {
        ChunkId {
            issue,
            n: index / self.manifest.chunk.max(1),
        }
    }

    /// An item's issue and its place in the issue.
    fn locate(&self, item: u32) -> Option<(u32, u32)> {
        let i = self.starts.partition_point(|&s| s <= item).checked_sub(1)?;
        let (issue, count) = self.manifest.issues[i];
        let index = item - self.starts[i];
        (index < count).then_some((issue, index))
    }

    /// Every item holding all the terms, title matches first, each newest first; or the shards
    /// still missing.
    fn ranked(&self, terms: &[String], loaded: &Loaded) -> Result<Vec<u32>, Vec<SearchFile>> {
        let grams: Vec<Vec<(String, u32)>> = terms.iter().map(|t| grams(t)).collect();
        let shards = grams.iter().flatten();
        let missing = missing(
            shards.map(|(g, _)| SearchFile::Shard(ShardId::of(g, self.manifest.buckets))),
            loaded,
        );
        if !missing.is_empty() {
            return Err(missing);
        }
        let mut found: Option<Vec<(u32, bool)>> = None;
        for grams in &grams {
            let lists: Vec<(Vec<Posting>, u32)> = grams
                .iter()
                .map(|(g, at)| {
                    let id = ShardId::of(g, self.manifest.buckets);
                    let postings = loaded.shard(&id).map(|s| s.postings(g));
                    (postings.unwrap_or_default(), *at)
                })
                .collect();
            let here = term_matches(&lists);
            found = Some(match found {
                None => here,
                // Both in item order: keep the items in both, in a title if either was.
                Some(before) => before
                    .into_iter()
                    .filter_map(|(item, t)| {
                        let i = here.binary_search_by_key(&item, |h| h.0).ok()?;
                        Some((item, t || here[i].1))
                    })
                    .collect(),
            });
        }
        let found = found.unwrap_or_default();
        let titles = found.iter().filter(|f| f.1).map(|f| f.0);
        Ok(titles
            .chain(found.iter().filter(|f| !f.1).map(|f| f.0))
            .collect())
    }

    fn hit(&self, item: &SearchItem, terms: &[String]) -> Hit {
        let title = self.folder.fold(&item.title);
        let text = self.folder.fold(&item.text);
        Hit {
            issue: item.issue,
            anchor: item.anchor.clone(),
            region: item.region,
            title: marked(&item.title, &title, terms, None),
            snippet: marked(&item.text, &text, terms, Some((BEFORE, AFTER))),
        }
    }
}

/// The files not loaded yet, each once, in the order first asked for. (No sort: a sort per
/// element type costs the reader ~3 KB of wasm.)
fn missing(files: impl Iterator<Item = SearchFile>, loaded: &Loaded) -> Vec<SearchFile> {
    let mut out: Vec<SearchFile> = Vec::new();
    for file in files {
        if !loaded.has(&file) && !out.contains(&file) {
            out.push(file);
        }
    }
    out
}

/// A term's grams and where each starts in it: its character alone; or pairs of characters,
/// enough to cover it (every other pair, and the last): "香港金融" is 香港 at 0 and 金融 at 2.
/// Fewer pairs, fewer shards to fetch; the positions still pin the whole term down.
pub(super) fn grams(term: &str) -> Vec<(String, u32)> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < 2 {
        return vec![(term.to_string(), 0)];
    }
    let last = chars.len() - 2;
    let mut starts: Vec<usize> = (0..=last).step_by(2).collect();
    if starts.last() != Some(&last) {
        starts.push(last);
    }
    starts
        .into_iter()
        .map(|at| (chars[at..at + 2].iter().collect(), at as u32))
        .collect()
}

/// The items where each gram occurs at its place after the first: where the term is. In item
/// order, each with whether the title holds it.
fn term_matches(lists: &[(Vec<Posting>, u32)]) -> Vec<(u32, bool)> {
    let Some(lead) = (0..lists.len()).min_by_key(|&k| lists[k].0.len()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &lists[lead].0 {
        let postings: Option<Vec<(&Posting, u32)>> = lists
            .iter()
            .map(|(l, at)| {
                let i = l.binary_search_by_key(&p.item, |q| q.item).ok()?;
                Some((&l[i], *at))
            })
            .collect();
        let Some(postings) = postings else {
            continue;
        };
        let in_title = placed(&postings, |q| &q.title);
        if in_title || placed(&postings, |q| &q.text) {
            out.push((p.item, in_title));
        }
    }
    out
}

/// Whether a field holds the first gram somewhere with every other at its place after it.
fn placed(postings: &[(&Posting, u32)], field: impl Fn(&Posting) -> &Vec<u32>) -> bool {
    field(postings[0].0).iter().any(|&start| {
        postings[1..].iter().all(|&(q, at)| {
            start
                .checked_add(at)
                .is_some_and(|at| field(q).binary_search(&at).is_ok())
        })
    })
}
