//! The topics panel's discovered topics: LDA over the selection, run in
//! the browser in small batches so the page stays responsive, each topic
//! with its words, an example paragraph, and Keep (as a user topic).

use super::panel::TermButton;
use super::rows::Rows;
use super::tr;
use super::user_topics::TopicForm;
use super::Analysis;
use cijing_engine::statistics::lda::{Lda, LdaOptions, LdaTopic};
use leptos::prelude::*;
use std::time::Duration;

/// Sweeps per batch between repaints, and in all.
const LDA_BATCH: usize = 10;
const LDA_SWEEPS: usize = 200;

/// Runs `run` again in a task of its own until it stops asking.
fn schedule(run: impl Fn(&dyn Fn()) + Copy + 'static) {
    set_timeout(move || run(&move || schedule(run)), Duration::from_millis(0));
}

#[component]
pub fn DiscoveredTopics(form: TopicForm) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
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
    let discover = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        let corpus = analysis.corpus.get_untracked();
        let selection = analysis.selection.get_untracked();
        let options = LdaOptions {
            k: k.get_untracked(),
            seed: seed.get_untracked(),
            ..LdaOptions::default()
        };
        model.set_value(Some(Lda::new(&corpus, &selection, options)));
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
        form.keep(analysis, name, &words);
    };
    let paragraph_text = move |g: usize| {
        let corpus = analysis.corpus.get_untracked();
        let place = corpus.index.paragraphs[g];
        let d = &corpus.docs[place.doc as usize];
        let text: String = d.paragraphs[place.para as usize].text.chars().take(70).collect();
        format!("{} ¶{} — {text}…", d.info.date, place.para + 1)
    };
    view! {
        <section class="lda" aria-labelledby="lda-heading">
            <h3 id="lda-heading">{tr(lang, "topics.discovered")}</h3>
            <div class="lda-controls">
                <label class="field">"k"
                    <select id="lda-k" prop:value=move || k.get().to_string() on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { set_k.set(n) }>
                        {(4..=12).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">{tr(lang, "topics.seed")}
                    <input id="lda-seed" type="number" min="0" prop:value=move || seed.get().to_string()
                        on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { set_seed.set(n) } />
                </label>
                <button id="lda-run" on:click=discover disabled=move || progress.get().is_some()>{tr(lang, "topics.discover")}</button>
                {move || progress.get().map(|p| view! {
                    <progress id="lda-progress" max=LDA_SWEEPS value=p aria-label=tr(lang, "topics.running")></progress>
                    <span class="muted">{format!("{p} / {LDA_SWEEPS}")}</span>
                })}
            </div>
            <p class="muted small-print">{tr(lang, "topics.lda.help")}</p>
            <ol id="lda-topics" class="lda-topics">
                <Rows each=move || found.get().into_iter().enumerate()
                    key=|(i, topic)| (*i, topic.terms.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>(), topic.paragraphs.first().map(|&(g, _)| g))
                    children=move |(i, topic)| view! {
                        <li>
                            <span class="term-list">{topic.terms.iter().map(|(w, _)| view! { <TermButton term=w.clone() /> }).collect_view()}</span>
                            {topic.paragraphs.first().map(|&(g, _)| view! { <p class="muted example">{paragraph_text(g)}</p> })}
                            <button class="small keep" on:click=move |_| keep(i)>{tr(lang, "topics.keep")}</button>
                        </li>
                    } />
            </ol>
        </section>
    }
}
