//! Publishing: from the office's bundles (`NNN.json`) to every file the site serves from its
//! `issues/` folder. `sheto index` is a thin layer that reads the folder and writes what
//! [`index`] returns; tests call it as a function.
//!
//! It trusts nothing: a bundle that does not validate, two bundles with one number, an issue
//! dated out of its number's order or a file named for another issue are refused, each finding
//! naming its file (and the other file where two disagree), and nothing is written.

pub mod icon;
pub mod markup;
pub mod policy;
pub mod publish;
pub mod shell;

use crate::bundle::{ArchiveIndex, GrowthSeries, Issue, Script, SCHEMA_VERSION};
use crate::convert::simplified_issue;
use crate::files;
use crate::finding::{Finding, Message, Severity};
use crate::i18n::Lang;
use crate::json_path::JsonPath;
use crate::say;
use crate::search::SearchFiles;
use crate::validate::validate_issue_json;

/// One bundle as found in the folder: its file name and its bytes.
pub struct Bundle {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// A finding about one file of the folder.
#[derive(Debug)]
pub struct Refusal {
    pub file: String,
    pub finding: Finding,
}

impl Refusal {
    fn at(file: &str, path: JsonPath, message: Message) -> Refusal {
        Refusal {
            file: file.to_string(),
            finding: Finding::at_path(Severity::Error, path, message),
        }
    }
}

/// What `sheto index` writes: text files named relative to the issues folder, the Atom feed
/// (written where the caller says) and the search index.
pub struct Indexed {
    pub files: Vec<(String, String)>,
    pub feed: Option<String>,
    pub search: SearchFiles,
    pub issues: usize,
}

/// Every file of the issues folder from its original bundles, or every reason not to write
/// any. Bundles are taken in the order given; findings come in file order.
pub fn index(bundles: &[Bundle]) -> Result<Indexed, Vec<Refusal>> {
    let issues = read_bundles(bundles)?;
    let issues = check_archive(issues)?;
    let mut index = ArchiveIndex {
        schema_version: SCHEMA_VERSION,
        issues: vec![],
        older: vec![],
    };
    let mut files = Vec::new();
    for (file, issue) in &issues {
        let mut entry = issue.index_entry();
        entry.file = file.clone();
        index.upsert(entry);
        // The original, with the interface in 繁 and in English.
        for lang in [Lang::Hant, Lang::En] {
            files.push((
                files::page(issue.number, lang),
                crate::app::publish::issue_page(issue, lang),
            ));
        }
    }
    let issues: Vec<Issue> = issues.into_iter().map(|(_, issue)| issue).collect();
    // The zh-Hans editions are always derived afresh, so they never drift from the originals.
    let editions: Vec<Issue> = issues.iter().map(simplified_issue).collect();
    for edition in &editions {
        files.push((
            files::page(edition.number, Lang::Hans),
            crate::app::publish::issue_page(edition, Lang::Hans),
        ));
        files.push((
            files::bundle(edition.number, Script::Hans),
            crate::import::to_json(edition),
        ));
    }
    // The archive page lists every issue; index.json the newest, the rest in a file per year.
    let archive_page = crate::html::archive_page(&index);
    let (index, years) = index.split();
    files.push(("index.json".to_string(), index.to_json()));
    for (file, listed) in &years {
        files.push((file.clone(), listed.to_json()));
    }
    files.push(("index.html".to_string(), archive_page));
    files.push((
        "series.json".to_string(),
        GrowthSeries::of(&issues).to_json(),
    ));
    let search = crate::search::build(&issues, crate::convert::simplified_char);
    let all: Vec<&Issue> = issues.iter().chain(&editions).collect();
    Ok(Indexed {
        files,
        feed: crate::feed::atom(&all),
        search,
        issues: issues.len(),
    })
}

/// Each bundle validated, and an original (zh-Hant): the issues with their file names.
fn read_bundles(bundles: &[Bundle]) -> Result<Vec<(String, Issue)>, Vec<Refusal>> {
    let mut refused = Vec::new();
    let mut issues = Vec::new();
    for bundle in bundles {
        let v = validate_issue_json(&bundle.bytes);
        let errors = v.findings.into_iter().filter(Finding::is_error);
        refused.extend(errors.map(|finding| Refusal {
            file: bundle.file.clone(),
            finding,
        }));
        match v.value {
            Some(issue) if issue.lang != Script::Hant => refused.push(Refusal::at(
                &bundle.file,
                JsonPath::root().key("lang"),
                say!(
                    "an original bundle must be zh-Hant (its zh-Hans edition is made from it)",
                    "原稿須為 zh-Hant（zh-Hans 版本由它製作）"
                ),
            )),
            Some(issue) => issues.push((bundle.file.clone(), issue)),
            None => {}
        }
    }
    if refused.is_empty() {
        Ok(issues)
    } else {
        Err(refused)
    }
}

/// The archive as a whole: each file named for its issue, one bundle per number, and months
/// that go the way the numbers go. An issue dated out of order is refused, not sorted: the
/// newsletter is numbered in the order it appears, so a month out of order is a typo in the
/// month or the number, and either way readers would be sent to the wrong issue.
fn check_archive(mut issues: Vec<(String, Issue)>) -> Result<Vec<(String, Issue)>, Vec<Refusal>> {
    let mut refused = Vec::new();
    for (file, issue) in &issues {
        let named = files::bundle(issue.number, Script::Hant);
        if *file != named {
            refused.push(Refusal::at(
                file,
                JsonPath::root().key("number"),
                say!(
                    "this file holds issue {number}: name it {named} (the site finds an issue by its number)",
                    "此檔案載有第 {number} 期：請命名為 {named}（網站按期數尋找各期）",
                    number = issue.number,
                    named
                ),
            ));
        }
    }
    issues.sort_by(|(fa, a), (fb, b)| (a.number, fa).cmp(&(b.number, fb)));
    for pair in issues.windows(2) {
        let ((earlier_file, earlier), (file, issue)) = (&pair[0], &pair[1]);
        if earlier.number == issue.number {
            refused.push(Refusal::at(
                file,
                JsonPath::root().key("number"),
                say!(
                    "issue {number} is also in {other}: one bundle per issue",
                    "第 {number} 期亦載於 {other}：每期只可有一個檔案",
                    number = issue.number,
                    other = earlier_file
                ),
            ));
        } else if issue.month < earlier.month {
            refused.push(Refusal::at(
                file,
                JsonPath::root().key("month"),
                say!(
                    "issue {number} is dated {month}, before issue {other} ({other_month}, in {other_file}): check the month or the number",
                    "第 {number} 期的月份 {month} 早於第 {other} 期（{other_month}，{other_file}）：請核對月份或期數",
                    number = issue.number,
                    month = issue.month,
                    other = earlier.number,
                    other_month = earlier.month,
                    other_file = earlier_file
                ),
            ));
        }
    }
    if refused.is_empty() {
        Ok(issues)
    } else {
        refused.sort_by(|a, b| a.file.cmp(&b.file));
        Err(refused)
    }
}
