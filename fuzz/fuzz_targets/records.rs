//! JSON and JSON Lines input: any bytes, parsed as records and loaded as a `.json` and a
//! `.jsonl` file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Format, load_bytes, parse_records};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count();
    for format in [Format::Json, Format::JsonLines] {
        for rec in parse_records(&text, format) {
            let line = match rec {
                Ok(r) => r.line,
                Err((line, _)) => line,
            };
            if let (Some(n), Format::JsonLines) = (line, format) {
                assert!((1..=lines).contains(&n), "line {n} of {lines}");
            }
        }
        let name = if format == Format::Json {
            "f.json"
        } else {
            "f.jsonl"
        };
        let loaded = load_bytes(Path::new(name), data, format);
        let mut ids: Vec<&str> = loaded
            .corpus
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "ids are not unique");
    }
});
