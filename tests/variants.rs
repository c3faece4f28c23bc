#![cfg(not(target_arch = "wasm32"))]
//! Next month's text: the importer on variants of no. 233 that imitate what a PDF extract of a
//! later issue will really hold (page numbers and running headers inside cut paragraphs,
//! wrapped URLs and titles, other numbering and date styles, a third city, missing figures, a
//! table typed with spaces, a text pasted twice…).
//!
//! Each variant is a recipe in `tests/variants/NN-name.variant`: comment lines that say what it
//! imitates and what the import must give, then edits to `sources/issue-233.txt`. These are
//! fixtures, not real issues: text the recipes add is marked in them as invented. Each test
//! below checks the whole bundle against 233's with the changes the variant's text implies (so
//! nothing is merged, dropped or invented elsewhere), and every warning or error it gives.

mod common;
use common::*;
use sheto::bundle::{Article, Figure, Issue};
use sheto::finding::{Location, Severity};
use sheto::import::{import, ImportOutcome};
use sheto::region::Region;

/// A recipe applied to 233's text.
struct Variant {
    imitates: String,
    text: String,
}

fn recipe_path(prefix: &str) -> std::path::PathBuf {
    let dir = repo("tests/variants");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{prefix}-")) && n.ends_with(".variant"))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one recipe tests/variants/{prefix}-*.variant"
    );
    found.pop().unwrap()
}

/// Applies a recipe: `=== replace` / `=== with` / `=== end` (the replaced text must occur once),
/// `=== append` / `=== prepend` … `=== end`, `=== twice` (the text pasted two times) and
/// `=== cr-line-endings` (every line ended by a lone CR).
fn apply(recipe: &str, source: &str) -> Variant {
    let mut text = source.to_string();
    let mut imitates = String::new();
    let mut lines = recipe.split('\n');
    let block = |lines: &mut std::str::Split<'_, char>, until: &str| {
        let mut out = Vec::new();
        for line in lines.by_ref() {
            if line == until {
                return out.join("\n");
            }
            out.push(line);
        }
        panic!("recipe block not closed by {until}");
    };
    while let Some(line) = lines.next() {
        if let Some(what) = line.strip_prefix("# Imitates:") {
            imitates = what.trim().to_string();
        } else if line == "=== replace" {
            let old = block(&mut lines, "=== with");
            let new = block(&mut lines, "=== end");
            assert_eq!(
                text.matches(&old).count(),
                1,
                "replaced text occurs once: {old}"
            );
            text = text.replacen(&old, &new, 1);
        } else if line == "=== append" {
            text.push_str(&block(&mut lines, "=== end"));
        } else if line == "=== prepend" {
            text = format!("{}{text}", block(&mut lines, "=== end"));
        } else if line == "=== twice" {
            text = format!("{text}\n\n{text}");
        } else if line == "=== cr-line-endings" {
            text = text.replace("\r\n", "\n").replace('\n', "\r");
        } else {
            assert!(
                line.starts_with('#') || line.is_empty(),
                "recipe line: {line}"
            );
        }
    }
    assert!(!imitates.is_empty(), "a recipe says what it imitates");
    Variant { imitates, text }
}

fn variant(prefix: &str) -> Variant {
    let recipe = std::fs::read_to_string(recipe_path(prefix)).unwrap();
    apply(&recipe, &source_233())
}

fn run(prefix: &str) -> ImportOutcome {
    let v = variant(prefix);
    assert!(!v.imitates.is_empty());
    import(&v.text)
}

fn line_of(f: &sheto::finding::Finding) -> usize {
    match f.location {
        Location::Line { line } => line,
        _ => 0,
    }
}

/// Warnings and errors beyond 233's own (the space in the ITE link), as (line, message).
fn new_findings(outcome: &ImportOutcome) -> Vec<(usize, String)> {
    outcome
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .filter(|f| !f.message.contains("event link has a space in it"))
        .map(|f| (line_of(f), f.message.to_string()))
        .collect()
}

/// Asserts the findings beyond 233's are exactly these: (line, words the message holds).
fn assert_findings(outcome: &ImportOutcome, expected: &[(usize, &str)]) {
    let got = new_findings(outcome);
    assert_eq!(got.len(), expected.len(), "findings: {got:#?}");
    for ((line, message), (want_line, words)) in got.iter().zip(expected) {
        assert_eq!(line, want_line, "{message}");
        assert!(
            message.contains(words),
            "「{message}」 should say 「{words}」"
        );
    }
}

/// The bundle, which must equal 233's after `change` (everything else field by field).
fn assert_233_except(outcome: &ImportOutcome, change: impl FnOnce(&mut Issue)) {
    let mut expected = issue_233();
    change(&mut expected);
    let got = outcome.issue.as_ref().expect("a bundle");
    assert_eq!(got.masthead, expected.masthead);
    assert_eq!(got.key_developments, expected.key_developments);
    assert_eq!(got.news_flash, expected.news_flash);
    assert_eq!(got.economic_data, expected.economic_data);
    assert_eq!(got.events, expected.events);
    assert_eq!(*got, expected);
}

/// A variant whose text must give no. 233's bundle, field by field, with no warning or error
/// beyond 233's own; its outcome, for what else a test checks.
fn unchanged(prefix: &str) -> ImportOutcome {
    let out = run(prefix);
    assert_233_except(&out, |_| {});
    assert_findings(&out, &[]);
    out
}

