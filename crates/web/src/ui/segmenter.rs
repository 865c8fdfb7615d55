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
use cijing_view::worker_protocol::{Reply, Request, Settings, WordEntry};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type OnAnswer = Box<dyn FnOnce(Result<Answer, WorkerError>)>;
type OnProgress = Rc<dyn Fn(Progress)>;

/// Why the worker gave no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerError {
    /// [`cancel`] stopped it.
    Cancelled,
    /// It could not: why (naming the file, if any).
    Failed(String),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkerError::Cancelled => f.write_str("cancelled"),
            WorkerError::Failed(why) => f.write_str(why),
        }
    }
}

/// How far a long job has got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// The worker is segmenting the user's texts: bytes done, of all.
    Segmenting { done: usize, total: usize },
    /// The page is building the corpus: paragraphs done, of all.
    Building { done: usize, total: usize },
}

/// A reply of the worker with the bytes beside it (and blobs of them, when
/// the page keeps them).
struct Answer {
    reply: Reply,
    bytes: Vec<js_sys::Uint8Array>,
    blobs: Vec<web_sys::Blob>,
}

struct Pending {
    on_answer: OnAnswer,
    progress: Option<OnProgress>,
}

struct Client {
    worker: web_sys::Worker,
    next: u32,
    pending: HashMap<u32, Pending>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
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
/// request answers [`WorkerError::Cancelled`].
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
        (p.on_answer)(Err(WorkerError::Cancelled));
    }
}

/// Waits for the browser's next task, so it can paint and answer input
/// between slices of a long job (`scheduler.yield()` where the browser has
/// it, else a zero timeout).
pub async fn next_task() {
    let scheduler =
        js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok().filter(|s| s.is_object());
    let yield_now = scheduler
        .as_ref()
        .and_then(|s| js_sys::Reflect::get(s, &"yield".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match (scheduler, yield_now) {
        (Some(s), Some(f)) => f.call0(&s).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
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
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
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
        _on_error: Closure::new(|_| {}),
    }));
    let weak = Rc::downgrade(&client);
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field =
                |key: &str| js_sys::Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
            let id = field("id").as_f64().unwrap_or(0.0) as u32;
            let Some(client) = weak.upgrade() else { return };
            let reply =
                serde_wasm_bindgen::from_value::<Reply>(field("reply")).unwrap_or_else(|e| {
                    Reply::Failed { error: format!("the segmenter's answer cannot be read: {e}") }
                });
            if let Reply::Progress { done, total } = reply {
                let tell = client.borrow().pending.get(&id).and_then(|p| p.progress.clone());
                if let Some(tell) = tell {
                    tell(Progress::Segmenting { done, total });
                }
                return;
            }
            let Some(pending) = client.borrow_mut().pending.remove(&id) else {
                return;
            };
            let list =
                |key: &str| js_sys::Array::from(&field(key)).iter().collect::<Vec<JsValue>>();
            (pending.on_answer)(match reply {
                Reply::Failed { error } => Err(WorkerError::Failed(error)),
                reply => Ok(Answer {
                    reply,
                    bytes: list("bytes").into_iter().filter_map(|b| b.dyn_into().ok()).collect(),
                    blobs: list("blobs").into_iter().filter_map(|b| b.dyn_into().ok()).collect(),
                }),
            });
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    client.borrow_mut()._on_message = on_message;
    // The worker's script or wasm cannot be loaded (offline before it was
    // ever cached, a host that lacks the file): every request ends with why,
    // no spinner waits for good, and the next request starts a new worker.
    let this_worker = Rc::downgrade(&client);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        // Only this worker's failure ends what is pending (not a newer one's).
        let Some(me) = this_worker.upgrade() else { return };
        let current = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| Rc::ptr_eq(c, &me)));
        if !current {
            return;
        }
        let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) else { return };
        let pending: Vec<Pending> = {
            let mut c = client.borrow_mut();
            c.worker.terminate();
            c.pending.drain().map(|(_, p)| p).collect()
        };
        let why = "the segmenter could not be loaded (offline, or its files are missing here)";
        for p in pending {
            (p.on_answer)(Err(WorkerError::Failed(why.to_string())));
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    client.borrow_mut()._on_error = on_error;
    CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
    Ok(client)
}

/// Sends the worker `request` with its `payload` (bytes: `Uint8Array`s or
/// `Blob`s; the buffers in `transfer` are handed over, not copied);
/// `on_answer` gets its answer, `progress` hears how far it has got.
fn ask(
    request: &Request,
    payload: js_sys::Array,
    transfer: js_sys::Array,
    progress: Option<OnProgress>,
    on_answer: OnAnswer,
) {
    let client = match client() {
        Ok(c) => c,
        Err(e) => return on_answer(Err(WorkerError::Failed(e))),
    };
    let request = match serde_wasm_bindgen::to_value(request) {
        Ok(r) => r,
        Err(e) => return on_answer(Err(WorkerError::Failed(e.to_string()))),
    };
    let mut c = client.borrow_mut();
    let id = c.next;
    c.next += 1;
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
    let _ = js_sys::Reflect::set(&message, &"request".into(), &request);
    let _ = js_sys::Reflect::set(&message, &"payload".into(), &payload);
    c.pending.insert(id, Pending { on_answer, progress });
    if let Err(e) = c.worker.post_message_with_transfer(&message, &transfer) {
        if let Some(pending) = c.pending.remove(&id) {
            drop(c);
            (pending.on_answer)(Err(WorkerError::Failed(format!(
                "cannot reach the segmenter: {e:?}"
            ))));
        }
    }
}

