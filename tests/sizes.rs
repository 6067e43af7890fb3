//! The layout stays readable: no source file over 400 lines and no function over 60, in
//! `src/` (tests beside the code included). A file or function that grows past the limit is
//! split by concept, not by line count.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 60;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// True for a line that opens a function (`fn`, `pub fn`, `pub(crate) fn`, `const fn`…).
fn opens_fn(line: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix("pub ").unwrap_or(t);
    let t = ["pub(crate) ", "pub(super) ", "pub(in crate) "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    let t = t.strip_prefix("const ").unwrap_or(t);
    let t = t.strip_prefix("async ").unwrap_or(t);
    let t = t.strip_prefix("unsafe ").unwrap_or(t);
    t.starts_with("fn ")
}

/// Functions of `text` longer than the limit: (name line, length), by rustfmt's layout (the
/// closing brace at the indentation of the `fn`).
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !opens_fn(line) || line.trim_end().ends_with(';') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let close = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[i..].iter().position(|l| *l == close) else {
            continue;
        };
        if end + 1 > MAX_FN_LINES {
            out.push((line.trim().to_string(), end + 1));
        }
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut problems = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        let name = f
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(f)
            .display()
            .to_string();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            problems.push(format!("{name}: {n} lines"));
        }
        for (sig, len) in long_functions(&text) {
            problems.push(format!("{name}: {len}-line function {sig}"));
        }
    }
    assert!(
        problems.is_empty(),
        "split these by concept:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_sees_a_long_function() {
    let body = "    x();\n".repeat(MAX_FN_LINES);
    let text = format!("pub fn long() {{\n{body}}}\n\nfn short() {{\n}}\n");
    assert_eq!(long_functions(&text).len(), 1);
}
