//! Feed input: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed files read with `feed-rs`. Each
//! item is an article: its link is the URL, its publication (else update) date the date,
//! its authors the author, its categories the tags; the feed's title is the source, unless
//! the item links to a known outlet other than the feed's own (an aggregator's feed). HTML in item bodies (content, else summary) becomes clean text
//! with its paragraphs ([`super::html::html_to_text`]).

use feed_rs::model::{Entry, Feed, Link, Text};

use super::attributes::{MAX_ATTRIBUTES, limit_attributes};
use super::html::{html_to_text, tidy};
use super::records::{Record, RecordResult};
use crate::metadata::{RecordFields, outlets};

/// True when a `.json` text is a JSON Feed (its `version` is a jsonfeed.org URL) rather
/// than parallax's JSON article format.
pub fn is_json_feed(text: &str) -> bool {
    if !text.contains("jsonfeed.org/version") {
        return false;
    }
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("version")?.as_str().map(is_json_feed_version))
        .unwrap_or(false)
}

fn is_json_feed_version(v: &str) -> bool {
    let v = v.trim();
    v.starts_with("https://jsonfeed.org/version/") || v.starts_with("http://jsonfeed.org/version/")
}

/// The XML text with its declaration saying UTF-8: the text was decoded already, and the
/// feed parser must not decode it again in the encoding the declaration names.
pub fn declared_utf8(xml: &str) -> std::borrow::Cow<'_, str> {
    let start = xml.len() - xml.trim_start().len();
    let rest = &xml[start..];
    let is_declaration = rest
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("<?xml"));
    match rest.find("?>") {
        Some(end) if is_declaration && rest[..end].contains("encoding") => {
            std::borrow::Cow::Owned(format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
                &rest[end + 2..]
            ))
        }
        _ => std::borrow::Cow::Borrowed(xml),
    }
}

/// Reads the items of a feed (raw bytes: an XML feed declares its own encoding). A file
/// that is not a feed is one `Err`; an item without text is an `Err` of its own.
pub fn parse_feed(bytes: &[u8]) -> Vec<RecordResult> {
    let limited;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(text) => {
            limited = limit_attributes(text, MAX_ATTRIBUTES);
            limited.as_bytes()
        }
        Err(_) => bytes,
    };
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => return vec![Err((None, format!("not an RSS, Atom or JSON feed: {e}")))],
    };
    if feed.entries.is_empty() {
        return vec![Err((None, "the feed has no items".to_string()))];
    }
    let source = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    feed.entries
        .iter()
        .enumerate()
        .map(|(n, e)| item(&feed, e, source.as_deref()).ok_or((None, no_text(n))))
        .collect()
}

/// The outlet of an item: a known outlet whose domain the item's link is on, when the
/// feed itself is not on it (an aggregator's feed links to other outlets' pages), else
/// the feed's title.
fn source_of(feed: &Feed, url: Option<&str>, feed_title: Option<&str>) -> Option<String> {
    let linked = url.and_then(outlets::by_url);
    let own = link_of(&feed.links).and_then(|l| outlets::by_url(&l));
    match linked {
        Some(outlet) if own != Some(outlet) => Some(outlet.to_string()),
        _ => feed_title.map(str::to_string),
    }
}

fn no_text(n: usize) -> String {
    format!("feed item {}: no text", n + 1)
}

