//! The per-pair engine shared by [`super::find`] and [`super::compare`]: seeds of two
//! articles extended into aligned spans, accepted or not, and nearby spans merged.
//!
//! A span is accepted with at least [`MIN_WORDS`] matched tokens and identity at least
//! [`MIN_IDENTITY`] (or a reworded sentence with words moved about: coverage of the shorter
//! side at least [`MIN_IDENTITY`] and identity at least [`MIN_LOOSE_IDENTITY`]), or, when it stands mostly inside quotation marks on one side, with at
//! least `min_quote_words` matched tokens (identity [`MIN_QUOTE_IDENTITY`]); a quote-anchored
//! seed whose extension fails still yields its exact run. Every span holds a content word.

use super::extend::{Alignment, BAND, Op, best_window, exact_run, extend};
use super::index::N;
use super::tokens::{Doc, QUOTED, is_content};
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

fn covers(al: &Alignment, ia: usize, ib: usize) -> bool {
    al.a.contains(&ia) && al.b.contains(&ib)
}

fn same_diagonal(al: &Alignment, ia: usize, ib: usize) -> bool {
    let d = ib as i64 - ia as i64;
    let lo = al.b.start as i64 - al.a.start as i64;
    let hi = al.b.end as i64 - al.a.end as i64;
    (lo.min(hi) - BAND as i64..=lo.max(hi) + BAND as i64).contains(&d)
}

/// Aligns two documents from their seeds (pairs of start positions, sorted by diagonal then
/// position); returns the accepted spans in order of `a`, nearby ones merged.
pub fn align_pair(a: &Doc, b: &Doc, seeds: &[(usize, usize)], cfg: &Config) -> Vec<Alignment> {
    let mut kept: Vec<Alignment> = Vec::new();
    let mut failed: Vec<(Alignment, i64)> = Vec::new();
    for &(ia, ib) in seeds {
        if kept
            .iter()
            .any(|al| covers(al, ia, ib) && same_diagonal(al, ia, ib))
        {
            continue;
        }
        let d = ib as i64 - ia as i64;
        if failed.iter().any(|(al, fd)| *fd == d && covers(al, ia, ib)) {
            continue;
        }
        match accept(a, b, ia, ib, cfg) {
            Ok(al) => kept.push(al),
            Err(al) => failed.push((al, d)),
        }
    }
    merge(kept)
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
