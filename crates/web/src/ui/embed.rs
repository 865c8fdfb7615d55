//! `<cijing-view>`: the custom element's side in Rust. `cijing-embed.js`
//! calls `mountView` with the element's shadow-root container and
//! attributes; the returned handle takes attribute changes and unmounts.

use super::{App, Face};
use cijing_view::view_state::{EmbedRequest, Lang, ViewState};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// One mounted `<cijing-view>`.
#[wasm_bindgen]
pub struct ViewHandle {
    view: Option<RwSignal<ViewState>>,
    mounted: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
    lang: Lang,
}

fn text(options: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(options, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn lang_of(code: &str) -> Lang {
    if code.is_empty() {
        let tag = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        Lang::from_browser(&tag)
    } else {
        Lang::from_browser(code)
    }
}

/// The view an element's attributes describe: `view` is a page URL query,
/// `panels` the panels to show, `lang` the language.
fn view_of(query: &str, panels: &str, lang: Lang) -> (ViewState, Vec<String>) {
    let corpus = crate::api::shipped().corpus.clone();
    let base = ViewState { lang, ..ViewState::default() };
    let (mut view, mut notes) =
        ViewState::from_query(query, &corpus, &cijing_seeds::topics(), base);
    let embed = EmbedRequest::from_query(&format!("embed={panels}"));
    view.panels = embed.panels.unwrap_or_default();
    notes.extend(embed.notes);
    (view, notes)
}

/// Mounts a view into `container` (inside the element's shadow root).
/// `options`: `{ view, panels, lang, chrome }`; `on_select(term, view)` is
/// called when a term is chosen.
#[wasm_bindgen(js_name = mountView)]
pub fn mount_view(
    container: web_sys::HtmlElement,
    options: JsValue,
    on_select: js_sys::Function,
) -> ViewHandle {
    console_error_panic_hook::set_once();
    let lang = lang_of(&text(&options, "lang"));
    let (initial, notes) = view_of(&text(&options, "view"), &text(&options, "panels"), lang);
    let face = Face {
        embed: true,
        filters: text(&options, "chrome").split(',').any(|c| c.trim() == "filters"),
        mirror_url: false,
        keep_topics: false,
        report_height: false,
        view_out: None,
        on_select: Some(Callback::new(move |(term, view): (String, String)| {
            let _ = on_select.call2(&JsValue::NULL, &term.into(), &view.into());
        })),
    };
    let corpus = crate::api::shipped().corpus.clone();
    let signal: Rc<Cell<Option<RwSignal<ViewState>>>> = Rc::new(Cell::new(None));
    let face = Face { view_out: Some(signal.clone()), ..face };
    let mounted = leptos::mount::mount_to(container, move || {
        view! { <App corpus=corpus.clone() face=face.clone() initial=initial.clone() notes=notes.clone() base=ViewState::default() /> }.into_any()
    });
    ViewHandle { view: signal.get(), mounted: Some(mounted), lang }
}

#[wasm_bindgen]
impl ViewHandle {
    /// An attribute changed: `view`, `panels`, `lang` (or `chrome`, which
    /// takes effect on the next mount).
    pub fn set(&mut self, name: &str, value: &str) {
        let Some(view) = self.view else { return };
        match name {
            "view" => {
                let panels = view.with_untracked(|v| v.panels.clone());
                let (mut next, _) = view_of(value, "", self.lang);
                next.panels = panels;
                view.set(next);
            }
            "panels" => {
                let panels =
                    EmbedRequest::from_query(&format!("embed={value}")).panels.unwrap_or_default();
                view.update(|v| v.panels = panels);
            }
            "lang" => {
                self.lang = lang_of(value);
                let lang = self.lang;
                view.update(|v| v.lang = lang);
            }
            _ => {}
        }
    }

    /// Removes the view and frees what it held.
    pub fn unmount(&mut self) {
        self.mounted.take();
        self.view = None;
    }
}
