//! What every chart offers a reader's pointer, finger and keyboard, as plain Rust: its marks (a
//! bar, a point) numbered in reading order, which one is under a position, where the keys move,
//! what each says, where its tooltip goes and how it is highlighted. The browser wires one
//! interaction to this for the bar charts and the trend alike.

use super::geometry::{hit, Layout, Rect};
use super::trend::{trend_hit, TrendLayout, TrendModel};
use super::ChartModel;
use crate::region::Region;
use std::sync::Arc;

/// Where a key moves the active mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    Up,
    Down,
    First,
    Last,
}

/// What a key does on a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Move(Move),
    /// Enter or Space: the active mark's region in or out of the filter.
    Toggle,
    /// Escape: no mark active.
    Clear,
}

impl KeyAction {
    /// From a `KeyboardEvent.key`; None for keys the chart leaves alone (Tab, letters…).
    pub fn from_key(key: &str) -> Option<KeyAction> {
        Some(match key {
            "ArrowRight" => KeyAction::Move(Move::Next),
            "ArrowLeft" => KeyAction::Move(Move::Previous),
            "ArrowUp" => KeyAction::Move(Move::Up),
            "ArrowDown" => KeyAction::Move(Move::Down),
            "Home" => KeyAction::Move(Move::First),
            "End" => KeyAction::Move(Move::Last),
            "Enter" | " " => KeyAction::Toggle,
            "Escape" => KeyAction::Clear,
            _ => return None,
        })
    }
}

/// A tooltip's place, in CSS pixels from the chart's top left: its left edge, and the mark's
/// edge it hangs from (above it, or below).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tip {
    pub left: f64,
    pub top: f64,
    pub above: bool,
}

/// How the active mark is shown on the overlay, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Highlight {
    /// A bar: its row's band shaded from `from_x` to the edge, and the bar outlined.
    Band {
        band: Rect,
        from_x: f64,
        outline: Rect,
    },
    /// A point: a ring around it.
    Ring { x: f64, y: f64, radius: f64 },
}

/// A chart drawn at one size, as the interaction sees it.
pub trait Marks {
    /// The drawing's size in device pixels, and the pixel ratio.
    fn size(&self) -> (f64, f64, f64);
    /// The mark under a position in CSS pixels, if any.
    fn hit(&self, x: f64, y: f64) -> Option<usize>;
    /// The mark the keyboard starts on.
    fn start(&self) -> Option<usize>;
    /// The mark a key moves to from `from` (the start when none is active).
    fn step(&self, from: Option<usize>, to: Move) -> Option<usize>;
    /// The region a mark belongs to, which a click or Enter toggles in the filter.
    fn region(&self, mark: usize) -> Option<Region>;
    /// The mark's figures in words: its tooltip and what a screen reader hears.
    fn describe(&self, mark: usize) -> Option<String>;
    fn tip(&self, mark: usize) -> Option<Tip>;
    fn highlight(&self, mark: usize) -> Option<Highlight>;
    /// The chart itself, for the painter that knows its kind (the interaction does not).
    fn as_any(&self) -> &dyn std::any::Any;
}

/// A bar chart at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct BarMarks {
    pub model: Arc<ChartModel>,
    pub layout: Layout,
}

