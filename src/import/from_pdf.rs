//! A PDF's text with its geometry → the newsletter's text as the importer reads it (a paragraph
//! a line, a table's row a line with its cells apart by tabs), using what text alone loses:
//! - running headers, footers and page numbers are told by their place, repeated across pages;
//! - a line that stops short of the column's right edge ends its paragraph, and so do a change
//!   of size or weight, and a gap wider than the line spacing; one that reaches the edge goes on,
//!   on the next page too;
//! - a table's cells are found by position: its columns from the row with the most cells, each
//!   cell's lines joined, and each cell put in the row of the first column's cell beside it;
//! - a link wrapped over lines is joined as its link annotation says, where the PDF has one.
//!
//! Every output line knows the page and line it came from, so findings can name them.

use crate::finding::{Finding, Severity};
use crate::import::normalize::is_page_number;
use crate::import::text;
use crate::pdf::{Line as PdfLine, PdfText, Span};
use crate::say;

/// Where an output line came from: its page and its line on that page (both 1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub page: usize,
    pub line: usize,
}

/// The PDF's text as the importer reads it.
#[derive(Debug, Default)]
pub struct Extracted {
    pub text: String,
    /// One per line of `text`.
    pub origins: Vec<Origin>,
    /// What was left out or could not be read (page furniture, unmapped glyphs).
    pub findings: Vec<Finding>,
}

impl Extracted {
    /// `page 3, line 12` for a line of `text` (1-based).
    pub fn place(&self, line: usize) -> Option<Origin> {
        self.origins.get(line.checked_sub(1)?).copied()
    }
}

/// A line of the PDF with where it stands.
struct Placed<'a> {
    page: usize,
    /// 1-based, among the page's lines.
    index: usize,
    line: &'a PdfLine,
}

impl Placed<'_> {
    fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.line.spans {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s.text.trim());
        }
        out
    }

    fn bottom(&self) -> f32 {
        self.line.top + self.line.size
    }

    fn origin(&self) -> Origin {
        Origin {
            page: self.page,
            line: self.index,
        }
    }
}

/// A line's key for recurring on other pages: its words with digits hidden (page numbers
/// change), and its size.
fn furniture_key(l: &PdfLine) -> String {
    let words: String = l
        .spans
        .iter()
        .flat_map(|s| s.text.chars())
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    format!("{words}@{}", l.size.round())
}

/// Page furniture: in a page's top or bottom tenth, a page number, or a line that recurs
/// there on other pages.
fn furniture(pdf: &PdfText) -> Vec<Vec<bool>> {
    let band = |p: &crate::pdf::Page, l: &PdfLine| l.top < p.height * 0.1 || l.top > p.height * 0.9;
    let mut pages_with: std::collections::HashMap<String, usize> = Default::default();
    for p in &pdf.pages {
        let mut keys: Vec<String> = p
            .lines
            .iter()
            .filter(|l| band(p, l))
            .map(furniture_key)
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *pages_with.entry(k).or_default() += 1;
        }
    }
    let recurring = (pdf.pages.len() / 3).max(2);
    pdf.pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| {
                    let text: String = l.spans.iter().map(|s| s.text.as_str()).collect();
                    band(p, l)
                        && (is_page_number(&text)
                            || pages_with.get(&furniture_key(l)).copied().unwrap_or(0) >= recurring)
                })
                .collect()
        })
        .collect()
}

/// The column's right edge: where most long lines end.
fn right_edge(lines: &[Placed]) -> f32 {
    let mut ends: Vec<f32> = lines
        .iter()
        .filter(|l| l.line.spans.len() == 1 && l.text().chars().count() >= 12)
        .map(|l| l.line.x1)
        .collect();
    ends.sort_by(|a, b| a.total_cmp(b));
    ends.get(ends.len() * 9 / 10).copied().unwrap_or(f32::MAX)
}

/// The link annotations' targets as the text prints them: percent-escapes decoded (`%20` is
/// the space printed in a link, `%E5%B1%95` a Chinese letter).
fn link_targets(pdf: &PdfText) -> Vec<String> {
    pdf.pages
        .iter()
        .flat_map(|p| {
            p.links
                .iter()
                .map(|l| crate::view_state::percent_decoded(&l.uri, false))
        })
        .collect()
}

