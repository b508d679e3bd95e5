//! Raw rules → compiled [`RuleSet`]: merge files, check references across fields, build matchers.
//!
//! Every problem is collected before failing. Cross-field errors are located by searching the
//! file text for the rule's `id:` line and then the offending field (as Vale does).

use super::lazy::{Checked, LazyRegex, build_regex};
use super::load::{self, RuleText};
use super::prefilter::{self, ClaimPrefilter};
use super::raw::{RawClaimRule, RawContradiction, RawRuleFile};
use super::{Aspect, ClaimRule, ContradictionRule, Cue, Matchers, Reference, RuleSet, Subject};
use crate::error::{RuleError, RuleErrors};
use crate::model::{ClaimKind, FindingKind};
use crate::subject::SubjectIndex;
use rayon::prelude::*;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};

/// Default similarity threshold for fuzzy subject matching.
const FUZZY_DEFAULT: f64 = 0.85;
/// Placeholders a contradiction message may use.
const PLACEHOLDERS: &[&str] = &[
    "subject", "aspect", "a.source", "a.text", "a.value", "b.source", "b.text", "b.value",
];

struct Ctx<'a> {
    files: &'a [RuleText],
    errors: Vec<RuleError>,
}

impl Ctx<'_> {
    fn err(&mut self, file: usize, id: &str, field: &str, message: String, help: Option<String>) {
        let (line, column) = locate(&self.files[file].text, id, field);
        self.errors.push(RuleError {
            file: self.files[file].path.clone(),
            line,
            column,
            message,
            help,
        });
    }
}

/// Pseudo-field for [`locate`]: the `id:` line of the *last* item with that id (a duplicate).
const DUPLICATE_ID: &str = "id (duplicate)";

/// Finds the line and column of `field:` in the YAML item whose `id:` is `id` (or of the id).
pub(crate) fn locate(text: &str, id: &str, field: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let is_id_line = |l: &str| {
        let t = l.trim_start().trim_start_matches("- ").trim_start();
        t.strip_prefix("id:")
            .is_some_and(|v| v.trim().trim_matches(|c| c == '"' || c == '\'') == id)
    };
    let found = if field == DUPLICATE_ID {
        lines.iter().rposition(|l| is_id_line(l))
    } else {
        lines.iter().position(|l| is_id_line(l))
    };
    let Some(start) = found else {
        return (1, 1);
    };
    if field.is_empty() || field == "id" || field == DUPLICATE_ID {
        let col = lines[start].find("id:").map_or(1, |c| c + 1);
        return (start + 1, col);
    }
    let key = format!("{field}:");
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if is_id_line(l) || l.trim_start().starts_with("- id:") {
            break;
        }
        let t = l.trim_start().trim_start_matches("- ");
        if t.starts_with(&key)
            && let Some(k) = l.find(&key)
        {
            let after = &l[k + key.len()..];
            let ws = after.len() - after.trim_start().len();
            return (i + 1, k + key.len() + ws + 1);
        }
    }
    (start + 1, lines[start].find("id:").map_or(1, |c| c + 1))
}

