//! Reads the text of a PDF with where it stands on each page: lines of glyphs on one baseline,
//! split into spans at wide gaps, with positions and font sizes in points, and the pages' web
//! links. Enough to tell headings, table cells and running headers from body text, which plain
//! text extraction loses.
//!
//! lopdf parses the file; this module interprets the content streams itself (lopdf's own text
//! extraction keeps no positions). Every input is untrusted: nothing here may panic, and the
//! work is bounded (operators, glyphs, decoded bytes, nesting), since a release build aborts on
//! panic and the reader runs in the browser too.
//!
//! Limits: pages are read as set on the page box, without `/Rotate`; text in Type 3 fonts is
//! read by `/ToUnicode` only (glyph programs are not run); `/ActualText` is ignored.

mod cmap;
mod content;
mod encoding;
mod font;
mod layout;

use crate::finding::Message;
use crate::say;
use std::fmt;

use lopdf::{Dictionary, Document, LoadOptions, Object};

use content::{Interpreter, PageBox};

/// Files above this size are refused before parsing (the newsletter is a few megabytes).
pub const MAX_FILE_SIZE: usize = 50 * 1024 * 1024;
/// The most content operators run per document.
const MAX_OPERATORS: usize = 2_000_000;
/// The most glyphs shown per document (one `Tj` can show millions).
const MAX_GLYPHS: usize = 1_000_000;
/// The most bytes of content streams, forms and CMaps decoded per document.
const MAX_DECODED_BYTES: usize = 256 * 1024 * 1024;
/// The most any one stream may inflate to while lopdf loads the file (object and
/// cross-reference streams), and the most one page's content may inflate to: real ones are
/// well under a megabyte, and a small "decompression bomb" must not take all memory.
const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// The most link annotations read per page.
const MAX_LINKS: usize = 10_000;
/// How far up the page tree `/MediaBox` and `/Resources` are looked for.
const MAX_INHERIT_DEPTH: usize = 64;
/// US Letter, what readers assume for a page with no usable `/MediaBox`.
const DEFAULT_BOX: [f32; 4] = [0.0, 0.0, 612.0, 792.0];

/// The text of a PDF, page by page.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfText {
    pub pages: Vec<Page>,
    /// Glyphs whose fonts say nothing of what character they are: each stands as U+FFFD in the
    /// text. More than a few means the text is not to be trusted.
    pub unmapped: usize,
    /// lopdf had to rebuild the file's cross-reference table: the file is damaged or cut short,
    /// and pages or parts of them may be missing.
    pub repaired: bool,
}

/// One page, 1-based; sizes and positions in points (1/72 in), y measured down from the top
/// of the page box.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub number: usize,
    pub width: f32,
    pub height: f32,
    /// Top to bottom (by baseline), then left to right.
    pub lines: Vec<Line>,
    pub links: Vec<LinkArea>,
}

/// One line of text as set on the page: glyphs on one baseline, left to right, in user-space
/// units (pt), y measured from the page's top.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x0: f32,
    pub x1: f32,
    /// The highest ascent of the line's fonts above the baseline.
    pub top: f32,
    pub baseline: f32,
    /// The font size as rendered (text matrix and CTM applied) that most of the line's
    /// characters have.
    pub size: f32,
    /// Most characters are bold: a bold font (by name, `/FontWeight` ≥ 600 or the ForceBold
    /// flag), text filled and stroked (render mode 2, LibreOffice's synthetic bold), Chromium's
    /// synthetic bold (a Type 3 font of an embedded family), or overprinted.
    pub bold: bool,
    /// Drawn invisibly (render mode 3): the text layer of an OCRed scan. Never shares a line
    /// with visible text.
    pub invisible: bool,
    pub spans: Vec<Span>,
}

/// A run of glyphs with no wide gap in it: a table's cells on one line are separate spans.
/// Wide is over 0.6 em between CJK glyphs, and between others over 0.6 em on pages that draw
/// their spaces (Word, LibreOffice, Chromium) or 1 em on pages that leave room for them.
/// Word spaces (drawn spaces, or gaps over 0.15 em between Latin glyphs, 0.5 em between Latin
/// and CJK) are in the text; no space is put between two CJK characters unless one is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub x0: f32,
    pub x1: f32,
    pub text: String,
}

/// A web link (a `/Link` annotation with a `/URI` action) and the area it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkArea {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
    pub uri: String,
}

