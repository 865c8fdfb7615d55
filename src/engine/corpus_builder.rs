//! Builds a corpus a paragraph at a time: [`CorpusBuilder`] interns and
//! indexes each paragraph as it comes, and [`SlicedBuild`] feeds it from
//! documents and token streams in slices, so a page can build a corpus of
//! many megabytes between frames instead of in one long task.

use super::corpus::{CleanDocument, Corpus, CorpusError, DocInfo, Document, Paragraph, Token};
use super::paragraph_list::ParagraphList;
use super::document::Vocabulary;
use super::index::Index;
use super::lexicon::StopwordList;
use super::segment::SegmentOptions;
use super::tokens::{StreamToken, TokenStream, TokenStreamError};
use std::collections::VecDeque;

/// A corpus under construction: start each document, add its paragraphs
/// with their tokens, then [`CorpusBuilder::finish`].
/// [`Corpus::from_segmented`] is this builder run over whole documents.
pub struct CorpusBuilder {
    options: SegmentOptions,
    vocab: Vocabulary,
    docs: Vec<Document>,
    index: Index,
}

impl CorpusBuilder {
    /// An empty corpus, segmented with `options`.
    pub fn new(options: SegmentOptions) -> CorpusBuilder {
        CorpusBuilder { options, vocab: Vocabulary::default(), docs: Vec::new(), index: Index::default() }
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
                return Err(CorpusError { doc, paragraph, message: "a token's span is outside its paragraph or inside a character" });
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
        let canonical = (0..self.vocab.len() as super::corpus::TermId).collect();
        Corpus { docs: self.docs, vocab: self.vocab, options: self.options, index: self.index, aliases: Default::default(), canonical }
    }
}

