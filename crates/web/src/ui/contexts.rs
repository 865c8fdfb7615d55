//! Contexts panel: the concordance of the selected term, sortable by left
//! or right context, [`PAGE`] lines a page; each line names its document
//! and opens its place in the reader (which takes the focus). The left
//! context is clipped at its far end, so the words next to the node stay
//! in view at any width.

use super::panel::{columns, content_key, Column, CsvSource, PanelFrame, TableHead};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::statistics::kwic::{kwic, sort_lines, KwicLine, KwicOptions, KwicSort};
use cijing_view::i18n::t;
use cijing_view::ui_logic::topic_name;
use cijing_view::view_state::Panel;
use cijing_view::view_state::KWIC_CHARS;
use leptos::prelude::*;

/// The columns of the contexts table.
const HEAD: &[Column] = columns![
    text "contexts.left", text "contexts.node", text "contexts.right", text "contexts.where",
];

/// Concordance lines a page.
pub const PAGE: usize = 50;
/// Lines of a page drawn in the click's frame: more than its scroll box
/// shows (six or seven); the rest are drawn in the task after that frame,
/// or as soon as the end of these comes into view.
const FIRST_LINES: usize = 12;

/// Context widths offered, in characters a side.
const WIDTHS: [usize; 5] = [10, 20, 30, 50, 80];

/// Sorts by the browser's pinyin collation (ICU's `zh-u-co-pinyin`), which
/// costs the page nothing to ship; code-point order where it is missing.
fn sort_by_pinyin(lines: &mut [KwicLine], sort: KwicSort) {
    use wasm_bindgen::JsValue;
    let locales = js_sys::Array::of1(&JsValue::from_str("zh-u-co-pinyin"));
    let collator = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new());
    let compare = collator.compare();
    sort_lines(lines, sort, |a, b| {
        let order = compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64());
        match order {
            Some(n) if n < 0.0 => std::cmp::Ordering::Less,
            Some(n) if n > 0.0 => std::cmp::Ordering::Greater,
            Some(_) => a.cmp(b),
            None => a.cmp(b),
        }
    });
}

const SORTS: [(KwicSort, &str, &str); 5] = [
    (KwicSort::Position, "position", "contexts.sort.position"),
    (KwicSort::L1, "l1", "contexts.sort.l1"),
    (KwicSort::L2, "l2", "contexts.sort.l2"),
    (KwicSort::R1, "r1", "contexts.sort.r1"),
    (KwicSort::R2, "r2", "contexts.sort.r2"),
];

/// A concordance line with what its row shows beside it.
#[derive(Clone, PartialEq)]
struct ContextRow {
    line: KwicLine,
    title: String,
    open_label: &'static str,
    /// (name, colour) of its paragraph's topics.
    marks: Vec<(String, String)>,
}

