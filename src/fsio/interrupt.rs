//! Temporary files and signals: an atomic write ([`super::atomic`]) fills a hidden temporary
//! file beside its target before renaming it into place. A SIGTERM, SIGHUP or SIGINT in
//! between would end the program with that file left behind (destructors do not run when a
//! signal kills a process), so every temporary file under way is listed here, and
//! [`remove_on_signal`] installs a watcher that removes them before the signal ends the
//! program as it would have anyway (killed by that signal: the shell sees 128 + its number).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file under way: listed while this lives.
pub(crate) struct Pending(PathBuf);

impl Pending {
    pub(crate) fn new(path: &Path) -> Pending {
        if let Ok(mut p) = PENDING.lock() {
            p.push(path.to_path_buf());
        }
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut p) = PENDING.lock() {
            p.retain(|f| f != &self.0);
        }
    }
}

/// Removes every temporary file under way (the program is about to end).
pub fn remove_pending() {
    if let Ok(mut p) = PENDING.lock() {
        for f in p.drain(..) {
            let _ = std::fs::remove_file(f);
        }
    }
}

/// On SIGTERM, SIGHUP or SIGINT: removes the temporary files under way, then ends the
/// program as the signal's default action does. A signal the program was started with
/// ignored (`nohup` ignores SIGHUP, a shell's background job SIGINT) stays ignored.
pub fn remove_on_signal() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let wanted: Vec<i32> = [SIGTERM, SIGHUP, SIGINT]
        .into_iter()
        .filter(|&s| !ignored_at_start(s))
        .collect();
    let mut signals = signal_hook::iterator::Signals::new(&wanted)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                remove_pending();
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// Whether `signal` is ignored by this process (read from `/proc/self/status` on Linux;
/// elsewhere taken as not ignored).
fn ignored_at_start(signal: i32) -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| signal > 0 && mask >> (signal - 1) & 1 == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed() -> Vec<PathBuf> {
        PENDING.lock().unwrap().clone()
    }

    // (Not `remove_pending` itself: it would remove the files of other tests' writes; the
    // end-to-end test in `tests/reliability/writes.rs` kills a real export.)
    #[test]
    fn a_file_is_listed_while_under_way() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let under_way = Pending::new(&a);
        drop(Pending::new(&b));
        assert!(listed().contains(&a));
        assert!(!listed().contains(&b), "a finished write is forgotten");
        drop(under_way);
        assert!(!listed().contains(&a));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_signal_is_ignored_only_when_it_is() {
        // The test harness ignores none of these three.
        assert!(!ignored_at_start(signal_hook::consts::SIGTERM));
        assert!(!ignored_at_start(0));
    }
}
