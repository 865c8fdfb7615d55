//! Search: how often a query of the query language ([`Query`]) matches in
//! a selection, in how many documents, and which word forms it matched —
//! what a wildcard, a regular expression, a part-of-speech pattern or a
//! substring expanded to.
//!
//! A hit's form is the text of the tokens it covers, separated by single
//! spaces (white space left out): for a word query the word, for a phrase
//! its words, for a substring the whole words it falls in (`"合作"` in
//! 上海合作组织 has the form 上海合作组织), so word and substring counts
//! can be told apart.

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::Corpus;
use crate::statistics::stats::per_10k;
use crate::text::segment::TokenKind;
use serde::Serialize;
use std::collections::HashMap;

/// One matched form and how often it was matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormCount {
    /// The tokens of the hit, separated by single spaces.
    pub form: String,
    /// Hits with this form.
    pub count: u64,
    /// Documents of the selection with such a hit.
    pub docs: u32,
}

/// A query's hits over a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    /// The query as typed.
    pub query: String,
    /// Hits in the selection.
    pub hits: u64,
    /// Documents of the selection with a hit.
    pub docs: usize,
    /// Word tokens of the selection.
    pub tokens: u64,
    /// Hits per 10,000 word tokens of the selection.
    pub per_10k: f64,
    /// The forms matched, most hits first, ties by form.
    pub forms: Vec<FormCount>,
}

/// Every hit of `query` in `selection`, counted and grouped by form.
///
/// ```
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::statistics::search::search;
/// use cijing_engine::corpus::selection::Selection;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["上海合作组织深化合作。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN"], &["合作伙伴。"]),
/// # ], &segmenter, Default::default());
/// // a: 上海合作组织 深化 合作 。  b: 合作伙伴 。  (4 word tokens)
/// let all = Selection::all(&corpus);
/// let words = search(&corpus, &all, &Query::parse(&corpus, &segmenter, "合作*", false)?);
/// let forms: Vec<(&str, u64)> = words.forms.iter().map(|f| (f.form.as_str(), f.count)).collect();
/// assert_eq!((words.hits, words.docs, forms), (2, 2, vec![("合作", 1), ("合作伙伴", 1)]));
/// // As a substring 合作 occurs three times, once inside 上海合作组织.
/// let text = search(&corpus, &all, &Query::parse(&corpus, &segmenter, "\"合作\"", false)?);
/// assert_eq!((text.hits, text.tokens, text.per_10k), (3, 4, 7500.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn search(corpus: &Corpus, selection: &Selection, query: &Query) -> SearchResult {
    let mut forms: HashMap<String, (u64, u32, u32)> = HashMap::new(); // count, docs, last doc
    let mut hits = 0u64;
    let mut docs = std::collections::BTreeSet::new();
    for g in query.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let doc = corpus.place(g).doc;
        let para = corpus.paragraph(g);
        for hit in query.hits(corpus, g) {
            hits += 1;
            docs.insert(doc);
            let form: Vec<&str> = para.tokens[hit.first..hit.last]
                .iter()
                .filter(|t| corpus.vocab.term(t.term).kind != TokenKind::Space)
                .map(|t| corpus.token_text(t))
                .collect();
            let entry = forms.entry(form.join(" ")).or_insert((0, 0, u32::MAX));
            entry.0 += 1;
            if entry.2 != doc {
                entry.2 = doc;
                entry.1 += 1;
            }
        }
    }
    let tokens: u64 = selection.iter().map(|g| corpus.index.word_tokens[g] as u64).sum();
    let mut forms: Vec<FormCount> =
        forms.into_iter().map(|(form, (count, docs, _))| FormCount { form, count, docs }).collect();
    forms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
    SearchResult {
        query: query.text.clone(),
        hits,
        docs: docs.len(),
        tokens,
        per_10k: per_10k(hits, tokens),
        forms,
    }
}
