//! The researcher's toolkit (issue 13): the query language, collocation
//! measures, keyness references and the Bonferroni cut-off, the lexical
//! profile, clusters and trends by date, each worked out by hand on a tiny
//! text (the working is in the comments), plus checks on the seeds.
use cijing_engine::corpus::query::{Query, QueryError};
use cijing_engine::corpus::selection::Selection;
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::statistics::kwic::{kwic, KwicOptions};
use cijing_engine::statistics::search::search;
use cijing_engine::statistics::trends::{trends, TrendBy};
use cijing_engine::text::segment::SegmentOptions;
use std::sync::OnceLock;

mod common;
use common::{corpus, seg, tokens};

fn doc(id: &str, date: &str, paragraphs: &[&str]) -> CleanDocument {
    CleanDocument::new(id, date.parse().unwrap(), &["CN"], paragraphs)
}

#[allow(dead_code)]
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn seeds_corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| cijing_seeds::corpus(seg(), SegmentOptions::default()))
}

// ------------------------------------------------------------ query language

/// a ¶1 深化 合作 ， 合作伙伴 ， 上海合作组织 。   a ¶2 加强 经贸合作 。   b ¶1 国际 合作 。
fn cooperation() -> Corpus {
    let c = corpus(vec![
        doc("a", "2020-01-01", &["深化合作，合作伙伴，上海合作组织。", "加强经贸合作。"]),
        doc("b", "2021-03-04", &["国际合作。"]),
    ]);
    assert_eq!(
        tokens(&c),
        [
            vec!["深化", "合作", "，", "合作伙伴", "，", "上海合作组织", "。"],
            vec!["加强", "经贸合作", "。"],
            vec!["国际", "合作", "。"]
        ]
    );
    c
}

/// (form, count) of a search over the whole corpus.
fn forms(c: &Corpus, query: &str) -> (u64, Vec<(String, u64)>) {
    let q = Query::parse(c, seg(), query, false).unwrap_or_else(|e| panic!("{query}: {e}"));
    let r = search(c, &Selection::all(c), &q);
    (r.hits, r.forms.into_iter().map(|f| (f.form, f.count)).collect())
}

fn owned(v: &[(&str, u64)]) -> Vec<(String, u64)> {
    v.iter().map(|(f, n)| (f.to_string(), *n)).collect()
}

#[test]
fn wildcards_expand_to_the_words_they_match() {
    let c = cooperation();
    // 合作* starts with 合作 (合作 itself included): 合作 ×2 (a ¶1, b), 合作伙伴 ×1.
    assert_eq!(forms(&c, "合作*"), (3, owned(&[("合作", 2), ("合作伙伴", 1)])));
    // *合作 ends with it: 合作 ×2, 经贸合作 ×1.
    assert_eq!(forms(&c, "*合作"), (3, owned(&[("合作", 2), ("经贸合作", 1)])));
    // *合作* contains it: every word above, and 上海合作组织.
    assert_eq!(
        forms(&c, "*合作*"),
        (5, owned(&[("合作", 2), ("上海合作组织", 1), ("合作伙伴", 1), ("经贸合作", 1)]))
    );
    // The slot holds the four matching words of the vocabulary.
    assert_eq!(Query::parse(&c, seg(), "*合作*", false).unwrap().slots[0].len(), 4);
}

#[test]
fn regular_expressions_over_words() {
    let c = cooperation();
    // Words of 合作 and at least one more character: only 合作伙伴.
    assert_eq!(forms(&c, "/^合作.+$/"), (1, owned(&[("合作伙伴", 1)])));
    // Unanchored, a regex is found anywhere in the word: 作 is in four words.
    assert_eq!(forms(&c, "/作/").0, 5);
    // In a phrase: 深化 followed by a word of two characters.
    assert_eq!(forms(&c, "深化 /^..$/"), (1, owned(&[("深化 合作", 1)])));
}

