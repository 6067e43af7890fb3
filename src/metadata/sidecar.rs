//! Sidecar files: the metadata a user already keeps beside the articles, one row per
//! article, in CSV, TSV, JSON (an array of objects) or JSON Lines. A row names its article
//! in a `file` column (also `filename`, `path`, `name` or `id`: a path relative to the
//! sidecar's folder, a file name or a file stem) and states any of `source` (`outlet`,
//! `publication`, `publisher`, `site`), `date` (`published`, `pubdate`, `published_at`),
//! `title` (`headline`), `url` (`link`) and `author` (`byline`, `authors`).
//!
//! Found by name beside the articles (`metadata.csv`, `sidecar.tsv`, `politics.meta.json`…;
//! see [`is_sidecar_name`]) or named with `--sidecar FILE`. A row that cannot be read is a
//! problem to report, never a reason to stop.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Stated;

/// A sidecar's extensions.
const EXTENSIONS: [&str; 5] = ["csv", "tsv", "json", "jsonl", "ndjson"];

/// Largest sidecar read: far more rows than any corpus has articles.
const MAX_SIDECAR_BYTES: usize = 256 * 1024 * 1024;

/// Whether a file name is a sidecar's (`metadata`, `sidecar` or `*.meta`, with a CSV, TSV
/// or JSON extension): such a file is metadata, never an article.
pub fn is_sidecar_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let Some((stem, ext)) = lower.rsplit_once('.') else {
        return false;
    };
    EXTENSIONS.contains(&ext)
        && (stem == "metadata" || stem == "sidecar" || stem.ends_with(".meta"))
}

/// The rows of one sidecar, by the key each names its article with.
#[derive(Debug, Clone, Default)]
pub struct Sidecar {
    /// The folder the keys are relative to.
    pub dir: PathBuf,
    /// Normalised key (see [`norm`]) → the fields the row states.
    rows: HashMap<String, Stated>,
}

/// One row that could not be used: its 1-based line (or record number) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: Option<usize>,
    pub reason: String,
}

impl Sidecar {
    /// Reads the sidecar at `path`; a file that cannot be read at all is an `Err`.
    /// Only a regular file of at most [`MAX_SIDECAR_BYTES`] is read: a FIFO would block,
    /// `/dev/zero` never ends.
    pub fn read(path: &Path) -> Result<(Sidecar, Vec<RowProblem>), String> {
        let bytes =
            crate::fsio::read_regular(path, MAX_SIDECAR_BYTES).map_err(|e| e.to_string())?;
        let text = String::from_utf8(bytes).map_err(|_| "sidecar is not UTF-8".to_string())?;
        let text = text.trim_start_matches('\u{feff}');
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("csv")
            .to_ascii_lowercase();
        let (records, mut problems) = match ext.as_str() {
            "json" => json_records(text)?,
            "jsonl" | "ndjson" => jsonl_records(text),
            "tsv" => delimited_records(text, b'\t'),
            _ => delimited_records(text, b','),
        };
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let own_stem = own_article_stem(path);
        let mut rows = HashMap::new();
        for (line, fields) in records {
            let key = find(&fields, KEY_NAMES).or_else(|| own_stem.clone());
            let Some(key) = key else {
                problems.push(RowProblem {
                    line: Some(line),
                    reason: "no `file` column to name the article".to_string(),
                });
                continue;
            };
            let (stated, bad_date) = stated_of(&fields);
            if let Some(d) = bad_date {
                problems.push(RowProblem {
                    line: Some(line),
                    reason: format!("date {d:?} not understood"),
                });
            }
            rows.insert(norm(&key), stated);
        }
        Ok((Sidecar { dir, rows }, problems))
    }