/// Joins the next line of a paragraph or a cell onto what is there. Inside a link the wrap
/// kept no space unless the link's annotation (or, without one, the link's own characters:
/// a break after `/` `-` `_` `.`) says otherwise.
/// What joins consult: the link annotations' targets, and the document's own text (every
/// line, a line each), to see how a phrase cut by a wrap is printed where it is not cut.
struct Known {
    links: Vec<String>,
    lines: String,
}

impl Known {
    /// How the document prints `a` then `b` where they stand on one line: with a space
    /// between (Some(true)), without (Some(false)), or nowhere.
    fn spacing(&self, a: &str, b: &str) -> Option<bool> {
        let tail: String = {
            let chars: Vec<char> = a.chars().collect();
            chars[chars.len().saturating_sub(6)..].iter().collect()
        };
        let head: String = b.chars().take(4).collect();
        if tail.is_empty() || head.is_empty() {
            return None;
        }
        if self.lines.contains(&format!("{tail} {head}")) {
            Some(true)
        } else if self.lines.contains(&format!("{tail}{head}")) {
            Some(false)
        } else {
            None
        }
    }
}

/// Joins the next line of a cell, where the wrap may have fallen at a space or, in a narrow
/// cell, inside a word: as the document prints the phrase elsewhere; else a Latin word going
/// on in lower case was cut (said), and a space stood before anything else Latin.
fn join_in_cell(into: &mut String, next: &str, known: &Known, findings: &mut Vec<Finding>) {
    let next = next.trim();
    let latin_end = into.ends_with(|c: char| c.is_ascii_alphanumeric());
    let ascii_start = next.starts_with(|c: char| c.is_ascii_graphic());
    if !ascii_start || into.ends_with(char::is_whitespace) || url_at_end(into).is_some() {
        return join(into, next, known);
    }
    let space = known.spacing(into, next).unwrap_or_else(|| {
        let cut_word = latin_end && next.starts_with(|c: char| c.is_ascii_lowercase());
        let cjk_end = into.ends_with(|c: char| !c.is_ascii() && c.is_alphabetic());
        if cjk_end && next.starts_with(|c: char| c.is_ascii_alphabetic() || c == '(') {
            // `…中心` / `(SNIEC)`: Chinese text may run into Latin with or without a space.
            findings.push(Finding {
                severity: Severity::Warning,
                location: crate::finding::Location::Input,
                message: say!(
                    "a table cell's 「{cell}」 goes on with 「{next}」 on the next line: joined \
                     with no space; check it against the PDF",
                    "表格一格中的「{cell}」在下一行接「{next}」：已直接相連，不加空格；\
                     請對照 PDF 核對",
                    cell = text::excerpt(into),
                    next = next.split_whitespace().next().unwrap_or("")
                ),
            });
        }
        if cut_word {
            let word: String = next.split_whitespace().next().unwrap_or("").to_string();
            findings.push(Finding {
                severity: Severity::Warning,
                location: crate::finding::Location::Input,
                message: say!(
                    "a table cell's 「{cell}」 and 「{word}」 on the next line read as one word cut \
                     by the cell's width (no space): check it against the PDF",
                    "表格一格中的「{cell}」與下一行的「{word}」視為被格寬截斷的一個字\
                     （不加空格）：請對照 PDF 核對",
                    cell = text::excerpt(into),
                    word
                ),
            });
        }
        !cut_word && latin_end
    });
    if space {
        into.push(' ');
    }
    into.push_str(next);
}

/// Where a link begins at the end of `text`, if one does (no space after it).
fn url_at_end(text: &str) -> Option<usize> {
    text.rfind("http://")
        .max(text.rfind("https://"))
        .filter(|&at| !text[at..].contains(char::is_whitespace))
}

