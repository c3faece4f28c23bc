//! The content stream interpreter: runs a page's operators far enough to know where every glyph
//! lands (graphics state, text state, Form XObjects) and collects the glyphs with their text.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{self, Font};
use super::{Budget, PdfError};

/// How deep Form XObjects may nest (they draw other forms); deeper ones are skipped.
const MAX_FORM_DEPTH: usize = 12;
/// How deep `q` may nest; further `q`s (and their `Q`s) are ignored.
const MAX_SAVE_DEPTH: usize = 1_000;
/// The largest Form XObject content read.
const MAX_FORM_BYTES: usize = 32 * 1024 * 1024;
/// Coordinates beyond this (in points) are nonsense and the glyph is dropped.
const MAX_COORDINATE: f32 = 1.0e6;

/// An affine matrix `[a b c d e f]`, as PDF writes them (row vectors: p' = p × M).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Matrix([f32; 6]);

impl Matrix {
    pub(crate) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then`: the matrix of applying `self` first.
    fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }
}

/// One glyph as drawn, in page coordinates (points from the page box's left and top edges).
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    pub(crate) baseline: f32,
    /// The font size as rendered (text matrix and CTM applied).
    pub(crate) size: f32,
    /// The font's ascent, in points.
    pub(crate) ascent: f32,
    pub(crate) text: String,
    pub(crate) bold: bool,
    /// Drawn in render mode 3 or 7 (OCR layers).
    pub(crate) invisible: bool,
    /// Not set left to right along the page: rotated text, or vertical writing.
    pub(crate) rotated: bool,
    /// Which text-showing operator drew it (glyphs of one operator belong together).
    pub(crate) run: u32,
}

/// The graphics state, as far as text is concerned (saved by `q`, restored by `Q`).
#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
    render_mode: i64,
}

impl GState {
    fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render_mode: 0,
        }
    }
}

/// The text object's matrices (`BT` resets them).
struct TextPos {
    tm: Matrix,
    tlm: Matrix,
}

impl TextPos {
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }
}

/// Where the page box is, to turn user space into page coordinates.
#[derive(Clone, Copy)]
pub(crate) struct PageBox {
    pub(crate) left: f32,
    pub(crate) top: f32,
}

/// Runs content streams, keeping what is shared across the pages of a document: fonts, form
/// contents, and the budget.
pub(crate) struct Interpreter<'d> {
    doc: &'d Document,
    /// Fonts by the address of their dictionary (stable while the document lives), so a font
    /// used on many pages, or selected by thousands of `Tf`s, is read once.
    fonts: HashMap<usize, Rc<Font>>,
    fallback_font: Rc<Font>,
    families: HashSet<String>,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    pub(crate) budget: Budget,
    /// Glyphs whose text no table gave (drawn as U+FFFD).
    pub(crate) unmapped: usize,
    runs: u32,
}

/// The last `N` operands as finite numbers (extra leading operands are ignored, as readers do).
fn numbers<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    let start = operands.len().checked_sub(N)?;
    let mut out = [0.0f32; N];
    for (slot, operand) in out.iter_mut().zip(operands.get(start..)?.iter()) {
        *slot = operand.as_float().ok().filter(|v| v.is_finite())?;
    }
    Some(out)
}

fn last_name(operands: &[Object]) -> Option<&[u8]> {
    operands.iter().rev().find_map(|o| o.as_name().ok())
}

/// A resource of a kind (`Font`, `XObject`) by name.
fn resource<'d>(
    doc: &'d Document,
    resources: Option<&'d Dictionary>,
    kind: &[u8],
    name: &[u8],
) -> Option<(&'d Object, Option<ObjectId>)> {
    let category = font::get_dict(doc, resources?, kind)?;
    let entry = category.get(name).ok()?;
    let (id, object) = doc.dereference(entry).ok()?;
    Some((object, id))
}

impl<'d> Interpreter<'d> {
    pub(crate) fn new(doc: &'d Document, budget: Budget) -> Interpreter<'d> {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            fallback_font: Rc::new(Font::fallback()),
            families: font::embedded_families(doc),
            forms: HashMap::new(),
            budget,
            unmapped: 0,
            runs: 0,
        }
    }

    /// The glyphs a page's content draws.
    pub(crate) fn page(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        page_box: PageBox,
    ) -> Result<Vec<Glyph>, PdfError> {
        let mut glyphs = Vec::new();
        let mut forms = Vec::new();
        self.run(
            content,
            resources,
            GState::new(Matrix::IDENTITY),
            &mut forms,
            page_box,
            &mut glyphs,
        )?;
        Ok(glyphs)
    }

    fn font(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
    ) -> Result<Rc<Font>, PdfError> {
        let doc = self.doc;
        let Some((object, _)) = resource(doc, resources, b"Font", name) else {
            return Ok(Rc::clone(&self.fallback_font));
        };
        let Ok(dict) = object.as_dict() else {
            return Ok(Rc::clone(&self.fallback_font));
        };
        let key = dict as *const Dictionary as usize;
        if let Some(font) = self.fonts.get(&key) {
            return Ok(Rc::clone(font));
        }
        let font = Rc::new(Font::load(doc, dict, &self.families, &mut self.budget)?);
        self.fonts.insert(key, Rc::clone(&font));
        Ok(font)
    }

    /// The decoded content of a Form XObject, read once per document.
    fn form_content(
        &mut self,
        id: ObjectId,
        object: &Object,
    ) -> Result<Option<Rc<Vec<u8>>>, PdfError> {
        if let Some(content) = self.forms.get(&id) {
            return Ok(Some(Rc::clone(content)));
        }
        let Some(bytes) = font::stream_bytes(object, MAX_FORM_BYTES, &mut self.budget)? else {
            return Ok(None);
        };
        let bytes = Rc::new(bytes);
        self.forms.insert(id, Rc::clone(&bytes));
        Ok(Some(bytes))
    }

    /// Runs one content stream (a page's, or a form's) from the graphics state `gs`.
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        mut gs: GState,
        forms: &mut Vec<ObjectId>,
        page_box: PageBox,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let mut saved: Vec<GState> = Vec::new();
        let mut ignored_saves = 0usize;
        let mut pos = TextPos {
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        };
        // A stream that stops parsing part way keeps what came before, as readers do.
        for operation in Content::decode_iter(content).map_while(Result::ok) {
            self.budget.operator()?;
            let operands = operation.operands.as_slice();
            match operation.operator.as_str() {
                "q" => {
                    if saved.len() < MAX_SAVE_DEPTH {
                        saved.push(gs.clone());
                    } else {
                        ignored_saves += 1;
                    }
                }
                "Q" => {
                    if ignored_saves > 0 {
                        ignored_saves -= 1;
                    } else if let Some(previous) = saved.pop() {
                        gs = previous;
                    }
                }
                "cm" => {
                    if let Some(m) = numbers::<6>(operands) {
                        gs.ctm = Matrix(m).then(&gs.ctm);
                    }
                }
                "BT" => {
                    pos.tm = Matrix::IDENTITY;
                    pos.tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(name), Some([size])) =
                        (last_name(operands), numbers::<1>(operands))
                    {
                        gs.font = Some(self.font(resources, name)?);
                        gs.size = size;
                    }
                }
                "Tc" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        gs.char_spacing = v;
                    }
                }
                "Tw" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        gs.word_spacing = v;
                    }
                }
                "Tz" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        gs.h_scale = v / 100.0;
                    }
                }
                "TL" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        gs.leading = v;
                    }
                }
                "Ts" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        gs.rise = v;
                    }
                }
                "Tr" => {
                    if let Some(Ok(mode)) = operands.last().map(Object::as_i64) {
                        gs.render_mode = mode;
                    }
                }
                "Td" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        pos.next_line(x, y);
                    }
                }
                "TD" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        gs.leading = -y;
                        pos.next_line(x, y);
                    }
                }
                "Tm" => {
                    if let Some(m) = numbers::<6>(operands) {
                        pos.tlm = Matrix(m);
                        pos.tm = pos.tlm;
                    }
                }
                "T*" => pos.next_line(0.0, -gs.leading),
                "Tj" => {
                    if let Some(Ok(bytes)) = operands.last().map(Object::as_str) {
                        self.show(bytes, &gs, &mut pos, page_box, out)?;
                    }
                }
                "'" => {
                    pos.next_line(0.0, -gs.leading);
                    if let Some(Ok(bytes)) = operands.last().map(Object::as_str) {
                        self.show(bytes, &gs, &mut pos, page_box, out)?;
                    }
                }
                "\"" => {
                    if let (Some([aw, ac]), Some(Ok(bytes))) = (
                        operands.get(..2).and_then(numbers::<2>),
                        operands.last().map(Object::as_str),
                    ) {
                        gs.word_spacing = aw;
                        gs.char_spacing = ac;
                        pos.next_line(0.0, -gs.leading);
                        self.show(bytes, &gs, &mut pos, page_box, out)?;
                    }
                }
                "TJ" => {
                    if let Some(Ok(items)) = operands.last().map(Object::as_array) {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => {
                                    self.show(bytes, &gs, &mut pos, page_box, out)?;
                                }
                                other => {
                                    let Some(n) = other.as_float().ok().filter(|n| n.is_finite())
                                    else {
                                        continue;
                                    };
                                    let shift = -n / 1000.0 * gs.size;
                                    let vertical = gs.font.as_ref().is_some_and(|f| f.vertical);
                                    let (tx, ty) = if vertical {
                                        (0.0, shift)
                                    } else {
                                        (shift * gs.h_scale, 0.0)
                                    };
                                    pos.tm = Matrix::translate(tx, ty).then(&pos.tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = last_name(operands) {
                        self.form(name, resources, &gs, forms, page_box, out)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws a Form XObject: its content, with its own matrix and resources.
    fn form(
        &mut self,
        name: &[u8],
        resources: Option<&'d Dictionary>,
        gs: &GState,
        forms: &mut Vec<ObjectId>,
        page_box: PageBox,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some((object, Some(id))) = resource(doc, resources, b"XObject", name) else {
            return Ok(());
        };
        // A form that draws itself, directly or not, or nests too deep, is not drawn again.
        if forms.len() >= MAX_FORM_DEPTH || forms.contains(&id) {
            return Ok(());
        }
        let Ok(stream) = object.as_stream() else {
            return Ok(());
        };
        if !matches!(stream.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") {
            return Ok(());
        }
        let Some(content) = self.form_content(id, object)? else {
            return Ok(());
        };
        let matrix = font::get_array(doc, &stream.dict, b"Matrix")
            .and_then(numbers::<6>)
            .map_or(Matrix::IDENTITY, Matrix);
        // Old files leave a form's resources to the page's.
        let form_resources = font::get_dict(doc, &stream.dict, b"Resources").or(resources);
        let mut form_gs = gs.clone();
        form_gs.ctm = matrix.then(&gs.ctm);
        forms.push(id);
        let result = self.run(&content, form_resources, form_gs, forms, page_box, out);
        forms.pop();
        result
    }

    /// Shows a string: one glyph per code, moving the pen by each glyph's advance.
    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GState,
        pos: &mut TextPos,
        page_box: PageBox,
        out: &mut Vec<Glyph>,
    ) -> Result<(), PdfError> {
        let font = gs
            .font
            .clone()
            .unwrap_or_else(|| Rc::clone(&self.fallback_font));
        self.runs = self.runs.wrapping_add(1);
        let invisible = matches!(gs.render_mode, 3 | 7);
        // Fill then stroke thickens the glyphs: LibreOffice's bold for fonts without a bold face.
        let bold = font.bold || matches!(gs.render_mode, 2 | 6);
        let mut rest = bytes;
        while !rest.is_empty() {
            self.budget.glyph()?;
            let code = font.next_code(rest);
            rest = rest.get(code.len..).unwrap_or_default();
            let width = font.width(code.code) * font.scale;
            let trm = pos.tm.then(&gs.ctm);
            // The size as rendered: how long one unit of text space up is on the page.
            let Matrix([a, b, c, d, _, _]) = trm;
            let size = gs.size.abs() * (c * c + d * d).sqrt();
            let spacing = gs.char_spacing
                + if font.is_word_space(&code) {
                    gs.word_spacing
                } else {
                    0.0
                };
            let advance = (width * gs.size + spacing) * gs.h_scale;
            let (p0, p1, rotated) = if font.vertical {
                let half = width * gs.size * gs.h_scale / 2.0;
                let drop = -0.88 * gs.size;
                (trm.apply(-half, drop), trm.apply(half, drop), true)
            } else {
                let sideways = b.abs() > 0.05 * a.abs() || a < 0.0;
                // The glyph's box reaches to where the next glyph starts when spacing (Tc, Tw)
                // pushes that further: letter-spaced or justified text has no gaps in it.
                let end = (width * gs.size * gs.h_scale).max(advance);
                (trm.apply(0.0, gs.rise), trm.apply(end, gs.rise), sideways)
            };
            let text = match font.text(code.code) {
                Some(text) => clean(text),
                None => {
                    self.unmapped += 1;
                    String::from("\u{FFFD}")
                }
            };
            let x0 = p0.0.min(p1.0) - page_box.left;
            let x1 = p0.0.max(p1.0) - page_box.left;
            let baseline = page_box.top - p0.1;
            let sane = [x0, x1, baseline, size]
                .iter()
                .all(|v| v.is_finite() && v.abs() < MAX_COORDINATE);
            if !text.is_empty() && sane {
                out.push(Glyph {
                    x0,
                    x1,
                    baseline,
                    size,
                    ascent: font.ascent * size,
                    text,
                    bold,
                    invisible,
                    rotated,
                    run: self.runs,
                });
            }
            let step = if font.vertical {
                Matrix::translate(0.0, font.vertical_advance() / 1000.0 * gs.size + spacing)
            } else {
                Matrix::translate(advance, 0.0)
            };
            pos.tm = step.then(&pos.tm);
        }
        Ok(())
    }
}

/// A glyph's text without control characters (some fonts map glyphs to U+0000); tabs and line
/// breaks become spaces.
fn clean(text: String) -> String {
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift.
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    #[test]
    fn operands() {
        let ops = [Object::Integer(1), Object::Real(2.5), Object::Integer(3)];
        assert_eq!(numbers::<2>(&ops), Some([2.5, 3.0]));
        assert_eq!(numbers::<4>(&ops), None);
        assert_eq!(numbers::<1>(&[Object::Null]), None);
    }
}
