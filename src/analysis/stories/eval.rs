//! Scoring a grouping against gold stories: B-cubed precision, recall and F1 (per item,
//! the share of its found group that is gold-alike, and of its gold group that was found
//! with it), pairwise F1 (over all item pairs put together) and the adjusted Rand index.
//! Both groupings are given as one label per item.

use rustc_hash::FxHashMap;

/// Scores of one grouping.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
    pub pairwise_precision: f64,
    pub pairwise_recall: f64,
    pub pairwise_f1: f64,
    pub ari: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn pairs(n: u64) -> f64 {
    (n * n.saturating_sub(1) / 2) as f64
}

/// Scores `found` against `gold` (labels of the same items, in the same order).
pub fn score<A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(found: &[A], gold: &[B]) -> Scores {
    let n = found.len().min(gold.len());
    if n == 0 {
        return Scores::default();
    }
    let mut cells: FxHashMap<(&A, &B), u64> = FxHashMap::default();
    let mut rows: FxHashMap<&A, u64> = FxHashMap::default();
    let mut cols: FxHashMap<&B, u64> = FxHashMap::default();
    for (f, g) in found.iter().zip(gold).take(n) {
        *cells.entry((f, g)).or_default() += 1;
        *rows.entry(f).or_default() += 1;
        *cols.entry(g).or_default() += 1;
    }
    // B-cubed: an item in cell (f, g) has precision |cell| / |f| and recall |cell| / |g|
    let (mut p, mut r) = (0.0, 0.0);
    for (&(f, g), &c) in &cells {
        let c = c as f64;
        p += c * c / rows[f] as f64;
        r += c * c / cols[g] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let same_both: f64 = cells.values().map(|&c| pairs(c)).sum();
    let same_found: f64 = rows.values().map(|&c| pairs(c)).sum();
    let same_gold: f64 = cols.values().map(|&c| pairs(c)).sum();
    let pp = if same_found > 0.0 {
        same_both / same_found
    } else {
        1.0
    };
    let pr = if same_gold > 0.0 {
        same_both / same_gold
    } else {
        1.0
    };
    let expected = same_found * same_gold / pairs(n as u64).max(1.0);
    let max = (same_found + same_gold) / 2.0;
    let ari = if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (same_both - expected) / (max - expected)
    };
    Scores {
        bcubed_precision: p,
        bcubed_recall: r,
        bcubed_f1: f1(p, r),
        pairwise_precision: pp,
        pairwise_recall: pr,
        pairwise_f1: f1(pp, pr),
        ari,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_grouping_scores_one() {
        let s = score(&[1, 1, 2, 3], &["a", "a", "b", "c"]);
        assert_eq!(s.bcubed_f1, 1.0);
        assert_eq!(s.pairwise_f1, 1.0);
        assert!((s.ari - 1.0).abs() < 1e-9);
    }

    #[test]
    fn one_blob_has_full_recall_and_low_precision() {
        let s = score(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert_eq!(s.bcubed_recall, 1.0);
        assert!((s.bcubed_precision - 0.5).abs() < 1e-9);
        assert!((s.pairwise_precision - 2.0 / 6.0).abs() < 1e-9);
        assert!(s.ari.abs() < 1e-9);
    }

    #[test]
    fn all_singletons_have_full_precision() {
        let s = score(&[0, 1, 2, 3], &["a", "a", "b", "b"]);
        assert_eq!(s.bcubed_precision, 1.0);
        assert!((s.bcubed_recall - 0.5).abs() < 1e-9);
        assert_eq!(s.pairwise_recall, 0.0);
        assert_eq!(score::<u8, u8>(&[], &[]), Scores::default());
    }
}
