//! Keyness: terms over- and under-used in a target selection against a
//! reference (the rest of the corpus, the whole corpus, or another
//! selection: a party, a date range), by
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
//!
//! Bonferroni: with m terms tested (every term the term options admit that
//! occurs on either side), a term is key at p < 0.05 overall when its G²
//! reaches the χ²(1 d.f.) critical value for p = 0.05 / m
//! ([`chi2_critical`]); each table reports that cut-off and marks the rows
//! that pass it.

use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::statistics::stats::{count_terms, per_10k, TermOptions};
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

crate::text::options::choices!(Reference { Rest => "rest", Whole => "whole" });

/// Is a key term used more or less in the target than in the reference?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// More often in the target (a positive key term).
    Over,
    /// Less often in the target (a negative key term).
    Under,
}

crate::text::options::choices!(Direction { Over => "over", Under => "under" });

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::text::options::Choice::code(*self))
    }
}

/// What the target is compared with and which terms are kept.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KeynessOptions {
    /// The rest of the corpus or the whole corpus.
    pub reference: Reference,
    /// Keep terms with G² at least this (3.84: p<0.05 … 15.13: p<0.0001);
    /// 0 keeps every term that occurs on either side. Default 3.84.
    pub min_g2: f64,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions { reference: Reference::Rest, min_g2: 3.84 }
    }
}

/// Critical values of χ² with one degree of freedom and their labels,
/// largest first.
pub const CUTOFFS: [(f64, &str); 4] =
    [(15.13, "p<0.0001"), (10.83, "p<0.001"), (6.63, "p<0.01"), (3.84, "p<0.05")];

/// The significance band of a G² value: the label of the largest cut-off
/// in [`CUTOFFS`] it reaches, or `ns` below 3.84.
///
/// ```
/// use cijing_engine::statistics::keyness::significance;
/// assert_eq!(significance(13.86), "p<0.001");
/// assert_eq!(significance(3.84), "p<0.05");
/// assert_eq!(significance(3.0), "ns");
/// ```
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
    /// Log-likelihood G² (≥ 0; 0 when the rates are equal).
    pub g2: f64,
    /// Hardie's log ratio (binary log of the ratio of relative frequencies,
    /// a zero count taken as 0.5): +1 twice as frequent in the target, −1
    /// half as frequent.
    pub log_ratio: f64,
    /// `p<0.0001` … `p<0.05`, or `ns`.
    pub significance: &'static str,
    /// Used more or less in the target: `Over` when its rate per 10k in the
    /// target is at least that in the reference.
    pub direction: Direction,
    /// G² reaches the table's Bonferroni-corrected cut-off.
    pub bonferroni: bool,
}

/// The key terms of a target against a reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessTable {
    /// m: the terms tested (those occurring on either side).
    pub terms_tested: usize,
    /// The Bonferroni-corrected cut-off: the χ²(1 d.f.) critical value for
    /// p = 0.05 / m.
    pub bonferroni_g2: f64,
    /// c: word tokens of the target.
    pub target_tokens: u64,
    /// d: word tokens of the reference.
    pub reference_tokens: u64,
    /// What the target was compared with; `None` for another selection
    /// ([`keyness_against`]).
    pub reference: Option<Reference>,
    /// Rows with G² at or above this are kept.
    pub min_g2: f64,
    /// Over-used terms first (largest G² first), then under-used ones.
    pub rows: Vec<KeynessRow>,
}

/// G² for counts a (target) and b (reference) of c and d tokens, as the
/// module doc says; 0 when there are no tokens at all.
///
/// A term seen 10 times in 100 target tokens and never in 100 reference
/// tokens: E_target = 100 × 10 / 200 = 5, E_reference = 5, and the
/// reference's zero count adds nothing, so G² = 2 × 10 ln(10 / 5) =
/// 20 ln 2 = 13.86 (p < 0.001). Equal rates give 0.
///
/// ```
/// use cijing_engine::statistics::keyness::log_likelihood;
/// assert!((log_likelihood(10, 0, 100, 100) - 20.0 * 2f64.ln()).abs() < 1e-12);
/// assert_eq!(log_likelihood(5, 5, 100, 100), 0.0);
/// assert_eq!(log_likelihood(3, 1, 0, 0), 0.0);
/// ```
pub fn log_likelihood(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (part(a, e1) + part(b, e2))
}

