//! The keymap: which key does what on which screen, read from `assets/keymap.toml`.
//!
//! Bindings are data, so the help overlay and the user's config file ([`overrides`]) read
//! the same table the event loop uses.

use std::collections::BTreeMap;

use anyhow::{Context as _, anyhow, bail};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::command::Command;

mod names;
mod overrides;

pub use names::key_name;

/// Where a key is pressed: a screen or an overlay (and `Global`, consulted last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Context {
    Global,
    Library,
    Reader,
    Compare,
    Quotes,
    Filter,
    Help,
    Search,
    Problems,
    Omissions,
    Grid,
}

impl Context {
    /// Every context, in the order the help shows them.
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Library,
        Context::Reader,
        Context::Compare,
        Context::Quotes,
        Context::Omissions,
        Context::Grid,
        Context::Problems,
        Context::Filter,
        Context::Help,
        Context::Search,
    ];

    /// The table name in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Library => "library",
            Context::Reader => "reader",
            Context::Compare => "compare",
            Context::Quotes => "quotes",
            Context::Filter => "filter",
            Context::Help => "help",
            Context::Search => "search",
            Context::Problems => "problems",
            Context::Omissions => "omissions",
            Context::Grid => "grid",
        }
    }

    /// The heading the help shows.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Library => "Library",
            Context::Reader => "Reader",
            Context::Compare => "Compare",
            Context::Quotes => "Quotes",
            Context::Filter => "Entity filter",
            Context::Help => "Help",
            Context::Search => "Search (typing)",
            Context::Problems => "Load problems",
            Context::Omissions => "Left out",
            Context::Grid => "Outlet × entity grid",
        }
    }
}

/// The last function key a keymap may name (terminals send F1 to F12).
pub const MAX_FUNCTION_KEY: u8 = 12;

/// A key as the keymap names it: a key code and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// Parses a key name (`j`, `C-c`, `PageDown`, `Space`).
    pub fn parse(name: &str) -> anyhow::Result<Key> {
        let (ctrl, rest) = match name.strip_prefix("C-") {
            Some(r) if !r.is_empty() => (true, r),
            _ => (false, name),
        };
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            f if f.len() > 1 && f.starts_with('F') => {
                let n: u8 = f[1..]
                    .parse()
                    .with_context(|| format!("bad function key {name:?}"))?;
                if !(1..=MAX_FUNCTION_KEY).contains(&n) {
                    bail!("no function key {name:?} (F1 to F{MAX_FUNCTION_KEY})");
                }
                KeyCode::F(n)
            }
            c => {
                let mut chars = c.chars();
                match (chars.next(), chars.next()) {
                    (Some(ch), None) => KeyCode::Char(ch),
                    _ => bail!("unknown key {name:?}"),
                }
            }
        };
        Ok(Key { code, ctrl })
    }

    /// The key a terminal event stands for (Shift is part of the character).
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// One command and the keys bound to it in one context.
#[derive(Debug, Clone)]
pub struct Binding {
    pub command: Command,
    /// The key names as written in the keymap (for help).
    pub names: Vec<String>,
    pub keys: Vec<Key>,
}

/// All bindings, per context.
#[derive(Debug, Clone)]
pub struct Keymap {
    tables: Vec<(Context, Vec<Binding>)>,
}

type RawKeymap = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// Where a binding stands in the help: the order of [`Command::ALL`].
fn order(b: &Binding) -> usize {
    b.command.order()
}

impl Keymap {
    /// The keymap shipped with parallax.
    pub fn builtin() -> anyhow::Result<Keymap> {
        Keymap::from_toml(crate::assets::KEYMAP).context("assets/keymap.toml")
    }

    /// Reads a keymap in the format of `assets/keymap.toml`.
    pub fn from_toml(text: &str) -> anyhow::Result<Keymap> {
        let raw: RawKeymap = toml::from_str(text)?;
        let mut tables = Vec::new();
        for (table, actions) in raw {
            let ctx = Context::ALL
                .into_iter()
                .find(|c| c.name() == table)
                .ok_or_else(|| anyhow!("unknown screen [{table}]"))?;
            let mut bindings = Vec::new();
            for (name, keys) in actions {
                let command =
                    Command::by_name(&name).ok_or_else(|| anyhow!("unknown action {name:?}"))?;
                let parsed = keys
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<_, _>>()?;
                bindings.push(Binding {
                    command,
                    names: keys,
                    keys: parsed,
                });
            }
            bindings.sort_by_key(order);
            tables.push((ctx, bindings));
        }
        tables.sort_by_key(|(c, _)| *c);
        Ok(Keymap { tables })
    }

