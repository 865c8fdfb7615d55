//! Contexts panel: the concordance of the selected term, sortable by left
//! or right context; each line opens its place in the reader.

use crate::i18n::t;
use super::panel::{CsvSource, PanelFrame};
use super::{selection_slug, Analysis};
use crate::engine::kwic::{kwic, KwicOptions, KwicSort};
use crate::view_state::Panel;
use leptos::prelude::*;

const SORTS: [(KwicSort, &str, &str); 5] = [
    (KwicSort::Position, "position", "contexts.sort.position"),
    (KwicSort::L1, "l1", "contexts.sort.l1"),
    (KwicSort::L2, "l2", "contexts.sort.l2"),
    (KwicSort::R1, "r1", "contexts.sort.r1"),
    (KwicSort::R2, "r2", "contexts.sort.r2"),
];

#[component]
pub fn ContextsPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    let lines = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let sort = view.with(|v| v.kwic_sort);
        let Some(query) = analysis.query.get() else { return Vec::new() };
        analysis.selection.with(|s| kwic(&corpus, s, &query, &KwicOptions { sort, ..KwicOptions::default() }))
    });
    let open = move |doc: String, paragraph: usize| {
        view.update(|v| {
            v.read = Some(doc);
            v.para = Some(paragraph);
            if !v.is_open(Panel::Reader) {
                v.panels.push(Panel::Reader);
                v.panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
            }
        });
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("panel-reader")) {
            el.scroll_into_view();
        }
    };
    let csv: CsvSource = Callback::new(move |_| {
        let rows = lines.get_untracked().into_iter().map(|l| {
            vec![l.doc, l.date, l.paragraph.to_string(), l.left, l.node, l.right]
        }).collect();
        (vec!["doc", "date", "paragraph", "left", "node", "right"], rows)
    });
    let file_parts = Signal::derive(move || {
        format!("{}_{}", view.with(|v| v.term.clone()).unwrap_or_default(), selection_slug(&analysis))
    });
    let sort_select = move || view! {
        <label class="field">
            {move || t(lang(), "contexts.sort")}
            <select id="kwic-sort" prop:value=move || view.with(|v| SORTS.iter().find(|s| s.0 == v.kwic_sort).map_or("position", |s| s.1))
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(s) = SORTS.iter().find(|s| s.1 == code) { view.update(|v| v.kwic_sort = s.0) }
                }>
                {SORTS.iter().map(|(_, code, key)| view! { <option value=*code>{move || t(lang(), key)}</option> }).collect_view()}
            </select>
        </label>
    };
    let titles = move |id: &str| {
        let corpus = analysis.corpus.get();
        corpus.doc_index(id).map(|d| corpus.docs[d].info.title.clone()).unwrap_or_default()
    };
    view! {
        <PanelFrame panel=Panel::Contexts file_parts=file_parts csv=csv wide=true tools=move || sort_select()>
            {move || match view.with(|v| v.term.clone()) {
                None => view! { <p class="muted">{move || t(lang(), "term.pick")}</p> }.into_any(),
                Some(term) => {
                    let n = lines.with(|l| l.len());
                    view! {
                        <p class="muted" aria-live="polite">
                            <strong>{term}</strong>
                            {move || format!(" · {n} {}", t(lang(), "contexts.hits"))}
                        </p>
                        {(n == 0).then(|| view! { <p>{move || t(lang(), "contexts.none")}</p> })}
                    }.into_any()
                }
            }}
            <div class="kwic-wrap">
                <table id="kwic-table" class="data kwic">
                    <thead><tr>
                        <th scope="col" class="left">{move || t(lang(), "contexts.left")}</th>
                        <th scope="col" class="node">{move || t(lang(), "contexts.node")}</th>
                        <th scope="col">{move || t(lang(), "contexts.right")}</th>
                        <th scope="col">{move || t(lang(), "contexts.where")}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                        let corpus = analysis.corpus.get();
                        let (threshold, zh) = view.with(|v| (v.filter.topics.threshold, v.lang == crate::view_state::Lang::Zh));
                        lines.get().into_iter().take(500).map(|l| {
                            let (doc, para) = (l.doc.clone(), l.paragraph);
                            let title = titles(&l.doc);
                            let global = corpus.doc_index(&l.doc).map(|d| corpus.index.doc_paragraphs(d).start + l.paragraph - 1);
                            let marks: Vec<(String, String)> = global.map(|g| analysis.topic_scores.with(|scores| scores.topics_of(g, threshold).into_iter()
                                .map(|t| (if zh { scores.topics[t].zh.clone() } else { scores.topics[t].en.clone() }, scores.topics[t].color.clone())).collect())).unwrap_or_default();
                            view! {
                                <tr>
                                    <td class="left">{l.left.clone()}</td>
                                    <td class="node"><mark>{l.node.clone()}</mark></td>
                                    <td class="right">{l.right.clone()}</td>
                                    <td class="where">
                                        <button class="link" title=move || t(lang(), "contexts.open") data-doc=l.doc.clone() data-para=para
                                            on:click=move |_| open(doc.clone(), para)>
                                            {format!("{} ¶{}", l.date, para)}
                                        </button>
                                        <span class="sr-only">{title}</span>
                                        <span class="topic-marks">
                                            {marks.into_iter().map(|(name, color)| view! {
                                                <span class="topic-dot" style=format!("--topic: {color}") title=name.clone() role="img" aria-label=name></span>
                                            }).collect_view()}
                                        </span>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </PanelFrame>
    }
}
