//! The command line of `sheto`, native only (the reader's and the preview's wasm never link it).
use sheto::bundle::Script;
use sheto::convert::simplified_issue;
use sheto::files;
use sheto::finding::{Finding, JsonPath, Location, Message, Severity};
use sheto::import::{import, to_json};
use sheto::validate::{check_against_index, validate_index_json, validate_issue_json};
use std::path::Path;
use std::process::ExitCode;

use crate::args::{self, Command, Spec, Usage};

/// A wrong command line: the problem, and the usage of the command it concerns.
fn usage(problem: &Usage) -> ExitCode {
    let help = problem.command.map_or_else(args::overview, Spec::help);
    eprintln!("sheto: {}\n\n{help}", problem.problem);
    ExitCode::from(2)
}

fn failure(message: String) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(1)
}

pub fn main() -> ExitCode {
    let command = match args::parse(std::env::args().skip(1).collect()) {
        Ok(command) => command,
        Err(problem) => return usage(&problem),
    };
    let result = match command {
        Command::Help(spec) => {
            println!("{}", spec.map_or_else(args::overview, Spec::help));
            Ok(())
        }
        Command::Import(a) => cmd_import(a),
        Command::Convert(a) => cmd_convert(a),
        Command::Validate(a) => cmd_validate(a),
        Command::Html(a) => cmd_html(a),
        Command::Index(a) => cmd_index(a),
        Command::Publish(a) => cmd_publish(a),
        Command::Search(a) => cmd_search(a),
    };
    result.err().unwrap_or(ExitCode::SUCCESS)
}

