//! Texts panel: the user's own texts. Paste one, choose files or drop them
//! (plain text in any common Chinese encoding, HTML, Markdown, .docx; read
//! in the segmenter worker by `engine::import`; a PDF's text layer read by
//! pdf.js first, see `pdf.rs`), edit each text's title,
//! date and parties, delete it, and choose the corpus: the shipped texts,
//! yours, or both. Texts are kept in the browser (IndexedDB) and can be
//! exported as one file and imported elsewhere.

use super::panel::{columns, Column, TableHead};
use super::tr;
use super::Analysis;
use cijing_engine::corpus::paragraph_list::{BadParagraphBytes, ParagraphDecoder, ParagraphList};
use cijing_engine::corpus::sliced_build::SharedDocument;
use cijing_engine::text::date::Date;
use cijing_engine::text::document::DocInfo;
use cijing_view::i18n::{count, t};
use cijing_view::texts_file::{self, new_id, Claimed, Verdict};
use cijing_view::view_state::{CorpusSource, Panel};
pub use cijing_view::worker_protocol::ImportedText;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// The columns of the texts table.
const HEAD: &[Column] = columns![
    text "texts.title", text "texts.date", text "texts.parties", text "texts.read_as",
    num "texts.paragraphs", num "texts.chars", text "",
];

/// One of the user's texts, as kept in the browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserText {
    /// Unique among the user's texts (`u-…`); the document's id.
    pub id: String,
    /// The file it came from (`pasted text` for a paste).
    pub name: String,
    pub encoding: String,
    pub format: String,
    pub script: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub parties: Vec<String>,
    /// Exported as one string of lines (older files: a list); kept in the
    /// browser as `body`, beside the record (see [`Texts::keep`]).
    #[serde(default)]
    pub paragraphs: ParagraphList,
    /// Characters but white space (0 in texts kept before it was: counted
    /// when shown).
    #[serde(default)]
    pub chars: usize,
    /// The paragraphs as bytes, as the browser keeps them and the worker
    /// reads them (none until made: [`UserText::with_body`]).
    #[serde(skip)]
    pub body: Option<Body>,
}

/// A text's paragraphs as bytes (`ParagraphList::to_bytes`) in a `Blob`:
/// stored in IndexedDB and sent to the worker as it is, by reference,
/// never copied through the page again (a 10 MB text's bytes cost the page
/// a long task each time they were).
#[derive(Clone)]
pub struct Body(send_wrapper::SendWrapper<web_sys::Blob>);

impl Body {
    pub fn new(blob: web_sys::Blob) -> Body {
        Body(send_wrapper::SendWrapper::new(blob))
    }

    /// The bytes of `paragraphs` in a blob (none if the browser refuses).
    fn of(paragraphs: &ParagraphList) -> Option<Body> {
        let bytes = js_sys::Uint8Array::from(paragraphs.to_bytes().as_slice());
        web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)).ok().map(Body::new)
    }

    pub fn blob(&self) -> &web_sys::Blob {
        &self.0
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        AsRef::<wasm_bindgen::JsValue>::as_ref(&*self.0)
            == AsRef::<wasm_bindgen::JsValue>::as_ref(&*other.0)
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Body({} bytes)", self.0.size())
    }
}

impl UserText {
    /// The document it is in the corpus.
    /// This text as the segmenter takes it.
    pub fn to_segment(&self) -> super::segmenter::TextToSegment {
        use super::segmenter::Paragraphs;
        let paragraphs = match &self.body {
            Some(body) => Paragraphs::Kept(body.blob().clone()),
            None => Paragraphs::Bytes(self.paragraphs.to_bytes()),
        };
        super::segmenter::TextToSegment {
            document: self.document(),
            paragraphs,
            script: self.script.clone(),
        }
    }

