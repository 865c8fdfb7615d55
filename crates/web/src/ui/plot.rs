//! The dispersion plot (AntConc's Plot), shown under the concordance: one
//! strip per document of the selection in date order, a tick where each hit
//! of the selected term falls in it, the hits beside it. Clicking a strip
//! (or a document in the table under it) opens that document in the reader.

use super::download::save_text;
use super::panel::{chart_mark, columns, content_key, Column, PngButton, TableHead};
use super::rows::Rows;
use super::tr;
use super::{describe_selection, Analysis};
use cijing_engine::charts::{dispersion_plot_svg, fit_text, ChartText};
use cijing_engine::statistics::dispersion::{plot_points, DocHits};
use cijing_view::i18n::t;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

/// The columns of the plot table.
const HEAD: &[Column] = columns![
    text "trends.date", text "trends.document", num "plot.tokens", num "plot.hits",
];

/// A document's row in the plot's table, with everything it shows.
#[derive(Clone, PartialEq)]
struct PlotRow {
    id: String,
    date: String,
    title: String,
    tokens: usize,
    hits: usize,
    open_label: &'static str,
}

/// A strip's label: its date and the start of its title.
fn strip_label(date: &str, title: &str) -> String {
    format!("{date} {}", fit_text(title, 10.0 * 14.0, 14.0))
}

/// Which strip a click landed on: the chart marks each strip's label,
/// background and ticks with its row (`data-strip`).
fn clicked_strip(ev: &leptos::ev::MouseEvent) -> Option<usize> {
    chart_mark(ev, "data-strip")?.parse().ok()
}

#[component]
pub fn DispersionPlot() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    let strips = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let Some(query) = analysis.query.get() else {
            return Vec::<DocHits>::new();
        };
        analysis.selection.with(|s| plot_points(&corpus, s, &query))
    });
    let svg = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let term = analysis.term.get().unwrap_or_default();
        let lang = lang();
        let width = analysis.chart_width.with(|w| w.1);
        strips.with(|strips| {
            if strips.is_empty() {
                return String::new();
            }
            let rows: Vec<(String, Vec<f64>)> = strips
                .iter()
                .map(|s| {
                    (strip_label(&s.date, &corpus.docs[s.doc].info.title), s.positions.clone())
                })
                .collect();
            let text = ChartText {
                title: format!("{} · {term}", t(lang, "plot.title")),
                subtitle: describe_selection(&analysis),
            };
            dispersion_plot_svg(&rows, &text, width).unwrap_or_else(|e| {
                format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;"))
            })
        })
    });
    // Each document with what its row shows (rows read nothing reactive).
    let rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let open_label = t(analysis.lang(), "plot.open");
        strips.with(|strips| {
            strips
                .iter()
                .map(|s| PlotRow {
                    id: s.id.clone(),
                    date: s.date.clone(),
                    title: corpus.docs[s.doc].info.title.clone(),
                    tokens: s.tokens,
                    hits: s.positions.len(),
                    open_label,
                })
                .collect::<Vec<_>>()
        })
    });
    let open = move |doc: String| {
        view.update(|v| {
            v.read = Some(doc);
            v.para = None;
            if !v.is_open(Panel::Reader) {
                v.panels.push(Panel::Reader);
                v.panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
            }
        });
        super::panel::scroll_to_panel(Panel::Reader);
    };
    let on_chart = move |ev: leptos::ev::MouseEvent| {
        if let Some(i) = clicked_strip(&ev) {
            if let Some(id) = strips.with_untracked(|s| s.get(i).map(|s| s.id.clone())) {
                open(id);
            }
        }
    };
    let file_name = move |ext: &str| {
        let term = analysis.term.get_untracked().unwrap_or_default();
        cijing_view::export::file_name(&["plot", &term], ext)
    };
    view! {
        <section id="plot" class="plot" prop:hidden=move || strips.with(|s| s.is_empty()) aria-labelledby="plot-heading">
            <div class="plot-head">
                <h3 id="plot-heading">{tr(analysis.lang, "plot.title")}</h3>
                <span class="exports" role="group" aria-label=tr(analysis.lang, "export.label")>
                    <button class="export" data-export="plot-svg" on:click=move |_| save_text(&file_name("svg"), "image/svg+xml", &svg.get_untracked())>
                        {tr(analysis.lang, "export.svg")}
                    </button>
                    <PngButton data_export="plot-png" file_name=Callback::new(move |_| file_name("png")) svg=svg />
                </span>
            </div>
            <p class="muted small-print">{tr(analysis.lang, "plot.note")}</p>
            <div id="plot-chart" class="chart clickable" role="img" aria-label=tr(analysis.lang, "plot.title")
                data-strips=move || strips.with(|s| s.len())
                data-hits=move || strips.with(|s| s.iter().map(|d| d.positions.len()).sum::<usize>())
                on:click=on_chart inner_html=move || svg.get()></div>
            <details class="chart-data">
                <summary>{tr(analysis.lang, "table.show_chart_data")}</summary>
                <table id="plot-table" class="data">
                    <TableHead columns=HEAD />
                    <tbody>
                        <Rows each=move || rows.get()
                            key=|r| content_key((&r.id, &r.date, &r.title, r.tokens, r.hits, r.open_label))
                            children=move |r: PlotRow| {
                                let id = r.id.clone();
                                view! {
                                    <tr>
                                        <td>{r.date}</td>
                                        <td><button class="link" title=r.open_label data-doc=r.id on:click=move |_| open(id.clone())>{r.title}</button></td>
                                        <td class="num">{r.tokens}</td>
                                        <td class="num">{r.hits}</td>
                                    </tr>
                                }
                            } />
                    </tbody>
                </table>
            </details>
        </section>
    }
}
