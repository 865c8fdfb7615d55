//! Trends: relative frequency of terms per document in date order, and per
//! year, over a selection.

use super::corpus::Corpus;
use super::query::Query;
use super::selection::Selection;
use super::stats::per_10k;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub term: String,
    /// A document id, or a year when grouped by year.
    pub key: String,
    pub date: String,
    pub count: u64,
    /// Word tokens of the selected paragraphs of that document or year.
    pub tokens: u64,
    pub per_10k: f64,
}

/// Indexes of the selection's documents in date order (ties in manifest order).
pub fn docs_by_date(corpus: &Corpus, selection: &Selection) -> Vec<usize> {
    let mut docs = selection.docs(corpus);
    docs.sort_by(|&a, &b| corpus.docs[a].info.date.cmp(&corpus.docs[b].info.date).then(a.cmp(&b)));
    docs
}

/// Per document (date order), for each query: count and rate.
pub fn trends_by_doc(corpus: &Corpus, selection: &Selection, queries: &[Query]) -> Vec<TrendPoint> {
    let docs = docs_by_date(corpus, selection);
    let mut points = Vec::new();
    for q in queries {
        let per_doc = count_per_doc(corpus, selection, q);
        for &d in &docs {
            let (count, tokens) = per_doc[d];
            points.push(TrendPoint {
                term: q.text.clone(),
                key: corpus.docs[d].info.id.clone(),
                date: corpus.docs[d].info.date.clone(),
                count,
                tokens,
                per_10k: per_10k(count, tokens),
            });
        }
    }
    points
}

/// Per year, for each query: summed counts over summed tokens.
pub fn trends_by_year(corpus: &Corpus, selection: &Selection, queries: &[Query]) -> Vec<TrendPoint> {
    let docs = docs_by_date(corpus, selection);
    let mut points = Vec::new();
    for q in queries {
        let per_doc = count_per_doc(corpus, selection, q);
        let mut years: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for &d in &docs {
            let y = years.entry(&corpus.docs[d].info.date[..4]).or_default();
            y.0 += per_doc[d].0;
            y.1 += per_doc[d].1;
        }
        for (year, (count, tokens)) in years {
            points.push(TrendPoint {
                term: q.text.clone(),
                key: year.to_string(),
                date: year.to_string(),
                count,
                tokens,
                per_10k: per_10k(count, tokens),
            });
        }
    }
    points
}

/// (hits, word tokens) per document, over selected paragraphs.
fn count_per_doc(corpus: &Corpus, selection: &Selection, q: &Query) -> Vec<(u64, u64)> {
    let mut out = vec![(0u64, 0u64); corpus.docs.len()];
    for (g, place) in corpus.index.paragraphs.iter().enumerate() {
        if selection.contains(g) {
            out[place.doc as usize].1 += corpus.index.word_tokens[g] as u64;
        }
    }
    for g in q.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let place = corpus.index.paragraphs[g];
        let para = &corpus.docs[place.doc as usize].paragraphs[place.para as usize];
        let terms: Vec<_> = para.tokens.iter().map(|t| t.term).collect();
        out[place.doc as usize].0 += q.matches(corpus, &terms).len() as u64;
    }
    out
}
