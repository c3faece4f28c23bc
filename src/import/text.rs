//! The newsletter text as a PDF extractor gives it: lines → blocks, and the small text
//! operations the importer needs (labels, URLs, page-break joins, PDF spacing artefacts).

/// One non-blank line of the source, with its 1-based line number. It borrows the source:
/// a 10 MB text makes no million small allocations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    pub line: usize,
    pub text: &'a str,
}

impl Block<'_> {
    /// Table cells (tab-separated), trimmed.
    pub fn cells(&self) -> Vec<&str> {
        self.text.split('\t').map(str::trim).collect()
    }

    pub fn is_table_row(&self) -> bool {
        self.text.contains('\t')
    }
}

/// Splits the text into blocks: UTF-8 with or without BOM, LF or CRLF, blank lines between
/// paragraphs. Trailing spaces are dropped; tabs (table cells) are kept.
pub fn blocks(source: &str) -> Vec<Block<'_>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    lines(source)
        .enumerate()
        .filter_map(|(i, raw)| {
            let text = raw.trim_end_matches([' ', '\u{3000}']);
            let text = text.trim_start_matches([' ', '\u{3000}']);
            (!text.trim().is_empty()).then_some(Block { line: i + 1, text })
        })
        .collect()
}

/// The lines of a text, whatever ends them: LF, CRLF, a lone CR (classic Mac, Word's "CR
/// only"), a vertical tab (Word's manual line break) or a Unicode line or paragraph separator.
fn lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r', '\u{b}', '\u{2028}', '\u{2029}']) {
            Some(at) => {
                let c = text[at..].chars().next().unwrap_or('\n');
                let mut next = at + c.len_utf8();
                if c == '\r' && text[next..].starts_with('\n') {
                    next += 1;
                }
                rest = Some(&text[next..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// A file's bytes as text: UTF-8 (with or without BOM), or UTF-16 with its BOM (Word's "Unicode"
/// text). The second value says what was done, for a finding: a UTF-16 file, or bytes that were
/// not UTF-8 and were replaced with U+FFFD.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    let utf16 = |little: bool| -> String {
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match bytes {
        [0xff, 0xfe, ..] => (
            utf16(true),
            Some("read as UTF-16 (little-endian), as its byte-order mark says"),
        ),
        [0xfe, 0xff, ..] => (
            utf16(false),
            Some("read as UTF-16 (big-endian), as its byte-order mark says"),
        ),
        _ => match String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
            std::borrow::Cow::Borrowed(text) => (text.to_string(), None),
            std::borrow::Cow::Owned(text) => (
                text,
                Some("not valid UTF-8; unreadable bytes were replaced with U+FFFD"),
            ),
        },
    }
}

/// `地址：上海市…` → `上海市…` (full-width or ASCII colon).
pub fn strip_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(label)?;
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    Some(rest.trim())
}

/// `公眾號：` → `公眾號`
pub fn strip_trailing_colon(text: &str) -> &str {
    text.trim_end_matches(['：', ':']).trim_end()
}

pub fn ends_with_colon(text: &str) -> bool {
    text.ends_with('：') || text.ends_with(':')
}

/// A link as printed, with or without angle brackets: `<https://…>` → `https://…`. Text after
/// the closing bracket, or punctuation after a bare link (`…htm。`), is not part of it (see
/// [`url_rest`]); a `<` whose `>` the PDF lost is read to the line's end.
pub fn as_url(text: &str) -> Option<&str> {
    let t = text.trim();
    let t = match t.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map_or(inner, |(url, _)| url),
        None => &t[..bare_url_end(t)],
    };
    let t = t.trim();
    let starts = |scheme: &str| {
        t.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    };
    (starts("http://") || starts("https://")).then_some(t)
}

/// Punctuation that never belongs to a link: a bare link ends where it starts.
const NOT_IN_URL: [char; 14] = [
    '。', '，', '；', '、', '！', '？', '「', '」', '（', '）', '《', '》', '：', '　',
];

