//! Fuzzing of every parser that takes outside input (issue 11): the URL
//! view state, embed requests, user topics, user dictionary lines and
//! jieba dictionaries, the cleaner, the corpus manifest, the topic file,
//! term queries, token and word streams and dates, and the importer of users' files
//! (random bytes under every name, broken .docx archives, Chinese text in
//! every encoding, Traditional segmentation). Each target feeds generated
//! input (arbitrary text, and text built from the real keys, values and
//! separators so it reaches deep) and checks that nothing panics, that
//! outputs keep to the limits, and, where cheap, that a round trip gives
//! back what went in.
//!
//! Runs with proptest on stable Rust: `PROPTEST_CASES` cases a target
//! (256 by default, a few seconds in all); `scripts/fuzz.sh` runs many
//! more in release, and `FUZZ_TIMEOUT_MS` bounds each case's time there
//! (a case over it stops the run, printing its input).

use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::statistics::topic_file::parse_topics;
use cijing_engine::statistics::topics::{
    user_topic, Topic, MAX_KEYWORDS, MAX_KEYWORD_CHARS, MAX_TOPIC_NAME_CHARS, MAX_USER_TOPICS,
};
use cijing_engine::text::clean::{clean_text, fix_spacing, html_to_text};
use cijing_engine::text::date::{Date, DateBound};
use cijing_engine::text::import::{find_date, import, import_pdf_text, segment_paragraph};
use cijing_engine::text::lexicon::parse_user_dict;
use cijing_engine::text::script::{detect_script, to_simplified, Script};
use cijing_engine::text::segment::Token;
use cijing_engine::{corpus::tokens, SegmentOptions, Segmenter};
use cijing_manifest::parse_and_validate;
use cijing_view::view_state::{
    decode_user_topics, encode_user_topics, EmbedRequest, ViewState, MAX_LIST_ITEMS, MAX_NOTES,
};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

mod common;
use common::{presegmented as corpus, seg as segmenter};

// ---- the harness

/// Runs `check` on `PROPTEST_CASES` inputs from `strategy` (shrinking a
/// failure to a small input) and prints how many passed. With
/// `FUZZ_TIMEOUT_MS` set, a watchdog stops the process when one case runs
/// longer, printing the input.
fn fuzz<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    let config = ProptestConfig { failure_persistence: None, ..ProptestConfig::default() };
    let cases = config.cases;
    let timeout = std::env::var("FUZZ_TIMEOUT_MS")
        .ok()
        .and_then(|t| t.parse::<u64>().ok())
        .filter(|&t| t > 0);
    // The case running now: when it started and what it is.
    let current: Arc<Mutex<Option<(Instant, String)>>> = Arc::new(Mutex::new(None));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watchdog = timeout.map(|ms| {
        let (current, done, name) = (current.clone(), done.clone(), name.to_string());
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
                if let Some((start, input)) =
                    current.lock().unwrap_or_else(|e| e.into_inner()).as_ref()
                {
                    if start.elapsed() > Duration::from_millis(ms) {
                        eprintln!(
                            "fuzz {name}: a case ran longer than {ms} ms; its input:\n{input}"
                        );
                        std::process::exit(3);
                    }
                }
            }
        })
    });
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |value| {
        if timeout.is_some() {
            *current.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((Instant::now(), format!("{value:?}")));
        }
        let outcome = check(value);
        *current.lock().unwrap_or_else(|e| e.into_inner()) = None;
        outcome
    });
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(w) = watchdog {
        let _ = w.join();
    }
    match result {
        Ok(()) => eprintln!("fuzz {name}: {cases} cases passed"),
        Err(e) => panic!("fuzz {name}: {e}"),
    }
}

/// Text made of `pieces` (chosen often: the words a parser knows) and
/// arbitrary characters, up to `max` of them.
fn text_of(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(pieces).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

/// Arbitrary text: any characters, up to `max`.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect())
}

fn shipped() -> &'static [Topic] {
    static T: OnceLock<Vec<Topic>> = OnceLock::new();
    T.get_or_init(cijing_seeds::topics)
}

// ---- the view state in a link

const KEYS: &[&str] = &[
    "lang", "doc", "from", "to", "party", "term", "top", "minlen", "pos", "stop", "alias", "hmm",
    "seg", "mode", "panels", "read", "para", "ut", "topic", "texclude", "tmatch", "tthr", "ksort",
    "kord", "kchars", "clsize", "clside", "clmin", "uw", "corpus", "embed", "chrome", "x", "",
    "%75t",
];

