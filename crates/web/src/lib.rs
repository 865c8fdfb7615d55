//! The web face of cijing (词镜), for wasm32: the Leptos page ([`ui`]), the
//! `<cijing-view>` embeds and the JS API ([`api`]), and the code split out
//! of the page's wasm until a panel needs it ([`split`]). It reads the
//! engine, the shipped seeds and the view crate; nothing imports it.
//! Natively it compiles to nothing, so `cargo check --workspace` stays quick.

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod split;
#[cfg(target_arch = "wasm32")]
pub mod ui;