/// The closest candidate to `bad`, as a "did you mean" help line.
pub(crate) fn did_you_mean<'a>(
    bad: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .map(|c| (strsim::jaro_winkler(bad, c), c))
        .filter(|(s, _)| *s > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

pub(super) fn compile(files: &[RuleText]) -> Result<RuleSet, RuleErrors> {
    let mut ctx = Ctx {
        files,
        errors: Vec::new(),
    };
    let mut parsed: Vec<(usize, RawRuleFile)> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        match load::parse(f) {
            Ok(docs) => parsed.extend(docs.into_iter().map(|d| (i, d))),
            Err(e) => ctx.errors.push(e),
        }
    }

    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    let mut subjects: BTreeMap<String, (usize, Subject)> = BTreeMap::new();
    let mut references = Vec::new();
    let mut cues: BTreeMap<String, Cue> = BTreeMap::new();
    let mut aspects: BTreeMap<String, Aspect> = BTreeMap::new();
    let mut claims: Vec<(usize, RawClaimRule)> = Vec::new();
    let mut contradictions: Vec<(usize, RawContradiction)> = Vec::new();
    let mut negations: BTreeSet<String> = BTreeSet::new();
    let mut units: BTreeMap<String, String> = BTreeMap::new();
    let mut event_words: BTreeMap<String, String> = BTreeMap::new();

    for (fi, raw) in parsed {
        macros.extend(raw.macros);
        let mut seen = BTreeSet::new();
        for s in raw.subjects {
            if !seen.insert(format!("subject:{}", s.id)) {
                ctx.err(
                    fi,
                    &s.id,
                    DUPLICATE_ID,
                    format!("duplicate subject id `{}`", s.id),
                    None,
                );
            }
            let fuzzy = s.fuzzy.unwrap_or(FUZZY_DEFAULT);
            if !(0.0..=1.0).contains(&fuzzy) || fuzzy == 0.0 {
                ctx.err(
                    fi,
                    &s.id,
                    "fuzzy",
                    format!("fuzzy threshold {fuzzy} is out of range"),
                    Some("use a similarity between 0 (exclusive) and 1, e.g. 0.85".into()),
                );
            }
            let mut aliases = vec![s.name.clone()];
            aliases.extend(s.aliases.into_iter().filter(|a| !a.trim().is_empty()));
            subjects.insert(
                s.id.clone(),
                (
                    fi,
                    Subject {
                        id: s.id,
                        name: s.name,
                        kind: s.kind,
                        aliases,
                        fuzzy,
                    },
                ),
            );
        }
        for r in raw.references {
            for p in r.phrases {
                references.push(Reference {
                    kind: r.kind.clone(),
                    phrase: p.to_lowercase(),
                });
            }
        }
        for c in raw.cues {
            if !seen.insert(format!("cue:{}", c.id)) {
                ctx.err(
                    fi,
                    &c.id,
                    DUPLICATE_ID,
                    format!("duplicate cue id `{}`", c.id),
                    None,
                );
            }
            if c.verbs.is_empty() && c.prefixes.is_empty() {
                ctx.err(
                    fi,
                    &c.id,
                    "id",
                    format!("cue `{}` has no verbs and no prefixes", c.id),
                    Some("add `verbs: [said, says]` or `prefixes: [according to]`".into()),
                );
            }
            for (words, prefix) in [(&c.verbs, false), (&c.prefixes, true)] {
                for w in words {
                    cues.insert(
                        w.to_lowercase(),
                        Cue {
                            id: c.id.clone(),
                            word: w.to_lowercase(),
                            stance: c.stance,
                            needs_clause: c.needs_clause,
                            prefix,
                        },
                    );
                }
            }
        }
        for a in raw.aspects {
            if !seen.insert(format!("aspect:{}", a.id)) {
                ctx.err(
                    fi,
                    &a.id,
                    DUPLICATE_ID,
                    format!("duplicate aspect id `{}`", a.id),
                    None,
                );
            }
            if a.sign != 1 && a.sign != -1 {
                ctx.err(
                    fi,
                    &a.id,
                    "sign",
                    format!("sign must be 1 or -1, not {}", a.sign),
                    None,
                );
            }
            let axis = a.axis.unwrap_or_else(|| a.id.clone());
            aspects.insert(
                a.id.clone(),
                Aspect {
                    id: a.id,
                    axis,
                    sign: a.sign,
                    per_event: a.per_event,
                    description: a.description,
                },
            );
        }
        for c in raw.claims {
            if !seen.insert(format!("claim:{}", c.id)) {
                ctx.err(
                    fi,
                    &c.id,
                    DUPLICATE_ID,
                    format!("duplicate claim rule id `{}`", c.id),
                    None,
                );
            }
            claims.retain(|(_, old)| old.id != c.id);
            claims.push((fi, c));
        }
        for c in raw.contradictions {
            if !seen.insert(format!("contradiction:{}", c.id)) {
                ctx.err(
                    fi,
                    &c.id,
                    DUPLICATE_ID,
                    format!("duplicate contradiction rule id `{}`", c.id),
                    None,
                );
            }
            contradictions.retain(|(_, old)| old.id != c.id);
            contradictions.push((fi, c));
        }
        negations.extend(raw.negations.into_iter().map(|n| n.to_lowercase()));
        units.extend(
            raw.units
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v.to_lowercase())),
        );
        for (head, words) in raw.event_words {
            // A word with no stem (too short, a function word) names no event: skipped.
            let Some(h) = crate::topic::plain_stem(&head) else {
                continue;
            };
            for w in words {
                if let Some(k) = crate::topic::plain_stem(&w).filter(|k| *k != h) {
                    event_words.insert(k, h.clone());
                }
            }
        }
    }

    // Aliases must point at one subject only.
    let mut alias_owner: BTreeMap<String, String> = BTreeMap::new();
    for (fi, s) in subjects.values() {
        for a in &s.aliases {
            if let Some(other) = alias_owner.insert(a.clone(), s.id.clone())
                && other != s.id
            {
                ctx.err(
                    *fi,
                    &s.id,
                    "aliases",
                    format!(
                        "alias `{a}` of subject `{}` is also an alias of `{other}`",
                        s.id
                    ),
                    Some("an alias must name one subject; remove it from one of them".into()),
                );
            }
        }
    }

    // The patterns are parsed and checked in parallel (the costly part of loading big rule
    // sets), then the rules are compiled in order.
    let patterns: Vec<Result<PreparedPattern, String>> = claims
        .par_iter()
        .map(|(_, c)| prepare_pattern(c, &macros))
        .collect();
    let (compiled_claims, claim_literals): (Vec<ClaimRule>, Vec<Option<Vec<String>>>) = claims
        .into_iter()
        .zip(patterns)
        .filter_map(|((fi, c), p)| compile_claim(&mut ctx, fi, c, p, &aspects))
        .unzip();
    let compiled_contradictions: Vec<ContradictionRule> = contradictions
        .into_iter()
        .filter_map(|(fi, c)| compile_contradiction(&mut ctx, fi, c, &aspects))
        .collect();

    let subjects: Vec<Subject> = subjects.into_values().map(|(_, s)| s).collect();
    let matchers = build_matchers(&subjects, &references, &cues, &negations, claim_literals);
    if !ctx.errors.is_empty() {
        return Err(RuleErrors(ctx.errors));
    }
    let matchers = matchers.map_err(|e| {
        RuleErrors(vec![RuleError {
            file: "<rules>".into(),
            line: 1,
            column: 1,
            message: e,
            help: None,
        }])
    })?;
    Ok(RuleSet {
        subjects,
        references,
        cues,
        aspects,
        claims: compiled_claims,
        contradictions: compiled_contradictions,
        negations: negations.into_iter().collect(),
        matchers,
        fuzzy_default: FUZZY_DEFAULT,
        units,
        event_words,
    })
}