const VALUES: &[&str] = &[
    "zh",
    "en",
    "cn-tj-2024-media",
    "cn-kg-2023-statement",
    "cn-ru-2019-partnership",
    "nope",
    "2019",
    "2023-05",
    "2024-07-05",
    "2019-13",
    "2024-02-30",
    "0",
    "1",
    "2",
    "5",
    "10",
    "100",
    "101",
    "-1",
    "99999999999999999999",
    "on",
    "off",
    "noun",
    "verb",
    "place",
    "nouns",
    "terms",
    "trends",
    "contexts",
    "reader",
    "summary",
    "maps",
    "security",
    "finance",
    "u-cf215952",
    "合作",
    "深化 合作",
    "能源",
    "太空",
    "any",
    "all",
    "r1",
    "l2",
    "position",
    "precise",
    "search",
    "filters",
    "能源转型",
    "新能源",
    "光伏",
    "KG",
    "TJ",
    "CN",
    "XX",
    ",",
    ";",
    "~",
    "|",
    " ",
    "+",
    "%",
    "%E4",
    "%2C",
    "%3B",
    "%7C",
    "%7E",
    "%20",
    "%FF",
    "\u{3000}",
    "、",
    "，",
];

/// A query built from the real keys and values, some pairs percent-encoded.
fn structured_query() -> impl Strategy<Value = String> {
    let pair = (proptest::sample::select(KEYS), text_of(VALUES, 8), any::<bool>()).prop_map(
        |(k, v, encode)| {
            let v = if encode {
                percent_encoding::utf8_percent_encode(&v, percent_encoding::NON_ALPHANUMERIC)
                    .to_string()
            } else {
                v
            };
            format!("{k}={v}")
        },
    );
    (proptest::collection::vec(pair, 0..12), any::<bool>())
        .prop_map(|(pairs, mark)| format!("{}{}", if mark { "?" } else { "" }, pairs.join("&")))
}

/// What every view read from a link keeps to.
fn check_view_bounds(view: &ViewState, notes: &[String]) -> Result<(), TestCaseError> {
    prop_assert!(notes.len() <= MAX_NOTES + 1, "{} notes", notes.len());
    for note in notes {
        prop_assert!(note.chars().count() <= 400, "a note of {} characters", note.chars().count());
    }
    prop_assert!(view.user_topics.len() <= MAX_USER_TOPICS);
    check_topics(&view.user_topics)?;
    for list in [
        view.filter.docs.len(),
        view.filter.parties.len(),
        view.filter.topics.include.len(),
        view.filter.topics.exclude.len(),
        view.pos.len(),
        view.panels.len(),
    ] {
        prop_assert!(list <= MAX_LIST_ITEMS);
    }
    prop_assert!((1..=100).contains(&view.top));
    Ok(())
}

/// User topics keep to the limits and can be written in a link.
fn check_topics(topics: &[Topic]) -> Result<(), TestCaseError> {
    let mut names = HashSet::new();
    for t in topics {
        prop_assert!(t.user && t.id.starts_with("u-"));
        prop_assert!(
            !t.zh.is_empty()
                && t.zh.chars().count() <= MAX_TOPIC_NAME_CHARS
                && !t.zh.contains(['~', ';', '|'])
        );
        prop_assert_eq!(t.zh.trim(), t.zh.as_str());
        prop_assert!(names.insert(t.zh.clone()), "two topics named {}", t.zh);
        prop_assert!(!t.keywords.is_empty() && t.keywords.len() <= MAX_KEYWORDS);
        let mut seen = HashSet::new();
        for k in &t.keywords {
            prop_assert!(
                !k.is_empty()
                    && k.chars().count() <= MAX_KEYWORD_CHARS
                    && !k.contains([',', '，', '、', '|', ';', '~'])
            );
            prop_assert!(!k.chars().any(char::is_whitespace));
            prop_assert!(seen.insert(k), "keyword {} twice", k);
        }
    }
    Ok(())
}

/// A view read from a link, written back and read again, is the same view, with no notes.
fn check_round_trip(view: &ViewState) -> Result<(), TestCaseError> {
    let base = ViewState::default();
    let query = view.to_query(&base);
    let (again, notes) = ViewState::from_query(&query, corpus(), shipped(), base);
    prop_assert_eq!(notes, Vec::<String>::new(), "{}", query);
    prop_assert_eq!(&again, view, "{}", query);
    Ok(())
}

#[test]
fn fuzz_view_state_from_any_text() {
    fuzz("view_state any", any_text(300), |q| {
        let (view, notes) = ViewState::from_query(&q, corpus(), shipped(), ViewState::default());
        check_view_bounds(&view, &notes)?;
        check_round_trip(&view)
    });
}

