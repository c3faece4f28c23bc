//! The two tables: 經貿數據 (GDP and trade by region) and 經貿活動 (events by city). Cells are
//! tab-separated (a data table typed with spaces is read from its figures' shapes); a header is
//! read from its words' kinds however the PDF cut or joined its rows, and a header repeated
//! across a page break is dropped.

use crate::bundle::Figure;
use crate::bundle::{
    CityEvents, DataRow, EconomicData, Event, EventColumns, Events, LinkNote, Measure, Period,
};
use crate::import::dates::{event_dates, period};
use crate::import::numbers::{is_missing_mark, parse_amount, parse_percent, Cell};
use crate::import::report::Report;
use crate::import::text::{
    as_url, collapse_cjk_spaces, ends_with_colon, excerpt, strip_trailing_colon, Block,
};
use crate::region::{city_region, Region};

/// The cells of a table line: tab-separated when the PDF kept tabs, else its words.
fn cells_of(block: &Block) -> Vec<String> {
    if block.is_table_row() {
        block
            .text
            .split('\t')
            .map(|c| c.trim().to_string())
            .collect()
    } else {
        block.text.split_whitespace().map(str::to_string).collect()
    }
}

/// Whether a cell is a figure as the data table prints them (13,526.9, +5.9%).
fn is_figure(cell: &str) -> bool {
    parse_amount(cell).is_some() || parse_percent(cell).is_some()
}

/// A line of the data table that holds figures (a region's row, known or not).
fn is_data_line(cells: &[String]) -> bool {
    cells.iter().skip(1).filter(|c| is_figure(c)).count() >= 2
        || (Region::from_zh(&cells[0]).is_some() && cells.len() > 1)
}

/// A piece of the header: a heading's text, a unit in brackets, or a period.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Text(String),
    Unit(String),
    Period((String, String)),
}

/// The header's pieces, however the PDF cut or joined its rows. In a tab-separated line the
/// words of one cell that are neither a unit nor a period are one text (`與2025年同 期相比`); in
/// a line typed with spaces each word stands alone.
fn header_tokens(lines: &[&Block], report: &mut Report) -> Vec<Tok> {
    let mut toks = Vec::new();
    for block in lines {
        let cells: Vec<&str> = if block.is_table_row() {
            block.text.split('\t').collect()
        } else {
            vec![block.text]
        };
        for cell in cells {
            let mut words: Vec<String> = Vec::new();
            for word in cell.split_whitespace() {
                // `地區生產總值(億人民幣)`: a heading glued to its unit; `(億人民幣)2026年1月至3月`:
                // a unit glued to the period below it.
                let (head, unit) = match word.find(['(', '（']) {
                    Some(at) if at > 0 => (&word[..at], &word[at..]),
                    _ => ("", word),
                };
                if !head.is_empty() {
                    words.push(head.to_string());
                }
                match unit
                    .find([')', '）'])
                    .map(|at| at + unit[at..].chars().next().map_or(1, char::len_utf8))
                {
                    Some(end) if unit.starts_with(['(', '（']) && end < unit.len() => {
                        words.push(unit[..end].to_string());
                        words.push(unit[end..].to_string());
                    }
                    _ => words.push(unit.to_string()),
                }
            }
            let mut in_cell_text = false;
            let mut i = 0;
            while i < words.len() {
                if let Some((p, used)) = period_at(&words[i..]) {
                    toks.push(Tok::Period(p));
                    in_cell_text = false;
                    i += used;
                    continue;
                }
                let w = &words[i];
                if is_unit(w) && unit_of(w) == "%" {
                    // `與2025年同期相比 (%)`: the growth columns' unit, which their figures say.
                    report.note(
                        block.line,
                        "percent unit",
                        "data table: (%) after a growth heading read as the columns' unit".into(),
                    );
                } else if is_unit(w) {
                    toks.push(Tok::Unit(unit_of(w)));
                    in_cell_text = false;
                } else if let (true, Some(Tok::Text(t))) = (in_cell_text, toks.last_mut()) {
                    t.push(' ');
                    t.push_str(w);
                } else {
                    toks.push(Tok::Text(w.clone()));
                    in_cell_text = block.is_table_row();
                }
                i += 1;
            }
        }
    }
    toks
}

