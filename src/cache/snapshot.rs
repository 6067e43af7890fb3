//! The whole assembled corpus of a reopen in one value: its articles' metadata with ids and
//! completed years, its problems, every file's content hash and where each article's body
//! lies. Keyed by a fingerprint of the listing and every file's stat: when no file was
//! added, removed or touched, a reopen reads this one value instead of a row per file and
//! assembling them (at 100,000 files, most of the time to the first analysed screen).
//! Any other open falls back to the rows, and writes the snapshot again.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::bodies::{Deferred, Slot};
use super::keys::{self, Stat};
use crate::corpus::{Article, Format, LoadProblem, Loaded, Metadata, Severity};

/// A fingerprint of the listed files (paths, in order) and their stats.
pub(super) fn stat_fingerprint(files: &[(PathBuf, Format)], stats: &[Option<Stat>]) -> i64 {
    let mut h = Xxh3::new();
    for ((path, format), stat) in files.iter().zip(stats) {
        let key = keys::path_key(path);
        h.update(&(key.len() as u64).to_le_bytes());
        h.update(&key);
        h.update(&[format_code(*format)]);
        match stat {
            Some(s) => {
                h.update(&[1]);
                s.hash_into(&mut h);
            }
            None => h.update(&[0]),
        }
    }
    h.update(&(files.len() as u64).to_le_bytes());
    if !keys::STAT_IS_PROOF {
        // Stats prove nothing here: a fingerprint no stored snapshot can match.
        h.update(&std::process::id().to_le_bytes());
        h.update(&format!("{:?}", std::time::SystemTime::now()).into_bytes());
    }
    h.digest() as i64
}

/// The assembled corpus as stored.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Snapshot {
    articles: Vec<ArticleRecord>,
    /// The problems of the files (the listing's own are found again by the listing).
    problems: Vec<ProblemRecord>,
    /// Path key and content hash of every file read, in corpus order.
    files: Vec<(Vec<u8>, u64)>,
    /// Every file with articles: where their bodies go.
    bodies: Vec<FileBodies>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ArticleRecord {
    id: String,
    path: String,
    /// Without its date, which is `date` (a day number: parsing 100,000 dates back from text
    /// was a tenth of a reopen).
    meta: Metadata,
    date: Option<i32>,
    words: usize,
    body_len: usize,
}

#[derive(Debug, Serialize, Deserialize)]
struct ProblemRecord {
    path: Vec<u8>,
    line: Option<usize>,
    skipped: bool,
    reason: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct FileBodies {
    /// Index into `files`.
    file: usize,
    format: u8,
    /// (slot in the file, article in the corpus, body length).
    slots: Vec<(usize, usize, usize)>,
}

/// What a snapshot gives back.
pub(super) struct Restored {
    pub loaded: Loaded,
    pub files: Vec<(PathBuf, u64)>,
    pub deferred: Vec<Deferred>,
}

impl Snapshot {
    /// The snapshot of a corpus loaded through the rows: `loaded` (its problems after the
    /// first `listed` are the files'), the files read with their hashes, and every file's
    /// articles (`all`, as if every body were pending).
    pub fn of(
        loaded: &Loaded,
        listed: usize,
        files: &[(PathBuf, u64)],
        all: &[Deferred],
    ) -> Snapshot {
        let articles = loaded
            .corpus
            .articles
            .iter()
            .map(|a| ArticleRecord {
                id: a.id.clone(),
                path: a.path.clone(),
                meta: Metadata {
                    date: None,
                    ..a.meta.clone()
                },
                date: a.meta.date.map(|d| d.num_days_from_ce()),
                words: a.words,
                body_len: a.body_len(),
            })
            .collect();
        let problems = loaded.problems[listed.min(loaded.problems.len())..]
            .iter()
            .map(|p| ProblemRecord {
                path: keys::path_key(&p.path),
                line: p.line,
                skipped: p.severity == Severity::Skipped,
                reason: p.reason.clone(),
            })
            .collect();
        let index: rustc_hash::FxHashMap<&Path, usize> = files
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (p.as_path(), i))
            .collect();
        let bodies = all
            .iter()
            .filter_map(|d| {
                Some(FileBodies {
                    file: *index.get(d.path.as_path())?,
                    format: format_code(d.format),
                    slots: d.slots.iter().map(|s| (s.slot, s.article, s.len)).collect(),
                })
            })
            .collect();
        Snapshot {
            articles,
            problems,
            files: files.iter().map(|(p, h)| (keys::path_key(p), *h)).collect(),
            bodies,
        }
    }

    /// The corpus again, named `name`, after the listing's own `problems`: every body
    /// pending. `None` when the value does not hold together.
    pub fn restore(self, name: String, mut problems: Vec<LoadProblem>) -> Option<Restored> {
        let n = self.articles.len();
        let articles: Vec<Article> = self
            .articles
            .into_iter()
            .map(|a| Article {
                id: a.id,
                path: a.path,
                meta: Metadata {
                    date: a.date.and_then(NaiveDate::from_num_days_from_ce_opt),
                    ..a.meta
                },
                provenance: crate::metadata::Provenance::default(),
                words: a.words,
                body: String::new(),
                body_pending: Some(a.body_len),
            })
            .collect();
        problems.extend(self.problems.into_iter().map(|p| {
            super::codec::load_problem(keys::path_of(&p.path), p.line, p.skipped, p.reason)
        }));
        let files: Vec<(PathBuf, u64)> = self
            .files
            .into_iter()
            .map(|(k, h)| (keys::path_of(&k), h))
            .collect();
        let mut deferred = Vec::with_capacity(self.bodies.len());
        for b in self.bodies {
            let (path, hash) = files.get(b.file)?;
            let slots: Vec<Slot> = b
                .slots
                .into_iter()
                .map(|(slot, article, len)| Slot { slot, article, len })
                .collect();
            if slots.iter().any(|s| s.article >= n) {
                return None;
            }
            deferred.push(Deferred {
                path: path.clone(),
                format: format_of(b.format)?,
                key: keys::path_key(path),
                hash: *hash,
                slots,
            });
        }
        let corpus = crate::corpus::Corpus { name, articles };
        Some(Restored {
            loaded: Loaded { corpus, problems },
            files,
            deferred,
        })
    }
}

fn format_code(f: Format) -> u8 {
    match f {
        Format::Text => 0,
        Format::Markdown => 1,
        Format::Json => 2,
        Format::JsonLines => 3,
        Format::Feed => 4,
        Format::Html => 5,
    }
}

fn format_of(code: u8) -> Option<Format> {
    Some(match code {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Json,
        3 => Format::JsonLines,
        4 => Format::Feed,
        5 => Format::Html,
        _ => return None,
    })
}