#[test]
fn fuzz_view_state_from_real_keys_and_values() {
    fuzz("view_state structured", structured_query(), |q| {
        let (view, notes) = ViewState::from_query(&q, corpus(), shipped(), ViewState::default());
        check_view_bounds(&view, &notes)?;
        check_round_trip(&view)
    });
}

#[test]
fn fuzz_embed_request() {
    fuzz("embed request", prop_oneof![any_text(200), structured_query()], |q| {
        let e = EmbedRequest::from_query(&q);
        prop_assert!(e.notes.len() <= MAX_NOTES + 1);
        if let Some(panels) = &e.panels {
            prop_assert!(!panels.is_empty() && panels.len() <= 10);
        }
        let (view, notes) =
            ViewState::from_query(&e.rest, corpus(), shipped(), ViewState::default());
        check_view_bounds(&view, &notes)
    });
}

// ---- user topics

const TOPIC_PIECES: &[&str] = &[
    "能源",
    "合作",
    "安全与执法",
    "Finance",
    "金融合作",
    "~",
    "~",
    ";",
    ";",
    "|",
    "|",
    ",",
    "，",
    "、",
    " ",
    "\t",
    "\u{3000}",
    "新",
    "u-1",
    "a",
];

#[test]
fn fuzz_decode_user_topics() {
    fuzz("decode_user_topics", prop_oneof![any_text(300), text_of(TOPIC_PIECES, 200)], |text| {
        let (topics, notes) = decode_user_topics(&text, shipped());
        prop_assert!(topics.len() <= MAX_USER_TOPICS && notes.len() <= MAX_NOTES + 1);
        check_topics(&topics)?;
        // No user topic takes a shipped topic's name.
        prop_assert!(!topics
            .iter()
            .any(|t| shipped().iter().any(|s| s.zh == t.zh || s.en == t.zh)));
        // Written out and read back: the same topics, no notes.
        prop_assert_eq!(
            decode_user_topics(&encode_user_topics(&topics), shipped()),
            (topics, vec![])
        );
        Ok(())
    });
}

#[test]
fn fuzz_user_topic() {
    let names = prop_oneof![any_text(50), text_of(TOPIC_PIECES, 50)];
    let keywords = prop_oneof![any_text(300), text_of(TOPIC_PIECES, 300)];
    fuzz("user_topic", (names, keywords), |(name, keywords)| {
        if let Ok(t) = user_topic(&name, &keywords, shipped(), None) {
            check_topics(&[t])?;
        }
        Ok(())
    });
}

// ---- dictionaries

const DICT_PIECES: &[&str] = &[
    "上合组织",
    "中亚峰会",
    "数字丝路",
    "合作",
    " ",
    " ",
    "\t",
    "\n",
    "\n",
    "#",
    "1",
    "100",
    "0",
    "18446744073709551615",
    "99999999999999999999",
    "n",
    "nr",
    "nz",
    "abcdef",
    "·",
    "－",
    "\r",
    "\u{feff}",
    "词",
];

/// A small jieba dictionary, so a segmenter is cheap to make per case.
const SMALL_DICT: &str =
    "合作 1000 vn\n上海 500 ns\n组织 800 n\n中亚 300 ns\n峰会 200 n\n数字 400 n\n";

