//! The run behind `check`, `claims` and `baseline write`: configuration and rules, the inputs,
//! then analysis, the configuration's rule filters, inline suppressions and the baseline,
//! handing the report over in [`Chunk`]s.
//!
//! Per document (the default) the run streams: documents are read and analysed in bounded
//! parallel batches ([`crate::map_batched`]) and each one's chunk is handed over in path order,
//! then dropped, so memory does not grow with the number of documents. With
//! `--across-documents` every document is read first and the whole run is one chunk.

use super::RuleArgs;
use super::baseline_cmd;
use super::config_cmd::{self, ConfigArgs};
use super::input::{
    InputArgs, Loaded, ReadOptions, Source, analyze_documents, collect_sources, rules_for, say,
};
use crate::baseline::Baseline;
use crate::config::Settings;
use crate::report::Chunk;
use crate::rules::RuleSet;
use crate::text::Document;
use crate::{Analysis, Batching, CompareOptions, analyze_document, map_batched, suppress};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// What a run reads from the command line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// Files, folders or `-`.
    pub(crate) paths: &'a [PathBuf],
    /// `--rules`, `--no-builtin`.
    pub(crate) rules: &'a RuleArgs,
    /// `--config`, `--no-config`, `--across-documents`.
    pub(crate) config: &'a ConfigArgs,
    /// `--stdin-filename`, `--skip-invalid`.
    pub(crate) input: &'a InputArgs,
    /// Apply suppressions and warn about unused ones (false for `claims`).
    pub(crate) findings: bool,
    /// `--baseline FILE`: drop the findings it records.
    pub(crate) baseline: Option<&'a Path>,
}

/// A run, ready to read its inputs.
#[derive(Debug)]
pub(crate) struct Pipeline {
    rules: RuleSet,
    settings: Settings,
    findings: bool,
    skip_invalid: bool,
    baseline: Option<Baseline>,
    /// A missing input or a walk error was reported.
    failed: bool,
    batching: Batching,
}

/// How a run went.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome {
    /// An input error was reported: the exit code is 2 whatever the findings.
    pub(crate) failed: bool,
}

/// One input read and analysed, with what to print about it.
enum Item {
    Doc {
        doc: Document,
        analysis: Analysis,
        /// Suppression warnings, ready to print.
        warnings: Vec<String>,
    },
    Loaded(Loaded),
}

impl Pipeline {
    /// Loads configuration, rules and the baseline, and finds the inputs (printing missing
    /// inputs and walk errors to stderr); returns the run and its inputs, sorted by path.
    pub(crate) fn open(req: Request<'_>) -> Result<(Pipeline, Vec<Source>)> {
        let cwd = std::env::current_dir().context("finding the working directory")?;
        let settings = config_cmd::settings(req.config, req.rules, &cwd)?;
        let rules = rules_for(&settings)?;
        let baseline = match req.baseline.filter(|_| req.findings) {
            Some(path) => Some(baseline_cmd::read(path)?),
            None => None,
        };
        let found = collect_sources(
            req.paths,
            &ReadOptions {
                settings: &settings,
                cwd,
                stdin_filename: req.input.stdin_filename.clone(),
                skip_invalid: req.input.skip_invalid,
            },
        );
        for e in &found.errors {
            say("error", e);
        }
        let pipeline = Pipeline {
            rules,
            settings,
            findings: req.findings,
            skip_invalid: req.input.skip_invalid,
            baseline,
            failed: !found.errors.is_empty(),
            batching: Batching::default(),
        };
        Ok((pipeline, found.sources))
    }