fn kd<'a>(issue: &'a mut Issue, title: &str) -> &'a mut Article {
    issue
        .key_developments
        .groups
        .iter_mut()
        .flat_map(|g| g.articles.iter_mut())
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("article 「{title}」"))
}

fn item(issue: &mut Issue, number: u32) -> &mut Article {
    issue
        .news_flash
        .groups
        .iter_mut()
        .flat_map(|g| g.articles.iter_mut())
        .find(|a| a.number == Some(number))
        .unwrap_or_else(|| panic!("item {number}"))
}

fn fig(value: f64) -> Option<Figure> {
    Some(Figure { value, decimals: 1 })
}

const CARGOX: &str = "金管局推出「CargoX項目先導計劃」";

#[test]
fn every_recipe_says_what_it_imitates_and_applies_cleanly() {
    let mut n = 0;
    for entry in std::fs::read_dir(repo("tests/variants")).unwrap() {
        let path = entry.unwrap().path();
        let recipe = std::fs::read_to_string(&path).unwrap();
        assert!(
            recipe.contains("\n# Expect:"),
            "{} says what to expect",
            path.display()
        );
        let v = apply(&recipe, &source_233());
        assert_ne!(v.text, source_233(), "{} changes the text", path.display());
        n += 1;
    }
    assert!(n >= 120, "at least 120 variants, found {n}");
}

// 1. Articles: an article starts at its title, whether or not the one before had a link.

#[test]
fn v01_key_development_without_a_link_keeps_the_next_article() {
    let out = run("01");
    assert_233_except(&out, |i| kd(i, CARGOX).links.clear());
    assert_findings(&out, &[(21, "has no 詳情請參看 link")]);
}

#[test]
fn v02_news_item_without_a_link_keeps_the_next_item() {
    let out = run("02");
    assert_233_except(&out, |i| item(i, 4).links.clear());
    assert_findings(
        &out,
        &[(
            91,
            "item 4 「安徽第四代超導量子計算機上線」 has no 詳情請參看 link",
        )],
    );
}

#[test]
fn v03_last_news_item_without_a_link_before_the_table() {
    let out = run("03");
    assert_233_except(&out, |i| item(i, 17).links.clear());
    assert_findings(&out, &[(217, "item 17")]);
}

#[test]
fn v04_details_label_with_no_link_after_it() {
    let out = run("04");
    assert_233_except(&out, |i| item(i, 9).links.clear());
    assert_findings(&out, &[(133, "item 9")]);
}

#[test]
fn v05_three_links_in_one_item() {
    let out = run("05");
    assert_233_except(&out, |i| {
        item(i, 1)
            .links
            .push("https://www.example.org/fixture/234/item-1-third-link.html".into())
    });
    assert_findings(&out, &[]);
}

#[test]
fn v06_two_links_in_a_key_development() {
    let out = run("06");
    assert_233_except(&out, |i| {
        kd(i, "跨機構督導小組歡迎以行業為本的首階段轉型金融實務指引")
            .links
            .push("https://www.example.org/fixture/234/transition-finance-report.pdf".into())
    });
    assert_findings(&out, &[]);
}

// 2. Wrapped URLs: rejoined, never published cut or turned into a phantom article.

#[test]
fn v07_to_v11_wrapped_links_are_rejoined() {
    for prefix in ["07", "08", "09", "10", "11"] {
        let out = unchanged(prefix);
        let notes = out
            .findings
            .iter()
            .filter(|f| f.message.contains("link wrapped"));
        assert!(
            notes.count() >= 1,
            "variant {prefix}: the join is a finding"
        );
    }
}

// 3. A third city, and one the importer does not know.

#[test]
fn v12_a_third_city_is_filed_under_its_region() {
    let out = run("12");
    let issue = out.issue.as_ref().unwrap();
    let hangzhou = &issue.events.cities[2];
    assert_eq!(hangzhou.city, Some(Region::Zhejiang));
    assert_eq!(hangzhou.heading, "杭州");
    let ev = &hangzhou.events[0];
    assert_eq!(
        (ev.start.as_deref(), ev.end.as_deref()),
        (Some("2026-06-18"), Some("2026-06-20"))
    );
    assert_eq!(ev.organisers, ["示例會展有限公司", "示例行業協會"]);
    assert_eq!(ev.url, "https://www.example.org/fixture/hangzhou-expo");
    let added = hangzhou.clone();
    assert_233_except(&out, |i| i.events.cities.push(added));
    assert_findings(&out, &[]);
}

#[test]
fn v13_an_unknown_city_is_a_city_with_a_warning_never_the_note() {
    let out = run("13");
    let issue = out.issue.as_ref().unwrap();
    let chengdu = &issue.events.cities[2];
    assert_eq!((chengdu.city, chengdu.heading.as_str()), (None, "成都"));
    assert_eq!(chengdu.events.len(), 1);
    assert_eq!(chengdu.events[0].start.as_deref(), Some("2026-07-08"));
    let added = chengdu.clone();
    assert_233_except(&out, |i| i.events.cities.push(added));
    assert_findings(
        &out,
        &[(256, "「成都」 is a city outside the office's regions")],
    );
}

// 4. Page numbers and running headers between the halves of a cut paragraph.

