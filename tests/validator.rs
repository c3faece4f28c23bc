#![cfg(not(target_arch = "wasm32"))]
//! Validator findings: each kind, with its exact place and message, and no panic on any input.

mod common;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use sheto::finding::{Location, Severity};
use sheto::validate::{validate_index_json, validate_issue_json};

fn bundle() -> Value {
    serde_json::from_str(&published_233()).unwrap()
}

/// (path or line:col, severity, message) of every finding that is not the known URL warning.
fn findings_of(value: &Value) -> Vec<(String, Severity, String)> {
    findings_of_bytes(value.to_string().as_bytes())
}

fn findings_of_bytes(bytes: &[u8]) -> Vec<(String, Severity, String)> {
    validate_issue_json(bytes)
        .findings
        .into_iter()
        .filter(|f| !f.message.contains("FS-7bzaIg5r_ITE HongKong2026"))
        .map(|f| (f.location.to_string(), f.severity, f.message.to_string()))
        .collect()
}

fn one_error(value: &Value) -> (String, String) {
    let found = findings_of(value);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, Severity::Error, "{found:?}");
    (found[0].0.clone(), found[0].2.clone())
}

fn e(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}

#[test]
fn the_published_bundle_has_only_the_url_warning() {
    assert_eq!(findings_of(&bundle()), []);
}

#[test]
fn json_syntax_errors_have_line_and_column() {
    let v = validate_issue_json(b"{\n  \"number\": 233,\n  \"month\": }\n");
    assert_eq!(v.findings.len(), 1);
    assert_eq!(
        v.findings[0].location,
        Location::Text {
            line: 3,
            column: 12
        }
    );
    assert_eq!(v.findings[0].message, "invalid JSON: expected value");
    assert_eq!(
        v.findings[0].render("233.json"),
        "233.json:3:12: error: invalid JSON: expected value"
    );
}

#[test]
fn invalid_utf8_is_located() {
    let v = validate_issue_json(b"{\n \"a\": \"\xff\"}");
    assert_eq!(
        v.findings[0].location,
        Location::Text { line: 2, column: 8 }
    );
    assert_eq!(v.findings[0].message, "not UTF-8 text");
}

#[test]
fn wrong_types_and_missing_fields_have_paths() {
    let mut b = bundle();
    b["news_flash"]["groups"][1]["articles"][0]["title"] = json!(5);
    assert_eq!(
        one_error(&b),
        e(
            "$.news_flash.groups[1].articles[0].title",
            "invalid type: integer `5`, expected a string"
        )
    );
    let mut b = bundle();
    b["contact"].as_object_mut().unwrap().remove("email");
    assert_eq!(one_error(&b), e("$.contact", "missing field `email`"));
}

#[test]
fn unknown_region() {
    let mut b = bundle();
    b["news_flash"]["groups"][2]["region"] = json!("guangdong");
    let (path, message) = one_error(&b);
    assert_eq!(path, "$.news_flash.groups[2].region");
    assert!(
        message.starts_with("unknown region `guangdong`, expected one of `shanghai`"),
        "{message}"
    );
}

#[test]
fn region_in_the_wrong_part() {
    let mut b = bundle();
    b["news_flash"]["groups"][0]["region"] = json!("hong-kong");
    assert_eq!(
        one_error(&b),
        e("$.news_flash.groups[0].region", "region `hong-kong` does not belong here; expected one of shanghai, jiangsu, zhejiang, anhui, shandong")
    );
}

#[test]
fn duplicate_and_missing_item_numbers() {
    let mut b = bundle();
    b["news_flash"]["groups"][0]["articles"][1]["number"] = json!(1);
    let found = findings_of(&b);
    let got: Vec<_> = found
        .iter()
        .map(|(p, s, m)| (p.as_str(), *s, m.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "$.news_flash.groups[0].articles[1].number",
                Severity::Error,
                "duplicate item number 1"
            ),
            (
                "$.news_flash",
                Severity::Error,
                "missing item numbers: 2 (items are numbered 1–17)"
            ),
        ]
    );
    let mut b = bundle();
    b["news_flash"]["groups"][0]["articles"][0]
        .as_object_mut()
        .unwrap()
        .remove("number");
    let found = findings_of(&b);
    assert_eq!(found[0].0, "$.news_flash.groups[0].articles[0].number");
    assert_eq!(found[0].2, "news item has no number");
}

#[test]
fn impossible_dates() {
    let mut b = bundle();
    b["key_developments"]["groups"][0]["articles"][0]["date"] = json!("2026-02-30");
    assert_eq!(
        one_error(&b),
        e(
            "$.key_developments.groups[0].articles[0].date",
            "impossible date 「2026-02-30」: expected a real day as YYYY-MM-DD"
        )
    );
    let mut b = bundle();
    b["month"] = json!("2026-13");
    assert_eq!(
        one_error(&b),
        e("$.month", "impossible month 「2026-13」: expected YYYY-MM")
    );
}

#[test]
fn an_event_that_ends_before_it_starts() {
    let mut b = bundle();
    b["events"]["cities"][0]["events"][1]["end"] = json!("2026-06-10");
    assert_eq!(
        one_error(&b),
        e(
            "$.events.cities[0].events[1].end",
            "the event ends (2026-06-10) before it starts (2026-06-11)"
        )
    );
}

