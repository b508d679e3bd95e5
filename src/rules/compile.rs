//! Raw rules → compiled [`RuleSet`]: merge files, check references across fields, build matchers.
//!
//! Every problem is collected before failing. Cross-field errors are located by searching the
//! file text for the rule's `id:` line and then the offending field (as Vale does).

use super::load::{self, RuleText};
use super::raw::{RawClaimRule, RawContradiction, RawRuleFile};
use super::{Aspect, ClaimRule, ContradictionRule, Cue, Matchers, Reference, RuleSet, Subject};
use crate::error::{RuleError, RuleErrors};
use crate::model::{ClaimKind, FindingKind};
use regex::{Regex, RegexBuilder, RegexSetBuilder};
use std::collections::{BTreeMap, BTreeSet};

/// Compiled-regex size limit per pattern: hostile rules fail fast instead of eating memory.
const REGEX_SIZE_LIMIT: usize = 8 << 20;
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

    let compiled_claims: Vec<ClaimRule> = claims
        .into_iter()
        .filter_map(|(fi, c)| compile_claim(&mut ctx, fi, c, &macros, &aspects))
        .collect();
    let compiled_contradictions: Vec<ContradictionRule> = contradictions
        .into_iter()
        .filter_map(|(fi, c)| compile_contradiction(&mut ctx, fi, c, &aspects))
        .collect();

    let subjects: Vec<Subject> = subjects.into_values().map(|(_, s)| s).collect();
    let matchers = build_matchers(&subjects, &references, &cues, &negations, &compiled_claims);
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

fn build_regex(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(128)
        .build()
        .map_err(|e| e.to_string())
}

fn compile_claim(
    ctx: &mut Ctx<'_>,
    fi: usize,
    c: RawClaimRule,
    macros: &BTreeMap<String, String>,
    aspects: &BTreeMap<String, Aspect>,
) -> Option<ClaimRule> {
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
    let regex = match expand_macros(&c.pattern, macros).and_then(|p| build_regex(&p)) {
        Ok(r) => Some(r),
        Err(e) => {
            ctx.err(
                fi,
                &id,
                "pattern",
                format!("invalid pattern in claim rule `{id}`: {e}"),
                None,
            );
            None
        }
    };
    if let Some(r) = &regex {
        let names: BTreeSet<&str> = r.capture_names().flatten().collect();
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
    let regex = regex?;
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
    claims: &[ClaimRule],
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
    // Too large a set only costs the prefilter: every rule then runs on every sentence.
    let claim_set = RegexSetBuilder::new(claims.iter().map(|c| c.regex.as_str()))
        .size_limit(REGEX_SIZE_LIMIT * 8)
        .build()
        .ok();
    Ok(Matchers {
        aliases,
        references: refs,
        verbs,
        prefixes,
        negation,
        claim_set,
    })
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
    fn locate_finds_the_field_of_the_item() {
        let t = "claims:\n  - id: a\n    pattern: x\n  - id: b\n    aspect: y\n    pattern: '('\n";
        assert_eq!(locate(t, "b", "pattern"), (6, 14));
        assert_eq!(locate(t, "b", "id"), (4, 5));
    }
}