#[test]
fn part_of_speech_patterns() {
    let c = cooperation();
    // jieba's dictionary tags 国际 n, 加强 v and (oddly) 深化 j, an abbreviation;
    // so "n 合作" is 国际 合作, "v 合作" nothing, "v *合作" 加强 经贸合作.
    assert_eq!(forms(&c, "n 合作"), (1, owned(&[("国际 合作", 1)])));
    assert_eq!(forms(&c, "abbr 合作"), (1, owned(&[("深化 合作", 1)])));
    assert_eq!(forms(&c, "v 合作"), (0, vec![])); // verbs exist (加强, 合作 itself), none before 合作
    assert_eq!(forms(&c, "v *合作"), (1, owned(&[("加强 经贸合作", 1)])));
    // A class name means the same as its tags: noun = n.
    assert_eq!(forms(&c, "noun 合作"), forms(&c, "n 合作"));
}

#[test]
fn substrings_of_the_raw_text() {
    let c = cooperation();
    // 合作 as a substring: inside 深化合作, 合作伙伴, 上海合作组织, 经贸合作 and 国际合作 = 5;
    // as a word only twice. A hit's form is the whole word it falls in.
    let (hits, found) = forms(&c, "\"合作\"");
    assert_eq!(hits, 5);
    assert_eq!(found, owned(&[("合作", 2), ("上海合作组织", 1), ("合作伙伴", 1), ("经贸合作", 1)]));
    assert_eq!(forms(&c, "合作").0, 2);
    // Chinese quotes too, and across a word boundary: 深化合 covers 深化 合作.
    assert_eq!(forms(&c, "“化合”"), (1, owned(&[("深化 合作", 1)])));
    // The concordance shows exactly the substring as the node.
    let q = Query::parse(&c, seg(), "\"化合\"", false).unwrap();
    let lines = kwic(
        &c,
        &Selection::all(&c),
        &q,
        &KwicOptions { context_words: 1, context_chars: 2, ..KwicOptions::default() },
    );
    let shown: Vec<(&str, &str, &str)> =
        lines.iter().map(|l| (l.left.as_str(), l.node.as_str(), l.right.as_str())).collect();
    assert_eq!(shown, [("深", "化合", "作，")]);
    assert_eq!(
        (lines[0].left_tokens.len(), lines[0].right_tokens.clone()),
        (0, vec!["合作伙伴".to_string()])
    );
}

#[test]
fn concordance_and_trends_follow_a_wildcard() {
    let c = cooperation();
    let q = Query::parse(&c, seg(), "*合作", false).unwrap();
    let nodes: Vec<String> = kwic(&c, &Selection::all(&c), &q, &KwicOptions::default())
        .into_iter()
        .map(|l| l.node)
        .collect();
    assert_eq!(nodes, ["合作", "经贸合作", "合作"]);
    // a has 6 word tokens (深化 合作 合作伙伴 上海合作组织 | 加强 经贸合作) and
    // 2 hits; b has 2 (国际 合作) and 1.
    let points = trends(&c, &Selection::all(&c), &[q], TrendBy::Doc);
    let got: Vec<(&str, u64, u64)> =
        points.iter().map(|p| (p.key.as_str(), p.count, p.tokens)).collect();
    assert_eq!(got, [("a", 2, 6), ("b", 1, 2)]);
}

