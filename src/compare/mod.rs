//! Findings: group claims by (document, subject, axis), then pair claims of different sources
//! inside each group with the contradiction rules. Grouping keeps the cost proportional to the
//! group sizes, not to the square of the number of claims. Denials, negated restatements and
//! contrasts ([`FindingKind::searches`]) instead search a window of the document around each
//! claim of their kind (`counter.rs` holds the two statement pairings).

use crate::model::{Claim, ClaimKind, Finding, FindingKind, Polarity, Stance};
use crate::rules::{ContradictionRule, RuleSet};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

mod counter;
mod referent;

/// Options for pairing.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompareOptions {
    /// Pair claims from different documents too.
    pub across_documents: bool,
}

/// Why a candidate pair was or was not flagged by one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Flagged.
    Conflict,
    /// Not flagged, with the reason.
    Consistent(String),
}

/// Pairs conflicting claims. `claims` must be sorted by (doc, span).
///
/// Documents are paired independently and in parallel unless `across_documents` is set. Inside
/// a group, claims are visited in text order, so a group whose rules all have a `within`
/// window stops scanning once the window is passed; denials search only their own document.
pub fn pair(rules: &RuleSet, claims: &[Claim], opts: CompareOptions) -> Vec<Finding> {
    // One key per speaker of a document: "the spokesman" and "Spokesman Bryan Hilferty" agree
    // (extraction resolved each mention to its speaker).
    let keys = crate::entities::source_keys(claims);
    let ctx = Pairing {
        rules,
        claims,
        keys: &keys,
        said_stems: (0..claims.len())
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        negations: (0..claims.len())
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        denial_aspects: rules
            .contradictions
            .iter()
            .filter(|r| r.kind == FindingKind::Negation)
            .flat_map(|r| r.aspects.iter().map(String::as_str))
            .collect(),
    };
    let docs = doc_ranges(claims);
    let mut findings: Vec<Finding> = if opts.across_documents {
        let mut seen = BTreeSet::new();
        let mut out = ctx.groups(0..claims.len(), true, &mut seen);
        for r in docs {
            out.extend(ctx.denials(r.clone(), &mut seen));
            out.extend(ctx.restatements(r.clone(), &mut seen));
            out.extend(ctx.contrasts(r, &mut seen));
        }
        out
    } else {
        docs.into_par_iter()
            .flat_map_iter(|r| {
                let mut seen = BTreeSet::new();
                let mut out = ctx.groups(r.clone(), false, &mut seen);
                out.extend(ctx.denials(r.clone(), &mut seen));
                out.extend(ctx.restatements(r.clone(), &mut seen));
                out.extend(ctx.contrasts(r, &mut seen));
                out
            })
            .collect()
    };
    findings.sort_by_key(|f| {
        (
            claims[f.claims[0]].doc,
            claims[f.claims[0]].span.start,
            claims[f.claims[1]].doc,
            claims[f.claims[1]].span.start,
            f.rule.clone(),
        )
    });
    findings
}

/// The index ranges of each document's claims (claims are sorted by document).
fn doc_ranges(claims: &[Claim]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < claims.len() {
        let doc = claims[start].doc;
        let len = claims[start..].partition_point(|c| c.doc == doc);
        out.push(start..start + len);
        start += len;
    }
    out
}

/// What pairing reads: the rules, all claims and each claim's source key.
struct Pairing<'a> {
    rules: &'a RuleSet,
    claims: &'a [Claim],
    keys: &'a [String],
    /// Topic stems of what each claim's source says, computed on first use: a denial compares
    /// them with every claim in its window.
    said_stems: Vec<std::sync::OnceLock<BTreeSet<String>>>,
    /// The negated predicate of what each claim's source says, computed on first use: a negated
    /// statement asks it of every candidate in its window.
    negations: Vec<std::sync::OnceLock<Option<crate::topic::Negated>>>,
    /// Aspects of the denial rules: a claim of one disputes an account rather than giving one.
    denial_aspects: BTreeSet<&'a str>,
}

