//! The reader's view state and its URL: `?issue=233&region=zhejiang,anhui#news`.
//!
//! The query string and hash are the one source of truth: parsing and printing are pure and
//! round-trip, so a link reproduces a view, reload keeps it, and history steps through changes.
//! No server rewrite rules are needed: it is always the same page.

use crate::region::Region;
use std::collections::BTreeSet;

/// The sections a reader can jump to, in the newsletter's order (used as the URL hash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    KeyDevelopments,
    News,
    Data,
    Events,
    Contact,
    About,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::KeyDevelopments,
        Section::News,
        Section::Data,
        Section::Events,
        Section::Contact,
        Section::About,
    ];

    /// Element id and URL hash.
    pub fn id(self) -> &'static str {
        match self {
            Section::KeyDevelopments => "key",
            Section::News => "news",
            Section::Data => "data",
            Section::Events => "events",
            Section::Contact => "contact",
            Section::About => "about",
        }
    }

    /// The label in the section navigation.
    pub fn label_zh(self) -> &'static str {
        match self {
            Section::KeyDevelopments => "主要動態",
            Section::News => "經貿快訊",
            Section::Data => "經貿數據",
            Section::Events => "經貿活動",
            Section::Contact => "聯絡",
            Section::About => "簡介",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The issue in view; None means the newest.
    pub issue: Option<u32>,
    /// Chosen provinces; empty means all (全部).
    pub regions: BTreeSet<Region>,
    pub section: Option<Section>,
    /// A draft bundle on the host to preview (`preview.html?src=drafts/234.json`): a relative path.
    pub src: Option<String>,
}

/// Only a path relative to the page may be previewed: no scheme, no other host, no `..`.
pub fn is_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.starts_with('\\')
        && !path.contains("..")
        && !path.contains(':')
        && path.chars().all(|c| !c.is_control() && c != '\\')
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl ViewState {
    /// Reads `location.search` and `location.hash` (with or without their `?` / `#`).
    /// Unknown keys and values are ignored: an old or mistyped link still opens the issue.
    pub fn parse(search: &str, hash: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "issue" => state.issue = value.parse().ok().filter(|n| *n > 0),
                "src" => state.src = Some(value).filter(|v| is_relative_path(v)),
                "region" => {
                    let chosen = value.split(',').filter_map(|id| Region::from_id(id.trim()));
                    state.regions = chosen.filter(|r| Region::PROVINCES.contains(r)).collect();
                }
                _ => {}
            }
        }
        state.section = Section::from_id(&percent_decode(hash.trim_start_matches('#')));
        state
    }

    /// Reads a query string with its hash: `?issue=233#news`.
    pub fn from_url(query_and_hash: &str) -> ViewState {
        let (search, hash) = query_and_hash
            .split_once('#')
            .unwrap_or((query_and_hash, ""));
        ViewState::parse(search, hash)
    }

    /// The query string and hash for this state: `?issue=233&region=zhejiang#news`, or `""`.
    /// Regions print in the chips' order so equal states give equal URLs.
    pub fn to_url(&self) -> String {
        let mut params = Vec::new();
        if let Some(src) = &self.src {
            params.push(format!("src={}", percent_encode(src)));
        }
        if let Some(n) = self.issue {
            params.push(format!("issue={n}"));
        }
        if !self.regions.is_empty() {
            let ids: Vec<&str> = self.regions.iter().map(|r| r.id()).collect();
            params.push(format!("region={}", ids.join(",")));
        }
        let mut url = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        if let Some(s) = self.section {
            url.push('#');
            url.push_str(s.id());
        }
        url
    }

    /// Whether a region's items are shown: all are when none is chosen.
    pub fn shows(&self, region: Region) -> bool {
        self.regions.is_empty() || self.regions.contains(&region)
    }

    pub fn is_filtered(&self) -> bool {
        !self.regions.is_empty()
    }

    /// The state with a region switched on or off.
    pub fn toggled(&self, region: Region) -> ViewState {
        let mut next = self.clone();
        if !next.regions.remove(&region) {
            next.regions.insert(region);
        }
        next
    }

    /// The state showing every region (全部).
    pub fn all_regions(&self) -> ViewState {
        ViewState {
            regions: BTreeSet::new(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        let s = ViewState::parse("?issue=233&region=zhejiang,anhui", "#news");
        assert_eq!(s.issue, Some(233));
        assert_eq!(s.regions, BTreeSet::from([Region::Zhejiang, Region::Anhui]));
        assert_eq!(s.section, Some(Section::News));
        assert_eq!(s.to_url(), "?issue=233&region=zhejiang,anhui#news");
        assert_eq!(
            ViewState::parse("?issue=233&region=zhejiang,anhui", "#news"),
            ViewState::from_url(&s.to_url())
        );
        assert_eq!(ViewState::default().to_url(), "");
    }

    #[test]
    fn odd_links_still_open() {
        let s = ViewState::parse(
            "region=zhejiang%2Cguangdong,hong-kong&issue=x&utm=1",
            "#nowhere",
        );
        assert_eq!(s.regions, BTreeSet::from([Region::Zhejiang]));
        assert_eq!((s.issue, s.section), (None, None));
        assert_eq!(ViewState::parse("?issue=0", "").issue, None);
    }

    #[test]
    fn preview_links() {
        let s = ViewState::from_url("?src=drafts/234.json&region=anhui");
        assert_eq!(s.src.as_deref(), Some("drafts/234.json"));
        assert_eq!(s.to_url(), "?src=drafts/234.json&region=anhui");
        for bad in [
            "https://evil.example/x.json",
            "//evil/x.json",
            "/etc/passwd",
            "../x.json",
            "javascript:alert(1)",
        ] {
            let s = ViewState::parse(&format!("?src={bad}"), "");
            assert_eq!(s.src, None, "{bad}");
        }
        let spaced = ViewState {
            src: Some("drafts/第 234 期.json".into()),
            ..Default::default()
        };
        assert_eq!(ViewState::from_url(&spaced.to_url()), spaced);
    }

    #[test]
    fn toggling_and_all() {
        let s = ViewState::default()
            .toggled(Region::Zhejiang)
            .toggled(Region::Shanghai);
        assert!(s.shows(Region::Zhejiang) && !s.shows(Region::Anhui));
        assert_eq!(s.to_url(), "?region=shanghai,zhejiang");
        let s = s.toggled(Region::Zhejiang);
        assert_eq!(s.regions, BTreeSet::from([Region::Shanghai]));
        assert!(s.all_regions().shows(Region::Anhui));
        assert!(!s.all_regions().is_filtered());
    }
}
