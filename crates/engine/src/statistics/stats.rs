//! Term frequencies over a selection: count, rate per 10,000 word tokens,
//! document frequency and TF-IDF, with the filters a user sets.
//!
//! per_10k = count × 10,000 / word tokens of the selection;
//! TF-IDF = count × ln(N / df), N the corpus's documents and df those of
//! them that contain the term (the whole corpus, whatever the selection).

use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::text::pos::PosClass;
use crate::text::segment::TokenKind;
use serde::{Deserialize, Serialize};

/// Which terms count, and how. These choose the table's rows; they never
/// change the word-token totals rates are computed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermOptions {
    /// Minimum length in characters (default 1: every word).
    pub min_len: usize,
    /// Only these part-of-speech classes (all when empty).
    pub pos: Vec<PosClass>,
    /// Leave stopwords out of the tables (they always count as tokens);
    /// default on.
    pub drop_stopwords: bool,
    /// Count every alias under its canonical term (default off); needs
    /// [`Corpus::set_aliases`](crate::corpus::Corpus::set_aliases).
    pub merge_aliases: bool,
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions { min_len: 1, pos: Vec::new(), drop_stopwords: true, merge_aliases: false }
    }
}

impl TermOptions {
    /// Does a token of this term, tagged `pos` (a jieba tag), count as a
    /// term? Only word tokens ever do.
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

crate::text::options::choices!(TermSort { Count => "count", Tfidf => "tfidf" });

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
    /// Gries' DP over the selection's documents (0 even … 1 bunched); see
    /// [`crate::statistics::dispersion`]. `docs` is the range.
    pub dp: f64,
    /// Juilland's D over the selection's documents (1 even … 0 in one
    /// document); `None` with fewer than two documents.
    pub juilland_d: Option<f64>,
}

/// Term frequencies for a selection; [`table::terms`](crate::statistics::table::terms)
/// formats it.
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
    /// Orders the rows, largest first, ties by term ([`term_table`] returns
    /// them by count).
    pub fn sort(&mut self, by: TermSort) {
        match by {
            TermSort::Count => {
                self.rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)))
            }
            TermSort::Tfidf => self
                .rows
                .sort_by(|a, b| b.tfidf.total_cmp(&a.tfidf).then_with(|| a.term.cmp(&b.term))),
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
    // Whole documents are counted from their term counts; the paragraphs
    // of partly selected documents one token at a time.
    let mut whole = vec![false; corpus.docs.len()];
    for (d, counts) in corpus.index.doc_counts.iter().enumerate() {
        let range = corpus.doc_paragraphs(d);
        if range.is_empty() || !range.clone().all(|g| selection.contains(g)) {
            continue;
        }
        whole[d] = true;
        tokens += range.map(|g| corpus.index.word_tokens[g] as u64).sum::<u64>();
        for c in counts {
            if !options.admits(corpus, c.term, corpus.vocab.pos(c.pos)) {
                continue;
            }
            let key = corpus.count_as(c.term, options.merge_aliases) as usize;
            by_term[key] += c.count as u64;
            if last_doc[key] != d as u32 {
                last_doc[key] = d as u32;
                doc_freq[key] += 1;
            }
        }
    }
    for g in selection.iter() {
        let place = corpus.place(g);
        if whole[place.doc as usize] {
            continue;
        }
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
    let options =
        TermOptions { drop_stopwords: false, merge_aliases: true, ..TermOptions::default() };
    count_terms(corpus, &all, &options).doc_freq
}