impl Pairing<'_> {
    /// Groups the claims in `range` by (document, subject, axis) and judges the pairs of
    /// different sources in each group with every rule that does not search.
    fn groups(
        &self,
        range: Range<usize>,
        across: bool,
        seen: &mut BTreeSet<(usize, usize)>,
    ) -> Vec<Finding> {
        let (rules, claims) = (self.rules, self.claims);
        let mut groups: BTreeMap<(usize, &str, &str), Vec<usize>> = BTreeMap::new();
        for i in range {
            let c = &claims[i];
            let doc = if across { 0 } else { c.doc };
            // Responsibility claims are about an event, whoever they name: group them by
            // document.
            let per_event = rules.aspects.get(&c.aspect).is_some_and(|a| a.per_event);
            let subject = if c.kind == ClaimKind::Attribution || per_event {
                ""
            } else {
                c.subject.as_str()
            };
            groups
                .entry((doc, subject, c.axis.as_str()))
                .or_default()
                .push(i);
        }
        let pair_rules: Vec<&ContradictionRule> = rules
            .contradictions
            .iter()
            .filter(|r| !r.kind.searches())
            .collect();
        // Within one document, no rule looks further than the widest window.
        let window = (!across).then(|| {
            pair_rules
                .iter()
                .map(|r| r.within.unwrap_or(MAX_DISTANCE))
                .max()
                .unwrap_or(0)
        });
        let mut findings = Vec::new();
        for ((_, subject, _), members) in &groups {
            // Two claims whose subject no rule names ("the militant group", "the economy")
            // may be about anything: they pair only when near each other and their sources
            // say something about the same topic word.
            let unnamed = *subject == crate::extract::UNKNOWN_SUBJECT;
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    let (a, b) = (&claims[i], &claims[j]);
                    let far = b.sentence_index.abs_diff(a.sentence_index);
                    // Claims are in text order: nothing later is nearer.
                    if window.is_some_and(|w| far > w) || unnamed && far > UNNAMED_WINDOW {
                        break;
                    }
                    if self.keys[i] == self.keys[j] {
                        continue;
                    }
                    if unnamed && !self.same_unnamed_topic(i, j) {
                        continue;
                    }
                    for rule in &pair_rules {
                        // Checked here too so that a rule for other aspects costs no verdict
                        // message.
                        if !rule.applies_to(&a.aspect) || !rule.applies_to(&b.aspect) {
                            continue;
                        }
                        if judge_sources(rule, a, b, false) == Verdict::Conflict {
                            seen.insert((i, j));
                            findings.push(finding(rule, claims, i, j));
                            break;
                        }
                    }
                }
            }
        }
        findings
    }

    /// Whether claims `i` and `j`, of no named subject (the caller keeps them at most
    /// [`UNNAMED_WINDOW`] sentences apart), are in one document and what their sources say
    /// shares a topic word ("the militant group … no longer poses a threat" / "the group remains
    /// a danger").
    fn same_unnamed_topic(&self, i: usize, j: usize) -> bool {
        self.claims[i].doc == self.claims[j].doc
            && self
                .said_stems(i)
                .intersection(self.said_stems(j))
                .next()
                .is_some()
    }

    /// Topic stems of a text, through the rules' units and event words.
    fn stems(&self, text: &str) -> BTreeSet<String> {
        crate::topic::stems(text, &self.rules.words())
    }

    /// The negated predicate of a text, with the rules' negations, units and event words.
    fn negated_in(&self, text: &str) -> Option<crate::topic::Negated> {
        crate::topic::negated(
            text,
            self.rules.matchers.negation.as_ref(),
            &self.rules.words(),
        )
    }

    /// The finding of `rule` for account `i` disputed by claim `j`, unless the pair was already
    /// flagged. Its message names `j` as `b`, whichever comes first in the text ("{b} disputes
    /// what {a} says").
    fn disputed(
        &self,
        rule: &ContradictionRule,
        i: usize,
        j: usize,
        seen: &mut BTreeSet<(usize, usize)>,
    ) -> Option<Finding> {
        let (x, y) = if i < j { (i, j) } else { (j, i) };
        seen.insert((x, y)).then(|| {
            let mut f = finding(rule, self.claims, x, y);
            f.message = render_message(&rule.message, &self.claims[i], &self.claims[j]);
            f
        })
    }

    /// What denial `j` is about: its clause from the denial on, and, if that only points back
    /// or says too little, the topic of the nearest earlier denial within two sentences.
    fn denial_topic(&self, doc: Range<usize>, j: usize) -> BTreeSet<String> {
        let d = &self.claims[j];
        let scope = clause_from(&d.context, d.offset());
        let mut topic = self.stems(scope);
        if crate::topic::is_anaphoric(scope) || topic.len() < 2 {
            // Claims are in text order: stop once more than two sentences back.
            let earlier = (doc.start..j)
                .rev()
                .take_while(|&k| d.sentence_index - self.claims[k].sentence_index <= 2)
                .find(|&k| {
                    let e = &self.claims[k];
                    e.aspect == d.aspect && e.sentence_index < d.sentence_index
                });
            if let Some(k) = earlier {
                let e = &self.claims[k];
                let s = clause_from(&e.context, e.offset());
                topic.extend(self.stems(s));
            }
        }
        topic
    }

    /// Topic stems of what claim `i`'s source says.
    fn said_stems(&self, i: usize) -> &BTreeSet<String> {
        self.said_stems[i].get_or_init(|| self.stems(&said(&self.claims[i])))
    }

    /// How many topic stems claim `i`'s sentence shares with `topic`.
    fn shared_topic(&self, topic: &BTreeSet<String>, i: usize) -> usize {
        self.said_stems(i).intersection(topic).count()
    }

    /// Denials pair with the claim they dispute: the nearest claim of another source of the
    /// same document within the rule's window, preferring the same subject.
    fn denials(&self, doc: Range<usize>, seen: &mut BTreeSet<(usize, usize)>) -> Vec<Finding> {
        let (rules, claims, keys) = (self.rules, self.claims, self.keys);
        let mut findings = Vec::new();
        for rule in rules
            .contradictions
            .iter()
            .filter(|r| r.kind == FindingKind::Negation)
        {
            for j in doc.clone() {
                let d = &claims[j];
                if !rule.applies_to(&d.aspect) {
                    continue;
                }
                let window = rule.within.unwrap_or(usize::MAX);
                let wants = denied_kind(&d.text);
                // A spokesman does not dispute the body he speaks for.
                let own_side =
                    |a: &Claim| crate::entities::affiliated(&a.source.name, &d.source.name);
                let Range { start: lo, end: hi } = within(claims, &doc, d.sentence_index, window);
                // The disputed claim may come before the denial or, as in "X denied a report …
                // Earlier, the newspaper reported …", after it: nearest first, same subject
                // first.
                // What the denial is about; a denial that only points back ("reports
                // suggesting otherwise are baseless") is about what the denial just before it
                // denies.
                let topic = self.denial_topic(doc.clone(), j);
                let scope = clause_from(&d.context, d.offset());
                // "deny the claim" answers a claim told before it, and nothing after it; "the
                // charges raised by Navalny" the charges Navalny made.
                let answers = referent::referent(scope);
                let made_by = |a: &Claim| {
                    // "a report by Human Rights Watch that details the killings of 400": what
                    // follows the accuser in the denial's own sentence is the accuser's.
                    let told_after =
                        a.sentence_index == d.sentence_index && a.span.start >= d.span.start;
                    told_after
                        || answers.by.as_deref().is_none_or(|by| {
                            crate::entities::share_identity(by, &a.source.name)
                                || a.source
                                    .resolved
                                    .as_deref()
                                    .is_some_and(|r| crate::entities::share_identity(by, r))
                        })
                };
                let overlap = |i: usize| self.shared_topic(&topic, i);
                // "his fighters have not been pushed out": the account that states the negated
                // predicate ("has pushed the rebels away") is the one disputed.
                let head = self.negated_in(scope).map(|n| n.head);
                let states_head = |i: usize| {
                    head.as_ref()
                        .is_some_and(|h| self.said_stems(i).contains(h))
                };
                let eligible = |i: usize| {
                    let a = &claims[i];
                    i != j
                        && !(answers.back && i > j)
                        && keys[i] != keys[j]
                        && !rule.applies_to(&a.aspect)
                        && a.source.stance != Stance::Deny
                        && !own_side(a)
                        // "Uganda has not deployed troops" sides with a denial of the deployment.
                        && !(a.kind == ClaimKind::Statement && self.negated(i).is_some())
                        // Nor does a denial answer another party's denial of responsibility.
                        && !(a.kind == ClaimKind::Attribution
                            && a.polarity == Some(crate::model::Polarity::Negative))
                };
                let mut candidates: Vec<usize> = (lo..hi).filter(|&i| eligible(i)).collect();
                // The story's lead states the claim the article is about; a denial further down
                // may answer it from beyond the window, when it negates the lead's predicate.
                let lead = claims[doc.start].paragraph;
                candidates.extend(
                    (doc.start..lo)
                        .take_while(|&i| claims[i].paragraph == lead)
                        .filter(|&i| eligible(i) && states_head(i)),
                );
                // "X are disputing reports that an airstrike killed 11 civilians": the figure
                // after the denial in its own sentence, in the outlet's voice, only restates the
                // disputed report. The report's own source, elsewhere, is the better target:
                // preferably one that gives the same figure.
                // So does the content of the denier's own verb ("disputing reports that one of
                // their aircraft killed 11 civilians": the toll is what they deny).
                let restates = |a: &Claim| {
                    a.sentence_index == d.sentence_index
                        && a.span.start >= d.span.start
                        && (a.source.via == crate::model::Via::Document
                            || a.source.stance == Stance::Deny)
                };
                let restated: Vec<&Claim> = (lo..hi)
                    .map(|i| &claims[i])
                    .filter(|a| restates(a) && a.value.is_some())
                    .collect();
                let same_figure = |a: &Claim| {
                    restated.iter().any(|r| {
                        r.aspect == a.aspect
                            && r.value.as_ref().map(|v| (v.low, v.high))
                                == a.value.as_ref().map(|v| (v.low, v.high))
                    })
                };
                // Outlets rarely dispute themselves: a claim in the document's own voice is the
                // target only when no attributed claim is near.
                candidates.sort_by_cached_key(|&i| {
                    let a = &claims[i];
                    let distance = a.sentence_index.abs_diff(d.sentence_index);
                    // "…pegged unemployment at 10.7 percent, a figure dismissed as misleading":
                    // the claim in the denial's own sentence comes first, whoever voices it.
                    (
                        // "called the figures unrealistic" disputes a number; "denied the
                        // accusations" an allegation.
                        // "denied accusations by Captain Magezi": whatever Magezi said.
                        !made_by(a),
                        wants.is_some_and(|k| !k.contains(&a.kind)),
                        // "denied the claims": what was claimed ("a spokesman claimed …").
                        !a.source
                            .cue
                            .as_deref()
                            .is_some_and(|c| answers.named_by_cue(c)),
                        restates(a),
                        !restated.is_empty() && !same_figure(a),
                        distance > 0,
                        // "disputed those estimates" means the estimates just told, whoever
                        // voiced them.
                        a.source.via == crate::model::Via::Document && !answers.demonstrative,
                        // A claim about the same event ("no evidence that coalition forces
                        // killed any non-combatants" / "a coalition air strike killed 11
                        // civilians") beats a nearer one about something else.
                        !states_head(i),
                        std::cmp::Reverse(strong(overlap(i))),
                        a.subject != d.subject || d.subject == crate::extract::UNKNOWN_SUBJECT,
                        distance,
                        i > j,
                    )
                });
                // A denial disputes a source's account: the best target and up to two more
                // claims of the same source nearby ("there was no attack" against the attack,
                // its toll, its loot).
                let Some(&best) = candidates.first() else {
                    continue;
                };
                // A denial that names its accuser answers nothing when the accuser's own words
                // were not found: any other target would be a guess.
                if !made_by(&claims[best]) {
                    continue;
                }
                // A denial in the outlet's own voice (often a quotation whose speaker was lost)
                // answers only an account of the same event: the nearest one is a guess.
                if d.source.via == crate::model::Via::Document && strong(overlap(best)) == 0 {
                    continue;
                }
                // "denied the soldiers went on a rampage" names what it denies (a claim of the
                // best target's rule in the denial's own sentence): it disputes that claim only,
                // not the same source's toll.
                let named = (lo..hi).any(|k| {
                    k != j
                        && claims[k].sentence_index == d.sentence_index
                        && claims[k].span.start >= d.span.start
                        && claims[k].rule == claims[best].rule
                });
                let best_overlap = strong(overlap(best));
                let mut taken =
                    BTreeSet::from([(keys[best].as_str(), claims[best].sentence_index)]);
                let mut targets = vec![best];
                for &i in &candidates[1..] {
                    if targets.len() >= MAX_DENIAL_TARGETS {
                        break;
                    }
                    let a = &claims[i];
                    let detail = !named
                        && keys[i] == keys[best]
                        && a.kind != ClaimKind::Statement
                        && a.sentence_index.abs_diff(d.sentence_index) <= 3;
                    // "called the figures unrealistic" disputes every figure of that measure
                    // given before it, whoever gave it.
                    // "those estimates" means the figures just told, in the target's sentence.
                    let just_told =
                        !answers.demonstrative || a.sentence_index == claims[best].sentence_index;
                    let figure = wants == Some(&[ClaimKind::Numeric][..])
                        && a.aspect == claims[best].aspect
                        && matches!(a.kind, ClaimKind::Numeric | ClaimKind::Evaluative)
                        && a.sentence_index <= d.sentence_index;
                    // Other accounts of the same event, by other sources ("there was no
                    // attack" against the claim, the reported toll and the loot).
                    // They are attributed, of the kind the denial names, and give the figure
                    // it restates if it restates one.
                    let event = strong(overlap(i)) >= best_overlap.saturating_sub(1).max(2)
                        && a.source.via != crate::model::Via::Document
                        && wants.is_none_or(|k| k.contains(&a.kind))
                        && (restated.is_empty() || a.value.is_none() || same_figure(a))
                        && (!named || a.rule == claims[best].rule)
                        // A negated account ("no information that soldiers had gone on a
                        // rampage") sides with the denial.
                        && (a.rule != claims[best].rule || a.polarity == claims[best].polarity);
                    // Accounts of one event happen in one place: a toll in another province
                    // is another event, whatever words it shares with the denial.
                    let elsewhere = different_places(a, &claims[best]);
                    if detail
                        || (figure || event)
                            && just_told
                            && !elsewhere
                            && taken.insert((keys[i].as_str(), a.sentence_index))
                    {
                        targets.push(i);
                    }
                }
                // The same allegation told again far from the denial ("villagers accused the
                // soldiers of going on a rampage" a dozen sentences on): a claim of the best
                // target's rule, by another source, about the same event.
                // Only claims within the default window are looked at, so a huge document stays
                // linear.
                let far = within(claims, &doc, d.sentence_index, MAX_DISTANCE).filter(|&i| {
                    let a = &claims[i];
                    // Beyond the window, and before a denial that points back.
                    !((lo..hi).contains(&i) || answers.back && i > j)
                        && keys[i] != keys[j]
                        && a.rule == claims[best].rule
                        && a.kind != ClaimKind::Statement
                        && a.polarity == claims[best].polarity
                        && a.source.stance != Stance::Deny
                        && a.source.via != crate::model::Via::Document
                        && !different_places(a, &claims[best])
                        && !own_side(a)
                        && strong(overlap(i)) > 0
                });
                for i in far {
                    if targets.len() >= MAX_DENIAL_TARGETS {
                        break;
                    }
                    if taken.insert((keys[i].as_str(), claims[i].sentence_index)) {
                        targets.push(i);
                    }
                }
                for i in targets {
                    findings.extend(self.disputed(rule, i, j, seen));
                }
            }
        }
        findings
    }
}

