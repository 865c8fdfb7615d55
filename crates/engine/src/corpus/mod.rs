//! The corpus layer (uses [`text`](crate::text)): stored segmentations,
//! the index, selections and queries, and the [`Corpus`] itself: cleaned, dated, titled documents cut into paragraphs, each
//! paragraph segmented into tokens whose terms are interned to integer ids,
//! with the index every statistic reads. The document types live in
//! [`document`](crate::text::document) and are re-exported here.

pub mod index;
pub mod paragraph_list;
pub mod query;
pub mod selection;
pub mod sliced_build;
pub mod tokens;

use crate::corpus::index::{Index, ParaRef};
use crate::corpus::tokens::DocumentTokens;
use crate::text::aliases::AliasGroups;
pub use crate::text::document::{
    CleanDocument, DocInfo, Document, Paragraph, TermId, TermInfo, Token, Vocabulary,
};
use crate::text::lexicon::StopwordList;
use crate::text::segment::{SegmentOptions, Segmenter, TokenKind};
use std::fmt;

/// Tokens that do not fit the documents they were given with
/// ([`Corpus::from_segmented`]); displayed with the document and paragraph
/// counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Index of the document, from 0.
    pub doc: usize,
    /// Index of the paragraph in it, from 0 (0 when the document's
    /// paragraph count is what does not fit).
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

/// Segmented documents with their vocabulary and index. Build one with
/// [`Corpus::from_documents`] (or [`Corpus::from_segmented`] from tokens
/// cut elsewhere); every statistic takes it with a
/// [`Selection`](crate::corpus::selection::Selection) of its paragraphs.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The documents, in the order given; a *document index* is a position here.
    pub docs: Vec<Document>,
    /// Every distinct token text, and the POS tags.
    pub vocab: Vocabulary,
    /// How the documents were segmented; queries are segmented the same way.
    pub options: SegmentOptions,
    /// Postings and per-paragraph counts.
    pub index: Index,
    /// The groups set by [`Corpus::set_aliases`]; none at first.
    pub aliases: AliasGroups,
    /// Term → the term it counts as when aliases are merged (itself if none).
    pub canonical: Vec<TermId>,
}

impl Corpus {
    /// Sets the alias groups used when merging is on (replacing any set
    /// before): each alias the corpus has counts as its group's canonical
    /// term. A canonical term the corpus lacks is added to the vocabulary
    /// (`stopwords` says whether it is a stopword), without postings;
    /// aliases the corpus lacks are ignored.
    ///
    /// ```
    /// use cijing_engine::text::aliases::AliasGroups;
    /// use cijing_engine::corpus::selection::Selection;
    /// use cijing_engine::statistics::stats::{term_table, TermOptions};
    /// # use cijing_engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing_seeds::segmenter();
    /// # let mut corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
    /// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
    /// # ], &segmenter, Default::default());
    /// // `corpus`: the two documents of the crate example, in which 中国
    /// // occurs once and 中华人民共和国 never.
    /// let groups = AliasGroups::parse("中华人民共和国 = 中国 中华", "aliases.txt").expect("one good line");
    /// corpus.set_aliases(groups, &segmenter);
    /// let china = corpus.vocab.id("中国").unwrap();
    /// let prc = corpus.vocab.id("中华人民共和国").unwrap(); // added
    /// assert_eq!((corpus.count_as(china, true), corpus.count_as(china, false)), (prc, china));
    ///
    /// let merged = TermOptions { merge_aliases: true, ..TermOptions::default() };
    /// let table = term_table(&corpus, &Selection::all(&corpus), &merged);
    /// assert!(table.rows.iter().any(|r| r.term == "中华人民共和国" && r.count == 1));
    /// assert!(table.rows.iter().all(|r| r.term != "中国"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_aliases(&mut self, aliases: AliasGroups, stopwords: &impl StopwordList) {
        let mut canonical: Vec<TermId> = (0..self.vocab.len() as TermId).collect();
        for (head, members) in &aliases.groups {
            let head_id = self.vocab.intern(head, || stopwords.is_stopword(head));
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

    /// The term `term` counts as: its group's canonical term when `merge`
    /// is on and it is an alias, else itself.
    pub fn count_as(&self, term: TermId, merge: bool) -> TermId {
        if merge {
            self.canonical.get(term as usize).copied().unwrap_or(term)
        } else {
            term
        }
    }

    /// Segments cleaned documents into a corpus, in the order given, with
    /// `segmenter` and `options`, and indexes it. Never fails; documents
    /// or paragraphs may be empty. Stopwords are marked as the segmenter
    /// has them now. No alias groups are set.
    ///
    /// ```
    /// use cijing_engine::corpus::{CleanDocument, Corpus};
    /// use cijing_engine::corpus::index::ParaRef;
    /// use cijing_engine::SegmentOptions;
    ///
    /// let a = CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]);
    /// let b = CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]);
    /// let segmenter = cijing_seeds::segmenter();
    /// let corpus = Corpus::from_documents(vec![a, b], &segmenter, SegmentOptions::default());
    ///
    /// // Segmented, with each paragraph's word tokens (2024 is a number, not a
    /// // word; 和 and 年 are stopwords, which count as word tokens):
    /// //   a  ¶1 中国 和 哈萨克斯坦 加强 能源 合作 。      6
    /// //      ¶2 双方 深化 能源 合作 ， 推动 共同 发展 。  7
    /// //   b  ¶1 2024 年 ， 中俄 两国 继续 扩大 合作 。    6
    /// //      ¶2 合作 造福 两国 人民 。                    4
    /// assert_eq!((corpus.docs.len(), corpus.paragraph_count()), (2, 4));
    /// assert_eq!((corpus.word_tokens(0), corpus.word_tokens(1)), (13, 10));
    /// // Global paragraph ids run on across documents: b's first paragraph is 2.
    /// assert_eq!(corpus.place(2), ParaRef { doc: 1, para: 0 });
    /// assert_eq!(corpus.doc_paragraphs(1), 2..4);
    /// let words: Vec<&str> = corpus.paragraph(3).tokens.iter().map(|t| corpus.token_text(t)).collect();
    /// assert_eq!(words, ["合作", "造福", "两国", "人民", "。"]);
    /// assert_eq!(corpus.parties(), ["CN", "KZ", "RU"]);
    /// assert_eq!(corpus.doc_index("b"), Some(1));
    /// assert!(corpus.vocab.term(corpus.vocab.id("和").unwrap()).stopword);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_documents(
        docs: Vec<CleanDocument>,
        segmenter: &Segmenter,
        options: SegmentOptions,
    ) -> Corpus {
        let tokens: DocumentTokens = docs
            .iter()
            .map(|d| d.paragraphs.iter().map(|p| segmenter.segment(p, options)).collect())
            .collect();
        // A segmenter's tokens always fit the text it cut.
        Corpus::from_segmented(docs, tokens, segmenter, options)
            .unwrap_or_else(|e| unreachable!("{e}"))
    }

