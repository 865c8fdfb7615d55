//! Postings: for each term, where it occurs (paragraph and token position),
//! plus the corpus-wide numbers statistics need (document frequency).
//! Built once with the corpus; every statistic reads it for a selection.

use super::document::{Document, TermId, Vocabulary};
use super::segment::TokenKind;

/// A paragraph's place: document index and paragraph index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParaRef {
    /// Index of the document in the corpus's documents, from 0.
    pub doc: u32,
    /// Index of the paragraph in that document's paragraphs, from 0.
    pub para: u32,
}

/// One occurrence: global paragraph id and token index in that paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The global paragraph id.
    pub para: u32,
    /// Index of the token in that paragraph's tokens (all tokens, white
    /// space and punctuation included), from 0.
    pub pos: u32,
}

/// The corpus's postings and per-paragraph numbers, indexed by global
/// paragraph id (paragraphs numbered from 0 in document order) and by
/// [`TermId`]. Terms interned after it was built (alias groups' canonical
/// terms) have no postings and no entry in `doc_freq`.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Global paragraph id → place.
    pub paragraphs: Vec<ParaRef>,
    /// Document index → its first global paragraph id (and one past the last).
    pub doc_starts: Vec<u32>,
    /// Word tokens per global paragraph (stopwords included; punctuation,
    /// numbers and white space not).
    pub word_tokens: Vec<u32>,
    /// Term → number of documents containing it, over the whole corpus.
    pub doc_freq: Vec<u32>,
    postings: Vec<Vec<Posting>>,
}

impl Index {
    /// Indexes segmented documents whose token terms come from `vocab`.
    /// [`Corpus::from_documents`](super::corpus::Corpus::from_documents)
    /// calls it; there is rarely a reason to call it yourself.
    pub fn build(docs: &[Document], vocab: &Vocabulary) -> Index {
        let mut index = Index {
            postings: vec![Vec::new(); vocab.len()],
            doc_freq: vec![0; vocab.len()],
            ..Index::default()
        };
        let mut last_doc = vec![u32::MAX; vocab.len()];
        for (d, doc) in docs.iter().enumerate() {
            index.doc_starts.push(index.paragraphs.len() as u32);
            for (p, para) in doc.paragraphs.iter().enumerate() {
                let global = index.paragraphs.len() as u32;
                index.paragraphs.push(ParaRef { doc: d as u32, para: p as u32 });
                let mut words = 0;
                for (pos, t) in para.tokens.iter().enumerate() {
                    let term = t.term as usize;
                    index.postings[term].push(Posting { para: global, pos: pos as u32 });
                    if last_doc[term] != d as u32 {
                        last_doc[term] = d as u32;
                        index.doc_freq[term] += 1;
                    }
                    if vocab.term(t.term).kind == TokenKind::Word {
                        words += 1;
                    }
                }
                index.word_tokens.push(words);
            }
        }
        index.doc_starts.push(index.paragraphs.len() as u32);
        index
    }

    /// Every occurrence of a term, in corpus order; empty for a term
    /// without postings (or an id out of range).
    pub fn postings(&self, term: TermId) -> &[Posting] {
        self.postings.get(term as usize).map_or(&[], Vec::as_slice)
    }

    /// Global paragraph ids of a document (empty range when it has no
    /// paragraph). Panics if `doc` is not a document index.
    pub fn doc_paragraphs(&self, doc: usize) -> std::ops::Range<usize> {
        self.doc_starts[doc] as usize..self.doc_starts[doc + 1] as usize
    }
}
