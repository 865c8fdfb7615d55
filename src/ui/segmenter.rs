//! The page's handle on the segmenter worker (`cijing-segmenter-worker.js`):
//! started on first use, it loads jieba and its dictionary in its own wasm
//! and answers with token streams, so the page stays responsive and never
//! ships the dictionary unless a setting needs it.

use crate::engine::corpus::Corpus;
use crate::engine::options::Choice;
use crate::engine::segment::SegmentOptions;
use crate::engine::tokens::decode;
use crate::engine::user_words::UserWord;
use crate::seeds;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Reply = Box<dyn FnOnce(Result<JsValue, String>)>;

struct Client {
    worker: web_sys::Worker,
    next: u32,
    pending: HashMap<u32, Reply>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<RefCell<Client>>>> = const { RefCell::new(None) };
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Where cijing's files are (the directory of the loader or embed script).
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = url.to_string());
}

/// The URL of one of cijing's own files.
pub fn asset_url(name: &str) -> String {
    let base = BASE.with(|b| b.borrow().clone());
    if base.is_empty() {
        format!("./{name}")
    } else {
        format!("{}/{name}", base.trim_end_matches('/'))
    }
}

fn client() -> Result<Rc<RefCell<Client>>, String> {
    if let Some(c) = CLIENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&asset_url("cijing-segmenter-worker.js"), &options)
        .map_err(|e| format!("cannot start the segmenter: {e:?}"))?;
    let client = Rc::new(RefCell::new(Client { worker: worker.clone(), next: 1, pending: HashMap::new(), _on_message: Closure::new(|_| {}) }));
    let weak = Rc::downgrade(&client);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        let Some(client) = weak.upgrade() else { return };
        let reply = client.borrow_mut().pending.remove(&id);
        if let Some(reply) = reply {
            let error = js_sys::Reflect::get(&data, &"error".into()).ok().and_then(|e| e.as_string());
            reply(match error {
                Some(e) => Err(e),
                None => Ok(data),
            });
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    client.borrow_mut()._on_message = on_message;
    CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
    Ok(client)
}

fn ask(message: &js_sys::Object, reply: Reply) {
    let client = match client() {
        Ok(c) => c,
        Err(e) => return reply(Err(e)),
    };
    let mut c = client.borrow_mut();
    let id = c.next;
    c.next += 1;
    let _ = js_sys::Reflect::set(message, &"id".into(), &id.into());
    c.pending.insert(id, reply);
    if let Err(e) = c.worker.post_message(message) {
        if let Some(reply) = c.pending.remove(&id) {
            drop(c);
            reply(Err(format!("cannot reach the segmenter: {e:?}")));
        }
    }
}

/// Puts the user's `words` and their tags on a message: the worker makes
/// its user dictionary exactly these words before it answers.
fn set_words(message: &js_sys::Object, words: &[UserWord]) {
    let list = |f: fn(&UserWord) -> String| words.iter().map(|w| JsValue::from_str(&f(w))).collect::<js_sys::Array>();
    let _ = js_sys::Reflect::set(message, &"words".into(), &list(|w| w.word.clone()));
    let _ = js_sys::Reflect::set(message, &"tags".into(), &list(|w| w.pos.clone().unwrap_or_default()));
}

/// A candidate word the worker's discovery suggests.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Suggestion {
    pub word: String,
    pub count: u32,
    pub score: f64,
}

/// The `limit` best candidate words in the shipped documents that the
/// dictionaries (the user's `words` included) lack, found in the worker.
pub fn suggest_words(options: SegmentOptions, words: &[UserWord], limit: usize, done: impl FnOnce(Result<Vec<Suggestion>, String>) + 'static) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"discover".into());
    let _ = js_sys::Reflect::set(&message, &"mode".into(), &options.mode.code().into());
    let _ = js_sys::Reflect::set(&message, &"hmm".into(), &options.hmm.into());
    let _ = js_sys::Reflect::set(&message, &"limit".into(), &(limit as u32).into());
    set_words(&message, words);
    ask(
        &message,
        Box::new(move |answer| {
            done(answer.and_then(|data| {
                let candidates = js_sys::Reflect::get(&data, &"candidates".into()).map_err(|_| "no candidates in the answer".to_string())?;
                serde_wasm_bindgen::from_value(candidates).map_err(|e| e.to_string())
            }))
        }),
    );
}

