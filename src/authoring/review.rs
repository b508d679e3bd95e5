//! The prompt of `crosscheck test --review`: accept, reject or skip each changed or pending
//! snapshot. Reading and writing go through [`BufRead`] and [`Write`], so the dialogue is tested
//! without a terminal; the command line checks that stdin is one before asking.

use std::io::{self, BufRead, Write};

/// What to do with one changed or pending snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Write the new snapshot as the accepted one and remove the pending file.
    Accept,
    /// Keep the accepted snapshot (if any) and remove the pending file.
    Reject,
    /// Leave both as they are (the pending file stays for a later review).
    Skip,
}

/// Reads an answer: `a`/`accept`, `r`/`reject`, `s`/`skip` (any case, surrounding blanks
/// ignored). `None` for anything else.
#[must_use]
pub fn parse_answer(answer: &str) -> Option<Decision> {
    match answer.trim().to_lowercase().as_str() {
        "a" | "accept" | "y" | "yes" => Some(Decision::Accept),
        "r" | "reject" | "n" | "no" => Some(Decision::Reject),
        "s" | "skip" => Some(Decision::Skip),
        _ => None,
    }
}

/// Asks `question` followed by ` accept / reject / skip [a/r/s] ` until a valid answer is read.
/// Returns `None` at the end of input (the caller skips what is left).
///
/// # Errors
///
/// Reading or writing fails.
pub fn ask(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    question: &str,
) -> io::Result<Option<Decision>> {
    loop {
        write!(out, "{question} accept / reject / skip [a/r/s] ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(None);
        }
        if let Some(d) = parse_answer(&line) {
            return Ok(Some(d));
        }
        writeln!(
            out,
            "  please answer a (accept), r (reject) or s (skip), then Enter"
        )?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_leniently() {
        assert_eq!(parse_answer(" A\n"), Some(Decision::Accept));
        assert_eq!(parse_answer("reject"), Some(Decision::Reject));
        assert_eq!(parse_answer("s\r\n"), Some(Decision::Skip));
        assert_eq!(parse_answer("maybe"), None);
    }

    #[test]
    fn ask_repeats_until_a_valid_answer_and_stops_at_eof() {
        let mut input: &[u8] = b"what\nr\n";
        let mut out = Vec::new();
        assert_eq!(
            ask(&mut input, &mut out, "x?").unwrap(),
            Some(Decision::Reject)
        );
        let shown = String::from_utf8(out).unwrap();
        assert_eq!(shown.matches("[a/r/s]").count(), 2, "{shown}");
        assert!(shown.contains("please answer"));
        let mut empty: &[u8] = b"";
        assert_eq!(ask(&mut empty, &mut Vec::new(), "x?").unwrap(), None);
    }
}
