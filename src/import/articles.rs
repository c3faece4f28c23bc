//! Articles under region headings: 主要動態 (titled items under 香港資訊 / 內地資訊) and
//! 經貿快訊 (numbered items under 上海市, 江蘇省…). Both are title, body, 詳情請參看, links.

use crate::bundle::{Article, ArticleGroup};
use crate::import::dates::leading_date;
use crate::import::report::Report;
use crate::import::text::{as_url, ends_sentence, excerpt, join_cut, Block};
use crate::region::Region;

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
        "香港資訊" => Some(Region::HongKong),
        "內地資訊" => Some(Region::Mainland),
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
    number: Option<u32>,
    title: String,
    paragraphs: Vec<String>,
    links: Vec<String>,
    in_links: bool,
}

/// `7. 標題` → (7, 標題)
fn numbered_title(text: &str) -> Option<(u32, &str)> {
    let digits = text.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix(['.', '．', '、'])?.trim();
    (!rest.is_empty())
        .then(|| (text[..digits].parse().ok(), rest))
        .and_then(|(n, r)| Some((n?, r)))
}

fn details_rest(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("詳情請參看")?;
    Some(rest.trim_start_matches(['：', ':']).trim())
}

/// Parses a part's blocks (its heading already removed) into groups of articles.
pub fn parse(blocks: &[Block], style: &Style, report: &mut Report) -> Vec<ArticleGroup> {
    let mut groups: Vec<ArticleGroup> = Vec::new();
    // Set while items sit under a heading we do not know: they are reported, not guessed.
    let mut unknown_heading: Option<(usize, String)> = None;
    let mut draft: Option<Draft> = None;

    for block in blocks {
        let text = block.text.trim();
        if let Some(region) = (style.group)(text) {
            finish(&mut draft, &mut groups, &unknown_heading, style, report);
            unknown_heading = None;
            groups.push(ArticleGroup {
                region,
                heading: text.to_string(),
                articles: vec![],
            });
            continue;
        }
        if (style.looks_like_group)(text) {
            finish(&mut draft, &mut groups, &unknown_heading, style, report);
            report.warn(
                block.line,
                format!(
                    "unknown region heading 「{text}」 in {}: its items are left out",
                    style.part
                ),
            );
            unknown_heading = Some((block.line, text.to_string()));
            continue;
        }
        if style.numbered {
            if let Some((number, title)) = numbered_title(text) {
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, Some(number), title));
                continue;
            }
        }
        if let Some(rest) = details_rest(text) {
            match draft.as_mut() {
                Some(d) => {
                    d.in_links = true;
                    if let Some(url) = as_url(rest) {
                        d.links.push(url.to_string());
                    }
                }
                None => report.unplaced(block, style.part),
            }
            continue;
        }
        if let Some(url) = as_url(text) {
            match draft.as_mut() {
                Some(d) => {
                    if !d.in_links {
                        report.info(
                            block.line,
                            "link without 詳情請參看 before it: taken as the item's link",
                        );
                        d.in_links = true;
                    }
                    d.links.push(url.to_string());
                }
                None => report.unplaced(block, style.part),
            }
            continue;
        }
        match draft.as_mut() {
            // Titled items: a text after an item's links starts the next item.
            None | Some(Draft { in_links: true, .. }) if !style.numbered => {
                finish(&mut draft, &mut groups, &unknown_heading, style, report);
                draft = Some(Draft::new(block.line, None, text));
            }
            Some(d) if !d.in_links => match d.paragraphs.last_mut() {
                Some(last) if !ends_sentence(last) => {
                    report.info(
                        block.line,
                        "joined to the paragraph above it, cut by a page break",
                    );
                    join_cut(last, text);
                }
                _ => d.paragraphs.push(text.to_string()),
            },
            _ => report.unplaced(block, style.part),
        }
    }
    finish(&mut draft, &mut groups, &unknown_heading, style, report);
    groups
}

impl Draft {
    fn new(line: usize, number: Option<u32>, title: &str) -> Self {
        let title = title.to_string();
        Draft {
            line,
            number,
            title,
            paragraphs: vec![],
            links: vec![],
            in_links: false,
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
    let name = match d.number {
        Some(n) => format!("item {n} 「{}」", excerpt(&d.title)),
        None => format!("item 「{}」", excerpt(&d.title)),
    };
    if let Some((line, heading)) = unknown_heading {
        let msg =
            format!("{name} is under the unknown heading 「{heading}」 (line {line}): left out");
        return report.warn(d.line, msg);
    }
    let Some(group) = groups.last_mut() else {
        return report.warn(
            d.line,
            format!(
                "{name} comes before any region heading in {}: left out",
                style.part
            ),
        );
    };
    if d.paragraphs.is_empty() {
        report.warn(d.line, format!("{name} has no text"));
    }
    if d.links.is_empty() {
        report.warn(d.line, format!("{name} has no 詳情請參看 link"));
    }
    for link in d.links.iter().filter(|l| l.contains(char::is_whitespace)) {
        report.warn(
            d.line,
            format!("{name}: link has a space in it, kept as printed: {link}"),
        );
    }
    let date = d.paragraphs.first().and_then(|p| leading_date(p));
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
    }
}
