#![cfg(not(target_arch = "wasm32"))]
//! The published pages (`sheto html`, `sheto index`): an issue rendered with the reader's own
//! components, complete, escaped, with no script that runs, and the published ones up to date.

mod common;
use common::*;
use sheto::bundle::Issue;
use sheto::i18n::Lang;

/// An issue's plain page with the interface in its own script.
fn page(issue: &Issue) -> String {
    sheto::app::publish::issue_page(issue, Lang::from(issue.lang))
}
use sheto::html::archive_page;
use sheto::xml::escape;

/// The text a reader sees: tags dropped, entities decoded, whitespace removed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    // The page prints the newsletter's ASCII brackets full-width, as Chinese text does, and a
    // label's colon as the layout of a list of terms (地址 | 上海市…).
    out.replace('：', "")
        .replace('（', "(")
        .replace('）', ")")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn published_pages_are_up_to_date() {
    let issue = issue_233();
    assert_eq!(
        std::fs::read_to_string(repo("public/issues/233.html")).unwrap(),
        page(&issue)
    );
    let index: sheto::bundle::ArchiveIndex =
        serde_json::from_str(&std::fs::read_to_string(repo("public/issues/index.json")).unwrap())
            .unwrap();
    assert_eq!(
        std::fs::read_to_string(repo("public/issues/index.html")).unwrap(),
        archive_page(&index)
    );
    assert!(archive_page(&index).contains("<a href=\"233.html\">2026年5月（第233期）</a>"));
}

#[test]
fn every_word_and_figure_of_the_source_is_on_the_plain_page() {
    assert_source_is_in(&visible_text(&page(&issue_233())));
}

/// Every cell of every line of no. 233's source text is in `text` (a page's visible text).
fn assert_source_is_in(text: &str) {
    for (n, line) in source_233().lines().enumerate() {
        for cell in line.split('\t') {
            let cell: String = cell
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '<' | '>'))
                .collect();
            let cell = cell.replace('（', "(").replace('）', ")").replace('：', "");
            let cell = cell.as_str();
            // (1)…(6) before the related links are the list's own numbers (an <ol>).
            let cell = match cell.strip_prefix('(').and_then(|r| r.split_once(')')) {
                Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
                _ => cell,
            };
            if !cell.is_empty() {
                assert!(
                    text.contains(cell),
                    "line {}: 「{cell}」 is not on the page",
                    n + 1
                );
            }
        }
    }
}

/// The page's only script is its JSON-LD, which no browser runs.
fn executable_scripts(html: &str) -> usize {
    html.to_lowercase().matches("<script").count()
        - html
            .matches("<script type=\"application/ld+json\">")
            .count()
}

#[test]
fn the_page_has_no_script_and_every_link_is_safe() {
    let html = page(&issue_233());
    assert_eq!(executable_scripts(&html), 0);
    assert_eq!(html.matches("href=\"http").count(), 35);
    assert!(html.contains("<a href=\"mailto:yukizhang@sheto.gov.hk\">"));
    assert!(html.contains("<html lang=\"zh-Hant-HK\">"));
    // Its policy allows no inline script, as an element of its head (not text).
    let none = Some(sheto::site::policy::policy(&[]));
    assert_eq!(policy_of(&html), none);
    let index: sheto::bundle::ArchiveIndex =
        serde_json::from_str(&std::fs::read_to_string(repo("public/issues/index.json")).unwrap())
            .unwrap();
    assert_eq!(policy_of(&archive_page(&index)), none);
}

/// The Content-Security-Policy a page's `<meta http-equiv>` sets, as the browser reads it.
fn policy_of(html: &str) -> Option<String> {
    use sheto::site::markup::{tokens, Kind};
    tokens(html)
        .unwrap()
        .into_iter()
        .find_map(|t| match t.kind {
            Kind::Open(tag) if tag.is("http-equiv", "Content-Security-Policy") => {
                tag.get("content").map(str::to_string)
            }
            _ => None,
        })
}

