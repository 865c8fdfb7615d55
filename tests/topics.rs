//! Topics: keyword scoring by hand, include/exclude logic, the shipped
//! lexicons on the seeds, user topics, and a deterministic topic model.
use cijing_engine::corpus::selection::{select, Filter, Selection, TopicFilter, TopicMatch};
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::statistics::lda::{Lda, LdaOptions};
use cijing_engine::statistics::topic_file::{parse_topics, TopicFileError};
use cijing_engine::statistics::topics::{
    missing_keywords, score_corpus, topic_shares, user_topic, KeywordMatcher, Topic, TopicError,
};
use cijing_engine::SegmentOptions;

mod common;
use common::seg;

fn topic(id: &str, keywords: &[&str]) -> Topic {
    Topic {
        id: id.into(),
        zh: id.into(),
        en: id.into(),
        color: "#123456".into(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        user: false,
    }
}

fn tiny() -> Corpus {
    let doc = |id: &str, date: &str, paragraphs: &[&str]| {
        CleanDocument::new(id, date.parse().unwrap(), &["CN"], paragraphs)
    };
    let mut c = Corpus::from_documents(
        vec![
            doc(
                "a",
                "2019-01-01",
                &[
                    "打击三股势力，加强执法安全合作。",
                    "扩大贸易和投资。",
                    "加强安全合作，扩大贸易。",
                ],
            ),
            doc("b", "2024-01-01", &["深化农业合作。", "打击恐怖主义。"]),
        ],
        seg(),
        SegmentOptions::default(),
    );
    c.set_aliases(cijing_seeds::aliases(), seg());
    c
}

#[test]
fn longest_keyword_first_and_each_hit_once() {
    let m = KeywordMatcher::new(&[
        "安全".into(),
        "安全合作".into(),
        "执法安全合作".into(),
        "合作".into(),
    ]);
    // 执法安全合作 (1), then 安全合作 (1), then 合作 (1): three hits, not six.
    let text = "加强执法安全合作和安全合作，深化合作。";
    let hits: Vec<&str> = m.hits(text).into_iter().map(|(_, k)| k).collect();
    assert_eq!(hits, ["执法安全合作", "安全合作", "合作"]);
    assert_eq!(m.count("没有关键词。"), 0);
}

#[test]
fn scores_and_the_any_all_exclude_logic_by_hand() {
    let c = tiny();
    let topics = vec![
        topic("security", &["三股势力", "恐怖主义", "执法安全", "安全合作"]),
        topic("trade", &["贸易", "投资"]),
    ];
    let scores = score_corpus(&c, &topics);
    // Paragraphs: a1 security 2 (三股势力, 执法安全; 执法安全 is found before 安全合作
    // can start), a2 trade 2, a3 security 1 + trade 1, b1 none, b2 security 1.
    assert_eq!(scores.scores, [vec![2, 0], vec![0, 2], vec![1, 1], vec![0, 0], vec![1, 0]]);
    let sel = |f: TopicFilter| scores.filter(&f).unwrap().paragraphs;
    let f = |include: &[&str], all: bool, exclude: &[&str], threshold: u32| TopicFilter {
        include: include.iter().map(|s| s.to_string()).collect(),
        matching: if all { TopicMatch::All } else { TopicMatch::Any },
        exclude: exclude.iter().map(|s| s.to_string()).collect(),
        threshold,
    };
    assert_eq!(sel(f(&["security"], false, &[], 1)), [true, false, true, false, true]);
    assert_eq!(sel(f(&["security", "trade"], false, &[], 1)), [true, true, true, false, true]);
    assert_eq!(sel(f(&["security", "trade"], true, &[], 1)), [false, false, true, false, false]);
    assert_eq!(sel(f(&["security"], false, &["trade"], 1)), [true, false, false, false, true]);
    assert_eq!(sel(f(&[], false, &["security"], 1)), [false, true, false, true, false]);
    assert_eq!(sel(f(&["security"], false, &[], 2)), [true, false, false, false, false]);
    assert!(scores
        .filter(&f(&["nope"], false, &[], 1))
        .unwrap_err()
        .to_string()
        .contains("unknown topic \"nope\""));
    // Shares per document, in date order: a has 3 paragraphs, 2 on security.
    let shares = topic_shares(&c, &scores, &Selection::all(&c), 1);
    let a_sec = shares.iter().find(|s| s.doc == "a" && s.topic == "security").unwrap();
    assert_eq!((a_sec.paragraphs, a_sec.of), (2, 3));
    assert!((a_sec.share - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(shares[0].doc, "a");
}

#[test]
fn the_topic_filter_combines_with_documents_dates_and_parties() {
    let c = tiny();
    let filter = Filter {
        from: "2024".parse().ok(),
        topics: TopicFilter { include: vec!["security".into()], ..TopicFilter::default() },
        ..Filter::default()
    };
    // Built-in topics: in 2024 only b2 (恐怖主义) is about security.
    let shipped = score_corpus(&c, &cijing_seeds::topics());
    assert_eq!(
        select(&c, &filter, &shipped).unwrap().paragraphs,
        [false, false, false, false, true]
    );
}

#[test]
fn the_shipped_topics_are_valid_and_the_security_topic_finds_the_right_passages() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/topics.toml")).unwrap();
    let topics = parse_topics("seeds/topics.toml", &text).unwrap();
    assert_eq!(topics, cijing_seeds::topics());
    assert_eq!(topics.len(), 11);
    let corpus = cijing_seeds::corpus(seg(), SegmentOptions::default());
    for t in &topics {
        assert!(
            missing_keywords(&corpus, t).len() * 2 < t.keywords.len(),
            "{}: most keywords occur",
            t.id
        );
    }
    let scores = score_corpus(&corpus, &topics);
    let security = select(
        &corpus,
        &Filter {
            topics: TopicFilter { include: vec!["security".into()], ..TopicFilter::default() },
            ..Filter::default()
        },
        &scores,
    )
    .unwrap();
    let texts: Vec<&str> = corpus
        .index
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(g, _)| security.contains(*g))
        .map(|(_, p)| corpus.docs[p.doc as usize].paragraphs[p.para as usize].text.as_str())
        .collect();
    // Every paragraph on 三股势力 or counter-terrorism is in…
    for (g, p) in corpus.index.paragraphs.iter().enumerate() {
        let t = &corpus.docs[p.doc as usize].paragraphs[p.para as usize].text;
        if t.contains("三股势力") || t.contains("反恐") || t.contains("恐怖主义") {
            assert!(security.contains(g), "missing: {t}");
        }
    }
    // …and the trade paragraphs are not.
    let trade = ["双方将采取措施进一步扩大双边贸易规模", "双方积极商签数字经济领域投资合作文件"];
    for start in trade {
        assert!(
            texts.iter().all(|t| !t.starts_with(start)),
            "trade paragraph {start}… selected as security"
        );
        assert!(
            corpus.docs.iter().flat_map(|d| &d.paragraphs).any(|p| p.text.starts_with(start)),
            "{start} is in the corpus"
        );
    }
    assert!(texts.len() > 40 && texts.len() < 150, "{} security paragraphs", texts.len());
}

#[test]
fn a_bad_topic_file_names_its_line() {
    let text = "[[topic]]\nid = \"ok\"\nzh = \"好\"\nen = \"Good\"\ncolor = \"#123456\"\nkeywords = [\"甲\"]\n\n[[topic]]\nid = \"Bad Id\"\nzh = \"\"\nen = \"x\"\ncolor = \"red\"\nkeywords = [\"乙\", \"乙\"]\n";
    let errors: Vec<TopicFileError> = parse_topics("topics.toml", text).unwrap_err();
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(lines.iter().all(|l| l.starts_with("topics.toml:8:")), "{lines:?}");
    for needle in ["lower-case", "Chinese and an English name", "not #rrggbb", "listed twice"] {
        assert!(lines.iter().any(|l| l.contains(needle)), "{needle} in {lines:?}");
    }
}

#[test]
fn user_topics_are_checked() {
    let shipped = cijing_seeds::topics();
    let t = user_topic(" 能源转型 ", "新能源， 光伏、新能源 风电", &shipped, None).unwrap();
    assert_eq!(
        (t.zh.as_str(), t.keywords.clone(), t.user),
        ("能源转型", vec!["新能源".to_string(), "光伏".into(), "风电".into()], true)
    );
    assert!(t.id.starts_with("u-"));
    assert_eq!(user_topic("", "甲", &shipped, None).unwrap_err(), TopicError::NoName);
    assert_eq!(user_topic("新题", " ,， ", &shipped, None).unwrap_err(), TopicError::NoKeywords);
    assert_eq!(
        user_topic("安全与执法", "甲", &shipped, None).unwrap_err().to_string(),
        "a topic named \"安全与执法\" already exists"
    );
    // Editing a topic may keep its own name.
    let mut all = shipped.clone();
    all.push(t.clone());
    assert!(user_topic("能源转型", "光伏", &all, Some(&t.id)).is_ok());
    // The limits: a name of 40 characters, 100 keywords of 30, 50 topics.
    let name40 = "名".repeat(40);
    assert!(user_topic(&name40, "甲", &shipped, None).is_ok());
    let name41 = format!("{name40}字");
    assert_eq!(
        user_topic(&name41, "甲", &shipped, None).unwrap_err().to_string(),
        "a topic name can have at most 40 characters"
    );
    let hundred: Vec<String> = (0..100).map(|i| format!("词{i}")).collect();
    // Duplicates count once: 100 different keywords, each given twice.
    let twice = format!("{} {}", hundred.join(" "), hundred.join("，"));
    assert_eq!(user_topic("多", &twice, &shipped, None).unwrap().keywords, hundred);
    let err = user_topic("多", &format!("{twice} 词100"), &shipped, None).unwrap_err();
    assert_eq!(
        (err.clone(), err.to_string()),
        (TopicError::TooManyKeywords, "a topic can have at most 100 keywords".into())
    );
    assert!(user_topic("长", &"一".repeat(30), &shipped, None).is_ok());
    assert_eq!(
        user_topic("长", &format!("甲 {}", "一二三四五六七八九十".repeat(4)), &shipped, None).unwrap_err().to_string(),
        "the keyword \"一二三四五六七八九十…\" is too long: a keyword can have at most 30 characters"
    );
    let mut fifty = shipped.clone();
    for i in 0..50 {
        let t = user_topic(&format!("题{i}"), "甲", &fifty, None).unwrap();
        fifty.push(t);
    }
    assert_eq!(
        user_topic("再一个", "甲", &fifty, None).unwrap_err().to_string(),
        "you can have at most 50 topics of your own"
    );
    // Editing one of the fifty is still allowed.
    let last = fifty.last().unwrap().id.clone();
    assert_eq!(user_topic("题49", "乙", &fifty, Some(&last)).unwrap().keywords, ["乙"]);
    let corpus = cijing_seeds::corpus(seg(), SegmentOptions::default());
    // 光伏 occurs (太阳能光伏, in the 2024 statement with Tajikistan); 风电 does not.
    assert_eq!(missing_keywords(&corpus, &t), ["风电"]);
}

#[test]
fn the_topic_model_is_deterministic_for_a_seed() {
    let corpus = cijing_seeds::corpus(seg(), SegmentOptions::default());
    let all = Selection::all(&corpus);
    let run = |seed: u64| {
        let mut lda = Lda::new(&corpus, &all, LdaOptions { k: 8, seed, ..LdaOptions::default() });
        lda.sweep(60);
        lda.topics(&corpus, 8, 2)
    };
    let a = run(42);
    assert_eq!(a, run(42), "same seed, same topics");
    assert_ne!(a, run(7), "another seed, another sampling");
    assert_eq!(a.len(), 8);
    assert!(a.iter().all(|t| t.terms.len() == 8 && t.paragraphs.len() == 2));
    // Stepping in parts gives the same result as one run.
    let mut stepped =
        Lda::new(&corpus, &all, LdaOptions { k: 8, seed: 42, ..LdaOptions::default() });
    stepped.sweep(20);
    stepped.sweep(40);
    assert_eq!(stepped.sweeps(), 60);
    assert_eq!(stepped.topics(&corpus, 8, 2), a);
    // One topic is about security and arms control.
    assert!(a.iter().any(|t| t.terms.iter().any(|(w, _)| w == "恐怖主义" || w == "外空")), "{a:?}");
}

/// The one-pass matcher of all topics counts what each topic's own
/// matcher counts, on random texts over a few characters (so keywords
/// overlap, nest and repeat), for the shipped topics' kind of keyword sets.
#[test]
fn all_topics_in_one_pass_count_as_each_topic_alone() {
    use cijing_engine::statistics::topics::TopicMatcher;
    use proptest::prelude::*;
    let chars =
        proptest::sample::select(vec!['合', '作', '组', '织', '上', '海', '安', '全', '。']);
    let word = proptest::collection::vec(chars.clone(), 1..4)
        .prop_map(|c| c.into_iter().collect::<String>());
    let keywords = proptest::collection::vec(word, 1..5);
    let text =
        proptest::collection::vec(chars, 0..60).prop_map(|c| c.into_iter().collect::<String>());
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&(proptest::collection::vec(keywords, 1..4), text), |(sets, text)| {
            let topics: Vec<Topic> = sets
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    topic(&format!("t{i}"), &k.iter().map(String::as_str).collect::<Vec<_>>())
                })
                .collect();
            let alone: Vec<u32> =
                topics.iter().map(|t| KeywordMatcher::new(&t.keywords).count(&text)).collect();
            prop_assert_eq!(TopicMatcher::new(&topics).counts(&text), alone);
            Ok(())
        })
        .unwrap();
}
