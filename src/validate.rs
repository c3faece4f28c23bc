//! The validator: bundle JSON → findings, each located by a line and column (syntax) or a JSON
//! path (everything else). It never panics: bytes that are not UTF-8, not JSON, nested too deep
//! or of the wrong shape are findings like any other.

use crate::bundle::{ArchiveIndex, Article, ArticleGroup, Issue, Script, SCHEMA_VERSION};
use crate::finding::{Finding, Location, Message, Severity};
use crate::format::{parse_iso_date, parse_iso_month};
use crate::json_path::JsonPath;
use crate::region::Region;
use crate::say;

/// A parsed bundle (when its shape is right) and everything found wrong with it.
#[derive(Debug)]
pub struct Validation<T> {
    pub value: Option<T>,
    pub findings: Vec<Finding>,
}

impl<T> Validation<T> {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

fn text_error(line: usize, column: usize, message: Message) -> Finding {
    Finding {
        severity: Severity::Error,
        location: Location::Text { line, column },
        message,
    }
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Bytes → a typed value, or the finding that says why not. One deserializer reads the text;
/// a syntax error is located by line and column, a wrong shape by its JSON path.
fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Finding> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(bytes, e.valid_up_to());
        text_error(line, column, say!("not UTF-8 text", "不是 UTF-8 文字"))
    })?;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &text[bom..];
    // serde would also read a struct from an array; a bundle is an object, as its schema says.
    let first = text.trim_start().chars().next();
    if first.is_some_and(|c| c != '{') {
        let (line, column) = line_col(text.as_bytes(), text.len() - text.trim_start().len());
        return Err(text_error(
            line,
            column,
            say!("expected a JSON object `{{…}`", "應為 JSON 物件 `{{…}`"),
        ));
    }
    serde_json::from_str(text).map_err(|e| {
        let message = strip_position(&e.to_string()).to_string();
        // serde_json counts columns in bytes; readers count characters.
        let offset = crate::json_path::byte_offset(text, e.line(), e.column());
        match e.classify() {
            serde_json::error::Category::Data => {
                let container = message.starts_with("missing field");
                let path = crate::json_path::path_at(text, offset, container);
                Finding::at_path(Severity::Error, path, shape_error(&message))
            }
            _ => {
                let (line, column) = line_col(text.as_bytes(), offset);
                let message = say!(
                    "invalid JSON: {message}",
                    "JSON 格式有誤：{message}",
                    message
                );
                text_error(line, column.max(1), message)
            }
        }
    })
}

/// A wrong shape as serde_json words it: its English kept as it is, what kind of error it is
/// said in Chinese too (serde's details, such as the fields it expected, stay in English).
fn shape_error(message: &str) -> Message {
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        say!("unknown region {rest}", "不明的地區 {rest}", rest)
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        say!("missing field {rest}", "欠缺欄位 {rest}", rest)
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        say!("unknown field {rest}", "不明的欄位 {rest}", rest)
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        say!("duplicate field {rest}", "欄位 {rest} 重複", rest)
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        say!("invalid type: {rest}", "類型有誤：{rest}", rest)
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        say!("invalid value: {rest}", "數值有誤：{rest}", rest)
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        say!("invalid length {rest}", "長度有誤：{rest}", rest)
    } else {
        say!("{message}", "內容不合格式：{message}", message)
    }
}

/// serde_json appends ` at line L column C`; the finding already carries the place.
fn strip_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Parses a file's bytes as `T`, then checks what the types cannot say.
fn validate_with<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    check: impl FnOnce(&T) -> Vec<Finding>,
) -> Validation<T> {
    match parse::<T>(bytes) {
        Ok(value) => Validation {
            findings: check(&value),
            value: Some(value),
        },
        Err(f) => Validation {
            value: None,
            findings: vec![f],
        },
    }
}

/// Validates a bundle file's bytes.
pub fn validate_issue_json(bytes: &[u8]) -> Validation<Issue> {
    validate_with(bytes, check_issue)
}

