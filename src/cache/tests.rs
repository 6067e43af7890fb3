//! The cache end to end, in a temporary cache directory: round trips, changed files,
//! damaged and foreign databases.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use super::*;
use crate::analysis::{Config, analyse};

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

#[test]
fn a_second_open_reads_no_file_and_reuses_the_analysis() {
    let f = Fixture::new();
    let mut first = f.open();
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    assert_eq!((first.from_cache, first.from_disk), (0, 4));
    let computed = analysis_of(&mut first);
    assert!(!computed.entities.entities.is_empty());

    let mut second = f.open();
    assert!(second.warnings.is_empty(), "{:?}", second.warnings);
    // The empty file was read, reported and cached like the rest.
    assert_eq!((second.from_cache, second.from_disk), (4, 0));
    assert_eq!(second.loaded.corpus.articles, first.loaded.corpus.articles);
    assert_eq!(second.loaded.problems, first.loaded.problems);
    let corpus = second.loaded.corpus.clone();
    let cached = second.cached_analysis(&corpus, &Config::default());
    let cached = cached.expect("the analysis comes from the cache");
    assert_eq!(cached.entities, computed.entities);
    assert_eq!(cached.quotes, computed.quotes);
    assert_eq!(cached.passages, computed.passages);
    // Another config is another analysis.
    let other = Config {
        min_quote_words: 9,
        ..Config::default()
    };
    assert!(second.cached_analysis(&corpus, &other).is_none());
    assert!(is_valid_cache(&f.db()));
}

#[test]
fn a_changed_file_is_parsed_alone_and_the_analysis_recomputed() {
    let f = Fixture::new();
    let mut first = f.open();
    analysis_of(&mut first);
    std::fs::write(
        f.corpus.path().join("b.md"),
        B.replace("Ports shut", "Harbours shut"),
    )
    .unwrap();
    std::fs::remove_file(f.corpus.path().join("empty.txt")).unwrap();
    let mut second = f.open();
    assert_eq!((second.from_cache, second.from_disk), (2, 1));
    let titles: Vec<&str> = second
        .loaded
        .corpus
        .articles
        .iter()
        .map(|a| a.meta.title.as_str())
        .collect();
    assert!(
        titles.contains(&"Harbours shut as storm hits"),
        "{titles:?}"
    );
    let corpus = second.loaded.corpus.clone();
    assert!(
        second
            .cached_analysis(&corpus, &Config::default())
            .is_none()
    );
    let fresh = analysis_of(&mut second);
    assert_eq!(
        fresh.passages,
        analyse(&corpus, &Config::default()).passages
    );
    // The gone file's row went with it; the new state is cached whole.
    let third = f.open();
    assert_eq!((third.from_cache, third.from_disk), (3, 0));
}

#[test]
fn a_touched_file_is_hashed_and_its_parse_reused() {
    let f = Fixture::new();
    let first = f.open();
    let a = f.corpus.path().join("a.txt");
    let mtime = std::fs::metadata(&a).unwrap().modified().unwrap();
    let file = std::fs::File::options().write(true).open(&a).unwrap();
    file.set_modified(mtime + std::time::Duration::from_secs(5))
        .unwrap();
    let second = f.open();
    assert_eq!((second.from_cache, second.from_disk), (4, 0));
    assert_eq!(second.loaded.corpus.articles, first.loaded.corpus.articles);
}

