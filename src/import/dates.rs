//! Dates as the newsletter prints them: 2026年5月15日, 2026年6月 3日至5日, 2026年 1月至3月,
//! 2026年5月（第233期）. Output is ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`).

/// Walks a string, reading numbers and expected characters; spaces are skipped.
struct Scanner<'a> {
    rest: &'a str,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner { rest: text }
    }

    fn skip_spaces(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn number(&mut self) -> Option<u32> {
        self.skip_spaces();
        let end = self
            .rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.rest.len());
        if end == 0 || end > 6 {
            return None;
        }
        let n = self.rest[..end].parse().ok()?;
        self.rest = &self.rest[end..];
        Some(n)
    }

    fn eat(&mut self, options: &[char]) -> bool {
        self.skip_spaces();
        match self.rest.chars().next() {
            Some(c) if options.contains(&c) => {
                self.rest = &self.rest[c.len_utf8()..];
                true
            }
            _ => false,
        }
    }

    /// Reads `N` followed by `unit`, without consuming anything when it does not match.
    fn number_then(&mut self, unit: char) -> Option<u32> {
        let saved = self.rest;
        match self.number() {
            Some(n) if self.eat(&[unit]) => Some(n),
            _ => {
                self.rest = saved;
                None
            }
        }
    }
}

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

fn iso_date(y: u32, m: u32, d: u32) -> Option<String> {
    (d >= 1 && d <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
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

/// The date an article opens with: `2026年5月15日，…` → `2026-05-15`. None for 近日 and the like.
pub fn leading_date(paragraph: &str) -> Option<String> {
    let mut s = Scanner::new(paragraph);
    let y = s.number_then('年')?;
    let m = s.number_then('月')?;
    let d = s.number_then('日')?;
    iso_date(y, m, d)
}

/// An event's dates: `2026年6月 3日至5日` → (2026-06-03, 2026-06-05); also `…至7月2日` and a
/// single day.
pub fn event_dates(text: &str) -> Option<(String, String)> {
    let mut s = Scanner::new(text);
    let y = s.number_then('年')?;
    let m = s.number_then('月')?;
    let d = s.number_then('日')?;
    let start = iso_date(y, m, d)?;
    if !s.eat(&['至', '-', '–', '－']) {
        s.skip_spaces();
        return s.rest.is_empty().then(|| (start.clone(), start));
    }
    let (y2, m2) = match s.number_then('年') {
        Some(y2) => (y2, s.number_then('月')?),
        None => (y, s.number_then('月').unwrap_or(m)),
    };
    let d2 = s.number_then('日')?;
    s.skip_spaces();
    if !s.rest.is_empty() {
        return None;
    }
    Some((start, iso_date(y2, m2, d2)?))
}

/// A table period: `2026年 1月至3月` → (2026-01, 2026-03).
pub fn period(text: &str) -> Option<(String, String)> {
    let mut s = Scanner::new(text);
    let y = s.number_then('年')?;
    let m1 = s.number_then('月')?;
    if !s.eat(&['至', '-', '–']) {
        return None;
    }
    let (y2, m2) = match s.number_then('年') {
        Some(y2) => (y2, s.number_then('月')?),
        None => (y, s.number_then('月')?),
    };
    s.skip_spaces();
    let ok = s.rest.is_empty() && (1..=12).contains(&m1) && (1..=12).contains(&m2);
    ok.then(|| (format!("{y:04}-{m1:02}"), format!("{y2:04}-{m2:02}")))
}

/// The masthead's dateline: `2026年5月（第233期）` → (`2026-05`, 233).
pub fn dateline(text: &str) -> Option<(String, u32)> {
    let mut s = Scanner::new(text);
    let y = s.number_then('年')?;
    let m = s.number_then('月')?;
    if !(1..=12).contains(&m) || !s.eat(&['（', '(']) || !s.eat(&['第']) {
        return None;
    }
    let n = s.number_then('期')?;
    s.eat(&['）', ')']).then(|| (format!("{y:04}-{m:02}"), n))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_dates() {
        assert_eq!(
            leading_date("2026年5月15日，香港…").as_deref(),
            Some("2026-05-15")
        );
        assert_eq!(leading_date("近日，山東省…"), None);
        assert_eq!(leading_date("2026年2月30日，"), None);
        assert_eq!(leading_date("4月30日起"), None);
    }

    #[test]
    fn event_date_ranges() {
        let r = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            event_dates("2026年6月 3日至5日"),
            r("2026-06-03", "2026-06-05")
        );
        assert_eq!(
            event_dates("2026年6月 11日至14日"),
            r("2026-06-11", "2026-06-14")
        );
        assert_eq!(
            event_dates("2026年6月30日至7月2日"),
            r("2026-06-30", "2026-07-02")
        );
        assert_eq!(event_dates("2026年6月3日"), r("2026-06-03", "2026-06-03"));
        assert_eq!(event_dates("2026年6月31日至7月2日"), None);
        assert_eq!(event_dates("六月"), None);
    }

    #[test]
    fn periods_and_datelines() {
        let p = period("2026年 1月至3月").unwrap();
        assert_eq!(p, ("2026-01".to_string(), "2026-03".to_string()));
        assert_eq!(
            dateline("2026年5月（第233期）"),
            Some(("2026-05".to_string(), 233))
        );
        assert_eq!(dateline("2026年13月（第233期）"), None);
    }

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
}
