//! Topics over paragraphs: each paragraph's score per topic (keyword hits in
//! its text, longest keyword first), the include (any / all) and exclude
//! filters that every statistic's selection obeys (through
//! [`TopicMembership`]), each topic's share of each document for the
//! overview, and checks on topics a user makes.

use crate::corpus::selection::{SelectError, Selection, TopicFilter, TopicMatch, TopicMembership};
use crate::corpus::Corpus;
pub use crate::statistics::topic_file::Topic;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::fmt;

/// Keyword hits of each topic in each paragraph, from [`score_corpus`];
/// the [`TopicMembership`] that [`select`](crate::corpus::selection::select) asks.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicScores {
    /// The topics scored, in the order given; a *topic index* is a position here.
    pub topics: Vec<Topic>,
    /// `scores[paragraph][topic]`, global paragraph ids.
    pub scores: Vec<Vec<u32>>,
}

/// Finds keywords in text, longest first at each position. Matches the
/// raw text, not tokens: a keyword is found inside a longer word too.
///
/// ```
/// use cijing_engine::statistics::topics::KeywordMatcher;
/// let keywords = ["合作".to_string(), "上海合作组织".to_string(), "上合组织".to_string()];
/// let matcher = KeywordMatcher::new(&keywords);
/// // 上海合作组织 wins over the 合作 inside it; 上合组织 starts at byte 21.
/// assert_eq!(matcher.hits("上海合作组织和上合组织"), [(0, "上海合作组织"), (21, "上合组织")]);
/// assert_eq!(matcher.count("经贸合作"), 1);
/// ```
pub struct KeywordMatcher {
    by_first: HashMap<char, Vec<String>>,
}

impl KeywordMatcher {
    /// A matcher for these keywords (duplicates and empty strings ignored).
    pub fn new(keywords: &[String]) -> KeywordMatcher {
        let mut by_first: HashMap<char, Vec<String>> = HashMap::default();
        for k in keywords {
            if let Some(c) = k.chars().next() {
                by_first.entry(c).or_default().push(k.clone());
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            list.dedup();
        }
        KeywordMatcher { by_first }
    }

    /// Each hit as (byte offset, keyword), scanning left to right; a hit is
    /// skipped over, so overlapping keywords count once.
    pub fn hits<'a>(&'a self, text: &str) -> Vec<(usize, &'a str)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            let found = self
                .by_first
                .get(&c)
                .and_then(|list| list.iter().find(|k| text[i..].starts_with(k.as_str())));
            match found {
                Some(k) => {
                    out.push((i, k.as_str()));
                    i += k.len();
                }
                None => i += c.len_utf8(),
            }
        }
        out
    }

    /// The number of [`hits`](KeywordMatcher::hits) in `text`.
    pub fn count(&self, text: &str) -> u32 {
        self.hits(text).len() as u32
    }
}

/// Scores every paragraph of the corpus for every topic: keyword hits in
/// its text, as [`KeywordMatcher`] counts them. Selections do not change
/// the scores: score once per corpus and topic list.
pub fn score_corpus(corpus: &Corpus, topics: &[Topic]) -> TopicScores {
    let matcher = TopicMatcher::new(topics);
    let scores = corpus
        .index
        .paragraphs
        .iter()
        .map(|place| {
            matcher.counts(&corpus.docs[place.doc as usize].paragraphs[place.para as usize].text)
        })
        .collect();
    TopicScores { topics: topics.to_vec(), scores }
}

