//! What an app keeps in step with its view outside its own panels: the
//! page's URL (the shareable view) and `<html lang>`, the selected term's
//! buttons, the host of an embed (the chosen term, the frame's height),
//! and the charts' widths with the window's.

use super::{chart_widths, current_query, Face};
use cijing_view::view_state::{Lang, ViewState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps the page's URL equal to the view (replaceState: no history spam),
/// written in a task of its own after the change is on screen: Chromium
/// restyles the page and reloads the icon on every URL change (13 ms a
/// click, measured), work a click need not wait for. The full page's
/// `<html lang>` follows the interface language, set only when it changes.
pub fn mirror_url(view: RwSignal<ViewState>, lang: Memo<Lang>, base: ViewState, face: &Face) {
    let embed_query = face.embed.then(|| embed_query_part(face));
    Effect::new(move |_| {
        let mut query = view.with(|s| s.to_query(&base));
        if let Some(extra) = &embed_query {
            query = if query.is_empty() { format!("?{extra}") } else { format!("{query}&{extra}") };
        }
        let first = PENDING_URL.with(|p| p.replace(Some(query)).is_none());
        if first {
            request_animation_frame(|| set_timeout(write_pending_url, std::time::Duration::ZERO));
            // A hidden page draws no frames: written anyway, a little later.
            set_timeout(write_pending_url, std::time::Duration::from_millis(200));
        }
    });
    if !face.embed {
        Effect::new(move |_| {
            let code = if lang.get() == Lang::Zh { "zh-Hans" } else { "en" };
            if let Some(html) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
            {
                if html.get_attribute("lang").as_deref() != Some(code) {
                    let _ = html.set_attribute("lang", code);
                }
            }
        });
    }
}

/// Term buttons show the selected term: one effect marks them all (a
/// reactive read in each button would leave a dead subscriber behind in the
/// term memo whenever a row is rebuilt; see rows.rs).
pub fn mark_term_buttons(term: Memo<Option<String>>, root: NodeRef<leptos::html::Main>) {
    Effect::new(move |_| {
        let term = term.get();
        if let Some(root) = root.get() {
            mark_selected_terms(&root, term.as_deref());
        }
    });
}

/// A `<cijing-view>` tells its host which term was chosen, with the view's query.
pub fn tell_host_the_term(
    on_select: Callback<(String, String)>,
    term: Memo<Option<String>>,
    view: RwSignal<ViewState>,
) {
    Effect::new(move |first: Option<()>| {
        let term = term.get();
        if let (Some(()), Some(term)) = (first, term) {
            let query = view.with_untracked(|v| {
                v.to_query(&ViewState::default()).trim_start_matches('?').to_string()
            });
            on_select.run((term, query));
        }
    });
}

/// Charts follow the window size (re-drawn once the resizing settles).
pub fn follow_window_width(chart_width: RwSignal<(u32, u32)>) {
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let widths = chart_widths();
        if chart_width.get_untracked() != widths {
            chart_width.set(widths);
        }
    });
    on_cleanup(move || resize.remove());
}

thread_local! {
    /// The query the page's URL is to show, not written yet.
    static PENDING_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Writes the view's latest query into the page's URL (replaceState).
fn write_pending_url() {
    let Some(query) = PENDING_URL.with(|p| p.take()) else {
        return;
    };
    if let Some(window) = web_sys::window() {
        let path = window.location().pathname().unwrap_or_default();
        if current_query() != query {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("{path}{query}")),
                );
            }
        }
    }
}

/// Marks the term buttons under `root` whose `data-term` is `term` as
/// selected (class and `aria-pressed`), and the others as not, touching only
/// the buttons whose state changes.
fn mark_selected_terms(root: &web_sys::Element, term: Option<&str>) {
    let Ok(buttons) = root.query_selector_all("button[data-term]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let on = term.is_some() && button.get_attribute("data-term").as_deref() == term;
        let classes = button.class_list();
        if classes.contains("selected") != on {
            let _ = classes.toggle_with_force("selected", on);
            let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    }
}

/// The `embed=…&chrome=…` part an iframe embed keeps in its URL.
fn embed_query_part(face: &Face) -> String {
    let mut part = String::from("embed=1");
    if face.filters {
        part.push_str("&chrome=filters");
    }
    part
}

/// Posts `{ type: 'cijing-height', height }` to the parent window whenever
/// the embed's height changes, so a one-line host script can size the frame.
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let post = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let height =
            window.document().and_then(|d| d.document_element()).map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"cijing-height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        callback.forget();
        std::mem::forget(observer);
    }
}
