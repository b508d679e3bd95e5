//! `crosscheck explain`: the pipeline's trace for some lines of a document — segmentation,
//! subject mentions, attributions, every rule match and what became of it, and for each
//! candidate pair why it was or was not flagged.

use crate::compare::{self, CompareOptions, Verdict};
use crate::extract::{self, Attempt};
use crate::model::{Claim, ClaimKind, FindingKind};
use crate::rules::RuleSet;
use crate::subject::MatchHow;
use crate::text::Document;
use serde::Serialize;
use std::io::{self, Write};

/// A mention of a subject in a sentence.
#[derive(Debug, Serialize)]
pub struct MentionTrace {
    /// The text.
    pub text: String,
    /// The subject it resolved to, if any.
    pub subject: Option<String>,
    /// `alias`, `fuzzy (0.91 to "IS-Khorasan")` or `reference`.
    pub how: String,
}

/// An attribution found in a sentence.
#[derive(Debug, Serialize)]
pub struct AttributionTrace {
    /// Speaker.
    pub source: String,
    /// Role, if any.
    pub role: Option<String>,
    /// Cue word.
    pub cue: Option<String>,
    /// `explicit`, `quote_carry`, `pronoun`.
    pub via: String,
    /// The reported content.
    pub content: String,
}

/// A claim in the traced lines.
#[derive(Debug, Serialize)]
pub struct ClaimTrace {
    /// Claim id in the document (`c1`, …).
    pub id: String,
    /// Text.
    pub text: String,
    /// Subject.
    pub subject: String,
    /// Aspect.
    pub aspect: String,
    /// Value, polarity, direction or agent in words.
    pub value: String,
    /// Source name and how it was found.
    pub source: String,
    /// Rule id.
    pub rule: String,
    /// Why its figure is not compared, if so.
    pub qualifier: Option<String>,
    /// Hedged.
    pub hedged: bool,
}

/// One sentence's trace.
#[derive(Debug, Serialize)]
pub struct SentenceTrace {
    /// Sentence index.
    pub index: usize,
    /// 1-based line and column of its start.
    pub line: usize,
    /// Column.
    pub column: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Starts inside a quotation.
    pub in_quote: bool,
    /// The text.
    pub text: String,
    /// Subject mentions.
    pub mentions: Vec<MentionTrace>,
    /// Attributions.
    pub attributions: Vec<AttributionTrace>,
    /// Rule matches and outcomes.
    pub attempts: Vec<Attempt>,
    /// Claims.
    pub claims: Vec<ClaimTrace>,
}

/// A candidate pair and the verdict of one rule.
#[derive(Debug, Serialize)]
pub struct PairTrace {
    /// First claim id.
    pub a: String,
    /// Second claim id.
    pub b: String,
    /// Contradiction rule id.
    pub rule: String,
    /// `flagged`, or why not.
    pub verdict: String,
}

/// The trace of a line range.
#[derive(Debug, Serialize)]
pub struct Explanation {
    /// Document path.
    pub path: String,
    /// Lines traced (inclusive).
    pub lines: (usize, usize),
    /// Sentences that touch those lines.
    pub sentences: Vec<SentenceTrace>,
    /// Candidate pairs involving a claim in those lines.
    pub pairs: Vec<PairTrace>,
}

fn claim_trace(i: usize, c: &Claim, doc: &Document) -> ClaimTrace {
    ClaimTrace {
        id: format!("c{}", i + 1),
        text: doc.slice(c.span).to_owned(),
        subject: c.subject.clone(),
        aspect: c.aspect.clone(),
        value: compare::describe_value(c),
        source: format!(
            "{} (via {})",
            c.source.name,
            format!("{:?}", c.source.via).to_lowercase()
        ),
        rule: c.rule.clone(),
        qualifier: c.qualifier.clone(),
        hedged: c.hedged,
    }
}

