//! The log: `tracing` events go to one file, `parallax.log` in the user's state directory
//! ([`crate::dirs::state_dir`], `PARALLAX_STATE_DIR` in tests), never to the screen or to
//! stderr, where they would scribble over the reader. The file is bounded: past
//! [`MAX_LOG_BYTES`] it is renamed to `parallax.log.1` (replacing the older one) and a new one
//! begins, so the log never takes more than about twice that.
//!
//! The level is `info` unless `PARALLAX_LOG` (or else `RUST_LOG`) gives a filter such as
//! `debug` or `parallax=trace`. A log that cannot be opened (read-only home, no state
//! directory) is not an error: the app runs without one.
//!
//! A log that stops accepting writes (a full disk) is silent: nothing about it reaches the
//! terminal, where it would write over the reader.
//!
//! A panic is written here in full (message, location, thread, backtrace) and summed up on
//! stderr in three lines naming this file: see [`install_panic_hook`].

use std::backtrace::Backtrace;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tracing_subscriber::EnvFilter;

/// The log file's name inside the state directory.
pub const LOG_FILE: &str = "parallax.log";
/// Size past which the log is rotated.
pub const MAX_LOG_BYTES: u64 = 4 * 1024 * 1024;
/// The level filter variable; `RUST_LOG` is read when it is unset.
pub const LOG_ENV: &str = "PARALLAX_LOG";

/// The log file of this process, once [`init`] has opened it.
static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// The path of this process's log file, if it has one.
pub fn log_file() -> Option<&'static Path> {
    LOG_PATH.get().map(PathBuf::as_path)
}

/// Opens the log and makes it the global `tracing` subscriber. Returns the log's path, or
/// `None` when there is no log (no state directory, or it cannot be written): never fails.
pub fn init() -> Option<PathBuf> {
    let path = crate::dirs::state_dir()?.join(LOG_FILE);
    let file = BoundedFile::open(&path).ok()?;
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_thread_names(true)
        // A log that cannot be written (a full disk) says nothing: on stderr it would
        // scribble over the reader's screen.
        .log_internal_errors(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    let _ = LOG_PATH.set(path.clone());
    Some(path)
}

/// The level filter: `PARALLAX_LOG`, else `RUST_LOG`, else `info`. A filter that does not
/// parse falls back to `info` rather than stopping the app.
fn filter() -> EnvFilter {
    let spec = [LOG_ENV, "RUST_LOG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    spec.and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new("info"))
}

/// An append-only log file that rotates itself past [`MAX_LOG_BYTES`].
struct BoundedFile {
    path: PathBuf,
    file: File,
    len: u64,
    limit: u64,
}

impl BoundedFile {
    /// Opens (creating the directory and file when needed) the log at `path`, rotating it
    /// first if it is already over the limit.
    fn open(path: &Path) -> io::Result<BoundedFile> {
        Self::open_with_limit(path, MAX_LOG_BYTES)
    }

    fn open_with_limit(path: &Path, limit: u64) -> io::Result<BoundedFile> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut f = BoundedFile {
            path: path.to_path_buf(),
            file: append(path)?,
            len: 0,
            limit,
        };
        f.len = f.file.metadata()?.len();
        if f.len >= limit {
            f.rotate()?;
        }
        Ok(f)
    }

    /// Moves the current log to `<name>.1` and starts an empty one.
    fn rotate(&mut self) -> io::Result<()> {
        let mut old = self.path.clone().into_os_string();
        old.push(".1");
        fs::rename(&self.path, old)?;
        self.file = append(&self.path)?;
        self.len = 0;
        Ok(())
    }
}

/// Opens the log for appending, without blocking: a regular file, or a device that is not a
/// terminal (`/dev/null`). A FIFO there would block the program until something read it,
/// and a terminal is the screen the reader draws on.
fn append(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !is_log_file(&file)? {
        return Err(io::Error::other("the log is not a regular file"));
    }
    Ok(file)
}

fn is_log_file(file: &File) -> io::Result<bool> {
    let kind = file.metadata()?.file_type();
    #[cfg(unix)]
    let device = std::os::unix::fs::FileTypeExt::is_char_device(&kind)
        && !std::io::IsTerminal::is_terminal(file);
    #[cfg(not(unix))]
    let device = false;
    Ok(kind.is_file() || device)
}

impl Write for BoundedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.len > 0 && self.len + buf.len() as u64 > self.limit {
            // A failed rotation (another process moved the file) keeps writing where we are.
            let _ = self.rotate();
        }
        let n = self.file.write(buf)?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Installs the process's panic hook: the full report goes to the log, a short one to
/// stderr. The TUI wraps this hook to restore the terminal first (`tui::terminal`).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log_panic(info);
        match log_file() {
            Some(path) => {
                // Not `eprint!`: a panic while printing a panic aborts.
                let _ = io::stderr().write_all(short_report(info, path).as_bytes());
            }
            None => default(info),
        }
    }));
}

/// Writes the full report of a panic (message, location, thread, backtrace) to the log.
pub fn log_panic(info: &PanicHookInfo<'_>) {
    let thread = std::thread::current();
    tracing::error!(
        thread = thread.name().unwrap_or("unnamed"),
        "panic at {}: {}\nbacktrace:\n{}",
        location(info),
        message(info),
        Backtrace::force_capture()
    );
}

/// The few lines stderr gets for a panic: what happened, where, and where the rest is.
fn short_report(info: &PanicHookInfo<'_>, log: &Path) -> String {
    format!(
        "parallax: internal error (a bug): {}\nparallax:   at {}\nparallax: the full report (with backtrace) is in {}\n",
        message(info),
        location(info),
        log.display()
    )
}

/// The panic's message, when it carries a string.
fn message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}

fn location(info: &PanicHookInfo<'_>) -> String {
    info.location()
        .map_or_else(|| "unknown location".to_string(), ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_rotates_past_its_limit_and_keeps_one_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(LOG_FILE);
        let mut log = BoundedFile::open_with_limit(&path, 100).unwrap();
        for i in 0..30 {
            writeln!(log, "line {i:03} of the log").unwrap();
        }
        let current = fs::read_to_string(&path).unwrap();
        let old = fs::read_to_string(dir.path().join("state/parallax.log.1")).unwrap();
        assert!(current.len() <= 100, "{current}");
        assert!(old.len() <= 100, "{old}");
        assert!(current.ends_with("line 029 of the log\n"), "{current}");
        assert!(old.starts_with("line"), "{old}");
    }

    #[test]
    fn a_log_already_over_the_limit_is_rotated_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOG_FILE);
        fs::write(&path, "x".repeat(200)).unwrap();
        let mut log = BoundedFile::open_with_limit(&path, 100).unwrap();
        writeln!(log, "fresh").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "fresh\n");
        assert_eq!(
            fs::read_to_string(dir.path().join("parallax.log.1"))
                .unwrap()
                .len(),
            200
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_log_that_is_a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(LOG_FILE);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        assert!(BoundedFile::open(&fifo).is_err());
        assert!(append(dir.path()).is_err());
        assert!(BoundedFile::open(Path::new("/dev/null")).is_ok());
    }

    #[test]
    fn a_log_that_cannot_be_created_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "not a directory").unwrap();
        assert!(BoundedFile::open(&blocker.join(LOG_FILE)).is_err());
    }
}
