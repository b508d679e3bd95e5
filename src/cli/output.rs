//! Where reports go and what the exit code is: `--format` for stdout, `--output-file FORMAT=PATH`
//! (repeatable) for extra files written in the same run ([`Sinks`], fed document by document),
//! `--fail-on` for the exit code, and severity overrides from configuration.

use super::FailOn;
use crate::model::{Finding, Severity};
use crate::report::{self, Chunk, Format, Input, ReportWriter, WriterOptions};
use crate::rules::RuleSet;
use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// One `--output-file FORMAT=PATH`: write the report in `format` to `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Report format.
    pub format: Format,
    /// Destination file (created or truncated).
    pub path: PathBuf,
}

impl FromStr for OutputFile {
    type Err = String;

    fn from_str(s: &str) -> Result<OutputFile, String> {
        let names = || {
            Format::value_variants()
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some((format, path)) = s.split_once('=') else {
            return Err(format!(
                "expected FORMAT=PATH (such as sarif=crosscheck.sarif), got `{s}`; formats: {}",
                names()
            ));
        };
        let format = Format::from_str(format.trim(), true)
            .map_err(|_| format!("unknown format `{format}` in `{s}`; formats: {}", names()))?;
        if path.is_empty() {
            return Err(format!("no path after `=` in `{s}`"));
        }
        Ok(OutputFile {
            format,
            path: PathBuf::from(path),
        })
    }
}

/// The lowest severity that fails the run, or `None` for `--fail-on never`.
pub(crate) fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// Exit code for a run: 1 if any finding is at or above `threshold`, else 0. The format plays no
/// part: every format exits the same way.
pub fn exit_code(findings: &[Finding], threshold: Option<Severity>) -> u8 {
    u8::from(threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t)))
}

/// Sets the severity of every finding whose rule id is a key of `overrides`; returns how many
/// findings changed. Call it before rendering and before [`exit_code`].
pub fn apply_severity_overrides(
    findings: &mut [Finding],
    overrides: &BTreeMap<String, Severity>,
) -> usize {
    let mut changed = 0;
    for f in findings {
        if let Some(&s) = overrides.get(&f.rule)
            && f.severity != s
        {
            f.severity = s;
            changed += 1;
        }
    }
    changed
}

/// Sets the severity of the contradiction rules named in `overrides` (so SARIF's
/// `defaultConfiguration.level` and the findings agree with the configuration); returns the
/// override ids that name no contradiction rule, sorted, for the caller to report.
pub fn apply_severity_overrides_to_rules(
    rules: &mut RuleSet,
    overrides: &BTreeMap<String, Severity>,
) -> Vec<String> {
    for r in &mut rules.contradictions {
        if let Some(&s) = overrides.get(&r.id) {
            r.severity = s;
        }
    }
    overrides
        .keys()
        .filter(|id| !rules.contradictions.iter().any(|r| &r.id == *id))
        .cloned()
        .collect()
}

/// Whether two paths name the same file (by canonical path when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Writes every `--output-file` (never in colour, never over an input document), then the report
/// in `format` to `out`, from a whole analysis.
pub fn write_reports(
    input: Input<'_>,
    format: Format,
    files: &[OutputFile],
    out: &mut dyn Write,
) -> Result<()> {
    let opts = WriterOptions {
        rules: input.rules,
        findings: input.findings,
        color: input.color,
    };
    let is_input = |p: &Path| input.docs.iter().any(|d| same_file(Path::new(&d.path), p));
    let mut sinks = Sinks::open(format, files, &is_input, opts, out)?;
    sinks.chunk(&Chunk::whole(&input))?;
    sinks.finish()
}

/// One `--output-file` being written.
struct FileSink<'a> {
    file: OutputFile,
    writer: Box<dyn ReportWriter + 'a>,
    out: BufWriter<File>,
}

impl FileSink<'_> {
    fn context(&self) -> String {
        format!(
            "cannot write the {} report to {}",
            self.file.format.name(),
            self.file.path.display()
        )
    }
}

/// Every report of a run, written as the analysis goes: the `--output-file`s and `--format` on
/// stdout, each fed the same chunks. A failure to write stdout (a closed pipe: `| head`) does not
/// stop the files: stdout is then left alone, the files are finished, and the error is returned
/// at the end; with no file to write, the run stops at once.
pub struct Sinks<'a> {
    files: Vec<FileSink<'a>>,
    writer: Box<dyn ReportWriter + 'a>,
    out: &'a mut dyn Write,
    /// The first error writing `out`.
    out_error: Option<std::io::Error>,
}

