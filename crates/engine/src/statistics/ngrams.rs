//! N-grams: contiguous sequences of 2–5 word tokens that never cross
//! punctuation, numbers, white space or a paragraph boundary.

use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::statistics::stats::TermOptions;
use crate::text::options::{check_range, OptionError};
use crate::text::segment::TokenKind;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// Which n-grams are counted and kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NgramOptions {
    /// Shortest n-gram, in words (2 to 5; default 2).
    pub min_n: usize,
    /// Longest n-gram, in words (2 to 5, at least `min_n`; default 5).
    pub max_n: usize,
    /// Keep n-grams seen at least this often (default 2; 0 counts as 1).
    pub min_count: u64,
}

impl Default for NgramOptions {
    fn default() -> Self {
        NgramOptions { min_n: 2, max_n: 5, min_count: 2 }
    }
}

impl NgramOptions {
    /// Checks that n-grams are 2 to 5 words with `min_n` ≤ `max_n`;
    /// [`ngrams`] itself takes any lengths (1 gives single words).
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("min-n", self.min_n, 2..=5, "n-grams are 2 to 5 words")?;
        check_range(
            "max-n",
            self.max_n,
            self.min_n..=5,
            "n-grams are 2 to 5 words, and max-n is at least min-n",
        )
    }
}

/// One n-gram and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NgramRow {
    /// The words, separated by single spaces (canonical terms when
    /// aliases are merged).
    pub ngram: String,
    /// Its length in words.
    pub n: usize,
    /// Its occurrences in the selection.
    pub count: u64,
    /// Documents of the selection it occurs in.
    pub docs: u32,
}

/// The longest n-gram, in words.
pub const MAX_N: usize = 5;

/// N-grams of `ngram.min_n..=ngram.max_n` word tokens (at most [`MAX_N`]) seen at least
/// `ngram.min_count` times in the selection, most frequent first (then
/// longer first, then by text). With `options.drop_stopwords`, n-grams that
/// start or end with a stopword are left out (one inside is kept); with
/// `options.merge_aliases`, aliases count as their canonical term. The
/// other term options (length, part of speech) are not applied.
///
/// ```
/// use cijing_engine::statistics::ngrams::{ngrams, NgramOptions, NgramRow};
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::TermOptions;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example. Its runs of words
/// // (punctuation, numbers and paragraph ends break them; 和 and 年 are stopwords):
/// //   中国 和 哈萨克斯坦 加强 能源 合作 | 双方 深化 能源 合作 | 推动 共同 发展
/// //   年 | 中俄 两国 继续 扩大 合作 | 合作 造福 两国 人民
/// let all = Selection::all(&corpus);
/// let twice = NgramOptions { min_n: 2, max_n: 3, min_count: 2 };
/// let rows = ngrams(&corpus, &all, &twice, &TermOptions::default());
/// assert_eq!(rows, [NgramRow { ngram: "能源 合作".into(), n: 2, count: 2, docs: 1 }]);
///
/// // Seen once or more: 14 two-word and 11 three-word n-grams. A stopword
/// // may stand inside one, never at its edge.
/// let once = NgramOptions { min_count: 1, ..twice };
/// let rows = ngrams(&corpus, &all, &once, &TermOptions::default());
/// assert_eq!((rows.iter().filter(|r| r.n == 2).count(), rows.iter().filter(|r| r.n == 3).count()), (14, 11));
/// assert!(rows.iter().any(|r| r.ngram == "中国 和 哈萨克斯坦"));
/// assert!(rows.iter().all(|r| r.ngram != "中国 和"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ngrams(
    corpus: &Corpus,
    selection: &Selection,
    ngram: &NgramOptions,
    options: &TermOptions,
) -> Vec<NgramRow> {
    let min_n = ngram.min_n.clamp(1, MAX_N);
    let (max_n, min_count) = (ngram.max_n.clamp(min_n, MAX_N), ngram.min_count);
    // Keys of a fixed size (the n-gram's terms, then `TermId::MAX`): no
    // allocation a key, hashed and compared in place.
    let mut counts: HashMap<[TermId; MAX_N], (u64, u32, u32)> = HashMap::default(); // count, docs, last doc
    for g in selection.iter() {
        let place = corpus.place(g);
        let para = corpus.paragraph(g);
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
                    let mut key = [TermId::MAX; MAX_N];
                    key[..n].copy_from_slice(gram);
                    let entry = counts.entry(key).or_insert((0, 0, u32::MAX));
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
        .map(|(key, (count, docs, _))| {
            let gram: Vec<&str> = key
                .iter()
                .take_while(|&&t| t != TermId::MAX)
                .map(|&t| corpus.vocab.term(t).text.as_str())
                .collect();
            NgramRow { n: gram.len(), ngram: gram.join(" "), count, docs }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count.cmp(&a.count).then(b.n.cmp(&a.n)).then_with(|| a.ngram.cmp(&b.ngram))
    });
    rows
}
