//! Word segmentation: jieba-rs over a dictionary given at run time (the
//! shipped one is `cijing_seeds::JIEBA_DICT`, compact), plus domain and user words
//! and stopwords. Yields tokens with their byte span in the input and a
//! part-of-speech tag.

use crate::text::lexicon::{parse_user_dict, DictEntry, LexiconError, StopwordList, MAX_FREQ};
use jieba_rs::Jieba;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How jieba cuts: `Precise` gives one reading of the text; `Search` also
/// yields the shorter words inside long ones (overlapping tokens).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One reading: the tokens tile the text without overlap (the default).
    #[default]
    Precise,
    /// Also the dictionary words inside long tokens (`上海合作组织` gives
    /// `上海`, `合作`, `组织` and the whole), so tokens overlap and a text
    /// yields more of them.
    Search,
}

crate::text::options::choices!(Mode { Precise => "precise", Search => "search" });

/// How text is segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct SegmentOptions {
    /// Precise or search mode (default precise).
    pub mode: Mode,
    /// Let jieba's HMM join characters into words its dictionaries lack
    /// (default on); off, such characters come out one token each.
    pub hmm: bool,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions { mode: Mode::Precise, hmm: true }
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Contains a letter (Han characters included): a candidate term.
    Word,
    /// No letter but a digit (ASCII or other numerals), possibly with `.`,
    /// `%`, `,`: `2024`, `3.5%`.
    Number,
    /// Neither letter, digit nor white space: `。`, `，`, `—`.
    Punct,
    /// Only white space (the ideographic space U+3000 included).
    Space,
}

impl TokenKind {
    /// The kind of a token's text; the first that fits of `Space` (all
    /// white space, or empty), `Word`, `Number`, `Punct`.
    ///
    /// ```
    /// use cijing_engine::text::segment::TokenKind;
    /// assert_eq!(TokenKind::of("合作"), TokenKind::Word);
    /// assert_eq!(TokenKind::of("G20"), TokenKind::Word);
    /// assert_eq!(TokenKind::of("3.5%"), TokenKind::Number);
    /// assert_eq!(TokenKind::of("。"), TokenKind::Punct);
    /// assert_eq!(TokenKind::of("\u{3000}"), TokenKind::Space);
    /// ```
    pub fn of(text: &str) -> TokenKind {
        if text.chars().all(|c| c.is_whitespace() || c == '\u{3000}') {
            TokenKind::Space
        } else if text.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if text.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        }
    }
}

/// One token: byte span in the segmented text and a POS tag (jieba's tag
/// set: `n` noun, `nr` person, `ns` place, `nt` organisation, `nz` other
/// proper noun, `v` verb, …; empty when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first byte in the segmented text.
    pub start: usize,
    /// Byte offset one past its last byte: the token is `text[start..end]`.
    pub end: usize,
    /// Its part-of-speech tag; a domain or user dictionary's tag wins over
    /// jieba's.
    pub pos: String,
}

/// Characters jieba keeps together inside one token; a dictionary word
/// with any other character (`·`, `－`) can only be found by joining tokens.
fn jieba_keeps_together(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        || c.is_ascii_alphanumeric()
        || "+#&._%-".contains(c)
}

/// A jieba dictionary that could not be read; holds jieba's own message
/// (a line that is not `word freq [pos]`, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmenterError(pub String);

impl fmt::Display for SegmenterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read the jieba dictionary: {}", self.0)
    }
}

impl std::error::Error for SegmenterError {}

/// jieba-rs plus the project's dictionaries and stopwords. Build one with
/// [`Segmenter::from_dictionary`] (or `cijing_seeds::segmenter()` for the
/// shipped one, 135–190 ms natively, about 150–190 ms in wasm): it is meant
/// to be built once and shared.
/// Cloning copies the whole dictionary.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    /// Dictionary words jieba cannot produce whole (they contain `·` or
    /// `－`), with their tags; joined after cutting. Longest first.
    compounds: Vec<(String, String)>,
    /// Tags from the domain and user dictionaries. jieba-rs keeps a base
    /// word's old tag when it is added again, so these are applied after
    /// cutting.
    tags: HashMap<String, String>,
    stopwords: HashSet<String>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("compounds", &self.compounds.len())
            .field("stopwords", &self.stopwords.len())
            .finish()
    }
}

