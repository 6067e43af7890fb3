//! Actions: everything that can change the reader's state. A key becomes a [`Command`]
//! through the keymap; the rest are messages: typed characters, the mouse, a resize, the
//! passing of time and the worker's results. [`update`] is the
//! only place that acts on them.
//!
//! [`update`]: crate::tui::update::update

use std::sync::Arc;

pub use super::command::Command;

use crate::analysis::{Analysis, Stage};
use crate::corpus::{Corpus, LoadProblem};

/// One thing that happens to the app.
#[derive(Debug, Clone)]
pub enum Action {
    /// A command, from a key bound to it (or from the mouse).
    Command(Command),
    /// Time passed (the event loop's tick): an article open long enough counts as read.
    Tick,
    /// A character typed into the filter query.
    Input(char),
    /// A key bound to nothing where it was pressed (its name, for a short message).
    Unbound(String),
    /// The mouse wheel turned up (`false`) or down (`true`) over the app.
    Wheel(bool),
    /// A left click at (column, row).
    Click(u16, u16),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// The worker is loading the corpus: files done of total (0 of 0 while listing).
    Loading { done: usize, total: usize },
    /// The worker loaded the corpus (with the problems met); the analysis starts. A corpus
    /// reopened from the cache comes without its bodies ([`crate::corpus::Article::body_pending`]):
    /// [`Action::BodiesLoaded`] follows.
    CorpusLoaded(Arc<Corpus>, Vec<LoadProblem>),
    /// The worker read the bodies the corpus lacked: the same corpus with its text, and
    /// whether the analysis installed from the cache still fits it.
    BodiesLoaded(Arc<Corpus>, Fit),
    /// passim's clusters (`--passim OUT`), read by the worker: the passages' origin.
    Passim(std::sync::Arc<crate::passim::Clusters>),
    /// Warnings of the cache, printed when the reader exits.
    Warnings(Vec<String>),
    /// The analysis worker finished a stage.
    AnalysisProgress(Stage),
    /// The analysis worker finished (the app builds its indexes).
    AnalysisDone(Box<Analysis>),
    /// The analysis worker finished, and built the indexes too.
    AnalysisIndexed(Box<crate::tui::app::Indexed>),
    /// The analysis worker failed (it panicked); the app keeps working without analysis.
    AnalysisFailed(String),
    /// The full-text index of this corpus (with its bodies), built off the screen's thread;
    /// installed only while that corpus is the app's.
    TextIndexed(Arc<Corpus>, Arc<crate::filter::TextIndex>),
    /// A compare job ([`crate::tui::app::App::compare_jobs`]) aligned articles `a` and `b`.
    Aligned {
        a: crate::corpus::ArticleIdx,
        b: crate::corpus::ArticleIdx,
        spans: Vec<crate::analysis::passages::AlignedSpan>,
    },
}

pub use crate::pipeline::Fit;
