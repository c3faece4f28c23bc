//! How the text was wrapped, read before its paragraphs are: an extractor's text (`pdftotext`,
//! `-raw`, a copy from a PDF viewer) keeps the PDF's line breaks, so a paragraph arrives as
//! lines cut at the column, whatever punctuation a line happens to end with. Such a text is
//! told from one written a paragraph a line by its line widths: most long lines fill the same
//! column. Then a line that fills the column goes on in the next, and one that stops short ends
//! its paragraph; blank lines, where the extractor marks paragraphs with them, end one too.
//! Structure the newsletter prints on lines of its own (links, 詳情請參看, headings, numbered
//! items, list items, table rows) is never joined. What cannot be told apart is a warning.

use crate::import::normalize::Line;
use crate::import::report::Report;
use crate::import::text::{self, excerpt};
use crate::say;

/// A line's width in ems, as a proportional CJK font sets it: CJK characters and full-width
/// forms one em, Latin letters and digits about half, a space a third.
pub fn em_width(text: &str) -> f32 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.33,
            'A'..='Z' | 'm' | 'w' => 0.65,
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ':' | ';' | '|' | '!' | '\'' => 0.3,
            c if c.is_ascii() => 0.5,
            _ => 1.0,
        })
        .sum()
}

/// How far short of the column a line may stop and still fill it, in ems: justified text
/// spreads a line's last gap, and Latin widths are estimated.
const SLACK: f32 = 2.6;

/// The column a text was wrapped at (in ems), if it was: the width that most of its long lines
/// share, with few lines wider. A text a paragraph a line has no such width.
pub fn column(lines: &[Line]) -> Option<f32> {
    let mut widths: Vec<f32> = lines
        .iter()
        .filter(|l| !l.text.contains('\t') && text::as_url(&l.text).is_none())
        .map(|l| em_width(&l.text))
        .filter(|w| *w >= 12.0)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_by(|a, b| a.total_cmp(b));
    // The band [w − SLACK, w + 0.6] holding most lines, found with two pointers.
    // The column is the band's median: its top is a line a little wider than most (digits
    // and Latin letters estimated).
    let (mut best, mut best_count, mut lo) = (0.0f32, 0usize, 0usize);
    for hi in 0..widths.len() {
        while widths[hi] - widths[lo] > SLACK + 0.6 {
            lo += 1;
        }
        let count = hi + 1 - lo;
        if count >= best_count {
            best_count = count;
            best = widths[lo + count / 2];
        }
    }
    let wider = widths.iter().filter(|w| **w > best + 2.5).count();
    let share = best_count as f32 / widths.len() as f32;
    (best_count >= 6 && share >= 0.35 && (wider as f32) <= 0.1 * widths.len() as f32)
        .then_some(best)
}

/// Whether blank lines separate paragraphs (an extractor's block gaps), rather than every
/// line (double spacing) or nothing: lines that fill the column, which always go on, are
/// rarely followed by a blank.
fn blanks_end_paragraphs(lines: &[Line], column: f32) -> bool {
    let full: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| em_width(&lines[i].text) >= column - SLACK)
        .collect();
    let blank_after = full.iter().filter(|&&i| lines[i + 1].blank_before).count();
    let any_blank = lines.iter().skip(1).any(|l| l.blank_before);
    any_blank && (blank_after as f32) < 0.2 * full.len().max(1) as f32
}

/// A line the newsletter sets on its own: never part of a paragraph before it.
pub(crate) fn stands_alone(t: &str) -> bool {
    t.contains('\t')
        || text::as_url(t).is_some()
        || text::is_list_item(t)
        || numbered_item(t)
        || crate::import::is_part_heading(t)
        || crate::region::Region::from_zh(text::strip_trailing_colon(t)).is_some()
        || crate::region::city_region(text::strip_trailing_colon(t)).is_some()
        || ["詳情", "详情", "詳見", "详见", "網址", "网址"]
            .iter()
            .any(|l| t.starts_with(l))
}

/// `7. 標題`, `(7)`, `7、`: an item's number, not a figure (`5.4%`).
fn numbered_item(t: &str) -> bool {
    let inner = t.strip_prefix(['(', '（']).unwrap_or(t);
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    let rest = &inner[digits..];
    (1..=3).contains(&digits)
        && rest.starts_with(['.', '．', '、', ')', '）'])
        && rest
            .chars()
            .nth(1)
            .is_some_and(|c| !c.is_ascii_digit() && c != '%')
}

