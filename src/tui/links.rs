//! The passages a set of compared articles share, as [`Link`]s the compare screen draws
//! and jumps between. Two articles are aligned with the library's `compare` on a job off the
//! screen's thread ([`align_job`]; the result comes back as [`Action::Aligned`] and is
//! cached in the app), completed with the corpus passages both carry. Until it is in, when
//! it finds nothing, or for three and four articles, the corpus passages are used.
//!
//! [`Action::Aligned`]: super::action::Action::Aligned

use crate::analysis::Config;
use crate::analysis::passages::{AlignedSpan, Label};
use crate::corpus::{ArticleIdx, Corpus};
use crate::pipeline::pair;

use super::app::{App, Link};

/// The links between the articles of `panes`, in reading order of the first pane. Two
/// articles show what [`crate::pipeline::pair::compare_pair`] says they share: passim's
/// spans at once, or the alignment once its job is done, completed the same way.
pub fn links(app: &mut App, panes: &[ArticleIdx]) -> Vec<Link> {
    if let [a, b] = panes {
        let (a, b) = (*a, *b);
        let shared = match &app.passim {
            Some(c) => Some(crate::passim::aligned_pair(&app.corpus, c, a, b)),
            None => aligned(app, a, b)
                .map(|al| pair::complete(al, &app.analysis.passages.passages, a, b)),
        };
        if let Some(shared) = shared.filter(|s| !s.is_empty()) {
            return from_aligned(app, a, &shared);
        }
    }
    from_passages(app, panes)
}

/// The alignment of `a` with `b` when it is known; else asked for (once) and `None`.
pub(super) fn aligned(app: &mut App, a: ArticleIdx, b: ArticleIdx) -> Option<Vec<AlignedSpan>> {
    if let Some(found) = app.aligned.get(&(a, b)) {
        return Some(found.clone());
    }
    if app.align_inline {
        let spans = align_job(&app.corpus, a, b, &app.config);
        app.aligned.insert((a, b), spans.clone());
        return Some(spans);
    }
    if app.aligning.insert((a, b)) {
        app.compare_jobs.push((a, b));
    }
    None
}

/// The alignment of articles `a` and `b` of `corpus` (what a compare job computes).
pub fn align_job(
    corpus: &Corpus,
    a: ArticleIdx,
    b: ArticleIdx,
    config: &Config,
) -> Vec<AlignedSpan> {
    pair::align(corpus, a, b, config)
}

fn from_aligned(app: &App, a: ArticleIdx, aligned: &[AlignedSpan]) -> Vec<Link> {
    aligned
        .iter()
        .enumerate()
        .map(|(i, s)| Link {
            spans: vec![Some(s.a.clone()), Some(s.b.clone())],
            changed: vec![s.a_changed.clone(), s.b_changed.clone()],
            color: app.index.passage_at(a, &s.a).unwrap_or(i),
            near: s.label == Label::NearVerbatim,
        })
        .collect()
}

fn from_passages(app: &App, panes: &[ArticleIdx]) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for (p, passage) in app.analysis.passages.passages.iter().enumerate() {
        let spans: Vec<Option<_>> = panes
            .iter()
            .map(|&art| {
                app.index.marks(art).and_then(|m| {
                    m.passages
                        .iter()
                        .find(|(q, _)| *q == p)
                        .map(|(_, s)| s.clone())
                })
            })
            .collect();
        if spans.iter().flatten().count() >= 2 {
            links.push(Link {
                changed: vec![Vec::new(); panes.len()],
                spans,
                color: p,
                near: passage.label == Label::NearVerbatim,
            });
        }
    }
    links.sort_by_key(|l| {
        l.spans
            .iter()
            .position(Option::is_some)
            .map(|i| (i, l.spans[i].as_ref().map_or(0, |s| s.start)))
    });
    links
}
