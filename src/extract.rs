//! Claims: run the compiled claim patterns over each sentence, then give each match its subject
//! (alias, near-miss or generic reference), its source (from `attribute`), its value (from
//! `quantity`), and its polarity or direction, negation-aware.

use crate::attribute::{self, Attribution};
use crate::model::{Claim, ClaimKind, Source, Via};
use crate::quantity;
use crate::rules::{ClaimRule, RuleSet};
use crate::subject::{self, MatchHow, Mention};
use crate::text::{self, Document, Sentence, Span};

/// Words that mark a hedged statement.
/// "Alone" qualifies a judgement ("X alone cannot …") rather than stating it outright.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "allegedly",
    "reportedly",
    "perhaps",
    "likely",
    "probably",
    "alone",
    "unless",
];
/// Phrases that mark a figure as an update of an earlier one rather than a rival figure.
const UPDATES: &[&str] = &[
    "rose to",
    "risen to",
    "climbed to",
    "increased to",
    "jumped to",
    "grew to",
    "later",
    "updated",
    "revised",
    "has since",
    "now stands",
    "new toll",
    "raised the toll",
    "brings the",
    "bringing the",
    "brought the",
    "so far",
    "to date",
];
/// Words of a responsibility claim ("claimed responsibility for", "was behind", "blamed X
/// for"): a toll in a relative clause on the event they name is background, not the speaker's.
const RESPONSIBILITY: &[&str] = &[
    "behind",
    "responsib",
    "claimed",
    "claim ",
    "carried out",
    "blame",
    "involved in",
];
/// Words between a number and its noun that make the count a part of a larger one.
const PARTIAL: &[&str] = &["other", "more", "additional", "further"];
/// Openers that start a new event in news prose.
const EVENT_BREAKS: &[&str] = &[
    "separately",
    "meanwhile",
    "elsewhere",
    "in another",
    "in a separate",
    "in an unrelated",
    "earlier this",
    "last year",
    "last month",
    "in a similar",
];

/// Does the sentence start a new event segment ("Separately, …", "in another attack")?
fn starts_event(lower: &str) -> bool {
    EVENT_BREAKS.iter().any(|b| lower.starts_with(b))
        || [
            "another attack",
            "a separate attack",
            "another incident",
            "a separate incident",
            "another bombing",
            "another blast",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// Does the sentence open with a contrast ("But …", "However, …", "Yet …")?
pub(crate) fn opens_with_contrast(text: &str) -> bool {
    let first = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(first.as_str(), "but" | "however" | "yet")
}

/// A figure that sums several events ("killed in two attacks") is not a rival to one event's.
fn is_aggregate(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).any(|w| {
        matches!(
            w[0],
            "two"
                | "three"
                | "four"
                | "five"
                | "several"
                | "multiple"
                | "separate"
                | "both"
                | "twin"
        ) && [
            "attacks",
            "bases",
            "incidents",
            "bombings",
            "blasts",
            "raids",
            "villages",
            "towns",
            "cities",
            "locations",
            "explosions",
            "strikes",
            "provinces",
            "regions",
            "districts",
        ]
        .iter()
        .any(|n| w[1] == *n || w[2] == *n)
    })
}

/// Everything extraction learned about one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Subject mentions, per sentence, with references resolved.
    pub mentions: Vec<Vec<Mention>>,
    /// Attributions per sentence, left to right.
    pub attributions: Vec<Vec<Attribution>>,
    /// Claims, in document order.
    pub claims: Vec<Claim>,
    /// Every rule match and what became of it (filled only by [`extract_traced`]).
    pub attempts: Vec<Attempt>,
}

/// One match of a claim rule in a sentence, and its outcome (for `crosscheck explain`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Attempt {
    /// Sentence index.
    pub sentence: usize,
    /// Rule id.
    pub rule: String,
    /// The matched text.
    pub matched: String,
    /// Named groups that took part, in pattern order.
    pub captures: Vec<(String, String)>,
    /// `claim` if it became a claim, else why not.
    pub outcome: String,
}

