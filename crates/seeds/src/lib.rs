#![deny(missing_docs)]

//! The shipped corpus and resources, as data: the five seed files cut into
//! 17 documents by `seeds/corpus.toml` (checked by `build.rs` with
//! `cijing-manifest`), jieba's dictionary, the domain dictionary,
//! stopwords, alias groups and topic lexicons. The engine never reads
//! these itself; the faces (page, worker, CLI) and the tests hand them to it.
//!
//! Everything here is checked at build time or by the tests, so the
//! functions do not fail. The ones that build a segmenter load jieba's
//! dictionary (about 0.1 s optimised): build one and share it.
//! [`presegmented_corpus`] needs no dictionary at all.
//!
//! ```
//! let corpus = cijing_seeds::presegmented_corpus();
//! assert_eq!(corpus.docs.len(), 17);
//! assert_eq!(corpus.docs[0].info.id, "cn-kg-2023-statement"); // manifest order
//! assert_eq!(cijing_seeds::party_name("KZ"), "哈萨克斯坦");
//! ```

use cijing_engine::corpus::tokens::{DocumentTokens, StreamToken, WordStream};
use cijing_engine::corpus::{CleanDocument, Corpus, CorpusBuilder, DocInfo};
use cijing_engine::statistics::topics::Topic;
use cijing_engine::text::aliases::AliasGroups;
use cijing_engine::text::import::segment_texts;
use cijing_engine::text::lexicon::{parse_user_dict, parse_word_list};
use cijing_engine::text::script::Script;
use cijing_engine::text::segment::{SegmentOptions, Segmenter, Token};
use cijing_manifest::{cut, DocSpec};
use std::collections::HashSet;

include!(concat!(env!("OUT_DIR"), "/builtin_corpus.rs"));
include!(concat!(env!("OUT_DIR"), "/builtin_topics.rs"));
include!(concat!(env!("OUT_DIR"), "/builtin_clean.rs"));

/// The shipped documents, cleaned and segmented at build time by `build.rs`
/// with the shipped dictionaries and the default options (precise mode, HMM
/// on), as a word stream ([`encode_words`](cijing_engine::corpus::tokens::encode_words)):
/// their paragraphs' text and tokens in one. The page starts from these
/// without loading jieba's dictionary.
pub static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed_words.bin"));

/// jieba's base dictionary (`seeds/lexicon/jieba_dict.txt`) in the
/// compact form `build.rs` makes of it
/// ([`compact_dict`](cijing_engine::text::compact_dict)): the same entries, less
/// than half the bytes.
pub static JIEBA_DICT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_dict.cjd"));
/// The domain dictionary (jieba user-dict format: `word [freq] [pos]`).
pub static DOMAIN_DICT: &str = include_str!("../../../seeds/lexicon/domain_dict.txt");
/// The stopword list, one word a line.
pub static STOPWORDS: &str = include_str!("../../../seeds/lexicon/stopwords.txt");
/// The alias groups, `canonical = alias alias …` a line.
pub static ALIASES: &str = include_str!("../../../seeds/lexicon/aliases.txt");

/// Party codes the shipped manifest may use, with their Chinese names:
/// ISO 3166 alpha-2 for countries, plus multilateral bodies.
pub use cijing_manifest::KNOWN_PARTIES as PARTIES;

/// The Chinese name of a party code, or the code itself when it is not one
/// of the shipped [`PARTIES`].
pub fn party_name(code: &str) -> &str {
    PARTIES.iter().find(|(c, _)| *c == code).map_or(code, |(_, name)| name)
}

/// The names (`000_….txt`, as in `seeds/`) and contents of the embedded
/// seed files, verbatim, sorted by name.
pub fn files() -> &'static [(&'static str, &'static str)] {
    SEED_FILES
}

/// The shipped documents in manifest order, cut from the seed files by the
/// manifest and cleaned (title and meta lines out of the body, meta lines
/// kept in [`CleanDocument::meta`]). `build.rs` cuts and cleans them, so
/// nothing is cleaned at run time; [`documents_from_sources`] does the same
/// work now, and a test checks the two agree.
pub fn documents() -> Vec<CleanDocument> {
    let mut documents: Vec<CleanDocument> = Vec::new();
    read_shipped(|item| match item {
        Shipped::Document(info, meta) => {
            documents.push(CleanDocument { info, meta, paragraphs: Vec::new() })
        }
        Shipped::Paragraph(text, _, _) => {
            documents.last_mut().expect("a document comes first").paragraphs.push(text)
        }
    });
    documents
}