    /// Whether the sidecar named with `--sidecar` can be read, before anything is loaded:
    /// a missing file, a folder, a FIFO, a device or a file past the limit is refused with
    /// the reason.
    pub fn check(path: &Path) -> Result<(), String> {
        let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
        let size = meta.len();
        let limit = MAX_SIDECAR_BYTES as u64;
        if !meta.is_file() {
            Err(crate::fsio::ReadError::NotRegular.to_string())
        } else if size > limit {
            Err(crate::fsio::ReadError::TooLarge { size, limit }.to_string())
        } else {
            Ok(())
        }
    }

    /// What the sidecar states of the article read from `path` (with id `id`).
    pub fn lookup(&self, path: &Path, id: &str) -> Option<&Stated> {
        let rel = path
            .strip_prefix(&self.dir)
            .ok()
            .map(|p| p.to_string_lossy());
        let name = path.file_name().map(|n| n.to_string_lossy());
        let stem = path.file_stem().map(|n| n.to_string_lossy());
        let keys = [rel, name, stem, Some(id.into())];
        keys.into_iter()
            .flatten()
            .find_map(|k| self.rows.get(&norm(&k)))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A key as compared: `/` separators, no leading `./`, lower case.
fn norm(key: &str) -> String {
    let k = key.trim().replace('\\', "/");
    k.trim_start_matches("./").to_lowercase()
}

/// `article.meta.json` describes `article` alone: its rows need no `file` column.
fn own_article_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let (stem, _) = name.rsplit_once('.')?;
    stem.strip_suffix(".meta").map(str::to_string)
}

const KEY_NAMES: &[&str] = &["file", "filename", "file_name", "path", "name", "id"];
const SOURCE_NAMES: &[&str] = &["source", "outlet", "publication", "publisher", "site"];
const DATE_NAMES: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "published_at",
    "publication_date",
];
const TITLE_NAMES: &[&str] = &["title", "headline"];
const URL_NAMES: &[&str] = &["url", "link"];
const AUTHOR_NAMES: &[&str] = &["author", "byline", "authors"];

/// A record: lower-cased column name → value (non-empty values only).
type Fields = HashMap<String, String>;

/// The first non-empty value among the columns `names`.
fn find(fields: &Fields, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| fields.get(*n))
        .map(|v| crate::text::normalize_line(v))
        .filter(|v| !v.is_empty())
}

/// The fields a record states, and a date it gives but that does not parse.
fn stated_of(fields: &Fields) -> (Stated, Option<String>) {
    let date_text = find(fields, DATE_NAMES);
    let date = date_text.as_deref().and_then(super::dates::parse_field);
    let bad_date = date_text.filter(|_| date.is_none());
    let stated = Stated {
        source: find(fields, SOURCE_NAMES).map(|s| super::name_pattern::outlet_name(&s)),
        date,
        title: find(fields, TITLE_NAMES),
        url: find(fields, URL_NAMES),
        author: find(fields, AUTHOR_NAMES),
    };
    (stated, bad_date)
}

type Records = (Vec<(usize, Fields)>, Vec<RowProblem>);

/// CSV or TSV with a header row.
fn delimited_records(text: &str, delimiter: u8) -> Records {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(column_name).collect(),
        Err(e) => {
            let p = RowProblem {
                line: Some(1),
                reason: format!("no header row ({e})"),
            };
            return (Vec::new(), vec![p]);
        }
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        match row {
            Ok(r) => {
                let fields = header
                    .iter()
                    .zip(r.iter())
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(k, v)| (k.clone(), v.to_string()))
                    .collect();
                records.push((line, fields));
            }
            Err(e) => problems.push(RowProblem {
                line: Some(line),
                reason: format!("bad row ({e})"),
            }),
        }
    }
    (records, problems)
}

fn column_name(name: &str) -> String {
    name.trim().to_lowercase().replace([' ', '-'], "_")
}

