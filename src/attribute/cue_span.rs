//! Cue spans as attribution corpora (PARC, PolNeAR) mark them: the reporting verb with the
//! auxiliaries, negation and adverbs directly before it ("has also said", "did not say",
//! "reportedly told").

use super::*;

/// Auxiliaries and modals of a verb group ("has said", "would say", "is expected").
const AUXILIARIES: &str = "has have had is are was were be been being am do does did will would \
    shall can could should may might must";

/// Adverbs without "-ly" that modify a reporting verb ("also said", "later told", "have both
/// endorsed").
const VERB_ADVERBS: &str = "also later then now still once first even often again already just \
    long since previously recently ever never both further initially not cannot";

/// Contracted auxiliaries split off a pronoun by the tokenizer ("he’s said", "they’ve argued").
const CONTRACTED: &str = "'s 've 'd 'll 're 'm";

/// Whether a token belongs to the verb group before a reporting verb: a lower-case auxiliary,
/// modal, negation ("didn’t") or adverb ("repeatedly"), or a contracted auxiliary.
fn in_verb_group(t: &Tok<'_>) -> bool {
    if !t.is_word() {
        return t.in_list(CONTRACTED);
    }
    if t.is_cap() {
        return false;
    }
    let l = t.lower();
    t.in_list(AUXILIARIES) || t.in_list(VERB_ADVERBS) || l.ends_with("n't") || is_adverb(&l)
}

/// The first token of the verb group that ends with the cue at token `k`, starting no earlier
/// than token `floor`: "Trump [has also said]", "she [did not immediately respond]".
pub(super) fn verb_group_start(toks: &[Tok<'_>], k: usize, floor: usize) -> usize {
    let mut s = k;
    while s > floor && toks.get(s - 1).is_some_and(in_verb_group) {
        s -= 1;
    }
    s
}

/// Widens the cue of every attribution left over its verb group, never into its speaker or a
/// content before it, and right over a topic preposition or a medium of speech. Runs after the
/// cues have been used to place speakers and contents.
pub(super) fn widen_cues(toks: &[Tok<'_>], found: &mut [Found]) {
    for f in found.iter_mut() {
        let Some(k) = token_at(toks, f.cue.0) else {
            continue;
        };
        // The speaker's phrase or a content ending before the cue bounds the group.
        let bound = [f.speaker.span.1, f.content.1]
            .into_iter()
            .filter(|&end| end <= f.cue.0)
            .max()
            .unwrap_or(0);
        let floor = first_token_from(toks, bound);
        let s = verb_group_start(toks, k, floor);
        if s < k {
            f.cue.0 = toks[s].start;
        }
        take_topic_preposition(toks, f);
        take_medium_frame(toks, f);
    }
}

/// Prepositions that introduce what a verb reports as its object ("said of the plan", "warned
/// against", "spoke about"): they belong to the cue, not to the content.
const TOPIC_PREPOSITIONS: &str = "of about for against on with";

/// Moves a topic preposition that opens a content right after its cue into the cue: "spoke
/// [about] the economy" has the cue "spoke about" and the content "the economy".
fn take_topic_preposition(toks: &[Tok<'_>], f: &mut Found) {
    let e = first_token_from(toks, f.cue.1);
    let (Some(prep), Some(next)) = (toks.get(e), toks.get(e + 1)) else {
        return;
    };
    let topic = prep.in_list(TOPIC_PREPOSITIONS) && !measure_starts(toks, e + 1);
    if prep.start == f.content.0 && topic && next.start < f.content.1 {
        f.cue.1 = prep.end;
        f.content.0 = next.start;
    }
}

/// Whether a quantity or a time starts at token `i`: after "about" or "for" it is an amount or
/// a period ("said about a thousand rebels", "forecast for the year"), not a topic.
fn measure_starts(toks: &[Tok<'_>], i: usize) -> bool {
    let measure = |t: &Tok<'_>| {
        is_number(t) || t.in_list(TIME_WORDS) || t.in_list("thousand hundred dozen million billion")
    };
    let Some(t) = toks.get(i) else {
        return false;
    };
    measure(t) || t.in_list("a an the this last next") && toks.get(i + 1).is_some_and(measure)
}

/// The token after a medium of speech that follows the cue at token `e`: "said [in a
/// statement]", "wrote [on Twitter]", "told reporters [in a telephone interview]" has it at the
/// medium's noun. At most three words after the preposition.
fn medium_frame_end(toks: &[Tok<'_>], e: usize) -> Option<usize> {
    if !toks.get(e)?.in_list("in on via") {
        return None;
    }
    (e + 1..toks.len().min(e + 4))
        .take_while(|&i| toks[i].is_word())
        .find(|&i| toks[i].in_list(MEDIUMS))
        .map(|i| i + 1)
}

/// Extends a cue over the medium of speech right after it ("said in a statement"), unless the
/// speaker or the content lies there.
fn take_medium_frame(toks: &[Tok<'_>], f: &mut Found) {
    let e = first_token_from(toks, f.cue.1);
    let Some(end) = medium_frame_end(toks, e) else {
        return;
    };
    let (from, to) = (toks[e].start, toks[end - 1].end);
    let clear = |span: (usize, usize)| span.1 <= from || to <= span.0;
    if clear(f.speaker.span) && clear(f.content) {
        f.cue.1 = to;
    }
}
