//! A story's share of the corpus-wide findings: which statements and shared passages the
//! articles of one story (or any set of articles) carry, who carries them there, earliest
//! first, and who leaves out a statement most of them carry. The reader's quotes screen and
//! `parallax quotes --story` / `passages --story` list what these functions return, so both
//! show the same thing.

use super::StoryIndex;
use crate::analysis::passages::{Occurrence as PassageAt, Passage, PassageIndex, labels};
use crate::analysis::quotes::Quote;
use rustc_hash::FxHashMap;

use crate::analysis::quotes::statements::{Carried, Occurrence, Statement};
use crate::corpus::{ArticleIdx, Corpus};

/// A statement as the articles of a scope carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopedStatement {
    /// Index into the analysis's statements.
    pub statement: usize,
    /// Its occurrences inside the scope (indices into the statement's occurrences),
    /// earliest publication first, undated last.
    pub occurrences: Vec<usize>,
    /// The scope's articles that leave it out, when most of them (and at least three)
    /// carry it; sorted.
    pub left_out: Vec<ArticleIdx>,
}

/// A shared passage as the articles of a scope carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopedPassage {
    /// Index into the passage index.
    pub passage: usize,
    /// Its occurrences inside the scope (indices into the passage's occurrences).
    pub occurrences: Vec<usize>,
}

/// The story of article `a` when it has other articles: the story a view about `a` stays
/// inside. `None` for an article alone in its story (or without one): such a view covers
/// every story.
pub fn story_of(stories: &StoryIndex, a: ArticleIdx) -> Option<usize> {
    let s = *stories.of_article.get(a)?;
    stories
        .stories
        .get(s)
        .filter(|st| st.articles.len() > 1)
        .map(|_| s)
}

/// The articles of `within` that story `story` holds, in `within`'s order; all of `within`
/// for `None` (and none for a story that does not exist).
pub fn restrict(
    stories: &StoryIndex,
    story: Option<usize>,
    within: &[ArticleIdx],
) -> Vec<ArticleIdx> {
    match story {
        None => within.to_vec(),
        Some(s) => within
            .iter()
            .copied()
            .filter(|&a| stories.of_article.get(a) == Some(&s))
            .collect(),
    }
}

/// Whether each article is in `scope`, indexed by article (as long as its largest one).
fn mask(scope: &[ArticleIdx]) -> Vec<bool> {
    let mut inside = vec![false; scope.iter().max().map_or(0, |&m| m + 1)];
    for &a in scope {
        inside[a] = true;
    }
    inside
}

/// The statements carried in `scope`, each with its occurrences there (earliest first) and
/// the articles of `scope` that leave it out inside each story that carries it (see
/// [`left_out`]); most carrying articles first, then in the analysis's order.
pub fn statements(
    corpus: &Corpus,
    stories: &StoryIndex,
    statements: &[Statement],
    scope: &[ArticleIdx],
) -> Vec<ScopedStatement> {
    let inside = mask(scope);
    let is_in = |a: ArticleIdx| inside.get(a).copied().unwrap_or(false);
    let by_story = by_story(stories, scope);
    let mut out: Vec<(usize, ScopedStatement)> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let mut occ: Vec<usize> = (0..s.occurrences.len())
            .filter(|&k| is_in(s.occurrences[k].article))
            .collect();
        if occ.is_empty() {
            continue;
        }
        occ.sort_by_key(|&k| {
            let a = s.occurrences[k].article;
            let d = corpus.articles.get(a).and_then(|x| x.meta.date);
            (d.is_none(), d, a, k)
        });
        let mut carriers: Vec<ArticleIdx> = occ.iter().map(|&k| s.occurrences[k].article).collect();
        carriers.sort_unstable();
        carriers.dedup();
        let scoped = ScopedStatement {
            statement: i,
            occurrences: occ,
            left_out: left_out_by_story(stories, &by_story, &carriers),
        };
        out.push((carriers.len(), scoped));
    }
    out.sort_by_key(|(n, s)| (std::cmp::Reverse(*n), s.statement));
    out.into_iter().map(|(_, s)| s).collect()
}

/// The story of article `a` for [`left_out_by_story`]: articles without one (no story
/// grouping at all) count as one story together.
fn story_key(stories: &StoryIndex, a: ArticleIdx) -> usize {
    stories.of_article.get(a).copied().unwrap_or(usize::MAX)
}

/// The articles of `scope` in each story, sorted and distinct.
fn by_story(stories: &StoryIndex, scope: &[ArticleIdx]) -> FxHashMap<usize, Vec<ArticleIdx>> {
    let mut by: FxHashMap<usize, Vec<ArticleIdx>> = FxHashMap::default();
    for &a in scope {
        by.entry(story_key(stories, a)).or_default().push(a);
    }
    for list in by.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    by
}

/// Who leaves a statement out, story by story: within each story that carries it, the
/// story's articles in scope without it, when most of them (and at least three) carry it
/// (`carriers` sorted, distinct). Sorted.
fn left_out_by_story(
    stories: &StoryIndex,
    by_story: &FxHashMap<usize, Vec<ArticleIdx>>,
    carriers: &[ArticleIdx],
) -> Vec<ArticleIdx> {
    let mut groups: Vec<(usize, ArticleIdx)> = carriers
        .iter()
        .map(|&a| (story_key(stories, a), a))
        .collect();
    groups.sort_unstable();
    let mut out = Vec::new();
    for group in groups.chunk_by(|x, y| x.0 == y.0) {
        let members: Vec<ArticleIdx> = group.iter().map(|&(_, a)| a).collect();
        if let Some(all) = by_story.get(&group[0].0) {
            out.extend(left_out_sorted(all, &members));
        }
    }
    out.sort_unstable();
    out
}

