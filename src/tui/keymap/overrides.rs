//! The user's `[keys]` overrides (from the config file) applied over the built-in keymap:
//! the action names are the vocabulary, the key names those of `assets/keymap.toml`, and a
//! mistake is an error at its line of the file.

use super::{Binding, Context, Key, Keymap, order};
use crate::config::{ConfigError, Settings};
use crate::tui::action::Action;
use crate::tui::command::Command;

impl Keymap {
    /// This keymap with the user's `[keys]` overrides applied: an action named in a screen's
    /// table gets exactly those keys there (and they leave any other action of that screen).
    /// Unknown screens, actions and key names are errors at their line of the file.
    pub fn with_overrides(mut self, settings: &Settings) -> Result<Keymap, ConfigError> {
        for (screen, actions) in &settings.keys {
            let ctx = Context::ALL
                .into_iter()
                .find(|c| c.name() == screen.get_ref())
                .ok_or_else(|| {
                    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                    settings.error_at(
                        screen.span(),
                        &format!("keys.{}", screen.get_ref()),
                        &format!("unknown screen, expected one of {}", names.join(", ")),
                    )
                })?;
            // Each key of this table's overrides, and the action it was given to.
            let mut given: Vec<(Key, &str)> = Vec::new();
            // In the file's order, so that a clash is reported at its second line.
            let mut actions: Vec<_> = actions.iter().collect();
            actions.sort_by_key(|(name, _)| name.span().start);
            for (name, keys) in actions {
                let path = format!("keys.{}.{}", ctx.name(), name.get_ref());
                let command = Command::by_name(name.get_ref()).ok_or_else(|| {
                    settings.error_at(
                        name.span(),
                        &path,
                        "unknown action (see `parallax config --print-default`)",
                    )
                })?;
                let parsed = keys
                    .get_ref()
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<anyhow::Result<Vec<Key>>>()
                    .map_err(|e| settings.error_at(keys.span(), &path, &e.to_string()))?;
                for (key, written) in parsed.iter().zip(keys.get_ref()) {
                    if let Some((_, other)) = given.iter().find(|(k, _)| k == key) {
                        let why = match *other == name.get_ref().as_str() {
                            true => format!("key {written:?} is listed twice"),
                            false => format!("key {written:?} is also given to {other} here"),
                        };
                        return Err(settings.error_at(keys.span(), &path, &why));
                    }
                    given.push((*key, name.get_ref()));
                }
                self.rebind(
                    ctx,
                    Binding {
                        command,
                        names: keys.get_ref().clone(),
                        keys: parsed,
                    },
                );
                if !self.can_quit() {
                    let why = "leaves no key to quit the reader (keys.global.quit, C-c by default)";
                    return Err(settings.error_at(keys.span(), &path, why));
                }
            }
        }
        Ok(self)
    }

    /// Whether some key of `quit` (global) quits from every screen: bound, and not taken by
    /// another action of a screen's own table.
    fn can_quit(&self) -> bool {
        let quit = |a: &Action| matches!(a, Action::Command(Command::Quit));
        let Some(binding) = self
            .bindings(Context::Global)
            .iter()
            .find(|b| b.command == Command::Quit)
        else {
            return false;
        };
        binding.keys.iter().any(|&k| {
            Context::ALL
                .into_iter()
                .all(|ctx| self.find(ctx, k).is_none_or(|a| quit(&a)))
        })
    }