/// Every topic's [`KeywordMatcher`] count in one pass over a text: one
/// lookup a character for all topics, not one a topic (a 10 MB corpus
/// scored in a tenth of the time).
///
/// ```
/// use cijing_engine::statistics::topics::{KeywordMatcher, TopicMatcher};
/// use cijing_engine::statistics::topic_file::Topic;
/// let topic = |keywords: &[&str]| Topic {
///     id: "t".into(), zh: "题".into(), en: "T".into(), color: "#000000".into(),
///     keywords: keywords.iter().map(|k| k.to_string()).collect(), user: false,
/// };
/// let topics = [topic(&["合作", "上海合作组织"]), topic(&["合作组织", "组织"])];
/// let text = "上海合作组织的合作";
/// // Each topic as if alone: the first counts 上海合作组织 and 合作, the
/// // second 合作组织 (inside 上海合作组织: hits are in the raw text).
/// assert_eq!(TopicMatcher::new(&topics).counts(text), [2, 1]);
/// assert_eq!(KeywordMatcher::new(&topics[1].keywords).count(text), 1);
/// ```
pub struct TopicMatcher {
    /// For a first character: each topic with keywords starting with it,
    /// and those keywords, longest first.
    by_first: HashMap<char, Vec<(usize, Vec<String>)>>,
    topics: usize,
}

impl TopicMatcher {
    /// A matcher for these topics' keywords.
    pub fn new(topics: &[Topic]) -> TopicMatcher {
        let mut by_first: HashMap<char, Vec<(usize, Vec<String>)>> = HashMap::default();
        for (t, topic) in topics.iter().enumerate() {
            for (c, keywords) in KeywordMatcher::new(&topic.keywords).by_first {
                by_first.entry(c).or_default().push((t, keywords));
            }
        }
        TopicMatcher { by_first, topics: topics.len() }
    }

    /// Each topic's hits in `text`, as [`KeywordMatcher::count`] counts
    /// them: left to right, longest keyword first, a hit skipped over.
    pub fn counts(&self, text: &str) -> Vec<u32> {
        let mut counts = vec![0; self.topics];
        // Where each topic's scan may next match (past its last hit).
        let mut free = vec![0; self.topics];
        for (i, c) in text.char_indices() {
            let Some(entries) = self.by_first.get(&c) else {
                continue;
            };
            for (t, keywords) in entries {
                if free[*t] > i {
                    continue;
                }
                if let Some(k) = keywords.iter().find(|k| text[i..].starts_with(k.as_str())) {
                    counts[*t] += 1;
                    free[*t] = i + k.len();
                }
            }
        }
        counts
    }
}

impl TopicScores {
    /// The index of the topic with this id, or `None`.
    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// Indexes of the topics the paragraph with this global id belongs to
    /// (at least `threshold` hits; 0 counts as 1), ascending; empty for an
    /// id past the corpus.
    pub fn topics_of(&self, para: usize, threshold: u32) -> Vec<usize> {
        self.scores
            .get(para)
            .map_or(Vec::new(), |s| (0..s.len()).filter(|&t| s[t] >= threshold.max(1)).collect())
    }

    /// The paragraphs a topic filter keeps: with no topic included, all
    /// but the excluded ones. Unknown topic ids are
    /// [`SelectError::UnknownTopic`] errors.
    pub fn filter(&self, f: &TopicFilter) -> Result<Selection, SelectError> {
        let resolve = |ids: &[String]| -> Result<Vec<usize>, SelectError> {
            ids.iter()
                .map(|id| {
                    self.topic_index(id).ok_or_else(|| SelectError::UnknownTopic {
                        id: id.clone(),
                        known: self.topics.iter().map(|t| t.id.clone()).collect(),
                    })
                })
                .collect()
        };
        let include = resolve(&f.include)?;
        let exclude = resolve(&f.exclude)?;
        let thr = f.threshold.max(1);
        let paragraphs = self
            .scores
            .iter()
            .map(|s| {
                let inc = include.is_empty()
                    || match f.matching {
                        TopicMatch::All => include.iter().all(|&t| s[t] >= thr),
                        TopicMatch::Any => include.iter().any(|&t| s[t] >= thr),
                    };
                inc && !exclude.iter().any(|&t| s[t] >= thr)
            })
            .collect();
        Ok(Selection { paragraphs })
    }
}

impl TopicMembership for TopicScores {
    fn paragraphs(&self, filter: &TopicFilter) -> Result<Selection, SelectError> {
        self.filter(filter)
    }
}

