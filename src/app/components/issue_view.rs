//! One issue, every part in the newsletter's order.

use super::back_matter::{About, Disclaimer, RelatedLinks, Subscription};
use super::contact::ContactSection;
use super::data_table::DataTable;
use super::events::EventsSection;
use super::key_developments::KeyDevelopments;
use super::masthead::Masthead;
use super::news_flash::NewsFlash;
use super::region_chips::RegionChips;
use super::search::SearchResults;
use super::section_nav::SectionNav;
use crate::app::later::{inert, later};
use crate::app::{t, Nav};
use crate::bundle::Issue;
use crate::i18n::Msg;
use crate::page::IssuePage;
use leptos::prelude::*;
use std::sync::Arc;

/// The newsletter's parts in order, each drawn from the issue and its page model (built once
/// per issue view: ids and anchors as the search index and the plain page have them), and
/// whether a published page adopts it: the news and events for their filter's words, the data
/// for its charts; the rest is text that needs no code, kept as published (`inert`).
/// Type-erased one by one: a nine-part tuple view made the wasm 38 KB larger.
type Part = fn(Arc<Issue>, Arc<IssuePage>) -> AnyView;
const PARTS: [(Adopted, Part); 9] = [
    (Never, |issue, page| {
        view! { <KeyDevelopments issue=issue page=page /> }.into_any()
    }),
    (Later, |issue, page| {
        view! { <NewsFlash issue=issue page=page /> }.into_any()
    }),
    (Later, |issue, _| {
        view! { <DataTable issue=issue /> }.into_any()
    }),
    (Later, |issue, page| {
        view! { <EventsSection issue=issue page=page /> }.into_any()
    }),
    (Never, |issue, _| {
        view! { <ContactSection issue=issue /> }.into_any()
    }),
    (Never, |issue, _| view! { <About issue=issue /> }.into_any()),
    (Never, |issue, _| {
        view! { <RelatedLinks issue=issue /> }.into_any()
    }),
    (Never, |issue, _| {
        view! { <Subscription issue=issue /> }.into_any()
    }),
    (Never, |issue, _| {
        view! { <Disclaimer issue=issue /> }.into_any()
    }),
];

#[derive(Clone, Copy)]
enum Adopted {
    Later,
    Never,
}
use Adopted::{Later, Never};

/// `standalone`: one issue on its own, not the archive's reader — a draft in the staff
/// preview, or a page published without script: no issue picker, no search, no link to the
/// preview.
#[component]
pub fn IssueView(issue: Arc<Issue>, #[prop(optional)] standalone: bool) -> impl IntoView {
    // In the browser only (an effect): a page rendered at publish time has its own <title>.
    let titled = issue.clone();
    Effect::new(move |_| crate::app::set_document_title(&titled));
    let nav = expect_context::<Nav>();
    // Items are passed on as links to the issue's published page: not from a draft.
    if !standalone {
        provide_context(super::SharedIssue(issue.number));
    }
    let page = Arc::new(IssuePage::new(&issue, crate::app::use_lang()));
    let searching = move || !standalone && nav.q.with(Option::is_some);
    // Every block but the page's frame is adopted in a short task of its own (`later`), the
    // masthead and controls first.
    let masthead = {
        let issue = issue.clone();
        later(move || view! { <Masthead issue=issue picker=!standalone /> }.into_any())
    };
    let toolbar = {
        let issue = issue.clone();
        later(move || {
            // While a search is open its results are the page: the issue steps aside (and
            // each keystroke lays out the results alone, not the whole issue below them).
            view! {
                <aside class="toolbar" aria-label=t(Msg::Toolbar) hidden=searching>
                    <SectionNav />
                    <RegionChips issue=issue />
                </aside>
            }
            .into_any()
        })
    };
    let footer = later(move || {
        view! {
            <footer class="site-footer">
                <p>{t(Msg::Footer)}</p>
                // Every issue as a plain page (reachable without the app), and the staff preview.
                {(!standalone).then(|| view! {
                    <p>
                        <a href=nav.site_href("issues/index.html")>{t(Msg::Archive)}</a>
                        " · "
                        <a href=nav.site_href("preview.html")>{t(Msg::PreviewLink)}</a>
                    </p>
                })}
            </footer>
        }
        .into_any()
    });
    // Every 分享 of the issue is passed on by this one handler: the items themselves need no code.
    let share = super::share::pass_on_item(page.clone());
    view! {
        <div class="page" on:click=share>
            {masthead}
            {(!standalone).then(|| view! { <SearchResults /> })}
            {toolbar}
            // The newsletter's text is in its own language, whatever the interface's.
            <main id="main" class="issue" tabindex="-1" lang=issue.lang.tag() hidden=searching>
                {PARTS
                    .iter()
                    .map(|&(adopted, part)| {
                        let (issue, page) = (issue.clone(), page.clone());
                        let draw = move || part(issue, page);
                        match adopted {
                            Later => later(draw),
                            Never => inert(draw),
                        }
                    })
                    .collect_view()}
            </main>
            {footer}
        </div>
    }
}
