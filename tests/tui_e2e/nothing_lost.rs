//! Nothing lost: a whole session in the reader (preview, reader, compare, quotes, filter)
//! and then every subcommand, on a corpus folder with the app started from inside it,
//! leave every file of the corpus as it was: same entries, bytes, permissions and
//! modification times.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::session::{Launch, Session};
use crate::snapshot::snapshot;

const A: &str = "000_4bf21840051c9ce6";
const B: &str = "002_e9092905f2d66a6d";

/// Copies the seeds and an article with CRLF line endings into `root`.
fn make_corpus(root: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::create_dir_all(root.join("seeds")).expect("mkdir");
    for e in std::fs::read_dir(&seeds).expect("seeds") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), root.join("seeds").join(e.file_name())).expect("copy");
    }
    std::fs::write(
        root.join("crlf.txt"),
        "A headline\r\n\r\nA body in CRLF lines, read but never rewritten.\r\n",
    )
    .expect("write");
}

/// Runs one subcommand from inside `root` on `.`; it must succeed.
fn subcommand(root: &Path, state: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .arg(".")
        .current_dir(root)
        .env("PARALLAX_STATE_DIR", state.join("state"))
        .env("PARALLAX_CACHE_DIR", state.join("cache"))
        .stdin(Stdio::null())
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_full_session_and_every_subcommand_leave_the_corpus_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("corpus");
    make_corpus(&root);
    assert!(
        std::fs::read_dir(root.join("seeds"))
            .expect("seeds")
            .count()
            >= 2
    );
    let before = snapshot(&root);

    let mut s = Session::launch(Launch {
        paths: vec![Path::new(".")],
        cwd: Some(&root),
        ..Launch::default()
    });
    s.wait_analysed();
    s.wait_text("6 articles");
    // The reader, and back.
    s.send("\r");
    s.wait("the reader", |sc| !sc.contents().contains("DATE"));
    s.send("q");
    s.wait_text("DATE");
    // Compare the first two, and back.
    s.compare_000_and_002();
    s.send("q");
    s.wait_text("DATE");
    // Quotes, and back.
    s.send("Q");
    s.wait("the quotes", |sc| !sc.contents().contains("DATE"));
    s.send("q");
    s.wait_text("DATE");
    // A filter, then quit.
    s.send("/");
    s.wait_text("Filter by entity");
    s.send("zakh");
    s.wait_text("Zakharova");
    s.send("\r");
    s.wait_text("/6 articles");
    s.send("q");
    assert_eq!(s.finish_code().code, 0);

    for args in [
        &[][..],
        &["list"],
        &["list", "--json"],
        &["list", "--entity", "putin"],
        &["show", A],
        &["show", "--json", B],
        &["entities"],
        &["entities", "--json"],
        &["quotes"],
        &["quotes", "--json"],
        &["passages", "--csv"],
        &["compare", A, B],
        &["compare", "--json", A, B],
    ] {
        subcommand(&root, dir.path(), args);
    }
    assert!(before == snapshot(&root), "the corpus changed");
}
