//! Component tests: the reader's components mounted in headless Chromium (wasm-bindgen-test),
//! checked through the DOM they draw. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sheto::app::components::{ArticleCard, ExternalLink, LoadErrorCard, NewsFlash, RegionChips};
use sheto::app::{LoadError, Nav};
use sheto::bundle::Issue;
use sheto::finding::{Finding, Severity};
use sheto::i18n::Lang;
use sheto::page::IssuePage;
use sheto::region::Region;
use sheto::view_state::ViewState;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn issue_233() -> Arc<Issue> {
    Arc::new(serde_json::from_str(include_str!("../public/issues/233.json")).unwrap())
}

/// A fresh element on the page to mount a component in.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), f);
    std::mem::forget(handle);
    root
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn element(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// The reader's stylesheet on the test page (once): what it shows and hides is part of a
/// component's behaviour.
fn with_stylesheet() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("main-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("main-css");
        style.set_text_content(Some(include_str!("../style/main.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// Lets the reactive system flush its effects.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn an_article_shows_number_title_date_text_and_safe_links() {
    let issue = issue_233();
    let article = issue.news_flash.groups[0].articles[0].clone();
    let root = mount(move || view! { <ArticleCard article=article /> });
    let title = root
        .query_selector(".article-title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        title.starts_with("1. 《上海市深化“一網通辦”改革"),
        "{title}"
    );
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-05-15")
    );
    assert_eq!(time.text_content().as_deref(), Some("2026年5月15日"));
    let links = all(&root, "a");
    assert_eq!(links.len(), 2);
    for a in links {
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
}

#[wasm_bindgen_test]
fn an_unsafe_url_is_shown_as_text_not_a_link() {
    let root = mount(|| view! { <ExternalLink url="javascript:alert(1)".to_string() /> });
    assert!(all(&root, "a").is_empty());
    assert_eq!(root.text_content().as_deref(), Some("javascript:alert(1)"));
}

/// The province chips above the news, sharing one view state.
fn chips_and_news(nav: Nav, issue: Arc<Issue>) -> web_sys::HtmlElement {
    mount(move || {
        provide_context(nav);
        view! {
            <RegionChips issue=issue.clone() />
            <NewsFlash page=Arc::new(IssuePage::new(&issue, Lang::Hant)) issue=issue />
        }
    })
}

#[wasm_bindgen_test]
async fn chips_toggle_the_filter_and_the_news_follows() {
    let issue = issue_233();
    let nav = Nav::new(ViewState::default());
    let root = chips_and_news(nav, issue);
    // What is on screen, with the reader's stylesheet.
    with_stylesheet();
    let visible = |root: &web_sys::HtmlElement| {
        let groups = all(root, "#news section.group");
        let shown = groups
            .iter()
            .filter(|g| g.unchecked_ref::<web_sys::HtmlElement>().offset_height() > 0);
        shown
            .map(|g| g.query_selector_all("article").unwrap().length())
            .sum::<u32>()
    };
    assert_eq!(visible(&root), 17);
    // A chip is a checkbox in its label: the filter works from the HTML before the app.
    let chip = element(&root, "label[data-region=zhejiang]");
    assert_eq!(chip.text_content().as_deref(), Some("浙江省5"));
    let checkbox = element(&root, "label[data-region=zhejiang] input[type=checkbox]")
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(checkbox.value(), "zhejiang");
    checkbox.click();
    tick().await;
    assert_eq!(
        nav.state.get_untracked().regions.iter().collect::<Vec<_>>(),
        [Region::Zhejiang]
    );
    assert!(checkbox.checked());
    assert_eq!(visible(&root), 5);
    let status = root
        .query_selector(".filter-status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(status, "顯示 5 則快訊（共 17 則）");
    // 全部 is the form's reset, and the app's state follows it.
    let all_chip = element(&root, "button.chip[type=reset]");
    all_chip.unchecked_ref::<web_sys::HtmlElement>().click();
    tick().await;
    assert_eq!(visible(&root), 17);
    assert!(!checkbox.checked());
    assert!(!nav.state.get_untracked().regions.is_on());
}

#[wasm_bindgen_test]
async fn a_load_error_lists_findings_and_retries() {
    let retried = RwSignal::new(0);
    let error = LoadError::Invalid {
        url: "issues/233.json".into(),
        findings: vec![Finding::at_path(
            Severity::Error,
            sheto::finding::JsonPath::root().key("month"),
            sheto::say!(
                "impossible month 「{month}」: expected YYYY-MM",
                "月份「{month}」不存在：應為 YYYY-MM",
                month = "2026-13"
            ),
        )],
    };
    let root = mount(
        move || view! { <LoadErrorCard error=error on_retry=move || retried.update(|n| *n += 1) /> },
    );
    let text = root.text_content().unwrap();
    assert!(text.contains("issues/233.json 的資料有誤"), "{text}");
    assert!(
        text.contains("$.month 錯誤：月份「2026-13」不存在"),
        "{text}"
    );
    root.query_selector("button.retry")
        .unwrap()
        .unwrap()
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn the_panic_card_replaces_a_frozen_page() {
    let page = container();
    page.set_inner_html("<main>frozen app</main>");
    sheto::app::panic::show_card_in(&page, "index out of bounds");
    assert!(
        page.query_selector("main").unwrap().is_none(),
        "the broken app is gone"
    );
    let card = page
        .query_selector(".panic-card")
        .unwrap()
        .expect("the error card is on the page");
    assert_eq!(card.get_attribute("role").as_deref(), Some("alert"));
    assert!(card.text_content().unwrap().contains("index out of bounds"));
    assert!(
        card.query_selector("a.button").unwrap().is_some(),
        "a reload link"
    );
}

#[wasm_bindgen_test]
async fn in_english_the_chips_and_status_speak_english_and_items_keep_their_ids() {
    let issue = issue_233();
    let nav = Nav::new(ViewState {
        lang: Some(sheto::i18n::Lang::En),
        ..ViewState::default()
    });
    let root = chips_and_news(nav, issue);
    let chip = element(&root, "label[data-region=zhejiang]");
    assert_eq!(chip.text_content().as_deref(), Some("Zhejiang5"));
    element(&root, "label[data-region=zhejiang] input")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    tick().await;
    let status = root.query_selector(".filter-status").unwrap().unwrap();
    assert_eq!(
        status.text_content().as_deref(),
        Some("Showing 5 of 17 news items")
    );
    // Search results link to these ids.
    let ids: Vec<String> = all(&root, "#news article").iter().map(|a| a.id()).collect();
    assert_eq!(ids.first().map(String::as_str), Some("item-1"));
    assert_eq!(ids.last().map(String::as_str), Some("item-17"));
}

/// A published page with a block adopted later (`later`): the block is kept as published (the
/// same element), adopted in a task after the page's frame, and what waits for the whole page
/// (`when_adopted`) runs after it; `adopt_all` adopts what still waits at once.
#[wasm_bindgen_test]
async fn a_published_block_is_adopted_in_a_later_task_as_it_was_published() {
    use sheto::app::later::{adopt_all, later, when_adopted};
    fn page(count: RwSignal<u32>) -> impl IntoView {
        view! {
            <div class="frame">
                <p class="first">"first"</p>
                {later(move || {
                    view! {
                        <button type="button" on:click=move |_| count.update(|n| *n += 1)>
                            {move || count.get()}
                        </button>
                    }
                    .into_any()
                })}
                <p class="last">"last"</p>
            </div>
        }
    }
    for at_once in [false, true] {
        // As published: the same view's HTML (drawn here, as this view has no hydration markers).
        let drawn = mount(|| page(RwSignal::new(0)));
        let published = drawn.inner_html();
        drawn.remove();
        let root = container();
        root.set_inner_html(&published);
        let button: web_sys::HtmlElement = element(&root, "button").unchecked_into();
        let count = RwSignal::new(0);
        std::mem::forget(leptos::mount::hydrate_from(root.clone(), move || {
            page(count)
        }));
        let adopted = RwSignal::new(false);
        when_adopted(move || adopted.set(true));
        // Not adopted yet: the page as published, its button without a handler.
        button.click();
        assert_eq!(count.get_untracked(), 0);
        assert!(!adopted.get_untracked());
        if at_once {
            adopt_all();
        } else {
            tick().await;
            tick().await;
            assert!(
                adopted.get_untracked(),
                "the page's own work waits for its blocks"
            );
        }
        // Adopted as it was: the same element, nothing drawn twice, and now it answers.
        assert_eq!(element(&root, "button"), *button);
        assert_eq!(all(&root, "button").len(), 1);
        assert_eq!(all(&root, "p").len(), 2);
        button.click();
        tick().await;
        assert_eq!(count.get_untracked(), 1);
        assert_eq!(button.text_content().unwrap(), "1");
    }
}

/// An inert block (the issue's text) is never adopted: the element stays as published, with no
/// code behind it, even once the whole page is adopted; when the view changes (another issue,
/// another language) it is drawn afresh in its place, and that one is live.
#[wasm_bindgen_test]
async fn an_inert_block_is_kept_as_published_and_drawn_afresh_when_the_view_changes() {
    use sheto::app::later::{adopt_all, inert, when_adopted};
    fn page(version: RwSignal<u32>, count: RwSignal<u32>) -> impl IntoView {
        view! {
            <div class="frame">
                <p class="first">"first"</p>
                {move || {
                    let v = version.get();
                    inert(move || {
                        view! {
                            <button type="button" on:click=move |_| count.update(|n| *n += 1)>
                                {format!("v{v}")}
                            </button>
                        }
                        .into_any()
                    })
                }}
                <p class="last">"last"</p>
            </div>
        }
    }
    let drawn = mount(|| page(RwSignal::new(0), RwSignal::new(0)));
    let published = drawn.inner_html();
    drawn.remove();
    let root = container();
    root.set_inner_html(&published);
    let button: web_sys::HtmlElement = element(&root, "button").unchecked_into();
    let (version, count) = (RwSignal::new(0), RwSignal::new(0));
    std::mem::forget(leptos::mount::hydrate_from(root.clone(), move || {
        page(version, count)
    }));
    let adopted = RwSignal::new(false);
    when_adopted(move || adopted.set(true));
    adopt_all();
    tick().await;
    tick().await;
    assert!(adopted.get_untracked(), "nothing waits for an inert block");
    // As published, and no code behind it.
    button.click();
    tick().await;
    assert_eq!(count.get_untracked(), 0);
    assert_eq!(element(&root, "button"), *button);
    // The view changes: a fresh block in the same place, live.
    version.set(1);
    tick().await;
    let fresh: web_sys::HtmlElement = element(&root, "button").unchecked_into();
    assert_ne!(fresh, button);
    assert_eq!(all(&root, "button").len(), 1);
    assert_eq!(fresh.text_content().unwrap(), "v1");
    let order: Vec<_> = all(&root, ".frame > *")
        .iter()
        .map(|e| e.tag_name())
        .collect();
    assert_eq!(order, ["P", "BUTTON", "P"]);
    fresh.click();
    tick().await;
    assert_eq!(count.get_untracked(), 1);
}
