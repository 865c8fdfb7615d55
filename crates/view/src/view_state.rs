//! The one shared view state of the page, and its round trip to the URL
//! query string (the URL is the shareable view). Plain Rust, outside the
//! wasm-only `ui` module so it is tested natively.

use crate::options::{self, url_key, Id, Kind};
use cijing_engine::corpus::query::{Query, QueryError};
use cijing_engine::corpus::selection::{Filter, TopicMatch};
use cijing_engine::statistics::clusters::{ClusterOptions, ClusterSide};
use cijing_engine::statistics::collocates::{CollocateOptions, CollocateSort};
use cijing_engine::statistics::keyness::Reference;
use cijing_engine::statistics::kwic::KwicSort;
use cijing_engine::statistics::stats::TermRow;
use cijing_engine::statistics::topics::{shorten, user_topic_with, Topic, MAX_USER_TOPICS};
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::text::date::DateBound;
use cijing_engine::text::options::Choice;
use cijing_engine::text::pos::PosClass;
use cijing_engine::text::segment::Mode;
use cijing_engine::text::user_words::{decode_user_words, encode_user_words, UserWord};
use cijing_engine::Corpus;
use std::collections::HashSet;

pub const DEFAULT_TOP: usize = 20;
pub const MAX_TOP: usize = options::MAX_TOP as usize;

/// Only this much of a link's query is read (64 KiB): the settings that
/// cross it and those after it are ignored, with a note. The page writes
/// its own view into the URL, and a view near the topic limits (say 50
/// topics of 30 four-character keywords, about 58 KB percent-encoded) must
/// survive a reload; browsers take far longer URLs (Chrome 2 MB). Reading
/// is linear, so this much takes about a millisecond.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;
/// At most this many values of a list setting (`doc`, `party`, `topic`,
/// `texclude`, `pos`, `panels`, `embed`) are read; every list the shipped
/// corpus offers is shorter (17 documents, 61 topics with 50 of one's own).
pub const MAX_LIST_ITEMS: usize = 100;
/// At most this many notes about a link are kept, then one more says how
/// many were left out ("… and N more problems").
pub const MAX_NOTES: usize = 20;
/// Values quoted in notes are cut to this many characters.
const SHOWN_CHARS: usize = 40;

/// A value as quoted in a note: at most [`SHOWN_CHARS`] characters.
fn shown(value: &str) -> String {
    shorten(value, SHOWN_CHARS)
}

/// Keeps the first [`MAX_NOTES`] notes and adds one saying how many more
/// there were.
pub fn cap_notes(notes: &mut Vec<String>) {
    if notes.len() > MAX_NOTES {
        let more = notes.len() - MAX_NOTES;
        notes.truncate(MAX_NOTES);
        notes.push(format!("… and {more} more problems"));
    }
}

/// The values of a list setting (split at `,`, trimmed, empty ones
/// dropped): the first [`MAX_LIST_ITEMS`], and a note when there were more.
fn list_items(key: &str, value: &str, notes: &mut Vec<String>) -> Vec<String> {
    let mut items = value.split(',').map(str::trim).filter(|v| !v.is_empty());
    let kept: Vec<String> = items.by_ref().take(MAX_LIST_ITEMS).map(str::to_string).collect();
    let more = items.count();
    if more > 0 {
        notes.push(format!(
            "{}: {more} values after the first {MAX_LIST_ITEMS} ignored",
            shown(key)
        ));
    }
    kept
}

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language for a browser language tag (`zh-CN`, `en-GB`, …).
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The panels of the dashboard, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    Summary,
    Topics,
    Terms,
    Cloud,
    Trends,
    Contexts,
    Reader,
    Collocates,
    Phrases,
    Keyness,
    Texts,
    Dictionary,
}

