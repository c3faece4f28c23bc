//! Character tables for simple (one-byte) fonts that have no `/ToUnicode` map: the WinAnsi
//! encoding and the common glyph names, which is what such fonts use to say which character a
//! code draws. Kept small on purpose: CJK text always comes with a `/ToUnicode` map in the PDFs
//! we read, so only Latin text can fall back to these tables.

/// The names of ASCII 32..=126 in the Adobe glyph list, in code order.
const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

/// The names of Latin-1 U+00A0..=U+00FF, in code order (WinAnsi draws the same characters at
/// the same codes).
const LATIN1_NAMES: [&str; 96] = [
    "nbspace",
    "exclamdown",
    "cent",
    "sterling",
    "currency",
    "yen",
    "brokenbar",
    "section",
    "dieresis",
    "copyright",
    "ordfeminine",
    "guillemotleft",
    "logicalnot",
    "sfthyphen",
    "registered",
    "macron",
    "degree",
    "plusminus",
    "twosuperior",
    "threesuperior",
    "acute",
    "mu",
    "paragraph",
    "periodcentered",
    "cedilla",
    "onesuperior",
    "ordmasculine",
    "guillemotright",
    "onequarter",
    "onehalf",
    "threequarters",
    "questiondown",
    "Agrave",
    "Aacute",
    "Acircumflex",
    "Atilde",
    "Adieresis",
    "Aring",
    "AE",
    "Ccedilla",
    "Egrave",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Igrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Eth",
    "Ntilde",
    "Ograve",
    "Oacute",
    "Ocircumflex",
    "Otilde",
    "Odieresis",
    "multiply",
    "Oslash",
    "Ugrave",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Yacute",
    "Thorn",
    "germandbls",
    "agrave",
    "aacute",
    "acircumflex",
    "atilde",
    "adieresis",
    "aring",
    "ae",
    "ccedilla",
    "egrave",
    "eacute",
    "ecircumflex",
    "edieresis",
    "igrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "eth",
    "ntilde",
    "ograve",
    "oacute",
    "ocircumflex",
    "otilde",
    "odieresis",
    "divide",
    "oslash",
    "ugrave",
    "uacute",
    "ucircumflex",
    "udieresis",
    "yacute",
    "thorn",
    "ydieresis",
];

/// WinAnsi 0x80..=0x9F (where it differs from Latin-1), with the glyph names; `None` where
/// WinAnsi leaves the code unused.
const WIN_ANSI_HIGH: [Option<(char, &str)>; 32] = [
    Some(('\u{20AC}', "Euro")),
    None,
    Some(('\u{201A}', "quotesinglbase")),
    Some(('\u{0192}', "florin")),
    Some(('\u{201E}', "quotedblbase")),
    Some(('\u{2026}', "ellipsis")),
    Some(('\u{2020}', "dagger")),
    Some(('\u{2021}', "daggerdbl")),
    Some(('\u{02C6}', "circumflex")),
    Some(('\u{2030}', "perthousand")),
    Some(('\u{0160}', "Scaron")),
    Some(('\u{2039}', "guilsinglleft")),
    Some(('\u{0152}', "OE")),
    None,
    Some(('\u{017D}', "Zcaron")),
    None,
    None,
    Some(('\u{2018}', "quoteleft")),
    Some(('\u{2019}', "quoteright")),
    Some(('\u{201C}', "quotedblleft")),
    Some(('\u{201D}', "quotedblright")),
    Some(('\u{2022}', "bullet")),
    Some(('\u{2013}', "endash")),
    Some(('\u{2014}', "emdash")),
    Some(('\u{02DC}', "tilde")),
    Some(('\u{2122}', "trademark")),
    Some(('\u{0161}', "scaron")),
    Some(('\u{203A}', "guilsinglright")),
    Some(('\u{0153}', "oe")),
    None,
    Some(('\u{017E}', "zcaron")),
    Some(('\u{0178}', "Ydieresis")),
];

/// Names that are in none of the tables above but common in Latin text.
const OTHER_NAMES: [(&str, &str); 12] = [
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("minus", "\u{2212}"),
    ("nonbreakingspace", "\u{A0}"),
    ("softhyphen", "\u{AD}"),
    ("middot", "\u{B7}"),
    ("dotlessi", "\u{131}"),
    ("fraction", "\u{2044}"),
    ("Delta", "\u{394}"),
];

/// The base encodings a simple font can name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BaseEncoding {
    WinAnsi,
    /// Adobe's StandardEncoding (the default of Type 1 fonts): only its ASCII part is kept,
    /// where it differs from WinAnsi at two codes (quotes).
    Standard,
    /// MacRomanEncoding: only its ASCII part is kept (it equals ASCII there).
    MacRoman,
    /// No base (symbolic fonts, Type 3 fonts): only `/Differences` say anything.
    None,
}

