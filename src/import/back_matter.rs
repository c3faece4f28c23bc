//! The parts after the tables: contact details, about, related links, subscription, disclaimer.

use crate::bundle::{About, Contact, Hours, NamedLink, RelatedLinks, Social, TextSection};
use crate::finding::Message;
use crate::import::report::{push_paragraph, Report};
use crate::import::text::{
    as_url, ends_with_colon, strip_label, strip_trailing_colon, url_rest, Block,
};
use crate::say;

const URL_LABEL: &str = "網址";

fn is_session(text: &str) -> bool {
    ["上午", "下午", "中午", "晚上"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// Where a second labelled field starts on a line (`…2233   傳真：…`), if one does.
fn second_label(text: &str) -> Option<usize> {
    ["地址", "電話", "傳真", "電郵", "網址"]
        .iter()
        .flat_map(|label| {
            text.match_indices(label)
                .map(|(at, _)| at)
                // A field starts after the value before it, not inside a word: 熱線電話： is
                // not a 電話 field.
                .filter(|&at| {
                    let after_word = text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() && !c.is_ascii());
                    at > 0 && !after_word && text[at + label.len()..].starts_with(['：', ':'])
                })
                .collect::<Vec<_>>()
        })
        .min()
}

/// A contact field; a second line of it (a second phone number) is kept beside the first.
fn set_field(field: &mut String, value: String, name: &str, line: usize, report: &mut Report) {
    if field.is_empty() {
        *field = value;
    } else {
        report.warn(
            line,
            say!(
                "a second {name} line: kept beside the first as 「{field}、{value}」",
                "第二行{name}：與第一行並列保留為「{field}、{value}」",
                name,
                field,
                value
            ),
        );
        field.push('、');
        field.push_str(&value);
    }
}

/// `上海市…21樓（郵編：200001）` → (address, postcode)
fn address_and_postcode(text: &str) -> (String, String) {
    for open in ['（', '('] {
        if let Some(i) = text.find(open) {
            let inner = text[i..]
                .trim_start_matches(open)
                .trim_end_matches(['）', ')']);
            let code = ["郵編", "郵政編碼", "邮编"]
                .iter()
                .find_map(|label| strip_label(inner, label));
            if let Some(code) = code {
                return (text[..i].trim().to_string(), code.to_string());
            }
        }
    }
    (text.trim().to_string(), String::new())
}

/// 香港特別行政區政府駐上海經濟貿易辦事處的聯絡方式：…
pub fn contact(heading: &Block, blocks: &[Block], report: &mut Report) -> Contact {
    let mut c = Contact {
        heading: strip_trailing_colon(heading.text.trim()).to_string(),
        address: String::new(),
        postcode: String::new(),
        phone: String::new(),
        fax: String::new(),
        email: String::new(),
        hours_heading: String::new(),
        office_hours: Hours {
            label: String::new(),
            sessions: vec![],
        },
        immigration_hours: Hours {
            label: String::new(),
            sessions: vec![],
        },
        social: None,
    };
    // Hours come as a label (辦事處) and its sessions; the office's first, then immigration's.
    // A label and its first session may share a line (a two-column layout): they are split.
    let mut hours_seen = 0;
    // The social accounts' labels follow 歡迎關注… until a line that is not one.
    let mut in_social = false;
    let mut pending: Vec<(usize, String)> = blocks
        .iter()
        .map(|b| (b.line, b.text.trim().to_string()))
        .collect();
    pending.reverse();
    while let Some((line, text)) = pending.pop() {
        // `電話：86-21-…   傳真：86-21-…`: two fields a two-column layout put on one line.
        if let Some(at) = second_label(&text) {
            report.info(
                line,
                say!(
                    "two contact fields on one line read apart: 「{text}」",
                    "一行中的兩項聯絡資料分開讀取：「{text}」",
                    text = text.trim()
                ),
            );
            pending.push((line, text[at..].trim().to_string()));
            pending.push((line, text[..at].trim().to_string()));
            continue;
        }
        let text = text.as_str();
        let block = Block { line, text };
        let field = |label| strip_label(text, label).map(str::to_string);
        let account_like = text.chars().count() <= 8
            && !is_session(text)
            && !ends_with_colon(text)
            && !text.starts_with("服務時間");
        if in_social && !account_like {
            in_social = false;
        }
        if let Some(address) = field("地址") {
            (c.address, c.postcode) = address_and_postcode(&address);
        } else if let Some(v) = field("電話") {
            set_field(&mut c.phone, v, "電話", line, report);
        } else if let Some(v) = field("傳真") {
            set_field(&mut c.fax, v, "傳真", line, report);
        } else if let Some(v) = field("電郵") {
            set_field(&mut c.email, v, "電郵", line, report);
        } else if text.starts_with("服務時間") {
            c.hours_heading = strip_trailing_colon(text).to_string();
        } else if let (true, Some(social)) = (in_social, c.social.as_mut()) {
            // Captions side by side under their QR codes: 公眾號 視頻號.
            social
                .accounts
                .extend(text.split_whitespace().map(str::to_string));
        } else if text.starts_with("歡迎關注") {
            in_social = true;
            c.social = Some(Social {
                text: text.to_string(),
                accounts: vec![],
            });
        } else if is_session(text) && hours_seen > 0 {
            let hours = if hours_seen == 1 {
                &mut c.office_hours
            } else {
                &mut c.immigration_hours
            };
            hours.sessions.push(text.to_string());
        } else if !c.hours_heading.is_empty() && hours_seen < 2 && !ends_with_colon(text) {
            // `辦事處上午八時三十分至…`: the label, then its first session.
            let (label, session) = match ["上午", "下午", "中午", "晚上"]
                .iter()
                .filter_map(|p| text.find(p))
                .min()
            {
                Some(at) if at > 0 => (text[..at].trim(), Some(text[at..].trim())),
                _ => (text, None),
            };
            hours_seen += 1;
            let hours = if hours_seen == 1 {
                &mut c.office_hours
            } else {
                &mut c.immigration_hours
            };
            hours.label = label.to_string();
            if let Some(session) = session {
                report.info(
                    line,
                    say!(
                        "「{label}」 and its hours 「{session}」 on one line: read apart",
                        "「{label}」與其時間「{session}」在同一行：分開讀取",
                        label,
                        session
                    ),
                );
                pending.push((line, session.to_string()));
            }
        } else {
            report.unplaced(&block, "聯絡方式");
        }
    }
    for (hours, name) in [
        (&c.office_hours, "辦事處"),
        (&c.immigration_hours, "入境事務組"),
    ] {
        if !c.hours_heading.is_empty() && (hours.label.is_empty() || hours.sessions.is_empty()) {
            report.warn(
                heading.line,
                say!(
                    "contact details: the hours of {name} are missing or incomplete",
                    "聯絡方式：{name}的辦公時間欠缺或不完整",
                    name
                ),
            );
        }
    }
    for (value, name) in [
        (&c.address, "地址"),
        (&c.phone, "電話"),
        (&c.fax, "傳真"),
        (&c.email, "電郵"),
    ] {
        if value.is_empty() {
            report.warn(
                heading.line,
                say!(
                    "contact details have no {name}",
                    "聯絡方式中沒有{name}",
                    name
                ),
            );
        }
    }
    c
}

/// `網址：<https://…>` → the URL
fn labelled_url(text: &str) -> Option<&str> {
    strip_label(text, URL_LABEL).and_then(as_url)
}

/// Reports text printed after a labelled link (`網址：<…>（另設簡體版）`): it is not part of it.
fn note_after_link(block: &Block, report: &mut Report) {
    if let Some(rest) = strip_label(block.text.trim(), URL_LABEL).map(url_rest) {
        if !rest.is_empty() {
            report.warn(
                block.line,
                say!(
                    "text after the link left out of it: 「{rest}」",
                    "連結後的文字不計入連結：「{rest}」",
                    rest
                ),
            );
        }
    }
}

/// 《…通訊》簡介: paragraphs and the newsletter's web address.
pub fn about(heading: &Block, blocks: &[Block], report: &mut Report) -> About {
    let mut paragraphs = Vec::new();
    let mut url = String::new();
    for block in blocks {
        match labelled_url(block.text) {
            Some(u) if url.is_empty() => {
                note_after_link(block, report);
                url = u.to_string()
            }
            Some(_) => report.unplaced(block, "簡介"),
            None => {
                push_paragraph(&mut paragraphs, block.text.trim(), block.line, report);
            }
        }
    }
    if url.is_empty() {
        report.warn(
            heading.line,
            say!("簡介 has no 網址 link", "簡介沒有網址連結"),
        );
    }
    About {
        heading: heading.text.trim().to_string(),
        paragraphs,
        url,
    }
}

/// `(1)香港特區政府工業貿易署…網頁` → the label
fn numbered_label(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['(', '（'])?;
    let close = rest.find([')', '）'])?;
    rest[..close]
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| rest[close..].trim_start_matches([')', '）']).trim())
}

