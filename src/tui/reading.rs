//! What a reader keeps of a corpus between sessions: the library's order, the articles
//! read, the marks and where the cursor was. One small JSON file per corpus in the state
//! directory (`reading/<key>.json`), written atomically (a temporary file renamed over it),
//! keyed by the paths opened. Articles are named by path, so a reload that renumbers them
//! keeps the state; paths no longer in the corpus are dropped when it loads.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::corpus::order::SortKey;
use crate::corpus::{ArticleIdx, Corpus};

/// How long an article stays open in the reader before it counts as read (the
/// `PARALLAX_READ_SECONDS` environment variable changes it).
pub const READ_AFTER: Duration = Duration::from_secs(4);

/// The state as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stored {
    pub sort: SortKey,
    /// Flat, or by story.
    pub grouping: crate::tui::stories::Grouping,
    /// Paths of the articles read.
    pub read: BTreeSet<String>,
    /// Paths of the marked articles, in marking order.
    pub marked: Vec<String>,
    /// Path of the article the library's cursor was on.
    pub selected: Option<String>,
}

/// The state in force, by article index.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The file it is kept in (`None`: not kept, as in tests or without a state dir).
    pub file: Option<PathBuf>,
    pub read: Vec<bool>,
    /// How long an article must stay open to count as read.
    pub read_after: Duration,
    /// The clock, injectable for tests.
    pub clock: Clock,
}

/// Where the time comes from: the system's, or a test's.
#[derive(Clone)]
pub struct Clock(std::sync::Arc<dyn Fn() -> Instant + Send + Sync>);

impl Clock {
    pub fn now(&self) -> Instant {
        (self.0)()
    }

    /// A clock that says what `f` says.
    pub fn new(f: impl Fn() -> Instant + Send + Sync + 'static) -> Clock {
        Clock(std::sync::Arc::new(f))
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::new(Instant::now)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// The state file for the corpus opened from `paths`, in `state_dir`.
pub fn file_for(state_dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let key = crate::cache::keys::corpus_key(paths);
    state_dir
        .join("reading")
        .join(format!("{:016x}.json", key.root as u64))
}

/// The read-after delay: [`READ_AFTER`], or `PARALLAX_READ_SECONDS` when set.
pub fn read_after_from_env() -> Duration {
    std::env::var("PARALLAX_READ_SECONDS")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(READ_AFTER, Duration::from_secs_f64)
}

/// Largest state file read: a corpus of a million articles read is a few tens of MB.
const MAX_STATE_BYTES: usize = 256 << 20;

/// Reads the stored state; a missing or unreadable file (or one that is not a regular file:
/// a FIFO would block) is a fresh start.
pub fn load(file: &Path) -> Stored {
    crate::fsio::read_regular(file, MAX_STATE_BYTES)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Writes `stored` to `file` atomically (the old file stays whole if anything fails).
pub fn save(file: &Path, stored: &Stored) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    crate::fsio::replace(file, |w| {
        serde_json::to_writer_pretty(w, stored).map_err(std::io::Error::other)
    })
    .map_err(std::io::Error::other)
}

/// The indexes of `paths` in `corpus` (paths it lacks are dropped).
pub fn indexes(
    corpus: &Corpus,
    paths: impl IntoIterator<Item = impl AsRef<str>>,
) -> Vec<ArticleIdx> {
    let by_path: std::collections::HashMap<&str, ArticleIdx> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.path.as_str(), i))
        .collect();
    paths
        .into_iter()
        .filter_map(|p| by_path.get(p.as_ref()).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_a_bad_file_is_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let f = file_for(dir.path(), &[PathBuf::from("/some/corpus")]);
        assert_eq!(load(&f), Stored::default());
        let s = Stored {
            sort: SortKey::Date,
            grouping: crate::tui::stories::Grouping::Stories,
            read: ["a.txt".to_string()].into(),
            marked: vec!["b.txt".into()],
            selected: Some("b.txt".into()),
        };
        save(&f, &s).unwrap();
        assert_eq!(load(&f), s);
        std::fs::write(&f, "{ broken").unwrap();
        assert_eq!(load(&f), Stored::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_state_file_that_is_a_fifo_is_a_fresh_start_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let f = file_for(dir.path(), &[PathBuf::from("/some/corpus")]);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&f).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // On a thread: a blocked open fails the deadline instead of hanging the tests.
        let (tx, rx) = std::sync::mpsc::channel();
        let file = f.clone();
        std::thread::spawn(move || tx.send(load(&file)));
        let got = rx.recv_timeout(Duration::from_secs(20));
        assert_eq!(got.ok(), Some(Stored::default()));
        assert!(
            save(&f, &Stored::default()).is_err(),
            "a FIFO is not replaced"
        );
    }

    #[test]
    fn paths_map_to_indexes_and_missing_ones_drop() {
        let c = Corpus::from_bodies(["x", "y"]);
        assert_eq!(indexes(&c, ["a1.txt", "gone.txt", "a0.txt"]), [1, 0]);
    }
}