#[test]
fn query_errors_say_what_is_wrong() {
    let c = cooperation();
    let err = |q: &str| Query::parse(&c, seg(), q, false).unwrap_err();
    assert_eq!(err("*"), QueryError::EmptyPattern("*".into()));
    assert_eq!(err("//").to_string(), "the pattern // is empty: give some characters to look for");
    assert_eq!(
        err("\"\"").to_string(),
        "the pattern \"\" is empty: give some characters to look for"
    );
    assert_eq!(
        err("/(/").to_string(),
        "the regular expression /(/ is not valid: found open group without closing ')'"
    );
    assert!(matches!(err("/(/"), QueryError::BadRegex { .. }));
    assert_eq!(err("太空*").to_string(), "no word of the corpus matches 太空*");
    assert_eq!(err("\"太空\"").to_string(), "\"太空\" does not occur in the corpus");
    assert_eq!(err("adj 合作"), QueryError::NoMatch("adj".into()));
    // A regex too large to compile is refused, not run.
    let big = err(r"/((a{100}){100}){100}/");
    assert!(
        matches!(&big, QueryError::BadRegex { message, .. } if message.contains("size limit")),
        "{big}"
    );
}

#[test]
fn seeds_cooperation_as_a_word_and_as_a_substring() {
    let c = seeds_corpus();
    let all = Selection::all(c);
    let word = search(c, &all, &Query::parse(c, seg(), "合作", false).unwrap());
    let text = search(c, &all, &Query::parse(c, seg(), "\"合作\"", false).unwrap());
    // 合作 was 475 words until issue 12's domain terms: 睦邻友好合作条约 (7),
    // 国际合作高峰论坛 (5) and 中塔农业合作委员会 (2) now hold 14 of them;
    // the substring count does not move.
    assert_eq!((word.hits, text.hits), (461, 633));
    assert_eq!(text.forms[0].form, "合作");
    assert_eq!(text.forms[0].count, 461);
    assert!(text.forms.iter().any(|f| f.form == "上海合作组织"));
}

#[test]
fn seeds_words_have_one_part_of_speech_class_each() {
    // A part-of-speech slot expands to the words ever so tagged; the
    // engine then checks each token's tag, and the page's highlighting
    // (Query::matches, terms only) is exact because jieba tags a word by
    // its dictionary entry: one class per word.
    use cijing_engine::text::pos::PosClass;
    use std::collections::{HashMap, HashSet};
    let c = seeds_corpus();
    let mut classes: HashMap<u32, HashSet<PosClass>> = HashMap::new();
    for p in c.docs.iter().flat_map(|d| &d.paragraphs) {
        for t in &p.tokens {
            classes.entry(t.term).or_default().insert(PosClass::of_tag(c.vocab.pos(t.pos)));
        }
    }
    let mixed: Vec<&str> = classes
        .iter()
        .filter(|(_, s)| s.len() > 1)
        .map(|(t, _)| c.vocab.term(*t).text.as_str())
        .collect();
    assert!(mixed.is_empty(), "{mixed:?}");
}

// ------------------------------------------------------- collocation measures