/// Validates an `index.json` file's bytes.
pub fn validate_index_json(bytes: &[u8]) -> Validation<ArchiveIndex> {
    validate_with(bytes, check_index)
}

/// Validates a `series.json` file's bytes (the trend chart's figures).
pub fn validate_series_json(bytes: &[u8]) -> Validation<crate::bundle::GrowthSeries> {
    validate_with(bytes, |series: &crate::bundle::GrowthSeries| {
        let mut c = Checker {
            findings: Vec::new(),
        };
        for (i, point) in series.issues.iter().enumerate() {
            c.month(
                &JsonPath::root().key("issues").at(i).key("month"),
                &point.month,
            );
        }
        c.findings
    })
}

/// Validates the search index's manifest (`search/index.json`): pairs of characters that
/// keep their length, a version that names a directory, and the issues newest first.
pub fn validate_search_manifest(bytes: &[u8]) -> Validation<crate::search::Manifest> {
    validate_with(bytes, |m: &crate::search::Manifest| {
        let mut c = Checker {
            findings: Vec::new(),
        };
        let chars: Vec<char> = m.fold.chars().collect();
        if !chars.len().is_multiple_of(2)
            || chars.chunks(2).any(|p| p[0].len_utf8() != p[1].len_utf8())
        {
            c.error(
                &JsonPath::root().key("fold"),
                say!(
                    "not pairs of characters of the same UTF-8 length",
                    "不是由 UTF-8 長度相同的字元兩兩組成"
                ),
            );
        }
        if m.version.is_empty() || !m.version.chars().all(|ch| ch.is_ascii_hexdigit()) {
            c.error(
                &JsonPath::root().key("version"),
                say!("not a hexadecimal hash", "不是十六進位雜湊值"),
            );
        }
        if m.buckets == 0 {
            c.error(
                &JsonPath::root().key("buckets"),
                say!("no bucket", "沒有雜湊桶"),
            );
        }
        if m.chunk == 0 {
            c.error(
                &JsonPath::root().key("chunk"),
                say!("no item per text file", "每個文字檔的項目數為零"),
            );
        }
        for (i, pair) in m.issues.windows(2).enumerate() {
            if pair[0].0 <= pair[1].0 {
                let message = say!(
                    "issue {later} listed after {earlier}: not newest first",
                    "第 {later} 期排在第 {earlier} 期之後：未按由新至舊排列",
                    later = pair[1].0,
                    earlier = pair[0].0
                );
                c.error(&JsonPath::root().key("issues").at(i + 1), message);
            }
        }
        // What a manifest claims decides how many files a reader (and `sheto validate`) would
        // ask for: claims beyond any issue's or archive's size are refused before anything is
        // fetched or allocated for them.
        if m.buckets > MAX_BUCKETS {
            c.error(
                &JsonPath::root().key("buckets"),
                say!(
                    "{buckets} buckets: more than an archive needs ({max} at most)",
                    "{buckets} 個雜湊桶：多於任何刊物所需（最多 {max} 個）",
                    buckets = m.buckets,
                    max = MAX_BUCKETS
                ),
            );
        }
        for (i, &(number, items)) in m.issues.iter().enumerate() {
            if items > MAX_ITEMS {
                c.error(
                    &JsonPath::root().key("issues").at(i),
                    say!(
                        "issue {number} claims {items} items: more than any issue holds ({max} at most)",
                        "第 {number} 期聲稱有 {items} 個項目：多於任何一期（最多 {max} 個）",
                        number,
                        items,
                        max = MAX_ITEMS
                    ),
                );
            }
        }
        c.findings
    })
}

/// Bounds on a search manifest's claims: an issue has some 30 items, and an archive of 500
/// issues needs 1 024 buckets.
const MAX_ITEMS: u32 = 10_000;
const MAX_BUCKETS: u32 = 1 << 16;

/// Collects findings for one bundle, each at its JSON path.
struct Checker {
    findings: Vec<Finding>,
}

impl Checker {
    fn error(&mut self, path: &JsonPath, message: Message) {
        self.findings
            .push(Finding::at_path(Severity::Error, path.clone(), message));
    }

