//! Part-of-speech classes a user filters by, from jieba's tags.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosClass {
    /// Common nouns (`n`, `ng`, `nl`, …) .
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

    /// The class of a jieba tag.
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

    /// Parses a class name as `name()` writes it.
    pub fn parse(name: &str) -> Result<PosClass, String> {
        PosClass::ALL.into_iter().find(|c| c.name() == name).ok_or_else(|| {
            let names: Vec<&str> = PosClass::ALL.iter().map(|c| c.name()).collect();
            format!("unknown part-of-speech class \"{name}\"; use one of {}", names.join(", "))
        })
    }
}