#[test]
fn collocation_measures_and_one_sided_windows_by_hand() {
    use cijing_engine::statistics::collocates::{collocates, CollocateOptions, CollocateSort};
    use cijing_engine::statistics::stats::TermOptions;
    // Words: 合作 发展 安全 合作 发展 (N = 5). Node 合作 (f_node = 2 hits), span 1:
    // hit 1 → [发展]; hit 2 → [安全, 发展]; W = 3. 发展: O = 2, f = 2; 安全: O = 1, f = 1.
    let c = corpus(vec![doc("a", "2020-01-01", &["合作，发展，安全，合作，发展。"])]);
    let q = Query::parse(&c, seg(), "合作", false).unwrap();
    let all = Selection::all(&c);
    let t = collocates(
        &c,
        &all,
        &q,
        &CollocateOptions { min_observed: 1, ..CollocateOptions::span(1) },
        &TermOptions::default(),
    );
    let (fz, aq) = (&t.rows[0], &t.rows[1]);
    assert_eq!((fz.term.as_str(), aq.term.as_str()), ("发展", "安全"));
    // 发展: E = 3·2/5 = 1.2; MI3 = log2(2³/1.2) = log2 6.667 = 2.736966;
    // z = (2 − 1.2)/√1.2 = 0.730297; logDice = 14 + log2(2·2/(2 + 2)) = 14.
    assert!(
        close(fz.mi3, 2.736966) && close(fz.z_score, 0.730297) && close(fz.log_dice, 14.0),
        "{fz:?}"
    );
    // 安全: E = 0.6; MI3 = log2(1/0.6) = 0.736966; z = 0.4/√0.6 = 0.516398;
    // logDice = 14 + log2(2·1/(2 + 1)) = 14 − 0.584963 = 13.415037.
    assert!(
        close(aq.mi3, 0.736966) && close(aq.z_score, 0.516398) && close(aq.log_dice, 13.415037),
        "{aq:?}"
    );
    // Sorted by logDice, z or MI3, 发展 still leads; by MI they tie and go by term (安全 < 发展).
    for sort in [CollocateSort::LogDice, CollocateSort::Z, CollocateSort::Mi3] {
        let rows = collocates(
            &c,
            &all,
            &q,
            &CollocateOptions { min_observed: 1, sort, ..CollocateOptions::span(1) },
            &TermOptions::default(),
        )
        .rows;
        assert_eq!(rows[0].term, "发展", "{sort:?}");
    }
    // Right only (0 left, 1 right): hit 1 → [发展], hit 2 → [发展]; W = 2, O = 2,
    // E = 2·2/5 = 0.8, MI = log2(2.5) = 1.321928. 安全 is never to the right.
    let window = |span_left, span_right| CollocateOptions {
        span_left,
        span_right,
        min_observed: 1,
        ..CollocateOptions::default()
    };
    let right = window(0, 1);
    let t = collocates(&c, &all, &q, &right, &TermOptions::default());
    assert_eq!((t.window_slots, t.rows.len(), t.rows[0].term.as_str()), (2, 1, "发展"));
    assert!(close(t.rows[0].expected, 0.8) && close(t.rows[0].mi, 2.5f64.log2()));
    // Left only: hit 1 has nothing to its left, hit 2 has 安全: W = 1, E = 1·1/5 = 0.2, MI = log2 5.
    let left = window(1, 0);
    let t = collocates(&c, &all, &q, &left, &TermOptions::default());
    assert_eq!((t.window_slots, t.rows.len(), t.rows[0].term.as_str()), (1, 1, "安全"));
    assert!(close(t.rows[0].mi, 5f64.log2()));
    assert!(left.check().is_ok());
    assert_eq!(
        CollocateOptions { span_left: 0, span_right: 0, ..left }.check().unwrap_err().to_string(),
        "--span 0: the window is 1 to 20 words on each side"
    );
    assert_eq!(
        CollocateOptions { span_left: 21, ..left }.check().unwrap_err().to_string(),
        "--left 21: the window is 0 to 20 words on the left"
    );
    // The shared table has a column for each measure, formatted with three decimals.
    let table = cijing_engine::statistics::table::collocates(&collocates(
        &c,
        &all,
        &q,
        &CollocateOptions { min_observed: 1, ..CollocateOptions::span(1) },
        &TermOptions::default(),
    ));
    assert_eq!(table.header(), common::COLLOCATE_COLUMNS);
    assert_eq!(table.rows[0][7..10], ["2.737", "0.730", "14.000"]);
}

// ------------------------------------------------------------------- keyness

#[test]
fn chi_square_critical_values() {
    use cijing_engine::statistics::keyness::chi2_critical;
    // χ²(1 d.f.) upper-tail quantiles, as tabulated (and Φ⁻¹(p/2)² in Python's
    // statistics.NormalDist): 3.841459, 6.634897, 10.827566, 15.136705; 5.731139 for p = 0.05/3.
    for (p, x) in [
        (0.05, 3.841459),
        (0.01, 6.634897),
        (0.001, 10.827566),
        (0.0001, 15.136705),
        (0.05 / 3.0, 5.731139),
    ] {
        assert!((chi2_critical(p) - x).abs() < 1e-5, "p = {p}: {}", chi2_critical(p));
    }
    assert_eq!(chi2_critical(1.0), 0.0);
    assert_eq!(chi2_critical(0.0), f64::INFINITY);
    // Tiny p (a Bonferroni cut-off over many terms) stays finite and ordered.
    assert!(chi2_critical(1e-12) > chi2_critical(1e-9) && chi2_critical(1e-12) < 60.0);
}

