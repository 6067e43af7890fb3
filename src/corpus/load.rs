//! Loading a corpus: files are read and parsed in parallel, problems are collected (never
//! fatal), ids are made unique and year-less dates completed from the whole corpus.

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::discover::{Format, Listing, list_paths};
use super::dispatch::{parse_file, skipped};
use super::embedded::SEEDS;
use super::read::{MAX_ARTICLE_BYTES, MAX_FILE_BYTES, MAX_PAGE_BYTES, read_limited};
use super::stdin;
use super::{Article, Corpus, LoadProblem, Loaded};
use crate::metadata::{self, Parsed};

/// One parsed article before ids are assigned and years inferred: what a cache may keep
/// of a file so that an unchanged file is neither read nor parsed again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The id to be: the file stem, or the record's own id.
    pub stem: String,
    pub path: String,
    pub parsed: Parsed,
    /// Unicode words in the body (see [`Article::words`]), counted once at parse time.
    pub words: usize,
    /// `Some(len)` when `parsed.body` is left empty and the body (`len` bytes, not blank)
    /// is loaded later (see [`Article::body_pending`]).
    pub body_pending: Option<usize>,
}

impl Pending {
    /// An article to be, its words counted.
    pub fn new(stem: String, path: String, parsed: Parsed) -> Pending {
        let words = crate::text::count_words(&parsed.body);
        Pending {
            stem,
            path,
            parsed,
            words,
            body_pending: None,
        }
    }

    /// Whether the article has no text after cleaning: it is left out of the corpus (a
    /// problem says so). A pending body is never blank (blank ones are not deferred).
    pub fn is_blank(&self) -> bool {
        self.body_pending.is_none() && self.parsed.body.trim().is_empty()
    }
}

/// What one listed file yields: its articles (a JSON file holds several) and its problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileLoad {
    pub articles: Vec<Pending>,
    pub problems: Vec<LoadProblem>,
}

/// Longest id, in chars: a JSON record may carry an id of any length.
const MAX_ID_CHARS: usize = 100;

/// Loads the bundled seed articles.
pub fn load_seeds() -> Loaded {
    crate::metadata::warm_up();
    let parsed: Vec<_> = SEEDS
        .par_iter()
        .map(|(name, bytes)| parse_file(Path::new(&format!("seeds/{name}")), bytes, Format::Text))
        .collect();
    let mut pending = Vec::new();
    let mut problems = Vec::new();
    for (items, probs) in parsed {
        pending.extend(items);
        problems.extend(probs);
    }
    finish("seeds".to_string(), pending, problems)
}

/// Loads every article under `paths` (files and folders, recursively).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_listing(list_paths(paths))
}

/// Loads the files of a listing (see [`list_paths`]). A file that cannot be read any more
/// (deleted, made unreadable or grown too large since it was listed) is reported like any
/// other problem and the rest loads.
pub fn load_listing(listing: Listing) -> Loaded {
    let Listing {
        name,
        files,
        problems,
    } = listing;
    let results: Vec<FileLoad> = files
        .par_iter()
        .map(|(path, format)| match read_listed(path, *format) {
            Ok(bytes) => parse_listed(path, &bytes, *format),
            Err(problem) => FileLoad {
                articles: Vec::new(),
                problems: vec![problem],
            },
        })
        .collect();
    assemble(name, results, problems)
}

/// Reads the bytes of one listed file within the size limit of its format; a file that
/// cannot be read is a problem to report.
pub fn read_listed(path: &Path, format: Format) -> Result<Vec<u8>, LoadProblem> {
    let limit = limit_of(format);
    let bytes = if stdin::is_stdin(path) {
        stdin::read_stdin(limit)
    } else {
        read_limited(path, limit)
    };
    bytes.map_err(|e| skipped(path, None, e.to_string()))
}

/// Largest file of a format, in bytes (and largest inflated size of a compressed one).
pub(super) fn limit_of(format: Format) -> usize {
    match format {
        Format::Text | Format::Markdown => MAX_ARTICLE_BYTES,
        Format::Json | Format::JsonLines | Format::Feed => MAX_FILE_BYTES,
        Format::Html => MAX_PAGE_BYTES,
    }
}

