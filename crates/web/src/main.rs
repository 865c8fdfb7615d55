//! Web entry point (built for wasm32 by scripts/build.sh). Nothing starts on
//! load: `cijing-loader.js` calls `startPage` for the full page, and
//! `cijing-embed.js` mounts `<cijing-view>` elements and serves the JS API.

#[cfg(target_arch = "wasm32")]
use cijing_web as _;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "cijing-web is the browser build; build it with `bash scripts/build.sh` (see README.md)."
    );
    std::process::exit(2);
}
