//! JSON and JSON Lines input: objects with `title`, `source`, `date`, `url` and the text
//! under `body`, `text` or `content`, as news APIs export them.

use serde_json::Value;

use super::Format;
use crate::metadata::RecordFields;

/// A record read from a file, with its 1-based line for JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: Option<usize>,
    pub id: Option<String>,
    pub fields: RecordFields,
}

/// A record or a line that could not be read.
pub type RecordResult = Result<Record, (Option<usize>, String)>;

/// Reads the records of a JSON (`Format::Json`) or JSON Lines (`Format::JsonLines`) text;
/// plain text and Markdown hold no records (an empty list). A record that cannot be read
/// is an `Err` with its line and a reason, and never stops the others.
///
/// This is the JSON half of the loader, public so that it can be fuzzed on its own.
pub fn parse_records(text: &str, format: Format) -> Vec<RecordResult> {
    match format {
        Format::Json => parse_json(text),
        Format::JsonLines => parse_json_lines(text),
        Format::Text | Format::Markdown => Vec::new(),
    }
}

/// Reads a `.json` file: one object or an array of objects.
pub fn parse_json(text: &str) -> Vec<RecordResult> {
    match serde_json::from_str::<Value>(text) {
        Err(e) => vec![Err((Some(e.line()), format!("invalid JSON: {e}")))],
        Ok(Value::Array(items)) => items.iter().map(|v| record(v, None)).collect(),
        Ok(v) => vec![record(&v, None)],
    }
}

/// Reads a `.jsonl` file: one object per non-blank line; a bad line is reported alone.
pub fn parse_json_lines(text: &str) -> Vec<RecordResult> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(v) => record(&v, Some(i + 1)),
            Err(e) => Err((Some(i + 1), format!("invalid JSON: {e}"))),
        })
        .collect()
}

fn record(v: &Value, line: Option<usize>) -> RecordResult {
    let Value::Object(map) = v else {
        return Err((line, "not a JSON object".to_string()));
    };
    let text = |keys: &[&str]| {
        keys.iter().find_map(|k| match map.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    let body = text(&["body", "text", "content", "description"])
        .ok_or((line, "no text under body, text or content".to_string()))?;
    Ok(Record {
        line,
        id: text(&["id", "uid"]),
        fields: RecordFields {
            title: text(&["title", "headline"]),
            source: text(&["source", "outlet", "publisher", "site_name"]).or_else(|| {
                map.get("source")
                    .and_then(|s| s.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            }),
            date: text(&[
                "date",
                "published",
                "publishedAt",
                "published_at",
                "pubDate",
            ]),
            url: text(&["url", "link"]),
            body,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_array_and_field_synonyms() {
        let recs = parse_json(
            r#"[{"title":"A","source":{"name":"Reuters"},"publishedAt":"2026-11-21","content":"Body a"},
                {"headline":"B","text":"Body b","url":"https://x.org/b"}]"#,
        );
        let a = recs[0].as_ref().unwrap();
        assert_eq!(a.fields.title.as_deref(), Some("A"));
        assert_eq!(a.fields.source.as_deref(), Some("Reuters"));
        assert_eq!(a.fields.date.as_deref(), Some("2026-11-21"));
        let b = recs[1].as_ref().unwrap();
        assert_eq!(b.fields.body, "Body b");
        assert_eq!(b.fields.url.as_deref(), Some("https://x.org/b"));
    }

    #[test]
    fn a_bad_line_names_its_number_and_the_rest_loads() {
        let recs = parse_json_lines("{\"body\":\"one\"}\n{oops\n\n{\"text\":\"three\"}\n");
        assert_eq!(recs.len(), 3);
        assert!(recs[0].is_ok());
        assert_eq!(recs[1].as_ref().unwrap_err().0, Some(2));
        assert_eq!(recs[2].as_ref().unwrap().line, Some(4));
    }

    #[test]
    fn objects_without_text_are_refused() {
        let recs = parse_json(r#"{"title":"only a title"}"#);
        assert!(recs[0].as_ref().unwrap_err().1.contains("no text"));
        assert!(parse_json("[1]")[0].is_err());
        assert!(parse_json("{").first().unwrap().is_err());
    }
}
