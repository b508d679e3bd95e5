//! Document-level source identity: which mentions of speakers in one document name the same
//! source, so that a source is never paired against itself and different sources are.
//!
//! Two mentions are one source when their [`source_key`]s agree ("Hilferty" and "Lieutenant
//! Colonel Hilferty"), when one is the acronym or bracketed short form of the other ("Zimbabwe
//! Congress of Trade Unions (ZCTU)" and "ZCTU"), or when one is a description whose words all
//! belong to a fuller mention ("Imatong State's governor" and "Imatong State Governor Alberio
//! Oromo", "the spokesman" and "Spokesman Lt. Col. Bryan Hilferty", "officials" and "election
//! officials"); a description joins the nearest fuller mention, preferring one before it.

use crate::model::{Claim, Via, source_key};
use std::collections::{BTreeSet, HashMap};

/// Words that carry no identity in a speaker phrase.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "for", "in", "on", "at", "to", "and", "with", "mr", "mrs", "ms", "dr",
    "its", "their", "his", "her",
];

/// A speaker phrase reduced to what identifies it.
#[derive(Debug, Clone)]
struct Mention {
    key: String,
    words: BTreeSet<String>,
    aliases: BTreeSet<String>,
    /// Keyed by a surname or a whole name rather than by its words: never a mere description.
    named: bool,
    /// The last word of a description ("critic" in "government critic"): what it is.
    head: Option<String>,
    /// Several speakers joined by "and" ("witnesses and government officials").
    conjoined: bool,
}

/// Lower-case identifying words of a phrase, possessives and punctuation stripped.
fn words(phrase: &str) -> BTreeSet<String> {
    phrase
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '“' | '”' | '"'))
        .map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            let w = w.trim_end_matches("'s").trim_end_matches('\'');
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches('.')
                .to_owned()
        })
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .collect()
}

/// The initials of a name's capitalised words ("Zimbabwe Congress of Trade Unions" → "zctu"),
/// if it has at least two.
fn acronym(name: &str) -> Option<String> {
    let caps: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '(')
        .take_while(|w| !w.starts_with(')'))
        .filter(|w| !STOP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    (caps.len() >= 2 && caps.iter().all(|c| c.is_uppercase()))
        .then(|| caps.iter().collect::<String>().to_lowercase())
}

/// Other names a phrase gives itself: its acronym and a bracketed short form ("(ZIMSTAT)").
fn aliases(name: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let (head, bracket) = match name.split_once('(') {
        Some((h, rest)) => (h.trim(), rest.split(')').next()),
        None => (name.trim(), None),
    };
    let head = head.trim_start_matches("the ").trim_start_matches("The ");
    if let Some(a) = acronym(head) {
        out.insert(a);
    }
    if let Some(b) = bracket.map(str::trim).filter(|b| !b.is_empty()) {
        out.insert(b.to_lowercase());
    }
    let single = words(head);
    if single.len() == 1 {
        out.extend(single);
    }
    out
}

/// Whether a word looks like a plural noun ("officials", "candidates"; not "press", "us").
fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// Whether a phrase is a name rather than a description: it ends in a capitalised word and is
/// not a lone plural ("Officials", "Villagers" open a sentence but describe).
fn is_name(phrase: &str) -> bool {
    let all: Vec<&str> = phrase.split_whitespace().collect();
    let Some(last) = all.last() else { return false };
    let last = last.trim_end_matches("’s").trim_end_matches("'s");
    let capital = last.starts_with(|c: char| c.is_uppercase());
    let acronym = last
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    capital && (all.len() >= 2 || acronym || !last.ends_with('s'))
}

impl Mention {
    fn new(name: &str, role: Option<&str>) -> Mention {
        let key = source_key(name);
        let mut w = words(name);
        if let Some(r) = role {
            w.extend(words(r));
        }
        let named = is_name(name);
        // The last word of a description: `words` of one word is that word, cleaned.
        let head = name
            .split_whitespace()
            .next_back()
            .and_then(|last| words(last).pop_first())
            .filter(|_| !named);
        Mention {
            aliases: aliases(name),
            key,
            words: w,
            named,
            head,
            conjoined: parts(name).len() > 1,
        }
    }

