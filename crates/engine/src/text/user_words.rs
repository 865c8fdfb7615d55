//! The user's own dictionary words: checked, carried in a link (`uw=`),
//! kept in the browser, and read from or written to jieba's user-dictionary
//! format (`word [freq] [pos]` a line).

use crate::text::lexicon::{content_lines, parse_user_dict, DictEntry};
use serde::{Deserialize, Serialize};

/// The most words a user dictionary holds (a link carries them all).
pub const MAX_USER_WORDS: usize = 500;
/// The longest word, in characters.
pub const MAX_WORD_CHARS: usize = 20;

/// One word the user added, with an optional part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserWord {
    /// The word, trimmed, without white space.
    pub word: String,
    /// A jieba tag (`n`, `nz`, `ns`, …); `None` keeps jieba's own or none.
    pub pos: Option<String>,
}

impl UserWord {
    /// A checked word: 1 to [`MAX_WORD_CHARS`] characters with at least one
    /// letter or Han character, no white space, control character or
    /// `, / #`; a tag of 1 to 5 ASCII letters.
    ///
    /// ```
    /// use cijing_engine::text::user_words::UserWord;
    /// assert_eq!(UserWord::new(" 中吉乌铁路 ", Some("nz")).unwrap().word, "中吉乌铁路");
    /// assert!(UserWord::new("中吉 乌铁路", None).unwrap_err().contains("white space"));
    /// assert!(UserWord::new("，。", None).unwrap_err().contains("no letter"));
    /// assert!(UserWord::new("数字丝路", Some("n1")).unwrap_err().contains("tag"));
    /// ```
    pub fn new(word: &str, pos: Option<&str>) -> Result<UserWord, String> {
        let word = word.trim();
        let n = word.chars().count();
        if n == 0 {
            return Err("the word is empty".into());
        }
        if n > MAX_WORD_CHARS {
            return Err(format!("\"{word}\" is {n} characters long: at most {MAX_WORD_CHARS}"));
        }
        if word.chars().any(char::is_whitespace) {
            return Err(format!("\"{word}\" holds white space: a word cannot"));
        }
        if let Some(c) = word.chars().find(|c| c.is_control() || matches!(c, ',' | '/' | '#')) {
            return Err(format!("\"{word}\" holds {c:?}, which a word cannot"));
        }
        if !word.chars().any(char::is_alphanumeric) {
            return Err(format!("\"{word}\" has no letter or character"));
        }
        let pos = match pos.map(str::trim).filter(|p| !p.is_empty()) {
            None => None,
            Some(p) if p.len() <= 5 && p.chars().all(|c| c.is_ascii_alphabetic()) => {
                Some(p.to_string())
            }
            Some(p) => {
                return Err(format!(
                    "\"{p}\" is not a part-of-speech tag (1 to 5 letters, like n, nz, ns)"
                ))
            }
        };
        Ok(UserWord { word: word.to_string(), pos })
    }

    /// The entry jieba's `add_words` takes.
    pub fn entry(&self, line: usize) -> DictEntry {
        DictEntry { word: self.word.clone(), freq: None, pos: self.pos.clone(), line }
    }
}

/// Adds `word`, or replaces the tag of the same word already there; the
/// list stays sorted. Refused past [`MAX_USER_WORDS`].
pub fn add_word(words: &mut Vec<UserWord>, word: UserWord) -> Result<(), String> {
    match words.binary_search_by(|w| w.word.cmp(&word.word)) {
        Ok(i) => words[i] = word,
        Err(_) if words.len() >= MAX_USER_WORDS => {
            return Err(format!("the dictionary holds {MAX_USER_WORDS} words, its most"))
        }
        Err(i) => words.insert(i, word),
    }
    Ok(())
}