/// One cell of the overview: a topic's share of a document's selected paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicShare {
    /// The document's id.
    pub doc: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: String,
    /// The topic's id.
    pub topic: String,
    /// Selected paragraphs of the document that belong to the topic.
    pub paragraphs: usize,
    /// Selected paragraphs of the document.
    pub of: usize,
    /// `paragraphs / of`, 0 to 1.
    pub share: f64,
}

/// Each topic's share of each document of the selection, documents in
/// date order, topics in their order: one cell per document and topic. A
/// paragraph belongs to a topic with at least `threshold` hits (0 counts
/// as 1). `scores` must be of this corpus.
pub fn topic_shares(
    corpus: &Corpus,
    scores: &TopicScores,
    selection: &Selection,
    threshold: u32,
) -> Vec<TopicShare> {
    let docs = selection.docs_by_date(corpus);
    let mut out = Vec::new();
    for &d in &docs {
        let paras: Vec<usize> =
            corpus.index.doc_paragraphs(d).filter(|&p| selection.contains(p)).collect();
        for (t, topic) in scores.topics.iter().enumerate() {
            let n = paras.iter().filter(|&&p| scores.scores[p][t] >= threshold.max(1)).count();
            out.push(TopicShare {
                doc: corpus.docs[d].info.id.clone(),
                date: corpus.docs[d].info.date.to_string(),
                topic: topic.id.clone(),
                paragraphs: n,
                of: paras.len(),
                share: if paras.is_empty() { 0.0 } else { n as f64 / paras.len() as f64 },
            });
        }
    }
    out
}

/// Keywords of a topic that never occur in the corpus's paragraph text
/// (meta lines not searched), in the topic's order: likely typos.
pub fn missing_keywords(corpus: &Corpus, topic: &Topic) -> Vec<String> {
    topic
        .keywords
        .iter()
        .filter(|k| {
            !corpus.docs.iter().flat_map(|d| &d.paragraphs).any(|p| p.text.contains(k.as_str()))
        })
        .cloned()
        .collect()
}

/// At most this many topics a user made (in the page, a link or the saved
/// copy): the shipped list has 11, and each topic is matched against every
/// paragraph.
pub const MAX_USER_TOPICS: usize = 50;
/// At most this many keywords in a topic a user made (the shipped topics
/// have at most 26).
pub const MAX_KEYWORDS: usize = 100;
/// At most this many characters in a user topic's name.
pub const MAX_TOPIC_NAME_CHARS: usize = 40;
/// At most this many characters in a keyword: twice the longest entry of
/// the domain dictionary (中－塔－阿富汗北部经济交通走廊, 15).
pub const MAX_KEYWORD_CHARS: usize = 30;

/// Why a topic a user made was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicError {
    /// The name is empty (or only white space).
    NoName,
    /// The name has a character the link format reserves (`~ ; |`) or a
    /// control character.
    ReservedCharacter,
    /// The name is longer than [`MAX_TOPIC_NAME_CHARS`].
    NameTooLong,
    /// Another topic has this name, in Chinese or English.
    DuplicateName(String),
    /// No keyword was given.
    NoKeywords,
    /// More than [`MAX_KEYWORDS`] different keywords.
    TooManyKeywords,
    /// A keyword longer than [`MAX_KEYWORD_CHARS`] (its start, ending `…`).
    KeywordTooLong(String),
    /// There are already [`MAX_USER_TOPICS`] user topics.
    TooManyTopics,
}

impl fmt::Display for TopicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopicError::NoName => f.write_str("a topic needs a name"),
            TopicError::ReservedCharacter => {
                f.write_str("a topic name cannot contain ~ ; | or control characters")
            }
            TopicError::NameTooLong => {
                write!(f, "a topic name can have at most {MAX_TOPIC_NAME_CHARS} characters")
            }
            TopicError::DuplicateName(name) => write!(f, "a topic named \"{name}\" already exists"),
            TopicError::NoKeywords => f.write_str("a topic needs at least one keyword"),
            TopicError::TooManyKeywords => {
                write!(f, "a topic can have at most {MAX_KEYWORDS} keywords")
            }
            TopicError::KeywordTooLong(start) => {
                write!(
                    f,
                    "the keyword \"{start}\" is too long: a keyword can have at most {MAX_KEYWORD_CHARS} characters"
                )
            }
            TopicError::TooManyTopics => {
                write!(f, "you can have at most {MAX_USER_TOPICS} topics of your own")
            }
        }
    }
}

