//! `cijing`: the command-line face on the engine, for scripts, tests and
//! exact numbers. Usage errors and bad values exit with code 2.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use cijing::engine::collocates::collocates;
    use cijing::engine::corpus::Corpus;
    use cijing::engine::discover::{discover, DiscoverOptions};
    use cijing::engine::keyness::{keyness, Reference};
    use cijing::engine::kwic::{kwic, KwicSort};
    use cijing::engine::ngrams::ngrams;
    use cijing::engine::pos::PosClass;
    use cijing::engine::query::Query;
    use cijing::engine::segment::{Mode, SegmentOptions, Segmenter, TokenKind};
    use cijing::engine::selection::{select, Filter, Selection};
    use cijing::engine::stats::{term_table, TermOptions};
    use cijing::engine::lda::{Lda, LdaOptions};
    use cijing::engine::topics::{builtin_topics, score_corpus, topic_shares, TopicFilter};
    use cijing::engine::trends::{trends_by_doc, trends_by_year};
    use clap::{Args, Parser, Subcommand, ValueEnum};
    use serde::Serialize;
    use std::io::{self, BufRead, Write};

    #[derive(Parser)]
    #[command(name = "cijing", version, about = "词镜 cijing — Chinese corpus analysis on the shipped corpus")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// List the documents (TSV: id date title source parties chars tokens).
        Docs,
        /// Print cleaned text, one paragraph per line.
        Text {
            /// Only this document (see `cijing docs`).
            #[arg(long)]
            doc: Option<String>,
        },
        /// Segment stdin: one output line per input line, tokens separated by single spaces.
        Segment {
            #[arg(long, value_enum, default_value_t = CliMode::Precise)]
            mode: CliMode,
            /// Turn off jieba's HMM for words missing from the dictionaries.
            #[arg(long)]
            no_hmm: bool,
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
            #[arg(long, value_enum, default_value_t = TermSort::Count)]
            sort: TermSort,
        },
        /// Terms over- and under-used in the selection (log-likelihood G², log ratio).
        Keyness {
            #[command(flatten)]
            select: SelectArgs,
            #[command(flatten)]
            terms: TermArgs,
            /// Compare with the rest of the corpus or with the whole corpus.
            #[arg(long, value_enum, default_value_t = CliReference::Rest)]
            reference: CliReference,
            /// Keep terms with G² at least this (3.84: p<0.05, 6.63: p<0.01, 10.83: p<0.001, 15.13: p<0.0001).
            #[arg(long, default_value_t = 3.84)]
            min_g2: f64,
            #[arg(long)]
            top: Option<usize>,
        },
        /// Concordance of a term, an alias group (--aliases) or a phrase ("全面 战略").
        Kwic {
            term: String,
            #[command(flatten)]
            select: SelectArgs,
            /// Match every alias of the term.
            #[arg(long)]
            aliases: bool,
            /// Context words listed on each side.
            #[arg(long, default_value_t = 5)]
            tokens: usize,
            /// Context characters shown on each side.
            #[arg(long, default_value_t = 20)]
            chars: usize,
            #[arg(long, value_enum, default_value_t = CliKwicSort::Position)]
            sort: CliKwicSort,
            #[arg(long)]
            limit: Option<usize>,
        },
        /// Words within ±span words of a node term (observed, expected, MI, log-likelihood, t-score).
        Collocates {
            term: String,
            #[command(flatten)]
            select: SelectArgs,
            #[command(flatten)]
            terms: TermArgs,
            #[arg(long, default_value_t = 5)]
            span: usize,
            /// Minimum observed co-occurrences.
            #[arg(long, default_value_t = 3)]
            min: u64,
            #[arg(long, value_enum, default_value_t = CollocateSort::Ll)]
            sort: CollocateSort,
            #[arg(long)]
            top: Option<usize>,
        },
        /// Contiguous 2–5-word sequences that do not cross punctuation or paragraphs.
        Ngrams {
            #[command(flatten)]
            select: SelectArgs,
            #[command(flatten)]
            terms: TermArgs,
            #[arg(long, default_value_t = 2)]
            min_n: usize,
            #[arg(long, default_value_t = 5)]
            max_n: usize,
            #[arg(long, default_value_t = 2)]
            min_count: u64,
            #[arg(long)]
            top: Option<usize>,
        },
        /// Relative frequency of terms per document in date order, or per year.
        Trends {
            #[arg(required = true)]
            terms: Vec<String>,
            #[command(flatten)]
            select: SelectArgs,
            #[arg(long)]
            aliases: bool,
            #[arg(long, value_enum, default_value_t = TrendBy::Doc)]
            by: TrendBy,
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
            #[arg(long, default_value_t = 8)]
            k: usize,
            #[arg(long, default_value_t = 42)]
            seed: u64,
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
            #[arg(long, default_value_t = 3)]
            min_count: u32,
            #[arg(long, default_value_t = 6)]
            max_len: usize,
            #[arg(long, default_value_t = 4.0)]
            min_pmi: f64,
            #[arg(long, default_value_t = 1.5)]
            min_entropy: f64,
            /// Judge novelty against jieba's base dictionary only, leaving out cijing's domain dictionary.
            #[arg(long)]
            base_dict: bool,
            #[arg(long)]
            top: Option<usize>,
        },
    }

    /// The selection every statistic works on.
    #[derive(Args)]
    struct SelectArgs {
        /// A document id (repeatable; any of them).
        #[arg(long = "doc")]
        docs: Vec<String>,
        /// Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        from: Option<String>,
        /// Latest date, inclusive.
        #[arg(long)]
        to: Option<String>,
        /// A party code such as CN, KG, TJ, RU, SCO (repeatable; any of them).
        #[arg(long = "party")]
        parties: Vec<String>,
        /// Only paragraphs of this topic (repeatable; see `cijing topics --list`).
        #[arg(long = "topic")]
        topics: Vec<String>,
        /// With several --topic: paragraphs of any of them, or of all of them.
        #[arg(long = "match", value_enum, default_value_t = TopicMatch::Any)]
        topic_match: TopicMatch,
        /// Leave out paragraphs of this topic (repeatable).
        #[arg(long = "exclude")]
        exclude: Vec<String>,
        /// A paragraph belongs to a topic with at least this many keyword hits.
        #[arg(long, default_value_t = 1)]
        threshold: u32,
        #[arg(long, value_enum, default_value_t = Format::Tsv)]
        format: Format,
    }

    impl SelectArgs {
        fn everything() -> SelectArgs {
            SelectArgs {
                docs: vec![],
                from: None,
                to: None,
                parties: vec![],
                topics: vec![],
                topic_match: TopicMatch::Any,
                exclude: vec![],
                threshold: 1,
                format: Format::Tsv,
            }
        }
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum TopicMatch {
        Any,
        All,
    }

    /// Which terms count.
    #[derive(Args)]
    struct TermArgs {
        /// Minimum term length in characters.
        #[arg(long, default_value_t = 1)]
        min_len: usize,
        /// Only these part-of-speech classes, comma-separated: noun, verb, adj, adv, person, place, org, proper, idiom, abbr, other.
        #[arg(long, value_delimiter = ',')]
        pos: Vec<String>,
        /// Count stopwords as terms too.
        #[arg(long)]
        keep_stopwords: bool,
        /// Count aliases under their canonical term (seeds/lexicon/aliases.txt).
        #[arg(long)]
        aliases: bool,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum CliMode {
        Precise,
        Search,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Tsv,
        Csv,
        Json,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum TermSort {
        Count,
        Tfidf,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum CliReference {
        Rest,
        Whole,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum CliKwicSort {
        Position,
        L1,
        L2,
        R1,
        R2,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum CollocateSort {
        Ll,
        Mi,
        T,
        Observed,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum TrendBy {
        Doc,
        Year,
    }

    /// An error for the user, with the process exit code.
    struct Failure(i32, String);

    pub fn run() -> i32 {
        let cli = match Cli::try_parse() {
            Ok(cli) => cli,
            Err(e) => {
                let _ = e.print();
                return if e.use_stderr() { 2 } else { 0 };
            }
        };
        match execute(cli.command) {
            Ok(()) => 0,
            Err(Failure(code, message)) => {
                eprintln!("cijing: {message}");
                code
            }
        }
    }

    fn usage(message: String) -> Failure {
        Failure(2, message)
    }

    fn io_err(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            // The reader (head, a closed pager) has what it wanted.
            std::process::exit(0);
        }
        Failure(1, format!("cannot write output: {e}"))
    }

    /// The corpus, its segmenter, and the selection the arguments ask for.
    fn load(select_args: &SelectArgs) -> Result<(Corpus, Segmenter, Selection), Failure> {
        let segmenter = Segmenter::builtin();
        let corpus = Corpus::builtin(&segmenter, SegmentOptions::default());
        let filter = Filter {
            docs: select_args.docs.clone(),
            from: select_args.from.clone(),
            to: select_args.to.clone(),
            parties: select_args.parties.clone(),
            topics: TopicFilter {
                include: select_args.topics.clone(),
                all: matches!(select_args.topic_match, TopicMatch::All),
                exclude: select_args.exclude.clone(),
                threshold: select_args.threshold,
            },
        };
        let selection = select(&corpus, &filter).map_err(usage)?;
        if selection.is_empty() {
            return Err(usage("the selection is empty: no document matches these filters".into()));
        }
        Ok((corpus, segmenter, selection))
    }

    fn term_options(args: &TermArgs) -> Result<TermOptions, Failure> {
        let pos = args.pos.iter().map(|p| PosClass::parse(p.trim())).collect::<Result<Vec<_>, _>>().map_err(usage)?;
        Ok(TermOptions { min_len: args.min_len, pos, drop_stopwords: !args.keep_stopwords, merge_aliases: args.aliases })
    }

    /// Writes a table as TSV or CSV (header, then rows) or as JSON (`json`).
    fn emit(format: Format, header: &[&str], rows: Vec<Vec<String>>, json: &impl Serialize) -> Result<(), Failure> {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, json).map_err(|e| Failure(1, e.to_string()))?;
                writeln!(out).map_err(io_err)?;
            }
            Format::Tsv | Format::Csv => {
                let tsv = matches!(format, Format::Tsv);
                let mut w = csv::WriterBuilder::new()
                    .delimiter(if tsv { b'\t' } else { b',' })
                    .quote_style(if tsv { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
                    .from_writer(&mut out);
                w.write_record(header).map_err(|e| Failure(1, e.to_string()))?;
                for row in rows {
                    // A tab or newline inside a TSV field would break the row.
                    let row = if tsv { row.into_iter().map(|f| f.replace(['\t', '\n'], " ")).collect() } else { row };
                    w.write_record(&row).map_err(|e| Failure(1, e.to_string()))?;
                }
                w.flush().map_err(io_err)?;
            }
        }
        out.flush().map_err(io_err)
    }

    fn f2(x: f64) -> String {
        format!("{x:.2}")
    }

    fn f3(x: f64) -> String {
        format!("{x:.3}")
    }

    fn truncate<T>(rows: &mut Vec<T>, top: Option<usize>) {
        if let Some(n) = top {
            rows.truncate(n);
        }
    }

    fn execute(command: Command) -> Result<(), Failure> {
        match command {
            Command::Docs => {
                let (corpus, _, _) = load(&SelectArgs::everything())?;
                let rows = corpus
                    .docs
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        vec![
                            d.info.id.clone(),
                            d.info.date.clone(),
                            d.info.title.clone(),
                            d.info.source.clone(),
                            d.info.parties.join(","),
                            d.chars().to_string(),
                            corpus.word_tokens(i).to_string(),
                        ]
                    })
                    .collect();
                emit(Format::Tsv, &["id", "date", "title", "source", "parties", "chars", "tokens"], rows, &())
            }
            Command::Text { doc } => {
                let args = SelectArgs { docs: doc.into_iter().collect(), ..SelectArgs::everything() };
                let (corpus, _, selection) = load(&args)?;
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                for (g, place) in corpus.index.paragraphs.iter().enumerate() {
                    if selection.contains(g) {
                        let text = &corpus.docs[place.doc as usize].paragraphs[place.para as usize].text;
                        writeln!(out, "{text}").map_err(io_err)?;
                    }
                }
                out.flush().map_err(io_err)
            }
            Command::Segment { mode, no_hmm } => {
                let segmenter = Segmenter::builtin();
                let options = SegmentOptions {
                    mode: match mode {
                        CliMode::Precise => Mode::Precise,
                        CliMode::Search => Mode::Search,
                    },
                    hmm: !no_hmm,
                };
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                for line in io::stdin().lock().lines() {
                    let line = line.map_err(|e| Failure(1, format!("cannot read stdin: {e}")))?;
                    let words: Vec<&str> = segmenter
                        .segment(&line, options)
                        .iter()
                        .map(|t| &line[t.start..t.end])
                        .filter(|w| TokenKind::of(w) != TokenKind::Space)
                        .collect();
                    writeln!(out, "{}", words.join(" ")).map_err(io_err)?;
                }
                out.flush().map_err(io_err)
            }
            Command::Terms { select, terms, top, sort } => {
                let (corpus, _, selection) = load(&select)?;
                let mut table = term_table(&corpus, &selection, &term_options(&terms)?);
                if let TermSort::Tfidf = sort {
                    table.rows.sort_by(|a, b| b.tfidf.total_cmp(&a.tfidf).then_with(|| a.term.cmp(&b.term)));
                }
                truncate(&mut table.rows, top);
                let rows = table
                    .rows
                    .iter()
                    .map(|r| vec![r.term.clone(), r.count.to_string(), f2(r.per_10k), r.docs.to_string(), f3(r.tfidf)])
                    .collect();
                emit(select.format, &["term", "count", "per_10k", "docs", "tfidf"], rows, &table)
            }
            Command::Keyness { select, terms, reference, min_g2, top } => {
                let (corpus, _, selection) = load(&select)?;
                let reference = match reference {
                    CliReference::Rest => Reference::Rest,
                    CliReference::Whole => Reference::Whole,
                };
                if reference == Reference::Rest && selection.complement().is_empty() {
                    return Err(usage("the selection is the whole corpus, so there is no rest to compare with; use --reference whole or narrow the selection".into()));
                }
                let mut table = keyness(&corpus, &selection, reference, &term_options(&terms)?, min_g2);
                truncate(&mut table.rows, top);
                let rows = table
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.term.clone(),
                            r.direction.to_string(),
                            r.target_count.to_string(),
                            r.reference_count.to_string(),
                            f2(r.target_per_10k),
                            f2(r.reference_per_10k),
                            f2(r.g2),
                            f3(r.log_ratio),
                            r.significance.to_string(),
                        ]
                    })
                    .collect();
                let header = ["term", "direction", "target", "reference", "target_per_10k", "reference_per_10k", "g2", "log_ratio", "p"];
                emit(select.format, &header, rows, &table)
            }
            Command::Kwic { term, select, aliases, tokens, chars, sort, limit } => {
                let (corpus, segmenter, selection) = load(&select)?;
                let query = Query::parse(&corpus, &segmenter, &term, aliases).map_err(usage)?;
                let sort = match sort {
                    CliKwicSort::Position => KwicSort::Position,
                    CliKwicSort::L1 => KwicSort::L1,
                    CliKwicSort::L2 => KwicSort::L2,
                    CliKwicSort::R1 => KwicSort::R1,
                    CliKwicSort::R2 => KwicSort::R2,
                };
                let mut lines = kwic(&corpus, &selection, &query, tokens, chars, sort);
                truncate(&mut lines, limit);
                let rows = lines
                    .iter()
                    .map(|l| {
                        vec![
                            l.doc.clone(),
                            l.date.clone(),
                            l.paragraph.to_string(),
                            l.position.to_string(),
                            l.left.clone(),
                            l.node.clone(),
                            l.right.clone(),
                            l.left_tokens.join(" "),
                            l.right_tokens.join(" "),
                        ]
                    })
                    .collect();
                let header = ["doc", "date", "paragraph", "position", "left", "node", "right", "left_words", "right_words"];
                emit(select.format, &header, rows, &lines)
            }
            Command::Collocates { term, select, terms, span, min, sort, top } => {
                let (corpus, segmenter, selection) = load(&select)?;
                let options = term_options(&terms)?;
                let query = Query::parse(&corpus, &segmenter, &term, options.merge_aliases).map_err(usage)?;
                let mut table = collocates(&corpus, &selection, &query, span, min, &options);
                match sort {
                    CollocateSort::Ll => {}
                    CollocateSort::Mi => table.rows.sort_by(|a, b| b.mi.total_cmp(&a.mi).then_with(|| a.term.cmp(&b.term))),
                    CollocateSort::T => table.rows.sort_by(|a, b| b.t_score.total_cmp(&a.t_score).then_with(|| a.term.cmp(&b.term))),
                    CollocateSort::Observed => {
                        table.rows.sort_by(|a, b| b.observed.cmp(&a.observed).then_with(|| a.term.cmp(&b.term)))
                    }
                }
                truncate(&mut table.rows, top);
                let rows = table
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.term.clone(),
                            r.observed.to_string(),
                            f3(r.expected),
                            r.frequency.to_string(),
                            f3(r.mi),
                            f2(r.log_likelihood),
                            f3(r.t_score),
                        ]
                    })
                    .collect();
                emit(select.format, &["term", "observed", "expected", "frequency", "mi", "ll", "t"], rows, &table)
            }
            Command::Ngrams { select, terms, min_n, max_n, min_count, top } => {
                if !(2..=5).contains(&min_n) || !(2..=5).contains(&max_n) || min_n > max_n {
                    return Err(usage(format!("--min-n {min_n} and --max-n {max_n}: n-grams are 2 to 5 words, min ≤ max")));
                }
                let (corpus, _, selection) = load(&select)?;
                let mut rows = ngrams(&corpus, &selection, min_n, max_n, min_count, &term_options(&terms)?);
                truncate(&mut rows, top);
                let table = rows.iter().map(|r| vec![r.ngram.clone(), r.n.to_string(), r.count.to_string(), r.docs.to_string()]).collect();
                emit(select.format, &["ngram", "n", "count", "docs"], table, &rows)
            }
            Command::Trends { terms, select, aliases, by } => {
                let (corpus, segmenter, selection) = load(&select)?;
                let queries = terms
                    .iter()
                    .map(|t| Query::parse(&corpus, &segmenter, t, aliases))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(usage)?;
                let points = match by {
                    TrendBy::Doc => trends_by_doc(&corpus, &selection, &queries),
                    TrendBy::Year => trends_by_year(&corpus, &selection, &queries),
                };
                let key = if matches!(by, TrendBy::Doc) { "doc" } else { "year" };
                let rows = points
                    .iter()
                    .map(|p| vec![p.term.clone(), p.key.clone(), p.date.clone(), p.count.to_string(), p.tokens.to_string(), f2(p.per_10k)])
                    .collect();
                emit(select.format, &["term", key, "date", "count", "tokens", "per_10k"], rows, &points)
            }
            Command::Topics { select, list } => {
                if list {
                    let topics = builtin_topics();
                    let rows = topics.iter().map(|t| vec![t.id.clone(), t.zh.clone(), t.en.clone(), t.color.clone(), t.keywords.join(" ")]).collect();
                    return emit(select.format, &["id", "zh", "en", "color", "keywords"], rows, &topics);
                }
                let (corpus, _, selection) = load(&select)?;
                let scores = score_corpus(&corpus, &builtin_topics());
                let shares = topic_shares(&corpus, &scores, &selection, select.threshold);
                let rows = shares
                    .iter()
                    .map(|s| vec![s.doc.clone(), s.date.clone(), s.topic.clone(), s.paragraphs.to_string(), s.of.to_string(), f3(s.share)])
                    .collect();
                emit(select.format, &["doc", "date", "topic", "paragraphs", "of", "share"], rows, &shares)
            }
            Command::Lda { select, k, seed, iterations, terms } => {
                if !(2..=50).contains(&k) {
                    return Err(usage(format!("--k {k}: choose 2 to 50 topics")));
                }
                let (corpus, _, selection) = load(&select)?;
                let mut lda = Lda::new(&corpus, &selection, LdaOptions { k, seed, ..LdaOptions::default() });
                lda.sweep(iterations);
                let topics = lda.topics(&corpus, terms, 3);
                let rows = topics
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let example = t.paragraphs.first().map(|&(g, _)| {
                            let place = corpus.index.paragraphs[g];
                            let d = &corpus.docs[place.doc as usize];
                            format!("{} ¶{}", d.info.id, place.para + 1)
                        });
                        vec![(i + 1).to_string(), t.terms.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" "), example.unwrap_or_default()]
                    })
                    .collect();
                emit(select.format, &["topic", "terms", "typical_paragraph"], rows, &topics)
            }
            Command::Discover { select, min_count, max_len, min_pmi, min_entropy, base_dict, top } => {
                if !(2..=8).contains(&max_len) {
                    return Err(usage(format!("--max-len {max_len}: candidates are 2 to 8 characters")));
                }
                let (corpus, segmenter, selection) = load(&select)?;
                let options = DiscoverOptions { min_len: 2, max_len, min_count, min_pmi, min_entropy };
                let dictionary = if base_dict { Segmenter::base() } else { segmenter };
                let mut found = discover(&corpus, &selection, &options, &dictionary);
                truncate(&mut found, top);
                let rows = found
                    .iter()
                    .map(|c| vec![c.word.clone(), c.count.to_string(), f3(c.pmi), f3(c.left_entropy), f3(c.right_entropy), f2(c.score)])
                    .collect();
                emit(select.format, &["word", "count", "pmi", "left_entropy", "right_entropy", "score"], rows, &found)
            }
        }
    }
}
