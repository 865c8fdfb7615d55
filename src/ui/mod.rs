//! The web face (wasm only): mounts the Leptos app, owns the shared view
//! state, keeps it mirrored in the URL, and derives what every panel reads
//! (corpus, selection, term options, selected term). Panels live one per
//! file and only read this and write the view state.

mod collocates;
mod contexts;
mod download;
mod filter_bar;

mod keyness;
mod panel;
mod phrases;
mod reader;
mod settings;
mod summary;
mod term_panel;
mod topics;
mod trends;
mod word_cloud;

use crate::engine::query::Query;
use crate::engine::selection::{select_with_topics, Selection};
use crate::engine::topics::{builtin_topics, score_corpus, TopicScores};
use crate::engine::keyness::{keyness, KeynessTable, Reference};
use crate::engine::stats::{term_table, TermOptions, TermTable};
use crate::engine::{Corpus, SegmentOptions, Segmenter};
use crate::ui_logic::DocLabel;
use crate::engine::kwic::KwicSort;
use crate::engine::selection::Filter;
use crate::engine::topics::Topic;
use crate::i18n::t;
use crate::view_state::{Lang, Panel, ViewState};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// Where the browser keeps the user's topics.
const USER_TOPICS_KEY: &str = "cijing.user-topics";

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

/// What every panel reads. All fields are cheap copies of reactive handles.
///
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
    /// Which term is selected, notifying only the buttons whose state changes.
    selected_term: StoredValue<Selector<Option<String>>>,
    /// Segmented with the view's mode and HMM setting.
    pub corpus: Memo<SharedCorpus>,
    pub selection: Memo<Selection>,
    /// Every paragraph's score for every topic (shipped and the user's).
    pub topic_scores: Memo<TopicScores>,
    /// The selection's term table (every term; panels take their top N).
    pub terms: Memo<TermTable>,
    /// Keyness of the selection against the rest (G² ≥ 3.84), or None when
    /// the selection is the whole corpus or empty.
    pub keyness: Memo<Option<KeynessTable>>,
    /// The selected term, resolved against the corpus (None when none is
    /// selected or it does not occur with the current segmentation).
    pub query: Memo<Option<Query>>,
    pub segmenter: StoredValue<Arc<Segmenter>>,
    /// Width in pixels for charts in a half-width panel and a full-width one.
    pub chart_width: RwSignal<(u32, u32)>,
}

impl Analysis {
    /// The interface language (tracked: re-runs only when it changes).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Whether `term` is the selected term (tracked per term).
    pub fn is_selected_term(&self, term: &str) -> bool {
        self.selected_term.with_value(|s| s.selected(&Some(term.to_string())))
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
fn slice<T: Clone + PartialEq + Send + Sync + 'static>(view: RwSignal<ViewState>, part: fn(&ViewState) -> T) -> Memo<T> {
    Memo::new(move |_| view.with(part))
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Chart widths for the current window: (half-width panel, full-width panel).
fn chart_widths() -> (u32, u32) {
    let viewport = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(1024.0);
    let full = (viewport - 64.0).clamp(300.0, 1100.0);
    let half = if viewport >= 1100.0 { (viewport - 96.0) / 2.0 } else { full };
    (half.clamp(300.0, 760.0) as u32, full as u32)
}

/// Builds the corpus, mounts the app and records start-up timings on the
/// root element (`data-dict-ms`, `data-corpus-ms`, `data-ready-ms`).
pub fn start() {
    console_error_panic_hook::set_once();
    let t0 = now_ms();
    let segmenter = Arc::new(Segmenter::builtin());
    let t1 = now_ms();
    let corpus = Arc::new(Corpus::builtin(&segmenter, SegmentOptions::default()));
    let t2 = now_ms();
    let document = web_sys::window().and_then(|w| w.document()).expect("a page has a document");
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let root = document.get_element_by_id("app").expect("index.html has <div id=app>");
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root.clone(), move || view! { <App segmenter=segmenter.clone() corpus=corpus.clone() /> })
        .forget();
    let _ = root.set_attribute("data-dict-ms", &format!("{:.1}", t1 - t0));
    let _ = root.set_attribute("data-corpus-ms", &format!("{:.1}", t2 - t1));
    let _ = root.set_attribute("data-ready-ms", &format!("{:.1}", now_ms()));
}

/// Segments the whole built-in corpus `rounds` times and returns JSON
/// timings; used by the in-browser benchmark.
#[wasm_bindgen]
pub fn bench_segment_corpus(rounds: u32) -> String {
    let segmenter = Segmenter::builtin();
    let docs = crate::engine::corpus::builtin_documents();
    let chars: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.chars().count()).sum();
    let mut times = Vec::new();
    for _ in 0..rounds.max(1) {
        let t = now_ms();
        let corpus = Corpus::from_documents(docs.clone(), &segmenter, SegmentOptions::default());
        std::hint::black_box(&corpus);
        times.push(now_ms() - t);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    format!("{{\"chars\":{chars},\"median_ms\":{:.2},\"min_ms\":{:.2}}}", times[times.len() / 2], times[0])
}

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The default view for this browser (its language).
fn browser_default() -> ViewState {
    let tag = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    ViewState::for_browser(&tag)
}

#[component]
pub fn App(segmenter: Arc<Segmenter>, corpus: Arc<Corpus>) -> impl IntoView {
    let base = browser_default();
    let (mut initial, mut notes) = ViewState::from_query(&current_query(), &corpus, base.clone());
    if !current_query().contains("ut=") {
        let saved = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).and_then(|s| s.get_item(USER_TOPICS_KEY).ok().flatten());
        if let Some(saved) = saved {
            let (topics, problems) = crate::view_state::decode_user_topics(&saved);
            initial.user_topics = topics;
            notes.extend(problems);
        }
    }
    let view = RwSignal::new(initial);
    let segmenter = StoredValue::new(segmenter);
    let first_corpus = StoredValue::new(Some(corpus));

