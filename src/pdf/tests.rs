//! Tests on small PDFs written here by hand, each showing one thing the reader must get right.

use super::*;

/// A PDF of the given objects (numbered from 1; object 1 is the catalog), with a correct
/// cross-reference table.
fn pdf(objects: &[String]) -> Vec<u8> {
    let objects: Vec<Vec<u8>> = objects.iter().map(|o| o.as_bytes().to_vec()).collect();
    pdf_bytes(&objects)
}

fn pdf_bytes(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
            objects.len() + 1,
            xref
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {} /Length {} >>\nstream\n{}\nendstream",
        dict,
        content.len(),
        content
    )
}

/// A one-page PDF: catalog, pages, page (with `resources` added to its resources), content,
/// and `more` objects from number 5 on. The page's font /F1 is object 5.
fn one_page(resources: &str, content: &str, more: &[String]) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {resources} >> >>"
        ),
        stream("", content),
    ];
    objects.extend(more.iter().cloned());
    pdf(&objects)
}

const HELVETICA: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

fn texts(page: &Page) -> Vec<Vec<&str>> {
    page.lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

#[test]
fn standard_font_without_widths() {
    let bytes = one_page(
        "",
        "BT /F1 10 Tf 100 700 Td (Hello World) Tj 0 -20 Td [(A) -2000 (B)] TJ ET",
        &[HELVETICA.to_string()],
    );
    let text = read(&bytes).unwrap();
    let page = &text.pages[0];
    assert_eq!((page.number, page.width, page.height), (1, 600.0, 800.0));
    assert_eq!(texts(page), vec![vec!["Hello World"], vec!["A", "B"]]);
    let line = &page.lines[0];
    assert_eq!((line.x0, line.baseline, line.size), (100.0, 100.0, 10.0));
    // Helvetica's widths: H 722, e 556, l 222 … "Hello World" is 5.167 em.
    assert!((line.x1 - 151.67).abs() < 0.01, "x1 = {}", line.x1);
    assert!(!line.bold);
    // "A" is 667/1000 em, then 2 em of kerning moves the pen on.
    let b = &page.lines[1].spans[1];
    assert!((b.x0 - (100.0 + 6.67 + 20.0)).abs() < 0.1, "B at {}", b.x0);
    assert_eq!(text.unmapped, 0);
}

#[test]
fn text_state_operators() {
    // Tz 50 halves advances, Tc adds to each, TL and T* move down, ' and " show on new lines.
    let bytes = one_page(
        "",
        "BT /F1 10 Tf 14 TL 50 Tz 100 700 Td (AB) Tj 100 Tz 2 Tc T* (CD) Tj 0 Tc (EF) ' 5 0 (GH) \" ET",
        &[HELVETICA.to_string()],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(
        texts(page),
        vec![vec!["AB"], vec!["CD"], vec!["EF"], vec!["GH"]]
    );
    let ab = &page.lines[0];
    assert!((ab.x1 - (100.0 + 6.67)).abs() < 0.1, "AB ends at {}", ab.x1);
    let baselines: Vec<f32> = page.lines.iter().map(|l| l.baseline).collect();
    assert_eq!(baselines, vec![100.0, 114.0, 128.0, 142.0]);
}

#[test]
fn composite_font_with_to_unicode_and_widths() {
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <0000> <FFFF> endcodespacerange \
        2 beginbfchar <0001> <9999> <0002> <6E2F> endbfchar \
        1 beginbfrange <0010> <0011> <0041> endbfrange \
        endcmap end end";
    let bytes = one_page(
        "",
        // 香港 at 12 pt, then a cell 2 em further: "AB"; all scaled twice by the CTM.
        "q 2 0 0 2 0 0 cm BT /F1 12 Tf 1 0 0 1 50 300 Tm <00010002> Tj 48 0 Td <00100011> Tj ET Q",
        &[
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSansCJKtc-Bold \
               /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
                .to_string(),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSansCJKtc-Bold \
               /DW 1000 /W [16 [500 600]] >>"
                .to_string(),
            stream("", cmap),
        ],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(texts(page), vec![vec!["香港", "AB"]]);
    let line = &page.lines[0];
    assert_eq!(line.size, 24.0);
    assert!(line.bold);
    assert_eq!(line.x0, 100.0);
    assert_eq!(line.spans[0].x1, 148.0);
    assert_eq!(line.spans[1].x0, 196.0);
    // 0.5 + 0.6 em at 24 pt.
    assert!((line.x1 - (196.0 + 26.4)).abs() < 0.01, "x1 = {}", line.x1);
}

#[test]
fn differences_encoding_and_unmapped_codes() {
    let bytes = one_page(
        "",
        "BT /F1 10 Tf 100 700 Td <0102030405> Tj ET",
        &[
            "<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 1 \
              /Widths [500 500 500 500 500] \
              /Encoding << /Differences [1 /H /i /uni4E2D /eacute /g42] >> >>"
                .to_string(),
        ],
    );
    let text = read(&bytes).unwrap();
    assert_eq!(texts(&text.pages[0]), vec![vec!["Hi中é\u{FFFD}"]]);
    assert_eq!(text.unmapped, 1);
}

#[test]
fn form_xobjects_nest_with_their_matrix_and_never_loop() {
    let bytes = one_page(
        "/XObject << /Fm1 6 0 R >>",
        "q 1 0 0 1 100 100 cm /Fm1 Do Q",
        &[
            HELVETICA.to_string(),
            // Form 6 draws text, then itself (a loop), then form 7.
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [2 0 0 2 0 0] \
                 /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R /Fm2 7 0 R >> >>",
                "BT /F1 5 Tf 10 10 Td (Form) Tj ET /Fm1 Do /Fm2 Do",
            ),
            // Form 7 has no resources of its own: it uses its caller's.
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 500 500]",
                "BT /F1 5 Tf 10 30 Td (Inner) Tj ET /Fm2 Do",
            ),
        ],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(texts(page), vec![vec!["Inner"], vec!["Form"]]);
    let form = &page.lines[1];
    assert_eq!(
        (form.x0, form.baseline, form.size),
        (120.0, 800.0 - 120.0, 10.0)
    );
}

#[test]
fn links_and_inherited_offset_media_box() {
    let objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [10 20 610 820] \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Annots [6 0 R 7 0 R 8 0 R] >>".to_string(),
        stream("", "BT /F1 10 Tf 110 720 Td (x) Tj ET"),
        HELVETICA.to_string(),
        "<< /Type /Annot /Subtype /Link /Rect [110 700 210 712] \
           /A << /S /URI /URI (https://www.sheto.gov.hk/) >> >>"
            .to_string(),
        // A link inside the document: not a web link.
        "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /Dest [3 0 R /Fit] >>".to_string(),
        "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A 9 0 R >>".to_string(),
        "<< /S /URI /URI <FEFF00680074007400700073003A002F002F0061002E0063006E002F99996E2F> >>"
            .to_string(),
    ];
    let page = &read(&pdf(&objects)).unwrap().pages[0];
    assert_eq!((page.width, page.height), (600.0, 800.0));
    assert_eq!(page.lines[0].x0, 100.0);
    assert_eq!(page.lines[0].baseline, 100.0);
    assert_eq!(page.links.len(), 2);
    let link = &page.links[0];
    assert_eq!(
        (link.x0, link.top, link.x1, link.bottom),
        (100.0, 108.0, 200.0, 120.0)
    );
    assert_eq!(link.uri, "https://www.sheto.gov.hk/");
    assert_eq!(page.links[1].uri, "https://a.cn/香港");
}

