//! 經貿快訊: items by region. Every group is drawn once and holds no code (`inert`: a published
//! page's groups are never adopted); the section shows and hides them by their region, so a
//! filter change touches a few attributes rather than rebuilding the list.

use super::article::ArticleCard;
use crate::app::later::inert;
use crate::app::{t, use_lang, Nav};
use crate::bundle::Issue;
use crate::filter::shown_count;
use crate::i18n::Msg;
use crate::page::{IssuePage, Section};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn NewsFlash(issue: Arc<Issue>, page: Arc<IssuePage>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let counted = issue.clone();
    let shown = Memo::new(move |_| nav.regions.with(|f| shown_count(&counted, f)));
    let filtered = move || nav.regions.with(|f| f.is_on());
    // Named: inline, the view macro read the `>` of `shown.get() > 0` as the tag's end (the
    // note was always hidden, with a stray "0 >" in it).
    let any_shown = move || shown.get() > 0;
    let total = issue.counts().news;
    let lang = use_lang();
    let section = super::filtered_groups(|filter, region| region.is_some_and(|r| filter.shows(r)));
    view! {
        <section
            id=Section::News.id()
            class="part"
            aria-labelledby=Section::News.heading_id()
            node_ref=section
        >
            <h2 id=Section::News.heading_id()>{issue.news_flash.heading.clone()}</h2>
            <p class="filter-status" aria-live="polite">
                {move || filtered().then(|| lang.fill(Msg::ShowingNews, &[&shown.get(), &total]))}
            </p>
            <p class="empty" hidden=any_shown>{t(Msg::NoNews)}</p>
            {page
                .news
                .clone()
                .into_iter()
                .map(|g| {
                    let region = g.region;
                    inert(move || view! {
                        <section class="group" data-region=region.id()>
                            <h3>{g.heading}</h3>
                            {g.items.into_iter().map(|i| view! { <ArticleCard id=Some(i.anchor.to_string()) article=i.article /> }).collect_view()}
                        </section>
                    }.into_any())
                })
                .collect_view()}
        </section>
    }
}