#[test]
fn v14_to_v21_page_furniture_is_dropped_and_the_sentence_rejoined() {
    for prefix in ["14", "15", "16", "17", "18", "19", "20", "21"] {
        let out = unchanged(prefix);
        let dropped = out
            .findings
            .iter()
            .filter(|f| f.message.contains("left out") && f.severity == Severity::Info);
        assert!(
            dropped.count() >= 1,
            "variant {prefix}: the drop is a finding"
        );
    }
}

// 5. Titles wrapped by the PDF.

#[test]
fn v22_to_v24_wrapped_titles_are_rejoined() {
    for prefix in ["22", "23", "24"] {
        unchanged(prefix);
    }
}

// 6. Dates.

#[test]
fn v25_an_event_across_the_new_year_ends_in_the_next_year() {
    let out = run("25");
    assert_233_except(&out, |i| {
        let ev = &mut i.events.cities[0].events[1];
        ev.start = Some("2026-12-28".into());
        ev.end = Some("2027-01-03".into());
    });
    assert_findings(&out, &[]);
    assert!(out
        .findings
        .iter()
        .any(|f| f.message.contains("cross the new year")));
}

#[test]
fn v26_to_v28_day_ranges_in_other_styles() {
    let out = run("26");
    assert_233_except(&out, |i| {
        i.events.cities[0].events[1].end = Some("2026-06-13".into())
    });
    for prefix in ["27", "28"] {
        unchanged(prefix);
    }
}

#[test]
fn v29_an_event_across_a_month() {
    let out = run("29");
    assert_233_except(&out, |i| {
        let ev = &mut i.events.cities[0].events[2];
        ev.start = Some("2026-06-28".into());
        ev.end = Some("2026-07-02".into());
    });
    assert_findings(&out, &[]);
}

#[test]
fn v30_dotted_and_slashed_article_dates() {
    let out = run("30");
    assert_233_except(&out, |i| {
        let p = &mut item(i, 4).paragraphs[0];
        *p = p.replacen("2026年5月10日", "2026.5.10", 1);
        let p = &mut item(i, 7).paragraphs[0];
        *p = p.replacen("2026年5月10日", "2026/5/10", 1);
    });
    assert_findings(&out, &[]);
}

#[test]
fn v31_v32_incomplete_dates_are_null_with_a_warning_naming_them() {
    let out = run("31");
    assert_233_except(&out, |i| {
        let a = item(i, 2);
        a.date = None;
        a.paragraphs[0] = a.paragraphs[0].replacen("2026年5月13日", "2026年5月", 1);
    });
    assert_findings(&out, &[(73, "「2026年5月」 is not a whole day")]);
    let out = run("32");
    assert_233_except(&out, |i| {
        let a = item(i, 6);
        a.date = None;
        a.paragraphs[0] = a.paragraphs[0].replacen("2026年4月24日", "4月24日", 1);
    });
    assert_findings(&out, &[(109, "「4月24日」")]);
}

#[test]
fn v33_an_undated_opening_is_null_without_a_warning() {
    let out = run("33");
    let printed = out
        .issue
        .as_ref()
        .unwrap()
        .news()
        .find(|(_, a)| a.number == Some(8))
        .unwrap()
        .1
        .paragraphs[0]
        .clone();
    assert!(printed.starts_with("近日"));
    assert_233_except(&out, |i| {
        let a = item(i, 8);
        a.date = None;
        a.paragraphs[0] = printed;
    });
    assert_findings(&out, &[]);
}

// 7. The data table.

#[test]
fn v34_to_v36_figures_not_published_are_kept_as_missing_in_their_rows() {
    let out = run("34");
    assert_233_except(&out, |i| i.economic_data.rows[2].trade_yoy = None);
    assert_findings(
        &out,
        &[(
            236,
            "安徽省: trade growth printed as 「—」: kept as not published",
        )],
    );

    let out = run("35");
    assert_233_except(&out, |i| {
        let rows = &mut i.economic_data.rows;
        rows[0].gdp_yoy = None;
        rows[1].trade = None;
        rows[3].gdp = None;
        rows[4].trade_yoy = None;
    });
    let lines: Vec<usize> = new_findings(&out).iter().map(|f| f.0).collect();
    assert_eq!(lines, [231, 235, 237, 238]);

    let out = run("36");
    assert_233_except(&out, |i| i.economic_data.rows[4].gdp_yoy = None);
    assert_findings(
        &out,
        &[(238, "浙江省: GDP growth printed as 「an empty cell」")],
    );
    assert_eq!(out.issue.unwrap().economic_data.rows[4].gdp, fig(23684.0));
}

#[test]
fn v37_v38_v40_headers_split_joined_or_not_repeated_read_the_same() {
    for prefix in ["37", "38", "40"] {
        unchanged(prefix);
    }
}

#[test]
fn v39_a_table_typed_with_spaces_is_read_from_its_figures() {
    let out = unchanged("39");
    let typed = out
        .findings
        .iter()
        .filter(|f| f.message.contains("typed with spaces"));
    assert_eq!(typed.count(), 5);
}

#[test]
fn v50_full_width_figures() {
    unchanged("50");
}

// 8. Full-width digits, numbering styles, URL cells.

#[test]
fn v41_v42_full_width_digits_read_as_digits() {
    unchanged("41");
    let out = unchanged("42");
    assert!(out
        .findings
        .iter()
        .any(|f| f.message.contains("full-width")));
}

#[test]
fn v43_to_v46_numbering_styles() {
    for prefix in ["43", "44", "45", "46"] {
        unchanged(prefix);
    }
}

