//! Pairing reported statements with each other, where no claim pattern gives them a shape.
//!
//! Negated restatements: a statement that says something did not happen pairs with another
//! source's account that it did ("his fighters have not been pushed out of Bujumbura" against "the
//! government says it has pushed the rebels away from the capital"). The pair must share the
//! negated predicate (the first event word after the negation, as a stem), so a negated statement
//! disputes only accounts of the same action, not every claim nearby; statements that negate the
//! same predicate agree with each other.
//!
//! Contrasted accounts: a statement the article sets against the one before it ("… But the rebels
//! say …") pairs with it when the two share at least two event words.

use super::{Pairing, finding, render_message, within};
use crate::model::{Claim, ClaimKind, Finding, FindingKind, Stance};
use crate::topic::Negated;
use std::collections::BTreeSet;
use std::ops::Range;

impl Pairing<'_> {
    /// The negated predicate of what claim `i`'s source says, if any.
    pub(super) fn negated(&self, i: usize) -> Option<Negated> {
        crate::topic::negated(
            &super::said(&self.claims[i]),
            self.rules.matchers.negation.as_ref(),
            &|w: &str| self.rules.units.get(w).cloned(),
        )
    }

    /// Pairs each negated reported statement in `doc` with the nearest attributed account by
    /// another source of the predicate it negates, preferring accounts that share more of the
    /// negated clause's words.
    pub(super) fn restatements(
        &self,
        doc: Range<usize>,
        seen: &mut BTreeSet<(usize, usize)>,
    ) -> Vec<Finding> {
        let (rules, claims, keys) = (self.rules, self.claims, self.keys);
        let mut findings = Vec::new();
        for rule in rules
            .contradictions
            .iter()
            .filter(|r| r.kind == FindingKind::NegatedRestatement)
        {
            for j in doc.clone() {
                let d = &claims[j];
                if d.kind != ClaimKind::Statement || !rule.applies_to(&d.aspect) {
                    continue;
                }
                let Some(neg) = self.negated(j) else {
                    continue;
                };
                let window = rule.within.unwrap_or(super::MAX_DISTANCE);
                let restates = |i: usize| {
                    let a = &claims[i];
                    i != j
                        && keys[i] != keys[j]
                        // The outlet's own voice is, as often as not, a speaker the attribution
                        // stage missed: precision first.
                        && a.source.via != crate::model::Via::Document
                        && a.source.stance != Stance::Deny
                        && !self.is_denial(a)
                        && self.said_stems(i).contains(&neg.head)
                        && !crate::entities::affiliated(&a.source.name, &d.source.name)
                        && self.negated(i).is_none_or(|n| n.head != neg.head)
                        // "they doubted inflation had declined, noting …": a doubting account
                        // sides with the negation, whatever words it shares.
                        && !disputes(&a.text)
                };
                let best = within(claims, &doc, d.sentence_index, window)
                    .filter(|&i| restates(i))
                    .min_by_key(|&i| {
                        let a = &claims[i];
                        (
                            std::cmp::Reverse(self.said_stems(i).intersection(&neg.scope).count()),
                            a.sentence_index.abs_diff(d.sentence_index),
                            i > j,
                        )
                    });
                let Some(i) = best else {
                    continue;
                };
                let (x, y) = if i < j { (i, j) } else { (j, i) };
                if seen.insert((x, y)) {
                    let mut f = finding(rule, claims, x, y);
                    // "{b} says … did not happen": the negated statement is `b`.
                    f.message = render_message(&rule.message, &claims[i], d);
                    findings.push(f);
                }
            }
        }
        findings
    }

    /// Pairs each reported statement that the article sets against what precedes it ("But the
    /// rebels say …", "…, but the rebels say …", "X, however, says …") with the accounts of other
    /// sources just before it: those in the same sentence before the contrast, else those of the
    /// nearest earlier sentence within the rule's window that has any.
    pub(super) fn contrasts(
        &self,
        doc: Range<usize>,
        seen: &mut BTreeSet<(usize, usize)>,
    ) -> Vec<Finding> {
        let (rules, claims, keys) = (self.rules, self.claims, self.keys);
        let mut findings = Vec::new();
        for rule in rules
            .contradictions
            .iter()
            .filter(|r| r.kind == FindingKind::Contrast)
        {
            let window = rule.within.unwrap_or(1);
            for j in doc.clone() {
                let d = &claims[j];
                if d.kind != ClaimKind::Statement || d.source.via == crate::model::Via::Document {
                    continue;
                }
                let account = |i: usize| {
                    let a = &claims[i];
                    keys[i] != keys[j]
                        && a.source.via != crate::model::Via::Document
                        && a.source.stance != Stance::Deny
                        && !self.is_denial(a)
                        && !crate::entities::affiliated(&a.source.name, &d.source.name)
                        // About the same thing: a contrast also joins unrelated facts.
                        && super::strong(self.said_stems(i).intersection(self.said_stems(j)).count()) > 0
                };
                let opening = d
                    .context
                    .get(..d.span.start.saturating_sub(d.sentence.start))
                    .unwrap_or("");
                let earlier: Vec<usize> = (doc.start..j)
                    .rev()
                    .take_while(|&i| claims[i].sentence_index + window >= d.sentence_index)
                    .collect();
                let same: Vec<usize> = earlier
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let a = &claims[i];
                        a.sentence_index == d.sentence_index
                            && opening
                                .get(a.span.end.saturating_sub(a.sentence.start)..)
                                .is_some_and(contrast_inside)
                    })
                    .collect();
                let targets: Vec<usize> = if !same.is_empty() {
                    same
                } else if contrast_opens(opening) {
                    let Some(prev) = earlier
                        .iter()
                        .map(|&i| claims[i].sentence_index)
                        .find(|&s| s < d.sentence_index)
                    else {
                        continue;
                    };
                    earlier
                        .iter()
                        .copied()
                        .filter(|&i| claims[i].sentence_index == prev)
                        .collect()
                } else {
                    continue;
                };
                for i in targets.into_iter().filter(|&i| account(i)) {
                    if seen.insert((i, j)) {
                        findings.push(finding(rule, claims, i, j));
                    }
                }
            }
        }
        findings
    }

    /// Whether a claim is itself a denial (of a rule that pairs as one): it disputes another
    /// account rather than giving one.
    fn is_denial(&self, a: &Claim) -> bool {
        self.rules.contradictions.iter().any(|r| {
            r.kind == FindingKind::Negation && !r.aspects.is_empty() && r.applies_to(&a.aspect)
        })
    }
}

