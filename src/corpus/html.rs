//! HTML input: saved web pages (`.html`) read with a readability-style extractor
//! (`dom_smoothie`, a port of Firefox's Reader View) for the article body, the `<title>`,
//! `og:site_name` (source), `article:published_time` (date), the canonical URL, the author
//! and `article:tag`s; and HTML fragments (feed item bodies) turned into clean text that
//! keeps paragraphs. Both parse with a real HTML parser (html5ever via `dom_query`), never
//! with regular expressions.

use dom_query::{Document, Selection};
use dom_smoothie::{Config, Readability, TextMode};

use super::attributes::{MAX_ATTRIBUTES, limit_attributes};
use super::records::Record;
use crate::metadata::RecordFields;

/// Most elements a page may have before the extractor gives up: a real article page has
/// a few thousand; a hostile one could make the scoring slow.
const MAX_ELEMENTS: usize = 200_000;

/// Elements that are page furniture, never article text, when a page has to be read
/// without the extractor.
const FURNITURE: &str =
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg";

/// Deepest element nesting (estimated, see [`nesting_estimate`]) a page or fragment may
/// have. Real pages nest a few dozen levels; a hostile one nesting thousands of levels
/// makes the HTML parser and the extractor quadratic or worse (2,000 nested `<div>`s took
/// 80 s), so it is refused before either sees it.
pub const MAX_NESTING: usize = 256;

/// Elements never counted as nesting: void elements, and elements whose end tag may be
/// left out (the parser closes them itself).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rt", "rp",
];

/// An upper estimate of how deep the elements of `html` nest, read off its tags in one
/// pass without parsing (script and style contents skipped): what lets a hostile page be
/// refused in linear time.
pub fn nesting_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut from) = (0usize, 0usize, 0usize);
    while let Some(at) = memchr::memchr(b'<', &bytes[from..]) {
        let rest = &bytes[from + at + 1..];
        from += at + 1;
        let (closing, rest) = match rest.split_first() {
            Some((b'/', tail)) => (true, tail),
            _ => (false, rest),
        };
        let len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[..len];
        if !name.first().is_some_and(u8::is_ascii_alphabetic)
            || NOT_NESTING
                .iter()
                .any(|v| v.as_bytes().eq_ignore_ascii_case(name))
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        if rest[..end].ends_with(b"/") {
            continue;
        }
        if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
            from += skip_raw_text(&bytes[from..], name);
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

/// Bytes up to the end tag of a raw-text element (`</script`), or all of them.
fn skip_raw_text(bytes: &[u8], name: &[u8]) -> usize {
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[from..]) {
        let tag = &bytes[from + at + 1..];
        if tag.first() == Some(&b'/')
            && tag.len() > name.len()
            && tag[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return from + at;
        }
        from += at + 1;
    }
    bytes.len()
}

/// Reads a saved web page as one article record, or says why it holds none.
pub fn parse_page(html: &str) -> Result<Record, String> {
    let depth = nesting_estimate(html);
    if depth > MAX_NESTING {
        return Err(format!(
            "HTML nested too deeply (about {depth} levels; the limit is {MAX_NESTING})"
        ));
    }
    let html = &*limit_attributes(html, MAX_ATTRIBUTES);
    let meta = PageMeta::read(&Document::from(html));
    let body = match readable_text(html) {
        Some(text) => text,
        None => whole_page_text(html),
    };
    let body = tidy(&body);
    if body.trim().is_empty() {
        return Err("no article text in the page".to_string());
    }
    Ok(Record {
        line: None,
        id: None,
        fields: RecordFields {
            title: meta.title,
            source: meta.site_name,
            date: meta.published.map(|d| day_of(&d)),
            url: meta.url,
            body,
        },
        author: meta.author,
        tags: meta.tags,
    })
}

/// The article text the extractor finds, paragraphs kept; `None` when it finds none.
fn readable_text(html: &str) -> Option<String> {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(cfg)).ok()?;
    let article = reader.parse().ok()?;
    let text = article.text_content.to_string();
    (!text.trim().is_empty()).then_some(text)
}

/// The text of the page's `<body>` without its furniture: for pages too short or too odd
/// for the extractor.
fn whole_page_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(FURNITURE).remove();
    let body = doc.select("body");
    if body.exists() {
        body.formatted_text().to_string()
    } else {
        doc.formatted_text().to_string()
    }
}

/// Turns an HTML fragment (a feed item's content or summary) into clean text: tags gone,
/// entities decoded, one paragraph per block element, separated by a blank line.
///
/// A fragment nested deeper than [`MAX_NESTING`] has no text (it is markup, not prose).
pub fn html_to_text(fragment: &str) -> String {
    if nesting_estimate(fragment) > MAX_NESTING {
        return String::new();
    }
    let fragment = limit_attributes(fragment, MAX_ATTRIBUTES);
    let doc = Document::fragment(&*fragment);
    doc.select("script, style, noscript, template").remove();
    tidy(&doc.formatted_text())
}

