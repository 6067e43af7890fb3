//! The theme: styles for MEANINGS (a shared passage, a quote, an entity kind, a fuzzy
//! match, the chrome), read from `assets/theme.toml`. With `NO_COLOR` set, the file's
//! `[no_color]` table (modifiers only) replaces every coloured style.

use std::collections::BTreeMap;

use anyhow::{Context as _, anyhow};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::analysis::entities::EntityKind;
use crate::config::Settings;

use super::theme_color::{RawColor, color};

/// A style as written in the theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<RawColor>,
    bg: Option<RawColor>,
    #[serde(default)]
    modifiers: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawPassages {
    palette: Vec<RawColor>,
    fg: RawColor,
}

#[derive(Debug, Deserialize)]
struct RawTheme {
    passages: RawPassages,
    meaning: BTreeMap<String, RawStyle>,
    chrome: BTreeMap<String, RawStyle>,
    no_color: BTreeMap<String, RawStyle>,
}

/// Resolved styles, one per meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Background of each shared passage (empty with NO_COLOR: passages use `passage`).
    pub palette: Vec<Color>,
    /// Style of a shared passage before its colour is applied.
    pub passage: Style,
    pub near_verbatim: Style,
    pub changed: Style,
    pub current: Style,
    pub quote: Style,
    /// The words naming a quote's speaker.
    pub speaker: Style,
    pub person: Style,
    pub organization: Style,
    pub place: Style,
    pub other: Style,
    pub matched: Style,
    pub header: Style,
    pub footer: Style,
    pub key: Style,
    pub title: Style,
    pub selected: Style,
    pub marked: Style,
    pub chip: Style,
    pub dim: Style,
    pub border: Style,
    pub active_border: Style,
    pub error: Style,
}

impl Theme {
    /// The built-in theme; `no_color` follows the `NO_COLOR` convention.
    pub fn builtin(no_color: bool) -> anyhow::Result<Theme> {
        Theme::from_toml(crate::assets::THEME, no_color).context("assets/theme.toml")
    }

    /// True when the environment asks for no colour (`NO_COLOR` set and not empty).
    pub fn no_color_requested() -> bool {
        crate::config::no_color_requested()
    }

    /// The built-in theme with the user's `[theme]` overrides: each style or palette named
    /// there replaces the built-in one. Unknown tables and names, and bad colours or
    /// modifiers, are errors at their line of the file.
    pub fn with_overrides(no_color: bool, settings: &Settings) -> anyhow::Result<Theme> {
        let mut base: toml::Table = toml::from_str(crate::assets::THEME)?;
        let known: Vec<String> = ["meaning", "chrome", "no_color"]
            .iter()
            .filter_map(|t| base.get(*t).and_then(toml::Value::as_table))
            .flat_map(|t| t.keys().cloned())
            .collect();
        for (table, entries) in &settings.theme {
            let t = table.get_ref().as_str();
            if !matches!(t, "passages" | "meaning" | "chrome" | "no_color") {
                return Err(settings
                    .error_at(
                        table.span(),
                        &format!("theme.{t}"),
                        "unknown table, expected one of passages, meaning, chrome, no_color",
                    )
                    .into());
            }
            for (name, value) in entries {
                let n = name.get_ref().as_str();
                let path = format!("theme.{t}.{n}");
                let fail = |span, msg: &str| -> anyhow::Error {
                    settings.error_at(span, &path, msg).into()
                };
                let valid = if t == "passages" {
                    check_passages(n, value.get_ref())
                } else if known.iter().any(|k| k == n) {
                    check_style(value.get_ref())
                } else {
                    Err(anyhow!(
                        "unknown style (the meanings are those of the default config)"
                    ))
                };
                valid.map_err(|e| fail(value.span(), &format!("{e:#}")))?;
                if let Some(toml::Value::Table(tab)) = base.get_mut(t) {
                    tab.insert(n.to_string(), value.get_ref().clone());
                }
            }
        }
        let raw = RawTheme::deserialize(toml::Value::Table(base))?;
        Theme::from_raw(raw, no_color)
    }

