//! Summary panel: size of the selection, its lexical variety (types,
//! TTR, STTR, MATTR), date span, longest documents, and its most
//! distinctive terms (keyness).

use super::panel::{CsvSource, PanelFrame, TermButton};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::statistics::profile::{lexical_profile, ProfileOptions};
use cijing_engine::text::segment::Mode;
use cijing_view::ui_logic::distinctive_terms;
use cijing_view::view_state::Panel;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Summary {
    docs: usize,
    paragraphs: usize,
    tokens: u64,
    /// Distinct words, stopwords included (the term table leaves them out).
    types: u64,
    span: String,
    ttr: f64,
    sttr: Option<f64>,
    mattr: Option<f64>,
    longest: Vec<(String, String, u64)>,
    distinctive: Option<Vec<(String, f64)>>,
}

#[component]
pub fn SummaryPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let summary = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let tokens = analysis.terms.with(|t| t.tokens);
        let distinctive =
            analysis.keyness.with(|k| k.as_ref().map(|k| distinctive_terms(&k.rows, 12, 10.83)));
        analysis.selection.with(|selection| {
            let docs = selection.docs(&corpus);
            let mut dates: Vec<String> =
                docs.iter().map(|&d| corpus.docs[d].info.date.to_string()).collect();
            dates.sort();
            let span = match (dates.first(), dates.last()) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a} – {b}"),
                _ => "—".into(),
            };
            let mut longest: Vec<(String, String, u64)> = docs
                .iter()
                .map(|&d| {
                    let tokens: u64 = corpus
                        .index
                        .doc_paragraphs(d)
                        .filter(|&p| selection.contains(p))
                        .map(|p| corpus.index.word_tokens[p] as u64)
                        .sum();
                    (
                        corpus.docs[d].info.title.clone(),
                        corpus.docs[d].info.date.to_string(),
                        tokens,
                    )
                })
                .collect();
            longest.sort_by_key(|l| std::cmp::Reverse(l.2));
            longest.truncate(3);
            let profile = lexical_profile(&corpus, selection, &ProfileOptions::default());
            Summary {
                docs: docs.len(),
                paragraphs: selection.len(),
                tokens,
                types: profile.types,
                span,
                ttr: profile.ttr,
                sttr: profile.sttr,
                mattr: profile.mattr,
                longest,
                distinctive,
            }
        })
    });
    let csv: CsvSource = Callback::new(move |_| {
        let s = summary.get_untracked();
        let header = vec!["measure", "value"];
        let mut rows = vec![
            vec!["documents".into(), s.docs.to_string()],
            vec!["paragraphs".into(), s.paragraphs.to_string()],
            vec!["word_tokens".into(), s.tokens.to_string()],
            vec!["types".into(), s.types.to_string()],
            vec!["date_span".into(), s.span.clone()],
            vec!["ttr".into(), format!("{:.4}", s.ttr)],
            vec!["sttr".into(), s.sttr.map(|v| format!("{v:.4}")).unwrap_or_default()],
            vec!["mattr".into(), s.mattr.map(|v| format!("{v:.4}")).unwrap_or_default()],
        ];
        for (title, date, tokens) in &s.longest {
            rows.push(vec!["longest_document".into(), format!("{date} {title} ({tokens})")]);
        }
        for (term, g2) in s.distinctive.iter().flatten() {
            rows.push(vec!["distinctive_term".into(), format!("{term} (G² {g2:.1})")]);
        }
        (header, rows)
    });
    let file_parts = Signal::derive(move || selection_slug(&analysis));
    // Each figure and list follows its own part of the summary.
    let stat = move |key: &'static str, value: fn(&Summary) -> String| {
        let wide = key == "summary.span";
        view! { <div class="stat" class:span2=wide><dt>{tr(analysis.lang, key)}</dt><dd>{move || summary.with(value)}</dd></div> }
    };
    let longest = move || summary.with(|s| s.longest.clone());
    let distinctive = move || summary.with(|s| s.distinctive.clone().unwrap_or_default());
    view! {
        <PanelFrame panel=Panel::Summary file_parts=file_parts csv=csv>
            <Show when=move || analysis.segment_options.with(|o| o.mode == Mode::Search)>
                <p class="notice search-mode" role="note">{tr(analysis.lang, "notice.search_mode")}</p>
            </Show>
            <dl class="stats">
                {stat("summary.documents", |s| s.docs.to_string())}
                {stat("summary.paragraphs", |s| s.paragraphs.to_string())}
                {stat("summary.tokens", |s| s.tokens.to_string())}
                {stat("summary.types", |s| s.types.to_string())}
                {stat("summary.ttr", |s| format!("{:.3}", s.ttr))}
                {stat("summary.sttr", |s| s.sttr.map_or("—".into(), |v| format!("{v:.3}")))}
                {stat("summary.mattr", |s| s.mattr.map_or("—".into(), |v| format!("{v:.3}")))}
                {stat("summary.span", |s| s.span.clone())}
            </dl>
            <p class="muted small-print">{tr(analysis.lang, "summary.variety")}</p>
            <h3>{tr(analysis.lang, "summary.longest")}</h3>
            <ol class="longest">
                <Rows each=longest key=|doc| doc.clone() children=|(title, date, tokens)| view! {
                    <li><span class="doc-date">{date}</span> " " {title} <span class="muted">{format!(" · {tokens}")}</span></li>
                } />
            </ol>
            <h3>{tr(analysis.lang, "summary.distinctive")}</h3>
            <Show when=move || summary.with(|s| s.distinctive.is_some())
                fallback=move || view! { <p class="muted">{tr(analysis.lang, "summary.whole")}</p> }>
                <p class="term-list">
                    <Rows each=distinctive key=|(term, _)| term.clone() children=|(term, _)| view! { <TermButton term=term /> } />
                </p>
            </Show>
        </PanelFrame>
    }
}
