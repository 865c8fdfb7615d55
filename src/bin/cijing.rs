//! `cijing`: the command-line face on the engine, for scripts, tests and
//! exact numbers. Usage errors and unknown ids exit with code 2.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use cijing::engine::corpus::Corpus;
    use cijing::engine::segment::{Mode, SegmentOptions, Segmenter, TokenKind};
    use cijing::engine::stats::{term_frequencies, TermTable};
    use clap::{Parser, Subcommand, ValueEnum};
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
        /// Term frequencies: term, count, per_10k, docs (stopwords and punctuation excluded).
        Terms {
            #[arg(long)]
            doc: Option<String>,
            /// How many rows (all when omitted).
            #[arg(long)]
            top: Option<usize>,
            #[arg(long, value_enum, default_value_t = Format::Tsv)]
            format: Format,
        },
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

    fn execute(command: Command) -> Result<(), Failure> {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let io_err = |e: io::Error| Failure(1, format!("cannot write output: {e}"));
        match command {
            Command::Docs => {
                let corpus = load_corpus();
                writeln!(out, "id\tdate\ttitle\tsource\tparties\tchars\ttokens").map_err(io_err)?;
                for (i, d) in corpus.docs.iter().enumerate() {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        d.info.id,
                        d.info.date,
                        d.info.title,
                        d.info.source,
                        d.info.parties.join(","),
                        d.chars(),
                        corpus.word_tokens(i)
                    )
                    .map_err(io_err)?;
                }
            }
            Command::Text { doc } => {
                let corpus = load_corpus();
                for i in select_docs(&corpus, doc.as_deref())? {
                    for p in &corpus.docs[i].paragraphs {
                        writeln!(out, "{}", p.text).map_err(io_err)?;
                    }
                }
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
            }
            Command::Terms { doc, top, format } => {
                let corpus = load_corpus();
                let docs = select_docs(&corpus, doc.as_deref())?;
                let mut table = term_frequencies(&corpus, &docs);
                if let Some(n) = top {
                    table.rows.truncate(n);
                }
                write_terms(&mut out, &table, format).map_err(io_err)?;
            }
        }
        out.flush().map_err(io_err)
    }

    fn load_corpus() -> Corpus {
        Corpus::builtin(&Segmenter::builtin(), SegmentOptions::default())
    }

    fn select_docs(corpus: &Corpus, doc: Option<&str>) -> Result<Vec<usize>, Failure> {
        match doc {
            None => Ok((0..corpus.docs.len()).collect()),
            Some(id) => corpus.doc_index(id).map(|i| vec![i]).ok_or_else(|| {
                let ids: Vec<&str> = corpus.docs.iter().map(|d| d.info.id.as_str()).collect();
                Failure(2, format!("no document \"{id}\"; the documents are: {}", ids.join(", ")))
            }),
        }
    }

    fn write_terms(out: &mut impl Write, table: &TermTable, format: Format) -> io::Result<()> {
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, table)?;
                writeln!(out)
            }
            Format::Tsv | Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .delimiter(if matches!(format, Format::Tsv) { b'\t' } else { b',' })
                    .quote_style(if matches!(format, Format::Tsv) { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
                    .from_writer(out);
                w.write_record(["term", "count", "per_10k", "docs"])?;
                for r in &table.rows {
                    w.write_record([r.term.clone(), r.count.to_string(), format!("{:.2}", r.per_10k), r.docs.to_string()])?;
                }
                w.flush()
            }
        }
    }
}
