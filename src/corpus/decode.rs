//! Turning a file's bytes into text, or saying clearly why they are not an article.
//!
//! Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. A few invalid UTF-8 bytes in
//! otherwise good text are replaced (with a warning), and so are a few stray NUL bytes
//! (removed, with a warning); a file that is mostly not UTF-8, or has more than one NUL
//! byte in a hundred, is binary or in another encoding and is refused.

use std::borrow::Cow;

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file (contains NUL bytes)")]
    Binary,
    #[error("not UTF-8 text ({0} invalid byte sequences)")]
    NotUtf8(usize),
}

/// Decoded text and, when bytes had to be replaced, a warning to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

/// Share of invalid sequences (per byte) above which a file is not UTF-8 text at all.
const MAX_INVALID_PER_MILLE: usize = 5;

/// Share of NUL bytes above which a file is binary (text in UTF-16 without a BOM is too).
const MAX_NUL_PER_MILLE: usize = 10;

/// Decodes bytes as described in the module documentation.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(decoded) = utf32_with_bom(bytes) {
        return non_empty(decoded);
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = had_errors.then(|| format!("invalid {} sequences replaced", encoding.name()));
        return non_empty(Decoded { text, warning });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls == 0 {
        return decode_utf8(bytes);
    }
    if nuls * 1000 > bytes.len() * MAX_NUL_PER_MILLE {
        return Err(DecodeError::Binary);
    }
    let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    let decoded = decode_utf8(&kept)?;
    let removed = format!("{nuls} NUL byte(s) removed");
    let warning = match decoded.warning {
        Some(w) => format!("{removed}; {w}"),
        None => removed,
    };
    Ok(Decoded {
        text: Cow::Owned(decoded.text.into_owned()),
        warning: Some(warning),
    })
}

/// Text in UTF-32 with its BOM (`FF FE 00 00` or `00 00 FE FF`), which `encoding_rs` would
/// take for UTF-16 (it has no UTF-32); invalid code points are replaced, with a warning.
fn utf32_with_bom(bytes: &[u8]) -> Option<Decoded<'static>> {
    let (le, rest) = match bytes {
        [0xFF, 0xFE, 0, 0, rest @ ..] => (true, rest),
        [0, 0, 0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let mut bad = rest.len() % 4;
    let text: String = rest
        .chunks_exact(4)
        .map(|c| {
            let b = [c[0], c[1], c[2], c[3]];
            let n = if le {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            char::from_u32(n).unwrap_or_else(|| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    let warning = (bad > 0).then(|| "invalid UTF-32 sequences replaced".to_string());
    Some(Decoded {
        text: Cow::Owned(text),
        warning,
    })
}

/// Decodes UTF-8 without a BOM or NUL bytes, replacing a few invalid sequences.
fn decode_utf8(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => non_empty(Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        }),
        Err(_) => {
            let invalid = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            if invalid * 1000 > bytes.len().max(1) * MAX_INVALID_PER_MILLE {
                return Err(DecodeError::NotUtf8(invalid));
            }
            let warning = Some(format!(
                "{invalid} invalid UTF-8 sequence(s) replaced with U+FFFD"
            ));
            non_empty(Decoded {
                text: String::from_utf8_lossy(bytes),
                warning,
            })
        }
    }
}

fn non_empty(d: Decoded<'_>) -> Result<Decoded<'_>, DecodeError> {
    if d.text.trim().is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_and_bom() {
        assert_eq!(decode(b"hello").unwrap().text, "hello");
        let d = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(d.text, "hello");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Привет, world".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Привет, world");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn a_few_nul_bytes_are_removed_with_a_warning() {
        let mut text = "A long enough article body. ".repeat(10).into_bytes();
        text.insert(5, 0);
        let d = decode(&text).unwrap();
        assert!(!d.text.contains('\0'));
        assert!(d.text.starts_with("A lon"));
        assert_eq!(d.warning.as_deref(), Some("1 NUL byte(s) removed"));
    }

    #[test]
    fn utf16_without_bom_is_binary() {
        let bytes: Vec<u8> = "plain words"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bytes), Err(DecodeError::Binary));
    }

    #[test]
    fn a_few_bad_bytes_are_replaced_with_a_warning() {
        let mut text = "A long enough article body. ".repeat(40).into_bytes();
        text.push(0xFF);
        let d = decode(&text).unwrap();
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.warning.unwrap().contains("1 invalid"));
    }

    #[test]
    fn latin1_text_is_not_utf8() {
        let latin1: Vec<u8> = b"caf\xE9 cr\xE8me br\xFBl\xE9e".to_vec();
        assert!(matches!(decode(&latin1), Err(DecodeError::NotUtf8(_))));
    }
}
