//! End-to-end tests of the interactive reader: the real binary in a pseudo-terminal
//! (120x40) on the bundled seeds, its output parsed by a vt100 emulator. Every wait polls
//! the parsed screen for an expected state with a deadline; nothing sleeps to synchronise.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const DEADLINE: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

/// The binary running in a pseudo-terminal, and the screen it drew.
struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start() -> Session {
        Session::start_with(&[])
    }

    /// Starts parallax with `args` (paths to open).
    fn start_with(args: &[&std::path::Path]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        // The cache goes under target/, never into the user's cache directory.
        let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("tui-cache");
        cmd.env("PARALLAX_CACHE_DIR", cache);
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
        let mut rd = pair.master.try_clone_reader().expect("pty reader");
        let p = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let r = Arc::clone(&raw);
        let reader = std::thread::spawn(move || {
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
            reader: Some(reader),
            master: pair.master,
        }
    }

    /// Starts on the seeds and waits for a drawn library whose analysis has finished.
    fn start_analysed() -> Session {
        let s = Session::start();
        s.wait("analysis done", |sc| {
            sc.contents().contains("Articles") && !sc.contents().contains("analysing")
        });
        s
    }

    /// Marks 000 and 002 in the library (Space marks and moves down) and opens compare.
    fn compare_000_and_002(&mut self) {
        self.send(" j ");
        self.wait_text("2 marked");
        self.send("c");
        self.wait_text("compare 2 articles");
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Resizes the terminal (the app gets SIGWINCH) and the emulator with it.
    fn resize(&self, cols: u16, rows: u16) {
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    fn screen_text(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Polls the screen until `pred` holds; fails with the screen after the deadline.
    fn wait(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if pred(self.parser.lock().expect("parser").screen()) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Waits for the process to end and returns whether it succeeded, with the final
    /// screen state parsed.
    fn finish(mut self) -> (bool, Arc<Mutex<vt100::Parser>>) {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                break st;
            }
            assert!(start.elapsed() < DEADLINE, "parallax did not exit");
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        (status.success(), Arc::clone(&self.parser))
    }
}

impl Drop for Session {
    /// A test that fails midway must not leave the app running behind it.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn starts_on_the_library_shows_help_and_quits_cleanly() {
    let mut s = Session::start();
    s.wait("the library", |sc| {
        sc.alternate_screen()
            && sc.contents().contains("Articles")
            && sc.contents().contains("5 articles")
    });
    s.send("?");
    s.wait_text("Help: keys");
    s.wait_text("Compare");
    s.send("?");
    s.wait("help closed", |sc| !sc.contents().contains("Help: keys"));
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok, "exit status");
    assert!(!parser.lock().expect("parser").screen().alternate_screen());
}

#[test]
fn ctrl_c_quits_from_a_nested_screen() {
    let mut s = Session::start();
    s.wait_text("Articles");
    s.send("\r");
    s.wait_text("passage");
    s.send("\u{3}");
    let (ok, parser) = s.finish();
    assert!(ok);
    assert!(!parser.lock().expect("parser").screen().alternate_screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let s = Session::start();
    s.wait_text("Articles");
    let pid = s.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let (_, parser) = s.finish();
    assert!(!parser.lock().expect("parser").screen().alternate_screen());
}

#[test]
fn filter_zakh_lists_the_two_zakharova_articles() {
    let mut s = Session::start_analysed();
    s.send("/");
    s.wait_text("Filter by entity");
    s.send("zakh");
    s.wait_text("Zakharova");
    s.send("\r");
    // The whole frame must have arrived: the count, both titles, and only two rows.
    s.wait("exactly the two Zakharova articles", |sc| {
        let text = sc.contents();
        text.contains("2/5 articles")
            && text.contains("Zakharova spoke about")
            && text.contains("Kremlin notes positive")
            && list_rows(&text) == 2
    });
    s.send("q");
    assert!(s.finish().0);
}

/// Rows of the article list (lines of the left box after its column header).
fn list_rows(screen: &str) -> usize {
    screen
        .lines()
        .skip_while(|l| !l.contains("DATE"))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| {
            let list: String = l.chars().skip(1).take(60).collect();
            !list.trim().is_empty()
        })
        .count()
}

#[test]
fn compare_000_and_002_highlights_the_shared_passage_in_both_panes() {
    let mut s = Session::start_analysed();
    s.compare_000_and_002();
    // Step through the passages until S1 stands highlighted in both panes.
    let in_both = |sc: &vt100::Screen| {
        let half = COLS / 2;
        let hits = highlighted(sc, "terrorist");
        hits.iter().any(|&(_, c)| c < half) && hits.iter().any(|&(_, c)| c >= half)
    };
    for _ in 0..30 {
        if in_both(s.parser.lock().expect("parser").screen()) {
            break;
        }
        let before = s.screen_text();
        s.send("n");
        s.wait("the next passage", |sc| sc.contents() != before);
    }
    assert!(
        in_both(s.parser.lock().expect("parser").screen()),
        "{}",
        s.screen_text()
    );
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    assert!(s.finish().0);
}

/// Positions of `word` on the screen where its cells carry a background colour.
fn highlighted(screen: &vt100::Screen, word: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let (rows, cols) = screen.size();
    for r in 0..rows.get() {
        let line: Vec<String> = (0..cols.get())
            .map(|c| {
                screen
                    .cell(r, c)
                    .map_or(String::new(), |x| x.contents().to_string())
            })
            .collect();
        let joined: String = line
            .iter()
            .map(|s| if s.is_empty() { " " } else { s.as_str() })
            .collect();
        let mut from = 0;
        while let Some(i) = joined[from..].find(word) {
            let col = u16::try_from(joined[..from + i].chars().count()).unwrap_or(0);
            let colored = (col..col + u16::try_from(word.len()).unwrap_or(0)).all(|c| {
                screen
                    .cell(r, c)
                    .is_some_and(|x| x.bgcolor() != vt100::Color::Default)
            });
            if colored {
                out.push((r, col));
            }
            from += i + word.len();
        }
    }
    out
}

#[test]
fn n_moves_to_the_next_passage_in_compare() {
    let mut s = Session::start_analysed();
    s.compare_000_and_002();
    s.wait_text("shared passages");
    s.send("n");
    s.wait_text("passage 1/");
    let text = s.screen_text();
    let total: usize = text
        .split("passage 1/")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("passage count in the footer");
    if total >= 2 {
        s.send("n");
        s.wait_text(&format!("passage 2/{total}"));
    }
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let evil = "Evil \u{1b}]0;pwned\u{7} headline\n\nBody \u{1b}]52;c;ZXZpbA==\u{7} text \u{1b}[31m red \u{9b}2J.\n";
    std::fs::write(dir.path().join("evil.txt"), evil).expect("write");
    let mut s = Session::start_with(&[dir.path()]);
    s.wait_text("Articles");
    s.send("\r");
    s.wait_text("red");
    s.send("qq");
    let raw = Arc::clone(&s.raw);
    assert!(s.finish().0);
    let raw = raw.lock().expect("raw");
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"\x1b]0;pwned"), "window title set");
    assert!(!has(b"\x1b]52;"), "clipboard written");
    assert!(!has(b"\x1b[31m red"), "colour set by the article");
}

#[test]
fn resizing_redraws_and_a_tiny_terminal_gets_a_message() {
    let mut s = Session::start();
    s.wait_text("Articles");
    s.resize(30, 8);
    s.wait_text("too small");
    s.resize(80, 24);
    s.wait("the library again", |sc| {
        let t = sc.contents();
        t.contains("Articles") && !t.contains("too small")
    });
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn a_folder_loads_behind_the_first_frame_and_problems_are_listed_on_exit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ferry.txt"),
        "Ferry strike ends\n\nThe ferry crews returned to work on Friday after a week.",
    )
    .unwrap();
    std::fs::write(dir.path().join("blank.txt"), "").unwrap();
    let mut s = Session::start_with(&[dir.path()]);
    s.wait_text("Ferry strike ends");
    s.wait_text("1 load problem");
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok, "exit status");
    let screen = parser.lock().expect("parser").screen().contents();
    assert!(
        screen.contains("blank.txt: skipped: empty file"),
        "{screen}"
    );
}
