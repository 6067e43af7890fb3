//! Reading a file parallax did not write (an article, the configuration, passim's output):
//! only a regular file, and only up to a size limit, so that a FIFO (which would block), a
//! device (`/dev/zero`, which never ends) or a file that grows while it is read is refused
//! with a clear reason instead of hanging the program or filling memory.

use std::io::{self, Read};
use std::path::Path;

/// Why a file's bytes were not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("not a regular file")]
    NotRegular,
    /// `size` bytes, more than `limit`.
    #[error("{}", too_large(*size, *limit))]
    TooLarge { size: u64, limit: u64 },
    /// More than `limit` bytes, how many more unknown (a file that grew while it was read,
    /// a pipe): reading stopped just past the limit.
    #[error("too large: more than {} (the limit)", amount(*limit, false))]
    PastLimit { limit: u64 },
}

/// The message for a file past its limit, with sizes that can be told apart: "2.4 MB (the
/// limit is 2.0 MB)", exact bytes when the two would round alike.
fn too_large(size: u64, limit: u64) -> String {
    let exact = megabytes(size) == megabytes(limit);
    format!(
        "too large: {} (the limit is {})",
        amount(size, exact),
        amount(limit, exact)
    )
}

fn amount(bytes: u64, exact: bool) -> String {
    if exact || bytes < 1 << 20 {
        let unit = if bytes == 1 { "byte" } else { "bytes" };
        format!("{bytes} {unit}")
    } else {
        megabytes(bytes)
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
}

/// Reads the whole of the regular file at `path` (symlinks followed), or fails when it is
/// something else or holds (or grows while being read past) more than `limit` bytes.
pub fn read_regular(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    // Checked before opening: opening a FIFO blocks until someone writes to it. And opened
    // without blocking, so that a FIFO put in the file's place meanwhile is refused below.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    let limit = limit as u64;
    let size = meta.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    read_bounded(file, usize::try_from(size).unwrap_or(0), limit)
}

/// Reads all of `input`, or fails when it holds more than `limit` bytes (an endless stream
/// is cut off just past the limit, never read to its end).
pub fn read_all_limited(input: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    read_bounded(input, 0, limit as u64)
}

fn read_bounded(input: impl Read, hint: usize, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint);
    input.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::PastLimit { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_files_and_refuses_large_ones() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "0123456789").unwrap();
        assert_eq!(read_regular(&f, 10).unwrap(), b"0123456789");
        let err = read_regular(&f, 9).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { size: 10, limit: 9 }));
        assert_eq!(
            err.to_string(),
            "too large: 10 bytes (the limit is 9 bytes)"
        );
    }

    #[test]
    fn sizes_in_a_message_can_be_told_apart() {
        let mb = 1u64 << 20;
        let msg = |size, limit| ReadError::TooLarge { size, limit }.to_string();
        assert_eq!(
            msg(5 * mb / 2, 2 * mb),
            "too large: 2.5 MB (the limit is 2.0 MB)"
        );
        assert_eq!(
            msg(2 * mb + 1000, 2 * mb),
            "too large: 2098152 bytes (the limit is 2097152 bytes)"
        );
        assert_eq!(
            msg(2 * mb + 1, 2 * mb),
            "too large: 2097153 bytes (the limit is 2097152 bytes)"
        );
        assert_eq!(
            ReadError::PastLimit { limit: 2 * mb }.to_string(),
            "too large: more than 2.0 MB (the limit)"
        );
    }

    #[test]
    fn a_device_a_fifo_or_a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular)
        ));
        #[cfg(unix)]
        {
            assert!(matches!(
                read_regular(Path::new("/dev/zero"), 10),
                Err(ReadError::NotRegular)
            ));
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                // Would block forever if it were opened.
                assert!(matches!(
                    read_regular(&fifo, 10),
                    Err(ReadError::NotRegular)
                ));
            }
        }
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let err = read_regular(Path::new("/no/such/file.txt"), 10).unwrap_err();
        assert!(matches!(err, ReadError::Io(_)));
    }

    #[test]
    fn an_endless_stream_is_cut_off_past_the_limit() {
        let err = read_all_limited(std::io::repeat(b'x'), 1000).unwrap_err();
        assert!(matches!(err, ReadError::PastLimit { limit: 1000 }));
    }
}