/// Resolves generic references ("the group") to an earlier subject of the same kind: a mention
/// earlier in the sentence other than the sentence's first (its grammatical subject rarely
/// corefers with "the group" in its own clause), else the first fitting mention of the latest
/// sentence that has one. A reference never resolves to its own sentence's first mention.
fn resolve_references(rules: &RuleSet, mentions: &mut [Vec<Mention>]) {
    for k in 0..mentions.len() {
        for r in 0..mentions[k].len() {
            if mentions[k][r].subject.is_some() {
                continue;
            }
            let kind = mentions[k][r].kind.clone();
            let fits = |m: &Mention| {
                m.subject
                    .is_some_and(|i| kind.is_empty() || rules.subjects[i].kind == kind)
            };
            let own_first = mentions[k]
                .iter()
                .take(r)
                .find(|m| m.subject.is_some())
                .and_then(|m| m.subject);
            let allowed = |m: &Mention| fits(m) && m.subject != own_first;
            let here = mentions[k][..r]
                .iter()
                .rev()
                .find(|m| allowed(m))
                .and_then(|m| m.subject);
            let earlier = || {
                (0..k).rev().take(4).find_map(|j| {
                    mentions[j]
                        .iter()
                        .find(|m| allowed(m))
                        .and_then(|m| m.subject)
                })
            };
            mentions[k][r].subject = here.or_else(earlier);
        }
    }
}

/// End of a leading header block of `Key: value` lines ("Source: …", "Licence: …"), which is
/// metadata, not prose.
fn header_end(text: &str) -> usize {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            break;
        }
        let is_field = t.split_once(": ").is_some_and(|(k, _)| {
            !k.is_empty()
                && k.len() <= 24
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == ' ')
                && k.starts_with(|c: char| c.is_uppercase())
        });
        if !is_field {
            return if end > 0 && end == text.len() {
                0
            } else {
                end.min(text.len())
            };
        }
        end += line.len();
    }
    end
}

/// Extracts the claims of one document.
pub fn extract(rules: &RuleSet, doc: &Document, doc_index: usize) -> Extraction {
    run(rules, doc, doc_index, false)
}

/// Like [`extract`], also recording every rule match and its outcome.
pub fn extract_traced(rules: &RuleSet, doc: &Document, doc_index: usize) -> Extraction {
    run(rules, doc, doc_index, true)
}

fn run(rules: &RuleSet, doc: &Document, doc_index: usize, trace: bool) -> Extraction {
    let mut attempts = Vec::new();
    let header = header_end(&doc.prose);
    let sentences: Vec<Sentence> = text::segment(doc)
        .into_iter()
        .filter(|s| s.span.start >= header)
        .collect();
    let mut mentions: Vec<Vec<Mention>> = sentences
        .iter()
        .map(|s| subject::mentions(rules, &doc.prose[s.span.start..s.span.end], s.span.start))
        .collect();
    resolve_references(rules, &mut mentions);
    let reference = |i: usize, phrase: &str| -> Option<String> {
        let p = phrase.trim().to_lowercase();
        let p = p.trim_end_matches("’s").trim_end_matches("'s");
        mentions.get(i)?.iter().find(|m| {
            matches!(&m.how, MatchHow::Reference(r) if r == p) || matches!(&m.how, MatchHow::Alias(a) | MatchHow::Fuzzy(a, _) if a.to_lowercase() == p)
        }).and_then(|m| m.subject).map(|s| rules.subjects[s].name.clone())
    };
    let attributions = attribute::attribute(rules, doc, &sentences, &reference);
    let mut claims = Vec::new();
    let mut event = 0;
    for (si, s) in sentences.iter().enumerate() {
        let text = &doc.prose[s.span.start..s.span.end];
        if starts_event(&text.to_lowercase()) {
            event += 1;
        }
        if is_headline(text) {
            // A sub-heading inside the body ("U.S. airstrike") starts a new part of the story.
            if si > 0 {
                event += 1;
            }
            // Headlines summarise the article in title case; their figures restate the body.
            if trace {
                attempts.push(Attempt {
                    sentence: si,
                    rule: "-".into(),
                    matched: String::new(),
                    captures: Vec::new(),
                    outcome: "headline: no claims are taken from title-case lines".into(),
                });
            }
            continue;
        }
        let matching: Vec<usize> = match &rules.matchers.claim_set {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..rules.claims.len()).collect(),
        };
        let mut found: Vec<Claim> = Vec::new();
        for ri in matching {
            let rule = &rules.claims[ri];
            for caps in rule.regex.captures_iter(text) {
                let Some(m) = caps.get(0) else { continue };
                if m.as_str().trim().is_empty() {
                    continue;
                }
                let ctx = ClaimCtx {
                    rules,
                    doc,
                    doc_index,
                    event,
                    sentence: s,
                    sentence_index: si,
                    text,
                    mentions: &mentions,
                    attributions: &attributions[si],
                };
                let outcome = ctx.claim(rule, &caps);
                if trace {
                    let captures = rule
                        .regex
                        .capture_names()
                        .flatten()
                        .filter_map(|n| caps.name(n).map(|m| (n.to_owned(), m.as_str().to_owned())))
                        .collect();
                    let outcome = match &outcome {
                        Ok(_) => "claim".to_owned(),
                        Err(why) => why.clone(),
                    };
                    attempts.push(Attempt {
                        sentence: si,
                        rule: rule.id.clone(),
                        matched: m.as_str().to_owned(),
                        captures,
                        outcome,
                    });
                }
                if let Ok(c) = outcome {
                    found.push(c);
                }
            }
        }
        // One claim per place and aspect: the earliest rule wins on overlap.
        found.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        let mut kept: Vec<Claim> = Vec::new();
        for c in found {
            if let Some(k) = kept
                .iter()
                .find(|k| k.aspect == c.aspect && k.span.overlaps(c.span))
            {
                if trace {
                    let why = format!(
                        "dropped: overlaps the claim of rule `{}` on the same aspect",
                        k.rule
                    );
                    if let Some(a) = attempts
                        .iter_mut()
                        .rev()
                        .find(|a| a.sentence == si && a.rule == c.rule && a.outcome == "claim")
                    {
                        a.outcome = why;
                    }
                }
            } else {
                kept.push(c);
            }
        }
        statements(&attributions[si], s, si, doc_index, event, doc, &mut kept);
        claims.extend(kept);
    }
    crate::entities::resolve(&mut claims);
    Extraction {
        attempts,
        sentences,
        mentions,
        attributions,
        claims,
    }
}

