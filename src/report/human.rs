//! The human report: each finding with both claims, their sources and locations, the rule and
//! why it fired. Colour only when asked (the CLI asks on a terminal without `NO_COLOR`).

use super::{Chunk, Counts, ReportWriter, WriterOptions};
use crate::compare::describe_value;
use crate::model::{Claim, Severity, Via};
use crate::text::Document;
use std::io::{self, Write};

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, s.as_str())
    }
    fn highlight(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;4", s)
        } else {
            format!("[{s}]")
        }
    }
}

/// How the source was found, in words.
fn source_line(c: &Claim) -> String {
    let s = &c.source;
    let mut out = s.name.clone();
    if let Some(role) = &s.role {
        out.push_str(&format!(" ({role})"));
    }
    if let Some(full) = &s.resolved {
        out.push_str(&format!(" = {full}"));
    }
    match (s.via, &s.cue) {
        (Via::Document, _) => out = "the document's own voice".to_owned(),
        (Via::Pronoun, Some(cue)) => out.push_str(&format!(", “{cue}” via a pronoun")),
        (Via::QuoteCarry, _) => out.push_str(", quoted in the same passage"),
        (_, Some(cue)) => out.push_str(&format!(", “{cue}”")),
        (_, None) => {}
    }
    out
}

/// The sentence with the claim marked, shortened to about 160 characters around it.
fn excerpt(doc: &Document, c: &Claim, paint: &Paint) -> String {
    let sent = doc.slice(c.sentence);
    let (rs, re) = (
        c.span.start - c.sentence.start,
        c.span.end - c.sentence.start,
    );
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut before = flat(&sent[..rs]);
    let mut after = flat(&sent[re..]);
    let budget = 150usize.saturating_sub(re - rs) / 2;
    if before.chars().count() > budget {
        let skip = before.chars().count() - budget;
        before = format!(
            "…{}",
            before.chars().skip(skip).collect::<String>().trim_start()
        );
    }
    if after.chars().count() > budget {
        after = format!(
            "{}…",
            after.chars().take(budget).collect::<String>().trim_end()
        );
    }
    let sep_b = if before.is_empty() || sent[..rs].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let sep_a = if sent[re..].starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{}{}{}{}{}",
        before,
        if before.is_empty() { "" } else { sep_b },
        paint.highlight(&flat(&sent[rs..re])),
        sep_a,
        after
    )
    .trim()
    .to_owned()
}

fn location(doc: &Document, c: &Claim) -> String {
    let (l, col) = doc.line_col(c.span.start);
    format!("{}:{l}:{col}", doc.path)
}

/// The human report: each finding as it comes (or, for `crosscheck claims`, each claim), then
/// a summary line with the totals.
pub(super) struct Human {
    paint: Paint,
    findings: bool,
    counts: Counts,
}

impl Human {
    pub(super) fn new(opts: WriterOptions<'_>) -> Human {
        Human {
            paint: Paint { on: opts.color },
            findings: opts.findings,
            counts: Counts::default(),
        }
    }

    /// Writes every finding of a chunk.
    fn findings(&self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        let paint = &self.paint;
        for f in chunk.findings {
            let Some((x, y)) = chunk.claims_of(f) else {
                continue;
            };
            writeln!(
                out,
                "{}[{}]: {}",
                paint.severity(f.severity),
                paint.bold(&f.rule),
                paint.bold(&f.message)
            )?;
            for (mark, c) in [("┌─", x), ("├─", y)] {
                let Some(doc) = chunk.doc_of(c) else {
                    continue;
                };
                writeln!(out, "  {mark} {}", paint.dim(&location(doc, c)))?;
                writeln!(
                    out,
                    "  │  {}: {} ({})",
                    source_line(c),
                    c.aspect.replace('_', " "),
                    describe_value(c)
                )?;
                writeln!(out, "  │  {}", excerpt(doc, c, paint))?;
            }
            writeln!(
                out,
                "  └─ {}",
                paint.dim(&format!(
                    "{} · subject {} · confidence {:.2}",
                    f.kind.as_str(),
                    f.subject,
                    f.confidence
                ))
            )?;
            writeln!(out)?;
        }
        Ok(())
    }

    /// Writes every claim of a chunk with its source, one block per claim.
    fn claims(&self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        let paint = &self.paint;
        for (i, c) in chunk.claims.iter().enumerate() {
            let Some(doc) = chunk.doc_of(c) else {
                continue;
            };
            writeln!(
                out,
                "c{} {} {} · {} · {} ({})",
                chunk.claim_index(i) + 1,
                paint.dim(&location(doc, c)),
                paint.bold(&c.subject),
                c.aspect,
                describe_value(c),
                c.rule
            )?;
            writeln!(out, "   source: {}", source_line(c))?;
            writeln!(out, "   {}", excerpt(doc, c, paint))?;
        }
        Ok(())
    }
}

impl ReportWriter for Human {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        self.counts.add(chunk);
        if self.findings {
            self.findings(chunk, out)
        } else {
            self.claims(chunk, out)
        }
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let n = self.counts;
        if !self.findings {
            return writeln!(out, "{} claims in {} documents", n.claims, n.documents);
        }
        writeln!(
            out,
            "{} finding{} ({} error, {} warning, {} info) in {} document{}; {} claims",
            n.findings,
            if n.findings == 1 { "" } else { "s" },
            n.errors,
            n.warnings,
            n.infos,
            n.documents,
            if n.documents == 1 { "" } else { "s" },
            n.claims
        )
    }
}
