//! Panels out of view wait: a panel mounts when it first comes near the
//! viewport, and while away reads a frozen analysis (its memos keep their
//! values and listen to nothing), so a click redraws only what one sees.

use super::Analysis;
use cijing_view::i18n::panel_name;
use cijing_view::view_state::Panel;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// How far beyond the viewport a panel counts as near: a quarter of its
/// height above and below, so the next panel is ready before it shows.
const NEAR_MARGIN: &str = "25% 0px";

/// How many panels have not yet said whether they are near; the app marks
/// `<main data-complete-ms>` when none is left.
#[derive(Clone, Copy)]
pub struct Unsettled(pub RwSignal<usize>);

/// A panel that mounts when it comes near the viewport (at once when
/// `eager`), and reads a frozen analysis while it is away.
#[component]
pub fn Lazy(panel: Panel, #[prop(optional)] eager: bool, children: ChildrenFn) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let near = RwSignal::new(eager);
    // Counted among the unsettled until its first report, or until it is
    // closed before it made one (a flag outside the reactive arena, which
    // may be freed before the cleanup runs).
    let unsettled = use_context::<Unsettled>().map(|u| u.0);
    let settled = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(eager));
    let settle = {
        let settled = settled.clone();
        move || {
            if !settled.swap(true, std::sync::atomic::Ordering::Relaxed) {
                if let Some(unsettled) = unsettled {
                    unsettled.try_update(|n| *n = n.saturating_sub(1));
                }
            }
        }
    };
    if !eager {
        if let Some(unsettled) = unsettled {
            unsettled.update(|n| *n += 1);
        }
    }
    on_cleanup({
        let settle = settle.clone();
        move || settle()
    });
    // Whichever element stands for the panel reports its nearness.
    let report = move |is_near: bool| {
        if near.get_untracked() != is_near {
            near.set(is_near);
        }
        settle();
    };
    provide_context(Reporter(Callback::new(report)));
    provide_context(FocusOnMount(StoredValue::new(false)));
    provide_context(analysis.frozen_unless(near.into()));
    let seen = Memo::new(move |was: Option<&bool>| was == Some(&true) || near.get());
    move || {
        if seen.get() {
            children().into_any()
        } else {
            view! { <Waiting panel=panel /> }.into_any()
        }
    }
}

/// What a panel's frame calls with its nearness.
#[derive(Clone, Copy)]
struct Reporter(Callback<bool>);

/// Whether the panel, once mounted, takes the focus: a keyboard user
/// tabbed onto it while it waited.
#[derive(Clone, Copy)]
pub struct FocusOnMount(StoredValue<bool>);

impl FocusOnMount {
    /// The current panel's (None outside a panel).
    pub fn here() -> Option<FocusOnMount> {
        use_context::<FocusOnMount>()
    }

    /// Asks that the panel, once mounted, take the focus.
    pub fn ask(self) {
        self.0.set_value(true);
    }
}

/// Gives a just-mounted panel's `section` the focus if the keyboard asked
/// for the panel while it waited, and the focus has not moved on since (it
/// is on nothing, or still in the panel).
pub fn focus_if_asked(section: NodeRef<leptos::html::Section>) {
    let Some(FocusOnMount(asked)) = use_context::<FocusOnMount>() else {
        return;
    };
    Effect::new(move |_| {
        let Some(element) = section.get() else { return };
        if !asked.get_value() {
            return;
        }
        asked.set_value(false);
        let document = web_sys::window().and_then(|w| w.document());
        let active = document.as_ref().and_then(|d| d.active_element());
        let body = document.as_ref().and_then(|d| d.body());
        let free = match &active {
            None => true,
            Some(a) => {
                body.as_ref().is_some_and(|b| b.is_same_node(Some(a))) || element.contains(Some(a))
            }
        };
        if free {
            let _ = element.focus();
        }
    });
}

/// A panel not mounted yet: its frame and heading, the size of a panel.
/// It is in the tab order: focused, it mounts and passes the focus on.
#[component]
pub fn Waiting(panel: Panel) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let section = NodeRef::<leptos::html::Section>::new();
    watch_nearness(section);
    let (focus, reporter) = (FocusOnMount::here(), use_context::<Reporter>());
    let mount_now = move |_| {
        if let Some(focus) = focus {
            focus.ask();
        }
        if let Some(Reporter(report)) = reporter {
            report.run(true);
        }
    };
    let heading = format!("panel-{}-heading", panel.code());
    let labelled_by = heading.clone();
    view! {
        <section class="panel waiting" class:wide=cijing_view::ui_logic::is_wide(panel) id=format!("panel-{}", panel.code()) node_ref=section aria-busy="true"
            aria-labelledby=labelled_by tabindex="0" on:focus=mount_now>
            <header class="panel-head"><h2 id=heading>{move || panel_name(analysis.lang(), panel)}</h2></header>
        </section>
    }
}

