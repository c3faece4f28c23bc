//! Draws the charts with plotters on any of its backends: a `<canvas>` in the browser
//! (plotters-canvas), SVG at publish time (the plain pages, print). One drawing, from the same
//! geometry, so what is printed or read without script is what the canvas shows.

use super::geometry::{Bar, Layout};
use super::marks::Highlight;
use super::trend::TrendLayout;
use super::ChartModel;
use crate::filter::Filter;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where a chart is drawn.
pub type Area<DB> = DrawingArea<DB, Shift>;
/// What drawing on a backend gives.
pub type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The page's CJK font stack, so a chart's text matches the page's.
pub(crate) const FONT_FAMILY: &str =
    "PingFang TC, Noto Sans CJK TC, Microsoft JhengHei, WenQuanYi Micro Hei, sans-serif";

/// Colours for light and dark pages. Series colours are Okabe–Ito (safe for colour-blind
/// readers); values are printed on every bar, so colour is never the only cue.
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: [RGBColor; 2],
    /// Text drawn on a bar.
    pub on_series: [RGBColor; 2],
}

pub const LIGHT: Palette = Palette {
    background: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1d, 0x1d, 0x1f),
    muted: RGBColor(0x5b, 0x5b, 0x60),
    grid: RGBColor(0xe3, 0xe0, 0xda),
    series: [RGBColor(0x00, 0x72, 0xb2), RGBColor(0xb3, 0x47, 0x00)],
    on_series: [RGBColor(0xff, 0xff, 0xff), RGBColor(0xff, 0xff, 0xff)],
};

pub const DARK: Palette = Palette {
    background: RGBColor(0x1e, 0x1f, 0x24),
    text: RGBColor(0xec, 0xeb, 0xe8),
    muted: RGBColor(0xa9, 0xa8, 0xad),
    grid: RGBColor(0x3a, 0x3b, 0x41),
    series: [RGBColor(0x56, 0xb4, 0xe9), RGBColor(0xe6, 0x9f, 0x00)],
    on_series: [RGBColor(0x15, 0x16, 0x1a), RGBColor(0x15, 0x16, 0x1a)],
};

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn text_style(size: f64, colour: &RGBColor, h: HPos, bold: bool) -> TextStyle<'_> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle::from((FONT_FAMILY, size, style).into_font())
        .color(colour)
        .pos(Pos::new(h, VPos::Center))
}

/// Draws the active mark's highlight (on an overlay above the chart: a hover or a key press
/// redraws only this, not the chart).
pub fn draw_highlight<DB: DrawingBackend>(
    root: &Area<DB>,
    (width, _, d): (f64, f64, f64),
    highlight: Option<Highlight>,
    palette: &Palette,
) -> Drawn<DB> {
    let stroke = palette.text.stroke_width((2.0 * d).round() as u32);
    match highlight {
        Some(Highlight::Band {
            band,
            from_x,
            outline: r,
        }) => {
            let band = [(px(from_x), px(band.y)), (px(width), px(band.y + band.h))];
            root.draw(&Rectangle::new(band, palette.text.mix(0.08).filled()))?;
            let corners = [(px(r.x), px(r.y)), (px(r.x + r.w), px(r.y + r.h))];
            root.draw(&Rectangle::new(corners, stroke))?;
        }
        Some(Highlight::Ring { x, y, radius }) => {
            root.draw(&Circle::new((px(x), px(y)), px(radius), stroke))?;
        }
        None => {}
    }
    Ok(())
}

/// Draws a bar chart: exactly the rectangles the geometry computed, so the hit test matches
/// what is seen; regions the filter leaves out drawn faint.
pub fn draw_chart<DB: DrawingBackend>(
    root: &Area<DB>,
    model: &ChartModel,
    layout: &Layout,
    filter: &Filter,
    palette: &Palette,
) -> Drawn<DB> {
    root.fill(&palette.background)?;
    let categories = model.categories();
    let d = layout.dpr;

    // Grid lines and tick labels.
    let (top, bottom) = (layout.plot.y, layout.plot.y + layout.plot.h);
    for tick in &layout.ticks {
        let line = PathElement::new(
            vec![(px(tick.x), px(top)), (px(tick.x), px(bottom))],
            palette.grid.stroke_width(d.max(1.0) as u32),
        );
        root.draw(&line)?;
        let style = text_style(layout.font * 0.9, &palette.muted, HPos::Center, false);
        root.draw(&Text::new(
            tick.label.clone(),
            (px(tick.x), px(bottom + 12.0 * d)),
            style,
        ))?;
    }
    let axis = PathElement::new(
        vec![
            (px(layout.zero_x), px(top)),
            (px(layout.zero_x), px(bottom)),
        ],
        palette.muted.stroke_width(d.max(1.0) as u32),
    );
    root.draw(&axis)?;

    // Region names, bold when chosen.
    for (c, (name, y)) in layout.categories.iter().enumerate() {
        let region = categories[c];
        let chosen = filter.chose(region);
        let colour = if filter.shows(region) {
            &palette.text
        } else {
            &palette.muted
        };
        let style = text_style(layout.font, colour, HPos::Right, chosen);
        root.draw(&Text::new(
            name.clone(),
            (px(layout.plot.x - 8.0 * d), px(*y)),
            style,
        ))?;
    }

    for bar in &layout.bars {
        let lit = filter.shows(categories[bar.category]);
        draw_bar(root, bar, lit, layout, palette)?;
    }

    for (swatch, text_x, text) in &layout.legend {
        let s = *swatch;
        let series = layout.legend.iter().position(|l| l.0 == s).unwrap_or(0);
        let rect = [(px(s.x), px(s.y)), (px(s.x + s.w), px(s.y + s.h))];
        root.draw(&Rectangle::new(rect, palette.series[series % 2].filled()))?;
        let style = text_style(layout.font * 0.95, &palette.text, HPos::Left, false);
        root.draw(&Text::new(
            text.clone(),
            (px(*text_x), px(s.y + s.h / 2.0)),
            style,
        ))?;
    }
    Ok(())
}

