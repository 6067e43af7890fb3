//! The compare screen shows what the core says two articles share
//! ([`crate::pipeline::pair::compare_pair`]): parallax's own alignment and, with passim's
//! clusters, passim's spans. (`tests/compare_agrees.rs` holds the command line to it.)

use std::sync::Arc;

use crate::analysis::Config;
use crate::analysis::passages::AlignedSpan;
use crate::corpus::Corpus;
use crate::pipeline::pair::compare_pair;
use crate::tui::app::{App, Screen};
use crate::tui::fixture;
use crate::tui::update::compare::open_compare;

/// The spans of the compare screen's links, pane by pane, in the first pane's order.
fn screen_spans(app: &App) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let Some(Screen::Compare(c)) = app.stack.last() else {
        panic!("compare is not open");
    };
    let mut out: Vec<_> = c
        .links
        .iter()
        .filter_map(|l| Some((l.spans.first()?.clone()?, l.spans.get(1)?.clone()?)))
        .collect();
    out.sort_by_key(|(a, b)| (a.start, b.start));
    out
}

fn spans_of(shared: &[AlignedSpan]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out: Vec<_> = shared.iter().map(|s| (s.a.clone(), s.b.clone())).collect();
    out.sort_by_key(|(a, b)| (a.start, b.start));
    out
}

#[test]
fn the_compare_screen_shows_the_cores_spans() {
    let mut app = fixture::seeds_app((120, 40));
    let (a, b) = (0, 1);
    let core = compare_pair(
        &app.corpus,
        &app.analysis.passages.passages,
        None,
        a,
        b,
        &Config::default(),
    );
    assert!(!core.is_empty(), "the seeds 000 and 001 share passages");
    open_compare(&mut app, vec![a, b], None);
    assert_eq!(screen_spans(&app), spans_of(&core));
}

#[test]
fn with_passim_the_compare_screen_shows_passims_spans() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passim");
    let loaded = crate::corpus::load_paths(&[root.join("corpus.jsonl")]);
    let corpus: Corpus = loaded.corpus;
    let clusters = crate::passim::read_clusters(&root.join("out"), &corpus).expect("passim");
    let analysis =
        crate::passim::analyse_with_progress(&corpus, &Config::default(), &clusters, |_| {});
    let mut app = fixture::app(corpus, Some(analysis), (120, 40));
    app.passim = Some(Arc::new(clusters));
    let pair = (0..app.corpus.len())
        .flat_map(|a| (a + 1..app.corpus.len()).map(move |b| (a, b)))
        .find(|&(a, b)| {
            let c = app.passim.as_deref();
            !compare_pair(&app.corpus, &[], c, a, b, &Config::default()).is_empty()
        })
        .expect("two articles passim says share something");
    let core = compare_pair(
        &app.corpus,
        &[],
        app.passim.as_deref(),
        pair.0,
        pair.1,
        &Config::default(),
    );
    open_compare(&mut app, vec![pair.0, pair.1], None);
    assert_eq!(screen_spans(&app), spans_of(&core));
}