/// Lines trimmed, runs of blank lines collapsed to one, ends trimmed.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// `2026-11-20T08:30:00+01:00` → `2026-11-20`: the publication day as written (the local
/// day of the outlet, not converted to UTC); other shapes are left to the date parser.
pub fn day_of(timestamp: &str) -> String {
    let t = timestamp.trim();
    match chrono::DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.date_naive().format("%Y-%m-%d").to_string(),
        Err(_) => match chrono::NaiveDate::parse_from_str(t.get(..10).unwrap_or(t), "%Y-%m-%d") {
            Ok(d) => d.format("%Y-%m-%d").to_string(),
            Err(_) => t.to_string(),
        },
    }
}

/// Metadata a page declares in its `<head>`.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    url: Option<String>,
    author: Option<String>,
    tags: Vec<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let first = |selectors: &[&str]| selectors.iter().find_map(|s| meta_value(doc, s));
        let tags = doc
            .select("meta[property='article:tag']")
            .iter()
            .filter_map(|m| attr(&m, "content"))
            .collect::<Vec<_>>();
        let keywords = || {
            meta_value(doc, "meta[name='keywords']")
                .map(|k| {
                    k.split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        PageMeta {
            title: first(&["meta[property='og:title']", "meta[name='twitter:title']"])
                .or_else(|| text_of(&doc.select("head title")))
                .or_else(|| text_of(&doc.select("h1"))),
            site_name: first(&[
                "meta[property='og:site_name']",
                "meta[name='application-name']",
            ]),
            published: first(&[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
                "meta[itemprop='datePublished']",
                "meta[name='date']",
                "meta[name='pubdate']",
            ])
            .or_else(|| attr(&doc.select("time[datetime]").first(), "datetime")),
            url: attr(&doc.select("link[rel='canonical']").first(), "href")
                .or_else(|| first(&["meta[property='og:url']"])),
            author: first(&["meta[name='author']", "meta[property='article:author']"])
                .filter(|a| !a.starts_with("http")),
            tags: if tags.is_empty() { keywords() } else { tags },
        }
    }
}

/// The `content` of the first element matching `selector`, if not blank.
fn meta_value(doc: &Document, selector: &str) -> Option<String> {
    attr(&doc.select(selector).first(), "content")
}

fn attr(sel: &Selection, name: &str) -> Option<String> {
    let v = sel.attr(name)?.trim().to_string();
    (!v.is_empty()).then_some(v)
}

fn text_of(sel: &Selection) -> Option<String> {
    let t = sel
        .first()
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_keep_paragraphs_and_decode_entities() {
        let text = html_to_text(
            "<p>First <b>bold</b> line &amp; more.</p><p>Second&nbsp;one.</p>\
             <script>alert(1)</script><ul><li>a</li><li>b</li></ul>",
        );
        let paras: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paras[0], "First bold line & more.");
        assert!(paras[1].starts_with("Second"), "{text:?}");
        assert!(!text.contains("alert"));
        assert!(!text.contains('<'));
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(html_to_text("Just words, no tags."), "Just words, no tags.");
        assert_eq!(html_to_text(""), "");
    }

    #[test]
    fn timestamps_become_days() {
        assert_eq!(day_of("2026-11-20T23:30:00-05:00"), "2026-11-20");
        assert_eq!(day_of("2026-11-20"), "2026-11-20");
        assert_eq!(day_of("20 November 2026"), "20 November 2026");
        assert_eq!(day_of("é"), "é");
    }

    #[test]
    fn nesting_is_estimated_in_one_pass() {
        assert_eq!(nesting_estimate("<div><p>a<p>b<br><img src=x/></div>"), 1);
        assert_eq!(nesting_estimate("<a><b><c></c></b></a><x></x>"), 3);
        assert_eq!(
            nesting_estimate("<script>if (a<b && c<d) {}</script><i>x</i>"),
            1
        );
        assert_eq!(nesting_estimate("x < y, 1<2, <!-- c -->, <3"), 0);
        assert_eq!(nesting_estimate("<unclosed"), 1);
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_estimate(&deep), 100_000);
        let err = parse_page(&format!("<body>{deep}<p>Text.</p></body>")).unwrap_err();
        assert!(err.starts_with("HTML nested too deeply"), "{err}");
        assert_eq!(html_to_text(&deep), "");
    }

    #[test]
    fn a_page_at_the_nesting_limit_is_read_quickly() {
        let n = MAX_NESTING - 10;
        let html = format!(
            "<html><body>{}<p>Some article text that is long enough to read.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let r = parse_page(&html).unwrap();
        assert!(r.fields.body.contains("Some article text"));
    }

    #[test]
    fn a_page_without_text_is_refused() {
        assert!(parse_page("<html><head><title>x</title></head><body></body></html>").is_err());
        assert!(parse_page("").is_err());
    }
}
