//! The archive as an Atom feed (RFC 4287), `public/feed.xml`, written by `sheto index`: one
//! entry per issue per language for the newest [`FEED_ISSUES`] issues, each listing the issue's
//! headlines and linking to it in the reader. Links are relative to the feed, so the site works
//! under any sub-path.

use crate::bundle::Issue;
use crate::xml::escape;
use std::fmt::Write;

/// How many issues the feed carries in each language: two years of a monthly. A feed reader
/// polls the whole file, so it stays the same size at issue 500 as at issue 24; the archive
/// page links every issue.
pub const FEED_ISSUES: usize = 24;

/// Who publishes the newsletter (the feed's author).
pub const OFFICE: &str = "香港特別行政區政府駐上海經濟貿易辦事處";
/// Stable ids: a tag URI (RFC 4151) under the office's domain, never a hosting address.
const TAG: &str = "tag:sheto.gov.hk,2026:newsletter";

/// Text for XML: escaped, and the control characters XML 1.0 forbids replaced.
fn xml(text: &str) -> String {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    escape(&text.replace(|c| !allowed(c), "\u{FFFD}"))
}

/// An issue's month as an Atom date: the first of the month, Hong Kong time. Bundles carry the
/// month they cover, not a moment of publication.
fn updated(issue: &Issue) -> String {
    format!("{}-01T00:00:00+08:00", issue.month)
}

/// The issue's own page in its language, relative to the feed (`issues/233.zh-Hans.html`): a
/// page complete before any script, which the reader's app adopts.
pub fn reader_link(issue: &Issue) -> String {
    use crate::view_state::{Place, ViewState};
    let view = ViewState {
        issue: Some(issue.number),
        lang: Some(issue.lang.into()),
        ..Default::default()
    };
    format!("issues/{}", view.href_at(Place::IssuePage))
}

/// The headlines of an issue as HTML: its key developments and news, under their headings.
fn headlines(issue: &Issue) -> String {
    let mut html = String::new();
    let parts = [
        (
            &issue.key_developments.heading,
            &issue.key_developments.groups,
        ),
        (&issue.news_flash.heading, &issue.news_flash.groups),
    ];
    for (heading, groups) in parts {
        let _ = write!(html, "<h2>{}</h2>", escape(heading));
        for group in groups {
            let _ = write!(html, "<h3>{}</h3><ul>", escape(&group.heading));
            for article in &group.articles {
                let _ = write!(html, "<li>{}</li>", escape(&article.title));
            }
            html.push_str("</ul>");
        }
    }
    html
}

fn entry(out: &mut String, issue: &Issue) {
    let lang = &issue.lang;
    let _ = write!(
        out,
        "  <entry xml:lang=\"{lang}\">\n    <id>{TAG}/{}/{lang}</id>\n    <title>{} {}</title>\n    \
         <updated>{}</updated>\n    \
         <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{}\"/>\n    \
         <content type=\"html\">{}</content>\n  </entry>\n",
        issue.number,
        xml(&issue.masthead.title),
        xml(&issue.masthead.dateline),
        updated(issue),
        xml(&reader_link(issue)),
        xml(&headlines(issue)),
    );
}

/// The feed of the editions given (originals and their zh-Hans editions): the newest
/// [`FEED_ISSUES`] of each language, newest issue first, zh-Hant before zh-Hans. None when there
/// is no issue (an empty archive has no feed).
pub fn atom(editions: &[&Issue]) -> Option<String> {
    let mut editions = editions.to_vec();
    // Descending: newest first, and zh-Hant sorts after zh-Hans, so it comes first.
    editions.sort_by(|a, b| (b.number, b.lang.tag()).cmp(&(a.number, a.lang.tag())));
    let mut kept = std::collections::HashMap::new();
    editions.retain(|e| {
        let n = kept.entry(e.lang).or_insert(0);
        *n += 1;
        *n <= FEED_ISSUES
    });
    let newest = editions.first()?;
    let last_updated = editions.iter().map(|i| updated(i)).max()?;
    let address = &newest.contact.email;
    let email = if address.contains('@') {
        format!("<email>{}</email>", xml(address))
    } else {
        String::new()
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hant\">\n  \
         <id>{TAG}</id>\n  <title>{}</title>\n  <updated>{last_updated}</updated>\n  \
         <author><name>{OFFICE}</name>{}</author>\n  \
         <link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>\n  \
         <link rel=\"alternate\" type=\"text/html\" href=\"./\"/>\n  \
         <generator>sheto</generator>\n",
        xml(&newest.masthead.title),
        email,
    );
    for issue in editions {
        entry(&mut out, issue);
    }
    out.push_str("</feed>\n");
    Some(out)
}
