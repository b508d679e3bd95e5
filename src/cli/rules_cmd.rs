//! `crosscheck rules validate` (every problem of some rule files at once, located, exit 2 on
//! errors) and `crosscheck rules list` (every loaded rule with its kind, aspects, severity, file
//! and description).

use super::RuleArgs;
use super::config_cmd::{self, ConfigArgs};
use super::input::rules_for;
use crate::authoring::validate::{self, Validation};
use crate::config::CONFIG_NAMES;
use crate::rules::{BUILTIN, RuleText};
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `crosscheck rules …`.
#[derive(Debug, Subcommand)]
pub(crate) enum RulesCommand {
    /// Check rule files and report every problem at once (file:line:column, what is wrong, how
    /// to fix it); exit 2 if there is an error.
    Validate(ValidateArgs),
    /// List every loaded claim and contradiction rule.
    List(ListArgs),
}

/// Output format of the `rules` commands.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RulesFormat {
    /// For people.
    Human,
    /// One JSON object.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Rule files or folders (searched recursively for `.yml`/`.yaml`). Default: the rule
    /// folders of the configuration file, or else the built-in rules themselves.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Check the files without the built-in rules (their macros and aspects are then unknown).
    #[arg(long)]
    no_builtin: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
}

/// Runs `crosscheck rules …`; returns the exit code.
pub(crate) fn run(cmd: &RulesCommand, out: &mut dyn Write) -> Result<u8> {
    match cmd {
        RulesCommand::Validate(args) => run_validate(args, out),
        RulesCommand::List(args) => run_list(args, out),
    }
}

fn run_validate(args: &ValidateArgs, out: &mut dyn Write) -> Result<u8> {
    let (texts, builtin) = validate_inputs(args)?;
    let v = validate::validate(&texts, builtin);
    match args.format {
        RulesFormat::Json => {
            let summary = serde_json::json!({
                "files": v.files.len(),
                "claim_rules": v.claim_rules,
                "contradiction_rules": v.contradiction_rules,
                "errors": v.errors(),
                "warnings": v.warnings(),
            });
            let json = serde_json::json!({
                "version": 1,
                "files": v.files,
                "diagnostics": v.diagnostics,
                "summary": summary,
            });
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        RulesFormat::Human => write_human(&v, out)?,
    }
    out.flush()?;
    Ok(if v.errors() > 0 { 2 } else { 0 })
}

fn write_human(v: &Validation, out: &mut dyn Write) -> std::io::Result<()> {
    for d in &v.diagnostics {
        writeln!(out, "{d}")?;
    }
    if !v.diagnostics.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", v.summary())
}

/// The files to validate and whether to load the built-ins first.
fn validate_inputs(args: &ValidateArgs) -> Result<(Vec<RuleText>, bool)> {
    let mut paths = args.paths.clone();
    let mut builtin = !args.no_builtin;
    if paths.is_empty() {
        let cwd = std::env::current_dir().context("finding the working directory")?;
        let rule_args = RuleArgs {
            rules: Vec::new(),
            no_builtin: args.no_builtin,
        };
        let settings = config_cmd::settings(&ConfigArgs::default(), &rule_args, &cwd)?;
        builtin = settings.builtin.value;
        paths = settings.rules.into_iter().map(|s| s.value).collect();
        if paths.is_empty() {
            // Nothing configured: check the built-in rules themselves.
            let texts = BUILTIN
                .iter()
                .map(|(name, text)| RuleText {
                    path: format!("<built-in>/{name}"),
                    text: (*text).to_owned(),
                })
                .collect();
            return Ok((texts, false));
        }
    }
    let mut texts = Vec::new();
    for p in &paths {
        for file in rule_files(p)? {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading rules from {}", file.display()))?;
            texts.push(RuleText {
                path: file.display().to_string(),
                text,
            });
        }
    }
    Ok((texts, builtin))
}

/// Rule files in a file or folder (recursively; sorted), without gold annotations, snapshots
/// and configuration files.
fn rule_files(p: &Path) -> Result<Vec<PathBuf>> {
    if p.is_file() {
        return Ok(vec![p.to_path_buf()]);
    }
    if !p.is_dir() {
        bail!("{}: no such rule file or folder", p.display());
    }
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .with_context(|| format!("reading rule folder {}", p.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("reading rule folder {}", p.display()))?;
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            out.extend(rule_files(&path)?);
        } else if (name.ends_with(".yml") || name.ends_with(".yaml"))
            && !name.ends_with(".gold.yaml")
            && !name.ends_with(".snap.yaml")
            && !CONFIG_NAMES.contains(&name.as_str())
        {
            out.push(path);
        }
    }
    Ok(out)
}

/// One row of `rules list`.
#[derive(Debug, serde::Serialize)]
struct Row {
    id: String,
    #[serde(rename = "type")]
    rule_type: &'static str,
    kind: String,
    aspects: Vec<String>,
    severity: Option<&'static str>,
    file: String,
    description: String,
}

fn run_list(args: &ListArgs, out: &mut dyn Write) -> Result<u8> {
    let cwd = std::env::current_dir().context("finding the working directory")?;
    let settings = config_cmd::settings(&ConfigArgs::default(), &args.rules, &cwd)?;
    let rules = rules_for(&settings)?;
    let wire = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let mut rows: Vec<Row> = rules
        .claims
        .iter()
        .map(|c| Row {
            id: c.id.clone(),
            rule_type: "claim",
            kind: wire(serde_json::to_value(c.kind).unwrap_or_default()),
            aspects: vec![c.aspect.clone()],
            severity: None,
            file: c.file.clone(),
            description: c.description.clone(),
        })
        .collect();
    rows.extend(rules.contradictions.iter().map(|c| Row {
        id: c.id.clone(),
        rule_type: "contradiction",
        kind: c.kind.as_str().to_owned(),
        aspects: c.aspects.clone(),
        severity: Some(c.severity.as_str()),
        file: c.file.clone(),
        description: c.description.clone(),
    }));
    match args.format {
        RulesFormat::Json => {
            let json = serde_json::json!({ "version": 1, "rules": rows });
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        RulesFormat::Human => write_table(&rows, out)?,
    }
    out.flush()?;
    Ok(0)
}

fn write_table(rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
    let header = ["ID", "KIND", "ASPECT", "SEVERITY", "FILE", "DESCRIPTION"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let aspects = if r.aspects.is_empty() {
                "(all)".to_owned()
            } else {
                r.aspects.join(",")
            };
            [
                r.id.clone(),
                r.kind.clone(),
                aspects,
                r.severity.unwrap_or("-").to_owned(),
                r.file.clone(),
                r.description.clone(),
            ]
        })
        .collect();
    let mut width = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |row: [&str; 6]| {
        let mut s = String::new();
        for (i, c) in row.iter().enumerate() {
            if i + 1 == row.len() {
                s.push_str(c);
            } else {
                let pad = width[i].saturating_sub(c.chars().count());
                s.push_str(c);
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_owned()
    };
    writeln!(out, "{}", line(header))?;
    for row in &cells {
        writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
    }
    let claims = rows.iter().filter(|r| r.rule_type == "claim").count();
    writeln!(
        out,
        "\n{claims} claim rules, {} contradiction rules",
        rows.len() - claims
    )
}
