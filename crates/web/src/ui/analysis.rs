//! What every panel reads ([`Analysis`]): the view's parts as memos, and
//! what the engine derives from them for the corpus on screen (selection,
//! topic scores, term table, keyness, the selected term's query).

use super::{Shared, SharedCorpus};
use cijing_engine::corpus::query::Query;
use cijing_engine::corpus::selection::{select, select_documents, Filter, Selection};
use cijing_engine::statistics::collocates::CollocateOptions;
use cijing_engine::statistics::keyness::{keyness, KeynessOptions, KeynessTable, Reference};
use cijing_engine::statistics::kwic::KwicSort;
use cijing_engine::statistics::stats::{term_table, TermOptions, TermTable};
use cijing_engine::statistics::topics::{score_corpus, Topic, TopicScores};
use cijing_engine::statistics::trends::TrendBy;
use cijing_engine::SegmentOptions;
use cijing_view::ui_logic::DocLabel;
use cijing_view::view_state::{Lang, Panel, TermSortView, ViewState};
use leptos::prelude::*;

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
    pub(super) offered: RwSignal<Vec<String>>,
    /// How many saved user topics the user deleted (saving never drops others).
    pub(super) topics_deleted: StoredValue<usize>,
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
        } else if self.user_topics.with_untracked(|topics| topics.iter().any(|t| t.id == id)) {
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

impl Analysis {
    /// Everything the panels read, for `view` over the corpus on screen
    /// (`corpus`); `offered` holds the ids of a link's topics on offer.
    pub fn new(
        view: RwSignal<ViewState>,
        corpus: Memo<SharedCorpus>,
        offered: RwSignal<Vec<String>>,
    ) -> Analysis {
        let filter = slice(view, |v| v.filter.clone());
        let term = slice(view, |v| v.term.clone());
        let merge_aliases = slice(view, |v| v.merge_aliases);
        let key_ref = slice(view, |v| v.key_ref);
        let user_topics = slice(view, |v| v.user_topics.clone());
        let term_options = slice(view, |v| TermOptions {
            min_len: v.min_len,
            pos: v.pos.clone(),
            drop_stopwords: v.drop_stopwords,
            merge_aliases: v.merge_aliases,
        });
        let topics = Memo::new(move |_| {
            cijing_seeds::topics().into_iter().chain(user_topics.get()).collect::<Vec<_>>()
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
        let keyness = Memo::new(move |_| {
            let options = term_options.get();
            let compare = KeynessOptions { reference: key_ref.get(), ..KeynessOptions::default() };
            corpus.with(|c| selection.with(|s| Shared::new(keyness(c, s, &compare, &options).ok())))
        });
        let query = Memo::new(move |_| {
            let term = term.get()?;
            let merge = merge_aliases.get();
            corpus.with(|c| Query::parse_known(c, &term, merge).ok())
        });
        Analysis {
            view,
            lang: slice(view, |v| v.lang),
            term,
            top: slice(view, |v| v.top),
            filter,
            threshold: slice(view, |v| v.filter.topics.threshold),
            kwic_sort: slice(view, |v| v.kwic_sort),
            term_sort: slice(view, |v| v.term_sort),
            trend_by: slice(view, |v| v.trend_by),
            collocate_options: slice(view, |v| v.collocates),
            key_ref,
            focus_reader: StoredValue::new(false),
            read: slice(view, |v| v.read.clone()),
            para: slice(view, |v| v.para),
            show_segments: slice(view, |v| v.show_segments),
            panels: slice(view, |v| v.panels.clone()),
            user_topics,
            topics,
            segment_options: slice(view, |v| SegmentOptions { mode: v.mode, hmm: v.hmm }),
            merge_aliases,
            term_options,
            offered,
            topics_deleted: StoredValue::new(0),
            corpus,
            selection,
            topic_scores,
            terms,
            keyness,
            query,
            chart_width: RwSignal::new(super::chart_widths()),
        }
    }
}

/// A memo of one part of the view.
pub(super) fn slice<T: Clone + PartialEq + Send + Sync + 'static>(
    view: RwSignal<ViewState>,
    part: fn(&ViewState) -> T,
) -> Memo<T> {
    Memo::new(move |_| view.with(part))
}

/// A short description of the selection, for chart captions:
/// "全部文献 (17) · 2019–2025" or "3 篇文献 · KG · 2023–2025".
pub fn describe_selection(analysis: &Analysis) -> String {
    let corpus = analysis.corpus.get();
    let docs = analysis.selection.with(|s| s.docs(&corpus));
    let dates: Vec<String> = docs.iter().map(|&d| corpus.docs[d].info.date.to_string()).collect();
    let labels: Vec<DocLabel> = docs
        .iter()
        .zip(&dates)
        .map(|(&d, date)| DocLabel { title: &corpus.docs[d].info.title, date })
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
