//! Issue bundle format, schema v1: one JSON file per issue (`public/issues/NNN.json`) and the
//! archive index (`public/issues/index.json`). The JSON Schema of the bundle is
//! `public/schema/issue-v1.json`; the README documents each field.
//!
//! Texts are kept as the newsletter prints them; only structure (dates, figures, regions) is parsed.

use crate::region::Region;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// The label the newsletter prints before an item's links.
pub const DETAILS_LABEL: &str = "詳情請參看：";

/// The script an issue's text is in: the original (Traditional, as the office writes it) or its
/// Simplified edition. Serialised as its BCP 47 tag; any other tag is refused when a bundle is
/// read. (The interface's language is [`crate::i18n::Lang`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Script {
    #[default]
    Hant,
    Hans,
}

// By hand rather than derived: the tag is a string like any other, and the reader's wasm reuses
// the string visitor it already has.
impl Serialize for Script {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Script {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Script, D::Error> {
        const TAGS: &[&str] = &[Script::Hant.tag(), Script::Hans.tag()];
        let tag = String::deserialize(deserializer)?;
        Script::ALL
            .into_iter()
            .find(|s| s.tag() == tag)
            .ok_or_else(|| serde::de::Error::unknown_variant(&tag, TAGS))
    }
}

impl Script {
    pub const ALL: [Script; 2] = [Script::Hant, Script::Hans];

