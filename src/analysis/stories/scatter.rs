//! Scoring many pairs that share their first article at once: the first article's vectors
//! are scattered into dense arrays, and each partner's cosine is then a lookup per term of
//! the partner, where a merge of two sorted vectors would branch on every term of both.
//! Candidate pairs come sorted by their first article, so each is scattered once.
//!
//! The sums are the same as [`super::features::dot`]'s, term for term and in the same
//! order (a term the first article lacks adds an exact zero), so the scores are identical.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::features::{Features, Sparse};

/// The three channels of [`Features`] with terms renumbered densely (`0..len`), each
/// vector kept in its original order.
pub struct Dense<'a> {
    head: Vec<Sparse>,
    body: Vec<Sparse>,
    /// Entity keys are dense already.
    entities: &'a [Sparse],
    /// Distinct terms (heads and bodies) and entity keys: the arrays' lengths.
    terms: usize,
    entity_keys: usize,
}

impl<'a> Dense<'a> {
    pub fn new(f: &'a Features) -> Dense<'a> {
        // Every term of a head or body has a document frequency: numbered in `df`'s order,
        // and the vectors renumbered in parallel. (A term without one would get the
        // extra last slot, which no other term uses.)
        let ids: FxHashMap<u32, u32> =
            f.df.keys()
                .enumerate()
                .map(|(i, &t)| (t, i as u32))
                .collect();
        let spare = ids.len() as u32;
        let renumber = |vs: &[Sparse]| -> Vec<Sparse> {
            vs.par_iter()
                .map(|v| {
                    v.iter()
                        .map(|&(t, w)| (ids.get(&t).copied().unwrap_or(spare), w))
                        .collect()
                })
                .collect()
        };
        let head = renumber(&f.head);
        let body = renumber(&f.body);
        let entity_keys = f
            .entities
            .iter()
            .flat_map(|v| v.iter().map(|&(e, _)| e as usize + 1))
            .max()
            .unwrap_or(0);
        Dense {
            head,
            body,
            entities: &f.entities,
            terms: ids.len() + 1,
            entity_keys,
        }
    }

    /// Frees the renumbered vectors on every thread.
    pub fn drop_in_parallel(self) {
        for vs in [self.head, self.body] {
            crate::analysis::free_in_parallel(vs);
        }
    }

    /// Arrays to scatter into, one set per thread.
    pub fn buffers(&self) -> Buffers {
        Buffers {
            terms: [vec![0.0; self.terms], vec![0.0; self.terms]],
            entities: vec![0.0; self.entity_keys],
        }
    }
}

/// Dense arrays holding one article's weights, zero elsewhere.
pub struct Buffers {
    terms: [Vec<f32>; 2],
    entities: Vec<f32>,
}

/// The three cosines of article `a` with each of `partners`, through `buf`: calls
/// `each(partner, [head, body, entities])`, a channel `None` when either side lacks it.
pub fn cosines(
    d: &Dense<'_>,
    buf: &mut Buffers,
    a: usize,
    partners: impl Iterator<Item = usize>,
    mut each: impl FnMut(usize, [Option<f32>; 3]),
) {
    let [head, body] = &mut buf.terms;
    let channels: [(&[Sparse], &mut Vec<f32>); 3] = [
        (&d.head, head),
        (&d.body, body),
        (d.entities, &mut buf.entities),
    ];
    let mut channels = channels;
    for (vs, arr) in channels.iter_mut() {
        for &(t, w) in &vs[a] {
            arr[t as usize] = w;
        }
    }
    for b in partners {
        let mut out = [None; 3];
        for (k, (vs, arr)) in channels.iter().enumerate() {
            let (x, y) = (&vs[a], &vs[b]);
            if !x.is_empty() && !y.is_empty() {
                let mut s = 0.0;
                for &(t, w) in y {
                    s += arr[t as usize] * w;
                }
                out[k] = Some(s);
            }
        }
        each(b, out);
    }
    for (vs, arr) in channels.iter_mut() {
        for &(t, _) in &vs[a] {
            arr[t as usize] = 0.0;
        }
    }
}
