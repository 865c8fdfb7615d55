//! Dictionary panel: the user's own words, cut whole in every panel. Add
//! one (optional part of speech), remove, import and export in jieba's
//! user-dictionary format with line-numbered errors; kept in the browser
//! and carried in the link (`uw`). Also [`SelectionAdder`], the "add as a
//! word" button that follows a selection in the reader or the concordance.

use super::download::save_text;
use super::panel::{columns, Column, TableHead};
use super::storage;
use super::tr;
use super::Analysis;
use cijing_engine::text::user_words::{
    add_word, decode_user_words, encode_user_words, parse_user_words, to_user_dict, UserWord,
};
use cijing_view::i18n::{count, t};
use cijing_view::view_state::Panel;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The columns of the dictionary table.
const HEAD: &[Column] = columns![
    text "dict.word", num "table.count", num "dict.suggest.score", text "",
];

/// Where the browser keeps the user's words (as a link writes them).
pub const USER_WORDS_KEY: &str = "cijing.user-words";

/// Tags offered when adding a word: (tag, label).
const TAGS: [(&str, &str); 8] = [
    ("n", "n 名词"),
    ("nz", "nz 专名"),
    ("ns", "ns 地名"),
    ("nt", "nt 机构"),
    ("nr", "nr 人名"),
    ("v", "v 动词"),
    ("l", "l 习用语"),
    ("a", "a 形容词"),
];

/// The words saved in this browser (none when nothing is), or why they
/// cannot be read.
pub fn saved_words() -> Result<Vec<UserWord>, String> {
    Ok(storage::read(USER_WORDS_KEY)?.map(|text| decode_user_words(&text).0).unwrap_or_default())
}

/// Applies `change` to the view's words and to the saved ones (so a
/// link's words are never saved unless the user adds them).
pub fn change_words(
    analysis: &Analysis,
    change: impl Fn(&mut Vec<UserWord>) -> Result<(), String>,
) -> Result<(), String> {
    let mut result = Ok(());
    analysis.view.update(|v| result = change(&mut v.user_words));
    result?;
    let mut saved = saved_words()?;
    change(&mut saved)?;
    storage::write(USER_WORDS_KEY, &encode_user_words(&saved))
}

/// Adds one word (the view's and the saved dictionary).
pub fn add_user_word(analysis: &Analysis, word: UserWord) -> Result<(), String> {
    change_words(analysis, move |words| add_word(words, word.clone()))
}

