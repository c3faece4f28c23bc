//! 經貿活動: events by city (上海, 香港), filtered to the chosen regions, and the link to more.
//! As with the news, the section shows and hides its cities by their region: the tables
//! themselves hold no code (`inert`).

use super::share::ShareLink;
use super::ExternalLink;
use crate::app::later::inert;
use crate::app::{t, Nav};
use crate::bundle::Issue;
use crate::filter::event_cities;
use crate::i18n::Msg;
use crate::page::{IssuePage, PageEvent, Section};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventsSection(issue: Arc<Issue>, page: Arc<IssuePage>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let e = issue.events.clone();
    let shown = issue.clone();
    let none_shown = move || nav.regions.with(|f| event_cities(&shown, f).is_empty());
    let cols = e.columns.clone();
    let section = super::filtered_groups(|filter, region| filter.shows_city(region));
    view! {
        <section
            id=Section::Events.id()
            class="part"
            aria-labelledby=Section::Events.heading_id()
            node_ref=section
        >
            <h2 id=Section::Events.heading_id()>{e.heading.clone()}</h2>
            <p class="empty" hidden=move || !none_shown()>{t(Msg::NoEvents)}</p>
            {page.cities
                .clone()
                .into_iter()
                .map(|city| {
                    let region = city.region;
                    let c = cols.clone();
                    inert(move || view! {
                        <section class="group" data-region=region.map(|r| r.id())>
                            <h3>{city.heading}</h3>
                            <table class="events-table stacked">
                                <thead>
                                    <tr>
                                        <th scope="col">{c.date.clone()}</th>
                                        <th scope="col">{c.name.clone()}</th>
                                        <th scope="col">{c.venue.clone()}</th>
                                        <th scope="col">{c.organisers.clone()}</th>
                                        <th scope="col">{c.url.clone()}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {city.events
                                        .into_iter()
                                        .map(|PageEvent { anchor, event: ev }| {
                                            view! {
                                            <tr class="event" id=anchor.to_string()>
                                                <td data-label=c.date.clone()>
                                                    <time datetime=ev.start.clone()>{ev.dates_text()}</time>
                                                </td>
                                                <th scope="row" data-label=c.name.clone()>{ev.name.clone()}</th>
                                                <td data-label=c.venue.clone()>{ev.venue}</td>
                                                <td data-label=c.organisers.clone()>{ev.organisers.join("、")}</td>
                                                // 分享 last, out of the row's header: a screen reader names
                                                // each cell by that header, which must be the event alone.
                                                <td data-label=c.url.clone() class="url">
                                                    <ExternalLink url=ev.url />
                                                    <ShareLink anchor=anchor.to_string() title=ev.name />
                                                </td>
                                            </tr>
                                        }})
                                        .collect_view()}
                                </tbody>
                            </table>
                        </section>
                    }.into_any())
                })
                .collect_view()}
            {e.more.map(|m| view! {
                <p class="more">{m.text} " " <ExternalLink url=m.url /></p>
            })}
        </section>
    }
}
