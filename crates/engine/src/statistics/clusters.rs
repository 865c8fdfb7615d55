//! Clusters (AntConc's Clusters tool): the n-grams of a given size that
//! contain a hit of a query, at the left edge, the right edge or anywhere,
//! with their frequency and range (documents).
//!
//! A cluster is `size` consecutive word tokens that never cross
//! punctuation, numbers, white space or a paragraph, like an n-gram. It is
//! counted once for each place in the text it stands, even when it holds
//! two hits; a hit longer than the cluster, or crossing punctuation, makes
//! none. Stopwords are kept (a cluster is read as it stands).

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::Corpus;
use crate::text::options::{check_range, OptionError};
use crate::text::segment::TokenKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Where the query stands in a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClusterSide {
    /// The cluster starts with the hit (what follows the query).
    Left,
    /// The cluster ends with the hit (what precedes it).
    Right,
    /// Anywhere in the cluster.
    #[default]
    Any,
}

crate::text::options::choices!(ClusterSide { Left => "left", Right => "right", Any => "any" });

/// The size of the clusters, where the query stands, and which are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterOptions {
    /// Words in a cluster (2 to 5; default 3).
    pub size: usize,
    /// Where the hit stands in it (default anywhere).
    pub side: ClusterSide,
    /// Keep clusters seen at least this often (default 2; 0 counts as 1).
    pub min_count: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { size: 3, side: ClusterSide::Any, min_count: 2 }
    }
}

impl ClusterOptions {
    /// Checks the size (2 to 5 words); [`clusters`] itself takes any size.
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("size", self.size, 2..=5, "clusters are 2 to 5 words")
    }
}

/// One cluster and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterRow {
    /// Its words, separated by single spaces.
    pub cluster: String,
    /// Its occurrences in the selection.
    pub count: u64,
    /// Range: documents of the selection it occurs in.
    pub docs: u32,
}

/// The clusters of `options.size` words holding a hit of `query` where
/// `options.side` says, over `selection`, most frequent first (ties by
/// text).
///
/// ```
/// use cijing_engine::statistics::clusters::{clusters, ClusterOptions, ClusterSide};
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example, where 能源 occurs twice,
/// // in 加强 能源 合作 and 深化 能源 合作 (document a).
/// let query = Query::parse(&corpus, &segmenter, "能源", false)?;
/// let options = ClusterOptions { size: 2, side: ClusterSide::Left, min_count: 1 };
/// let rows = clusters(&corpus, &Selection::all(&corpus), &query, &options);
/// assert_eq!(rows.len(), 1);
/// assert_eq!((rows[0].cluster.as_str(), rows[0].count, rows[0].docs), ("能源 合作", 2, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clusters(
    corpus: &Corpus,
    selection: &Selection,
    query: &Query,
    options: &ClusterOptions,
) -> Vec<ClusterRow> {
    let size = options.size.max(1);
    let mut counts: HashMap<String, (u64, u32, u32)> = HashMap::new(); // count, docs, last doc
    for g in query.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let doc = corpus.place(g).doc;
        let para = corpus.paragraph(g);
        let is_word = |i: usize| corpus.vocab.term(para.tokens[i].term).kind == TokenKind::Word;
        // The start of the run of word tokens each token is in.
        let mut run_start = vec![0usize; para.tokens.len()];
        for i in 0..para.tokens.len() {
            run_start[i] = if i > 0 && is_word(i) && is_word(i - 1) { run_start[i - 1] } else { i };
        }
        let run_end =
            |i: usize| (i..para.tokens.len()).find(|&j| !is_word(j)).unwrap_or(para.tokens.len());
        // Each cluster counted once per place: its first token index.
        let mut starts = BTreeSet::new();
        for hit in query.hits(corpus, g) {
            if !(hit.first..hit.last).all(is_word)
                || run_start[hit.last - 1] > hit.first
                || hit.last - hit.first > size
            {
                continue;
            }
            let (run_first, run_last) = (run_start[hit.first], run_end(hit.first));
            let lowest = run_first.max(hit.last.saturating_sub(size));
            let highest = hit.first.min(run_last.saturating_sub(size));
            for s in lowest..=highest {
                if s + size > run_last || s < run_first {
                    continue;
                }
                let keep = match options.side {
                    ClusterSide::Left => s == hit.first,
                    ClusterSide::Right => s + size == hit.last,
                    ClusterSide::Any => true,
                };
                if keep {
                    starts.insert(s);
                }
            }
        }
        for s in starts {
            let words: Vec<&str> =
                para.tokens[s..s + size].iter().map(|t| corpus.token_text(t)).collect();
            let entry = counts.entry(words.join(" ")).or_insert((0, 0, u32::MAX));
            entry.0 += 1;
            if entry.2 != doc {
                entry.2 = doc;
                entry.1 += 1;
            }
        }
    }
    let mut rows: Vec<ClusterRow> = counts
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= options.min_count.max(1))
        .map(|(cluster, (count, docs, _))| ClusterRow { cluster, count, docs })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.cluster.cmp(&b.cluster)));
    rows
}
