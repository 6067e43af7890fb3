//! The rank of each distinct term id of a corpus: the term's key in the story vectors.
//! Weighing looks one up for each of some thirty million term counts at 100,000 articles,
//! so the table is made for that: open addressing with linear probing in one array of
//! `(id, rank)` slots, at most half full (a megabyte at 100,000 articles, which stays in
//! the cache), where a lookup is one cache line read.

/// The ranks of a sorted list of distinct term ids.
#[derive(Debug, Default)]
pub struct Ranks {
    /// `(id, rank + 1)`; a rank of 0 marks an empty slot.
    slots: Vec<(u32, u32)>,
    /// How far a slot number's hash is shifted: 64 less the table's bits.
    shift: u32,
}

/// The slot a probe for `id` starts at: the top bits of a multiplicative hash, so that ids
/// differing only in their high bits spread too.
fn home(id: u32, shift: u32) -> usize {
    (u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl Ranks {
    /// The table of `ids` (each once), their ranks their positions in the list.
    pub fn new(ids: &[u32]) -> Ranks {
        let bits = (2 * ids.len().max(8)).next_power_of_two().trailing_zeros();
        let (len, shift) = (1usize << bits, 64 - bits);
        let mut slots = vec![(0u32, 0u32); len];
        for (rank, &id) in ids.iter().enumerate() {
            let mut at = home(id, shift);
            while slots[at].1 != 0 {
                at = (at + 1) & (len - 1);
            }
            slots[at] = (id, rank as u32 + 1);
        }
        Ranks { slots, shift }
    }

    /// The rank of `id`, if it is one of the table's.
    #[inline]
    pub fn get(&self, id: u32) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = home(id, self.shift);
        loop {
            let (key, rank) = *self.slots.get(at)?;
            if rank == 0 {
                return None;
            }
            if key == id {
                return Some(rank - 1);
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_its_rank_and_no_other_id_has_one() {
        let ids: Vec<u32> = (0..5000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) | 1)
            .collect();
        let r = Ranks::new(&ids);
        for (rank, &id) in ids.iter().enumerate() {
            assert_eq!(r.get(id), Some(rank as u32));
        }
        // even ids were never put in
        assert!((0..5000u32).all(|i| r.get(i * 2).is_none()));
        // ids that share their low bits, or their high bits
        let crowded: Vec<u32> = (0..300u32).map(|i| i << 20).chain(1..300).collect();
        let r = Ranks::new(&crowded);
        assert!(
            crowded
                .iter()
                .enumerate()
                .all(|(k, &id)| r.get(id) == Some(k as u32))
        );
    }

    #[test]
    fn an_empty_table_has_no_ranks() {
        assert_eq!(Ranks::new(&[]).get(7), None);
        assert_eq!(Ranks::default().get(7), None);
    }
}