/// Where a bare link ends: at CJK punctuation (`…htm。`, `…hk（只有英文版）`), or at an ASCII `(`
/// that opens a note in Chinese (`…htm(只有簡體版)`). Chinese letters may be in a path
/// (`…/展覽事務.htm`).
fn bare_url_end(t: &str) -> usize {
    // A space before another link ends this one (a space inside one is kept, as printed).
    let another = |rest: &str| {
        let r = rest.trim_start().to_ascii_lowercase();
        ["http://", "https://", "www.", "<"]
            .iter()
            .any(|s| r.starts_with(s))
    };
    let cut = t.char_indices().find(|&(at, c)| {
        NOT_IN_URL.contains(&c)
            || (c == '(' && t[at + 1..].chars().next().is_some_and(|n| !n.is_ascii()))
            || (c == ' ' && another(&t[at..]))
    });
    let end = cut.map_or(t.len(), |(at, _)| at);
    // The sentence's own punctuation after a bare link (`…htm.`, `…/tc/,`) is not the link's,
    // nor is a `)` that closes a bracket opened before it.
    let mut url = &t[..end];
    loop {
        let unbalanced = url.matches(')').count() > url.matches('(').count();
        match url.chars().last() {
            Some('.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"') => url = &url[..url.len() - 1],
            Some(')') if unbalanced => url = &url[..url.len() - 1],
            _ => break,
        }
    }
    url.len()
}

/// What a link's line holds after the link: `<https://…>（只有英文版）` → `（只有英文版）`.
pub fn url_rest(text: &str) -> &str {
    let t = text.trim();
    match t.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map_or("", |(_, rest)| rest.trim()),
        None => &t[bare_url_end(t)..],
    }
}

/// Whether a paragraph ends as a sentence does; one that does not was cut by a page break.
pub fn ends_sentence(text: &str) -> bool {
    let mut last = text.trim_end().chars().rev();
    match last.next() {
        // A quotation closed in ASCII quotes ends where what it quotes ends.
        Some('"' | '\'' | '’') => last.next().is_some_and(|c| "。！？!?.".contains(c)),
        Some(c) => "。！？；：」』”）)…!?.;:》".contains(c),
        None => false,
    }
}

/// A line that begins a list item: a bullet (● • ■ ◆ ◇ ○ ・ ▪ ►), or `1、` `(1)` `（1）` `1.`.
pub fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let bullets = [
        '●', '•', '■', '◆', '◇', '○', '・', '▪', '►', '□', '◎', '➢', '➤', '▶', '✓', '✔', '★', '☆',
    ];
    if t.starts_with(bullets) || t.starts_with(|c| ('①'..='⑳').contains(&c)) {
        return true;
    }
    // 1、 (1) （1） 1. and 一、 （一） (一): numbered in digits or in Chinese numerals.
    let inner = t.strip_prefix(['(', '（']).unwrap_or(t);
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let count = inner.chars().take_while(|c| numeral(*c)).count();
    let at = inner
        .char_indices()
        .nth(count)
        .map_or(inner.len(), |(i, _)| i);
    let rest = &inner[at..];
    (1..=2).contains(&count)
        && rest.starts_with(['、', ')', '）', '.', '．'])
        && rest.chars().nth(1).is_some_and(|c| !c.is_ascii_digit())
}

/// Whether `next` goes on with the paragraph `last`: `last` stops mid-sentence, or stops at a
/// closing bracket and `next` opens with what cannot begin a sentence (的, 之, 、, ，…).
pub fn continues(last: &str, next: &str) -> bool {
    // Only what cannot open a paragraph; 與此同時, 及後, 之後 can, and are left alone.
    let openers = ["與此", "及後", "及至", "之後", "之前", "之外"];
    let goes_on = next.starts_with([
        '的', '、', '，', '。', '；', '：', '）', '」', '》', '（', '和', '等', '並', '并',
    ]) || (next.starts_with(['與', '及', '之'])
        && !openers.iter().any(|o| next.starts_with(o)));
    // A short line with no clause (下一步工作, 第一部分：…, a table's row) is a line of its own,
    // not the first half of a paragraph cut by a page break.
    let length = last.chars().count();
    let no_clause = !last.contains(['，', ',', '。']);
    let labelled = last
        .trim_end()
        .trim_end_matches(['：', ':'])
        .contains(['：', ':']);
    let short_line = no_clause && (length <= 15 || (length <= 25 && labelled));
    if short_line && !goes_on {
        return false;
    }
    if !ends_sentence(last) {
        return true;
    }
    // A sentence closed inside its quotation or brackets (。” 。」 。）) ends the paragraph.
    let mut end = last.trim_end().chars().rev();
    if end.next().is_some() && end.next().is_some_and(|c| "。！？!?".contains(c)) {
        return false;
    }
    let closed_on_bracket = last
        .trim_end()
        .ends_with(['》', '」', '』', '”', '）', ')']);
    closed_on_bracket && goes_on
}

