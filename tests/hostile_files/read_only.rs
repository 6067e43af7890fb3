//! Nothing lost: parallax never writes to the corpus it reads. A corpus (two seeds and the
//! hostile fixtures) is snapshotted, every subcommand runs on it from inside it (two at a
//! time, as a user's shell and the reader could), and the snapshot must come out identical:
//! same entries, bytes, permissions and modification times.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

/// What a file-system entry is and holds: kind, bytes (files), link target (symlinks),
/// permissions and modification time.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    bytes: Vec<u8>,
    mode: String,
    modified: Option<SystemTime>,
}

/// Every entry under `root`, by path relative to it, symlinks not followed.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let (kind, bytes) = if meta.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                (
                    "symlink",
                    target.to_string_lossy().into_owned().into_bytes(),
                )
            } else if meta.is_dir() {
                todo.push(path.clone());
                ("dir", Vec::new())
            } else {
                ("file", std::fs::read(&path).unwrap())
            };
            let entry = Entry {
                kind,
                bytes,
                mode: format!("{:?}", meta.permissions()),
                modified: meta.modified().ok(),
            };
            out.insert(path.strip_prefix(root).unwrap().to_path_buf(), entry);
        }
    }
    out
}

/// Copies the regular files of `from` whose names start with one of `prefixes`.
fn copy_dir(from: &Path, to: &Path, prefixes: &[&str]) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().unwrap().is_file() && prefixes.iter().any(|p| name.starts_with(p)) {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Runs parallax with `args` on the folder `root`, from inside it; it must succeed and
/// report the hostile files.
fn run_in(root: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .arg(".")
        .current_dir(root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    assert!(
        stderr.contains("empty.txt: skipped: empty file"),
        "{args:?}: {stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("loop: skipped: symbolic link loop"),
        "{args:?}: {stderr}"
    );
}

#[test]
fn every_subcommand_leaves_the_corpus_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (a, b) = ("000_4bf21840051c9ce6", "001_3dffd0074b00d26a");
    copy_dir(&manifest.join("seeds"), &root.join("seeds"), &[a, b]);
    let hostile = manifest.join("tests/fixtures/hostile");
    copy_dir(&hostile, &root.join("hostile"), &[""]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", root.join("hostile/loop")).unwrap();
    let before = snapshot(&root);
    let runs: &[&[&str]] = &[
        &[],
        &["list"],
        &["list", "--json"],
        &["list", "--entity", "putin"],
        &["show", a],
        &["show", "--json", b],
        &["entities"],
        &["entities", "--json"],
        &["quotes"],
        &["quotes", "--json"],
        &["compare", a, b],
        &["compare", "--json", a, b],
    ];
    let (left, right) = runs.split_at(runs.len() / 2);
    std::thread::scope(|scope| {
        for half in [left, right] {
            let root = &root;
            scope.spawn(move || half.iter().for_each(|args| run_in(root, args)));
        }
    });
    assert!(before == snapshot(&root), "the corpus changed");
}