fn join(into: &mut String, next: &str, known: &Known) {
    let links = &known.links;
    let next = next.trim();
    let Some(at) = url_at_end(into).filter(|_| next.starts_with(|c: char| c.is_ascii_graphic()))
    else {
        // `改革` / `打造`: a space that stood at the line's end is not drawn; where the document
        // prints the phrase on one line, it says whether there is one.
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if word(into.chars().next_back())
            && word(next.chars().next())
            && known.spacing(into, next) == Some(true)
        {
            into.push(' ');
            into.push_str(next);
        } else {
            text::join_cut(into, next);
        }
        return;
    };
    let url = &into[at..];
    let word: &str = next.split_whitespace().next().unwrap_or("");
    let closed = format!("{url}{word}");
    let spaced = format!("{url} {word}");
    let by_annotation = if links.iter().any(|l| l.starts_with(&closed)) {
        Some(false)
    } else if links.iter().any(|l| l.starts_with(&spaced)) {
        Some(true)
    } else {
        None
    };
    let space = by_annotation.unwrap_or_else(|| {
        !(url.ends_with(['/', '-', '_', '.', '=', '?', '&', '#', '%'])
            || next.starts_with(['/', '-', '_', '.', '=', '?', '&', '#', '%']))
            && url.ends_with(|c: char| c.is_ascii_alphabetic())
            && next.starts_with(|c: char| c.is_ascii_uppercase())
    });
    if space {
        into.push(' ');
    }
    into.push_str(next);
}

/// A table as the importer reads it: a row a line, cells apart by tabs.
fn table_rows(
    rows: &[&Placed],
    known: &Known,
    findings: &mut Vec<Finding>,
) -> Vec<(Origin, String)> {
    // Columns: between them runs a gap that every full row (a line with the most cells) leaves
    // open. A column begins where the gap does: a centred heading ends before it, and a
    // left-set cell of the next column starts after it.
    let most = rows.iter().map(|l| l.line.spans.len()).max().unwrap_or(0);
    if most == 0 {
        return vec![];
    }
    let mut starts: Vec<f32> = vec![f32::MIN; most];
    for l in rows.iter().filter(|l| l.line.spans.len() == most) {
        for (k, pair) in l.line.spans.windows(2).enumerate() {
            starts[k + 1] = starts[k + 1].max(pair[0].x1 + 0.5);
        }
    }
    let column = |s: &Span| starts.iter().rposition(|&x| x <= s.x0).unwrap_or(0);
    // Each column's pieces, top to bottom, gathered into cells where they follow closely.
    struct Cell<'a> {
        column: usize,
        top: f32,
        bottom: f32,
        origin: Origin,
        pieces: Vec<&'a str>,
    }
    let mut cells: Vec<Cell> = Vec::new();
    for c in 0..starts.len() {
        let mut open: Option<Cell> = None;
        for l in rows {
            for s in l.line.spans.iter().filter(|s| column(s) == c) {
                let near = open
                    .as_ref()
                    .is_some_and(|o| l.line.top - o.bottom < 0.7 * l.line.size);
                match open.as_mut() {
                    Some(o) if near => {
                        o.pieces.push(&s.text);
                        o.bottom = l.bottom();
                    }
                    _ => {
                        cells.extend(open.take());
                        open = Some(Cell {
                            column: c,
                            top: l.line.top,
                            bottom: l.bottom(),
                            origin: l.origin(),
                            pieces: vec![&s.text],
                        });
                    }
                }
            }
        }
        cells.extend(open);
    }
    // Rows: one per cell of the first column; every other cell joins the row it overlaps most
    // (cells may be set at the top or the middle of their row), else the nearest.
    let mut anchors: Vec<&Cell> = cells.iter().filter(|c| c.column == 0).collect();
    anchors.sort_by(|a, b| a.top.total_cmp(&b.top));
    if anchors.is_empty() {
        return vec![];
    }
    let mut grid: Vec<Vec<Vec<&Cell>>> = vec![vec![vec![]; starts.len()]; anchors.len()];
    for cell in &cells {
        let overlap = |a: &Cell| a.bottom.min(cell.bottom) - a.top.max(cell.top);
        let centre = |a: &Cell| ((a.top + a.bottom) - (cell.top + cell.bottom)).abs();
        let row = (0..anchors.len())
            .max_by(|&i, &j| {
                let (oi, oj) = (overlap(anchors[i]), overlap(anchors[j]));
                if oi > 0.0 || oj > 0.0 {
                    oi.total_cmp(&oj)
                } else {
                    centre(anchors[j]).total_cmp(&centre(anchors[i]))
                }
            })
            .unwrap_or(0);
        grid[row][cell.column].push(cell);
    }
    grid.iter()
        .zip(&anchors)
        .map(|(row, anchor)| {
            let texts: Vec<String> = row
                .iter()
                .map(|cells| {
                    let mut text = String::new();
                    let mut sorted = cells.clone();
                    sorted.sort_by(|a, b| a.top.total_cmp(&b.top));
                    for c in sorted {
                        // Cells above one another in a row (a heading over its period): words.
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        for p in &c.pieces {
                            if text.is_empty() || text.ends_with(' ') {
                                text.push_str(p.trim());
                            } else {
                                join_in_cell(&mut text, p, known, findings);
                            }
                        }
                    }
                    text
                })
                .collect();
            (anchor.origin, texts.join("\t"))
        })
        .collect()
}

