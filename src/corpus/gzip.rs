//! Compressed saved pages (`page.html.gz`, and a page saved still gzip-encoded): the
//! bytes inflated within a limit, so that a small "gzip bomb" cannot fill memory.

use std::io::Read;

/// The first bytes of a gzip stream.
pub const MAGIC: &[u8] = b"\x1F\x8B";

/// Whether `bytes` are a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The inflated bytes (every member of a multi-member stream), or why not: corrupt, or
/// inflating to more than `limit` bytes.
pub fn gunzip_limited(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    decoder
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("corrupt gzip data: {e}"))?;
    if out.len() > limit {
        return Err(format!(
            "gzip data inflates past {:.1} MB (the limit)",
            limit as f64 / (1u64 << 20) as f64
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_within_the_limit() {
        let z = gzip(b"<html><body><p>Hello</p></body></html>");
        assert!(is_gzip(&z));
        assert_eq!(
            gunzip_limited(&z, 1000).unwrap(),
            b"<html><body><p>Hello</p></body></html>"
        );
    }

    #[test]
    fn a_bomb_is_refused_and_garbage_reported() {
        let z = gzip(&vec![b'a'; 1 << 20]);
        assert!(z.len() < 5000);
        let err = gunzip_limited(&z, 1000).unwrap_err();
        assert!(err.contains("inflates past"), "{err}");
        let err = gunzip_limited(b"\x1F\x8Bgarbage", 1000).unwrap_err();
        assert!(err.starts_with("corrupt gzip data"), "{err}");
    }
}