fn is_unit(token: &str) -> bool {
    token.starts_with(['(', '（']) && token.ends_with([')', '）'])
}

fn unit_of(token: &str) -> String {
    token
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim()
        .to_string()
}

/// A period made of the next one to four words (`2026年` `1月至3月`), and how many it took: the
/// longest that reads, so `2026年1月` `至3月` is one period, not a month and a stray word.
fn period_at(words: &[String]) -> Option<((String, String), usize)> {
    (1..=words.len().min(4)).rev().find_map(|k| {
        let joined: String = words[..k].concat();
        period(&joined).map(|p| (p, k))
    })
}

/// What the header rows say, found from their pieces' kinds rather than their positions.
struct Header {
    /// Trade's columns come before GDP's.
    swapped: bool,
    region_label: String,
    gdp_label: String,
    trade_label: String,
    unit: String,
    gdp_period: (String, String),
    trade_period: (String, String),
    comparison: String,
}

/// Reads the header from its lines, or says what it lacks. A run of texts followed by k units
/// ends with the k headings those units belong to; the texts before them are the region
/// column's heading (before any period) or a growth column's heading (after a period).
fn parse_header(lines: &[&Block], report: &mut Report) -> Result<Header, String> {
    let toks = header_tokens(lines, report);
    let mut region: Vec<String> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut units: Vec<String> = Vec::new();
    let mut periods: Vec<(String, String)> = Vec::new();
    let mut comparisons: Vec<Vec<String>> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut i = 0;
    while i <= toks.len() {
        if let Some(Tok::Text(t)) = toks.get(i) {
            run.push(collapse_cjk_spaces(t));
            i += 1;
            continue;
        }
        // The run ends: at units, at a period, or at the end.
        let mut k = 0;
        while let Some(Tok::Unit(u)) = toks.get(i + k) {
            units.push(u.clone());
            k += 1;
        }
        if k > run.len() {
            return Err(format!(
                "{k} unit(s) in brackets with no heading before them"
            ));
        }
        let rest: Vec<String> = run.drain(..run.len() - k).collect();
        labels.append(&mut run);
        match comparisons.last_mut() {
            None => region.extend(rest),
            Some(c) => c.extend(rest),
        }
        i += k;
        if let Some(Tok::Period(p)) = toks.get(i) {
            periods.push(p.clone());
            comparisons.push(vec![]);
            i += 1;
        } else if k == 0 {
            i += 1;
        }
    }
    if units.is_empty() {
        return Err("no unit in brackets, like (億人民幣)".into());
    }
    let [gdp_label, trade_label] = <[String; 2]>::try_from(labels.clone()).map_err(|_| {
        format!(
            "expected two headings with units (地區生產總值 (億人民幣), 進出口總額 (億人民幣)), found {}",
            labels.len()
        )
    })?;
    if let Some(p) = region
        .iter()
        .find(|t| t.contains('年') && t.contains(|c: char| c.is_ascii_digit()))
    {
        return Err(format!(
            "cannot read the period 「{p}」 (expected like 2026年1月至3月, 2025年全年, 2026年第一季度)"
        ));
    }
    if region.len() > 1 {
        return Err(format!(
            "cannot tell its headings apart: 「{}」 stand before 「{gdp_label}」",
            region.join(" ")
        ));
    }
    let gdp_like = |l: &str| {
        ["生產總值", "GDP", "生产总值"]
            .iter()
            .any(|w| l.contains(w))
    };
    let trade_like = |l: &str| {
        ["進出口", "进出口", "貿易", "外貿"]
            .iter()
            .any(|w| l.contains(w))
    };
    let swapped = match (gdp_like(&gdp_label), trade_like(&trade_label)) {
        (true, true) => false,
        _ if trade_like(&gdp_label) && gdp_like(&trade_label) => true,
        _ => {
            return Err(format!(
                "cannot tell which column is GDP (地區生產總值) and which is trade (進出口總額): \
                 the headings are 「{gdp_label}」 and 「{trade_label}」"
            ))
        }
    };
    if units.len() == 2 && units[0] != units[1] {
        report.warn(
            lines[0].line,
            format!(
                "data table: GDP in {} but trade in {}; {} is kept",
                units[0], units[1], units[0]
            ),
        );
    }
    let [mut gdp_period, mut trade_period] = <[(String, String); 2]>::try_from(periods.clone())
        .map_err(|_| {
            format!(
                "expected two periods like 2026年 1月至3月, found {}",
                periods.len()
            )
        })?;
    let (mut gdp_label, mut trade_label) = (gdp_label, trade_label);
    if swapped {
        // Trade printed before GDP: each column keeps its own heading, period and figures.
        std::mem::swap(&mut gdp_label, &mut trade_label);
        std::mem::swap(&mut gdp_period, &mut trade_period);
        report.warn(
            lines[0].line,
            format!(
                "data table: 「{trade_label}」 is printed before 「{gdp_label}」; each column is \
                 read under its own heading"
            ),
        );
    }
    let comparisons: Vec<String> = comparisons.iter().map(|w| w.concat()).collect();
    let comparison = comparisons
        .iter()
        .find(|c| !c.is_empty())
        .cloned()
        .unwrap_or_default();
    if comparisons
        .iter()
        .any(|c| !c.is_empty() && *c != comparison)
    {
        report.warn(
            lines[0].line,
            format!(
                "data table: the growth columns are headed differently; 「{comparison}」 is kept"
            ),
        );
    }
    // `與2025年同期相比` cut as `與2025年同期相` / `比` by a narrow column: a piece alone is
    // no heading.
    let whole = comparison.chars().count() >= 4 || comparison.contains("同期");
    if !comparison.is_empty() && !whole {
        return Err(format!(
            "the growth columns' heading reads 「{comparison}」, which looks cut from a longer one \
             (與2025年同期相比)"
        ));
    }
    if comparison.is_empty() {
        report.warn(
            lines[0].line,
            "data table: no heading for the growth columns (與…同期相比)",
        );
    }
    let region_label = region.pop().unwrap_or_default();
    if region_label.is_empty() {
        report.warn(
            lines[0].line,
            "data table: no heading for the region column (省/市)",
        );
    }
    Ok(Header {
        swapped,
        region_label,
        gdp_label,
        trade_label,
        unit: units[0].clone(),
        gdp_period,
        trade_period,
        comparison,
    })
}

