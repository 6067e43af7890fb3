//! The similarity of two articles: a weighted mean of three cosines (head, body,
//! entities; over the ones both articles have), a bonus for shared passages once the
//! words already agree, and a discount for articles published far apart.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::features::{Features, dot};
use crate::analysis::passages::PassageIndex;

/// Weights of the head, body and entity cosines.
pub const WEIGHTS: [f32; 3] = [0.25, 0.25, 0.5];
/// A passage counts when it has at least this many words: shorter ones are common phrases
/// ("at the end of the day") as often as shared copy.
pub const MIN_PASSAGE_WORDS: usize = 8;
/// The bonus of the first shared passage, and of each further one (up to [`MAX_BONUS`]).
pub const PASSAGE_BONUS: [f32; 2] = [0.10, 0.05];
pub const MAX_BONUS: f32 = 0.20;
/// The bonus applies only when the words alone score at least this: a passage never
/// links two articles by itself (wire copy or a famous quote travels across stories).
pub const PASSAGE_FLOOR: f32 = 0.10;
/// Days apart two articles may be before the date discounts their similarity, and the
/// days over that which halve it.
pub const DATE_GRACE_DAYS: i64 = 7;
pub const DATE_HALF_DAYS: f32 = 28.0;

/// Shared passages (of [`MIN_PASSAGE_WORDS`] or more) per article pair `(a, b)`, `a < b`;
/// a passage in more than [`super::candidates::POSTING_CAP`] articles counts for none (see
/// [`super::candidates::passage_carriers`]).
pub fn shared_passages(passages: &PassageIndex) -> FxHashMap<(u32, u32), u32> {
    let mut m: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for arts in super::candidates::passage_carriers(passages, MIN_PASSAGE_WORDS) {
        for (x, &a) in arts.iter().enumerate() {
            for &b in &arts[x + 1..] {
                *m.entry((a, b)).or_default() += 1;
            }
        }
    }
    m
}

/// The content similarity of articles `a` and `b`, 0..=1.
pub fn content(f: &Features, a: usize, b: usize) -> f32 {
    let channels = [
        (&f.head[a], &f.head[b]),
        (&f.body[a], &f.body[b]),
        (&f.entities[a], &f.entities[b]),
    ];
    combine(channels.map(|(x, y)| (!x.is_empty() && !y.is_empty()).then(|| dot(x, y))))
}

/// The content similarity from the three cosines (head, body, entities), each `None` when
/// either article lacks that channel: their weighted mean over the channels both have.
pub fn combine(cosines: [Option<f32>; 3]) -> f32 {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (c, w) in cosines.into_iter().zip(WEIGHTS) {
        if let Some(c) = c {
            sum += w * c;
            weight += w;
        }
    }
    if weight > 0.0 {
        (sum / weight).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The discount of two dates (1 when either is unknown or they are close).
pub fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let over = ((a - b).num_days().abs() - DATE_GRACE_DAYS).max(0);
            1.0 / (1.0 + over as f32 / DATE_HALF_DAYS)
        }
        _ => 1.0,
    }
}

/// The passage bonus of `shared` passages on a content similarity of `base`.
pub fn bonus(base: f32, shared: u32) -> f32 {
    if shared == 0 || base < PASSAGE_FLOOR {
        return 0.0;
    }
    let more = (shared - 1) as f32 * PASSAGE_BONUS[1];
    (PASSAGE_BONUS[0] + more).min(MAX_BONUS)
}

/// The similarity of a pair, all signals combined.
pub fn pair(
    f: &Features,
    dates: &[Option<NaiveDate>],
    shared: &FxHashMap<(u32, u32), u32>,
    a: u32,
    b: u32,
) -> f32 {
    finish(content(f, a as usize, b as usize), dates, shared, a, b)
}

/// The similarity of a pair whose content similarity is `base`.
pub fn finish(
    base: f32,
    dates: &[Option<NaiveDate>],
    shared: &FxHashMap<(u32, u32), u32>,
    a: u32,
    b: u32,
) -> f32 {
    let (i, j) = (a as usize, b as usize);
    let n = shared.get(&(a.min(b), a.max(b))).copied().unwrap_or(0);
    let date = |k: usize| dates.get(k).copied().flatten();
    ((base + bonus(base, n)) * date_factor(date(i), date(j))).min(1.0)
}
