#![cfg(not(target_arch = "wasm32"))]
//! The trend chart across issues, on a FIXTURE series (no. 233's figures shifted to make three
//! invented issues: never published, only for geometry).

mod common;
use common::*;
use sheto::bundle::GrowthSeries;
use sheto::chart::trend::{trend_hit, trend_layout, TrendMeasure, TrendModel};
use sheto::region::Region;

fn fixture_series() -> GrowthSeries {
    let real = issue_233();
    let issues: Vec<_> = (0..3)
        .map(|k| {
            let mut issue = real.clone();
            issue.number = 231 + k;
            issue.month = format!("2026-0{}", 3 + k);
            for row in &mut issue.economic_data.rows {
                if let Some(f) = row.gdp_yoy.as_mut() {
                    f.value += k as f64;
                }
                if let Some(f) = row.trade_yoy.as_mut() {
                    f.value -= 2.0 * k as f64;
                }
            }
            issue
        })
        .collect();
    GrowthSeries::of(&issues)
}

#[test]
fn one_line_per_province_one_point_per_issue() {
    let model = TrendModel {
        measure: TrendMeasure::Gdp,
        series: fixture_series(),
        lang: sheto::i18n::Lang::Hant,
    };
    let layout = trend_layout(&model, 390.0, 2.0);
    assert_eq!(layout.lines.len(), 5);
    assert!(layout.lines.iter().all(|l| l.points.len() == 3));
    let zhejiang = layout
        .lines
        .iter()
        .find(|l| l.region == Region::Zhejiang)
        .unwrap();
    // x runs over the issues, left to right; GDP growth rises by 1 point an issue here.
    assert!(
        zhejiang.points[0].0 < zhejiang.points[1].0 && zhejiang.points[1].0 < zhejiang.points[2].0
    );
    assert!(
        zhejiang.points[0].1 > zhejiang.points[2].1,
        "higher growth is higher up"
    );
    let labels: Vec<&str> = layout.x_labels.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["第231期", "第232期", "第233期"]);
}

#[test]
fn every_point_maps_back_to_itself() {
    for measure in [TrendMeasure::Gdp, TrendMeasure::Trade] {
        let model = TrendModel {
            measure,
            series: fixture_series(),
            lang: sheto::i18n::Lang::Hant,
        };
        for (width, dpr) in [(360.0, 3.0), (1280.0, 1.0)] {
            let layout = trend_layout(&model, width, dpr);
            for (l, line) in layout.lines.iter().enumerate() {
                for (p, &(x, y, _)) in line.points.iter().enumerate() {
                    // Points of regions with equal growth overlap: then either is right.
                    let (hl, hp) = trend_hit(&layout, x, y).unwrap();
                    let same = layout.lines[hl].points[hp];
                    assert!(
                        hp == p && (hl == l || (same.1 - y).abs() < 0.01),
                        "{measure:?} {width}: line {l} point {p}"
                    );
                }
            }
        }
    }
}

#[test]
fn tooltips_name_region_growth_issue_and_months() {
    let model = TrendModel {
        measure: TrendMeasure::Trade,
        series: fixture_series(),
        lang: sheto::i18n::Lang::Hant,
    };
    assert_eq!(
        model.describe(2, Region::Anhui).unwrap(),
        "安徽省：進出口總額增長 +30.0%（第233期，2026年1月至4月）"
    );
    assert_eq!(model.describe(9, Region::Anhui), None);
}

/// The trend with the bar charts' interaction: left and right walk the issues, up and down the
/// provinces at the same issue.
#[test]
fn keys_walk_issues_and_provinces() {
    use sheto::chart::marks::{Highlight, Marks, Move, TrendMarks};
    use std::sync::Arc;
    let model = Arc::new(TrendModel {
        measure: TrendMeasure::Trade,
        series: fixture_series(),
        lang: sheto::i18n::Lang::Hant,
    });
    let layout = trend_layout(&model, 390.0, 2.0);
    let t = TrendMarks::new(model, layout);
    let start = t.start().unwrap();
    assert_eq!(t.region(start), Some(Region::Shanghai));
    assert!(
        t.describe(start).unwrap().contains("第233期"),
        "the newest issue first"
    );
    let back = t.step(Some(start), Move::Previous).unwrap();
    assert!(t.describe(back).unwrap().contains("第232期"));
    assert_eq!(t.step(Some(back), Move::Next), Some(start));
    assert_eq!(
        t.step(Some(start), Move::Next),
        Some(start),
        "no issue after the newest"
    );
    let down = t.step(Some(back), Move::Down).unwrap();
    assert_eq!(t.region(down), Some(Region::Jiangsu));
    assert!(
        t.describe(down).unwrap().contains("第232期"),
        "same issue, next province"
    );
    assert_eq!(
        t.step(Some(back), Move::Up),
        Some(back),
        "no province above the first"
    );
    let first = t.step(Some(start), Move::First).unwrap();
    assert!(t.describe(first).unwrap().contains("第231期"));
    // What a position hits is the point drawn there; its ring is around that point.
    let (x, y, _) = t.layout.lines[1].points[1];
    let mark = t.hit(x / 2.0, y / 2.0).unwrap();
    assert_eq!(mark, down);
    assert_eq!(
        t.highlight(mark),
        Some(Highlight::Ring { x, y, radius: 12.0 })
    );
    let tip = t.tip(mark).unwrap();
    assert!(tip.left >= 0.0 && tip.top > y / 2.0);
}

#[test]
fn up_and_down_skip_a_province_with_no_figure_at_that_issue() {
    use sheto::chart::marks::{Marks, Move, TrendMarks};
    use std::sync::Arc;
    let mut series = fixture_series();
    // 江蘇 did not publish its trade growth in the middle issue.
    for row in &mut series.issues[1].rows {
        if row.region == Region::Jiangsu {
            row.trade_yoy = None;
        }
    }
    let model = Arc::new(TrendModel {
        measure: TrendMeasure::Trade,
        series,
        lang: sheto::i18n::Lang::Hant,
    });
    let layout = trend_layout(&model, 390.0, 2.0);
    let t = TrendMarks::new(model, layout);
    let shanghai_232 = t.step(t.start(), Move::Previous).unwrap();
    let below = t.step(Some(shanghai_232), Move::Down).unwrap();
    // The nearest issue 江蘇 has: 231 or 233, never a point that is not drawn.
    assert_eq!(t.region(below), Some(Region::Jiangsu));
    let said = t.describe(below).unwrap();
    assert!(
        said.contains("第231期") || said.contains("第233期"),
        "{said}"
    );
}
