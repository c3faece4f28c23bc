//! `sheto`: the editors' command-line tool. It shares the data layer with the reader app.
//!
//!   sheto import FILE.txt [-o OUT.json]      newsletter text → bundle (+ its zh-Hans edition)
//!   sheto convert --to zh-Hans BUNDLE.json   the zh-Hans edition of a bundle
//!   sheto validate [--format json] FILE…     check bundles and index.json
//!   sheto html BUNDLE.json [-o OUT.html]     the issue as a plain HTML page (no script)
//!   sheto index DIR [--feed FILE]            write everything derived from DIR/NNN.json

use sheto::bundle::{ArchiveIndex, SCHEMA_VERSION};
use sheto::convert::{edition_file, simplified_issue, HANS, HANT};
use sheto::finding::{Finding, Location, Severity};
use sheto::import::{import, to_json};
use sheto::validate::{check_against_index, validate_index_json, validate_issue_json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  sheto import FILE.txt [-o OUT.json]      newsletter text -> issue bundle (stdout without -o);
                                           with -o, also OUT.zh-Hans.json, its Simplified edition
  sheto convert --to zh-Hans BUNDLE.json [-o OUT.json]
                                           the Simplified edition of a bundle (stdout without -o)
  sheto validate [--format json] FILE...   check bundles and index.json; exit 1 on any error
  sheto html BUNDLE.json [-o OUT.html]     the issue as a plain HTML page, no script (stdout without -o)
  sheto index DIR [--feed FILE]            from DIR/NNN.json write NNN.zh-Hans.json, their .html,
                                           index.json, index.html, series.json, search.json and
                                           the Atom feed (FILE, default DIR/../feed.xml)";

fn usage(problem: &str) -> ExitCode {
    eprintln!("sheto: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn failure(message: String) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("import") => cmd_import(rest),
        Some("convert") => cmd_convert(rest),
        Some("validate") => cmd_validate(rest),
        Some("html") => cmd_html(rest),
        Some("index") => cmd_index(rest),
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(usage(&format!("unknown command `{other}`"))),
        None => Err(usage("no command given")),
    };
    result.err().unwrap_or(ExitCode::SUCCESS)
}

/// `FILE [-o OUT]`: one input (`-` for stdin) and an optional output.
fn input_and_output(args: &[String], what: &str) -> Result<(String, Option<PathBuf>), ExitCode> {
    let (mut input, mut output) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => match it.next() {
                Some(path) => output = Some(PathBuf::from(path)),
                None => return Err(usage("-o needs a file name")),
            },
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(usage(&format!("unknown option `{flag}`")))
            }
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(usage(&format!("unexpected argument `{extra}`"))),
        }
    }
    input
        .map(|i| (i, output))
        .ok_or_else(|| usage(&format!("needs {what}")))
}

fn read_input(path: &str) -> Result<Vec<u8>, ExitCode> {
    let read = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    read.map_err(|e| failure(format!("{path}: error: cannot read: {e}")))
}

/// Writes to the file, or to stdout without one.
fn write_output(output: Option<&Path>, text: &str) -> Result<(), ExitCode> {
    match output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| failure(format!("{}: error: cannot write: {e}", path.display()))),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn cmd_import(args: &[String]) -> Result<(), ExitCode> {
    let (input, output) = input_and_output(args, "a text file")?;
    let bytes = read_input(&input)?;
    let text = String::from_utf8_lossy(&bytes);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        eprintln!("{input}: warning: not valid UTF-8; unreadable bytes were replaced with U+FFFD");
    }
    let outcome = import(&text);
    for finding in &outcome.findings {
        eprintln!("{}", finding.render(&input));
    }
    let issue = outcome
        .issue
        .ok_or_else(|| failure(format!("{input}: error: import failed, no bundle written")))?;
    write_output(output.as_deref(), &to_json(&issue))?;
    if let Some(path) = output {
        let news = issue.counts().news;
        let edition = path.with_file_name(edition_file(issue.number, HANS));
        write_output(Some(&edition), &to_json(&simplified_issue(&issue)))?;
        eprintln!(
            "wrote {} (issue {}, {news} news items) and its zh-Hans edition {}",
            path.display(),
            issue.number,
            edition.display()
        );
    }
    Ok(())
}

