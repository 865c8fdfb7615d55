//! Each statistic's table, defined once: its columns (an id that the CLI
//! and every export use as the header, and names in Chinese and English for
//! the page) and its rows as formatted text. The CLI, the page's exports and
//! its tables all build from here, so they cannot drift apart. Numbers
//! are written with a fixed number of decimals, so output is stable: two
//! for rates, G² and discovery scores; three for TF-IDF, expected counts,
//! MI, t, MI³, z, logDice, log ratio, PMI, entropies and shares.

use crate::corpus::Corpus;
use crate::statistics::clusters::ClusterRow;
use crate::statistics::collocates::CollocateTable;
use crate::statistics::discover::Candidate;
use crate::statistics::dispersion::DocHits;
use crate::statistics::keyness::KeynessTable;
use crate::statistics::kwic::KwicLine;
use crate::statistics::lda::LdaTopic;
use crate::statistics::ngrams::NgramRow;
use crate::statistics::profile::LexicalProfile;
use crate::statistics::search::SearchResult;
use crate::statistics::stats::TermTable;
use crate::statistics::topics::{Topic, TopicShare};
use crate::statistics::trends::{TrendBy, TrendPoint};
use std::borrow::Cow;
use std::fmt;

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header in CLI output and exported files (`per_10k`).
    pub id: &'static str,
    /// The header in the page, in Chinese.
    pub zh: &'static str,
    /// The header in the page, in English.
    pub en: &'static str,
}

const fn col(id: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { id, zh, en }
}

/// A statistic's rows, formatted, under its columns. Made by this module's
/// functions, or by hand from `static` columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns, in order.
    pub columns: &'static [Column],
    /// One formatted value per column in each row.
    pub rows: Vec<Vec<String>>,
}

/// How delimited text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimited {
    /// Tab-separated, no quoting; tabs and line breaks inside a value become spaces.
    Tsv,
    /// RFC 4180 CSV: values with commas, quotes or line breaks quoted, quotes doubled.
    Csv,
}

/// Delimited text could not be written: the writer's I/O error (a closed
/// pipe, a full disk).
#[derive(Debug)]
pub struct WriteError(pub std::io::Error);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write output: {}", self.0)
    }
}

impl std::error::Error for WriteError {}