    /// Reads a theme in the format of `assets/theme.toml`.
    pub fn from_toml(text: &str, no_color: bool) -> anyhow::Result<Theme> {
        Theme::from_raw(toml::from_str(text)?, no_color)
    }

    fn from_raw(raw: RawTheme, no_color: bool) -> anyhow::Result<Theme> {
        let table = |name: &str| -> anyhow::Result<Style> {
            let found = if no_color {
                raw.no_color.get(name)
            } else {
                raw.meaning.get(name).or_else(|| raw.chrome.get(name))
            };
            match found {
                Some(s) => style(s),
                None if !no_color && name == "passage" => Ok(Style::new()),
                None => Err(anyhow!("theme has no style {name:?}")),
            }
        };
        let palette = if no_color {
            Vec::new()
        } else {
            raw.passages
                .palette
                .iter()
                .map(color)
                .collect::<anyhow::Result<_>>()?
        };
        let mut passage = table("passage")?;
        if !no_color {
            passage = passage.fg(color(&raw.passages.fg)?);
        }
        Ok(Theme {
            palette,
            passage,
            near_verbatim: table("near_verbatim")?,
            changed: table("changed")?,
            current: table("current")?,
            quote: table("quote")?,
            speaker: table("speaker")?,
            person: table("person")?,
            organization: table("organization")?,
            place: table("place")?,
            other: table("other")?,
            matched: table("match")?,
            header: table("header")?,
            footer: table("footer")?,
            key: table("key")?,
            title: table("title")?,
            selected: table("selected")?,
            marked: table("marked")?,
            chip: table("chip")?,
            dim: table("dim")?,
            border: table("border")?,
            active_border: table("active_border")?,
            error: table("error")?,
        })
    }

    /// The style of shared passage number `passage` (the same number everywhere).
    pub fn passage(&self, passage: usize) -> Style {
        match self.palette.len() {
            0 => self.passage,
            n => self.passage.bg(self.palette[passage % n]),
        }
    }

    /// The passage palette as `#rrggbb` (for HTML reports); empty unless every colour is
    /// an RGB one (named and indexed colours depend on the terminal).
    pub fn hex_palette(&self) -> Vec<String> {
        let hex: Vec<String> = self
            .palette
            .iter()
            .filter_map(|c| match c {
                Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
                _ => None,
            })
            .collect();
        if hex.len() == self.palette.len() {
            hex
        } else {
            Vec::new()
        }
    }

    /// The colour that marks passage `passage` in gutters (a block character in it).
    pub fn passage_mark(&self, passage: usize) -> Style {
        match self.palette.len() {
            0 => Style::new(),
            n => Style::new().fg(self.palette[passage % n]),
        }
    }

    /// The style of an entity mention of kind `kind`.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
            EntityKind::Place => self.place,
            EntityKind::Other => self.other,
        }
    }
}

/// Checks one entry of `[theme.passages]`.
fn check_passages(name: &str, value: &toml::Value) -> anyhow::Result<()> {
    match name {
        "palette" => {
            let colours = Vec::<RawColor>::deserialize(value.clone())?;
            if colours.is_empty() {
                return Err(anyhow!("the palette needs at least one colour"));
            }
            colours.iter().try_for_each(|c| color(c).map(|_| ()))
        }
        "fg" => color(&RawColor::deserialize(value.clone())?).map(|_| ()),
        _ => Err(anyhow!("unknown key, expected palette or fg")),
    }
}

/// Checks a style: its fields, colours and modifiers.
fn check_style(value: &toml::Value) -> anyhow::Result<()> {
    style(&RawStyle::deserialize(value.clone())?).map(|_| ())
}

fn style(raw: &RawStyle) -> anyhow::Result<Style> {
    let mut s = Style::new();
    if let Some(fg) = &raw.fg {
        s = s.fg(color(fg)?);
    }
    if let Some(bg) = &raw.bg {
        s = s.bg(color(bg)?);
    }
    for m in &raw.modifiers {
        s = s.add_modifier(modifier(m)?);
    }
    Ok(s)
}

