//! Tests of `/` search in the reader and on the quotes screen: keys in, state out.

use super::tests::{keys, top};
use crate::tui::app::{Overlay, Screen};
use crate::tui::fixture::seeds_app;

#[test]
fn reader_search_finds_moves_and_clears() {
    let mut app = seeds_app((80, 24));
    keys(&mut app, "\n/");
    assert!(matches!(app.overlay, Some(Overlay::Search(_))));
    keys(&mut app, "moscow\n");
    let Some(Screen::Reader(r)) = top(&app) else {
        panic!("reader");
    };
    let s = r.search.clone().expect("search applied");
    assert!(s.spans.len() >= 2, "{s:?}");
    let body = &app.corpus.articles[r.article].body;
    assert!(
        s.spans
            .iter()
            .all(|m| body[m.clone()].eq_ignore_ascii_case("moscow"))
    );
    let first = s.current.expect("moved to a match");
    keys(&mut app, "n");
    let Some(Screen::Reader(r)) = top(&app) else {
        panic!("reader");
    };
    let second = r.search.as_ref().and_then(|s| s.current);
    assert_eq!(second, Some((first + 1) % s.spans.len()));
    keys(&mut app, "N");
    let Some(Screen::Reader(r)) = top(&app) else {
        panic!("reader");
    };
    assert_eq!(r.search.as_ref().and_then(|s| s.current), Some(first));
    keys(&mut app, "\x1b");
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.search.is_none()));
    keys(&mut app, "\x1b");
    assert!(top(&app).is_none(), "a second Esc goes back");
}

#[test]
fn a_search_that_finds_nothing_says_so() {
    let mut app = seeds_app((80, 24));
    keys(&mut app, "\n/qqqzzz\n");
    assert!(app.notice.as_deref().unwrap_or("").contains("not found"));
}

#[test]
fn quotes_search_moves_the_selection_between_matching_rows() {
    let mut app = seeds_app((80, 24));
    keys(&mut app, "Q");
    let Some(Screen::Quotes(q)) = top(&app) else {
        panic!("quotes");
    };
    let word = q
        .rows
        .last()
        .expect("rows")
        .text
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    keys(&mut app, "/");
    keys(&mut app, &word.to_lowercase());
    keys(&mut app, "\n");
    let Some(Screen::Quotes(q)) = top(&app) else {
        panic!("quotes");
    };
    let rows = q.search.as_ref().expect("search").rows.clone();
    assert!(!rows.is_empty());
    assert!(rows.contains(&q.selected));
    keys(&mut app, "n");
    let Some(Screen::Quotes(q)) = top(&app) else {
        panic!("quotes");
    };
    assert!(rows.contains(&q.selected));
}

#[test]
fn the_text_filter_keeps_the_articles_with_the_words_and_combines_with_entities() {
    let mut app = seeds_app((80, 24));
    keys(&mut app, "Fcyber\n");
    let visible = app.library.visible.clone();
    assert!(!visible.is_empty() && visible.len() < 5, "{visible:?}");
    for &a in &visible {
        assert!(app.corpus.articles[a].body.to_lowercase().contains("cyber"));
    }
    keys(&mut app, "/\n");
    assert!(
        app.library.visible.iter().all(|a| visible.contains(a)),
        "AND with an entity"
    );
    keys(&mut app, "\x08");
    assert!(
        app.library.text.is_none(),
        "Backspace removes the text chip first"
    );
    assert_eq!(app.library.filters.len(), 1);
    keys(&mut app, "F\"no such phrase at all\"\n");
    assert!(app.library.visible.is_empty());
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .starts_with("no article has")
    );
}

#[test]
fn a_text_index_built_off_the_screen_is_installed_only_for_its_corpus() {
    use std::sync::Arc;

    use crate::filter::TextIndex;
    use crate::tui::action::Action;
    use crate::tui::update::update;
    let mut app = seeds_app((80, 24));
    let other = Arc::new((*app.corpus).clone());
    let index = Arc::new(TextIndex::build(&other));
    update(&mut app, Action::TextIndexed(other, Arc::clone(&index)));
    assert!(app.text_index.is_none(), "a copy is another corpus");
    let own = Arc::clone(&app.corpus);
    update(&mut app, Action::TextIndexed(own, Arc::clone(&index)));
    assert!(
        app.text_index
            .as_ref()
            .is_some_and(|i| Arc::ptr_eq(i, &index))
    );
    keys(&mut app, "Fcyber\n");
    assert!(
        app.text_index
            .as_ref()
            .is_some_and(|i| Arc::ptr_eq(i, &index)),
        "the filter uses the index it was given, and builds none"
    );
    assert!(!app.library.visible.is_empty());
}