/// A JSON array of objects, or one object.
fn json_records(text: &str) -> Result<Records, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("invalid JSON ({e})"))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        one @ serde_json::Value::Object(_) => vec![one],
        _ => return Err("JSON sidecar must be an array of objects".to_string()),
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match object_fields(item) {
            Some(f) => records.push((i + 1, f)),
            None => problems.push(RowProblem {
                line: Some(i + 1),
                reason: "not a JSON object".to_string(),
            }),
        }
    }
    Ok((records, problems))
}

/// One JSON object a line.
fn jsonl_records(text: &str) -> Records {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str::<serde_json::Value>(line).ok();
        match value.as_ref().and_then(object_fields) {
            Some(f) => records.push((i + 1, f)),
            None => problems.push(RowProblem {
                line: Some(i + 1),
                reason: "not a JSON object".to_string(),
            }),
        }
    }
    (records, problems)
}

/// An object's string (or number) values by lower-cased key; a list of strings (several
/// authors) is joined with commas.
fn object_fields(value: &serde_json::Value) -> Option<Fields> {
    let obj = value.as_object()?;
    let fields = obj
        .iter()
        .filter_map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            (!text.trim().is_empty()).then(|| (column_name(k), text))
        })
        .collect();
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn sidecar_names_are_recognised() {
        for yes in [
            "metadata.csv",
            "Sidecar.TSV",
            "politics.meta.json",
            "metadata.jsonl",
        ] {
            assert!(is_sidecar_name(yes), "{yes}");
        }
        for no in ["metadata.txt", "story.json", "meta.csv", "notes.md"] {
            assert!(!is_sidecar_name(no), "{no}");
        }
    }

    #[test]
    fn a_csv_states_fields_by_file_name_stem_or_path() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "File,Outlet,Date,Headline,URL\n\
                   a.txt,coast-times,2024-03-05,Harbour vote,https://ct.example/a\n\
                   b,Daily Planet,not a date,,\n\
                   ,Nobody,,,\n";
        let p = write(dir.path(), "metadata.csv", csv);
        let (s, problems) = Sidecar::read(&p).unwrap();
        assert_eq!(s.len(), 2);
        let a = s.lookup(&dir.path().join("a.txt"), "a").unwrap();
        assert_eq!(a.source.as_deref(), Some("Coast Times"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(a.title.as_deref(), Some("Harbour vote"));
        assert_eq!(a.url.as_deref(), Some("https://ct.example/a"));
        let b = s.lookup(&dir.path().join("sub/b.md"), "b").unwrap();
        assert_eq!(b.source.as_deref(), Some("Daily Planet"));
        assert_eq!(b.date, None);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(3), Some(4)], "{problems:?}");
    }

    #[test]
    fn tsv_json_and_jsonl_read_alike() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let tsv = write(d, "sidecar.tsv", "file\tsource\nx.txt\tCoast Times\n");
        let json = write(
            d,
            "m.meta.json",
            r#"[{"path":"x.txt","source":"Coast Times"}]"#,
        );
        let jsonl = write(
            d,
            "metadata.jsonl",
            "{\"id\":\"x\",\"source\":\"Coast Times\"}\nnope\n",
        );
        for p in [tsv, json, jsonl] {
            let (s, _) = Sidecar::read(&p).unwrap();
            let got = s.lookup(&d.join("x.txt"), "x").unwrap();
            assert_eq!(got.source.as_deref(), Some("Coast Times"), "{p:?}");
        }
        let own = write(d, "x.meta.json", r#"{"author":["Ann Lee","Bo Chan"]}"#);
        let (s, problems) = Sidecar::read(&own).unwrap();
        assert!(problems.is_empty());
        let got = s.lookup(&d.join("x.txt"), "x").unwrap();
        assert_eq!(got.author.as_deref(), Some("Ann Lee, Bo Chan"));
    }

    #[test]
    fn an_unreadable_sidecar_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bad = write(dir.path(), "metadata.json", "{ not json");
        assert!(Sidecar::read(&bad).is_err());
        assert!(Sidecar::read(&dir.path().join("missing.csv")).is_err());
    }
}
