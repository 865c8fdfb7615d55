//! The native tests' shared corpus builders: the shipped segmenter and
//! corpus built once per test binary, and small corpora made from
//! documents written in a test (`mod common;` in each test file).
#![allow(dead_code)] // each test file uses some of these

use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::text::segment::{SegmentOptions, Segmenter};
use std::sync::OnceLock;

/// The collocates table's columns, as the CLI writes them and the engine names them.
pub const COLLOCATE_COLUMNS: [&str; 11] = [
    "term",
    "observed",
    "expected",
    "frequency",
    "mi",
    "ll",
    "t",
    "mi3",
    "z",
    "log_dice",
    "association",
];

/// The shipped dictionaries' segmenter, loaded once.
pub fn seg() -> &'static Segmenter {
    static S: OnceLock<Segmenter> = OnceLock::new();
    S.get_or_init(cijing_seeds::segmenter)
}

/// The shipped corpus, segmented now with the default options.
pub fn shipped() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| cijing_seeds::corpus(seg(), SegmentOptions::default()))
}

/// The shipped corpus from the tokens stored at build time (no dictionary).
pub fn presegmented() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(cijing_seeds::presegmented_corpus)
}

/// A clean document with these paragraphs.
pub fn doc(id: &str, date: &str, parties: &[&str], paragraphs: &[&str]) -> CleanDocument {
    CleanDocument::new(id, date.parse().expect("a test date"), parties, paragraphs)
}

/// A corpus of `docs`, segmented with [`seg`] and the shipped alias groups.
pub fn corpus(docs: Vec<CleanDocument>) -> Corpus {
    let mut c = Corpus::from_documents(docs, seg(), SegmentOptions::default());
    c.set_aliases(cijing_seeds::aliases(), seg());
    c
}

/// The tokens of every paragraph, to show the inputs segment as the working assumes.
pub fn tokens(c: &Corpus) -> Vec<Vec<&str>> {
    c.docs
        .iter()
        .flat_map(|d| &d.paragraphs)
        .map(|p| p.tokens.iter().map(|t| c.token_text(t)).collect())
        .collect()
}