/// Capitalised words after "in", "at", "near", "across" or "outside", past a compass adjective
/// before a province or the like ("in eastern Khost province"): the places a sentence names.
fn places(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        // "in Goma", and the place taken or held: "captured Konna", "the town of Voinjama".
        let place_of =
            lower == "of" && i > 0 && PLACE_NOUNS.contains(&words[i - 1].to_lowercase().as_str());
        if place_of
            || matches!(
                lower.as_str(),
                "in" | "at"
                    | "near"
                    | "across"
                    | "outside"
                    | "captured"
                    | "seized"
                    | "overran"
                    | "retook"
                    | "recaptured"
                    | "occupied"
            )
        {
            let rest = &words[i + 1..];
            let skip = rest
                .iter()
                .take_while(|x| is_compass(&x.to_lowercase()))
                .count();
            // "in eastern Khost province" names Khost; "in southern South Sudan" stays a
            // country-wide phrase, too coarse to tell two events apart.
            let admin = rest.iter().skip(skip + 1).take(2).any(|x| {
                let x = x.to_lowercase();
                let x = x.trim_matches(|c: char| !c.is_alphanumeric());
                ADMIN_UNITS.contains(&x)
            });
            let Some(next) = rest.get(if admin { skip } else { 0 }) else {
                continue;
            };
            let name = next.trim_matches(|c: char| !c.is_alphanumeric());
            let months = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ];
            if name.starts_with(char::is_uppercase)
                && !months.contains(&name)
                && !out.iter().any(|p| p == name)
            {
                out.push(name.to_owned());
            }
        }
    }
    for owner in count_owners(&words) {
        if !out.contains(&owner) {
            out.push(owner);
        }
    }
    out
}

/// Verbs by which a place holds a count ("Guinea had 65 new cases", "Texas recorded 120 deaths").
const HOLDING_VERBS: &[&str] = &[
    "had",
    "has",
    "have",
    "saw",
    "recorded",
    "registered",
    "logged",
];

/// Words that may open a count after a holding verb besides a digit ("had more than 100").
const COUNT_OPENERS: &[&str] = &[
    "more", "nearly", "almost", "about", "over", "some", "at", "fewer", "less", "around",
];

/// The names that open a clause and hold a count ("Guinea had 65 new cases, while Sierra Leone
/// had 76"): a breakdown by place, whose parts are not rivals. The name is a run of capitalised
/// words at the start of the sentence or after a comma, "while", "and", "but" or "whereas", and
/// not a pronoun or a phrase opened by "The"; its first word is kept, as for other places.
fn count_owners(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let opens_count = words.get(i + 1).is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit())
                || COUNT_OPENERS.contains(&n.to_lowercase().as_str())
        });
        if !HOLDING_VERBS.contains(&w.to_lowercase().as_str()) || !opens_count {
            continue;
        }
        let start = words[..i]
            .iter()
            .rposition(|x| !x.starts_with(char::is_uppercase) || x.ends_with(','))
            .map_or(0, |k| k + 1);
        if start == i {
            continue;
        }
        let clause_start = start == 0
            || words[start - 1].ends_with(',')
            || matches!(
                words[start - 1].to_lowercase().as_str(),
                "while" | "and" | "but" | "whereas"
            );
        let first = words[start].trim_matches(|c: char| !c.is_alphanumeric());
        let pronoun = matches!(
            first,
            "He" | "She" | "It" | "They" | "We" | "I" | "You" | "The" | "This" | "That"
        );
        if clause_start && !pronoun && !first.is_empty() {
            out.push(first.to_owned());
        }
    }
    out
}

