//! Where the app stands: the background analysis ([`Progress`]) and the articles' bodies
//! ([`Text`]).

use crate::analysis::Stage;
use crate::corpus::Corpus;

/// Where the background analysis stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Loading the corpus: files loaded of total (0 of 0 while listing).
    Loading {
        done: usize,
        total: usize,
    },
    /// Running; the stages finished so far.
    Running(Vec<Stage>),
    Done,
    Failed(String),
}

/// Whether the articles' bodies are in. A corpus reopened from the cache is shown from its
/// metadata while its bodies are read; what needs the text waits for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Every article has its body.
    Loaded,
    /// The worker is reading the bodies: actions that need them wait in
    /// [`crate::tui::app::App::typeahead`] and are replayed when they arrive.
    Pending,
    /// The worker stopped before the bodies came: what needs them is refused.
    Missing,
}

impl Text {
    /// Whether every article of `corpus` has its body.
    pub fn of(corpus: &Corpus) -> Text {
        if corpus.articles.iter().all(|a| a.has_body()) {
            Text::Loaded
        } else {
            Text::Pending
        }
    }
}
