//! The charts as SVG, drawn at publish time with plotters' SVG backend from the same geometry
//! and the same drawing as the canvas: the plain pages show them with no script, and they print.

use super::draw::{draw_chart, LIGHT};
use super::{layout, ChartModel};
use crate::filter::Filter;
use plotters::prelude::*;

/// How wide the charts are drawn, in CSS pixels: the plain page's column. The SVG scales to
/// the page's width (its viewBox), so a phone sees the same chart, smaller.
pub const SVG_WIDTH: f64 = 480.0;

/// A bar chart as an `<svg>` element, named by its title (its figures in words are the
/// figure's description, beside it).
pub fn chart_svg(model: &ChartModel) -> String {
    let layout = layout(model, SVG_WIDTH, 1.0);
    let mut svg = String::new();
    {
        let size = (layout.width as u32, layout.height as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        // Drawing into a string cannot fail.
        let _ = draw_chart(&root, model, &layout, &Filter::default(), &LIGHT);
        let _ = root.present();
    }
    labelled(svg, &model.title())
}

/// An image for screen readers, named by its title, sized by the page, not by pixels.
fn labelled(svg: String, title: &str) -> String {
    let open = format!(
        "<svg role=\"img\" aria-label=\"{}\" class=\"chart-svg\" ",
        crate::xml::escape(title)
    );
    svg.replacen("<svg ", &open, 1)
}
