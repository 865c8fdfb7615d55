//! The web face (wasm only): mounts the Leptos app (the full page, an iframe
//! embed or a `<cijing-view>` element), owns each one's view state, keeps
//! the page's mirrored in the URL, and derives what every panel reads
//! (corpus, selection, term options, selected term). Panels live one per
//! file and only read this and write the view state.

mod assets;
mod clusters;
mod collocates;
mod contexts;
mod dictionary;
mod download;
mod embed;
mod filter_bar;
mod keyness;
mod lazy;
mod panel;
mod pdf;
mod phrases;
mod plot;
mod reader;
mod rows;
mod search;
mod segmenter;
mod settings;
mod storage;
mod summary;
mod term_panel;
mod text_store;
pub mod texts;
mod topics;
mod trends;
mod word_cloud;

use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::selection::Filter;
use cijing_engine::corpus::selection::{select, select_documents, Selection};
use cijing_engine::statistics::collocates::CollocateOptions;
use cijing_engine::statistics::keyness::{keyness, KeynessOptions, KeynessTable, Reference};
use cijing_engine::statistics::kwic::KwicSort;
use cijing_engine::statistics::stats::{term_table, TermOptions, TermTable};
use cijing_engine::statistics::topics::Topic;
use cijing_engine::statistics::topics::{score_corpus, TopicScores};
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::{Corpus, SegmentOptions};
use cijing_view::i18n::t;
use cijing_view::ui_logic::{link_topics, may_save, saved_text, unloaded_parts, DocLabel};
use cijing_view::view_state::Lang;
use cijing_view::view_state::TermSortView;
use cijing_view::view_state::{CorpusSource, Panel, ViewState};
use leptos::prelude::*;
use rows::Rows;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// What a corpus is segmented with: the settings and the user's words.
type CorpusKey = (
    SegmentOptions,
    Vec<cijing_engine::text::user_words::UserWord>,
    CorpusSource,
    u64,
);

/// A corpus shared by the panels; equal when it is the same corpus.
#[derive(Clone)]
pub struct SharedCorpus(pub Arc<Corpus>);

impl PartialEq for SharedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedCorpus {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}

/// A large value the panels share: a copy is a pointer (a panel out of
/// sight keeps its own, see lazy.rs); equal when it is the same value or an
/// equal one.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every panel reads. All fields are cheap copies of reactive handles.
/// Panels read the view through the per-field memos below (a memo only
/// notifies when its own field changes, so a term click does not re-run
/// what reads the language or the filter), and write it with `view.update`.
///
/// One trap of the reactive graph: a render closure (or effect) that reads
/// a memo `m` and a memo derived from `m` may not re-run when `m` changes
/// but the derived one does not (checking the derived one refreshes `m`
/// on the closure's behalf). Such a closure reads one memo that combines
/// both, or reads `m` first.
#[derive(Clone, Copy)]
pub struct Analysis {
    /// The whole view: write through this; read it only to mirror it whole.
    pub view: RwSignal<ViewState>,
    pub lang: Memo<Lang>,
    pub term: Memo<Option<String>>,
    pub top: Memo<usize>,
    pub filter: Memo<Filter>,
    /// The topic threshold (`filter.topics.threshold`) alone.
    pub threshold: Memo<u32>,
    pub kwic_sort: Memo<KwicSort>,
    /// The term table's sort.
    pub term_sort: Memo<TermSortView>,
    /// Trend points per document, date or year.
    pub trend_by: Memo<TrendBy>,
    /// The collocates' window, minimum and sort.
    pub collocate_options: Memo<CollocateOptions>,
    /// What keyness compares with.
    pub key_ref: Memo<Reference>,
    /// Set when a concordance line opens a paragraph: the reader moves the
    /// focus there (then clears it).
    pub focus_reader: StoredValue<bool>,
    pub read: Memo<Option<String>>,
    pub para: Memo<Option<usize>>,
    pub show_segments: Memo<bool>,
    pub panels: Memo<Vec<Panel>>,
    pub user_topics: Memo<Vec<Topic>>,
    /// The shipped topics, then the user's.
    pub topics: Memo<Vec<Topic>>,
    /// Segmentation mode and HMM.
    pub segment_options: Memo<SegmentOptions>,
    pub merge_aliases: Memo<bool>,
    /// Minimum length, parts of speech, stopwords and alias merging.
    pub term_options: Memo<TermOptions>,
    /// Ids of a link's topics on offer (used in the view, not saved yet).
    offered: RwSignal<Vec<String>>,
    /// How many saved user topics the user deleted (saving never drops others).
    topics_deleted: StoredValue<usize>,
    /// Segmented with the view's mode and HMM setting.
    pub corpus: Memo<SharedCorpus>,
    pub selection: Memo<Selection>,
    /// Every paragraph's score for every topic (shipped and the user's).
    pub topic_scores: Memo<Shared<TopicScores>>,
    /// The selection's term table (every term; panels take their top N).
    pub terms: Memo<Shared<TermTable>>,
    /// Keyness of the selection against the rest or the whole corpus
    /// (`key_ref`), or None when there is nothing to compare with.
    pub keyness: Memo<Shared<Option<KeynessTable>>>,
    /// The selected term, resolved against the corpus (None when none is
    /// selected or it does not occur with the current segmentation).
    pub query: Memo<Option<Query>>,
    /// Width in pixels for charts in a half-width panel and a full-width one.
    pub chart_width: RwSignal<(u32, u32)>,
}

