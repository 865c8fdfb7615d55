//! Term frequencies, worked out by hand on tiny documents.
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::statistics::stats::term_frequencies;
use cijing_engine::text::segment::SegmentOptions;

fn tiny_corpus() -> Corpus {
    let doc = |id: &str, paragraphs: &[&str]| {
        CleanDocument::new(id, "2024-01-01".parse().unwrap(), &["CN"], paragraphs)
    };
    // A: 合作 合作 发展 。 | 2023 年 合作        -> word tokens: 合作 合作 发展 年 合作 = 5
    // B: 发展 的 合作 。                          -> word tokens: 发展 的 合作 = 3
    Corpus::from_documents(
        vec![doc("a", &["合作合作发展。", "2023年合作"]), doc("b", &["发展的合作。"])],
        &cijing_seeds::segmenter(),
        SegmentOptions::default(),
    )
}

#[test]
fn whole_corpus_counts_rates_and_document_frequency() {
    let corpus = tiny_corpus();
    let table = term_frequencies(&corpus, &[0, 1]);
    // 8 word tokens; 年 and 的 are stopwords (counted as tokens, never as terms);
    // 2023 and 。 are not words.
    assert_eq!(table.tokens, 8);
    assert_eq!(table.documents, 2);
    let rows: Vec<(&str, u64, u32)> =
        table.rows.iter().map(|r| (r.term.as_str(), r.count, r.docs)).collect();
    assert_eq!(rows, [("合作", 4, 2), ("发展", 2, 2)]);
    assert!((table.rows[0].per_10k - 5000.0).abs() < 1e-9); // 4 / 8 * 10,000
    assert!((table.rows[1].per_10k - 2500.0).abs() < 1e-9); // 2 / 8 * 10,000
}

#[test]
fn dispersion_over_the_selected_documents_by_hand() {
    let corpus = tiny_corpus();
    let table = term_frequencies(&corpus, &[0, 1]);
    // Parts: a has 5 word tokens, b 3 (s = 5/8, 3/8).
    // 合作: 3 in a, 1 in b → DP = ½(|3/4 − 5/8| + |1/4 − 3/8|) = ½(1/8 + 1/8) = 0.125;
    //   rates 3/5 = 0.6 and 1/3, mean 7/15, σ = 2/15, D = 1 − (2/15)/(7/15) = 5/7.
    // 发展: 1 and 1 → DP = ½(|1/2 − 5/8| + |1/2 − 3/8|) = 0.125;
    //   rates 0.2 and 1/3, mean 4/15, σ = 1/15, D = 1 − 1/4 = 0.75.
    let hz = &table.rows[0];
    assert!(
        (hz.dp - 0.125).abs() < 1e-12 && (hz.juilland_d.unwrap() - 5.0 / 7.0).abs() < 1e-12,
        "{hz:?}"
    );
    let fz = &table.rows[1];
    assert!(
        (fz.dp - 0.125).abs() < 1e-12 && (fz.juilland_d.unwrap() - 0.75).abs() < 1e-12,
        "{fz:?}"
    );
    // One document: DP is 0 (all of it where all the text is), D undefined.
    let one = term_frequencies(&corpus, &[0]);
    assert!(one.rows.iter().all(|r| r.dp == 0.0 && r.juilland_d.is_none()));
}

#[test]
fn one_document() {
    let corpus = tiny_corpus();
    let table = term_frequencies(&corpus, &[1]);
    assert_eq!(table.tokens, 3);
    let rows: Vec<(&str, u64, u32)> =
        table.rows.iter().map(|r| (r.term.as_str(), r.count, r.docs)).collect();
    // Equal counts are ordered by term.
    assert_eq!(rows, [("发展", 1, 1), ("合作", 1, 1)]);
    assert!((table.rows[0].per_10k - 10_000.0 / 3.0).abs() < 1e-9);
}

#[test]
fn an_empty_selection_has_no_rows_and_no_division_by_zero() {
    let table = term_frequencies(&tiny_corpus(), &[]);
    assert_eq!((table.tokens, table.rows.len()), (0, 0));
}

#[test]
fn the_seed_corpus_per_document_counts_add_up_to_the_whole() {
    let corpus = cijing_seeds::corpus(&cijing_seeds::segmenter(), SegmentOptions::default());
    assert_eq!(corpus.docs.len(), 17);
    let all: Vec<usize> = (0..corpus.docs.len()).collect();
    let whole = term_frequencies(&corpus, &all);
    let per_doc: u64 = (0..corpus.docs.len()).map(|d| term_frequencies(&corpus, &[d]).tokens).sum();
    assert_eq!(whole.tokens, per_doc);
    let hezuo = whole.rows.iter().find(|r| r.term == "合作").unwrap();
    let hezuo_docs: u64 = (0..corpus.docs.len())
        .map(|d| {
            term_frequencies(&corpus, &[d])
                .rows
                .iter()
                .find(|r| r.term == "合作")
                .map_or(0, |r| r.count)
        })
        .sum();
    assert_eq!(hezuo.count, hezuo_docs);
    assert_eq!(whole.rows[0].term, "合作", "the corpus is about cooperation");
    assert!(whole.rows.iter().all(|r| !["的", "和", "在", "年", "，"].contains(&r.term.as_str())));
}

#[test]
fn a_document_partly_selected_counts_only_its_selected_paragraphs() {
    use cijing_engine::corpus::selection::Selection;
    use cijing_engine::statistics::stats::{term_table, TermOptions};
    let corpus = tiny_corpus();
    // Document a whole (both paragraphs) and b's only paragraph: counted
    // from the documents' term counts; a's second paragraph alone
    // (2023 年 合作): one token at a time.
    let all = term_table(&corpus, &Selection::all(&corpus), &TermOptions::default());
    let rows: Vec<(&str, u64, u32)> =
        all.rows.iter().map(|r| (r.term.as_str(), r.count, r.docs)).collect();
    assert_eq!((rows, all.tokens), (vec![("合作", 4, 2), ("发展", 2, 2)], 8));
    let mut part = Selection::none(&corpus);
    part.paragraphs[1] = true;
    part.paragraphs[2] = true;
    let mixed = term_table(&corpus, &part, &TermOptions::default());
    // a ¶2: 年 合作 (2 word tokens); b: 发展 的 合作 (3).
    let rows: Vec<(&str, u64, u32)> =
        mixed.rows.iter().map(|r| (r.term.as_str(), r.count, r.docs)).collect();
    assert_eq!((rows, mixed.tokens), (vec![("合作", 2, 2), ("发展", 1, 1)], 5));
}