/// Replaces `{name}` with the macro's text; `{3}` and `{2,5}` (repetitions) are left alone.
pub(crate) fn expand_macros(
    pattern: &str,
    macros: &BTreeMap<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    let mut depth = 0;
    while let Some(open) = rest.find('{') {
        // `\{` is a literal brace and `\p{L}` a Unicode class, not macros.
        let escaped = rest[..open].ends_with('\\')
            || rest[..open].ends_with("\\p")
            || rest[..open].ends_with("\\P");
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        match close {
            Some(c)
                if !escaped
                    && after[..c]
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_ascii_alphabetic() || ch == '_')
                    && after[..c]
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == '_') =>
            {
                let name = &after[..c];
                let body = macros
                    .get(name)
                    .ok_or_else(|| format!("unknown macro `{{{name}}}`"))?;
                depth += 1;
                if depth > 64 {
                    return Err("macros nest too deeply".into());
                }
                out.push_str("(?:");
                out.push_str(&expand_macros(body, macros)?);
                out.push(')');
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// A claim rule, and the literals the claim prefilter requires of a sentence for it (`None`:
/// always a candidate; see [`ClaimPrefilter`]).
fn compile_claim(
    ctx: &mut Ctx<'_>,
    fi: usize,
    c: RawClaimRule,
    pattern: Result<PreparedPattern, String>,
    aspects: &BTreeMap<String, Aspect>,
) -> Option<(ClaimRule, Option<Vec<String>>)> {
    let id = c.id.clone();
    let mut ok = true;
    if !aspects.contains_key(&c.aspect) {
        let help = did_you_mean(&c.aspect, aspects.keys().map(String::as_str));
        ctx.err(
            fi,
            &id,
            "aspect",
            format!("unknown aspect `{}` in claim rule `{id}`", c.aspect),
            help.or_else(|| Some("declare it under `aspects:`".into())),
        );
        ok = false;
    }
    let (checked, literals) = match pattern {
        Ok(PreparedPattern { checked, literals }) => (Some(checked), literals),
        Err(e) => {
            ctx.err(
                fi,
                &id,
                "pattern",
                format!("invalid pattern in claim rule `{id}`: {e}"),
                None,
            );
            (None, None)
        }
    };
    if let Some(r) = &checked {
        let names: BTreeSet<&str> = r.names.iter().map(String::as_str).collect();
        let has = |n: &str| {
            names
                .iter()
                .any(|x| x.trim_end_matches(|c: char| c.is_ascii_digit()) == n)
        };
        let needed = match c.kind {
            ClaimKind::Numeric => Some("value"),
            ClaimKind::Attribution => Some("agent"),
            ClaimKind::Evaluative | ClaimKind::Statement => None,
        };
        if let Some(n) = needed
            && !has(n)
        {
            ctx.err(
                fi,
                &id,
                "pattern",
                format!(
                    "claim rule `{id}` is {:?} but its pattern has no `(?P<{n}>…)` group",
                    c.kind
                )
                .to_lowercase(),
                Some(format!("capture the {n} with `(?P<{n}>...)`")),
            );
            ok = false;
        }
        for n in &names {
            if !matches!(
                n.trim_end_matches(|c: char| c.is_ascii_digit()),
                "value" | "subject" | "agent" | "source" | "neg" | "unit"
            ) {
                ctx.err(fi, &id, "pattern", format!("unknown capture group `{n}` in claim rule `{id}`"), Some("use one of: value, subject, agent, source, neg, unit (a digit suffix such as `value2` is allowed in alternatives); make other groups non-capturing with `(?:…)`".into()));
                ok = false;
            }
        }
    }
    if c.kind == ClaimKind::Evaluative && c.polarity.is_none() && c.direction.is_none() {
        ctx.err(
            fi,
            &id,
            "kind",
            format!("evaluative claim rule `{id}` needs a `polarity` or a `direction`"),
            Some("add `polarity: positive` or `polarity: negative`".into()),
        );
        ok = false;
    }
    if c.examples.is_empty() {
        ctx.err(
            fi,
            &id,
            "id",
            format!("claim rule `{id}` has no examples"),
            Some("add `examples:` with at least one sentence the rule must match".into()),
        );
        ok = false;
    }
    let checked = checked?;
    // Belt and braces: the prefilter must keep every example the rule matches.
    let literals = literals.filter(|_| !checked.matches_any);
    let regex = checked.regex;
    ok.then(|| ClaimRule {
        id: c.id,
        aspect: c.aspect,
        kind: c.kind,
        regex,
        direction: c.direction,
        polarity: c.polarity,
        unit: c.unit,
        self_claim: c.self_claim,
        description: c.description,
        examples: c.examples,
        counterexamples: c.counterexamples,
        file: ctx.files[fi].path.clone(),
    })
    .map(|rule| (rule, literals))
}

/// A claim pattern with its macros expanded, parsed and size-checked (compiled when first used,
/// see `lazy.rs`), and the literals the claim prefilter requires for it.
struct PreparedPattern {
    checked: Checked,
    literals: Option<Vec<String>>,
}

fn prepare_pattern(
    c: &RawClaimRule,
    macros: &BTreeMap<String, String>,
) -> Result<PreparedPattern, String> {
    let p = expand_macros(&c.pattern, macros)?;
    let literals = required_literals(&p);
    let dropped = literals
        .as_ref()
        .map(|l| dropped_examples(l, &c.examples, &c.counterexamples))
        .unwrap_or_default();
    let checked = LazyRegex::check(p, &dropped)?;
    Ok(PreparedPattern { checked, literals })
}

/// The examples and counterexamples the claim prefilter drops for a rule requiring `literals`.
fn dropped_examples<'a>(
    literals: &[String],
    examples: &'a [super::raw::RawClaimExample],
    counterexamples: &'a [String],
) -> Vec<&'a str> {
    examples
        .iter()
        .map(|e| e.text.as_str())
        .chain(counterexamples.iter().map(String::as_str))
        .filter(|t| !prefilter::keeps(literals, t))
        .collect()
}