impl Analysis {
    /// The interface language (tracked: re-runs only when it changes).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Whether `term` is the selected term, untracked: a term button takes
    /// its first state from this, and `mark_selected_terms` keeps it.
    pub fn is_selected_term(&self, term: &str) -> bool {
        self.term.with_untracked(|t| t.as_deref() == Some(term))
    }

    /// Deletes one of the user's topics (and its place in the topic filter).
    /// A saved one counts as deleted, so saving may then write one fewer.
    pub fn delete_user_topic(&self, id: &str) {
        let offered = self.offered.with_untracked(|o| o.iter().any(|x| x == id));
        if offered {
            self.offered.update(|o| o.retain(|x| x != id));
        } else if self
            .user_topics
            .with_untracked(|topics| topics.iter().any(|t| t.id == id))
        {
            self.topics_deleted.update_value(|n| *n += 1);
        }
        self.view.update(|v| {
            v.user_topics.retain(|t| t.id != id);
            v.filter.topics.include.retain(|t| t != id);
            v.filter.topics.exclude.retain(|t| t != id);
        });
    }

    /// Selects a term everywhere: trends plot it, contexts list it, the
    /// reader highlights it, collocates centre on it.
    pub fn choose_term(&self, term: &str) {
        let term = term.trim().to_string();
        self.view.update(|v| {
            v.term = Some(term);
            v.para = None;
        });
    }
}

/// A memo of one part of the view.
fn slice<T: Clone + PartialEq + Send + Sync + 'static>(
    view: RwSignal<ViewState>,
    part: fn(&ViewState) -> T,
) -> Memo<T> {
    Memo::new(move |_| view.with(part))
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Whether the page shows its panels in two columns (style/main.css: two
/// columns of at least 520 px, 1rem apart, within 1.5rem of padding).
fn two_columns() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|width| width >= 2.0 * 520.0 + 16.0 + 48.0)
}

/// Chart widths for the current window: (half-width panel, full-width panel).
fn chart_widths() -> (u32, u32) {
    let viewport = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    let full = (viewport - 64.0).clamp(300.0, 1100.0);
    let half = if viewport >= 1100.0 {
        (viewport - 96.0) / 2.0
    } else {
        full
    };
    (half.clamp(300.0, 760.0) as u32, full as u32)
}

/// Starts the full page in `#app` (called by `cijing-loader.js` with the
/// URL of cijing's files and `(url) => import(url)`, which loads the PDF
/// reader when a PDF is added; without it, as in the one-file page, a PDF
/// is refused with a message) and records start-up timings on it:
/// `data-corpus-ms` (the corpus from the tokens stored at build time) and
/// `data-ready-ms` (navigation to the first render).
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(base_url: String, import_module: Option<js_sys::Function>) {
    console_error_panic_hook::set_once();
    assets::set_base(&base_url);
    pdf::set_importer(import_module);
    let t0 = now_ms();
    let corpus = crate::api::shipped().corpus.clone();
    let t1 = now_ms();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let root: web_sys::HtmlElement = root.unchecked_into();
    let page = Page::from_location(&corpus);
    leptos::mount::mount_to(root.clone(), move || view! { <App corpus=corpus.clone() face=page.face.clone() initial=page.initial.clone() notes=page.notes.clone() base=page.base.clone() /> })
        .forget();
    let _ = root.set_attribute("data-corpus-ms", &format!("{:.1}", t1 - t0));
    let _ = root.set_attribute("data-ready-ms", &format!("{:.1}", now_ms()));
}

/// Tells cijing where its files are, and how to import a module there
/// (the embed module calls this).
#[wasm_bindgen(js_name = setBase)]
pub fn set_base(base_url: String, import_module: Option<js_sys::Function>) {
    console_error_panic_hook::set_once();
    assets::set_base(&base_url);
    pdf::set_importer(import_module);
}

/// How an app is shown.
#[derive(Clone, Default)]
pub struct Face {
    /// An embed (iframe `?embed=` or `<cijing-view>`): only the panels, no
    /// header, no settings, a link to the full view.
    pub embed: bool,
    /// Show the filter bar in an embed (`chrome=filters`).
    pub filters: bool,
    /// Keep the page's URL in step with the view (the full page and iframe embeds).
    pub mirror_url: bool,
    /// Keep user topics in the browser (the full page only).
    pub keep_topics: bool,
    /// Tell the host page the embed's height (iframe embeds).
    pub report_height: bool,
    /// Called with (term, view query) when a term is chosen (`<cijing-view>`).
    pub on_select: Option<Callback<(String, String)>>,
    /// Where the app puts its view signal, for a host that changes the view
    /// from outside (`<cijing-view>` attributes).
    pub view_out: Option<std::rc::Rc<std::cell::Cell<Option<RwSignal<ViewState>>>>>,
}

/// The full page or an iframe embed, read from the page's URL.
struct Page {
    face: Face,
    initial: ViewState,
    notes: Vec<String>,
    base: ViewState,
}

