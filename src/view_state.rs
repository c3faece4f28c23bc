//! The reader's view state and its URL: `?issue=233&region=zhejiang,anhui&lang=zh-Hans#news`,
//! `?q=独角兽` while searching, `#item-17` for one item.
//!
//! The query string and hash are the one source of truth: parsing and printing are pure and
//! round-trip, so a link reproduces a view, reload keeps it, and history steps through changes.
//! No server rewrite rules are needed: the site's page and each issue's published page
//! (`issues/233.html`, whose path names the issue: [`Place::IssuePage`]) are static files.

use crate::filter::Filter;
use crate::i18n::Lang;
use crate::region::Region;

/// The sections are the page model's: a URL's hash may name any of them.
pub use crate::page::Section;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The issue in view; None means the newest.
    pub issue: Option<u32>,
    /// Chosen provinces; empty means all (全部).
    pub regions: Filter,
    pub section: Option<Section>,
    /// An item to scroll to (`#item-17`, `#key-2`, `#event-3`), e.g. from a search result.
    pub item: Option<String>,
    /// The language chosen by a link or the switch; None follows the reader's saved choice.
    pub lang: Option<Lang>,
    /// The search query while the search results are open.
    pub q: Option<String>,
    /// A draft bundle on the host to preview (`preview.html?src=drafts/234.json`): a relative path.
    pub src: Option<String>,
}

/// Which page the reader is on. Both are published complete (`sheto publish`) and adopted by
/// the app. A reader never leaves the folder of the page it opened: the links and history
/// entries the app makes are relative to it, so the page's own relative URLs stay right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// The site's page (index.html: the newest issue; `?issue=200` for another), or the preview.
    #[default]
    Site,
    /// An issue's own page, one folder down: `issues/233.html`, its Simplified edition
    /// `issues/233.zh-Hans.html` (`?region=` and the rest in the query, as on the site's page).
    IssuePage,
}

impl Place {
    /// The site's root, relative to the page.
    pub fn root(self) -> &'static str {
        match self {
            Place::Site => "",
            Place::IssuePage => "../",
        }
    }

    /// A file of the site (`issues/233.png`) as a link from this page: relative (an issue page
    /// is in `issues/` itself), or absolute under the site's published address.
    pub fn link(self, site_url: Option<&str>, from_root: &str) -> String {
        match (site_url, self) {
            (Some(site), _) => format!("{}/{from_root}", site.trim_end_matches('/')),
            (None, Place::IssuePage) => match from_root.strip_prefix("issues/") {
                Some(here) => here.to_string(),
                None => format!("../{from_root}"),
            },
            (None, Place::Site) => from_root.to_string(),
        }
    }
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

/// A `src=` path as a file inside the site's folder, normalised (`./` and empty segments
/// dropped), or None when it would leave it. What is kept is the path as decoded once from the
/// address; [`site_url`] encodes it again, so `%2e%2e` names a file called `%2e%2e`, never
/// the folder above (a browser reads an encoded dot segment as one).
pub fn site_path(path: &str) -> Option<String> {
    if !is_relative_path(path) {
        return None;
    }
    let segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    (!segments.is_empty()).then(|| segments.join("/"))
}

/// The URL to fetch a [`site_path`] from, relative to the page: each segment percent-encoded.
pub fn site_url(path: &str) -> String {
    percent_encode(path)
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
    percent_decoded(s, true)
}

