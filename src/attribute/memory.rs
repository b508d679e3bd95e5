//! Memory across sentences: pronouns and surnames resolved to earlier named speakers.

use super::*;
use std::collections::HashMap;

/// Tracks named speakers for pronouns and surnames across sentences.
#[derive(Default)]
pub(super) struct Memory {
    pub(super) last_person: Option<Source>,
    pub(super) last_org: Option<Source>,
    pub(super) by_surname: BTreeMap<String, (String, Option<String>)>,
    /// For each lower-case word of a speaker named with a proper name (its name and role), the
    /// latest such speaker: what a role phrase ("the spokesman") refers back to.
    pub(super) named_by_word: HashMap<String, Source>,
}

/// The head noun of a definite role phrase that refers back to a named speaker: "the
/// spokesman", "The government spokesman", "the state's governor" → "spokesman", "governor".
/// `None` for an indefinite ("a spokesman"), a bare noun, or a phrase with a proper name.
pub(super) fn role_reference(phrase: &str) -> Option<String> {
    let lower = phrase.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let head = *words.last()?;
    let definite = words.first().is_some_and(|w| *w == "the")
        || words[..words.len() - 1].iter().any(|w| w.ends_with("'s"));
    let named = phrase
        .split_whitespace()
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase) && !w.ends_with("'s") && !w.ends_with("’s"))
        .count()
        >= 2;
    (definite && !named && words.len() <= 4 && has(ROLE_NOUNS, head)).then(|| head.to_owned())
}

impl Memory {
    /// Resolves a speaker phrase to a source name, role and how it was found, and remembers
    /// surnames.
    pub(super) fn resolve(
        &mut self,
        rules: &RuleSet,
        sp: &Speaker,
        resolve_reference: &dyn Fn(&str) -> Option<String>,
    ) -> Option<(String, Option<String>, Via)> {
        let lower = sp.name.to_lowercase();
        if has(PRONOUNS, &lower) {
            let prev = if matches!(lower.as_str(), "he" | "she" | "i" | "who") {
                &self.last_person
            } else {
                &self.last_org
            };
            // A pronoun with no antecedent yet ("I", the writer) still names a speaker.
            let Some(prev) = prev.as_ref().or(self.last_person.as_ref()) else {
                return Some((sp.name.clone(), None, Via::Pronoun));
            };
            return Some((prev.name.clone(), prev.role.clone(), Via::Pronoun));
        }
        if let Some(name) = resolve_reference(&sp.name) {
            return Some((name, sp.role.clone(), Via::Explicit));
        }
        if let Some(named) = self.role_antecedent(&sp.name) {
            let role = named
                .role
                .clone()
                .or_else(|| Some(clean_role(&clean_name(&sp.name))));
            return Some((named.name.clone(), role, Via::Explicit));
        }
        let name = clean_name(&sp.name);
        let alias = rules
            .subjects
            .iter()
            .find(|s| s.aliases.iter().any(|a| a == &name));
        let name = alias.map_or(name, |s| s.name.clone());
        if looks_like_name(&name) && name.split_whitespace().count() >= 2 {
            let surname = name.split_whitespace().last().unwrap_or("").to_owned();
            self.by_surname
                .insert(surname, (name.clone(), sp.role.clone()));
            return Some((name, sp.role.clone(), Via::Explicit));
        }
        if let Some((full, role)) = self.by_surname.get(&name) {
            return Some((
                full.clone(),
                sp.role.clone().or_else(|| role.clone()),
                Via::Explicit,
            ));
        }
        Some((name, sp.role.clone(), Via::Explicit))
    }

    /// The latest named speaker a role phrase refers to: "The spokesman adds" after
    /// "Spokesman Lieutenant Colonel Bryan Hilferty says"; the role noun must be in the
    /// speaker's name or role.
    pub(super) fn role_antecedent(&self, phrase: &str) -> Option<&Source> {
        self.named_by_word.get(&role_reference(phrase)?)
    }

    /// Remembers the latest person or organisation for later pronouns.
    pub(super) fn remember(&mut self, source: &Source) {
        // A pronoun with no antecedent ("They said …" opening a story) names nobody later
        // pronouns could mean.
        let pronoun = source.name.chars().any(char::is_lowercase)
            && has(PRONOUNS, &source.name.to_lowercase());
        if pronoun {
            return;
        }
        let proper = source
            .name
            .split_whitespace()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2;
        if proper && source.via == Via::Explicit {
            let text = format!("{} {}", source.name, source.role.as_deref().unwrap_or(""));
            for w in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    self.named_by_word.insert(w.to_owned(), source.clone());
                }
            }
        }
        if self.is_person(&source.name) {
            self.last_person = Some(source.clone());
        } else {
            self.last_org = Some(source.clone());
        }
    }

    /// Whether a source name is a person's: a titled name ("Mr. Trump"), a name of two or more
    /// words ("Homayoun Mohtaat"), or a single word that is a known surname or not a plural
    /// ("Oromo", not "Villagers").
    pub(super) fn is_person(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(last) = words.last() else {
            return false;
        };
        let last_lower = last.to_lowercase();
        if has(ROLE_NOUNS, &last_lower) {
            // "the governor", "Imatong State's governor"
            return true;
        }
        if has(INSTITUTIONS, &last_lower) || !last.starts_with(char::is_uppercase) {
            return false;
        }
        // The capitalised tail: "Home minister Lal Krishna Advani" → "Lal Krishna Advani".
        let tail = words
            .iter()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count();
        let titled = words.len() > tail
            || words
                .first()
                .is_some_and(|w| has(TITLES, &w.to_lowercase()));
        match tail {
            0 => false,
            1 if !titled => self.by_surname.contains_key(*last) || !last.ends_with('s'),
            _ => true,
        }
    }
}
