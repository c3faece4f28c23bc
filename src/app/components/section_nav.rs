//! The section navigation: plain hash links, so they work with the browser's own jumps and
//! history; the current section is marked from the URL.

use crate::app::{t, use_lang, Nav};
use crate::i18n::Msg;
use crate::view_state::Section;
use leptos::prelude::*;

#[component]
pub fn SectionNav() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    view! {
        <nav class="section-nav" aria-label=t(Msg::Contents)>
            <ul>
                {Section::NAV
                    .into_iter()
                    .filter_map(|s| Some((s, s.label()?)))
                    .map(|(s, label)| {
                        let current = move || nav.section.with(|v| *v == Some(s)).then_some("location");
                        view! {
                            <li>
                                <a href=format!("#{}", s.id()) aria-current=current>{lang.text(label)}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
