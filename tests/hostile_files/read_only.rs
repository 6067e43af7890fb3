//! Nothing lost: parallax never writes to the corpus it reads. A corpus (two seeds and the
//! hostile fixtures) is snapshotted, every subcommand runs on it from inside it (two at a
//! time, as a user's shell and the reader could), and the snapshot must come out identical:
//! same entries, bytes, permissions and modification times.

use std::path::Path;
use std::process::{Command, Stdio};

use super::snapshot::snapshot;

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
        .env("PARALLAX_STATE_DIR", root.with_file_name("state"))
        .env("PARALLAX_CACHE_DIR", root.with_file_name("cache"))
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
