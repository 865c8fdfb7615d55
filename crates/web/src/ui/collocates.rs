//! Collocates panel: words near the selected term (within a paragraph),
//! with every association measure (MI, MI³, t, z, log-likelihood,
//! logDice); the window left and right, the minimum count and the sort are
//! controls kept in the URL (`cleft`, `cright`, `cmin`, `csort`). Each
//! collocate is clickable.

use super::panel::{columns, content_key, Column, CsvSource, PanelFrame, TableHead, TermButton};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::statistics::collocates::collocates;
use cijing_engine::statistics::collocates::{CollocateRow, CollocateSort};
use cijing_engine::text::options::Choice;
use cijing_view::i18n::t;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

/// The columns of the collocates table.
const HEAD: &[Column] = columns![
    text "table.term", num "collocates.observed", num "collocates.expected", num "collocates.mi",
    num "collocates.mi3", num "collocates.t", num "collocates.z", num "collocates.ll",
    num "collocates.logdice",
];

/// The sorts on offer, with their labels' keys.
const SORTS: [(CollocateSort, &str); 7] = [
    (CollocateSort::Ll, "collocates.ll"),
    (CollocateSort::Mi, "collocates.mi"),
    (CollocateSort::Mi3, "collocates.mi3"),
    (CollocateSort::T, "collocates.t"),
    (CollocateSort::Z, "collocates.z"),
    (CollocateSort::LogDice, "collocates.logdice"),
    (CollocateSort::Observed, "collocates.observed"),
];

#[component]
pub fn CollocatesPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    let settings = analysis.collocate_options;
    let table = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let options = analysis.term_options.get();
        let window = settings.get();
        let query = analysis.query.get()?;
        let top = analysis.top.get();
        Some(analysis.selection.with(|s| {
            let mut t = collocates(&corpus, s, &query, &window, &options);
            t.rows.truncate(top);
            t
        }))
    });
    // The export holds every collocate, not only the rows shown.
    let csv: CsvSource = Callback::new(move |_| {
        let corpus = analysis.corpus.get_untracked();
        let options = analysis.term_options.get_untracked();
        let window = settings.get_untracked();
        let Some(query) = analysis.query.get_untracked() else {
            return Default::default();
        };
        let full = analysis
            .selection
            .with_untracked(|s| collocates(&corpus, s, &query, &window, &options));
        let t = cijing_engine::statistics::table::collocates(&full);
        (t.header(), t.rows)
    });
    let file_parts = Signal::derive(move || {
        format!("{}_{}", analysis.term.get().unwrap_or_default(), selection_slug(&analysis))
    });
    // A number from 0 to 20 (the window) or from 1 (the minimum).
    let number = move |id: &'static str,
                       key: &'static str,
                       min: u64,
                       max: u64,
                       get: fn(&cijing_engine::statistics::collocates::CollocateOptions) -> u64,
                       set: fn(
        &mut cijing_engine::statistics::collocates::CollocateOptions,
        u64,
    )| {
        view! {
            <label class="field">
                {tr(analysis.lang, key)}
                <input type="number" id=id class="narrow" min=min max=max step="1" prop:value=move || settings.with(get).to_string()
                    on:change=move |ev| {
                        let Ok(n) = event_target_value(&ev).trim().parse::<u64>() else { return };
                        let n = n.clamp(min, max);
                        view.update(|v| {
                            let mut c = v.collocates;
                            set(&mut c, n);
                            // The window keeps at least one word.
                            if c.span_left + c.span_right > 0 {
                                v.collocates = c;
                            }
                        });
                    } />
            </label>
        }
    };
    let controls = move || {
        view! {
            {number("coll-left", "collocates.left", 0, 20, |c| c.span_left as u64, |c, n| c.span_left = n as usize)}
            {number("coll-right", "collocates.right", 0, 20, |c| c.span_right as u64, |c, n| c.span_right = n as usize)}
            {number("coll-min", "collocates.min", 1, 1000, |c| c.min_observed.max(1), |c, n| c.min_observed = n)}
            <label class="field">
                {tr(analysis.lang, "collocates.sort")}
                <select id="coll-sort" prop:value=move || settings.with(|c| c.sort.code())
                    on:change=move |ev| { if let Some(sort) = CollocateSort::parse(&event_target_value(&ev)) { view.update(|v| v.collocates.sort = sort) } }>
                    {SORTS.iter().map(|(sort, key)| view! { <option value=sort.code()>{tr(analysis.lang, key)}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <PanelFrame panel=Panel::Collocates file_parts=file_parts csv=csv tools=move || controls()>
            <Show when=move || table.with(|t| t.is_some()) fallback=move || view! { <p class="muted">{tr(analysis.lang, "term.pick")}</p> }>
                    <p class="muted">
                        <strong>{move || analysis.term.get().unwrap_or_default()}</strong>
                        {move || format!(" · {}", t(lang(), "collocates.note"))}
                    </p>
                    <div class="table-wrap">
                    <table id="collocates-table" class="data">
                        <TableHead columns=HEAD />
                        <tbody>
                            <Rows each=move || table.with(|t| t.as_ref().map(|t| t.rows.clone()).unwrap_or_default())
                                key=|r: &CollocateRow| content_key((&r.term, r.observed, r.expected.to_bits(), r.mi.to_bits(), r.log_likelihood.to_bits(), r.t_score.to_bits(), r.mi3.to_bits(), r.z_score.to_bits(), r.log_dice.to_bits()))
                                children=|r| view! {
                                    <tr>
                                        <td><TermButton term=r.term.clone() /></td>
                                        <td class="num">{r.observed}</td>
                                        <td class="num">{format!("{:.2}", r.expected)}</td>
                                        <td class="num">{format!("{:.2}", r.mi)}</td>
                                        <td class="num">{format!("{:.2}", r.mi3)}</td>
                                        <td class="num">{format!("{:.2}", r.t_score)}</td>
                                        <td class="num">{format!("{:.2}", r.z_score)}</td>
                                        <td class="num">{format!("{:.1}", r.log_likelihood)}</td>
                                        <td class="num">{format!("{:.2}", r.log_dice)}</td>
                                    </tr>
                                } />
                        </tbody>
                    </table>
                    </div>
            </Show>
        </PanelFrame>
    }
}