    pub fn document(&self) -> SharedDocument {
        SharedDocument {
            info: DocInfo {
                id: self.id.clone(),
                title: self.title.clone(),
                date: self.date.parse().unwrap_or_else(|_| today()),
                source: self.name.clone(),
                place: String::new(),
                kind: "text".into(),
                parties: self.parties.clone(),
            },
            meta: Vec::new(),
            paragraphs: self.paragraphs.clone(),
        }
    }

    /// This text with its [`Body`] made, if it had none.
    fn with_body(mut self) -> UserText {
        if self.body.is_none() {
            self.body = Body::of(&self.paragraphs);
        }
        self
    }

    /// Characters of text (white space left out).
    fn char_count(&self) -> usize {
        if self.chars > 0 {
            return self.chars;
        }
        self.paragraphs.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).sum()
    }
}

/// Bytes of a text read between two frames.
const SLICE_BYTES: usize = 512 * 1024;

thread_local! {
    /// The id of the next PDF read.
    static NEXT_PDF: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The progress note for a PDF being read: pdf.js loading, or a page of so many.
fn pdf_note(lang: cijing_view::view_state::Lang, name: &str, page: u32, pages: u32) -> String {
    let template =
        if pages == 0 { t(lang, "texts.pdf.opening") } else { t(lang, "texts.pdf.page") };
    template
        .replace("{name}", name)
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string())
}

/// The most text the page takes in all, in bytes of UTF-8 (the worker
/// segments it and the corpus is built on the page).
pub const MAX_TOTAL_BYTES: usize = 20 * 1024 * 1024;

/// Reads a text's paragraphs from their bytes (`ParagraphList::to_bytes`)
/// a slice at a time, between frames: copying and decoding 10 MB at once
/// would be a long task.
async fn read_paragraphs(bytes: js_sys::Uint8Array) -> Result<ParagraphList, BadParagraphBytes> {
    let size = bytes.length();
    let mut decoder = ParagraphDecoder::default();
    let mut at = 0;
    while at < size {
        let end = at.saturating_add(SLICE_BYTES as u32).min(size);
        decoder.push(&bytes.subarray(at, end).to_vec());
        decoder.step(usize::MAX)?;
        at = end;
        if at < size {
            super::segmenter::next_task().await;
        }
    }
    decoder.finish()
}

fn today() -> Date {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
        .parse()
        .unwrap_or_else(|_| "2025-01-01".parse().expect("a date"))
}

/// The user's texts and what the page is doing with them.
#[derive(Clone, Copy)]
pub struct Texts {
    /// Every text kept, in the order added.
    pub list: RwSignal<Vec<UserText>>,
    /// Whether the kept texts have been read from the browser yet.
    pub loaded: RwSignal<bool>,
    /// Problems, and notes on what reading a file put right, each naming its file.
    pub problems: RwSignal<Vec<String>>,
    /// Files being read now.
    pub reading: RwSignal<usize>,
    /// PDFs being read now: an id, the file's name, the page being read
    /// and the pages (0 of 0 while pdf.js loads and opens the file).
    pub pdfs: RwSignal<Vec<(u32, String, u32, u32)>>,
    /// Ids of texts being written to the store now (another tab's change
    /// does not drop them from the list).
    saving: RwSignal<Vec<String>>,
    /// Ids of texts the browser refused to store (full): shown, marked.
    pub unsaved: RwSignal<Vec<String>>,
}

/// Calls `navigator.storage.<method>()` (the Storage API; some browsers,
/// or a page without a secure context, have none).
fn storage_manager(method: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let storage =
        js_sys::Reflect::get(&navigator, &"storage".into()).ok().filter(|s| s.is_object())?;
    let call: js_sys::Function =
        js_sys::Reflect::get(&storage, &method.into()).ok()?.dyn_into().ok()?;
    call.call0(&storage).ok()
}

/// How much of the origin's storage is used, as the browser estimates it
/// ("12.3 of 15.0 MB used"), when it says.
async fn storage_use() -> Option<String> {
    let promise: js_sys::Promise = storage_manager("estimate")?.dyn_into().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let mb = |key: &str| {
        js_sys::Reflect::get(&answer, &key.into()).ok()?.as_f64().map(|b| b / 1_048_576.0)
    };
    Some(format!("{:.1} of {:.1} MB used", mb("usage")?, mb("quota")?))
}

