//! An issue as plain text lines, in the newsletter's order and wording: what a reader of the
//! printed newsletter sees. Tests use it to prove no word or figure of the source is lost.

use crate::bundle::{ArticleGroup, Issue, DETAILS_LABEL};
use crate::format::format_zh_period;
use crate::format::PrintedFigure;

fn groups(out: &mut Vec<String>, groups: &[ArticleGroup]) {
    for group in groups {
        out.push(group.heading.clone());
        for a in &group.articles {
            out.push(match a.number {
                Some(n) => format!("{n}. {}", a.title),
                None => a.title.clone(),
            });
            out.extend(a.paragraphs.iter().cloned());
            out.push(DETAILS_LABEL.to_string());
            out.extend(a.links.iter().cloned());
        }
    }
}

pub fn lines(issue: &Issue) -> Vec<String> {
    let mut out = vec![
        issue.masthead.title.clone(),
        issue.masthead.dateline.clone(),
    ];
    out.push(issue.key_developments.heading.clone());
    groups(&mut out, &issue.key_developments.groups);
    out.push(issue.news_flash.heading.clone());
    groups(&mut out, &issue.news_flash.groups);

    let d = &issue.economic_data;
    out.push(d.heading.clone());
    out.push(format!(
        "{} {} ({}) {} ({})",
        d.region_label, d.gdp.label, d.unit, d.trade.label, d.unit
    ));
    for m in [&d.gdp, &d.trade] {
        out.push(format!(
            "{} {}",
            format_zh_period(&m.period.start, &m.period.end),
            d.comparison_label
        ));
    }
    for r in &d.rows {
        let figures = [
            r.gdp.format_value(),
            r.gdp_yoy.format_percent(),
            r.trade.format_value(),
            r.trade_yoy.format_percent(),
        ];
        out.push(format!("{} {}", r.region.name_zh(), figures.join(" ")));
    }
    out.push(d.source.clone());

    let e = &issue.events;
    out.push(e.heading.clone());
    let c = &e.columns;
    out.push(
        [&c.date, &c.name, &c.venue, &c.organisers, &c.url]
            .map(|s| s.as_str())
            .join(" "),
    );
    for city in &e.cities {
        out.push(format!("{}：", city.heading));
        for ev in &city.events {
            let date = ev.dates_text();
            out.push(
                [
                    date.as_str(),
                    &ev.name,
                    &ev.venue,
                    &ev.organisers.join("、"),
                    &ev.url,
                ]
                .join(" "),
            );
        }
    }
    if let Some(more) = &e.more {
        out.extend([more.text.clone(), more.url.clone()]);
    }

    let c = &issue.contact;
    out.push(format!("{}：", c.heading));
    out.push(format!("地址：{}（郵編：{}）", c.address, c.postcode));
    out.extend([
        format!("電話：{}", c.phone),
        format!("傳真：{}", c.fax),
        format!("電郵：{}", c.email),
    ]);
    out.push(format!("{}：", c.hours_heading));
    for hours in [&c.office_hours, &c.immigration_hours] {
        out.push(hours.label.clone());
        out.extend(hours.sessions.iter().cloned());
    }
    if let Some(social) = &c.social {
        out.push(social.text.clone());
        out.extend(social.accounts.iter().cloned());
    }

    out.push(issue.about.heading.clone());
    out.extend(issue.about.paragraphs.iter().cloned());
    out.push(format!("網址：{}", issue.about.url));
    let r = &issue.related_links;
    out.extend([r.heading.clone(), r.intro.clone()]);
    for (i, link) in r.links.iter().enumerate() {
        out.push(format!("({}){}", i + 1, link.label));
        out.push(format!("網址：{}", link.url));
    }
    for section in [&issue.subscription, &issue.disclaimer] {
        out.push(section.heading.clone());
        out.extend(section.paragraphs.iter().cloned());
    }
    out
}
