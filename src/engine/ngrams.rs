//! N-grams: contiguous sequences of 2–5 word tokens that never cross
//! punctuation, numbers, white space or a paragraph boundary.

use super::corpus::{Corpus, TermId};
use super::segment::TokenKind;
use super::selection::Selection;
use super::stats::TermOptions;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NgramRow {
    /// The tokens, separated by single spaces.
    pub ngram: String,
    pub n: usize,
    pub count: u64,
    /// Documents of the selection it occurs in.
    pub docs: u32,
}

/// N-grams of `min_n..=max_n` tokens seen at least `min_count` times. With
/// `options.drop_stopwords`, n-grams that start or end with a stopword are
/// left out; with `options.merge_aliases`, aliases count as their canonical term.
pub fn ngrams(corpus: &Corpus, selection: &Selection, min_n: usize, max_n: usize, min_count: u64, options: &TermOptions) -> Vec<NgramRow> {
    let (min_n, max_n) = (min_n.max(1), max_n.max(min_n.max(1)));
    let mut counts: HashMap<Vec<TermId>, (u64, u32, u32)> = HashMap::new(); // count, docs, last doc
    for (g, place) in corpus.index.paragraphs.iter().enumerate() {
        if !selection.contains(g) {
            continue;
        }
        let para = &corpus.docs[place.doc as usize].paragraphs[place.para as usize];
        let mut run: Vec<TermId> = Vec::new();
        let tokens = para.tokens.iter().map(|t| t.term).chain(std::iter::once(TermId::MAX));
        for term in tokens {
            if term != TermId::MAX && corpus.vocab.term(term).kind == TokenKind::Word {
                run.push(corpus.count_as(term, options.merge_aliases));
                continue;
            }
            for n in min_n..=max_n.min(run.len()) {
                for gram in run.windows(n) {
                    let edge_stop = |t: &TermId| corpus.vocab.term(*t).stopword;
                    if options.drop_stopwords && (edge_stop(&gram[0]) || edge_stop(&gram[n - 1])) {
                        continue;
                    }
                    let entry = counts.entry(gram.to_vec()).or_insert((0, 0, u32::MAX));
                    entry.0 += 1;
                    if entry.2 != place.doc {
                        entry.2 = place.doc;
                        entry.1 += 1;
                    }
                }
            }
            run.clear();
        }
    }
    let mut rows: Vec<NgramRow> = counts
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= min_count.max(1))
        .map(|(gram, (count, docs, _))| NgramRow {
            ngram: gram.iter().map(|t| corpus.vocab.term(*t).text.as_str()).collect::<Vec<_>>().join(" "),
            n: gram.len(),
            count,
            docs,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(b.n.cmp(&a.n)).then_with(|| a.ngram.cmp(&b.ngram)));
    rows
}
