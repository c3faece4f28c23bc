//! Where everything of a horizontal bar chart goes, in device pixels (CSS pixels × the device
//! pixel ratio), and the hit test from a pixel back to a bar. Pure: unit-tested natively, and
//! the painter draws exactly these rectangles, so what is hit is what is seen.
//!
//! Bars are horizontal: region names read on the left at any width, and each row is at least
//! 44 CSS pixels tall, a comfortable tap target.

use super::model::ChartModel;

/// Sizes in CSS pixels; [`layout`] scales them by the pixel ratio.
pub mod css {
    pub const FONT: f64 = 13.0;
    pub const ROW: f64 = 44.0;
    pub const BAR: f64 = 26.0;
    pub const GROUPED_BAR: f64 = 20.0;
    pub const GROUPED_GAP: f64 = 3.0;
    pub const ROW_GAP: f64 = 16.0;
    /// One legend entry per line above a grouped chart, so it never runs off a phone.
    pub const LEGEND_ROW: f64 = 20.0;
    pub const AXIS: f64 = 26.0;
    pub const PAD: f64 = 8.0;
    pub const LABEL_GAP: f64 = 6.0;
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub series: usize,
    pub category: usize,
    pub rect: Rect,
    /// The area a pointer may be in to pick this bar: its share of the whole row.
    pub band: Rect,
    pub label: String,
    /// Where the label's text starts (left edge) and its vertical centre.
    pub label_x: f64,
    pub label_y: f64,
    /// Drawn inside the bar (light text) because it would not fit beside it.
    pub label_inside: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
    pub font: f64,
    pub plot: Rect,
    /// The x of the value 0.
    pub zero_x: f64,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    /// Region names with the vertical centre of their row.
    pub categories: Vec<(String, f64)>,
    /// Legend entries (grouped charts): swatch and where its text starts.
    pub legend: Vec<(Rect, f64, String)>,
}

/// An estimate of a text's width: CJK characters are one em, Latin characters and digits about
/// 0.6 em. Measuring with the browser would reflow the page once per label.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * font
}

/// A scale from `lo` to `hi` on round steps (1, 2 or 5 × 10ⁿ), about `target` steps long.
pub fn nice_scale(lo: f64, hi: f64, target: usize) -> (f64, f64, f64) {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// The value-axis ticks from `lo` to `hi` every `step`, each at `at(value)` on the axis.
pub fn ticks(lo: f64, hi: f64, step: f64, percent: bool, at: impl Fn(f64) -> f64) -> Vec<Tick> {
    (0..)
        .map(|i| lo + i as f64 * step)
        .take_while(|v| *v <= hi + step / 2.0)
        .map(|v| Tick {
            x: at(v),
            label: format_tick(v, percent),
        })
        .collect()
}

/// A device pixel ratio to lay out with: the browser's, or 1 when it gives nonsense.
pub fn sane_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    }
}

fn format_tick(value: f64, percent: bool) -> String {
    let rounded = if value.abs() < 1e-9 { 0.0 } else { value };
    let text = crate::bundle::Figure {
        value: rounded,
        decimals: 0,
    }
    .format_value();
    if percent {
        format!("{text}%")
    } else {
        text
    }
}

/// The chart's height in CSS pixels at any width: known before drawing, so no layout shift.
pub fn css_height(model: &ChartModel) -> f64 {
    top_margin(model) + model.categories().len() as f64 * row_height(model) + css::AXIS
}

fn top_margin(model: &ChartModel) -> f64 {
    match model.series().len() {
        1 => css::PAD,
        n => css::PAD + n as f64 * css::LEGEND_ROW + css::PAD / 2.0,
    }
}

fn row_height(model: &ChartModel) -> f64 {
    match model.series().len() {
        1 => css::ROW,
        n => (n as f64 * (css::GROUPED_BAR + css::GROUPED_GAP) + css::ROW_GAP).max(css::ROW),
    }
}

