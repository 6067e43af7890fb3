//! Entity extraction: up to four arbitrary bodies (split at 0xFF bytes, which UTF-8 never
//! holds); every mention must be a span on char boundaries inside its body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::entities::{Field, extract_bodies};

fuzz_target!(|data: &[u8]| {
    let bodies: Vec<String> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let index = extract_bodies(&refs);
    for e in &index.entities {
        assert!(!e.mentions.is_empty(), "{} has no mention", e.name);
        for m in &e.mentions {
            assert_eq!(m.field, Field::Body);
            let body = refs[m.article];
            assert!(
                m.span.start < m.span.end && m.span.end <= body.len(),
                "{m:?}"
            );
            assert!(body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
        }
    }
});
