//! Markdown front matter: a YAML block between `---` lines at the top of a Markdown file
//! (as Jekyll, Hugo and most static-site tools write it) with `title`, `source`, `date`,
//! `url`, `author` and `tags`. The keys map to metadata exactly as JSON record fields do
//! ([`super::records::record_of`]). Malformed front matter is a warning, never a lost file:
//! the caller then loads the file as plain Markdown.

use serde_json::Value;

use super::html::day_of;
use super::records::{Record, record_of};

/// Longest front matter read, in bytes: real ones are a few hundred bytes.
const MAX_FRONT_MATTER_BYTES: usize = 64 << 10;

/// The front matter of `text` and the Markdown after it as one record: `Ok(None)` when the
/// text has no front matter, `Err` with a reason when it has a malformed one.
pub fn parse_front_matter(text: &str) -> Result<Option<Record>, String> {
    let Some((yaml, body)) = split(text)? else {
        return Ok(None);
    };
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err("front matter too long".to_string());
    }
    let value: Value = if yaml.trim().is_empty() {
        Value::Object(serde_json::Map::new())
    } else {
        serde_saphyr::from_str(yaml).map_err(|e| format!("bad front matter: {}", one_line(&e)))?
    };
    let Value::Object(mut map) = value else {
        return Err("bad front matter: not a list of `key: value` lines".to_string());
    };
    for key in ["date", "published", "published_at", "datePublished"] {
        if let Some(Value::String(d)) = map.get_mut(key) {
            *d = day_of(d);
        }
    }
    if body.trim().is_empty() {
        return Err("no article text after the front matter".to_string());
    }
    map.insert("body".to_string(), Value::String(body.to_string()));
    record_of(&Value::Object(map), None)
        .map(Some)
        .map_err(|(_, why)| why)
}

/// The text after a closed front matter block (whatever it holds), else the whole text:
/// what a file with malformed front matter is read as.
pub fn after_front_matter(text: &str) -> &str {
    match split(text) {
        Ok(Some((_, body))) => body,
        _ => text,
    }
}

/// Splits `---\n<yaml>\n---\n<body>`; `Ok(None)` when the text does not open with `---`.
fn split(text: &str) -> Result<Option<(&str, &str)>, String> {
    let Some(rest) = strip_fence(text) else {
        return Ok(None);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Some((&rest[..offset], &rest[offset + line.len()..])));
        }
        offset += line.len();
    }
    Err("front matter has no closing `---` line".to_string())
}

/// The text after an opening `---` line, if it opens with one.
fn strip_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// An error message on one line (YAML errors may quote the input over several).
fn one_line(e: &impl std::fmt::Display) -> String {
    let msg = e.to_string();
    let first = msg.lines().next().unwrap_or_default();
    first.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fills_the_record() {
        let md = "---\ntitle: \"Port reopens: ships queue\"\nsource: The Harbour Times\n\
                  date: 2026-11-20T08:30:00Z\nurl: https://harbour.example/a\n\
                  author: Mia Chen\ntags: [Shipping, Storms]\n---\n\n# Port reopens\n\nText here.\n";
        let r = parse_front_matter(md).unwrap().unwrap();
        assert_eq!(r.fields.title.as_deref(), Some("Port reopens: ships queue"));
        assert_eq!(r.fields.source.as_deref(), Some("The Harbour Times"));
        assert_eq!(r.fields.date.as_deref(), Some("2026-11-20"));
        assert_eq!(r.fields.url.as_deref(), Some("https://harbour.example/a"));
        assert_eq!(r.author.as_deref(), Some("Mia Chen"));
        assert_eq!(r.tags, ["Shipping", "Storms"]);
        assert!(r.fields.body.starts_with("\n# Port reopens"));
    }

    #[test]
    fn no_front_matter_is_none() {
        assert_eq!(parse_front_matter("# Title\n\nText.").unwrap(), None);
        assert_eq!(parse_front_matter("").unwrap(), None);
        assert_eq!(parse_front_matter("----\nx").unwrap(), None);
    }

    #[test]
    fn malformed_front_matter_is_an_error_with_a_reason() {
        let unclosed = parse_front_matter("---\ntitle: x\nText.").unwrap_err();
        assert!(unclosed.contains("closing"), "{unclosed}");
        let bad = parse_front_matter("---\ntitle: [unclosed\n---\nText.").unwrap_err();
        assert!(bad.starts_with("bad front matter"), "{bad}");
        let scalar = parse_front_matter("---\njust a line\n---\nText.").unwrap_err();
        assert!(scalar.starts_with("bad front matter"), "{scalar}");
        let laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n\
                      c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\nText.";
        let _ = parse_front_matter(laughs);
    }

    #[test]
    fn the_text_after_a_malformed_block_is_still_the_article() {
        assert_eq!(after_front_matter("---\na: [\n---\nText."), "Text.");
        assert_eq!(after_front_matter("---\na: b\nText."), "---\na: b\nText.");
    }
}
