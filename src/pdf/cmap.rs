//! A reader for CMap streams: a font's `/ToUnicode` map (code → text) and an embedded `/Encoding`
//! CMap of a composite font (code lengths and code → CID). Written here rather than taken from
//! lopdf so that every size is bounded and nothing in a hostile stream can panic.

use std::collections::HashMap;

/// The most codes one CMap may map: two full two-byte planes. A CMap asking for more is cut
/// there, so a small stream cannot make us allocate without end.
const MAX_ENTRIES: usize = 2 * 65_536;
/// The most tokens read from one CMap.
const MAX_TOKENS: usize = 1_000_000;

/// One `begincodespacerange` entry: codes of `len` bytes whose every byte lies between the
/// matching bytes of `low` and `high`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CodeSpace {
    pub(crate) len: usize,
    low: [u8; 4],
    high: [u8; 4],
}

impl CodeSpace {
    fn contains(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len
            && bytes
                .iter()
                .zip(self.low.iter().zip(self.high.iter()))
                .all(|(b, (lo, hi))| lo <= b && b <= hi)
    }
}

/// What a CMap stream says.
#[derive(Clone, Debug, Default)]
pub(crate) struct CMap {
    pub(crate) code_spaces: Vec<CodeSpace>,
    /// code → text (`bfchar`, `bfrange`).
    pub(crate) unicode: HashMap<u32, String>,
    /// code → CID (`cidchar`, `cidrange`).
    pub(crate) cids: HashMap<u32, u32>,
    /// `cidrange`s too large to expand: (first code, last code, first CID).
    pub(crate) cid_ranges: Vec<(u32, u32, u32)>,
}

impl CMap {
    /// The next code in `bytes` by the code space ranges, and how many bytes it takes (at least
    /// one, when `bytes` is not empty). `None` without code space ranges.
    pub(crate) fn next_code(&self, bytes: &[u8]) -> Option<(u32, usize)> {
        if self.code_spaces.is_empty() {
            return None;
        }
        for len in 1..=4 {
            let Some(head) = bytes.get(..len) else { break };
            if self.code_spaces.iter().any(|cs| cs.contains(head)) {
                return Some((code_value(head), len));
            }
        }
        // No range matches: take as many bytes as the shortest range, as PDF readers do.
        let shortest = self.code_spaces.iter().map(|cs| cs.len).min().unwrap_or(1);
        let len = shortest.min(bytes.len()).max(1);
        let head = bytes.get(..len).unwrap_or(bytes);
        Some((code_value(head), len))
    }

    /// The CID a code selects, when this CMap maps codes to CIDs.
    pub(crate) fn cid(&self, code: u32) -> Option<u32> {
        if let Some(cid) = self.cids.get(&code) {
            return Some(*cid);
        }
        self.cid_ranges
            .iter()
            .find(|(lo, hi, _)| *lo <= code && code <= *hi)
            .map(|(lo, _, start)| start.saturating_add(code - lo))
    }

    /// Whether this CMap maps codes to CIDs at all.
    pub(crate) fn has_cids(&self) -> bool {
        !self.cids.is_empty() || !self.cid_ranges.is_empty()
    }
}

/// The big-endian value of up to four code bytes.
pub(crate) fn code_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

#[derive(Clone, Debug, PartialEq)]
enum Token<'a> {
    Bytes(Vec<u8>),
    Name(&'a [u8]),
    Number(i64),
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
}

/// A tokenizer for the PostScript subset that CMaps use.
struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0C' | b'\0')
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The bytes from `pos` up to the next space or delimiter.
    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if is_space(b) || is_delimiter(b) {
                break;
            }
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            let digit = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push((h << 4) | digit),
                None => high = Some(digit),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut value = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        self.pos += 1;
                                        value = value * 8 + u32::from(d - b'0');
                                    }
                                    _ => break,
                                }
                            }
                            out.push((value & 0xFF) as u8);
                        }
                        b'\r' | b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
        out
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let b = self.peek()?;
            if is_space(b) {
                self.pos += 1;
                continue;
            }
            match b {
                b'%' => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                b'<' => {
                    self.pos += 1;
                    if self.peek() == Some(b'<') {
                        // A dictionary: its contents come as ordinary tokens and are ignored.
                        self.pos += 1;
                        continue;
                    }
                    return Some(Token::Bytes(self.hex_string()));
                }
                b'>' | b'{' | b'}' | b')' => {
                    self.pos += 1;
                }
                b'(' => {
                    self.pos += 1;
                    return Some(Token::Bytes(self.literal_string()));
                }
                b'[' => {
                    self.pos += 1;
                    return Some(Token::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::ArrayEnd);
                }
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Name(self.word()));
                }
                _ => {
                    let word = self.word();
                    if word.is_empty() {
                        // A byte that is neither space, delimiter nor word: skip it.
                        self.pos += 1;
                        continue;
                    }
                    let number = std::str::from_utf8(word)
                        .ok()
                        .and_then(|s| s.parse::<i64>().ok());
                    return Some(match number {
                        Some(n) => Token::Number(n),
                        None => Token::Keyword(word),
                    });
                }
            }
        }
    }
}