#[test]
fn fuzz_user_dictionary() {
    fuzz(
        "user dictionary",
        prop_oneof![any_text(200), text_of(DICT_PIECES, 80), dictionary_lines()],
        |text| {
            let Ok(entries) = parse_user_dict(&text, "words.txt") else {
                return Ok(());
            };
            for e in &entries {
                prop_assert!(
                    !e.word.is_empty()
                        && !e.word.chars().any(char::is_whitespace)
                        && !e.word.contains('#')
                );
            }
            // Words that parse can be added and cut: tokens cover a text that
            // holds them, in order, on character boundaries.
            let mut segmenter = Segmenter::from_dictionary(SMALL_DICT.as_bytes())
                .expect("the small dictionary reads");
            segmenter.add_words(&entries);
            let sample: String = entries.iter().map(|e| format!("{}合作，", e.word)).collect();
            for options in [
                SegmentOptions::default(),
                SegmentOptions { hmm: false, ..SegmentOptions::default() },
            ] {
                let tokens = segmenter.segment(&sample, options);
                let mut at = 0;
                for t in &tokens {
                    prop_assert!(
                        t.start == at && t.end > t.start && sample.is_char_boundary(t.end),
                        "{:?} in {:?}",
                        t,
                        sample
                    );
                    at = t.end;
                }
                prop_assert_eq!(at, sample.len());
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_user_words() {
    use cijing_engine::text::user_words::{
        decode_user_words, encode_user_words, parse_user_words, to_user_dict, MAX_USER_WORDS,
        MAX_WORD_CHARS,
    };
    let pieces = prop_oneof![
        any_text(300),
        text_of(DICT_PIECES, 80),
        text_of(&["数字经济", "/", "/nz", ",", ",", " ", "中 亚", "#", "x/y/z"], 80),
        dictionary_lines()
    ];
    fuzz("user words", pieces, |text| {
        // As a link carries them: checked, sorted, within the limits, and
        // written out and read back the same, with no notes.
        let (words, notes) = decode_user_words(&text);
        prop_assert!(words.len() <= MAX_USER_WORDS && notes.len() <= 21);
        prop_assert!(words.windows(2).all(|w| w[0].word < w[1].word));
        for w in &words {
            let n = w.word.chars().count();
            prop_assert!(
                (1..=MAX_WORD_CHARS).contains(&n)
                    && !w.word.chars().any(|c| c.is_whitespace() || c == ',' || c == '/')
            );
        }
        prop_assert_eq!(decode_user_words(&encode_user_words(&words)), (words.clone(), vec![]));
        // As a file: whatever loads, exported and read again, is the same.
        if let Ok(read) = parse_user_words(&text, "words.txt") {
            prop_assert_eq!(parse_user_words(&to_user_dict(&read), "again.txt"), Ok(read));
        }
        Ok(())
    });
}

/// Dictionary lines `word freq tag`, the frequency sometimes huge or not a number.
fn dictionary_lines() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(
        &["合作", "上海", "组织", "中亚", "峰会", "了", "·", "a", "上海合作组织"][..],
    );
    let freq = proptest::sample::select(
        &[
            "",
            "0",
            "1",
            "883634",
            "1000001",
            "9223372036854775807",
            "18446744073709551615",
            "x",
            "-1",
        ][..],
    );
    let tag = proptest::sample::select(&["", "n", "ns", "abcdefg"][..]);
    proptest::collection::vec((word, freq, tag), 0..8)
        .prop_map(|lines| lines.iter().map(|(w, f, t)| format!("{w} {f} {t}\n")).collect())
}

#[test]
fn fuzz_jieba_dictionary() {
    let text = prop_oneof![any_text(200), text_of(DICT_PIECES, 80), dictionary_lines()];
    fuzz("jieba dictionary", (text, dictionary_lines()), |(base, user)| {
        if let Ok(mut segmenter) = Segmenter::from_dictionary(base.as_bytes()) {
            let _ = segmenter.segment("中亚峰会上海合作组织", SegmentOptions::default());
            let _ = segmenter.add_user_dict(&user, "words.txt");
            let _ = segmenter.segment(
                "中亚峰会上海合作组织",
                SegmentOptions { mode: cijing_engine::Mode::Search, hmm: false },
            );
        }
        Ok(())
    });
}

/// The compact dictionary (`engine::compact_dict`): any text it accepts
/// comes back entry for entry, and damaged bytes (a compact file with bytes
/// changed, cut or added, or random bytes) give an error, never a panic.
#[test]
fn fuzz_compact_dictionary() {
    let text = prop_oneof![any_text(200), text_of(DICT_PIECES, 80), dictionary_lines()];
    let damage = proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4);
    fuzz(
        "compact dictionary",
        (text, damage, any::<usize>(), proptest::collection::vec(any::<u8>(), 0..64)),
        |(text, damage, cut, noise)| {
            use cijing_engine::text::compact_dict::{compact, for_each_entry};
            let read = |bytes: &[u8]| {
                let mut entries = Vec::new();
                for_each_entry(bytes, |w, f, t| entries.push(format!("{w} {f} {t}")))
                    .map(|_| entries)
            };
            let Ok(bytes) = compact(&text) else {
                return Ok(());
            };
            let expected: Vec<String> = text
                .lines()
                .filter_map(|l| {
                    let mut f = l.split_whitespace();
                    Some(format!(
                        "{} {} {}",
                        f.next()?,
                        f.next()?.parse::<u64>().ok()?,
                        f.next().unwrap_or("")
                    ))
                })
                .collect();
            prop_assert_eq!(read(&bytes).map_err(|e| TestCaseError::fail(e.0))?, expected);
            let mut damaged = bytes.clone();
            for (at, byte) in damage {
                if !damaged.is_empty() {
                    let at = at % damaged.len();
                    damaged[at] = byte;
                }
            }
            let _ = read(&damaged);
            let _ = read(&damaged[..cut % (damaged.len() + 1)]);
            let _ = read(&[&damaged[..], &noise[..]].concat());
            let _ = read(&noise);
            let _ = Segmenter::from_compact_dictionary(&damaged);
            Ok(())
        },
    );
}

// ---- the cleaner

const CLEAN_PIECES: &[&str] = &[
    "中国和哈萨克斯坦加强能源",
    "合作，",
    "。",
    "\n",
    "\n",
    "\n\n",
    " ",
    "全 国 代 表 大 会",
    "---\n",
    "title: 标题\n",
    "<p>",
    "</p>",
    "<br>",
    "<img alt=\"图\" src=x>",
    "&amp;",
    "&nbsp;",
    "&#x4e2d;",
    "&#99999999;",
    "&",
    "<",
    ">",
    "[链接](http://x)",
    "[",
    "](",
    ")",
    "（上接第二版）",
    "（下转第二版）",
    "2",
    "12",
    "一、",
    "（一）",
    "1.",
    "\u{feff}",
    "\r\n",
    "\t",
    "■",
    "——",
    "“",
    "”",
    "《",
    "》",
    "a b",
    "Xi Jinping",
];

#[test]
fn fuzz_cleaner() {
    fuzz("cleaner", prop_oneof![any_text(400), text_of(CLEAN_PIECES, 200)], |raw| {
        let clean = clean_text(&raw);
        for p in &clean.paragraphs {
            prop_assert!(!p.is_empty() && p.trim() == p, "{:?}", p);
        }
        let _ = html_to_text(&raw);
        let _ = fix_spacing(&raw, false);
        let _ = fix_spacing(&raw, true);
        Ok(())
    });
}

// ---- the manifest and the topic file

const SEED_TEXT: &str = "第一篇第一行\n第一篇第二行\n\n第二篇第一行\n第二篇第二行\n";

/// A manifest entry with each field sometimes missing or strange.
fn manifest_doc() -> impl Strategy<Value = String> {
    let id = proptest::sample::select(&["one", "two", "Bad Id", "", "one"][..]);
    let file = proptest::sample::select(&["a.txt", "b.txt", ""][..]);
    let number = prop_oneof![0usize..8, Just(usize::MAX), Just(1usize << 40)];
    let lines = (number.clone(), number.clone());
    let extra = proptest::collection::vec(
        (
            proptest::sample::select(&["title_lines", "meta_lines"][..]),
            proptest::collection::vec(number, 0..4),
        ),
        0..3,
    );
    let date = proptest::sample::select(
        &["2019-06-05", "2019-02-29", "2020-02-29", "19-6-5", "", "２０１９-06-05"][..],
    );
    let parties =
        proptest::collection::vec(proptest::sample::select(&["CN", "RU", "XX", ""][..]), 0..3);
    let drop = proptest::option::of(0usize..10);
    (id, file, lines, extra, date, parties, drop).prop_map(
        |(id, file, (a, b), extra, date, parties, drop)| {
            let mut fields = vec![
                format!("id = \"{id}\""),
                format!("file = \"{file}\""),
                format!("lines = [{a}, {b}]"),
                "title = \"标题\"".to_string(),
                "kind = \"speech\"".to_string(),
                format!("date = \"{date}\""),
                "source = \"新华社\"".to_string(),
                "place = \"莫斯科\"".to_string(),
                format!(
                    "parties = [{}]",
                    parties.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ")
                ),
            ];
            for (key, values) in extra {
                fields.push(format!(
                    "{key} = [{}]",
                    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
                ));
            }
            if let Some(d) = drop.filter(|&d| d < fields.len()) {
                fields.remove(d);
            }
            format!("[[doc]]\n{}\n", fields.join("\n"))
        },
    )
}

#[test]
fn fuzz_manifest() {
    let manifest = prop_oneof![
        any_text(300),
        proptest::collection::vec(manifest_doc(), 0..4).prop_map(|d| d.concat())
    ];
    let seed_files =
        vec![("a.txt".to_string(), SEED_TEXT.to_string()), ("b.txt".to_string(), String::new())];
    fuzz("manifest", manifest, |text| {
        match parse_and_validate("corpus.toml", &text, &seed_files) {
            Ok(docs) => {
                for d in &docs {
                    prop_assert!(d.first_line >= 1 && d.first_line <= d.last_line);
                    prop_assert!(d.date.parse::<Date>().is_ok());
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(e.line >= 1);
                }
            }
        }
        Ok(())
    });
}

const TOPIC_FILE_PIECES: &[&str] = &[
    "[[topic]]\n",
    "id = \"ok\"\n",
    "id = \"Bad Id\"\n",
    "zh = \"好\"\n",
    "zh = \"\"\n",
    "en = \"Good\"\n",
    "color = \"#123456\"\n",
    "color = \"red\"\n",
    "color = \"#12345６\"\n",
    "keywords = [\"甲\"]\n",
    "keywords = [\"乙\", \"乙\"]\n",
    "keywords = []\n",
    "keywords = [\"a b\", \"\"]\n",
    "x = 1\n",
    "\n",
    "\"",
    "[",
    "]",
    "=",
    "#",
];

#[test]
fn fuzz_topic_file() {
    fuzz("topic file", prop_oneof![any_text(300), text_of(TOPIC_FILE_PIECES, 40)], |text| {
        match parse_topics("topics.toml", &text) {
            Ok(topics) => {
                let mut ids = HashSet::new();
                for t in &topics {
                    prop_assert!(ids.insert(t.id.clone()) && !t.keywords.is_empty());
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty() && errors.iter().all(|e| e.line >= 1))
            }
        }
        Ok(())
    });
}

// ---- term queries

const QUERY_PIECES: &[&str] = &[
    "合作",
    "深化",
    "上海合作组织",
    "上合组织",
    "能源",
    "太空",
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "，",
    "a",
    "SCO",
    "的",
];

#[test]
fn fuzz_query_parse_known() {
    fuzz(
        "Query::parse_known",
        (prop_oneof![any_text(100), text_of(QUERY_PIECES, 30)], any::<bool>()),
        |(text, aliases)| {
            if let Ok(q) = Query::parse_known(corpus(), &text, aliases) {
                prop_assert!(
                    !q.slots.is_empty()
                        && q.slots.len() <= cijing_engine::corpus::query::MAX_QUERY_WORDS
                );
                let _ = q.candidate_paragraphs(corpus());
            }
            Ok(())
        },
    );
}

// ---- token streams

fn token_docs() -> impl Strategy<Value = Vec<Vec<Vec<Token>>>> {
    let token =
        (0usize..1 << 20, 0usize..300, proptest::sample::select(&["n", "v", "", "ns", "词"][..]))
            .prop_map(|(start, len, pos)| Token { start, end: start + len, pos: pos.to_string() });
    // In any order: search mode gives a word after its parts, which start later.
    let paragraph = proptest::collection::vec(token, 0..6);
    proptest::collection::vec(proptest::collection::vec(paragraph, 0..4), 0..4)
}

/// A stream: arbitrary bytes, the magic and arbitrary bytes, or a real
/// stream with a few bytes changed or cut.
fn stream_bytes() -> impl Strategy<Value = Vec<u8>> {
    let arbitrary = proptest::collection::vec(any::<u8>(), 0..200);
    let after_magic = proptest::collection::vec(any::<u8>(), 0..200)
        .prop_map(|b| [b"CJT2".as_slice(), &b].concat());
    let damaged = (
        token_docs(),
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4),
        any::<usize>(),
    )
        .prop_map(|(docs, changes, cut)| {
            let mut bytes = tokens::encode(&docs);
            for (at, b) in changes {
                let n = bytes.len();
                bytes[at % n] = b;
            }
            let keep = cut % (bytes.len() + 1);
            bytes.truncate(keep.max(bytes.len() / 2));
            bytes
        });
    prop_oneof![arbitrary, after_magic, damaged]
}

#[test]
fn fuzz_token_stream() {
    fuzz("token stream", stream_bytes(), |bytes| {
        if let Ok(docs) = tokens::decode(&bytes) {
            // A stream that reads is written back byte for byte... or at
            // least reads back the same (varints may be padded).
            prop_assert_eq!(tokens::decode(&tokens::encode(&docs)), Ok(docs.clone()));
            // And a corpus built on it refuses spans that do not fit.
            let texts: Vec<CleanDocument> = docs
                .iter()
                .enumerate()
                .map(|(d, paras)| {
                    let paragraphs: Vec<&str> =
                        paras.iter().map(|_| "中国和哈萨克斯坦加强能源合作。").collect();
                    CleanDocument::new(
                        &format!("d{d}"),
                        "2024-07-05".parse().expect("a date"),
                        &["CN"],
                        &paragraphs,
                    )
                })
                .collect();
            let _ = Corpus::from_segmented(
                texts,
                docs,
                &HashSet::<String>::new(),
                SegmentOptions::default(),
            );
        }
        Ok(())
    });
    fuzz("token stream round trip", token_docs(), |docs| {
        prop_assert_eq!(tokens::decode(&tokens::encode(&docs)), Ok(docs));
        Ok(())
    });
}

/// Paragraphs cut into words (their text is the words joined), as a word
/// stream stores them.
fn word_docs() -> impl Strategy<Value = (Vec<Vec<String>>, Vec<Vec<Vec<Token>>>)> {
    let word = (
        proptest::sample::select(&["合作", "。", "中国", "a", "", "🙂x"][..]),
        proptest::sample::select(&["n", "v", "x", ""][..]),
    );
    let paragraph = proptest::collection::vec(word, 0..6).prop_map(|words| {
        let (mut text, mut tokens) = (String::new(), Vec::new());
        for (w, pos) in words.into_iter().filter(|(w, _)| !w.is_empty()) {
            tokens.push(Token {
                start: text.len(),
                end: text.len() + w.len(),
                pos: pos.to_string(),
            });
            text.push_str(w);
        }
        (text, tokens)
    });
    proptest::collection::vec(proptest::collection::vec(paragraph, 0..4), 0..4).prop_map(|docs| {
        docs.into_iter().map(|d| d.into_iter().unzip::<_, _, Vec<_>, Vec<_>>()).unzip()
    })
}

#[test]
fn fuzz_word_stream() {
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        proptest::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| [b"CJW1".as_slice(), &b].concat()),
        (
            word_docs(),
            proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4),
            any::<usize>()
        )
            .prop_map(|((texts, docs), changes, cut)| {
                let mut bytes =
                    tokens::encode_words(&texts, &docs).expect("the words tile their text");
                for (at, b) in changes {
                    let n = bytes.len();
                    bytes[at % n] = b;
                }
                bytes.truncate((cut % (bytes.len() + 1)).max(bytes.len() / 2));
                bytes
            }),
    ];
    fuzz("word stream", bytes, |bytes| {
        if let Ok((texts, docs)) = tokens::decode_words(&bytes) {
            // What reads is tiled text: it writes and reads back the same.
            prop_assert_eq!(
                tokens::decode_words(
                    &tokens::encode_words(&texts, &docs).expect("decoded words tile")
                ),
                Ok((texts, docs))
            );
        }
        Ok(())
    });
    fuzz("word stream round trip", word_docs(), |(texts, docs)| {
        prop_assert_eq!(
            tokens::decode_words(
                &tokens::encode_words(&texts, &docs).expect("the words tile their text")
            ),
            Ok((texts, docs))
        );
        Ok(())
    });
}

