//! Dates as the newsletter prints them: 2026年5月15日, 2026年6月 3日至5日, 2026年 1月至3月,
//! 2026年5月（第233期）. Output is ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`). Full-width digits and
//! punctuation read as their ASCII twins.

use crate::format::days_in_month;
use crate::import::text::fold_ascii;

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

fn iso_date(y: u32, m: u32, d: u32) -> Option<String> {
    (d >= 1 && d <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// What an article's first paragraph opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeadingDate {
    /// A full date: `2026年5月15日，…`, `2026.5.10`, `2026/5/10` → `2026-05-15`.
    Full(String),
    /// Something that reads as a date but is not a whole one (`2026年5月，`, `5月10日，`): the
    /// date is left null and the text is named in a warning.
    Partial(String),
    /// No date: 近日, 日前, a sentence.
    None,
}

/// Range separators between two dates or days: 至, 到, a hyphen or dash, a tilde.
const RANGE: [char; 5] = ['至', '到', '-', '~', '〜'];
/// Separators inside a numeric date (2026.5.10, 2026/5/10, 2026-5-10).
const NUMERIC: [char; 3] = ['.', '/', '-'];

/// Year, month and day at the start of a scanner: `2026年5月15日` (日 optional when a range
/// follows), `2026.5.10`, `2026/5/10`, `2026-5-10`.
fn read_date(s: &mut Scanner) -> Option<(u32, u32, u32)> {
    let saved = s.rest;
    let y = s.number()?;
    if y >= 1000 && s.eat(&['年']) {
        let m = s.number_then('月')?;
        let d = s.number()?;
        s.eat(&['日', '號']);
        return Some((y, m, d));
    }
    for sep in NUMERIC {
        let mut t = Scanner { rest: s.rest };
        if y >= 1000 && t.eat(&[sep]) {
            if let Some(m) = t.number() {
                if t.eat(&[sep]) {
                    if let Some(d) = t.number() {
                        s.rest = t.rest;
                        return Some((y, m, d));
                    }
                }
            }
        }
    }
    s.rest = saved;
    None
}

/// The date an article opens with.
pub fn leading_date(paragraph: &str) -> LeadingDate {
    let folded = fold_ascii(paragraph);
    let mut s = Scanner::new(&folded);
    if let Some((y, m, d)) = read_date(&mut s) {
        return match iso_date(y, m, d) {
            Some(iso) => LeadingDate::Full(iso),
            None => LeadingDate::Partial(consumed(&folded, s.rest)),
        };
    }
    // 2026年5月 with no day; 5月10日 with no year.
    let mut s = Scanner::new(&folded);
    let partial = match s.number_then('年') {
        Some(_) => s.number_then('月').is_some(),
        None => s.number_then('月').is_some() && s.number_then('日').is_some(),
    };
    if partial {
        LeadingDate::Partial(consumed(&folded, s.rest))
    } else {
        LeadingDate::None
    }
}

/// The text a scanner has read.
fn consumed(text: &str, rest: &str) -> String {
    text[..text.len() - rest.len()].trim().to_string()
}

/// An event's dates, read from the table's date cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub start: String,
    pub end: String,
    /// The end's year was not printed and is the year after the start's (12月28日至1月3日).
    pub next_year: bool,
}

/// An event's dates: `2026年6月 3日至5日`, `…至7月2日`, `11-14日`, `11日-14日`, `11至14日`,
/// `12月28日至1月3日` (into the next year), `2026.6.3`, or a single day.
pub fn event_dates(text: &str) -> Option<DateRange> {
    let folded = fold_ascii(text);
    let mut s = Scanner::new(&folded);
    let (y, m, d) = read_date(&mut s)?;
    let start = iso_date(y, m, d)?;
    if !s.eat(&RANGE) {
        s.skip_spaces();
        return s.rest.is_empty().then(|| DateRange {
            end: start.clone(),
            start,
            next_year: false,
        });
    }
    // The end: [年] [月] 日, or numbers separated as the start's were.
    let mut numbers = vec![];
    while let Some(n) = s.number() {
        numbers.push(n);
        let unit = ['年', '月', '日', '號', '.', '/', '-']
            .into_iter()
            .find(|c| s.eat(&[*c]));
        if matches!(unit, None | Some('日' | '號')) {
            break;
        }
    }
    s.skip_spaces();
    if !s.rest.is_empty() {
        return None;
    }
    let (y2, m2, d2, year_printed) = match numbers.as_slice() {
        [d2] => (y, m, *d2, false),
        [m2, d2] => (y, *m2, *d2, false),
        [y2, m2, d2] => (*y2, *m2, *d2, true),
        _ => return None,
    };
    let next_year = !year_printed && m2 < m;
    let y2 = if next_year { y + 1 } else { y2 };
    let end = iso_date(y2, m2, d2)?;
    (end >= start).then_some(DateRange {
        start,
        end,
        next_year,
    })
}