#[test]
fn hostile_text_is_inert() {
    let mut issue = issue_233();
    issue.news_flash.groups[0].articles[0].title = "<script>alert(1)</script>".into();
    issue.news_flash.groups[0].articles[0].links = vec![
        "javascript:alert(1)".into(),
        "\"><img src=x onerror=alert(1)>".into(),
    ];
    let html = page(&issue);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(executable_scripts(&html), 0);
    assert!(!html.contains("href=\"javascript"));
    assert!(!html.contains("<img"));
    assert_eq!(escape("a&b\"'"), "a&amp;b&quot;&#39;");
}

#[test]
fn published_series_is_up_to_date() {
    let series = sheto::bundle::GrowthSeries::of([&issue_233()]);
    assert_eq!(
        std::fs::read_to_string(repo("public/issues/series.json")).unwrap(),
        series.to_json()
    );
    assert_eq!(series.issues[0].rows.len(), 5);
}

/// The zh-Hans edition's page: Simplified throughout, labels included, same links.
#[test]
fn the_simplified_page_says_its_language_and_keeps_every_link() {
    let original = page(&issue_233());
    let html = page(&sheto::convert::simplified_issue(&issue_233()));
    assert!(html.contains("<html lang=\"zh-Hans\">"));
    assert!(html.contains("<h1>香港特区政府驻上海经济贸易办事处通讯</h1>"));
    assert!(html.contains("详情请参看") && !html.contains("詳情請參看"));
    assert!(html.contains("江苏省") && !html.contains("江蘇省"));
    assert!(html.contains("网址：") && !html.contains("網址："));
    assert_eq!(html.matches("href=\"http").count(), 35);
    let hrefs = |h: &str| -> Vec<String> {
        h.split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            // The link to the interactive edition names the edition's language, and each
            // page names itself canonical.
            .filter(|h| !h.starts_with("../?issue=") && !h.starts_with("233."))
            .collect()
    };
    assert_eq!(hrefs(&html), hrefs(&original));
    // Both pages point feed readers to the feed.
    assert!(html
        .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\">"));
}

/// The charts are on the plain page as SVG, drawn from the geometry the canvas uses: every bar
/// where the layout puts it, every value label, an accessible name with every figure.
#[test]
fn the_plain_page_has_the_three_charts_drawn_from_the_canvas_geometry() {
    use sheto::chart::svg::{chart_svg, SVG_WIDTH};
    use sheto::chart::{layout, ChartKind, ChartModel};
    let issue = issue_233();
    let html = page(&issue);
    assert_eq!(html.matches("<svg role=\"img\"").count(), 3);
    for kind in ChartKind::ALL {
        let model = ChartModel::new(kind, &issue.economic_data, sheto::i18n::Lang::Hant);
        let svg = chart_svg(&model);
        assert!(html.contains(&svg), "{} is on the page", kind.id());
        let l = layout(&model, SVG_WIDTH, 1.0);
        assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", l.width, l.height)));
        for bar in &l.bars {
            let r = bar.rect;
            let rect = format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                r.x.round(),
                r.y.round(),
                (r.x + r.w).round() - r.x.round(),
                (r.y + r.h).round() - r.y.round()
            );
            assert!(svg.contains(&rect), "{}: bar {rect}", kind.id());
            assert!(svg.contains(&escape(&bar.label)), "label {}", bar.label);
        }
        let label = svg.split("aria-label=\"").nth(1).unwrap();
        assert!(label.starts_with(&format!("{}\"", escape(&model.title()))));
        // Every figure in words, once, as the figure's description.
        let words = escape(&model.describe_all());
        let described = format!(
            "<p id=\"chart-{}-desc\" class=\"visually-hidden\">{words}</p>",
            kind.id()
        );
        assert!(html.contains(&described));
        assert!(words.contains("上海市：") && !svg.contains(&words));
    }
}

