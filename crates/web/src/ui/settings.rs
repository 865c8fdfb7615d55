//! The settings bar: top-N, minimum length, parts of speech, stopwords,
//! alias merging (Traditional spellings as their Simplified forms too),
//! segmentation mode and HMM, and which panels are open.

use super::{tr, Analysis};
use cijing_engine::text::pos::PosClass;
use cijing_engine::text::segment::Mode;
use cijing_view::i18n::{panel_name, pos_name, t};
use cijing_view::view_state::Panel;
use leptos::prelude::*;

#[component]
pub fn SettingsBar() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let options = analysis.term_options;
    let lang = move || analysis.lang();

    let pos_items = PosClass::ALL
        .into_iter()
        .map(|class| {
            let checked = move || options.with(|o| o.pos.contains(&class));
            view! {
                <li><label class="check">
                    <input type="checkbox" data-pos=class.name() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            view.update(|v| {
                                v.pos.retain(|p| *p != class);
                                if on { v.pos.push(class); v.pos.sort(); }
                            });
                        } />
                    {move || pos_name(lang(), class)}
                </label></li>
            }
        })
        .collect_view();
    let pos_summary = move || {
        let lang = lang();
        options.with(|o| {
            if o.pos.is_empty() {
                t(lang, "settings.pos.all").to_string()
            } else {
                o.pos.iter().map(|p| pos_name(lang, *p)).collect::<Vec<_>>().join(", ")
            }
        })
    };
    let panel_items = Panel::ALL
        .into_iter()
        .map(|panel| {
            let checked = move || analysis.panels.with(|open| open.contains(&panel));
            view! {
                <li><label class="check">
                    <input type="checkbox" data-panel=panel.code() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            view.update(|v| {
                                v.panels.retain(|p| *p != panel);
                                if on {
                                    v.panels.push(panel);
                                    v.panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
                                }
                            });
                        } />
                    {move || panel_name(lang(), panel)}
                </label></li>
            }
        })
        .collect_view();
    // A checkbox whose label is `key`'s string, with `tip`'s as its tooltip.
    let checkbox =
        move |id: &'static str,
              key: &'static str,
              tip: Option<&'static str>,
              get: Signal<bool>,
              set: fn(&mut cijing_view::view_state::ViewState, bool)| {
            view! {
                <label class="check field" title=move || tip.map(|tip| t(lang(), tip))>
                    <input type="checkbox" id=id prop:checked=get
                        on:change=move |ev| { let on = event_target_checked(&ev); view.update(|v| set(v, on)); } />
                    {tr(analysis.lang, key)}
                </label>
            }
        };

    view! {
        <section class="bar settings-bar" aria-label=tr(analysis.lang, "settings.title")>
            <h2 class="bar-title">{tr(analysis.lang, "settings.title")}</h2>
            <label class="field">
                {tr(analysis.lang, "settings.top")}
                <select id="top-n" prop:value=move || analysis.top.get().to_string()
                    on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { view.update(|v| v.top = n) } }>
                    {[10usize, 20, 30, 50, 100].into_iter().map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                {tr(analysis.lang, "settings.min_len")}
                <select id="min-len" prop:value=move || options.with(|o| o.min_len.to_string())
                    on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { view.update(|v| v.min_len = n) } }>
                    {[1usize, 2, 3, 4].into_iter().map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                </select>
            </label>
            <details class="dropdown">
                <summary>{tr(analysis.lang, "settings.pos")} ": " {pos_summary}</summary>
                <ul class="dropdown-list">{pos_items}</ul>
            </details>
            {checkbox("stopwords", "settings.stopwords", None, Signal::derive(move || options.with(|o| o.drop_stopwords)), |v, on| v.drop_stopwords = on)}
            {checkbox("aliases", "settings.aliases", Some("settings.aliases.tip"), analysis.merge_aliases.into(), |v, on| v.merge_aliases = on)}
            <label class="field">
                {tr(analysis.lang, "settings.mode")}
                <select id="seg-mode" prop:value=move || if analysis.segment_options.with(|o| o.mode == Mode::Search) { "search" } else { "precise" }
                    on:change=move |ev| { let search = event_target_value(&ev) == "search"; view.update(|v| v.mode = if search { Mode::Search } else { Mode::Precise }); }>
                    <option value="precise">{tr(analysis.lang, "settings.mode.precise")}</option>
                    <option value="search">{tr(analysis.lang, "settings.mode.search")}</option>
                </select>
            </label>
            {checkbox("hmm", "settings.hmm", None, Signal::derive(move || analysis.segment_options.with(|o| o.hmm)), |v, on| v.hmm = on)}
            <details class="dropdown">
                <summary>{tr(analysis.lang, "settings.panels")}</summary>
                <ul class="dropdown-list">{panel_items}</ul>
            </details>
        </section>
    }
}
