//! The domain types that flow through the pipeline: claims, sources, findings and their enums.
//!
//! Extraction produces [`Claim`]s, comparison produces [`Finding`]s; renderers read both and
//! never reach back into extraction.

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A count, toll, percentage, range or trend.
    Numeric,
    /// A judgement: success or failure, threat, capability.
    Evaluative,
    /// Who is responsible for an event.
    Attribution,
    /// Whatever an attributed source says, when no pattern gives it a sharper shape; a denial
    /// can dispute it.
    Statement,
}

/// Direction of a stated trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Rising.
    Up,
    /// Falling.
    Down,
}

impl Direction {
    /// The opposite direction.
    pub fn flip(self) -> Direction {
        match self {
            Direction::Up => Direction::Down,
            Direction::Down => Direction::Up,
        }
    }
}

/// Polarity of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Success, high, able, responsible.
    Positive,
    /// Failure, low, unable, not responsible.
    Negative,
}

impl Polarity {
    /// The opposite polarity.
    pub fn flip(self) -> Polarity {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
        }
    }
}

/// The speaker's stance, from the reporting verb.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Says, claims, confirms.
    #[default]
    Assert,
    /// Denies, rejects, dismisses.
    Deny,
    /// Believes, estimates, may.
    Hedge,
}

/// How a claim's source was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// A reporting cue in the same sentence.
    Explicit,
    /// A quotation whose speaker is named in another sentence of the same quote.
    QuoteCarry,
    /// A pronoun ("he said") resolved to the last named speaker.
    Pronoun,
    /// No cue: the outlet's own voice.
    Document,
}

/// Severity of a finding.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational.
    Info,
    /// Worth an editor's look.
    #[default]
    Warning,
    /// Almost certainly a disagreement to resolve.
    Error,
}

impl Severity {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Kind of disagreement a contradiction rule detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Numeric intervals that cannot both hold.
    NumericMismatch,
    /// Opposite polarity on the same aspect.
    OppositeEvaluation,
    /// A trend on one aspect against a level on another aspect of the same axis.
    TrendVsLevel,
    /// Different agents held responsible for the same event.
    AttributionConflict,
    /// One source denies what another asserts.
    Negation,
    /// One source says that what another source reports did not happen ("have not been pushed
    /// out" against "has pushed the rebels away").
    NegatedRestatement,
    /// The article sets one source's account against another's ("The government says … But the
    /// rebels say …").
    Contrast,
}

impl FindingKind {
    /// Snake-case name, as in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::NumericMismatch => "numeric_mismatch",
            FindingKind::OppositeEvaluation => "opposite_evaluation",
            FindingKind::TrendVsLevel => "trend_vs_level",
            FindingKind::AttributionConflict => "attribution_conflict",
            FindingKind::Negation => "negation",
            FindingKind::NegatedRestatement => "negated_restatement",
            FindingKind::Contrast => "contrast",
        }
    }

    /// Whether claims are paired by searching the document around one of them (a denial, a
    /// negated statement) rather than inside groups of one subject and axis.
    pub fn searches(self) -> bool {
        matches!(
            self,
            FindingKind::Negation | FindingKind::NegatedRestatement | FindingKind::Contrast
        )
    }
}

/// A numeric value as an interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// Lower bound; `None` is unbounded.
    pub low: Option<f64>,
    /// Upper bound; `None` is unbounded.
    pub high: Option<f64>,
    /// Normalised unit (`percent`, `person`), if any.
    pub unit: Option<String>,
    /// How the number was stated.
    pub bound: crate::quantity::Bound,
}

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Canonical speaker name ("Mohammad Yaqoob Mujahid", "U.N. report"), or the document path.
    pub name: String,
    /// Role from an apposition ("Taliban's defense minister"), if any.
    pub role: Option<String>,
    /// The reporting cue ("said", "according to"), if any.
    pub cue: Option<String>,
    /// How the source was found.
    pub via: Via,
    /// Stance of the reporting verb.
    pub stance: Stance,
    /// The fullest mention of the same speaker in the document ("Imatong State Governor Alberio
    /// Oromo" for "the governor", "Zimbabwe Congress of Trade Unions" for "ZCTU"), when it names
    /// the speaker differently; set by [`crate::entities::resolve`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// Span of the source mention in the document, if any.
    #[serde(skip)]
    pub span: Option<Span>,
    /// Span of the cue in the document, if any.
    #[serde(skip)]
    pub cue_span: Option<Span>,
}

impl Claim {
    /// Where the claim starts in its sentence's text ([`Claim::context`]), in bytes.
    pub fn offset(&self) -> usize {
        self.span.start.saturating_sub(self.sentence.start)
    }
}

