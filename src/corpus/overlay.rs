//! Metadata the user states, laid over what the text says: sidecar files, a file-name
//! pattern and the folder an article is in. What the user states wins over what is read
//! off the text; among statements, a sidecar row wins over the file name, which wins over
//! the folder. Each field's origin is kept in [`crate::corpus::Article::provenance`].
//!
//! Applied after the corpus is loaded (also when it comes from the cache), so that a
//! changed sidecar never needs the articles parsed again.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::corpus::{Article, Corpus, LoadProblem, Severity};
use crate::metadata::provenance::{Origin, Provenance};
use crate::metadata::sidecar::{Sidecar, is_sidecar_name};
use crate::metadata::{Hints, Stated};

/// What [`apply`] did: problems to report, and a digest of every statement (0 when none)
/// for the analysis cache, which depends on the outlets.
#[derive(Debug, Default)]
pub struct Applied {
    pub problems: Vec<LoadProblem>,
    pub digest: u64,
}

/// Lays the user's statements over `corpus` and records each field's origin. Sidecars are
/// the one `hints` names and those found by name in the folders of `roots` and of the
/// articles.
pub fn apply(corpus: &mut Corpus, hints: &Hints, roots: &[PathBuf]) -> Applied {
    let mut applied = Applied::default();
    let sidecars = read_sidecars(corpus, hints, roots, &mut applied.problems);
    let mut hasher = rustc_hash::FxHasher::default();
    let mut stated_any = false;
    let guessed = match hints.name_pattern {
        Some(_) => None,
        None => super::name_guess::guess(&corpus.articles),
    };
    let known = match guessed {
        Some(_) => super::name_guess::known_outlets(&corpus.articles),
        None => Default::default(),
    };
    for a in &mut corpus.articles {
        a.provenance = Provenance::of_text(&a.meta);
        let path = PathBuf::from(&a.path);
        if let Some(name) = configured_outlet(&hints.outlets, a) {
            let stated = Stated {
                source: Some(name),
                ..Stated::default()
            };
            lay(a, &stated, Origin::Config, &mut hasher);
            stated_any = true;
        }
        if hints.folder_source {
            if let Some(folder) = folder_name(&path) {
                let stated = Stated {
                    source: Some(crate::metadata::name_pattern::outlet_name(&folder)),
                    ..Stated::default()
                };
                lay(a, &stated, Origin::Folder, &mut hasher);
                stated_any = true;
            }
        }
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let (Some(p), Some(stem)) = (&hints.name_pattern, stem) {
            if let Some(stated) = p.read(&stem) {
                lay(a, &stated, Origin::FileName, &mut hasher);
                stated_any = true;
            }
        }
        if let Some(stated) = guessed
            .as_ref()
            .and_then(|p| super::name_guess::missing_fields(p, a, &known))
        {
            lay(a, &stated, Origin::FileName, &mut hasher);
            stated_any = true;
        }
        let row = sidecars
            .iter()
            .find_map(|s| s.lookup(&path, &a.id))
            .cloned();
        if let Some(stated) = row {
            lay(a, &stated, Origin::Sidecar, &mut hasher);
            stated_any = true;
        }
    }
    applied.digest = if stated_any { hasher.finish() } else { 0 };
    applied
}

/// The outlet of the configuration `a` belongs to: by its URL's domain, else by the name
/// its text gives (one of the outlet's names or aliases, letter case aside).
fn configured_outlet(outlets: &[crate::metadata::outlets::Outlet], a: &Article) -> Option<String> {
    if outlets.is_empty() {
        return None;
    }
    let host = a
        .meta
        .url
        .as_deref()
        .and_then(crate::metadata::outlets::host_of);
    if let Some(name) = host.and_then(|h| crate::metadata::outlets::in_list(outlets, h)) {
        return Some(name.to_string());
    }
    let given = a.meta.source.as_deref()?.trim();
    outlets
        .iter()
        .find(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|n| n.eq_ignore_ascii_case(given))
        })
        .map(|o| o.name.clone())
}

/// Sets the stated fields of `a`, their origin, and feeds them to `h`.
fn lay(a: &mut Article, s: &Stated, origin: Origin, h: &mut impl Hasher) {
    a.id.hash(h);
    if let Some(v) = &s.title {
        a.meta.title.clone_from(v);
        a.provenance.title = Some(origin);
        v.hash(h);
    }
    if let Some(v) = &s.source {
        a.meta.source = Some(v.clone());
        a.provenance.source = Some(origin);
        v.hash(h);
    }
    if let Some(v) = s.date {
        a.meta.date = Some(v);
        a.meta.date_inferred = false;
        a.provenance.date = Some(origin);
        v.hash(h);
    }
    if let Some(v) = &s.url {
        a.meta.url = Some(v.clone());
        a.provenance.url = Some(origin);
    }
    if let Some(v) = &s.author {
        a.meta.author = Some(v.clone());
        a.provenance.author = Some(origin);
    }
}

/// The name of the folder `path` is in.
fn folder_name(path: &Path) -> Option<String> {
    let parent = path.parent()?;
    let name = match parent.file_name() {
        Some(n) => n.to_string_lossy().into_owned(),
        // `./a.txt` or `a.txt`: the working directory's name.
        None => std::env::current_dir()
            .ok()?
            .file_name()?
            .to_string_lossy()
            .into_owned(),
    };
    (!name.trim().is_empty()).then_some(name)
}

