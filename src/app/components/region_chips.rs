//! The province filter: 全部 and a chip per province with its item count. Several may be on.

use crate::app::Nav;
use crate::bundle::Issue;
use crate::filter::chip_counts;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn RegionChips(issue: Arc<Issue>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let total = issue.counts().news;
    let all_pressed = move || nav.state.with(|s| !s.is_filtered()).to_string();
    view! {
        <div class="region-chips" role="group" aria-label="按省市篩選">
            <button
                type="button"
                class="chip"
                aria-pressed=all_pressed
                on:click=move |_| nav.go(nav.state.get_untracked().all_regions())
            >
                "全部"
                <span class="count">{total}</span>
            </button>
            {chip_counts(&issue)
                .into_iter()
                .map(|(region, count)| {
                    let pressed = move || nav.state.with(|s| s.regions.contains(&region)).to_string();
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-region=region.id()
                            aria-pressed=pressed
                            on:click=move |_| nav.go(nav.state.get_untracked().toggled(region))
                        >
                            {region.name_zh()}
                            <span class="count">{count}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
