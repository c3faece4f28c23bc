//! 主要動態: Hong Kong news (香港資訊) and Mainland news (內地資訊).

use super::article::ArticleCard;
use crate::bundle::Issue;
use crate::search::key_anchor;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn KeyDevelopments(issue: Arc<Issue>) -> impl IntoView {
    let kd = issue.key_developments.clone();
    // Numbered across both groups, as the search index numbers them.
    let mut n = 0;
    view! {
        <section id="key" class="part" aria-labelledby="key-heading">
            <h2 id="key-heading">{kd.heading}</h2>
            {kd.groups
                .into_iter()
                .map(|g| view! {
                    <section class="group" data-region=g.region.id()>
                        <h3>{g.heading}</h3>
                        {g.articles.into_iter().map(|a| {
                            n += 1;
                            view! { <ArticleCard id=Some(key_anchor(n - 1)) article=a /> }
                        }).collect_view()}
                    </section>
                })
                .collect_view()}
        </section>
    }
}
