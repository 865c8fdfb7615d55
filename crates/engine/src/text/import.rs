//! Texts users add: a file's name and bytes → decoded, cleaned paragraphs
//! with a guessed title, date and parties ([`ImportedText`]) → a
//! [`CleanDocument`] for the corpus. One code path for the CLI (`--add`)
//! and the page's segmenter worker. Reads plain text, HTML, Markdown and
//! `.docx`; PDF text extracted elsewhere comes in through [`import_pdf_text`].
//! Bad input is an [`ImportError`] naming the file, never a panic.

use crate::text::clean::{clean_text, fix_spacing, html_to_text, CleanText};
use crate::text::date::Date;
use crate::text::document::{CleanDocument, DocInfo};
use crate::text::script::{detect_script, to_simplified, traditional_spellings, Script, SpanMap};
use crate::text::segment::{SegmentOptions, Segmenter, Token};
use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Read;

/// The largest file read: 50 MB (the seeds together are under 1 MB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// The most a `.docx`'s `word/document.xml` may unpack to: 32 MB. Reading
/// XML takes some 30 times its size in memory (190 MB of it took 5.9 GB),
/// and 32 MB of Word's XML holds several MB of text, more than any
/// statement or article.
pub const MAX_UNPACKED_BYTES: u64 = 32 * 1024 * 1024;
/// Decoding may replace at most one character in this many (a stray bad
/// byte); more, and the text "could not be decoded".
pub const REPLACEMENT_ALLOWANCE: usize = 200;

/// How a file's content is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, or any other name that is not one below).
    Text,
    /// A web page (`.html`, `.htm`, or text that looks like one).
    Html,
    /// Markdown (`.md`, `.markdown`), front matter included.
    Markdown,
    /// A Word document (`.docx`).
    Docx,
    /// Text extracted from a PDF elsewhere ([`import_pdf_text`]).
    Pdf,
}

impl Format {
    /// The lower-case name: `text`, `html`, `markdown`, `docx`, `pdf`.
    pub fn code(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// Why a file could not be added; every message starts with the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file has no bytes.
    Empty {
        /// The file's name.
        file: String,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's name.
        file: String,
        /// Its size in bytes.
        bytes: usize,
    },
    /// A PDF given to [`import`]: the page reads PDFs (pdf.js, then
    /// [`import_pdf_text`]); natively, its text must be extracted first.
    Pdf {
        /// The file's name.
        file: String,
    },
    /// The file is not text: an image, an archive, a program.
    Binary {
        /// The file's name.
        file: String,
        /// What it looks like (`a PNG image`, `binary data`).
        what: &'static str,
    },
    /// The encoding override is not an encoding's name.
    UnknownEncoding {
        /// The file's name.
        file: String,
        /// The label as given.
        label: String,
    },
    /// Decoding in this encoding replaced too many bytes.
    Undecodable {
        /// The file's name.
        file: String,
        /// The encoding tried.
        encoding: &'static str,
    },
    /// A `.docx` that cannot be read as one.
    NotDocx {
        /// The file's name.
        file: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Cleaning left no paragraph.
    NoText {
        /// The file's name.
        file: String,
    },
    /// There are paragraphs but not one Chinese character.
    NoChinese {
        /// The file's name.
        file: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { file } => write!(f, "{file}: the file is empty"),
            ImportError::TooLarge { file, bytes } => write!(
                f,
                "{file}: the file is too large ({:.1} MB; the limit is {} MB a file)",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ImportError::Pdf { file } => write!(
                f,
                "{file}: a PDF is read in the page (My texts); for the command line, extract its text first, e.g. `pdftotext {file} out.txt`, and add the .txt"
            ),
            ImportError::Binary { file, what } => {
                write!(f, "{file}: this is {what}, not text; add .txt, .html, .md or .docx files")
            }
            ImportError::UnknownEncoding { file, label } => write!(
                f,
                "{file}: unknown encoding \"{label}\"; use a label such as utf-8, gb18030, gbk, big5, utf-16le or utf-16be"
            ),
            ImportError::Undecodable { file, encoding } => write!(
                f,
                "{file}: the text could not be decoded as {encoding}; name its encoding (utf-8, gb18030, big5, utf-16le, …)"
            ),
            ImportError::NotDocx { file, reason } => write!(f, "{file}: not a readable .docx: {reason}"),
            ImportError::NoText { file } => write!(f, "{file}: no text left after cleaning"),
            ImportError::NoChinese { file } => write!(f, "{file}: the text has no Chinese characters"),
        }
    }
}

impl std::error::Error for ImportError {}

/// A text a user adds, read and cleaned, with guesses at its title, date
/// and parties that the user may edit before it joins the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedText {
    /// The file's name, as given.
    pub name: String,
    /// The encoding it was decoded from (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`,
    /// …; `Unicode` for a PDF's text layer).
    pub encoding: String,
    /// Its format.
    pub format: Format,
    /// The script of its Chinese text; Traditional and Mixed texts are
    /// segmented through their Simplified fold.
    pub script: Script,
    /// The title: given by the file (front matter, `<title>`, `<h1>`), else
    /// a short first line, else the file name without its extension.
    pub title: String,
    /// The date given in front matter, else the first date in the text.
    pub date: Option<Date>,
    /// Party codes (`CN`, `KZ`, `SCO`, …) of the countries and bodies named in the text.
    pub parties: Vec<String>,
    /// Lines kept out of the body (a title line taken from the text).
    pub meta: Vec<String>,
    /// The body's paragraphs, in the original script.
    pub paragraphs: Vec<String>,
    /// What reading the file put right, each a sentence naming the file:
    /// an incomplete character at the end dropped ([`Decoded::cut_short`]).
    /// Empty almost always.
    pub notes: Vec<String>,
}

impl ImportedText {
    /// The document for the corpus, with this id, of kind `text`; a text
    /// without a date gets `date_if_unknown`.
    pub fn to_clean_document(&self, id: &str, date_if_unknown: Date) -> CleanDocument {
        CleanDocument {
            info: DocInfo {
                id: id.to_string(),
                title: self.title.clone(),
                date: self.date.unwrap_or(date_if_unknown),
                source: String::new(),
                place: String::new(),
                kind: "text".into(),
                parties: self.parties.clone(),
            },
            meta: self.meta.clone(),
            paragraphs: self.paragraphs.clone(),
        }
    }
}

// ------------------------------------------------------------------ decoding

/// Bytes decoded to text, with the encoding used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding's name (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// How many bytes at the end were dropped because they are an
    /// incomplete UTF-8 or UTF-16 character: a file cut short (`head -c`, a
    /// stopped download) in the middle of one. Usually 0.
    pub cut_short: usize,
}