impl Panel {
    pub const ALL: [Panel; 12] = [
        Panel::Summary,
        Panel::Topics,
        Panel::Terms,
        Panel::Cloud,
        Panel::Trends,
        Panel::Contexts,
        Panel::Reader,
        Panel::Collocates,
        Panel::Phrases,
        Panel::Keyness,
        Panel::Texts,
        Panel::Dictionary,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Panel::Summary => "summary",
            Panel::Topics => "topics",
            Panel::Terms => "terms",
            Panel::Cloud => "cloud",
            Panel::Trends => "trends",
            Panel::Contexts => "contexts",
            Panel::Reader => "reader",
            Panel::Collocates => "collocates",
            Panel::Phrases => "phrases",
            Panel::Keyness => "keyness",
            Panel::Texts => "texts",
            Panel::Dictionary => "dictionary",
        }
    }

    fn parse(code: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A column of the term table, to sort the whole table by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TermColumn {
    Term,
    #[default]
    Count,
    Per10k,
    Docs,
    Tfidf,
    /// Gries' DP (0 even … 1 bunched).
    Dp,
}

impl TermColumn {
    pub const ALL: [TermColumn; 6] = [
        TermColumn::Term,
        TermColumn::Count,
        TermColumn::Per10k,
        TermColumn::Docs,
        TermColumn::Tfidf,
        TermColumn::Dp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TermColumn::Term => "term",
            TermColumn::Count => "count",
            TermColumn::Per10k => "per10k",
            TermColumn::Docs => "docs",
            TermColumn::Tfidf => "tfidf",
            TermColumn::Dp => "dp",
        }
    }

    pub fn parse(code: &str) -> Option<TermColumn> {
        TermColumn::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The row's value in this column, for bars (the count for `Term`).
    pub fn value(self, row: &TermRow) -> f64 {
        match self {
            TermColumn::Term | TermColumn::Count => row.count as f64,
            TermColumn::Per10k => row.per_10k,
            TermColumn::Docs => row.docs as f64,
            TermColumn::Tfidf => row.tfidf,
            TermColumn::Dp => row.dp,
        }
    }
}

/// How the term table is sorted: a column, descending or not. A column's
/// first direction is descending, but for the term itself (A to Z).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermSortView {
    pub column: TermColumn,
    pub desc: bool,
}

impl Default for TermSortView {
    fn default() -> Self {
        TermSortView { column: TermColumn::Count, desc: true }
    }
}

impl TermSortView {
    /// The sort a click on `column`'s header gives: the other direction
    /// of the same column, or the column's first direction.
    pub fn clicked(self, column: TermColumn) -> TermSortView {
        if self.column == column {
            TermSortView { column, desc: !self.desc }
        } else {
            TermSortView { column, desc: column != TermColumn::Term }
        }
    }

    /// `tfidf` (its first direction) or `tfidf.asc` / `term.desc`.
    pub fn code(self) -> String {
        let first = self.column != TermColumn::Term;
        if self.desc == first {
            self.column.code().to_string()
        } else {
            format!("{}.{}", self.column.code(), if self.desc { "desc" } else { "asc" })
        }
    }

    pub fn parse(code: &str) -> Option<TermSortView> {
        let (column, dir) = code.split_once('.').unwrap_or((code, ""));
        let column = TermColumn::parse(column)?;
        let desc = match dir {
            "" => column != TermColumn::Term,
            "desc" => true,
            "asc" => false,
            _ => return None,
        };
        Some(TermSortView { column, desc })
    }

    /// Sorts the whole table's rows (ties by term, A to Z), so the top N
    /// shown are the table's top N by this column.
    pub fn sort_rows(self, rows: &mut [TermRow]) {
        rows.sort_by(|a, b| {
            let o = match self.column {
                TermColumn::Term => a.term.cmp(&b.term),
                TermColumn::Count => a.count.cmp(&b.count),
                TermColumn::Per10k => a.per_10k.total_cmp(&b.per_10k),
                TermColumn::Docs => a.docs.cmp(&b.docs),
                TermColumn::Tfidf => a.tfidf.total_cmp(&b.tfidf),
                TermColumn::Dp => a.dp.total_cmp(&b.dp),
            };
            let o = if self.desc { o.reverse() } else { o };
            o.then_with(|| a.term.cmp(&b.term))
        });
    }
}

