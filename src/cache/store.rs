//! The rows of the cache: each file's parse (its metadata in `files`, its bodies in
//! `bodies`), keyed by corpus and path, and one analysis per corpus. Reads take every row of
//! a corpus in one query; each save is one transaction.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};

use super::CacheError;
use super::codec::{self, FileRecord};
use super::keys::{CorpusKey, Stat};
use super::schema::{self, classify};

/// An open cache database.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

/// One file's row, to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub stat: Stat,
    pub hash: u64,
    /// A sealed [`FileRecord`].
    pub data: Vec<u8>,
    /// Sealed [`codec::FileBodies`], or `None` to keep the bodies row the file has (its
    /// bytes are the same, only its stat changed).
    pub bodies: Option<Vec<u8>>,
}

/// One file's row as read: its sealed [`FileRecord`] copied out of the database, to be
/// decoded on the loading threads (the reading one is the reopen's bottleneck).
#[derive(Debug)]
pub struct Cached {
    pub stat: Stat,
    pub hash: u64,
    pub data: Vec<u8>,
}

impl Cached {
    /// The file's parse, or why it could not be decoded.
    pub fn record(&self) -> Result<FileRecord, CacheError> {
        codec::open::<FileRecord>(&self.data)
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").field("path", &self.path).finish()
    }
}

impl Cache {
    /// Opens the cache in the user's cache directory, creating the directory when needed.
    /// The second value says why a bad database was discarded, if one was.
    pub fn open_default() -> Result<(Cache, Option<String>), CacheError> {
        let dir = crate::dirs::cache_dir().ok_or(CacheError::NoDirectory)?;
        Cache::open_in(&dir)
    }

    /// Opens (or creates, or rebuilds) the cache database in `dir`.
    pub fn open_in(dir: &Path) -> Result<(Cache, Option<String>), CacheError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            // create_dir_all says "File exists" of a file in the folder's place.
            let why = match e.kind() {
                std::io::ErrorKind::AlreadyExists => "not a folder".to_string(),
                _ => e.to_string(),
            };
            std::io::Error::new(e.kind(), format!("{}: {why}", dir.display()))
        })?;
        let path = dir.join(super::FILE_NAME);
        let (conn, discarded) = schema::open(&path)?;
        Ok((Cache { conn, path }, discarded))
    }

    /// Where the database file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every file row of `corpus` (metadata, no bodies), by path key.
    pub fn file_rows(&self, corpus: CorpusKey) -> Result<HashMap<Vec<u8>, Cached>, CacheError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime, ctime, dev, ino, hash, data FROM files WHERE corpus = ?1")
            .map_err(classify)?;
        let rows = stmt
            .query_map([corpus.id], |r| {
                let data = match r.get_ref(7)? {
                    ValueRef::Blob(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                let row = Cached {
                    stat: Stat {
                        size: r.get::<_, i64>(1)? as u64,
                        mtime: r.get(2)?,
                        ctime: r.get(3)?,
                        dev: r.get::<_, i64>(4)? as u64,
                        ino: r.get::<_, i64>(5)? as u64,
                    },
                    hash: r.get::<_, i64>(6)? as u64,
                    data,
                };
                Ok((r.get::<_, Vec<u8>>(0)?, row))
            })
            .map_err(classify)?;
        let mut out = HashMap::default();
        for row in rows {
            let (path, row) = row.map_err(classify)?;
            out.insert(path, row);
        }
        Ok(out)
    }

    /// Writes the rows of `corpus` that changed and removes those of files gone, and the
    /// rows an older build wrote for the same roots, in one transaction.
    pub fn save_files(
        &mut self,
        corpus: CorpusKey,
        changed: &[(Vec<u8>, Row)],
        gone: &[Vec<u8>],
    ) -> Result<(), CacheError> {
        let tx = self.conn.transaction().map_err(classify)?;
        {
            for table in ["files", "bodies", "analyses", "snapshots"] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE root = ?1 AND corpus <> ?2"),
                    params![corpus.root, corpus.id],
                )
                .map_err(classify)?;
            }
            let mut put = tx
                .prepare(
                    "INSERT OR REPLACE INTO files
                     (corpus, root, path, size, mtime, ctime, dev, ino, hash, data)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(classify)?;
            for (path, row) in changed {
                put.execute(params![
                    corpus.id,
                    corpus.root,
                    path,
                    row.stat.size as i64,
                    row.stat.mtime,
                    row.stat.ctime,
                    row.stat.dev as i64,
                    row.stat.ino as i64,
                    row.hash as i64,
                    row.data
                ])
                .map_err(classify)?;
            }
            let bodies = changed
                .iter()
                .filter_map(|(path, row)| Some((path, row.bodies.as_ref()?)));
            put_bodies(&tx, corpus, bodies)?;
            for table in ["files", "bodies"] {
                let mut del = tx
                    .prepare(&format!(
                        "DELETE FROM {table} WHERE corpus = ?1 AND path = ?2"
                    ))
                    .map_err(classify)?;
                for path in gone {
                    del.execute(params![corpus.id, path]).map_err(classify)?;
                }
            }
        }
        tx.commit().map_err(classify)
    }

    /// The sealed bodies rows of `corpus` (path key, blob), copied out of the database
    /// `chunk` rows at a time and handed to `f`, so that they can be decoded on other
    /// threads without holding them all.
    pub fn body_rows_each(
        &self,
        corpus: CorpusKey,
        chunk: usize,
        mut f: impl FnMut(Vec<(Vec<u8>, Vec<u8>)>),
    ) -> Result<(), CacheError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, data FROM bodies WHERE corpus = ?1")
            .map_err(classify)?;
        let rows = stmt
            .query_map([corpus.id], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
            })
            .map_err(classify)?;
        let mut batch = Vec::with_capacity(chunk);
        for row in rows {
            batch.push(row.map_err(classify)?);
            if batch.len() >= chunk {
                f(std::mem::replace(&mut batch, Vec::with_capacity(chunk)));
            }
        }
        if !batch.is_empty() {
            f(batch);
        }
        Ok(())
    }

    /// Writes bodies rows of `corpus` (sealed [`codec::FileBodies`] by path key), replacing
    /// those there, in one transaction: rows found missing or damaged, once repaired.
    pub fn save_bodies(
        &mut self,
        corpus: CorpusKey,
        rows: &[(Vec<u8>, Vec<u8>)],
    ) -> Result<(), CacheError> {
        let tx = self.conn.transaction().map_err(classify)?;
        put_bodies(&tx, corpus, rows.iter().map(|(p, d)| (p, d)))?;
        tx.commit().map_err(classify)
    }

    /// The sealed snapshot of `corpus` and the stat fingerprint it was made for.
    pub fn snapshot(&self, corpus: CorpusKey) -> Result<Option<(i64, Vec<u8>)>, CacheError> {
        keyed_blob(
            &self.conn,
            "SELECT stats, data FROM snapshots WHERE corpus = ?1",
            corpus,
        )
    }

    /// Stores the snapshot of `corpus` for the stat fingerprint `stats`, replacing the one
    /// it had.
    pub fn save_snapshot(
        &mut self,
        corpus: CorpusKey,
        stats: i64,
        data: &[u8],
    ) -> Result<(), CacheError> {
        self.replace_row(
            "INSERT OR REPLACE INTO snapshots (corpus, root, stats, data)
             VALUES (?1, ?2, ?3, ?4)",
            params![corpus.id, corpus.root, stats, data],
        )
    }

    /// The sealed analysis of `corpus` when it was made for `fingerprint`.
    pub fn analysis(
        &self,
        corpus: CorpusKey,
        fingerprint: i64,
    ) -> Result<Option<Vec<u8>>, CacheError> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM analyses WHERE corpus = ?1 AND fingerprint = ?2")
            .map_err(classify)?;
        let mut rows = stmt
            .query(params![corpus.id, fingerprint])
            .map_err(classify)?;
        match rows.next().map_err(classify)? {
            Some(r) => Ok(Some(r.get(0).map_err(classify)?)),
            None => Ok(None),
        }
    }

    /// Stores the analysis of `corpus`, replacing the one it had.
    pub fn save_analysis(
        &mut self,
        corpus: CorpusKey,
        fingerprint: i64,
        data: &[u8],
    ) -> Result<(), CacheError> {
        self.replace_row(
            "INSERT OR REPLACE INTO analyses (corpus, root, fingerprint, data)
             VALUES (?1, ?2, ?3, ?4)",
            params![corpus.id, corpus.root, fingerprint, data],
        )
    }

    /// Runs one `INSERT OR REPLACE` of a whole-corpus value in a transaction of its own.
    fn replace_row(&mut self, sql: &str, values: impl rusqlite::Params) -> Result<(), CacheError> {
        let tx = self.conn.transaction().map_err(classify)?;
        tx.execute(sql, values).map_err(classify)?;
        tx.commit().map_err(classify)
    }

    /// Whether the database passes SQLite's `quick_check`.
    pub fn quick_check(&self) -> bool {
        schema::quick_check(&self.conn)
    }

    /// Closes the database and moves it aside: it held something it should not have.
    pub fn discard(self) -> Result<(), CacheError> {
        let Cache { conn, path } = self;
        drop(conn);
        schema::discard(&path)
    }
}

