//! Terms panel: the top-N bar chart (plotters SVG) and the table with
//! count, per 10k, documents, TF-IDF and dispersion (Gries' DP). A column
//! header sorts the whole table (then the top N are shown, and the bars
//! are the sorted column's); the sort is in the URL (`tsort`). Clicking a
//! bar, a label or a term selects that term everywhere.

use super::panel::{chart_mark, CsvSource, PanelFrame, TermButton};
use super::rows::RowsEnumerate;
use super::tr;
use super::{describe_selection, selection_slug, Analysis};
use cijing_engine::charts::{bar_chart_svg, ChartText};
use cijing_engine::statistics::stats::TermRow;
use cijing_engine::text::segment::Mode;
use cijing_view::i18n::t;
use cijing_view::view_state::{Panel, TermColumn};
use leptos::prelude::*;

#[component]
pub fn TermPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let top = analysis.top;
    let lang = move || analysis.lang();
    let sort = analysis.term_sort;
    let view = analysis.view;

    let table = analysis.terms;
    // The whole table sorted, then the top N (the table comes by count).
    let rows = Memo::new(move |_| {
        let top = top.get();
        let sort = sort.get();
        table.with(|t| {
            if sort == Default::default() {
                return t.rows.iter().take(top).cloned().collect::<Vec<TermRow>>();
            }
            let mut all = t.rows.clone();
            sort.sort_rows(&mut all);
            all.truncate(top);
            all
        })
    });
    // The bars are the sorted column's values (counts when sorted by term).
    let chart_rows = Memo::new(move |_| {
        let column = sort.get().column;
        rows.with(|rows| rows.iter().map(|r| (r.term.clone(), column.value(r))).collect::<Vec<_>>())
    });
    let svg = Memo::new(move |_| {
        let lang = lang();
        let column = sort.get().column;
        let text = ChartText {
            title: t(lang, "terms.chart").to_string(),
            subtitle: describe_selection(&analysis),
        };
        let width = analysis.chart_width.with(|w| w.0);
        let axis = match column {
            TermColumn::Term | TermColumn::Count => t(lang, "terms.axis"),
            other => t(lang, header_key(other)),
        };
        chart_rows.with(|bars| bar_chart_svg(bars, &text, axis, width)).unwrap_or_else(|e| {
            format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;"))
        })
    });
    let on_chart_click = move |ev: leptos::ev::MouseEvent| {
        // A bar or its label: the row's term.
        let row = chart_mark(&ev, "data-bar").and_then(|row| row.parse::<usize>().ok());
        let term = row.and_then(|i| chart_rows.with(|rows| rows.get(i).map(|(t, _)| t.clone())));
        if let Some(term) = term {
            analysis.choose_term(&term);
        }
    };
    // The export holds the whole term table, not only the rows shown, in
    // the order the table is sorted.
    let csv: CsvSource = Callback::new(move |_| {
        let sort = sort.get_untracked();
        let t = analysis.terms.with_untracked(|table| {
            if sort == Default::default() {
                return cijing_engine::statistics::table::terms(table);
            }
            let mut sorted = (**table).clone();
            sort.sort_rows(&mut sorted.rows);
            cijing_engine::statistics::table::terms(&sorted)
        });
        (t.header(), t.rows)
    });
    let file_parts =
        Signal::derive(move || format!("{}_top{}", selection_slug(&analysis), top.get()));
    let header = move |column: TermColumn| {
        let key = header_key(column);
        let aria = move || match sort.get() {
            s if s.column == column && s.desc => "descending",
            s if s.column == column => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" class:num=column != TermColumn::Term aria-sort=aria>
                <button class="sort" title=tr(analysis.lang, "table.sort")
                    data-column=column.code()
                    on:click=move |_| view.update(|v| v.term_sort = v.term_sort.clicked(column))>
                    {tr(analysis.lang, key)}
                    <span aria-hidden="true">{move || match aria() { "descending" => " ▼", "ascending" => " ▲", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <PanelFrame panel=Panel::Terms file_parts=file_parts csv=csv svg=Signal::derive(move || svg.get())>
            <Show when=move || analysis.segment_options.with(|o| o.mode == Mode::Search)>
                <p class="notice search-mode" role="note">{tr(analysis.lang, "notice.search_mode")}</p>
            </Show>
            <div class="split">
            <div id="term-chart" class="chart clickable" role="img"
                aria-label=move || format!("{}: {}", t(lang(), "terms.chart"), chart_rows.with(|r| r.iter().take(10).map(|(t, v)| format!("{t} {v}")).collect::<Vec<_>>().join(", ")))
                on:click=on_chart_click inner_html=move || svg.get()></div>
            <table id="term-table" class="data">
                <caption class="sr-only">{tr(analysis.lang, "table.show_chart_data")}</caption>
                <thead><tr>
                    <th scope="col">"#"</th>
                    {header(TermColumn::Term)}
                    {header(TermColumn::Count)}
                    {header(TermColumn::Per10k)}
                    {header(TermColumn::Docs)}
                    {header(TermColumn::Tfidf)}
                    {header(TermColumn::Dp)}
                </tr></thead>
                <tbody>
                    // Keyed by the row's content: a re-sort moves rows, a
                    // new selection rebuilds only rows whose figures change.
                    <RowsEnumerate each=move || rows.get()
                        key=|r| (r.term.clone(), r.count, r.docs, r.per_10k.to_bits(), r.tfidf.to_bits(), r.dp.to_bits())
                        children=|i, r| view! {
                            <tr>
                                <td class="num">{move || i.get() + 1}</td>
                                <td class="term-cell"><TermButton term=r.term.clone() /></td>
                                <td class="num">{r.count}</td>
                                <td class="num">{format!("{:.1}", r.per_10k)}</td>
                                <td class="num">{r.docs}</td>
                                <td class="num">{format!("{:.2}", r.tfidf)}</td>
                                <td class="num">{format!("{:.3}", r.dp)}</td>
                            </tr>
                        } />
                </tbody>
            </table>
            </div>
        </PanelFrame>
    }
}

/// The string key of a column's header.
fn header_key(column: TermColumn) -> &'static str {
    match column {
        TermColumn::Term => "table.term",
        TermColumn::Count => "table.count",
        TermColumn::Per10k => "table.per_10k",
        TermColumn::Docs => "table.docs",
        TermColumn::Tfidf => "table.tfidf",
        TermColumn::Dp => "table.dp",
    }
}
