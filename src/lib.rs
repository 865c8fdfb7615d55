//! cijing (词镜): Chinese corpus analysis that runs in the browser.
//! `engine` is the analysis core; `ui` is the Leptos web face (wasm only),
//! with its strings (`i18n`) and text logic (`ui_logic`) outside it so they
//! are tested natively;
//! the CLI lives in `src/bin/cijing.rs`.

pub mod engine;
pub mod export;
pub mod i18n;
pub mod ui_logic;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