impl Source {
    /// A key under which two mentions of the same speaker compare equal.
    pub fn key(&self) -> String {
        source_key(&self.name)
    }

    /// The key of the speaker this mention resolves to in its document: equal for every
    /// mention of one speaker ("the spokesman", "Spokesman Bryan Hilferty").
    pub fn resolved_key(&self) -> String {
        source_key(self.resolved.as_deref().unwrap_or(&self.name))
    }
}

/// Normalises a speaker name so that "Mohtaat", "Homayoun Mohtaat" and "Mohtaat's" agree, and
/// "a U.N. report", "the U.N." and "the United Nations" agree.
pub fn source_key(name: &str) -> String {
    let lower = name.to_lowercase().replace(['’', '\''], "'");
    let lower = lower.trim_end_matches("'s").trim();
    let lower = lower
        .replace("united nations", "u.n.")
        .replace("the un ", "u.n. ")
        .replace(" un ", " u.n. ");
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "a" | "an"
                    | "the"
                    | "report"
                    | "reports"
                    | "statement"
                    | "officials"
                    | "official"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
            )
        })
        .collect();
    let all_words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = all_words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let last = words.last().copied().unwrap_or("");
    let institution = matches!(
        last,
        "ministry"
            | "army"
            | "police"
            | "headquarters"
            | "watch"
            | "agency"
            | "office"
            | "department"
            | "council"
            | "commission"
            | "committee"
            | "government"
            | "forces"
            | "command"
            | "organization"
            | "nations"
            | "union"
            | "institute"
            | "service"
            | "news"
            | "times"
            | "post"
            | "group"
            | "movement"
            | "party"
            | "observatory"
            | "military"
            | "court"
            | "bank"
            | "fund"
            | "authority"
            | "authorities"
            | "media"
    );
    // A person's name ("Homayoun Mohtaat", "Maj. Gen. Saeed Aleem") is keyed by its surname.
    if capitalised >= 2
        && all_words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !institution
        && !last.contains('.')
    {
        return last.to_owned();
    }
    if words.is_empty() {
        // "Officials" alone: keep the word rather than an empty key.
        return lower.to_owned();
    }
    words.join(" ")
}

/// One claim extracted from a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Index of the document in the input list.
    pub doc: usize,
    /// Span of the claim text.
    pub span: Span,
    /// The claim text (the document's text at `span`).
    pub text: String,
    /// Span of the sentence it came from.
    pub sentence: Span,
    /// Index of the sentence in its document.
    pub sentence_index: usize,
    /// Paragraph index of the sentence.
    pub paragraph: usize,
    /// Canonical subject name.
    pub subject: String,
    /// Aspect id.
    pub aspect: String,
    /// Axis of the aspect.
    pub axis: String,
    /// Sign of the aspect on its axis.
    pub sign: i8,
    /// Claim kind.
    pub kind: ClaimKind,
    /// Numeric value, for numeric claims.
    pub value: Option<Value>,
    /// Trend direction, if any.
    pub direction: Option<Direction>,
    /// Evaluation polarity, if any (after negation).
    pub polarity: Option<Polarity>,
    /// Responsible agent, for attribution claims.
    pub agent: Option<String>,
    /// Whether the claim is hedged ("may", "could").
    pub hedged: bool,
    /// Why the claim's figure is not a rival to other figures, if it is not: a running total
    /// ("rose to"), or an aggregate over several events ("two attacks").
    pub qualifier: Option<String>,
    /// Places named in the claim's sentence ("in Chicago", "near Moscow"): two figures for
    /// different places are not rivals.
    pub places: Vec<String>,
    /// Index of the event segment of the document: news text starts a new event with
    /// "Separately,", "Meanwhile,", "in another attack" or a sub-heading.
    pub event: usize,
    /// Who makes the claim.
    pub source: Source,
    /// The text of the claim's sentence, for matching a denial to what it denies.
    #[serde(skip)]
    pub context: String,
    /// The rule that produced it.
    pub rule: String,
}

/// A pair of claims whose sources disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Contradiction rule id.
    pub rule: String,
    /// Kind of disagreement.
    pub kind: FindingKind,
    /// Severity.
    pub severity: Severity,
    /// Confidence, 0–1.
    pub confidence: f64,
    /// Subject both claims are about.
    pub subject: String,
    /// Aspect of the first claim.
    pub aspect: String,
    /// Indices into the claim list: the earlier claim first.
    pub claims: [usize; 2],
    /// One-line explanation.
    pub message: String,
}
