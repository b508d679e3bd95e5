//! `crosscheck test [DIR…]`: run the inline examples of the rules defined in each folder (loaded
//! after the built-ins), then compare every article fixture's claims and findings with its
//! snapshot.
//!
//! * A changed snapshot prints a unified diff, is written as pending (`.snap.yaml.new`, unless
//!   `CI` is set) and fails the run (exit 1).
//! * A missing snapshot is written as pending and reported; with `CI` set it fails the run instead.
//! * `--update` accepts every change; `--review` shows each diff and asks accept / reject / skip
//!   on the terminal (`--yes` accepts all without asking, for use without a terminal).
//! * Examples marked `known_gap: true` that fail are reported as known gaps and do not fail the
//!   run; one that passes is reported so that the mark can be removed.

use super::{ColorChoice, use_color};
use crate::authoring::review::{self, Decision};
use crate::authoring::snapshot;
use crate::authoring::suite::{self, ExampleReport, Fixture};
use anyhow::{Context, Result, bail};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Folders holding rule files and article fixtures (`.txt`, `.md`) with their snapshots
    /// (`<name>.snap.yaml`); searched recursively. Default: the working folder.
    #[arg(value_name = "DIR")]
    dirs: Vec<PathBuf>,
    /// Do not load the built-in rules (whatever the folder's crosscheck.yaml says).
    #[arg(long)]
    no_builtin: bool,
    /// Accept every changed and new snapshot: write `<name>.snap.yaml`, remove the pending
    /// `<name>.snap.yaml.new`.
    #[arg(long, conflicts_with = "review")]
    update: bool,
    /// Show the diff of each changed or new snapshot and ask: accept, reject or skip. Needs a
    /// terminal on stdin (or --yes).
    #[arg(long)]
    review: bool,
    /// With --review: accept every change after showing its diff, without asking.
    #[arg(long, requires = "review")]
    yes: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

/// A snapshot that differs from the current output, waiting for a decision.
struct Change {
    fixture: Fixture,
    /// The accepted snapshot, if there is one.
    old: Option<String>,
    /// The current output.
    new: String,
}

/// Counts over every folder.
#[derive(Default)]
struct Totals {
    examples: usize,
    examples_failed: usize,
    known_gaps: usize,
    fixed_gaps: usize,
    fixtures: usize,
    unchanged: usize,
    changed: usize,
    new: usize,
    accepted: usize,
    /// Snapshot problems that fail the run (changed and not accepted, or missing in CI).
    failing: usize,
}

/// Whether the `CI` environment variable asks for CI behaviour (set, not empty, `0` or `false`).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// Runs `crosscheck test`; returns the exit code.
pub(crate) fn run(args: &TestArgs, out: &mut dyn Write) -> Result<u8> {
    if args.review && !args.yes && !std::io::stdin().is_terminal() {
        bail!(
            "--review asks about each snapshot on the terminal, but stdin is not a terminal; \
             run it in a terminal, add --yes to accept every change after showing its diff, \
             or use --update"
        );
    }
    let color = use_color(args.color);
    let ci = in_ci();
    let dirs = if args.dirs.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.dirs.clone()
    };
    let mut totals = Totals::default();
    let mut changes = Vec::new();
    for dir in &dirs {
        let suite = suite::discover(dir)?;
        let loaded = suite.load(args.no_builtin)?;
        writeln!(
            out,
            "{}: {} rule file{}{}, {} fixture{}",
            dir.display(),
            suite.rule_files.len(),
            if suite.rule_files.len() == 1 { "" } else { "s" },
            if loaded.settings.builtin.value {
                " (+ built-in rules)"
            } else {
                ""
            },
            suite.fixtures.len(),
            if suite.fixtures.len() == 1 { "" } else { "s" },
        )?;
        let files: Vec<String> = suite
            .rule_files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let report = suite::run_examples(&loaded.rules, Some(&files));
        write_examples(&report, color, out)?;
        totals.examples += report.run;
        totals.examples_failed += report.failures.len();
        totals.known_gaps += report.known_gaps.len();
        totals.fixed_gaps += report.fixed_gaps.len();
        for fixture in &suite.fixtures {
            totals.fixtures += 1;
            let new = loaded.snapshot(fixture)?;
            let old = read_optional(&fixture.snapshot)?;
            if old.as_deref().is_some_and(|o| snapshot::same(o, &new)) {
                totals.unchanged += 1;
                remove_if_present(&fixture.pending)?;
                continue;
            }
            let change = Change {
                fixture: fixture.clone(),
                old,
                new,
            };
            if change.old.is_some() {
                totals.changed += 1;
            } else {
                totals.new += 1;
            }
            if args.update {
                accept(&change)?;
                totals.accepted += 1;
                let verb = if change.old.is_some() {
                    "updated"
                } else {
                    "created"
                };
                writeln!(out, "  {verb} {}", change.fixture.snapshot.display())?;
            } else if args.review {
                changes.push(change);
            } else {
                report_change(&change, ci, color, &mut totals, out)?;
            }
        }
    }
    if !changes.is_empty() {
        review_changes(&changes, args.yes, color, &mut totals, out)?;
    }
    write_summary(&totals, &dirs, args, color, out)?;
    out.flush()?;
    let failed = totals.examples_failed > 0 || totals.failing > 0;
    Ok(u8::from(failed))
}

