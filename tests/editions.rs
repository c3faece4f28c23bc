#![cfg(not(target_arch = "wasm32"))]
//! The zh-Hans edition of no. 233: the same issue in Simplified characters. Items, links, dates
//! and figures are the original's; Latin-script names and every digit survive unchanged.

mod common;
use common::*;
use sheto::convert::{simplified_issue, to_simplified};
use sheto::import::to_json;
use sheto::plain_text::lines;

fn edition() -> sheto::bundle::Issue {
    simplified_issue(&issue_233())
}

#[test]
fn the_published_edition_is_the_conversion_byte_for_byte() {
    let published = std::fs::read_to_string(repo("public/issues/233.zh-Hans.json")).unwrap();
    assert_eq!(
        to_json(&edition()),
        published,
        "run `sheto index public/issues`"
    );
}

#[test]
fn the_edition_is_valid_and_says_it_is_simplified() {
    let v = sheto::validate::validate_issue_json(to_json(&edition()).as_bytes());
    assert!(!v.has_errors(), "{:?}", v.findings);
    let e = v.value.unwrap();
    assert_eq!(e.lang, sheto::bundle::Script::Hans);
    assert_eq!(e.masthead.title, "香港特区政府驻上海经济贸易办事处通讯");
    assert_eq!(e.masthead.dateline, "2026年5月（第233期）");
}

#[test]
fn structure_links_dates_and_figures_are_the_originals() {
    let (original, e) = (issue_233(), edition());
    assert_eq!(e.number, original.number);
    assert_eq!(e.month, original.month);
    assert_eq!(e.counts(), original.counts());
    assert_eq!(e.urls(), original.urls());
    assert_eq!(e.economic_data.rows, original.economic_data.rows);
    assert_eq!(e.contact.email, original.contact.email);
    assert_eq!(e.contact.phone, original.contact.phone);
    let dates = |i: &sheto::bundle::Issue| -> Vec<Option<String>> {
        i.news().map(|(_, a)| a.date.clone()).collect()
    };
    assert_eq!(dates(&e), dates(&original));
    // The one URL with Chinese in it is kept as printed, not converted.
    assert!(e
        .urls()
        .contains(&"http://www.hktdc.com/info/trade-events/EX/tc/展覽事務.htm"));
}

/// Every line keeps its length, its Latin-script names and its digits: conversion changes
/// Chinese characters one for one and nothing else.
#[test]
fn every_line_keeps_its_names_and_figures() {
    let (original, converted) = (lines(&issue_233()), lines(&edition()));
    assert_eq!(original.len(), converted.len());
    let latin = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii() || c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for (o, c) in original.iter().zip(&converted) {
        assert_eq!(o.chars().count(), c.chars().count(), "{o}\n{c}");
        assert_eq!(latin(o), latin(c), "{o}\n{c}");
    }
    let text = converted.join("\n");
    for name in [
        "CargoX",
        "StartmeupHK 2026",
        "Fast Track",
        "ITE Hong Kong 2026",
        "TKS Exhibition Services Ltd",
    ] {
        assert!(text.contains(name), "{name}");
    }
}

/// Nothing is left unconverted: every string of the edition but its links is already what the
/// converter makes of it (the related links' labels once slipped through).
#[test]
fn every_text_of_the_edition_is_simplified() {
    fn walk(key: &str, value: &serde_json::Value, texts: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) if key != "url" && key != "links" => texts.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(key, i, texts)),
            serde_json::Value::Object(fields) => fields.iter().for_each(|(k, v)| walk(k, v, texts)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    walk("", &serde_json::to_value(edition()).unwrap(), &mut texts);
    assert!(texts.len() > 150, "{} texts", texts.len());
    for text in &texts {
        assert_eq!(&to_simplified(text), text, "not simplified");
    }
    assert!(texts.iter().any(|t| t == "香港特区政府驻北京办事处网页"));
}

/// Proper names come out in their Simplified form, and only changed characters differ.
#[test]
fn proper_names_convert_as_mainland_readers_write_them() {
    let text = lines(&edition()).join("\n");
    for name in [
        "香港特区政府驻上海经济贸易办事处",
        "香港金融管理局",
        "浙江独角兽企业达58家",
        "江苏省",
        "山东省",
        "杭州",
        "宁波",
        "上海市黄浦区西藏中路168号",
        "中国人民银行",
    ] {
        assert!(
            text.contains(name),
            "{name} missing from the zh-Hans edition"
        );
    }
    assert_eq!(to_simplified("反覆驗證"), "反复验证");
}
