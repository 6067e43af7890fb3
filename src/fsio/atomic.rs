//! Atomic writes. Everything parallax writes for the user (the passim export, the compare
//! report) goes through here: the bytes go to a temporary file in the target's folder,
//! are flushed to disk, and the file is renamed into place, so that a reader never sees half
//! a file and a failed write leaves the old one intact.
//!
//! What is replaced must be a regular file: a symlink is refused (renaming over it would
//! silently swap the link for a file), and so is a FIFO, a device (`/dev/full`) or a folder.
//! A replaced file keeps its permissions (and, when allowed, its owner); a new file gets the
//! usual `0666` less the umask, like any program's output, not the temporary file's `0600`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Most `-N` suffixes [`create_new`] tries before giving up.
const MAX_SUFFIX: usize = 999;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: a symbolic link; name the file it points to instead", path.display())]
    Symlink { path: PathBuf },
    #[error("{}: not a regular file; parallax only replaces regular files", path.display())]
    NotRegular { path: PathBuf },
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
    #[error("{}: {MAX_SUFFIX} files named {name} already exist", dir.display())]
    NamesTaken { dir: PathBuf, name: String },
}

impl WriteError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
        move |error| WriteError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// Writes `path` atomically with what `fill` writes: replaces a regular file (keeping its
/// mode), creates a missing one, and refuses anything else (see the module documentation).
pub fn replace(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(WriteError::Symlink {
                path: path.to_path_buf(),
            });
        }
        Ok(m) if !m.is_file() => {
            return Err(WriteError::NotRegular {
                path: path.to_path_buf(),
            });
        }
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(WriteError::io(path)(e)),
    };
    let dir = folder_of(path);
    let mut tmp = temporary(dir).map_err(WriteError::io(path))?;
    let _pending = super::interrupt::Pending::new(tmp.path());
    if let Some(m) = &existing {
        keep_owner_and_mode(tmp.as_file(), m).map_err(WriteError::io(path))?;
    }
    fill_and_sync(&mut tmp, fill).map_err(WriteError::io(path))?;
    tmp.persist(path)
        .map_err(|e| WriteError::io(path)(e.error))?;
    sync_folder(dir);
    Ok(())
}

/// Writes `bytes` to a new file in `dir` named `name`, or `name` with `-2`, `-3`... before
/// its extension when taken; never replaces anything. Returns the absolute path written.
pub fn create_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut tmp = temporary(&dir).map_err(WriteError::io(&dir))?;
    let _pending = super::interrupt::Pending::new(tmp.path());
    fill_and_sync(&mut tmp, |w| w.write_all(bytes)).map_err(WriteError::io(&dir))?;
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, format!(".{e}")),
        None => (name, String::new()),
    };
    for n in 1..=MAX_SUFFIX {
        let candidate = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        match tmp.persist_noclobber(&candidate) {
            Ok(_) => {
                sync_folder(&dir);
                return Ok(candidate);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(WriteError::io(&candidate)(e.error)),
        }
    }
    Err(WriteError::NamesTaken {
        dir,
        name: name.to_string(),
    })
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` created with the mode a new file gets (`0666` less the umask).
/// Its error is the system's alone: the temporary file's name (which `tempfile` adds) means
/// nothing to the user, who named another file.
fn temporary(dir: &Path) -> io::Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".parallax-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir).map_err(without_path)
}

/// The operating system's error without the ` at path "…"` `tempfile` appends.
fn without_path(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.rsplit_once(" at path \"") {
        Some((message, _)) if e.get_ref().is_some() => io::Error::new(e.kind(), message),
        _ => e,
    }
}

/// Gives the temporary file the replaced file's mode, and its owner when the process may
/// (root writing a user's file); an owner that cannot be kept is not an error.
fn keep_owner_and_mode(tmp: &File, old: &std::fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid()));
    }
    tmp.set_permissions(old.permissions())
}

fn fill_and_sync(
    tmp: &mut NamedTempFile,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()
}

/// Flushes the folder's entry of a renamed file, where the platform allows (best effort:
/// the data itself is already on disk).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) -> Result<(), WriteError> {
        replace(path, |w| w.write_all(text.as_bytes()))
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, "old").unwrap();
        write(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.jsonl");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        write(&path, "new").unwrap();
        assert_eq!(mode(&path), 0o664);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, "newer").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_mode_not_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.jsonl");
        write(&path, "x").unwrap();
        // Whatever the umask, group or others get at least what it leaves them of 0666;
        // the usual umasks (022, 002) leave read access.
        let umask_probe = dir.path().join("probe");
        std::fs::File::create(&umask_probe).unwrap();
        assert_eq!(mode(&path), mode(&umask_probe));
        let report = create_new(dir.path(), "r.html", b"x").unwrap();
        assert_eq!(mode(&report), mode(&umask_probe));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.jsonl");
        std::fs::write(&target, "kept").unwrap();
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write(&link, "new").unwrap_err();
        assert!(matches!(err, WriteError::Symlink { .. }), "{err}");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_a_device_or_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                write(&fifo, "x"),
                Err(WriteError::NotRegular { .. })
            ));
            assert!(!std::fs::metadata(&fifo).unwrap().is_file());
        }
        let err = write(Path::new("/dev/null"), "x").unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(matches!(
            write(dir.path(), "x"),
            Err(WriteError::NotRegular { .. })
        ));
        // Nothing was left behind in the folder.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.len() <= 1, "{left:?}");
    }

    #[test]
    fn a_new_report_never_overwrites_and_numbers_the_next_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = create_new(dir.path(), "r.html", b"one").unwrap();
        let second = create_new(dir.path(), "r.html", b"two").unwrap();
        let third = create_new(dir.path(), "r.html", b"three").unwrap();
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            [name(&first), name(&second), name(&third)],
            ["r.html", "r-2.html", "r-3.html"]
        );
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(create_new(&dir.path().join("no/such"), "r.html", b"x").is_err());
        let err = write(Path::new("/no/such/dir/out.jsonl"), "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/no/such/dir/out.jsonl: No such file or directory (os error 2)",
            "the user's path, once, and no temporary file's name"
        );
    }
}
