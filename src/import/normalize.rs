//! The PDF-artefact pass: before any structure is read, the lines a PDF extractor adds or breaks
//! are mended. Page numbers and running headers or footers go, a URL or a title wrapped onto the
//! next line is joined back, full-width digits and Latin letters become half-width, and a stray
//! tab inside prose becomes a space. Every change is a finding with its line, so an editor can
//! check it against the PDF.

use crate::finding::Message;
use crate::import::dates::dateline;
use crate::import::report::Report;
use crate::import::text::{self, excerpt, fold_width};
use crate::say;
use std::collections::HashMap;

/// One line after the pass: its (first) source line number and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub line: usize,
    pub text: String,
    /// A blank line (or a page break) stands before it in the source: extractors mark
    /// paragraphs so, and the layout pass reads it.
    pub blank_before: bool,
}

/// A URL wrapped over more lines than this is not looked for (a wrap is one or two lines).
const MAX_WRAP: usize = 3;

/// Runs the pass over the source text; the findings go to the report.
pub fn normalize(source: &str, report: &mut Report) -> Vec<Line> {
    let mut lines = physical_lines(source, report);
    for l in lines.iter_mut() {
        if let Some(closed) = unspaced(&l.text) {
            report.info(
                l.line,
                say!(
                    "letters spaced out by the PDF read together: 「{closed}」",
                    "PDF 逐字隔開的字已連讀：「{closed}」",
                    closed
                ),
            );
            l.text = closed;
        }
    }
    drop_page_furniture(&mut lines, report);
    join_lone_numbers(&mut lines, report);
    join_split_headings(&mut lines, report);
    let mut lines = crate::import::layout::unwrap(lines, report);
    join_wrapped_urls(&mut lines, report);
    join_wrapped_brackets(&mut lines, report);
    untab_prose(&mut lines, report);
    lines
}

/// The source's non-blank lines, folded (see [`fold_digits_and_letters`]), each knowing whether
/// a blank line or a page break (form feed) stood before it.
pub fn physical_lines(source: &str, report: &mut Report) -> Vec<Line> {
    let mut previous = 0;
    text::blocks(source)
        .into_iter()
        .filter_map(|b| {
            let blank_before = b.line > previous + 1 || b.text.contains('\u{c}');
            previous = b.line;
            let text = fold_digits_and_letters(b.text, b.line, report);
            let text = drop_unpublishable(text, b.line, report);
            (!text.trim().is_empty()).then_some(Line {
                line: b.line,
                text,
                blank_before,
            })
        })
        .collect()
}

