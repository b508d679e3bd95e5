//! Nominal cues: a noun of speech whose speaker is named with it and whose content is a `that`
//! clause. "He denied accusations by Ugandan military captain Chris Magezi, who is spokesman for
//! the operation, that LRA fighters used machetes" (the agent after `by`/`from`); "her assertion
//! during the debate that we now finally are where we need to be" (a possessive).

use super::*;

/// Nouns of speech whose agent follows with `by` or `from`: "accusations by X that …",
/// "reports from X that …".
const AGENT_NOUNS: &str = "accusation accusations allegation allegations claim claims charge \
    charges report reports assertion assertions suggestion suggestions warning warnings \
    statement statements assurance assurances complaint complaints criticism";

/// Nouns of speech that a possessive speaker owns: "Trump's claim that …", "his insistence
/// that …".
const OWNED_NOUNS: &str = "claim claims assertion assertions allegation allegations accusation \
    accusations argument arguments contention insistence suggestion suggestions warning \
    warnings prediction predictions promise promises pledge pledges vow vows statement \
    assurance assurances belief view charge charges complaint complaints admission denial \
    declaration announcement";

/// Possessive pronouns and the subject pronouns they stand for.
fn pronoun_of(possessive: &str) -> Option<&'static str> {
    match possessive {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        "my" => Some("i"),
        "our" => Some("we"),
        _ => None,
    }
}

/// Whether token `i` is a complementizer `that` opening a clause ("that LRA fighters used …",
/// "that thousands of people had cheered"), not a relative pronoun ("claims by groups that
/// support him"): a subject, then a finite verb within a few words and no punctuation.
fn complementizer_at(toks: &[Tok<'_>], i: usize) -> bool {
    if toks.get(i).is_none_or(|t| t.lower() != "that") {
        return false;
    }
    if clause_starts(toks, i + 1) {
        return true;
    }
    let verb = |t: &Tok<'_>| {
        !t.is_cap() && (t.in_list(FINITE) || t.in_list(IRREGULAR) || t.lower().ends_with("ed"))
    };
    let Some(first) = toks.get(i + 1) else {
        return false;
    };
    if !first.is_word() || verb(first) {
        return false;
    }
    toks[i + 2..toks.len().min(i + 9)]
        .iter()
        .take_while(|t| t.is_word())
        .any(verb)
}