    /// A corpus from documents and tokens segmented elsewhere (at build
    /// time, in a worker): `tokens[document][paragraph]` in the order of
    /// `docs`, made with `options`. Tokens that do not fit their paragraph
    /// (wrong counts, spans outside the text or inside a character) are an
    /// error naming the paragraph. `stopwords` marks the vocabulary's
    /// stopwords; no alias groups are set.
    ///
    /// ```
    /// use cijing_engine::corpus::{CleanDocument, Corpus};
    /// use cijing_engine::text::segment::Token;
    /// use std::collections::HashSet;
    ///
    /// let doc = CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["能源合作。"]);
    /// let token = |start, end, pos: &str| Token { start, end, pos: pos.into() };
    /// // 能源 合作 。: three bytes a glyph.
    /// let tokens = vec![vec![vec![token(0, 6, "n"), token(6, 12, "vn"), token(12, 15, "x")]]];
    /// let no_stopwords = HashSet::<String>::new();
    /// let corpus = Corpus::from_segmented(vec![doc.clone()], tokens, &no_stopwords, Default::default())?;
    /// assert_eq!(corpus.word_tokens(0), 2);
    ///
    /// // A span that ends inside 源 is refused, naming the paragraph.
    /// let broken = vec![vec![vec![token(0, 4, "n")]]];
    /// let error = Corpus::from_segmented(vec![doc], broken, &no_stopwords, Default::default()).unwrap_err();
    /// assert_eq!(error.to_string(), "document 1, paragraph 1: a token's span is outside its paragraph or inside a character");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_segmented(
        docs: Vec<CleanDocument>,
        tokens: DocumentTokens,
        stopwords: &impl StopwordList,
        options: SegmentOptions,
    ) -> Result<Corpus, CorpusError> {
        if tokens.len() != docs.len() {
            return Err(CorpusError {
                doc: docs.len().min(tokens.len()),
                paragraph: 0,
                message: "the tokens are for another number of documents",
            });
        }
        let mut builder = CorpusBuilder::new(options);
        for (d, (doc, doc_tokens)) in docs.into_iter().zip(tokens).enumerate() {
            if doc_tokens.len() != doc.paragraphs.len() {
                return Err(CorpusError {
                    doc: d,
                    paragraph: 0,
                    message: "the tokens are for another number of paragraphs",
                });
            }
            builder.start_document(doc.info, doc.meta);
            for (text, para_tokens) in doc.paragraphs.into_iter().zip(doc_tokens) {
                builder.add_paragraph(
                    text,
                    para_tokens.iter().map(|t| (t.start, t.end, t.pos.as_str())),
                    stopwords,
                )?;
            }
        }
        Ok(builder.finish())
    }

    /// Index of the document with this id (exact match), or `None`.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.info.id == id)
    }

    /// Number of word tokens in a document (stopwords included; punctuation,
    /// numbers and white space not). Panics if `doc` is not a document index.
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
        let mut parties: Vec<String> =
            self.docs.iter().flat_map(|d| d.info.parties.iter().cloned()).collect();
        parties.sort();
        parties.dedup();
        parties
    }

    /// Where the paragraph with this global id is: document and paragraph
    /// index. Panics if `global` is not below [`Corpus::paragraph_count`].
    pub fn place(&self, global: usize) -> ParaRef {
        self.index.paragraphs[global]
    }

    /// The paragraph with this global id. Panics if `global` is not below
    /// [`Corpus::paragraph_count`].
    pub fn paragraph(&self, global: usize) -> &Paragraph {
        let place = self.index.paragraphs[global];
        &self.docs[place.doc as usize].paragraphs[place.para as usize]
    }

    /// The global ids of a document's paragraphs. Panics if `doc` is not a
    /// document index.
    pub fn doc_paragraphs(&self, doc: usize) -> std::ops::Range<usize> {
        self.index.doc_paragraphs(doc)
    }

    /// Number of paragraphs in the corpus: global ids are `0..paragraph_count()`.
    pub fn paragraph_count(&self) -> usize {
        self.index.paragraphs.len()
    }

    /// The text of a token of this corpus (its term's text).
    pub fn token_text(&self, t: &Token) -> &str {
        &self.vocab.term(t.term).text
    }
}