/// Everything a shared link restores.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    /// Documents, dates and parties every panel works on.
    pub filter: Filter,
    /// The selected term (or phrase, words separated by spaces): Trends plots
    /// it, Contexts lists it, Reader highlights it, Collocates centre on it.
    pub term: Option<String>,
    /// How many rows tables and charts show.
    pub top: usize,
    pub min_len: usize,
    /// Only these classes (all when empty).
    pub pos: Vec<PosClass>,
    /// Leave stopwords out of tables.
    pub drop_stopwords: bool,
    pub merge_aliases: bool,
    pub mode: Mode,
    pub hmm: bool,
    /// Open panels, in page order.
    pub panels: Vec<Panel>,
    /// The document in the reader, and the paragraph (from 1) to show.
    pub read: Option<String>,
    pub para: Option<usize>,
    /// Reader shows word boundaries.
    pub show_segments: bool,
    pub kwic_sort: KwicSort,
    /// A word sort of the concordance compares words in pinyin order
    /// (`kord=pinyin`) instead of by code point.
    pub kwic_pinyin: bool,
    /// Characters of context on each side of a concordance line (`kchars`).
    pub kwic_chars: usize,
    /// The term table's sort (over the whole table).
    pub term_sort: TermSortView,
    /// Trend points: per document, per date or per year.
    pub trend_by: TrendBy,
    /// The collocates' window, minimum count and sort.
    pub collocates: CollocateOptions,
    /// The clusters around the selected term: size, side and minimum
    /// (`clsize`, `clside`, `clmin`).
    pub clusters: ClusterOptions,
    /// What keyness compares the selection with.
    pub key_ref: Reference,
    /// Topics the user made (name and keywords), carried in the link.
    pub user_topics: Vec<Topic>,
    /// Words the user added to the dictionary (`uw=word/pos,word`), sorted.
    pub user_words: Vec<UserWord>,
    /// The shipped texts, the user's, or both (`corpus=`); a link cannot
    /// carry the user's texts, only say that the view used them.
    pub source: CorpusSource,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: Lang::default(),
            filter: Filter::default(),
            term: None,
            top: DEFAULT_TOP,
            min_len: 1,
            pos: Vec::new(),
            drop_stopwords: true,
            merge_aliases: false,
            mode: Mode::Precise,
            hmm: true,
            panels: Panel::ALL.to_vec(),
            read: None,
            para: None,
            show_segments: false,
            kwic_sort: KwicSort::Position,
            kwic_pinyin: false,
            kwic_chars: KWIC_CHARS.1,
            term_sort: TermSortView::default(),
            trend_by: TrendBy::Doc,
            collocates: CollocateOptions::default(),
            clusters: ClusterOptions::default(),
            key_ref: Reference::Rest,
            user_topics: Vec::new(),
            user_words: Vec::new(),
            source: CorpusSource::Seeds,
        }
    }
}

/// Which texts the corpus holds: the shipped ones, the user's own, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CorpusSource {
    #[default]
    Seeds,
    Mine,
    Both,
}

impl CorpusSource {
    /// Its code in a link (`corpus=`).
    pub fn code(self) -> &'static str {
        match self {
            CorpusSource::Seeds => "seeds",
            CorpusSource::Mine => "mine",
            CorpusSource::Both => "both",
        }
    }

    /// The source a code names.
    pub fn parse(code: &str) -> Option<CorpusSource> {
        [CorpusSource::Seeds, CorpusSource::Mine, CorpusSource::Both]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// Whether the shipped documents are in.
    pub fn has_seeds(self) -> bool {
        self != CorpusSource::Mine
    }

    /// Whether the user's texts are in.
    pub fn has_mine(self) -> bool {
        self != CorpusSource::Seeds
    }
}

/// Characters of concordance context on each side: (least, default, most).
pub const KWIC_CHARS: (usize, usize, usize) = (5, 20, 100);

/// User topics as written in a link: `name~kw|kw;name~kw`.
pub fn encode_user_topics(topics: &[Topic]) -> String {
    topics
        .iter()
        .map(|t| format!("{}~{}", t.zh, t.keywords.join("|")))
        .collect::<Vec<_>>()
        .join(";")
}

/// User topics from a link (or saved copy), each checked against the
/// shipped topics and the ones before it; problems are returned as notes
/// (at most [`MAX_NOTES`] and a summary). The first [`MAX_USER_TOPICS`]
/// valid topics are kept, the rest ignored with one note. Time is linear
/// in the length of the text.
pub fn decode_user_topics(text: &str, shipped: &[Topic]) -> (Vec<Topic>, Vec<String>) {
    let (topics, mut notes) = decode_user_topics_uncapped(text, shipped);
    cap_notes(&mut notes);
    (topics, notes)
}

