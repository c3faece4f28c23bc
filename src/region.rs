//! The closed set of regions an issue talks about, with stable ids (used in bundles and URLs)
//! and the Chinese names the newsletter prints.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Shanghai,
    Jiangsu,
    Zhejiang,
    Anhui,
    Shandong,
    HongKong,
    Mainland,
}

impl Region {
    /// Every region, in a stable order.
    pub const ALL: [Region; 7] = [
        Region::Shanghai,
        Region::Jiangsu,
        Region::Zhejiang,
        Region::Anhui,
        Region::Shandong,
        Region::HongKong,
        Region::Mainland,
    ];

    /// The five provinces and municipalities the office covers: the province filter's chips.
    pub const PROVINCES: [Region; 5] = [
        Region::Shanghai,
        Region::Jiangsu,
        Region::Zhejiang,
        Region::Anhui,
        Region::Shandong,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Region::Shanghai => "shanghai",
            Region::Jiangsu => "jiangsu",
            Region::Zhejiang => "zhejiang",
            Region::Anhui => "anhui",
            Region::Shandong => "shandong",
            Region::HongKong => "hong-kong",
            Region::Mainland => "mainland",
        }
    }

    /// The name as the newsletter prints it in headings and the data table.
    pub fn name_zh(self) -> &'static str {
        match self {
            Region::Shanghai => "上海市",
            Region::Jiangsu => "江蘇省",
            Region::Zhejiang => "浙江省",
            Region::Anhui => "安徽省",
            Region::Shandong => "山東省",
            Region::HongKong => "香港",
            Region::Mainland => "內地",
        }
    }

    /// The short name used for cities in the events section and on chart axes (上海, 香港…).
    pub fn short_zh(self) -> &'static str {
        match self {
            Region::Shanghai => "上海",
            Region::Jiangsu => "江蘇",
            Region::Zhejiang => "浙江",
            Region::Anhui => "安徽",
            Region::Shandong => "山東",
            Region::HongKong => "香港",
            Region::Mainland => "內地",
        }
    }

    /// The full name in an interface language (chips, table rows): 江蘇省 / 江苏省 / Jiangsu.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        in_lang(self.name_zh(), self.name_en(), lang)
    }

    /// The short name in an interface language (chart axes): 江蘇 / 江苏 / Jiangsu.
    pub fn short(self, lang: crate::i18n::Lang) -> &'static str {
        in_lang(self.short_zh(), self.name_en(), lang)
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Region::Shanghai => "Shanghai",
            Region::Jiangsu => "Jiangsu",
            Region::Zhejiang => "Zhejiang",
            Region::Anhui => "Anhui",
            Region::Shandong => "Shandong",
            Region::HongKong => "Hong Kong",
            Region::Mainland => "Mainland",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }

    /// A region from a heading or table cell: the full name (上海市) or the short one (上海).
    pub fn from_zh(name: &str) -> Option<Region> {
        let name = name.trim();
        Region::ALL
            .into_iter()
            .find(|r| r.name_zh() == name || r.short_zh() == name)
    }
}

/// A region's name in a language, from its printed (Traditional) name and its English one. Only
/// three names differ in Simplified; a test checks them against the converter.
fn in_lang(zh: &'static str, en: &'static str, lang: crate::i18n::Lang) -> &'static str {
    use crate::i18n::Lang;
    match lang {
        Lang::Hant => zh,
        Lang::En => en,
        Lang::Hans => match zh {
            "江蘇省" => "江苏省",
            "江蘇" => "江苏",
            "山東省" => "山东省",
            "山東" => "山东",
            "內地" => "内地",
            same => same,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_serialize_as_ids() {
        for r in Region::ALL {
            assert_eq!(Region::from_id(r.id()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.id())
            );
        }
        assert_eq!(Region::from_id("guangdong"), None);
    }

    #[test]
    fn chinese_names_map_to_regions() {
        assert_eq!(Region::from_zh("浙江省"), Some(Region::Zhejiang));
        assert_eq!(Region::from_zh("上海"), Some(Region::Shanghai));
        assert_eq!(Region::from_zh("廣東省"), None);
    }
}
