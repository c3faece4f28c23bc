//! The charts of the data table: a canvas each, drawn with plotters from the pure geometry,
//! with hover, tap and keyboard, a tooltip, an aria-live readout, a table view, and PNG and
//! CSV downloads. Clicking a bar toggles its region in the one filter state (the URL).

mod frame;
mod paint;
mod trend;

use crate::app::{download, use_lang};
use crate::chart::geometry::css_height;
use crate::chart::marks::{BarMarks, Marks};
use crate::chart::{layout, ChartKind, ChartModel};
use crate::i18n::Msg;
use frame::{chart_frame, marks_memo, Frame, Parts};
use leptos::html::Canvas;
use leptos::prelude::*;
use paint::paint;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(crate) fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio())
}

/// Keeps browser objects (an observer, its callback) alive as long as the component that made
/// them, then lets `release` undo what they did: nothing outlives a language switch or a new issue.
fn owned<T: 'static>(objects: T, release: impl FnOnce(&T) + 'static) {
    let held = send_wrapper::SendWrapper::new((objects, release));
    on_cleanup(move || {
        // Cleanup runs on the thread that made them: the browser's only one.
        if held.valid() {
            let (objects, release) = held.take();
            release(&objects);
        }
    });
}

/// Whether the page is in dark mode, kept current as the reader's setting changes.
fn dark_mode() -> ReadSignal<bool> {
    let (dark, set_dark) = signal(false);
    // Rendered at publish time there is no reader's setting to follow.
    if cfg!(not(target_arch = "wasm32")) {
        return dark;
    }
    let query = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    if let Some(query) = query {
        set_dark.set(query.matches());
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| set_dark.set(e.matches()),
        );
        query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        owned((query, on_change), |(query, _)| query.set_onchange(None));
    }
    dark
}

/// Calls `f` with the element's CSS width now and whenever it changes (rotation, resize).
pub(crate) fn observe_width(el: &web_sys::Element, f: impl Fn(f64) + 'static) {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            f(entry.content_rect().width());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
        owned((observer, callback), |(observer, _)| observer.disconnect());
    }
}

/// Calls `f` with whether the element is on screen (or near it), as that changes.
pub(crate) fn observe_visibility(el: &web_sys::Element, f: impl Fn(bool) + 'static) {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries
            .get(0)
            .dyn_into::<web_sys::IntersectionObserverEntry>()
        {
            f(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    // Start drawing a little before the chart scrolls in.
    options.set_root_margin("200px 0px");
    if let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    {
        observer.observe(el);
        owned((observer, callback), |(observer, _)| observer.disconnect());
    }
}

/// The three charts of an issue's data table.
#[component]
pub fn Charts(issue: Arc<crate::bundle::Issue>) -> impl IntoView {
    let dark = dark_mode();
    let number = issue.number;
    // The trend needs more than one issue; the archive index says how many there are.
    let index = expect_context::<crate::app::IndexResource>();
    let archive = move || {
        index
            .get()
            .and_then(Result::ok)
            .is_some_and(|i| i.issues.len() > 1)
    };
    view! {
        <div class="charts">
            {ChartKind::ALL
                .into_iter()
                .map(|kind| {
                    let model = ChartModel::new(kind, &issue.economic_data, use_lang());
                    view! { <ChartFigure model=model issue_number=number dark=dark /> }
                })
                .collect_view()}
            <p class="source">{issue.economic_data.source.clone()}</p>
            {move || archive().then(|| view! { <trend::TrendChart dark=dark /> })}
        </div>
    }
}

#[component]
fn ChartFigure(model: ChartModel, issue_number: u32, dark: ReadSignal<bool>) -> impl IntoView {
    let model = Arc::new(model);
    let width = RwSignal::new(0.0_f64);
    let canvas = NodeRef::<Canvas>::new();
    let m = model.clone();
    let marks = marks_memo(move || {
        let w = width.get();
        (w > 0.0).then(|| {
            let layout = layout(&m, w, device_pixel_ratio());
            Arc::new(BarMarks {
                model: m.clone(),
                layout,
            }) as _
        })
    });
    let paint = Box::new(move |canvas: &_, marks: &dyn Marks, filter: &_, palette| {
        match marks.as_any().downcast_ref::<BarMarks>() {
            Some(b) => paint(canvas, &b.model, &b.layout, filter, palette),
            None => Ok(()),
        }
    });
    let description = model.describe_all();
    let id = model.kind.id();
    let (png_name, csv_model) = (format!("sheto-{issue_number}-{id}.png"), model.clone());
    let download_png = move |_| download::png(canvas.get_untracked(), &png_name);
    let download_csv = move |_| {
        download::save_text(
            &csv_model.csv(),
            &format!("sheto-{issue_number}-{id}.csv"),
            "text/csv",
        )
    };
    let lang = model.lang;
    let tools = view! {
        <button type="button" class="tool" on:click=download_png>{lang.text(Msg::DownloadPng)}</button>
        <button type="button" class="tool" on:click=download_csv>{lang.text(Msg::DownloadCsv)}</button>
    };
    let table_model = model.clone();
    let frame = Frame {
        id,
        title: Signal::stored(model.title()),
        subtitle: model.subtitle(),
        css_height: css_height(&model),
        description: Some(description),
    };
    let parts = Parts {
        width,
        marks,
        paint,
        table: Box::new(move || chart_table(&table_model).into_any()),
        tools: tools.into_any(),
        canvas,
        #[cfg(not(target_arch = "wasm32"))]
        svg: Some(crate::chart::svg::chart_svg(&model)),
        #[cfg(target_arch = "wasm32")]
        svg: None,
        visible: RwSignal::new(false),
    };
    chart_frame(frame, parts, dark)
}

/// The chart's numbers as a table: the same figures, for readers who prefer them.
fn chart_table(model: &ChartModel) -> impl IntoView {
    let series = model.series();
    let head = std::iter::once(model.data.region_label.clone())
        .chain(series.iter().map(|s| format!("{}（{}）", s.name, s.period)))
        .collect();
    let rows = model
        .categories()
        .iter()
        .enumerate()
        .map(|(c, r)| {
            (
                model.region_name(*r).to_string(),
                (0..series.len()).map(|s| model.label(s, c)).collect(),
            )
        })
        .collect();
    figures_table(head, rows)
}

/// A table of figures: column headings, then rows of a heading and its cells. Shared by the
/// bar charts' and the trend's table views.
pub(crate) fn figures_table(head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> impl IntoView {
    view! {
        <table class="chart-table">
            <thead>
                <tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, cells)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
