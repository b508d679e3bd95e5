//! Rule sets: loaded from YAML, validated, compiled into matchers.
//!
//! `raw` mirrors the YAML; `load` parses it (the only YAML-aware code); `compile` checks
//! references across fields and builds the compiled [`RuleSet`] that extraction and comparison use.

mod builtin;
mod compile;
mod factors;
mod lazy;
pub mod load;
pub mod prefilter;
pub mod raw;

use crate::error::RuleErrors;
use crate::model::{ClaimKind, Direction, FindingKind, Polarity, Severity, Stance};
pub use builtin::BUILTIN;
pub use lazy::LazyRegex;
pub use load::RuleText;
pub use prefilter::ClaimPrefilter;
use regex::Regex;
use std::collections::BTreeMap;

/// A subject claims can be about.
#[derive(Debug, Clone)]
pub struct Subject {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind (`group`, `country`, ...), used by generic references.
    pub kind: String,
    /// Every spelling, the name included.
    pub aliases: Vec<String>,
    /// Similarity threshold for near-miss spellings.
    pub fuzzy: f64,
}

/// A generic phrase that refers back to the nearest subject of a kind.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Subject kind.
    pub kind: String,
    /// Lower-case phrase.
    pub phrase: String,
}

/// A reporting verb or prefix.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Id of the cue family.
    pub id: String,
    /// The verb or phrase, lower-case.
    pub word: String,
    /// Stance of the speaker.
    pub stance: Stance,
    /// Whether a verb needs a clause (`that`, a quote) to report speech.
    pub needs_clause: bool,
    /// True for prefixes such as `according to`, whose source follows.
    pub prefix: bool,
}

/// An aspect and its axis.
#[derive(Debug, Clone)]
pub struct Aspect {
    /// Id.
    pub id: String,
    /// Axis.
    pub axis: String,
    /// Sign on the axis.
    pub sign: i8,
    /// Paired per document and event rather than per subject.
    pub per_event: bool,
    /// Description.
    pub description: String,
}

/// A compiled claim pattern.
#[derive(Debug, Clone)]
pub struct ClaimRule {
    /// Id.
    pub id: String,
    /// Aspect id.
    pub aspect: String,
    /// Claim kind.
    pub kind: ClaimKind,
    /// The expanded regex, validated at load time and compiled when first used.
    pub regex: LazyRegex,
    /// Trend direction, if the rule states one.
    pub direction: Option<Direction>,
    /// Polarity before negation, if the rule states one.
    pub polarity: Option<Polarity>,
    /// Default unit.
    pub unit: Option<String>,
    /// The claimant speaks of itself (see the raw field).
    pub self_claim: bool,
    /// Description.
    pub description: String,
    /// Inline examples.
    pub examples: Vec<raw::RawClaimExample>,
    /// Inline counterexamples.
    pub counterexamples: Vec<String>,
    /// File the rule came from.
    pub file: String,
}

/// A compiled contradiction rule.
#[derive(Debug, Clone)]
pub struct ContradictionRule {
    /// Id.
    pub id: String,
    /// Kind of disagreement detected.
    pub kind: FindingKind,
    /// Aspects it applies to (empty: all).
    pub aspects: Vec<String>,
    /// Severity.
    pub severity: Severity,
    /// Relative numeric tolerance.
    pub tolerance: f64,
    /// Maximum distance in sentences.
    pub within: Option<usize>,
    /// Confidence.
    pub confidence: f64,
    /// Message template.
    pub message: String,
    /// Description.
    pub description: String,
    /// Passages that must be flagged.
    pub examples: Vec<String>,
    /// Passages that must not be flagged.
    pub counterexamples: Vec<String>,
    /// File the rule came from.
    pub file: String,
}

impl ContradictionRule {
    /// Whether the rule applies to an aspect.
    pub fn applies_to(&self, aspect: &str) -> bool {
        self.aspects.is_empty() || self.aspects.iter().any(|a| a == aspect)
    }
}

/// Compiled matchers shared by extraction.
#[derive(Debug, Clone)]
pub struct Matchers {
    /// Subject aliases, longest first; group `i` of no use — look up by matched text.
    pub aliases: Option<Regex>,
    /// Generic references.
    pub references: Option<Regex>,
    /// Reporting verbs.
    pub verbs: Option<Regex>,
    /// Prefix cues such as `according to`.
    pub prefixes: Option<Regex>,
    /// Negation words.
    pub negation: Option<Regex>,
    /// Which claim rules may match a sentence, by their required literals (`None` if it could
    /// not be built: every rule then runs).
    pub claim_set: Option<ClaimPrefilter>,
    /// Subjects by alias, and aliases by length for near-miss spellings.
    pub subjects: crate::subject::SubjectIndex,
}

/// Everything the engine knows: compiled, validated rules.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Subjects.
    pub subjects: Vec<Subject>,
    /// Generic references.
    pub references: Vec<Reference>,
    /// Cues by lower-case word.
    pub cues: BTreeMap<String, Cue>,
    /// Aspects by id.
    pub aspects: BTreeMap<String, Aspect>,
    /// Claim rules, in load order.
    pub claims: Vec<ClaimRule>,
    /// Contradiction rules, in load order.
    pub contradictions: Vec<ContradictionRule>,
    /// Negation words and phrases.
    pub negations: Vec<String>,
    /// Compiled matchers.
    pub matchers: Matchers,
    /// Default fuzzy threshold for subjects that set none.
    pub fuzzy_default: f64,
    /// Unit synonyms: counted noun → canonical unit.
    pub units: BTreeMap<String, String>,
    /// Event words by stem → the stem of their group's head (from `event_words`).
    pub event_words: BTreeMap<String, String>,
}

impl RuleSet {
    /// The canonical unit of a singular counted noun ("troop" → "soldier").
    pub fn canonical_unit(&self, unit: &str) -> String {
        self.units
            .get(unit)
            .cloned()
            .unwrap_or_else(|| unit.to_owned())
    }

    /// The word lists topic stems go through: units and event words.
    pub fn words(&self) -> crate::topic::Words<'_> {
        crate::topic::Words {
            units: Some(&self.units),
            events: Some(&self.event_words),
        }
    }

    /// The subject (index into [`RuleSet::subjects`]) one of whose aliases is exactly `alias`.
    pub fn subject_by_alias(&self, alias: &str) -> Option<usize> {
        self.matchers.subjects.by_alias(alias)
    }

    /// Compiles every claim regex not compiled yet (loading only parses and checks them; they
    /// otherwise compile when first used).
    pub fn compile_all(&self) {
        for c in &self.claims {
            c.regex.get();
        }
    }

    /// Compiles rule files, later files overriding earlier ones by id.
    pub fn compile(files: &[RuleText]) -> Result<RuleSet, RuleErrors> {
        compile::compile(files)
    }

    /// The built-in rules only.
    pub fn builtin() -> Result<RuleSet, RuleErrors> {
        compile::compile(&builtin::texts())
    }

    /// Built-in rules followed by extra files (which may override them).
    pub fn with_builtin(extra: &[RuleText]) -> Result<RuleSet, RuleErrors> {
        let mut all = builtin::texts();
        all.extend_from_slice(extra);
        compile::compile(&all)
    }
}
