//! What story grouping compares articles by: sublinear TF-IDF vectors of each article's
//! head (title and lead), of its body (its first [`BODY_BYTES`], the top of a news article
//! where it says what it is about) and of the entities it names (aliases already merged by
//! [`crate::analysis::entities`]), each L2-normalised so that a dot product is a cosine.
//!
//! Terms are word ids ([`crate::analysis::passages::tokens::word_id`]: normalised, case
//! folded) of words holding a letter, at least two characters long and not function words
//! (`assets/stopwords.txt`). The inverse document frequency is the smoothed one,
//! `ln((1 + n) / (1 + df)) + 1`, counted over the corpus itself.

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::entities::{EntityIndex, Field};
use crate::analysis::passages::tokens::word_id;
use crate::assets;
use crate::corpus::Corpus;

/// Bytes of the body read for its terms: about 300 words.
pub const BODY_BYTES: usize = 2000;
/// Bytes of the body that make its lead (with the title, the head).
pub const LEAD_BYTES: usize = 400;
/// Most terms kept in a body vector (the heaviest): bounds memory and comparison time.
pub const MAX_BODY_TERMS: usize = 128;

/// A sparse vector: `(key, weight)` sorted by key.
pub type Sparse = Vec<(u32, f32)>;

/// The vectors of every article, indexed like the corpus.
#[derive(Debug, Default)]
pub struct Features {
    pub head: Vec<Sparse>,
    pub body: Vec<Sparse>,
    pub entities: Vec<Sparse>,
    /// Document frequency of each term (over heads and bodies together).
    pub df: FxHashMap<u32, u32>,
    /// Document frequency of each entity (index into the entity index).
    pub entity_df: FxHashMap<u32, u32>,
    pub articles: usize,
}

impl Features {
    /// The smoothed inverse document frequency of a term seen in `df` articles.
    pub fn idf(&self, df: u32) -> f32 {
        idf(self.articles, df as usize)
    }
}

/// `ln((1 + n) / (1 + df)) + 1`.
pub fn idf(n: usize, df: usize) -> f32 {
    ((1.0 + n as f32) / (1.0 + df as f32)).ln() + 1.0
}

static STOP: LazyLock<FxHashSet<u32>> =
    LazyLock::new(|| assets::lines(assets::STOPWORDS).map(word_id).collect());

/// Whether a word counts as a term.
fn is_term(w: &str) -> bool {
    w.chars().nth(1).is_some() && w.chars().any(char::is_alphabetic)
}

/// The id of a term: an English plural is folded onto its singular (`rescuers`,
/// `rescuer`; `ferries`, `ferry`), the only inflection worth the cost here.
fn term_id(w: &str) -> u32 {
    let b = w.as_bytes();
    let n = b.len();
    let plural = n > 3
        && w.is_ascii()
        && matches!(b[n - 1], b's' | b'S')
        && !matches!(b[n - 2], b's' | b'S' | b'\'' | b'u' | b'U' | b'i' | b'I');
    if !plural {
        return word_id(w);
    }
    let lower = w.to_ascii_lowercase();
    match lower.strip_suffix("ies") {
        Some(stem) if n > 4 => word_id(&format!("{stem}y")),
        _ => word_id(&lower[..n - 1]),
    }
}

/// Appends the term ids of `text` to `out`.
pub fn terms(text: &str, out: &mut Vec<u32>) {
    crate::text::for_each_word(text, |_, w| {
        if is_term(w) {
            let id = term_id(w);
            if !STOP.contains(&id) {
                out.push(id);
            }
        }
    });
}

/// The first `n` bytes of `s`, cut back to a char boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Term counts: `(term, count)` sorted by term.
type Counts = Vec<(u32, u32)>;

