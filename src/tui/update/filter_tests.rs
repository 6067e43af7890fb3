//! Tests of the filter overlay's ranking: typed a key at a time, it shows what
//! `filter::rank` gives, with matched positions for the rows on screen.

use super::update;
use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::filter::{EntityMatch, rank, testing};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::command::Command;
use crate::tui::fixture;

/// Terminal rows: positions are filled in this many rows either side of the selection.
const ROWS: u16 = 12;

fn app(entities: usize, seed: u64) -> App {
    let analysis = Analysis {
        entities: testing::index(entities, seed),
        ..Analysis::default()
    };
    fixture::app(Corpus::default(), Some(analysis), (100, ROWS))
}

fn shown(app: &App) -> (&[EntityMatch], usize) {
    match &app.overlay {
        Some(Overlay::Filter(f)) => (&f.matches, f.selected),
        other => panic!("{other:?}"),
    }
}

/// The overlay's matches equal `rank`'s: all of them without positions, and with them
/// around the selection.
fn check(app: &App, query: &str) {
    let want = rank(&app.analysis.entities, query);
    let (got, selected) = shown(app);
    assert_eq!(got.len(), want.len(), "{query:?}");
    let near = |i: usize| i.abs_diff(selected) <= usize::from(ROWS);
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!((g.entity, g.score, g.alias), (w.entity, w.score, w.alias));
        if near(i) {
            assert_eq!(g.positions, w.positions, "{query:?} row {i}");
        }
    }
}

#[test]
fn typing_deleting_and_moving_show_rank_s_result() {
    let mut app = app(1200, 21);
    update(&mut app, Action::Command(Command::Filter));
    let mut typed = String::new();
    for c in "ka mo !e".chars() {
        typed.push(c);
        update(&mut app, Action::Input(c));
        check(&app, &typed);
    }
    for _ in 0..4 {
        typed.pop();
        update(&mut app, Action::Command(Command::DeleteChar));
        check(&app, &typed);
    }
    update(&mut app, Action::Command(Command::Cancel));
    update(&mut app, Action::Command(Command::Filter));
    typed = "a".to_string();
    update(&mut app, Action::Input('a'));
    let (first, _) = shown(&app);
    assert!(first.len() > 3 * usize::from(ROWS), "{}", first.len());
    assert!(first[3 * usize::from(ROWS)].positions.is_empty());
    for _ in 0..3 * ROWS {
        update(&mut app, Action::Command(Command::Down));
    }
    check(&app, &typed);
}

#[test]
fn a_new_analysis_ranks_its_own_entities() {
    let mut app = app(800, 1);
    update(&mut app, Action::Command(Command::Filter));
    update(&mut app, Action::Input('k'));
    let analysis = Analysis {
        entities: testing::index(300, 2),
        ..Analysis::default()
    };
    update(&mut app, Action::AnalysisDone(Box::new(analysis)));
    check(&app, "k");
    update(&mut app, Action::Input('a'));
    check(&app, "ka");
}
