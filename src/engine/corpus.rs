//! The corpus: cleaned, dated, titled documents cut into paragraphs, each
//! paragraph segmented into tokens whose terms are interned to integer ids.

use super::aliases::AliasGroups;
pub use super::document::{CleanDocument, DocInfo, Document, Paragraph, TermId, TermInfo, Token, Vocabulary};
use super::index::{Index, ParaRef};
use super::segment::{SegmentOptions, Segmenter, TokenKind};

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
    pub fn set_aliases(&mut self, aliases: AliasGroups, segmenter: &Segmenter) {
        let mut canonical: Vec<TermId> = (0..self.vocab.len() as TermId).collect();
        for (head, members) in &aliases.groups {
            let head_id = self.vocab.intern(head, segmenter);
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
        let mut vocab = Vocabulary::default();
        let docs = docs
            .into_iter()
            .map(|d| {
                let paragraphs = d
                    .paragraphs
                    .into_iter()
                    .map(|text| {
                        let tokens = segmenter
                            .segment(&text, options)
                            .into_iter()
                            .map(|t| Token {
                                start: t.start as u32,
                                end: t.end as u32,
                                term: vocab.intern(&text[t.start..t.end], segmenter),
                                pos: vocab.intern_pos(&t.pos),
                            })
                            .collect();
                        Paragraph { text, tokens }
                    })
                    .collect();
                Document { info: d.info, meta: d.meta, paragraphs }
            })
            .collect::<Vec<Document>>();
        let index = Index::build(&docs, &vocab);
        let canonical = (0..vocab.len() as TermId).collect();
        Corpus { docs, vocab, options, index, aliases: AliasGroups::default(), canonical }
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
