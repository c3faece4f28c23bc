//! One article: its number, title, date, paragraphs and 詳情請參看 links.

use super::share::ShareLink;
use super::{ExternalLink, RichText};
use crate::bundle::{details_label, Article};
use leptos::prelude::*;

#[component]
pub fn ArticleCard(article: Article, #[prop(default = None)] id: Option<String>) -> impl IntoView {
    let date = article.date.clone().map(|d| {
        let label = crate::format::format_zh_date(&d);
        view! { <time datetime=d>{label}</time> }
    });
    let share = id
        .clone()
        .map(|anchor| view! { <ShareLink anchor=anchor title=article.title.clone() /> });
    view! {
        <article class="article" id=id data-number=article.number.map(|n| n.to_string())>
            <h4 class="article-title">
                {article.number.map(|n| view! { <span class="item-number">{format!("{n}.")}</span> " " })}
                {article.title.clone()}
            </h4>
            {date}
            {article.paragraphs.into_iter().map(|p| view! { <p><RichText text=p /></p> }).collect_view()}
            {(!article.links.is_empty()).then(|| view! {
                <div class="details">
                    // The newsletter's own label, in the script of the text it goes with.
                    <span>{details_label(crate::app::use_lang().script())}</span>
                    <ul>
                        {article.links.into_iter().map(|url| view! { <li><ExternalLink url=url /></li> }).collect_view()}
                    </ul>
                </div>
            })}
            {share}
        </article>
    }
}
