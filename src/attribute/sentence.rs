//! Every attribution of one sentence, nested and coordinated ones included.

use super::*;

/// Every attribution in a sentence: "Officials said turnout topped 74 percent – a figure the
/// opposition said was inflated" has two, the first content ending where the second speaker's
/// clause starts. A nested attribution ("Officials say two groups claimed …") comes before the
/// one whose content holds it; the others keep their order.
pub(super) fn explicit_all(rules: &RuleSet, text: &str, starts_inside: bool) -> Vec<Found> {
    let toks = tokenize(text);
    let inside = quote_depths(&toks, starts_inside);
    let token_from = |byte: usize| {
        toks.iter()
            .position(|t| t.start >= byte)
            .unwrap_or(toks.len())
    };
    let mut out: Vec<Found> = Vec::new();
    let mut from = 0;
    while out.len() < 4 && from < toks.len() {
        let Some(mut found) = explicit_from(rules, text, &toks, from, &inside) else {
            break;
        };
        // The search goes on after the content's start, or after the speaker of a right
        // attribution ("“…,” said Beck, who said …").
        let next_from = if found.content.0 < found.cue.0 {
            token_from(found.cue.1.max(found.speaker.span.1))
        } else {
            token_from(found.cue.1.max(found.content.0))
        };
        from = next_from.max(from + 1);
        let said = text.get(found.content.0..found.content.1).unwrap_or("");
        if !said.chars().any(char::is_alphanumeric) {
            // "the massacre reported this week.": nothing is reported.
            continue;
        }
        if let Some(prev) = out.last_mut() {
            if own_evidence(prev, &found, text) {
                // "announced that, according to its count, …": the speaker's own count.
                continue;
            }
            cut_before(prev, &found, text);
            let verb = rules.cues.get(&found.word).is_some_and(|c| !c.prefix);
            if verb {
                share_participle_speaker(prev, &mut found, text);
            }
        }
        out.push(found);
    }
    widen_cues(&toks, &mut out);
    drop_nested_unnamed(&mut out);
    innermost_first(&mut out);
    out
}

/// Whether `next` is an "according to" whose phrase the previous speaker owns ("according to
/// its count", "according to their figures") inside that speaker's content: no new source.
pub(super) fn own_evidence(prev: &Found, next: &Found, text: &str) -> bool {
    let phrase = text
        .get(next.speaker.span.0..next.speaker.span.1)
        .unwrap_or("");
    let owned = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| has("its his her their our", &w.to_lowercase()));
    next.word == "according to"
        && owned
        && prev.content.0 <= next.cue.0
        && next.cue.1 <= prev.content.1
}

/// Drops the inferences with no named speaker ("X seemed to …", "X is expected to …") whose
/// content lies within a named speaker's content: "Polls indicate that voters seem to …" is the
/// polls' finding, not a second source. (A nested passive report, "an attack said to have
/// killed 140", keeps its own unnamed source.)
pub(super) fn drop_nested_unnamed(out: &mut Vec<Found>) {
    let named: Vec<(usize, usize)> = out
        .iter()
        .filter(|f| f.speaker.is_named())
        .map(|f| f.content)
        .collect();
    out.retain(|f| {
        f.speaker.is_named()
            || !is_raising(&f.word)
            || !named
                .iter()
                .any(|&n| n.0 <= f.content.0 && f.content.1 <= n.1)
    });
}

/// "…,” Trump said, adding that …": a participle after a comma shares the speaker of the verb
/// before it (a verb cue only: "according to" names its own source).
pub(super) fn share_participle_speaker(prev: &Found, found: &mut Found, text: &str) {
    let participle = found
        .word
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"));
    let after_comma = text
        .get(..found.cue.0)
        .is_some_and(|b| b.trim_end().ends_with(','));
    if participle && after_comma && prev.cue.1 <= found.cue.0 && prev.speaker.is_named() {
        found.speaker = prev.speaker.clone();
    }
}

/// Whether content `a` holds content `b` and is larger.
pub(super) fn holds(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 <= b.0 && b.1 <= a.1 && a != b
}

/// Orders nested attributions before those whose content holds them, so that a claim in the
/// inner content takes the inner source; a stable sort otherwise.
pub(super) fn innermost_first(out: &mut Vec<Found>) {
    let depth: Vec<usize> = out
        .iter()
        .map(|f| out.iter().filter(|o| holds(o.content, f.content)).count())
        .collect();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(depth[i]));
    let mut taken: Vec<Option<Found>> = std::mem::take(out).into_iter().map(Some).collect();
    out.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Ends a content before a coordinated attribution, at the last dash, comma or semicolon
/// before the next speaker or cue. With no such mark the next attribution is nested ("say two
/// groups have claimed …") and the content stays whole.
pub(super) fn cut_before(prev: &mut Found, next: &Found, text: &str) {
    let start = prev.content.0;
    let mut cut = next.cue.0;
    if next.speaker.is_named() && next.speaker.span.0 > start {
        cut = cut.min(next.speaker.span.0);
    }
    if next.content.0 > start && next.content.0 < next.cue.0 {
        cut = cut.min(next.content.0);
    }
    if cut <= start || cut > prev.content.1 {
        return;
    }
    let head = text.get(start..cut).unwrap_or("");
    let at = after_last(head, &['–', '—', ',', ';']);
    if at == 0 {
        return;
    }
    let mark = head
        .get(..at)
        .and_then(|h| h.chars().next_back())
        .map_or(1, char::len_utf8);
    prev.content.1 = (start + at - mark).max(start);
}

/// The byte offset just after the last occurrence of any of `chars` in `s`, or 0.
pub(crate) fn after_last(s: &str, chars: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| chars.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}
