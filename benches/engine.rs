//! Native engine benchmark: prints figures (no assertions). Run through
//! `bash scripts/bench.sh`, or `cargo bench --bench engine`.
use cijing_engine::charts::cloud_layout;
use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::selection::{select, Filter};
use cijing_engine::statistics::collocates::{collocates, CollocateOptions};
use cijing_engine::statistics::keyness::{keyness, KeynessOptions};
use cijing_engine::statistics::kwic::{kwic, KwicOptions};
use cijing_engine::statistics::ngrams::{ngrams, NgramOptions};
use cijing_engine::statistics::stats::{term_frequencies, term_table, TermOptions};
use cijing_engine::statistics::topics::score_corpus;
use cijing_engine::{Corpus, SegmentOptions};
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], times[0])
}

fn main() {
    let (dict, dict_min) = median_ms(5, || {
        std::hint::black_box(cijing_seeds::segmenter());
    });
    let segmenter = cijing_seeds::segmenter();
    let docs = cijing_seeds::documents();
    let chars: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.chars().count()).sum();
    let bytes: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.len()).sum();
    let (clean, _) = median_ms(10, || {
        std::hint::black_box(cijing_seeds::documents_from_sources());
    });
    let (seg, seg_min) = median_ms(10, || {
        std::hint::black_box(Corpus::from_documents(
            docs.clone(),
            &segmenter,
            SegmentOptions::default(),
        ));
    });
    let corpus = cijing_seeds::corpus(&segmenter, SegmentOptions::default());
    let all: Vec<usize> = (0..corpus.docs.len()).collect();
    let (terms_all, _) = median_ms(50, || {
        std::hint::black_box(term_frequencies(&corpus, &all));
    });
    let (terms_one, _) = median_ms(50, || {
        std::hint::black_box(term_frequencies(&corpus, &[6]));
    });
    println!(
        "native engine ({} documents, {chars} chars, {bytes} bytes of cleaned text)",
        corpus.docs.len()
    );
    println!(
        "  load dictionaries (jieba base + domain)   median {dict:8.2} ms  (min {dict_min:.2})"
    );
    println!("  clean the seeds into documents             median {clean:8.2} ms");
    println!(
        "  segment the whole corpus                   median {seg:8.2} ms  (min {seg_min:.2})"
    );
    println!(
        "  segmentation throughput                    {:8.2} MB/s, {:.0} k chars/s",
        bytes as f64 / 1e6 / (seg / 1000.0),
        chars as f64 / 1e3 / (seg / 1000.0)
    );
    println!("  term table, whole corpus                   median {terms_all:8.3} ms");
    println!("  term table, one document                   median {terms_one:8.3} ms");

    // A click: a new selection (the Kyrgyzstan documents), then the term
    // table, keyness against the rest and the concordance of 合作 for it.
    let options = TermOptions::default();
    let query = Query::parse(&corpus, &segmenter, "合作", false).expect("合作 occurs");
    let filter = Filter { parties: vec!["KG".into()], ..Filter::default() };
    let topics = score_corpus(&corpus, &cijing_seeds::topics());
    let (recompute, recompute_min) = median_ms(50, || {
        let selection = select(&corpus, &filter, &topics).unwrap();
        std::hint::black_box(term_table(&corpus, &selection, &options));
        std::hint::black_box(
            keyness(&corpus, &selection, &KeynessOptions::default(), &options).ok(),
        );
        std::hint::black_box(kwic(&corpus, &selection, &query, &KwicOptions::default()));
    });
    let selection = select(&corpus, &filter, &topics).unwrap();
    let (coll, _) = median_ms(50, || {
        std::hint::black_box(collocates(
            &corpus,
            &selection,
            &query,
            &CollocateOptions::default(),
            &options,
        ));
    });
    let (grams, _) = median_ms(10, || {
        std::hint::black_box(ngrams(&corpus, &selection, &NgramOptions::default(), &options));
    });
    // The cloud panel's layout: the selection's top 50 terms (2.5 × top 20)
    // in a half-width panel.
    let table = term_table(&corpus, &selection, &options);
    let words: Vec<(String, f64)> =
        table.rows.iter().take(50).map(|r| (r.term.clone(), r.count as f64)).collect();
    let (cloud, _) = median_ms(20, || {
        std::hint::black_box(cloud_layout(&words, 570.0, 270.0));
    });
    println!("recompute after a click (select KG documents → terms + keyness + KWIC of 合作)");
    println!("  selection + term table + keyness + KWIC    median {recompute:8.3} ms  (min {recompute_min:.3}; target < 5 ms)");
    println!("  collocates of 合作 (±5)                     median {coll:8.3} ms");
    println!("  n-grams 2–5                                median {grams:8.3} ms");
    println!("  word cloud layout, top 50 terms            median {cloud:8.3} ms");
}
