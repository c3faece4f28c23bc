//! The province filter applied to an issue: derived views, never copies kept in state.

use crate::bundle::{ArticleGroup, CityEvents, DataRow, Issue};
use crate::region::Region;
use std::collections::BTreeSet;

/// The provinces a reader chose; none chosen shows them all (全部). Part of the view state, and
/// what every filtered part of the page reads, so they wake on a filter change and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter(BTreeSet<Region>);

impl Filter {
    /// Whether a region's items are shown: all are when none is chosen.
    pub fn shows(&self, region: Region) -> bool {
        self.0.is_empty() || self.0.contains(&region)
    }

    /// Whether a city's events are shown: a city with no region (outside the office's five)
    /// only when no province is chosen.
    pub fn shows_city(&self, region: Option<Region>) -> bool {
        region.map_or(!self.is_on(), |r| self.shows(r))
    }

    /// Whether any province is chosen.
    pub fn is_on(&self) -> bool {
        !self.0.is_empty()
    }

    /// Whether the reader chose this region (not merely shows it, as with no filter).
    pub fn chose(&self, region: Region) -> bool {
        self.0.contains(&region)
    }

    /// The filter with a region switched on or off.
    pub fn toggled(&self, region: Region) -> Filter {
        let mut next = self.0.clone();
        if !next.remove(&region) {
            next.insert(region);
        }
        Filter(next)
    }

    /// The chosen regions, in the chips' order.
    pub fn iter(&self) -> impl Iterator<Item = Region> + '_ {
        self.0.iter().copied()
    }
}

impl FromIterator<Region> for Filter {
    fn from_iter<I: IntoIterator<Item = Region>>(regions: I) -> Filter {
        Filter(regions.into_iter().collect())
    }
}

/// News-flash groups the reader chose, in the newsletter's order.
pub fn news_groups<'a>(issue: &'a Issue, view: &Filter) -> Vec<&'a ArticleGroup> {
    issue
        .news_flash
        .groups
        .iter()
        .filter(|g| view.shows(g.region))
        .collect()
}

/// Events in the chosen cities. With no filter, every city; with one, only the cities in the
/// chosen regions (杭州 with 浙江; Hong Kong is not a province chip, so its events hide while
/// filtering, as do a city's outside the office's regions).
pub fn event_cities<'a>(issue: &'a Issue, view: &Filter) -> Vec<&'a CityEvents> {
    issue
        .events
        .cities
        .iter()
        .filter(|c| view.shows_city(c.city))
        .collect()
}

/// Whether a data-table row is highlighted: only when a filter is on and it chose the row.
pub fn highlights(row: &DataRow, view: &Filter) -> bool {
    view.chose(row.region)
}

/// News items per province, for the chips (a province with no items shows 0).
pub fn chip_counts(issue: &Issue) -> Vec<(Region, usize)> {
    let counts = issue.counts().news_by_region;
    Region::PROVINCES
        .iter()
        .map(|r| (*r, counts.get(r).copied().unwrap_or(0)))
        .collect()
}

/// How many news items the current filter shows.
pub fn shown_count(issue: &Issue, view: &Filter) -> usize {
    news_groups(issue, view)
        .iter()
        .map(|g| g.articles.len())
        .sum()
}