/// A row typed with spaces: its figures found from their shapes. `34 483.0` is one amount with
/// a space between thousands; a dash or a slash stands for a figure not published.
fn spaced_figures(words: &[String]) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let groups_thousands = |prev: &String| {
            prev.len() <= 3
                && prev.bytes().all(|b| b.is_ascii_digit())
                && w.len() >= 3
                && w.bytes().take(3).all(|b| b.is_ascii_digit())
                && w[3..].bytes().all(|b| b == b'.' || b.is_ascii_digit())
                && (w.len() == 3 || w.as_bytes()[3] == b'.')
        };
        match out.last_mut() {
            Some(prev) if groups_thousands(prev) => prev.push_str(w),
            _ => out.push(w.clone()),
        }
    }
    (out.len() == 4).then_some(out)
}

/// A province's row: four figures, each read or marked as not published.
fn parse_row(
    region: Region,
    block: &Block,
    swapped: bool,
    report: &mut Report,
) -> Result<DataRow, ()> {
    let cells = cells_of(block);
    let name = region.name_zh();
    let figures: Vec<String> = if block.is_table_row() {
        let mut f: Vec<String> = cells[1..].to_vec();
        while f.len() > 4 && f.last().is_some_and(String::is_empty) {
            f.pop();
        }
        if f.len() < 4 {
            // Which columns the figures belong to cannot be told: never guessed.
            report.error(
                block.line,
                format!(
                    "data table row {name} has {} figure cells, expected 4 (GDP, its growth, trade, \
                     its growth): which columns they belong to cannot be told; print — or leave \
                     an empty cell between tabs for a figure not published",
                    f.len()
                ),
            );
            return Err(());
        }
        f
    } else {
        match spaced_figures(&cells[1..]) {
            Some(f) => {
                report.info(
                    block.line,
                    "data table row typed with spaces: its four figures found from their shapes",
                );
                f
            }
            None => {
                report.error(
                    block.line,
                    format!(
                        "data table row {name}: columns are expected to be tab-separated; this \
                         line has spaces and its four figures cannot be told apart: 「{}」",
                        excerpt(block.text)
                    ),
                );
                return Err(());
            }
        }
    };
    if figures.len() > 4 {
        let row = excerpt(&block.text.replace('\t', " | "));
        report.warn(
            block.line,
            format!(
                "data table row {name}: expected 4 figures, found {}; left out: {row}",
                figures.len()
            ),
        );
        return Err(());
    }
    let names = if swapped {
        ["trade", "trade growth", "GDP", "GDP growth"]
    } else {
        ["GDP", "GDP growth", "trade", "trade growth"]
    };
    let mut read: [Option<Figure>; 4] = [None; 4];
    for (k, text) in figures.iter().enumerate() {
        match Cell::read(text, k % 2 == 1) {
            Cell::Figure(f) => read[k] = Some(f),
            Cell::Missing => {
                let shown = if text.is_empty() {
                    "an empty cell"
                } else {
                    text.as_str()
                };
                report.warn(
                    block.line,
                    format!(
                        "data table row {name}: {} printed as 「{shown}」: kept as not published",
                        names[k]
                    ),
                );
            }
            Cell::Unreadable => {
                let row = excerpt(&block.text.replace('\t', " | "));
                report.warn(
                    block.line,
                    format!(
                        "data table row cannot be read ({} 「{text}」), left out: {row}",
                        names[k]
                    ),
                );
                return Err(());
            }
        }
    }
    if swapped {
        read.swap(0, 2);
        read.swap(1, 3);
    }
    Ok(DataRow {
        region,
        gdp: read[0],
        gdp_yoy: read[1],
        trade: read[2],
        trade_yoy: read[3],
    })
}

