//! Fonts as far as text extraction needs them: how the bytes of a string split into codes, how
//! far each code moves the pen, which text it stands for, and whether it looks bold.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object};

use super::cmap::{self, CMap};
use super::encoding::{self, BaseEncoding};
use super::{Budget, PdfError};

/// The most entries read from a `/W` or `/Widths` array: more than any font has glyphs.
const MAX_WIDTHS: usize = 65_536;
/// The largest CMap stream read (they are a few kilobytes in practice).
const MAX_CMAP_BYTES: usize = 4 * 1024 * 1024;

/// How a string's bytes split into codes.
#[derive(Debug)]
enum Codes {
    /// Simple fonts.
    One,
    /// Identity-H/V and the UCS-2 CMaps.
    Two,
    /// An embedded CMap, or a predefined one of mixed one- and two-byte codes.
    CMap(CMap),
}

#[derive(Debug)]
enum Widths {
    /// `/FirstChar` and `/Widths` of a simple font; `standard` names the standard font whose
    /// approximate metrics stand in when the font gives no widths.
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
        standard: Option<String>,
    },
    /// `/W` and `/DW` of a CIDFont, by CID.
    Composite {
        single: HashMap<u32, f32>,
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
        /// The vertical advance (`/DW2`'s second number), for vertical writing.
        vertical: f32,
    },
}

/// A font of the document, read once and shared by every `Tf` that selects it.
#[derive(Debug)]
pub(crate) struct Font {
    codes: Codes,
    widths: Widths,
    /// Vertical writing (Identity-V and other `-V` CMaps): the pen moves down.
    pub(crate) vertical: bool,
    /// Glyph space to text space: 0.001 except for Type 3 fonts, whose `/FontMatrix` says.
    pub(crate) scale: f32,
    to_unicode: Option<CMap>,
    /// Simple fonts: the text of each code by `/Encoding` (base encoding and `/Differences`).
    simple: Vec<Option<String>>,
    /// A composite font whose predefined CMap is UCS-2/UTF-16: the code is the character.
    ucs2: bool,
    pub(crate) bold: bool,
    /// The ascent, in em, for the top of a line.
    pub(crate) ascent: f32,
}

/// What one code of a string is.
pub(crate) struct Code {
    pub(crate) code: u32,
    pub(crate) len: usize,
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

pub(crate) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| deref(doc, o))
}

pub(crate) fn get_dict<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(crate) fn get_array<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [Object]> {
    get(doc, dict, key)?.as_array().ok().map(Vec::as_slice)
}

/// A finite number (integer or real), following a reference.
pub(crate) fn number(doc: &Document, object: &Object) -> Option<f32> {
    deref(doc, object)?
        .as_float()
        .ok()
        .filter(|v| v.is_finite())
}

fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(doc, dict.get(key).ok()?)
}

fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    get(doc, dict, key)?.as_name().ok()
}

/// A font or family name without its subset tag (`ABCDEF+`), lower case, letters and digits
/// only, so that "WenQuanYi Micro Hei" and "CAAAAA+WenQuanYiMicroHei" compare equal.
fn family_key(name: &[u8]) -> String {
    let name = match name.iter().position(|b| *b == b'+') {
        Some(6) => name.get(7..).unwrap_or_default(),
        _ => name,
    };
    name.iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// The family names of a font descriptor: `/FontFamily`, `/FontName`, and `/FontName` up to
/// its style suffix (`-Bold`, `,Bold`).
fn descriptor_families(doc: &Document, descriptor: &Dictionary) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(Object::String(family, _)) = get(doc, descriptor, b"FontFamily") {
        names.push(family_key(family));
    }
    if let Some(name) = get_name(doc, descriptor, b"FontName") {
        names.push(family_key(name));
        if let Some(cut) = name.iter().position(|b| *b == b'-' || *b == b',') {
            names.push(family_key(name.get(..cut).unwrap_or_default()));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The families of the fonts embedded as real font programs (not Type 3), so that a Type 3
/// font of the same family can be recognised as Chromium's synthetic bold: Skia draws a bold
/// style the font does not have (CJK fonts mostly) as emboldened outlines in a Type 3 font.
pub(crate) fn embedded_families(doc: &Document) -> HashSet<String> {
    let mut families = HashSet::new();
    for object in doc.objects.values() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        let is_descriptor =
            matches!(dict.get(b"Type"), Ok(Object::Name(n)) if n == b"FontDescriptor");
        let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| dict.has(key));
        if is_descriptor && embedded {
            families.extend(descriptor_families(doc, dict));
        }
    }
    families
}

/// Whether a font name says bold: Bold, Heavy, Black, or a Japanese-style weight W6..W9.
fn bold_name(name: &[u8]) -> bool {
    let lower: String = String::from_utf8_lossy(name).to_ascii_lowercase();
    if ["bold", "heavy", "black"].iter().any(|w| lower.contains(w)) {
        return true;
    }
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| matches!(token, "w6" | "w7" | "w8" | "w9" | "w10"))
}

