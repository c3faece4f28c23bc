//! The masthead: the newsletter's title, month and issue number, and the issue picker.

use super::search::SearchBox;
use crate::app::{t, IndexResource, Nav};
use crate::bundle::Issue;
use crate::i18n::{Lang, Msg};
use crate::view_state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Masthead(issue: Arc<Issue>, picker: bool) -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="masthead-title" lang=issue.lang.tag()>
                <h1>{issue.masthead.title.clone()}</h1>
                <p class="dateline">{issue.masthead.dateline.clone()}</p>
            </div>
            <div class="masthead-tools">
                <LangSwitch />
                {picker.then(|| view! { <IssuePicker current=issue.number /> })}
            </div>
            {picker.then(|| view! { <SearchBox /> })}
        </header>
    }
}

/// 繁 / 简 / EN: the interface, and the newsletter's script (简 shows its zh-Hans edition).
#[component]
fn LangSwitch() -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <div class="lang-switch" role="group" aria-label=t(Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let pressed = move || (nav.lang() == lang).to_string();
                    view! {
                        <button
                            type="button"
                            class="chip"
                            lang=lang.tag()
                            aria-pressed=pressed
                            on:click=move |_| nav.set_lang(lang)
                        >
                            // Short on screen, the language's full name for screen readers.
                            <span aria-hidden="true">{lang.switch_label()}</span>
                            <span class="visually-hidden">{lang.name()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
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
            <span>{t(Msg::IssuePicker)}</span>
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