/// Characters no page or feed can carry (see [`crate::validate::unpublishable`]) leave the
/// text, each named: a PDF or a paste brings them in unseen, and they carry no word. A form
/// feed stays: it is the extractors' page break.
fn drop_unpublishable(text: String, line: usize, report: &mut Report) -> String {
    let unwanted = |c: char| c != '\u{c}' && crate::validate::unpublishable(c);
    if !text.contains(unwanted) {
        return text;
    }
    let mut codes: Vec<String> = text
        .chars()
        .filter(|&c| unwanted(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    codes.dedup();
    report.warn(
        line,
        say!(
            "removed {codes}: HTML and XML cannot carry it, and it is no word",
            "已刪去 {codes}：HTML 及 XML 不能承載此字元，它也不是文字",
            codes = codes.join(", ")
        ),
    );
    text.replace(unwanted, "")
}

/// A part's heading the PDF wrapped (`《…通訊》` / `簡介`): two lines that together, and
/// neither alone, read as a heading are one.
fn join_split_headings(lines: &mut Vec<Line>, report: &mut Report) {
    let heading = crate::import::is_part_heading;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        // `…辦事處的` cannot end a line of its own: the heading it begins goes on.
        let cut = |t: &str| t.trim_end().ends_with(['的', '之', '與', '及', '和']);
        let joined = out
            .last()
            .filter(|p| !heading(&p.text) && (!heading(&l.text) || cut(&p.text)))
            .map(|p| format!("{}{}", p.text.trim(), l.text.trim()))
            .filter(|j| heading(j));
        match (joined, out.last_mut()) {
            (Some(j), Some(prev)) => {
                report.info(
                    l.line,
                    say!(
                        "heading wrapped onto this line joined: 「{j}」",
                        "折到此行的標題已接上：「{j}」",
                        j
                    ),
                );
                prev.text = j;
            }
            _ => out.push(l),
        }
    }
    *lines = out;
}

/// `1.` alone on its line, then the item's title: a list's number the PDF set apart from its
/// text (a numbered list, a tab after the number) goes back before it.
fn join_lone_numbers(lines: &mut Vec<Line>, report: &mut Report) {
    let lone = |t: &str| {
        let t = t.trim();
        let inner = t
            .strip_prefix(['(', '（'])
            .and_then(|r| r.strip_suffix([')', '）']))
            .or_else(|| t.strip_suffix(['.', '．', '、']))
            .unwrap_or("");
        (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit())
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut pending: Option<Line> = None;
    for l in lines.drain(..) {
        match pending.take() {
            Some(number) if !lone(&l.text) && !is_page_number(&l.text) => {
                report.info(
                    l.line,
                    say!(
                        "number 「{number}」 on the line above joined to this line",
                        "上一行的編號「{number}」已接到此行",
                        number = number.text.trim()
                    ),
                );
                out.push(Line {
                    text: format!("{} {}", number.text.trim(), l.text.trim()),
                    ..number
                });
            }
            Some(number) => {
                out.push(number);
                if lone(&l.text) {
                    pending = Some(l)
                } else {
                    out.push(l)
                }
            }
            None if lone(&l.text) => pending = Some(l),
            None => out.push(l),
        }
    }
    out.extend(pending);
    *lines = out;
}

/// Full-width digits and Latin letters (２０２６, ＩＴＥ) are a font's choice, not the text's:
/// they become ASCII everywhere so dates, figures and numbering read. Punctuation is left to
/// the parsers of dates and figures, so prose keeps its full-width punctuation. Characters a
/// PDF extractor leaves that no reader sees go: form feeds at page breaks, other control
/// characters, zero-width spaces, soft hyphens; a no-break space becomes a space.
fn fold_digits_and_letters(text: &str, line: usize, report: &mut Report) -> String {
    let (mut invisible, mut widened) = (false, false);
    let folded: String = text
        .chars()
        .filter_map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                widened = true;
                Some(fold_width(c))
            }
            '\u{a0}' => Some(' '),
            // The colon Hong Kong input methods type (︰, ﹕) is the newsletter's ：.
            '\u{fe30}' | '\u{fe55}' => {
                widened = true;
                Some('：')
            }
            '\t' => Some(c),
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {
                invisible = true;
                None
            }
            c if c.is_control() => {
                invisible = true;
                None
            }
            c => Some(c),
        })
        .collect();
    if invisible {
        report.info(
            line,
            say!(
                "invisible characters (page break, zero-width space) left out",
                "略去不可見的字元（分頁符、零寬空格）"
            ),
        );
    }
    if widened {
        report.info(
            line,
            say!(
                "full-width digits or letters made half-width (or ︰ read as ：)",
                "全形數字或字母改為半形（或 ︰ 讀作 ：）"
            ),
        );
    }
    folded.trim_matches([' ', '\u{3000}']).to_string()
}

/// `主 要 動 態` → `主要動態`: a short line of CJK characters each followed by one space, as a
/// PDF gives a heading set with letter-spacing.
fn unspaced(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let spaced = chars.len() >= 5
        && chars.len() <= 40
        && chars.iter().enumerate().all(|(i, c)| {
            if i % 2 == 1 {
                *c == ' '
            } else {
                !c.is_ascii() && !c.is_whitespace()
            }
        });
    spaced.then(|| chars.iter().step_by(2).collect())
}

/// `- 2 -`, `3`, `第 5 頁，共 9 頁`, `Page 4 of 9`, `4/9`: a page number on a line of its own.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '–', '—', '－', '~', '～', '·']);
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(t) && t.len() <= 3 {
        return true;
    }
    // 第5頁，共9頁 / 第5頁 / 共9頁第5頁 (also 页 from a Simplified extract)
    let zh: String = t.replace(['頁', '页'], "頁").replace([',', '，', '/'], "");
    if let Some(rest) = zh.strip_prefix('第') {
        if let Some((n, tail)) = rest.split_once('頁') {
            let tail_ok = tail.is_empty()
                || tail
                    .strip_prefix('共')
                    .and_then(|t| t.strip_suffix('頁'))
                    .is_some_and(digits);
            return digits(n) && tail_ok;
        }
    }
    // Page 4 of 9 / p. 4 / 4 of 9 / 4/9
    let lower = t.to_ascii_lowercase();
    let lower = lower
        .strip_prefix("page")
        .or_else(|| lower.strip_prefix("p."))
        .unwrap_or(&lower);
    let parts: Vec<&str> = lower.split(['/']).flat_map(|p| p.split("of")).collect();
    matches!(parts.as_slice(), [n] if digits(n) && n.len() <= 3)
        || matches!(parts.as_slice(), [a, b] if digits(a) && digits(b))
}