/// The claims of document `doc` at most `window` sentences from sentence `at`: claims are in text
/// order, so they are one contiguous run.
fn within(claims: &[Claim], doc: &Range<usize>, at: usize, window: usize) -> Range<usize> {
    let in_doc = &claims[doc.clone()];
    let lo = in_doc.partition_point(|c| c.sentence_index < at.saturating_sub(window));
    let hi = in_doc.partition_point(|c| c.sentence_index <= at.saturating_add(window));
    doc.start + lo..doc.start + hi
}

/// Whether both claims name places and share none ("in Khost" against "in Helmand").
fn different_places(a: &Claim, b: &Claim) -> bool {
    !a.places.is_empty() && !b.places.is_empty() && !a.places.iter().any(|p| b.places.contains(p))
}

/// Whether two agents of responsibility claims name one party: the same key, one inside the
/// other ("Sudan" / "Sudan's armed forces"), one party or one identity.
fn same_agent(x: &str, y: &str) -> bool {
    let (kx, ky) = (crate::model::source_key(x), crate::model::source_key(y));
    kx == ky
        || kx.contains(&ky)
        || ky.contains(&kx)
        || crate::entities::same_party(x, y)
        || crate::entities::share_identity(x, y)
}

/// Whether the sources of two claims name one institution: an institution word both share
/// ("the Defense Ministry" / "ministry spokesman Dawlat Waziri", "the army" / "army spokesman").
fn one_body(a: &Claim, b: &Claim) -> bool {
    const BODIES: [&str; 7] = [
        "ministry",
        "army",
        "military",
        "police",
        "government",
        "commission",
        "council",
    ];
    let words = |c: &Claim| -> Vec<String> {
        c.source
            .name
            .split(|ch: char| !ch.is_alphanumeric())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    BODIES
        .iter()
        .any(|w| wa.iter().any(|x| x == w) && wb.iter().any(|x| x == w))
}

/// Most claims one denial is paired with.
const MAX_DENIAL_TARGETS: usize = 4;

/// How many sentences apart two claims of no named subject may be and still be paired.
const UNNAMED_WINDOW: usize = 4;

/// Shared topic words worth counting: one shared word is chance, two name an event.
fn strong(overlap: usize) -> usize {
    if overlap >= 2 { overlap } else { 0 }
}

/// The part of a sentence from `from` to the end of its clause: a denial's scope stops at "but"
/// or a semicolon ("denied the soldiers went on a rampage, but he did confirm …").
fn clause_from(context: &str, from: usize) -> &str {
    let rest = context.get(from..).unwrap_or("");
    let end = [", but ", " but ", "; "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// What a claim's source says: a reported statement's own words, else the claim's sentence
/// without its source phrase.
fn said(c: &Claim) -> String {
    if c.kind == ClaimKind::Statement {
        return c.text.clone();
    }
    let start = c.sentence.start;
    match c.source.span {
        Some(sp) if sp.start >= start && sp.end <= c.sentence.end => {
            let (a, b) = (sp.start - start, sp.end - start);
            format!(
                "{} {}",
                c.context.get(..a).unwrap_or(""),
                c.context.get(b..).unwrap_or("")
            )
        }
        _ => c.context.clone(),
    }
}

/// The kinds of claim a denial's wording points at, if it names one.
fn denied_kind(text: &str) -> Option<&'static [ClaimKind]> {
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "figure",
        "number",
        "statistic",
        "data",
        "toll",
        "rate",
        "estimate",
        "count",
    ]) {
        Some(&[ClaimKind::Numeric])
    } else if has(&["accusation", "allegation", "charge", "blame"]) {
        Some(&[ClaimKind::Evaluative, ClaimKind::Attribution])
    } else {
        None
    }
}

