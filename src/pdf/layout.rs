//! Groups glyphs into lines and spans: glyphs on one baseline make a line, read left to right;
//! a wide gap inside a line (table cells, side-by-side columns) separates spans; a narrower
//! one is a word space, since PDFs rarely draw spaces and only leave room for them.

use super::content::Glyph;
use super::{Line, Span};

/// Baselines closer than this (× the smaller font size) are one line.
const SAME_LINE: f32 = 0.3;
/// A gap wider than this (× em) between Latin glyphs is a word space (for PDFs that leave
/// room for spaces instead of drawing them).
const WORD_GAP: f32 = 0.15;
/// The same between a CJK and a Latin glyph: wider, since Word and LibreOffice put about a
/// quarter em there ("autospace") that is no space in the text.
const MIXED_GAP: f32 = 0.5;
/// A gap wider than this (× em) between two CJK glyphs starts a new span. CJK text is set
/// solid (justified lines spread it by at most 0.3 em in the newsletter), while table cells
/// stand 0.6–1.5 em apart.
const SPAN_GAP_CJK: f32 = 0.6;
/// The same for other glyphs on a page that draws its spaces (Word, LibreOffice, Chromium):
/// word spaces are glyphs there, so a wide empty gap is a cell boundary.
const SPAN_GAP_DRAWN_SPACES: f32 = 0.6;
/// The same on a page that draws no spaces, where a word space of a loosely justified line
/// can be wide.
const SPAN_GAP: f32 = 1.0;
/// A space glyph counts only if it stands in the gap between two glyphs: LibreOffice draws
/// stray spaces on top of the first and last letters of a link. This much overlap (× em) is
/// let pass.
const SPACE_OVERLAP: f32 = 0.15;
/// A glyph drawn again this close (× size) to the same glyph is an overprint (a poor man's
/// bold), not a second character.
const OVERPRINT: f32 = 0.1;

/// Whether a character is set without spaces between words: Han, kana, bopomofo, CJK and
/// full-width punctuation. Not Hangul, which uses spaces.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF
        | 0x3000..=0x303F
        | 0x3040..=0x31FF
        | 0x3200..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE1F
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

fn is_space(glyph: &Glyph) -> bool {
    glyph.text.chars().all(char::is_whitespace)
}

/// Groups a page's glyphs (in drawing order) into lines, top to bottom.
pub(crate) fn lines(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut lines = Vec::new();
    let (rotated, flat): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(|g| g.rotated);
    let draws_spaces = flat.iter().any(is_space);
    // Visible and invisible text never share a line: an OCR layer under a text layer would
    // otherwise be read twice, interleaved.
    for invisible in [false, true] {
        let mut row_glyphs: Vec<&Glyph> =
            flat.iter().filter(|g| g.invisible == invisible).collect();
        // A stable sort keeps drawing order among equal baselines.
        row_glyphs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
        let mut row: Vec<&Glyph> = Vec::new();
        let mut anchor: Option<(f32, f32)> = None;
        for glyph in row_glyphs {
            if let Some((baseline, size)) = anchor {
                let tolerance = SAME_LINE * size.min(glyph.size).max(1.0);
                if (glyph.baseline - baseline).abs() > tolerance {
                    lines.extend(line(std::mem::take(&mut row), invisible, draws_spaces));
                    anchor = None;
                }
            }
            if anchor.is_none() {
                anchor = Some((glyph.baseline, glyph.size));
            }
            row.push(glyph);
        }
        lines.extend(line(row, invisible, draws_spaces));
    }
    // Rotated and vertical text: each run of glyphs drawn by one operator is a line of its own,
    // in drawing order.
    let mut run: Vec<&Glyph> = Vec::new();
    for glyph in &rotated {
        if run
            .last()
            .is_some_and(|last| last.run != glyph.run || last.invisible != glyph.invisible)
        {
            lines.extend(rotated_line(std::mem::take(&mut run)));
        }
        run.push(glyph);
    }
    lines.extend(rotated_line(run));
    lines.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    lines
}

/// Running totals of a span or line.
#[derive(Default)]
struct SpanText {
    x0: f32,
    x1: f32,
    text: String,
}

