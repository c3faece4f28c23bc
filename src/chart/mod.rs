//! Charts of an issue's data table, as plain Rust: what each chart shows ([`model`]) and where
//! every bar, label and tick goes at a given size and pixel ratio ([`geometry`]). The app paints
//! the geometry with plotters on a canvas; the hit test maps a pointer back to a bar;
//! [`marks`] is what the one chart interaction (pointer, keys, tooltip) asks of every chart.

/// Natively only: the preview image of a shared link is drawn at publish time.
#[cfg(not(target_arch = "wasm32"))]
pub mod card;
pub mod draw;
pub mod geometry;
pub mod marks;
pub mod model;
/// Natively only: the wasm never draws SVG.
#[cfg(not(target_arch = "wasm32"))]
pub mod svg;
pub mod trend;

pub use geometry::{hit, layout, Layout};
pub use model::{ChartKind, ChartModel};