/// `s` with only its occurrences `picked` (earliest first, as [`statements`] lists them):
/// its longest wording, speaker and differences counted among them. What the reader's
/// quotes screen and `parallax quotes` show of a statement inside a scope.
pub fn narrowed(corpus: &Corpus, s: &Statement, picked: &[usize]) -> Statement {
    let occurrences: Vec<Occurrence> = picked
        .iter()
        .filter_map(|&k| s.occurrences.get(k).cloned())
        .collect();
    let words = |o: &Occurrence| o.spans.iter().map(|r| r.len()).sum::<usize>();
    let longest = picked
        .iter()
        .position(|&k| k == s.longest)
        .unwrap_or_else(|| {
            let most = occurrences.iter().map(words).max().unwrap_or(0);
            occurrences
                .iter()
                .position(|o| words(o) == most)
                .unwrap_or(0)
        });
    let mut said: Vec<&Option<String>> = occurrences.iter().map(|o| &o.speaker).collect();
    said.sort();
    said.dedup();
    let main = occurrences
        .iter()
        .find(|o| o.speaker.is_some() && o.speaker == s.speaker);
    let main = main.or_else(|| occurrences.iter().find(|o| o.speaker.is_some()));
    let words = occurrences.get(longest).map_or(s.words, |o| {
        let body = corpus
            .articles
            .get(o.article)
            .map_or("", |a| a.body.as_str());
        let text = o.spans.iter().filter_map(|r| body.get(r.clone()));
        text.map(|t| t.split_whitespace().count()).sum()
    });
    Statement {
        longest,
        first: 0,
        speaker: main.and_then(|o| o.speaker.clone()),
        speaker_entity: main.and_then(|o| o.speaker_entity),
        attribution_differs: said.len() > 1,
        worded_differently: occurrences.iter().any(|o| o.carried == Carried::Reworded),
        words,
        occurrences,
    }
}

/// The articles of `scope` without the statement, when most of them (and at least three)
/// carry it (`carriers` sorted, distinct); none otherwise. Sorted.
pub fn left_out(scope: &[ArticleIdx], carriers: &[ArticleIdx]) -> Vec<ArticleIdx> {
    let mut all = scope.to_vec();
    all.sort_unstable();
    all.dedup();
    left_out_sorted(&all, carriers)
}

/// [`left_out`] of a sorted, distinct scope; allocates only when somebody is left out.
fn left_out_sorted(scope: &[ArticleIdx], carriers: &[ArticleIdx]) -> Vec<ArticleIdx> {
    if carriers.len() * 2 <= scope.len() || carriers.len() < 3 {
        return Vec::new();
    }
    scope
        .iter()
        .copied()
        .filter(|a| carriers.binary_search(a).is_err())
        .collect()
}

/// The shared passages that two or more articles of `scope` carry, each with its
/// occurrences there, in the passage index's order.
pub fn passages(passages: &PassageIndex, scope: &[ArticleIdx]) -> Vec<ScopedPassage> {
    let inside = mask(scope);
    let is_in = |a: ArticleIdx| inside.get(a).copied().unwrap_or(false);
    let mut out = Vec::new();
    for (i, p) in passages.passages.iter().enumerate() {
        let occ: Vec<usize> = (0..p.occurrences.len())
            .filter(|&k| is_in(p.occurrences[k].article))
            .collect();
        let mut arts: Vec<ArticleIdx> = occ.iter().map(|&k| p.occurrences[k].article).collect();
        arts.sort_unstable();
        arts.dedup();
        if arts.len() >= 2 {
            out.push(ScopedPassage {
                passage: i,
                occurrences: occ,
            });
        }
    }
    out
}

/// A passage with only its occurrences `picked` (indices into its occurrences, as
/// [`ScopedPassage::occurrences`]): its length, quotation and speaker read again from
/// them. Its similarity stays the passage's, the lowest identity over all its carriers,
/// which the kept ones alone could only raise.
pub fn narrowed_passage(
    corpus: &Corpus,
    quotes: &[Vec<Quote>],
    p: &Passage,
    picked: &[usize],
) -> Passage {
    let occurrences: Vec<PassageAt> = picked
        .iter()
        .filter_map(|&k| p.occurrences.get(k).cloned())
        .collect();
    let words = occurrences
        .iter()
        .filter_map(|o| corpus.articles.get(o.article)?.body.get(o.span.clone()))
        .map(crate::text::count_words)
        .max()
        .unwrap_or(p.words);
    let speaker = occurrences
        .iter()
        .filter(|o| o.quoted)
        .find_map(|o| labels::speaker_of(quotes.get(o.article)?, &o.span));
    Passage {
        quoted: labels::quoted(&occurrences),
        words,
        speaker,
        occurrences,
        ..p.clone()
    }
}

#[cfg(test)]
#[path = "scope_tests.rs"]
mod tests;