/// One line from the glyphs of one baseline.
fn line(mut row: Vec<&Glyph>, invisible: bool, draws_spaces: bool) -> Option<Line> {
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // Drop overprints, marking what they thicken as bold.
    let mut glyphs: Vec<(&Glyph, bool)> = Vec::with_capacity(row.len());
    for glyph in row {
        if let Some((last, bold)) = glyphs.last_mut() {
            let close = OVERPRINT * glyph.size.max(last.size);
            if last.text == glyph.text
                && (last.x0 - glyph.x0).abs() < close
                && (last.baseline - glyph.baseline).abs() < close
            {
                if !is_space(glyph) {
                    *bold = true;
                }
                continue;
            }
        }
        glyphs.push((glyph, glyph.bold));
    }

    let solid: Vec<&Glyph> = glyphs
        .iter()
        .map(|(g, _)| *g)
        .filter(|g| !is_space(g))
        .collect();
    if solid.is_empty() {
        return None;
    }
    let stretched = evenly_spread(&glyphs);
    let latin_split = if draws_spaces {
        SPAN_GAP_DRAWN_SPACES
    } else {
        SPAN_GAP
    };

    let mut spans: Vec<Span> = Vec::new();
    let mut current: Option<SpanText> = None;
    // The extent of the space glyphs since the last other glyph.
    let mut spaces: Option<(f32, f32)> = None;
    let mut last_x1 = f32::NEG_INFINITY;
    let mut last_char: Option<char> = None;
    let mut last_size = 0.0f32;
    for (glyph, _) in &glyphs {
        if is_space(glyph) {
            if current.is_some() {
                spaces = Some(match spaces {
                    Some((x0, x1)) => (x0.min(glyph.x0), x1.max(glyph.x1)),
                    None => (glyph.x0, glyph.x1),
                });
            }
            continue;
        }
        let em = last_size.max(glyph.size).max(0.1);
        let overlap = SPACE_OVERLAP * em;
        let space = spaces
            .take()
            .filter(|(x0, x1)| *x0 >= last_x1 - overlap && *x1 <= glyph.x0 + overlap);
        // A drawn space bridges the gap it fills.
        let gap = glyph.x0 - space.map_or(last_x1, |(_, x1)| x1.max(last_x1));
        let first = glyph.text.chars().next();
        let both_cjk = last_char.is_some_and(is_cjk) && first.is_some_and(is_cjk);
        let any_cjk = last_char.is_some_and(is_cjk) || first.is_some_and(is_cjk);
        let split = if both_cjk { SPAN_GAP_CJK } else { latin_split };
        match current.as_mut() {
            Some(span) if gap <= split * em || stretched => {
                let word_gap = if any_cjk { MIXED_GAP } else { WORD_GAP };
                // Between Chinese and Latin text on a page that draws its spaces, a gap is
                // Word's autospacing however wide the line was stretched: only a drawn space
                // is one.
                let gap_is_space = !both_cjk && gap > word_gap * em && !(any_cjk && draws_spaces);
                if space.is_some() || gap_is_space {
                    span.text.push(' ');
                }
                span.text.push_str(&glyph.text);
                span.x1 = span.x1.max(glyph.x1);
            }
            _ => {
                if let Some(done) = current.take() {
                    spans.push(finish(done));
                }
                current = Some(SpanText {
                    x0: glyph.x0,
                    x1: glyph.x1,
                    text: glyph.text.clone(),
                });
            }
        }
        last_x1 = last_x1.max(glyph.x1);
        last_char = glyph.text.chars().last();
        last_size = glyph.size;
    }
    if let Some(done) = current.take() {
        spans.push(finish(done));
    }

    let x0 = spans.first().map_or(0.0, |s| s.x0);
    let x1 = spans.iter().map(|s| s.x1).fold(x0, f32::max);
    let mut baselines: Vec<f32> = solid.iter().map(|g| g.baseline).collect();
    baselines.sort_by(f32::total_cmp);
    let baseline = baselines.get(baselines.len() / 2).copied().unwrap_or(0.0);
    let top = solid
        .iter()
        .map(|g| g.baseline - g.ascent)
        .fold(baseline, f32::min);
    let chars: usize = solid.iter().map(|g| g.text.chars().count()).sum();
    let bold_chars: usize = glyphs
        .iter()
        .filter(|(g, bold)| *bold && !is_space(g))
        .map(|(g, _)| g.text.chars().count())
        .sum();
    Some(Line {
        x0,
        x1,
        top,
        baseline,
        size: main_size(&solid),
        bold: bold_chars * 2 > chars,
        invisible,
        spans,
    })
}

fn finish(span: SpanText) -> Span {
    Span {
        x0: span.x0,
        x1: span.x1,
        text: span.text.trim().to_string(),
    }
}

