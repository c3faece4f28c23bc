//! The trend across issues: each province's growth, one line per region over the archive's
//! issues, as plain Rust (model, geometry and hit test), like the bar charts.

use super::geometry::{nice_scale, sane_dpr, text_width, ticks, Rect, Tick};
use crate::bundle::{Figure, GrowthSeries};
use crate::format::format_zh_period;
use crate::i18n::{Lang, Msg};
use crate::region::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendMeasure {
    Gdp,
    Trade,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendModel {
    pub measure: TrendMeasure,
    pub series: GrowthSeries,
    pub lang: Lang,
}

/// Height in CSS pixels: fixed, so the page does not move when it draws.
pub const CSS_HEIGHT: f64 = 280.0;
const FONT: f64 = 12.0;

impl TrendModel {
    pub fn title(&self) -> &'static str {
        self.lang.text(match self.measure {
            TrendMeasure::Gdp => Msg::TrendGdp,
            TrendMeasure::Trade => Msg::TrendTrade,
        })
    }

    /// An issue's label on the axis: 第233期 / No. 233.
    pub fn issue_label(&self, point: usize) -> String {
        let number = self.series.issues.get(point).map_or(0, |p| p.number);
        self.lang.fill(Msg::IssueNumber, &[&number])
    }

    /// The provinces that appear in the series, in the chips' order.
    pub fn regions(&self) -> Vec<Region> {
        Region::PROVINCES
            .into_iter()
            .filter(|r| {
                self.series
                    .issues
                    .iter()
                    .any(|p| p.rows.iter().any(|row| row.region == *r))
            })
            .collect()
    }

    pub fn figure(&self, point: usize, region: Region) -> Option<Figure> {
        let row = self
            .series
            .issues
            .get(point)?
            .rows
            .iter()
            .find(|r| r.region == region)?;
        // None also for a figure the issue did not publish: the line skips that point.
        match self.measure {
            TrendMeasure::Gdp => row.gdp_yoy,
            TrendMeasure::Trade => row.trade_yoy,
        }
    }

    /// Tooltip and screen-reader text: region, growth, issue and the months it covers.
    pub fn describe(&self, point: usize, region: Region) -> Option<String> {
        let p = self.series.issues.get(point)?;
        let f = self.figure(point, region)?;
        let period = match self.measure {
            TrendMeasure::Gdp => &p.gdp_period,
            TrendMeasure::Trade => &p.trade_period,
        };
        let what = self.lang.text(match self.measure {
            TrendMeasure::Gdp => Msg::TrendGdpShort,
            TrendMeasure::Trade => Msg::TrendTradeShort,
        });
        Some(self.lang.fill(
            Msg::TrendReadout,
            &[
                &region.name(self.lang),
                &what,
                &f.format_percent(),
                &p.number,
                &format_zh_period(&period.start, &period.end),
            ],
        ))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendLine {
    pub region: Region,
    /// (x, y, index of the issue in the series)
    pub points: Vec<(f64, f64, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendLayout {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
    pub font: f64,
    pub plot: Rect,
    pub ticks: Vec<Tick>,
    /// Issue labels under the axis (a few, evenly spread) with their x.
    pub x_labels: Vec<(f64, String)>,
    pub lines: Vec<TrendLine>,
    /// The language of the line-end region names.
    pub lang: Lang,
}

/// Lays the trend out for a canvas `css_width` CSS pixels wide at pixel ratio `dpr`.
pub fn trend_layout(model: &TrendModel, css_width: f64, dpr: f64) -> TrendLayout {
    let dpr = sane_dpr(dpr);
    let px = |v: f64| v * dpr;
    let font = px(FONT);
    let regions = model.regions();
    let n = model.series.issues.len();
    let values: Vec<f64> = (0..n)
        .flat_map(|i| regions.iter().filter_map(move |r| model.figure(i, *r)))
        .map(|f| f.value)
        .collect();
    let lo = values.iter().copied().fold(0.0, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    let (lo, hi, step) = nice_scale(lo, hi, 5);
    let width = px(css_width.max(200.0)).round();
    let height = px(CSS_HEIGHT).round();
    // Room on the right for the region names at the lines' ends.
    let right = regions
        .iter()
        .map(|r| text_width(r.short(model.lang), font))
        .fold(0.0, f64::max)
        + px(10.0);
    let left = text_width("-100%", font) + px(8.0);
    let plot = Rect {
        x: left,
        y: px(12.0),
        w: width - left - right,
        h: height - px(12.0) - px(28.0),
    };
    let to_y = |v: f64| plot.y + plot.h - (v - lo) / (hi - lo) * plot.h;
    let to_x = |i: usize| {
        if n <= 1 {
            plot.x + plot.w / 2.0
        } else {
            plot.x + i as f64 / (n - 1) as f64 * plot.w
        }
    };
    let ticks = ticks(lo, hi, step, true, to_y);
    // About one label per 90 CSS pixels.
    let every = ((n as f64) / (css_width / 90.0).max(1.0)).ceil().max(1.0) as usize;
    let x_labels = (0..n)
        .filter(|i| i % every == 0 || *i == n - 1)
        .map(|i| (to_x(i), model.issue_label(i)))
        .collect();
    let lines = regions
        .iter()
        .map(|&region| TrendLine {
            region,
            points: (0..n)
                .filter_map(|i| model.figure(i, region).map(|f| (to_x(i), to_y(f.value), i)))
                .collect(),
        })
        .collect();
    TrendLayout {
        lang: model.lang,
        width,
        height,
        dpr,
        font,
        plot,
        ticks,
        x_labels,
        lines,
    }
}

/// The point nearest a pixel (device pixels): the nearest issue, then the nearest line there.
/// Returns (line, point within the line).
pub fn trend_hit(layout: &TrendLayout, x: f64, y: f64) -> Option<(usize, usize)> {
    let inside = x >= layout.plot.x - 8.0 * layout.dpr
        && x <= layout.plot.x + layout.plot.w + 8.0 * layout.dpr;
    if !inside || y < 0.0 || y > layout.height {
        return None;
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (l, line) in layout.lines.iter().enumerate() {
        for (p, &(px, py, _)) in line.points.iter().enumerate() {
            // Horizontal distance first (which issue), then vertical (which region).
            let d = (px - x).abs() * 1000.0 + (py - y).abs();
            if best.is_none_or(|b| d < b.0) {
                best = Some((d, l, p));
            }
        }
    }
    best.map(|(_, l, p)| (l, p))
}