impl Page {
    fn from_location(corpus: &Corpus) -> Page {
        let query = current_query();
        let base = browser_default();
        let embed = cijing_view::view_state::EmbedRequest::from_query(&query);
        let (mut initial, mut notes) =
            ViewState::from_query(&embed.rest, corpus, &cijing_seeds::topics(), base.clone());
        if let Some(panels) = &embed.panels {
            initial.panels = panels.clone();
            notes.extend(embed.notes.iter().cloned());
        }
        let is_embed = embed.panels.is_some();
        let face = Face {
            embed: is_embed,
            filters: embed.filters,
            mirror_url: true,
            keep_topics: !is_embed,
            report_height: is_embed,
            on_select: None,
            view_out: None,
        };
        Page {
            face,
            initial,
            notes,
            base,
        }
    }
}

/// The interface text `key` in the language `lang` holds, as a reactive
/// closure for a view (a child or an attribute). Every use is the same
/// closure type, so leptos' rendering code for it is compiled once, not
/// once per text (about 200 of them: 151 KB of the page's wasm, 15 KiB
/// brotli).
pub fn tr<L>(lang: L, key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static
where
    L: Get<Value = Lang> + Copy + Send + Sync + 'static,
{
    move || t(lang.get(), key)
}

/// A panel's component. The default first row's (summary, cloud) and the
/// default embed's (terms) are in the page's wasm; the other panels' code
/// is split into one wasm module of its own (scripts/build.sh), fetched
/// when the first of them mounts.
fn panel_component(panel: Panel) -> AnyView {
    match panel {
        Panel::Summary => view! { <summary::SummaryPanel /> }.into_any(),
        Panel::Cloud => view! { <word_cloud::CloudPanel /> }.into_any(),
        Panel::Terms => view! { <term_panel::TermPanel /> }.into_any(),
        _ => view! { <SplitPanel panel=panel /> }.into_any(),
    }
}

/// Tries to load the split-out panels' module again: every panel that
/// could not load it listens (one retry brings them all back).
#[derive(Clone, Copy)]
pub struct SplitRetry(RwSignal<u32>);

/// A panel whose code is in the split-out module: its frame while the
/// module loads, and a message with a button to try again if it cannot.
/// Loaded, it is built at once, in this reactive scope as any panel.
#[component]
fn SplitPanel(panel: Panel) -> impl IntoView {
    let retry = use_context::<SplitRetry>().unwrap_or_else(|| SplitRetry(RwSignal::new(0)));
    // None while loading, then whether this panel's function is loaded.
    let loaded = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        retry.0.track();
        if loaded.get_untracked() == Some(true) {
            return;
        }
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let ok = load_split_panel(panel).await.is_ok();
            loaded.try_set(Some(ok));
        });
    });
    let focus = lazy::FocusOnMount::here();
    let unloaded = move || {
        let again = Callback::new(move |_| {
            if let Some(focus) = focus {
                focus.ask();
            }
            retry.0.update(|n| *n += 1);
        });
        view! { <lazy::Unloaded panel=panel retry=again /> }.into_any()
    };
    move || match loaded.get() {
        None => view! { <lazy::Waiting panel=panel /> }.into_any(),
        Some(true) => match crate::split::ready_now(split_panel(panel)) {
            Some(Ok(view)) => view,
            _ => unloaded(),
        },
        Some(false) => unloaded(),
    }
}

/// Loads a split-out panel's function (its module is fetched once for
/// all of them), so that [`split_panel`] then answers at once.
async fn load_split_panel(panel: Panel) -> Result<(), SplitLoaderError> {
    match panel {
        Panel::Summary | Panel::Cloud | Panel::Terms => Ok(()),
        Panel::Topics => preload_topics_panel().await,
        Panel::Trends => preload_trends_panel().await,
        Panel::Contexts => preload_contexts_panel().await,
        Panel::Reader => preload_reader_panel().await,
        Panel::Collocates => preload_collocates_panel().await,
        Panel::Phrases => preload_phrases_panel().await,
        Panel::Keyness => preload_keyness_panel().await,
        Panel::Texts => preload_texts_panel().await,
        Panel::Dictionary => preload_dictionary_panel().await,
    }
}

/// A split-out panel (Err when its module is not loaded).
async fn split_panel(panel: Panel) -> Result<AnyView, SplitLoaderError> {
    match panel {
        Panel::Summary | Panel::Cloud | Panel::Terms => Ok(panel_component(panel)),
        Panel::Topics => topics_panel().await,
        Panel::Trends => trends_panel().await,
        Panel::Contexts => contexts_panel().await,
        Panel::Reader => reader_panel().await,
        Panel::Collocates => collocates_panel().await,
        Panel::Phrases => phrases_panel().await,
        Panel::Keyness => keyness_panel().await,
        Panel::Texts => texts_panel().await,
        Panel::Dictionary => dictionary_panel().await,
    }
}

