//! Cloud panel: a word cloud of the selection, weights from the term table,
//! laid out deterministically; clicking a word selects it.

use super::panel::{chart_mark, CsvSource, PanelFrame};
use super::{describe_selection, selection_slug, Analysis};
use cijing_engine::charts::{word_cloud_svg, ChartText};
use cijing_view::i18n::t;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

#[component]
pub fn CloudPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    let words = Memo::new(move |_| {
        // A cloud reads best with more words than a bar chart: 2.5 × top-N.
        let n = (analysis.top.get() * 5 / 2).max(30);
        analysis.terms.with(|t| {
            t.rows.iter().take(n).map(|r| (r.term.clone(), r.count as f64)).collect::<Vec<_>>()
        })
    });
    let svg = Memo::new(move |_| {
        let text = ChartText {
            title: t(lang(), "cloud.title").to_string(),
            subtitle: describe_selection(&analysis),
        };
        let width = analysis.chart_width.with(|w| w.0);
        words.with(|w| word_cloud_svg(w, &text, width)).unwrap_or_else(|e| {
            format!("<p class=\"error\">{}</p>", e.to_string().replace('<', "&lt;"))
        })
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(word) = chart_mark(&ev, "data-term") {
            analysis.choose_term(&word);
        }
    };
    let csv: CsvSource = Callback::new(move |_| {
        (
            vec!["term", "weight"],
            words.get_untracked().into_iter().map(|(t, w)| vec![t, format!("{w}")]).collect(),
        )
    });
    view! {
        <PanelFrame panel=Panel::Cloud file_parts=Signal::derive(move || selection_slug(&analysis)) csv=csv svg=Signal::derive(move || svg.get())>
            <div id="cloud-chart" class="chart clickable" role="img"
                aria-label=move || format!("{}: {}", t(lang(), "cloud.title"), words.with(|w| w.iter().take(15).map(|(t, _)| t.clone()).collect::<Vec<_>>().join(", ")))
                on:click=on_click inner_html=move || svg.get()></div>
        </PanelFrame>
    }
}