/// Joins the second half of a paragraph cut by a page break onto the first, in place (a long
/// run of cuts stays linear): no space between CJK characters, one between Latin words.
pub fn join_cut(first: &mut String, second: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(first.chars().next_back()) && latin(second.chars().next()) {
        first.push(' ');
    }
    first.push_str(second);
}

/// A character of Chinese text: CJK letters and full-width punctuation alike.
pub(crate) fn is_cjk(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Removes spaces a PDF extractor puts inside a wrapped table cell (`與2025年同 期相比`,
/// `2026年 1月至3月`): a space next to a CJK character goes; spaces between Latin words stay.
pub fn collapse_cjk_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    // The next non-space character after each position, found in one pass from the end.
    let mut next = vec![None; chars.len() + 1];
    for i in (0..chars.len()).rev() {
        next[i] = if chars[i].is_whitespace() {
            next[i + 1]
        } else {
            Some(chars[i])
        };
    }
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = out.chars().next_back();
            let after = next[i + 1];
            if prev.is_some_and(is_cjk)
                || after.is_some_and(is_cjk)
                || prev.is_some_and(char::is_whitespace)
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A full-width ASCII character (０, Ａ, ．, ％) as its ASCII twin; the ideographic space as a
/// space; anything else unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '−' | '–' | '—' => '-',
        c => c,
    }
}

/// A date or a figure as its parser reads it: full-width digits, letters and ASCII punctuation
/// folded (２０２６．５．１０ → 2026.5.10, ＋５．９％ → +5.9%). The printed text is kept elsewhere.
pub fn fold_ascii(text: &str) -> String {
    text.chars().map(fold_width).collect()
}

/// A short excerpt of a text for messages.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 30;
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_handle_bom_crlf_and_blank_lines() {
        let b = blocks("\u{feff}標題\r\n\r\n  第二段 \r\n\t\r\n最後");
        let lines: Vec<_> = b.iter().map(|b| (b.line, b.text)).collect();
        assert_eq!(lines, [(1, "標題"), (3, "第二段"), (5, "最後")]);
    }

    #[test]
    fn urls_with_and_without_brackets() {
        assert_eq!(as_url("<https://a.b/c>"), Some("https://a.b/c"));
        assert_eq!(as_url("http://a.b"), Some("http://a.b"));
        assert_eq!(as_url("網址：http://a.b"), None);
        assert_eq!(as_url("詳情"), None);
        let noted = "<https://a.b/c.htm>（只有英文版）";
        assert_eq!(
            (as_url(noted), url_rest(noted)),
            (Some("https://a.b/c.htm"), "（只有英文版）")
        );
        let stopped = "https://a.b/c.htm。";
        assert_eq!(
            (as_url(stopped), url_rest(stopped)),
            (Some("https://a.b/c.htm"), "。")
        );
        assert_eq!(url_rest("https://a.b/展覽事務.htm"), "");
    }

    #[test]
    fn labels_and_colons() {
        assert_eq!(strip_label("電話：86-21", "電話"), Some("86-21"));
        assert_eq!(strip_label("電話:86-21", "電話"), Some("86-21"));
        assert_eq!(strip_label("電郵：x", "電話"), None);
        assert_eq!(strip_trailing_colon("上海："), "上海");
    }

    #[test]
    fn page_break_joins() {
        assert!(!ends_sentence("推進落實今"));
        assert!(ends_sentence("應用的反覆驗證。"));
        let join = |a: &str, b: &str| {
            let mut a = a.to_string();
            join_cut(&mut a, b);
            a
        };
        assert_eq!(join("推進落實今", "年一月發表的"), "推進落實今年一月發表的");
        assert_eq!(join("ITE Hong", "Kong"), "ITE Hong Kong");
    }

    #[test]
    fn cjk_spaces_collapse_but_latin_spaces_stay() {
        assert_eq!(collapse_cjk_spaces("與2025年同 期相比"), "與2025年同期相比");
        assert_eq!(collapse_cjk_spaces("2026年 1月至3月"), "2026年1月至3月");
        assert_eq!(collapse_cjk_spaces("Informa  Markets"), "Informa Markets");
    }
}
