//! Enforces the architecture: the UI-free core never imports the terminal libraries.
//!
//! The core (corpus, text, metadata, analysis, filter, synth, cache, assets) must be usable and
//! testable without a terminal; only `src/tui` and `src/cli` may talk to one.

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
