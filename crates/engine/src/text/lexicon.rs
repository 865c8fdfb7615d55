//! Lexicon files as plain, reviewable text: jieba user dictionaries
//! (`word [freq] [pos]`), word lists (stopwords) and the line reading they
//! share. Every malformed line is reported with its number.

use std::fmt;

/// A line of a dictionary file.
#[derive(Debug, Clone, PartialEq)]
pub struct DictEntry {
    /// The word, without spaces.
    pub word: String,
    /// jieba's frequency for the word; `None` lets jieba pick one high
    /// enough for the word to be cut whole.
    pub freq: Option<usize>,
    /// Its part-of-speech tag in jieba's tag set (`n`, `nr`, `ns`, `nt`,
    /// `nz`, `v`, …; see [`PosClass::of_tag`](crate::text::pos::PosClass::of_tag)).
    /// `None`: a word jieba's dictionary has keeps its tag there; a new word
    /// gets an empty tag (class [`PosClass::Other`](crate::text::pos::PosClass::Other)).
    pub pos: Option<String>,
    /// The 1-based line it was read from.
    pub line: usize,
}

/// A problem in a dictionary or word-list file, with its 1-based line;
/// displayed as `file line N: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconError {
    /// The file, as the caller named it to [`parse_user_dict`] or
    /// [`AliasGroups::parse`](crate::text::aliases::AliasGroups::parse).
    pub file: String,
    /// The 1-based line the problem is on.
    pub line: usize,
    /// What is wrong with the line, for a person to fix it.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// The lines of a lexicon file that say something: (1-based line number,
/// text with any `#` comment and surrounding white space removed).
pub fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, raw)| (i + 1, raw.split('#').next().unwrap_or("").trim()))
        .filter(|(_, content)| !content.is_empty())
}

/// The largest frequency a dictionary entry may give: above every one in
/// jieba's dictionary (the largest, 了, is 883,634). jieba adds each entry's
/// frequency to a total that a larger one could overflow.
pub const MAX_FREQ: usize = 1_000_000;

/// Parses a jieba user dictionary: one `word [freq] [pos]` per line, the
/// frequency a whole number up to [`MAX_FREQ`] and the tag up to five ASCII letters; blank
/// lines and `#` comments are skipped. Entries come back in file order.
/// Every malformed line is reported with its number (as
/// [`LexiconError`]s in line order, several per line possible); nothing is
/// half-loaded. `file` names the text in those errors.
///
/// ```
/// use cijing_engine::text::lexicon::parse_user_dict;
///
/// let ok = "# domain words\n上合组织 100 nt\n中亚峰会 nz\n\n数字丝路\n";
/// let entries = parse_user_dict(ok, "my_words.txt").unwrap();
/// let read: Vec<_> = entries.iter().map(|e| (e.word.as_str(), e.freq, e.pos.as_deref(), e.line)).collect();
/// assert_eq!(read, [("上合组织", Some(100), Some("nt"), 2), ("中亚峰会", None, Some("nz"), 3), ("数字丝路", None, None, 5)]);
///
/// // Line 2 has a space inside the word, so four fields: the whole file is refused.
/// let bad = "上合组织 100 nt\n人类命运 共同体 5 n\n";
/// let errors = parse_user_dict(bad, "my_words.txt").unwrap_err();
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].line, 2);
/// assert!(errors[0].to_string().starts_with("my_words.txt line 2: expected `word [freq] [pos]`, found 4 fields"));
/// ```
pub fn parse_user_dict(text: &str, file: &str) -> Result<Vec<DictEntry>, Vec<LexiconError>> {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (line, content) in content_lines(text) {
        let err = |message: String| LexiconError { file: file.to_string(), line, message };
        let fields: Vec<&str> = content.split_whitespace().collect();
        if fields.len() > 3 {
            errors.push(err(format!(
                "expected `word [freq] [pos]`, found {} fields in \"{content}\" (a word cannot contain spaces)",
                fields.len()
            )));
            continue;
        }
        let word = fields[0];
        let mut freq = None;
        let mut pos = None;
        for field in &fields[1..] {
            if field.chars().all(|c| c.is_ascii_digit()) {
                if freq.is_some() || pos.is_some() {
                    errors.push(err(format!(
                        "\"{field}\": the frequency comes right after the word"
                    )));
                }
                match field.parse::<usize>() {
                    Ok(f) if f <= MAX_FREQ => freq = Some(f),
                    _ => errors.push(err(format!(
                        "frequency \"{field}\" is too large: at most {MAX_FREQ}"
                    ))),
                }
            } else if field.chars().all(|c| c.is_ascii_alphabetic()) && field.len() <= 5 {
                if pos.is_some() {
                    errors.push(err(format!("two part-of-speech tags in \"{content}\"")));
                }
                pos = Some(field.to_string());
            } else {
                errors.push(err(format!(
                    "\"{field}\" is neither a frequency (a whole number) nor a part-of-speech tag (letters, like n, nr, ns)"
                )));
            }
        }
        entries.push(DictEntry { word: word.to_string(), freq, pos, line });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// Parses a word list (stopwords): one word per line, trimmed, in file
/// order; blank lines and `#` comments are skipped. Never fails.
///
/// ```
/// use cijing_engine::text::lexicon::parse_word_list;
/// assert_eq!(parse_word_list("的\n# particles\n了  # aspect\n\n和\n"), ["的", "了", "和"]);
/// ```
pub fn parse_word_list(text: &str) -> Vec<String> {
    content_lines(text).map(|(_, word)| word.to_string()).collect()
}

/// Tells whether a word is a stopword: a segmenter (its loaded list) or a
/// plain set of words.
pub trait StopwordList {
    /// Is `word` on the list?
    fn is_stopword(&self, word: &str) -> bool;
}

impl StopwordList for std::collections::HashSet<String> {
    fn is_stopword(&self, word: &str) -> bool {
        self.contains(word)
    }
}
