//! The statistics of the analysis engine, with values worked out by hand on
//! tiny texts (the working is in the comments), plus sanity checks on the seeds.
use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::selection::{select_documents as select, Filter, Selection};
use cijing_engine::statistics::collocates::{
    collocates, log_likelihood_2x2, Association, CollocateOptions,
};
use cijing_engine::statistics::discover::{discover, DiscoverOptions};
use cijing_engine::statistics::keyness::{
    keyness, log_likelihood, log_ratio, significance, Direction, KeynessOptions, Reference,
};
use cijing_engine::statistics::kwic::{kwic, KwicOptions, KwicSort};
use cijing_engine::statistics::ngrams::{ngrams, NgramOptions};
use cijing_engine::statistics::stats::{term_table, TermOptions};
use cijing_engine::statistics::trends::{trends_by_doc, trends_by_year};
use cijing_engine::text::pos::PosClass;

mod common;
use common::{corpus, doc, seg, shipped as seeds, tokens};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-5
}

// ------------------------------------------------------------------ keyness

#[test]
fn keyness_by_hand() {
    // Target A: 合作 ×3, 发展 ×1 (c = 4). Reference B: 发展 ×2, 安全, 合作 (d = 4).
    let c = corpus(vec![
        doc("a", "2020-01-01", &["CN"], &["合作，合作，合作，发展。"]),
        doc("b", "2020-01-02", &["CN"], &["发展，发展，安全，合作。"]),
    ]);
    assert_eq!(tokens(&c)[0], ["合作", "，", "合作", "，", "合作", "，", "发展", "。"]);
    let table = keyness(
        &c,
        &Selection::of_docs(&c, &[0]),
        &KeynessOptions { reference: Reference::Rest, min_g2: 0.0 },
        &TermOptions::default(),
    )
    .unwrap();
    assert_eq!((table.target_tokens, table.reference_tokens), (4, 4));
    let got: Vec<(&str, Direction, u64, u64)> = table
        .rows
        .iter()
        .map(|r| (r.term.as_str(), r.direction, r.target_count, r.reference_count))
        .collect();
    assert_eq!(
        got,
        [
            ("合作", Direction::Over, 3, 1),
            ("安全", Direction::Under, 0, 1),
            ("发展", Direction::Under, 1, 2)
        ]
    );
    // 合作: E1 = E2 = 4·4/8 = 2; G² = 2(3 ln 3/2 + 1 ln 1/2) = 1.046496; LR = log2(3) = 1.584963
    assert!(
        close(table.rows[0].g2, 1.046496) && close(table.rows[0].log_ratio, 1.584963),
        "{:?}",
        table.rows[0]
    );
    // 安全: E = 0.5 each; G² = 2(1 ln 2) = 1.386294; LR = log2((0.5/4)/(1/4)) = -1
    assert!(close(table.rows[1].g2, 1.386294) && close(table.rows[1].log_ratio, -1.0));
    // 发展: E = 1.5 each; G² = 2(ln(1/1.5) + 2 ln(2/1.5)) = 0.339798; LR = -1
    assert!(close(table.rows[2].g2, 0.339798) && close(table.rows[2].log_ratio, -1.0));
    assert_eq!(table.rows[0].significance, "ns");
    // Cut-offs: only rows at or above min_g2 are kept.
    let strict = keyness(
        &c,
        &Selection::of_docs(&c, &[0]),
        &KeynessOptions { reference: Reference::Rest, min_g2: 1.0 },
        &TermOptions::default(),
    )
    .unwrap();
    assert_eq!(strict.rows.len(), 2);
    // Against the whole corpus the reference includes the target: 合作 4 of 8.
    let whole = keyness(
        &c,
        &Selection::of_docs(&c, &[0]),
        &KeynessOptions { reference: Reference::Whole, min_g2: 0.0 },
        &TermOptions::default(),
    )
    .unwrap();
    assert_eq!(whole.reference_tokens, 8);
    assert_eq!(whole.rows.iter().find(|r| r.term == "合作").unwrap().reference_count, 4);
}

