//! The trend chart across issues (shown when the archive holds more than one issue): each
//! province's growth per issue, from `issues/series.json`. Hover or tap a point for its value;
//! clicking toggles the region in the filter, like the bar charts.

use super::paint::{paint_trend, Emphasis, DARK, LIGHT};
use super::{device_pixel_ratio, figures_table, observe_width};
use crate::app::{fetch, use_lang, Nav};
use crate::chart::trend::{trend_hit, trend_layout, TrendMeasure, TrendModel, CSS_HEIGHT};
use crate::format::PrintedFigure;
use crate::i18n::Msg;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

#[component]
pub fn TrendChart(dark: ReadSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let series = LocalResource::new(|| async { fetch::series().await });
    let lang = use_lang();
    let measure = RwSignal::new(TrendMeasure::Gdp);
    let width = RwSignal::new(0.0_f64);
    let hover = RwSignal::new(None::<(usize, usize)>);
    let canvas_ref = NodeRef::<Canvas>::new();
    let wrap_ref = NodeRef::<Div>::new();
    wrap_ref.on_load(move |wrap| observe_width(&wrap, move |w| width.set(w)));

    let model = Memo::new(move |_| {
        series.get().and_then(Result::ok).map(|s| TrendModel {
            measure: measure.get(),
            series: s,
            lang,
        })
    });
    let layout = Memo::new(move |_| {
        let w = width.get();
        model.with(|m| {
            m.as_ref()
                .filter(|_| w > 0.0)
                .map(|m| trend_layout(m, w, device_pixel_ratio()))
        })
    });
    Effect::new(move |_| {
        let chosen = nav.regions.get();
        let palette = if dark.get() { &DARK } else { &LIGHT };
        let active = hover.get();
        layout.with(|l| {
            if let (Some(l), Some(canvas)) = (l, canvas_ref.get()) {
                if let Err(e) =
                    paint_trend(&canvas, l, &Emphasis { chosen: &chosen }, active, palette)
                {
                    web_sys::console::error_1(&format!("trend chart: {e}").into());
                }
            }
        });
    });
    let point_at = move |x: f64, y: f64| {
        layout.with_untracked(|l| l.as_ref().and_then(|l| trend_hit(l, x * l.dpr, y * l.dpr)))
    };
    let region_of = move |(line, _): (usize, usize)| {
        layout.with_untracked(|l| l.as_ref().and_then(|l| l.lines.get(line)).map(|l| l.region))
    };
    let tooltip = move || {
        let (line, point) = hover.get()?;
        let region = region_of((line, point))?;
        let (index, x, y, dpr) = layout.with(|l| {
            let l = l.as_ref()?;
            let &(x, y, i) = l.lines.get(line)?.points.get(point)?;
            Some((i, x, y, l.dpr))
        })?;
        let text = model.with(|m| m.as_ref().and_then(|m| m.describe(index, region)))?;
        Some((
            text,
            format!("{:.0}px", (x / dpr - 80.0).max(0.0)),
            format!("{:.0}px", y / dpr + 10.0),
        ))
    };
    let title = move || model.with(|m| m.as_ref().map(|m| m.title()).unwrap_or_default());
    let show_table = RwSignal::new(false);
    // Keyboard: left/right walk the issues, up/down the provinces, Enter toggles the province.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let shape = layout.with_untracked(|l| {
            l.as_ref()
                .map(|l| (l.lines.len(), l.lines.first().map_or(0, |x| x.points.len())))
        });
        let Some((lines, points)) = shape.filter(|(l, p)| *l > 0 && *p > 0) else {
            return;
        };
        let (line, point) = hover.get_untracked().unwrap_or((0, points - 1));
        let next = match ev.key().as_str() {
            "ArrowLeft" => (line, point.saturating_sub(1)),
            "ArrowRight" => (line, (point + 1).min(points - 1)),
            "ArrowUp" => (line.saturating_sub(1), point),
            "ArrowDown" => ((line + 1).min(lines - 1), point),
            "Enter" | " " => {
                if let Some(region) = region_of((line, point)) {
                    nav.go(nav.state.get_untracked().toggled(region));
                }
                ev.prevent_default();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        hover.set(Some(next));
    };
    let readout = move || tooltip().map(|(text, _, _)| text);
    let table = move || {
        model.with(|m| {
            let m = m.as_ref()?;
            let regions = m.regions();
            let rows: Vec<(String, Vec<String>)> = (0..m.series.issues.len())
                .map(|i| {
                    let label = m.issue_label(i);
                    let cells = regions
                        .iter()
                        .map(|r| {
                            // "—" for a figure that issue did not publish (or a region it lacks).
                            m.figure(i, *r).format_percent()
                        })
                        .collect();
                    (label, cells)
                })
                .collect();
            let head = std::iter::once(lang.text(Msg::IssuePicker).to_string())
                .chain(regions.iter().map(|r| r.name(lang).to_string()))
                .collect();
            Some(figures_table(head, rows))
        })
    };
    let toggle = move |m: TrendMeasure| {
        view! {
            <button type="button" class="tool" aria-pressed=move || (measure.get() == m).to_string() on:click=move |_| measure.set(m)>
                {lang.text(match m { TrendMeasure::Gdp => Msg::TrendGdpShort, TrendMeasure::Trade => Msg::TrendTradeShort })}
            </button>
        }
    };
    view! {
        <figure class="chart" id="chart-trend" data-chart="trend">
            <figcaption>
                <span class="chart-title">{title}</span>
                <span class="chart-subtitle">{lang.text(Msg::TrendNote)}</span>
            </figcaption>
            <div class="chart-tools">
                {toggle(TrendMeasure::Gdp)}
                {toggle(TrendMeasure::Trade)}
                <button type="button" class="tool" aria-pressed=move || show_table.get().to_string() on:click=move |_| show_table.update(|t| *t = !*t)>
                    {lang.text(Msg::Table)}
                </button>
            </div>
            <div class="chart-canvas" node_ref=wrap_ref hidden=move || show_table.get()>
                <canvas
                    class="chart-base trend"
                    node_ref=canvas_ref
                    role="img"
                    tabindex="0"
                    aria-label=title
                    style:height=format!("{CSS_HEIGHT}px")
                    on:keydown=on_key
                    on:blur=move |_| hover.set(None)
                    on:pointermove=move |ev: web_sys::PointerEvent| hover.set(point_at(ev.offset_x() as f64, ev.offset_y() as f64))
                    on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() == "mouse" { hover.set(None) }
                    on:click=move |ev: web_sys::MouseEvent| {
                        if let Some(hit) = point_at(ev.offset_x() as f64, ev.offset_y() as f64) {
                            hover.set(Some(hit));
                            if let Some(region) = region_of(hit) {
                                nav.go(nav.state.get_untracked().toggled(region));
                            }
                        }
                    }
                ></canvas>
                {move || tooltip().map(|(text, left, top)| view! {
                    <div class="chart-tooltip" role="tooltip" style:left=left style:top=top>{text}</div>
                })}
            </div>
            <p class="visually-hidden chart-live" aria-live="polite">{readout}</p>
            {move || show_table.get().then(table)}
        </figure>
    }
}
