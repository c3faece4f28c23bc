//! The staff preview's draft, as plain Rust: what an editor pasted or opened, what the importer
//! or validator makes of it, where each finding points, and how drafts saved by two tabs are
//! kept from silently overwriting each other.

use crate::bundle::{ArchiveIndex, Issue};
use crate::finding::{Finding, Location};
use crate::import::import;
use crate::json_path::Step;
use crate::page::{Anchor, IssuePage, Section};
use crate::validate::validate_issue_json;
use serde::{Deserialize, Serialize};

/// What the draft holds: newsletter text for the importer, or a bundle for the validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftKind {
    Text,
    Json,
}

impl DraftKind {
    /// A file's kind from its name, else from its first character (`{` is a bundle).
    pub fn detect(file_name: Option<&str>, content: &str) -> DraftKind {
        let lower = file_name.map(str::to_ascii_lowercase);
        match lower.as_deref() {
            Some(n) if n.ends_with(".json") => DraftKind::Json,
            Some(n) if n.ends_with(".txt") => DraftKind::Text,
            _ if content
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
            {
                DraftKind::Json
            }
            _ => DraftKind::Text,
        }
    }

    /// The kind after an edit in the editor: the kind the draft has, which the editor chose or
    /// a file's name set, so a `.txt` that starts with `{` stays text however it is edited. Only
    /// a new draft is detected from its text: one typed or pasted into an empty editor, or
    /// pasted over most of the old one (less than half of it kept).
    pub fn after_edit(self, before: &str, after: &str) -> DraftKind {
        let prefix = (before.chars().zip(after.chars()))
            .take_while(|(a, b)| a == b)
            .count();
        let suffix = (before.chars().rev().zip(after.chars().rev()))
            .take_while(|(a, b)| a == b)
            .count();
        let kept = (prefix + suffix).min(before.chars().count());
        if before.trim().is_empty() || kept * 2 < before.chars().count() {
            DraftKind::detect(None, after)
        } else {
            self
        }
    }
}

/// What the importer or the validator made of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Processed {
    pub issue: Option<Issue>,
    /// Errors first, then warnings, then notes; each in the order of the source.
    pub findings: Vec<Finding>,
}

impl Processed {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// Ready to publish: a bundle and no error.
    pub fn publishable(&self) -> Option<&Issue> {
        self.issue.as_ref().filter(|_| self.errors() == 0)
    }
}

/// Runs the same importer as `sheto import` or the same validator as `sheto validate`.
pub fn process(kind: DraftKind, content: &str) -> Processed {
    let (issue, mut findings) = match kind {
        DraftKind::Text => {
            let outcome = import(content);
            // The importer already counts the validator's errors as its own; its warnings are
            // added so the preview shows what `sheto validate` would. The issue as read is drawn
            // even when refused, so each finding has a place to go.
            let mut findings = outcome.findings;
            if let Some(issue) = &outcome.parsed {
                let warnings = crate::validate::check_issue(issue).into_iter();
                findings.extend(warnings.filter(|f| !f.is_error()));
            }
            (outcome.parsed, findings)
        }
        DraftKind::Json => {
            let v = validate_issue_json(content.as_bytes());
            (v.value, v.findings)
        }
    };
    findings.sort_by_key(|f| f.severity);
    Processed { issue, findings }
}

/// Where clicking a finding takes the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A line (or line and column) of the draft's text.
    SourceLine {
        line: usize,
        column: usize,
    },
    /// A news item of the rendered draft, by the anchor its page gives it.
    Item(Anchor),
    /// A section of the rendered draft.
    Section(Section),
    /// The rendered draft as a whole (the masthead, the issue's number or month).
    Page,
    Nowhere,
}

impl Target {
    /// The element id of a place on the rendered draft.
    pub fn element_id(&self) -> Option<String> {
        match self {
            Target::Item(anchor) => Some(anchor.to_string()),
            Target::Section(section) => Some(section.id().to_string()),
            Target::Page => Some("main".to_string()),
            Target::SourceLine { .. } | Target::Nowhere => None,
        }
    }
}

/// The place a finding points at: its source line, or the rendered item or section of its path
/// (anchors and sections from the page model, as the page draws them).
pub fn target(finding: &Finding, issue: Option<&Issue>) -> Target {
    match &finding.location {
        Location::Line { line } => Target::SourceLine {
            line: *line,
            column: 1,
        },
        Location::Text { line, column } => Target::SourceLine {
            line: *line,
            column: *column,
        },
        Location::Input => Target::Nowhere,
        Location::Path { path } => {
            let Some((Step::Key(field), rest)) = path.steps().split_first() else {
                return Target::Page;
            };
            let Some(section) = Section::of_field(field) else {
                return Target::Page;
            };
            let item = match (section, rest) {
                (
                    Section::News,
                    [Step::Key(groups), Step::Index(g), Step::Key(articles), Step::Index(a), ..],
                ) if groups == "groups" && articles == "articles" => issue.and_then(|issue| {
                    let page = IssuePage::new(issue, issue.lang.into());
                    Some(page.news_item(*g, *a)?.anchor)
                }),
                _ => None,
            };
            item.map_or(Target::Section(section), Target::Item)
        }
    }
}

/// The draft as kept in the browser's storage, with who saved it last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDraft {
    pub kind: DraftKind,
    pub content: String,
    /// Which tab saved it.
    pub tab: String,
    /// Goes up by one at every save, from any tab.
    pub revision: u64,
    /// Milliseconds since the epoch.
    pub saved_at: f64,
}

/// What a tab should do when it wants to save over what storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveDecision {
    /// Storage holds nothing newer than this tab last saw: save as `revision`.
    Save { revision: u64 },
    /// Another tab saved since: ask the editor which draft to keep.
    Conflict,
}

/// `seen` is the revision this tab last loaded or saved.
pub fn decide_save(stored: Option<&StoredDraft>, tab: &str, seen: u64) -> SaveDecision {
    match stored {
        Some(s) if s.tab != tab && s.revision > seen => SaveDecision::Conflict,
        Some(s) => SaveDecision::Save {
            revision: s.revision.max(seen) + 1,
        },
        None => SaveDecision::Save { revision: seen + 1 },
    }
}

/// The index to publish with a draft: the current one with the draft's entry added or replaced.
pub fn index_with(current: Option<&ArchiveIndex>, issue: &Issue) -> ArchiveIndex {
    let mut index = current.cloned().unwrap_or(ArchiveIndex {
        older: vec![],
        schema_version: crate::bundle::SCHEMA_VERSION,
        issues: vec![],
    });
    index.upsert(issue.index_entry());
    index
}