    fn warn(&mut self, path: &JsonPath, message: Message) {
        self.findings
            .push(Finding::at_path(Severity::Warning, path.clone(), message));
    }

    fn text(&mut self, path: &JsonPath, value: &str) {
        if value.trim().is_empty() {
            self.error(path, say!("empty text", "文字是空的"));
        }
    }

    /// Every text of a bundle, keys included: the first character it cannot publish, named by
    /// its code point and its place in the text.
    fn characters(&mut self, path: &JsonPath, value: &serde_json::Value) {
        use serde_json::Value;
        match value {
            Value::String(text) => {
                let found = text.chars().enumerate().find(|(_, ch)| unpublishable(*ch));
                if let Some((at, ch)) = found {
                    let message = say!(
                        "character U+{code} (at character {at}) cannot be published: HTML and XML cannot carry it",
                        "第 {at} 個字元 U+{code} 無法發布：HTML 及 XML 不能承載此字元",
                        code = format!("{:04X}", u32::from(ch)),
                        at = at + 1
                    );
                    self.error(path, message);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.characters(&path.at(i), item);
                }
            }
            Value::Object(fields) => {
                for (key, field) in fields {
                    self.characters(&path.key(key), &Value::String(key.clone()));
                    self.characters(&path.key(key), field);
                }
            }
            _ => {}
        }
    }

    /// A file listed in index.json: a plain name in the same folder.
    fn file_name(&mut self, path: &JsonPath, file: &str) {
        self.text(path, file);
        if file.contains("..") || file.starts_with('/') || file.contains("://") {
            self.error(
                path,
                say!(
                    "file `{file}` must be a plain name beside index.json",
                    "檔案 `{file}` 須為與 index.json 同一資料夾的檔名",
                    file
                ),
            );
        }
    }

