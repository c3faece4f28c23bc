//! The masthead: the newsletter's title, month and issue number, and the issue picker.

use crate::app::{IndexResource, Nav};
use crate::bundle::Issue;
use crate::view_state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Masthead(issue: Arc<Issue>, picker: bool) -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>{issue.masthead.title.clone()}</h1>
            <p class="dateline">{issue.masthead.dateline.clone()}</p>
            {picker.then(|| view! { <IssuePicker current=issue.number /> })}
        </header>
    }
}

/// Every issue in the archive, newest first; choosing one keeps the province filter.
#[component]
fn IssuePicker(current: u32) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let index = expect_context::<IndexResource>();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            let state = nav.state.get_untracked();
            nav.go(ViewState {
                issue: Some(n),
                section: None,
                ..state
            });
        }
    };
    view! {
        <label class="issue-picker">
            <span>"期數"</span>
            <select on:change=on_change>
                {move || {
                    let issues = index.get().and_then(Result::ok).map(|i| i.issues.clone()).unwrap_or_default();
                    issues
                        .into_iter()
                        .map(|e| {
                            view! {
                                <option value=e.number.to_string() selected=e.number == current>
                                    {e.title}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