/// Parses the bytes of one listed file (see [`read_listed`]). Never panics, whatever the
/// bytes; depends on nothing but the bytes, the path and the format.
pub fn parse_listed(path: &Path, bytes: &[u8], format: Format) -> FileLoad {
    let (articles, problems) = parse_file(path, bytes, format);
    FileLoad { articles, problems }
}

/// Builds the corpus from the files of a listing, in listing order: `problems` are the
/// listing's own, then each file's. Ids are made unique and years inferred here, over the
/// whole corpus.
pub fn assemble(name: String, files: Vec<FileLoad>, mut problems: Vec<LoadProblem>) -> Loaded {
    let mut pending = Vec::new();
    for f in files {
        pending.extend(f.articles);
        problems.extend(f.problems);
    }
    finish(name, pending, problems)
}

/// Loads the bytes of one file as if read from `path` in `format`: decoding, parsing, ids
/// and years, with every problem reported. Never panics, whatever the bytes.
pub fn load_bytes(path: &Path, bytes: &[u8], format: Format) -> Loaded {
    let (pending, problems) = parse_file(path, bytes, format);
    let name = path.display().to_string();
    finish(name, pending, problems)
}

/// Assigns unique ids, infers missing years, and builds the corpus.
fn finish(name: String, mut pending: Vec<Pending>, mut problems: Vec<LoadProblem>) -> Loaded {
    for p in &pending {
        if p.is_blank() {
            problems.push(skipped(
                Path::new(&p.path),
                None,
                "no article text after cleaning".into(),
            ));
        }
    }
    pending.retain(|p| !p.is_blank());
    let mut parsed: Vec<Parsed> = pending
        .iter_mut()
        .map(|p| std::mem::take(&mut p.parsed))
        .collect();
    metadata::infer_years(&mut parsed);
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let ids: Vec<String> = pending
        .iter()
        .map(|p| unique_id(&mut seen, clean_id(&p.stem)))
        .collect();
    // Ids depend on order; building the articles (counting their words) does not.
    let articles = pending
        .into_par_iter()
        .zip(parsed)
        .zip(ids)
        .map(|((p, parsed), id)| Article {
            id,
            path: p.path,
            meta: parsed.meta,
            provenance: crate::metadata::Provenance::default(),
            words: p.words,
            body: parsed.body,
            body_pending: p.body_pending,
        })
        .collect();
    Loaded {
        corpus: Corpus { name, articles },
        problems,
    }
}

/// An id that prints on one line and can be typed: control characters and bidi controls
/// become `_`, white space at the ends goes, at most [`MAX_ID_CHARS`] chars, never empty.
fn clean_id(stem: &str) -> String {
    // Most stems are clean already (a reopen of 100,000 files makes as many ids).
    let clean = |c: char| !(c.is_control() || is_bidi_control(c));
    if !stem.is_empty()
        && stem.len() <= MAX_ID_CHARS
        && stem.trim() == stem
        && stem.chars().all(clean)
    {
        return stem.to_string();
    }
    let id: String = stem
        .trim()
        .chars()
        .take(MAX_ID_CHARS)
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let id = id.trim();
    if id.is_empty() {
        "article".to_string()
    } else {
        id.to_string()
    }
}