#[component]
pub fn ContextsPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    // The order of words (pinyin or code point) and the context width.
    let layout = Memo::new(move |_| view.with(|v| (v.kwic_pinyin, v.kwic_chars)));
    let lines = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let sort = analysis.kwic_sort.get();
        let (pinyin, context_chars) = layout.get();
        let Some(query) = analysis.query.get() else {
            return Vec::new();
        };
        let mut lines = analysis.selection.with(|s| {
            kwic(&corpus, s, &query, &KwicOptions { sort, context_chars, ..KwicOptions::default() })
        });
        if pinyin {
            sort_by_pinyin(&mut lines, sort);
        }
        lines
    });
    let page = RwSignal::new(0usize);
    // A new concordance starts at its first page.
    Effect::new(move |_| {
        lines.track();
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
    // Whether all of the page's lines are drawn, or its first ones: a new
    // query, selection or page starts with the first (a re-sort of a page
    // keeps all), and draws the rest once its frame is painted.
    let whole_page = RwSignal::new(false);
    Effect::new(move |_| {
        analysis.query.track();
        analysis.selection.track();
        page.track();
        whole_page.set(false);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    whole_page.try_set(true);
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let more = NodeRef::<leptos::html::Div>::new();
    super::lazy::when_seen(more, move || whole_page.set(true));
    let open = Callback::new(move |(doc, paragraph): (String, usize)| {
        analysis.focus_reader.set_value(true);
        view.update(|v| {
            v.read = Some(doc);
            v.para = Some(paragraph);
            if !v.is_open(Panel::Reader) {
                v.panels.push(Panel::Reader);
                v.panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
            }
        });
        super::panel::scroll_to_panel(Panel::Reader);
    });
    let csv: CsvSource = Callback::new(move |_| {
        let t = lines.with_untracked(|l| cijing_engine::statistics::table::kwic(l));
        (t.header(), t.rows)
    });
    let file_parts = Signal::derive(move || {
        format!("{}_{}", analysis.term.get().unwrap_or_default(), selection_slug(&analysis))
    });
    // Each line with everything it shows, so a row reads nothing reactive
    // (see rows.rs): its document's title and its paragraph's topics.
    let rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let (threshold, lang) = (analysis.threshold.get(), analysis.lang());
        let open_label = t(lang, "contexts.open");
        let first = page.get() * PAGE;
        let drawn = if whole_page.get() { PAGE } else { FIRST_LINES };
        lines.with(|lines| {
            analysis.topic_scores.with(|scores| {
                lines
                    .iter()
                    .skip(first)
                    .take(drawn)
                    .map(|l| {
                        let d = corpus.doc_index(&l.doc);
                        let title =
                            d.map(|d| corpus.docs[d].info.title.clone()).unwrap_or_default();
                        let marks = d
                            .map(|d| corpus.index.doc_paragraphs(d).start + l.paragraph - 1)
                            .map(|global| {
                                scores
                                    .topics_of(global, threshold)
                                    .into_iter()
                                    .map(|t| {
                                        (
                                            topic_name(lang, &scores.topics[t]).to_string(),
                                            scores.topics[t].color.clone(),
                                        )
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        ContextRow { line: l.clone(), title, open_label, marks }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // Lines 1–50 of 461, and the buttons to the pages before and after.
    let pager = move || {
        let n = lines.with(|l| l.len());
        let lang = lang();
        let first = page.get() * PAGE;
        (n > PAGE).then(|| {
            let last = (first + PAGE).min(n);
            view! {
                <nav class="pager" aria-label=t(lang, "contexts.pages")>
                    <button id="kwic-prev" disabled={first == 0} on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{t(lang, "contexts.prev")}</button>
                    <span id="kwic-page" aria-live="polite">{format!("{}–{last} / {n}", first + 1)}</span>
                    <button id="kwic-next" disabled={last >= n} on:click=move |_| page.update(|p| *p += 1)>{t(lang, "contexts.next")}</button>
                </nav>
            }
        })
    };
    view! {
        <PanelFrame panel=Panel::Contexts file_parts=file_parts csv=csv tools=move || view! { <ConcordanceChoices layout=layout /> }>
            // Reads the language itself: a closure nested in one that is
            // rebuilt on every click would leave a dead subscriber behind.
            {move || match analysis.term.get() {
                None => view! { <p class="muted">{t(lang(), "term.pick")}</p> }.into_any(),
                Some(term) => {
                    let n = lines.with(|l| l.len());
                    view! {
                        <p class="muted" aria-live="polite">
                            <strong>{term}</strong>
                            {format!(" · {n} {}", t(lang(), "contexts.hits"))}
                        </p>
                        {(n == 0).then(|| view! { <p>{t(lang(), "contexts.none")}</p> })}
                    }.into_any()
                }
            }}
            {pager}
            <div class="kwic-wrap">
                <table id="kwic-table" class="data kwic" data-lines=move || lines.with(|l| l.len())>
                    <colgroup><col class="c-left" /><col class="c-node" /><col class="c-right" /><col class="c-where" /></colgroup>
                    <TableHead columns=HEAD />
                    <tbody>
                        // Keyed by the line's place and text: a re-sort moves rows.
                        <Rows each=move || rows.get()
                            key=|r| content_key((&r.line.doc, r.line.paragraph, r.line.position, &r.line.left, &r.line.node, &r.line.right, &r.line.date, r.open_label, &r.marks))
                            children=move |row| view! { <ContextLine row=row open=open /> } />
                    </tbody>
                </table>
                // Seen: the page's other lines are drawn.
                <div class="kwic-more" node_ref=more
                    hidden=move || whole_page.get() || lines.with(|l| l.len().saturating_sub(page.get() * PAGE) <= FIRST_LINES)></div>
            </div>
            <super::plot::DispersionPlot />
        </PanelFrame>
    }
}

/// The concordance's order, collation and context width.
#[component]
fn ConcordanceChoices(layout: Memo<(bool, usize)>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    view! {
        <label class="field">
            {tr(analysis.lang, "contexts.sort")}
            <select id="kwic-sort" prop:value=move || { let sort = analysis.kwic_sort.get(); SORTS.iter().find(|s| s.0 == sort).map_or("position", |s| s.1) }
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(s) = SORTS.iter().find(|s| s.1 == code) { view.update(|v| v.kwic_sort = s.0) }
                }>
                {SORTS.iter().map(|(_, code, key)| view! { <option value=*code>{tr(analysis.lang, key)}</option> }).collect_view()}
            </select>
        </label>
        <label class="field">
            {tr(analysis.lang, "contexts.order")}
            <select id="kwic-order" prop:value=move || if layout.get().0 { "pinyin" } else { "codepoint" }
                on:change=move |ev| { let pinyin = event_target_value(&ev) == "pinyin"; view.update(|v| v.kwic_pinyin = pinyin) }>
                <option value="codepoint">{tr(analysis.lang, "contexts.order.codepoint")}</option>
                <option value="pinyin">{tr(analysis.lang, "contexts.order.pinyin")}</option>
            </select>
        </label>
        <label class="field">
            {tr(analysis.lang, "contexts.width")}
            <select id="kwic-width" prop:value=move || layout.get().1.to_string()
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                        view.update(|v| v.kwic_chars = n.clamp(KWIC_CHARS.0, KWIC_CHARS.2));
                    }
                }>
                // A width from a link that is not offered is shown as it is.
                {move || {
                    let now = layout.get().1;
                    let mut widths = WIDTHS.to_vec();
                    if !widths.contains(&now) { widths.push(now); widths.sort(); }
                    widths.into_iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()
                }}
            </select>
        </label>
    }
}

/// One concordance line: left context, node, right context, and where it
/// is (a button that opens the paragraph in the reader), with its topics.
#[component]
fn ContextLine(row: ContextRow, open: Callback<(String, usize)>) -> impl IntoView {
    let ContextRow { line: l, title, open_label, marks } = row;
    let (doc, para) = (l.doc.clone(), l.paragraph);
    view! {
        <tr>
            // Right to left: the cell clips its start, far from the node;
            // the text itself is isolated and runs left to right.
            <td class="left"><bdi dir="ltr">{l.left.clone()}</bdi></td>
            <td class="node"><mark>{l.node.clone()}</mark></td>
            <td class="right">{l.right.clone()}</td>
            <td class="where">
                <button class="link" title=open_label data-doc=l.doc.clone() data-para=para
                    on:click=move |_| open.run((doc.clone(), para))>
                    <span class="doc-title">{title}</span>
                    <span class="doc-place">{format!("{} ¶{}", l.date, para)}</span>
                </button>
                <span class="topic-marks">
                    {marks.into_iter().map(|(name, color)| view! {
                        <span class="topic-dot" style=("--topic", color) title=name.clone() role="img" aria-label=name></span>
                    }).collect_view()}
                </span>
            </td>
        </tr>
    }
}