/// A valid bundle from a file, or the findings that say why not.
fn read_bundle(input: &str) -> Result<sheto::bundle::Issue, ExitCode> {
    let v = validate_issue_json(&read_input(input)?);
    for f in v.findings.iter().filter(|f| f.is_error()) {
        eprintln!("{}", f.render(input));
    }
    match v.value {
        Some(issue) if !v.has_errors() => Ok(issue),
        _ => Err(failure(format!("{input}: error: not a valid bundle"))),
    }
}

fn cmd_convert(args: &[String]) -> Result<(), ExitCode> {
    let rest = match args {
        [to, lang, rest @ ..] if to == "--to" && lang == HANS => rest,
        [to, rest @ ..] if to == "--to=zh-Hans" => rest,
        _ => return Err(usage("convert needs `--to zh-Hans` first")),
    };
    let (input, output) = input_and_output(rest, "a bundle file")?;
    let issue = read_bundle(&input)?;
    if issue.lang != HANT {
        return Err(failure(format!(
            "{input}: error: the bundle is {}; only zh-Hant bundles are converted",
            issue.lang
        )));
    }
    write_output(output.as_deref(), &to_json(&simplified_issue(&issue)))
}

fn cmd_html(args: &[String]) -> Result<(), ExitCode> {
    let (input, output) = input_and_output(args, "a bundle file")?;
    let issue = read_bundle(&input)?;
    write_output(output.as_deref(), &sheto::html::page(&issue))
}

fn input_error(message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        location: Location::Input,
        message,
    }
}

/// The findings for one file: its own, then its agreement with the index.json beside it.
fn validate_file(path: &Path) -> Vec<Finding> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![input_error(format!("cannot read: {e}"))],
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == "series.json" {
        return sheto::validate::validate_series_json(&bytes).findings;
    }
    if name == "search.json" {
        return sheto::validate::validate_search_json(&bytes).findings;
    }
    if name == "index.json" {
        let mut v = validate_index_json(&bytes);
        if let Some(index) = &v.value {
            let dir = path.parent().unwrap_or(Path::new("."));
            for (i, entry) in index.issues.iter().enumerate() {
                let editions = entry.editions.iter().enumerate();
                let files = std::iter::once((format!("$.issues[{i}].file"), &entry.file)).chain(
                    editions.map(|(j, e)| (format!("$.issues[{i}].editions[{j}].file"), &e.file)),
                );
                for (at, file) in files {
                    if !dir.join(file).is_file() {
                        let msg = format!("file {file} is missing beside index.json");
                        v.findings.push(Finding::at_path(Severity::Error, at, msg));
                    }
                }
            }
        }
        return v.findings;
    }
    let mut v = validate_issue_json(&bytes);
    let index_path = path.with_file_name("index.json");
    if let (Some(issue), Ok(index_bytes)) = (&v.value, std::fs::read(&index_path)) {
        match validate_index_json(&index_bytes).value {
            Some(index) => v.findings.extend(check_against_index(issue, &name, &index)),
            None => v.findings.push(Finding {
                severity: Severity::Warning,
                location: Location::Input,
                message: format!(
                    "{} cannot be read, so it was not compared",
                    index_path.display()
                ),
            }),
        }
    }
    v.findings
}

