#![cfg(not(target_arch = "wasm32"))]
//! Chart models and geometry for no. 233: scales, bar rectangles, labels and the hit test.

mod common;
use common::*;
use sheto::chart::geometry::{css_height, nice_scale, text_width};
use sheto::chart::{hit, layout, ChartKind, ChartModel};
use sheto::region::Region;

fn model(kind: ChartKind) -> ChartModel {
    ChartModel::new(kind, &issue_233().economic_data, sheto::i18n::Lang::Hant)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.01
}

#[test]
fn zhejiang_gdp_bar_at_360_css_px_and_dpr_3() {
    let m = model(ChartKind::Gdp);
    let l = layout(&m, 360.0, 3.0);
    assert_eq!((l.width, l.height), (1080.0, 762.0));
    // Left margin: the widest region name (3 CJK characters at 13 px × 3) plus 12 px × 3.
    // Right margin: half of the last tick label 「40,000」 (6 × 0.6 em at 0.9 × 39 px) plus 4 px × 3.
    let right = 6.0 * 0.6 * 39.0 * 0.9 / 2.0 + 12.0;
    assert!(
        close(l.plot.x, 153.0) && close(l.plot.w, 1080.0 - 153.0 - right),
        "{:?}",
        l.plot
    );
    let zhejiang = m
        .categories()
        .iter()
        .position(|r| *r == Region::Zhejiang)
        .unwrap();
    assert_eq!(zhejiang, 4);
    let bar = &l.bars[zhejiang];
    // The scale runs 0–40,000: 23,684.0 is 504.36 of the plot's 851.82 device pixels.
    assert!(close(bar.rect.x, 153.0), "{:?}", bar.rect);
    assert!(close(bar.rect.w, 504.36), "{:?}", bar.rect);
    assert!(
        close(bar.rect.y, 579.0) && close(bar.rect.h, 78.0),
        "{:?}",
        bar.rect
    );
    let (cx, cy) = bar.rect.centre();
    let picked = hit(&l, cx, cy).unwrap();
    assert_eq!(m.categories()[l.bars[picked].category], Region::Zhejiang);
    assert_eq!(bar.label, "23,684.0（+6.0%）");
}

#[test]
fn every_bar_centre_maps_back_to_its_bar_at_every_size() {
    for kind in ChartKind::ALL {
        let m = model(kind);
        for width in [320.0, 360.0, 390.0, 430.0, 768.0, 1280.0] {
            for dpr in [1.0, 1.5, 2.0, 3.0] {
                let l = layout(&m, width, dpr);
                for (i, bar) in l.bars.iter().enumerate() {
                    let (x, y) = bar.rect.centre();
                    assert_eq!(hit(&l, x, y), Some(i), "{kind:?} {width}@{dpr}x bar {i}");
                    // A thin bar is tapped anywhere along its row.
                    assert_eq!(hit(&l, l.width - 1.0, y), Some(i));
                }
                assert_eq!(hit(&l, 10.0, 1.0), None, "above the plot");
                assert_eq!(hit(&l, 10.0, l.height - 1.0), None, "on the axis");
            }
        }
    }
}

#[test]
fn labels_stay_on_the_canvas_and_clear_of_other_bars() {
    for kind in ChartKind::ALL {
        let m = model(kind);
        for width in [320.0, 360.0, 390.0, 1280.0] {
            let l = layout(&m, width, 2.0);
            for bar in &l.bars {
                let w = text_width(&bar.label, l.font);
                assert!(
                    bar.label_x >= 0.0 && bar.label_x + w <= l.width + 0.5,
                    "{kind:?} {width}: {}",
                    bar.label
                );
                assert!(
                    bar.label
                        .starts_with(&m.short_label(bar.series, bar.category)),
                    "{}",
                    bar.label
                );
                if bar.label_inside {
                    assert!(
                        bar.label_x >= bar.rect.x && bar.label_x + w <= bar.rect.x + bar.rect.w,
                        "{}",
                        bar.label
                    );
                } else {
                    assert!(bar.label_x >= bar.rect.x + bar.rect.w, "{}", bar.label);
                }
            }
        }
    }
}

