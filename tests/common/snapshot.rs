//! A snapshot of a folder, to prove that parallax never writes to the corpus it reads:
//! every entry's kind, bytes (files), link target (symlinks), permissions and modification
//! time. Shared by `tests/hostile_files` (subcommands) and `tests/tui_e2e` (the reader).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file-system entry is and holds: kind, bytes (files), link target (symlinks),
/// permissions and modification time.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    kind: &'static str,
    bytes: Vec<u8>,
    mode: String,
    modified: Option<SystemTime>,
}

/// Every entry under `root`, by path relative to it, symlinks not followed.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let (kind, bytes) = if meta.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                (
                    "symlink",
                    target.to_string_lossy().into_owned().into_bytes(),
                )
            } else if meta.is_dir() {
                todo.push(path.clone());
                ("dir", Vec::new())
            } else {
                ("file", std::fs::read(&path).unwrap())
            };
            let entry = Entry {
                kind,
                bytes,
                mode: format!("{:?}", meta.permissions()),
                modified: meta.modified().ok(),
            };
            out.insert(path.strip_prefix(root).unwrap().to_path_buf(), entry);
        }
    }
    out
}