    /// Puts `binding` in the table of `ctx` in place of its action's, taking its keys away
    /// from the other actions there.
    fn rebind(&mut self, ctx: Context, binding: Binding) {
        let pos = match self.tables.iter().position(|(c, _)| *c == ctx) {
            Some(p) => p,
            None => {
                self.tables.push((ctx, Vec::new()));
                self.tables.sort_by_key(|(c, _)| *c);
                self.tables.iter().position(|(c, _)| *c == ctx).unwrap_or(0)
            }
        };
        let Some((_, table)) = self.tables.get_mut(pos) else {
            return;
        };
        table.retain(|b| b.command != binding.command);
        for b in table.iter_mut() {
            let keep: Vec<(String, Key)> = b
                .names
                .iter()
                .cloned()
                .zip(b.keys.iter().copied())
                .filter(|(_, k)| !binding.keys.contains(k))
                .collect();
            (b.names, b.keys) = keep.into_iter().unzip();
        }
        table.retain(|b| !b.keys.is_empty());
        table.push(binding);
        table.sort_by_key(order);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn settings(text: &str) -> Settings {
        Settings::parse(std::path::Path::new("config.toml"), text).expect("config")
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_free_them_elsewhere() {
        let user =
            settings("[keys.library]\ndown = [\"n\", \"k\"]\n[keys.compare]\nexport = [\"F5\"]\n");
        let km = Keymap::builtin()
            .and_then(|k| Ok(k.with_overrides(&user)?))
            .expect("keymap");
        let at = |ctx, code| km.action_for(ctx, &ev(code, KeyModifiers::NONE));
        assert!(matches!(
            at(Context::Library, KeyCode::Char('n')),
            Some(Action::Command(Command::Down))
        ));
        assert!(matches!(
            at(Context::Library, KeyCode::Char('k')),
            Some(Action::Command(Command::Down))
        ));
        assert!(at(Context::Library, KeyCode::Char('j')).is_none());
        // `k` left `up`, which keeps its other key.
        assert!(matches!(
            at(Context::Library, KeyCode::Up),
            Some(Action::Command(Command::Up))
        ));
        assert!(matches!(
            at(Context::Compare, KeyCode::F(5)),
            Some(Action::Command(Command::Export))
        ));
        assert!(at(Context::Compare, KeyCode::Char('e')).is_none());
        // Other screens are untouched.
        assert!(matches!(
            at(Context::Reader, KeyCode::Char('j')),
            Some(Action::Command(Command::Down))
        ));
    }

    #[test]
    fn bad_overrides_name_the_key_and_the_line() {
        let check = |text: &str, want: &str| {
            let err = Keymap::builtin()
                .expect("keymap")
                .with_overrides(&settings(text))
                .expect_err(text)
                .to_string();
            assert_eq!(err, want);
        };
        check(
            "\n[keys.library]\nfly = [\"k\"]\n",
            "config.toml:3: keys.library.fly: unknown action (see `parallax config --print-default`)",
        );
        check(
            "[keys.nowhere]\nup = [\"k\"]\n",
            "config.toml:1: keys.nowhere: unknown screen, expected one of global, library, reader, compare, quotes, omissions, grid, problems, filter, help, search",
        );
        check(
            "[keys.reader]\n\nup = [\"Hyper-k\"]\n",
            "config.toml:3: keys.reader.up: unknown key \"Hyper-k\"",
        );
        check(
            "[keys.library]\nup = [\"j\"]\ndown = [\"j\", \"Down\"]\n",
            "config.toml:3: keys.library.down: key \"j\" is also given to up here",
        );
        check(
            "[keys.library]\nup = [\"j\", \"Up\", \"j\"]\n",
            "config.toml:2: keys.library.up: key \"j\" is listed twice",
        );
        check(
            "[keys.global]\nquit = []\n",
            "config.toml:2: keys.global.quit: leaves no key to quit the reader (keys.global.quit, C-c by default)",
        );
        check(
            "[keys.global]\nhelp = [\"C-c\"]\n",
            "config.toml:2: keys.global.help: leaves no key to quit the reader (keys.global.quit, C-c by default)",
        );
        check(
            "[keys.reader]\nback = [\"C-c\"]\n",
            "config.toml:2: keys.reader.back: leaves no key to quit the reader (keys.global.quit, C-c by default)",
        );
        check(
            "[keys.compare]\nexport = [\"F99\"]\n",
            "config.toml:2: keys.compare.export: no function key \"F99\" (F1 to F12)",
        );
    }
}
