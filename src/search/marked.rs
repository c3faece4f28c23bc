//! A hit's title and snippet: printed text with its matches marked.

use std::ops::Range;

/// A piece of printed text with the parts to highlight (byte ranges into `text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
    /// Whether the text was cut at its start or end (the reader shows "…").
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Characters of context around the first match in a snippet.
pub const BEFORE: usize = 24;
pub const AFTER: usize = 60;

/// Every occurrence of the terms in `folded`, merged, in order.
fn occurrences(folded: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut covered = vec![false; folded.len()];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        for (i, m) in folded.match_indices(term.as_str()) {
            covered[i..i + m.len()].fill(true);
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for (i, _) in covered.iter().enumerate().filter(|(_, c)| **c) {
        match merged.last_mut() {
            Some(last) if last.end == i => last.end = i + 1,
            _ => merged.push(i..i + 1),
        }
    }
    merged
}

/// The printed text (or a window of it around the first match) with its matches marked.
pub(super) fn marked(
    printed: &str,
    folded: &str,
    terms: &[String],
    window: Option<(usize, usize)>,
) -> Marked {
    debug_assert_eq!(printed.len(), folded.len());
    let all = occurrences(folded, terms);
    let (start, end) = match window {
        None => (0, printed.len()),
        Some((before, after)) => {
            let anchor = all.first().map_or(0, |r| r.start);
            let start = printed[..anchor]
                .char_indices()
                .rev()
                .nth(before.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            let end = printed[anchor..]
                .char_indices()
                .nth(after)
                .map_or(printed.len(), |(i, _)| anchor + i);
            (start, end)
        }
    };
    let marks = all
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Marked {
        text: printed[start..end].to_string(),
        marks,
        cut_before: start > 0,
        cut_after: end < printed.len(),
    }
}

impl Marked {
    /// The text as pieces, each flagged when it is a match: what the reader draws with <mark>.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut pieces = Vec::new();
        let mut at = 0;
        for r in &self.marks {
            if r.start > at {
                pieces.push((&self.text[at..r.start], false));
            }
            pieces.push((&self.text[r.clone()], true));
            at = r.end;
        }
        if at < self.text.len() {
            pieces.push((&self.text[at..], false));
        }
        pieces
    }
}
