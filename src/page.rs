//! One page model of an issue: its sections (ids and headings), every item with the anchor it
//! is found by (`key-2`, `item-17`, `event-3`), its group and province, and the events by city,
//! with the labels of the script the page shows. It is the only place where ids and anchors are
//! made: the reader's components, the search index and the staff preview's finding targets all
//! read them from here, so a link from a search result or a finding always lands.

use crate::bundle::{Article, ArticleGroup, Event, Issue, Script};
use crate::i18n::Lang;
use crate::region::Region;
use std::fmt;

/// The parts of an issue's page, in the newsletter's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Key,
    News,
    Data,
    Events,
    Contact,
    About,
    Links,
    Subscribe,
    Disclaimer,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Key,
        Section::News,
        Section::Data,
        Section::Events,
        Section::Contact,
        Section::About,
        Section::Links,
        Section::Subscribe,
        Section::Disclaimer,
    ];

    /// The sections the contents list links to, in the newsletter's order.
    pub const NAV: [Section; 6] = {
        let all = Section::ALL;
        [all[0], all[1], all[2], all[3], all[4], all[5]]
    };

    /// The section of an element id (a URL's hash): `news` → News.
    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Its label in the contents list; the sections after 簡介 are not listed there.
    pub fn label(self) -> Option<crate::i18n::Msg> {
        use crate::i18n::Msg;
        match self {
            Section::Key => Some(Msg::SectionKey),
            Section::News => Some(Msg::SectionNews),
            Section::Data => Some(Msg::SectionData),
            Section::Events => Some(Msg::SectionEvents),
            Section::Contact => Some(Msg::SectionContact),
            Section::About => Some(Msg::SectionAbout),
            Section::Links | Section::Subscribe | Section::Disclaimer => None,
        }
    }

    /// The section's element id.
    pub const fn id(self) -> &'static str {
        match self {
            Section::Key => "key",
            Section::News => "news",
            Section::Data => "data",
            Section::Events => "events",
            Section::Contact => "contact",
            Section::About => "about",
            Section::Links => "links",
            Section::Subscribe => "subscribe",
            Section::Disclaimer => "disclaimer",
        }
    }

    /// The id of the section's heading (its `aria-labelledby`).
    pub fn heading_id(self) -> String {
        format!("{}-heading", self.id())
    }

    /// The bundle field the section draws: `key_developments`, `news_flash`…
    pub const fn field(self) -> &'static str {
        match self {
            Section::Key => "key_developments",
            Section::News => "news_flash",
            Section::Data => "economic_data",
            Section::Events => "events",
            Section::Contact => "contact",
            Section::About => "about",
            Section::Links => "related_links",
            Section::Subscribe => "subscription",
            Section::Disclaimer => "disclaimer",
        }
    }

    /// The section of a bundle field, by its name (`news_flash` → News).
    pub fn of_field(field: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.field() == field)
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where an item is on its issue's page: key developments and events are numbered across
/// their groups from 1, news items by the newsletter's own number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    Key(usize),
    Item(u32),
    Event(usize),
}

impl Anchor {
    /// `item-12` → Item(12); a hash that names no item → None.
    pub fn parse(hash: &str) -> Option<Anchor> {
        let number = |digits: &str| -> Option<u32> {
            (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        if let Some(d) = hash.strip_prefix("key-") {
            number(d)
                .filter(|n| *n > 0)
                .map(|n| Anchor::Key(n as usize))
        } else if let Some(d) = hash.strip_prefix("item-") {
            number(d).map(Anchor::Item)
        } else if let Some(d) = hash.strip_prefix("event-") {
            number(d)
                .filter(|n| *n > 0)
                .map(|n| Anchor::Event(n as usize))
        } else {
            None
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Key(n) => write!(f, "key-{n}"),
            Anchor::Item(n) => write!(f, "item-{n}"),
            Anchor::Event(n) => write!(f, "event-{n}"),
        }
    }
}

/// An article on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageItem {
    pub anchor: Anchor,
    /// The province whose filter shows it; None for Hong Kong and Mainland items.
    pub province: Option<Region>,
    pub article: Article,
}

/// A group of articles under its heading (香港資訊, 上海市).
#[derive(Debug, Clone, PartialEq)]
pub struct PageGroup {
    pub region: Region,
    pub heading: String,
    pub items: Vec<PageItem>,
}

/// An event on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageEvent {
    pub anchor: Anchor,
    pub event: Event,
}

/// A city's events (上海, 香港, 杭州…), with the region it is in, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct PageCity {
    pub region: Option<Region>,
    pub heading: String,
    pub events: Vec<PageEvent>,
}

/// An issue as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IssuePage {
    pub number: u32,
    /// The interface's language; the newsletter's text is in `script`.
    pub lang: Lang,
    pub script: Script,
    /// Each section and its heading as printed, in the newsletter's order.
    pub sections: Vec<(Section, String)>,
    pub key: Vec<PageGroup>,
    pub news: Vec<PageGroup>,
    pub cities: Vec<PageCity>,
}