/// A line of digits right after a link cut mid-word (`…forward_33070` / `625`) may be the link's
/// tail, not a page number: it is one only if it fits the sequence of the other page numbers.
fn keep_url_digits(lines: &[Line], page_number: &mut [bool]) {
    let value = |t: &str| -> Option<u32> {
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let numbered: Vec<(usize, Option<u32>)> = (0..lines.len())
        .filter(|&i| page_number[i])
        .map(|i| (i, value(&lines[i].text)))
        .collect();
    for (k, &(i, v)) in numbered.iter().enumerate() {
        let digits_only = lines[i].text.trim().bytes().all(|b| b.is_ascii_digit());
        let after_cut_url = i > 0
            && trailing_url(&lines[i - 1].text).is_some_and(|(at, _)| {
                lines[i - 1].text[at..]
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_digit() || "_=/-?&".contains(c))
            });
        if !(digits_only && after_cut_url) {
            continue;
        }
        let (Some(v), prev, next) = (v, numbered.get(k.wrapping_sub(1)), numbered.get(k + 1))
        else {
            continue;
        };
        let fits = prev.and_then(|p| p.1) == v.checked_sub(1) && prev.is_some()
            || next.and_then(|n| n.1) == Some(v + 1);
        if !fits {
            page_number[i] = false;
        }
    }
}

/// Whether a line is part of the newsletter's own structure, which recurs by design (詳情請參看,
/// links, table rows, labels ending in a colon) and is never a running header.
fn recurs_by_design(text: &str) -> bool {
    text.contains('\t')
        || text::as_url(text).is_some()
        || text::ends_with_colon(text)
        || text.starts_with("詳情請參看")
        || text.starts_with("網址")
        || text.contains('。')
        || text.chars().count() > 40
        || ["上午", "下午", "中午", "晚上"]
            .iter()
            .any(|p| text.starts_with(p))
        || is_group_heading(text)
}

/// A region's or a city's heading (浙江省, 上海：, 香港資訊): repeated at a page top, it is the
/// articles' and the tables' to read (their items go on), never a running header to drop.
fn is_group_heading(text: &str) -> bool {
    let name = text::strip_trailing_colon(text.trim());
    crate::region::Region::from_zh(name).is_some()
        || crate::region::city_region(name).is_some()
        || (name.ends_with("資訊") && name.chars().count() <= 6)
}

