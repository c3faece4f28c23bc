#![cfg(not(target_arch = "wasm32"))]
//! From the newsletter's PDF to a faithful bundle: no. 233's PDFs made as an office makes them
//! (`tests/fixtures/pdf/make.py` says how each was made: LibreOffice from a flat ODT, the same
//! via .docx, Chromium printing HTML, a narrow column in a large font), and the text that
//! `pdftotext` gives of each in its three modes. Every one must give no. 233's bundle, or say
//! loudly where it cannot.

mod common;
use common::*;
use sheto::finding::{Location, Severity};
use sheto::import::{import, import_pdf, to_json};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn reference() -> String {
    to_json(&import(&source_233()).issue.unwrap())
}

/// The PDFs whose text, read with its layout, is no. 233 word for word.
const FAITHFUL: [&str; 3] = ["233-writer.pdf", "233-writer.docx.pdf", "233-chromium.pdf"];

#[test]
fn a_narrow_column_is_read_and_its_doubtful_joins_are_said() {
    // 14 pt in a 12 cm column: titles over two and three lines, cells cut mid-word. Where a
    // cell's line ends, nothing tells whether a space stood there (`…中心` / `(SNIEC)`), nor
    // whether `Inform` / `a` is one word: each join is a warning, and the rest is no. 233.
    let bytes = std::fs::read(fixture("233-narrow.pdf")).unwrap();
    let read = import_pdf(&bytes).unwrap();
    let warned = |needle: &str| {
        read.outcome
            .findings
            .iter()
            .any(|f| f.severity == Severity::Warning && f.message.contains(needle))
    };
    assert!(warned("(SNIEC)"));
    assert!(warned("Inform"));
    let got = to_json(read.outcome.issue.as_ref().unwrap());
    assert_eq!(
        got.replace("上海新國際博覽中心(SNIEC)", "上海新國際博覽中心 (SNIEC)"),
        reference()
    );
}

#[test]
fn each_pdf_gives_the_published_bundle_byte_for_byte() {
    for name in FAITHFUL {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let read = import_pdf(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let errors: Vec<_> = read
            .outcome
            .findings
            .iter()
            .filter(|f| f.is_error())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(
            to_json(read.outcome.issue.as_ref().unwrap()),
            reference(),
            "{name}: the bundle differs from 233.json (text read:\n{})",
            read.extracted.text
        );
        // The ITE link printed with a space is still reported, on its page.
        let space = read
            .outcome
            .findings
            .iter()
            .find(|f| f.message.contains("space in it"))
            .unwrap_or_else(|| panic!("{name}: the link with a space is not reported"));
        let Location::Line { line } = space.location else {
            panic!("{name}: {space:?}")
        };
        let place = read.extracted.place(line).unwrap();
        assert!(place.page >= 6 && place.line > 0, "{name}: {place:?}");
    }
}

#[test]
fn page_furniture_is_left_out_by_its_place_and_said() {
    let bytes = std::fs::read(fixture("233-writer.pdf")).unwrap();
    let read = import_pdf(&bytes).unwrap();
    // The running header (the title again) and the page numbers are on every page of the PDF
    // and in none of the text read from it, except the masthead's own title.
    let text = &read.extracted.text;
    assert_eq!(
        text.matches("香港特區政府駐上海經濟貿易辦事處通訊\n")
            .count(),
        1
    );
    assert!(!text
        .lines()
        .any(|l| l.trim() == "- 2 -" || l.trim() == "-2-"));
    let note = read
        .outcome
        .findings
        .iter()
        .find(|f| {
            f.message
                .contains("running headers, footers and page numbers")
        })
        .unwrap();
    assert_eq!(note.severity, Severity::Info);
    assert!(note.message.contains("10 page(s)"), "{}", note.message);
}

#[test]
fn the_data_table_repeated_across_a_page_break_is_one_table() {
    // 233-writer.pdf breaks the data table after 上海市 and repeats its header on page 8.
    let bytes = std::fs::read(fixture("233-writer.pdf")).unwrap();
    let read = import_pdf(&bytes).unwrap();
    let data = &read.outcome.issue.unwrap().economic_data;
    assert_eq!(data.rows.len(), 5);
    assert_eq!(data.comparison_label, "與2025年同期相比");
    assert_eq!(data.region_label, "省/市");
}

#[test]
fn unreadable_pdfs_say_what_is_wrong() {
    for (name, says) in [
        ("encrypted.pdf", "password"),
        ("scan.pdf", "no text in this PDF: it may be a scan"),
        ("truncated.pdf", "damaged"),
        ("not-a-pdf.pdf", "not a PDF"),
    ] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let error = import_pdf(&bytes).expect_err(name).to_string();
        assert!(error.contains(says), "{name}: {error}");
    }
    assert!(import_pdf(b"").is_err());
    assert!(import_pdf(b"%PDF-1.7\n").is_err());
}