/// Hardie's log ratio log2((a / c) / (b / d)), a zero count taken as 0.5;
/// 0 when either side has no tokens.
///
/// 10 in 100 against 5 in 100 is twice the rate: log2(0.1 / 0.05) = 1.
/// 10 in 100 against 0 in 100 is taken as against 0.5: log2(0.1 / 0.005) =
/// log2 20 = 4.32.
///
/// ```
/// use cijing_engine::statistics::keyness::log_ratio;
/// assert_eq!(log_ratio(10, 5, 100, 100), 1.0);
/// assert!((log_ratio(10, 0, 100, 100) - 20f64.log2()).abs() < 1e-12);
/// assert_eq!(log_ratio(5, 10, 100, 100), -1.0);
/// assert_eq!(log_ratio(5, 10, 100, 0), 0.0);
/// ```
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
    /// The reference selection is empty.
    EmptyReference,
}

impl std::fmt::Display for KeynessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeynessError::EmptyTarget => "the selection is empty: there is nothing to compare",
            KeynessError::NoRest => {
                "the selection is the whole corpus, so there is no rest to compare with; use the whole corpus as the reference or narrow the selection"
            }
            KeynessError::EmptyReference => "the reference selection is empty: no document matches its filters",
        })
    }
}

impl std::error::Error for KeynessError {}

/// The terms whose frequency in `target` differs from the reference by at
/// least `keyness.min_g2`; `options` say which words count as terms.
/// Over-used terms come first, then under-used ones, each by G² (largest
/// first), ties by term. An empty target, or a target that is the whole
/// corpus when the reference is the rest, is an error.
///
/// ```
/// use cijing_engine::statistics::keyness::{keyness, Direction, KeynessError, KeynessOptions, Reference};
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::TermOptions;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example. Target a (13 word
/// // tokens: 能源 2, 两国 0), reference the rest, b (10: 能源 0, 两国 2).
/// let target = Selection::of_docs(&corpus, &[0]);
/// let options = KeynessOptions { reference: Reference::Rest, min_g2: 2.0 };
/// let table = keyness(&corpus, &target, &options, &TermOptions::default())?;
/// assert_eq!((table.target_tokens, table.reference_tokens), (13, 10));
/// let rows: Vec<(&str, Direction)> = table.rows.iter().map(|r| (r.term.as_str(), r.direction)).collect();
/// // Over-used first, though 两国's G² is the larger.
/// assert_eq!(rows, [("能源", Direction::Over), ("两国", Direction::Under)]);
///
/// // 能源: E_target = 13 × 2 / 23, so G² = 2 × 2 ln(2 / (26/23)) = 4 ln(23/13) = 2.28;
/// // log ratio = log2((2/13) / (0.5/10)) = log2(40/13) = 1.62.
/// assert!((table.rows[0].g2 - 4.0 * (23.0f64 / 13.0).ln()).abs() < 1e-12);
/// assert!((table.rows[0].log_ratio - (40.0f64 / 13.0).log2()).abs() < 1e-12);
/// // 两国: E_reference = 10 × 2 / 23, so G² = 4 ln(23/10) = 3.33, short of p < 0.05.
/// assert!((table.rows[1].g2 - 4.0 * 2.3f64.ln()).abs() < 1e-12);
/// assert_eq!(table.rows[1].significance, "ns");
///
/// // The whole corpus has no rest to compare with.
/// let whole = Selection::all(&corpus);
/// assert_eq!(keyness(&corpus, &whole, &options, &TermOptions::default()), Err(KeynessError::NoRest));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn keyness(
    corpus: &Corpus,
    target: &Selection,
    keyness: &KeynessOptions,
    options: &TermOptions,
) -> Result<KeynessTable, KeynessError> {
    let reference = keyness.reference;
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
    let mut table = keyness_against(corpus, target, &reference_selection, keyness.min_g2, options)?;
    table.reference = Some(reference);
    Ok(table)
}