    /// The bindings of one context.
    pub fn bindings(&self, ctx: Context) -> &[Binding] {
        self.tables
            .iter()
            .find(|(c, _)| *c == ctx)
            .map_or(&[], |(_, b)| b.as_slice())
    }

    /// The action bound to `key` in the table of `ctx` alone.
    fn find(&self, ctx: Context, key: Key) -> Option<Action> {
        self.bindings(ctx)
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| Action::Command(b.command))
    }

    /// The action a key event stands for in `ctx`, else in the global table. In the
    /// filter, characters its own table does not bind are typed into the query (so `?`
    /// there is a character, not help). Key releases are ignored.
    pub fn action_for(&self, ctx: Context, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        if let Some(a) = self.find(ctx, key) {
            return Some(a);
        }
        if let (Context::Filter | Context::Search, KeyCode::Char(c), false) =
            (ctx, key.code, key.ctrl)
        {
            return Some(Action::Input(c));
        }
        self.find(Context::Global, key)
    }

    /// The first key name bound to the command called `name` in `ctx` (for footers),
    /// looking in the global table too.
    pub fn key_for(&self, ctx: Context, name: &str) -> Option<&str> {
        let command = Command::by_name(name)?;
        [ctx, Context::Global].into_iter().find_map(|c| {
            self.bindings(c)
                .iter()
                .find(|b| b.command == command)
                .and_then(|b| b.names.first().map(String::as_str))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn builtin_keymap_parses_and_binds_vim_and_arrows() {
        let km = Keymap::builtin().expect("builtin keymap");
        for code in [KeyCode::Char('j'), KeyCode::Down] {
            let a = km.action_for(Context::Library, &ev(code, KeyModifiers::NONE));
            assert!(
                matches!(a, Some(Action::Command(Command::Down))),
                "{code:?}"
            );
        }
        let g = km.action_for(
            Context::Reader,
            &ev(KeyCode::Char('G'), KeyModifiers::SHIFT),
        );
        assert!(matches!(g, Some(Action::Command(Command::Bottom))));
        let quit = km.action_for(
            Context::Compare,
            &ev(KeyCode::Char('c'), KeyModifiers::CONTROL),
        );
        assert!(matches!(quit, Some(Action::Command(Command::Quit))));
    }

    #[test]
    fn filter_types_unbound_characters() {
        let km = Keymap::builtin().expect("builtin keymap");
        let a = km.action_for(Context::Filter, &ev(KeyCode::Char('j'), KeyModifiers::NONE));
        assert!(matches!(a, Some(Action::Input('j'))));
        let a = km.action_for(
            Context::Filter,
            &ev(KeyCode::Char('?'), KeyModifiers::SHIFT),
        );
        assert!(matches!(a, Some(Action::Input('?'))), "{a:?}");
        let a = km.action_for(Context::Filter, &ev(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(a, Some(Action::Command(Command::Apply))));
    }

    #[test]
    fn bad_keymaps_are_errors_not_panics() {
        assert!(Keymap::from_toml("[nowhere]\nup = [\"k\"]").is_err());
        assert!(Keymap::from_toml("[library]\nfly = [\"k\"]").is_err());
        assert!(Keymap::from_toml("[library]\nup = [\"Hyper-k\"]").is_err());
        assert!(Key::parse("F99x").is_err());
        assert!(Key::parse("F99").is_err());
        assert!(Key::parse("F0").is_err());
        assert_eq!(Key::parse("F12").map(|k| k.code).ok(), Some(KeyCode::F(12)));
        assert_eq!(Key::parse("C-c").map(|k| k.ctrl).ok(), Some(true));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_screen() {
        let km = Keymap::builtin().expect("builtin keymap");
        for ctx in Context::ALL {
            let keys: Vec<Key> = km
                .bindings(ctx)
                .iter()
                .flat_map(|b| b.keys.clone())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(k),
                    "{k:?} twice in [{}]",
                    ctx.name()
                );
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let km = Keymap::builtin().expect("builtin keymap");
        let theme = crate::tui::theme::Theme::builtin(false).expect("theme");
        let text: Vec<String> = crate::tui::view::help_lines(&km, &theme)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        for ctx in Context::ALL {
            assert!(text.iter().any(|l| l == ctx.title()), "{}", ctx.title());
            for b in km.bindings(ctx) {
                let keys = b.names.join(" ");
                assert!(
                    text.iter()
                        .any(|l| l.contains(&keys) && l.contains(b.command.description())),
                    "{keys} {}",
                    b.command.description()
                );
            }
        }
    }
}
