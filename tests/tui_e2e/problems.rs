//! Load problems in the app: the footer counts them, P lists them by reason, and the exit
//! leaves one summary line instead of a dump.

use super::session::Session;

#[test]
fn problems_are_listed_by_reason_and_summarised_on_exit() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::write(
        d.join("good.txt"),
        "Quay vote\n\nThe board met and voted late.",
    )
    .expect("w");
    std::fs::write(d.join("empty.txt"), "").expect("w");
    std::fs::write(d.join("one.txt"), b"\x00\x01\x02PNG").expect("w");
    std::fs::write(d.join("two.txt"), b"\x00\x01\x02PNG").expect("w");
    let mut s = Session::start_with(&[d]);
    s.wait_text("3 load problems: P lists them");
    s.send("P");
    s.wait_text("3 load problems, by reason");
    s.wait_text("2 files skipped: binary");
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok);
    let screen = parser.lock().expect("parser").screen().contents();
    assert!(
        screen.contains("parallax: 3 load problems (2 skipped: binary"),
        "{screen}"
    );
    assert!(
        !screen.contains("one.txt"),
        "no dump of every file: {screen}"
    );
}
