//! Story transitions of the library: grouping by story or not, opening a story's header,
//! keeping the cursor on its article or story when the rows change, and opening the
//! omission and grid screens (computed by the core, once, when they open).

use crate::analysis::stories::{grid, omissions};
use crate::corpus::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;
use crate::tui::stories::{self, GridView, GroupKey, Grouping, OmissionsView, Row, key_of};

/// What the cursor is on, to find it again once the rows change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Article(ArticleIdx),
    Group(GroupKey),
}

/// What the library's cursor is on.
pub(crate) fn anchor(app: &App) -> Option<Anchor> {
    if let Some(a) = app.selected_article() {
        return Some(Anchor::Article(a));
    }
    let lib = &app.library;
    match (lib.grouping, lib.rows.get(lib.selected)) {
        (Grouping::Stories, Some(Row::Header(g))) => {
            lib.groups.get(*g).map(|g| Anchor::Group(g.key))
        }
        _ => None,
    }
}

/// Rebuilds the groups and rows from the visible articles, the cursor kept on `keep`.
pub(crate) fn regroup(app: &mut App, keep: Option<Anchor>) {
    let lib = &mut app.library;
    if lib.grouping == Grouping::Flat {
        lib.groups.clear();
        lib.rows.clear();
    } else if app.analysis.stories.stories.is_empty() {
        // No stories yet (the analysis runs): the articles, without headers.
        lib.groups.clear();
        lib.rows = lib.visible.iter().map(|&a| Row::Article(a)).collect();
    } else {
        // The cursor's article stays in view: its story opens.
        if let Some(Anchor::Article(a)) = keep {
            let key = key_of(&app.analysis.stories, a);
            if !lib.open.contains(&key) {
                lib.open.push(key);
            }
        }
        lib.groups = stories::groups(&app.analysis.stories, &lib.visible);
        lib.rows = stories::rows(&lib.groups, &lib.open);
    }
    if let Some(pos) = keep.and_then(|k| position(app, k)) {
        app.library.selected = pos;
    }
    let len = app.library_len();
    app.library.selected = app.library.selected.min(len.saturating_sub(1));
}

/// The row of `anchor` (an article hidden in a closed story: that story's header).
fn position(app: &App, anchor: Anchor) -> Option<usize> {
    let lib = &app.library;
    match (lib.grouping, anchor) {
        (Grouping::Flat, Anchor::Article(a)) => lib.visible.iter().position(|&v| v == a),
        (Grouping::Flat, Anchor::Group(_)) => None,
        (Grouping::Stories, Anchor::Article(a)) => lib
            .rows
            .iter()
            .position(|r| *r == Row::Article(a))
            .or_else(|| position(app, Anchor::Group(key_of(&app.analysis.stories, a)))),
        (Grouping::Stories, Anchor::Group(k)) => lib.rows.iter().position(
            |r| matches!(r, Row::Header(g) if lib.groups.get(*g).is_some_and(|g| g.key == k)),
        ),
    }
}

/// Puts the cursor on article `a` (its story opens when grouped).
pub(crate) fn select_article(app: &mut App, a: ArticleIdx) {
    regroup(app, Some(Anchor::Article(a)));
}

/// Lists by story, or flat; the cursor stays on its article (a story's header: its first).
pub(super) fn toggle(app: &mut App) {
    let keep = match anchor(app) {
        Some(Anchor::Group(k)) => group_articles(app, k).first().map(|&a| Anchor::Article(a)),
        other => other,
    };
    app.library.grouping = match app.library.grouping {
        Grouping::Flat => Grouping::Stories,
        Grouping::Stories => Grouping::Flat,
    };
    match keep {
        Some(Anchor::Article(a)) => select_article(app, a),
        _ => regroup(app, keep),
    }
    app.notice = Some(match app.library.grouping {
        Grouping::Flat => "listed flat".to_string(),
        Grouping::Stories if app.analysis.stories.stories.is_empty() => {
            "listed by story once the analysis has grouped them".to_string()
        }
        Grouping::Stories => "listed by story: Enter opens one".to_string(),
    });
    super::reading::save(app);
}

fn group_articles(app: &App, key: GroupKey) -> Vec<ArticleIdx> {
    let lib = &app.library;
    lib.groups
        .iter()
        .find(|g| g.key == key)
        .map(|g| g.articles.clone())
        .unwrap_or_default()
}

