//! The masthead: the newsletter's title, month and issue number, and the issue picker.

use super::search::SearchBox;
use crate::app::{t, use_lang, IndexResource, Nav};
use crate::bundle::Issue;
use crate::i18n::{Lang, Msg};
use crate::view_state::{Place, ViewState};
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
                <LangSwitch number=issue.number />
                {picker.then(|| view! {
                    <IssuePicker current=issue.number title=issue.masthead.dateline.clone() />
                    <ArchiveLink />
                })}
            </div>
            {picker.then(|| view! { <SearchBox /> })}
        </header>
    }
}

/// 繁 / 简 / EN: the interface, and the newsletter's script (简 shows its zh-Hans edition).
/// Links before code: each leads to the issue's page published in that language, so the switch
/// works from the HTML; the app, once there, switches in place (a plain click; a new tab still
/// opens the link).
#[component]
fn LangSwitch(number: u32) -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <div class="lang-switch" role="group" aria-label=t(Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let current = move || (nav.lang() == lang).then_some("true");
                    view! {
                        <a
                            class="chip"
                            lang=lang.tag()
                            hreflang=lang.tag()
                            href=lang_href(nav.place, number, lang)
                            aria-current=current
                            on:click=move |ev: leptos::ev::MouseEvent| {
                                if crate::app::browser::plain_click(&ev) {
                                    ev.prevent_default();
                                    nav.set_lang(lang);
                                }
                            }
                        >
                            // Short on screen, the language's full name for screen readers.
                            <span aria-hidden="true">{lang.switch_label()}</span>
                            <span class="visually-hidden">{lang.name()}</span>
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Issue `number`'s page in `lang` from a page at `place`. The language is named even for 繁
/// (`233.html?lang=zh-Hant`): a link followed is a choice, not the reader's saved one.
fn lang_href(place: Place, number: u32, lang: Lang) -> String {
    let state = ViewState {
        issue: Some(number),
        lang: Some(lang),
        ..ViewState::default()
    };
    state.issue_page_from(place)
}

/// Every issue, as links (the archive's page): the way to another issue before the app is
/// there, or without it; the picker beside it needs the app.
#[component]
fn ArchiveLink() -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! { <a class="archive-link" href=nav.site_href("issues/index.html")>{t(Msg::Archive)}</a> }
}

/// The newest issues, then the earlier years (each opens that year's newest issue); an earlier
/// issue on screen is listed too. Choosing one keeps the province filter.
#[component]
fn IssuePicker(current: u32, title: String) -> impl IntoView {
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
                    // Until the index is in, the issue on screen alone: the picker is as wide
                    // as it will be, so nothing moves when the others arrive.
                    let Some(index) = index.get().and_then(Result::ok) else {
                        return view! { <option value=current.to_string() selected>{title.clone()}</option> }.into_any();
                    };
                    let mut issues: Vec<(u32, String)> = index.issues.iter().map(|e| (e.number, e.title.clone())).collect();
                    if !issues.iter().any(|(n, _)| *n == current) {
                        issues.push((current, title.clone()));
                    }
                    let lang = use_lang();
                    let years = index.older.iter().map(|y| (y.last, lang.fill(Msg::YearLabel, &[&y.year]))).collect::<Vec<_>>();
                    view! {
                        {issues
                            .into_iter()
                            .map(|(n, title)| view! { <option value=n.to_string() selected=n == current>{title}</option> })
                            .collect_view()}
                        {(!years.is_empty()).then(|| view! {
                            <optgroup label=lang.text(Msg::OlderIssues)>
                                {years.into_iter().map(|(n, label)| view! { <option value=n.to_string()>{label}</option> }).collect_view()}
                            </optgroup>
                        })}
                    }
                    .into_any()
                }}
            </select>
        </label>
    }
}