    fn url(&mut self, path: &JsonPath, url: &str) {
        let lower = url.trim().to_ascii_lowercase();
        let scheme_ok = ["http://", "https://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s));
        if url.trim().is_empty() {
            self.error(path, say!("empty URL", "網址是空的"));
        } else if !scheme_ok {
            self.error(
                path,
                say!(
                    "not an http(s) or mailto URL: {url}",
                    "不是 http(s) 或 mailto 網址：{url}",
                    url
                ),
            );
        } else if lower
            .split_once(':')
            .is_some_and(|(_, rest)| rest.trim_start_matches('/').is_empty())
        {
            self.error(
                path,
                say!(
                    "a URL with nothing after its scheme: {url}",
                    "網址在協定之後沒有內容：{url}",
                    url
                ),
            );
        } else if url.contains(char::is_whitespace) {
            self.warn(
                path,
                say!(
                    "URL has a space in it (kept as printed): {url}",
                    "網址含有空格（照原文保留）：{url}",
                    url
                ),
            );
        }
    }

    fn date(&mut self, path: &JsonPath, date: &str) {
        if parse_iso_date(date).is_none() {
            self.error(
                path,
                say!(
                    "impossible date 「{date}」: expected a real day as YYYY-MM-DD",
                    "日期「{date}」不存在：應為 YYYY-MM-DD 格式的實際日子",
                    date
                ),
            );
        }
    }

    fn month(&mut self, path: &JsonPath, month: &str) {
        if parse_iso_month(month).is_none() {
            self.error(
                path,
                say!(
                    "impossible month 「{month}」: expected YYYY-MM",
                    "月份「{month}」不存在：應為 YYYY-MM",
                    month
                ),
            );
        }
    }

    fn article(&mut self, path: &JsonPath, article: &Article) {
        self.text(&path.key("title"), &article.title);
        if let Some(date) = &article.date {
            self.date(&path.key("date"), date);
        }
        if article.paragraphs.is_empty() {
            self.error(
                &path.key("paragraphs"),
                say!(
                    "an item needs at least one paragraph",
                    "每則項目最少要有一段文字"
                ),
            );
        }
        for (i, p) in article.paragraphs.iter().enumerate() {
            self.text(&path.key("paragraphs").at(i), p);
        }
        if article.links.is_empty() {
            self.warn(
                &path.key("links"),
                say!("no 詳情請參看 link", "沒有「詳情請參看」連結"),
            );
        }
        for (i, link) in article.links.iter().enumerate() {
            self.url(&path.key("links").at(i), link);
        }
    }

    fn groups(&mut self, path: &JsonPath, groups: &[ArticleGroup], allowed: &[Region]) {
        // Sets, not scans of what came before: time stays linear however long the bundle.
        let mut seen_regions = std::collections::BTreeSet::new();
        for (g, group) in groups.iter().enumerate() {
            let gpath = path.key("groups").at(g);
            if !allowed.contains(&group.region) {
                let ids: Vec<_> = allowed.iter().map(|r| r.id()).collect();
                let msg = say!(
                    "region `{region}` does not belong here; expected one of {expected}",
                    "地區 `{region}` 不應在此；應為以下其中之一：{expected}",
                    region = group.region.id(),
                    expected = ids.join(", ")
                );
                self.error(&gpath.key("region"), msg);
            }
            if !seen_regions.insert(group.region) {
                self.warn(
                    &gpath.key("region"),
                    say!(
                        "region `{region}` has a second group",
                        "地區 `{region}` 出現第二組",
                        region = group.region.id()
                    ),
                );
            }
            self.text(&gpath.key("heading"), &group.heading);
            for (a, article) in group.articles.iter().enumerate() {
                self.article(&gpath.key("articles").at(a), article);
            }
        }
    }

    /// News items carry continuous numbers 1…n, each once, in order.
    fn item_numbers(&mut self, issue: &Issue) {
        let mut seen = std::collections::HashSet::new();
        let mut last = 0;
        for (g, group) in issue.news_flash.groups.iter().enumerate() {
            for (a, article) in group.articles.iter().enumerate() {
                let path = JsonPath::root()
                    .key("news_flash")
                    .key("groups")
                    .at(g)
                    .key("articles")
                    .at(a)
                    .key("number");
                match article.number {
                    None => self.error(
                        &path,
                        say!("news item has no number", "經貿快訊項目沒有編號"),
                    ),
                    Some(n) if !seen.insert(n) => self.error(
                        &path,
                        say!("duplicate item number {n}", "項目編號 {n} 重複", n),
                    ),
                    Some(n) => {
                        if n < last {
                            self.warn(
                                &path,
                                say!(
                                    "item number {n} is out of order",
                                    "項目編號 {n} 次序不對",
                                    n
                                ),
                            );
                        }
                        last = n;
                    }
                }
            }
        }
        let count = seen.iter().copied().max().unwrap_or(0);
        // Only the first few gaps: a stray number like 4 000 000 must not list millions.
        let missing: Vec<String> = (1..=count)
            .filter(|n| !seen.contains(n))
            .take(20)
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            self.error(
                &JsonPath::root().key("news_flash"),
                say!(
                    "missing item numbers: {numbers} (items are numbered 1–{count})",
                    "欠缺項目編號：{numbers}（項目編號為 1–{count}）",
                    numbers = missing.join(", "),
                    count
                ),
            );
        }
    }
}

const YOY_RANGE: std::ops::RangeInclusive<f64> = -100.0..=1000.0;