/// The body of article `a` as loaded (or read back from the cache).
fn body_of_a(o: &Opened) -> String {
    let a = o.loaded.corpus.articles.iter().find(|x| x.id == "a");
    a.map(|x| x.body.clone()).unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn a_file_replaced_with_the_same_size_and_mtime_is_read_again() {
    let f = Fixture::new();
    let first = f.open();
    assert!(body_of_a(&first).contains("Hamburg"));
    let a = f.corpus.path().join("a.txt");
    let mtime = std::fs::metadata(&a).unwrap().modified().unwrap();
    // `mv` of a prepared file of the same size, its mtime copied (`touch -r`).
    let prepared = f.corpus.path().join("prepared.tmp");
    std::fs::write(&prepared, A.replace("Hamburg", "Hambork")).unwrap();
    let file = std::fs::File::options()
        .write(true)
        .open(&prepared)
        .unwrap();
    file.set_modified(mtime).unwrap();
    std::fs::rename(&prepared, &a).unwrap();
    assert_eq!(std::fs::metadata(&a).unwrap().modified().unwrap(), mtime);
    let second = f.open();
    assert!(body_of_a(&second).contains("Hambork"), "stale body served");
    // In place, same size, mtime put back: the change time moved.
    std::fs::write(&a, A.replace("Hamburg", "Hamborg")).unwrap();
    let file = std::fs::File::options().write(true).open(&a).unwrap();
    file.set_modified(mtime).unwrap();
    let third = f.open();
    assert!(body_of_a(&third).contains("Hamborg"), "stale body served");
    // And untouched since, it comes from the cache.
    let fourth = f.open();
    assert_eq!(fourth.from_cache, 4);
    assert!(body_of_a(&fourth).contains("Hamborg"));
}

#[test]
fn a_corrupt_database_is_discarded_and_rebuilt() {
    let f = Fixture::new();
    let reference = f.open();
    std::fs::write(
        f.db(),
        b"this is not an SQLite database, not at all. ".repeat(200),
    )
    .unwrap();
    let o = f.open();
    assert!(
        o.warnings.iter().any(|w| w.contains("discarded")),
        "{:?}",
        o.warnings
    );
    assert_eq!(o.loaded.corpus.articles, reference.loaded.corpus.articles);
    assert!(is_valid_cache(&f.db()));
    assert!(f.cache.path().join("cache.sqlite3.bad").exists());
    assert_eq!(f.open().from_cache, 4);
}

#[test]
fn a_foreign_or_older_database_is_discarded_and_rebuilt() {
    for sql in [
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');",
        "PRAGMA application_id = 1234; CREATE TABLE t (x);",
    ] {
        let f = Fixture::new();
        f.sql(sql);
        let o = f.open();
        assert!(
            o.warnings.iter().any(|w| w.contains("discarded")),
            "{sql}: {:?}",
            o.warnings
        );
        assert_eq!(o.loaded.corpus.len(), 3);
        assert!(is_valid_cache(&f.db()), "{sql}");
    }
}

#[test]
fn a_truncated_blob_is_rejected_and_recomputed() {
    let f = Fixture::new();
    let mut first = f.open();
    let computed = analysis_of(&mut first);
    f.sql(
        "UPDATE analyses SET data = substr(data, 1, length(data) / 2);
         UPDATE snapshots SET data = substr(data, 1, length(data) - 1);
         UPDATE files SET data = substr(data, 1, 20) WHERE path LIKE '%a.txt';",
    );
    let mut second = f.open();
    // The damaged row is read from disk again; the others come from the cache.
    assert_eq!((second.from_cache, second.from_disk), (3, 1));
    assert_eq!(ids(&second), ids(&first));
    let corpus = second.loaded.corpus.clone();
    assert!(
        second
            .cached_analysis(&corpus, &Config::default())
            .is_none()
    );
    assert!(
        second.warnings.iter().any(|w| w.contains("bad cached")),
        "{:?}",
        second.warnings
    );
    assert_eq!(analysis_of(&mut second).passages, computed.passages);
    let mut third = f.open();
    assert_eq!(third.from_cache, 4);
    let corpus = third.loaded.corpus.clone();
    assert!(third.cached_analysis(&corpus, &Config::default()).is_some());
}

#[test]
fn without_a_cache_nothing_is_written() {
    let f = Fixture::new();
    let mut o = open_corpus_in(&f.paths(), None, Bodies::Now, &|_| {});
    assert_eq!(o.loaded.corpus.len(), 3);
    analysis_of(&mut o);
    assert!(!o.cached());
    assert_eq!(std::fs::read_dir(f.cache.path()).unwrap().count(), 0);
}

#[test]
fn an_unusable_cache_directory_is_a_warning() {
    let f = Fixture::new();
    let blocked = f.cache.path().join("file");
    std::fs::write(&blocked, "").unwrap();
    let o = open_corpus_in(&f.paths(), Some(Ok(blocked)), Bodies::Now, &|_| {});
    assert_eq!(o.loaded.corpus.len(), 3);
    assert!(!o.cached());
    assert_eq!(o.warnings.len(), 1, "{:?}", o.warnings);
}

#[test]
fn progress_counts_every_file() {
    let f = Fixture::new();
    let seen = std::sync::Mutex::new(Vec::new());
    let dir = Some(Ok(f.cache.path().to_path_buf()));
    open_corpus_in(&f.paths(), dir, Bodies::Now, &|e| {
        seen.lock().unwrap().push(e)
    });
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.first(), Some(&Event::Listed(4)));
    assert_eq!(seen.last(), Some(&Event::Loaded { done: 4, total: 4 }));
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

#[test]
fn a_reopen_reads_metadata_first_and_the_bodies_after_the_same() {
    let f = Fixture::new();
    let mut first = f.open();
    let computed = analysis_of(&mut first);
    let mut meta = f.open_with(Bodies::Later);
    assert_eq!((meta.from_cache, meta.from_disk), (4, 0));
    assert_eq!(meta.loaded.problems, first.loaded.problems);
    let corpus = meta.loaded.corpus.clone();
    for (a, full) in corpus.articles.iter().zip(&first.loaded.corpus.articles) {
        assert_eq!(
            (&a.id, &a.meta, a.words),
            (&full.id, &full.meta, full.words)
        );
        assert_eq!(a.body_pending, Some(full.body.len()));
        assert_eq!(a.body_len(), full.body.len());
    }
    // The analysis is checked against the bodies' lengths before they are in.
    let cached = meta.cached_analysis(&corpus, &Config::default());
    assert_eq!(cached.map(|a| a.passages), Some(computed.passages.clone()));
    let (later, filled) = open_later(&f);
    assert!(later.warnings.is_empty(), "{:?}", later.warnings);
    assert_eq!(filled.articles, first.loaded.corpus.articles);
    assert!(check_analysis(&computed, &filled).is_ok());
}

#[test]
fn a_missing_or_damaged_bodies_row_is_read_from_the_file_and_repaired() {
    let f = Fixture::new();
    let first = f.open();
    f.sql(
        "DELETE FROM bodies WHERE path LIKE '%a.txt';
         UPDATE bodies SET data = substr(data, 1, length(data) - 3) WHERE path LIKE '%b.md';",
    );
    let (o, filled) = open_later(&f);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(filled.articles, first.loaded.corpus.articles);
    let conn = Connection::open(f.db()).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM bodies", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 4, "the two rows are written again");
    let (_, again) = open_later(&f);
    assert_eq!(again.articles, first.loaded.corpus.articles);
}

#[test]
fn bodies_of_another_length_than_recorded_are_not_taken() {
    let f = Fixture::new();
    let first = f.open();
    // A sound row, but another text: its length differs from what the metadata recorded.
    let other = codec::seal(&vec!["Something else entirely.".to_string()]).unwrap();
    Connection::open(f.db())
        .unwrap()
        .execute(
            "UPDATE bodies SET data = ?1 WHERE path LIKE '%a.txt'",
            [other],
        )
        .unwrap();
    let (_, filled) = open_later(&f);
    assert_eq!(filled.articles, first.loaded.corpus.articles);
}

#[test]
fn a_file_changed_between_metadata_and_bodies_is_warned_about() {
    let f = Fixture::new();
    f.open();
    let mut o = f.open_with(Bodies::Later);
    let mut corpus = std::mem::take(&mut o.loaded.corpus);
    f.sql("DELETE FROM bodies");
    std::fs::write(f.corpus.path().join("a.txt"), "Short now.").unwrap();
    o.fill_bodies(&mut corpus);
    assert!(corpus.articles.iter().all(|a| a.has_body()));
    assert!(
        o.warnings
            .iter()
            .any(|w| w.contains("changed while it was opened")),
        "{:?}",
        o.warnings
    );
}

#[test]
fn an_analysis_that_fits_the_lengths_but_not_the_text_is_caught_once_it_is_in() {
    let f = Fixture::new();
    std::fs::write(
        f.corpus.path().join("d.txt"),
        "Ärzte warnen\n\nÄrzte in Zürich warnten am Montag vor dem Sturm.",
    )
    .unwrap();
    let mut first = f.open();
    let mut analysis = analysis_of(&mut first);
    let mut meta = f.open_with(Bodies::Later);
    let d = meta.loaded.corpus.find("d").unwrap();
    // Inside the body's length, but inside its first character.
    analysis.quotes[d].push(crate::analysis::quotes::Quote {
        inner: 0..1,
        outer: 0..1,
        speaker: None,
        speaker_entity: None,
        depth: 0,
        ..Default::default()
    });
    assert!(check_analysis(&analysis, &meta.loaded.corpus).is_ok());
    let mut corpus = std::mem::take(&mut meta.loaded.corpus);
    meta.fill_bodies(&mut corpus);
    assert!(check_analysis(&analysis, &corpus).is_err());
}

#[test]
fn a_newer_schema_is_replaced_quietly_too() {
    let f = Fixture::new();
    f.sql(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 999; CREATE TABLE files (x);"
    ));
    let o = f.open();
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert_eq!(o.loaded.corpus.len(), 3);
    assert!(is_valid_cache(&f.db()));
}

