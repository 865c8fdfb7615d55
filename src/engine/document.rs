//! Documents and their words: a document's descriptive fields, its
//! paragraphs as interned tokens, and the vocabulary that interns them.
//! Sits on top of segmentation; the index and the corpus build on it.

use super::date::Date;
use super::segment::TokenKind;
use std::collections::HashMap;

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
    pub(crate) fn intern(&mut self, text: &str, stopword: bool) -> TermId {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(TermInfo {
            text: text.to_string(),
            kind: TokenKind::of(text),
            stopword,
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
    pub date: Date,
    pub source: String,
    pub place: String,
    pub kind: String,
    pub parties: Vec<String>,
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

