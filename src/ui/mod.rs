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
use crate::view_state::{Panel, ViewState};
use crate::i18n::t;
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
#[derive(Clone, Copy)]
pub struct Analysis {
    pub view: RwSignal<ViewState>,
    /// Segmented with the view's mode and HMM setting.
    pub corpus: Memo<SharedCorpus>,
    pub selection: Memo<Selection>,
    /// Every paragraph's score for every topic (shipped and the user's).
    pub topic_scores: Memo<TopicScores>,
    pub term_options: Memo<TermOptions>,
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
    pub fn lang(&self) -> crate::view_state::Lang {
        self.view.with(|v| v.lang)
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

    // Re-segment when the segmentation settings change (the start-up corpus
    // is reused for the default settings).
    let corpus = Memo::new(move |_| {
        let options = view.with(|v| SegmentOptions { mode: v.mode, hmm: v.hmm });
        if let Some(c) = first_corpus.with_value(|c| c.clone()).filter(|c| c.options == options) {
            return SharedCorpus(c);
        }
        let seg = segmenter.get_value();
        SharedCorpus(Arc::new(Corpus::builtin(&seg, options)))
    });
    let topic_scores = Memo::new(move |_| {
        let topics: Vec<_> = builtin_topics().into_iter().chain(view.with(|v| v.user_topics.clone())).collect();
        corpus.with(|c| score_corpus(c, &topics))
    });
    let selection = Memo::new(move |_| {
        let filter = view.with(|v| v.filter.clone());
        corpus.with(|c| topic_scores.with(|scores| select_with_topics(c, &filter, scores).unwrap_or_else(|_| Selection::all(c))))
    });
    let term_options = Memo::new(move |_| {
        view.with(|v| TermOptions {
            min_len: v.min_len,
            pos: v.pos.clone(),
            drop_stopwords: v.drop_stopwords,
            merge_aliases: v.merge_aliases,
        })
    });
    let terms = Memo::new(move |_| {
        let options = term_options.get();
        corpus.with(|c| selection.with(|s| term_table(c, s, &options)))
    });
    let key_terms = Memo::new(move |_| {
        let options = term_options.get();
        corpus.with(|c| {
            selection.with(|s| (!s.is_empty() && !s.complement().is_empty()).then(|| keyness(c, s, Reference::Rest, &options, 3.84)))
        })
    });
    let query = Memo::new(move |_| {
        let (term, merge) = view.with(|v| (v.term.clone(), v.merge_aliases));
        let term = term?;
        corpus.with(|c| segmenter.with_value(|s| Query::parse(c, s, &term, merge).ok()))
    });
    let chart_width = RwSignal::new(chart_widths());
    let analysis = Analysis { view, corpus, selection, topic_scores, term_options, terms, keyness: key_terms, query, segmenter, chart_width };
    // User topics are also kept in the browser, for visits without a link.
    Effect::new(move |_| {
        let saved = view.with(|v| crate::view_state::encode_user_topics(&v.user_topics));
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(USER_TOPICS_KEY, &saved);
        }
    });
    provide_context(analysis);

    // Mirror the view in the URL as the user works (replaceState: no history spam),
    // and keep <html lang> in step with the interface language.
    Effect::new(move |_| {
        let (query, lang) = view.with(|s| (s.to_query(&base), s.lang));
        if let Some(window) = web_sys::window() {
            if let Some(html) = window.document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", if lang == crate::view_state::Lang::Zh { "zh-Hans" } else { "en" });
            }
            let path = window.location().pathname().unwrap_or_default();
            if current_query() != query {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
                }
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

    let (notes, set_notes) = signal(notes);
    let lang = move || view.with(|v| v.lang);
    let toggle_lang = move |_| {
        view.update(|v| {
            v.lang = if v.lang == crate::view_state::Lang::Zh { crate::view_state::Lang::En } else { crate::view_state::Lang::Zh }
        })
    };
    let is_open = move |p: Panel| view.with(|v| v.is_open(p));

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
                <ul>{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
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
    let lang = analysis.lang();
    let (filter, merge) = analysis.view.with(|v| (v.filter.clone(), v.merge_aliases));
    let corpus = analysis.corpus.get();
    let docs = analysis.selection.with(|s| s.docs(&corpus));
    let labels: Vec<DocLabel> = docs.iter().map(|&d| DocLabel { title: &corpus.docs[d].info.title, date: &corpus.docs[d].info.date }).collect();
    if filter.topics.is_active() {
        analysis.topic_scores.with(|s| crate::ui_logic::describe_selection(lang, &filter, merge, &labels, &s.topics))
    } else {
        crate::ui_logic::describe_selection(lang, &filter, merge, &labels, &[])
    }
}

/// Short parts for export file names: the documents or filters chosen.
pub fn selection_slug(analysis: &Analysis) -> String {
    analysis.view.with(|v| crate::ui_logic::selection_slug(&v.filter))
}