fn finding(rule: &ContradictionRule, claims: &[Claim], i: usize, j: usize) -> Finding {
    let (a, b) = (&claims[i], &claims[j]);
    let mut confidence = rule.confidence;
    for c in [a, b] {
        if matches!(
            c.source.via,
            crate::model::Via::Pronoun | crate::model::Via::QuoteCarry
        ) {
            confidence -= 0.05;
        }
    }
    Finding {
        rule: rule.id.clone(),
        kind: rule.kind,
        severity: rule.severity,
        confidence: (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        subject: a.subject.clone(),
        aspect: a.aspect.clone(),
        claims: [i, j],
        message: render_message(&rule.message, a, b),
    }
}

/// Fills a message template.
pub fn render_message(template: &str, a: &Claim, b: &Claim) -> String {
    let mut out = template.to_owned();
    for (key, value) in [
        // A subject no rule names reads as what the claims share: "about the subject".
        (
            "{subject}",
            if a.subject == crate::extract::UNKNOWN_SUBJECT {
                "the same subject".to_owned()
            } else {
                a.subject.clone()
            },
        ),
        ("{aspect}", a.aspect.replace('_', " ")),
        ("{a.source}", a.source.name.clone()),
        ("{b.source}", b.source.name.clone()),
        ("{a.text}", a.text.clone()),
        ("{b.text}", b.text.clone()),
        ("{a.value}", describe_value(a)),
        ("{b.value}", describe_value(b)),
    ] {
        out = out.replace(key, &value);
    }
    out
}

/// A claim's value in words: "90 percent", "at least 95 person", "positive".
pub fn describe_value(c: &Claim) -> String {
    if let Some(v) = &c.value {
        let num = |x: f64| {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.0}")
            } else {
                format!("{x}")
            }
        };
        let unit = v.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
        let range = match (v.low, v.high) {
            (Some(l), Some(h)) if (l - h).abs() < f64::EPSILON => num(l),
            (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
            (Some(l), None) => format!("at least {}", num(l)),
            (None, Some(h)) => format!("at most {}", num(h)),
            (None, None) => "?".to_owned(),
        };
        let dir = c.direction.map_or("", |d| match d {
            crate::model::Direction::Up => "up ",
            crate::model::Direction::Down => "down ",
        });
        return format!("{dir}{range}{unit}");
    }
    if let Some(agent) = &c.agent {
        return agent.clone();
    }
    match (c.direction, c.polarity) {
        (Some(d), _) => format!("{d:?}").to_lowercase(),
        (_, Some(p)) => format!("{p:?}").to_lowercase(),
        _ => String::new(),
    }
}

