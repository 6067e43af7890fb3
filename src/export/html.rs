//! The comparison as a standalone HTML page: the two articles side by side with every shared
//! passage highlighted in its own colour (the palette of `assets/theme.toml`), near-verbatim
//! passages in italics, the words that differ marked, quotes in green, and a label on each
//! passage (verbatim / near-verbatim, quoted). Inline CSS, no script, and a Content Security
//! Policy that forbids loading anything: the page can be mailed or archived as one file.
//!
//! Every piece of article text goes through `html_escape`; URLs become links only when they
//! are `http(s)`.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde::Deserialize;

use super::{Comparison, Side, date};
use crate::analysis::Span;
use crate::analysis::passages::{AlignedSpan, Label};
use crate::corpus::naming::full_name;

/// Used when the theme's palette cannot be read.
const FALLBACK_PALETTE: &[&str] = &["#f9e2af", "#a6e3a1", "#89dceb", "#f5c2e7"];

#[derive(Deserialize)]
struct ThemePassages {
    passages: Palette,
}

#[derive(Deserialize)]
struct Palette {
    palette: Vec<String>,
}

/// The passage colours of the built-in theme, `#rrggbb` only (anything else could not be
/// trusted inside CSS).
pub fn palette() -> Vec<String> {
    let from_theme: Vec<String> = toml::from_str::<ThemePassages>(crate::assets::THEME)
        .map(|t| t.passages.palette)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| is_hex_colour(c))
        .collect();
    if from_theme.is_empty() {
        FALLBACK_PALETTE.iter().map(|c| c.to_string()).collect()
    } else {
        from_theme
    }
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

