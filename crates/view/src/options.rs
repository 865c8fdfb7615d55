//! The one registry of options: each setting's URL key, CLI flag and JS
//! key, its kind, default, range and help, defined once. The URL reader and
//! writer ([`crate::view_state`]) look keys, ranges and messages up here;
//! tests prove that the JS API's keys ([`crate::js_api`]) and the CLI's
//! flags (`src/flags.rs`) are exactly the ones listed, with these defaults.

/// Which setting: one name for it on every face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    /// The interface language.
    Lang,
    /// Documents selected by id.
    Documents,
    /// First date of the selection.
    From,
    /// Last date of the selection.
    To,
    /// Parties selected.
    Parties,
    /// Topics selected.
    Topics,
    /// Topics excluded.
    ExcludedTopics,
    /// Whether a paragraph needs any or all of the selected topics.
    TopicMatch,
    /// Keyword hits a paragraph needs to count for a topic.
    TopicThreshold,
    /// The term or query selected.
    Term,
    /// Rows a table shows.
    Top,
    /// Shortest term counted, in characters.
    MinLength,
    /// Parts of speech counted.
    PartsOfSpeech,
    /// Whether stopwords are left out of the term counts.
    Stopwords,
    /// Whether alias groups count as one term.
    Aliases,
    /// Whether jieba's HMM finds words missing from the dictionaries.
    Hmm,
    /// Whether the reader marks the cuts between words.
    ShowSegments,
    /// Segmentation mode.
    Mode,
    /// Panels shown.
    Panels,
    /// Document open in the reader.
    Read,
    /// Paragraph the reader is at.
    Paragraph,
    /// The user's own topics, carried in the link.
    UserTopics,
    /// Which texts the corpus holds.
    Corpus,
    /// The user's own dictionary words, carried in the link.
    UserWords,
    /// Term table order.
    TermSort,
    /// Concordance order.
    KwicSort,
    /// Concordance collation.
    KwicOrder,
    /// Concordance context, in characters.
    KwicChars,
    /// Concordance context, in words.
    KwicTokens,
    /// Concordance lines at most.
    KwicLimit,
    /// Trends per document, year or date.
    TrendBy,
    /// Collocation window, both sides.
    CollocateSpan,
    /// Collocation window, left.
    CollocateLeft,
    /// Collocation window, right.
    CollocateRight,
    /// Collocates seen fewer times are left out.
    CollocateMin,
    /// Collocate order.
    CollocateSort,
    /// Whether a node's hits repel each other in the window.
    Repulsion,
    /// Cluster length.
    ClusterSize,
    /// Side of the node a cluster reaches.
    ClusterSide,
    /// Clusters seen fewer times are left out.
    ClusterMin,
    /// Shortest n-gram.
    NgramMin,
    /// Longest n-gram.
    NgramMax,
    /// N-grams seen fewer times are left out.
    NgramMinCount,
    /// Keyness reference.
    Reference,
    /// Keyness reference: parties.
    ReferenceParties,
    /// Keyness reference: first date.
    ReferenceFrom,
    /// Keyness reference: last date.
    ReferenceTo,
    /// Keyness reference: documents.
    ReferenceDocuments,
    /// Keyness: smallest G² kept.
    MinG2,
    /// STTR's chunk.
    Chunk,
    /// MATTR's window.
    Window,
    /// LDA: topics.
    LdaTopics,
    /// LDA: random seed.
    LdaSeed,
    /// LDA: iterations.
    LdaIterations,
    /// LDA: words shown a topic.
    LdaTerms,
    /// Topic scores: list the topics instead.
    TopicList,
    /// Discovery: fewest occurrences.
    DiscoverMinCount,
    /// Discovery: longest candidate.
    DiscoverMaxLength,
    /// Discovery: least cohesion.
    DiscoverMinPmi,
    /// Discovery: least entropy.
    DiscoverMinEntropy,
    /// Discovery: with jieba's base dictionary only.
    DiscoverBaseDictionary,
    /// Output format of the CLI.
    Format,
    /// The CLI's own files added to the corpus.
    Add,
    /// Encoding of the added files.
    Encoding,
    /// The CLI's dictionary file.
    WordsFile,
    /// Write table cells as they are, formulas and all.
    RawCells,
}