/// Page numbers, and running headers and footers: the masthead's title (or dateline) repeated
/// at the top of a page, or a short line that recurs at page breaks.
fn drop_page_furniture(lines: &mut Vec<Line>, report: &mut Report) {
    let title = lines.first().map(|l| l.text.clone()).unwrap_or_default();
    let masthead_dateline = lines
        .iter()
        .take(4)
        .find(|l| dateline(&l.text).is_some())
        .map(|l| (l.line, l.text.clone()));
    let mut page_number: Vec<bool> = lines.iter().map(|l| is_page_number(&l.text)).collect();
    keep_url_digits(lines, &mut page_number);
    // How often each line occurs, and how often next to a page number: a line seen twice is a
    // header or footer only if both times it stands at a page break.
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let near_page_number =
            (i > 0 && page_number[i - 1]) || page_number.get(i + 1) == Some(&true);
        let e = seen.entry(l.text.clone()).or_insert((0, 0));
        e.0 += 1;
        e.1 += usize::from(near_page_number);
    }
    let recurring = |text: &str| {
        seen.get(text)
            // A short line seen three times with no page number by it is content (a
            // subheading such as 主要內容), not a footer.
            .is_some_and(|&(n, near)| {
                (n >= 3 && (near >= 1 || text.chars().count() >= 8)) || (n == 2 && near == 2)
            })
            && !recurs_by_design(text)
            && !is_page_number(text)
    };
    let masthead_line = masthead_dateline.as_ref().map_or(1, |d| d.0);
    // A header that carries the title or the dateline: `香港特區政府駐…通訊  2026年5月（第233期）`.
    let is_running_header = |l: &Line| {
        if l.line <= masthead_line || title.is_empty() {
            return false;
        }
        let mut rest = l.text.replace(&title, "");
        if let Some((_, d)) = &masthead_dateline {
            rest = rest.replace(d.as_str(), "");
        }
        // What is left may be the page's number or the dateline in another form.
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|｜·•-–—".contains(c));
        rest.len() < l.text.len()
            && (rest.is_empty() || is_page_number(rest) || dateline(rest).is_some())
    };
    // A second masthead (the title, then the dateline) after 免責聲明 is a second copy of the
    // text, not a running header: it is kept, so that the importer stops there with an error.
    let disclaimer = lines
        .iter()
        .position(|l| l.text.trim() == "免責聲明")
        .map_or(usize::MAX, |i| lines[i].line);
    let second_masthead: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines[i].line > disclaimer
                && (dateline(&lines[i].text).is_some()
                    || (lines[i].text == title
                        && lines
                            .get(i + 1)
                            .is_some_and(|n| dateline(&n.text).is_some())))
        })
        .collect();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut dropped: Vec<(usize, Message)> = Vec::new();
    for (i, l) in lines.drain(..).enumerate() {
        if page_number[i] {
            report.info(l.line, say!("page number left out", "略去頁碼"));
        } else if !second_masthead[i] && is_running_header(&l) {
            let msg = say!(
                "running header left out: 「{text}」",
                "略去頁眉：「{text}」",
                text = excerpt(&l.text)
            );
            dropped.push((l.line, msg));
        } else if l.line > masthead_line && !second_masthead[i] && recurring(&l.text) {
            let msg = say!(
                "line repeated at page breaks left out: 「{text}」",
                "略去在換頁處重複的一行：「{text}」",
                text = excerpt(&l.text)
            );
            dropped.push((l.line, msg));
        } else {
            out.push(l);
        }
    }
    for (line, message) in dropped {
        report.info(line, message);
    }
    *lines = out;
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// The URL a line ends with, and whether it is still inside an open `<`.
fn trailing_url(text: &str) -> Option<(usize, bool)> {
    let lower = text.to_ascii_lowercase();
    let at = lower.rfind("http://").max(lower.rfind("https://"))?;
    let url = &text[at..];
    let open = text[..at].ends_with('<') && !url.contains('>');
    let bare = url.chars().all(is_url_char);
    (open || bare).then_some((at, open))
}

/// File extensions a link may end with: a tail of letters completes one (`….ht` + `m`).
const EXTENSIONS: [&str; 12] = [
    "htm", "html", "shtml", "asp", "aspx", "php", "jsp", "pdf", "doc", "docx", "xls", "xlsx",
];

/// A line that can only be the rest of a wrapped URL: no spaces, URL characters, and a path or
/// query character or a digit in it (a word alone such as `CargoX` is not enough), or letters
/// that complete the link's file extension, or a file name ending in one (`展覽事務.htm`).
fn continues_url(url: &str, text: &str, open: bool) -> bool {
    let ext_of = |t: &str| t.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let completes_extension = text.len() <= 5
        && text.bytes().all(|b| b.is_ascii_alphabetic())
        && url
            .rsplit_once('/')
            .map_or(url, |(_, last)| last)
            .rsplit_once('.')
            .is_some_and(|(_, start)| {
                let ext = format!("{start}{text}").to_ascii_lowercase();
                EXTENSIONS.contains(&ext.as_str())
            });
    let file_name = !text.contains(char::is_whitespace)
        && !text.contains([
            '，', '。', '、', '；', '：', '「', '」', '《', '》', '（', '）',
        ])
        && ext_of(text).is_some_and(|e| EXTENSIONS.contains(&e.as_str()));
    if completes_extension || file_name {
        return true;
    }
    let body = if open {
        text.strip_suffix('>').unwrap_or(text)
    } else {
        text
    };
    let body_ok = !body.is_empty()
        && !body.to_ascii_lowercase().starts_with("http")
        && body.chars().all(is_url_char)
        && body.contains(|c: char| "/._-=?&%#".contains(c) || c.is_ascii_digit());
    // Inside `<…>` the rest may hold any non-space text up to the closing bracket.
    let open_ok = open && text.ends_with('>') && !text.contains(char::is_whitespace);
    body_ok || open_ok
}