fn decode_user_topics_uncapped(text: &str, shipped: &[Topic]) -> (Vec<Topic>, Vec<String>) {
    let mut topics: Vec<Topic> = Vec::new();
    let mut notes = Vec::new();
    // The names taken: the shipped topics' (Chinese and English) and each kept topic's.
    let mut names: HashSet<String> =
        shipped.iter().flat_map(|t| [t.zh.clone(), t.en.clone()]).collect();
    let mut parts = text.split(';').filter(|p| !p.trim().is_empty());
    while let Some(part) = parts.next() {
        if topics.len() == MAX_USER_TOPICS {
            let more = 1 + parts.count();
            notes.push(format!(
                "{more} more user topics ignored: at most {MAX_USER_TOPICS} are kept"
            ));
            break;
        }
        let (name, keywords) = part.split_once('~').unwrap_or((part, ""));
        match user_topic_with(name, keywords, |n| names.contains(n), None) {
            Ok(t) => {
                names.insert(t.zh.clone());
                topics.push(t);
            }
            Err(e) => notes.push(format!("user topic \"{}\" ignored: {e}", shown(name))),
        }
    }
    (topics, notes)
}

/// The key–value pairs of the first [`MAX_QUERY_BYTES`] of a query string
/// (whole settings only), and a note when some were left out.
fn read_query(query: &str) -> (Vec<(String, String)>, Option<String>) {
    let q = query.trim_start_matches('?');
    if q.len() <= MAX_QUERY_BYTES {
        return (parse_query(q), None);
    }
    // `&` is ASCII, so the cut falls between characters.
    let cut = q.as_bytes()[..=MAX_QUERY_BYTES].iter().rposition(|&b| b == b'&').unwrap_or(0);
    let rest = parse_query(&q[cut..]);
    let note = rest.first().map(|(key, _)| {
        format!(
            "the link is longer than {MAX_QUERY_BYTES} bytes; {} settings from \"{}\" on ignored",
            rest.len(),
            shown(key)
        )
    });
    (parse_query(&q[..cut]), note)
}

impl ViewState {
    /// The default view for a browser language.
    pub fn for_browser(lang_tag: &str) -> ViewState {
        ViewState { lang: Lang::from_browser(lang_tag), ..ViewState::default() }
    }