#[test]
fn significance_bands_and_edge_cases() {
    assert_eq!(significance(3.83), "ns");
    assert_eq!(significance(3.84), "p<0.05");
    assert_eq!(significance(7.0), "p<0.01");
    assert_eq!(significance(11.0), "p<0.001");
    assert_eq!(significance(15.13), "p<0.0001");
    assert_eq!(log_likelihood(0, 0, 0, 0), 0.0);
    assert_eq!(log_ratio(1, 1, 0, 5), 0.0);
    // Equal rates: nothing is key.
    assert!(close(log_likelihood(5, 10, 100, 200), 0.0) && close(log_ratio(5, 10, 100, 200), 0.0));
}

// ---------------------------------------------------------------- term table

#[test]
fn tfidf_filters_and_aliases_by_hand() {
    let c = corpus(vec![
        doc("a", "2020-01-01", &["CN"], &["合作，合作，发展。"]),
        doc("b", "2019-06-01", &["CN", "KG"], &["合作，安全，上合组织，上合。"]),
        doc("c", "2020-05-01", &["RU"], &["发展，上海合作组织。"]),
    ]);
    let t = term_table(&c, &Selection::all(&c), &TermOptions::default());
    let row = |term: &str| t.rows.iter().find(|r| r.term == term).unwrap().clone();
    // N = 3 documents. 合作: count 3, df 2 → 3 ln(3/2) = 1.216395. 安全: 1 · ln 3 = 1.098612.
    assert!(close(row("合作").tfidf, 1.216395));
    assert!(close(row("安全").tfidf, 1.098612));
    assert!(close(row("发展").tfidf, 2.0 * (1.5f64).ln()));
    // Alias merging: 上合组织, 上合 and 上海合作组织 count as 上海合作组织 (3, in 2 documents).
    let merged = term_table(
        &c,
        &Selection::all(&c),
        &TermOptions { merge_aliases: true, ..TermOptions::default() },
    );
    let shco = merged.rows.iter().find(|r| r.term == "上海合作组织").unwrap();
    assert_eq!((shco.count, shco.docs), (3, 2));
    assert!(close(shco.tfidf, 3.0 * (1.5f64).ln()));
    assert!(merged.rows.iter().all(|r| r.term != "上合组织" && r.term != "上合"));
    // Minimum length 3 keeps only the organisation names; POS "org" likewise.
    let long =
        term_table(&c, &Selection::all(&c), &TermOptions { min_len: 3, ..TermOptions::default() });
    assert_eq!(
        long.rows.iter().map(|r| r.term.as_str()).collect::<Vec<_>>(),
        ["上合组织", "上海合作组织"]
    );
    let orgs = term_table(
        &c,
        &Selection::all(&c),
        &TermOptions { pos: vec![PosClass::Org], ..TermOptions::default() },
    );
    assert_eq!(
        orgs.rows.iter().map(|r| r.term.as_str()).collect::<Vec<_>>(),
        ["上合组织", "上海合作组织"]
    );
    // Stopwords can be kept.
    let d = corpus(vec![doc("a", "2020-01-01", &["CN"], &["发展的合作。"])]);
    let kept = term_table(
        &d,
        &Selection::all(&d),
        &TermOptions { drop_stopwords: false, ..TermOptions::default() },
    );
    assert!(kept.rows.iter().any(|r| r.term == "的"));
}

// --------------------------------------------------------------- selections

#[test]
fn selection_by_documents_dates_and_parties() {
    let c = corpus(vec![
        doc("a", "2020-01-01", &["CN"], &["合作。", "发展。"]),
        doc("b", "2019-06-01", &["CN", "KG"], &["安全。"]),
        doc("c", "2020-05-01", &["RU"], &["发展。"]),
    ]);
    let docs = |f: Filter| select(&c, &f).unwrap().docs(&c);
    assert_eq!(docs(Filter::default()), [0, 1, 2]);
    assert_eq!(docs(Filter { from: "2020".parse().ok(), ..Filter::default() }), [0, 2]);
    assert_eq!(docs(Filter { to: "2019".parse().ok(), ..Filter::default() }), [1]);
    assert_eq!(
        docs(Filter {
            from: "2020-02".parse().ok(),
            to: "2020-05-01".parse().ok(),
            ..Filter::default()
        }),
        [2]
    );
    assert_eq!(
        docs(Filter { parties: vec!["KG".into(), "RU".into()], ..Filter::default() }),
        [1, 2]
    );
    assert_eq!(
        docs(Filter {
            docs: vec!["a".into(), "c".into()],
            parties: vec!["RU".into()],
            ..Filter::default()
        }),
        [2]
    );
    assert_eq!(
        select(&c, &Filter { docs: vec!["a".into()], ..Filter::default() }).unwrap().len(),
        2
    );
    for bad in [
        Filter { docs: vec!["zz".into()], ..Filter::default() },
        Filter { parties: vec!["XX".into()], ..Filter::default() },
    ] {
        assert!(select(&c, &bad).is_err(), "{bad:?}");
    }
    assert!(select(&c, &Filter { parties: vec!["XX".into()], ..Filter::default() })
        .unwrap_err()
        .to_string()
        .contains("unknown party \"XX\""));
    // Malformed dates cannot even be put into a filter: they fail to parse.
    assert!("2020-13".parse::<cijing_engine::text::date::DateBound>().is_err());
    assert!("20".parse::<cijing_engine::text::date::DateBound>().is_err());
}

