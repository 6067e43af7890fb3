//! The name of a pressed key as the keymap writes it (`j`, `C-x`, `F5`, `Esc`), for the
//! message an unbound key gets.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The keymap's name for `ev`, or `None` for what is not a key press worth a message
/// (a release, a bare modifier, a media key).
pub fn key_name(ev: &KeyEvent) -> Option<String> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let base = match ev.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if c.is_control() => return None,
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "BackTab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        _ => return None,
    };
    if ev.modifiers.contains(KeyModifiers::CONTROL) {
        Some(format!("C-{base}"))
    } else {
        Some(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_as_the_keymap_names_them() {
        let k = |code, m| key_name(&KeyEvent::new(code, m));
        assert_eq!(
            k(KeyCode::Char('x'), KeyModifiers::NONE).as_deref(),
            Some("x")
        );
        assert_eq!(
            k(KeyCode::Char('x'), KeyModifiers::CONTROL).as_deref(),
            Some("C-x")
        );
        assert_eq!(k(KeyCode::F(7), KeyModifiers::NONE).as_deref(), Some("F7"));
        assert_eq!(
            k(
                KeyCode::Modifier(crossterm::event::ModifierKeyCode::LeftShift),
                KeyModifiers::NONE
            ),
            None
        );
    }
}
