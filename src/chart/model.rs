//! What a chart shows, derived from the data table: its title, periods, series, values,
//! the text of each bar's tooltip, and the CSV a reader can download.

use crate::bundle::{EconomicData, Figure};
use crate::format::format_zh_period;
use crate::format::{PrintedFigure, NOT_PUBLISHED};
use crate::i18n::{Lang, Msg};
use crate::region::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// GDP by region, with its growth in the labels.
    Gdp,
    /// Imports + exports by region, with its growth in the labels.
    Trade,
    /// GDP growth and trade growth side by side.
    Growth,
}

impl ChartKind {
    pub const ALL: [ChartKind; 3] = [ChartKind::Gdp, ChartKind::Trade, ChartKind::Growth];

    /// Used in element ids and file names.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Gdp => "gdp",
            ChartKind::Trade => "trade",
            ChartKind::Growth => "growth",
        }
    }
}

/// One bar series: its name and the months it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub period: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub kind: ChartKind,
    pub data: EconomicData,
    /// The interface language of the chart's own words and region names.
    pub lang: Lang,
}

impl ChartModel {
    pub fn new(kind: ChartKind, data: &EconomicData, lang: Lang) -> ChartModel {
        ChartModel {
            kind,
            data: data.clone(),
            lang,
        }
    }

    /// A region's name on the axis and in readouts.
    pub fn region_name(&self, region: Region) -> &'static str {
        region.name(self.lang)
    }

    fn gdp_period(&self) -> String {
        format_zh_period(&self.data.gdp.period.start, &self.data.gdp.period.end)
    }

    fn trade_period(&self) -> String {
        format_zh_period(&self.data.trade.period.start, &self.data.trade.period.end)
    }

    pub fn title(&self) -> String {
        let d = &self.data;
        match self.kind {
            ChartKind::Gdp => format!("{}（{}）", d.gdp.label, d.unit),
            ChartKind::Trade => format!("{}（{}）", d.trade.label, d.unit),
            ChartKind::Growth => self.lang.fill(Msg::GrowthTitle, &[&d.comparison_label]),
        }
    }

    /// The periods, said plainly: GDP and trade cover different months.
    pub fn subtitle(&self) -> String {
        let d = &self.data;
        match self.kind {
            ChartKind::Gdp => self
                .lang
                .fill(Msg::PeriodNote, &[&self.gdp_period(), &d.comparison_label]),
            ChartKind::Trade => self.lang.fill(
                Msg::PeriodNote,
                &[&self.trade_period(), &d.comparison_label],
            ),
            ChartKind::Growth => self.lang.fill(
                Msg::TwoPeriods,
                &[
                    &d.gdp.label,
                    &self.gdp_period(),
                    &d.trade.label,
                    &self.trade_period(),
                ],
            ),
        }
    }

    pub fn is_percent(&self) -> bool {
        self.kind == ChartKind::Growth
    }

    /// The axis unit: 億人民幣 or %.
    pub fn unit(&self) -> String {
        if self.is_percent() {
            "%".to_string()
        } else {
            self.data.unit.clone()
        }
    }

    pub fn series(&self) -> Vec<Series> {
        let gdp = Series {
            name: self.data.gdp.label.clone(),
            period: self.gdp_period(),
        };
        let trade = Series {
            name: self.data.trade.label.clone(),
            period: self.trade_period(),
        };
        match self.kind {
            ChartKind::Gdp => vec![gdp],
            ChartKind::Trade => vec![trade],
            ChartKind::Growth => vec![gdp, trade],
        }
    }

    /// Regions in the table's order.
    pub fn categories(&self) -> Vec<Region> {
        self.data.rows.iter().map(|r| r.region).collect()
    }

    /// The figure a bar stands for and the growth that goes with it (None: not published).
    fn figures(&self, series: usize, category: usize) -> (Option<Figure>, Option<Figure>) {
        let row = &self.data.rows[category];
        match (self.kind, series) {
            (ChartKind::Gdp, _) | (ChartKind::Growth, 0) => (row.gdp, row.gdp_yoy),
            _ => (row.trade, row.trade_yoy),
        }
    }

    /// The figure the bar draws: the amount, or the growth on the growth chart.
    fn drawn(&self, series: usize, category: usize) -> Option<Figure> {
        let (amount, growth) = self.figures(series, category);
        if self.is_percent() {
            growth
        } else {
            amount
        }
    }

    /// The bar's length on the value axis; None (no bar) for a figure not published.
    pub fn value(&self, series: usize, category: usize) -> Option<f64> {
        self.drawn(series, category).map(|f| f.value)
    }

    /// A figure as the chart prints it, or the words "not published".
    fn shown(&self, figure: Option<Figure>, percent: bool) -> String {
        match figure {
            Some(f) if percent => f.format_percent(),
            Some(f) => f.format_value(),
            None => self.lang.text(Msg::NotPublished).to_string(),
        }
    }

    /// The label printed beside the bar: the value, and the growth for amounts.
    pub fn label(&self, series: usize, category: usize) -> String {
        let (amount, growth) = self.figures(series, category);
        match (self.is_percent(), amount) {
            (true, _) => self.shown(growth, true),
            (false, None) => self.shown(None, false),
            (false, Some(_)) => format!(
                "{}（{}）",
                self.shown(amount, false),
                growth.format_percent()
            ),
        }
    }

    /// The value alone, for a bar too short for its full label.
    pub fn short_label(&self, series: usize, category: usize) -> String {
        self.shown(self.drawn(series, category), self.is_percent())
    }

    /// The tooltip and screen-reader text for a bar: region, value, growth and period.
    pub fn describe(&self, series: usize, category: usize) -> String {
        let (amount, growth) = self.figures(series, category);
        let s = &self.series()[series];
        let region = self.region_name(self.data.rows[category].region);
        self.lang.fill(
            Msg::BarReadout,
            &[
                &region,
                &s.name,
                &self.shown(amount, false),
                &self.data.unit,
                &self.data.comparison_label,
                &self.shown(growth, true),
                &s.period,
            ],
        )
    }

    /// Every figure of the chart in words, for screen readers: its description.
    pub fn describe_all(&self) -> String {
        (0..self.series().len())
            .flat_map(|s| (0..self.categories().len()).map(move |c| (s, c)))
            .map(|(s, c)| self.describe(s, c))
            .collect::<Vec<_>>()
            .join("；")
    }

    /// The chart's numbers as CSV, UTF-8 with a BOM so spreadsheets show the Chinese.
    pub fn csv(&self) -> String {
        let d = &self.data;
        let mut out = String::from("\u{feff}");
        let mut push_row = |fields: Vec<String>| {
            out.push_str(
                &fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push_str("\r\n");
        };
        let mut header = vec![d.region_label.clone()];
        for s in self.series() {
            header.push(format!("{}（{}）{}", s.name, d.unit, s.period));
            header.push(format!("{}（%）", d.comparison_label));
        }
        push_row(header);
        for (c, row) in d.rows.iter().enumerate() {
            let mut fields = vec![self.region_name(row.region).to_string()];
            for s in 0..self.series().len() {
                let (amount, growth) = self.figures(s, c);
                for figure in [amount, growth] {
                    fields.push(figure.map_or_else(
                        || NOT_PUBLISHED.to_string(),
                        |f| format!("{:.*}", f.decimals as usize, f.value),
                    ));
                }
            }
            push_row(fields);
        }
        push_row(vec![d.source.clone()]);
        out
    }
}
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
