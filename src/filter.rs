//! The province filter applied to an issue: derived views, never copies kept in state.

use crate::bundle::{ArticleGroup, CityEvents, DataRow, Issue};
use crate::region::Region;
use crate::view_state::ViewState;

/// News-flash groups the reader chose, in the newsletter's order.
pub fn news_groups<'a>(issue: &'a Issue, view: &ViewState) -> Vec<&'a ArticleGroup> {
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
pub fn event_cities<'a>(issue: &'a Issue, view: &ViewState) -> Vec<&'a CityEvents> {
    issue
        .events
        .cities
        .iter()
        .filter(|c| view.shows_city(c.city))
        .collect()
}

/// Whether a data-table row is highlighted: only when a filter is on and it chose the row.
pub fn highlights(row: &DataRow, view: &ViewState) -> bool {
    view.is_filtered() && view.regions.contains(&row.region)
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
pub fn shown_count(issue: &Issue, view: &ViewState) -> usize {
    news_groups(issue, view)
        .iter()
        .map(|g| g.articles.len())
        .sum()
}