/// What a setting's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// On or off (`on`/`off`, `1`/`0` in a link; a flag alone on the CLI).
    Switch,
    /// A whole number in a range; `noun` says what it is in messages
    /// ("not a length from 1 to 10").
    Count {
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
        /// What the number is, with its article.
        noun: &'static str,
    },
    /// A decimal number.
    Number,
    /// One of a few codes.
    Choice,
    /// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// A comma-separated list (repeatable on the CLI, an array in JS).
    List,
    /// Free text, a file or an encoded value.
    Text,
}

/// One setting, on every face that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    /// Which setting.
    pub id: Id,
    /// Its key in a link's query (`?top=50`), if links carry it.
    pub url: Option<&'static str>,
    /// Its long flag on the command line (without `--`), if the CLI has it.
    pub flag: Option<&'static str>,
    /// Its key in a JS API request (`{ top: 50 }`), if the API takes it.
    pub js: Option<&'static str>,
    /// The CLI subcommands whose flag this is (none: every one that has the flag).
    pub commands: &'static [&'static str],
    /// What its value is.
    pub kind: Kind,
    /// Its default, written as the faces write it.
    pub default: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

impl Setting {
    const fn new(id: Id, kind: Kind, help: &'static str) -> Setting {
        Setting { id, url: None, flag: None, js: None, commands: &[], kind, default: None, help }
    }
    const fn url(mut self, key: &'static str) -> Setting {
        self.url = Some(key);
        self
    }
    const fn flag(mut self, flag: &'static str) -> Setting {
        self.flag = Some(flag);
        self
    }
    const fn js(mut self, key: &'static str) -> Setting {
        self.js = Some(key);
        self
    }
    /// The same name on all three faces.
    const fn everywhere(self, key: &'static str) -> Setting {
        self.url(key).flag(key).js(key)
    }
    const fn only_in(mut self, commands: &'static [&'static str]) -> Setting {
        self.commands = commands;
        self
    }
    const fn default(mut self, value: &'static str) -> Setting {
        self.default = Some(value);
        self
    }

    /// Reads an on/off value as a link writes it.
    pub fn read_switch(&self, value: &str) -> Result<bool, String> {
        match value {
            "1" | "on" => Ok(true),
            "0" | "off" => Ok(false),
            _ => Err("not on or off".into()),
        }
    }

    /// Reads a whole number in this setting's range; the error says what
    /// it should be (`not a length from 1 to 10`).
    pub fn read_count(&self, value: &str) -> Result<u64, String> {
        let Kind::Count { min, max, noun } = self.kind else {
            return Err(format!("{:?} is not a count", self.id));
        };
        match value.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ if max == u64::MAX => Err(format!("not {noun}")),
            _ => Err(format!("not {noun} from {min} to {max}")),
        }
    }
}

/// Rows a table shows at most (a link's `top`).
pub const MAX_TOP: u64 = 100;

const fn count(min: u64, max: u64, noun: &'static str) -> Kind {
    Kind::Count { min, max, noun }
}