#[test]
fn growth_chart_groups_gdp_and_trade_per_region() {
    let m = model(ChartKind::Growth);
    let l = layout(&m, 390.0, 1.0);
    assert_eq!(l.bars.len(), 10);
    assert_eq!(l.legend.len(), 2);
    assert_eq!(l.legend[0].2, "地區生產總值（2026年1月至3月）");
    assert_eq!(l.legend[1].2, "進出口總額（2026年1月至4月）");
    for (swatch, text_x, text) in &l.legend {
        assert!(
            text_x + text_width(text, l.font) <= l.width,
            "legend fits at 390 px: {text} {swatch:?}"
        );
    }
    let anhui: Vec<_> = l
        .bars
        .iter()
        .filter(|b| m.categories()[b.category] == Region::Anhui)
        .collect();
    assert_eq!(
        anhui.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
        ["+5.8%", "+34.0%"]
    );
    assert!(anhui[0].rect.y < anhui[1].rect.y, "GDP above trade");
    let ticks: Vec<&str> = l.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(ticks, ["0%", "10%", "20%", "30%", "40%"]);
}

#[test]
fn titles_and_periods_say_which_months_each_measure_covers() {
    assert_eq!(model(ChartKind::Gdp).title(), "地區生產總值（億人民幣）");
    assert_eq!(
        model(ChartKind::Gdp).subtitle(),
        "2026年1月至3月；括號內為與2025年同期相比"
    );
    assert_eq!(
        model(ChartKind::Trade).subtitle(),
        "2026年1月至4月；括號內為與2025年同期相比"
    );
    assert_eq!(
        model(ChartKind::Growth).subtitle(),
        "地區生產總值為2026年1月至3月，進出口總額為2026年1月至4月（兩者月份不同）"
    );
    assert_eq!(
        model(ChartKind::Trade).describe(0, 2),
        "安徽省：進出口總額 3,929.5 億人民幣，與2025年同期相比 +34.0%（2026年1月至4月）"
    );
}

#[test]
fn scales_are_round() {
    assert_eq!(nice_scale(0.0, 34483.0, 5), (0.0, 40000.0, 10000.0));
    assert_eq!(nice_scale(0.0, 21965.4, 5), (0.0, 25000.0, 5000.0));
    assert_eq!(nice_scale(-12.0, 34.0, 5), (-20.0, 40.0, 10.0));
    let ticks: Vec<String> = layout(&model(ChartKind::Gdp), 390.0, 1.0)
        .ticks
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(ticks, ["0", "10,000", "20,000", "30,000", "40,000"]);
}

#[test]
fn negative_growth_draws_left_of_zero() {
    let mut data = issue_233().economic_data;
    data.rows[1].trade_yoy.as_mut().unwrap().value = -12.5;
    let m = ChartModel::new(ChartKind::Growth, &data, sheto::i18n::Lang::Hant);
    let l = layout(&m, 390.0, 1.0);
    let bar = l
        .bars
        .iter()
        .find(|b| b.category == 1 && b.series == 1)
        .unwrap();
    assert!(close(bar.rect.x + bar.rect.w, l.zero_x));
    assert!(bar.label_x + text_width(&bar.label, l.font) <= bar.rect.x + bar.rect.w + 0.01);
    assert_eq!(bar.label, "-12.5%");
}

#[test]
fn height_is_known_before_drawing() {
    assert_eq!(css_height(&model(ChartKind::Gdp)), 8.0 + 5.0 * 44.0 + 26.0);
    assert_eq!(
        layout(&model(ChartKind::Gdp), 390.0, 2.0).height,
        2.0 * css_height(&model(ChartKind::Gdp))
    );
}

#[test]
fn csv_has_a_bom_and_every_figure() {
    let csv = model(ChartKind::Growth).csv();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "省/市,地區生產總值（億人民幣）2026年1月至3月,與2025年同期相比（%）,進出口總額（億人民幣）2026年1月至4月,與2025年同期相比（%）"
    );
    assert_eq!(lines[1], "上海市,13526.9,5.9,16834.4,19.7");
    assert_eq!(lines[2], "江蘇省,34483.0,5.4,21965.4,19.0");
    assert_eq!(lines[6], "(數據錄自各省市政府相關網站)");
}

/// The chart's own words and region names follow the interface; the newsletter's labels stay.
#[test]
fn charts_speak_the_interface_language() {
    use sheto::i18n::Lang;
    let data = issue_233().economic_data;
    let en = ChartModel::new(ChartKind::Growth, &data, Lang::En);
    assert!(en.title().starts_with("Growth compared: "));
    assert!(en.subtitle().ends_with("(different months)"));
    assert!(en.describe(0, 0).starts_with("Shanghai: "));
    let hans = ChartModel::new(ChartKind::Gdp, &data, Lang::Hans);
    let jiangsu = data
        .rows
        .iter()
        .position(|r| r.region == Region::Jiangsu)
        .unwrap();
    assert!(hans.describe(0, jiangsu).starts_with("江苏省："));
    let layout = sheto::chart::layout(&en, 390.0, 2.0);
    assert!(layout.categories.iter().any(|(name, _)| name == "Zhejiang"));
}