// -------------------------------------------------------------- concordance

#[test]
fn kwic_contexts_and_sorting_by_hand() {
    let c = corpus(vec![doc("a", "2020-01-01", &["CN"], &["加强，合作，深化，合作，发展。"])]);
    let q = Query::parse(&c, seg(), "合作", false).unwrap();
    let lines = kwic(
        &c,
        &Selection::all(&c),
        &q,
        &KwicOptions { context_words: 2, context_chars: 3, sort: KwicSort::Position },
    );
    type Line<'a> = (usize, &'a str, &'a str, &'a str, Vec<String>, Vec<String>);
    let summary: Vec<Line> = lines
        .iter()
        .map(|l| {
            (
                l.position,
                l.left.as_str(),
                l.node.as_str(),
                l.right.as_str(),
                l.left_tokens.clone(),
                l.right_tokens.clone(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        summary,
        [
            (2, "加强，", "合作", "，深化", s(&["加强"]), s(&["深化", "合作"])),
            (6, "深化，", "合作", "，发展", s(&["深化", "合作"]), s(&["发展"])),
        ]
    );
    assert_eq!(
        (lines[0].doc.as_str(), lines[0].paragraph, lines[0].start, lines[0].end),
        ("a", 1, 9, 15)
    );
    // R1: 发展 (U+53D1) sorts before 深化 (U+6DF1); L1: 加强 before 深化.
    let positions = |sort| -> Vec<usize> {
        let options = KwicOptions { context_words: 2, context_chars: 3, sort };
        kwic(&c, &Selection::all(&c), &q, &options).iter().map(|l| l.position).collect()
    };
    assert_eq!(positions(KwicSort::R1), [6, 2]);
    assert_eq!(positions(KwicSort::L1), [2, 6]);
}

#[test]
fn kwic_sorts_word_by_word_outwards_then_keeps_corpus_order() {
    // Document "b" comes first in the corpus; all three hits have 加强 to
    // their left. L1 ties, so L2 decides: (none) < 发展 (U+53D1) < 深化
    // (U+6DF1), whatever the documents are called.
    let c = corpus(vec![
        doc("b", "2020-01-01", &["CN"], &["深化，加强，合作。"]),
        doc("a", "2020-01-01", &["CN"], &["发展，加强，合作。", "加强，合作。"]),
    ]);
    let q = Query::parse(&c, seg(), "合作", false).unwrap();
    let order = |sort| -> Vec<(String, usize)> {
        kwic(&c, &Selection::all(&c), &q, &KwicOptions { context_words: 3, context_chars: 3, sort })
            .iter()
            .map(|l| (l.doc.clone(), l.paragraph))
            .collect()
    };
    let s = |d: &str, p: usize| (d.to_string(), p);
    assert_eq!(order(KwicSort::L1), [s("a", 2), s("a", 1), s("b", 1)]);
    // L2 first: (none) for a ¶2, then 发展, then 深化.
    assert_eq!(order(KwicSort::L2), [s("a", 2), s("a", 1), s("b", 1)]);
    // R1: every right side is empty, so corpus order stays.
    assert_eq!(order(KwicSort::R1), [s("b", 1), s("a", 1), s("a", 2)]);
}

#[test]
fn kwic_phrases_alias_groups_and_unknown_words() {
    let c = corpus(vec![doc(
        "a",
        "2020-01-01",
        &["CN"],
        &["深化合作，加强合作。", "上海合作组织，上合组织，上合。"],
    )]);
    assert_eq!(tokens(&c)[0], ["深化", "合作", "，", "加强", "合作", "。"]);
    let phrase = Query::parse(&c, seg(), "深化 合作", false).unwrap();
    let hits = kwic(
        &c,
        &Selection::all(&c),
        &phrase,
        &KwicOptions { context_words: 3, context_chars: 5, sort: KwicSort::Position },
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].node, "深化合作");
    // Unspaced text is segmented into the same phrase.
    assert_eq!(Query::parse(&c, seg(), "深化合作", false).unwrap().slots, phrase.slots);
    let alone = Query::parse(&c, seg(), "上合", false).unwrap();
    assert_eq!(
        kwic(
            &c,
            &Selection::all(&c),
            &alone,
            &KwicOptions { context_words: 3, context_chars: 5, sort: KwicSort::Position }
        )
        .len(),
        1
    );
    let group = Query::parse(&c, seg(), "上合", true).unwrap();
    let nodes: Vec<String> = kwic(
        &c,
        &Selection::all(&c),
        &group,
        &KwicOptions { context_words: 3, context_chars: 5, sort: KwicSort::Position },
    )
    .into_iter()
    .map(|l| l.node)
    .collect();
    assert_eq!(nodes, ["上海合作组织", "上合组织", "上合"]);
    assert_eq!(
        Query::parse(&c, seg(), "北极", false).unwrap_err().to_string(),
        "\"北极\" does not occur in the corpus"
    );
    assert!(Query::parse(&c, seg(), "  ", false).is_err());
}

// ---------------------------------------------------------------- collocates

#[test]
fn collocates_by_hand() {
    // Words: 合作 发展 安全 合作 发展 (N = 5). Node 合作, span 1:
    // hit 1 → [发展]; hit 2 → [安全, 发展]; W = 3 slots. 发展: O = 2, f = 2; 安全: O = 1, f = 1.
    let c = corpus(vec![doc(
        "a",
        "2020-01-01",
        &["CN"],
        &["合作，发展，安全，合作，发展。", "安全。"],
    )]);
    let q = Query::parse(&c, seg(), "合作", false).unwrap();
    let only_first = Selection { paragraphs: vec![true, false] };
    let t = collocates(
        &c,
        &only_first,
        &q,
        &CollocateOptions { min_observed: 1, ..CollocateOptions::span(1) },
        &TermOptions::default(),
    );
    assert_eq!((t.node_hits, t.window_slots, t.tokens), (2, 3, 5));
    let fz = &t.rows[0];
    assert_eq!((fz.term.as_str(), fz.observed, fz.frequency), ("发展", 2, 2));
    // E = 3·2/5 = 1.2; MI = log2(2/1.2) = 0.736966; t = 0.8/√2 = 0.565685;
    // G² over [[2, 1], [0, 2]] = 2.911030.
    assert!(
        close(fz.expected, 1.2)
            && close(fz.mi, 0.736966)
            && close(fz.t_score, 0.565685)
            && close(fz.log_likelihood, 2.911030),
        "{fz:?}"
    );
    let aq = &t.rows[1];
    // E = 0.6; MI = log2(1/0.6) = 0.736966; t = 0.4; G² over [[1, 2], [0, 2]] = 1.184940.
    assert_eq!((aq.term.as_str(), aq.observed), ("安全", 1));
    assert!(
        close(aq.expected, 0.6) && close(aq.t_score, 0.4) && close(aq.log_likelihood, 1.184940),
        "{aq:?}"
    );
    // Windows stop at the paragraph, and a token in two windows counts once:
    // with span 5 both hits see the first paragraph's 安全, which counts 1
    // (not 2), and W is the 3 distinct tokens 发展 安全 发展 around the hits.
    // Over both paragraphs N = 6 and f(安全) = 2, so E = 3·2/6 = 1 = O: not
    // attracted, so only listed when repulsion is asked for.
    let wide_options = CollocateOptions { min_observed: 1, ..CollocateOptions::span(5) };
    let wide = collocates(&c, &Selection::all(&c), &q, &wide_options, &TermOptions::default());
    assert_eq!((wide.window_slots, wide.tokens), (3, 6));
    assert!(wide.rows.iter().all(|r| r.term != "安全" && r.association == Association::Attraction));
    let with_repulsion = collocates(
        &c,
        &Selection::all(&c),
        &q,
        &CollocateOptions { repulsion: true, ..wide_options },
        &TermOptions::default(),
    );
    let aq = with_repulsion.rows.iter().find(|r| r.term == "安全").unwrap();
    assert_eq!((aq.observed, aq.frequency, aq.association), (1, 2, Association::Repulsion));
    assert!(with_repulsion.rows.iter().all(|r| r.observed <= r.frequency));
    // Minimum observed filters.
    assert_eq!(
        collocates(
            &c,
            &only_first,
            &q,
            &CollocateOptions { min_observed: 2, ..CollocateOptions::span(1) },
            &TermOptions::default()
        )
        .rows
        .len(),
        1
    );
    assert!(close(log_likelihood_2x2(0.0, 0.0, 0.0, 0.0), 0.0));
}

// ------------------------------------------------------------------- n-grams

#[test]
fn ngrams_by_hand() {
    let c = corpus(vec![
        doc("a", "2020-01-01", &["CN"], &["中国支持上海合作组织。中国支持上海合作组织发展。"]),
        doc("b", "2020-01-02", &["CN"], &["中国支持，发展。"]),
    ]);
    assert_eq!(
        tokens(&c)[0],
        ["中国", "支持", "上海合作组织", "。", "中国", "支持", "上海合作组织", "发展", "。"]
    );
    let rows = ngrams(
        &c,
        &Selection::all(&c),
        &NgramOptions { min_n: 2, max_n: 5, min_count: 2 },
        &TermOptions::default(),
    );
    let got: Vec<(&str, usize, u64, u32)> =
        rows.iter().map(|r| (r.ngram.as_str(), r.n, r.count, r.docs)).collect();
    // 中国 支持 occurs 3 times (twice in a, once in b); the comma in b stops 支持 发展.
    assert_eq!(
        got,
        [
            ("中国 支持", 2, 3, 2),
            ("中国 支持 上海合作组织", 3, 2, 1),
            ("支持 上海合作组织", 2, 2, 1)
        ]
    );
    let all = ngrams(
        &c,
        &Selection::all(&c),
        &NgramOptions { min_n: 4, max_n: 4, min_count: 1 },
        &TermOptions::default(),
    );
    assert_eq!(
        all.iter().map(|r| r.ngram.as_str()).collect::<Vec<_>>(),
        ["中国 支持 上海合作组织 发展"]
    );
}

// -------------------------------------------------------------------- trends

#[test]
fn trends_by_document_and_year_by_hand() {
    let c = corpus(vec![
        doc("a", "2020-01-01", &["CN"], &["合作，合作，发展。"]),
        doc("b", "2019-06-01", &["CN"], &["合作，安全。"]),
        doc("c", "2020-05-01", &["CN"], &["发展。"]),
    ]);
    let q = vec![Query::parse(&c, seg(), "合作", false).unwrap()];
    let by_doc: Vec<(String, u64, u64)> = trends_by_doc(&c, &Selection::all(&c), &q)
        .into_iter()
        .map(|p| (p.key, p.count, p.tokens))
        .collect();
    assert_eq!(by_doc, [("b".to_string(), 1, 2), ("a".to_string(), 2, 3), ("c".to_string(), 0, 1)]);
    let by_year = trends_by_year(&c, &Selection::all(&c), &q);
    let got: Vec<(&str, u64, u64)> =
        by_year.iter().map(|p| (p.key.as_str(), p.count, p.tokens)).collect();
    assert_eq!(got, [("2019", 1, 2), ("2020", 2, 4)]);
    assert!(close(by_year[0].per_10k, 5000.0) && close(by_year[1].per_10k, 5000.0));
}

// ------------------------------------------------------------------ discovery

#[test]
fn discovery_finds_a_name_the_dictionary_lacks() {
    // 扎帕罗夫 four times, after 统, 见, 同 and a text edge, before 表, 时, 会, 指:
    // both entropies are log2(4) = 2 bits. Its fragments (扎帕罗, 帕罗夫) always
    // have the same neighbour on one side, entropy 0.
    let c = corpus(vec![doc(
        "a",
        "2020-01-01",
        &["CN"],
        &["总统扎帕罗夫表示。会见扎帕罗夫时说。同扎帕罗夫会谈。扎帕罗夫指出。"],
    )]);
    let options = DiscoverOptions { min_pmi: 1.0, min_entropy: 1.5, ..DiscoverOptions::default() };
    let found = discover(&c, &Selection::all(&c), &options, &cijing_seeds::base_segmenter());
    assert_eq!(found[0].word, "扎帕罗夫");
    assert_eq!(found[0].count, 4);
    assert!(close(found[0].left_entropy, 2.0) && close(found[0].right_entropy, 2.0));
    assert!(found.iter().all(|f| f.word != "扎帕罗" && f.word != "帕罗夫"));
    // With the domain dictionary it is known, so not "discovered".
    assert!(discover(&c, &Selection::all(&c), &options, seg())
        .iter()
        .all(|f| f.word != "扎帕罗夫"));
}

// ----------------------------------------------------------- the real seeds

#[test]
fn seeds_keyness_of_the_2019_china_russia_statement() {
    let c = seeds();
    let target = select(
        c,
        &Filter { docs: vec!["cn-ru-2019-strategic-stability".into()], ..Filter::default() },
    )
    .unwrap();
    let table = keyness(
        c,
        &target,
        &KeynessOptions { reference: Reference::Rest, min_g2: 15.13 },
        &TermOptions::default(),
    )
    .unwrap();
    let over: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| r.direction == Direction::Over)
        .map(|r| r.term.as_str())
        .collect();
    for term in ["外空", "条约", "军控"] {
        assert!(over.contains(&term), "{term} in {over:?}");
    }
    assert!(table.rows.iter().all(|r| r.significance == "p<0.0001"));
}