/// Words before "of" and a place's name ("the town of Konna", "in control of Voinjama").
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "district", "province", "region", "control",
];

/// Administrative divisions named after a place ("Khost province", "Borno state").
const ADMIN_UNITS: &[&str] = &[
    "province",
    "state",
    "county",
    "district",
    "region",
    "governorate",
    "prefecture",
];

/// "eastern", "north-western", "central" and the like: words that locate within a place.
fn is_compass(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    w == "central"
        || w.split('-').all(|part| {
            matches!(
                part,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
            )
        })
}

/// A title-case line without final punctuation: "Six Somali Soldiers Killed in Attacks".
fn is_headline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "in"
                | "on"
                | "of"
                | "for"
                | "to"
                | "and"
                | "or"
                | "at"
                | "by"
                | "as"
                | "with"
                | "from"
                | "vs"
                | "over"
                // Function words that headline styles also leave in lower case:
                // "US Disputes Reports that Coalition Aircraft Killed Afghan Civilians".
                | "that"
                | "but"
                | "nor"
                | "yet"
                | "so"
                | "up"
                | "off"
                | "per"
                | "via"
                | "into"
                | "onto"
                | "than"
                | "amid"
                | "after"
        )
    };
    words.len() >= 3
        && !text.trim_end().ends_with(['.', '!', '?', '”', '"', ':'])
        && words
            .iter()
            .filter(|w| !small(w))
            .all(|w| !w.starts_with(|c: char| c.is_lowercase()))
}

/// A count of people named one by one: "a commander and a soldier" → 2, "a woman, a child and
/// a guard" → 3. Every conjunct must open with "a", "an" or "one" and be at most four words.
fn named_count(text: &str) -> Option<quantity::Quantity> {
    let lower = text.trim().to_lowercase();
    let parts: Vec<&str> = lower
        .split(',')
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let named = |p: &&str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (2..=4).contains(&words.len()) && matches!(words[0], "a" | "an" | "one")
    };
    if parts.len() < 2 || !parts.iter().all(named) {
        return None;
    }
    Some(exact_count(parts.len() as f64, text))
}

/// An exact count read from the whole of `text`, with no unit.
fn exact_count(n: f64, text: &str) -> quantity::Quantity {
    quantity::Quantity {
        start: 0,
        end: text.len(),
        low: Some(n),
        high: Some(n),
        bound: quantity::Bound::Exact,
        unit: None,
        unit_text: None,
        change: None,
    }
}

/// The first participating group named `name`, `name2`, `name3`… (alternatives of one rule).
fn group<'t>(caps: &regex::Captures<'t>, name: &str) -> Option<regex::Match<'t>> {
    caps.name(name)
        .or_else(|| (2..=6).find_map(|i| caps.name(&format!("{name}{i}"))))
}

/// Whether an agent phrase stands for the speaker: a subject pronoun ("it", "they", "we") or a
/// phrase the speaker owns ("its group", "our forces", "their fighters").
fn speakers_own(agent: &str) -> bool {
    let lower = agent.to_lowercase();
    let mut words = lower.split_whitespace();
    matches!(
        (words.next(), words.next()),
        (Some("it" | "they" | "we"), None) | (Some("its" | "their" | "our"), Some(_))
    )
}

/// A count of none: "no" (casualties), "no one", "nobody", "none" (were killed). Claim patterns
/// capture these words as a `value` only where they count people or things.
fn no_count(text: &str) -> Option<quantity::Quantity> {
    let lower = text.trim().to_lowercase();
    // "not" only as a rule captures it: "have not lost a single soldier".
    let none = matches!(
        lower.as_str(),
        "no" | "no one" | "nobody" | "none" | "not" | "n't" | "n’t"
    );
    none.then(|| exact_count(0.0, text))
}

