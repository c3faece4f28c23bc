//! The site on a phone's home screen: its icon, drawn at publish time in the masthead's red
//! (a white sheet with the lines of a newsletter on it; no font, no downloaded asset), and its
//! web app manifest. Every URL in the manifest is relative to the manifest itself, so the site
//! installs under whatever sub-path it is hosted.

/// The office's red (`--accent` in style/main.css) and the sheet's white.
pub const ACCENT: [u8; 3] = [0x9b, 0x1b, 0x30];
const SHEET: [u8; 3] = [0xff, 0xff, 0xff];

/// A rectangle (left, top, right, bottom, as fractions of the side) and its colour.
type Shape = ((f32, f32, f32, f32), [u8; 3]);

/// The icons `sheto publish` writes beside the site's page, and their sizes: the manifest's two
/// and the one iOS asks for (`apple-touch-icon`).
pub const ICONS: [(&str, u32); 3] = [
    ("icon-192.png", 192),
    ("icon-512.png", 512),
    ("apple-touch-icon.png", 180),
];

/// The manifest's file, beside the site's page.
pub const MANIFEST: &str = "manifest.webmanifest";

/// The icon, `size` pixels square, as PNG. The sheet keeps inside the middle 80 %, the safe
/// zone of a maskable icon, so a launcher may crop it to any shape.
pub fn icon_png(size: u32) -> Vec<u8> {
    let s = size as f32;
    let sheet = (0.27, 0.22, 0.73, 0.78);
    let mut shapes: Vec<Shape> = vec![(sheet, SHEET)];
    // A headline, then the lines of the text below it.
    shapes.push(((0.33, 0.29, 0.67, 0.37), ACCENT));
    for i in 0..5 {
        let top = 0.44 + i as f32 * 0.063;
        let right = if i == 4 { 0.55 } else { 0.67 };
        shapes.push(((0.33, top, right, top + 0.028), ACCENT));
    }
    let mut rgb = Vec::with_capacity((size * size * 3) as usize);
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = ((x as f32 + 0.5) / s, (y as f32 + 0.5) / s);
            let colour = shapes
                .iter()
                .rev()
                .find(|((l, t, r, b), _)| fx >= *l && fx < *r && fy >= *t && fy < *b)
                .map_or(ACCENT, |(_, c)| *c);
            rgb.extend_from_slice(&colour);
        }
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, size, size);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        let mut writer = encoder
            .write_header()
            .expect("a PNG header writes into memory");
        writer
            .write_image_data(&rgb)
            .expect("a PNG's data writes into memory");
    }
    png
}

/// The web app manifest: the newsletter's name, the site's own address as start and scope
/// (relative: `./`), the masthead's colour, and the icons.
pub fn manifest() -> String {
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    let icons: Vec<serde_json::Value> = ICONS
        .iter()
        .filter(|(file, _)| file.starts_with("icon-"))
        .map(|(file, size)| {
            serde_json::json!({
                "src": file,
                "sizes": format!("{size}x{size}"),
                "type": "image/png",
                "purpose": "any maskable",
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "name": "香港特區政府駐上海經濟貿易辦事處通訊",
        "short_name": "駐滬辦通訊",
        "lang": "zh-Hant-HK",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": hex(ACCENT),
        "background_color": hex(SHEET),
        "icons": icons,
    });
    let mut text = serde_json::to_string_pretty(&manifest).expect("a manifest serializes");
    text.push('\n');
    text
}
