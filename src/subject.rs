//! Subject mentions in a sentence: exact aliases, near-miss spellings (strsim) and generic
//! references ("the group") that point back to an earlier subject.
//!
//! Resolution is conservative: when two subjects fit a near-miss equally well, there is no match.

use crate::rules::{RuleSet, Subject};
use crate::text::Span;
use std::collections::HashMap;

/// Subjects by alias, and aliases by shape for the near-miss matcher: lookups that do not grow
/// with the number of subjects.
#[derive(Debug, Clone, Default)]
pub struct SubjectIndex {
    /// Subject of each alias (the first subject listing it).
    exact: HashMap<String, usize>,
    /// Every alias, in subject and alias order.
    aliases: Vec<AliasEntry>,
    /// Indices into `aliases` (ascending) by word count and length in bytes.
    by_shape: HashMap<(usize, usize), Vec<usize>>,
}

/// An alias with what the near-miss matcher needs of it.
#[derive(Debug, Clone)]
struct AliasEntry {
    /// Index into `RuleSet::subjects`.
    subject: usize,
    /// The alias as written.
    alias: String,
    /// Lower-cased.
    lower: String,
    /// Characters of `lower`.
    chars: Chars,
}

impl SubjectIndex {
    /// Indexes the aliases of `subjects`.
    pub fn new(subjects: &[Subject]) -> SubjectIndex {
        let mut index = SubjectIndex::default();
        for (i, s) in subjects.iter().enumerate() {
            for alias in &s.aliases {
                index.exact.entry(alias.clone()).or_insert(i);
                let lower = alias.to_lowercase();
                let chars = Chars::of(&lower);
                let shape = (alias.split_whitespace().count(), alias.len());
                index
                    .by_shape
                    .entry(shape)
                    .or_default()
                    .push(index.aliases.len());
                index.aliases.push(AliasEntry {
                    subject: i,
                    alias: alias.clone(),
                    lower,
                    chars,
                });
            }
        }
        index
    }

    /// The subject one of whose aliases is exactly `alias`.
    pub fn by_alias(&self, alias: &str) -> Option<usize> {
        self.exact.get(alias).copied()
    }

    /// Aliases of `words` words whose length is within 2 bytes of `len`, in subject and alias
    /// order (indices into `aliases`), into `out`.
    fn near(&self, words: usize, len: usize, out: &mut Vec<usize>) {
        out.clear();
        for l in len.saturating_sub(2)..=len + 2 {
            if let Some(v) = self.by_shape.get(&(words, l)) {
                out.extend_from_slice(v);
            }
        }
        out.sort_unstable();
    }
}

/// How a mention was recognised.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchHow {
    /// An alias or the canonical name, verbatim.
    Alias(String),
    /// A near-miss spelling, with its similarity score.
    Fuzzy(String, f64),
    /// A generic phrase of a subject kind, still to be resolved against earlier mentions.
    Reference(String),
}

/// A subject mention in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where the mention is (document byte offsets).
    pub span: Span,
    /// Index into `RuleSet::subjects`, or `None` for an unresolved generic reference.
    pub subject: Option<usize>,
    /// Subject kind (of the subject, or the kind a reference asks for).
    pub kind: String,
    /// How it was recognised.
    pub how: MatchHow,
}