/// How many sentences apart two claims of one document may be for a rule without a `within`
/// window: beyond it they are not paired. News articles are far shorter; the cap keeps pairing
/// linear on very long files (an archive concatenated into one file) instead of quadratic.
pub const MAX_DISTANCE: usize = 250;

/// Decides whether one rule flags a pair, and why not if it does not.
pub fn judge(rule: &ContradictionRule, a: &Claim, b: &Claim) -> Verdict {
    judge_sources(
        rule,
        a,
        b,
        a.source.resolved_key() == b.source.resolved_key(),
    )
}

/// [`judge`], told whether the two claims have the same source (its key is costly to build).
fn judge_sources(rule: &ContradictionRule, a: &Claim, b: &Claim, same_source: bool) -> Verdict {
    use Verdict::Consistent as No;
    if !rule.applies_to(&a.aspect) || !rule.applies_to(&b.aspect) {
        return No(format!(
            "rule `{}` does not apply to these aspects",
            rule.id
        ));
    }
    if same_source {
        return No(format!("same source ({})", a.source.name));
    }
    let w = rule.within.unwrap_or(MAX_DISTANCE);
    if a.doc == b.doc && a.sentence_index.abs_diff(b.sentence_index) > w {
        return No(format!("more than {w} sentences apart"));
    }
    if a.hedged || b.hedged {
        return No("one claim is hedged".to_owned());
    }
    match rule.kind {
        FindingKind::NumericMismatch => numeric(rule, a, b),
        FindingKind::OppositeEvaluation => {
            if a.kind == ClaimKind::Attribution || b.kind == ClaimKind::Attribution {
                let same_agent = match (a.agent.as_deref(), b.agent.as_deref()) {
                    (Some(x), Some(y)) => same_agent(x, y),
                    (x, y) => x == y,
                };
                return if a.kind == b.kind && same_agent && a.polarity != b.polarity {
                    Verdict::Conflict
                } else {
                    No("not a claim and a denial about the same agent".into())
                };
            }
            if a.aspect != b.aspect && a.axis != b.axis {
                return No("different aspects".into());
            }
            match (a.polarity, b.polarity, a.direction, b.direction) {
                (Some(p), Some(q), None, None) if effect(p, a.sign) != effect(q, b.sign) => {
                    Verdict::Conflict
                }
                (Some(_), Some(_), None, None) => No("same polarity".into()),
                _ => No("not two evaluations".into()),
            }
        }
        FindingKind::TrendVsLevel => {
            let (trend, level) = match (a.direction, b.direction) {
                (Some(_), None) => (a, b),
                (None, Some(_)) => (b, a),
                _ => return No("not a trend against a level".into()),
            };
            let Some(p) = level.polarity else {
                return No("the level claim has no polarity".into());
            };
            let trend_effect = trend.direction.map_or(0, |d| match d {
                crate::model::Direction::Up => 1,
                crate::model::Direction::Down => -1,
            }) * i32::from(trend.sign);
            if trend_effect != effect(p, level.sign) {
                Verdict::Conflict
            } else {
                No("trend and level agree".into())
            }
        }
        FindingKind::AttributionConflict => match (&a.agent, &b.agent) {
            (Some(_), Some(_)) if a.doc == b.doc && a.event != b.event => {
                No("different events".into())
            }
            (Some(_), Some(_)) if different_places(a, b) => No(format!(
                "different places ({} vs {})",
                a.places.join(", "),
                b.places.join(", ")
            )),
            (Some(x), Some(y))
                if a.kind == ClaimKind::Attribution && b.kind == ClaimKind::Attribution =>
            {
                if same_agent(x, y) {
                    No("same agent".into())
                } else if (x == &a.source.name || y == &b.source.name) && one_body(a, b) {
                    // "Afghan forces have retaken the town, the Defense Ministry said" and
                    // "“Our forces are in control,” ministry spokesman X said": the speaker's own
                    // side and the body he speaks for are one side.
                    No("the speaker's own side and the body he speaks for".into())
                } else if a.polarity != b.polarity {
                    No("one claim denies responsibility".into())
                } else if a.polarity == Some(crate::model::Polarity::Negative) {
                    // "his group is not responsible" / "they were not involved": two denials
                    // blame nobody.
                    No("both claims deny responsibility".into())
                } else {
                    Verdict::Conflict
                }
            }
            _ => No("not two responsibility claims".into()),
        },
        FindingKind::Negation | FindingKind::NegatedRestatement | FindingKind::Contrast => {
            No("denials and negated statements are paired separately".into())
        }
    }
}

