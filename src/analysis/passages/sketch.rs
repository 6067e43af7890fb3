//! A bit set over hashed 4-grams, written by many threads at once: a sketch of which grams
//! a corpus holds, with a few false positives (two grams on one bit) and never a false
//! negative. About sixteen bits per gram counted, so that about one gram in sixteen shares a
//! bit with another.

use std::sync::atomic::{AtomicU64, Ordering};

/// Bits per gram the sketch is sized for.
const BITS_PER_GRAM: usize = 16;

/// See the module documentation.
pub struct Sketch {
    bits: Vec<AtomicU64>,
    shift: u32,
}

impl Sketch {
    /// An empty sketch for about `grams` grams.
    pub fn new(grams: usize) -> Sketch {
        let log = (grams.max(1) * BITS_PER_GRAM)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(12, 40);
        Sketch {
            bits: (0..1usize << (log - 6))
                .map(|_| AtomicU64::new(0))
                .collect(),
            shift: 64 - log,
        }
    }

    fn slot(&self, h: u64) -> (usize, u64) {
        let s = h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift;
        ((s >> 6) as usize, 1 << (s & 63))
    }

    /// Sets the gram's bit; true when it was set already.
    pub fn insert(&self, h: u64) -> bool {
        let (w, b) = self.slot(h);
        self.bits[w].fetch_or(b, Ordering::Relaxed) & b != 0
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
}
