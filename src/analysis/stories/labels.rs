//! Turning groups into [`Story`] values: their articles in order, a stable id, the
//! entities and headline words that characterise them (the heaviest of the story's
//! centroid), the headline that represents them (the article closest to all the others),
//! and how many shared passages and quotes tie them together.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::features::Features;
use super::terms::{term_of, terms};
use super::{Story, StoryIndex};
use crate::analysis::entities::EntityIndex;
use crate::analysis::passages::{PassageIndex, Quoted};
use crate::corpus::{ArticleIdx, Corpus};

/// Entities and words a label keeps.
pub const LABEL_ENTITIES: usize = 5;
pub const LABEL_TERMS: usize = 3;

/// The term ids of each entity's name, indexed like the entities: the words a story's
/// label leaves out of its headline words when its entities already say them.
pub fn name_terms(entities: &EntityIndex) -> Vec<Vec<u32>> {
    entities
        .entities
        .par_iter()
        .map(|e| {
            let mut ids = Vec::new();
            terms(&e.name, &mut ids);
            ids
        })
        .collect()
}

/// What the labels read besides the groups: the articles' vectors and the term ids of
/// the entities' names ([`name_terms`]).
pub struct Sources<'a> {
    pub features: &'a Features,
    pub name_terms: &'a [Vec<u32>],
}

/// Builds the stories from each article's group root (see [`super::cluster`]).
pub fn build(
    corpus: &Corpus,
    entities: &EntityIndex,
    passages: &PassageIndex,
    sources: Sources,
    edges: &[(u32, u32, f32)],
    roots: &[u32],
) -> StoryIndex {
    let f = sources.features;
    let groups = ordered_groups(corpus, roots);
    let mut of_article = vec![0; corpus.len()];
    for (s, g) in groups.iter().enumerate() {
        for &a in g {
            of_article[a] = s;
        }
    }
    let (sums, story_sums) = edge_sums(edges, &of_article, groups.len());
    let (shared_p, shared_q) = tie_counts(passages, &of_article, groups.len());
    // what characterises each story is read in parallel; the ids, which must differ, in order
    let labels: Vec<(String, Vec<usize>, Vec<String>)> = groups
        .par_iter()
        .map(|articles| {
            (
                base_id(corpus, articles),
                top_entities(f, entities, articles),
                top_terms(corpus, f, sources.name_terms, articles),
            )
        })
        .collect();
    let mut ids = FxHashSet::default();
    let stories = groups
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(s, (articles, (base, top, terms)))| {
            let cohesion = cohesion(articles.len(), story_sums.get(s).copied());
            Story {
                id: unique_id(base, &mut ids),
                headline: representative(&articles, &sums),
                entities: top,
                terms,
                passages: shared_p[s],
                quotes: shared_q[s],
                cohesion,
                articles,
            }
        })
        .collect();
    StoryIndex {
        stories,
        of_article,
    }
}

/// The groups of articles sharing a root, each in date order (undated last), the largest
/// first, then the earliest, then by first article.
fn ordered_groups(corpus: &Corpus, roots: &[u32]) -> Vec<Vec<ArticleIdx>> {
    let mut members: Vec<Vec<ArticleIdx>> = vec![Vec::new(); roots.len()];
    for (i, &r) in roots.iter().enumerate() {
        if let Some(m) = members.get_mut(r as usize) {
            m.push(i);
        }
    }
    let mut groups: Vec<Vec<ArticleIdx>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_by_key(|&a| {
            (
                corpus.articles[a].meta.date.is_none(),
                corpus.articles[a].meta.date,
                a,
            )
        });
    }
    groups.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then_with(|| first_date(corpus, a).cmp(&first_date(corpus, b)))
            .then_with(|| a.first().cmp(&b.first()))
    });
    groups
}

/// The mean similarity of a story's pairs of articles, in [0, 1] (1 for a single article).
fn cohesion(articles: usize, sum: Option<f32>) -> f32 {
    let pairs = articles * articles.saturating_sub(1) / 2;
    if pairs == 0 {
        1.0
    } else {
        (sum.unwrap_or(0.0) / pairs as f32).clamp(0.0, 1.0)
    }
}

fn first_date(corpus: &Corpus, g: &[ArticleIdx]) -> Option<chrono::NaiveDate> {
    g.iter().filter_map(|&a| corpus.articles[a].meta.date).min()
}

/// Per article, its summed similarity to the rest of its story; and per story the sum of
/// its pairs' similarities.
fn edge_sums(
    edges: &[(u32, u32, f32)],
    of_article: &[usize],
    stories: usize,
) -> (Vec<f32>, Vec<f32>) {
    let mut per_article = vec![0.0f32; of_article.len()];
    let mut per_story = vec![0.0f32; stories];
    for &(a, b, s) in edges {
        let (a, b) = (a as usize, b as usize);
        let (Some(&story), Some(&other)) = (of_article.get(a), of_article.get(b)) else {
            continue;
        };
        if story == other {
            per_article[a] += s;
            per_article[b] += s;
            if let Some(sum) = per_story.get_mut(story) {
                *sum += s;
            }
        }
    }
    (per_article, per_story)
}