fn compile_contradiction(
    ctx: &mut Ctx<'_>,
    fi: usize,
    c: RawContradiction,
    aspects: &BTreeMap<String, Aspect>,
) -> Option<ContradictionRule> {
    let id = c.id.clone();
    let mut ok = true;
    for a in &c.aspects {
        if !aspects.contains_key(a) {
            let help = did_you_mean(a, aspects.keys().map(String::as_str));
            ctx.err(
                fi,
                &id,
                "aspects",
                format!("unknown aspect `{a}` in contradiction rule `{id}`"),
                help,
            );
            ok = false;
        }
    }
    if c.tolerance < 0.0 || c.tolerance >= 1.0 {
        ctx.err(
            fi,
            &id,
            "tolerance",
            format!("tolerance {} is out of range", c.tolerance),
            Some("use a fraction from 0 to below 1, e.g. 0.1 for 10%".into()),
        );
        ok = false;
    }
    if !(0.0..=1.0).contains(&c.confidence) {
        ctx.err(
            fi,
            &id,
            "confidence",
            format!("confidence {} is out of range", c.confidence),
            Some("use a number from 0 to 1".into()),
        );
        ok = false;
    }
    let mut rest = c.message.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if !PLACEHOLDERS.contains(&name) {
            ctx.err(
                fi,
                &id,
                "message",
                format!("unknown placeholder `{{{name}}}` in message of `{id}`"),
                Some(format!(
                    "use one of: {}",
                    PLACEHOLDERS
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            ok = false;
        }
        rest = &rest[open + close + 1..];
    }
    if c.examples.is_empty() && c.kind != FindingKind::Negation {
        ctx.err(
            fi,
            &id,
            "id",
            format!("contradiction rule `{id}` has no examples"),
            Some("add `examples:` with a passage the rule must flag".into()),
        );
        ok = false;
    }
    ok.then(|| ContradictionRule {
        id: c.id,
        kind: c.kind,
        aspects: c.aspects,
        severity: c.severity,
        tolerance: c.tolerance,
        within: c.within,
        confidence: c.confidence,
        message: c.message,
        description: c.description,
        examples: c.examples.into_iter().map(|e| e.text).collect(),
        counterexamples: c.counterexamples.into_iter().map(|e| e.text).collect(),
        file: ctx.files[fi].path.clone(),
    })
}

/// An alternation of literal phrases, longest first, on word boundaries.
fn alternation(
    words: impl Iterator<Item = String>,
    case_insensitive: bool,
) -> Result<Option<Regex>, String> {
    let mut words: Vec<String> = words.filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Ok(None);
    }
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let body = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    let flags = if case_insensitive { "(?i)" } else { "" };
    // Boundaries by hand: `\b` fails next to a trailing `.` ("U.N.") or a leading `“`.
    let pattern = format!(r"{flags}(?:^|[^\p{{L}}\p{{N}}_])({body})(?:$|[^\p{{L}}\p{{N}}_])");
    build_regex(&pattern).map(Some)
}

fn build_matchers(
    subjects: &[Subject],
    references: &[Reference],
    cues: &BTreeMap<String, Cue>,
    negations: &BTreeSet<String>,
    claim_literals: Vec<Option<Vec<String>>>,
) -> Result<Matchers, String> {
    let aliases = alternation(
        subjects.iter().flat_map(|s| s.aliases.iter().cloned()),
        false,
    )?;
    let refs = alternation(references.iter().map(|r| r.phrase.clone()), true)?;
    let verbs = alternation(
        cues.values().filter(|c| !c.prefix).map(|c| c.word.clone()),
        true,
    )?;
    let prefixes = alternation(
        cues.values().filter(|c| c.prefix).map(|c| c.word.clone()),
        true,
    )?;
    let negation = alternation(negations.iter().cloned(), true)?;
    let claim_set = ClaimPrefilter::new(claim_literals);
    Ok(Matchers {
        aliases,
        references: refs,
        verbs,
        prefixes,
        negation,
        claim_set,
        subjects: SubjectIndex::new(subjects),
    })
}

// The claim prefilter: per claim rule, literals one of which every match of the rule contains
// (see [`required_literals`]), or none (always a candidate), in one Aho-Corasick automaton (see
// `prefilter.rs`). The prefilter only says which rules may match a sentence; extraction confirms
// with the rule's own regex, so a match is never lost and the results are those of running
// every rule on every sentence. Belt and braces: a rule whose regex matches an example or a
// counterexample the prefilter would drop is always a candidate (`compile_claim`).
//
// A set of the full patterns would be exact but slow: its lazy DFA gives up on big Unicode
// classes and on Unicode `\b` next to non-ASCII text, and the Pike VM that takes over runs a
// few hundred kB/s. A `RegexSet` of literal alternations has no early exit and stops being
// built past its size limit, so its cost grows with the number of rules; the automaton's does
// not.

/// Most literals in one set before it is given up (a requirement then is "anything").
const MAX_LITERALS: usize = 64;
/// Longest literal kept in a required set (a required string's prefix is required too).
const MAX_LITERAL_CHARS: usize = 32;

/// What the prefilter knows about a sub-pattern.
#[derive(Debug, Clone, Default)]
struct Lits {
    /// Every string the sub-pattern can match, when they are few and short.
    exact: Option<Vec<String>>,
    /// Strings one of which every match contains (`None`: nothing is required).
    required: Option<Vec<String>>,
}

/// Literals one of which every match of `pattern` contains, compared case-insensitively; `None`
/// when there are none (or the pattern uses syntax this reader does not know: the rule is then
/// always a candidate). Sound by construction: a concatenation requires what any one of its
/// parts requires, an alternation the union of what its branches require, a repetition what its
/// item requires if it repeats at least once; runs of literal characters are multiplied out.
fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let mut p = LitParser {
        c: pattern.chars().collect(),
        i: 0,
    };
    let lits = p.alternation(0).ok()?;
    if p.i != p.c.len() {
        return None;
    }
    best_required(&lits).filter(|r| r.iter().all(|l| !l.is_empty()))
}