/// A part's groups, each item made by `item`.
fn page_groups(
    groups: &[ArticleGroup],
    mut item: impl FnMut(&ArticleGroup, &Article) -> PageItem,
) -> Vec<PageGroup> {
    groups
        .iter()
        .map(|g| PageGroup {
            region: g.region,
            heading: g.heading.clone(),
            items: g.articles.iter().map(|a| item(g, a)).collect(),
        })
        .collect()
}

fn province(region: Region) -> Option<Region> {
    Region::PROVINCES.contains(&region).then_some(region)
}

impl IssuePage {
    /// The page of an issue (in the script it is written in) for an interface language.
    pub fn new(issue: &Issue, lang: Lang) -> IssuePage {
        // Key developments are numbered across both groups; a news item by its number (a
        // valid bundle numbers every one: the validator insists).
        let mut key_n = 0;
        let key = page_groups(&issue.key_developments.groups, |_, a| {
            key_n += 1;
            PageItem {
                anchor: Anchor::Key(key_n),
                province: None,
                article: a.clone(),
            }
        });
        let news = page_groups(&issue.news_flash.groups, |g, a| PageItem {
            anchor: Anchor::Item(a.number.unwrap_or_default()),
            province: province(g.region),
            article: a.clone(),
        });
        let mut event_n = 0;
        let cities = issue
            .events
            .cities
            .iter()
            .map(|c| PageCity {
                region: c.city,
                heading: c.heading.clone(),
                events: c
                    .events
                    .iter()
                    .map(|e| {
                        event_n += 1;
                        PageEvent {
                            anchor: Anchor::Event(event_n),
                            event: e.clone(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let sections = vec![
            (Section::Key, issue.key_developments.heading.clone()),
            (Section::News, issue.news_flash.heading.clone()),
            (Section::Data, issue.economic_data.heading.clone()),
            (Section::Events, issue.events.heading.clone()),
            (Section::Contact, issue.contact.heading.clone()),
            (Section::About, issue.about.heading.clone()),
            (Section::Links, issue.related_links.heading.clone()),
            (Section::Subscribe, issue.subscription.heading.clone()),
            (Section::Disclaimer, issue.disclaimer.heading.clone()),
        ];
        IssuePage {
            number: issue.number,
            lang,
            script: issue.lang,
            sections,
            key,
            news,
            cities,
        }
    }

    /// Every item and event, in page order: (anchor, province, title).
    pub fn anchors(&self) -> Vec<Anchor> {
        let items = self.key.iter().chain(&self.news).flat_map(|g| &g.items);
        let events = self.cities.iter().flat_map(|c| &c.events);
        items
            .map(|i| i.anchor)
            .chain(events.map(|e| e.anchor))
            .collect()
    }

    /// An item's or event's title, as its share sheet names it.
    pub fn title(&self, anchor: Anchor) -> Option<&str> {
        let items = self.key.iter().chain(&self.news).flat_map(|g| &g.items);
        let events = self.cities.iter().flat_map(|c| &c.events);
        items
            .map(|i| (i.anchor, i.article.title.as_str()))
            .chain(events.map(|e| (e.anchor, e.event.name.as_str())))
            .find(|(a, _)| *a == anchor)
            .map(|(_, title)| title)
    }

    /// The label the newsletter prints before an item's links, in the page's script.
    pub fn details_label(&self) -> &'static str {
        crate::bundle::details_label(self.script)
    }

    /// The label before a site's address, in the page's script.
    pub fn website_label(&self) -> &'static str {
        crate::bundle::website_label(self.script)
    }

    /// A region's name inside the newsletter's text (the data table's rows), in the page's
    /// script: newsletter content, so the English interface keeps it in Chinese.
    pub fn region_name(&self, region: Region) -> &'static str {
        region.name(self.script.into())
    }

    /// The news item with a newsletter number, for a finding on it.
    pub fn news_item(&self, group: usize, article: usize) -> Option<&PageItem> {
        self.news.get(group)?.items.get(article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_print_and_parse() {
        for a in [Anchor::Key(2), Anchor::Item(17), Anchor::Event(3)] {
            assert_eq!(Anchor::parse(&a.to_string()), Some(a));
        }
        assert_eq!(Anchor::Item(12).to_string(), "item-12");
        for no in ["item-", "key-0", "event-x", "news", "item-12345"] {
            assert_eq!(Anchor::parse(no), None, "{no}");
        }
    }

    #[test]
    fn sections_and_fields() {
        assert_eq!(Section::of_field("news_flash"), Some(Section::News));
        assert_eq!(Section::of_field("related_links"), Some(Section::Links));
        assert_eq!(Section::Data.heading_id(), "data-heading");
        assert_eq!(Section::of_field("masthead"), None);
    }
}
