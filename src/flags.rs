//! The command line's arguments, parsed once into the engine's own types:
//! every option struct takes its defaults from the engine's `Default`, every
//! choice (sort orders, references, modes) is the engine's enum.

use cijing_engine::corpus::selection::{Filter, TopicFilter, TopicMatch};
use cijing_engine::statistics::clusters::{ClusterOptions, ClusterSide};
use cijing_engine::statistics::collocates::{CollocateOptions, CollocateSort};
use cijing_engine::statistics::discover::DiscoverOptions;
use cijing_engine::statistics::keyness::{KeynessOptions, Reference};
use cijing_engine::statistics::kwic::{KwicOptions, KwicSort};
use cijing_engine::statistics::lda::LdaOptions;
use cijing_engine::statistics::ngrams::NgramOptions;
use cijing_engine::statistics::profile::ProfileOptions;
use cijing_engine::statistics::stats::{TermOptions, TermSort};
use cijing_engine::statistics::table::Delimited;
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::text::date::DateBound;
use cijing_engine::text::options::Choice;
use cijing_engine::text::pos::PosClass;
use cijing_engine::text::segment::{Mode, SegmentOptions};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

/// A value parser for an engine [`Choice`]: `--help` lists its codes, and a
/// wrong one is refused with them.
fn choice<T: Choice + Send + Sync + Clone>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::ALL.iter().map(|c| c.code()))
        .map(|code| T::parse(&code).expect("clap checked the code"))
}

fn date_bound(text: &str) -> Result<DateBound, String> {
    text.parse().map_err(|e| format!("{e}"))
}

fn pos_class(text: &str) -> Result<PosClass, String> {
    PosClass::parse(text.trim()).map_err(|e| e.to_string())
}

/// The whole command line.
#[derive(Parser)]
#[command(
    name = "cijing",
    version,
    about = "词镜 cijing — Chinese corpus analysis on the shipped corpus"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Write TSV and CSV cells as they are: no apostrophe before a cell that
    /// a spreadsheet would run as a formula (=, +, -, @; numbers stay numbers either way).
    #[arg(long, global = true)]
    pub raw: bool,
}

/// Which texts the corpus holds: the shipped seeds, the user's own files, or both.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CorpusChoice {
    /// The shipped documents only.
    Seeds,
    /// Only the files given with --add.
    Mine,
    /// The shipped documents and the files given with --add.
    Both,
}

/// The user's own texts, usable with every command.
#[derive(Args)]
pub struct SourceArgs {
    /// Add your own texts (.txt, .html, .md, .docx; repeatable, or several after one --add;
    /// each at most 50 MB). Their ids are mine-<file name>; see `cijing docs`.
    #[arg(long = "add", global = true, value_name = "FILE", num_args = 1.., action = clap::ArgAction::Append)]
    pub add: Vec<std::path::PathBuf>,
    /// Which documents: seeds, mine (the --add files) or both [default: both with --add, else seeds].
    #[arg(long, global = true, value_enum)]
    pub corpus: Option<CorpusChoice>,
    /// The encoding of the --add files when detection gets it wrong (utf-8, gb18030, gbk, big5, utf-16le, …).
    #[arg(long, global = true, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Your own dictionary words, cut whole everywhere: a jieba user dictionary (`word [freq]
    /// [pos]` a line, UTF-8), as the page's My dictionary exports it.
    #[arg(long, global = true, value_name = "FILE")]
    pub words: Option<std::path::PathBuf>,
}