/// The better of a node's exact strings (if none is empty) and its required strings.
fn best_required(l: &Lits) -> Option<Vec<String>> {
    let exact = l
        .exact
        .as_ref()
        .filter(|e| !e.is_empty() && e.iter().all(|s| !s.is_empty()))
        .map(|e| minimize(e.clone()));
    match (exact, l.required.clone()) {
        (Some(a), Some(b)) => Some(if score(&a) >= score(&b) { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Selectivity of a required set: longer shortest literal first, then fewer literals.
fn score(lits: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = lits.iter().map(|l| l.chars().count()).min().unwrap_or(0);
    (shortest.min(5), std::cmp::Reverse(lits.len()))
}

/// Sorts, dedups and drops literals that contain another one of the set:
/// a text that contains the longer one contains the shorter one too.
fn minimize(lits: Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = lits
        .into_iter()
        .map(|l| l.chars().take(MAX_LITERAL_CHARS).collect::<String>())
        .collect();
    v.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    v.dedup();
    let mut out: Vec<String> = Vec::with_capacity(v.len());
    for l in v {
        if !out.iter().any(|o| l.contains(o.as_str())) {
            out.push(l);
        }
    }
    out
}

/// Every concatenation of a string of `a` with one of `b`, if there are not too many.
fn cross(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_LITERALS {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            if x.chars().count() + y.chars().count() > MAX_LITERAL_CHARS * 2 {
                return None;
            }
            out.push(format!("{x}{y}"));
        }
    }
    Some(out)
}

fn union(sets: impl Iterator<Item = Option<Vec<String>>>) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for s in sets {
        out.extend(s?);
        if out.len() > MAX_LITERALS * 4 {
            return None;
        }
    }
    let out = minimize(out);
    (out.len() <= MAX_LITERALS).then_some(out)
}

/// A reader of the regex syntax that matters for literals; anything it does not know is an error.
struct LitParser {
    c: Vec<char>,
    i: usize,
}

/// Syntax the literal reader does not handle.
#[derive(Debug)]
struct Unsupported;

impl LitParser {
    fn peek(&self) -> Option<char> {
        self.c.get(self.i).copied()
    }

    fn alternation(&mut self, depth: usize) -> Result<Lits, Unsupported> {
        if depth > 200 {
            return Err(Unsupported);
        }
        let mut branches = vec![self.concat(depth)?];
        while self.peek() == Some('|') {
            self.i += 1;
            branches.push(self.concat(depth)?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().unwrap_or_default());
        }
        let exact = if branches.iter().all(|b| b.exact.is_some()) {
            let all: Vec<String> = branches
                .iter()
                .flat_map(|b| b.exact.clone().unwrap_or_default())
                .collect();
            (all.len() <= MAX_LITERALS).then_some(all)
        } else {
            None
        };
        let required = union(branches.iter().map(best_required));
        Ok(Lits { exact, required })
    }

    fn concat(&mut self, depth: usize) -> Result<Lits, Unsupported> {
        let empty = || vec![String::new()];
        let mut run: Vec<String> = empty();
        let mut whole: Option<Vec<String>> = Some(empty());
        let mut candidates: Vec<Vec<String>> = Vec::new();
        let finish = |run: &mut Vec<String>, candidates: &mut Vec<Vec<String>>| {
            if run.iter().all(|s| !s.is_empty()) {
                candidates.push(minimize(run.clone()));
            }
            *run = vec![String::new()];
        };
        while let Some(ch) = self.peek() {
            if ch == '|' || ch == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            let item = self.quantified(atom)?;
            whole = match (&whole, &item.exact) {
                (Some(w), Some(e)) => cross(w, e),
                _ => None,
            };
            match &item.exact {
                Some(e) => match cross(&run, e) {
                    Some(r) => run = r,
                    None => {
                        finish(&mut run, &mut candidates);
                        run = e.clone();
                    }
                },
                None => {
                    finish(&mut run, &mut candidates);
                    if let Some(r) = best_required(&item) {
                        candidates.push(r);
                    }
                }
            }
        }
        finish(&mut run, &mut candidates);
        let required = candidates
            .into_iter()
            .max_by(|a, b| score(a).cmp(&score(b)));
        Ok(Lits {
            exact: whole,
            required,
        })
    }

    /// Applies a quantifier, if one follows.
    fn quantified(&mut self, atom: Lits) -> Result<Lits, Unsupported> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = self.c[self.i..]
                    .iter()
                    .position(|&x| x == '}')
                    .ok_or(Unsupported)?;
                let body: String = self.c[self.i + 1..self.i + close].iter().collect();
                let (lo, hi) = match body.split_once(',') {
                    Some((lo, hi)) => (lo.trim(), Some(hi.trim())),
                    None => (body.trim(), None),
                };
                let lo: u32 = lo.parse().map_err(|_| Unsupported)?;
                let hi: Option<u32> = match hi {
                    None => Some(lo),
                    Some("") => None,
                    Some(h) => Some(h.parse().map_err(|_| Unsupported)?),
                };
                self.i += close;
                (lo, hi)
            }
            _ => return Ok(atom),
        };
        self.i += 1;
        if self.peek() == Some('?') {
            self.i += 1; // lazy
        }
        Ok(match (min, max) {
            (1, Some(1)) => atom,
            (0, Some(1)) => Lits {
                exact: atom.exact.map(|mut e| {
                    e.push(String::new());
                    e
                }),
                required: None,
            },
            (0, _) => Lits::default(),
            _ => Lits {
                exact: None,
                required: best_required(&atom),
            },
        })
    }

    fn literal(ch: char) -> Lits {
        Lits {
            exact: Some(vec![ch.to_string()]),
            required: None,
        }
    }

    fn empty() -> Lits {
        Lits {
            exact: Some(vec![String::new()]),
            required: None,
        }
    }

    fn atom(&mut self, depth: usize) -> Result<Lits, Unsupported> {
        let ch = self.peek().ok_or(Unsupported)?;
        self.i += 1;
        match ch {
            '(' => self.group(depth),
            '[' => {
                self.skip_class()?;
                Ok(Lits::default())
            }
            '\\' => self.escape(),
            '.' => Ok(Lits::default()),
            '^' | '$' => Ok(Self::empty()),
            '*' | '+' | '?' | '{' | ')' | '|' => Err(Unsupported),
            c => Ok(Self::literal(c)),
        }
    }

    fn group(&mut self, depth: usize) -> Result<Lits, Unsupported> {
        if self.peek() == Some('?') {
            self.i += 1;
            match self.peek() {
                Some('P') if self.c.get(self.i + 1) == Some(&'<') => self.skip_name()?,
                Some('<') => self.skip_name()?,
                _ => {
                    // Flags: `(?i)` sets them for the rest of the group, `(?i:…)` for its body.
                    let start = self.i;
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '-')
                    {
                        self.i += 1;
                    }
                    let flags: String = self.c[start..self.i].iter().collect();
                    if flags.contains('x') {
                        return Err(Unsupported);
                    }
                    match self.peek() {
                        Some(')') => {
                            self.i += 1;
                            return Ok(Self::empty());
                        }
                        Some(':') => self.i += 1,
                        _ => return Err(Unsupported),
                    }
                }
            }
        }
        let inner = self.alternation(depth + 1)?;
        if self.peek() != Some(')') {
            return Err(Unsupported);
        }
        self.i += 1;
        Ok(inner)
    }

    /// Skips `P<name>` or `<name>` of a named group.
    fn skip_name(&mut self) -> Result<(), Unsupported> {
        let close = self.c[self.i..]
            .iter()
            .position(|&x| x == '>')
            .ok_or(Unsupported)?;
        let name: String = self.c[self.i..self.i + close].iter().collect();
        let name = name.trim_start_matches('P').trim_start_matches('<');
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(Unsupported);
        }
        self.i += close + 1;
        Ok(())
    }

    /// Skips a bracketed class (the `[` is consumed): nested classes, escapes, a leading `]`.
    fn skip_class(&mut self) -> Result<(), Unsupported> {
        if self.peek() == Some('^') {
            self.i += 1;
        }
        if self.peek() == Some(']') {
            self.i += 1;
        }
        let mut depth = 1;
        while depth > 0 {
            match self.peek().ok_or(Unsupported)? {
                '\\' => self.i += 1,
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            self.i += 1;
        }
        Ok(())
    }

    /// Reads hex digits: `{…}` or exactly `n` of them.
    fn hex(&mut self, n: usize) -> Result<char, Unsupported> {
        let digits: String = if self.peek() == Some('{') {
            let close = self.c[self.i..]
                .iter()
                .position(|&x| x == '}')
                .ok_or(Unsupported)?;
            let d = self.c[self.i + 1..self.i + close].iter().collect();
            self.i += close + 1;
            d
        } else {
            let d: String = self
                .c
                .get(self.i..self.i + n)
                .ok_or(Unsupported)?
                .iter()
                .collect();
            self.i += n;
            d
        };
        u32::from_str_radix(digits.trim(), 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or(Unsupported)
    }

    /// Skips a `{…}` argument at the cursor; whether there was one.
    fn skip_braces(&mut self) -> Result<bool, Unsupported> {
        if self.peek() != Some('{') {
            return Ok(false);
        }
        let close = self.c[self.i..]
            .iter()
            .position(|&x| x == '}')
            .ok_or(Unsupported)?;
        self.i += close + 1;
        Ok(true)
    }

    fn escape(&mut self) -> Result<Lits, Unsupported> {
        let n = self.peek().ok_or(Unsupported)?;
        self.i += 1;
        Ok(match n {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => Lits::default(),
            'p' | 'P' => {
                // `\p{Greek}` or the one-letter `\pL`.
                if !self.skip_braces()? {
                    self.i += 1;
                }
                Lits::default()
            }
            'b' => {
                // `\b` or `\b{start}`.
                self.skip_braces()?;
                Self::empty()
            }
            'B' | 'A' | 'z' | '<' | '>' => Self::empty(),
            'n' => Self::literal('\n'),
            't' => Self::literal('\t'),
            'r' => Self::literal('\r'),
            'f' => Self::literal('\x0C'),
            'v' => Self::literal('\x0B'),
            'a' => Self::literal('\x07'),
            'x' => Self::literal(self.hex(2)?),
            'u' => Self::literal(self.hex(4)?),
            'U' => Self::literal(self.hex(8)?),
            c if c.is_ascii_punctuation() || c == ' ' => Self::literal(c),
            _ => return Err(Unsupported),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_expand_but_repetitions_stay() {
        let mut m = BTreeMap::new();
        m.insert("num".to_owned(), r"\d+".to_owned());
        assert_eq!(
            expand_macros(r"a{num}b{2}c{1,3}\p{Lu}", &m).unwrap(),
            r"a(?:\d+)b{2}c{1,3}\p{Lu}"
        );
        assert!(
            expand_macros("{nope}", &m)
                .unwrap_err()
                .contains("unknown macro")
        );
    }

    #[test]
    fn required_literals_of_simple_patterns() {
        let req = |p: &str| required_literals(p);
        let v = |xs: &[&str]| Some(xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>());
        assert_eq!(req(r"(?i)\bkilled\b"), v(&["killed"]));
        assert_eq!(req(r"\battacks?\b"), v(&["attack"]));
        assert_eq!(req(r"(?:a|b)c"), v(&["ac", "bc"]));
        assert_eq!(
            req(r"\d+\s+(?P<unit>people|soldiers)"),
            v(&["people", "soldiers"])
        );
        assert_eq!(req(r"(?:dead|died)|slain"), v(&["dead", "died", "slain"]));
        assert_eq!(req(r"x{2,5}"), v(&["x"]));
        assert_eq!(req(r"\x{41}\u0042"), v(&["AB"]));
        // Nothing is required, or the syntax is not read: the rule is always a candidate.
        assert_eq!(req(r"x*"), None);
        assert_eq!(req(r"(?:killed)?\d+"), None);
        assert_eq!(req(r"killed|\d+"), None);
        assert_eq!(req(r"(?x) killed # comment"), None);
        assert_eq!(req(r"\Qkilled"), None);
    }

    /// A tiny deterministic generator for the property test below.
    fn next(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    /// The prefilter never drops a rule that matches: on every fixture sentence, every rule
    /// example, and random texts made of the rules' own words, numbers, punctuation and
    /// non-ASCII letters, a rule that matches is a candidate.
    #[test]
    fn claim_prefilter_keeps_every_match() {
        let rules = RuleSet::builtin().unwrap();
        let set = rules.matchers.claim_set.as_ref().expect("a prefilter");
        let mut texts: Vec<String> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&p).unwrap();
                texts.extend(t.split(['.', '\n']).map(str::to_owned));
            }
        }
        for c in &rules.claims {
            texts.extend(c.examples.iter().map(|e| e.text.clone()));
        }
        let mut words: Vec<String> = Vec::new();
        for c in &rules.claims {
            let p = c.regex.as_str();
            words.extend(
                p.split(|ch: char| !ch.is_alphabetic())
                    .filter(|w| w.len() > 1)
                    .map(str::to_owned),
            );
        }
        words.extend(
            [
                "12", "1,500", "3.5", "%", "percent", "“", "”", "’", ",", ".", "the", "Taliban",
                "Erdoğan", "Ünal", "é", "said", "of", "at least", "ŉ", "K", "ſ",
            ]
            .map(str::to_owned),
        );
        let mut state = 7u64;
        for _ in 0..600 {
            let n = 2 + next(&mut state) as usize % 12;
            let mut t = String::new();
            for _ in 0..n {
                let w = &words[next(&mut state) as usize % words.len()];
                match next(&mut state) % 4 {
                    0 => t.push_str(&w.to_uppercase()),
                    _ => t.push_str(w),
                }
                t.push(if next(&mut state).is_multiple_of(9) {
                    '\u{a0}'
                } else {
                    ' '
                });
            }
            texts.push(t);
        }
        for t in &texts {
            let candidates = set.matches(t);
            for (i, c) in rules.claims.iter().enumerate() {
                assert!(
                    candidates.contains(&i) || !c.regex.is_match(t),
                    "rule {} matches {t:?} but its prefilter {:?} does not",
                    c.id,
                    set.patterns()[i]
                );
            }
        }
    }

    #[test]
    fn locate_finds_the_field_of_the_item() {
        let t = "claims:\n  - id: a\n    pattern: x\n  - id: b\n    aspect: y\n    pattern: '('\n";
        assert_eq!(locate(t, "b", "pattern"), (6, 14));
        assert_eq!(locate(t, "b", "id"), (4, 5));
    }
}
