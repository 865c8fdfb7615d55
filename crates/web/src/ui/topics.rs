//! Topics panel: the overview (each topic's share of each document, in date
//! order; a click filters to that cell), the user's own topics (create,
//! edit, delete), and topics discovered by LDA in the browser, run in small
//! batches so the page stays responsive.

use super::download::save_text;
use super::panel::{
    chart_mark, columns, content_key, Column, CsvSource, PanelFrame, TableHead, TermButton,
};
use super::rows::Rows;
use super::tr;
use super::{selection_slug, Analysis};
use cijing_engine::charts::{heatmap_svg, ChartText};
use cijing_engine::statistics::lda::{Lda, LdaOptions, LdaTopic};
use cijing_engine::statistics::topics::{missing_keywords, topic_shares, user_topic, Topic};
use cijing_view::i18n::t;
use cijing_view::view_state::{Lang, Panel};
use leptos::prelude::*;
use std::time::Duration;

/// The columns of the topic overview's table.
const HEAD: &[Column] = columns![text "trends.date", text "trends.document", text "topics.main"];

/// Sweeps per batch between repaints, and in all.
const LDA_BATCH: usize = 10;
const LDA_SWEEPS: usize = 200;

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

    // ---- the user's topics
    let (name, set_name) = signal(String::new());
    let (keywords, set_keywords) = signal(String::new());
    let (editing, set_editing) = signal(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    let save = move || {
        let others: Vec<Topic> = analysis.topic_scores.with_untracked(|s| s.topics.clone());
        let edit = editing.get_untracked();
        match user_topic(&name.get_untracked(), &keywords.get_untracked(), &others, edit.as_deref())
        {
            Err(e) => set_problem.set(Some(e.to_string())),
            Ok(topic) => {
                view.update(|v| {
                    match v.user_topics.iter_mut().find(|t| Some(&t.id) == edit.as_ref()) {
                        Some(existing) => *existing = topic,
                        None => v.user_topics.push(topic),
                    }
                });
                set_problem.set(None);
                set_name.set(String::new());
                set_keywords.set(String::new());
                set_editing.set(None);
            }
        }
    };
    // One row per topic, keyed by what it is (an edit replaces its row).
    let user_topic_row = move |topic: Topic| {
        let for_missing = topic.clone();
        let missing =
            Memo::new(move |_| analysis.corpus.with(|c| missing_keywords(c, &for_missing)));
        let (id_edit, id_delete, id_count) = (topic.id.clone(), topic.id.clone(), topic.id.clone());
        let (edit_name, edit_words) = (topic.zh.clone(), topic.keywords.join(" "));
        let count = move || {
            analysis.topic_scores.with(|s| {
                s.topic_index(&id_count)
                    .map_or(0, |i| s.scores.iter().filter(|p| p[i] >= 1).count())
            })
        };
        view! {
            <li class="user-topic" data-topic=topic.id.clone()>
                <strong>{topic.zh.clone()}</strong>
                <span class="muted">{move || format!(" · {} {}", count(), t(lang(), "filters.paragraphs"))}</span>
                <span class="keywords">
                    {topic.keywords.iter().map(|k| {
                        let (k_class, k_title) = (k.clone(), k.clone());
                        let absent = move || missing.with(|m| m.contains(&k_class));
                        view! { <span class="kw" class:absent=absent title=move || if missing.with(|m| m.contains(&k_title)) { t(lang(), "topics.absent") } else { "" }>{k.clone()}</span> }
                    }).collect_view()}
                </span>
                <Show when=move || missing.with(|m| !m.is_empty())><span class="warn">{tr(analysis.lang, "topics.absent")}</span></Show>
                <button class="small" on:click=move |_| { set_editing.set(Some(id_edit.clone())); set_name.set(edit_name.clone()); set_keywords.set(edit_words.clone()); set_problem.set(None); }>
                    {tr(analysis.lang, "topics.edit")}
                </button>
                <button class="small" on:click=move |_| analysis.delete_user_topic(&id_delete)>
                    {tr(analysis.lang, "topics.delete")}
                </button>
            </li>
        }
    };

    // ---- discovered topics
    let (k, set_k) = signal(8usize);
    let (seed, set_seed) = signal(42u64);
    let (progress, set_progress) = signal(None::<usize>);
    let (found, set_found) = signal(Vec::<LdaTopic>::new());
    let model = StoredValue::new(None::<Lda>);
    let run_batch = move |step: &dyn Fn()| {
        let done = model.try_update_value(|m| {
            let Some(lda) = m.as_mut() else { return true };
            lda.sweep(LDA_BATCH);
            set_progress.set(Some(lda.sweeps()));
            lda.sweeps() >= LDA_SWEEPS
        });
        if done.unwrap_or(true) {
            let corpus = analysis.corpus.get_untracked();
            let topics = model
                .with_value(|m| m.as_ref().map(|l| l.topics(&corpus, 8, 1)).unwrap_or_default());
            set_found.set(topics);
            set_progress.set(None);
        } else {
            step();
        }
    };
    fn schedule(run: impl Fn(&dyn Fn()) + Copy + 'static) {
        set_timeout(move || run(&move || schedule(run)), Duration::from_millis(0));
    }
    let discover = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        let corpus = analysis.corpus.get_untracked();
        let selection = analysis.selection.get_untracked();
        model.set_value(Some(Lda::new(
            &corpus,
            &selection,
            LdaOptions {
                k: k.get_untracked(),
                seed: seed.get_untracked(),
                ..LdaOptions::default()
            },
        )));
        set_found.set(Vec::new());
        set_progress.set(Some(0));
        schedule(run_batch);
    };
    let keep = move |i: usize| {
        let Some(topic) = found.with_untracked(|f| f.get(i).cloned()) else {
            return;
        };
        let words: Vec<String> = topic.terms.iter().map(|(w, _)| w.clone()).collect();
        let name = format!(
            "LDA {} · {}",
            i + 1,
            words.iter().take(2).cloned().collect::<Vec<_>>().join(" ")
        );
        set_name.set(name);
        set_keywords.set(words.join(" "));
        set_editing.set(None);
        save();
    };
    let paragraph_text = move |g: usize| {
        let corpus = analysis.corpus.get_untracked();
        let place = corpus.index.paragraphs[g];
        let d = &corpus.docs[place.doc as usize];
        let text: String = d.paragraphs[place.para as usize].text.chars().take(70).collect();
        format!("{} ¶{} — {text}…", d.info.date, place.para + 1)
    };

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
                <section class="user-topics" aria-labelledby="user-topics-heading">
                    <h3 id="user-topics-heading">{tr(analysis.lang, "topics.mine")}</h3>
                    <button id="export-topics" class="small" disabled=move || analysis.user_topics.with(Vec::is_empty)
                        on:click=move |_| {
                            let text = analysis.user_topics.with_untracked(|topics| cijing_engine::statistics::topic_file::to_topic_file(topics));
                            save_text("cijing-topics.toml", "application/toml;charset=utf-8", &text);
                        }>
                        {tr(analysis.lang, "topics.export")}
                    </button>
                    <form class="topic-form" on:submit=move |ev| { ev.prevent_default(); save(); }>
                        <label class="field">{tr(analysis.lang, "topics.name")}
                            <input id="user-topic-name" type="text" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                        </label>
                        <label class="field grow">{tr(analysis.lang, "topics.keywords")}
                            <input id="user-topic-keywords" type="text" prop:value=keywords on:input=move |ev| set_keywords.set(event_target_value(&ev))
                                placeholder=tr(analysis.lang, "topics.keywords.hint") />
                        </label>
                        <button type="submit" id="user-topic-save">{move || if editing.get().is_some() { t(lang(), "topics.save") } else { t(lang(), "topics.add") }}</button>
                    </form>
                    <p class="error" role="alert">{move || problem.get()}</p>
                    <ul class="user-topic-list">
                        <Rows each=move || analysis.user_topics.get() key=|tp| (tp.id.clone(), tp.zh.clone(), tp.keywords.clone()) children=user_topic_row />
                    </ul>
                </section>
                <section class="lda" aria-labelledby="lda-heading">
                    <h3 id="lda-heading">{tr(analysis.lang, "topics.discovered")}</h3>
                    <div class="lda-controls">
                        <label class="field">"k"
                            <select id="lda-k" prop:value=move || k.get().to_string() on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { set_k.set(n) }>
                                {(4..=12).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field">{tr(analysis.lang, "topics.seed")}
                            <input id="lda-seed" type="number" min="0" prop:value=move || seed.get().to_string()
                                on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { set_seed.set(n) } />
                        </label>
                        <button id="lda-run" on:click=discover disabled=move || progress.get().is_some()>{tr(analysis.lang, "topics.discover")}</button>
                        {move || progress.get().map(|p| view! {
                            <progress id="lda-progress" max=LDA_SWEEPS value=p aria-label=tr(analysis.lang, "topics.running")></progress>
                            <span class="muted">{format!("{p} / {LDA_SWEEPS}")}</span>
                        })}
                    </div>
                    <p class="muted small-print">{tr(analysis.lang, "topics.lda.help")}</p>
                    <ol id="lda-topics" class="lda-topics">
                        <Rows each=move || found.get().into_iter().enumerate()
                            key=|(i, topic)| (*i, topic.terms.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>(), topic.paragraphs.first().map(|&(g, _)| g))
                            children=move |(i, topic)| view! {
                                <li>
                                    <span class="term-list">{topic.terms.iter().map(|(w, _)| view! { <TermButton term=w.clone() /> }).collect_view()}</span>
                                    {topic.paragraphs.first().map(|&(g, _)| view! { <p class="muted example">{paragraph_text(g)}</p> })}
                                    <button class="small keep" on:click=move |_| keep(i)>{tr(analysis.lang, "topics.keep")}</button>
                                </li>
                            } />
                    </ol>
                </section>
            </div>
        </PanelFrame>
    }
}
