//! A colour as the theme and the user's `[theme]` tables write it: an ANSI name (`red`,
//! `lightblue`), `#rrggbb`, or an index 0-255 as a bare number (`fg = 5`) or a string
//! (`fg = "5"`). Anything else is refused with what a colour may be.

use anyhow::anyhow;
use ratatui::style::Color;
use serde::Deserialize;

/// A colour as written, checked by [`color`].
#[derive(Debug, Clone)]
pub(super) enum RawColor {
    Index(i64),
    Name(String),
}

impl<'de> Deserialize<'de> for RawColor {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Visitor)
    }
}

struct Visitor;

impl serde::de::Visitor<'_> for Visitor {
    type Value = RawColor;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a colour: a name, \"#rrggbb\" or an index 0-255")
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<RawColor, E> {
        Ok(RawColor::Index(n))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<RawColor, E> {
        Ok(RawColor::Index(i64::try_from(n).unwrap_or(i64::MAX)))
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawColor, E> {
        Ok(RawColor::Name(s.to_string()))
    }
}

/// The colour `raw` names, or why it names none.
pub(super) fn color(raw: &RawColor) -> anyhow::Result<Color> {
    match raw {
        RawColor::Index(n) => u8::try_from(*n)
            .map(Color::Indexed)
            .map_err(|_| anyhow!("colour index {n} is not in 0-255")),
        RawColor::Name(name) => name
            .parse::<Color>()
            .map_err(|_| anyhow!("unknown colour {name:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_value: &str) -> Result<Color, String> {
        let v: toml::Value = toml::from_str(&format!("c = {toml_value}")).expect("toml");
        let raw = RawColor::deserialize(v["c"].clone()).map_err(|e| e.to_string())?;
        color(&raw).map_err(|e| e.to_string())
    }

    #[test]
    fn names_hex_and_indexes_are_colours() {
        assert_eq!(parse("5"), Ok(Color::Indexed(5)));
        assert_eq!(parse("\"255\""), Ok(Color::Indexed(255)));
        assert_eq!(parse("\"lightblue\""), Ok(Color::LightBlue));
        assert_eq!(parse("\"#ff00ff\""), Ok(Color::Rgb(255, 0, 255)));
    }

    #[test]
    fn anything_else_says_what_a_colour_is() {
        for bad in ["5.0", "true", "[1]", "{ r = 1 }"] {
            let err = parse(bad).expect_err(bad);
            assert!(
                err.contains("expected a colour: a name, \"#rrggbb\" or an index 0-255"),
                "{bad}: {err}"
            );
            assert!(!err.contains("untagged"), "{bad}: {err}");
        }
        assert_eq!(parse("256"), Err("colour index 256 is not in 0-255".into()));
        assert_eq!(parse("-1"), Err("colour index -1 is not in 0-255".into()));
    }
}
