//! The importer: newsletter text, as a PDF extractor gives it, → an issue bundle.
//!
//! The text is cut into the newsletter's parts by their headings (主要動態, 一. 經貿快訊, …), and
//! each part is parsed on its own. Whatever cannot be placed is a finding with its line number;
//! a missing masthead or data table fails the import. Nothing is guessed: texts and links are
//! kept as printed, and only dates, figures and regions are parsed.

mod articles;
mod back_matter;
pub mod dates;
#[cfg(feature = "pdf")]
pub mod from_pdf;
pub mod layout;
pub mod normalize;
pub mod numbers;
mod report;
mod tables;
pub mod text;

use crate::bundle::{
    Issue, KeyDevelopments, Masthead, NewsFlash, RelatedLinks, TextSection, SCHEMA_VERSION,
};
use crate::finding::Finding;
use crate::say;
use report::Report;
use text::Block;

/// What an import gives: the bundle (None on any error) and the findings.
#[derive(Debug)]
pub struct ImportOutcome {
    /// The bundle to publish: only when there is no error.
    pub issue: Option<Issue>,
    /// The issue as read, errors or not (None when the masthead or the data table is missing):
    /// the staff preview draws it beside the findings so the editor sees what went wrong where.
    pub parsed: Option<Issue>,
    pub findings: Vec<Finding>,
}

/// The newsletter's parts, in order. Each starts at a heading block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Masthead,
    KeyDevelopments,
    NewsFlash,
    EconomicData,
    Events,
    Contact,
    About,
    RelatedLinks,
    Subscription,
    Disclaimer,
}

const PARTS: [Part; 10] = [
    Part::Masthead,
    Part::KeyDevelopments,
    Part::NewsFlash,
    Part::EconomicData,
    Part::Events,
    Part::Contact,
    Part::About,
    Part::RelatedLinks,
    Part::Subscription,
    Part::Disclaimer,
];

/// `一. 經貿快訊` → `經貿快訊`
fn numbered_heading(text: &str) -> Option<&str> {
    let rest =
        text.trim_start_matches(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    if rest.len() == text.len() {
        return None;
    }
    rest.strip_prefix(['.', '．', '、']).map(str::trim)
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Masthead => "刊頭",
            Part::KeyDevelopments => "主要動態",
            Part::NewsFlash => "經貿快訊",
            Part::EconomicData => "經貿數據",
            Part::Events => "經貿活動",
            Part::Contact => "聯絡方式",
            Part::About => "簡介",
            Part::RelatedLinks => "其他經貿資訊網頁",
            Part::Subscription => "歡迎訂閱",
            Part::Disclaimer => "免責聲明",
        }
    }

    fn starts_at(self, text: &str) -> bool {
        // Headings are short; a PDF may space their letters out (主 要 動 態).
        if text.chars().count() > 40 {
            return false;
        }
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = compact.as_str();
        match self {
            Part::Masthead => false,
            Part::KeyDevelopments | Part::RelatedLinks | Part::Subscription | Part::Disclaimer => {
                t == self.name()
            }
            Part::NewsFlash | Part::EconomicData | Part::Events => {
                numbered_heading(t) == Some(self.name()) || t == self.name()
            }
            // The office's contact heading names the office and ends in a colon; a headline
            // that ends in 聯絡方式 is not it.
            Part::Contact => {
                let name = t.trim_end_matches(['：', ':']);
                name.ends_with("聯絡方式") && (t.len() > name.len() || name.contains("辦事處"))
            }
            // 《…通訊》簡介: the newsletter's own name, not any 《…》簡介.
            Part::About => t.starts_with('《') && t.ends_with("》簡介") && t.contains("通訊"),
        }
    }
}

/// Any part's heading (主要動態, 一. 經貿快訊, 免責聲明…): a line of its own.
pub(crate) fn is_part_heading(text: &str) -> bool {
    PARTS.iter().skip(1).any(|p| p.starts_at(text))
}

pub(crate) use articles::opens_article;