/// Lays a chart out for a canvas `css_width` CSS pixels wide at pixel ratio `dpr`.
pub fn layout(model: &ChartModel, css_width: f64, dpr: f64) -> Layout {
    let dpr = sane_dpr(dpr);
    let px = |v: f64| v * dpr;
    let font = px(css::FONT);
    let series = model.series();
    let categories = model.categories();
    let names: Vec<String> = categories
        .iter()
        .map(|r| model.region_name(*r).to_string())
        .collect();
    let left = names
        .iter()
        .map(|n| text_width(n, font))
        .fold(0.0, f64::max)
        + px(css::PAD * 1.5);
    let top = px(top_margin(model));
    let width = px(css_width.max(200.0)).round();
    let height = px(css_height(model)).round();
    let values: Vec<f64> = (0..series.len())
        .flat_map(|s| (0..categories.len()).map(move |c| (s, c)))
        .filter_map(|(s, c)| model.value(s, c))
        .collect();
    let lo = values.iter().copied().fold(0.0, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    let (lo, hi, step) = nice_scale(lo, hi, 5);
    // The last tick's label is centred on the plot's right edge: leave room for its half.
    let last_tick = text_width(&format_tick(hi, model.is_percent()), font * 0.9) / 2.0;
    let right = (px(css::PAD * 1.5)).max(last_tick + px(4.0));
    let plot = Rect {
        x: left,
        y: top,
        w: width - left - right,
        h: height - top - px(css::AXIS),
    };
    let to_x = |v: f64| plot.x + (v - lo) / (hi - lo) * plot.w;
    let zero_x = to_x(0.0);

    let ticks = ticks(lo, hi, step, model.is_percent(), to_x);

    let row = px(row_height(model));
    let (bar_h, gap) = if series.len() > 1 {
        (px(css::GROUPED_BAR), px(css::GROUPED_GAP))
    } else {
        (px(css::BAR), 0.0)
    };
    let stack = series.len() as f64 * bar_h + (series.len() as f64 - 1.0) * gap;
    let mut bars = Vec::new();
    let mut category_labels = Vec::new();
    for (c, name) in names.into_iter().enumerate() {
        let row_top = plot.y + c as f64 * row;
        let first_bar = row_top + (row - stack) / 2.0;
        category_labels.push((name, row_top + row / 2.0));
        for s in 0..series.len() {
            // A figure not published has no bar; its label says so at the zero line.
            let value = model.value(s, c).unwrap_or(0.0);
            let y = first_bar + s as f64 * (bar_h + gap);
            let end = to_x(value);
            let rect = Rect {
                x: zero_x.min(end),
                y,
                w: (end - zero_x).abs(),
                h: bar_h,
            };
            // Each bar owns its share of the row, across the whole width, so a thin bar is
            // as easy to tap as a long one.
            let share = row / series.len() as f64;
            let band = Rect {
                x: 0.0,
                y: row_top + s as f64 * share,
                w: width,
                h: share,
            };
            // The full label (value and growth) where it fits; the value alone where not.
            let gap = px(css::LABEL_GAP);
            let full = model.label(s, c);
            let (label, (label_x, label_inside)) =
                match place_label(&full, font, rect, value < 0.0, plot, gap) {
                    Some(place) => (full, place),
                    None => {
                        let short = model.short_label(s, c);
                        let place = place_label(&short, font, rect, value < 0.0, plot, gap)
                            .unwrap_or_else(|| {
                                (squeeze_beside(&short, font, rect, width, gap), false)
                            });
                        (short, place)
                    }
                };
            bars.push(Bar {
                series: s,
                category: c,
                rect,
                band,
                label,
                label_x,
                label_y: y + bar_h / 2.0,
                label_inside,
            });
        }
    }

    let mut legend = Vec::new();
    if series.len() > 1 {
        for (i, s) in series.iter().enumerate() {
            let y = px(css::PAD + i as f64 * css::LEGEND_ROW + (css::LEGEND_ROW - 12.0) / 2.0);
            let swatch = Rect {
                x: plot.x,
                y,
                w: px(12.0),
                h: px(12.0),
            };
            legend.push((
                swatch,
                plot.x + px(18.0),
                format!("{}（{}）", s.name, s.period),
            ));
        }
    }

    Layout {
        width,
        height,
        dpr,
        font,
        plot,
        zero_x,
        bars,
        ticks,
        categories: category_labels,
        legend,
    }
}

/// Beside the bar's end when the label fits there, else inside the bar when it fits there:
/// `(x, inside)`, or None when it fits neither.
fn place_label(
    label: &str,
    font: f64,
    bar: Rect,
    negative: bool,
    plot: Rect,
    gap: f64,
) -> Option<(f64, bool)> {
    let w = text_width(label, font);
    let fits_inside = w + 2.0 * gap <= bar.w;
    if negative {
        let outside = bar.x - gap - w;
        return if outside >= plot.x {
            Some((outside, false))
        } else {
            fits_inside.then_some((bar.x + gap, true))
        };
    }
    let outside = bar.x + bar.w + gap;
    if outside + w <= plot.x + plot.w {
        Some((outside, false))
    } else {
        fits_inside.then_some((bar.x + bar.w - gap - w, true))
    }
}

/// Last resort for a very narrow chart: beside the bar, into the right margin.
fn squeeze_beside(label: &str, font: f64, bar: Rect, width: f64, gap: f64) -> f64 {
    (bar.x + bar.w + gap).min(width - text_width(label, font))
}

/// The bar under a pixel (device pixels, as on the canvas's backing store), if any.
pub fn hit(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    if !layout.plot.contains(layout.plot.x, y) {
        return None;
    }
    layout.bars.iter().position(|b| b.band.contains(x, y))
}