impl From<csv::Error> for WriteError {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => WriteError(io),
            other => WriteError(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

impl Table {
    /// The column ids, as written in headers.
    pub fn header(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.id).collect()
    }

    /// The index of the column with this id, or `None`.
    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// Writes the header and the rows as TSV or CSV (lines end in `\n`, no
    /// byte-order mark; see [`Table::to_csv`] for spreadsheets), each cell
    /// as `cells` says ([`Cells::SpreadsheetSafe`] unless raw cells are
    /// asked for). Fails only when `out` does.
    ///
    /// ```
    /// use cijing_engine::statistics::table::{Cells, Column, Delimited, Table};
    /// static COLUMNS: [Column; 2] = [Column { id: "term", zh: "词", en: "Term" }, Column { id: "note", zh: "注", en: "Note" }];
    /// let table = Table { columns: &COLUMNS, rows: vec![vec!["合作".into(), "a\tb, \"c\"".into()]] };
    ///
    /// let mut tsv = Vec::new();
    /// table.write_delimited(&mut tsv, Delimited::Tsv, Cells::Raw)?;
    /// assert_eq!(String::from_utf8(tsv)?, "term\tnote\n合作\ta b, \"c\"\n"); // the tab became a space
    ///
    /// let mut csv = Vec::new();
    /// table.write_delimited(&mut csv, Delimited::Csv, Cells::Raw)?;
    /// assert_eq!(String::from_utf8(csv)?, "term,note\n合作,\"a\tb, \"\"c\"\"\"\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_delimited<W: std::io::Write>(
        &self,
        out: W,
        format: Delimited,
        cells: Cells,
    ) -> Result<(), WriteError> {
        let tsv = format == Delimited::Tsv;
        fn cell(f: &str, cells: Cells) -> Cow<'_, str> {
            match cells {
                Cells::SpreadsheetSafe => spreadsheet_safe(f),
                Cells::Raw => Cow::Borrowed(f),
            }
        }
        let mut w = csv::WriterBuilder::new()
            .delimiter(if tsv { b'\t' } else { b',' })
            .quote_style(if tsv { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
            .from_writer(out);
        w.write_record(self.header())?;
        for row in &self.rows {
            if tsv {
                w.write_record(
                    row.iter().map(|f| cell(f, cells).replace(['\t', '\n', '\r'], " ")),
                )?;
            } else {
                w.write_record(row.iter().map(|f| cell(f, cells).into_owned()))?;
            }
        }
        w.flush().map_err(WriteError)
    }

    /// The table as a CSV file for spreadsheets: RFC 4180, lines ending in
    /// CRLF, and a UTF-8 byte-order mark so the Chinese reads right.
    ///
    /// ```
    /// use cijing_engine::statistics::table::{Column, Table};
    /// static COLUMNS: [Column; 2] = [Column { id: "term", zh: "词", en: "Term" }, Column { id: "note", zh: "注", en: "Note" }];
    /// let table = Table { columns: &COLUMNS, rows: vec![vec!["合作".into(), "a, \"b\"".into()]] };
    /// assert_eq!(table.to_csv(), "\u{feff}term,note\r\n合作,\"a, \"\"b\"\"\"\r\n");
    /// ```
    pub fn to_csv(&self) -> String {
        csv_document(&self.header(), &self.rows)
    }
}

/// How cells are written: made safe for spreadsheets (the default of every
/// export), or as they are (the CLI's `--raw`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    /// A cell a spreadsheet would run as a formula gets a leading
    /// apostrophe ([`spreadsheet_safe`]).
    SpreadsheetSafe,
    /// Every cell as it is.
    Raw,
}

/// `cell` as a spreadsheet should show it: one that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return (a formula to Excel, LibreOffice
/// and Google Sheets: text from a user's file or a dictionary word can
/// carry one) gets a leading apostrophe, as OWASP advises for CSV
/// injection; a number (`-1.25`, `+3`) stays as it is.
///
/// ```
/// use cijing_engine::statistics::table::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(spreadsheet_safe("-1.250"), "-1.250");
/// assert_eq!(spreadsheet_safe("-合作"), "'-合作");
/// assert_eq!(spreadsheet_safe("合作"), "合作");
/// ```
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A CSV file for spreadsheets: a header row, then `rows`; RFC 4180 (fields
/// with commas, quotes or line breaks quoted, quotes doubled), lines ending
/// in CRLF, a UTF-8 byte-order mark so the Chinese reads right, and every
/// cell [`spreadsheet_safe`]. Every CSV export of the page is one.
pub fn csv_document(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let written = w.write_record(header).and_then(|_| {
        rows.iter().try_for_each(|row| {
            w.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()))
        })
    });
    let bytes = match (written, w.into_inner()) {
        (Ok(()), Ok(bytes)) => bytes,
        // Writing to memory does not fail; keep what was written if it did.
        (_, Err(e)) => e.into_inner().into_inner().unwrap_or_default(),
        (Err(_), Ok(bytes)) => bytes,
    };
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

fn f2(x: f64) -> String {
    format!("{x:.2}")
}

fn f3(x: f64) -> String {
    format!("{x:.3}")
}