/// The font size most of a line's characters have (the larger on a tie), so that one small
/// footnote mark does not make a body line small, nor a big initial make it big.
fn main_size(glyphs: &[&Glyph]) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for glyph in glyphs {
        let size = (glyph.size * 10.0).round() / 10.0;
        let chars = glyph.text.chars().count();
        match counts.iter_mut().find(|(s, _)| (*s - size).abs() < 0.05) {
            Some((_, n)) => *n += chars,
            None => counts.push((size, chars)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
        .map_or(0.0, |(s, _)| *s)
}

/// Whether a line's glyphs are spread evenly with wide gaps: a justified line of few CJK
/// characters stretched over the column, which is one run of text, not table cells.
fn evenly_spread(glyphs: &[(&Glyph, bool)]) -> bool {
    let solid: Vec<&Glyph> = glyphs
        .iter()
        .map(|(g, _)| *g)
        .filter(|g| !is_space(g))
        .collect();
    if solid.len() < 4 {
        return false;
    }
    let mut min = f32::INFINITY;
    let mut max = f32::NEG_INFINITY;
    for pair in solid.windows(2) {
        let [a, b] = pair else { continue };
        let em = a.size.max(b.size).max(0.1);
        let gap = (b.x0 - a.x1) / em;
        min = min.min(gap);
        max = max.max(gap);
    }
    min > SPAN_GAP_CJK && max < min * 1.5
}

/// A line from one run of rotated or vertical glyphs, in drawing order.
fn rotated_line(run: Vec<&Glyph>) -> Option<Line> {
    let first = run.first()?;
    let text: String = run.iter().map(|g| g.text.as_str()).collect();
    let text = text.trim().to_string();
    if text.is_empty() {
        return None;
    }
    let x0 = run.iter().map(|g| g.x0).fold(f32::INFINITY, f32::min);
    let x1 = run.iter().map(|g| g.x1).fold(f32::NEG_INFINITY, f32::max);
    let top = run
        .iter()
        .map(|g| g.baseline - g.ascent)
        .fold(f32::INFINITY, f32::min);
    let baseline = run
        .iter()
        .map(|g| g.baseline)
        .fold(f32::NEG_INFINITY, f32::max);
    let bold = run.iter().filter(|g| g.bold).count() * 2 > run.len();
    Some(Line {
        x0,
        x1,
        top,
        baseline,
        size: main_size(&run),
        bold,
        invisible: first.invisible,
        spans: vec![Span { x0, x1, text }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x0: f32, width: f32, baseline: f32, text: &str) -> Glyph {
        Glyph {
            x0,
            x1: x0 + width,
            baseline,
            size: 10.0,
            ascent: 8.0,
            text: text.to_string(),
            bold: false,
            invisible: false,
            rotated: false,
            run: 0,
        }
    }

    fn texts(lines: &[Line]) -> Vec<Vec<&str>> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn words_cells_and_lines() {
        let glyphs = vec![
            // Second line drawn first.
            glyph(10.0, 5.0, 120.0, "b"),
            glyph(10.0, 5.0, 100.0, "a"),
            glyph(15.0, 5.0, 100.2, "b"),
            // A word space (3 pt = 0.3 em).
            glyph(23.0, 5.0, 99.9, "c"),
            // A table cell 30 pt on.
            glyph(58.0, 10.0, 100.0, "香"),
            glyph(68.5, 10.0, 100.0, "港"),
            // Latin after CJK with no gap: no space.
            glyph(78.5, 5.0, 100.0, "A"),
        ];
        let lines = lines(glyphs);
        assert_eq!(texts(&lines), vec![vec!["ab c", "香港A"], vec!["b"]]);
        assert_eq!(lines[0].x0, 10.0);
        assert_eq!(lines[0].x1, 83.5);
        // The highest glyph (baseline 99.9) reaches 8 pt above its baseline.
        assert!((lines[0].top - 91.9).abs() < 1e-3);
    }

    #[test]
    fn explicit_spaces_and_overprint() {
        let glyphs = vec![
            glyph(10.0, 5.0, 100.0, "a"),
            glyph(15.0, 2.5, 100.0, " "),
            glyph(17.5, 5.0, 100.0, "b"),
            glyph(17.6, 5.0, 100.0, "b"),
        ];
        let lines = lines(glyphs);
        assert_eq!(texts(&lines), vec![vec!["a b"]]);
        assert!(!lines[0].bold, "one of two characters overprinted");
    }

    #[test]
    fn stretched_cjk_line_stays_one_span() {
        let glyphs: Vec<Glyph> = "詳情請參看："
            .chars()
            .enumerate()
            .map(|(i, c)| glyph(10.0 + 40.0 * i as f32, 10.0, 100.0, &c.to_string()))
            .collect();
        assert_eq!(texts(&lines(glyphs)), vec![vec!["詳情請參看："]]);
    }
}