    /// The rule set of the run.
    pub(crate) fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Reads and analyses `sources`, printing input problems and suppression warnings to stderr
    /// in path order, and hands the report to `each`: one chunk per document, or one for the
    /// whole run with `--across-documents`. Stops at the first error of `each`.
    pub(crate) fn run(
        &self,
        sources: Vec<Source>,
        each: &mut dyn FnMut(&Chunk<'_>) -> Result<()>,
    ) -> Result<Outcome> {
        if self.settings.across_documents.value {
            return self.run_across(sources, each);
        }
        let mut failed = self.failed;
        let mut matcher = self.baseline.as_ref().map(Baseline::matcher);
        let (mut claim_base, mut finding_base) = (0, 0);
        let known = self.known();
        map_batched(
            sources,
            |s: &Source| s.size,
            self.batching,
            |s| self.analyse(s, &known),
            |item| {
                let (doc, mut analysis) = match item {
                    Item::Loaded(l) => {
                        failed |= report_loaded(l).is_err();
                        return Ok::<(), anyhow::Error>(());
                    }
                    Item::Doc {
                        doc,
                        analysis,
                        warnings,
                    } => {
                        for w in &warnings {
                            say("warning", w);
                        }
                        (doc, analysis)
                    }
                };
                let docs = std::slice::from_ref(&doc);
                if let Some(m) = matcher.as_mut() {
                    let findings = std::mem::take(&mut analysis.findings);
                    analysis.findings = m.filter(findings, &analysis.claims, docs);
                }
                each(&Chunk {
                    docs,
                    documents: &analysis.documents,
                    claims: &analysis.claims,
                    findings: &analysis.findings,
                    claim_base,
                    finding_base,
                })?;
                claim_base += analysis.claims.len();
                finding_base += analysis.findings.len();
                Ok(())
            },
        )?;
        Ok(Outcome { failed })
    }

    /// Contradiction rule ids, for suppression warnings.
    fn known(&self) -> Vec<&str> {
        self.rules
            .contradictions
            .iter()
            .map(|r| r.id.as_str())
            .collect()
    }

    /// Reads one input and analyses it on its own (on a worker thread).
    fn analyse(&self, source: Source, known: &[&str]) -> Item {
        let doc = match source.load(self.skip_invalid) {
            Loaded::Doc(doc) => doc,
            other => return Item::Loaded(other),
        };
        let opts = CompareOptions {
            across_documents: false,
        };
        let mut analysis = analyze_document(&self.rules, &doc, opts);
        let warnings = self.filter(std::slice::from_ref(&doc), &mut analysis, known);
        Item::Doc {
            doc,
            analysis,
            warnings,
        }
    }

    /// Applies the configuration's rule filters and severities, then (with findings) inline
    /// suppressions; returns the suppression warnings as `path:line: message`.
    fn filter(&self, docs: &[Document], analysis: &mut Analysis, known: &[&str]) -> Vec<String> {
        self.settings.apply_to_findings(&mut analysis.findings);
        if !self.findings {
            return Vec::new();
        }
        let findings = std::mem::take(&mut analysis.findings);
        let outcome = suppress::apply(docs, &analysis.claims, findings, known);
        analysis.findings = outcome.kept;
        outcome
            .warnings
            .iter()
            .map(|w| format!("{}:{}: {}", w.path, w.line, w.message))
            .collect()
    }

    /// `--across-documents`: every document is read (in parallel batches), then analysed
    /// together and reported as one chunk.
    fn run_across(
        &self,
        sources: Vec<Source>,
        each: &mut dyn FnMut(&Chunk<'_>) -> Result<()>,
    ) -> Result<Outcome> {
        let mut failed = self.failed;
        let mut docs = Vec::new();
        map_batched(
            sources,
            |s: &Source| s.size,
            self.batching,
            |s| s.load(self.skip_invalid),
            |l| {
                match report_loaded(l) {
                    Ok(Some(d)) => docs.push(d),
                    Ok(None) => {}
                    Err(()) => failed = true,
                }
                Ok::<(), anyhow::Error>(())
            },
        )?;
        let opts = CompareOptions {
            across_documents: true,
        };
        let mut analysis = analyze_documents(&self.rules, &docs, opts);
        for w in self.filter(&docs, &mut analysis, &self.known()) {
            say("warning", &w);
        }
        if let Some(mut m) = self.baseline.as_ref().map(Baseline::matcher) {
            let findings = std::mem::take(&mut analysis.findings);
            analysis.findings = m.filter(findings, &analysis.claims, &docs);
        }
        each(&Chunk {
            docs: &docs,
            documents: &analysis.documents,
            claims: &analysis.claims,
            findings: &analysis.findings,
            claim_base: 0,
            finding_base: 0,
        })?;
        Ok(Outcome { failed })
    }
}

/// Prints the notice or the error of an input that gave no document. Returns the document if
/// there is one, `None` for a skipped input, `Err` for an input error.
fn report_loaded(l: Loaded) -> Result<Option<Document>, ()> {
    match l {
        Loaded::Doc(d) => Ok(Some(d)),
        Loaded::Skipped(n) => {
            say("notice", &n);
            Ok(None)
        }
        Loaded::Failed(e) => {
            say("error", &e);
            Err(())
        }
    }
}
