//! A compact token stream: the segmenter's output for a set of documents
//! (each paragraph's tokens as byte spans and POS tags), written once (at
//! build time for the shipped corpus, or by a worker) and read back without
//! a segmenter. Numbers are LEB128 varints; spans are stored as the gap from
//! the previous token's start and a length, so a stream is a few bytes a token.
//! The gap is signed (zigzag): search mode gives a word after its parts,
//! which start later, and tokens are stored in the segmenter's order.
//!
//! Layout: `CJT2`, the POS tag table (count, then each tag as length and
//! UTF-8 bytes), then documents (count), each a paragraph count, each
//! paragraph a token count and per token: start − previous start (signed),
//! length, tag index.
//!
//! A word stream ([`encode_words`], `CJW1`) holds the text too, for tokens
//! that tile their paragraphs (precise mode: every character in exactly one
//! token, in order), as the shipped corpus's are: a vocabulary of (word,
//! tag) pairs, most frequent first, and each paragraph as word numbers. The
//! text is the words joined, so the page ships no separate copy of it
//! (about half the bytes of text plus token stream, brotli). Layout: `CJW1`,
//! the tag table, the vocabulary (count, then each pair as tag index, length
//! and UTF-8 bytes), then documents (count), each a paragraph count, each
//! paragraph a token count and its words' numbers.

use crate::text::segment::Token;
use std::fmt;

