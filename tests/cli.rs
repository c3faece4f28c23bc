#![cfg(not(target_arch = "wasm32"))]
//! The `sheto` binary as an editor runs it: output, messages and exit codes.

mod common;
use common::*;
use std::process::{Command, Output};

fn sheto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sheto"))
        .args(args)
        .current_dir(repo("."))
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> Scratch {
    Scratch::new(&format!("cli-{name}"))
}

/// `sheto import sources/issue-233.txt -o DIR/233.json` in a fresh directory.
fn import_233_into(name: &str) -> (Scratch, Output) {
    let dir = temp_dir(name);
    let out = dir.join("233.json");
    let o = sheto(&[
        "import",
        "sources/issue-233.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    (dir, o)
}

#[test]
fn import_to_stdout_reproduces_the_published_bundle() {
    let o = sheto(&["import", "sources/issue-233.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), published_233());
    assert!(
        err.contains("sources/issue-233.txt:254: warning: event link has a space in it"),
        "{err}"
    );
    assert!(
        err.contains("sources/issue-233.txt:25: info: joined to the paragraph above it"),
        "{err}"
    );
}

#[test]
fn import_to_a_file_then_validate_it() {
    let (dir, o) = import_233_into("import");
    let out = dir.join("233.json");
    assert!(o.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), published_233());
    let o = sheto(&["index", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = sheto(&[
        "validate",
        out.to_str().unwrap(),
        dir.join("index.json").to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn import_of_a_text_without_a_data_table_fails_with_a_message() {
    let dir = temp_dir("missing");
    let source = source_233();
    let cut = format!(
        "{}{}",
        &source[..source.find("二. 經貿數據").unwrap()],
        &source[source.find("三. 經貿活動").unwrap()..]
    );
    let file = dir.join("broken.txt");
    std::fs::write(&file, cut).unwrap();
    let o = sheto(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("error: data table missing: expected a part headed 二. 經貿數據"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_published_files_passes() {
    let o = sheto(&[
        "validate",
        "public/issues/233.json",
        "public/issues/index.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.lines().count(),
        1,
        "only the URL-with-a-space warning: {out}"
    );
    assert!(out.starts_with(
        "public/issues/233.json: $.events.cities[1].events[0].url: warning: URL has a space in it"
    ));
}

#[test]
fn validate_a_broken_bundle_exits_1_with_located_messages() {
    let dir = temp_dir("broken");
    let syntax = dir.join("syntax.json");
    std::fs::write(&syntax, "{\n  \"number\": 233,\n  \"month\": }\n").unwrap();
    let meaning = dir.join("meaning.json");
    std::fs::write(
        &meaning,
        published_233().replace("\"2026-06-05\"", "\"2026-06-01\""),
    )
    .unwrap();
    let o = sheto(&[
        "validate",
        syntax.to_str().unwrap(),
        meaning.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(&format!(
            "{}:3:12: error: invalid JSON: expected value",
            syntax.display()
        )),
        "{out}"
    );
    let expected = format!("{}: $.events.cities[0].events[0].end: error: the event ends (2026-06-01) before it starts (2026-06-03)", meaning.display());
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn validate_json_format() {
    let dir = temp_dir("json");
    let file = dir.join("x.json");
    std::fs::write(&file, "[").unwrap();
    let o = sheto(&["validate", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report[0]["finding"]["severity"], "error");
    assert_eq!(report[0]["finding"]["location"]["kind"], "text");
    assert_eq!(report[0]["finding"]["location"]["line"], 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(sheto(&["validate"]).status.code(), Some(2));
    assert_eq!(
        sheto(&["validate", "--format", "xml", "a.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(sheto(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(sheto(&[]).status.code(), Some(2));
    let o = sheto(&["import"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("usage:"));
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let o = sheto(&["validate", "no/such.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("no/such.json: error: cannot read"));
}

#[test]
fn import_writes_the_simplified_edition_beside_the_bundle() {
    let (dir, o) = import_233_into("edition");
    assert!(o.status.success(), "{}", stderr(&o));
    let edition = std::fs::read_to_string(dir.join("233.zh-Hans.json")).unwrap();
    let published = std::fs::read_to_string(repo("public/issues/233.zh-Hans.json")).unwrap();
    assert_eq!(edition, published);
    let o = sheto(&["convert", "--to", "zh-Hans", "public/issues/233.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), published);
    // Converting twice makes no sense: the edition is not a zh-Hant original.
    let o = sheto(&[
        "convert",
        "--to",
        "zh-Hans",
        "public/issues/233.zh-Hans.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("only zh-Hant bundles are converted"));
    let o = sheto(&["convert", "--to", "en", "public/issues/233.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn index_writes_everything_derived_and_can_run_again() {
    let dir = temp_dir("derived");
    let issues = dir.join("issues");
    std::fs::create_dir_all(&issues).unwrap();
    std::fs::copy(repo("public/issues/233.json"), issues.join("233.json")).unwrap();
    for _ in 0..2 {
        let o = sheto(&["index", issues.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for (made, published) in [
        ("issues/233.zh-Hans.json", "public/issues/233.zh-Hans.json"),
        ("issues/index.json", "public/issues/index.json"),
        (
            "issues/search/index.json",
            "public/issues/search/index.json",
        ),
        ("issues/series.json", "public/issues/series.json"),
        ("feed.xml", "public/feed.xml"),
        ("issues/233.zh-Hans.html", "public/issues/233.zh-Hans.html"),
        ("issues/233.en.html", "public/issues/233.en.html"),
        ("issues/index.html", "public/issues/index.html"),
    ] {
        let made = std::fs::read_to_string(dir.join(made)).unwrap();
        assert_eq!(
            made,
            std::fs::read_to_string(repo(published)).unwrap(),
            "{published}"
        );
    }
    let o = sheto(&["validate", &format!("{}/issues/index.json", dir.display())]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The search index: its manifest and every file it names. An older build's directory and
    // the single-file index before it are removed.
    std::fs::create_dir_all(issues.join("search/0123456789abcdef")).unwrap();
    std::fs::write(issues.join("search.json"), "{}").unwrap();
    let o = sheto(&["index", issues.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !issues.join("search/0123456789abcdef").exists() && !issues.join("search.json").exists()
    );
    let search = issues.join("search/index.json");
    let o = sheto(&["validate", search.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest: sheto::search::Manifest =
        serde_json::from_str(&std::fs::read_to_string(&search).unwrap()).unwrap();
    let text = issues.join(format!("search/{}/t233-1.json", manifest.version));
    std::fs::write(&text, "[]").unwrap();
    let o = sheto(&["validate", search.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("t233-1.json: expected 4 items of issue 233, found 0"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // An edition listed in index.json must be there.
    std::fs::remove_file(issues.join("233.zh-Hans.json")).unwrap();
    let o = sheto(&["validate", &format!("{}/issues/index.json", dir.display())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("$.issues[0].editions[0].file"));
}

#[test]
fn help_in_every_form_exits_0_with_the_usage() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let o = sheto(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("sheto import FILE.pdf|FILE.txt"),
            "{args:?}: {out}"
        );
        assert!(stderr(&o).is_empty(), "{args:?}: no complaint");
    }
    for args in [
        &["help", "import"][..],
        &["import", "--help"],
        &["import", "-h"],
    ] {
        let o = sheto(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("--strict"), "{args:?}: {out}");
    }
    let o = sheto(&["import", "--bogus", "x.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--bogus"));
    // Each command's help and the overview are written from the options the parser takes: an
    // option one command takes is refused by another, and said so with that command's help.
    let overview = String::from_utf8_lossy(&sheto(&["help"]).stdout).into_owned();
    for (command, option) in [
        ("index", "--lang"),
        ("convert", "--to"),
        ("publish", "--site-url"),
    ] {
        let help = sheto(&["help", command]);
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(
            help.starts_with(&format!("usage: sheto {command} ")),
            "{help}"
        );
        assert!(
            help.contains(option) && overview.contains(option),
            "{command} {option}"
        );
        let refused = sheto(&["search", option, "x", "dir", "q"]);
        assert_eq!(refused.status.code(), Some(2), "{option}");
        assert!(stderr(&refused).contains("usage: sheto search DIR QUERY"));
    }
}

/// A next-month text with one warning: an item without its link.
fn text_with_a_warning(name: &str) -> (Scratch, std::path::PathBuf) {
    let dir = temp_dir(name);
    let source = source_233().replacen(
        "詳情請參看：\n\nhttps://www.jiangsu.gov.cn/art/2026/5/5/art_60096_11765597.html\n\n",
        "",
        1,
    );
    let path = dir.join("234.txt");
    std::fs::write(&path, source).unwrap();
    (dir, path)
}

#[test]
fn strict_turns_warnings_into_exit_1_and_writes_nothing() {
    let (_dir, text) = text_with_a_warning("strict");
    let out = text.with_file_name("234.json");
    let o = sheto(&[
        "import",
        text.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o)
        .contains("item 9 「江蘇新航季每週執行航班量超9 000架次」 has no 詳情請參看 link"));
    std::fs::remove_file(&out).unwrap();
    let o = sheto(&[
        "import",
        "--strict",
        text.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("--strict: no bundle written"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // 233's own text has a warning too (the space printed inside a link): --strict refuses it.
    let dir = temp_dir("strict-233");
    let out = dir.join("233.json");
    let o = sheto(&[
        "import",
        "--strict",
        "sources/issue-233.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn findings_as_json_like_validate() {
    let (_dir, text) = text_with_a_warning("json");
    let out = text.with_file_name("234.json");
    let o = sheto(&[
        "import",
        text.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let warning = report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["finding"]["severity"] == "warning"
                && r["finding"]["message"].as_str().unwrap().contains("item 9")
        })
        .expect("the warning");
    assert_eq!(warning["file"], text.to_str().unwrap());
    assert_eq!(warning["finding"]["location"]["kind"], "line");
    assert_eq!(warning["finding"]["location"]["line"], 133);
    // Without -o the bundle is on stdout and the findings on stderr.
    let o = sheto(&["import", text.to_str().unwrap(), "--format=json"]);
    let _: sheto::bundle::Issue = serde_json::from_slice(&o.stdout).unwrap();
    let _: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
}

#[test]
fn a_utf16_text_as_word_saves_it_imports_the_same() {
    let dir = temp_dir("utf16");
    let path = dir.join("233-utf16.txt");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(source_233().encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let o = sheto(&["import", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("info: read as UTF-16 (little-endian)"));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), published_233());
}

#[test]
fn search_answers_from_the_published_index_with_the_files_a_reader_fetches() {
    let o = sheto(&["search", "public/issues", "独角兽"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "233 item-17 浙江獨角獸企業達58家\n"
    );
    let err = stderr(&o);
    assert!(
        err.starts_with("1 item(s)\nfetched search/index.json ("),
        "{err}"
    );
    assert!(err.contains(".bin (") && err.contains("/t233-"), "{err}");
    let o = sheto(&["search", "public/issues"]);
    assert_eq!(o.status.code(), Some(2));
    let o = sheto(&["search", "tests", "上海"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("tests/search/index.json: error: cannot read"));
}

/// A site as trunk builds it (a shell index.html) with no. 233 indexed in its issues/.
fn site_to_publish(name: &str) -> Scratch {
    let dir = temp_dir(name);
    let issues = dir.join("issues");
    std::fs::create_dir_all(&issues).unwrap();
    std::fs::copy(repo("public/issues/233.json"), issues.join("233.json")).unwrap();
    let o = sheto(&["index", issues.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shell = "<!doctype html><html><meta charset=utf-8><title>t</title>\
<link href=./main-1.css rel=stylesheet></head><body><div id=app></div></body></html>";
    std::fs::write(dir.join("index.html"), shell).unwrap();
    dir
}

#[test]
fn publish_draws_the_newest_issue_into_the_site_page_and_every_issue_at_its_own_address() {
    let dir = site_to_publish("publish");
    let issues = dir.join("issues");
    for _ in 0..2 {
        let o = sheto(&["publish", dir.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("3 issue pages"), "{}", stderr(&o));
    }
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let site = read("index.html");
    assert!(
        site.contains("href=./main-1.css")
            && site.contains("id=\"sheto-issue\" data-lang=\"zh-Hant\">")
    );
    // Each issue in each interface language: 繁 and EN around the original, 简 its edition.
    for (page, interface, script) in [
        ("issues/233.html", "zh-Hant", "zh-Hant"),
        ("issues/233.zh-Hans.html", "zh-Hans", "zh-Hans"),
        ("issues/233.en.html", "en", "zh-Hant"),
    ] {
        let html = read(page);
        assert!(html.contains("href=../main-1.css"), "{page}");
        let data = format!("id=\"sheto-issue\" data-place=\"issue\" data-lang=\"{interface}\">");
        assert!(html.contains(&data), "{page}");
        assert!(html.contains(&format!("\"lang\":\"{script}\"")), "{page}");
    }
    // A site whose index lists nothing, or no index at all, is refused and nothing is written.
    std::fs::write(
        issues.join("index.json"),
        "{\"schema_version\": 1, \"issues\": []}",
    )
    .unwrap();
    let o = sheto(&["publish", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no issue in the index"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read("index.html"), site);
}

#[test]
fn publish_draws_each_editions_preview_card_and_links_it_absolutely_under_a_site_url() {
    let dir = site_to_publish("publish-cards");
    let o = sheto(&[
        "publish",
        dir.to_str().unwrap(),
        "--site-url",
        "https://example.org/news",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let hans = read("issues/233.zh-Hans.html");
    for tag in [
        "<link rel=\"canonical\" href=\"https://example.org/news/issues/233.zh-Hans.html\">",
        "<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.org/news/issues/233.html\">",
        "<meta property=\"og:url\" content=\"https://example.org/news/issues/233.zh-Hans.html\">",
        "<meta property=\"og:image\" content=\"https://example.org/news/issues/233.zh-Hans.png\">",
        "<meta property=\"og:image:alt\" content=\"地区生产总值（亿人民币）\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
    ] {
        assert!(hans.contains(tag), "{tag}");
    }
    let site = read("index.html");
    assert!(site.contains("<meta property=\"og:url\" content=\"https://example.org/news/\">"));
    assert!(site.contains(
        "<meta property=\"og:image\" content=\"https://example.org/news/issues/233.png\">"
    ));
    // Each card: 1200 × 630, mostly the page's white, with the chart's bars (Okabe–Ito blue,
    // as on the canvas) and dark text in it.
    for card in ["issues/233.png", "issues/233.zh-Hans.png"] {
        let file = std::fs::File::open(dir.join(card)).unwrap();
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let mut rgb = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!((info.width, info.height), (1200, 630), "{card}");
        let pixels: Vec<&[u8]> = rgb.chunks(3).collect();
        let count = |f: &dyn Fn(&[u8]) -> bool| pixels.iter().filter(|p| f(p)).count();
        let bar = sheto::chart::draw::LIGHT.series[0];
        let bars = count(&|p| p == [bar.0, bar.1, bar.2]);
        let ink = count(&|p| p.iter().all(|&c| c < 96));
        assert!(bars > 100_000, "{card}: {bars} pixels of the bars' colour");
        assert!(ink > 5_000, "{card}: {ink} pixels of text");
    }
    // Without a site's address the links are relative; a wrong one is refused.
    let o = sheto(&["publish", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read("issues/233.html");
    assert!(page.contains("<meta property=\"og:image\" content=\"233.png\">"));
    assert!(page.contains("<link rel=\"canonical\" href=\"233.html\">"));
    assert!(!page.contains("og:url"));
    let o = sheto(&[
        "publish",
        dir.to_str().unwrap(),
        "--site-url",
        "example.org",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--site-url"), "{}", stderr(&o));
}

#[test]
fn import_of_the_pdf_writes_the_bundle_and_names_pages() {
    let dir = temp_dir("pdf");
    let out = dir.join("233.json");
    let text = dir.join("233.txt");
    let o = sheto(&[
        "import",
        "tests/fixtures/pdf/233-writer.pdf",
        "-o",
        out.to_str().unwrap(),
        "--text",
        text.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), published_233());
    assert!(dir.join("233.zh-Hans.json").exists());
    // The finding on the ITE link names its page and line in the PDF.
    assert!(
        stderr(&o).contains("233-writer.pdf: page 8, line 33: warning: event link has a space"),
        "{}",
        stderr(&o)
    );
    // The text read from the PDF, imported again, gives the same bundle.
    let again = sheto(&["import", text.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(String::from_utf8_lossy(&again.stdout), published_233());
}

#[test]
fn a_pdf_that_cannot_be_read_is_an_error_that_says_why() {
    for (file, says) in [
        ("encrypted.pdf", "protected by a password"),
        ("scan.pdf", "no text in this PDF: it may be a scan"),
        ("truncated.pdf", "damaged"),
        ("not-a-pdf.pdf", "not a PDF"),
    ] {
        let o = sheto(&["import", &format!("tests/fixtures/pdf/{file}")]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        assert!(stderr(&o).contains(says), "{file}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{file}: nothing written");
    }
}

/// The findings in the editor's language on request (issue 24, 7); English stays the default.
#[test]
fn findings_in_the_language_asked_for() {
    let (_dir, path) = text_with_a_warning("lang");
    let input = path.to_str().unwrap();
    let english = stderr(&sheto(&["import", input]));
    assert!(english.contains("has no 詳情請參看 link"), "{english}");
    let hant = stderr(&sheto(&["import", "--lang", "zh-Hant", input]));
    assert!(hant.contains(": warning: 項目"), "{hant}");
    assert!(hant.contains("沒有「詳情請參看」連結"), "{hant}");
    let hans = stderr(&sheto(&["import", "--lang", "zh-Hans", input]));
    assert!(hans.contains("没有「详情请参看」连结"), "{hans}");
    let o = sheto(&["import", "--lang", "fr", input]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--lang takes"), "{}", stderr(&o));

    let dir = temp_dir("lang-validate");
    let file = dir.join("x.json");
    std::fs::write(&file, "[").unwrap();
    let o = sheto(&["validate", "--lang", "zh-Hant", file.to_str().unwrap()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("error: 應為 JSON 物件"), "{out}");
}

#[test]
fn index_refuses_a_careless_archive_and_writes_nothing() {
    let dir = temp_dir("careless");
    let issues = dir.join("issues");
    std::fs::create_dir_all(&issues).unwrap();
    for file in ["233.json", "234.json"] {
        std::fs::copy(repo("public/issues/233.json"), issues.join(file)).unwrap();
    }
    let o = sheto(&["index", issues.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(
        said.contains("234.json: $.number: error: issue 233 is also in 233.json"),
        "{said}"
    );
    assert!(said.contains("nothing written"), "{said}");
    assert!(!issues.join("index.json").exists() && !dir.join("feed.xml").exists());
}

#[test]
fn a_character_no_page_can_carry_is_removed_at_import_and_refused_at_validate() {
    let dir = temp_dir("unpublishable");
    let text = source_233().replacen("浙江", "浙\u{FFFE}江", 1);
    std::fs::write(dir.join("233.txt"), &text).unwrap();
    let out = dir.join("233.json");
    let o = sheto(&[
        "import",
        dir.join("233.txt").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: removed U+FFFE"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), published_233());
    let bundle = published_233().replacen("浙江", "浙\\ufffe江", 1);
    std::fs::write(&out, bundle).unwrap();
    let o = sheto(&["validate", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("character U+FFFE (at character 2) cannot be published"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn validate_refuses_a_search_manifest_that_claims_more_than_it_holds_at_once() {
    let dir = temp_dir("claims");
    let search = dir.join("search");
    std::fs::create_dir_all(&search).unwrap();
    let published = std::fs::read_to_string(repo("public/issues/search/index.json")).unwrap();
    let mut manifest: serde_json::Value = serde_json::from_str(&published).unwrap();
    manifest["issues"][0][1] = u32::MAX.into();
    manifest["buckets"] = u32::MAX.into();
    let file = search.join("index.json");
    std::fs::write(&file, manifest.to_string()).unwrap();
    // Before, this asked for a billion files (a 51 GB allocation) before reading one.
    let o = sheto(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("$.issues[0]: error: issue 233 claims 4294967295 items"),
        "{out}"
    );
    assert!(
        out.contains("$.buckets: error: 4294967295 buckets"),
        "{out}"
    );
}

#[test]
fn validate_knows_every_file_index_writes_for_an_archive_of_30_issues() {
    // A FIXTURE archive (not real issues): no. 233 renumbered 1–30, monthly from January 2024,
    // so that index.json lists the newest 24 and two year files the rest.
    let dir = temp_dir("thirty");
    let issues = dir.join("issues");
    std::fs::create_dir_all(&issues).unwrap();
    for n in 1..=30u32 {
        let mut issue = issue_233();
        issue.number = n;
        issue.month = format!("{}-{:02}", 2024 + (n - 1) / 12, (n - 1) % 12 + 1);
        issue.masthead.dateline = format!("測試資料（非真實期數）第{n}期");
        std::fs::write(
            issues.join(format!("{n}.json")),
            sheto::import::to_json(&issue),
        )
        .unwrap();
    }
    let o = sheto(&["index", issues.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(issues.join("index-2024.json").is_file());
    let mut files: Vec<String> = std::fs::read_dir(&issues)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let o = sheto(&args);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    // No finding but no. 233's own (its URL with a space, kept as printed): no year file read
    // as a bundle, no old issue "not listed".
    assert_eq!(out.lines().count(), 60, "{out}");
    assert!(
        out.lines()
            .all(|l| l.contains("warning: URL has a space in it")),
        "{out}"
    );
    // An old issue that disagrees with its year's file is told so, naming that file.
    let mut one = issue_233();
    one.number = 2;
    one.month = "2024-03".into();
    std::fs::write(issues.join("2.json"), sheto::import::to_json(&one)).unwrap();
    let o = sheto(&["validate", issues.join("2.json").to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("$.month: error: month 2024-03 disagrees with index-2024.json (2024-02)"),
        "{out}"
    );
}

/// The inline scripts that run on a page (not its data), each as `'sha256-…'`: worked out here
/// apart from the library's own code.
fn script_hashes(html: &str) -> Vec<String> {
    use base64::Engine;
    use sha2::Digest;
    html.split("<script")
        .skip(1)
        .filter(|s| {
            !s.starts_with(" type=\"application/json\"")
                && !s.starts_with(" type=\"application/ld+json\"")
        })
        .filter_map(|s| {
            let text = &s[s.find('>')? + 1..s.find("</script>")?];
            let digest = sha2::Sha256::digest(text.as_bytes());
            Some(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ))
        })
        .collect()
}

#[test]
fn publish_twice_gives_the_same_pages_each_allowing_exactly_its_own_scripts() {
    let dir = site_to_publish("policy");
    // trunk's page: a preloaded app module with its SRI hash, and an inline loader.
    let shell = "<!doctype html><html><meta charset=utf-8><title>t</title>\
<link rel=modulepreload href=./app-1.js crossorigin=anonymous integrity=sha384-abc>\
<link href=./main-1.css rel=stylesheet></head><body><div id=app></div>\
<script type=module>import init from './app-1.js';init();</script></body></html>";
    std::fs::write(dir.join("index.html"), shell).unwrap();
    std::fs::write(
        dir.join("preview.html"),
        shell.replace("app-1", "preview-1"),
    )
    .unwrap();
    let pages = [
        "index.html",
        "preview.html",
        "issues/233.html",
        "issues/233.zh-Hans.html",
    ];
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let o = sheto(&["publish", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let once: Vec<String> = pages.iter().map(|p| read(p)).collect();
    let o = sheto(&["publish", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (page, first) in pages.iter().zip(&once) {
        let html = read(page);
        assert_eq!(&html, first, "{page} changed when published again");
        let policy = html
            .split("<meta http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .unwrap_or_else(|| panic!("{page}: no policy"));
        let mut allowed: Vec<String> = policy
            .split_whitespace()
            .filter(|s| s.starts_with("'sha256-"))
            .map(|s| s.trim_end_matches(';').to_string())
            .collect();
        let mut own = script_hashes(&html);
        allowed.sort();
        own.sort();
        assert_eq!(allowed, own, "{page}: its policy and its scripts");
        assert_eq!(own.len(), 2, "{page}: the loader and the import map");
    }
    // The issue page's import map names the app one folder down; its loader reads the root
    // from the page, so it is the same script (and hash) as the site page's.
    let issue_page = read("issues/233.html");
    assert!(issue_page.contains("{\"integrity\":{\"../app-1.js\":\"sha384-abc\"}}"));
    assert!(issue_page.contains("data-root=\"../\""));
}
