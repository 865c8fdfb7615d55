//! Native engine benchmark: prints figures (no assertions). Run through
//! `bash scripts/bench.sh`, or `cargo bench --bench engine`.
use cijing::engine::corpus::builtin_documents;
use cijing::engine::stats::term_frequencies;
use cijing::engine::{Corpus, SegmentOptions, Segmenter};
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
        std::hint::black_box(Segmenter::builtin());
    });
    let segmenter = Segmenter::builtin();
    let docs = builtin_documents();
    let chars: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.chars().count()).sum();
    let bytes: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.len()).sum();
    let (clean, _) = median_ms(10, || {
        std::hint::black_box(builtin_documents());
    });
    let (seg, seg_min) = median_ms(10, || {
        std::hint::black_box(Corpus::from_documents(docs.clone(), &segmenter, SegmentOptions::default()));
    });
    let corpus = Corpus::from_documents(docs, &segmenter, SegmentOptions::default());
    let all: Vec<usize> = (0..corpus.docs.len()).collect();
    let (terms_all, _) = median_ms(50, || {
        std::hint::black_box(term_frequencies(&corpus, &all));
    });
    let (terms_one, _) = median_ms(50, || {
        std::hint::black_box(term_frequencies(&corpus, &[6]));
    });
    println!("native engine ({} documents, {chars} chars, {bytes} bytes of cleaned text)", corpus.docs.len());
    println!("  load dictionaries (jieba base + domain)   median {dict:8.2} ms  (min {dict_min:.2})");
    println!("  clean the seeds into documents             median {clean:8.2} ms");
    println!("  segment the whole corpus                   median {seg:8.2} ms  (min {seg_min:.2})");
    println!(
        "  segmentation throughput                    {:8.2} MB/s, {:.0} k chars/s",
        bytes as f64 / 1e6 / (seg / 1000.0),
        chars as f64 / 1e3 / (seg / 1000.0)
    );
    println!("  term table, whole corpus                   median {terms_all:8.3} ms");
    println!("  term table, one document                   median {terms_one:8.3} ms");
}
