//! Clusters of the selected term (AntConc's Clusters), shown in the
//! Phrases panel: the 2–5-word sequences holding it at their start, end or
//! anywhere, with count and range; size, side and minimum are in the URL
//! (`clsize`, `clside`, `clmin`). Clicking a cluster selects it as a phrase
//! (its concordance, trends, …) while the table stays on the term it was
//! made for.

use super::panel::{columns, content_key, Column, PhraseRow, TableHead};
use super::rows::Rows;
use super::tr;
use super::Analysis;
use cijing_engine::corpus::query::Query;
use cijing_engine::statistics::clusters::{clusters, ClusterRow, ClusterSide};
use cijing_engine::text::options::Choice;
use cijing_view::i18n::t;
use leptos::prelude::*;

/// The columns of the clusters table.
const HEAD: &[Column] = columns![text "clusters.cluster", num "table.count", num "table.docs"];

/// A cluster with its row's static state (see rows.rs).
#[derive(Clone, PartialEq)]
struct ClusterLine {
    row: ClusterRow,
    selected: bool,
}

/// Every cluster of the selection, most frequent first (the export).
pub fn all_clusters(analysis: &Analysis, node: &str) -> Vec<ClusterRow> {
    let corpus = analysis.corpus.get_untracked();
    let options = analysis.view.with_untracked(|v| v.clusters);
    let merge = analysis.view.with_untracked(|v| v.merge_aliases);
    let Ok(query) = Query::parse_known(&corpus, node, merge) else {
        return Vec::new();
    };
    analysis.selection.with_untracked(|s| clusters(&corpus, s, &query, &options))
}

#[component]
pub fn ClusterTable() -> impl IntoView {
    let analysis = expect_context::<Analysis>();
    let view = analysis.view;
    let lang = move || analysis.lang();
    let options = Memo::new(move |_| view.with(|v| (v.clusters, v.merge_aliases)));
    let cluster_options = Memo::new(move |_| options.get().0);
    // The term the clusters are of: the selected term, unless it is one of
    // the clusters shown (a click on a cluster keeps the table).
    let node = RwSignal::new(analysis.term.get_untracked());
    let shown_clusters = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let term = analysis.term.get();
        let keep = term.as_ref().is_some_and(|t| shown_clusters.with_value(|c| c.contains(t)));
        if !keep && node.get_untracked() != term {
            node.set(term);
        }
    });
    let rows = Memo::new(move |_| {
        let corpus = analysis.corpus.get();
        let (options, merge) = options.get();
        let top = analysis.top.get();
        let node = node.get()?;
        let query = Query::parse_known(&corpus, &node, merge).ok()?;
        let selected = analysis.term.get().unwrap_or_default();
        let all = analysis.selection.with(|s| clusters(&corpus, s, &query, &options));
        shown_clusters.set_value(all.iter().map(|r| r.cluster.clone()).collect());
        let total = all.len();
        let shown = all
            .into_iter()
            .take(top)
            .map(|row| ClusterLine { selected: row.cluster == selected, row })
            .collect::<Vec<_>>();
        Some((total, shown))
    });
    let size_select = move || {
        view! {
            <label class="field">
                {tr(analysis.lang, "clusters.size")}
                <select id="cluster-size" prop:value=move || cluster_options.get().size.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            view.update(|v| v.clusters.size = n.clamp(2, 5));
                        }
                    }>
                    {(2..=5).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                {tr(analysis.lang, "clusters.side")}
                <select id="cluster-side" prop:value=move || cluster_options.get().side.code()
                    on:change=move |ev| {
                        if let Some(side) = ClusterSide::parse(&event_target_value(&ev)) {
                            view.update(|v| v.clusters.side = side);
                        }
                    }>
                    <option value="any">{tr(analysis.lang, "clusters.side.any")}</option>
                    <option value="left">{tr(analysis.lang, "clusters.side.left")}</option>
                    <option value="right">{tr(analysis.lang, "clusters.side.right")}</option>
                </select>
            </label>
            <label class="field">
                {tr(analysis.lang, "clusters.min")}
                <input type="number" id="cluster-min" class="narrow" min="1" max="1000" step="1"
                    prop:value=move || cluster_options.get().min_count.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u64>() {
                            view.update(|v| v.clusters.min_count = n.clamp(1, 1000));
                        }
                    } />
            </label>
        }
    };
    let line = move |line: ClusterLine| {
        let ClusterLine { row, selected } = line;
        view! { <PhraseRow phrase=row.cluster count=row.count docs=row.docs selected=selected /> }
    };
    let export = move |_| {
        let Some(node) = node.get_untracked() else {
            return;
        };
        let table = cijing_engine::statistics::table::clusters(&all_clusters(&analysis, &node));
        let name = cijing_view::export::file_name(&["clusters", &node], "csv");
        super::download::save_text(
            &name,
            "text/csv;charset=utf-8",
            &cijing_view::export::csv(&table.header(), &table.rows),
        );
    };
    view! {
        <section class="clusters" aria-labelledby="clusters-title">
            <div class="plot-head">
            <h3 id="clusters-title">{move || match node.get() {
                Some(term) => format!("{} · {term}", t(lang(), "clusters.title")),
                None => t(lang(), "clusters.title").to_string(),
            }}</h3>
                // The export holds every cluster, not only the rows shown.
                <span class="exports" role="group" aria-label=tr(analysis.lang, "export.label")>
                    <button class="export" data-export="clusters-csv" disabled=move || node.with(|n| n.is_none()) on:click=export>
                        {tr(analysis.lang, "export.csv")}
                    </button>
                </span>
            </div>
            <div class="panel-tools">{size_select}</div>
            <p class="muted" aria-live="polite">{move || match rows.get() {
                None => t(lang(), "clusters.pick").to_string(),
                Some((0, _)) => t(lang(), "clusters.none").to_string(),
                Some((n, shown)) => format!("{} / {n} {}", shown.len(), t(lang(), "clusters.count")),
            }}</p>
            <table id="clusters-table" class="data" data-rows=move || rows.with(|r| r.as_ref().map_or(0, |r| r.0))>
                <TableHead columns=HEAD />
                <tbody>
                    <Rows each=move || rows.get().map(|r| r.1).unwrap_or_default()
                        key=|l| content_key((&l.row.cluster, l.row.count, l.row.docs, l.selected))
                        children=line />
                </tbody>
            </table>
        </section>
    }
}
