//! The JS API's functions (wasm only), on the shipped corpus that the page
//! and every embed share: one corpus per wasm instance, built on first use
//! from the tokens stored at build time. Results are the engine's own types
//! as plain JS objects (serde-wasm-bindgen); bad options reject with an
//! `Error` whose message says what is wrong.
//!
//! The exports are thin: their work ([`answer`]) is split out of the page's
//! wasm with the panels ([`crate::split`]), so an embed that never calls the
//! API never fetches it. `ready()` in `cijing-embed.js` awaits [`api_load`]
//! first; after that every call answers synchronously.

use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::selection::{select, Selection};
use cijing_engine::corpus::Corpus;
use cijing_engine::statistics::collocates::collocates;
use cijing_engine::statistics::keyness::keyness;
use cijing_engine::statistics::kwic::kwic;
use cijing_engine::statistics::ngrams::ngrams;
use cijing_engine::statistics::stats::term_table;
use cijing_engine::statistics::topics::{score_corpus, topic_shares, TopicScores};
use cijing_engine::statistics::trends::trends;
use cijing_view::js_api::Request;
use serde::Serialize;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// The shipped corpus with the default segmentation, and its topic scores.
pub struct Shipped {
    /// The corpus, built from the stored tokens.
    pub corpus: Arc<Corpus>,
    /// Every paragraph's score for every shipped topic, computed on first
    /// use (the page scores topics itself; only the API needs these).
    topics: std::cell::OnceCell<Rc<TopicScores>>,
}

impl Shipped {
    /// The shipped topics' scores (computed once).
    pub fn topics(&self) -> Rc<TopicScores> {
        self.topics
            .get_or_init(|| Rc::new(score_corpus(&self.corpus, &cijing_seeds::topics())))
            .clone()
    }
}

thread_local! {
    static SHIPPED: std::cell::OnceCell<Rc<Shipped>> = const { std::cell::OnceCell::new() };
}

/// The shared shipped corpus (built on the first call).
pub fn shipped() -> Rc<Shipped> {
    SHIPPED.with(|cell| {
        cell.get_or_init(|| {
            Rc::new(Shipped {
                corpus: Arc::new(cijing_seeds::presegmented_corpus()),
                topics: std::cell::OnceCell::new(),
            })
        })
        .clone()
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn request(options: JsValue) -> Result<Request, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Request::default());
    }
    // Through JSON, so that unknown keys are seen (and refused) as natively.
    let text = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new("bad options: not a plain object"))?;
    cijing_view::js_api::from_json(&text).map_err(|e| JsError::new(&e))
}

/// The shipped corpus, the caller's options, and the selection they name.
fn asked(options: JsValue) -> Result<(Rc<Shipped>, Request, Selection), JsError> {
    let shipped = shipped();
    let r = request(options)?;
    let selection = selection(&shipped, &r)?;
    Ok((shipped, r, selection))
}

fn selection(shipped: &Shipped, request: &Request) -> Result<Selection, JsError> {
    let filter = request.filter().map_err(|e| JsError::new(&e))?;
    let selection = select(&shipped.corpus, &filter, shipped.topics().as_ref())
        .map_err(|e| JsError::new(&e.to_string()))?;
    if selection.is_empty() {
        return Err(JsError::new("the selection is empty: no document matches these options"));
    }
    Ok(selection)
}

fn err(message: String) -> JsError {
    JsError::new(&message)
}

fn truncate<T>(rows: &mut Vec<T>, top: Option<usize>) {
    if let Some(n) = top {
        rows.truncate(n);
    }
}

#[derive(Serialize)]
struct DocumentInfo<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    source: &'a str,
    place: &'a str,
    parties: &'a [String],
    paragraphs: usize,
    tokens: usize,
}

/// The documents: id, title, date, source, place, parties, paragraphs, word tokens.
fn answer_documents() -> Result<JsValue, JsError> {
    let shipped = shipped();
    let c = &shipped.corpus;
    let docs: Vec<DocumentInfo> = c
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentInfo {
            id: &d.info.id,
            title: &d.info.title,
            date: d.info.date.to_string(),
            source: &d.info.source,
            place: &d.info.place,
            parties: &d.info.parties,
            paragraphs: d.paragraphs.len(),
            tokens: c.word_tokens(i),
        })
        .collect();
    to_js(&docs)
}

/// The term table of a selection (`top` rows when given).
fn answer_terms(options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let mut table = term_table(&shipped.corpus, &selection, &r.term_options().map_err(err)?);
    table.sort(r.term_sort().map_err(err)?);
    truncate(&mut table.rows, r.top);
    to_js(&table)
}

/// Keyness of a selection against the rest or the whole corpus.
fn answer_keyness(options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let mut table = keyness(
        &shipped.corpus,
        &selection,
        &r.keyness().map_err(err)?,
        &r.term_options().map_err(err)?,
    )
    .map_err(|e| err(e.to_string()))?;
    truncate(&mut table.rows, r.top);
    to_js(&table)
}

fn query(shipped: &Shipped, term: &str, merge: bool) -> Result<Query, JsError> {
    Query::parse_known(&shipped.corpus, term, merge).map_err(|e| err(e.to_string()))
}