/// Asks the browser, once a page, to keep this origin's storage when space
/// runs short (`navigator.storage.persist()`), as the user keeps texts here.
fn ask_to_persist() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !ASKED.with(|a| a.replace(true)) {
        storage_manager("persist");
    }
}

/// The channel on which the tabs of one browser say that the kept texts
/// changed (each then reads them again: [`Texts::refresh`]).
const TEXTS_CHANNEL: &str = "cijing-texts";

thread_local! {
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(TEXTS_CHANNEL).ok();
    /// Counts refreshes started ([`Texts::refresh`]).
    static REFRESHES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Four random letters and digits for a new text's id ([`new_id`]).
fn salt() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..4).map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char).collect()
}

/// Tells the other tabs that the kept texts changed.
fn tell_other_tabs() {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str("changed"));
        }
    });
}

impl Texts {
    /// Reads the kept texts from the browser's database.
    pub fn load() -> Texts {
        let texts = Texts {
            list: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
            problems: RwSignal::new(Vec::new()),
            reading: RwSignal::new(0),
            pdfs: RwSignal::new(Vec::new()),
            saving: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(Vec::new()),
        };
        // Another tab added, changed or deleted a text: read them again.
        CHANNEL.with(|c| {
            if let Some(c) = c {
                let on_message = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    leptos::task::spawn_local(texts.refresh());
                });
                c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget();
            }
        });
        leptos::task::spawn_local(async move {
            match super::text_store::all::<UserText>().await {
                Ok((records, mut problems)) => {
                    let mut list = Vec::with_capacity(records.len());
                    for (mut text, body) in records {
                        if let Some(blob) = body {
                            let read = match super::text_store::bytes(&blob).await {
                                Ok(bytes) => {
                                    read_paragraphs(bytes).await.map_err(|e| e.to_string())
                                }
                                Err(e) => Err(e),
                            };
                            match read {
                                Ok(paragraphs) => text.paragraphs = paragraphs,
                                Err(e) => {
                                    problems.push(format!("{}: {e}", text.name));
                                    continue;
                                }
                            }
                            text.body = Some(Body::new(blob));
                        }
                        // Without a body, kept before bodies were: the paragraphs are in the record.
                        list.push(text);
                    }
                    texts.list.set(list);
                    problems.into_iter().for_each(|p| texts.note(p));
                }
                Err(e) => texts.note(e),
            }
            texts.loaded.set(true);
        });
        texts
    }

    /// The list made the same as the store after another tab changed it:
    /// texts read again only when new here (a text already here keeps its
    /// paragraphs, with the stored title, date and parties), texts gone
    /// from the store gone here too, but for the ones this tab is writing.
    async fn refresh(self) {
        // Only the latest refresh applies what it read (two may overlap).
        let this = REFRESHES.with(|r| r.replace(r.get() + 1) + 1);
        let Ok((records, _)) = super::text_store::all::<UserText>().await else { return };
        let before = self.list.get_untracked();
        let mut list = Vec::with_capacity(records.len());
        for (mut text, body) in records {
            if let Some(here) = before.iter().find(|t| t.id == text.id) {
                (text.paragraphs, text.body) = (here.paragraphs.clone(), here.body.clone());
            } else if let Some(blob) = body {
                let Ok(bytes) = super::text_store::bytes(&blob).await else { continue };
                let Ok(paragraphs) = read_paragraphs(bytes).await else { continue };
                (text.paragraphs, text.body) = (paragraphs, Some(Body::new(blob)));
            }
            list.push(text);
        }
        if REFRESHES.with(|r| r.get()) != this {
            return;
        }
        // The list as it is now (the reads above took time): texts this tab
        // is writing, or could not store, stay.
        let (saving, unsaved) = (self.saving.get_untracked(), self.unsaved.get_untracked());
        let stored: Vec<String> = list.iter().map(|t| t.id.clone()).collect();
        let now = self.list.get_untracked();
        list.extend(now.into_iter().filter(|t| {
            (saving.contains(&t.id) || unsaved.contains(&t.id)) && !stored.contains(&t.id)
        }));
        if self.list.with_untracked(|l| *l != list) {
            self.list.set(list);
        }
    }

    /// Notes a problem (or what reading a file put right), once: the same
    /// note again moves to the end, not repeated.
    fn note(self, problem: String) {
        self.problems.update(|p| {
            p.retain(|q| *q != problem);
            p.push(problem);
        });
    }

    /// A new add by the user (files chosen or dropped, text pasted, a
    /// texts file imported): the notes of earlier adds go, unless one is
    /// still being read.
    fn new_batch(self) {
        if self.reading.get_untracked() == 0 && self.pdfs.with_untracked(Vec::is_empty) {
            self.problems.update(|p| p.clear());
        }
    }

    /// Adds a text read by the worker (its fields, and its paragraphs as
    /// bytes and as a blob of them): read in slices between frames, kept in
    /// the browser as the blob, then in the list; `added` is told once it is.
    fn add(
        self,
        imported: ImportedText,
        chars: usize,
        bytes: js_sys::Uint8Array,
        body: web_sys::Blob,
        added: impl FnOnce() + 'static,
    ) {
        let total: usize = self.list.with_untracked(|l| {
            l.iter().map(|t| t.paragraphs.iter().map(String::len).sum::<usize>()).sum()
        });
        let size = bytes.length() as usize;
        if total + size > MAX_TOTAL_BYTES {
            self.note(format!(
                "{}: not added; your texts would pass {} MB in all",
                imported.name,
                MAX_TOTAL_BYTES / (1024 * 1024)
            ));
            return;
        }
        self.reading.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let read = read_paragraphs(bytes).await;
            self.reading.update(|n| *n = n.saturating_sub(1));
            match read {
                Ok(paragraphs) => {
                    // Its row and the corpus it joins, in a task of their own.
                    super::segmenter::next_task().await;
                    self.take(imported, chars, paragraphs, Body::new(body));
                    added();
                }
                Err(e) => self.note(format!("{}: {e}", imported.name)),
            }
        });
    }

    /// Adds a read text whose paragraphs are `paragraphs` (and, as bytes, `body`).
    fn take(self, imported: ImportedText, chars: usize, paragraphs: ParagraphList, body: Body) {
        imported.notes.iter().for_each(|p| self.note(p.clone()));
        let taken: Vec<String> =
            self.list.with_untracked(|l| l.iter().map(|t| t.id.clone()).collect());
        let text = UserText {
            id: new_id(&imported.name, &salt(), &taken),
            date: imported.date.map_or_else(|| today().to_string(), |d| d.to_string()),
            name: imported.name,
            encoding: imported.encoding,
            format: imported.format.code().to_string(),
            script: imported.script.code().to_string(),
            title: imported.title,
            parties: imported.parties,
            chars,
            paragraphs,
            body: Some(body),
        };
        self.keep(text.clone());
        self.list.update(|l| l.push(text));
    }

    /// Stores `text` in the browser, its paragraphs as its body (made now
    /// if it has none), saying so when that fails (the text stays in the page).
    fn keep(self, text: UserText) {
        let text = text.with_body();
        let Some(body) = text.body.clone() else {
            return self.note(format!("{}: the text could not be kept", text.name));
        };
        let record = UserText { paragraphs: ParagraphList::default(), body: None, ..text };
        self.saving.update(|s| s.push(record.id.clone()));
        ask_to_persist();
        leptos::task::spawn_local(async move {
            match super::text_store::put(&record, body.blob()).await {
                Ok(()) => {
                    self.unsaved.update(|u| u.retain(|id| *id != record.id));
                    tell_other_tabs();
                }
                // Kept on the page, marked: the user can export it or make room.
                Err(e) => {
                    self.unsaved.update(|u| u.push(record.id.clone()));
                    let space = storage_use().await.map(|s| format!(" ({s})")).unwrap_or_default();
                    self.note(format!("{}: not saved in this browser{space}: {e}", record.name));
                }
            }
            self.saving.update(|s| s.retain(|id| *id != record.id));
        });
    }

    fn delete(self, id: String) {
        self.list.update(|l| l.retain(|t| t.id != id));
        leptos::task::spawn_local(async move {
            match super::text_store::delete(&id).await {
                Ok(()) => tell_other_tabs(),
                Err(e) => self.note(e),
            }
        });
    }

    fn edit(self, id: &str, change: impl FnOnce(&mut UserText)) {
        let mut changed = None;
        self.list.update(|l| {
            if let Some(t) = l.iter_mut().find(|t| t.id == id) {
                change(t);
                changed = Some(t.clone());
            }
        });
        if let Some(text) = changed {
            self.keep(text);
        }
    }

    /// Reads one file in the worker and adds it (a PDF's text is read by
    /// pdf.js first).
    fn read_file(
        self,
        analysis: Analysis,
        name: String,
        bytes: js_sys::Uint8Array,
        encoding: String,
    ) {
        if super::pdf::is_pdf(&name, &bytes.subarray(0, 5).to_vec()) {
            return self.read_pdf(analysis, name, bytes);
        }
        self.reading.update(|n| *n += 1);
        let name_for_cancel = name.clone();
        super::segmenter::import_file(&name, bytes, &encoding, move |result| {
            self.reading.update(|n| *n = n.saturating_sub(1));
            self.imported(analysis, name_for_cancel, result);
        });
    }

    /// Adds a text the worker read (its fields, and its paragraphs as
    /// bytes), or shows why it could not.
    fn imported(
        self,
        analysis: Analysis,
        name: String,
        result: Result<super::segmenter::ReadText, super::segmenter::WorkerError>,
    ) {
        match result {
            Ok(read) => self.add(read.text, read.chars, read.bytes, read.body, move || {
                // Added texts are shown: the corpus takes them in.
                if analysis.view.with_untracked(|v| v.source == CorpusSource::Seeds) {
                    analysis.view.update(|v| v.source = CorpusSource::Both);
                }
            }),
            Err(super::segmenter::WorkerError::Cancelled) => {
                let lang = analysis.lang.get_untracked();
                self.note(format!("{name}: {}", t(lang, "texts.cancelled")))
            }
            Err(super::segmenter::WorkerError::Failed(e)) => self.note(e),
        }
    }

    /// Reads a PDF's text layer with pdf.js (loaded now if it is the first
    /// PDF), page by page with a progress note, then cleans it in the worker.
    fn read_pdf(self, analysis: Analysis, name: String, bytes: js_sys::Uint8Array) {
        use cijing_engine::text::import::{ImportError, MAX_FILE_BYTES};
        if bytes.length() as usize > MAX_FILE_BYTES {
            let error = ImportError::TooLarge { file: name, bytes: bytes.length() as usize };
            return self.note(error.to_string());
        }
        let id = NEXT_PDF.with(|n| n.replace(n.get() + 1));
        self.pdfs.update(|l| l.push((id, name.clone(), 0, 0)));
        leptos::task::spawn_local(async move {
            // Each page's progress; Cancel takes the PDF off the list, which stops it.
            let progress = move |page: u32, pages: u32| {
                let mut going = false;
                self.pdfs.update(|l| {
                    if let Some(entry) = l.iter_mut().find(|e| e.0 == id) {
                        (entry.2, entry.3, going) = (page, pages, true);
                    }
                });
                going
            };
            let text = super::pdf::read_text(&name, &bytes, progress).await;
            let cancelled = self.pdfs.with_untracked(|l| !l.iter().any(|e| e.0 == id));
            self.pdfs.update(|l| l.retain(|e| e.0 != id));
            match text {
                Err(_) if cancelled => {
                    let lang = analysis.lang.get_untracked();
                    self.note(format!("{name}: {}", t(lang, "texts.cancelled")))
                }
                Ok(text) => {
                    self.reading.update(|n| *n += 1);
                    let file = name.clone();
                    super::segmenter::import_pdf(&name, &text, move |result| {
                        self.reading.update(|n| *n = n.saturating_sub(1));
                        self.imported(analysis, file, result);
                    });
                }
                Err(e) => self.note(e),
            }
        });
    }

    /// Reads each file of a list (from the file input or a drop).
    fn read_files(self, analysis: Analysis, files: web_sys::FileList, encoding: String) {
        self.new_batch();
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let name = file.name();
            let encoding = encoding.clone();
            self.reading.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
                self.reading.update(|n| *n = n.saturating_sub(1));
                match buffer {
                    Ok(buffer) => {
                        self.read_file(analysis, name, js_sys::Uint8Array::new(&buffer), encoding)
                    }
                    Err(_) => self.note(format!("{name}: the browser could not read the file")),
                }
            });
        }
    }
}

