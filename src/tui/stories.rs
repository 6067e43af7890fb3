//! The reader's story level: the groups the library's visible articles fall into (each
//! story's articles under its header, the one-article stories together at the end), the
//! rows drawn from them, and the state of the omission and outlet × entity screens. Pure
//! functions of the story index; the core computes the stories, omissions and grids.

use serde::{Deserialize, Serialize};

use crate::analysis::stories::StoryIndex;
use crate::analysis::stories::grid::Grid;
use crate::analysis::stories::omissions::{Missing, Omissions};
use crate::corpus::ArticleIdx;

/// How the library lists the articles (kept between sessions): by story unless the
/// reader chose the flat list for this corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// One row per article.
    Flat,
    /// A header per story, its articles under it when it is opened.
    #[default]
    Stories,
}

/// A group of the library: a story (index into the story index), or all the stories of
/// one article together (so they do not drown the list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKey {
    Story(usize),
    Singles,
}

/// A group and its visible articles, in the library's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    pub articles: Vec<ArticleIdx>,
}

/// One row of the grouped library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group's header (index into the groups).
    Header(usize),
    Article(ArticleIdx),
}

/// The library narrowed to a set of articles (a cell of the grid), shown as a chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrow {
    pub label: String,
    /// Sorted.
    pub articles: Vec<ArticleIdx>,
}

/// The omission screen: what the other outlets of an article's story carry and it leaves
/// out, computed once when the screen opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OmissionsView {
    pub omissions: Omissions,
    /// Position in [`items`].
    pub selected: usize,
}

/// The three kinds of omission, in the order the screen lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Passages,
    Quotes,
    Entities,
}

/// The omission screen's items, in order: passages, quotes, then entities.
pub fn items(o: &Omissions) -> Vec<(Section, &Missing)> {
    let p = o.passages.iter().map(|m| (Section::Passages, m));
    let q = o.quotes.iter().map(|m| (Section::Quotes, m));
    let e = o.entities.iter().map(|m| (Section::Entities, m));
    p.chain(q).chain(e).collect()
}

/// The outlet × entity screen of a story (or of the visible articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridView {
    pub story: Option<usize>,
    /// The articles the grid counts.
    pub articles: Vec<ArticleIdx>,
    pub grid: Grid,
    /// The selected cell.
    pub row: usize,
    pub column: usize,
}

/// An outlet as shown: the core names an article without a known outlet
/// `(unknown: ID)`; the screens show its id with a `?`.
pub fn display_outlet(name: &str) -> String {
    match name
        .strip_prefix("(unknown: ")
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(id) => format!("?{id}"),
        None => name.to_string(),
    }
}

/// The group key of article `a`: its story, or the singles when its story has one article
/// (or the analysis has no story for it).
pub fn key_of(stories: &StoryIndex, a: ArticleIdx) -> GroupKey {
    match stories.of_article.get(a) {
        Some(&s) if stories.stories.get(s).is_some_and(|s| s.articles.len() > 1) => {
            GroupKey::Story(s)
        }
        _ => GroupKey::Singles,
    }
}

/// Groups `visible` by story, keeping its order inside each group: the stories with the
/// most visible articles first, the one-article stories last. A story none of whose
/// articles is visible has no group.
pub fn groups(stories: &StoryIndex, visible: &[ArticleIdx]) -> Vec<Group> {
    let mut by_key: std::collections::BTreeMap<GroupKey, Vec<ArticleIdx>> = Default::default();
    for &a in visible {
        by_key.entry(key_of(stories, a)).or_default().push(a);
    }
    let mut out: Vec<Group> = by_key
        .into_iter()
        .map(|(key, articles)| Group { key, articles })
        .collect();
    out.sort_by_key(|g| match g.key {
        GroupKey::Story(s) => (0, std::cmp::Reverse(g.articles.len()), s),
        GroupKey::Singles => (1, std::cmp::Reverse(0), 0),
    });
    out
}

/// The rows of `groups`: every header, and the articles of the open groups under theirs.
pub fn rows(groups: &[Group], open: &[GroupKey]) -> Vec<Row> {
    let mut out = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        out.push(Row::Header(k));
        if open.contains(&g.key) {
            out.extend(g.articles.iter().map(|&a| Row::Article(a)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stories::Story;

    fn story(articles: Vec<ArticleIdx>) -> Story {
        Story::of(articles, &[])
    }

    /// Articles 0, 2, 4 one story; 1 and 3 another; 5 and 6 alone.
    fn index() -> StoryIndex {
        StoryIndex {
            stories: vec![
                story(vec![0, 2, 4]),
                story(vec![1, 3]),
                story(vec![5]),
                story(vec![6]),
            ],
            of_article: vec![0, 1, 0, 1, 0, 2, 3],
        }
    }

    #[test]
    fn stories_come_largest_first_and_single_articles_last() {
        let g = groups(&index(), &[6, 5, 4, 3, 2, 1, 0]);
        let keys: Vec<GroupKey> = g.iter().map(|g| g.key).collect();
        assert_eq!(
            keys,
            [GroupKey::Story(0), GroupKey::Story(1), GroupKey::Singles]
        );
        assert_eq!(g[0].articles, [4, 2, 0], "the library's order is kept");
        assert_eq!(g[2].articles, [6, 5]);
    }

    #[test]
    fn a_story_with_no_visible_article_has_no_group_and_counts_are_filtered() {
        let g = groups(&index(), &[1, 3, 4]);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].key, GroupKey::Story(1));
        assert_eq!(g[0].articles.len(), 2);
        assert_eq!(g[1].articles, [4]);
    }

    #[test]
    fn only_open_groups_show_their_articles() {
        let g = groups(&index(), &[0, 1, 2, 3, 4, 5, 6]);
        let r = rows(&g, &[GroupKey::Story(1)]);
        assert_eq!(
            r,
            [
                Row::Header(0),
                Row::Header(1),
                Row::Article(1),
                Row::Article(3),
                Row::Header(2)
            ]
        );
    }

    #[test]
    fn without_stories_every_article_is_a_single() {
        let g = groups(&StoryIndex::default(), &[0, 1]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].key, GroupKey::Singles);
    }
}
