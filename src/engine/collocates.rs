//! Collocates: words within ±k word tokens of a node, never across a
//! paragraph boundary, with observed and expected counts, MI,
//! log-likelihood and t-score.
//!
//! With N the word tokens of the selection, W the window slots around all
//! node hits, f the collocate's frequency and O its count in the windows:
//! E = W f / N; MI = log2(O / E); t = (O − E) / √O; G² from the 2×2 table
//! [[O, W − O], [f − O, N − W − f + O]].

use super::corpus::{Corpus, TermId};
use super::query::Query;
use super::segment::TokenKind;
use super::selection::Selection;
use super::stats::{count_terms, TermOptions};
use super::options::{check_range, OptionError};
use serde::{Deserialize, Serialize};

/// How collocate rows are ordered (largest first; ties by term).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CollocateSort {
    /// Log-likelihood G².
    #[default]
    Ll,
    /// Mutual information.
    Mi,
    /// t-score.
    T,
    /// Observed co-occurrences.
    Observed,
}

super::options::choices!(CollocateSort { Ll => "ll", Mi => "mi", T => "t", Observed => "observed" });

/// The window around the node and which collocates are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollocateOptions {
    /// Word tokens on each side of the node.
    pub span: usize,
    /// Keep collocates seen at least this often in the windows.
    pub min_observed: u64,
    /// The order of the rows.
    pub sort: CollocateSort,
}

impl Default for CollocateOptions {
    fn default() -> Self {
        CollocateOptions { span: 5, min_observed: 3, sort: CollocateSort::Ll }
    }
}

impl CollocateOptions {
    /// Checks the span (1 to 20 words).
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("span", self.span, 1..=20, "the window is 1 to 20 words on each side")
    }
}

/// One collocate of the node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocateRow {
    /// The collocate.
    pub term: String,
    /// O: its count in the windows.
    pub observed: u64,
    /// E: the count expected by chance, W f / N.
    pub expected: f64,
    /// The collocate's frequency in the selection.
    pub frequency: u64,
    /// log2(O / E).
    pub mi: f64,
    /// G² of the 2×2 table.
    pub log_likelihood: f64,
    /// (O − E) / √O.
    pub t_score: f64,
}

/// The collocates of a node over a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocateTable {
    /// Hits of the node in the selection.
    pub node_hits: u64,
    /// W: word slots in all the windows.
    pub window_slots: u64,
    /// N: word tokens of the selection.
    pub tokens: u64,
    /// In the order the options asked for.
    pub rows: Vec<CollocateRow>,
}

/// G² of a 2×2 contingency table.
pub fn log_likelihood_2x2(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let n = o11 + o12 + o21 + o22;
    if n == 0.0 {
        return 0.0;
    }
    let (r1, r2, c1, c2) = (o11 + o12, o21 + o22, o11 + o21, o12 + o22);
    let cell = |o: f64, r: f64, c: f64| {
        let e = r * c / n;
        if o > 0.0 && e > 0.0 { o * (o / e).ln() } else { 0.0 }
    };
    2.0 * (cell(o11, r1, c1) + cell(o12, r1, c2) + cell(o21, r2, c1) + cell(o22, r2, c2))
}

/// The words within `collocation.span` words of each hit of `node` in the
/// selection, counted as the module doc says, kept and ordered as
/// `collocation` asks; `options` say which words count as terms.
pub fn collocates(
    corpus: &Corpus,
    selection: &Selection,
    node: &Query,
    collocation: &CollocateOptions,
    options: &TermOptions,
) -> CollocateTable {
    let (span, min_observed) = (collocation.span, collocation.min_observed);
    let n_terms = corpus.vocab.len();
    let mut observed = vec![0u64; n_terms];
    let mut slots = 0u64;
    let mut hits = 0u64;
    let node_terms: Vec<TermId> = node.slots.iter().flatten().copied().collect();
    for g in node.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let para = corpus.paragraph(g);
        // Word tokens only: the window counts words, not punctuation.
        let words: Vec<(TermId, &str)> = para
            .tokens
            .iter()
            .filter(|t| corpus.vocab.term(t.term).kind == TokenKind::Word)
            .map(|t| (t.term, corpus.vocab.pos(t.pos)))
            .collect();
        let terms: Vec<TermId> = words.iter().map(|w| w.0).collect();
        for (first, last) in node.matches(corpus, &terms) {
            hits += 1;
            let window = first.saturating_sub(span)..first;
            let after = last..(last + span).min(words.len());
            for i in window.chain(after) {
                slots += 1;
                let (term, pos) = words[i];
                if options.admits(corpus, term, pos) && !node_terms.contains(&term) {
                    observed[corpus.count_as(term, options.merge_aliases) as usize] += 1;
                }
            }
        }
    }
    let counts = count_terms(corpus, selection, options);
    let n = counts.tokens as f64;
    let w = slots as f64;
    let mut rows: Vec<CollocateRow> = (0..n_terms)
        .filter(|&i| observed[i] >= min_observed.max(1))
        .map(|i| {
            let o = observed[i] as f64;
            let f = counts.by_term[i] as f64;
            let e = if n > 0.0 { w * f / n } else { 0.0 };
            CollocateRow {
                term: corpus.vocab.term(i as TermId).text.clone(),
                observed: observed[i],
                expected: e,
                frequency: counts.by_term[i],
                mi: (o / e).log2(),
                log_likelihood: log_likelihood_2x2(o, w - o, f - o, n - w - f + o),
                t_score: (o - e) / o.sqrt(),
            }
        })
        .collect();
    match collocation.sort {
        CollocateSort::Ll => rows.sort_by(|a, b| b.log_likelihood.total_cmp(&a.log_likelihood).then_with(|| a.term.cmp(&b.term))),
        CollocateSort::Mi => rows.sort_by(|a, b| b.mi.total_cmp(&a.mi).then_with(|| a.term.cmp(&b.term))),
        CollocateSort::T => rows.sort_by(|a, b| b.t_score.total_cmp(&a.t_score).then_with(|| a.term.cmp(&b.term))),
        CollocateSort::Observed => rows.sort_by(|a, b| b.observed.cmp(&a.observed).then_with(|| a.term.cmp(&b.term))),
    }
    CollocateTable { node_hits: hits, window_slots: slots, tokens: counts.tokens, rows }
}