/// A file of every text, to import elsewhere.
#[derive(Serialize, Deserialize)]
struct TextsFile {
    format: String,
    version: u32,
    texts: Vec<UserText>,
}

const ENCODINGS: [(&str, &str); 6] = [
    ("", "texts.encoding.auto"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK"),
    ("big5", "Big5"),
    ("utf-16le", "UTF-16LE"),
    ("utf-16be", "UTF-16BE"),
];

impl Texts {
    /// Adds the texts of a file this panel exported (`cijing-texts.json`),
    /// each under an id no text of the user's has; the view then shows
    /// them. A file that is not one says so, naming it.
    fn import_texts_file(self, analysis: Analysis, file: web_sys::File) {
        let texts = self;
        let name = file.name();
        texts.new_batch();
        // The same size limit as any file, checked before it is read.
        let size = file.size() as usize;
        if size > texts_file::MAX_FILE_BYTES {
            let error =
                cijing_engine::text::import::ImportError::TooLarge { file: name, bytes: size };
            return texts.note(error.to_string());
        }
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(text) = read.ok().and_then(|v| v.as_string()) else {
                return texts.note(format!("{name}: the browser could not read the file"));
            };
            let file = match serde_json::from_str::<TextsFile>(&text) {
                Ok(file) if file.format == texts_file::FORMAT => file,
                Ok(_) => return texts.note(format!("{name}: not a cijing texts file")),
                Err(e) => return texts.note(format!("{name}: not a cijing texts file ({e})")),
            };
            texts.take_checked(analysis, &name, file.texts);
        });
    }

    /// Adds the texts of a texts file that pass [`texts_file::check`]:
    /// ids of the user's own, titles that cannot pass for a shipped
    /// document's, within the limit of all texts; says why of the others.
    fn take_checked(self, analysis: Analysis, file: &str, imported: Vec<UserText>) {
        let (taken, used) = self.list.with_untracked(|l| {
            let taken: Vec<String> = l.iter().map(|t| t.id.clone()).collect();
            (taken, l.iter().map(|t| t.paragraphs.iter().map(String::len).sum::<usize>()).sum())
        });
        let claimed: Vec<Claimed> = imported
            .iter()
            .map(|t| Claimed {
                id: &t.id,
                name: &t.name,
                title: &t.title,
                bytes: t.paragraphs.iter().map(String::len).sum(),
            })
            .collect();
        let shipped = cijing_seeds::document_titles();
        let verdicts =
            texts_file::check(file, &claimed, &shipped, &taken, used, MAX_TOTAL_BYTES, &salt());
        let mut added = false;
        for (mut text, verdict) in imported.into_iter().zip(verdicts) {
            match verdict {
                Verdict::Take { id, title } => {
                    (text.id, text.title) = (id, title);
                    let text = text.with_body();
                    self.keep(text.clone());
                    self.list.update(|l| l.push(text));
                    added = true;
                }
                Verdict::Refuse(why) => self.note(why),
            }
        }
        if added && analysis.view.with_untracked(|v| v.source == CorpusSource::Seeds) {
            analysis.view.update(|v| v.source = CorpusSource::Both);
        }
    }
}