fn draw_bar<DB: DrawingBackend>(
    root: &Area<DB>,
    bar: &Bar,
    lit: bool,
    layout: &Layout,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let r = bar.rect;
    let colour = palette.series[bar.series % 2];
    // Regions left out of the filter are drawn faint; their values stay readable.
    let fill = if lit {
        colour.mix(1.0)
    } else {
        colour.mix(0.28)
    };
    let corners = [(px(r.x), px(r.y)), (px(r.x + r.w), px(r.y + r.h))];
    root.draw(&Rectangle::new(corners, fill.filled()))?;
    let text_colour = match (bar.label_inside, lit) {
        (true, true) => &palette.on_series[bar.series % 2],
        (_, true) | (true, false) => &palette.text,
        (false, false) => &palette.muted,
    };
    let style = text_style(layout.font, text_colour, HPos::Left, false);
    root.draw(&Text::new(
        bar.label.clone(),
        (px(bar.label_x), px(bar.label_y)),
        style,
    ))
}

/// One colour per province on the trend chart (Okabe–Ito); each line is also named at its end.
const TREND_COLOURS: [RGBColor; 5] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0xe6, 0x9f, 0x00),
];

/// Draws the trend across issues: grid, issue labels, a line and points per province.
pub fn draw_trend<DB: DrawingBackend>(
    root: &Area<DB>,
    layout: &TrendLayout,
    filter: &Filter,
    palette: &Palette,
) -> Drawn<DB> {
    root.fill(&palette.background)?;
    let d = layout.dpr;
    let p = layout.plot;
    for tick in &layout.ticks {
        let line = PathElement::new(
            vec![(px(p.x), px(tick.x)), (px(p.x + p.w), px(tick.x))],
            palette.grid.stroke_width(d.max(1.0) as u32),
        );
        root.draw(&line)?;
        let style = text_style(layout.font, &palette.muted, HPos::Right, false);
        root.draw(&Text::new(
            tick.label.clone(),
            (px(p.x - 6.0 * d), px(tick.x)),
            style,
        ))?;
    }
    for (x, label) in &layout.x_labels {
        let style = text_style(layout.font, &palette.muted, HPos::Center, false);
        root.draw(&Text::new(
            label.clone(),
            (px(*x), px(p.y + p.h + 14.0 * d)),
            style,
        ))?;
    }
    for (l, line) in layout.lines.iter().enumerate() {
        let colour = TREND_COLOURS[l % TREND_COLOURS.len()];
        let lit = filter.shows(line.region);
        let colour = if lit {
            colour.mix(1.0)
        } else {
            colour.mix(0.25)
        };
        let width = if lit {
            (2.0 * d).round() as u32
        } else {
            d.round().max(1.0) as u32
        };
        let path: Vec<(i32, i32)> = line
            .points
            .iter()
            .map(|&(x, y, _)| (px(x), px(y)))
            .collect();
        root.draw(&PathElement::new(path, colour.stroke_width(width)))?;
        for &(x, y, _) in &line.points {
            root.draw(&Circle::new((px(x), px(y)), px(3.0 * d), colour.filled()))?;
        }
        if let Some(&(x, y, _)) = line.points.last() {
            let style = text_style(
                layout.font,
                if lit { &palette.text } else { &palette.muted },
                HPos::Left,
                false,
            );
            root.draw(&Text::new(
                line.region.short(layout.lang),
                (px(x + 6.0 * d), px(y)),
                style,
            ))?;
        }
    }
    Ok(())
}