#[test]
fn v47_an_event_link_in_angle_brackets() {
    unchanged("47");
}

#[test]
fn v49_a_stray_tab_in_prose() {
    unchanged("49");
}

#[test]
fn v54_details_label_with_an_ascii_colon_and_its_link() {
    unchanged("54");
}

// 9. Texts that must stop: pasted twice, pasted half.

#[test]
fn v48_a_text_pasted_twice_is_an_error() {
    let out = run("48");
    assert!(out.issue.is_none());
    let errors: Vec<_> = out.findings.iter().filter(|f| f.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("pasted twice"));
    assert!((338..=344).contains(&line_of(errors[0])), "{errors:?}");
}

#[test]
fn v51_v52_half_pasted_texts_are_never_silently_complete() {
    let out = run("51");
    let warned = new_findings(&out);
    for part in [
        "經貿活動",
        "聯絡方式",
        "簡介",
        "其他經貿資訊網頁",
        "歡迎訂閱",
        "免責聲明",
    ] {
        assert!(
            warned
                .iter()
                .any(|(_, m)| m.contains(&format!("part 「{part}」 not found"))),
            "{part}: {warned:#?}"
        );
    }
    if let Some(issue) = &out.issue {
        assert_eq!(issue.news_flash, issue_233().news_flash);
        assert!(issue.events.cities.is_empty() && issue.disclaimer.paragraphs.is_empty());
    }
    let out = run("52");
    assert!(out.issue.is_none());
    assert!(out
        .findings
        .iter()
        .any(|f| f.is_error() && f.message.contains("data table missing")));
}

// 10. Editorial change: the regions in another order.

#[test]
fn v53_regions_in_another_order() {
    let out = run("53");
    let issue = out.issue.as_ref().unwrap();
    let order: Vec<Region> = issue.news_flash.groups.iter().map(|g| g.region).collect();
    assert_eq!(
        order,
        [
            Region::Shanghai,
            Region::Anhui,
            Region::Zhejiang,
            Region::Jiangsu,
            Region::Shandong
        ]
    );
    let titles = |i: &Issue, r: Region| -> Vec<String> {
        i.news()
            .filter(|(g, _)| *g == r)
            .map(|(_, a)| a.title.clone())
            .collect()
    };
    let reference = issue_233();
    for r in Region::PROVINCES {
        assert_eq!(titles(issue, r), titles(&reference, r));
    }
    let numbers: Vec<u32> = issue.news().filter_map(|(_, a)| a.number).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<_>>());
    assert_findings(&out, &[]);
}

// 11. What every variant's bundle must also be: valid against the JSON Schema and the validator,
// convertible to its Simplified edition, and drawable as a plain page.

