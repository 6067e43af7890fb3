//! Tests of the story transitions: grouping the library, opening a story, the entity
//! filter at both levels, and the omission and grid screens (keys in, state out).

use super::tests::{keys, top};
use crate::tui::app::{App, Screen};
use crate::tui::fixture::seeds_app;
use crate::tui::stories::{GroupKey, Grouping, Row};

/// The seeds: articles 0, 1 and 2 are one story; 3 and 4 are stories of their own.
fn grouped() -> App {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "v");
    app
}

fn story_of_zero(app: &App) -> GroupKey {
    GroupKey::Story(app.analysis.stories.of_article[0])
}

#[test]
fn v_groups_by_story_keeping_the_cursor_on_its_article_and_back() {
    let mut app = grouped();
    assert_eq!(app.library.grouping, Grouping::Stories);
    let keys_of: Vec<GroupKey> = app.library.groups.iter().map(|g| g.key).collect();
    assert_eq!(keys_of, [story_of_zero(&app), GroupKey::Singles]);
    assert_eq!(app.library.groups[0].articles.len(), 3);
    assert_eq!(app.library.groups[1].articles, [3, 4]);
    // the story of the selected article opened under its header, the cursor still on it
    assert_eq!(app.library.rows[0], Row::Header(0));
    assert_eq!(app.library.rows.len(), 1 + 3 + 1);
    assert_eq!(app.selected_article(), Some(0));
    keys(&mut app, "v");
    assert_eq!(app.library.grouping, Grouping::Flat);
    assert_eq!(app.selected_article(), Some(0));
}

#[test]
fn enter_on_a_header_closes_and_opens_its_story() {
    let mut app = grouped();
    keys(&mut app, "g");
    assert_eq!(app.selected_article(), None, "on the header");
    keys(&mut app, "\n");
    assert!(top(&app).is_none(), "a header opens no reader");
    assert_eq!(app.library.rows, [Row::Header(0), Row::Header(1)]);
    keys(&mut app, "j\n");
    assert_eq!(
        app.library.rows,
        [
            Row::Header(0),
            Row::Header(1),
            Row::Article(3),
            Row::Article(4)
        ]
    );
    keys(&mut app, "j\n");
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.article == 3));
}

#[test]
fn the_entity_filter_hides_stories_without_a_match_and_counts_what_is_left() {
    let mut app = grouped();
    let navalny = app
        .analysis
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Alexei Navalny")
        .expect("seed entity");
    app.library.filters.push(navalny);
    super::refilter(&mut app);
    let keys_of: Vec<GroupKey> = app.library.groups.iter().map(|g| g.key).collect();
    assert_eq!(
        keys_of,
        [GroupKey::Singles],
        "the three-article story has no match"
    );
    let geneva = app
        .analysis
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Geneva")
        .expect("seed entity");
    app.library.filters = vec![geneva];
    super::refilter(&mut app);
    let story = &app.library.groups[0];
    assert_eq!(story.key, story_of_zero(&app));
    assert!(story.articles.len() < 3, "{:?}", story.articles);
    assert!(
        !story.articles.contains(&0),
        "RIA Novosti does not name Geneva"
    );
}

#[test]
fn o_opens_what_the_other_outlets_carry_from_the_library_and_the_reader() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "O");
    let Some(Screen::Omissions(v)) = top(&app) else {
        panic!("no omission view: {:?}", app.notice);
    };
    assert_eq!(v.omissions.article, 0);
    let sources = crate::analysis::stories::omissions::Sources {
        corpus: &app.corpus,
        entities: &app.analysis.entities,
        passages: &app.analysis.passages,
        stories: &app.analysis.stories,
    };
    let core = crate::analysis::stories::omissions::omissions(sources, 0).expect("a story");
    assert_eq!(
        v.omissions, core,
        "the same function as `parallax omissions`"
    );
    keys(&mut app, "q\nO");
    assert!(matches!(top(&app), Some(Screen::Omissions(v)) if v.omissions.article == 0));
    assert_eq!(app.stack.len(), 2, "above the reader");
    keys(&mut app, "q");
    assert!(matches!(top(&app), Some(Screen::Reader(_))));
}

#[test]
fn o_on_a_story_header_says_it_needs_an_article() {
    let mut app = grouped();
    keys(&mut app, "gO");
    assert!(top(&app).is_none());
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("article")));
}

#[test]
fn x_opens_the_grid_of_the_story_and_enter_narrows_the_library_to_a_cell() {
    let mut app = grouped();
    keys(&mut app, "gx");
    let Some(Screen::Grid(g)) = top(&app) else {
        panic!("no grid: {:?}", app.notice);
    };
    assert_eq!(g.articles.len(), 3);
    assert_eq!(g.grid.outlets.len(), 3);
    let first = &g.grid.rows[0];
    assert_eq!(first.outlets, 3, "named by every outlet first");
    let column = first.counts.iter().rposition(|&c| c > 0).unwrap_or(0);
    for _ in 0..column {
        keys(&mut app, "l");
    }
    keys(&mut app, "\n");
    assert!(top(&app).is_none(), "back on the library");
    let narrow = app.library.narrow.clone().expect("narrowed");
    assert_eq!(app.library.visible, narrow.articles);
    assert!(
        app.selected_article()
            .is_some_and(|a| narrow.articles.contains(&a))
    );
    keys(&mut app, "\x08");
    assert!(app.library.narrow.is_none());
    assert_eq!(app.library.visible.len(), 5);
}