/// What the page says of itself to search engines and link previews: its title, a description
/// from its headlines, and the issue as schema.org JSON-LD with its articles and dated events.
#[test]
fn the_page_describes_the_issue_for_search_and_link_previews() {
    let issue = issue_233();
    let html = page(&issue);
    assert!(
        html.contains("<title>香港特區政府駐上海經濟貿易辦事處通訊 2026年5月（第233期）</title>")
    );
    assert!(html.contains("<meta property=\"og:title\" content=\"香港特區政府駐上海經濟貿易辦事處通訊 2026年5月（第233期）\">"));
    let description = sheto::structured::description(&issue);
    let first = &issue.key_developments.groups[0].articles[0].title;
    assert!(description.starts_with(first.as_str()));
    assert!(description.chars().count() <= 150 || !description.contains('；'));
    assert!(html.contains(&format!(
        "<meta name=\"description\" content=\"{}\">",
        escape(&description)
    )));
    let ld = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(ld["@type"], "PublicationIssue");
    assert_eq!(ld["issueNumber"], "233");
    assert_eq!(
        ld["isPartOf"]["name"],
        "香港特區政府駐上海經濟貿易辦事處通訊"
    );
    assert_eq!(ld["hasPart"].as_array().unwrap().len(), 22);
    let events = ld["subjectOf"].as_array().unwrap();
    let dated = issue.events.cities.iter().flat_map(|c| &c.events).count();
    assert_eq!(events.len(), dated);
    assert_eq!(events[0]["@type"], "Event");
    assert_eq!(events[0]["startDate"], "2026-06-03");
    assert!(events[0]["location"]["name"]
        .as_str()
        .unwrap()
        .contains("上海"));
    // No text of the issue can end the element early.
    let mut hostile = issue.clone();
    hostile.news_flash.groups[0].articles[0].title = "</script><script>alert(1)</script>".into();
    let text = sheto::structured::json_ld_text(&hostile);
    assert!(!text.contains("</script") && text.contains("\\u003c/script>"));
}

/// The reader's page as `sheto publish` writes it: trunk's shell with issue 233 drawn into its
/// `<div id="app">` by the app's own root component, complete before any script runs.
mod reader_page {
    use super::*;
    use sheto::app::publish::{app_page, Share};
    use sheto::view_state::Place;

    /// A shell as trunk writes it (minified, its loader inline in the head).
    const SHELL: &str = "<!doctype html><html lang=zh-Hant-HK><meta charset=utf-8>\
<meta content=網站說明 name=description><title>香港特區政府駐上海經濟貿易辦事處通訊</title>\
<link href=./main-1.css rel=stylesheet><link href=feed.xml rel=alternate>\
<link as=fetch crossorigin href=./sheto-reader-1_bg.wasm integrity=sha384-x rel=preload type=application/wasm>\
<script type=module>import init from\"./sheto-reader-1.js\";await init({module_or_path:`./sheto-reader-1_bg.wasm`});</script></head>\
<body><div id=app></div></body></html>";

    /// The page's body up to the issue's data: what a reader sees without script.
    fn drawn(html: &str) -> &str {
        let body = html.split("<div id=\"app\">").nth(1).unwrap();
        body.split("<script type=\"application/json\"")
            .next()
            .unwrap()
    }