#[test]
fn keyness_against_another_selection_with_the_bonferroni_cut_off() {
    use cijing_engine::statistics::keyness::{
        keyness, keyness_against, Direction, KeynessError, KeynessOptions, Reference,
    };
    use cijing_engine::statistics::stats::TermOptions;
    // Target a: 合作 ×3, 发展 ×1 (c = 4). b: 发展 ×2, 安全, 合作. Reference c: 安全 ×6 (d = 6).
    let c = corpus(vec![
        doc("a", "2020-01-01", &["合作，合作，合作，发展。"]),
        doc("b", "2020-01-02", &["发展，发展，安全，合作。"]),
        doc("c", "2021-01-01", &["安全，安全，安全，安全，安全，安全。"]),
    ]);
    let (target, reference) = (Selection::of_docs(&c, &[0]), Selection::of_docs(&c, &[2]));
    let t = keyness_against(&c, &target, &reference, 0.0, &TermOptions::default()).unwrap();
    assert_eq!((t.target_tokens, t.reference_tokens, t.reference), (4, 6, None));
    // m = 3 terms tested (合作, 发展, 安全): cut-off χ²(p = 0.05/3) = 5.731139.
    assert_eq!(t.terms_tested, 3);
    assert!(close(t.bonferroni_g2, 5.731139), "{}", t.bonferroni_g2);
    let rows: Vec<(&str, Direction, bool)> =
        t.rows.iter().map(|r| (r.term.as_str(), r.direction, r.bonferroni)).collect();
    // 合作: a = 3, b = 0, E_target = 4·3/10 = 1.2, G² = 6 ln(3/1.2) = 5.497744: p < 0.05, not Bonferroni.
    // 发展: a = 1, E = 0.4, G² = 2 ln 2.5 = 1.832581.
    // 安全: a = 0, b = 6, E_reference = 6·6/10 = 3.6, G² = 12 ln(6/3.6) = 6.129907: passes.
    assert_eq!(
        rows,
        [
            ("合作", Direction::Over, false),
            ("发展", Direction::Over, false),
            ("安全", Direction::Under, true)
        ]
    );
    assert!(
        close(t.rows[0].g2, 5.497744)
            && close(t.rows[1].g2, 1.832581)
            && close(t.rows[2].g2, 6.129907)
    );
    assert_eq!(t.rows[0].significance, "p<0.05");
    // The shared table marks the rows.
    let table = cijing_engine::statistics::table::keyness(&t);
    assert_eq!(table.header().last(), Some(&"bonferroni"));
    assert_eq!(table.rows.iter().map(|r| r[9].as_str()).collect::<Vec<_>>(), ["no", "no", "yes"]);
    // Rest and whole still work and say which they were; m counts every term on either side.
    let rest = keyness(
        &c,
        &target,
        &KeynessOptions { reference: Reference::Rest, min_g2: 0.0 },
        &TermOptions::default(),
    )
    .unwrap();
    assert_eq!(
        (rest.reference, rest.reference_tokens, rest.terms_tested),
        (Some(Reference::Rest), 10, 3)
    );
    let whole = keyness(
        &c,
        &target,
        &KeynessOptions { reference: Reference::Whole, min_g2: 0.0 },
        &TermOptions::default(),
    )
    .unwrap();
    assert_eq!((whole.reference, whole.reference_tokens), (Some(Reference::Whole), 14));
    assert_eq!(
        keyness_against(&c, &target, &Selection::none(&c), 0.0, &TermOptions::default()),
        Err(KeynessError::EmptyReference)
    );
}

