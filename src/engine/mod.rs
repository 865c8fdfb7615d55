//! The analysis engine: plain Rust, no web imports; compiled natively (CLI,
//! tests) and to wasm (the page).

pub mod chart;
pub mod clean;
pub mod corpus;
pub mod manifest;
pub mod segment;
pub mod stats;

pub use corpus::{Corpus, Document};
pub use segment::{Mode, SegmentOptions, Segmenter};
