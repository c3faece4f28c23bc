//! 分享: one item passed on (to WeChat, WhatsApp, mail). From the HTML, a plain link to the
//! item's anchor on this page, so the address bar holds the link; with the app, the system
//! share sheet where there is one (phones), the link copied elsewhere, and where neither works
//! the link written out to copy by hand. The link is the issue's own page in the edition on
//! screen, with the reader's provinces, opened at the item (`ViewState::shared_item`).

use crate::app::browser::{self, PassedOn};
use crate::app::{t, use_lang, Nav};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// The issue whose items are passed on; none in the staff preview, where an item's page is
/// not published yet (its share link stays the plain anchor).
#[derive(Clone, Copy)]
pub struct SharedIssue(pub u32);

#[component]
pub fn ShareLink(anchor: String, title: String) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let issue = use_context::<SharedIssue>();
    let lang = use_lang();
    let said = RwSignal::new(None::<String>);
    let href = format!("#{anchor}");
    let named = title.clone();
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(SharedIssue(number)) = issue else {
            return;
        };
        if !browser::plain_click(&ev) {
            return;
        }
        ev.prevent_default();
        let link = nav
            .state
            .with_untracked(|s| s.shared_item(number, lang, &anchor))
            .issue_page_from(nav.place);
        let Some(url) = browser::absolute_url(&link) else {
            return;
        };
        let title = title.clone();
        // Said afresh each time: the same words again are announced again.
        said.set(None);
        leptos::task::spawn_local(async move {
            said.set(match browser::pass_on(&title, &url).await {
                PassedOn::Copied => Some(lang.text(Msg::LinkCopied).to_string()),
                PassedOn::NotPassed => Some(format!("{}{url}", lang.text(Msg::CopyThisLink))),
                PassedOn::Shared | PassedOn::Cancelled => None,
            });
        });
    };
    // Named with its item for screen readers, which list a page's links; the name starts with
    // what the link shows.
    let separator = if lang == Lang::En { ": " } else { "：" };
    let name = format!("{}{separator}{named}", lang.text(Msg::Share));
    view! {
        <p class="share">
            <a href=href aria-label=name on:click=click>{t(Msg::Share)}</a>
            " "
            <span class="share-said" role="status">{move || said.get()}</span>
        </p>
    }
}
