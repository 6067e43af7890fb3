//! Growth checks: an element with many attributes is read in time linear in their number
//! (the HTML tokenizer and the feed reader used to be quadratic there). Each check asserts
//! the RATIO of the time at 4N to the time at N (best of three runs each), never a wall
//! time: linear work gives about 4, quadratic work 16.

use std::path::Path;
use std::time::{Duration, Instant};

use parallax::corpus::{Format, html_to_text, load_bytes, parse_page};

/// Attributes at the smaller size.
const N: usize = 5_000;
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

fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn assert_linear(what: &str, mut run: impl FnMut(usize)) {
    let small = best_of_three(|| run(N));
    let large = best_of_three(|| run(4 * N));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < MAX_RATIO,
        "{what}: {small:?} at {N} attributes, {large:?} at {} (ratio {ratio:.1})",
        4 * N
    );
}

#[test]
fn a_page_with_many_attributes_on_one_element_reads_in_linear_time() {
    assert_linear("saved page", |n| {
        let r = parse_page(&page(n)).unwrap();
        assert!(r.fields.body.contains("harbour budget"));
    });
}

#[test]
fn a_fragment_with_many_attributes_reads_in_linear_time() {
    assert_linear("fragment", |n| {
        let html = format!("<p{}>Some words.</p>", attributes(n));
        assert_eq!(html_to_text(&html), "Some words.");
    });
}

#[test]
fn a_feed_item_with_many_attributes_reads_in_linear_time() {
    assert_linear("feed item", |n| {
        let loaded = load_bytes(Path::new("f.rss"), feed(n).as_bytes(), Format::Feed);
        assert_eq!(loaded.corpus.len(), 1, "{:?}", loaded.problems);
    });
}
