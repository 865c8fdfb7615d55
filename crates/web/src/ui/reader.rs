//! Reader panel: a document's cleaned text with the selected term
//! highlighted, word boundaries on demand, and a minimap of where the term
//! occurs; a concordance line opens its paragraph here. A long document
//! (a user's text) is shown [`PAGE`] paragraphs at a time.

use super::panel::{content_key, CsvSource, PanelFrame};
use super::rows::Rows;
use super::tr;
use super::Analysis;
use cijing_engine::text::segment::TokenKind;
use cijing_view::i18n::t;
use cijing_view::ui_logic::topic_name;
use cijing_view::view_state::Panel;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Paragraphs shown at once. Every shipped document fits on one page (the
/// longest has 127); a 10 MB text has some 50,000 paragraphs, which the
/// page cannot lay out at once (20 s of main thread).
pub const PAGE: usize = 200;

/// Most minimap ticks; beyond, nearby paragraphs with hits share one (a
/// band of 1/64 of the text each: 6.5 px of the 26rem minimap, which fits
/// a 6 px tick without overlap).
const MAX_TICKS: usize = 64;

/// One paragraph ready to show: pieces of text, each marked as a hit or
/// not, and whether it is a word (for boundaries).
#[derive(Clone, PartialEq, Hash)]
struct ParaView {
    doc: usize,
    number: usize,
    /// (name, colour) of the topics the paragraph belongs to.
    topics: Vec<(String, String)>,
    pieces: Vec<Piece>,
    hits: usize,
    /// The paragraph a concordance line opened.
    focused: bool,
}

/// A piece of a paragraph's text as the reader shows it.
#[derive(Clone, PartialEq, Hash)]
enum Piece {
    /// A token of a hit of the query.
    Hit(String),
    /// A word token, boxed when segments are shown.
    Word(String),
    /// Punctuation, numbers or space between words, when segments are shown.
    Punct(String),
    /// Text with no hit, when segments are not shown: one text node.
    Plain(String),
}

/// A paragraph's pieces: each token its own when `segments` are shown,
/// else the text between hits in one piece (a document is thousands of
/// tokens: one element each made a new document take ~100 ms to draw).
fn pieces(
    text: &str,
    tokens: &[cijing_engine::corpus::Token],
    hits: &[(usize, usize)],
    is_word: impl Fn(&cijing_engine::corpus::Token) -> bool,
    segments: bool,
) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (k, tok) in tokens.iter().enumerate() {
        let piece = &text[tok.start as usize..tok.end as usize];
        if hits.iter().any(|&(a, b)| k >= a && k < b) {
            pieces.push(Piece::Hit(piece.to_string()));
        } else if segments {
            pieces.push(if is_word(tok) {
                Piece::Word(piece.to_string())
            } else {
                Piece::Punct(piece.to_string())
            });
        } else if let Some(Piece::Plain(run)) = pieces.last_mut() {
            run.push_str(piece);
        } else {
            pieces.push(Piece::Plain(piece.to_string()));
        }
    }
    pieces
}

