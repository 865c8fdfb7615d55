//! What a user searches for, resolved against the corpus vocabulary: the
//! query language. Concordance, collocates, clusters, trends and search
//! take a parsed [`Query`].
//!
//! Words separated by spaces are a phrase: a sequence of slots, each
//! matched by one token (white-space tokens in between are skipped). Each
//! word of a query is one of:
//!
//! - a word of the corpus (`合作`), with `--aliases` any spelling of its
//!   alias group; text with no spaces that is no word of the corpus is
//!   segmented into a phrase (`能源合作` → `能源 合作`);
//! - a wildcard over words: `*` stands for any characters, none included
//!   (`合作*` words starting with 合作, 合作 itself included; `*合作` ending;
//!   `*合作*` containing);
//! - a regular expression over words between slashes (`/^合作.$/`), found
//!   anywhere in the word unless anchored (Rust `regex` syntax, compiled
//!   size bounded);
//! - a part-of-speech class, by its name (`noun`, `verb`, … see
//!   [`PosClass`]) or a jieba tag (`n`, `v`, `vn`, `a`, `d`, `nr`, `ns`,
//!   `nt`, `nz`, `i`, `l`, `j`, …): any word token so tagged (`n 合作`, a
//!   noun followed by 合作).
//!
//! Wildcards, regular expressions and classes expand to the matching words
//! of the vocabulary (word tokens only, never punctuation or numbers), so
//! they work wherever a word does.
//!
//! A query in double quotes (`"合作"`, or `“合作”`) is a plain substring
//! search over the paragraphs' raw text, whatever the word boundaries: a
//! hit covers the tokens it overlaps. Substrings are found left to right
//! without overlapping.

use crate::corpus::{Corpus, TermId};
use crate::text::document::Token;
use crate::text::pos::PosClass;
use crate::text::segment::{Segmenter, TokenKind};

/// The largest compiled size of a `/regex/` (bytes of regex-lite's
/// program): enough for any pattern a person types, small enough that a
/// pathological one is refused, not run. regex-lite (not regex) keeps the
/// page's wasm ~200 KiB brotli lighter; its classes `\w \d \s` are ASCII
/// only, and `.` or `[合作]` match any character.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// jieba tags accepted as a part-of-speech word of a query, beside the
/// class names ([`PosClass::name`]); each stands for its class.
pub const POS_TAGS: [&str; 23] = [
    "n", "ng", "nl", "nr", "nrfg", "nrt", "ns", "nt", "nz", "v", "vn", "vd", "vg", "a", "ad", "an",
    "ag", "d", "dg", "i", "l", "j", "x",
];

/// Why a query finds nothing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing but white space was typed.
    Empty,
    /// A word of the query (as typed, or as the segmenter cut it) never
    /// occurs in the corpus; or a quoted substring never occurs in its text.
    NotInCorpus(String),
    /// More than [`MAX_QUERY_WORDS`] words.
    TooLong,
    /// A wildcard, regular expression or quoted substring with nothing to
    /// look for (`*`, `//`, `""`), as typed.
    EmptyPattern(String),
    /// A `/regex/` that does not compile (bad syntax, or larger than
    /// [`REGEX_SIZE_LIMIT`]): the pattern and the regex crate's message.
    BadRegex {
        /// The pattern between the slashes.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// A wildcard, regular expression or part-of-speech class that no word
    /// of the corpus matches, as typed.
    NoMatch(String),
}

/// At most this many words in a search term (n-grams have at most five):
/// with merged aliases each word is looked up across the vocabulary.
pub const MAX_QUERY_WORDS: usize = 32;

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Empty => f.write_str("the search term is empty"),
            QueryError::NotInCorpus(word) => write!(f, "\"{word}\" does not occur in the corpus"),
            QueryError::TooLong => {
                write!(f, "a search term can have at most {MAX_QUERY_WORDS} words")
            }
            QueryError::EmptyPattern(p) => {
                write!(f, "the pattern {p} is empty: give some characters to look for")
            }
            QueryError::BadRegex { pattern, message } => {
                let message = message.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").trim();
                write!(f, "the regular expression /{pattern}/ is not valid: {message}")
            }
            QueryError::NoMatch(p) => write!(f, "no word of the corpus matches {p}"),
        }
    }
}

impl std::error::Error for QueryError {}

