//! Sources: who says each sentence's content. Explicit cues ("X said", "according to X"),
//! appositions for roles, quotations whose speaker is named elsewhere in the quote, pronouns
//! carried from the last named speaker, and the document's own voice.
//!
//! Works on sentences and rule cues only; claims are matched to the content span later.

use crate::model::{Source, Stance, Via};
use crate::rules::RuleSet;
use crate::subject::clean_name;
use crate::text::{Document, Sentence, Span};
use std::collections::BTreeMap;

/// The attribution of one sentence: its source, and the span of what the source says.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Who says it.
    pub source: Source,
    /// The reported content (document offsets).
    pub content: Span,
}

/// Auxiliaries and adverbs that may stand between a speaker and the verb ("has also said").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "earlier",
    "would",
    "will",
    "had",
    "then",
    "again",
    "repeatedly",
    "further",
    "once",
    "still",
    "recently",
    "publicly",
    "privately",
    "separately",
    "reportedly",
    "however",
    "did",
    "does",
    "do",
    "now",
    "are",
    "is",
    "was",
    "were",
    "both",
    "all",
    "jointly",
    "each",
    "themselves",
    "himself",
    "herself",
    "quickly",
    "immediately",
];
/// Words that end a speaker noun phrase from the right ("a report released in January").
const NP_CUT: &[&str] = &[
    "released",
    "published",
    "issued",
    "who",
    "which",
    "that",
    "seen",
    "obtained",
    "dated",
    "quoted",
    "cited",
    "speaking",
    "posted",
    "shared",
    "on",
    "in",
    "at",
    "during",
    "after",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
/// Discourse openers stripped from a speaker phrase.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "still",
    "meanwhile",
    "however",
    "instead",
    "also",
];

/// Where a reporting verb's content starts: after an object such as `told VOA`, a time such as
/// `said Monday`, and `that`. A verb that needs a clause returns `None` when no `that`, quote or
/// colon follows a short object ("claimed the attack" is not speech).
fn content_start(after: &str, needs_clause: bool) -> Option<usize> {
    let trimmed = after.trim_start();
    let lead = after.len() - trimmed.len();
    if trimmed.starts_with(['“', '"', ':']) {
        return Some(lead);
    }
    let first = trimmed
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A preposition or time word can precede `that` at some distance:
    // "claimed at a press conference in Kabul in December that".
    let prepositional = matches!(
        first.as_str(),
        "at" | "in"
            | "on"
            | "during"
            | "last"
            | "earlier"
            | "to"
            | "before"
            | "after"
            | "repeatedly"
            | "publicly"
            | "previously"
            | "late"
            | "early"
            | "this"
    ) || first.ends_with("day");
    let window = if prepositional { 14 } else { 3 };
    let mut pos = 0usize;
    for (i, w) in trimmed.split_whitespace().enumerate() {
        if i > window || w.contains(['.', ';', '“', '"', ',']) && i > 0 {
            break;
        }
        let at = trimmed[pos..].find(w).map_or(pos, |x| x + pos);
        pos = at + w.len();
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if lw == "that" {
            return Some(lead + pos);
        }
        if w.ends_with(',') {
            break;
        }
    }
    if needs_clause {
        return None;
    }
    // `told VOA` / `told reporters` without `that`: skip the object.
    let mut skip = 0;
    if let Some(w) = trimmed.split_whitespace().next() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let acronym = w.len() <= 6
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && w.chars().any(char::is_alphabetic);
        if acronym
            || matches!(
                lw.as_str(),
                "reporters"
                    | "journalists"
                    | "lawmakers"
                    | "parliament"
                    | "congress"
                    | "investigators"
                    | "him"
                    | "her"
                    | "them"
                    | "us"
                    | "me"
            )
        {
            skip = w.len();
        }
    }
    Some(lead + skip)
}

/// Text after a verb that is only a tail ("Friday on X.", "in a statement."), not content.
fn is_tail(after: &str) -> bool {
    let t = after.trim();
    if t.is_empty() {
        return true;
    }
    let lower = t.to_lowercase();
    !lower.starts_with("that ")
        && !t.contains(['“', '"'])
        && t.chars().count() <= 70
        && !lower.split_whitespace().any(|w| {
            matches!(
                w,
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "could"
            )
        })
}

/// A speaker phrase split into name and role.
struct Speaker {
    name: String,
    role: Option<String>,
    span: Span,
}

/// Does the phrase look like a personal name ("Homayoun Mohtaat", "Abdul Qahar Balkhi")?
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(*w, "al" | "de" | "bin" | "van" | "von" | "da")
        })
        && !s.contains('.')
}

