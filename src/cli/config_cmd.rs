//! Finding the configuration file and `crosscheck config show`. The working directory and its
//! parents are searched for `crosscheck.yaml` or `.crosscheck.yaml`; `--config PATH` names one and
//! `--no-config` uses none. Parsing and merging are in [`crate::config`].

use super::RuleArgs;
use super::input::rules_for;
use crate::config::{self, CONFIG_NAMES, ConfigError, Flags, Origin, Settings};
use anyhow::{Context, Result, anyhow};
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which configuration file to use, and the flags that override its keys.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct ConfigArgs {
    /// Configuration file to use instead of searching for `crosscheck.yaml` upward.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub(crate) config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    pub(crate) no_config: bool,
    /// Pair claims from different files too; a document's own voice is then its outlet (from a
    /// `Source:` header line) or its path.
    #[arg(long)]
    pub(crate) across_documents: bool,
}

/// `crosscheck config …`.
#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Print the effective configuration and where each value came from.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    config: ConfigArgs,
}

/// The nearest configuration file from `cwd` upward, as a path relative to `cwd`.
pub(crate) fn discover(cwd: &Path) -> Result<Option<PathBuf>, ConfigError> {
    let mut up = PathBuf::new();
    for dir in cwd.ancestors() {
        let found: Vec<PathBuf> = CONFIG_NAMES
            .iter()
            .filter(|n| dir.join(n).is_file())
            .map(|n| up.join(n))
            .collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(Some(one.clone())),
            [a, b, ..] => return Err(ConfigError::Ambiguous(a.clone(), b.clone())),
        }
        up.push("..");
    }
    Ok(None)
}

/// The effective settings for a run: the chosen or discovered file, then flags.
pub(crate) fn settings(args: &ConfigArgs, rules: &RuleArgs, cwd: &Path) -> Result<Settings> {
    let path = if args.no_config {
        None
    } else if let Some(p) = &args.config {
        Some(p.clone())
    } else {
        discover(cwd)?
    };
    let file = match path {
        None => None,
        Some(p) => {
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("reading configuration {}", p.display()))?;
            let parsed =
                config::parse(&p, &text).map_err(|e| anyhow!("invalid configuration:\n{e}"))?;
            Some(parsed)
        }
    };
    let flags = Flags {
        rules: rules.rules.clone(),
        no_builtin: rules.no_builtin,
        across_documents: args.across_documents,
    };
    Ok(Settings::resolve(file, &flags, cwd))
}

/// Runs `crosscheck config …`.
pub(crate) fn run(cmd: &ConfigCommand, out: &mut dyn Write) -> Result<u8> {
    match cmd {
        ConfigCommand::Show(args) => {
            let cwd = std::env::current_dir().context("finding the working directory")?;
            let settings = settings(&args.config, &args.rules, &cwd)?;
            let rules = rules_for(&settings)?;
            let searched = if args.config.no_config {
                "none (--no-config)".to_owned()
            } else {
                format!("none found from {} upward", cwd.display())
            };
            write_settings(&settings, rules.fuzzy_default, &searched, out)?;
            out.flush()?;
            Ok(0)
        }
    }
}

/// Writes the settings as YAML, each value followed by a `# origin` comment.
fn write_settings(
    s: &Settings,
    fuzzy: f64,
    no_file: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let file = s
        .file
        .as_ref()
        .map_or_else(|| no_file.to_owned(), |f| f.path.display().to_string());
    writeln!(out, "# configuration file: {file}")?;
    let mut rows: Vec<(String, String)> = Vec::new();
    if s.rules.is_empty() {
        rows.push(("rules: []".to_owned(), Origin::Default.to_string()));
    } else {
        rows.push(("rules:".to_owned(), String::new()));
        for r in &s.rules {
            rows.push((
                format!("  - {}", json(&r.value.display().to_string())),
                r.origin.to_string(),
            ));
        }
    }
    let mut row = |key: &str, value: String, origin: &Origin| {
        rows.push((format!("{key}: {value}"), origin.to_string()));
    };
    row("builtin", json(&s.builtin.value), &s.builtin.origin);
    row("include", json(&s.include.value), &s.include.origin);
    row("exclude", json(&s.exclude.value), &s.exclude.origin);
    row(
        "extensions",
        json(&s.extensions.value),
        &s.extensions.origin,
    );
    row("enable", json(&s.enable.value), &s.enable.origin);
    row("disable", json(&s.disable.value), &s.disable.origin);
    row("severity", json(&s.severity.value), &s.severity.origin);
    row("fuzzy", json(&fuzzy), &s.fuzzy.origin);
    row(
        "across_documents",
        json(&s.across_documents.value),
        &s.across_documents.origin,
    );
    let width = rows
        .iter()
        .filter(|(_, o)| !o.is_empty())
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (line, origin) in rows {
        if origin.is_empty() {
            writeln!(out, "{line}")?;
        } else {
            let pad = width.saturating_sub(line.chars().count());
            writeln!(out, "{line}{:pad$}  # {origin}", "")?;
        }
    }
    Ok(())
}

/// A value in JSON flow syntax, which is also valid YAML.
fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("<{e}>"))
}