/// `https://…/art_4fe8` + `69855f….html` → one link; also inside `<…>` and at a table row's end.
fn join_wrapped_urls(lines: &mut Vec<Line>, report: &mut Report) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        let joined = out.last_mut().and_then(|prev| {
            let (at, open) = trailing_url(&prev.text)?;
            let url = &prev.text[at..];
            // A link that already ends in a file name is whole; a line starting www. is a link.
            let whole = !open
                && url.rsplit_once('.').is_some_and(|(_, ext)| {
                    EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
                });
            // A link cut right after its scheme (`https://` + `www.…`) goes on whatever follows.
            let scheme_only = url
                .to_ascii_lowercase()
                .trim_end_matches('/')
                .ends_with(':');
            let rest_of_link = !l.text.is_empty() && !l.text.contains(char::is_whitespace);
            let wraps = (scheme_only && rest_of_link)
                || (!whole
                    && !l.text.to_ascii_lowercase().starts_with("www.")
                    && continues_url(url, &l.text, open));
            // Only a line that was cut: a bare URL that already ends in a file name stays.
            (wraps && (open || !l.text.contains("://"))).then_some(prev)
        });
        match joined {
            Some(prev) if prev.line + MAX_WRAP * 2 >= l.line => {
                prev.text.push_str(&l.text);
                report.info(
                    l.line,
                    say!(
                        "link wrapped onto this line joined to line {line}: {url}",
                        "折到此行的連結已接到第 {line} 行：{url}",
                        line = prev.line,
                        url = excerpt_url(&prev.text)
                    ),
                );
            }
            _ => out.push(l),
        }
    }
    *lines = out;
}

fn excerpt_url(text: &str) -> String {
    match trailing_url(text) {
        Some((at, _)) => text[at..].trim_end_matches('>').to_string(),
        None => excerpt(text),
    }
}

const OPENERS: [(char, char); 6] = [
    ('《', '》'),
    ('「', '」'),
    ('“', '”'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
];

/// The same bracket in the other width: 233 itself closes a （ with ).
fn twin(c: char) -> char {
    match c {
        '）' => ')',
        ')' => '）',
        c => c,
    }
}

/// The closing bracket a line leaves open, if any.
fn open_bracket(text: &str) -> Option<char> {
    let mut depth: Vec<char> = Vec::new();
    for c in text.chars() {
        let closes = depth.last().is_some_and(|&close| c == close || c == twin(close))
            // “…“ typed with two opening quotes closes too.
            || (c == '“' && depth.last() == Some(&'”'));
        if closes {
            depth.pop();
        } else if let Some(&(_, close)) = OPENERS.iter().find(|(o, _)| *o == c) {
            depth.push(close);
        }
    }
    depth.last().copied()
}

/// `5. 《安徽省製造業中試平台建設實施方` + `案》`: a line that leaves a bracket open and the next,
/// short line that closes it are one line cut by the PDF (titles above all; prose cut inside a
/// quotation is rejoined the same way).
fn join_wrapped_brackets(lines: &mut Vec<Line>, report: &mut Report) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        // Only a title-length line that stops mid-sentence: one ending in 。 is a whole
        // paragraph, and prose cut at a page break is rejoined with its article.
        let prev = out.last_mut().filter(|p| {
            p.text.chars().count() <= 60
                && l.text.chars().count() <= 30
                && !p.text.contains('\t')
                && !l.text.contains('\t')
                && !p.text.trim_end().ends_with(['。', '！', '？', '!', '?'])
        });
        let closes = prev
            .as_ref()
            .and_then(|p| open_bracket(&p.text))
            .is_some_and(|close| {
                l.text
                    .find([close, twin(close)])
                    .is_some_and(|at| !l.text[..at].contains(['。', '\n']))
                    && text::as_url(&l.text).is_none()
            });
        match prev {
            Some(prev) if closes => {
                report.info(
                    l.line,
                    say!(
                        "line cut inside brackets joined to line {line}: 「{text}」",
                        "在括號內斷開的一行已接到第 {line} 行：「{text}」",
                        line = prev.line,
                        text = excerpt(&format!("{}{}", prev.text, l.text))
                    ),
                );
                text::join_cut(&mut prev.text, &l.text);
            }
            _ => out.push(l),
        }
    }
    *lines = out;
}

