//! Findings: what the importer and the validator report, each with its place (a source line, a
//! JSON line and column, or a JSON path) so an editor, the CLI and the preview can point at it.

use crate::i18n::Lang;
pub use crate::json_path::JsonPath;
use serde::Serialize;
use std::borrow::Cow;
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
    pub message: Message,
}

/// What a finding says, in English (the CLI's language, and what `Display` and `Deref` give) and
/// in Traditional Chinese; Simplified is the Traditional template converted, so text quoted from
/// the draft stays as the editor wrote it. Built with [`say!`](crate::say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    en: String,
    zh: Cow<'static, str>,
    args: Vec<(&'static str, String)>,
}

/// A finding's message in English and Traditional Chinese, with named holes filled from the
/// arguments: `say!("{n} items", "{n} 則", n)` or `say!("…{part}…", "…{part}…", part = name)`.
#[macro_export]
macro_rules! say {
    (@value $name:ident) => { $name };
    (@value $name:ident, $value:expr) => { $value };
    ($en:literal, $zh:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::finding::Message::new(
            $en,
            $zh,
            vec![$((stringify!($name), $crate::say!(@value $name $(, $value)?).to_string())),*],
        )
    };
}

impl Message {
    pub fn new(en: &'static str, zh: &'static str, args: Vec<(&'static str, String)>) -> Self {
        debug_assert!(
            holes(en) == holes(zh) && holes(en).len() == args.len(),
            "message holes differ: {en:?} / {zh:?} / {args:?}"
        );
        Message {
            en: fill(en, &args),
            zh: Cow::Borrowed(zh),
            args,
        }
    }

    /// A message only the CLI shows (about files on disk): English in every language.
    pub fn english(en: impl Into<String>) -> Self {
        let en = en.into();
        Message {
            zh: Cow::Owned(en.replace('{', "{{")),
            en,
            args: Vec::new(),
        }
    }

    /// A count of notes like `like` that were not listed one by one, the last at this line.
    pub fn more_like(n: usize, like: &Message) -> Self {
        Message {
            en: format!("{n} more like this, up to here: {}", like.en),
            zh: Cow::Owned(format!("另有 {n} 則同類備註，至此：{}", like.zh)),
            args: like.args.clone(),
        }
    }

    /// What kind of message this is: its wording before the holes are filled.
    pub fn kind(&self) -> Cow<'static, str> {
        self.zh.clone()
    }

    /// The message in an interface's language.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            Lang::Hant => fill(&self.zh, &self.args),
            Lang::Hans => fill(&simplified(&self.zh), &self.args),
        }
    }
}

#[cfg(feature = "simplified-findings")]
fn simplified(template: &str) -> String {
    crate::convert::to_simplified(template)
}

/// Without the converter (the reader's wasm), the 繁 wording.
#[cfg(not(feature = "simplified-findings"))]
fn simplified(template: &str) -> String {
    template.to_string()
}

/// The `{name}` holes of a template, sorted.
fn holes(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Fills `{name}` from the arguments; `{{` is a brace. Unknown holes stay as written.
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(tail) = after.strip_prefix('{') {
            out.push('{');
            rest = tail;
            continue;
        }
        let value = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// In JSON (the CLI's `--format json`), the English text.
impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en)
    }
}

impl Finding {
    pub fn at_line(severity: Severity, line: usize, message: impl Into<Message>) -> Self {
        let location = Location::Line { line };
        Finding {
            severity,
            location,
            message: message.into(),
        }
    }

    pub fn at_path(severity: Severity, path: JsonPath, message: impl Into<Message>) -> Self {
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

impl Severity {
    /// The severity's name in the interface.
    pub fn label(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        }
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
        self.render_in(file, Lang::En)
    }

    /// The same with the message in another language (`sheto … --lang zh-Hant`).
    pub fn render_in(&self, file: &str, lang: Lang) -> String {
        let (severity, message) = (self.severity, self.message.text(lang));
        match &self.location {
            Location::Line { .. } | Location::Text { .. } => {
                format!("{file}:{}: {severity}: {message}", self.location)
            }
            Location::Path { path } => format!("{file}: {path}: {severity}: {message}"),
            Location::Input => format!("{file}: {severity}: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_in_each_language_and_quotes_the_draft_as_written() {
        let text = "經貿數據";
        let m = say!(
            "text not placed in {part}, left out: 「{text}」",
            "未能歸入「{part}」的文字，已略去：「{text}」",
            part = "聯絡方式",
            text
        );
        assert_eq!(&*m, "text not placed in 聯絡方式, left out: 「經貿數據」");
        assert_eq!(m.text(Lang::En), &*m);
        assert_eq!(
            m.text(Lang::Hant),
            "未能歸入「聯絡方式」的文字，已略去：「經貿數據」"
        );
        // The wording is converted; what is quoted from the draft is not.
        assert_eq!(
            m.text(Lang::Hans),
            "未能归入「聯絡方式」的文字，已略去：「經貿數據」"
        );
        assert_eq!(serde_json::to_value(&m).unwrap(), serde_json::json!(&*m));
    }

    #[test]
    fn a_count_of_notes_keeps_the_language_of_the_note() {
        let n = 3;
        let note = say!("page {n} left out", "略去第 {n} 頁", n);
        let more = Message::more_like(120, &note);
        assert_eq!(&*more, "120 more like this, up to here: page 3 left out");
        assert_eq!(
            more.text(Lang::Hant),
            "另有 120 則同類備註，至此：略去第 3 頁"
        );
        assert_eq!(more.kind(), "另有 120 則同類備註，至此：略去第 {n} 頁");
    }

    #[test]
    fn a_value_that_looks_like_a_hole_is_not_filled_again() {
        let m = say!("link {url}", "連結 {url}", url = "https://x/{url}");
        assert_eq!(m.text(Lang::Hant), "連結 https://x/{url}");
        let cli = Message::english("file {x} missing");
        assert_eq!(cli.text(Lang::Hans), "file {x} missing");
        assert_eq!(cli.text(Lang::En), "file {x} missing");
    }
}
