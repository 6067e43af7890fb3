//! A panic and an error inside the reader, injected through the test hook
//! `PARALLAX_FAULT` (see `src/tui/fault.rs`) right after the first frame: either way the
//! terminal comes back (alternate screen left, cursor shown, raw mode off so lines start at
//! the left margin), the user is told what happened, and the log has the details.

use crate::session::{Finished, Launch, Session};

/// Starts the reader with the fault `kind` injected and waits for it to end.
fn run_with_fault(kind: &str) -> Finished {
    let s = Session::launch(Launch {
        env: vec![("PARALLAX_FAULT", kind)],
        ..Launch::default()
    });
    s.finish_code()
}

/// The terminal is the user's again: main screen, cursor visible.
fn assert_terminal_restored(done: &Finished) {
    done.screen(|sc| {
        assert!(!sc.alternate_screen(), "still on the alternate screen");
        assert!(!sc.hide_cursor(), "cursor still hidden");
    });
}

/// The lines of the final screen that carry text.
fn lines(done: &Finished) -> Vec<String> {
    done.screen(|sc| sc.contents())
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_panic_restores_the_terminal_and_names_the_log() {
    let done = run_with_fault("panic");
    assert_eq!(done.code, 101, "a panic exits with 101");
    assert_terminal_restored(&done);
    let lines = lines(&done);
    let screen = lines.join("\n");
    // Raw mode is off before the report is printed: each line starts at the left margin.
    let report: Vec<_> = lines.iter().filter(|l| l.contains("parallax:")).collect();
    assert_eq!(report.len(), 3, "{screen}");
    assert!(
        report.iter().all(|l| l.starts_with("parallax:")),
        "{screen}"
    );
    assert!(
        screen.contains("internal error (a bug): injected fault (PARALLAX_FAULT=panic)"),
        "{screen}"
    );
    assert!(screen.contains("src/tui/fault.rs:"), "location: {screen}");
    let log_path = done.log_path.display().to_string();
    assert!(
        screen.contains(&format!(
            "the full report (with backtrace) is in {log_path}"
        )),
        "{screen}"
    );
    let log = done.log();
    assert!(log.contains(" start "), "{log}");
    assert!(
        log.contains("panic at src/tui/fault.rs:") && log.contains("injected fault"),
        "{log}"
    );
    assert!(log.contains("backtrace:"), "{log}");
}

#[test]
fn an_error_restores_the_terminal_and_exits_1() {
    let done = run_with_fault("error");
    assert_eq!(done.code, 1);
    assert_terminal_restored(&done);
    let lines = lines(&done);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("parallax: injected fault (PARALLAX_FAULT=error)"),
        "{}",
        lines.join("\n")
    );
    let log = done.log();
    assert!(
        log.contains("ERROR") && log.contains("injected fault (PARALLAX_FAULT=error)"),
        "{log}"
    );
}

#[test]
fn the_log_records_the_session_and_never_the_screen() {
    let mut s = Session::start_analysed();
    s.send("q");
    let raw = std::sync::Arc::clone(&s.raw);
    let done = s.finish_code();
    assert_eq!(done.code, 0);
    let log = done.log();
    for expected in [
        "start",
        "corpus loaded",
        "articles=5",
        "reader started",
        "analysis done",
        "exit",
    ] {
        assert!(
            log.contains(expected),
            "{expected:?} missing from the log:\n{log}"
        );
    }
    assert!(log.contains("stage=Passages"), "stage timings: {log}");
    let raw = raw.lock().expect("raw");
    let shown = String::from_utf8_lossy(&raw);
    assert!(
        !shown.contains("corpus loaded"),
        "a log line reached the terminal"
    );
}

#[test]
fn a_log_that_cannot_be_created_does_not_stop_the_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let not_a_dir = dir.path().join("file");
    std::fs::write(&not_a_dir, "a file where the state directory should be").expect("write");
    let state = not_a_dir.join("state");
    let state = state.to_str().expect("utf-8 path");
    let mut s = Session::launch(Launch {
        env: vec![("PARALLAX_STATE_DIR", state)],
        ..Launch::default()
    });
    s.wait_analysed();
    s.send("q");
    let done = s.finish_code();
    assert_eq!(done.code, 0);
    let screen = done.screen(|sc| sc.contents());
    assert!(!screen.contains("parallax:"), "{screen}");
}

#[cfg(unix)]
#[test]
fn a_log_on_a_full_disk_never_writes_over_the_reader() {
    // The log file is /dev/full: every write fails with "no space left on device".
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state");
    std::fs::create_dir(&state).expect("state");
    std::os::unix::fs::symlink("/dev/full", state.join("parallax.log")).expect("symlink");
    let state = state.to_str().expect("utf-8 path");
    let mut s = Session::launch(Launch {
        env: vec![("PARALLAX_STATE_DIR", state), ("PARALLAX_LOG", "debug")],
        ..Launch::default()
    });
    s.wait_analysed();
    s.send("\r");
    s.wait_text("passage");
    s.send("\u{3}");
    let raw = std::sync::Arc::clone(&s.raw);
    let done = s.finish_code();
    let raw = String::from_utf8_lossy(&raw.lock().expect("raw")).into_owned();
    assert_eq!(done.code, 0);
    for noise in ["tracing", "Unable to write", "No space left"] {
        assert!(!raw.contains(noise), "{noise:?} reached the terminal");
    }
}
