//! The per-pair engine shared by [`super::find`] and [`super::compare`]: seeds of two
//! articles extended into aligned spans, accepted or not, and nearby spans merged.
//!
//! A span is accepted with at least [`MIN_WORDS`] matched tokens and identity at least
//! [`MIN_IDENTITY`] (or, for a reworded sentence with words moved about, coverage of the
//! shorter side at least [`MIN_IDENTITY`] and identity at least [`MIN_LOOSE_IDENTITY`]); a
//! loose alignment is trimmed to its best window first. A span that stands mostly inside
//! quotation marks on one side needs only `min_quote_words` matched tokens (identity
//! [`MIN_QUOTE_IDENTITY`]), and a quote-anchored seed whose extension fails still yields its
//! exact run. Every span holds a content word. Short exact runs next to a span are chained
//! onto it; a short quote-anchored span stays only when corroborated (quoted on both sides,
//! most of its quote, or near another span of the pair).

use super::cover::Cover;
use super::extend::{Alignment, BAND, Op, best_window, exact_run, extend};
use super::index::N;
use super::reach::may_accept;
use super::tokens::{Doc, MASKED, QUOTED, is_content};
use crate::analysis::Config;

/// Fewest matched tokens of an ordinary shared span.
pub const MIN_WORDS: usize = 8;
/// Lowest identity of an ordinary shared span.
pub const MIN_IDENTITY: f32 = 0.8;
/// Lowest identity of a span whose shorter side the other covers to [`MIN_IDENTITY`].
pub const MIN_LOOSE_IDENTITY: f32 = 0.7;
/// Lowest identity of a quote-anchored span.
pub const MIN_QUOTE_IDENTITY: f32 = 0.7;
/// Spans closer than this (in tokens, on both sides) are merged.
const MERGE_GAP: usize = 3;
/// Shortest exact run chained onto a span across a small gap.
const SATELLITE: usize = 3;

/// True when a matched token is a content word on both sides (a word capitalised on one
/// side only, `first committee` / `First Committee`, is part of a name).
fn has_content(a: &Doc, b: &Doc, al: &Alignment) -> bool {
    let (mut i, mut j) = (al.a.start, al.b.start);
    for op in &al.ops {
        if *op == Op::Match && is_content(a.flags[i]) && is_content(b.flags[j]) {
            return true;
        }
        if matches!(op, Op::Match | Op::Sub | Op::DelA) {
            i += 1;
        }
        if matches!(op, Op::Match | Op::Sub | Op::InsB) {
            j += 1;
        }
    }
    false
}

fn quote_anchored(a: &Doc, b: &Doc, al: &Alignment) -> bool {
    a.mostly(&al.a, QUOTED) || b.mostly(&al.b, QUOTED)
}

/// The accepted span for a seed at `(ia, ib)`, if any.
fn accept(a: &Doc, b: &Doc, ia: usize, ib: usize, cfg: &Config) -> Result<Alignment, Alignment> {
    let al = extend(a, b, ia, ib, N);
    let m = al.matches();
    let id = al.identity();
    if has_content(a, b, &al) {
        let loose = al.coverage() >= MIN_IDENTITY && id >= MIN_LOOSE_IDENTITY;
        if m >= MIN_WORDS && (id >= MIN_IDENTITY || loose) {
            return Ok(al);
        }
        let q = quote_anchored(a, b, &al);
        if q && m >= cfg.min_quote_words && id >= MIN_QUOTE_IDENTITY {
            return Ok(al);
        }
        if let Some(w) = best_window(&al, MIN_IDENTITY, MIN_WORDS).filter(|w| has_content(a, b, w))
        {
            return Ok(w);
        }
    }
    let run = exact_run(a, b, ia, ib, N);
    if run.ops.len() >= cfg.min_quote_words && quote_anchored(a, b, &run) && has_content(a, b, &run)
    {
        return Ok(run);
    }
    Err(al)
}

