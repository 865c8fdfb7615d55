//! Collocates: words within a window of word tokens around a node (L to
//! the left, R to the right), never across a paragraph boundary, with
//! observed and expected counts and six association measures.
//!
//! Windows: around each hit of the node, `span_left` word tokens to the
//! left and `span_right` to the right, within its paragraph. Where the
//! windows of two close hits
//! overlap, a token in both is counted once: W is the number of distinct
//! word tokens lying in any window (stopwords included, the node's own hits
//! left out), and O counts each collocate token once. So O ≤ f always.
//!
//! With N the word tokens of the selection, f the collocate's frequency,
//! f_node the node's hits and O the collocate's count in the windows:
//! E = W f / N; MI = log2(O / E); MI3 = log2(O³ / E); t = (O − E) / √O;
//! z = (O − E) / √E; logDice = 14 + log2(2 O / (f_node + f)) (Rychlý 2008:
//! at most 14, when every hit has the collocate beside it and it occurs
//! nowhere else); G² from the 2×2 table [[O, W − O], [f − O, N − W − f + O]].
//! O only counts the collocates the term options admit, never the node's
//! own terms. A collocate is attracted when O > E and repelled when O ≤ E
//! (MI ≤ 0); only attracted ones are listed unless repulsion is asked for.

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::statistics::stats::{count_terms, TermOptions};
use crate::text::options::{check_range, OptionError};
use crate::text::segment::TokenKind;
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
    /// MI³, mutual information with O cubed (favours frequent collocates).
    Mi3,
    /// z-score.
    Z,
    /// logDice.
    LogDice,
}

crate::text::options::choices!(CollocateSort { Ll => "ll", Mi => "mi", T => "t", Observed => "observed", Mi3 => "mi3", Z => "z", LogDice => "logdice" });

/// The window around the node and which collocates are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollocateOptions {
    /// Word tokens to the left of the node (0 to 20; default 5).
    pub span_left: usize,
    /// Word tokens to the right of the node (0 to 20; default 5; at
    /// least one side above 0).
    pub span_right: usize,
    /// Keep collocates seen at least this often in the windows (default 3;
    /// 0 counts as 1).
    pub min_observed: u64,
    /// The order of the rows.
    pub sort: CollocateSort,
    /// Also list repelled words (O < E), marked as such.
    #[serde(default)]
    pub repulsion: bool,
}

/// Whether a collocate occurs near the node more or less than chance predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Association {
    /// O > E: a collocate in the usual sense.
    Attraction,
    /// O ≤ E: no more often near the node than chance predicts (listed only
    /// when asked for).
    Repulsion,
}

crate::text::options::choices!(Association { Attraction => "attraction", Repulsion => "repulsion" });

impl Default for CollocateOptions {
    fn default() -> Self {
        CollocateOptions {
            span_left: 5,
            span_right: 5,
            min_observed: 3,
            sort: CollocateSort::Ll,
            repulsion: false,
        }
    }
}

impl CollocateOptions {
    /// The same window on both sides: `span` words left and right.
    pub fn span(span: usize) -> CollocateOptions {
        CollocateOptions { span_left: span, span_right: span, ..CollocateOptions::default() }
    }

    /// Checks the window (0 to 20 words a side, 1 or more in all);
    /// [`collocates`] itself takes any window.
    pub fn check(&self) -> Result<(), OptionError> {
        if self.span_left == self.span_right {
            check_range("span", self.span_left, 1..=20, "the window is 1 to 20 words on each side")
        } else {
            check_range("left", self.span_left, 0..=20, "the window is 0 to 20 words on the left")?;
            check_range(
                "right",
                self.span_right,
                0..=20,
                "the window is 0 to 20 words on the right",
            )
        }
    }
}

/// One collocate of the node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocateRow {
    /// The collocate (its canonical form when aliases are merged).
    pub term: String,
    /// O: its count in the windows.
    pub observed: u64,
    /// E: the count expected by chance, W f / N.
    pub expected: f64,
    /// f: the collocate's count in the selection.
    pub frequency: u64,
    /// Mutual information log2(O / E), in bits: 1 means twice as often
    /// near the node as chance would have it.
    pub mi: f64,
    /// G² of the 2×2 table (see the module doc).
    pub log_likelihood: f64,
    /// t-score (O − E) / √O; about 2 or more suggests a real collocate.
    pub t_score: f64,
    /// MI³ = log2(O³ / E): MI weighted towards frequent pairs.
    pub mi3: f64,
    /// z-score (O − E) / √E.
    pub z_score: f64,
    /// logDice = 14 + log2(2 O / (f_node + f)); at most 14, independent
    /// of the selection's size.
    pub log_dice: f64,
    /// Attracted (O > E) or repelled (O < E).
    pub association: Association,
}

