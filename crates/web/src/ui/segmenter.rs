//! The page's handle on the segmenter worker (`cijing-segmenter-worker.js`):
//! started on first use, it loads jieba and its dictionary in its own wasm
//! and answers with token streams, so the page stays responsive and never
//! ships the dictionary unless a setting needs it. The page builds a corpus
//! from those streams in slices between frames; [`cancel`] stops either.

use cijing_engine::corpus::sliced_build::{SharedDocument, SlicedBuild};
use cijing_engine::corpus::Corpus;
use cijing_engine::text::options::Choice;
use cijing_engine::text::segment::SegmentOptions;
use cijing_engine::text::user_words::UserWord;
pub use cijing_view::worker_protocol::{ImportedText, Suggestion};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Reply = Box<dyn FnOnce(Result<JsValue, String>)>;
type OnProgress = Rc<dyn Fn(Progress)>;

/// A message's key for the buffers it hands over to the worker (taken off
/// before it is sent).
const TRANSFER: &str = "transfer";

/// What a request that was cancelled answers (see [`cancel`]).
pub const CANCELLED: &str = "cancelled";

/// How far a long job has got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// The worker is segmenting the user's texts: bytes done, of all.
    Segmenting { done: usize, total: usize },
    /// The page is building the corpus: paragraphs done, of all.
    Building { done: usize, total: usize },
}

struct Pending {
    reply: Reply,
    progress: Option<OnProgress>,
}

struct Client {
    worker: web_sys::Worker,
    next: u32,
    pending: HashMap<u32, Pending>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<RefCell<Client>>>> = const { RefCell::new(None) };
    /// Counts [`cancel`]s: a job started before the last one stops.
    static GENERATION: RefCell<u32> = const { RefCell::new(0) };
}

fn generation() -> u32 {
    GENERATION.with(|g| *g.borrow())
}

/// Stops every request to the worker and every corpus being built: the
/// worker is ended (the next request starts another) and each pending
/// request answers [`CANCELLED`].
pub fn cancel() {
    GENERATION.with(|g| *g.borrow_mut() += 1);
    let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) else {
        return;
    };
    let pending: Vec<Pending> = {
        let mut c = client.borrow_mut();
        c.worker.terminate();
        c.pending.drain().map(|(_, p)| p).collect()
    };
    for p in pending {
        (p.reply)(Err(CANCELLED.to_string()));
    }
}

/// Waits for the browser's next task, so it can paint and answer input
/// between slices of a long job (`scheduler.yield()` where the browser has
/// it, else a zero timeout).
pub async fn next_task() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let yield_now = scheduler
        .as_ref()
        .and_then(|s| js_sys::Reflect::get(s, &"yield".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match (scheduler, yield_now) {
        (Some(s), Some(f)) => f
            .call0(&s)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        _ => None,
    };
    let promise = promise.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn client() -> Result<Rc<RefCell<Client>>, String> {
    if let Some(c) = CLIENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(
        &super::assets::asset_url("cijing-segmenter-worker.js"),
        &options,
    )
    .map_err(|e| format!("cannot start the segmenter: {e:?}"))?;
    let client = Rc::new(RefCell::new(Client {
        worker: worker.clone(),
        next: 1,
        pending: HashMap::new(),
        _on_message: Closure::new(|_| {}),
    }));
    let weak = Rc::downgrade(&client);
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let id = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32;
            let Some(client) = weak.upgrade() else { return };
            let progress = js_sys::Reflect::get(&data, &"progress".into())
                .ok()
                .filter(|p| p.is_object());
            if let Some(progress) = progress {
                let number = |key: &str| {
                    js_sys::Reflect::get(&progress, &key.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or(0.0) as usize
                };
                let tell = client
                    .borrow()
                    .pending
                    .get(&id)
                    .and_then(|p| p.progress.clone());
                if let Some(tell) = tell {
                    tell(Progress::Segmenting {
                        done: number("done"),
                        total: number("total"),
                    });
                }
                return;
            }
            let reply = client.borrow_mut().pending.remove(&id).map(|p| p.reply);
            if let Some(reply) = reply {
                let error = js_sys::Reflect::get(&data, &"error".into())
                    .ok()
                    .and_then(|e| e.as_string());
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
    ask_telling(message, None, reply);
}

/// [`ask`], telling `progress` what the worker says of its progress.
fn ask_telling(message: &js_sys::Object, progress: Option<OnProgress>, reply: Reply) {
    let client = match client() {
        Ok(c) => c,
        Err(e) => return reply(Err(e)),
    };
    let mut c = client.borrow_mut();
    let id = c.next;
    c.next += 1;
    let _ = js_sys::Reflect::set(message, &"id".into(), &id.into());
    c.pending.insert(id, Pending { reply, progress });
    // Buffers the message hands over rather than copies.
    let transfer = js_sys::Reflect::get(message, &TRANSFER.into())
        .ok()
        .filter(js_sys::Array::is_array);
    let sent = match transfer {
        Some(transfer) => {
            let _ = js_sys::Reflect::delete_property(message, &TRANSFER.into());
            c.worker.post_message_with_transfer(message, &transfer)
        }
        None => c.worker.post_message(message),
    };
    if let Err(e) = sent {
        if let Some(pending) = c.pending.remove(&id) {
            drop(c);
            (pending.reply)(Err(format!("cannot reach the segmenter: {e:?}")));
        }
    }
}

/// Puts the user's `words` and their tags on a message: the worker makes
/// its user dictionary exactly these words before it answers.
fn set_words(message: &js_sys::Object, words: &[UserWord]) {
    let list = |f: fn(&UserWord) -> String| {
        words
            .iter()
            .map(|w| JsValue::from_str(&f(w)))
            .collect::<js_sys::Array>()
    };
    let _ = js_sys::Reflect::set(message, &"words".into(), &list(|w| w.word.clone()));
    let _ = js_sys::Reflect::set(
        message,
        &"tags".into(),
        &list(|w| w.pos.clone().unwrap_or_default()),
    );
}

/// The `limit` best candidate words in the shipped documents that the
/// dictionaries (the user's `words` included) lack, found in the worker.
pub fn suggest_words(
    options: SegmentOptions,
    words: &[UserWord],
    limit: usize,
    done: impl FnOnce(Result<Vec<Suggestion>, String>) + 'static,
) {
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
                let candidates = js_sys::Reflect::get(&data, &"candidates".into())
                    .map_err(|_| "no candidates in the answer".to_string())?;
                serde_wasm_bindgen::from_value(candidates).map_err(|e| e.to_string())
            }))
        }),
    );
}

