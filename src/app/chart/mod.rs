//! The charts of the data table: a canvas each, drawn with plotters from the pure geometry,
//! with hover, tap and keyboard, a tooltip, an aria-live readout, a table view, and PNG and
//! CSV downloads. Clicking a bar toggles its region in the one filter state (the URL).

mod paint;
mod trend;

use crate::app::{download, use_lang, Nav};
use crate::chart::geometry::css_height;
use crate::chart::{hit, layout, ChartKind, ChartModel, Layout};
use crate::i18n::Msg;
use crate::region::Region;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use paint::{paint, paint_overlay, Emphasis, DARK, LIGHT};
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
fn observe_visibility(el: &web_sys::Element, f: impl Fn(bool) + 'static) {
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
    let nav = expect_context::<Nav>();
    let id = model.kind.id();
    let model = Arc::new(model);
    let canvas_ref = NodeRef::<Canvas>::new();
    let overlay_ref = NodeRef::<Canvas>::new();
    // Charts are drawn only on screen: off screen, a filter change or a resize costs nothing.
    let visible = RwSignal::new(false);
    let wrap_ref = NodeRef::<Div>::new();
    let width = RwSignal::new(0.0_f64);
    let hover = RwSignal::new(None::<usize>);
    let focus = RwSignal::new(None::<usize>);
    let show_table = RwSignal::new(false);
    // A chart that cannot draw says so; the table switch still shows its numbers.
    let failed = RwSignal::new(None::<String>);
    let active = Memo::new(move |_| hover.get().or(focus.get()));

    let m = model.clone();
    let geometry = Memo::new(move |_| {
        let w = width.get();
        (w > 0.0).then(|| layout(&m, w, device_pixel_ratio()))
    });

    wrap_ref.on_load(move |wrap| {
        observe_width(&wrap, move |w| width.set(w));
        observe_visibility(&wrap, move |v| visible.set(v));
    });

    let m = model.clone();
    Effect::new(move |_| {
        if !visible.get() {
            return;
        }
        let chosen = nav.regions.get();
        let palette = if dark.get() { &DARK } else { &LIGHT };
        geometry.with(|g| {
            if let (Some(layout), Some(canvas)) = (g, canvas_ref.get()) {
                let emphasis = Emphasis { chosen: &chosen };
                if let Err(e) = paint(&canvas, &m, layout, &emphasis, palette) {
                    web_sys::console::error_1(&format!("chart {}: {e}", m.kind.id()).into());
                    failed.set(Some(e));
                }
            }
        });
    });
    // The highlight of the bar under the pointer or the keyboard focus, on its own canvas.
    Effect::new(move |_| {
        let active = active.get();
        let palette = if dark.get() { &DARK } else { &LIGHT };
        geometry.with(|g| {
            if let (Some(layout), Some(overlay)) = (g, overlay_ref.get()) {
                let _ = paint_overlay(&overlay, layout, active, palette);
            }
        });
    });

    // A pointer position in CSS pixels → the bar under it.
    let bar_at = move |x: f64, y: f64| -> Option<usize> {
        geometry.with_untracked(|g| {
            g.as_ref()
                .and_then(|l: &Layout| hit(l, x * l.dpr, y * l.dpr))
        })
    };
    let categories = StoredValue::new(model.categories());
    let region_of = move |i: usize| -> Option<Region> {
        let category = geometry
            .with_untracked(|g| g.as_ref().and_then(|l| l.bars.get(i)).map(|b| b.category))?;
        categories.with_value(|c| c.get(category).copied())
    };
    let toggle = move |i: usize| {
        if let Some(region) = region_of(i) {
            nav.go(nav.state.get_untracked().toggled(region));
        }
    };
    let bar_count = geometry.with_untracked(|_| model.categories().len() * model.series().len());

    let on_move = move |ev: web_sys::PointerEvent| {
        hover.set(bar_at(ev.offset_x() as f64, ev.offset_y() as f64))
    };
    let on_leave = move |ev: web_sys::PointerEvent| {
        // A finger lifts right after a tap: keep its tooltip; a mouse leaving clears it.
        if ev.pointer_type() == "mouse" {
            hover.set(None);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = bar_at(ev.offset_x() as f64, ev.offset_y() as f64) {
            hover.set(Some(i));
            toggle(i);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let current = focus.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1).min(bar_count - 1))),
            "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(bar_count - 1),
            "Enter" | " " => {
                if let Some(i) = current {
                    toggle(i);
                }
                ev.prevent_default();
                return;
            }
            "Escape" => {
                hover.set(None);
                None
            }
            _ => return,
        };
        ev.prevent_default();
        hover.set(None);
        focus.set(next);
    };

    let m = model.clone();
    let tooltip = move || {
        active.get().and_then(|i| {
            geometry.with(|g| {
                let l = g.as_ref()?;
                let bar = l.bars.get(i)?;
                let text = m.describe(bar.series, bar.category);
                // Near the bar's end, inside the chart: below bars in the upper half, above
                // bars in the lower half, so it never hangs off the chart.
                let left = ((bar.rect.x + bar.rect.w) / l.dpr)
                    .min(l.width / l.dpr - 200.0)
                    .max(0.0);
                let above = bar.rect.y > l.height / 2.0;
                let top = if above {
                    bar.rect.y / l.dpr - 4.0
                } else {
                    (bar.rect.y + bar.rect.h) / l.dpr + 4.0
                };
                Some((text, above, format!("{left:.0}px"), format!("{top:.0}px")))
            })
        })
    };
    let m = model.clone();
    let readout = move || {
        let i = focus.get()?;
        let region = region_of(i)?;
        let chosen = nav.state.with(|s| s.regions.contains(&region));
        let bar = geometry.with(|g| g.as_ref().and_then(|l| l.bars.get(i).cloned()))?;
        let state = m.lang.text(if chosen {
            Msg::ChartSelected
        } else {
            Msg::ChartSelectHint
        });
        Some(format!("{}。{state}", m.describe(bar.series, bar.category)))
    };
    let m = model.clone();
    let description: String = (0..m.series().len())
        .flat_map(|s| (0..m.categories().len()).map(move |c| (s, c)))
        .map(|(s, c)| m.describe(s, c))
        .collect::<Vec<_>>()
        .join("；");
    let title = model.title();
    let subtitle = model.subtitle();
    let height = css_height(&model);
    let (png_model, csv_model) = (model.clone(), model.clone());
    let download_png = move |_| {
        download::png(
            canvas_ref.get_untracked(),
            &format!("sheto-{issue_number}-{}.png", png_model.kind.id()),
        )
    };
    let download_csv = move |_| {
        download::save_text(
            &csv_model.csv(),
            &format!("sheto-{issue_number}-{}.csv", csv_model.kind.id()),
            "text/csv",
        )
    };
    let table_model = model.clone();
    let lang = model.lang;

    view! {
        <figure class="chart" id=format!("chart-{id}") data-chart=id>
            <figcaption>
                <span class="chart-title" id=format!("chart-{id}-title")>{title.clone()}</span>
                <span class="chart-subtitle">{subtitle}</span>
            </figcaption>
            <div class="chart-tools">
                <button type="button" class="tool" aria-pressed=move || show_table.get().to_string() on:click=move |_| show_table.update(|t| *t = !*t)>
                    {lang.text(Msg::Table)}
                </button>
                <button type="button" class="tool" on:click=download_png>{lang.text(Msg::DownloadPng)}</button>
                <button type="button" class="tool" on:click=download_csv>{lang.text(Msg::DownloadCsv)}</button>
            </div>
            {move || failed.get().map(|e| view! {
                <p class="chart-error" role="alert">{lang.fill(Msg::ChartFailed, &[&e])}</p>
            })}
            <div class="chart-canvas" node_ref=wrap_ref hidden=move || show_table.get() || failed.with(Option::is_some)>
                <canvas class="chart-base" node_ref=canvas_ref aria-hidden="true" style:height=format!("{height}px")></canvas>
                <canvas
                    class="chart-surface"
                    node_ref=overlay_ref
                    tabindex="0"
                    role="img"
                    aria-label=title
                    aria-describedby=format!("chart-{id}-desc")
                    style:height=format!("{height}px")
                    on:pointermove=on_move
                    on:pointerleave=on_leave
                    on:click=on_click
                    on:keydown=on_key
                    on:focus=move |_| {
                        // Keyboard focus starts on the first bar; a click's focus shows nothing extra.
                        let keyboard = overlay_ref.get_untracked().is_some_and(|c| c.matches(":focus-visible").unwrap_or(false));
                        if keyboard {
                            focus.update(|f| *f = Some(f.unwrap_or(0)));
                        }
                    }
                    on:blur=move |_| focus.set(None)
                ></canvas>
                // Positions go through the CSSOM (style:left), which a strict CSP allows.
                {move || tooltip().map(|(text, above, left, top)| view! {
                    <div class="chart-tooltip" class:above=above role="tooltip" style:left=left style:top=top>{text}</div>
                })}
            </div>
            <p class="visually-hidden" id=format!("chart-{id}-desc")>{description}</p>
            <p class="visually-hidden chart-live" aria-live="polite">{readout}</p>
            {move || show_table.get().then(|| chart_table(&table_model))}
        </figure>
    }
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
