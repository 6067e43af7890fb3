//! Reading passim's output onto a loaded corpus. passim writes one JSON record per reused
//! passage (in `OUT/out.json/part-*` files): the input fields it was given (`id`,
//! `series`, `date`…) plus `cluster`, `size`, `uid`, and `begin`/`end`, the passage's
//! character offsets into the document's `text`. Offsets are turned into byte ranges of
//! [`crate::corpus::Article::body`] (the same text `parallax export --passim` wrote);
//! records naming articles that are not loaded, or offsets that do not fit, are counted
//! and reported, never fatal.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::PassimError;
use crate::analysis::Span;
use crate::corpus::{ArticleIdx, Corpus};

/// Longest output line read: a record echoes its passage's text and metadata.
const MAX_LINE_BYTES: usize = 8 << 20;

/// One passage of a cluster, placed in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub article: ArticleIdx,
    pub span: Span,
}

/// One passim cluster: the same passage in several articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// passim's cluster identifier.
    pub id: String,
    /// Members in the loaded corpus, by article then offset.
    pub members: Vec<Member>,
}

/// passim's clusters over a corpus, and what could not be placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// Clusters with members in two or more loaded articles.
    pub clusters: Vec<Cluster>,
    /// One line each: files or records that were skipped, and why.
    pub problems: Vec<String>,
}

/// What went wrong with records, counted so that a million bad records make one line.
#[derive(Debug, Default)]
struct Tally {
    records: usize,
    unknown_ids: usize,
    bad_offsets: usize,
    bad_lines: usize,
}

/// Reads passim output (a file, or an output folder) and places its clusters in `corpus`.
pub fn read_clusters(path: &Path, corpus: &Corpus) -> Result<Clusters, PassimError> {
    let ids: HashMap<&str, ArticleIdx> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    let mut members: HashMap<String, Vec<Member>> = HashMap::new();
    for file in output_files(path)? {
        let reader = open(&file)?;
        let too_long = read_records(reader, &mut |v| {
            tally.records += 1;
            match place(&v, &ids, corpus) {
                Placed::Member(cluster, m) => members.entry(cluster).or_default().push(m),
                Placed::UnknownId => tally.unknown_ids += 1,
                Placed::BadOffsets => tally.bad_offsets += 1,
                Placed::NotARecord => tally.bad_lines += 1,
            }
        })
        .map_err(|source| io_error(&file, source))?;
        tally.records += too_long;
        tally.bad_lines += too_long;
    }
    if tally.records == tally.bad_lines {
        return Err(PassimError::NoRecords {
            path: path.display().to_string(),
        });
    }
    report(&tally, path, &mut problems);
    Ok(Clusters {
        clusters: clusters_of(members),
        problems,
    })
}

fn report(t: &Tally, path: &Path, problems: &mut Vec<String>) {
    let p = path.display();
    if t.unknown_ids > 0 {
        let n = t.unknown_ids;
        let verb = if n == 1 {
            "names an article that is"
        } else {
            "name articles that are"
        };
        problems.push(format!(
            "{p}: {n} of {} {verb} not loaded",
            crate::text::count(t.records, "passim record"),
        ));
    }
    if t.bad_offsets > 0 {
        let have = if t.bad_offsets == 1 { "has" } else { "have" };
        problems.push(format!(
            "{p}: {} {have} begin/end outside their article's text (was it exported from another version of the corpus?)",
            crate::text::count(t.bad_offsets, "passim record"),
        ));
    }
    if t.bad_lines > 0 {
        problems.push(match t.bad_lines {
            1 => format!("{p}: 1 line is not a passim record"),
            n => format!("{p}: {n} lines are not passim records"),
        });
    }
}

