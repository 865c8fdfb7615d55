//! Phrases panel: the clusters of the selected term (clusters.rs), then the
//! frequent 2–5-word n-grams of the selection; clicking one selects it as a
//! phrase everywhere.

use super::panel::{columns, Column, CsvSource, PanelFrame, PhraseRow, TableHead};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::statistics::ngrams::{ngrams, NgramOptions};
use cijing_view::view_state::Panel;
use leptos::prelude::*;

/// The columns of the phrases table.
const HEAD: &[Column] = columns![text "phrases.phrase", num "table.count", num "table.docs"];

#[component]
pub fn PhrasesPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let options = analysis.term_options.get();
        let top = analysis.top.get();
        analysis.selection.with(|s| {
            let mut rows = ngrams(&corpus, s, &NgramOptions::default(), &options);
            rows.truncate(top);
            rows
        })
    });
    // The export holds every n-gram, not only the rows shown.
    let csv: CsvSource = Callback::new(move |_| {
        let corpus = analysis.corpus.get_untracked();
        let options = analysis.term_options.get_untracked();
        let all = analysis
            .selection
            .with_untracked(|s| ngrams(&corpus, s, &NgramOptions::default(), &options));
        let t = cijing_engine::statistics::table::ngrams(&all);
        (t.header(), t.rows)
    });
    view! {
        <PanelFrame panel=Panel::Phrases file_parts=Signal::derive(move || selection_slug(&analysis)) csv=csv>
            <super::clusters::ClusterTable />
            <h3>{tr(analysis.lang, "phrases.ngrams")}</h3>
            <p class="muted">{tr(analysis.lang, "phrases.note")}</p>
            <table id="phrases-table" class="data">
                <TableHead columns=HEAD />
                <tbody>
                    <Rows each=move || rows.get() key=|r| (r.ngram.clone(), r.count, r.docs) children=move |r| {
                        let selected = analysis.is_selected_term(&r.ngram);
                        view! { <PhraseRow phrase=r.ngram count=r.count docs=r.docs selected=selected /> }
                    } />
                </tbody>
            </table>
        </PanelFrame>
    }
}
