//! cijing (词镜): Chinese corpus analysis that runs in the browser.
//! `engine` is the analysis core; `ui` is the Leptos web face (wasm only);
//! the CLI lives in `src/bin/cijing.rs`.

pub mod api;
pub mod engine;
#[cfg(feature = "seeds")]
pub mod seeds;
pub mod export;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
