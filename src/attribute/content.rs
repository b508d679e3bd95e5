//! Content: where what a cue reports starts.

use super::*;

/// Is a clause starting at token `i`: a subject pronoun, or a noun phrase and a finite verb?
pub(super) fn clause_starts(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    if t.in_list("he she they we i it you there") {
        return true;
    }
    let Some(end) = np_end(toks, i) else {
        return false;
    };
    toks.get(end).is_some_and(|v| {
        let l = v.lower();
        v.in_list(FINITE)
            || v.in_list(IRREGULAR)
            || !v.is_cap() && (l.ends_with("ed") || l.ends_with('s')) && v.is_word()
    })
}

/// Nouns of speech that take a `that` clause ("rejected allegations that …").
pub(super) const SPEECH_NOUNS: &str = "allegations allegation accusations accusation reports report claims \
    claim charges charge suggestions suggestion assertions assertion rumors rumours speculation \
    idea notion statements criticism concerns fears warnings assessment findings insinuations \
    view argument arguments theory";

/// A complementizer `that` (or a quotation) after adjuncts of the verb: "said in a statement on
/// Monday that", "told CNN’s Jake Tapper that", "denied reports that". Crosses prepositional
/// phrases, times and adverbs; a noun phrase only as a listener or a noun of speech. Returns the
/// token of `that` or of the quote.
pub(super) fn that_after_adjuncts(toks: &[Tok<'_>], i: usize, takes_object: bool) -> Option<usize> {
    let mut k = i;
    let mut crossed_np = false;
    while k < toks.len() && k < i + 20 {
        let t = &toks[k];
        if t.lower() == "that" {
            return Some(k);
        }
        if t.is_punct(QUOTES) || t.is_punct(&[':']) {
            return Some(k);
        }
        if t.is_punct(&[',']) {
            k += 1;
            continue;
        }
        if !t.is_word() || t.in_list(FINITE) {
            return None;
        }
        if t.in_list(TIME_WORDS) || is_adverb(&t.lower()) {
            k += 1;
            continue;
        }
        if t.in_list(TAIL_START) && !t.in_list("that as when while") {
            // A prepositional phrase: the preposition and its noun phrase.
            k = np_end(toks, k + 1).unwrap_or(k + 1);
            continue;
        }
        if crossed_np {
            return None;
        }
        let end = np_end(toks, k)?;
        let head = toks.get(end.checked_sub(1)?)?;
        let object = takes_object && k == i;
        if !(object || head.in_list(SPEECH_NOUNS)) {
            return None;
        }
        crossed_np = true;
        k = end;
    }
    None
}

/// The token where a verb's content starts (after an object such as `told VOA`, a time such as
/// `said Monday`; at a complementizer `that`). `None` when the verb needs a clause and none
/// follows ("claimed the attack" is not speech).
pub(super) fn content_start(
    toks: &[Tok<'_>],
    i: usize,
    needs_clause: bool,
    takes_object: bool,
) -> Option<usize> {
    let mut i = i;
    while toks.get(i).is_some_and(|t| t.is_punct(&[',', ':'])) {
        i += 1;
    }
    let first = toks.get(i)?;
    if first.is_punct(OPEN_QUOTES) || first.is_punct(&['"']) {
        return Some(i);
    }
    if first.lower() == "that" || agent_noun_at(toks, i) {
        return Some(i);
    }
    if let Some(k) = that_after_adjuncts(toks, i, takes_object) {
        return Some(k);
    }
    if takes_object {
        // "told reporters the …": skip the listener.
        if first.in_list(LISTENERS) {
            return Some(i + 1);
        }
        if first.is_cap() {
            let end = np_end(toks, i)?;
            return Some(end);
        }
    }
    if needs_clause && !clause_starts(toks, i) {
        return None;
    }
    // "said Monday the …": skip a leading time.
    let mut k = i;
    while toks.get(k).is_some_and(|t| {
        t.in_list(TIME_WORDS)
            || t.in_list("on this") && toks.get(k + 1).is_some_and(|n| n.in_list(TIME_WORDS))
    }) {
        k += 1;
    }
    Some(k)
}

/// Words after a comma that start an adjunct clause of the main sentence, not of the content:
/// "endorsed the deal, although she …".
pub(super) const ADJUNCT_OPENERS: &str = "although though while whereas because since as when \
    after before but and which who whose where despite even unless until so";

/// Whether token `i` is a finite or past verb that starts a new verb phrase: "has", "was",
/// "used", "went".
fn starts_verb_phrase(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        let l = t.lower();
        t.is_word()
            && !t.is_cap()
            && (t.in_list(FINITE) || t.in_list(IRREGULAR) || l.ends_with("ed") && l.len() > 3)
    })
}

/// The byte end of a content that starts at token `start` after the verb. A clause ("that …",
/// "the economy grew …") runs to the end of the sentence; an object ("endorsed Mr. Trump and
/// has been a critic", "backed the deal, although …") ends before a coordinated verb phrase of
/// the speaker or an adjunct clause after a comma or dash. After a relative speaker ("the NRA,
/// which has endorsed Trump, used …") the content ends where the relative clause does.
pub(super) fn object_end(text: &str, toks: &[Tok<'_>], start: usize, relative: bool) -> usize {
    let clause = toks.get(start).is_some_and(|t| t.lower() == "that")
        || clause_starts(toks, start)
        || agent_noun_at(toks, start);
    if clause && !relative {
        return text.len();
    }
    let mut i = start + 1;
    while let Some(t) = toks.get(i) {
        if t.is_punct(&[';', '—', '–', '(']) && !clause {
            break;
        }
        if t.is_punct(&[',']) {
            let next_opens = toks.get(i + 1).is_some_and(|n| {
                let l = n.lower();
                n.in_list(ADJUNCT_OPENERS) || !n.is_cap() && n.is_word() && l.ends_with("ing")
            });
            if next_opens && !clause || starts_verb_phrase(toks, i + 1) {
                break;
            }
        }
        if t.in_list("and but") && !clause && starts_verb_phrase(toks, i + 1) {
            break;
        }
        i += 1;
    }
    if i >= toks.len() {
        return text.len();
    }
    content_end_before(toks, i)
}
