//! Properties over generated input (proptest): every span parallax reports lies on char
//! boundaries inside its text; `compare(A, B)` mirrors `compare(B, A)`; a passage planted
//! into two random texts is found; loading arbitrary bytes never panics.

use std::path::Path;

use parallax::analysis::entities::{Field, Mention};
use parallax::analysis::passages::{AlignedSpan, compare};
use parallax::analysis::{Config, Span, analyse};
use parallax::corpus::{Article, Corpus, Format, load_bytes};
use proptest::prelude::*;

/// Pieces of messy article text: names, outlets, dates, quotation marks of every
/// convention, line endings, non-ASCII letters, control and invisible characters.
const PIECES: &[&str] = &[
    "Vladimir Putin",
    "Maria Zakharova",
    "Moscow",
    "Washington",
    "the United Nations",
    "Reuters",
    "MOSCOW, Nov 21 (Reuters) -",
    "Source: BBC",
    "Published: 2026-11-21",
    "said",
    "told reporters",
    "according to",
    "the minister",
    "on Tuesday",
    "talks",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    "—",
    "–",
    ",",
    ".",
    ":",
    "?",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\u{feff}",
    "\u{200b}",
    "\u{1b}[2J",
    "é",
    "Łódź",
    "Ærø",
    "日本",
    "İstanbul",
    "ß",
    "👍🏽",
    "e\u{301}",
    "#tags",
    "https://x.org/a",
];

fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => "[A-Z][a-z]{1,8}",
        3 => "[a-z]{1,9}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|p| p.join(" "))
}

/// Articles loaded from texts through the whole loader, gathered into one corpus.
fn corpus_of(texts: &[String]) -> Corpus {
    let articles: Vec<Article> = texts
        .iter()
        .flat_map(|t| {
            load_bytes(Path::new("p.txt"), t.as_bytes(), Format::Text)
                .corpus
                .articles
        })
        .collect();
    Corpus {
        name: "properties".into(),
        articles,
    }
}

fn assert_span_in(text: &str, span: &Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries of {text:?}"
    );
}

/// The text a mention's span refers to.
fn mention_text(a: &Article, m: &Mention) -> String {
    match m.field {
        Field::Body => a.body.clone(),
        Field::Title => a.meta.title.clone(),
        Field::Subtitle => a.meta.subtitle.clone().unwrap_or_default(),
        Field::Source => a.meta.source.clone().unwrap_or_default(),
        Field::Dateline => format!("{},", a.meta.dateline.clone().unwrap_or_default()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_span_lies_on_char_boundaries_inside_its_text(
        texts in prop::collection::vec(messy_text(), 1..4)
    ) {
        let corpus = corpus_of(&texts);
        let analysis = analyse(&corpus, &Config::default());
        for e in &analysis.entities.entities {
            for m in &e.mentions {
                let text = mention_text(&corpus.articles[m.article], m);
                assert_span_in(&text, &m.span, &format!("mention of {}", e.name));
            }
        }
        for (a, quotes) in corpus.articles.iter().zip(&analysis.quotes) {
            for q in quotes {
                assert_span_in(&a.body, &q.outer, "quote");
                assert_span_in(&a.body, &q.inner, "quote inner");
                prop_assert!(q.outer.start <= q.inner.start && q.inner.end <= q.outer.end);
            }
        }
        for p in &analysis.passages.passages {
            for o in &p.occurrences {
                assert_span_in(&corpus.articles[o.article].body, &o.span, "occurrence");
            }
        }
    }

    #[test]
    fn compare_a_b_mirrors_compare_b_a(a in messy_text(), b in messy_text()) {
        assert_mirrors(&a, &b)?;
    }

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for format in [Format::Text, Format::Json, Format::JsonLines] {
            let loaded = load_bytes(Path::new("any.txt"), &bytes, format);
            for a in &loaded.corpus.articles {
                prop_assert!(!a.body.trim().is_empty());
                prop_assert!(!a.id.chars().any(char::is_control));
            }
        }
    }

    #[test]
    fn loading_messy_text_never_panics(text in messy_text(), bom in any::<bool>()) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        let loaded = load_bytes(Path::new("messy.txt"), &bytes, Format::Text);
        for a in &loaded.corpus.articles {
            prop_assert!(!a.body.contains(['\r', '\u{feff}', '\u{1b}']), "{:?}", a.body);
        }
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let _ = load_bytes(Path::new("messy.txt"), &utf16, Format::Text);
        let record = serde_json::json!({ "title": text, "body": text, "date": text }).to_string();
        let _ = load_bytes(Path::new("messy.jsonl"), record.as_bytes(), Format::JsonLines);
    }
}

