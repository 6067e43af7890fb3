//! HTML input: saved web pages (`.html`, `.html.gz`) read with a readability-style
//! extractor (`dom_smoothie`, a port of Firefox's Reader View) for the article body once
//! figures, captions, galleries and promotions are removed, with the metadata the page
//! carries (see [`super::page_meta`]); and HTML fragments (feed item bodies) turned into clean text that
//! keeps paragraphs. Both parse with a real HTML parser (html5ever via `dom_query`), never
//! with regular expressions.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::attributes::{MAX_ATTRIBUTES, limit_attributes};
use super::page_meta::PageMeta;
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

/// Page furniture around an article's text that the extractor would keep: figures and
/// their captions, photo credits, galleries, promotions, newsletter boxes and related
/// stories, by element or by a `class` or `id` that names them. The page's own `html`,
/// `body`, `main` and `article` elements are never removed, whatever their class.
const CLUTTER: &str = "figure, figcaption, \
    :is([class*='caption' i], [id*='caption' i], [class*='credit' i], [id*='credit' i], \
    [class*='gallery' i], [id*='gallery' i], [class*='promo' i], [id*='promo' i], \
    [class*='newsletter' i], [id*='newsletter' i], [class*='related' i], [id*='related' i])\
    :not(html, body, main, article)";

/// Largest share (in percent) of the page's text an element of [`CLUTTER`] may hold and
/// still be removed: a wrapper of the whole article that happens to be named `related-…`
/// is kept.
const MAX_CLUTTER_PERCENT: usize = 40;

/// Removes the elements of [`CLUTTER`] that do not hold most of the page's text.
fn remove_clutter(doc: &Document) {
    let total = doc.select("body").text().len();
    for element in doc.select(CLUTTER).iter() {
        if element.text().len() * 100 <= total * MAX_CLUTTER_PERCENT {
            element.remove();
        }
    }
}

/// Reads a saved web page as one article record, or says why it holds none: the page's
/// metadata first ([`PageMeta`]), then its clutter removed ([`CLUTTER`]), then the
/// article text found by the extractor (or, failing that, the page's text).
pub fn parse_page(html: &str) -> Result<Record, String> {
    let depth = nesting_estimate(html);
    if depth > MAX_NESTING {
        return Err(format!(
            "HTML nested too deeply (about {depth} levels; the limit is {MAX_NESTING})"
        ));
    }
    let html = &*limit_attributes(html, MAX_ATTRIBUTES);
    let doc = Document::from(html);
    let mut meta = PageMeta::read(&doc);
    remove_clutter(&doc);
    if meta.title_is_h1 {
        doc.select("body h1").remove();
    }
    let body = match readable(doc) {
        Some((text, article)) => {
            meta.fill(&article);
            text
        }
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

/// The article text the extractor finds, paragraphs kept, and what else it read off the
/// page; `None` when it finds no text.
fn readable(doc: Document) -> Option<(String, dom_smoothie::Article)> {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = reader.parse().ok()?;
    let text = article.text_content.to_string();
    (!text.trim().is_empty()).then_some((text, article))
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
        Ok(d) => crate::metadata::iso(d.date_naive()),
        Err(_) => match chrono::NaiveDate::parse_from_str(t.get(..10).unwrap_or(t), "%Y-%m-%d") {
            Ok(d) => crate::metadata::iso(d),
            Err(_) => t.to_string(),
        },
    }
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
    fn captions_credits_and_promos_are_dropped_and_metadata_kept() {
        let para = "The council approved the harbour budget on Tuesday after a long debate \
            that ran well into the evening, with fishermen filling the public gallery.";
        let page = format!(
            "<html><head><title>Budget approved | Bay Times</title>\
             <meta property='og:site_name' content='Bay Times'>\
             <script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Harbour budget approved\",\"datePublished\":\"2025-03-02\",\
             \"author\":{{\"name\":\"Mara Quill\"}}}}</script></head>\
             <body class='gallery-page'><article class='has-related'><h1>Budget approved</h1>\
             <p>{para}</p><figure><img src=a.jpg><figcaption>Boats in the harbour. \
             Photograph: Ana Lind / Agency</figcaption></figure>\
             <div class='photo-credit'>Photo: Wire Agency</div><p>{para}</p>\
             <aside class='newsletter-box'>Sign up for our morning briefing</aside>\
             <ul class='related-links'><li>Ferry strike ends</li></ul>\
             <div id='promo-1'>Subscribe today</div><p>{para}</p></article></body></html>"
        );
        let r = parse_page(&page).unwrap();
        let body = &r.fields.body;
        assert!(body.contains("harbour budget"), "{body}");
        for gone in [
            "Photograph",
            "Photo:",
            "Sign up",
            "Ferry strike",
            "Subscribe",
        ] {
            assert!(!body.contains(gone), "{gone} in {body}");
        }
        assert_eq!(r.fields.title.as_deref(), Some("Harbour budget approved"));
        assert_eq!(r.fields.date.as_deref(), Some("2025-03-02"));
        assert_eq!(r.fields.source.as_deref(), Some("Bay Times"));
        assert_eq!(r.author.as_deref(), Some("Mara Quill"));
    }

    #[test]
    fn a_wrapper_named_like_clutter_is_kept() {
        let para = "The ferry strike ended on Monday when the union accepted the offer \
            of a four per cent rise, its leader told members at the harbour.";
        let page = format!(
            "<html><body><div class='story related-enabled'><p>{para}</p><p>{para}</p>\
             <p>{para}</p></div><div class='related'>Other stories</div></body></html>"
        );
        let r = parse_page(&page).unwrap();
        assert!(r.fields.body.contains("ferry strike"), "{}", r.fields.body);
        assert!(
            !r.fields.body.contains("Other stories"),
            "{}",
            r.fields.body
        );
    }

    #[test]
    fn the_h1_is_the_title_and_not_left_in_the_text() {
        let para = "Rescuers reached the mountain villages on Sunday, where the roads \
            had been cut by landslides since the first tremor on Friday night.";
        let page = format!(
            "<html><head><meta property='og:title' content='Quake: what we know'></head>\
             <body><h1>Quake toll rises to 212</h1><p>{para}</p><p>{para}</p></body></html>"
        );
        let r = parse_page(&page).unwrap();
        assert_eq!(r.fields.title.as_deref(), Some("Quake toll rises to 212"));
        assert!(!r.fields.body.contains("toll rises"), "{}", r.fields.body);
    }

    #[test]
    fn a_page_without_text_is_refused() {
        assert!(parse_page("<html><head><title>x</title></head><body></body></html>").is_err());
        assert!(parse_page("").is_err());
    }
}