impl Marks for BarMarks {
    fn size(&self) -> (f64, f64, f64) {
        (self.layout.width, self.layout.height, self.layout.dpr)
    }

    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let d = self.layout.dpr;
        hit(&self.layout, x * d, y * d)
    }

    fn start(&self) -> Option<usize> {
        (!self.layout.bars.is_empty()).then_some(0)
    }

    /// Bars are read region by region, each region's series in turn: every arrow walks that
    /// one line of bars.
    fn step(&self, from: Option<usize>, to: Move) -> Option<usize> {
        let last = self.layout.bars.len().checked_sub(1)?;
        let Some(i) = from else { return self.start() };
        Some(match to {
            Move::Next | Move::Down => (i + 1).min(last),
            Move::Previous | Move::Up => i.saturating_sub(1),
            Move::First => 0,
            Move::Last => last,
        })
    }

    fn region(&self, mark: usize) -> Option<Region> {
        let category = self.layout.bars.get(mark)?.category;
        self.model.categories().get(category).copied()
    }

    fn describe(&self, mark: usize) -> Option<String> {
        let bar = self.layout.bars.get(mark)?;
        Some(self.model.describe(bar.series, bar.category))
    }

    /// Near the bar's end, inside the chart: below bars in the upper half, above bars in the
    /// lower half, so it never hangs off the chart.
    fn tip(&self, mark: usize) -> Option<Tip> {
        let l = &self.layout;
        let bar = l.bars.get(mark)?;
        let r = bar.rect;
        let above = r.y > l.height / 2.0;
        Some(Tip {
            left: ((r.x + r.w) / l.dpr).min(l.width / l.dpr - 200.0).max(0.0),
            top: if above {
                r.y / l.dpr - 4.0
            } else {
                (r.y + r.h) / l.dpr + 4.0
            },
            above,
        })
    }

    fn highlight(&self, mark: usize) -> Option<Highlight> {
        let bar = self.layout.bars.get(mark)?;
        Some(Highlight::Band {
            band: bar.band,
            from_x: self.layout.plot.x - 4.0 * self.layout.dpr,
            outline: bar.rect,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The trend at one size. Its marks are the points, line by line (a province's issues, oldest
/// first).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendMarks {
    pub model: Arc<TrendModel>,
    pub layout: TrendLayout,
    /// (line, point within the line) of each mark.
    points: Vec<(usize, usize)>,
}

impl TrendMarks {
    pub fn new(model: Arc<TrendModel>, layout: TrendLayout) -> TrendMarks {
        let points = (layout.lines.iter().enumerate())
            .flat_map(|(l, line)| (0..line.points.len()).map(move |p| (l, p)))
            .collect();
        TrendMarks {
            model,
            layout,
            points,
        }
    }

    fn mark(&self, line: usize, point: usize) -> Option<usize> {
        self.points.iter().position(|&m| m == (line, point))
    }

    /// (x, y, issue index) of a mark.
    fn point(&self, mark: usize) -> Option<(f64, f64, usize)> {
        let &(l, p) = self.points.get(mark)?;
        self.layout.lines.get(l)?.points.get(p).copied()
    }

    /// On another line, the point of the same issue, or the nearest issue that line has.
    fn across(&self, line: usize, issue: usize) -> Option<usize> {
        let points = &self.layout.lines.get(line)?.points;
        let p = (0..points.len()).min_by_key(|&p| points[p].2.abs_diff(issue))?;
        self.mark(line, p)
    }
}

impl Marks for TrendMarks {
    fn size(&self) -> (f64, f64, f64) {
        (self.layout.width, self.layout.height, self.layout.dpr)
    }

    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let d = self.layout.dpr;
        let (l, p) = trend_hit(&self.layout, x * d, y * d)?;
        self.mark(l, p)
    }

    /// The newest issue of the first province.
    fn start(&self) -> Option<usize> {
        let line = self
            .layout
            .lines
            .iter()
            .position(|l| !l.points.is_empty())?;
        self.mark(line, self.layout.lines[line].points.len() - 1)
    }

    /// Left and right walk the issues, up and down the provinces (at the same issue).
    fn step(&self, from: Option<usize>, to: Move) -> Option<usize> {
        let Some(&(l, p)) = from.and_then(|m| self.points.get(m)) else {
            return self.start();
        };
        let issue = self.point(from?)?.2;
        let last = self.layout.lines[l].points.len() - 1;
        let lines = self.layout.lines.len();
        // A province with no point (none of its figures published) is stepped over.
        let next_line = |mut line: usize, down: bool| loop {
            line = match (down, line) {
                (true, x) if x + 1 < lines => x + 1,
                (false, x) if x > 0 => x - 1,
                _ => return None,
            };
            if !self.layout.lines[line].points.is_empty() {
                return Some(line);
            }
        };
        match to {
            Move::Next => self.mark(l, (p + 1).min(last)),
            Move::Previous => self.mark(l, p.saturating_sub(1)),
            Move::First => self.mark(l, 0),
            Move::Last => self.mark(l, last),
            Move::Up | Move::Down => match next_line(l, to == Move::Down) {
                Some(line) => self.across(line, issue),
                None => from,
            },
        }
    }

    fn region(&self, mark: usize) -> Option<Region> {
        let &(l, _) = self.points.get(mark)?;
        Some(self.layout.lines.get(l)?.region)
    }

    fn describe(&self, mark: usize) -> Option<String> {
        let (_, _, issue) = self.point(mark)?;
        self.model.describe(issue, self.region(mark)?)
    }

    /// Below the point, a little to its left.
    fn tip(&self, mark: usize) -> Option<Tip> {
        let (x, y, _) = self.point(mark)?;
        let d = self.layout.dpr;
        Some(Tip {
            left: (x / d - 80.0).max(0.0),
            top: y / d + 10.0,
            above: false,
        })
    }

    fn highlight(&self, mark: usize) -> Option<Highlight> {
        let (x, y, _) = self.point(mark)?;
        Some(Highlight::Ring {
            x,
            y,
            radius: 6.0 * self.layout.dpr,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