/// One feed item as a record; `None` when it carries no text at all.
fn item(feed: &Feed, e: &Entry, feed_title: Option<&str>) -> Option<Record> {
    let body = body_of(e)?;
    let url = link_of(&e.links).or_else(|| e.id.starts_with("http").then(|| e.id.clone()));
    let date = e.published.or(e.updated).or(feed.published);
    let author = names(e.authors.iter().filter_map(|p| p.name.as_deref()));
    let tags = e
        .categories
        .iter()
        .map(|c| c.label.as_deref().unwrap_or(&c.term).trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Some(Record {
        line: None,
        id: None,
        fields: RecordFields {
            title: e.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
            source: source_of(feed, url.as_deref(), feed_title),
            date: date.map(|d| crate::metadata::iso(d.date_naive())),
            url,
            body,
        },
        author,
        tags,
    })
}

/// The item's text: its full content, else its summary, as clean text.
fn body_of(e: &Entry) -> Option<String> {
    let content = e
        .content
        .as_ref()
        .and_then(|c| Some(as_text(c.body.as_deref()?, c.content_type.as_ref())))
        .filter(|t| !t.trim().is_empty());
    content.or_else(|| {
        e.summary
            .as_ref()
            .map(text_of)
            .filter(|t| !t.trim().is_empty())
    })
}

/// A text construct as clean text: HTML (and text that looks like it) is parsed, plain
/// text kept.
fn text_of(t: &Text) -> String {
    as_text(&t.content, t.content_type.as_ref())
}

/// Text of the given media type as clean text: `text/plain` keeps its line breaks, any
/// other (HTML, XHTML) is parsed as HTML.
fn as_text(content: &str, media_type: &str) -> String {
    if media_type.starts_with("text/plain") {
        tidy(content)
    } else {
        html_to_text(content)
    }
}

/// The item's web page: an `alternate` (or unqualified) link, else the first one.
fn link_of(links: &[Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Names joined with commas; `None` when there are none.
fn names<'a>(it: impl Iterator<Item = &'a str>) -> Option<String> {
    let all: Vec<&str> = it.map(str::trim).filter(|n| !n.is_empty()).collect();
    (!all.is_empty()).then(|| all.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>The Harbour Times</title><link>https://harbour.example/</link>
<item><title>Port reopens after storm</title>
<link>https://harbour.example/port-reopens</link>
<dc:creator>Mia Chen</dc:creator><category>Shipping</category>
<pubDate>Fri, 20 Nov 2026 08:30:00 +0000</pubDate>
<description><![CDATA[<p>The port reopened on <b>Friday</b>.</p><p>Ships queued outside.</p>]]></description>
</item>
<item><title>Empty</title><link>https://harbour.example/empty</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_records() {
        let recs = parse_feed(RSS.as_bytes());
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.fields.title.as_deref(), Some("Port reopens after storm"));
        assert_eq!(r.fields.source.as_deref(), Some("The Harbour Times"));
        assert_eq!(r.fields.date.as_deref(), Some("2026-11-20"));
        assert_eq!(
            r.fields.url.as_deref(),
            Some("https://harbour.example/port-reopens")
        );
        assert_eq!(
            r.fields.body,
            "The port reopened on Friday.\n\nShips queued outside."
        );
        assert_eq!(r.author.as_deref(), Some("Mia Chen"));
        assert_eq!(r.tags, ["Shipping"]);
        assert_eq!(recs[1].as_ref().unwrap_err().1, "feed item 2: no text");
    }

    #[test]
    fn an_aggregators_items_keep_their_outlets() {
        let rss = r#"<rss version="2.0"><channel><title>Top stories - News Digest</title>
<link>https://digest.example/</link>
<item><title>A</title><link>https://www.reuters.com/world/a</link><description>Text a.</description></item>
<item><title>B</title><link>https://digest.example/b</link><description>Text b.</description></item>
</channel></rss>"#;
        let recs = parse_feed(rss.as_bytes());
        assert_eq!(
            recs[0].as_ref().unwrap().fields.source.as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            recs[1].as_ref().unwrap().fields.source.as_deref(),
            Some("Top stories - News Digest")
        );
    }

    #[test]
    fn json_feeds_are_told_from_json_articles() {
        assert!(is_json_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#
        ));
        assert!(!is_json_feed(
            r#"{"title":"jsonfeed.org/version","body":"x"}"#
        ));
        assert!(!is_json_feed("[1, 2"));
    }

    #[test]
    fn garbage_is_one_error() {
        for bad in [
            &b"not a feed"[..],
            b"<html><body>x</body></html>",
            b"{",
            b"\xff\xfe<",
        ] {
            let recs = parse_feed(bad);
            assert_eq!(recs.len(), 1);
            assert!(recs[0].is_err());
        }
    }
}