    /// Reads a query string over `base` (the default view). `shipped` are the
    /// topics that come with the corpus. Values that are unknown or invalid
    /// are ignored, each described in the returned notes so the page can say
    /// what it ignored: the nearest valid view opens.
    pub fn from_query(
        query: &str,
        corpus: &Corpus,
        shipped: &[Topic],
        base: ViewState,
    ) -> (ViewState, Vec<String>) {
        let mut s = base;
        let (pairs, too_long) = read_query(query);
        let mut notes: Vec<String> = too_long.into_iter().collect();
        let bad =
            |key: &str, value: &str, why: &str| format!("{}={}: {why}", shown(key), shown(value));
        if let Some((_, ut)) = pairs.iter().find(|(k, _)| k == "ut") {
            let (topics, problems) = decode_user_topics_uncapped(ut, shipped);
            s.user_topics = topics;
            notes.extend(problems);
        }
        let topic_ids: Vec<String> =
            shipped.iter().chain(s.user_topics.iter()).map(|t| t.id.clone()).collect();
        let parties = corpus.parties();
        for (key, value) in pairs {
            let Some(setting) = options::by_url(&key) else {
                notes.push(format!("unknown setting \"{}\" ignored", shown(&key)));
                continue;
            };
            // Switches and counts are read as the registry says.
            match setting.kind {
                Kind::Switch => {
                    match setting.read_switch(&value) {
                        Ok(on) => *s.switch_mut(setting.id) = on,
                        Err(why) => notes.push(bad(&key, &value, &why)),
                    }
                    continue;
                }
                Kind::Count { .. } => {
                    match setting.read_count(&value) {
                        Ok(n) => s.set_count(setting.id, n as usize, &key, &value, &mut notes),
                        Err(why) if setting.id == Id::Top => {
                            notes.push(bad(&key, &value, &format!("{why}; showing {DEFAULT_TOP}")))
                        }
                        Err(why) => notes.push(bad(&key, &value, &why)),
                    }
                    continue;
                }
                _ => {}
            }
            match setting.id {
                Id::Lang => match value.as_str() {
                    "zh" => s.lang = Lang::Zh,
                    "en" => s.lang = Lang::En,
                    _ => notes.push(bad(&key, &value, "not zh or en")),
                },
                Id::Documents => {
                    for id in list_items(&key, &value, &mut notes) {
                        if corpus.doc_index(&id).is_some() {
                            if !s.filter.docs.contains(&id) {
                                s.filter.docs.push(id);
                            }
                        } else {
                            notes.push(format!("unknown document \"{}\" ignored", shown(&id)));
                        }
                    }
                }
                // A date is never longer than a shown value, so a long one is
                // reported shortened.
                Id::From | Id::To => match shown(&value).parse::<DateBound>() {
                    Ok(bound) if setting.id == Id::From => s.filter.from = Some(bound),
                    Ok(bound) => s.filter.to = Some(bound),
                    Err(e) => notes.push(bad(&key, &value, &e.to_string())),
                },
                Id::Parties => {
                    for p in list_items(&key, &value, &mut notes) {
                        if parties.contains(&p) {
                            if !s.filter.parties.contains(&p) {
                                s.filter.parties.push(p);
                            }
                        } else {
                            notes.push(format!("unknown party \"{}\" ignored", shown(&p)));
                        }
                    }
                }
                Id::Term if value.trim().is_empty() => {}
                Id::Term => {
                    // Words of the corpus, or a query of the query language
                    // (wildcards, /regex/, parts of speech, "substring").
                    let known = value.split_whitespace().all(|w| corpus.vocab.id(w).is_some());
                    let query =
                        (!known && Query::uses_language(&value)).then(|| Query::parse_known(corpus, &value, false));
                    if known || matches!(query, Some(Ok(_))) {
                        s.term = Some(value.trim().to_string());
                    } else if let Some(Err(e)) = query.filter(|q| !matches!(q, Err(QueryError::NotInCorpus(_)))) {
                        // A query that cannot be read says why (a bad /regex/, …).
                        notes.push(format!("\"{}\": {e}; no term selected", shown(&value)));
                    } else {
                        notes.push(format!("\"{}\" does not occur in the corpus; no term selected", shown(&value)));
                    }
                }
                Id::PartsOfSpeech => {
                    s.pos.clear();
                    for p in list_items(&key, &value, &mut notes) {
                        // As for dates: a long name is reported shortened.
                        match PosClass::parse(&shown(&p)) {
                            Ok(c) if !s.pos.contains(&c) => s.pos.push(c),
                            Ok(_) => {}
                            Err(e) => notes.push(e.to_string()),
                        }
                    }
                }
                Id::Mode => match value.as_str() {
                    "precise" => s.mode = Mode::Precise,
                    "search" => s.mode = Mode::Search,
                    _ => notes.push(bad(&key, &value, "not precise or search")),
                },
                Id::Panels => {
                    let mut panels: Vec<Panel> = Vec::new();
                    let codes = list_items(&key, &value, &mut notes);
                    for code in &codes {
                        match Panel::parse(code) {
                            Some(p) if !panels.contains(&p) => panels.push(p),
                            Some(_) => {}
                            None => notes.push(format!("unknown panel \"{}\" ignored", shown(code))),
                        }
                    }
                    panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
                    // `panels=` (every panel closed) is a view; a list that
                    // names no panel is a broken link: the usual panels show.
                    if panels.is_empty() && !codes.is_empty() {
                        notes.push("no known panel named: the usual panels are shown".into());
                    } else {
                        s.panels = panels;
                    }
                }
                Id::Read => {
                    if corpus.doc_index(&value).is_some() {
                        s.read = Some(value);
                    } else {
                        notes.push(format!("unknown document \"{}\" for the reader ignored", shown(&value)));
                    }
                }
                Id::UserTopics => {}
                Id::Corpus => match CorpusSource::parse(&value) {
                    Some(source) => s.source = source,
                    None => notes.push(bad(&key, &value, "not seeds, mine or both")),
                },
                Id::UserWords => {
                    let (words, word_notes) = decode_user_words(&value);
                    s.user_words = words;
                    notes.extend(word_notes);
                }
                Id::Topics | Id::ExcludedTopics => {
                    for id in list_items(&key, &value, &mut notes) {
                        if !topic_ids.contains(&id) {
                            notes.push(format!("unknown topic \"{}\" ignored", shown(&id)));
                            continue;
                        }
                        let target = if setting.id == Id::Topics {
                            &mut s.filter.topics.include
                        } else {
                            &mut s.filter.topics.exclude
                        };
                        if !target.contains(&id) {
                            target.push(id);
                        }
                    }
                }
                Id::TopicMatch => match value.as_str() {
                    "any" => s.filter.topics.matching = TopicMatch::Any,
                    "all" => s.filter.topics.matching = TopicMatch::All,
                    _ => notes.push(bad(&key, &value, "not any or all")),
                },
                Id::KwicSort => match KwicSort::parse(&value) {
                    Some(sort) => s.kwic_sort = sort,
                    None => notes.push(bad(&key, &value, &format!("not one of {}", KwicSort::codes()))),
                },
                Id::KwicOrder => match value.as_str() {
                    "pinyin" => s.kwic_pinyin = true,
                    "codepoint" => s.kwic_pinyin = false,
                    _ => notes.push(bad(&key, &value, "not pinyin or codepoint")),
                },
                Id::TermSort => match TermSortView::parse(&value) {
                    Some(sort) => s.term_sort = sort,
                    None => notes.push(bad(
                        &key,
                        &value,
                        "not a column of the term table (term, count, per10k, docs, tfidf, dp; .asc or .desc)",
                    )),
                },
                Id::TrendBy => match TrendBy::parse(&value) {
                    Some(by) => s.trend_by = by,
                    None => notes.push(bad(&key, &value, &format!("not one of {}", TrendBy::codes()))),
                },
                Id::ClusterSide => match ClusterSide::parse(&value) {
                    Some(side) => s.clusters.side = side,
                    None => notes.push(bad(&key, &value, &format!("not one of {}", ClusterSide::codes()))),
                },
                Id::CollocateSort => match CollocateSort::parse(&value) {
                    Some(sort) => s.collocates.sort = sort,
                    None => notes.push(bad(&key, &value, &format!("not one of {}", CollocateSort::codes()))),
                },
                Id::Reference => match Reference::parse(&value) {
                    Some(r) => s.key_ref = r,
                    None => notes.push(bad(&key, &value, &format!("not one of {}", Reference::codes()))),
                },
                // A setting of the CLI or the JS API only.
                _ => notes.push(format!("unknown setting \"{}\" ignored", shown(&key))),
            }
        }
        if let (true, Some(from), Some(to)) =
            (s.filter.dates_inverted(), s.filter.from, s.filter.to)
        {
            notes.push(format!(
                "from={from} is after to={to}: no date is in both, so the dates are ignored"
            ));
            (s.filter.from, s.filter.to) = (None, None);
        }
        if let (Some(read), Some(para)) = (&s.read, s.para) {
            let paragraphs = corpus.doc_index(read).map_or(0, |d| corpus.docs[d].paragraphs.len());
            if para > paragraphs {
                notes.push(format!("para={para}: the document has {paragraphs} paragraphs"));
                s.para = None;
            }
        }
        cap_notes(&mut notes);
        (s, notes)
    }

