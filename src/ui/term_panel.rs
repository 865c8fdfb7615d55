//! Terms panel: top-N term bar chart (plotters SVG) and the same numbers as
//! a table, for the selected document or the whole corpus.

use crate::view_state::{ViewState, MAX_TOP};
use super::CorpusHandle;
use crate::engine::chart::bar_chart_svg;
use crate::engine::stats::term_frequencies;
use leptos::prelude::*;

#[component]
pub fn TermPanel() -> impl IntoView {
    let corpus = expect_context::<CorpusHandle>();
    let view_state = expect_context::<RwSignal<ViewState>>();

    let selection_title = {
        let corpus = corpus.clone();
        move || {
            view_state.with(|s| match s.doc.as_deref().and_then(|id| corpus.doc_index(id)) {
                Some(i) => format!("{} {}", corpus.docs[i].info.date, corpus.docs[i].info.title),
                None => "全部文献 Whole corpus".to_string(),
            })
        }
    };
    let table = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let (doc, top) = view_state.with(|s| (s.doc.clone(), s.top));
            let docs: Vec<usize> = match doc.as_deref().and_then(|id| corpus.doc_index(id)) {
                Some(i) => vec![i],
                None => (0..corpus.docs.len()).collect(),
            };
            let mut table = term_frequencies(&corpus, &docs);
            table.rows.truncate(top);
            table
        })
    };
    let chart_svg = {
        let selection_title = selection_title.clone();
        Memo::new(move |_| {
            let bars: Vec<(String, f64)> =
                table.with(|t| t.rows.iter().map(|r| (r.term.clone(), r.count as f64)).collect());
            let caption = format!("高频词 Top terms — {}", selection_title());
            bar_chart_svg(&bars, &caption, "次数 count", chart_width()).unwrap_or_else(|e| {
                format!("<p class=\"error\">The chart could not be drawn: {}</p>", e.replace('<', "&lt;"))
            })
        })
    };
    let summary = move || {
        table.with(|t| format!("{} word tokens in {} document(s); {} terms shown", t.tokens, t.documents, t.rows.len()))
    };
    let rows = move || {
        table.with(|t| {
            t.rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    view! {
                        <tr>
                            <td class="num">{i + 1}</td>
                            <td class="term">{r.term.clone()}</td>
                            <td class="num">{r.count}</td>
                            <td class="num">{format!("{:.1}", r.per_10k)}</td>
                            <td class="num">{r.docs}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let set_top = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
            view_state.update(|s| s.top = n.clamp(1, MAX_TOP));
        }
    };

    view! {
        <section class="panel terms" aria-labelledby="terms-heading">
            <header class="panel-head">
                <h2 id="terms-heading">"词频 Term frequencies"</h2>
                <label class="top-n">
                    "Top "
                    <select id="top-n" on:change=set_top prop:value=move || view_state.with(|s| s.top.to_string())>
                        {[10usize, 20, 30, 50].into_iter().map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                    </select>
                </label>
            </header>
            <p class="selection" aria-live="polite">{selection_title} " — " {summary}</p>
            <div id="term-chart" class="chart" role="img" aria-label=move || format!("Bar chart: {}", selection_title_for_label(&table))
                inner_html=move || chart_svg.get()></div>
            <table id="term-table" class="term-table">
                <caption>"Top terms of the selection (stopwords, punctuation and numbers excluded)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">"词 term"</th>
                        <th scope="col">"次数 count"</th>
                        <th scope="col">"每万词 per 10k"</th>
                        <th scope="col">"文献数 docs"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// Chart width in pixels for this screen: drawn at the size it is shown,
/// so labels stay legible on a phone.
fn chart_width() -> u32 {
    let viewport = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    // The documents column takes ~360 px beside the chart on wide screens.
    let available = if viewport > 820.0 { viewport - 430.0 } else { viewport - 60.0 };
    available.clamp(300.0, 760.0) as u32
}

fn selection_title_for_label(table: &Memo<crate::engine::stats::TermTable>) -> String {
    table.with(|t| {
        t.rows.iter().take(10).map(|r| format!("{} {}", r.term, r.count)).collect::<Vec<_>>().join(", ")
    })
}
