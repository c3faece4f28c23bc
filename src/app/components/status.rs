//! Loading and failure: a skeleton while the issue loads, and an error card with a retry
//! button (and the validator's findings for a bundle that is wrong).

use crate::app::{t, use_lang, IndexResource, LoadError, Nav};
use crate::i18n::Msg;
use crate::view_state::ViewState;
use leptos::prelude::*;

#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label=t(Msg::Loading)>
            <div class="bar title"></div>
            <div class="bar short"></div>
            {(0..6).map(|_| view! { <div class="bar"></div> }).collect_view()}
            <p class="visually-hidden">{t(Msg::LoadingDots)}</p>
        </div>
    }
}

#[component]
pub fn LoadErrorCard(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let findings = error.findings().to_vec();
    view! {
        <div class="error-card" role="alert">
            <h2>{t(Msg::LoadFailed)}</h2>
            <p class="error-message">{error.message(use_lang())}</p>
            {(!findings.is_empty()).then(|| view! {
                <ul class="findings">
                    {findings
                        .into_iter()
                        .map(|f| view! {
                            <li class=format!("finding {}", f.severity)>
                                <code>{f.location.to_string()}</code> " " {use_lang().text(f.severity.label())} "：" {f.message.text(use_lang())}
                            </li>
                        })
                        .collect_view()}
                </ul>
            })}
            <button type="button" class="button retry" on:click=move |_| on_retry()>{t(Msg::Retry)}</button>
        </div>
    }
}

/// The archive's issues as plain links: what stays usable when one issue fails to load.
#[component]
pub fn ArchiveLinks() -> impl IntoView {
    let index = expect_context::<IndexResource>();
    let nav = expect_context::<Nav>();
    let heading = t(Msg::Archive);
    move || {
        let issues = index
            .get()
            .and_then(Result::ok)
            .map(|i| i.issues.clone())
            .unwrap_or_default();
        (!issues.is_empty()).then(|| {
            view! {
                <nav class="archive-links" aria-labelledby="archive-heading">
                    <h2 id="archive-heading">{heading}</h2>
                    <ul>
                        {issues
                            .into_iter()
                            .map(|e| {
                                let href = nav.href(&ViewState { issue: Some(e.number), ..ViewState::default() });
                                view! { <li><a href=href>{e.title}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}
