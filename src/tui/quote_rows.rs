//! The rows of the quotes screen: every shared passage of the filtered corpus, who carries
//! it (earliest first), where outlets word it or attribute it differently, and which
//! outlets left a widely carried passage out. Regroups analysis results; no analysis here.

use crate::analysis::Span;
use crate::analysis::passages::{Label, Occurrence};
use crate::corpus::ArticleIdx;

use super::app::{App, Quotes, Screen};

/// One shared passage as the quotes screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// Index into the passage index.
    pub passage: usize,
    /// The words of its earliest occurrence.
    pub text: String,
    pub label: Label,
    pub quoted: bool,
    /// The articles carrying it (visible ones), earliest publication first, with the span.
    pub carriers: Vec<(ArticleIdx, Span)>,
    /// Speakers as each carrier attributes it, when they do not all agree.
    pub speakers: Vec<(ArticleIdx, String)>,
    /// The speaker, when all carriers that name one agree.
    pub speaker: Option<String>,
    /// Visible articles that do not carry a passage most of them carry.
    pub missing: Vec<ArticleIdx>,
}

/// The quotes screen as it opens: its rows for the articles visible now.
pub fn screen(app: &App) -> Quotes {
    Quotes {
        selected: 0,
        rows: rows(app),
        search: None,
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
            q.selected = q.selected.min(fresh.len().saturating_sub(1));
            q.rows = fresh.clone();
            q.search = None;
        }
    }
}

/// The rows for the articles visible in the library.
pub fn rows(app: &App) -> Vec<QuoteRow> {
    let visible = &app.library.visible;
    let mut is_visible = vec![false; app.corpus.len()];
    for &a in visible {
        if let Some(v) = is_visible.get_mut(a) {
            *v = true;
        }
    }
    let mut out = Vec::new();
    for (p, passage) in app.analysis.passages.passages.iter().enumerate() {
        let carriers = carriers(app, &passage.occurrences, &is_visible);
        if carriers.len() < 2 {
            continue;
        }
        let (first, span) = &carriers[0];
        let text = app.corpus.articles[*first]
            .body
            .get(span.clone())
            .unwrap_or_default()
            .to_string();
        let speakers = speakers(app, &carriers);
        let (speaker, speakers) = agree(speakers, passage.speaker.clone());
        let missing = if carriers.len() * 2 > visible.len() && carriers.len() >= 3 {
            visible
                .iter()
                .copied()
                .filter(|a| !carriers.iter().any(|(c, _)| c == a))
                .collect()
        } else {
            Vec::new()
        };
        out.push(QuoteRow {
            passage: p,
            text,
            label: passage.label,
            quoted: passage.occurrences.iter().any(|o| o.quoted),
            carriers,
            speakers,
            speaker,
            missing,
        });
    }
    out
}

/// The visible articles carrying a passage (one occurrence each), earliest date first
/// (undated last).
fn carriers(app: &App, occurrences: &[Occurrence], is_visible: &[bool]) -> Vec<(ArticleIdx, Span)> {
    let mut out: Vec<(ArticleIdx, Span)> = Vec::new();
    for occ in occurrences {
        let fits = app
            .corpus
            .articles
            .get(occ.article)
            .is_some_and(|a| a.body.get(occ.span.clone()).is_some());
        if fits
            && is_visible.get(occ.article).copied().unwrap_or(false)
            && !out.iter().any(|(a, _)| *a == occ.article)
        {
            out.push((occ.article, occ.span.clone()));
        }
    }
    out.sort_by_key(|(a, _)| {
        let d = app.corpus.articles[*a].meta.date;
        (d.is_none(), d, *a)
    });
    out
}

/// The speaker of the quote each carrier's occurrence stands in, where one is named.
fn speakers(app: &App, carriers: &[(ArticleIdx, Span)]) -> Vec<(ArticleIdx, String)> {
    carriers
        .iter()
        .filter_map(|(a, span)| {
            let quotes = app.analysis.quotes.get(*a)?;
            let q = quotes
                .iter()
                .find(|q| q.outer.start < span.end && span.start < q.outer.end)?;
            Some((*a, q.speaker.clone()?))
        })
        .collect()
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
    use crate::analysis::passages::{Passage, Quoted};
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
        }
    }

    /// Three of four articles carry one quote; two attribute it to different people.
    fn app() -> App {
        let words = "\"we will not back down\"";
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
        let occurrences = spans
            .iter()
            .enumerate()
            .map(|(a, s)| Occurrence {
                article: a,
                span: s.clone(),
                quoted: true,
            })
            .collect();
        let speakers = ["Smith", "Jones", "Smith"];
        let mut quotes: Vec<Vec<Quote>> = spans
            .iter()
            .zip(speakers)
            .map(|(s, who)| vec![quote(s.clone(), who)])
            .collect();
        quotes.push(Vec::new());
        let analysis = Analysis {
            quotes,
            passages: crate::analysis::passages::PassageIndex {
                passages: vec![Passage {
                    occurrences,
                    words: 5,
                    label: Label::NearVerbatim,
                    similarity: 0.9,
                    quoted: Quoted::All,
                    speaker: Some("Smith".to_string()),
                }],
            },
            ..Analysis::default()
        };
        let corpus = Corpus {
            name: "t".to_string(),
            articles,
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
        assert_eq!(r.text, "\"we will not back down\"");
        assert_eq!(r.speaker, None, "speakers disagree");
        assert_eq!(r.speakers.len(), 3);
        assert_eq!(r.missing, [3]);
        assert!(r.quoted);
    }

    #[test]
    fn filtered_out_articles_do_not_count() {
        let mut app = app();
        app.library.visible = vec![0, 3];
        assert!(rows(&app).is_empty(), "one visible carrier is not shared");
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
        app.library.visible = vec![0, 3];
        refresh(&mut app);
        assert_eq!(
            shown(&app),
            0,
            "rows are recomputed, not kept from the opening"
        );
    }
}
