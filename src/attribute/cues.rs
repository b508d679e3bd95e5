//! Cues: verb cues ("X said", "said X"), prefix cues ("according to X") and headline colons
//! ("Trump: …"), each giving one attribution.

use super::*;

/// One attribution found in a sentence, in sentence offsets.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) speaker: Speaker,
    pub(super) cue: (usize, usize),
    pub(super) content: (usize, usize),
    pub(super) word: String,
    pub(super) stance: Stance,
}

/// Whether most words of the sentence are capitalised: a headline ("Trump Says Clinton …").
pub(super) fn is_title_case(toks: &[Tok<'_>]) -> bool {
    let long: Vec<&Tok<'_>> = toks
        .iter()
        .filter(|t| t.is_word() && t.text.chars().count() > 3)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.is_cap()).count() * 10 >= long.len() * 8
}

/// Whether a cue word at token `k` is used as a verb here, not as a noun or a name ("the early
/// states", "United States", "Rasmussen Reports").
pub(super) fn cue_is_verb(toks: &[Tok<'_>], k: usize, cue_end: usize, title: bool) -> bool {
    let t = &toks[k];
    let sentence_start = k == 0 || toks[..k].iter().all(|p| !p.is_word());
    if t.is_cap() && !title && !sentence_start {
        return false;
    }
    // "the combination of pledged delegates", "a called strike": never a verb after a
    // determiner or a preposition.
    let after_function_word = k.checked_sub(1).is_some_and(|p| {
        toks[p].in_list("the a an his her their its our my your this these those of for with")
    });
    if after_function_word {
        return false;
    }
    // "76 new confirmed cases": a participle between a count or "new" and its noun modifies
    // the noun. "Eritreans accused of crimes": a participle with "of" and no object is passive.
    let l = t.lower();
    let modifier = l.ends_with("ed")
        && k.checked_sub(1).is_some_and(|p| {
            toks[p].text.starts_with(|c: char| c.is_ascii_digit())
                || toks[p].in_list("new more other additional several many")
        })
        && toks
            .get(cue_end)
            .is_some_and(|n| n.is_word() && !n.is_cap());
    let passive_of = l.ends_with("ed") && toks.get(cue_end).is_some_and(|n| n.lower() == "of");
    if modifier || passive_of {
        return false;
    }
    if t.in_list(NOUN_VERB_CUES) && !base_verb_in_place(toks, k) {
        return false;
    }
    if !t.in_list(NOUNISH_CUES) {
        return true;
    }
    // "Trump calls for a ban", "backs away from": a verb with its particle; "calls from
    // voters" is no cue phrase. After a determiner it stayed a noun (above).
    if cue_end > k + 1 {
        return k.checked_sub(1).is_none_or(|p| !is_possessive(&toks[p]));
    }
    // "The PPIC poll shows the race …": a study that opens the sentence states its findings
    // (not "said all evidence shows", "While the report shows", where it is nested or an aside).
    let evidence = k
        .checked_sub(1)
        .is_some_and(|p| toks[p].is_word() && is_evidence(toks[p].text))
        && toks[k].in_list("shows finds suggests reports estimates")
        && np_start(toks, k - 1).is_some_and(|s| {
            toks[..s].iter().all(|t| !t.is_word()) || toks[s - 1].is_punct(&[','])
        });
    if evidence {
        return true;
    }
    // "The candidate plans to be back": an intent verb before an infinitive.
    let infinitive = toks[k].in_list("wants plans plan hopes promises pledges vows urges demands")
        && toks.get(k + 1).is_some_and(|n| n.lower() == "to")
        && toks
            .get(k + 2)
            .is_some_and(|v| v.is_word() && !v.is_cap() && !is_determiner(v))
        && k.checked_sub(1).is_some_and(|p| {
            toks[p].is_word() && !is_determiner(&toks[p]) && !is_possessive(&toks[p])
        });
    if infinitive {
        return true;
    }
    nounish_cue_is_verb(toks, k)
}

/// Whether a cue that is also a plural noun ("calls", "shows", "wants") is a verb at token `k`:
/// after a subject pronoun ("she wants voters to know"); after a name before an object ("Calderon
/// calls Trump’s idea stupid"); after a name, pronoun or comma before a clause.
fn nounish_cue_is_verb(toks: &[Tok<'_>], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if is_determiner(prev) || is_possessive(prev) {
        return false;
    }
    if prev.in_list("he she they we i who") {
        return true;
    }
    let next = toks.get(k + 1);
    if prev.is_cap() && next.is_some_and(|n| n.is_cap() || n.in_list("him her them us")) {
        return true;
    }
    // "Some strategists fear that …": a base form after a plural common noun.
    let plural_subject = {
        let (p, v) = (prev.lower(), toks[k].lower());
        prev.is_word()
            && !v.ends_with('s')
            && p.len() > 3
            && p.ends_with('s')
            && !p.ends_with("ss")
            && !p.ends_with("'s")
            && !p.ends_with("’s")
    };
    let prev_ok =
        prev.is_cap() || prev.in_list(PRONOUNS) || prev.is_punct(&[',']) || plural_subject;
    // "the United Nations estimates more than 2,000 civilians were killed": a figure after a
    // name starts the content too.
    let figure = |n: &Tok<'_>| {
        n.text.starts_with(|c: char| c.is_ascii_digit())
            || n.in_list("more nearly about around almost some at least over up")
    };
    let next_ok = next.is_some_and(|n| {
        n.lower() == "that"
            || n.is_punct(&[':', '“', '"', ','])
            || clause_starts(toks, k + 1)
            || prev.is_cap() && figure(n)
    });
    prev_ok && next_ok
}