/// A stream's decoded bytes, charged to the budget.
pub(crate) fn stream_bytes(
    object: &Object,
    limit: usize,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, PdfError> {
    let Ok(stream) = object.as_stream() else {
        return Ok(None);
    };
    match stream.get_plain_content_with_limit(limit.min(budget.bytes_left())) {
        Ok(bytes) => {
            budget.bytes(bytes.len())?;
            Ok(Some(bytes))
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(PdfError::too_complex())
        }
        // A stream that does not decode is left out, as readers do.
        Err(_) => Ok(None),
    }
}

impl Font {
    /// The font of last resort, for `Tf` naming a font that is not there: one-byte codes,
    /// approximate Helvetica widths, WinAnsi text.
    pub(crate) fn fallback() -> Font {
        Font {
            codes: Codes::One,
            widths: Widths::Simple {
                first: 0,
                widths: Vec::new(),
                missing: 0.0,
                standard: Some(String::from("Helvetica")),
            },
            vertical: false,
            scale: 0.001,
            to_unicode: None,
            simple: (0..=255u8)
                .map(|c| encoding::win_ansi(c).map(String::from))
                .collect(),
            ucs2: false,
            bold: false,
            ascent: 0.85,
        }
    }

    /// Reads a font dictionary. Never fails on a malformed font (what is missing is guessed);
    /// fails only when the budget runs out.
    pub(crate) fn load(
        doc: &Document,
        dict: &Dictionary,
        families: &HashSet<String>,
        budget: &mut Budget,
    ) -> Result<Font, PdfError> {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or_default();
        let base_font = get_name(doc, dict, b"BaseFont").unwrap_or_default();
        let to_unicode = match get(doc, dict, b"ToUnicode") {
            Some(object) => stream_bytes(object, MAX_CMAP_BYTES, budget)?.map(|b| cmap::parse(&b)),
            None => None,
        };
        let mut font = if subtype == b"Type0" {
            Self::composite(doc, dict, budget)?
        } else {
            Self::simple(doc, dict, subtype == b"Type3")
        };
        font.to_unicode = to_unicode;

        let descendant = get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let descriptor = descendant
            .and_then(|d| get_dict(doc, d, b"FontDescriptor"))
            .or_else(|| get_dict(doc, dict, b"FontDescriptor"));
        let mut bold = bold_name(base_font)
            || descendant
                .and_then(|d| get_name(doc, d, b"BaseFont"))
                .is_some_and(bold_name);
        if let Some(descriptor) = descriptor {
            let weight = get_number(doc, descriptor, b"FontWeight").unwrap_or(0.0);
            let flags = get_number(doc, descriptor, b"Flags").unwrap_or(0.0) as u32;
            const FORCE_BOLD: u32 = 1 << 18;
            bold |= weight >= 600.0 || flags & FORCE_BOLD != 0;
            if subtype == b"Type3" {
                bold |= descriptor_families(doc, descriptor)
                    .iter()
                    .any(|f| families.contains(f));
            }
            if subtype != b"Type3" {
                if let Some(ascent) = get_number(doc, descriptor, b"Ascent") {
                    if (500.0..=1200.0).contains(&ascent) {
                        font.ascent = ascent / 1000.0;
                    }
                }
            }
        }
        font.bold = bold;
        Ok(font)
    }

    fn simple(doc: &Document, dict: &Dictionary, type3: bool) -> Font {
        let scale = if type3 {
            get_array(doc, dict, b"FontMatrix")
                .and_then(|m| m.first())
                .and_then(|a| number(doc, a))
                .map(f32::abs)
                .filter(|a| *a > 0.0 && *a < 1.0e3)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let first = get_number(doc, dict, b"FirstChar")
            .filter(|f| (0.0..=255.0).contains(f))
            .unwrap_or(0.0) as u32;
        let widths: Vec<f32> = get_array(doc, dict, b"Widths")
            .unwrap_or_default()
            .iter()
            .take(256)
            .map(|w| number(doc, w).unwrap_or(0.0))
            .collect();
        let missing = get_dict(doc, dict, b"FontDescriptor")
            .and_then(|d| get_number(doc, d, b"MissingWidth"))
            .unwrap_or(0.0);
        let standard = if widths.is_empty() && !type3 {
            Some(
                String::from_utf8_lossy(get_name(doc, dict, b"BaseFont").unwrap_or_default())
                    .into_owned(),
            )
        } else {
            None
        };

        let mut base = if type3 {
            BaseEncoding::None
        } else {
            BaseEncoding::WinAnsi
        };
        let mut differences: Vec<Option<String>> = vec![None; 256];
        match get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => {
                base = BaseEncoding::from_name(name).unwrap_or(base);
            }
            Some(Object::Dictionary(enc)) => {
                if let Some(name) = get_name(doc, enc, b"BaseEncoding") {
                    base = BaseEncoding::from_name(name).unwrap_or(base);
                }
                let mut code = 0usize;
                for item in get_array(doc, enc, b"Differences")
                    .unwrap_or_default()
                    .iter()
                    .take(4096)
                {
                    match deref(doc, item) {
                        Some(Object::Integer(n)) => {
                            code = usize::try_from(*n).unwrap_or(usize::MAX)
                        }
                        Some(Object::Name(name)) => {
                            if let Some(slot) = differences.get_mut(code) {
                                *slot = encoding::glyph_name(name);
                            }
                            code = code.saturating_add(1);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        let simple = differences
            .into_iter()
            .zip(0..=255u8)
            .map(|(diff, code)| diff.or_else(|| base.char(code).map(String::from)))
            .collect();
        Font {
            codes: Codes::One,
            widths: Widths::Simple {
                first,
                widths,
                missing,
                standard,
            },
            vertical: false,
            scale,
            to_unicode: None,
            simple,
            ucs2: false,
            bold: false,
            ascent: 0.85,
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, budget: &mut Budget) -> Result<Font, PdfError> {
        let mut vertical = false;
        let mut ucs2 = false;
        let codes = match get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => {
                vertical = name.ends_with(b"-V");
                let has = |part: &[u8]| name.windows(part.len()).any(|w| w == part);
                if name.starts_with(b"Identity") {
                    Codes::Two
                } else if has(b"UCS2") || has(b"UTF16") {
                    ucs2 = true;
                    Codes::Two
                } else {
                    // Big5, GBK, EUC, Shift-JIS…: one byte below 0x81, two from there.
                    Codes::CMap(cmap::parse(
                        b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange",
                    ))
                }
            }
            Some(object @ Object::Stream(stream)) => {
                vertical = matches!(get_number(doc, &stream.dict, b"WMode"), Some(w) if w == 1.0);
                match stream_bytes(object, MAX_CMAP_BYTES, budget)? {
                    Some(bytes) => {
                        let cmap = cmap::parse(&bytes);
                        if cmap.code_spaces.is_empty() {
                            Codes::Two
                        } else {
                            Codes::CMap(cmap)
                        }
                    }
                    None => Codes::Two,
                }
            }
            _ => Codes::Two,
        };

        let descendant = get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let mut single = HashMap::new();
        let mut ranges = Vec::new();
        let mut default = 1000.0;
        let mut vertical_advance = -1000.0;
        if let Some(cid_font) = descendant {
            default = get_number(doc, cid_font, b"DW").unwrap_or(1000.0);
            if let Some(dw2) = get_array(doc, cid_font, b"DW2") {
                if let Some(w1) = dw2.get(1).and_then(|o| number(doc, o)) {
                    vertical_advance = w1;
                }
            }
            read_w(
                doc,
                get_array(doc, cid_font, b"W").unwrap_or_default(),
                &mut single,
                &mut ranges,
            );
        }
        Ok(Font {
            codes,
            widths: Widths::Composite {
                single,
                ranges,
                default,
                vertical: vertical_advance,
            },
            vertical,
            scale: 0.001,
            to_unicode: None,
            simple: Vec::new(),
            ucs2,
            bold: false,
            ascent: 0.85,
        })
    }

    /// The next code in a string and its length in bytes (at least 1 for a non-empty string).
    pub(crate) fn next_code(&self, bytes: &[u8]) -> Code {
        match &self.codes {
            Codes::One => Code {
                code: bytes.first().map_or(0, |b| u32::from(*b)),
                len: 1,
            },
            Codes::Two => {
                let len = bytes.len().clamp(1, 2);
                Code {
                    code: cmap::code_value(bytes.get(..len).unwrap_or(bytes)),
                    len,
                }
            }
            Codes::CMap(cmap) => match cmap.next_code(bytes) {
                Some((code, len)) => Code { code, len },
                None => Code {
                    code: bytes.first().map_or(0, |b| u32::from(*b)),
                    len: 1,
                },
            },
        }
    }

    /// The advance of a code, in glyph space (thousandths of an em for all but Type 3 fonts).
    pub(crate) fn width(&self, code: u32) -> f32 {
        match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
                standard,
            } => {
                if let Some(name) = standard {
                    let c = self.text(code).and_then(|t| t.chars().next());
                    return encoding::standard_width(name, c);
                }
                code.checked_sub(*first)
                    .and_then(|i| usize::try_from(i).ok())
                    .and_then(|i| widths.get(i))
                    .copied()
                    .unwrap_or(*missing)
            }
            Widths::Composite {
                single,
                ranges,
                default,
                ..
            } => {
                let cid = match &self.codes {
                    Codes::CMap(cmap) if cmap.has_cids() => cmap.cid(code).unwrap_or(0),
                    _ => code,
                };
                if let Some(w) = single.get(&cid) {
                    return *w;
                }
                ranges
                    .iter()
                    .find(|(lo, hi, _)| *lo <= cid && cid <= *hi)
                    .map_or(*default, |(_, _, w)| *w)
            }
        }
    }

    /// The vertical advance of a code in vertical writing, in glyph space (negative: down).
    pub(crate) fn vertical_advance(&self) -> f32 {
        match &self.widths {
            Widths::Composite { vertical, .. } => *vertical,
            Widths::Simple { .. } => -1000.0,
        }
    }

    /// The text a code stands for, or `None` when the font does not say.
    pub(crate) fn text(&self, code: u32) -> Option<String> {
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.unicode.get(&code)) {
            return Some(text.clone());
        }
        if self.ucs2 {
            return char::from_u32(code).map(String::from);
        }
        usize::try_from(code)
            .ok()
            .and_then(|i| self.simple.get(i))
            .and_then(Clone::clone)
    }

    /// Whether a code is the single-byte code 32, the only one word spacing (`Tw`) applies to.
    pub(crate) fn is_word_space(&self, code: &Code) -> bool {
        code.code == 32 && code.len == 1
    }
}

/// Reads a CIDFont's `/W` array: `c [w1 w2 …]` gives widths from CID c on, `c_first c_last w`
/// one width for a range.
fn read_w(
    doc: &Document,
    w: &[Object],
    single: &mut HashMap<u32, f32>,
    ranges: &mut Vec<(u32, u32, f32)>,
) {
    let mut i = 0usize;
    let mut count = 0usize;
    let cid = |o: Option<&Object>| {
        o.and_then(|o| number(doc, o))
            .filter(|v| *v >= 0.0 && *v <= u32::MAX as f32)
            .map(|v| v as u32)
    };
    while i < w.len() && count < MAX_WIDTHS {
        let Some(first) = cid(w.get(i)) else { break };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate().take(MAX_WIDTHS) {
                    let Some(width) = number(doc, width) else {
                        continue;
                    };
                    let key = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                    single.insert(key, width);
                    count += 1;
                }
                i += 2;
            }
            Some(_) => {
                let (Some(last), Some(width)) =
                    (cid(w.get(i + 1)), w.get(i + 2).and_then(|o| number(doc, o)))
                else {
                    break;
                };
                if first <= last {
                    ranges.push((first, last, width));
                }
                count += 1;
                i += 3;
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_names() {
        assert!(bold_name(b"DAAAAA+LiberationSerif-Bold"));
        assert!(bold_name(b"HiraKakuPro-W6"));
        assert!(bold_name(b"MSGothic,Bold"));
        assert!(bold_name(b"NotoSansCJKtc-Black"));
        assert!(!bold_name(b"CAAAAA+LiberationSerif"));
        assert!(!bold_name(b"WenQuanYiMicroHei"));
    }

    #[test]
    fn family_keys() {
        assert_eq!(family_key(b"CAAAAA+WenQuanYiMicroHei"), "wenquanyimicrohei");
        assert_eq!(family_key(b"WenQuanYi Micro Hei"), "wenquanyimicrohei");
        assert_eq!(family_key(b"Arial+X"), "arialx");
    }

    #[test]
    fn w_array() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(500), Object::Real(250.0)]),
            Object::Integer(10),
            Object::Integer(20),
            Object::Integer(1000),
            Object::Integer(-5),
        ];
        let mut single = HashMap::new();
        let mut ranges = Vec::new();
        read_w(&doc, &w, &mut single, &mut ranges);
        assert_eq!(single.get(&1), Some(&500.0));
        assert_eq!(single.get(&2), Some(&250.0));
        assert_eq!(ranges, vec![(10, 20, 1000.0)]);
    }
}
