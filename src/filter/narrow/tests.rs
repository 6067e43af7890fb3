use std::collections::BTreeSet;

use super::*;
use crate::analysis::entities::EntityIndex;
use crate::filter::testing::{self, Rng};
use crate::filter::{parse, rank};

fn n(old: &str, new: &str) -> bool {
    narrows(&parse(old), &parse(new))
}

#[test]
fn typing_usually_narrows() {
    for (old, new) in [
        ("", "p"),
        ("p", "pu"),
        ("pu", "put"),
        ("put", "put "),
        ("put ", "put v"),
        ("'pu", "'put"),
        ("^pu", "^put"),
        ("pu", "pu$"),
        ("^pu", "^pu$"),
        ("tin", "tin$"),
        ("person:", "person:z"),
        ("person:za", "person:zak"),
        ("!mo", "!mo p"),
        ("!", "!m"),
        ("'", "'p"),
        ("pu", "'pu"),
        ("ptn", "'putin"),
    ] {
        assert!(n(old, new), "{old:?} -> {new:?}");
    }
}

#[test]
fn what_may_widen_does_not() {
    for (old, new) in [
        ("put", "pu"),
        ("!m", "!mo"),
        ("person", "person:"),
        ("person:", "person: org:"),
        ("!place:", "!place:x"),
        ("'put", "'pu$"),
        ("^pu", "pu"),
        ("pu$", "pu"),
        ("'put", "putn"),
        ("a b", "a"),
    ] {
        assert!(!n(old, new), "{old:?} -> {new:?}");
    }
}

/// The entities `query` matches, by index.
fn matched(ix: &EntityIndex, query: &str) -> BTreeSet<usize> {
    rank(ix, query).into_iter().map(|m| m.entity).collect()
}

/// The rule holds on real matching: whenever `narrows` says so, the new query's matches are
/// among the old one's (over random queries, and over every keystroke of typing them).
#[test]
fn a_narrowing_query_matches_a_subset() {
    let ix = testing::index(600, 7);
    let mut rng = Rng::new(11);
    let mut narrowing = 0;
    for _ in 0..80 {
        let typed = testing::query(&mut rng);
        let other = testing::query(&mut rng);
        let cuts: Vec<usize> = typed.char_indices().map(|(i, _)| i).collect();
        let mut pairs: Vec<(&str, &str)> = cuts
            .windows(2)
            .map(|w| (&typed[..w[0]], &typed[..w[1]]))
            .collect();
        pairs.push((&other, &typed));
        pairs.push((&typed, &other));
        for (old, new) in pairs {
            if n(old, new) {
                narrowing += 1;
                let (o, w) = (matched(&ix, old), matched(&ix, new));
                assert!(
                    w.is_subset(&o),
                    "{old:?} -> {new:?}: {:?}",
                    w.difference(&o).collect::<Vec<_>>()
                );
            }
        }
    }
    assert!(
        narrowing > 150,
        "only {narrowing} narrowing pairs were tried"
    );
}
