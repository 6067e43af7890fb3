//! Taking an article out of parallax: its URL (or file) opened in the browser, its URL or
//! the reader's current passage copied to the clipboard.

use crate::corpus::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::clipboard::MAX_COPY_BYTES;
use crate::tui::command::Command;

/// Acts on `OpenUrl`, `CopyUrl`, `CopyPassage`; `false` for any other action.
pub(super) fn update(app: &mut App, action: &Action) -> bool {
    match action {
        Action::Command(Command::OpenUrl) => open(app),
        Action::Command(Command::CopyUrl) => copy_url(app),
        Action::Command(Command::CopyPassage) => copy_passage(app),
        _ => return false,
    }
    true
}

/// The article on screen: the reader's, compare's active pane's, else the library's
/// selection.
fn article(app: &App) -> Option<ArticleIdx> {
    match app.stack.last() {
        Some(Screen::Reader(r)) => Some(r.article),
        Some(Screen::Compare(c)) => c.panes.get(c.active).map(|p| p.article),
        None => app.selected_article(),
        _ => None,
    }
}

/// The URL of the article, else its file (absolute) when it is one on disk.
fn target(app: &App, a: ArticleIdx) -> Option<String> {
    let art = app.corpus.articles.get(a)?;
    if let Some(u) = &art.meta.url {
        return Some(u.clone());
    }
    let path = std::path::Path::new(&art.path);
    path.is_file()
        .then(|| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
        .map(|p| p.display().to_string())
}

fn open(app: &mut App) {
    let Some(t) = article(app).and_then(|a| target(app, a)) else {
        app.notice = Some("this article has no URL or file to open".to_string());
        return;
    };
    app.notice = Some(match crate::tui::open::open(&t) {
        Ok(()) => format!("opening {}", crate::text::sanitize_for_terminal(&t)),
        Err(e) => e,
    });
}

fn copy_url(app: &mut App) {
    match article(app).and_then(|a| target(app, a)) {
        Some(t) => copy(app, t, "URL"),
        None => app.notice = Some("this article has no URL to copy".to_string()),
    }
}

fn copy_passage(app: &mut App) {
    if let Some(Screen::Compare(c)) = app.stack.last() {
        return copy_linked(app, c.clone());
    }
    let Some(Screen::Reader(r)) = app.stack.last() else {
        return;
    };
    let span = r
        .search
        .as_ref()
        .and_then(|s| s.current.and_then(|c| s.spans.get(c)))
        .cloned()
        .or_else(|| {
            let marks = app.index.marks(r.article)?;
            r.current
                .and_then(|c| marks.passages.get(c))
                .map(|(_, s)| s.clone())
        });
    let text = span.and_then(|s| {
        let body = &app.corpus.articles.get(r.article)?.body;
        body.get(s).map(str::to_string)
    });
    match text {
        Some(t) => copy(app, t, "passage"),
        None => app.notice = Some("n moves to a passage first; then it can be copied".to_string()),
    }
}

/// Copies the shared passage compare's n/N moved to, as the active pane words it.
fn copy_linked(app: &mut App, c: crate::tui::app::Compare) {
    let text = c.current.and_then(|k| {
        let pane = c.panes.get(c.active)?;
        let span = c.links.get(k)?.spans.get(c.active)?.clone()?;
        let body = &app.corpus.articles.get(pane.article)?.body;
        body.get(span).map(str::to_string)
    });
    match text {
        Some(t) => copy(app, t, "passage"),
        None => {
            app.notice = Some("n moves to a shared passage first; then it can be copied".into())
        }
    }
}

/// Queues `text` for the clipboard (the event loop writes it) and says so.
fn copy(app: &mut App, mut text: String, what: &str) {
    if text.len() > MAX_COPY_BYTES {
        let mut end = MAX_COPY_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    app.notice = Some(format!(
        "copied the {what} ({} characters)",
        text.chars().count()
    ));
    app.clipboard = Some(text);
}

#[cfg(test)]
mod tests {
    use super::super::tests::keys;
    use crate::tui::fixture::seeds_app;

    #[test]
    fn in_compare_y_copies_the_active_panes_url_and_capital_y_its_passage() {
        let mut app = seeds_app((120, 30));
        keys(&mut app, "m");
        keys(&mut app, "jjm");
        keys(&mut app, "c");
        let Some(crate::tui::app::Screen::Compare(c)) = app.stack.last().cloned() else {
            panic!("compare did not open: {:?}", app.stack.last());
        };
        keys(&mut app, "\ty");
        let right = c.panes[1].article;
        assert_eq!(
            app.clipboard.take().as_deref(),
            app.corpus.articles[right].meta.url.as_deref()
        );
        keys(&mut app, "Y");
        assert!(app.clipboard.is_none(), "no passage chosen yet");
        keys(&mut app, "nY");
        let copied = app.clipboard.take().expect("passage copied");
        assert!(app.corpus.articles[right].body.contains(&copied));
    }

    #[test]
    fn y_copies_the_url_and_capital_y_the_current_passage() {
        let mut app = seeds_app((80, 24));
        keys(&mut app, "y");
        assert_eq!(
            app.clipboard.take().as_deref(),
            app.corpus.articles[0].meta.url.as_deref()
        );
        keys(&mut app, "\nY");
        assert!(app.clipboard.is_none());
        keys(&mut app, "nY");
        let copied = app.clipboard.take().expect("passage copied");
        assert!(app.corpus.articles[0].body.contains(&copied));
        assert!(
            app.notice
                .as_deref()
                .unwrap_or("")
                .starts_with("copied the passage")
        );
    }
}
