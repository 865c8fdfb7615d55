//! The corpus: cleaned, dated, titled documents cut into paragraphs, each
//! paragraph segmented into tokens whose terms are interned to integer ids.

use super::aliases::AliasGroups;
pub use super::document::{CleanDocument, DocInfo, Document, Paragraph, TermId, TermInfo, Token, Vocabulary};
use super::index::{Index, ParaRef};
use super::lexicon::StopwordList;
use super::segment::{SegmentOptions, Segmenter, TokenKind};
use super::tokens::DocumentTokens;
use std::fmt;

/// Tokens that do not fit the documents they were given with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Index of the document.
    pub doc: usize,
    /// Index of the paragraph in it.
    pub paragraph: usize,
    /// What does not fit.
    pub message: &'static str,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {}, paragraph {}: {}", self.doc + 1, self.paragraph + 1, self.message)
    }
}

impl std::error::Error for CorpusError {}

#[derive(Debug, Clone)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub vocab: Vocabulary,
    pub options: SegmentOptions,
    pub index: Index,
    pub aliases: AliasGroups,
    /// Term → the term it counts as when aliases are merged (itself if none).
    pub canonical: Vec<TermId>,
}

impl Corpus {
    /// Sets the alias groups used when merging is on.
    pub fn set_aliases(&mut self, aliases: AliasGroups, stopwords: &impl StopwordList) {
        let mut canonical: Vec<TermId> = (0..self.vocab.len() as TermId).collect();
        for (head, members) in &aliases.groups {
            let head_id = self.vocab.intern(head, stopwords.is_stopword(head));
            canonical.resize(self.vocab.len(), 0);
            canonical[head_id as usize] = head_id;
            for m in members {
                if let Some(id) = self.vocab.id(m) {
                    canonical[id as usize] = head_id;
                }
            }
        }
        self.canonical = canonical;
        self.aliases = aliases;
    }

    /// The term `term` counts as: its canonical form when `merge` is on.
    pub fn count_as(&self, term: TermId, merge: bool) -> TermId {
        if merge {
            self.canonical.get(term as usize).copied().unwrap_or(term)
        } else {
            term
        }
    }

    /// Segments cleaned documents into a corpus.
    pub fn from_documents(docs: Vec<CleanDocument>, segmenter: &Segmenter, options: SegmentOptions) -> Corpus {
        let tokens: DocumentTokens =
            docs.iter().map(|d| d.paragraphs.iter().map(|p| segmenter.segment(p, options)).collect()).collect();
        // A segmenter's tokens always fit the text it cut.
        Corpus::from_segmented(docs, tokens, segmenter, options).unwrap_or_else(|e| unreachable!("{e}"))
    }

    /// A corpus from documents and tokens segmented elsewhere (at build
    /// time, in a worker): `tokens[document][paragraph]` in the order of
    /// `docs`, made with `options`. Tokens that do not fit their paragraph
    /// (wrong counts, spans outside the text or inside a character) are an
    /// error naming the paragraph.
    pub fn from_segmented(
        docs: Vec<CleanDocument>,
        tokens: DocumentTokens,
        stopwords: &impl StopwordList,
        options: SegmentOptions,
    ) -> Result<Corpus, CorpusError> {
        if tokens.len() != docs.len() {
            return Err(CorpusError { doc: docs.len().min(tokens.len()), paragraph: 0, message: "the tokens are for another number of documents" });
        }
        let mut vocab = Vocabulary::default();
        let mut built = Vec::with_capacity(docs.len());
        for (d, (doc, doc_tokens)) in docs.into_iter().zip(tokens).enumerate() {
            if doc_tokens.len() != doc.paragraphs.len() {
                return Err(CorpusError { doc: d, paragraph: 0, message: "the tokens are for another number of paragraphs" });
            }
            let mut paragraphs = Vec::with_capacity(doc.paragraphs.len());
            for (p, (text, para_tokens)) in doc.paragraphs.into_iter().zip(doc_tokens).enumerate() {
                let mut interned = Vec::with_capacity(para_tokens.len());
                for t in para_tokens {
                    let Some(word) = text.get(t.start..t.end) else {
                        return Err(CorpusError { doc: d, paragraph: p, message: "a token's span is outside its paragraph or inside a character" });
                    };
                    interned.push(Token {
                        start: t.start as u32,
                        end: t.end as u32,
                        term: vocab.intern(word, stopwords.is_stopword(word)),
                        pos: vocab.intern_pos(&t.pos),
                    });
                }
                paragraphs.push(Paragraph { text, tokens: interned });
            }
            built.push(Document { info: doc.info, meta: doc.meta, paragraphs });
        }
        let index = Index::build(&built, &vocab);
        let canonical = (0..vocab.len() as TermId).collect();
        Ok(Corpus { docs: built, vocab, options, index, aliases: AliasGroups::default(), canonical })
    }

    /// Index of the document with this id.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.info.id == id)
    }

    /// Number of word tokens in a document (stopwords included; punctuation,
    /// numbers and white space not).
    pub fn word_tokens(&self, doc: usize) -> usize {
        self.docs[doc]
            .paragraphs
            .iter()
            .flat_map(|p| &p.tokens)
            .filter(|t| self.vocab.term(t.term).kind == TokenKind::Word)
            .count()
    }

    /// The party codes of the corpus's documents, sorted, each once.
    pub fn parties(&self) -> Vec<String> {
        let mut parties: Vec<String> = self.docs.iter().flat_map(|d| d.info.parties.iter().cloned()).collect();
        parties.sort();
        parties.dedup();
        parties
    }

    /// Where the paragraph with this global id is: document and paragraph index.
    pub fn place(&self, global: usize) -> ParaRef {
        self.index.paragraphs[global]
    }

    /// The paragraph with this global id.
    pub fn paragraph(&self, global: usize) -> &Paragraph {
        let place = self.index.paragraphs[global];
        &self.docs[place.doc as usize].paragraphs[place.para as usize]
    }

    /// The global ids of a document's paragraphs.
    pub fn doc_paragraphs(&self, doc: usize) -> std::ops::Range<usize> {
        self.index.doc_paragraphs(doc)
    }

    /// Number of paragraphs in the corpus.
    pub fn paragraph_count(&self) -> usize {
        self.index.paragraphs.len()
    }

    /// The text of a token.
    pub fn token_text(&self, t: &Token) -> &str {
        &self.vocab.term(t.term).text
    }
}