/// Whether the words before a statement's content set it against what came before: a sentence
/// opening with "But", "However" or "Yet", or ", however," among its first words.
fn contrast_opens(opening: &str) -> bool {
    crate::extract::opens_with_contrast(opening) || {
        let lower = opening.to_lowercase();
        lower
            .find(", however,")
            .is_some_and(|p| lower[..p].split_whitespace().count() <= 6)
    }
}

/// Whether the text between two accounts in one sentence sets them against each other ("…, but
/// the rebels say …", "… while the rebels say …").
fn contrast_inside(between: &str) -> bool {
    let lower = between.to_lowercase();
    [", but ", ", while ", ", whereas ", "; but ", ", however,"]
        .iter()
        .any(|m| lower.contains(m))
}

/// Word beginnings of doubt and denial.
const DISPUTING: &[&str] = &[
    "doubt",
    "denied",
    "deny",
    "denie",
    "reject",
    "disput",
    "false",
    "untrue",
    "question",
    "dismiss",
    "baseless",
    "exaggerat",
];

/// Whether an account's own words doubt or deny something.
fn disputes(text: &str) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| DISPUTING.iter().any(|d| w.starts_with(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubting_accounts_are_recognised() {
        assert!(disputes("they doubted inflation had declined"));
        assert!(disputes("the figures are false"));
        assert!(!disputes("it has pushed the rebels away from the capital"));
    }

    #[test]
    fn contrast_markers() {
        assert!(contrast_opens("But the rebels say "));
        assert!(contrast_opens("The rebels, however, say "));
        assert!(!contrast_opens("The rebels say "));
        assert!(contrast_inside(" was peaceful, but organizers said "));
        assert!(!contrast_inside(" was peaceful and organizers said "));
    }
}