fn paint(color: bool, code: &str, s: &str) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

fn write_examples(report: &ExampleReport, color: bool, out: &mut dyn Write) -> Result<()> {
    for f in &report.failures {
        writeln!(out, "{} {f}", paint(color, "1;31", "FAILED"))?;
    }
    for f in &report.known_gaps {
        writeln!(out, "{} {f}", paint(color, "33", "known gap"))?;
    }
    for g in &report.fixed_gaps {
        writeln!(
            out,
            "{} {}: rule `{}`\n  text:     {:?}\n  this example passes now: remove its `known_gap: true`",
            paint(color, "1;32", "known gap fixed"),
            g.file,
            g.rule,
            g.text
        )?;
    }
    Ok(())
}

/// Reports a changed or missing snapshot in the default (check) mode.
fn report_change(
    change: &Change,
    ci: bool,
    color: bool,
    totals: &mut Totals,
    out: &mut dyn Write,
) -> Result<()> {
    let f = &change.fixture;
    match &change.old {
        Some(old) => {
            writeln!(
                out,
                "{} {}: the claims and findings differ from {}",
                paint(color, "1;31", "CHANGED"),
                f.path.display(),
                f.snapshot.display()
            )?;
            let shown = snapshot::diff(
                old,
                &change.new,
                &f.snapshot.display().to_string(),
                &format!("{} (current output)", f.path.display()),
                color,
            );
            write!(out, "{}", indent(&shown))?;
            totals.failing += 1;
            if !ci {
                write_file(&f.pending, &change.new)?;
            }
        }
        None if ci => {
            writeln!(
                out,
                "{} {}: no snapshot {} (CI is set, so none is written; run `crosscheck test --update` locally and commit it)",
                paint(color, "1;31", "MISSING"),
                f.path.display(),
                f.snapshot.display()
            )?;
            totals.failing += 1;
        }
        None => {
            write_file(&f.pending, &change.new)?;
            writeln!(
                out,
                "{} {}: no snapshot yet; wrote the pending {}",
                paint(color, "33", "NEW"),
                f.path.display(),
                f.pending.display()
            )?;
        }
    }
    Ok(())
}

