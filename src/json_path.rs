//! The JSON path of a place in a bundle: `$.news_flash.groups[1].articles[0].title`, kept as its
//! steps so that whoever follows it (the preview, to the rendered item) reads fields and indices,
//! never the printed string.
//!
//! serde_json reports where a type error happened as a line and column; walking the text up to
//! there gives the path, so the validator can say which field is wrong without a second,
//! path-tracking deserializer (which doubled the deserialization code in the wasm).

use std::fmt;

/// One step down a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A path from the root of a JSON value. Printed (and serialised) as `$.a.b[2]`, with
/// `["odd key"]` for a key that is not an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(Vec<Step>);

impl JsonPath {
    /// `$`, the value itself.
    pub fn root() -> JsonPath {
        JsonPath::default()
    }

    /// This path, then a field.
    pub fn key(&self, key: &str) -> JsonPath {
        self.then(Step::Key(key.to_string()))
    }

    /// This path, then an element of an array.
    pub fn at(&self, index: usize) -> JsonPath {
        self.then(Step::Index(index))
    }

    fn then(&self, step: Step) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(step);
        JsonPath(steps)
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for step in &self.0 {
            match step {
                Step::Key(k) if is_identifier(k) => write!(f, ".{k}")?,
                Step::Key(k) => write!(f, "[{}]", serde_json::to_string(k).unwrap_or_default())?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

impl serde::Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// Reads a JSON string starting after its opening quote; returns it and the index after it.
fn read_string(bytes: &[u8], mut i: usize) -> (String, usize) {
    let start = i;
    let mut escaped = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if !escaped => escaped = true,
            b'"' if !escaped => break,
            _ => escaped = false,
        }
        i += 1;
    }
    let raw = String::from_utf8_lossy(&bytes[start..i.min(bytes.len())]);
    let decoded =
        serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.into_owned());
    (decoded, i + 1)
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The path of the value being read at byte `offset`. With `container`, the path of the object
/// or array around it instead (a missing field belongs to its object, not to the last key).
pub fn path_at(text: &str, offset: usize, container: bool) -> JsonPath {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let (s, next) = read_string(bytes, i + 1);
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(s);
                    }
                    expecting_key = false;
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if container {
        if let Some(Frame::Object { key }) = stack.last_mut() {
            *key = None;
        }
    }
    let steps = stack.into_iter().filter_map(|frame| match frame {
        Frame::Object { key } => key.map(Step::Key),
        Frame::Array { index } => Some(Step::Index(index)),
    });
    JsonPath(steps.collect())
}

/// The byte offset of a 1-based line and byte column, as serde_json counts them.
pub fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_objects_and_arrays() {
        let text = r#"{"a": {"b": [1, {"c": "x\"y", "d": 5}]}, "e": true}"#;
        let at = |needle: &str| {
            path_at(text, text.find(needle).unwrap() + needle.len(), false).to_string()
        };
        assert_eq!(at("\"d\": 5"), "$.a.b[1].d");
        assert_eq!(at("[1"), "$.a.b[0]");
        assert_eq!(at("\"e\": true"), "$.e");
        let path = path_at(text, text.find("}]").unwrap(), true);
        assert_eq!(path.to_string(), "$.a.b[1]");
        let steps = [Step::Key("a".into()), Step::Key("b".into()), Step::Index(1)];
        assert_eq!(path.steps(), steps);
        assert_eq!(path, JsonPath::root().key("a").key("b").at(1));
        let odd = path_at(r#"{"odd key": 1}"#, 13, false);
        assert_eq!(odd.to_string(), r#"$["odd key"]"#);
    }

    #[test]
    fn offsets_from_lines_and_columns() {
        let text = "{\n  \"a\": 1,\n  \"b\": }";
        assert_eq!(&text[byte_offset(text, 3, 8)..], "}");
    }
}
