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

use super::{Pairing, finding, within};
use crate::model::{ClaimKind, Finding, FindingKind, Stance};
use crate::topic::Negated;
use std::collections::BTreeSet;
use std::ops::Range;

impl Pairing<'_> {
    /// The negated predicate of what claim `i`'s source says, if any (computed once per claim).
    pub(super) fn negated(&self, i: usize) -> Option<&Negated> {
        self.negations[i]
            .get_or_init(|| self.negated_in(&super::said(&self.claims[i])))
            .as_ref()
    }

    /// Whether claim `i` is an account that claim `j` can be set against: another speaker's,
    /// attributed (the outlet's own voice is, as often as not, a speaker the attribution stage
    /// missed: precision first), asserted rather than denied, and not from `j`'s own side.
    fn other_account(&self, i: usize, j: usize) -> bool {
        let (a, d) = (&self.claims[i], &self.claims[j]);
        i != j
            && self.keys[i] != self.keys[j]
            && a.source.via != crate::model::Via::Document
            && a.source.stance != Stance::Deny
            && !self.denial_aspects.contains(&a.aspect.as_str())
            && !crate::entities::affiliated(&a.source.name, &d.source.name)
    }

    /// Pairs each negated reported statement in `doc` with the nearest attributed account by
    /// another source of the predicate it negates, preferring accounts that share more of the
    /// negated clause's words.
    pub(super) fn restatements(
        &self,
        doc: Range<usize>,
        seen: &mut BTreeSet<(usize, usize)>,
    ) -> Vec<Finding> {
        let (rules, claims) = (self.rules, self.claims);
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
                    self.other_account(i, j)
                        && self.said_stems(i).contains(&neg.head)
                        && self.negated(i).is_none_or(|n| n.head != neg.head)
                        // "they doubted inflation had declined, noting …": a doubting account
                        // sides with the negation, whatever words it shares.
                        && !disputes(&claims[i].text)
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
                // "{b} says … did not happen": the negated statement is `b`.
                findings.extend(self.disputed(rule, i, j, seen));
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
        let (rules, claims) = (self.rules, self.claims);
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
                    self.other_account(i, j)
                        // About the same thing: a contrast also joins unrelated facts.
                        && super::strong(self.said_stems(i).intersection(self.said_stems(j)).count()) > 0
                };
                let opening = d.context.get(..d.offset()).unwrap_or("");
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
