//! The cache end to end, in a temporary cache directory: the fixture corpus and helpers
//! shared by the tests of what is reused ([`reuse`]) and what is not trusted ([`damage`]).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use super::*;
use crate::analysis::{Config, analyse};

mod damage;
mod reuse;

const A: &str = "Storm closes ports\n\nHAMBURG, March 3 - Dock workers left the port of \
Hamburg on Monday. \"We cannot load a single ship in this wind,\" said Jana Weber, a union \
official.\n\nThe storm is expected to ease by Wednesday.";
const B: &str = "Ports shut as storm hits\n\nBy Tom Ellis\n\n\"We cannot load a single ship \
in this wind,\" Jana Weber told reporters in Hamburg, where the port authority halted all \
traffic.";
const C: &str = "{\"title\": \"Wind warning\", \"source\": \"Nordic Wire\", \"date\": \
\"2024-03-04\", \"body\": \"Forecasters in Oslo warned of gusts. Jana Weber said the \
union would meet.\"}";

struct Fixture {
    corpus: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let corpus = tempfile::tempdir().unwrap();
        std::fs::write(corpus.path().join("a.txt"), A).unwrap();
        std::fs::write(corpus.path().join("b.md"), B).unwrap();
        std::fs::write(corpus.path().join("c.json"), C).unwrap();
        std::fs::write(corpus.path().join("empty.txt"), "").unwrap();
        Fixture {
            corpus,
            cache: tempfile::tempdir().unwrap(),
        }
    }

    fn paths(&self) -> Vec<PathBuf> {
        vec![self.corpus.path().to_path_buf()]
    }

    fn open(&self) -> Opened {
        self.open_with(Bodies::Now)
    }

    fn open_with(&self, bodies: Bodies) -> Opened {
        let dir = Some(Ok(self.cache.path().to_path_buf()));
        open_corpus_in(&self.paths(), dir, bodies, &|_| {})
    }

    fn db(&self) -> PathBuf {
        self.cache.path().join(FILE_NAME)
    }

    fn sql(&self, sql: &str) {
        Connection::open(self.db())
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    }
}

fn ids(o: &Opened) -> Vec<String> {
    o.loaded
        .corpus
        .articles
        .iter()
        .map(|a| a.id.clone())
        .collect()
}

/// Analyses the opened corpus through its cache (stored when computed).
fn analysis_of(o: &mut Opened) -> crate::analysis::Analysis {
    let corpus = o.loaded.corpus.clone();
    o.analysis(&corpus, &Config::default(), |_| {})
}

fn is_valid_cache(db: &Path) -> bool {
    let conn = Connection::open(db).unwrap();
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let v: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    id == APPLICATION_ID && v == SCHEMA_VERSION && schema::quick_check(&conn)
}

/// Opens with the bodies left for later, checks that only metadata came, then fills them.
fn open_later(f: &Fixture) -> (Opened, crate::corpus::Corpus) {
    let mut o = f.open_with(Bodies::Later);
    let mut corpus = std::mem::take(&mut o.loaded.corpus);
    assert!(o.bodies_pending());
    assert!(
        corpus
            .articles
            .iter()
            .all(|a| !a.has_body() && a.body.is_empty())
    );
    o.fill_bodies(&mut corpus);
    assert!(!o.bodies_pending());
    (o, corpus)
}
