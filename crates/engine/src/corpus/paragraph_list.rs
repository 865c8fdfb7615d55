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
/// use cijing_engine::corpus::paragraph_list::ParagraphList;
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
    /// use cijing_engine::corpus::paragraph_list::ParagraphList;
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
            crate::text::varint::put(&mut out, p.len() as u64);
            out.extend_from_slice(p.as_bytes());
        }
        out
    }

    /// Reads bytes written by [`ParagraphList::to_bytes`] (all at once;
    /// [`ParagraphDecoder`] reads them a slice at a time).
    pub fn from_bytes(bytes: &[u8]) -> Result<ParagraphList, BadParagraphBytes> {
        let mut decoder = ParagraphDecoder::new(bytes.to_vec());
        decoder.step(usize::MAX)?;
        decoder.finish()
    }
}

/// Reads [`ParagraphList::to_bytes`] bytes a slice at a time, as they
/// arrive, so a page can take in a long text between frames without
/// holding (or copying) all of its bytes at once.
///
/// ```
/// use cijing_engine::corpus::paragraph_list::{ParagraphDecoder, ParagraphList};
/// let list = ParagraphList::from(vec!["第一段。".to_string(), "第二段。".to_string(), "三".to_string()]);
/// let bytes = list.to_bytes(); // 13 + 13 + 4 bytes
/// let mut decoder = ParagraphDecoder::new(bytes[..20].to_vec());
/// // 第一段。 is read; 第二段。 waits for its last 6 bytes.
/// assert_eq!(decoder.step(usize::MAX), Ok(false));
/// decoder.push(&bytes[20..]);
/// // Paragraphs until 10 bytes are read: 第二段。 (at least one), then 三.
/// assert_eq!(decoder.step(10), Ok(false));
/// assert_eq!(decoder.step(10), Ok(true));
/// assert_eq!(decoder.finish(), Ok(list));
/// // Bytes that end inside a paragraph are an error naming where it starts.
/// let mut cut = ParagraphDecoder::new(bytes[..20].to_vec());
/// cut.step(usize::MAX)?;
/// assert_eq!(cut.finish().unwrap_err().offset, 13);
/// # Ok::<(), cijing_engine::corpus::paragraph_list::BadParagraphBytes>(())
/// ```
#[derive(Default)]
pub struct ParagraphDecoder {
    /// Bytes not read yet (those before are dropped as they are read).
    bytes: Vec<u8>,
    /// Offset in the whole input of `bytes[0]`.
    offset: usize,
    paragraphs: Vec<String>,
}

/// The most bytes a paragraph's length takes (LEB128 of a 64-bit length).
const MAX_LENGTH_BYTES: usize = 10;

impl ParagraphDecoder {
    /// A decoder that has these bytes (more may be [`push`](Self::push)ed).
    pub fn new(bytes: Vec<u8>) -> ParagraphDecoder {
        ParagraphDecoder { bytes, ..ParagraphDecoder::default() }
    }

    /// Adds the bytes that come next.
    pub fn push(&mut self, more: &[u8]) {
        self.bytes.extend_from_slice(more);
    }

    /// Reads whole paragraphs until about `max_bytes` have been read (at
    /// least one, when one is whole); true when every byte pushed so far
    /// has been read. A paragraph cut by the end of the bytes waits for
    /// more; bytes that cannot be paragraphs are an error.
    pub fn step(&mut self, max_bytes: usize) -> Result<bool, BadParagraphBytes> {
        let bytes = &self.bytes;
        let mut at = 0;
        while at < bytes.len() && at < max_bytes {
            let start = at;
            let mut after_length = at;
            let Some(len) = crate::text::varint::take_usize(bytes, &mut after_length) else {
                if bytes.len() - start >= MAX_LENGTH_BYTES {
                    return Err(BadParagraphBytes { offset: self.offset + start });
                }
                break;
            };
            let Some(text) = bytes.get(after_length..after_length.saturating_add(len)) else {
                break;
            };
            let text = std::str::from_utf8(text)
                .map_err(|_| BadParagraphBytes { offset: self.offset + start })?;
            self.paragraphs.push(text.to_string());
            at = after_length + len;
        }
        self.bytes.drain(..at);
        self.offset += at;
        Ok(self.bytes.is_empty())
    }

    /// The paragraphs read; an error when bytes are left that are not a
    /// whole paragraph.
    pub fn finish(self) -> Result<ParagraphList, BadParagraphBytes> {
        if self.bytes.is_empty() {
            Ok(self.paragraphs.into())
        } else {
            Err(BadParagraphBytes { offset: self.offset })
        }
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
