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
    source
        .split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let text = raw.trim_end_matches(['\r', ' ', '\u{3000}']);
            let text = text.trim_start_matches([' ', '\u{3000}']);
            (!text.trim().is_empty()).then_some(Block { line: i + 1, text })
        })
        .collect()
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
        None => t.trim_end_matches(TRAILING),
    };
    let t = t.trim();
    let starts = |scheme: &str| {
        t.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    };
    (starts("http://") || starts("https://")).then_some(t)
}

/// Punctuation a sentence puts after a bare link, never part of it.
const TRAILING: [char; 8] = ['。', '，', '；', '、', '！', '？', '」', '）'];

/// What a link's line holds after the link: `<https://…>（只有英文版）` → `（只有英文版）`.
pub fn url_rest(text: &str) -> &str {
    let t = text.trim();
    match t.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map_or("", |(_, rest)| rest.trim()),
        None => &t[t.trim_end_matches(TRAILING).len()..],
    }
}

/// Whether a paragraph ends as a sentence does; one that does not was cut by a page break.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| "。！？；：」』”）)…!?.;:》".contains(c))
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

fn is_cjk(c: char) -> bool {
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
