//! Reading state transitions: the stored state installed when the corpus loads, an
//! article counted as read once it stayed open long enough, the library's order cycled,
//! and everything saved when it changes (and cleared on request).

use crate::corpus::order::{self, SortKey};
use crate::tui::app::{App, Screen};
use crate::tui::reading::{self, Stored};

/// Installs the stored state of the corpus just loaded: order, read articles, marks and
/// the cursor's article.
pub(super) fn install(app: &mut App) {
    app.reading.read = vec![false; app.corpus.len()];
    let Some(file) = app.reading.file.clone() else {
        super::refilter(app);
        return;
    };
    let stored = reading::load(&file);
    app.library.sort = stored.sort;
    app.library.grouping = stored.grouping;
    for i in reading::indexes(&app.corpus, &stored.read) {
        app.reading.read[i] = true;
    }
    app.library.marked = reading::indexes(&app.corpus, &stored.marked);
    app.library.marked.truncate(super::marks::MAX_MARKED);
    super::refilter(app);
    if let Some(sel) = stored.selected {
        if let Some(&a) = reading::indexes(&app.corpus, [sel]).first() {
            super::stories::select_article(app, a);
        }
    }
}

/// Counts the article open in the reader as read once it has been open long enough.
pub(super) fn note(app: &mut App) {
    let Some(Screen::Reader(r)) = app.stack.last() else {
        return;
    };
    let Some(since) = r.opened_at else {
        return;
    };
    let a = r.article;
    if app.reading.read.get(a) == Some(&false)
        && app.reading.clock.now().saturating_duration_since(since) >= app.reading.read_after
    {
        app.reading.read[a] = true;
        save(app);
    }
}

/// Sorts the visible articles by the library's order, keeping the cursor on its article.
pub(super) fn sort_visible(app: &mut App) {
    let keep = super::stories::anchor(app);
    let index = &app.index;
    let mut visible = std::mem::take(&mut app.library.visible);
    order::sort(&app.corpus, &mut visible, app.library.sort, &|a| {
        index.passage_count(a)
    });
    app.library.visible = visible;
    super::stories::regroup(app, keep);
}

/// The next order.
pub(super) fn cycle_sort(app: &mut App) {
    app.library.sort = app.library.sort.next();
    sort_visible(app);
    app.notice = Some(format!("sorted by {}", app.library.sort.label()));
    save(app);
}

/// Forgets what was read, the marks and the order, here and in the state file.
pub(super) fn clear(app: &mut App) {
    app.reading.read.iter_mut().for_each(|r| *r = false);
    app.library.marked.clear();
    app.library.sort = SortKey::default();
    sort_visible(app);
    save(app);
    app.notice = Some("reading state cleared: nothing read, nothing marked".to_string());
}

/// Writes the state file (when there is one); a failure is a notice, never a crash.
pub fn save(app: &mut App) {
    let Some(file) = &app.reading.file else {
        return;
    };
    let path_of = |i: usize| app.corpus.articles.get(i).map(|a| a.path.clone());
    let stored = Stored {
        sort: app.library.sort,
        grouping: app.library.grouping,
        read: (0..app.reading.read.len())
            .filter(|&i| app.reading.read[i])
            .filter_map(path_of)
            .collect(),
        marked: app
            .library
            .marked
            .iter()
            .filter_map(|&i| path_of(i))
            .collect(),
        selected: app.selected_article().and_then(path_of),
    };
    if let Err(e) = reading::save(file, &stored) {
        app.notice = Some(format!("could not save the reading state: {e}"));
    }
}
