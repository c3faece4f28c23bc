#![cfg(not(target_arch = "wasm32"))]
//! No. 233 (May 2026), the first real issue: the published bundle is exactly what the importer
//! makes of the source text, and every word, figure and link of the source reaches it.

mod common;
use common::*;
use sheto::bundle::Figure;
use sheto::finding::Severity;
use sheto::format::PrintedFigure;
use sheto::import::{import, to_json};
use sheto::region::Region;

#[test]
fn the_source_copy_matches_the_shared_source() {
    let shared = repo("../shared/source/issue-233.txt");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        assert_eq!(
            text,
            source_233(),
            "sources/issue-233.txt differs from {}",
            shared.display()
        );
    }
}

#[test]
fn published_bundle_is_the_importer_output_byte_for_byte() {
    let outcome = import(&source_233());
    let issue = outcome.issue.expect("233 imports");
    assert_eq!(to_json(&issue), published_233());
}

#[test]
fn import_reports_the_pdf_artefacts_and_nothing_else() {
    let outcome = import(&source_233());
    let found: Vec<(usize, Severity, &str)> = outcome
        .findings
        .iter()
        .map(|f| match f.location {
            sheto::finding::Location::Line { line } => (line, f.severity, &*f.message),
            _ => panic!("importer findings carry lines: {f:?}"),
        })
        .collect();
    let joined = "joined to the paragraph above it, cut by a page break";
    let header = "repeated table header dropped";
    let space = "event link has a space in it, kept as printed: https://home.hktdc.com/en/factsheet/FS-7bzaIg5r_ITE HongKong2026";
    assert_eq!(
        found,
        [
            (25, Severity::Info, joined),
            (83, Severity::Info, joined),
            (163, Severity::Info, joined),
            (209, Severity::Info, joined),
            (233, Severity::Info, header),
            (234, Severity::Info, header),
            (254, Severity::Warning, space),
        ]
    );
}

#[test]
fn header_fields() {
    let issue = issue_233();
    assert_eq!(issue.schema_version, 1);
    assert_eq!(issue.number, 233);
    assert_eq!(issue.month, "2026-05");
    assert_eq!(issue.lang, sheto::bundle::Script::Hant);
    assert_eq!(issue.lang.tag(), "zh-Hant");
    assert_eq!(issue.masthead.title, "香港特區政府駐上海經濟貿易辦事處通訊");
    assert_eq!(issue.masthead.dateline, "2026年5月（第233期）");
}

#[test]
fn every_figure_of_the_data_table() {
    let data = issue_233().economic_data;
    assert_eq!(data.unit, "億人民幣");
    assert_eq!(
        (data.gdp.label.as_str(), data.trade.label.as_str()),
        ("地區生產總值", "進出口總額")
    );
    assert_eq!(
        (data.gdp.period.start.as_str(), data.gdp.period.end.as_str()),
        ("2026-01", "2026-03")
    );
    assert_eq!(
        (
            data.trade.period.start.as_str(),
            data.trade.period.end.as_str()
        ),
        ("2026-01", "2026-04")
    );
    assert_eq!(data.comparison_label, "與2025年同期相比");
    assert_eq!(data.source, "(數據錄自各省市政府相關網站)");
    let f = |value| Figure { value, decimals: 1 };
    let expected = [
        (Region::Shanghai, 13526.9, 5.9, 16834.4, 19.7),
        (Region::Jiangsu, 34483.0, 5.4, 21965.4, 19.0),
        (Region::Anhui, 13014.0, 5.8, 3929.5, 34.0),
        (Region::Shandong, 24844.0, 6.0, 11698.5, 3.6),
        (Region::Zhejiang, 23684.0, 6.0, 18641.5, 6.7),
    ];
    assert_eq!(data.rows.len(), expected.len());
    for (row, (region, gdp, gdp_yoy, trade, trade_yoy)) in data.rows.iter().zip(expected) {
        assert_eq!(row.region, region);
        assert_eq!(
            (row.gdp, row.gdp_yoy, row.trade, row.trade_yoy),
            (
                Some(f(gdp)),
                Some(f(gdp_yoy)),
                Some(f(trade)),
                Some(f(trade_yoy))
            )
        );
    }
    let printed: Vec<String> = data
        .rows
        .iter()
        .map(|r| format!("{} {}", r.gdp.format_value(), r.trade_yoy.format_percent()))
        .collect();
    assert_eq!(
        printed,
        [
            "13,526.9 +19.7%",
            "34,483.0 +19.0%",
            "13,014.0 +34.0%",
            "24,844.0 +3.6%",
            "23,684.0 +6.7%"
        ]
    );
}