/// The words as a link carries them: `word/pos,word`, in order.
///
/// ```
/// use cijing_engine::text::user_words::{decode_user_words, encode_user_words, UserWord};
/// let words = vec![UserWord::new("中吉乌铁路", Some("nz")).unwrap(), UserWord::new("数字丝路", None).unwrap()];
/// assert_eq!(encode_user_words(&words), "中吉乌铁路/nz,数字丝路");
/// assert_eq!(decode_user_words("中吉乌铁路/nz,数字丝路"), (words, vec![]));
/// ```
pub fn encode_user_words(words: &[UserWord]) -> String {
    words
        .iter()
        .map(|w| match &w.pos {
            Some(p) => format!("{}/{p}", w.word),
            None => w.word.clone(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads words as [`encode_user_words`] writes them: sorted, one entry a
/// word (a repeated word keeps its last tag), at most [`MAX_USER_WORDS`].
/// Each word that cannot be read is left out with a note naming it.
///
/// ```
/// use cijing_engine::text::user_words::decode_user_words;
/// let (words, notes) = decode_user_words("数字丝路,,中 亚/n,上合/n/x,数字丝路/nz");
/// assert_eq!(words.len(), 1);
/// assert_eq!((words[0].word.as_str(), words[0].pos.as_deref()), ("数字丝路", Some("nz")));
/// assert_eq!(notes.len(), 2);
/// ```
pub fn decode_user_words(text: &str) -> (Vec<UserWord>, Vec<String>) {
    let mut words = Vec::new();
    let mut notes = Vec::new();
    let mut over = 0usize;
    for item in text.split(',').filter(|s| !s.is_empty()) {
        let (word, pos) = match item.split_once('/') {
            Some((w, p)) => (w, Some(p)),
            None => (item, None),
        };
        match UserWord::new(word, pos) {
            Ok(w) => {
                if add_word(&mut words, w).is_err() {
                    over += 1;
                }
            }
            Err(e) => {
                if notes.len() < 20 {
                    notes.push(format!("user word ignored: {e}"));
                }
            }
        }
    }
    if over > 0 {
        notes.push(format!("{over} user words past the first {MAX_USER_WORDS} ignored"));
    }
    (words, notes)
}

/// Reads a jieba user dictionary (`word [freq] [pos]` a line) into words;
/// every line that cannot be read is named with its number, and then none
/// is taken. Frequencies are dropped (a user word is always cut whole).
///
/// ```
/// use cijing_engine::text::user_words::parse_user_words;
/// let words = parse_user_words("# mine\n中吉乌铁路 10 nz\n数字丝路\n", "words.txt").unwrap();
/// assert_eq!(words.len(), 2);
/// let errors = parse_user_words("中吉乌铁路 nz\n人类 命运 共同体 n\n，。\n", "words.txt").unwrap_err();
/// assert_eq!(errors, [
///     "words.txt line 2: expected `word [freq] [pos]`, found 4 fields in \"人类 命运 共同体 n\" (a word cannot contain spaces)",
///     "words.txt line 3: \"，。\" has no letter or character",
/// ]);
/// ```
pub fn parse_user_words(text: &str, file: &str) -> Result<Vec<UserWord>, Vec<String>> {
    let mut words = Vec::new();
    let mut errors = Vec::new();
    for (line, content) in content_lines(text) {
        // One line at a time, so every bad line is named.
        match parse_user_dict(content, file) {
            Ok(entries) => {
                for entry in entries {
                    if let Err(e) = UserWord::new(&entry.word, entry.pos.as_deref())
                        .and_then(|w| add_word(&mut words, w))
                    {
                        errors.push(format!("{file} line {line}: {e}"));
                    }
                }
            }
            Err(problems) => errors
                .extend(problems.into_iter().map(|p| format!("{file} line {line}: {}", p.message))),
        }
    }
    if errors.is_empty() {
        Ok(words)
    } else {
        Err(errors)
    }
}

/// The words as a jieba user dictionary, one `word [pos]` a line.
///
/// ```
/// use cijing_engine::text::user_words::{parse_user_words, to_user_dict, UserWord};
/// let words = vec![UserWord::new("中吉乌铁路", Some("nz")).unwrap(), UserWord::new("数字丝路", None).unwrap()];
/// let text = to_user_dict(&words);
/// assert!(text.ends_with("中吉乌铁路 nz\n数字丝路\n"));
/// assert_eq!(parse_user_words(&text, "x").unwrap(), words);
/// ```
pub fn to_user_dict(words: &[UserWord]) -> String {
    let mut text = String::from("# cijing user dictionary (jieba format: word [freq] [pos])\n");
    for w in words {
        text.push_str(&w.word);
        if let Some(p) = &w.pos {
            text.push(' ');
            text.push_str(p);
        }
        text.push('\n');
    }
    text
}
