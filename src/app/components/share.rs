//! 分享: one item passed on (to WeChat, WhatsApp, mail). From the HTML, a plain link to the
//! item's anchor on this page, so the address bar holds the link; with the app, the system
//! share sheet where there is one (phones), the link copied elsewhere, and where neither works
//! the link written out to copy by hand. The link is the issue's own page in the edition on
//! screen, with the reader's provinces, opened at the item (`ViewState::shared_item`).
//!
//! The link itself has no code: one handler on the page passes on whichever item's 分享 was
//! clicked ([`pass_on_item`]), so the issue's text is never adopted for it.

use crate::app::browser::{self, PassedOn};
use crate::app::{t, use_lang, Nav};
use crate::i18n::{Lang, Msg};
use crate::page::{Anchor, IssuePage};
use leptos::prelude::*;
use std::sync::Arc;

/// The issue whose items are passed on; none in the staff preview, where an item's page is
/// not published yet (its share link stays the plain anchor).
#[derive(Clone, Copy)]
pub struct SharedIssue(pub u32);

#[component]
pub fn ShareLink(anchor: String, title: String) -> impl IntoView {
    // Named with its item for screen readers, which list a page's links; the name starts with
    // what the link shows.
    let lang = use_lang();
    let separator = if lang == Lang::En { ": " } else { "：" };
    let name = format!("{}{separator}{title}", lang.text(Msg::Share));
    view! {
        <p class="share">
            <a href=format!("#{anchor}") aria-label=name>{t(Msg::Share)}</a>
            " "
            <span class="share-said" role="status"></span>
        </p>
    }
}

/// The page's handler for every 分享 on it: a plain click on one passes its item on and says
/// what became of it beside the link. Any other click is left alone.
pub fn pass_on_item(page: Arc<IssuePage>) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    let nav = expect_context::<Nav>();
    let issue = use_context::<SharedIssue>();
    let lang = use_lang();
    move |ev| {
        let Some(SharedIssue(number)) = issue else {
            return;
        };
        if !browser::plain_click(&ev) {
            return;
        }
        let Some(clicked) = browser::share_clicked(&ev) else {
            return;
        };
        let Some(title) = Anchor::parse(&clicked.anchor).and_then(|a| page.title(a)) else {
            return;
        };
        ev.prevent_default();
        let link = nav
            .state
            .with_untracked(|s| s.shared_item(number, lang, &clicked.anchor))
            .issue_page_from(nav.place);
        let Some(url) = browser::absolute_url(&link) else {
            return;
        };
        let title = title.to_string();
        // Said afresh each time: the same words again are announced again.
        clicked.say(None);
        leptos::task::spawn_local(async move {
            let said = match browser::pass_on(&title, &url).await {
                PassedOn::Copied => Some(lang.text(Msg::LinkCopied).to_string()),
                PassedOn::NotPassed => Some(format!("{}{url}", lang.text(Msg::CopyThisLink))),
                PassedOn::Shared | PassedOn::Cancelled => None,
            };
            clicked.say(said.as_deref());
        });
    }
}
