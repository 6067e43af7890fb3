//! End-to-end tests of the reader's opt-in mouse and of its report key: the real binary in
//! a pseudo-terminal (120x40) on the bundled seeds, its screen parsed by vt100. Every wait
//! polls for an expected state with a deadline; nothing sleeps to synchronise.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts parallax on the seeds with `args`, in directory `cwd`, with no user config.
    fn start(args: &[&str], cwd: &Path) -> Session {
        let size = PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("PARALLAX_CONFIG", cwd.join("no-config.toml"));
        cmd.env("PARALLAX_CACHE_DIR", cwd.join("cache"));
        cmd.env("PARALLAX_STATE_DIR", cwd.join("state"));
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let rows = std::num::NonZeroU16::new(40).expect("rows");
        let cols = std::num::NonZeroU16::new(120).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut rd = pair.master.try_clone_reader().expect("pty reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = rd.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = p.lock() {
                    parser.process(&buf[..n]);
                }
                if let Ok(mut raw) = r.lock() {
                    raw.extend_from_slice(&buf[..n]);
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !pred(&self.screen()) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait(&format!("{text:?}"), |s| s.contains(text));
    }

    fn raw_contains(&self, needle: &str) -> bool {
        let raw = self.raw.lock().expect("raw");
        raw.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    /// Waits for the process to end; true when it succeeded.
    fn finish(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                return st.success();
            }
            assert!(start.elapsed() < DEADLINE, "parallax did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An SGR mouse report (1-based column and row), press then release.
fn click(col: u16, row: u16) -> String {
    format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m")
}

#[test]
fn with_mouse_a_click_selects_and_the_wheel_scrolls() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = Session::start(&["--mouse"], dir.path());
    s.wait_text("Articles");
    assert!(s.raw_contains("\x1b[?1000h"), "mouse capture asked for");
    // Row 6 (1-based) is the third article: Sputnik, whose title the preview shows.
    s.send(&click(12, 6));
    s.wait_text("Moscow and Washington have shown");
    // The wheel moves the selection down three rows, stopping at the fifth and last (TASS).
    s.send("\x1b[<65;12;6M");
    s.wait_text("Russia, US establish steady dialogue");
    s.send("q");
    assert!(s.finish());
    let start = Instant::now();
    while !s.raw_contains("\x1b[?1000l") {
        assert!(start.elapsed() < DEADLINE, "mouse capture released");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn without_mouse_the_terminal_is_left_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = Session::start(&[], dir.path());
    s.wait_text("Articles");
    assert!(!s.raw_contains("\x1b[?1000h"));
    s.send("q");
    assert!(s.finish());
}

#[test]
fn e_on_compare_writes_a_report_into_the_working_directory() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = Session::start(&[], dir.path());
    s.wait("analysis done", |sc| {
        sc.contains("Articles") && !sc.contains('⟳')
    });
    s.send(" j ");
    s.wait_text("2 marked");
    s.send("c");
    s.wait_text("compare 2 articles");
    s.send("e");
    let name = "parallax-compare-000_4bf21840051c9ce6-002_e9092905f2d66a6d.html";
    s.wait_text("saved ");
    let html = std::fs::read_to_string(dir.path().join(name)).expect("report");
    assert!(html.contains("data-passage=\"1\""));
    s.send("q\x1bq");
    assert!(s.finish());
}
