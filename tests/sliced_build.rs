//! Building a corpus in slices from token streams: the same corpus as
//! building it whole, and streams that do not fit are errors, not panics.
use cijing_engine::corpus::sliced_build::{BuildError, SharedDocument, SlicedBuild};
use cijing_engine::corpus::tokens::encode;
use cijing_engine::corpus::{CleanDocument, Corpus};
use cijing_engine::text::segment::SegmentOptions;

fn shared(docs: Vec<CleanDocument>) -> Vec<SharedDocument> {
    docs.into_iter().map(Into::into).collect()
}

/// Each paragraph's text and tokens (span, word, tag).
type Built = Vec<(String, Vec<(u32, u32, String, String)>)>;

fn paragraphs_of(corpus: &Corpus) -> Built {
    (0..corpus.paragraph_count())
        .map(|g| {
            let p = corpus.paragraph(g);
            (
                p.text.clone(),
                p.tokens
                    .iter()
                    .map(|t| {
                        (
                            t.start,
                            t.end,
                            corpus.token_text(t).to_string(),
                            corpus.vocab.pos(t.pos).to_string(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn the_seeds_built_in_slices_from_two_streams_equal_the_seeds_built_whole() {
    let docs = cijing_seeds::documents();
    let tokens = cijing_seeds::tokens();
    let stopwords = cijing_seeds::stopwords();
    let whole =
        Corpus::from_segmented(docs.clone(), tokens.clone(), &stopwords, SegmentOptions::default())
            .unwrap();
    let streams = vec![encode(&tokens[..10]), encode(&[]), encode(&tokens[10..])];
    let mut build = SlicedBuild::new(shared(docs), streams, SegmentOptions::default()).unwrap();
    let mut steps = 0;
    while !build.step(&stopwords, |n| n >= 7).unwrap() {
        steps += 1;
    }
    let (done, total) = build.progress();
    assert_eq!(done, total);
    assert_eq!(steps, total.div_ceil(7) - 1);
    let sliced = build.finish();
    assert_eq!(sliced.docs.len(), whole.docs.len());
    assert_eq!(paragraphs_of(&sliced), paragraphs_of(&whole));
    assert_eq!(sliced.index.doc_freq, whole.index.doc_freq);
    assert_eq!(sliced.index.word_tokens, whole.index.word_tokens);
    assert_eq!(sliced.index.doc_starts, whole.index.doc_starts);
    let he_zuo = whole.vocab.id("合作").unwrap();
    assert_eq!(
        sliced.index.postings(sliced.vocab.id("合作").unwrap()),
        whole.index.postings(he_zuo)
    );
}

#[test]
fn streams_that_do_not_fit_their_documents_are_errors() {
    let docs = cijing_seeds::documents();
    let tokens = cijing_seeds::tokens();
    let stopwords = cijing_seeds::stopwords();
    // One document short.
    let short = SlicedBuild::new(
        shared(docs.clone()),
        vec![encode(&tokens[1..])],
        SegmentOptions::default(),
    );
    assert_eq!(
        short.err().map(|e| e.to_string()),
        Some(format!(
            "document {}, paragraph 1: the tokens are for another number of documents",
            docs.len()
        ))
    );
    // The first two documents' tokens swapped: paragraph counts differ.
    let mut swapped = tokens.clone();
    swapped.swap(0, 1);
    let mut build =
        SlicedBuild::new(shared(docs.clone()), vec![encode(&swapped)], SegmentOptions::default())
            .unwrap();
    let error = loop {
        match build.step(&stopwords, |_| false) {
            Ok(true) => panic!("built a corpus from tokens that do not fit"),
            Ok(false) => continue,
            Err(e) => break e,
        }
    };
    assert_eq!(
        error.to_string(),
        "document 1, paragraph 1: the tokens are for another number of paragraphs"
    );
    // A stream cut short is a stream error, not a panic.
    let bytes = encode(&tokens);
    let mut build = SlicedBuild::new(
        shared(docs),
        vec![bytes[..bytes.len() - 3].to_vec()],
        SegmentOptions::default(),
    )
    .unwrap();
    assert!(matches!(build.step(&stopwords, |_| false), Err(BuildError::Stream(_))));
}