/// Keyness of `target` against any `reference` selection (another party,
/// a date range; it may overlap the target), as [`keyness`] computes it;
/// the table's `reference` is `None`. Either selection empty is an error.
///
/// ```
/// use cijing_engine::statistics::keyness::{keyness_against, KeynessError};
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::TermOptions;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // Document b's first paragraph (6 word tokens: 年 中俄 两国 继续 扩大 合作)
/// // against its second (4: 合作 造福 两国 人民). m = 7 terms occur on either
/// // side (年 is a stopword): 中俄 两国 继续 扩大 合作 造福 人民.
/// let first = Selection { paragraphs: vec![false, false, true, false] };
/// let second = Selection { paragraphs: vec![false, false, false, true] };
/// let table = keyness_against(&corpus, &first, &second, 0.0, &TermOptions::default())?;
/// assert_eq!((table.target_tokens, table.reference_tokens, table.terms_tested, table.reference), (6, 4, 7, None));
/// // Bonferroni: G² must reach the χ² critical value for p = 0.05 / 7; none does.
/// assert_eq!(table.bonferroni_g2, cijing_engine::statistics::keyness::chi2_critical(0.05 / 7.0));
/// assert!(table.rows.iter().all(|r| !r.bonferroni));
/// let empty = Selection::none(&corpus);
/// assert_eq!(keyness_against(&corpus, &first, &empty, 0.0, &TermOptions::default()), Err(KeynessError::EmptyReference));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn keyness_against(
    corpus: &Corpus,
    target: &Selection,
    reference: &Selection,
    min_g2: f64,
    options: &TermOptions,
) -> Result<KeynessTable, KeynessError> {
    if target.is_empty() {
        return Err(KeynessError::EmptyTarget);
    }
    if reference.is_empty() {
        return Err(KeynessError::EmptyReference);
    }
    let t = count_terms(corpus, target, options);
    let r = count_terms(corpus, reference, options);
    let terms_tested = (0..t.by_term.len()).filter(|&i| t.by_term[i] + r.by_term[i] > 0).count();
    let bonferroni_g2 = chi2_critical(0.05 / terms_tested.max(1) as f64);
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
                bonferroni: g2 >= bonferroni_g2,
            })
        })
        .collect();
    rows.sort_by(|x, y| {
        x.direction.cmp(&y.direction).then(y.g2.total_cmp(&x.g2)).then_with(|| x.term.cmp(&y.term))
    });
    Ok(KeynessTable {
        terms_tested,
        bonferroni_g2,
        target_tokens: t.tokens,
        reference_tokens: r.tokens,
        reference: None,
        min_g2,
        rows,
    })
}

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1, by Acklam's rational
/// approximation (relative error below 1.2 × 10⁻⁹); −∞ at 0, +∞ at 1.
fn normal_quantile(p: f64) -> f64 {
    #[allow(clippy::excessive_precision)] // Acklam's published coefficients, as published
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383577518672690e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] =
        [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p <= 1.0 - 0.02425 {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    }
}

/// The critical value of χ² with one degree of freedom for an upper-tail
/// probability `p`: the G² a term must reach to be key at that level. With
/// one degree of freedom χ² is the square of a standard normal, so this is
/// Φ⁻¹(p / 2)², computed from the lower tail to stay precise for tiny p.
/// `p` ≥ 1 gives 0, `p` ≤ 0 infinity.
///
/// ```
/// use cijing_engine::statistics::keyness::chi2_critical;
/// // The textbook values: 3.841 (p = 0.05), 6.635, 10.828, 15.137 (p = 0.0001).
/// for (p, x) in [(0.05, 3.841459), (0.01, 6.634897), (0.001, 10.827566), (0.0001, 15.136705)] {
///     assert!((chi2_critical(p) - x).abs() < 1e-5, "{p}");
/// }
/// ```
pub fn chi2_critical(p: f64) -> f64 {
    if p >= 1.0 {
        return 0.0;
    }
    let z = normal_quantile(p / 2.0);
    z * z
}
