//! Every code fence of README.md and docs/*.md is closed: an unclosed fence turns the rest
//! of a page into code. The rule is CommonMark's: a fence of three or more backticks or
//! tildes (indented at most three spaces) is closed by one of the same character, at
//! least as long, with nothing after it.

use std::path::{Path, PathBuf};

/// The line (1-based) of a fence left open, if any.
fn unclosed_fence(text: &str) -> Option<usize> {
    let mut open: Option<(char, usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 3 {
            continue;
        }
        let rest = &line[indent..];
        let Some(c) = rest.chars().next().filter(|c| *c == '`' || *c == '~') else {
            continue;
        };
        let run = rest.chars().take_while(|&x| x == c).count();
        if run < 3 {
            continue;
        }
        let after = rest[run..].trim();
        match open {
            None if !(c == '`' && after.contains('`')) => open = Some((c, run, i + 1)),
            Some((oc, orun, _)) if oc == c && run >= orun && after.is_empty() => open = None,
            _ => {}
        }
    }
    open.map(|(_, _, line)| line)
}

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("README.md")];
    if let Ok(entries) = std::fs::read_dir(root.join("docs")) {
        let mut docs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        docs.sort();
        pages.extend(docs);
    }
    pages
}

#[test]
fn every_code_fence_is_closed() {
    for page in pages() {
        let text = std::fs::read_to_string(&page).expect("readable page");
        assert_eq!(
            unclosed_fence(&text),
            None,
            "{}: fence opened here is never closed",
            page.display()
        );
    }
}

#[test]
fn the_check_finds_what_it_must() {
    assert_eq!(unclosed_fence("a\n```sh\nx\n```\n"), None);
    assert_eq!(unclosed_fence("a\n```sh\nx\n"), Some(2));
    assert_eq!(
        unclosed_fence("````\n```\n````\n"),
        None,
        "a shorter fence is content"
    );
    assert_eq!(
        unclosed_fence("~~~\n```\n"),
        Some(1),
        "backticks do not close tildes"
    );
    assert_eq!(unclosed_fence("```\n``` not a close\n"), Some(1));
    assert_eq!(
        unclosed_fence("    ```\n"),
        None,
        "indented code, not a fence"
    );
}
