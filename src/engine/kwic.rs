//! Concordance (key word in context): every hit of a query in a selection,
//! with left and right context in tokens and in characters.

use super::corpus::{Corpus, TermId};
use super::query::Query;
use super::segment::TokenKind;
use super::selection::Selection;
use serde::{Deserialize, Serialize};

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// Corpus order (document, paragraph, position).
    #[default]
    Position,
    /// By the first word to the left, then the second.
    L1,
    L2,
    /// By the first word to the right, then the second.
    R1,
    R2,
}

super::options::choices!(KwicSort { Position => "position", L1 => "l1", L2 => "l2", R1 => "r1", R2 => "r2" });

/// How a concordance is made: context on each side, and the order of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicOptions {
    /// Word tokens listed on each side (`left_tokens`, `right_tokens`).
    pub context_words: usize,
    /// Characters of text shown on each side (`left`, `right`).
    pub context_chars: usize,
    /// The order of the lines.
    pub sort: KwicSort,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions { context_words: 5, context_chars: 20, sort: KwicSort::Position }
    }
}

/// One hit of a concordance with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicLine {
    /// The document's id.
    pub doc: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: String,
    /// Paragraph number within the document, from 1.
    pub paragraph: usize,
    /// Token index of the hit in the paragraph.
    pub position: usize,
    /// Byte span of the hit in the paragraph text.
    pub start: usize,
    pub end: usize,
    /// Up to `chars` characters of context on each side.
    pub left: String,
    /// The hit as it stands in the text.
    pub node: String,
    /// Up to `chars` characters of context after the hit.
    pub right: String,
    /// Up to `tokens` word tokens before the hit, nearest first.
    pub left_tokens: Vec<String>,
    /// Up to `tokens` word tokens after the hit, nearest first.
    pub right_tokens: Vec<String>,
}

/// Every hit of `query` in `selection`, with context and in the order
/// `options` ask for.
pub fn kwic(corpus: &Corpus, selection: &Selection, query: &Query, options: &KwicOptions) -> Vec<KwicLine> {
    let (tokens, chars) = (options.context_words, options.context_chars);
    let mut lines = Vec::new();
    for g in query.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let place = corpus.place(g);
        let doc = &corpus.docs[place.doc as usize];
        let para = corpus.paragraph(g);
        let terms: Vec<TermId> = para.tokens.iter().map(|t| t.term).collect();
        for (first, last) in query.matches(corpus, &terms) {
            let start = para.tokens[first].start as usize;
            let end = para.tokens[last - 1].end as usize;
            let is_word = |i: &usize| corpus.vocab.term(terms[*i]).kind == TokenKind::Word;
            let word_text = |i: usize| corpus.vocab.term(terms[i]).text.clone();
            let left_text = &para.text[..start];
            let right_text = &para.text[end..];
            lines.push(KwicLine {
                doc: doc.info.id.clone(),
                date: doc.info.date.to_string(),
                paragraph: place.para as usize + 1,
                position: first,
                start,
                end,
                left: left_text.chars().rev().take(chars).collect::<Vec<_>>().into_iter().rev().collect(),
                node: para.text[start..end].to_string(),
                right: right_text.chars().take(chars).collect(),
                left_tokens: (0..first).rev().filter(is_word).take(tokens).map(word_text).collect(),
                right_tokens: (last..terms.len()).filter(is_word).take(tokens).map(word_text).collect(),
            });
        }
    }
    let key = |l: &KwicLine, side: &[String], n: usize| side.get(n).cloned().unwrap_or_default() + &l.doc;
    match options.sort {
        KwicSort::Position => {}
        KwicSort::L1 => lines.sort_by_cached_key(|l| (key(l, &l.left_tokens, 0), key(l, &l.left_tokens, 1))),
        KwicSort::L2 => lines.sort_by_cached_key(|l| (key(l, &l.left_tokens, 1), key(l, &l.left_tokens, 0))),
        KwicSort::R1 => lines.sort_by_cached_key(|l| (key(l, &l.right_tokens, 0), key(l, &l.right_tokens, 1))),
        KwicSort::R2 => lines.sort_by_cached_key(|l| (key(l, &l.right_tokens, 1), key(l, &l.right_tokens, 0))),
    }
    lines
}