/// The worker's settings for `options` and the user's `words` (its user
/// dictionary becomes exactly these before it answers).
fn settings(options: SegmentOptions, words: &[UserWord]) -> Settings {
    let words = words
        .iter()
        .map(|w| WordEntry { word: w.word.clone(), tag: w.pos.clone().unwrap_or_default() })
        .collect();
    Settings { mode: options.mode.code().to_string(), hmm: options.hmm, words }
}

/// A reply the request did not ask for.
fn unexpected(reply: &Reply) -> WorkerError {
    let kind = match reply {
        Reply::Progress { .. } => "progress",
        Reply::Built { .. } => "token streams",
        Reply::Read { .. } => "a read text",
        Reply::Suggested { .. } => "suggestions",
        Reply::Words { .. } => "words",
        Reply::Failed { .. } => "a failure",
    };
    WorkerError::Failed(format!("the segmenter answered with {kind}, not what was asked"))
}

/// The `limit` best candidate words in the shipped documents that the
/// dictionaries (the user's `words` included) lack, found in the worker.
pub fn suggest_words(
    options: SegmentOptions,
    words: &[UserWord],
    limit: usize,
    done: impl FnOnce(Result<Vec<Suggestion>, WorkerError>) + 'static,
) {
    let request = Request::Discover { limit, settings: settings(options, words) };
    ask(
        &request,
        js_sys::Array::new(),
        js_sys::Array::new(),
        None,
        Box::new(move |answer| {
            done(answer.and_then(|a| match a.reply {
                Reply::Suggested { candidates } => Ok(candidates),
                other => Err(unexpected(&other)),
            }))
        }),
    );
}

/// A text the worker read from a file.
pub struct ReadText {
    /// Its fields (its paragraphs are the bytes below).
    pub text: ImportedText,
    /// Its characters but white space.
    pub chars: usize,
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
    done: impl FnOnce(Result<ReadText, WorkerError>) + 'static,
) {
    let buffer = bytes.buffer();
    let transfer = js_sys::Array::new();
    if bytes.byte_offset() == 0 && bytes.byte_length() == buffer.byte_length() {
        transfer.push(&buffer);
    }
    let request = Request::Import { name: name.to_string(), encoding: encoding.to_string() };
    ask_text(&request, js_sys::Array::of1(&bytes), transfer, done);
}

/// Reads the text extracted from the PDF `name` in the worker (cleaned as
/// the seeds are, then like any other file).
pub fn import_pdf(
    name: &str,
    text: &str,
    done: impl FnOnce(Result<ReadText, WorkerError>) + 'static,
) {
    let request = Request::Pdf { name: name.to_string(), text: text.to_string() };
    ask_text(&request, js_sys::Array::new(), js_sys::Array::new(), done);
}

fn ask_text(
    request: &Request,
    payload: js_sys::Array,
    transfer: js_sys::Array,
    done: impl FnOnce(Result<ReadText, WorkerError>) + 'static,
) {
    ask(
        request,
        payload,
        transfer,
        None,
        Box::new(move |answer| {
            done(answer.and_then(|mut a| match a.reply {
                Reply::Read { text, chars } => match (a.bytes.pop(), a.blobs.pop()) {
                    (Some(bytes), Some(body)) => Ok(ReadText { text, chars, bytes, body }),
                    _ => Err(WorkerError::Failed(
                        "the segmenter sent no paragraphs with the text".into(),
                    )),
                },
                other => Err(unexpected(&other)),
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
/// ([`WorkerError::Cancelled`] after [`cancel`]).
pub fn build_corpus(
    options: SegmentOptions,
    words: &[UserWord],
    seeds: bool,
    texts: &[TextToSegment],
    progress: impl Fn(Progress) + 'static,
    done: impl FnOnce(Result<Corpus, WorkerError>) + 'static,
) {
    // Bytes a document ([`Paragraphs`]).
    let transfer = js_sys::Array::new();
    let payload: js_sys::Array = texts
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
    // Each text is segmented in the script its import judged (from its
    // title and paragraphs, as the CLI does), not judged again.
    let scripts = texts.iter().map(|t| t.script.clone()).collect();
    let request = Request::Build { seeds, scripts, settings: settings(options, words) };
    let documents: Vec<_> = texts.iter().map(|t| t.document.clone()).collect();
    let progress: OnProgress = Rc::new(progress);
    let started = generation();
    ask(
        &request,
        payload,
        transfer,
        Some(progress.clone()),
        Box::new(move |answer| {
            // The token streams, and the worker's [traditional, simplified]
            // pairs for the user's words: alias merging counts 上海合作組織
            // as 上海合作组织, as the CLI's --aliases does.
            let answer = answer.and_then(|a| match a.reply {
                Reply::Built { spellings } => {
                    Ok((a.bytes.iter().map(|b| b.to_vec()).collect::<Vec<_>>(), spellings))
                }
                other => Err(unexpected(&other)),
            });
            let mut docs: Vec<SharedDocument> =
                cijing_seeds::documents_if(seeds).into_iter().map(Into::into).collect();
            docs.extend(documents);
            let build = answer.and_then(|(streams, spellings)| {
                Ok((
                    SlicedBuild::new(docs, streams, options)
                        .map_err(|e| WorkerError::Failed(e.to_string()))?,
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
                        Err(e) => return done(Err(WorkerError::Failed(e.to_string()))),
                    }
                    let (built, total) = build.progress();
                    progress(Progress::Building { done: built, total });
                    next_task().await;
                    if generation() != started {
                        return done(Err(WorkerError::Cancelled));
                    }
                }
                let mut corpus = build.finish();
                corpus.set_aliases(cijing_seeds::aliases_with(spellings), &stopwords);
                done(Ok(corpus));
            });
        }),
    );
}
