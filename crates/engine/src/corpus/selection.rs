//! Selections: the set of paragraphs every statistic works on, made from a
//! [`Filter`] on documents, dates, parties and topics. Topic membership is
//! asked of whatever implements [`TopicMembership`] (the topics module's
//! scores), so this module knows nothing of how topics are scored.

use crate::corpus::Corpus;
use crate::text::date::{DateBound, DateError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a paragraph must belong to any or all of the included topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicMatch {
    /// At least one of them.
    #[default]
    Any,
    /// Every one of them.
    All,
}

crate::text::options::choices!(TopicMatch { Any => "any", All => "all" });

/// Which paragraphs the topic filter keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicFilter {
    /// Topic ids a paragraph must belong to (any or all of them, as `matching` says).
    pub include: Vec<String>,
    /// Any or all of `include`.
    pub matching: TopicMatch,
    /// Topic ids a paragraph must not belong to.
    pub exclude: Vec<String>,
    /// A paragraph belongs to a topic with at least this many keyword hits
    /// (default 1; 0 counts as 1).
    pub threshold: u32,
}

impl Default for TopicFilter {
    fn default() -> Self {
        TopicFilter {
            include: Vec::new(),
            matching: TopicMatch::Any,
            exclude: Vec::new(),
            threshold: 1,
        }
    }
}

impl TopicFilter {
    /// Does the filter keep anything out (some topic included or excluded)?
    pub fn is_active(&self) -> bool {
        !self.include.is_empty() || !self.exclude.is_empty()
    }
}

/// What the user asked for. Empty lists and `None` mean "no restriction";
/// the conditions combine with "and" (a paragraph is selected when its
/// document passes every one and the paragraph passes the topic filter).
/// The default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Document ids (any of them); each must be in the corpus.
    pub docs: Vec<String>,
    /// Earliest date, inclusive.
    pub from: Option<DateBound>,
    /// Latest date, inclusive (`2023` runs to the year's end).
    pub to: Option<DateBound>,
    /// Party codes (a document with any of them); each must be a party of
    /// some document of the corpus.
    pub parties: Vec<String>,
    /// Topics paragraphs must (not) belong to.
    #[serde(default)]
    pub topics: TopicFilter,
}

impl Filter {
    /// Does the filter leave every paragraph in?
    pub fn is_everything(&self) -> bool {
        self.docs.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.parties.is_empty()
            && !self.topics.is_active()
    }

    /// Does the date range end before it starts (so that no date is in it)?
    pub fn dates_inverted(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if !to.admits_to(from.first_day()))
    }

    /// Sets the earliest date; a latest date before it becomes it, so the
    /// range never ends before it starts.
    ///
    /// ```
    /// use cijing_engine::corpus::selection::Filter;
    /// let mut filter = Filter { to: "2019".parse().ok(), ..Filter::default() };
    /// filter.set_from("2025".parse().ok());
    /// assert_eq!((filter.from, filter.to), ("2025".parse().ok(), "2025".parse().ok()));
    /// filter.set_from("2023".parse().ok()); // 2023..2025: kept
    /// assert_eq!(filter.to, "2025".parse().ok());
    /// ```
    pub fn set_from(&mut self, from: Option<DateBound>) {
        self.from = from;
        if self.dates_inverted() {
            self.to = from;
        }
    }

    /// Sets the latest date; an earliest date after it becomes it.
    ///
    /// ```
    /// use cijing_engine::corpus::selection::Filter;
    /// let mut filter = Filter { from: "2025".parse().ok(), ..Filter::default() };
    /// filter.set_to("2019".parse().ok());
    /// assert_eq!((filter.from, filter.to), ("2019".parse().ok(), "2019".parse().ok()));
    /// ```
    pub fn set_to(&mut self, to: Option<DateBound>) {
        self.to = to;
        if self.dates_inverted() {
            self.from = to;
        }
    }
}

