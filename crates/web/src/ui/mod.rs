//! The web face (wasm only): mounts the Leptos app (the full page, an iframe
//! embed or a `<cijing-view>` element), owns each one's view state, keeps
//! the page's mirrored in the URL, and derives what every panel reads
//! (corpus, selection, term options, selected term). Panels live one per
//! file and only read this and write the view state.

mod analysis;
mod assets;
mod clusters;
mod collocates;
mod contexts;
mod corpora;
mod dictionary;
mod download;
mod embed;
mod filter_bar;
mod head;
mod keyness;
mod lazy;
mod lda_topics;
mod mirror;
mod panel;
mod pdf;
mod phrases;
mod plot;
mod reader;
mod rows;
mod saved;
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
mod user_topics;
mod word_cloud;

pub use analysis::{describe_selection, selection_slug, Analysis};
use cijing_engine::Corpus;
use cijing_view::i18n::t;
use cijing_view::view_state::{Lang, Panel, ViewState};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

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

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
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
    let half = if viewport >= 1100.0 { (viewport - 96.0) / 2.0 } else { full };
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
        Page { face, initial, notes, base }
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

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The default view for this browser (its language).
fn browser_default() -> ViewState {
    let tag = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
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
    let (mut initial, mut notes) = (initial, notes);
    let saved = face.keep_topics.then(|| saved::load(&mut initial, &mut notes));
    let storage_problem = RwSignal::new(saved.as_ref().and_then(|s| s.problem.clone()));
    let offered = RwSignal::new(saved.as_ref().map(|s| s.offered.clone()).unwrap_or_default());
    let view = RwSignal::new(initial);
    if let Some(out) = &face.view_out {
        out.set(Some(view));
    }
    let texts = texts::Texts::load();
    provide_context(texts);
    let corpora = corpora::Corpora::new(view, texts, corpus);
    provide_context(corpora);
    let analysis = Analysis::new(view, corpora.corpus, offered);
    provide_context(analysis);
    provide_context(SplitRetry(RwSignal::new(0)));
    if let Some(saved) = saved {
        saved::keep_saving(saved, analysis, storage_problem);
    }
    if face.mirror_url {
        mirror::mirror_url(view, analysis.lang, base, &face);
    }
    let panels_root = NodeRef::<leptos::html::Main>::new();
    mirror::mark_term_buttons(analysis.term, panels_root);
    if let Some(on_select) = face.on_select {
        mirror::tell_host_the_term(on_select, analysis.term, view);
    }
    if face.report_height {
        mirror::report_height();
    }
    mirror::follow_window_width(analysis.chart_width);
    let embed = face.embed;
    let show_filters = !face.embed || face.filters;
    view! {
        <Show when=move || !embed><head::Header /></Show>
        <Show when=move || embed><head::EmbedHead /></Show>
        <head::Notes notes=notes />
        <head::OfferedTopics />
        <corpora::BuildStatus />
        <head::StorageNotices problem=storage_problem />
        <Show when=move || show_filters><filter_bar::FilterBar /><search::SearchBox /></Show>
        <Show when=move || !embed><settings::SettingsBar /></Show>
        <Panels embed=embed panels_root=panels_root />
        <Show when=move || !embed><dictionary::SelectionAdder /></Show>
    }
}

/// The open panels, each mounted when it comes near the viewport (lazy.rs).
/// The full page draws its first row of panels at once (and the reader
/// when a link or a concordance line opens one of its paragraphs); an
/// embed draws all of its own. `<main data-complete-ms>` says when every
/// panel near the viewport is there.
#[component]
fn Panels(embed: bool, panels_root: NodeRef<leptos::html::Main>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let panels = analysis.panels;
    let first_row = StoredValue::new(
        analysis
            .view
            .with_untracked(|v| cijing_view::ui_logic::first_row(&v.panels, two_columns())),
    );
    let eager_reader = analysis.view.with_untracked(|v| v.para.is_some());
    // The reader opened by a concordance line or a plot strip comes at once too.
    let focus_reader = analysis.focus_reader;
    let eager = move |p: Panel| {
        embed
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
    view! {
        <main id="panels" class="panels" class:embedded=embed tabindex="-1" node_ref=panels_root>
            {Panel::ALL
                .into_iter()
                .map(|panel| view! {
                    <Show when=move || panels.with(|ps| ps.contains(&panel))><lazy::Lazy panel=panel eager=eager(panel)>{panel_component(panel)}</lazy::Lazy></Show>
                })
                .collect_view()}
        </main>
    }
}
