//! A bit set over hashed 4-grams, written by many threads at once: a sketch of which grams
//! a corpus holds, with a few false positives (two grams on one bit) and never a false
//! negative. About sixteen bits per gram counted, so that about one gram in sixteen shares a
//! bit with another.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::prefetch::prefetch;

/// Bits per gram the sketch is sized for.
const BITS_PER_GRAM: usize = 16;

/// The hashes seen at least twice among those `hashes_of(k)` gives for `k` in `0..n` (in
/// parallel; `total` of them in all): a sketch of them sized for `total / twice_share`
/// (few hashes recur, and a small set stays in cache), and how many hashes found their bit
/// set already. A false positive or two, never a false negative.
pub fn seen_twice(
    n: usize,
    total: usize,
    twice_share: usize,
    hashes_of: impl Fn(usize, &mut Vec<u64>) + Sync,
) -> (usize, Sketch) {
    let once = Sketch::new(total);
    let twice = Sketch::new(total / twice_share.max(1));
    let repeats = (0..n)
        .into_par_iter()
        .map_init(Vec::new, |hashes, k| {
            hashes.clear();
            hashes_of(k, hashes);
            let mut repeats = 0;
            once.insert_all(hashes, |h| {
                twice.insert(h);
                repeats += 1;
            });
            repeats
        })
        .sum();
    (repeats, twice)
}

/// Grams looked ahead by [`Sketch::insert_all`].
pub const AHEAD: usize = 8;

/// See the module documentation.
pub struct Sketch {
    bits: Vec<AtomicU64>,
}

impl Default for Sketch {
    /// An empty sketch of the smallest size.
    fn default() -> Sketch {
        Sketch::new(0)
    }
}

impl Sketch {
    /// An empty sketch for about `grams` grams.
    pub fn new(grams: usize) -> Sketch {
        let words = (grams.max(1) * BITS_PER_GRAM).div_ceil(64).max(64);
        Sketch {
            bits: (0..words).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    /// The word and bit of a gram: the hash scaled onto the bits (multiply and shift, so
    /// that the sketch has just the size asked for, not the next power of two).
    fn slot(&self, h: u64) -> (usize, u64) {
        let mixed = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let bits = (self.bits.len() * 64) as u128;
        let s = ((u128::from(mixed) * bits) >> 64) as usize;
        (s / 64, 1 << (s % 64))
    }

    /// Sets the gram's bit; true when it was set already.
    pub fn insert(&self, h: u64) -> bool {
        let (w, b) = self.slot(h);
        self.bits[w].fetch_or(b, Ordering::Relaxed) & b != 0
    }

    /// Inserts each of `grams` as [`Sketch::insert`] in turn would, calling `repeat` with
    /// each one whose bit was set already. The word of the gram [`AHEAD`] places on is
    /// fetched into the cache meanwhile: a locked write waits for its cache miss alone.
    pub fn insert_all(&self, grams: &[u64], mut repeat: impl FnMut(u64)) {
        for (k, &h) in grams.iter().enumerate() {
            if let Some(&next) = grams.get(k + AHEAD) {
                self.prefetch(next);
            }
            if self.insert(h) {
                repeat(h);
            }
        }
    }

    /// Fetches the word of gram `h` into the cache (see [`Sketch::insert_all`]).
    pub fn prefetch(&self, h: u64) {
        prefetch(&self.bits[self.slot(h).0]);
    }

    /// True when the gram's bit is set (it was inserted, or shares a bit with one that was).
    pub fn contains(&self, h: u64) -> bool {
        let (w, b) = self.slot(h);
        self.bits[w].load(Ordering::Relaxed) & b != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_grams_are_contained_and_a_second_insert_says_so() {
        let s = Sketch::new(1000);
        let grams: Vec<u64> = (0..1000u64)
            .map(|i| i.wrapping_mul(0x2545_F491_4F6C_DD1D))
            .collect();
        let again = grams.iter().filter(|&&h| s.insert(h)).count();
        assert!(again < 200, "{again} collisions in 1000");
        assert!(grams.iter().all(|&h| s.contains(h)));
        assert!(grams.iter().all(|&h| s.insert(h)));
        let absent = (5000..6000u64)
            .filter(|i| s.contains(i.wrapping_mul(0x9E37)))
            .count();
        assert!(absent < 250, "{absent} false positives in 1000");
    }

    #[test]
    fn inserting_all_reports_what_inserting_one_by_one_does() {
        let grams: Vec<u64> = (0..300u64)
            .map(|i| (i % 120).wrapping_mul(0x2545_F491_4F6C_DD1D))
            .collect();
        let (one, all) = (Sketch::new(300), Sketch::new(300));
        let by_one: Vec<u64> = grams.iter().copied().filter(|&h| one.insert(h)).collect();
        let mut by_all = Vec::new();
        all.insert_all(&grams, |h| by_all.push(h));
        assert_eq!(by_all, by_one);
        assert!(by_one.len() >= 180, "the 180 repeats at least");
    }
}
