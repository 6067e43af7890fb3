//! The decoder: any bytes, alone and behind each byte order mark or charset declaration,
//! then loaded as a text file, a saved page (plain and gzip-compressed) and a feed.
//! Nothing may panic; decoded text is never blank; what loads has a non-empty body.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Format, MAX_ATTRIBUTES, decode, limit_attributes, load_bytes};

const PREFIXES: &[&[u8]] = &[
    b"",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xFF\xFE\0\0",
    b"\0\0\xFE\xFF",
    b"<meta charset=utf-8>",
    b"<meta charset=windows-1251>",
    b"<?xml version=\"1.0\" encoding=\"shift_jis\"?>",
    b"\x1F\x8B",
];

fuzz_target!(|data: &[u8]| {
    let (choice, data) = match data.split_first() {
        Some((c, rest)) => (usize::from(*c) % PREFIXES.len(), rest),
        None => (0, data),
    };
    let mut bytes = PREFIXES[choice].to_vec();
    bytes.extend_from_slice(data);
    if let Ok(d) = decode(&bytes) {
        assert!(!d.text.trim().is_empty(), "decoded text is never blank");
        assert!(!d.encoding.is_empty());
        let limited = limit_attributes(&d.text, MAX_ATTRIBUTES);
        assert!(limited.len() <= d.text.len());
    }
    for (name, format) in [
        ("f.txt", Format::Text),
        ("f.html", Format::Html),
        ("f.html.gz", Format::Html),
        ("f.rss", Format::Feed),
    ] {
        let loaded = load_bytes(Path::new(name), &bytes, format);
        for a in &loaded.corpus.articles {
            assert!(!a.body.trim().is_empty(), "{name}: empty body");
            assert!(a.meta.encoding.is_some(), "{name}: no encoding");
        }
    }
});