// ----------------------------------------------------------- lexical profile

#[test]
fn lexical_profile_by_hand() {
    use cijing_engine::statistics::profile::{lexical_profile, ProfileOptions};
    // Word tokens: 合作 发展 合作 安全 | 合作 发展 (n = 6, across two paragraphs); 3 types.
    let c = corpus(vec![doc("a", "2020-01-01", &["合作，发展，合作，安全。", "合作，发展。"])]);
    let all = Selection::all(&c);
    let p = lexical_profile(&c, &all, &ProfileOptions { chunk: 4, window: 3 });
    // TTR = 3/6 = 0.5.
    assert_eq!((p.documents, p.paragraphs, p.tokens, p.types, p.ttr), (1, 2, 6, 3, 0.5));
    // STTR, chunks of 4: [合作 发展 合作 安全] = 3/4; the partial [合作 发展] is dropped.
    assert_eq!((p.sttr, p.sttr_chunks), (Some(0.75), 1));
    // MATTR, windows of 3: 合作 发展 合作 2/3, 发展 合作 安全 3/3, 合作 安全 合作 2/3,
    // 安全 合作 发展 3/3: mean (10/3)/4 = 5/6.
    assert!(close(p.mattr.unwrap(), 5.0 / 6.0));
    // Chunks of 2: [合作 发展] [合作 安全] [合作 发展], each 1: STTR 1.
    assert_eq!(lexical_profile(&c, &all, &ProfileOptions { chunk: 2, window: 6 }).sttr, Some(1.0));
    // A text shorter than a chunk or a window has neither; TTR still.
    let short = lexical_profile(&c, &all, &ProfileOptions::default());
    assert_eq!((short.sttr, short.sttr_chunks, short.mattr, short.ttr), (None, 0, None, 0.5));
    // An empty selection: zeros, no division by zero.
    let none = lexical_profile(&c, &Selection::none(&c), &ProfileOptions::default());
    assert_eq!((none.tokens, none.ttr, none.mattr), (0, 0.0, None));
}

#[test]
fn seeds_mattr_equals_the_mean_over_every_window() {
    use cijing_engine::statistics::profile::{lexical_profile, ProfileOptions};
    use std::collections::HashSet;
    let c = seeds_corpus();
    let sel = Selection::of_docs(c, &[0]);
    let words: Vec<u32> = sel
        .iter()
        .flat_map(|g| c.paragraph(g).tokens.iter())
        .filter(|t| c.vocab.term(t.term).kind == cijing_engine::text::segment::TokenKind::Word)
        .map(|t| t.term)
        .collect();
    let w = 50;
    let naive: f64 = words
        .windows(w)
        .map(|win| win.iter().collect::<HashSet<_>>().len() as f64 / w as f64)
        .sum::<f64>()
        / (words.len() - w + 1) as f64;
    let p = lexical_profile(c, &sel, &ProfileOptions { chunk: 100, window: w });
    assert!((p.mattr.unwrap() - naive).abs() < 1e-12);
    let chunks: Vec<f64> = words
        .chunks_exact(100)
        .map(|ch| ch.iter().collect::<HashSet<_>>().len() as f64 / 100.0)
        .collect();
    assert!((p.sttr.unwrap() - chunks.iter().sum::<f64>() / chunks.len() as f64).abs() < 1e-12);
    // STTR and MATTR are far above the whole text's TTR, which falls with length.
    assert!(p.ttr < p.sttr.unwrap() && p.ttr < p.mattr.unwrap());
}

// ------------------------------------------------------------------ clusters

