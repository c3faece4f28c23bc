//! The Simplified Chinese (zh-Hans) edition of an issue, converted once when it is published,
//! as Hong Kong government sites do: OpenCC's Hong Kong → Simplified tables (`hk2s`: phrases
//! first, then characters) through `ferrous-opencc` (Apache-2.0). The reader never converts;
//! it downloads the edition it shows.
//!
//! Only text is converted. Links, dates, ids and figures are copied as they are, so a
//! Simplified edition has the same items, links and numbers as its original.

use crate::bundle::{Issue, Script};
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;

fn converter() -> &'static OpenCC {
    static CONVERTER: OnceLock<OpenCC> = OnceLock::new();
    CONVERTER.get_or_init(|| {
        OpenCC::from_config(BuiltinConfig::Hk2s).expect("the built-in hk2s tables load")
    })
}

/// Traditional (Hong Kong) text → Simplified.
pub fn to_simplified(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    converter().convert(text)
}

/// One character on its own (no phrase context), or None when it has no Simplified form of the
/// same UTF-8 length. The search index folds with this so 繁 and 简 queries match alike.
pub fn simplified_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let converted = to_simplified(c.encode_utf8(&mut [0; 4]));
    let mut converted = converted.chars();
    match (converted.next(), converted.next()) {
        (Some(s), None) if s != c && s.len_utf8() == c.len_utf8() => Some(s),
        _ => None,
    }
}

/// An address, not text: a `url` that holds a link (the events table's `url` column header,
/// 網址, is text), or the strings of an article's `links` (related links are objects with a
/// label to convert and a `url` to keep).
fn is_address(key: &str, value: &serde_json::Value) -> bool {
    match (key, value) {
        ("url", serde_json::Value::String(s)) => s.is_ascii() || s.contains("://"),
        ("links", serde_json::Value::Array(items)) => items.iter().all(|i| i.is_string()),
        _ => false,
    }
}

/// The zh-Hans edition of a zh-Hant issue.
pub fn simplified_issue(issue: &Issue) -> Issue {
    let mut value = serde_json::to_value(issue).expect("issues always serialize");
    convert_value(&mut value);
    let mut converted: Issue =
        serde_json::from_value(value).expect("converting text keeps the bundle's shape");
    converted.lang = Script::Hans;
    converted
}

fn convert_value(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => *s = to_simplified(s),
        Value::Array(items) => items.iter_mut().for_each(convert_value),
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                if !is_address(key, field) {
                    convert_value(field);
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_hong_kong_text_with_phrases() {
        assert_eq!(
            to_simplified("香港特區政府駐上海經濟貿易辦事處"),
            "香港特区政府驻上海经济贸易办事处"
        );
        // A phrase, not a character: 反覆 → 反复, while 覆 alone stays 覆.
        assert_eq!(to_simplified("反覆驗證"), "反复验证");
        assert_eq!(to_simplified("CargoX 2026"), "CargoX 2026");
    }

    #[test]
    fn single_characters_fold_only_when_they_change() {
        assert_eq!(simplified_char('獨'), Some('独'));
        assert_eq!(simplified_char('上'), None);
        assert_eq!(simplified_char('A'), None);
    }

    /// The 简 interface is the 繁 one converted, except where Mainland usage differs.
    #[test]
    fn the_simplified_interface_matches_the_converter() {
        use crate::i18n::Msg;
        let usage = [
            ("「", "“"),
            ("」", "”"),
            ("搜寻", "搜索"),
            ("贴上", "粘贴"),
            ("开启", "打开"),
            ("连结", "链接"),
        ];
        for msg in Msg::ALL {
            let [hant, hans, _] = msg.texts();
            let converted = usage
                .iter()
                .fold(to_simplified(hant), |t, (from, to)| t.replace(from, to));
            assert_eq!(converted, hans, "{msg:?}");
        }
        for region in crate::region::Region::ALL {
            assert_eq!(
                to_simplified(region.name(crate::i18n::Lang::Hant)),
                region.name(crate::i18n::Lang::Hans)
            );
            assert_eq!(
                to_simplified(region.short(crate::i18n::Lang::Hant)),
                region.short(crate::i18n::Lang::Hans)
            );
        }
    }

    #[test]
    fn the_newsletters_labels_convert_as_the_converter_does() {
        use crate::bundle::{details_label, website_label};
        let (hant, hans) = (Script::Hant, Script::Hans);
        assert_eq!(to_simplified(details_label(hant)), details_label(hans));
        assert_eq!(to_simplified(website_label(hant)), website_label(hans));
    }
}
