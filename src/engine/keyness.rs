//! Keyness: terms over- and under-used in a target selection against a
//! reference (the rest of the corpus, or the whole corpus), by
//! log-likelihood (G², Dunning 1993 / Rayson & Garside 2000) with Hardie's
//! log ratio as the effect size.
//!
//! G² = 2 Σ O ln(O / E) over the target and reference counts, with
//! E_target = c (a + b) / (c + d) and E_reference = d (a + b) / (c + d),
//! a and b the term's counts and c and d the word tokens of each side.
//! With one degree of freedom G² ≥ 3.84 means p < 0.05, 6.63 p < 0.01,
//! 10.83 p < 0.001 and 15.13 p < 0.0001. These are per-term cut-offs; with
//! thousands of terms tested, prefer 15.13 (or the Bonferroni-style 10.83+)
//! before calling a single term key.
//!
//! Log ratio = log2((a / c) / (b / d)), a zero count taken as 0.5: +1 means
//! twice as frequent in the target.

use super::corpus::{Corpus, TermId};
use super::selection::Selection;
use super::stats::{count_terms, per_10k, TermOptions};
use serde::{Deserialize, Serialize};

/// What the target is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reference {
    /// The paragraphs not in the target.
    #[default]
    Rest,
    /// The whole corpus, target included.
    Whole,
}

super::options::choices!(Reference { Rest => "rest", Whole => "whole" });

/// Is a key term used more or less in the target than in the reference?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// More often in the target (a positive key term).
    Over,
    /// Less often in the target (a negative key term).
    Under,
}

super::options::choices!(Direction { Over => "over", Under => "under" });

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(super::options::Choice::code(*self))
    }
}

/// What the target is compared with and which terms are kept.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KeynessOptions {
    /// The rest of the corpus or the whole corpus.
    pub reference: Reference,
    /// Keep terms with G² at least this (3.84: p<0.05 … 15.13: p<0.0001).
    pub min_g2: f64,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions { reference: Reference::Rest, min_g2: 3.84 }
    }
}

/// Critical values of χ² with one degree of freedom.
pub const CUTOFFS: [(f64, &str); 4] = [(15.13, "p<0.0001"), (10.83, "p<0.001"), (6.63, "p<0.01"), (3.84, "p<0.05")];

/// The significance band of a G² value.
pub fn significance(g2: f64) -> &'static str {
    CUTOFFS.iter().find(|(c, _)| g2 >= *c).map_or("ns", |(_, label)| label)
}

/// One term's keyness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessRow {
    /// The term.
    pub term: String,
    /// a: its count in the target.
    pub target_count: u64,
    /// b: its count in the reference.
    pub reference_count: u64,
    /// a per 10,000 word tokens of the target.
    pub target_per_10k: f64,
    /// b per 10,000 word tokens of the reference.
    pub reference_per_10k: f64,
    /// Log-likelihood G².
    pub g2: f64,
    /// Hardie's log ratio (binary log of the ratio of relative frequencies).
    pub log_ratio: f64,
    /// `p<0.0001` … `p<0.05`, or `ns`.
    pub significance: &'static str,
    /// Used more or less in the target.
    pub direction: Direction,
}

/// The key terms of a target against a reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessTable {
    /// c: word tokens of the target.
    pub target_tokens: u64,
    /// d: word tokens of the reference.
    pub reference_tokens: u64,
    /// What the target was compared with.
    pub reference: Reference,
    /// Rows with G² at or above this are kept.
    pub min_g2: f64,
    /// Over-used terms first (largest G² first), then under-used ones.
    pub rows: Vec<KeynessRow>,
}

/// G² for counts a (target) and b (reference) of c and d tokens.
pub fn log_likelihood(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 && e > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

/// Hardie's log ratio, zero counts taken as 0.5.
pub fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let a = if a == 0 { 0.5 } else { a as f64 };
    let b = if b == 0 { 0.5 } else { b as f64 };
    ((a / c as f64) / (b / d as f64)).log2()
}

/// Why there is nothing to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeynessError {
    /// The target selection is empty.
    EmptyTarget,
    /// The reference is the rest of the corpus, and the target is all of it.
    NoRest,
}

impl std::fmt::Display for KeynessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeynessError::EmptyTarget => "the selection is empty: there is nothing to compare",
            KeynessError::NoRest => {
                "the selection is the whole corpus, so there is no rest to compare with; use the whole corpus as the reference or narrow the selection"
            }
        })
    }
}

impl std::error::Error for KeynessError {}

/// The terms whose frequency in `target` differs from the reference by at
/// least `keyness.min_g2`; `options` say which words count as terms.
pub fn keyness(corpus: &Corpus, target: &Selection, keyness: &KeynessOptions, options: &TermOptions) -> Result<KeynessTable, KeynessError> {
    let (reference, min_g2) = (keyness.reference, keyness.min_g2);
    if target.is_empty() {
        return Err(KeynessError::EmptyTarget);
    }
    if reference == Reference::Rest && target.complement().is_empty() {
        return Err(KeynessError::NoRest);
    }
    let reference_selection = match reference {
        Reference::Rest => target.complement(),
        Reference::Whole => Selection::all(corpus),
    };
    let t = count_terms(corpus, target, options);
    let r = count_terms(corpus, &reference_selection, options);
    let mut rows: Vec<KeynessRow> = (0..t.by_term.len())
        .filter(|&i| t.by_term[i] + r.by_term[i] > 0)
        .filter_map(|i| {
            let (a, b) = (t.by_term[i], r.by_term[i]);
            let g2 = log_likelihood(a, b, t.tokens, r.tokens);
            if g2 < min_g2 {
                return None;
            }
            let over = per_10k(a, t.tokens) >= per_10k(b, r.tokens);
            Some(KeynessRow {
                term: corpus.vocab.term(i as TermId).text.clone(),
                target_count: a,
                reference_count: b,
                target_per_10k: per_10k(a, t.tokens),
                reference_per_10k: per_10k(b, r.tokens),
                g2,
                log_ratio: log_ratio(a, b, t.tokens, r.tokens),
                significance: significance(g2),
                direction: if over { Direction::Over } else { Direction::Under },
            })
        })
        .collect();
    rows.sort_by(|x, y| {
        x.direction.cmp(&y.direction).then(y.g2.total_cmp(&x.g2)).then_with(|| x.term.cmp(&y.term))
    });
    Ok(KeynessTable { target_tokens: t.tokens, reference_tokens: r.tokens, reference, min_g2, rows })
}
