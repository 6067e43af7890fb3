//! Average-link (UPGMA) agglomerative clustering on a sparse similarity graph: the two
//! groups with the highest mean similarity over all their article pairs (a pair without
//! an edge counts 0) are merged, until no two groups average [`super::THRESHOLD`]. Unlike
//! connected components, one strong pair never chains two groups together: a group grows
//! only when it is close to the whole of the other.
//!
//! The mean of a pair of groups only falls while neither of them is merged, so a queue of
//! stale upper bounds serves: an entry popped is re-scored and pushed back when it has
//! fallen. The queue is the item pairs sorted once, beside a heap of what merges and
//! re-scoring push: most entries are pairs of single items, never pushed back.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

/// A heap entry: a pair of groups and their mean similarity when it was pushed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    mean: f32,
    a: u32,
    b: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups `n` items linked by `edges` (`(a, b, similarity)`, each pair once). Returns the
/// group of every item, a representative item's index (the same for all of a group).
pub fn average_link(n: usize, edges: &[(u32, u32, f32)], threshold: f32) -> Vec<u32> {
    let mut sums = edge_sums(n, edges);
    let mut size = vec![1u32; n];
    let mut alive = vec![true; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut queue = Queue {
        seeds: seeds(&sums, threshold),
        heap: BinaryHeap::new(),
    };
    let mean = |sums: &[FxHashMap<u32, f32>], size: &[u32], a: u32, b: u32| {
        let s = sums[a as usize].get(&b).copied().unwrap_or(0.0);
        s / (size[a as usize] as f32 * size[b as usize] as f32)
    };
    while let Some(e) = queue.pop() {
        if e.mean < threshold {
            break;
        }
        if !alive[e.a as usize] || !alive[e.b as usize] {
            continue;
        }
        let now = mean(&sums, &size, e.a, e.b);
        if now < e.mean - 1e-6 {
            if now >= threshold {
                queue.heap.push(Entry { mean: now, ..e });
            }
            continue;
        }
        let (big, small) = if sums[e.a as usize].len() >= sums[e.b as usize].len() {
            (e.a, e.b)
        } else {
            (e.b, e.a)
        };
        let moved = std::mem::take(&mut sums[small as usize]);
        sums[big as usize].remove(&small);
        size[big as usize] += size[small as usize];
        alive[small as usize] = false;
        parent[small as usize] = big;
        for (other, s) in moved {
            if other == big {
                continue;
            }
            let o = &mut sums[other as usize];
            o.remove(&small);
            *o.entry(big).or_default() += s;
            *sums[big as usize].entry(other).or_default() += s;
            let m = mean(&sums, &size, big, other);
            if m >= threshold {
                queue.heap.push(Entry {
                    mean: m,
                    a: big.min(other),
                    b: big.max(other),
                });
            }
        }
    }
    roots(&mut parent)
}

/// Per item, the summed similarity to each item it has an edge with (self-loops, items out
/// of range and similarities that are not finite are dropped).
fn edge_sums(n: usize, edges: &[(u32, u32, f32)]) -> Vec<FxHashMap<u32, f32>> {
    let mut sums: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n];
    for &(a, b, s) in edges {
        if a == b || a as usize >= n || b as usize >= n || !s.is_finite() {
            continue;
        }
        *sums[a as usize].entry(b).or_default() += s;
        *sums[b as usize].entry(a).or_default() += s;
    }
    sums
}

/// Entries greatest first: the seeds sorted (greatest last), and a heap of the pushed.
struct Queue {
    seeds: Vec<Entry>,
    heap: BinaryHeap<Entry>,
}

impl Queue {
    fn pop(&mut self) -> Option<Entry> {
        match (self.seeds.last(), self.heap.peek()) {
            (Some(s), Some(h)) if h > s => self.heap.pop(),
            (Some(_), _) => self.seeds.pop(),
            (None, _) => self.heap.pop(),
        }
    }
}

/// Every pair of single items whose similarity reaches `threshold`, sorted (greatest
/// last).
fn seeds(sums: &[FxHashMap<u32, f32>], threshold: f32) -> Vec<Entry> {
    let mut seeds = Vec::new();
    for (a, m) in sums.iter().enumerate() {
        for (&b, &s) in m {
            if (a as u32) < b && s >= threshold {
                seeds.push(Entry {
                    mean: s,
                    a: a as u32,
                    b,
                });
            }
        }
    }
    seeds.sort_unstable();
    seeds
}

/// The root of every item in a forest of merges (`parent[i] == i` at a root).
fn roots(parent: &mut [u32]) -> Vec<u32> {
    let mut out = vec![0u32; parent.len()];
    for (i, slot) in out.iter_mut().enumerate() {
        let mut r = i;
        while parent[r] as usize != r {
            r = parent[r] as usize;
        }
        // path compression keeps every later walk short
        let mut j = i;
        while parent[j] as usize != r {
            let next = parent[j] as usize;
            parent[j] = r as u32;
            j = next;
        }
        *slot = r as u32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_does_not_chain_two_groups() {
        // two triangles, one strong edge between them
        let mut edges = vec![];
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            edges.push((a, b, 0.8));
        }
        edges.push((2, 3, 0.5));
        let g = average_link(6, &edges, 0.35);
        assert_eq!(g[0], g[1]);
        assert_eq!(g[0], g[2]);
        assert_eq!(g[3], g[5]);
        assert_ne!(g[0], g[3]);
    }

    #[test]
    fn nothing_above_the_threshold_leaves_every_item_alone() {
        let g = average_link(3, &[(0, 1, 0.1), (1, 2, 0.2)], 0.3);
        assert_eq!(g, vec![0, 1, 2]);
        assert!(average_link(0, &[], 0.3).is_empty());
    }

    #[test]
    fn the_queue_pops_seeds_and_pushed_entries_greatest_first() {
        let e = |mean, a| Entry { mean, a, b: 9 };
        let mut q = Queue {
            seeds: vec![e(0.2, 1), e(0.5, 2), e(0.5, 1), e(0.9, 3)],
            heap: BinaryHeap::new(),
        };
        q.seeds.sort_unstable();
        q.heap.push(e(0.6, 4));
        q.heap.push(e(0.5, 0));
        let order: Vec<(f32, u32)> = std::iter::from_fn(|| q.pop())
            .map(|x| (x.mean, x.a))
            .collect();
        assert_eq!(
            order,
            [(0.9, 3), (0.6, 4), (0.5, 0), (0.5, 1), (0.5, 2), (0.2, 1)]
        );
    }

    #[test]
    fn bad_edges_are_ignored() {
        let g = average_link(2, &[(0, 0, 1.0), (0, 9, 1.0), (0, 1, f32::NAN)], 0.3);
        assert_eq!(g, vec![0, 1]);
    }
}