/// A region's row the PDF cut in two (`上海市 13,526.9 +5.9%` / `16,834.4 +19.7%`): a line of
/// figures only, after a row with fewer than four, is joined to it.
fn join_cut_rows(blocks: &[Block], report: &mut Report) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let cells = cells_of(block);
        let figures_only = block.is_table_row()
            && cells.iter().any(|c| is_figure(c))
            && cells
                .iter()
                .all(|c| c.is_empty() || is_figure(c) || is_missing_mark(c));
        let short_row = out.last().is_some_and(|(_, prev)| {
            let b = Block {
                line: 0,
                text: prev,
            };
            let prev_cells = cells_of(&b);
            b.is_table_row()
                && Region::from_zh(&prev_cells[0]).is_some()
                && prev_cells.iter().skip(1).filter(|c| !c.is_empty()).count() < 4
        });
        match out.last_mut() {
            Some((line, prev)) if figures_only && short_row => {
                let rest = block.text.trim_start_matches('\t');
                prev.push('\t');
                prev.push_str(rest);
                report.note(
                    block.line,
                    "cut row",
                    format!(
                        "figures on this line joined to the row on line {line}, cut by the PDF"
                    ),
                );
            }
            _ => out.push((block.line, block.text.to_string())),
        }
    }
    out
}

