//! A page as trunk writes it (minified: unquoted attributes, optional tags left out) read into
//! tokens, so the publisher works on elements and attributes, never on substrings. Only what
//! a page shell holds is read: tags, text, comments, a doctype, and the raw text of `script`,
//! `style`, `title` and `textarea` (which may hold `<` and `>`). Values stay as written
//! (entities are not decoded): the shell's values are file names, hashes and code.

use std::ops::Range;

/// One token, and where it is in the page.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub range: Range<usize>,
    pub kind: Kind<'a>,
}

#[derive(Debug, Clone)]
pub enum Kind<'a> {
    /// An opening (or void) tag.
    Open(Tag<'a>),
    /// An element of raw text, whole: `<script …>text</script>`.
    Raw(Tag<'a>, &'a str),
    /// `</name>`, the name in lower case.
    Close(String),
    Text(&'a str),
    Comment,
    Doctype,
}

/// A tag's name (lower case) and attributes in order.
#[derive(Debug, Clone)]
pub struct Tag<'a> {
    pub name: String,
    pub attributes: Vec<Attribute<'a>>,
}

#[derive(Debug, Clone)]
pub struct Attribute<'a> {
    /// The name, lower case.
    pub name: String,
    /// The value as written, without its quotes; `None` for a bare attribute (`crossorigin`).
    pub value: Option<&'a str>,
    /// Where the whole attribute is, and where its value is (inside any quotes), in the page.
    pub range: Range<usize>,
    pub value_range: Option<Range<usize>>,
}

impl<'a> Tag<'a> {
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.unwrap_or(""))
    }

    /// Whether an attribute has this value, ignoring ASCII case (`rel=Preload`).
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case(value))
    }
}

/// What cannot be read, and where (a byte offset into the page).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} (byte {at})")]
pub struct Unreadable {
    pub what: &'static str,
    pub at: usize,
}

const RAW: [&str; 4] = ["script", "style", "title", "textarea"];