/// `%E5%B1%95` → 展; `+` is a space in a query (`plus_is_space`), itself in a path.
pub(crate) fn percent_decoded(s: &str, plus_is_space: bool) -> String {
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
            (b'+', _, _) if plus_is_space => {
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
                "src" => state.src = site_path(&value),
                "lang" => state.lang = Lang::from_tag(&value),
                "q" => state.q = Some(value).filter(|q| !q.trim().is_empty()),
                "region" => {
                    let chosen = value.split(',').filter_map(|id| Region::from_id(id.trim()));
                    state.regions = chosen.filter(|r| Region::PROVINCES.contains(r)).collect();
                }
                _ => {}
            }
        }
        let hash = percent_decode(hash.trim_start_matches('#'));
        state.section = Section::from_id(&hash);
        state.item = Some(hash).filter(|h| crate::page::Anchor::parse(h).is_some());
        state
    }

    /// Reads the address of a page at `place`: `file` is the last segment of its path. On an
    /// issue's page the path names the issue, and `.zh-Hans` or `.en` its interface language
    /// (unless the query names one).
    pub fn parse_at(place: Place, file: &str, search: &str, hash: &str) -> ViewState {
        let mut state = ViewState::parse(search, hash);
        if place == Place::IssuePage {
            if let Some((number, lang)) = crate::files::parse_page(file) {
                state.issue = Some(number);
                if lang != Lang::Hant && state.lang.is_none() {
                    state.lang = Some(lang);
                }
            }
        }
        state
    }

    /// The link to this state from a page at `place`: the query and hash on the site's page
    /// (`./` for the plain newest issue); on an issue's page, the issue's page file beside it in
    /// the state's language with the rest in its query (`200.zh-Hans.html?region=anhui#news`;
    /// `200.html?lang=zh-Hant` when 繁 is chosen, not followed from the reader's saved choice).
    pub fn href_at(&self, place: Place) -> String {
        let url = match (place, self.issue) {
            (Place::IssuePage, Some(number)) => {
                let own_file = matches!(self.lang, Some(Lang::Hans | Lang::En));
                let file_lang = self.lang.filter(|_| own_file).unwrap_or(Lang::Hant);
                let rest = ViewState {
                    issue: None,
                    lang: self.lang.filter(|_| !own_file),
                    ..self.clone()
                };
                format!("{}{}", crate::files::page(number, file_lang), rest.to_url())
            }
            // No issue named (not a view the app makes there): the site's page, the newest.
            (Place::IssuePage, None) => format!("../{}", self.to_url()),
            (Place::Site, _) => self.to_url(),
        };
        if url.is_empty() {
            "./".into()
        } else {
            url
        }
    }

    /// A link from a page at `place` to this state's issue on its own page
    /// (`issues/233.zh-Hans.html?region=anhui` from the site's page).
    pub fn issue_page_from(&self, place: Place) -> String {
        let page = self.href_at(Place::IssuePage);
        match place {
            Place::Site => format!("issues/{page}"),
            Place::IssuePage => page,
        }
    }

    /// The view that passes one item on: issue `number`'s own page in `lang`, the edition on
    /// screen (named, so whoever it is sent to reads the same), with the provinces chosen here,
    /// opened at the item's `anchor`. Not the search or a section: the item is the point.
    pub fn shared_item(&self, number: u32, lang: Lang, anchor: &str) -> ViewState {
        ViewState {
            issue: Some(number),
            regions: self.regions.clone(),
            lang: Some(lang),
            item: Some(anchor.to_string()),
            ..ViewState::default()
        }
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
        if self.regions.is_on() {
            let ids: Vec<&str> = self.regions.iter().map(|r| r.id()).collect();
            params.push(format!("region={}", ids.join(",")));
        }
        if let Some(lang) = self.lang {
            params.push(format!("lang={}", lang.tag()));
        }
        if let Some(q) = &self.q {
            params.push(format!("q={}", percent_encode(q)));
        }
        let mut url = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        if let Some(s) = self.section {
            url.push('#');
            url.push_str(s.id());
        } else if let Some(item) = &self.item {
            url.push('#');
            url.push_str(item);
        }
        url
    }

    /// The state with a region switched on or off.
    pub fn toggled(&self, region: Region) -> ViewState {
        ViewState {
            regions: self.regions.toggled(region),
            ..self.clone()
        }
    }

    /// The state showing every region (全部).
    pub fn all_regions(&self) -> ViewState {
        ViewState {
            regions: Filter::default(),
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
        assert_eq!(
            s.regions,
            Filter::from_iter([Region::Zhejiang, Region::Anhui])
        );
        assert_eq!(s.section, Some(Section::News));
        assert_eq!(s.to_url(), "?issue=233&region=zhejiang,anhui#news");
        assert_eq!(
            ViewState::parse("?issue=233&region=zhejiang,anhui", "#news"),
            ViewState::from_url(&s.to_url())
        );
        assert_eq!(ViewState::default().to_url(), "");
    }

    #[test]
    fn a_sites_files_are_linked_from_either_page_relative_or_under_its_address() {
        let card = "issues/233.png";
        assert_eq!(Place::Site.link(None, card), "issues/233.png");
        assert_eq!(Place::IssuePage.link(None, card), "233.png");
        assert_eq!(Place::IssuePage.link(None, "feed.xml"), "../feed.xml");
        for site in ["https://example.org/news", "https://example.org/news/"] {
            for place in [Place::Site, Place::IssuePage] {
                assert_eq!(
                    place.link(Some(site), card),
                    "https://example.org/news/issues/233.png"
                );
            }
        }
        assert_eq!(
            Place::Site.link(Some("https://example.org/"), ""),
            "https://example.org/"
        );
    }

    #[test]
    fn an_issue_page_names_its_issue_in_its_path() {
        let at = |file: &str, query: &str| ViewState::parse_at(Place::IssuePage, file, query, "");
        let s = at("200.zh-Hans.html", "?region=anhui");
        assert_eq!((s.issue, s.lang), (Some(200), Some(Lang::Hans)));
        assert_eq!(s.href_at(Place::IssuePage), "200.zh-Hans.html?region=anhui");
        // Hosts that drop `.html` ("pretty URLs") serve the same page.
        assert_eq!(at("200", ""), at("200.html", ""));
        assert_eq!(at("200.html", "?lang=en").lang, Some(Lang::En));
        // The English interface has a page of its own; 繁 chosen stays in the query.
        let en = ViewState::parse_at(Place::IssuePage, "200.en.html", "", "#news");
        assert_eq!((en.issue, en.lang), (Some(200), Some(Lang::En)));
        assert_eq!(en.href_at(Place::IssuePage), "200.en.html#news");
        let hant = at("200.html", "?lang=zh-Hant");
        assert_eq!(hant.href_at(Place::IssuePage), "200.html?lang=zh-Hant");
        assert_eq!(at("200.html", "").href_at(Place::IssuePage), "200.html");
        assert_eq!(
            at("200.zh-Hans.html", "?lang=zh-Hant").lang,
            Some(Lang::Hant)
        );
        // Every state links to a page that reads back as that state.
        for query in [
            "",
            "?lang=zh-Hant",
            "?lang=en&region=shanghai,zhejiang",
            "?lang=zh-Hans&q=x",
        ] {
            let s = ViewState::from_url(&format!(
                "{query}{}issue=7#news",
                if query.is_empty() { "?" } else { "&" }
            ));
            let href = s.href_at(Place::IssuePage);
            let (file, rest) = href.split_at(href.find(['?', '#']).unwrap_or(href.len()));
            let (search, hash) = rest.split_once('#').unwrap_or((rest, ""));
            assert_eq!(
                ViewState::parse_at(Place::IssuePage, file, search, hash),
                s,
                "{href}"
            );
        }
        // On the site's page the query names the issue, as links always did.
        let site = ViewState::parse_at(Place::Site, "index.html", "?issue=200", "");
        assert_eq!(site.href_at(Place::Site), "?issue=200");
        assert_eq!(ViewState::default().href_at(Place::Site), "./");
    }

    #[test]
    fn a_shared_item_opens_its_issue_page_in_the_edition_with_the_filter() {
        // A reader of the site's page, 简, 浙江 chosen, a search open, at the news section.
        let here = ViewState::from_url("?region=zhejiang&lang=zh-Hans&q=%E5%B1%95#news");
        let shared = here.shared_item(233, Lang::Hans, "item-7");
        assert_eq!(
            shared.issue_page_from(Place::Site),
            "issues/233.zh-Hans.html?region=zhejiang#item-7"
        );
        assert_eq!(
            shared.issue_page_from(Place::IssuePage),
            "233.zh-Hans.html?region=zhejiang#item-7"
        );
        // 繁 is named, so a reader whose browser is in English opens the edition that was sent.
        let hant = ViewState::default().shared_item(200, Lang::Hant, "event-2");
        assert_eq!(
            hant.issue_page_from(Place::IssuePage),
            "200.html?lang=zh-Hant#event-2"
        );
        let en = ViewState::default().shared_item(200, Lang::En, "key-1");
        assert_eq!(en.issue_page_from(Place::Site), "issues/200.en.html#key-1");
        // It reads back as the item, in that edition, with that filter.
        let back = ViewState::parse_at(
            Place::IssuePage,
            "233.zh-Hans.html",
            "?region=zhejiang",
            "#item-7",
        );
        assert_eq!(back, shared);
    }

    #[test]
    fn odd_links_still_open() {
        let s = ViewState::parse(
            "region=zhejiang%2Cguangdong,hong-kong&issue=x&utm=1",
            "#nowhere",
        );
        assert_eq!(s.regions, Filter::from_iter([Region::Zhejiang]));
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
        // Encoded dots stay a file's name: the fetched URL cannot climb out of the site.
        let s = ViewState::parse("?src=%252e%252e/x.json", "");
        assert_eq!(s.src.as_deref(), Some("%2e%2e/x.json"));
        assert_eq!(site_url(s.src.as_deref().unwrap()), "%252e%252e/x.json");
        let s = ViewState::parse("?src=.//drafts/./234.json", "");
        assert_eq!(s.src.as_deref(), Some("drafts/234.json"));
        assert_eq!(ViewState::parse("?src=./", "").src, None);
        let spaced = ViewState {
            src: Some("drafts/第 234 期.json".into()),
            ..Default::default()
        };
        assert_eq!(ViewState::from_url(&spaced.to_url()), spaced);
    }

    #[test]
    fn language_search_and_item_links() {
        let s = ViewState::from_url(
            "?issue=233&region=zhejiang&lang=zh-Hans&q=%E7%8B%AC%E8%A7%92%E5%85%BD#item-17",
        );
        assert_eq!(s.lang, Some(Lang::Hans));
        assert_eq!(s.q.as_deref(), Some("独角兽"));
        assert_eq!(s.item.as_deref(), Some("item-17"));
        assert_eq!(s.section, None);
        assert_eq!(ViewState::from_url(&s.to_url()), s);
        let odd = ViewState::from_url("?lang=fr&q=%20%20#item-x");
        assert_eq!((odd.lang, odd.q, odd.item), (None, None, None));
        let spaced = ViewState {
            q: Some("上海 cargo&x=1".into()),
            ..Default::default()
        };
        assert_eq!(ViewState::from_url(&spaced.to_url()), spaced);
    }

    #[test]
    fn toggling_and_all() {
        let s = ViewState::default()
            .toggled(Region::Zhejiang)
            .toggled(Region::Shanghai);
        assert!(s.regions.shows(Region::Zhejiang) && !s.regions.shows(Region::Anhui));
        assert_eq!(s.to_url(), "?region=shanghai,zhejiang");
        let s = s.toggled(Region::Zhejiang);
        assert_eq!(s.regions, Filter::from_iter([Region::Shanghai]));
        assert!(s.all_regions().regions.shows(Region::Anhui));
        assert!(!s.all_regions().regions.is_on());
    }
}
