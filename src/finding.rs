//! Findings: what the importer and the validator report, each with its place (a source line, a
//! JSON line and column, or a JSON path) so an editor, the CLI and the preview can point at it.

pub use crate::json_path::JsonPath;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Location {
    /// A line of the newsletter text (1-based).
    Line { line: usize },
    /// A place in a JSON file (1-based), for syntax errors.
    Text { line: usize, column: usize },
    /// A JSON path into a bundle: `$.news_flash.groups[0].articles[2].date`.
    Path { path: JsonPath },
    /// The input as a whole.
    Input,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
}

impl Finding {
    pub fn at_line(severity: Severity, line: usize, message: impl Into<String>) -> Self {
        let location = Location::Line { line };
        Finding {
            severity,
            location,
            message: message.into(),
        }
    }

    pub fn at_path(severity: Severity, path: JsonPath, message: impl Into<String>) -> Self {
        let location = Location::Path { path };
        Finding {
            severity,
            location,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line { line } => write!(f, "{line}"),
            Location::Text { line, column } => write!(f, "{line}:{column}"),
            Location::Path { path } => write!(f, "{path}"),
            Location::Input => Ok(()),
        }
    }
}

impl Finding {
    /// One line as the CLI prints it: `FILE:LINE:COL: error: …` for places in the text,
    /// `FILE: $.path: error: …` for JSON paths.
    pub fn render(&self, file: &str) -> String {
        match &self.location {
            Location::Line { .. } | Location::Text { .. } => {
                format!(
                    "{file}:{}: {}: {}",
                    self.location, self.severity, self.message
                )
            }
            Location::Path { path } => {
                format!("{file}: {path}: {}: {}", self.severity, self.message)
            }
            Location::Input => format!("{file}: {}: {}", self.severity, self.message),
        }
    }
}