/// 其他經貿資訊網頁: an intro, then numbered labels each followed by 網址：<url>.
pub fn related_links(heading: &Block, blocks: &[Block], report: &mut Report) -> RelatedLinks {
    let mut intro = String::new();
    let mut links: Vec<NamedLink> = Vec::new();
    let mut pending: Option<&Block> = None;
    for block in blocks {
        let text = block.text.trim();
        if numbered_label(text).is_some() {
            if let Some(p) = pending.replace(block) {
                report.warn(p.line, no_url());
            }
        } else if let (Some(url), Some(p)) = (labelled_url(text), pending) {
            note_after_link(block, report);
            let label = numbered_label(p.text.trim())
                .unwrap_or_default()
                .to_string();
            links.push(NamedLink {
                label,
                url: url.to_string(),
            });
            pending = None;
        } else if intro.is_empty() && links.is_empty() && pending.is_none() {
            intro = text.to_string();
        } else {
            report.unplaced(block, "其他經貿資訊網頁");
        }
    }
    if let Some(p) = pending {
        report.warn(p.line, no_url());
    }
    RelatedLinks {
        heading: heading.text.trim().to_string(),
        intro,
        links,
    }
}

fn no_url() -> Message {
    say!(
        "related link has no 網址 after it: left out",
        "相關連結之後沒有網址：已略去"
    )
}

/// A heading and its paragraphs (歡迎訂閱, 免責聲明).
pub fn text_section(heading: &Block, blocks: &[Block], report: &mut Report) -> TextSection {
    let mut paragraphs = Vec::new();
    for b in blocks {
        push_paragraph(&mut paragraphs, b.text.trim(), b.line, report);
    }
    TextSection {
        heading: heading.text.trim().to_string(),
        paragraphs,
    }
}
