//! The two tables: 經貿數據 (GDP and trade by region) and 經貿活動 (events by city). Cells are
//! tab-separated; a header repeated across a page break is dropped.

use crate::bundle::{
    CityEvents, DataRow, EconomicData, Event, EventColumns, Events, LinkNote, Measure, Period,
};
use crate::import::dates::{event_dates, period};
use crate::import::numbers::{parse_amount, parse_percent};
use crate::import::report::Report;
use crate::import::text::{
    as_url, collapse_cjk_spaces, ends_with_colon, excerpt, strip_trailing_colon, Block,
};
use crate::region::Region;

/// `地區生產總值 (億人民幣)` → (地區生產總值, 億人民幣)
fn label_and_unit(cell: &str) -> Option<(String, String)> {
    let cell = collapse_cjk_spaces(cell);
    let open = cell.find(['(', '（'])?;
    let unit = cell[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let label = cell[..open].trim();
    (!label.is_empty() && !unit.is_empty()).then(|| (label.to_string(), unit.trim().to_string()))
}

struct Header {
    region_label: String,
    gdp_label: String,
    trade_label: String,
    unit: String,
}

fn parse_header(cells: &[&str], block: &Block, report: &mut Report) -> Option<Header> {
    let labelled: Vec<_> = cells.iter().skip(1).filter(|c| !c.is_empty()).collect();
    let [gdp, trade] = labelled.as_slice() else {
        report.warn(
            block.line,
            "data table header: expected the GDP and trade column headings",
        );
        return None;
    };
    let (Some((gdp_label, unit)), Some((trade_label, trade_unit))) =
        (label_and_unit(gdp), label_and_unit(trade))
    else {
        report.warn(
            block.line,
            "data table header: expected headings like 地區生產總值 (億人民幣)",
        );
        return None;
    };
    if unit != trade_unit {
        report.warn(
            block.line,
            format!("data table: GDP in {unit} but trade in {trade_unit}; {unit} is kept"),
        );
    }
    Some(Header {
        region_label: cells[0].to_string(),
        gdp_label,
        trade_label,
        unit,
    })
}

fn parse_row(
    region: Region,
    cells: &[&str],
    block: &Block,
    report: &mut Report,
) -> Option<DataRow> {
    if cells.len() < 5 || cells[5..].iter().any(|c| !c.is_empty()) {
        report.warn(
            block.line,
            format!(
                "data table row {}: expected 4 figures, left out",
                region.name_zh()
            ),
        );
        return None;
    }
    let figures = (
        parse_amount(cells[1]),
        parse_percent(cells[2]),
        parse_amount(cells[3]),
        parse_percent(cells[4]),
    );
    let (Some(gdp), Some(gdp_yoy), Some(trade), Some(trade_yoy)) = figures else {
        let row = excerpt(&block.text.replace('\t', " | "));
        report.warn(
            block.line,
            format!("data table row cannot be read, left out: {row}"),
        );
        return None;
    };
    Some(DataRow {
        region,
        gdp,
        gdp_yoy,
        trade,
        trade_yoy,
    })
}

/// Parses 經貿數據; None (with an error) when the table is missing or unusable.
pub fn economic_data(
    heading: &Block,
    blocks: &[Block],
    report: &mut Report,
) -> Option<EconomicData> {
    let mut header: Option<(String, Header)> = None;
    let mut periods: Option<(String, Vec<String>)> = None;
    let mut rows: Vec<DataRow> = Vec::new();
    let mut source: Option<String> = None;

    for block in blocks {
        let cells = block.cells();
        let first = cells[0];
        if !block.is_table_row() {
            let text = block.text.trim();
            if source.is_none() && text.starts_with(['(', '（']) {
                source = Some(text.to_string());
            } else {
                report.unplaced(block, "經貿數據");
            }
        } else if let Some(region) = Region::from_zh(first) {
            if rows.iter().any(|r| r.region == region) {
                report.warn(
                    block.line,
                    format!(
                        "data table: {} appears twice; the second row is left out",
                        region.name_zh()
                    ),
                );
            } else if let Some(row) = parse_row(region, &cells, block, report) {
                rows.push(row);
            }
        } else if first.is_empty() {
            let cells: Vec<String> = cells.iter().map(|c| collapse_cjk_spaces(c)).collect();
            match &periods {
                Some((seen, _)) if *seen == block.text => {
                    report.info(block.line, "repeated table header dropped")
                }
                Some(_) => report.warn(
                    block.line,
                    "data table: a second, different header row is left out",
                ),
                None => periods = Some((block.text.to_string(), cells)),
            }
        } else if header.is_none() && cells.iter().any(|c| c.contains(['(', '（'])) {
            header = parse_header(&cells, block, report).map(|h| (block.text.to_string(), h));
        } else if header.as_ref().is_some_and(|(seen, _)| *seen == block.text) {
            report.info(block.line, "repeated table header dropped");
        } else {
            report.warn(
                block.line,
                format!("data table: unknown region 「{first}」, row left out"),
            );
        }
    }

    let Some((_, header)) = header else {
        report.error(
            heading.line,
            "data table (經貿數據) has no header row with 地區生產總值 and 進出口總額",
        );
        return None;
    };
    let Some((_, period_cells)) = periods else {
        report.error(
            heading.line,
            "data table (經貿數據) has no row of periods (2026年1月至3月…)",
        );
        return None;
    };
    let labelled: Vec<&String> = period_cells.iter().filter(|c| !c.is_empty()).collect();
    let (gdp_period, trade_period, comparison) = match labelled.as_slice() {
        [gdp, cmp, trade, _] => (period(gdp), period(trade), cmp.to_string()),
        _ => (None, None, String::new()),
    };
    let (Some(gdp_period), Some(trade_period)) = (gdp_period, trade_period) else {
        report.error(
            heading.line,
            "data table (經貿數據): cannot read its two periods (like 2026年 1月至3月)",
        );
        return None;
    };
    if rows.is_empty() {
        report.error(heading.line, "data table (經貿數據) has no rows");
        return None;
    }
    let source = source.unwrap_or_else(|| {
        report.warn(heading.line, "data table has no source note (數據錄自…)");
        String::new()
    });
    let measure = |label: String, (start, end): (String, String)| Measure {
        label,
        period: Period { start, end },
    };
    Some(EconomicData {
        heading: heading.text.trim().to_string(),
        region_label: header.region_label,
        unit: header.unit,
        gdp: measure(header.gdp_label, gdp_period),
        trade: measure(header.trade_label, trade_period),
        comparison_label: comparison,
        rows,
        source,
    })
}

fn columns(cells: &[&str]) -> Option<EventColumns> {
    match cells {
        [date, name, venue, organisers, url] if *date == "時間" => Some(EventColumns {
            date: date.to_string(),
            name: name.to_string(),
            venue: venue.to_string(),
            organisers: organisers.to_string(),
            url: url.to_string(),
        }),
        _ => None,
    }
}

fn event(cells: &[&str], block: &Block, report: &mut Report) -> Option<Event> {
    let [date, name, venue, organisers, url] = cells else {
        let row = excerpt(&block.text.replace('\t', " | "));
        report.warn(
            block.line,
            format!(
                "event row has {} cells, expected 5; left out: {row}",
                cells.len()
            ),
        );
        return None;
    };
    let Some((start, end)) = event_dates(date) else {
        report.warn(
            block.line,
            format!("cannot read the event dates 「{date}」; event left out"),
        );
        return None;
    };
    if url.contains(char::is_whitespace) {
        report.warn(
            block.line,
            format!("event link has a space in it, kept as printed: {url}"),
        );
    }
    Some(Event {
        start,
        end,
        name: name.to_string(),
        venue: venue.to_string(),
        organisers: organisers
            .split('、')
            .map(|o| o.trim().to_string())
            .collect(),
        url: url.to_string(),
    })
}

/// Parses 經貿活動: city headings (上海：), a header row, event rows, and a closing link note.
pub fn events(heading: &Block, blocks: &[Block], report: &mut Report) -> Events {
    let mut cols: Option<EventColumns> = None;
    let mut cities: Vec<CityEvents> = Vec::new();
    let mut more_text: Option<String> = None;
    let mut more: Option<LinkNote> = None;

    for block in blocks {
        let text = block.text.trim();
        let cells = block.cells();
        let city = ends_with_colon(text)
            .then(|| Region::from_zh(strip_trailing_colon(text)))
            .flatten();
        if let Some(city) = city {
            let heading = strip_trailing_colon(text).to_string();
            cities.push(CityEvents {
                city,
                heading,
                events: vec![],
            });
        } else if let Some(c) = columns(&cells) {
            match &cols {
                Some(seen) if *seen != c => report.warn(
                    block.line,
                    "events table: a different header row; the first is kept",
                ),
                Some(_) => {}
                None => cols = Some(c),
            }
        } else if block.is_table_row() {
            match cities.last_mut() {
                Some(city) => city.events.extend(event(&cells, block, report)),
                None => report.unplaced(block, "經貿活動 (an event before any city heading)"),
            }
        } else if let (Some(text), Some(url)) = (&more_text, as_url(text)) {
            more = Some(LinkNote {
                text: text.clone(),
                url: url.to_string(),
            });
            more_text = None;
        } else if ends_with_colon(text) && more.is_none() && more_text.is_none() {
            more_text = Some(text.to_string());
        } else {
            report.unplaced(block, "經貿活動");
        }
    }
    if let Some(text) = more_text {
        report.warn(
            heading.line,
            format!("「{}」 has no link after it", excerpt(&text)),
        );
    }
    let columns = cols.unwrap_or_else(|| {
        report.warn(
            heading.line,
            "events table has no header row (時間 活動 地點 主辦機構 網址)",
        );
        EventColumns {
            date: String::new(),
            name: String::new(),
            venue: String::new(),
            organisers: String::new(),
            url: String::new(),
        }
    });
    Events {
        heading: heading.text.trim().to_string(),
        columns,
        cities,
        more,
    }
}
