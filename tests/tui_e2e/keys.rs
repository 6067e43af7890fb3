//! Keys that must not surprise: Esc never quits from the library (only q does, without
//! asking), a key bound to nothing says so in one short line, and the quotes screen keeps
//! to the reader's story until `a` asks for every story.

use super::session::Session;

#[test]
fn esc_on_the_library_does_not_quit_and_q_does() {
    let mut s = Session::start_analysed();
    s.send("\x1b");
    s.wait_text("q quits parallax");
    s.send("\x1b");
    s.send("Z");
    s.wait_text("Z: not bound here");
    s.send("q");
    let (ok, _) = s.finish();
    assert!(ok, "exit status");
}

#[test]
fn slash_searches_inside_the_reader_and_n_moves_between_matches() {
    let mut s = Session::start_analysed();
    s.send("\r");
    s.wait_text("RIA Novosti · 2021-11-20 · https://ria.ru/");
    s.send("/moscow\r");
    s.wait_text("“moscow” 1/");
    s.send("n");
    s.wait_text("“moscow” 2/");
    s.send("\x1b");
    s.wait("search cleared", |sc| !sc.contents().contains("“moscow”"));
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    let (ok, _) = s.finish();
    assert!(ok);
}

#[test]
fn quotes_from_the_reader_keep_to_its_story_and_a_lists_every_story() {
    let mut s = Session::start_analysed();
    s.send("\r");
    s.wait_text("RIA Novosti · 2021-11-20 · https://ria.ru/");
    s.send("Q");
    s.wait_text("· story: ");
    s.send("a");
    s.wait_text("· every story");
    s.send("a");
    s.wait_text("this story only");
    s.send("q");
    s.wait_text("RIA Novosti · 2021-11-20 · https://ria.ru/");
    s.send("q");
    s.send("q");
    let (ok, _) = s.finish();
    assert!(ok);
}
