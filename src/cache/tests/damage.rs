//! What the cache does not trust: corrupt, foreign and other-schema databases, truncated
//! blobs, damaged bodies rows, and bodies or analyses that no longer fit the files.

use super::*;

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
fn an_unusable_cache_directory_is_a_warning() {
    let f = Fixture::new();
    let blocked = f.cache.path().join("file");
    std::fs::write(&blocked, "").unwrap();
    let o = open_corpus_in(&f.paths(), Some(Ok(blocked.clone())), Bodies::Now, &|_| {});
    assert_eq!(o.loaded.corpus.len(), 3);
    assert!(!o.cached());
    assert_eq!(o.warnings.len(), 1, "{:?}", o.warnings);
    // The folder named, and why ("File exists" would say nothing).
    let want = format!(
        "cache: {}: not a folder; going on without it",
        blocked.display()
    );
    assert_eq!(o.warnings[0], want);
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
