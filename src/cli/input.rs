//! Reading inputs: rule files and folders, documents from paths and stdin.

use crate::rules::{RuleSet, RuleText};
use crate::text::{DocKind, Document};
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Loads the rule set: built-ins (unless disabled) plus user files and folders.
pub fn load_rules(paths: &[PathBuf], builtin: bool) -> Result<RuleSet> {
    let mut texts = Vec::new();
    for p in paths {
        for file in rule_files(p)? {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading rules from {}", file.display()))?;
            texts.push(RuleText {
                path: file.display().to_string(),
                text,
            });
        }
    }
    let set = if builtin {
        RuleSet::with_builtin(&texts)
    } else {
        RuleSet::compile(&texts)
    };
    set.map_err(|e| anyhow::anyhow!("invalid rules:\n{e}"))
}

fn rule_files(p: &Path) -> Result<Vec<PathBuf>> {
    if p.is_dir() {
        let mut out = Vec::new();
        for entry in
            std::fs::read_dir(p).with_context(|| format!("reading rule folder {}", p.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                out.extend(rule_files(&path)?);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml")
                && !path.to_string_lossy().ends_with(".gold.yaml")
            {
                out.push(path);
            }
        }
        out.sort();
        Ok(out)
    } else if p.exists() {
        Ok(vec![p.to_path_buf()])
    } else {
        bail!("{}: no such rule file or folder", p.display())
    }
}

/// Reads documents from paths (files, folders of `.txt`/`.md`, or `-` for stdin).
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading stdin")?;
            docs.push(Document::from_bytes("<stdin>", bytes, DocKind::Text)?);
            continue;
        }
        let mut files = Vec::new();
        collect(p, &mut files)?;
        for f in files {
            let bytes =
                std::fs::read(&f).with_context(|| format!("{}: cannot read", f.display()))?;
            let path = f.display().to_string();
            let kind = DocKind::from_path(&path);
            docs.push(Document::from_bytes(path, bytes, kind)?);
        }
    }
    Ok(docs)
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("{}: cannot read folder", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            let name = e
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            if e.is_dir() {
                collect(&e, out)?;
            } else if e
                .extension()
                .is_some_and(|x| matches!(x.to_str(), Some("txt" | "md" | "markdown")))
            {
                out.push(e);
            }
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}