#[test]
fn the_grid_moves_by_cell_and_stays_inside_it() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "x");
    keys(&mut app, "hhlllllllllj");
    let Some(Screen::Grid(g)) = top(&app) else {
        panic!("no grid");
    };
    assert_eq!(g.column, g.grid.outlets.len() - 1);
    assert_eq!(g.row, 1);
    keys(&mut app, "q");
    assert!(top(&app).is_none());
}

#[test]
fn a_corpus_read_for_the_first_time_is_listed_by_story_and_the_flat_choice_is_kept() {
    use crate::tui::reading::load;
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("state.json");
    assert_eq!(load(&f).grouping, Grouping::Stories, "no state yet");
    std::fs::write(&f, r#"{"sort": "date"}"#).expect("write");
    assert_eq!(
        load(&f).grouping,
        Grouping::Stories,
        "a state kept before stories"
    );
    let mut app = seeds_app((120, 40));
    app.reading.file = Some(f.clone());
    app.library.grouping = Grouping::Stories;
    keys(&mut app, "v");
    assert_eq!(app.library.grouping, Grouping::Flat);
    assert_eq!(load(&f).grouping, Grouping::Flat, "the choice is saved");
}

#[test]
fn before_the_analysis_a_grouped_library_lists_its_articles_without_headers() {
    let mut app = crate::tui::fixture::app(crate::tui::fixture::seeds(), None, (120, 40));
    keys(&mut app, "v");
    assert_eq!(app.library.grouping, Grouping::Stories);
    assert_eq!(app.library.rows.len(), 5);
    assert!(
        app.library
            .rows
            .iter()
            .all(|r| matches!(r, Row::Article(_)))
    );
    keys(&mut app, "j");
    assert_eq!(app.selected_article(), Some(1));
}

#[test]
fn c_on_a_story_header_compares_inside_the_story() {
    let mut app = grouped();
    keys(&mut app, "gc");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("no comparison: {:?}", app.notice);
    };
    let story = &app.analysis.stories.stories[app.analysis.stories.of_article[0]];
    assert_eq!(c.panes[0].article, story.headline);
    assert!(story.articles.contains(&c.panes[1].article));
    assert_ne!(c.panes[0].article, c.panes[1].article);
}

#[test]
fn partners_in_compare_stay_inside_the_story() {
    let mut app = seeds_app((120, 40));
    crate::tui::update::compare::open_compare(&mut app, vec![0, 1], None);
    let mut seen = Vec::new();
    for _ in 0..6 {
        keys(&mut app, "]");
        let Some(Screen::Compare(c)) = top(&app) else {
            panic!("compare closed");
        };
        seen.push(c.panes[1].article);
    }
    assert!(
        !seen.contains(&3) && !seen.contains(&4),
        "3 and 4 are stories of their own: {seen:?}"
    );
    assert!(seen.contains(&1) && seen.contains(&2), "{seen:?}");
}

/// The seeds regrouped by hand: article 0 with article 3, whom it shares no passage with.
fn zero_with_three() -> App {
    use crate::analysis::stories::{Story, StoryIndex};
    let mut app = seeds_app((120, 40));
    let story = |articles: Vec<usize>| Story::of(articles, &[]);
    app.analysis.stories = StoryIndex {
        stories: vec![story(vec![0, 3]), story(vec![1, 2, 4])],
        of_article: vec![0, 1, 1, 0, 1],
    };
    let sharing = app.index.partners(&app.analysis.passages, 0, 5);
    assert_ne!(
        sharing.first(),
        Some(&3),
        "0 shares most with another story"
    );
    app
}

#[test]
fn c_in_the_reader_compares_inside_the_story() {
    let mut app = zero_with_three();
    keys(&mut app, "\nc");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("no comparison: {:?}", app.notice);
    };
    assert_eq!([c.panes[0].article, c.panes[1].article], [0, 3]);
}

#[test]
fn q_keeps_to_the_selected_story_of_the_grouped_library() {
    let mut app = zero_with_three();
    keys(&mut app, "v");
    let Some(Screen::Quotes(q)) = ({
        keys(&mut app, "gQ");
        top(&app)
    }) else {
        panic!("no quotes screen");
    };
    assert_eq!(
        q.story,
        Some(1),
        "the first header's: the largest story, 1, 2 and 4"
    );
    let carriers: Vec<usize> = q
        .rows
        .iter()
        .flat_map(|r| r.carriers.iter().map(|(a, _)| *a))
        .collect();
    assert!(!carriers.is_empty() && carriers.iter().all(|a| [1, 2, 4].contains(a)));
}