/// A line no paragraph continues into: a link's line goes on only as a link (normalize joins
/// a wrapped URL), a heading or a list label stands alone.
pub(crate) fn closes(t: &str) -> bool {
    let label = text::ends_with_colon(t) && em_width(t) < 20.0;
    label
        || t.contains('\t')
        || text::as_url(t).is_some()
        || crate::import::is_part_heading(t)
        || crate::region::Region::from_zh(text::strip_trailing_colon(t)).is_some()
        || crate::region::city_region(text::strip_trailing_colon(t)).is_some()
}

/// Whether a line may be a paragraph's last: it closes a sentence (。！？, or a quotation or
/// bracket closed right after one). `；` `，` `”` alone never end a paragraph.
pub(crate) fn may_end_paragraph(t: &str) -> bool {
    let mut end = t.trim_end().chars().rev();
    let last = end.next();
    let stop = |c: Option<char>| c.is_some_and(|c| "。！？!?".contains(c));
    stop(last) || (last.is_some_and(|c| "」』”）)’\"".contains(c)) && stop(end.next()))
}

/// Whether a line `width` ems wide was cut by the wrap rather than ended: it fills the
/// column, or the next line's first word (a Latin word, a link, a figure, which the wrap does not
/// break) would not have fitted after it.
fn wrapped_before(width: f32, next: &str, column: f32) -> bool {
    let word: String = next
        .chars()
        .take_while(|c| c.is_ascii() && !c.is_ascii_whitespace())
        .collect();
    width >= column - SLACK || (!word.is_empty() && width + 0.33 + em_width(&word) > column)
}

/// Whether `t` reads as an item's title (no clause in it) and `next` as the text it heads.
fn title_before_text(t: &str, next: &str) -> bool {
    !t.contains(['，', '。', ',', '；'])
        && crate::import::opens_article(next)
        && em_width(t) <= 90.0
}

/// Rejoins the paragraphs of a hard-wrapped text (see the module's notes). `lines` are the
/// text's non-blank lines, page furniture already gone. Returns them unchanged when the text
/// is not hard-wrapped.
pub fn unwrap(lines: Vec<Line>, report: &mut Report) -> Vec<Line> {
    let Some(column) = column(&lines) else {
        return lines;
    };
    report.info(
        lines.first().map_or(1, |l| l.line),
        say!(
            "the text is wrapped at a column of about {column} characters (as a PDF extractor \
             gives it): lines that fill it are read as going on in the next",
            "文字在約 {column} 個字處折行（PDF 提取工具的輸出）：排滿一行的行視為接續下一行",
            column = format!("{column:.0}")
        ),
    );
    let blanks = blanks_end_paragraphs(&lines, column);
    let mut in_tables = false;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The width of the last line of the paragraph being built, while it may go on.
    let mut open: Option<f32> = None;
    for l in lines {
        let t = l.text.trim().to_string();
        if crate::import::is_tables_heading(&t) {
            in_tables = true;
        } else if crate::import::is_after_tables_heading(&t) {
            in_tables = false;
        }
        let t = closed_up(&t, l.line, report);
        let width = em_width(&t);
        let goes_on = open.is_some_and(|w| wrapped_before(w, &t, column));
        // A line that stopped a few characters short of the column may still have been cut (a
        // character the wrap would not put at a line's start, widths estimated): said.
        let near = open.is_some_and(|w| w >= column - SLACK - 2.5);
        let marked_break = blanks && l.blank_before;
        if near && !goes_on && !in_tables && !stands_alone(&t) && !marked_break {
            if let Some(prev) = out
                .last()
                .filter(|p| !closes(&p.text) && !title_before_text(&p.text, &t))
            {
                report.warn(
                    l.line,
                    say!(
                        "the line before stops a little short of the column, so this line is \
                         read as a new paragraph (after 「{end}」); if it goes on with the \
                         paragraph above, join them",
                        "上一行差一點才排滿，所以此行視為新段落（在「{end}」之後）；\
                         如它接續上一段，請把兩者接上",
                        end = excerpt_end(&prev.text)
                    ),
                );
            }
        }
        let joinable = goes_on
            && !in_tables
            && !marked_break
            && !stands_alone(&t)
            && out.last().is_some_and(|p| !closes(&p.text));
        open = (!in_tables).then_some(width);
        let l = Line {
            text: t.clone(),
            ..l
        };
        let Some(prev) = out.last_mut().filter(|_| joinable) else {
            out.push(l);
            continue;
        };
        // A title that fills its line, then a text opening with a date: two lines.
        if title_before_text(&prev.text, &t) {
            report.warn(
                l.line,
                say!(
                    "「{title}」 fills its line, so it may go on here; it is read as a title and \
                     this line, which opens with a date, as its text",
                    "「{title}」排滿一行，可能在此接續；現視它為標題，而以日期開頭的此行為其正文",
                    title = excerpt(&prev.text)
                ),
            );
            out.push(l);
            continue;
        }
        // A line that fills the column and closes a sentence may also end its paragraph:
        // without blank lines to say so, that is a guess.
        if may_end_paragraph(&prev.text) && !text::continues(&prev.text, &t) {
            report.warn(
                l.line,
                say!(
                    "the line before fills the column and ends a sentence: this line is read as \
                     going on with its paragraph (「{text}」); if a new paragraph starts here, \
                     break it in the text",
                    "上一行排滿並以句號等結束：此行視為接續該段（「{text}」）；\
                     如新段落由此開始，請在文字中分段",
                    text = excerpt(&t)
                ),
            );
        } else {
            report.info(
                l.line,
                say!(
                    "joined to the line above it (hard-wrapped text)",
                    "與上一行相連（文字已折行）"
                ),
            );
        }
        text::join_cut(&mut prev.text, &t);
    }
    spaces_beside_chinese(&mut out, report);
    out
}

