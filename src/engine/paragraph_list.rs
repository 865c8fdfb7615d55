//! A text's paragraphs as one value: shared without copying, and written
//! as one value instead of one a paragraph — bytes between the page, its
//! worker and the browser's database ([`ParagraphList::to_bytes`]), a
//! string of lines in a file (serde). That is what makes a text of many
//! megabytes cheap to pass around the page.

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Paragraphs, cheap to clone. Serialized as one string of lines when no
/// paragraph holds a line break (and there is at least one), else as a
/// list; either form reads back.
///
/// ```
/// use cijing::engine::paragraph_list::ParagraphList;
/// let list = ParagraphList::from(vec!["第一段。".to_string(), "第二段。".to_string()]);
/// assert_eq!(serde_json::to_string(&list)?, r#""第一段。\n第二段。""#);
/// let read: ParagraphList = serde_json::from_str(r#""第一段。\n第二段。""#)?;
/// assert_eq!(read, list);
/// // The list form, as older files have it, reads the same.
/// let old: ParagraphList = serde_json::from_str(r#"["第一段。","第二段。"]"#)?;
/// assert_eq!(old, list);
/// // A paragraph with a line break in it is written as a list.
/// let broken = ParagraphList::from(vec!["一\n二".to_string()]);
/// assert_eq!(serde_json::to_string(&broken)?, r#"["一\n二"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ParagraphList(Arc<Vec<String>>);

/// Bytes that are not paragraphs written by [`ParagraphList::to_bytes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParagraphBytes {
    /// Byte offset where reading failed.
    pub offset: usize,
}

impl fmt::Display for BadParagraphBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "paragraph bytes, byte {}: not paragraphs as cijing writes them", self.offset)
    }
}

impl std::error::Error for BadParagraphBytes {}

impl ParagraphList {
    /// The paragraphs as an owned list (a copy).
    pub fn to_vec(&self) -> Vec<String> {
        self.0.as_ref().clone()
    }

    /// The paragraphs as bytes: each one's length in bytes (LEB128), then
    /// its UTF-8. Lossless, whatever the paragraphs hold.
    ///
    /// ```
    /// use cijing::engine::paragraph_list::ParagraphList;
    /// let list = ParagraphList::from(vec!["合作".to_string(), String::new(), "a\nb".to_string()]);
    /// let bytes = list.to_bytes();
    /// assert_eq!(bytes, b"\x06\xe5\x90\x88\xe4\xbd\x9c\x00\x03a\nb");
    /// assert_eq!(ParagraphList::from_bytes(&bytes), Ok(list));
    /// // Cut inside 作: an error naming where the paragraph starts, not a panic.
    /// assert_eq!(ParagraphList::from_bytes(&bytes[..5]).unwrap_err().offset, 0);
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.0.iter().map(|p| p.len() + 3).sum());
        for p in self.0.iter() {
            super::tokens::put(&mut out, p.len());
            out.extend_from_slice(p.as_bytes());
        }
        out
    }

    /// Reads bytes written by [`ParagraphList::to_bytes`] (all at once;
    /// [`ParagraphDecoder`] reads them a slice at a time).
    pub fn from_bytes(bytes: &[u8]) -> Result<ParagraphList, BadParagraphBytes> {
        let mut decoder = ParagraphDecoder::new(bytes.to_vec());
        decoder.step(usize::MAX)?;
        Ok(decoder.finish())
    }
}

/// Reads [`ParagraphList::to_bytes`] bytes a slice at a time, so a page
/// can take in a long text between frames.
///
/// ```
/// use cijing::engine::paragraph_list::{ParagraphDecoder, ParagraphList};
/// let list = ParagraphList::from(vec!["第一段。".to_string(), "第二段。".to_string(), "三".to_string()]);
/// let mut decoder = ParagraphDecoder::new(list.to_bytes());
/// // Paragraphs until 20 bytes are read: 第一段。 and 第二段。 (13 bytes each).
/// assert_eq!(decoder.step(20), Ok(false));
/// assert_eq!(decoder.step(20), Ok(true)); // 三
/// assert_eq!(decoder.finish(), list);
/// ```
pub struct ParagraphDecoder {
    bytes: Vec<u8>,
    at: usize,
    paragraphs: Vec<String>,
}

impl ParagraphDecoder {
    /// A decoder for these bytes.
    pub fn new(bytes: Vec<u8>) -> ParagraphDecoder {
        ParagraphDecoder { bytes, at: 0, paragraphs: Vec::new() }
    }

    /// Reads paragraphs until about `max_bytes` have been read (at least
    /// one); true when every paragraph has been.
    pub fn step(&mut self, max_bytes: usize) -> Result<bool, BadParagraphBytes> {
        let stop = self.at.saturating_add(max_bytes);
        let bytes = &self.bytes;
        let mut at = self.at;
        while at < bytes.len() {
            let start = at;
            let len = super::tokens::take(bytes, &mut at).ok_or(BadParagraphBytes { offset: start })?;
            let text = bytes.get(at..at.saturating_add(len)).ok_or(BadParagraphBytes { offset: start })?;
            self.paragraphs.push(std::str::from_utf8(text).map_err(|_| BadParagraphBytes { offset: start })?.to_string());
            at += len;
            if at >= stop {
                break;
            }
        }
        self.at = at;
        Ok(at >= bytes.len())
    }

    /// The paragraphs read.
    pub fn finish(self) -> ParagraphList {
        self.paragraphs.into()
    }
}

impl From<Vec<String>> for ParagraphList {
    fn from(paragraphs: Vec<String>) -> ParagraphList {
        ParagraphList(Arc::new(paragraphs))
    }
}

impl Deref for ParagraphList {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl PartialEq for ParagraphList {
    fn eq(&self, other: &ParagraphList) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// Writes paragraphs as [`ParagraphList`] does (for a `Vec<String>` field:
/// `#[serde(serialize_with = "…::serialize")]`).
pub fn serialize<S: Serializer>(paragraphs: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    if !paragraphs.is_empty() && !paragraphs.iter().any(|p| p.contains('\n')) {
        serializer.serialize_str(&paragraphs.join("\n"))
    } else {
        serializer.collect_seq(paragraphs)
    }
}

impl Serialize for ParagraphList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

struct ListVisitor;

impl<'de> Visitor<'de> for ListVisitor {
    type Value = ParagraphList;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("paragraphs: a string of lines or a list of strings")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ParagraphList, E> {
        Ok(text.split('\n').map(str::to_string).collect::<Vec<_>>().into())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ParagraphList, A::Error> {
        let mut paragraphs = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(p) = seq.next_element::<String>()? {
            paragraphs.push(p);
        }
        Ok(paragraphs.into())
    }
}

impl<'de> Deserialize<'de> for ParagraphList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ParagraphList, D::Error> {
        deserializer.deserialize_any(ListVisitor)
    }
}