/// Why a filter selects nothing it could name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    /// A document id the corpus lacks.
    UnknownDocument {
        /// The id asked for.
        id: String,
        /// The corpus's document ids.
        known: Vec<String>,
    },
    /// A party code no document of the corpus has.
    UnknownParty {
        /// The code asked for.
        code: String,
        /// The corpus's party codes.
        known: Vec<String>,
    },
    /// A topic id the topics in use lack.
    UnknownTopic {
        /// The id asked for.
        id: String,
        /// The ids of the topics in use.
        known: Vec<String>,
    },
    /// A date bound that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The
    /// select functions never return it (a [`Filter`] holds parsed bounds);
    /// it lets code that parses a filter from text use `?` on a [`DateError`].
    BadDate(DateError),
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::UnknownDocument { id, known } => {
                write!(f, "no document \"{id}\"; the documents are: {}", known.join(", "))
            }
            SelectError::UnknownParty { code, known } => {
                write!(f, "unknown party \"{code}\"; the parties are: {}", known.join(", "))
            }
            SelectError::UnknownTopic { id, known } => {
                write!(f, "unknown topic \"{id}\"; the topics are: {}", known.join(", "))
            }
            SelectError::BadDate(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SelectError {}

impl From<DateError> for SelectError {
    fn from(e: DateError) -> Self {
        SelectError::BadDate(e)
    }
}

/// A source of topic membership: which paragraphs a topic filter keeps.
/// [`crate::statistics::topics::TopicScores`] is the one the faces use.
pub trait TopicMembership {
    /// The paragraphs `filter` keeps, or the unknown topic it names.
    fn paragraphs(&self, filter: &TopicFilter) -> Result<Selection, SelectError>;
}

/// A set of paragraphs of one corpus, by global paragraph id. Made for one
/// corpus; with another its answers mean nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Global paragraph id → selected?
    pub paragraphs: Vec<bool>,
}

impl Selection {
    /// Every paragraph of the corpus.
    pub fn all(corpus: &Corpus) -> Selection {
        Selection { paragraphs: vec![true; corpus.index.paragraphs.len()] }
    }

    /// No paragraph of the corpus.
    pub fn none(corpus: &Corpus) -> Selection {
        Selection { paragraphs: vec![false; corpus.index.paragraphs.len()] }
    }

    /// Whole documents, by index. Panics if an index is not a document's.
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

    /// Is the paragraph with this global id selected? `false` for ids past
    /// the corpus's paragraphs.
    pub fn contains(&self, para: usize) -> bool {
        self.paragraphs.get(para).copied().unwrap_or(false)
    }

    /// Number of selected paragraphs.
    pub fn len(&self) -> usize {
        self.paragraphs.iter().filter(|s| **s).count()
    }

    /// Is no paragraph selected?
    pub fn is_empty(&self) -> bool {
        !self.paragraphs.iter().any(|s| *s)
    }

    /// Global ids of the selected paragraphs, in corpus order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.paragraphs.iter().enumerate().filter(|(_, s)| **s).map(|(g, _)| g)
    }

    /// Indexes of documents with at least one selected paragraph, ascending.
    pub fn docs(&self, corpus: &Corpus) -> Vec<usize> {
        (0..corpus.docs.len())
            .filter(|&d| corpus.index.doc_paragraphs(d).any(|p| self.contains(p)))
            .collect()
    }

    /// The selection's documents in date order (ties in corpus order).
    pub fn docs_by_date(&self, corpus: &Corpus) -> Vec<usize> {
        let mut docs = self.docs(corpus);
        docs.sort_by_key(|&d| (corpus.docs[d].info.date, d));
        docs
    }

    /// Keeps only paragraphs also in `other` (both of the same corpus).
    pub fn intersect(&mut self, other: &Selection) {
        for (a, b) in self.paragraphs.iter_mut().zip(&other.paragraphs) {
            *a = *a && *b;
        }
    }
}