/// The last characters of a paragraph, for a finding.
fn excerpt_end(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[chars.len().saturating_sub(12)..].iter().collect()
}

fn is_han(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

use text::is_cjk as is_cjk_mark;

/// Chinese meeting a digit or a Latin letter (`度99.9%`, `CargoX項目`), either way round.
fn mixed(a: char, b: char) -> bool {
    (is_han(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && is_han(b))
}

/// `（包括 ： 商 會 、 機 構`: a line the PDF stretched, which the extractor spaced out letter
/// by letter (most pairs of Chinese characters apart). Its spaces beside Chinese characters go.
fn closed_up(t: &str, line: usize, report: &mut Report) -> String {
    let chars: Vec<char> = t.chars().collect();
    let (mut spaced, mut pairs) = (0, 0);
    for w in chars.windows(3) {
        if is_cjk_mark(w[0]) && w[1] == ' ' && is_cjk_mark(w[2]) {
            spaced += 1;
        }
    }
    for w in chars.windows(2) {
        if is_cjk_mark(w[0]) && is_cjk_mark(w[1]) {
            pairs += 1;
        }
    }
    if spaced < 3 || spaced < pairs {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        if c == ' ' && (before.is_some_and(is_cjk_mark) || after.is_some_and(is_cjk_mark)) {
            continue;
        }
        out.push(c);
    }
    report.info(
        line,
        say!(
            "a line spaced out letter by letter (a stretched line of the PDF) closed up: 「{text}」",
            "逐字隔開的一行（PDF 拉寬的行）已收緊：「{text}」",
            text = excerpt(&out)
        ),
    );
    out
}

/// Spaces between a Chinese character and a digit or a Latin letter. An extractor adds them
/// where a PDF stretched a line, and Word's autospacing sets a gap there that extractors read as
/// a space; but the newsletter also prints some (`自 2007 年`). Where nearly all such places in
/// the text are spaced, it is autospacing and they go (said once); else each paragraph that
/// has one keeps it and says so.
fn spaces_beside_chinese(lines: &mut [Line], report: &mut Report) {
    let places = |t: &str| -> (usize, usize) {
        let chars: Vec<char> = t.chars().collect();
        let (mut spaced, mut all) = (0, 0);
        for (i, w) in chars.windows(2).enumerate() {
            if mixed(w[0], w[1]) {
                all += 1;
            }
            if w[1] == ' ' && chars.get(i + 2).is_some_and(|&c| mixed(w[0], c)) {
                spaced += 1;
                all += 1;
            }
        }
        (spaced, all)
    };
    let skip = |l: &Line| l.text.contains('\t') || text::as_url(&l.text).is_some();
    // `（ 2026）`, `《 Brain`: a space inside a full-width bracket is the extractor's.
    for l in lines.iter_mut().filter(|l| !skip(l)) {
        for (from, to) in [
            ("（ ", "（"),
            ("《 ", "《"),
            ("「 ", "「"),
            (" ）", "）"),
            (" 》", "》"),
            (" 」", "」"),
        ] {
            if l.text.contains(from) {
                l.text = l.text.replace(from, to);
                report.info(
                    l.line,
                    say!(
                        "a space inside full-width brackets left out",
                        "略去全形括號內的空格"
                    ),
                );
            }
        }
    }
    let (spaced, all) = lines
        .iter()
        .filter(|l| !skip(l))
        .map(|l| places(&l.text))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let autospaced = all >= 10 && spaced * 10 >= all * 6;
    if autospaced {
        report.warn(
            lines.first().map_or(1, |l| l.line),
            say!(
                "{spaced} of {all} places where Chinese meets a digit or a Latin letter have a \
                 space: read as the PDF's autospacing (Word sets a gap there), and removed; where \
                 the newsletter itself prints such a space (自 2007 年), check it against the PDF",
                "中文與數字或拉丁字母相接的 {all} 處中，{spaced} 處有空格：視為 PDF 的自動間距\
                 （Word 在此留空），已刪去；如通訊原文確有此空格（自 2007 年），請對照 PDF 核對",
                spaced,
                all
            ),
        );
    }
    for l in lines.iter_mut().filter(|l| !skip(l)) {
        if places(&l.text).0 == 0 {
            continue;
        }
        if autospaced {
            let chars: Vec<char> = l.text.chars().collect();
            let mut out = String::with_capacity(l.text.len());
            for (i, &c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
                let after = chars.get(i + 1).copied();
                let between = matches!((before, after), (Some(a), Some(b)) if mixed(a, b));
                if !(c == ' ' && between) {
                    out.push(c);
                }
            }
            l.text = out;
        } else {
            report.warn(
                l.line,
                say!(
                    "a space between Chinese and a digit or a Latin letter is kept as the text \
                     has it (「{text}」): an extractor adds one where the PDF stretched a line; \
                     check it against the PDF",
                    "中文與數字或拉丁字母之間的空格照文字保留（「{text}」）：PDF 拉寬的行經\
                     提取後會多出空格；請對照 PDF 核對",
                    text = excerpt(&l.text)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(source: &str) -> Vec<Line> {
        let mut blank = false;
        let mut out = vec![];
        for (i, t) in source.lines().enumerate() {
            if t.trim().is_empty() {
                blank = true;
                continue;
            }
            out.push(Line {
                line: i + 1,
                text: t.to_string(),
                blank_before: blank,
            });
            blank = false;
        }
        out
    }

    #[test]
    fn widths() {
        assert_eq!(em_width("上海市"), 3.0);
        assert!((em_width("2026年5月") - 4.5).abs() < 0.01);
    }

    #[test]
    fn a_paragraph_a_line_is_not_wrapped() {
        let source = std::fs::read_to_string("sources/issue-233.txt").unwrap();
        let mut report = Report::default();
        let ls = crate::import::normalize::physical_lines(&source, &mut report);
        assert_eq!(column(&ls), None);
    }

    #[test]
    fn numbered_items_are_not_figures() {
        assert!(numbered_item("7. 標題"));
        assert!(numbered_item("(12) 標題"));
        assert!(!numbered_item("5.4%的增長"));
        assert!(!numbered_item("2026年"));
    }

    #[test]
    fn wrapped_paragraphs_rejoin_whatever_a_line_ends_with() {
        let para = "甲乙丙丁戊己庚辛壬癸。甲乙丙丁戊己庚辛壬癸，甲乙丙丁戊己庚辛壬癸；甲乙丙丁戊己庚辛壬癸";
        let mut source = String::new();
        for _ in 0..9 {
            source.push_str(para);
            source.push('\n');
        }
        source.push_str("完。\n\n下一段開始，甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚\n辛壬癸。\n");
        let mut report = Report::default();
        let out = unwrap(lines(&source), &mut report);
        assert_eq!(out.len(), 2, "{out:#?}");
        assert!(out[0].text.ends_with("完。"));
        assert!(out[1].text.starts_with("下一段"));
    }
}
