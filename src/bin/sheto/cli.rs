//! The command line of `sheto`, native only (the reader's and the preview's wasm never link it).
use sheto::bundle::Script;
use sheto::convert::{edition_file, simplified_issue};
use sheto::finding::{Finding, JsonPath, Location, Message, Severity};
use sheto::i18n::Lang;
use sheto::import::{import, to_json};
use sheto::validate::{check_against_index, validate_index_json, validate_issue_json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "sheto: the editors' tool for the newsletter's web edition

usage:
  sheto import FILE.pdf|FILE.txt [-o OUT.json] [--text OUT.txt] [--strict] [--format text|json] [--lang L]
                                           newsletter PDF or text -> issue bundle (stdout without -o);
                                           with -o, also NNN.zh-Hans.json beside it, its
                                           Simplified edition (NNN: the issue's number)
  sheto convert --to zh-Hans BUNDLE.json [-o OUT.json]
                                           the Simplified edition of a bundle (stdout without -o)
  sheto validate [--format text|json] [--lang L] FILE...
                                           check bundles and index.json; exit 1 on any error
  sheto html BUNDLE.json [-o OUT.html]     the issue as a plain HTML page, no script (stdout without -o)
  sheto index DIR [--feed FILE]            from DIR/NNN.json write NNN.zh-Hans.json, their .html,
                                           index.json, index.html, series.json, the search index
                                           (search/) and the Atom feed (FILE, default
                                           DIR/../feed.xml)
  sheto publish SITE [--site-url URL]      SITE/index.html (the reader's page as trunk built it)
                                           with the newest issue of SITE/issues drawn into it,
                                           and every issue's own page and preview image
  sheto search DIR QUERY                   what a reader's search finds in DIR's index, and the
                                           files it fetches
  sheto help [COMMAND]                     this text, or a command's own (also COMMAND --help)

exit status: 0 done; 1 the input has errors (or warnings, with --strict); 2 a wrong command line";

const IMPORT_HELP: &str =
    "usage: sheto import FILE.pdf|FILE.txt [-o OUT.json] [--text OUT.txt] [--strict] [--format text|json] [--lang L]

Reads the newsletter's PDF, or its text as a PDF extractor gives it (FILE or - for standard
input), and writes its bundle: to standard output, or to OUT.json and, beside it, its Simplified
edition named as `sheto index` expects it, NNN.zh-Hans.json (NNN: the issue's number).
A PDF's text is read with its layout (paragraphs, headings, table cells by position, running
headers and page numbers by their place); its findings name the page and line. A text that
keeps the PDF's line breaks (pdftotext, a copy from a PDF viewer) has its paragraphs rejoined.
Before reading the structure it mends what the PDF did to the text (page numbers, running
headers, links and titles wrapped onto the next line, full-width digits, stray tabs); every
change, and everything joined, left out, guessed or left empty, is a finding with its line.

  -o, --output OUT.json   write the bundle there (and NNN.zh-Hans.json beside it)
  --text OUT.txt          also write the text read from a PDF (a paragraph a line, table cells
                          apart by tabs): to check against the PDF, fix, and import again
  --strict                exit 1 on any warning as well, and write nothing (publishing scripts)
  --format text|json      findings as FILE:LINE: severity: message lines (default), or as the
                          JSON array `sheto validate --format json` prints; JSON findings go to
                          standard output with -o, else to standard error (the bundle is there)
  --lang en|zh-Hant|zh-Hans  the findings' messages in English (default), 繁 or 简

exit status: 0 bundle written; 1 errors (no bundle), or warnings with --strict; 2 usage";

const CONVERT_HELP: &str = "usage: sheto convert --to zh-Hans BUNDLE.json [-o OUT.json]

Writes the Simplified (zh-Hans) edition of a zh-Hant bundle: texts through OpenCC's hk2s,
links, dates and figures unchanged.";

const VALIDATE_HELP: &str = "usage: sheto validate [--format text|json] [--lang L] FILE...

Checks issue bundles, index.json, series.json and the search index (search/index.json and every
file it names) against the format; a bundle is also compared with the index.json beside it.
--lang en|zh-Hant|zh-Hans gives the findings' messages in English (default), 繁 or 简.
Exit 1 on any error.";

const HTML_HELP: &str = "usage: sheto html BUNDLE.json [-o OUT.html]

Writes the issue as a plain HTML page with no script.";

const INDEX_HELP: &str = "usage: sheto index DIR [--feed FILE]

From DIR/NNN.json writes every derived file: NNN.zh-Hans.json, the plain pages, index.json,
index.html, series.json, the search index (DIR/search/: index.json and a directory of shards
and texts named after their hash; an older one is removed), and the Atom feed (FILE, default
DIR/../feed.xml).";

const PUBLISH_HELP: &str = "usage: sheto publish SITE [--site-url URL]

Draws the newest issue of SITE/issues/index.json into SITE/index.html, the reader's page as trunk
built it (an empty <div id=\"app\">), and every issue of the archive in each edition into its own
page (SITE/issues/233.html, 233.zh-Hans.html): pages complete before any script runs, with the
issue's title, description, link-preview cards and JSON-LD, and the issue's bundle for the
reader to adopt the page. Beside each page, the image of its preview card (233.png: the issue's
name and its GDP chart, 1200 x 630), drawn with a CJK font found on the machine (or the file
named by SHETO_CARD_FONT); without one, pages are published without an image, and a warning
says so. scripts/build runs it after trunk.

  --site-url URL   the site's public address (https://example.org/news/; or SHETO_SITE_URL):
                   canonical links and the cards' links and images are absolute with it, as
                   link previews in chat apps need; relative without it";

const SEARCH_HELP: &str = "usage: sheto search DIR QUERY

Answers QUERY from DIR's search index (DIR/search/, as `sheto index` writes it) with the reader's
own code: every matching item, title matches first and newest first, as `NNN anchor title`
lines, then the total and the files a reader's browser would fetch (and their bytes).";

fn help_of(command: &str) -> Option<&'static str> {
    Some(match command {
        "import" => IMPORT_HELP,
        "convert" => CONVERT_HELP,
        "validate" => VALIDATE_HELP,
        "html" => HTML_HELP,
        "index" => INDEX_HELP,
        "search" => SEARCH_HELP,
        "publish" => PUBLISH_HELP,
        _ => return None,
    })
}

/// A wrong command line: the problem, and the usage of the command it concerns.
fn usage(problem: &str, command: Option<&str>) -> ExitCode {
    let help = command.and_then(help_of).unwrap_or(USAGE);
    eprintln!("sheto: {problem}\n\n{help}");
    ExitCode::from(2)
}

fn failure(message: String) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(1)
}

#[derive(Debug, Default)]
struct Args {
    positional: Vec<String>,
    site_url: Option<String>,
    output: Option<PathBuf>,
    text: Option<PathBuf>,
    strict: bool,
    json: bool,
    /// The findings' language (text format): English unless asked.
    lang: Lang,
    to: Option<String>,
    feed: Option<PathBuf>,
    help: bool,
}

/// Parses a command's arguments (lexopt: `-o X`, `-oX`, `--output=X`, `--` before a file).
fn parse_args(command: &str, args: Vec<String>) -> Result<Args, ExitCode> {
    use lexopt::prelude::*;
    let bad = |e: lexopt::Error| usage(&e.to_string(), Some(command));
    let mut parser = lexopt::Parser::from_args(args);
    let mut a = Args {
        lang: Lang::En,
        ..Args::default()
    };
    while let Some(arg) = parser.next().map_err(bad)? {
        match arg {
            Short('h') | Long("help") => a.help = true,
            Short('o') | Long("output") if matches!(command, "import" | "convert" | "html") => {
                a.output = Some(parser.value().map_err(bad)?.into())
            }
            Long("strict") if command == "import" => a.strict = true,
            Long("text") if command == "import" => {
                a.text = Some(parser.value().map_err(bad)?.into())
            }
            Long("format") if matches!(command, "import" | "validate") => {
                let value = parser.value().map_err(bad)?;
                a.json = match value.to_str() {
                    Some("json") => true,
                    Some("text") => false,
                    _ => return Err(usage("--format takes `text` or `json`", Some(command))),
                }
            }
            Long("lang") if matches!(command, "import" | "validate") => {
                let value = parser.value().map_err(bad)?;
                a.lang = match value.to_str().and_then(Lang::from_tag) {
                    Some(lang) => lang,
                    None => {
                        let msg = "--lang takes `en`, `zh-Hant` or `zh-Hans`";
                        return Err(usage(msg, Some(command)));
                    }
                }
            }
            Long("to") if command == "convert" => {
                a.to = Some(parser.value().map_err(bad)?.string().map_err(bad)?)
            }
            Long("site-url") if command == "publish" => {
                a.site_url = Some(parser.value().map_err(bad)?.string().map_err(bad)?)
            }
            Long("feed") if command == "index" => {
                a.feed = Some(parser.value().map_err(bad)?.into())
            }
            Value(v) => a.positional.push(v.string().map_err(bad)?),
            _ => return Err(bad(arg.unexpected())),
        }
    }
    Ok(a)
}

pub fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        return usage("no command given", None);
    }
    let command = args.remove(0);
    let result = match command.as_str() {
        "help" | "-h" | "--help" => match args.first() {
            None => {
                println!("{USAGE}");
                Ok(())
            }
            Some(c) => match help_of(c) {
                Some(help) => {
                    println!("{help}");
                    Ok(())
                }
                None => Err(usage(&format!("no help for `{c}`: not a command"), None)),
            },
        },
        "import" | "convert" | "validate" | "html" | "index" | "search" | "publish" => {
            match parse_args(&command, args) {
                Ok(a) if a.help => {
                    println!("{}", help_of(&command).unwrap_or(USAGE));
                    Ok(())
                }
                Ok(a) => match command.as_str() {
                    "import" => cmd_import(a),
                    "convert" => cmd_convert(a),
                    "validate" => cmd_validate(a),
                    "html" => cmd_html(a),
                    "search" => cmd_search(a),
                    "publish" => cmd_publish(a),
                    _ => cmd_index(a),
                },
                Err(code) => Err(code),
            }
        }
        other => Err(usage(&format!("unknown command `{other}`"), None)),
    };
    result.err().unwrap_or(ExitCode::SUCCESS)
}

