//! Part-of-speech classes a user filters by, from jieba's tags: eleven
//! classes instead of jieba's fifty-odd tags.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A part-of-speech class name that is not one of [`PosClass::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPosClass(pub String);

impl fmt::Display for UnknownPosClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = PosClass::ALL.iter().map(|c| c.name()).collect();
        write!(f, "unknown part-of-speech class \"{}\"; use one of {}", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownPosClass {}

/// A class of jieba's part-of-speech tags, as a user filters by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosClass {
    /// Common nouns (`n`, `ng`, `nl`, …).
    Noun,
    /// Verbs, verbal nouns included (`v`, `vn`, `vd`, …).
    Verb,
    /// Adjectives (`a`, `ad`, `an`).
    Adj,
    /// Adverbs (`d`).
    Adv,
    /// Person names (`nr`, `nrfg`, `nrt`).
    Person,
    /// Place names (`ns`).
    Place,
    /// Organisations (`nt`).
    Org,
    /// Other proper nouns (`nz`).
    Proper,
    /// Idioms and set phrases (`i`, `l`).
    Idiom,
    /// Abbreviations (`j`).
    Abbr,
    /// Everything else: numerals, measure words, pronouns, unknown tags.
    Other,
}

impl PosClass {
    /// Every class, in the order menus list them.
    pub const ALL: [PosClass; 11] = [
        PosClass::Noun,
        PosClass::Verb,
        PosClass::Adj,
        PosClass::Adv,
        PosClass::Person,
        PosClass::Place,
        PosClass::Org,
        PosClass::Proper,
        PosClass::Idiom,
        PosClass::Abbr,
        PosClass::Other,
    ];

    /// The class of a jieba tag. Any tag not listed on a class, the empty
    /// tag included, is [`PosClass::Other`].
    ///
    /// ```
    /// use cijing_engine::text::pos::PosClass;
    /// assert_eq!(PosClass::of_tag("nrfg"), PosClass::Person);
    /// assert_eq!(PosClass::of_tag("vn"), PosClass::Verb);
    /// assert_eq!(PosClass::of_tag(""), PosClass::Other);
    /// ```
    pub fn of_tag(tag: &str) -> PosClass {
        match tag {
            t if t.starts_with("nr") => PosClass::Person,
            "ns" | "nsf" => PosClass::Place,
            "nt" => PosClass::Org,
            "nz" => PosClass::Proper,
            t if t.starts_with('n') => PosClass::Noun,
            t if t.starts_with('v') => PosClass::Verb,
            "a" | "ad" | "an" | "ag" => PosClass::Adj,
            "d" | "dg" => PosClass::Adv,
            "i" | "l" => PosClass::Idiom,
            "j" => PosClass::Abbr,
            _ => PosClass::Other,
        }
    }

    /// The class's name (`noun`, `verb`, …), as the CLI, the URL and serde
    /// write it.
    pub fn name(self) -> &'static str {
        match self {
            PosClass::Noun => "noun",
            PosClass::Verb => "verb",
            PosClass::Adj => "adj",
            PosClass::Adv => "adv",
            PosClass::Person => "person",
            PosClass::Place => "place",
            PosClass::Org => "org",
            PosClass::Proper => "proper",
            PosClass::Idiom => "idiom",
            PosClass::Abbr => "abbr",
            PosClass::Other => "other",
        }
    }

    /// Parses a class name as [`PosClass::name`] writes it (lower case,
    /// exactly); any other text is an error listing the names.
    pub fn parse(name: &str) -> Result<PosClass, UnknownPosClass> {
        PosClass::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| UnknownPosClass(name.to_string()))
    }
}
