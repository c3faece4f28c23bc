//! The province filter: 全部 and a chip per province with its item count. Several may be on.
//!
//! Controls before code: each chip is a checkbox in a form, so the filter works from the HTML
//! as published, before the app has arrived or without it (no WebAssembly, no script):
//! main.css's `:has()` rules show the chosen provinces' groups and the "nothing this month"
//! notes, and 全部 is the form's reset. Once the app has adopted the page, the same controls
//! drive its state (URL, back and forward), which draws the same page.

use crate::app::{t, use_lang, Nav};
use crate::bundle::Issue;
use crate::filter::chip_counts;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn RegionChips(issue: Arc<Issue>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let total = issue.counts().news;
    let lang = use_lang();
    view! {
        // The form holds the reset (全部); the group names the chips for screen readers.
        <form class="region-filter" on:submit=|ev| ev.prevent_default()>
            <div class="region-chips" role="group" aria-label=t(Msg::FilterGroup)>
            <button
                type="reset"
                class="chip all"
                on:click=move |_| nav.go(nav.state.get_untracked().all_regions())
            >
                {t(Msg::AllRegions)}
                <span class="count">{total}</span>
            </button>
            {chip_counts(&issue)
                .into_iter()
                .map(|(region, count)| {
                    let chosen = move || nav.regions.with(|f| f.chose(region));
                    view! {
                        <label class="chip" data-region=region.id()>
                            <input
                                type="checkbox"
                                name="region"
                                value=region.id()
                                prop:checked=chosen
                                on:change=move |_| nav.go(nav.state.get_untracked().toggled(region))
                            />
                            {region.name(lang)}
                            <span class="count">{count}</span>
                        </label>
                    }
                })
                .collect_view()}
            </div>
        </form>
    }
}
