//! The search index's shards: where each gram (one character, or two side by side, folded)
//! occurs in every item, as small binary files a query fetches only when it needs them.
//!
//! A gram's key hashes to one of the archive's buckets; a bucket's grams are one file,
//! `u{bucket}.bin` (single characters) or `b{bucket}.bin` (pairs). A file:
//!
//! ```text
//! file    := magic entry*                    magic: "SHU1" or "SHB1"
//! entry   := len key len body                key: the gram's UTF-8; len: a varint
//! body    := count posting*                  postings in item order
//! posting := item n position*n n position*n  the title's positions, then the text's
//! ```
//!
//! Numbers are LEB128 varints; an item is its gap from the one before (the first: its number),
//! a position (in characters of the folded field) its gap from the one before, likewise. Items
//! are numbered across the archive newest first, as the manifest lists them.

use std::ops::Range;

/// One character, or two side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gram {
    One,
    Two,
}

impl Gram {
    fn magic(self) -> &'static [u8; 4] {
        match self {
            Gram::One => b"SHU1",
            Gram::Two => b"SHB1",
        }
    }

    fn prefix(self) -> char {
        match self {
            Gram::One => 'u',
            Gram::Two => 'b',
        }
    }
}

/// One shard file of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShardId {
    pub gram: Gram,
    pub bucket: u32,
}

impl ShardId {
    /// The shard that holds a gram's postings.
    pub fn of(key: &str, buckets: u32) -> ShardId {
        let gram = if key.chars().nth(1).is_some() {
            Gram::Two
        } else {
            Gram::One
        };
        ShardId {
            gram,
            bucket: bucket(key, buckets),
        }
    }

    /// Its file name in the index's directory.
    pub fn file(&self) -> String {
        format!("{}{}.bin", self.gram.prefix(), self.bucket)
    }
}

/// FNV-1a of the key's UTF-8: the same bucket natively at publish time and in the reader.
fn bucket(key: &str, buckets: u32) -> u32 {
    let hash = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash % buckets.max(1)
}

/// Where a gram occurs in one item.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Posting {
    pub item: u32,
    /// Character positions in the folded title, ascending.
    pub title: Vec<u32>,
    /// And in the folded text.
    pub text: Vec<u32>,
}

// Writing is publishing: native only, like the rest of `sheto index`.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads varints from a byte slice; every read says where it failed.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u32, String> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(format!("byte {}: the file ends inside a number", self.at));
            };
            self.at += 1;
            n |= u32::from(b & 0x7f)
                .checked_shl(shift)
                .filter(|_| shift < 28 || b & 0x7f < 0x10)
                .ok_or_else(|| format!("byte {}: a number too large", self.at - 1))?;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(format!("byte {}: a number too long", self.at))
    }

    fn take(&mut self, len: u32) -> Result<Range<usize>, String> {
        let end = self
            .at
            .checked_add(len as usize)
            .filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!("byte {}: the file ends inside an entry", self.at));
        };
        let range = self.at..end;
        self.at = end;
        Ok(range)
    }

    /// Ascending numbers written as gaps: the first as it is, each next one more.
    fn ascending(
        &mut self,
        count: u32,
        after: Option<u32>,
        what: &str,
    ) -> Result<Vec<u32>, String> {
        let mut out = Vec::with_capacity(count.min(4096) as usize);
        let mut last = after;
        for _ in 0..count {
            let gap = self.varint()?;
            let next = match last {
                None => Some(gap),
                Some(l) if gap > 0 => l.checked_add(gap),
                Some(_) => None,
            }
            .ok_or_else(|| format!("byte {}: {what} out of order", self.at))?;
            out.push(next);
            last = Some(next);
        }
        Ok(out)
    }

    fn postings(&mut self) -> Result<Vec<Posting>, String> {
        let count = self.varint()?;
        let mut out = Vec::with_capacity(count.min(4096) as usize);
        let mut item = None;
        for _ in 0..count {
            let next = self.ascending(1, item, "items")?[0];
            item = Some(next);
            let n = self.varint()?;
            let title = self.ascending(n, None, "positions")?;
            let n = self.varint()?;
            let text = self.ascending(n, None, "positions")?;
            out.push(Posting {
                item: next,
                title,
                text,
            });
        }
        Ok(out)
    }

    /// Checks postings as [`Reader::postings`] reads them, keeping nothing: a shard is checked
    /// whole when it arrives, and a frequent pair's postings are thousands of positions.
    fn check_postings(&mut self) -> Result<(), String> {
        let count = self.varint()?;
        let mut item = None;
        for _ in 0..count {
            item = Some(self.check_ascending(1, item, "items")?);
            for _ in 0..2 {
                let n = self.varint()?;
                self.check_ascending(n, None, "positions")?;
            }
        }
        Ok(())
    }

    fn check_ascending(
        &mut self,
        count: u32,
        after: Option<u32>,
        what: &str,
    ) -> Result<u32, String> {
        let mut last = after;
        for _ in 0..count {
            let gap = self.varint()?;
            last = Some(
                match last {
                    None => Some(gap),
                    Some(l) if gap > 0 => l.checked_add(gap),
                    Some(_) => None,
                }
                .ok_or_else(|| format!("byte {}: {what} out of order", self.at))?,
            );
        }
        Ok(last.unwrap_or(0))
    }
}

