//! `sheto`: the editors' command-line tool, a thin layer over the library (`sheto help` lists
//! its commands: `args.rs` holds them, with their options and help, as types).

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The editors' tool runs natively; built for wasm32 (clippy's check of every target) it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