impl Decoded {
    /// The note an import gives for a file cut short, naming `file`, or
    /// `None` when nothing was dropped.
    ///
    /// ```
    /// use cijing_engine::text::import::Decoded;
    /// let decoded = Decoded { text: "中".into(), encoding: "UTF-8", cut_short: 2 };
    /// assert_eq!(decoded.cut_short_note("a.txt").unwrap(),
    ///     "a.txt: the file ends inside a character (cut short?); the last 2 bytes were dropped");
    /// ```
    pub fn cut_short_note(&self, file: &str) -> Option<String> {
        match self.cut_short {
            0 => None,
            1 => Some(format!("{file}: the file ends inside a character (cut short?); the last byte was dropped")),
            n => {
                Some(format!("{file}: the file ends inside a character (cut short?); the last {n} bytes were dropped"))
            }
        }
    }
}

/// What a file's first bytes say it is, for files that are not text.
fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a zip archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0", "an old Office document (.doc); save it as .docx"),
        (b"\x7FELF", "a program"),
        (b"\0asm", "a WebAssembly module"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, what)| *what)
}

/// Are NULs or other control bytes (tab, line breaks, form feed and escape
/// aside) more than the odd stray one?
fn has_control_bytes(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 100 > bytes.len()
}

/// UTF-16 without a byte order mark: NULs (the high bytes of ASCII
/// characters) in one parity of positions and not the other. An odd last
/// byte (a file cut short) does not count.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let bytes = &bytes[..bytes.len() - bytes.len() % 2];
    if bytes.len() < 4 {
        return None;
    }
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (most, least, encoding) = if odd >= even {
        (odd, even, encoding_rs::UTF_16LE)
    } else {
        (even, odd, encoding_rs::UTF_16BE)
    };
    (most >= 2 && most * 200 >= bytes.len() && least * 20 <= most).then_some(encoding)
}

/// How many bytes at the end of `bytes` (0–3) begin a UTF-8 character
/// that never ends: the text was cut short inside it.
fn incomplete_utf8_tail(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(3) {
        let tail = &bytes[n - back..];
        // A continuation byte: the character starts further back.
        if tail[0] & 0xC0 == 0x80 {
            continue;
        }
        return match std::str::from_utf8(tail) {
            Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => back,
            _ => 0,
        };
    }
    0
}

/// How many bytes at the end of UTF-16 `bytes` are an incomplete
/// character: an odd last byte, and before it a high surrogate whose low
/// half is missing.
fn incomplete_utf16_tail(bytes: &[u8], big_endian: bool) -> usize {
    let odd = bytes.len() % 2;
    let even = &bytes[..bytes.len() - odd];
    let lone_high_surrogate = even.len() >= 2 && {
        let last = [even[even.len() - 2], even[even.len() - 1]];
        let unit = if big_endian { u16::from_be_bytes(last) } else { u16::from_le_bytes(last) };
        (0xD800..=0xDBFF).contains(&unit)
    };
    odd + if lone_high_surrogate { 2 } else { 0 }
}

/// `bytes` without an incomplete UTF-8 or UTF-16 character at the end,
/// and how many bytes that dropped; other encodings are left whole (their
/// decoder replaces a cut character). Bytes that are nothing but the
/// start of one character are left to the decoder too.
fn whole_characters<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (&'a [u8], usize) {
    let cut = if encoding == encoding_rs::UTF_8 {
        incomplete_utf8_tail(bytes)
    } else if encoding == encoding_rs::UTF_16LE {
        incomplete_utf16_tail(bytes, false)
    } else if encoding == encoding_rs::UTF_16BE {
        incomplete_utf16_tail(bytes, true)
    } else {
        0
    };
    if cut >= bytes.len() {
        (bytes, 0)
    } else {
        (&bytes[..bytes.len() - cut], cut)
    }
}