fn cmd_search(a: Args) -> Result<(), ExitCode> {
    use sheto::search::{Archive, Loaded, Step};
    let [dir, query] = a.positional.as_slice() else {
        return Err(usage("search needs DIR and QUERY", Some("search")));
    };
    let root = Path::new(dir).join("search");
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
                    let path = Path::new(dir).join(archive.path(&file));
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

/// The one input file (`-` for stdin) a command takes.
fn one_input(a: &Args, command: &str, what: &str) -> Result<String, ExitCode> {
    match a.positional.as_slice() {
        [input] => Ok(input.clone()),
        [] => Err(usage(&format!("{command} needs {what}"), Some(command))),
        [_, extra, ..] => Err(usage(
            &format!("unexpected argument `{extra}`"),
            Some(command),
        )),
    }
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

fn cmd_import(a: Args) -> Result<(), ExitCode> {
    let input = one_input(&a, "import", "a text file")?;
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
        let edition = path.with_file_name(edition_file(issue.number, Script::Hans));
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

fn cmd_convert(a: Args) -> Result<(), ExitCode> {
    if a.to.as_deref().and_then(Script::from_tag) != Some(Script::Hans) {
        return Err(usage("convert needs `--to zh-Hans`", Some("convert")));
    }
    let input = one_input(&a, "convert", "a bundle file")?;
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

fn cmd_html(a: Args) -> Result<(), ExitCode> {
    let input = one_input(&a, "html", "a bundle file")?;
    let output = a.output;
    let issue = read_bundle(&input)?;
    write_output(output.as_deref(), &sheto::app::publish::issue_page(&issue))
}

fn cmd_publish(a: Args) -> Result<(), ExitCode> {
    use sheto::view_state::Place;
    let site = PathBuf::from(one_input(&a, "publish", "the built site's directory")?);
    let issues = site.join("issues");
    let index_file = issues.join("index.json");
    let listed = |file: &Path| -> Result<sheto::bundle::ArchiveIndex, ExitCode> {
        let v = validate_index_json(&read_input(&file.display().to_string())?);
        match v.value {
            Some(index) if !v.has_errors() => Ok(index),
            _ => Err(failure(format!(
                "{}: error: not a valid index (run sheto validate on it)",
                file.display()
            ))),
        }
    };
    let index = listed(&index_file)?;
    let Some(newest) = index.issues.first() else {
        return Err(failure(format!(
            "{}: error: no issue in the index",
            index_file.display()
        )));
    };
    let page_file = site.join("index.html");
    let shell = String::from_utf8(read_input(&page_file.display().to_string())?)
        .map_err(|_| failure(format!("{}: error: not UTF-8", page_file.display())))?;
    let site_url = a
        .site_url
        .clone()
        .or_else(|| std::env::var("SHETO_SITE_URL").ok())
        .filter(|url| !url.is_empty());
    if let Some(url) = &site_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(usage(
                "--site-url takes the site's address, http:// or https://",
                Some("publish"),
            ));
        }
    }
    let cards = card_font();
    // Each edition's card drawn once, for its own page and (the newest) the site's.
    let drawn = std::cell::RefCell::new(std::collections::HashSet::new());
    let card = |issue: &sheto::bundle::Issue| -> Result<bool, ExitCode> {
        let file = issues.join(Place::card_file(issue.number, issue.lang));
        if !cards || drawn.borrow().contains(&file) {
            return Ok(cards);
        }
        match sheto::chart::card::card_png(issue) {
            Ok(Some(png)) => {
                std::fs::write(&file, png).map_err(|e| {
                    failure(format!("{}: error: cannot write: {e}", file.display()))
                })?;
                drawn.borrow_mut().insert(file);
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => Err(failure(format!("{}: error: {e}", file.display()))),
        }
    };
    let publish = |issue: &sheto::bundle::Issue, place: Place, out: &Path| {
        let share = sheto::app::publish::Share {
            site_url: site_url.clone(),
            card: card(issue)?,
        };
        let page = sheto::app::publish::app_page(&shell, issue, place, &share)
            .and_then(|page| sheto::site::policy::pin(&page))
            .map_err(|e| failure(format!("{}: error: {e}", page_file.display())))?;
        write_output(Some(out), &page)
    };
    // The staff preview is a page of the site too: its policy pinned the same way.
    let preview = site.join("preview.html");
    if let Ok(html) = std::fs::read_to_string(&preview) {
        let pinned = sheto::site::policy::pin(&html)
            .map_err(|e| failure(format!("{}: error: {e}", preview.display())))?;
        write_output(Some(&preview), &pinned)?;
    }
    let issue = read_bundle(&issues.join(&newest.file).display().to_string())?;
    publish(&issue, Place::Site, &page_file)?;
    // Every issue in every edition at its own address (issues/233.html, 233.zh-Hans.html), in
    // place of the plain page `sheto index` wrote there: the same page, which the app adopts.
    let mut entries = index.issues.clone();
    for year in &index.older {
        entries.extend(listed(&issues.join(&year.file))?.issues);
    }
    let mut pages = 0;
    for entry in &entries {
        let editions = entry.editions.iter().map(|e| &e.file);
        for file in std::iter::once(&entry.file).chain(editions) {
            let issue = read_bundle(&issues.join(file).display().to_string())?;
            publish(
                &issue,
                Place::IssuePage,
                &issues.join(Place::issue_file(issue.number, issue.lang)),
            )?;
            pages += 1;
        }
    }
    eprintln!(
        "{}: issue {} drawn into the page; {pages} issue pages in {}",
        page_file.display(),
        issue.number,
        issues.display()
    );
    Ok(())
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
    if name == "index.json" || sheto::bundle::YearFile::is_name(&name) {
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

fn cmd_validate(a: Args) -> Result<(), ExitCode> {
    let json = a.json;
    let files: Vec<PathBuf> = a.positional.iter().map(PathBuf::from).collect();
    if files.is_empty() {
        return Err(usage("validate needs at least one file", Some("validate")));
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

fn cmd_index(a: Args) -> Result<(), ExitCode> {
    use sheto::site::{is_original_bundle, Bundle};
    let dir = one_input(&a, "index", "one directory")?;
    let dir = Path::new(&dir);
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