/// One hit of a query in a paragraph: the tokens it covers and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the first token covered (all tokens of the paragraph).
    pub first: usize,
    /// One past the last token covered.
    pub last: usize,
    /// Byte offset of the hit's start in the paragraph text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A sequence of slots; a token matches a slot when its term is one of the
/// slot's terms (and, for a part-of-speech slot, its tag is of the class);
/// or a substring of the raw text. Made by [`Query::parse`] for one corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The query as typed, trimmed.
    pub text: String,
    /// For each word of the query, in order, the terms that match it (one,
    /// an alias group's, or every word a pattern matches), ascending; never
    /// empty after [`Query::parse`], except for a substring query, which
    /// has no slots.
    pub slots: Vec<Vec<TermId>>,
    /// For each slot, the part-of-speech class a token must be tagged with
    /// (a class word of the query), or `None`.
    pub pos: Vec<Option<PosClass>>,
    /// A quoted query: the substring looked for in the raw text.
    pub substring: Option<String>,
}

/// One word of a query, classified.
enum Word<'a> {
    Literal(&'a str),
    Wildcard(&'a str),
    Regex(&'a str),
    Pos(PosClass),
}

fn classify(word: &str, language: bool) -> Word<'_> {
    if !language {
        return Word::Literal(word);
    }
    if word.len() >= 2 && word.starts_with('/') && word.ends_with('/') {
        return Word::Regex(&word[1..word.len() - 1]);
    }
    if word.contains('*') {
        return Word::Wildcard(word);
    }
    if let Ok(class) = PosClass::parse(word) {
        return Word::Pos(class);
    }
    if POS_TAGS.contains(&word) {
        return Word::Pos(PosClass::of_tag(word));
    }
    Word::Literal(word)
}

/// The inside of `"…"` or `“…”`, if `text` is so quoted.
fn unquote(text: &str) -> Option<&str> {
    for (open, close) in [('"', '"'), ('“', '”')] {
        if text.len() >= open.len_utf8() + close.len_utf8() {
            if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
                return Some(inner);
            }
        }
    }
    None
}

/// The word terms (never punctuation, numbers or space) whose text `keep` accepts, ascending.
fn words_where(corpus: &Corpus, keep: impl Fn(&str) -> bool) -> Vec<TermId> {
    (0..corpus.vocab.len() as TermId)
        .filter(|&t| {
            let info = corpus.vocab.term(t);
            info.kind == TokenKind::Word && keep(&info.text)
        })
        .collect()
}

fn build_regex(pattern: &str) -> Result<regex_lite::Regex, QueryError> {
    regex_lite::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| QueryError::BadRegex { pattern: pattern.to_string(), message: e.to_string() })
}

