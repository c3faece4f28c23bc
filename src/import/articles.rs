//! Articles under region headings: 主要動態 (titled items under 香港資訊 / 內地資訊) and
//! 經貿快訊 (numbered items under 上海市, 江蘇省…). Both are title, body, 詳情請參看, links.

use crate::bundle::{Article, ArticleGroup};
use crate::import::dates::{leading_date, LeadingDate};
use crate::import::report::{push_paragraph, Report};
use crate::import::text::{
    as_url, ends_sentence, ends_with_colon, excerpt, join_cut, strip_trailing_colon, url_rest,
    Block,
};
use crate::region::Region;
use crate::say;

/// How a part marks its groups and items.
pub struct Style {
    /// The part's name in messages.
    pub part: &'static str,
    /// Items carry the newsletter's number (`1. 標題`).
    pub numbered: bool,
    /// A known group heading → its region.
    pub group: fn(&str) -> Option<Region>,
    /// Looks like a group heading, though not a known one.
    pub looks_like_group: fn(&str) -> bool,
}

pub const KEY_DEVELOPMENTS: Style = Style {
    part: "主要動態",
    numbered: false,
    group: |t| match t {
        // Also as typed in Simplified.
        "香港資訊" | "香港资讯" => Some(Region::HongKong),
        "內地資訊" | "内地资讯" | "內地资讯" => Some(Region::Mainland),
        _ => None,
    },
    looks_like_group: |t| t.ends_with("資訊") && t.chars().count() <= 8,
};

pub const NEWS_FLASH: Style = Style {
    part: "經貿快訊",
    numbered: true,
    group: |t| Region::from_zh(t).filter(|r| Region::PROVINCES.contains(r)),
    looks_like_group: |t| {
        let short = t.chars().count() <= 10 && !t.contains(['。', '，', '：', ' ']);
        short
            && ["省", "市", "自治區", "特別行政區"]
                .iter()
                .any(|s| t.ends_with(s))
    },
};

struct Draft {
    line: usize,
    /// The line of the first paragraph (where the date is read).
    text_line: usize,
    number: Option<u32>,
    title: String,
    paragraphs: Vec<String>,
    links: Vec<String>,
    in_links: bool,
    /// The last paragraph is a subheading: what follows starts a paragraph of its own.
    after_subheading: bool,
}

/// `7. 標題`, `7．`, `7、`, `(7)`, `（7）` → (7, 標題)
fn numbered_title(text: &str) -> Option<(u32, &str)> {
    let (inner, closing): (&str, &[char]) = match text.strip_prefix(['(', '（']) {
        Some(rest) => (rest, &[')', '）']),
        None => (text, &['.', '．', '、']),
    };
    let digits = inner.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = inner[digits..].strip_prefix(closing)?.trim();
    let number = inner[..digits].parse().ok()?;
    (!rest.is_empty()).then_some((number, rest))
}

/// A title never ends as a clause does (。；，：) and holds no full stop; it may ask or exclaim.
fn reads_as_title(text: &str) -> bool {
    let ends_clause = text
        .chars()
        .last()
        .is_some_and(|c| "。；，：;,:".contains(c));
    !ends_clause && !text.contains('。') && text.chars().count() <= 80
}

/// How an article's text begins: with a date (2026年5月15日，5月10日，2026.5.10) or 近日 and
/// the like. A line before such a text is a title.
pub(crate) fn opens_article(text: &str) -> bool {
    leading_date(text) != LeadingDate::None
        || ["近日", "日前", "近期", "本月", "上月", "今年", "去年"]
            .iter()
            .any(|w| text.starts_with(w))
}

/// Whether the line at `i` is an item's title: it reads as one (no clause, no comma) and the
/// next line is text that opens an item (a date, 近日…) or is longer prose.
fn is_title_at(blocks: &[Block], i: usize, style: &Style) -> bool {
    let Some(text) = blocks.get(i).map(|b| b.text.trim()) else {
        return false;
    };
    let Some(next) = blocks.get(i + 1).map(|b| b.text.trim()) else {
        return false;
    };
    reads_as_title(text)
        && !text.contains(['，', ','])
        && !opens_article(text)
        && is_prose(next, style)
        && (opens_article(next)
            // Without a date to open its text, a title is a headline, not a subheading
            // (下一步工作, 主要目標) inside an item.
            || ((10..=25).contains(&text.chars().count())
                && next.chars().count() > text.chars().count()
                && next.contains(['，', '。'])))
}

