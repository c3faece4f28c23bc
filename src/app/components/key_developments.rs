//! 主要動態: Hong Kong news (香港資訊) and Mainland news (內地資訊).

use super::article::ArticleCard;
use crate::bundle::Issue;
use crate::page::{IssuePage, Section};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn KeyDevelopments(issue: Arc<Issue>, page: Arc<IssuePage>) -> impl IntoView {
    view! {
        <section id=Section::Key.id() class="part" aria-labelledby=Section::Key.heading_id()>
            <h2 id=Section::Key.heading_id()>{issue.key_developments.heading.clone()}</h2>
            {page.key
                .clone()
                .into_iter()
                .map(|g| view! {
                    <section class="group" data-region=g.region.id()>
                        <h3>{g.heading}</h3>
                        {g.items.into_iter().map(|i| {
                            view! { <ArticleCard id=Some(i.anchor.to_string()) article=i.article /> }
                        }).collect_view()}
                    </section>
                })
                .collect_view()}
        </section>
    }
}
