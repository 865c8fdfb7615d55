//! Dispersion: how evenly a word is spread over the parts of a corpus (here
//! the selection's documents), from its count in each part and each part's
//! size in word tokens.
//!
//! - **Range**: the number of parts it occurs in.
//! - **Gries' DP** (Gries 2008): with s_i the share of the tokens in part i
//!   and v_i the word's count there out of f, DP = ½ Σ |v_i / f − s_i|.
//!   0 means spread exactly as the parts' sizes; values near 1 mean bunched
//!   in a small part.
//! - **Juilland's D** (Juilland & Chang-Rodríguez 1964), on relative
//!   frequencies so unequal parts compare fairly: with p_i = v_i / size_i,
//!   their mean p̄ and population standard deviation σ over the n parts,
//!   D = 1 − (σ / p̄) / √(n − 1). 1 is perfectly even, 0 all in one part;
//!   undefined for fewer than two parts.
//! - **Plot** ([`plot_points`]): where in each document a query's hits fall.

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::Corpus;
use crate::text::segment::TokenKind;

/// Gries' DP of counts over parts of the given sizes (0 when the word never
/// occurs or there are no tokens).
///
/// ```
/// use cijing_engine::statistics::dispersion::gries_dp;
/// // Two equal parts, both occurrences in the first: ½ (|1 − ½| + |0 − ½|) = 0.5.
/// assert_eq!(gries_dp(&[2, 0], &[10, 10]), 0.5);
/// // Spread as the sizes are: 0.
/// assert_eq!(gries_dp(&[1, 3], &[5, 15]), 0.0);
/// ```
pub fn gries_dp(counts: &[u64], sizes: &[u64]) -> f64 {
    let f: u64 = counts.iter().sum();
    let total: u64 = sizes.iter().sum();
    if f == 0 || total == 0 {
        return 0.0;
    }
    0.5 * counts
        .iter()
        .zip(sizes)
        .map(|(&v, &s)| (v as f64 / f as f64 - s as f64 / total as f64).abs())
        .sum::<f64>()
}

/// Juilland's D of counts over parts of the given sizes, or `None` with
/// fewer than two parts, an empty part or a word that never occurs.
///
/// ```
/// use cijing_engine::statistics::dispersion::juilland_d;
/// // Rates 0.2 and 0: mean 0.1, σ 0.1, so D = 1 − 1 / √1 = 0.
/// assert_eq!(juilland_d(&[2, 0], &[10, 10]), Some(0.0));
/// // Rates 0.1 in both parts: σ = 0, D = 1.
/// assert_eq!(juilland_d(&[1, 3], &[10, 30]), Some(1.0));
/// assert_eq!(juilland_d(&[1], &[10]), None);
/// ```
pub fn juilland_d(counts: &[u64], sizes: &[u64]) -> Option<f64> {
    let n = counts.len();
    if n < 2 || sizes.len() != n || sizes.contains(&0) || counts.iter().all(|&c| c == 0) {
        return None;
    }
    let rates: Vec<f64> = counts.iter().zip(sizes).map(|(&v, &s)| v as f64 / s as f64).collect();
    let mean = rates.iter().sum::<f64>() / n as f64;
    let sd = (rates.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
    Some(1.0 - (sd / mean) / ((n - 1) as f64).sqrt())
}

/// One document's strip in a dispersion plot: where a query's hits fall.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocHits {
    /// The document's index in the corpus.
    pub doc: usize,
    /// Its id.
    pub id: String,
    /// Its date (ISO).
    pub date: String,
    /// Its length in word tokens (as [`Corpus::word_tokens`]).
    pub tokens: usize,
    /// Each hit's relative position, in text order: the word tokens of
    /// the document before the hit's first token, over `tokens` (0 ≤ p < 1).
    pub positions: Vec<f64>,
}

/// The dispersion plot (AntConc's Plot) of `query` over `selection`: one
/// strip per document of the selection in date order, with the relative
/// position of each hit in a selected paragraph (the hits the concordance
/// lists, so their count is its number of lines).
///
/// ```
/// use cijing_engine::statistics::dispersion::plot_points;
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// # ], &segmenter, Default::default());
/// // 中国 和 哈萨克斯坦 加强 能源 合作 。 / 双方 深化 能源 合作 ， 推动 共同 发展 。:
/// // 6 + 7 = 13 word tokens; 能源 after 4 and after 8 of them.
/// let query = Query::parse(&corpus, &segmenter, "能源", false)?;
/// let strips = plot_points(&corpus, &Selection::all(&corpus), &query);
/// assert_eq!((strips[0].tokens, strips[0].positions.clone()), (13, vec![4.0 / 13.0, 8.0 / 13.0]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plot_points(corpus: &Corpus, selection: &Selection, query: &Query) -> Vec<DocHits> {
    let candidates: std::collections::HashSet<usize> =
        query.candidate_paragraphs(corpus).into_iter().collect();
    selection
        .docs_by_date(corpus)
        .into_iter()
        .map(|doc| {
            let tokens = corpus.word_tokens(doc);
            let mut positions = Vec::new();
            let mut before = 0usize; // word tokens of the document before this paragraph
            for g in corpus.doc_paragraphs(doc) {
                let para = corpus.paragraph(g);
                let is_word =
                    |i: usize| corpus.vocab.term(para.tokens[i].term).kind == TokenKind::Word;
                if selection.contains(g) && candidates.contains(&g) {
                    let mut hits = query.hits(corpus, g);
                    hits.sort_by_key(|h| h.first);
                    let mut words = 0usize;
                    let mut i = 0usize;
                    for hit in hits {
                        while i < hit.first.min(para.tokens.len()) {
                            words += usize::from(is_word(i));
                            i += 1;
                        }
                        positions.push(if tokens == 0 {
                            0.0
                        } else {
                            ((before + words) as f64 / tokens as f64).min(1.0)
                        });
                    }
                }
                before += (0..para.tokens.len()).filter(|&i| is_word(i)).count();
            }
            DocHits {
                doc,
                id: corpus.docs[doc].info.id.clone(),
                date: corpus.docs[doc].info.date.to_string(),
                tokens,
                positions,
            }
        })
        .collect()
}