    /// The on/off setting `id` of this view (a [`Kind::Switch`] a link carries).
    fn switch_mut(&mut self, id: Id) -> &mut bool {
        match id {
            Id::Stopwords => &mut self.drop_stopwords,
            Id::Aliases => &mut self.merge_aliases,
            Id::Hmm => &mut self.hmm,
            Id::ShowSegments => &mut self.show_segments,
            _ => unreachable!("{id:?} is not a switch links carry"),
        }
    }

    /// Sets the count setting `id` (a [`Kind::Count`] a link carries, read in
    /// its range), noting why when the view cannot take it.
    fn set_count(&mut self, id: Id, n: usize, key: &str, value: &str, notes: &mut Vec<String>) {
        match id {
            Id::Top => self.top = n,
            Id::MinLength => self.min_len = n,
            Id::TopicThreshold => self.filter.topics.threshold = n as u32,
            Id::KwicChars => self.kwic_chars = n,
            Id::CollocateMin => self.collocates.min_observed = n as u64,
            Id::ClusterSize => self.clusters.size = n,
            Id::ClusterMin => self.clusters.min_count = n as u64,
            Id::Paragraph => self.para = Some(n),
            Id::CollocateLeft | Id::CollocateRight => {
                let mut c = self.collocates;
                if id == Id::CollocateLeft {
                    c.span_left = n
                } else {
                    c.span_right = n
                }
                if c.span_left + c.span_right == 0 {
                    notes.push(format!(
                        "{}={}: the window needs at least one word on one side",
                        shown(key),
                        shown(value)
                    ));
                } else {
                    self.collocates = c;
                }
            }
            _ => unreachable!("{id:?} is not a count links carry"),
        }
    }

