//! Builds a corpus from documents and token streams in slices
//! ([`SlicedBuild`], feeding a [`CorpusBuilder`] a paragraph at a time), so
//! a page can build a corpus of many megabytes between frames instead of in
//! one long task.

use crate::corpus::paragraph_list::ParagraphList;
use crate::corpus::tokens::{StreamToken, TokenStream, TokenStreamError};
use crate::corpus::{CleanDocument, Corpus, CorpusBuilder, CorpusError, DocInfo};
use crate::text::lexicon::StopwordList;
use crate::text::segment::SegmentOptions;
use std::collections::VecDeque;

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
/// use cijing_engine::corpus::{CleanDocument, Corpus};
/// use cijing_engine::corpus::sliced_build::SlicedBuild;
/// use cijing_engine::corpus::tokens::encode;
/// use std::collections::HashSet;
///
/// let segmenter = cijing_seeds::segmenter();
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
    pub fn new(
        docs: Vec<SharedDocument>,
        streams: Vec<Vec<u8>>,
        options: SegmentOptions,
    ) -> Result<SlicedBuild, BuildError> {
        let streams =
            streams.into_iter().map(TokenStream::new).collect::<Result<VecDeque<_>, _>>()?;
        let in_streams: usize = streams.iter().map(TokenStream::documents).sum();
        if in_streams != docs.len() {
            return Err(CorpusError {
                doc: docs.len().min(in_streams),
                paragraph: 0,
                message: "the tokens are for another number of documents",
            }
            .into());
        }
        let total = docs.iter().map(|d| d.paragraphs.len()).sum();
        Ok(SlicedBuild {
            builder: CorpusBuilder::new(options),
            docs: docs.into(),
            streams: streams
                .into_iter()
                .map(|s| {
                    let n = s.documents();
                    (s, n)
                })
                .collect(),
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
    pub fn step(
        &mut self,
        stopwords: &impl StopwordList,
        mut enough: impl FnMut(usize) -> bool,
    ) -> Result<bool, BuildError> {
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
                let (stream, left) =
                    self.streams.front_mut().expect("a stream holds this document");
                *left -= 1;
                if stream.next_document()? != doc.paragraphs.len() {
                    let doc = self.builder.documents();
                    return Err(CorpusError {
                        doc,
                        paragraph: 0,
                        message: "the tokens are for another number of paragraphs",
                    }
                    .into());
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
            self.builder.add_paragraph(
                text,
                self.tokens.iter().map(|t| (t.start, t.end, tags[t.tag].as_str())),
                stopwords,
            )?;
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
