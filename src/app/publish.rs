//! Publish time: an issue's page rendered natively with the reader's own components (leptos'
//! `ssr`), so every word, link, figure and chart is in the HTML before any script runs.

use super::components::{provide_search, IssueView};
use super::{fetch, IndexResource, Nav};
use crate::bundle::Issue;
use crate::i18n::Lang;
use crate::view_state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

/// The issue as the reader's page draws it, in an interface language, as HTML.
pub fn issue_html(issue: &Issue, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let nav = Nav::new(ViewState {
            lang: Some(lang),
            ..ViewState::default()
        });
        provide_context(nav);
        // Never fetched here: what needs the archive (the picker, the trend) waits for a browser.
        let index: IndexResource =
            LocalResource::new(|| async { fetch::archive_index().await.map(Arc::new) });
        provide_context(index);
        provide_search(nav);
        view! { <IssueView issue=Arc::new(issue.clone()) standalone=true /> }.to_html()
    })
}

/// An issue's complete page, as `sheto` publishes it (`issues/233.html`, `233.zh-Hans.html`):
/// the reader's components rendered in the issue's own script, with its title, description,
/// Open Graph and Twitter card tags and schema.org JSON-LD. No script runs on it: the controls
/// that need one are hidden by its stylesheet, and every chart is drawn as SVG.
pub fn issue_page(issue: &Issue) -> String {
    use crate::html::escape;
    let lang = Lang::from(issue.lang);
    let title = escape(&issue.masthead.full_name());
    let description = escape(&crate::structured::description(issue));
    let ld = crate::structured::json_ld_text(issue);
    let body = issue_html(issue, lang);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{title}\">\n\
<meta property=\"og:description\" content=\"{description}\">\n\
<meta name=\"twitter:card\" content=\"summary\">\n\
<link rel=\"stylesheet\" href=\"main.css\">\n\
<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\">\n\
<script type=\"application/ld+json\">{ld}</script>\n</head>\n<body class=\"published\">\n\
{body}\n<p class=\"published-note\"><a href=\"index.html\">{archive}</a> · <a href=\"../?issue={number}{query}\">{app}</a></p>\n\
</body>\n</html>\n",
        html_lang = lang.html_tag(),
        archive = escape(lang.text(crate::i18n::Msg::Archive)),
        app = escape(lang.text(crate::i18n::Msg::InteractiveLink)),
        number = issue.number,
        query = match issue.lang {
            crate::bundle::Script::Hans => "&amp;lang=zh-Hans",
            crate::bundle::Script::Hant => "",
        },
    )
}
