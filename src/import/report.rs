//! The importer's findings as it goes: every line it cannot place is reported, never dropped.

use crate::finding::{Finding, Message, Severity};
use crate::import::text::{excerpt, Block};
use crate::say;
use std::borrow::Cow;

/// Adds a line of text to a part's paragraphs. A line that continues the one before — that one
/// stops mid-sentence (a page break, a hard wrap), or stops at a closing bracket and this one
/// goes on with 的, 、, ，… — is joined to it, as a note; a list item (●, ■, 1、, (1)) always
/// starts its own paragraph. Returns whether it started one.
pub fn push_paragraph(
    paragraphs: &mut Vec<String>,
    text: &str,
    line: usize,
    report: &mut Report,
) -> bool {
    use crate::import::text::{continues, is_list_item};
    // Neither a list item nor what follows a list goes onto the paragraph before it.
    let list_item = is_list_item(text);
    match paragraphs.last_mut() {
        Some(last) if !list_item && !is_list_item(last) && continues(last, text) => {
            report.info(
                line,
                say!(
                    "joined to the paragraph above it, cut by a page break",
                    "與上一段相連（原文在換頁處斷開）"
                ),
            );
            crate::import::text::join_cut(last, text);
            false
        }
        _ => {
            paragraphs.push(text.to_string());
            true
        }
    }
}

/// Notes (not warnings) of one kind listed before the rest are only counted: 100 000 page
/// breaks in a pasted text make one summary, not 100 000 lines.
const NOTES_LISTED: usize = 50;

/// Notes of one kind: how many, and the last one not listed (its line and message).
type Seen = (usize, Option<(usize, Message)>);

#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Notes by kind (their wording): how many were seen, and the last of those not listed.
    notes: std::collections::HashMap<Cow<'static, str>, Seen>,
}

impl Report {
    pub fn error(&mut self, line: usize, message: Message) {
        self.findings
            .push(Finding::at_line(Severity::Error, line, message));
    }

    pub fn warn(&mut self, line: usize, message: Message) {
        self.findings
            .push(Finding::at_line(Severity::Warning, line, message));
    }

    /// A note, counted by its kind (its wording before the holes are filled): past the first
    /// few of a kind, only how many there were is said.
    pub fn info(&mut self, line: usize, message: Message) {
        let seen = self.notes.entry(message.kind()).or_insert((0, None));
        seen.0 += 1;
        if seen.0 <= NOTES_LISTED {
            self.findings
                .push(Finding::at_line(Severity::Info, line, message));
        } else {
            seen.1 = Some((line, message));
        }
    }

    /// The findings, with a count of the notes not listed one by one.
    pub fn finish(mut self) -> Vec<Finding> {
        let mut more: Vec<_> = self
            .notes
            .into_values()
            .filter_map(|(n, last)| Some((n.checked_sub(NOTES_LISTED)?, last?)))
            .collect();
        more.sort_by_key(|(_, (line, _))| *line);
        for (n, (line, message)) in more {
            let message = Message::more_like(n, &message);
            self.findings
                .push(Finding::at_line(Severity::Info, line, message));
        }
        self.findings
    }

    /// Whether an error was reported: then no bundle is written.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// A block the importer found no place for, in the part it was in.
    pub fn unplaced(&mut self, block: &Block, part: &str) {
        let text = excerpt(block.text);
        self.warn(
            block.line,
            say!(
                "text not placed in {part}, left out: 「{text}」",
                "未能歸入「{part}」的文字，已略去：「{text}」",
                part,
                text
            ),
        );
    }
}
