//! Term frequencies over a selection: count, rate per 10,000 word tokens,
//! document frequency and TF-IDF, with the filters a user sets.

use super::corpus::{Corpus, TermId};
use super::pos::PosClass;
use super::segment::TokenKind;
use super::selection::Selection;
use serde::{Deserialize, Serialize};

/// Which terms count, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermOptions {
    /// Minimum length in characters.
    pub min_len: usize,
    /// Only these part-of-speech classes (all when empty).
    pub pos: Vec<PosClass>,
    /// Leave stopwords out of the tables (they always count as tokens).
    pub drop_stopwords: bool,
    /// Count every alias under its canonical term.
    pub merge_aliases: bool,
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions { min_len: 1, pos: Vec::new(), drop_stopwords: true, merge_aliases: false }
    }
}

impl TermOptions {
    /// Does a token of this term, tagged `pos`, count as a term?
    pub fn admits(&self, corpus: &Corpus, term: TermId, pos: &str) -> bool {
        let info = corpus.vocab.term(term);
        info.kind == TokenKind::Word
            && !(self.drop_stopwords && info.stopword)
            && info.text.chars().count() >= self.min_len
            && (self.pos.is_empty() || self.pos.contains(&PosClass::of_tag(pos)))
    }
}

/// How a term table is ordered (largest first, ties by term).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermSort {
    /// By count.
    #[default]
    Count,
    /// By TF-IDF.
    Tfidf,
}

super::options::choices!(TermSort { Count => "count", Tfidf => "tfidf" });

/// One row of a term table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRow {
    /// The term (its canonical form when aliases are merged).
    pub term: String,
    /// Its occurrences in the selection.
    pub count: u64,
    /// Occurrences per 10,000 word tokens of the selection.
    pub per_10k: f64,
    /// How many documents of the selection contain the term.
    pub docs: u32,
    /// count × ln(N / df), N the corpus's documents and df those of them
    /// containing the term.
    pub tfidf: f64,
}

/// Term frequencies for a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermTable {
    /// Word tokens in the selection (stopwords included; punctuation,
    /// numbers and white space never count).
    pub tokens: u64,
    /// Documents with at least one selected paragraph.
    pub documents: usize,
    /// Selected paragraphs.
    pub paragraphs: usize,
    /// Most frequent first, ties by term (see [`TermTable::sort`]).
    pub rows: Vec<TermRow>,
}

impl TermTable {
    /// Orders the rows, largest first, ties by term.
    pub fn sort(&mut self, by: TermSort) {
        match by {
            TermSort::Count => self.rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term))),
            TermSort::Tfidf => self.rows.sort_by(|a, b| b.tfidf.total_cmp(&a.tfidf).then_with(|| a.term.cmp(&b.term))),
        }
    }
}

/// Counts per term (indexed by the counted term id) over a selection, and
/// its word-token total.
pub(crate) struct Counts {
    pub by_term: Vec<u64>,
    pub doc_freq: Vec<u32>,
    pub tokens: u64,
}

pub(crate) fn count_terms(corpus: &Corpus, selection: &Selection, options: &TermOptions) -> Counts {
    let n = corpus.vocab.len();
    let mut by_term = vec![0u64; n];
    let mut doc_freq = vec![0u32; n];
    let mut last_doc = vec![u32::MAX; n];
    let mut tokens = 0u64;
    for g in selection.iter() {
        let place = corpus.place(g);
        tokens += corpus.index.word_tokens[g] as u64;
        let para = corpus.paragraph(g);
        for t in &para.tokens {
            if !options.admits(corpus, t.term, corpus.vocab.pos(t.pos)) {
                continue;
            }
            let key = corpus.count_as(t.term, options.merge_aliases) as usize;
            by_term[key] += 1;
            if last_doc[key] != place.doc {
                last_doc[key] = place.doc;
                doc_freq[key] += 1;
            }
        }
    }
    Counts { by_term, doc_freq, tokens }
}

/// Corpus-wide document frequency of a counted term (aliases merged when asked).
pub(crate) fn corpus_doc_freq(corpus: &Corpus, merge: bool) -> Vec<u32> {
    if !merge {
        let mut df = corpus.index.doc_freq.clone();
        df.resize(corpus.vocab.len(), 0);
        return df;
    }
    let all = Selection::all(corpus);
    let options = TermOptions { drop_stopwords: false, merge_aliases: true, ..TermOptions::default() };
    count_terms(corpus, &all, &options).doc_freq
}

/// The term table of a selection.
pub fn term_table(corpus: &Corpus, selection: &Selection, options: &TermOptions) -> TermTable {
    let counts = count_terms(corpus, selection, options);
    let df = corpus_doc_freq(corpus, options.merge_aliases);
    let n_docs = corpus.docs.len() as f64;
    let rows: Vec<TermRow> = counts
        .by_term
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, &count)| TermRow {
            term: corpus.vocab.term(i as TermId).text.clone(),
            count,
            per_10k: per_10k(count, counts.tokens),
            docs: counts.doc_freq[i],
            tfidf: count as f64 * (n_docs / df[i].max(1) as f64).ln(),
        })
        .collect();
    let mut table = TermTable { tokens: counts.tokens, documents: selection.docs(corpus).len(), paragraphs: selection.len(), rows };
    table.sort(TermSort::Count);
    table
}

/// Term frequencies over whole documents with the default options.
pub fn term_frequencies(corpus: &Corpus, docs: &[usize]) -> TermTable {
    term_table(corpus, &Selection::of_docs(corpus, docs), &TermOptions::default())
}

/// `count` per 10,000 of `tokens` (0 when there are no tokens).
pub fn per_10k(count: u64, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / tokens as f64
    }
}