#[test]
fn clusters_by_hand() {
    use cijing_engine::statistics::clusters::{clusters, ClusterOptions, ClusterSide};
    let c = corpus(vec![
        doc("a", "2020-01-01", &["中国支持上海合作组织。中国支持上海合作组织发展。"]),
        doc("b", "2020-01-02", &["中国支持，发展。"]),
    ]);
    assert_eq!(
        tokens(&c)[0],
        ["中国", "支持", "上海合作组织", "。", "中国", "支持", "上海合作组织", "发展", "。"]
    );
    // Runs of words: a [中国 支持 上海合作组织] [中国 支持 上海合作组织 发展]; b [中国 支持] [发展].
    let all = Selection::all(&c);
    let run = |q: &str, size, side| -> Vec<(String, u64, u32)> {
        let q = Query::parse(&c, seg(), q, false).unwrap();
        clusters(&c, &all, &q, &ClusterOptions { size, side, min_count: 1 })
            .into_iter()
            .map(|r| (r.cluster, r.count, r.docs))
            .collect()
    };
    let row = |s: &str, n, d| (s.to_string(), n, d);
    // Size 2, 支持 on the left: 支持 上海合作组织 in both runs of a; in b 支持 ends its run.
    assert_eq!(run("支持", 2, ClusterSide::Left), [row("支持 上海合作组织", 2, 1)]);
    // On the right: 中国 支持 three times, in both documents.
    assert_eq!(run("支持", 2, ClusterSide::Right), [row("中国 支持", 3, 2)]);
    assert_eq!(
        run("支持", 2, ClusterSide::Any),
        [row("中国 支持", 3, 2), row("支持 上海合作组织", 2, 1)]
    );
    // Size 3, anywhere: run 1 has one window (中国 支持 上海合作组织), run 2 two
    // (that one, and 支持 上海合作组织 发展); b's run is too short.
    assert_eq!(
        run("支持", 3, ClusterSide::Any),
        [row("中国 支持 上海合作组织", 2, 1), row("支持 上海合作组织 发展", 1, 1)]
    );
    assert_eq!(run("支持", 3, ClusterSide::Left), [row("支持 上海合作组织 发展", 1, 1)]);
    assert_eq!(run("支持", 3, ClusterSide::Right), []);
    // A phrase fills two of the three places.
    assert_eq!(run("中国 支持", 3, ClusterSide::Left), [row("中国 支持 上海合作组织", 2, 1)]);
    // Two hits in one window count the window once: 中国 and 支持 both match
    // /^(中国|支持)$/; the window 中国 支持 上海合作组织 still counts 2 (once per run).
    assert_eq!(run("/^(中国|支持)$/", 3, ClusterSide::Any)[0], row("中国 支持 上海合作组织", 2, 1));
}

// -------------------------------------------------------------------- trends

