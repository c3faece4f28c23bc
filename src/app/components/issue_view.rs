//! One issue, every part in the newsletter's order.

use super::back_matter::{About, Disclaimer, RelatedLinks, Subscription};
use super::contact::ContactSection;
use super::data_table::DataTable;
use super::events::EventsSection;
use super::key_developments::KeyDevelopments;
use super::masthead::Masthead;
use super::news_flash::NewsFlash;
use super::region_chips::RegionChips;
use super::section_nav::SectionNav;
use crate::bundle::Issue;
use leptos::prelude::*;
use std::sync::Arc;

/// `draft`: shown in the staff preview (no issue picker; the page is not the archive's).
/// The newsletter's parts in order. Type-erased one by one: a nine-part tuple view made the
/// wasm 38 KB larger.
const PARTS: [fn(Arc<Issue>) -> AnyView; 9] = [
    |issue| view! { <KeyDevelopments issue=issue /> }.into_any(),
    |issue| view! { <NewsFlash issue=issue /> }.into_any(),
    |issue| view! { <DataTable issue=issue /> }.into_any(),
    |issue| view! { <EventsSection issue=issue /> }.into_any(),
    |issue| view! { <ContactSection issue=issue /> }.into_any(),
    |issue| view! { <About issue=issue /> }.into_any(),
    |issue| view! { <RelatedLinks issue=issue /> }.into_any(),
    |issue| view! { <Subscription issue=issue /> }.into_any(),
    |issue| view! { <Disclaimer issue=issue /> }.into_any(),
];

#[component]
pub fn IssueView(issue: Arc<Issue>, #[prop(optional)] draft: bool) -> impl IntoView {
    crate::app::set_document_title(&issue);
    view! {
        <div class="page">
            <Masthead issue=issue.clone() picker=!draft />
            <aside class="toolbar" aria-label="導覽及篩選">
                <SectionNav />
                <RegionChips issue=issue.clone() />
            </aside>
            <main id="main" class="issue" tabindex="-1">
                {PARTS.iter().map(|part| part(issue.clone())).collect_view()}
            </main>
            <footer class="site-footer">
                <p>"香港特別行政區政府駐上海經濟貿易辦事處 · 網上版"</p>
                <p><a href="preview.html">"編輯預覽（辦事處內部使用）"</a></p>
            </footer>
        </div>
    }
}
