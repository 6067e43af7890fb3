//! Pieces of a sentence reworded in its middle: a short exact run (under
//! [`MIN_WORDS`](super::align::MIN_WORDS) words, so not a span of its own) that continues an
//! accepted span of the same article pair across a small gap, on nearly the same diagonal,
//! is joined to it ("…at Redhaven United, the club said on Tuesday, after rejecting two bids
//! from German side Rheinhafen 04" / "…at Redhaven United in July, after the club rejected
//! two bids from German side Rheinhafen 04").
//!
//! Chance 4-grams of two articles fall on unrelated diagonals; a run that follows (or
//! precedes) a long shared span within [`GAP`] tokens on both sides, the two gaps differing
//! by at most [`BAND`] tokens, is the rest of the same sentence. The pair's seeds are looked
//! at again only when it has a long span, and each only against the long spans.

use super::align::MIN_WORDS;
use super::extend::{Alignment, BAND, Op, exact_run};
use super::index::N;
use super::tokens::{Doc, is_content};

/// Most tokens between a long span and a piece it takes in, on either side.
pub const GAP: usize = 12;

/// The gap from `p` to `q` when `q` lies after `p` within [`GAP`] tokens.
fn after(p: &std::ops::Range<usize>, q: &std::ops::Range<usize>) -> Option<usize> {
    (q.start >= p.end && q.start - p.end <= GAP).then(|| q.start - p.end)
}

/// Joins to the long spans of `kept` the exact runs at the pair's `seeds` that continue
/// them across a small gap. The seeds are sorted by their place in `a` once, and each long
/// span looks only at those within [`GAP`] tokens of its ends: linear in the pair's seeds
/// and spans, even for two long, near-identical articles.
pub fn bridge(
    a: &Doc,
    b: &Doc,
    kept: &mut [Alignment],
    seeds: impl IntoIterator<Item = (usize, usize)>,
) {
    if !kept.iter().any(|k| k.matches() >= MIN_WORDS) {
        return;
    }
    let mut by_a: Vec<(usize, usize)> = seeds.into_iter().collect();
    by_a.sort_unstable();
    for k in kept.iter_mut().filter(|k| k.matches() >= MIN_WORDS) {
        while let Some(run) = piece(a, b, k, &by_a) {
            join(k, run);
        }
    }
}

/// The first short exact run of content, at one of `seeds` (sorted), that continues `k`
/// (after or before it) and is not yet part of it.
fn piece(a: &Doc, b: &Doc, k: &Alignment, seeds: &[(usize, usize)]) -> Option<Alignment> {
    let windows = [
        (k.a.end, k.a.end + GAP),
        (
            k.a.start.saturating_sub(GAP + N),
            k.a.start.saturating_sub(N),
        ),
    ];
    for (lo, hi) in windows {
        let from = seeds.partition_point(|s| s.0 < lo);
        for &(ia, ib) in seeds[from..].iter().take_while(|s| s.0 <= hi) {
            let (ra, rb) = (ia..ia + N, ib..ib + N);
            if !(continues(k, &ra, &rb) || precedes(k, &ra, &rb)) {
                continue;
            }
            let run = exact_run(a, b, ia, ib, N);
            let disjoint = run.a.start >= k.a.end && run.b.start >= k.b.end
                || run.a.end <= k.a.start && run.b.end <= k.b.start;
            let content = (run.a.start..run.a.end)
                .zip(run.b.start..run.b.end)
                .any(|(i, j)| is_content(a.flags[i]) && is_content(b.flags[j]));
            // a run of MIN_WORDS or more is a span of its own, not a piece
            if disjoint && content && run.ops.len() < MIN_WORDS {
                return Some(run);
            }
        }
    }
    None
}

/// True when a run at `ra`/`rb` follows `k` within the gap on both sides, gaps alike.
fn continues(k: &Alignment, ra: &std::ops::Range<usize>, rb: &std::ops::Range<usize>) -> bool {
    match (after(&k.a, ra), after(&k.b, rb)) {
        (Some(ga), Some(gb)) => ga.abs_diff(gb) <= BAND,
        _ => false,
    }
}

/// True when a run at `ra`/`rb` comes before `k` within the gap on both sides, gaps alike.
fn precedes(k: &Alignment, ra: &std::ops::Range<usize>, rb: &std::ops::Range<usize>) -> bool {
    match (after(ra, &k.a), after(rb, &k.b)) {
        (Some(ga), Some(gb)) => ga.abs_diff(gb) <= BAND,
        _ => false,
    }
}

/// Joins `run` (disjoint from `k`, after or before it on both sides) to `k`.
fn join(k: &mut Alignment, mut run: Alignment) {
    let gap_ops = |ga: usize, gb: usize| {
        let mut ops = vec![Op::Sub; ga.min(gb)];
        ops.extend(std::iter::repeat_n(Op::DelA, ga.saturating_sub(gb)));
        ops.extend(std::iter::repeat_n(Op::InsB, gb.saturating_sub(ga)));
        ops
    };
    if run.a.start >= k.a.end && run.b.start >= k.b.end {
        k.ops
            .extend(gap_ops(run.a.start - k.a.end, run.b.start - k.b.end));
        k.ops.append(&mut run.ops);
        k.a.end = run.a.end;
        k.b.end = run.b.end;
    } else if run.a.end <= k.a.start && run.b.end <= k.b.start {
        let mut ops = run.ops;
        ops.extend(gap_ops(k.a.start - run.a.end, k.b.start - run.b.end));
        let shift = ops.len();
        ops.append(&mut k.ops);
        k.seed = k.seed.start + shift..k.seed.end + shift;
        k.ops = ops;
        k.a.start = run.a.start;
        k.b.start = run.b.start;
    }
}

#[cfg(test)]
mod tests {
    use super::super::compare;
    use crate::analysis::Config;

    #[test]
    fn a_sentence_reworded_in_its_middle_is_one_span() {
        let a = "Other news came first. Croatia striker Ivan Peric has handed in a written \
                 transfer request at Redhaven United, the club said on Tuesday, after \
                 rejecting two bids from German side Rheinhafen 04. Fans were angry.";
        let b = "The window shut on Friday. Croatia striker Ivan Peric handed in a written \
                 transfer request at Redhaven United in July, after the club rejected two \
                 bids from German side Rheinhafen 04. He has now signed.";
        let spans = compare(a, b, &Config::default());
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert!(
            a[spans[0].a.clone()].ends_with("Rheinhafen 04"),
            "{spans:?}"
        );
        assert!(
            b[spans[0].b.clone()].starts_with("Croatia striker"),
            "{spans:?}"
        );
    }

    #[test]
    fn a_chance_run_far_off_the_diagonal_is_not_joined() {
        let a = "Croatia striker Ivan Peric has handed in a written transfer request at \
                 Redhaven United. Much later in a long piece about something else entirely, \
                 two bids from German side Rheinhafen 04 were recalled.";
        let b = "Two bids from German side Rheinhafen 04 came first. Croatia striker Ivan \
                 Peric handed in a written transfer request at Redhaven United.";
        let spans = compare(a, b, &Config::default());
        assert!(
            spans.iter().all(|s| !a[s.a.clone()].contains("Rheinhafen")),
            "{spans:?}"
        );
    }
}