/// Shows each change and asks (or, with `yes`, accepts it).
fn review_changes(
    changes: &[Change],
    yes: bool,
    color: bool,
    totals: &mut Totals,
    out: &mut dyn Write,
) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut answering = true;
    for (i, change) in changes.iter().enumerate() {
        let f = &change.fixture;
        let what = if change.old.is_some() {
            "changed"
        } else {
            "new"
        };
        writeln!(
            out,
            "\n[{}/{}] {} snapshot of {}",
            i + 1,
            changes.len(),
            what,
            f.path.display()
        )?;
        let empty = String::new();
        let shown = snapshot::diff(
            change.old.as_ref().unwrap_or(&empty),
            &change.new,
            &f.snapshot.display().to_string(),
            &format!("{} (current output)", f.path.display()),
            color,
        );
        write!(out, "{}", indent(&shown))?;
        let decision = if yes {
            writeln!(out, "accepted (--yes)")?;
            Decision::Accept
        } else if answering {
            match review::ask(
                &mut input,
                out,
                &format!("{what} snapshot of {}:", f.path.display()),
            )? {
                Some(d) => d,
                None => {
                    // End of input: leave this and the remaining changes pending.
                    answering = false;
                    Decision::Skip
                }
            }
        } else {
            Decision::Skip
        };
        match decision {
            Decision::Accept => {
                accept(change)?;
                totals.accepted += 1;
                writeln!(out, "  accepted: wrote {}", f.snapshot.display())?;
            }
            Decision::Reject => {
                remove_if_present(&f.pending)?;
                if change.old.is_some() {
                    totals.failing += 1;
                    writeln!(
                        out,
                        "  rejected: {} is kept, so this fixture still fails",
                        f.snapshot.display()
                    )?;
                } else {
                    writeln!(out, "  rejected: no snapshot written")?;
                }
            }
            Decision::Skip => {
                write_file(&f.pending, &change.new)?;
                if change.old.is_some() {
                    totals.failing += 1;
                }
                writeln!(out, "  skipped: pending in {}", f.pending.display())?;
            }
        }
    }
    Ok(())
}

fn write_summary(
    t: &Totals,
    dirs: &[PathBuf],
    args: &TestArgs,
    color: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut examples = format!(
        "{} inline example{}",
        t.examples,
        if t.examples == 1 { "" } else { "s" }
    );
    let mut notes = Vec::new();
    if t.examples_failed > 0 {
        notes.push(format!("{} failed", t.examples_failed));
    }
    if t.known_gaps > 0 {
        notes.push(format!(
            "{} known gap{}",
            t.known_gaps,
            if t.known_gaps == 1 { "" } else { "s" }
        ));
    }
    if t.fixed_gaps > 0 {
        notes.push(format!(
            "{} known gap{} fixed",
            t.fixed_gaps,
            if t.fixed_gaps == 1 { "" } else { "s" }
        ));
    }
    if !notes.is_empty() {
        examples = format!("{examples} ({})", notes.join(", "));
    }
    let mut fixtures = format!(
        "{} fixture{}: {} unchanged",
        t.fixtures,
        if t.fixtures == 1 { "" } else { "s" },
        t.unchanged
    );
    if t.changed > 0 {
        fixtures.push_str(&format!(", {} changed", t.changed));
    }
    if t.new > 0 {
        fixtures.push_str(&format!(", {} new", t.new));
    }
    if t.accepted > 0 {
        fixtures.push_str(&format!(", {} accepted", t.accepted));
    }
    let failed = t.examples_failed > 0 || t.failing > 0;
    let verdict = if failed {
        paint(color, "1;31", "FAILED")
    } else {
        paint(color, "1;32", "ok")
    };
    writeln!(out, "\n{verdict}: {examples}; {fixtures}")?;
    let open = (t.changed + t.new).saturating_sub(t.accepted);
    if open > 0 && !args.update {
        let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        writeln!(
            out,
            "review the snapshots with `crosscheck test {} --review`, or accept them all with `--update`",
            shown.join(" ")
        )?;
    }
    Ok(())
}

/// Indents every line of a diff by two spaces.
fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

/// Writes the accepted snapshot and removes the pending one.
fn accept(change: &Change) -> Result<()> {
    write_file(&change.fixture.snapshot, &change.new)?;
    remove_if_present(&change.fixture.pending)
}

fn read_optional(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading snapshot {}", path.display())),
    }
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("removing {}", path.display())),
    }
}