#[component]
pub fn ReaderPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    // The document shown: the chosen one, else the selection's first
    // document with the term, else its first document.
    let doc = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        if let Some(d) = analysis.read.get().and_then(|id| corpus.doc_index(&id)) {
            return Some(d);
        }
        let docs = analysis.selection.with(|s| s.docs(&corpus));
        let with_term = analysis.query.with(|q| {
            q.as_ref().and_then(|q| {
                let paras = q.candidate_paragraphs(&corpus);
                docs.iter()
                    .copied()
                    .find(|&d| paras.iter().any(|&p| corpus.index.paragraphs[p].doc as usize == d))
            })
        });
        with_term.or(docs.first().copied())
    });
    // (paragraph number, hits) of every paragraph of the document with
    // hits, from the postings: a long document is not read whole.
    let hit_counts = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let Some(d) = doc.get() else {
            return Vec::new();
        };
        let Some(query) = analysis.query.get() else {
            return Vec::new();
        };
        let range = corpus.index.doc_paragraphs(d);
        query
            .candidate_paragraphs(&corpus)
            .into_iter()
            .filter(|g| range.contains(g))
            .map(|g| (g - range.start + 1, query.hits(&corpus, g).len()))
            .filter(|&(_, hits)| hits > 0)
            .collect::<Vec<_>>()
    });
    let paragraph_total = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        doc.get().map_or(0, |d| corpus.index.doc_paragraphs(d).len())
    });
    // The page the user turned to, and what it was turned under (document,
    // paragraph opened, term): a new one of those shows its own page.
    type PageKey = (Option<usize>, Option<usize>, Option<String>);
    let page_key = move || -> PageKey { (doc.get(), analysis.para.get(), analysis.term.get()) };
    let turned = RwSignal::new(None::<(usize, PageKey)>);
    // The page shown: the one turned to, else the opened paragraph's, else
    // the first hit's, else the first.
    let page = Memo::new(move |_| {
        let total = paragraph_total.get();
        if total <= PAGE {
            return 0;
        }
        let key = page_key();
        if let Some((page, _)) = turned.get().filter(|(_, k)| *k == key) {
            return page;
        }
        // A paragraph past the end (a link's) shows the last page.
        let shown = key
            .1
            .or_else(|| hit_counts.with(|h| h.first().map(|&(n, _)| n)))
            .map_or(1, |n| n.clamp(1, total));
        (shown - 1) / PAGE
    });
    let paragraphs = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let Some(d) = doc.get() else {
            return Vec::new();
        };
        let query = analysis.query.get();
        let threshold = analysis.threshold.get();
        let (focus, lang) = (analysis.para.get(), analysis.lang());
        let segments = analysis.show_segments.get();
        let start = corpus.index.doc_paragraphs(d).start;
        let shown = page.get() * PAGE;
        corpus.docs[d]
            .paragraphs
            .iter()
            .enumerate()
            .skip(shown)
            .take(PAGE)
            .map(|(i, p)| {
                // Every hit of the query: part-of-speech slots checked, and
                // a quoted substring's tokens.
                let hits: Vec<(usize, usize)> = query
                    .as_ref()
                    .map(|q| {
                        q.hits(&corpus, start + i).into_iter().map(|h| (h.first, h.last)).collect()
                    })
                    .unwrap_or_default();
                let pieces = pieces(
                    &p.text,
                    &p.tokens,
                    &hits,
                    |tok| corpus.vocab.term(tok.term).kind == TokenKind::Word,
                    segments,
                );
                let topics = analysis.topic_scores.with(|scores| {
                    scores
                        .topics_of(start + i, threshold)
                        .into_iter()
                        .map(|t| {
                            (
                                topic_name(lang, &scores.topics[t]).to_string(),
                                scores.topics[t].color.clone(),
                            )
                        })
                        .collect()
                });
                ParaView {
                    doc: d,
                    number: i + 1,
                    topics,
                    pieces,
                    hits: hits.len(),
                    focused: focus == Some(i + 1),
                }
            })
            .collect::<Vec<_>>()
    });
    let doc_id = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        doc.get().map(|d| corpus.docs[d].info.id.clone()).unwrap_or_default()
    });
    follow_opened_paragraph(analysis, paragraphs);
    let csv = document_csv(doc, hit_counts);
    let file_parts = Signal::derive(move || {
        format!("{}_{}", doc_id.get(), analysis.term.get().unwrap_or_default())
    });
    let turn = Callback::new(move |to: usize| {
        turned.set(Some((to, page_key())));
        // The new page from its start.
        request_animation_frame(|| {
            let text = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("reader-text"));
            if let Some(text) = text {
                text.set_scroll_top(0);
            }
        });
    });
    view! {
        <PanelFrame panel=Panel::Reader file_parts=file_parts csv=csv tools=move || view! { <DocumentChoice doc_id=doc_id /> }>
            <div class="reader" class:segments=analysis.show_segments>
                <Minimap doc=doc total=paragraph_total hit_counts=hit_counts />
                <div class="reader-text" id="reader-text">
                    <Pager total=paragraph_total page=page turn=turn below=false />
                    // Keyed by content: a new term rebuilds only the paragraphs
                    // whose highlights change.
                    <Rows each=move || paragraphs.get() key=|p| content_key(p) children=|p| view! { <ReaderParagraph p=p /> } />
                    <Pager total=paragraph_total page=page turn=turn below=true />
                </div>
            </div>
        </PanelFrame>
    }
}