/// The concordance of a term or phrase (`top` lines when given).
fn answer_kwic(term: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let q = query(&shipped, term, r.aliases)?;
    let mut lines = kwic(&shipped.corpus, &selection, &q, &r.kwic().map_err(err)?);
    truncate(&mut lines, r.top);
    to_js(&lines)
}

/// The collocates of a term or phrase.
fn answer_collocates(term: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let q = query(&shipped, term, r.aliases)?;
    let mut table = collocates(
        &shipped.corpus,
        &selection,
        &q,
        &r.collocates().map_err(err)?,
        &r.term_options().map_err(err)?,
    );
    truncate(&mut table.rows, r.top);
    to_js(&table)
}

/// N-grams of a selection.
fn answer_ngrams(options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let mut rows = ngrams(
        &shipped.corpus,
        &selection,
        &r.ngrams().map_err(err)?,
        &r.term_options().map_err(err)?,
    );
    truncate(&mut rows, r.top);
    to_js(&rows)
}

/// Trends of terms per document or per year.
fn answer_trends(terms: Vec<String>, options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let queries =
        terms.iter().map(|t| query(&shipped, t, r.aliases)).collect::<Result<Vec<_>, _>>()?;
    to_js(&trends(&shipped.corpus, &selection, &queries, r.trend_by().map_err(err)?))
}

/// Each topic's share of each document of a selection.
fn answer_topics(options: JsValue) -> Result<JsValue, JsError> {
    let (shipped, r, selection) = asked(options)?;
    let threshold = r.threshold.unwrap_or(1).max(1);
    to_js(&topic_shares(&shipped.corpus, &shipped.topics(), &selection, threshold))
}

/// One call of the JS API, answered in the split-out module.
enum Call {
    Documents,
    Terms(JsValue),
    Keyness(JsValue),
    Kwic(String, JsValue),
    Collocates(String, JsValue),
    Ngrams(JsValue),
    Trends(Vec<String>, JsValue),
    Topics(JsValue),
}

/// Answers a call (Err when the split-out module is not loaded).
#[wasm_split(panels, fallible, preload(preload_answer))]
fn answer(call: Call) -> Result<Result<JsValue, JsError>, SplitLoaderError> {
    Ok(match call {
        Call::Documents => answer_documents(),
        Call::Terms(options) => answer_terms(options),
        Call::Keyness(options) => answer_keyness(options),
        Call::Kwic(term, options) => answer_kwic(&term, options),
        Call::Collocates(term, options) => answer_collocates(&term, options),
        Call::Ngrams(options) => answer_ngrams(options),
        Call::Trends(terms, options) => answer_trends(terms, options),
        Call::Topics(options) => answer_topics(options),
    })
}

thread_local! {
    /// Whether [`api_load`] has loaded [`answer`], so that it answers at once.
    static LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetches the module that answers the JS API (once; `ready()` awaits it).
#[wasm_bindgen(js_name = apiLoad)]
pub async fn api_load() -> Result<(), JsError> {
    preload_answer()
        .await
        .map_err(|e| JsError::new(&format!("cijing's JS API could not be loaded: {e}")))?;
    LOADED.with(|l| l.set(true));
    Ok(())
}

fn run(call: Call) -> Result<JsValue, JsError> {
    let not_loaded =
        || JsError::new("cijing's JS API is not loaded yet: use it through `await ready()`");
    if !LOADED.with(|l| l.get()) {
        return Err(not_loaded());
    }
    match crate::split::ready_now(answer(call)) {
        Some(Ok(answer)) => answer,
        Some(Err(e)) => Err(JsError::new(&format!("cijing's JS API could not be loaded: {e}"))),
        None => Err(not_loaded()),
    }
}

/// The documents: id, title, date, source, place, parties, paragraphs, word tokens.
#[wasm_bindgen(js_name = apiDocuments)]
pub fn api_documents() -> Result<JsValue, JsError> {
    run(Call::Documents)
}

/// The term table of a selection (`top` rows when given).
#[wasm_bindgen(js_name = apiTerms)]
pub fn api_terms(options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Terms(options))
}

/// Keyness of a selection against the rest or the whole corpus.
#[wasm_bindgen(js_name = apiKeyness)]
pub fn api_keyness(options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Keyness(options))
}

/// The concordance of a term or phrase (`top` lines when given).
#[wasm_bindgen(js_name = apiKwic)]
pub fn api_kwic(term: String, options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Kwic(term, options))
}

/// The collocates of a term or phrase.
#[wasm_bindgen(js_name = apiCollocates)]
pub fn api_collocates(term: String, options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Collocates(term, options))
}

/// N-grams of a selection.
#[wasm_bindgen(js_name = apiNgrams)]
pub fn api_ngrams(options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Ngrams(options))
}

/// Trends of terms per document or per year.
#[wasm_bindgen(js_name = apiTrends)]
pub fn api_trends(terms: Vec<String>, options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Trends(terms, options))
}

/// Each topic's share of each document of a selection.
#[wasm_bindgen(js_name = apiTopics)]
pub fn api_topics(options: JsValue) -> Result<JsValue, JsError> {
    run(Call::Topics(options))
}
