//! Reports: render an [`Analysis`] for people or machines. Renderers read claims and findings;
//! they know nothing of extraction.

mod human;
pub mod json;

use crate::Analysis;
use crate::text::Document;
use std::io::{self, Write};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable report for an editor.
    Human,
    /// The JSON contract (version 1).
    Json,
}

/// What to render.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// The documents it came from, in the same order.
    pub docs: &'a [Document],
    /// Include findings (false for `crosscheck claims`).
    pub findings: bool,
    /// Use ANSI colours.
    pub color: bool,
}

/// Writes the report in a format.
pub fn render(format: Format, input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human if input.findings => human::findings(input, out),
        Format::Human => human::claims(input, out),
        Format::Json => json::write(input, out),
    }
}