/// A table period: `2026年 1月至3月` → (2026-01, 2026-03); also `2026年1-3月`, `1月至4月份`, a
/// single month (`2026年4月`), `2025年全年`, `2026年上半年`, `2026年第一季度` / `一季度`, and
/// `前三季度`.
pub fn period(text: &str) -> Option<(String, String)> {
    let folded = fold_ascii(text);
    let folded: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let folded = folded.strip_suffix('份').unwrap_or(&folded);
    let mut s = Scanner::new(folded);
    let y = s.number_then('年')?;
    let months = |m1: u32, m2: u32| Some((format!("{y:04}-{m1:02}"), format!("{y:04}-{m2:02}")));
    // Named spans of a year.
    let quarter = |q: &str| {
        ["一", "二", "三", "四"]
            .iter()
            .position(|n| *n == q)
            .map(|i| i as u32 + 1)
            .or_else(|| q.parse().ok().filter(|q| (1..=4).contains(q)))
    };
    match s.rest {
        "全年" | "年度" => return months(1, 12),
        "上半年" => return months(1, 6),
        "下半年" => return months(7, 12),
        "前三季度" => return months(1, 9),
        "首季" | "首季度" => return months(1, 3),
        rest => {
            let q = rest.strip_prefix('第').unwrap_or(rest);
            let q = q.strip_suffix('度').unwrap_or(q);
            if let Some(q) = q.strip_suffix('季').and_then(quarter) {
                return months(3 * q - 2, 3 * q);
            }
            // 前4個月 / 前4个月: the year's first months.
            let first = rest
                .strip_prefix('前')
                .and_then(|r| r.strip_suffix("個月").or_else(|| r.strip_suffix("个月")))
                .and_then(|n| n.parse::<u32>().ok().or_else(|| quarter(n)))
                .filter(|n| (1..=12).contains(n));
            if let Some(n) = first {
                return months(1, n);
            }
        }
    }
    let m1 = s.number()?;
    let has_month = s.eat(&['月']);
    if !s.eat(&RANGE) {
        s.skip_spaces();
        return (has_month && s.rest.is_empty() && (1..=12).contains(&m1))
            .then(|| months(m1, m1))
            .flatten();
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
    let folded = fold_ascii(text);
    let mut s = Scanner::new(&folded);
    let y = s.number_then('年')?;
    let m = s.number_then('月')?;
    // 2026年5月號（總第233期）: 號 after the month and 總 before 第 are the same dateline.
    s.eat(&['號', '号']);
    let bracket = s.eat(&['(']);
    s.eat(&['總', '总']);
    if !(1..=12).contains(&m) || !s.eat(&['第']) {
        return None;
    }
    let n = s.number_then('期')?;
    let closed = !bracket || s.eat(&[')']);
    s.skip_spaces();
    (closed && s.rest.is_empty()).then(|| (format!("{y:04}-{m:02}"), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_dates() {
        let full = |s: &str| LeadingDate::Full(s.to_string());
        let partial = |s: &str| LeadingDate::Partial(s.to_string());
        assert_eq!(leading_date("2026年5月15日，香港…"), full("2026-05-15"));
        assert_eq!(leading_date("２０２６年５月１５日，"), full("2026-05-15"));
        assert_eq!(leading_date("2026.5.10，"), full("2026-05-10"));
        assert_eq!(leading_date("2026/5/10，"), full("2026-05-10"));
        assert_eq!(leading_date("近日，山東省…"), LeadingDate::None);
        assert_eq!(leading_date("2025年，全省…"), LeadingDate::None);
        assert_eq!(leading_date("2026年2月30日，"), partial("2026年2月30日"));
        assert_eq!(leading_date("4月30日起"), partial("4月30日"));
        assert_eq!(leading_date("2026年5月，"), partial("2026年5月"));
    }

    #[test]
    fn event_date_ranges() {
        let r = |a: &str, b: &str| {
            Some(DateRange {
                start: a.to_string(),
                end: b.to_string(),
                next_year: a[..4] != b[..4],
            })
        };
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
        for same in [
            "2026年6月11-14日",
            "2026年6月11日-14日",
            "2026年6月11至14日",
            "2026.6.11-14",
        ] {
            assert_eq!(event_dates(same), r("2026-06-11", "2026-06-14"), "{same}");
        }
        assert_eq!(
            event_dates("2026年12月 28日至1月3日"),
            r("2026-12-28", "2027-01-03")
        );
        assert_eq!(
            event_dates("2026年12月28日至2027年1月3日").map(|d| d.end),
            Some("2027-01-03".to_string())
        );
        assert_eq!(event_dates("2026年6月"), None);
        assert_eq!(event_dates("2026年6月14日至11日"), None);
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
        assert_eq!(
            dateline("２０２６年５月（第２３３期）"),
            Some(("2026-05".to_string(), 233))
        );
        assert_eq!(period("2026年1-3月").unwrap().1, "2026-03");
        for other in [
            "2026年5月號（第233期）",
            "2026年5月（總第233期）",
            "2026年5月 第233期",
        ] {
            assert_eq!(
                dateline(other),
                Some(("2026-05".to_string(), 233)),
                "{other}"
            );
        }
        let p = |t: &str| period(t).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(p("2025年全年").as_deref(), Some("2025-01..2025-12"));
        assert_eq!(p("2026年第一季度").as_deref(), Some("2026-01..2026-03"));
        assert_eq!(p("2026年 二季度").as_deref(), Some("2026-04..2026-06"));
        assert_eq!(p("2026年上半年").as_deref(), Some("2026-01..2026-06"));
        assert_eq!(p("2026年 1-4月份").as_deref(), Some("2026-01..2026-04"));
        assert_eq!(p("2026年4月").as_deref(), Some("2026-04..2026-04"));
        assert_eq!(p("2026年"), None);
        assert_eq!(p("2026年 第一季").as_deref(), Some("2026-01..2026-03"));
        assert_eq!(p("2026年首季").as_deref(), Some("2026-01..2026-03"));
        assert_eq!(p("2026年前4個月").as_deref(), Some("2026-01..2026-04"));
        assert_eq!(p("與2025年同期相比"), None);
    }
}
