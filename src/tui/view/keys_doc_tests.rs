//! `docs/keys.md` lists the keys exactly as the `?` help shows them: the block between its
//! first pair of fences is the help's key section, generated from `assets/keymap.toml`.
//! When the keymap changes, `PARALLAX_BLESS=1 cargo test keys_doc` writes the block anew.

use super::help::{help_lines, text_of};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// The key section of the help, as plain text (the legend after it is left out).
fn keys_text() -> String {
    let keymap = Keymap::builtin().expect("keymap");
    let theme = Theme::builtin(true).expect("theme");
    let lines: Vec<String> = help_lines(&keymap, &theme)
        .iter()
        .map(|l| text_of(l).trim_end().to_string())
        .collect();
    let legend = crate::tui::view::legend::lines(&theme).len() + 1;
    let keys = &lines[..lines.len() - legend];
    format!("{}\n", keys.join("\n"))
}

#[test]
fn docs_keys_md_lists_the_keys_the_help_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keys.md");
    let doc = std::fs::read_to_string(&path).expect("docs/keys.md");
    let open = doc.find("```\n").expect("an opening fence") + 4;
    let close = open + doc[open..].find("```\n").expect("a closing fence");
    let want = keys_text();
    if doc[open..close] == want {
        return;
    }
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        let fixed = format!("{}{want}{}", &doc[..open], &doc[close..]);
        std::fs::write(&path, fixed).expect("write docs/keys.md");
        return;
    }
    panic!(
        "docs/keys.md is out of date with assets/keymap.toml; \
         run PARALLAX_BLESS=1 cargo test keys_doc to write it\n--- help says:\n{want}"
    );
}