/// Reads a file the user adds (name, bytes, optional encoding label) in
/// the worker: the imported text as the worker gives it, or a message that
/// names the file.
pub fn import_file(name: &str, bytes: &[u8], encoding: &str, done: impl FnOnce(Result<super::texts::ImportedText, String>) + 'static) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"import".into());
    let _ = js_sys::Reflect::set(&message, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&message, &"bytes".into(), &js_sys::Uint8Array::from(bytes));
    let _ = js_sys::Reflect::set(&message, &"encoding".into(), &encoding.into());
    ask(
        &message,
        Box::new(move |answer| {
            done(answer.and_then(|data| {
                let text = js_sys::Reflect::get(&data, &"text".into()).map_err(|_| "no text in the answer".to_string())?;
                serde_wasm_bindgen::from_value(text).map_err(|e| e.to_string())
            }))
        }),
    );
}

/// Builds a corpus in the worker: the shipped documents (when `seeds`)
/// and then the user's `texts`, segmented with `options` and the user's
/// `words`, with the shipped alias groups and the Traditional spellings of
/// the user's words (which the worker finds) in their Simplified forms'
/// groups; `done` gets it, or what went wrong.
pub fn build_corpus(options: SegmentOptions, words: &[UserWord], seeds: bool, texts: &[super::texts::UserText], done: impl FnOnce(Result<Corpus, String>) + 'static) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"build".into());
    let _ = js_sys::Reflect::set(&message, &"seeds".into(), &seeds.into());
    let _ = js_sys::Reflect::set(&message, &"mode".into(), &options.mode.code().into());
    let _ = js_sys::Reflect::set(&message, &"hmm".into(), &options.hmm.into());
    set_words(&message, words);
    let docs: js_sys::Array = texts.iter().map(|t| t.paragraphs.iter().map(|p| JsValue::from_str(p)).collect::<js_sys::Array>()).collect();
    let _ = js_sys::Reflect::set(&message, &"docs".into(), &docs);
    let documents: Vec<_> = texts.iter().map(|t| t.document()).collect();
    ask(
        &message,
        Box::new(move |answer| {
            let result = answer.and_then(|data| {
                let stream = |key: &str| -> Result<crate::engine::tokens::DocumentTokens, String> {
                    let value = js_sys::Reflect::get(&data, &key.into()).map_err(|_| format!("no {key} in the answer"))?;
                    if value.is_undefined() || value.is_null() {
                        return Ok(Vec::new());
                    }
                    decode(&js_sys::Uint8Array::new(&value).to_vec()).map_err(|e| e.to_string())
                };
                let mut tokens = stream("seedTokens")?;
                tokens.extend(stream("textTokens")?);
                let mut docs = if seeds { seeds::documents() } else { Vec::new() };
                docs.extend(documents);
                // The worker's [traditional, simplified] pairs for the user's
                // words: alias merging counts 上海合作組織 as 上海合作组织, as the CLI's --aliases does.
                let spellings = js_sys::Reflect::get(&data, &"spellings".into()).unwrap_or(JsValue::UNDEFINED);
                let spellings: Vec<(String, String)> =
                    if spellings.is_undefined() { Vec::new() } else { serde_wasm_bindgen::from_value(spellings).map_err(|e| e.to_string())? };
                let stopwords = seeds::stopwords();
                let mut corpus = Corpus::from_segmented(docs, tokens, &stopwords, options).map_err(|e| e.to_string())?;
                corpus.set_aliases(seeds::aliases().add_spellings(spellings), &stopwords);
                Ok(corpus)
            });
            done(result);
        }),
    );
}
