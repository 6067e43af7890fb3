//! Shared-passage alignment of two arbitrary texts (split at the first 0xFF byte): every
//! aligned span and word diff lies on char boundaries inside its text, and the corpus-wide
//! passage finder holds the same for the two as a corpus.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::{Config, Span, analyse, passages};
use parallax::corpus::{Article, Corpus, Metadata};

fn check(text: &str, span: &Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let config = Config::default();
    for s in passages::compare(&a, &b, &config) {
        check(&a, &s.a);
        check(&b, &s.b);
        for c in &s.a_changed {
            check(&a, c);
            assert!(
                s.a.start <= c.start && c.end <= s.a.end,
                "{c:?} outside {:?}",
                s.a
            );
        }
        for c in &s.b_changed {
            check(&b, c);
            assert!(
                s.b.start <= c.start && c.end <= s.b.end,
                "{c:?} outside {:?}",
                s.b
            );
        }
        assert!((0.0..=1.0).contains(&s.similarity), "{}", s.similarity);
    }
    let articles = [a, b]
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            Article::new(
                format!("a{i}"),
                String::new(),
                Metadata::default(),
                t.into(),
            )
        })
        .collect();
    let corpus = Corpus {
        name: "fuzz".into(),
        articles,
    };
    let analysis = analyse(&corpus, &config);
    for p in &analysis.passages.passages {
        for o in &p.occurrences {
            check(&corpus.articles[o.article].body, &o.span);
        }
    }
});