/// A tab next to a CJK character goes; one between Latin words becomes a space. Other spaces
/// are the text's own and stay.
/// In a short line (captions side by side: 公眾號⇥視頻號) a tab between two words stays a space.
fn untab(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let letter = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let short = chars.len() <= 20;
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let (before, after) = (
            i.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(i + 1),
        );
        let words_apart = short && letter(before) && letter(after);
        if c != '\t' {
            out.push(c);
        } else if (words_apart || !(cjk(before) || cjk(after))) && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// Tabs separate table cells in 經貿數據 and 經貿活動 only; elsewhere a tab is a PDF's spacing.
fn untab_prose(lines: &mut [Line], report: &mut Report) {
    let mut in_tables = false;
    for l in lines.iter_mut() {
        // `上海：⇥⇥⇥⇥`: a heading set in a merged row spanning the table's columns.
        if l.text.contains('\t') && l.text.split('\t').skip(1).all(|c| c.trim().is_empty()) {
            l.text = l
                .text
                .split('\t')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
        }
        let t = l.text.trim();
        if crate::import::is_tables_heading(t) {
            in_tables = true;
        } else if crate::import::is_after_tables_heading(t) {
            in_tables = false;
        }
        if !in_tables && l.text.contains('\t') {
            l.text = untab(&l.text);
            report.info(
                l.line,
                say!(
                    "tab inside text outside the tables made a space: 「{text}」",
                    "表格以外文字中的定位字元改為空格：「{text}」",
                    text = excerpt(&l.text)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str) -> (Vec<String>, Vec<String>) {
        let mut report = Report::default();
        let lines = normalize(source, &mut report);
        let texts = lines.into_iter().map(|l| l.text).collect();
        let messages = report
            .finish()
            .into_iter()
            .map(|f| f.message.to_string())
            .collect();
        (texts, messages)
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "- 2 -",
            "3",
            "第 5 頁，共 9 頁",
            "第5頁",
            "Page 4 of 9",
            "4/9",
            "— 12 —",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2026", "2026年", "上海市", "-", "9 000架次", "(1)"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn page_furniture_goes_between_cut_halves() {
        let (lines, _) =
            run("通訊\n\n2026年5月（第233期）\n\n推進落實今\n\n- 2 -\n\n通訊\n\n年一月發表");
        assert_eq!(
            lines,
            ["通訊", "2026年5月（第233期）", "推進落實今", "年一月發表"]
        );
    }

    #[test]
    fn wrapped_urls_are_joined() {
        let (lines, msgs) = run("a\n\n<https://www.info.gov.hk/gia/general/202605/07/\n\nP2026050700592.htm>\n\nhttps://www.zj.gov.cn/col/art_4fe8\n\n69855f.html\n\nCargoX");
        assert_eq!(
            lines,
            [
                "a",
                "<https://www.info.gov.hk/gia/general/202605/07/P2026050700592.htm>",
                "https://www.zj.gov.cn/col/art_4fe869855f.html",
                "CargoX"
            ]
        );
        assert_eq!(
            msgs.iter().filter(|m| m.contains("link wrapped")).count(),
            2
        );
    }

    #[test]
    fn wrapped_titles_are_joined() {
        let (lines, _) = run("5. 《安徽省製造業中試平台建設實施方\n\n案》\n\n2026年5月9日，");
        assert_eq!(
            lines,
            ["5. 《安徽省製造業中試平台建設實施方案》", "2026年5月9日，"]
        );
    }

    #[test]
    fn spaced_letters_close_up() {
        assert_eq!(unspaced("主 要 動 態").as_deref(), Some("主要動態"));
        assert_eq!(unspaced("上 海 市").as_deref(), Some("上海市"));
        assert_eq!(unspaced("ITE Hong Kong 2026"), None);
        assert_eq!(unspaced("山東發布44項舉措 加快構建"), None);
    }

    #[test]
    fn full_width_digits_fold() {
        let (lines, _) = run("通訊\n\n２０２６年５月（第２３３期）");
        assert_eq!(lines[1], "2026年5月（第233期）");
    }
}