#[test]
fn every_bundle_a_variant_gives_is_valid_and_publishable() {
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo("public/schema/issue-v1.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let mut bundles = 0;
    for entry in std::fs::read_dir(repo("tests/variants")).unwrap() {
        let path = entry.unwrap().path();
        let v = apply(&std::fs::read_to_string(&path).unwrap(), &source_233());
        let Some(issue) = import(&v.text).issue else {
            continue;
        };
        bundles += 1;
        let json = sheto::import::to_json(&issue);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let checked = sheto::validate::validate_issue_json(json.as_bytes());
        let errs: Vec<_> = checked.findings.iter().filter(|f| f.is_error()).collect();
        assert!(errs.is_empty(), "{}: {errs:?}", path.display());
        let hans = sheto::convert::simplified_issue(&issue);
        assert_eq!(hans.economic_data.rows, issue.economic_data.rows);
        assert!(
            sheto::app::publish::issue_page(&hans, sheto::i18n::Lang::Hans)
                .contains(&hans.masthead.title)
        );
    }
    assert!(bundles >= 45, "{bundles} variants give a bundle");
}

#[test]
fn a_figure_not_published_reads_as_such_in_the_table_the_chart_and_the_csv() {
    use sheto::chart::model::{ChartKind, ChartModel};
    use sheto::i18n::Lang;
    let issue = run("34").issue.unwrap();
    let anhui = 2;
    let page = sheto::app::publish::issue_page(&issue, Lang::Hant);
    // The published page's table, as the reader's: the dash, and the words that say why.
    assert!(page.contains("title=\"未公佈\" class=\"num\">— 未公佈</td>"));
    let text = sheto::plain_text::lines(&issue).join("\n");
    assert!(text.contains("安徽省 13,014.0 +5.8% 3,929.5 —"), "{text}");
    for (lang, words) in [
        (Lang::Hant, "未公佈"),
        (Lang::Hans, "未公布"),
        (Lang::En, "not published"),
    ] {
        let growth = ChartModel::new(ChartKind::Growth, &issue.economic_data, lang);
        assert_eq!(growth.value(1, anhui), None, "no bar");
        assert_eq!(growth.short_label(1, anhui), words);
        assert!(growth.describe(1, anhui).contains(words));
        let trade = ChartModel::new(ChartKind::Trade, &issue.economic_data, lang);
        assert_eq!(trade.value(0, anhui), Some(3929.5));
        assert!(trade.label(0, anhui).ends_with("（—）"));
        assert!(trade.csv().contains("3929.5,—"));
    }
}

// 12. More of what a PDF extract does: form feeds, spaced-out letters, a wrapped masthead, a
// row or a title cut without a bracket, hard-wrapped lines; and editors' own variations.

#[test]
fn v55_to_v60_v63_artefacts_that_change_nothing_in_the_bundle() {
    for (prefix, note) in [
        ("55", "invisible characters"),
        ("56", ""),
        ("57", "masthead title wrapped"),
        ("58", ""),
        ("60", "joined to the row on line 235"),
        ("63", "cut by a page break"),
    ] {
        let out = unchanged(prefix);
        assert!(
            out.findings.iter().any(|f| f.message.contains(note)),
            "variant {prefix}: a finding says 「{note}」"
        );
    }
}

#[test]
fn v59_a_city_and_the_closing_note_without_their_colons() {
    let out = run("59");
    assert_233_except(&out, |i| {
        let more = i.events.more.as_mut().unwrap();
        more.text = more.text.trim_end_matches('：').to_string();
    });
    assert_findings(&out, &[]);
}

#[test]
fn v61_an_event_without_a_link_is_kept() {
    let out = run("61");
    assert_233_except(&out, |i| i.events.cities[1].events[0].url = String::new());
    assert_findings(&out, &[(254, "has no 網址: kept with no link")]);
}

#[test]
fn v62_a_title_wrapped_without_a_bracket() {
    let out = run("62");
    assert_233_except(&out, |_| {});
    assert_findings(
        &out,
        &[(145, "「體系」 taken as the end of the title on line 143")],
    );
}

#[test]
fn v64_a_numbered_list_inside_an_item_stays_its_text() {
    let out = run("64");
    assert_233_except(&out, |i| {
        let a = item(i, 6);
        a.paragraphs
            .push("1、示例措施一（測試資料，虛構）；".into());
        a.paragraphs
            .push("2、示例措施二（測試資料，虛構）。".into());
    });
    assert_findings(&out, &[]);
}

#[test]
fn v65_a_title_that_asks_a_question() {
    let out = run("65");
    assert_233_except(&out, |i| item(i, 17).title.push('？'));
    assert_findings(&out, &[]);
}

// 13. Found by an adversarial review of the importer: each once gave a silently wrong bundle
// (or refused a reasonable text).

#[test]
fn v66_v67_titles_wrapped_before_any_text_or_with_a_long_tail() {
    let out = run("66");
    let whole = "離境退稅“即買即退”浙滬通辦 境外旅客在浙江購物可於上海口岸離境退稅";
    assert_233_except(&out, |i| item(i, 15).title = whole.into());
    assert_findings(
        &out,
        &[(
            196,
            "「離境退稅」 taken as the end of the title on line 195",
        )],
    );
    let out = run("67");
    assert_233_except(&out, |_| {});
    assert_findings(&out, &[(50, "taken as the end of the title on line 49")]);
}

#[test]
fn v68_group_headings_with_a_colon() {
    unchanged("68");
}

#[test]
fn v69_an_article_without_a_link_before_one_whose_text_has_no_date() {
    let out = run("69");
    let printed =
        out.issue.as_ref().unwrap().key_developments.groups[0].articles[2].paragraphs[0].clone();
    assert!(printed.starts_with("投資推廣署今日（5月4日）宣布"));
    assert_233_except(&out, |i| {
        kd(i, CARGOX).links.clear();
        let fast = kd(i, "全球Fast Track計劃2026即日起接受報名");
        fast.date = None;
        fast.paragraphs[0] = printed;
    });
    assert_findings(&out, &[(21, "has no 詳情請參看 link")]);
}

#[test]
fn v70_a_paragraph_that_begins_with_a_label_word_is_text() {
    let out = run("70");
    let added = out
        .issue
        .as_ref()
        .unwrap()
        .news()
        .find(|(_, a)| a.number == Some(2))
        .unwrap()
        .1
        .paragraphs[1]
        .clone();
    assert!(added.starts_with("更多詳情：市民如發現"));
    assert_233_except(&out, |i| item(i, 2).paragraphs.push(added));
    assert_findings(&out, &[]);
}

#[test]
fn v71_periods_of_a_whole_year() {
    let out = run("71");
    let d = &out.issue.as_ref().unwrap().economic_data;
    assert_eq!(
        (d.gdp.period.start.as_str(), d.gdp.period.end.as_str()),
        ("2025-01", "2025-12")
    );
    assert_eq!(
        (d.trade.period.start.as_str(), d.trade.period.end.as_str()),
        ("2026-01", "2026-02")
    );
    assert_findings(&out, &[(229, "the growth columns are headed differently")]);
}

#[test]
fn v72_rows_whose_columns_cannot_be_told_stop_the_import() {
    let out = run("72");
    assert!(out.issue.is_none());
    let lines: Vec<usize> = out
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(line_of)
        .collect();
    assert_eq!(lines, [231, 235, 236, 237, 238]);
    assert!(out
        .findings
        .iter()
        .any(|f| f.message.contains("cannot be told")));
}

#[test]
fn v73_text_after_a_link_is_not_part_of_it() {
    let out = run("73");
    assert_233_except(&out, |_| {});
    // The full stop after the bare link is the sentence's: a note, not a warning.
    assert_findings(&out, &[(37, "「（只有英文版）」")]);
    assert!(out.findings.iter().any(|f| f
        .message
        .contains("「。」 after the link read as the sentence's")));
}

#[test]
fn v74_v76_v78_v80_v82_v83_v84_artefacts_that_change_nothing_in_the_bundle() {
    for prefix in ["74", "76", "78", "80", "82", "83", "84"] {
        unchanged(prefix);
    }
}

#[test]
fn v75_trade_printed_before_gdp() {
    let out = run("75");
    assert_233_except(&out, |_| {});
    assert_findings(
        &out,
        &[(229, "「進出口總額」 is printed before 「地區生產總值」")],
    );
}

#[test]
fn v77_a_caption_after_a_link_is_never_silent() {
    let out = run("77");
    let title = &out.issue.as_ref().unwrap().key_developments.groups[0].articles[2].title;
    assert!(
        title.ends_with("全球Fast Track計劃2026即日起接受報名"),
        "{title}"
    );
    assert_findings(&out, &[(33, "taken as the end of the title on line 31")]);
}

#[test]
fn v79_a_notice_under_the_masthead_is_reported() {
    let out = run("79");
    assert_233_except(&out, |_| {});
    assert_findings(&out, &[(9, "text not placed in masthead")]);
}

#[test]
fn v81_an_event_link_without_http() {
    let out = run("81");
    assert_233_except(&out, |i| {
        i.events.cities[0].events[1].url = "http://www.csitf.com".into()
    });
    assert_findings(&out, &[(248, "printed without http://")]);
}

// 14. Found by a second adversarial review.

#[test]
fn v85_v86_v90_v93_v94_v96_v97_v100_v102_artefacts_that_change_nothing_in_the_bundle() {
    for (prefix, warned) in [
        ("85", &[][..]),
        ("86", &[]),
        ("90", &[]),
        ("93", &[]),
        ("94", &[]),
        ("96", &[258, 296, 324]),
        ("97", &[47, 320]),
        ("100", &[]),
        ("102", &[]),
    ] {
        let out = run(prefix);
        assert_233_except(&out, |_| {});
        let lines: Vec<usize> = new_findings(&out).iter().map(|f| f.0).collect();
        assert_eq!(lines, warned, "variant {prefix}: {:#?}", new_findings(&out));
    }
}

#[test]
fn v87_v88_hard_wrapped_texts_keep_every_word_in_order() {
    let out = run("87");
    assert_findings(&out, &[]);
    let issue = out.issue.as_ref().unwrap();
    let reference = issue_233();
    let flat = |i: &Issue| -> String {
        i.key_developments
            .groups
            .iter()
            .chain(&i.news_flash.groups)
            .flat_map(|g| &g.articles)
            .flat_map(|a| a.paragraphs.iter().cloned())
            .collect()
    };
    assert_eq!(flat(issue), flat(&reference), "every word, in order");
    // The wrap after 》 went on with 的通知: one paragraph, as printed.
    assert_eq!(
        issue.news_flash.groups[0].articles[0].paragraphs,
        reference.news_flash.groups[0].articles[0].paragraphs
    );
    let out = run("88");
    assert_findings(&out, &[]);
    let issue = out.issue.as_ref().unwrap();
    for (got, want) in [
        (&issue.about.paragraphs, &reference.about.paragraphs),
        (
            &issue.disclaimer.paragraphs,
            &reference.disclaimer.paragraphs,
        ),
    ] {
        assert_eq!(got, want);
    }
    assert_eq!(issue.subscription.paragraphs.len(), 1);
    assert_eq!(
        issue.subscription.paragraphs[0].replace(' ', ""),
        reference.subscription.paragraphs[0].replace(' ', "")
    );
}

#[test]
fn v89_a_bulleted_list_is_a_paragraph_a_bullet() {
    let out = run("89");
    assert_findings(&out, &[]);
    let issue = out.issue.unwrap();
    let item3 = &issue.news_flash.groups[0].articles[2];
    assert_eq!(item3.paragraphs.len(), 11);
    assert!(item3.paragraphs[1..].iter().all(|p| p.starts_with('●')));
    assert_eq!(item3.paragraphs[10], "● 優化新業態監管服務");
}

#[test]
fn v91_figures_with_a_comma_for_a_point_are_never_read() {
    let out = run("91");
    assert_233_except(&out, |i| {
        i.economic_data
            .rows
            .retain(|r| !matches!(r.region, Region::Anhui | Region::Shandong))
    });
    assert_findings(&out, &[(236, "「+5,8%」"), (237, "「11,698,5」")]);
}

#[test]
fn v92_the_same_hours_twice_and_a_page_break() {
    let out = run("92");
    let office = out
        .issue
        .as_ref()
        .unwrap()
        .contact
        .office_hours
        .sessions
        .clone();
    assert_233_except(&out, |i| i.contact.immigration_hours.sessions = office);
    assert_findings(&out, &[]);
}

#[test]
fn v95_mixed_width_brackets_keep_two_paragraphs() {
    let out = run("95");
    let item16 = out
        .issue
        .as_ref()
        .unwrap()
        .news()
        .find(|(_, a)| a.number == Some(16))
        .unwrap()
        .1
        .clone();
    assert_eq!(item16.paragraphs.len(), 2);
    assert!(item16.paragraphs[1].starts_with("本次研討會（第二屆）是在去年"));
    assert_233_except(&out, |i| *item(i, 16) = item16);
    assert_findings(&out, &[]);
}

#[test]
fn v98_v99_headlines_that_end_like_a_heading_stay_headlines() {
    let out = run("98");
    let hk = &out.issue.as_ref().unwrap().key_developments.groups[0].articles;
    assert_eq!(hk.len(), 4);
    assert_eq!(hk[3].title, "駐滬辦入境事務組更新聯絡方式");
    let added = hk[3].clone();
    assert_233_except(&out, |i| i.key_developments.groups[0].articles.push(added));
    assert_findings(&out, &[]);
    let out = run("99");
    assert_233_except(&out, |i| {
        kd(i, "全球Fast Track計劃2026即日起接受報名").title =
            "《全球Fast Track計劃2026》簡介".into()
    });
    assert_findings(&out, &[]);
}

#[test]
fn v101_a_new_group_heading_is_never_filed_under_the_one_before() {
    let out = run("101");
    assert_233_except(&out, |_| {});
    assert_findings(
        &out,
        &[(227, "unknown region heading 「長三角」"), (229, "item 18")],
    );
}

// 15. Found by a third adversarial review.

#[test]
fn v103_v107_v110_v112_artefacts_that_change_nothing_in_the_bundle() {
    for prefix in ["103", "107", "110", "112"] {
        unchanged(prefix);
    }
}

#[test]
fn v104_v106_lists_keep_their_lines_and_the_paragraph_after_them() {
    for prefix in ["104", "106"] {
        let out = run(prefix);
        assert_findings(&out, &[]);
        let issue = out.issue.unwrap();
        let item6 = issue.news().find(|(_, a)| a.number == Some(6)).unwrap().1;
        assert_eq!(
            item6.paragraphs.len(),
            7,
            "variant {prefix}: {:#?}",
            item6.paragraphs
        );
        assert!(item6.paragraphs[0].ends_with("主要內容包括："));
        assert!(item6.paragraphs[6].starts_with("該措施自發布之日起施行"));
    }
}

#[test]
fn v105_v111_a_paragraph_after_a_closed_quotation_stays_its_own() {
    let out = run("105");
    assert_findings(&out, &[]);
    let first = &out.issue.as_ref().unwrap().key_developments.groups[0].articles[0];
    assert_eq!(first.paragraphs.len(), 2);
    assert!(first.paragraphs[1].starts_with("與此同時"));
    let out = run("111");
    assert_findings(&out, &[]);
    let item15 = out
        .issue
        .as_ref()
        .unwrap()
        .news()
        .find(|(_, a)| a.number == Some(15))
        .unwrap()
        .1
        .clone();
    assert_eq!(item15.paragraphs.len(), 2);
    assert!(item15.paragraphs[0].ends_with("。\""));
}

#[test]
fn v108_a_source_note_without_brackets() {
    let out = run("108");
    assert_233_except(&out, |i| {
        i.economic_data.source = "數據錄自各省市政府相關網站".into()
    });
    assert_findings(&out, &[]);
}

#[test]
fn v109_a_second_link_without_http_is_its_own_link() {
    let out = run("109");
    assert_233_except(&out, |i| {
        item(i, 8)
            .links
            .push("http://www.js.xinhuanet.com/20260508/c_1130000000.htm".into())
    });
    assert_findings(&out, &[(133, "printed without http://")]);
}

#[test]
fn v113_v114_an_event_without_organiser_or_venue_is_kept_and_said() {
    let out = run("113");
    assert_233_except(&out, |i| i.events.cities[0].events[1].organisers.clear());
    assert_findings(&out, &[(248, "has no 主辦機構")]);
    let out = run("114");
    assert_233_except(&out, |i| i.events.cities[0].events[1].venue.clear());
    assert_findings(&out, &[(248, "has no 地點")]);
}

#[test]
fn v115_a_title_missing_its_bracket_keeps_its_text() {
    let out = run("115");
    assert_233_except(&out, |i| {
        kd(i, CARGOX).title = "金管局推出「CargoX項目先導計劃".into()
    });
    assert_findings(&out, &[]);
}

#[test]
fn v116_a_table_of_contents_is_reported_not_taken_for_the_parts() {
    let out = run("116");
    assert_233_except(&out, |_| {});
    let lines: Vec<usize> = new_findings(&out).iter().map(|f| f.0).collect();
    assert!(
        !lines.is_empty() && lines.iter().all(|l| (9..=18).contains(l)),
        "{lines:?}"
    );
    assert!(out.findings.iter().all(|f| !f.is_error()));
}

// 16. Found by a fourth adversarial review.

#[test]
fn v117_v124_contact_lines_never_overwrite_each_other() {
    let out = run("117");
    assert_233_except(&out, |i| {
        i.contact.phone = "86-21-63512233、86-21-63512234".into()
    });
    assert_findings(&out, &[(266, "a second 電話 line")]);
    let out = run("124");
    assert_233_except(&out, |_| {});
    assert_findings(&out, &[(268, "「熱線電話：86-21-63512200」")]);
}

#[test]
fn v118_to_v121_v123_lines_of_their_own_stay_paragraphs() {
    for (prefix, kd_article, item, count) in [
        ("118", None, Some(13), 4),
        ("119", Some(0), None, 5),
        ("120", Some(0), None, 5),
        ("121", Some(0), None, 3),
        ("123", None, Some(13), 5),
    ] {
        let out = run(prefix);
        assert_findings(&out, &[]);
        let issue = out.issue.as_ref().unwrap();
        let article = match (kd_article, item) {
            (Some(k), _) => issue.key_developments.groups[0].articles[k].clone(),
            (_, Some(n)) => issue
                .news()
                .find(|(_, a)| a.number == Some(n))
                .unwrap()
                .1
                .clone(),
            _ => unreachable!(),
        };
        assert_eq!(
            article.paragraphs.len(),
            count,
            "variant {prefix}: {:#?}",
            article.paragraphs
        );
        // The item keeps its own link: no invented item took it.
        let reference = issue_233();
        let own = match (kd_article, item) {
            (Some(k), _) => reference.key_developments.groups[0].articles[k]
                .links
                .clone(),
            (_, Some(n)) => reference
                .news()
                .find(|(_, a)| a.number == Some(n))
                .unwrap()
                .1
                .links
                .clone(),
            _ => unreachable!(),
        };
        assert_eq!(article.links, own, "variant {prefix}");
        assert_eq!(issue.key_developments.groups[0].articles.len(), 3);
        assert_eq!(issue.news().count(), 17);
    }
}

#[test]
fn v122_a_dateline_with_hao() {
    let out = run("122");
    assert_233_except(&out, |i| {
        i.masthead.dateline = "2026年5月號（第233期）".into()
    });
    assert_findings(&out, &[]);
}

// 17. Found by a fifth adversarial review: a heading or a subheading seen several times is
// content, not a running header.

#[test]
fn v125_to_v127_region_headings_repeated_at_page_tops() {
    for prefix in ["125", "126", "127"] {
        unchanged(prefix);
    }
}

#[test]
fn v128_a_subheading_in_three_items_is_kept_in_each() {
    let out = run("128");
    assert_findings(&out, &[]);
    let issue = out.issue.unwrap();
    for n in [5, 6, 7] {
        let item = issue.news().find(|(_, a)| a.number == Some(n)).unwrap().1;
        assert_eq!(item.paragraphs.len(), 3, "item {n}");
        assert_eq!(item.paragraphs[1], "主要內容");
    }
}

#[test]
fn v129_to_v145_links_cut_or_paired_simplified_labels_and_columns_in_another_order() {
    // Columns read by their headings, links joined whole, Simplified labels known: 233 unchanged.
    for prefix in [
        "129", "131", "132", "133", "134", "142", "143", "144", "145",
    ] {
        unchanged(prefix);
    }
    let out = run("135");
    assert_findings(&out, &[]);
    assert_233_except(&out, |i| {
        i.key_developments.groups[1].heading = "内地资讯".into();
    });
}

#[test]
fn v130_a_lost_city_heading_is_said_at_the_repeated_table_header() {
    let out = run("130");
    let text = variant("130").text;
    let header = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("時間"))
        .nth(1)
        .map(|(n, _)| n + 1)
        .unwrap();
    assert_findings(&out, &[(header, "filed under 「上海」")]);
}