// ---- dates

const DATE_PIECES: &[&str] = &[
    "2019", "2020", "0000", "9999", "-", "-", "01", "02", "12", "13", "00", "29", "30", "31", "1",
    "+1", "２", " ",
];

#[test]
fn fuzz_dates() {
    fuzz("dates", prop_oneof![any_text(20), text_of(DATE_PIECES, 6)], |text| {
        if let Ok(date) = text.parse::<Date>() {
            prop_assert_eq!(date.to_string(), text.clone());
            prop_assert!((1..=12).contains(&date.month()) && (1..=31).contains(&date.day()));
        }
        if let Ok(bound) = text.parse::<DateBound>() {
            prop_assert_eq!(bound.to_string(), text.clone());
            prop_assert_eq!(bound.to_string().parse::<DateBound>(), Ok(bound));
        }
        Ok(())
    });
}

// ---- the importer of users' files

const IMPORT_NAMES: &[&str] =
    &["a.txt", "a.html", "a.md", "a.docx", "a", "a.pdf", "a.htm", "noext."];
const IMPORT_LABELS: &[Option<&str>] = &[
    None,
    None,
    None,
    Some("gb18030"),
    Some("big5"),
    Some("utf-16le"),
    Some("utf-8"),
    Some("bogus"),
];
const IMPORT_PIECES: &[&str] = &[
    "上海合作組織",
    "上海合作组织",
    "成員國",
    "经济",
    "與",
    "2023年5月18日",
    "二〇二三年五月十八日",
    "2023-05-18",
    "2023.5.18",
    "哈萨克斯坦",
    "俄羅斯",
    "。",
    "，",
    "\n",
    "\n\n",
    "<p>",
    "</p>",
    "<title>",
    "</title>",
    "<h1>",
    "</h1>",
    "<head>",
    "</head>",
    "<script>",
    "</script>",
    "---\n",
    "title: ",
    "date: ",
    "parties: [CN, KZ]",
    "# ",
    "> ",
    "- ",
    "**",
    "\u{feff}",
    "\0",
    "\r\n",
];