fn cmd_validate(args: &[String]) -> Result<(), ExitCode> {
    let mut json = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return Err(usage("--format takes `text` or `json`")),
            },
            "--format=json" => json = true,
            "--format=text" => json = false,
            flag if flag.starts_with('-') => {
                return Err(usage(&format!("unknown option `{flag}`")))
            }
            path => files.push(PathBuf::from(path)),
        }
    }
    if files.is_empty() {
        return Err(usage("validate needs at least one file"));
    }
    let mut any_error = false;
    let mut report = Vec::new();
    for path in &files {
        let file = path.display().to_string();
        for finding in validate_file(path) {
            any_error |= finding.is_error();
            if json {
                report.push(serde_json::json!({ "file": file, "finding": finding }));
            } else {
                println!("{}", finding.render(&file));
            }
        }
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("findings serialize")
        );
    } else if !any_error {
        eprintln!("{} file(s) valid", files.len());
    }
    if any_error {
        Err(ExitCode::from(1))
    } else {
        Ok(())
    }
}

/// `NNN.json`: an issue as the office publishes it (editions and other files are derived).
fn is_original_bundle(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.strip_suffix(".json")
        .is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()))
}

fn cmd_index(args: &[String]) -> Result<(), ExitCode> {
    let (dir, feed) = match args {
        [dir] => (Path::new(dir), Path::new(dir).join("..").join("feed.xml")),
        [dir, flag, feed] if flag == "--feed" => (Path::new(dir), PathBuf::from(feed)),
        _ => {
            return Err(usage(
                "index needs one directory (and optionally --feed FILE)",
            ))
        }
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        failure(format!(
            "{}: error: cannot read directory: {e}",
            dir.display()
        ))
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_original_bundle(p))
        .collect();
    paths.sort();
    let mut index = ArchiveIndex {
        schema_version: SCHEMA_VERSION,
        issues: vec![],
    };
    let mut outputs = Vec::new();
    let mut issues = Vec::new();
    let mut failed = false;
    for path in &paths {
        let v = validate_issue_json(&std::fs::read(path).unwrap_or_default());
        for f in v.findings.iter().filter(|f| f.is_error()) {
            eprintln!("{}", f.render(&path.display().to_string()));
            failed = true;
        }
        match v.value {
            Some(issue) if issue.lang != HANT => {
                eprintln!(
                    "{}: error: an original bundle must be zh-Hant",
                    path.display()
                );
                failed = true;
            }
            Some(issue) => {
                let mut entry = issue.index_entry();
                if let Some(name) = path.file_name() {
                    entry.file = name.to_string_lossy().into_owned();
                }
                index.upsert(entry);
                outputs.push((path.with_extension("html"), sheto::html::page(&issue)));
                issues.push(issue);
            }
            None => {}
        }
    }
    if failed {
        let dir = dir.display();
        return Err(failure(format!(
            "{dir}: error: index not written: fix the bundles above first"
        )));
    }
    // The zh-Hans editions are always derived afresh, so they never drift from the originals.
    let editions: Vec<_> = issues.iter().map(simplified_issue).collect();
    for edition in &editions {
        let file = dir.join(edition_file(edition.number, HANS));
        outputs.push((file.with_extension("html"), sheto::html::page(edition)));
        outputs.push((file, to_json(edition)));
    }
    outputs.push((dir.join("index.json"), index.to_json()));
    outputs.push((dir.join("index.html"), sheto::html::archive_page(&index)));
    let series = sheto::bundle::GrowthSeries::of(&issues);
    outputs.push((dir.join("series.json"), series.to_json()));
    let search = sheto::search::SearchIndex::build(&issues, sheto::convert::simplified_char);
    outputs.push((dir.join("search.json"), search.to_json()));
    let all: Vec<_> = issues.iter().chain(&editions).collect();
    if let Some(atom) = sheto::feed::atom(&all) {
        outputs.push((feed.clone(), atom));
    }
    for (path, text) in &outputs {
        write_output(Some(path), text)?;
    }
    let n = index.issues.len();
    eprintln!(
        "wrote {}: {n} issue(s) with their zh-Hans editions and pages, index.json, index.html, \
         series.json, search.json; and {}",
        dir.display(),
        feed.display()
    );
    Ok(())
}
