//! The worker's and the terminal's messages: corpus and bodies loaded, analysis progress,
//! done or failed, pair alignments, ticks and resizes. [`handle`] installs what they carry;
//! every other action goes back to [`super::update`] to act on keys.

use super::{compare, reading, refilter, rerank, update};
use crate::tui::action::{Action, Fit};
use crate::tui::app::{App, Overlay, Progress, Screen, Text};

/// Installs a message from the worker or the terminal; hands back any other action.
pub(super) fn handle(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Resize(w, h) => app.size = (w, h),
        Action::AnalysisProgress(stage) => {
            if let Progress::Running(done) = &mut app.progress {
                done.push(stage);
            }
        }
        Action::Loading { done, total } => {
            if let Progress::Loading { .. } = app.progress {
                app.progress = Progress::Loading { done, total };
            }
        }
        Action::CorpusLoaded(corpus, problems) => corpus_loaded(app, corpus, problems),
        Action::BodiesLoaded(corpus, fit) => bodies_loaded(app, corpus, fit),
        Action::Warnings(w) => app.warnings.extend(w),
        Action::Passim(clusters) => app.passim = Some(clusters),
        Action::AnalysisDone(analysis) => {
            let indexed = crate::tui::app::Indexed::build(&app.corpus, *analysis);
            analysis_done(app, indexed);
        }
        Action::AnalysisIndexed(indexed) => analysis_done(app, *indexed),
        Action::AnalysisFailed(why) => analysis_failed(app, why),
        Action::TextIndexed(corpus, index) => {
            if std::sync::Arc::ptr_eq(&corpus, &app.corpus) {
                app.text_index = Some(index);
            }
        }
        Action::Tick => reading::note(app),
        Action::Aligned { a, b, spans } => {
            // only what was asked of this corpus
            if app.aligning.remove(&(a, b)) {
                app.aligned.insert((a, b), spans);
                compare::refresh_all(app);
            }
        }
        other => return Some(other),
    }
    None
}

/// Installs the corpus; with nothing loaded there is nothing to read, and the reader quits
/// (the caller says why). Problems are counted in a notice and listed on exit.
fn corpus_loaded(
    app: &mut App,
    corpus: std::sync::Arc<crate::corpus::Corpus>,
    problems: Vec<crate::corpus::LoadProblem>,
) {
    let n = problems.len();
    app.set_corpus(corpus, problems);
    reading::install(app);
    if app.corpus.is_empty() {
        app.quit = true;
    }
    for action in std::mem::take(&mut app.typeahead) {
        update(app, action);
    }
    if n > 0 {
        let s = if n == 1 { "" } else { "s" };
        let key = app
            .keymap
            .key_for(crate::tui::keymap::Context::Library, "problems");
        app.notice = Some(match key {
            Some(k) => format!("{n} load problem{s}: {k} lists them"),
            None => format!("{n} load problem{s}"),
        });
    }
}

/// Installs the bodies; an analysis that does not fit them is dropped (the worker computes
/// it again), then the keys that waited for the text are replayed.
fn bodies_loaded(app: &mut App, corpus: std::sync::Arc<crate::corpus::Corpus>, fit: Fit) {
    app.set_bodies(corpus);
    if fit == Fit::Stale {
        app.analysis = crate::analysis::Analysis::default();
        app.names = crate::filter::Prepared::default();
        app.index = crate::tui::index::Index::default();
        app.progress = Progress::Running(Vec::new());
        app.library.filters.clear();
        if let Some(Overlay::Filter(_)) = app.overlay {
            app.overlay = None;
        }
        refilter(app);
    }
    app.notice = None;
    for action in std::mem::take(&mut app.typeahead) {
        update(app, action);
    }
}

/// The worker stopped: without analysis the app still works; without text, what needs it
/// is refused from now on (and the keys waiting for it are dropped).
fn analysis_failed(app: &mut App, why: String) {
    app.progress = Progress::Failed(why);
    if app.text == Text::Pending {
        app.text = Text::Missing;
        app.typeahead.clear();
    }
}

/// Installs the analysis, then refreshes everything derived from it.
fn analysis_done(app: &mut App, indexed: crate::tui::app::Indexed) {
    app.set_indexed(indexed);
    refilter(app);
    if let Some(Overlay::Filter(f)) = &mut app.overlay {
        // The ranking was of the old entities: rank the new ones in full.
        f.ranked = None;
        let query = f.query.clone();
        rerank(app, &query);
    }
    compare::refresh_all(app);
    for screen in &mut app.stack {
        if let Screen::Reader(r) = screen {
            r.current = None;
        }
    }
}