#[wasm_split(panels, fallible, preload(preload_topics_panel))]
fn topics_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <topics::TopicsPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_trends_panel))]
fn trends_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <trends::TrendsPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_contexts_panel))]
fn contexts_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <contexts::ContextsPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_reader_panel))]
fn reader_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <reader::ReaderPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_collocates_panel))]
fn collocates_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <collocates::CollocatesPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_phrases_panel))]
fn phrases_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <phrases::PhrasesPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_keyness_panel))]
fn keyness_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <keyness::KeynessPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_texts_panel))]
fn texts_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <texts::TextsPanel /> }.into_any())
}

#[wasm_split(panels, fallible, preload(preload_dictionary_panel))]
fn dictionary_panel() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <dictionary::DictionaryPanel /> }.into_any())
}

thread_local! {
    /// The query the page's URL is to show, not written yet.
    static PENDING_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Writes the view's latest query into the page's URL (replaceState).
fn write_pending_url() {
    let Some(query) = PENDING_URL.with(|p| p.take()) else {
        return;
    };
    if let Some(window) = web_sys::window() {
        let path = window.location().pathname().unwrap_or_default();
        if current_query() != query {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("{path}{query}")),
                );
            }
        }
    }
}

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The default view for this browser (its language).
fn browser_default() -> ViewState {
    let tag = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    ViewState::for_browser(&tag)
}

