//! The province filter: 全部 and a chip per province with its item count. Several may be on.

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
    let all_pressed = move || nav.regions.with(|f| !f.is_on()).to_string();
    view! {
        <div class="region-chips" role="group" aria-label=t(Msg::FilterGroup)>
            <button
                type="button"
                class="chip"
                aria-pressed=all_pressed
                on:click=move |_| nav.go(nav.state.get_untracked().all_regions())
            >
                {t(Msg::AllRegions)}
                <span class="count">{total}</span>
            </button>
            {chip_counts(&issue)
                .into_iter()
                .map(|(region, count)| {
                    let pressed = move || nav.regions.with(|f| f.chose(region)).to_string();
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-region=region.id()
                            aria-pressed=pressed
                            on:click=move |_| nav.go(nav.state.get_untracked().toggled(region))
                        >
                            {region.name(lang)}
                            <span class="count">{count}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
