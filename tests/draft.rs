#![cfg(not(target_arch = "wasm32"))]
//! The staff preview's pure logic: processing a draft, where findings point, saving across tabs.

mod common;
use common::*;
use sheto::draft::*;
use sheto::finding::Severity;
use sheto::page::{Anchor, Section};

#[test]
fn kinds_from_names_and_content() {
    assert_eq!(DraftKind::detect(Some("234.JSON"), "x"), DraftKind::Json);
    assert_eq!(
        DraftKind::detect(Some("issue-234.txt"), "{"),
        DraftKind::Text
    );
    assert_eq!(
        DraftKind::detect(None, "\u{feff}  {\"a\":1}"),
        DraftKind::Json
    );
    assert_eq!(
        DraftKind::detect(None, "香港特區政府駐上海經濟貿易辦事處通訊"),
        DraftKind::Text
    );
}

#[test]
fn an_edit_keeps_the_kind_the_draft_has() {
    // A text opened as .txt that the editor begins with `{` is still text to the importer.
    let text = "香港特區政府駐上海經濟貿易辦事處通訊";
    assert_eq!(
        DraftKind::Text.after_edit(text, &format!("{{{text}")),
        DraftKind::Text
    );
    // A bundle being edited stays a bundle even while its first `{` is deleted.
    assert_eq!(
        DraftKind::Json.after_edit("{\"a\":1}", "\"a\":1}"),
        DraftKind::Json
    );
    // A draft pasted into an empty editor is read from what was pasted.
    assert_eq!(
        DraftKind::Text.after_edit("  ", "{\"number\":234}"),
        DraftKind::Json
    );
    assert_eq!(DraftKind::Json.after_edit("", text), DraftKind::Text);
    // A bundle pasted over the whole of a text draft (select all, paste) is a new draft.
    assert_eq!(
        DraftKind::Text.after_edit(text, "{\"number\":234}"),
        DraftKind::Json
    );
    // Editing in the middle keeps most of the draft, and its kind.
    let edited = text.replace("上海", "{上海");
    assert_eq!(DraftKind::Text.after_edit(text, &edited), DraftKind::Text);
}

#[test]
fn the_text_of_233_gives_the_published_bundle() {
    let p = process(DraftKind::Text, &source_233());
    assert_eq!(p.errors(), 0);
    assert_eq!(p.publishable(), Some(&issue_233()));
    // Warnings and notes do not block: the URL with a space, from the importer (by line) and
    // the validator (by path), and the page-break notes.
    assert!(p.findings.iter().all(|f| f.severity != Severity::Error));
    assert_eq!(p.findings[0].severity, Severity::Warning);
}

#[test]
fn the_bundle_of_233_validates() {
    let p = process(DraftKind::Json, &published_233());
    assert_eq!(p.publishable(), Some(&issue_233()));
}

#[test]
fn a_text_without_its_data_table_blocks_publishing() {
    let source = source_233();
    let cut = format!(
        "{}{}",
        &source[..source.find("二. 經貿數據").unwrap()],
        &source[source.find("三. 經貿活動").unwrap()..]
    );
    let p = process(DraftKind::Text, &cut);
    assert!(p.issue.is_none() && p.publishable().is_none());
    assert_eq!(p.findings[0].severity, Severity::Error, "errors come first");
    assert!(p.findings[0].message.contains("data table missing"));
}

#[test]
fn broken_json_points_at_line_and_column() {
    let p = process(DraftKind::Json, "{\n  \"number\": 233,\n  \"month\": }");
    assert_eq!(
        target(&p.findings[0], None),
        Target::SourceLine {
            line: 3,
            column: 12
        }
    );
}

#[test]
fn findings_point_at_the_rendered_item_or_section() {
    let issue = issue_233();
    let mut bundle: serde_json::Value = serde_json::from_str(&published_233()).unwrap();
    bundle["news_flash"]["groups"][4]["articles"][1]["date"] = "2026-02-30".into();
    bundle["events"]["cities"][0]["events"][0]["url"] = "ftp://x".into();
    let p = process(DraftKind::Json, &bundle.to_string());
    let targets: Vec<Target> = p
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| target(f, p.issue.as_ref()))
        .collect();
    assert_eq!(
        targets,
        [
            Target::Item(Anchor::Item(14)),
            Target::Section(Section::Events)
        ]
    );
    let text = process(DraftKind::Text, &source_233());
    let line = text
        .findings
        .iter()
        .find(|f| {
            f.message.contains("space in it")
                && matches!(f.location, sheto::finding::Location::Line { .. })
        })
        .unwrap();
    assert_eq!(
        target(line, Some(&issue)),
        Target::SourceLine {
            line: 254,
            column: 1
        }
    );
}

fn stored(tab: &str, revision: u64) -> StoredDraft {
    StoredDraft {
        kind: DraftKind::Text,
        content: "x".into(),
        tab: tab.into(),
        revision,
        saved_at: 0.0,
    }
}

#[test]
fn two_tabs_do_not_silently_overwrite_each_other() {
    assert_eq!(
        decide_save(None, "a", 0),
        SaveDecision::Save { revision: 1 }
    );
    // Tab a saved revision 3 and saves again.
    assert_eq!(
        decide_save(Some(&stored("a", 3)), "a", 3),
        SaveDecision::Save { revision: 4 }
    );
    // Tab b saved revision 4 after a last saw 3: a must ask.
    assert_eq!(
        decide_save(Some(&stored("b", 4)), "a", 3),
        SaveDecision::Conflict
    );
    // Once a has loaded b's revision 4 it may save 5.
    assert_eq!(
        decide_save(Some(&stored("b", 4)), "a", 4),
        SaveDecision::Save { revision: 5 }
    );
}

#[test]
fn the_index_to_publish_adds_the_draft() {
    let mut issue = issue_233();
    issue.number = 234;
    issue.month = "2026-06".into();
    let current: sheto::bundle::ArchiveIndex =
        serde_json::from_str(&std::fs::read_to_string(repo("public/issues/index.json")).unwrap())
            .unwrap();
    let index = index_with(Some(&current), &issue);
    let numbers: Vec<u32> = index.issues.iter().map(|e| e.number).collect();
    assert_eq!(numbers, [234, 233]);
    assert_eq!(index.issues[0].file, "234.json");
    assert!(index.to_json().ends_with("}\n"));
    assert_eq!(index_with(None, &issue).issues.len(), 1);
}

#[test]
fn a_text_the_validator_refuses_is_drawn_with_its_findings_but_not_publishable() {
    // 山東省 misprinted as 廣東省: its three items are left out, so numbers 10–12 are missing.
    let text = source_233().replace("\n山東省\n", "\n廣東省\n");
    let p = process(DraftKind::Text, &text);
    let issue = p.issue.as_ref().expect("the issue as read is drawn");
    assert_eq!(issue.news().count(), 14);
    assert!(p.publishable().is_none());
    let error = p.findings.iter().find(|f| f.is_error()).unwrap();
    assert!(error.message.contains("missing item numbers: 10, 11, 12"));
    assert_eq!(target(error, Some(issue)), Target::Section(Section::News));
    // Each warning on the unknown heading and its items goes to its line of the text.
    let lines: Vec<Target> = p
        .findings
        .iter()
        .filter(|f| f.message.contains("廣東省"))
        .map(|f| target(f, Some(issue)))
        .collect();
    let at = |line| Target::SourceLine { line, column: 1 };
    assert_eq!(lines, [at(141), at(143), at(151), at(159)]);
    // The validator's findings are not counted twice.
    let errors = p.findings.iter().filter(|f| f.is_error()).count();
    assert_eq!(errors, 1);
}
