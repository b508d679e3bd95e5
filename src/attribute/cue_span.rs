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
/// content before it. Runs after the cues have been used to place speakers and contents.
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
    }
}
