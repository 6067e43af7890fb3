//! Turning a file's bytes into text, or saying clearly why they are not an article.
//!
//! In this order: a byte order mark (UTF-8, UTF-16, UTF-32) decides; binary files (magic
//! numbers of images, documents and archives, NUL bytes that are not UTF-16 text) are
//! refused; the document's own declaration (XML declaration, HTML `<meta charset>`) is
//! followed unless the bytes contradict it; valid UTF-8 is UTF-8; anything else is a
//! legacy encoding guessed by `chardetng` (the detector of Firefox) and decoded by
//! `encoding_rs`. A file that decodes is never refused: invalid sequences are replaced by
//! U+FFFD and counted in one warning. A guess with little evidence is warned about (see
//! [`super::detect`]).

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::detect::guess;
use super::{binary, charset};

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0})")]
    Binary(&'static str),
}

/// Decoded text, the encoding it was read in and, when something is worth saying (bytes
/// replaced, a declaration contradicted, a shaky guess), one warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The WHATWG name of the encoding (`UTF-8`, `windows-1252`…), or `UTF-32LE`/`UTF-32BE`.
    pub encoding: &'static str,
    pub warning: Option<String>,
}

/// Share of NUL bytes (per mille) above which a file that is not UTF-16 text is binary.
const MAX_NUL_PER_MILLE: usize = 10;

/// Largest share (per mille) of a file's non-ASCII bytes that may be invalid in the
/// encoding it declares for the declaration still to be believed (the rest replaced).
const MAX_INVALID_DECLARED_PER_MILLE: usize = 50;

/// Decodes bytes as described in the module documentation.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(decoded) = with_bom(bytes) {
        return non_empty(decoded);
    }
    if let Some(kind) = binary::magic(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls == 0 {
        return non_empty(unmarked(bytes));
    }
    if let Some(encoding) = binary::utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return non_empty(Decoded {
            text,
            encoding: encoding.name(),
            warning: None,
        });
    }
    if nuls * 1000 > bytes.len() * MAX_NUL_PER_MILLE {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    let decoded = unmarked(&kept);
    let removed = format!("{nuls} NUL byte(s) removed");
    let warning = match decoded.warning {
        Some(w) => format!("{removed}; {w}"),
        None => removed,
    };
    non_empty(Decoded {
        text: Cow::Owned(decoded.text.into_owned()),
        encoding: decoded.encoding,
        warning: Some(warning),
    })
}

/// Bytes that start with a byte order mark, decoded in its encoding.
fn with_bom(bytes: &[u8]) -> Option<Decoded<'_>> {
    if let Some(body) = bytes
        .strip_prefix(b"\xFF\xFE\0\0")
        .filter(|b| b.len() % 4 == 0)
    {
        return Some(utf32(body, false));
    }
    if let Some(body) = bytes.strip_prefix(b"\0\0\xFE\xFF") {
        return Some(utf32(body, true));
    }
    let (encoding, bom_len) = Encoding::for_bom(bytes)?;
    let body = &bytes[bom_len..];
    if encoding == encoding_rs::UTF_8 {
        return Some(utf8_lossy(body));
    }
    Some(in_encoding(body, encoding))
}

/// UTF-32 (which `encoding_rs` does not know, as no browser reads it) after its BOM.
fn utf32(body: &[u8], big_endian: bool) -> Decoded<'static> {
    let mut invalid = 0;
    let mut text: String = body
        .chunks_exact(4)
        .map(|c| {
            let b = [c[0], c[1], c[2], c[3]];
            let unit = if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            };
            char::from_u32(unit).unwrap_or_else(|| {
                invalid += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if body.len() % 4 != 0 {
        invalid += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let name = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
    Decoded {
        text: Cow::Owned(text),
        encoding: name,
        warning: replaced(invalid, name),
    }
}

/// Bytes without a BOM: the declared encoding unless the bytes contradict it, else UTF-8
/// when valid, else a detected legacy encoding.
fn unmarked(bytes: &[u8]) -> Decoded<'_> {
    match charset::declared(bytes) {
        Some(declared) if declared == encoding_rs::UTF_8 => match Utf8Stats::of(bytes) {
            Ok(text) => utf8_valid(text),
            Err(stats) if stats.mostly_utf8() => utf8(bytes, stats.invalid),
            Err(stats) => contradicted(
                detect(bytes),
                &format!(
                    "declared UTF-8 but has {} invalid UTF-8 sequence(s)",
                    stats.invalid
                ),
            ),
        },
        Some(declared) => {
            if has_non_ascii(bytes)
                && let Ok(text) = std::str::from_utf8(bytes)
            {
                return contradicted(
                    utf8_valid(text),
                    &format!("declared {} but the bytes are UTF-8", declared.name()),
                );
            }
            let (decoded, invalid) = in_encoding_counted(bytes, declared);
            let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
            if invalid * 1000 <= non_ascii * MAX_INVALID_DECLARED_PER_MILLE {
                return decoded;
            }
            let detected = detect(bytes);
            if detected.encoding == declared.name() {
                return decoded;
            }
            contradicted(
                detected,
                &format!(
                    "declared {} but the bytes are not valid in it",
                    declared.name()
                ),
            )
        }
        None => match Utf8Stats::of(bytes) {
            Ok(text) => utf8_valid(text),
            Err(stats) if stats.mostly_utf8() => utf8(bytes, stats.invalid),
            Err(_) => detect(bytes),
        },
    }
}

/// `decoded`, with a warning that the declaration was not followed, and why.
fn contradicted<'a>(decoded: Decoded<'a>, why: &str) -> Decoded<'a> {
    let mut warning = format!("{why}; read as {}", decoded.encoding);
    if let Some(w) = decoded.warning {
        warning.push_str("; ");
        warning.push_str(&w);
    }
    Decoded {
        warning: Some(warning),
        ..decoded
    }
}

