//! The two tables: 經貿數據 (GDP and trade by region) and 經貿活動 (events by city). Cells are
//! tab-separated (a data table typed with spaces is read from its figures' shapes); a header is
//! read from its words' kinds however the PDF cut or joined its rows, and a header repeated
//! across a page break is dropped.

use crate::bundle::Figure;
use crate::bundle::{
    CityEvents, DataRow, EconomicData, Event, EventColumns, Events, LinkNote, Measure, Period,
};
use crate::finding::Message;
use crate::import::dates::{event_dates, period};
use crate::import::numbers::{is_missing_mark, parse_amount, parse_percent, Cell};
use crate::import::report::Report;
use crate::import::text::{
    as_url, collapse_cjk_spaces, ends_with_colon, excerpt, strip_trailing_colon, Block,
};
use crate::region::{city_region, Region};
use crate::say;

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
                    report.info(
                        block.line,
                        say!(
                            "data table: (%) after a growth heading read as the columns' unit",
                            "數據表：增長欄標題後的 (%) 視為增長欄的單位"
                        ),
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

/// Why the data table's header cannot be read, as the error says it: the reason (English and
/// Chinese templates, with their holes' values as for `say!`) after the error's opening and,
/// when the header was typed with spaces, before what is expected of its columns.
macro_rules! unreadable_header {
    ($typed:expr, $en:literal, $zh:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {{
        let args = vec![$((stringify!($name), crate::say!(@value $name $(, $value)?).to_string())),*];
        if $typed {
            Message::new(
                concat!(
                    "data table (經貿數據) header cannot be read: ",
                    $en,
                    "; columns are expected to be tab-separated"
                ),
                concat!("經貿數據表的表頭無法讀取：", $zh, "；各欄應以定位字元（Tab）分隔"),
                args,
            )
        } else {
            Message::new(
                concat!("data table (經貿數據) header cannot be read: ", $en),
                concat!("經貿數據表的表頭無法讀取：", $zh),
                args,
            )
        }
    }};
}

/// Reads the header from its lines, or says what it lacks (the whole error, to report as it
/// is). A run of texts followed by k units ends with the k headings those units belong to; the
/// texts before them are the region column's heading (before any period) or a growth column's
/// heading (after a period).
fn parse_header(lines: &[&Block], report: &mut Report) -> Result<Header, Message> {
    // A header typed with spaces: its error says what the columns are expected to be.
    let typed = lines.iter().all(|b| !b.is_table_row());
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
            return Err(unreadable_header!(
                typed,
                "{k} unit(s) in brackets with no heading before them",
                "{k} 個括號內的單位前面沒有標題",
                k
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
        return Err(unreadable_header!(
            typed,
            "no unit in brackets, like (億人民幣)",
            "沒有括號內的單位，例如 (億人民幣)"
        ));
    }
    let [gdp_label, trade_label] = <[String; 2]>::try_from(labels.clone()).map_err(|_| {
        unreadable_header!(
            typed,
            "expected two headings with units (地區生產總值 (億人民幣), 進出口總額 (億人民幣)), found {n}",
            "應有兩個附單位的標題（地區生產總值 (億人民幣)、進出口總額 (億人民幣)），但找到 {n} 個",
            n = labels.len()
        )
    })?;
    if let Some(p) = region
        .iter()
        .find(|t| t.contains('年') && t.contains(|c: char| c.is_ascii_digit()))
    {
        return Err(unreadable_header!(
            typed,
            "cannot read the period 「{p}」 (expected like 2026年1月至3月, 2025年全年, 2026年第一季度)",
            "無法讀取期間「{p}」（應如 2026年1月至3月、2025年全年、2026年第一季度）",
            p
        ));
    }
    if region.len() > 1 {
        return Err(unreadable_header!(
            typed,
            "cannot tell its headings apart: 「{texts}」 stand before 「{gdp_label}」",
            "無法分辨各個標題：「{texts}」都在「{gdp_label}」之前",
            texts = region.join(" "),
            gdp_label
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
            return Err(unreadable_header!(
                typed,
                "cannot tell which column is GDP (地區生產總值) and which is trade (進出口總額): \
                 the headings are 「{gdp_label}」 and 「{trade_label}」",
                "無法分辨哪一欄是地區生產總值、哪一欄是進出口總額：標題為「{gdp_label}」和\
                 「{trade_label}」",
                gdp_label,
                trade_label
            ))
        }
    };
    if units.len() == 2 && units[0] != units[1] {
        report.warn(
            lines[0].line,
            say!(
                "data table: GDP in {gdp} but trade in {trade}; {gdp} is kept",
                "數據表：地區生產總值以 {gdp} 計，進出口總額卻以 {trade} 計；採用 {gdp}",
                gdp = units[0],
                trade = units[1]
            ),
        );
    }
    let [mut gdp_period, mut trade_period] = <[(String, String); 2]>::try_from(periods.clone())
        .map_err(|_| {
            unreadable_header!(
                typed,
                "expected two periods like 2026年 1月至3月, found {n}",
                "應有兩個期間，例如 2026年 1月至3月，但找到 {n} 個",
                n = periods.len()
            )
        })?;
    let (mut gdp_label, mut trade_label) = (gdp_label, trade_label);
    if swapped {
        // Trade printed before GDP: each column keeps its own heading, period and figures.
        std::mem::swap(&mut gdp_label, &mut trade_label);
        std::mem::swap(&mut gdp_period, &mut trade_period);
        report.warn(
            lines[0].line,
            say!(
                "data table: 「{trade_label}」 is printed before 「{gdp_label}」; each column is \
                 read under its own heading",
                "數據表：「{trade_label}」排在「{gdp_label}」之前；各欄按其標題讀取",
                trade_label,
                gdp_label
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
            say!(
                "data table: the growth columns are headed differently; 「{comparison}」 is kept",
                "數據表：各增長欄的標題不一致；採用「{comparison}」",
                comparison
            ),
        );
    }
    // `與2025年同期相比` cut as `與2025年同期相` / `比` by a narrow column: a piece alone is
    // no heading.
    let whole = comparison.chars().count() >= 4 || comparison.contains("同期");
    if !comparison.is_empty() && !whole {
        return Err(unreadable_header!(
            typed,
            "the growth columns' heading reads 「{comparison}」, which looks cut from a longer one \
             (與2025年同期相比)",
            "增長欄的標題為「{comparison}」，看來是較長標題（與2025年同期相比）被截斷的一部分",
            comparison
        ));
    }
    if comparison.is_empty() {
        report.warn(
            lines[0].line,
            say!(
                "data table: no heading for the growth columns (與…同期相比)",
                "數據表：增長欄沒有標題（與…同期相比）"
            ),
        );
    }
    let region_label = region.pop().unwrap_or_default();
    if region_label.is_empty() {
        report.warn(
            lines[0].line,
            say!(
                "data table: no heading for the region column (省/市)",
                "數據表：省市欄沒有標題（省/市）"
            ),
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
                say!(
                    "data table row {name} has {n} figure cells, expected 4 (GDP, its growth, trade, \
                     its growth): which columns they belong to cannot be told; print — or leave \
                     an empty cell between tabs for a figure not published",
                    "數據表{name}一行有 {n} 格數字，應有 4 格（地區生產總值、其增長、進出口總額、其增長）：\
                     無法判斷各數字屬於哪一欄；未公布的數字請印「—」，或在定位字元之間留一格空白",
                    name,
                    n = f.len()
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
                    say!(
                        "data table row typed with spaces: its four figures found from their shapes",
                        "數據表此行以空格分隔：已按數字的寫法辨認出四個數字"
                    ),
                );
                f
            }
            None => {
                report.error(
                    block.line,
                    say!(
                        "data table row {name}: columns are expected to be tab-separated; this \
                         line has spaces and its four figures cannot be told apart: 「{text}」",
                        "數據表{name}一行：各欄應以定位字元（Tab）分隔；此行以空格分隔，\
                         無法分辨其四個數字：「{text}」",
                        name,
                        text = excerpt(block.text)
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
            say!(
                "data table row {name}: expected 4 figures, found {n}; left out: {row}",
                "數據表{name}一行：應有 4 個數字，但找到 {n} 個；已略去：{row}",
                name,
                n = figures.len(),
                row
            ),
        );
        return Err(());
    }
    // The column of each figure as printed: GDP, its growth, trade, its growth (trade's two
    // first when swapped).
    let column = |k: usize| if swapped { (k + 2) % 4 } else { k };
    let mut read: [Option<Figure>; 4] = [None; 4];
    for (k, text) in figures.iter().enumerate() {
        match Cell::read(text, k % 2 == 1) {
            Cell::Figure(f) => read[k] = Some(f),
            Cell::Missing => {
                report.warn(block.line, not_published(column(k), name, text));
            }
            Cell::Unreadable => {
                let row = excerpt(&block.text.replace('\t', " | "));
                report.warn(block.line, unreadable_figure(column(k), text, &row));
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

/// A figure printed as not published (—, an empty cell) in a region's row, in the column it is
/// in: 0 GDP, 1 its growth, 2 trade, 3 its growth.
fn not_published(column: usize, name: &str, shown: &str) -> Message {
    match (column, shown.is_empty()) {
        (0, true) => say!(
            "data table row {name}: GDP printed as 「an empty cell」: kept as not published",
            "數據表{name}一行：地區生產總值一格留空：當作未公布",
            name
        ),
        (0, false) => say!(
            "data table row {name}: GDP printed as 「{shown}」: kept as not published",
            "數據表{name}一行：地區生產總值印作「{shown}」：當作未公布",
            name,
            shown
        ),
        (1, true) => say!(
            "data table row {name}: GDP growth printed as 「an empty cell」: kept as not published",
            "數據表{name}一行：地區生產總值增長一格留空：當作未公布",
            name
        ),
        (1, false) => say!(
            "data table row {name}: GDP growth printed as 「{shown}」: kept as not published",
            "數據表{name}一行：地區生產總值增長印作「{shown}」：當作未公布",
            name,
            shown
        ),
        (2, true) => say!(
            "data table row {name}: trade printed as 「an empty cell」: kept as not published",
            "數據表{name}一行：進出口總額一格留空：當作未公布",
            name
        ),
        (2, false) => say!(
            "data table row {name}: trade printed as 「{shown}」: kept as not published",
            "數據表{name}一行：進出口總額印作「{shown}」：當作未公布",
            name,
            shown
        ),
        (_, true) => say!(
            "data table row {name}: trade growth printed as 「an empty cell」: kept as not published",
            "數據表{name}一行：進出口總額增長一格留空：當作未公布",
            name
        ),
        (_, false) => say!(
            "data table row {name}: trade growth printed as 「{shown}」: kept as not published",
            "數據表{name}一行：進出口總額增長印作「{shown}」：當作未公布",
            name,
            shown
        ),
    }
}

/// A figure that cannot be read, in the column it is in (as for [`not_published`]): its row
/// is left out.
fn unreadable_figure(column: usize, text: &str, row: &str) -> Message {
    match column {
        0 => say!(
            "data table row cannot be read (GDP 「{text}」), left out: {row}",
            "數據表此行無法讀取（地區生產總值「{text}」），已略去：{row}",
            text,
            row
        ),
        1 => say!(
            "data table row cannot be read (GDP growth 「{text}」), left out: {row}",
            "數據表此行無法讀取（地區生產總值增長「{text}」），已略去：{row}",
            text,
            row
        ),
        2 => say!(
            "data table row cannot be read (trade 「{text}」), left out: {row}",
            "數據表此行無法讀取（進出口總額「{text}」），已略去：{row}",
            text,
            row
        ),
        _ => say!(
            "data table row cannot be read (trade growth 「{text}」), left out: {row}",
            "數據表此行無法讀取（進出口總額增長「{text}」），已略去：{row}",
            text,
            row
        ),
    }
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
                report.info(
                    block.line,
                    say!(
                        "figures on this line joined to the row on line {line}, cut by the PDF",
                        "此行的數字已接到第 {line} 行（PDF 把該行斷開）",
                        line
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
                    say!(
                        "data table: {region} appears twice; the second row is left out",
                        "數據表：{region}出現兩次；已略去第二行",
                        region = region.name_zh()
                    ),
                ),
                Some(region) => row_lines.push((region, block)),
                None => report.warn(
                    block.line,
                    say!(
                        "data table: unknown region 「{region}」, row left out",
                        "數據表：不明地區「{region}」，已略去此行",
                        region = cells[0]
                    ),
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
            report.info(
                block.line,
                say!("repeated table header dropped", "略去重複的表頭"),
            );
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
            say!(
                "data table (經貿數據) has no header row (省/市, 地區生產總值 (億人民幣), 進出口總額 (億人民幣), periods)",
                "經貿數據表沒有表頭（省/市、地區生產總值 (億人民幣)、進出口總額 (億人民幣)、期間）"
            ),
        );
        return None;
    }
    let header = match parse_header(&header_lines, report) {
        Ok(h) => h,
        Err(why) => {
            report.error(header_lines[0].line, why);
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
        report.error(
            heading.line,
            say!("data table (經貿數據) has no rows", "經貿數據表沒有數據行"),
        );
        return None;
    }
    let source = source.unwrap_or_else(|| {
        report.warn(
            heading.line,
            say!(
                "data table has no source note (數據錄自…)",
                "數據表沒有資料來源註（數據錄自…）"
            ),
        );
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
            say!(
                "event row has {n} cells, expected 5 (時間, 活動, 地點, 主辦機構, 網址); left out: {row}",
                "經貿活動表此行有 {n} 格，應有 5 格（時間、活動、地點、主辦機構、網址）；已略去：{row}",
                n = cells.len(),
                row
            ),
        );
        return None;
    };
    let (start, end, dates) = match event_dates(date) {
        Some(range) => {
            if range.next_year {
                report.info(
                    block.line,
                    say!(
                        "event dates 「{date}」 cross the new year: read as {start} to {end}",
                        "活動日期「{date}」跨年：讀作 {start} 至 {end}",
                        date,
                        start = range.start,
                        end = range.end
                    ),
                );
            }
            (Some(range.start), Some(range.end), None)
        }
        None => {
            report.warn(
                block.line,
                say!(
                    "cannot read the event dates 「{date}」 as days: the event is kept with its \
                     dates as printed and no calendar date",
                    "無法把活動日期「{date}」讀成具體日子：活動保留，日期照印，不設日曆日期",
                    date
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
                    say!(
                        "text after the event's link left out of it: 「{rest}」 (the link is {u})",
                        "活動連結後的文字不計入連結：「{rest}」（連結為 {u}）",
                        rest,
                        u
                    ),
                );
            }
            u.to_string()
        }
        None if url.is_empty() || crate::import::numbers::is_missing_mark(url) => {
            report.warn(
                block.line,
                say!(
                    "event 「{name}」 has no 網址: kept with no link",
                    "活動「{name}」沒有網址：保留，不設連結",
                    name = excerpt(name)
                ),
            );
            String::new()
        }
        // `www.csitf.com`, as printed programmes give it.
        None if www => {
            let u = format!("http://{url}");
            report.warn(
                block.line,
                say!(
                    "event link printed without http://: read as {u}",
                    "活動連結印時沒有 http://：讀作 {u}",
                    u
                ),
            );
            u
        }
        None => {
            report.warn(
                block.line,
                say!(
                    "event 「{name}」: its 網址 cell holds no link: 「{url}」",
                    "活動「{name}」：網址一格並非連結：「{url}」",
                    name = excerpt(name),
                    url
                ),
            );
            url.to_string()
        }
    };
    if url.contains(char::is_whitespace) {
        report.warn(
            block.line,
            say!(
                "event link has a space in it, kept as printed: {url}",
                "活動連結中有空格，照印保留：{url}",
                url
            ),
        );
    }
    for (cell, column) in [(venue, "地點"), (organisers, "主辦機構")] {
        if cell.is_empty() {
            report.warn(
                block.line,
                say!(
                    "event 「{name}」 has no {column}: kept with none",
                    "活動「{name}」沒有{column}：保留，此欄留空",
                    name = excerpt(name),
                    column
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
                say!(
                    "「{name}」 is a city outside the office's regions: its events are kept \
                     with no region, so no province filter shows them",
                    "「{name}」是本辦轄區以外的城市：其活動保留，但不歸入任何省市，\
                     按省市篩選時不會顯示",
                    name
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
                say!(
                    "「{name}」 is not a city the importer knows: its events are kept under \
                     「{name}」 with no region, so no province filter shows them",
                    "匯入程式不認識城市「{name}」：其活動保留在「{name}」之下，但不歸入任何省市，\
                     按省市篩選時不會顯示",
                    name
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
                Some(last) if last.heading == city.heading => report.info(
                    block.line,
                    say!(
                        "「{heading}」 repeated at a page top: its events go on",
                        "「{heading}」在頁頂重複：其活動接續上文",
                        heading = city.heading
                    ),
                ),
                _ => cities.push(city),
            }
        } else if let Some((c, o)) = columns(block) {
            if o != [0, 1, 2, 3, 4] {
                report.info(
                    block.line,
                    say!(
                        "events table: columns in the order {order}: each read by its heading",
                        "經貿活動表：各欄次序為 {order}：按各欄標題讀取",
                        order = block.text.trim().replace('\t', " ")
                    ),
                );
            }
            // A header again after a city's events: a page break, or a table whose city
            // heading was lost. Either way its rows stay under that city: say so.
            if let Some(city) = cities.last().filter(|c| !c.events.is_empty()) {
                report.warn(
                    block.line,
                    say!(
                        "the events table's header again, with no city heading before it: the rows \
                         below are filed under 「{city}」 (a page break?); if they are another city's, \
                         put its heading (香港：) above this line",
                        "經貿活動表的表頭再次出現，前面沒有城市標題：以下各行歸入「{city}」（換頁？）；\
                         如屬另一城市，請在此行上方加上該城市的標題（如「香港：」）",
                        city = city.heading
                    ),
                );
            }
            match &cols {
                Some(seen) if *seen != c => report.warn(
                    block.line,
                    say!(
                        "events table: a different header row; the first is kept",
                        "經貿活動表：表頭與前不同；採用第一個表頭"
                    ),
                ),
                Some(_) => {}
                None => cols = Some(c),
            }
            order = o;
        } else if block.is_table_row() && is_header_like(&cells) {
            // A header with a column missing or added: its words are no event.
            report.warn(
                block.line,
                say!(
                    "an events table header with {n} columns ({columns}): expected 5 (時間, 活動, 地點, \
                     主辦機構, 網址); the rows below are read by position",
                    "經貿活動表的表頭有 {n} 欄（{columns}）：應有 5 欄（時間、活動、地點、主辦機構、網址）；\
                     以下各行按位置讀取",
                    n = cells.iter().filter(|c| !c.is_empty()).count(),
                    columns = block.text.trim().replace('\t', " ")
                ),
            );
        } else if block.is_table_row() {
            match cities.last_mut() {
                Some(city) => city.events.extend(event(&cells, order, block, report)),
                // As `Report::unplaced` says it, with the part's words in each language.
                None => report.warn(
                    block.line,
                    say!(
                        "text not placed in 經貿活動 (an event before any city heading), left out: \
                         「{text}」",
                        "未能歸入「經貿活動」的文字（在任何城市標題之前的活動），已略去：「{text}」",
                        text = excerpt(block.text)
                    ),
                ),
            }
        } else if let (Some(note), Some(url)) = (more_text, as_url(text)) {
            let rest = crate::import::text::url_rest(text);
            if !rest.is_empty() {
                report.warn(
                    block.line,
                    say!(
                        "text after the link left out of it: 「{rest}」",
                        "連結後的文字不計入連結：「{rest}」",
                        rest
                    ),
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
            say!(
                "the events under 「{city}」 cannot be read: their cells are not set apart by tabs \
                 ({unplaced} line(s) not placed); import the PDF itself, or put a tab between \
                 the cells of each row",
                "「{city}」之下的活動無法讀取：各格之間沒有以定位字元（Tab）分隔（{unplaced} 行未能歸入）；\
                 請直接匯入 PDF，或在每行各格之間加上定位字元",
                city = city.heading,
                unplaced
            ),
        );
    }
    if let Some(note) = more_text {
        report.warn(
            note.line,
            say!(
                "「{text}」 has no link after it",
                "「{text}」之後沒有連結",
                text = excerpt(note.text)
            ),
        );
    }
    for city in cities.iter().filter(|c| c.events.is_empty()) {
        report.warn(
            heading.line,
            say!(
                "events: 「{city}」 has a heading but no events",
                "經貿活動：「{city}」有標題但沒有活動",
                city = city.heading
            ),
        );
    }
    let columns = cols.unwrap_or_else(|| {
        report.warn(
            heading.line,
            say!(
                "events table has no header row (時間 活動 地點 主辦機構 網址)",
                "經貿活動表沒有表頭（時間 活動 地點 主辦機構 網址）"
            ),
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