/// Lower-case singular of a counted noun: "soldiers" → "soldier", "people" → "person".
fn singular(noun: &str) -> String {
    let n = noun.to_lowercase();
    match n.as_str() {
        "people" | "persons" => "person".to_owned(),
        "men" => "man".to_owned(),
        "women" => "woman".to_owned(),
        "children" => "child".to_owned(),
        "police" | "policemen" | "police officers" => "police officer".to_owned(),
        _ => n
            .strip_suffix('s')
            .filter(|s| !s.ends_with('s'))
            .map_or(n.clone(), str::to_owned),
    }
}

/// Subject of a claim when no subject could be resolved; such claims are never paired by subject.
pub const UNKNOWN_SUBJECT: &str = "(unknown)";

/// Id of the engine's own rule that turns attributed speech into a statement claim.
pub const STATEMENT_RULE: &str = "reported-statement";

/// Adds a statement claim for each explicit, asserting attribution whose content holds no claim.
fn statements(
    attributions: &[Attribution],
    s: &Sentence,
    si: usize,
    doc_index: usize,
    event: usize,
    doc: &Document,
    kept: &mut Vec<Claim>,
) {
    for a in attributions {
        if a.source.via == Via::Document || a.source.stance != crate::model::Stance::Assert {
            continue;
        }
        let Some(content) = free_content(a.content, &doc.prose, kept) else {
            continue;
        };
        let raw = doc.prose.get(content.start..content.end).unwrap_or("");
        let trimmed = raw
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | ',' | ':'));
        let start = content.start + (raw.len() - trimmed.len());
        let trimmed = trimmed
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '”' | '"' | ',' | '.'));
        if trimmed.split_whitespace().count() < 3 {
            continue;
        }
        kept.push(Claim {
            doc: doc_index,
            text: trimmed.to_owned(),
            span: Span::new(start, start + trimmed.len()),
            sentence: s.span,
            sentence_index: si,
            paragraph: s.paragraph,
            subject: "(statement)".to_owned(),
            aspect: "statement".to_owned(),
            axis: "statement".to_owned(),
            sign: 1,
            kind: ClaimKind::Statement,
            value: None,
            direction: None,
            polarity: None,
            agent: None,
            hedged: false,
            qualifier: None,
            places: Vec::new(),
            event,
            source: a.source.clone(),
            context: doc.prose[s.span.start..s.span.end].to_owned(),
            rule: STATEMENT_RULE.to_owned(),
        });
    }
    kept.sort_by_key(|c| c.span.start);
}

/// The part of a reported content that holds no claim: all of it, or, when a claim sits in a
/// later clause ("poverty has dropped dramatically, but people … are skeptical"), the clauses
/// before the first ", but " or "; " that precedes every claim in it.
fn free_content(content: Span, prose: &str, kept: &[Claim]) -> Option<Span> {
    let Some(first) = kept
        .iter()
        .filter(|c| content.overlaps(c.span))
        .map(|c| c.span.start)
        .min()
    else {
        return Some(content);
    };
    let text = prose.get(content.start..content.end)?;
    let cut = [", but ", "; "]
        .iter()
        .filter_map(|m| text.find(m))
        .filter(|&at| content.start + at <= first)
        .min()?;
    Some(Span::new(content.start, content.start + cut))
}

struct ClaimCtx<'a> {
    rules: &'a RuleSet,
    doc: &'a Document,
    doc_index: usize,
    event: usize,
    sentence: &'a Sentence,
    sentence_index: usize,
    text: &'a str,
    mentions: &'a [Vec<Mention>],
    attributions: &'a [Attribution],
}