/// Reads the named sidecar and every sidecar found by name in the folders of `roots` and
/// of the articles; each that cannot be read, and each bad row, is a problem.
fn read_sidecars(
    corpus: &Corpus,
    hints: &Hints,
    roots: &[PathBuf],
    problems: &mut Vec<LoadProblem>,
) -> Vec<Sidecar> {
    let mut folders: BTreeSet<PathBuf> = roots.iter().filter(|r| r.is_dir()).cloned().collect();
    // No roots: the bundled seeds, with no folder of their own to look in.
    let articles = if roots.is_empty() {
        &[][..]
    } else {
        &corpus.articles[..]
    };
    for a in articles {
        if let Some(parent) = Path::new(&a.path).parent() {
            if !folders.contains(parent) {
                folders.insert(parent.to_path_buf());
            }
        }
    }
    let mut paths: Vec<PathBuf> = hints.sidecar.iter().cloned().collect();
    for dir in folders {
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| is_sidecar_name(&e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        paths.extend(found);
    }
    // The named sidecar first: its rows win.
    paths.dedup();
    let mut sidecars = Vec::new();
    for path in paths {
        match Sidecar::read(&path) {
            Ok((s, rows)) => {
                problems.extend(rows.into_iter().map(|r| warning(&path, r.line, r.reason)));
                sidecars.push(s);
            }
            Err(reason) => problems.push(warning(&path, None, reason)),
        }
    }
    sidecars
}

fn warning(path: &Path, line: Option<usize>, reason: String) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        line,
        severity: Severity::Warning,
        reason: format!("sidecar: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::NamePattern;
    use crate::metadata::provenance::Origin;

    fn corpus_in(dir: &Path, files: &[(&str, &str)]) -> Corpus {
        for (name, text) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        crate::corpus::load_paths(&[dir.to_path_buf()]).corpus
    }

    const BODY: &str = "Harbour vote delayed\n\nThe council met on the quay and talked at length.";

    #[test]
    fn a_sidecar_beats_the_file_name_which_beats_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut c = corpus_in(
            d,
            &[
                ("planet/coast-times_2024-03-05_vote.txt", BODY),
                ("planet/other_2024-03-06_vote.txt", BODY),
                ("planet/loose.txt", BODY),
                (
                    "metadata.csv",
                    "file,source\nplanet/other_2024-03-06_vote.txt,Tide Weekly\n",
                ),
            ],
        );
        assert_eq!(c.len(), 3, "the sidecar is not an article");
        let hints = Hints {
            name_pattern: Some(NamePattern::parse("{source}_{date}_{slug}").unwrap()),
            folder_source: true,
            ..Hints::default()
        };
        let applied = apply(&mut c, &hints, &[d.to_path_buf()]);
        assert!(applied.problems.is_empty(), "{:?}", applied.problems);
        assert_ne!(applied.digest, 0);
        let by = |stem: &str| c.articles.iter().find(|a| a.id.starts_with(stem)).unwrap();
        let ct = by("coast");
        assert_eq!(ct.meta.source.as_deref(), Some("Coast Times"));
        assert_eq!(ct.provenance.source, Some(Origin::FileName));
        assert_eq!(ct.provenance.date, Some(Origin::FileName));
        assert_eq!(ct.provenance.title, Some(Origin::Text));
        let other = by("other");
        assert_eq!(other.meta.source.as_deref(), Some("Tide Weekly"));
        assert_eq!(other.provenance.source, Some(Origin::Sidecar));
        assert_eq!(
            other.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-06")
        );
        let loose = by("loose");
        assert_eq!(loose.meta.source.as_deref(), Some("Planet"));
        assert_eq!(loose.provenance.source, Some(Origin::Folder));
    }

    #[test]
    fn nothing_stated_leaves_the_text_and_a_zero_digest() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = corpus_in(dir.path(), &[("a.txt", BODY)]);
        let before = c.articles[0].meta.clone();
        let applied = apply(&mut c, &Hints::default(), &[dir.path().to_path_buf()]);
        assert_eq!(c.articles[0].meta, before);
        assert_eq!(applied.digest, 0);
        assert_eq!(c.articles[0].provenance.title, Some(Origin::Text));
    }

    #[test]
    fn a_bad_sidecar_is_reported_and_the_rest_applies() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut c = corpus_in(d, &[("a.txt", BODY), ("sidecar.json", "[1, {")]);
        let hints = Hints {
            sidecar: Some(d.join("missing.csv")),
            ..Hints::default()
        };
        let applied = apply(&mut c, &hints, &[d.to_path_buf()]);
        assert_eq!(applied.problems.len(), 2, "{:?}", applied.problems);
        assert!(
            applied
                .problems
                .iter()
                .all(|p| p.severity == Severity::Warning)
        );
    }

    #[test]
    fn outlets_of_the_configuration_name_articles_by_domain_or_alias() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = corpus_in(
            dir.path(),
            &[
                (
                    "a.txt",
                    "Quay vote\n\nhttps://news.coasttimes.example/quay\n\nThe board met.",
                ),
                ("b.txt", BODY),
            ],
        );
        c.articles[1].meta.source = Some("the coast times".into());
        let hints = Hints {
            outlets: vec![crate::metadata::outlets::Outlet {
                name: "Coast Times".into(),
                domains: vec!["coasttimes.example".into()],
                aliases: vec!["The Coast Times".into()],
            }],
            ..Hints::default()
        };
        let applied = apply(&mut c, &hints, &[dir.path().to_path_buf()]);
        for a in &c.articles {
            assert_eq!(a.meta.source.as_deref(), Some("Coast Times"), "{}", a.path);
            assert_eq!(a.provenance.source, Some(Origin::Config));
        }
        assert_ne!(applied.digest, 0, "the analysis depends on them");
    }
}
