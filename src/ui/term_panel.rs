//! Terms panel: the top-N bar chart (plotters SVG) and the sortable table
//! with count, per 10k, documents and TF-IDF. Clicking a bar, a label or a
//! term selects that term everywhere.

use crate::i18n::t;
use super::panel::{chart_click_target, CsvSource, PanelFrame, TermButton};
use super::{describe_selection, selection_slug, Analysis};
use crate::engine::chart::{bar_chart_svg, ChartText};
use crate::engine::stats::TermRow;
use crate::view_state::Panel;
use leptos::prelude::*;
use super::rows::RowsEnumerate;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Term,
    Count,
    Per10k,
    Docs,
    Tfidf,
}

#[component]
pub fn TermPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let top = analysis.top;
    let lang = move || analysis.lang();
    let (sort, set_sort) = signal((Column::Count, true));

    let table = analysis.terms;
    let rows = Memo::new(move |_| {
        let top = top.get();
        let (column, desc) = sort.get();
        let mut rows: Vec<TermRow> = table.with(|t| t.rows.iter().take(top).cloned().collect());
        rows.sort_by(|a, b| {
            let o = match column {
                Column::Term => a.term.cmp(&b.term),
                Column::Count => a.count.cmp(&b.count),
                Column::Per10k => a.per_10k.total_cmp(&b.per_10k),
                Column::Docs => a.docs.cmp(&b.docs),
                Column::Tfidf => a.tfidf.total_cmp(&b.tfidf),
            };
            if desc { o.reverse() } else { o }
        });
        rows
    });
    let chart_rows = Memo::new(move |_| {
        let top = top.get();
        table.with(|t| t.rows.iter().take(top).map(|r| (r.term.clone(), r.count as f64)).collect::<Vec<_>>())
    });
    let svg = Memo::new(move |_| {
        let text = ChartText { title: t(lang(), "terms.chart").to_string(), subtitle: describe_selection(&analysis) };
        let width = analysis.chart_width.with(|w| w.0);
        chart_rows.with(|bars| bar_chart_svg(bars, &text, t(lang(), "terms.axis"), width))
            .unwrap_or_else(|e| format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;")))
    });
    let on_chart_click = move |ev: leptos::ev::MouseEvent| {
        let term = match chart_click_target(&ev, "#2B6CB0") {
            Some(Ok(label)) => chart_rows.with(|rows| rows.iter().find(|(t, _)| *t == label).map(|(t, _)| t.clone())),
            Some(Err(i)) => chart_rows.with(|rows| rows.get(i).map(|(t, _)| t.clone())),
            None => None,
        };
        if let Some(term) = term {
            analysis.choose_term(&term);
        }
    };
    // The export holds the whole term table, not only the rows shown.
    let csv: CsvSource = Callback::new(move |_| {
        let t = analysis.terms.with_untracked(crate::engine::table::terms);
        (t.header(), t.rows)
    });
    let file_parts = Signal::derive(move || format!("{}_top{}", selection_slug(&analysis), top.get()));
    let header = move |column: Column, key: &'static str| {
        let aria = move || match sort.get() {
            (c, true) if c == column => "descending",
            (c, false) if c == column => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" title=move || t(lang(), "table.sort")
                    on:click=move |_| set_sort.update(|(c, desc)| { if *c == column { *desc = !*desc } else { *c = column; *desc = column != Column::Term } })>
                    {move || t(lang(), key)}
                    <span aria-hidden="true">{move || match aria() { "descending" => " ▼", "ascending" => " ▲", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <PanelFrame panel=Panel::Terms file_parts=file_parts csv=csv svg=Signal::derive(move || svg.get()) wide=true>
            <div class="split">
            <div id="term-chart" class="chart clickable" role="img"
                aria-label=move || format!("{}: {}", t(lang(), "terms.chart"), chart_rows.with(|r| r.iter().take(10).map(|(t, v)| format!("{t} {v}")).collect::<Vec<_>>().join(", ")))
                on:click=on_chart_click inner_html=move || svg.get()></div>
            <table id="term-table" class="data">
                <caption class="sr-only">{move || t(lang(), "table.show_chart_data")}</caption>
                <thead><tr>
                    <th scope="col">"#"</th>
                    {header(Column::Term, "table.term")}
                    {header(Column::Count, "table.count")}
                    {header(Column::Per10k, "table.per_10k")}
                    {header(Column::Docs, "table.docs")}
                    {header(Column::Tfidf, "table.tfidf")}
                </tr></thead>
                <tbody>
                    // Keyed by the row's content: a re-sort moves rows, a
                    // new selection rebuilds only rows whose figures change.
                    <RowsEnumerate each=move || rows.get()
                        key=|r| (r.term.clone(), r.count, r.docs, r.per_10k.to_bits(), r.tfidf.to_bits())
                        children=|i, r| view! {
                            <tr>
                                <td class="num">{move || i.get() + 1}</td>
                                <td class="term-cell"><TermButton term=r.term.clone() /></td>
                                <td class="num">{r.count}</td>
                                <td class="num">{format!("{:.1}", r.per_10k)}</td>
                                <td class="num">{r.docs}</td>
                                <td class="num">{format!("{:.2}", r.tfidf)}</td>
                            </tr>
                        } />
                </tbody>
            </table>
            </div>
        </PanelFrame>
    }
}