fn effect(p: Polarity, sign: i8) -> i32 {
    let base = match p {
        Polarity::Positive => 1,
        Polarity::Negative => -1,
    };
    base * i32::from(sign)
}

/// Words that mark a figure as the first version of a count ("Local authorities initially
/// said …").
const INITIAL: &[&str] = &["initially", "at first", "originally", "first reported"];

/// Why a figure is not a rival to the other, if it is an earlier version of a count that the
/// article states first: news leads give the latest figure, and "initially said" recounts the
/// history ("at least 46 were killed" … "Local authorities initially said six to 16"). An
/// initial figure still disputes figures given after it.
fn superseded(a: &Claim, b: &Claim) -> Option<String> {
    let initial = |c: &Claim| {
        let lower = c.context.to_lowercase();
        INITIAL.iter().any(|w| lower.contains(w))
    };
    let (first, second) = if a.span.start <= b.span.start {
        (a, b)
    } else {
        (b, a)
    };
    (a.doc == b.doc && initial(second) && !initial(first))
        .then(|| "an initial figure, updated by the one the article gives first".to_owned())
}

/// How many times the lower of two floors the higher must be for them to be rivals.
const FLOOR_RATIO: f64 = 3.0;

/// Two floors ("at least 3" and "at least 25") can both hold, and by design they are not rivals:
/// an early floor is what one source could confirm. They are rivals only when the article sets
/// them against each other — the later sentence opens with a contrast ("But residents say at
/// least 25 …") — and one is at least three times the other.
fn rival_floors(a: &Claim, b: &Claim) -> bool {
    let (Some(va), Some(vb)) = (&a.value, &b.value) else {
        return false;
    };
    let floor = |v: &crate::model::Value| match (v.low, v.high) {
        (Some(l), None) if l > 0.0 => Some(l),
        _ => None,
    };
    let (Some(x), Some(y)) = (floor(va), floor(vb)) else {
        return false;
    };
    let later = if a.span.start <= b.span.start { b } else { a };
    crate::extract::opens_with_contrast(&later.context) && x.max(y) >= FLOOR_RATIO * x.min(y)
}