/// The end (exclusive) of an apposition that follows a speaker phrase ending at token `end`:
/// ", who is spokesman for the operation," returns the token after the second comma. `None`
/// when no closed apposition follows.
fn apposition_after(toks: &[Tok<'_>], end: usize) -> Option<usize> {
    if !toks.get(end)?.is_punct(&[',']) {
        return None;
    }
    let close = (end + 1..toks.len().min(end + 20)).find(|&i| {
        !toks[i].is_word() && !toks[i].is_punct(&['-', '.', '\'', '’', '(', ')'])
            || toks[i].lower() == "that"
    })?;
    (toks[close].is_punct(&[',']) && close > end + 1).then_some(close + 1)
}

/// Where the agent after the noun of speech at token `k` lies: "accusations by [X], who …, that
/// …" gives (start, end of the head phrase, end of an apposition if any, token of `that`).
fn agent_bounds(toks: &[Tok<'_>], k: usize) -> Option<(usize, usize, Option<usize>, usize)> {
    if !toks.get(k)?.in_list(AGENT_NOUNS) || !toks.get(k + 1)?.in_list("by from") {
        return None;
    }
    let s = k + 2;
    let first = toks.get(s)?;
    if first.in_list(TIME_WORDS) || !(first.is_cap() || is_determiner(first) || np_word(first)) {
        return None;
    }
    let end = np_end(toks, s)?;
    // "a report by the Center found that …": the phrase never runs into a verb.
    let verb = toks[s..end]
        .iter()
        .any(|t| !t.is_cap() && (t.in_list(IRREGULAR) || t.in_list("found shows finds")));
    if end <= s || verb {
        return None;
    }
    if complementizer_at(toks, end) {
        return Some((s, end, None, end));
    }
    // "… by Chris Magezi who is spokesman for the operation that LRA fighters …": a relative
    // clause without commas runs to the first complementizer `that`.
    if toks.get(end).is_some_and(|t| t.lower() == "who") {
        let that = (end + 1..toks.len().min(end + 20))
            .take_while(|&i| toks[i].is_word() || toks[i].is_punct(&['-', '\'', '’']))
            .find(|&i| complementizer_at(toks, i))?;
        return Some((s, end, Some(that), that));
    }
    let after = apposition_after(toks, end)?;
    complementizer_at(toks, after).then_some((s, end, Some(after - 1), after))
}

/// Whether an object starting at token `i` is a noun of speech with its agent and a `that`
/// clause ("[the] accusations by X that …"): a verb's content that holds the agent's.
pub(super) fn agent_noun_at(toks: &[Tok<'_>], i: usize) -> bool {
    let k = if toks.get(i).is_some_and(is_determiner) {
        i + 1
    } else {
        i
    };
    agent_bounds(toks, k).is_some()
}

/// An agent named after a noun of speech: "accusations by X, who …, that …". Returns the speaker
/// and the token of `that`.
fn agent_of_noun(text: &str, toks: &[Tok<'_>], k: usize) -> Option<(Speaker, usize)> {
    let (s, end, app_end, that) = agent_bounds(toks, k)?;
    let head = plain_speaker(text, toks, s, end);
    let Some(app_end) = app_end else {
        return Some((head, that));
    };
    let role = tok_text(text, toks, end + 1, app_end);
    Some((
        Speaker {
            role: Some(clean_role(role)),
            span: tok_span(toks, s, app_end),
            ..head
        },
        that,
    ))
}

/// A possessive speaker before the noun of speech at token `k` ("Trump's claim", "his repeated
/// claims"), with a `that` clause after the noun's adjuncts. Returns the speaker and the token
/// of `that`.
fn owner_of_noun(text: &str, toks: &[Tok<'_>], k: usize) -> Option<(Speaker, usize)> {
    // One adjective may stand between: "his repeated claims", "Trump's latest assertion".
    let p = (k.saturating_sub(2)..k)
        .rev()
        .find(|&p| is_possessive(&toks[p]) && toks[p].is_word())?;
    if p + 2 == k && (toks[p + 1].is_cap() || !toks[p + 1].is_word()) {
        return None;
    }
    let that = that_after_adjuncts(toks, k + 1, false)?;
    if !complementizer_at(toks, that) {
        return None;
    }
    let lower = toks[p].lower();
    let speaker = if let Some(pronoun) = pronoun_of(&lower) {
        Speaker {
            name: pronoun.to_owned(),
            role: None,
            span: tok_span(toks, p, p + 1),
        }
    } else {
        let start = owner_start(toks, p);
        let name = clean_name(tok_text(text, toks, start, p + 1));
        Speaker {
            name: cut_name(&name).to_owned(),
            role: None,
            span: tok_span(toks, start, p + 1),
        }
    };
    Some((speaker, that))
}

/// The first token of a possessor ending at token `p`: its name ("Donald Trump's", "Mr.
/// Trump's") and a determiner ("the senator's", "his campaign's"), never a phrase it is part of
/// ("a dig at Trump's").
fn owner_start(toks: &[Tok<'_>], p: usize) -> usize {
    let mut start = p;
    while start > 0
        && toks[start - 1].is_word()
        && toks[start - 1].is_cap()
        && !is_possessive(&toks[start - 1])
        && !toks[start - 1].in_list(DETERMINERS)
    {
        start -= 1;
    }
    if start > 0 && is_determiner(&toks[start - 1]) && !is_number(&toks[start - 1]) {
        start -= 1;
    }
    start
}

/// The first nominal attribution at or after token `from`, outside quotations.
pub(super) fn nominal_attribution(
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    (from..toks.len()).find_map(|k| {
        let t = &toks[k];
        if inside.get(k).copied().unwrap_or(false) || !t.is_word() || t.is_cap() {
            return None;
        }
        let agent = t.in_list(AGENT_NOUNS);
        let owned = t.in_list(OWNED_NOUNS);
        if !(agent || owned) {
            return None;
        }
        let (speaker, that) = agent
            .then(|| agent_of_noun(text, toks, k))
            .flatten()
            .or_else(|| owned.then(|| owner_of_noun(text, toks, k)).flatten())?;
        Some(Found {
            speaker,
            cue: (t.start, t.end),
            content: (toks[that].start, text.len()),
            word: t.lower(),
            stance: Stance::Assert,
        })
    })
}
