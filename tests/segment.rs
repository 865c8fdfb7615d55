//! Segmentation: domain terms stay whole in the real text, dictionaries
//! report bad lines by number, tokens cover the text.
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::text::lexicon::parse_user_dict;
use cijing_engine::text::segment::{Mode, SegmentOptions, Segmenter, TokenKind};
use cijing_seeds::DOMAIN_DICT;

mod common;
use common::seg as builtin;

fn words(seg: &Segmenter, text: &str, options: SegmentOptions) -> Vec<String> {
    seg.segment(text, options).iter().map(|t| text[t.start..t.end].to_string()).collect()
}

#[test]
fn bare_jieba_splits_the_domain_terms_and_the_domain_dictionary_keeps_them_whole() {
    let base = cijing_seeds::base_segmenter();
    let terms = [
        "扎帕罗夫",
        "上海合作组织",
        "一带一路",
        "三股势力",
        "中吉乌铁路",
        "埃莫马利·拉赫蒙",
        "中国－中亚峰会",
    ];
    for term in terms {
        assert!(
            words(&base, term, SegmentOptions::default()).len() > 1,
            "bare jieba keeps {term} whole"
        );
        assert_eq!(words(builtin(), term, SegmentOptions::default()), [term]);
    }
    assert_eq!(
        words(
            builtin(),
            "吉尔吉斯共和国总统扎帕罗夫于2023年5月17日至20日",
            SegmentOptions::default()
        ),
        [
            "吉尔吉斯共和国",
            "总统",
            "扎帕罗夫",
            "于",
            "2023",
            "年",
            "5",
            "月",
            "17",
            "日至",
            "20",
            "日"
        ]
    );
}

#[test]
fn domain_terms_stay_whole_everywhere_in_the_real_text() {
    let corpus = cijing_seeds::corpus(builtin(), SegmentOptions::default());
    for term in [
        "扎帕罗夫",
        "上海合作组织",
        "上合组织",
        "一带一路",
        "三股势力",
        "中吉乌铁路",
        "中国－中亚峰会",
        "拉赫蒙",
        "人类命运共同体",
    ] {
        let mut occurrences = 0;
        for d in &corpus.docs {
            for p in &d.paragraphs {
                for (at, _) in p.text.match_indices(term) {
                    occurrences += 1;
                    let end = at + term.len();
                    let whole =
                        p.tokens.iter().any(|t| t.start as usize <= at && t.end as usize >= end);
                    assert!(whole, "{term} split in {}: {}", d.info.id, p.text);
                }
            }
        }
        assert!(occurrences > 0, "{term} occurs in the seeds");
        assert!(corpus.vocab.id(term).is_some(), "{term} is a term");
    }
}

#[test]
fn tokens_cover_the_text_in_order_in_precise_mode() {
    let text =
        "新华社杜尚别7月5日电 7月5日，中国中央广播电视总台“世代友好启程”中国塔吉克斯坦人文交流活动在杜尚别举办。";
    let tokens = builtin().segment(text, SegmentOptions::default());
    let mut at = 0;
    for t in &tokens {
        assert_eq!(t.start, at, "gap or overlap before {:?}", &text[t.start..t.end]);
        at = t.end;
    }
    assert_eq!(at, text.len());
    let pos_of =
        |w: &str| tokens.iter().find(|t| &text[t.start..t.end] == w).map(|t| t.pos.clone());
    assert_eq!(pos_of("杜尚别").as_deref(), Some("ns"));
    assert_eq!(pos_of("新华社").as_deref(), Some("nt"));
}

#[test]
fn search_mode_adds_the_words_inside_long_ones() {
    let precise = words(builtin(), "中华人民共和国主席", SegmentOptions::default());
    let search =
        words(builtin(), "中华人民共和国主席", SegmentOptions { mode: Mode::Search, hmm: true });
    assert_eq!(precise, ["中华人民共和国", "主席"]);
    for w in ["中华", "人民", "共和国", "中华人民共和国", "主席"] {
        assert!(search.contains(&w.to_string()), "{w} in {search:?}");
    }
}

