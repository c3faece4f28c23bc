//! The image of a shared link's preview card (Open Graph, 1200 × 630): the issue's name and its
//! GDP chart, drawn at publish time by the same drawing as the canvas and the SVG, as a PNG.
//! Chat apps show no SVG, and a card needs text: a CJK font is read from the machine.

use super::draw::{draw_chart, FONT_FAMILY, LIGHT};
use super::{layout, ChartKind, ChartModel};
use crate::bundle::Issue;
use crate::filter::Filter;
use crate::i18n::Lang;
use plotters::prelude::*;
use plotters::style::FontStyle;

/// The card's size in pixels, as Open Graph and Twitter's large card ask.
pub const SIZE: (u32, u32) = (1200, 630);

const PAD: i32 = 48;

/// The chart on an issue's card (its title is the card's alt text).
pub fn card_chart(issue: &Issue) -> ChartModel {
    ChartModel::new(ChartKind::Gdp, &issue.economic_data, Lang::from(issue.lang))
}
/// Where the chart starts, below the two lines of heading.
const CHART_TOP: i32 = 150;

/// Uses `font` (a TrueType/OpenType file or collection with CJK glyphs) for every card drawn
/// from now on.
pub fn use_font(font: &'static [u8]) -> Result<(), String> {
    for style in [FontStyle::Normal, FontStyle::Bold] {
        plotters::style::register_font(FONT_FAMILY, style, font)
            .map_err(|_| "not a TrueType or OpenType font".to_string())?;
    }
    Ok(())
}

/// The issue's card as a PNG, its chart's words in its edition's script; `None` when the issue
/// has no GDP figures to draw.
pub fn card_png(issue: &Issue) -> Result<Option<Vec<u8>>, String> {
    let model = card_chart(issue);
    if model.categories().is_empty() {
        return Ok(None);
    }
    let (width, height) = SIZE;
    let mut rgb = vec![0_u8; (width * height * 3) as usize];
    draw_card(&mut rgb, issue, &model).map_err(|e| format!("the card could not be drawn: {e}"))?;
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // A card is fetched by every chat app a link is pasted in: small beats fast here.
        encoder.set_compression(png::Compression::Default);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    }
    Ok(Some(png))
}

fn draw_card(rgb: &mut [u8], issue: &Issue, model: &ChartModel) -> Result<(), String> {
    let (width, height) = SIZE;
    let root = BitMapBackend::with_buffer(rgb, SIZE).into_drawing_area();
    let failed = |e: DrawingAreaErrorKind<_>| e.to_string();
    root.fill(&LIGHT.background).map_err(failed)?;
    let text = |size: f64, colour: &'static RGBColor| {
        TextStyle::from((FONT_FAMILY, size).into_font()).color(colour)
    };
    let heading = issue.masthead.full_name();
    root.draw_text(&heading, &text(40.0, &LIGHT.text), (PAD, 40))
        .map_err(failed)?;
    let title = format!("{}　{}", model.title(), model.subtitle());
    root.draw_text(&title, &text(26.0, &LIGHT.muted), (PAD, 96))
        .map_err(failed)?;
    // The chart laid out as on a page 560 px wide, scaled to fill what is left of the card.
    let room = (
        (width as i32 - 2 * PAD) as f64,
        (height as i32 - CHART_TOP - PAD / 2) as f64,
    );
    let css_width = 560.0;
    let mut scale = room.0 / css_width;
    let mut chart = layout(model, css_width, scale);
    if chart.height > room.1 {
        scale *= room.1 / chart.height;
        chart = layout(model, room.0 / scale, scale);
    }
    let area = root
        .clone()
        .shrink((PAD, CHART_TOP), (chart.width as u32, chart.height as u32));
    draw_chart(&area, model, &chart, &Filter::default(), &LIGHT).map_err(failed)?;
    root.present().map_err(failed)
}