    /// The query string for this view relative to `base` (only what differs
    /// is written; `""` for the base view).
    pub fn to_query(&self, base: &ViewState) -> String {
        let mut parts: Vec<(String, String)> = Vec::new();
        let on_off = |b: bool| if b { "on" } else { "off" }.to_string();
        if self.lang != base.lang {
            parts.push((url_key(Id::Lang).into(), self.lang.code().into()));
        }
        if !self.filter.docs.is_empty() {
            parts.push((url_key(Id::Documents).into(), self.filter.docs.join(",")));
        }
        if let Some(from) = &self.filter.from {
            parts.push((url_key(Id::From).into(), from.to_string()));
        }
        if let Some(to) = &self.filter.to {
            parts.push((url_key(Id::To).into(), to.to_string()));
        }
        if !self.filter.parties.is_empty() {
            parts.push((url_key(Id::Parties).into(), self.filter.parties.join(",")));
        }
        if !self.user_topics.is_empty() {
            parts.push((url_key(Id::UserTopics).into(), encode_user_topics(&self.user_topics)));
        }
        if self.source != base.source {
            parts.push((url_key(Id::Corpus).into(), self.source.code().into()));
        }
        if !self.user_words.is_empty() {
            parts.push((url_key(Id::UserWords).into(), encode_user_words(&self.user_words)));
        }
        if !self.filter.topics.include.is_empty() {
            parts.push((url_key(Id::Topics).into(), self.filter.topics.include.join(",")));
        }
        if self.filter.topics.matching == TopicMatch::All {
            parts.push((url_key(Id::TopicMatch).into(), "all".into()));
        }
        if !self.filter.topics.exclude.is_empty() {
            parts.push((url_key(Id::ExcludedTopics).into(), self.filter.topics.exclude.join(",")));
        }
        if self.filter.topics.threshold != 1 {
            parts.push((
                url_key(Id::TopicThreshold).into(),
                self.filter.topics.threshold.to_string(),
            ));
        }
        if let Some(term) = &self.term {
            parts.push((url_key(Id::Term).into(), term.clone()));
        }
        if self.top != base.top {
            parts.push((url_key(Id::Top).into(), self.top.to_string()));
        }
        if self.min_len != base.min_len {
            parts.push((url_key(Id::MinLength).into(), self.min_len.to_string()));
        }
        if self.pos != base.pos {
            parts.push((
                url_key(Id::PartsOfSpeech).into(),
                self.pos.iter().map(|p| p.name()).collect::<Vec<_>>().join(","),
            ));
        }
        if self.drop_stopwords != base.drop_stopwords {
            parts.push((url_key(Id::Stopwords).into(), on_off(self.drop_stopwords)));
        }
        if self.merge_aliases != base.merge_aliases {
            parts.push((url_key(Id::Aliases).into(), on_off(self.merge_aliases)));
        }
        if self.mode != base.mode {
            parts.push((
                url_key(Id::Mode).into(),
                if self.mode == Mode::Search { "search" } else { "precise" }.into(),
            ));
        }
        if self.hmm != base.hmm {
            parts.push((url_key(Id::Hmm).into(), on_off(self.hmm)));
        }
        if self.panels != base.panels {
            parts.push((
                url_key(Id::Panels).into(),
                self.panels.iter().map(|p| p.code()).collect::<Vec<_>>().join(","),
            ));
        }
        if let Some(read) = &self.read {
            parts.push((url_key(Id::Read).into(), read.clone()));
        }
        if let Some(para) = self.para {
            parts.push((url_key(Id::Paragraph).into(), para.to_string()));
        }
        if self.show_segments != base.show_segments {
            parts.push((url_key(Id::ShowSegments).into(), on_off(self.show_segments)));
        }
        if self.kwic_sort != base.kwic_sort {
            parts.push((url_key(Id::KwicSort).into(), self.kwic_sort.code().into()));
        }
        if self.kwic_pinyin != base.kwic_pinyin {
            parts.push((
                url_key(Id::KwicOrder).into(),
                if self.kwic_pinyin { "pinyin" } else { "codepoint" }.into(),
            ));
        }
        if self.kwic_chars != base.kwic_chars {
            parts.push((url_key(Id::KwicChars).into(), self.kwic_chars.to_string()));
        }
        if self.term_sort != base.term_sort {
            parts.push((url_key(Id::TermSort).into(), self.term_sort.code()));
        }
        if self.trend_by != base.trend_by {
            parts.push((url_key(Id::TrendBy).into(), self.trend_by.code().into()));
        }
        if self.collocates.span_left != base.collocates.span_left {
            parts.push((url_key(Id::CollocateLeft).into(), self.collocates.span_left.to_string()));
        }
        if self.collocates.span_right != base.collocates.span_right {
            parts
                .push((url_key(Id::CollocateRight).into(), self.collocates.span_right.to_string()));
        }
        if self.collocates.min_observed != base.collocates.min_observed {
            parts
                .push((url_key(Id::CollocateMin).into(), self.collocates.min_observed.to_string()));
        }
        if self.collocates.sort != base.collocates.sort {
            parts.push((url_key(Id::CollocateSort).into(), self.collocates.sort.code().into()));
        }
        if self.clusters.size != base.clusters.size {
            parts.push((url_key(Id::ClusterSize).into(), self.clusters.size.to_string()));
        }
        if self.clusters.side != base.clusters.side {
            parts.push((url_key(Id::ClusterSide).into(), self.clusters.side.code().into()));
        }
        if self.clusters.min_count != base.clusters.min_count {
            parts.push((url_key(Id::ClusterMin).into(), self.clusters.min_count.to_string()));
        }
        if self.key_ref != base.key_ref {
            parts.push((url_key(Id::Reference).into(), self.key_ref.code().into()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> =
            parts.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("?{}", encoded.join("&"))
    }

    pub fn is_open(&self, panel: Panel) -> bool {
        self.panels.contains(&panel)
    }
}

/// The key–value pairs of a query string, percent-decoded (`+` is a
/// space); invalid UTF-8 becomes U+FFFD rather than an error.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Does the query string have this key (exactly, not as part of another)?
/// Only the part [`ViewState::from_query`] reads counts.
pub fn query_has_key(query: &str, key: &str) -> bool {
    read_query(query).0.iter().any(|(k, _)| k == key)
}

/// Characters written as they are in a link: letters, digits and `-_.~,`.
const LINK_SAFE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, LINK_SAFE).to_string()
}

/// An iframe embed's request in a page URL: `embed=terms,trends` (the panels
/// to show; `embed=1` keeps the view's own `panels`) and `chrome=filters`
/// (show the filter bar). `rest` is the query without these keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedRequest {
    /// The panels to show, when the URL asks for an embed.
    pub panels: Option<Vec<Panel>>,
    /// Show the filter bar.
    pub filters: bool,
    /// The rest of the query, for [`ViewState::from_query`].
    pub rest: String,
    /// What was not understood.
    pub notes: Vec<String>,
}

