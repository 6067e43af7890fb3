//! `-` as a path: one article read from standard input, with the same size limit as a
//! file, so that `curl … | parallax show -` or `pbpaste | parallax list -` work.

use std::path::Path;

use super::read::ReadError;

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";

/// True when `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_PATH
}

pub use crate::fsio::regular::read_all_limited;

/// Reads standard input (see [`read_all_limited`]).
pub fn read_stdin(limit: usize) -> Result<Vec<u8>, ReadError> {
    read_all_limited(std::io::stdin().lock(), limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdin_and_input_is_limited() {
        assert!(is_stdin(Path::new("-")));
        assert!(!is_stdin(Path::new("./-")));
        assert_eq!(
            read_all_limited(&b"some text"[..], 9).unwrap(),
            b"some text"
        );
        let endless = std::io::repeat(b'x');
        let err = read_all_limited(endless, 1000).unwrap_err();
        assert!(matches!(err, ReadError::PastLimit { limit: 1000 }));
    }
}
