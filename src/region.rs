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

/// Cities that head a table in 三. 經貿活動, with the region each is in. A city outside the
/// office's regions is known (no warning) but has none.
const CITIES: [(&str, Option<Region>); 52] = [
    ("上海", Some(Region::Shanghai)),
    ("香港", Some(Region::HongKong)),
    ("杭州", Some(Region::Zhejiang)),
    ("寧波", Some(Region::Zhejiang)),
    ("溫州", Some(Region::Zhejiang)),
    ("紹興", Some(Region::Zhejiang)),
    ("嘉興", Some(Region::Zhejiang)),
    ("湖州", Some(Region::Zhejiang)),
    ("金華", Some(Region::Zhejiang)),
    ("義烏", Some(Region::Zhejiang)),
    ("台州", Some(Region::Zhejiang)),
    ("舟山", Some(Region::Zhejiang)),
    ("衢州", Some(Region::Zhejiang)),
    ("麗水", Some(Region::Zhejiang)),
    ("南京", Some(Region::Jiangsu)),
    ("蘇州", Some(Region::Jiangsu)),
    ("無錫", Some(Region::Jiangsu)),
    ("常州", Some(Region::Jiangsu)),
    ("南通", Some(Region::Jiangsu)),
    ("揚州", Some(Region::Jiangsu)),
    ("徐州", Some(Region::Jiangsu)),
    ("鎮江", Some(Region::Jiangsu)),
    ("泰州", Some(Region::Jiangsu)),
    ("鹽城", Some(Region::Jiangsu)),
    ("連雲港", Some(Region::Jiangsu)),
    ("淮安", Some(Region::Jiangsu)),
    ("宿遷", Some(Region::Jiangsu)),
    ("昆山", Some(Region::Jiangsu)),
    ("合肥", Some(Region::Anhui)),
    ("蕪湖", Some(Region::Anhui)),
    ("蚌埠", Some(Region::Anhui)),
    ("馬鞍山", Some(Region::Anhui)),
    ("安慶", Some(Region::Anhui)),
    ("黃山", Some(Region::Anhui)),
    ("阜陽", Some(Region::Anhui)),
    ("滁州", Some(Region::Anhui)),
    ("濟南", Some(Region::Shandong)),
    ("青島", Some(Region::Shandong)),
    ("煙台", Some(Region::Shandong)),
    ("濰坊", Some(Region::Shandong)),
    ("威海", Some(Region::Shandong)),
    ("臨沂", Some(Region::Shandong)),
    ("淄博", Some(Region::Shandong)),
    ("日照", Some(Region::Shandong)),
    ("濟寧", Some(Region::Shandong)),
    ("北京", None),
    ("廣州", None),
    ("深圳", None),
    ("澳門", None),
    ("成都", None),
    ("武漢", None),
    ("天津", None),
];

/// The region of a city heading (杭州 → Zhejiang; 杭州市 too). `Some(None)`: a known city
/// outside the office's regions; `None`: not a city the importer knows. A region's own name
/// (上海市, 浙江省) is its region.
pub fn city_region(name: &str) -> Option<Option<Region>> {
    let name = name.trim();
    if let Some(region) = Region::from_zh(name) {
        return Some(Some(region));
    }
    let name = name.strip_suffix('市').unwrap_or(name);
    CITIES.iter().find(|(c, _)| *c == name).map(|(_, r)| *r)
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
        assert_eq!(city_region("杭州"), Some(Some(Region::Zhejiang)));
        assert_eq!(city_region("青島市"), Some(Some(Region::Shandong)));
        assert_eq!(city_region("北京"), Some(None));
        assert_eq!(city_region("有關更多在香港舉行的展覽會議資訊"), None);
    }
}