/// The one interaction's view of a bar chart: what each key does, what a position hits, what a
/// mark says and where its tooltip goes.
mod interaction {
    use super::*;
    use sheto::chart::marks::{BarMarks, Highlight, KeyAction, Marks, Move};
    use std::sync::Arc;

    fn bars(kind: ChartKind, css_width: f64, dpr: f64) -> BarMarks {
        let m = Arc::new(model(kind));
        let layout = layout(&m, css_width, dpr);
        BarMarks { model: m, layout }
    }

    #[test]
    fn keys_name_what_they_do() {
        assert_eq!(
            KeyAction::from_key("ArrowDown"),
            Some(KeyAction::Move(Move::Down))
        );
        assert_eq!(
            KeyAction::from_key("Home"),
            Some(KeyAction::Move(Move::First))
        );
        assert_eq!(KeyAction::from_key("Enter"), Some(KeyAction::Toggle));
        assert_eq!(KeyAction::from_key(" "), Some(KeyAction::Toggle));
        assert_eq!(KeyAction::from_key("Escape"), Some(KeyAction::Clear));
        // Tab and letters stay the browser's: focus moves on, find-in-page works.
        assert_eq!(KeyAction::from_key("Tab"), None);
        assert_eq!(KeyAction::from_key("a"), None);
    }

    #[test]
    fn arrows_walk_the_bars_in_reading_order_and_stop_at_the_ends() {
        let b = bars(ChartKind::Growth, 390.0, 2.0);
        let n = b.layout.bars.len();
        assert_eq!(n, 10, "5 regions × GDP and trade");
        assert_eq!(b.start(), Some(0));
        assert_eq!(
            b.step(None, Move::Down),
            Some(0),
            "the first key shows the start"
        );
        assert_eq!(b.step(Some(0), Move::Down), Some(1));
        assert_eq!(b.step(Some(1), Move::Next), Some(2));
        assert_eq!(b.step(Some(2), Move::Up), Some(1));
        assert_eq!(b.step(Some(0), Move::Previous), Some(0));
        assert_eq!(b.step(Some(3), Move::Last), Some(n - 1));
        assert_eq!(b.step(Some(n - 1), Move::Next), Some(n - 1));
        assert_eq!(b.step(Some(7), Move::First), Some(0));
        // Reading order: 上海 GDP, 上海 trade, 江蘇 GDP…
        let regions: Vec<_> = (0..4).map(|i| b.region(i).unwrap()).collect();
        assert_eq!(
            regions,
            [
                Region::Shanghai,
                Region::Shanghai,
                Region::Jiangsu,
                Region::Jiangsu
            ]
        );
        assert!(b
            .describe(1)
            .unwrap()
            .starts_with("上海市：進出口總額 16,834.4"));
    }

    #[test]
    fn a_position_in_css_pixels_hits_the_bar_drawn_there() {
        for dpr in [1.0, 2.0, 3.0] {
            let b = bars(ChartKind::Gdp, 360.0, dpr);
            for (i, bar) in b.layout.bars.iter().enumerate() {
                let (x, y) = bar.rect.centre();
                assert_eq!(b.hit(x / dpr, y / dpr), Some(i), "dpr {dpr}");
            }
            assert_eq!(b.hit(-5.0, -5.0), None);
        }
    }

    #[test]
    fn tooltips_stay_inside_the_chart_and_hang_away_from_its_edges() {
        let b = bars(ChartKind::Gdp, 320.0, 2.0);
        let (width, height, dpr) = b.size();
        for i in 0..b.layout.bars.len() {
            let tip = b.tip(i).unwrap();
            assert!(tip.left >= 0.0 && tip.left <= width / dpr - 200.0 || tip.left == 0.0);
            assert!(tip.top >= 0.0 && tip.top <= height / dpr);
            // Bars in the lower half have their tooltip above them.
            let bar = b.layout.bars[i].rect;
            assert_eq!(tip.above, bar.y > height / 2.0);
        }
        let Some(Highlight::Band { outline, .. }) = b.highlight(2) else {
            panic!("a bar is highlighted by its band")
        };
        assert_eq!(outline, b.layout.bars[2].rect);
        assert_eq!(b.highlight(99), None);
    }
}
