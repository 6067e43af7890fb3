//! Story clusters and the passages planted in them.
//!
//! Articles are cut into slots of [`SLOT`] consecutive indices; each slot is split into
//! clusters (a singleton, or a story of 2–20 articles) from the slot's own seed, so the
//! cluster of article `i` is known from `(seed, i)` alone. Each story plants 1–4 passages,
//! each carried by two or more of its articles: verbatim (wire copy, sometimes quoted),
//! reworded (a few words substituted, dropped or added per article), or a partial quote (one
//! article quotes a long remark, the others four to seven of its words).

use super::rng::Rng;
use super::vocab::{VOCAB, sentence};

/// Articles per slot.
pub const SLOT: usize = 24;

/// How a planted passage is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlantKind {
    Verbatim,
    Reworded,
    PartialQuote,
}

/// One planted passage of a story.
#[derive(Debug, Clone)]
pub struct Plant {
    /// Unique in the corpus.
    pub group: u64,
    pub kind: PlantKind,
    /// The words every carrier starts from.
    pub base: Vec<String>,
    /// Article indices that carry it; for a partial quote the first holds the full quote.
    pub carriers: Vec<usize>,
    /// For a partial quote: the quoted fragment (`start..end` in `base` words).
    pub fragment: std::ops::Range<usize>,
    /// Who says it.
    pub speaker: String,
}

/// The story cluster of one slot: members and plants.
#[derive(Debug, Clone)]
pub struct Story {
    pub members: Vec<usize>,
    pub plants: Vec<Plant>,
    pub people: Vec<String>,
    pub place: String,
}

/// Sizes of the clusters of slot `k`, in order (they sum to [`SLOT`]).
fn cluster_sizes(seed: u64, k: usize) -> Vec<usize> {
    let mut rng = Rng::new(&[seed, 1, k as u64]);
    let mut sizes = Vec::new();
    let mut left = SLOT;
    while left > 0 {
        let size = if rng.chance(0.3) { 1 } else { rng.range(2, 20) };
        let size = size.min(left);
        sizes.push(size);
        left -= size;
    }
    sizes
}

/// The story article `i` belongs to.
pub fn story_of(seed: u64, i: usize) -> Story {
    let k = i / SLOT;
    let mut start = k * SLOT;
    for (c, size) in cluster_sizes(seed, k).into_iter().enumerate() {
        if i < start + size {
            return story(seed, k, c, start..start + size);
        }
        start += size;
    }
    story(seed, k, usize::MAX, i..i + 1)
}

fn story(seed: u64, k: usize, c: usize, members: std::ops::Range<usize>) -> Story {
    let mut rng = Rng::new(&[seed, 2, k as u64, c as u64]);
    let v = &*VOCAB;
    let people: Vec<String> = (0..3).map(|_| rng.pick(&v.people).clone()).collect();
    let place = rng.pick(&v.places).clone();
    let members: Vec<usize> = members.collect();
    let mut plants = Vec::new();
    if members.len() >= 2 {
        for p in 0..rng.range(1, 4) {
            let group = ((k as u64) << 24) | ((c as u64 & 0xffff) << 8) | p as u64;
            plants.push(plant(&mut rng, group, &members, &people));
        }
    }
    Story {
        members,
        plants,
        people,
        place,
    }
}

fn plant(rng: &mut Rng, group: u64, members: &[usize], people: &[String]) -> Plant {
    let kind = match rng.below(100) {
        0..40 => PlantKind::Verbatim,
        40..75 => PlantKind::Reworded,
        _ => PlantKind::PartialQuote,
    };
    let words = match kind {
        PlantKind::Verbatim => rng.range(12, 60),
        PlantKind::Reworded => rng.range(14, 40),
        PlantKind::PartialQuote => rng.range(18, 40),
    };
    let names: Vec<&str> = people.iter().map(String::as_str).collect();
    let text = sentence(rng, words, &names);
    let base: Vec<String> = text
        .trim_end_matches('.')
        .split(' ')
        .map(str::to_string)
        .collect();
    let n = rng.range(2, members.len().min(8));
    let mut carriers: Vec<usize> = members.to_vec();
    for j in 0..n {
        let r = j + rng.below(carriers.len() - j);
        carriers.swap(j, r);
    }
    carriers.truncate(n);
    let flen = rng.range(4, 7).min(base.len());
    let fstart = content_fragment(rng, &base, flen);
    Plant {
        group,
        kind,
        base,
        carriers,
        fragment: fstart..fstart + flen,
        speaker: rng.pick(people).clone(),
    }
}

/// Start of a fragment of `len` words without commas that a reporter would quote: of 50
/// tries, the one whose content words are least likely by chance (see
/// [`crate::analysis::passages::rarity`]), as a partial quote picks a remark's telling words.
fn content_fragment(rng: &mut Rng, base: &[String], len: usize) -> usize {
    use crate::analysis::passages::{rarity, word_hash::word_id};
    let v = &*VOCAB;
    let bits = |w: &str| {
        if w.starts_with(char::is_uppercase) || v.is_function(w) {
            0.0
        } else {
            rarity::language_bits(0, word_id(w))
        }
    };
    let last = base.len() - len;
    let mut best = (f32::MIN, rng.range(0, last));
    for _ in 0..50 {
        let s = rng.range(0, last);
        let part = &base[s..s + len];
        if part.iter().any(|w| w.ends_with(',')) {
            continue;
        }
        let b: f32 = part.iter().map(|w| bits(w)).sum();
        if b > best.0 {
            best = (b, s);
        }
    }
    best.1
}

/// A carrier's rewording of `base`: about one word in fourteen substituted, dropped or added.
pub fn reword(rng: &mut Rng, base: &[String]) -> Vec<String> {
    let v = &*VOCAB;
    let edits = (base.len() / 14).max(1);
    let mut out: Vec<String> = base.to_vec();
    for _ in 0..edits {
        let k = rng.range(1, out.len().saturating_sub(2).max(1));
        match rng.below(4) {
            0 => {
                out.insert(k, v.word(rng).to_string());
            }
            1 if out.len() > 10 => {
                out.remove(k);
            }
            _ => out[k] = v.content_word(rng).to_string(),
        }
    }
    out
}