/// The text of a line with its spaces and tabs taken out, to recognise a repeated header.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses 經貿數據; None (with an error) when the table is missing or unusable.
pub fn economic_data(
    heading: &Block,
    blocks: &[Block],
    report: &mut Report,
) -> Option<EconomicData> {
    let merged = join_cut_rows(blocks, report);
    let blocks: Vec<Block> = merged
        .iter()
        .map(|(line, text)| Block { line: *line, text })
        .collect();
    let mut header_lines: Vec<&Block> = Vec::new();
    // Rows are read once the header has said which column is which.
    let mut row_lines: Vec<(Region, &Block)> = Vec::new();
    let mut source: Option<String> = None;
    let mut seen_data = false;

    for block in &blocks {
        let cells = cells_of(block);
        let text = block.text.trim();
        if is_data_line(&cells) {
            seen_data = true;
            match Region::from_zh(&cells[0]) {
                Some(region) if row_lines.iter().any(|(r, _)| *r == region) => report.warn(
                    block.line,
                    format!(
                        "data table: {} appears twice; the second row is left out",
                        region.name_zh()
                    ),
                ),
                Some(region) => row_lines.push((region, block)),
                None => report.warn(
                    block.line,
                    format!("data table: unknown region 「{}」, row left out", cells[0]),
                ),
            }
        } else if !seen_data {
            header_lines.push(block);
        } else if source.is_none()
            && !block.is_table_row()
            && !header_lines
                .iter()
                .any(|h| squeezed(h.text).contains(&squeezed(text)))
        {
            // The note under the table: (數據錄自…), or printed without its brackets.
            source = Some(text.to_string());
        } else if header_lines
            .iter()
            .any(|h| squeezed(h.text).contains(&squeezed(text)))
        {
            report.info(block.line, "repeated table header dropped");
        } else {
            report.unplaced(block, "經貿數據");
        }
    }
    // Lines before the header that are not part of it (a stray sentence) are reported.
    let first_header = header_lines
        .iter()
        .position(|b| b.is_table_row() || b.text.contains(['(', '（']) || b.text.contains("地區"));
    if let Some(k) = first_header {
        for stray in header_lines.drain(..k) {
            report.unplaced(stray, "經貿數據");
        }
    }
    if header_lines.is_empty() {
        report.error(
            heading.line,
            "data table (經貿數據) has no header row (省/市, 地區生產總值 (億人民幣), 進出口總額 (億人民幣), periods)",
        );
        return None;
    }
    let header = match parse_header(&header_lines, report) {
        Ok(h) => h,
        Err(why) => {
            let typed = if header_lines.iter().all(|b| !b.is_table_row()) {
                "; columns are expected to be tab-separated"
            } else {
                ""
            };
            report.error(
                header_lines[0].line,
                format!("data table (經貿數據) header cannot be read: {why}{typed}"),
            );
            return None;
        }
    };
    let mut rows: Vec<DataRow> = Vec::new();
    for (region, block) in row_lines {
        if let Ok(row) = parse_row(region, block, header.swapped, report) {
            rows.push(row);
        }
    }
    if report.has_errors() {
        return None;
    }
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
        gdp: measure(header.gdp_label, header.gdp_period),
        trade: measure(header.trade_label, header.trade_period),
        comparison_label: header.comparison,
        rows,
        source,
    })
}

/// What each events column holds, by its heading: date, name, venue, organisers, link.
const COLUMN_NAMES: [&[&str]; 5] = [
    &["時間", "日期", "展期", "舉辦日期", "时间"],
    &["活動", "活動名稱", "名稱", "展覽", "展覽名稱", "活动"],
    &["地點", "場地", "舉辦地點", "地点"],
    &["主辦機構", "主辦單位", "主辦", "主办机构"],
    &["網址", "網站", "連結", "网址"],
];

/// The events table's header: 時間 活動 地點 主辦機構 網址 (tab-separated or spaced), and for
/// each of those the cell holding it in the rows: a table printed with its columns in another
/// order is read by its headings, not by position.
fn columns(block: &Block) -> Option<(EventColumns, [usize; 5])> {
    let cells: Vec<String> = cells_of(block)
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() != 5 {
        return None;
    }
    let role = |cell: &str| COLUMN_NAMES.iter().position(|names| names.contains(&cell));
    let mut order = [0, 1, 2, 3, 4];
    let roles: Vec<Option<usize>> = cells.iter().map(|c| role(c)).collect();
    let all_known = (0..5).all(|r| roles.iter().filter(|x| **x == Some(r)).count() == 1);
    if all_known {
        for (cell, r) in roles.iter().enumerate() {
            order[r.unwrap_or(cell)] = cell;
        }
    } else if roles[0] != Some(0) {
        // Not an events header (the date column is always named).
        return None;
    }
    let [date, name, venue, organisers, url] = order.map(|i| cells[i].clone());
    Some((
        EventColumns {
            date,
            name,
            venue,
            organisers,
            url,
        },
        order,
    ))
}

/// A row made only of column headings (時間 活動 地點…), whatever their number.
fn is_header_like(cells: &[&str]) -> bool {
    let words: Vec<&&str> = cells.iter().filter(|c| !c.is_empty()).collect();
    words.len() >= 2
        && words
            .iter()
            .all(|c| COLUMN_NAMES.iter().any(|names| names.contains(c)))
}

