//! Topics over paragraphs: each paragraph's score per topic (keyword hits,
//! longest keyword first), the include (any / all) and exclude filters that
//! every statistic's selection obeys, and each topic's share of each
//! document for the overview.

use super::corpus::Corpus;
use super::selection::Selection;
pub use super::topic_file::Topic;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/builtin_topics.rs"));

/// The shipped topics (`seeds/topics.toml`, checked at build time).
pub fn builtin_topics() -> Vec<Topic> {
    builtin_topic_list()
}

/// Keyword hits of each topic in each paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicScores {
    pub topics: Vec<Topic>,
    /// `scores[paragraph][topic]`, global paragraph ids.
    pub scores: Vec<Vec<u32>>,
}

/// Which paragraphs the topic filter keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicFilter {
    /// Topic ids a paragraph must belong to (any of them, or all with `all`).
    pub include: Vec<String>,
    pub all: bool,
    /// Topic ids a paragraph must not belong to.
    pub exclude: Vec<String>,
    /// A paragraph belongs to a topic with at least this many keyword hits.
    pub threshold: u32,
}

impl Default for TopicFilter {
    fn default() -> Self {
        TopicFilter { include: Vec::new(), all: false, exclude: Vec::new(), threshold: 1 }
    }
}

impl TopicFilter {
    pub fn is_active(&self) -> bool {
        !self.include.is_empty() || !self.exclude.is_empty()
    }
}

/// Finds keywords in text, longest first at each position.
pub struct KeywordMatcher {
    by_first: HashMap<char, Vec<String>>,
}

impl KeywordMatcher {
    pub fn new(keywords: &[String]) -> KeywordMatcher {
        let mut by_first: HashMap<char, Vec<String>> = HashMap::new();
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
            let found = self.by_first.get(&c).and_then(|list| list.iter().find(|k| text[i..].starts_with(k.as_str())));
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

    pub fn count(&self, text: &str) -> u32 {
        self.hits(text).len() as u32
    }
}

/// Scores every paragraph of the corpus for every topic.
pub fn score_corpus(corpus: &Corpus, topics: &[Topic]) -> TopicScores {
    let matchers: Vec<KeywordMatcher> = topics.iter().map(|t| KeywordMatcher::new(&t.keywords)).collect();
    let scores = corpus
        .index
        .paragraphs
        .iter()
        .map(|place| {
            let text = &corpus.docs[place.doc as usize].paragraphs[place.para as usize].text;
            matchers.iter().map(|m| m.count(text)).collect()
        })
        .collect();
    TopicScores { topics: topics.to_vec(), scores }
}

impl TopicScores {
    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// Topics a paragraph belongs to at `threshold`.
    pub fn topics_of(&self, para: usize, threshold: u32) -> Vec<usize> {
        self.scores.get(para).map_or(Vec::new(), |s| (0..s.len()).filter(|&t| s[t] >= threshold.max(1)).collect())
    }

    /// The paragraphs a topic filter keeps. Unknown topic ids are errors.
    pub fn filter(&self, f: &TopicFilter) -> Result<Selection, String> {
        let resolve = |ids: &[String]| -> Result<Vec<usize>, String> {
            ids.iter()
                .map(|id| {
                    self.topic_index(id).ok_or_else(|| {
                        let known: Vec<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
                        format!("unknown topic \"{id}\"; the topics are: {}", known.join(", "))
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
                    || if f.all { include.iter().all(|&t| s[t] >= thr) } else { include.iter().any(|&t| s[t] >= thr) };
                inc && !exclude.iter().any(|&t| s[t] >= thr)
            })
            .collect();
        Ok(Selection { paragraphs })
    }
}

/// One cell of the overview: a topic's share of a document's selected paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicShare {
    pub doc: String,
    pub date: String,
    pub topic: String,
    /// Selected paragraphs of the document that belong to the topic.
    pub paragraphs: usize,
    /// Selected paragraphs of the document.
    pub of: usize,
    pub share: f64,
}

/// Each topic's share of each document of the selection, documents in
/// date order, topics in their order.
pub fn topic_shares(corpus: &Corpus, scores: &TopicScores, selection: &Selection, threshold: u32) -> Vec<TopicShare> {
    let docs = super::trends::docs_by_date(corpus, selection);
    let mut out = Vec::new();
    for &d in &docs {
        let paras: Vec<usize> = corpus.index.doc_paragraphs(d).filter(|&p| selection.contains(p)).collect();
        for (t, topic) in scores.topics.iter().enumerate() {
            let n = paras.iter().filter(|&&p| scores.scores[p][t] >= threshold.max(1)).count();
            out.push(TopicShare {
                doc: corpus.docs[d].info.id.clone(),
                date: corpus.docs[d].info.date.clone(),
                topic: topic.id.clone(),
                paragraphs: n,
                of: paras.len(),
                share: if paras.is_empty() { 0.0 } else { n as f64 / paras.len() as f64 },
            });
        }
    }
    out
}

/// Keywords of a topic that never occur in the corpus text.
pub fn missing_keywords(corpus: &Corpus, topic: &Topic) -> Vec<String> {
    topic
        .keywords
        .iter()
        .filter(|k| !corpus.docs.iter().flat_map(|d| &d.paragraphs).any(|p| p.text.contains(k.as_str())))
        .cloned()
        .collect()
}

/// Checks a topic a user made against the others: a name, keywords, and a
/// name no other topic has. Returns the topic with its id (`u-` + a number
/// from the name) or what is wrong.
pub fn user_topic(name: &str, keywords: &str, others: &[Topic], editing: Option<&str>) -> Result<Topic, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a topic needs a name".into());
    }
    if name.contains(['~', ';', '|']) {
        return Err("a topic name cannot contain ~ ; or |".into());
    }
    let clash = others.iter().any(|t| Some(t.id.as_str()) != editing && (t.zh == name || t.en == name));
    if clash {
        return Err(format!("a topic named \"{name}\" already exists"));
    }
    let mut words: Vec<String> = Vec::new();
    for w in keywords.split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '、' || c == '|' || c == ';' || c == '~') {
        let w = w.trim();
        if !w.is_empty() && !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    }
    if words.is_empty() {
        return Err("a topic needs at least one keyword".into());
    }
    let hash = name.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let id = editing.map(str::to_string).unwrap_or_else(|| format!("u-{:08x}", hash as u32));
    Ok(Topic { id, zh: name.to_string(), en: name.to_string(), color: "#3d4a5c".into(), keywords: words, user: true })
}