    #[test]
    fn every_word_and_figure_is_in_the_page_before_any_script() {
        let html = app_page(
            SHELL,
            &issue_233(),
            Place::Site,
            Lang::Hant,
            &Share::default(),
        )
        .unwrap();
        assert_source_is_in(&visible_text(drawn(&html)));
        // The three charts as SVG, and the app's own parts: the masthead, the chips, search.
        assert_eq!(drawn(&html).matches("<svg role=\"img\"").count(), 3);
        for part in [
            "class=\"masthead",
            "class=\"region-chips",
            "class=\"search",
            "id=\"main\"",
        ] {
            assert!(drawn(&html).contains(part), "{part}");
        }
        // The loader stays (its wasm fetched when it runs, not preloaded beside the page); the
        // shell's own title and description give way to the issue's.
        assert!(html.contains("<script type=module>import init"));
        assert!(!html.contains("rel=preload") && html.contains("href=./main-1.css"));
        assert!(html
            .contains("<title>香港特區政府駐上海經濟貿易辦事處通訊 2026年5月（第233期）</title>"));
        assert!(!html.contains("網站說明") && html.matches("<title>").count() == 1);
        assert!(html.contains("<meta property=\"og:title\""));
        assert!(html.contains("<script type=\"application/ld+json\">"));
    }

    #[test]
    fn the_issue_s_data_is_in_the_page_for_the_app_to_adopt_it() {
        let issue = issue_233();
        let html = app_page(SHELL, &issue, Place::Site, Lang::Hant, &Share::default()).unwrap();
        let data = html
            .split("<script type=\"application/json\" id=\"sheto-issue\" data-lang=\"zh-Hant\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap();
        let adopted: sheto::bundle::Issue = serde_json::from_str(data).unwrap();
        assert_eq!(adopted, issue);
        // No text of the issue can end the element early or run as script.
        let mut hostile = issue.clone();
        hostile.news_flash.groups[0].articles[0].title =
            "</script><script>alert(1)</script><!--".into();
        let html = app_page(SHELL, &hostile, Place::Site, Lang::Hant, &Share::default()).unwrap();
        assert_eq!(
            html.matches("</script>").count(),
            3,
            "loader, JSON-LD, data"
        );
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    }

    #[test]
    fn a_page_published_again_holds_only_the_newer_issue() {
        let older = issue_233();
        let mut newer = issue_233();
        newer.number = 234;
        newer.masthead.dateline = "2026年6月（第234期）".into();
        let once = app_page(SHELL, &older, Place::Site, Lang::Hant, &Share::default()).unwrap();
        let again = app_page(&once, &newer, Place::Site, Lang::Hant, &Share::default()).unwrap();
        assert_eq!(
            again,
            app_page(SHELL, &newer, Place::Site, Lang::Hant, &Share::default()).unwrap()
        );
        assert!(again.contains("第234期") && !again.contains("第233期"));
    }

    #[test]
    fn a_shell_without_its_place_is_refused_with_where() {
        use sheto::site::shell::ShellError;
        let publish = |shell: &str| {
            app_page(
                shell,
                &issue_233(),
                Place::Site,
                Lang::Hant,
                &Share::default(),
            )
        };
        let shell = SHELL.replace("<div id=app></div>", "<div id=boot></div>");
        assert_eq!(publish(&shell).unwrap_err(), ShellError::NoApp);
        assert_eq!(
            publish("<html><body><div id=app></div></body></html>").unwrap_err(),
            ShellError::NoCharset
        );
        // Something in the place that is not a published issue is not overwritten.
        let filled = SHELL.replace("<div id=app></div>", "<div id=app><p>mine</p></div>");
        let at = filled.find("<div id=app>").unwrap();
        assert_eq!(publish(&filled).unwrap_err(), ShellError::AppNotEmpty(at));
        // A shell cut short names the byte where.
        let cut = &SHELL[..SHELL.find("import init").unwrap()];
        let error = publish(cut).unwrap_err().to_string();
        assert!(error.contains("not closed (byte "), "{error}");
    }

    #[test]
    fn the_page_is_its_own_elements_and_the_issue_s_in_one_head() {
        let html = app_page(
            SHELL,
            &issue_233(),
            Place::Site,
            Lang::Hant,
            &Share::default(),
        )
        .unwrap();
        let tokens = sheto::site::markup::tokens(&html).unwrap();
        let count = |name: &str| {
            tokens
                .iter()
                .filter(|t| {
                    matches!(&t.kind, sheto::site::markup::Kind::Open(tag) | sheto::site::markup::Kind::Raw(tag, _) if tag.name == name)
                })
                .count()
        };
        assert_eq!((count("html"), count("head"), count("body")), (1, 1, 1));
        assert_eq!(
            (count("title"), count("div")),
            (1, html.matches("<div").count())
        );
        // The policy right after <meta charset>, pinning the loader (and nothing else runs).
        assert!(html.starts_with(
            "<!DOCTYPE html><html lang=\"zh-Hant-HK\" data-issue=\"233\"><head><meta charset=utf-8>\
<meta http-equiv=\"Content-Security-Policy\""
        ));
        let loader = SHELL
            .split("<script type=module>")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap();
        assert!(
            html.contains(&sheto::site::policy::policy(&[sheto::site::policy::hash(
                loader
            )]))
        );
    }

    #[test]
    fn an_issue_s_own_page_is_the_same_page_one_folder_down() {
        let html = app_page(
            SHELL,
            &issue_233(),
            Place::IssuePage,
            Lang::Hant,
            &Share::default(),
        )
        .unwrap();
        assert_source_is_in(&visible_text(drawn(&html)));
        // Its stylesheet, loader, wasm and feed from the site's root; its own anchors stay.
        for link in [
            "href=../main-1.css",
            "href=../feed.xml",
            "href=\"#news\"",
            "href=\"../issues/index.html\"",
        ] {
            assert!(html.contains(link), "{link}");
        }
        assert!(!html.contains("=./"));
        // The loader finds the site's root from the page (its text, and so its hash, is the
        // same on every page).
        assert!(html.contains("<html lang=\"zh-Hant-HK\" data-root=\"../\" data-issue=\"233\">"));
        // It says where it is, for the app, and which page is the issue's and its other edition.
        assert!(html.contains("id=\"sheto-issue\" data-place=\"issue\" data-lang=\"zh-Hant\">"));
        let hans = sheto::convert::simplified_issue(&issue_233());
        let html = app_page(
            SHELL,
            &hans,
            Place::IssuePage,
            Lang::Hans,
            &Share::default(),
        )
        .unwrap();
        assert!(html.contains("<link rel=\"canonical\" href=\"233.zh-Hans.html\">"));
        assert!(html.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"233.html\">"));
        // Its language is its edition's before any script runs; only <html>'s own is changed.
        assert!(
            html.contains("<html lang=\"zh-Hans\" data-root=\"../\" data-issue=\"233\">"),
            "{}",
            &html[..80]
        );
        assert_eq!(html.matches("lang=zh-Hant-HK").count(), 0);
    }
}