/// A panel whose code could not be loaded (offline, say): its frame, why,
/// and a button to try again.
#[component]
pub fn Unloaded(panel: Panel, retry: Callback<()>) -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    view! {
        <section class="panel" class:wide=cijing_view::ui_logic::is_wide(panel) id=format!("panel-{}", panel.code())>
            <header class="panel-head"><h2>{move || panel_name(analysis.lang(), panel)}</h2></header>
            <p class="notice" role="alert">{super::tr(analysis.lang, "panel.unloaded")}</p>
            <button class="panel-retry" on:click=move |_| retry.run(())>{super::tr(analysis.lang, "panel.retry")}</button>
        </section>
    }
}

/// Reports whether `section` is near the viewport to the `Lazy` around it
/// (nothing when there is none).
pub fn watch_nearness(section: NodeRef<leptos::html::Section>) {
    let Some(Reporter(report)) = use_context::<Reporter>() else {
        return;
    };
    Effect::new(move |_| {
        if let Some(element) = section.get() {
            observe_nearness(&element, report);
        }
    });
}

/// Calls `seen` whenever `element` comes near the viewport (and is seen
/// through the boxes it scrolls in).
pub fn when_seen(element: NodeRef<leptos::html::Div>, seen: impl Fn() + Send + Sync + 'static) {
    let report = Callback::new(move |near: bool| {
        if near {
            seen();
        }
    });
    Effect::new(move |_| {
        if let Some(element) = element.get() {
            observe_nearness(&element, report);
        }
    });
}

/// Calls `report` with whether `element` is near the viewport (and seen
/// through the boxes it scrolls in), now and at each change, until the
/// current reactive owner is cleaned up.
fn observe_nearness(element: &web_sys::Element, report: Callback<bool>) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state.
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            report.run(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR_MARGIN);
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) else {
        // No IntersectionObserver: always near.
        report.run(true);
        return;
    };
    observer.observe(element);
    let held = send_wrapper::SendWrapper::new((observer, callback));
    on_cleanup(move || held.0.disconnect());
}

/// A memo of `source` that follows it while `live`, and otherwise keeps its
/// last value without listening to `source`.
fn gate<T: Clone + PartialEq + Send + Sync + 'static>(
    source: Memo<T>,
    live: Signal<bool>,
) -> Memo<T> {
    Memo::new_owning(move |last: Option<T>| match last {
        Some(last) if !live.get() => (last, false),
        last => {
            let next = source.get();
            let changed = last.as_ref() != Some(&next);
            (next, changed)
        }
    })
}

impl Analysis {
    /// This analysis as a panel reads it: frozen while `live` is false.
    fn frozen_unless(self, live: Signal<bool>) -> Analysis {
        Analysis {
            view: self.view,
            lang: gate(self.lang, live),
            term: gate(self.term, live),
            top: gate(self.top, live),
            filter: gate(self.filter, live),
            threshold: gate(self.threshold, live),
            kwic_sort: gate(self.kwic_sort, live),
            term_sort: gate(self.term_sort, live),
            trend_by: gate(self.trend_by, live),
            collocate_options: gate(self.collocate_options, live),
            key_ref: gate(self.key_ref, live),
            focus_reader: self.focus_reader,
            read: gate(self.read, live),
            para: gate(self.para, live),
            show_segments: gate(self.show_segments, live),
            panels: self.panels,
            user_topics: gate(self.user_topics, live),
            topics: gate(self.topics, live),
            segment_options: gate(self.segment_options, live),
            merge_aliases: gate(self.merge_aliases, live),
            term_options: gate(self.term_options, live),
            offered: self.offered,
            topics_deleted: self.topics_deleted,
            corpus: gate(self.corpus, live),
            selection: gate(self.selection, live),
            topic_scores: gate(self.topic_scores, live),
            terms: gate(self.terms, live),
            keyness: gate(self.keyness, live),
            query: gate(self.query, live),
            chart_width: self.chart_width,
        }
    }
}