/// A shard as fetched: checked once, whole, then read a gram at a time.
#[derive(Debug, Clone)]
pub struct Shard {
    bytes: Vec<u8>,
    /// Each key's body, in key order (as written): found by binary search.
    entries: Vec<(String, Range<usize>)>,
}

impl Shard {
    /// Checks every entry; an error names the byte where the file stops making sense.
    pub fn parse(gram: Gram, bytes: Vec<u8>) -> Result<Shard, String> {
        if bytes.get(..4) != Some(&gram.magic()[..]) {
            return Err("not a shard of the search index (its first bytes)".to_string());
        }
        let mut entries: Vec<(String, Range<usize>)> = Vec::new();
        let mut r = Reader {
            bytes: &bytes,
            at: 4,
        };
        while r.at < bytes.len() {
            let len = r.varint()?;
            let key = r.take(len)?;
            let key = std::str::from_utf8(&bytes[key])
                .map_err(|_| format!("byte {}: a key that is not UTF-8", r.at))?
                .to_string();
            let len = r.varint()?;
            let body = r.take(len)?;
            let mut check = Reader {
                bytes: &bytes[..body.end],
                at: body.start,
            };
            check.check_postings()?;
            if check.at != body.end {
                return Err(format!(
                    "byte {}: an entry longer than its postings",
                    check.at
                ));
            }
            if entries.last().is_some_and(|(last, _)| *last >= key) {
                return Err(format!("byte {}: keys out of order", body.start));
            }
            entries.push((key, body));
        }
        Ok(Shard { bytes, entries })
    }

    /// A gram's postings in item order (none if it occurs nowhere).
    pub fn postings(&self, key: &str) -> Vec<Posting> {
        let Ok(i) = self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key)) else {
            return Vec::new();
        };
        let body = &self.entries[i].1;
        let mut r = Reader {
            bytes: &self.bytes[..body.end],
            at: body.start,
        };
        // Checked in `parse`.
        r.postings().unwrap_or_default()
    }
}

/// Writes a shard: each gram's key, its count of postings and its postings as
/// [`encode_posting`] wrote them; ordered by key.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn write_shard(gram: Gram, mut entries: Vec<(&str, u32, &[u8])>) -> Vec<u8> {
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = gram.magic().to_vec();
    let mut count = Vec::new();
    for (key, n, postings) in entries {
        count.clear();
        put_varint(&mut count, n);
        put_varint(&mut out, key.len() as u32);
        out.extend_from_slice(key.as_bytes());
        put_varint(&mut out, (count.len() + postings.len()) as u32);
        out.extend_from_slice(&count);
        out.extend_from_slice(postings);
    }
    out
}

/// One posting, appended to a gram's body (`last`: the item of the posting before, if any).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn encode_posting(out: &mut Vec<u8>, last: Option<u32>, p: &Posting) {
    put_varint(out, last.map_or(p.item, |l| p.item - l));
    for positions in [&p.title, &p.text] {
        put_varint(out, positions.len() as u32);
        let mut before = None;
        for &at in positions.iter() {
            put_varint(out, before.map_or(at, |b| at - b));
            before = Some(at);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn body(postings: &[Posting]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut last = None;
        for p in postings {
            encode_posting(&mut out, last, p);
            last = Some(p.item);
        }
        out
    }

    #[test]
    fn postings_read_back_as_written() {
        let a = vec![
            Posting {
                item: 3,
                title: vec![0, 5],
                text: vec![],
            },
            Posting {
                item: 300_000,
                title: vec![],
                text: vec![1, 2, 70_000],
            },
        ];
        let b = vec![Posting {
            item: 0,
            title: vec![9],
            text: vec![9],
        }];
        let (ba, bb) = (body(&a), body(&b));
        let bytes = write_shard(Gram::Two, vec![("上海", 2, &ba), ("ab", 1, &bb)]);
        let shard = Shard::parse(Gram::Two, bytes.clone()).unwrap();
        assert_eq!(shard.postings("上海"), a);
        assert_eq!(shard.postings("ab"), b);
        assert!(shard.postings("香港").is_empty());
        assert!(Shard::parse(Gram::One, bytes.clone()).is_err());
        // Cut anywhere, the file is refused with the byte where it stops making sense.
        // (Cut between two entries, it is a shorter shard.)
        for cut in 5..bytes.len() {
            match Shard::parse(Gram::Two, bytes[..cut].to_vec()) {
                Ok(shard) => assert_eq!(shard.entries.len(), 1, "{cut}"),
                Err(e) => assert!(e.starts_with("byte "), "{cut}: {e}"),
            }
        }
    }

    #[test]
    fn a_key_always_lands_in_the_same_bucket() {
        assert_eq!(ShardId::of("上海", 64), ShardId::of("上海", 64));
        assert_eq!(ShardId::of("上", 64).gram, Gram::One);
        assert_eq!(ShardId::of("上海", 64).gram, Gram::Two);
        assert!(ShardId::of("上海", 64).bucket < 64);
        assert_eq!(ShardId::of("x", 1).bucket, 0);
    }
}
