//! crosscheck finds where the sources quoted in a text disagree with each other.
//!
//! The pipeline runs one way: documents ([`text`]) → sentences ([`text::segment`]) → claims
//! ([`extract`], using [`subject`], [`attribute`] and [`quantity`]) → findings ([`compare`]) →
//! report ([`report`]). Rules come from YAML ([`rules`]) and are compiled once. [`analyze`] is
//! pure: it does no I/O and prints nothing.

pub mod attribute;
pub mod authoring;
pub mod baseline;
pub mod cli;
pub mod compare;
pub mod config;
pub mod error;
pub mod eval;
pub mod explain;
pub mod extract;
pub mod model;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod subject;
pub mod suppress;
pub mod text;

use model::{Claim, Finding};
use rayon::prelude::*;
use rules::RuleSet;
use text::Document;

pub use compare::CompareOptions;

/// Per-document counts.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocumentSummary {
    /// Path as given.
    pub path: String,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of claims.
    pub claims: usize,
}

/// The result of a run: documents, claims and findings, in a stable order.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentSummary>,
    /// All claims, ordered by document then offset.
    pub claims: Vec<Claim>,
    /// Findings, ordered by document then offset of their first claim.
    pub findings: Vec<Finding>,
}

/// Extracts claims from every document (in parallel) and pairs the conflicting ones.
pub fn analyze(rules: &RuleSet, docs: &[Document], opts: CompareOptions) -> Analysis {
    let extractions: Vec<extract::Extraction> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| extract::extract(rules, d, i))
        .collect();
    let documents = docs
        .iter()
        .zip(&extractions)
        .map(|(d, e)| DocumentSummary {
            path: d.path.clone(),
            sentences: e.sentences.len(),
            claims: e.claims.len(),
        })
        .collect();
    let claims: Vec<Claim> = extractions.into_iter().flat_map(|e| e.claims).collect();
    let findings = compare::pair(rules, &claims, opts);
    Analysis {
        documents,
        claims,
        findings,
    }
}
