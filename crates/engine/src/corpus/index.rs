//! Postings: for each term, where it occurs (paragraph and token position),
//! plus the corpus-wide numbers statistics need (document frequency).
//! Built once with the corpus; every statistic reads it for a selection.

use crate::text::document::{Document, TermId, Token, Vocabulary};
use crate::text::segment::TokenKind;
use rustc_hash::FxHashMap as HashMap;

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
    /// Document index → how often each (term, POS tag id) occurs in it,
    /// sorted: statistics over whole documents read these, not every token.
    pub doc_counts: Vec<Vec<TermCount>>,
    /// While building: term → the last document it was seen in.
    last_doc: Vec<u32>,
    /// While building: the current document's counts.
    counting: HashMap<(TermId, u16), u32>,
}

/// How often a term occurs in a document with one POS tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermCount {
    /// The term.
    pub term: TermId,
    /// The POS tag's id (see [`Vocabulary::pos`]).
    pub pos: u16,
    /// Its occurrences.
    pub count: u32,
}

impl Index {
    /// Indexes segmented documents whose token terms come from `vocab`.
    /// [`Corpus::from_documents`](crate::corpus::Corpus::from_documents)
    /// calls it; there is rarely a reason to call it yourself.
    pub fn build(docs: &[Document], vocab: &Vocabulary) -> Index {
        let mut index = Index::default();
        for doc in docs {
            index.start_document();
            for para in &doc.paragraphs {
                index.add_paragraph(&para.tokens, vocab);
            }
        }
        index.finish(vocab);
        index
    }

    /// Starts indexing the next document (an index built a paragraph at a
    /// time, as [`CorpusBuilder`](crate::corpus::CorpusBuilder) does).
    pub(crate) fn start_document(&mut self) {
        if !self.doc_starts.is_empty() {
            self.close_document();
        }
        self.doc_starts.push(self.paragraphs.len() as u32);
    }

    /// Turns the current document's counts into its sorted list.
    fn close_document(&mut self) {
        let mut counts: Vec<TermCount> = self
            .counting
            .drain()
            .map(|((term, pos), count)| TermCount { term, pos, count })
            .collect();
        counts.sort_unstable_by_key(|c| (c.term, c.pos));
        self.doc_counts.push(counts);
    }

    /// Indexes the next paragraph of the current document; its terms come
    /// from `vocab`, which may have grown since the last paragraph.
    pub(crate) fn add_paragraph(&mut self, tokens: &[Token], vocab: &Vocabulary) {
        let doc = self.doc_starts.len() as u32 - 1;
        let first = self.doc_starts[doc as usize] as usize;
        let global = self.paragraphs.len() as u32;
        self.paragraphs.push(ParaRef { doc, para: global - first as u32 });
        if self.postings.len() < vocab.len() {
            self.postings.resize(vocab.len(), Vec::new());
            self.doc_freq.resize(vocab.len(), 0);
            self.last_doc.resize(vocab.len(), u32::MAX);
        }
        let mut words = 0;
        for (pos, t) in tokens.iter().enumerate() {
            let term = t.term as usize;
            self.postings[term].push(Posting { para: global, pos: pos as u32 });
            *self.counting.entry((t.term, t.pos)).or_insert(0) += 1;
            if self.last_doc[term] != doc {
                self.last_doc[term] = doc;
                self.doc_freq[term] += 1;
            }
            if vocab.term(t.term).kind == TokenKind::Word {
                words += 1;
            }
        }
        self.word_tokens.push(words);
    }

    /// Closes the last document; every term of `vocab` has its entry.
    pub(crate) fn finish(&mut self, vocab: &Vocabulary) {
        if !self.doc_starts.is_empty() {
            self.close_document();
        }
        self.doc_starts.push(self.paragraphs.len() as u32);
        self.postings.resize(vocab.len(), Vec::new());
        self.doc_freq.resize(vocab.len(), 0);
        self.last_doc = Vec::new();
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
