//! Compare screen transitions: opening it, scrolling panes (together or apart), moving
//! between shared passages so they stand at the same height in every pane, and swapping
//! the right article for another partner; writing the comparison as an HTML report.

use super::navigate;
use super::reader::step;
use crate::analysis::Span;
use crate::corpus::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::app::{App, Compare, Pane, Screen};
use crate::tui::command::Command;
use crate::tui::links::links;
use crate::tui::view::layout;
use crate::tui::wrap::{WrappedLine, line_of, wrap_body};

/// Opens the compare screen on `articles` (two to four); `focus`, a span of the first
/// article, selects the shared passage to show first.
pub fn open_compare(app: &mut App, articles: Vec<ArticleIdx>, focus: Option<Span>) {
    let links = links(app, &articles);
    let current = focus.and_then(|f| {
        links.iter().position(|l| {
            l.spans[0]
                .as_ref()
                .is_some_and(|s| s.start < f.end && f.start < s.end)
        })
    });
    let mut cmp = Compare {
        panes: articles
            .into_iter()
            .map(|article| Pane { article, scroll: 0 })
            .collect(),
        active: 0,
        sync: true,
        current,
        links,
    };
    align(app, &mut cmp);
    app.stack.push(Screen::Compare(cmp));
}

/// Recomputes the links of every open compare screen (after the analysis lands).
pub(crate) fn refresh_all(app: &mut App) {
    let mut stack = std::mem::take(&mut app.stack);
    for screen in &mut stack {
        if let Screen::Compare(c) = screen {
            let arts: Vec<ArticleIdx> = c.panes.iter().map(|p| p.article).collect();
            let fresh = links(app, &arts);
            // Keep the reader's place: the same spans under their new colours, else the
            // link over the same place of the first article.
            c.current = c.current.and_then(|k| c.links.get(k)).and_then(|old| {
                let over = |l: &crate::tui::app::Link| match (l.spans.first(), old.spans.first()) {
                    (Some(Some(x)), Some(Some(y))) => x.start < y.end && y.start < x.end,
                    _ => false,
                };
                fresh
                    .iter()
                    .position(|l| l.spans == old.spans)
                    .or_else(|| fresh.iter().position(over))
            });
            c.links = fresh;
        }
    }
    app.stack = stack;
}

pub(super) fn update(app: &mut App, action: Action) {
    let Some(Screen::Compare(mut cmp)) = app.stack.pop() else {
        return;
    };
    match action {
        Action::Command(Command::Back) => return,
        Action::Command(Command::NextPassage) | Action::Command(Command::PrevPassage)
            if cmp.links.is_empty() =>
        {
            app.notice = Some("these articles share no passage".to_string());
        }
        Action::Command(Command::NextPassage) | Action::Command(Command::PrevPassage) => {
            let forward = matches!(action, Action::Command(Command::NextPassage));
            cmp.current = Some(step(cmp.current, cmp.links.len(), forward, || 0));
            align(app, &mut cmp);
        }
        Action::Command(Command::SwitchPane) => {
            cmp.active = (cmp.active + 1) % cmp.panes.len().max(1)
        }
        Action::Command(Command::ToggleSync) => cmp.sync = !cmp.sync,
        Action::Command(Command::Export) => {
            app.notice = Some(match crate::tui::report::write(app, &cmp) {
                Ok(path) => format!("saved {}", crate::tui::report::shown(&path)),
                Err(e) => format!("could not write the report: {e:#}"),
            });
        }
        Action::Command(Command::PrevPartner) | Action::Command(Command::NextPartner) => {
            switch_partner(
                app,
                &mut cmp,
                matches!(action, Action::Command(Command::NextPartner)),
            );
        }
        nav => scroll(app, &mut cmp, &nav),
    }
    app.stack.push(Screen::Compare(cmp));
}

/// The wrapped lines of each pane and its text height at the current size.
fn pane_lines(app: &App, cmp: &Compare) -> Vec<(Vec<WrappedLine>, usize)> {
    let rects = layout::compare(app.size, cmp.panes.len());
    cmp.panes
        .iter()
        .zip(rects)
        .map(|(p, r)| {
            let lines = app
                .corpus
                .articles
                .get(p.article)
                .map(|a| wrap_body(&a.body, usize::from(r.text.width)))
                .unwrap_or_default();
            (lines, usize::from(r.text.height))
        })
        .collect()
}

fn scroll(app: &App, cmp: &mut Compare, action: &Action) {
    let panes = pane_lines(app, cmp);
    let active = cmp.active;
    let old = cmp.panes.get(active).map_or(0, |p| p.scroll);
    let (lines, height) = panes.get(active).map_or((0, 0), |(l, h)| (l.len(), *h));
    let new = navigate(old, lines, height.saturating_sub(1), action);
    for (i, (pane, (lines, _))) in cmp.panes.iter_mut().zip(&panes).enumerate() {
        if i == active {
            pane.scroll = new;
        } else if cmp.sync {
            let last = lines.len().saturating_sub(1);
            pane.scroll = match action {
                Action::Command(Command::Top) => 0,
                Action::Command(Command::Bottom) => last,
                _ if new >= old => (pane.scroll + (new - old)).min(last),
                _ => pane.scroll.saturating_sub(old - new),
            };
        }
    }
}

/// Scrolls every pane that carries the current link so that it stands at the same height
/// (a third down the pane, or higher when a pane cannot scroll that far back).
fn align(app: &App, cmp: &mut Compare) {
    let Some(link) = cmp.current.and_then(|i| cmp.links.get(i)) else {
        return;
    };
    let panes = pane_lines(app, cmp);
    let at: Vec<Option<usize>> = panes
        .iter()
        .zip(&link.spans)
        .map(|((lines, _), s)| s.as_ref().map(|s| line_of(lines, s.start)))
        .collect();
    let third = panes.iter().map(|(_, h)| h / 3).min().unwrap_or(0);
    let target = at
        .iter()
        .flatten()
        .copied()
        .chain([third])
        .min()
        .unwrap_or(0);
    for (pane, line) in cmp.panes.iter_mut().zip(at) {
        if let Some(line) = line {
            pane.scroll = line - target;
        }
    }
}

fn switch_partner(app: &mut App, cmp: &mut Compare, forward: bool) {
    if cmp.panes.len() != 2 {
        app.notice = Some("[ and ] work when two articles are compared".to_string());
        return;
    }
    let left = cmp.panes[0].article;
    let mut partners = app
        .index
        .partners(&app.analysis.passages, left, app.corpus.len());
    // inside the story, when the article is in one with others
    if let Some(story) = app.analysis.stories.story_of(left) {
        let inside: Vec<_> = partners
            .iter()
            .copied()
            .filter(|b| story.articles.contains(b))
            .collect();
        if !inside.is_empty() {
            partners = inside;
        }
    }
    if partners.is_empty() {
        return;
    }
    let pos = partners.iter().position(|&p| p == cmp.panes[1].article);
    let next = step(pos, partners.len(), forward, || 0);
    let arts = vec![left, partners[next]];
    cmp.links = links(app, &arts);
    cmp.panes[1] = Pane {
        article: partners[next],
        scroll: 0,
    };
    cmp.panes[0].scroll = 0;
    cmp.current = None;
}