/// Scrolls to the paragraph a concordance line or a link asks for, and
/// moves the focus there when a line was opened (not when a link is loaded).
fn follow_opened_paragraph(analysis: Analysis, paragraphs: Memo<Vec<ParaView>>) {
    Effect::new(move |_| {
        let para = analysis.para.get();
        paragraphs.track();
        if let Some(n) = para {
            let focus = analysis.focus_reader.get_value();
            analysis.focus_reader.set_value(false);
            request_animation_frame(move || {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("reader-p{n}")))
                {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                    if focus {
                        // Already scrolled into view, so focusing does not jump.
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
            });
        }
    });
}

/// The whole document, every page of it: (paragraph, hits, text) a row.
fn document_csv(doc: Memo<Option<usize>>, hit_counts: Memo<Vec<(usize, usize)>>) -> CsvSource {
    let analysis = expect_context::<Analysis>();
    Callback::new(move |_| {
        let corpus = analysis.corpus.get_untracked();
        let hits: std::collections::HashMap<usize, usize> =
            hit_counts.get_untracked().into_iter().collect();
        let rows = doc
            .get_untracked()
            .map(|d| {
                let paragraphs = corpus.docs[d].paragraphs.iter().enumerate();
                paragraphs
                    .map(|(i, p)| {
                        let hits = hits.get(&(i + 1)).copied().unwrap_or(0);
                        vec![(i + 1).to_string(), hits.to_string(), p.text.clone()]
                    })
                    .collect()
            })
            .unwrap_or_default();
        (vec!["paragraph", "hits", "text"], rows)
    })
}

/// The document chooser and the word-boundaries switch.
#[component]
fn DocumentChoice(doc_id: Memo<String>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let doc_options = move || {
        let corpus = analysis.corpus.get();
        let docs = analysis.selection.with(|s| s.docs(&corpus));
        docs.into_iter()
            .map(|d| {
                let info = &corpus.docs[d].info;
                (d, info.id.clone(), format!("{} {}", info.date, info.title))
            })
            .collect::<Vec<_>>()
    };
    let choose = move |ev| {
        let id = event_target_value(&ev);
        view.update(|v| {
            v.read = Some(id);
            v.para = None;
        })
    };
    view! {
        <label class="field">
            {tr(analysis.lang, "reader.document")}
            <select id="reader-doc" prop:value=move || doc_id.get() on:change=choose>
                <Rows each=doc_options key=|(d, _, _)| *d children=|(_, id, label)| view! { <option value=id>{label}</option> } />
            </select>
        </label>
        <label class="check field">
            <input type="checkbox" id="show-segments" prop:checked=analysis.show_segments
                on:change=move |ev| { let on = event_target_checked(&ev); view.update(|v| v.show_segments = on) } />
            {tr(analysis.lang, "reader.segments")}
        </label>
    }
}