/// The bidi embedding, override and isolate controls: they could reorder what follows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `stem`, or `stem-2`, `stem-3`… when taken.
fn unique_id(seen: &mut FxHashMap<String, usize>, stem: String) -> String {
    if !seen.contains_key(&stem) {
        // The common case: a stem not met before is its own id.
        seen.insert(stem.clone(), 0);
        return stem;
    }
    let mut n = *seen.get(&stem).unwrap_or(&0);
    let mut id = stem.clone();
    while seen.contains_key(&id) {
        n += 1;
        id = format!("{stem}-{}", n + 1);
    }
    seen.insert(stem.clone(), n);
    seen.insert(id.clone(), 0);
    id
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::*;

    #[test]
    fn seeds_load_with_their_file_stems() {
        let loaded = load_seeds();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let ids: Vec<&str> = loaded
            .corpus
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids.len(), 5);
        assert_eq!(ids[0], "000_4bf21840051c9ce6");
        assert!(loaded.corpus.articles.iter().all(|a| a.words > 100));
    }

    #[test]
    fn duplicate_stems_become_unique() {
        let mut seen = FxHashMap::default();
        let ids: Vec<String> = ["a", "a", "b", "a", "a-2"]
            .into_iter()
            .map(|s| unique_id(&mut seen, s.to_string()))
            .collect();
        assert_eq!(ids, ["a", "a-2", "b", "a-3", "a-2-2"]);
    }

    #[test]
    fn ids_print_on_one_line() {
        assert_eq!(clean_id("a\u{1b}[2Jb\nc"), "a_[2Jb_c");
        assert_eq!(clean_id("  \t "), "article");
        assert_eq!(clean_id(&"x".repeat(500)).len(), MAX_ID_CHARS);
        let loaded = load_bytes(
            Path::new("feed.jsonl"),
            b"{\"id\":\"\\u001b]0;evil\\u0007\",\"body\":\"Some text.\"}",
            Format::JsonLines,
        );
        assert_eq!(loaded.corpus.articles[0].id, "_]0;evil_");
    }

    #[test]
    fn an_oversized_record_is_skipped_alone() {
        let big = "word ".repeat(MAX_ARTICLE_BYTES / 5 + 1);
        let feed = format!("{{\"body\":\"{big}\"}}\n{{\"body\":\"Small text.\"}}\n");
        let loaded = load_bytes(Path::new("f.jsonl"), feed.as_bytes(), Format::JsonLines);
        assert_eq!(loaded.corpus.len(), 1);
        let problem = loaded.problems[0].to_string();
        assert!(
            problem.starts_with("f.jsonl:1: skipped: article text too large"),
            "{problem}"
        );
    }

    #[test]
    fn problems_print_on_one_safe_line() {
        let p = LoadProblem {
            path: PathBuf::from("evil\u{1b}[2J\nname.txt"),
            line: None,
            severity: Severity::Skipped,
            reason: "empty file".into(),
        };
        assert_eq!(
            p.to_string(),
            "evil␛[2J\u{2424}name.txt: skipped: empty file"
        );
    }

    #[test]
    fn bad_files_are_reported_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("good.txt"), "A title\n\nSome body text here.").unwrap();
        std::fs::write(d.join("empty.txt"), "").unwrap();
        std::fs::write(d.join("binary.txt"), b"\x00\x01\x02PNG").unwrap();
        std::fs::write(d.join("latin1.txt"), b"caf\xE9 cr\xE8me br\xFBl\xE9e").unwrap();
        std::fs::write(
            d.join("feed.jsonl"),
            "{\"title\":\"T\",\"body\":\"B b\"}\nnot json\n",
        )
        .unwrap();
        let loaded = load_paths(&[d.to_path_buf()]);
        let ids: Vec<&str> = loaded
            .corpus
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        // two records in feed.jsonl (one bad): ids follow record numbers
        assert_eq!(ids, ["feed-1", "good", "latin1"]);
        let reasons: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("binary.txt: skipped: binary"))
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("empty.txt: skipped: empty file"))
        );
        // the Latin-1 file loads (as windows-1252, which reads it alike) without a warning
        let latin1 = &loaded.corpus.articles[2];
        assert_eq!(latin1.meta.encoding.as_deref(), Some("windows-1252"));
        assert!(latin1.body.contains("café crème brûlée"), "{}", latin1.body);
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("feed.jsonl:2: skipped: invalid JSON"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_reported() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("secret.txt");
        std::fs::write(&f, "text").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&f).is_ok() {
            return; // running as root: permissions are not enforced
        }
        let loaded = load_paths(&[f]);
        assert!(loaded.corpus.is_empty());
        assert!(
            loaded.problems[0]
                .reason
                .to_lowercase()
                .contains("permission")
        );
    }
}