#[test]
fn hmm_off_leaves_unknown_runs_as_single_characters() {
    let seg = builtin();
    assert_eq!(
        words(seg, "日至", SegmentOptions { mode: Mode::Precise, hmm: false }),
        ["日", "至"]
    );
    assert_eq!(words(seg, "日至", SegmentOptions::default()), ["日至"]);
}

#[test]
fn token_kinds() {
    assert_eq!(TokenKind::of("合作"), TokenKind::Word);
    assert_eq!(TokenKind::of("NPT"), TokenKind::Word);
    assert_eq!(TokenKind::of("2023"), TokenKind::Number);
    assert_eq!(TokenKind::of("3.5%"), TokenKind::Number);
    assert_eq!(TokenKind::of("，"), TokenKind::Punct);
    assert_eq!(TokenKind::of("“"), TokenKind::Punct);
    assert_eq!(TokenKind::of(" \u{3000}"), TokenKind::Space);
}

#[test]
fn a_malformed_dictionary_line_names_its_line_number_and_nothing_is_loaded() {
    let dict = "# comment\n好词 100 n\n坏词 十 n\n\n太多 1 n x y\n两个标签 n v\n新词\n";
    let errors = parse_user_dict(dict, "mine.txt").unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 5, 6]);
    assert!(
        errors[0].to_string().starts_with("mine.txt line 3: \"十\" is neither a frequency"),
        "{}",
        errors[0]
    );
    let mut seg = cijing_seeds::base_segmenter();
    assert!(seg.add_user_dict(dict, "mine.txt").is_err());
    assert!(!seg.knows("好词"), "a dictionary with errors is not half-loaded");
    let ok = parse_user_dict("好词 100 n\n新词\n名字·姓 nr\n", "mine.txt").unwrap();
    assert_eq!(
        (ok[0].freq, ok[0].pos.as_deref(), ok[1].freq, ok[2].line),
        (Some(100), Some("n"), None, 3)
    );
}

#[test]
fn the_shipped_domain_dictionary_parses_and_every_word_is_known() {
    let entries =
        parse_user_dict(DOMAIN_DICT, "domain_dict.txt").expect("shipped dictionary is well formed");
    assert!(entries.len() > 150);
    for e in &entries {
        assert!(builtin().knows(&e.word), "{}", e.word);
    }
}

/// Issue 12: domain terms of the seeds that the segmenter used to cut in
/// two, with how often each occurs in the shipped documents
/// (`seeds/lexicon/README.md` says why each is one word).
const ISSUE_12_TERMS: &[(&str, usize)] = &[
    ("联合国宪章", 12),
    ("上海合作组织宪章", 2),
    ("睦邻友好合作条约", 7),
    ("不扩散核武器条约", 3),
    ("全面禁止核试验条约", 2),
    ("中导条约", 2),
    ("伊朗核问题全面协议", 2),
    ("伊核问题全面协议", 2),
    ("巴黎协定", 2),
    ("裁军谈判会议", 4),
    ("东亚峰会", 2),
    ("中塔农业合作委员会", 2),
    ("国际合作高峰论坛", 5),
    ("中国国际进口博览会", 5),
    ("中国－亚欧博览会", 3),
    ("中国—中亚机制", 1),
    ("可持续发展议程", 8),
    ("大欧亚伙伴关系", 3),
    ("水促进可持续发展", 3),
    ("国际冰川保护年", 2),
    ("和平共处五项原则", 2),
    ("共商共建共享", 4),
    ("不干涉内政", 3),
    ("治国理政", 3),
    ("跨国有组织犯罪", 5),
    ("观察员国", 3),
    ("对话伙伴", 4),
    ("友好省州", 3),
    ("单一窗口", 2),
    ("戈尔诺—巴达赫尚自治州", 1),
];