/// Whether a cue that may be a noun ("support", "plan") is a verb at token `k`: after a
/// pronoun, an auxiliary, a name or a plural subject ("voters support"), and not before a
/// preposition ("support for", "support from").
pub(super) fn base_verb_in_place(toks: &[Tok<'_>], k: usize) -> bool {
    let before_preposition = toks.get(k + 1).is_none_or(|n| {
        !n.is_word()
            || n.in_list("of for from in on among with at by")
            || n.lower() == "to" && !toks[k].in_list("plan")
    });
    if before_preposition {
        return false;
    }
    k.checked_sub(1).is_some_and(|p| {
        let p = &toks[p];
        let l = p.lower();
        p.in_list(VERB_LEFT)
            || p.is_cap() && !is_possessive(p)
            || p.is_word() && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("'s")
    })
}

/// The token index of the cue match starting at byte `at`, if a token starts there.
pub(super) fn token_at(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    let k = first_token_from(toks, at);
    (toks.get(k)?.start == at).then_some(k)
}

/// The index of the first token starting at or after byte `at` (`toks.len()` if none); tokens
/// are in text order.
pub(super) fn first_token_from(toks: &[Tok<'_>], at: usize) -> usize {
    toks.partition_point(|t| t.start < at)
}

/// The matches (group 1) of a cue alternation at or after token `from` that start a token
/// outside quotations, with that token's index. The search resumes at the end of group 1, not
/// of the whole match, whose trailing boundary character may start the next cue.
fn cue_matches<'t>(
    re: &'t regex::Regex,
    text: &'t str,
    toks: &'t [Tok<'_>],
    from: usize,
    inside: &'t [bool],
) -> impl Iterator<Item = (usize, regex::Match<'t>)> + 't {
    let mut at = toks.get(from).map(|t| t.start);
    std::iter::from_fn(move || {
        loop {
            let c = re.captures_at(text, at?)?;
            let m = c.get(1)?;
            at = Some(m.end());
            let Some(k) = token_at(toks, m.start()) else {
                continue;
            };
            if !inside.get(k).copied().unwrap_or(false) {
                return Some((k, m));
            }
        }
    })
}

/// The first attribution of a prefix cue ("according to X") at or after token `from`.
pub(super) fn prefix_attribution(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    let re = rules.matchers.prefixes.as_ref()?;
    for (k, m) in cue_matches(re, text, toks, from, inside) {
        let after = Some(first_token_from(toks, m.end())).filter(|&a| a < toks.len())?;
        let Some((speaker, content)) = prefix_source(text, toks, k, after) else {
            continue;
        };
        let word = m.as_str().to_lowercase();
        let stance = rules.cues.get(&word).map_or(Stance::Assert, |c| c.stance);
        return Some(Found {
            speaker,
            cue: (m.start(), m.end()),
            content,
            word,
            stance,
        });
    }
    None
}

/// The source after a prefix cue at token `k` (its phrase starts at token `after`), up to the
/// next punctuation, and the content: the text before the cue, or after the source's phrase
/// when the cue opens the sentence.
pub(super) fn prefix_source(text: &str, toks: &[Tok<'_>], k: usize, after: usize) -> Option<Said> {
    let stop = (after..toks.len())
        .find(|&i| toks[i].is_punct(&[',', ';', '.', '“', '”', '"', '?', '!', ':', '(', '—', '–']))
        .unwrap_or(toks.len());
    if stop <= after || stop - after > 15 {
        return None;
    }
    // "according to her lawyers in a court filing": the medium is not the source;
    // "according to a report on Wednesday": nor is the time.
    let np_stop = (after + 1..stop)
        .find(|&i| {
            toks[i].in_list("in on") && medium_follows(toks, i + 1)
                || toks[i].in_list("on last this")
                    && toks.get(i + 1).is_some_and(|n| n.in_list(TIME_WORDS))
        })
        .unwrap_or(stop);
    let speaker = plain_speaker(text, toks, after, np_stop);
    let content = if toks[..k].iter().any(Tok::is_word) {
        (0, content_end_before(toks, k))
    } else {
        let s = toks.get(stop + 1).map_or(text.len(), |t| t.start);
        (s, text.len())
    };
    Some((speaker, content))
}

/// A speaker and the byte range of what it says, in sentence offsets.
pub(super) type Said = (Speaker, (usize, usize));

/// The attribution of the verb cue at tokens `k..cue_end`, if the verb has a speaker: a passive
/// report, an inverted speaker ("said Smith"), a fronted participle, or a speaker before the
/// verb.
pub(super) fn verb_attribution(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
    cue: &crate::rules::Cue,
) -> Option<Found> {
    // "adding", "referring to"
    let participle = cue
        .word
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"));
    // "plans to be back": an active verb of intent, not a passive report.
    let active = has(
        "wants want plans plan hopes hope promises promise pledges vows urges demands intends \
         seeks expects",
        &cue.word,
    );
    let said = if (is_passive(toks, cue_end) || raising(toks, cue_end, &cue.word)) && !active {
        passive_report(text, toks, k, cue_end)
    } else {
        inverted(rules, text, toks, k, cue_end, participle)
            .or_else(|| {
                participle
                    .then(|| fronted_participle(text, toks, k, cue_end))
                    .flatten()
            })
            .or_else(|| speaker_first(text, toks, k, cue_end, cue, participle))
    };
    let (speaker, content) = said?;
    Some(Found {
        speaker,
        cue: (toks[k].start, toks[cue_end - 1].end),
        content,
        word: cue.word.clone(),
        stance: cue.stance,
    })
}

/// Whether the verb ending before token `cue_end` is a passive report: "said to have", "believed
/// to be".
pub(super) fn is_passive(toks: &[Tok<'_>], cue_end: usize) -> bool {
    toks.get(cue_end).is_some_and(|t| t.lower() == "to")
        && toks
            .get(cue_end + 1)
            .is_some_and(|t| t.in_list("have be been having"))
}

/// Verbs that raise their subject out of a reported infinitive: "X is expected to win", "X
/// seemed to falter".
const RAISING: &str = "expected seems seemed seem appears appeared appear";

/// Whether a cue word is a raising verb ("expected", "seems").
pub(super) fn is_raising(word: &str) -> bool {
    has(RAISING, word)
}

/// Whether the verb ending before token `cue_end` raises its subject from an infinitive that
/// follows: "expected to deliver", "appears to be" (not "appeared on Fox News").
pub(super) fn raising(toks: &[Tok<'_>], cue_end: usize, word: &str) -> bool {
    is_raising(word)
        && toks.get(cue_end).is_some_and(|t| t.lower() == "to")
        && toks
            .get(cue_end + 1)
            .is_some_and(|t| t.is_word() && !t.is_cap() && !is_determiner(t))
}

/// A passive report has no named speaker; its content is the reported phrase and what it is
/// said to have done. "Gunmen believed to be Boko Haram militants have shot …": a reduced
/// relative ends before the sentence's own verb; "an attack was said to have …" runs to the end.
pub(super) fn passive_report(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
) -> Option<Said> {
    let before = skip_aux_left(toks, k)?;
    let finite = toks[before].in_list(BE);
    let head = if finite {
        before.checked_sub(1)?
    } else {
        before
    };
    if toks[head].in_list(PRONOUNS) {
        return None;
    }
    let subject = np_start(toks, head)?;
    let end = if finite {
        text.len()
    } else {
        (cue_end + 2..toks.len())
            .find(|&e| {
                toks[e].in_list(FINITE)
                    || toks[e].in_list(IRREGULAR)
                    || toks[e].is_punct(&[',', ';', ':', '—', '–', '.'])
            })
            .map_or(text.len(), |e| toks[e].start)
    };
    Some((Speaker::unnamed(), (toks[subject].start, end)))
}

/// An inverted speaker after the verb: "“…,” said Valle." / "…, said the ministry." — unless a
/// speaker with its apposition ends in the comma before the verb ("Smith, a senator, told
/// AFP"). The content is everything before the verb.
pub(super) fn inverted(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
    participle: bool,
) -> Option<Said> {
    let j = skip_aux_left(toks, k);
    let prev = j.map(|j| &toks[j]);
    let comma = prev.is_some_and(|p| p.is_punct(&[',']));
    let quote = prev.is_some_and(Tok::closes_quote);
    if participle || !(prev.is_none() || quote || comma) {
        return None;
    }
    if comma && j.is_some_and(|j| apposition_speaker(text, toks, j).is_some()) {
        return None;
    }
    let sp = speaker_right(rules, text, toks, cue_end)?;
    if toks[..k].iter().all(|t| !t.is_word()) {
        return Some(opening_verb_content(text, toks, sp));
    }
    Some((sp, (0, content_end_before(toks, k))))
}

/// The content of a sentence that opens with its verb: "Said Jane Doe, a neighbor: “We were
/// proud of him.”" — what follows the speaker's phrase and its punctuation.
pub(super) fn opening_verb_content(text: &str, toks: &[Tok<'_>], sp: Speaker) -> Said {
    let start = toks
        .iter()
        .position(|t| t.start >= sp.span.1 && !t.is_punct(&[',', ':', '—', '–']))
        .map_or(text.len(), |i| toks[i].start);
    (sp, (start, text.len()))
}

/// A speaker before the verb, and the content: before the speaker for a right attribution
/// ("“…,” Bokhari said."), the whole sentence for a quotation on both sides, else after the
/// verb.
pub(super) fn speaker_first(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
    cue: &crate::rules::Cue,
    participle: bool,
) -> Option<Said> {
    let prev = skip_aux_left(toks, k).map(|j| &toks[j]);
    if prev.is_some_and(Tok::closes_quote) {
        // "“…” Smith said" has its speaker before the verb only when a name follows the quote.
        return None;
    }
    let sp = speaker_left(text, toks, k, participle)?;
    let first = toks.iter().position(|t| t.start >= sp.span.0)?;
    let before = first.checked_sub(1).map(|b| &toks[b]);
    let byte = |i: usize| toks.get(i).map_or(text.len(), |t| t.start);
    if participle && sp.span.1 <= toks[k].start && prev.is_some_and(|p| p.is_punct(&[','])) {
        // "X blamed Pakistan, accusing …": content runs from the participle on.
        let start = content_start(toks, cue_end, false, false).unwrap_or(cue_end);
        return Some((sp, (byte(start), text.len())));
    }
    let before_closes = before.is_some_and(|b| b.is_punct(&[',', '”', '"', '’', ':']));
    let relative = sp.name == "who" || toks[first].in_list("who which that");
    if before_closes
        && !relative
        && (is_tail(toks, cue_end) || quote_then_adjunct(toks, first, cue_end))
    {
        // Right attribution: "“…,” Bokhari said." / "…, experts say."
        return Some((sp, (0, content_end_before(toks, first))));
    }
    let middle =
        before.is_some_and(|b| b.is_punct(&[','])) && first >= 2 && toks[first - 2].closes_quote()
            || before.is_some_and(Tok::closes_quote);
    // "Polls show Trump ahead": a study's findings need no clause.
    let needs_clause = cue.needs_clause && !is_evidence(&sp.name);
    let start = content_start(toks, cue_end, needs_clause, takes_object(&cue.word))
        .or_else(|| object_then_of(toks, cue_end, &cue.word))?;
    let opens = toks
        .get(start)
        .is_some_and(|t| t.is_punct(OPEN_QUOTES) || t.is_punct(&['"']));
    if middle && opens {
        // "“A,” Smith said, “B.”": the quotation on both sides.
        return Some((sp, (0, text.len())));
    }
    // Verbs of stance and intent take an object ("endorsed Mr. Trump"), not a clause.
    let takes_object_content = cue.stance == Stance::Hedge && !cue.needs_clause;
    let end = if opens || !(takes_object_content || relative) {
        text.len()
    } else {
        object_end(text, toks, start, relative)
    };
    Some((sp, (byte(start), end)))
}

/// "“Absolutely,” he said when asked whether …": a sentence that opens with a quotation closed
/// right before its speaker (token `first`) reports the quotation, whatever adjunct follows the
/// verb, unless the verb goes on to a quotation or a `that` clause of its own.
fn quote_then_adjunct(toks: &[Tok<'_>], first: usize, cue_end: usize) -> bool {
    let opens_quote = toks
        .first()
        .is_some_and(|t| t.is_punct(OPEN_QUOTES) || t.is_punct(&['"']));
    let closed = first >= 1 && toks[first - 1].closes_quote()
        || first >= 2 && toks[first - 1].is_punct(&[',']) && toks[first - 2].closes_quote();
    let next = toks[cue_end..].iter().find(|t| !t.is_punct(&[',']));
    opens_quote
        && closed
        && next.is_none_or(|t| !(t.is_punct(QUOTES) || t.is_punct(&[':']) || t.lower() == "that"))
}

/// Nouns for studies and records, whose findings are content even without a clause.
pub(super) const EVIDENCE: &str = "poll polls polling survey surveys study studies report reports analysis \
    data research figures numbers census investigation review audit results tally count records \
    documents document emails memo letter filing filings statistics estimates model models \
    findings evidence footage video videos photos test tests inquiry probe paper papers";

/// Whether a word is a study or a record, in any case.
pub(super) fn is_evidence_word(w: &str) -> bool {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        has(EVIDENCE, &w.to_lowercase())
    } else {
        has(EVIDENCE, w)
    }
}

/// Whether a speaker name is a study or a record ("a new Quinnipiac poll", "the data", "a
/// survey by the organization in March"): one of its first words names one.
pub(super) fn is_evidence(name: &str) -> bool {
    name.split_whitespace().take(6).any(is_evidence_word)
}

/// Participles and prepositions that attach a description to a study: "a poll released on
/// Tuesday", "a survey by the organization".
const EVIDENCE_LINKS: &str = "by from of in on for released conducted published out taken \
    commissioned issued";

/// Extends a speaker phrase starting at token `start` back to a study it describes: "a study
/// by [the Council] found", "a CNN poll released on [Tuesday] showed". Returns the new start.
pub(super) fn extend_evidence(toks: &[Tok<'_>], start: usize) -> usize {
    let mut linked = false;
    for i in (start.saturating_sub(8)..start).rev() {
        let t = &toks[i];
        if !t.is_word() {
            return start;
        }
        if is_evidence_word(t.text) {
            return if linked {
                np_start(toks, i).unwrap_or(start)
            } else {
                start
            };
        }
        if t.in_list(EVIDENCE_LINKS) {
            linked = true;
        } else if !(np_word(t) || t.in_list(TIME_WORDS)) {
            return start;
        }
    }
    start
}

/// Object pronouns that can stand for the accused: "accused him of".
const OBJECT_PRONOUNS: &str = "him her them us me you it";

/// Cues that take an object and then an `of` phrase: "accused X of Y".
const OF_OBJECT_CUES: &str = "accused accuses accuse accusing charged charges";

/// The content of "accused [X of Y]": the object and its `of` phrase, from token `i`.
pub(super) fn object_then_of(toks: &[Tok<'_>], i: usize, word: &str) -> Option<usize> {
    if !has(OF_OBJECT_CUES, word) {
        return None;
    }
    let pronoun = toks.get(i).is_some_and(|t| t.in_list(OBJECT_PRONOUNS));
    let end = if pronoun { i + 1 } else { np_end(toks, i)? };
    (end > i && toks.get(end)?.lower() == "of").then_some(i)
}

/// A sentence that opens with the poll it reports: "In an NBC News poll released Monday, 50
/// percent of respondents chose Clinton." The poll is the source; the rest is the content.
pub(super) fn poll_intro_attribution(text: &str, toks: &[Tok<'_>]) -> Option<Found> {
    let first = toks.iter().position(Tok::is_word)?;
    if toks[first].lower() != "in" {
        return None;
    }
    let comma = (first + 1..toks.len().min(first + 16)).find(|&i| toks[i].is_punct(&[',']))?;
    let phrase = &toks[first + 1..comma];
    let studies = phrase
        .iter()
        .any(|t| t.in_list("poll polls survey surveys polling study analysis"));
    if !studies || phrase.iter().any(|t| t.in_list(FINITE)) || comma < first + 3 {
        return None;
    }
    let start = toks.get(comma + 1)?.start;
    Some(Found {
        speaker: plain_speaker(text, toks, first + 1, comma),
        cue: (toks[first].start, toks[first].end),
        content: (start, text.len()),
        word: "in".to_owned(),
        stance: Stance::Assert,
    })
}

/// Words that open the question of an "asked" clause.
const QUESTION_OPENERS: &str = "whether if what who whom why how when where which about";

/// A sentence that opens with the question its speaker was asked: "Asked whether he would run,
/// Smith said …", "When asked about the deal, …". The question is content with no named source
/// (the asker); it runs from its opening word to the first comma outside quotations.
pub(super) fn asked_opener(toks: &[Tok<'_>], inside: &[bool]) -> Option<Found> {
    let first = toks.iter().position(Tok::is_word)?;
    let k = if toks[first].lower() == "asked" {
        first
    } else if toks[first].in_list("when after once")
        && toks.get(first + 1).is_some_and(|t| t.lower() == "asked")
    {
        first + 1
    } else {
        return None;
    };
    // "Asked on Monday whether", "Asked during a January debate why": a few words of adjunct.
    let q = (k + 1..toks.len().min(k + 9)).find(|&i| toks[i].in_list(QUESTION_OPENERS))?;
    if toks[k + 1..q].iter().any(|t| !t.is_word()) {
        return None;
    }
    // The comma that ends the question: outside quotations, or closing one ("“…,” 72 percent").
    let closes_quote = |i: usize| toks.get(i + 1).is_some_and(Tok::closes_quote);
    let comma = (q + 1..toks.len()).find(|&i| {
        toks[i].is_punct(&[',']) && (!inside.get(i).copied().unwrap_or(false) || closes_quote(i))
    })?;
    let next = if closes_quote(comma) {
        comma + 2
    } else {
        comma + 1
    };
    // The sentence goes on with the answer.
    toks.get(next)
        .filter(|t| t.is_word() || t.is_punct(OPEN_QUOTES))?;
    Some(Found {
        speaker: Speaker::unnamed(),
        cue: (toks[k].start, toks[k].end),
        content: (toks[q].start, content_end_before(toks, comma)),
        word: "asked".to_owned(),
        stance: Stance::Hedge,
    })
}

/// Whether a cue takes a listener before its content ("told", "asked").
pub(super) fn takes_object(word: &str) -> bool {
    matches!(
        word,
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "asked"
            | "asks"
            | "ask"
            | "asking"
            | "informed"
            | "assured"
            | "reminded"
            | "warned"
            | "urged"
    )
}

/// The byte end of the content that precedes token `k`, less the commas and quotes before it.
pub(super) fn content_end_before(toks: &[Tok<'_>], k: usize) -> usize {
    let mut e = k;
    while e > 0 && toks[e - 1].is_punct(&[',', '”', '"', '’', '—', '–', ':']) {
        e -= 1;
    }
    e.checked_sub(1).map_or(0, |i| toks[i].end)
}

/// The first attribution whose cue lies at or after token `from` and outside quotations.
pub(super) fn explicit_from(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    if from == 0
        && let Some(f) = colon_attribution(text, toks)
            .or_else(|| poll_intro_attribution(text, toks))
            .or_else(|| asked_opener(toks, inside))
    {
        return Some(f);
    }
    let prefix = prefix_attribution(rules, text, toks, from, inside);
    let verb = verb_cue_attribution(rules, text, toks, from, inside);
    let nominal = nominal_attribution(text, toks, from, inside);
    // The earliest cue wins; a nominal cue before a verb at the same place ("Trump's claim
    // that …" is a noun).
    [nominal, prefix, verb]
        .into_iter()
        .flatten()
        .min_by_key(|f| f.cue.0)
}

/// The first attribution of a reporting verb at or after token `from`, outside quotations.
pub(super) fn verb_cue_attribution(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    let title = is_title_case(toks);
    let re = rules.matchers.verbs.as_ref()?;
    for (k, m) in cue_matches(re, text, toks, from, inside) {
        let cue_end = first_token_from(toks, m.end());
        if !cue_is_verb(toks, k, cue_end, title) {
            continue;
        }
        let Some(cue) = rules.cues.get(&m.as_str().to_lowercase()) else {
            continue;
        };
        if let Some(f) = verb_attribution(rules, text, toks, k, cue_end, cue) {
            return Some(f);
        }
    }
    None
}

/// A headline that names its speaker before a colon: "Pat Caddell: Democrat Voters Worried
/// About Clinton’s Health", "Trump: “I will win”". The speaker is a short name at the start of
/// a title-case sentence, or of one whose words after the colon are quoted.
pub(super) fn colon_attribution(text: &str, toks: &[Tok<'_>]) -> Option<Found> {
    let colon = toks.iter().take(8).position(|t| t.is_punct(&[':']))?;
    let last = colon.checked_sub(1)?;
    if np_start(toks, last)? != 0 || !toks[0].is_cap() {
        return None;
    }
    let name = tok_text(text, toks, 0, colon);
    let quoted = toks
        .get(colon + 1)
        .is_some_and(|t| t.is_punct(OPEN_QUOTES) || t.is_punct(&['"']));
    if !(quoted || is_title_case(toks) && looks_like_name(name)) {
        return None;
    }
    let content_start = toks.get(colon + 1)?.start;
    Some(Found {
        speaker: plain_speaker(text, toks, 0, colon),
        cue: (toks[colon].start, toks[colon].end),
        content: (content_start, text.len()),
        word: ":".to_owned(),
        stance: Stance::Assert,
    })
}
