//! The file system, carefully: the one place parallax writes a file (atomically, never
//! through a symlink or over something that is not a regular file, keeping the mode of the
//! file it replaces: [`atomic`]) and reads a file it did not create (a regular file of
//! bounded size, so that a FIFO, a device or an endless file is refused: [`regular`]), and
//! the temporary files of writes under way, removed when a signal ends the program
//! ([`interrupt`]).

pub mod atomic;
pub mod interrupt;
pub mod regular;

pub use atomic::{WriteError, create_new, replace};
pub use regular::{ReadError, read_regular};
