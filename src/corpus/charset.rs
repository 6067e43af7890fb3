//! The character encoding a document declares for itself in its first bytes: the XML
//! declaration (`<?xml version="1.0" encoding="windows-1252"?>`) or an HTML `<meta
//! charset=…>` / `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
//!
//! Read without parsing, in one pass over a bounded prefix, and only when the bytes look
//! like markup (the first non-blank byte is `<`), so that a plain-text article that
//! happens to mention a `<meta>` tag is never misread.

use encoding_rs::Encoding;

/// Bytes of a document searched for a declaration. Browsers look at the first 1,024; a
/// saved page often carries a long `<head>` of scripts before its `<meta charset>`.
const PRESCAN_BYTES: usize = 8192;

/// The encoding the document declares, as the WHATWG rules map its label (`latin1` and
/// `iso-8859-1` are windows-1252; a UTF-16 label in a document readable as ASCII is
/// UTF-8; `x-user-defined` is windows-1252). `None` when it declares nothing, or a label
/// no browser knows.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &bytes[start..bytes.len().min(start + PRESCAN_BYTES)];
    if head.first() != Some(&b'<') {
        return None;
    }
    let label = xml_declaration(head).or_else(|| meta_charset(head))?;
    let label = label.trim_ascii();
    let encoding = Encoding::for_label(label.strip_suffix(b"/").unwrap_or(label))?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding.output_encoding()
        },
    )
}

/// The `encoding` pseudo-attribute of an XML declaration at the very start.
fn xml_declaration(head: &[u8]) -> Option<&[u8]> {
    if !starts_with_ignore_case(head, b"<?xml") {
        return None;
    }
    let end = find(head, b"?>")?;
    attributes(&head[5..end])
        .find_map(|(name, value)| name.eq_ignore_ascii_case(b"encoding").then_some(value))
}

/// The charset of the first `<meta>` tag that declares one, comments skipped.
fn meta_charset(head: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &head[from..]) {
        let tag = &head[from + at..];
        if tag.starts_with(b"<!--") {
            match find(&tag[4..], b"-->") {
                Some(end) => from += at + 4 + end + 3,
                None => return None,
            }
            continue;
        }
        from += at + 1;
        let is_meta = starts_with_ignore_case(tag, b"<meta")
            && tag
                .get(5)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/');
        if !is_meta {
            continue;
        }
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        if let Some(label) = charset_of_meta(&tag[5..end]) {
            return Some(label);
        }
    }
    None
}

/// The charset a `<meta>` tag's attributes declare: `charset=`, or `http-equiv` with a
/// `content` that names one.
fn charset_of_meta(attrs: &[u8]) -> Option<&[u8]> {
    let mut content = None;
    let mut content_type = false;
    for (name, value) in attributes(attrs) {
        if name.eq_ignore_ascii_case(b"charset") {
            return Some(value);
        }
        if name.eq_ignore_ascii_case(b"http-equiv") {
            content_type = value.trim_ascii().eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content = Some(value);
        }
    }
    let content = content.filter(|_| content_type)?;
    let lower = content.to_ascii_lowercase();
    let at = find(&lower, b"charset")? + 7;
    let rest = content[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b';' | b'"' | b'\'') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..len])
}

/// The `name=value` pairs of a tag's attribute text (values quoted or not; a name with
/// no value is skipped).
fn attributes(mut s: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    std::iter::from_fn(move || {
        loop {
            s = s.trim_ascii_start();
            let name_len = s
                .iter()
                .position(|b| *b == b'=' || b.is_ascii_whitespace())
                .unwrap_or(s.len());
            if name_len == 0 && s.first() != Some(&b'=') {
                return None;
            }
            let name = &s[..name_len];
            s = s[name_len..].trim_ascii_start();
            let Some(rest) = s.strip_prefix(b"=") else {
                continue;
            };
            let rest = rest.trim_ascii_start();
            let (value, after) = match rest.first() {
                Some(&q @ (b'"' | b'\'')) => {
                    let body = &rest[1..];
                    let end = memchr::memchr(q, body).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(&[]))
                }
                _ => {
                    let end = rest
                        .iter()
                        .position(u8::is_ascii_whitespace)
                        .unwrap_or(rest.len());
                    (&rest[..end], &rest[end..])
                }
            };
            s = after;
            return Some((name, value));
        }
    })
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(bytes: &[u8]) -> Option<&'static str> {
        declared(bytes).map(Encoding::name)
    }

    #[test]
    fn meta_charset_is_read() {
        assert_eq!(
            name(b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(name(b"<html><meta charset=koi8-r>"), Some("KOI8-R"));
        assert_eq!(name(b"<meta charset='Shift_JIS'/>"), Some("Shift_JIS"));
        assert_eq!(name(b"<meta charset=latin1>"), Some("windows-1252"));
        assert_eq!(name(b"<meta charset=utf-8/>"), Some("UTF-8"));
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" \
                     CONTENT=\"text/html; charset=ISO-8859-15\"></head>";
        assert_eq!(name(page), Some("ISO-8859-15"));
        // a content without http-equiv declares nothing
        assert_eq!(name(b"<meta content=\"text/html; charset=koi8-r\">"), None);
    }

    #[test]
    fn xml_declaration_is_read() {
        assert_eq!(
            name(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>"),
            Some("windows-1251")
        );
        assert_eq!(
            name(b"  <?xml version='1.0' encoding='utf-8' ?>"),
            Some("UTF-8")
        );
        assert_eq!(name(b"<?xml version=\"1.0\"?><rss>"), None);
    }

    #[test]
    fn commented_meta_and_plain_text_declare_nothing() {
        assert_eq!(name(b"<html><!-- <meta charset=koi8-r> --><p>x"), None);
        assert_eq!(name(b"A story about <meta charset=koi8-r> tags."), None);
        assert_eq!(name(b"<meta charset=no-such-thing>"), None);
        assert_eq!(name(b""), None);
        assert_eq!(name(b"<metadata charset=koi8-r>"), None);
    }

    #[test]
    fn utf16_labels_mean_utf8_in_markup() {
        assert_eq!(name(b"<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(name(b"<meta charset=x-user-defined>"), Some("windows-1252"));
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for s in [
            &b"<?xml encoding="[..],
            b"<meta",
            b"<meta charset",
            b"<meta x=\"",
            b"<!--",
        ] {
            let _ = declared(s);
        }
    }
}