/// Decodes with `encoding` (no BOM handling), or `None` when more than
/// one character in [`REPLACEMENT_ALLOWANCE`] had to be replaced.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count();
    (replaced * REPLACEMENT_ALLOWANCE <= chars).then(|| text.into_owned())
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
}

/// Decodes a file's bytes to text. With `label` (`gb18030`, `big5`,
/// `utf-16le`, … — any WHATWG label) that encoding is used; otherwise a
/// byte order mark (UTF-8, UTF-16LE/BE), then UTF-16 without one when
/// NULs fall in alternating positions, then valid UTF-8, then
/// `chardetng`'s guess (GBK for GB2312/GBK/GB18030 text, Big5, …). Binary
/// files, unknown labels and text that decodes with more than a stray
/// replacement character are errors naming `file`. A UTF-8 or UTF-16 file
/// cut short inside its last character is still that encoding: the
/// incomplete character is dropped and counted in [`Decoded::cut_short`].
///
/// ```
/// use cijing_engine::text::import::decode;
/// let utf16 = [0xFF, 0xFE, 0x2D, 0x4E, 0xFD, 0x56]; // BOM, 中国
/// let decoded = decode("a.txt", &utf16, None)?;
/// assert_eq!((decoded.text.as_str(), decoded.encoding), ("中国", "UTF-16LE"));
/// let gbk = [0xD6, 0xD0, 0xB9, 0xFA]; // 中国 in GB2312
/// assert_eq!(decode("a.txt", &gbk, Some("gb18030"))?.text, "中国");
/// assert_eq!(decode("a.txt", &gbk, Some("latin-9x")).unwrap_err().to_string(),
///     "a.txt: unknown encoding \"latin-9x\"; use a label such as utf-8, gb18030, gbk, big5, utf-16le or utf-16be");
/// let cut = [0xE4, 0xB8, 0xAD, 0xE5, 0x9B]; // 中, and two of 国's three bytes
/// let decoded = decode("a.txt", &cut, None)?;
/// assert_eq!((decoded.text.as_str(), decoded.encoding, decoded.cut_short), ("中", "UTF-8", 2));
/// # Ok::<(), cijing_engine::text::import::ImportError>(())
/// ```
pub fn decode(file: &str, bytes: &[u8], label: Option<&str>) -> Result<Decoded, ImportError> {
    let file_owned = || file.to_string();
    check_size(file, bytes)?;
    let undecodable = |encoding: &'static Encoding| ImportError::Undecodable {
        file: file_owned(),
        encoding: encoding.name(),
    };
    let decoded = |encoding: &'static Encoding, body: &[u8]| {
        let (body, cut_short) = whole_characters(encoding, body);
        decode_with(encoding, body)
            .map(|text| Decoded { text, encoding: encoding.name(), cut_short })
            .ok_or_else(|| undecodable(encoding))
    };
    if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
        let encoding = Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            ImportError::UnknownEncoding { file: file_owned(), label: label.to_string() }
        })?;
        // The WHATWG "replacement" label decodes everything to U+FFFD.
        if encoding == encoding_rs::REPLACEMENT {
            return Err(ImportError::UnknownEncoding {
                file: file_owned(),
                label: label.to_string(),
            });
        }
        let body = match Encoding::for_bom(bytes) {
            Some((bom, len)) if bom == encoding => &bytes[len..],
            _ => bytes,
        };
        if !is_utf16(encoding) {
            refuse_binary(file, body)?;
        }
        return decoded(encoding, body);
    }
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        return decoded(encoding, &bytes[len..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        // Binary data can have NULs in one parity too: UTF-16 must read as
        // text (ASCII, CJK, general punctuation), not a scatter of scripts.
        if let Ok(d) = decoded(encoding, bytes) {
            let plausible = |c: char| {
                matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{FF}' | '\u{2000}'..='\u{206F}')
                    || crate::text::clean::is_cjk(c)
            };
            let odd = d.text.chars().filter(|&c| !plausible(c)).count();
            if odd * 20 <= d.text.chars().count() {
                return Ok(d);
            }
        }
    }
    refuse_binary(file, bytes)?;
    let (whole, cut_short) = whole_characters(encoding_rs::UTF_8, bytes);
    if let Ok(text) = std::str::from_utf8(whole) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8.name(),
            cut_short,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    decoded(encoding, bytes)
}

fn check_size(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.to_string() });
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file: file.to_string(), bytes: bytes.len() });
    }
    Ok(())
}

fn refuse_binary(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let what = binary_magic(bytes).or_else(|| has_control_bytes(bytes).then_some("binary data"));
    what.map_or(Ok(()), |what| Err(ImportError::Binary { file: file.to_string(), what }))
}

// ------------------------------------------------------------------ formats

