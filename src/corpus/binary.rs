//! Telling a binary file from text before decoding it: the magic numbers of images,
//! documents, archives and executables, and NUL bytes that are not UTF-16 text.

use encoding_rs::Encoding;

/// Signatures at the start of a file, and what they mark.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\xFD7zXZ\0", "an xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x28\xB5\x2F\xFD", "a zstd archive"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Office document"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\x7FELF", "an executable"),
    (b"\xCA\xFE\xBA\xBE", "an executable"),
    (b"\xCF\xFA\xED\xFE", "an executable"),
    (b"\xFE\xED\xFA\xCF", "an executable"),
    (b"\0asm", "a WebAssembly module"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
];

/// What a file is, when its first bytes say it is not text: `a PNG image`, `a ZIP archive`…
pub fn magic(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let at = |range: std::ops::Range<usize>| bytes.get(range).unwrap_or(&[]);
    if at(0..4) == b"RIFF" && matches!(at(8..12), b"WEBP" | b"WAVE" | b"AVI ") {
        return Some("a RIFF media file");
    }
    if at(4..8) == b"ftyp" {
        return Some("an MP4 media file");
    }
    if at(0..3) == b"BZh" && at(4..10) == b"\x31\x41\x59\x26\x53\x59" {
        return Some("a bzip2 archive");
    }
    if at(0..3) == b"ID3" && at(3..4).first().is_some_and(|v| (2..=4).contains(v)) {
        return Some("an MP3 audio file");
    }
    None
}

/// The UTF-16 encoding of text written without a byte order mark, read off where its NUL
/// bytes fall: text in Latin script has a NUL high byte in nearly every code unit. `None`
/// when the NUL bytes are not laid out that way, or the text would hold control
/// characters (binary data).
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let encoding = if odd * 2 >= units && even * 50 <= units {
        encoding_rs::UTF_16LE
    } else if even * 2 >= units && odd * 50 <= units {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    (!had_errors && controls * 100 <= text.chars().count()).then_some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_are_named() {
        assert_eq!(magic(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("a PNG image"));
        assert_eq!(magic(b"%PDF-1.7\n%\xE2\xE3"), Some("a PDF document"));
        assert_eq!(magic(b"PK\x03\x04\x14\0\x06\0"), Some("a ZIP archive"));
        assert_eq!(magic(b"\x1F\x8B\x08\0"), Some("a gzip archive"));
        assert_eq!(magic(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some("a JPEG image"));
        assert_eq!(magic(b"RIFF\0\0\0\0WEBPVP8 "), Some("a RIFF media file"));
        assert_eq!(magic(b"\0\0\0\x18ftypmp42"), Some("an MP4 media file"));
        assert_eq!(magic(b"GIF89a\x01\0"), Some("a GIF image"));
    }

    #[test]
    fn text_has_no_magic() {
        assert_eq!(magic(b"PKK and the peace talks"), None);
        assert_eq!(magic(b"BZh, the broadcaster, said"), None);
        assert_eq!(magic(b"ID3 is a tag format"), None);
        assert_eq!(magic(b"RIFF"), None);
        assert_eq!(magic(b""), None);
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Plain words, in a row.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Plain words, in a row.\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_without_bom(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(encoding_rs::UTF_16BE));
    }

    #[test]
    fn binary_nuls_are_not_utf16() {
        assert_eq!(utf16_without_bom(b"\x01\0\x02\0\x03\0\x04\0"), None);
        assert_eq!(utf16_without_bom(&[0u8; 64]), None);
        assert_eq!(utf16_without_bom(b"ab\0"), None);
    }
}
