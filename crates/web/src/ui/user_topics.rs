//! The topics panel's own topics: the form that adds or edits one (name and
//! keywords), and the list of the user's topics with each one's paragraph
//! count, its keywords absent from the corpus, and Edit and Delete.

use super::download::save_text;
use super::rows::Rows;
use super::tr;
use super::Analysis;
use cijing_engine::statistics::topics::{missing_keywords, user_topic, Topic};
use cijing_view::i18n::t;
use leptos::prelude::*;

/// The topic form's state: what is typed, which topic it edits, and why the
/// last save failed. Discovered topics fill it too ([`TopicForm::keep`]).
#[derive(Clone, Copy)]
pub struct TopicForm {
    name: RwSignal<String>,
    keywords: RwSignal<String>,
    editing: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
}

impl TopicForm {
    pub fn new() -> TopicForm {
        TopicForm {
            name: RwSignal::new(String::new()),
            keywords: RwSignal::new(String::new()),
            editing: RwSignal::new(None),
            problem: RwSignal::new(None),
        }
    }

    /// Adds the topic typed (or replaces the one edited), or says why not.
    fn save(self, analysis: Analysis) {
        let others: Vec<Topic> = analysis.topic_scores.with_untracked(|s| s.topics.clone());
        let edit = self.editing.get_untracked();
        let (name, keywords) = (self.name.get_untracked(), self.keywords.get_untracked());
        match user_topic(&name, &keywords, &others, edit.as_deref()) {
            Err(e) => self.problem.set(Some(e.to_string())),
            Ok(topic) => {
                analysis.view.update(|v| {
                    match v.user_topics.iter_mut().find(|t| Some(&t.id) == edit.as_ref()) {
                        Some(existing) => *existing = topic,
                        None => v.user_topics.push(topic),
                    }
                });
                self.problem.set(None);
                self.name.set(String::new());
                self.keywords.set(String::new());
                self.editing.set(None);
            }
        }
    }

    /// Keeps a topic made elsewhere (a discovered one) as a new user topic.
    pub fn keep(self, analysis: Analysis, name: String, words: &[String]) {
        self.name.set(name);
        self.keywords.set(words.join(" "));
        self.editing.set(None);
        self.save(analysis);
    }
}

/// The user's topics: export, the form, and the list.
#[component]
pub fn UserTopics(form: TopicForm) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let export = move |_| {
        let text = analysis
            .user_topics
            .with_untracked(|topics| cijing_engine::statistics::topic_file::to_topic_file(topics));
        save_text("cijing-topics.toml", "application/toml;charset=utf-8", &text);
    };
    let save_label = move || {
        let key = if form.editing.get().is_some() { "topics.save" } else { "topics.add" };
        t(lang.get(), key)
    };
    view! {
        <section class="user-topics" aria-labelledby="user-topics-heading">
            <h3 id="user-topics-heading">{tr(lang, "topics.mine")}</h3>
            <button id="export-topics" class="small" disabled=move || analysis.user_topics.with(Vec::is_empty) on:click=export>
                {tr(lang, "topics.export")}
            </button>
            <form class="topic-form" on:submit=move |ev| { ev.prevent_default(); form.save(analysis); }>
                <label class="field">{tr(lang, "topics.name")}
                    <input id="user-topic-name" type="text" prop:value=form.name on:input=move |ev| form.name.set(event_target_value(&ev)) />
                </label>
                <label class="field grow">{tr(lang, "topics.keywords")}
                    <input id="user-topic-keywords" type="text" prop:value=form.keywords on:input=move |ev| form.keywords.set(event_target_value(&ev))
                        placeholder=tr(lang, "topics.keywords.hint") />
                </label>
                <button type="submit" id="user-topic-save">{save_label}</button>
            </form>
            <p class="error" role="alert">{move || form.problem.get()}</p>
            <ul class="user-topic-list">
                <Rows each=move || analysis.user_topics.get() key=|tp| (tp.id.clone(), tp.zh.clone(), tp.keywords.clone())
                    children=move |topic| view! { <UserTopicRow topic=topic form=form /> } />
            </ul>
        </section>
    }
}

/// One of the user's topics, keyed by what it is (an edit replaces its row).
#[component]
fn UserTopicRow(topic: Topic, form: TopicForm) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let for_missing = topic.clone();
    let missing = Memo::new(move |_| analysis.corpus.with(|c| missing_keywords(c, &for_missing)));
    let (id_edit, id_delete, id_count) = (topic.id.clone(), topic.id.clone(), topic.id.clone());
    let (edit_name, edit_words) = (topic.zh.clone(), topic.keywords.join(" "));
    let count = move || {
        analysis.topic_scores.with(|s| {
            s.topic_index(&id_count).map_or(0, |i| s.scores.iter().filter(|p| p[i] >= 1).count())
        })
    };
    let edit = move |_| {
        form.editing.set(Some(id_edit.clone()));
        form.name.set(edit_name.clone());
        form.keywords.set(edit_words.clone());
        form.problem.set(None);
    };
    view! {
        <li class="user-topic" data-topic=topic.id.clone()>
            <strong>{topic.zh.clone()}</strong>
            <span class="muted">{move || format!(" · {} {}", count(), t(lang.get(), "filters.paragraphs"))}</span>
            <span class="keywords">
                {topic.keywords.iter().map(|k| {
                    let (k_class, k_title) = (k.clone(), k.clone());
                    let absent = move || missing.with(|m| m.contains(&k_class));
                    view! { <span class="kw" class:absent=absent title=move || if missing.with(|m| m.contains(&k_title)) { t(lang.get(), "topics.absent") } else { "" }>{k.clone()}</span> }
                }).collect_view()}
            </span>
            <Show when=move || missing.with(|m| !m.is_empty())><span class="warn">{tr(lang, "topics.absent")}</span></Show>
            <button class="small" on:click=edit>{tr(lang, "topics.edit")}</button>
            <button class="small" on:click=move |_| analysis.delete_user_topic(&id_delete)>
                {tr(lang, "topics.delete")}
            </button>
        </li>
    }
}