    /// Whether the two phrases name one source by key or alias.
    fn same_name(&self, other: &Mention) -> bool {
        self.key == other.key
            || self.aliases.contains(&other.key)
            || other.aliases.contains(&self.key)
            || !self.aliases.is_disjoint(&other.aliases)
    }

    /// Whether this phrase describes `fuller`: all its words belong to it, and it has fewer; an
    /// unnamed fuller phrase must be the same kind of speaker ("government" does not describe a
    /// "government critic"), and one speaker does not describe a group joined by "and".
    fn describes(&self, fuller: &Mention) -> bool {
        !self.words.is_empty()
            && self.words.len() < fuller.words.len()
            && self.words.is_subset(&fuller.words)
            && (self.conjoined || !fuller.conjoined)
            && fuller.head.as_ref().is_none_or(|h| self.words.contains(h))
            // "opposition candidates" are not the one named opposition leader.
            && !(fuller.named && self.head.as_deref().is_some_and(is_plural))
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// For each claim, the index of the fullest mention of its speaker among `claims` (one
/// document's claims in text order), or `None` for the document's own voice.
fn fullest_mentions(claims: &[Claim]) -> Vec<Option<usize>> {
    let mentions: Vec<Option<Mention>> = claims
        .iter()
        .map(|c| {
            (c.source.via != Via::Document)
                .then(|| Mention::new(&c.source.name, c.source.role.as_deref()))
        })
        .collect();
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    // Same name: keys and aliases seen so far, each with the first mention that gave it. Two
    // mentions sharing any key or alias are one group, as `Mention::same_name` says, in one pass.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(m) = m else { continue };
        let names = std::iter::once(m.key.as_str()).chain(m.aliases.iter().map(String::as_str));
        for name in names {
            match seen.get(name) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    seen.insert(name, i);
                }
            }
        }
    }
    // A description joins the nearest fuller mention, before it if there is one, within the
    // pairing window (claims are in text order), so a huge document stays linear.
    let near = |i: usize, j: usize| {
        claims[i].sentence_index.abs_diff(claims[j].sentence_index) <= crate::compare::MAX_DISTANCE
    };
    for i in 0..claims.len() {
        let Some(m) = mentions[i].as_ref().filter(|m| !m.named) else {
            continue;
        };
        let before = (0..i).rev().take_while(|&j| near(i, j));
        let after = (i + 1..claims.len()).take_while(|&j| near(i, j));
        let target = before
            .chain(after)
            .find(|&j| mentions[j].as_ref().is_some_and(|n| m.describes(n)));
        if let Some(j) = target {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a] = b;
        }
    }
    // Each group is represented by its fullest mention, so that keys stay comparable across
    // documents.
    let mut best: Vec<Option<usize>> = vec![None; claims.len()];
    for i in 0..claims.len() {
        let Some(m) = &mentions[i] else { continue };
        let r = find(&mut parent, i);
        let better = best[r].is_none_or(|b| {
            mentions[b]
                .as_ref()
                .is_some_and(|n| m.words.len() > n.words.len())
        });
        if better {
            best[r] = Some(i);
        }
    }
    (0..claims.len())
        .map(|i| {
            mentions[i].as_ref()?;
            best[find(&mut parent, i)]
        })
        .collect()
}

/// Sets each claim's `source.resolved` to the fullest mention of its speaker in the document
/// when that names the speaker differently ("the governor" → "Alberio Oromo", "ZCTU" → "Zimbabwe
/// Congress of Trade Unions"), so that [`crate::model::Source::resolved_key`] is equal for all
/// mentions of one speaker. `claims` are one document's claims in text order.
pub fn resolve(claims: &mut [Claim]) {
    let fullest = fullest_mentions(claims);
    let names: Vec<Option<String>> = fullest
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let b = (*b)?;
            let (own, full) = (&claims[i].source, &claims[b].source);
            (own.key() != full.key()).then(|| full.name.clone())
        })
        .collect();
    for (c, name) in claims.iter_mut().zip(names) {
        c.source.resolved = name;
    }
}

/// One key per claim, equal for claims whose sources are the same speaker: the key of the
/// speaker each resolves to ([`resolve`] must have run on the document's claims).
pub fn source_keys(claims: &[Claim]) -> Vec<String> {
    claims.iter().map(|c| c.source.resolved_key()).collect()
}

