//! Article parsing and metadata: any bytes, read as a plain-text file through the whole
//! loader (decoding, metadata, ids, years), and as the fields of a structured record.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Format, load_bytes};
use parallax::metadata::{RecordFields, parse_plain, parse_record};

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes(Path::new("fuzz.txt"), data, Format::Text);
    for a in &loaded.corpus.articles {
        assert!(!a.body.trim().is_empty(), "an empty body was kept");
        assert!(!a.id.chars().any(char::is_control), "id {:?}", a.id);
    }
    let text = String::from_utf8_lossy(data);
    let _ = parse_plain(&text);
    // The record's fields, separated by U+001F (unit separator): title, source, date, url, body.
    let mut parts = text.splitn(5, '\u{1f}').map(str::to_string);
    let rec = RecordFields {
        title: parts.next(),
        source: parts.next(),
        date: parts.next(),
        url: parts.next(),
        body: parts.next().unwrap_or_default(),
    };
    let _ = parse_record(&rec);
});