/// The documents of a corpus: id, date, title, source, parties, characters
/// and word tokens.
pub fn documents(corpus: &Corpus) -> Table {
    static COLUMNS: [Column; 7] = [
        col("id", "编号", "ID"),
        col("date", "日期", "Date"),
        col("title", "标题", "Title"),
        col("source", "来源", "Source"),
        col("parties", "相关方", "Parties"),
        col("chars", "字数", "Characters"),
        col("tokens", "词数", "Word tokens"),
    ];
    let rows = corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                d.info.id.clone(),
                d.info.date.to_string(),
                d.info.title.clone(),
                d.info.source.clone(),
                d.info.parties.join(","),
                d.chars().to_string(),
                corpus.word_tokens(i).to_string(),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// A term table: term, count, per 10k, documents, TF-IDF, rows in the
/// table's order.
///
/// ```
/// use cijing_engine::corpus::selection::Selection;
/// use cijing_engine::statistics::stats::{term_table, TermOptions};
/// use cijing_engine::statistics::table::{self, Cells, Delimited};
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example. Document b has 10
/// // word tokens: 2024 年 ， 中俄 两国 继续 扩大 合作 。 | 合作 造福 两国 人民 。
/// let mut terms = term_table(&corpus, &Selection::of_docs(&corpus, &[1]), &TermOptions::default());
/// terms.rows.truncate(2);
/// let formatted = table::terms(&terms);
/// assert_eq!(formatted.header(), ["term", "count", "per_10k", "docs", "tfidf", "dp", "juilland_d"]);
///
/// // 两国 and 合作: 2 each, 2 × 10,000 / 10 = 2000 per 10k; TF-IDF over the
/// // corpus's 2 documents: 2 × ln(2/1) = 1.386 for 两国 (only in b), 2 × ln(2/2) = 0 for 合作.
/// // One document selected: DP 0, Juilland's D undefined (left empty).
/// let mut out = Vec::new();
/// formatted.write_delimited(&mut out, Delimited::Tsv, Cells::SpreadsheetSafe)?;
/// assert_eq!(
///     String::from_utf8(out)?,
///     "term\tcount\tper_10k\tdocs\ttfidf\tdp\tjuilland_d\n两国\t2\t2000.00\t1\t1.386\t0.000\t\n合作\t2\t2000.00\t1\t0.000\t0.000\t\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn terms(table: &TermTable) -> Table {
    static COLUMNS: [Column; 7] = [
        col("term", "词语", "Term"),
        col("count", "频次", "Count"),
        col("per_10k", "每万词", "Per 10k"),
        col("docs", "文献数", "Docs"),
        col("tfidf", "TF-IDF", "TF-IDF"),
        col("dp", "DP 离散度", "DP"),
        col("juilland_d", "Juilland D", "Juilland's D"),
    ];
    let rows = table
        .rows
        .iter()
        .map(|r| {
            vec![
                r.term.clone(),
                r.count.to_string(),
                f2(r.per_10k),
                r.docs.to_string(),
                f3(r.tfidf),
                f3(r.dp),
                r.juilland_d.map(f3).unwrap_or_default(),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// A keyness table: term, direction, counts and rates on both sides, G²,
/// log ratio, significance band, and whether G² passes the Bonferroni
/// cut-off (`yes`/`no`).
pub fn keyness(table: &KeynessTable) -> Table {
    static COLUMNS: [Column; 10] = [
        col("term", "词语", "Term"),
        col("direction", "方向", "Direction"),
        col("target", "目标频次", "Target"),
        col("reference", "参照频次", "Reference"),
        col("target_per_10k", "目标每万词", "Target per 10k"),
        col("reference_per_10k", "参照每万词", "Reference per 10k"),
        col("g2", "G²", "G²"),
        col("log_ratio", "对数比", "Log ratio"),
        col("p", "显著性", "p"),
        col("bonferroni", "Bonferroni 校正显著", "Bonferroni"),
    ];
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
                if r.bonferroni { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Concordance lines: where, the hit in its text context, and the words on
/// each side (nearest first).
pub fn kwic(lines: &[KwicLine]) -> Table {
    static COLUMNS: [Column; 9] = [
        col("doc", "文献", "Document"),
        col("date", "日期", "Date"),
        col("paragraph", "段", "Paragraph"),
        col("position", "位置", "Position"),
        col("left", "左语境", "Left"),
        col("node", "检索词", "Node"),
        col("right", "右语境", "Right"),
        col("left_words", "左侧词", "Left words"),
        col("right_words", "右侧词", "Right words"),
    ];
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
    Table { columns: &COLUMNS, rows }
}

/// Collocates: term, O, E, frequency, MI, G², t, MI³, z, logDice,
/// attraction or repulsion.
pub fn collocates(table: &CollocateTable) -> Table {
    static COLUMNS: [Column; 11] = [
        col("term", "搭配词", "Collocate"),
        col("observed", "共现 O", "Observed"),
        col("expected", "期望 E", "Expected"),
        col("frequency", "词频", "Frequency"),
        col("mi", "MI", "MI"),
        col("ll", "G²", "G²"),
        col("t", "t 值", "t"),
        col("mi3", "MI³", "MI³"),
        col("z", "z 值", "z"),
        col("log_dice", "logDice", "logDice"),
        col("association", "关联", "Association"),
    ];
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
                f3(r.mi3),
                f3(r.z_score),
                f3(r.log_dice),
                crate::text::options::Choice::code(r.association).to_string(),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// A search: its first row, `(all)`, is every hit (count, documents, per
/// 10k word tokens of the selection); then each form matched, most hits
/// first.
///
/// ```
/// use cijing_engine::statistics::search::{FormCount, SearchResult};
/// let result = SearchResult {
///     query: "合作*".into(), hits: 3, docs: 2, tokens: 100, per_10k: 300.0,
///     forms: vec![FormCount { form: "合作".into(), count: 2, docs: 2 }, FormCount { form: "合作伙伴".into(), count: 1, docs: 1 }],
/// };
/// let table = cijing_engine::statistics::table::search(&result);
/// assert_eq!(table.header(), ["form", "count", "docs", "per_10k"]);
/// assert_eq!(table.rows[0], ["(all)", "3", "2", "300.00"]);
/// assert_eq!(table.rows[2], ["合作伙伴", "1", "1", "100.00"]); // 1 × 10,000 / 100
/// ```
pub fn search(result: &SearchResult) -> Table {
    static COLUMNS: [Column; 4] = [
        col("form", "词形", "Form"),
        col("count", "频次", "Count"),
        col("docs", "文献数", "Docs"),
        col("per_10k", "每万词", "Per 10k"),
    ];
    let mut rows = vec![vec![
        "(all)".to_string(),
        result.hits.to_string(),
        result.docs.to_string(),
        f2(result.per_10k),
    ]];
    rows.extend(result.forms.iter().map(|f| {
        vec![
            f.form.clone(),
            f.count.to_string(),
            f.docs.to_string(),
            f2(crate::statistics::stats::per_10k(f.count, result.tokens)),
        ]
    }));
    Table { columns: &COLUMNS, rows }
}

/// A lexical profile, one measure a row: documents, paragraphs, tokens,
/// types, TTR, STTR (with its chunk and the full chunks it averages),
/// MATTR (with its window); an undefined STTR or MATTR is left empty.
///
/// ```
/// use cijing_engine::statistics::profile::{LexicalProfile, ProfileOptions};
/// let p = LexicalProfile { documents: 1, paragraphs: 2, tokens: 10, types: 8, ttr: 0.8, sttr: Some(0.875), sttr_chunks: 2, mattr: None, options: ProfileOptions { chunk: 4, window: 500 } };
/// let table = cijing_engine::statistics::table::profile(&p);
/// assert_eq!(table.header(), ["measure", "value"]);
/// let rows: Vec<String> = table.rows.iter().map(|r| r.join("=")).collect();
/// assert_eq!(rows, ["documents=1", "paragraphs=2", "tokens=10", "types=8", "ttr=0.8000", "sttr=0.8750", "sttr_chunk=4", "sttr_chunks=2", "mattr=", "mattr_window=500"]);
/// ```
pub fn profile(p: &LexicalProfile) -> Table {
    static COLUMNS: [Column; 2] =
        [col("measure", "指标", "Measure"), col("value", "数值", "Value")];
    let f4 = |x: f64| format!("{x:.4}");
    let rows = [
        ("documents", p.documents.to_string()),
        ("paragraphs", p.paragraphs.to_string()),
        ("tokens", p.tokens.to_string()),
        ("types", p.types.to_string()),
        ("ttr", f4(p.ttr)),
        ("sttr", p.sttr.map(f4).unwrap_or_default()),
        ("sttr_chunk", p.options.chunk.to_string()),
        ("sttr_chunks", p.sttr_chunks.to_string()),
        ("mattr", p.mattr.map(f4).unwrap_or_default()),
        ("mattr_window", p.options.window.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| vec![k.to_string(), v])
    .collect();
    Table { columns: &COLUMNS, rows }
}

/// Clusters: the words, count, range (documents).
///
/// ```
/// use cijing_engine::statistics::clusters::ClusterRow;
/// let table = cijing_engine::statistics::table::clusters(&[ClusterRow { cluster: "能源 合作".into(), count: 2, docs: 1 }]);
/// assert_eq!(table.header(), ["cluster", "count", "docs"]);
/// assert_eq!(table.rows, [["能源 合作", "2", "1"]]);
/// ```
pub fn clusters(rows: &[ClusterRow]) -> Table {
    static COLUMNS: [Column; 3] = [
        col("cluster", "词簇", "Cluster"),
        col("count", "频次", "Count"),
        col("docs", "文献数", "Docs"),
    ];
    let rows = rows
        .iter()
        .map(|r| vec![r.cluster.clone(), r.count.to_string(), r.docs.to_string()])
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Dispersion plot: per document its id, date, word tokens, hits and each
/// hit's relative position (three decimals, space-separated).
pub fn plot(strips: &[DocHits]) -> Table {
    static COLUMNS: [Column; 5] = [
        col("doc", "文献", "Document"),
        col("date", "日期", "Date"),
        col("tokens", "词数", "Tokens"),
        col("hits", "命中", "Hits"),
        col("positions", "位置", "Positions"),
    ];
    let rows = strips
        .iter()
        .map(|s| {
            let positions: Vec<String> = s.positions.iter().map(|p| format!("{p:.3}")).collect();
            vec![
                s.id.clone(),
                s.date.clone(),
                s.tokens.to_string(),
                s.positions.len().to_string(),
                positions.join(" "),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// N-grams: the words, n, count, documents.
pub fn ngrams(rows: &[NgramRow]) -> Table {
    static COLUMNS: [Column; 4] = [
        col("ngram", "短语", "Phrase"),
        col("n", "词数", "Words"),
        col("count", "频次", "Count"),
        col("docs", "文献数", "Docs"),
    ];
    let rows = rows
        .iter()
        .map(|r| vec![r.ngram.clone(), r.n.to_string(), r.count.to_string(), r.docs.to_string()])
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Trend points: term, document or year, date, count, tokens, per 10k; by
/// date: term, date, documents pooled, count, tokens, per 10k.
pub fn trends(points: &[TrendPoint], by: TrendBy) -> Table {
    static BY_DOC: [Column; 6] = [
        col("term", "词语", "Term"),
        col("doc", "文献", "Document"),
        col("date", "日期", "Date"),
        col("count", "频次", "Count"),
        col("tokens", "词数", "Tokens"),
        col("per_10k", "每万词", "Per 10k"),
    ];
    static BY_YEAR: [Column; 6] = [
        col("term", "词语", "Term"),
        col("year", "年份", "Year"),
        col("date", "日期", "Date"),
        col("count", "频次", "Count"),
        col("tokens", "词数", "Tokens"),
        col("per_10k", "每万词", "Per 10k"),
    ];
    static BY_DATE: [Column; 6] = [
        col("term", "词语", "Term"),
        col("date", "日期", "Date"),
        col("docs", "文献数", "Docs"),
        col("count", "频次", "Count"),
        col("tokens", "词数", "Tokens"),
        col("per_10k", "每万词", "Per 10k"),
    ];
    if by == TrendBy::Date {
        let rows = points
            .iter()
            .map(|p| {
                vec![
                    p.term.clone(),
                    p.date.clone(),
                    p.docs.to_string(),
                    p.count.to_string(),
                    p.tokens.to_string(),
                    f2(p.per_10k),
                ]
            })
            .collect();
        return Table { columns: &BY_DATE, rows };
    }
    let rows = points
        .iter()
        .map(|p| {
            vec![
                p.term.clone(),
                p.key.clone(),
                p.date.clone(),
                p.count.to_string(),
                p.tokens.to_string(),
                f2(p.per_10k),
            ]
        })
        .collect();
    Table { columns: if by == TrendBy::Doc { &BY_DOC } else { &BY_YEAR }, rows }
}

/// Topic shares: document, date, topic, paragraphs of it, of how many, share.
pub fn topic_shares(shares: &[TopicShare]) -> Table {
    static COLUMNS: [Column; 6] = [
        col("doc", "文献", "Document"),
        col("date", "日期", "Date"),
        col("topic", "主题", "Topic"),
        col("paragraphs", "主题段数", "Paragraphs"),
        col("of", "段数", "Of"),
        col("share", "占比", "Share"),
    ];
    let rows = shares
        .iter()
        .map(|s| {
            vec![
                s.doc.clone(),
                s.date.clone(),
                s.topic.clone(),
                s.paragraphs.to_string(),
                s.of.to_string(),
                f3(s.share),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Topics: id, names, colour, keywords.
pub fn topic_list(topics: &[Topic]) -> Table {
    static COLUMNS: [Column; 5] = [
        col("id", "编号", "ID"),
        col("zh", "中文名", "Chinese name"),
        col("en", "英文名", "English name"),
        col("color", "颜色", "Colour"),
        col("keywords", "关键词", "Keywords"),
    ];
    let rows = topics
        .iter()
        .map(|t| {
            vec![t.id.clone(), t.zh.clone(), t.en.clone(), t.color.clone(), t.keywords.join(" ")]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Discovered topics: number, top terms, the most typical paragraph.
pub fn lda_topics(corpus: &Corpus, topics: &[LdaTopic]) -> Table {
    static COLUMNS: [Column; 3] = [
        col("topic", "主题", "Topic"),
        col("terms", "词语", "Terms"),
        col("typical_paragraph", "典型段落", "Typical paragraph"),
    ];
    let rows = topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let example = t.paragraphs.first().map(|&(g, _)| {
                let place = corpus.place(g);
                format!("{} ¶{}", corpus.docs[place.doc as usize].info.id, place.para + 1)
            });
            vec![
                (i + 1).to_string(),
                t.terms.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" "),
                example.unwrap_or_default(),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}

/// Candidate new words: word, count, PMI, left and right entropy, score.
pub fn candidates(found: &[Candidate]) -> Table {
    static COLUMNS: [Column; 6] = [
        col("word", "候选词", "Word"),
        col("count", "频次", "Count"),
        col("pmi", "PMI", "PMI"),
        col("left_entropy", "左熵", "Left entropy"),
        col("right_entropy", "右熵", "Right entropy"),
        col("score", "得分", "Score"),
    ];
    let rows = found
        .iter()
        .map(|c| {
            vec![
                c.word.clone(),
                c.count.to_string(),
                f3(c.pmi),
                f3(c.left_entropy),
                f3(c.right_entropy),
                f2(c.score),
            ]
        })
        .collect();
    Table { columns: &COLUMNS, rows }
}