fn event(cells: &[&str], order: [usize; 5], block: &Block, report: &mut Report) -> Option<Event> {
    // Empty cells a PDF leaves after the last column are not columns.
    let mut cells = cells.to_vec();
    while cells.len() > 5 && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    // Four cells and no link among them: the 網址 column (the last) was left empty.
    if cells.len() == 4 && order[4] == 4 && as_url(cells[3]).is_none() {
        cells.push("");
    }
    let in_order = (cells.len() == 5).then(|| order.map(|i| cells[i]));
    let Some([date, name, venue, organisers, url]) = in_order else {
        let row = excerpt(&block.text.replace('\t', " | "));
        report.warn(
            block.line,
            format!(
                "event row has {} cells, expected 5 (時間, 活動, 地點, 主辦機構, 網址); left out: {row}",
                cells.len()
            ),
        );
        return None;
    };
    let (start, end, dates) = match event_dates(date) {
        Some(range) => {
            if range.next_year {
                report.note(
                    block.line,
                    "new year",
                    format!(
                        "event dates 「{date}」 cross the new year: read as {} to {}",
                        range.start, range.end
                    ),
                );
            }
            (Some(range.start), Some(range.end), None)
        }
        None => {
            report.warn(
                block.line,
                format!(
                    "cannot read the event dates 「{date}」 as days: the event is kept with its \
                     dates as printed and no calendar date"
                ),
            );
            (None, None, Some(date.to_string()))
        }
    };
    let www = url.to_ascii_lowercase().starts_with("www.") && !url.contains(char::is_whitespace);
    let url = match as_url(url) {
        Some(u) => {
            let rest = crate::import::text::url_rest(url);
            if !rest.is_empty() {
                report.warn(
                    block.line,
                    format!(
                        "text after the event's link left out of it: 「{rest}」 (the link is {u})"
                    ),
                );
            }
            u.to_string()
        }
        None if url.is_empty() || crate::import::numbers::is_missing_mark(url) => {
            report.warn(
                block.line,
                format!("event 「{}」 has no 網址: kept with no link", excerpt(name)),
            );
            String::new()
        }
        // `www.csitf.com`, as printed programmes give it.
        None if www => {
            let u = format!("http://{url}");
            report.warn(
                block.line,
                format!("event link printed without http://: read as {u}"),
            );
            u
        }
        None => {
            report.warn(
                block.line,
                format!(
                    "event 「{}」: its 網址 cell holds no link: 「{url}」",
                    excerpt(name)
                ),
            );
            url.to_string()
        }
    };
    if url.contains(char::is_whitespace) {
        report.warn(
            block.line,
            format!("event link has a space in it, kept as printed: {url}"),
        );
    }
    for (cell, column) in [(venue, "地點"), (organisers, "主辦機構")] {
        if cell.is_empty() {
            report.warn(
                block.line,
                format!(
                    "event 「{}」 has no {column}: kept with none",
                    excerpt(name)
                ),
            );
        }
    }
    Some(Event {
        start,
        end,
        dates,
        name: name.to_string(),
        venue: venue.to_string(),
        organisers: organisers
            .split('、')
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect(),
        url,
    })
}

/// `杭州：` before a table: a city heading. A known city gives its region; another short name
/// is taken as a city (with a warning) only when a table follows it, so the closing note
/// (有關更多…：) is never mistaken for one.
fn city_heading(block: &Block, next: Option<&Block>, report: &mut Report) -> Option<CityEvents> {
    let text = block.text.trim();
    let table_follows = next.is_some_and(|b| b.is_table_row() || columns(b).is_some());
    // `上海：`, or `上海` alone on its line right before its table.
    let bare_known = table_follows && city_region(text).is_some();
    if !(ends_with_colon(text) || bare_known) || block.is_table_row() {
        return None;
    }
    let name = strip_trailing_colon(text);
    let city = match city_region(name) {
        Some(Some(region)) => Some(region),
        Some(None) => {
            report.warn(
                block.line,
                format!(
                    "「{name}」 is a city outside the office's regions: its events are kept \
                     with no region, so no province filter shows them"
                ),
            );
            None
        }
        None => {
            let short = name.chars().count() <= 8 && !name.contains(['，', '。', '、', ' ']);
            if !(short && table_follows) {
                return None;
            }
            report.warn(
                block.line,
                format!(
                    "「{name}」 is not a city the importer knows: its events are kept under \
                     「{name}」 with no region, so no province filter shows them"
                ),
            );
            None
        }
    };
    Some(CityEvents {
        city,
        heading: name.to_string(),
        events: vec![],
    })
}

