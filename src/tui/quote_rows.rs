//! The rows of the quotes screen: every statement the visible articles quote, who carries
//! it (earliest first), where outlets word it or attribute it differently, and which
//! outlets left a widely carried statement out. Regroups the analysis's statements
//! ([`crate::analysis::quotes::statements`]); no analysis here.

use crate::analysis::Span;
use crate::analysis::quotes::statements::{Carried, Occurrence, Statement};
use crate::corpus::ArticleIdx;

use super::app::{App, Quotes, Screen};

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

/// The quotes screen as it opens: its rows for the articles visible now.
pub fn screen(app: &App) -> Quotes {
    Quotes {
        selected: 0,
        rows: rows(app),
        search: None,
        speaker: None,
    }
}

/// Recomputes the rows of every quotes screen on the stack, after the visible articles or
/// the analysis changed; keeps each selection in range.
pub fn refresh(app: &mut App) {
    if !app.stack.iter().any(|s| matches!(s, Screen::Quotes(_))) {
        return;
    }
    let fresh = rows(app);
    for screen in &mut app.stack {
        if let Screen::Quotes(q) = screen {
            q.rows = of_speaker(&fresh, q.speaker.as_deref());
            q.selected = q.selected.min(q.rows.len().saturating_sub(1));
            q.search = None;
        }
    }
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
    let all = rows(app);
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

/// The rows for the articles visible in the library: statements with a visible carrier,
/// most widely carried first.
pub fn rows(app: &App) -> Vec<QuoteRow> {
    let visible = &app.library.visible;
    let mut is_visible = vec![false; app.corpus.len()];
    for &a in visible {
        if let Some(v) = is_visible.get_mut(a) {
            *v = true;
        }
    }
    let mut out: Vec<QuoteRow> = app
        .analysis
        .statements
        .iter()
        .enumerate()
        .filter_map(|(i, s)| row(app, i, s, &is_visible))
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.carriers.len()));
    out
}

fn row(app: &App, i: usize, s: &Statement, is_visible: &[bool]) -> Option<QuoteRow> {
    let shown = shown(app, s, is_visible);
    let mut carriers: Vec<(ArticleIdx, Span)> = shown
        .iter()
        .filter_map(|o| Some((o.article, o.spans.first()?.clone())))
        .collect();
    if carriers.is_empty() {
        return None;
    }
    carriers.sort_by_key(|(a, _)| {
        let d = app.corpus.articles[*a].meta.date;
        (d.is_none(), d, *a)
    });
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
    let missing = missing(&app.library.visible, &carriers);
    Some(QuoteRow {
        statement: i,
        text,
        reworded,
        carriers,
        wordings,
        speakers,
        speaker,
        missing,
    })
}

/// The body of article `a`, if there is one.
fn body(app: &App, a: ArticleIdx) -> Option<&str> {
    app.corpus.articles.get(a).map(|x| x.body.as_str())
}

/// The occurrences of `s` in visible articles whose spans all lie within the body.
fn shown<'a>(app: &App, s: &'a Statement, is_visible: &[bool]) -> Vec<&'a Occurrence> {
    s.occurrences
        .iter()
        .filter(|o| is_visible.get(o.article).copied().unwrap_or(false))
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

/// The visible articles left out of a statement most of them (and at least three) carry.
fn missing(visible: &[ArticleIdx], carriers: &[(ArticleIdx, Span)]) -> Vec<ArticleIdx> {
    if carriers.len() * 2 > visible.len() && carriers.len() >= 3 {
        visible
            .iter()
            .copied()
            .filter(|a| !carriers.iter().any(|(c, _)| c == a))
            .collect()
    } else {
        Vec::new()
    }
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
mod tests {
    use super::*;
    use crate::analysis::quotes::Quote;
    use crate::analysis::{Analysis, Span};
    use crate::corpus::{Article, Corpus, Metadata};
    use crate::tui::fixture;

    fn article(id: &str, date: Option<&str>, body: &str) -> Article {
        let meta = Metadata {
            title: id.to_string(),
            source: Some(format!("Outlet {id}")),
            date: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            ..Metadata::default()
        };
        Article::new(id.to_string(), format!("{id}.txt"), meta, body.to_string())
    }

    fn quote(span: Span, speaker: &str) -> Quote {
        Quote {
            inner: span.start + 1..span.end - 1,
            outer: span,
            speaker: Some(speaker.to_string()),
            speaker_entity: None,
            depth: 0,
            ..Default::default()
        }
    }

    /// Three of four articles carry one quote; two attribute it to different people.
    fn app() -> App {
        let words = "\"we will never surrender the harbour\"";
        let bodies = [
            format!("Late report. {words} said Smith."),
            format!("{words} said Jones."),
            format!("Early: {words} said Smith."),
            "Nothing shared here.".to_string(),
        ];
        let dates = [
            Some("2024-03-02"),
            None,
            Some("2024-03-01"),
            Some("2024-03-01"),
        ];
        let articles: Vec<Article> = bodies
            .iter()
            .zip(dates)
            .enumerate()
            .map(|(i, (b, d))| article(&format!("a{i}"), d, b))
            .collect();
        let spans: Vec<Span> = bodies[..3]
            .iter()
            .map(|b| {
                let s = b.find(words).unwrap_or(0);
                s..s + words.len()
            })
            .collect();
        let speakers = ["Smith", "Jones", "Smith"];
        let mut quotes: Vec<Vec<Quote>> = spans
            .iter()
            .zip(speakers)
            .map(|(s, who)| vec![quote(s.clone(), who)])
            .collect();
        quotes.push(Vec::new());
        let corpus = Corpus {
            name: "t".to_string(),
            articles,
        };
        let analysis = Analysis {
            statements: crate::analysis::quotes::statements::find(&corpus, &quotes),
            quotes,
            ..Analysis::default()
        };
        fixture::app(corpus, Some(analysis), (120, 40))
    }
    #[test]
    fn carriers_earliest_first_speakers_and_who_left_it_out() {
        let app = app();
        let rows = rows(&app);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        let order: Vec<ArticleIdx> = r.carriers.iter().map(|(a, _)| *a).collect();
        assert_eq!(order, [2, 0, 1], "earliest first, undated last");
        assert_eq!(r.text, "we will never surrender the harbour");
        assert_eq!(r.speaker, None, "speakers disagree");
        assert_eq!(r.speakers.len(), 3);
        assert_eq!(r.missing, [3]);
        assert!(!r.reworded);
    }

    #[test]
    fn filtered_out_articles_do_not_count() {
        let mut app = app();
        app.library.visible = vec![0, 3];
        let rows = rows(&app);
        assert_eq!(rows.len(), 1, "the statement of the visible carrier");
        assert_eq!(rows[0].carriers.len(), 1, "hidden carriers do not count");
    }

    #[test]
    fn an_open_quotes_screen_follows_the_visible_articles() {
        let mut app = app();
        app.stack.push(Screen::Quotes(screen(&app)));
        let shown = |app: &App| match app.stack.last() {
            Some(Screen::Quotes(q)) => q.rows.len(),
            _ => usize::MAX,
        };
        assert_eq!(shown(&app), 1);
        app.library.visible = vec![3];
        refresh(&mut app);
        assert_eq!(
            shown(&app),
            0,
            "rows are recomputed, not kept from the opening"
        );
    }
}
