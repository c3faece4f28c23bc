//! The trend chart across issues (shown when the archive holds more than one issue): each
//! province's growth per issue, from `issues/series.json`, with the bar charts' interaction.

use super::frame::{chart_frame, marks_memo, Frame, Parts};
use super::paint::paint_trend;
use super::{device_pixel_ratio, figures_table};
use crate::app::{fetch, use_lang};
use crate::chart::marks::{Marks, TrendMarks};
use crate::chart::trend::{trend_layout, TrendMeasure, TrendModel, CSS_HEIGHT};
use crate::format::PrintedFigure;
use crate::i18n::Msg;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TrendChart(dark: ReadSignal<bool>) -> impl IntoView {
    // The series grows with the archive: it is fetched once the chart has neared the screen (or
    // the page gone to paper), as the frame sees it, not with the first view.
    let visible = RwSignal::new(false);
    let near = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || visible.get());
    let canvas = NodeRef::<Canvas>::new();
    let series = LocalResource::new(move || {
        let wanted = near.get();
        async move {
            if wanted {
                Some(fetch::series().await)
            } else {
                None
            }
        }
    });
    let lang = use_lang();
    let measure = RwSignal::new(TrendMeasure::Gdp);
    let width = RwSignal::new(0.0_f64);
    let model = Memo::new(move |_| {
        series.get().flatten().and_then(Result::ok).map(|s| {
            Arc::new(TrendModel {
                measure: measure.get(),
                series: s,
                lang,
            })
        })
    });
    let marks = marks_memo(move || {
        let w = width.get();
        let m = model.get().filter(|_| w > 0.0)?;
        let layout = trend_layout(&m, w, device_pixel_ratio());
        Some(Arc::new(TrendMarks::new(m, layout)) as _)
    });
    let paint = Box::new(move |canvas: &_, marks: &dyn Marks, filter: &_, palette| {
        match marks.as_any().downcast_ref::<TrendMarks>() {
            Some(t) => paint_trend(canvas, &t.layout, filter, palette),
            None => Ok(()),
        }
    });
    let title = Signal::derive(move || {
        model.with(|m| {
            m.as_ref()
                .map(|m| m.title())
                .unwrap_or_default()
                .to_string()
        })
    });
    let table = move || {
        model
            .with(|m| {
                let m = m.as_ref()?;
                let regions = m.regions();
                let rows: Vec<(String, Vec<String>)> = (0..m.series.issues.len())
                    .map(|i| {
                        // "—" for a figure that issue did not publish (or a region it lacks).
                        let cells = regions
                            .iter()
                            .map(|r| m.figure(i, *r).format_percent())
                            .collect();
                        (m.issue_label(i), cells)
                    })
                    .collect();
                let head = std::iter::once(lang.text(Msg::IssuePicker).to_string())
                    .chain(regions.iter().map(|r| r.name(lang).to_string()))
                    .collect();
                Some(figures_table(head, rows))
            })
            .into_any()
    };
    let toggle = move |m: TrendMeasure| {
        view! {
            <button type="button" class="tool" aria-pressed=move || (measure.get() == m).to_string() on:click=move |_| measure.set(m)>
                {lang.text(match m { TrendMeasure::Gdp => Msg::TrendGdpShort, TrendMeasure::Trade => Msg::TrendTradeShort })}
            </button>
        }
    };
    let frame = Frame {
        id: "trend",
        title,
        subtitle: lang.text(Msg::TrendNote).to_string(),
        css_height: CSS_HEIGHT,
        description: None,
    };
    let parts = Parts {
        width,
        marks,
        paint,
        table: Box::new(table),
        tools: view! { {toggle(TrendMeasure::Gdp)} {toggle(TrendMeasure::Trade)} }.into_any(),
        canvas,
        svg: None,
        visible,
    };
    chart_frame(frame, parts, dark)
}