/// Opens or closes the story whose header is selected; false when the cursor is not on a
/// header.
pub(super) fn fold(app: &mut App) -> bool {
    let Some(Anchor::Group(key)) = anchor(app).filter(|_| app.selected_article().is_none()) else {
        return false;
    };
    if let Some(i) = app.library.open.iter().position(|&k| k == key) {
        app.library.open.remove(i);
    } else {
        app.library.open.push(key);
    }
    regroup(app, Some(Anchor::Group(key)));
    true
}

/// The story keys of any screen: the omission view of the article, the grid of its story.
/// True when `action` was one of them.
pub(super) fn keys(app: &mut App, action: &Action) -> bool {
    match action {
        Action::Command(Command::Group) if app.stack.is_empty() => toggle(app),
        Action::Command(Command::Omissions)
            if matches!(app.stack.last(), Some(Screen::Omissions(_))) => {}
        Action::Command(Command::Omissions) => match current_article(app) {
            Some(a) => open_omissions(app, a),
            None => app.notice = Some("the omission view is for an article: open a story".into()),
        },
        Action::Command(Command::Grid) => open_grid(app),
        _ => return false,
    }
    true
}

/// The article the current screen is about.
fn current_article(app: &App) -> Option<ArticleIdx> {
    match app.stack.last() {
        None => app.selected_article(),
        Some(Screen::Reader(r)) => Some(r.article),
        Some(Screen::Omissions(v)) => Some(v.omissions.article),
        _ => None,
    }
}

fn sources(app: &App) -> omissions::Sources<'_> {
    omissions::Sources {
        corpus: &app.corpus,
        entities: &app.analysis.entities,
        passages: &app.analysis.passages,
        stories: &app.analysis.stories,
    }
}

/// Opens the omission view of article `a`.
pub(crate) fn open_omissions(app: &mut App, a: ArticleIdx) {
    match omissions::omissions(sources(app), a) {
        Some(o) => app.stack.push(Screen::Omissions(OmissionsView {
            omissions: o,
            selected: 0,
        })),
        None => app.notice = Some("no story yet: the analysis is still running".to_string()),
    }
}

/// The articles the grid counts, and their story: the selected story (the one-article
/// stories together when their header is selected), or the current article's.
fn grid_articles(app: &App) -> Option<(Option<usize>, Vec<ArticleIdx>)> {
    let stories = &app.analysis.stories;
    let key = match (app.stack.last(), anchor(app)) {
        (None, Some(Anchor::Group(k))) => k,
        _ => key_of(stories, current_article(app)?),
    };
    match key {
        GroupKey::Story(s) => Some((Some(s), stories.stories.get(s)?.articles.clone())),
        GroupKey::Singles => Some((None, group_articles(app, key))),
    }
}

/// Opens the outlet × entity grid of the current story.
pub(crate) fn open_grid(app: &mut App) {
    let Some((story, articles)) = grid_articles(app).filter(|(_, a)| !a.is_empty()) else {
        app.notice = Some("no story here (the analysis may still be running)".to_string());
        return;
    };
    let g = grid::grid(&app.corpus, &app.analysis.entities, &articles);
    if g.rows.is_empty() {
        app.notice = Some("this story names no person, organisation or place".to_string());
        return;
    }
    app.stack.push(Screen::Grid(GridView {
        story,
        articles,
        grid: g,
        row: 0,
        column: 0,
    }));
}

/// The article a story's header stands for: its representative article when visible,
/// else its first visible one.
pub(crate) fn header_article(app: &App) -> Option<ArticleIdx> {
    let Some(Anchor::Group(key)) = anchor(app) else {
        return None;
    };
    let articles = group_articles(app, key);
    let headline = match key {
        GroupKey::Story(s) => app.analysis.stories.stories.get(s).map(|s| s.headline),
        GroupKey::Singles => None,
    };
    headline
        .filter(|h| articles.contains(h))
        .or_else(|| articles.first().copied())
}

/// What `a` is compared with: the partner sharing the most passages inside its story,
/// else another article of its story, else a partner from another story.
pub(super) fn partner(app: &App, a: ArticleIdx) -> Option<ArticleIdx> {
    let stories = &app.analysis.stories;
    let partners = app
        .index
        .partners(&app.analysis.passages, a, app.corpus.len());
    let own = match key_of(stories, a) {
        GroupKey::Story(s) => stories.stories.get(s).map(|s| s.articles.as_slice()),
        GroupKey::Singles => None,
    }
    .unwrap_or_default();
    partners
        .iter()
        .copied()
        .find(|b| own.contains(b))
        .or_else(|| own.iter().copied().find(|&b| b != a))
        .or_else(|| partners.first().copied())
}
