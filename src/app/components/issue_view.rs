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

#[component]
pub fn IssueView(issue: Arc<Issue>) -> impl IntoView {
    crate::app::set_document_title(&issue);
    view! {
        <div class="page">
            <Masthead issue=issue.clone() />
            <aside class="toolbar" aria-label="導覽及篩選">
                <SectionNav />
                <RegionChips issue=issue.clone() />
            </aside>
            <main id="main" class="issue" tabindex="-1">
                <KeyDevelopments issue=issue.clone() />
                <NewsFlash issue=issue.clone() />
                <DataTable issue=issue.clone() />
                <EventsSection issue=issue.clone() />
                <ContactSection issue=issue.clone() />
                <About issue=issue.clone() />
                <RelatedLinks issue=issue.clone() />
                <Subscription issue=issue.clone() />
                <Disclaimer issue=issue />
            </main>
            <footer class="site-footer">
                <p>"香港特別行政區政府駐上海經濟貿易辦事處 · 網上版"</p>
            </footer>
        </div>
    }
}
