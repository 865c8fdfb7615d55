//! The options a JS caller passes, read into the engine's types: one
//! request shape for every statistic (unknown keys are refused, so a typo
//! never silently selects everything), each value checked.

use cijing_engine::corpus::selection::{Filter, TopicFilter, TopicMatch};
use cijing_engine::statistics::collocates::{CollocateOptions, CollocateSort};
use cijing_engine::statistics::keyness::{KeynessOptions, Reference};
use cijing_engine::statistics::kwic::{KwicOptions, KwicSort};
use cijing_engine::statistics::ngrams::NgramOptions;
use cijing_engine::statistics::stats::{TermOptions, TermSort};
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::text::date::DateBound;
use cijing_engine::text::options::Choice;
use cijing_engine::text::pos::PosClass;
use serde::Deserialize;

/// One value or a list of them (`party: 'KG'` or `party: ['KG', 'TJ']`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// Nothing given.
    #[default]
    None,
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(v) => vec![v],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Every option a call may take; each statistic reads the ones it uses.
/// Names follow the page's URL and the CLI.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Request {
    /// Document ids.
    pub doc: OneOrMany,
    /// Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Latest date, same forms.
    pub to: Option<String>,
    /// Party codes.
    pub party: OneOrMany,
    /// Topic ids paragraphs must belong to.
    pub topic: OneOrMany,
    /// `any` or `all` of `topic`.
    #[serde(rename = "match")]
    pub matching: Option<String>,
    /// Topic ids paragraphs must not belong to.
    pub exclude: OneOrMany,
    /// Keyword hits for a paragraph to belong to a topic.
    pub threshold: Option<u32>,
    /// How many rows (all when absent).
    pub top: Option<usize>,
    /// Minimum term length in characters.
    pub min_len: Option<usize>,
    /// Part-of-speech classes.
    pub pos: OneOrMany,
    /// Count stopwords as terms.
    pub keep_stopwords: bool,
    /// Count aliases under their canonical term.
    pub aliases: bool,
    /// Sort order: terms `count`/`tfidf`, kwic `position`/`l1`…, collocates `ll`/`mi`/`t`/`observed`/`mi3`/`z`/`logdice`.
    pub sort: Option<String>,
    /// Keyness reference: `rest` or `whole`.
    pub reference: Option<String>,
    /// Keyness cut-off.
    pub min_g2: Option<f64>,
    /// Concordance context words.
    pub tokens: Option<usize>,
    /// Concordance context characters.
    pub chars: Option<usize>,
    /// Collocation window, both sides.
    pub span: Option<usize>,
    /// Collocation window on the left (overrides `span` there).
    pub left: Option<usize>,
    /// Collocation window on the right (overrides `span` there).
    pub right: Option<usize>,
    /// Minimum observed collocations.
    pub min: Option<u64>,
    /// Also list repelled collocates.
    pub repulsion: bool,
    /// N-gram lengths and minimum count.
    pub min_n: Option<usize>,
    /// Longest n-gram.
    pub max_n: Option<usize>,
    /// Minimum n-gram count.
    pub min_count: Option<u64>,
    /// Trends by `doc`, `year` or `date`.
    pub by: Option<String>,
}

fn choice<T: Choice>(what: &str, value: &Option<String>, default: T) -> Result<T, String> {
    match value {
        None => Ok(default),
        Some(code) => {
            T::parse(code).ok_or_else(|| format!("{what} \"{code}\": use one of {}", T::codes()))
        }
    }
}

fn bound(what: &str, value: &Option<String>) -> Result<Option<DateBound>, String> {
    value.as_deref().map(|v| v.parse().map_err(|e| format!("{what}: {e}"))).transpose()
}

impl Request {
    /// The selection this request asks for.
    pub fn filter(&self) -> Result<Filter, String> {
        Ok(Filter {
            docs: self.doc.clone().into_vec(),
            from: bound("from", &self.from)?,
            to: bound("to", &self.to)?,
            parties: self.party.clone().into_vec(),
            topics: TopicFilter {
                include: self.topic.clone().into_vec(),
                matching: choice("match", &self.matching, TopicMatch::Any)?,
                exclude: self.exclude.clone().into_vec(),
                threshold: self.threshold.unwrap_or(TopicFilter::default().threshold).max(1),
            },
        })
    }