    let lang = slice(view, |v| v.lang);
    let term = slice(view, |v| v.term.clone());
    let top = slice(view, |v| v.top);
    let filter = slice(view, |v| v.filter.clone());
    let threshold = slice(view, |v| v.filter.topics.threshold);
    let kwic_sort = slice(view, |v| v.kwic_sort);
    let read = slice(view, |v| v.read.clone());
    let para = slice(view, |v| v.para);
    let show_segments = slice(view, |v| v.show_segments);
    let panels = slice(view, |v| v.panels.clone());
    let user_topics = slice(view, |v| v.user_topics.clone());
    let segment_options = slice(view, |v| SegmentOptions { mode: v.mode, hmm: v.hmm });
    let merge_aliases = slice(view, |v| v.merge_aliases);
    let term_options = slice(view, |v| TermOptions {
        min_len: v.min_len,
        pos: v.pos.clone(),
        drop_stopwords: v.drop_stopwords,
        merge_aliases: v.merge_aliases,
    });
    let topics = Memo::new(move |_| builtin_topics().into_iter().chain(user_topics.get()).collect::<Vec<_>>());
    let selected_term = StoredValue::new(Selector::new(move || term.get()));

    // Re-segment when the segmentation settings change (the start-up corpus
    // is reused for the default settings).
    let corpus = Memo::new(move |_| {
        let options = segment_options.get();
        if let Some(c) = first_corpus.with_value(|c| c.clone()).filter(|c| c.options == options) {
            return SharedCorpus(c);
        }
        let seg = segmenter.get_value();
        SharedCorpus(Arc::new(Corpus::builtin(&seg, options)))
    });
    let topic_scores = Memo::new(move |_| topics.with(|topics| corpus.with(|c| score_corpus(c, topics))));
    let selection = Memo::new(move |_| {
        filter.with(|filter| {
            corpus.with(|c| topic_scores.with(|scores| select_with_topics(c, filter, scores).unwrap_or_else(|_| Selection::all(c))))
        })
    });
    let terms = Memo::new(move |_| term_options.with(|options| corpus.with(|c| selection.with(|s| term_table(c, s, options)))));
    let key_terms = Memo::new(move |_| {
        term_options.with(|options| {
            corpus.with(|c| selection.with(|s| (!s.is_empty() && !s.complement().is_empty()).then(|| keyness(c, s, Reference::Rest, options, 3.84))))
        })
    });
    let query = Memo::new(move |_| {
        let term = term.get()?;
        let merge = merge_aliases.get();
        corpus.with(|c| segmenter.with_value(|s| Query::parse(c, s, &term, merge).ok()))
    });
    let chart_width = RwSignal::new(chart_widths());
    let analysis = Analysis {
        view,
        lang,
        term,
        top,
        filter,
        threshold,
        kwic_sort,
        read,
        para,
        show_segments,
        panels,
        user_topics,
        topics,
        segment_options,
        merge_aliases,
        term_options,
        selected_term,
        corpus,
        selection,
        topic_scores,
        terms,
        keyness: key_terms,
        query,
        segmenter,
        chart_width,
    };
    // User topics are also kept in the browser, for visits without a link.
    Effect::new(move |_| {
        let saved = user_topics.with(|topics| crate::view_state::encode_user_topics(topics));
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(USER_TOPICS_KEY, &saved);
        }
    });
    provide_context(analysis);

    // Mirror the view in the URL as the user works (replaceState: no history spam).
    Effect::new(move |_| {
        let query = view.with(|s| s.to_query(&base));
        if let Some(window) = web_sys::window() {
            let path = window.location().pathname().unwrap_or_default();
            if current_query() != query {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
                }
            }
        }
    });
    // Keep <html lang> in step with the interface language (only when it
    // changes: setting it restyles the whole document).
    Effect::new(move |_| {
        let code = if lang.get() == Lang::Zh { "zh-Hans" } else { "en" };
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            if html.get_attribute("lang").as_deref() != Some(code) {
                let _ = html.set_attribute("lang", code);
            }
        }
    });
    // Charts follow the window size (re-drawn once the resizing settles).
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let widths = chart_widths();
        if chart_width.get_untracked() != widths {
            chart_width.set(widths);
        }
    });
    on_cleanup(move || resize.remove());

    let (notes, set_notes) = signal(notes.into_iter().enumerate().collect::<Vec<_>>());
    let lang = move || analysis.lang();
    let toggle_lang = move |_| view.update(|v| v.lang = if v.lang == Lang::Zh { Lang::En } else { Lang::Zh });
    let is_open = move |p: Panel| panels.with(|open| open.contains(&p));

    view! {
        <a class="skip" href="#panels">{move || t(lang(), "app.skip")}</a>
        <header class="app-head">
            <h1><span class="logo">"词镜"</span>" cijing"</h1>
            <p class="tagline">{move || t(lang(), "app.tagline")}</p>
            <button id="lang-toggle" class="lang" on:click=toggle_lang aria-label=move || t(lang(), "app.lang.label")>
                {move || t(lang(), "app.lang")}
            </button>
        </header>
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>{move || t(lang(), "notice.title")}</p>
                <ul>
                    <For each=move || notes.get() key=|note| note.clone() children=|(_, note)| view! { <li>{note}</li> } />
                </ul>
                <button on:click=move |_| set_notes.set(Vec::new())>{move || t(lang(), "notice.ok")}</button>
            </div>
        </Show>
        <filter_bar::FilterBar />
        <settings::SettingsBar />
        <main id="panels" class="panels" tabindex="-1">
            <Show when=move || is_open(Panel::Summary)><summary::SummaryPanel /></Show>
            <Show when=move || is_open(Panel::Topics)><topics::TopicsPanel /></Show>
            <Show when=move || is_open(Panel::Terms)><term_panel::TermPanel /></Show>
            <Show when=move || is_open(Panel::Cloud)><word_cloud::CloudPanel /></Show>
            <Show when=move || is_open(Panel::Trends)><trends::TrendsPanel /></Show>
            <Show when=move || is_open(Panel::Contexts)><contexts::ContextsPanel /></Show>
            <Show when=move || is_open(Panel::Reader)><reader::ReaderPanel /></Show>
            <Show when=move || is_open(Panel::Collocates)><collocates::CollocatesPanel /></Show>
            <Show when=move || is_open(Panel::Phrases)><phrases::PhrasesPanel /></Show>
            <Show when=move || is_open(Panel::Keyness)><keyness::KeynessPanel /></Show>
        </main>
    }
}

/// A short description of the selection, for chart captions:
/// "全部文献 (17) · 2019–2025" or "3 篇文献 · KG · 2023–2025".
pub fn describe_selection(analysis: &Analysis) -> String {
    let corpus = analysis.corpus.get();
    let docs = analysis.selection.with(|s| s.docs(&corpus));
    let labels: Vec<DocLabel> = docs.iter().map(|&d| DocLabel { title: &corpus.docs[d].info.title, date: &corpus.docs[d].info.date }).collect();
    analysis.filter.with(|filter| {
        let merge = analysis.merge_aliases.get();
        let lang = analysis.lang();
        if filter.topics.is_active() {
            analysis.topics.with(|topics| crate::ui_logic::describe_selection(lang, filter, merge, &labels, topics))
        } else {
            crate::ui_logic::describe_selection(lang, filter, merge, &labels, &[])
        }
    })
}

/// Short parts for export file names: the documents or filters chosen.
pub fn selection_slug(analysis: &Analysis) -> String {
    analysis.filter.with(crate::ui_logic::selection_slug)
}
