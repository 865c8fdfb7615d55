//! The corpus on screen: the shipped tokens for the default settings,
//! otherwise one the worker segments for the view's segmentation settings,
//! user words and texts (the current corpus stays on screen until the new
//! one is ready), and the note that says how far that has got.

use super::segmenter::{self, Progress, WorkerError};
use super::texts::{Texts, UserText};
use super::{panel, tr, Analysis, SharedCorpus};
use cijing_engine::text::user_words::UserWord;
use cijing_engine::{Corpus, SegmentOptions};
use cijing_view::i18n::t;
use cijing_view::view_state::{CorpusSource, ViewState};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// What a corpus is segmented with: the settings, the user's words, the
/// texts it holds and (for the user's texts) their content key.
type CorpusKey = (SegmentOptions, Vec<UserWord>, CorpusSource, u64);

/// The corpora made so far and the one being made.
#[derive(Clone, Copy)]
pub struct Corpora {
    /// The corpus on screen.
    pub corpus: Memo<SharedCorpus>,
    /// The corpus being segmented, or why the last one was not.
    segmenting: RwSignal<Option<Result<CorpusKey, WorkerError>>>,
    /// How far the worker and the page have got with it.
    progress: RwSignal<Option<Progress>>,
}

impl Corpora {
    /// The corpus for `view`'s settings over the `shipped` one, with the
    /// user's `texts`; a build the user cancels puts the view back on the
    /// corpus on screen.
    pub fn new(view: RwSignal<ViewState>, texts: Texts, shipped: Arc<Corpus>) -> Corpora {
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
        let wanted_key = Memo::new(move |_| {
            let (options, words, source) = view.with(|v| {
                (SegmentOptions { mode: v.mode, hmm: v.hmm }, v.user_words.clone(), v.source)
            });
            (options, words, source, if source.has_mine() { texts_key.get() } else { 0 })
        });
        let default_key: CorpusKey = (shipped.options, Vec::new(), CorpusSource::Seeds, 0);
        let made =
            RwSignal::new(HashMap::from([(default_key.clone(), SharedCorpus(shipped.clone()))]));
        let shown = StoredValue::new((default_key, SharedCorpus(shipped)));
        let corpora = Corpora {
            corpus: Memo::new(move |_| {
                let found = wanted_key.with(|wanted| {
                    made.with(|c: &HashMap<CorpusKey, SharedCorpus>| {
                        c.get(wanted).cloned().map(|found| (wanted.clone(), found))
                    })
                });
                match found {
                    Some((key, c)) => {
                        shown.set_value((key, c.clone()));
                        c
                    }
                    None => shown.with_value(|(_, c)| c.clone()),
                }
            }),
            segmenting: RwSignal::new(None),
            progress: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let wanted = wanted_key.get();
            if made.with_untracked(|c| c.contains_key(&wanted))
                || corpora.segmenting.with_untracked(|s| s.as_ref() == Some(&Ok(wanted.clone())))
            {
                return;
            }
            // Only the user's texts, and none yet: nothing to segment.
            let mine = if wanted.2.has_mine() { texts.list.get_untracked() } else { Vec::new() };
            if !wanted.2.has_seeds() && mine.is_empty() {
                return;
            }
            corpora.segmenting.set(Some(Ok(wanted.clone())));
            let key = wanted.clone();
            let done = move |result: Result<Corpus, WorkerError>| {
                corpora.progress.set(None);
                match result {
                    Ok(corpus) => {
                        made.update(|c| {
                            // A few corpora are kept: each word list or text set makes a new one.
                            if c.len() > 6 {
                                c.retain(|k, _| k.1.is_empty() && k.2 == CorpusSource::Seeds);
                            }
                            c.insert(key, SharedCorpus(Arc::new(corpus)));
                        });
                        corpora.segmenting.set(None);
                    }
                    Err(e) => {
                        // Cancelled: the view goes back to the corpus on screen.
                        if e == WorkerError::Cancelled {
                            let before = shown.with_value(|(key, _)| key.2);
                            view.update(|v| v.source = before);
                        }
                        corpora.segmenting.set(Some(Err(e)));
                    }
                }
            };
            let progress = move |p| corpora.progress.set(Some(p));
            let mine: Vec<_> = mine.iter().map(UserText::to_segment).collect();
            let job = BuildJob {
                options: wanted.0,
                words: wanted.1,
                seeds: wanted.2.has_seeds(),
                texts: mine,
                progress: Box::new(progress),
                done: Box::new(done),
            };
            leptos::task::spawn_local(async move {
                if let Err(e) = build_split_out(job).await {
                    corpora.progress.set(None);
                    let why = format!("the segmenter's code could not be loaded: {e}");
                    corpora.segmenting.set(Some(Err(WorkerError::Failed(why))));
                }
            });
        });
        corpora
    }
}

/// A corpus to build ([`segmenter::build_corpus`]'s arguments).
struct BuildJob {
    options: SegmentOptions,
    words: Vec<UserWord>,
    seeds: bool,
    texts: Vec<segmenter::TextToSegment>,
    progress: Box<dyn Fn(Progress)>,
    done: Box<dyn FnOnce(Result<Corpus, WorkerError>)>,
}

/// Builds a corpus with the worker. Split out of the page's wasm with the
/// panels: the worker protocol and the sliced build load with the first
/// corpus that is not the shipped one, never with the page.
#[wasm_split(panels, fallible)]
fn build_split_out(job: BuildJob) -> Result<(), SplitLoaderError> {
    let BuildJob { options, words, seeds, texts, progress, done } = job;
    segmenter::build_corpus(options, &words, seeds, &texts, progress, done);
    Ok(())
}

/// How far a corpus being segmented has got (with Cancel), that it was
/// cancelled, or why it failed.
#[component]
pub fn BuildStatus() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    let lang = expect_context::<Analysis>().lang;
    let progress_text = move || {
        let lang = lang.get();
        match corpora.progress.get() {
            None => t(lang, "segmenter.loading").to_string(),
            Some(Progress::Segmenting { done, total }) => format!(
                "{} {}% ({:.1} / {:.1} MB)",
                t(lang, "segmenter.segmenting"),
                done * 100 / total.max(1),
                done as f64 / 1048576.0,
                total as f64 / 1048576.0
            ),
            Some(Progress::Building { done, total }) => {
                format!(
                    "{} {}% ({done} / {total})",
                    t(lang, "segmenter.building"),
                    done * 100 / total.max(1)
                )
            }
        }
    };
    move || {
        corpora.segmenting.get().map(|state| match state {
            Ok(_) => view! {
                <p id="build-status" class="notice working" role="status">
                    <span class="progress-text">{progress_text}</span> " "
                    <button id="build-cancel" class="link" on:click=move |_| segmenter::cancel()>{tr(lang, "segmenter.cancel")}</button>
                </p>
            }
            .into_any(),
            Err(WorkerError::Cancelled) => view! {
                <p id="build-status" class="notice" role="status">{tr(lang, "segmenter.cancelled")} " "
                    <button class="link" on:click=move |_| corpora.segmenting.set(None)>{tr(lang, "notice.ok")}</button>
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="notice" role="alert">{tr(lang, "segmenter.failed")} " " {e.to_string()}</p> }.into_any(),
        })
    }
}