/// Every token of a page, in order; their ranges cover the page.
pub fn tokens(html: &str) -> Result<Vec<Token<'_>>, Unreadable> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let rest = &html[at..];
        let starts_tag = rest.starts_with('<')
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !starts_tag {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest[first..]
                .find('<')
                .map_or(html.len(), |e| at + first + e);
            out.push(Token {
                range: at..end,
                kind: Kind::Text(&html[at..end]),
            });
            at = end;
            continue;
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").ok_or(Unreadable {
                what: "a comment that is not closed",
                at,
            })? + at
                + 4
                + 3;
            out.push(Token {
                range: at..end,
                kind: Kind::Comment,
            });
            at = end;
            continue;
        }
        if rest.starts_with("<!") {
            let end = rest.find('>').ok_or(Unreadable {
                what: "a doctype that is not closed",
                at,
            })? + at
                + 1;
            out.push(Token {
                range: at..end,
                kind: Kind::Doctype,
            });
            at = end;
            continue;
        }
        if let Some(close) = rest.strip_prefix("</") {
            let end = close.find('>').ok_or(Unreadable {
                what: "a closing tag that is not closed",
                at,
            })?;
            let name = close[..end].trim().to_ascii_lowercase();
            let end = at + 2 + end + 1;
            out.push(Token {
                range: at..end,
                kind: Kind::Close(name),
            });
            at = end;
            continue;
        }
        let (tag, end) = open_tag(html, at)?;
        if RAW.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            let text_end = find_ignoring_case(&html[end..], &close)
                .map(|e| end + e)
                .ok_or(Unreadable {
                    what: "a script, style or title element that is not closed",
                    at,
                })?;
            let close_end = html[text_end..].find('>').ok_or(Unreadable {
                what: "a closing tag that is not closed",
                at: text_end,
            })? + text_end
                + 1;
            out.push(Token {
                range: at..close_end,
                kind: Kind::Raw(tag, &html[end..text_end]),
            });
            at = close_end;
        } else {
            out.push(Token {
                range: at..end,
                kind: Kind::Open(tag),
            });
            at = end;
        }
    }
    Ok(out)
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The tag opening at `start` (`<name attr=value …>`), and where it ends.
fn open_tag(html: &str, start: usize) -> Result<(Tag<'_>, usize), Unreadable> {
    let bytes = html.as_bytes();
    let unclosed = Unreadable {
        what: "a tag that is not closed",
        at: start,
    };
    let mut at = start + 1;
    while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'-') {
        at += 1;
    }
    let name = html[start + 1..at].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        match bytes.get(at) {
            None => return Err(unclosed),
            Some(b'>') => return Ok((Tag { name, attributes }, at + 1)),
            Some(b'/') if bytes.get(at + 1) == Some(&b'>') => {
                return Ok((Tag { name, attributes }, at + 2));
            }
            Some(b'/') => {
                at += 1;
                continue;
            }
            _ => {}
        }
        let name_start = at;
        while at < bytes.len() && !matches!(bytes[at], b'=' | b'>' | b'/') {
            if bytes[at].is_ascii_whitespace() {
                break;
            }
            at += 1;
        }
        let attribute_name = html[name_start..at].to_ascii_lowercase();
        let mut ws = at;
        while ws < bytes.len() && bytes[ws].is_ascii_whitespace() {
            ws += 1;
        }
        if bytes.get(ws) != Some(&b'=') {
            attributes.push(Attribute {
                name: attribute_name,
                value: None,
                range: name_start..at,
                value_range: None,
            });
            continue;
        }
        at = ws + 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let value_range = match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = html[at + 1..].find(q as char).ok_or(unclosed.clone())? + at + 1;
                let range = at + 1..end;
                at = end + 1;
                range
            }
            Some(_) => {
                let value_start = at;
                while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                    at += 1;
                }
                value_start..at
            }
            None => return Err(unclosed),
        };
        attributes.push(Attribute {
            name: attribute_name,
            value: Some(&html[value_range.clone()]),
            range: name_start..at,
            value_range: Some(value_range),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minified_shell_reads_as_elements_and_attributes() {
        let html = "<!doctype html><html lang=zh><meta charset=utf-8>\
<link href=./main-1.css integrity='sha384-a/b' rel=stylesheet crossorigin>\
<script type=module>if (a < b && c > d) go(`./x.js`)</script><!-- note --></head>\
<body><div id=app></div></body></html>";
        let tokens = tokens(html).unwrap();
        let covered: usize = tokens.iter().map(|t| t.range.len()).sum();
        assert_eq!(covered, html.len());
        let Kind::Open(link) = &tokens[3].kind else {
            panic!("{:?}", tokens[3])
        };
        assert_eq!(link.name, "link");
        assert_eq!(link.get("href"), Some("./main-1.css"));
        assert_eq!(link.get("integrity"), Some("sha384-a/b"));
        assert_eq!(link.get("crossorigin"), Some(""));
        assert!(link.is("rel", "STYLESHEET"));
        let Kind::Raw(script, text) = &tokens[4].kind else {
            panic!("{:?}", tokens[4])
        };
        assert_eq!(script.get("type"), Some("module"));
        assert_eq!(*text, "if (a < b && c > d) go(`./x.js`)");
        assert!(matches!(tokens[5].kind, Kind::Comment));
        assert!(matches!(&tokens[6].kind, Kind::Close(name) if name == "head"));
    }

    #[test]
    fn an_unclosed_tag_or_script_is_refused_with_where() {
        assert_eq!(
            tokens("<p>ok</p><script>x").unwrap_err(),
            Unreadable {
                what: "a script, style or title element that is not closed",
                at: 9
            }
        );
        assert_eq!(tokens("<link href=x").unwrap_err().at, 0);
        assert!(tokens("a < b, <!-- open").is_err());
        // Text of any script between tags.
        assert_eq!(tokens("跳到<a>正文</a>").unwrap().len(), 4);
    }
}