/// Bytes in a legacy encoding guessed by [`guess`], warned about when the guess is
/// shaky (see [`guess`]).
fn detect(bytes: &[u8]) -> Decoded<'_> {
    let guess = guess(bytes);
    let decoded = if guess.encoding == encoding_rs::UTF_8 {
        utf8_lossy(bytes)
    } else {
        in_encoding(bytes, guess.encoding)
    };
    if !guess.low_confidence {
        return decoded;
    }
    let mut warning = format!(
        "encoding guessed as {} with low confidence ({} non-ASCII byte(s))",
        decoded.encoding, guess.evidence
    );
    if let Some(w) = decoded.warning {
        warning.push_str("; ");
        warning.push_str(&w);
    }
    Decoded {
        warning: Some(warning),
        ..decoded
    }
}

/// Bytes (without BOM) decoded in `encoding`, invalid sequences replaced and counted.
fn in_encoding<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Decoded<'a> {
    in_encoding_counted(bytes, encoding).0
}

/// [`in_encoding`] and the number of invalid sequences.
fn in_encoding_counted<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> (Decoded<'a>, usize) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let invalid = if had_errors {
        // a legacy encoding cannot encode U+FFFD: each one in the text is a replacement
        text.matches(char::REPLACEMENT_CHARACTER).count().max(1)
    } else {
        0
    };
    let decoded = Decoded {
        text,
        encoding: encoding.name(),
        warning: replaced(invalid, encoding.name()),
    };
    (decoded, invalid)
}

/// Valid UTF-8, borrowed as it is.
fn utf8_valid(text: &str) -> Decoded<'_> {
    Decoded {
        text: Cow::Borrowed(text),
        encoding: encoding_rs::UTF_8.name(),
        warning: None,
    }
}

/// UTF-8, invalid sequences replaced and counted.
fn utf8_lossy(bytes: &[u8]) -> Decoded<'_> {
    match Utf8Stats::of(bytes) {
        Ok(text) => utf8_valid(text),
        Err(stats) => utf8(bytes, stats.invalid),
    }
}

/// UTF-8 with `invalid` sequences (already counted) replaced.
fn utf8(bytes: &[u8], invalid: usize) -> Decoded<'_> {
    Decoded {
        text: String::from_utf8_lossy(bytes),
        encoding: encoding_rs::UTF_8.name(),
        warning: replaced(invalid, "UTF-8"),
    }
}

fn replaced(invalid: usize, encoding: &str) -> Option<String> {
    (invalid > 0).then(|| format!("{invalid} invalid {encoding} sequence(s) replaced with U+FFFD"))
}

fn has_non_ascii(bytes: &[u8]) -> bool {
    !bytes.is_ascii()
}

/// How bytes that are not valid UTF-8 fall short of it.
struct Utf8Stats {
    /// Invalid sequences.
    invalid: usize,
    /// Valid multi-byte characters.
    multibyte: usize,
}

impl Utf8Stats {
    /// The text when the bytes are valid UTF-8, else how they fall short.
    fn of(bytes: &[u8]) -> Result<&str, Utf8Stats> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(text);
        }
        let mut stats = Utf8Stats {
            invalid: 0,
            multibyte: 0,
        };
        for chunk in bytes.utf8_chunks() {
            stats.multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            stats.invalid += usize::from(!chunk.invalid().is_empty());
        }
        Err(stats)
    }

    /// UTF-8 text with a few bad bytes (a truncated or spliced file), rather than text in
    /// another encoding: its valid multi-byte characters outnumber its invalid sequences.
    fn mostly_utf8(&self) -> bool {
        self.multibyte > 0 && self.multibyte >= self.invalid
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
#[path = "decode_tests.rs"]
mod tests;