/// A text that gives its date in its first clause (`投資推廣署今日（5月4日）宣布`): an item's
/// text, not a subheading's.
fn dated_early(text: &str) -> bool {
    let head: String = text.chars().take(25).collect();
    head.split('月').skip(1).any(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&digits) && rest[digits..].starts_with('日')
    })
}

/// A title longer than a subheading (26–80 characters, no clause in it), before a longer text.
fn long_title_before_text(text: &str, next: Option<&str>, style: &Style) -> bool {
    let n = text.chars().count();
    (26..=80).contains(&n)
        && reads_as_title(text)
        && !text.contains(['，', ','])
        && !opens_article(text)
        && !crate::import::text::is_list_item(text)
        && next.is_some_and(|next| {
            is_prose(next, style) && next.chars().count() > n && next.contains(['，', '。'])
        })
}

/// The tail of a title the PDF wrapped: it reads as a title, holds no comma, does not open a
/// text, and is shorter than the title's first line (which the PDF filled before wrapping).
fn is_title_tail(text: &str, title: &str) -> bool {
    reads_as_title(text)
        && !text.contains(['，', ','])
        && !opens_article(text)
        && text.chars().count() < title.chars().count()
        && text.chars().count() <= 40
}

/// A line of text, not a link, a 詳情請參看 or a heading.
fn is_prose(text: &str, style: &Style) -> bool {
    link_of(text).is_none()
        && details_rest(text).is_none()
        && (style.group)(text).is_none()
        && !(style.looks_like_group)(text)
}

/// The province whose government site a link is on (`www.ah.gov.cn` → 安徽), else the Mainland's
/// (`.gov.cn`) or Hong Kong's (`.gov.hk`), if any.
fn government_site(url: &str) -> Option<Region> {
    let host = url.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    let host = host.to_ascii_lowercase();
    let on = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    [
        ("shanghai.gov.cn", Region::Shanghai),
        ("sh.gov.cn", Region::Shanghai),
        ("jiangsu.gov.cn", Region::Jiangsu),
        ("js.gov.cn", Region::Jiangsu),
        ("zj.gov.cn", Region::Zhejiang),
        ("zhejiang.gov.cn", Region::Zhejiang),
        ("ah.gov.cn", Region::Anhui),
        ("anhui.gov.cn", Region::Anhui),
        ("shandong.gov.cn", Region::Shandong),
        ("sd.gov.cn", Region::Shandong),
    ]
    .into_iter()
    .find_map(|(domain, region)| on(domain).then_some(region))
    .or_else(|| on("gov.cn").then_some(Region::Mainland))
    .or_else(|| on("gov.hk").then_some(Region::HongKong))
}

/// The labels the newsletter prints before an item's links: 詳情請參看 and its kin.
/// The Simplified forms are typed by editors working from a Simplified source.
const LINK_LABELS: [&str; 13] = [
    "詳情請參看",
    "详情请参看",
    "详情请参阅",
    "详见",
    "詳情請參閱",
    "詳情請瀏覽",
    "詳情可參看",
    "詳情參看",
    "詳情請見",
    "更多詳情",
    "詳見",
    "相關連結",
    "原文連結",
];

/// `詳情請參看：` (and its kin), and whatever follows the label on its line.
fn details_rest(text: &str) -> Option<&str> {
    let rest = LINK_LABELS.iter().find_map(|l| text.strip_prefix(l))?;
    let rest = rest.trim_start();
    let after = rest.strip_prefix(['：', ':']).map(str::trim);
    // The label alone, with a colon, or followed by its link: a sentence that begins so
    // (更多詳情：市民如發現…) is text.
    match after {
        Some(r) if r.is_empty() || link_of(r).is_some() => Some(r),
        None if rest.is_empty() => Some(rest),
        _ => None,
    }
}

/// A label in other words before an item's links (`詳情請參閱以下網站：`): a short line ending
/// in a colon, with a word of linking in it, right before a link.
fn other_link_label(text: &str, next: Option<&str>) -> bool {
    ends_with_colon(text)
        && text.chars().count() <= 20
        && [
            "詳", "參看", "參閱", "瀏覽", "網站", "網頁", "網址", "連結", "鏈接", "來源",
        ]
        .iter()
        .any(|w| text.contains(w))
        && next.is_some_and(|n| link_of(n).is_some())
}

