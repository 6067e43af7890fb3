//! Growth checks: an element with many attributes is read in time linear in their number
//! (the HTML tokenizer and the feed reader used to be quadratic there). Each check asserts
//! the RATIO of the time at 4N to the time at N (best of five runs each), never a wall
//! time: linear work gives about 4, quadratic work 16.

use std::path::Path;
use std::time::{Duration, Instant};

use parallax::corpus::{Format, html_to_text, load_bytes, parse_page};

/// Attributes at the smaller size: large enough that one run takes some milliseconds
/// even once linear, so that the machine's noise does not decide the ratio.
const N: usize = 10_000;
/// Largest ratio accepted for 4× the input: linear is ~4, quadratic ~16.
const MAX_RATIO: f64 = 6.0;

fn attributes(n: usize) -> String {
    (0..n).map(|i| format!(" data-a{i}=\"v{i}\"")).collect()
}

fn page(n: usize) -> String {
    format!(
        "<html><head><title>A page</title></head><body><article><div{}>\
         <p>The council approved the harbour budget on Tuesday after a long debate.</p>\
         <p>Fishermen welcomed the vote, and the work starts in the spring.</p>\
         </div></article></body></html>",
        attributes(n)
    )
}

fn feed(n: usize) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
         <item{}><title>Budget approved</title><link>https://example.org/a</link>\
         <description>The council approved the harbour budget.</description></item>\
         </channel></rss>",
        attributes(n)
    )
}

fn best_of_five(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `make(n)` builds the input (not timed), `run` reads it.
fn assert_linear(what: &str, make: impl Fn(usize) -> String, mut run: impl FnMut(&str)) {
    let (small_input, large_input) = (make(N), make(4 * N));
    // A shared machine can stall a whole round; quadratic work fails every one.
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let small = best_of_five(|| run(&small_input));
        let large = best_of_five(|| run(&large_input));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        if ratio < MAX_RATIO {
            return;
        }
        rounds.push(format!("{small:?} / {large:?} (ratio {ratio:.1})"));
    }
    panic!(
        "{what}: at {N} / {} attributes, every round grew too fast: {rounds:?}",
        4 * N
    );
}

#[test]
fn a_page_with_many_attributes_on_one_element_reads_in_linear_time() {
    assert_linear("saved page", page, |html| {
        let r = parse_page(html).unwrap();
        assert!(r.fields.body.contains("harbour budget"));
    });
}

#[test]
fn a_fragment_with_many_attributes_reads_in_linear_time() {
    let fragment = |n| format!("<p{}>Some words.</p>", attributes(n));
    assert_linear("fragment", fragment, |html| {
        assert_eq!(html_to_text(html), "Some words.");
    });
}

#[test]
fn a_feed_item_with_many_attributes_reads_in_linear_time() {
    assert_linear("feed item", feed, |xml| {
        let loaded = load_bytes(Path::new("f.rss"), xml.as_bytes(), Format::Feed);
        assert_eq!(loaded.corpus.len(), 1, "{:?}", loaded.problems);
    });
}