/// Checks a well-formed bundle's meaning.
pub fn check_issue(issue: &Issue) -> Vec<Finding> {
    let mut c = Checker {
        findings: Vec::new(),
    };
    if issue.schema_version != SCHEMA_VERSION {
        c.error(
            &JsonPath::root().key("schema_version"),
            say!(
                "schema version {version} is not supported (expected {expected})",
                "不支援結構版本 {version}（應為 {expected}）",
                version = issue.schema_version,
                expected = SCHEMA_VERSION
            ),
        );
    }
    if issue.number == 0 {
        c.error(
            &JsonPath::root().key("number"),
            say!("issue number must be 1 or more", "期數須為 1 或以上"),
        );
    }
    c.month(&JsonPath::root().key("month"), &issue.month);
    c.text(
        &JsonPath::root().key("masthead").key("title"),
        &issue.masthead.title,
    );
    c.text(
        &JsonPath::root().key("masthead").key("dateline"),
        &issue.masthead.dateline,
    );
    if !issue
        .masthead
        .dateline
        .contains(&format!("第{}期", issue.number))
    {
        c.warn(
            &JsonPath::root().key("masthead").key("dateline"),
            say!(
                "dateline 「{dateline}」 does not name issue {number}",
                "刊頭日期「{dateline}」沒有註明第 {number} 期",
                dateline = issue.masthead.dateline,
                number = issue.number
            ),
        );
    }

    c.text(
        &JsonPath::root().key("key_developments").key("heading"),
        &issue.key_developments.heading,
    );
    c.groups(
        &JsonPath::root().key("key_developments"),
        &issue.key_developments.groups,
        &[Region::HongKong, Region::Mainland],
    );
    c.text(
        &JsonPath::root().key("news_flash").key("heading"),
        &issue.news_flash.heading,
    );
    c.groups(
        &JsonPath::root().key("news_flash"),
        &issue.news_flash.groups,
        &Region::PROVINCES,
    );
    c.item_numbers(issue);

    let data = &issue.economic_data;
    c.text(
        &JsonPath::root().key("economic_data").key("unit"),
        &data.unit,
    );
    c.text(
        &JsonPath::root().key("economic_data").key("source"),
        &data.source,
    );
    for (name, measure) in [("gdp", &data.gdp), ("trade", &data.trade)] {
        let path = JsonPath::root().key("economic_data").key(name);
        c.text(&path.key("label"), &measure.label);
        c.month(&path.key("period").key("start"), &measure.period.start);
        c.month(&path.key("period").key("end"), &measure.period.end);
        if measure.period.end < measure.period.start {
            c.error(
                &path.key("period"),
                say!(
                    "the period ends before it starts",
                    "統計期間的結束月份早於開始月份"
                ),
            );
        }
    }
    if data.rows.is_empty() {
        c.error(
            &JsonPath::root().key("economic_data").key("rows"),
            say!("the data table has no rows", "經貿數據表沒有任何省市的數據"),
        );
    }
    let mut row_regions = std::collections::BTreeSet::new();
    for (r, row) in data.rows.iter().enumerate() {
        let path = JsonPath::root().key("economic_data").key("rows").at(r);
        if !Region::PROVINCES.contains(&row.region) {
            c.error(
                &path.key("region"),
                say!(
                    "region `{region}` is not one of the five provinces",
                    "地區 `{region}` 不屬於五個省市之一",
                    region = row.region.id()
                ),
            );
        }
        if !row_regions.insert(row.region) {
            c.error(
                &path.key("region"),
                say!(
                    "region `{region}` has a second row",
                    "地區 `{region}` 的數據出現兩次",
                    region = row.region.id()
                ),
            );
        }
        // A null figure is one the newsletter did not publish (—, /, 不適用): allowed.
        for (name, figure) in [("gdp", row.gdp), ("trade", row.trade)] {
            let Some(figure) = figure else { continue };
            if figure.value < 0.0 {
                c.error(
                    &path.key(name).key("value"),
                    say!(
                        "negative amount {value}",
                        "數額為負數：{value}",
                        value = figure.value
                    ),
                );
            }
        }
        for (name, figure) in [("gdp_yoy", row.gdp_yoy), ("trade_yoy", row.trade_yoy)] {
            let Some(figure) = figure else { continue };
            if !YOY_RANGE.contains(&figure.value) {
                c.error(
                    &path.key(name).key("value"),
                    say!(
                        "y-o-y {value}% is outside −100…1000%",
                        "按年變幅 {value}% 超出 −100…1000% 的範圍",
                        value = figure.value
                    ),
                );
            }
        }
        for (name, figure) in [
            ("gdp", row.gdp),
            ("gdp_yoy", row.gdp_yoy),
            ("trade", row.trade),
            ("trade_yoy", row.trade_yoy),
        ] {
            if figure.is_some_and(|f| f.decimals > 6) {
                c.error(
                    &path.key(name).key("decimals"),
                    say!("more than 6 decimals", "小數位多於 6 個"),
                );
            }
        }
    }

    for (k, city) in issue.events.cities.iter().enumerate() {
        for (e, event) in city.events.iter().enumerate() {
            let path = JsonPath::root()
                .key("events")
                .key("cities")
                .at(k)
                .key("events")
                .at(e);
            match (&event.start, &event.end, &event.dates) {
                (Some(start), Some(end), _) => {
                    c.date(&path.key("start"), start);
                    c.date(&path.key("end"), end);
                    let both = parse_iso_date(start).zip(parse_iso_date(end));
                    if both.is_some_and(|(s, e)| e < s) {
                        c.error(
                            &path.key("end"),
                            say!(
                                "the event ends ({end}) before it starts ({start})",
                                "活動的結束日期（{end}）早於開始日期（{start}）",
                                end,
                                start
                            ),
                        );
                    }
                }
                // Dates the importer could not read are kept as printed.
                (None, None, Some(printed)) => {
                    c.text(&path.key("dates"), printed);
                    c.warn(
                        &path.key("start"),
                        say!(
                            "the event's dates 「{printed}」 are not days: it has no calendar date",
                            "活動日期「{printed}」不是具體日子：沒有日曆日期",
                            printed
                        ),
                    );
                }
                _ => c.error(
                    &path.key("start"),
                    say!(
                        "an event needs start and end dates, or its dates as printed",
                        "活動須有開始及結束日期，或照原文列出的日期"
                    ),
                ),
            }
            c.text(&path.key("name"), &event.name);
            // A venue not yet announced is printed empty: kept, and said.
            if event.venue.trim().is_empty() {
                c.warn(
                    &path.key("venue"),
                    say!("the event has no venue", "活動沒有地點"),
                );
            }
            // An event the newsletter printed with no website keeps an empty link.
            if event.url.is_empty() {
                c.warn(
                    &path.key("url"),
                    say!("the event has no link", "活動沒有連結"),
                );
            } else {
                c.url(&path.key("url"), &event.url);
            }
        }
    }
    if let Some(more) = &issue.events.more {
        c.url(
            &JsonPath::root().key("events").key("more").key("url"),
            &more.url,
        );
    }

    let contact = &issue.contact;
    for (name, value) in [
        ("address", &contact.address),
        ("phone", &contact.phone),
        ("email", &contact.email),
    ] {
        c.text(&JsonPath::root().key("contact").key(name), value);
    }
    if !contact.email.is_empty() && !contact.email.contains('@') {
        c.error(
            &JsonPath::root().key("contact").key("email"),
            say!(
                "not an email address: {email}",
                "不是電郵地址：{email}",
                email = contact.email
            ),
        );
    }
    c.url(&JsonPath::root().key("about").key("url"), &issue.about.url);
    for (i, link) in issue.related_links.links.iter().enumerate() {
        c.text(
            &JsonPath::root()
                .key("related_links")
                .key("links")
                .at(i)
                .key("label"),
            &link.label,
        );
        c.url(
            &JsonPath::root()
                .key("related_links")
                .key("links")
                .at(i)
                .key("url"),
            &link.url,
        );
    }
    c.text(
        &JsonPath::root().key("disclaimer").key("heading"),
        &issue.disclaimer.heading,
    );
    if let Ok(value) = serde_json::to_value(issue) {
        c.characters(&JsonPath::root(), &value);
    }
    c.findings
}

