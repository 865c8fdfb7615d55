//! `cijing`: the command-line face on the engine, for scripts, tests and
//! exact numbers. It parses arguments into engine types (`flags`), runs one
//! engine call per subcommand, prints the statistic's shared table, and
//! handles every error in one place: usage errors and bad values exit 2,
//! output errors 1, and a closed pipe (`| head`) ends quietly with 0.

#[cfg(not(target_arch = "wasm32"))]
mod flags;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use crate::flags::{Cli, Command, CorpusChoice, Format, SelectArgs, SourceArgs, WordOrder};
    use cijing_engine::corpus::query::Query;
    use cijing_engine::corpus::selection::{select, Selection};
    use cijing_engine::corpus::Corpus;
    use cijing_engine::statistics::clusters::{clusters, ClusterOptions};
    use cijing_engine::statistics::collocates::{collocates, CollocateOptions};
    use cijing_engine::statistics::discover::{discover, DiscoverOptions};
    use cijing_engine::statistics::dispersion::plot_points;
    use cijing_engine::statistics::keyness::{keyness, keyness_against, KeynessOptions};
    use cijing_engine::statistics::kwic::{kwic, sort_lines, KwicOptions};
    use cijing_engine::statistics::lda::{Lda, LdaOptions};
    use cijing_engine::statistics::ngrams::{ngrams, NgramOptions};
    use cijing_engine::statistics::profile::{lexical_profile, ProfileOptions};
    use cijing_engine::statistics::search::search;
    use cijing_engine::statistics::stats::term_table;
    use cijing_engine::statistics::table::{self, Cells, Table, WriteError};
    use cijing_engine::statistics::topics::{score_corpus, topic_shares, TopicScores};
    use cijing_engine::statistics::trends::trends;
    use cijing_engine::text::date::Date;
    use cijing_engine::text::import::{import, text_id, ImportError, ImportedText, MAX_FILE_BYTES};
    use cijing_engine::text::segment::{SegmentOptions, Segmenter, TokenKind};
    use clap::Parser;
    use serde::Serialize;
    use std::io::{self, BufRead, Read, Write};

    /// Why a command stopped.
    enum Failure {
        /// The user asked for something that cannot be: exit code 2.
        Usage(String),
        /// Output could not be written: exit code 1 (0 for a closed pipe).
        Output(io::Error),
        /// Input could not be read: exit code 1.
        Input(String),
    }

    /// Every engine error is a usage error: it names what was asked for.
    impl<E: std::error::Error> From<E> for Failure {
        fn from(e: E) -> Self {
            Failure::Usage(e.to_string())
        }
    }

    /// Lines of one message shown at most; the rest are counted.
    const MESSAGE_LINES: usize = 20;
    /// Characters of one line shown at most; the rest are counted.
    const LINE_CHARS: usize = 300;

    /// A message as a terminal may show it: control characters (an escape
    /// sequence or a bell in a dictionary word, say) written as `\u{1b}`,
    /// a line past [`LINE_CHARS`] cut with its length, and past
    /// [`MESSAGE_LINES`] lines, the rest counted ("… and 999,980 more").
    fn for_terminal(message: &str) -> String {
        let lines: Vec<&str> = message.lines().collect();
        let mut shown: Vec<String> = lines
            .iter()
            .take(MESSAGE_LINES)
            .map(|line| {
                let chars = line.chars().count();
                let mut safe: String = line
                    .chars()
                    .take(LINE_CHARS)
                    .flat_map(|c| {
                        let escaped: String = if c.is_control() && c != '\t' {
                            c.escape_unicode().to_string()
                        } else {
                            c.to_string()
                        };
                        escaped.chars().collect::<Vec<_>>()
                    })
                    .collect();
                if chars > LINE_CHARS {
                    safe.push_str(&format!("… ({chars} characters in all)"));
                }
                safe
            })
            .collect();
        if lines.len() > MESSAGE_LINES {
            shown.push(format!("… and {} more", lines.len() - MESSAGE_LINES));
        }
        shown.join("\n")
    }

    fn output(e: io::Error) -> Failure {
        Failure::Output(e)
    }

    /// Runs the command line and returns the process's exit code.
    pub fn run() -> i32 {
        let cli = match Cli::try_parse() {
            Ok(cli) => cli,
            Err(e) => {
                let _ = e.print();
                return if e.use_stderr() { 2 } else { 0 };
            }
        };
        let _ = RAW_CELLS.set(cli.raw);
        let result = read_sources(&cli.sources).and_then(|sources| execute(cli.command, &sources));
        match result {
            Ok(()) => 0,
            // The reader (head, a closed pager) has what it wanted.
            Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(Failure::Output(e)) => {
                eprintln!("cijing: cannot write output: {}", for_terminal(&e.to_string()));
                1
            }
            Err(Failure::Input(message)) => {
                eprintln!("cijing: {}", for_terminal(&message));
                1
            }
            Err(Failure::Usage(message)) => {
                eprintln!("cijing: {}", for_terminal(&message));
                2
            }
        }
    }

    /// The corpus with its segmenter and topic scores.
    struct Loaded {
        corpus: Corpus,
        segmenter: Segmenter,
        topics: TopicScores,
    }

    /// A text given with `--add`, read and cleaned.
    struct UserText {
        /// Its document id (`mine-…`).
        id: String,
        text: ImportedText,
        /// Its date when the text names none: the file's modification day.
        date_if_unknown: Date,
    }

    /// What the corpus is made of (`--add`, `--corpus`).
    struct Sources {
        seeds: bool,
        texts: Vec<UserText>,
        /// The user's dictionary words (`--words`).
        words: Vec<cijing_engine::text::user_words::UserWord>,
    }

    /// The words of `--words FILE`, or every bad line of it by number.
    fn read_words(
        args: &SourceArgs,
    ) -> Result<Vec<cijing_engine::text::user_words::UserWord>, Failure> {
        let Some(path) = &args.words else {
            return Ok(Vec::new());
        };
        let name = path.display().to_string();
        let bytes = read_at_most(path, &name)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Failure::Input(format!(
                "{name}: not UTF-8 text (byte {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        cijing_engine::text::user_words::parse_user_words(
            text.trim_start_matches('\u{feff}'),
            &name,
        )
        .map_err(|errors| Failure::Input(errors.join("\n")))
    }

    /// A file's bytes, read no further than [`MAX_FILE_BYTES`] (a device or
    /// a pipe, `/dev/zero` say, has no size to check first): a longer one is
    /// an error naming it, and nothing past the limit is held in memory.
    fn read_at_most(path: &std::path::Path, name: &str) -> Result<Vec<u8>, Failure> {
        let cannot = |e: io::Error| Failure::Input(format!("{name}: cannot read: {e}"));
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
            .map_err(cannot)?;
        if bytes.len() > MAX_FILE_BYTES {
            let limit = MAX_FILE_BYTES / (1024 * 1024);
            return Err(Failure::Input(format!(
                "{name}: the file is too large (more than {limit} MB; the limit is {limit} MB a file)"
            )));
        }
        Ok(bytes)
    }

    /// The day a file was last modified (1970-01-01 if the system cannot say).
    fn modified_day(meta: &std::fs::Metadata) -> Date {
        let seconds = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        Date::from_unix_days((seconds / 86_400) as i64)
    }

    /// Reads the `--add` files. A file that cannot be read or added stops
    /// everything with a message naming it (exit 1; an unknown
    /// `--encoding` label exits 2).
    fn read_sources(args: &SourceArgs) -> Result<Sources, Failure> {
        if args.add.is_empty() {
            if args.corpus == Some(CorpusChoice::Mine) {
                return Err(Failure::Usage(
                    "--corpus mine needs your own texts: add them with --add FILE".into(),
                ));
            }
            if args.encoding.is_some() {
                return Err(Failure::Usage("--encoding is for files added with --add".into()));
            }
            return Ok(Sources { seeds: true, texts: Vec::new(), words: read_words(args)? });
        }
        let seeds = args.corpus != Some(CorpusChoice::Mine);
        let mut texts: Vec<UserText> = Vec::new();
        for path in &args.add {
            let name = path.display().to_string();
            let meta = std::fs::metadata(path)
                .map_err(|e| Failure::Input(format!("{name}: cannot read: {e}")))?;
            if meta.is_dir() {
                return Err(Failure::Input(format!("{name}: is a directory; add the files in it")));
            }
            if meta.len() > MAX_FILE_BYTES as u64 {
                return Err(Failure::Input(
                    ImportError::TooLarge { file: name, bytes: meta.len() as usize }.to_string(),
                ));
            }
            let bytes = read_at_most(path, &name)?;
            let text = import(&name, &bytes, args.encoding.as_deref()).map_err(|e| match e {
                ImportError::UnknownEncoding { .. } => Failure::Usage(e.to_string()),
                e => Failure::Input(e.to_string()),
            })?;
            for note in &text.notes {
                eprintln!("cijing: note: {}", for_terminal(note));
            }
            let taken: Vec<String> = texts.iter().map(|t| t.id.clone()).collect();
            texts.push(UserText {
                id: text_id(&name, &taken),
                text,
                date_if_unknown: modified_day(&meta),
            });
        }
        if args.corpus == Some(CorpusChoice::Seeds) {
            texts.clear();
        }
        Ok(Sources { seeds, texts, words: read_words(args)? })
    }

    /// The seeds (when asked for) and the user's texts: the one recipe
    /// ([`cijing_seeds::corpus_with_texts`]), as the page builds it.
    fn user_corpus(sources: &Sources, segmenter: &Segmenter) -> Corpus {
        let texts = sources
            .texts
            .iter()
            .map(|t| (t.text.to_clean_document(&t.id, t.date_if_unknown), t.text.script))
            .collect();
        cijing_seeds::corpus_with_texts(sources.seeds, texts, segmenter, SegmentOptions::default())
    }

    fn load(sources: &Sources) -> Loaded {
        let mut segmenter = cijing_seeds::segmenter();
        let entries: Vec<_> =
            sources.words.iter().enumerate().map(|(i, w)| w.entry(i + 1)).collect();
        segmenter.add_words(&entries);
        let corpus = if sources.texts.is_empty() {
            cijing_seeds::corpus(&segmenter, SegmentOptions::default())
        } else {
            user_corpus(sources, &segmenter)
        };
        let topics = score_corpus(&corpus, &cijing_seeds::topics());
        Loaded { corpus, segmenter, topics }
    }

    /// The corpus and the (non-empty) selection the arguments ask for.
    fn load_selection(
        args: &SelectArgs,
        sources: &Sources,
    ) -> Result<(Loaded, Selection), Failure> {
        let loaded = load(sources);
        let selection = select(&loaded.corpus, &args.filter(), &loaded.topics)?;
        if selection.is_empty() {
            return Err(Failure::Usage(
                "the selection is empty: no document matches these filters".into(),
            ));
        }
        Ok((loaded, selection))
    }

    /// Whether tables are written with raw cells (`--raw`), set once from
    /// the command line; otherwise every cell is made safe for spreadsheets.
    static RAW_CELLS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

    /// Prints a statistic: its shared table as TSV or CSV (cells safe for
    /// spreadsheets unless `--raw`), or `json` (the engine's own result) as JSON.
    fn emit(format: Format, table: Table, json: &impl Serialize) -> Result<(), Failure> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        match format.delimited() {
            Some(delimited) => {
                let cells = if RAW_CELLS.get() == Some(&true) {
                    Cells::Raw
                } else {
                    Cells::SpreadsheetSafe
                };
                table
                    .write_delimited(&mut out, delimited, cells)
                    .map_err(|WriteError(e)| output(e))?
            }
            None => {
                serde_json::to_writer_pretty(&mut out, json).map_err(|e| output(e.into()))?;
                writeln!(out).map_err(output)?;
            }
        }
        out.flush().map_err(output)
    }

    /// A word's pinyin sort key: for each character its first reading
    /// without tone, then the tone (1–4, 5 for neutral), then the character;
    /// a character with no reading stands for itself.
    fn pinyin_key(word: &str) -> Vec<(String, u8, char)> {
        use pinyin::ToPinyin;
        word.chars()
            .map(|c| match c.to_pinyin() {
                Some(p) => {
                    let reading = p.with_tone_num_end();
                    let (plain, tone) = match reading.chars().last().and_then(|t| t.to_digit(10)) {
                        Some(t) => (&reading[..reading.len() - 1], t as u8),
                        None => (reading, 5),
                    };
                    (plain.to_string(), tone, c)
                }
                None => (c.to_lowercase().collect(), 0, c),
            })
            .collect()
    }

    fn truncate<T>(rows: &mut Vec<T>, top: Option<usize>) {
        if let Some(n) = top {
            rows.truncate(n);
        }
    }

    /// The longest line `cijing segment` reads from stdin: 1 MB (a
    /// paragraph; segmenting one takes some 40 times its size in memory).
    const MAX_LINE_BYTES: usize = 1024 * 1024;

    /// Segments stdin line by line. A line that is not UTF-8 is named with
    /// its number and the byte where the bad sequence starts.
    fn segment_stdin(segmenter: &Segmenter, options: SegmentOptions) -> Result<(), Failure> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        let mut input = io::stdin().lock();
        let mut bytes = Vec::new();
        let mut line_no = 0;
        loop {
            bytes.clear();
            // A line is read no further than the limit: input without line
            // breaks (`/dev/zero`) ends with an error, not all the memory.
            if (&mut input)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut bytes)
                .map_err(|e| Failure::Input(format!("cannot read stdin: {e}")))?
                == 0
            {
                break;
            }
            line_no += 1;
            if bytes.len() > MAX_LINE_BYTES && !bytes.ends_with(b"\n") {
                return Err(Failure::Input(format!(
                    "stdin line {line_no} is longer than {} MB: split it into lines (one paragraph a line) of at most {} MB",
                    MAX_LINE_BYTES / (1024 * 1024),
                    MAX_LINE_BYTES / (1024 * 1024)
                )));
            }
            let line = std::str::from_utf8(&bytes).map_err(|e| {
                Failure::Input(format!(
                    "stdin line {line_no}, byte {}: not valid UTF-8 text",
                    e.valid_up_to() + 1
                ))
            })?;
            let line = line.strip_suffix('\n').unwrap_or(line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let words: Vec<&str> = segmenter
                .segment(line, options)
                .iter()
                .map(|t| &line[t.start..t.end])
                .filter(|w| TokenKind::of(w) != TokenKind::Space)
                .collect();
            writeln!(out, "{}", words.join(" ")).map_err(output)?;
        }
        out.flush().map_err(output)
    }

    fn execute(command: Command, sources: &Sources) -> Result<(), Failure> {
        match command {
            Command::Docs { format } => {
                let loaded = load(sources);
                let docs = table::documents(&loaded.corpus);
                let json: Vec<serde_json::Map<String, serde_json::Value>> = docs
                    .rows
                    .iter()
                    .map(|row| {
                        docs.header()
                            .into_iter()
                            .map(String::from)
                            .zip(row.iter().map(|v| v.clone().into()))
                            .collect()
                    })
                    .collect();
                emit(format, docs, &json)
            }
            Command::Text { doc } => {
                let loaded = load(sources);
                let docs: Vec<usize> = match doc {
                    Some(id) => {
                        let filter = cijing_engine::corpus::selection::Filter {
                            docs: vec![id],
                            ..Default::default()
                        };
                        select(&loaded.corpus, &filter, &loaded.topics)?.docs(&loaded.corpus)
                    }
                    None => (0..loaded.corpus.docs.len()).collect(),
                };
                let mut out = io::BufWriter::new(io::stdout().lock());
                for d in docs {
                    for p in &loaded.corpus.docs[d].paragraphs {
                        writeln!(out, "{}", p.text).map_err(output)?;
                    }
                }
                out.flush().map_err(output)
            }
            Command::Segment { mode, no_hmm } => {
                segment_stdin(&cijing_seeds::segmenter(), SegmentOptions { mode, hmm: !no_hmm })
            }
            Command::Summary { select, chunk, window } => {
                let options = ProfileOptions { chunk, window };
                options.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let profile = lexical_profile(&loaded.corpus, &selection, &options);
                emit(select.format, table::profile(&profile), &profile)
            }
            Command::Terms { select, terms, top, sort } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let mut result = term_table(&loaded.corpus, &selection, &terms.options());
                result.sort(sort);
                truncate(&mut result.rows, top);
                emit(select.format, table::terms(&result), &result)
            }
            Command::Keyness { select, terms, reference, against, min_g2, top } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let mut result = match against.filter() {
                    Some(filter) => {
                        let other = cijing_engine::corpus::selection::select(
                            &loaded.corpus,
                            &filter,
                            &loaded.topics,
                        )?;
                        keyness_against(
                            &loaded.corpus,
                            &selection,
                            &other,
                            min_g2,
                            &terms.options(),
                        )?
                    }
                    None => keyness(
                        &loaded.corpus,
                        &selection,
                        &KeynessOptions { reference, min_g2 },
                        &terms.options(),
                    )?,
                };
                truncate(&mut result.rows, top);
                emit(select.format, table::keyness(&result), &result)
            }
            Command::Kwic { term, select, aliases, tokens, chars, sort, order, limit } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let query = Query::parse(&loaded.corpus, &loaded.segmenter, &term, aliases)?;
                let options = KwicOptions { context_words: tokens, context_chars: chars, sort };
                let mut lines = kwic(&loaded.corpus, &selection, &query, &options);
                if order == WordOrder::Pinyin {
                    sort_lines(&mut lines, sort, |a, b| pinyin_key(a).cmp(&pinyin_key(b)));
                }
                truncate(&mut lines, limit);
                emit(select.format, table::kwic(&lines), &lines)
            }
            Command::Collocates {
                term,
                select,
                terms,
                span,
                left,
                right,
                min,
                sort,
                repulsion,
                top,
            } => {
                let collocation = CollocateOptions {
                    span_left: left.unwrap_or(span),
                    span_right: right.unwrap_or(span),
                    min_observed: min,
                    sort,
                    repulsion,
                };
                collocation.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let options = terms.options();
                let query =
                    Query::parse(&loaded.corpus, &loaded.segmenter, &term, options.merge_aliases)?;
                let mut result =
                    collocates(&loaded.corpus, &selection, &query, &collocation, &options);
                truncate(&mut result.rows, top);
                emit(select.format, table::collocates(&result), &result)
            }
            Command::Clusters { term, select, aliases, size, side, min_count, top } => {
                let options = ClusterOptions { size, side, min_count };
                options.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let query = Query::parse(&loaded.corpus, &loaded.segmenter, &term, aliases)?;
                let mut rows = clusters(&loaded.corpus, &selection, &query, &options);
                truncate(&mut rows, top);
                emit(select.format, table::clusters(&rows), &rows)
            }
            Command::Plot { term, select, aliases } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let query = Query::parse(&loaded.corpus, &loaded.segmenter, &term, aliases)?;
                let strips = plot_points(&loaded.corpus, &selection, &query);
                emit(select.format, table::plot(&strips), &strips)
            }
            Command::Ngrams { select, terms, min_n, max_n, min_count, top } => {
                let ngram = NgramOptions { min_n, max_n, min_count };
                ngram.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let mut rows = ngrams(&loaded.corpus, &selection, &ngram, &terms.options());
                truncate(&mut rows, top);
                emit(select.format, table::ngrams(&rows), &rows)
            }
            Command::Trends { terms, select, aliases, by } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let queries = terms
                    .iter()
                    .map(|t| Query::parse(&loaded.corpus, &loaded.segmenter, t, aliases))
                    .collect::<Result<Vec<_>, _>>()?;
                let points = trends(&loaded.corpus, &selection, &queries, by);
                emit(select.format, table::trends(&points, by), &points)
            }
            Command::Search { query, select, aliases, top } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let query = Query::parse(&loaded.corpus, &loaded.segmenter, &query, aliases)?;
                let mut result = search(&loaded.corpus, &selection, &query);
                truncate(&mut result.forms, top);
                emit(select.format, table::search(&result), &result)
            }
            Command::Topics { select, list: true } => {
                let topics = cijing_seeds::topics();
                emit(select.format, table::topic_list(&topics), &topics)
            }
            Command::Topics { select, list: false } => {
                let (loaded, selection) = load_selection(&select, sources)?;
                let shares =
                    topic_shares(&loaded.corpus, &loaded.topics, &selection, select.threshold);
                emit(select.format, table::topic_shares(&shares), &shares)
            }
            Command::Lda { select, k, seed, iterations, terms } => {
                let options = LdaOptions { k, seed, ..LdaOptions::default() };
                options.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let mut lda = Lda::new(&loaded.corpus, &selection, options);
                lda.sweep(iterations);
                let topics = lda.topics(&loaded.corpus, terms, 3);
                emit(select.format, table::lda_topics(&loaded.corpus, &topics), &topics)
            }
            Command::Discover {
                select,
                min_count,
                max_len,
                min_pmi,
                min_entropy,
                base_dict,
                top,
            } => {
                let options = DiscoverOptions {
                    max_len,
                    min_count,
                    min_pmi,
                    min_entropy,
                    ..DiscoverOptions::default()
                };
                options.check()?;
                let (loaded, selection) = load_selection(&select, sources)?;
                let dictionary =
                    if base_dict { cijing_seeds::base_segmenter() } else { loaded.segmenter };
                let mut found = discover(&loaded.corpus, &selection, &options, &dictionary);
                truncate(&mut found, top);
                emit(select.format, table::candidates(&found), &found)
            }
        }
    }
}
