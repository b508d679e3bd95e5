//! Tools for rule authors: validating rule files with every problem located at once
//! ([`validate`]), running a folder's inline examples and fixture snapshots ([`suite`],
//! [`snapshot`]), the accept/reject/skip prompt of `crosscheck test --review` ([`review`]) and
//! the files `crosscheck init` scaffolds ([`init`]).
//!
//! Everything here is usable as a library; the command-line wrappers live in `crate::cli`
//! (`rules_cmd`, `test_cmd`, `init_cmd`) and only add argument parsing, printing and exit codes.

pub mod init;
pub mod review;
pub mod snapshot;
pub mod suite;
pub mod validate;
