//! The rows of the quotes screen: every statement the visible articles of its story (or of
//! every story) quote, who carries it (earliest first), where outlets word it or attribute
//! it differently, and which outlets left a widely carried statement out. The statements of
//! a story and their carriers come from [`crate::analysis::stories::scope`]; no analysis
//! here.

use crate::analysis::Span;
use crate::analysis::quotes::statements::{Carried, Occurrence};
use crate::analysis::stories::scope::{self, ScopedStatement};
use crate::corpus::ArticleIdx;

use super::app::{App, Quotes, Screen};
use super::stories::Grouping;

/// One statement as the quotes screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// Index into the analysis's statements (also its colour).
    pub statement: usize,
    /// The words of its longest wording.
    pub text: String,
    /// True when some carrier rewords it.
    pub reworded: bool,
    /// The articles carrying it (visible ones), earliest publication first, with the span
    /// of the statement's first fragment.
    pub carriers: Vec<(ArticleIdx, Span)>,
    /// Each rewording carrier's words, when the carriers word it differently.
    pub wordings: Vec<(ArticleIdx, String)>,
    /// Speakers as each carrier attributes it, when they do not all agree.
    pub speakers: Vec<(ArticleIdx, String)>,
    /// The speaker, when all carriers that name one agree.
    pub speaker: Option<String>,
    /// Visible articles that do not carry a statement most of them carry.
    pub missing: Vec<ArticleIdx>,
}

/// The quotes screen as it opens: inside the story of the article the current screen is
/// about (the reader's article; in the library listed by story, the selected article or
/// story). From the flat library, every story (the selected article's story one key away).
pub fn screen(app: &App) -> Quotes {
    let (anchor, all) = match app.stack.last() {
        Some(Screen::Reader(r)) => (Some(r.article), false),
        _ => match app.library.grouping {
            Grouping::Flat => (app.selected_article(), true),
            Grouping::Stories => (
                app.selected_article()
                    .or_else(|| super::update::header_article(app)),
                false,
            ),
        },
    };
    let mut q = Quotes {
        anchor,
        all,
        ..Quotes::default()
    };
    q.story = story(app, &q);
    q.rows = rows(app, q.story);
    q
}

/// The story of the screen's article when it has other articles (the story it can stay
/// inside), whether or not every story is listed.
pub fn home(app: &App, q: &Quotes) -> Option<usize> {
    q.anchor
        .and_then(|a| scope::story_of(&app.analysis.stories, a))
}

/// The story a quotes screen lists (`None`: every story).
fn story(app: &App, q: &Quotes) -> Option<usize> {
    home(app, q).filter(|_| !q.all)
}

/// Recomputes the rows of every quotes screen on the stack, after the visible articles or
/// the analysis changed; keeps each selection in range.
pub fn refresh(app: &mut App) {
    let fresh: Vec<(usize, Option<usize>, Vec<QuoteRow>)> = app
        .stack
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s {
            Screen::Quotes(q) => {
                let st = story(app, q);
                Some((i, st, of_speaker(&rows(app, st), q.speaker.as_deref())))
            }
            _ => None,
        })
        .collect();
    for (i, st, rows) in fresh {
        if let Some(Screen::Quotes(q)) = app.stack.get_mut(i) {
            q.story = st;
            q.rows = rows;
            q.selected = q.selected.min(q.rows.len().saturating_sub(1));
            q.search = None;
        }
    }
}

/// Lists every story's statements on the quotes screen, or only its story's again.
pub fn toggle_scope(app: &mut App) {
    let Some(Screen::Quotes(q)) = app.stack.last() else {
        return;
    };
    if home(app, q).is_none() {
        app.notice = Some("not inside a story of several articles: every story is listed".into());
        return;
    }
    if let Some(Screen::Quotes(q)) = app.stack.last_mut() {
        q.all = !q.all;
        q.selected = 0;
        app.notice = Some(
            if q.all {
                "every story"
            } else {
                "this story only"
            }
            .into(),
        );
    }
    refresh(app);
}