/// The format a file's name says, or `None` for a name that says nothing
/// (no extension, or one not listed).
pub fn format_of_name(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        "docx" => Some(Format::Docx),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// Reads a file a user adds: decodes it ([`decode`]; `encoding` overrides
/// the detection), reads its format by name (sniffing when the name does
/// not say: a zip with `word/document.xml` is a `.docx`, text with HTML
/// tags is HTML), cleans it into paragraphs as the seeds are cleaned, and
/// guesses title, date and parties. Never panics.
///
/// ```
/// use cijing_engine::text::import::{import, Format};
/// use cijing_engine::text::script::Script;
/// let text = import("中哈合作.md", "---\ntitle: 中哈合作\ndate: 2023-05-18\n---\n中国和哈萨克斯坦加强能源合作。\n".as_bytes(), None)?;
/// assert_eq!((text.format, text.script, text.encoding.as_str()), (Format::Markdown, Script::Simplified, "UTF-8"));
/// assert_eq!((text.title.as_str(), text.date.unwrap().to_string()), ("中哈合作", "2023-05-18".to_string()));
/// assert_eq!(text.parties, ["CN", "KZ"]);
/// assert_eq!(text.paragraphs, ["中国和哈萨克斯坦加强能源合作。"]);
/// # Ok::<(), cijing_engine::text::import::ImportError>(())
/// ```
pub fn import(
    name: &str,
    bytes: &[u8],
    encoding: Option<&str>,
) -> Result<ImportedText, ImportError> {
    check_size(name, bytes)?;
    let by_name = format_of_name(name);
    let looks_docx = bytes.starts_with(b"PK\x03\x04");
    match by_name {
        Some(Format::Docx) => return import_docx(name, bytes),
        None if looks_docx && read_docx(name, bytes).is_ok() => return import_docx(name, bytes),
        Some(Format::Pdf) => return Err(ImportError::Pdf { file: name.to_string() }),
        _ if bytes.starts_with(b"%PDF-") => {
            return Err(ImportError::Pdf { file: name.to_string() })
        }
        _ => {}
    }
    let decoded = decode(name, bytes, encoding)?;
    let format = match by_name {
        Some(f) => f,
        None if looks_like_html(&decoded.text) => Format::Html,
        None => Format::Text,
    };
    let (clean, hints) = match format {
        Format::Html => clean_html(&decoded.text),
        Format::Markdown => (clean_text(&markdown_to_text(&decoded.text)), Hints::default()),
        _ => (clean_text(&decoded.text), Hints::default()),
    };
    let mut text = finish(name, decoded.encoding, format, clean, hints)?;
    text.notes.extend(decoded.cut_short_note(name));
    Ok(text)
}

/// A text extracted from a PDF elsewhere (the page's pdf.js: hard-wrapped
/// lines, page numbers, spaces between glyphs), cleaned as the seeds are
/// (they are PDF extractions too) and read like any other file.
///
/// ```
/// use cijing_engine::text::import::{import_pdf_text, Format};
/// let raw = "中 哈 联 合 声 明\n中华人民共和国和哈萨克斯坦共和国\n（以下简称“双方”）同意加强能源\n\
///            合作，推动共同发展，造福两国人\n民。（下转第二版）\n\n2\n";
/// let text = import_pdf_text("声明.pdf", raw)?;
/// assert_eq!((text.format, text.title.as_str()), (Format::Pdf, "中哈联合声明"));
/// assert_eq!(text.paragraphs, ["中华人民共和国和哈萨克斯坦共和国（以下简称“双方”）同意加强能源合作，推动共同发展，造福两国人民。"]);
/// # Ok::<(), cijing_engine::text::import::ImportError>(())
/// ```
pub fn import_pdf_text(name: &str, text: &str) -> Result<ImportedText, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty { file: name.to_string() });
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file: name.to_string(), bytes: text.len() });
    }
    // Its text layer: Unicode as pdf.js maps it from the fonts, no byte encoding.
    finish(name, "Unicode", Format::Pdf, clean_text(text), Hints::default())
}

/// Title and date a format gives outside the body text.
#[derive(Default)]
struct Hints {
    title: Option<String>,
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2000).collect::<String>().to_ascii_lowercase();
    ["<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<br"]
        .iter()
        .any(|t| head.contains(t))
}

/// The first `<name …>…</name>` in `lower` (the page lower-cased, which
/// keeps every byte offset): where its content starts, where it ends, and
/// where the closing tag ends.
fn element(lower: &str, name: &str) -> Option<(usize, usize, usize)> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(at) = lower[from..].find(&open).map(|a| a + from) {
        let after = lower[at + open.len()..].chars().next();
        if matches!(after, Some('>' | ' ' | '\t' | '\n' | '\r' | '/')) {
            let content = at + lower[at..].find('>')? + 1;
            let close = content + lower[content..].find(&format!("</{name}"))?;
            let end = close + lower[close..].find('>').map_or(lower.len() - close, |e| e + 1);
            return Some((content, close, end));
        }
        from = at + open.len();
    }
    None
}

fn inline_text(html: &str) -> String {
    fix_spacing(&html_to_text(html).split_whitespace().collect::<Vec<_>>().join(" "), true)
}

