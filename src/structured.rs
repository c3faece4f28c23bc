//! What a published page says about itself to machines: a description from the issue's
//! headlines, and schema.org JSON-LD (the issue as a periodical's issue, its articles, and the
//! trade events with their dates, venue and link) for search engines and link previews.

use crate::bundle::Issue;
use serde_json::{json, Value};

/// The issue's headlines, for `<meta name="description">` and link previews: as many as fit
/// in about 150 characters.
pub fn description(issue: &Issue) -> String {
    let mut out = String::new();
    let titles = (issue.key_developments.groups.iter())
        .chain(&issue.news_flash.groups)
        .flat_map(|g| &g.articles)
        .map(|a| a.title.trim());
    for title in titles {
        let more = out.chars().count() + title.chars().count() + 1;
        if !out.is_empty() && more > 150 {
            break;
        }
        if !out.is_empty() {
            out.push('；');
        }
        out.push_str(title);
    }
    out
}

/// The issue as schema.org JSON-LD.
pub fn json_ld(issue: &Issue) -> Value {
    let articles: Vec<Value> = (issue.key_developments.groups.iter())
        .chain(&issue.news_flash.groups)
        .flat_map(|g| &g.articles)
        .map(|a| {
            let mut article = json!({ "@type": "Article", "headline": a.title });
            if let Some(date) = &a.date {
                article["datePublished"] = json!(date);
            }
            if let Some(url) = a.links.first() {
                article["url"] = json!(url);
            }
            article
        })
        .collect();
    let events: Vec<Value> = (issue.events.cities.iter())
        .flat_map(|c| &c.events)
        .filter_map(|e| {
            // An event whose dates the newsletter printed unreadably is not a dated Event.
            let start = e.start.as_ref()?;
            let mut event = json!({
                "@type": "Event",
                "name": e.name,
                "startDate": start,
                "endDate": e.end.as_ref().unwrap_or(start),
                "location": { "@type": "Place", "name": e.venue, "address": e.venue },
                "organizer": e.organisers.iter()
                    .map(|o| json!({ "@type": "Organization", "name": o }))
                    .collect::<Vec<_>>(),
            });
            if !e.url.is_empty() {
                event["url"] = json!(e.url);
            }
            Some(event)
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "PublicationIssue",
        "issueNumber": issue.number.to_string(),
        "datePublished": issue.month,
        "name": issue.masthead.full_name(),
        "inLanguage": crate::i18n::Lang::from(issue.lang).html_tag(),
        "isPartOf": { "@type": "Periodical", "name": issue.masthead.title },
        "hasPart": articles,
        "subjectOf": events,
    })
}

/// JSON-LD as the text of a `<script type="application/ld+json">`: `<` escaped, so no text of
/// the issue can close the element.
pub fn json_ld_text(issue: &Issue) -> String {
    json_ld(issue).to_string().replace('<', "\\u003c")
}
