//! Feeds, saved web pages and Markdown front matter: any bytes parsed by each of the new
//! input parsers and loaded as a `.rss`, `.html`, `.md` and JSON Feed file. Nothing may
//! panic; every loaded article has a non-empty body within the article size limit, and
//! ids are unique.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{
    Format, MAX_ARTICLE_BYTES, html_to_text, is_json_feed, load_bytes, parse_feed,
    parse_front_matter, parse_page,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_feed(data);
    let _ = parse_page(&text);
    let _ = parse_front_matter(&text);
    let _ = is_json_feed(&text);
    let plain = html_to_text(&text);
    assert!(
        !plain.contains("\n\n\n"),
        "paragraphs are separated by one blank line"
    );
    for (name, format) in [
        ("f.rss", Format::Feed),
        ("f.html", Format::Html),
        ("f.md", Format::Markdown),
        ("f.json", Format::Json),
    ] {
        let loaded = load_bytes(Path::new(name), data, format);
        let mut ids: Vec<&str> = Vec::new();
        for a in &loaded.corpus.articles {
            assert!(!a.body.trim().is_empty(), "{name}: empty body");
            assert!(
                a.body.len() <= MAX_ARTICLE_BYTES,
                "{name}: body over the limit"
            );
            ids.push(&a.id);
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: ids are not unique");
    }
});