/// The paragraphs a filter selects, judging topics by `topics` (only asked
/// when the filter names a topic). Unknown document ids, party codes or
/// topics are errors that say what is wrong and what there is instead; a
/// filter that names only known things but matches nothing gives an empty
/// selection, not an error.
///
/// ```
/// use cijing_engine::corpus::selection::{select, Filter, TopicFilter};
/// use cijing_engine::statistics::topics::{score_corpus, Topic};
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example. 能源 is in both of
/// // a's paragraphs (global ids 0 and 1) and in neither of b's (2 and 3).
/// let energy = Topic {
///     id: "energy".into(), zh: "能源".into(), en: "Energy".into(), color: "#1e7b4f".into(),
///     keywords: vec!["能源".into(), "石油".into()], user: false,
/// };
/// let scores = score_corpus(&corpus, &[energy]);
///
/// let about_energy = Filter { topics: TopicFilter { include: vec!["energy".into()], ..TopicFilter::default() }, ..Filter::default() };
/// assert_eq!(select(&corpus, &about_energy, &scores)?.iter().collect::<Vec<_>>(), [0, 1]);
///
/// let not_energy = Filter { topics: TopicFilter { exclude: vec!["energy".into()], ..TopicFilter::default() }, ..Filter::default() };
/// assert_eq!(select(&corpus, &not_energy, &scores)?.iter().collect::<Vec<_>>(), [2, 3]);
///
/// // Topic and date conditions combine: energy paragraphs from 2024 on — none.
/// let both = Filter { from: Some("2024".parse()?), ..about_energy };
/// assert!(select(&corpus, &both, &scores)?.is_empty());
///
/// let unknown = Filter { topics: TopicFilter { include: vec!["trade".into()], ..TopicFilter::default() }, ..Filter::default() };
/// let error = select(&corpus, &unknown, &scores).unwrap_err();
/// assert_eq!(error.to_string(), "unknown topic \"trade\"; the topics are: energy");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn select(
    corpus: &Corpus,
    filter: &Filter,
    topics: &impl TopicMembership,
) -> Result<Selection, SelectError> {
    let mut selection = select_documents(corpus, filter)?;
    if filter.topics.is_active() {
        selection.intersect(&topics.paragraphs(&filter.topics)?);
    }
    Ok(selection)
}

/// The paragraphs a filter selects by documents, dates and parties alone
/// (its topics are not looked at; [`select`] applies them): every
/// paragraph of each document that passes. Errors as for [`select`].
///
/// ```
/// use cijing_engine::corpus::selection::{select_documents, Filter, SelectError};
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example, a (2023-05-18;
/// // parties CN, KZ; paragraphs 0 and 1) and b (2024-07-04; CN, RU; 2 and 3).
/// let from_2024 = Filter { from: Some("2024".parse()?), ..Filter::default() };
/// let selection = select_documents(&corpus, &from_2024)?;
/// assert_eq!(selection.iter().collect::<Vec<_>>(), [2, 3]);
/// assert_eq!(selection.docs(&corpus), [1]);
///
/// // A bound covers its whole period: up to 2023-05 takes in 2023-05-18.
/// let to_may = Filter { to: Some("2023-05".parse()?), ..Filter::default() };
/// assert_eq!(select_documents(&corpus, &to_may)?.docs(&corpus), [0]);
///
/// let kazakhstan = Filter { parties: vec!["KZ".into()], ..Filter::default() };
/// assert_eq!(select_documents(&corpus, &kazakhstan)?.docs(&corpus), [0]);
///
/// // Conditions combine with "and": RU's document is not from 2023.
/// let none = Filter { parties: vec!["RU".into()], to: Some("2023".parse()?), ..Filter::default() };
/// assert!(select_documents(&corpus, &none)?.is_empty());
///
/// let unknown = Filter { parties: vec!["US".into()], ..Filter::default() };
/// let error = select_documents(&corpus, &unknown).unwrap_err();
/// assert!(matches!(error, SelectError::UnknownParty { .. }));
/// assert_eq!(error.to_string(), "unknown party \"US\"; the parties are: CN, KZ, RU");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn select_documents(corpus: &Corpus, filter: &Filter) -> Result<Selection, SelectError> {
    let mut doc_ok = vec![filter.docs.is_empty(); corpus.docs.len()];
    for id in &filter.docs {
        let d = corpus.doc_index(id).ok_or_else(|| SelectError::UnknownDocument {
            id: id.clone(),
            known: corpus.docs.iter().map(|d| d.info.id.clone()).collect(),
        })?;
        doc_ok[d] = true;
    }
    let parties = corpus.parties();
    for p in &filter.parties {
        if !parties.contains(p) {
            return Err(SelectError::UnknownParty { code: p.clone(), known: parties });
        }
    }
    for (d, doc) in corpus.docs.iter().enumerate() {
        let date = doc.info.date;
        let after = filter.from.is_none_or(|f| f.admits_from(date));
        let before = filter.to.is_none_or(|t| t.admits_to(date));
        let party = filter.parties.is_empty()
            || filter.parties.iter().any(|p| doc.info.parties.contains(p));
        doc_ok[d] = doc_ok[d] && after && before && party;
    }
    let docs: Vec<usize> = (0..corpus.docs.len()).filter(|&d| doc_ok[d]).collect();
    Ok(Selection::of_docs(corpus, &docs))
}