#[test]
fn issue_12_terms_are_one_token_each_time_they_occur_in_the_shipped_corpus() {
    // The word stream build.rs stored, not a fresh segmentation.
    let corpus = cijing_seeds::presegmented_corpus();
    for &(term, expected) in ISSUE_12_TERMS {
        let base = words(&cijing_seeds::base_segmenter(), term, SegmentOptions::default());
        assert!(base.len() > 1, "bare jieba keeps {term} whole");
        let mut occurrences = 0;
        let mut tokens = 0;
        for d in &corpus.docs {
            for p in &d.paragraphs {
                occurrences += p.text.matches(term).count();
                tokens += p.tokens.iter().filter(|t| corpus.token_text(t) == term).count();
            }
        }
        assert_eq!(
            (occurrences, tokens),
            (expected, expected),
            "{term}: occurrences and whole tokens"
        );
    }
    // 国际进口博览会 is its own word only where 中国 does not precede it.
    let fair = |w: &str| {
        corpus
            .docs
            .iter()
            .flat_map(|d| &d.paragraphs)
            .flat_map(|p| &p.tokens)
            .filter(|t| corpus.token_text(t) == w)
            .count()
    };
    assert_eq!(fair("国际进口博览会"), 1);
    // Each is in the shipped dictionary.
    let entries = parse_user_dict(DOMAIN_DICT, "domain_dict.txt").unwrap();
    for &(term, _) in ISSUE_12_TERMS {
        assert!(entries.iter().any(|e| e.word == term), "{term} is in domain_dict.txt");
    }
}

#[test]
fn stopwords_are_marked_but_still_tokens() {
    let seg = builtin();
    assert!(seg.is_stopword("的") && seg.is_stopword("年") && !seg.is_stopword("合作"));
    let doc = CleanDocument::new("t", "2024-01-01".parse().unwrap(), &["CN"], &["发展的合作"]);
    let corpus = Corpus::from_documents(vec![doc], seg, SegmentOptions::default());
    assert_eq!(corpus.word_tokens(0), 3);
    assert!(corpus.vocab.term(corpus.vocab.id("的").unwrap()).stopword);
}

