//! The staff preview's entry point: trunk builds this binary to WebAssembly for preview.html.

#[cfg(target_arch = "wasm32")]
fn main() {
    sheto::app::start_preview();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sheto-preview is the staff preview page: `scripts/serve`, then open /preview.html.");
}