fn cmd_search(a: args::Search) -> Result<(), ExitCode> {
    use sheto::search::{Archive, Loaded, Step};
    let (dir, query) = (&a.dir, &a.query);
    let root = dir.join("search");
    let manifest_path = root.join("index.json");
    let bytes = std::fs::read(&manifest_path).map_err(|e| {
        failure(format!(
            "{}: error: cannot read: {e}",
            manifest_path.display()
        ))
    })?;
    let v = sheto::validate::validate_search_manifest(&bytes);
    let Some(manifest) = v.value.filter(|_| v.findings.is_empty()) else {
        return Err(failure(format!(
            "{}: error: not a search index",
            manifest_path.display()
        )));
    };
    let archive = Archive::new(manifest);
    let mut loaded = Loaded::default();
    let mut fetched = vec![("search/index.json".to_string(), bytes.len())];
    let results = loop {
        match archive.search(query, usize::MAX, &loaded) {
            Step::Done(results) => break results,
            Step::Fetch(files) => {
                for file in files {
                    let path = dir.join(archive.path(&file));
                    let bytes = std::fs::read(&path).map_err(|e| {
                        failure(format!("{}: error: cannot read: {e}", path.display()))
                    })?;
                    fetched.push((archive.path(&file), bytes.len()));
                    archive
                        .accept(&mut loaded, file, bytes)
                        .map_err(|e| failure(format!("{}: error: {e}", path.display())))?;
                }
            }
        }
    };
    for hit in &results.hits {
        println!("{} {} {}", hit.issue, hit.anchor, hit.title.text);
    }
    eprintln!("{} item(s)", results.total);
    for (file, size) in fetched {
        eprintln!("fetched {file} ({size} bytes)");
    }
    Ok(())
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

/// Findings as `validate --format json` prints them.
fn findings_json(file: &str, findings: &[Finding]) -> String {
    let report: Vec<_> = findings
        .iter()
        .map(|f| serde_json::json!({ "file": file, "finding": f }))
        .collect();
    serde_json::to_string_pretty(&report).expect("findings serialize")
}

fn cmd_import(a: args::Import) -> Result<(), ExitCode> {
    let input = a.input;
    let output = a.output;
    let bytes = read_input(&input)?;
    let mut findings = Vec::new();
    // A PDF is read with its geometry; findings then name its pages and lines.
    let is_pdf = bytes.starts_with(b"%PDF-") || input.to_ascii_lowercase().ends_with(".pdf");
    let mut places = None;
    let outcome = if is_pdf {
        let read = sheto::import::import_pdf(&bytes)
            .map_err(|e| failure(format!("{input}: error: {e}")))?;
        if let Some(path) = &a.text {
            write_output(Some(path), &read.extracted.text)?;
        }
        places = Some(read.extracted);
        read.outcome
    } else {
        let (text, decoded) = sheto::import::text::decode(&bytes);
        if let Some(how) = decoded {
            let severity = if how.starts_with("read as") {
                Severity::Info
            } else {
                Severity::Warning
            };
            findings.push(input_error(severity, how.into()));
        }
        import(&text)
    };
    findings.extend(outcome.findings);
    let render = |f: &Finding| match (&f.location, &places) {
        (sheto::finding::Location::Line { line }, Some(pdf)) => match pdf.place(*line) {
            Some(o) => format!(
                "{input}: page {}, line {}: {}: {}",
                o.page,
                o.line,
                f.severity,
                f.message.text(a.lang)
            ),
            None => f.render_in(&input, a.lang),
        },
        _ => f.render_in(&input, a.lang),
    };
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    if a.json {
        let json = findings_json(&input, &findings);
        if output.is_some() {
            println!("{json}");
        } else {
            eprintln!("{json}");
        }
    } else {
        for finding in &findings {
            eprintln!("{}", render(finding));
        }
    }
    let issue = outcome
        .issue
        .ok_or_else(|| failure(format!("{input}: error: import failed, no bundle written")))?;
    if a.strict && warnings > 0 {
        return Err(failure(format!(
            "{input}: error: {warnings} warning(s) and --strict: no bundle written"
        )));
    }
    write_output(output.as_deref(), &to_json(&issue))?;
    if let Some(path) = output {
        let news = issue.counts().news;
        let edition = path.with_file_name(files::bundle(issue.number, Script::Hans));
        write_output(Some(&edition), &to_json(&simplified_issue(&issue)))?;
        if !a.json {
            eprintln!(
                "wrote {} (issue {}, {news} news items, {warnings} warning(s)) and its zh-Hans \
                 edition {}",
                path.display(),
                issue.number,
                edition.display()
            );
        }
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

fn cmd_convert(a: args::Convert) -> Result<(), ExitCode> {
    let input = a.input;
    let output = a.output;
    let issue = read_bundle(&input)?;
    if issue.lang != Script::Hant {
        return Err(failure(format!(
            "{input}: error: the bundle is {}; only zh-Hant bundles are converted",
            issue.lang
        )));
    }
    write_output(output.as_deref(), &to_json(&simplified_issue(&issue)))
}

fn cmd_html(a: args::Html) -> Result<(), ExitCode> {
    let input = a.input;
    let output = a.output;
    let issue = read_bundle(&input)?;
    write_output(
        output.as_deref(),
        &sheto::app::publish::issue_page(&issue, sheto::i18n::Lang::from(issue.lang)),
    )
}

fn cmd_publish(a: args::Publish) -> Result<(), ExitCode> {
    use sheto::site::publish::{publish, Options, Problem};
    let options = Options {
        site_url: a.site_url,
        cards: card_font(),
    };
    match publish(&a.site, &options) {
        Ok(published) => {
            eprintln!(
                "{}: issue {} drawn into the page; {} issue pages in {}",
                a.site.join("index.html").display(),
                published.newest,
                published.pages,
                a.site.join("issues").display()
            );
            Ok(())
        }
        Err(error) => {
            if let Problem::Bundle(findings) = &error.problem {
                for f in findings {
                    eprintln!("{}", f.render(&error.file.display().to_string()));
                }
            }
            Err(failure(error.to_string()))
        }
    }
}

/// Makes the preview cards' font the first CJK font found (SHETO_CARD_FONT, else where Debian,
/// macOS and Windows keep theirs). None: a warning, and pages without a card image.
fn card_font() -> bool {
    const KNOWN: [&str; 6] = [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        "C:\\Windows\\Fonts\\msjh.ttc",
    ];
    let named = std::env::var("SHETO_CARD_FONT").ok();
    let found = named
        .iter()
        .map(String::as_str)
        .chain(KNOWN)
        .find_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            // Read once per run, and kept for the run: plotters holds fonts for good.
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            match sheto::chart::card::use_font(bytes) {
                Ok(()) => Some(()),
                Err(e) => {
                    eprintln!("{path}: warning: {e}; not used for preview cards");
                    None
                }
            }
        });
    if found.is_none() {
        eprintln!(
            "warning: no CJK font found for the preview cards' images (set SHETO_CARD_FONT to \
one, e.g. after apt-get install fonts-wqy-microhei): pages published without og:image"
        );
    }
    found.is_some()
}

fn input_error(severity: Severity, message: String) -> Finding {
    Finding {
        severity,
        location: Location::Input,
        message: Message::english(message),
    }
}

/// Writes the search index afresh: its manifest, and its files in a directory named after
/// their hash; any other directory there (an older build's) and a `search.json` of the
/// single-file format before it are removed.
fn write_search(dir: &Path, search: &sheto::search::SearchFiles) -> Result<(), ExitCode> {
    let cannot = |path: &Path, e: std::io::Error| {
        failure(format!("{}: error: cannot write: {e}", path.display()))
    };
    let root = dir.join("search");
    let files = root.join(&search.manifest.version);
    let _ = std::fs::remove_file(dir.join("search.json"));
    if let Ok(entries) = std::fs::read_dir(&root) {
        for entry in entries.flatten() {
            if entry.path().is_dir() && entry.path() != files {
                std::fs::remove_dir_all(entry.path()).map_err(|e| cannot(&entry.path(), e))?;
            }
        }
    }
    std::fs::create_dir_all(&files).map_err(|e| cannot(&files, e))?;
    for (name, bytes) in &search.files {
        let path = files.join(name);
        std::fs::write(&path, bytes).map_err(|e| cannot(&path, e))?;
    }
    write_output(Some(&root.join("index.json")), &search.manifest_json())
}

/// The search index's manifest, and every file it names: each text file an issue needs, and
/// each shard in its directory.
fn validate_search(path: &Path, bytes: &[u8]) -> Vec<Finding> {
    use sheto::search::{postings::ShardId, Archive, ChunkId, Loaded, SearchFile};
    let mut v = sheto::validate::validate_search_manifest(bytes);
    let Some(manifest) = v.value.filter(|_| v.findings.is_empty()) else {
        return v.findings;
    };
    let dir = path.with_file_name(&manifest.version);
    let archive = Archive::new(manifest);
    let mut files: Vec<SearchFile> = Vec::new();
    for &(issue, items) in &archive.manifest.issues {
        let chunks = items.div_ceil(archive.manifest.chunk);
        files.extend((0..chunks).map(|n| SearchFile::Text(ChunkId { issue, n })));
    }
    for gram in [
        sheto::search::postings::Gram::One,
        sheto::search::postings::Gram::Two,
    ] {
        for bucket in 0..archive.manifest.buckets {
            let file = SearchFile::Shard(ShardId { gram, bucket });
            if dir.join(file.file()).is_file() {
                files.push(file);
            }
        }
    }
    let mut loaded = Loaded::default();
    for file in files {
        let name = archive.path(&file);
        let result = std::fs::read(dir.join(file.file()))
            .map_err(|e| e.to_string())
            .and_then(|bytes| archive.accept(&mut loaded, file, bytes));
        if let Err(e) = result {
            let at = JsonPath::root().key("version");
            v.findings.push(Finding::at_path(
                Severity::Error,
                at,
                Message::english(format!("{name}: {e}")),
            ));
        }
    }
    v.findings
}

/// The findings for one file: its own, then its agreement with the index.json beside it.
fn validate_file(path: &Path) -> Vec<Finding> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![input_error(Severity::Error, format!("cannot read: {e}"))],
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == "series.json" {
        return sheto::validate::validate_series_json(&bytes).findings;
    }
    if name == "index.json" && path.parent().and_then(Path::file_name) == Some("search".as_ref()) {
        return validate_search(path, &bytes);
    }
    if name == "index.json" || files::is_year_index(&name) {
        let mut v = validate_index_json(&bytes);
        if let Some(index) = &v.value {
            let dir = path.parent().unwrap_or(Path::new("."));
            for (i, entry) in index.issues.iter().enumerate() {
                let editions = entry.editions.iter().enumerate();
                let at = JsonPath::root().key("issues").at(i);
                let files = std::iter::once((at.key("file"), &entry.file))
                    .chain(editions.map(|(j, e)| (at.key("editions").at(j).key("file"), &e.file)));
                for (at, file) in files {
                    if !dir.join(file).is_file() {
                        let msg = format!("file {file} is missing beside index.json");
                        v.findings.push(Finding::at_path(
                            Severity::Error,
                            at,
                            Message::english(msg),
                        ));
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
            Some(index) => {
                // index.json lists the newest issues; an older one is in its year's file.
                let year = index.year_of(issue.number).and_then(|year| {
                    let bytes = std::fs::read(path.with_file_name(&year.file)).ok()?;
                    Some((year.file.clone(), validate_index_json(&bytes).value?))
                });
                let (listing, listed) = year.unwrap_or(("index.json".to_string(), index));
                v.findings
                    .extend(check_against_index(issue, &name, &listed, &listing))
            }
            None => v.findings.push(Finding {
                severity: Severity::Warning,
                location: Location::Input,
                message: Message::english(format!(
                    "{} cannot be read, so it was not compared",
                    index_path.display()
                )),
            }),
        }
    }
    v.findings
}

fn cmd_validate(a: args::Validate) -> Result<(), ExitCode> {
    let json = a.json;
    let files = a.files;
    let mut any_error = false;
    let mut report = Vec::new();
    for path in &files {
        let file = path.display().to_string();
        for finding in validate_file(path) {
            any_error |= finding.is_error();
            if json {
                report.push(serde_json::json!({ "file": file, "finding": finding }));
            } else {
                println!("{}", finding.render_in(&file, a.lang));
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

fn cmd_index(a: args::Index) -> Result<(), ExitCode> {
    use sheto::files::is_original_bundle;
    use sheto::site::Bundle;
    let dir = a.dir.as_path();
    let feed = a.feed.unwrap_or_else(|| dir.join("..").join("feed.xml"));
    let entries = std::fs::read_dir(dir).map_err(|e| {
        failure(format!(
            "{}: error: cannot read directory: {e}",
            dir.display()
        ))
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| is_original_bundle(name))
        .collect();
    names.sort();
    let mut bundles = Vec::with_capacity(names.len());
    for file in names {
        let bytes = read_input(&dir.join(&file).display().to_string())?;
        bundles.push(Bundle { file, bytes });
    }
    let indexed = sheto::site::index(&bundles).map_err(|refused| {
        for r in &refused {
            eprintln!(
                "{}",
                r.finding
                    .render_in(&dir.join(&r.file).display().to_string(), a.lang)
            );
        }
        failure(format!(
            "{}: error: nothing written: fix the bundles above first",
            dir.display()
        ))
    })?;
    for (name, text) in &indexed.files {
        write_output(Some(&dir.join(name)), text)?;
    }
    if let Some(atom) = &indexed.feed {
        write_output(Some(&feed), atom)?;
    }
    write_search(dir, &indexed.search)?;
    eprintln!(
        "wrote {}: {} issue(s) with their zh-Hans editions and pages, index.json, index.html, \
         series.json, search/; and {}",
        dir.display(),
        indexed.issues,
        feed.display()
    );
    Ok(())
}
