//! The omission view: for an article inside a story, what the other outlets of the story
//! carry and this article leaves out — shared passages and quotes carried by two or more
//! other outlets, and the people, organisations and places most other outlets name.

use rustc_hash::FxHashSet;

use super::StoryIndex;
use super::summary::outlet_of;
use crate::analysis::entities::{EntityIndex, Field};
use crate::analysis::passages::{PassageIndex, Quoted};
use crate::corpus::{ArticleIdx, Corpus};

/// Something the article leaves out, and which other outlets carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// Index into the passage index, or into the entity index for an entity.
    pub index: usize,
    /// The other outlets that carry it, by name.
    pub outlets: Vec<String>,
    /// The articles of those outlets that carry it.
    pub articles: Vec<ArticleIdx>,
}

/// What an article leaves out of its story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omissions {
    pub article: ArticleIdx,
    /// Index of its story.
    pub story: usize,
    pub outlet: String,
    /// The story's other outlets.
    pub others: Vec<String>,
    /// Shared passages outside quotation marks.
    pub passages: Vec<Missing>,
    /// Shared passages inside quotation marks.
    pub quotes: Vec<Missing>,
    /// Entities (people, organisations, places, names of no known kind) named by more
    /// than half of the other outlets (and at least two).
    pub entities: Vec<Missing>,
}

/// The corpus-wide indexes the view reads.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub corpus: &'a Corpus,
    pub entities: &'a EntityIndex,
    pub passages: &'a PassageIndex,
    pub stories: &'a StoryIndex,
}

/// The text of passage `k` (its longest occurrence), as the omission view quotes it; empty
/// when there is no such passage or its text is not loaded.
pub fn passage_text<'a>(corpus: &'a Corpus, passages: &PassageIndex, k: usize) -> &'a str {
    let Some(p) = passages.passages.get(k) else {
        return "";
    };
    let Some(o) = p.occurrences.get(p.longest()) else {
        return "";
    };
    corpus
        .articles
        .get(o.article)
        .and_then(|a| a.body.get(o.span.clone()))
        .unwrap_or_default()
}

/// What `article` leaves out of its story; `None` when the article is not in the index.
pub fn omissions(src: Sources<'_>, article: ArticleIdx) -> Option<Omissions> {
    let story_ix = *src.stories.of_article.get(article)?;
    let story = src.stories.stories.get(story_ix)?;
    let outlet = outlet_of(src.corpus, article);
    let others: Vec<ArticleIdx> = story
        .articles
        .iter()
        .copied()
        .filter(|&a| outlet_of(src.corpus, a) != outlet)
        .collect();
    let other_outlets = super::summary::outlets(src.corpus, &others);
    let in_others: FxHashSet<ArticleIdx> = others.iter().copied().collect();
    let (passages, quotes) = missing_passages(src, article, &in_others);
    Some(Omissions {
        article,
        story: story_ix,
        outlet,
        entities: missing_entities(src, article, &in_others, other_outlets.len()),
        others: other_outlets,
        passages,
        quotes,
    })
}

/// Groups `articles` by outlet: the outlets (sorted) and the articles (sorted).
fn carried(corpus: &Corpus, mut articles: Vec<ArticleIdx>) -> (Vec<String>, Vec<ArticleIdx>) {
    articles.sort_unstable();
    articles.dedup();
    let mut outlets: Vec<String> = articles.iter().map(|&a| outlet_of(corpus, a)).collect();
    outlets.sort();
    outlets.dedup();
    (outlets, articles)
}

fn missing_passages(
    src: Sources<'_>,
    article: ArticleIdx,
    others: &FxHashSet<ArticleIdx>,
) -> (Vec<Missing>, Vec<Missing>) {
    let (mut passages, mut quotes) = (Vec::new(), Vec::new());
    for (k, p) in src.passages.passages.iter().enumerate() {
        if p.occurrences.iter().any(|o| o.article == article) {
            continue;
        }
        let arts: Vec<ArticleIdx> = p
            .occurrences
            .iter()
            .map(|o| o.article)
            .filter(|a| others.contains(a))
            .collect();
        let (outlets, articles) = carried(src.corpus, arts);
        if outlets.len() < 2 {
            continue;
        }
        let m = Missing {
            index: k,
            outlets,
            articles,
        };
        match p.quoted {
            Quoted::None => passages.push(m),
            _ => quotes.push(m),
        }
    }
    let order = |v: &mut Vec<Missing>| {
        v.sort_by(|a, b| {
            b.outlets
                .len()
                .cmp(&a.outlets.len())
                .then(a.index.cmp(&b.index))
        })
    };
    order(&mut passages);
    order(&mut quotes);
    (passages, quotes)
}

fn missing_entities(
    src: Sources<'_>,
    article: ArticleIdx,
    others: &FxHashSet<ArticleIdx>,
    other_outlets: usize,
) -> Vec<Missing> {
    let outlet_names: FxHashSet<String> = src
        .corpus
        .articles
        .iter()
        .filter_map(|a| a.meta.source.as_deref())
        .map(str::to_lowercase)
        .collect();
    let mut out = Vec::new();
    for (k, e) in src.entities.entities.iter().enumerate() {
        if outlet_names.contains(&e.name.to_lowercase()) {
            continue;
        }
        let mut arts = Vec::new();
        let mut named_here = false;
        for m in e.mentions.iter().filter(|m| m.field != Field::Source) {
            named_here |= m.article == article;
            if others.contains(&m.article) {
                arts.push(m.article);
            }
        }
        if named_here || arts.is_empty() {
            continue;
        }
        let (outlets, articles) = carried(src.corpus, arts);
        if outlets.len() >= 2 && outlets.len() * 2 > other_outlets {
            out.push(Missing {
                index: k,
                outlets,
                articles,
            });
        }
    }
    out.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(a.index.cmp(&b.index))
    });
    out
}
