//! The alignment the compare screen needs runs off the screen's thread: opening compare
//! only asks for it (the corpus passages stand in meanwhile), and the answer, an
//! [`Action::Aligned`], refreshes the screen.

use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;
use crate::tui::fixture::seeds_app;
use crate::tui::links::align_job;
use crate::tui::update::update;

fn open_compare_of_first_two(app: &mut App) {
    update(app, Action::Command(Command::Mark));
    update(app, Action::Command(Command::Down));
    update(app, Action::Command(Command::Mark));
    update(app, Action::Command(Command::Compare));
}

fn links_changed(app: &App) -> Option<usize> {
    match app.stack.last() {
        Some(Screen::Compare(c)) => Some(
            c.links
                .iter()
                .map(|l| l.changed.iter().map(Vec::len).sum::<usize>())
                .sum(),
        ),
        _ => None,
    }
}

#[test]
fn compare_asks_for_its_alignment_and_the_answer_refreshes_the_screen() {
    let mut inline = seeds_app((120, 40));
    open_compare_of_first_two(&mut inline);
    let mut app = seeds_app((120, 40));
    app.align_inline = false;
    open_compare_of_first_two(&mut app);
    assert!(matches!(app.stack.last(), Some(Screen::Compare(_))));
    let asked = app.compare_jobs.clone();
    assert_eq!(asked.len(), 1, "asked once: {asked:?}");
    assert!(app.aligned.is_empty(), "not computed on the spot");
    // the screen redraws and moves meanwhile without asking again
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(app.compare_jobs, asked);
    // the event loop takes the job; its answer comes back as an action
    let jobs = std::mem::take(&mut app.compare_jobs);
    for (a, b) in jobs {
        let spans = align_job(&app.corpus, a, b, &app.config);
        update(&mut app, Action::Aligned { a, b, spans });
    }
    assert!(app.aligning.is_empty());
    let Some(Screen::Compare(got)) = app.stack.last() else {
        panic!("compare closed");
    };
    let Some(Screen::Compare(want)) = inline.stack.last() else {
        panic!("compare closed");
    };
    assert_eq!(got.links, want.links);
    assert!(!got.links.is_empty());
    assert_eq!(links_changed(&app), links_changed(&inline));
}

#[test]
fn an_answer_for_another_corpus_is_dropped() {
    let mut app = seeds_app((120, 40));
    app.align_inline = false;
    update(
        &mut app,
        Action::Aligned {
            a: 0,
            b: 1,
            spans: Vec::new(),
        },
    );
    assert!(app.aligned.is_empty(), "not asked: not cached");
}

#[test]
fn a_report_asked_before_the_alignment_is_in_waits_for_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = seeds_app((120, 40));
    app.align_inline = false;
    app.export_dir = dir.path().to_path_buf();
    open_compare_of_first_two(&mut app);
    update(&mut app, Action::Command(Command::Export));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("still running"), "{notice}");
    assert_eq!(
        std::fs::read_dir(dir.path()).map(Iterator::count).ok(),
        Some(0)
    );
}

#[test]
fn a_report_never_aligns_on_the_screens_thread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = seeds_app((120, 40));
    app.align_inline = false;
    app.export_dir = dir.path().to_path_buf();
    open_compare_of_first_two(&mut app);
    for (a, b) in std::mem::take(&mut app.compare_jobs) {
        let spans = align_job(&app.corpus, a, b, &app.config);
        update(&mut app, Action::Aligned { a, b, spans });
    }
    // A new analysis drops the alignments made (the compare screen stays open).
    let analysis = app.analysis.clone();
    app.set_analysis(analysis);
    assert!(app.aligned.is_empty());
    update(&mut app, Action::Command(Command::Export));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("still running"), "{notice}");
    assert_eq!(app.compare_jobs.len(), 1, "asked for again, off the thread");
    assert!(app.aligned.is_empty(), "not aligned on the spot");
    for (a, b) in std::mem::take(&mut app.compare_jobs) {
        let spans = align_job(&app.corpus, a, b, &app.config);
        update(&mut app, Action::Aligned { a, b, spans });
    }
    update(&mut app, Action::Command(Command::Export));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("saved"), "{notice}");
}