/// Finds the speaker in the text left of a verb (`left` ends right before the verb).
fn speaker_left(left: &str, base: usize, verb_is_participle: bool) -> Option<Speaker> {
    let mut end = left.trim_end().len();
    // Strip auxiliaries and adverbs before the verb.
    loop {
        let t = &left[..end];
        let Some(sp) = t.rfind(char::is_whitespace) else {
            break;
        };
        // `sp` starts a whitespace character that may be more than one byte (a no-break space).
        let word = t[sp..].trim_start();
        let w = word.to_lowercase();
        // "Kazarama strongly rejected": a lower-case -ly adverb is not part of the speaker.
        let adverb = w.len() > 4 && w.ends_with("ly") && word.starts_with(char::is_lowercase);
        if AUX.contains(&w.as_str()) || adverb {
            end = t[..sp].trim_end().len();
        } else {
            break;
        }
    }
    let t = &left[..end];
    if t.ends_with(',') && verb_is_participle {
        // "X blamed Pakistan for the attack, accusing Islamabad of …": the participle's
        // speaker is the sentence's subject.
        let (subject, at) = sentence_subject(&t[..t.len() - 1]);
        if subject.is_empty() {
            return None;
        }
        return Some(Speaker {
            name: subject.to_owned(),
            role: None,
            span: Span::new(base + at, base + at + subject.len()),
        });
    }
    if let Some(inner) = t.strip_suffix(',') {
        // Apposition: "Name, role," or "role, Name,".
        let comma = inner.rfind(',')?;
        let x = inner[comma + 1..].trim();
        let before = &inner[..comma];
        let y_start = crate::attribute::after_last(before, &[',', '“', '”', '"', ';', ':']);
        let y_raw = before[y_start..].trim();
        let y = strip_openers(y_raw);
        if x.is_empty() || y.is_empty() || x.split_whitespace().count() > 16 {
            return None;
        }
        let y_off = base + y_start + before[y_start..].find(y).unwrap_or(0);
        if looks_like_name(y) {
            return Some(Speaker {
                name: y.to_owned(),
                role: Some(clean_role(x)),
                span: Span::new(y_off, y_off + y.len()),
            });
        }
        if looks_like_name(x) {
            let x_off = base + comma + 1 + inner[comma + 1..].find(x).unwrap_or(0);
            return Some(Speaker {
                name: x.to_owned(),
                role: Some(clean_role(y)),
                span: Span::new(x_off, x_off + x.len()),
            });
        }
        return None;
    }
    let seg_start = t
        .rfind([',', '“', '”', '"', ';', ':', '—', '('])
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let seg = &t[seg_start..];
    let mut np = cut_np(strip_openers(seg.trim()));
    let mut seg_start = seg_start;
    if np.is_empty() && seg_start > 0 {
        // "X condemned the attack, and rejected …": the speaker is the sentence's subject.
        let (subject, at) = sentence_subject(t);
        np = subject;
        seg_start = at;
    }
    if np.is_empty() || np.split_whitespace().count() > 14 || has_clause_word(np) {
        return None;
    }
    let first = np.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "this" | "that" | "there" | "which" | "what" | "who"
    ) && np.split_whitespace().count() == 1
    {
        return None;
    }
    let off = base + seg_start + seg.find(np).unwrap_or(0);
    Some(Speaker {
        name: np.to_owned(),
        role: None,
        span: Span::new(off, off + np.len()),
    })
}

/// The subject of a sentence: its first clause after an introductory phrase ("In Pakistan,"),
/// cut before its first past-tense verb. Returns the phrase and its offset.
fn sentence_subject(t: &str) -> (&str, usize) {
    let mut at = 0;
    for seg in t.split(',') {
        let trimmed = seg.trim_start();
        let first = trimmed
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let intro = matches!(
            first.as_str(),
            "in" | "on"
                | "at"
                | "after"
                | "during"
                | "earlier"
                | "meanwhile"
                | "later"
                | "separately"
                | "however"
                | "but"
                | "and"
                | "since"
                | "while"
                | "as"
                | "last"
                | "this"
        );
        if !intro && !trimmed.is_empty() {
            let mut end = trimmed.len();
            let mut pos = 0;
            for (i, w) in trimmed.split_whitespace().enumerate() {
                let wat = trimmed[pos..].find(w).map_or(pos, |x| x + pos);
                pos = wat + w.len();
                if i > 0 && w.ends_with("ed") && w.starts_with(|c: char| c.is_lowercase()) {
                    end = wat;
                    break;
                }
            }
            let lead = seg.len() - trimmed.len();
            return (trimmed[..end].trim_end(), at + lead);
        }
        at += seg.len() + 1;
    }
    ("", 0)
}