#[test]
fn the_tokens_stored_at_build_time_are_only_a_cache_of_the_segmenter() {
    // build.rs segmented the seeds with the shipped dictionaries and the
    // default options; segmenting them now must give the very same tokens.
    let now: Vec<Vec<Vec<cijing_engine::text::segment::Token>>> = cijing_seeds::documents()
        .iter()
        .map(|d| {
            d.paragraphs.iter().map(|p| builtin().segment(p, SegmentOptions::default())).collect()
        })
        .collect();
    let stored = cijing_seeds::tokens();
    assert_eq!(stored.len(), 17);
    assert_eq!(stored, now);
    // And the corpus built from them is the corpus built by segmenting.
    let cached = cijing_seeds::presegmented_corpus();
    let fresh = cijing_seeds::corpus(builtin(), SegmentOptions::default());
    assert_eq!(cached.vocab.len(), fresh.vocab.len());
    for (a, b) in cached.docs.iter().zip(&fresh.docs) {
        assert_eq!(a.info, b.info);
        for (pa, pb) in a.paragraphs.iter().zip(&b.paragraphs) {
            assert_eq!(pa.text, pb.text);
            let words = |c: &Corpus, p: &cijing_engine::corpus::Paragraph| {
                p.tokens
                    .iter()
                    .map(|t| {
                        (
                            c.token_text(t).to_string(),
                            c.vocab.pos(t.pos).to_string(),
                            c.vocab.term(t.term).stopword,
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&cached, pa), words(&fresh, pb));
        }
    }
    assert_eq!(cached.canonical.len(), fresh.canonical.len());
}

#[test]
fn tokens_that_do_not_fit_their_text_are_refused() {
    let doc = || vec![CleanDocument::new("t", "2024-01-01".parse().unwrap(), &["CN"], &["合作"])];
    let tok = |start, end| cijing_engine::text::segment::Token { start, end, pos: "v".into() };
    let stop = std::collections::HashSet::new();
    let ok = Corpus::from_segmented(
        doc(),
        vec![vec![vec![tok(0, 6)]]],
        &stop,
        SegmentOptions::default(),
    )
    .unwrap();
    assert_eq!(ok.token_text(&ok.docs[0].paragraphs[0].tokens[0]), "合作");
    for bad in [vec![], vec![vec![]], vec![vec![vec![tok(0, 7)]]], vec![vec![vec![tok(1, 6)]]]] {
        assert!(
            Corpus::from_segmented(doc(), bad.clone(), &stop, SegmentOptions::default()).is_err(),
            "{bad:?}"
        );
    }
}

// Found by tests/fuzz.rs: jieba adds every frequency to a total, and a huge
// one overflowed it (a panic in a debug build, a wrong total in release).

#[test]
fn a_user_dictionary_frequency_above_the_limit_is_refused() {
    use cijing_engine::text::lexicon::{DictEntry, MAX_FREQ};
    // The fuzzer's input: line 2 is the word "1" with frequency 2^64 - 1.
    let errors = parse_user_dict("上合组织\n1 18446744073709551615 ", "words.txt").unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        ["words.txt line 2: frequency \"18446744073709551615\" is too large: at most 1000000"]
    );
    assert!(parse_user_dict("词 1000001", "words.txt").is_err());
    assert_eq!(parse_user_dict("词 1000000", "words.txt").unwrap()[0].freq, Some(MAX_FREQ));
    // Entries made in code are held to the same limit: no overflow, and the
    // word is still cut whole.
    let mut seg = Segmenter::from_dictionary("合作 1000 vn\n".as_bytes()).unwrap();
    let huge =
        |word: &str| DictEntry { word: word.into(), freq: Some(usize::MAX), pos: None, line: 1 };
    seg.add_words(&[huge("甲乙"), huge("丙丁")]);
    assert_eq!(words(&seg, "甲乙丙丁合作", SegmentOptions::default()), ["甲乙", "丙丁", "合作"]);
}

#[test]
fn a_jieba_dictionary_whose_frequencies_overflow_is_refused() {
    let text = "a 18446744073709551615 n\nb 18446744073709551615 n\n";
    let error = Segmenter::from_dictionary(text.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot read the jieba dictionary: line 1: the frequencies add up to more than {}",
            usize::MAX / 2
        )
    );
    // Half of usize::MAX in all is still read.
    let half = format!("a {} n\nb 1 n\n", usize::MAX / 2 - 1);
    assert!(Segmenter::from_dictionary(half.as_bytes()).is_ok());
}

/// The dictionary ships compact (`engine::compact_dict`): it must hold
/// every line of `seeds/lexicon/jieba_dict.txt` exactly, and a segmenter
/// over it must cut every shipped paragraph as one over the text does,
/// with every tag, in both modes, with and without HMM.
#[test]
fn the_compact_dictionary_is_the_text_dictionary() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/lexicon/jieba_dict.txt"
    ))
    .unwrap();
    let mut lines = text.lines();
    let count = cijing_engine::text::compact_dict::for_each_entry(
        cijing_seeds::JIEBA_DICT,
        |word, freq, tag| {
            assert_eq!(lines.next(), Some(format!("{word} {freq} {tag}").as_str()));
        },
    )
    .unwrap();
    assert_eq!(lines.next(), None);
    assert_eq!(count, 349_045);
    assert!(
        cijing_seeds::JIEBA_DICT.len() * 2 < text.len(),
        "compact: {} bytes of {}",
        cijing_seeds::JIEBA_DICT.len(),
        text.len()
    );

    let from_text = Segmenter::from_dictionary(text.as_bytes()).unwrap();
    let from_compact = cijing_seeds::base_segmenter();
    let paragraphs: Vec<String> =
        cijing_seeds::documents().into_iter().flat_map(|d| d.paragraphs).collect();
    for mode in [Mode::Precise, Mode::Search] {
        for hmm in [true, false] {
            let options = SegmentOptions { mode, hmm };
            for p in &paragraphs {
                assert_eq!(
                    from_compact.segment(p, options),
                    from_text.segment(p, options),
                    "{options:?}: {p}"
                );
            }
        }
    }
}
