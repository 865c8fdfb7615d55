//! Trends: relative frequency of terms per document in date order, and per
//! year, over a selection.

use super::corpus::Corpus;
use super::query::Query;
use super::selection::Selection;
use super::stats::per_10k;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a trend's points are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrendBy {
    /// One point per document, in date order.
    #[default]
    Doc,
    /// One point per year: summed counts over summed tokens.
    Year,
}

super::options::choices!(TrendBy { Doc => "doc", Year => "year" });

/// One point of a trend line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The query, as typed.
    pub term: String,
    /// A document id, or a year when grouped by year.
    pub key: String,
    /// The document's date, or the year.
    pub date: String,
    /// Hits of the query.
    pub count: u64,
    /// Word tokens of the selected paragraphs of that document or year.
    pub tokens: u64,
    /// Hits per 10,000 word tokens.
    pub per_10k: f64,
}

/// The trend of each query over the selection, per document or per year.
pub fn trends(corpus: &Corpus, selection: &Selection, queries: &[Query], by: TrendBy) -> Vec<TrendPoint> {
    match by {
        TrendBy::Doc => trends_by_doc(corpus, selection, queries),
        TrendBy::Year => trends_by_year(corpus, selection, queries),
    }
}

/// Per document (date order), for each query: count and rate.
pub fn trends_by_doc(corpus: &Corpus, selection: &Selection, queries: &[Query]) -> Vec<TrendPoint> {
    let docs = selection.docs_by_date(corpus);
    let mut points = Vec::new();
    for q in queries {
        let per_doc = count_per_doc(corpus, selection, q);
        for &d in &docs {
            let (count, tokens) = per_doc[d];
            points.push(TrendPoint {
                term: q.text.clone(),
                key: corpus.docs[d].info.id.clone(),
                date: corpus.docs[d].info.date.to_string(),
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
    let docs = selection.docs_by_date(corpus);
    let mut points = Vec::new();
    for q in queries {
        let per_doc = count_per_doc(corpus, selection, q);
        let mut years: BTreeMap<u16, (u64, u64)> = BTreeMap::new();
        for &d in &docs {
            let y = years.entry(corpus.docs[d].info.date.year()).or_default();
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
    for g in selection.iter() {
        out[corpus.place(g).doc as usize].1 += corpus.index.word_tokens[g] as u64;
    }
    for g in q.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let terms: Vec<_> = corpus.paragraph(g).tokens.iter().map(|t| t.term).collect();
        out[corpus.place(g).doc as usize].0 += q.matches(corpus, &terms).len() as u64;
    }
    out
}
