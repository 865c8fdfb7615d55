//! Trends: relative frequency of terms over time, over a selection: hits
//! per 10,000 word tokens of the selected paragraphs of each document (in
//! date order), of each date (documents sharing a date pooled: summed hits
//! over summed tokens), or of each year (pooled likewise). Several queries
//! give several series, one after the other.

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::Corpus;
use crate::statistics::stats::per_10k;
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
    /// One point per date (documents of one date pooled), at its date.
    Date,
}

crate::text::options::choices!(TrendBy { Doc => "doc", Year => "year", Date => "date" });

/// One point of a trend line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The query's text ([`Query::text`]).
    pub term: String,
    /// A document id, or a year when grouped by year.
    pub key: String,
    /// The document's date, or the year.
    pub date: String,
    /// Hits of the query in the selected paragraphs.
    pub count: u64,
    /// Word tokens of the selected paragraphs of that document or year.
    pub tokens: u64,
    /// Hits per 10,000 word tokens (0 when there are no tokens).
    pub per_10k: f64,
    /// Documents pooled in the point (1 per document).
    pub docs: usize,
}

/// The trend of each query over the selection, per document, per year or
/// per date: the points of the first query, then those of the next, each in
/// date order. Only documents (years, dates) with a selected paragraph have a point;
/// one with no hit has a point with count 0.
///
/// ```
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::trends::{trends, TrendBy};
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example; 合作 occurs twice in
/// // each, a (2023-05-18) having 13 word tokens and b (2024-07-04) 10.
/// let queries = [Query::parse(&corpus, &segmenter, "合作", false)?];
/// let points = trends(&corpus, &Selection::all(&corpus), &queries, TrendBy::Doc);
/// let shown: Vec<(&str, &str, u64, u64)> = points.iter().map(|p| (p.key.as_str(), p.date.as_str(), p.count, p.tokens)).collect();
/// assert_eq!(shown, [("a", "2023-05-18", 2, 13), ("b", "2024-07-04", 2, 10)]);
/// // The same two hits are a higher rate in b's fewer tokens: 2 × 10,000 / 13 = 1538.46 and 2000.
/// assert!((points[0].per_10k - 20_000.0 / 13.0).abs() < 1e-9);
/// assert_eq!(points[1].per_10k, 2000.0);
///
/// // By year, over b's last paragraph alone (合作 造福 两国 人民): 1 hit in 4 tokens.
/// let last = Selection { paragraphs: vec![false, false, false, true] };
/// let by_year = trends(&corpus, &last, &queries, TrendBy::Year);
/// assert_eq!(by_year.len(), 1);
/// assert_eq!((by_year[0].key.as_str(), by_year[0].count, by_year[0].tokens, by_year[0].per_10k), ("2024", 1, 4, 2500.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trends(
    corpus: &Corpus,
    selection: &Selection,
    queries: &[Query],
    by: TrendBy,
) -> Vec<TrendPoint> {
    match by {
        TrendBy::Doc => trends_by_doc(corpus, selection, queries),
        TrendBy::Year => trends_by_year(corpus, selection, queries),
        TrendBy::Date => trends_by_date(corpus, selection, queries),
    }
}

/// Per date, for each query: the hits and tokens of the documents of that
/// date, summed; [`trends`] with [`TrendBy::Date`]. Keys and dates are the
/// date (`2024-07-04`), in date order.
///
/// ```
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::trends::trends_by_date;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// #     CleanDocument::new("c", "2024-07-04".parse()?, &["CN"], &["两国合作。"]),
/// # ], &segmenter, Default::default());
/// // The crate example's documents and c, of b's date: 两国 合作 。 (2 word tokens).
/// // 2024-07-04 pools b (2 hits of 合作 in 10 tokens) and c (1 in 2): 3 in 12.
/// let queries = [Query::parse(&corpus, &segmenter, "合作", false)?, Query::parse(&corpus, &segmenter, "两国", false)?];
/// let points = trends_by_date(&corpus, &Selection::all(&corpus), &queries);
/// let shown: Vec<(&str, &str, u64, u64, usize)> = points.iter().map(|p| (p.term.as_str(), p.date.as_str(), p.count, p.tokens, p.docs)).collect();
/// assert_eq!(shown, [
///     ("合作", "2023-05-18", 2, 13, 1), ("合作", "2024-07-04", 3, 12, 2),
///     ("两国", "2023-05-18", 0, 13, 1), ("两国", "2024-07-04", 3, 12, 2),
/// ]);
/// assert_eq!(points[1].per_10k, 2500.0); // 3 × 10,000 / 12
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trends_by_date(
    corpus: &Corpus,
    selection: &Selection,
    queries: &[Query],
) -> Vec<TrendPoint> {
    pooled(corpus, selection, queries, |d| corpus.docs[d].info.date.to_string())
}

/// Points pooled by `key` of each document (keys sort in date order).
fn pooled(
    corpus: &Corpus,
    selection: &Selection,
    queries: &[Query],
    key: impl Fn(usize) -> String,
) -> Vec<TrendPoint> {
    let docs = selection.docs_by_date(corpus);
    let mut points = Vec::new();
    for q in queries {
        let per_doc = count_per_doc(corpus, selection, q);
        let mut groups: BTreeMap<String, (u64, u64, usize)> = BTreeMap::new();
        for &d in &docs {
            let group = groups.entry(key(d)).or_default();
            group.0 += per_doc[d].0;
            group.1 += per_doc[d].1;
            group.2 += 1;
        }
        for (key, (count, tokens, docs)) in groups {
            points.push(TrendPoint {
                term: q.text.clone(),
                key: key.clone(),
                date: key,
                count,
                tokens,
                per_10k: per_10k(count, tokens),
                docs,
            });
        }
    }
    points
}

/// Per document (date order, ties in corpus order), for each query: count
/// and rate; [`trends`] with [`TrendBy::Doc`]. Keys are document ids.
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
                docs: 1,
            });
        }
    }
    points
}

/// Per year, for each query: summed counts over summed tokens; [`trends`]
/// with [`TrendBy::Year`]. Keys and dates are the year (`2024`).
pub fn trends_by_year(
    corpus: &Corpus,
    selection: &Selection,
    queries: &[Query],
) -> Vec<TrendPoint> {
    pooled(corpus, selection, queries, |d| corpus.docs[d].info.date.year().to_string())
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
        out[corpus.place(g).doc as usize].0 += q.hits(corpus, g).len() as u64;
    }
    out
}
