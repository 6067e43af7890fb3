//! Closed output: `parallax list --json BIG | head -c 10` (stdout closed early), with
//! stderr closed too (`2>&1 | head`) or full (`2>/dev/full`). The program ends quietly: no
//! panic (exit 134), no "Broken pipe" message.

use std::path::Path;
use std::process::Stdio;

use super::{article, bin};

/// A corpus whose `list --json` is far larger than a pipe's buffer (64 KB), and one empty
/// file, so that a problem is reported on stderr.
fn big_corpus(dir: &Path) {
    for i in 0..400 {
        std::fs::write(
            dir.join(format!("a{i:03}.txt")),
            article(&format!("bridge {i}")),
        )
        .expect("write");
    }
    std::fs::write(dir.join("empty.txt"), "").expect("empty");
}

/// Runs `list --json DIR` with stdout a pipe closed before anything is read and stderr
/// going to `stderr`; returns the exit code and what stderr got when it was a pipe.
fn list_into_closed_pipe(dir: &Path, stderr: Stdio) -> (Option<i32>, String) {
    let mut child = bin::command("reliability-pipes")
        .args(["list", "--json", dir.to_str().expect("path")])
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_ends_the_program_quietly() {
    let dir = tempfile::tempdir().expect("tmp");
    big_corpus(dir.path());
    let (code, err) = list_into_closed_pipe(dir.path(), Stdio::piped());
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The load problem is still reported.
    assert!(err.contains("empty.txt"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_closed_or_full_stderr_is_no_panic() {
    let dir = tempfile::tempdir().expect("tmp");
    big_corpus(dir.path());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let (code, _) = list_into_closed_pipe(dir.path(), Stdio::from(full));
    assert_eq!(code, Some(0));
    // stderr a pipe closed at once, like stdout (`2>&1 | head -c 10`).
    let mut child = bin::command("reliability-pipes")
        .args(["list", "--json", dir.path().to_str().expect("path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "{status:?}");
}
