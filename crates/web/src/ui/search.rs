//! The search box: a query of the query language (words, phrases,
//! wildcards, `/regex/`, parts of speech, `"substring"`) selects what the
//! concordance, trends, reader and collocates show; its hits, documents
//! and matched forms are counted over the selection (as `cijing search`).
//! A query that finds nothing says why, inline; suggestions are the
//! selection's most frequent words starting with what is typed.

use super::rows::Rows;
use super::tr;
use super::Analysis;
use cijing_engine::corpus::query::Query;
use cijing_engine::statistics::search::search;
use cijing_view::i18n::t;
use leptos::prelude::*;

/// How many words the suggestions list.
const SUGGESTIONS: usize = 10;

#[component]
pub fn SearchBox() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let text = RwSignal::new(analysis.term.get_untracked().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    // The box shows the selected term when it is chosen elsewhere.
    Effect::new(move |_| {
        if let Some(term) = analysis.term.get() {
            text.set(term);
            error.set(None);
        }
    });
    let suggestions = Memo::new(move |_| {
        text.with(|typed| {
            let typed = typed.trim();
            if typed.is_empty()
                || typed.contains(char::is_whitespace)
                || Query::uses_language(typed)
            {
                return Vec::new();
            }
            analysis.terms.with(|table| {
                table
                    .rows
                    .iter()
                    .filter(|r| r.term.starts_with(typed) && r.term != typed)
                    .take(SUGGESTIONS)
                    .map(|r| r.term.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    // What the selected query finds in the selection: one line, labels in
    // the interface language.
    let found = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let lang = lang.get();
        let query = analysis.query.get()?;
        let result = analysis.selection.with(|s| search(&corpus, s, &query));
        let forms: Vec<String> =
            result.forms.iter().take(8).map(|f| format!("{} {}", f.form, f.count)).collect();
        let more = result.forms.len().saturating_sub(8);
        let mut line = format!(
            "{} {} · {} {}",
            result.hits,
            t(lang, "search.hits"),
            result.docs,
            t(lang, "search.docs")
        );
        if !forms.is_empty() {
            line.push_str(&format!(" · {}: {}", t(lang, "search.forms"), forms.join(", ")));
            if more > 0 {
                line.push_str(&format!(" … (+{more})"));
            }
        }
        Some((result.hits, result.docs, line))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        if typed.trim().is_empty() {
            analysis.view.update(|v| v.term = None);
            error.set(None);
            return;
        }
        let parsed = analysis.corpus.with_untracked(|c| {
            Query::parse_known(c, &typed, analysis.merge_aliases.get_untracked())
        });
        match parsed {
            Ok(_) => {
                error.set(None);
                analysis.choose_term(&typed);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="bar search-bar" role="search" on:submit=submit aria-label=tr(lang, "search.title")>
            <label class="field search-field">
                <span class="bar-title">{tr(lang, "search.title")}</span>
                <input id="search-input" type="search" list="search-words" autocomplete="off" spellcheck="false"
                    placeholder=tr(lang, "search.placeholder")
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby="search-status"
                    prop:value=move || text.get()
                    on:input=move |ev| { text.set(event_target_value(&ev)); error.set(None); } />
            </label>
            <datalist id="search-words">
                <Rows each=move || suggestions.get() key=|w| w.clone() children=|w| view! { <option value=w></option> } />
            </datalist>
            <button type="submit" id="search-go">{tr(lang, "search.go")}</button>
            <p id="search-status" class="search-status" aria-live="polite">
                {move || match error.get() {
                    Some(e) => view! { <span class="search-error" role="alert">{t(lang.get(), "search.error")} " " {e}</span> }.into_any(),
                    None => match found.get() {
                        Some((hits, docs, line)) => view! { <span id="search-result" data-hits=hits data-docs=docs>{line}</span> }.into_any(),
                        None => view! { <span class="muted">{t(lang.get(), "search.help")}</span> }.into_any(),
                    },
                }}
            </p>
        </form>
    }
}