impl std::error::Error for TopicError {}

/// The first `n` characters of `s`, with `…` when something was cut.
pub fn shorten(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// Checks a topic a user made against the others: a name, keywords, and a
/// name no other topic has. Returns the topic with its id (`u-` + eight hex
/// digits hashed from the name) or what is wrong. `editing` is the id of
/// the topic being edited, which may keep its own name and keeps its id.
/// Keywords are split at white space, commas (`,` `，`), `、`, `|`, `;`
/// and `~`, and each kept once. The name serves as both `zh` and `en`.
/// A new topic is refused when `others` already holds
/// [`MAX_USER_TOPICS`] user topics.
///
/// ```
/// use cijing_engine::statistics::topics::{user_topic, TopicError};
/// let energy = user_topic(" 能源 ", "能源，石油 天然气、石油", &[], None).unwrap();
/// assert_eq!((energy.zh.as_str(), energy.keywords.clone()), ("能源", vec!["能源".to_string(), "石油".into(), "天然气".into()]));
/// assert!(energy.id.starts_with("u-") && energy.user);
/// let others = [energy];
/// assert_eq!(user_topic("能源", "煤炭", &others, None), Err(TopicError::DuplicateName("能源".into())));
/// assert_eq!(user_topic("能源", "煤炭", &others, Some(&others[0].id)).unwrap().id, others[0].id);
/// ```
pub fn user_topic(
    name: &str,
    keywords: &str,
    others: &[Topic],
    editing: Option<&str>,
) -> Result<Topic, TopicError> {
    if editing.is_none() && others.iter().filter(|t| t.user).count() >= MAX_USER_TOPICS {
        return Err(TopicError::TooManyTopics);
    }
    let taken = |name: &str| {
        others.iter().any(|t| Some(t.id.as_str()) != editing && (t.zh == name || t.en == name))
    };
    user_topic_with(name, keywords, taken, editing)
}

/// [`user_topic`] with the name check given as a function (`taken(name)`:
/// does another topic have this name?), for checking many topics in a row
/// against a set of names. Does not count topics: the caller keeps to
/// [`MAX_USER_TOPICS`]. Time is linear in the length of the text.
pub fn user_topic_with(
    name: &str,
    keywords: &str,
    taken: impl Fn(&str) -> bool,
    editing: Option<&str>,
) -> Result<Topic, TopicError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TopicError::NoName);
    }
    if name.contains(['~', ';', '|']) || name.contains(char::is_control) {
        return Err(TopicError::ReservedCharacter);
    }
    if name.chars().nth(MAX_TOPIC_NAME_CHARS).is_some() {
        return Err(TopicError::NameTooLong);
    }
    if taken(name) {
        return Err(TopicError::DuplicateName(name.to_string()));
    }
    let mut words: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::default();
    for w in keywords.split(|c: char| {
        c.is_whitespace()
            || c.is_control()
            || c == ','
            || c == '，'
            || c == '、'
            || c == '|'
            || c == ';'
            || c == '~'
    }) {
        let w = w.trim();
        if w.is_empty() || !seen.insert(w) {
            continue;
        }
        if w.chars().nth(MAX_KEYWORD_CHARS).is_some() {
            return Err(TopicError::KeywordTooLong(shorten(w, 10)));
        }
        if words.len() == MAX_KEYWORDS {
            return Err(TopicError::TooManyKeywords);
        }
        words.push(w.to_string());
    }
    if words.is_empty() {
        return Err(TopicError::NoKeywords);
    }
    let hash =
        name.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let id = editing.map(str::to_string).unwrap_or_else(|| format!("u-{:08x}", hash as u32));
    Ok(Topic {
        id,
        zh: name.to_string(),
        en: name.to_string(),
        color: "#3d4a5c".into(),
        keywords: words,
        user: true,
    })
}
