//! The charts as SVG, drawn at publish time with plotters' SVG backend from the same geometry
//! and the same drawing as the canvas: the plain pages show them with no script, and they print.

use super::draw::{draw_chart, LIGHT};
use super::{layout, ChartModel};
use crate::filter::Filter;
use plotters::prelude::*;

/// How wide the charts are drawn, in CSS pixels: the plain page's column. The SVG scales to
/// the page's width (its viewBox), so a phone sees the same chart, smaller.
pub const SVG_WIDTH: f64 = 480.0;

/// A bar chart as an `<svg>` element, labelled with its title and every figure in words.
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
    let words = (0..model.series().len())
        .flat_map(|s| (0..model.categories().len()).map(move |c| (s, c)))
        .map(|(s, c)| model.describe(s, c))
        .collect::<Vec<_>>()
        .join("；");
    labelled(svg, &model.title(), &words)
}

/// An image for screen readers (its title, then its figures), sized by the page, not by pixels.
fn labelled(svg: String, title: &str, words: &str) -> String {
    let escape = crate::html::escape;
    let open = format!(
        "<svg role=\"img\" aria-label=\"{}\" class=\"chart-svg\" ",
        escape(&format!("{title}：{words}"))
    );
    svg.replacen("<svg ", &open, 1)
}
