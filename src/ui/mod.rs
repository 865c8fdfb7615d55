//! The web face (wasm only): mounts the Leptos app, owns the shared view
//! state and keeps it mirrored in the URL. Panels live one per file.

mod doc_list;
mod term_panel;

use crate::engine::{Corpus, SegmentOptions, Segmenter};
use doc_list::DocumentList;
use leptos::prelude::*;
use crate::view_state::ViewState;
use std::sync::Arc;
use term_panel::TermPanel;
use wasm_bindgen::prelude::*;

/// The segmented corpus every panel reads.
pub type CorpusHandle = Arc<Corpus>;

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Builds the corpus, mounts the app and records start-up timings on the
/// root element (`data-dict-ms`, `data-corpus-ms`, `data-ready-ms`).
pub fn start() {
    console_error_panic_hook::set_once();
    let t0 = now_ms();
    let segmenter = Segmenter::builtin();
    let t1 = now_ms();
    let corpus = Arc::new(Corpus::builtin(&segmenter, SegmentOptions::default()));
    let t2 = now_ms();
    let document = web_sys::window().and_then(|w| w.document()).expect("a page has a document");
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let root = document.get_element_by_id("app").expect("index.html has <div id=app>");
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root.clone(), move || view! { <App corpus=corpus.clone() /> }).forget();
    let _ = root.set_attribute("data-dict-ms", &format!("{:.1}", t1 - t0));
    let _ = root.set_attribute("data-corpus-ms", &format!("{:.1}", t2 - t1));
    let _ = root.set_attribute("data-ready-ms", &format!("{:.1}", now_ms()));
}

/// Segments the whole built-in corpus `rounds` times with a fresh
/// segmenter and returns JSON timings; used by the in-browser benchmark.
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

#[component]
pub fn App(corpus: CorpusHandle) -> impl IntoView {
    let (initial, notes) = ViewState::from_query(&current_query(), &corpus);
    let view_state = RwSignal::new(initial);
    provide_context(corpus);
    provide_context(view_state);

    // Mirror the view in the URL as the user works (replaceState: no history spam).
    Effect::new(move |_| {
        let query = view_state.with(|s| s.to_query());
        if let Some(window) = web_sys::window() {
            let path = window.location().pathname().unwrap_or_default();
            if current_query() != query {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
                }
            }
        }
    });

    let (notes, set_notes) = signal(notes);
    view! {
        <header class="app-head">
            <h1><span class="logo">"词镜"</span>" cijing"</h1>
            <p class="tagline">"Read a Chinese corpus with numbers — in your browser, nothing to install."</p>
        </header>
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>"Some settings in this link were not understood:"</p>
                <ul>{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button on:click=move |_| set_notes.set(Vec::new())>"OK"</button>
            </div>
        </Show>
        <main class="layout">
            <DocumentList />
            <TermPanel />
        </main>
    }
}