/// Traces the sentences of `doc` that touch lines `first..=last`.
pub fn explain(rules: &RuleSet, doc: &Document, first: usize, last: usize) -> Explanation {
    let ex = extract::extract_traced(rules, doc, 0);
    let in_range = |start: usize, end: usize| {
        let (l0, _) = doc.line_col(start);
        let (l1, _) = doc.line_col(end);
        l0 <= last && l1 >= first
    };
    let mut sentences = Vec::new();
    for (i, s) in ex.sentences.iter().enumerate() {
        if !in_range(s.span.start, s.span.end) {
            continue;
        }
        let (line, column) = doc.line_col(s.span.start);
        let mentions = ex.mentions[i]
            .iter()
            .map(|m| MentionTrace {
                text: doc.slice(m.span).to_owned(),
                subject: m.subject.map(|k| rules.subjects[k].name.clone()),
                how: match &m.how {
                    MatchHow::Alias(_) => "alias".to_owned(),
                    MatchHow::Fuzzy(a, score) => format!("fuzzy ({score:.2} to \"{a}\")"),
                    MatchHow::Reference(_) => "generic reference".to_owned(),
                },
            })
            .collect();
        let attributions = ex.attributions[i]
            .iter()
            .map(|a| AttributionTrace {
                source: a.source.name.clone(),
                role: a.source.role.clone(),
                cue: a.source.cue.clone(),
                via: format!("{:?}", a.source.via).to_lowercase(),
                content: doc
                    .text
                    .get(a.content.start..a.content.end)
                    .unwrap_or("")
                    .trim()
                    .to_owned(),
            })
            .collect();
        let claims = ex
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.sentence_index == i)
            .map(|(k, c)| claim_trace(k, c, doc))
            .collect();
        sentences.push(SentenceTrace {
            index: i,
            line,
            column,
            paragraph: s.paragraph,
            in_quote: s.in_quote,
            text: doc.slice(s.span).to_owned(),
            mentions,
            attributions,
            attempts: ex
                .attempts
                .iter()
                .filter(|a| a.sentence == i)
                .cloned()
                .collect(),
            claims,
        });
    }
    let findings = compare::pair(rules, &ex.claims, CompareOptions::default());
    let mut pairs = Vec::new();
    for (i, a) in ex.claims.iter().enumerate() {
        for (j, b) in ex.claims.iter().enumerate().skip(i + 1) {
            let touches = in_range(a.span.start, a.span.end) || in_range(b.span.start, b.span.end);
            // Statements are paired only by the search kinds, traced below.
            let comparable = a.axis == b.axis && a.kind != ClaimKind::Statement
                || a.kind == ClaimKind::Attribution && b.kind == ClaimKind::Attribution;
            if !touches || !comparable {
                continue;
            }
            for rule in rules.contradictions.iter().filter(|r| !r.kind.searches()) {
                let flagged = findings
                    .iter()
                    .any(|f| f.claims == [i, j] && f.rule == rule.id);
                let verdict = if flagged {
                    "flagged".to_owned()
                } else {
                    match compare::judge(rule, a, b) {
                        Verdict::Conflict => "not flagged: the pair was already flagged by an earlier rule, or its subjects differ".to_owned(),
                        Verdict::Consistent(why) if why.contains("does not apply") => continue,
                        Verdict::Consistent(why) => format!("not flagged: {why}"),
                    }
                };
                pairs.push(PairTrace {
                    a: format!("c{}", i + 1),
                    b: format!("c{}", j + 1),
                    rule: rule.id.clone(),
                    verdict,
                });
            }
        }
    }
    for f in &findings {
        if f.kind.searches() {
            let (a, b) = (&ex.claims[f.claims[0]], &ex.claims[f.claims[1]]);
            if in_range(a.span.start, a.span.end) || in_range(b.span.start, b.span.end) {
                let how = match f.kind {
                    FindingKind::NegatedRestatement => {
                        "a negated statement pairs with the nearest account of the predicate it negates"
                    }
                    FindingKind::Contrast => {
                        "the article sets the statement against the account before it"
                    }
                    _ => "a denial pairs with the nearest claim of another source",
                };
                pairs.push(PairTrace {
                    a: format!("c{}", f.claims[0] + 1),
                    b: format!("c{}", f.claims[1] + 1),
                    rule: f.rule.clone(),
                    verdict: format!("flagged ({how})"),
                });
            }
        }
    }
    Explanation {
        path: doc.path.clone(),
        lines: (first, last),
        sentences,
        pairs,
    }
}

/// Writes the trace for a person.
pub fn write_human(e: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} lines {}–{}", e.path, e.lines.0, e.lines.1)?;
    for s in &e.sentences {
        writeln!(
            out,
            "\nsentence {} at {}:{} (paragraph {}{})",
            s.index + 1,
            s.line,
            s.column,
            s.paragraph + 1,
            if s.in_quote {
                ", inside a quotation"
            } else {
                ""
            }
        )?;
        writeln!(
            out,
            "  │ {}",
            s.text.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
        for m in &s.mentions {
            writeln!(
                out,
                "  subject  “{}” → {} ({})",
                m.text,
                m.subject.as_deref().unwrap_or("unresolved"),
                m.how
            )?;
        }
        if s.attributions.is_empty() {
            writeln!(
                out,
                "  source   none in this sentence: claims here are in the document's own voice"
            )?;
        }
        for a in &s.attributions {
            let role = a
                .role
                .as_deref()
                .map_or(String::new(), |r| format!(" ({r})"));
            writeln!(
                out,
                "  source   {}{} via {} “{}” → content “{}”",
                a.source,
                role,
                a.via,
                a.cue.as_deref().unwrap_or("-"),
                a.content
            )?;
        }
        if s.attempts.is_empty() {
            writeln!(out, "  rules    no claim rule matched")?;
        }
        for a in &s.attempts {
            let caps = a
                .captures
                .iter()
                .map(|(k, v)| format!("{k}=“{v}”"))
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(
                out,
                "  rule     {} matched “{}” {} → {}",
                a.rule, a.matched, caps, a.outcome
            )?;
        }
        for c in &s.claims {
            writeln!(
                out,
                "  claim    {} “{}”: {} {} = {} · source {} · rule {}{}{}",
                c.id,
                c.text,
                c.subject,
                c.aspect,
                c.value,
                c.source,
                c.rule,
                c.qualifier
                    .as_deref()
                    .map_or(String::new(), |q| format!(" · {q}")),
                if c.hedged { " · hedged" } else { "" }
            )?;
        }
    }
    if !e.pairs.is_empty() {
        writeln!(out, "\ncandidate pairs")?;
    }
    for p in &e.pairs {
        writeln!(out, "  {} × {} [{}]: {}", p.a, p.b, p.rule, p.verdict)?;
    }
    Ok(())
}
