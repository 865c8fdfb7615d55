//! The analysis engine: plain Rust, no web imports; compiled natively (CLI,
//! tests) and to wasm (the page). Pure functions over a [`Corpus`].
//!
//! Every module depends only on the ones above it in this list, never on a
//! module below it (`tests/layers.rs` checks it):
//!
//! ```text
//! text       date · clean · lexicon · pos · options
//!   ↓
//! segment    segment (jieba-rs) · aliases
//!   ↓
//! corpus     document → index → corpus (tokens: a stored segmentation)
//!   ↓
//! selection  selection (documents, dates, parties; topics through a trait) · query
//!   ↓
//! statistics stats (terms) · keyness · kwic · collocates · ngrams · trends ·
//!            discover · lda · topic_file → topics · table
//!   ↓
//! charts     chart (plotters SVG from plain data)
//! ```
//!
//! The shipped corpus and resources are data in [`crate::seeds`], which the
//! engine never reads: the same functions run on a corpus given at run time.

pub mod aliases;
pub mod chart;
pub mod clean;
pub mod collocates;
pub mod corpus;
pub mod date;
pub mod discover;
pub mod document;
pub mod index;
pub mod keyness;
pub mod kwic;
pub mod lda;
pub mod lexicon;
pub mod ngrams;
pub mod options;
pub mod pos;
pub mod query;
pub mod segment;
pub mod selection;
pub mod stats;
pub mod table;
pub mod topic_file;
pub mod tokens;
pub mod topics;
pub mod trends;

pub use corpus::{Corpus, Document};
pub use segment::{Mode, SegmentOptions, Segmenter};
