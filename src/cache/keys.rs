//! What identifies a file, a corpus and an analysis in the cache.
//!
//! A file is known by its path, its stat (size, modification time, change time, device and
//! inode) and a hash of its bytes. Like git, the cache trusts the stat: a file whose stat
//! agrees with its row is neither read nor hashed; one whose stat differs is read and hashed,
//! and its row is still reused when the bytes are the same (a `touch`). The change time and
//! the inode are what catch a file replaced by another of the same size with its mtime
//! copied (`touch -r`, `cp -p`, the `mv` of a prepared file): neither can be set by a user.
//! Where the platform has neither (not Unix), the stat proves nothing and every file is
//! read and hashed ([`STAT_IS_PROOF`]). An analysis is keyed by a fingerprint of every
//! file's path and content hash, the program (version and build) and the analysis config.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use xxhash_rust::xxh3::Xxh3;

use crate::analysis::Config;

/// Whether an unchanged [`Stat`] proves an unchanged file: on Unix, where it holds the
/// change time and the inode. Elsewhere every file is read and hashed on every open.
pub const STAT_IS_PROOF: bool = cfg!(unix);

/// What `stat` says of a file: enough to tell that it has not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stat {
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when the platform has none).
    pub mtime: i64,
    /// Status change time in nanoseconds since the epoch: moved by every write, rename,
    /// `chmod` or `touch`, and settable by no one (0 where the platform has none).
    pub ctime: i64,
    /// Device and inode: another file, even of the same size and times (0 where none).
    pub dev: u64,
    pub ino: u64,
}

/// The stat of `path`, or `None` when it cannot be read (the loader reports that).
pub fn stat(path: &Path) -> Option<Stat> {
    let m = std::fs::metadata(path).ok()?;
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    let mut s = Stat {
        size: m.len(),
        mtime,
        ..Stat::default()
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        s.ctime = m
            .ctime()
            .saturating_mul(1_000_000_000)
            .saturating_add(m.ctime_nsec());
        (s.dev, s.ino) = (m.dev(), m.ino());
    }
    Some(s)
}

impl Stat {
    /// The stat folded into one number, for fingerprints.
    pub fn hash_into(&self, h: &mut Xxh3) {
        h.update(&self.size.to_le_bytes());
        h.update(&self.mtime.to_le_bytes());
        h.update(&self.ctime.to_le_bytes());
        h.update(&self.dev.to_le_bytes());
        h.update(&self.ino.to_le_bytes());
    }
}

/// A fast non-cryptographic hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A path as bytes, the key of its row (exact on Unix, lossless UTF-8 elsewhere).
pub fn path_key(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// The path a [`path_key`] was made of.
pub fn path_of(key: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(key))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(key).into_owned())
    }
}

/// What the program that wrote a row was: its version, the size and mtime of its
/// executable, so that a rebuilt parallax (a new parser, new assets) never reads what an
/// older build parsed, and the outlet table the user's configuration extends. Computed once,
/// after the configuration is read.
fn build_id() -> u64 {
    static ID: OnceLock<u64> = OnceLock::new();
    *ID.get_or_init(|| {
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        if let Some(s) = std::env::current_exe().ok().as_deref().and_then(stat) {
            s.hash_into(&mut h);
        }
        h.update(&assets_hash().to_le_bytes());
        // The built-in outlet table, as parsed (the configuration's outlets are stated
        // metadata: the analysis depends on them through the statements' digest).
        h.update(format!("{:?}", crate::metadata::outlets::all()).as_bytes());
        h.digest()
    })
}

