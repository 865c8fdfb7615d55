//! What a user searches for: a term, an alias group, or a phrase of several
//! tokens, resolved against the corpus vocabulary.

use super::corpus::{Corpus, TermId};
use super::segment::{Segmenter, TokenKind};

/// Why a query finds nothing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing but white space was typed.
    Empty,
    /// A word of the query never occurs in the corpus (as segmented now).
    NotInCorpus(String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Empty => f.write_str("the search term is empty"),
            QueryError::NotInCorpus(word) => write!(f, "\"{word}\" does not occur in the corpus"),
        }
    }
}

impl std::error::Error for QueryError {}

/// A sequence of slots; a token matches a slot when its term is one of the
/// slot's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The query as typed, trimmed.
    pub text: String,
    /// For each word of the query, the terms that match it.
    pub slots: Vec<Vec<TermId>>,
}

impl Query {
    /// Resolves `text`: words separated by spaces are a phrase; a single word
    /// the corpus knows is that term; anything else is segmented. With
    /// `merge_aliases` each word also matches its alias group. A query with
    /// a word the corpus never uses is an error that names it.
    pub fn parse(corpus: &Corpus, segmenter: &Segmenter, text: &str, merge_aliases: bool) -> Result<Query, QueryError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(QueryError::Empty);
        }
        let words: Vec<String> = if text.contains(char::is_whitespace) {
            text.split_whitespace().map(str::to_string).collect()
        } else if corpus.vocab.id(text).is_some() {
            vec![text.to_string()]
        } else {
            segmenter
                .segment(text, corpus.options)
                .iter()
                .map(|t| text[t.start..t.end].to_string())
                .filter(|w| TokenKind::of(w) != TokenKind::Space)
                .collect()
        };
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

    /// Token positions in `tokens` (term ids of one paragraph) where the
    /// query matches, skipping white-space tokens inside a phrase. Each
    /// match is (first token, one past the last token).
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

    /// Global paragraph ids that may hold a match: those where the first
    /// slot's terms occur (from the postings).
    pub fn candidate_paragraphs(&self, corpus: &Corpus) -> Vec<usize> {
        let mut paras: Vec<usize> = self.slots.first().into_iter().flatten()
            .flat_map(|&t| corpus.index.postings(t).iter().map(|p| p.para as usize))
            .collect();
        paras.sort_unstable();
        paras.dedup();
        paras
    }
}
