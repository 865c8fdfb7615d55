//! Documents and their words: a document's descriptive fields, its
//! paragraphs as interned tokens, and the vocabulary that interns them.
//! Sits on top of segmentation; the index and the corpus build on it.

use crate::text::date::Date;
use crate::text::segment::TokenKind;
use rustc_hash::FxHashMap as HashMap;

/// Index of a term in the corpus vocabulary, from 0 in order of first
/// occurrence. Only meaningful with the corpus that made it.
pub type TermId = u32;

/// A distinct token text.
#[derive(Debug, Clone, PartialEq)]
pub struct TermInfo {
    /// The text, exactly as it stands in the paragraphs.
    pub text: String,
    /// Word, number, punctuation or white space; only
    /// [`TokenKind::Word`] terms are counted as word tokens and terms.
    pub kind: TokenKind,
    /// Was it a stopword of the segmenter that built the corpus?
    pub stopword: bool,
}

/// Interned terms and POS tags: every distinct token text of a corpus once,
/// with a [`TermId`], and every distinct tag once, with a `u16` id.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    terms: Vec<TermInfo>,
    ids: HashMap<String, TermId>,
    pos_tags: Vec<String>,
    pos_ids: HashMap<String, u16>,
}

impl Vocabulary {
    /// The id of `text`, added when new (`stopword` is asked only then).
    pub(crate) fn intern(&mut self, text: &str, stopword: impl FnOnce() -> bool) -> TermId {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(TermInfo {
            text: text.to_string(),
            kind: TokenKind::of(text),
            stopword: stopword(),
        });
        self.ids.insert(text.to_string(), id);
        id
    }

    pub(crate) fn intern_pos(&mut self, pos: &str) -> u16 {
        if let Some(&id) = self.pos_ids.get(pos) {
            return id;
        }
        let id = self.pos_tags.len() as u16;
        self.pos_tags.push(pos.to_string());
        self.pos_ids.insert(pos.to_string(), id);
        id
    }

    /// The term with this id. Panics if the id is not from this vocabulary.
    pub fn term(&self, id: TermId) -> &TermInfo {
        &self.terms[id as usize]
    }

    /// The id of the term with exactly this text, or `None` when no token
    /// of the corpus has it (nor an alias group's canonical term).
    pub fn id(&self, text: &str) -> Option<TermId> {
        self.ids.get(text).copied()
    }

    /// The POS tag with this id ([`Token::pos`]); `""` when jieba gave
    /// none. Panics if the id is not from this vocabulary.
    pub fn pos(&self, id: u16) -> &str {
        &self.pos_tags[id as usize]
    }

    /// The number of distinct terms: valid ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Is there no term at all (a corpus without a single token)?
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A token of a paragraph: byte span in the paragraph text, term, POS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first byte in [`Paragraph::text`].
    pub start: u32,
    /// Byte offset one past its last byte: the token is `text[start..end]`.
    pub end: u32,
    /// Its term in the corpus vocabulary.
    pub term: TermId,
    /// Its POS tag's id; read the tag with [`Vocabulary::pos`].
    pub pos: u16,
}

/// A paragraph: its text and its tokens.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The cleaned text.
    pub text: String,
    /// Its tokens in text order, covering the text (white space and
    /// punctuation included); in search mode some overlap.
    pub tokens: Vec<Token>,
}

/// A document's descriptive fields.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    /// A short id, unique in the corpus; filters and links name documents by it.
    pub id: String,
    /// The title, as the document itself gives it.
    pub title: String,
    /// Its date; trends and date filters go by it.
    pub date: Date,
    /// Who published it (`新华社`, `人民日报`, …); may be empty.
    pub source: String,
    /// Where it was signed or given; may be empty.
    pub place: String,
    /// What kind of text it is (`joint statement`, `speech`, …; `text`
    /// for one a user adds).
    pub kind: String,
    /// The parties it concerns, as codes (`CN`, `KZ`, `SCO`, …); party
    /// filters go by them.
    pub parties: Vec<String>,
}

/// A document of a corpus: its fields and its segmented paragraphs.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its descriptive fields.
    pub info: DocInfo,
    /// Datelines, bylines and signature lines, cleaned, kept out of the body.
    pub meta: Vec<String>,
    /// The body, in order; statistics see only these.
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    /// Characters of body text (white space excluded; punctuation and
    /// digits included); [`Document::meta`] lines are not counted.
    pub fn chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count()).sum()
    }
}

/// A document before segmentation: its fields, metadata lines and cleaned
/// paragraphs. [`Corpus::from_documents`](crate::corpus::Corpus::from_documents)
/// segments a list of them into a corpus.
#[derive(Debug, Clone)]
pub struct CleanDocument {
    /// Its descriptive fields.
    pub info: DocInfo,
    /// Datelines, bylines and signature lines, kept out of the body.
    pub meta: Vec<String>,
    /// The body, one string a paragraph (as [`clean_text`](crate::text::clean::clean_text) gives them).
    pub paragraphs: Vec<String>,
}

impl CleanDocument {
    /// A document from already clean paragraphs (texts a user adds, and
    /// tests): titled by its id, of kind `text`, with no source, place or
    /// meta lines.
    ///
    /// ```
    /// use cijing_engine::corpus::CleanDocument;
    /// let doc = CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。"]);
    /// assert_eq!((doc.info.title.as_str(), doc.info.kind.as_str()), ("a", "text"));
    /// assert_eq!(doc.info.parties, ["CN", "KZ"]);
    /// # Ok::<(), cijing_engine::text::date::DateError>(())
    /// ```
    pub fn new(id: &str, date: Date, parties: &[&str], paragraphs: &[&str]) -> CleanDocument {
        CleanDocument {
            info: DocInfo {
                id: id.into(),
                title: id.into(),
                date,
                source: String::new(),
                place: String::new(),
                kind: "text".into(),
                parties: parties.iter().map(|p| p.to_string()).collect(),
            },
            meta: Vec::new(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }
    }
}
