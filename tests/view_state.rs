//! The view state's round trip to the URL, and what a bad link falls back to.
use cijing_engine::corpus::selection::Filter;
use cijing_engine::statistics::collocates::{CollocateOptions, CollocateSort};
use cijing_engine::statistics::keyness::Reference;
use cijing_engine::statistics::kwic::KwicSort;
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::text::pos::PosClass;
use cijing_engine::Mode;
use cijing_view::view_state::{Lang, Panel, TermColumn, TermSortView, ViewState, DEFAULT_TOP};

mod common;
use common::shipped as corpus;

fn parse(q: &str) -> (ViewState, Vec<String>) {
    ViewState::from_query(q, corpus(), &cijing_seeds::topics(), ViewState::default())
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(ViewState::default().to_query(&ViewState::default()), "");
    assert_eq!(parse(""), (ViewState::default(), vec![]));
}

#[test]
fn the_browser_language_picks_the_default_language() {
    assert_eq!(ViewState::for_browser("zh-CN").lang, Lang::Zh);
    assert_eq!(ViewState::for_browser("en-GB").lang, Lang::En);
    // A link made in one language opens in it, whatever the browser says.
    let base = ViewState::for_browser("en-US");
    let zh = ViewState { lang: Lang::Zh, ..base.clone() };
    assert_eq!(zh.to_query(&base), "?lang=zh");
    assert_eq!(
        ViewState::from_query("?lang=zh", corpus(), &cijing_seeds::topics(), base).0.lang,
        Lang::Zh
    );
}

#[test]
fn every_setting_round_trips_through_the_query() {
    let view = ViewState {
        lang: Lang::En,
        filter: Filter {
            docs: vec!["cn-tj-2024-zaobao".into(), "cn-kg-2023-statement".into()],
            from: "2023".parse().ok(),
            to: "2024-07".parse().ok(),
            parties: vec!["TJ".into(), "KG".into()],
            topics: cijing_engine::corpus::selection::TopicFilter {
                include: vec!["security".into(), "u-cf215952".into()],
                matching: cijing_engine::corpus::selection::TopicMatch::All,
                exclude: vec!["finance".into()],
                threshold: 2,
            },
        },
        term: Some("深化 合作".into()),
        top: 30,
        min_len: 2,
        pos: vec![PosClass::Noun, PosClass::Place],
        drop_stopwords: false,
        merge_aliases: true,
        mode: Mode::Search,
        hmm: false,
        panels: vec![Panel::Terms, Panel::Contexts, Panel::Reader],
        read: Some("cn-kg-2023-statement".into()),
        para: Some(3),
        show_segments: true,
        kwic_sort: KwicSort::R1,
        kwic_pinyin: true,
        kwic_chars: 40,
        term_sort: TermSortView { column: TermColumn::Tfidf, desc: true },
        trend_by: TrendBy::Year,
        collocates: CollocateOptions {
            span_left: 2,
            span_right: 0,
            min_observed: 5,
            sort: CollocateSort::LogDice,
            repulsion: false,
        },
        clusters: cijing_engine::statistics::clusters::ClusterOptions {
            size: 4,
            side: cijing_engine::statistics::clusters::ClusterSide::Right,
            min_count: 3,
        },
        key_ref: Reference::Whole,
        user_topics: cijing_view::view_state::decode_user_topics(
            "能源转型~新能源|光伏",
            &cijing_seeds::topics(),
        )
        .0,
        user_words: cijing_engine::text::user_words::decode_user_words("数字丝路/nz,中吉乌铁路").0,
        source: cijing_view::view_state::CorpusSource::Both,
    };
    // The id is FNV-1a of the name, so a link always gives the same id.
    assert_eq!(view.user_topics[0].id, "u-cf215952");
    let query = view.to_query(&ViewState::default());
    assert_eq!(
        query,
        "?lang=en&doc=cn-tj-2024-zaobao,cn-kg-2023-statement&from=2023&to=2024-07&party=TJ,KG\
         &ut=%E8%83%BD%E6%BA%90%E8%BD%AC%E5%9E%8B~%E6%96%B0%E8%83%BD%E6%BA%90%7C%E5%85%89%E4%BC%8F\
         &corpus=both&uw=%E4%B8%AD%E5%90%89%E4%B9%8C%E9%93%81%E8%B7%AF,%E6%95%B0%E5%AD%97%E4%B8%9D%E8%B7%AF%2Fnz\
         &topic=security,u-cf215952&tmatch=all&texclude=finance&tthr=2&term=%E6%B7%B1%E5%8C%96%20%E5%90%88%E4%BD%9C&top=30&minlen=2&pos=noun,place&stop=off&alias=on\
         &mode=search&hmm=off&panels=terms,contexts,reader&read=cn-kg-2023-statement&para=3&seg=on&ksort=r1\
         &kord=pinyin&kchars=40&tsort=tfidf&tby=year&cleft=2&cright=0&cmin=5&csort=logdice&clsize=4&clside=right&clmin=3&kref=whole"
    );
    assert_eq!(parse(&query), (view, vec![]));
}