/// Controls before code (issue 26): the province filter and the language switch work from the
/// page as published. Each chip is a checkbox the stylesheet reads (`:has()`), with a rule for
/// every province; 全部 resets the form; 繁 and 简 link to the issue's published editions.
#[test]
fn the_filter_and_the_language_switch_work_from_the_html() {
    use sheto::app::publish::{app_page, Share};
    use sheto::region::Region;
    use sheto::view_state::Place;
    let css = std::fs::read_to_string(repo("style/main.css")).unwrap();
    for region in Region::PROVINCES {
        let id = region.id();
        let chosen = format!(".page:has([value=\"{id}\"]:checked)");
        for shown in [
            format!("{chosen} :is(#news, #events) .group[data-region=\"{id}\"]"),
            format!("{chosen} :is(#news, #events):has(.group[data-region=\"{id}\"]) .empty"),
            format!("{chosen} .data-table tr[data-region=\"{id}\"]"),
        ] {
            assert!(css.contains(&shown), "main.css has no rule for {shown}");
        }
    }
    let shell = "<!doctype html><html lang=zh-Hant-HK><meta charset=utf-8><title>t</title>\
</head><body><div id=app></div></body></html>";
    let site = app_page(
        shell,
        &issue_233(),
        Place::Site,
        Lang::Hant,
        &Share::default(),
    )
    .unwrap();
    for region in Region::PROVINCES {
        let checkbox = format!(
            "<input type=\"checkbox\" name=\"region\" value=\"{}\">",
            region.id()
        );
        assert!(site.contains(&checkbox), "{checkbox}");
    }
    assert!(site.contains("<button type=\"reset\" class=\"chip all\">"));
    // Each language is a link to the issue's page in it (繁 named: a link followed is a choice).
    for link in [
        "href=\"issues/233.html?lang=zh-Hant\" aria-current=\"true\"",
        "href=\"issues/233.zh-Hans.html\"",
        "href=\"issues/233.en.html\"",
    ] {
        assert!(site.contains(link), "{link}");
    }
    // Another issue is a link away (the archive's page) before the app's picker is there.
    assert!(site.contains("<a href=\"issues/index.html\" class=\"archive-link\">"));
    // The search box is a form: sent before the app is there, it opens `?q=` for the app.
    assert!(site.contains("<form role=\"search\" method=\"get\" class=\"search\">"));
    assert!(site.contains("name=\"q\""));
    let hans = sheto::convert::simplified_issue(&issue_233());
    let page = app_page(
        shell,
        &hans,
        Place::IssuePage,
        Lang::Hans,
        &Share::default(),
    )
    .unwrap();
    for link in [
        "href=\"233.html?lang=zh-Hant\"",
        "href=\"233.zh-Hans.html\" aria-current=\"true\"",
        "href=\"233.en.html\"",
        "href=\"../issues/index.html\"",
    ] {
        assert!(page.contains(link), "{link}");
    }
}