/// One of the user's texts: its title, date and parties (edited in place),
/// how it was read, its size, and Delete.
#[component]
fn TextRow(text: UserText) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let texts = expect_context::<Texts>();
    let lang = analysis.lang.get_untracked();
    let id = text.id.clone();
    let (id_title, id_date, id_parties, id_delete) =
        (id.clone(), id.clone(), id.clone(), id.clone());
    let id_unsaved = id.clone();
    view! {
        <tr data-id=id.clone()>
            <td><input class="text-title" type="text" value=text.title.clone() aria-label=t(lang, "texts.title")
                on:change=move |ev| { let v = event_target_value(&ev); texts.edit(&id_title, |t| t.title = v) } /></td>
            <td><input class="text-date" type="date" value=text.date.clone() aria-label=t(lang, "texts.date")
                on:change=move |ev| { let v = event_target_value(&ev); if v.parse::<Date>().is_ok() { texts.edit(&id_date, |t| t.date = v) } } /></td>
            <td><input class="text-parties narrow" type="text" value=text.parties.join(",") aria-label=t(lang, "texts.parties")
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let parties: Vec<String> = v.split([',', '，', ' ']).map(|p| p.trim().to_uppercase()).filter(|p| !p.is_empty()).take(20).collect();
                    texts.edit(&id_parties, |t| t.parties = parties)
                } /></td>
            <td class="muted">{format!("{} · {} · {}", text.format, text.encoding, text.script)}</td>
            <td class="num">{text.paragraphs.len()}</td>
            <td class="num">{text.char_count()}</td>
            <td>
                <button class="link text-delete" data-id=id.clone() on:click=move |_| texts.delete(id_delete.clone())>{t(lang, "texts.delete")}</button>
                <Show when=move || texts.unsaved.with(|u| u.contains(&id_unsaved))>
                    <span class="not-saved" role="note">{t(lang, "texts.not_saved")}</span>
                </Show>
            </td>
        </tr>
    }
}