/// UTF-16BE text, as `/ToUnicode` destinations are written; a single byte is taken as Latin-1,
/// which some producers write.
pub(crate) fn utf16be(bytes: &[u8]) -> String {
    if bytes.len() == 1 {
        return bytes.iter().map(|b| char::from(*b)).collect();
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| pair.iter().fold(0u16, |acc, b| (acc << 8) | u16::from(*b)));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

/// `dst` with `offset` added to its last UTF-16 unit: what a `bfrange` maps its later codes to.
fn increment(dst: &[u8], offset: u32) -> String {
    if dst.len() < 2 {
        let value = dst
            .first()
            .map_or(0, |b| u32::from(*b))
            .saturating_add(offset);
        return char::from_u32(value).map_or_else(|| "\u{FFFD}".into(), String::from);
    }
    let mut units: Vec<u16> = dst
        .chunks_exact(2)
        .map(|pair| pair.iter().fold(0u16, |acc, b| (acc << 8) | u16::from(*b)))
        .collect();
    if let Some(last) = units.last_mut() {
        // Offsets stay below 65 536; wrapping keeps a malformed range from panicking.
        *last = last.wrapping_add((offset & 0xFFFF) as u16);
    }
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    CodeSpace,
    BfChar,
    BfRange,
    CidChar,
    CidRange,
}

/// Reads a CMap stream. Never fails: what cannot be read is left out.
pub(crate) fn parse(data: &[u8]) -> CMap {
    let mut cmap = CMap::default();
    let mut section = Section::None;
    let mut args: Vec<Token> = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut entries = 0usize;
    let lexer = Lexer { data, pos: 0 };
    for token in lexer.take(MAX_TOKENS) {
        // Inside `[ … ]` (a bfrange's list of destinations), collect the strings.
        if let Some(items) = array.as_mut() {
            match token {
                Token::ArrayEnd => {
                    let items = array.take().unwrap_or_default();
                    handle_range_array(&mut cmap, &mut args, items, &mut entries);
                }
                Token::Bytes(b) => items.push(b),
                Token::Name(n) => items.push(n.to_vec()),
                _ => {}
            }
            continue;
        }
        match token {
            Token::Keyword(k) => {
                section = match k {
                    b"begincodespacerange" => Section::CodeSpace,
                    b"beginbfchar" => Section::BfChar,
                    b"beginbfrange" => Section::BfRange,
                    b"begincidchar" => Section::CidChar,
                    b"begincidrange" => Section::CidRange,
                    _ if k.starts_with(b"end") => Section::None,
                    _ => section,
                };
                args.clear();
            }
            Token::ArrayStart if section == Section::BfRange => array = Some(Vec::new()),
            Token::ArrayStart | Token::ArrayEnd => args.clear(),
            _ if section == Section::None => {}
            token => {
                args.push(token);
                take_entry(&mut cmap, section, &mut args, &mut entries);
            }
        }
    }
    cmap
}

/// Consumes one complete entry of the current section from `args`, once enough tokens arrived.
fn take_entry(cmap: &mut CMap, section: Section, args: &mut Vec<Token>, entries: &mut usize) {
    let needed = match section {
        Section::CodeSpace | Section::BfChar | Section::CidChar => 2,
        Section::BfRange | Section::CidRange => 3,
        Section::None => return,
    };
    if args.len() < needed {
        return;
    }
    let taken: Vec<Token> = std::mem::take(args);
    let full = *entries >= MAX_ENTRIES;
    match (section, taken.as_slice()) {
        (Section::CodeSpace, [Token::Bytes(lo), Token::Bytes(hi)])
            if (1..=4).contains(&lo.len())
                && lo.len() == hi.len()
                && cmap.code_spaces.len() < 256 =>
        {
            let mut low = [0u8; 4];
            let mut high = [0u8; 4];
            for (slot, b) in low.iter_mut().zip(lo.iter()) {
                *slot = *b;
            }
            for (slot, b) in high.iter_mut().zip(hi.iter()) {
                *slot = *b;
            }
            cmap.code_spaces.push(CodeSpace {
                len: lo.len(),
                low,
                high,
            });
        }
        (Section::BfChar, [Token::Bytes(src), dst]) if !full && src.len() <= 4 => {
            let text = match dst {
                Token::Bytes(b) => Some(utf16be(b)),
                Token::Name(n) => super::encoding::glyph_name(n),
                _ => None,
            };
            if let Some(text) = text {
                cmap.unicode.insert(code_value(src), text);
                *entries += 1;
            }
        }
        (Section::BfRange, [Token::Bytes(lo), Token::Bytes(hi), Token::Bytes(dst)]) => {
            let (lo, hi) = (code_value(lo), code_value(hi));
            if lo <= hi && hi - lo <= 0xFFFF {
                for code in lo..=hi {
                    if *entries >= MAX_ENTRIES {
                        break;
                    }
                    cmap.unicode.insert(code, increment(dst, code - lo));
                    *entries += 1;
                }
            }
        }
        (Section::CidChar, [Token::Bytes(src), Token::Number(cid)]) if !full => {
            if let Ok(cid) = u32::try_from(*cid) {
                cmap.cids.insert(code_value(src), cid);
                *entries += 1;
            }
        }
        (Section::CidRange, [Token::Bytes(lo), Token::Bytes(hi), Token::Number(cid)])
            if cmap.cid_ranges.len() < MAX_ENTRIES =>
        {
            let (lo, hi) = (code_value(lo), code_value(hi));
            if let Ok(cid) = u32::try_from(*cid) {
                if lo <= hi {
                    cmap.cid_ranges.push((lo, hi, cid));
                }
            }
        }
        // An entry of the wrong shape: drop it and go on with the next tokens.
        _ => {}
    }
}

/// A `bfrange` whose destination is a list: code `lo + i` maps to the list's `i`-th string.
fn handle_range_array(
    cmap: &mut CMap,
    args: &mut Vec<Token>,
    items: Vec<Vec<u8>>,
    entries: &mut usize,
) {
    let taken: Vec<Token> = std::mem::take(args);
    if let [Token::Bytes(lo), Token::Bytes(hi), ..] = taken.as_slice() {
        let (lo, hi) = (code_value(lo), code_value(hi));
        if lo <= hi {
            for (code, item) in (lo..=hi).zip(items.iter()) {
                if *entries >= MAX_ENTRIES {
                    break;
                }
                cmap.unicode.insert(code, utf16be(item));
                *entries += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_forms() {
        let data = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            3 beginbfchar <0001> <4E2D> <0002> <D840DC00> <0003> <00660069> endbfchar
            2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<6E2F> <0066006C>] endbfrange
            1 beginbfchar <0004> /uni9999 endbfchar
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let cmap = parse(data);
        assert_eq!(cmap.unicode.get(&1).map(String::as_str), Some("中"));
        assert_eq!(cmap.unicode.get(&2).map(String::as_str), Some("\u{20000}"));
        assert_eq!(cmap.unicode.get(&3).map(String::as_str), Some("fi"));
        assert_eq!(cmap.unicode.get(&0x11).map(String::as_str), Some("B"));
        assert_eq!(cmap.unicode.get(&0x12).map(String::as_str), Some("C"));
        assert_eq!(cmap.unicode.get(&0x20).map(String::as_str), Some("港"));
        assert_eq!(cmap.unicode.get(&0x21).map(String::as_str), Some("fl"));
        assert_eq!(cmap.unicode.get(&4).map(String::as_str), Some("香"));
        assert_eq!(cmap.next_code(&[0, 1, 0, 2]), Some((1, 2)));
    }

    #[test]
    fn mixed_code_lengths() {
        let data = b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
            1 begincidrange <8140> <8142> 100 endcidrange 1 begincidchar <41> 34 endcidchar";
        let cmap = parse(data);
        assert_eq!(cmap.next_code(b"A"), Some((0x41, 1)));
        assert_eq!(cmap.next_code(&[0x81, 0x41]), Some((0x8141, 2)));
        assert_eq!(cmap.cid(0x8141), Some(101));
        assert_eq!(cmap.cid(0x41), Some(34));
        // A lone lead byte at the end still moves on.
        assert_eq!(cmap.next_code(&[0x81]), Some((0x81, 1)));
    }

    #[test]
    fn garbage_does_not_panic() {
        for data in [
            &b"beginbfrange <00> <FFFFFFFF> <0000> endbfrange"[..],
            b"beginbfrange <FF> <00> <00>",
            b"beginbfchar <> <> <",
            b"begincodespacerange <0000000000> <00> ] [ ( \\",
            b"beginbfrange <00> <02> [ <41> ",
            b"(((((",
        ] {
            let _ = parse(data);
        }
    }
}