#[test]
fn unknown_or_invalid_values_open_the_nearest_valid_view_and_are_reported() {
    let (view, notes) = parse("?doc=cn-tj-2024-media,nope&top=0&x=1&from=2019-13&party=XX,KG&term=北冰洋&pos=noun,nouns&panels=terms,maps&para=999&read=cn-tj-2024-media&kord=zhuyin&kchars=4&clsize=6&clside=middle&clmin=0");
    assert_eq!(view.filter.docs, ["cn-tj-2024-media"]);
    assert_eq!(view.filter.parties, ["KG"]);
    assert_eq!((view.top, view.filter.from, view.term.clone()), (DEFAULT_TOP, None, None));
    assert_eq!(view.pos, [PosClass::Noun]);
    assert_eq!(view.panels, [Panel::Terms]);
    assert_eq!((view.read.as_deref(), view.para), (Some("cn-tj-2024-media"), None));
    let expected = [
        "unknown document \"nope\" ignored",
        "top=0: not a number from 1 to 100; showing 20",
        "unknown setting \"x\" ignored",
        "from=2019-13: \"2019-13\" is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
        "unknown party \"XX\" ignored",
        "\"北冰洋\" does not occur in the corpus; no term selected",
        "unknown part-of-speech class \"nouns\"; use one of noun, verb, adj, adv, person, place, org, proper, idiom, abbr, other",
        "unknown panel \"maps\" ignored",
        "kord=zhuyin: not pinyin or codepoint",
        "kchars=4: not a number of characters from 5 to 100",
        "clsize=6: not a cluster size from 2 to 5",
        "clside=middle: not one of left, right, any",
        "clmin=0: not a minimum count from 1 to 1000",
        // Checked once the document is known, after every other setting.
        "para=999: the document has 3 paragraphs",
    ];
    assert_eq!(notes, expected);
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_ignored_and_reported() {
    let (view, notes) = parse("?from=2025&to=2019&party=KG");
    assert_eq!((view.filter.from, view.filter.to), (None, None));
    assert_eq!(view.filter.parties, ["KG"]);
    assert_eq!(notes, ["from=2025 is after to=2019: no date is in both, so the dates are ignored"]);
    // A month after a year that holds it, or the same day, is a range.
    for q in ["?from=2019-12&to=2019", "?from=2023-05-18&to=2023-05-18", "?from=2023&to=2023-01"] {
        let (view, notes) = parse(q);
        assert!(
            view.filter.from.is_some() && view.filter.to.is_some() && notes.is_empty(),
            "{q}: {notes:?}"
        );
    }
    let (_, notes) = parse("?from=2023-05-19&to=2023-05");
    assert!(notes.is_empty(), "2023-05-19 is in May: {notes:?}");
    let (_, notes) = parse("?from=2023-06&to=2023-05-31");
    assert_eq!(
        notes,
        ["from=2023-06 is after to=2023-05-31: no date is in both, so the dates are ignored"]
    );
}

#[test]
fn broken_percent_escapes_do_not_panic() {
    for q in [
        "?doc=%",
        "?doc=%E4%B8",
        "?doc=%zz&top=%31%30",
        "?&&=&doc",
        "?doc=%C3%28",
        "?term=%FF",
        "?panels=",
    ] {
        let _ = parse(q);
    }
    assert_eq!(parse("?top=%31%30").0.top, 10);
    assert_eq!(parse("?panels=").0.panels, Vec::<Panel>::new());
}

#[test]
fn only_an_exact_key_counts_as_a_links_topics() {
    use cijing_view::view_state::query_has_key;
    // These once wiped saved topics: "ut=" inside another key or value.
    assert!(!query_has_key("?input=1", "ut"));
    assert!(!query_has_key("?shut=1", "ut"));
    assert!(!query_has_key("?term=ut%3D", "ut"));
    assert!(query_has_key("?ut=", "ut"));
    assert!(query_has_key("?lang=en&ut=a~b", "ut"));
}

#[test]
fn a_panel_list_naming_no_panel_keeps_the_usual_panels_but_an_empty_one_closes_them() {
    let (view, notes) = parse("?panels=nonsense");
    assert_eq!(view.panels, Panel::ALL);
    assert_eq!(
        notes,
        ["unknown panel \"nonsense\" ignored", "no known panel named: the usual panels are shown"]
    );
    let (view, notes) = parse("?panels=maps,trends");
    assert_eq!(
        (view.panels, notes),
        (vec![Panel::Trends], vec!["unknown panel \"maps\" ignored".to_string()])
    );
    let (view, notes) = parse("?panels=");
    assert_eq!((view.panels, notes), (Vec::new(), Vec::new()));
}

#[test]
fn an_embed_request_names_its_panels_and_chrome() {
    use cijing_view::view_state::EmbedRequest;
    let e = EmbedRequest::from_query(
        "?embed=trends,terms,maps&chrome=filters&party=KG&term=%E5%90%88%E4%BD%9C",
    );
    assert_eq!(e.panels, Some(vec![Panel::Terms, Panel::Trends]));
    assert!(e.filters);
    assert_eq!(e.notes, ["unknown panel \"maps\" ignored"]);
    assert_eq!(e.rest, "party=KG&term=%E5%90%88%E4%BD%9C");
    assert_eq!(parse(&e.rest).0.term.as_deref(), Some("合作"));
    let own = EmbedRequest::from_query("?embed=1&panels=contexts");
    assert_eq!(own.panels, Some(vec![Panel::Contexts]));
    assert_eq!(EmbedRequest::from_query("?embed=").panels, Some(vec![Panel::Terms]));
    assert_eq!(EmbedRequest::from_query("?party=KG").panels, None);
}

// Issue 11, item 2: links and saved copies of any size are read in linear
// time, and what they can put in the view (and the notes) is bounded.

#[test]
fn a_link_with_3000_topics_keeps_the_first_50_with_one_note() {
    use cijing_engine::statistics::topics::MAX_USER_TOPICS;
    // t0~甲|乙;t1~甲|乙;… is 38,890 bytes: within MAX_QUERY_BYTES.
    let ut: Vec<String> = (0..3000).map(|i| format!("t{i}~甲|乙")).collect();
    let query = format!("?ut={}", ut.join(";"));
    assert!(query.len() < cijing_view::view_state::MAX_QUERY_BYTES);
    let (view, notes) = parse(&query);
    assert_eq!(view.user_topics.len(), MAX_USER_TOPICS);
    assert_eq!((view.user_topics[0].zh.as_str(), view.user_topics[49].zh.as_str()), ("t0", "t49"));
    assert_eq!(view.user_topics[49].keywords, ["甲", "乙"]);
    assert_eq!(notes, ["2950 more user topics ignored: at most 50 are kept"]);
}

#[test]
fn ten_thousand_saved_topics_keep_the_first_50_with_one_note() {
    // The saved copy is not a link: no byte limit, only the topic limit.
    let saved: Vec<String> = (0..10_000).map(|i| format!("主题{i}~关键词{i}|合作")).collect();
    let (topics, notes) =
        cijing_view::view_state::decode_user_topics(&saved.join(";"), &cijing_seeds::topics());
    assert_eq!(topics.len(), 50);
    assert_eq!(topics[7].keywords, ["关键词7", "合作"]);
    assert_eq!(notes, ["9950 more user topics ignored: at most 50 are kept"]);
    // Refused topics do not count towards the 50, and each is named.
    let (topics, notes) = cijing_view::view_state::decode_user_topics(
        "安全与执法~甲;新~;好~乙",
        &cijing_seeds::topics(),
    );
    assert_eq!(topics.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>(), ["好"]);
    assert_eq!(
        notes,
        [
            "user topic \"安全与执法\" ignored: a topic named \"安全与执法\" already exists",
            "user topic \"新\" ignored: a topic needs at least one keyword"
        ]
    );
}

#[test]
fn a_link_longer_than_the_limit_is_read_up_to_the_setting_that_crosses_it() {
    // The 74 KB link: 3,000 topics of names and keywords written out.
    let ut: Vec<String> =
        (0..3000).map(|i| format!("topic{i:04}~keyword{i}a|keyword{i}b")).collect();
    let query = format!("?lang=en&ut={}&top=5", ut.join(";"));
    assert!(query.len() > 74_000);
    let (view, notes) = parse(&query);
    assert_eq!((view.lang, view.user_topics.len(), view.top), (Lang::En, 0, DEFAULT_TOP));
    assert_eq!(notes, ["the link is longer than 65536 bytes; 2 settings from \"ut\" on ignored"]);
    assert!(!cijing_view::view_state::query_has_key(&query, "ut"));
}

#[test]
fn a_long_list_gives_a_bounded_number_of_notes() {
    use cijing_view::view_state::MAX_NOTES;
    // 100 KB of panels=x,x,…: past the byte limit, so one note.
    let huge = format!("?panels={}", vec!["x"; 51_200].join(","));
    let (view, notes) = parse(&huge);
    assert_eq!(view.panels, Panel::ALL);
    assert_eq!(
        notes,
        ["the link is longer than 65536 bytes; 1 settings from \"panels\" on ignored"]
    );
    // 60 KB, within it: the first 100 values are read (100 notes), the rest
    // ignored in one note, and 20 notes are kept with a summary.
    let long = format!("?panels={}", vec!["x"; 30_000].join(","));
    let (view, notes) = parse(&long);
    assert_eq!(view.panels, Panel::ALL, "no known panel named: the usual ones");
    assert_eq!(notes.len(), MAX_NOTES + 1);
    assert_eq!(notes[0], "panels: 29900 values after the first 100 ignored");
    assert_eq!(notes[1], "unknown panel \"x\" ignored");
    // 100 unknown panels and, naming none, the note that the usual ones show.
    assert_eq!(notes[20], "… and 82 more problems");
    // Every list key is bounded the same way; long values are quoted cut.
    let many_docs = format!("?doc={}&term={}", vec!["nope"; 500].join(","), "无".repeat(100));
    let (_, notes) = parse(&many_docs);
    // 1 + 100 notes for the documents, 1 for the term: 102, 82 left out.
    assert_eq!(notes[0], "doc: 400 values after the first 100 ignored");
    assert_eq!(notes[20], "… and 82 more problems");
    let (_, notes) = parse(&format!("?term={}", "无".repeat(100)));
    assert_eq!(
        notes,
        [format!("\"{}…\" does not occur in the corpus; no term selected", "无".repeat(40))]
    );
    let embed = cijing_view::view_state::EmbedRequest::from_query(&format!(
        "?embed={}",
        vec!["x"; 30_000].join(",")
    ));
    assert_eq!((embed.panels, embed.notes.len()), (Some(vec![Panel::Terms]), MAX_NOTES + 1));
}

#[test]
fn a_topic_in_a_link_with_too_long_a_name_or_too_many_keywords_is_refused() {
    let long_name = "长".repeat(41);
    let keywords: Vec<String> = (0..101).map(|i| format!("词{i}")).collect();
    let (view, notes) = parse(&format!("?ut={long_name}~甲;多~{};好~乙", keywords.join("|")));
    assert_eq!(view.user_topics.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>(), ["好"]);
    assert_eq!(
        notes,
        [
            format!(
                "user topic \"{}…\" ignored: a topic name can have at most 40 characters",
                "长".repeat(40)
            ),
            "user topic \"多\" ignored: a topic can have at most 100 keywords".to_string(),
        ]
    );
}

#[test]
fn the_term_sort_is_read_and_written_with_its_direction() {
    let tfidf = TermSortView { column: TermColumn::Tfidf, desc: true };
    assert_eq!(TermSortView::parse("tfidf"), Some(tfidf));
    assert_eq!(
        TermSortView::parse("dp.asc"),
        Some(TermSortView { column: TermColumn::Dp, desc: false })
    );
    assert_eq!(
        TermSortView::parse("term"),
        Some(TermSortView { column: TermColumn::Term, desc: false })
    );
    assert_eq!(TermSortView::parse("tfidf.up"), None);
    for sort in [
        tfidf,
        TermSortView { column: TermColumn::Dp, desc: false },
        TermSortView { column: TermColumn::Term, desc: true },
        TermSortView::default(),
    ] {
        assert_eq!(TermSortView::parse(&sort.code()), Some(sort));
    }
    // A click on a header: the column's first direction, then the other.
    assert_eq!(TermSortView::default().clicked(TermColumn::Tfidf), tfidf);
    assert_eq!(
        tfidf.clicked(TermColumn::Tfidf),
        TermSortView { column: TermColumn::Tfidf, desc: false }
    );
    let view = ViewState {
        term_sort: TermSortView { column: TermColumn::Dp, desc: false },
        ..ViewState::default()
    };
    assert_eq!(view.to_query(&ViewState::default()), "?tsort=dp.asc");
    assert_eq!(parse("?tsort=dp.asc").0, view);
}

#[test]
fn sorting_by_tfidf_sorts_the_whole_table_as_the_cli_does() {
    use cijing_engine::corpus::selection::Selection;
    use cijing_engine::statistics::stats::{term_table, TermSort};
    let c = corpus();
    let table = term_table(c, &Selection::all(c), &Default::default());
    let mut ours = table.rows.clone();
    TermSortView { column: TermColumn::Tfidf, desc: true }.sort_rows(&mut ours);
    let mut cli = table.clone();
    cli.sort(TermSort::Tfidf);
    let top = |rows: &[cijing_engine::statistics::stats::TermRow]| {
        rows.iter().take(20).map(|r| r.term.clone()).collect::<Vec<_>>()
    };
    assert_eq!(top(&ours), top(&cli.rows));
    // Not the top 20 by count re-sorted: 中俄 is first by TF-IDF.
    assert_eq!(ours[0].term, "中俄");
    let by_count: Vec<String> = top(&table.rows);
    assert_ne!(top(&ours), by_count);
}

#[test]
fn toolkit_settings_that_are_not_valid_are_reported() {
    let (view, notes) = parse("?tsort=size&tby=month&cleft=30&cmin=0&csort=dice&kref=other");
    assert_eq!(
        (view.term_sort, view.trend_by, view.collocates, view.key_ref),
        (TermSortView::default(), TrendBy::Doc, CollocateOptions::default(), Reference::Rest)
    );
    assert_eq!(notes.len(), 6, "{notes:?}");
    // A window of no words at all is refused.
    let (view, notes) = parse("?cleft=0&cright=0");
    assert_eq!((view.collocates.span_left, view.collocates.span_right), (0, 5));
    assert_eq!(notes.len(), 1);
}

#[test]
fn a_query_of_the_query_language_is_a_term_a_link_can_select() {
    for q in ["合作*", "/^合作.+$/", "\"合作\"", "n 合作"] {
        let (view, notes) = parse(&format!("?term={}", percent(q)));
        assert_eq!((view.term.as_deref(), notes), (Some(q), vec![]), "{q}");
    }
    // A pattern no word matches, or a bad regex, is reported, not selected.
    for q in ["北冰洋*", "/(/"] {
        let (view, notes) = parse(&format!("?term={}", percent(q)));
        assert_eq!((view.term, notes.len()), (None, 1), "{q}");
    }
}

fn percent(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[test]
fn a_linked_query_that_cannot_be_read_says_why_not_that_it_does_not_occur() {
    let (view, notes) = parse("?term=%2F(a%2B)%2B%24%5B%2F");
    assert_eq!(view.term, None);
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].starts_with("\"/(a+)+$[/\": ") && notes[0].ends_with("; no term selected"),
        "{}",
        notes[0]
    );
    assert!(!notes[0].contains("does not occur"), "{}", notes[0]);
    let (_, notes) = parse("?term=hello");
    assert_eq!(notes, ["\"hello\" does not occur in the corpus; no term selected"]);
}
