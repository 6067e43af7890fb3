//! One file, one article: a file listed twice (`x.md ./x.md`, a folder and a file inside
//! it, a folder and a symlink to it, two hard links) is read once, under the first path it
//! was listed by. Files are the same when their device and inode are.
//!
//! Cheap on the usual listing: a folder walk knows every entry's inode from the directory
//! itself, so only entries whose inode numbers collide (hard links, or other devices) are
//! stat'ed. Paths given one by one and entries reached through a symlink are stat'ed anyway;
//! when a listing holds any, every file is, so that all are compared alike.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::discover::Format;

/// What is known of a listed file's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum FileId {
    /// Device and inode, from `stat`.
    Exact(u64, u64),
    /// The inode a directory entry gives (`d_ino`), the device unknown.
    Entry(u64),
    /// Not known yet (to be stat'ed), or never (standard input, other platforms).
    Unknown,
}

/// The identity of `path` by `stat` (following symlinks).
pub(super) fn stat_id(path: &Path) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match std::fs::metadata(path) {
            Ok(m) => FileId::Exact(m.dev(), m.ino()),
            Err(_) => FileId::Unknown,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        FileId::Unknown
    }
}

/// Drops every file of `files` that is the same as an earlier one; `ids` says what is
/// known of each (same order; a `None` is never dropped: standard input).
pub(super) fn drop_repeats(
    files: &mut Vec<(std::path::PathBuf, Format)>,
    ids: Vec<Option<FileId>>,
) {
    if !cfg!(unix) || files.len() < 2 {
        return;
    }
    let mut ids = ids;
    let stat_all = ids
        .iter()
        .any(|id| matches!(id, Some(FileId::Exact(..) | FileId::Unknown)));
    let to_stat: Vec<usize> = if stat_all {
        (0..ids.len())
            .filter(|&i| matches!(ids[i], Some(FileId::Entry(_)) | Some(FileId::Unknown)))
            .collect()
    } else {
        colliding_entries(&ids)
    };
    let stats: Vec<FileId> = to_stat.par_iter().map(|&i| stat_id(&files[i].0)).collect();
    for (i, id) in to_stat.into_iter().zip(stats) {
        ids[i] = Some(id);
    }
    let mut seen = std::collections::HashSet::new();
    let mut keep = ids.iter().map(|id| match id {
        Some(id @ FileId::Exact(..)) => seen.insert(*id),
        _ => true,
    });
    files.retain(|_| keep.next().unwrap_or(true));
}

/// The files whose directory-entry inode another file shares.
fn colliding_entries(ids: &[Option<FileId>]) -> Vec<usize> {
    let mut by_ino: HashMap<u64, usize> = HashMap::new();
    for id in ids {
        if let Some(FileId::Entry(ino)) = id {
            *by_ino.entry(*ino).or_default() += 1;
        }
    }
    (0..ids.len())
        .filter(|&i| matches!(ids[i], Some(FileId::Entry(ino)) if by_ino.get(&ino) > Some(&1)))
        .collect()
}

#[cfg(all(test, unix))]
mod tests {
    use std::path::PathBuf;

    use super::super::discover::discover;

    fn listed(paths: &[PathBuf]) -> Vec<String> {
        discover(paths)
            .0
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_file_listed_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("news")).unwrap();
        std::fs::write(d.join("news/x.md"), "x").unwrap();
        std::fs::write(d.join("news/y.md"), "y").unwrap();
        let x = d.join("news/x.md");
        let dotted = d.join("news/./x.md");
        assert_eq!(listed(&[x.clone(), dotted]), ["x.md"]);
        // A folder and a file inside it.
        assert_eq!(listed(&[d.join("news"), x.clone()]), ["x.md", "y.md"]);
        // A folder and a symlink to it.
        std::os::unix::fs::symlink(d.join("news"), d.join("alias")).unwrap();
        assert_eq!(listed(&[d.join("news"), d.join("alias")]), ["x.md", "y.md"]);
        // A hard link inside one folder.
        std::fs::hard_link(&x, d.join("news/z.md")).unwrap();
        assert_eq!(listed(&[d.join("news")]), ["x.md", "y.md"]);
        // Two files with the same bytes are two articles.
        std::fs::write(d.join("news/w.md"), "x").unwrap();
        assert_eq!(listed(&[d.join("news")]), ["w.md", "x.md", "y.md"]);
    }
}
