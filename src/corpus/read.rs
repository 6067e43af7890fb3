//! Reading one file's bytes with a size limit, so that a huge or endless file (a 50 MB
//! text dump, a device named on the command line) is reported instead of filling memory.

use std::path::Path;

/// Largest text of one article, in bytes: a plain-text file, or the body of one JSON
/// record. Real articles are under 200 KB, long-form reports under 1 MB. Anything larger is
/// a book, a log, a dump or a mistake, and would slow every analysis of the corpus (finding
/// the passages of a 4 MB article that repeats itself takes some 20 s).
pub const MAX_ARTICLE_BYTES: usize = 2 << 20;

/// Largest JSON, JSON Lines or feed file, in bytes: an export of many articles.
pub const MAX_FILE_BYTES: usize = 256 << 20;

/// Largest saved web page, in bytes: the article is a small part of a page, whose inline
/// scripts, styles and markup often weigh a few megabytes. The article text found in it
/// must still fit in [`MAX_ARTICLE_BYTES`].
pub const MAX_PAGE_BYTES: usize = 16 << 20;

pub use crate::fsio::ReadError;

/// Reads the whole regular file, or fails when it is something else (a FIFO, a device) or
/// is (or grows while being read) past `limit` (see [`crate::fsio::read_regular`]).
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    crate::fsio::read_regular(path, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_an_io_error() {
        let err = read_limited(Path::new("/no/such/file.txt"), 10).unwrap_err();
        assert!(matches!(err, ReadError::Io(_)));
    }
}