/// Whether a line is a table's: three cells or more on it.
fn is_table_line(l: &Placed) -> bool {
    l.line.spans.len() >= 3
}

/// Which lines are a table's: those with three cells or more, and the lines close above and
/// below them on their page (a heading's row with fewer cells, a cell's next lines), up to a
/// part's or a city's heading or a line of prose as wide as the column.
fn table_lines(body: &[Placed], right: f32) -> Vec<bool> {
    let mut marked: Vec<bool> = body.iter().map(is_table_line).collect();
    let left = body.iter().map(|l| l.line.x0).fold(f32::MAX, f32::min);
    // `line` joins the table at `near`, its neighbour: close enough (a cell's next line
    // right below; a heading's row, with its padding, above), and not a heading or prose.
    let joins = |near: &Placed, line: &Placed, gap: f32| {
        let t = line.text();
        let t = t.trim();
        near.page == line.page
            && gap
                < if line.line.top > near.line.top {
                    0.7
                } else {
                    1.5
                } * near.line.size
            && !crate::import::is_part_heading(t)
            && !text::ends_with_colon(t)
            && !(line.line.spans.len() == 1 && line.line.x1 - line.line.x0 > 0.8 * (right - left))
    };
    // Down, then up, from every marked line.
    for i in 1..body.len() {
        let gap = body[i].line.top - body[i - 1].bottom();
        if marked[i - 1] && !marked[i] && joins(&body[i - 1], &body[i], gap) {
            marked[i] = true;
        }
    }
    for i in (0..body.len().saturating_sub(1)).rev() {
        let gap = body[i + 1].line.top - body[i].bottom();
        if marked[i + 1] && !marked[i] && joins(&body[i + 1], &body[i], gap) {
            marked[i] = true;
        }
    }
    marked
}

