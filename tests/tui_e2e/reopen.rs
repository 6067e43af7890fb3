//! Reopening a folder through the cache: the second start shows the library from the
//! cached metadata and analysis, then reads the text; Enter pressed at once opens the
//! reader with its text once that is in.

use super::session::{Launch, Session};

const FERRY: &str = "Ferry strike ends\n\nThe ferry crews returned to work on Friday \
after a week. \"We have a deal that keeps every crossing running,\" said Mara Lind, \
the union's spokeswoman.";
const PORT: &str = "Crossings resume\n\n\"We have a deal that keeps every crossing \
running,\" Mara Lind told reporters at the port on Friday.";

#[test]
fn a_reopened_folder_opens_the_reader_with_its_text() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("ferry.txt"), FERRY).unwrap();
    std::fs::write(corpus.path().join("port.txt"), PORT).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let cache_dir = cache.path().to_str().unwrap();
    let launch = || {
        Session::launch(Launch {
            paths: vec![corpus.path()],
            env: vec![("PARALLAX_CACHE_DIR", cache_dir), ("PARALLAX_LOG", "info")],
            ..Launch::default()
        })
    };
    let mut first = launch();
    first.wait_analysed();
    first.send("q");
    let done = first.finish_code();
    assert_eq!(done.code, 0);
    assert!(
        !done.log().contains("bodies loaded"),
        "a first open parses the files"
    );

    let mut second = launch();
    second.wait_text("Ferry strike ends");
    // Enter at once: it waits for the text if the text is not in yet.
    second.send("\r");
    second.wait_text("The ferry crews returned to work on Friday");
    second.wait_analysed_reader();
    second.send("qq");
    let done = second.finish_code();
    assert_eq!(done.code, 0);
    let log = done.log();
    assert!(log.contains("analysis read from the cache"), "{log}");
    assert!(
        log.contains("bodies loaded, the analysis fits them"),
        "{log}"
    );
}