/// Why a [`SlicedBuild`] failed: a token stream that cannot be read, or
/// tokens that do not fit their documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A stream that cannot be read.
    Stream(TokenStreamError),
    /// Tokens that do not fit their documents.
    Corpus(CorpusError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Stream(e) => e.fmt(f),
            BuildError::Corpus(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<TokenStreamError> for BuildError {
    fn from(e: TokenStreamError) -> BuildError {
        BuildError::Stream(e)
    }
}

impl From<CorpusError> for BuildError {
    fn from(e: CorpusError) -> BuildError {
        BuildError::Corpus(e)
    }
}

/// A document whose paragraphs are shared ([`ParagraphList`]): a
/// [`SlicedBuild`] copies each paragraph when it builds it, so handing it
/// a long text costs nothing up front.
#[derive(Debug, Clone)]
pub struct SharedDocument {
    /// Its descriptive fields.
    pub info: DocInfo,
    /// Lines kept out of the body.
    pub meta: Vec<String>,
    /// The body.
    pub paragraphs: ParagraphList,
}

impl From<CleanDocument> for SharedDocument {
    fn from(doc: CleanDocument) -> SharedDocument {
        SharedDocument { info: doc.info, meta: doc.meta, paragraphs: doc.paragraphs.into() }
    }
}

/// A corpus built from documents and their token streams (each stream
/// holds the tokens of the next documents, in order) a slice at a time:
/// call [`SlicedBuild::step`] until it says the corpus is done, doing
/// anything else between steps, then [`SlicedBuild::finish`]. The result
/// equals [`Corpus::from_segmented`] on the same documents and tokens.
///
/// ```
/// use cijing::engine::corpus::{CleanDocument, Corpus};
/// use cijing::engine::corpus_builder::SlicedBuild;
/// use cijing::engine::tokens::encode;
/// use std::collections::HashSet;
///
/// let segmenter = cijing::seeds::segmenter();
/// let docs = vec![
///     CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["能源合作。", "深化合作。"]),
///     CleanDocument::new("b", "2024-07-04".parse()?, &["RU"], &["两国合作。"]),
/// ];
/// // The first document's tokens in one stream, the second's in another.
/// let cut = |d: &CleanDocument| d.paragraphs.iter().map(|p| segmenter.segment(p, Default::default())).collect::<Vec<_>>();
/// let streams = vec![encode(&[cut(&docs[0])]), encode(&[cut(&docs[1])])];
/// let shared = docs.iter().cloned().map(Into::into).collect();
/// let mut build = SlicedBuild::new(shared, streams, Default::default())?;
/// let stopwords = HashSet::<String>::new();
/// // One paragraph a step: three steps.
/// let mut steps = 0;
/// while !build.step(&stopwords, |done| done >= 1)? {
///     steps += 1;
/// }
/// assert_eq!((steps, build.progress()), (2, (3, 3)));
/// let sliced = build.finish();
/// let whole = Corpus::from_documents(docs, &segmenter, Default::default());
/// assert_eq!(sliced.paragraph_count(), 3);
/// assert_eq!(sliced.vocab.len(), whole.vocab.len());
/// assert_eq!(sliced.index.doc_freq, whole.index.doc_freq);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct SlicedBuild {
    builder: CorpusBuilder,
    docs: VecDeque<SharedDocument>,
    /// Each stream, with how many of its documents are still to start.
    streams: VecDeque<(TokenStream<Vec<u8>>, usize)>,
    /// The current document's paragraphs, and how many are built.
    current: (ParagraphList, usize),
    tokens: Vec<StreamToken>,
    done: usize,
    total: usize,
}

impl SlicedBuild {
    /// Reads the streams' headers; their documents must add up to `docs`.
    pub fn new(docs: Vec<SharedDocument>, streams: Vec<Vec<u8>>, options: SegmentOptions) -> Result<SlicedBuild, BuildError> {
        let streams = streams.into_iter().map(TokenStream::new).collect::<Result<VecDeque<_>, _>>()?;
        let in_streams: usize = streams.iter().map(TokenStream::documents).sum();
        if in_streams != docs.len() {
            return Err(CorpusError { doc: docs.len().min(in_streams), paragraph: 0, message: "the tokens are for another number of documents" }.into());
        }
        let total = docs.iter().map(|d| d.paragraphs.len()).sum();
        Ok(SlicedBuild {
            builder: CorpusBuilder::new(options),
            docs: docs.into(),
            streams: streams.into_iter().map(|s| {
                let n = s.documents();
                (s, n)
            }).collect(),
            current: (ParagraphList::default(), 0),
            tokens: Vec::new(),
            done: 0,
            total,
        })
    }

    /// Paragraphs built, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Builds paragraphs until `enough` (asked after each paragraph, with
    /// how many this step has built) says so or the corpus is done; true
    /// when it is done.
    pub fn step(&mut self, stopwords: &impl StopwordList, mut enough: impl FnMut(usize) -> bool) -> Result<bool, BuildError> {
        let mut built = 0;
        loop {
            if self.current.1 == self.current.0.len() {
                let Some(doc) = self.docs.pop_front() else {
                    // Every document is built: each stream must end here.
                    while let Some((stream, _)) = self.streams.pop_front() {
                        stream.finish()?;
                    }
                    return Ok(true);
                };
                while self.streams.front().is_some_and(|(_, left)| *left == 0) {
                    if let Some((stream, _)) = self.streams.pop_front() {
                        stream.finish()?;
                    }
                }
                // `new` checked that the streams hold every document.
                let (stream, left) = self.streams.front_mut().expect("a stream holds this document");
                *left -= 1;
                if stream.next_document()? != doc.paragraphs.len() {
                    let doc = self.builder.docs.len();
                    return Err(CorpusError { doc, paragraph: 0, message: "the tokens are for another number of paragraphs" }.into());
                }
                self.builder.start_document(doc.info, doc.meta);
                self.current = (doc.paragraphs, 0);
                continue;
            }
            let text = self.current.0[self.current.1].clone();
            self.current.1 += 1;
            let (stream, _) = self.streams.front_mut().expect("a stream holds this document");
            stream.next_paragraph(&mut self.tokens)?;
            let tags = stream.tags();
            self.builder.add_paragraph(text, self.tokens.iter().map(|t| (t.start, t.end, tags[t.tag].as_str())), stopwords)?;
            self.done += 1;
            built += 1;
            let last = self.current.1 == self.current.0.len() && self.docs.is_empty();
            if enough(built) && !last {
                return Ok(false);
            }
        }
    }

    /// The corpus, indexed, without alias groups. Call it once
    /// [`SlicedBuild::step`] has said the corpus is done.
    pub fn finish(self) -> Corpus {
        self.builder.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tokens::encode;
    use crate::seeds;

    fn shared(docs: Vec<CleanDocument>) -> Vec<SharedDocument> {
        docs.into_iter().map(Into::into).collect()
    }

    /// Each paragraph's text and tokens (span, word, tag).
    type Built = Vec<(String, Vec<(u32, u32, String, String)>)>;

    fn paragraphs_of(corpus: &Corpus) -> Built {
        (0..corpus.paragraph_count())
            .map(|g| {
                let p = corpus.paragraph(g);
                (p.text.clone(), p.tokens.iter().map(|t| (t.start, t.end, corpus.token_text(t).to_string(), corpus.vocab.pos(t.pos).to_string())).collect())
            })
            .collect()
    }

    #[test]
    fn the_seeds_built_in_slices_from_two_streams_equal_the_seeds_built_whole() {
        let docs = seeds::documents();
        let tokens = seeds::tokens();
        let stopwords = seeds::stopwords();
        let whole = Corpus::from_segmented(docs.clone(), tokens.clone(), &stopwords, SegmentOptions::default()).unwrap();
        let streams = vec![encode(&tokens[..10]), encode(&[]), encode(&tokens[10..])];
        let mut build = SlicedBuild::new(shared(docs), streams, SegmentOptions::default()).unwrap();
        let mut steps = 0;
        while !build.step(&stopwords, |n| n >= 7).unwrap() {
            steps += 1;
        }
        let (done, total) = build.progress();
        assert_eq!(done, total);
        assert_eq!(steps, total.div_ceil(7) - 1);
        let sliced = build.finish();
        assert_eq!(sliced.docs.len(), whole.docs.len());
        assert_eq!(paragraphs_of(&sliced), paragraphs_of(&whole));
        assert_eq!(sliced.index.doc_freq, whole.index.doc_freq);
        assert_eq!(sliced.index.word_tokens, whole.index.word_tokens);
        assert_eq!(sliced.index.doc_starts, whole.index.doc_starts);
        let he_zuo = whole.vocab.id("合作").unwrap();
        assert_eq!(sliced.index.postings(sliced.vocab.id("合作").unwrap()), whole.index.postings(he_zuo));
    }

    #[test]
    fn streams_that_do_not_fit_their_documents_are_errors() {
        let docs = seeds::documents();
        let tokens = seeds::tokens();
        let stopwords = seeds::stopwords();
        // One document short.
        let short = SlicedBuild::new(shared(docs.clone()), vec![encode(&tokens[1..])], SegmentOptions::default());
        assert_eq!(short.err().map(|e| e.to_string()), Some(format!("document {}, paragraph 1: the tokens are for another number of documents", docs.len())));
        // The first two documents' tokens swapped: paragraph counts differ.
        let mut swapped = tokens.clone();
        swapped.swap(0, 1);
        let mut build = SlicedBuild::new(shared(docs.clone()), vec![encode(&swapped)], SegmentOptions::default()).unwrap();
        let error = loop {
            match build.step(&stopwords, |_| false) {
                Ok(true) => panic!("built a corpus from tokens that do not fit"),
                Ok(false) => continue,
                Err(e) => break e,
            }
        };
        assert_eq!(error.to_string(), "document 1, paragraph 1: the tokens are for another number of paragraphs");
        // A stream cut short is a stream error, not a panic.
        let bytes = encode(&tokens);
        let mut build = SlicedBuild::new(shared(docs), vec![bytes[..bytes.len() - 3].to_vec()], SegmentOptions::default()).unwrap();
        assert!(matches!(build.step(&stopwords, |_| false), Err(BuildError::Stream(_))));
    }
}
