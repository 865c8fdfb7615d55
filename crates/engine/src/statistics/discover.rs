//! Term discovery: candidate words found in the corpus itself, as runs of
//! Han characters that hold together (high internal cohesion) and occur in
//! varied contexts (high left and right branching entropy), excluding what
//! the dictionaries already know.
//!
//! For a string w seen f(w) times among T characters, cohesion is the
//! smallest pointwise mutual information over its binary splits,
//! min log2(f(w)·T / (f(a)·f(b))) for w = ab. Left entropy is the entropy
//! of the characters just before w (a text edge or punctuation counts as a
//! new symbol each time); right entropy likewise after it. Candidates are
//! ranked by f(w) · min(left, right entropy) · cohesion.
//!
//! Left out: strings the dictionary knows; strings that begin or end with a
//! function character (`双方将`, `的重要`); and strings the segmenter cuts
//! into known words of two or more characters, possibly glued by function
//! characters (`领域合作`, `交流与合作`), which are phrases rather than words.

use crate::corpus::selection::Selection;
use crate::corpus::Corpus;
use crate::text::options::{check_range, OptionError};
use crate::text::segment::Segmenter;
use serde::Serialize;
use std::collections::HashMap;

/// Which strings are candidates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DiscoverOptions {
    /// Shortest candidate, in characters (2 to `max_len`; default 2).
    pub min_len: usize,
    /// Longest candidate, in characters (2 to 8; default 6).
    pub max_len: usize,
    /// Keep strings seen at least this often (default 3).
    pub min_count: u32,
    /// Minimum cohesion, in bits (default 4).
    pub min_pmi: f64,
    /// Minimum of left and right entropy, in bits (default 1.5).
    pub min_entropy: f64,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions { min_len: 2, max_len: 6, min_count: 3, min_pmi: 4.0, min_entropy: 1.5 }
    }
}

impl DiscoverOptions {
    /// Checks the candidate lengths (2 to 8 characters, `min_len` ≤
    /// `max_len`); [`discover`] itself takes any lengths.
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("max-len", self.max_len, 2..=8, "candidates are 2 to 8 characters")?;
        check_range(
            "min-len",
            self.min_len,
            2..=self.max_len,
            "candidates are at least 2 characters and min-len is at most max-len",
        )
    }
}

/// A candidate new word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The string.
    pub word: String,
    /// Its occurrences in the selection's text.
    pub count: u32,
    /// Cohesion: the smallest PMI over its binary splits (bits).
    pub pmi: f64,
    /// Entropy of the characters before it (bits).
    pub left_entropy: f64,
    /// Entropy of the characters after it (bits).
    pub right_entropy: f64,
    /// count · min(left, right entropy) · cohesion.
    pub score: f64,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Entropy (bits) of neighbour counts plus `edges` distinct edge symbols.
fn entropy(neighbours: &HashMap<char, u32>, edges: u32, total: u32) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let t = total as f64;
    let h: f64 = neighbours
        .values()
        .map(|&c| {
            let p = c as f64 / t;
            -p * p.log2()
        })
        .sum();
    h + edges as f64 * (1.0 / t) * t.log2()
}

/// Characters that begin or end phrases rather than words.
const FUNCTION_CHARS: &str =
    "的了在和与及将愿要是对为等也并而之其把被从向以于就都又还更很最已所该各这那此";

/// Single characters that glue known words into phrases (`交流与合作`,
/// `框架内`, `落实好`).
const GLUE_CHARS: &str =
    "的了在和与及将愿要是对为等也并而之其把被从向以于就都又还更很最已所该各这那此应上下中内间好";

/// Is `word` a phrase of words `dictionary` already knows (each of two or
/// more characters, or a glue character)?
fn is_known_phrase(word: &str, dictionary: &Segmenter, corpus: &Corpus) -> bool {
    let tokens = dictionary.segment(word, corpus.options);
    tokens.len() > 1
        && tokens.iter().all(|t| {
            let piece = &word[t.start..t.end];
            (piece.chars().count() >= 2 && dictionary.knows(piece))
                || (piece.chars().count() == 1 && GLUE_CHARS.contains(piece))
        })
}

/// Candidate new words in the selection, judged against `dictionary`
/// (whose words are left out), best score first, ties by word. Reads the
/// paragraphs' text, not their tokens; `dictionary` also cuts each
/// candidate (with the corpus's segment options) to spot phrases of known
/// words.
pub fn discover(
    corpus: &Corpus,
    selection: &Selection,
    options: &DiscoverOptions,
    dictionary: &Segmenter,
) -> Vec<Candidate> {
    let runs: Vec<Vec<char>> = corpus
        .index
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(g, _)| selection.contains(*g))
        .flat_map(|(_, place)| {
            let text = &corpus.docs[place.doc as usize].paragraphs[place.para as usize].text;
            text.split(|c: char| !is_han(c))
                .filter(|r| !r.is_empty())
                .map(|r| r.chars().collect::<Vec<char>>())
                .collect::<Vec<_>>()
        })
        .collect();
    let total: u64 = runs.iter().map(|r| r.len() as u64).sum();
    let max_len = options.max_len.max(options.min_len).max(1);
    // Counts of every substring up to max_len, needed for the splits.
    let mut freq: HashMap<&[char], u32> = HashMap::new();
    for run in &runs {
        for n in 1..=max_len.min(run.len()) {
            for w in run.windows(n) {
                *freq.entry(w).or_insert(0) += 1;
            }
        }
    }
    // Neighbours of each candidate.
    let mut left: HashMap<&[char], (HashMap<char, u32>, u32)> = HashMap::new();
    let mut right: HashMap<&[char], (HashMap<char, u32>, u32)> = HashMap::new();
    for run in &runs {
        for n in options.min_len.max(2)..=max_len.min(run.len()) {
            for (i, w) in run.windows(n).enumerate() {
                if freq[w] < options.min_count {
                    continue;
                }
                let l = left.entry(w).or_default();
                match i.checked_sub(1).map(|j| run[j]) {
                    Some(c) => *l.0.entry(c).or_insert(0) += 1,
                    None => l.1 += 1,
                }
                let r = right.entry(w).or_default();
                match run.get(i + n) {
                    Some(&c) => *r.0.entry(c).or_insert(0) += 1,
                    None => r.1 += 1,
                }
            }
        }
    }
    let t = total as f64;
    let mut out: Vec<Candidate> = left
        .iter()
        .filter_map(|(w, (lc, ledges))| {
            let count = freq[w];
            let pmi = (1..w.len())
                .map(|k| {
                    ((count as f64) * t / (freq[&w[..k]] as f64 * freq[&w[k..]] as f64)).log2()
                })
                .fold(f64::INFINITY, f64::min);
            let (rc, redges) = &right[w];
            let hl = entropy(lc, *ledges, count);
            let hr = entropy(rc, *redges, count);
            let word: String = w.iter().collect();
            if pmi < options.min_pmi || hl.min(hr) < options.min_entropy {
                return None;
            }
            let edge = |c: Option<char>| c.is_some_and(|c| FUNCTION_CHARS.contains(c));
            if edge(word.chars().next())
                || edge(word.chars().last())
                || dictionary.knows(&word)
                || is_known_phrase(&word, dictionary, corpus)
            {
                return None;
            }
            Some(Candidate {
                word,
                count,
                pmi,
                left_entropy: hl,
                right_entropy: hr,
                score: count as f64 * hl.min(hr) * pmi,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.word.cmp(&b.word)));
    out
}