/// The article with the highest summed similarity to the rest (the first on a tie).
fn representative(articles: &[ArticleIdx], sums: &[f32]) -> ArticleIdx {
    let mut best = articles.first().copied().unwrap_or(0);
    let mut best_sum = f32::MIN;
    for &a in articles {
        let s = sums.get(a).copied().unwrap_or(0.0);
        if s > best_sum {
            best = a;
            best_sum = s;
        }
    }
    best
}

/// Shared passages and quotes with two or more articles in one story, per story.
fn tie_counts(
    passages: &PassageIndex,
    of_article: &[usize],
    stories: usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut p = vec![0; stories];
    let mut q = vec![0; stories];
    for passage in &passages.passages {
        let mut per: FxHashMap<usize, FxHashSet<ArticleIdx>> = FxHashMap::default();
        for o in &passage.occurrences {
            if let Some(&s) = of_article.get(o.article) {
                per.entry(s).or_default().insert(o.article);
            }
        }
        for (s, arts) in per {
            if arts.len() >= 2 {
                match passage.quoted {
                    Quoted::None => p[s] += 1,
                    _ => q[s] += 1,
                }
            }
        }
    }
    (p, q)
}

/// `s` and 8 hex digits of a hash of the story's smallest article id.
fn base_id(corpus: &Corpus, articles: &[ArticleIdx]) -> String {
    let first = articles
        .iter()
        .map(|&a| corpus.articles[a].id.as_str())
        .min()
        .unwrap_or_default();
    let h = xxhash_rust::xxh3::xxh3_64(first.as_bytes());
    format!("s{:08x}", h as u32)
}

/// `base`, suffixed in the unlikely event that another story has it already. `seen` holds
/// hashes of the ids given: two ids hashing alike (one in 10^19) would only cost a suffix.
fn unique_id(base: String, seen: &mut FxHashSet<u64>) -> String {
    let hash = |id: &str| xxhash_rust::xxh3::xxh3_64(id.as_bytes());
    if seen.insert(hash(&base)) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| seen.insert(hash(id)))
        .unwrap_or(base)
}

/// The heaviest entities of the story's centroid; none that only one of several
/// articles names.
fn top_entities(f: &Features, entities: &EntityIndex, articles: &[ArticleIdx]) -> Vec<usize> {
    let mut weight: FxHashMap<u32, (f32, usize)> = FxHashMap::default();
    for &a in articles {
        for &(e, w) in f.entities.get(a).map_or(&[][..], Vec::as_slice) {
            let slot = weight.entry(e).or_default();
            slot.0 += w;
            slot.1 += 1;
        }
    }
    let min_articles = if articles.len() > 1 { 2 } else { 1 };
    let mut ranked: Vec<(u32, f32)> = weight
        .into_iter()
        .filter(|&(e, (_, n))| n >= min_articles && (e as usize) < entities.entities.len())
        .map(|(e, (w, _))| (e, w))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(LABEL_ENTITIES)
        .map(|(e, _)| e as usize)
        .collect()
}

/// The heaviest headline words of the story (summed TF-IDF over its titles), leaving out
/// words of its entities' names (`name_terms`, indexed like the entities).
fn top_terms(
    corpus: &Corpus,
    f: &Features,
    name_terms: &[Vec<u32>],
    articles: &[ArticleIdx],
) -> Vec<String> {
    let named: FxHashSet<u32> = articles
        .iter()
        .flat_map(|&a| f.entities.get(a).map_or(&[][..], Vec::as_slice))
        .filter_map(|&(e, _)| name_terms.get(e as usize))
        .flatten()
        .copied()
        .collect();
    let mut score: FxHashMap<u32, (f32, String, usize)> = FxHashMap::default();
    for &a in articles {
        let title = &corpus.articles[a].meta.title;
        let mut seen = FxHashSet::default();
        crate::text::for_each_word(title, |_, w| {
            let Some(id) = term_of(w) else { return };
            if named.contains(&id) || !seen.insert(id) {
                return;
            }
            let idf = f.idf(f.df_of(id).max(1));
            let slot = score
                .entry(id)
                .or_insert_with(|| (0.0, w.to_lowercase(), 0));
            slot.0 += idf;
            slot.2 += 1;
        });
    }
    let min_articles = if articles.len() > 1 { 2 } else { 1 };
    let mut ranked: Vec<(f32, String)> = score
        .into_values()
        .filter(|(_, _, n)| *n >= min_articles)
        .map(|(s, w, _)| (s, w))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(LABEL_TERMS)
        .map(|(_, w)| w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_id_taken_already_is_suffixed() {
        let mut seen = FxHashSet::default();
        let ids: Vec<String> = ["s1", "s2", "s1", "s1"]
            .into_iter()
            .map(|b| unique_id(b.to_string(), &mut seen))
            .collect();
        assert_eq!(ids, ["s1", "s2", "s1-2", "s1-3"]);
    }
}