/// The subcommands: one per statistic, plus listing and segmenting.
#[derive(Subcommand)]
pub enum Command {
    /// List the documents (id date title source parties chars tokens).
    Docs {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Tsv)]
        format: Format,
    },
    /// Print cleaned text, one paragraph per line.
    Text {
        /// Only this document (see `cijing docs`).
        #[arg(long)]
        doc: Option<String>,
    },
    /// Segment stdin: one output line per input line, tokens separated by single spaces.
    Segment {
        /// Precise: one reading of the text; search: also the shorter words inside long ones.
        #[arg(long, value_parser = choice::<Mode>(), default_value = SegmentOptions::default().mode.code())]
        mode: Mode,
        /// Turn off jieba's HMM for words missing from the dictionaries.
        #[arg(long)]
        no_hmm: bool,
    },
    /// The selection's size and lexical variety: documents, paragraphs, tokens, types, TTR,
    /// STTR (mean TTR per full chunk of --chunk words; the last partial chunk dropped) and
    /// MATTR (mean TTR over every window of --window words).
    Summary {
        #[command(flatten)]
        select: SelectArgs,
        /// STTR's chunk, in word tokens.
        #[arg(long, default_value_t = ProfileOptions::default().chunk)]
        chunk: usize,
        /// MATTR's moving window, in word tokens.
        #[arg(long, default_value_t = ProfileOptions::default().window)]
        window: usize,
    },
    /// Term frequencies: term, count, per_10k, docs, tfidf.
    Terms {
        #[command(flatten)]
        select: SelectArgs,
        #[command(flatten)]
        terms: TermArgs,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
        /// Order rows by count or by TF-IDF.
        #[arg(long, value_parser = choice::<TermSort>(), default_value = TermSort::default().code())]
        sort: TermSort,
    },
    /// Terms over- and under-used in the selection (log-likelihood G², log ratio), with the
    /// Bonferroni-corrected cut-off marked; the reference is the rest, the whole corpus, or
    /// another selection (--ref-party, --ref-from, --ref-to, --ref-doc).
    Keyness {
        #[command(flatten)]
        select: SelectArgs,
        #[command(flatten)]
        terms: TermArgs,
        /// Compare with the rest of the corpus or with the whole corpus.
        #[arg(long, visible_alias = "ref", value_parser = choice::<Reference>(), default_value = KeynessOptions::default().reference.code())]
        reference: Reference,
        #[command(flatten)]
        against: RefArgs,
        /// Keep terms with G² at least this (3.84: p<0.05, 6.63: p<0.01, 10.83: p<0.001, 15.13: p<0.0001).
        #[arg(long, default_value_t = KeynessOptions::default().min_g2)]
        min_g2: f64,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
    /// Concordance of a query: a term, an alias group (--aliases), a phrase ("全面 战略"), a
    /// wildcard (合作*), a /regex/, a POS pattern ("n 合作") or a quoted substring ('"合作"').
    Kwic {
        /// The query (see `cijing search --help` for the query language).
        term: String,
        #[command(flatten)]
        select: SelectArgs,
        /// Match every alias of the term.
        #[arg(long)]
        aliases: bool,
        /// Context words listed on each side.
        #[arg(long, default_value_t = KwicOptions::default().context_words)]
        tokens: usize,
        /// Context characters shown on each side.
        #[arg(long, default_value_t = KwicOptions::default().context_chars)]
        chars: usize,
        /// Order of the lines.
        #[arg(long, value_parser = choice::<KwicSort>(), default_value = KwicOptions::default().sort.code())]
        sort: KwicSort,
        /// How a word sort compares words: by code point, or in pinyin order (each
        /// character's first reading, then its tone, then the character).
        #[arg(long, value_enum, default_value = "codepoint")]
        order: WordOrder,
        /// How many lines (all when omitted).
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Words near a node (observed, expected, MI, G², t, MI³, z, logDice), within --span words
    /// on each side, or --left/--right.
    Collocates {
        /// The node: any query (see `cijing search --help`).
        term: String,
        #[command(flatten)]
        select: SelectArgs,
        #[command(flatten)]
        terms: TermArgs,
        /// Words on each side of the node.
        #[arg(long, default_value_t = CollocateOptions::default().span_left)]
        span: usize,
        /// Words to the left of the node (default: --span).
        #[arg(long)]
        left: Option<usize>,
        /// Words to the right of the node (default: --span).
        #[arg(long)]
        right: Option<usize>,
        /// Minimum observed co-occurrences.
        #[arg(long, default_value_t = CollocateOptions::default().min_observed)]
        min: u64,
        /// Order of the rows.
        #[arg(long, value_parser = choice::<CollocateSort>(), default_value = CollocateOptions::default().sort.code())]
        sort: CollocateSort,
        /// Also list repelled words (observed below expected), marked "repulsion".
        #[arg(long)]
        repulsion: bool,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
    /// Clusters: the 2–5-word sequences holding a query at their left edge, right edge or
    /// anywhere (AntConc's Clusters), with count and range (documents).
    Clusters {
        /// The query (see `cijing search --help`).
        term: String,
        #[command(flatten)]
        select: SelectArgs,
        /// Match every alias of each word.
        #[arg(long)]
        aliases: bool,
        /// Words in a cluster.
        #[arg(long, default_value_t = ClusterOptions::default().size)]
        size: usize,
        /// Where the query stands: left (clusters starting with it), right (ending with it), any.
        #[arg(long, value_parser = choice::<ClusterSide>(), default_value = ClusterOptions::default().side.code())]
        side: ClusterSide,
        /// Keep clusters seen at least this often.
        #[arg(long, default_value_t = ClusterOptions::default().min_count)]
        min_count: u64,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
    /// Dispersion plot (AntConc's Plot): per document of the selection in date order, its
    /// word tokens, the query's hits and each hit's relative position (0 = start, 1 = end).
    Plot {
        /// The query (see `cijing search --help`).
        term: String,
        #[command(flatten)]
        select: SelectArgs,
        /// Match every alias of each word.
        #[arg(long)]
        aliases: bool,
    },
    /// Contiguous 2–5-word sequences that do not cross punctuation or paragraphs.
    Ngrams {
        #[command(flatten)]
        select: SelectArgs,
        #[command(flatten)]
        terms: TermArgs,
        /// Shortest sequence, in words.
        #[arg(long, default_value_t = NgramOptions::default().min_n)]
        min_n: usize,
        /// Longest sequence, in words.
        #[arg(long, default_value_t = NgramOptions::default().max_n)]
        max_n: usize,
        /// Keep sequences seen at least this often.
        #[arg(long, default_value_t = NgramOptions::default().min_count)]
        min_count: u64,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
    /// Relative frequency of queries over time: per document in date order, per date (documents
    /// of a date pooled) or per year; one series per query.
    Trends {
        /// The queries (terms, phrases or any query; see `cijing search --help`), one series each.
        #[arg(required = true)]
        terms: Vec<String>,
        #[command(flatten)]
        select: SelectArgs,
        /// Match every alias of each term.
        #[arg(long)]
        aliases: bool,
        /// One point per document (doc), per date (date) or per year (year).
        #[arg(long, value_parser = choice::<TrendBy>(), default_value = TrendBy::default().code())]
        by: TrendBy,
    },
    /// Hits of a query: the count, documents and every word form it matched.
    ///
    /// The query language: words separated by spaces are a phrase; each word is a word of the
    /// corpus (合作), a wildcard (合作* starts with, *合作 ends with, *合作* contains), a regular
    /// expression over words (/^合作.$/), or a part-of-speech class by name or jieba tag (noun,
    /// verb, n, v, vn, ns, …: "n 合作" is a noun followed by 合作). A query in double quotes
    /// ('"合作"') is a substring of the raw text, whatever the word boundaries.
    Search {
        /// The query.
        query: String,
        #[command(flatten)]
        select: SelectArgs,
        /// Match every alias of each word.
        #[arg(long)]
        aliases: bool,
        /// How many forms (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
    /// Each topic's share of each document's paragraphs (documents in date order); --list shows the topics.
    Topics {
        #[command(flatten)]
        select: SelectArgs,
        /// List the topics and their keywords instead.
        #[arg(long)]
        list: bool,
    },
    /// Discover topics: LDA by collapsed Gibbs sampling over paragraphs, seeded for repeatable results.
    Lda {
        #[command(flatten)]
        select: SelectArgs,
        /// Number of topics.
        #[arg(long, default_value_t = LdaOptions::default().k)]
        k: usize,
        /// Seed: the same seed gives the same topics.
        #[arg(long, default_value_t = LdaOptions::default().seed)]
        seed: u64,
        /// Gibbs sweeps.
        #[arg(long, default_value_t = 300)]
        iterations: usize,
        /// Terms shown per topic.
        #[arg(long, default_value_t = 10)]
        terms: usize,
    },
    /// Candidate new words: cohesive, freely combining character strings the dictionaries lack.
    Discover {
        #[command(flatten)]
        select: SelectArgs,
        /// Keep strings seen at least this often.
        #[arg(long, default_value_t = DiscoverOptions::default().min_count)]
        min_count: u32,
        /// Longest candidate, in characters.
        #[arg(long, default_value_t = DiscoverOptions::default().max_len)]
        max_len: usize,
        /// Minimum cohesion (bits).
        #[arg(long, default_value_t = DiscoverOptions::default().min_pmi)]
        min_pmi: f64,
        /// Minimum of left and right entropy (bits).
        #[arg(long, default_value_t = DiscoverOptions::default().min_entropy)]
        min_entropy: f64,
        /// Judge novelty against jieba's base dictionary only, leaving out cijing's domain dictionary.
        #[arg(long)]
        base_dict: bool,
        /// How many rows (all when omitted).
        #[arg(long)]
        top: Option<usize>,
    },
}

/// How a table is printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tab-separated values.
    Tsv,
    /// RFC 4180 comma-separated values.
    Csv,
    /// The engine's result as JSON.
    Json,
}

impl Format {
    /// The delimited form, or `None` for JSON.
    pub fn delimited(self) -> Option<Delimited> {
        match self {
            Format::Tsv => Some(Delimited::Tsv),
            Format::Csv => Some(Delimited::Csv),
            Format::Json => None,
        }
    }
}

/// The selection every statistic works on, and the output format.
#[derive(Args)]
pub struct SelectArgs {
    /// A document id (repeatable; any of them).
    #[arg(long = "doc")]
    docs: Vec<String>,
    /// Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = date_bound)]
    from: Option<DateBound>,
    /// Latest date, inclusive.
    #[arg(long, value_parser = date_bound)]
    to: Option<DateBound>,
    /// A party code such as CN, KG, TJ, RU, SCO (repeatable; any of them).
    #[arg(long = "party")]
    parties: Vec<String>,
    /// Only paragraphs of this topic (repeatable; see `cijing topics --list`).
    #[arg(long = "topic")]
    topics: Vec<String>,
    /// With several --topic: paragraphs of any of them, or of all of them.
    #[arg(long = "match", value_parser = choice::<TopicMatch>(), default_value = TopicMatch::default().code())]
    topic_match: TopicMatch,
    /// Leave out paragraphs of this topic (repeatable).
    #[arg(long = "exclude")]
    exclude: Vec<String>,
    /// A paragraph belongs to a topic with at least this many keyword hits.
    #[arg(long, default_value_t = TopicFilter::default().threshold)]
    pub threshold: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
}

impl SelectArgs {
    /// The engine's filter these arguments describe.
    pub fn filter(&self) -> Filter {
        Filter {
            docs: self.docs.clone(),
            from: self.from,
            to: self.to,
            parties: self.parties.clone(),
            topics: TopicFilter {
                include: self.topics.clone(),
                matching: self.topic_match,
                exclude: self.exclude.clone(),
                threshold: self.threshold,
            },
        }
    }
}

/// How `kwic --sort l1|l2|r1|r2` compares words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WordOrder {
    Codepoint,
    Pinyin,
}

/// A reference selection for keyness, instead of the rest or the whole corpus.
#[derive(Args)]
pub struct RefArgs {
    /// Reference: documents of this party (repeatable; any of them).
    #[arg(long = "ref-party", conflicts_with = "reference")]
    ref_parties: Vec<String>,
    /// Reference: documents from this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long = "ref-from", value_parser = date_bound, conflicts_with = "reference")]
    ref_from: Option<DateBound>,
    /// Reference: documents up to this date, inclusive.
    #[arg(long = "ref-to", value_parser = date_bound, conflicts_with = "reference")]
    ref_to: Option<DateBound>,
    /// Reference: this document (repeatable).
    #[arg(long = "ref-doc", conflicts_with = "reference")]
    ref_docs: Vec<String>,
}

impl RefArgs {
    /// The reference's filter, or `None` when no reference option is given.
    pub fn filter(&self) -> Option<Filter> {
        if self.ref_parties.is_empty()
            && self.ref_from.is_none()
            && self.ref_to.is_none()
            && self.ref_docs.is_empty()
        {
            return None;
        }
        Some(Filter {
            docs: self.ref_docs.clone(),
            from: self.ref_from,
            to: self.ref_to,
            parties: self.ref_parties.clone(),
            ..Filter::default()
        })
    }
}

/// Which terms count.
#[derive(Args)]
pub struct TermArgs {
    /// Minimum term length in characters.
    #[arg(long, default_value_t = TermOptions::default().min_len)]
    min_len: usize,
    /// Only these part-of-speech classes, comma-separated: noun, verb, adj, adv, person, place, org, proper, idiom, abbr, other.
    #[arg(long, value_delimiter = ',', value_parser = pos_class)]
    pos: Vec<PosClass>,
    /// Count stopwords as terms too.
    #[arg(long)]
    keep_stopwords: bool,
    /// Count aliases under their canonical term (seeds/lexicon/aliases.txt).
    #[arg(long)]
    aliases: bool,
}

impl TermArgs {
    /// The engine's term options these arguments describe.
    pub fn options(&self) -> TermOptions {
        TermOptions {
            min_len: self.min_len,
            pos: self.pos.clone(),
            drop_stopwords: !self.keep_stopwords,
            merge_aliases: self.aliases,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        assert_eq!(KwicSort::codes(), "position, l1, l2, r1, r2");
    }
}

#[cfg(test)]
mod registry {
    use super::Cli;
    use cijing_view::options::SETTINGS;
    use clap::CommandFactory;

    /// Every long flag of every subcommand (and the global ones), with its
    /// default, as clap has them.
    fn flags() -> Vec<(String, String, Option<String>)> {
        let cli = Cli::command();
        let mut flags = Vec::new();
        for command in cli.get_subcommands() {
            for arg in command.get_arguments().chain(cli.get_arguments()) {
                let Some(long) = arg.get_long() else { continue };
                let default =
                    arg.get_default_values().first().map(|v| v.to_string_lossy().into_owned());
                flags.push((command.get_name().to_string(), long.to_string(), default));
            }
        }
        flags
    }

    #[test]
    fn the_cli_has_exactly_the_registrys_flags_with_its_defaults() {
        let flags = flags();
        assert!(flags.len() > 100, "read {} flags", flags.len());
        for (command, flag, default) in &flags {
            let settings: Vec<_> = SETTINGS
                .iter()
                .filter(|s| {
                    s.flag == Some(flag.as_str())
                        && (s.commands.is_empty() || s.commands.contains(&command.as_str()))
                })
                .collect();
            assert_eq!(
                settings.len(),
                1,
                "`cijing {command} --{flag}` names {} settings of the registry",
                settings.len()
            );
            if let Some(default) = default {
                assert_eq!(
                    settings[0].default,
                    Some(default.as_str()),
                    "the default of `cijing {command} --{flag}`"
                );
            }
        }
        for setting in SETTINGS {
            if let Some(flag) = setting.flag {
                assert!(
                    flags.iter().any(|(_, f, _)| f == flag),
                    "the registry's --{flag} ({:?}) is no flag of the CLI",
                    setting.id
                );
            }
        }
    }
}