/// Counts sorted-and-run-length: `(term, count)` sorted by term.
fn counts(mut ids: Vec<u32>) -> Counts {
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ids.len());
    for id in ids {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Term counts of one article's head and body.
fn article_counts(title: &str, body: &str) -> (Counts, Counts) {
    let mut head = Vec::new();
    terms(title, &mut head);
    terms(prefix(body, LEAD_BYTES), &mut head);
    let mut b = Vec::new();
    terms(prefix(body, BODY_BYTES), &mut b);
    (counts(head), counts(b))
}

/// Document frequencies of the keys of `lists` (each list's keys distinct).
fn document_frequencies(lists: impl ParallelIterator<Item = Vec<u32>>) -> FxHashMap<u32, u32> {
    lists
        .fold(FxHashMap::default, |mut m: FxHashMap<u32, u32>, l| {
            for k in l {
                *m.entry(k).or_default() += 1;
            }
            m
        })
        .reduce(FxHashMap::default, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (k, c) in small {
                *big.entry(k).or_default() += c;
            }
            big
        })
}

/// The keys of two count lists, each once, sorted.
fn union_keys(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<u32> {
    let mut keys: Vec<u32> = a.iter().chain(b).map(|&(k, _)| k).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Weighs counts into a unit vector: `(1 + ln tf) · idf`, the `keep` heaviest kept.
fn weigh(counts: &[(u32, u32)], idf: impl Fn(u32) -> f32, keep: usize) -> Sparse {
    let mut v: Sparse = counts
        .iter()
        .map(|&(k, tf)| (k, (1.0 + (tf as f32).ln()) * idf(k)))
        .collect();
    if v.len() > keep {
        v.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1));
        v.truncate(keep);
        v.sort_unstable_by_key(|&(k, _)| k);
    }
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Entity counts of each article: every mention but those of the outlet line, and no
/// entity that is an outlet of the corpus (an outlet names itself in its own articles).
fn entity_counts(corpus: &Corpus, entities: &EntityIndex) -> Vec<Vec<(u32, u32)>> {
    let outlets: FxHashSet<String> = corpus
        .articles
        .iter()
        .filter_map(|a| a.meta.source.as_deref())
        .map(str::to_lowercase)
        .collect();
    let mut per: Vec<Vec<(u32, u32)>> = vec![Vec::new(); corpus.len()];
    for (e, entity) in entities.entities.iter().enumerate() {
        if outlets.contains(&entity.name.to_lowercase()) {
            continue;
        }
        for m in entity.mentions.iter().filter(|m| m.field != Field::Source) {
            let Some(list) = per.get_mut(m.article) else {
                continue;
            };
            match list.last_mut() {
                Some((last, c)) if *last == e as u32 => *c += 1,
                _ => list.push((e as u32, 1)),
            }
        }
    }
    per
}

/// The features of every article of `corpus`.
pub fn extract(corpus: &Corpus, entities: &EntityIndex) -> Features {
    let n = corpus.len();
    let counted: Vec<(Counts, Counts)> = corpus
        .articles
        .par_iter()
        .map(|a| article_counts(&a.meta.title, &a.body))
        .collect();
    let (head_counts, body_counts): (Vec<_>, Vec<_>) = counted.into_iter().unzip();
    let df = document_frequencies(
        head_counts
            .par_iter()
            .zip(&body_counts)
            .map(|(h, b)| union_keys(h, b)),
    );
    let ent_counts = entity_counts(corpus, entities);
    let entity_df = document_frequencies(
        ent_counts
            .par_iter()
            .map(|c| c.iter().map(|&(k, _)| k).collect()),
    );
    let term_idf = |k: u32| idf(n, df.get(&k).copied().unwrap_or(1) as usize);
    let ent_idf = |k: u32| idf(n, entity_df.get(&k).copied().unwrap_or(1) as usize);
    let head = head_counts
        .par_iter()
        .map(|c| weigh(c, term_idf, usize::MAX))
        .collect();
    let body = body_counts
        .par_iter()
        .map(|c| weigh(c, term_idf, MAX_BODY_TERMS))
        .collect();
    let ents = ent_counts
        .par_iter()
        .map(|c| weigh(c, ent_idf, usize::MAX))
        .collect();
    Features {
        head,
        body,
        entities: ents,
        df,
        entity_df,
        articles: n,
    }
}

/// The dot product of two sparse vectors (their cosine, when both are unit vectors).
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}