#[test]
fn seventeen_news_items_in_their_regions() {
    let issue = issue_233();
    let groups: Vec<(Region, Vec<u32>)> = issue
        .news_flash
        .groups
        .iter()
        .map(|g| {
            (
                g.region,
                g.articles.iter().map(|a| a.number.unwrap()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (Region::Shanghai, vec![1, 2, 3]),
            (Region::Anhui, vec![4, 5, 6]),
            (Region::Jiangsu, vec![7, 8, 9]),
            (Region::Shandong, vec![10, 11, 12]),
            (Region::Zhejiang, vec![13, 14, 15, 16, 17]),
        ]
    );
    let news: Vec<_> = issue.news().map(|(_, a)| a).collect();
    assert_eq!(
        news[6].title,
        "2026全國腦機接口科技與產業融合創新大會在南京舉行"
    );
    assert_eq!(news[0].date.as_deref(), Some("2026-05-15"));
    // 近日 and a date without its year give no date.
    for n in [11, 12, 13, 14, 15] {
        assert_eq!(news[n - 1].date, None, "item {n}");
    }
    assert_eq!(news[16].date.as_deref(), Some("2026-04-23"));
    // Paragraphs cut by page breaks are whole again.
    assert!(news[2].paragraphs[0].contains("上海市政府副秘書長、市發展改革委主任劉健"));
    assert!(news[11].paragraphs[0].contains("市南海洋特色文旅產業集聚區入選"));
    assert!(news[15].paragraphs[0].contains("（金磚國家特殊經濟區中國合作中心秘書處)"));
    assert_eq!(news[13].paragraphs.len(), 3);
}

#[test]
fn five_key_developments() {
    let kd = issue_233().key_developments;
    let groups: Vec<(Region, usize)> = kd
        .groups
        .iter()
        .map(|g| (g.region, g.articles.len()))
        .collect();
    assert_eq!(groups, [(Region::HongKong, 3), (Region::Mainland, 2)]);
    let cargo_x = &kd.groups[0].articles[1];
    assert_eq!(cargo_x.title, "金管局推出「CargoX項目先導計劃」");
    assert!(cargo_x.paragraphs[0].contains("推進落實今年一月發表的《CargoX項目建議報告》"));
    assert_eq!(cargo_x.paragraphs.len(), 1);
    assert_eq!(kd.groups[1].articles[1].date.as_deref(), Some("2026-04-30"));
}

#[test]
fn four_events_with_their_dates() {
    let events = issue_233().events;
    type Row<'a> = (Option<Region>, Option<&'a str>, Option<&'a str>, &'a str);
    let got: Vec<Row> = events
        .cities
        .iter()
        .flat_map(|c| {
            c.events.iter().map(move |e| {
                (
                    c.city,
                    e.start.as_deref(),
                    e.end.as_deref(),
                    e.name.as_str(),
                )
            })
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(Region::Shanghai),
                Some("2026-06-03"),
                Some("2026-06-05"),
                "2026 第二十四屆中國智能工廠展覽會/ 上海國際工業自動化及機器人展覽會"
            ),
            (
                Some(Region::Shanghai),
                Some("2026-06-11"),
                Some("2026-06-13"),
                "第十二屆中國(上海)國際技術進出口交易會"
            ),
            (
                Some(Region::Shanghai),
                Some("2026-06-16"),
                Some("2026-06-18"),
                "第二十四屆世界製藥原料中國展"
            ),
            (
                Some(Region::HongKong),
                Some("2026-06-11"),
                Some("2026-06-14"),
                "ITE Hong Kong 2026"
            ),
        ]
    );
    let cphi = &events.cities[0].events[2];
    assert_eq!(
        cphi.organisers,
        [
            "中國醫藥保健品進出口商會",
            "Informa Markets",
            "上海博華國際展覽有限公司"
        ]
    );
    assert_eq!(cphi.venue, "上海新國際博覽中心 (SNIEC)");
}

#[test]
fn all_35_urls_as_printed() {
    let source = source_233();
    // Every link in the source, found independently of the importer: up to <, > or a tab.
    let from_source: Vec<String> = source
        .match_indices("http")
        .map(|(i, _)| {
            source[i..]
                .split(['<', '>', '\t', '\n', '\r'])
                .next()
                .unwrap()
                .trim_end()
                .to_string()
        })
        .collect();
    let issue = issue_233();
    let urls = issue.urls();
    assert_eq!(urls.len(), 35);
    assert_eq!(urls, from_source);
    assert!(urls.contains(&"https://home.hktdc.com/en/factsheet/FS-7bzaIg5r_ITE HongKong2026"));
    assert!(urls.contains(&"http://www.hktdc.com/info/trade-events/EX/tc/展覽事務.htm"));
    assert_eq!(issue.news_flash.groups[0].articles[0].links.len(), 2);
}

