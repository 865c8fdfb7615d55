//! Lexicon files as plain, reviewable text: jieba user dictionaries
//! (`word [freq] [pos]`), word lists (stopwords) and the line reading they
//! share. Every malformed line is reported with its number.

use std::fmt;

/// A line of a dictionary file.
#[derive(Debug, Clone, PartialEq)]
pub struct DictEntry {
    pub word: String,
    pub freq: Option<usize>,
    pub pos: Option<String>,
    pub line: usize,
}

/// A problem in a dictionary or word-list file, with its 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
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

/// Parses a jieba user dictionary: one `word [freq] [pos]` per line; blank
/// lines and lines starting with `#` are skipped. Every malformed line is
/// reported with its number; nothing is half-loaded.
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
                    errors.push(err(format!("\"{field}\": the frequency comes right after the word")));
                }
                match field.parse::<usize>() {
                    Ok(f) => freq = Some(f),
                    Err(_) => errors.push(err(format!("frequency \"{field}\" is too large"))),
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

/// Parses a word list: one word per line, `#` starts a comment.
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