/// A link as a line prints it.
struct Link<'a> {
    url: String,
    /// Text printed after the link on its line (（只有英文版）, a full stop).
    rest: &'a str,
    /// Printed as `www.…` with no scheme, and read as `http://www.…`.
    schemeless: bool,
}

/// A link line: `<https://…>`, a bare `https://…`, or `www.…` printed with no scheme. Whatever
/// follows the link on its line is kept apart, so the link stays whole and the rest is reported.
fn link_of(text: &str) -> Option<Link<'_>> {
    if let Some(url) = as_url(text) {
        return Some(Link {
            url: url.to_string(),
            rest: url_rest(text),
            schemeless: false,
        });
    }
    let t = text.trim();
    let bare = t.to_ascii_lowercase().starts_with("www.")
        && t.len() > 4
        && t.chars().all(|c| c.is_ascii_graphic())
        && t[4..].contains('.');
    bare.then(|| Link {
        url: format!("http://{t}"),
        rest: "",
        schemeless: true,
    })
}

/// Parses a part's blocks (its heading already removed) into groups of articles.
///
/// An article starts at its title: a numbered line in 經貿快訊, and in either part a short line
/// that reads as a title and is followed by the opening of a text, whether or not the article
/// before it ended with links.
pub fn parse(blocks: &[Block], style: &Style, report: &mut Report) -> Vec<ArticleGroup> {
    let mut groups: Vec<ArticleGroup> = Vec::new();
    // Set while items sit under a heading we do not know: they are reported, not guessed.
    let mut unknown_heading: Option<(usize, String)> = None;
    let mut draft: Option<Draft> = None;
    let mut last_number: Option<u32> = None;

    for (i, block) in blocks.iter().enumerate() {
        let text = block.text.trim();
        let next = blocks.get(i + 1).map(|b| b.text.trim());
        // A short line may be a heading with its letters spaced out (上 海 市).
        // …or printed with a colon (內地資訊：, 安徽省：).
        let compact: String = if text.chars().count() <= 16 {
            let closed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            strip_trailing_colon(&closed).to_string()
        } else {
            text.to_string()
        };
        let next_opens = next.is_some_and(|n| is_prose(n, style));
        if let Some(region) = (style.group)(&compact) {
            finish(&mut draft, &mut groups, &unknown_heading, style, report);
            unknown_heading = None;
            // The heading repeated at the top of a page: its items go on.
            if groups
                .last()
                .is_some_and(|g| g.region == region && g.heading == compact)
            {
                report.info(
                    block.line,
                    say!(
                        "「{compact}」 repeated at a page top: its items go on",
                        "「{compact}」在頁首重複出現：其下項目接續上頁",
                        compact
                    ),
                );
                continue;
            }
            groups.push(ArticleGroup {
                region,
                heading: compact.clone(),
                articles: vec![],
            });
            continue;
        }
        // A short line with no clause right before a numbered title (長三角) is a heading too.
        let bare_heading = style.numbered
            && compact.chars().count() <= 8
            && !compact
                .contains(|c: char| c.is_ascii_digit() || "，。：、；《》「」()（）".contains(c))
            && next.is_some_and(|n| numbered_title(n).is_some());
        if (style.looks_like_group)(&compact) || bare_heading {
            finish(&mut draft, &mut groups, &unknown_heading, style, report);
            report.warn(
                block.line,
                say!(
                    "unknown region heading 「{text}」 in {part}: its items are left out",
                    "「{part}」中有未知的地區標題「{text}」：其下項目已略去",
                    text,
                    part = style.part
                ),
            );
            unknown_heading = Some((block.line, text.to_string()));
            continue;
        }
        if style.numbered {
            if let Some((number, title)) = numbered_title(text).filter(|(_, t)| reads_as_title(t)) {
                let expected = last_number.map_or(number, |n| n + 1);
                let in_text = draft
                    .as_ref()
                    .is_some_and(|d| !d.in_links && !d.paragraphs.is_empty());
                if number != expected && in_text {
                    // `1、…` inside an article's text is a list, not the next item.
                    report.info(
                        block.line,
                        say!(
                            "numbered line out of sequence kept as a paragraph",
                            "編號不接續的一行，作為段落保留"
                        ),
                    );
                } else {
                    if number != expected {
                        report.warn(
                            block.line,
                            say!(
                                "item {number} follows item {last}: is an item missing, or are \
                                 two numbered alike?",
                                "第 {number} 項排在第 {last} 項之後：是否缺了一項，或有兩項編號相同？",
                                number,
                                last = last_number.unwrap_or_default()
                            ),
                        );
                    }
                    last_number = Some(number);
                    finish(&mut draft, &mut groups, &unknown_heading, style, report);
                    draft = Some(Draft::new(block.line, Some(number), title));
                    continue;
                }
            }
        }
        let label = details_rest(text).or_else(|| {
            other_link_label(text, next).then(|| {
                report.info(
                    block.line,
                    say!(
                        "「{text}」 taken as the label before the item's links",
                        "「{text}」視為項目連結前的標示",
                        text
                    ),
                );
                ""
            })
        });
        if let Some(rest) = label {
            match draft.as_mut() {
                Some(d) => {
                    d.in_links = true;
                    if let Some(link) = link_of(rest) {
                        d.add_link(link, block.line, report);
                    }
                }
                None => report.unplaced(block, style.part),
            }
            continue;
        }
        if let Some(link) = link_of(text) {
            match draft.as_mut() {
                Some(d) => {
                    if !d.in_links {
                        report.info(
                            block.line,
                            say!(
                                "link without 詳情請參看 before it: taken as the item's link",
                                "連結前沒有「詳情請參看」：視為項目的連結"
                            ),
                        );
                        d.in_links = true;
                    }
                    d.add_link(link, block.line, report);
                }
                None => report.unplaced(block, style.part),
            }
            continue;
        }
        let title_here = is_title_at(blocks, i, style);
        match draft.as_mut() {
            // Titled items: a line after an item's links starts the next item, unless it stands
            // before a line that is itself a title (a caption, 完): then it is reported.
            None | Some(Draft { in_links: true, .. }) if !style.numbered => {
                let next_is_tail = next.is_some_and(|n| is_title_tail(n, text));
                if !title_here && !next_is_tail && is_title_at(blocks, i + 1, style) {
                    report.unplaced(block, style.part);
                    continue;
                }
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, None, text));
            }
            // A short title-like line inside a 主要動態 item whose text does not open with a
            // date: a subheading of the item (下一步工作), not a new item. Said, since a new item
            // after one with no link reads the same.
            Some(d)
                if !style.numbered
                    && !d.in_links
                    && d.paragraphs.last().is_some_and(|p| ends_sentence(p))
                    && title_here
                    && !next.is_some_and(|n| opens_article(n) || dated_early(n)) =>
            {
                report.warn(
                    block.line,
                    say!(
                        "「{text}」 read as a subheading inside the item 「{title}」 (no date opens \
                         the text after it, and the item has no link yet); if it is a new item's \
                         title, the item above lacks its 詳情請參看 and link",
                        "「{text}」視為項目「{title}」內的小標題（其後文字不以日期開頭，而該項目\
                         尚無連結）；如它是新項目的標題，則上一項目缺了「詳情請參看」及連結",
                        text,
                        title = excerpt(&d.title)
                    ),
                );
                d.paragraphs.push(text.to_string());
                d.after_subheading = true;
            }
            // A long line that reads as a title, after an item that closed a sentence and had no
            // links, before longer prose: a new item whose text opens without a date.
            Some(d)
                if !d.in_links
                    && !title_here
                    && d.paragraphs.last().is_some_and(|p| ends_sentence(p))
                    && long_title_before_text(text, next, style) =>
            {
                report.warn(
                    block.line,
                    say!(
                        "「{text}」 read as a new item's title: the item 「{title}」 above it has \
                         no link (詳情請參看); if it is a line of that item's text, join it to the \
                         text",
                        "「{text}」視為新項目的標題：上面的項目「{title}」沒有連結（詳情請參看）；\
                         如它是該項目正文的一行，請把它接回正文",
                        text = excerpt(text),
                        title = excerpt(&d.title)
                    ),
                );
                if style.numbered {
                    warn_unnumbered(block, report);
                }
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, None, text));
            }
            // A title with its text after an item that had no links: the item ends here.
            Some(d)
                if !d.in_links
                    && title_here
                    && d.paragraphs.last().is_some_and(|p| ends_sentence(p)) =>
            {
                if style.numbered {
                    warn_unnumbered(block, report);
                }
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, None, text));
            }
            // A title the PDF wrapped: its tail, shorter than the title's line and with no
            // clause in it, stands before the item's text.
            Some(d)
                if !d.in_links
                    && d.paragraphs.is_empty()
                    && (is_title_tail(text, &d.title)
                        || (reads_as_title(text)
                            && !text.contains(['，', ','])
                            && text.chars().count() <= 40
                            && next.is_some_and(opens_article)
                            && !opens_article(text)))
                    && next_opens =>
            {
                report.warn(
                    block.line,
                    say!(
                        "「{text}」 taken as the end of the title on line {line} (wrapped by the \
                         PDF): 「{title}」",
                        "「{text}」視為第 {line} 行標題的結尾（PDF 把標題折了行）：「{title}」",
                        text,
                        line = d.line,
                        title = excerpt(&format!("{}{text}", d.title))
                    ),
                );
                join_cut(&mut d.title, text);
            }
            Some(d) if !d.in_links => {
                let first = d.paragraphs.is_empty();
                if std::mem::take(&mut d.after_subheading) {
                    d.paragraphs.push(text.to_string());
                } else if push_paragraph(&mut d.paragraphs, text, block.line, report) && first {
                    d.text_line = block.line;
                }
            }
            // An unnumbered title after links in 經貿快訊: an item whose number is missing.
            Some(_) if title_here => {
                warn_unnumbered(block, report);
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, None, text));
            }
            _ => report.unplaced(block, style.part),
        }
    }
    finish(&mut draft, &mut groups, &unknown_heading, style, report);
    groups
}