impl EmbedRequest {
    /// Reads `embed` and `chrome` out of a query string.
    pub fn from_query(query: &str) -> EmbedRequest {
        let mut request = EmbedRequest::default();
        let mut rest = Vec::new();
        let mut view_panels = None;
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "embed" => {
                    let mut panels = Vec::new();
                    for code in
                        list_items(&key, &value, &mut request.notes).iter().filter(|c| *c != "1")
                    {
                        match Panel::parse(code) {
                            Some(p) if !panels.contains(&p) => panels.push(p),
                            Some(_) => {}
                            None => request
                                .notes
                                .push(format!("unknown panel \"{}\" ignored", shown(code))),
                        }
                    }
                    request.panels = Some(panels);
                }
                "chrome" => request.filters = value.split(',').any(|c| c.trim() == "filters"),
                _ => {
                    if key == "panels" {
                        view_panels = Some(value.clone());
                    }
                    rest.push(format!("{}={}", encode(&key), encode(&value)));
                }
            }
        }
        if let Some(panels) = &mut request.panels {
            if panels.is_empty() {
                // `embed=1`: the view's own panels, or the term chart.
                let own: Vec<Panel> = view_panels
                    .iter()
                    .flat_map(|v| v.split(','))
                    .filter_map(|c| Panel::parse(c.trim()))
                    .collect();
                *panels = if own.is_empty() { vec![Panel::Terms] } else { own };
            }
            panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
            panels.dedup();
        }
        request.rest = rest.join("&");
        cap_notes(&mut request.notes);
        request
    }
}