/// Parses 經貿活動: city headings (上海：), a header row, event rows, and a closing link note.
pub fn events(heading: &Block, blocks: &[Block], report: &mut Report) -> Events {
    let mut cols: Option<EventColumns> = None;
    let mut order = [0, 1, 2, 3, 4];
    let mut cities: Vec<CityEvents> = Vec::new();
    let mut more_text: Option<&Block> = None;
    let mut more: Option<LinkNote> = None;
    let mut unplaced = 0usize;

    for (i, block) in blocks.iter().enumerate() {
        let text = block.text.trim();
        let cells = block.cells();
        if let Some(city) = city_heading(block, blocks.get(i + 1), report) {
            if let Some(note) = more_text.take() {
                report.unplaced(note, "經貿活動");
            }
            match cities.last() {
                // The city's heading repeated at the top of a page: its table goes on.
                Some(last) if last.heading == city.heading => report.note(
                    block.line,
                    "repeated heading",
                    format!(
                        "「{}」 repeated at a page top: its events go on",
                        city.heading
                    ),
                ),
                _ => cities.push(city),
            }
        } else if let Some((c, o)) = columns(block) {
            if o != [0, 1, 2, 3, 4] {
                report.note(
                    block.line,
                    "columns in another order",
                    format!(
                        "events table: columns in the order {}: each read by its heading",
                        block.text.trim().replace('\t', " ")
                    ),
                );
            }
            // A header again after a city's events: a page break, or a table whose city
            // heading was lost. Either way its rows stay under that city: say so.
            if let Some(city) = cities.last().filter(|c| !c.events.is_empty()) {
                report.warn(
                    block.line,
                    format!(
                        "the events table's header again, with no city heading before it: the rows \
                         below are filed under 「{}」 (a page break?); if they are another city's, \
                         put its heading (香港：) above this line",
                        city.heading
                    ),
                );
            }
            match &cols {
                Some(seen) if *seen != c => report.warn(
                    block.line,
                    "events table: a different header row; the first is kept",
                ),
                Some(_) => {}
                None => cols = Some(c),
            }
            order = o;
        } else if block.is_table_row() && is_header_like(&cells) {
            // A header with a column missing or added: its words are no event.
            report.warn(
                block.line,
                format!(
                    "an events table header with {} columns ({}): expected 5 (時間, 活動, 地點, \
                     主辦機構, 網址); the rows below are read by position",
                    cells.iter().filter(|c| !c.is_empty()).count(),
                    block.text.trim().replace('\t', " ")
                ),
            );
        } else if block.is_table_row() {
            match cities.last_mut() {
                Some(city) => city.events.extend(event(&cells, order, block, report)),
                None => report.unplaced(block, "經貿活動 (an event before any city heading)"),
            }
        } else if let (Some(note), Some(url)) = (more_text, as_url(text)) {
            let rest = crate::import::text::url_rest(text);
            if !rest.is_empty() {
                report.warn(
                    block.line,
                    format!("text after the link left out of it: 「{rest}」"),
                );
            }
            more = Some(LinkNote {
                text: note.text.trim().to_string(),
                url: url.to_string(),
            });
            more_text = None;
        } else if (ends_with_colon(text)
            || blocks.get(i + 1).is_some_and(|b| as_url(b.text).is_some()))
            && more.is_none()
            && more_text.is_none()
        {
            more_text = Some(block);
        } else {
            unplaced += 1;
            report.unplaced(block, "經貿活動");
        }
    }
    // A city with no events and lines left over: its table's cells were not told apart (a
    // table as `pdftotext` lays it out). That is no bundle, not an issue with no events.
    if let Some(city) = cities
        .iter()
        .find(|c| c.events.is_empty())
        .filter(|_| unplaced > 0)
    {
        report.error(
            heading.line,
            format!(
                "the events under 「{}」 cannot be read: their cells are not set apart by tabs \
                 ({unplaced} line(s) not placed); import the PDF itself, or put a tab between \
                 the cells of each row",
                city.heading
            ),
        );
    }
    if let Some(note) = more_text {
        report.warn(
            note.line,
            format!("「{}」 has no link after it", excerpt(note.text)),
        );
    }
    for city in cities.iter().filter(|c| c.events.is_empty()) {
        report.warn(
            heading.line,
            format!("events: 「{}」 has a heading but no events", city.heading),
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
