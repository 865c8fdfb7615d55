//! What a user searches for: a term, an alias group, or a phrase of several
//! tokens, resolved against the corpus vocabulary. Concordance, collocates
//! and trends take a parsed [`Query`].

use super::corpus::{Corpus, TermId};
use super::segment::{Segmenter, TokenKind};

/// Why a query finds nothing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing but white space was typed.
    Empty,
    /// A word of the query (as typed, or as the segmenter cut it) never
    /// occurs in the corpus.
    NotInCorpus(String),
    /// More than [`MAX_QUERY_WORDS`] words.
    TooLong,
}

/// At most this many words in a search term (n-grams have at most five):
/// with merged aliases each word is looked up across the vocabulary.
pub const MAX_QUERY_WORDS: usize = 32;

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Empty => f.write_str("the search term is empty"),
            QueryError::NotInCorpus(word) => write!(f, "\"{word}\" does not occur in the corpus"),
            QueryError::TooLong => write!(f, "a search term can have at most {MAX_QUERY_WORDS} words"),
        }
    }
}

impl std::error::Error for QueryError {}

/// A sequence of slots; a token matches a slot when its term is one of the
/// slot's terms. Made by [`Query::parse`] for one corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The query as typed, trimmed.
    pub text: String,
    /// For each word of the query, in order, the terms that match it (one,
    /// or an alias group's); never empty after [`Query::parse`].
    pub slots: Vec<Vec<TermId>>,
}

