//! Scoring many pairs that share their first article at once: the first article's vectors
//! are scattered into dense arrays, and each partner's cosine is then a lookup per term of
//! the partner, where a merge of two sorted vectors would branch on every term of both.
//! Candidate pairs come sorted by their first article, so each is scattered once.
//!
//! The sums are the same as [`super::features::dot`]'s, term for term and in the same
//! order (a term the first article lacks adds an exact zero), so the scores are identical.

use super::features::{Features, Sparse};

/// The three channels of [`Features`], whose keys are dense already (terms by rank,
/// entities by index), with the lengths of the arrays they scatter into.
pub struct Dense<'a> {
    head: &'a [Sparse],
    body: &'a [Sparse],
    entities: &'a [Sparse],
    /// Distinct terms (heads and bodies), and a spare slot; entity keys.
    terms: usize,
    entity_keys: usize,
}

impl<'a> Dense<'a> {
    pub fn new(f: &'a Features) -> Dense<'a> {
        Dense {
            head: &f.head,
            body: &f.body,
            entities: &f.entities,
            terms: f.term_ids.len() + 1,
            entity_keys: f.entity_df.len(),
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
        (d.head, head),
        (d.body, body),
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
