//! The `parallax` binary: a thin shell over [`parallax::cli`].

fn main() -> std::process::ExitCode {
    parallax::cli::main()
}