/// One step of reading the shipped corpus from [`WORDS`].
enum Shipped<'a> {
    /// The next document starts: its fields and meta lines.
    Document(DocInfo, Vec<String>),
    /// The next paragraph of the current document: its text, its tokens
    /// and the tag table their tags index.
    Paragraph(String, &'a [StreamToken], &'a [&'a str]),
}

/// Reads the shipped documents from [`WORDS`], in manifest order, a
/// document or a paragraph at a time.
fn read_shipped(mut each: impl FnMut(Shipped<'_>)) {
    let stored = "build.rs wrote the word stream with the same code";
    let mut stream = WordStream::new(WORDS).expect(stored);
    let mut tokens = Vec::new();
    for (spec, meta) in builtin_doc_specs().iter().zip(CLEAN_META) {
        each(Shipped::Document(doc_info(spec), meta.iter().map(|l| l.to_string()).collect()));
        for _ in 0..stream.next_document().expect(stored) {
            let text = stream.next_paragraph(&mut tokens).expect(stored);
            each(Shipped::Paragraph(text, &tokens, stream.tags()));
        }
    }
    stream.finish().expect(stored);
}

/// [`documents`], cut from the embedded seed files and cleaned now.
pub fn documents_from_sources() -> Vec<CleanDocument> {
    builtin_doc_specs().iter().map(clean_document).collect()
}

fn seed_file(file: &str) -> &'static str {
    SEED_FILES.iter().find(|(name, _)| *name == file).map_or("", |(_, text)| text)
}

fn seed_lines(file: &str) -> Vec<&'static str> {
    seed_file(file).lines().collect()
}

/// The document a manifest entry describes, cut from its seed file and cleaned.
fn clean_document(spec: &DocSpec) -> CleanDocument {
    let cut = cut::cut(spec, seed_file(&spec.file));
    CleanDocument { info: doc_info(spec), meta: cut.meta, paragraphs: cut.paragraphs }
}

/// A manifest entry's description of its document.
fn doc_info(spec: &DocSpec) -> DocInfo {
    DocInfo {
        id: spec.id.clone(),
        title: spec.title.clone(),
        date: spec
            .date
            .parse()
            .expect("build.rs checked that every manifest date is a real YYYY-MM-DD date"),
        source: spec.source.clone(),
        place: spec.place.clone(),
        kind: spec.kind.clone(),
        parties: spec.parties.clone(),
    }
}

/// Each shipped document's (id, title), in manifest order: static data,
/// nothing cut or cleaned.
///
/// ```
/// let shipped = cijing_seeds::document_titles();
/// assert_eq!(shipped.len(), 17);
/// assert_eq!(shipped[0].0, "cn-kg-2023-statement");
/// ```
pub fn document_titles() -> Vec<(&'static str, &'static str)> {
    BUILTIN_DOC_SPECS.iter().map(|r| (r.id, r.title)).collect()
}

/// Each document's (id, manifest title, the original text of its title
/// lines), in manifest order, for checking that titles come from the
/// articles themselves.
pub fn title_lines() -> Vec<(String, String, Vec<String>)> {
    builtin_doc_specs()
        .iter()
        .map(|spec| {
            let lines = seed_lines(&spec.file);
            let titles = spec
                .title_lines
                .iter()
                .map(|&n| lines.get(n - 1).copied().unwrap_or("").to_string())
                .collect();
            (spec.id.clone(), spec.title.clone(), titles)
        })
        .collect()
}

/// The shipped topics (`seeds/topics.toml`, checked at build time), in
/// file order; score them with
/// [`score_corpus`](cijing_engine::statistics::topics::score_corpus).
pub fn topics() -> Vec<Topic> {
    builtin_topic_list()
}

/// A segmenter over jieba's base dictionary only: no domain words, no
/// stopwords (for judging what jieba alone knows, as term discovery can).
pub fn base_segmenter() -> Segmenter {
    Segmenter::from_compact_dictionary(JIEBA_DICT)
        .expect("the shipped jieba dictionary is checked by the tests")
}

/// The segmenter the faces use: jieba's base dictionary with the domain
/// dictionary and the stopwords.
pub fn segmenter() -> Segmenter {
    let mut segmenter = base_segmenter();
    let entries = parse_user_dict(DOMAIN_DICT, "seeds/lexicon/domain_dict.txt")
        .expect("the shipped domain dictionary is checked by the tests");
    segmenter.add_words(&entries);
    segmenter.set_stopwords(stopwords());
    segmenter
}