impl Query {
    /// Resolves `text`: words separated by spaces are a phrase; a single word
    /// the corpus knows is that term; anything else is segmented with
    /// `segmenter` and the corpus's options (white-space tokens dropped)
    /// and becomes a phrase of its tokens. With `merge_aliases` each word
    /// also matches every term of its alias group. A query with a word the
    /// corpus never uses is an error that names it; an empty one is
    /// [`QueryError::Empty`].
    ///
    /// ```
    /// use cijing::engine::query::{Query, QueryError};
    /// # use cijing::engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing::seeds::segmenter();
    /// # let corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
    /// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
    /// # ], &segmenter, Default::default());
    /// // `corpus`: the two documents of the crate example; its first paragraph
    /// // is 中国 和 哈萨克斯坦 加强 能源 合作 。
    /// let phrase = Query::parse(&corpus, &segmenter, "能源 合作", false)?;
    /// assert_eq!(phrase.slots.len(), 2);
    /// // 能源合作 is no term of the corpus, so it is segmented: the same phrase.
    /// let joined = Query::parse(&corpus, &segmenter, "能源合作", false)?;
    /// assert_eq!((joined.text.as_str(), &joined.slots), ("能源合作", &phrase.slots));
    ///
    /// // Where it can match (能源 occurs in paragraphs 0 and 1), and where it does.
    /// assert_eq!(joined.candidate_paragraphs(&corpus), [0, 1]);
    /// let terms: Vec<_> = corpus.paragraph(0).tokens.iter().map(|t| t.term).collect();
    /// assert_eq!(joined.matches(&corpus, &terms), [(4, 6)]);
    ///
    /// assert_eq!(Query::parse(&corpus, &segmenter, "太空", false), Err(QueryError::NotInCorpus("太空".into())));
    /// assert_eq!(Query::parse(&corpus, &segmenter, "  ", false), Err(QueryError::Empty));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(corpus: &Corpus, segmenter: &Segmenter, text: &str, merge_aliases: bool) -> Result<Query, QueryError> {
        Query::resolve(corpus, text, merge_aliases, |text| {
            segmenter
                .segment(text, corpus.options)
                .iter()
                .map(|t| text[t.start..t.end].to_string())
                .filter(|w| TokenKind::of(w) != TokenKind::Space)
                .collect()
        })
    }

    /// Resolves `text` like [`Query::parse`] but without a segmenter (the
    /// page before jieba's dictionary is loaded): text with no spaces that
    /// is no term of the corpus is cut into the longest corpus terms, left
    /// to right (at most 16 characters a term).
    ///
    /// ```
    /// use cijing::engine::query::{Query, QueryError};
    /// # use cijing::engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing::seeds::segmenter();
    /// # let corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["中国和哈萨克斯坦加强能源合作。"]),
    /// # ], &segmenter, Default::default());
    /// // The corpus's terms include 能源 and 合作, not 能源合作.
    /// let q = Query::parse_known(&corpus, "能源合作", false)?;
    /// assert_eq!(q.slots, Query::parse(&corpus, &segmenter, "能源 合作", false)?.slots);
    /// assert_eq!(Query::parse_known(&corpus, "能源太空", false), Err(QueryError::NotInCorpus("太".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_known(corpus: &Corpus, text: &str, merge_aliases: bool) -> Result<Query, QueryError> {
        let mut unknown = None;
        let query = Query::resolve(corpus, text, merge_aliases, |text| {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut words = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                let start = chars[i].0;
                let found = (i + 1..=chars.len().min(i + 16)).rev().find(|&j| {
                    let end = chars.get(j).map_or(text.len(), |c| c.0);
                    corpus.vocab.id(&text[start..end]).is_some()
                });
                match found {
                    Some(j) => {
                        words.push(text[start..chars.get(j).map_or(text.len(), |c| c.0)].to_string());
                        i = j;
                    }
                    None => {
                        unknown = Some(chars[i].1.to_string());
                        return Vec::new();
                    }
                }
            }
            words
        });
        match unknown {
            Some(word) => Err(QueryError::NotInCorpus(word)),
            None => query,
        }
    }

    /// The shared part of parsing: spaces make a phrase, a known term is
    /// itself, anything else goes through `split`.
    fn resolve(corpus: &Corpus, text: &str, merge_aliases: bool, split: impl FnOnce(&str) -> Vec<String>) -> Result<Query, QueryError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(QueryError::Empty);
        }
        let words: Vec<String> = if text.contains(char::is_whitespace) {
            text.split_whitespace().map(str::to_string).collect()
        } else if corpus.vocab.id(text).is_some() {
            vec![text.to_string()]
        } else {
            split(text)
        };
        if words.is_empty() {
            return Err(QueryError::NotInCorpus(text.to_string()));
        }
        if words.len() > MAX_QUERY_WORDS {
            return Err(QueryError::TooLong);
        }
        let mut slots = Vec::new();
        for w in &words {
            let id = corpus.vocab.id(w).ok_or_else(|| QueryError::NotInCorpus(w.clone()))?;
            let slot: Vec<TermId> = if merge_aliases {
                let head = corpus.count_as(id, true);
                (0..corpus.canonical.len() as TermId).filter(|&t| corpus.canonical[t as usize] == head).collect()
            } else {
                vec![id]
            };
            slots.push(slot);
        }
        Ok(Query { text: text.to_string(), slots })
    }

    /// Where the query matches in `terms` (the term ids of one paragraph's
    /// tokens, in order), skipping white-space tokens inside a phrase. Each
    /// match is (first token index, one past the last), in text order;
    /// matches of a phrase that repeats a word may overlap.
    pub fn matches(&self, corpus: &Corpus, terms: &[TermId]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let Some(first) = self.slots.first() else { return found };
        for start in 0..terms.len() {
            if !first.contains(&terms[start]) {
                continue;
            }
            let mut at = start + 1;
            let mut ok = true;
            for slot in &self.slots[1..] {
                while at < terms.len() && corpus.vocab.term(terms[at]).kind == TokenKind::Space {
                    at += 1;
                }
                if at < terms.len() && slot.contains(&terms[at]) {
                    at += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok {
                found.push((start, at));
            }
        }
        found
    }

    /// Global paragraph ids that may hold a match, ascending, each once:
    /// those where the first slot's terms occur (from the postings).
    /// Check them with [`Query::matches`].
    pub fn candidate_paragraphs(&self, corpus: &Corpus) -> Vec<usize> {
        let mut paras: Vec<usize> = self.slots.first().into_iter().flatten()
            .flat_map(|&t| corpus.index.postings(t).iter().map(|p| p.para as usize))
            .collect();
        paras.sort_unstable();
        paras.dedup();
        paras
    }
}