/// A character that HTML and XML cannot carry: a control other than tab and line ends (C0 and
/// C1), or a noncharacter (U+FDD0–FDEF, U+xFFFE and U+xFFFF of every plane). A feed holding one
/// is not XML at all, and an HTML parser reports it; nothing a reader reads is such a character.
pub fn unpublishable(c: char) -> bool {
    let n = u32::from(c);
    matches!(n, 0..=0x8 | 0xB | 0xC | 0xE..=0x1F | 0x7F..=0x9F | 0xFDD0..=0xFDEF)
        || n & 0xFFFE == 0xFFFE
}

/// Checks an archive index: entries unique, months real.
pub fn check_index(index: &ArchiveIndex) -> Vec<Finding> {
    let mut c = Checker {
        findings: Vec::new(),
    };
    let mut listed = std::collections::HashSet::new();
    for (i, entry) in index.issues.iter().enumerate() {
        let path = JsonPath::root().key("issues").at(i);
        c.month(&path.key("month"), &entry.month);
        c.file_name(&path.key("file"), &entry.file);
        for (j, edition) in entry.editions.iter().enumerate() {
            let at = path.key("editions").at(j);
            c.file_name(&at.key("file"), &edition.file);
            if edition.lang != Script::Hans || entry.lang != Script::Hant {
                c.error(
                    &at.key("lang"),
                    say!(
                        "edition `{edition}` of a `{lang}` issue: only zh-Hans editions of zh-Hant issues are made",
                        "`{lang}` 的一期不應有 `{edition}` 版本：只為 zh-Hant 的期刊製作 zh-Hans 版本",
                        edition = edition.lang,
                        lang = entry.lang
                    ),
                );
            }
        }
        if !listed.insert((entry.number, entry.lang)) {
            c.error(
                &path.key("number"),
                say!(
                    "issue {number} is listed twice",
                    "第 {number} 期列出了兩次",
                    number = entry.number
                ),
            );
        }
    }
    for (i, year) in index.older.iter().enumerate() {
        let path = JsonPath::root().key("older").at(i);
        c.file_name(&path.key("file"), &year.file);
        if year.first > year.last {
            let message = say!(
                "a year from issue {first} to {last}",
                "一年由第 {first} 期至第 {last} 期",
                first = year.first,
                last = year.last
            );
            c.error(&path.key("first"), message);
        }
    }
    c.findings
}

