#![deny(missing_docs)]

//! The analysis engine of cijing (词镜): plain Rust, no web or seed
//! imports; compiled natively (CLI, tests, the seeds' build script) and to
//! wasm (the page, the segmenter worker). Pure functions over a [`Corpus`].
//!
//! Its modules are grouped by layer, and each group uses only the groups
//! above it (`tests/layers.rs` checks this from the source, and that no
//! module graph has a cycle):
//!
//! ```text
//! text        date · clean · script · varint · lexicon · compact_dict · pos ·
//!             options · segment (jieba-rs) · aliases · user_words ·
//!             document · import (users' files → documents)
//!   ↓
//! corpus      tokens (a stored segmentation) · paragraph_list · index →
//!             corpus · sliced_build · selection · query
//!   ↓
//! statistics  stats (terms) · dispersion · profile · keyness · kwic ·
//!             search · collocates · clusters · ngrams · trends · discover ·
//!             lda · topic_file → topics · table
//!   ↓
//! charts      plotters SVG from plain data
//! ```
//!
//! The shipped corpus and resources are data in the `cijing-seeds` crate,
//! which the engine never reads: the same functions run on a corpus given
//! at run time. The example below builds one from two documents; the
//! examples of the statistics reuse those two documents and work their
//! values out by hand.
//!
//! Conventions throughout: text spans are byte offsets into a paragraph's
//! text; a *global paragraph id* numbers the corpus's paragraphs from 0 in
//! document order ([`Corpus::paragraph`]); rates are per 10,000
//! *word tokens* (tokens with a letter in them, stopwords included;
//! punctuation, numbers and white space never count); ties in ranked
//! tables are broken by the term's text, so every table is deterministic.
//!
//! # Example
//!
//! A corpus of two documents built at run time, a selection of it, its top
//! terms and a concordance line. Every value asserted here can be worked
//! out by hand from the segmentation in the comments.
//!
//! ```
//! use cijing_engine::corpus::{CleanDocument, Corpus};
//! use cijing_engine::statistics::kwic::{kwic, KwicOptions};
//! use cijing_engine::corpus::query::Query;
//! use cijing_engine::corpus::selection::{select_documents, Filter};
//! use cijing_engine::statistics::stats::{term_table, TermOptions};
//! use cijing_engine::SegmentOptions;
//!
//! // Two documents, already clean: one string a paragraph.
//! let a = CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &[
//!     "中国和哈萨克斯坦加强能源合作。",
//!     "双方深化能源合作，推动共同发展。",
//! ]);
//! let b = CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &[
//!     "2024年，中俄两国继续扩大合作。",
//!     "合作造福两国人民。",
//! ]);
//!
//! // jieba's dictionary with the domain words and the stopwords. It cuts:
//! //   a  中国 和 哈萨克斯坦 加强 能源 合作 。 | 双方 深化 能源 合作 ， 推动 共同 发展 。
//! //   b  2024 年 ， 中俄 两国 继续 扩大 合作 。 | 合作 造福 两国 人民 。
//! // Word tokens: 6 + 7 in a, 6 + 4 in b (punctuation and 2024 are not
//! // words); 和 and 年 are stopwords, counted as tokens but never as terms.
//! let segmenter = cijing_seeds::segmenter();
//! let corpus = Corpus::from_documents(vec![a, b], &segmenter, SegmentOptions::default());
//!
//! // Over the whole corpus, 合作 occurs 4 times in 23 word tokens.
//! let everything = select_documents(&corpus, &Filter::default())?;
//! let terms = term_table(&corpus, &everything, &TermOptions::default());
//! assert_eq!((terms.rows[0].term.as_str(), terms.rows[0].count, terms.tokens), ("合作", 4, 23));
//!
//! // The documents about Kazakhstan: a alone, 13 word tokens.
//! let filter = Filter { parties: vec!["KZ".into()], ..Filter::default() };
//! let selection = select_documents(&corpus, &filter)?;
//! let terms = term_table(&corpus, &selection, &TermOptions::default());
//! for row in terms.rows.iter().take(3) {
//!     println!("{}\t{}\t{:.2}", row.term, row.count, row.per_10k);
//! }
//! let top: Vec<(&str, u64)> = terms.rows.iter().take(3).map(|r| (r.term.as_str(), r.count)).collect();
//! assert_eq!(top, [("合作", 2), ("能源", 2), ("中国", 1)]); // ties go by term
//! assert_eq!(terms.tokens, 13);
//! assert!((terms.rows[0].per_10k - 2.0 * 10_000.0 / 13.0).abs() < 1e-9); // 1538.46
//!
//! // 合作 in context, four characters a side: its two hits in a.
//! let query = Query::parse(&corpus, &segmenter, "合作", false)?;
//! let options = KwicOptions { context_chars: 4, ..KwicOptions::default() };
//! let lines = kwic(&corpus, &selection, &query, &options);
//! for line in &lines {
//!     println!("{} ¶{}  {}【{}】{}", line.doc, line.paragraph, line.left, line.node, line.right);
//! }
//! assert_eq!(lines.len(), 2);
//! let second = &lines[1];
//! assert_eq!((second.doc.as_str(), second.paragraph), ("a", 2));
//! assert_eq!((second.left.as_str(), second.node.as_str(), second.right.as_str()), ("深化能源", "合作", "，推动共"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod charts;
pub mod corpus;
pub mod statistics;
pub mod text;

pub use corpus::{Corpus, Document};
pub use text::segment::{Mode, SegmentOptions, Segmenter};