/// Why a PDF gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The file does not start with `%PDF-`.
    NotPdf,
    /// The file needs a password to open.
    Encrypted,
    /// The file could not be parsed, or is too complex to read within bounds; lopdf's reason.
    Damaged(String),
    /// The file is larger than [`MAX_FILE_SIZE`].
    TooLarge,
    /// No page has any text: probably a scan.
    NoText,
}

impl PdfError {
    fn too_complex() -> PdfError {
        PdfError::Damaged(String::from(
            "too complex: over 2 000 000 operators, 1 000 000 glyphs or 256 MB of content",
        ))
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PdfError {}

impl PdfError {
    /// What went wrong, for the CLI (English) and the staff preview (its language).
    pub fn message(&self) -> Message {
        match self {
            PdfError::NotPdf => say!("this file is not a PDF", "這個檔案不是 PDF"),
            PdfError::Encrypted => say!(
                "this PDF is protected by a password: save a copy without protection and import \
                 that",
                "這份 PDF 有密碼保護：請另存一份沒有保護的副本再開啟"
            ),
            PdfError::Damaged(reason) => say!(
                "this PDF is damaged and cannot be read ({reason})",
                "這份 PDF 已損壞，無法讀取（{reason}）",
                reason
            ),
            PdfError::TooLarge => say!(
                "this PDF is larger than {mb} MB",
                "這份 PDF 超過 {mb} MB",
                mb = MAX_FILE_SIZE / (1024 * 1024)
            ),
            PdfError::NoText => say!(
                "no text in this PDF: it may be a scan",
                "這份 PDF 沒有文字：可能是掃描本"
            ),
        }
    }
}

/// Counts the work done on one document, so that a hostile file cannot make us run for ever.
pub(crate) struct Budget {
    operators: usize,
    glyphs: usize,
    bytes: usize,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            operators: 0,
            glyphs: 0,
            bytes: 0,
        }
    }

    pub(crate) fn operator(&mut self) -> Result<(), PdfError> {
        self.operators += 1;
        if self.operators > MAX_OPERATORS {
            return Err(PdfError::too_complex());
        }
        Ok(())
    }

    pub(crate) fn glyph(&mut self) -> Result<(), PdfError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(PdfError::too_complex());
        }
        Ok(())
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<(), PdfError> {
        self.bytes = self.bytes.saturating_add(n);
        if self.bytes > MAX_DECODED_BYTES {
            return Err(PdfError::too_complex());
        }
        Ok(())
    }

    pub(crate) fn bytes_left(&self) -> usize {
        MAX_DECODED_BYTES.saturating_sub(self.bytes)
    }
}

/// How far a reading has got: the file parsed (`page` 0), then each page read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub page: usize,
    pub pages: usize,
}

/// Reads the text of every page of a PDF.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    run_ready(read_paced(bytes, |_| std::future::ready(())))
}

/// Runs a future whose every await is ready at once (as `read`'s pauses are) to its end.
fn run_ready<T>(future: impl std::future::Future<Output = T>) -> T {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// Reads as [`read`] does, awaiting `pause` once the file is parsed and after each page: the
/// staff preview lets the browser paint and answer input there, and shows the progress.
pub async fn read_paced<F: std::future::Future<Output = ()>>(
    bytes: &[u8],
    mut pause: impl FnMut(Progress) -> F,
) -> Result<PdfText, PdfError> {
    if bytes.len() > MAX_FILE_SIZE {
        return Err(PdfError::TooLarge);
    }
    // Readers accept the header within the first kilobyte (some files start with junk).
    let head = bytes.get(..1024).unwrap_or(bytes);
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let doc = load(bytes)?;
    // lopdf opens files whose user password is empty by itself; any other stays locked.
    if doc.trailer.has(b"Encrypt") {
        return Err(PdfError::Encrypted);
    }
    let repaired = doc.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed);

    let mut interpreter = Interpreter::new(&doc, Budget::new());
    let mut pages = Vec::new();
    let count = doc.get_pages().len();
    pause(Progress {
        page: 0,
        pages: count,
    })
    .await;
    for (index, page_id) in doc.page_iter().enumerate() {
        let number = index + 1;
        if index > 0 {
            pause(Progress {
                page: index,
                pages: count,
            })
            .await;
        }
        let Ok(page) = doc.get_dictionary(page_id) else {
            // A page that cannot be loaded (cut off, say) is blank, as readers show it.
            pages.push(blank_page(number));
            continue;
        };
        let [left, bottom, right, top] = media_box(&doc, page);
        let page_box = PageBox { left, top };
        let limit = interpreter.budget.bytes_left().min(MAX_STREAM_BYTES);
        let content = match doc.get_page_content_with_limit(page_id, limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => return Err(PdfError::too_complex()),
            Err(_) => Vec::new(),
        };
        interpreter.budget.bytes(content.len())?;
        let glyphs =
            interpreter.page(&content, inherited_dict(&doc, page, b"Resources"), page_box)?;
        pages.push(Page {
            number,
            width: right - left,
            height: top - bottom,
            lines: layout::lines(glyphs),
            links: links(&doc, page, page_box),
        });
    }
    if pages.is_empty() {
        return Err(PdfError::Damaged(String::from("no pages could be read")));
    }
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(PdfError::NoText);
    }
    Ok(PdfText {
        pages,
        unmapped: interpreter.unmapped,
        repaired,
    })
}

fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(|error| match error {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Encrypted,
        lopdf::Error::Parse(lopdf::ParseError::InvalidFileHeader) => PdfError::NotPdf,
        // Some security handlers lopdf does not know fail as unimplemented.
        _ if contains(bytes, b"/Encrypt") => PdfError::Encrypted,
        error => PdfError::Damaged(reason(&error)),
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An error and its causes, as one line.
fn reason(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    let mut depth = 0;
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
        depth += 1;
        if depth > 8 {
            break;
        }
    }
    text
}

fn blank_page(number: usize) -> Page {
    Page {
        number,
        width: DEFAULT_BOX[2],
        height: DEFAULT_BOX[3],
        lines: Vec::new(),
        links: Vec::new(),
    }
}

/// An entry of a page or of its ancestors in the page tree (`/MediaBox`, `/Resources` are
/// inherited).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_INHERIT_DEPTH {
        if let Some(value) = font::get(doc, node, key) {
            return Some(value);
        }
        node = font::get_dict(doc, node, b"Parent")?;
    }
    None
}

fn inherited_dict<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    inherited(doc, page, key).and_then(|o| o.as_dict().ok())
}

/// Four numbers of a rectangle, ordered as [left, bottom, right, top].
fn rect(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let array = object.as_array().ok()?;
    let mut v = [0.0f32; 4];
    if array.len() < 4 {
        return None;
    }
    for (slot, item) in v.iter_mut().zip(array.iter()) {
        *slot = font::number(doc, item)?;
    }
    let [a, b, c, d] = v;
    Some([a.min(c), b.min(d), a.max(c), b.max(d)])
}

/// The page's `/MediaBox`, or US Letter when it has none that makes sense.
fn media_box(doc: &Document, page: &Dictionary) -> [f32; 4] {
    inherited(doc, page, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .filter(|[l, b, r, t]| r - l >= 1.0 && t - b >= 1.0 && (r - l) < 1.0e5 && (t - b) < 1.0e5)
        .unwrap_or(DEFAULT_BOX)
}

/// Text of a PDF string: UTF-16BE with its byte order mark, else UTF-8, else Latin-1. URIs are
/// meant to be 7-bit ASCII, but producers put whatever they have.
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return cmap::utf16be(utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// The page's web links.
fn links(doc: &Document, page: &Dictionary, page_box: PageBox) -> Vec<LinkArea> {
    let mut links = Vec::new();
    let annotations = font::get_array(doc, page, b"Annots").unwrap_or_default();
    for annotation in annotations.iter().take(MAX_LINKS) {
        let Some(annotation) = doc
            .dereference(annotation)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok())
        else {
            continue;
        };
        if !matches!(font::get(doc, annotation, b"Subtype"), Some(Object::Name(n)) if n == b"Link")
        {
            continue;
        }
        let Some(action) = font::get_dict(doc, annotation, b"A") else {
            continue;
        };
        if !matches!(font::get(doc, action, b"S"), Some(Object::Name(n)) if n == b"URI") {
            continue;
        }
        let Some(Object::String(uri, _)) = font::get(doc, action, b"URI") else {
            continue;
        };
        let Some([x0, y0, x1, y1]) = font::get(doc, annotation, b"Rect").and_then(|r| rect(doc, r))
        else {
            continue;
        };
        let uri = pdf_string(uri).trim().to_string();
        if uri.is_empty() {
            continue;
        }
        links.push(LinkArea {
            x0: x0 - page_box.left,
            top: page_box.top - y1,
            x1: x1 - page_box.left,
            bottom: page_box.top - y0,
            uri,
        });
    }
    links
}

#[cfg(test)]
mod tests;