/// The speakers of `rows`, most statements first (then by name): a row counts for its
/// speaker, or for each speaker the carriers give it to when they disagree.
pub fn speakers(rows: &[QuoteRow]) -> Vec<String> {
    let mut count: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for r in rows {
        let mut names: Vec<&str> = r.speaker.iter().map(String::as_str).collect();
        names.extend(r.speakers.iter().map(|(_, s)| s.as_str()));
        names.sort_unstable();
        names.dedup();
        for n in names {
            *count.entry(n).or_default() += 1;
        }
    }
    let mut out: Vec<(&str, usize)> = count.into_iter().collect();
    out.sort_by_key(|&(n, c)| (std::cmp::Reverse(c), n));
    out.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// The rows attributed to `speaker` by some carrier (all rows for `None`).
fn of_speaker(rows: &[QuoteRow], speaker: Option<&str>) -> Vec<QuoteRow> {
    let Some(who) = speaker else {
        return rows.to_vec();
    };
    rows.iter()
        .filter(|r| r.speaker.as_deref() == Some(who) || r.speakers.iter().any(|(_, s)| s == who))
        .cloned()
        .collect()
}

/// Lists only the next (or previous) speaker's statements on the quotes screen; past the
/// last speaker, every statement again.
pub fn cycle_speaker(app: &mut App, forward: bool) {
    let Some(Screen::Quotes(q)) = app.stack.last() else {
        return;
    };
    let all = rows(app, q.story);
    let names = speakers(&all);
    let Some(Screen::Quotes(q)) = app.stack.last_mut() else {
        return;
    };
    let at = q
        .speaker
        .as_ref()
        .and_then(|s| names.iter().position(|n| n == s));
    // positions 0..n are speakers, n is "everyone"
    let n = names.len();
    let current = at.unwrap_or(n);
    let next = if forward {
        (current + 1) % (n + 1)
    } else {
        (current + n) % (n + 1)
    };
    q.speaker = names.get(next).cloned();
    q.rows = of_speaker(&all, q.speaker.as_deref());
    q.selected = 0;
    q.search = None;
}

/// The rows for the articles visible in the library, inside `story` (every story for
/// `None`): statements with a visible carrier there, most widely carried first.
pub fn rows(app: &App, story: Option<usize>) -> Vec<QuoteRow> {
    let inside = scope::restrict(&app.analysis.stories, story, &app.library.visible);
    let stories = &app.analysis.stories;
    scope::statements(&app.corpus, stories, &app.analysis.statements, &inside)
        .iter()
        .filter_map(|sc| row(app, sc))
        .collect()
}

/// The row of a statement as [`scope::narrowed`] tells it inside the scope (what
/// `parallax quotes` prints of it too).
fn row(app: &App, sc: &ScopedStatement) -> Option<QuoteRow> {
    let full = app.analysis.statements.get(sc.statement)?;
    let s = scope::narrowed(&app.corpus, full, &sc.occurrences);
    let all: Vec<usize> = (0..s.occurrences.len()).collect();
    let shown = shown(app, s.occurrences.as_slice(), &all);
    let carriers: Vec<(ArticleIdx, Span)> = shown
        .iter()
        .filter_map(|o| Some((o.article, o.spans.first()?.clone())))
        .collect();
    if carriers.is_empty() {
        return None;
    }
    let text = s
        .occurrences
        .get(s.longest)
        .map(|o| words(app, o))
        .unwrap_or_default();
    let reworded = shown.iter().any(|o| o.carried == Carried::Reworded);
    let wordings = if reworded {
        shown.iter().map(|o| (o.article, words(app, o))).collect()
    } else {
        Vec::new()
    };
    let named: Vec<(ArticleIdx, String)> = shown
        .iter()
        .filter_map(|o| Some((o.article, o.speaker.clone()?)))
        .collect();
    let (speaker, speakers) = agree(named, s.speaker.clone());
    Some(QuoteRow {
        statement: sc.statement,
        text,
        reworded,
        carriers,
        wordings,
        speakers,
        speaker,
        missing: sc.left_out.clone(),
    })
}

/// The body of article `a`, if there is one.
fn body(app: &App, a: ArticleIdx) -> Option<&str> {
    app.corpus.articles.get(a).map(|x| x.body.as_str())
}

/// The occurrences `picked` (in their order) whose spans all lie within the body.
fn shown<'a>(app: &App, all: &'a [Occurrence], picked: &[usize]) -> Vec<&'a Occurrence> {
    picked
        .iter()
        .filter_map(|&k| all.get(k))
        .filter(|o| {
            o.spans.iter().all(|r| {
                body(app, o.article)
                    .and_then(|b| b.get(r.clone()))
                    .is_some()
            })
        })
        .collect()
}

/// The words of an occurrence, its fragments joined by an ellipsis.
fn words(app: &App, o: &Occurrence) -> String {
    let b = body(app, o.article).unwrap_or_default();
    o.spans
        .iter()
        .filter_map(|r| b.get(r.clone()))
        .collect::<Vec<_>>()
        .join(" … ")
}

/// One speaker when all agree (else none and the list of who says whom).
fn agree(
    speakers: Vec<(ArticleIdx, String)>,
    fallback: Option<String>,
) -> (Option<String>, Vec<(ArticleIdx, String)>) {
    let mut names: Vec<&String> = speakers.iter().map(|(_, s)| s).collect();
    names.sort();
    names.dedup();
    match names.len() {
        0 => (fallback, Vec::new()),
        1 => (Some(names[0].clone()), Vec::new()),
        _ => (None, speakers),
    }
}

#[cfg(test)]
#[path = "quote_rows_tests.rs"]
mod tests;
