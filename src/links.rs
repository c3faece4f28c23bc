//! Links in reader-facing text: which URLs may become `href`s, and where emails sit in a
//! paragraph so they can be linked.

/// The URL as an `href` when its scheme is safe to follow (http, https, mailto, tel); None for
/// anything else (`javascript:`, `data:`…), which is then shown as plain text.
pub fn safe_href(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        .then_some(trimmed)
}

/// A piece of a paragraph: text, or an email address to link.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Email(&'a str),
}

fn is_email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// Splits a paragraph around the email addresses in it.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest_start = 0;
    for (at, _) in text.match_indices('@') {
        if at < rest_start {
            continue;
        }
        let start = text[rest_start..at]
            .rfind(|c: char| !is_email_char(c))
            .map_or(rest_start, |i| {
                rest_start
                    + i
                    + text[rest_start + i..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8)
            });
        let end = text[at + 1..]
            .find(|c: char| !is_email_char(c))
            .map_or(text.len(), |i| at + 1 + i);
        let end = start.max(text[..end].trim_end_matches('.').len());
        let domain = &text[at + 1..end.max(at + 1)];
        if start == at || !domain.contains('.') {
            continue;
        }
        if start > rest_start {
            out.push(Segment::Text(&text[rest_start..start]));
        }
        out.push(Segment::Email(&text[start..end]));
        rest_start = end;
    }
    if rest_start < text.len() {
        out.push(Segment::Text(&text[rest_start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_become_links() {
        assert_eq!(safe_href("https://a.b"), Some("https://a.b"));
        assert_eq!(safe_href("mailto:x@y.z"), Some("mailto:x@y.z"));
        assert_eq!(safe_href("JavaScript:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
        assert_eq!(safe_href("//evil"), None);
    }

    #[test]
    fn emails_in_chinese_text() {
        let s = segments("電郵至：yukizhang@sheto.gov.hk 通知本辦。");
        assert_eq!(
            s,
            [
                Segment::Text("電郵至："),
                Segment::Email("yukizhang@sheto.gov.hk"),
                Segment::Text(" 通知本辦。")
            ]
        );
        assert_eq!(segments("沒有電郵"), [Segment::Text("沒有電郵")]);
        assert_eq!(segments("a@b 不是"), [Segment::Text("a@b 不是")]);
        assert_eq!(
            segments("寄 x@y.hk."),
            [
                Segment::Text("寄 "),
                Segment::Email("x@y.hk"),
                Segment::Text(".")
            ]
        );
    }
}
