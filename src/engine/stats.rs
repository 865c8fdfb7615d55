//! Term statistics over a set of documents: counts, rate per 10,000 word
//! tokens, and document frequency.

use super::corpus::{Corpus, TermId};
use super::segment::TokenKind;
use serde::Serialize;

/// One row of a term table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRow {
    pub term: String,
    pub count: u64,
    /// Occurrences per 10,000 word tokens of the selection.
    pub per_10k: f64,
    /// How many documents of the selection contain the term.
    pub docs: u32,
}

/// Term frequencies for a selection of documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermTable {
    /// Word tokens in the selection (stopwords included; punctuation,
    /// numbers and white space never count).
    pub tokens: u64,
    pub documents: usize,
    /// Terms (stopwords excluded), most frequent first, ties by term.
    pub rows: Vec<TermRow>,
}

/// Counts terms over the documents `docs` (indexes into `corpus.docs`).
pub fn term_frequencies(corpus: &Corpus, docs: &[usize]) -> TermTable {
    let n = corpus.vocab.len();
    let mut counts = vec![0u64; n];
    let mut doc_freq = vec![0u32; n];
    let mut last_doc = vec![usize::MAX; n];
    let mut tokens = 0u64;
    for &d in docs {
        for p in &corpus.docs[d].paragraphs {
            for t in &p.tokens {
                let info = corpus.vocab.term(t.term);
                if info.kind != TokenKind::Word {
                    continue;
                }
                tokens += 1;
                let i = t.term as usize;
                counts[i] += 1;
                if last_doc[i] != d {
                    last_doc[i] = d;
                    doc_freq[i] += 1;
                }
            }
        }
    }
    let mut rows: Vec<TermRow> = (0..n)
        .filter(|&i| counts[i] > 0 && !corpus.vocab.term(i as TermId).stopword)
        .map(|i| TermRow {
            term: corpus.vocab.term(i as TermId).text.clone(),
            count: counts[i],
            per_10k: if tokens == 0 { 0.0 } else { counts[i] as f64 * 10_000.0 / tokens as f64 },
            docs: doc_freq[i],
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    TermTable { tokens, documents: docs.len(), rows }
}
