#![warn(missing_docs)]

//! The analysis engine: plain Rust, no web imports; compiled natively (CLI,
//! tests) and to wasm (the page). Pure functions over a [`Corpus`].
//!
//! Every module depends only on the ones above it in this list, never on a
//! module below it (`tests/layers.rs` checks from the source that the
//! module graph has no cycle and no web, seed or face import):
//!
//! ```text
//! text       date · clean · script · varint · lexicon · compact_dict · pos ·
//!            options · dispersion
//!   ↓
//! segment    segment (jieba-rs) · aliases
//!   ↓
//! corpus     document → index → corpus (tokens: a stored segmentation) ·
//!            import (users' files → documents)
//!   ↓
//! selection  selection (documents, dates, parties; topics through a trait) · query
//!   ↓
//! statistics stats (terms) · profile · keyness · kwic · search · collocates ·
//!            clusters · ngrams · trends ·
//!            discover · lda · topic_file → topics · table
//!   ↓
//! charts     chart (plotters SVG from plain data)
//! ```
//!
//! The shipped corpus and resources are data in `cijing::seeds` (the
//! default `seeds` feature), which the engine never reads: the same
//! functions run on a corpus given at run time. The crate-level example
//! builds one from two documents; the examples of the statistics reuse
//! those two documents and work their values out by hand.
//!
//! Conventions throughout: text spans are byte offsets into a paragraph's
//! text; a *global paragraph id* numbers the corpus's paragraphs from 0 in
//! document order ([`corpus::Corpus::paragraph`]); rates are per 10,000
//! *word tokens* (tokens with a letter in them, stopwords included;
//! punctuation, numbers and white space never count); ties in ranked
//! tables are broken by the term's text, so every table is deterministic.

pub mod aliases;
pub mod chart;
pub mod clean;
pub mod clusters;
pub mod compact_dict;
pub mod collocates;
pub mod corpus;
pub mod date;
pub mod discover;
pub mod dispersion;
pub mod document;
pub mod import;
pub mod index;
pub mod keyness;
pub mod kwic;
pub mod lda;
pub mod lexicon;
pub mod ngrams;
pub mod options;
pub mod paragraph_list;
pub mod pos;
pub mod profile;
pub mod query;
pub mod script;
pub mod search;
pub mod segment;
pub mod selection;
pub mod sliced_build;
pub mod stats;
pub mod table;
pub mod topic_file;
pub mod tokens;
pub mod topics;
pub mod trends;
pub mod user_words;
pub mod varint;

pub use corpus::{Corpus, Document};
pub use segment::{Mode, SegmentOptions, Segmenter};
