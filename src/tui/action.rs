//! Actions: everything that can change the reader's state. Keys become actions through the
//! keymap; the analysis worker and the terminal (resize) send actions too. [`update`] is the
//! only place that acts on them.
//!
//! [`update`]: crate::tui::update::update

use std::sync::Arc;

use crate::analysis::{Analysis, Stage};
use crate::corpus::{Corpus, LoadProblem};

/// One thing that happens to the app.
#[derive(Debug, Clone)]
pub enum Action {
    /// Leave the app at once (from any screen).
    Quit,
    /// Go back one level: close the overlay or screen; quits from the library.
    Back,
    /// Move the selection (or scroll) one line up.
    Up,
    /// Move the selection (or scroll) one line down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first line.
    Top,
    /// To the last line.
    Bottom,
    /// Open the selected item (article, quote).
    Open,
    /// Mark or unmark the selected article for comparison.
    Mark,
    /// Mark or unmark the selected article, then move down.
    MarkDown,
    /// Compare the marked articles, or the selected one with its closest partner.
    Compare,
    /// Open the entity filter.
    Filter,
    /// Filter the library by words and phrases of the articles' text.
    TextFilter,
    /// Remove the last entity filter.
    RemoveFilter,
    /// Open the list of shared passages and quotes.
    Quotes,
    /// List the load problems, grouped by reason.
    Problems,
    /// Open the article's URL (or its file) in the browser.
    OpenUrl,
    /// Copy the article's URL (or its path).
    CopyUrl,
    /// Copy the current passage (or search match) of the reader.
    CopyPassage,
    /// Sort the library by the next order (file, date, outlet, title, shared passages).
    Sort,
    /// Forget what was read, the marks and the order of this corpus.
    ClearState,
    /// Time passed (the event loop's tick): an article open long enough counts as read.
    Tick,
    /// Show every key.
    Help,
    /// Show what the symbols and colours mean.
    Legend,
    /// Search the text on screen (reader, quotes).
    Search,
    /// To the next match of the search.
    NextMatch,
    /// To the previous match of the search.
    PrevMatch,
    /// Quotes: list only the next speaker's statements (after the last, all again).
    NextSpeaker,
    /// Quotes: list only the previous speaker's statements.
    PrevSpeaker,
    /// Close the help overlay.
    Close,
    /// Jump to the next shared passage.
    NextPassage,
    /// Jump to the previous shared passage.
    PrevPassage,
    /// Make the next pane the active one (compare).
    SwitchPane,
    /// Scroll the compare panes together or apart.
    ToggleSync,
    /// Replace the right article with the previous partner (compare).
    PrevPartner,
    /// Replace the right article with the next partner (compare).
    NextPartner,
    /// Write the comparison on screen as an HTML report in the working directory.
    Export,
    /// Apply the selected entity as a filter.
    Apply,
    /// Close the filter without applying it.
    Cancel,
    /// Delete the last character of the query; on an empty query, remove the last filter.
    DeleteChar,
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
    /// A compare job ([`crate::tui::app::App::compare_jobs`]) aligned articles `a` and `b`.
    Aligned {
        a: crate::corpus::ArticleIdx,
        b: crate::corpus::ArticleIdx,
        spans: Vec<crate::analysis::passages::AlignedSpan>,
    },
}

/// Whether the cached analysis fits the bodies once they are read (checked in full, see
/// [`crate::cache::check_analysis`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It does (or there was none yet): it stands.
    Fits,
    /// It does not: it is dropped, and the worker recomputes it (progress then
    /// [`Action::AnalysisDone`] follow).
    Stale,
}

/// Actions a key can be bound to: keymap name, action, and what it does (for help).
pub fn bindable() -> Vec<(&'static str, Action, &'static str)> {
    BINDABLE.to_vec()
}

/// The table behind [`bindable`], in the order the help lists it.
const BINDABLE: &[(&str, Action, &str)] = {
    use Action::*;
    &[
        ("quit", Quit, "quit parallax"),
        ("back", Back, "go back (q quits from the library)"),
        ("up", Up, "up one line"),
        ("down", Down, "down one line"),
        ("page_up", PageUp, "up one page"),
        ("page_down", PageDown, "down one page"),
        ("top", Top, "to the top"),
        ("bottom", Bottom, "to the bottom"),
        ("open", Open, "open the selected item"),
        ("mark", Mark, "mark / unmark for comparison"),
        ("mark_down", MarkDown, "mark / unmark, then move down"),
        ("compare", Compare, "compare (marked, or closest partner)"),
        ("filter", Filter, "filter by entity"),
        (
            "text_filter",
            TextFilter,
            "filter by words or \"phrases\" of the text",
        ),
        ("remove_filter", RemoveFilter, "remove the last filter"),
        ("quotes", Quotes, "shared passages and quotes"),
        ("problems", Problems, "load problems, grouped by reason"),
        ("open_url", OpenUrl, "open the article's URL in the browser"),
        ("copy_url", CopyUrl, "copy the article's URL"),
        ("copy_passage", CopyPassage, "copy the current passage"),
        (
            "sort",
            Sort,
            "sort by file / date / outlet / title / shared",
        ),
        (
            "clear_state",
            ClearState,
            "forget read articles, marks and order",
        ),
        ("help", Help, "this help (at this screen's keys)"),
        ("legend", Legend, "what the symbols and colours mean"),
        (
            "search",
            Search,
            "search this text (n/N: next/previous match)",
        ),
        ("next_match", NextMatch, "next match"),
        ("prev_match", PrevMatch, "previous match"),
        (
            "next_speaker",
            NextSpeaker,
            "only the next speaker's statements (then all)",
        ),
        (
            "prev_speaker",
            PrevSpeaker,
            "only the previous speaker's statements",
        ),
        ("close", Close, "close"),
        ("next_passage", NextPassage, "next shared passage"),
        ("prev_passage", PrevPassage, "previous shared passage"),
        ("switch_pane", SwitchPane, "switch the active pane"),
        ("toggle_sync", ToggleSync, "scroll panes together / apart"),
        ("prev_partner", PrevPartner, "previous partner article"),
        ("next_partner", NextPartner, "next partner article"),
        ("export", Export, "write this comparison as HTML"),
        ("apply", Apply, "apply the selected entity"),
        ("cancel", Cancel, "cancel"),
        (
            "delete_char",
            DeleteChar,
            "delete a character / last filter",
        ),
    ]
};

/// The bindable action called `name` in the keymap, with its description.
pub fn by_name(name: &str) -> Option<(Action, &'static str)> {
    bindable()
        .into_iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, a, d)| (a, d))
}