impl Segmenter {
    /// A segmenter over a jieba dictionary (jieba's `dict.txt` format, UTF-8:
    /// `word freq [pos]` a line), with no domain words and no stopwords; an
    /// error when a line cannot be read. The segmenter over the dictionary
    /// the project ships is `cijing_seeds::base_segmenter()`.
    /// The frequencies must add up to at most half of `usize::MAX` (room
    /// for user words): jieba sums them, and would overflow.
    pub fn from_dictionary(dictionary: &[u8]) -> Result<Segmenter, SegmenterError> {
        let mut total: usize = 0;
        for (n, line) in dictionary.split(|&b| b == b'\n').enumerate() {
            // A line that is not UTF-8 or has no number: jieba reports it below.
            let freq = std::str::from_utf8(line)
                .ok()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|f| f.parse::<usize>().ok());
            if let Some(freq) = freq {
                total =
                    total.checked_add(freq).filter(|&t| t <= usize::MAX / 2).ok_or_else(|| {
                        SegmenterError(format!(
                            "line {}: the frequencies add up to more than {}",
                            n + 1,
                            usize::MAX / 2
                        ))
                    })?;
            }
        }
        let jieba = Jieba::with_dict(&mut std::io::BufReader::new(dictionary))
            .map_err(|e| SegmenterError(e.to_string()))?;
        Ok(Segmenter {
            jieba,
            compounds: Vec::new(),
            tags: HashMap::new(),
            stopwords: HashSet::new(),
        })
    }

    /// A segmenter over a jieba dictionary in the compact form
    /// ([`compact_dict`](crate::text::compact_dict), as `build.rs` stores the
    /// shipped one): the same segmenter as [`from_dictionary`] over the text
    /// it was made from, without reading text.
    ///
    /// [`from_dictionary`]: Segmenter::from_dictionary
    pub fn from_compact_dictionary(compact: &[u8]) -> Result<Segmenter, SegmenterError> {
        let mut jieba = Jieba::empty();
        let mut total: u64 = 0;
        let mut too_large = None;
        crate::text::compact_dict::for_each_entry(compact, |word, freq, tag| {
            total = total.saturating_add(freq);
            match usize::try_from(freq) {
                Ok(freq) if total <= (usize::MAX / 2) as u64 => {
                    jieba.add_word(word, Some(freq), Some(tag));
                }
                _ => {
                    too_large.get_or_insert_with(|| word.to_string());
                }
            }
        })
        .map_err(|e| SegmenterError(e.to_string()))?;
        if let Some(word) = too_large {
            return Err(SegmenterError(format!(
                "at \"{word}\" the frequencies add up to more than {}",
                usize::MAX / 2
            )));
        }
        Ok(Segmenter {
            jieba,
            compounds: Vec::new(),
            tags: HashMap::new(),
            stopwords: HashSet::new(),
        })
    }

    /// Adds dictionary entries (the domain dictionary, or a user's), so
    /// later [`segment`](Segmenter::segment) calls cut them whole and tag
    /// them with their `pos`. A word with a character jieba never keeps
    /// inside a token (`·`, `－`) is joined from jieba's tokens after
    /// cutting, where its ends fall on token boundaries. Adding a word
    /// again updates its frequency, and its tag when the new entry has one.
    /// A frequency above [`MAX_FREQ`] counts as `MAX_FREQ`.
    pub fn add_words(&mut self, entries: &[DictEntry]) {
        for e in entries {
            if let Some(pos) = &e.pos {
                self.tags.insert(e.word.clone(), pos.clone());
            }
            if e.word.chars().all(jieba_keeps_together) {
                // jieba sums the frequencies: keep each to what a parsed line may give.
                self.jieba.add_word(&e.word, e.freq.map(|f| f.min(MAX_FREQ)), e.pos.as_deref());
            } else {
                self.compounds.retain(|(w, _)| w != &e.word);
                self.compounds.push((e.word.clone(), e.pos.clone().unwrap_or_default()));
            }
        }
        self.compounds.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    }

    /// Parses and adds a user dictionary (see
    /// [`parse_user_dict`]); returns how many
    /// entries were added. On any malformed line nothing is added and every
    /// problem is returned, each with its line number in `file`.
    pub fn add_user_dict(&mut self, text: &str, file: &str) -> Result<usize, Vec<LexiconError>> {
        let entries = parse_user_dict(text, file)?;
        self.add_words(&entries);
        Ok(entries.len())
    }

    /// Replaces the stopwords (exact token texts). Stopwords are still
    /// tokens and count as word tokens; term tables, keyness, collocates
    /// and n-grams leave them out when
    /// [`TermOptions::drop_stopwords`](crate::statistics::stats::TermOptions::drop_stopwords)
    /// is on. A corpus reads them when it is built: set them first.
    pub fn set_stopwords<I: IntoIterator<Item = String>>(&mut self, words: I) {
        self.stopwords = words.into_iter().collect();
    }

    /// Is `word` exactly one of the stopwords?
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// The stopwords as set by [`Segmenter::set_stopwords`] (empty at
    /// first); a [`StopwordList`] for
    /// [`Corpus::from_segmented`](crate::corpus::Corpus::from_segmented).
    pub fn stopwords(&self) -> &HashSet<String> {
        &self.stopwords
    }

    /// Does the dictionary (base, domain or user) have this exact word?
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word) || self.compounds.iter().any(|(w, _)| w == word)
    }

    /// Cuts `text` into tokens covering it, in text order (white space and
    /// punctuation are tokens too). In search mode extra shorter tokens
    /// overlap the long ones, listed before the long token that holds them.
    /// Stopwords are not removed here.
    ///
    /// ```
    /// use cijing_engine::SegmentOptions;
    ///
    /// let segmenter = cijing_seeds::segmenter();
    /// let text = "中国和哈萨克斯坦加强能源合作。";
    /// let tokens = segmenter.segment(text, SegmentOptions::default());
    /// let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    /// assert_eq!(words, ["中国", "和", "哈萨克斯坦", "加强", "能源", "合作", "。"]);
    /// // 哈萨克斯坦 is a place name (jieba's tag `ns`), bytes 9..24.
    /// assert_eq!((tokens[2].start, tokens[2].end, tokens[2].pos.as_str()), (9, 24, "ns"));
    /// assert!(segmenter.is_stopword("和"));
    /// ```
    pub fn segment(&self, text: &str, options: SegmentOptions) -> Vec<Token> {
        let mut tokens: Vec<Token> = match options.mode {
            Mode::Precise => self
                .jieba
                .tag(text, options.hmm)
                .into_iter()
                .map(|t| Token { start: t.byte_start, end: t.byte_end, pos: t.tag.to_string() })
                .collect(),
            Mode::Search => {
                let mut tags: HashMap<&str, String> = HashMap::new();
                self.jieba
                    .cut_for_search(text, options.hmm)
                    .into_iter()
                    .map(|t| {
                        let pos = tags
                            .entry(t.word)
                            .or_insert_with(|| {
                                let tagged = self.jieba.tag(t.word, false);
                                if tagged.len() == 1 {
                                    tagged[0].tag.to_string()
                                } else {
                                    String::new()
                                }
                            })
                            .clone();
                        Token { start: t.byte_start, end: t.byte_end, pos }
                    })
                    .collect()
            }
        };
        self.join_compounds(text, &mut tokens);
        if !self.tags.is_empty() {
            for t in &mut tokens {
                if let Some(pos) = self.tags.get(&text[t.start..t.end]) {
                    t.pos.clone_from(pos);
                }
            }
        }
        tokens
    }

    /// Joins the tokens that make up a compound dictionary word
    /// (`萨德尔·扎帕罗夫`, `中国－中亚峰会`) where its ends fall on token
    /// boundaries.
    fn join_compounds(&self, text: &str, tokens: &mut Vec<Token>) {
        if self.compounds.is_empty() {
            return;
        }
        // A compound occurs only where the characters jieba cuts at that it
        // holds (·, －) do: a paragraph without them is not searched for it.
        let mut splitters: Vec<char> = text.chars().filter(|&c| !jieba_keeps_together(c)).collect();
        splitters.sort_unstable();
        splitters.dedup();
        let mut taken: Vec<(usize, usize, &str)> = Vec::new();
        for (word, pos) in &self.compounds {
            if !word
                .chars()
                .filter(|&c| !jieba_keeps_together(c))
                .all(|c| splitters.binary_search(&c).is_ok())
            {
                continue;
            }
            for (start, _) in text.match_indices(word.as_str()) {
                let end = start + word.len();
                let overlaps = taken.iter().any(|&(s, e, _)| start < e && s < end);
                let aligned =
                    tokens.iter().any(|t| t.start == start) && tokens.iter().any(|t| t.end == end);
                if aligned && !overlaps {
                    taken.push((start, end, pos));
                }
            }
        }
        if taken.is_empty() {
            return;
        }
        tokens.retain(|t| !taken.iter().any(|&(s, e, _)| t.start >= s && t.end <= e));
        tokens.extend(taken.into_iter().map(|(start, end, pos)| Token {
            start,
            end,
            pos: pos.to_string(),
        }));
        tokens.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    }
}

impl StopwordList for Segmenter {
    fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }
}