const MAGIC: &[u8; 4] = b"CJT2";

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
        write!(f, "stream of tokens, byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for TokenStreamError {}

/// Writes `n` as an unsigned LEB128 varint ([`crate::text::varint`]).
pub(crate) fn put(out: &mut Vec<u8>, n: usize) {
    crate::text::varint::put(out, n as u64);
}

/// Writes a table of texts (the POS tags): its length, then each text as
/// its length and UTF-8 bytes.
fn put_texts(out: &mut Vec<u8>, texts: &[&str]) {
    put(out, texts.len());
    for text in texts {
        put(out, text.len());
        out.extend_from_slice(text.as_bytes());
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
    put_texts(&mut out, &tags);
    put(&mut out, docs.len());
    for doc in docs {
        put(&mut out, doc.len());
        for para in doc {
            put(&mut out, para.len());
            let mut previous = 0;
            for t in para {
                crate::text::varint::put_signed(&mut out, t.start as i64 - previous as i64);
                put(&mut out, t.end.saturating_sub(t.start));
                put(&mut out, tags.iter().position(|g| *g == t.pos).unwrap_or(0));
                previous = t.start;
            }
        }
    }
    out
}

struct Reader<B> {
    bytes: B,
    at: usize,
}

impl<B: AsRef<[u8]>> Reader<B> {
    fn fail<T>(&self, message: &'static str) -> Result<T, TokenStreamError> {
        Err(TokenStreamError { offset: self.at, message })
    }

    /// A number that is read whole but out of range: the error names its first byte.
    fn index_below(
        &mut self,
        limit: usize,
        message: &'static str,
    ) -> Result<usize, TokenStreamError> {
        let at = self.at;
        let n = self.number()?;
        if n >= limit {
            return Err(TokenStreamError { offset: at, message });
        }
        Ok(n)
    }

    fn number(&mut self) -> Result<usize, TokenStreamError> {
        let (bytes, start) = (self.bytes.as_ref(), self.at);
        crate::text::varint::take_usize(bytes, &mut self.at).ok_or_else(|| {
            let rest = &bytes[start.min(bytes.len())..];
            let cut_off = rest.len() < 10 && rest.iter().all(|b| b & 0x80 != 0);
            let message =
                if cut_off { "the stream ends inside a number" } else { "a number is too long" };
            TokenStreamError { offset: start, message }
        })
    }

    fn signed(&mut self) -> Result<isize, TokenStreamError> {
        let start = self.at;
        let n = crate::text::varint::take_signed(self.bytes.as_ref(), &mut self.at);
        n.and_then(|n| isize::try_from(n).ok()).ok_or(TokenStreamError {
            offset: start,
            message: "a number is too long or the stream ends inside it",
        })
    }

    /// A count of items that each take at least one more byte.
    fn count(&mut self) -> Result<usize, TokenStreamError> {
        let n = self.number()?;
        if n > self.bytes.as_ref().len() - self.at.min(self.bytes.as_ref().len()) {
            return self.fail("a count is larger than the rest of the stream");
        }
        Ok(n)
    }
}

/// One token as a stream holds it: its byte span in its paragraph and the
/// index of its POS tag in [`TokenStream::tags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamToken {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Index of its POS tag.
    pub tag: usize,
}

/// Reads a stream written by [`encode`] a paragraph at a time, without
/// making a `String` a token: what a corpus built in slices reads. Call
/// [`TokenStream::next_document`] for each document, then
/// [`TokenStream::next_paragraph`] as many times as it says, then
/// [`TokenStream::finish`]. A damaged stream is an error naming the byte;
/// it never panics.
///
/// ```
/// use cijing_engine::text::segment::Token;
/// use cijing_engine::corpus::tokens::{encode, StreamToken, TokenStream};
/// let bytes = encode(&[vec![vec![Token { start: 0, end: 6, pos: "n".into() }]]]);
/// let mut stream = TokenStream::new(bytes)?;
/// assert_eq!(stream.documents(), 1);
/// assert_eq!(stream.next_document()?, 1);
/// let mut tokens = Vec::new();
/// stream.next_paragraph(&mut tokens)?;
/// assert_eq!(tokens, [StreamToken { start: 0, end: 6, tag: 0 }]);
/// assert_eq!(stream.tags(), ["n"]);
/// stream.finish()?;
/// # Ok::<(), cijing_engine::corpus::tokens::TokenStreamError>(())
/// ```
pub struct TokenStream<B> {
    reader: Reader<B>,
    tags: Vec<String>,
    documents: usize,
}

impl<B: AsRef<[u8]>> TokenStream<B> {
    /// Reads the header and tag table of a stream.
    pub fn new(bytes: B) -> Result<TokenStream<B>, TokenStreamError> {
        if !bytes.as_ref().starts_with(MAGIC) {
            return Err(TokenStreamError {
                offset: 0,
                message: "not a cijing token stream (no CJT2 header)",
            });
        }
        let mut reader = Reader { bytes, at: MAGIC.len() };
        let mut tags = Vec::new();
        for _ in 0..reader.count()? {
            let len = reader.count()?;
            let at = reader.at;
            let Ok(tag) = std::str::from_utf8(&reader.bytes.as_ref()[at..at + len]) else {
                return reader.fail("a POS tag is not UTF-8");
            };
            tags.push(tag.to_string());
            reader.at += len;
        }
        let documents = reader.count()?;
        Ok(TokenStream { reader, tags, documents })
    }

    /// The POS tags, indexed by [`StreamToken::tag`].
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many documents the stream holds.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Starts the next document: its paragraph count.
    pub fn next_document(&mut self) -> Result<usize, TokenStreamError> {
        self.reader.count()
    }

    /// The next paragraph's tokens, in `out` (cleared first).
    pub fn next_paragraph(&mut self, out: &mut Vec<StreamToken>) -> Result<(), TokenStreamError> {
        out.clear();
        let n = self.reader.count()?;
        out.reserve(n);
        let mut previous = 0usize;
        for _ in 0..n {
            let too_large =
                |r: &Reader<B>| TokenStreamError { offset: r.at, message: "a span is too large" };
            let gap = self.reader.signed()?;
            let start = previous.checked_add_signed(gap).ok_or(TokenStreamError {
                offset: self.reader.at,
                message: "a span starts before its paragraph or is too large",
            })?;
            let end =
                start.checked_add(self.reader.number()?).ok_or_else(|| too_large(&self.reader))?;
            let tag = self
                .reader
                .index_below(self.tags.len(), "a POS tag index is outside the tag table")?;
            out.push(StreamToken { start, end, tag });
            previous = start;
        }
        Ok(())
    }

    /// Checks that the stream ends after the last document.
    pub fn finish(&self) -> Result<(), TokenStreamError> {
        if self.reader.at != self.reader.bytes.as_ref().len() {
            return self.reader.fail("bytes left over after the last document");
        }
        Ok(())
    }
}

/// Reads a stream written by [`encode`]. A damaged or truncated stream is
/// an error naming the byte; it never panics.
pub fn decode(bytes: &[u8]) -> Result<DocumentTokens, TokenStreamError> {
    let mut stream = TokenStream::new(bytes)?;
    let mut docs = Vec::new();
    let mut tokens = Vec::new();
    for _ in 0..stream.documents() {
        let mut paragraphs = Vec::new();
        for _ in 0..stream.next_document()? {
            stream.next_paragraph(&mut tokens)?;
            paragraphs.push(
                tokens
                    .iter()
                    .map(|t| Token { start: t.start, end: t.end, pos: stream.tags[t.tag].clone() })
                    .collect(),
            );
        }
        docs.push(paragraphs);
    }
    stream.finish()?;
    Ok(docs)
}

const WORDS_MAGIC: &[u8; 4] = b"CJW1";

/// Tokens that do not tile their paragraphs, so a word stream cannot hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTiled {
    /// The document's index.
    pub document: usize,
    /// The paragraph's index in it.
    pub paragraph: usize,
    /// What does not fit.
    pub problem: Tiling,
}