/// The checks every import result passes: an error names the file; a text
/// has paragraphs, none empty, and a title.
fn check_import(
    name: &str,
    result: Result<
        cijing_engine::text::import::ImportedText,
        cijing_engine::text::import::ImportError,
    >,
) -> Result<(), TestCaseError> {
    match result {
        Ok(text) => {
            prop_assert!(
                !text.paragraphs.is_empty() && text.paragraphs.iter().all(|p| !p.is_empty())
            );
            prop_assert!(!text.title.is_empty());
        }
        Err(e) => prop_assert!(e.to_string().starts_with(&format!("{name}: ")), "{e}"),
    }
    Ok(())
}

#[test]
fn fuzz_import_random_bytes() {
    let input = (
        proptest::sample::select(IMPORT_NAMES),
        proptest::sample::select(IMPORT_LABELS),
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..600),
            // Random bytes behind a zip signature, for the .docx reader.
            proptest::collection::vec(any::<u8>(), 0..600).prop_map(|b| [
                b"PK\x03\x04".as_slice(),
                &b
            ]
            .concat()),
        ],
    );
    fuzz("import random bytes", input, |(name, label, bytes)| {
        check_import(name, import(name, &bytes, label))
    });
}

#[test]
fn fuzz_import_encoded_chinese() {
    let encodings = [
        encoding_rs::UTF_8,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
    ];
    let input = (
        proptest::sample::select(IMPORT_NAMES),
        proptest::sample::select(IMPORT_LABELS),
        0..encodings.len(),
        any::<bool>(),
        text_of(IMPORT_PIECES, 120),
    );
    fuzz("import encoded Chinese", input, |(name, label, e, bom, text)| {
        let encoding = encodings[e];
        let mut bytes = Vec::new();
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            // encoding_rs encodes to UTF-8 for the UTF-16 encodings; write them here.
            let le = encoding == encoding_rs::UTF_16LE;
            if bom {
                bytes.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
            }
            bytes.extend(text.encode_utf16().flat_map(|u| {
                if le {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            }));
        } else {
            if bom && encoding == encoding_rs::UTF_8 {
                bytes.extend([0xEF, 0xBB, 0xBF]);
            }
            bytes.extend(encoding.encode(&text).0.iter());
        }
        check_import(name, import(name, &bytes, label))?;
        check_import(name, import_pdf_text(name, &text))
    });
}

