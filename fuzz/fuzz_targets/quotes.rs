//! Quotation-mark pairing and attribution: `pair_marks` on the whole input, then up to three
//! arbitrary bodies (split at 0xFF bytes) through `find_all` and the statements across
//! them; every quote, speaker mention, speech verb, clause and changed word must lie on char
//! boundaries inside its body, a quote's inner span inside its outer one, and a fragment
//! must name a statement at or before it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::{entities, quotes};
use parallax::corpus::{Article, Corpus, Metadata};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for p in quotes::pairing::pair_marks(&text) {
        for s in [&p.inner, &p.outer] {
            assert!(s.start <= s.end && s.end <= text.len(), "{p:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert!(
            p.outer.start <= p.inner.start && p.inner.end <= p.outer.end,
            "{p:?}"
        );
    }
    let articles: Vec<Article> = data
        .split(|&b| b == 0xFF)
        .take(3)
        .enumerate()
        .map(|(i, b)| {
            let body = String::from_utf8_lossy(b).into_owned();
            Article::new(
                format!("a{i}"),
                format!("a{i}.txt"),
                Metadata::default(),
                body,
            )
        })
        .collect();
    let corpus = Corpus {
        name: "fuzz".into(),
        articles,
    };
    let index = entities::extract(&corpus);
    let found = quotes::find_all(&corpus, &index);
    assert_eq!(found.len(), corpus.len());
    for (a, qs) in corpus.articles.iter().zip(&found) {
        let body = a.body.as_str();
        for q in qs {
            for s in [&q.inner, &q.outer] {
                assert!(s.start <= s.end && s.end <= body.len(), "{q:?}");
                assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            }
            assert!(
                q.outer.start <= q.inner.start && q.inner.end <= q.outer.end,
                "{q:?}"
            );
            if let Some(e) = q.speaker_entity {
                assert!(e < index.entities.len());
            }
            for s in [&q.mention, &q.cue, &q.clause].into_iter().flatten() {
                assert!(s.start <= s.end && s.end <= body.len(), "{q:?}");
                assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            }
        }
        for (k, q) in qs.iter().enumerate() {
            assert!(q.statement <= k, "{q:?}");
        }
    }
    for s in quotes::statements::find(&corpus, &found) {
        assert!(s.longest < s.occurrences.len() && s.first < s.occurrences.len());
        for o in &s.occurrences {
            let body = corpus.articles[o.article].body.as_str();
            for r in o.spans.iter().chain(&o.changed) {
                assert!(r.start <= r.end && r.end <= body.len(), "{o:?}");
                assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
            }
        }
    }
});
