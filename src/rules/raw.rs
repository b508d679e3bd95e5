//! The raw rule model: plain serde structs mirroring the YAML files one to one.
//!
//! Nothing here is validated across fields; `compile` does that. The `///` comments on fields are
//! the user documentation of the rule format (the README's field reference is checked against them).

use crate::model::{ClaimKind, Direction, FindingKind, Polarity, Severity, Stance};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One rule file (or one `---`-separated document of it).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleFile {
    /// Named regex fragments; write `{name}` inside any pattern to splice one in.
    #[serde(default)]
    pub macros: BTreeMap<String, String>,
    /// Things claims can be about: groups, countries, people, events.
    #[serde(default)]
    pub subjects: Vec<RawSubject>,
    /// Generic phrases ("the group") that refer back to the nearest subject of a kind.
    #[serde(default)]
    pub references: Vec<RawReference>,
    /// Reporting verbs and phrases that attribute a statement to a source.
    #[serde(default)]
    pub cues: Vec<RawCue>,
    /// What a claim is about (`death_toll`, `threat_level`) and the axis it sits on.
    #[serde(default)]
    pub aspects: Vec<RawAspect>,
    /// Patterns that turn sentence text into claims.
    #[serde(default)]
    pub claims: Vec<RawClaimRule>,
    /// Rules that pair two claims from different sources and decide whether they disagree.
    #[serde(default)]
    pub contradictions: Vec<RawContradiction>,
    /// Words and phrases that flip the polarity of a claim that follows them.
    #[serde(default)]
    pub negations: Vec<String>,
    /// Synonyms of counted nouns (singular, lower-case) mapped to one unit, so that "troops" and
    /// "soldiers" compare: `{troop: soldier}`.
    #[serde(default)]
    pub units: BTreeMap<String, String>,
    /// Words that name the same event as their head word, so that a denial, a negated statement
    /// or a contrast meets the account it answers in other words: `{attack: [assault, raid]}`.
    /// Compared by stem, so inflections follow ("raided", "raids").
    #[serde(default)]
    pub event_words: BTreeMap<String, Vec<String>>,
}

/// A subject: a canonical name plus the ways texts write it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubject {
    /// Stable identifier, kebab-case.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Kind used to resolve generic references: `group`, `country`, `organization`, `person`, `event`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Other spellings; matched case-sensitively on word boundaries, then fuzzily.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Similarity threshold (0–1, Jaro-Winkler) for near-miss spellings; omit to use the default.
    pub fuzzy: Option<f64>,
}

fn default_kind() -> String {
    "group".to_owned()
}

/// Generic phrases that refer back to the nearest earlier subject of a kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    /// The subject kind these phrases refer to.
    pub kind: String,
    /// Lower-case phrases such as `the group`, `the militants`, `the IS affiliate`.
    pub phrases: Vec<String>,
}

/// A family of reporting verbs or phrases.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCue {
    /// Stable identifier, kebab-case.
    pub id: String,
    /// The speaker's stance: `assert`, `deny`, `hedge`.
    #[serde(default)]
    pub stance: Stance,
    /// Reporting verbs (`said`, `told`); the source is the noun phrase before or after the verb.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// When true, a verb only reports speech if followed by `that`, a quotation or a colon,
    /// or if it closes the sentence after a quotation ("claimed success" is not a speech act).
    #[serde(default)]
    pub needs_clause: bool,
    /// Phrases whose source follows them (`according to`).
    #[serde(default)]
    pub prefixes: Vec<String>,
}

/// An aspect of a subject that claims can be about.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAspect {
    /// Stable identifier, snake_case (`death_toll`).
    pub id: String,
    /// Claims on the same axis are comparable (`threat`, `effectiveness`); defaults to the id.
    pub axis: Option<String>,
    /// +1 if a rise in this aspect raises the axis, -1 if it lowers it.
    #[serde(default = "default_sign")]
    pub sign: i8,
    /// Claims of this aspect describe an event (a toll, a turnout) rather than a named subject:
    /// they are paired within a document whatever subject is mentioned near them.
    #[serde(default)]
    pub per_event: bool,
    /// One-line description.
    #[serde(default)]
    pub description: String,
}

