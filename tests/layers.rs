//! The layering inside the crates, checked from their source (Cargo keeps
//! the direction between crates): the engine's module groups depend only
//! downward (text ← corpus ← statistics ← charts), no engine module and no
//! module of the web page imports one that imports it back, and the engine
//! embeds no file and names no web crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A source file without its comments (doc links are not dependencies).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The module names a source uses after `prefix` (`crate::text::`,
/// `super::`), including each of a `prefix{a, b::c}` list.
fn modules_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let ident = |s: &str| {
        s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
    };
    let mut uses = BTreeSet::new();
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(0)];
            uses.extend(list.split(',').map(|m| ident(m.trim())));
        } else {
            uses.insert(ident(rest));
        }
    }
    uses.retain(|m| !m.is_empty());
    uses
}

/// The engine's layers, lowest first, and the folder of each.
const ENGINE_GROUPS: [&str; 4] = ["text", "corpus", "statistics", "charts"];

fn engine_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/engine/src")
}

/// Engine module (`group::module`) → the engine modules it uses.
fn engine_graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = engine_dir();
    let mut modules = BTreeSet::new();
    for group in ENGINE_GROUPS {
        for path in rust_files(&dir.join(group)) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            modules.insert(if stem == "mod" {
                group.to_string()
            } else {
                format!("{group}::{stem}")
            });
        }
    }
    let mut graph = BTreeMap::new();
    for group in ENGINE_GROUPS {
        for path in rust_files(&dir.join(group)) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let name = if stem == "mod" { group.to_string() } else { format!("{group}::{stem}") };
            let text = code_of(&path);
            let mut uses = BTreeSet::new();
            for other in ENGINE_GROUPS {
                // `crate::corpus::index::…` uses a module; `crate::corpus::Corpus`, the group's own.
                for item in modules_after(&text, &format!("crate::{other}::")) {
                    let module = format!("{other}::{item}");
                    uses.insert(if modules.contains(&module) { module } else { other.to_string() });
                }
            }
            uses.retain(|m| modules.contains(m) && *m != name);
            graph.insert(name, uses);
        }
    }
    graph
}

/// The web page's modules (`crates/web/src/ui`) → the ones each uses.
fn ui_graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/src/ui");
    let files = rust_files(&dir);
    let name_of =
        |path: &Path| path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    let modules: BTreeSet<String> =
        files.iter().map(|p| name_of(p)).filter(|n| n != "mod").collect();
    let mut graph = BTreeMap::new();
    for path in &files {
        let name = name_of(path);
        if name == "mod" {
            continue;
        }
        let text = code_of(path);
        let mut uses = modules_after(&text, "super::");
        uses.extend(modules_after(&text, "crate::ui::"));
        uses.retain(|m| modules.contains(m) && *m != name);
        graph.insert(name, uses);
    }
    graph
}

/// A cycle in the graph, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn drawn(graph: &BTreeMap<String, BTreeSet<String>>) -> String {
    let lines: Vec<String> = graph
        .iter()
        .map(|(m, uses)| format!("{m} → {}", uses.iter().cloned().collect::<Vec<_>>().join(", ")))
        .collect();
    lines.join("\n")
}

#[test]
fn the_engine_module_graph_has_no_cycle() {
    let graph = engine_graph();
    assert!(graph.len() >= 30, "read {} engine modules", graph.len());
    assert!(graph["statistics::kwic"].contains("corpus::selection"), "{}", drawn(&graph));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("engine modules in a cycle: {}\n{}", cycle.join(" → "), drawn(&graph));
    }
}

#[test]
fn the_engine_groups_depend_only_downward() {
    let graph = engine_graph();
    let rank = |module: &str| {
        ENGINE_GROUPS
            .iter()
            .position(|g| module == *g || module.starts_with(&format!("{g}::")))
            .expect("a grouped module")
    };
    for (module, uses) in &graph {
        for used in uses {
            assert!(
                rank(used) <= rank(module),
                "{module} (layer {}) uses {used}, a higher layer",
                ENGINE_GROUPS[rank(module)]
            );
        }
    }
}

#[test]
fn the_web_page_module_graph_has_no_cycle() {
    let graph = ui_graph();
    assert!(graph.len() >= 20, "read {} page modules", graph.len());
    if let Some(cycle) = find_cycle(&graph) {
        panic!("page modules in a cycle: {}\n{}", cycle.join(" → "), drawn(&graph));
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])]
            .into_iter()
            .map(|(m, uses)| (m.to_string(), uses.iter().map(|u| u.to_string()).collect()))
            .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
}

#[test]
fn the_engine_embeds_no_file_and_names_no_web_crate() {
    for path in rust_files(&engine_dir()) {
        let text = code_of(&path);
        for banned in [
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "cijing_",
            "include_str!",
            "include_bytes!",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
}

#[test]
fn no_source_is_compiled_from_another_crate_by_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src"));
    files.extend(rust_files(&root.join("crates")));
    assert!(files.len() > 80, "read {} sources", files.len());
    for path in files {
        assert!(!code_of(&path).contains("#[path"), "{} uses #[path]", path.display());
    }
}
