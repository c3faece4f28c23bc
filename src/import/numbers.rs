//! Figures as the data table prints them: 13,526.9 and +5.9%.

use crate::bundle::Figure;
use crate::import::text::fold_ascii;

/// How a table cell printed a figure that was not published: a dash, a slash, 不適用, N/A, or
/// nothing at all.
pub fn is_missing_mark(cell: &str) -> bool {
    let t = fold_ascii(cell);
    let t = t.trim();
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '-' | '/' | '~' | '…' | '─' | '―'))
        || [
            "不適用",
            "不适用",
            "無",
            "无",
            "暫無",
            "暂无",
            "未公佈",
            "未公布",
            "n/a",
            "na",
            "n.a.",
        ]
        .iter()
        .any(|m| t.eq_ignore_ascii_case(m))
}

/// A cell of the data table: a figure, a figure not published, or neither.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Figure(Figure),
    Missing,
    Unreadable,
}

impl Cell {
    pub fn read(text: &str, percent: bool) -> Cell {
        let figure = if percent {
            parse_growth(text)
        } else {
            parse_amount(text)
        };
        match figure {
            Some(f) => Cell::Figure(f),
            None if is_missing_mark(text) => Cell::Missing,
            None => Cell::Unreadable,
        }
    }
}

/// Whether a figure's thousands are grouped as printed figures group them: 13,526.9, 9 000,
/// 34483.0 — never `11,698,5` or `+5,8` (a comma typed for a point), which are not read.
fn grouped_right(text: &str) -> bool {
    let int = text.split('.').next().unwrap_or(text);
    let groups: Vec<&str> = int.split([',', ' ', '\u{a0}']).collect();
    groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3))
}

fn decimal(text: &str) -> Option<Figure> {
    if !grouped_right(text) || text.matches('.').count() > 1 {
        return None;
    }
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}'))
        .collect();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || frac.len() > 6 {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    Some(Figure {
        value,
        decimals: frac.len() as u8,
    })
}

/// `13,526.9` → 13526.9 with 1 decimal.
pub fn parse_amount(text: &str) -> Option<Figure> {
    decimal(fold_ascii(text).trim())
}

/// `+5.9%` → 5.9; `-2.1%` and `−2.1%` → -2.1.
pub fn parse_percent(text: &str) -> Option<Figure> {
    let folded = fold_ascii(text);
    let t = folded.trim();
    let t = t.strip_suffix('%')?.trim();
    let (negative, t) = match t.chars().next()? {
        '+' | '＋' => (false, &t[t.chars().next()?.len_utf8()..]),
        '-' | '−' | '－' => (true, &t[t.chars().next()?.len_utf8()..]),
        _ => (false, t),
    };
    let f = decimal(t)?;
    Some(Figure {
        value: if negative { -f.value } else { f.value },
        ..f
    })
}

/// A growth cell: `+5.9%`, or `+5.9` in a column headed (%).
pub fn parse_growth(text: &str) -> Option<Figure> {
    parse_percent(text).or_else(|| parse_percent(&format!("{}%", text.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_percentages() {
        assert_eq!(
            parse_amount("13,526.9"),
            Some(Figure {
                value: 13526.9,
                decimals: 1
            })
        );
        assert_eq!(
            parse_amount("34,483.0"),
            Some(Figure {
                value: 34483.0,
                decimals: 1
            })
        );
        assert_eq!(
            parse_amount("9 000"),
            Some(Figure {
                value: 9000.0,
                decimals: 0
            })
        );
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount("11,698,5"), None);
        assert_eq!(parse_percent("+5,8%"), None);
        assert_eq!(
            parse_amount("1,234,567.8").map(|f| f.value),
            Some(1234567.8)
        );
        assert_eq!(parse_amount(""), None);
        assert_eq!(
            parse_percent("+5.9%"),
            Some(Figure {
                value: 5.9,
                decimals: 1
            })
        );
        assert_eq!(
            parse_percent("−2.5%"),
            Some(Figure {
                value: -2.5,
                decimals: 1
            })
        );
        assert_eq!(parse_percent("5.9"), None);
        assert_eq!(parse_percent("＋５．９％"), parse_percent("+5.9%"));
        assert_eq!(parse_amount("１３，５２６．９"), parse_amount("13,526.9"));
        for missing in ["—", "–", "-", "/", "不適用", "", " ", "N/A"] {
            assert_eq!(Cell::read(missing, true), Cell::Missing, "{missing}");
        }
        assert_eq!(Cell::read("abc", false), Cell::Unreadable);
        assert_eq!(Cell::read("+5.9", true), Cell::read("+5.9%", true));
    }
}
