//! Tests of update as a state machine: key sequences in, state out, no terminal.
