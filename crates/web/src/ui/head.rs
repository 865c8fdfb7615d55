//! What stands above the panels: the page's header (title, language,
//! share box), an embed's link to the full view, and the notices — what a
//! link carried that was ignored, a link's topics on offer, a browser that
//! will not keep the user's topics, texts that could not be loaded.

use super::rows::Rows;
use super::saved::StorageProblem;
use super::texts::Texts;
use super::{assets, tr, Analysis};
use cijing_view::i18n::t;
use cijing_view::view_state::{Lang, ViewState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The full page's header: title, tagline, the language switch and the
/// share box.
#[component]
pub fn Header() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let sharing = RwSignal::new(false);
    let toggle_lang = move |_| {
        analysis.view.update(|v| v.lang = if v.lang == Lang::Zh { Lang::En } else { Lang::Zh })
    };
    view! {
        <a class="skip" href="#panels">{tr(lang, "app.skip")}</a>
        <header class="app-head">
            <h1><span class="logo">"词镜"</span>" cijing"</h1>
            <p class="tagline">{tr(lang, "app.tagline")}</p>
            <button id="lang-toggle" class="lang" on:click=toggle_lang aria-label=tr(lang, "app.lang.label")>
                {tr(lang, "app.lang")}
            </button>
            <button id="share-toggle" class="lang" aria-expanded=move || sharing.get().to_string() on:click=move |_| sharing.update(|s| *s = !*s)>
                {tr(lang, "share.button")}
            </button>
        </header>
        <Show when=move || sharing.get()><ShareBox /></Show>
    }
}

/// An embed's one line above its panels: a link to the same view in full.
#[component]
pub fn EmbedHead() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let full_view = move || {
        format!(
            "{}{}",
            assets::asset_url(""),
            analysis.view.with(|v| v.to_query(&ViewState::default()))
        )
    };
    view! {
        <p class="embed-head"><a class="open-full" href=full_view target="_blank" rel="noopener">{tr(analysis.lang, "embed.open")}</a></p>
    }
}

/// What a link carried that was ignored or changed, until the user says OK.
#[component]
pub fn Notes(notes: Vec<String>) -> impl IntoView {
    let lang = expect_context::<Analysis>().lang;
    let (notes, set_notes) = signal(notes);
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>{tr(lang, "notice.title")}</p>
                <ul>
                    <Rows each=move || notes.get().into_iter().enumerate() key=|(i, _)| *i let:((_, note))>
                        <li>{note}</li>
                    </Rows>
                </ul>
                <button on:click=move |_| set_notes.set(Vec::new())>{tr(lang, "notice.ok")}</button>
            </div>
        </Show>
    }
}

/// A link's own topics, used in the view: keep them, or drop them.
#[component]
pub fn OfferedTopics() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let (lang, offered) = (analysis.lang, analysis.offered);
    let keep = move |_| offered.set(Vec::new());
    let drop = move |_| {
        let ids = offered.get_untracked();
        analysis.view.update(|v| {
            v.user_topics.retain(|t| !ids.contains(&t.id));
            v.filter.topics.include.retain(|id| !ids.contains(id));
            v.filter.topics.exclude.retain(|id| !ids.contains(id));
        });
        offered.set(Vec::new());
    };
    view! {
        <Show when=move || offered.with(|o| !o.is_empty())>
            <div class="notice offered" role="status">
                <p>{move || format!("{} {}", t(lang.get(), "topics.offered"), offered.with(|o| o.len()))}</p>
                <button id="keep-offered" on:click=keep>{tr(lang, "topics.offered.keep")}</button>
                <button id="drop-offered" on:click=drop>{tr(lang, "topics.offered.drop")}</button>
            </div>
        </Show>
    }
}

/// Why the browser will not keep the user's topics; and that the view
/// shows the user's texts while none could be loaded.
#[component]
pub fn StorageNotices(problem: RwSignal<StorageProblem>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let texts = expect_context::<Texts>();
    let lang = analysis.lang;
    let source = Memo::new(move |_| analysis.view.with(|v| v.source));
    let missing =
        move || source.get().has_mine() && texts.loaded.get() && texts.list.with(|l| l.is_empty());
    view! {
        <Show when=missing>
            <p class="notice" id="texts-missing" role="note">{tr(lang, "texts.unloaded")}</p>
        </Show>
        {move || problem.get().map(|(key, error)| view! {
            <p id="storage-notice" class="notice" role="alert">{t(lang.get(), key)} " " <code>{error}</code></p>
        })}
    }
}

/// The view's link and the two ways to embed it, ready to copy.
#[component]
fn ShareBox() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = analysis.lang;
    let query = move || analysis.view.with(|v| v.to_query(&ViewState::default()));
    let base = move || {
        let location = web_sys::window().map(|w| w.location());
        let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
        let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let dir = path.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/"));
        format!("{origin}{dir}")
    };
    let link = move || format!("{}{}", base(), query());
    let panels = move || {
        analysis.panels.with(|ps| ps.iter().map(|p| p.code()).collect::<Vec<_>>().join(","))
    };
    let view_part = move || query().trim_start_matches('?').to_string();
    let iframe = move || {
        let q = view_part();
        let sep = if q.is_empty() { "" } else { "&amp;" };
        format!("<iframe src=\"{}?embed={}{sep}{}\" width=\"600\" height=\"450\" title=\"cijing\" loading=\"lazy\"></iframe>", base(), panels(), q.replace('&', "&amp;"))
    };
    let element = move || {
        format!(
            "<script type=\"module\" src=\"{}cijing-embed.js\"></script>\n<cijing-view panels=\"{}\" view=\"{}\" lang=\"{}\"></cijing-view>",
            base(),
            panels(),
            view_part().replace('&', "&amp;"),
            lang.get().code()
        )
    };
    let (copied, set_copied) = signal(false);
    let copy = move |_| {
        let text = link();
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok());
        if let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) {
            if let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) {
                if let Some(write) = write.dyn_ref::<js_sys::Function>() {
                    let _ = write.call1(&clipboard, &text.into());
                    set_copied.set(true);
                }
            }
        }
    };
    view! {
        <section class="share" aria-label=tr(lang, "share.button")>
            <Show when=move || analysis.view.with(|v| v.source.has_mine())>
                <p class="notice" id="share-own-texts" role="note">{tr(lang, "share.own_texts")}</p>
            </Show>
            <label class="share-row">
                <span>{tr(lang, "share.link")}</span>
                <input id="share-link" readonly prop:value=link />
            </label>
            <button id="copy-link" on:click=copy>
                {move || if copied.get() { t(lang.get(), "share.copied") } else { t(lang.get(), "share.copy") }}
            </button>
            <label class="share-row">
                <span>{tr(lang, "share.iframe")}</span>
                <textarea id="share-iframe" readonly rows="3" prop:value=iframe></textarea>
            </label>
            <label class="share-row">
                <span>{tr(lang, "share.element")}</span>
                <textarea id="share-element" readonly rows="3" prop:value=element></textarea>
            </label>
        </section>
    }
}
