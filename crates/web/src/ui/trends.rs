//! Trends panel: the selected term's relative frequency per document in
//! date order, per date (documents of a date pooled) or per year (`tby` in
//! the URL); without a selected term, the top three terms of the
//! selection. The table under it is the chart's text.

use super::panel::{columns, content_key, Column, CsvSource, PanelFrame, TableHead};
use super::rows::Rows;
use super::tr;
use super::{describe_selection, selection_slug, Analysis};
use cijing_engine::charts::{line_chart_svg, ChartText};
use cijing_engine::corpus::query::Query;
use cijing_engine::statistics::trends::{trends, TrendBy, TrendPoint};
use cijing_engine::text::options::Choice;
use cijing_view::i18n::t;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

/// The columns of the trends table.
const HEAD: &[Column] = columns![
    text "table.term", text "trends.date", text "trends.document", num "table.count",
    num "table.per_10k",
];

#[component]
pub fn TrendsPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    let points = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let selected = analysis.query.get();
        let merge = analysis.merge_aliases.get();
        let by = analysis.trend_by.get();
        analysis.selection.with(|selection| {
            let queries: Vec<Query> = match selected {
                Some(q) => vec![q],
                None => {
                    let top: Vec<String> = analysis
                        .terms
                        .with(|t| t.rows.iter().take(3).map(|r| r.term.clone()).collect());
                    top.iter()
                        .filter_map(|term| Query::parse_known(&corpus, term, merge).ok())
                        .collect()
                }
            };
            (by, trends(&corpus, selection, &queries, by))
        })
    });
    let svg = Memo::new(move |_| {
        points.with(|(by, pts)| {
            let mut series: Vec<(String, Vec<f64>)> = Vec::new();
            let mut labels: Vec<String> = Vec::new();
            for p in pts {
                if series.last().is_none_or(|(name, _)| *name != p.term) {
                    series.push((p.term.clone(), Vec::new()));
                }
                if series.len() == 1 {
                    // A year per document (dates are too long for the axis).
                    labels.push(if *by == TrendBy::Date {
                        p.date.clone()
                    } else {
                        p.date[..4.min(p.date.len())].to_string()
                    });
                }
                if let Some(s) = series.last_mut() {
                    s.1.push(p.per_10k);
                }
            }
            let text = ChartText {
                title: t(lang(), "trends.title").to_string(),
                subtitle: describe_selection(&analysis),
            };
            let width = analysis.chart_width.with(|w| w.0);
            line_chart_svg(&series, &labels, &text, t(lang(), "trends.axis"), width).unwrap_or_else(
                |e| format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;")),
            )
        })
    });
    let csv: CsvSource = Callback::new(move |_| {
        let t = points.with_untracked(|(by, p): &(TrendBy, Vec<TrendPoint>)| {
            cijing_engine::statistics::table::trends(p, *by)
        });
        (t.header(), t.rows)
    });
    let file_parts = Signal::derive(move || {
        let term = analysis.term.get().unwrap_or_else(|| "top3".into());
        format!("{term}_{}", selection_slug(&analysis))
    });
    // Each point with what its row shows (rows read nothing reactive): the
    // document's title, or the date or year a point pools.
    let rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        points.with(|(by, pts)| {
            pts.iter()
                .map(|p| {
                    let place = match by {
                        TrendBy::Doc => corpus
                            .doc_index(&p.key)
                            .map(|d| corpus.docs[d].info.title.clone())
                            .unwrap_or_default(),
                        _ => format!("{} ({})", p.key, p.docs),
                    };
                    (p.clone(), place)
                })
                .collect::<Vec<_>>()
        })
    });
    let by_select = move || {
        view! {
            <label class="field">
                {tr(analysis.lang, "trends.by")}
                <select id="trend-by" prop:value=move || analysis.trend_by.get().code()
                    on:change=move |ev| { if let Some(by) = TrendBy::parse(&event_target_value(&ev)) { analysis.view.update(|v| v.trend_by = by) } }>
                    <option value="doc">{tr(analysis.lang, "trends.by.doc")}</option>
                    <option value="date">{tr(analysis.lang, "trends.by.date")}</option>
                    <option value="year">{tr(analysis.lang, "trends.by.year")}</option>
                </select>
            </label>
        }
    };
    view! {
        <PanelFrame panel=Panel::Trends file_parts=file_parts csv=csv svg=Signal::derive(move || svg.get()) tools=move || by_select()>
            <p class="muted">{move || if analysis.query.with(|q| q.is_some()) { String::new() } else { t(lang(), "term.pick").to_string() }}</p>
            <div id="trends-chart" class="chart" role="img" aria-label=tr(analysis.lang, "trends.title") inner_html=move || svg.get()></div>
            <details class="chart-data">
                <summary>{tr(analysis.lang, "table.show_chart_data")}</summary>
                <table id="trends-table" class="data">
                    <TableHead columns=HEAD />
                    <tbody>
                        <Rows each=move || rows.get()
                            key=|(p, place)| content_key((&p.term, &p.key, &p.date, p.count, p.tokens, p.per_10k.to_bits(), place))
                            children=move |(p, place)| view! {
                                <tr>
                                    <td>{p.term.clone()}</td>
                                    <td>{p.date.clone()}</td>
                                    <td>{place}</td>
                                    <td class="num">{p.count}</td>
                                    <td class="num">{format!("{:.1}", p.per_10k)}</td>
                                </tr>
                            } />
                    </tbody>
                </table>
            </details>
        </PanelFrame>
    }
}