/// A verb or subordinator inside a would-be speaker phrase means it is a clause, not a name:
/// "… those engaged in street businesses cannot be said …".
fn has_clause_word(np: &str) -> bool {
    np.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "can"
                | "cannot"
                | "could"
                | "will"
                | "would"
                | "should"
                | "must"
                | "might"
                | "as"
                | "because"
                | "if"
                | "when"
                | "while"
                | "although"
                | "unless"
        )
    })
}

fn clean_role(role: &str) -> String {
    let r = role.trim();
    let r = r
        .strip_prefix("a ")
        .or_else(|| r.strip_prefix("an "))
        .or_else(|| r.strip_prefix("the "))
        .unwrap_or(r);
    r.to_owned()
}

fn strip_openers(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        if OPENERS.contains(&s.trim_end_matches(',').to_lowercase().as_str()) {
            return "";
        }
        let Some((w, rest)) = s.split_once(char::is_whitespace) else {
            return s;
        };
        if OPENERS.contains(&w.trim_end_matches(',').to_lowercase().as_str()) {
            s = rest.trim_start();
        } else {
            return s;
        }
    }
}

/// Cuts a speaker phrase at a participle or preposition: "a U.N. report released in January".
fn cut_np(np: &str) -> &str {
    let mut pos = 0;
    for (i, w) in np.split_whitespace().enumerate() {
        let at = np[pos..].find(w).map_or(pos, |x| x + pos);
        if i > 0 && NP_CUT.contains(&w.to_lowercase().as_str()) {
            return np[..at].trim_end();
        }
        pos = at + w.len();
    }
    // "a charge the Taliban": a reduced relative clause names the speaker last.
    let words: Vec<&str> = np.split_whitespace().collect();
    if words.len() >= 3
        && matches!(words[0].to_lowercase().as_str(), "a" | "an" | "the")
        && let Some(k) =
            (2..words.len()).find(|&k| words[k].eq_ignore_ascii_case("the") && k + 1 < words.len())
    {
        let at = np
            .rfind(&format!("{} {}", words[k], words[k + 1]))
            .unwrap_or(0);
        return &np[at..];
    }
    np
}

/// The speaker after an inverted verb: "…,” said Valle." / "…, said the ministry."
fn speaker_right(after: &str, base: usize) -> Option<Speaker> {
    let t = after.trim_start();
    let off = after.len() - t.len();
    let end = t
        .find(['.', ',', ';', '!', '?', '“', '"'])
        .unwrap_or(t.len());
    let np = t[..end].trim();
    // The whole phrase up to the punctuation must be the speaker: "said Valle." not "told VOA that…".
    if np.is_empty() || np.split_whitespace().count() > 8 || cut_np(np) != np {
        return None;
    }
    let rest = t[end..]
        .trim_start_matches(['.', '!', '?', '”', '"'])
        .trim();
    if !rest.is_empty() && !t[end..].starts_with(',') {
        return None;
    }
    let at = base + off;
    Some(Speaker {
        name: np.to_owned(),
        role: None,
        span: Span::new(at, at + np.len()),
    })
}

/// Tracks named speakers for pronouns and surnames across sentences.
#[derive(Default)]
struct Memory {
    last_person: Option<Source>,
    last_org: Option<Source>,
    by_surname: BTreeMap<String, (String, Option<String>)>,
}

