//! Keys that must not surprise: Esc never quits from the library (only q does, without
//! asking), and a key bound to nothing says so in one short line.

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
