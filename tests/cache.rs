//! End-to-end tests of the analysis cache through the real binary: `--no-cache` writes
//! nothing, a second run is served from the cache and prints the same JSON, and two
//! processes sharing one cache both succeed and leave it valid.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// A corpus of articles in several shapes that share a quote, and an empty cache folder.
struct Setup {
    corpus: tempfile::TempDir,
    cache: tempfile::TempDir,
}

const SHARED: &str = "\"The bridge will stay closed until every cable has been inspected \
and replaced where needed,\"";

impl Setup {
    fn new() -> Setup {
        let corpus = tempfile::tempdir().unwrap();
        let d = corpus.path();
        std::fs::write(
            d.join("harbour.txt"),
            format!(
                "Bridge shut for repairs\n\nLISBON, May 4 - {SHARED} said Rui Costa, the \
                 city's chief engineer, on Tuesday.\n\nCommuters face long detours."
            ),
        )
        .unwrap();
        std::fs::write(
            d.join("wire.md"),
            format!(
                "# Engineers close river bridge\n\nRui Costa told reporters: {SHARED} \
                 Ferries will run every ten minutes."
            ),
        )
        .unwrap();
        let body = format!("City officials confirmed the closure. {SHARED} Costa said.");
        let json = serde_json::json!({
            "title": "Lisbon bridge closure",
            "source": "Atlantic Post",
            "date": "2025-05-04",
            "body": body,
        });
        std::fs::write(d.join("feed.json"), json.to_string()).unwrap();
        Setup {
            corpus,
            cache: tempfile::tempdir().unwrap(),
        }
    }

    fn cache_dir(&self) -> PathBuf {
        self.cache.path().join("parallax")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args)
            .arg(self.corpus.path())
            .env("PARALLAX_CACHE_DIR", self.cache_dir())
            .env("PARALLAX_STATE_DIR", self.cache.path().join("state"))
            .env_remove("NO_COLOR");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run parallax")
    }
}

fn ok(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("cache:"), "a cache warning: {err}");
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Rewrites `path` with `text` of the same length and gives it back its mtime (`touch -r`):
/// a change that path + size + mtime cannot see, but the change time does.
fn change_keeping_mtime(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap().replace(from, to);
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(mtime).unwrap();
}

#[test]
fn no_cache_writes_nothing() {
    let s = Setup::new();
    for args in [
        ["list", "--json", "--no-cache"].as_slice(),
        &["quotes", "--json", "--no-cache"],
        &["entities", "--json", "--no-cache"],
        &["--no-cache"],
    ] {
        let out = ok(&s.run(args));
        assert!(!out.is_empty(), "{args:?}");
    }
    assert!(!s.cache_dir().exists(), "--no-cache created the cache");
}

#[test]
fn a_second_run_is_served_from_the_cache_and_prints_the_same_json() {
    let s = Setup::new();
    let quotes = ok(&s.run(&["quotes", "--json"]));
    assert!(quotes.contains("bridge will stay closed"), "{quotes}");
    let list = ok(&s.run(&["list", "--json"]));
    let entities = ok(&s.run(&["entities", "--json"]));
    assert!(s.cache_dir().join("cache.sqlite3").exists());
    assert_eq!(ok(&s.run(&["quotes", "--json"])), quotes);
    assert_eq!(ok(&s.run(&["list", "--json"])), list);
    assert_eq!(ok(&s.run(&["entities", "--json"])), entities);

    // The runs above were served from the cache: the log says so.
    let log = std::fs::read_to_string(s.cache.path().join("state/parallax.log")).unwrap();
    let last = log.lines().rfind(|l| l.contains("corpus loaded"));
    assert!(last.is_some_and(|l| l.contains("from_cache=3")), "{log}");

    // A file changed in place with its size and mtime kept is read again, not served stale.
    change_keeping_mtime(&s.corpus.path().join("harbour.txt"), "Lisbon", "Lisbin");
    change_keeping_mtime(&s.corpus.path().join("harbour.txt"), "LISBON", "LISBIN");
    let fresh = ok(&s.run(&["list", "--json"]));
    assert!(fresh.contains("LISBIN"), "{fresh}");
    assert_eq!(fresh, ok(&s.run(&["list", "--json", "--no-cache"])));
}

#[test]
fn a_changed_file_is_seen_on_the_next_run() {
    let s = Setup::new();
    ok(&s.run(&["quotes", "--json"]));
    let path = s.corpus.path().join("wire.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Engineers close", "Engineers shut the")).unwrap();
    let list = ok(&s.run(&["list", "--json"]));
    assert!(list.contains("Engineers shut the river bridge"), "{list}");
    assert_eq!(list, ok(&s.run(&["list", "--json", "--no-cache"])));
    assert_eq!(
        ok(&s.run(&["quotes", "--json"])),
        ok(&s.run(&["quotes", "--json", "--no-cache"]))
    );
}

#[test]
fn a_garbage_cache_is_rebuilt_with_a_warning() {
    let s = Setup::new();
    std::fs::create_dir_all(s.cache_dir()).unwrap();
    std::fs::write(s.cache_dir().join("cache.sqlite3"), "garbage ".repeat(1000)).unwrap();
    let o = s.run(&["list", "--json"]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("discarded"), "{err}");
    // Rebuilt: the next run is quiet.
    ok(&s.run(&["list", "--json"]));
}

#[test]
fn two_processes_share_one_cache_without_harm() {
    let s = Setup::new();
    let spawn = || -> Child {
        s.command(&["quotes", "--json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn parallax")
    };
    // Twice: both on an empty cache, then both on a full one.
    let mut outputs = Vec::new();
    for _ in 0..2 {
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            outputs.push(ok(&child.wait_with_output().unwrap()));
        }
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    let db = s.cache_dir().join("cache.sqlite3");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let files: i64 = conn
        .query_row("SELECT count(*) FROM files", [], |r| r.get(0))
        .unwrap();
    assert_eq!(files, 3);
    drop(conn);
    assert_eq!(ok(&s.run(&["quotes", "--json"])), outputs[0]);
}