/// An item in 經貿快訊 whose title has no number: kept, and said (the validator then asks for it).
fn warn_unnumbered(block: &Block, report: &mut Report) {
    report.warn(
        block.line,
        say!(
            "「{text}」 reads as the title of an item with no number: kept as an item",
            "「{text}」看來是一個沒有編號的項目標題：作為項目保留",
            text = excerpt(block.text.trim())
        ),
    );
}

impl Draft {
    /// Adds a link; text printed after it on its line is reported, not glued into the link,
    /// unless it is another link (two links printed on one line: both kept).
    fn add_link(&mut self, mut link: Link, line: usize, report: &mut Report) {
        let separators: &[char] = &[' ', '　', '、', '，', ',', '；', ';'];
        let after = link.rest.trim_start_matches(separators);
        let another = if after.is_empty() {
            None
        } else {
            link_of(after)
        };
        if let Some(second) = another {
            report.info(
                line,
                say!(
                    "two links on one line: both kept, in order",
                    "一行有兩個連結：兩個都保留，次序不變"
                ),
            );
            link.rest = "";
            self.add_link(link, line, report);
            return self.add_link(second, line, report);
        }
        let punctuation = |c: char| ".,;:!?'\")。，；：！？".contains(c);
        if !link.rest.is_empty() && link.rest.trim().chars().all(punctuation) {
            report.info(
                line,
                say!(
                    "「{rest}」 after the link read as the sentence's, not the link's: {url}",
                    "連結後的「{rest}」視為句子的標點，不屬連結：{url}",
                    rest = link.rest.trim(),
                    url = link.url
                ),
            );
        } else if !link.rest.is_empty() {
            report.warn(
                line,
                say!(
                    "text after the link left out of it: 「{rest}」 (the link is {url})",
                    "連結後的文字不計入連結：「{rest}」（連結為 {url}）",
                    rest = link.rest,
                    url = link.url
                ),
            );
        }
        if link.schemeless {
            report.warn(
                line,
                say!(
                    "link printed without http://: read as {url}",
                    "連結印出時沒有 http://：讀作 {url}",
                    url = link.url
                ),
            );
        }
        self.links.push(link.url);
    }