/// The text of a PDF, read as the importer reads a text (see the module's notes).
pub fn extract(pdf: &PdfText) -> Extracted {
    let mut findings = Vec::new();
    if pdf.unmapped > 0 {
        findings.push(Finding {
            severity: Severity::Warning,
            location: crate::finding::Location::Input,
            message: say!(
                "{n} character(s) of the PDF have no Unicode meaning in its fonts and read as �: \
                 check the text against the PDF",
                "PDF 中有 {n} 個字元在其字型中沒有 Unicode 對應，讀作 �：請對照 PDF 核對文字",
                n = pdf.unmapped
            ),
        });
    }
    let furniture = furniture(pdf);
    let mut body: Vec<Placed> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    let mut pages_with_furniture = 0;
    for (p, page) in pdf.pages.iter().enumerate() {
        pages_with_furniture += usize::from(furniture[p].iter().any(|f| *f));
        for (i, l) in page.lines.iter().enumerate() {
            let placed = Placed {
                page: page.number,
                index: i + 1,
                line: l,
            };
            let text = placed.text();
            if furniture[p][i] {
                if !left_out.contains(&text) && left_out.len() < 4 {
                    left_out.push(text);
                }
            } else if !text.trim().is_empty() {
                body.push(placed);
            }
        }
    }
    if pages_with_furniture > 0 {
        findings.push(Finding {
            severity: Severity::Info,
            location: crate::finding::Location::Input,
            message: say!(
                "running headers, footers and page numbers left out on {pages} page(s): 「{lines}」",
                "已略去 {pages} 頁上的頁眉、頁腳及頁碼：「{lines}」",
                pages = pages_with_furniture,
                lines = left_out.join("」 「")
            ),
        });
    }
    let right = right_edge(&body);
    let known = Known {
        links: link_targets(pdf),
        lines: body.iter().map(|l| l.text() + "\n").collect(),
    };
    let in_table = table_lines(&body, right);
    let mut out: Vec<(Origin, String)> = Vec::new();
    // The paragraph being built, and its last line (to tell whether it goes on).
    let mut para: Option<(Origin, String)> = None;
    let mut last: Option<&Placed> = None;
    let mut i = 0;
    while i < body.len() {
        let l = &body[i];
        // A table: the run of lines marked as one (see `table_lines`).
        if in_table[i] {
            let end = (i..body.len())
                .take_while(|&j| in_table[j])
                .last()
                .unwrap_or(i);
            out.extend(para.take());
            // Each page's part of the table on its own: a header repeated after the page
            // break is the importer's to drop.
            let rows: Vec<&Placed> = body[i..=end].iter().collect();
            for page_rows in rows.chunk_by(|a, b| a.page == b.page) {
                out.extend(table_rows(page_rows, &known, &mut findings));
            }
            last = None;
            i = end + 1;
            continue;
        }
        // Side by side on one line outside a table (公眾號 視頻號): a line each.
        if l.line.spans.len() == 2 {
            out.extend(para.take());
            for s in &l.line.spans {
                out.push((l.origin(), s.text.trim().to_string()));
            }
            last = None;
            i += 1;
            continue;
        }
        let t = l.text();
        let goes_on = match (last, para.as_ref()) {
            (Some(prev), Some((_, p))) => {
                let reached_edge = prev.line.x1 >= right - 1.2 * prev.line.size;
                let same_style =
                    prev.line.bold == l.line.bold && (prev.line.size - l.line.size).abs() < 0.6;
                let gap_ok =
                    prev.page != l.page || l.line.top - prev.bottom() < 0.6 * prev.line.size;
                // The next word did not fit (a link, a Latin word the wrap does not break).
                let word: String = t.chars().take_while(|c| c.is_ascii_graphic()).collect();
                let word_width = crate::import::layout::em_width(&word) * l.line.size;
                let no_room = !word.is_empty() && prev.line.x1 + word_width > right;
                (reached_edge || no_room)
                    && same_style
                    && gap_ok
                    && !crate::import::layout::stands_alone(&t)
                    && !crate::import::layout::closes(p)
            }
            _ => false,
        };
        match para.as_mut() {
            Some((_, p)) if goes_on => {
                // A line that reaches the edge and closes a sentence may also end its paragraph
                // (a paragraph style with no spacing after it): joined, and said.
                if crate::import::layout::may_end_paragraph(p) && !text::continues(p, &t) {
                    findings.push(Finding {
                        severity: Severity::Warning,
                        location: crate::finding::Location::Input,
                        message: say!(
                            "page {page}, line {line}: the line before reaches the column's edge \
                             and ends a sentence, so this line is read as going on with its \
                             paragraph (「{text}」); if a new paragraph starts here, break it in \
                             the text",
                            "第 {page} 頁第 {line} 行：上一行排到欄邊並以句號等結束，所以此行\
                             視為接續該段（「{text}」）；如新段落由此開始，請在文字中分段",
                            page = l.page,
                            line = l.index,
                            text = text::excerpt(&t)
                        ),
                    });
                }
                join(p, &t, &known)
            }
            _ => {
                out.extend(para.take());
                para = Some((l.origin(), t));
            }
        }
        last = Some(l);
        i += 1;
    }
    out.extend(para);
    let mut text = String::new();
    let mut origins = Vec::with_capacity(out.len());
    for (origin, line) in out {
        text.push_str(&line);
        text.push('\n');
        origins.push(origin);
    }
    Extracted {
        text,
        origins,
        findings,
    }
}
