//! The importer's findings as it goes: every line it cannot place is reported, never dropped.

use crate::finding::{Finding, Severity};
use crate::import::text::{excerpt, Block};

#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.findings
            .push(Finding::at_line(Severity::Error, line, message));
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.findings
            .push(Finding::at_line(Severity::Warning, line, message));
    }

    pub fn info(&mut self, line: usize, message: impl Into<String>) {
        self.findings
            .push(Finding::at_line(Severity::Info, line, message));
    }

    /// A block the importer found no place for, in the part it was in.
    pub fn unplaced(&mut self, block: &Block, part: &str) {
        let text = excerpt(&block.text);
        self.warn(
            block.line,
            format!("text not placed in {part}, left out: 「{text}」"),
        );
    }
}
