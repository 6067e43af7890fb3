//! Tests of the comparison of two texts ([`compare()`]): the spans and word changes
//! it reports, its symmetry, and a planted passage found whatever surrounds it.

use proptest::prelude::*;

use super::tests::{WORDS, corpus, filler, run};
use super::*;

#[test]
fn compare_reports_spans_and_word_diff() {
    let a = format!(
        "{} The committee approved the new harbour budget after a long night of talks with the unions. {}",
        filler(1, 20),
        filler(2, 20)
    );
    let b = format!(
        "{} The committee passed the new harbour budget after a long night of talks with the unions. {}",
        filler(3, 20),
        filler(4, 20)
    );
    let spans = compare(&a, &b, &Config::default());
    assert_eq!(spans.len(), 1);
    let s = &spans[0];
    assert_eq!(s.label, Label::NearVerbatim);
    assert_eq!(
        s.a_changed
            .iter()
            .map(|r| &a[r.clone()])
            .collect::<Vec<_>>(),
        ["approved"]
    );
    assert_eq!(
        s.b_changed
            .iter()
            .map(|r| &b[r.clone()])
            .collect::<Vec<_>>(),
        ["passed"]
    );
}

fn random_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(WORDS).prop_map(str::to_string),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("“".to_string()),
            Just("’s".to_string()),
            Just("é".to_string()),
            Just("\n\n".to_string()),
            Just("—".to_string()),
            "[a-zа-я]{1,8}",
        ],
        0..80,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn compare_is_symmetric(a in random_text(), b in random_text(), n in 0usize..20) {
        let planted = filler(n as u64, 12);
        let a = format!("{a} {planted} {a}");
        let b = format!("{b} {planted}");
        let ab = compare(&a, &b, &Config::default());
        let ba = compare(&b, &a, &Config::default());
        let mut mirrored: Vec<(Span, Span)> = ba.iter().map(|s| (s.b.clone(), s.a.clone())).collect();
        mirrored.sort_by_key(|(x, _)| (x.start, x.end));
        let mut direct: Vec<(Span, Span)> = ab.iter().map(|s| (s.a.clone(), s.b.clone())).collect();
        // Spans of `a` may share a start (the planted text is in `a` twice): both sides
        // are compared in one order.
        direct.sort_by_key(|(x, _)| (x.start, x.end));
        prop_assert_eq!(direct, mirrored);
    }

    #[test]
    fn a_planted_passage_is_always_found(a in random_text(), b in random_text(), n in 0usize..50) {
        let planted = filler(1000 + n as u64, 14);
        let planted = planted.trim();
        let a = format!("{a}. {planted}. {a}");
        let b = format!("{b}. {planted}");
        let spans = compare(&a, &b, &Config::default());
        prop_assert!(spans.iter().any(|s| a[s.a.clone()].contains(planted.trim_end_matches('.'))
            || planted.contains(&a[s.a.clone()])), "{:?}", spans);
        for s in &spans {
            prop_assert!(a.is_char_boundary(s.a.start) && a.is_char_boundary(s.a.end));
            prop_assert!(b.is_char_boundary(s.b.start) && b.is_char_boundary(s.b.end));
        }
        let c = corpus(vec![("A", a.clone()), ("B", b.clone())]);
        let p = run(&c, &Config::default());
        prop_assert!(!p.passages.is_empty());
        for o in p.passages.iter().flat_map(|p| &p.occurrences) {
            let body = &c.articles[o.article].body;
            prop_assert!(body.is_char_boundary(o.span.start) && body.is_char_boundary(o.span.end));
        }
    }
}

#[test]
fn pieces_of_a_reworded_clause_are_chained_into_one_span() {
    let a = "He said the majority of hacker attacks in the world, on the contrary, are carried out from the United States.";
    let b = "Putin charged that “most of the cyberattacks in the world are carried out from the cyber realm of the United States,” he said.";
    let spans = compare(a, b, &Config::default());
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(
        &a[spans[0].a.clone()],
        "in the world, on the contrary, are carried out from the"
    );
    assert_eq!(
        &b[spans[0].b.clone()],
        "in the world are carried out from the"
    );
}
