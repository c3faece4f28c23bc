//! `sheto`: the editors' command-line tool. It shares the data layer with the reader app.
//!
//!   sheto import FILE.txt [-o OUT.json]      newsletter text → bundle (stdout without -o)
//!   sheto validate [--format json] FILE…     check bundles and index.json
//!   sheto index DIR                          write DIR/index.json from the bundles in DIR

use sheto::bundle::{ArchiveIndex, SCHEMA_VERSION};
use sheto::finding::{Finding, Location, Severity};
use sheto::import::{import, to_json};
use sheto::validate::{check_against_index, validate_index_json, validate_issue_json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  sheto import FILE.txt [-o OUT.json]      newsletter text -> issue bundle (stdout without -o)
  sheto validate [--format json] FILE...   check bundles and index.json; exit 1 on any error
  sheto index DIR                          write DIR/index.json from the bundles in DIR";

fn usage(problem: &str) -> ExitCode {
    eprintln!("sheto: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("import") => cmd_import(&args[1..]),
        Some("validate") => cmd_validate(&args[1..]),
        Some("index") => cmd_index(&args[1..]),
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage(&format!("unknown command `{other}`")),
        None => usage("no command given"),
    }
}

fn cmd_import(args: &[String]) -> ExitCode {
    let (mut input, mut output) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => match it.next() {
                Some(path) => output = Some(PathBuf::from(path)),
                None => return usage("-o needs a file name"),
            },
            flag if flag.starts_with('-') && flag != "-" => {
                return usage(&format!("unknown option `{flag}`"))
            }
            path if input.is_none() => input = Some(path.to_string()),
            extra => return usage(&format!("unexpected argument `{extra}`")),
        }
    }
    let Some(input) = input else {
        return usage("import needs a text file");
    };
    let bytes = match read_input(&input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{input}: error: cannot read: {e}");
            return ExitCode::from(1);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        eprintln!("{input}: warning: not valid UTF-8; unreadable bytes were replaced with U+FFFD");
    }
    let outcome = import(&text);
    for finding in &outcome.findings {
        eprintln!("{}", finding.render(&input));
    }
    let Some(issue) = outcome.issue else {
        eprintln!("{input}: error: import failed, no bundle written");
        return ExitCode::from(1);
    };
    let json = to_json(&issue);
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("{}: error: cannot write: {e}", path.display());
                return ExitCode::from(1);
            }
            eprintln!(
                "wrote {} (issue {}, {} news items)",
                path.display(),
                issue.number,
                issue.counts().news
            );
        }
        None => print!("{json}"),
    }
    ExitCode::SUCCESS
}

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
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
    if name == "index.json" {
        let mut v = validate_index_json(&bytes);
        if let Some(index) = &v.value {
            let dir = path.parent().unwrap_or(Path::new("."));
            for (i, entry) in index.issues.iter().enumerate() {
                if !dir.join(&entry.file).is_file() {
                    let msg = format!("file {} is missing beside index.json", entry.file);
                    v.findings.push(Finding::at_path(
                        Severity::Error,
                        format!("$.issues[{i}].file"),
                        msg,
                    ));
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

fn cmd_validate(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return usage("--format takes `text` or `json`"),
            },
            "--format=json" => json = true,
            "--format=text" => json = false,
            flag if flag.starts_with('-') => return usage(&format!("unknown option `{flag}`")),
            path => files.push(PathBuf::from(path)),
        }
    }
    if files.is_empty() {
        return usage("validate needs at least one file");
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
    ExitCode::from(u8::from(any_error))
}

fn cmd_index(args: &[String]) -> ExitCode {
    let [dir] = args else {
        return usage("index needs one directory");
    };
    let dir = Path::new(dir);
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}: error: cannot read directory: {e}", dir.display());
            return ExitCode::from(1);
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json"))
        .collect();
    paths.sort();
    let mut index = ArchiveIndex {
        schema_version: SCHEMA_VERSION,
        issues: vec![],
    };
    let mut failed = false;
    for path in &paths {
        let v = validate_issue_json(&std::fs::read(path).unwrap_or_default());
        for f in v.findings.iter().filter(|f| f.is_error()) {
            eprintln!("{}", f.render(&path.display().to_string()));
            failed = true;
        }
        if let Some(issue) = v.value {
            let mut entry = issue.index_entry();
            entry.file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(entry.file);
            index.upsert(entry);
        }
    }
    if failed {
        eprintln!(
            "{}: error: index not written: fix the bundles above first",
            dir.display()
        );
        return ExitCode::from(1);
    }
    let out = dir.join("index.json");
    if let Err(e) = std::fs::write(&out, index.to_json()) {
        eprintln!("{}: error: cannot write: {e}", out.display());
        return ExitCode::from(1);
    }
    eprintln!("wrote {} ({} issue(s))", out.display(), index.issues.len());
    ExitCode::SUCCESS
}