impl Query {
    /// Resolves `text` in the query language of the module doc: words
    /// separated by spaces are a phrase; a single word the corpus knows is
    /// that term; a wildcard, a `/regex/` or a part-of-speech class expands
    /// to the words it matches; a quoted query is a substring; any other
    /// text is segmented with `segmenter` and the corpus's options
    /// (white-space tokens dropped) and becomes a phrase of its tokens.
    /// With `merge_aliases` each word also matches every term of its alias
    /// group. A query with a word the corpus never uses, or a pattern no
    /// word matches, is an error that names it; an empty query is
    /// [`QueryError::Empty`], an empty pattern [`QueryError::EmptyPattern`]
    /// and a bad regular expression [`QueryError::BadRegex`].
    ///
    /// ```
    /// use cijing_engine::corpus::query::{Query, QueryError};
    /// # use cijing_engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing_seeds::segmenter();
    /// # let corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
    /// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
    /// # ], &segmenter, Default::default());
    /// // `corpus`: the two documents of the crate example; its first paragraph
    /// // is 中国 和 哈萨克斯坦 加强 能源 合作 。
    /// let phrase = Query::parse(&corpus, &segmenter, "能源 合作", false)?;
    /// assert_eq!(phrase.slots.len(), 2);
    /// // 能源合作 is no term of the corpus, so it is segmented: the same phrase.
    /// let joined = Query::parse(&corpus, &segmenter, "能源合作", false)?;
    /// assert_eq!((joined.text.as_str(), &joined.slots), ("能源合作", &phrase.slots));
    ///
    /// // Where it can match (能源 occurs in paragraphs 0 and 1), and where it does.
    /// assert_eq!(joined.candidate_paragraphs(&corpus), [0, 1]);
    /// let terms: Vec<_> = corpus.paragraph(0).tokens.iter().map(|t| t.term).collect();
    /// assert_eq!(joined.matches(&corpus, &terms), [(4, 6)]);
    ///
    /// assert_eq!(Query::parse(&corpus, &segmenter, "太空", false), Err(QueryError::NotInCorpus("太空".into())));
    /// assert_eq!(Query::parse(&corpus, &segmenter, "  ", false), Err(QueryError::Empty));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(
        corpus: &Corpus,
        segmenter: &Segmenter,
        text: &str,
        merge_aliases: bool,
    ) -> Result<Query, QueryError> {
        Query::resolve(corpus, text, merge_aliases, true, |text| {
            segmenter
                .segment(text, corpus.options)
                .iter()
                .map(|t| text[t.start..t.end].to_string())
                .filter(|w| TokenKind::of(w) != TokenKind::Space)
                .collect()
        })
    }

    /// Resolves `text` like [`Query::parse`] but without a segmenter (the
    /// page before jieba's dictionary is loaded): text with no spaces that
    /// is no term of the corpus is cut into the longest corpus terms, left
    /// to right (at most 16 characters a term). The rest of the query
    /// language is the same as [`Query::parse`]'s: wildcards, `/regex/`,
    /// part-of-speech classes and quoted substrings (the page's search box
    /// and term selection; highlight with [`Query::hits`]).
    ///
    /// ```
    /// use cijing_engine::corpus::query::{Query, QueryError};
    /// # use cijing_engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing_seeds::segmenter();
    /// # let corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["中国和哈萨克斯坦加强能源合作。"]),
    /// # ], &segmenter, Default::default());
    /// // The corpus's terms include 能源 and 合作, not 能源合作.
    /// let q = Query::parse_known(&corpus, "能源合作", false)?;
    /// assert_eq!(q.slots, Query::parse(&corpus, &segmenter, "能源 合作", false)?.slots);
    /// // An error names the whole run of characters no word of the corpus starts at.
    /// assert_eq!(Query::parse_known(&corpus, "能源太空", false), Err(QueryError::NotInCorpus("太空".into())));
    /// assert_eq!(Query::parse_known(&corpus, "太空合作", false), Err(QueryError::NotInCorpus("太空".into())));
    /// assert_eq!(Query::parse_known(&corpus, "hello", false), Err(QueryError::NotInCorpus("hello".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_known(
        corpus: &Corpus,
        text: &str,
        merge_aliases: bool,
    ) -> Result<Query, QueryError> {
        let mut unknown = None;
        let query = Query::resolve(corpus, text, merge_aliases, true, |text| {
            let bounds: Vec<usize> =
                text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
            // The end (a char index) of the longest word of the corpus that
            // starts at char `i`, up to 16 characters long.
            let word_end = |i: usize| {
                (i + 1..bounds.len().min(i + 17))
                    .rev()
                    .find(|&j| corpus.vocab.id(&text[bounds[i]..bounds[j]]).is_some())
            };
            let chars = bounds.len() - 1;
            let mut words = Vec::new();
            let mut i = 0;
            while i < chars {
                match word_end(i) {
                    Some(j) => {
                        words.push(text[bounds[i]..bounds[j]].to_string());
                        i = j;
                    }
                    None => {
                        // The whole run of characters no word starts at.
                        let run_end =
                            (i + 1..chars).find(|&k| word_end(k).is_some()).unwrap_or(chars);
                        unknown = Some(text[bounds[i]..bounds[run_end]].to_string());
                        return Vec::new();
                    }
                }
            }
            words
        });
        match unknown {
            Some(word) => Err(QueryError::NotInCorpus(word)),
            None => query,
        }
    }

    /// Does `text` use the query language beyond plain words: a quoted
    /// substring, a wildcard, a `/regex/` or a part-of-speech class?
    ///
    /// ```
    /// use cijing_engine::corpus::query::Query;
    /// assert!(Query::uses_language("合作*") && Query::uses_language("/^合作/") && Query::uses_language("n 合作") && Query::uses_language("\"合作\""));
    /// assert!(!Query::uses_language("深化 合作"));
    /// ```
    pub fn uses_language(text: &str) -> bool {
        let text = text.trim();
        unquote(text).is_some_and(|inner| !inner.is_empty())
            || text.split_whitespace().any(|w| !matches!(classify(w, true), Word::Literal(_)))
    }

    /// The shared part of parsing: a quoted query is a substring; spaces
    /// make a phrase; a known term is itself; patterns (when `language`)
    /// expand to words; anything else goes through `split`.
    fn resolve(
        corpus: &Corpus,
        text: &str,
        merge_aliases: bool,
        language: bool,
        split: impl FnOnce(&str) -> Vec<String>,
    ) -> Result<Query, QueryError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(QueryError::Empty);
        }
        if let Some(inner) = unquote(text).filter(|_| language) {
            if inner.is_empty() {
                return Err(QueryError::EmptyPattern(text.to_string()));
            }
            let query = Query {
                text: text.to_string(),
                slots: Vec::new(),
                pos: Vec::new(),
                substring: Some(inner.to_string()),
            };
            if query.candidate_paragraphs(corpus).is_empty() {
                return Err(QueryError::NotInCorpus(inner.to_string()));
            }
            return Ok(query);
        }
        let words: Vec<String> = if text.contains(char::is_whitespace) {
            text.split_whitespace().map(str::to_string).collect()
        } else if corpus.vocab.id(text).is_some()
            || !matches!(classify(text, language), Word::Literal(_))
        {
            vec![text.to_string()]
        } else {
            split(text)
        };
        if words.is_empty() {
            return Err(QueryError::NotInCorpus(text.to_string()));
        }
        if words.len() > MAX_QUERY_WORDS {
            return Err(QueryError::TooLong);
        }
        let mut classes: Option<Vec<Vec<PosClass>>> = None;
        let mut slots = Vec::new();
        let mut pos = Vec::new();
        for w in &words {
            let (terms, class) = match classify(w, language) {
                Word::Literal(w) => (
                    vec![corpus
                        .vocab
                        .id(w)
                        .ok_or_else(|| QueryError::NotInCorpus(w.to_string()))?],
                    None,
                ),
                Word::Wildcard(p) => {
                    let parts: Vec<&str> = p.split('*').collect();
                    if parts.iter().all(|part| part.is_empty()) {
                        return Err(QueryError::EmptyPattern(p.to_string()));
                    }
                    let escaped: Vec<String> =
                        parts.iter().map(|part| regex_lite::escape(part)).collect();
                    let re = build_regex(&format!("^{}$", escaped.join(".*")))?;
                    (words_where(corpus, |t| re.is_match(t)), None)
                }
                Word::Regex(p) => {
                    if p.is_empty() {
                        return Err(QueryError::EmptyPattern(w.clone()));
                    }
                    let re = build_regex(p)?;
                    (words_where(corpus, |t| re.is_match(t)), None)
                }
                Word::Pos(class) => {
                    let classes = classes.get_or_insert_with(|| term_classes(corpus));
                    let terms = words_where(corpus, |_| true)
                        .into_iter()
                        .filter(|&t| classes[t as usize].contains(&class))
                        .collect();
                    (terms, Some(class))
                }
            };
            if terms.is_empty() {
                return Err(QueryError::NoMatch(w.clone()));
            }
            let mut slot: Vec<TermId> = if merge_aliases {
                let mut head = vec![false; corpus.vocab.len()];
                terms.iter().for_each(|&t| head[corpus.count_as(t, true) as usize] = true);
                (0..corpus.vocab.len() as TermId)
                    .filter(|&t| head[corpus.count_as(t, true) as usize])
                    .collect()
            } else {
                terms
            };
            slot.sort_unstable();
            slot.dedup();
            slots.push(slot);
            pos.push(class);
        }
        Ok(Query { text: text.to_string(), slots, pos, substring: None })
    }

    /// Where the query matches in `terms` (the term ids of one paragraph's
    /// tokens, in order), skipping white-space tokens inside a phrase. Each
    /// match is (first token index, one past the last), in text order;
    /// matches of a phrase that repeats a word may overlap. This sees terms
    /// only: a part-of-speech slot matches any word ever so tagged, and a
    /// substring query matches nothing; [`Query::hits`] checks both.
    pub fn matches(&self, corpus: &Corpus, terms: &[TermId]) -> Vec<(usize, usize)> {
        self.find(corpus, terms, |_, _| true)
    }

    /// Token matches, with `tag_ok(slot, token index)` checking a token's tag.
    fn find(
        &self,
        corpus: &Corpus,
        terms: &[TermId],
        tag_ok: impl Fn(usize, usize) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let Some(first) = self.slots.first() else {
            return found;
        };
        for start in 0..terms.len() {
            if first.binary_search(&terms[start]).is_err() || !tag_ok(0, start) {
                continue;
            }
            let mut at = start + 1;
            let mut ok = true;
            for (s, slot) in self.slots.iter().enumerate().skip(1) {
                while at < terms.len() && corpus.vocab.term(terms[at]).kind == TokenKind::Space {
                    at += 1;
                }
                if at < terms.len() && slot.binary_search(&terms[at]).is_ok() && tag_ok(s, at) {
                    at += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok {
                found.push((start, at));
            }
        }
        found
    }

    /// Every hit of the query in the paragraph with global id `g`, in text
    /// order: token matches (part-of-speech slots checked against each
    /// token's tag), or for a substring query its occurrences in the text,
    /// each covering the tokens it overlaps.
    ///
    /// ```
    /// use cijing_engine::corpus::query::{Hit, Query};
    /// # use cijing_engine::corpus::{CleanDocument, Corpus};
    /// # let segmenter = cijing_seeds::segmenter();
    /// # let corpus = Corpus::from_documents(vec![
    /// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN"], &["上海合作组织深化合作。"]),
    /// # ], &segmenter, Default::default());
    /// // 上海合作组织 深化 合作 。: the word 合作 once, the substring twice.
    /// let word = Query::parse(&corpus, &segmenter, "合作", false)?;
    /// assert_eq!(word.hits(&corpus, 0), [Hit { first: 2, last: 3, start: 24, end: 30 }]);
    /// let substring = Query::parse(&corpus, &segmenter, "\"合作\"", false)?;
    /// assert_eq!(substring.hits(&corpus, 0), [Hit { first: 0, last: 1, start: 6, end: 12 }, Hit { first: 2, last: 3, start: 24, end: 30 }]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hits(&self, corpus: &Corpus, g: usize) -> Vec<Hit> {
        let para = corpus.paragraph(g);
        if let Some(needle) = &self.substring {
            return para
                .text
                .match_indices(needle.as_str())
                .filter_map(|(start, m)| {
                    let end = start + m.len();
                    let first = para.tokens.iter().position(|t| t.end as usize > start)?;
                    let last = para.tokens.iter().rposition(|t| (t.start as usize) < end)? + 1;
                    Some(Hit { first, last: last.max(first + 1), start, end })
                })
                .collect();
        }
        let terms: Vec<TermId> = para.tokens.iter().map(|t| t.term).collect();
        let tag_ok = |slot: usize, i: usize| match self.pos.get(slot).copied().flatten() {
            Some(class) => PosClass::of_tag(corpus.vocab.pos(para.tokens[i].pos)) == class,
            None => true,
        };
        self.find(corpus, &terms, tag_ok)
            .into_iter()
            .map(|(first, last)| Hit {
                first,
                last,
                start: para.tokens[first].start as usize,
                end: para.tokens[last - 1].end as usize,
            })
            .collect()
    }

    /// Global paragraph ids that may hold a match, ascending, each once:
    /// those where the first slot's terms occur (from the postings), or
    /// for a substring query those whose text contains it. Check them with
    /// [`Query::hits`].
    pub fn candidate_paragraphs(&self, corpus: &Corpus) -> Vec<usize> {
        if let Some(needle) = &self.substring {
            return (0..corpus.paragraph_count())
                .filter(|&g| corpus.paragraph(g).text.contains(needle.as_str()))
                .collect();
        }
        let mut paras: Vec<usize> = self
            .slots
            .first()
            .into_iter()
            .flatten()
            .flat_map(|&t| corpus.index.postings(t).iter().map(|p| p.para as usize))
            .collect();
        paras.sort_unstable();
        paras.dedup();
        paras
    }
}

/// For each term, the part-of-speech classes its tokens are tagged with
/// in the corpus (jieba tags a word by its dictionary entry, so mostly one).
fn term_classes(corpus: &Corpus) -> Vec<Vec<PosClass>> {
    let mut classes: Vec<Vec<PosClass>> = vec![Vec::new(); corpus.vocab.len()];
    let mut tag_class: Vec<Option<PosClass>> = Vec::new();
    for doc in &corpus.docs {
        for para in &doc.paragraphs {
            for t in &para.tokens {
                let Token { term, pos, .. } = *t;
                if tag_class.len() <= pos as usize {
                    tag_class.resize(pos as usize + 1, None);
                }
                let class = *tag_class[pos as usize]
                    .get_or_insert_with(|| PosClass::of_tag(corpus.vocab.pos(pos)));
                let list = &mut classes[term as usize];
                if !list.contains(&class) {
                    list.push(class);
                }
            }
        }
    }
    classes
}
