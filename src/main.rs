//! The `crosscheck` binary: parse arguments, run, exit with the run's code.

use std::process::ExitCode;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
