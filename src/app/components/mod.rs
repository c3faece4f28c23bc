//! The reader's components, one file per part of the page, named for what they draw.

mod article;
mod back_matter;
mod contact;
mod data_table;
mod events;
mod issue_view;
mod key_developments;
mod masthead;
mod news_flash;
mod region_chips;
mod search;
mod section_nav;
mod share;
mod status;

pub use article::ArticleCard;
pub use issue_view::IssueView;
pub use news_flash::NewsFlash;
pub use region_chips::RegionChips;
pub use search::provide_search;
pub use share::SharedIssue;
pub use status::{ArchiveLinks, LoadErrorCard, Skeleton};

use leptos::prelude::*;

/// A section whose groups (`.group`, by their `data-region`) the province filter shows and
/// hides: `shown` says which, for the filter now. The groups themselves hold no code
/// (`later::inert`), so the section does it for them.
fn filtered_groups(
    shown: impl Fn(&crate::filter::Filter, Option<crate::region::Region>) -> bool + 'static,
) -> NodeRef<leptos::html::Section> {
    let nav = expect_context::<crate::app::Nav>();
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        let filter = nav.regions.get();
        if let Some(section) = section.get() {
            crate::app::browser::show_groups(&section, |region| shown(&filter, region));
        }
    });
    section
}

/// An outbound link: a new tab, no opener, no referrer. A URL whose scheme is not safe to
/// follow is shown as text.
#[component]
pub fn ExternalLink(url: String, #[prop(optional, into)] label: Option<String>) -> impl IntoView {
    // An event printed with no link shows a dash, as a figure not published does.
    // A link that reads as its own URL is printed once (print adds the URL after other links).
    let bare = label.is_none();
    let text = label.unwrap_or_else(|| match url.as_str() {
        "" => crate::format::NOT_PUBLISHED.to_string(),
        _ => url.clone(),
    });
    match crate::links::safe_href(&url) {
        Some(href) => view! {
            <a href=href.to_string() class:bare=bare target="_blank" rel="noopener noreferrer">{text}</a>
        }
        .into_any(),
        None => view! { <span class="unsafe-link">{text}</span> }.into_any(),
    }
}

/// A paragraph with its email addresses linked.
#[component]
pub fn RichText(text: String) -> impl IntoView {
    use crate::links::{segments, Segment};
    segments(&text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Email(e) => {
                view! { <a href=format!("mailto:{e}")>{e.to_string()}</a> }.into_any()
            }
        })
        .collect_view()
}