impl Memory {
    /// Resolves a speaker phrase to a source name and role, and remembers it.
    fn resolve(
        &mut self,
        rules: &RuleSet,
        sp: &Speaker,
        resolve_reference: &dyn Fn(&str) -> Option<String>,
    ) -> Option<(String, Option<String>, Via)> {
        let lower = sp.name.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            let prev = if matches!(lower.as_str(), "he" | "she" | "i") {
                &self.last_person
            } else {
                &self.last_org
            };
            let prev = prev
                .as_ref()
                .or(self.last_person.as_ref())
                .or(self.last_org.as_ref())?;
            return Some((prev.name.clone(), prev.role.clone(), Via::Pronoun));
        }
        if let Some(name) = resolve_reference(&sp.name) {
            return Some((name, sp.role.clone(), Via::Explicit));
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

    fn remember(&mut self, source: &Source) {
        if looks_like_name(&source.name) && alias_free(&source.name) {
            self.last_person = Some(source.clone());
        } else {
            self.last_org = Some(source.clone());
        }
    }
}

fn alias_free(name: &str) -> bool {
    !name.contains(['.', '’', '\''])
}

/// Finds the speaker of a sentence, if it has an explicit cue.
fn explicit(
    rules: &RuleSet,
    text: &str,
    base: usize,
) -> Option<(Speaker, Span, Span, String, Stance)> {
    // "according to X" — the source follows the prefix.
    if let Some(re) = &rules.matchers.prefixes
        && let Some(c) = re.captures(text)
    {
        let m = c.get(1)?;
        let after = &text[m.end()..];
        let t = after.trim_start();
        let lead = after.len() - t.len();
        let end = t.find([',', '.', ';', '“', '"']).unwrap_or(t.len());
        let np = cut_np(t[..end].trim());
        if !np.is_empty() && np.split_whitespace().count() <= 10 {
            let s_at = base + m.end() + lead;
            let sp = Speaker {
                name: np.to_owned(),
                role: None,
                span: Span::new(s_at, s_at + np.len()),
            };
            let content = if text[..m.start()].trim().is_empty() {
                Span::new(base + m.end() + lead + end, base + text.len())
            } else {
                Span::new(base, base + m.start())
            };
            let cue = rules.cues.get(&m.as_str().to_lowercase());
            return Some((
                sp,
                Span::new(base + m.start(), base + m.end()),
                content,
                m.as_str().to_lowercase(),
                cue.map_or(Stance::Assert, |c| c.stance),
            ));
        }
    }
    let re = rules.matchers.verbs.as_ref()?;
    let mut at = 0;
    while let Some(c) = re.captures_at(text, at) {
        let m = c.get(1)?;
        at = m.end();
        let word = m.as_str().to_lowercase();
        let cue = rules.cues.get(&word)?;
        let left = &text[..m.start()];
        let after = &text[m.end()..];
        let cue_span = Span::new(base + m.start(), base + m.end());
        let lt = left.trim_end();
        // Inverted: "…,” said Valle." / "…, said the ministry."
        if lt.ends_with(['”', '"'])
            || lt.is_empty()
            || lt.ends_with(',') && speaker_left(left, base, false).is_none()
        {
            if let Some(sp) = speaker_right(after, base + m.end()) {
                let content_end = lt.trim_end_matches([',', '”', '"']).len();
                return Some((
                    sp,
                    cue_span,
                    Span::new(base, base + content_end),
                    word,
                    cue.stance,
                ));
            }
            continue;
        }
        let Some(sp) = speaker_left(left, base, word.ends_with("ing")) else {
            continue;
        };
        let sp_rel = sp.span.start - base;
        let before_speaker = text[..sp_rel].trim_end();
        if is_tail(after)
            && !before_speaker.is_empty()
            && before_speaker.ends_with([',', '”', '"', '’'])
        {
            // Right attribution: "“…,” Bokhari said." / "…, experts say."
            let content_end = before_speaker.trim_end_matches([',']).len();
            return Some((
                sp,
                cue_span,
                Span::new(base, base + content_end),
                word,
                cue.stance,
            ));
        }
        let Some(rel) = content_start(after, cue.needs_clause) else {
            continue;
        };
        let start = m.end() + rel;
        return Some((
            sp,
            cue_span,
            Span::new(base + start, base + text.len()),
            word,
            cue.stance,
        ));
    }
    None
}

/// The byte offset just after the last occurrence of any of `chars` in `s`, or 0.
pub(crate) fn after_last(s: &str, chars: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| chars.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Does a sentence start with or continue a quotation?
fn is_quoted(doc: &Document, s: &Sentence) -> bool {
    s.in_quote || s.quote_open_at_end || doc.slice(s.span).starts_with(['“', '"'])
}

/// Every attribution in a sentence, left to right: "Officials said turnout topped 74 percent –
/// a figure the opposition said was inflated" has two, the first content ending where the
/// second speaker starts.
fn explicit_all(
    rules: &RuleSet,
    text: &str,
    base: usize,
) -> Vec<(Speaker, Span, Span, String, Stance)> {
    let mut out: Vec<(Speaker, Span, Span, String, Stance)> = Vec::new();
    let (mut rest, mut rest_base) = (text, base);
    while out.len() < 4 {
        let Some(found) = explicit(rules, rest, rest_base) else {
            break;
        };
        let content = found.2;
        if let Some(prev) = out.last_mut() {
            // A nested cue: cut the previous content before the new speaker's phrase.
            let cut_rel = found.0.span.start - prev.2.start;
            let head = &text[prev.2.start - base..found.0.span.start - base];
            let cut = after_last(head, &['–', '—', ',', ';']).min(cut_rel);
            let cut = if cut == 0 {
                cut_rel
            } else {
                cut.saturating_sub(1)
            };
            prev.2 = Span::new(prev.2.start, prev.2.start + cut);
        }
        let next_from = content.start.max(found.1.end);
        out.push(found);
        if content.start < rest_base || next_from >= base + text.len() {
            break;
        }
        rest = &text[next_from - base..];
        rest_base = next_from;
    }
    out
}

/// Attributes every sentence of a document; `reference` resolves generic phrases ("the group")
/// to a subject name given the sentence index. The first attribution of a sentence is its main
/// one, used to carry quotations.
pub fn attribute(
    rules: &RuleSet,
    doc: &Document,
    sentences: &[Sentence],
    reference: &dyn Fn(usize, &str) -> Option<String>,
) -> Vec<Vec<Attribution>> {
    let mut memory = Memory::default();
    let mut out: Vec<Vec<Attribution>> = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let text = &doc.prose[s.span.start..s.span.end];
        let found = explicit_all(rules, text, s.span.start)
            .into_iter()
            .filter_map(|(sp, cue_span, content, cue, stance)| {
                let (name, role, via) = memory.resolve(rules, &sp, &|n| reference(i, n))?;
                let source = Source {
                    name,
                    role,
                    cue: Some(cue),
                    via,
                    stance,
                    span: Some(sp.span),
                    cue_span: Some(cue_span),
                };
                memory.remember(&source);
                Some(Attribution { source, content })
            })
            .collect();
        out.push(found);
    }
    carry_quotes(doc, sentences, &mut out);
    out
}

/// Gives unattributed quoted sentences the source of their quotation, named in an earlier or
/// later sentence of the same paragraph.
fn carry_quotes(doc: &Document, sentences: &[Sentence], out: &mut [Vec<Attribution>]) {
    for i in 0..sentences.len() {
        if !out[i].is_empty() || !is_quoted(doc, &sentences[i]) {
            continue;
        }
        let para = sentences[i].paragraph;
        let back = (0..i)
            .rev()
            .take_while(|&j| sentences[j].paragraph == para)
            .find_map(|j| {
                out[j]
                    .first()
                    .filter(|a| a.source.via != Via::QuoteCarry || j + 1 == i)
            });
        let forward = (i + 1..sentences.len())
            .take_while(|&j| sentences[j].paragraph == para && sentences[j].in_quote)
            .find_map(|j| out[j].first().cloned());
        let from = if forward.is_some() && sentences[i].quote_open_at_end {
            forward
        } else {
            back.cloned().or(forward)
        };
        if let Some(a) = from {
            let span = sentences[i].span;
            out[i] = vec![Attribution {
                source: Source {
                    via: Via::QuoteCarry,
                    span: None,
                    cue_span: None,
                    ..a.source
                },
                content: span,
            }];
        }
    }
}

/// The speaker of a speech act that a claim pattern matched ("Koang denied the accusations"):
/// the noun phrase before the verb at `verb_at` in `text`, as (name, span in `text`).
pub(crate) fn speaker_before(text: &str, verb_at: usize) -> Option<(String, Span)> {
    let left = text.get(..verb_at)?;
    let sp = speaker_left(left, 0, false)?;
    Some((clean_name(&sp.name), sp.span))
}

/// The source of text outside any reported content: the document itself.
pub fn document_source() -> Source {
    Source {
        name: "document".to_owned(),
        role: None,
        cue: None,
        via: Via::Document,
        stance: Stance::Assert,
        span: None,
        cue_span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apposition_before_told() {
        let s = "Bill Roggio, a senior fellow at the Foundation for Defense of Democracies, ";
        let sp = speaker_left(s, 0, false).expect("speaker");
        assert_eq!(sp.name, "Bill Roggio");
        let rules = RuleSet::builtin().unwrap();
        let t = "Bill Roggio, a senior fellow at the Foundation for Defense of Democracies, told VOA that the attacks in Russia would help.";
        let (sp, _, content, cue, _) = explicit(&rules, t, 0).expect("attribution");
        assert_eq!((sp.name.as_str(), cue.as_str()), ("Bill Roggio", "told"));
        assert_eq!(
            &t[content.start..content.end],
            " the attacks in Russia would help."
        );
    }
}
