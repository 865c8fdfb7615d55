//! Documents panel: the whole corpus or one document, with date and title.

use crate::view_state::ViewState;
use super::CorpusHandle;
use leptos::prelude::*;

#[component]
pub fn DocumentList() -> impl IntoView {
    let corpus = expect_context::<CorpusHandle>();
    let view_state = expect_context::<RwSignal<ViewState>>();
    let selected = move || view_state.with(|s| s.doc.clone());
    let choose = move |doc: Option<String>| view_state.update(|s| s.doc = doc);
    let total_docs = corpus.docs.len();

    let items = corpus
        .docs
        .iter()
        .map(|d| {
            let id = d.info.id.clone();
            let id_for_click = id.clone();
            let is_selected = move || selected().as_deref() == Some(id.as_str());
            view! {
                <li>
                    <button
                        class="doc"
                        class:selected=is_selected.clone()
                        aria-pressed=move || is_selected().to_string()
                        data-doc=d.info.id.clone()
                        on:click=move |_| choose(Some(id_for_click.clone()))
                    >
                        <span class="doc-date">{d.info.date.clone()}</span>
                        <span class="doc-title">{d.info.title.clone()}</span>
                        <span class="doc-source">{format!("{} · {}", d.info.source, d.info.place)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    view! {
        <nav class="panel doc-list" aria-labelledby="doc-list-heading">
            <h2 id="doc-list-heading">"文献 Documents"</h2>
            <ul>
                <li>
                    <button
                        class="doc whole"
                        class:selected=move || selected().is_none()
                        aria-pressed=move || selected().is_none().to_string()
                        data-doc=""
                        on:click=move |_| choose(None)
                    >
                        <span class="doc-title">"全部文献 Whole corpus"</span>
                        <span class="doc-source">{format!("{total_docs} documents, 2019–2025")}</span>
                    </button>
                </li>
                {items}
            </ul>
        </nav>
    }
}