    /// Which terms count.
    pub fn term_options(&self) -> Result<TermOptions, String> {
        let pos = self
            .pos
            .clone()
            .into_vec()
            .iter()
            .map(|p| PosClass::parse(p).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        Ok(TermOptions {
            min_len: self.min_len.unwrap_or(TermOptions::default().min_len),
            pos,
            drop_stopwords: !self.keep_stopwords,
            merge_aliases: self.aliases,
        })
    }

    /// The term table's order.
    pub fn term_sort(&self) -> Result<TermSort, String> {
        choice("sort", &self.sort, TermSort::default())
    }

    /// Keyness settings.
    pub fn keyness(&self) -> Result<KeynessOptions, String> {
        let d = KeynessOptions::default();
        Ok(KeynessOptions {
            reference: choice("reference", &self.reference, Reference::Rest)?,
            min_g2: self.min_g2.unwrap_or(d.min_g2),
        })
    }

    /// Concordance settings.
    pub fn kwic(&self) -> Result<KwicOptions, String> {
        let d = KwicOptions::default();
        Ok(KwicOptions {
            context_words: self.tokens.unwrap_or(d.context_words),
            context_chars: self.chars.unwrap_or(d.context_chars),
            sort: choice("sort", &self.sort, KwicSort::Position)?,
        })
    }

    /// Collocation settings, checked.
    pub fn collocates(&self) -> Result<CollocateOptions, String> {
        let d = CollocateOptions::default();
        let options = CollocateOptions {
            span_left: self.left.or(self.span).unwrap_or(d.span_left),
            span_right: self.right.or(self.span).unwrap_or(d.span_right),
            min_observed: self.min.unwrap_or(d.min_observed),
            sort: choice("sort", &self.sort, CollocateSort::Ll)?,
            repulsion: self.repulsion,
        };
        options.check().map_err(|e| crate::options::js_error(&e))?;
        Ok(options)
    }

    /// N-gram settings, checked.
    pub fn ngrams(&self) -> Result<NgramOptions, String> {
        let d = NgramOptions::default();
        let options = NgramOptions {
            min_n: self.min_n.unwrap_or(d.min_n),
            max_n: self.max_n.unwrap_or(d.max_n),
            min_count: self.min_count.unwrap_or(d.min_count),
        };
        options.check().map_err(|e| crate::options::js_error(&e))?;
        Ok(options)
    }

    /// Trends per document, per year or per date.
    pub fn trend_by(&self) -> Result<TrendBy, String> {
        choice("by", &self.by, TrendBy::Doc)
    }
}

/// Reads a request from JSON text (the form tests and the CLI use).
pub fn from_json(text: &str) -> Result<Request, String> {
    serde_json::from_str(text).map_err(|e| format!("bad options: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_or_a_list() {
        let r = from_json(
            r#"{"party": "KG", "doc": ["a", "b"], "top": 20, "minLen": 2, "from": "2023"}"#,
        )
        .unwrap();
        let f = r.filter().unwrap();
        assert_eq!(
            (f.parties, f.docs),
            (vec!["KG".to_string()], vec!["a".to_string(), "b".to_string()])
        );
        assert_eq!(f.from, Some(DateBound::Year(2023)));
        assert_eq!((r.top, r.term_options().unwrap().min_len), (Some(20), 2));
    }

    #[test]
    fn bad_options_say_what_is_wrong() {
        assert!(from_json(r#"{"parti": "KG"}"#).unwrap_err().contains("unknown field `parti`"));
        assert!(from_json(r#"{"top": "many"}"#).unwrap_err().contains("bad options"));
        assert_eq!(
            from_json(r#"{"from": "2023-13"}"#).unwrap().filter().unwrap_err(),
            "from: \"2023-13\" is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            from_json(r#"{"sort": "size"}"#).unwrap().term_sort().unwrap_err(),
            "sort \"size\": use one of count, tfidf"
        );
        assert!(from_json(r#"{"pos": ["nouns"]}"#)
            .unwrap()
            .term_options()
            .unwrap_err()
            .contains("unknown part-of-speech class \"nouns\""));
        assert!(from_json(r#"{"minN": 1}"#)
            .unwrap()
            .ngrams()
            .unwrap_err()
            .contains("n-grams are 2 to 5 words"));
        assert_eq!(
            from_json(r#"{"match": "some"}"#).unwrap().filter().unwrap_err(),
            "match \"some\": use one of any, all"
        );
        assert!(from_json(r#"{"span": 21}"#)
            .unwrap()
            .collocates()
            .unwrap_err()
            .contains("1 to 20 words on each side"));
    }

    #[test]
    fn collocation_windows_left_and_right() {
        let c = from_json(r#"{"span": 3, "right": 0, "sort": "logdice"}"#)
            .unwrap()
            .collocates()
            .unwrap();
        assert_eq!((c.span_left, c.span_right, c.sort), (3, 0, CollocateSort::LogDice));
        let c = from_json(r#"{"left": 2}"#).unwrap().collocates().unwrap();
        assert_eq!((c.span_left, c.span_right), (2, 5));
    }
}