/// A .docx made of random XML pieces (sometimes broken), in a real zip.
fn docx_bytes() -> impl Strategy<Value = Vec<u8>> {
    const XML: &[&str] = &[
        "<w:p>",
        "</w:p>",
        "<w:p/>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        "<w:t xml:space=\"preserve\">",
        "<w:br/>",
        "<w:tab/>",
        "<w:cr/>",
        "中国",
        "經濟",
        "合作。",
        "&amp;",
        "&#20013;",
        "&bogus;",
        "&#xFFFFFFFF;",
        "<![CDATA[中]]>",
        "<",
        ">",
        "<w:body>",
        "</w:body>",
    ];
    (text_of(XML, 80), proptest::collection::vec((any::<usize>(), any::<u8>()), 0..3)).prop_map(
        |(xml, flips)| {
            use std::io::Write;
            let mut out = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file("word/document.xml", options).unwrap();
            zip.write_all(format!("<w:document><w:body>{xml}</w:body></w:document>").as_bytes())
                .unwrap();
            zip.finish().unwrap();
            let mut bytes = out.into_inner();
            for (at, byte) in flips {
                let n = bytes.len();
                bytes[at % n] = byte;
            }
            bytes
        },
    )
}

#[test]
fn fuzz_import_docx() {
    fuzz("import docx", docx_bytes(), |bytes| {
        check_import("a.docx", import("a.docx", &bytes, None))
    });
}

#[test]
fn fuzz_traditional_segmentation_and_dates() {
    fuzz(
        "traditional segmentation",
        prop_oneof![any_text(80), text_of(IMPORT_PIECES, 60)],
        |text| {
            prop_assert_eq!(to_simplified(&text).chars().count(), text.chars().count());
            let _ = detect_script(&text);
            let tokens = segment_paragraph(
                segmenter(),
                &text,
                Script::Traditional,
                SegmentOptions::default(),
            );
            let mut at = 0;
            for t in &tokens {
                prop_assert!(
                    t.start == at && t.end > t.start && text.get(t.start..t.end).is_some(),
                    "{:?} at {}",
                    t,
                    at
                );
                at = t.end;
            }
            prop_assert_eq!(at, text.len());
            if let Some((_, len)) = find_date(&text) {
                prop_assert!(len <= text.len());
            }
            Ok(())
        },
    );
}