#[component]
pub fn TextsPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let texts = expect_context::<Texts>();
    let lang = move || analysis.lang();
    let encoding = RwSignal::new(String::new());
    let paste = NodeRef::<leptos::html::Textarea>::new();
    let source = Memo::new(move |_| analysis.view.with(|v| v.source));
    let add_paste = move |_| {
        let Some(area) = paste.get() else { return };
        let text = area.value();
        texts.new_batch();
        if text.trim().is_empty() {
            texts.note(t(analysis.lang.get_untracked(), "texts.paste.empty").to_string());
            return;
        }
        area.set_value("");
        let n = texts
            .list
            .with_untracked(|l| l.iter().filter(|t| t.name.starts_with("pasted-")).count())
            + 1;
        texts.read_file(
            analysis,
            format!("pasted-{n}.txt"),
            js_sys::Uint8Array::from(text.as_bytes()),
            "utf-8".into(),
        );
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            texts.read_files(analysis, files, encoding.get_untracked());
        }
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            texts.read_files(analysis, files, encoding.get_untracked());
        }
    };
    let export = move |_| {
        let file = TextsFile {
            format: "cijing-texts".into(),
            version: 1,
            texts: texts.list.get_untracked(),
        };
        let json = serde_json::to_string_pretty(&file).unwrap_or_default();
        super::download::save_text("cijing-texts.json", "application/json", &json);
    };
    let import_corpus = move |ev: leptos::ev::Event| {
        if let Some(file) = super::panel::chosen_file(&ev) {
            texts.import_texts_file(analysis, file);
        }
    };
    view! {
        <super::panel::PanelFrame panel=Panel::Texts file_parts=Signal::derive(|| "texts".to_string())>
            <div class="texts-drop" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true) }
                on:dragleave=move |_| dragging.set(false)
                on:drop=drop>
                <p class="muted small-print">{tr(analysis.lang, "texts.note")}</p>
                <label class="field">{tr(analysis.lang, "texts.source")}
                    <select id="corpus-source" prop:value=move || source.get().code()
                        on:change=move |ev| { if let Some(s) = CorpusSource::parse(&event_target_value(&ev)) { analysis.view.update(|v| v.source = s) } }>
                        <option value="seeds">{tr(analysis.lang, "texts.source.seeds")}</option>
                        <option value="mine">{tr(analysis.lang, "texts.source.mine")}</option>
                        <option value="both">{tr(analysis.lang, "texts.source.both")}</option>
                    </select>
                </label>
                <div class="texts-add">
                    <label class="field file-field">{tr(analysis.lang, "texts.files")}
                        <input id="text-files" type="file" multiple accept=".txt,.text,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/html,text/markdown,application/pdf" on:change=choose />
                    </label>
                    <label class="field">{tr(analysis.lang, "texts.encoding")}
                        <select id="text-encoding" prop:value=move || encoding.get() on:change=move |ev| encoding.set(event_target_value(&ev))>
                            {ENCODINGS.iter().map(|(code, label)| {
                                let label = *label;
                                view! { <option value=*code>{move || if label.starts_with("texts.") { t(lang(), label).to_string() } else { label.to_string() }}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <label class="paste">{tr(analysis.lang, "texts.paste")}
                    <textarea id="paste-text" rows="4" node_ref=paste></textarea>
                </label>
                <button id="paste-add" on:click=add_paste>{tr(analysis.lang, "texts.paste.add")}</button>
            </div>
            <p id="texts-status" role="status" aria-live="polite">
                {move || {
                    let n = texts.reading.get();
                    (n > 0).then(|| format!("{} {n}…", t(lang(), "texts.reading")))
                }}
                " "
                <Show when=move || texts.reading.get() != 0>
                    <button id="texts-cancel" class="link" on:click=move |_| super::segmenter::cancel()>{tr(analysis.lang, "segmenter.cancel")}</button>
                </Show>
            </p>
            // Cancel stops every PDF being read (each stops at its next page).
            <Show when=move || texts.pdfs.with(|l| !l.is_empty())>
                <button id="pdf-cancel" class="link" on:click=move |_| texts.pdfs.set(Vec::new())>{tr(analysis.lang, "segmenter.cancel")}</button>
            </Show>
            <ul id="texts-pdf-progress" class="notes" role="status">
                {move || texts.pdfs.get().into_iter().map(|(_, name, page, pages)| view! { <li>{pdf_note(lang(), &name, page, pages)}</li> }).collect_view()}
            </ul>
            <ul id="texts-problems" class="notes" role="alert">
                {move || texts.problems.get().into_iter().rev().take(10).map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <Show when=move || texts.problems.with(|p| !p.is_empty())>
                <button class="link" on:click=move |_| texts.problems.set(Vec::new())>{tr(analysis.lang, "texts.clear")}</button>
            </Show>
            <p class="muted" id="texts-count" data-texts=move || texts.list.with(|l| l.len())>
                {move || texts.list.with(|l| count(lang(), l.len(), "texts.count", "texts.count.one"))}
            </p>
            <table id="texts-table" class="data">
                <TableHead columns=HEAD />
                <tbody>
                    <For each=move || texts.list.get() key=|t| t.id.clone() children=|text| view! { <TextRow text=text /> } />
                </tbody>
            </table>
            <div class="dict-files">
                <button id="texts-export" class="export" on:click=export>{tr(analysis.lang, "texts.export")}</button>
                <label class="field file-field">{tr(analysis.lang, "texts.import")}
                    <input id="texts-import" type="file" accept=".json,application/json" on:change=import_corpus />
                </label>
            </div>
        </super::panel::PanelFrame>
    }
}