const STYLE: &str = "
body{font:16px/1.55 Georgia,'Times New Roman',serif;margin:0;color:#1e1e24;background:#fbfbf8}
header{padding:1em 2em;background:#20303c;color:#f4f4f4}
header h1{font:600 1.3em system-ui,sans-serif;margin:0 0 .3em}
header p{margin:.2em 0;font:.9em system-ui,sans-serif}
.legend span{margin-right:1em}
table.summary{border-collapse:collapse;margin:1em 2em;font:.85em system-ui,sans-serif}
table.summary th,table.summary td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
main{display:grid;grid-template-columns:1fr 1fr;gap:2em;padding:1em 2em}
article h2{font:600 1.15em system-ui,sans-serif;margin:.2em 0}
.meta{font:.85em system-ui,sans-serif;color:#555;margin:0 0 1em;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:break-word}
mark{color:#000;border-radius:2px;padding:0 1px}
mark.near{font-style:italic}
.chg{color:#b00020;font-weight:bold;text-decoration:underline}
.q{color:#1b7a2b}
mark .q,mark.q{color:#0b5a1b}
a.tag{font:600 .7em system-ui,sans-serif;color:#000;background:#ddd;border-radius:3px;
padding:0 .3em;margin-right:.2em;text-decoration:none;vertical-align:super}
@media (max-width:800px){main{grid-template-columns:1fr}}
";

/// The whole page, in the built-in theme's colours.
pub fn render(c: &Comparison) -> String {
    render_with_palette(c, &palette())
}

/// The whole page, passages coloured from `palette` (`#rrggbb` colours; others are dropped,
/// and an empty palette means the built-in one).
pub fn render_with_palette(c: &Comparison, palette: &[String]) -> String {
    let mut palette: Vec<String> = palette
        .iter()
        .filter(|p| is_hex_colour(p))
        .cloned()
        .collect();
    if palette.is_empty() {
        palette = self::palette();
    }
    let mut out =
        String::with_capacity(c.a.article.body.len() * 2 + c.b.article.body.len() * 2 + 4096);
    let title = format!(
        "parallax: {} and {}",
        full_name(c.a.article),
        full_name(c.b.article)
    );
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", text(&title));
    out.push_str("<style>");
    out.push_str(STYLE);
    for (k, colour) in palette.iter().enumerate() {
        let _ = write!(out, ".c{k},a.tag.c{k}{{background:{colour}}}");
    }
    out.push_str("</style>\n</head>\n<body>\n");
    header(c, &mut out);
    summary(c, &palette, &mut out);
    out.push_str("<main>\n");
    side(c, true, &palette, &mut out);
    side(c, false, &palette, &mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn header(c: &Comparison, out: &mut String) {
    out.push_str("<header>\n");
    let _ = writeln!(
        out,
        "<h1>Shared passages: {} and {}</h1>",
        text(&full_name(c.a.article)),
        text(&full_name(c.b.article))
    );
    let n = c.spans.len();
    let count = match n {
        0 => "The two articles share no passage.".to_string(),
        1 => "1 shared passage.".to_string(),
        n => format!("{n} shared passages."),
    };
    let _ = writeln!(out, "<p>{count}</p>");
    out.push_str(
        "<p class=\"legend\"><span><mark class=\"c0\">shared passage</mark></span>\
         <span><mark class=\"c0 near\">near-verbatim</mark></span>\
         <span><mark class=\"c0\"><span class=\"chg\">changed word</span></mark></span>\
         <span class=\"q\">“quote”</span></p>\n",
    );
    out.push_str("</header>\n");
}

fn summary(c: &Comparison, palette: &[String], out: &mut String) {
    if c.spans.is_empty() {
        return;
    }
    out.push_str(
        "<table class=\"summary\">\n<tr><th>#</th><th>label</th><th>similarity</th>\
         <th>quoted</th><th>A bytes</th><th>B bytes</th><th>words in A</th></tr>\n",
    );
    for (n, s) in c.spans.iter().enumerate() {
        let words = c.a.text(&s.a).split_whitespace().count();
        let _ = writeln!(
            out,
            "<tr><td><a class=\"tag c{}\" href=\"#a-{n1}\">{n1}</a></td><td>{}</td>\
             <td>{:.0}%</td><td>{}</td><td>{}–{}</td><td>{}–{}</td><td>{words}</td></tr>",
            c.color(n) % palette.len().max(1),
            s.label.as_str(),
            s.similarity * 100.0,
            c.quoted(s).as_str(),
            s.a.start,
            s.a.end,
            s.b.start,
            s.b.end,
            n1 = n + 1,
        );
    }
    out.push_str("</table>\n");
}

/// One column: the article's metadata and its body with every mark.
fn side(c: &Comparison, is_a: bool, palette: &[String], out: &mut String) {
    let (s, tag) = if is_a { (&c.a, "a") } else { (&c.b, "b") };
    let a = s.article;
    let _ = writeln!(out, "<article id=\"side-{tag}\">");
    let _ = writeln!(
        out,
        "<h2>{}: {}</h2>",
        tag.to_ascii_uppercase(),
        text(&a.meta.title)
    );
    let mut meta = vec![text(&a.id).into_owned()];
    meta.extend(a.meta.source.as_deref().map(|o| text(o).into_owned()));
    let d = date(a);
    if !d.is_empty() {
        meta.push(d);
    }
    if let Some(url) = a.meta.url.as_deref() {
        meta.push(link(url));
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    out.push_str("<div class=\"text\">");
    body(c, s, is_a, palette.len().max(1), out);
    out.push_str("</div>\n</article>\n");
}

/// A URL as a link when it is http(s), else as text.
fn link(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        format!("<a href=\"{}\">{}</a>", attr(url), text(url))
    } else {
        text(url).into_owned()
    }
}

/// What a byte range of a body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Quote,
    /// Shared passage number (0-based) and whether it is near-verbatim.
    Passage(usize, bool),
    Changed,
}

/// The marks of one side: quotes, passages and changed words.
fn marks(c: &Comparison, s: &Side, is_a: bool) -> Vec<(Span, Kind)> {
    let mut marks: Vec<(Span, Kind)> = s.quotes.iter().map(|q| (q.clone(), Kind::Quote)).collect();
    for (n, span) in c.spans.iter().enumerate() {
        let (range, changed) = pick(span, is_a);
        marks.push((
            range.clone(),
            Kind::Passage(n, span.label == Label::NearVerbatim),
        ));
        marks.extend(changed.iter().map(|ch| (ch.clone(), Kind::Changed)));
    }
    marks
}

fn pick(s: &AlignedSpan, is_a: bool) -> (&Span, &[Span]) {
    if is_a {
        (&s.a, &s.a_changed)
    } else {
        (&s.b, &s.b_changed)
    }
}

/// The body as flat runs: cut at every mark boundary, each run wrapped in the element its
/// marks call for; a numbered tag, linking to the same passage on the other side, opens
/// each passage.
fn body(c: &Comparison, s: &Side, is_a: bool, colours: usize, out: &mut String) {
    let body = s.article.body.as_str();
    let marks = marks(c, s, is_a);
    let (me, other) = if is_a { ("a", "b") } else { ("b", "a") };
    for w in cuts(body, &marks).windows(2) {
        let (x, y) = (w[0], w[1]);
        let Some(run) = body.get(x..y) else { continue };
        let inside = |k: &(Span, Kind)| k.0.start <= x && y <= k.0.end;
        let passage = marks.iter().filter(|m| inside(m)).find_map(|m| match m.1 {
            Kind::Passage(n, near) => Some((n, near, m.0.start == x)),
            _ => None,
        });
        let quote = marks.iter().any(|m| m.1 == Kind::Quote && inside(m));
        let changed = marks.iter().any(|m| m.1 == Kind::Changed && inside(m));
        let inner = run_markup(run, changed, quote);
        match passage {
            Some((n, near, starts)) => {
                if starts {
                    let _ = write!(
                        out,
                        "<a class=\"tag c{}\" id=\"{me}-{n1}\" href=\"#{other}-{n1}\" \
                         title=\"{}\">{n1}</a>",
                        c.color(n) % colours,
                        attr(&c.spans.get(n).map(|sp| c.label(sp)).unwrap_or_default()),
                        n1 = n + 1
                    );
                }
                let near = if near { " near" } else { "" };
                let _ = write!(
                    out,
                    "<mark class=\"c{}{near}\" data-passage=\"{}\">{inner}</mark>",
                    c.color(n) % colours,
                    n + 1
                );
            }
            None => out.push_str(&inner),
        }
    }
}

/// Every offset where a mark starts or ends, with the body's ends: the runs between two
/// consecutive cuts carry one set of marks.
fn cuts(body: &str, marks: &[(Span, Kind)]) -> Vec<usize> {
    let mut cuts = vec![0, body.len()];
    for (m, _) in marks {
        cuts.extend([m.start.min(body.len()), m.end.min(body.len())]);
    }
    cuts.retain(|&x| body.is_char_boundary(x));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// A run of text, escaped, in a span for a changed word and/or a quote.
fn run_markup(run: &str, changed: bool, quote: bool) -> String {
    let class = match (changed, quote) {
        (true, true) => "chg q",
        (true, false) => "chg",
        (false, true) => "q",
        (false, false) => return text(run).into_owned(),
    };
    format!("<span class=\"{class}\">{}</span>", text(run))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Config;
    use crate::corpus::{Article, Metadata};

    fn article(id: &str, body: &str, url: Option<&str>) -> Article {
        let meta = Metadata {
            title: format!("Title of {id} <b>"),
            url: url.map(str::to_string),
            ..Metadata::default()
        };
        Article::new(id.into(), id.into(), meta, body.into())
    }

    #[test]
    fn article_text_is_escaped_and_every_passage_is_marked() {
        let shared = "the committee passed the new budget after long talks on Monday";
        let a = article(
            "a",
            &format!("<script>alert(1)</script> & more. {shared}. Tail & end."),
            Some("javascript:alert(1)"),
        );
        let b = article(
            "b",
            &format!("Intro. {shared}. Other <i>."),
            Some("https://x.test/?a=1&b=\"2\""),
        );
        let c = Comparison::align(&a, &b, &Config::default());
        assert_eq!(c.spans.len(), 1);
        let html = render(&c);
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."));
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("href=\"https://x.test/?a=1&amp;b=&quot;2&quot;\""));
        assert!(html.contains("Title of a &lt;b&gt;"));
        assert_eq!(html.matches("id=\"a-1\"").count(), 1);
        assert_eq!(html.matches("id=\"b-1\"").count(), 1);
        assert!(html.contains(&format!("data-passage=\"1\">{shared}</mark>")));
    }

    #[test]
    fn changed_words_and_quotes_are_marked_inside_passages() {
        let a = article(
            "a",
            "Berg said: “We will rebuild the old harbour with our own hands before the winter comes.”",
            None,
        );
        let b = article(
            "b",
            "Berg said: “We will rebuild the old harbour with our bare hands before the winter comes.”",
            None,
        );
        let c = Comparison::align(&a, &b, &Config::default());
        assert_eq!(c.spans.len(), 1);
        let html = render(&c);
        assert!(html.contains("class=\"c0 near\""), "{html}");
        assert!(html.contains("<span class=\"chg q\">own</span>"), "{html}");
        assert!(html.contains("<span class=\"chg q\">bare</span>"), "{html}");
        assert!(html.contains("near-verbatim"));
    }

    #[test]
    fn colours_follow_the_passage_numbers_and_the_palette_given() {
        let shared = "the committee passed the new budget after long talks on Monday";
        let a = article("a", &format!("Intro. {shared}."), None);
        let b = article("b", &format!("Other. {shared}."), None);
        let mut c = Comparison::align(&a, &b, &Config::default());
        c.colors = vec![5];
        let html = render_with_palette(&c, &["#111111".into(), "red;}x{".into(), "#222222".into()]);
        assert!(html.contains(".c1,a.tag.c1{background:#222222}"), "{html}");
        assert!(!html.contains("red;}"));
        assert!(html.contains("<mark class=\"c1\""));
    }

    #[test]
    fn the_palette_comes_from_the_theme() {
        let p = palette();
        assert!(p.len() >= 6);
        assert!(p.iter().all(|c| is_hex_colour(c)));
    }
}