#[test]
fn invisible_text_is_kept_and_marked() {
    let bytes = one_page(
        "",
        "BT 3 Tr /F1 10 Tf 100 700 Td (Scanned) Tj ET",
        &[HELVETICA.to_string()],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(texts(page), vec![vec!["Scanned"]]);
    assert!(page.lines[0].invisible);
}

#[test]
fn fill_and_stroke_is_bold() {
    let bytes = one_page(
        "",
        "BT 2 Tr /F1 10 Tf 100 700 Td (Bold) Tj 0 Tr 0 -20 Td (Plain) Tj ET",
        &[HELVETICA.to_string()],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert!(page.lines[0].bold);
    assert!(!page.lines[1].bold);
}

#[test]
fn refusals() {
    assert_eq!(read(b"hello"), Err(PdfError::NotPdf));
    assert_eq!(read(b""), Err(PdfError::NotPdf));
    assert_eq!(
        read(&vec![b'%'; MAX_FILE_SIZE + 1]),
        Err(PdfError::TooLarge)
    );
    assert!(matches!(
        read(b"%PDF-1.4\ngarbage"),
        Err(PdfError::Damaged(_))
    ));
    let no_text = one_page("", "0 0 100 100 re f", &[HELVETICA.to_string()]);
    assert_eq!(read(&no_text), Err(PdfError::NoText));
    assert_eq!(
        PdfError::NoText.to_string(),
        "no text in this PDF: it may be a scan"
    );
}

#[test]
fn work_is_bounded() {
    let content = "q Q ".repeat(MAX_OPERATORS / 2 + 1);
    let bytes = one_page("", &content, &[HELVETICA.to_string()]);
    match read(&bytes) {
        Err(PdfError::Damaged(reason)) => assert!(reason.starts_with("too complex"), "{reason}"),
        other => panic!("expected too complex, got {other:?}"),
    }
    // One Tj of millions of glyphs.
    let content = format!("BT /F1 1 Tf ({}) Tj ET", "a".repeat(MAX_GLYPHS + 1));
    let bytes = one_page("", &content, &[HELVETICA.to_string()]);
    assert!(matches!(read(&bytes), Err(PdfError::Damaged(_))));
}

#[test]
fn hostile_numbers_and_nesting() {
    let content = format!(
        "{} BT /F1 1e38 Tf 1e38 0 0 1e38 0 0 Tm (A) Tj ET {} \
         BT /F1 10 Tf 0 Tz 100 700 Td (B) Tj ET BT /F9 10 Tf 100 600 Td (C) Tj ET \
         BT /F1 10 Tf 100 500 Td 0 0 0 0 0 0 Tm (D) Tj ET \
         BT /F1 -10 Tf 1 0 0 1 100 400 Tm (E) Tj ET BT /F1 10 Tf 100 300 Td (F) 10 Tj Tj ET",
        "q ".repeat(5_000),
        "Q ".repeat(6_000)
    );
    let bytes = one_page("", &content, &[HELVETICA.to_string()]);
    let text = read(&bytes).unwrap();
    let all: String = text.pages[0]
        .lines
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.text.as_str()))
        .collect();
    // Nothing panics; sane text survives (the missing font /F9 reads with the fallback).
    assert!(
        all.contains('B') && all.contains('C') && all.contains('E'),
        "{all}"
    );
}

