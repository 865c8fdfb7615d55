//! A compact token stream: the segmenter's output for a set of documents
//! (each paragraph's tokens as byte spans and POS tags), written once (at
//! build time for the shipped corpus, or by a worker) and read back without
//! a segmenter. Numbers are LEB128 varints; spans are stored as the gap from
//! the previous token's start and a length, so a stream is a few bytes a token.
//!
//! Layout: `CJT1`, the POS tag table (count, then each tag as length and
//! UTF-8 bytes), then documents (count), each a paragraph count, each
//! paragraph a token count and per token: start − previous start, length,
//! tag index.

use super::segment::Token;
use std::fmt;

const MAGIC: &[u8; 4] = b"CJT1";

/// Tokens of documents: `[document][paragraph][token]`.
pub type DocumentTokens = Vec<Vec<Vec<Token>>>;

/// A token stream that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenStreamError {
    /// Byte offset where reading failed.
    pub offset: usize,
    /// What was wrong there.
    pub message: &'static str,
}

impl fmt::Display for TokenStreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "token stream, byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for TokenStreamError {}

fn put(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Writes documents' tokens as a stream.
pub fn encode(docs: &[Vec<Vec<Token>>]) -> Vec<u8> {
    let mut tags: Vec<&str> = Vec::new();
    for t in docs.iter().flatten().flatten() {
        if !tags.contains(&t.pos.as_str()) {
            tags.push(&t.pos);
        }
    }
    let mut out = MAGIC.to_vec();
    put(&mut out, tags.len());
    for tag in &tags {
        put(&mut out, tag.len());
        out.extend_from_slice(tag.as_bytes());
    }
    put(&mut out, docs.len());
    for doc in docs {
        put(&mut out, doc.len());
        for para in doc {
            put(&mut out, para.len());
            let mut previous = 0;
            for t in para {
                // Tokens come in start order; a segmenter that did otherwise
                // would be stored with a zero gap and caught on reading.
                put(&mut out, t.start.saturating_sub(previous));
                put(&mut out, t.end.saturating_sub(t.start));
                put(&mut out, tags.iter().position(|g| *g == t.pos).unwrap_or(0));
                previous = t.start;
            }
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail<T>(&self, message: &'static str) -> Result<T, TokenStreamError> {
        Err(TokenStreamError { offset: self.at, message })
    }

    fn number(&mut self) -> Result<usize, TokenStreamError> {
        let mut n: usize = 0;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else { return self.fail("the stream ends inside a number") };
            self.at += 1;
            n |= ((byte & 0x7f) as usize).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        self.fail("a number is too long")
    }

    /// A count of items that each take at least one more byte.
    fn count(&mut self) -> Result<usize, TokenStreamError> {
        let n = self.number()?;
        if n > self.bytes.len() - self.at.min(self.bytes.len()) {
            return self.fail("a count is larger than the rest of the stream");
        }
        Ok(n)
    }
}

/// Reads a stream written by [`encode`]. A damaged or truncated stream is
/// an error naming the byte; it never panics.
pub fn decode(bytes: &[u8]) -> Result<DocumentTokens, TokenStreamError> {
    if !bytes.starts_with(MAGIC) {
        return Err(TokenStreamError { offset: 0, message: "not a cijing token stream (no CJT1 header)" });
    }
    let mut r = Reader { bytes, at: MAGIC.len() };
    let mut tags = Vec::new();
    for _ in 0..r.count()? {
        let len = r.count()?;
        let Ok(tag) = std::str::from_utf8(&bytes[r.at..r.at + len]) else { return r.fail("a POS tag is not UTF-8") };
        tags.push(tag.to_string());
        r.at += len;
    }
    let mut docs = Vec::new();
    for _ in 0..r.count()? {
        let mut paragraphs = Vec::new();
        for _ in 0..r.count()? {
            let n = r.count()?;
            let mut tokens = Vec::with_capacity(n);
            let mut previous = 0usize;
            for _ in 0..n {
                let start = previous.checked_add(r.number()?).ok_or(TokenStreamError { offset: r.at, message: "a span is too large" })?;
                let end = start.checked_add(r.number()?).ok_or(TokenStreamError { offset: r.at, message: "a span is too large" })?;
                let Some(pos) = tags.get(r.number()?) else { return r.fail("a POS tag index is outside the tag table") };
                tokens.push(Token { start, end, pos: pos.clone() });
                previous = start;
            }
            paragraphs.push(tokens);
        }
        docs.push(paragraphs);
    }
    if r.at != bytes.len() {
        return r.fail("bytes left over after the last document");
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, pos: &str) -> Token {
        Token { start, end, pos: pos.into() }
    }

    #[test]
    fn a_stream_reads_back_what_was_written() {
        let docs = vec![vec![vec![t(0, 6, "n"), t(6, 9, "v"), t(9, 300, "")], vec![]], vec![]];
        let bytes = encode(&docs);
        // CJT1, 3 tags ("n", "v", ""), 2 docs; doc 1: 2 paragraphs, 3 tokens:
        // (0, 6, 0) (6, 3, 1) (3, 291 = 0xa3 0x02, 2), 0 tokens; doc 2: 0 paragraphs.
        assert_eq!(bytes, b"CJT1\x03\x01n\x01v\x00\x02\x02\x03\x00\x06\x00\x06\x03\x01\x03\xa3\x02\x02\x00\x00");
        assert_eq!(decode(&bytes).unwrap(), docs);
    }

    #[test]
    fn damaged_streams_are_errors_not_panics() {
        let bytes = encode(&[vec![vec![t(0, 3, "n"), t(3, 6, "n")]]]);
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(decode(&extra).unwrap_err().message, "bytes left over after the last document");
        assert!(decode(b"CJT1\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").is_err());
        assert!(decode(b"XXXX").is_err());
        let mut bad_tag = bytes;
        let last = bad_tag.len() - 1;
        bad_tag[last] = 9;
        assert_eq!(decode(&bad_tag).unwrap_err().message, "a POS tag index is outside the tag table");
    }
}
