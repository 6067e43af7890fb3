//! The metadata a saved web page carries about its article: JSON-LD (`NewsArticle`,
//! `Article`… alone, in a list or in an `@graph`), Open Graph and `article:` meta tags,
//! `<meta name=author>`, `<link rel=canonical>`, the `<title>` and the page's one `<h1>`.
//!
//! Precedence: the title is the JSON-LD headline, else the page's single `<h1>`, else
//! `og:title`, `twitter:title` or `<title>`, with a trailing ` - Site` / ` | Site` removed
//! when it names the site; the author is JSON-LD's author(s), else `<meta name=author>`;
//! the date `article:published_time`, else JSON-LD's `datePublished`, else other date
//! tags; the site name `og:site_name`, else JSON-LD's publisher. What the extractor reads
//! off the page (byline, time, site) fills what is still missing ([`PageMeta::fill`]).

use dom_query::{Document, Selection};
use serde_json::Value;

use crate::metadata::outlets;

/// Metadata a page declares.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// True when the title is the page's `<h1>` (removed from the text before extraction,
    /// so that it is not read again as a standfirst).
    pub title_is_h1: bool,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
];

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl PageMeta {
    /// Reads the page's metadata (before anything is removed from it).
    pub fn read(doc: &Document) -> PageMeta {
        let ld = json_ld(doc);
        let first = |selectors: &[&str]| selectors.iter().find_map(|s| meta_value(doc, s));
        let h1 = single_h1(doc);
        let site_name = first(&["meta[property='og:site_name']"])
            .or_else(|| ld.publisher.clone())
            .or_else(|| first(&["meta[name='application-name']"]));
        let (title, title_is_h1) = match (ld.headline.clone(), h1) {
            (Some(t), _) => (Some(t), false),
            (None, Some(h)) => (Some(h), true),
            (None, None) => {
                let t = first(&["meta[property='og:title']", "meta[name='twitter:title']"])
                    .or_else(|| text_of(&doc.select("head title")));
                (t, false)
            }
        };
        let url = attr(&doc.select("link[rel='canonical']").first(), "href")
            .or_else(|| first(&["meta[property='og:url']"]))
            .or(ld.url);
        let title = title.map(|t| strip_site_suffix(&t, site_name.as_deref(), url.as_deref()));
        let author = (!ld.authors.is_empty())
            .then(|| ld.authors.join(", "))
            .or_else(|| first(&["meta[name='author']", "meta[property='article:author']"]))
            .filter(|a| !a.starts_with("http"));
        PageMeta {
            title,
            published: first(&[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
            ])
            .or(ld.published)
            .or_else(|| {
                first(&[
                    "meta[itemprop='datePublished']",
                    "meta[name='date']",
                    "meta[name='pubdate']",
                ])
            })
            .or_else(|| attr(&doc.select("time[datetime]").first(), "datetime")),
            site_name,
            url,
            author,
            tags: tags(doc),
            title_is_h1,
        }
    }

    /// Fills what the page's tags left empty with what the extractor read off the page.
    pub fn fill(&mut self, article: &dom_smoothie::Article) {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
        };
        if self.author.is_none() {
            self.author = clean(&article.byline).map(|b| strip_by(&b).to_string());
        }
        if self.published.is_none() {
            self.published = clean(&article.published_time);
        }
        if self.site_name.is_none() {
            self.site_name = clean(&article.site_name);
        }
    }
}

/// `By Mara Quill` → `Mara Quill`.
fn strip_by(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => b[3..].trim_start(),
        _ => b,
    }
}

/// The text of the page's only `<h1>`, when it has exactly one (several are section
/// headings or a logo and a headline).
fn single_h1(doc: &Document) -> Option<String> {
    let h1 = doc.select("body h1");
    (h1.length() == 1).then(|| text_of(&h1)).flatten()
}

/// `Headline - Site` → `Headline` when `Site` is the page's site name, the first label of
/// its URL's host (`Bay Times` on `baytimes.example`), or a known outlet.
pub fn strip_site_suffix(title: &str, site: Option<&str>, url: Option<&str>) -> String {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let host_label = url
        .and_then(outlets::host_of)
        .map(|h| h.trim_start_matches("www."))
        .and_then(|h| h.split('.').next())
        .map(squeeze);
    let site = site.map(squeeze);
    let mut head = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        let Some((h, tail)) = head.rsplit_once(sep) else {
            continue;
        };
        let t = squeeze(tail);
        let names_site = !t.is_empty()
            && (site.as_deref() == Some(&t)
                || host_label.as_deref() == Some(&t)
                || outlets::by_name(tail.trim()).is_some());
        if names_site && !h.trim().is_empty() {
            head = h.trim();
            break;
        }
    }
    head.to_string()
}

/// The page's `article:tag`s, else its keywords.
fn tags(doc: &Document) -> Vec<String> {
    let tags: Vec<String> = doc
        .select("meta[property='article:tag']")
        .iter()
        .filter_map(|m| attr(&m, "content"))
        .collect();
    if !tags.is_empty() {
        return tags;
    }
    meta_value(doc, "meta[name='keywords']")
        .map(|k| {
            k.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The first article object of the page's JSON-LD blocks.
fn json_ld(doc: &Document) -> JsonLd {
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        let mut nodes = Vec::new();
        collect_nodes(&value, &mut nodes, 0);
        if let Some(article) = nodes.iter().find(|n| is_article(n)) {
            return read_article(article, &nodes);
        }
    }
    JsonLd::default()
}

/// Every object of a JSON-LD value: itself, the items of a list, the nodes of an `@graph`.
fn collect_nodes<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_nodes(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                collect_nodes(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article(node: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t));
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

fn read_article(article: &Value, nodes: &[&Value]) -> JsonLd {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let mut authors = Vec::new();
    if let Some(a) = article.get("author") {
        names(a, nodes, &mut authors);
    }
    authors.dedup();
    let mut publisher = Vec::new();
    if let Some(p) = article.get("publisher") {
        names(p, nodes, &mut publisher);
    }
    let url = text("url").or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(o) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        None => None,
    });
    JsonLd {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished"),
        authors,
        publisher: publisher.into_iter().next(),
        url: url.filter(|u| u.starts_with("http")),
    }
}

/// The names of a person or organisation value: a string, an object with a `name`, a
/// reference (`{"@id": …}`) to a node of the page's graph, or a list of those.
fn names(v: &Value, nodes: &[&Value], out: &mut Vec<String>) {
    match v {
        Value::String(s) => push_name(s, out),
        Value::Array(items) => items
            .iter()
            .take(20)
            .for_each(|i| names_flat(i, nodes, out)),
        Value::Object(_) => names_flat(v, nodes, out),
        _ => {}
    }
}

fn names_flat(v: &Value, nodes: &[&Value], out: &mut Vec<String>) {
    if let Some(s) = v.as_str() {
        return push_name(s, out);
    }
    if let Some(name) = v.get("name").and_then(Value::as_str) {
        return push_name(name, out);
    }
    let id = v.get("@id").and_then(Value::as_str);
    let named = id.and_then(|id| {
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
            .and_then(|n| n.get("name")?.as_str())
    });
    if let Some(name) = named {
        push_name(name, out);
    }
}

fn push_name(name: &str, out: &mut Vec<String>) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if !name.is_empty() && !name.starts_with("http") && !out.contains(&name) {
        out.push(name);
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
#[path = "page_meta_tests.rs"]
mod tests;
