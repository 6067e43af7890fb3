//! The reader's opt-in mouse and its report key, on the shared pty session (120x40, the
//! bundled seeds).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::session::{DEADLINE, Launch, Session};

/// An SGR mouse report (1-based column and row), press then release.
fn click(col: u16, row: u16) -> String {
    format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m")
}

/// Starts on the seeds in `cwd`, with `--mouse` when asked.
fn start(mouse: bool, cwd: &Path) -> Session {
    let flag = Path::new("--mouse");
    Session::launch(Launch {
        paths: if mouse { vec![flag] } else { Vec::new() },
        cwd: Some(cwd),
        ..Launch::default()
    })
}

fn raw_contains(raw: &Arc<Mutex<Vec<u8>>>, needle: &str) -> bool {
    let raw = raw.lock().expect("raw");
    String::from_utf8_lossy(&raw).contains(needle)
}

#[test]
fn with_mouse_a_click_selects_and_the_wheel_scrolls() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = start(true, dir.path());
    s.wait_analysed();
    let raw = Arc::clone(&s.raw);
    assert!(raw_contains(&raw, "\x1b[?1000h"), "mouse capture asked for");
    // Listed by story: row 4 (1-based) is the story's header, row 7 its third article,
    // Sputnik, whose title the preview shows.
    s.send(&click(12, 7));
    s.wait_text("Moscow and Washington have shown");
    // The wheel moves the selection down three rows, stopping at the last: the header of
    // the one-article stories, whose preview lists the article no other story holds.
    s.send("\x1b[<65;12;6M");
    s.wait_text("U.S. and Russia to resume r");
    s.send("q");
    assert!(s.finish().0);
    // The reader thread may still be parsing the last bytes: poll with a deadline.
    let start = Instant::now();
    while !raw_contains(&raw, "\x1b[?1000l") {
        assert!(start.elapsed() < DEADLINE, "mouse capture released");
        std::thread::yield_now();
    }
}

#[test]
fn without_mouse_the_terminal_is_left_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = start(false, dir.path());
    s.wait_analysed();
    assert!(!raw_contains(&s.raw, "\x1b[?1000h"));
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn e_on_compare_writes_a_report_into_the_working_directory() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = start(false, dir.path());
    s.wait_analysed();
    s.send(" jj ");
    s.wait_text("2 marked");
    s.send("c");
    s.wait_text("compare 2 articles");
    s.send("e");
    let name = "parallax-compare-000_4bf21840051c9ce6-002_e9092905f2d66a6d.html";
    s.wait_text("saved ");
    let html = std::fs::read_to_string(dir.path().join(name)).expect("report");
    assert!(html.contains("data-passage=\"1\""));
    // A report is a file like any other: 0666 less the umask, not a temporary file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        let probe = dir.path().join("probe");
        std::fs::File::create(&probe).expect("probe");
        assert_eq!(mode(&dir.path().join(name)), mode(&probe));
    }
    s.send("q\x1bq");
    assert!(s.finish().0);
}