/// A web page: its `<title>` (else first `<h1>`) as title, its `<head>`
/// left out, the rest cleaned as the cleaner cleans HTML.
fn clean_html(html: &str) -> (CleanText, Hints) {
    // to_ascii_lowercase keeps every byte offset.
    let lower = html.to_ascii_lowercase();
    let title = element(&lower, "title")
        .map(|(s, e, _)| inline_text(&html[s..e]))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            element(&lower, "h1")
                .map(|(s, e, _)| inline_text(&html[s..e]))
                .filter(|t| !t.is_empty())
        });
    let body = match element(&lower, "head") {
        Some((_, _, end)) => &html[end..],
        None => match element(&lower, "title") {
            Some((_, _, end)) => &html[end..],
            None => html,
        },
    };
    (clean_text(&html_to_text(body)), Hints { title })
}

/// Markdown the cleaner does not take off itself: block quote marks, list
/// bullets and numbers, code fences, `**`/`__` emphasis.
fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let mut t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            out.push('\n');
            continue;
        }
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start();
        }
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = t.strip_prefix(bullet) {
                t = rest;
                break;
            }
        }
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if digits > 0
            && digits < 4
            && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
        {
            t = &t[digits + 2..];
        }
        out.push_str(&t.replace("**", "").replace("__", ""));
        out.push('\n');
    }
    out
}

// --------------------------------------------------------------------- docx

/// The paragraphs of a `.docx`: the text of each `<w:p>` (its `<w:t>` runs,
/// `<w:tab/>` as a space), split at `<w:br/>` line breaks; blank ones left out.
///
/// ```
/// # use cijing_engine::text::import::docx_paragraphs_from_xml;
/// let xml = r#"<w:document><w:body><w:p><w:r><w:t>中哈</w:t></w:r><w:r><w:t xml:space="preserve">合作 &amp; 发展</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>完</w:t></w:r></w:p></w:body></w:document>"#;
/// // Spaces beside CJK glyphs close up, as the cleaner closes them up.
/// assert_eq!(docx_paragraphs_from_xml(xml).unwrap(), ["中哈合作&发展", "第一行", "第二行完"]);
/// ```
pub fn docx_paragraphs_from_xml(xml: &str) -> Result<Vec<String>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let push = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = fix_spacing(current, false);
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("word/document.xml is not well-formed XML ({e})"))?;
        match event {
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:p" => {
                push(&mut current, &mut paragraphs)
            }
            Event::End(e) if e.name().as_ref() == "w:p" => push(&mut current, &mut paragraphs),
            Event::Start(e) | Event::Empty(e) if matches!(e.name().as_ref(), "w:br" | "w:cr") => {
                push(&mut current, &mut paragraphs)
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:tab" => current.push(' '),
            Event::Text(t) if in_text => current.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => current.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                let c = match name.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                current.extend(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    push(&mut current, &mut paragraphs);
    Ok(paragraphs)
}

/// `word/document.xml` of a `.docx`, as text.
fn read_docx(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let not_docx = |reason: String| ImportError::NotDocx { file: name.to_string(), reason };
    if !bytes.starts_with(b"PK") {
        return Err(not_docx("it is not a zip archive (a .docx is one)".into()));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| not_docx(format!("it is not a readable zip archive ({e})")))?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| not_docx("it has no word/document.xml (is it a Word document?)".into()))?;
    let too_large = || {
        not_docx(format!(
            "word/document.xml unpacks to over {} MB",
            MAX_UNPACKED_BYTES / (1024 * 1024)
        ))
    };
    // The size the archive declares refuses a bomb before any unpacking;
    // the bytes read stop at the limit whatever it declares.
    if part.size() > MAX_UNPACKED_BYTES {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    (&mut part)
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_docx(format!("word/document.xml cannot be unpacked ({e})")))?;
    if xml.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(too_large());
    }
    let xml = match Encoding::for_bom(&xml) {
        Some((encoding, len)) => encoding.decode_without_bom_handling(&xml[len..]).0.into_owned(),
        None => {
            String::from_utf8(xml).map_err(|_| not_docx("word/document.xml is not UTF-8".into()))?
        }
    };
    Ok(xml)
}

fn import_docx(name: &str, bytes: &[u8]) -> Result<ImportedText, ImportError> {
    let xml = read_docx(name, bytes)?;
    let paragraphs = docx_paragraphs_from_xml(&xml)
        .map_err(|reason| ImportError::NotDocx { file: name.to_string(), reason })?;
    finish(
        name,
        encoding_rs::UTF_8.name(),
        Format::Docx,
        CleanText { paragraphs, front_matter: Vec::new() },
        Hints::default(),
    )
}

// ----------------------------------------------------------------- metadata

/// The longest paragraph, in characters, taken for a title.
const MAX_TITLE_CHARS: usize = 40;

fn ends_sentence(p: &str) -> bool {
    let t = p.trim_end_matches(|c: char| "”’」』）)》〉】\"'".contains(c) || c.is_whitespace());
    matches!(t.chars().last(), Some('。' | '！' | '？' | '!' | '?' | '；' | ';' | '…'))
}

