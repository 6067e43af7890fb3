//! Reading state across sessions: the library's order and the articles read survive a
//! restart (the state file is in the session's state directory).

use super::session::{Launch, Session};

#[test]
fn sort_and_read_state_survive_a_restart() {
    let state = tempfile::tempdir().expect("tmp");
    let dir = state.path().to_str().expect("utf-8 path");
    let env = vec![("PARALLAX_STATE_DIR", dir), ("PARALLAX_READ_SECONDS", "0")];
    let launch = || {
        Session::launch(Launch {
            env: env.clone(),
            ..Launch::default()
        })
    };
    let mut s = launch();
    s.wait_analysed();
    s.wait_text("by file");
    s.send("s");
    s.wait_text("Articles · by date");
    s.send("\r");
    s.wait_text("% read");
    s.send("q");
    s.wait_text("Articles · by date");
    s.send("q");
    assert!(s.finish().0);
    let files: Vec<_> = std::fs::read_dir(state.path().join("reading"))
        .expect("state folder")
        .flatten()
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path()).expect("state file");
    assert!(text.contains("\"sort\": \"date\""), "{text}");
    assert!(text.contains("seeds/"), "an article is read: {text}");
    let mut again = launch();
    again.wait_text("Articles · by date");
    again.send("q");
    assert!(again.finish().0);
}
