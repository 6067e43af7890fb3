//! A cap on the attributes of one element, applied to HTML and XML text before any parser
//! sees it. The HTML tokenizer (and the XML reader of feeds) checks each new attribute
//! against the element's earlier ones for a duplicate, so an element with 100,000
//! attributes took 8 s (200,000: 34 s); real elements carry a few dozen. One linear pass
//! drops every attribute past [`MAX_ATTRIBUTES`] of an element.

use std::borrow::Cow;

/// Most attributes one element keeps; the rest are dropped before parsing.
pub const MAX_ATTRIBUTES: usize = 256;

/// `markup` with every element's attributes past the first `max` removed; borrowed
/// unchanged when no element has more (the usual case).
pub fn limit_attributes(markup: &str, max: usize) -> Cow<'_, str> {
    let bytes = markup.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[from..]) {
        let start = from + at + 1;
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'/'))
            .count();
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            from = start;
            continue;
        }
        let tag = scan_tag(bytes, start + name_len, max);
        if let Some(drop) = tag.drop {
            let s = out.get_or_insert_with(|| String::with_capacity(markup.len()));
            s.push_str(&markup[copied..drop.start]);
            copied = drop.end;
        }
        from = tag.end;
    }
    match out {
        None => Cow::Borrowed(markup),
        Some(mut s) => {
            s.push_str(&markup[copied..]);
            Cow::Owned(s)
        }
    }
}

/// Where a start tag's attributes end, and the byte range to drop when it has too many.
struct Tag {
    end: usize,
    drop: Option<std::ops::Range<usize>>,
}

/// Reads the attributes of a start tag from `i` (just after its name) as the HTML
/// tokenizer does: names, `=`, quoted or bare values, up to the `>` outside quotes.
fn scan_tag(bytes: &[u8], mut i: usize, max: usize) -> Tag {
    let mut count = 0;
    let mut drop_from = None;
    let mut last_end = i;
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match bytes.get(i) {
            None | Some(b'>') => break,
            Some(_) => {}
        }
        count += 1;
        if count == max + 1 {
            drop_from = Some(i);
        }
        i += 1; // a name's first char may be `=`
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let mut j = i;
        while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            i = value_end(bytes, j + 1);
        }
        last_end = i;
    }
    Tag {
        end: i,
        drop: drop_from.map(|from| from..last_end),
    }
}

/// The end of an attribute value starting at or after `i` (white space skipped).
fn value_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    match bytes.get(i) {
        Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &bytes[i + 1..]) {
            Some(end) => i + 1 + end + 1,
            None => bytes.len(),
        },
        _ => {
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
            {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        let html = "<p a=1 b='2 > 3' c d=\"x\">text</p><br e=1 f=2 />";
        assert!(matches!(limit_attributes(html, 4), Cow::Borrowed(_)));
        assert_eq!(
            limit_attributes(html, 2),
            "<p a=1 b='2 > 3' >text</p><br e=1 f=2 />"
        );
        assert_eq!(limit_attributes(html, 1), "<p a=1 >text</p><br e=1  />");
        assert_eq!(limit_attributes(html, 0), "<p >text</p><br  />");
    }

    #[test]
    fn text_and_odd_markup_pass_through() {
        for s in [
            "a < b and c > d",
            "<",
            "<p",
            "<p a='unclosed",
            "</p x y z>",
            "<!-- a b c -->",
            "é<ü a b>",
        ] {
            let limited = limit_attributes(s, 1);
            assert!(limited.len() <= s.len(), "{s}");
        }
        assert_eq!(limit_attributes("x <p a b c> y", 1), "x <p a > y");
        assert_eq!(limit_attributes("1 < 2 <p a b>", 1), "1 < 2 <p a >");
    }

    #[test]
    fn many_attributes_are_cut_to_the_cap() {
        let attrs: String = (0..10_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let html = format!("<div{attrs}>body</div>");
        let limited = limit_attributes(&html, MAX_ATTRIBUTES);
        assert_eq!(limited.matches('=').count(), MAX_ATTRIBUTES);
        assert!(limited.ends_with(">body</div>"));
    }
}
