//! How the reader, the charts, the plain pages and the validator write dates, periods and
//! figures as the newsletter prints them (2026年6月3日至5日, 2026年1月至3月, 13,526.9, +5.9%), and
//! read the ISO forms the bundle stores. One place, so every page says it the same way.

use crate::bundle::{Event, Figure};

pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Parses `YYYY-MM-DD`, checking the day exists.
pub fn parse_iso_date(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    (d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Parses `YYYY-MM`.
pub fn parse_iso_month(text: &str) -> Option<(u32, u32)> {
    let (y, m) = text.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// Formats `YYYY-MM-DD` as the newsletter does: 2026年6月3日.
pub fn format_zh_date(iso: &str) -> String {
    match parse_iso_date(iso) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => iso.to_string(),
    }
}

/// Formats an event's dates as the newsletter does: 2026年6月3日至5日.
pub fn format_zh_range(start: &str, end: &str) -> String {
    match (parse_iso_date(start), parse_iso_date(end)) {
        (Some(a), Some(b)) if a == b => format_zh_date(start),
        (Some((y1, m1, _)), Some((y2, m2, d2))) if y1 == y2 && m1 == m2 => {
            format!("{}至{d2}日", format_zh_date(start))
        }
        (Some((y1, _, _)), Some((y2, m2, d2))) if y1 == y2 => {
            format!("{}至{m2}月{d2}日", format_zh_date(start))
        }
        _ => format!("{}至{}", format_zh_date(start), format_zh_date(end)),
    }
}

/// Formats a period `YYYY-MM`..`YYYY-MM` as the table does: 2026年1月至3月.
pub fn format_zh_period(start: &str, end: &str) -> String {
    match (parse_iso_month(start), parse_iso_month(end)) {
        (Some((y1, m1)), Some((y2, m2))) if y1 == y2 => format!("{y1}年{m1}月至{m2}月"),
        (Some((y1, m1)), Some((y2, m2))) => format!("{y1}年{m1}月至{y2}年{m2}月"),
        _ => format!("{start}至{end}"),
    }
}

impl Figure {
    /// The figure as printed in the table: 13,526.9
    pub fn format_value(&self) -> String {
        group_thousands(&format!("{:.*}", self.decimals as usize, self.value))
    }

    /// A growth figure as printed: +5.9% (a minus sign for declines).
    pub fn format_percent(&self) -> String {
        let sign = if self.value > 0.0 { "+" } else { "" };
        format!("{sign}{:.*}%", self.decimals as usize, self.value)
    }
}

impl Event {
    /// The dates as the newsletter prints them (2026年6月3日至5日), or as printed when they could
    /// not be read.
    pub fn dates_text(&self) -> String {
        match (&self.start, &self.end) {
            (Some(start), Some(end)) => format_zh_range(start, end),
            _ => self.dates.clone().unwrap_or_default(),
        }
    }
}

/// What the reader shows for a figure the newsletter did not publish.
pub const NOT_PUBLISHED: &str = "—";

/// A figure that may not have been published, as printed: the figure, or "—".
pub trait PrintedFigure {
    fn format_value(&self) -> String;
    fn format_percent(&self) -> String;
}

impl PrintedFigure for Option<Figure> {
    fn format_value(&self) -> String {
        self.map_or_else(|| NOT_PUBLISHED.to_string(), |f| f.format_value())
    }

    fn format_percent(&self) -> String {
        self.map_or_else(|| NOT_PUBLISHED.to_string(), |f| f.format_percent())
    }
}

fn group_thousands(number: &str) -> String {
    let (sign, rest) = number.strip_prefix('-').map_or(("", number), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_parsing_and_formatting() {
        assert_eq!(parse_iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_iso_date("2026-02-29"), None);
        assert_eq!(parse_iso_date("2026-6-3"), None);
        assert_eq!(parse_iso_month("2026-13"), None);
        assert_eq!(
            format_zh_range("2026-06-03", "2026-06-05"),
            "2026年6月3日至5日"
        );
        assert_eq!(
            format_zh_range("2026-06-30", "2026-07-02"),
            "2026年6月30日至7月2日"
        );
        assert_eq!(format_zh_period("2026-01", "2026-03"), "2026年1月至3月");
    }
    #[test]
    fn figures_print_as_the_newsletter_does() {
        let f = |value, decimals| Figure { value, decimals };
        assert_eq!(f(13526.9, 1).format_value(), "13,526.9");
        assert_eq!(f(34483.0, 1).format_value(), "34,483.0");
        assert_eq!(f(999.0, 0).format_value(), "999");
        assert_eq!(f(-1234.5, 1).format_value(), "-1,234.5");
        assert_eq!(f(5.9, 1).format_percent(), "+5.9%");
        assert_eq!(f(34.0, 1).format_percent(), "+34.0%");
        assert_eq!(f(-2.5, 1).format_percent(), "-2.5%");
        assert_eq!(f(0.0, 1).format_percent(), "0.0%");
        assert_eq!(Some(f(5.9, 1)).format_percent(), "+5.9%");
        assert_eq!(None.format_value(), "—");
    }
}
