#![cfg(not(target_arch = "wasm32"))]
//! Publishing as a function (`sheto::site::index`): careless archives are refused with every
//! file named, and what is written is well-formed. The archives here are no. 233 with its number
//! and month changed: test fixtures, not real issues.

mod common;
use common::*;
use serde_json::Value;
use sheto::site::{index, Bundle, Refusal};

/// No. 233's bundle as issue `number` of `month`, in `file`.
fn bundle(file: &str, number: u32, month: &str) -> Bundle {
    let mut value: Value = serde_json::from_str(&published_233()).unwrap();
    value["number"] = number.into();
    value["month"] = month.into();
    let dateline = format!("{month}（第{number}期）");
    value["masthead"]["dateline"] = dateline.into();
    Bundle {
        file: file.to_string(),
        bytes: serde_json::to_vec_pretty(&value).unwrap(),
    }
}

fn refused(bundles: &[Bundle]) -> Vec<Refusal> {
    match index(bundles) {
        Ok(_) => panic!("an archive that should be refused was indexed"),
        Err(refused) => refused,
    }
}

fn said(refusals: &[Refusal]) -> Vec<String> {
    refusals.iter().map(|r| r.finding.render(&r.file)).collect()
}

#[test]
fn a_sound_archive_is_indexed_and_every_file_is_named_once() {
    let archive = [
        bundle("231.json", 231, "2026-03"),
        bundle("232.json", 232, "2026-04"),
        bundle("233.json", 233, "2026-05"),
    ];
    let indexed = index(&archive).unwrap();
    assert_eq!(indexed.issues, 3);
    let mut names: Vec<&str> = indexed.files.iter().map(|(n, _)| n.as_str()).collect();
    let count = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), count, "a file written twice: {names:?}");
    for made in [
        "233.html",
        "233.zh-Hans.json",
        "231.zh-Hans.html",
        "index.json",
        "series.json",
    ] {
        assert!(names.contains(&made), "{made} in {names:?}");
    }
    assert!(indexed.feed.unwrap().contains("<id>"));
}

#[test]
fn three_files_saying_one_issue_are_refused_naming_each() {
    let archive = [
        bundle("233.json", 233, "2026-05"),
        bundle("234.json", 233, "2026-05"),
        bundle("235.json", 233, "2026-05"),
    ];
    let said = said(&refused(&archive));
    assert!(
        said.iter()
            .any(|s| s.starts_with("234.json: $.number: error: issue 233 is also in 233.json")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|s| s.starts_with("235.json: $.number: error: issue 233 is also in 234.json")),
        "{said:#?}"
    );
    // Each is also named for another issue than its own.
    assert!(
        said.iter()
            .any(|s| s.contains("235.json")
                && s.contains("this file holds issue 233: name it 233.json")),
        "{said:#?}"
    );
}

#[test]
fn an_issue_dated_out_of_its_numbers_order_is_refused_naming_both() {
    let mut archive: Vec<Bundle> = (1..=30)
        .map(|n| {
            let month = format!("{}-{:02}", 2020 + (n - 1) / 12, (n - 1) % 12 + 1);
            bundle(&format!("{n}.json"), n, &month)
        })
        .collect();
    // Issue 4 of April 2020 typed as 2019.
    archive[3] = bundle("4.json", 4, "2019-04");
    let said = said(&refused(&archive));
    assert_eq!(
        said,
        [
            "4.json: $.month: error: issue 4 is dated 2019-04, before issue 3 (2020-03, in 3.json): \
             check the month or the number"
        ],
    );
}

#[test]
fn a_character_xml_cannot_carry_is_refused_with_its_place() {
    let mut value: Value = serde_json::from_str(&published_233()).unwrap();
    value["news_flash"]["groups"][0]["articles"][1]["title"] = "上海\u{FFFE}消息".into();
    let archive = [Bundle {
        file: "233.json".into(),
        bytes: serde_json::to_vec(&value).unwrap(),
    }];
    assert_eq!(
        said(&refused(&archive)),
        ["233.json: $.news_flash.groups[0].articles[1].title: error: character U+FFFE (at character 3) \
          cannot be published: HTML and XML cannot carry it"],
    );
}