/// How tokens fail to tile their paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tiling {
    /// No token starts at this byte of the paragraph, where the last ended
    /// (a gap, an overlap, an empty token or the end not reached).
    From(usize),
    /// The tokens are for another number of paragraphs of the document.
    Paragraphs,
    /// The tokens are for another number of documents.
    Documents,
}

impl fmt::Display for NotTiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, p) = (self.document + 1, self.paragraph + 1);
        match self.problem {
            Tiling::From(at) => write!(
                f,
                "document {d}, paragraph {p}: the tokens do not cover the text from byte {at} on, one after another"
            ),
            Tiling::Paragraphs => write!(f, "document {d}: the tokens are for another number of paragraphs"),
            Tiling::Documents => write!(f, "the tokens are for another number of documents"),
        }
    }
}

impl std::error::Error for NotTiled {}

/// Writes documents' paragraphs and their tokens as a word stream; the
/// tokens of each paragraph must cover it exactly, one after another.
pub fn encode_words(
    paragraphs: &[Vec<String>],
    docs: &[Vec<Vec<Token>>],
) -> Result<Vec<u8>, NotTiled> {
    let mut tags: Vec<&str> = Vec::new();
    let mut vocabulary: Vec<(&str, usize)> = Vec::new();
    let mut number: std::collections::HashMap<(&str, usize), usize> =
        std::collections::HashMap::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut words: Vec<Vec<Vec<usize>>> = Vec::new();
    if paragraphs.len() != docs.len() {
        return Err(NotTiled {
            document: paragraphs.len().min(docs.len()),
            paragraph: 0,
            problem: Tiling::Documents,
        });
    }
    for (document, (texts, tokens)) in paragraphs.iter().zip(docs).enumerate() {
        if texts.len() != tokens.len() {
            return Err(NotTiled {
                document,
                paragraph: texts.len().min(tokens.len()),
                problem: Tiling::Paragraphs,
            });
        }
        let mut doc = Vec::new();
        for (paragraph, (text, tokens)) in texts.iter().zip(tokens).enumerate() {
            let mut at = 0;
            let mut ids = Vec::with_capacity(tokens.len());
            for t in tokens {
                if t.start != at || t.end <= t.start || !text.is_char_boundary(t.end) {
                    return Err(NotTiled { document, paragraph, problem: Tiling::From(at) });
                }
                let tag = tags.iter().position(|g| *g == t.pos).unwrap_or_else(|| {
                    tags.push(&t.pos);
                    tags.len() - 1
                });
                let word = (&text[t.start..t.end], tag);
                let id = *number.entry(word).or_insert_with(|| {
                    vocabulary.push(word);
                    counts.push(0);
                    vocabulary.len() - 1
                });
                counts[id] += 1;
                ids.push(id);
                at = t.end;
            }
            if at != text.len() {
                return Err(NotTiled { document, paragraph, problem: Tiling::From(at) });
            }
            doc.push(ids);
        }
        words.push(doc);
    }
    // Most frequent first (ties in order of first use), so most numbers are one byte.
    let mut order: Vec<usize> = (0..vocabulary.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
    let mut rank = vec![0; vocabulary.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut out = WORDS_MAGIC.to_vec();
    put_texts(&mut out, &tags);
    put(&mut out, vocabulary.len());
    for &i in &order {
        let (word, tag) = vocabulary[i];
        put(&mut out, tag);
        put(&mut out, word.len());
        out.extend_from_slice(word.as_bytes());
    }
    put(&mut out, words.len());
    for doc in &words {
        put(&mut out, doc.len());
        for ids in doc {
            put(&mut out, ids.len());
            for &id in ids {
                put(&mut out, rank[id]);
            }
        }
    }
    Ok(out)
}

/// Documents' paragraphs (`[document][paragraph]`) and their tokens, read
/// from a word stream.
pub type DocumentWords = (Vec<Vec<String>>, DocumentTokens);

/// Reads a stream written by [`encode_words`] a paragraph at a time: its
/// text, and its tokens without a `String` a token (what the shipped corpus
/// is built from at start-up). Call [`WordStream::next_document`] for each
/// document, then [`WordStream::next_paragraph`] as many times as it says,
/// then [`WordStream::finish`]. A damaged stream is an error naming the
/// byte; it never panics.
pub struct WordStream<'a> {
    reader: Reader<&'a [u8]>,
    tags: Vec<&'a str>,
    vocabulary: Vec<(&'a str, usize)>,
    documents: usize,
    words: Vec<(&'a str, usize)>,
}

impl<'a> WordStream<'a> {
    /// Reads the header, the tag table and the vocabulary of a stream.
    pub fn new(bytes: &'a [u8]) -> Result<WordStream<'a>, TokenStreamError> {
        if !bytes.starts_with(WORDS_MAGIC) {
            return Err(TokenStreamError {
                offset: 0,
                message: "not a cijing word stream (no CJW1 header)",
            });
        }
        let mut reader = Reader { bytes, at: WORDS_MAGIC.len() };
        let text = |reader: &mut Reader<&'a [u8]>, message| {
            let len = reader.count()?;
            let at = reader.at;
            let Ok(text) = std::str::from_utf8(&bytes[at..at + len]) else {
                return reader.fail(message);
            };
            reader.at += len;
            Ok(text)
        };
        let mut tags = Vec::new();
        for _ in 0..reader.count()? {
            tags.push(text(&mut reader, "a POS tag is not UTF-8")?);
        }
        let mut vocabulary = Vec::new();
        for _ in 0..reader.count()? {
            let tag = reader.index_below(tags.len(), "a POS tag index is outside the tag table")?;
            let word = text(&mut reader, "a word is not UTF-8")?;
            if word.is_empty() {
                return reader.fail("a word is empty");
            }
            vocabulary.push((word, tag));
        }
        let documents = reader.count()?;
        Ok(WordStream { reader, tags, vocabulary, documents, words: Vec::new() })
    }

    /// The POS tags, indexed by [`StreamToken::tag`].
    pub fn tags(&self) -> &[&'a str] {
        &self.tags
    }

    /// How many documents the stream holds.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Starts the next document: its paragraph count.
    pub fn next_document(&mut self) -> Result<usize, TokenStreamError> {
        self.reader.count()
    }

    /// The next paragraph's text, and its tokens in `out` (cleared first).
    pub fn next_paragraph(
        &mut self,
        out: &mut Vec<StreamToken>,
    ) -> Result<String, TokenStreamError> {
        // The words first, so the text is allocated once.
        self.words.clear();
        let mut len = 0;
        for _ in 0..self.reader.count()? {
            let word = self.vocabulary[self
                .reader
                .index_below(self.vocabulary.len(), "a word number is outside the vocabulary")?];
            len += word.0.len();
            self.words.push(word);
        }
        let mut text = String::with_capacity(len);
        out.clear();
        out.reserve(self.words.len());
        for &(word, tag) in &self.words {
            out.push(StreamToken { start: text.len(), end: text.len() + word.len(), tag });
            text.push_str(word);
        }
        Ok(text)
    }

    /// Checks that the stream ends after the last document.
    pub fn finish(&self) -> Result<(), TokenStreamError> {
        if self.reader.at != self.reader.bytes.len() {
            return self.reader.fail("bytes left over after the last document");
        }
        Ok(())
    }
}

/// Reads a stream written by [`encode_words`]: each paragraph's text and
/// tokens. A damaged or truncated stream is an error naming the byte; it
/// never panics.
pub fn decode_words(bytes: &[u8]) -> Result<DocumentWords, TokenStreamError> {
    let mut stream = WordStream::new(bytes)?;
    let (mut paragraphs, mut docs) = (Vec::new(), Vec::new());
    let mut tokens = Vec::new();
    for _ in 0..stream.documents() {
        let (mut texts, mut doc) = (Vec::new(), Vec::new());
        for _ in 0..stream.next_document()? {
            texts.push(stream.next_paragraph(&mut tokens)?);
            doc.push(
                tokens
                    .iter()
                    .map(|t| Token {
                        start: t.start,
                        end: t.end,
                        pos: stream.tags[t.tag].to_string(),
                    })
                    .collect(),
            );
        }
        paragraphs.push(texts);
        docs.push(doc);
    }
    stream.finish()?;
    Ok((paragraphs, docs))
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
        // CJT2, 3 tags ("n", "v", ""), 2 docs; doc 1: 2 paragraphs, 3 tokens
        // as (gap zigzagged, length, tag): (0, 6, 0) (6 → 12, 3, 1)
        // (3 → 6, 291 = 0xa3 0x02, 2), 0 tokens; doc 2: 0 paragraphs.
        assert_eq!(
            bytes,
            b"CJT2\x03\x01n\x01v\x00\x02\x02\x03\x00\x06\x00\x0c\x03\x01\x06\xa3\x02\x02\x00\x00"
        );
        assert_eq!(decode(&bytes).unwrap(), docs);
    }

    #[test]
    fn tokens_out_of_start_order_read_back_in_their_order() {
        // Search mode on 中华人民共和国 (7 characters, 21 bytes): the parts,
        // then the whole word, which starts before the last part.
        let docs = vec![vec![vec![
            t(0, 6, "ns"),
            t(3, 9, "n"),
            t(6, 12, "n"),
            t(12, 18, "v"),
            t(12, 21, "n"),
            t(0, 21, "ns"),
        ]]];
        let bytes = encode(&docs);
        assert_eq!(decode(&bytes).unwrap(), docs);
        // A gap that would start a token before its paragraph is refused.
        let bad = encode(&[vec![vec![t(3, 6, "n")]]]);
        let mut negative = bad.clone();
        let gap_at = negative.len() - 3;
        assert_eq!(negative[gap_at], 6);
        negative[gap_at] = 7; // zigzag 7 = −4
        assert_eq!(
            decode(&negative).unwrap_err().message,
            "a span starts before its paragraph or is too large"
        );
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
        assert!(decode(b"CJT2\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").is_err());
        assert!(decode(b"XXXX").is_err());
        let mut bad_tag = bytes;
        let last = bad_tag.len() - 1;
        bad_tag[last] = 9;
        assert_eq!(
            decode(&bad_tag).unwrap_err().message,
            "a POS tag index is outside the tag table"
        );
    }

    #[test]
    fn a_word_stream_holds_the_text_and_its_tokens() {
        // 合作共赢 | 合作。 : 合作 (6 bytes, v) twice, 共赢 (v), 。 (x).
        let paragraphs = vec![vec!["合作共赢".to_string(), "合作。".to_string()], vec![]];
        let docs =
            vec![vec![vec![t(0, 6, "v"), t(6, 12, "v")], vec![t(0, 6, "v"), t(6, 9, "x")]], vec![]];
        let bytes = encode_words(&paragraphs, &docs).unwrap();
        // CJW1; tags v, x; vocabulary 合作 (used twice) first, then 共赢 and
        // 。 in order of first use; 2 documents: 2 paragraphs of 2 words
        // (0 1, 0 2), then none.
        let mut expected = b"CJW1\x02\x01v\x01x\x03".to_vec();
        for (tag, word) in [(0u8, "合作"), (0, "共赢"), (1, "。")] {
            expected.extend([tag, word.len() as u8]);
            expected.extend(word.as_bytes());
        }
        expected.extend(b"\x02\x02\x02\x00\x01\x02\x00\x02\x00");
        assert_eq!(bytes, expected);
        assert_eq!(decode_words(&bytes).unwrap(), (paragraphs, docs));
    }

    #[test]
    fn tokens_that_do_not_tile_their_text_are_refused() {
        let text = vec![vec!["合作共赢".to_string()]];
        // A gap (共 missing), an overlap (search mode), a token short of the end.
        for (tokens, offset) in [
            (vec![t(0, 6, "v"), t(9, 12, "v")], 6),
            (vec![t(0, 6, "v"), t(3, 12, "v")], 6),
            (vec![t(0, 6, "v")], 6),
        ] {
            let err = encode_words(&text, &[vec![tokens]]).unwrap_err();
            assert_eq!(err, NotTiled { document: 0, paragraph: 0, problem: Tiling::From(offset) });
        }
        // Tokens for another number of paragraphs, or of documents.
        let two = vec![vec!["合作".to_string(), "共赢".to_string()]];
        let err = encode_words(&two, &[vec![vec![t(0, 6, "v")]]]).unwrap_err();
        assert_eq!(err.to_string(), "document 1: the tokens are for another number of paragraphs");
        assert_eq!(encode_words(&two, &[]).unwrap_err().problem, Tiling::Documents);
        assert_eq!(
            encode_words(&text, &[vec![vec![t(0, 6, "v")]]]).unwrap_err().to_string(),
            "document 1, paragraph 1: the tokens do not cover the text from byte 6 on, one after another"
        );
    }

    #[test]
    fn damaged_word_streams_are_errors_not_panics() {
        let paragraphs = vec![vec!["合作共赢".to_string()]];
        let bytes = encode_words(&paragraphs, &[vec![vec![t(0, 6, "v"), t(6, 12, "v")]]]).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode_words(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(
            decode_words(&extra).unwrap_err().message,
            "bytes left over after the last document"
        );
        let mut unknown = bytes.clone();
        let last = unknown.len() - 1;
        unknown[last] = 2;
        // The error names the bad number's byte.
        assert_eq!(
            decode_words(&unknown).unwrap_err(),
            TokenStreamError { offset: last, message: "a word number is outside the vocabulary" }
        );
        assert!(decode_words(b"CJT2").is_err());
        // An empty word would give a token that covers nothing.
        let empty = b"CJW1\x01\x00\x01\x00\x00\x01\x01\x01\x00";
        assert_eq!(decode_words(empty).unwrap_err().message, "a word is empty");
    }
}