/// Clusters with members in at least two articles, members sorted and deduplicated,
/// clusters in a stable order (by their first member).
fn clusters_of(members: HashMap<String, Vec<Member>>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = members
        .into_iter()
        .filter_map(|(id, mut members)| {
            members.sort_by_key(|m| (m.article, m.span.start, m.span.end));
            members.dedup();
            let first = members.first()?.article;
            members
                .iter()
                .any(|m| m.article != first)
                .then_some(Cluster { id, members })
        })
        .collect();
    out.sort_by(|x, y| {
        let key = |c: &Cluster| c.members.first().map(|m| (m.article, m.span.start));
        key(x).cmp(&key(y)).then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// The files of a passim output: the file itself, or the `part-*`/`.json` files of an
/// output folder (its `out.json` folder when there is one), skipping Spark's `_SUCCESS`,
/// checksums and Parquet folders.
fn output_files(path: &Path) -> Result<Vec<PathBuf>, PassimError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if !meta.is_dir() {
        check_path(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let root = path.join("out.json");
    let root = if root.is_dir() {
        root
    } else {
        path.to_path_buf()
    };
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let p = e.path().unwrap_or(&root).to_path_buf();
            io_error(&p, e.into())
        })?;
        let name = entry.file_name().to_string_lossy();
        let parquet = entry
            .path()
            .components()
            .any(|c| c.as_os_str().to_string_lossy().ends_with(".parquet"));
        let json = name.starts_with("part-") || name.ends_with(".json") || name.ends_with(".jsonl");
        if entry.file_type().is_file()
            && json
            && !parquet
            && !name.starts_with(['.', '_'])
            && !name.ends_with(".crc")
        {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Refuses a passim output that is missing, or neither a folder nor a regular file (a FIFO
/// would block, `/dev/zero` never ends): a usage error, told before anything is read.
pub fn check_path(path: &Path) -> Result<(), PassimError> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_dir() && !m.is_file() => Err(PassimError::NotRegular {
            path: path.display().to_string(),
        }),
        Ok(_) => Ok(()),
        Err(e) => Err(io_error(path, e)),
    }
}

fn open(file: &Path) -> Result<BufReader<std::fs::File>, PassimError> {
    std::fs::File::open(file)
        .map(BufReader::new)
        .map_err(|e| io_error(file, e))
}

fn io_error(path: &Path, source: std::io::Error) -> PassimError {
    PassimError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Calls `each` with every JSON line of `reader`; returns the number of lines too long to
/// read (skipped). Blank lines are ignored; other bad lines come as `Value::Null`.
fn read_records(mut reader: impl BufRead, each: &mut impl FnMut(Value)) -> std::io::Result<usize> {
    let mut too_long = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut reader)
            .take(MAX_LINE_BYTES as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(too_long);
        }
        if line.len() == MAX_LINE_BYTES && !line.ends_with(b"\n") {
            skip_line(&mut reader)?;
            too_long += 1;
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        each(serde_json::from_slice(&line).unwrap_or(Value::Null));
    }
}

/// Reads up to and including the next newline, keeping nothing.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// Where one record lands.
enum Placed {
    Member(String, Member),
    UnknownId,
    BadOffsets,
    NotARecord,
}

fn place(v: &Value, ids: &HashMap<&str, ArticleIdx>, corpus: &Corpus) -> Placed {
    let (Some(cluster), Some(begin), Some(end)) = (
        v.get("cluster").and_then(key_of),
        v.get("begin").and_then(Value::as_u64),
        v.get("end").and_then(Value::as_u64),
    ) else {
        return Placed::NotARecord;
    };
    let id = v
        .get("id")
        .and_then(key_of)
        .or_else(|| v.get("uid").and_then(key_of));
    let Some(article) = id.and_then(|id| ids.get(id.as_str()).copied()) else {
        return Placed::UnknownId;
    };
    let body = &corpus.articles[article].body;
    let text = v.get("text").and_then(Value::as_str);
    match byte_span(body, begin, end, text) {
        Some(span) => Placed::Member(cluster, Member { article, span }),
        None => Placed::BadOffsets,
    }
}

/// A string or a number as a lookup key.
fn key_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The byte range of `body` for passim's character offsets `begin..end`. Offsets count
/// Unicode scalar values (Python strings); when the record carries its passage `text` and
/// that does not match, UTF-16 code units (JVM strings) are tried too.
pub fn byte_span(body: &str, begin: u64, end: u64, text: Option<&str>) -> Option<Span> {
    if begin >= end {
        return None;
    }
    let by_chars = span_by(body, begin, end, |_| 1);
    let Some(expected) = text else {
        return by_chars;
    };
    let matches = |s: &Option<Span>| {
        s.as_ref()
            .and_then(|s| body.get(s.clone()))
            .is_some_and(|t| same_words(t, expected))
    };
    if matches(&by_chars) {
        return by_chars;
    }
    let by_units = span_by(body, begin, end, char::len_utf16);
    if matches(&by_units) {
        by_units
    } else {
        by_chars
    }
}

/// Byte range for offsets counted in units of `width(char)`; `None` when out of range or
/// inside a character.
fn span_by(body: &str, begin: u64, end: u64, width: impl Fn(char) -> usize) -> Option<Span> {
    let (mut units, mut start) = (0u64, None);
    for (byte, c) in body.char_indices() {
        if units == begin {
            start = Some(byte);
        }
        if units == end {
            return Some(start?..byte);
        }
        units += width(c) as u64;
    }
    (units == end).then_some(start?..body.len())
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_become_byte_ranges() {
        let body = "Ünïcödé words: “quoted” end";
        let s = byte_span(body, 8, 14, None).unwrap();
        assert_eq!(&body[s], "words:");
        let s = byte_span(body, 16, 22, Some("quoted")).unwrap();
        assert_eq!(&body[s], "quoted");
        assert_eq!(byte_span(body, 5, 5, None), None);
        assert_eq!(byte_span(body, 5, 500, None), None);
        let all = byte_span(body, 0, body.chars().count() as u64, None).unwrap();
        assert_eq!(all, 0..body.len());
    }

    #[test]
    fn utf16_offsets_are_recognised_by_the_passage_text() {
        let body = "🚢 Ships wait at anchor.";
        // in UTF-16 the ship is two units: "Ships" is 3..8
        let s = byte_span(body, 3, 8, Some("Ships")).unwrap();
        assert_eq!(&body[s], "Ships");
        let s = byte_span(body, 2, 7, Some("Ships")).unwrap();
        assert_eq!(&body[s], "Ships");
    }

    #[test]
    fn long_and_bad_lines_are_skipped() {
        let long = "x".repeat(MAX_LINE_BYTES + 10);
        let input = format!("{{\"a\":1}}\n{long}\n\nnot json\n{{\"b\":2}}");
        let mut seen = Vec::new();
        let skipped = read_records(input.as_bytes(), &mut |v| seen.push(v)).unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[1], Value::Null);
        assert_eq!(seen[2]["b"], 2);
    }
}