/// Finds the subject mentions in `text`, whose first byte is at document offset `base`.
pub fn mentions(rules: &RuleSet, text: &str, base: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    if let Some(re) = &rules.matchers.aliases {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            if let Some(i) = rules.matchers.subjects.by_alias(m.as_str()) {
                out.push(Mention {
                    span: Span::new(base + m.start(), base + m.end()),
                    subject: Some(i),
                    kind: rules.subjects[i].kind.clone(),
                    how: MatchHow::Alias(m.as_str().to_owned()),
                });
            }
        }
    }
    fuzzy_mentions(rules, text, base, &mut out);
    if let Some(re) = &rules.matchers.references {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            let span = Span::new(base + m.start(), base + m.end());
            if out.iter().any(|o| o.span.overlaps(span)) {
                continue;
            }
            let phrase = m.as_str().to_lowercase();
            let kind = rules
                .references
                .iter()
                .find(|r| r.phrase == phrase)
                .map_or_else(String::new, |r| r.kind.clone());
            out.push(Mention {
                span,
                subject: None,
                kind,
                how: MatchHow::Reference(phrase),
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

/// A word of the text with its byte range.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '.' && start.is_some();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| (s, s + text[s..e].trim_end_matches(['.', '-']).len()))
        .filter(|(s, e)| e > s)
        .collect()
}

/// Near-miss spellings of aliases ("IS-Khorisan" for "IS-Khorasan"), by normalised
/// Damerau-Levenshtein similarity over windows of as many words as the alias has.
///
/// Cheap filters come first and never change the result: a window is only compared with the
/// aliases of its word count whose length is within 2 bytes of its own (looked up in the
/// [`SubjectIndex`], not scanned), and a lower bound on the edit distance (characters one string
/// has more of than the other) skips the distance computation for pairs that cannot reach the
/// threshold.
fn fuzzy_mentions(rules: &RuleSet, text: &str, base: usize, out: &mut Vec<Mention>) {
    let index = &rules.matchers.subjects;
    if index.aliases.is_empty() {
        return;
    }
    let ws = words(text);
    let mut near: Vec<usize> = Vec::new();
    for n in 1..=4usize {
        for win in ws.windows(n) {
            let (s, e) = (win[0].0, win[n - 1].1);
            let cand = &text[s..e];
            if cand.len() < 6 || !cand.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let span = Span::new(base + s, base + e);
            if out.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            index.near(n, cand.len(), &mut near);
            let mut cand_lower: Option<(String, Chars, Profile)> = None;
            let mut best: Option<(f64, usize, &str)> = None;
            let mut tie = false;
            for &k in &near {
                let entry = &index.aliases[k];
                let (i, alias) = (entry.subject, entry.alias.as_str());
                if alias == cand {
                    continue;
                }
                let subj = &rules.subjects[i];
                let (cand_l, cand_c, cand_p) = cand_lower.get_or_insert_with(|| {
                    let l = cand.to_lowercase();
                    let c = Chars::of(&l);
                    let p = Profile::of(&l);
                    (l, c, p)
                });
                // Two bounds on the similarity, the cheap one first.
                if entry.chars.similarity_bound(cand_c) < subj.fuzzy
                    || cand_p.similarity_bound(entry.lower.chars()) < subj.fuzzy
                {
                    continue;
                }
                let score = strsim::normalized_damerau_levenshtein(&entry.lower, cand_l);
                if score < subj.fuzzy {
                    continue;
                }
                match best {
                    Some((b, j, _)) if (score - b).abs() < f64::EPSILON && j != i => tie = true,
                    Some((b, _, _)) if score <= b => {}
                    _ => {
                        best = Some((score, i, alias));
                        tie = false;
                    }
                }
            }
            if let (Some((score, i, alias)), false) = (best, tie) {
                out.push(Mention {
                    span,
                    subject: Some(i),
                    kind: rules.subjects[i].kind.clone(),
                    how: MatchHow::Fuzzy(alias.to_owned(), score),
                });
            }
        }
    }
}

/// The set of ASCII characters of a lower-cased string, and its length in characters.
#[derive(Debug, Clone)]
struct Chars {
    set: u128,
    len: usize,
}

impl Chars {
    fn of(s: &str) -> Chars {
        let (mut set, mut len) = (0u128, 0);
        for c in s.chars() {
            len += 1;
            if c.is_ascii() {
                set |= 1 << (c as u32);
            }
        }
        Chars { set, len }
    }

    /// An upper bound on the normalised Damerau-Levenshtein similarity of the two strings: each
    /// ASCII character one of them has and the other lacks entirely needs an edit of its own
    /// (see [`Profile::similarity_bound`], of which this is a weaker, cheaper form).
    fn similarity_bound(&self, other: &Chars) -> f64 {
        let only_here = (self.set & !other.set).count_ones();
        let only_there = (other.set & !self.set).count_ones();
        let longer = self.len.max(other.len);
        if longer == 0 {
            return 1.0;
        }
        1.0 - f64::from(only_here.max(only_there)) / (longer as f64)
    }
}

/// Character counts of a lower-cased string, for a lower bound on its edit distance to another.
struct Profile {
    /// Length in characters.
    chars: usize,
    /// Number of ASCII characters.
    ascii_chars: u32,
    /// Occurrences of each ASCII character (other characters are left out, which only weakens
    /// the bound).
    ascii: [u32; 128],
}

impl Profile {
    fn of(s: &str) -> Profile {
        let mut ascii = [0u32; 128];
        let (mut chars, mut ascii_chars) = (0, 0);
        for c in s.chars() {
            chars += 1;
            if c.is_ascii() {
                ascii[c as usize] += 1;
                ascii_chars += 1;
            }
        }
        Profile {
            chars,
            ascii_chars,
            ascii,
        }
    }

    /// An upper bound on `strsim::normalized_damerau_levenshtein` of this profile's string and
    /// the string `other` yields.
    ///
    /// Every edit (insertion, deletion, substitution, transposition) removes at most one
    /// character that one string has in excess of the other and adds at most one that it lacks,
    /// so the distance is at least the larger of the two excesses (counted here over ASCII
    /// characters only). The similarity is computed as strsim computes it,
    /// `1 - distance / longer length in characters`, which only grows as the distance shrinks.
    fn similarity_bound(&self, other: impl Iterator<Item = char>) -> f64 {
        let mut used = [0u32; 128];
        let (mut chars, mut ascii_chars, mut common) = (0usize, 0u32, 0u32);
        for c in other {
            chars += 1;
            if c.is_ascii() {
                ascii_chars += 1;
                let k = c as usize;
                if used[k] < self.ascii[k] {
                    used[k] += 1;
                    common += 1;
                }
            }
        }
        let excess = (ascii_chars - common).max(self.ascii_chars - common);
        let longer = self.chars.max(chars);
        if longer == 0 {
            return 1.0;
        }
        1.0 - f64::from(excess) / (longer as f64)
    }
}

/// Strips determiners and a possessive from a detected name: "the Taliban’s" → "Taliban".
pub fn clean_name(name: &str) -> String {
    let mut s = name
        .trim()
        .trim_matches(|c: char| c == ',' || c == '“' || c == '”' || c == '"');
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(t) = s.strip_suffix(suffix) {
            s = t;
        }
    }
    for prefix in ["The ", "the ", "A ", "a ", "An ", "an "] {
        if let Some(t) = s.strip_prefix(prefix) {
            s = t;
        }
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleSet, RuleText};

    fn rules() -> RuleSet {
        RuleSet::compile(&[RuleText {
            path: "t.yml".into(),
            text: "subjects:\n  - id: iskp\n    name: IS-Khorasan\n    aliases: [ISKP, Islamic State-Khorasan]\n  - id: taliban\n    name: Taliban\n\nreferences:\n  - kind: group\n    phrases: [the group]\n".into(),
        }])
        .unwrap()
    }

    #[test]
    fn misspelled_alias_resolves_fuzzily() {
        let r = rules();
        let m = mentions(&r, "containing IS-Khorisan today", 0);
        assert_eq!(m.len(), 1);
        assert_eq!(r.subjects[m[0].subject.unwrap()].name, "IS-Khorasan");
        assert!(matches!(m[0].how, MatchHow::Fuzzy(_, s) if s > 0.85));
    }

    #[test]
    fn exact_aliases_and_references() {
        let r = rules();
        let m = mentions(&r, "The Taliban fought the group, ISKP.", 10);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].span, Span::new(14, 21));
        assert_eq!(m[1].how, MatchHow::Reference("the group".into()));
        assert_eq!(m[2].subject, Some(0));
    }

    /// The fuzzy matcher as first written (every window against every alias), to check that
    /// the filtered one finds exactly the same mentions.
    fn fuzzy_reference(rules: &RuleSet, text: &str, base: usize, out: &mut Vec<Mention>) {
        let ws = words(text);
        for n in 1..=4usize {
            for win in ws.windows(n) {
                let (s, e) = (win[0].0, win[n - 1].1);
                let cand = &text[s..e];
                if cand.len() < 6 || !cand.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let span = Span::new(base + s, base + e);
                if out.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let mut best: Option<(f64, usize, &str)> = None;
                let mut tie = false;
                for (i, subj) in rules.subjects.iter().enumerate() {
                    for alias in &subj.aliases {
                        if alias.split_whitespace().count() != n
                            || alias.len().abs_diff(cand.len()) > 2
                            || alias == cand
                        {
                            continue;
                        }
                        let score = strsim::normalized_damerau_levenshtein(
                            &alias.to_lowercase(),
                            &cand.to_lowercase(),
                        );
                        if score < subj.fuzzy {
                            continue;
                        }
                        match best {
                            Some((b, j, _)) if (score - b).abs() < f64::EPSILON && j != i => {
                                tie = true;
                            }
                            Some((b, _, _)) if score <= b => {}
                            _ => {
                                best = Some((score, i, alias));
                                tie = false;
                            }
                        }
                    }
                }
                if let (Some((score, i, alias)), false) = (best, tie) {
                    out.push(Mention {
                        span,
                        subject: Some(i),
                        kind: rules.subjects[i].kind.clone(),
                        how: MatchHow::Fuzzy(alias.to_owned(), score),
                    });
                }
            }
        }
    }

    #[test]
    fn filtered_fuzzy_matching_equals_the_plain_one() {
        let rules = RuleSet::builtin().unwrap();
        let mut texts: Vec<String> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&p).unwrap();
                texts.extend(t.split('\n').map(str::to_owned));
            }
        }
        // Near misses of every alias: swapped, dropped, doubled and replaced characters, in
        // upper and mixed case, some with non-ASCII letters.
        let mut state = 11u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        let aliases: Vec<String> = rules
            .subjects
            .iter()
            .flat_map(|s| s.aliases.iter().cloned())
            .collect();
        for _ in 0..800 {
            let mut t = String::from("Officials in ");
            for _ in 0..3 {
                let mut c: Vec<char> = aliases[next() % aliases.len()].chars().collect();
                let k = next() % c.len();
                match next() % 6 {
                    0 if k + 1 < c.len() => c.swap(k, k + 1),
                    1 if c.len() > 1 => {
                        c.remove(k);
                    }
                    2 => c.insert(k, c[k]),
                    3 => c[k] = ['é', 'ß', 'K', 'a', 'İ', 'Σ'][next() % 6],
                    4 => c = c.iter().flat_map(|x| x.to_uppercase()).collect(),
                    _ => {}
                }
                t.extend(c);
                t.push_str([" said ", ", ", " and the ", " Report "][next() % 4]);
            }
            texts.push(t);
        }
        for t in &texts {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            fuzzy_mentions(&rules, t, 3, &mut a);
            fuzzy_reference(&rules, t, 3, &mut b);
            assert_eq!(a, b, "{t:?}");
        }
    }

    #[test]
    fn dissimilar_words_do_not_match() {
        let r = rules();
        assert!(mentions(&r, "Khartoum and Kharkiv were quiet", 0).is_empty());
    }

    #[test]
    fn clean_name_strips_determiner_and_possessive() {
        assert_eq!(clean_name("the Taliban’s"), "Taliban");
        assert_eq!(clean_name("A U.N. report"), "U.N. report");
    }
}
