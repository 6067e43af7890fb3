//! What parallax reads: one file is one article however it is reached, and a configuration
//! or a passim output that is not a regular file (a FIFO, `/dev/zero`) is refused at once
//! with exit 2 instead of hanging or filling memory.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{article, bin, run_in};

fn ids(o: &Output) -> Vec<String> {
    assert!(o.status.success(), "{}", bin::stderr(o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let rows = v.as_array().expect("array");
    rows.iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn one_file_is_one_article_however_it_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::create_dir(d.join("news")).expect("news");
    std::fs::write(d.join("news/x.md"), article("bridge")).expect("x");
    std::fs::write(d.join("news/y.md"), article("ferry")).expect("y");
    assert_eq!(
        ids(&run_in(d, &["list", "--json", "news/x.md", "./news/x.md"])),
        ["x"]
    );
    assert_eq!(
        ids(&run_in(d, &["list", "--json", "news", "news/x.md"])),
        ["x", "y"]
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("news"), d.join("alias")).expect("symlink");
        assert_eq!(
            ids(&run_in(d, &["list", "--json", "news", "alias"])),
            ["x", "y"]
        );
    }
    // And no article shares a passage with itself.
    let o = run_in(
        d,
        &["quotes", "--json", "news/x.md", "./news/x.md", "news/y.md"],
    );
    assert!(o.status.success(), "{}", bin::stderr(&o));
    assert!(!bin::stdout(&o).contains("x-2"), "{}", bin::stdout(&o));
}

/// Runs `parallax list` with the environment `env` and a deadline; a run past it is killed
/// and fails the test (it would hang forever).
fn run_bounded(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = bin::command("reliability-inputs");
    c.args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("spawn");
    let start = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("parallax {args:?} did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn a_configuration_that_is_not_a_regular_file_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let fifo = dir.path().join("config.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for config in [Path::new("/dev/zero"), &fifo, dir.path()] {
        let o = run_bounded(
            dir.path(),
            &["list", "a.txt"],
            &[("PARALLAX_CONFIG", config)],
        );
        assert_eq!(o.status.code(), Some(2), "{}", bin::stderr(&o));
        let err = bin::stderr(&o);
        assert!(err.contains("cannot read"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let big = dir.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(2 << 20))).expect("big");
    let o = run_bounded(dir.path(), &["list", "a.txt"], &[("PARALLAX_CONFIG", &big)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(bin::stderr(&o).contains("too large"), "{}", bin::stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_passim_output_that_is_a_device_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let o = run_bounded(
        dir.path(),
        &["quotes", "--passim", "/dev/zero", "a.txt"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", bin::stderr(&o));
    assert!(
        bin::stderr(&o).contains("nor a regular file"),
        "{}",
        bin::stderr(&o)
    );
}

#[test]
fn a_missing_passim_output_is_a_usage_error_like_a_missing_sidecar() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    for flag in ["--passim", "--sidecar"] {
        let o = run_bounded(dir.path(), &["quotes", flag, "missing", "a.txt"], &[]);
        assert_eq!(o.status.code(), Some(2), "{flag}: {}", bin::stderr(&o));
        let err = bin::stderr(&o);
        assert!(
            err.contains("missing") && err.lines().count() == 1,
            "{flag}: {err}"
        );
    }
}

#[test]
fn a_keymap_without_a_way_out_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let cases = [
        ("[keys.global]\nquit = []\n", "no key to quit"),
        (
            "[keys.library]\nup = [\"j\"]\ndown = [\"j\"]\n",
            "also given to up",
        ),
        ("[keys.compare]\nexport = [\"F99\"]\n", "F1 to F12"),
    ];
    for (text, want) in cases {
        let config = dir.path().join("config.toml");
        std::fs::write(&config, text).expect("config");
        let o = run_bounded(
            dir.path(),
            &["list", "a.txt"],
            &[("PARALLAX_CONFIG", &config)],
        );
        assert_eq!(o.status.code(), Some(2), "{text}");
        assert!(bin::stderr(&o).contains(want), "{}", bin::stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn a_named_sidecar_that_is_not_a_readable_regular_file_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let fifo = dir.path().join("meta.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let missing = dir.path().join("missing.csv");
    for sidecar in [Path::new("/dev/zero"), &fifo, dir.path(), &missing] {
        let sidecar = sidecar.to_str().expect("utf-8 path");
        for command in ["list", "quotes"] {
            let o = run_bounded(dir.path(), &[command, "--sidecar", sidecar, "a.txt"], &[]);
            assert_eq!(o.status.code(), Some(2), "{sidecar}: {}", bin::stderr(&o));
            let err = bin::stderr(&o);
            assert!(err.starts_with("parallax: --sidecar "), "{err}");
            assert!(err.contains("cannot read"), "{err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_log_that_is_a_fifo_neither_blocks_nor_is_written() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let state = dir.path().join("state");
    std::fs::create_dir(&state).expect("state");
    let made = std::process::Command::new("mkfifo")
        .arg(state.join("parallax.log"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let o = run_bounded(
        dir.path(),
        &["list", "a.txt"],
        &[("PARALLAX_STATE_DIR", &state)],
    );
    assert!(o.status.success(), "{}", bin::stderr(&o));
    assert_eq!(bin::stderr(&o), "");
}
