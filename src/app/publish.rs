//! Publish time: an issue's page rendered natively with the reader's own components (leptos'
//! `ssr`), so every word, link, figure and chart is in the HTML before any script runs.

use super::components::{provide_search, IssueView};
use super::{fetch, IndexResource, Nav};
use crate::bundle::Issue;
use crate::i18n::Lang;
use crate::view_state::{Place, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// Runs `draw` where the reader's components find what they read from their context: the
/// view's state in an interface language, and the archive (never fetched here: what needs it,
/// the picker and the trend, waits for a browser).
fn in_reader<T>(lang: Lang, draw: impl FnOnce() -> T) -> T {
    Owner::new().with(|| {
        let nav = Nav::new(ViewState {
            lang: Some(lang),
            ..ViewState::default()
        });
        provide_context(nav);
        let index: IndexResource =
            LocalResource::new(|| async { fetch::archive_index().await.map(Arc::new) });
        provide_context(index);
        provide_search(nav);
        draw()
    })
}

/// The issue as the reader's page draws it, in an interface language, as HTML.
pub fn issue_html(issue: &Issue, lang: Lang) -> String {
    in_reader(lang, || {
        view! { <IssueView issue=Arc::new(issue.clone()) standalone=true /> }.to_html()
    })
}

/// The reader's page (`App`) with an issue on it, in an interface language, as HTML: what the
/// browser adopts.
pub fn app_html(issue: &Issue, place: Place, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let page = Some(Arc::new(issue.clone()));
        view! { <super::App page=page place=place lang=lang /> }.to_html()
    })
}

/// Where a published site lives and what is published beside its pages.
#[derive(Debug, Clone, Default)]
pub struct Share {
    /// The site's public address (`https://example.org/news/`): links in cards and the
    /// canonical link are absolute with it, as Open Graph asks; relative without.
    pub site_url: Option<String>,
    /// Whether the issue's preview card image ([`crate::files::card`]) is published beside it.
    pub card: bool,
}

/// An Open Graph tag (`<meta property=…>`: an attribute the view macro does not know).
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .content(content.into())
}

/// What a page says about its issue in its `<head>`: title, description, Open Graph and
/// Twitter card tags (with the image of its GDP chart, when published), and schema.org
/// JSON-LD. An issue's own page also names itself the canonical page of that issue in its
/// interface language `lang`, and its pages in the others (`hreflang`).
pub fn issue_head(issue: &Issue, place: Place, lang: Lang, share: &Share) -> impl IntoView {
    let title = issue.masthead.full_name();
    let description = crate::structured::description(issue);
    let ld = crate::structured::json_ld_text(issue);
    let site = share.site_url.as_deref();
    let link = |file: String| place.link(site, &format!("issues/{file}"));
    let (canonical, alternates) = match place {
        Place::Site => (None, vec![]),
        Place::IssuePage => (
            Some(link(crate::files::page(issue.number, lang))),
            Lang::ALL
                .map(|other| (other.tag(), link(crate::files::page(issue.number, other))))
                .to_vec(),
        ),
    };
    // Under a site's address, the page's own: the site's root, or the issue page's file.
    let own = match place {
        Place::Site => String::new(),
        Place::IssuePage => format!("issues/{}", crate::files::page(issue.number, lang)),
    };
    let url = site.map(|_| place.link(site, &own));
    let card = share.card.then(|| {
        let (width, height) = crate::chart::card::SIZE;
        let image = link(crate::files::card(issue.number, issue.lang));
        let alt = crate::chart::card::card_chart(issue).title();
        view! {
            {og("og:image", image)}
            {og("og:image:width", width.to_string())}
            {og("og:image:height", height.to_string())}
            {og("og:image:alt", alt)}
        }
    });
    let kind = if share.card {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <title>{title.clone()}</title>
        <meta name="description" content=description.clone() />
        {canonical.map(|href| view! { <link rel="canonical" href=href /> })}
        {alternates
            .into_iter()
            .map(|(tag, href)| view! { <link rel="alternate" hreflang=tag href=href /> })
            .collect_view()}
        {og("og:type", "article")}
        {og("og:title", title)}
        {og("og:description", description)}
        {url.map(|url| view! { {og("og:url", url)} })}
        {card}
        <meta name="twitter:card" content=kind />
        <script type="application/ld+json" inner_html=ld></script>
    }
}

/// The reader's page as trunk built it (`shell`: index.html, with its stylesheet and loader)
/// with `issue` in it, its interface in `lang` (the issue's own script for 繁 and 简; English
/// around the original for EN): its title, description, cards and JSON-LD in the head; the page drawn
/// into `<div id="app">`; the bundle beside it (`<script type="application/json">`, not run)
/// for the app to adopt the page. Without script the page is complete. A page published before
/// is published again (a newer issue in it), so a site's index.html can be re-published in place.
/// At [`Place::IssuePage`] (`issues/233.html`, one folder down) the shell's own links (its
/// stylesheet, loader, feed) are made relative to that folder. Its policy is pinned.
pub fn app_page(
    shell: &str,
    issue: &Issue,
    place: Place,
    lang: Lang,
    share: &Share,
) -> Result<String, crate::site::shell::ShellError> {
    let shell = crate::site::shell::Shell::read(shell)?;
    // `<` escaped, so nothing in the text can close the script element.
    let data = serde_json::to_string(issue)
        .expect("an issue is always JSON")
        .replace('<', "\\u003c");
    let at = (place == Place::IssuePage).then_some("issue");
    let data = view! {
        <script type="application/json" id=super::PUBLISHED_ISSUE_ID data-place=at data-lang=lang.tag() inner_html=data></script>
    };
    let (head, data) = Owner::new().with(|| {
        (
            issue_head(issue, place, lang, share).to_html(),
            data.to_html(),
        )
    });
    shell.page(Some(&crate::site::shell::Splice {
        // The page's language is its interface's, before any script runs.
        lang: lang.html_tag(),
        root: place.root(),
        issue: issue.number,
        head,
        app: app_html(issue, place, lang),
        data,
    }))
}

/// An issue's complete page, as `sheto index` writes it (`issues/233.html`, `233.zh-Hans.html`,
/// `233.en.html`): the reader's components rendered with the interface in `lang` (the issue in
/// its own script), with its title, description,
/// Open Graph and Twitter card tags and schema.org JSON-LD. No script runs on it: the controls
/// that need one are hidden by its stylesheet, and every chart is drawn as SVG.
pub fn issue_page(issue: &Issue, lang: Lang) -> String {
    use crate::i18n::Msg;
    let app = ViewState {
        issue: Some(issue.number),
        lang: (lang != Lang::Hant).then_some(lang),
        ..ViewState::default()
    };
    let app = format!("../{}", app.href_at(Place::Site));
    let page = in_reader(lang, || {
        view! {
            <html lang=lang.html_tag()>
                <head>
                    <meta charset="utf-8" />
                    {crate::site::policy::meta(&[])}
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    {issue_head(issue, Place::IssuePage, lang, &Share::default())}
                    <link rel="stylesheet" href="main.css" />
                    <link rel="alternate" type="application/atom+xml" href="../feed.xml" />
                </head>
                <body class="published">
                    <IssueView issue=Arc::new(issue.clone()) standalone=true />
                    <p class="published-note">
                        <a href="index.html">{lang.text(Msg::Archive)}</a>
                        " · "
                        <a href=app>{lang.text(Msg::InteractiveLink)}</a>
                    </p>
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!DOCTYPE html>\n{page}\n")
}