/// Every setting of every face.
pub static SETTINGS: &[Setting] = &[
    Setting::new(Id::Lang, Kind::Choice, "interface language: zh or en (default: the browser's)")
        .url("lang"),
    Setting::new(Id::Documents, Kind::List, "documents by id").everywhere("doc"),
    Setting::new(Id::From, Kind::Date, "first date (YYYY, YYYY-MM or YYYY-MM-DD)")
        .everywhere("from"),
    Setting::new(Id::To, Kind::Date, "last date (YYYY, YYYY-MM or YYYY-MM-DD)").everywhere("to"),
    Setting::new(Id::Parties, Kind::List, "party codes (CN, KZ, SCO, …)").everywhere("party"),
    Setting::new(Id::Topics, Kind::List, "topic ids").everywhere("topic"),
    Setting::new(Id::ExcludedTopics, Kind::List, "topic ids to leave out")
        .url("texclude")
        .flag("exclude")
        .js("exclude"),
    Setting::new(Id::TopicMatch, Kind::Choice, "a paragraph needs any or all of the topics")
        .url("tmatch")
        .flag("match")
        .js("match")
        .default("any"),
    Setting::new(
        Id::TopicThreshold,
        count(1, 10, "a threshold"),
        "keyword hits a paragraph needs for a topic",
    )
    .url("tthr")
    .flag("threshold")
    .js("threshold")
    .default("1"),
    Setting::new(Id::Term, Kind::Text, "the term or query selected").url("term"),
    Setting::new(Id::Top, count(1, MAX_TOP, "a number"), "rows shown")
        .everywhere("top")
        .default("20"),
    Setting::new(Id::MinLength, count(1, 10, "a length"), "shortest term counted, in characters")
        .url("minlen")
        .flag("min-len")
        .js("minLen")
        .default("1"),
    Setting::new(Id::PartsOfSpeech, Kind::List, "parts of speech counted (noun, verb, …)")
        .everywhere("pos"),
    Setting::new(
        Id::Stopwords,
        Kind::Switch,
        "leave stopwords out (the CLI and JS say the reverse: keep them)",
    )
    .url("stop")
    .flag("keep-stopwords")
    .js("keepStopwords"),
    Setting::new(Id::Aliases, Kind::Switch, "count alias groups as one term")
        .url("alias")
        .flag("aliases")
        .js("aliases"),
    Setting::new(
        Id::Hmm,
        Kind::Switch,
        "jieba's HMM finds words missing from the dictionaries (the CLI turns it off)",
    )
    .url("hmm")
    .flag("no-hmm"),
    Setting::new(Id::ShowSegments, Kind::Switch, "the reader marks the cuts between words")
        .url("seg"),
    Setting::new(
        Id::Mode,
        Kind::Choice,
        "segmentation: precise, or search (also the words inside long ones)",
    )
    .url("mode")
    .flag("mode")
    .default("precise"),
    Setting::new(Id::Panels, Kind::List, "panels shown, in the page's order").url("panels"),
    Setting::new(Id::Read, Kind::Text, "document open in the reader").url("read"),
    Setting::new(
        Id::Paragraph,
        count(1, u64::MAX, "a paragraph number"),
        "paragraph the reader is at",
    )
    .url("para"),
    Setting::new(Id::UserTopics, Kind::Text, "the user's own topics").url("ut"),
    Setting::new(Id::Corpus, Kind::Choice, "which texts: seeds, mine or both")
        .url("corpus")
        .flag("corpus"),
    Setting::new(Id::UserWords, Kind::Text, "the user's own dictionary words").url("uw"),
    Setting::new(Id::TermSort, Kind::Choice, "term table order")
        .url("tsort")
        .flag("sort")
        .js("sort")
        .only_in(&["terms"])
        .default("count"),
    Setting::new(Id::KwicSort, Kind::Choice, "concordance order")
        .url("ksort")
        .flag("sort")
        .js("sort")
        .only_in(&["kwic"])
        .default("position"),
    Setting::new(Id::KwicOrder, Kind::Choice, "concordance collation: codepoint or pinyin")
        .url("kord")
        .flag("order")
        .default("codepoint"),
    Setting::new(
        Id::KwicChars,
        count(5, 100, "a number of characters"),
        "concordance context, in characters",
    )
    .url("kchars")
    .flag("chars")
    .js("chars")
    .default("20"),
    Setting::new(Id::KwicTokens, Kind::Number, "concordance context, in words")
        .flag("tokens")
        .js("tokens")
        .default("5"),
    Setting::new(Id::KwicLimit, Kind::Number, "concordance lines at most").flag("limit"),
    Setting::new(Id::TrendBy, Kind::Choice, "trends per doc, year or date")
        .url("tby")
        .flag("by")
        .js("by")
        .default("doc"),
    Setting::new(Id::CollocateSpan, Kind::Number, "collocation window, words each side")
        .flag("span")
        .js("span")
        .default("5"),
    Setting::new(Id::CollocateLeft, count(0, 20, "a number of words"), "collocation window, left")
        .url("cleft")
        .flag("left")
        .js("left"),
    Setting::new(
        Id::CollocateRight,
        count(0, 20, "a number of words"),
        "collocation window, right",
    )
    .url("cright")
    .flag("right")
    .js("right"),
    Setting::new(Id::CollocateMin, count(1, 1000, "a count"), "fewest co-occurrences kept")
        .url("cmin")
        .flag("min")
        .js("min")
        .default("3"),
    Setting::new(Id::CollocateSort, Kind::Choice, "collocate order")
        .url("csort")
        .flag("sort")
        .js("sort")
        .only_in(&["collocates"])
        .default("ll"),
    Setting::new(Id::Repulsion, Kind::Switch, "a node's hits repel each other in the window")
        .flag("repulsion")
        .js("repulsion"),
    Setting::new(Id::ClusterSize, count(2, 5, "a cluster size"), "cluster length, in words")
        .url("clsize")
        .flag("size")
        .default("3"),
    Setting::new(Id::ClusterSide, Kind::Choice, "side of the node: left, right or any")
        .url("clside")
        .flag("side")
        .default("any"),
    Setting::new(
        Id::ClusterMin,
        count(1, 1000, "a minimum count"),
        "fewest occurrences of a cluster",
    )
    .url("clmin")
    .flag("min-count")
    .only_in(&["clusters"])
    .default("2"),
    Setting::new(Id::NgramMin, Kind::Number, "shortest n-gram")
        .flag("min-n")
        .js("minN")
        .default("2"),
    Setting::new(Id::NgramMax, Kind::Number, "longest n-gram")
        .flag("max-n")
        .js("maxN")
        .default("5"),
    Setting::new(Id::NgramMinCount, Kind::Number, "fewest occurrences of an n-gram")
        .flag("min-count")
        .js("minCount")
        .only_in(&["ngrams"])
        .default("2"),
    Setting::new(Id::Reference, Kind::Choice, "keyness reference: the rest, or the whole corpus")
        .url("kref")
        .flag("reference")
        .js("reference")
        .default("rest"),
    Setting::new(Id::ReferenceParties, Kind::List, "keyness reference: parties").flag("ref-party"),
    Setting::new(Id::ReferenceFrom, Kind::Date, "keyness reference: first date").flag("ref-from"),
    Setting::new(Id::ReferenceTo, Kind::Date, "keyness reference: last date").flag("ref-to"),
    Setting::new(Id::ReferenceDocuments, Kind::List, "keyness reference: documents")
        .flag("ref-doc"),
    Setting::new(Id::MinG2, Kind::Number, "smallest G² kept")
        .flag("min-g2")
        .js("minG2")
        .default("3.84"),
    Setting::new(Id::Chunk, Kind::Number, "STTR's chunk, in words").flag("chunk").default("1000"),
    Setting::new(Id::Window, Kind::Number, "MATTR's window, in words")
        .flag("window")
        .default("500"),
    Setting::new(Id::LdaTopics, Kind::Number, "LDA topics").flag("k").default("8"),
    Setting::new(Id::LdaSeed, Kind::Number, "LDA random seed").flag("seed").default("42"),
    Setting::new(Id::LdaIterations, Kind::Number, "LDA iterations")
        .flag("iterations")
        .default("300"),
    Setting::new(Id::LdaTerms, Kind::Number, "LDA words shown a topic").flag("terms").default("10"),
    Setting::new(Id::TopicList, Kind::Switch, "list the topics").flag("list"),
    Setting::new(Id::DiscoverMinCount, Kind::Number, "fewest occurrences of a candidate")
        .flag("min-count")
        .only_in(&["discover"])
        .default("3"),
    Setting::new(Id::DiscoverMaxLength, Kind::Number, "longest candidate, in characters")
        .flag("max-len")
        .default("6"),
    Setting::new(Id::DiscoverMinPmi, Kind::Number, "least cohesion (bits)")
        .flag("min-pmi")
        .default("4"),
    Setting::new(Id::DiscoverMinEntropy, Kind::Number, "least entropy on each side (bits)")
        .flag("min-entropy")
        .default("1.5"),
    Setting::new(Id::DiscoverBaseDictionary, Kind::Switch, "with jieba's base dictionary only")
        .flag("base-dict"),
    Setting::new(Id::Format, Kind::Choice, "output: tsv, csv or json")
        .flag("format")
        .default("tsv"),
    Setting::new(Id::Add, Kind::List, "your own texts").flag("add"),
    Setting::new(Id::Encoding, Kind::Text, "the encoding of the added texts").flag("encoding"),
    Setting::new(Id::WordsFile, Kind::Text, "your own dictionary (jieba user-dict format)")
        .flag("words"),
    Setting::new(Id::RawCells, Kind::Switch, "cells as they are: no apostrophe before a formula")
        .flag("raw"),
];