/// Checks that a bundle agrees with its entry in the index that lists it (found by file name):
/// `index.json`, or the year's file (`index-2025.json`) for an older issue.
pub fn check_against_index(
    issue: &Issue,
    file_name: &str,
    index: &ArchiveIndex,
    listing: &str,
) -> Vec<Finding> {
    let mut c = Checker {
        findings: Vec::new(),
    };
    let listed = index.issues.iter().find_map(|e| {
        let edition = e.editions.iter().find(|ed| ed.file == file_name);
        match edition {
            Some(ed) => Some((e, ed.lang)),
            None => (e.file == file_name).then_some((e, e.lang)),
        }
    });
    let Some((entry, lang)) = listed else {
        c.warn(
            &JsonPath::root(),
            say!(
                "{file_name} is not listed in {listing}",
                "{listing} 沒有列出 {file_name}",
                file_name,
                listing
            ),
        );
        return c.findings;
    };
    if issue.lang != lang {
        c.error(
            &JsonPath::root().key("lang"),
            say!(
                "language {lang} disagrees with {listing} ({listed})",
                "語言 {lang} 與 {listing} 不符（{listed}）",
                lang = issue.lang,
                listed = lang,
                listing
            ),
        );
    }
    if entry.number != issue.number {
        c.error(
            &JsonPath::root().key("number"),
            say!(
                "issue number {number} disagrees with {listing} ({listed})",
                "期數 {number} 與 {listing} 不符（{listed}）",
                number = issue.number,
                listed = entry.number,
                listing
            ),
        );
    }
    if entry.month != issue.month {
        c.error(
            &JsonPath::root().key("month"),
            say!(
                "month {month} disagrees with {listing} ({listed})",
                "月份 {month} 與 {listing} 不符（{listed}）",
                month = issue.month,
                listed = entry.month,
                listing
            ),
        );
    }
    if entry.counts != issue.counts() {
        c.warn(
            &JsonPath::root(),
            say!(
                "item counts disagree with {listing}: run `sheto index` to refresh it",
                "項目數目與 {listing} 不符：請執行 `sheto index` 更新",
                listing
            ),
        );
    }
    c.findings
}