/// The shipped alias groups ([`ALIASES`]).
pub fn aliases() -> AliasGroups {
    AliasGroups::parse(ALIASES, "seeds/lexicon/aliases.txt")
        .expect("the shipped alias file is checked by the tests")
}

/// The shipped corpus (the 17 [`documents`]), segmented with `segmenter`
/// and `options`, with the shipped alias groups set.
pub fn corpus(segmenter: &Segmenter, options: SegmentOptions) -> Corpus {
    let mut corpus = Corpus::from_documents(documents(), segmenter, options);
    corpus.set_aliases(aliases(), segmenter);
    corpus
}

/// The one corpus recipe every face follows: the shipped [`documents`]
/// (when `seeds`), then the user's `texts` in the order given, each
/// segmented in the script its import judged; with the shipped alias
/// groups, and the Traditional spellings of the user's words in their
/// Simplified forms' groups (so alias merging counts 上海合作組織 as
/// 上海合作组织). The CLI builds it here; the page builds the same from the
/// worker's token streams, with [`documents_if`] and [`aliases_with`].
pub fn corpus_with_texts(
    seeds: bool,
    texts: Vec<(CleanDocument, Script)>,
    segmenter: &Segmenter,
    options: SegmentOptions,
) -> Corpus {
    let mut docs = documents_if(seeds);
    let mut tokens: Vec<Vec<Vec<Token>>> = docs
        .iter()
        .map(|d| d.paragraphs.iter().map(|p| segmenter.segment(p, options)).collect())
        .collect();
    let segmented = segment_texts(
        segmenter,
        texts.iter().map(|(doc, script)| (&doc.paragraphs[..], *script)),
        options,
    );
    docs.extend(texts.into_iter().map(|(doc, _)| doc));
    tokens.extend(segmented.tokens);
    let mut corpus = Corpus::from_segmented(docs, tokens, segmenter, options)
        .unwrap_or_else(|e| unreachable!("a segmenter's tokens fit the text it cut: {e}"));
    corpus.set_aliases(aliases_with(segmented.spellings), segmenter);
    corpus
}

/// The documents a corpus starts from: the shipped ones when `seeds`, else none.
pub fn documents_if(seeds: bool) -> Vec<CleanDocument> {
    if seeds {
        documents()
    } else {
        Vec::new()
    }
}

/// The shipped alias groups with the user's Traditional `spellings`
/// (`[traditional, simplified]` pairs) in their Simplified forms' groups.
pub fn aliases_with(spellings: Vec<(String, String)>) -> AliasGroups {
    aliases().add_spellings(spellings)
}

/// The shipped stopwords ([`STOPWORDS`]) as a set: a
/// [`StopwordList`](cijing_engine::text::lexicon::StopwordList) for
/// [`Corpus::from_segmented`].
pub fn stopwords() -> HashSet<String> {
    parse_word_list(STOPWORDS).into_iter().collect()
}

/// The tokens `build.rs` stored in [`WORDS`], `[document][paragraph][token]`
/// in the order of [`documents`].
pub fn tokens() -> DocumentTokens {
    let mut documents: DocumentTokens = Vec::new();
    read_shipped(|item| match item {
        Shipped::Document(..) => documents.push(Vec::new()),
        Shipped::Paragraph(_, tokens, tags) => {
            documents.last_mut().expect("a document comes first").push(
                tokens
                    .iter()
                    .map(|t| Token { start: t.start, end: t.end, pos: tags[t.tag].to_string() })
                    .collect(),
            )
        }
    });
    documents
}

/// The shipped corpus with the default options, built from the tokens
/// stored at build time: no segmenter, no dictionary.
pub fn presegmented_corpus() -> Corpus {
    let stopwords = stopwords();
    // Straight from the word stream into the corpus: no token list between.
    let mut builder = CorpusBuilder::new(SegmentOptions::default());
    read_shipped(|item| match item {
        Shipped::Document(info, meta) => builder.start_document(info, meta),
        Shipped::Paragraph(text, tokens, tags) => builder
            .add_paragraph(text, tokens.iter().map(|t| (t.start, t.end, tags[t.tag])), &stopwords)
            .expect("build.rs stored tokens that tile their paragraphs"),
    });
    let mut corpus = builder.finish();
    corpus.set_aliases(aliases(), &stopwords);
    corpus
}
