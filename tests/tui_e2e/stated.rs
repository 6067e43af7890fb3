//! Metadata the user states, in the reader: a file-name pattern from the config file and a
//! sidecar CSV set the outlet and date the reader shows above the text.

use super::session::{Launch, Session};

const BODY: &str = "Harbour vote delayed\n\n\
    The harbour board postponed its vote on the new quay until the spring, members said.";

#[test]
fn a_name_pattern_and_a_sidecar_set_outlet_and_date() {
    let dir = tempfile::tempdir().expect("tmp");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    std::fs::write(corpus.join("coast-times_2024-03-05_vote.txt"), BODY).expect("w");
    std::fs::write(corpus.join("later.txt"), BODY).expect("w");
    std::fs::write(
        corpus.join("metadata.csv"),
        "file,outlet,date\nlater.txt,Tide Weekly,2024-03-09\n",
    )
    .expect("w");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "name_pattern = \"{source}_{date}_{slug}\"\n").expect("w");
    let mut s = Session::launch(Launch {
        paths: vec![corpus.as_path()],
        env: vec![("PARALLAX_CONFIG", config.to_str().expect("utf-8"))],
        ..Launch::default()
    });
    s.wait_analysed();
    s.wait_text("Coast Times · 2024-03-05");
    s.wait_text("2024-03-09  Tide Week");
    s.send("\r");
    s.wait_text("Coast Times · 2024-03-05");
    s.send("qj\r");
    s.wait_text("Tide Weekly · 2024-03-09");
    s.send("qq");
    assert!(s.finish().0);
}
