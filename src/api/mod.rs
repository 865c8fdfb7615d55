//! The JS API face: `const cj = await cijing.ready(); cj.terms({ party: ['KG'], top: 20 })`.
//! `request` reads the options a caller passes (plain Rust, tested
//! natively); `exports` (wasm, with the `web` feature) runs the engine on the shipped corpus
//! and hands back the engine's own result types as plain JS objects through
//! serde-wasm-bindgen. Bad options are errors that say what is wrong.

pub mod request;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod exports;