/// Where the term occurs in the document: a tick per paragraph with hits
/// (nearby ones share a tick past [`MAX_TICKS`]), which opens it.
#[component]
fn Minimap(
    doc: Memo<Option<usize>>,
    total: Memo<usize>,
    hit_counts: Memo<Vec<(usize, usize)>>,
) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    // (doc, paragraph, paragraphs in all, label) of each tick. One memo: a
    // render effect that read both the paragraphs and a memo derived from
    // them could miss a change (see `Analysis`). Rows read nothing
    // reactive (see rows.rs): the label is made here.
    let ticks = Memo::new(move |_| {
        let lang = analysis.lang();
        let (d, n) = (doc.get().unwrap_or(0), total.get().max(1));
        let label = |first: usize, last: usize, hits: usize| {
            let paragraphs =
                if first == last { first.to_string() } else { format!("{first}–{last}") };
            format!("{} {paragraphs} · {hits} {}", t(lang, "reader.para"), t(lang, "reader.hits"))
        };
        hit_counts.with(|counts| {
            if counts.len() <= MAX_TICKS {
                return counts
                    .iter()
                    .map(|&(number, hits)| (d, number, n, label(number, number, hits)))
                    .collect::<Vec<_>>();
            }
            let mut bands: Vec<(usize, usize, usize, usize)> = Vec::new(); // band, first, last, hits
            for &(number, hits) in counts {
                let band = (number - 1) * MAX_TICKS / n;
                match bands.last_mut() {
                    Some(last) if last.0 == band => (last.2, last.3) = (number, last.3 + hits),
                    _ => bands.push((band, number, number, hits)),
                }
            }
            bands
                .into_iter()
                .map(|(_, first, last, hits)| (d, first, n, label(first, last, hits)))
                .collect()
        })
    });
    let tick = move |(_, number, n, label): (usize, usize, usize, String)| {
        // Set through the CSSOM (no style attribute), so a strict CSP allows it.
        let top = format!("{:.1}%", (number as f64 - 1.0) * 100.0 / n as f64);
        view! {
            <button class="tick" style=("top", top) data-para=number aria-label=label
                on:click=move |_| view.update(|v| v.para = Some(number))></button>
        }
    };
    view! {
        <nav class="minimap" aria-label=tr(analysis.lang, "reader.minimap")>
            <Rows each=move || ticks.get() key=|tick| tick.clone() children=tick />
        </nav>
    }
}

/// Paragraphs 201–400 of 50,321, and the buttons to the pages around;
/// above the text and again below it (without ids). Nothing for a
/// document of one page.
#[component]
fn Pager(
    total: Memo<usize>,
    page: Memo<usize>,
    turn: Callback<usize>,
    below: bool,
) -> impl IntoView {
    let lang = expect_context::<Analysis>().lang;
    move || {
        let n = total.get();
        (n > PAGE).then(|| {
            let lang = lang.get();
            let this = page.get();
            let first = this * PAGE;
            let last = (first + PAGE).min(n);
            let id = move |name: &'static str| (!below).then_some(name);
            view! {
                <nav class="pager" aria-label=t(lang, "reader.pages")>
                    <button id=id("reader-prev") disabled={first == 0} on:click=move |_| turn.run(this.saturating_sub(1))>{t(lang, "contexts.prev")}</button>
                    <span id=id("reader-page") aria-live=(!below).then_some("polite")>{format!("{} {}–{last} / {n}", t(lang, "reader.paras"), first + 1)}</span>
                    <button id=id("reader-next") disabled={last >= n} on:click=move |_| turn.run(this + 1)>{t(lang, "contexts.next")}</button>
                </nav>
            }
        })
    }
}

/// One paragraph: its number, its topics' dots, and its text with the
/// hits marked (and each word boxed when segments are shown).
#[component]
fn ReaderParagraph(p: ParaView) -> impl IntoView {
    let number = p.number;
    view! {
        <p id=format!("reader-p{number}") tabindex="-1" class:focused=p.focused class:has-hits={p.hits > 0}>
            <span class="para-no" aria-hidden="true">{number}</span>
            <span class="topic-marks">
                {p.topics.into_iter().map(|(name, color)| {
                    view! { <span class="topic-dot" style=("--topic", color) title=name.clone() role="img" aria-label=name></span> }
                }).collect_view()}
            </span>
            {p.pieces.into_iter().map(|piece| match piece {
                Piece::Hit(text) => view! { <mark class="tok">{text}</mark> }.into_any(),
                Piece::Word(text) => view! { <span class="tok">{text}</span> }.into_any(),
                Piece::Punct(text) => view! { <span class="punct">{text}</span> }.into_any(),
                Piece::Plain(text) => text.into_any(),
            }).collect_view()}
        </p>
    }
}