fn modifier(name: &str) -> anyhow::Result<Modifier> {
    Ok(match name {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        other => return Err(anyhow!("unknown modifier {other:?}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_theme_has_a_palette_and_a_colourless_variant() {
        let t = Theme::builtin(false).expect("theme");
        assert!(t.palette.len() >= 6);
        assert_ne!(t.passage(0).bg, t.passage(1).bg);
        assert_eq!(t.passage(0).bg, t.passage(t.palette.len()).bg);
        let nc = Theme::builtin(true).expect("no-colour theme");
        for s in [
            nc.passage(3),
            nc.quote,
            nc.person,
            nc.matched,
            nc.header,
            nc.changed,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(nc.passage(0).add_modifier.contains(Modifier::REVERSED));
        assert!(nc.person.add_modifier.contains(Modifier::UNDERLINED));
    }

    fn settings(text: &str) -> Settings {
        Settings::parse(std::path::Path::new("config.toml"), text).expect("config")
    }

    #[test]
    fn overrides_replace_styles_by_meaning() {
        let user = settings(
            "[theme.meaning]\nquote = { fg = \"yellow\" }\nheader = { bg = \"red\" }\n[theme.passages]\npalette = [\"#000000\"]\n",
        );
        let t = Theme::with_overrides(false, &user).expect("theme");
        assert_eq!(t.quote, Style::new().fg(Color::Yellow));
        assert_eq!(t.header, Style::new().bg(Color::Red));
        assert_eq!(t.palette, [Color::Rgb(0, 0, 0)]);
        assert_eq!(t.hex_palette(), ["#000000"]);
        let builtin = Theme::builtin(false).expect("theme");
        assert_eq!(t.person, builtin.person);
        let none = Theme::with_overrides(false, &settings("")).expect("theme");
        assert_eq!(none, builtin);
    }

    #[test]
    fn bad_overrides_name_the_key_and_the_line() {
        let check = |text: &str, want: &str| {
            let err = Theme::with_overrides(false, &settings(text)).expect_err(text);
            assert_eq!(format!("{err:#}"), want);
        };
        check(
            "[theme.meaning]\n\nquote = { fg = \"chartreuse-ish\" }\n",
            "config.toml:3: theme.meaning.quote: unknown colour \"chartreuse-ish\"",
        );
        check(
            "[theme.meaning]\nquot = { fg = \"red\" }\n",
            "config.toml:2: theme.meaning.quot: unknown style (the meanings are those of the default config)",
        );
        check(
            "[theme.meaning]\nquote = { fg = 5.0 }\n",
            "config.toml:2: theme.meaning.quote: invalid type: floating point `5.0`, expected a colour: a name, \"#rrggbb\" or an index 0-255 (in `fg`)",
        );
        check(
            "[theme.colours]\nquote = { fg = \"red\" }\n",
            "config.toml:1: theme.colours: unknown table, expected one of passages, meaning, chrome, no_color",
        );
        let err = Theme::with_overrides(
            false,
            &settings("[theme.meaning]\nquote = { colour = \"red\" }\n"),
        )
        .expect_err("unknown field");
        assert!(
            format!("{err:#}").starts_with("config.toml:2: theme.meaning.quote: unknown field"),
            "{err:#}"
        );
    }

    #[test]
    fn colour_indexes_are_numbers_or_strings_from_0_to_255() {
        let user = settings(
            "[theme.meaning]\nquote = { fg = 5, bg = \"200\" }\n[theme.passages]\npalette = [0, 255]\nfg = 16\n",
        );
        let t = Theme::with_overrides(false, &user).expect("theme");
        assert_eq!(
            t.quote,
            Style::new().fg(Color::Indexed(5)).bg(Color::Indexed(200))
        );
        assert_eq!(t.palette, [Color::Indexed(0), Color::Indexed(255)]);
        let err =
            Theme::with_overrides(false, &settings("[theme.meaning]\nquote = { fg = 256 }\n"))
                .expect_err("256");
        assert_eq!(
            format!("{err:#}"),
            "config.toml:2: theme.meaning.quote: colour index 256 is not in 0-255"
        );
    }

    #[test]
    fn bad_colours_are_errors() {
        let bad = crate::assets::THEME.replace("\"#f9e2af\"", "\"chartreuse-ish\"");
        assert!(Theme::from_toml(&bad, false).is_err());
    }
}