/// A text the worker read from a file.
pub struct ReadText {
    /// Its fields.
    pub text: ImportedText,
    /// Its paragraphs as bytes (`ParagraphList::to_bytes`, left in
    /// JavaScript: the page reads them in slices)…
    pub bytes: js_sys::Uint8Array,
    /// …and the same bytes in a blob the worker made, which the page keeps
    /// and sends back to build a corpus without copying them.
    pub body: web_sys::Blob,
}

/// Reads a file the user adds (name, bytes, optional encoding label) in
/// the worker (the bytes are handed over when they are a whole buffer), or
/// says why not, naming the file.
pub fn import_file(
    name: &str,
    bytes: js_sys::Uint8Array,
    encoding: &str,
    done: impl FnOnce(Result<ReadText, String>) + 'static,
) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"import".into());
    let _ = js_sys::Reflect::set(&message, &"name".into(), &name.into());
    let buffer = bytes.buffer();
    if bytes.byte_offset() == 0 && bytes.byte_length() == buffer.byte_length() {
        let _ = js_sys::Reflect::set(&message, &TRANSFER.into(), &js_sys::Array::of1(&buffer));
    }
    let _ = js_sys::Reflect::set(&message, &"bytes".into(), &bytes);
    let _ = js_sys::Reflect::set(&message, &"encoding".into(), &encoding.into());
    ask_text(&message, done);
}

