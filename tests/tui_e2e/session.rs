//! The binary running in a pseudo-terminal (120x40), its output parsed by a vt100 emulator
//! that also records what must never happen to the user's terminal: a window title set, the
//! clipboard written, a bell. Every wait polls the parsed screen for an expected state with
//! a deadline; nothing sleeps to synchronise.
//!
//! Each session gets its own state and cache directories (`PARALLAX_STATE_DIR`,
//! `PARALLAX_CACHE_DIR`) in a temporary folder, so the log lands there.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;
pub const DEADLINE: Duration = Duration::from_secs(20);

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

/// What the app asked of the terminal beyond drawing: each would be an article taking
/// control of the user's terminal.
#[derive(Debug, Default)]
pub struct Recorder {
    pub titles: Vec<Vec<u8>>,
    pub icon_names: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub bells: usize,
    pub unhandled_osc: Vec<String>,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.icon_names.push(name.to_vec());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        let params: Vec<_> = params.iter().map(|p| String::from_utf8_lossy(p)).collect();
        self.unhandled_osc.push(params.join(";"));
    }
}

pub type Parser = vt100::Parser<Recorder>;

/// How to start the app.
#[derive(Default)]
pub struct Launch<'a> {
    /// Paths to open (the seeds when empty).
    pub paths: Vec<&'a Path>,
    /// Extra environment variables.
    pub env: Vec<(&'a str, &'a str)>,
    /// Working directory (the test's when `None`).
    pub cwd: Option<&'a Path>,
}

/// The binary running in a pseudo-terminal, and the screen it drew.
pub struct Session {
    pub parser: Arc<Mutex<Parser>>,
    /// Every byte the app wrote.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    master: Box<dyn MasterPty + Send>,
    /// Holds the session's state and cache directories (taken by [`Session::finish_code`]).
    home: Option<tempfile::TempDir>,
}

/// A session that has ended.
pub struct Finished {
    /// The exit code (128 + n for a signal n).
    pub code: u32,
    /// The final screen state, every byte of output parsed.
    pub parser: Arc<Mutex<Parser>>,
    /// Where the log went; the folder lives as long as this.
    pub log_path: PathBuf,
    _home: Option<tempfile::TempDir>,
}

impl Finished {
    /// Runs `f` on the final screen.
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().expect("parser").screen())
    }

    /// The log the session wrote (empty when there is none).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }
}

impl Session {
    pub fn start() -> Session {
        Session::launch(Launch::default())
    }

    /// Starts parallax on `paths`.
    pub fn start_with(paths: &[&Path]) -> Session {
        Session::launch(Launch {
            paths: paths.to_vec(),
            ..Launch::default()
        })
    }

    pub fn launch(how: Launch<'_>) -> Session {
        let home = tempfile::tempdir().expect("tempdir");
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
        for a in &how.paths {
            cmd.arg(a);
        }
        if let Some(dir) = how.cwd {
            cmd.cwd(dir);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PARALLAX_FAULT");
        cmd.env("PARALLAX_STATE_DIR", home.path().join("state"));
        cmd.env("PARALLAX_CACHE_DIR", home.path().join("cache"));
        cmd.env("PARALLAX_CONFIG", home.path().join("config.toml"));
        for (k, v) in &how.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(ROWS),
            nz(COLS),
            0,
            Recorder::default(),
        )));
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
            home: Some(home),
        }
    }

    /// Starts on the seeds and waits for a drawn library whose analysis has finished.
    pub fn start_analysed() -> Session {
        let s = Session::start();
        s.wait_analysed();
        s
    }

    /// Waits for the library, drawn after the corpus loaded and the analysis finished (the
    /// header's ⟳ marks listing, loading and analysing).
    pub fn wait_analysed(&self) {
        self.wait("analysis done", |sc| {
            let text = sc.contents();
            text.contains("Articles") && !text.contains('⟳')
        });
    }

    /// Waits for a screen with nothing pending (no ⟳ in the header: analysis and text in).
    pub fn wait_analysed_reader(&self) {
        self.wait("text and analysis in", |sc| !sc.contents().contains('⟳'));
    }

    /// Where this session's log goes.
    pub fn log_path(&self) -> PathBuf {
        self.home
            .as_ref()
            .map(|h| h.path().join("state").join("parallax.log"))
            .unwrap_or_default()
    }

    /// Marks 000 and 002 in the library (Space marks, the cursor stays) and opens compare.
    pub fn compare_000_and_002(&mut self) {
        self.send(" jj ");
        self.wait_text("2 marked");
        self.send("c");
        self.wait_text("compare 2 articles");
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Resizes the terminal (the app gets SIGWINCH) and the emulator with it.
    pub fn resize(&self, cols: u16, rows: u16) {
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

    pub fn screen_text(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Polls the screen until `pred` holds; fails with the screen after the deadline.
    pub fn wait(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
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

    pub fn wait_text(&self, text: &str) {
        self.wait(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Waits for the process to end and returns whether it succeeded, with the final
    /// screen state parsed.
    pub fn finish(self) -> (bool, Arc<Mutex<Parser>>) {
        let done = self.finish_code();
        (done.code == 0, done.parser)
    }

    /// Waits for the process to end and every byte of its output to be parsed.
    pub fn finish_code(mut self) -> Finished {
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
        Finished {
            code: status.exit_code(),
            parser: Arc::clone(&self.parser),
            log_path: self.log_path(),
            _home: self.home.take(),
        }
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