/// The term table of a selection: every term `options` admit that occurs
/// in it, by count (ties by term). An empty selection gives no rows and
/// zero tokens.
///
/// ```
/// use cijing_engine::text::pos::PosClass;
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::{term_table, TermOptions, TermSort};
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example, segmented as
/// //   a  中国 和 哈萨克斯坦 加强 能源 合作 。 | 双方 深化 能源 合作 ， 推动 共同 发展 。
/// //   b  2024 年 ， 中俄 两国 继续 扩大 合作 。 | 合作 造福 两国 人民 。
/// // 23 word tokens; 和 and 年 are stopwords: tokens, never terms.
/// let table = term_table(&corpus, &Selection::all(&corpus), &TermOptions::default());
/// assert_eq!((table.tokens, table.documents, table.paragraphs), (23, 2, 4));
/// assert_eq!(table.rows.len(), 16);
/// let top: Vec<(&str, u64, u32)> = table.rows.iter().take(3).map(|r| (r.term.as_str(), r.count, r.docs)).collect();
/// assert_eq!(top, [("合作", 4, 2), ("两国", 2, 1), ("能源", 2, 1)]); // a tie of 2 goes by term
/// // 合作: 4 × 10,000 / 23 = 1739.13 per 10k; in both documents, so TF-IDF 4 × ln(2/2) = 0.
/// assert!((table.rows[0].per_10k - 40_000.0 / 23.0).abs() < 1e-9);
/// assert_eq!(table.rows[0].tfidf, 0.0);
///
/// // 两国 and 能源 are each in one document of two: TF-IDF 2 × ln 2 = 1.386, the highest.
/// let mut by_tfidf = table.clone();
/// by_tfidf.sort(TermSort::Tfidf);
/// assert_eq!((by_tfidf.rows[0].term.as_str(), by_tfidf.rows[1].term.as_str()), ("两国", "能源"));
/// assert!((by_tfidf.rows[0].tfidf - 2.0 * 2f64.ln()).abs() < 1e-12);
///
/// // Nouns only (jieba tags 合作 `vn`, a verb): the rows change, the 23 tokens do not.
/// let nouns = TermOptions { pos: vec![PosClass::Noun], ..TermOptions::default() };
/// let table = term_table(&corpus, &Selection::all(&corpus), &nouns);
/// let rows: Vec<(&str, u64)> = table.rows.iter().map(|r| (r.term.as_str(), r.count)).collect();
/// assert_eq!(rows, [("两国", 2), ("能源", 2), ("人民", 1), ("双方", 1)]);
/// assert_eq!(table.tokens, 23);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn term_table(corpus: &Corpus, selection: &Selection, options: &TermOptions) -> TermTable {
    let counts = count_terms(corpus, selection, options);
    let df = corpus_doc_freq(corpus, options.merge_aliases);
    let n_docs = corpus.docs.len() as f64;
    // Dispersion over the selection's documents: each document's selected
    // word tokens, and each term's count per document (sparse, in doc order).
    // A wholly selected document adds its term counts; another, its
    // selected paragraphs' tokens.
    let parts = selection.docs(corpus);
    let mut sizes = vec![0u64; parts.len()];
    let mut per_part: Vec<Vec<(usize, u64)>> = vec![Vec::new(); counts.by_term.len()];
    let mut add = |part: usize, term: TermId, pos: u16, n: u64| {
        if options.admits(corpus, term, corpus.vocab.pos(pos)) {
            let list = &mut per_part[corpus.count_as(term, options.merge_aliases) as usize];
            match list.last_mut() {
                Some((p, c)) if *p == part => *c += n,
                _ => list.push((part, n)),
            }
        }
    };
    for (part, &d) in parts.iter().enumerate() {
        let range = corpus.doc_paragraphs(d);
        let whole =
            d < corpus.index.doc_counts.len() && range.clone().all(|g| selection.contains(g));
        for g in range.filter(|&g| selection.contains(g)) {
            sizes[part] += corpus.index.word_tokens[g] as u64;
            if !whole {
                for t in &corpus.paragraph(g).tokens {
                    add(part, t.term, t.pos, 1);
                }
            }
        }
        if whole {
            for c in corpus.index.doc_counts.get(d).map_or(&[][..], Vec::as_slice) {
                add(part, c.term, c.pos, c.count as u64);
            }
        }
    }
    let spread = |i: usize| {
        let mut v = vec![0u64; parts.len()];
        per_part[i].iter().for_each(|&(p, c)| v[p] += c);
        (
            crate::statistics::dispersion::gries_dp(&v, &sizes),
            crate::statistics::dispersion::juilland_d(&v, &sizes),
        )
    };
    let rows: Vec<TermRow> = counts
        .by_term
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, &count)| (i, count, spread(i)))
        .map(|(i, count, (dp, juilland_d))| TermRow {
            term: corpus.vocab.term(i as TermId).text.clone(),
            count,
            per_10k: per_10k(count, counts.tokens),
            docs: counts.doc_freq[i],
            tfidf: count as f64 * (n_docs / df[i].max(1) as f64).ln(),
            dp,
            juilland_d,
        })
        .collect();
    let mut table = TermTable {
        tokens: counts.tokens,
        documents: selection.docs(corpus).len(),
        paragraphs: selection.len(),
        rows,
    };
    table.sort(TermSort::Count);
    table
}

/// Term frequencies over whole documents (by index) with the default
/// options: [`term_table`] of [`Selection::of_docs`].
pub fn term_frequencies(corpus: &Corpus, docs: &[usize]) -> TermTable {
    term_table(corpus, &Selection::of_docs(corpus, docs), &TermOptions::default())
}

/// `count` per 10,000 of `tokens` (0 when there are no tokens).
///
/// ```
/// assert_eq!(cijing_engine::statistics::stats::per_10k(4, 23), 40_000.0 / 23.0);
/// assert_eq!(cijing_engine::statistics::stats::per_10k(3, 0), 0.0);
/// ```
pub fn per_10k(count: u64, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / tokens as f64
    }
}