/// `compare(a, b)` and `compare(b, a)` give the same spans, seen from either side.
fn assert_mirrors(a: &str, b: &str) -> Result<(), TestCaseError> {
    let config = Config::default();
    let mut ab = compare(a, b, &config);
    let mut ba: Vec<AlignedSpan> = compare(b, a, &config)
        .into_iter()
        .map(AlignedSpan::swapped)
        .collect();
    for s in &ab {
        assert_span_in(a, &s.a, "aligned a");
        assert_span_in(b, &s.b, "aligned b");
        for c in &s.a_changed {
            assert_span_in(a, c, "changed in a");
        }
        for c in &s.b_changed {
            assert_span_in(b, c, "changed in b");
        }
    }
    let key = |s: &AlignedSpan| (s.a.start, s.b.start, s.a.end, s.b.end);
    ab.sort_by_key(key);
    ba.sort_by_key(key);
    prop_assert_eq!(ab.len(), ba.len(), "{:?}\n{:?}", ab, ba);
    for (x, y) in ab.iter().zip(&ba) {
        prop_assert_eq!((&x.a, &x.b, x.label), (&y.a, &y.b, y.label));
        prop_assert_eq!((&x.a_changed, &x.b_changed), (&y.a_changed, &y.b_changed));
        prop_assert!((x.similarity - y.similarity).abs() < 1e-6);
    }
    Ok(())
}

/// Random filler: sentences of random lower-case words (which no two texts share by chance).
fn filler() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z]{3,9}", 20..200)
}

/// A passage of 12 to 40 words, in the style of a news sentence.
fn passage() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{2,10}", 12..40).prop_map(|w| {
        let mut s = w.join(" ");
        s.replace_range(0..1, &s[0..1].to_uppercase());
        s.push('.');
        s
    })
}

/// `filler` with `passage` planted after word `at` (clamped); returns the text and the
/// byte range of the passage.
fn plant(filler: &[String], passage: &str, at: usize) -> (String, Span) {
    let at = at.min(filler.len());
    let mut text = filler[..at].join(" ");
    if !text.is_empty() {
        text.push_str(". ");
    }
    let start = text.len();
    text.push_str(passage);
    let end = text.len();
    for w in &filler[at..] {
        text.push(' ');
        text.push_str(w);
    }
    (text, start..end)
}

/// How much of `planted` the span `found` covers, 0..=1.
fn coverage(found: &Span, planted: &Span) -> f64 {
    let overlap = found
        .end
        .min(planted.end)
        .saturating_sub(found.start.max(planted.start));
    overlap as f64 / planted.len() as f64
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_planted_passage_is_always_found(
        fa in filler(), fb in filler(), p in passage(), at_a in 0usize..200, at_b in 0usize..200
    ) {
        let (a, pa) = plant(&fa, &p, at_a);
        let (b, pb) = plant(&fb, &p, at_b);
        let aligned = compare(&a, &b, &Config::default());
        prop_assert!(
            aligned.iter().any(|s| coverage(&s.a, &pa) > 0.9 && coverage(&s.b, &pb) > 0.9),
            "compare missed {:?} in {:?}", p, aligned
        );
        let corpus = Corpus::from_bodies([a, b]);
        let analysis = analyse(&corpus, &Config::default());
        let found = analysis.passages.passages.iter().any(|passage| {
            let hit = |i: usize, planted: &Span| passage.occurrences.iter()
                .any(|o| o.article == i && coverage(&o.span, planted) > 0.9);
            hit(0, &pa) && hit(1, &pb)
        });
        prop_assert!(found, "passages::find missed {:?}", p);
    }

    #[test]
    fn compare_mirrors_on_texts_that_share_a_reworded_passage(
        fa in filler(), fb in filler(), p in passage(), at_a in 0usize..200, at_b in 0usize..200,
        drop in 1usize..10, messy in messy_text()
    ) {
        let (a, _) = plant(&fa, &p, at_a);
        // b carries the passage with one word left out, and messy text after it
        let mut words: Vec<&str> = p.split(' ').collect();
        words.remove(drop.min(words.len() - 1));
        let (b, _) = plant(&fb, &words.join(" "), at_b);
        assert_mirrors(&a, &format!("{b}\n\n{messy}"))?;
    }
}