/// The text `pdftotext` gives of a PDF, with its two tables set right by hand (no. 233's own
/// tables put in their place): the issue's words, cut at the column's end wherever a line
/// happened to end, must come out as the published bundle.
fn with_tables_by_hand(extracted: &str) -> String {
    let source = source_233();
    let tables = |t: &str| {
        let from = t.find("二. 經貿數據").unwrap();
        let to = t.find("有關更多在香港舉行").unwrap();
        (from, to)
    };
    let (a, b) = tables(extracted);
    let (c, d) = tables(&source);
    format!("{}{}\n{}", &extracted[..a], &source[c..d], &extracted[b..])
}

/// Title, date, links, words without spaces, number of paragraphs.
type Compared = (String, Option<String>, Vec<String>, String, usize);

/// An article as compared across extractors: its title, date and links, and its words with
/// no spaces (an extractor adds a space where the PDF stretched a line, and removes Word's
/// autospacing gaps; both are warned about, see below).
fn words(issue: &sheto::bundle::Issue) -> Vec<Compared> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    issue
        .key_developments
        .groups
        .iter()
        .chain(&issue.news_flash.groups)
        .flat_map(|g| &g.articles)
        .map(|a| {
            (
                squeeze(&a.title),
                a.date.as_ref().map(|d| d.to_string()),
                a.links.clone(),
                squeeze(&a.paragraphs.concat()),
                a.paragraphs.len(),
            )
        })
        .collect()
}

#[test]
fn hard_wrapped_text_from_pdftotext_imports_faithfully() {
    let reference = words(&import(&source_233()).issue.unwrap());
    for pdf in [
        "233-writer",
        "233-writer.docx",
        "233-chromium",
        "233-narrow",
    ] {
        for mode in ["default", "raw", "layout"] {
            let name = format!("{pdf}.{mode}.txt");
            let text = std::fs::read_to_string(fixture(&name)).unwrap();
            let outcome = import(&with_tables_by_hand(&text));
            let errors: Vec<_> = outcome.findings.iter().filter(|f| f.is_error()).collect();
            assert!(errors.is_empty(), "{name}: {errors:#?}");
            let warned = |needle: &str| {
                outcome
                    .findings
                    .iter()
                    .any(|f| f.severity == Severity::Warning && f.message.contains(needle))
            };
            let issue = outcome.issue.as_ref().unwrap();
            let got = words(issue);
            assert_eq!(got.len(), reference.len(), "{name}: items");
            for (g, r) in got.iter().zip(&reference) {
                assert_eq!((&g.0, &g.1), (&r.0, &r.1), "{name}: title and date");
                assert_eq!(g.3, r.3, "{name}: the words of 「{}」", r.0);
                // pdftotext's default and layout modes drop the hyphen where a link wraps at
                // one (`c364532-` / `41568972`): that text cannot give the link (nothing can).
                if !(pdf == "233-narrow" && mode != "raw") {
                    assert_eq!(g.2, r.2, "{name}: the links of 「{}」", r.0);
                }
                // In the 12 cm column a paragraph that ends at the column's edge cannot be told
                // from one that goes on: joined, and said.
                if g.4 != r.4 {
                    assert!(
                        pdf == "233-narrow" && warned("fills the column"),
                        "{name}: paragraphs of 「{}」",
                        r.0
                    );
                }
            }
            // Every space that differs from the newsletter's is one the import said it kept
            // (or removed, as autospacing).
            let spaced = |i: &sheto::bundle::Issue| serde_json::to_string(&i.news_flash).unwrap();
            let reference_issue = import(&source_233()).issue.unwrap();
            if spaced(issue) != spaced(&reference_issue)
                && words(issue)
                    .iter()
                    .map(|w| w.4)
                    .eq(reference.iter().map(|w| w.4))
            {
                assert!(
                    warned("a space between Chinese") || warned("autospacing"),
                    "{name}: spaces differ and nothing says so"
                );
            }
        }
    }
}

#[test]
fn tables_as_pdftotext_lays_them_out_are_refused_not_guessed() {
    // Cells one a line, or columns of spaces with cells wrapped inside them: the rows cannot
    // be told apart from the text alone. The import says so, and writes nothing.
    for pdf in ["233-writer", "233-chromium"] {
        for mode in ["default", "raw", "layout"] {
            let name = format!("{pdf}.{mode}.txt");
            let text = std::fs::read_to_string(fixture(&name)).unwrap();
            let outcome = import(&text);
            assert!(outcome.issue.is_none(), "{name}: a bundle was made");
            assert!(
                outcome.findings.iter().any(|f| f.is_error()
                    && (f.message.contains("經貿數據") || f.message.contains("events"))),
                "{name}: no error names the table"
            );
        }
    }
}
