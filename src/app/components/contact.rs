//! The office's contact details and opening hours.

use crate::app::t;
use crate::bundle::{Hours, Issue};
use crate::i18n::Msg;
use crate::page::Section;
use leptos::prelude::*;
use std::sync::Arc;

fn hours(h: Hours) -> impl IntoView {
    view! {
        <div class="hours">
            <dt>{h.label}</dt>
            {h.sessions.into_iter().map(|s| view! { <dd>{s}</dd> }).collect_view()}
        </div>
    }
}

#[component]
pub fn ContactSection(issue: Arc<Issue>) -> impl IntoView {
    let c = issue.contact.clone();
    // Digits only: 86-21-63512233 and (86) 21-6351 2233 both dial +862163512233.
    let tel = |n: &str| {
        format!(
            "tel:+{}",
            n.chars().filter(char::is_ascii_digit).collect::<String>()
        )
    };
    let postcode = (!c.postcode.is_empty())
        .then(|| crate::app::use_lang().fill(Msg::Postcode, &[&c.postcode]));
    view! {
        <section id=Section::Contact.id() class="part" aria-labelledby=Section::Contact.heading_id()>
            <h2 id=Section::Contact.heading_id()>{c.heading.clone()}</h2>
            <dl class="contact">
                <dt>{t(Msg::Address)}</dt>
                <dd><address>{c.address.clone()} {postcode}</address></dd>
                <dt>{t(Msg::Phone)}</dt>
                <dd><a href=tel(&c.phone)>{c.phone.clone()}</a></dd>
                <dt>{t(Msg::Fax)}</dt>
                <dd>{c.fax.clone()}</dd>
                <dt>{t(Msg::Email)}</dt>
                <dd><a href=format!("mailto:{}", c.email)>{c.email.clone()}</a></dd>
            </dl>
            <h3>{c.hours_heading.clone()}</h3>
            <dl class="contact-hours">{hours(c.office_hours)} {hours(c.immigration_hours)}</dl>
            {c.social.map(|s| view! {
                <p class="social">{s.text} " " {s.accounts.join("、")}</p>
            })}
        </section>
    }
}