/// Inserts (or replaces) bodies rows of `corpus` within the transaction `tx`.
fn put_bodies<'a>(
    tx: &rusqlite::Transaction<'_>,
    corpus: CorpusKey,
    rows: impl Iterator<Item = (&'a Vec<u8>, &'a Vec<u8>)>,
) -> Result<(), CacheError> {
    let mut put = tx
        .prepare("INSERT OR REPLACE INTO bodies (corpus, root, path, data) VALUES (?1, ?2, ?3, ?4)")
        .map_err(classify)?;
    for (path, data) in rows {
        put.execute(params![corpus.id, corpus.root, path, data])
            .map_err(classify)?;
    }
    Ok(())
}

/// The analysis stored for `corpus` (its fingerprint and sealed blob), read through a
/// connection of its own to the database at `path`, read-only: [`super::prefetch`] runs
/// it beside the connection loading the files.
pub fn stored_analysis(
    path: &Path,
    corpus: CorpusKey,
) -> Result<Option<(i64, Vec<u8>)>, CacheError> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(1))
        .map_err(classify)?;
    keyed_blob(
        &conn,
        "SELECT fingerprint, data FROM analyses WHERE corpus = ?1",
        corpus,
    )
}

/// The one row `sql` selects for `corpus`: a key (fingerprint) and a blob.
fn keyed_blob(
    conn: &Connection,
    sql: &str,
    corpus: CorpusKey,
) -> Result<Option<(i64, Vec<u8>)>, CacheError> {
    let mut stmt = conn.prepare(sql).map_err(classify)?;
    let mut rows = stmt.query([corpus.id]).map_err(classify)?;
    match rows.next().map_err(classify)? {
        Some(r) => Ok(Some((
            r.get(0).map_err(classify)?,
            r.get(1).map_err(classify)?,
        ))),
        None => Ok(None),
    }
}