/// One app: the full page, an iframe embed or a `<cijing-view>`, each with
/// its own view state over the shared shipped corpus.
#[component]
pub fn App(
    corpus: Arc<Corpus>,
    face: Face,
    initial: ViewState,
    notes: Vec<String>,
    base: ViewState,
) -> impl IntoView {
    // A link's own topics are used for this view, but only kept in the
    // browser when the user says so; saved topics are never replaced: a link
    // topic named like a saved one is not offered (the saved one stays).
    let mut initial = initial;
    let mut notes = notes;
    let mut offered_ids: Vec<String> = Vec::new();
    // What was read from the browser: None when it could not be read (then
    // nothing is ever written), else the text and the topics it held.
    let mut stored: Option<(String, Vec<Topic>)> = None;
    // Why the browser cannot keep the user's topics: (message key, error).
    let storage_problem = RwSignal::new(None::<(&'static str, String)>);
    if face.keep_topics {
        let text = match storage::read(storage::USER_TOPICS_KEY) {
            Ok(text) => Some(text.unwrap_or_default()),
            Err(e) => {
                storage_problem.set(Some(("storage.unavailable", e)));
                None
            }
        };
        let saved = match text.as_deref() {
            Some(text) => {
                let (topics, problems) =
                    cijing_view::view_state::decode_user_topics(text, &cijing_seeds::topics());
                notes.extend(problems.into_iter().map(|p| format!("saved {p}")));
                topics
            }
            None => Vec::new(),
        };
        let from_link = std::mem::replace(&mut initial.user_topics, saved.clone());
        let seen = link_topics(&saved, &from_link);
        notes.extend(seen.differing.iter().map(|name| {
            format!("user topic \"{name}\" in the link differs from yours; yours is kept")
        }));
        for topic in seen.offered {
            offered_ids.push(topic.id.clone());
            initial.user_topics.push(topic);
        }
        stored = text.map(|text| (text, saved));
        // The saved dictionary, unless the link brings words of its own.
        if initial.user_words.is_empty() {
            match dictionary::saved_words() {
                Ok(words) => initial.user_words = words,
                Err(e) => notes.push(format!("saved user words could not be read: {e}")),
            }
        }
    }
    let offered = RwSignal::new(offered_ids);
    let view = RwSignal::new(initial);
    if let Some(out) = &face.view_out {
        out.set(Some(view));
    }
    let lang = slice(view, |v| v.lang);
    let term = slice(view, |v| v.term.clone());
    let top = slice(view, |v| v.top);
    let filter = slice(view, |v| v.filter.clone());
    let threshold = slice(view, |v| v.filter.topics.threshold);
    let kwic_sort = slice(view, |v| v.kwic_sort);
    let term_sort = slice(view, |v| v.term_sort);
    let trend_by = slice(view, |v| v.trend_by);
    let collocate_options = slice(view, |v| v.collocates);
    let key_ref = slice(view, |v| v.key_ref);
    let read = slice(view, |v| v.read.clone());
    let para = slice(view, |v| v.para);
    let show_segments = slice(view, |v| v.show_segments);
    let panels = slice(view, |v| v.panels.clone());
    let user_topics = slice(view, |v| v.user_topics.clone());
    let segment_options = slice(view, |v| SegmentOptions {
        mode: v.mode,
        hmm: v.hmm,
    });
    let merge_aliases = slice(view, |v| v.merge_aliases);
    let term_options = slice(view, |v| TermOptions {
        min_len: v.min_len,
        pos: v.pos.clone(),
        drop_stopwords: v.drop_stopwords,
        merge_aliases: v.merge_aliases,
    });
    let topics = Memo::new(move |_| {
        cijing_seeds::topics()
            .into_iter()
            .chain(user_topics.get())
            .collect::<Vec<_>>()
    });

    // The corpus for the view's segmentation settings, user words and
    // texts: the shipped tokens for the defaults, otherwise segmented by
    // the worker (the current corpus stays on screen until the new one is
    // ready).
    let user_words = slice(view, |v| v.user_words.clone());
    let source = slice(view, |v| v.source);
    let texts = texts::Texts::load();
    provide_context(texts);
    // The user's texts as the corpus holds them: their ids and fields (a
    // text's body never changes once added).
    let texts_key = Memo::new(move |_| {
        texts.list.with(|l| {
            panel::content_key(
                l.iter()
                    .map(|t| (&t.id, &t.title, &t.date, &t.parties, t.paragraphs.len()))
                    .collect::<Vec<_>>(),
            )
        })
    });
    let corpus_key = Memo::new(move |_| {
        let source = source.get();
        (
            segment_options.get(),
            user_words.get(),
            source,
            if source.has_mine() {
                texts_key.get()
            } else {
                0
            },
        )
    });
    let default_key: CorpusKey = (corpus.options, Vec::new(), CorpusSource::Seeds, 0);
    let corpora: RwSignal<HashMap<CorpusKey, SharedCorpus>> = RwSignal::new(HashMap::from([(
        default_key.clone(),
        SharedCorpus(corpus.clone()),
    )]));
    let segmenting = RwSignal::new(None::<Result<CorpusKey, segmenter::WorkerError>>);
    let build_progress = RwSignal::new(None::<segmenter::Progress>);
    let shown = StoredValue::new((default_key.clone(), SharedCorpus(corpus.clone())));
    Effect::new(move |_| {
        let wanted = corpus_key.get();
        if corpora.with_untracked(|c| c.contains_key(&wanted))
            || segmenting.with_untracked(|s| s.as_ref() == Some(&Ok(wanted.clone())))
        {
            return;
        }
        // Only the user's texts, and none yet: nothing to segment.
        let mine = if wanted.2.has_mine() {
            texts.list.get_untracked()
        } else {
            Vec::new()
        };
        if !wanted.2.has_seeds() && mine.is_empty() {
            return;
        }
        segmenting.set(Some(Ok(wanted.clone())));
        let key = wanted.clone();
        let done = move |result: Result<Corpus, segmenter::WorkerError>| match result {
            Ok(corpus) => {
                build_progress.set(None);
                corpora.update(|c| {
                    // A few corpora are kept: each word list or text set makes a new one.
                    if c.len() > 6 {
                        c.retain(|k, _| k.1.is_empty() && k.2 == CorpusSource::Seeds);
                    }
                    c.insert(key, SharedCorpus(Arc::new(corpus)));
                });
                segmenting.set(None);
            }
            Err(e) => {
                build_progress.set(None);
                // Cancelled: the view goes back to the corpus on screen.
                if e == segmenter::WorkerError::Cancelled {
                    let before = shown.with_value(|(key, _)| key.2);
                    view.update(|v| v.source = before);
                }
                segmenting.set(Some(Err(e)));
            }
        };
        let progress = move |p| build_progress.set(Some(p));
        let mine: Vec<_> = mine.iter().map(texts::UserText::to_segment).collect();
        segmenter::build_corpus(
            wanted.0,
            &wanted.1,
            wanted.2.has_seeds(),
            &mine,
            progress,
            done,
        );
    });
    let corpus = Memo::new(move |_| {
        let found = corpus_key.with(|wanted| {
            corpora.with(|c| c.get(wanted).cloned().map(|found| (wanted.clone(), found)))
        });
        match found {
            Some((key, c)) => {
                shown.set_value((key, c.clone()));
                c
            }
            None => shown.with_value(|(_, c)| c.clone()),
        }
    });
    let topic_scores = Memo::new(move |_| {
        topics.with(|topics| corpus.with(|c| Shared::new(score_corpus(c, topics))))
    });
    // Topic scores are read only when the filter names topics.
    let selection = Memo::new(move |_| {
        filter.with(|filter| {
            corpus.with(|c| {
                let selected = if filter.topics.is_active() {
                    topic_scores.with(|scores| select(c, filter, &**scores))
                } else {
                    select_documents(c, filter)
                };
                selected.unwrap_or_else(|_| Selection::all(c))
            })
        })
    });
    let terms = Memo::new(move |_| {
        let options = term_options.get();
        corpus.with(|c| selection.with(|s| Shared::new(term_table(c, s, &options))))
    });
    let key_terms = Memo::new(move |_| {
        let options = term_options.get();
        let reference = key_ref.get();
        corpus.with(|c| {
            selection.with(|s| {
                Shared::new(
                    keyness(
                        c,
                        s,
                        &KeynessOptions {
                            reference,
                            ..KeynessOptions::default()
                        },
                        &options,
                    )
                    .ok(),
                )
            })
        })
    });
    let query = Memo::new(move |_| {
        let term = term.get()?;
        let merge = merge_aliases.get();
        corpus.with(|c| Query::parse_known(c, &term, merge).ok())
    });
    let chart_width = RwSignal::new(chart_widths());
    let topics_deleted = StoredValue::new(0usize);
    let analysis = Analysis {
        view,
        lang,
        term,
        top,
        filter,
        threshold,
        kwic_sort,
        term_sort,
        trend_by,
        collocate_options,
        key_ref,
        focus_reader: StoredValue::new(false),
        read,
        para,
        show_segments,
        panels,
        user_topics,
        topics,
        segment_options,
        merge_aliases,
        term_options,
        offered,
        topics_deleted,
        corpus,
        selection,
        topic_scores,
        terms,
        keyness: key_terms,
        query,
        chart_width,
    };
    provide_context(analysis);
    provide_context(SplitRetry(RwSignal::new(0)));

    // User topics the user made or kept are saved in the browser: never with
    // fewer than were loaded but for the ones the user deleted, never when
    // the storage could not be read, and with the saved parts that did not
    // load written back as they were.
    if let Some((text, saved)) = stored {
        let unloaded = unloaded_parts(&text, &saved);
        let loaded = saved.len();
        Effect::new(move |ran: Option<()>| {
            let kept: Vec<Topic> = user_topics.with(|topics| {
                offered.with(|o| {
                    topics
                        .iter()
                        .filter(|t| !o.contains(&t.id))
                        .cloned()
                        .collect()
                })
            });
            // Loading writes nothing: the store changes when the topics do.
            if ran.is_none() {
                return;
            }
            if !may_save(loaded, topics_deleted.get_value(), kept.len()) {
                leptos::logging::warn!(
                    "not saving {} user topics over the {loaded} loaded",
                    kept.len()
                );
                return;
            }
            let text = saved_text(&kept, &unloaded);
            match storage::write(storage::USER_TOPICS_KEY, &text) {
                Ok(()) if storage_problem.with_untracked(Option::is_some) => {
                    storage_problem.set(None)
                }
                Ok(()) => {}
                Err(e) => storage_problem.set(Some(("storage.save_failed", e))),
            }
        });
    }

    // The page's URL is the view (replaceState: no history spam), written
    // in a task of its own after the change is on screen: Chromium
    // restyles the page and reloads the icon on every URL change (13 ms a
    // click, measured), work a click need not wait for. <html lang>
    // follows the interface language, set only when it changes.
    if face.mirror_url {
        let embed_query = face.embed.then(|| embed_query_part(&face));
        Effect::new(move |_| {
            let mut query = view.with(|s| s.to_query(&base));
            if let Some(extra) = &embed_query {
                query = if query.is_empty() {
                    format!("?{extra}")
                } else {
                    format!("{query}&{extra}")
                };
            }
            let first = PENDING_URL.with(|p| p.replace(Some(query)).is_none());
            if first {
                request_animation_frame(|| {
                    set_timeout(write_pending_url, std::time::Duration::ZERO)
                });
                // A hidden page draws no frames: written anyway, a little later.
                set_timeout(write_pending_url, std::time::Duration::from_millis(200));
            }
        });
        if !face.embed {
            Effect::new(move |_| {
                let code = if lang.get() == Lang::Zh {
                    "zh-Hans"
                } else {
                    "en"
                };
                if let Some(html) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element())
                {
                    if html.get_attribute("lang").as_deref() != Some(code) {
                        let _ = html.set_attribute("lang", code);
                    }
                }
            });
        }
    }
    // Term buttons show the selected term: one effect marks them all (a
    // reactive read in each button would leave a dead subscriber behind in
    // the term memo whenever a row is rebuilt; see rows.rs).
    let panels_root = NodeRef::<leptos::html::Main>::new();
    Effect::new(move |_| {
        let term = term.get();
        if let Some(root) = panels_root.get() {
            mark_selected_terms(&root, term.as_deref());
        }
    });
    // A <cijing-view> tells its host which term was chosen.
    if let Some(on_select) = face.on_select {
        Effect::new(move |first: Option<()>| {
            let term = term.get();
            if first.is_some() {
                if let Some(term) = term {
                    on_select.run((
                        term,
                        view.with_untracked(|v| {
                            v.to_query(&ViewState::default())
                                .trim_start_matches('?')
                                .to_string()
                        }),
                    ));
                }
            }
        });
    }
    // An iframe embed tells its host page its height.
    if face.report_height {
        report_height();
    }
    // Charts follow the window size (re-drawn once the resizing settles).
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let widths = chart_widths();
        if chart_width.get_untracked() != widths {
            chart_width.set(widths);
        }
    });
    on_cleanup(move || resize.remove());

    let (notes, set_notes) = signal(notes);
    let sharing = RwSignal::new(false);
    let toggle_lang = move |_| {
        view.update(|v| {
            v.lang = if v.lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }
        })
    };
    let is_open = move |p: Panel| panels.with(|ps| ps.contains(&p));
    // Panels out of sight wait (lazy.rs). The full page draws its first row
    // of panels at once (and the reader when a link or a concordance line
    // opens one of its paragraphs); an embed draws all of its own. `<main data-complete-ms>`
    // says when every panel near the viewport is there.
    let first_row = StoredValue::new(
        view.with_untracked(|v| cijing_view::ui_logic::first_row(&v.panels, two_columns())),
    );
    let eager_reader = view.with_untracked(|v| v.para.is_some());
    let is_embed = face.embed;
    // The reader opened by a concordance line or a plot strip comes at once too.
    let focus_reader = analysis.focus_reader;
    let eager = move |p: Panel| {
        is_embed
            || first_row.with_value(|row| row.contains(&p))
            || (p == Panel::Reader && (eager_reader || focus_reader.get_value()))
    };
    let unsettled = RwSignal::new(0usize);
    provide_context(lazy::Unsettled(unsettled));
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let settled = unsettled.get() == 0;
        if settled {
            if let Some(main) = panels_root.get() {
                let _ = main.set_attribute("data-complete-ms", &format!("{:.1}", now_ms()));
            }
        }
        settled
    });
    let embed = face.embed;
    let show_filters = !face.embed || face.filters;
    let full_view = move || {
        let query = view.with(|v| v.to_query(&ViewState::default()));
        format!("{}{query}", assets::asset_url(""))
    };
    let keep_offered = move |_| offered.set(Vec::new());
    let drop_offered = move |_| {
        let ids = offered.get_untracked();
        view.update(|v| {
            v.user_topics.retain(|t| !ids.contains(&t.id));
            v.filter.topics.include.retain(|id| !ids.contains(id));
            v.filter.topics.exclude.retain(|id| !ids.contains(id));
        });
        offered.set(Vec::new());
    };
    let progress_text = move || {
        let lang = lang.get();
        match build_progress.get() {
            None => t(lang, "segmenter.loading").to_string(),
            Some(segmenter::Progress::Segmenting { done, total }) => format!(
                "{} {}% ({:.1} / {:.1} MB)",
                t(lang, "segmenter.segmenting"),
                done * 100 / total.max(1),
                done as f64 / 1048576.0,
                total as f64 / 1048576.0
            ),
            Some(segmenter::Progress::Building { done, total }) => {
                format!(
                    "{} {}% ({done} / {total})",
                    t(lang, "segmenter.building"),
                    done * 100 / total.max(1)
                )
            }
        }
    };
    let segmenting_note = move || {
        segmenting.get().map(|state| match state {
            Ok(_) => view! {
                <p id="build-status" class="notice working" role="status">
                    <span class="progress-text">{progress_text}</span> " "
                    <button id="build-cancel" class="link" on:click=move |_| segmenter::cancel()>{tr(lang, "segmenter.cancel")}</button>
                </p>
            }
            .into_any(),
            Err(segmenter::WorkerError::Cancelled) => view! {
                <p id="build-status" class="notice" role="status">{tr(lang, "segmenter.cancelled")} " "
                    <button class="link" on:click=move |_| segmenting.set(None)>{tr(lang, "notice.ok")}</button>
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="notice" role="alert">{tr(lang, "segmenter.failed")} " " {e.to_string()}</p> }.into_any(),
        })
    };

    view! {
        <Show when=move || !embed>
            <a class="skip" href="#panels">{tr(lang, "app.skip")}</a>
            <header class="app-head">
                <h1><span class="logo">"词镜"</span>" cijing"</h1>
                <p class="tagline">{tr(lang, "app.tagline")}</p>
                <button id="lang-toggle" class="lang" on:click=toggle_lang aria-label=tr(lang, "app.lang.label")>
                    {tr(lang, "app.lang")}
                </button>
                <button id="share-toggle" class="lang" aria-expanded=move || sharing.get().to_string() on:click=move |_| sharing.update(|s| *s = !*s)>
                    {tr(lang, "share.button")}
                </button>
            </header>
            <Show when=move || sharing.get()><ShareBox /></Show>
        </Show>
        <Show when=move || embed>
            <p class="embed-head"><a class="open-full" href=full_view target="_blank" rel="noopener">{tr(lang, "embed.open")}</a></p>
        </Show>
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>{tr(lang, "notice.title")}</p>
                <ul>
                    <Rows each=move || notes.get().into_iter().enumerate() key=|(i, _)| *i let:((_, note))>
                        <li>{note}</li>
                    </Rows>
                </ul>
                <button on:click=move |_| set_notes.set(Vec::new())>{tr(lang, "notice.ok")}</button>
            </div>
        </Show>
        <Show when=move || offered.with(|o| !o.is_empty())>
            <div class="notice offered" role="status">
                <p>{move || format!("{} {}", t(lang.get(), "topics.offered"), offered.with(|o| o.len()))}</p>
                <button id="keep-offered" on:click=keep_offered>{tr(lang, "topics.offered.keep")}</button>
                <button id="drop-offered" on:click=drop_offered>{tr(lang, "topics.offered.drop")}</button>
            </div>
        </Show>
        {segmenting_note}
        <Show when=move || source.get().has_mine() && texts.loaded.get() && texts.list.with(|l| l.is_empty())>
            <p class="notice" id="texts-missing" role="note">{tr(lang, "texts.unloaded")}</p>
        </Show>
        {move || storage_problem.get().map(|(key, error)| view! {
            <p id="storage-notice" class="notice" role="alert">{t(lang.get(), key)} " " <code>{error}</code></p>
        })}
        <Show when=move || show_filters><filter_bar::FilterBar /><search::SearchBox /></Show>
        <Show when=move || !embed><settings::SettingsBar /></Show>
        <main id="panels" class="panels" class:embedded=embed tabindex="-1" node_ref=panels_root>
            {Panel::ALL
                .into_iter()
                .map(|panel| view! {
                    <Show when=move || is_open(panel)><lazy::Lazy panel=panel eager=eager(panel)>{panel_component(panel)}</lazy::Lazy></Show>
                })
                .collect_view()}
        </main>
        <Show when=move || !embed><dictionary::SelectionAdder /></Show>
    }
}