/// Aligns two documents from their seeds (pairs of start positions, sorted by diagonal then
/// position: [`Cover`] relies on it); returns the accepted spans in order of `a`, nearby
/// ones merged.
pub fn align_pair(
    a: &Doc,
    b: &Doc,
    seeds: impl IntoIterator<Item = (usize, usize)> + Clone,
    cfg: &Config,
) -> Vec<Alignment> {
    let mut kept: Vec<Alignment> = Vec::new();
    // seeds inside a kept span (near its diagonals) or a failed one (on its own diagonal)
    let (mut in_kept, mut in_failed) = (Cover::default(), Cover::default());
    for (ia, ib) in seeds.clone() {
        if in_kept.covers(ia, ib) || in_failed.covers(ia, ib) {
            continue;
        }
        if !may_accept(a, b, ia, ib) {
            continue;
        }
        match accept(a, b, ia, ib, cfg) {
            Ok(al) => {
                in_kept.add(&al, BAND);
                kept.push(al);
            }
            Err(al) => in_failed.add_on(&al, ib as i64 - ia as i64),
        }
    }
    super::bridge::bridge(a, b, &mut kept, seeds);
    for al in &mut kept {
        chain(a, b, al);
        super::edges::tidy(a, b, al);
    }
    let kept = corroborated(a, b, kept);
    merge(super::rarity::keep_unlikely(a, b, kept, None))
}

/// Tokens within which another span corroborates a short quote-anchored one.
const NEAR: usize = 40;

/// The run of quoted tokens around `r` in `doc` (the quote it stands in), in tokens,
/// counted up to `most` (a long quote is not walked to its ends for each short span in it).
fn quote_run(doc: &Doc, r: &std::ops::Range<usize>, most: usize) -> usize {
    let quoted = |k: usize| doc.flags[k] & QUOTED != 0;
    let mut s = r.start;
    let mut e = r.end;
    while e - s <= most && s > 0 && quoted(s - 1) {
        s -= 1;
    }
    while e - s <= most && e < doc.len() && quoted(e) {
        e += 1;
    }
    e - s
}

/// Keeps a short (quote-anchored) span only when something besides one quote mark vouches
/// for it: it is quoted on both sides, or it is most of the quote it stands in (a partial
/// quote), or another span of the pair lies near it on both sides (pieces of one remark).
/// Chance matches of a few words inside some long quote are dropped.
fn corroborated(a: &Doc, b: &Doc, kept: Vec<Alignment>) -> Vec<Alignment> {
    let near = |x: &Alignment, y: &Alignment| {
        let gap = |p: &std::ops::Range<usize>, q: &std::ops::Range<usize>| {
            q.start
                .saturating_sub(p.end)
                .max(p.start.saturating_sub(q.end))
        };
        gap(&x.a, &y.a) <= NEAR && gap(&x.b, &y.b) <= NEAR
    };
    let keep: Vec<bool> = kept
        .iter()
        .enumerate()
        .map(|(k, al)| {
            let both = a.mostly(&al.a, QUOTED) && b.mostly(&al.b, QUOTED);
            let most_of = |d: &Doc, r: &std::ops::Range<usize>| {
                d.mostly(r, QUOTED) && 2 * r.len() >= quote_run(d, r, 2 * r.len())
            };
            al.matches() >= MIN_WORDS
                || both
                || most_of(a, &al.a)
                || most_of(b, &al.b)
                || kept.iter().enumerate().any(|(j, o)| j != k && near(al, o))
        })
        .collect();
    kept.into_iter()
        .zip(keep)
        .filter_map(|(al, k)| k.then_some(al))
        .collect()
}

/// True when `a[i..i+n]` and `b[j..j+n]` hold the same unmasked words, one a content word.
fn same_run(a: &Doc, b: &Doc, i: usize, j: usize, n: usize) -> bool {
    if i + n > a.len() || j + n > b.len() {
        return false;
    }
    let same = (0..n)
        .all(|k| a.ids[i + k] == b.ids[j + k] && (a.flags[i + k] | b.flags[j + k]) & MASKED == 0);
    same && (0..n).any(|k| is_content(a.flags[i + k]) && is_content(b.flags[j + k]))
}

