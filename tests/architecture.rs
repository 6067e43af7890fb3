//! Enforces the architecture: the UI-free core never imports the terminal libraries nor the
//! edges (`tui`, `cli`), and the top-level modules depend on each other without cycles, so
//! that they read as layers (text → metadata → corpus → analysis → cache → pipeline → tui →
//! cli).
//!
//! The core (corpus, text, metadata, analysis, filter, synth, cache, pipeline, assets) must
//! be usable and testable without a terminal; only `src/tui` and `src/cli` may talk to one.

use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "corpus",
    "text",
    "metadata",
    "analysis",
    "filter",
    "synth",
    "cache",
    "export",
    "config",
    "passim",
    "pipeline",
    "fsio",
    "dirs.rs",
    "logging.rs",
    "assets.rs",
    "lib.rs",
];
const FORBIDDEN: &[&str] = &["ratatui", "crossterm"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn core_modules_never_import_terminal_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in CORE {
        let p = src.join(part);
        if p.exists() {
            rust_files(&p, &mut files);
        }
    }
    assert!(
        files.len() >= 10,
        "expected the core sources, found {files:?}"
    );
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if FORBIDDEN
                .iter()
                .any(|f| code.contains(&format!("{f}::")) || code.contains(&format!("use {f}")))
            {
                offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "core modules import terminal crates:\n{}",
        offenders.join("\n")
    );
}

/// The top-level module a source file belongs to (`src/cache/store.rs` → `cache`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let first = rel.components().next().unwrap();
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// Which top-level modules each module names as `crate::NAME` (outside comments).
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = std::collections::BTreeMap::<_, std::collections::BTreeSet<_>>::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.contains("crate::{"),
                "{}: name each module as crate::NAME so the graph sees it: {line}",
                file.display()
            );
            for (i, _) in code.match_indices("crate::") {
                let to: String = code[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !to.is_empty() && to != from {
                    graph.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    graph
}

#[test]
fn the_core_never_reaches_the_edges() {
    let graph = module_graph();
    let core = CORE.iter().map(|m| m.trim_end_matches(".rs"));
    let mut offenders = Vec::new();
    for m in core.filter(|m| *m != "lib") {
        for edge in ["tui", "cli"] {
            if graph.get(m).is_some_and(|deps| deps.contains(edge)) {
                offenders.push(format!("{m} -> {edge}"));
            }
        }
    }
    assert!(offenders.is_empty(), "core uses an edge: {offenders:?}");
}

#[test]
fn modules_depend_on_each_other_without_cycles() {
    let graph = module_graph();
    assert!(graph.len() >= 10, "expected the modules, found {graph:?}");
    // Depth-first search; a module met again while on the path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = std::collections::BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!("a dependency cycle: {}", cycle.join(" -> "));
        }
    }
}