/// An engine option error worded for the JS API: the option by its JS key
/// (`span 21: the window is 1 to 20 words on each side`), where the engine
/// names the CLI's flag (`--span 21: …`).
pub fn js_error(error: &cijing_engine::text::options::OptionError) -> String {
    let key = SETTINGS.iter().find(|s| s.flag == Some(error.option)).and_then(|s| s.js);
    format!("{} {}: {}", key.unwrap_or(error.option), error.value, error.expected)
}

/// The setting a link's key names.
pub fn by_url(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.url == Some(key))
}

/// The setting, by id.
pub fn setting(id: Id) -> &'static Setting {
    SETTINGS.iter().find(|s| s.id == id).expect("every id is in SETTINGS")
}

/// The URL key of a setting links carry.
pub fn url_key(id: Id) -> &'static str {
    setting(id).url.expect("a setting links carry")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_names_one_setting_on_its_face() {
        let mut urls: Vec<_> = SETTINGS.iter().filter_map(|s| s.url).collect();
        let n = urls.len();
        urls.sort();
        urls.dedup();
        assert_eq!(urls.len(), n, "a URL key names two settings");
        for (i, s) in SETTINGS.iter().enumerate() {
            assert!(!SETTINGS[..i].iter().any(|t| t.id == s.id), "{:?} is listed twice", s.id);
            assert!(
                s.url.is_some() || s.flag.is_some() || s.js.is_some(),
                "{:?} is on no face",
                s.id
            );
        }
    }

    #[test]
    fn an_option_error_names_the_js_key_in_the_js_api() {
        let caught = |json: &str| crate::js_api::from_json(json).unwrap();
        let span = caught(r#"{"span": 21}"#).collocates().unwrap_err();
        assert_eq!(span, "span 21: the window is 1 to 20 words on each side");
        let min_n = caught(r#"{"minN": 1}"#).ngrams().unwrap_err();
        assert!(min_n.starts_with("minN 1: "), "{min_n}");
        assert!(!span.contains("--") && !min_n.contains("--"));
    }

    #[test]
    fn counts_are_read_in_their_range_with_a_message_that_says_it() {
        let minlen = by_url("minlen").unwrap();
        assert_eq!(minlen.read_count("10"), Ok(10));
        assert_eq!(minlen.read_count("11"), Err("not a length from 1 to 10".into()));
        assert_eq!(minlen.read_count("0"), Err("not a length from 1 to 10".into()));
        assert_eq!(by_url("para").unwrap().read_count("x"), Err("not a paragraph number".into()));
        assert_eq!(by_url("stop").unwrap().read_switch("on"), Ok(true));
        assert_eq!(by_url("stop").unwrap().read_switch("yes"), Err("not on or off".into()));
        assert_eq!(url_key(Id::Top), "top");
    }
}

/// The JS API's keys, as its request type lists them (serde names every
/// field it expects when it meets one it does not know).
#[cfg(test)]
mod js_keys {
    use super::SETTINGS;

    #[test]
    fn the_js_api_takes_exactly_the_registrys_keys() {
        let error = crate::js_api::from_json(r#"{"no such key": 1}"#).unwrap_err();
        let expected = error.split("expected one of ").nth(1).expect("serde lists the fields");
        let mut api: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        api.sort();
        let mut registry: Vec<&str> = SETTINGS.iter().filter_map(|s| s.js).collect();
        registry.sort();
        registry.dedup();
        assert_eq!(api, registry);
    }
}
