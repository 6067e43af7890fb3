//! The entity filter folds diacritics both ways: `munchen` finds what the articles write
//! as München.

use super::session::Session;

const A: &str = "Trams return to München after the strike\n\n\
    The city council of München said on Monday that the trams would run again from \
    Tuesday morning. Officials in München thanked riders for their patience.\n";
const B: &str = "Strike ends in München\n\n\
    Drivers in München accepted the offer late on Sunday, the union said. The agreement \
    covers every depot in München and two in the suburbs.\n";

#[test]
fn a_query_without_the_umlaut_finds_the_place_written_with_it() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), A).expect("write");
    std::fs::write(dir.path().join("b.txt"), B).expect("write");
    let mut s = Session::start_with(&[dir.path()]);
    s.wait_analysed();
    s.send("/");
    s.wait_text("Filter by entity");
    s.send("munchen");
    s.wait_text("Munich");
    s.send("\r");
    s.wait_text("2/2 articles");
    s.send("q");
    let (ok, _) = s.finish();
    assert!(ok);
}