#[test]
fn growth_outside_the_plausible_range() {
    let mut b = bundle();
    b["economic_data"]["rows"][3]["trade_yoy"]["value"] = json!(1200.5);
    assert_eq!(
        one_error(&b),
        e(
            "$.economic_data.rows[3].trade_yoy.value",
            "y-o-y 1200.5% is outside −100…1000%"
        )
    );
    b["economic_data"]["rows"][3]["trade_yoy"]["value"] = json!(-100.0);
    assert_eq!(findings_of(&b), []);
}

#[test]
fn urls_must_be_http_or_mailto() {
    let mut b = bundle();
    b["news_flash"]["groups"][0]["articles"][0]["links"][1] = json!("javascript:alert(1)");
    assert_eq!(
        one_error(&b),
        e(
            "$.news_flash.groups[0].articles[0].links[1]",
            "not an http(s) or mailto URL: javascript:alert(1)"
        )
    );
    b["news_flash"]["groups"][0]["articles"][0]["links"][1] = json!("mailto:enquiry@sheto.gov.hk");
    assert_eq!(findings_of(&b), []);
}

#[test]
fn empty_required_text() {
    let mut b = bundle();
    b["masthead"]["title"] = json!("  ");
    b["news_flash"]["groups"][4]["articles"][2]["paragraphs"][0] = json!("");
    let found = findings_of(&b);
    let got: Vec<_> = found
        .iter()
        .map(|(p, _, m)| (p.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("$.masthead.title", "empty text"),
            (
                "$.news_flash.groups[4].articles[2].paragraphs[0]",
                "empty text"
            )
        ]
    );
}

#[test]
fn index_disagreement_is_checked_by_file_name() {
    let issue = issue_233();
    let mut index: sheto::bundle::ArchiveIndex =
        serde_json::from_str(&std::fs::read_to_string(repo("public/issues/index.json")).unwrap())
            .unwrap();
    assert_eq!(
        sheto::validate::check_against_index(&issue, "233.json", &index, "index.json"),
        []
    );
    index.issues[0].number = 234;
    index.issues[0].month = "2026-06".into();
    let found: Vec<_> =
        sheto::validate::check_against_index(&issue, "233.json", &index, "index.json")
            .into_iter()
            .map(|f| (f.location.to_string(), f.message.to_string()))
            .collect();
    assert_eq!(
        found,
        [
            (
                "$.number".to_string(),
                "issue number 233 disagrees with index.json (234)".to_string()
            ),
            (
                "$.month".to_string(),
                "month 2026-05 disagrees with index.json (2026-06)".to_string()
            ),
        ]
    );
}

#[test]
fn a_broken_index() {
    let v = validate_index_json(br#"{"schema_version":1,"issues":[{"number":1}]}"#);
    assert_eq!(v.findings[0].location.to_string(), "$.issues[0]");
    assert_eq!(v.findings[0].message, "missing field `month`");
}

#[test]
fn deep_nesting_and_huge_inputs_are_findings_not_crashes() {
    let deep = "[".repeat(100_000);
    let found = findings_of_bytes(deep.as_bytes());
    assert_eq!(
        found,
        [(
            "1:1".to_string(),
            Severity::Error,
            "expected a JSON object `{…}`".to_string()
        )]
    );
    let nested = format!("{{\"number\": {}", "[".repeat(100_000));
    let found = findings_of_bytes(nested.as_bytes());
    assert_eq!(found[0].0, "$.number", "{found:?}");
    let huge = format!("{{\"number\": \"{}\"}}", "字".repeat(2_000_000));
    assert_eq!(findings_of_bytes(huge.as_bytes())[0].1, Severity::Error);
}

#[test]
fn every_truncation_of_the_bundle_is_located() {
    let text = published_233();
    for cut in (1..text.len())
        .step_by(211)
        .filter(|i| text.is_char_boundary(*i))
    {
        let v = validate_issue_json(&text.as_bytes()[..cut]);
        assert!(v.value.is_none());
        assert!(
            matches!(v.findings[0].location, Location::Text { .. }),
            "cut at {cut}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = validate_issue_json(&bytes);
        let _ = validate_index_json(&bytes);
        let _ = sheto::import::import(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_bundles_never_panic(pos in 0usize..40_000, byte in any::<u8>()) {
        let mut bytes = published_233().into_bytes();
        let pos = pos % bytes.len();
        bytes[pos] = byte;
        let v = validate_issue_json(&bytes);
        prop_assert!(v.value.is_some() || v.has_errors());
    }

    #[test]
    fn spliced_source_texts_never_panic(a in 0usize..20_000, b in 0usize..20_000) {
        let source = source_233();
        let chars: Vec<char> = source.chars().collect();
        let (a, b) = (a % chars.len(), b % chars.len());
        let spliced: String = chars[..a.min(b)].iter().chain(&chars[a.max(b)..]).collect();
        let outcome = sheto::import::import(&spliced);
        prop_assert!(outcome.issue.is_some() || outcome.findings.iter().any(|f| f.is_error()));
    }
}

#[test]
fn a_script_other_than_zh_hant_or_zh_hans_is_refused_where_it_stands() {
    let pretty = published_233().replacen("\"lang\": \"zh-Hant\"", "\"lang\": \"zh-TW\"", 1);
    let found = findings_of_bytes(pretty.as_bytes());
    assert_eq!(found.len(), 1, "{found:?}");
    let (at, severity, message) = &found[0];
    assert_eq!(*severity, Severity::Error);
    assert_eq!(at, "$.lang");
    assert!(
        message.contains("zh-TW") && message.contains("zh-Hant"),
        "{message}"
    );
}
