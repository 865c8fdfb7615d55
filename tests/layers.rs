//! The engine's layering, checked from its source: no module of
//! `src/engine` imports a module that imports it back (directly or through
//! others), and none imports web crates, the seeds or a face.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A source file without its comments (doc links are not dependencies).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Engine module → the engine modules it uses (`super::x`, `crate::engine::x`).
fn engine_graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("src/engine") {
        let path = entry.expect("a directory entry").path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if path.extension().and_then(|e| e.to_str()) != Some("rs") || name == "mod" {
            continue;
        }
        let text = code_of(&path);
        let mut uses = BTreeSet::new();
        for prefix in ["super::", "crate::engine::"] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + prefix.len()..];
                let module: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                // `super::{a, b}` lists several modules.
                if rest.starts_with('{') {
                    let list = &rest[1..rest.find('}').unwrap_or(0)];
                    uses.extend(list.split(',').map(|m| m.trim().split("::").next().unwrap_or("").to_string()));
                } else if !module.is_empty() {
                    uses.insert(module);
                }
            }
        }
        uses.retain(|m| !m.is_empty() && *m != name && dir.join(format!("{m}.rs")).exists());
        graph.insert(name, uses);
    }
    graph
}

/// A cycle in the graph, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
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

#[test]
fn the_engine_module_graph_has_no_cycle() {
    let graph = engine_graph();
    assert!(graph.len() >= 20, "read {} engine modules", graph.len());
    let drawn: Vec<String> = graph.iter().map(|(m, uses)| format!("{m} → {}", uses.iter().cloned().collect::<Vec<_>>().join(", "))).collect();
    if let Some(cycle) = find_cycle(&graph) {
        panic!("engine modules in a cycle: {}\n{}", cycle.join(" → "), drawn.join("\n"));
    }
    println!("{}", drawn.join("\n"));
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])]
        .into_iter()
        .map(|(m, uses)| (m.to_string(), uses.iter().map(|u| u.to_string()).collect()))
        .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
}

#[test]
fn the_engine_imports_no_web_crate_no_seeds_and_no_face() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    for entry in std::fs::read_dir(&dir).expect("src/engine") {
        let path = entry.expect("a directory entry").path();
        let text = code_of(&path);
        for banned in ["leptos", "web_sys", "js_sys", "wasm_bindgen", "crate::seeds", "crate::ui", "crate::view_state", "include_str!", "include_bytes!"] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
}
