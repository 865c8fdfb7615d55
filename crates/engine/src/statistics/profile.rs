//! The lexical profile of a selection: how varied its vocabulary is, by
//! type/token ratio (TTR), standardised TTR (STTR) and moving-average TTR
//! (MATTR).
//!
//! The text is the selection's word tokens (stopwords included; no
//! punctuation, numbers or white space) in corpus order, running on across
//! paragraphs and documents; a type is a distinct word (aliases not merged).
//!
//! - TTR = types / tokens: it falls as a text grows, so it compares only
//!   texts of one length.
//! - STTR (WordSmith): the mean TTR of consecutive chunks of `chunk`
//!   tokens (default 1,000); the last, partial chunk is dropped, so a text
//!   shorter than one chunk has none.
//! - MATTR (Covington & McFall 2010): the mean TTR of every window of
//!   `window` consecutive tokens (default 500), moving one token at a time;
//!   none for a text shorter than one window.

use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::text::options::{check_range, OptionError};
use crate::text::segment::TokenKind;
use serde::{Deserialize, Serialize};

/// The chunk of STTR and the window of MATTR, in word tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileOptions {
    /// STTR's chunk (default 1,000).
    pub chunk: usize,
    /// MATTR's window (default 500).
    pub window: usize,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions { chunk: 1000, window: 500 }
    }
}

impl ProfileOptions {
    /// Checks that the chunk and the window are at least one token;
    /// [`lexical_profile`] treats 0 as 1.
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("chunk", self.chunk, 1..=usize::MAX, "the STTR chunk is at least 1 word")?;
        check_range("window", self.window, 1..=usize::MAX, "the MATTR window is at least 1 word")
    }
}

/// A selection's size and lexical variety.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LexicalProfile {
    /// Documents with a selected paragraph.
    pub documents: usize,
    /// Selected paragraphs.
    pub paragraphs: usize,
    /// Word tokens.
    pub tokens: u64,
    /// Distinct words among them.
    pub types: u64,
    /// types / tokens (0 with no tokens).
    pub ttr: f64,
    /// The mean TTR of the full chunks; `None` with no full chunk.
    pub sttr: Option<f64>,
    /// The full chunks STTR averages over.
    pub sttr_chunks: usize,
    /// The mean TTR of every window; `None` when the text is shorter than one.
    pub mattr: Option<f64>,
    /// The options used.
    pub options: ProfileOptions,
}

/// TTR of one stretch of tokens, counting with `seen` (left all zero again).
fn ttr(stretch: &[TermId], seen: &mut [u32]) -> f64 {
    let mut types = 0;
    for &t in stretch {
        if seen[t as usize] == 0 {
            types += 1;
        }
        seen[t as usize] += 1;
    }
    stretch.iter().for_each(|&t| seen[t as usize] = 0);
    types as f64 / stretch.len() as f64
}

/// The lexical profile of `selection`, as the module doc defines it.
///
/// ```
/// use cijing_engine::statistics::profile::{lexical_profile, ProfileOptions};
/// use cijing_engine::corpus::selection::Selection;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example. Document b's 10 word
/// // tokens: 年 中俄 两国 继续 扩大 合作 | 合作 造福 两国 人民; 8 types.
/// let b = Selection::of_docs(&corpus, &[1]);
/// let p = lexical_profile(&corpus, &b, &ProfileOptions { chunk: 4, window: 9 });
/// assert_eq!((p.tokens, p.types, p.ttr), (10, 8, 0.8));
/// // Chunks of 4: [年 中俄 两国 继续] 1.0, [扩大 合作 合作 造福] 0.75; the last two dropped.
/// assert_eq!((p.sttr, p.sttr_chunks), (Some(0.875), 2));
/// // Windows of 9: tokens 1–9 hold 7 types (合作, 两国 twice), tokens 2–10 also 7.
/// assert_eq!(p.mattr, Some(7.0 / 9.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lexical_profile(
    corpus: &Corpus,
    selection: &Selection,
    options: &ProfileOptions,
) -> LexicalProfile {
    let (chunk, window) = (options.chunk.max(1), options.window.max(1));
    let words: Vec<TermId> = selection
        .iter()
        .flat_map(|g| corpus.paragraph(g).tokens.iter())
        .filter(|t| corpus.vocab.term(t.term).kind == TokenKind::Word)
        .map(|t| t.term)
        .collect();
    let mut seen = vec![0u32; corpus.vocab.len()];
    let types = {
        let mut distinct = 0u64;
        for &t in &words {
            if seen[t as usize] == 0 {
                distinct += 1;
                seen[t as usize] = 1;
            }
        }
        words.iter().for_each(|&t| seen[t as usize] = 0);
        distinct
    };
    let chunks: Vec<f64> = words.chunks_exact(chunk).map(|c| ttr(c, &mut seen)).collect();
    let sttr = (!chunks.is_empty()).then(|| chunks.iter().sum::<f64>() / chunks.len() as f64);
    // MATTR: slide the window one token at a time, keeping counts and types.
    let mattr = (words.len() >= window).then(|| {
        let mut types = 0usize;
        for &t in &words[..window] {
            if seen[t as usize] == 0 {
                types += 1;
            }
            seen[t as usize] += 1;
        }
        let mut sum = types as f64;
        for i in window..words.len() {
            let (out, into) = (words[i - window] as usize, words[i] as usize);
            seen[out] -= 1;
            if seen[out] == 0 {
                types -= 1;
            }
            if seen[into] == 0 {
                types += 1;
            }
            seen[into] += 1;
            sum += types as f64;
        }
        sum / ((words.len() - window + 1) * window) as f64
    });
    LexicalProfile {
        documents: selection.docs(corpus).len(),
        paragraphs: selection.len(),
        tokens: words.len() as u64,
        types,
        ttr: if words.is_empty() { 0.0 } else { types as f64 / words.len() as f64 },
        sttr,
        sttr_chunks: chunks.len(),
        mattr,
        options: ProfileOptions { chunk, window },
    }
}
