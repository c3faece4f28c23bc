//! The one interaction every chart shares: a figure with its title, tools and table switch; a
//! canvas painted when on screen and again when the filter, the size or dark mode changes; an
//! overlay canvas for the active mark; pointer, tap and keyboard; a tooltip; an aria-live
//! readout. What differs between the bar charts and the trend is only their [`Marks`] and how
//! they paint.

use super::paint::{paint_highlight, DARK, LIGHT};
use super::{observe_visibility, observe_width};
use crate::app::{use_lang, Nav};
use crate::chart::draw::Palette;
use crate::chart::marks::{KeyAction, Marks};
use crate::filter::Filter;
use crate::i18n::Msg;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::HtmlCanvasElement;

/// A chart at its current size, as the interaction sees it.
pub(crate) type SharedMarks = Option<Arc<dyn Marks + Send + Sync>>;

/// Paints the chart itself on its canvas.
pub(crate) type Painter =
    Box<dyn Fn(&HtmlCanvasElement, &dyn Marks, &Filter, &'static Palette) -> Result<(), String>>;

/// The chart's marks, laid out again whenever what `layout` reads changes (the width, the data).
/// One memo type for every chart: each new type of signal is more code in the reader's wasm.
pub(crate) fn marks_memo(
    layout: impl Fn() -> SharedMarks + Send + Sync + 'static,
) -> Memo<SharedMarks> {
    Memo::new_with_compare(move |_| layout(), |_, _| true)
}

/// What a chart tells the frame about itself.
#[derive(Clone)]
pub(crate) struct Frame {
    /// `gdp`, `trade`, `growth`, `trend`: the figure is `#chart-{id}`.
    pub id: &'static str,
    pub title: Signal<String>,
    pub subtitle: String,
    pub css_height: f64,
    /// Every figure in words, for screen readers, where the chart has a fixed set.
    pub description: Option<String>,
}

impl Frame {
    /// The id of the paragraph with every figure in words, when the chart has one.
    fn desc_id(&self) -> Option<String> {
        let id = self.id;
        self.description
            .is_some()
            .then(|| format!("chart-{id}-desc"))
    }

    /// Title and subtitle, as the browser's chart and the published one both print them.
    fn caption(&self) -> impl IntoView {
        let (id, title, subtitle) = (self.id, self.title, self.subtitle.clone());
        view! {
            <figcaption>
                <span class="chart-title" id=format!("chart-{id}-title")>{title}</span>
                <span class="chart-subtitle">{subtitle}</span>
            </figcaption>
        }
    }

    /// Every figure in words, for screen readers.
    fn described(&self) -> impl IntoView {
        let id = self.desc_id();
        (self.description.clone()).map(|d| view! { <p class="visually-hidden" id=id>{d}</p> })
    }
}

/// The parts a chart plugs into the frame.
pub(crate) struct Parts {
    /// The canvas's CSS width, which the frame keeps current and the chart lays out for.
    pub width: RwSignal<f64>,
    pub marks: Memo<SharedMarks>,
    pub paint: Painter,
    /// The same figures as a table.
    pub table: Box<dyn Fn() -> AnyView + Send + Sync>,
    /// Buttons after the table switch (downloads, the measure).
    pub tools: AnyView,
    /// The chart's own canvas, for a PNG download.
    pub canvas: NodeRef<Canvas>,
    /// The chart drawn as SVG, for a page rendered at publish time (no canvas there).
    pub svg: Option<String>,
    /// Whether the chart is on screen or near it (or being printed), kept by the frame: a chart
    /// that fetches its figures reads it (the trend).
    pub visible: RwSignal<bool>,
}

/// A chart in a page rendered at publish time: its drawing as SVG, in the place the canvas
/// takes in a browser, and every figure in words.
/// Its tools are there, inert and hidden (stylesheet), and the SVG is as tall as the canvas: the
/// interactive chart takes its place without moving anything.
fn published_frame(frame: &Frame, svg: Option<String>) -> AnyView {
    let id = frame.id;
    let lang = use_lang();
    view! {
        <figure class="chart" id=format!("chart-{id}") data-chart=id>
            {frame.caption()}
            <div class="chart-tools" aria-hidden="true">
                {[Msg::Table, Msg::DownloadPng, Msg::DownloadCsv]
                    .map(|msg| view! { <button type="button" class="tool" disabled tabindex="-1">{lang.text(msg)}</button> })}
            </div>
            <div class="chart-canvas chart-drawn" inner_html=svg.unwrap_or_default()></div>
            {frame.described()}
        </figure>
    }
    .into_any()
}

/// A chart: interactive in a live page; at publish time (and while a browser adopts a page so
/// published) its SVG, which the interactive chart replaces once the page is adopted, each
/// chart in a task of its own.
pub(crate) fn chart_frame(frame: Frame, parts: Parts, dark: ReadSignal<bool>) -> AnyView {
    if crate::app::is_live().get_untracked() {
        return interactive_frame(frame, parts, dark);
    }
    let svg = parts.svg.clone();
    let drawn = frame.clone();
    let interactive = StoredValue::new_local(Some((frame, parts)));
    let here = RwSignal::new(false);
    crate::app::later::when_adopted(move || {
        here.try_set(true);
    });
    (move || {
        let taken = here
            .get()
            .then(|| interactive.try_update_value(Option::take));
        match taken.flatten().flatten() {
            Some((frame, parts)) => interactive_frame(frame, parts, dark),
            None => published_frame(&drawn, svg.clone()),
        }
    })
    .into_any()
}

fn interactive_frame(frame: Frame, parts: Parts, dark: ReadSignal<bool>) -> AnyView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let Parts {
        width,
        marks,
        paint,
        table,
        tools,
        canvas,
        svg: _,
        visible,
    } = parts;
    let id = frame.id;
    let overlay = NodeRef::<Canvas>::new();
    let wrap = NodeRef::<Div>::new();
    // Charts are drawn only on screen (`visible`): off screen, a filter change or a resize costs
    // nothing.
    let hover = RwSignal::new(None::<usize>);
    let focus = RwSignal::new(None::<usize>);
    let show_table = RwSignal::new(false);
    // A chart that cannot draw says so; the table switch still shows its numbers.
    let failed = RwSignal::new(None::<String>);
    let active = Memo::new(move |_| hover.get().or(focus.get()));
    let palette = move || if dark.get() { &DARK } else { &LIGHT };

    wrap.on_load(move |wrap| {
        // Only a real change lays the chart out again (and so clears its active mark).
        observe_width(&wrap, move |w| {
            if width.get_untracked() != w {
                width.set(w)
            }
        });
        observe_visibility(&wrap, move |v| visible.set(v));
    });
    // Printed, every chart is on paper: draw the ones never scrolled to.
    let printing = window_event_listener(leptos::ev::beforeprint, move |_| visible.set(true));
    on_cleanup(move || printing.remove());
    Effect::new(move |_| {
        if !visible.get() {
            return;
        }
        let (Some(canvas), palette) = (canvas.get(), palette()) else {
            return;
        };
        let painted = marks.with(|m| {
            let m = m.as_ref()?;
            Some(
                nav.regions
                    .with(|filter| paint(&canvas, m.as_ref(), filter, palette)),
            )
        });
        if let Some(Err(e)) = painted {
            web_sys::console::error_1(&format!("chart {id}: {e}").into());
            failed.set(Some(e));
        }
    });
    // Marks of another layout (a new size, the other measure) are other marks: start afresh.
    Effect::new(move |_| {
        marks.track();
        hover.set(None);
        focus.set(None);
    });
    Effect::new(move |_| {
        let (active, palette) = (active.get(), palette());
        marks.with(|m| {
            if let (Some(m), Some(overlay)) = (m, overlay.get()) {
                let _ = paint_highlight(
                    &overlay,
                    m.size(),
                    active.and_then(|i| m.highlight(i)),
                    palette,
                );
            }
        });
    });

    let with_marks = move |f: &dyn Fn(&dyn Marks) -> Option<usize>| {
        marks.with_untracked(|m| m.as_ref().and_then(|m| f(m.as_ref())))
    };
    let at = move |x: i32, y: i32| with_marks(&|m| m.hit(x as f64, y as f64));
    let toggle = move |mark: usize| {
        if let Some(region) = marks.with_untracked(|m| m.as_ref().and_then(|m| m.region(mark))) {
            nav.go(nav.state.get_untracked().toggled(region));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(action) = KeyAction::from_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        // Keys go on from the mark last pointed at or tapped.
        let from = focus.get_untracked().or(hover.get_untracked());
        match action {
            KeyAction::Move(to) => {
                hover.set(None);
                focus.set(with_marks(&|m| m.step(from, to)));
            }
            KeyAction::Toggle => {
                if let Some(mark) = from {
                    toggle(mark);
                }
            }
            KeyAction::Clear => {
                hover.set(None);
                focus.set(None);
            }
        }
    };
    let tooltip = move || {
        let mark = active.get()?;
        marks.with(|m| {
            let m = m.as_ref()?;
            Some((m.describe(mark)?, m.tip(mark)?))
        })
    };
    let readout = move || {
        let mark = focus.get()?;
        let (text, region) = marks.with(|m| {
            let m = m.as_ref()?;
            Some((m.describe(mark)?, m.region(mark)?))
        })?;
        let chosen = nav.regions.with(|f| f.chose(region));
        let state = lang.text(if chosen {
            Msg::ChartSelected
        } else {
            Msg::ChartSelectHint
        });
        Some(format!("{text}。{state}"))
    };
    let height = format!("{}px", frame.css_height);
    let desc_id = frame.desc_id();

    view! {
        <figure class="chart" id=format!("chart-{id}") data-chart=id>
            {frame.caption()}
            <div class="chart-tools">
                <button type="button" class="tool" aria-pressed=move || show_table.get().to_string() on:click=move |_| show_table.update(|t| *t = !*t)>
                    {lang.text(Msg::Table)}
                </button>
                {tools}
            </div>
            {move || failed.get().map(|e| view! {
                <p class="chart-error" role="alert">{lang.fill(Msg::ChartFailed, &[&e])}</p>
            })}
            <div class="chart-canvas" node_ref=wrap hidden=move || show_table.get() || failed.with(Option::is_some)>
                <canvas class="chart-base" node_ref=canvas aria-hidden="true" style:height=height.clone()></canvas>
                <canvas
                    class="chart-surface"
                    node_ref=overlay
                    tabindex="0"
                    role="img"
                    aria-label=frame.title
                    aria-describedby=desc_id.clone()
                    style:height=height
                    on:pointermove=move |ev: web_sys::PointerEvent| hover.set(at(ev.offset_x(), ev.offset_y()))
                    // A finger lifts right after a tap: keep its tooltip; a mouse leaving clears it.
                    on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() == "mouse" { hover.set(None) }
                    on:click=move |ev: web_sys::MouseEvent| {
                        if let Some(mark) = at(ev.offset_x(), ev.offset_y()) {
                            hover.set(Some(mark));
                            toggle(mark);
                        }
                    }
                    on:keydown=on_key
                    on:focus=move |_| {
                        // Keyboard focus starts on the first mark; a click's focus shows nothing extra.
                        let keyboard = overlay.get_untracked().is_some_and(|c| c.matches(":focus-visible").unwrap_or(false));
                        if keyboard && focus.get_untracked().is_none() {
                            focus.set(with_marks(&|m| m.start()));
                        }
                    }
                    on:blur=move |_| focus.set(None)
                ></canvas>
                // Positions go through the CSSOM (style:left), which a strict CSP allows.
                {move || tooltip().map(|(text, tip)| view! {
                    <div class="chart-tooltip" class:above=tip.above role="tooltip" style:left=format!("{:.0}px", tip.left) style:top=format!("{:.0}px", tip.top)>{text}</div>
                })}
            </div>
            {frame.described()}
            <p class="visually-hidden chart-live" aria-live="polite">{readout}</p>
            {move || show_table.get().then(&table)}
        </figure>
    }
    .into_any()
}
