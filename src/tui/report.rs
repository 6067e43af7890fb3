//! The compare screen's report: the first two panes written as a standalone HTML page
//! ([`crate::export::html`]) into the app's export directory, atomically (a temporary file
//! in the same directory, then a rename that never replaces an existing file), named
//! `parallax-compare-<A>-<B>.html`, or `-2`, `-3`... when that name is taken.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow};

use super::app::{App, Compare};
use crate::analysis::passages::compare::with_passages;
use crate::export::{Comparison, file_name, html};

/// Most `-N` suffixes tried before giving up.
const MAX_SUFFIX: usize = 999;

/// Writes the comparison on screen and returns the path written.
pub fn write(app: &App, cmp: &Compare) -> anyhow::Result<PathBuf> {
    let (Some(pa), Some(pb)) = (cmp.panes.first(), cmp.panes.get(1)) else {
        return Err(anyhow!("nothing to compare"));
    };
    let articles = &app.corpus.articles;
    let (Some(a), Some(b)) = (articles.get(pa.article), articles.get(pb.article)) else {
        return Err(anyhow!("the compared articles are gone"));
    };
    let pair = (pa.article, pb.article);
    let mut comparison = match app.aligned.get(&pair) {
        Some(spans) => {
            let passages = &app.analysis.passages.passages;
            let spans = with_passages(spans.clone(), passages, pair.0, pair.1);
            Comparison::from_spans(a, b, spans)
        }
        // not on the screen's thread: the job asked for is on its way
        None if app.aligning.contains(&pair) => {
            return Err(anyhow!(
                "the alignment is still running; try again in a moment"
            ));
        }
        None => Comparison::align(a, b, &app.config),
    };
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
    persist_new(&app.export_dir, &file_name(a, b, "html"), page.as_bytes())
}

/// A path as the status line shows it: `./name` under the working directory, else whole.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    match here.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rel) => format!(".{}{}", std::path::MAIN_SEPARATOR, rel.display()),
        None => path.display().to_string(),
    }
}

/// Writes `bytes` to a new file in `dir` named `name`, or `name` with `-2`, `-3`... before
/// its extension when taken; never replaces a file. Returns the absolute path.
pub fn persist_new(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, format!(".{e}")),
        None => (name, String::new()),
    };
    for n in 1..=MAX_SUFFIX {
        let candidate = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        match tmp.persist_noclobber(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error).context(format!("cannot write {}", candidate.display())),
        }
    }
    Err(anyhow!(
        "{MAX_SUFFIX} reports named {name} already exist in {}",
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_and_numbers_the_next_name() {
        let dir = tempfile::tempdir().expect("tmp");
        let first = persist_new(dir.path(), "r.html", b"one").expect("first");
        let second = persist_new(dir.path(), "r.html", b"two").expect("second");
        let third = persist_new(dir.path(), "r.html", b"three").expect("third");
        assert_eq!(first.file_name().and_then(|n| n.to_str()), Some("r.html"));
        assert_eq!(
            second.file_name().and_then(|n| n.to_str()),
            Some("r-2.html")
        );
        assert_eq!(third.file_name().and_then(|n| n.to_str()), Some("r-3.html"));
        assert_eq!(std::fs::read(&first).expect("read"), b"one");
        // Only the three reports: no temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 3);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(persist_new(&dir.path().join("no/such"), "r.html", b"x").is_err());
    }
}
