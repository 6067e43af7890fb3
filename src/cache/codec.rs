//! The bytes of a cached value: a postcard encoding (compact, fast, serde) behind a
//! checksum of the payload, so that a truncated or damaged blob is rejected rather than
//! decoded into wrong offsets.
//!
//! A file's parse is stored as a [`FileRecord`], the [`FileLoad`] of one file minus what the
//! row already says (its path) and minus its bodies, which are stored apart ([`FileBodies`]) so
//! that a reopen reads the few megabytes the library shows and not the text.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::CacheError;
use crate::corpus::{FileLoad, LoadProblem, Metadata, Pending, Severity};
use crate::metadata::{MonthDay, Parsed};

/// Bytes of the checksum in front of every blob.
const CHECKSUM: usize = 8;

/// Encodes `value` behind its checksum.
pub fn seal<T: Serialize>(value: &T) -> Result<Vec<u8>, CacheError> {
    let payload = postcard::to_stdvec(value).map_err(|e| CacheError::Codec(e.to_string()))?;
    let mut out = Vec::with_capacity(CHECKSUM + payload.len());
    out.extend_from_slice(&super::keys::content_hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Decodes what [`seal`] wrote; any damage (a wrong checksum, a short or long payload) is
/// an error.
pub fn open<T: DeserializeOwned>(blob: &[u8]) -> Result<T, CacheError> {
    let bad = |why: &str| CacheError::Codec(why.to_string());
    let (sum, payload) = blob
        .split_first_chunk::<CHECKSUM>()
        .ok_or_else(|| bad("blob shorter than its checksum"))?;
    if u64::from_le_bytes(*sum) != super::keys::content_hash(payload) {
        return Err(bad("checksum mismatch"));
    }
    let (value, rest) =
        postcard::take_from_bytes(payload).map_err(|e| CacheError::Codec(e.to_string()))?;
    if !rest.is_empty() {
        return Err(bad("trailing bytes"));
    }
    Ok(value)
}

/// One file's articles (without their bodies) and problems as stored: all a reopen needs
/// to show the library. The bodies are a [`FileBodies`] value of their own row, read later.
#[derive(Debug, Serialize, Deserialize)]
pub struct FileRecord {
    articles: Vec<ArticleRecord>,
    problems: Vec<ProblemRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ArticleRecord {
    stem: String,
    path: String,
    meta: Metadata,
    month_day: Option<(u32, u32)>,
    words: usize,
    /// Bytes of the clean body: spans of a cached analysis are checked against it before
    /// the body itself is read.
    body_len: usize,
    /// No text after cleaning: the article is left out of the corpus (and reported).
    blank: bool,
}

/// The clean bodies of one file's articles, in the order of its [`FileRecord`].
pub type FileBodies = Vec<String>;

/// A stored problem back as a load problem (`skipped` stands for its severity).
pub(super) fn load_problem(
    path: PathBuf,
    line: Option<usize>,
    skipped: bool,
    reason: String,
) -> LoadProblem {
    let severity = if skipped {
        Severity::Skipped
    } else {
        Severity::Warning
    };
    LoadProblem {
        path,
        line,
        severity,
        reason,
    }
}

/// A problem of the file (its path is the row's).
#[derive(Debug, Serialize, Deserialize)]
struct ProblemRecord {
    line: Option<usize>,
    skipped: bool,
    reason: String,
}

impl FileRecord {
    /// The record of a file's load, and its bodies.
    pub fn of(load: &FileLoad) -> (FileRecord, FileBodies) {
        let articles = load
            .articles
            .iter()
            .map(|p| ArticleRecord {
                stem: p.stem.clone(),
                path: p.path.clone(),
                meta: p.parsed.meta.clone(),
                month_day: p.parsed.month_day.map(|md| (md.month, md.day)),
                words: p.words,
                body_len: p.parsed.body.len(),
                blank: p.is_blank(),
            })
            .collect();
        let bodies = load
            .articles
            .iter()
            .map(|p| p.parsed.body.clone())
            .collect();
        let problems = load
            .problems
            .iter()
            .map(|p| ProblemRecord {
                line: p.line,
                skipped: p.severity == Severity::Skipped,
                reason: p.reason.clone(),
            })
            .collect();
        (FileRecord { articles, problems }, bodies)
    }

    /// The file's load again, its problems pinned on `path`: every body left pending (see
    /// [`Pending::body_pending`]), blank ones empty (they are left out of the corpus).
    pub fn into_load(self, path: &Path) -> FileLoad {
        let articles = self
            .articles
            .into_iter()
            .map(|a| Pending {
                stem: a.stem,
                path: a.path,
                parsed: Parsed {
                    meta: a.meta,
                    body: String::new(),
                    month_day: a.month_day.map(|(month, day)| MonthDay { month, day }),
                },
                words: a.words,
                body_pending: (!a.blank).then_some(a.body_len),
            })
            .collect();
        let problems = self
            .problems
            .into_iter()
            .map(|p| load_problem(path.to_path_buf(), p.line, p.skipped, p.reason))
            .collect();
        FileLoad { articles, problems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_and_a_damaged_one_does_not() {
        let value = vec!["one".to_string(), "two".to_string()];
        let blob = seal(&value).unwrap();
        assert_eq!(open::<Vec<String>>(&blob).unwrap(), value);
        for cut in [0, 4, CHECKSUM, blob.len() - 1] {
            assert!(open::<Vec<String>>(&blob[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = blob.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open::<Vec<String>>(&flipped).is_err());
        let mut long = blob;
        long.push(0);
        assert!(open::<Vec<String>>(&long).is_err());
    }
}
