//! Pieces every panel uses: the panel frame with its heading and export
//! buttons, a clickable term, and what a click in a chart landed on.

use super::download::{save_png, save_text};
use super::{tr, Analysis};
use cijing_view::i18n::panel_name;
pub use cijing_view::ui_logic::is_wide;
use cijing_view::view_state::Panel;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A table to export: header and rows, built when the button is pressed.
pub type CsvSource = Callback<(), (Vec<&'static str>, Vec<Vec<String>>)>;

/// The frame of a panel: heading, export buttons and the panel's content.
/// `csv` exports a table; `svg` (a chart's current SVG) adds SVG and PNG.
#[component]
pub fn PanelFrame(
    panel: Panel,
    /// File-name parts after the panel name (the selection, the term, …).
    #[prop(into)]
    file_parts: Signal<String>,
    #[prop(optional)] csv: Option<CsvSource>,
    #[prop(optional, into)] svg: Option<Signal<String>>,
    #[prop(optional, into)] tools: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let lang = move || analysis.lang();
    let heading_id = format!("panel-{}-heading", panel.code());
    let section = NodeRef::<leptos::html::Section>::new();
    super::lazy::watch_nearness(section);
    super::lazy::focus_if_asked(section);
    let labelled_by = heading_id.clone();
    let name = move |ext: &str| {
        let parts = file_parts.get_untracked();
        let mut all = vec![panel.code()];
        all.extend(parts.split('_'));
        cijing_view::export::file_name(&all, ext)
    };
    let export_csv = csv.map(|source| {
        view! {
            <button class="export" data-export="csv"
                on:click=move |_| {
                    let (header, rows) = source.run(());
                    save_text(&name("csv"), "text/csv;charset=utf-8", &cijing_view::export::csv(&header, &rows));
                }>
                {tr(analysis.lang, "export.csv")}
            </button>
        }
    });
    let export_svg = svg.map(|svg| {
        view! {
            <button class="export" data-export="svg"
                on:click=move |_| save_text(&name("svg"), "image/svg+xml", &svg.get_untracked())>
                {tr(analysis.lang, "export.svg")}
            </button>
            <PngButton data_export="png" file_name=Callback::new(move |_| name("png")) svg=svg />
        }
    });
    view! {
        <section class="panel" class:wide=is_wide(panel) id=format!("panel-{}", panel.code()) aria-labelledby=labelled_by node_ref=section tabindex="-1">
            <header class="panel-head">
                <h2 id=heading_id>{move || panel_name(lang(), panel)}</h2>
                <div class="panel-tools">
                    {tools.map(|tools| tools.run())}
                    <span class="exports" role="group" aria-label=tr(analysis.lang, "export.label")>
                        {export_csv}
                        {export_svg}
                    </span>
                </div>
            </header>
            {children()}
        </section>
    }
}

/// Scrolls to a panel once the view has drawn it (a panel just opened is
/// there after the next frame; one out of view mounts when scrolled to).
pub fn scroll_to_panel(panel: Panel) {
    request_animation_frame(move || {
        let id = format!("panel-{}", panel.code());
        if let Some(el) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id))
        {
            el.scroll_into_view();
        }
    });
}

/// A column of a table's header (see [`TableHead`]).
#[derive(Clone, Copy)]
pub struct Column {
    /// Its label's interface-text key ("" for none).
    label: &'static str,
    /// Whether its cells are numbers: the label aligns with them, right.
    numeric: bool,
    /// Its tooltip's interface-text key.
    tip: Option<&'static str>,
}

/// A table's columns, one label key each, numbers aligned right:
/// `columns![text "table.term", num "table.count", text "a" tip "b"]`.
macro_rules! columns {
    ($($kind:ident $label:literal $(tip $tip:literal)?),* $(,)?) => {
        &[$(Column::$kind($label)$(.tip($tip))?),*]
    };
}
pub(crate) use columns;

impl Column {
    /// A column of text.
    pub const fn text(label: &'static str) -> Column {
        Column { label, numeric: false, tip: None }
    }

    /// A column of numbers.
    pub const fn num(label: &'static str) -> Column {
        Column { label, numeric: true, tip: None }
    }

    /// The column with a tooltip.
    pub const fn tip(self, tip: &'static str) -> Column {
        Column { tip: Some(tip), ..self }
    }
}

/// A table's header row: a `<th scope="col">` a column, labelled in the
/// interface language.
#[component]
pub fn TableHead(columns: &'static [Column]) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let cells = columns.iter().map(move |column| {
        view! {
            <th scope="col" class:num=column.numeric title=column.tip.map(|tip| tr(analysis.lang, tip))>
                {(!column.label.is_empty()).then(|| tr(analysis.lang, column.label))}
            </th>
        }
    });
    view! { <thead><tr>{cells.collect_view()}</tr></thead> }
}

/// A term that selects itself everywhere when clicked.
#[component]
pub fn TermButton(#[prop(into)] term: String) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let for_click = term.clone();
    // Its first state; the app marks selection changes (mark_selected_terms).
    let selected = analysis.is_selected_term(&term);
    view! {
        <button class="term" class:selected=selected aria-pressed=selected.to_string()
            data-term=term.clone() on:click=move |_| analysis.choose_term(&for_click)>
            {term.clone()}
        </button>
    }
}

/// A key for a keyed list row made from everything the row shows, so a
/// row is rebuilt exactly when its content changes.
pub fn content_key(parts: impl std::hash::Hash) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(parts)
}

/// The mark `attribute` (`data-bar`, `data-term`, `data-row`, …) of the
/// chart element a click lands on: the engine's charts mark every bar,
/// label, word and cell they draw, so a page never finds them by colour,
/// text or place.
pub fn chart_mark(ev: &leptos::ev::MouseEvent, attribute: &str) -> Option<String> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.get_attribute(attribute)
}

/// The file chosen in the `<input type="file">` an event came from, with
/// the input cleared so the same file can be chosen again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// A table row for a phrase (an n-gram or a cluster, its words joined by
/// spaces): a button that selects it, shown with `·` between its words,
/// then its count and its documents.
#[component]
pub fn PhraseRow(phrase: String, count: u64, docs: u32, selected: bool) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let shown = phrase.replace(' ', "·");
    let chosen = phrase.clone();
    view! {
        <tr>
            <td>
                <button class="term phrase" class:selected=selected aria-pressed=selected.to_string()
                    data-term=phrase on:click=move |_| analysis.choose_term(&chosen)>
                    {shown}
                </button>
            </td>
            <td class="num">{count}</td>
            <td class="num">{docs}</td>
        </tr>
    }
}

/// A chart's PNG export button, and a note when the page's policy blocks it.
#[component]
pub fn PngButton(
    /// The button's `data-export`.
    data_export: &'static str,
    file_name: Callback<(), String>,
    #[prop(into)] svg: Signal<String>,
) -> impl IntoView {
    let lang = expect_context::<Analysis>().lang;
    let blocked = RwSignal::new(false);
    let save = move |_| {
        blocked.set(false);
        save_png(&file_name.run(()), &svg.get_untracked(), move || blocked.set(true));
    };
    view! {
        <button class="export" data-export=data_export on:click=save>{tr(lang, "export.png")}</button>
        <Show when=move || blocked.get()>
            <span class="notice png-blocked" role="alert">{tr(lang, "export.png.blocked")}</span>
        </Show>
    }
}
