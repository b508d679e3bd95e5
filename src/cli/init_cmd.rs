//! `crosscheck init [DIR]`: scaffold a configuration file, a rule file with one commented claim
//! rule and contradiction rule, a sample fixture and its snapshot — computed by the same code as
//! `crosscheck test`, so that `crosscheck test DIR` passes at once. Existing files are never
//! overwritten: if any of them exists, nothing is written and the exit code is 2.

use crate::authoring::init;
use crate::authoring::suite::{self, shown};
use anyhow::{Context, Result, bail};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Folder to scaffold (created if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
}

/// Runs `crosscheck init`; returns the exit code.
pub(crate) fn run(args: &InitArgs, out: &mut dyn Write) -> Result<u8> {
    let dir = &args.dir;
    let existing: Vec<String> = init::paths()
        .iter()
        .map(|p| shown(dir, Path::new(p)))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        bail!(
            "crosscheck init does not overwrite files, and these exist: {}; nothing was written",
            existing.join(", ")
        );
    }
    for (rel, text) in init::files() {
        let path = shown(dir, Path::new(rel));
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    // The snapshot comes from the test logic itself, with every rule file the folder holds.
    let suite = suite::discover(dir)?;
    let loaded = suite
        .load(false)
        .context("the scaffold was written, but the folder's rules do not load")?;
    let fixture = suite::fixture(dir, Path::new(init::FIXTURE_PATH));
    let snapshot = loaded.snapshot(&fixture)?;
    std::fs::write(&fixture.snapshot, snapshot)
        .with_context(|| format!("writing {}", fixture.snapshot.display()))?;
    for p in init::paths() {
        writeln!(out, "created {}", shown(dir, Path::new(p)).display())?;
    }
    let d = dir.display();
    writeln!(
        out,
        "\nnext:\n  crosscheck rules validate {rules}\n  crosscheck test {d}\n  crosscheck explain {fixture} --line 5 --rules {rules}",
        rules = shown(dir, Path::new("rules")).display(),
        fixture = fixture.path.display(),
    )?;
    out.flush()?;
    Ok(0)
}