/// Can this paragraph be a title: short, not a sentence, not just a date?
fn title_like(p: &str) -> bool {
    let chars = p.chars().count();
    (2..=MAX_TITLE_CHARS).contains(&chars)
        && !ends_sentence(p)
        && p.chars().any(crate::text::script::is_han)
        && {
            let found = find_date(p);
            found.is_none_or(|(_, len)| len * 2 < p.len())
        }
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    if stem.trim().is_empty() {
        base.to_string()
    } else {
        stem.trim().to_string()
    }
}

fn front(front: &[(String, String)], key: &str) -> Option<String> {
    front
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn finish(
    name: &str,
    encoding: &str,
    format: Format,
    clean: CleanText,
    hints: Hints,
) -> Result<ImportedText, ImportError> {
    let file = || name.to_string();
    let mut paragraphs = clean.paragraphs;
    if paragraphs.is_empty() {
        return Err(ImportError::NoText { file: file() });
    }
    if !paragraphs.iter().any(|p| p.chars().any(crate::text::script::is_han)) {
        return Err(ImportError::NoChinese { file: file() });
    }
    let mut meta = Vec::new();
    let given = front(&clean.front_matter, "title").or(hints.title);
    let title = match given {
        Some(title) => {
            // A heading repeating the title is not body text.
            if paragraphs.len() > 1 && paragraphs[0] == title {
                meta.push(paragraphs.remove(0));
            }
            title
        }
        None if paragraphs.len() > 1 && title_like(&paragraphs[0]) => {
            let t = paragraphs.remove(0);
            meta.push(t.clone());
            t
        }
        None => file_stem(name),
    };
    // A line that is only a date (a dateline) near the top is not body text.
    let mut i = 0;
    while i < paragraphs.len().min(3) {
        let only_date =
            find_date(&paragraphs[i]).is_some_and(|(_, len)| len * 2 >= paragraphs[i].len());
        if only_date && paragraphs.len() > 1 {
            meta.push(paragraphs.remove(i));
        } else {
            i += 1;
        }
    }
    let date = front(&clean.front_matter, "date")
        .and_then(|d| find_date(&d).map(|(d, _)| d))
        .or_else(|| {
            std::iter::once(&title)
                .chain(&meta)
                .chain(&paragraphs)
                .find_map(|p| find_date(p).map(|(d, _)| d))
        });
    let all = std::iter::once(title.as_str())
        .chain(paragraphs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n");
    let mut parties = match front(&clean.front_matter, "parties") {
        Some(list) => list
            .split(|c: char| c == ',' || c == '，' || c == '[' || c == ']' || c.is_whitespace())
            .map(|p| p.trim_matches(['"', '\'']).to_ascii_uppercase())
            .filter(|p| !p.is_empty())
            .collect(),
        None => guess_parties(&all),
    };
    let mut seen = std::collections::HashSet::new();
    parties.retain(|p| seen.insert(p.clone()));
    Ok(ImportedText {
        name: name.to_string(),
        encoding: encoding.to_string(),
        format,
        script: detect_script(&all),
        title,
        date,
        parties,
        meta,
        paragraphs,
        notes: Vec::new(),
    })
}

/// Country and organisation names → party codes, as the corpus manifest
/// uses them (ISO 3166 alpha-2; `SCO`, `CICA`). Names in Simplified; text
/// is folded before it is searched.
pub const PARTY_NAMES: &[(&str, &[&str])] = &[
    ("CN", &["中国", "中华人民共和国", "中方"]),
    ("RU", &["俄罗斯", "俄方"]),
    ("KZ", &["哈萨克斯坦"]),
    ("KG", &["吉尔吉斯斯坦", "吉尔吉斯共和国"]),
    ("TJ", &["塔吉克斯坦"]),
    ("TM", &["土库曼斯坦"]),
    ("UZ", &["乌兹别克斯坦"]),
    ("SCO", &["上海合作组织", "上合组织"]),
    ("CICA", &["亚信", "亚洲相互协作与信任措施会议"]),
];

/// The parties a text names, in the order of [`PARTY_NAMES`], each once;
/// Traditional names count (哈薩克斯坦 is KZ).
///
/// ```
/// use cijing_engine::text::import::guess_parties;
/// assert_eq!(guess_parties("俄罗斯和哈萨克斯坦在上合组织框架内合作"), ["RU", "KZ", "SCO"]);
/// assert_eq!(guess_parties("中國與哈薩克斯坦"), ["CN", "KZ"]);
/// ```
pub fn guess_parties(text: &str) -> Vec<String> {
    let folded = to_simplified(text);
    PARTY_NAMES
        .iter()
        .filter(|(_, names)| names.iter().any(|n| folded.contains(n)))
        .map(|(code, _)| code.to_string())
        .collect()
}

/// The first date in a text and its length in bytes: `2023年5月18日`,
/// `二〇二三年五月十八日` (or `二○二三`), `2023-05-18`, `2023.5.18`, `2023/5/18`
/// (full-width digits too); only dates that exist on the calendar.
///
/// ```
/// use cijing_engine::text::import::find_date;
/// let day = |t: &str| find_date(t).map(|(d, _)| d.to_string());
/// assert_eq!(day("新华社阿斯塔纳2025年6月17日电"), Some("2025-06-17".into()));
/// assert_eq!(day("二〇二三年五月十八日于西安"), Some("2023-05-18".into()));
/// assert_eq!(day("发布于 2023.5.18，更新"), Some("2023-05-18".into()));
/// assert_eq!(day("2024-07-04"), Some("2024-07-04".into()));
/// assert_eq!(day("2023年2月30日"), None);
/// assert_eq!(day("第12345-6-7号"), None);
/// ```
pub fn find_date(text: &str) -> Option<(Date, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |c: char| -> Option<u32> {
        match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        }
    };
    // 〇, and ○ (a circle Big5 text uses for it) or 零, for zero.
    let han_digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or(matches!(c, '○' | '零').then_some(0))
            .map(|d| d as u32)
    };
    let end_byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    // A run of arabic digits at i: (value, digits).
    let number = |i: usize| {
        let n = chars[i..].iter().take_while(|&&(_, c)| digit(c).is_some()).count();
        let value = chars[i..i + n]
            .iter()
            .try_fold(0u32, |v, &(_, c)| v.checked_mul(10)?.checked_add(digit(c)?));
        (value.unwrap_or(u32::MAX), n)
    };
    // A Chinese numeral up to 31 at i (十, 十八, 二十, 三十一, 五): (value, chars).
    let han_number = |i: usize| -> Option<(u32, usize)> {
        let c = |k: usize| chars.get(i + k).map(|&(_, c)| c);
        match (c(0), c(1), c(2)) {
            (Some('十'), b, _) => match b.and_then(han_digit) {
                Some(d) if d > 0 => Some((10 + d, 2)),
                _ => Some((10, 1)),
            },
            (Some(a), Some('十'), b) if han_digit(a).is_some_and(|d| d > 0) => {
                match b.and_then(han_digit) {
                    Some(d) if d > 0 => Some((han_digit(a)? * 10 + d, 3)),
                    _ => Some((han_digit(a)? * 10, 2)),
                }
            }
            (Some(a), _, _) => han_digit(a).filter(|&d| d > 0).map(|d| (d, 1)),
            _ => None,
        }
    };
    let at = |i: usize, c: char| chars.get(i).is_some_and(|&(_, x)| x == c);
    for i in 0..chars.len() {
        let prev_digit =
            i > 0 && (digit(chars[i - 1].1).is_some() || han_digit(chars[i - 1].1).is_some());
        if prev_digit {
            continue;
        }
        // Arabic year.
        let (year, n) = number(i);
        if n == 4 {
            let j = i + 4;
            let sep = chars.get(j).map(|&(_, c)| c);
            if sep == Some('年') {
                let (month, mn) = number(j + 1);
                if (1..=2).contains(&mn) && at(j + 1 + mn, '月') {
                    let (day, dn) = number(j + 2 + mn);
                    let k = j + 2 + mn + dn;
                    if (1..=2).contains(&dn) && (at(k, '日') || at(k, '号')) {
                        if let Some(d) = Date::new(year as u16, month as u8, day as u8) {
                            return Some((d, end_byte(k + 1) - chars[i].0));
                        }
                    }
                }
            } else if let Some(sep @ ('-' | '.' | '/')) = sep {
                let (month, mn) = number(j + 1);
                if (1..=2).contains(&mn) && at(j + 1 + mn, sep) {
                    let (day, dn) = number(j + 2 + mn);
                    let k = j + 2 + mn + dn;
                    let next_digit = chars.get(k).is_some_and(|&(_, c)| digit(c).is_some());
                    if (1..=2).contains(&dn) && !next_digit {
                        if let Some(d) = Date::new(year as u16, month as u8, day as u8) {
                            return Some((d, end_byte(k) - chars[i].0));
                        }
                    }
                }
            }
        }
        // Chinese-numeral year: four of 〇一二…九, then 年.
        if i + 4 < chars.len()
            && (0..4).all(|k| han_digit(chars[i + k].1).is_some())
            && at(i + 4, '年')
        {
            let year = (0..4).fold(0, |v, k| v * 10 + han_digit(chars[i + k].1).unwrap_or(0));
            if let Some((month, mn)) = han_number(i + 5) {
                if at(i + 5 + mn, '月') {
                    if let Some((day, dn)) = han_number(i + 6 + mn) {
                        let k = i + 6 + mn + dn;
                        if at(k, '日') {
                            if let Some(d) = Date::new(year as u16, month as u8, day as u8) {
                                return Some((d, end_byte(k + 1) - chars[i].0));
                            }
                        }
                    }
                }
            }
        }
    }
    None
}

