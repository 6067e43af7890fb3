use parallax::analysis::{Config, analyse_with_progress};
use parallax::synth::{self, SynthConfig};
use std::time::Instant;
fn main() {
    tracing_subscriber::fmt()
        .with_env_filter("parallax::analysis::stories=debug")
        .with_writer(std::io::stderr)
        .init();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10000);
    let (corpus, _) = synth::corpus(&SynthConfig {
        seed: 1,
        articles: n,
        min_words: 200,
        max_words: 1500,
        ..SynthConfig::default()
    });
    let t = Instant::now();
    let last = std::sync::Mutex::new(Instant::now());
    let a = analyse_with_progress(&corpus, &Config::default(), |s| {
        let mut l = last.lock().unwrap();
        eprintln!("  {s:?} {:?}", l.elapsed());
        *l = Instant::now();
    });
    eprintln!(
        "total {:?} stories {}",
        t.elapsed(),
        a.stories.stories.len()
    );
    let t = Instant::now();
    let s = parallax::analysis::stories::group(&corpus, &a.entities, &a.passages);
    eprintln!("stories alone {:?} {}", t.elapsed(), s.stories.len());
}
