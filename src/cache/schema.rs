//! The cache database file: opening it, recognising it as ours (application id, schema
//! version, a readable header) and discarding it when it is not, so that a foreign or
//! corrupt file is rebuilt and never trusted.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::CacheError;

/// `PRAGMA application_id`: "PRLX", so that `file(1)` and we can tell the file is ours.
pub const APPLICATION_ID: i32 = 0x5052_4c58;
/// `PRAGMA user_version`: bumped whenever the tables or the encoding of a blob change.
/// 4: the bodies moved out of `files` into a table of their own, and `snapshots` added
/// (3 was a step of that work that never shipped: bumped again so that no file of it is
/// taken for the final tables). 5: an article's metadata records the encoding its file
/// was read in. 6: a file's change time, device and inode in `files`. 7: the analysis
/// blob carries the statements and the stories.
pub const SCHEMA_VERSION: i32 = 7;
/// Page size of a new database file.
const PAGE_SIZE: u32 = 65536;
/// Bytes of the file SQLite reads through a memory map rather than `read` calls.
const MMAP_SIZE: i64 = 1 << 31;
/// Bytes a write-ahead log keeps after a checkpoint.
const WAL_LIMIT: i64 = 16 << 20;
/// How long a writer waits for another parallax process's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS files (
    corpus INTEGER NOT NULL,
    root INTEGER NOT NULL,
    path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    ctime INTEGER NOT NULL,
    dev INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (corpus, path)
);
CREATE INDEX IF NOT EXISTS files_root ON files (root);
CREATE TABLE IF NOT EXISTS bodies (
    corpus INTEGER NOT NULL,
    root INTEGER NOT NULL,
    path BLOB NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (corpus, path)
);
CREATE INDEX IF NOT EXISTS bodies_root ON bodies (root);
CREATE TABLE IF NOT EXISTS snapshots (
    corpus INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    stats INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    corpus INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    fingerprint INTEGER NOT NULL,
    data BLOB NOT NULL
);";

/// What an opened file turned out to be.
enum Verdict {
    /// Ours, at the current schema version.
    Ours,
    /// Empty: a file just created (by us or by another process a moment ago).
    Fresh,
    /// Ours, at another schema version (an older or newer parallax wrote it).
    Outdated(i32),
    /// Someone else's database, or not a database at all.
    Foreign(String),
}

/// Opens the cache database at `path`, creating it when missing and rebuilding it when it
/// is foreign, corrupt or of another schema version. Returns the connection and, when a bad
/// file was discarded, why (a file of another version is no news: it is replaced quietly).
pub fn open(path: &Path) -> Result<(Connection, Option<String>), CacheError> {
    match open_checked(path) {
        Ok(conn) => Ok((conn, None)),
        Err(CacheError::Outdated(v)) => {
            tracing::info!(version = v, "cache of another schema version: rebuilt");
            discard(path)?;
            Ok((open_checked(path)?, None))
        }
        Err(CacheError::Foreign(why)) => {
            discard(path)?;
            let conn = open_checked(path)?;
            Ok((conn, Some(why)))
        }
        Err(e) => Err(e),
    }
}

/// Opens `path` and checks it; `CacheError::Foreign` when it must be discarded.
fn open_checked(path: &Path) -> Result<Connection, CacheError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(classify)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(classify)?;
    match consistent_verdict(&conn).map_err(classify)? {
        Verdict::Ours => {}
        Verdict::Fresh => initialise(&conn).map_err(classify)?,
        Verdict::Outdated(v) => return Err(CacheError::Outdated(v)),
        Verdict::Foreign(why) => return Err(CacheError::Foreign(why)),
    }
    // WAL: readers never block the writer of another process, and a crash mid-write
    // leaves the last committed state.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(classify)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(classify)?;
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)
        .map_err(classify)?;
    // After a checkpoint the WAL shrinks back: a first save of a big corpus would else
    // leave a write-ahead log as large as the database.
    conn.pragma_update(None, "journal_size_limit", WAL_LIMIT)
        .map_err(classify)?;
    Ok(conn)
}

/// [`verdict`] read in one transaction: read one by one, another process's initialisation
/// could commit between the header fields and the table count, and a half-seen fresh file
/// looked foreign (found by running four processes at once on an empty cache).
fn consistent_verdict(conn: &Connection) -> rusqlite::Result<Verdict> {
    let tx = conn.unchecked_transaction()?;
    let v = verdict(&tx)?;
    tx.commit()?;
    Ok(v)
}

/// Reads the header fields that say whose file this is.
fn verdict(conn: &Connection) -> rusqlite::Result<Verdict> {
    let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(match (id, version) {
        (APPLICATION_ID, SCHEMA_VERSION) => Verdict::Ours,
        (0, 0) if tables == 0 => Verdict::Fresh,
        (APPLICATION_ID, v) => Verdict::Outdated(v),
        (other, _) => Verdict::Foreign(format!("application id {other:#x} is not parallax's")),
    })
}

/// Creates the tables and stamps the file as ours, in one transaction (another process may
/// be doing the same: the second one finds the tables there and changes nothing).
fn initialise(conn: &Connection) -> rusqlite::Result<()> {
    // Large pages keep a typical article's row on one page: reading it is one mapped
    // slice instead of a chain of overflow pages (only a fresh file takes a page size).
    conn.execute_batch(&format!(
        "PRAGMA page_size = {PAGE_SIZE};
         BEGIN IMMEDIATE;
         {CREATE}
         PRAGMA application_id = {APPLICATION_ID};
         PRAGMA user_version = {SCHEMA_VERSION};
         COMMIT;"
    ))
}

/// Whether the whole file passes SQLite's `quick_check` (page structure, record formats).
pub fn quick_check(conn: &Connection) -> bool {
    conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|s| s == "ok")
}

/// Moves a bad database aside (to `NAME.bad`, replacing an older one) with its WAL and
/// shared-memory files removed, so that the next open starts afresh.
pub fn discard(path: &Path) -> Result<(), CacheError> {
    let aside = with_suffix(path, ".bad");
    std::fs::rename(path, &aside).or_else(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Ok(()),
        _ => std::fs::remove_file(path),
    })?;
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(path, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Sorts an SQLite error: a file that is not a database, or a corrupt one, is foreign (to
/// be discarded); anything else (a full disk, a lock held too long) is a plain failure.
pub fn classify(e: rusqlite::Error) -> CacheError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            CacheError::Foreign(e.to_string())
        }
        _ => CacheError::Sqlite(e),
    }
}
