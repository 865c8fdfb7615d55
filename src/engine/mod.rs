//! The analysis engine: plain Rust, no web imports; compiled natively (CLI,
//! tests) and to wasm (the page).

pub mod aliases;
pub mod chart;
pub mod collocates;
pub mod clean;
pub mod corpus;
pub mod discover;
pub mod index;
pub mod keyness;
pub mod kwic;
pub mod lda;
pub mod manifest;
pub mod ngrams;
pub mod pos;
pub mod query;
pub mod segment;
pub mod selection;
pub mod stats;
pub mod topic_file;
pub mod topics;
pub mod trends;

pub use corpus::{Corpus, Document};
pub use segment::{Mode, SegmentOptions, Segmenter};