/// Chains short exact runs (a reworded clause's pieces: `in the world, on the contrary, are
/// carried out` / `in the world are carried out`) onto a span across gaps of at most
/// [`MERGE_GAP`] tokens, on either side, while there are any.
fn chain(a: &Doc, b: &Doc, al: &mut Alignment) {
    let n = SATELLITE;
    'left: loop {
        for (ga, gb) in gaps() {
            let (Some(i), Some(j)) = (
                al.a.start.checked_sub(ga + n),
                al.b.start.checked_sub(gb + n),
            ) else {
                continue;
            };
            if same_run(a, b, i, j, n) {
                let mut ops = vec![Op::Match; n];
                ops.extend(gap_ops(ga, gb));
                let shift = ops.len();
                ops.append(&mut al.ops);
                al.seed = al.seed.start + shift..al.seed.end + shift;
                al.ops = ops;
                al.a.start = i;
                al.b.start = j;
                continue 'left;
            }
        }
        break;
    }
    'right: loop {
        for (ga, gb) in gaps() {
            let (i, j) = (al.a.end + ga, al.b.end + gb);
            if same_run(a, b, i, j, n) {
                al.ops.extend(gap_ops(ga, gb));
                al.ops.extend(std::iter::repeat_n(Op::Match, n));
                al.a.end = i + n;
                al.b.end = j + n;
                continue 'right;
            }
        }
        break;
    }
}

/// Gap sizes (in `a`, in `b`) to try, smallest first, not both zero.
fn gaps() -> impl Iterator<Item = (usize, usize)> {
    (1..=2 * MERGE_GAP).flat_map(|t| {
        (0..=t.min(MERGE_GAP))
            .filter(move |ga| t - ga <= MERGE_GAP)
            .map(move |ga| (ga, t - ga))
    })
}

/// Ops for a gap of `ga` tokens in `a` and `gb` in `b`.
fn gap_ops(ga: usize, gb: usize) -> Vec<Op> {
    let mut ops = vec![Op::Sub; ga.min(gb)];
    ops.extend(std::iter::repeat_n(Op::DelA, ga.saturating_sub(gb)));
    ops.extend(std::iter::repeat_n(Op::InsB, gb.saturating_sub(ga)));
    ops
}

/// Drops spans inside others and merges spans separated by a small gap on both sides.
fn merge(mut spans: Vec<Alignment>) -> Vec<Alignment> {
    spans.sort_by_key(|s| (s.a.start, std::cmp::Reverse(s.a.end)));
    let mut out: Vec<Alignment> = Vec::new();
    for s in spans {
        let Some(last) = out.last_mut() else {
            out.push(s);
            continue;
        };
        if s.a.end <= last.a.end && s.b.start >= last.b.start && s.b.end <= last.b.end {
            continue;
        }
        let near = s.a.start >= last.a.end
            && s.b.start >= last.b.end
            && s.a.start - last.a.end <= MERGE_GAP
            && s.b.start - last.b.end <= MERGE_GAP;
        if near {
            let (ga, gb) = (s.a.start - last.a.end, s.b.start - last.b.end);
            last.ops.extend(std::iter::repeat_n(Op::Sub, ga.min(gb)));
            last.ops
                .extend(std::iter::repeat_n(Op::DelA, ga.saturating_sub(gb)));
            last.ops
                .extend(std::iter::repeat_n(Op::InsB, gb.saturating_sub(ga)));
            last.ops.extend(s.ops);
            last.a.end = s.a.end;
            last.b.end = s.b.end;
        } else {
            out.push(s);
        }
    }
    out
}

/// The token ranges of `a` and of `b` whose words differ (substituted, inserted, left out),
/// adjacent tokens joined.
pub fn changed(al: &Alignment) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    let (mut ca, mut cb) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (al.a.start, al.b.start);
    let push = |v: &mut Vec<std::ops::Range<usize>>, k: usize| match v.last_mut() {
        Some(r) if r.end == k => r.end = k + 1,
        _ => v.push(k..k + 1),
    };
    for op in &al.ops {
        match op {
            Op::Match => {
                i += 1;
                j += 1;
            }
            Op::Sub => {
                push(&mut ca, i);
                push(&mut cb, j);
                i += 1;
                j += 1;
            }
            Op::DelA => {
                push(&mut ca, i);
                i += 1;
            }
            Op::InsB => {
                push(&mut cb, j);
                j += 1;
            }
        }
    }
    (ca, cb)
}
