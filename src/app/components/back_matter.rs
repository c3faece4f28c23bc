//! The newsletter's closing parts: about, related links, subscription and disclaimer.

use super::{ExternalLink, RichText};
use crate::app::t;
use crate::bundle::{Issue, TextSection};
use crate::i18n::Msg;
use crate::page::Section;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn About(issue: Arc<Issue>) -> impl IntoView {
    let a = issue.about.clone();
    view! {
        <section id=Section::About.id() class="part" aria-labelledby=Section::About.heading_id()>
            <h2 id=Section::About.heading_id()>{a.heading}</h2>
            {a.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            <p>{t(Msg::Website)} <ExternalLink url=a.url /></p>
        </section>
    }
}

#[component]
pub fn RelatedLinks(issue: Arc<Issue>) -> impl IntoView {
    let r = issue.related_links.clone();
    view! {
        <section id=Section::Links.id() class="part" aria-labelledby=Section::Links.heading_id()>
            <h2 id=Section::Links.heading_id()>{r.heading}</h2>
            <p>{r.intro}</p>
            <ol class="related-links">
                {r.links
                    .into_iter()
                    .map(|l| view! {
                        <li>{l.label} <br /> {t(Msg::Website)} <ExternalLink url=l.url /></li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

fn text_section(section: Section, s: TextSection) -> impl IntoView {
    view! {
        <section id=section.id() class="part">
            <h2>{s.heading}</h2>
            {s.paragraphs.into_iter().map(|p| view! { <p><RichText text=p /></p> }).collect_view()}
        </section>
    }
}

#[component]
pub fn Subscription(issue: Arc<Issue>) -> impl IntoView {
    text_section(Section::Subscribe, issue.subscription.clone())
}

#[component]
pub fn Disclaimer(issue: Arc<Issue>) -> impl IntoView {
    text_section(Section::Disclaimer, issue.disclaimer.clone())
}