impl ClaimCtx<'_> {
    fn abs(&self, rel: usize) -> usize {
        self.sentence.span.start + rel
    }

    fn claim(&self, rule: &ClaimRule, caps: &regex::Captures<'_>) -> Result<Claim, String> {
        let m = caps.get(0).ok_or("no match")?;
        let span = Span::new(self.abs(m.start()), self.abs(m.end()));
        let aspect = self
            .rules
            .aspects
            .get(&rule.aspect)
            .ok_or("unknown aspect")?;
        let value = if rule.kind == ClaimKind::Numeric {
            let v = group(caps, "value").ok_or("no `value` group took part in the match")?;
            let q = quantity::parse_quantity(v.as_str())
                .or_else(|| named_count(v.as_str()))
                .or_else(|| no_count(v.as_str()))
                .ok_or_else(|| format!("`{}` is not a number crosscheck can read", v.as_str()))?;
            // A counted noun captured by the rule ("soldiers") beats the rule's generic unit.
            let unit = group(caps, "unit")
                .map(|u| self.rules.canonical_unit(&singular(u.as_str())))
                .or_else(|| q.unit.clone().filter(|u| u == "percent"))
                .or_else(|| rule.unit.clone());
            // "far lower than the estimated 90 percent": a comparison in the match before the
            // figure makes it a bound.
            let lead = m.as_str()[..v.start() - m.start()].to_lowercase();
            let lead = lead.trim_end();
            let cmp = |words: &[&str]| {
                let mut it = lead.split_whitespace().rev().skip_while(|w| {
                    matches!(
                        *w,
                        "than" | "the" | "estimated" | "official" | "reported" | "widely"
                    )
                });
                it.next().is_some_and(|w| words.contains(&w))
            };
            let mut q = q;
            if matches!(
                q.bound,
                quantity::Bound::Exact | quantity::Bound::Approximate
            ) {
                if cmp(&["lower", "less", "fewer", "below", "under", "smaller"]) {
                    (q.low, q.high, q.bound) = (None, q.low, quantity::Bound::AtMost);
                } else if cmp(&["higher", "more", "greater", "above", "over", "larger"]) {
                    q.bound = quantity::Bound::AtLeast;
                    q.high = None;
                }
            }
            // The parser reads "dozens" as 12–120 (NewsQuant's convention); as a claim it
            // means two dozen or more and fewer than a hundred, so "dozens of bodies" disputes
            // "between six and 16".
            let (low, high) = if v.as_str().trim().to_lowercase().starts_with("dozens")
                && (q.low, q.high) == (Some(12.0), Some(120.0))
            {
                (Some(24.0), Some(99.0))
            } else {
                (q.low, q.high)
            };
            Some(crate::model::Value {
                low,
                high,
                unit,
                bound: q.bound,
            })
        } else {
            None
        };
        let negated = group(caps, "neg").is_some() || self.negated_before(m.start());
        let polarity = rule.polarity.map(|p| if negated { p.flip() } else { p });
        let direction = rule.direction.map(|d| if negated { d.flip() } else { d });
        let mut source = self.source(caps, span);
        let agent = group(caps, "agent").map(|a| self.resolve_name(a.as_str(), a.start()));
        let agent = match agent {
            // "the group said it was behind", "the party claimed its group had won": a pronoun
            // agent, or one the speaker owns, is the speaker.
            Some(a) if speakers_own(&a) => Some(source.name.clone()),
            other => other,
        };
        let subject = if rule.self_claim
            && rule.kind == ClaimKind::Evaluative
            && group(caps, "source").is_some()
        {
            source.name.clone()
        } else {
            self.subject(caps, m.start(), &source)
        };
        // A claim of one's own (success, responsibility) is its agent's; a denial is its
        // agent's only when no one else reports it ("Sudan's armed forces denied bombing", not
        // "Matsanga said LRA forces were not responsible").
        let own = rule.polarity != Some(crate::model::Polarity::Negative)
            || source.via == crate::model::Via::Document;
        if rule.self_claim
            && own
            && let (Some(a), Some(g)) = (&agent, group(caps, "agent"))
        {
            source = Source {
                name: a.clone(),
                role: None,
                cue: None,
                via: Via::Explicit,
                stance: crate::model::Stance::Assert,
                resolved: None,
                span: Some(Span::new(self.abs(g.start()), self.abs(g.end()))),
                cue_span: None,
            };
        }
        let lower = self.text.to_lowercase();
        let window_start = m.start().saturating_sub(40);
        let before = lower.get(window_start..m.start()).unwrap_or("");
        let hedged = source.stance == crate::model::Stance::Hedge
            || before
                .split(|c: char| !c.is_alphanumeric())
                .chain(
                    m.as_str()
                        .to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .collect::<Vec<_>>(),
                )
                .any(|w| HEDGES.contains(&w));
        let qualifier = if UPDATES.iter().any(|u| lower.contains(u)) {
            Some("a running total or an update".to_owned())
        } else if is_aggregate(&lower) {
            Some("a total over several events".to_owned())
        } else if let (Some(v), Some(u)) = (group(caps, "value"), group(caps, "unit"))
            && v.end() <= u.start()
            && self.text[v.end()..u.start()]
                .split_whitespace()
                .any(|w| PARTIAL.contains(&w.to_lowercase().as_str()))
        {
            // "one other soldier was killed", "five more people died": a count added to one
            // given elsewhere, not a rival total.
            Some("a part of a larger count".to_owned())
        } else {
            None
        };
        Ok(Claim {
            doc: self.doc_index,
            text: self
                .doc
                .text
                .get(span.start..span.end)
                .unwrap_or("")
                .to_owned(),
            span,
            sentence: self.sentence.span,
            sentence_index: self.sentence_index,
            paragraph: self.sentence.paragraph,
            subject,
            aspect: rule.aspect.clone(),
            axis: aspect.axis.clone(),
            sign: aspect.sign,
            kind: rule.kind,
            value,
            direction,
            polarity,
            agent,
            hedged,
            qualifier,
            places: places(self.text),
            event: self.event,
            source,
            context: self.text.to_owned(),
            rule: rule.id.clone(),
        })
    }

    /// A negation word in the same clause, at most four words before the match.
    fn negated_before(&self, rel: usize) -> bool {
        let Some(neg) = &self.rules.matchers.negation else {
            return false;
        };
        let before = &self.text[..rel];
        let clause_start =
            crate::attribute::after_last(before, &[',', ';', ':', '.', '“', '”', '"', '(']);
        let clause = &before[clause_start..];
        let words: Vec<&str> = clause.split_whitespace().collect();
        let tail = words[words.len().saturating_sub(5)..].join(" ");
        neg.is_match(&tail)
    }

    /// The claim's source: a `source` group, the sentence's attribution when the claim lies in
    /// its content, or the document's voice.
    fn source(&self, caps: &regex::Captures<'_>, span: Span) -> Source {
        if let Some(s) = group(caps, "source") {
            let name = self.resolve_name(s.as_str(), s.start());
            return Source {
                name,
                role: None,
                cue: None,
                via: Via::Explicit,
                stance: crate::model::Stance::Assert,
                resolved: None,
                span: Some(Span::new(self.abs(s.start()), self.abs(s.end()))),
                cue_span: None,
            };
        }
        for a in self.attributions {
            if a.content.contains(span)
                || a.content.overlaps(span) && a.source.span.is_none_or(|s| !s.overlaps(span))
            {
                // "the group said it was behind blasts that killed 95": a toll in a relative
                // clause on the event a speaker claims or blames is background, in the outlet's
                // voice; in a speaker's own account ("villagers said gunmen staged an attack
                // that killed eight troops") it stays the speaker's.
                let before = self
                    .doc
                    .prose
                    .get(a.content.start..span.start)
                    .unwrap_or("")
                    .trim_end()
                    .to_lowercase();
                let relative =
                    before.len() > 5 && (before.ends_with(" that") || before.ends_with(" which"));
                if relative
                    && caps.name("value").is_some()
                    && !before.ends_with("said that")
                    && RESPONSIBILITY.iter().any(|w| before.contains(w))
                {
                    return attribute::document_source();
                }
                return a.source.clone();
            }
            // "Tahiri said that [reports suggesting otherwise are baseless]": a speaker and cue
            // wholly inside the claim are part of what someone else reports, not its source.
            let nested = a.source.span.is_some_and(|s| span.contains(s))
                && self
                    .attributions
                    .iter()
                    .any(|o| !std::ptr::eq(o, a) && o.content.contains(span));
            if nested {
                continue;
            }
            // The claim is the speech act itself: "officials denied a report that …". Of two
            // cues in the claim ("denied accusations by X that …"), the first is its act.
            let in_claim = |c: Span| c.overlaps(span) || span.contains(c);
            let first_cue = |c: Span| {
                !self.attributions.iter().any(|o| {
                    o.source
                        .cue_span
                        .is_some_and(|oc| in_claim(oc) && oc.start < c.start)
                })
            };
            if a.source
                .cue_span
                .is_some_and(|c| in_claim(c) && first_cue(c))
                || a.source
                    .span
                    .is_some_and(|s| s.end <= span.start && span.start <= a.content.start)
            {
                return a.source.clone();
            }
        }
        self.speech_act_source(span)
            .unwrap_or_else(attribute::document_source)
    }

    /// A claim that starts with a cue verb is a speech act ("Koang denied the accusations",
    /// "Pakistan rejected the allegations"): its source is the speaker before the verb.
    fn speech_act_source(&self, span: Span) -> Option<Source> {
        let rel = span.start - self.sentence.span.start;
        let first = self
            .text
            .get(rel..)?
            .split_whitespace()
            .next()?
            .to_lowercase();
        let cue = self
            .rules
            .cues
            .get(first.trim_matches(|c: char| !c.is_alphanumeric()))?;
        if cue.prefix {
            return None;
        }
        let (name, sp) = attribute::speaker_before(self.text, rel)?;
        let lower = name.to_lowercase();
        if name.is_empty() || matches!(lower.as_str(), "it" | "this" | "that" | "which" | "who") {
            return None;
        }
        Some(Source {
            name,
            role: None,
            cue: Some(first),
            via: Via::Explicit,
            stance: cue.stance,
            resolved: None,
            span: Some(Span::new(self.abs(sp.start), self.abs(sp.end))),
            cue_span: Some(Span::new(span.start, span.start)),
        })
    }

    /// A name in the text: a subject alias, a resolved reference, or the cleaned phrase.
    fn resolve_name(&self, phrase: &str, rel: usize) -> String {
        let at = self.abs(rel);
        let end = at + phrase.len();
        let found = self.mentions[self.sentence_index]
            .iter()
            .find(|m| m.span.start >= at && m.span.end <= end);
        match found.and_then(|m| m.subject) {
            Some(i) => self.rules.subjects[i].name.clone(),
            None => subject::clean_name(phrase),
        }
    }

    /// The claim's subject: a `subject` group, else the nearest mention before the match (not
    /// inside the source phrase), else the latest mention in earlier sentences of the paragraph.
    fn subject(&self, caps: &regex::Captures<'_>, rel: usize, source: &Source) -> String {
        if let Some(s) = group(caps, "subject") {
            return self.resolve_name(s.as_str(), s.start());
        }
        let at = self.abs(rel);
        let in_source = |m: &Mention| source.span.is_some_and(|s| s.overlaps(m.span));
        let here = &self.mentions[self.sentence_index];
        let candidate = here
            .iter()
            .rfind(|m| m.span.end <= at + 1 && m.subject.is_some() && !in_source(m))
            .or_else(|| here.iter().find(|m| m.subject.is_some() && !in_source(m)))
            .or_else(|| {
                (0..self.sentence_index)
                    .rev()
                    .take(3)
                    .find_map(|i| self.mentions[i].iter().rev().find(|m| m.subject.is_some()))
            });
        candidate.and_then(|m| m.subject).map_or_else(
            || UNKNOWN_SUBJECT.to_owned(),
            |i| self.rules.subjects[i].name.clone(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{is_headline, named_count, places};

    #[test]
    fn places_skip_a_compass_word_before_a_province_only() {
        assert_eq!(places("a raid in eastern Khost province"), ["Khost"]);
        assert_eq!(places("a strike in southern Helmand province"), ["Helmand"]);
        assert!(places("villagers in southern South Sudan said").is_empty());
        assert_eq!(places("fighting near Goma on Monday"), ["Goma"]);
        assert!(places("an attack in March").is_empty());
        assert_eq!(places("rebels captured the town of Voinjama"), ["Voinjama"]);
        assert_eq!(places("fighters seized Konna on Thursday"), ["Konna"]);
        assert!(places("the killing of Khamis").is_empty());
        assert_eq!(places("troops remain in control of Kolahun"), ["Kolahun"]);
    }

    #[test]
    fn a_place_that_opens_a_clause_and_holds_a_count_is_a_place() {
        assert_eq!(
            places("Guinea had 65 new cases, compared with 39."),
            ["Guinea"]
        );
        assert_eq!(
            places("Sierra Leone had 76 new confirmed cases, while Liberia had 3."),
            ["Sierra", "Liberia"]
        );
        assert_eq!(places("Texas recorded more than 120 deaths."), ["Texas"]);
        assert!(places("He had 12 children.").is_empty());
        assert!(places("The ministry had 30 reports of cases.").is_empty());
        assert!(places("Officials said the clinic had been closed.").is_empty());
        assert!(places("Police said Ahmed had 3 guns.").is_empty());
    }

    #[test]
    fn people_named_one_by_one_are_counted() {
        let n = |t: &str| named_count(t).and_then(|q| q.low);
        assert_eq!(n("a commander and a soldier"), Some(2.0));
        assert_eq!(n("a woman, a child and a guard"), Some(3.0));
        assert_eq!(n("the commander and his soldiers"), None);
        assert_eq!(n("a soldier"), None);
    }

    #[test]
    fn headlines_allow_lower_case_function_words() {
        assert!(is_headline(
            "US Disputes Reports that Coalition Aircraft Killed Afghan Civilians"
        ));
        assert!(is_headline("Six Somali Soldiers Killed in Attacks"));
        assert!(!is_headline(
            "Officials said that five soldiers were killed."
        ));
        assert!(!is_headline(
            "Officials said that five soldiers were killed"
        ));
    }
}
