//! Collocates panel: words near the selected term (±5 words, within a
//! paragraph), by log-likelihood, each clickable.

use crate::i18n::t;
use super::panel::{content_key, CsvSource, PanelFrame, TermButton};
use crate::engine::collocates::CollocateRow;
use super::{selection_slug, Analysis};
use crate::engine::collocates::{collocates, CollocateOptions};
use crate::view_state::Panel;
use leptos::prelude::*;
use super::rows::Rows;

#[component]
pub fn CollocatesPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    let table = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let options = analysis.term_options.get();
        let query = analysis.query.get()?;
        let top = analysis.top.get();
        Some(analysis.selection.with(|s| {
            let mut t = collocates(&corpus, s, &query, &CollocateOptions::default(), &options);
            t.rows.truncate(top);
            t
        }))
    });
    // The export holds every collocate, not only the rows shown.
    let csv: CsvSource = Callback::new(move |_| {
        let corpus = analysis.corpus.get_untracked();
        let options = analysis.term_options.get_untracked();
        let Some(query) = analysis.query.get_untracked() else { return Default::default() };
        let full = analysis.selection.with_untracked(|s| collocates(&corpus, s, &query, &CollocateOptions::default(), &options));
        let t = crate::engine::table::collocates(&full);
        (t.header(), t.rows)
    });
    let file_parts = Signal::derive(move || format!("{}_{}", analysis.term.get().unwrap_or_default(), selection_slug(&analysis)));
    view! {
        <PanelFrame panel=Panel::Collocates file_parts=file_parts csv=csv>
            <Show when=move || table.with(|t| t.is_some()) fallback=move || view! { <p class="muted">{move || t(lang(), "term.pick")}</p> }>
                    <p class="muted">
                        <strong>{move || analysis.term.get().unwrap_or_default()}</strong>
                        {move || format!(" · {}", t(lang(), "collocates.window"))}
                    </p>
                    <table id="collocates-table" class="data">
                        <thead><tr>
                            <th scope="col">{move || t(lang(), "table.term")}</th>
                            <th scope="col">{move || t(lang(), "collocates.observed")}</th>
                            <th scope="col">{move || t(lang(), "collocates.expected")}</th>
                            <th scope="col">{move || t(lang(), "collocates.mi")}</th>
                            <th scope="col">{move || t(lang(), "collocates.ll")}</th>
                            <th scope="col">{move || t(lang(), "collocates.t")}</th>
                        </tr></thead>
                        <tbody>
                            <Rows each=move || table.with(|t| t.as_ref().map(|t| t.rows.clone()).unwrap_or_default())
                                key=|r: &CollocateRow| content_key((&r.term, r.observed, r.expected.to_bits(), r.mi.to_bits(), r.log_likelihood.to_bits(), r.t_score.to_bits()))
                                children=|r| view! {
                                    <tr>
                                        <td><TermButton term=r.term.clone() /></td>
                                        <td class="num">{r.observed}</td>
                                        <td class="num">{format!("{:.2}", r.expected)}</td>
                                        <td class="num">{format!("{:.2}", r.mi)}</td>
                                        <td class="num">{format!("{:.1}", r.log_likelihood)}</td>
                                        <td class="num">{format!("{:.2}", r.t_score)}</td>
                                    </tr>
                                } />
                        </tbody>
                    </table>
            </Show>
        </PanelFrame>
    }
}