/// The tables' headings (二. 經貿數據, 三. 經貿活動): tabs separate cells from here…
pub(crate) fn is_tables_heading(text: &str) -> bool {
    Part::EconomicData.starts_at(text) || Part::Events.starts_at(text)
}

/// …to the contact details.
pub(crate) fn is_after_tables_heading(text: &str) -> bool {
    Part::Contact.starts_at(text)
}

/// The blocks of each part, found by walking forward through the headings in order. A heading
/// or a dateline met again after its part is a second copy of the text (pasted twice): an error.
fn split_parts<'a>(all: &'a [Block<'a>], report: &mut Report) -> Vec<(Part, &'a [Block<'a>])> {
    let mut starts: Vec<(Part, usize)> = vec![(Part::Masthead, 0)];
    let mut dateline_seen: Option<usize> = None;
    for (i, block) in all.iter().enumerate() {
        let current = starts.last().map_or(Part::Masthead, |s| s.0);
        // The back matter (聯絡方式 onwards) comes after the tables: a heading of it met before
        // them is a headline, not the part.
        let reachable = |p: Part| p <= Part::Events || current >= Part::EconomicData;
        if let Some(part) = PARTS
            .iter()
            .find(|p| **p > current && reachable(**p) && p.starts_at(block.text))
        {
            // A heading followed straight by another part's heading heads nothing: a table of
            // contents under the masthead (本期目錄). It is reported, and the part starts later.
            let next_is_heading = all
                .get(i + 1)
                .is_some_and(|n| PARTS.iter().any(|p| p.starts_at(n.text)));
            if next_is_heading {
                report.warn(
                    block.line,
                    say!(
                        "「{text}」 heads nothing (a table of contents?): left out here",
                        "「{text}」下面沒有內容（目錄？）：此處略去",
                        text = block.text.trim()
                    ),
                );
                continue;
            }
            starts.push((*part, i));
            continue;
        }
        let again = PARTS
            .iter()
            .skip(1)
            .filter(|p| **p <= current && **p != Part::About && **p != Part::Contact)
            .find(|p| p.starts_at(block.text))
            .map(|p| p.name().to_string())
            .or_else(|| {
                let is_dateline = dates::dateline(block.text).is_some();
                match dateline_seen {
                    Some(_) if is_dateline => Some(block.text.trim().to_string()),
                    None if is_dateline => {
                        dateline_seen = Some(block.line);
                        None
                    }
                    _ => None,
                }
            });
        if let Some(what) = again {
            report.error(
                block.line,
                say!(
                    "「{what}」 appears a second time, inside 「{part}」: the text holds the \
                     newsletter twice (pasted twice?); import one copy",
                    "「{what}」在「{part}」內第二次出現：文字中有兩份通訊（貼上了兩次？）；\
                     請只匯入一份",
                    what,
                    part = current.name()
                ),
            );
            break;
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &(part, from))| {
            let to = starts.get(k + 1).map_or(all.len(), |s| s.1);
            (part, &all[from..to])
        })
        .collect()
}

fn masthead(blocks: &[Block], report: &mut Report) -> Option<(Masthead, String, u32)> {
    let mut title: Option<Block> = None;
    let mut joined_title = String::new();
    // Page 1's running header can stand above the title it repeats (as one line, while the
    // title itself may be wrapped): it is left out.
    let before_dateline = blocks
        .iter()
        .position(|b| dates::dateline(b.text).is_some())
        .unwrap_or(blocks.len());
    let blocks = match blocks[..before_dateline].split_first() {
        Some((first, rest))
            if !rest.is_empty()
                && rest.iter().map(|b| b.text.trim()).collect::<String>() == first.text.trim() =>
        {
            report.info(
                first.line,
                say!(
                    "running header above the title left out: 「{text}」",
                    "略去標題上方的頁眉：「{text}」",
                    text = first.text.trim()
                ),
            );
            &blocks[1..]
        }
        _ => blocks,
    };
    for (i, block) in blocks.iter().enumerate() {
        if let Some((month, number)) = dates::dateline(block.text) {
            // Whatever stands between the dateline and 主要動態 (a notice) has no place: said.
            for after in &blocks[i + 1..] {
                report.unplaced(after, "masthead");
            }
            let Some(title) = title else {
                report.error(
                    block.line,
                    say!(
                        "masthead: no newsletter title before the dateline",
                        "刊頭：出版日期行之前沒有通訊名稱"
                    ),
                );
                return None;
            };
            let dateline = block.text.trim().to_string();
            return Some((
                Masthead {
                    title: if joined_title.is_empty() {
                        title.text.trim().to_string()
                    } else {
                        joined_title
                    },
                    dateline,
                },
                month,
                number,
            ));
        }
        match &title {
            None => title = Some(block.clone()),
            // The title the PDF wrapped: 香港特區政府駐上海經濟貿易辦事處 / 通訊.
            Some(t)
                if joined_title.is_empty()
                    && !t.text.trim().ends_with("通訊")
                    && block.text.trim().ends_with("通訊")
                    && block.text.chars().count() <= 12 =>
            {
                joined_title = format!("{}{}", t.text.trim(), block.text.trim());
                report.info(
                    block.line,
                    say!(
                        "masthead title wrapped onto this line joined: 「{joined_title}」",
                        "刊頭名稱折到此行，已接上：「{joined_title}」",
                        joined_title
                    ),
                );
            }
            Some(_) => report.unplaced(block, "masthead"),
        }
    }
    let line = blocks.first().map_or(1, |b| b.line);
    report.error(
        line,
        say!(
            "masthead missing: expected the title and a dateline like 2026年5月（第233期）",
            "沒有刊頭：應有通訊名稱及出版日期行，例如 2026年5月（第233期）"
        ),
    );
    None
}

/// Imports a newsletter text. Deterministic: the same text gives the same bundle.
pub fn import(source: &str) -> ImportOutcome {
    let mut report = Report::default();
    let lines = normalize::normalize(source, &mut report);
    let all: Vec<Block> = lines
        .iter()
        .map(|l| Block {
            line: l.line,
            text: &l.text,
        })
        .collect();
    if all.is_empty() {
        report.error(1, say!("the text is empty", "文字是空的"));
        return ImportOutcome {
            issue: None,
            parsed: None,
            findings: report.finish(),
        };
    }
    let parts = split_parts(&all, &mut report);
    let part = |p: Part| parts.iter().find(|(q, _)| *q == p).map(|(_, b)| *b);
    let end_line = all.last().map_or(1, |b| b.line);
    for p in PARTS
        .into_iter()
        .skip(1)
        .filter(|p| part(*p).is_none() && *p != Part::EconomicData)
    {
        report.warn(
            end_line,
            say!(
                "part 「{part}」 not found: it is left empty",
                "找不到「{part}」部分：留空",
                part = p.name()
            ),
        );
    }
    // A text that stops before the contact details was pasted or extracted in part: the parts
    // that always close the newsletter are missing, so no bundle is made from it.
    let last = parts.last().map_or(Part::Masthead, |(p, _)| *p);
    if last < Part::Contact {
        report.error(
            end_line,
            say!(
                "the text ends inside 「{part}」 at line {end_line}: the parts after it (from \
                 聯絡方式 to 免責聲明) are missing; was only part of it pasted?",
                "文字在第 {end_line} 行「{part}」之內結束：其後各部分（由聯絡方式至免責聲明）\
                 都沒有；是否只貼上了一部分？",
                end_line,
                part = last.name()
            ),
        );
    }
    // Each part's heading block and the blocks under it.
    let split = |p: Part| part(p).and_then(|b| b.split_first());

    let masthead = masthead(part(Part::Masthead).unwrap_or_default(), &mut report);
    let economic_data = match split(Part::EconomicData) {
        Some((heading, rest)) => tables::economic_data(heading, rest, &mut report),
        None => {
            report.error(
                end_line,
                say!(
                    "data table missing: expected a part headed 二. 經貿數據",
                    "沒有數據表：應有以「二. 經貿數據」為標題的部分"
                ),
            );
            None
        }
    };

    let empty = Block {
        line: end_line,
        text: "",
    };
    let or_empty = |p: Part| split(p).unwrap_or((&empty, &[]));
    let groups = |p: Part, style: &articles::Style, report: &mut Report| {
        let (heading, rest) = or_empty(p);
        (
            heading.text.trim().to_string(),
            articles::parse(rest, style, report),
        )
    };
    let (kd_heading, kd_groups) = groups(
        Part::KeyDevelopments,
        &articles::KEY_DEVELOPMENTS,
        &mut report,
    );
    let (nf_heading, nf_groups) = groups(Part::NewsFlash, &articles::NEWS_FLASH, &mut report);
    let (h, rest) = or_empty(Part::Events);
    let events = tables::events(h, rest, &mut report);
    let (h, rest) = or_empty(Part::Contact);
    let contact = back_matter::contact(h, rest, &mut report);
    let (h, rest) = or_empty(Part::About);
    let about = back_matter::about(h, rest, &mut report);
    let related_links = match split(Part::RelatedLinks) {
        Some((h, rest)) => back_matter::related_links(h, rest, &mut report),
        None => RelatedLinks {
            heading: String::new(),
            intro: String::new(),
            links: vec![],
        },
    };
    let mut text_section = |p: Part| match split(p) {
        Some((h, rest)) => back_matter::text_section(h, rest, &mut report),
        None => TextSection {
            heading: String::new(),
            paragraphs: vec![],
        },
    };
    let subscription = text_section(Part::Subscription);
    let disclaimer = text_section(Part::Disclaimer);

    let parse_failed = report.has_errors();
    let parsed = match (masthead, economic_data) {
        (Some((masthead, month, number)), Some(economic_data)) => Some(Issue {
            schema_version: SCHEMA_VERSION,
            number,
            month,
            lang: crate::bundle::Script::Hant,
            masthead,
            key_developments: KeyDevelopments {
                heading: kd_heading,
                groups: kd_groups,
            },
            news_flash: NewsFlash {
                heading: nf_heading,
                groups: nf_groups,
            },
            economic_data,
            events,
            contact,
            about,
            related_links,
            subscription,
            disclaimer,
        }),
        _ => None,
    };
    // What the validator would reject is an error of the import too: `sheto import` never
    // writes a bundle that `sheto validate` refuses.
    let refused: Vec<Finding> = parsed
        .iter()
        .flat_map(crate::validate::check_issue)
        .filter(Finding::is_error)
        .collect();
    let issue = parsed
        .clone()
        .filter(|_| !parse_failed && refused.is_empty());
    let mut findings = report.finish();
    findings.extend(refused);
    findings.sort_by_key(|f| match f.location {
        crate::finding::Location::Line { line } => line,
        _ => 0,
    });
    ImportOutcome {
        issue,
        parsed,
        findings,
    }
}

#[cfg(feature = "pdf")]
/// A PDF's import: the text read from it (a paragraph a line, table rows with tabs, page
/// furniture gone), where each of its lines stands in the PDF, and the import of that text.
#[derive(Debug)]
pub struct PdfImport {
    pub extracted: from_pdf::Extracted,
    pub outcome: ImportOutcome,
}

#[cfg(feature = "pdf")]
/// Imports a newsletter PDF: its text is read with its geometry (see [`from_pdf`]), then read
/// by the same grammar as a text. A PDF that cannot be read (encrypted, a scan, damaged, not
/// a PDF) is an error that says so.
pub fn import_pdf(bytes: &[u8]) -> Result<PdfImport, crate::pdf::PdfError> {
    let pdf = crate::pdf::read(bytes)?;
    let extracted = from_pdf::extract(&pdf);
    let mut outcome = import(&extracted.text);
    let mut findings = extracted.findings.clone();
    findings.append(&mut outcome.findings);
    outcome.findings = findings;
    if outcome.findings.iter().any(Finding::is_error) {
        outcome.issue = None;
    }
    Ok(PdfImport { extracted, outcome })
}

/// The bundle as published: pretty JSON with a final newline, so that the same text gives the
/// same bytes.
pub fn to_json(issue: &Issue) -> String {
    let mut json = serde_json::to_string_pretty(issue).expect("bundle types always serialize");
    json.push('\n');
    json
}
