//! Web entry point (built by trunk for wasm32): mounts the Leptos app.

#[cfg(target_arch = "wasm32")]
fn main() {
    cijing::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cijing-web is the browser build; run it with `trunk serve` (see README.md).");
    std::process::exit(2);
}