#[test]
fn v136_v137_a_date_not_read_is_said() {
    for (prefix, number) in [("136", 2), ("137", 7)] {
        let out = run(prefix);
        let got = new_findings(&out);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].1.contains(&format!("item {number} "))
                && got[0].1.contains("date is left empty")
        );
        let issue = out.issue.unwrap();
        let item = issue
            .news()
            .find(|(_, a)| a.number == Some(number))
            .unwrap()
            .1;
        assert_eq!(item.date, None);
    }
}

#[test]
fn v138_the_postcode_under_its_full_label() {
    let out = run("138");
    assert_findings(&out, &[]);
    assert_233_except(&out, |i| i.contact.phone = "(86) 21-6351 2233".into());
}

#[test]
fn v139_v140_a_lost_region_heading_is_said_by_the_items_links() {
    for (prefix, under, items) in [("139", "上海市", 3), ("140", "香港資訊", 2)] {
        let out = run(prefix);
        let got = new_findings(&out);
        let said: Vec<_> = got
            .iter()
            .filter(|(_, m)| m.contains(&format!("is under 「{under}」 but links only to")))
            .collect();
        assert_eq!(said.len(), items, "{got:#?}");
        assert!(said
            .iter()
            .all(|(_, m)| m.contains("region heading missing")));
    }
}

