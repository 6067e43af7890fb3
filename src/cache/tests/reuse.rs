//! What a reopen takes from the cache and what it reads again: round trips, changed,
//! touched and replaced files, the snapshot, and bodies read after the metadata.

use super::*;

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
fn without_a_cache_nothing_is_written() {
    let f = Fixture::new();
    let mut o = open_corpus_in(&f.paths(), None, Bodies::Now, &|_| {});
    assert_eq!(o.loaded.corpus.len(), 3);
    analysis_of(&mut o);
    assert!(!o.cached());
    assert_eq!(std::fs::read_dir(f.cache.path()).unwrap().count(), 0);
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