// ------------------------------------------------------------ segmentation

/// Segments one paragraph of a text in `script`: Traditional and Mixed
/// text is segmented in its Simplified fold (the dictionaries are
/// Simplified) and the tokens' spans mapped back to the original, so the
/// tokens are the original's words. Simplified text is segmented as it is.
///
/// ```
/// use cijing_engine::text::import::segment_paragraph;
/// use cijing_engine::text::script::Script;
/// let segmenter = cijing_seeds::segmenter();
/// let text = "上海合作組織成員國";
/// let words: Vec<&str> = segment_paragraph(&segmenter, text, Script::Traditional, Default::default())
///     .iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(words, ["上海合作組織", "成員國"]);
/// ```
pub fn segment_paragraph(
    segmenter: &Segmenter,
    text: &str,
    script: Script,
    options: SegmentOptions,
) -> Vec<Token> {
    if !script.needs_fold() {
        return segmenter.segment(text, options);
    }
    let folded = to_simplified(text);
    let Some(map) = SpanMap::new(text, &folded) else {
        return segmenter.segment(text, options);
    };
    let tokens = segmenter.segment(&folded, options);
    let mapped: Option<Vec<Token>> = tokens
        .into_iter()
        .map(|t| map.map(t.start, t.end).map(|(start, end)| Token { start, end, pos: t.pos }))
        .collect();
    mapped.unwrap_or_else(|| segmenter.segment(text, options))
}

