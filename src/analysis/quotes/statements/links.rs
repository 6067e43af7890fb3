//! Which units carry one statement: an inverted index of their word 3-grams with capped
//! postings, each unit looking up its rarest grams (never all pairs), and the test that
//! two units found that way are one statement.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::units::{self, Unit};

/// A 3-gram carried by more statements than this is common speech, not a shared statement.
const POSTING_CAP: usize = 40;
/// Grams of a statement looked up in the index: its rarest ones.
const PROBES: usize = 8;
/// Share of the shorter statement's grams the longer one must hold.
const MIN_CONTAINMENT: f64 = 0.5;
/// Fewest bits of content words two statements must share: the shared passages' bar
/// ([`crate::analysis::passages::rarity::THRESHOLD_BITS`]).
const MIN_BITS: f32 = crate::analysis::passages::rarity::THRESHOLD_BITS;

/// Pairs of units of different articles that carry one statement: each unit looks up its
/// [`PROBES`] rarest grams (never one carried by more than [`POSTING_CAP`] statements), so
/// the work per unit is bounded, then counts the grams it shares with each unit found.
pub(super) fn candidate_links(units: &[Unit]) -> Vec<(usize, usize)> {
    let t = std::time::Instant::now();
    let postings = Postings::of(units);
    tracing::debug!(took = ?t.elapsed(), "statements: postings");
    // Each unit's links on every core; collected in unit order, so the grouping is the same.
    units
        .par_iter()
        .enumerate()
        .flat_map_iter(|(u, unit)| links_of(units, &postings, u, unit))
        .collect()
}

/// The units of each gram (in unit order), but for grams carried by more than
/// [`POSTING_CAP`] units, which no lookup reads.
struct Postings {
    units: Vec<u32>,
    of_gram: FxHashMap<u64, (u32, u32)>,
}

impl Postings {
    /// Built from every `(gram, unit)` sorted on every core: one list per gram, made by
    /// appending to a map of vectors, was a million small allocations on one thread.
    fn of(units: &[Unit]) -> Postings {
        let mut pairs: Vec<(u64, u32)> = units
            .par_iter()
            .enumerate()
            .flat_map_iter(|(u, unit)| unit.grams.iter().map(move |&g| (g, u as u32)))
            .collect();
        pairs.par_sort_unstable();
        let mut out = Postings {
            units: Vec::with_capacity(pairs.len()),
            of_gram: FxHashMap::default(),
        };
        out.of_gram.reserve(pairs.len() / 2);
        for run in pairs.chunk_by(|x, y| x.0 == y.0) {
            if run.len() <= POSTING_CAP {
                let start = out.units.len() as u32;
                out.units.extend(run.iter().map(|&(_, u)| u));
                out.of_gram
                    .insert(run[0].0, (start, out.units.len() as u32));
            }
        }
        out
    }

    /// The units carrying gram `g`, unless too many do.
    fn get(&self, g: &u64) -> Option<&[u32]> {
        let &(start, end) = self.of_gram.get(g)?;
        self.units.get(start as usize..end as usize)
    }
}

/// The links of unit `u` to the units its rarest grams find.
fn links_of(units: &[Unit], postings: &Postings, u: usize, unit: &Unit) -> Vec<(usize, usize)> {
    let mut probes: Vec<&[u32]> = unit.grams.iter().filter_map(|g| postings.get(g)).collect();
    probes.sort_by_key(|l| l.len());
    probes.truncate(PROBES);
    let mut found: Vec<usize> = probes
        .iter()
        .flat_map(|l| l.iter().map(|&v| v as usize))
        .filter(|&v| units[v].article != unit.article)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
        .into_iter()
        .filter(|&v| matches(unit, &units[v], shared_grams(&unit.grams, &units[v].grams)))
        .map(|v| (u.min(v), u.max(v)))
        .collect()
}

/// Grams two sorted, deduplicated gram lists share.
pub(super) fn shared_grams(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// True when `n` shared grams make `a` and `b` one statement: most of the shorter one's
/// grams, and content words together unlikely by chance (common speech, "at the end of the
/// day", joins nothing; the same speaker halves the bar).
fn matches(a: &Unit, b: &Unit, n: usize) -> bool {
    let shorter = a.grams.len().min(b.grams.len()).max(1);
    let contained = n as f64 / shorter as f64;
    let same_speaker = a.speaker_entity.is_some() && a.speaker_entity == b.speaker_entity;
    let bar = if same_speaker {
        MIN_BITS / 2.0
    } else {
        MIN_BITS
    };
    contained >= MIN_CONTAINMENT
        && (n >= 2 || (shorter == 1 && a.content.min(b.content) >= 2))
        && units::shared_bits(a, b) >= bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(article: usize, grams: &[u64]) -> Unit {
        Unit {
            article,
            quotes: Vec::new(),
            spans: Vec::new(),
            words: Vec::new(),
            grams: grams.to_vec(),
            content: 0,
            rare: Vec::new(),
            speaker: None,
            speaker_entity: None,
        }
    }

    #[test]
    fn postings_list_each_grams_units_in_order_and_drop_the_common_ones() {
        let mut units = vec![unit(0, &[1, 5]), unit(1, &[5, 9]), unit(2, &[1, 5, 7])];
        // gram 3 in more units than the cap: no posting
        units.extend((0..=POSTING_CAP).map(|a| unit(10 + a, &[3])));
        let p = Postings::of(&units);
        assert_eq!(p.get(&1), Some(&[0, 2][..]));
        assert_eq!(p.get(&5), Some(&[0, 1, 2][..]));
        assert_eq!(p.get(&7), Some(&[2][..]));
        assert_eq!(p.get(&3), None);
        assert_eq!(p.get(&4), None);
    }

    #[test]
    fn shared_grams_counts_the_common_keys_of_two_sorted_lists() {
        assert_eq!(shared_grams(&[1, 3, 5, 9], &[2, 3, 9, 10]), 2);
        assert_eq!(shared_grams(&[], &[1]), 0);
    }
}