#[test]
fn trends_by_date_pool_documents_of_one_date() {
    // a 2020-01-01: 合作 合作 发展 (3 word tokens); b 2019-06-01: 合作 安全 (2);
    // c 2020-05-01: 发展 (1); d 2020-01-01, a's date: 发展 合作 发展 合作 (4).
    let c = corpus(vec![
        doc("a", "2020-01-01", &["合作，合作，发展。"]),
        doc("b", "2019-06-01", &["合作，安全。"]),
        doc("c", "2020-05-01", &["发展。"]),
        doc("d", "2020-01-01", &["发展，合作，发展，合作。"]),
    ]);
    let q = |t: &str| Query::parse(&c, seg(), t, false).unwrap();
    let points = trends(&c, &Selection::all(&c), &[q("合作"), q("发展")], TrendBy::Date);
    let got: Vec<(&str, &str, usize, u64, u64)> = points
        .iter()
        .map(|p| (p.term.as_str(), p.date.as_str(), p.docs, p.count, p.tokens))
        .collect();
    // 2020-01-01 pools a and d: 合作 2 + 2 = 4 of 3 + 4 = 7 tokens; 发展 1 + 2 = 3.
    assert_eq!(
        got,
        [
            ("合作", "2019-06-01", 1, 1, 2),
            ("合作", "2020-01-01", 2, 4, 7),
            ("合作", "2020-05-01", 1, 0, 1),
            ("发展", "2019-06-01", 1, 0, 2),
            ("发展", "2020-01-01", 2, 3, 7),
            ("发展", "2020-05-01", 1, 1, 1),
        ]
    );
    // 4 × 10,000 / 7 = 5714.29 per 10k; 1 of 2 = 5000.
    assert!(close(points[1].per_10k, 40_000.0 / 7.0) && close(points[0].per_10k, 5000.0));
    // By year 2020 pools a, c and d: 合作 4 of 8. By document, d stands alone: 2 of 4.
    let years = trends(&c, &Selection::all(&c), &[q("合作")], TrendBy::Year);
    assert_eq!(
        (years[1].key.as_str(), years[1].count, years[1].tokens, years[1].docs),
        ("2020", 4, 8, 3)
    );
    let docs = trends(&c, &Selection::all(&c), &[q("合作")], TrendBy::Doc);
    assert_eq!(docs.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), ["b", "a", "d", "c"]);
    assert_eq!((docs[2].count, docs[2].tokens, docs[2].docs), (2, 4, 1));
    // The shared table: the date table says how many documents each point pools.
    let table = cijing_engine::statistics::table::trends(&points, TrendBy::Date);
    assert_eq!(table.header(), ["term", "date", "docs", "count", "tokens", "per_10k"]);
    assert_eq!(table.rows[1], ["合作", "2020-01-01", "2", "4", "7", "5714.29"]);
}

// ------------------------------------------------------------ dispersion plot

#[test]
fn plot_points_place_each_hit_by_word_tokens_before_it() {
    use cijing_engine::statistics::dispersion::plot_points;
    // Dated out of order: the plot is in date order, b before a.
    let c = corpus(vec![
        doc("a", "2024-01-01", &["加强合作。", "深化合作，扩大合作。"]),
        doc("b", "2023-01-01", &["双方发展友好关系。"]),
        doc("c", "2025-01-01", &["中国支持合作。"]),
    ]);
    assert_eq!(
        tokens(&c),
        [
            vec!["加强", "合作", "。"],
            vec!["深化", "合作", "，", "扩大", "合作", "。"],
            vec!["双方", "发展", "友好关系", "。"],
            vec!["中国", "支持", "合作", "。"]
        ]
    );
    let q = Query::parse(&c, seg(), "合作", false).unwrap();
    let strips = plot_points(&c, &Selection::all(&c), &q);
    // a: 6 word tokens; 合作 after 1, 3 (加强 合作 深化) and 5 (… 合作 扩大).
    // b: 3 word tokens, no hit. c: 3, 合作 after 2.
    let got: Vec<(usize, usize, Vec<f64>)> =
        strips.iter().map(|s| (s.doc, s.tokens, s.positions.clone())).collect();
    assert_eq!(
        got,
        [(1, 3, vec![]), (0, 6, vec![1.0 / 6.0, 0.5, 5.0 / 6.0]), (2, 3, vec![2.0 / 3.0])]
    );
    // Only the selection's paragraphs count, but positions stay in the whole document.
    let only = Selection::of_docs(&c, &[0]);
    let strips = plot_points(&c, &only, &q);
    assert_eq!(strips.len(), 1);
    assert_eq!(strips[0].positions.len(), 3);
    // As many ticks as concordance lines, on the seeds.
    let s = seeds_corpus();
    let q = Query::parse(s, seg(), "合作", false).unwrap();
    let all = Selection::all(s);
    let ticks: usize = plot_points(s, &all, &q).iter().map(|d| d.positions.len()).sum();
    assert_eq!(ticks, kwic(s, &all, &q, &KwicOptions::default()).len());
    assert!(plot_points(s, &all, &q)
        .iter()
        .all(|d| d.positions.iter().all(|p| (0.0..1.0).contains(p))));
}