#[component]
pub fn DictionaryPanel() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    let words = Memo::new(move |_| analysis.view.with(|v| v.user_words.clone()));
    let word_input = NodeRef::<leptos::html::Input>::new();
    let pos = RwSignal::new(String::new());
    // The last action's message: (is an error, text).
    let message = RwSignal::new(None::<(bool, String)>);
    let saved = RwSignal::new(saved_words().unwrap_or_default());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = word_input.get() else {
            return;
        };
        let text = input.value();
        let tag = pos.get_untracked();
        let result = UserWord::new(&text, Some(&tag)).and_then(|w| {
            let shown = w.word.clone();
            add_user_word(&analysis, w).map(|_| shown)
        });
        match result {
            Ok(word) => {
                input.set_value("");
                message.set(Some((
                    false,
                    format!("{} {word}", t(analysis.lang.get_untracked(), "dict.added")),
                )));
            }
            Err(e) => message.set(Some((true, e))),
        }
        saved.set(saved_words().unwrap_or_default());
    };
    let remove = move |word: String| {
        if let Err(e) = change_words(&analysis, |words| {
            words.retain(|w| w.word != word);
            Ok(())
        }) {
            message.set(Some((true, e)));
        }
        saved.set(saved_words().unwrap_or_default());
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = super::panel::chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let lang = analysis.lang.get_untracked();
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    return message.set(Some((
                        true,
                        format!(
                            "{} {name}: the file could not be read",
                            t(lang, "dict.import_failed")
                        ),
                    )))
                }
            };
            let text = match String::from_utf8(bytes) {
                Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
                Err(e) => {
                    return message.set(Some((
                        true,
                        format!(
                            "{} {name}: not UTF-8 text (byte {})",
                            t(lang, "dict.import_failed"),
                            e.utf8_error().valid_up_to()
                        ),
                    )));
                }
            };
            match parse_user_words(&text, &name) {
                Ok(new) => {
                    let n = new.len();
                    let result = change_words(&analysis, |words| {
                        new.iter().try_for_each(|w| add_word(words, w.clone()))
                    });
                    match result {
                        Ok(()) => message.set(Some((
                            false,
                            format!(
                                "{} {} ({name})",
                                t(lang, "dict.imported"),
                                count(lang, n, "dict.count", "dict.count.one")
                            ),
                        ))),
                        Err(e) => message.set(Some((true, e))),
                    }
                }
                Err(errors) => {
                    let shown: Vec<String> = errors.iter().take(10).cloned().collect();
                    let more = errors.len().saturating_sub(10);
                    let tail =
                        if more > 0 { format!("; … and {more} more") } else { String::new() };
                    message.set(Some((
                        true,
                        format!("{} {}{tail}", t(lang, "dict.import_failed"), shown.join("; ")),
                    )));
                }
            }
            saved.set(saved_words().unwrap_or_default());
        });
    };
    let export = move |_| {
        let text = words.with_untracked(|w| to_user_dict(w));
        save_text("cijing-user-dict.txt", "text/plain;charset=utf-8", &text);
    };
    let keep_link_words = move |_| {
        let link = words.get_untracked();
        match change_words(&analysis, |words| {
            link.iter().try_for_each(|w| add_word(words, w.clone()))
        }) {
            Ok(()) => message.set(None),
            Err(e) => message.set(Some((true, e))),
        }
        saved.set(saved_words().unwrap_or_default());
    };
    let unsaved = move || words.with(|w| saved.with(|s| w.iter().any(|x| !s.contains(x))));
    view! {
        <super::panel::PanelFrame panel=Panel::Dictionary file_parts=Signal::derive(|| "dictionary".to_string())>
            <p class="muted small-print">{tr(analysis.lang, "dict.note")}</p>
            <form class="dict-add" on:submit=add>
                <label class="field">{tr(analysis.lang, "dict.word")}
                    <input id="dict-word" type="text" maxlength="20" autocomplete="off" node_ref=word_input />
                </label>
                <label class="field">{tr(analysis.lang, "dict.pos")}
                    <select id="dict-pos" prop:value=move || pos.get() on:change=move |ev| pos.set(event_target_value(&ev))>
                        <option value="">{tr(analysis.lang, "dict.pos.none")}</option>
                        {TAGS.iter().map(|(tag, label)| view! { <option value=*tag>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <button id="dict-add" type="submit">{tr(analysis.lang, "dict.add")}</button>
            </form>
            <p id="dict-message" role="status" aria-live="polite" class:error=move || message.with(|m| m.as_ref().is_some_and(|m| m.0))>
                {move || message.get().map(|m| m.1)}
            </p>
            <Show when=unsaved>
                <p class="notice" role="note">{tr(analysis.lang, "dict.link_words")} " "
                    <button id="dict-keep" on:click=keep_link_words>{tr(analysis.lang, "dict.keep_link")}</button>
                </p>
            </Show>
            <p class="muted" id="dict-count" data-words=move || words.with(|w| w.len())>{move || words.with(|w| if w.is_empty() { t(lang(), "dict.empty").to_string() } else { count(lang(), w.len(), "dict.count", "dict.count.one") })}</p>
            <ul id="dict-list" class="dict-list">
                <For each=move || words.get() key=|w| w.clone() children=move |w| {
                    let word = w.word.clone();
                    let label = format!("{} {}", t(analysis.lang.get_untracked(), "dict.remove"), w.word);
                    view! {
                        <li>
                            <span class="dict-word">{w.word.clone()}</span>
                            {w.pos.clone().map(|p| view! { <span class="muted dict-tag">{p}</span> })}
                            <button class="link dict-remove" data-word=w.word.clone() aria-label=label.clone() title=label on:click=move |_| remove(word.clone())>"×"</button>
                        </li>
                    }
                } />
            </ul>
            <div class="dict-files">
                <label class="field file-field">{tr(analysis.lang, "dict.import")}
                    <input id="dict-import" type="file" accept=".txt,.dict,.dic,text/plain" on:change=import />
                </label>
                <button id="dict-export" class="export" on:click=export>{tr(analysis.lang, "dict.export")}</button>
            </div>
            <WordSuggestions message=message saved=saved />
        </super::panel::PanelFrame>
    }
}

/// Words the dictionaries lack, found by the worker in the shipped
/// documents: each with its count and score, its contexts a click away,
/// and one click to add it (it then leaves the list).
#[component]
fn WordSuggestions(
    message: RwSignal<Option<(bool, String)>>,
    saved: RwSignal<Vec<UserWord>>,
) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let words = Memo::new(move |_| analysis.view.with(|v| v.user_words.clone()));
    // Discovery: None before asking, then the worker's answer.
    let suggestions = RwSignal::new(
        None::<Result<Vec<super::segmenter::Suggestion>, super::segmenter::WorkerError>>,
    );
    let suggesting = RwSignal::new(false);
    let suggest = move |_| {
        suggesting.set(true);
        let options = analysis.segment_options.get_untracked();
        let current = words.get_untracked();
        super::segmenter::suggest_words(options, &current, 40, move |result| {
            suggesting.set(false);
            suggestions.set(Some(result));
        });
    };
    // A word added from the suggestions leaves them.
    let add_suggestion = move |word: String| {
        match UserWord::new(&word, None).and_then(|w| add_user_word(&analysis, w)) {
            Ok(()) => {
                suggestions.update(|s| {
                    if let Some(Ok(list)) = s {
                        list.retain(|c| c.word != word);
                    }
                });
                message.set(Some((
                    false,
                    format!("{} {word}", t(analysis.lang.get_untracked(), "dict.added")),
                )));
            }
            Err(e) => message.set(Some((true, e))),
        }
        saved.set(saved_words().unwrap_or_default());
    };
    let suggestion_rows = move || match suggestions.get() {
        None => ().into_any(),
        Some(Err(e)) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="muted">{t(analysis.lang.get_untracked(), "dict.suggest.none")}</p> }
                .into_any()
        }
        Some(Ok(list)) => {
            let lang = analysis.lang.get_untracked();
            view! {
                <table id="suggest-table" class="data">
                    <TableHead columns=HEAD />
                    <tbody>
                        {list.into_iter().map(|c| {
                            let (show, add) = (c.word.clone(), c.word.clone());
                            let add_label = format!("{} {}", t(lang, "dict.add"), c.word);
                            view! {
                                <tr>
                                    // Its contexts: the word as a substring of the text.
                                    <td><button class="term" data-term=c.word.clone() title=t(lang, "dict.suggest.contexts")
                                        on:click=move |_| analysis.choose_term(&format!("\"{show}\""))>{c.word.clone()}</button></td>
                                    <td class="num">{c.count}</td>
                                    <td class="num">{format!("{:.1}", c.score)}</td>
                                    <td><button class="suggest-add" data-word=c.word.clone() aria-label=add_label on:click=move |_| add_suggestion(add.clone())>{t(lang, "dict.add")}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }
    };
    view! {
        <h3>{tr(analysis.lang, "dict.suggest.title")}</h3>
        <p class="muted small-print">{tr(analysis.lang, "dict.suggest.note")}</p>
        <button id="dict-suggest" disabled=move || suggesting.get() on:click=suggest>
            {move || t(analysis.lang(), if suggesting.get() { "dict.suggest.working" } else { "dict.suggest" })}
        </button>
        {suggestion_rows}
    }
}

/// A button that follows a selection of 1–20 characters in the reader or
/// the concordance and adds it as a word.
#[component]
pub fn SelectionAdder() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    // (text, left, top) in viewport pixels.
    let chosen = RwSignal::new(None::<(String, f64, f64)>);
    let done = RwSignal::new(None::<Result<String, String>>);
    // Whether the selection is one to offer, on screen or scrolled away.
    let offerable = StoredValue::new(false);
    // Where the selection is now, if it is one to offer (kept in the
    // viewport: the button is fixed, and follows a scroll).
    let update = move || {
        offerable.set_value(false);
        let found = (|| {
            let selection = web_sys::window()?.get_selection().ok()??;
            if selection.is_collapsed() || selection.range_count() == 0 {
                return None;
            }
            let text = String::from(selection.to_string()).trim().to_string();
            let n = text.chars().count();
            if n == 0 || n > cijing_engine::text::user_words::MAX_WORD_CHARS {
                return None;
            }
            let node = selection.anchor_node()?;
            let element = if node.node_type() == web_sys::Node::ELEMENT_NODE {
                node.dyn_into::<web_sys::Element>().ok()?
            } else {
                node.parent_element()?
            };
            element.closest("#reader-text, #kwic-table").ok()??;
            offerable.set_value(true);
            let rect = selection.get_range_at(0).ok()?.get_bounding_client_rect();
            let window = web_sys::window()?;
            let size = |v: Result<wasm_bindgen::JsValue, _>| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(800.0)
            };
            let (width, height) = (size(window.inner_width()), size(window.inner_height()));
            if rect.bottom() < 0.0 || rect.top() > height {
                return None;
            }
            Some((
                text,
                rect.left().clamp(4.0, (width - 260.0).max(4.0)),
                (rect.bottom() + 6.0).min(height - 44.0),
            ))
        })();
        if found != chosen.get_untracked() {
            // A new text clears the last add's result; a scroll keeps it.
            if chosen.with_untracked(|c| c.as_ref().map(|c| &c.0) != found.as_ref().map(|f| &f.0)) {
                done.set(None);
            }
            chosen.set(found);
        }
    };
    // Reading the selection lays the page out: done once a frame, before it
    // is drawn (a click that redraws a panel fires selectionchange again and
    // again, each a forced layout in the middle of the redraw).
    let pending = StoredValue::new(false);
    let update_before_frame = move || {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.set_value(false);
                update();
            });
        }
    };
    // A scroll moves the button, hides it or brings it back: only while
    // there is a selection to offer.
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if offerable.get_value() {
            update_before_frame();
        }
    });
    on_cleanup(move || scroll.remove());
    // selectionchange is fired at the document and does not bubble.
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(update_before_frame);
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(document) = &document {
        let _ = document.add_event_listener_with_callback(
            "selectionchange",
            on_change.as_ref().unchecked_ref(),
        );
    }
    let on_change = send_wrapper::SendWrapper::new(on_change);
    let document = send_wrapper::SendWrapper::new(document);
    on_cleanup(move || {
        if let Some(document) = document.as_ref() {
            let _ = document.remove_event_listener_with_callback(
                "selectionchange",
                on_change.as_ref().unchecked_ref(),
            );
        }
    });
    let add = move |_| {
        let Some((text, _, _)) = chosen.get_untracked() else {
            return;
        };
        let result =
            UserWord::new(&text, None).and_then(|w| add_user_word(&analysis, w)).map(|_| text);
        done.set(Some(result));
    };
    view! {
        <Show when=move || chosen.with(Option::is_some)>
            <div id="add-word" class="add-word" role="group"
                style:left=move || chosen.with(|c| c.as_ref().map(|c| format!("{}px", c.1)).unwrap_or_default())
                style:top=move || chosen.with(|c| c.as_ref().map(|c| format!("{}px", c.2)).unwrap_or_default())>
                // mousedown would clear the selection before the click.
                <button id="add-word-button" on:mousedown=|ev| ev.prevent_default() on:click=add>
                    {move || format!("{} “{}”", t(lang(), "dict.add_selection"), chosen.with(|c| c.as_ref().map(|c| c.0.clone()).unwrap_or_default()))}
                </button>
                {move || done.get().map(|r| match r {
                    Ok(word) => view! { <span class="added" role="status">{format!("✓ {word}")}</span> }.into_any(),
                    Err(e) => view! { <span class="error" role="alert">{e}</span> }.into_any(),
                })}
            </div>
        </Show>
    }
}
