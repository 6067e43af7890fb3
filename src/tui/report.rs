//! The compare screen's report: the first two panes written as a standalone HTML page
//! ([`crate::export::html`]) into the app's export directory, atomically and never over an
//! existing file ([`crate::fsio::create_new`]), named `parallax-compare-<A>-<B>.html`, or
//! `-2`, `-3`... when that name is taken.

use std::path::{Path, PathBuf};

use anyhow::anyhow;

use super::app::{App, Compare};
use crate::analysis::passages::compare::with_passages;
use crate::export::{Comparison, file_name, html};

/// Writes the comparison on screen and returns the path written. The spans are the
/// screen's own: passim's, or the alignment a compare job made; never aligned here, on the
/// screen's thread (a pair not aligned yet is asked for, and the user told to wait).
pub fn write(app: &mut App, cmp: &Compare) -> anyhow::Result<PathBuf> {
    let (Some(pa), Some(pb)) = (cmp.panes.first(), cmp.panes.get(1)) else {
        return Err(anyhow!("nothing to compare"));
    };
    let pair = (pa.article, pb.article);
    let spans = match &app.passim {
        Some(c) => crate::passim::aligned_pair(&app.corpus, c, pair.0, pair.1),
        None => match super::links::aligned(app, pair.0, pair.1) {
            Some(spans) => with_passages(spans, &app.analysis.passages.passages, pair.0, pair.1),
            None => {
                return Err(anyhow!(
                    "the alignment is still running; try again in a moment"
                ));
            }
        },
    };
    let articles = &app.corpus.articles;
    let (Some(a), Some(b)) = (articles.get(pair.0), articles.get(pair.1)) else {
        return Err(anyhow!("the compared articles are gone"));
    };
    let mut comparison = Comparison::from_spans(a, b, spans);
    // The screen's colour for each span: its link's (same span in the first pane).
    comparison.colors = comparison
        .spans
        .iter()
        .enumerate()
        .map(|(n, s)| {
            cmp.links
                .iter()
                .find(|l| l.spans.first() == Some(&Some(s.a.clone())))
                .map_or(n, |l| l.color)
        })
        .collect();
    let page = html::render_with_palette(&comparison, &app.theme.hex_palette());
    let name = file_name(a, b, "html");
    Ok(crate::fsio::create_new(
        &app.export_dir,
        &name,
        page.as_bytes(),
    )?)
}

/// A path as the status line shows it: `./name` under the working directory, else whole.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    match here.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rel) => format!(".{}{}", std::path::MAIN_SEPARATOR, rel.display()),
        None => path.display().to_string(),
    }
}
