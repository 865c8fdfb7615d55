//! The corpus: cleaned, dated, titled documents cut into paragraphs, each
//! paragraph segmented into tokens whose terms are interned to integer ids.

use super::aliases::AliasGroups;
use super::clean::{clean_lines, fix_spacing};
use super::index::Index;
use super::manifest::DocSpec;
use super::segment::{SegmentOptions, Segmenter, TokenKind};
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/builtin_corpus.rs"));

/// Index of a term in the corpus vocabulary.
pub type TermId = u32;

/// A distinct token text.
#[derive(Debug, Clone, PartialEq)]
pub struct TermInfo {
    pub text: String,
    pub kind: TokenKind,
    pub stopword: bool,
}

/// Interned terms and POS tags.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    terms: Vec<TermInfo>,
    ids: HashMap<String, TermId>,
    pos_tags: Vec<String>,
    pos_ids: HashMap<String, u16>,
}

impl Vocabulary {
    fn intern(&mut self, text: &str, segmenter: &Segmenter) -> TermId {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(TermInfo {
            text: text.to_string(),
            kind: TokenKind::of(text),
            stopword: segmenter.is_stopword(text),
        });
        self.ids.insert(text.to_string(), id);
        id
    }

    fn intern_pos(&mut self, pos: &str) -> u16 {
        if let Some(&id) = self.pos_ids.get(pos) {
            return id;
        }
        let id = self.pos_tags.len() as u16;
        self.pos_tags.push(pos.to_string());
        self.pos_ids.insert(pos.to_string(), id);
        id
    }

    pub fn term(&self, id: TermId) -> &TermInfo {
        &self.terms[id as usize]
    }

    pub fn id(&self, text: &str) -> Option<TermId> {
        self.ids.get(text).copied()
    }

    pub fn pos(&self, id: u16) -> &str {
        &self.pos_tags[id as usize]
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A token of a paragraph: byte span in the paragraph text, term, POS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub term: TermId,
    pub pos: u16,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: String,
    pub tokens: Vec<Token>,
}

/// A document's descriptive fields.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    pub id: String,
    pub title: String,
    pub date: String,
    pub source: String,
    pub place: String,
    pub kind: String,
    pub parties: Vec<String>,
}

impl From<&DocSpec> for DocInfo {
    fn from(s: &DocSpec) -> Self {
        DocInfo {
            id: s.id.clone(),
            title: s.title.clone(),
            date: s.date.clone(),
            source: s.source.clone(),
            place: s.place.clone(),
            kind: s.kind.clone(),
            parties: s.parties.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub info: DocInfo,
    /// Datelines, bylines and signature lines, cleaned, kept out of the body.
    pub meta: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    /// Characters of body text (white space excluded).
    pub fn chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count()).sum()
    }
}

/// A document before segmentation: its fields, metadata lines and cleaned paragraphs.
#[derive(Debug, Clone)]
pub struct CleanDocument {
    pub info: DocInfo,
    pub meta: Vec<String>,
    pub paragraphs: Vec<String>,
}

impl CleanDocument {
    /// A document from already clean paragraphs, titled by its id (texts a
    /// user adds, and tests).
    pub fn new(id: &str, date: &str, parties: &[&str], paragraphs: &[&str]) -> CleanDocument {
        CleanDocument {
            info: DocInfo {
                id: id.into(),
                title: id.into(),
                date: date.into(),
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

/// The built-in documents, cut from the seed files by the manifest and cleaned.
pub fn builtin_documents() -> Vec<CleanDocument> {
    builtin_doc_specs().iter().map(clean_document).collect()
}

/// The document a manifest entry describes: its body lines (title and meta
/// lines taken out) cleaned into paragraphs.
fn clean_document(spec: &DocSpec) -> CleanDocument {
    let text = SEED_FILES
        .iter()
        .find(|(name, _)| *name == spec.file)
        .map(|(_, text)| *text)
        .expect("build.rs checked that every manifest file exists");
    let lines: Vec<&str> = text.lines().collect();
    let span = spec.first_line..=spec.last_line;
    let body: Vec<Option<&str>> = span
        .clone()
        .map(|n| {
            let held_out = spec.title_lines.contains(&n) || spec.meta_lines.contains(&n);
            (!held_out).then_some(lines[n - 1])
        })
        .collect();
    let meta = spec.meta_lines.iter().map(|&n| fix_spacing(lines[n - 1].trim(), true)).collect();
    CleanDocument { info: DocInfo::from(spec), meta, paragraphs: clean_lines(&body).paragraphs }
}

/// The original text of a manifest's title lines, cleaned, for checking
/// that titles come from the articles themselves.
pub fn builtin_title_lines() -> Vec<(String, String, Vec<String>)> {
    builtin_doc_specs()
        .iter()
        .map(|spec| {
            let text = SEED_FILES.iter().find(|(n, _)| *n == spec.file).map(|(_, t)| *t).unwrap_or("");
            let lines: Vec<&str> = text.lines().collect();
            let titles = spec.title_lines.iter().map(|&n| lines[n - 1].to_string()).collect();
            (spec.id.clone(), spec.title.clone(), titles)
        })
        .collect()
}

/// The names and contents of the embedded seed files.
pub fn seed_files() -> &'static [(&'static str, &'static str)] {
    SEED_FILES
}

impl Corpus {
    /// The shipped corpus, segmented with `segmenter`, with the shipped alias groups.
    pub fn builtin(segmenter: &Segmenter, options: SegmentOptions) -> Corpus {
        let mut corpus = Corpus::from_documents(builtin_documents(), segmenter, options);
        corpus.set_aliases(AliasGroups::builtin(), segmenter);
        corpus
    }

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

    /// The text of a token.
    pub fn token_text(&self, t: &Token) -> &str {
        &self.vocab.term(t.term).text
    }
}
