//! The analysis of an opened corpus: the cached one when it was made for these files, this
//! build and this config (decoded ahead by [`super::prefetch`] when the caller asked for
//! it, and checked against the corpus), else computed and stored.

use std::path::PathBuf;

use super::codec;
use super::keys::Fingerprint;
use super::session::{Opened, failure};
use super::{CacheError, validate};
use crate::analysis::{self, Analysis, Config, Stage};
use crate::corpus::Corpus;

impl Opened {
    /// The analysis of `corpus` (the loaded one, perhaps moved out of [`Opened::loaded`]):
    /// the cached one when the files, the build and `config` are those it was made for,
    /// else computed (reporting each stage) and stored. Pending bodies are read first when
    /// it must be computed (into a copy: fill `corpus` first to spare it).
    pub fn analysis(
        &mut self,
        corpus: &Corpus,
        config: &Config,
        progress: impl Fn(Stage) + Sync,
    ) -> Analysis {
        self.analysis_with(corpus, config, |c| {
            analysis::analyse_with_progress(c, config, progress)
        })
    }

    /// [`Opened::analysis`] computed by `compute` when it is not cached (another passage
    /// source: see [`Opened::depend_on_passages`]).
    pub fn analysis_with(
        &mut self,
        corpus: &Corpus,
        config: &Config,
        compute: impl FnOnce(&Corpus) -> Analysis,
    ) -> Analysis {
        if let Some(a) = self.cached_analysis(corpus, config) {
            return a;
        }
        let filled;
        let corpus = if corpus.articles.iter().all(|a| a.has_body()) {
            corpus
        } else {
            let mut c = corpus.clone();
            self.fill_bodies(&mut c);
            filled = c;
            &filled
        };
        let analysis = compute(corpus);
        self.store_analysis(config, &analysis);
        analysis
    }

    /// The cached analysis of `corpus`, when there is a valid one for it and `config`. Its
    /// spans are checked against the bodies (see [`super::check_analysis`]): only against
    /// their lengths while they are pending, so check it again once they are in.
    pub fn cached_analysis(&mut self, corpus: &Corpus, config: &Config) -> Option<Analysis> {
        let s = self.session.as_ref()?;
        let fp = fingerprint(&s.files, config);
        let prefetched = self.prefetch.take().and_then(|p| p.take(fp));
        let decoded = match prefetched {
            Some(decoded) => decoded?,
            None => match s.cache.analysis(s.corpus, fp) {
                Ok(blob) => codec::open::<Analysis>(&blob?),
                Err(e) => {
                    self.fail(e);
                    return None;
                }
            },
        };
        match decoded.and_then(|a| validate::check(&a, corpus).map(|()| a)) {
            Ok(a) => Some(a),
            Err(e) => {
                self.warnings
                    .push(format!("cache: ignored a bad cached analysis ({e})"));
                None
            }
        }
    }

    /// Stores `analysis` as the analysis of this corpus under `config`.
    pub fn store_analysis(&mut self, config: &Config, analysis: &Analysis) {
        let Some(s) = self.session.as_mut() else {
            return;
        };
        let fp = fingerprint(&s.files, config);
        let result =
            codec::seal(analysis).and_then(|blob| s.cache.save_analysis(s.corpus, fp, &blob));
        if let Err(e) = result {
            self.fail(e);
        }
    }

    /// Makes the analysis depend on metadata the user states beside the files (a sidecar, a
    /// file-name pattern: see [`crate::corpus::overlay`]), which sets the outlets the
    /// analysis reads; `digest` 0 means nothing is stated and changes nothing.
    pub fn depend_on_statements(&mut self, digest: u64) {
        self.depend_on("\u{0}statements", digest);
    }

    /// Makes the analysis depend on a passage source other than parallax's own (passim's
    /// clusters, by their digest), so that each source's analysis is cached apart; 0
    /// changes nothing.
    pub fn depend_on_passages(&mut self, digest: u64) {
        self.depend_on("\u{0}passages", digest);
    }

    fn depend_on(&mut self, what: &str, digest: u64) {
        if let Some(s) = self.session.as_mut().filter(|_| digest != 0) {
            s.files.push((PathBuf::from(what), digest));
        }
    }

    /// Lays the metadata the user states (see [`crate::corpus::overlay`]) over the loaded
    /// corpus, under `roots`: its problems join the load problems, and the analysis
    /// depends on it from now on.
    pub fn state_metadata(&mut self, hints: &crate::metadata::Hints, roots: &[PathBuf]) {
        let applied = crate::corpus::overlay::apply(&mut self.loaded.corpus, hints, roots);
        self.loaded.problems.extend(applied.problems);
        self.depend_on_statements(applied.digest);
    }

    /// Whether the corpus came through a cache.
    pub fn cached(&self) -> bool {
        self.session.is_some()
    }

    /// Drops the cache after a failure, with a warning.
    pub(super) fn fail(&mut self, e: CacheError) {
        if let Some(s) = self.session.take() {
            self.warnings.push(failure(s.cache, &e));
        }
    }
}

fn fingerprint(files: &[(PathBuf, u64)], config: &Config) -> i64 {
    let mut fp = Fingerprint::new(config);
    for (path, hash) in files {
        fp.add(path, *hash);
    }
    fp.finish()
}
