//! Keyness panel: terms over- and under-used in the selection against the
//! rest of the corpus (G², log ratio), each clickable.

use crate::i18n::t;
use super::panel::{CsvSource, PanelFrame, TermButton};
use super::{selection_slug, Analysis};
use crate::engine::keyness::KeynessTable;
use crate::ui_logic::keyness_split;
use crate::view_state::Panel;
use crate::engine::keyness::Direction;
use leptos::prelude::*;

#[component]
pub fn KeynessPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    let table = Memo::new(move |_| -> Option<KeynessTable> {
        let top = view.with(|v| v.top);
        analysis.keyness.with(|k| {
            let mut table = k.clone()?;
            table.rows = keyness_split(&table.rows, top);
            Some(table)
        })
    });
    let csv: CsvSource = Callback::new(move |_| {
        let rows = table.get_untracked().map(|t| t.rows).unwrap_or_default().into_iter().map(|r| {
            vec![r.term, r.direction.to_string(), r.target_count.to_string(), r.reference_count.to_string(), format!("{:.2}", r.g2), format!("{:.3}", r.log_ratio), r.significance.to_string()]
        }).collect();
        (vec!["term", "direction", "target", "reference", "g2", "log_ratio", "p"], rows)
    });
    view! {
        <PanelFrame panel=Panel::Keyness file_parts=Signal::derive(move || selection_slug(&analysis)) csv=csv>
            {move || match table.get() {
                None => view! { <p class="muted">{move || t(lang(), "keyness.whole")}</p> }.into_any(),
                Some(table) => view! {
                    <p class="muted">{move || t(lang(), "keyness.note")}</p>
                    <table id="keyness-table" class="data">
                        <thead><tr>
                            <th scope="col">{move || t(lang(), "table.term")}</th>
                            <th scope="col">{move || t(lang(), "keyness.direction")}</th>
                            <th scope="col">{move || t(lang(), "keyness.target")}</th>
                            <th scope="col">{move || t(lang(), "keyness.reference")}</th>
                            <th scope="col">{move || t(lang(), "keyness.g2")}</th>
                            <th scope="col">{move || t(lang(), "keyness.log_ratio")}</th>
                            <th scope="col">{move || t(lang(), "keyness.p")}</th>
                        </tr></thead>
                        <tbody>
                            {table.rows.into_iter().map(|r| {
                                let over = r.direction == Direction::Over;
                                view! {
                                    <tr class:under=!over>
                                        <td><TermButton term=r.term.clone() /></td>
                                        <td>{move || t(lang(), if over { "keyness.over" } else { "keyness.under" })}</td>
                                        <td class="num">{r.target_count}</td>
                                        <td class="num">{r.reference_count}</td>
                                        <td class="num">{format!("{:.1}", r.g2)}</td>
                                        <td class="num">{format!("{:+.2}", r.log_ratio)}</td>
                                        <td>{r.significance}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </PanelFrame>
    }
}