fn default_sign() -> i8 {
    1
}

/// A claim pattern: a regex over one sentence that yields a claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimRule {
    /// Stable identifier, kebab-case.
    pub id: String,
    /// The aspect id the claim is about.
    pub aspect: String,
    /// `numeric`, `evaluative` or `attribution`.
    pub kind: ClaimKind,
    /// Regex (Rust syntax, `{macro}` allowed). Named groups: `value` (numeric), `subject`, `agent`
    /// (attribution), `source` (the claimant, when the pattern names it), `neg` (negates if matched).
    pub pattern: String,
    /// For trends: `up` or `down`.
    pub direction: Option<Direction>,
    /// For evaluations: `positive` or `negative` (before negation).
    pub polarity: Option<Polarity>,
    /// Unit for numeric claims when the text gives none (`person`, `percent`).
    pub unit: Option<String>,
    /// The claimant speaks of itself: the source is the `agent` ("Al-Shabab claimed the
    /// attack") and, for evaluations, the subject is the `source` ("The Taliban claimed success").
    #[serde(default)]
    pub self_claim: bool,
    /// One-line description.
    #[serde(default)]
    pub description: String,
    /// Sentences the rule must match, with what it must yield.
    #[serde(default)]
    pub examples: Vec<RawClaimExample>,
    /// Sentences the rule must not match.
    #[serde(default)]
    pub counterexamples: Vec<String>,
}

/// An inline test of a claim rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimExample {
    /// The sentence (or short passage) to run.
    pub text: String,
    /// What the claim must carry; omitted fields are not checked.
    #[serde(default)]
    pub expect: RawExpect,
    /// A known miss: `crosscheck test` reports its failure as a known gap without failing the
    /// run, and says so when it starts passing.
    #[serde(default)]
    pub known_gap: bool,
}

/// Expected fields of a claim produced by an example.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    /// Low bound (or the exact value).
    pub value: Option<f64>,
    /// High bound of a range.
    pub high: Option<f64>,
    /// Normalised unit.
    pub unit: Option<String>,
    /// `up` or `down`.
    pub direction: Option<Direction>,
    /// `positive` or `negative` after negation.
    pub polarity: Option<Polarity>,
    /// Canonical subject name.
    pub subject: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Responsible agent (attribution claims).
    pub agent: Option<String>,
}

/// A contradiction rule: when two claims from different sources disagree.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContradiction {
    /// Stable identifier, kebab-case.
    pub id: String,
    /// `numeric_mismatch`, `opposite_evaluation`, `trend_vs_level`, `attribution_conflict`, `negation`.
    pub kind: FindingKind,
    /// Aspects the rule applies to; empty means every aspect that fits the kind.
    #[serde(default)]
    pub aspects: Vec<String>,
    /// `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: Severity,
    /// Relative tolerance for numeric comparisons (0.1 = values within 10% agree).
    #[serde(default)]
    pub tolerance: f64,
    /// Only pair claims at most this many sentences apart; omit for the whole document.
    pub within: Option<usize>,
    /// Confidence attached to findings (0–1).
    #[serde(default = "default_confidence")]
    pub confidence: f64,
    /// One-line message; may use `{subject}`, `{aspect}`, `{a.source}`, `{a.text}`, `{b.source}`, `{b.text}`.
    pub message: String,
    /// One-line description.
    #[serde(default)]
    pub description: String,
    /// Pairs of sentences (two sources) that must be flagged.
    #[serde(default)]
    pub examples: Vec<RawPairExample>,
    /// Pairs of sentences that must not be flagged.
    #[serde(default)]
    pub counterexamples: Vec<RawPairExample>,
}

/// An inline test of a contradiction rule: a short passage holding both claims.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPairExample {
    /// The passage.
    pub text: String,
}

fn default_confidence() -> f64 {
    0.7
}