/// The collocates of a node over a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocateTable {
    /// Hits of the node in the selection (phrase hits count once).
    pub node_hits: u64,
    /// W: word slots in all the windows.
    pub window_slots: u64,
    /// N: word tokens of the selection.
    pub tokens: u64,
    /// In the order the options asked for, ties by term.
    pub rows: Vec<CollocateRow>,
}

/// G² of a 2×2 contingency table [[o11, o12], [o21, o22]]:
/// 2 Σ O ln(O / E), E = row total × column total / n, a zero cell adding
/// nothing; 0 for an empty table.
///
/// Perfect association, [[10, 0], [0, 10]]: every E is 5, so G² =
/// 2 (10 ln 2 + 10 ln 2) = 40 ln 2 = 27.73. Independence gives 0.
///
/// ```
/// use cijing_engine::statistics::collocates::log_likelihood_2x2;
/// assert!((log_likelihood_2x2(10.0, 0.0, 0.0, 10.0) - 40.0 * 2f64.ln()).abs() < 1e-12);
/// assert_eq!(log_likelihood_2x2(3.0, 3.0, 3.0, 3.0), 0.0);
/// ```
pub fn log_likelihood_2x2(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let n = o11 + o12 + o21 + o22;
    if n == 0.0 {
        return 0.0;
    }
    let (r1, r2, c1, c2) = (o11 + o12, o21 + o22, o11 + o21, o12 + o22);
    let cell = |o: f64, r: f64, c: f64| {
        let e = r * c / n;
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (cell(o11, r1, c1) + cell(o12, r1, c2) + cell(o21, r2, c1) + cell(o22, r2, c2))
}

/// The words within the window (`collocation.span_left` words to the
/// left, `span_right` to the right) of each hit of `node` in the
/// selection, counted as the module doc says, kept and ordered as
/// `collocation` asks; `options` say which words count as terms. A node
/// with no hit in the selection gives no rows.
///
/// ```
/// use cijing_engine::statistics::collocates::{collocates, CollocateOptions, CollocateSort};
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::TermOptions;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example (23 word tokens). The
/// // windows of ±2 words around 合作, within each paragraph:
/// //   加强 能源 [合作]               2 slots
/// //   深化 能源 [合作] 推动 共同      4
/// //   继续 扩大 [合作]               2
/// //   [合作] 造福 两国               2
/// let node = Query::parse(&corpus, &segmenter, "合作", false)?;
/// let options = CollocateOptions { span_left: 2, span_right: 2, min_observed: 2, sort: CollocateSort::Ll, repulsion: false };
/// let table = collocates(&corpus, &Selection::all(&corpus), &node, &options, &TermOptions::default());
/// assert_eq!((table.node_hits, table.window_slots, table.tokens), (4, 10, 23));
///
/// // Only 能源 is seen twice: O = 2, f = 2, so E = 10 × 2 / 23 = 0.87,
/// // MI = log2(2 / 0.87) = log2 2.3 = 1.20, t = (2 − 0.87) / √2 = 0.80,
/// // G² of [[2, 8], [0, 13]] = 3.58; MI3 = log2(8 / 0.87) = log2 9.2 = 3.20,
/// // z = (2 − 0.87) / √0.87 = 1.21, logDice = 14 + log2(2·2 / (4 + 2)) = 13.42.
/// assert_eq!(table.rows.len(), 1);
/// let row = &table.rows[0];
/// assert_eq!((row.term.as_str(), row.observed, row.frequency), ("能源", 2, 2));
/// assert!((row.expected - 20.0 / 23.0).abs() < 1e-12);
/// assert!((row.mi - 2.3f64.log2()).abs() < 1e-12);
/// assert!((row.t_score - (2.0 - 20.0 / 23.0) / 2f64.sqrt()).abs() < 1e-12);
/// assert!((row.log_likelihood - 3.582).abs() < 1e-3);
/// assert!((row.mi3 - 9.2f64.log2()).abs() < 1e-12);
/// assert!((row.z_score - (2.0 - 20.0 / 23.0) / (20.0f64 / 23.0).sqrt()).abs() < 1e-12);
/// assert!((row.log_dice - (14.0 + (4.0f64 / 6.0).log2())).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn collocates(
    corpus: &Corpus,
    selection: &Selection,
    node: &Query,
    collocation: &CollocateOptions,
    options: &TermOptions,
) -> CollocateTable {
    let (left, right, min_observed) =
        (collocation.span_left, collocation.span_right, collocation.min_observed);
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
        // `word_at[i]`: how many word tokens come before token i.
        let mut word_at = Vec::with_capacity(para.tokens.len() + 1);
        let mut words: Vec<(TermId, &str)> = Vec::new();
        for t in &para.tokens {
            word_at.push(words.len());
            if corpus.vocab.term(t.term).kind == TokenKind::Word {
                words.push((t.term, corpus.vocab.pos(t.pos)));
            }
        }
        word_at.push(words.len());
        // Each word token of the paragraph: in some window? part of a hit?
        let mut in_window = vec![false; words.len()];
        let mut in_hit = vec![false; words.len()];
        for hit in node.hits(corpus, g) {
            let (first, last) = (word_at[hit.first], word_at[hit.last]);
            hits += 1;
            in_hit[first..last].iter_mut().for_each(|h| *h = true);
            let before = first.saturating_sub(left)..first;
            let after = last..(last + right).min(words.len());
            before.chain(after).for_each(|i| in_window[i] = true);
        }
        for (i, &(term, pos)) in words.iter().enumerate() {
            if !in_window[i] || in_hit[i] {
                continue;
            }
            slots += 1;
            if options.admits(corpus, term, pos) && !node_terms.contains(&term) {
                observed[corpus.count_as(term, options.merge_aliases) as usize] += 1;
            }
        }
    }
    let counts = count_terms(corpus, selection, options);
    let n = counts.tokens as f64;
    let w = slots as f64;
    let mut rows: Vec<CollocateRow> = (0..n_terms)
        .filter(|&i| observed[i] >= min_observed.max(1))
        .filter_map(|i| {
            let o = observed[i] as f64;
            let f = counts.by_term[i] as f64;
            let e = if n > 0.0 { w * f / n } else { 0.0 };
            let association = if o > e { Association::Attraction } else { Association::Repulsion };
            if association == Association::Repulsion && !collocation.repulsion {
                return None;
            }
            Some(CollocateRow {
                term: corpus.vocab.term(i as TermId).text.clone(),
                observed: observed[i],
                expected: e,
                frequency: counts.by_term[i],
                mi: (o / e).log2(),
                log_likelihood: log_likelihood_2x2(o, w - o, f - o, n - w - f + o),
                t_score: (o - e) / o.sqrt(),
                mi3: (o * o * o / e).log2(),
                z_score: (o - e) / e.sqrt(),
                log_dice: 14.0 + (2.0 * o / (hits as f64 + f)).log2(),
                association,
            })
        })
        .collect();
    match collocation.sort {
        CollocateSort::Ll => rows.sort_by(|a, b| {
            b.log_likelihood.total_cmp(&a.log_likelihood).then_with(|| a.term.cmp(&b.term))
        }),
        CollocateSort::Mi => {
            rows.sort_by(|a, b| b.mi.total_cmp(&a.mi).then_with(|| a.term.cmp(&b.term)))
        }
        CollocateSort::T => {
            rows.sort_by(|a, b| b.t_score.total_cmp(&a.t_score).then_with(|| a.term.cmp(&b.term)))
        }
        CollocateSort::Observed => {
            rows.sort_by(|a, b| b.observed.cmp(&a.observed).then_with(|| a.term.cmp(&b.term)))
        }
        CollocateSort::Mi3 => {
            rows.sort_by(|a, b| b.mi3.total_cmp(&a.mi3).then_with(|| a.term.cmp(&b.term)))
        }
        CollocateSort::Z => {
            rows.sort_by(|a, b| b.z_score.total_cmp(&a.z_score).then_with(|| a.term.cmp(&b.term)))
        }
        CollocateSort::LogDice => {
            rows.sort_by(|a, b| b.log_dice.total_cmp(&a.log_dice).then_with(|| a.term.cmp(&b.term)))
        }
    }
    CollocateTable { node_hits: hits, window_slots: slots, tokens: counts.tokens, rows }
}
