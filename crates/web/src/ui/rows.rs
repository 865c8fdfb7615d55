//! Keyed lists that keep memory flat: `<Rows>` and `<RowsEnumerate>` are
//! leptos' `<For>` and `<ForEnumerate>` with one change. leptos makes each
//! row's reactive owner a child of the list's owner, which lives as long as
//! the panel; a removed row is dropped, but its parent keeps a `Weak` to it
//! (and so its allocation) until the panel goes. A concordance re-keyed on
//! every term click piled up hundreds of those per click (wasm memory
//! 4 → 40 MB in 300 clicks, each click slower). Here each row owns a root
//! owner, freed whole with the row, that carries the page's `Analysis`
//! context (the only context rows read).

use super::Analysis;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::keyed::{keyed, SerializableKey};
use std::hash::Hash;

/// An owner with no parent (so nothing keeps it once its row is dropped),
/// holding the page's context; the current owner is left as it was.
fn row_owner(analysis: Option<Analysis>) -> Owner {
    let current = Owner::current();
    let owner = Owner::new_root(None);
    match current {
        Some(current) => current.set(),
        None => owner.clone().unset(),
    }
    if let Some(analysis) = analysis {
        owner.with(|| provide_context(analysis));
    }
    owner
}

/// A keyed list (as `<For>`): a row is built once per key and moved, not
/// rebuilt, when the list re-orders.
#[component]
pub fn Rows<IF, I, T, EF, N, KF, K>(
    /// The items.
    each: IF,
    /// A key per item: an item whose key stays keeps its row.
    key: KF,
    /// The row for an item.
    children: EF,
) -> impl IntoView
where
    IF: Fn() -> I + Send + 'static,
    I: IntoIterator<Item = T> + Send + 'static,
    EF: Fn(T) -> N + Send + Clone + 'static,
    N: IntoView + 'static,
    KF: Fn(&T) -> K + Send + Clone + 'static,
    K: Eq + Hash + SerializableKey + 'static,
    T: Send + 'static,
{
    let analysis = use_context::<Analysis>();
    let children = move |_, item| {
        let owner = row_owner(analysis);
        let view = owner.with(|| children(item));
        (drop, OwnedView::new_with_owner(view, owner))
    };
    move || keyed(each(), key.clone(), children.clone())
}

/// A keyed list whose rows also read their place in it (as `<ForEnumerate>`).
#[component]
pub fn RowsEnumerate<IF, I, T, EF, N, KF, K>(
    /// The items.
    each: IF,
    /// A key per item: an item whose key stays keeps its row.
    key: KF,
    /// The row for an item, given its index (a signal: rows move).
    children: EF,
) -> impl IntoView
where
    IF: Fn() -> I + Send + 'static,
    I: IntoIterator<Item = T> + Send + 'static,
    EF: Fn(ReadSignal<usize>, T) -> N + Send + Clone + 'static,
    N: IntoView + 'static,
    KF: Fn(&T) -> K + Send + Clone + 'static,
    K: Eq + Hash + SerializableKey + 'static,
    T: Send + 'static,
{
    let analysis = use_context::<Analysis>();
    let children = move |index, item| {
        let owner = row_owner(analysis);
        let (index, set_index) = owner.with(|| ArcRwSignal::new(index).split());
        let view = owner.with(|| children(index.into(), item));
        (move |index| set_index.set(index), OwnedView::new_with_owner(view, owner))
    };
    move || keyed(each(), key.clone(), children.clone())
}
