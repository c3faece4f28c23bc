#![recursion_limit = "256"]
//! sheto-reader's data layer: plain Rust, no web crates, shared by the reader app (wasm) and the
//! `sheto` command-line tool (native).
//!
//! - [`bundle`]: the issue bundle format (schema v1) and the archive index.
//! - [`region`]: the closed set of regions with stable ids and Chinese names.
//! - [`convert`]: the zh-Hans edition of an issue (Traditional → Simplified at publish time).
//! - [`format`]: dates, periods and figures as the newsletter prints them.
//! - [`import`]: newsletter text (as a PDF extractor gives it) or the PDF itself → bundle, with
//!   located findings.
//! - [`pdf`]: a PDF's text with its geometry (lines, spans, sizes, link annotations).
//! - [`validate`]: bundle JSON → findings with JSON paths.
//! - [`page`]: one page model of an issue: section ids, item anchors, labels in its script.
//! - [`plain_text`]: an issue as the plain lines a reader of the newsletter sees.
//! - [`chart`]: chart models and geometry (scales, bars, labels, hit test).
//! - [`draft`]: the staff preview's draft: processing, finding targets, saving across tabs.
//! - [`search`]: the search index across issues (`sheto index`) and its queries.
//! - [`feed`]: the Atom feed of the archive (`sheto index`).
//! - [`site`]: publishing: from the office's bundles to every file of the issues folder,
//!   refusing careless input (`sheto index`).
//! - [`i18n`]: the interface's languages (繁, 简, English) and every text of it.
//! - [`html`]: the archive as a plain HTML page with no script.
//! - [`xml`]: escaping for the feed and the charts' SVG (pages are escaped by Leptos).
//!
//! `html` and `feed` are publishing: native only, like the SVG charts.
//! - [`files`]: every name of a file the site publishes (bundles, pages, cards, indexes).
//! - [`filter`]: the province filter, derived views of an issue.
//! - [`view_state`]: the reader's URL ⇄ view state.

pub mod bundle;
pub mod chart;
pub mod convert;
pub mod draft;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod files;
pub mod filter;
pub mod finding;
pub mod format;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod i18n;
pub mod import;
pub mod json_path;
pub mod links;
pub mod page;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plain_text;
pub mod region;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod structured;
pub mod validate;
pub mod view_state;
#[cfg(not(target_arch = "wasm32"))]
pub mod xml;

/// The reader app: Leptos components on top of the data layer, mounted in the browser and
/// rendered natively at publish time.
pub mod app;
