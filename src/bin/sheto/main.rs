//! `sheto`: the editors' command-line tool. It shares the data layer with the reader app.
//!
//!   sheto import FILE.txt [-o OUT.json] [--strict] [--format json]
//!                                            newsletter text → bundle (+ its zh-Hans edition)
//!   sheto convert --to zh-Hans BUNDLE.json   the zh-Hans edition of a bundle
//!   sheto validate [--format json] [--lang L] FILE…     check bundles and index.json
//!   sheto html BUNDLE.json [-o OUT.html]     the issue as a plain HTML page (no script)
//!   sheto index DIR [--feed FILE]            write everything derived from DIR/NNN.json

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The editors' tool runs natively; built for wasm32 (clippy's check of every target) it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
