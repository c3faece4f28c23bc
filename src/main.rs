//! The reader app's entry point: trunk builds this binary to WebAssembly.

#[cfg(target_arch = "wasm32")]
fn main() {
    sheto::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sheto-reader is the browser app: build and serve it with `scripts/serve` (trunk).");
    eprintln!("The editors' command-line tool is `sheto`: cargo run --release --bin sheto -- help");
}
