//! Sources: who says each sentence's content. Explicit cues ("X said", "said X", "according to
//! X"), appositions for roles ("X, a spokesman, said"), quotations whose speaker is named
//! elsewhere in the quote, pronouns carried from the last named speaker, and the document's own
//! voice.
//!
//! Works on sentences and rule cues only; claims are matched to the content span later. Each
//! sentence is split into word and punctuation tokens (`tokenize`); speakers are noun phrases
//! found by scanning tokens away from the cue, so every offset stays on a character boundary.
//!
//! Span conventions follow attribution corpora (PARC, PolNeAR): the source span covers the whole
//! speaker phrase, appositions included ("Marty Walz, chair of the council"), while the source
//! name is the phrase's head ("Marty Walz") and the apposition its role; the content span starts
//! at a complementizer `that` and excludes the cue and the speaker.

mod content;
mod cue_span;
mod cues;
mod memory;
mod nominal;
mod phrase;
mod sentence;
mod speaker;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_cues;
mod tokens;
mod words;

use crate::model::{Source, Stance, Via};
use crate::rules::RuleSet;
use crate::subject::clean_name;
use crate::text::{Document, Sentence, Span};
use content::*;
use cue_span::*;
use cues::*;
use memory::*;
use nominal::*;
use phrase::*;
pub(crate) use sentence::after_last;
use sentence::*;
use speaker::*;
use std::collections::BTreeMap;
use tokens::*;
use words::*;

/// The attribution of one sentence: its source, and the span of what the source says.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Who says it.
    pub source: Source,
    /// The reported content (document offsets).
    pub content: Span,
}

/// Does a sentence start with or continue a quotation?
fn is_quoted(doc: &Document, s: &Sentence) -> bool {
    s.in_quote || s.quote_open_at_end || doc.slice(s.span).starts_with(['“', '"'])
}

/// Attributes every sentence of a document; `reference` resolves generic phrases ("the group")
/// to a subject name given the sentence index. A sentence's attributions come innermost first
/// (a claim takes the first whose content holds it); its main attribution, the first that no
/// other holds, carries quotations to neighbouring sentences.
pub fn attribute(
    rules: &RuleSet,
    doc: &Document,
    sentences: &[Sentence],
    reference: &dyn Fn(usize, &str) -> Option<String>,
) -> Vec<Vec<Attribution>> {
    let mut memory = Memory::default();
    let mut out: Vec<Vec<Attribution>> = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let base = s.span.start;
        let text = doc.prose.get(s.span.start..s.span.end).unwrap_or("");
        let mut found: Vec<(usize, Found)> = explicit_all(rules, text, s.in_quote)
            .into_iter()
            .enumerate()
            .collect();
        // Resolve pronouns in reading order ("He noted Russia had pledged …": "He" is not
        // Russia), then restore the innermost-first order.
        found.sort_by_key(|(_, f)| f.speaker.span.0.min(f.cue.0));
        let mut resolved: Vec<(usize, Attribution)> = found
            .into_iter()
            .filter_map(|(order, f)| {
                let named = f.speaker.is_named();
                let (name, role, via) = if let Some(subject) = own_subject(text, &f.speaker) {
                    (subject, None, Via::Pronoun)
                } else if named {
                    memory.resolve(rules, &f.speaker, &|n| reference(i, n))?
                } else {
                    (f.speaker.name.clone(), None, Via::Explicit)
                };
                let source = Source {
                    name,
                    role,
                    cue: Some(f.word),
                    via,
                    stance: f.stance,
                    resolved: None,
                    span: named
                        .then(|| Span::new(base + f.speaker.span.0, base + f.speaker.span.1)),
                    cue_span: Some(Span::new(base + f.cue.0, base + f.cue.1)),
                };
                if named {
                    memory.remember(&source);
                }
                Some((
                    order,
                    Attribution {
                        source,
                        content: Span::new(base + f.content.0, base + f.content.1.max(f.content.0)),
                    },
                ))
            })
            .collect();
        resolved.sort_by_key(|(order, _)| *order);
        let found: Vec<Attribution> = resolved.into_iter().map(|(_, a)| a).collect();
        // The sentence's main speaker is the one a pronoun in the next sentence means, even
        // when a speaker inside its content was named later ("He denied accusations by Magezi
        // that …. They want a military option" is still his).
        if let Some(main) = main_attribution(&found).filter(|a| a.source.span.is_some()) {
            memory.remember(&main.source);
        }
        out.push(found);
    }
    carry_quotes(doc, sentences, &mut out);
    out
}