impl BaseEncoding {
    pub(crate) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            _ => None,
        }
    }

    /// The character a code draws in this encoding, if known.
    pub(crate) fn char(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::None => None,
            BaseEncoding::Standard => match code {
                0x27 => Some('\u{2019}'),
                0x60 => Some('\u{2018}'),
                32..=126 => Some(char::from(code)),
                _ => None,
            },
            BaseEncoding::MacRoman => match code {
                32..=126 => Some(char::from(code)),
                _ => None,
            },
            BaseEncoding::WinAnsi => win_ansi(code),
        }
    }
}

/// The character WinAnsi draws at `code`.
pub(crate) fn win_ansi(code: u8) -> Option<char> {
    match code {
        32..=126 | 0xA0..=0xFF => Some(char::from(code)),
        0x80..=0x9F => WIN_ANSI_HIGH
            .get(usize::from(code - 0x80))
            .copied()
            .flatten()
            .map(|(c, _)| c),
        _ => None,
    }
}

/// The text a glyph name stands for: `uniXXXX` (one or more UTF-16 units), `uXXXX`..`uXXXXXX`,
/// and the common Latin names. `None` for names that say nothing (`g123`, `cid42`, `glyph7`).
pub(crate) fn glyph_name(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    // "a.sc", "one.oldstyle": the part before the dot names the character.
    let name = name.split('.').next().unwrap_or(name);
    if let Some(hex) = name.strip_prefix("uni") {
        if !hex.is_empty() && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| std::str::from_utf8(c).ok())
                .filter_map(|c| u16::from_str_radix(c, 16).ok())
                .collect();
            let text: String = char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect();
            return Some(text);
        }
    }
    if let Some(hex) = name.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    if let Some(i) = ASCII_NAMES.iter().position(|n| *n == name) {
        return u8::try_from(i + 32).ok().map(|b| char::from(b).to_string());
    }
    if let Some(i) = LATIN1_NAMES.iter().position(|n| *n == name) {
        return u8::try_from(i + 0xA0)
            .ok()
            .map(|b| char::from(b).to_string());
    }
    if let Some((c, _)) = WIN_ANSI_HIGH.iter().flatten().find(|(_, n)| *n == name) {
        return Some(c.to_string());
    }
    OTHER_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| (*text).to_string())
}

/// Advance widths (per 1000 em) of ASCII 32..=126 in Helvetica, for the standard fonts that a
/// PDF may use without giving `/Widths`.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The same for Times-Roman.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/// An approximate advance width (per 1000 em) for a character of a standard font that came
/// without `/Widths`: exact for ASCII in Helvetica, Times and Courier, a guess elsewhere. Only
/// gaps between words depend on it, so being close is enough.
pub(crate) fn standard_width(base_font: &str, c: Option<char>) -> f32 {
    let lower = base_font.to_ascii_lowercase();
    if lower.contains("courier") || lower.contains("mono") {
        return 600.0;
    }
    let table = if lower.contains("times") || (lower.contains("serif") && !lower.contains("sans")) {
        &TIMES
    } else {
        &HELVETICA
    };
    let index = c
        .and_then(|c| u32::from(c).checked_sub(32))
        .and_then(|i| usize::try_from(i).ok());
    match index.and_then(|i| table.get(i)) {
        Some(w) => f32::from(*w),
        None => 500.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name(b"A").as_deref(), Some("A"));
        assert_eq!(glyph_name(b"space").as_deref(), Some(" "));
        assert_eq!(glyph_name(b"uni4E2D").as_deref(), Some("中"));
        assert_eq!(glyph_name(b"uniD840DC00").as_deref(), Some("\u{20000}"));
        assert_eq!(glyph_name(b"u20000").as_deref(), Some("\u{20000}"));
        assert_eq!(glyph_name(b"quoteright").as_deref(), Some("\u{2019}"));
        assert_eq!(glyph_name(b"eacute").as_deref(), Some("é"));
        assert_eq!(glyph_name(b"fi").as_deref(), Some("fi"));
        assert_eq!(glyph_name(b"a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name(b"g7EA"), None);
        assert_eq!(glyph_name(b"uni"), None);
        assert_eq!(glyph_name(&[0xFF, 0xFE]), None);
    }

    #[test]
    fn win_ansi_table() {
        assert_eq!(win_ansi(b'A'), Some('A'));
        assert_eq!(win_ansi(0x93), Some('\u{201C}'));
        assert_eq!(win_ansi(0x81), None);
        assert_eq!(win_ansi(0xE9), Some('é'));
        assert_eq!(win_ansi(10), None);
        assert_eq!(BaseEncoding::Standard.char(0x27), Some('\u{2019}'));
    }
}