#[test]
fn a_simplified_bundle_or_a_broken_one_is_refused_and_nothing_is_indexed() {
    let mut hans: Value = serde_json::from_str(&published_233()).unwrap();
    hans["lang"] = "zh-Hans".into();
    let archive = [
        Bundle {
            file: "232.json".into(),
            bytes: b"{\"number\": ".to_vec(),
        },
        Bundle {
            file: "233.json".into(),
            bytes: serde_json::to_vec(&hans).unwrap(),
        },
    ];
    let said = said(&refused(&archive));
    assert!(
        said[0].starts_with("232.json:1:11: error: invalid JSON: EOF"),
        "{said:#?}"
    );
    assert!(said[1].starts_with("233.json: $.lang: error: an original bundle must be zh-Hant"));
}

#[test]
fn the_icon_is_drawn_in_the_masthead_red_and_the_manifest_installs_under_any_sub_path() {
    use sheto::site::icon::{icon_png, manifest, ACCENT, ICONS};
    for (file, size) in ICONS {
        let png = icon_png(size);
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut rgb = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!((info.width, info.height), (size, size), "{file}");
        let pixel = |x: u32, y: u32| {
            let at = ((y * size + x) * 3) as usize;
            [rgb[at], rgb[at + 1], rgb[at + 2]]
        };
        // The corners are the office's red; the sheet, white, keeps inside the maskable zone.
        assert_eq!(pixel(0, 0), ACCENT, "{file}");
        assert_eq!(pixel(size * 30 / 100, size / 2), [255, 255, 255], "{file}");
        assert_eq!(pixel(size / 10, size / 2), ACCENT, "{file}");
    }
    let m: serde_json::Value = serde_json::from_str(&manifest()).unwrap();
    assert_eq!(m["start_url"], "./");
    assert_eq!(m["scope"], "./");
    assert_eq!(m["theme_color"], "#9b1b30");
    assert_eq!(m["icons"].as_array().unwrap().len(), 2);
    assert!(m["icons"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| !i["src"].as_str().unwrap().starts_with('/')));
}

/// `sheto publish` as a function: a site whose index lists a damaged bundle is refused naming
/// that file and its findings; a shell with nowhere to draw the issue names the page and why;
/// a sound site publishes the same bytes twice.
#[test]
fn publishing_names_the_file_that_stops_it_and_is_idempotent() {
    use sheto::site::publish::{publish, Options, Problem};
    use sheto::site::shell::ShellError;
    let site = Scratch::new("publish-fn");
    let issues = site.join("issues");
    std::fs::create_dir_all(&issues).unwrap();
    let indexed = index(&[bundle("233.json", 233, "2026-05")]).unwrap();
    for (file, text) in &indexed.files {
        std::fs::write(issues.join(file), text).unwrap();
    }
    std::fs::write(issues.join("233.json"), published_233()).unwrap();
    let shell = "<!doctype html><html lang=zh-Hant-HK><meta charset=utf-8><title>t</title>\
<link href=./main-1.css rel=stylesheet></head><body><div id=app></div></body></html>";
    std::fs::write(site.join("index.html"), shell).unwrap();
    let options = Options::default();

    let published = publish(&site, &options).unwrap();
    assert_eq!((published.newest, published.pages), (233, 3));
    let pages = [
        "index.html",
        "issues/233.html",
        "issues/233.zh-Hans.html",
        "issues/233.en.html",
    ];
    let read = |page: &str| std::fs::read_to_string(site.join(page)).unwrap();
    let once: Vec<String> = pages.iter().map(|p| read(p)).collect();
    publish(&site, &options).unwrap();
    for (page, first) in pages.iter().zip(&once) {
        assert_eq!(&read(page), first, "{page} changed when published again");
    }

    std::fs::write(issues.join("233.zh-Hans.json"), "{\"number\": \"233\"}").unwrap();
    let error = publish(&site, &options).unwrap_err();
    assert_eq!(error.file, issues.join("233.zh-Hans.json"));
    let Problem::Bundle(findings) = &error.problem else {
        panic!("{error}")
    };
    assert!(!findings.is_empty());

    std::fs::write(site.join("index.html"), shell.replace("id=app", "id=root")).unwrap();
    let error = publish(&site, &options).unwrap_err();
    assert_eq!(error.file, site.join("index.html"));
    assert!(matches!(error.problem, Problem::Shell(ShellError::NoApp)));
    assert!(error
        .to_string()
        .ends_with("index.html: error: no <div id=\"app\"> to draw the issue into"));
}