#[test]
fn v141_a_header_with_a_column_missing_is_no_event() {
    let out = run("141");
    let got = new_findings(&out);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("an events table header with 4 columns")),
        "{got:#?}"
    );
    let issue = out.issue.expect("a bundle");
    let events: Vec<_> = issue.events.cities.iter().flat_map(|c| &c.events).collect();
    assert!(events.iter().all(|e| e.name != "活動" && e.name != "活动"));
    assert_eq!(events.len(), 4);
}

/// Every finding the importer gives on the variants reads in 繁 and 简 too (issue 24, 7): the
/// Chinese wording is its own, not the English, and each hole is filled.
#[test]
fn every_finding_reads_in_each_interface_language() {
    use sheto::i18n::Lang;
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(repo("tests/variants")).unwrap() {
        let recipe = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let outcome = sheto::import::import(&apply(&recipe, &source_233()).text);
        for f in &outcome.findings {
            let [hant, hans, en] = Lang::ALL.map(|lang| f.message.text(lang));
            assert_eq!(en, &*f.message);
            assert_ne!(hant, en, "no Chinese for: {en}");
            assert!(
                hant.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{hant}"
            );
            for text in [&hant, &hans] {
                let hole = text.split('{').skip(1).any(|rest| {
                    rest.split_once('}').is_some_and(|(name, _)| {
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    })
                });
                assert!(!hole, "an unfilled hole in: {text}");
            }
            seen.insert(f.message.kind());
        }
    }
    assert!(
        seen.len() >= 40,
        "the variants give {} kinds of finding",
        seen.len()
    );
}
