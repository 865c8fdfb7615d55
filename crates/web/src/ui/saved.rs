//! The user's topics and dictionary words kept in the browser (the full
//! page only). They are read into the first view; a link's own topics are
//! used for the view but only offered for keeping, and saved topics are
//! never replaced by a link's. The topics are saved again whenever they
//! change: never with fewer than were loaded but for the ones the user
//! deleted, never when the storage could not be read, and with the saved
//! parts that did not load written back as they were.

use super::{dictionary, storage, Analysis};
use cijing_engine::statistics::topics::Topic;
use cijing_view::ui_logic::{link_topics, may_save, saved_text, unloaded_parts};
use cijing_view::view_state::ViewState;
use leptos::prelude::*;

/// Why the browser cannot keep the user's topics: (message key, error).
pub type StorageProblem = Option<(&'static str, String)>;

/// What was read from the browser.
pub struct Saved {
    /// The stored text and the topics it held; None when it could not be
    /// read (then nothing is ever written).
    stored: Option<(String, Vec<Topic>)>,
    /// Ids of the link's topics on offer.
    pub offered: Vec<String>,
    /// Why reading failed, if it did.
    pub problem: StorageProblem,
}

/// Reads the saved topics and words into `initial`, noting in `notes` what
/// could not be read or what a link's topics would have replaced.
pub fn load(initial: &mut ViewState, notes: &mut Vec<String>) -> Saved {
    let (text, problem) = match storage::read(storage::USER_TOPICS_KEY) {
        Ok(text) => (Some(text.unwrap_or_default()), None),
        Err(e) => (None, Some(("storage.unavailable", e))),
    };
    let saved = match text.as_deref() {
        Some(text) => {
            let (topics, problems) =
                cijing_view::view_state::decode_user_topics(text, &cijing_seeds::topics());
            notes.extend(problems.into_iter().map(|p| format!("saved {p}")));
            topics
        }
        None => Vec::new(),
    };
    let from_link = std::mem::replace(&mut initial.user_topics, saved.clone());
    let seen = link_topics(&saved, &from_link);
    notes.extend(seen.differing.iter().map(|name| {
        format!("user topic \"{name}\" in the link differs from yours; yours is kept")
    }));
    let mut offered = Vec::new();
    for topic in seen.offered {
        offered.push(topic.id.clone());
        initial.user_topics.push(topic);
    }
    // The saved dictionary, unless the link brings words of its own.
    if initial.user_words.is_empty() {
        match dictionary::saved_words() {
            Ok(words) => initial.user_words = words,
            Err(e) => notes.push(format!("saved user words could not be read: {e}")),
        }
    }
    Saved { stored: text.map(|text| (text, saved)), offered, problem }
}

/// Saves the user's topics whenever they change (see the module doc);
/// `problem` says when the browser refuses.
pub fn keep_saving(saved: Saved, analysis: Analysis, problem: RwSignal<StorageProblem>) {
    let Some((text, stored)) = saved.stored else {
        return;
    };
    let unloaded = unloaded_parts(&text, &stored);
    let loaded = stored.len();
    let (user_topics, offered, deleted) =
        (analysis.user_topics, analysis.offered, analysis.topics_deleted);
    Effect::new(move |ran: Option<()>| {
        let kept: Vec<Topic> = user_topics.with(|topics| {
            offered.with(|o| topics.iter().filter(|t| !o.contains(&t.id)).cloned().collect())
        });
        // Loading writes nothing: the store changes when the topics do.
        if ran.is_none() {
            return;
        }
        if !may_save(loaded, deleted.get_value(), kept.len()) {
            leptos::logging::warn!(
                "not saving {} user topics over the {loaded} loaded",
                kept.len()
            );
            return;
        }
        match storage::write(storage::USER_TOPICS_KEY, &saved_text(&kept, &unloaded)) {
            Ok(()) if problem.with_untracked(Option::is_some) => problem.set(None),
            Ok(()) => {}
            Err(e) => problem.set(Some(("storage.save_failed", e))),
        }
    });
}