    fn new(line: usize, number: Option<u32>, title: &str) -> Self {
        let title = title.to_string();
        Draft {
            line,
            text_line: line,
            number,
            title,
            paragraphs: vec![],
            links: vec![],
            in_links: false,
            after_subheading: false,
        }
    }
}

fn finish(
    draft: &mut Option<Draft>,
    groups: &mut [ArticleGroup],
    unknown_heading: &Option<(usize, String)>,
    style: &Style,
    report: &mut Report,
) {
    let Some(d) = draft.take() else { return };
    // The item as messages name it: `item 3 「…」`, `第 3 項「…」`.
    let no = d.number.map(|n| format!("{n} ")).unwrap_or_default();
    let title = excerpt(&d.title);
    if let Some((line, heading)) = unknown_heading {
        let msg = say!(
            "item {no}「{title}」 is under the unknown heading 「{heading}」 (line {line}): left out",
            "項目 {no}「{title}」在未知的標題「{heading}」（第 {line} 行）之下：已略去",
            no,
            title,
            heading,
            line
        );
        return report.warn(d.line, msg);
    }
    let Some(group) = groups.last_mut() else {
        return report.warn(
            d.line,
            say!(
                "item {no}「{title}」 comes before any region heading in {part}: left out",
                "項目 {no}「{title}」在「{part}」的任何地區標題之前：已略去",
                no,
                title,
                part = style.part
            ),
        );
    };
    if d.paragraphs.is_empty() {
        report.warn(
            d.line,
            say!(
                "item {no}「{title}」 has no text",
                "項目 {no}「{title}」沒有正文",
                no,
                title
            ),
        );
    }
    if d.links.is_empty() {
        report.warn(
            d.line,
            say!(
                "item {no}「{title}」 has no 詳情請參看 link",
                "項目 {no}「{title}」沒有「詳情請參看」連結",
                no,
                title
            ),
        );
    }
    // Under one province yet linking only to another's government site: its own region heading
    // was probably lost (a PDF drops a line at a page top), and the item filed under the one above.
    // In 主要動態 the sites are Hong Kong's (.gov.hk) or the Mainland's (.gov.cn).
    let kd = matches!(group.region, Region::HongKong | Region::Mainland);
    let site = |l: &String| match government_site(l) {
        Some(Region::HongKong) => Some(Region::HongKong),
        Some(_) if kd => Some(Region::Mainland),
        other => other,
    };
    let sites: Vec<Option<Region>> = d.links.iter().map(site).collect();
    if let Some(Some(elsewhere)) = sites.first().copied() {
        let known = kd || Region::PROVINCES.contains(&group.region);
        if known && elsewhere != group.region && sites.iter().all(|s| *s == Some(elsewhere)) {
            report.warn(
                d.line,
                say!(
                    "item {no}「{title}」 is under 「{heading}」 but links only to {region}'s \
                     government site: is its region heading missing above it?",
                    "項目 {no}「{title}」在「{heading}」之下，卻只連到{region}的政府網站：\
                     上面是否缺了它的地區標題？",
                    no,
                    title,
                    heading = group.heading,
                    region = elsewhere.name(crate::i18n::Lang::Hant)
                ),
            );
        }
    }
    for link in d.links.iter().filter(|l| l.contains(char::is_whitespace)) {
        report.warn(
            d.line,
            say!(
                "item {no}「{title}」: link has a space in it, kept as printed: {link}",
                "項目 {no}「{title}」：連結中有空格，照原文保留：{link}",
                no,
                title,
                link
            ),
        );
    }
    let date = match d.paragraphs.first().map(|p| leading_date(p)) {
        Some(LeadingDate::Full(date)) => Some(date),
        Some(LeadingDate::Partial(text)) => {
            report.warn(
                d.text_line,
                say!(
                    "item {no}「{title}」: its date 「{text}」 is not a whole day (year, month and \
                     day): the date is left empty",
                    "項目 {no}「{title}」：日期「{text}」不是完整的一天（年、月、日）：日期留空",
                    no,
                    title,
                    text
                ),
            );
            None
        }
        // No date at the start: one further into the first sentence (據新華社2026年5月10日報道),
        // or in words (二〇二六年五月十三日), is not taken for the item's date; say so.
        Some(LeadingDate::None) => {
            let first = d.paragraphs[0].split(['。', '，']).next().unwrap_or("");
            let dated = first.contains('年') && first.contains('月') && first.contains('日');
            if dated {
                report.warn(
                    d.text_line,
                    say!(
                        "item {no}「{title}」: a date in its first sentence is not at its start \
                         or not in figures (「{first}」): the item's date is left empty",
                        "項目 {no}「{title}」：首句中的日期不在句首或不是數字（「{first}」）：\
                         項目日期留空",
                        no,
                        title,
                        first = excerpt(first)
                    ),
                );
            }
            None
        }
        None => None,
    };
    group.articles.push(Article {
        number: d.number,
        title: d.title,
        date,
        paragraphs: d.paragraphs,
        links: d.links,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_titles() {
        assert_eq!(
            numbered_title("7. 2026全國腦機接口"),
            Some((7, "2026全國腦機接口"))
        );
        assert_eq!(numbered_title("2026年5月"), None);
        assert_eq!(numbered_title("12.標題"), Some((12, "標題")));
        assert_eq!(numbered_title("1."), None);
        for styled in ["4．標題", "4、標題", "(4)標題", "（4） 標題"] {
            assert_eq!(numbered_title(styled), Some((4, "標題")), "{styled}");
        }
    }
}