#[test]
fn seeds_collocates_discovery_and_trends_are_plausible() {
    let c = seeds();
    let all = Selection::all(c);
    let q = Query::parse(c, seg(), "合作", false).unwrap();
    let coll = collocates(
        c,
        &all,
        &q,
        &CollocateOptions { min_observed: 3, ..CollocateOptions::span(5) },
        &TermOptions::default(),
    );
    let top: Vec<&str> = coll.rows.iter().take(10).map(|r| r.term.as_str()).collect();
    for term in ["领域", "务实", "深化"] {
        assert!(top.contains(&term), "{term} in {top:?}");
    }
    let found = discover(c, &all, &DiscoverOptions::default(), &cijing_seeds::base_segmenter());
    let words: Vec<&str> = found.iter().take(60).map(|f| f.word.as_str()).collect();
    for name in ["上合组织", "拉赫蒙", "鲁班工坊", "中吉乌铁路"] {
        assert!(
            words.contains(&name),
            "discovery over the bare dictionary finds {name}: {words:?}"
        );
    }
    let sco = Query::parse(c, seg(), "上海合作组织", true).unwrap();
    let years = trends_by_year(c, &all, &[sco]);
    assert_eq!(
        years.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(),
        ["2019", "2023", "2024", "2025"]
    );
    let y2024 = &years[2];
    assert!(
        y2024.per_10k > years[1].per_10k,
        "the 2024 SCO summit texts mention the SCO more than 2023's"
    );
}

#[test]
fn a_search_term_of_more_than_32_words_is_refused() {
    // Each word of a term is looked up across the vocabulary (with aliases
    // merged): a term of thousands of words took seconds, so it is bounded.
    let c = corpus(vec![doc("a", "2024-07-05", &["CN"], &["双方深化能源合作。"])]);
    let thirty_two = vec!["合作"; 32].join(" ");
    assert_eq!(Query::parse_known(&c, &thirty_two, true).unwrap().slots.len(), 32);
    let err = Query::parse_known(&c, &"合作".repeat(33), true).unwrap_err();
    assert_eq!(err.to_string(), "a search term can have at most 32 words");
    assert_eq!(
        Query::parse(&c, seg(), &vec!["能源"; 4000].join(" "), false).unwrap_err().to_string(),
        "a search term can have at most 32 words"
    );
}