    /// The BCP 47 tag: `zh-Hant`, `zh-Hans`.
    pub const fn tag(self) -> &'static str {
        match self {
            Script::Hant => "zh-Hant",
            Script::Hans => "zh-Hans",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Script> {
        Script::ALL
            .into_iter()
            .find(|s| s.tag().eq_ignore_ascii_case(tag))
    }
}

impl std::fmt::Display for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The label before an item's links in an edition's script (a test checks the converter agrees).
pub fn details_label(script: Script) -> &'static str {
    match script {
        Script::Hans => "详情请参看：",
        Script::Hant => DETAILS_LABEL,
    }
}

/// The label before a site's address (the newsletter prints 網址：), in an edition's script.
pub fn website_label(script: Script) -> &'static str {
    match script {
        Script::Hans => "网址：",
        Script::Hant => "網址：",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub schema_version: u32,
    /// The newsletter's issue number (第233期).
    pub number: u32,
    /// Month of publication, `YYYY-MM`.
    pub month: String,
    /// The script of the texts: `zh-Hant` (an original) or `zh-Hans` (its edition).
    pub lang: Script,
    pub masthead: Masthead,
    /// 主要動態: Hong Kong news then Mainland news.
    pub key_developments: KeyDevelopments,
    /// 一. 經貿快訊
    pub news_flash: NewsFlash,
    /// 二. 經貿數據
    pub economic_data: EconomicData,
    /// 三. 經貿活動
    pub events: Events,
    pub contact: Contact,
    pub about: About,
    pub related_links: RelatedLinks,
    pub subscription: TextSection,
    pub disclaimer: TextSection,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Masthead {
    /// 香港特區政府駐上海經濟貿易辦事處通訊
    pub title: String,
    /// As printed: 2026年5月（第233期）
    pub dateline: String,
}

impl Masthead {
    /// The issue's full name, as a page title: 香港特區政府駐上海經濟貿易辦事處通訊 2026年5月（第233期）
    pub fn full_name(&self) -> String {
        format!("{} {}", self.title, self.dateline)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDevelopments {
    /// 主要動態
    pub heading: String,
    pub groups: Vec<ArticleGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsFlash {
    /// 一. 經貿快訊
    pub heading: String,
    /// One group per region, in the newsletter's order.
    pub groups: Vec<ArticleGroup>,
}

/// Articles under one region heading (香港資訊, 上海市…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleGroup {
    pub region: Region,
    /// The heading as printed (香港資訊, 上海市).
    pub heading: String,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The newsletter's continuous item number (news flash only; 1–17 in no. 233).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub title: String,
    /// `YYYY-MM-DD` when the text gives a full date; null for 近日 and the like.
    pub date: Option<String>,
    /// Body paragraphs, verbatim (the date stays in the text).
    pub paragraphs: Vec<String>,
    /// 詳情請參看 links, as printed.
    pub links: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EconomicData {
    /// 二. 經貿數據
    pub heading: String,
    /// Header of the region column: 省/市
    pub region_label: String,
    /// 億人民幣
    pub unit: String,
    pub gdp: Measure,
    pub trade: Measure,
    /// Header of the growth columns: 與2025年同期相比
    pub comparison_label: String,
    pub rows: Vec<DataRow>,
    /// (數據錄自各省市政府相關網站)
    pub source: String,
}

/// One measured quantity of the data table: its label and the months it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// 地區生產總值 / 進出口總額
    pub label: String,
    pub period: Period,
}

/// An inclusive range of months, `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataRow {
    pub region: Region,
    /// GDP, in the table's unit. Null when the newsletter printed no figure (—, /, 不適用).
    pub gdp: Option<Figure>,
    /// GDP growth on the same period a year earlier, in %; null when not published.
    pub gdp_yoy: Option<Figure>,
    /// Imports + exports, in the table's unit; null when not published.
    pub trade: Option<Figure>,
    /// Trade growth on the same period a year earlier, in %; null when not published.
    pub trade_yoy: Option<Figure>,
}

/// A printed figure: its value and how many decimals the newsletter shows (34,483.0 → 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    pub decimals: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Events {
    /// 三. 經貿活動
    pub heading: String,
    pub columns: EventColumns,
    pub cities: Vec<CityEvents>,
    /// 有關更多在香港舉行的展覽會議資訊… and its link.
    pub more: Option<LinkNote>,
}

/// The events table's column headers, as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventColumns {
    pub date: String,
    pub name: String,
    pub venue: String,
    pub organisers: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityEvents {
    /// The region the city is in (杭州 → Zhejiang); null for a city outside the office's regions.
    pub city: Option<Region>,
    /// 上海 / 香港 / 杭州, as printed
    pub heading: String,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`; null when the printed dates cannot be read as days (then `dates` has them).
    pub start: Option<String>,
    /// `YYYY-MM-DD`, the same as `start` for a one-day event; null with `start`.
    pub end: Option<String>,
    /// The dates as printed, only when they could not be read (2026年6月, 待定).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<String>,
    pub name: String,
    pub venue: String,
    /// Organisers as printed, split at 、
    pub organisers: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkNote {
    pub text: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 香港特別行政區政府駐上海經濟貿易辦事處的聯絡方式
    pub heading: String,
    pub address: String,
    pub postcode: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    /// 服務時間（星期一至五，內地公眾假期除外）
    pub hours_heading: String,
    pub office_hours: Hours,
    pub immigration_hours: Hours,
    /// 歡迎關注駐滬辦官方微信公眾號及視頻號… (the QR codes themselves are images in the PDF).
    pub social: Option<Social>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// 辦事處 / 入境事務組櫃台（簽證及特區護照換領等服務）
    pub label: String,
    pub sessions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Social {
    pub text: String,
    /// 公眾號, 視頻號
    pub accounts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedLinks {
    /// 其他經貿資訊網頁
    pub heading: String,
    pub intro: String,
    pub links: Vec<NamedLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

/// `public/issues/series.json`: each issue's growth figures, oldest first, for the trend chart
/// across issues (written by `sheto index`; small, loaded only when there is a trend to draw).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthSeries {
    pub schema_version: u32,
    pub issues: Vec<GrowthPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthPoint {
    pub number: u32,
    pub month: String,
    pub gdp_period: Period,
    pub trade_period: Period,
    pub rows: Vec<GrowthRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthRow {
    pub region: Region,
    pub gdp_yoy: Option<Figure>,
    pub trade_yoy: Option<Figure>,
}

/// How many issues `index.json` lists: two years of a monthly. The reader's first view fetches
/// only this file, so it stays the same size at issue 500 as at issue 24; older issues are listed
/// by year, each year in a file of its own, fetched when one of them is asked for.
pub const INDEX_ISSUES: usize = 24;

/// `public/issues/index.json`: the newest issues, newest first, and where the older ones are
/// listed. A year's file (`index-2025.json`) has the same shape, listing that year's issues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveIndex {
    pub schema_version: u32,
    pub issues: Vec<IndexEntry>,
    /// The years of the issues not listed above, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub older: Vec<YearFile>,
}

/// A year of older issues: the numbers it runs from and to, and the file listing them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearFile {
    pub year: u32,
    pub first: u32,
    pub last: u32,
    /// Relative to index.json: `index-2025.json`.
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub number: u32,
    pub month: String,
    pub lang: Script,
    /// The masthead's dateline: 2026年5月（第233期）
    pub title: String,
    /// The bundle's file name, relative to index.json.
    pub file: String,
    /// The issue in other scripts (the zh-Hans edition), each a file beside `file`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<Edition>,
    pub counts: ItemCounts,
}

/// An issue converted to another script, e.g. `{"lang": "zh-Hans", "file": "233.zh-Hans.json"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub lang: Script,
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemCounts {
    pub key_developments: usize,
    pub news: usize,
    pub events: usize,
    /// News items per region id.
    pub news_by_region: std::collections::BTreeMap<Region, usize>,
}

impl Issue {
    /// Every news-flash article with its region, in the newsletter's order.
    pub fn news(&self) -> impl Iterator<Item = (Region, &Article)> {
        self.news_flash
            .groups
            .iter()
            .flat_map(|g| g.articles.iter().map(move |a| (g.region, a)))
    }

    pub fn counts(&self) -> ItemCounts {
        let mut news_by_region = std::collections::BTreeMap::new();
        for (region, _) in self.news() {
            *news_by_region.entry(region).or_insert(0) += 1;
        }
        ItemCounts {
            key_developments: self
                .key_developments
                .groups
                .iter()
                .map(|g| g.articles.len())
                .sum(),
            news: self.news().count(),
            events: self.events.cities.iter().map(|c| c.events.len()).sum(),
            news_by_region,
        }
    }

    pub fn index_entry(&self) -> IndexEntry {
        IndexEntry {
            number: self.number,
            month: self.month.clone(),
            lang: self.lang,
            title: self.masthead.dateline.clone(),
            file: crate::files::bundle(self.number, Script::Hant),
            editions: vec![Edition {
                lang: Script::Hans,
                file: crate::files::bundle(self.number, Script::Hans),
            }],
            counts: self.counts(),
        }
    }

    /// This issue's point on the trend chart.
    pub fn growth_point(&self) -> GrowthPoint {
        let d = &self.economic_data;
        GrowthPoint {
            number: self.number,
            month: self.month.clone(),
            gdp_period: d.gdp.period.clone(),
            trade_period: d.trade.period.clone(),
            rows: d
                .rows
                .iter()
                .map(|r| GrowthRow {
                    region: r.region,
                    gdp_yoy: r.gdp_yoy,
                    trade_yoy: r.trade_yoy,
                })
                .collect(),
        }
    }

    /// Every URL in the issue, in reading order.
    pub fn urls(&self) -> Vec<&str> {
        let articles = self
            .key_developments
            .groups
            .iter()
            .chain(&self.news_flash.groups)
            .flat_map(|g| &g.articles)
            .flat_map(|a| a.links.iter().map(String::as_str));
        let events = self.events.cities.iter().flat_map(|c| &c.events);
        articles
            .chain(events.map(|e| e.url.as_str()))
            .chain(self.events.more.iter().map(|m| m.url.as_str()))
            .chain(std::iter::once(self.about.url.as_str()))
            .chain(self.related_links.links.iter().map(|l| l.url.as_str()))
            .collect()
    }
}

impl GrowthSeries {
    /// The series of some issues, oldest first.
    pub fn of<'a>(issues: impl IntoIterator<Item = &'a Issue>) -> GrowthSeries {
        let mut points: Vec<GrowthPoint> = issues.into_iter().map(Issue::growth_point).collect();
        points.sort_by(|a, b| (a.month.as_str(), a.number).cmp(&(b.month.as_str(), b.number)));
        GrowthSeries {
            schema_version: SCHEMA_VERSION,
            issues: points,
        }
    }

    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("series types always serialize");
        json.push('\n');
        json
    }
}

impl IndexEntry {
    /// The file to load for a script: its edition, or the original when there is none.
    pub fn file_for(&self, script: Script) -> (&str, Script) {
        self.editions
            .iter()
            .find(|e| e.lang == script)
            .map_or((self.file.as_str(), self.lang), |e| {
                (e.file.as_str(), e.lang)
            })
    }
}

impl ArchiveIndex {
    /// `index.json` as published: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("index types always serialize");
        json.push('\n');
        json
    }

    /// Adds or replaces an issue's entry, keeping the newest first.
    pub fn upsert(&mut self, entry: IndexEntry) {
        self.issues.retain(|e| e.number != entry.number);
        self.issues.push(entry);
        self.issues.sort_by_key(|e| std::cmp::Reverse(e.number));
    }

    /// The index as published: the newest [`INDEX_ISSUES`] issues, and the older ones by year,
    /// with each year's file (name, contents), newest year first.
    pub fn split(mut self) -> (ArchiveIndex, Vec<(String, ArchiveIndex)>) {
        self.issues.sort_by_key(|e| std::cmp::Reverse(e.number));
        let older = self.issues.split_off(self.issues.len().min(INDEX_ISSUES));
        let mut years: Vec<(String, ArchiveIndex)> = Vec::new();
        for entry in older {
            let year: u32 = entry
                .month
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(0);
            let file = crate::files::year_index(year);
            match years.last_mut() {
                Some((name, listed)) if *name == file => listed.issues.push(entry),
                _ => years.push((
                    file,
                    ArchiveIndex {
                        schema_version: self.schema_version,
                        issues: vec![entry],
                        older: vec![],
                    },
                )),
            }
        }
        self.older = years
            .iter()
            .map(|(file, listed)| YearFile {
                year: listed.issues[0]
                    .month
                    .get(..4)
                    .and_then(|y| y.parse().ok())
                    .unwrap_or(0),
                first: listed.issues.last().map_or(0, |e| e.number),
                last: listed.issues[0].number,
                file: file.clone(),
            })
            .collect();
        (self, years)
    }

    /// The year file that lists an issue older than those listed here.
    pub fn year_of(&self, number: u32) -> Option<&YearFile> {
        self.older
            .iter()
            .find(|y| (y.first..=y.last).contains(&number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_serialise_as_their_tags_and_other_tags_are_refused() {
        for script in Script::ALL {
            let json = serde_json::to_string(&script).unwrap();
            assert_eq!(json, format!("\"{}\"", script.tag()));
            assert_eq!(serde_json::from_str::<Script>(&json).unwrap(), script);
            assert_eq!(Script::from_tag(script.tag()), Some(script));
        }
        let refused = serde_json::from_str::<Script>("\"zh-TW\"").unwrap_err();
        assert!(refused.to_string().contains("zh-TW"), "{refused}");
    }
}
