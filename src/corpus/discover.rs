//! Finding article files under the paths a user gives: folders recursively, article
//! extensions only, hidden entries skipped, symlink loops and unreadable folders reported.

use std::path::{Path, PathBuf};

use super::same_file::{self, FileId};
use super::{LoadProblem, Severity};

/// The kinds of input file parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, or any file named explicitly).
    Text,
    Markdown,
    /// One JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// An RSS 2.0 or Atom feed (`.rss`, `.atom`, `.xml`); a JSON Feed is a `.json` file
    /// recognised by its `version` URL when it is read.
    Feed,
    /// A saved web page (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format of a path by its extension, `None` for files a folder walk ignores. A
    /// compressed file (`page.html.gz`) has the format of the name inside.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "gz" {
            return Format::of(Path::new(path.file_stem()?));
        }
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The files a load will read, listed before any is opened.
///
/// [`super::load_paths`] is [`list_paths`] then [`super::load_listing`]; the two halves are
/// public so that a caller (or a test) can act between them, e.g. delete a listed file to
/// check that the loader reports it and loads the rest.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The corpus name (see [`super::Corpus::name`]).
    pub name: String,
    /// Article files with the format they are read as, sorted within each given path.
    pub files: Vec<(PathBuf, Format)>,
    /// Paths that could not be listed.
    pub problems: Vec<LoadProblem>,
}

/// Lists the article files under `paths` (see [`discover`]) and names the corpus.
pub fn list_paths(paths: &[PathBuf]) -> Listing {
    let (files, problems) = discover(paths);
    Listing {
        name: corpus_name(paths),
        files,
        problems,
    }
}

/// Lists the article files under `paths`, sorted within each given path, and the problems
/// met (missing paths, unreadable folders, symlink loops). A path named explicitly is read
/// whatever its extension, but only when it is a regular file: a device or a FIFO could
/// block or never end. A path of `-` stands for standard input (one article, read as
/// Markdown so that front matter works too). A file reached twice is listed once
/// ([`same_file`]).
pub fn discover(paths: &[PathBuf]) -> (Vec<(PathBuf, Format)>, Vec<LoadProblem>) {
    let mut files = Vec::new();
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        if super::stdin::is_stdin(root) {
            files.push((root.clone(), Format::Markdown));
            ids.push(None);
            continue;
        }
        match std::fs::metadata(root) {
            Err(e) => problems.push(problem(root, e.to_string())),
            Ok(m) if m.is_dir() => walk(root, &mut files, &mut ids, &mut problems),
            Ok(m) if m.is_file() => {
                files.push((root.clone(), Format::of(root).unwrap_or(Format::Text)));
                ids.push(Some(same_file::stat_id(root)));
            }
            Ok(_) => problems.push(problem(root, "not a regular file".to_string())),
        }
    }
    same_file::drop_repeats(&mut files, ids);
    (files, problems)
}

/// The name of a corpus opened from `paths`: the folder or file name for one path.
fn corpus_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| one.display().to_string()),
        many => format!("{} paths", many.len()),
    }
}

fn walk(
    root: &Path,
    files: &mut Vec<(PathBuf, Format)>,
    ids: &mut Vec<Option<FileId>>,
    problems: &mut Vec<LoadProblem>,
) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let sidecar = crate::metadata::is_sidecar_name(&e.file_name().to_string_lossy());
                if let Some(format) = Format::of(e.path()).filter(|_| !sidecar) {
                    ids.push(Some(entry_id(&e)));
                    files.push((e.into_path(), format));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string())
                };
                problems.push(problem(&path, reason));
            }
        }
    }
}

/// What a walked entry's directory says of its identity: its inode, unless the entry is a
/// symlink (whose own inode is not its target's).
fn entry_id(e: &walkdir::DirEntry) -> FileId {
    #[cfg(unix)]
    if !e.path_is_symlink() {
        return FileId::Entry(walkdir::DirEntryExt::ino(e));
    }
    let _ = e;
    FileId::Unknown
}

fn problem(path: &Path, reason: String) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        line: None,
        severity: Severity::Skipped,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("b.json")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("b.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::of(Path::new("news.rss")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("news.XML")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("page.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("b.png")), None);
        assert_eq!(Format::of(Path::new("page.html.gz")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("b.tar.gz")), None);
        assert_eq!(Format::of(Path::new("b.gz")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn walks_folders_recursively_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        for f in [
            "a/b/deep.txt",
            "a/one.md",
            "top.jsonl",
            "image.png",
            ".git/x.txt",
            ".hidden.txt",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (files, problems) = discover(&[dir.path().to_path_buf()]);
        let names: Vec<String> = files
            .iter()
            .map(|(p, _)| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a/b/deep.txt", "a/one.md", "top.jsonl"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn missing_path_is_a_problem() {
        let (files, problems) = discover(&[PathBuf::from("/no/such/place")]);
        assert!(files.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("/no/such/place: skipped:")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_named_explicitly_is_not_read() {
        let (files, problems) = discover(&[PathBuf::from("/dev/zero")]);
        assert!(files.is_empty());
        assert_eq!(problems[0].reason, "not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let (files, problems) = discover(&[dir.path().to_path_buf()]);
        assert_eq!(files.len(), 1);
        assert!(problems.iter().any(|p| p.reason.contains("loop")));
    }
}