/// The view's link and the two ways to embed it, ready to copy.
#[component]
fn ShareBox() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let query = move || analysis.view.with(|v| v.to_query(&ViewState::default()));
    let base = move || {
        let location = web_sys::window().map(|w| w.location());
        let origin = location
            .as_ref()
            .and_then(|l| l.origin().ok())
            .unwrap_or_default();
        let path = location
            .as_ref()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default();
        let dir = path
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| format!("{dir}/"));
        format!("{origin}{dir}")
    };
    let link = move || format!("{}{}", base(), query());
    let panels = move || {
        analysis
            .panels
            .with(|ps| ps.iter().map(|p| p.code()).collect::<Vec<_>>().join(","))
    };
    let view_part = move || query().trim_start_matches('?').to_string();
    let iframe = move || {
        let q = view_part();
        let sep = if q.is_empty() { "" } else { "&amp;" };
        format!("<iframe src=\"{}?embed={}{sep}{}\" width=\"600\" height=\"450\" title=\"cijing\" loading=\"lazy\"></iframe>", base(), panels(), q.replace('&', "&amp;"))
    };
    let element = move || {
        format!(
            "<script type=\"module\" src=\"{}cijing-embed.js\"></script>\n<cijing-view panels=\"{}\" view=\"{}\" lang=\"{}\"></cijing-view>",
            base(),
            panels(),
            view_part().replace('&', "&amp;"),
            lang.get().code()
        )
    };
    let (copied, set_copied) = signal(false);
    let copy = move |_| {
        let text = link();
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok());
        if let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) {
            if let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) {
                if let Some(write) = write.dyn_ref::<js_sys::Function>() {
                    let _ = write.call1(&clipboard, &text.into());
                    set_copied.set(true);
                }
            }
        }
    };
    view! {
        <section class="share" aria-label=tr(lang, "share.button")>
            <Show when=move || analysis.view.with(|v| v.source.has_mine())>
                <p class="notice" id="share-own-texts" role="note">{tr(lang, "share.own_texts")}</p>
            </Show>
            <label class="share-row">
                <span>{tr(lang, "share.link")}</span>
                <input id="share-link" readonly prop:value=link />
            </label>
            <button id="copy-link" on:click=copy>
                {move || if copied.get() { t(lang.get(), "share.copied") } else { t(lang.get(), "share.copy") }}
            </button>
            <label class="share-row">
                <span>{tr(lang, "share.iframe")}</span>
                <textarea id="share-iframe" readonly rows="3" prop:value=iframe></textarea>
            </label>
            <label class="share-row">
                <span>{tr(lang, "share.element")}</span>
                <textarea id="share-element" readonly rows="3" prop:value=element></textarea>
            </label>
        </section>
    }
}