/// A hash of the data files the parsers and the analysis read (word lists, gazetteer).
fn assets_hash() -> u64 {
    use crate::assets::*;
    let mut h = Xxh3::new();
    for text in [
        OUTLETS,
        CHROME,
        METADATA_LEXICON,
        STOPWORDS,
        SPEECH_VERBS,
        TITLES,
        ORG_ROLES,
        ACCORDING_TO,
        AFTER_QUOTE_CUES,
        ROLE_DETERMINERS,
        DEMONYMS,
        UNNAMED_SPEAKERS,
        ROLE_WORDS,
        NATION_CODES,
        PASSAGE_CHROME,
        GAZETTEER,
        FUNCTION_WORDS,
        NAME_OPENERS,
        CALENDAR,
        NAME_CONNECTORS,
        ABBREVIATIONS,
        GOVERNMENT_VERBS,
        KIND_CUES,
    ]
    .into_iter()
    .chain(WORDFREQ.map(|(_, table)| table))
    {
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    h.digest()
}

/// The key of a corpus's rows: its roots, and the build that wrote them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusKey {
    /// Roots and build: the rows read together.
    pub id: i64,
    /// Roots alone: rows of the same roots from another build are stale and deleted.
    pub root: i64,
}

/// The key of a corpus: the paths the user gave (as written and made absolute) and the
/// build. Rows of one corpus are read together; another corpus has other rows.
pub fn corpus_key(roots: &[PathBuf]) -> CorpusKey {
    let root = roots_hash(roots);
    let mut h = Xxh3::new();
    h.update(&build_id().to_le_bytes());
    h.update(&root.to_le_bytes());
    CorpusKey {
        id: h.digest() as i64,
        root,
    }
}

fn roots_hash(roots: &[PathBuf]) -> i64 {
    let mut h = Xxh3::new();
    for root in roots {
        let abs = std::path::absolute(root).unwrap_or_else(|_| root.clone());
        for p in [root, &abs] {
            let key = path_key(p);
            h.update(&(key.len() as u64).to_le_bytes());
            h.update(&key);
        }
    }
    h.digest() as i64
}

/// Builds the fingerprint of an analysis from the files of the corpus, in corpus order.
pub struct Fingerprint(Xxh3);

impl Fingerprint {
    /// Starts a fingerprint for `config` (the build is always part of it).
    pub fn new(config: &Config) -> Fingerprint {
        let mut h = Xxh3::new();
        h.update(&build_id().to_le_bytes());
        h.update(format!("{config:?}").as_bytes());
        Fingerprint(h)
    }

    /// Adds one file that contributed to the corpus.
    pub fn add(&mut self, path: &Path, hash: u64) {
        let key = path_key(path);
        self.0.update(&(key.len() as u64).to_le_bytes());
        self.0.update(&key);
        self.0.update(&hash.to_le_bytes());
    }

    pub fn finish(&self) -> i64 {
        self.0.digest() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_keeps_its_hash_and_a_changed_one_does_not() {
        assert_eq!(content_hash(b"same"), content_hash(b"same"));
        assert_ne!(content_hash(b"same"), content_hash(b"sane"));
    }

    #[test]
    fn the_fingerprint_depends_on_files_order_and_config() {
        let cfg = Config::default();
        let fp = |files: &[(&str, u64)], cfg: &Config| {
            let mut f = Fingerprint::new(cfg);
            for (p, h) in files {
                f.add(Path::new(p), *h);
            }
            f.finish()
        };
        let base = fp(&[("a", 1), ("b", 2)], &cfg);
        assert_eq!(base, fp(&[("a", 1), ("b", 2)], &cfg));
        assert_ne!(base, fp(&[("b", 2), ("a", 1)], &cfg));
        assert_ne!(base, fp(&[("a", 1), ("b", 3)], &cfg));
        let other = Config {
            ngram_doc_cap: 7,
            ..Config::default()
        };
        assert_ne!(base, fp(&[("a", 1), ("b", 2)], &other));
    }

    #[test]
    fn corpus_keys_differ_by_root() {
        let a = corpus_key(&[PathBuf::from("/tmp/a")]);
        assert_eq!(a, corpus_key(&[PathBuf::from("/tmp/a")]));
        assert_ne!(a, corpus_key(&[PathBuf::from("/tmp/b")]));
    }
}