/// The script of a text given as its paragraphs, read from all of them
/// together ([`detect_script`]).
pub fn paragraphs_script(paragraphs: &[String]) -> Script {
    detect_script(&paragraphs.join("\n"))
}

/// Users' texts segmented for a corpus ([`segment_texts`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentedTexts {
    /// Each text's paragraphs' tokens ([`segment_paragraph`]), texts in
    /// the order given.
    pub tokens: Vec<Vec<Vec<Token>>>,
    /// The Traditional spellings among the words of the texts in
    /// Traditional or Mixed script, each once with its Simplified form
    /// ([`traditional_spellings`]): give them to
    /// [`AliasGroups::add_spellings`](crate::text::aliases::AliasGroups::add_spellings)
    /// so alias merging counts 上海合作組織 as 上海合作组织.
    pub spellings: Vec<(String, String)>,
}

/// Segments users' texts — each its paragraphs and its script — for a
/// corpus ([`segment_paragraph`]) and lists the Traditional spellings of
/// their words. The CLI (`--add`) and the page's segmenter worker both
/// build users' texts with this, so `--aliases` and the page's alias
/// setting merge the same spellings.
///
/// ```
/// use cijing_engine::text::import::segment_texts;
/// use cijing_engine::text::script::Script;
/// let segmenter = cijing_seeds::segmenter();
/// let traditional = vec!["上海合作組織成員國".to_string()];
/// let simplified = vec!["上海合作组织成员国".to_string()];
/// let texts = [(&traditional[..], Script::Traditional), (&simplified[..], Script::Simplified)];
/// let segmented = segment_texts(&segmenter, texts, Default::default());
/// assert_eq!(segmented.tokens.len(), 2);
/// assert_eq!(segmented.spellings, [
///     ("上海合作組織".to_string(), "上海合作组织".to_string()),
///     ("成員國".to_string(), "成员国".to_string()),
/// ]);
/// ```
pub fn segment_texts<'a>(
    segmenter: &Segmenter,
    texts: impl IntoIterator<Item = (&'a [String], Script)>,
    options: SegmentOptions,
) -> SegmentedTexts {
    segment_texts_telling(segmenter, texts, options, |_| ())
}

/// [`segment_texts`], telling `before_each` every paragraph before it is
/// segmented (to show how far a long job has got).
pub fn segment_texts_telling<'a>(
    segmenter: &Segmenter,
    texts: impl IntoIterator<Item = (&'a [String], Script)>,
    options: SegmentOptions,
    mut before_each: impl FnMut(&str),
) -> SegmentedTexts {
    let texts: Vec<(&[String], Script)> = texts.into_iter().collect();
    let tokens: Vec<Vec<Vec<Token>>> = texts
        .iter()
        .map(|&(paragraphs, script)| {
            paragraphs
                .iter()
                .map(|p| {
                    before_each(p);
                    segment_paragraph(segmenter, p, script, options)
                })
                .collect()
        })
        .collect();
    let words = texts.iter().zip(&tokens).filter(|((_, script), _)| script.needs_fold()).flat_map(
        |((paragraphs, _), doc)| {
            paragraphs
                .iter()
                .zip(doc)
                .flat_map(|(p, para)| para.iter().map(move |t| &p[t.start..t.end]))
        },
    );
    let spellings = traditional_spellings(words);
    SegmentedTexts { tokens, spellings }
}

/// An id for a text from its file name, not among `taken`: `mine-` and the
/// name's letters and digits (lower-case ASCII and Chinese kept, the rest
/// as `-`), with `-2`, `-3`, … when taken.
///
/// ```
/// use cijing_engine::text::import::text_id;
/// assert_eq!(text_id("docs/My Speech.docx", &[]), "mine-my-speech");
/// assert_eq!(text_id("中哈合作.txt", &["mine-中哈合作".to_string()]), "mine-中哈合作-2");
/// ```
pub fn text_id(name: &str, taken: &[String]) -> String {
    let stem = file_stem(name);
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || crate::text::script::is_han(c) {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { "mine-text".to_string() } else { format!("mine-{slug}") };
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}