/// Marks the term buttons under `root` whose `data-term` is `term` as
/// selected (class and `aria-pressed`), and the others as not, touching only
/// the buttons whose state changes.
fn mark_selected_terms(root: &web_sys::Element, term: Option<&str>) {
    let Ok(buttons) = root.query_selector_all("button[data-term]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let on = term.is_some() && button.get_attribute("data-term").as_deref() == term;
        let classes = button.class_list();
        if classes.contains("selected") != on {
            let _ = classes.toggle_with_force("selected", on);
            let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    }
}

/// The `embed=…&chrome=…` part an iframe embed keeps in its URL.
fn embed_query_part(face: &Face) -> String {
    let mut part = String::from("embed=1");
    if face.filters {
        part.push_str("&chrome=filters");
    }
    part
}

/// Posts `{ type: 'cijing-height', height }` to the parent window whenever
/// the embed's height changes, so a one-line host script can size the frame.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let post = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let height = window
            .document()
            .and_then(|d| d.document_element())
            .map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"cijing-height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        callback.forget();
        std::mem::forget(observer);
    }
}

/// A short description of the selection, for chart captions:
/// "全部文献 (17) · 2019–2025" or "3 篇文献 · KG · 2023–2025".
pub fn describe_selection(analysis: &Analysis) -> String {
    let corpus = analysis.corpus.get();
    let docs = analysis.selection.with(|s| s.docs(&corpus));
    let dates: Vec<String> = docs
        .iter()
        .map(|&d| corpus.docs[d].info.date.to_string())
        .collect();
    let labels: Vec<DocLabel> = docs
        .iter()
        .zip(&dates)
        .map(|(&d, date)| DocLabel {
            title: &corpus.docs[d].info.title,
            date,
        })
        .collect();
    analysis.filter.with(|filter| {
        let merge = analysis.merge_aliases.get();
        let lang = analysis.lang();
        if filter.topics.is_active() {
            analysis.topics.with(|topics| {
                cijing_view::ui_logic::describe_selection(lang, filter, merge, &labels, topics)
            })
        } else {
            cijing_view::ui_logic::describe_selection(lang, filter, merge, &labels, &[])
        }
    })
}

/// Short parts for export file names: the documents or filters chosen.
pub fn selection_slug(analysis: &Analysis) -> String {
    analysis.filter.with(cijing_view::ui_logic::selection_slug)
}
