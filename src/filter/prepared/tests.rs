use super::*;
use crate::filter::testing::{self, Rng};
use crate::filter::{parse, rank};

/// Queries of every kind: fuzzy, several terms, negation, exact, prefix, suffix, whole
/// name, kind qualifiers (alone, before a term, negated), odd input.
const QUERIES: &[&str] = &[
    "p",
    "a",
    "ka",
    "mar",
    "zakh",
    "ka mo",
    "!ma",
    "ka !o",
    "'ar",
    "^ma",
    "na$",
    "^mar$",
    "person:",
    "person:ka",
    "org: pla",
    "!place: e",
    "!place:e",
    "!^k",
    "'",
    "é",
    "пу",
    "k. ",
    "-",
    "qqq",
];

/// Ranks as the reader does: the prepared index, then positions filled in for all rows.
fn fast(p: &Prepared, query: &str, previous: Option<(&Query, &[EntityMatch])>) -> Vec<EntityMatch> {
    let q = parse(query);
    let mut out = rerank(p, &q, previous);
    p.positions(&q, &mut out);
    out
}

#[test]
fn the_prepared_index_ranks_as_rank_does() {
    let ix = testing::index(3000, 1);
    let p = Prepared::new(&ix);
    assert_eq!(p.len(), 3000);
    let mut rng = Rng::new(5);
    let random: Vec<String> = (0..60).map(|_| testing::query(&mut rng)).collect();
    for q in QUERIES
        .iter()
        .copied()
        .chain(random.iter().map(String::as_str))
    {
        assert_eq!(fast(&p, q, None), rank(&ix, q), "{q:?}");
    }
}

/// Typing each query a char at a time, each ranking narrowed from the previous one where
/// the rule allows, gives `rank`'s result at every keystroke (and so does deleting).
#[test]
fn typing_and_deleting_rank_as_rank_does() {
    let ix = testing::index(2000, 3);
    let p = Prepared::new(&ix);
    let mut rng = Rng::new(9);
    let random: Vec<String> = (0..40).map(|_| testing::query(&mut rng)).collect();
    for typed in QUERIES
        .iter()
        .copied()
        .chain(random.iter().map(String::as_str))
    {
        let cuts: Vec<usize> = typed
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([typed.len()])
            .collect();
        let steps = cuts.iter().chain(cuts.iter().rev().skip(1));
        let mut previous: Option<(Query, Vec<EntityMatch>)> = None;
        for &cut in steps {
            let q = &typed[..cut];
            let prev = previous.as_ref().map(|(o, m)| (o, m.as_slice()));
            let got = fast(&p, q, prev);
            assert_eq!(got, rank(&ix, q), "{q:?} typing {typed:?}");
            previous = Some((parse(q), got));
        }
    }
}

#[test]
fn positions_only_where_asked() {
    let ix = testing::index(500, 2);
    let p = Prepared::new(&ix);
    let q = parse("ka");
    let mut ranked = p.rank(&q);
    assert!(ranked.len() > 10);
    assert!(ranked.iter().all(|m| m.positions.is_empty()));
    p.positions(&q, &mut ranked[..3]);
    assert!(ranked[..3].iter().all(|m| !m.positions.is_empty()));
    assert!(ranked[3..].iter().all(|m| m.positions.is_empty()));
}

#[test]
fn stale_candidates_are_skipped() {
    let p = Prepared::new(&testing::index(10, 4));
    assert!(p.rank_among(&parse("a"), [10, 99, usize::MAX]).is_empty());
    let mut stale = vec![EntityMatch {
        entity: 99,
        score: 0,
        alias: Some(7),
        positions: Vec::new(),
    }];
    p.positions(&parse("a"), &mut stale);
    assert!(stale[0].positions.is_empty());
    assert!(Prepared::default().rank(&parse("a")).is_empty());
}