/// The sentence's own subject that a later "it" or "they" in it means: "The ministry rejected
/// what it called …" is the ministry's. Only a subject that is not itself a pronoun, agrees in
/// number ("it": not a plural; "they": a plural) and ends before the pronoun.
fn own_subject(text: &str, speaker: &Speaker) -> Option<String> {
    let pronoun = speaker.name.to_lowercase();
    if !matches!(pronoun.as_str(), "it" | "they") || speaker.span.0 == 0 {
        return None;
    }
    let toks = tokenize(text);
    let at = toks.iter().position(|t| t.start >= speaker.span.0)?;
    let subject = main_subject(text, &toks, at)?;
    let name = clean_name(&subject.name);
    let last = name.split_whitespace().last()?.to_lowercase();
    let plural = last.ends_with('s') && !last.ends_with("ss") || has("police military", &last);
    let agrees = if pronoun == "it" { !plural } else { plural };
    let before = subject.span.1 <= speaker.span.0;
    (agrees && before && !has(PRONOUNS, &name.to_lowercase()) && looks_like_subject(&name))
        .then_some(name)
}

/// Whether a phrase can be a subject that a pronoun refers back to: a name or a definite noun
/// phrase, not a number or a clause fragment.
fn looks_like_subject(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=6).contains(&words) && name.starts_with(|c: char| c.is_alphabetic())
}

/// The main attribution of a sentence: the first whose content no other content holds, one
/// with a named speaker first ("Asked whether …, Smith said" is Smith's).
fn main_attribution(found: &[Attribution]) -> Option<&Attribution> {
    let span = |a: &Attribution| (a.content.start, a.content.end);
    let outer = || {
        found
            .iter()
            .filter(|a| !found.iter().any(|b| holds(span(b), span(a))))
    };
    outer()
        .find(|a| a.source.span.is_some())
        .or_else(|| outer().next())
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
                main_attribution(&out[j]).filter(|a| a.source.via != Via::QuoteCarry || j + 1 == i)
            });
        let forward = (i + 1..sentences.len())
            .take_while(|&j| sentences[j].paragraph == para && sentences[j].in_quote)
            .find_map(|j| main_attribution(&out[j]).cloned());
        let from = if forward.is_some() && sentences[i].quote_open_at_end {
            forward
        } else {
            back.cloned().or(forward)
        };
        if let Some(a) = from {
            let span = sentences[i].span;
            out[i] = vec![Attribution {
                // The speaker and cue spans stay those of the sentence that names them.
                source: Source {
                    via: Via::QuoteCarry,
                    ..a.source
                },
                content: span,
            }];
        }
    }
}

/// The speaker of a speech act that a claim pattern matched ("Koang denied the accusations"):
/// the noun phrase before the verb at byte `verb_at` in `text`, as (name, span in `text`).
pub(crate) fn speaker_before(text: &str, verb_at: usize) -> Option<(String, Span)> {
    let toks = tokenize(text);
    let k = toks.iter().position(|t| t.start >= verb_at)?;
    let sp = speaker_left(text, &toks, k, false)?;
    Some((clean_name(&sp.name), Span::new(sp.span.0, sp.span.1)))
}

/// The source of text outside any reported content: the document itself.
pub fn document_source() -> Source {
    Source {
        name: "document".to_owned(),
        role: None,
        cue: None,
        via: Via::Document,
        stance: Stance::Assert,
        resolved: None,
        span: None,
        cue_span: None,
    }
}
