//! The comparison as a Markdown write-up: both articles' metadata (outlet, date, URL), then
//! each shared passage with its label, its byte offsets in both bodies and its text on both
//! sides, the words that differ in bold. Article text is escaped so that it can never turn
//! into markup (links, headings, HTML) in the reader's renderer.

use std::fmt::Write as _;

use super::{Comparison, Side, date};
use crate::analysis::Span;

/// Reads one metadata field of a side, for the metadata table.
type Field = fn(&Side) -> String;

/// The whole write-up.
pub fn render(c: &Comparison) -> String {
    let mut out = format!(
        "# Shared passages: {} and {}\n\n",
        escape(&crate::corpus::naming::full_name(c.a.article)),
        escape(&crate::corpus::naming::full_name(c.b.article))
    );
    out.push_str("| | A | B |\n|---|---|---|\n");
    let rows: [(&str, Field); 5] = [
        ("Id", |s| s.article.id.clone()),
        ("Title", |s| s.article.meta.title.clone()),
        ("Outlet", |s| {
            s.article.meta.source.clone().unwrap_or_default()
        }),
        ("Date", |s| date(s.article)),
        ("URL", |s| s.article.meta.url.clone().unwrap_or_default()),
    ];
    for (name, get) in rows {
        let _ = writeln!(
            out,
            "| {name} | {} | {} |",
            cell(&get(&c.a)),
            cell(&get(&c.b))
        );
    }
    out.push('\n');
    match c.spans.len() {
        0 => out.push_str("The two articles share no passage.\n"),
        1 => out.push_str("1 shared passage. Offsets are byte ranges into each clean body (`parallax show --json ID`).\n"),
        n => {
            let _ = writeln!(
                out,
                "{n} shared passages. Offsets are byte ranges into each clean body (`parallax show --json ID`)."
            );
        }
    }
    for (n, s) in c.spans.iter().enumerate() {
        let _ = write!(
            out,
            "\n## {}. {}\n\n- A: bytes {}..{}\n- B: bytes {}..{}\n\n",
            n + 1,
            c.label(s),
            s.a.start,
            s.a.end,
            s.b.start,
            s.b.end
        );
        quote(&mut out, "A", &c.a, &s.a, &s.a_changed);
        out.push('\n');
        quote(&mut out, "B", &c.b, &s.b, &s.b_changed);
    }
    out
}

/// A blockquote of `side`'s text in `span`, changed words in bold.
fn quote(out: &mut String, tag: &str, side: &Side, span: &Span, changed: &[Span]) {
    let body = side.article.body.as_str();
    let mut text = String::new();
    let mut at = span.start;
    for ch in changed
        .iter()
        .filter(|c| span.start <= c.start && c.end <= span.end)
    {
        if ch.start < at {
            continue;
        }
        text.push_str(&escape(body.get(at..ch.start).unwrap_or_default()));
        let word = body.get(ch.clone()).unwrap_or_default();
        if !word.trim().is_empty() {
            let _ = write!(text, "**{}**", escape(word.trim()));
        }
        at = ch.end;
    }
    text.push_str(&escape(body.get(at..span.end).unwrap_or_default()));
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| l.trim())
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    let _ = writeln!(out, "> **{tag}** ({}):\n>", escape(&side.article.id));
    let _ = writeln!(out, "{}", lines.join("\n"));
}

/// Text with every Markdown-active character backslash-escaped: emphasis, code, links
/// (brackets), HTML and entities anywhere; headings, list and quote markers at the start of
/// a line.
pub fn escape(s: &str) -> String {
    s.split('\n')
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for ch in line.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    // Block markers: only where the line's text begins (after its indentation).
    let indent = out.len() - out.trim_start().len();
    let rest = &out[indent..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    if rest.starts_with(['#', '-', '+', '=']) {
        out.insert(indent, '\\');
    } else if digits > 0
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
    {
        out.insert(indent + digits, '\\');
    }
    out
}

/// A table cell: escaped, on one line.
fn cell(s: &str) -> String {
    escape(&s.replace(['\n', '\r'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Config;
    use crate::corpus::{Article, Metadata};

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("a *b* [c](d) <e> & f_g"),
            "a \\*b\\* \\[c\\](d) \\<e\\> \\& f\\_g"
        );
        assert_eq!(
            escape("# head\n- item\n12. x\n2024-03-05"),
            "\\# head\n\\- item\n12\\. x\n2024-03-05"
        );
        assert_eq!(escape("a - b # c"), "a - b # c");
    }

    #[test]
    fn write_up_has_metadata_offsets_and_bold_changes() {
        let meta = |source: &str, url: &str| Metadata {
            title: "A | title".into(),
            source: Some(source.into()),
            url: Some(url.into()),
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
            ..Metadata::default()
        };
        let a = Article::new(
            "a".into(),
            "a".into(),
            meta("Daily [Link](x)", "https://a.test/1"),
            "Berg said: “We will rebuild the old harbour with our own hands before the winter comes.”".into(),
        );
        let b = Article::new(
            "b".into(),
            "b".into(),
            meta("Other", "https://b.test/2"),
            "Berg said: “We will rebuild the old harbour with our bare hands before the winter comes.”".into(),
        );
        let c = Comparison::align(&a, &b, &Config::default());
        let md = render(&c);
        assert!(
            md.contains("| Outlet | Daily \\[Link\\](x) | Other |"),
            "{md}"
        );
        assert!(md.contains("| Date | 2024-03-05 | 2024-03-05 |"), "{md}");
        assert!(md.contains("A \\| title"));
        assert!(md.contains("## 1. near-verbatim"), "{md}");
        let s = &c.spans[0];
        assert!(md.contains(&format!("- A: bytes {}..{}", s.a.start, s.a.end)));
        assert!(md.contains("**own**") && md.contains("**bare**"), "{md}");
    }
}