/// A corpus under construction: start each document, add its paragraphs
/// with their tokens, then [`CorpusBuilder::finish`].
/// [`Corpus::from_segmented`] is this builder run over whole documents;
/// [`SlicedBuild`](crate::corpus::sliced_build::SlicedBuild) runs it in slices.
pub struct CorpusBuilder {
    options: SegmentOptions,
    vocab: Vocabulary,
    docs: Vec<Document>,
    index: Index,
}

impl CorpusBuilder {
    /// An empty corpus, segmented with `options`.
    pub fn new(options: SegmentOptions) -> CorpusBuilder {
        CorpusBuilder {
            options,
            vocab: Vocabulary::default(),
            docs: Vec::new(),
            index: Index::default(),
        }
    }

    /// How many documents have been started.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Starts the next document; its paragraphs follow.
    pub fn start_document(&mut self, info: DocInfo, meta: Vec<String>) {
        self.docs.push(Document { info, meta, paragraphs: Vec::new() });
        self.index.start_document();
    }

    /// Adds a paragraph to the current document: its text and its tokens'
    /// spans and POS tags (`tokens` in text order). A span outside the
    /// text or inside a character is an error naming the paragraph, and
    /// nothing is added. `stopwords` marks new terms. Panics if no
    /// document was started.
    pub fn add_paragraph<'t>(
        &mut self,
        text: String,
        tokens: impl IntoIterator<Item = (usize, usize, &'t str)>,
        stopwords: &impl StopwordList,
    ) -> Result<(), CorpusError> {
        let doc = self.docs.len() - 1;
        let paragraph = self.docs[doc].paragraphs.len();
        let tokens = tokens.into_iter();
        let mut interned = Vec::with_capacity(tokens.size_hint().0);
        for (start, end, pos) in tokens {
            let Some(word) = text.get(start..end) else {
                return Err(CorpusError {
                    doc,
                    paragraph,
                    message: "a token's span is outside its paragraph or inside a character",
                });
            };
            interned.push(Token {
                start: start as u32,
                end: end as u32,
                term: self.vocab.intern(word, || stopwords.is_stopword(word)),
                pos: self.vocab.intern_pos(pos),
            });
        }
        self.index.add_paragraph(&interned, &self.vocab);
        self.docs[doc].paragraphs.push(Paragraph { text, tokens: interned });
        Ok(())
    }

    /// The corpus: indexed, with no alias groups set.
    pub fn finish(mut self) -> Corpus {
        self.index.finish(&self.vocab);
        let canonical = (0..self.vocab.len() as TermId).collect();
        Corpus {
            docs: self.docs,
            vocab: self.vocab,
            options: self.options,
            index: self.index,
            aliases: Default::default(),
            canonical,
        }
    }
}
