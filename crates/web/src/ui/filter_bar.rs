//! The filter bar: documents, date range and parties; every panel works on
//! what it selects, and it says how much that is. Built to take more kinds
//! of filter (topics come next) as more groups in the same bar.

use super::rows::Rows;
use super::tr;
use super::Analysis;
use cijing_engine::corpus::selection::TopicMatch;
use cijing_engine::statistics::topics::Topic;
use cijing_seeds::party_name;
use cijing_view::i18n::t;
use cijing_view::ui_logic::topic_name;
use cijing_view::view_state::Lang;
use leptos::prelude::*;

#[component]
pub fn FilterBar() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let filter = analysis.filter;
    let lang = move || analysis.lang();
    let corpus = analysis.corpus.get_untracked();

    let years: Vec<String> = {
        let mut y: Vec<String> =
            corpus.docs.iter().map(|d| d.info.date.year().to_string()).collect();
        y.sort();
        y.dedup();
        y
    };
    let parties: Vec<String> = corpus.parties();

    let doc_items = corpus
        .docs
        .iter()
        .map(|d| {
            let id = d.info.id.clone();
            let id_change = id.clone();
            let checked = move || filter.with(|f| f.docs.contains(&id));
            view! {
                <li>
                    <label class="check">
                        <input type="checkbox" data-doc=d.info.id.clone() prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                view.update(|v| {
                                    v.filter.docs.retain(|x| x != &id_change);
                                    if on { v.filter.docs.push(id_change.clone()); }
                                });
                            } />
                        <span class="doc-date">{d.info.date.to_string()}</span>
                        <span class="doc-title">{d.info.title.clone()}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    let year_options = move |years: Vec<String>| {
        years
            .into_iter()
            .map(|y| view! { <option value=y.clone()>{y.clone()}</option> })
            .collect_view()
    };
    let party_buttons = parties
        .into_iter()
        .map(|code| {
            let code = StoredValue::new(code);
            let on = move || filter.with(|f| code.with_value(|code| f.parties.contains(code)));
            let name = code.with_value(|c| party_name(c).to_string());
            view! {
                <button class="toggle" data-party=code.get_value() aria-pressed=move || on().to_string() class:on=on
                    title=name
                    on:click=move |_| view.update(|v| {
                        let code = code.get_value();
                        if v.filter.parties.contains(&code) {
                            v.filter.parties.retain(|p| *p != code);
                        } else {
                            v.filter.parties.push(code);
                        }
                    })>
                    {code.get_value()}
                </button>
            }
        })
        .collect_view();

    let count = move || {
        let corpus = analysis.corpus.get();
        let (paras, docs) = analysis.selection.with(|s| (s.len(), s.docs(&corpus).len()));
        let total_paras = corpus.index.paragraphs.len();
        let total_docs = corpus.docs.len();
        if docs == 0 {
            return t(lang(), "filters.empty").to_string();
        }
        match lang() {
            Lang::Zh => format!("已选 {paras} / {total_paras} 段，{docs} / {total_docs} 篇文献"),
            Lang::En => {
                format!("{paras} of {total_paras} paragraphs, {docs} of {total_docs} documents")
            }
        }
    };
    let docs_summary = move || {
        let n = filter.with(|f| f.docs.len());
        if n == 0 {
            t(lang(), "filters.all_docs").to_string()
        } else {
            format!("{n} {}", t(lang(), "filters.n_docs"))
        }
    };
    let filtered = move || filter.with(|f| *f != Default::default());

    view! {
        <section class="bar filter-bar" aria-label=tr(analysis.lang, "filters.title")>
            <h2 class="bar-title">{tr(analysis.lang, "filters.title")}</h2>
            <details class="dropdown docs-filter">
                <summary>{tr(analysis.lang, "filters.docs")} ": " {docs_summary}</summary>
                <ul class="dropdown-list">{doc_items}</ul>
            </details>
            <label class="field">
                {tr(analysis.lang, "filters.from")}
                <select id="filter-from" prop:value=move || filter.with(|f| f.from.map(|b| b.to_string()).unwrap_or_default())
                    on:change=move |ev| { let y = event_target_value(&ev); view.update(|v| v.filter.set_from(y.parse().ok())); }>
                    <option value="">{tr(analysis.lang, "filters.any")}</option>
                    {year_options(years.clone())}
                </select>
            </label>
            <label class="field">
                {tr(analysis.lang, "filters.to")}
                <select id="filter-to" prop:value=move || filter.with(|f| f.to.map(|b| b.to_string()).unwrap_or_default())
                    on:change=move |ev| { let y = event_target_value(&ev); view.update(|v| v.filter.set_to(y.parse().ok())); }>
                    <option value="">{tr(analysis.lang, "filters.any")}</option>
                    {year_options(years.clone())}
                </select>
            </label>
            <span class="field" role="group" aria-label=tr(analysis.lang, "filters.parties")>
                {tr(analysis.lang, "filters.parties")} {party_buttons}
            </span>
            <TopicFilter />
            <button class="clear" disabled=move || !filtered() on:click=move |_| view.update(|v| v.filter = Default::default())>
                {tr(analysis.lang, "filters.clear")}
            </button>
            <p class="selection-count" aria-live="polite">{count}</p>
        </section>
    }
}

/// The topic filter: a chip per topic, and whether a paragraph needs any or
/// all of them, with how many keyword hits.
#[component]
fn TopicFilter() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let (view, filter) = (analysis.view, analysis.filter);
    view! {
        <div class="topic-filter" role="group" aria-label=tr(analysis.lang, "topics.title")>
            <span class="bar-label">{tr(analysis.lang, "topics.title")}</span>
            <Rows each=move || analysis.topics.get() key=|tp| (tp.id.clone(), tp.zh.clone(), tp.en.clone(), tp.color.clone()) children=|topic| view! { <TopicChip topic=topic /> } />
            <label class="field">
                {tr(analysis.lang, "topics.match")}
                <select id="topic-match" prop:value=move || filter.with(|f| if f.topics.matching == TopicMatch::All { "all" } else { "any" })
                    on:change=move |ev| { let all = event_target_value(&ev) == "all"; view.update(|v| v.filter.topics.matching = if all { TopicMatch::All } else { TopicMatch::Any }); }>
                    <option value="any">{tr(analysis.lang, "topics.match.any")}</option>
                    <option value="all">{tr(analysis.lang, "topics.match.all")}</option>
                </select>
            </label>
            <label class="field">
                {tr(analysis.lang, "topics.threshold")}
                <select id="topic-threshold" prop:value=move || analysis.threshold.get().to_string()
                    on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u32>() { view.update(|v| v.filter.topics.threshold = n) } }>
                    {[1u32, 2, 3, 4].into_iter().map(|n| view! { <option value=n.to_string()>{format!("≥ {n}")}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// A topic's chip: each click cycles it off → include → exclude → off.
/// Rows are keyed by what a chip shows, so a new user topic adds one chip.
#[component]
fn TopicChip(topic: Topic) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let (view, filter) = (analysis.view, analysis.filter);
    let lang = move || analysis.lang();
    let id = topic.id.clone();
    let id_state = id.clone();
    let state = Memo::new(move |_| {
        filter.with(|f| {
            if f.topics.include.contains(&id_state) {
                "include"
            } else if f.topics.exclude.contains(&id_state) {
                "exclude"
            } else {
                "off"
            }
        })
    });
    let (name_topic, label_topic) = (topic.clone(), topic.clone());
    let label = move || {
        let how = match state.get() {
            "include" => t(lang(), "topics.state.include"),
            "exclude" => t(lang(), "topics.state.exclude"),
            _ => t(lang(), "topics.state.off"),
        };
        format!("{}: {how}", topic_name(lang(), &label_topic))
    };
    view! {
        <button class="topic-chip" data-topic=id.clone() data-state=state aria-label=label.clone() title=label
            style=("--topic", topic.color.clone())
            on:click=move |_| view.update(|v| {
                let f = &mut v.filter.topics;
                if f.include.contains(&id) {
                    f.include.retain(|x| *x != id);
                    f.exclude.push(id.clone());
                } else if f.exclude.contains(&id) {
                    f.exclude.retain(|x| *x != id);
                } else {
                    f.include.push(id.clone());
                }
            })>
            <span class="swatch" aria-hidden="true"></span>
            <span class="sign" aria-hidden="true">{move || match state.get() { "include" => "＋", "exclude" => "−", _ => "" }}</span>
            {move || topic_name(lang(), &name_topic).to_string()}
        </button>
    }
}
