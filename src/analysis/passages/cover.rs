//! Which seeds of an article pair the alignments found so far already cover, by diagonal,
//! so that skipping a covered seed costs a look at the few alignments near its diagonal
//! rather than a scan of every alignment of the pair (quadratic on two long, near-identical
//! articles, or on a long quote full of chance matches).
//!
//! Seeds are walked diagonal by diagonal and, on one diagonal, by increasing position: an
//! alignment that ends before a seed can cover no later seed of that diagonal, and is
//! forgotten there.

use rustc_hash::FxHashMap;

use super::extend::Alignment;

/// Token ranges of one alignment in `a` and `b`.
#[derive(Clone, Copy)]
struct Place {
    a: (usize, usize),
    b: (usize, usize),
}

impl Place {
    fn of(al: &Alignment) -> Place {
        Place {
            a: (al.a.start, al.a.end),
            b: (al.b.start, al.b.end),
        }
    }

    fn covers(&self, ia: usize, ib: usize) -> bool {
        (self.a.0..self.a.1).contains(&ia) && (self.b.0..self.b.1).contains(&ib)
    }
}

/// Alignments registered on the diagonals (`ib - ia`) whose seeds they cover.
#[derive(Default)]
pub struct Cover {
    by_diagonal: FxHashMap<i64, Vec<Place>>,
}

impl Cover {
    /// Registers `al` on the diagonals `lo - slack ..= hi + slack`, where `lo` and `hi` are
    /// the diagonals it starts and ends on.
    pub fn add(&mut self, al: &Alignment, slack: usize) {
        let d0 = al.b.start as i64 - al.a.start as i64;
        let d1 = al.b.end as i64 - al.a.end as i64;
        let slack = slack as i64;
        let place = Place::of(al);
        for d in d0.min(d1) - slack..=d0.max(d1) + slack {
            self.by_diagonal.entry(d).or_default().push(place);
        }
    }

    /// Registers `al` on diagonal `d` only (a failed extension, from its seed's diagonal).
    pub fn add_on(&mut self, al: &Alignment, d: i64) {
        self.by_diagonal.entry(d).or_default().push(Place::of(al));
    }

    /// True when an alignment registered on the diagonal of `(ia, ib)` covers it; forgets
    /// there the alignments that end before `ia`.
    pub fn covers(&mut self, ia: usize, ib: usize) -> bool {
        let d = ib as i64 - ia as i64;
        let Some(list) = self.by_diagonal.get_mut(&d) else {
            return false;
        };
        list.retain(|p| p.a.1 > ia);
        list.iter().any(|p| p.covers(ia, ib))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn al(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> Alignment {
        Alignment {
            a,
            b,
            ops: Vec::new(),
            seed: 0..0,
        }
    }

    #[test]
    fn covers_seeds_near_the_diagonal_and_forgets_what_lies_behind() {
        let mut c = Cover::default();
        c.add(&al(10..20, 12..23), 1);
        assert!(c.covers(10, 12) && c.covers(15, 18) && c.covers(15, 16));
        assert!(!c.covers(15, 20), "diagonal 5 is beyond the slack");
        assert!(!c.covers(9, 11) && !c.covers(20, 22));
        assert!(
            !c.covers(12, 14),
            "forgotten once a seed past its end was asked"
        );
        let mut exact = Cover::default();
        exact.add(&al(0..4, 0..4), 0);
        assert!(exact.covers(2, 2) && !exact.covers(2, 3));
    }
}
