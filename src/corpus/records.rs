//! JSON and JSON Lines input: objects with `title`, `source`, `date`, `url`, `author`,
//! `tags` and the text under `body`, `text` or `content`, as news APIs export them. The
//! same mapping reads Markdown front matter ([`record_of`]).

use serde_json::Value;

use super::Format;
use crate::metadata::RecordFields;

/// A record read from a file, with its 1-based line for JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: Option<usize>,
    pub id: Option<String>,
    pub fields: RecordFields,
    /// The author, when the record names one (`metadata` has no field for it yet).
    pub author: Option<String>,
    /// Tags or keywords the record carries.
    pub tags: Vec<String>,
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
        Format::Text | Format::Markdown | Format::Feed | Format::Html => Vec::new(),
    }
}

/// Reads a `.json` file: one object or an array of objects. Each element of an array is
/// read on its own ([`super::json_array`]): a bad one is an error naming its index and line,
/// and the others load.
pub fn parse_json(text: &str) -> Vec<RecordResult> {
    if let Some(elements) = super::json_array::elements(text) {
        return elements
            .into_iter()
            .map(|e| {
                let at = |why: String| format!("element {}: {why}", e.index);
                match serde_json::from_str::<Value>(&text[e.range]) {
                    Ok(v) => record_of(&v, Some(e.line)).map_err(|(l, why)| (l, at(why))),
                    Err(err) => Err((Some(e.line + err.line().max(1) - 1), at(invalid(&err)))),
                }
            })
            .collect();
    }
    match serde_json::from_str::<Value>(text) {
        Err(e) => vec![Err((Some(e.line()), invalid(&e)))],
        Ok(v) => vec![record_of(&v, None)],
    }
}

/// Reads a `.jsonl` file: one object per non-blank line; a bad line is reported alone.
pub fn parse_json_lines(text: &str) -> Vec<RecordResult> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(v) => record_of(&v, Some(i + 1)),
            Err(e) => Err((Some(i + 1), invalid(&e))),
        })
        .collect()
}

/// A JSON error without its position (the problem's line says where), so that alike
/// errors read alike.
pub(super) fn invalid(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text.split(" at line ").next().unwrap_or(&text);
    format!("invalid JSON: {what}")
}

/// Reads one JSON object (a record, or Markdown front matter with its body under `body`)
/// as an article record; `line` is its 1-based line, for messages.
pub fn record_of(v: &Value, line: Option<usize>) -> RecordResult {
    let Value::Object(map) = v else {
        return Err((line, "not a JSON object".to_string()));
    };
    let text = |keys: &[&str]| keys.iter().find_map(|k| scalar(map.get(*k)?));
    let body = text(&["body", "text", "content", "description"])
        .ok_or((line, "no text under body, text or content".to_string()))?;
    let named = |key: &str| {
        map.get(key)
            .and_then(|s| s.get("name"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    Ok(Record {
        line,
        id: text(&["id", "uid"]),
        fields: RecordFields {
            title: text(&["title", "headline"]),
            source: text(&["source", "outlet", "publisher", "site_name"])
                .or_else(|| named("source"))
                .or_else(|| named("publisher")),
            date: text(&[
                "date",
                "published",
                "publishedAt",
                "published_at",
                "pubDate",
                "datePublished",
            ]),
            url: text(&["url", "link", "canonical_url"]),
            body,
        },
        author: text(&["author", "byline", "creator"])
            .or_else(|| named("author"))
            .or_else(|| list(map.get("authors")).map(|a| a.join(", "))),
        tags: ["tags", "keywords", "categories"]
            .iter()
            .find_map(|k| list(map.get(*k)))
            .unwrap_or_default(),
    })
}

/// A non-blank string or a number, as text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A list of names: an array of strings (or of objects with a `name`), or one
/// comma-separated string. `None` when there is none.
fn list(v: Option<&Value>) -> Option<Vec<String>> {
    let items: Vec<String> = match v? {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| scalar(i).or_else(|| i.get("name").and_then(scalar)))
            .collect(),
        Value::String(s) => s
            .split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    (!items.is_empty()).then_some(items)
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
    fn author_and_tags_in_their_usual_shapes() {
        let recs = parse_json(
            r#"[{"body":"a","author":{"name":"Ann Lee"},"tags":["Energy","Gas"]},
                {"body":"b","authors":[{"name":"A"},"B"],"keywords":"oil, gas; power"}]"#,
        );
        let a = recs[0].as_ref().unwrap();
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
        assert_eq!(a.tags, ["Energy", "Gas"]);
        let b = recs[1].as_ref().unwrap();
        assert_eq!(b.author.as_deref(), Some("A, B"));
        assert_eq!(b.tags, ["oil", "gas", "power"]);
    }

    #[test]
    fn a_bad_element_is_skipped_alone_and_named() {
        let recs = parse_json(
            "[{\"body\": \"one\"},\n {\"body\": \"two\", \"n\": 1e400},\n {\"body\": \"\\ud800\"},\n 7,\n {\"text\": \"five\"}]",
        );
        assert_eq!(recs.len(), 5);
        assert_eq!(recs[0].as_ref().unwrap().fields.body, "one");
        let err = recs[1].as_ref().unwrap_err();
        assert_eq!(err.0, Some(2));
        assert!(
            err.1
                .starts_with("element 2: invalid JSON: number out of range"),
            "{err:?}"
        );
        assert!(
            recs[2]
                .as_ref()
                .unwrap_err()
                .1
                .starts_with("element 3: invalid JSON")
        );
        assert_eq!(
            recs[3].as_ref().unwrap_err(),
            &(Some(4), "element 4: not a JSON object".to_string())
        );
        assert_eq!(recs[4].as_ref().unwrap().line, Some(5));
    }

    #[test]
    fn objects_without_text_are_refused() {
        let recs = parse_json(r#"{"title":"only a title"}"#);
        assert!(recs[0].as_ref().unwrap_err().1.contains("no text"));
        assert!(parse_json("[1]")[0].is_err());
        assert!(parse_json("{").first().unwrap().is_err());
    }
}