impl<'a> Sinks<'a> {
    /// Checks the `--output-file`s (each path once, none an input: `is_input` says which paths
    /// are), creates them and begins every report.
    pub fn open(
        format: Format,
        files: &[OutputFile],
        is_input: &dyn Fn(&Path) -> bool,
        opts: WriterOptions<'a>,
        out: &'a mut dyn Write,
    ) -> Result<Sinks<'a>> {
        for (i, file) in files.iter().enumerate() {
            if files[..i].iter().any(|f| same_file(&f.path, &file.path)) {
                bail!("--output-file names {} more than once", file.path.display());
            }
            if is_input(&file.path) {
                bail!(
                    "--output-file {} is an input document; crosscheck never writes its inputs",
                    file.path.display()
                );
            }
        }
        let mut sinks = Vec::new();
        for file in files {
            let plain = WriterOptions {
                color: false,
                ..opts
            };
            let mut sink = FileSink {
                file: file.clone(),
                writer: report::writer(file.format, plain),
                out: BufWriter::new(File::create(&file.path).with_context(|| {
                    format!(
                        "cannot write the {} report to {}",
                        file.format.name(),
                        file.path.display()
                    )
                })?),
            };
            sink.writer
                .begin(&mut sink.out)
                .with_context(|| sink.context())?;
            sinks.push(sink);
        }
        let mut this = Sinks {
            files: sinks,
            writer: report::writer(format, opts),
            out,
            out_error: None,
        };
        let r = this.writer.begin(this.out);
        this.stdout_result(r)?;
        Ok(this)
    }

    /// Keeps the first error writing stdout; fails at once if there is no file to finish.
    fn stdout_result(&mut self, r: std::io::Result<()>) -> Result<()> {
        if let Err(e) = r {
            if self.files.is_empty() {
                return Err(e.into());
            }
            self.out_error = Some(e);
        }
        Ok(())
    }

    /// Writes one chunk to every report.
    pub fn chunk(&mut self, chunk: &Chunk<'_>) -> Result<()> {
        for sink in &mut self.files {
            sink.writer
                .chunk(chunk, &mut sink.out)
                .with_context(|| sink.context())?;
        }
        if self.out_error.is_none() {
            let r = self.writer.chunk(chunk, self.out);
            self.stdout_result(r)?;
        }
        Ok(())
    }

    /// Finishes every report: the files first, then stdout.
    pub fn finish(mut self) -> Result<()> {
        for sink in &mut self.files {
            sink.writer
                .finish(&mut sink.out)
                .and_then(|()| sink.out.flush())
                .with_context(|| sink.context())?;
        }
        if let Some(e) = self.out_error {
            return Err(e.into());
        }
        self.writer.finish(self.out)?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FindingKind;

    fn finding(rule: &str, severity: Severity) -> Finding {
        Finding {
            rule: rule.to_owned(),
            kind: FindingKind::Negation,
            severity,
            confidence: 0.5,
            subject: "s".to_owned(),
            aspect: "a".to_owned(),
            claims: [0, 1],
            message: "m".to_owned(),
        }
    }

    #[test]
    fn parses_output_files() {
        let f: OutputFile = "SARIF=out/x.sarif"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.format, Format::Sarif);
        assert_eq!(f.path, PathBuf::from("out/x.sarif"));
        assert!("sarif".parse::<OutputFile>().is_err());
        assert!("xml=a".parse::<OutputFile>().is_err());
        assert!("json=".parse::<OutputFile>().is_err());
    }

    #[test]
    fn exit_policy() {
        let fs = vec![finding("a", Severity::Warning)];
        assert_eq!(exit_code(&fs, threshold(FailOn::Info)), 1);
        assert_eq!(exit_code(&fs, threshold(FailOn::Warning)), 1);
        assert_eq!(exit_code(&fs, threshold(FailOn::Error)), 0);
        assert_eq!(exit_code(&fs, threshold(FailOn::Never)), 0);
        assert_eq!(exit_code(&[], threshold(FailOn::Info)), 0);
    }

    #[test]
    fn overrides_change_severity_and_exit() {
        let mut fs = vec![
            finding("a", Severity::Warning),
            finding("b", Severity::Warning),
        ];
        let overrides = BTreeMap::from([("a".to_owned(), Severity::Error)]);
        assert_eq!(apply_severity_overrides(&mut fs, &overrides), 1);
        assert_eq!(fs[0].severity, Severity::Error);
        assert_eq!(fs[1].severity, Severity::Warning);
        assert_eq!(exit_code(&fs, threshold(FailOn::Error)), 1);
    }

    #[test]
    fn rule_overrides_report_unknown_ids() {
        let Ok(mut rules) = RuleSet::builtin() else {
            panic!("built-in rules compile");
        };
        let Some(id) = rules.contradictions.first().map(|r| r.id.clone()) else {
            panic!("built-in rules have contradiction rules");
        };
        let overrides = BTreeMap::from([
            (id.clone(), Severity::Info),
            ("no-such-rule".to_owned(), Severity::Error),
        ]);
        let unknown = apply_severity_overrides_to_rules(&mut rules, &overrides);
        assert_eq!(unknown, vec!["no-such-rule".to_owned()]);
        assert!(
            rules
                .contradictions
                .iter()
                .filter(|r| r.id == id)
                .all(|r| r.severity == Severity::Info)
        );
    }
}
