//! Paints the charts on a canvas: sizes its backing store (CSS size × dpr), then draws with
//! [`crate::chart::draw`], which the SVG charts of the plain pages share.

use crate::chart::draw::{draw_chart, draw_highlight, draw_trend, Area, Palette};
use crate::chart::geometry::Layout;
use crate::chart::marks::Highlight;
use crate::chart::trend::TrendLayout;
use crate::chart::ChartModel;
use crate::filter::Filter;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

pub use crate::chart::draw::{DARK, LIGHT};

/// Sizes a canvas's backing store to the layout (CSS size × dpr) and returns its drawing area.
fn drawing_area(
    canvas: &HtmlCanvasElement,
    width: f64,
    height: f64,
) -> Result<Area<CanvasBackend>, String> {
    let (w, h) = (width as u32, height as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D canvas context")?;
    Ok(backend.into_drawing_area())
}

/// What went wrong drawing, in words for the chart's error line.
fn say<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// The bar chart, on its canvas.
pub fn paint(
    canvas: &HtmlCanvasElement,
    model: &ChartModel,
    layout: &Layout,
    filter: &Filter,
    palette: &'static Palette,
) -> Result<(), String> {
    let root = drawing_area(canvas, layout.width, layout.height)?;
    draw_chart(&root, model, layout, filter, palette).map_err(say)?;
    root.present().map_err(say)
}

/// The trend, on its canvas.
pub fn paint_trend(
    canvas: &HtmlCanvasElement,
    layout: &TrendLayout,
    filter: &Filter,
    palette: &'static Palette,
) -> Result<(), String> {
    let root = drawing_area(canvas, layout.width, layout.height)?;
    draw_trend(&root, layout, filter, palette).map_err(say)?;
    root.present().map_err(say)
}

/// The active mark's highlight, on the overlay canvas.
pub fn paint_highlight(
    canvas: &HtmlCanvasElement,
    size: (f64, f64, f64),
    highlight: Option<Highlight>,
    palette: &'static Palette,
) -> Result<(), String> {
    let (width, height, _) = size;
    let root = drawing_area(canvas, width, height)?;
    // plotters skips fully transparent fills, so clear the canvas through its own context.
    if let Some(ctx) = canvas.get_context("2d").ok().flatten() {
        let ctx: web_sys::CanvasRenderingContext2d = wasm_bindgen::JsCast::unchecked_into(ctx);
        ctx.clear_rect(0.0, 0.0, width, height);
    }
    draw_highlight(&root, size, highlight, palette).map_err(say)?;
    root.present().map_err(say)
}
