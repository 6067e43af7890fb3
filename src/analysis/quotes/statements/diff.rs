//! How one wording of a statement carries the longest one: the same words, a run of them,
//! or reworded, with the words it changes (a longest common subsequence of the words,
//! bounded so that a long statement costs no more than a short one).

use super::Carried;
use super::units::Unit;
use crate::analysis::Span;

/// Longest wording compared word by word; beyond it the rest counts as changed.
const MAX_WORDS: usize = 400;

/// How `unit` carries `reference`, and the byte ranges of `unit`'s words that `reference`
/// does not have in order.
pub fn carried(unit: &Unit, reference: &Unit) -> (Carried, Vec<Span>) {
    let a: Vec<u64> = unit.words.iter().map(|w| w.0).collect();
    let b: Vec<u64> = reference.words.iter().map(|w| w.0).collect();
    if a == b {
        return (Carried::Verbatim, Vec::new());
    }
    if is_run_of(&a, &b) {
        return (Carried::Partial, Vec::new());
    }
    let kept = common(&a, &b);
    let changed = unit
        .words
        .iter()
        .zip(kept)
        .filter(|(_, k)| !k)
        .map(|(w, _)| w.1.clone())
        .collect();
    (Carried::Reworded, changed)
}

/// True when `a` stands in `b` as a contiguous run.
fn is_run_of(a: &[u64], b: &[u64]) -> bool {
    !a.is_empty() && a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
}

/// For each word of `a`, whether it is in a longest common subsequence with `b`.
fn common(a: &[u64], b: &[u64]) -> Vec<bool> {
    let (n, m) = (a.len().min(MAX_WORDS), b.len().min(MAX_WORDS));
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut kept = vec![false; a.len()];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            kept[i] = true;
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}
