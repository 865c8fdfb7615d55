//! Topics panel: the overview (each topic's share of each document, in date
//! order; a click filters to that cell), the user's own topics
//! (`user_topics.rs`: create, edit, delete), and topics discovered by LDA
//! in the browser (`lda_topics.rs`).

use super::lda_topics::DiscoveredTopics;
use super::panel::{chart_mark, columns, content_key, Column, CsvSource, PanelFrame, TableHead};
use super::rows::Rows;
use super::tr;
use super::user_topics::{TopicForm, UserTopics};
use super::{selection_slug, Analysis};
use cijing_engine::charts::{heatmap_svg, ChartText};
use cijing_engine::statistics::topics::{topic_shares, Topic};
use cijing_view::i18n::t;
use cijing_view::view_state::{Lang, Panel};
use leptos::prelude::*;

/// The columns of the topic overview's table.
const HEAD: &[Column] = columns![text "trends.date", text "trends.document", text "topics.main"];

fn topic_name(lang: Lang, topic: &Topic) -> String {
    cijing_view::ui_logic::topic_name(lang, topic).to_string()
}

#[component]
pub fn TopicsPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();

    // ---- overview
    // The overview ignores the topic filter itself, so every topic's share
    // stays visible while one is selected.
    let doc_filter = Memo::new(move |_| {
        analysis.filter.with(|f| cijing_engine::corpus::selection::Filter {
            topics: Default::default(),
            ..f.clone()
        })
    });
    let shares = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let threshold = analysis.threshold.get();
        let filter = doc_filter.get();
        let selection = cijing_engine::corpus::selection::select_documents(&corpus, &filter)
            .unwrap_or_else(|_| cijing_engine::corpus::selection::Selection::all(&corpus));
        analysis.topic_scores.with(|scores| topic_shares(&corpus, scores, &selection, threshold))
    });
    let columns = Memo::new(move |_| {
        shares.with(|s| {
            let mut docs: Vec<(String, String)> = Vec::new();
            for share in s {
                if docs.last().is_none_or(|(d, _)| *d != share.doc) {
                    docs.push((share.doc.clone(), share.date.clone()));
                }
            }
            docs
        })
    });
    let filtering_topics = Memo::new(move |_| analysis.filter.with(|f| f.topics.is_active()));
    let svg = Memo::new(move |_| {
        let topics = analysis.topics.get();
        let rows: Vec<(String, String)> =
            topics.iter().map(|tp| (topic_name(lang(), tp), tp.color.clone())).collect();
        let cols = columns.get();
        let labels: Vec<String> = cols.iter().map(|(_, date)| date[..4].to_string()).collect();
        let values: Vec<Vec<f64>> = shares.with(|s| {
            topics
                .iter()
                .map(|tp| {
                    cols.iter()
                        .map(|(doc, _)| {
                            s.iter()
                                .find(|x| &x.doc == doc && x.topic == tp.id)
                                .map_or(0.0, |x| x.share)
                        })
                        .collect()
                })
                .collect()
        });
        // What the chart shows: the documents before any topic filter.
        let years = match (labels.first(), labels.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        let mut subtitle = match lang() {
            Lang::Zh => format!("{} 篇文献 · {years}", cols.len()),
            Lang::En if cols.len() == 1 => format!("1 document · {years}"),
            Lang::En => format!("{} documents · {years}", cols.len()),
        };
        if filtering_topics.get() {
            subtitle.push_str(&format!(" · {}", t(lang(), "topics.overview.note")));
        }
        let text = ChartText { title: t(lang(), "topics.overview").to_string(), subtitle };
        heatmap_svg(&rows, &labels, &values, &text, analysis.chart_width.with(|w| w.1.min(900)))
            .unwrap_or_else(|e| {
                format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;"))
            })
    });
    let on_cell = move |ev: leptos::ev::MouseEvent| {
        let number = |attribute| chart_mark(&ev, attribute).and_then(|n| n.parse::<usize>().ok());
        let Some(row) = number("data-row") else { return };
        let topic =
            analysis.topic_scores.with_untracked(|s| s.topics.get(row).map(|tp| tp.id.clone()));
        let Some(topic) = topic else { return };
        // A row label filters to the topic; a cell to the topic in that document.
        let Some(col) = number("data-column") else {
            view.update(|v| v.filter.topics.include = vec![topic]);
            return;
        };
        let cols = columns.get_untracked();
        if let Some((doc, _)) = cols.get(col) {
            view.update(|v| {
                v.filter.docs = vec![doc.clone()];
                v.filter.topics.include = vec![topic];
                v.filter.topics.exclude.clear();
            });
        }
    };
    // The chart's text: each document's main topics.
    let overview_rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let lang = lang();
        analysis.topics.with(|topics| {
            columns
                .get()
                .into_iter()
                .map(|(doc, date)| {
                    let title = corpus
                        .doc_index(&doc)
                        .map(|d| corpus.docs[d].info.title.clone())
                        .unwrap_or_default();
                    let mut row: Vec<(String, f64)> = shares.with(|s| {
                        s.iter()
                            .filter(|x| x.doc == doc && x.share > 0.0)
                            .map(|x| {
                                (
                                    topics
                                        .iter()
                                        .find(|tp| tp.id == x.topic)
                                        .map(|tp| topic_name(lang, tp))
                                        .unwrap_or_default(),
                                    x.share,
                                )
                            })
                            .collect()
                    });
                    row.sort_by(|a, b| b.1.total_cmp(&a.1));
                    let main = row
                        .iter()
                        .take(4)
                        .map(|(n, s)| format!("{n} {:.0}%", s * 100.0))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (doc, date, title, main)
                })
                .collect::<Vec<_>>()
        })
    });
    let csv: CsvSource = Callback::new(move |_| {
        let t = shares.with_untracked(|s| cijing_engine::statistics::table::topic_shares(s));
        (t.header(), t.rows)
    });
    let form = TopicForm::new();

    view! {
        <PanelFrame panel=Panel::Topics file_parts=Signal::derive(move || selection_slug(&analysis)) csv=csv svg=Signal::derive(move || svg.get())>
            <div id="topic-chart" class="chart clickable" role="img"
                aria-label=tr(analysis.lang, "topics.overview") on:click=on_cell inner_html=move || svg.get()></div>
            <p class="muted small-print">{tr(analysis.lang, "topics.overview.help")}</p>
            <details class="chart-data">
                <summary>{tr(analysis.lang, "table.show_chart_data")}</summary>
                <table id="topic-table" class="data">
                    <TableHead columns=HEAD />
                    <tbody>
                        <Rows each=move || overview_rows.get() key=|row| content_key(row) children=|(_, date, title, main)| view! { <tr><td>{date}</td><td>{title}</td><td>{main}</td></tr> } />
                    </tbody>
                </table>
            </details>

            <div class="topic-tools">
                <UserTopics form=form />
                <DiscoveredTopics form=form />
            </div>
        </PanelFrame>
    }
}