#[test]
fn the_previous_schema_is_discarded_and_rebuilt() {
    let f = Fixture::new();
    f.sql(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 2;
         CREATE TABLE files (corpus INTEGER, root INTEGER, path BLOB, size INTEGER,
             mtime INTEGER, hash INTEGER, data BLOB, PRIMARY KEY (corpus, path));"
    ));
    // Replaced without a warning: another version's file is no news.
    let o = f.open();
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert!(is_valid_cache(&f.db()));
    let (_, filled) = open_later(&f);
    assert_eq!(filled.articles, o.loaded.corpus.articles);
}

#[test]
fn an_unchanged_corpus_comes_from_its_snapshot_and_a_bad_one_from_the_rows() {
    let f = Fixture::new();
    let first = f.open();
    let count = |sql: &str| -> i64 {
        Connection::open(f.db())
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("SELECT count(*) FROM snapshots"), 1);
    // Without its rows, an unchanged corpus still opens whole: from the snapshot.
    f.sql("DELETE FROM files");
    let (o, filled) = open_later(&f);
    assert_eq!((o.from_cache, o.from_disk), (4, 0));
    assert_eq!(filled.articles, first.loaded.corpus.articles);
    assert_eq!(o.loaded.problems, first.loaded.problems);
    // A damaged snapshot is not trusted: the rows (read again from the files) stand in.
    f.sql("UPDATE snapshots SET data = substr(data, 1, length(data) - 1)");
    let o = f.open();
    assert_eq!((o.from_cache, o.from_disk), (0, 4));
    assert_eq!(o.loaded.corpus.articles, first.loaded.corpus.articles);
    assert_eq!(o.loaded.problems, first.loaded.problems);
    // A new file makes the snapshot stale: rows for the rest, the new file parsed.
    std::fs::write(
        f.corpus.path().join("d.txt"),
        "Gales ease\n\nThe wind dropped.",
    )
    .unwrap();
    let o = f.open();
    assert_eq!((o.from_cache, o.from_disk), (4, 1));
    let o = f.open();
    assert_eq!((o.from_cache, o.from_disk), (5, 0));
    assert_eq!(o.loaded.corpus.len(), 4);
}