/// Reads the text extracted from the PDF `name` in the worker (its `pdf`
/// op: cleaned as the seeds are, then like any other file).
pub fn import_pdf(name: &str, text: &str, done: impl FnOnce(Result<ReadText, String>) + 'static) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"pdf".into());
    let _ = js_sys::Reflect::set(&message, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
    ask_text(&message, done);
}

fn ask_text(message: &js_sys::Object, done: impl FnOnce(Result<ReadText, String>) + 'static) {
    ask(
        message,
        Box::new(move |answer| {
            done(answer.and_then(|data| {
                let text = js_sys::Reflect::get(&data, &"text".into())
                    .map_err(|_| "no text in the answer".to_string())?;
                let take = |key: &str| {
                    let value = js_sys::Reflect::get(&text, &key.into()).ok();
                    let _ = js_sys::Reflect::delete_property(
                        text.unchecked_ref::<js_sys::Object>(),
                        &key.into(),
                    );
                    value
                };
                let bytes = take("body")
                    .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
                    .ok_or_else(|| "no body in the answer".to_string())?;
                let body = take("blob")
                    .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
                    .ok_or_else(|| "no blob in the answer".to_string())?;
                let text = serde_wasm_bindgen::from_value(text).map_err(|e| e.to_string())?;
                Ok(ReadText { text, bytes, body })
            }))
        }),
    );
}

/// A user's text for [`build_corpus`]: its document (tokens to come), its
/// paragraphs' bytes, and the script its import judged.
pub struct TextToSegment {
    pub document: SharedDocument,
    pub paragraphs: Paragraphs,
    pub script: String,
}

/// A text's paragraphs as bytes (`ParagraphList::to_bytes`): the blob the
/// browser keeps (sent by reference), else bytes made now (handed over):
/// never a value a paragraph, which would cost a long task.
pub enum Paragraphs {
    Kept(web_sys::Blob),
    Bytes(Vec<u8>),
}

/// Longest slice of corpus building between two frames, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// Builds a corpus: the worker segments the shipped documents (when
/// `seeds`) and then the user's `texts`, with `options` and the user's
/// `words`; the page builds the corpus from its token streams in slices of
/// at most [`SLICE_MS`], so the page stays responsive, with the shipped
/// alias groups and the Traditional spellings of the user's words (which
/// the worker finds) in their Simplified forms' groups. `progress` hears
/// how far it has got; `done` gets the corpus, or what went wrong
/// ([`CANCELLED`] after [`cancel`]).
pub fn build_corpus(
    options: SegmentOptions,
    words: &[UserWord],
    seeds: bool,
    texts: &[TextToSegment],
    progress: impl Fn(Progress) + 'static,
    done: impl FnOnce(Result<Corpus, String>) + 'static,
) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"op".into(), &"build".into());
    let _ = js_sys::Reflect::set(&message, &"seeds".into(), &seeds.into());
    let _ = js_sys::Reflect::set(&message, &"mode".into(), &options.mode.code().into());
    let _ = js_sys::Reflect::set(&message, &"hmm".into(), &options.hmm.into());
    set_words(&message, words);
    // Bytes a document ([`Paragraphs`]).
    let transfer = js_sys::Array::new();
    let docs: js_sys::Array = texts
        .iter()
        .map(|t| match &t.paragraphs {
            Paragraphs::Kept(blob) => JsValue::from(blob),
            Paragraphs::Bytes(bytes) => {
                let bytes = js_sys::Uint8Array::from(bytes.as_slice());
                transfer.push(&bytes.buffer());
                bytes.into()
            }
        })
        .collect();
    let _ = js_sys::Reflect::set(&message, &"docs".into(), &docs);
    // Each text is segmented in the script its import judged (from its
    // title and paragraphs, as the CLI does), not judged again.
    let scripts: js_sys::Array = texts
        .iter()
        .map(|t| JsValue::from(t.script.as_str()))
        .collect();
    let _ = js_sys::Reflect::set(&message, &"scripts".into(), &scripts);
    let _ = js_sys::Reflect::set(&message, &TRANSFER.into(), &transfer);
    let documents: Vec<_> = texts.iter().map(|t| t.document.clone()).collect();
    let progress: OnProgress = Rc::new(progress);
    let started = generation();
    ask_telling(
        &message,
        Some(progress.clone()),
        Box::new(move |answer| {
            let answer = answer.and_then(|data| {
                let streams = ["seedTokens", "textTokens"]
                    .iter()
                    .filter_map(|key| {
                        js_sys::Reflect::get(&data, &(*key).into())
                            .ok()
                            .filter(|v| !v.is_undefined() && !v.is_null())
                    })
                    .map(|v| js_sys::Uint8Array::new(&v).to_vec())
                    .collect::<Vec<_>>();
                // The worker's [traditional, simplified] pairs for the user's
                // words: alias merging counts 上海合作組織 as 上海合作组织, as the CLI's --aliases does.
                let spellings =
                    js_sys::Reflect::get(&data, &"spellings".into()).unwrap_or(JsValue::UNDEFINED);
                let spellings: Vec<(String, String)> = if spellings.is_undefined() {
                    Vec::new()
                } else {
                    serde_wasm_bindgen::from_value(spellings).map_err(|e| e.to_string())?
                };
                Ok((streams, spellings))
            });
            let mut docs: Vec<SharedDocument> = if seeds {
                cijing_seeds::documents()
                    .into_iter()
                    .map(Into::into)
                    .collect()
            } else {
                Vec::new()
            };
            docs.extend(documents);
            let build = answer.and_then(|(streams, spellings)| {
                Ok((
                    SlicedBuild::new(docs, streams, options).map_err(|e| e.to_string())?,
                    spellings,
                ))
            });
            let (mut build, spellings) = match build {
                Ok(b) => b,
                Err(e) => return done(Err(e)),
            };
            leptos::task::spawn_local(async move {
                let stopwords = cijing_seeds::stopwords();
                loop {
                    let slice_start = now_ms();
                    match build.step(&stopwords, |_| now_ms() - slice_start > SLICE_MS) {
                        Ok(true) => break,
                        Ok(false) => {}
                        Err(e) => return done(Err(e.to_string())),
                    }
                    let (built, total) = build.progress();
                    progress(Progress::Building { done: built, total });
                    next_task().await;
                    if generation() != started {
                        return done(Err(CANCELLED.to_string()));
                    }
                }
                let mut corpus = build.finish();
                corpus.set_aliases(cijing_seeds::aliases().add_spellings(spellings), &stopwords);
                done(Ok(corpus));
            });
        }),
    );
}