/// The parts of a conjoined name: "the army and FDD spokesman X" → "the army", "FDD spokesman X".
fn parts(name: &str) -> Vec<&str> {
    name.split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether two agents or sources, each possibly several conjoined names, share a party: some
/// part of one is some part of the other by key or alias, or one part belongs to an
/// organisation the other names ("FDD spokesman Gelase Ndabirabe" and "the Forces for the
/// Defense of Democracy").
pub fn same_party(a: &str, b: &str) -> bool {
    let (pa, pb) = (parts(a), parts(b));
    pa.iter().any(|x| {
        pb.iter().any(|y| {
            let (mx, my) = (Mention::new(x, None), Mention::new(y, None));
            mx.same_name(&my) || member_of(x, &my) || member_of(y, &mx)
        })
    })
}

/// Words of an actor phrase that say what kind of actor, not which one.
const GENERIC_ACTORS: &[&str] = &[
    "forces",
    "troops",
    "fighters",
    "militants",
    "soldiers",
    "officials",
    "group",
    "army",
    "military",
    "police",
    "government",
    "authorities",
    "men",
    "gunmen",
    "units",
    "members",
    "militia",
    "militias",
    "party",
    "parties",
    "coalition",
    "alliance",
    "bloc",
    "candidate",
    "main",
    "they",
    "we",
    "it",
    "our",
];

/// Whether two actor phrases share a word that says which actor they are ("Islamist militants"
/// and "Islamist fighters", "Boko Haram fighters" and "Boko Haram"); words for the kind of
/// actor ("forces", "government") do not count.
pub fn share_identity(a: &str, b: &str) -> bool {
    let distinctive = |p: &str| -> BTreeSet<String> {
        words(p)
            .into_iter()
            .filter(|w| !GENERIC_ACTORS.contains(&w.as_str()))
            .collect()
    };
    !distinctive(a).is_disjoint(&distinctive(b))
}

/// Whether one speaker phrase describes the other, so that they speak for one side: all the
/// words of the shorter belong to the longer ("government" and "Government spokesman Moussa
/// Ibrahim", "police" and "police chief Ali Noor"). Used to keep a denial from disputing its own
/// side; a mere shared word is not enough ("U.S. officials" and "Afghan officials").
pub fn affiliated(a: &str, b: &str) -> bool {
    let (ma, mb) = (Mention::new(a, None), Mention::new(b, None));
    ma.describes(&mb) || mb.describes(&ma)
}

/// Whether a speaker phrase opens with an acronym that names `org` ("FDD spokesman X").
fn member_of(phrase: &str, org: &Mention) -> bool {
    phrase.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() >= 2
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && org.aliases.contains(&w.to_lowercase())
            && org.words.len() > 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{ClaimKind, Source, Stance};
    use crate::text::Span;

    fn claim(name: &str, role: Option<&str>) -> Claim {
        Claim {
            doc: 0,
            span: Span::new(0, 0),
            text: String::new(),
            sentence: Span::new(0, 0),
            sentence_index: 0,
            paragraph: 0,
            subject: String::new(),
            aspect: String::new(),
            axis: String::new(),
            sign: 1,
            kind: ClaimKind::Statement,
            value: None,
            direction: None,
            polarity: None,
            agent: None,
            hedged: false,
            qualifier: None,
            places: Vec::new(),
            event: 0,
            source: Source {
                name: name.to_owned(),
                role: role.map(str::to_owned),
                cue: None,
                via: Via::Explicit,
                stance: Stance::Assert,
                resolved: None,
                span: None,
                cue_span: None,
            },
            context: String::new(),
            rule: String::new(),
        }
    }

    fn keys(names: &[&str]) -> Vec<String> {
        let mut claims: Vec<Claim> = names.iter().map(|n| claim(n, None)).collect();
        resolve(&mut claims);
        source_keys(&claims)
    }

    #[test]
    fn a_role_phrase_and_the_named_person_are_one_source() {
        let k = keys(&[
            "Imatong State's governor",
            "Imatong State Governor Alberio Oromo",
            "Oromo",
        ]);
        assert_eq!(k[0], k[1]);
        assert_eq!(k[1], k[2]);
        let k = keys(&[
            "Spokesman Lieutenant Colonel Bryan Hilferty",
            "the spokesman",
        ]);
        assert_eq!(k[0], k[1]);
    }

    #[test]
    fn a_role_from_an_apposition_counts() {
        let mut claims = [
            claim(
                "Shafiqullah Tahiri",
                Some("A spokesman for Afghanistan's National Security Directorate"),
            ),
            claim("the spokesman", None),
            claim("Afghan officials", None),
        ];
        resolve(&mut claims);
        assert_eq!(
            claims[1].source.resolved.as_deref(),
            Some("Shafiqullah Tahiri")
        );
        assert_eq!(claims[0].source.resolved, None);
        let k = source_keys(&claims);
        assert_eq!(k[0], k[1]);
        assert_ne!(k[0], k[2]);
    }

    #[test]
    fn a_modifier_or_a_member_of_a_group_is_not_the_speaker() {
        let k = keys(&["government critic", "the government"]);
        assert_ne!(k[0], k[1]);
        let k = keys(&["Witnesses and government officials", "Officials"]);
        assert_ne!(k[0], k[1]);
        let k = keys(&[
            "officials and residents",
            "Local security officials and residents",
        ]);
        assert_eq!(k[0], k[1]);
        let k = keys(&["independent economists", "economists"]);
        assert_eq!(k[0], k[1]);
        let k = keys(&["opposition leader Charles Bowao", "Opposition candidates"]);
        assert_ne!(k[0], k[1]);
    }

    #[test]
    fn actors_sharing_a_distinctive_word_are_one_side() {
        assert!(share_identity("Islamist militants", "Islamist fighters"));
        assert!(share_identity("Boko Haram fighters", "Boko Haram"));
        assert!(!share_identity("government troops", "rebel forces"));
        assert!(!share_identity(
            "Somali government forces",
            "Kenyan government forces"
        ));
    }

    #[test]
    fn acronyms_and_bracketed_short_forms_name_their_organisation() {
        let k = keys(&["the Zimbabwe Congress of Trade Unions", "ZCTU"]);
        assert_eq!(k[0], k[1]);
        let k = keys(&["Zimbabwe National Statistics Agency (ZIMSTAT)", "ZIMSTAT"]);
        assert_eq!(k[0], k[1]);
    }

    #[test]
    fn a_bare_description_joins_the_nearest_fuller_mention_before_it() {
        let k = keys(&["U.S. officials", "Afghan officials", "officials"]);
        assert_eq!(k[1], k[2]);
        assert_ne!(k[0], k[2]);
        let k = keys(&["Oming villagers", "Villagers"]);
        assert_eq!(k[0], k[1]);
    }

    #[test]
    fn different_speakers_stay_apart() {
        let k = keys(&[
            "Hospital officials",
            "residents of Camp Ashraf",
            "Economist John Robertson",
            "economists and the country’s largest labor union",
            "U.S. military",
            "Spokesman Lieutenant Colonel Bryan Hilferty",
        ]);
        let distinct: BTreeSet<&String> = k.iter().collect();
        assert_eq!(distinct.len(), k.len());
    }

    #[test]
    fn a_spokesman_speaks_for_the_body_he_names() {
        assert!(affiliated(
            "government",
            "Government spokesman Moussa Ibrahim"
        ));
        assert!(affiliated("Police chief Ali Noor", "police"));
        assert!(!affiliated("U.S. officials", "Afghan officials"));
        assert!(!affiliated("rebels", "Government spokesman Moussa Ibrahim"));
    }

    #[test]
    fn parties_match_across_conjoined_names_and_acronyms() {
        assert!(same_party(
            "the Burundian government and the country's main rebel group, the Forces for the \
             Defense of Democracy",
            "army spokesman Colonel Augustin Nzabampema and FDD spokesman Gelase Ndabirabe"
        ));
        assert!(same_party("Pakistan", "Pakistan"));
        assert!(!same_party(
            "the Burundian government",
            "the National Liberation Forces"
        ));
        assert!(!same_party("India", "Pakistan"));
    }
}
