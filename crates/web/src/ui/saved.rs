//! The user's topics and dictionary words kept in the browser (the full
//! page only). They are read into the first view; a link's own topics are
//! used for the view but only offered for keeping, and saved topics are
//! never replaced by a link's. The topics are saved again whenever they
//! change: never with fewer than were loaded but for the ones the user
//! deleted, never when the storage could not be read, and with the saved
//! parts that did not load written back as they were.

use super::{dictionary, storage, Analysis};
use cijing_engine::statistics::topics::Topic;
use cijing_view::ui_logic::{
    adopt_topics, link_topics, may_save, merge_topics, saved_text, unloaded_parts,
};
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
/// `problem` says when the browser refuses. Other tabs share the store:
/// a save keeps the topics they saved since ([`merge_topics`]), and what
/// another tab saves reaches this one's view at once ([`adopt_topics`],
/// through the `storage` event).
pub fn keep_saving(saved: Saved, analysis: Analysis, problem: RwSignal<StorageProblem>) {
    let Some((text, stored)) = saved.stored else {
        return;
    };
    let unloaded = StoredValue::new(unloaded_parts(&text, &stored));
    // The stored topics' ids this tab knows of, and the count to never
    // save fewer than (with the deletions counted when it was set).
    let known = StoredValue::new(ids(&stored));
    let baseline = StoredValue::new((stored.len(), 0usize));
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
        let now_stored = stored_topics().unwrap_or_default();
        let merged = known.with_value(|known| merge_topics(&kept, &now_stored, known));
        let (loaded, deleted_then) = baseline.get_value();
        if !may_save(loaded, deleted.get_value() - deleted_then, merged.len()) {
            leptos::logging::warn!(
                "not saving {} user topics over the {loaded} loaded",
                merged.len()
            );
            return;
        }
        let text = unloaded.with_value(|unloaded| saved_text(&merged, unloaded));
        match storage::write(storage::USER_TOPICS_KEY, &text) {
            Ok(()) => {
                known.set_value(ids(&merged));
                if problem.with_untracked(Option::is_some) {
                    problem.set(None);
                }
            }
            Err(e) => problem.set(Some(("storage.save_failed", e))),
        }
    });
    // Another tab saved: its topics become this tab's (ours never stored stay).
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(storage::USER_TOPICS_KEY) {
            return;
        }
        // What is stored now: a later save may have come before this event.
        let Ok(text) = storage::read(storage::USER_TOPICS_KEY) else { return };
        let text = text.unwrap_or_default();
        let (stored, _) =
            cijing_view::view_state::decode_user_topics(&text, &cijing_seeds::topics());
        let ours = user_topics.get_untracked();
        let adopted = known.with_value(|known| adopt_topics(&ours, &stored, known));
        let stored_ids = ids(&stored);
        // A topic on offer here that another tab kept is kept, not offered.
        offered.update(|o| o.retain(|id| !stored_ids.contains(id)));
        known.set_value(stored_ids);
        unloaded.set_value(unloaded_parts(&text, &stored));
        baseline.set_value((stored.len(), deleted.get_value()));
        if adopted != ours {
            let present = ids(&adopted);
            analysis.view.update(|v| {
                v.user_topics = adopted;
                // A topic deleted there leaves this tab's filter too.
                let shipped_or_present =
                    |id: &String| !id.starts_with("u-") || present.contains(id);
                v.filter.topics.include.retain(shipped_or_present);
                v.filter.topics.exclude.retain(shipped_or_present);
            });
        }
    });
    on_cleanup(move || listener.remove());
}

/// The topics kept in the browser now (as another tab may have left them).
fn stored_topics() -> Option<Vec<Topic>> {
    let text = storage::read(storage::USER_TOPICS_KEY).ok()??;
    Some(cijing_view::view_state::decode_user_topics(&text, &cijing_seeds::topics()).0)
}

fn ids(topics: &[Topic]) -> Vec<String> {
    topics.iter().map(|t| t.id.clone()).collect()
}
