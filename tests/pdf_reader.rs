#![cfg(not(target_arch = "wasm32"))]
//! The reader on real PDFs: the newsletter fixtures made by LibreOffice and Chromium (checked
//! against pdftotext) when they are there, and the small ones kept in this crate.

use std::path::PathBuf;

use sheto::pdf::{read, PdfError, PdfText};

/// The newsletter fixtures (`tests/fixtures/pdf`, made by its `make.py`): all committed, so
/// a missing one fails the test.
fn newsletter(name: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    Some(std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn local(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pdf/small")
            .join(name),
    )
    .expect("fixture")
}

/// All the text, in order, without whitespace.
fn solid(text: &PdfText) -> String {
    text.pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.spans)
        .flat_map(|s| s.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every character pdftotext -layout finds is ours too, in the same order.
fn agrees_with_pdftotext(name: &str) {
    let (Some(pdf), Some(layout)) = (
        newsletter(&format!("{name}.pdf")),
        newsletter(&format!("{name}.layout.txt")),
    ) else {
        return;
    };
    let ours: Vec<char> = solid(&read(&pdf).expect("readable")).chars().collect();
    let theirs: Vec<char> = String::from_utf8_lossy(&layout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let first_difference = ours.iter().zip(&theirs).position(|(a, b)| a != b);
    if let Some(at) =
        first_difference.or((ours.len() != theirs.len()).then(|| ours.len().min(theirs.len())))
    {
        let context = |chars: &[char]| -> String {
            chars.iter().skip(at.saturating_sub(20)).take(40).collect()
        };
        panic!(
            "{name}: {} characters, pdftotext {}; first difference at {at}:\n ours: {}\n pdftotext: {}",
            ours.len(),
            theirs.len(),
            context(&ours),
            context(&theirs)
        );
    }
    eprintln!(
        "{name}: all {} characters agree with pdftotext -layout",
        ours.len()
    );
}

#[test]
fn writer_agrees_with_pdftotext() {
    agrees_with_pdftotext("233-writer");
}

#[test]
fn writer_docx_agrees_with_pdftotext() {
    agrees_with_pdftotext("233-writer.docx");
}

#[test]
fn chromium_agrees_with_pdftotext() {
    agrees_with_pdftotext("233-chromium");
}

#[test]
fn narrow_agrees_with_pdftotext() {
    agrees_with_pdftotext("233-narrow");
}

#[test]
fn writer_geometry() {
    let Some(pdf) = newsletter("233-writer.pdf") else {
        return;
    };
    let text = read(&pdf).expect("readable");
    assert_eq!(text.unmapped, 0);
    assert!(!text.repaired);
    for page in &text.pages {
        assert!((page.width - 595.3).abs() < 0.1 && (page.height - 841.9).abs() < 0.1);
        // The running header on top, the page number ("- 2 -") at the bottom.
        let first = page.lines.first().expect("a line");
        assert_eq!(first.spans[0].text, "香港特區政府駐上海經濟貿易辦事處通訊");
        assert!((first.size - 9.0).abs() < 0.01 && first.top < 60.0);
        let last = page.lines.last().expect("a line");
        assert_eq!(last.spans[0].text, format!("- {} -", page.number));
        assert!(last.top > 780.0);
        // Lines run top to bottom.
        assert!(page
            .lines
            .windows(2)
            .all(|w| w[0].baseline <= w[1].baseline));
    }
    let lines: Vec<_> = text.pages.iter().flat_map(|p| &p.lines).collect();
    let find = |s: &str| {
        lines
            .iter()
            .find(|l| l.spans.iter().any(|sp| sp.text == s))
            .unwrap_or_else(|| panic!("no line {s}"))
    };
    // Headings are bold (LibreOffice fills and strokes CJK text it has no bold face for) and
    // larger than the 11 pt body.
    let heading = find("主要動態");
    assert!(heading.bold && heading.size > 15.0);
    let title = find("跨機構督導小組歡迎以行業為本的首階段轉型金融實務指引");
    assert!(title.bold && (title.size - 12.1).abs() < 0.05);
    let label = find("詳情請參看：");
    assert!(!label.bold && (label.size - 11.0).abs() < 0.01);
    // The event tables' header row: one span per cell.
    let header = find("時間");
    let cells: Vec<&str> = header.spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(cells, ["時間", "活動", "地點", "主辦機構", "網址"]);
    // Links come with their target, placed on the URL they print.
    let page1 = &text.pages[0];
    let link = &page1.links[0];
    assert_eq!(
        link.uri,
        "https://www.info.gov.hk/gia/general/202605/15/P2026051500274.htm"
    );
    let printed = page1
        .lines
        .iter()
        .find(|l| l.spans[0].text.contains("P2026051500274"))
        .expect("printed URL");
    assert!(link.top <= printed.baseline && printed.baseline <= link.bottom);
}

#[test]
fn long_document() {
    let Some(pdf) = newsletter("long-20-pages.pdf") else {
        return;
    };
    let start = std::time::Instant::now();
    let text = read(&pdf).expect("readable");
    eprintln!(
        "long-20-pages.pdf: {} pages in {:?} (this build's profile)",
        text.pages.len(),
        start.elapsed()
    );
    assert!(text.pages.len() >= 20);
}

#[test]
fn refused_newsletter_fixtures() {
    if let Some(pdf) = newsletter("encrypted.pdf") {
        assert_eq!(read(&pdf), Err(PdfError::Encrypted));
    }
    if let Some(pdf) = newsletter("scan.pdf") {
        assert_eq!(read(&pdf), Err(PdfError::NoText));
    }
    if let Some(pdf) = newsletter("not-a-pdf.pdf") {
        assert_eq!(read(&pdf), Err(PdfError::NotPdf));
    }
    if let Some(pdf) = newsletter("truncated.pdf") {
        // lopdf rebuilds what it can; this cut loses the catalog, so nothing is left.
        match read(&pdf) {
            Err(PdfError::Damaged(reason)) => eprintln!("truncated.pdf: {reason}"),
            Ok(text) => assert!(text.repaired),
            Err(other) => panic!("truncated.pdf: {other:?}"),
        }
    }
}

#[test]
fn empty_user_password_is_opened() {
    let plain = read(&local("small-writer.pdf")).expect("readable");
    for name in [
        "small-writer-empty-password.pdf",
        "small-writer-empty-password-rc4.pdf",
    ] {
        let text = read(&local(name)).expect(name);
        assert_eq!(solid(&text), solid(&plain), "{name}");
    }
}

#[test]
fn small_writer_table_and_links() {
    let text = read(&local("small-writer.pdf")).expect("readable");
    let lines: Vec<_> = text.pages.iter().flat_map(|p| &p.lines).collect();
    let row = lines
        .iter()
        .find(|l| l.spans[0].text == "上海市")
        .expect("table row");
    let cells: Vec<&str> = row.spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(cells, ["上海市", "13,526.9", "+5.9%", "16,834.4"]);
    let uris: Vec<&str> = text
        .pages
        .iter()
        .flat_map(|p| &p.links)
        .map(|l| l.uri.as_str())
        .collect();
    assert_eq!(
        uris,
        [
            "https://www.info.gov.hk/gia/general/202605/15/P2026051500274.htm",
            "http://www.sh-sia.com/"
        ]
    );
}

#[test]
fn chromium_synthetic_bold() {
    // Chromium draws bold CJK in a font without a bold face as Type 3 outlines.
    let text = read(&local("small-chromium-synthetic-bold.pdf")).expect("readable");
    let first = &text.pages[0].lines[0];
    assert_eq!(first.spans[0].text, "香港資訊 Hong Kong");
    assert!(first.bold && (first.size - 18.0).abs() < 0.01);
    assert!(!text.pages[0].lines[1].bold);
    assert_eq!(text.unmapped, 0);
}

// Mutated PDFs: never a panic, always bounded.
mod fuzz {
    //! Feeds randomly damaged copies of a real PDF through `read`: whatever comes back, it must
    //! not panic (release builds abort on panic, so a panic would kill the importer).

    use std::time::{Duration, Instant};

    /// A linear congruential generator (Knuth's MMIX constants): reproducible, no crate needed.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        /// A number below `n` (n > 0).
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Bytes that make PDF syntax: mutations built from them reach deeper than random bytes.
    const TOKENS: &[&str] = &[
        " ",
        "\n",
        "0",
        "1",
        "-1",
        "99999999999",
        "1e38",
        "-0.5",
        "[",
        "]",
        "<<",
        ">>",
        "(",
        ")",
        "<",
        ">",
        "/",
        "R",
        "obj",
        "endobj",
        "stream",
        "endstream",
        "BT",
        "ET",
        "Tj",
        "TJ",
        "Tf",
        "Td",
        "Tm",
        "cm",
        "q",
        "Q",
        "Do",
        "Tz",
        "Tr",
        "'",
        "\"",
        "/Font",
        "/Widths",
        "/W",
        "/ToUnicode",
        "/Length",
        "/Filter",
        "/FlateDecode",
        "beginbfrange",
        "<0000>",
        "<FFFF>",
        "/Kids",
        "/Parent",
        "xref",
        "trailer",
        "startxref",
        "%%EOF",
    ];

    fn mutate(base: &[u8], rng: &mut Lcg) -> Vec<u8> {
        let mut bytes = base.to_vec();
        for _ in 0..1 + rng.below(3) {
            let len = bytes.len().max(1);
            match rng.below(6) {
                0 => {
                    for _ in 0..1 + rng.below(16) {
                        let at = rng.below(len);
                        if let Some(b) = bytes.get_mut(at) {
                            *b = rng.next() as u8;
                        }
                    }
                }
                1 => bytes.truncate(rng.below(len)),
                2 => {
                    let at = rng.below(len).min(bytes.len());
                    let mut insert = Vec::new();
                    for _ in 0..1 + rng.below(8) {
                        insert.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
                        insert.push(b' ');
                    }
                    let end = (at + rng.below(64)).min(bytes.len());
                    bytes.splice(at..end, insert);
                }
                3 => {
                    let from = rng.below(len).min(bytes.len());
                    let to = (from + rng.below(2048)).min(bytes.len());
                    let chunk = bytes[from..to].to_vec();
                    let at = rng.below(len).min(bytes.len());
                    bytes.splice(at..at, chunk);
                }
                4 => {
                    let from = rng.below(len).min(bytes.len());
                    let to = (from + rng.below(4096)).min(bytes.len());
                    bytes.drain(from..to);
                }
                _ => {
                    // Replace a number with an extreme one.
                    let at = rng.below(len);
                    if let Some(offset) = bytes[at.min(bytes.len())..]
                        .iter()
                        .position(u8::is_ascii_digit)
                    {
                        let start = at + offset;
                        let end = bytes[start..]
                            .iter()
                            .position(|b| !b.is_ascii_digit() && *b != b'.')
                            .map_or(bytes.len(), |e| start + e);
                        let extreme = [
                            "0",
                            "-1",
                            "4294967296",
                            "99999999999999999999",
                            "1e38",
                            "-2147483648",
                        ][rng.below(6)];
                        bytes.splice(start..end, extreme.bytes());
                    }
                }
            }
        }
        bytes
    }

    #[test]
    fn damaged_copies_never_panic() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf/small/");
        // The same small LibreOffice export, compressed and with its streams uncompressed (so that
        // mutations reach content streams, CMaps and font dictionaries, not only the zlib data).
        let bases = [
            std::fs::read(format!("{dir}small-writer.pdf")).expect("fixture"),
            std::fs::read(format!("{dir}small-writer-plain.pdf")).expect("fixture"),
        ];
        let mut rng = Lcg(0x5eed_2026_0515);
        let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
        let mut slowest = Duration::ZERO;
        for i in 0..2000 {
            let bytes = mutate(&bases[i % bases.len()], &mut rng);
            let start = Instant::now();
            let result = sheto::pdf::read(&bytes);
            slowest = slowest.max(start.elapsed());
            let outcome = match result {
                Ok(text) if text.repaired => "ok (repaired)".to_string(),
                Ok(_) => "ok".to_string(),
                Err(sheto::pdf::PdfError::Damaged(_)) => "damaged".to_string(),
                Err(error) => format!("{error:?}"),
            };
            *outcomes.entry(outcome).or_default() += 1;
        }
        eprintln!("2000 damaged copies: {outcomes:?}; slowest read {slowest:?}");
        assert!(slowest < Duration::from_secs(5), "a read took {slowest:?}");
    }
}