fn numeric(rule: &ContradictionRule, a: &Claim, b: &Claim) -> Verdict {
    use Verdict::Consistent as No;
    let (Some(va), Some(vb)) = (&a.value, &b.value) else {
        return No("not two numbers".into());
    };
    if a.aspect != b.aspect {
        return No("different aspects".into());
    }
    // "no one was hurt" counts nobody of any kind: it meets "20 members of the security forces".
    let nobody = |v: &crate::model::Value| {
        v.low == Some(0.0) && v.high == Some(0.0) && v.unit.as_deref() == Some("person")
    };
    if va.unit != vb.unit && !(nobody(va) || nobody(vb)) {
        return No(format!(
            "different units ({} vs {})",
            va.unit.as_deref().unwrap_or("none"),
            vb.unit.as_deref().unwrap_or("none")
        ));
    }
    if let Some(q) = a.qualifier.as_ref().or(b.qualifier.as_ref()) {
        return No(format!("one figure is {q}"));
    }
    if different_places(a, b) {
        return No(format!(
            "different places ({} vs {})",
            a.places.join(", "),
            b.places.join(", ")
        ));
    }
    if a.doc == b.doc && a.event != b.event {
        return No(
            "the figures are about different events (\"separately\", \"another attack\")".into(),
        );
    }
    if a.direction != b.direction {
        return No("a change against a level".into());
    }
    if let Some(why) = superseded(a, b) {
        return No(why);
    }
    let tol = rule.tolerance;
    if rival_floors(a, b) {
        return Verdict::Conflict;
    }
    let lo = |v: &crate::model::Value| v.low.map_or(f64::NEG_INFINITY, |x| x - x.abs() * tol);
    let hi = |v: &crate::model::Value| v.high.map_or(f64::INFINITY, |x| x + x.abs() * tol);
    if hi(va) < lo(vb) || hi(vb) < lo(va) {
        Verdict::Conflict
    } else {
        No("the intervals overlap".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocKind, Document};

    /// A trend claim and a level claim of two sources, `gap` filler sentences apart.
    fn findings_with_gap(gap: usize) -> usize {
        let rules = RuleSet::builtin().expect("built-in rules");
        let mut text = String::from(
            "The Taliban’s defense minister, Mohammad Yaqoob Mujahid, claimed that the number \
             of IS-Khorasan’s attacks decreased by 90%.\n\n",
        );
        for _ in 0..gap {
            text.push_str("The weather was mild. ");
        }
        text.push_str(
            "\n\nBut a U.N. report said IS-Khorasan “continued to pose a major threat in the \
             region.”\n",
        );
        let doc = Document::new("gap.txt", text, DocKind::Text);
        crate::analyze(&rules, &[doc], CompareOptions::default())
            .findings
            .len()
    }

    #[test]
    fn claims_beyond_the_distance_cap_are_not_paired() {
        assert_eq!(findings_with_gap(3), 1);
        assert_eq!(findings_with_gap(MAX_DISTANCE - 10), 1);
        assert_eq!(findings_with_gap(MAX_DISTANCE + 10), 0);
    }

    #[test]
    fn a_denial_disputes_the_report_not_its_restatement() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let doc = Document::new(
            "d.txt",
            "Afghan officials said a coalition air strike killed 11 civilians in the province.\n\n\
             The U.S. military is disputing reports that a coalition air strike killed 11 \
             civilians.\n"
                .to_owned(),
            DocKind::Text,
        );
        let a = crate::analyze(&rules, &[doc], CompareOptions::default());
        let pairs: Vec<(&str, &str)> = a
            .findings
            .iter()
            .map(|f| {
                (
                    a.claims[f.claims[0]].source.name.as_str(),
                    a.claims[f.claims[1]].source.name.as_str(),
                )
            })
            .collect();
        assert_eq!(pairs, [("Afghan officials", "U.S. military")]);
    }

    /// The (source, source) pairs of a text's findings.
    fn pairs_of(text: &str) -> Vec<(String, String)> {
        let rules = RuleSet::builtin().expect("built-in rules");
        let doc = Document::new("t.txt", text.to_owned(), DocKind::Text);
        let a = crate::analyze(&rules, &[doc], CompareOptions::default());
        a.findings
            .iter()
            .map(|f| {
                (
                    a.claims[f.claims[0]].source.name.clone(),
                    a.claims[f.claims[1]].source.name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_denial_whose_own_verb_restates_a_figure_answers_the_account_giving_it() {
        // The toll after "disputing reports that" is the denier's content (stance deny): it
        // restates the disputed figure, so the account that gives 11 is the target, not the
        // nearer account of five militants.
        let pairs = pairs_of(
            "Village elders said a coalition air strike killed 11 civilians near the market.\n\n\
             U.S. forces in the region are disputing reports that one of their aircraft killed 11 civilians on Sunday.\n\n\
             Colonel Ann Smith says that while U.S. troops engaged insurgents over the weekend and killed five armed militants, no aircraft were used.\n",
        );
        assert!(pairs.contains(&("Village elders".into(), "U.S. forces".into())));
        assert!(
            !pairs.contains(&("U.S. forces".into(), "Colonel Ann Smith".into())),
            "{pairs:?}"
        );
    }

    #[test]
    fn claims_about_a_subject_no_rule_names_pair_when_near_and_on_one_topic() {
        let pairs = pairs_of(
            "Regional officials say the rebel movement no longer poses a serious threat.\n\n\
             But analysts warn the movement remains a significant danger.\n",
        );
        assert_eq!(pairs, [("Regional officials".into(), "analysts".into())]);
        // No shared topic word: the threat of floods is not the threat of the movement.
        let pairs = pairs_of(
            "Regional officials say the rebel movement no longer poses a serious threat.\n\n\
             But analysts warn flooding remains a significant danger.\n",
        );
        assert!(pairs.is_empty(), "{pairs:?}");
    }

    #[test]
    fn responsibility_denials_meet_the_blame_of_their_party_but_not_each_other() {
        let pairs = pairs_of(
            "Warplanes bombed a refugee camp, an attack local officials blamed on neighboring Sudan.\n\n\
             Sudan's armed forces denied bombing the camp.\n",
        );
        // The denial in the outlet's voice is its agent's.
        assert!(
            pairs.contains(&("local officials".into(), "Sudan's armed forces".into())),
            "{pairs:?}"
        );
        let pairs = pairs_of(
            "Rebel leader Agathon Rwasa said the rebels were not responsible for the ambush.\n\n\
             Army spokesman Colonel Augustin Nzabampema said the army was not involved in the ambush.\n",
        );
        assert!(pairs.is_empty(), "{pairs:?}");
    }

    #[test]
    fn a_denial_pairs_with_the_claim_about_its_event_not_the_nearest() {
        let pairs = pairs_of(
            "Village elders said an air strike killed 11 civilians near the market.\n\n\
             Colonel Ann Smith said her troops killed five armed militants in the hills.\n\n\
             The military says there is no evidence that its forces killed any non-combatants.\n",
        );
        assert_eq!(pairs, [("Village elders".into(), "military".into())]);
        // Counterexample: a denial that shares no event words keeps the nearest claim.
        let pairs = pairs_of(
            "Village elders said an air strike killed 11 civilians near the market.\n\n\
             Colonel Ann Smith said her troops killed five armed militants in the hills.\n\n\
             The military says the report is false.\n",
        );
        assert_eq!(pairs, [("Colonel Ann Smith".into(), "military".into())]);
    }

    #[test]
    fn a_denial_that_points_back_answers_the_claim_before_it() {
        // "deny the claim" answers the officials, not the witnesses after it, who side with
        // the denial.
        let pairs = pairs_of(
            "Defense officials said government troops captured the town after a fierce battle. \
             Rebels deny the claim, and witnesses said the insurgents retained control of the \
             town.\n",
        );
        assert!(pairs.contains(&("Defense officials".into(), "Rebels".into())));
        assert!(
            !pairs
                .iter()
                .any(|(a, b)| a == "Rebels" || b == "Rebels" && a != "Defense officials")
        );
        // Counterexample: a denial that says what it denies may answer what follows it.
        let pairs = pairs_of(
            "Rebels deny reports that troops captured the town. Defense officials said \
             government troops captured the town after a fierce battle.\n",
        );
        assert_eq!(pairs, [("Rebels".into(), "Defense officials".into())]);
    }

    #[test]
    fn a_denial_that_names_the_accuser_answers_the_accuser() {
        let pairs = pairs_of(
            "Army spokesman Paul Okello said rebel fighters burned the market. Villagers said \
             the fire destroyed 40 stalls in the market.\n\n\
             The rebel commander denied the accusations by Okello.\n",
        );
        assert_eq!(
            pairs,
            [(
                "Army spokesman Paul Okello".into(),
                "rebel commander".into()
            )]
        );
    }

    #[test]
    fn a_denial_of_an_event_disputes_each_account_of_it() {
        let pairs = pairs_of(
            "Rebel commanders said the fighters attacked the garrison and seized weapons.\n\n\
             A statement sent to reporters said hundreds of fighters took part in the attack on \
             the garrison.\n\n\
             Doctors said the clinic treated patients for cholera.\n\n\
             The defense minister says there was no attack on the garrison.\n",
        );
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert!(pairs.iter().all(|(_, b)| b == "defense minister"));
        assert!(!pairs.iter().any(|(a, _)| a == "Doctors"));
    }

    #[test]
    fn a_denial_of_figures_disputes_each_figure_given_before_it() {
        let pairs = pairs_of(
            "The statistics agency said unemployment stood at 10 percent.\n\n\
             Its director said the jobless rate is far lower than the estimated 90 percent.\n\n\
             The union said the new figures are unrealistic.\n\n\
             A later survey by bankers said unemployment stood at 60 percent.\n",
        );
        let disputed: Vec<&str> = pairs
            .iter()
            .filter(|(_, b)| b == "union")
            .map(|(a, _)| a.as_str())
            .collect();
        assert_eq!(disputed.len(), 2, "{pairs:?}");
        assert!(
            !pairs
                .iter()
                .any(|(a, b)| a == "union" && b.contains("bankers"))
        );
    }

    #[test]
    fn a_person_and_their_role_phrase_are_never_paired() {
        let pairs = pairs_of(
            "Villagers said soldiers went on a rampage after the ambush.\n\n\
             Imatong State's governor confirmed that a commander and a soldier had been killed.\n\n\
             Imatong State Governor Alberio Oromo denied the soldiers had been sent to the area.\n",
        );
        assert!(
            !pairs
                .iter()
                .any(|(a, b)| a.contains("governor") && b.contains("Oromo")),
            "{pairs:?}"
        );
    }

    #[test]
    fn a_denial_reaches_the_same_allegation_told_far_away_but_not_a_negated_one() {
        let mut text = String::from(
            "Villagers said soldiers went on a rampage in the village.\n\n\
             The district governor denied the soldiers went on a rampage in the village.\n\n",
        );
        for _ in 0..10 {
            text.push_str("The weather was mild.\n\n");
        }
        text.push_str(
            "Farmers in the district accused the soldiers of going on a rampage after the \
             ambush.\n\nAn army spokesman said he had no information that soldiers had gone \
             on a rampage.\n",
        );
        let pairs = pairs_of(&text);
        assert_eq!(
            pairs,
            [
                ("Villagers".to_owned(), "district governor".to_owned()),
                ("district governor".to_owned(), "Farmers".to_owned())
            ]
        );
    }

    #[test]
    fn floors_set_against_each_other_are_rivals_when_far_apart() {
        let pairs = pairs_of(
            "Hospital officials say at least three people were killed in the clash. But \
             residents say at least 25 people were killed.\n",
        );
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        // Counterexamples: no contrast, or floors close together.
        assert!(
            pairs_of(
                "Hospital officials say at least three people were killed in the clash. \
                 Residents say at least 25 people were killed.\n"
            )
            .is_empty()
        );
        assert!(
            pairs_of(
                "Hospital officials say at least 15 people were killed in the clash. But \
                 residents say at least 20 people were killed.\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn an_initial_figure_is_not_a_rival_to_the_update_stated_first() {
        let pairs = pairs_of(
            "The government says at least 46 people were killed in the violence.\n\n\
             Local authorities initially said that between six and 16 people were killed. But a \
             witness said 48 bodies were counted in the area.\n",
        );
        assert_eq!(
            pairs,
            [("Local authorities".to_owned(), "witness".to_owned())]
        );
    }

    #[test]
    fn a_party_blamed_among_several_denies_it() {
        let pairs = pairs_of(
            "Mr. Okello blames the national army and the Popular Front (PF) for the ambush.\n\n\
             PF spokesman John Ochieng told reporters they were not involved in the attacks.\n",
        );
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert!(
            pairs_of(
                "Mr. Okello blames the national army and the Popular Front (PF) for the \
                 ambush.\n\nUnity Party spokesman John Ochieng told reporters they were not \
                 involved in the attacks.\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn documents_are_paired_apart_unless_asked() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let a = Document::new(
            "a.txt",
            "Mujahid said IS-Khorasan attacks decreased by 90%.\n".to_owned(),
            DocKind::Text,
        );
        let b = Document::new(
            "b.txt",
            "A U.N. report said IS-Khorasan “continued to pose a major threat.”\n".to_owned(),
            DocKind::Text,
        );
        let docs = [a, b];
        let apart = crate::analyze(&rules, &docs, CompareOptions::default());
        assert!(apart.findings.is_empty());
        let across = crate::analyze(
            &rules,
            &docs,
            CompareOptions {
                across_documents: true,
            },
        );
        assert_eq!(across.findings.len(), 1);
    }
}