/// Issue 26, point 3: an English interface published per issue, so an English reader's first
/// visit adopts a page already in English rather than redrawing a Chinese one.
#[test]
fn each_issue_has_a_page_with_an_english_interface() {
    use sheto::app::publish::{app_page, Share};
    use sheto::view_state::Place;
    let shell = "<!doctype html><html lang=zh-Hant-HK><meta charset=utf-8><title>t</title>\
</head><body><div id=app></div></body></html>";
    let issue = issue_233();
    let en = app_page(shell, &issue, Place::IssuePage, Lang::En, &Share::default()).unwrap();
    // The page's language and its data say English; the loader's script reads the issue.
    assert!(en.contains("<html lang=\"en\" data-root=\"../\" data-issue=\"233\">"));
    assert!(en.contains("id=\"sheto-issue\" data-place=\"issue\" data-lang=\"en\">"));
    // It is the canonical English page; its siblings are named for each language.
    assert!(en.contains("<link rel=\"canonical\" href=\"233.en.html\">"));
    for (tag, file) in [
        ("zh-Hant", "233.html"),
        ("zh-Hans", "233.zh-Hans.html"),
        ("en", "233.en.html"),
    ] {
        let alternate = format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{file}\">");
        assert!(en.contains(&alternate), "{alternate}");
    }
    // The interface in English around the newsletter's own text, which stays in 繁 and says so.
    let app = en.split("<div id=\"app\">").nth(1).unwrap();
    let app = app
        .split("<script type=\"application/json\"")
        .next()
        .unwrap();
    for label in [
        "Key developments",
        "Trade news",
        "Skip to content",
        "All issues",
    ] {
        assert!(app.contains(label), "{label}");
    }
    assert!(app.contains("<main") && app.contains("lang=\"zh-Hant\""));
    // (The contact's labels are the interface's: "Address", not 地址; the rest is the source's.)
    let text = visible_text(app);
    for source in ["浙江獨角獸企業達58家", "34,483.0", "CargoX"] {
        assert!(text.contains(source), "{source}");
    }
    assert!(en.contains("href=\"233.en.html\" aria-current=\"true\""));
}
