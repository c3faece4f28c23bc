//! An issue as a plain, semantic HTML page with no script: for readers without JavaScript, for
//! search engines, and as the benchmark's baseline (`sheto html`). Same order and words as the
//! app; every text is escaped and only safe URLs become links.

use crate::bundle::{details_label, website_label, Issue, Script};
use crate::chart::{svg, ChartKind, ChartModel};
use crate::format::PrintedFigure;
use crate::format::{format_zh_date, format_zh_period};
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::links::{safe_href, segments, Segment};
use crate::page::{IssuePage, PageGroup, Section};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn link(url: &str) -> String {
    match safe_href(url) {
        Some(href) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape(href),
            escape(url)
        ),
        None => escape(url),
    }
}

fn rich(text: &str) -> String {
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => escape(t),
            Segment::Email(e) => format!("<a href=\"mailto:{0}\">{0}</a>", escape(e)),
        })
        .collect()
}

fn groups(out: &mut String, section: Section, heading: &str, groups: &[PageGroup], lang: Script) {
    let _ = writeln!(
        out,
        "<section id=\"{section}\"><h2>{}</h2>",
        escape(heading)
    );
    for g in groups {
        let _ = writeln!(
            out,
            "<section data-region=\"{}\"><h3>{}</h3>",
            g.region.id(),
            escape(&g.heading)
        );
        for item in &g.items {
            let a = &item.article;
            let id = format!(" id=\"{}\"", item.anchor);
            let number = a.number.map(|n| format!("{n}. ")).unwrap_or_default();
            let _ = writeln!(out, "<article{id}><h4>{number}{}</h4>", escape(&a.title));
            if let Some(d) = &a.date {
                let _ = writeln!(
                    out,
                    "<p><time datetime=\"{}\">{}</time></p>",
                    escape(d),
                    format_zh_date(d)
                );
            }
            for p in &a.paragraphs {
                let _ = writeln!(out, "<p>{}</p>", rich(p));
            }
            if !a.links.is_empty() {
                let _ = writeln!(out, "<p>{}</p><ul>", details_label(lang));
                for l in &a.links {
                    let _ = writeln!(out, "<li>{}</li>", link(l));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

/// The plain pages' stylesheet, beside them in `issues/` (a file, not inline, so a strict
/// Content-Security-Policy holds for them too), and the Atom feed one folder up, for feed readers.
const STYLESHEET: &str = "<link rel=\"stylesheet\" href=\"plain.css\">\n\
<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\">";

/// The whole issue as one HTML document.
pub fn page(issue: &Issue) -> String {
    let mut out = String::new();
    let title = format!("{} {}", issue.masthead.title, issue.masthead.dateline);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
{STYLESHEET}\n</head>\n<body>\n<header><h1>{}</h1><p>{}</p></header>\n<main>",
        Lang::from(issue.lang).html_tag(),
        escape(&title),
        escape(&issue.masthead.title),
        escape(&issue.masthead.dateline)
    );
    // The plain page shows the issue in its own script, labels included.
    let lang = Lang::from(issue.lang);
    let page = IssuePage::new(issue, lang);
    groups(
        &mut out,
        Section::Key,
        &issue.key_developments.heading,
        &page.key,
        issue.lang,
    );
    groups(
        &mut out,
        Section::News,
        &issue.news_flash.heading,
        &page.news,
        issue.lang,
    );

    let d = &issue.economic_data;
    let gdp_period = format_zh_period(&d.gdp.period.start, &d.gdp.period.end);
    let trade_period = format_zh_period(&d.trade.period.start, &d.trade.period.end);
    let _ = writeln!(
        out,
        "<section id=\"{}\"><h2>{}</h2>\n<table>\n<caption>{}</caption>\n<thead><tr><th>{}</th>\
<th>{} ({}) {}</th><th>{}</th><th>{} ({}) {}</th><th>{}</th></tr></thead>\n<tbody>",
        Section::Data,
        escape(&d.heading),
        escape(&lang.fill(Msg::Unit, &[&d.unit])),
        escape(&d.region_label),
        escape(&d.gdp.label),
        escape(&d.unit),
        gdp_period,
        escape(&d.comparison_label),
        escape(&d.trade.label),
        escape(&d.unit),
        trade_period,
        escape(&d.comparison_label)
    );
    // A figure not published is a dash that says so.
    let cell = |f: Option<crate::bundle::Figure>, text: String| match f {
        Some(_) => format!("<td>{text}</td>"),
        None => format!(
            "<td><abbr title=\"{0}\" aria-label=\"{0}\">{text}</abbr></td>",
            lang.text(crate::i18n::Msg::NotPublished)
        ),
    };
    for r in &d.rows {
        let _ = writeln!(
            out,
            "<tr><th>{}</th>{}{}{}{}</tr>",
            r.region.name(lang),
            cell(r.gdp, r.gdp.format_value()),
            cell(r.gdp_yoy, r.gdp_yoy.format_percent()),
            cell(r.trade, r.trade.format_value()),
            cell(r.trade_yoy, r.trade_yoy.format_percent())
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n<p>{}</p>", escape(&d.source));
    // The charts, drawn as the reader's canvas draws them: there with no script, and printed.
    for kind in ChartKind::ALL {
        let model = ChartModel::new(kind, d, lang);
        let _ = writeln!(
            out,
            "<figure class=\"chart\" id=\"chart-{}\"><figcaption><b>{}</b> {}</figcaption>\n{}\n</figure>",
            kind.id(),
            escape(&model.title()),
            escape(&model.subtitle()),
            svg::chart_svg(&model)
        );
    }
    let _ = writeln!(out, "</section>");

    let e = &issue.events;
    let c = &e.columns;
    let _ = writeln!(
        out,
        "<section id=\"{}\"><h2>{}</h2>",
        Section::Events,
        escape(&e.heading)
    );
    for city in &e.cities {
        let _ = writeln!(
            out,
            "<h3>{}：</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape(&city.heading),
            escape(&c.date),
            escape(&c.name),
            escape(&c.venue),
            escape(&c.organisers),
            escape(&c.url)
        );
        for ev in &city.events {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&ev.dates_text()),
                escape(&ev.name),
                escape(&ev.venue),
                escape(&ev.organisers.join("、")),
                if ev.url.is_empty() {
                    crate::format::NOT_PUBLISHED.to_string()
                } else {
                    link(&ev.url)
                }
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if let Some(more) = &e.more {
        let _ = writeln!(out, "<p>{} {}</p>", escape(&more.text), link(&more.url));
    }
    out.push_str("</section>\n");

    let ct = &issue.contact;
    let _ = writeln!(
        out,
        "<section id=\"{section}\"><h2>{heading}</h2>\n<p>{address_label}：{address}{postcode}</p>\n\
<p>{phone_label}：{phone}</p>\n<p>{fax_label}：{fax}</p>\n\
<p>{email_label}：<a href=\"mailto:{email}\">{email}</a></p>\n<h3>{hours}</h3>",
        section = Section::Contact,
        heading = escape(&ct.heading),
        address_label = lang.text(Msg::Address),
        phone_label = lang.text(Msg::Phone),
        fax_label = lang.text(Msg::Fax),
        email_label = lang.text(Msg::Email),
        address = escape(&ct.address),
        postcode = escape(&lang.fill(Msg::Postcode, &[&ct.postcode])),
        phone = escape(&ct.phone),
        fax = escape(&ct.fax),
        email = escape(&ct.email),
        hours = escape(&ct.hours_heading)
    );
    for h in [&ct.office_hours, &ct.immigration_hours] {
        let _ = writeln!(out, "<p>{}</p>\n<ul>", escape(&h.label));
        for s in &h.sessions {
            let _ = writeln!(out, "<li>{}</li>", escape(s));
        }
        out.push_str("</ul>\n");
    }
    if let Some(s) = &ct.social {
        let _ = writeln!(
            out,
            "<p>{} {}</p>",
            escape(&s.text),
            escape(&s.accounts.join("、"))
        );
    }
    out.push_str("</section>\n");

    let a = &issue.about;
    let _ = writeln!(
        out,
        "<section id=\"{}\"><h2>{}</h2>",
        Section::About,
        escape(&a.heading)
    );
    for p in &a.paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(p));
    }
    let website = website_label(issue.lang);
    let _ = writeln!(out, "<p>{website}{}</p>\n</section>", link(&a.url));
    let r = &issue.related_links;
    let _ = writeln!(
        out,
        "<section id=\"{}\"><h2>{}</h2>\n<p>{}</p>\n<ol>",
        Section::Links,
        escape(&r.heading),
        escape(&r.intro)
    );
    for l in &r.links {
        let _ = writeln!(
            out,
            "<li>{}<br>{website}{}</li>",
            escape(&l.label),
            link(&l.url)
        );
    }
    out.push_str("</ol>\n</section>\n");
    for (section, s) in [
        (Section::Subscribe, &issue.subscription),
        (Section::Disclaimer, &issue.disclaimer),
    ] {
        let _ = writeln!(
            out,
            "<section id=\"{section}\"><h2>{}</h2>",
            escape(&s.heading)
        );
        for p in &s.paragraphs {
            let _ = writeln!(out, "<p>{}</p>", rich(p));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The archive as a plain page: every issue, newest first, linked to its plain HTML page.
pub fn archive_page(index: &crate::bundle::ArchiveIndex) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hant-HK\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>香港特區政府駐上海經濟貿易辦事處通訊：各期</title>\n{STYLESHEET}\n</head>\n<body>\n\
<h1>香港特區政府駐上海經濟貿易辦事處通訊</h1>\n<ul>\n"
    );
    for e in &index.issues {
        let page = e.file.trim_end_matches(".json");
        let editions: String = e
            .editions
            .iter()
            .map(|ed| {
                let page = ed.file.trim_end_matches(".json");
                let name = match ed.lang {
                    crate::bundle::Script::Hans => "简体",
                    crate::bundle::Script::Hant => "繁體",
                };
                format!(
                    " · <a href=\"{}.html\" lang=\"{}\" hreflang=\"{1}\">{}</a>",
                    escape(page),
                    ed.lang.tag(),
                    escape(name)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<li><a href=\"{}.html\">{}</a>{editions}</li>",
            escape(page),
            escape(&e.title)
        );
    }
    out.push_str("</ul>\n<p><a href=\"../feed.xml\">Atom 訂閱</a></p>\n</body>\n</html>\n");
    out
}
