//! Selections: the set of paragraphs every statistic works on, made from
//! filters on documents, dates and parties (topics come later).

use super::corpus::Corpus;
use super::manifest::{is_iso_date, KNOWN_PARTIES};
use super::topics::{builtin_topics, score_corpus, TopicFilter, TopicScores};
use serde::{Deserialize, Serialize};

/// What the user asked for. Empty lists and `None` mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Document ids (any of them).
    pub docs: Vec<String>,
    /// Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest date, same forms, inclusive (`2023` runs to the year's end).
    pub to: Option<String>,
    /// Party codes (any of them).
    pub parties: Vec<String>,
    /// Topics paragraphs must (not) belong to.
    #[serde(default)]
    pub topics: TopicFilter,
}

/// A set of paragraphs of one corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Global paragraph id → selected?
    pub paragraphs: Vec<bool>,
}

impl Selection {
    pub fn all(corpus: &Corpus) -> Selection {
        Selection { paragraphs: vec![true; corpus.index.paragraphs.len()] }
    }

    pub fn none(corpus: &Corpus) -> Selection {
        Selection { paragraphs: vec![false; corpus.index.paragraphs.len()] }
    }

    /// Whole documents, by index.
    pub fn of_docs(corpus: &Corpus, docs: &[usize]) -> Selection {
        let mut s = Selection::none(corpus);
        for &d in docs {
            for p in corpus.index.doc_paragraphs(d) {
                s.paragraphs[p] = true;
            }
        }
        s
    }

    /// The paragraphs not in this selection.
    pub fn complement(&self) -> Selection {
        Selection { paragraphs: self.paragraphs.iter().map(|s| !s).collect() }
    }

    pub fn contains(&self, para: usize) -> bool {
        self.paragraphs.get(para).copied().unwrap_or(false)
    }

    /// Number of selected paragraphs.
    pub fn len(&self) -> usize {
        self.paragraphs.iter().filter(|s| **s).count()
    }

    pub fn is_empty(&self) -> bool {
        !self.paragraphs.iter().any(|s| *s)
    }

    /// Indexes of documents with at least one selected paragraph.
    pub fn docs(&self, corpus: &Corpus) -> Vec<usize> {
        (0..corpus.docs.len()).filter(|&d| corpus.index.doc_paragraphs(d).any(|p| self.paragraphs[p])).collect()
    }

    /// Keeps only paragraphs also in `other`.
    pub fn intersect(&mut self, other: &Selection) {
        for (a, b) in self.paragraphs.iter_mut().zip(&other.paragraphs) {
            *a = *a && *b;
        }
    }
}

/// Checks a date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn check_date_bound(bound: &str, what: &str) -> Result<(), String> {
    let ok = match bound.len() {
        4 => bound.chars().all(|c| c.is_ascii_digit()),
        7 => is_iso_date(&format!("{bound}-01")),
        10 => is_iso_date(bound),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{what} date \"{bound}\" is not YYYY, YYYY-MM or YYYY-MM-DD"))
    }
}

/// The paragraphs a filter selects, with the shipped topics. Unknown
/// document ids, party codes or topics and malformed dates are errors that
/// say what is wrong.
pub fn select(corpus: &Corpus, filter: &Filter) -> Result<Selection, String> {
    if filter.topics.is_active() {
        let scores = score_corpus(corpus, &builtin_topics());
        select_with_topics(corpus, filter, &scores)
    } else {
        select_documents(corpus, filter)
    }
}

/// The paragraphs a filter selects, judging topics by `scores`.
pub fn select_with_topics(corpus: &Corpus, filter: &Filter, scores: &TopicScores) -> Result<Selection, String> {
    let mut selection = select_documents(corpus, filter)?;
    if filter.topics.is_active() {
        selection.intersect(&scores.filter(&filter.topics)?);
    }
    Ok(selection)
}

/// Documents, dates and parties only.
fn select_documents(corpus: &Corpus, filter: &Filter) -> Result<Selection, String> {
    let mut doc_ok = vec![true; corpus.docs.len()];
    if !filter.docs.is_empty() {
        doc_ok = vec![false; corpus.docs.len()];
        for id in &filter.docs {
            let d = corpus.doc_index(id).ok_or_else(|| {
                let ids: Vec<&str> = corpus.docs.iter().map(|d| d.info.id.as_str()).collect();
                format!("no document \"{id}\"; the documents are: {}", ids.join(", "))
            })?;
            doc_ok[d] = true;
        }
    }
    if let Some(from) = &filter.from {
        check_date_bound(from, "from")?;
    }
    if let Some(to) = &filter.to {
        check_date_bound(to, "to")?;
    }
    for p in &filter.parties {
        if !KNOWN_PARTIES.iter().any(|(code, _)| code == p) {
            let codes: Vec<&str> = KNOWN_PARTIES.iter().map(|(c, _)| *c).collect();
            return Err(format!("unknown party \"{p}\"; the parties are: {}", codes.join(", ")));
        }
    }
    for (d, doc) in corpus.docs.iter().enumerate() {
        let date = doc.info.date.as_str();
        let after = filter.from.as_deref().is_none_or(|f| date[..f.len()] >= *f);
        let before = filter.to.as_deref().is_none_or(|t| date[..t.len()] <= *t);
        let party = filter.parties.is_empty() || filter.parties.iter().any(|p| doc.info.parties.contains(p));
        doc_ok[d] = doc_ok[d] && after && before && party;
    }
    let docs: Vec<usize> = (0..corpus.docs.len()).filter(|&d| doc_ok[d]).collect();
    Ok(Selection::of_docs(corpus, &docs))
}
