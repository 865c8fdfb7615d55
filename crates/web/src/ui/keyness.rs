//! Keyness panel: terms over- and under-used in the selection against the
//! rest of the corpus or the whole corpus (`kref` in the URL), with G², log
//! ratio, and the Bonferroni-corrected cut-off for the number of terms
//! tested (rows passing it are marked); each term clickable.

use super::panel::{columns, content_key, Column, CsvSource, PanelFrame, TableHead, TermButton};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::statistics::keyness::KeynessRow;
use cijing_engine::statistics::keyness::{Direction, Reference};
use cijing_engine::text::options::Choice;
use cijing_view::i18n::t;
use cijing_view::ui_logic::keyness_split;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

/// The columns of the keyness table.
const HEAD: &[Column] = columns![
    text "table.term", text "keyness.direction", num "keyness.target", num "keyness.reference",
    num "keyness.g2", num "keyness.log_ratio", text "keyness.p",
    text "keyness.pass" tip "keyness.bonferroni",
];

#[component]
pub fn KeynessPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    // The rows shown: None when there is no rest to compare with.
    // Each with its direction's label: a row reads nothing reactive (see rows.rs).
    let table = Memo::new(move |_| -> Option<Vec<(KeynessRow, &'static str)>> {
        let (top, lang) = (analysis.top.get(), lang());
        let label = |r: &KeynessRow| {
            t(lang, if r.direction == Direction::Over { "keyness.over" } else { "keyness.under" })
        };
        analysis.keyness.with(|k| {
            k.as_ref().map(|k| {
                keyness_split(&k.rows, top)
                    .into_iter()
                    .map(|r| {
                        let l = label(&r);
                        (r, l)
                    })
                    .collect()
            })
        })
    });
    // The Bonferroni cut-off: the G² a term needs when every term tested
    // counts (p < 0.05 / terms tested).
    let cutoff = Memo::new(move |_| {
        let lang = lang();
        analysis.keyness.with(|k| {
            k.as_ref().map(|k| {
                let passing = k.rows.iter().filter(|r| r.bonferroni).count();
                format!(
                    "{} G² ≥ {:.2} ({} {}) · {} {}",
                    t(lang, "keyness.bonferroni"),
                    k.bonferroni_g2,
                    k.terms_tested,
                    t(lang, "keyness.tested"),
                    passing,
                    t(lang, "keyness.passing")
                )
            })
        })
    });
    let reference_select = move || {
        view! {
            <label class="field">
                {tr(analysis.lang, "keyness.against")}
                <select id="keyness-ref" prop:value=move || analysis.key_ref.get().code()
                    on:change=move |ev| { if let Some(r) = Reference::parse(&event_target_value(&ev)) { analysis.view.update(|v| v.key_ref = r) } }>
                    <option value="rest">{tr(analysis.lang, "keyness.ref.rest")}</option>
                    <option value="whole">{tr(analysis.lang, "keyness.ref.whole")}</option>
                </select>
            </label>
        }
    };
    // The export holds every key term, not only the rows shown.
    let csv: CsvSource = Callback::new(move |_| {
        let t = analysis
            .keyness
            .with_untracked(|k| k.as_ref().map(cijing_engine::statistics::table::keyness));
        t.map(|t| (t.header(), t.rows)).unwrap_or_default()
    });
    let row = move |(r, direction): (KeynessRow, &'static str)| {
        let over = r.direction == Direction::Over;
        view! {
            <tr class:under=!over class:bonferroni=r.bonferroni>
                <td><TermButton term=r.term.clone() /></td>
                <td>{direction}</td>
                <td class="num">{r.target_count}</td>
                <td class="num">{r.reference_count}</td>
                <td class="num">{format!("{:.1}", r.g2)}</td>
                <td class="num">{format!("{:+.2}", r.log_ratio)}</td>
                <td>{r.significance}</td>
                <td class="pass">{if r.bonferroni { "✓" } else { "" }}</td>
            </tr>
        }
    };
    view! {
        <PanelFrame panel=Panel::Keyness file_parts=Signal::derive(move || selection_slug(&analysis)) csv=csv tools=move || reference_select()>
            <Show when=move || table.with(|t| t.is_some()) fallback=move || view! { <p class="muted">{tr(analysis.lang, "keyness.whole")}</p> }>
                <p class="muted">{move || t(analysis.lang(), if analysis.key_ref.get() == Reference::Whole { "keyness.note.whole" } else { "keyness.note" })}</p>
                <p id="keyness-cutoff" class="muted">{move || cutoff.get().unwrap_or_default()}</p>
                <table id="keyness-table" class="data">
                    <TableHead columns=HEAD />
                    <tbody>
                        <Rows each=move || table.get().unwrap_or_default()
                            key=|(r, label)| content_key((&r.term, r.direction, r.target_count, r.reference_count, r.g2.to_bits(), r.log_ratio.to_bits(), label, r.bonferroni))
                            children=row />
                    </tbody>
                </table>
            </Show>
        </PanelFrame>
    }
}
