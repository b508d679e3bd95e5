//! Error types at the crate's boundaries. Findings are never errors: they are data.

use std::fmt;

/// A problem in a rule file, located by file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleError {
    /// Rule file path as given (or `<built-in>/name.yml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, lower-case, naming the value.
    pub message: String,
    /// How to fix it, if known.
    pub help: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found while loading a rule set (loading reports them all at once).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// The crate's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One or more rule files are invalid.
    #[error("{0}")]
    Rules(RuleErrors),
    /// An input document could not be decoded.
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gold annotation file is invalid.
    #[error("{0}")]
    Gold(String),
}

/// The crate's result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;