#[test]
fn contact_details() {
    let c = issue_233().contact;
    assert_eq!(c.address, "上海市黃浦區西藏中路168號都市總部大樓21樓");
    assert_eq!(c.postcode, "200001");
    assert_eq!(c.phone, "86-21-63512233");
    assert_eq!(c.fax, "86-21-63519368");
    assert_eq!(c.email, "enquiry@sheto.gov.hk");
    assert_eq!(c.hours_heading, "服務時間（星期一至五，內地公眾假期除外）");
    assert_eq!(c.office_hours.label, "辦事處");
    assert_eq!(
        c.office_hours.sessions,
        [
            "上午八時三十分至下午十二時三十分",
            "下午一時三十分至五時三十分"
        ]
    );
    assert_eq!(
        c.immigration_hours.label,
        "入境事務組櫃台（簽證及特區護照換領等服務）"
    );
    assert_eq!(
        c.immigration_hours.sessions,
        ["上午八時三十分至下午十二時", "下午一時三十分至五時"]
    );
    assert_eq!(c.social.unwrap().accounts, ["公眾號", "視頻號"]);
}

#[test]
fn back_matter() {
    let issue = issue_233();
    assert_eq!(
        issue.about.url,
        "https://www.sheto.gov.hk/tc/newsletter/index.html"
    );
    assert_eq!(issue.related_links.links.len(), 6);
    assert_eq!(
        issue.related_links.links[5].label,
        "香港貿易發展局「經貿研究」網頁"
    );
    assert_eq!(issue.subscription.heading, "歡迎訂閱");
    assert!(issue.subscription.paragraphs[0].contains("yukizhang@sheto.gov.hk"));
    assert_eq!(issue.disclaimer.heading, "免責聲明");
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn no_word_or_figure_of_the_source_is_lost() {
    let text = squeeze(&sheto::plain_text::lines(&issue_233()).join("\n"));
    let source = source_233();
    let mut cells = 0;
    for (n, line) in source.lines().enumerate() {
        for cell in line.split('\t').map(squeeze).filter(|c| !c.is_empty()) {
            // Angle brackets around links are markup of the extract, not words.
            let cell: String = cell.chars().filter(|c| !matches!(c, '<' | '>')).collect();
            assert!(
                text.contains(&cell),
                "line {}: 「{cell}」 does not reach readers",
                n + 1
            );
            cells += 1;
        }
    }
    assert!(cells > 200, "only {cells} cells checked");
}

#[test]
fn published_files_validate_cleanly() {
    for file in ["public/issues/233.json", "public/issues/index.json"] {
        let bytes = std::fs::read(repo(file)).unwrap();
        let findings = if file.ends_with("index.json") {
            sheto::validate::validate_index_json(&bytes).findings
        } else {
            sheto::validate::validate_issue_json(&bytes).findings
        };
        let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn index_lists_233_with_its_counts() {
    let index: sheto::bundle::ArchiveIndex =
        serde_json::from_slice(&std::fs::read(repo("public/issues/index.json")).unwrap()).unwrap();
    assert_eq!(index.issues, [issue_233().index_entry()]);
    let counts = &index.issues[0].counts;
    assert_eq!(
        (counts.news, counts.key_developments, counts.events),
        (17, 5, 4)
    );
    assert_eq!(counts.news_by_region[&Region::Zhejiang], 5);
}

#[test]
fn the_json_schema_accepts_the_published_bundle_and_rejects_a_broken_one() {
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo("public/schema/issue-v1.json")).unwrap())
            .unwrap();
    let validator =
        jsonschema::draft202012::new(&schema).expect("the schema is valid draft 2020-12");
    let mut bundle: serde_json::Value = serde_json::from_str(&published_233()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&bundle)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    bundle["news_flash"]["groups"][0]["region"] = "guangdong".into();
    bundle["extra"] = 1.into();
    assert!(!validator.is_valid(&bundle));
}

#[test]
fn filtering_233_by_province() {
    use sheto::filter::*;
    use sheto::view_state::ViewState;
    let issue = issue_233();
    let all = ViewState::default();
    assert_eq!(shown_count(&issue, &all.regions), 17);
    assert_eq!(event_cities(&issue, &all.regions).len(), 2);
    let zhejiang = all.toggled(Region::Zhejiang);
    assert_eq!(shown_count(&issue, &zhejiang.regions), 5);
    let numbers: Vec<u32> = news_groups(&issue, &zhejiang.regions)
        .iter()
        .flat_map(|g| &g.articles)
        .map(|a| a.number.unwrap())
        .collect();
    assert_eq!(numbers, [13, 14, 15, 16, 17]);
    assert!(event_cities(&issue, &zhejiang.regions).is_empty());
    let lit: Vec<Region> = issue
        .economic_data
        .rows
        .iter()
        .filter(|r| highlights(r, &zhejiang.regions))
        .map(|r| r.region)
        .collect();
    assert_eq!(lit, [Region::Zhejiang]);
    let two = zhejiang.toggled(Region::Shanghai);
    assert_eq!(shown_count(&issue, &two.regions), 8);
    assert_eq!(
        event_cities(&issue, &two.regions)
            .iter()
            .map(|c| c.city)
            .collect::<Vec<_>>(),
        [Some(Region::Shanghai)]
    );
    assert_eq!(
        chip_counts(&issue),
        [
            (Region::Shanghai, 3),
            (Region::Jiangsu, 3),
            (Region::Zhejiang, 5),
            (Region::Anhui, 3),
            (Region::Shandong, 3)
        ]
    );
}

/// 分享 names the item it passes on by its title as printed, whichever kind of item it is.
#[test]
fn each_item_and_event_is_named_by_its_anchor() {
    use sheto::i18n::Lang;
    use sheto::page::{Anchor, IssuePage};
    let issue = issue_233();
    let page = IssuePage::new(&issue, Lang::Hant);
    let key = &issue.key_developments.groups[0].articles[0];
    assert_eq!(page.title(Anchor::Key(1)), Some(key.title.as_str()));
    let news = &issue.news_flash.groups[0].articles[0];
    assert_eq!(
        page.title(Anchor::Item(news.number.unwrap())),
        Some(news.title.as_str())
    );
    let event = &issue.events.cities[0].events[0];
    assert_eq!(page.title(Anchor::Event(1)), Some(event.name.as_str()));
    // Every anchor on the page has one; one that is not there has none.
    for anchor in page.anchors() {
        assert!(
            page.title(anchor).is_some_and(|t| !t.is_empty()),
            "{anchor}"
        );
    }
    assert_eq!(page.title(Anchor::Item(999)), None);
}

/// index.json lists the newest 24 issues; the older ones are listed by year, each in a file.
#[test]
fn the_index_keeps_the_newest_issues_and_lists_the_older_by_year() {
    use sheto::bundle::{ArchiveIndex, INDEX_ISSUES};
    let real = issue_233();
    let mut index = ArchiveIndex {
        schema_version: 1,
        issues: vec![],
        older: vec![],
    };
    // 40 FIXTURE entries (no. 233's entry renumbered monthly from 2023-01; not real issues).
    for k in 0..40u32 {
        let mut entry = real.index_entry();
        entry.number = 194 + k;
        entry.month = format!("{}-{:02}", 2023 + k / 12, k % 12 + 1);
        entry.file = format!("{}.json", entry.number);
        index.upsert(entry);
    }
    let (published, years) = index.split();
    assert_eq!(published.issues.len(), INDEX_ISSUES);
    assert_eq!(published.issues[0].number, 233);
    assert_eq!(published.issues.last().unwrap().number, 210);
    let names: Vec<&str> = years.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["index-2024.json", "index-2023.json"]);
    assert_eq!(years[0].1.issues.len(), 4, "2024: 206–209");
    assert_eq!(years[1].1.issues.len(), 12);
    assert_eq!(published.older.len(), 2);
    assert_eq!(
        (published.older[0].first, published.older[0].last),
        (206, 209)
    );
    assert_eq!(published.year_of(200).unwrap().file, "index-2023.json");
    assert_eq!(published.year_of(233), None, "listed in index.json itself");
    assert_eq!(published.year_of(150), None);
    // What is written validates and reads back the same.
    for listed in std::iter::once(&published).chain(years.iter().map(|(_, l)| l)) {
        let v = sheto::validate::validate_index_json(listed.to_json().as_bytes());
        assert!(v.findings.is_empty(), "{:?}", v.findings);
        assert_eq!(v.value.as_ref(), Some(listed));
    }
    // A year that runs backwards is refused, at its place.
    let mut wrong = published.clone();
    wrong.older[0].first = 300;
    let findings = sheto::validate::check_index(&wrong);
    assert_eq!(findings[0].location.to_string(), "$.older[0].first");
}
