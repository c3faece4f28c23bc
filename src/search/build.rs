//! Writing the sharded index (`sheto index`): the manifest, a shard per bucket and kind of
//! gram, and the items' texts in files of a few each.

use super::postings::{encode_posting, write_shard, Posting, ShardId};
use super::query::{ChunkId, Manifest, SearchFile};
use super::{issue_items, Folder, SearchItem};
use crate::bundle::{Issue, SCHEMA_VERSION};
use std::collections::{BTreeMap, HashMap};

/// Items per text file: a hit costs a reader its file, about 1.4 KB brotli.
pub const CHUNK: u32 = 4;
/// Shards of about this many bytes (raw; ~0.65 of it brotli), a gram's postings aside: a
/// frequent pair's are what they are (at 500 issues, the commonest is ~20 KB).
const SHARD_BYTES: usize = 4 * 1024;

/// The index: the manifest, and each file's name (in `search/{version}/`) and bytes.
pub struct SearchFiles {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

impl SearchFiles {
    pub fn manifest_json(&self) -> String {
        let mut json =
            serde_json::to_string(&self.manifest).expect("the manifest always serializes");
        json.push('\n');
        json
    }
}

/// A gram's postings as they are encoded, one item after another.
#[derive(Default)]
struct Encoded {
    count: u32,
    last: Option<u32>,
    body: Vec<u8>,
}

/// Builds the index of an archive; `simplify` gives a character's Simplified form (see
/// [`crate::convert::simplified_char`]).
pub fn build<'a>(
    issues: impl IntoIterator<Item = &'a Issue>,
    simplify: impl Fn(char) -> Option<char>,
) -> SearchFiles {
    let mut issues: Vec<&Issue> = issues.into_iter().collect();
    issues.sort_by_key(|i| std::cmp::Reverse(i.number));
    let per_issue: Vec<Vec<SearchItem>> = issues.iter().map(|i| issue_items(i)).collect();
    let fold = fold_table(per_issue.iter().flatten(), simplify);
    let folder = Folder::new(&fold);

    // Keys packed in a u64 (a character, and the one after it or none): a String per gram
    // would double the memory this takes at 500 issues.
    let mut grams: HashMap<u64, Encoded> = HashMap::new();
    let mut here: HashMap<u64, Posting> = HashMap::new();
    for (id, item) in per_issue.iter().flatten().enumerate() {
        let id = id as u32;
        here.clear();
        for (in_title, field) in [(true, &item.title), (false, &item.text)] {
            let chars: Vec<char> = folder.fold(field).chars().collect();
            for (at, &c) in chars.iter().enumerate() {
                if c.is_whitespace() {
                    continue;
                }
                let next = chars.get(at + 1).copied().filter(|d| !d.is_whitespace());
                let mut note = |key| {
                    let p: &mut Posting = here.entry(key).or_default();
                    let positions = if in_title { &mut p.title } else { &mut p.text };
                    positions.push(at as u32);
                };
                note(pack(c, None));
                if next.is_some() {
                    note(pack(c, next));
                }
            }
        }
        for (&key, posting) in here.iter_mut() {
            let g = grams.entry(key).or_default();
            posting.item = id;
            encode_posting(&mut g.body, g.last, posting);
            g.last = Some(id);
            g.count += 1;
        }
    }

    let total: usize = grams.values().map(|g| g.body.len()).sum();
    let buckets = (total / SHARD_BYTES / 2).max(1).next_power_of_two() as u32;
    let mut shards: BTreeMap<ShardId, Vec<u64>> = BTreeMap::new();
    for &key in grams.keys() {
        let id = ShardId::of(&unpack(key), buckets);
        shards.entry(id).or_default().push(key);
    }
    let mut files: Vec<(String, Vec<u8>)> = shards
        .into_iter()
        .map(|(id, keys)| {
            let keys: Vec<(String, &Encoded)> =
                keys.iter().map(|k| (unpack(*k), &grams[k])).collect();
            let entries = keys
                .iter()
                .map(|(k, g)| (k.as_str(), g.count, g.body.as_slice()))
                .collect();
            (id.file(), write_shard(id.gram, entries))
        })
        .collect();
    for (issue, items) in issues.iter().zip(&per_issue) {
        for (n, chunk) in items.chunks(CHUNK as usize).enumerate() {
            let id = ChunkId {
                issue: issue.number,
                n: n as u32,
            };
            let mut json = serde_json::to_vec(chunk).expect("search items always serialize");
            json.push(b'\n');
            files.push((SearchFile::Text(id).file(), json));
        }
    }
    files.sort();
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        version: version(&files),
        fold,
        buckets,
        chunk: CHUNK,
        issues: issues
            .iter()
            .zip(&per_issue)
            .map(|(i, items)| (i.number, items.len() as u32))
            .collect(),
    };
    SearchFiles { manifest, files }
}

const NO_CHAR: u64 = u32::MAX as u64;

fn pack(c: char, next: Option<char>) -> u64 {
    (u64::from(c) << 32) | next.map_or(NO_CHAR, u64::from)
}

fn unpack(key: u64) -> String {
    let char_at = |bits: u64| char::from_u32(bits as u32);
    char_at(key >> 32)
        .into_iter()
        .chain(char_at(key & NO_CHAR))
        .collect()
}

/// Pairs for the characters the items hold that have a Simplified form of the same length.
fn fold_table<'a>(
    items: impl Iterator<Item = &'a SearchItem>,
    simplify: impl Fn(char) -> Option<char>,
) -> String {
    let mut fold = BTreeMap::new();
    for item in items {
        for c in item.title.chars().chain(item.text.chars()) {
            if !c.is_ascii() && !fold.contains_key(&c) {
                if let Some(s) = simplify(c).filter(|s| s.len_utf8() == c.len_utf8()) {
                    fold.insert(c, s);
                }
            }
        }
    }
    fold.into_iter().flat_map(|(t, s)| [t, s]).collect()
}

/// 64-bit FNV-1a over every file's name and bytes, in hex.
fn version(files: &[(String, Vec<u8>)]) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for (name, bytes) in files {
        for &b in name.as_bytes().iter().chain([0u8].iter()).chain(bytes) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
