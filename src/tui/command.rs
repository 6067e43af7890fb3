//! Commands: what a user can ask of the reader, each bindable to keys. The keymap
//! (`assets/keymap.toml`) binds keys to commands by name, and the `?` help lists each
//! command's description in [`Command::ALL`]'s order. A command is a plain value (`Copy`,
//! `Eq`), so bindings are found and compared by it; everything else that reaches the app
//! (typed characters, the mouse, a resize, the worker's results) is a message
//! ([`super::action::Action`]).

/// One thing a user can ask for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
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
    /// Move left (a column of the grid).
    Left,
    /// Move right (a column of the grid).
    Right,
    /// List the library by story, or flat.
    Group,
    /// What the other outlets of the article's story carry and it leaves out.
    Omissions,
    /// The outlet × entity grid of the selected story.
    Grid,
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
    /// Quotes: list every story's statements, or only the story's again.
    StoryScope,
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
}

impl Command {
    /// Every command with its keymap name and what it does, in the order the help lists
    /// them.
    pub const ALL: &[(Command, &str, &str)] = {
        use Command::*;
        &[
            (Quit, "quit", "quit parallax"),
            (Back, "back", "go back (q quits from the library)"),
            (Up, "up", "up one line"),
            (Down, "down", "down one line"),
            (PageUp, "page_up", "up one page"),
            (PageDown, "page_down", "down one page"),
            (Top, "top", "to the top"),
            (Bottom, "bottom", "to the bottom"),
            (Open, "open", "open the selected item"),
            (Mark, "mark", "mark / unmark for comparison"),
            (MarkDown, "mark_down", "mark / unmark, then move down"),
            (Compare, "compare", "compare (marked, or closest partner)"),
            (Left, "left", "left one column"),
            (Right, "right", "right one column"),
            (Group, "group", "list by story / flat"),
            (
                Omissions,
                "omissions",
                "what the story's other outlets carry and this leaves out",
            ),
            (Grid, "grid", "outlet × entity grid of the story"),
            (Filter, "filter", "filter by entity"),
            (
                TextFilter,
                "text_filter",
                "filter by words or \"phrases\" of the text",
            ),
            (RemoveFilter, "remove_filter", "remove the last filter"),
            (Quotes, "quotes", "shared passages and quotes"),
            (Problems, "problems", "load problems, grouped by reason"),
            (OpenUrl, "open_url", "open the article's URL in the browser"),
            (CopyUrl, "copy_url", "copy the article's URL"),
            (CopyPassage, "copy_passage", "copy the current passage"),
            (
                Sort,
                "sort",
                "sort by file / date / outlet / title / shared",
            ),
            (
                ClearState,
                "clear_state",
                "forget read articles, marks and order",
            ),
            (Help, "help", "this help (at this screen's keys)"),
            (Legend, "legend", "what the symbols and colours mean"),
            (
                Search,
                "search",
                "search this text (n/N: next/previous match)",
            ),
            (NextMatch, "next_match", "next match"),
            (PrevMatch, "prev_match", "previous match"),
            (
                NextSpeaker,
                "next_speaker",
                "only the next speaker's statements (then all)",
            ),
            (
                PrevSpeaker,
                "prev_speaker",
                "only the previous speaker's statements",
            ),
            (
                StoryScope,
                "story_scope",
                "this story's statements / every story's",
            ),
            (Close, "close", "close"),
            (NextPassage, "next_passage", "next shared passage"),
            (PrevPassage, "prev_passage", "previous shared passage"),
            (SwitchPane, "switch_pane", "switch the active pane"),
            (ToggleSync, "toggle_sync", "scroll panes together / apart"),
            (PrevPartner, "prev_partner", "previous partner article"),
            (NextPartner, "next_partner", "next partner article"),
            (Export, "export", "write this comparison as HTML"),
            (Apply, "apply", "apply the selected entity"),
            (Cancel, "cancel", "cancel"),
            (
                DeleteChar,
                "delete_char",
                "delete a character / last filter",
            ),
        ]
    };

    /// The command called `name` in the keymap.
    pub fn by_name(name: &str) -> Option<Command> {
        Self::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
    }

    /// Its name in the keymap.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, n, _)| n)
    }

    /// What it does (for the help).
    pub fn description(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, _, d)| d)
    }

    /// Where it stands in the help.
    pub fn order(self) -> usize {
        Self::ALL
            .iter()
            .position(|(c, _, _)| *c == self)
            .unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_name_and_a_description() {
        let mut names: Vec<&str> = Command::ALL.iter().map(|(_, n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Command::ALL.len(), "a name used twice");
        for (c, n, d) in Command::ALL {
            assert_eq!(Command::by_name(n), Some(*c));
            assert_eq!(c.name(), *n);
            assert!(!d.is_empty(), "{n} has no description");
        }
    }
}