#[test]
fn page_tree_cycles_and_missing_pages() {
    let objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 2 0 R 9 0 R] /Count 3 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        stream("", "BT /F1 10 Tf 100 700 Td (x) Tj ET"),
        HELVETICA.to_string(),
    ];
    let text = read(&pdf(&objects)).unwrap();
    assert!(!text.pages.is_empty());
    assert_eq!(texts(&text.pages[0]), vec![vec!["x"]]);
}

/// A zlib stream object of `content`.
fn deflated(content: &[u8]) -> Vec<u8> {
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.to_vec());
    stream.compress().unwrap();
    let mut out = format!(
        "<< /Filter /FlateDecode /Length {} >>\nstream\n",
        stream.content.len()
    )
    .into_bytes();
    out.extend(&stream.content);
    out.extend(b"\nendstream");
    out
}

#[test]
fn hostile_structures() {
    // Content with deeply nested arrays and dictionaries as operands.
    let nested = format!(
        "BT /F1 10 Tf 100 700 Td (ok) Tj ET {}x{} Tj {}",
        "[".repeat(100_000),
        "]".repeat(100_000),
        "<<".repeat(50_000)
    );
    let bytes = one_page("", &nested, &[HELVETICA.to_string()]);
    assert!(read(&bytes).is_ok());

    // A page whose content inflates to 300 MB.
    let bomb = vec![b' '; 300 * 1024 * 1024];
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
        deflated(&bomb),
    ];
    match read(&pdf_bytes(&objects)) {
        Err(PdfError::Damaged(reason)) => assert!(reason.starts_with("too complex"), "{reason}"),
        other => panic!("expected too complex, got {other:?}"),
    }

    // Lengths, counts and object numbers out of range.
    let objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 4294967295 65535 R] /Count 99999999999 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 1e38 -1e38] \
           /Resources << /Font << /F1 5 0 R >> >> /Annots [<< /Subtype /Link /Rect [1 2] >>] >>"
            .to_string(),
        "<< /Length 99999999999 >>\nstream\nBT /F1 10 Tf (x) Tj ET\nendstream".to_string(),
        "<< /Type /Font /Subtype /Type0 /Encoding /UniCNS-UCS2-H /DescendantFonts [<< /W [0 \
           4294967295 1 -5 [1 2 3] 1e38 1e38 5] /DW2 [1] >>] /ToUnicode 6 0 R >>"
            .to_string(),
        stream(
            "",
            "beginbfrange <0000> <FFFFFFFF> <0041> endbfrange begincodespacerange <> <> endcodespacerange",
        ),
    ];
    let _ = read(&pdf(&objects));
}

#[test]
fn rotated_text_keeps_its_words_together() {
    // "DRAFT" up the left margin, and a normal line.
    let bytes = one_page(
        "",
        "BT /F1 10 Tf 0 1 -1 0 30 300 Tm (DRAFT) Tj 1 0 0 1 100 700 Tm (Body) Tj ET",
        &[HELVETICA.to_string()],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(texts(page), vec![vec!["Body"], vec!["DRAFT"]]);
}

#[test]
fn vertical_writing_moves_down() {
    let cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange \
        2 beginbfchar <0001> <9999> <0002> <6E2F> endbfchar";
    let bytes = one_page(
        "",
        "BT /F1 10 Tf 300 700 Td <00010002> Tj ET",
        &[
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-V \
               /DescendantFonts [<< /Subtype /CIDFontType0 /DW 1000 >>] /ToUnicode 6 0 R >>"
                .to_string(),
            stream("", cmap),
        ],
    );
    let page = &read(&bytes).unwrap().pages[0];
    assert_eq!(texts(page), vec![vec!["香港"]]);
    let line = &page.lines[0];
    // One em wide around x = 300; the second glyph 10 pt lower than the first.
    assert_eq!((line.x0, line.x1), (295.0, 305.0));
    assert!(
        (line.baseline - (100.0 + 8.8 + 10.0)).abs() < 0.01,
        "{}",
        line.baseline
    );
}
