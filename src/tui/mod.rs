//! The terminal UI: Elm-style (state, actions, pure update, view that only draws).
