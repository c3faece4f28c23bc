//! 經貿數據: GDP and trade by region, with both periods, the unit and the source. Chosen
//! provinces' rows are highlighted. On phones each row becomes a card (CSS, via data-label).

use crate::app::chart::Charts;
use crate::app::{use_lang, Nav};
use crate::bundle::{Figure, Issue};
use crate::filter::highlights;
use crate::format::format_zh_period;
use crate::format::PrintedFigure;
use crate::i18n::Msg;
use crate::page::Section;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DataTable(issue: Arc<Issue>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let d = issue.economic_data.clone();
    let gdp_period = format_zh_period(&d.gdp.period.start, &d.gdp.period.end);
    let trade_period = format_zh_period(&d.trade.period.start, &d.trade.period.end);
    let gdp_head = format!("{}（{}）{}", d.gdp.label, d.unit, gdp_period);
    let trade_head = format!("{}（{}）{}", d.trade.label, d.unit, trade_period);
    let gdp_cmp = format!("{}：{}", d.gdp.label, d.comparison_label);
    let trade_cmp = format!("{}：{}", d.trade.label, d.comparison_label);
    let lang = use_lang();
    let caption = lang.fill(
        Msg::DataCaption,
        &[
            &d.unit,
            &d.gdp.label,
            &gdp_period,
            &d.trade.label,
            &trade_period,
        ],
    );
    view! {
        <section id=Section::Data.id() class="part" aria-labelledby=Section::Data.heading_id()>
            <h2 id=Section::Data.heading_id()>{d.heading.clone()}</h2>
            <table class="data-table stacked">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{d.region_label.clone()}</th>
                        <th scope="col">{d.gdp.label.clone()}<br /><small>{format!("（{}）{gdp_period}", d.unit)}</small></th>
                        <th scope="col">{d.comparison_label.clone()}</th>
                        <th scope="col">{d.trade.label.clone()}<br /><small>{format!("（{}）{trade_period}", d.unit)}</small></th>
                        <th scope="col">{d.comparison_label.clone()}</th>
                    </tr>
                </thead>
                <tbody>
                    {d.rows
                        .iter()
                        .cloned()
                        .map(|row| {
                            let region = row.region;
                            let lit = move || nav.regions.with(|f| highlights(&row, f));
                            view! {
                                <tr data-region=region.id() class:highlight=lit>
                                    <th scope="row">{region.name(lang.script().into())}</th>
                                    <FigureCell label=gdp_head.clone() figure=row.gdp text=row.gdp.format_value() />
                                    <FigureCell label=gdp_cmp.clone() figure=row.gdp_yoy text=row.gdp_yoy.format_percent() />
                                    <FigureCell label=trade_head.clone() figure=row.trade text=row.trade.format_value() />
                                    <FigureCell label=trade_cmp.clone() figure=row.trade_yoy text=row.trade_yoy.format_percent() />
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="source">{d.source.clone()}</p>
            <Charts issue=issue.clone() />
        </section>
    }
}

/// A figure of the table, or a dash that says the newsletter did not publish one.
#[component]
fn FigureCell(label: String, figure: Option<Figure>, text: String) -> impl IntoView {
    // "— 未公佈": the dash the table prints, and the words that say why.
    let missing = figure.is_none().then(|| use_lang().text(Msg::NotPublished));
    let shown = match missing {
        Some(words) => format!("{text} {words}"),
        None => text,
    };
    view! { <td class="num" data-label=label title=missing>{shown}</td> }
}
