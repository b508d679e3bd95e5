//! Noun phrases: where a speaker phrase starts and ends, scanning tokens left or right.

use super::*;

/// Whether a token is a number ("10", "four", "62").
pub(super) fn is_number(t: &Tok<'_>) -> bool {
    t.text.starts_with(|c: char| c.is_ascii_digit())
        || t.in_list("one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty ninety hundred half")
}

/// Extends a phrase start left over a ratio or quantifier and approximators: "one in four
/// voters", "about 40 percent of", "more than half of".
pub(super) fn extend_quantity(toks: &[Tok<'_>], start: usize) -> usize {
    let mut s = start;
    if s >= 2 && toks[s - 1].lower() == "in" && is_number(&toks[s - 2]) && is_number(&toks[s]) {
        s -= 2;
    } else if s >= 3
        && toks[s - 1].lower() == "of"
        && toks[s - 2].lower() == "out"
        && is_number(&toks[s - 3])
    {
        s -= 3;
    }
    if s >= 1 && toks[s - 1].in_list(APPROXIMATORS) {
        s -= 1;
    } else if s >= 2
        && toks[s - 1].in_list("than least")
        && toks[s - 2].in_list("more less fewer at")
    {
        s -= 2;
    }
    s
}

/// Whether a lower-case word is probably an adverb ("repeatedly", "publicly").
pub(super) fn is_adverb(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly") && !has(LY_NOUNS, lower)
}

/// Whether a token is a determiner or a number ("the", "his", "30").
pub(super) fn is_determiner(t: &Tok<'_>) -> bool {
    t.in_list(DETERMINERS) || t.text.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a token is a possessive ("Clinton’s", "its").
pub(super) fn is_possessive(t: &Tok<'_>) -> bool {
    let l = t.lower();
    l.ends_with("'s") || l.ends_with("s'") || matches!(l.as_str(), "his" | "her" | "their" | "its")
}

/// Whether a word may sit inside a speaker phrase (not a verb, conjunction or the like).
pub(super) fn np_word(t: &Tok<'_>) -> bool {
    if !t.is_word() {
        return false;
    }
    let l = t.lower();
    if t.is_cap() {
        // Sentence-initial function words are capitalised too ("The", "But"); "Will" and
        // "May" are names.
        return !has(STOP, &l) || has(DETERMINERS, &l) || matches!(l.as_str(), "will" | "may");
    }
    !has(STOP, &l) && !has(PRONOUNS, &l) && !is_adverb(&l) && !l.ends_with("n't")
}

/// The start of the speaker phrase that ends at token `j`, scanning left. `None` if token `j`
/// cannot end one.
pub(super) fn np_start(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    let last = toks.get(j)?;
    if last.in_list(PRONOUNS) {
        return Some(j);
    }
    if let Some(start) = ratio_start(toks, j) {
        return Some(extend_quantity(toks, start));
    }
    if last.in_list("many some most others both all half few several none") {
        return Some(extend_quantity(toks, j));
    }
    // "42% say", "most of them said": a share as the speaker.
    if last.text.ends_with('%') && is_number(last) {
        return Some(extend_quantity(toks, j));
    }
    if last.in_list("them us") && j >= 2 && toks[j - 1].lower() == "of" {
        let q = j - 2;
        if toks[q].in_list(QUANTIFIERS) || is_number(&toks[q]) {
            // "Nearly 10 percent of them", "the rest of us"
            let s = np_start(toks, q).unwrap_or(q);
            return Some(extend_quantity(toks, s));
        }
    }
    if !np_word(last) || is_determiner(last) && !last.is_cap() && j > 0 {
        return None;
    }
    // "regretted supporting": a verb, not a speaker.
    let verb = !last.is_cap() && (last.lower().ends_with("ed") || last.in_list(IRREGULAR));
    if verb && !after_det(toks, j) {
        return None;
    }
    let mut start = scan_np_left(toks, j);
    // The phrase never starts with a preposition or an opener.
    while start < j && (toks[start].in_list(NP_PREPOSITIONS) || toks[start].in_list(OPENERS)) {
        start += 1;
    }
    let contentful = toks[start..=j]
        .iter()
        .any(|t| t.is_word() && !t.in_list(TIME_WORDS) && !is_determiner(t));
    contentful.then_some(start)
}

/// The start of a ratio ending at token `j`: "nine in 10", "four out of five".
pub(super) fn ratio_start(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    if !is_number(toks.get(j)?) {
        return None;
    }
    let prep = toks.get(j.checked_sub(1)?)?.lower();
    let before = j.checked_sub(2)?;
    match prep.as_str() {
        "in" if is_number(&toks[before]) => Some(before),
        "of" if toks[before].lower() == "out" && before > 0 && is_number(&toks[before - 1]) => {
            Some(before - 1)
        }
        _ => None,
    }
}

/// Scans a noun phrase left from token `j` (an accepted phrase word) and returns its first
/// token: names, nouns, adjectives, inner prepositions ("of", "for") and a determiner.
pub(super) fn scan_np_left(toks: &[Tok<'_>], j: usize) -> usize {
    let mut start = j;
    let mut i = j;
    while i > 0 && j - i < 14 {
        let prev = &toks[i - 1];
        let pl = prev.lower();
        if is_determiner(prev) {
            match after_determiner(toks, i - 1) {
                Some(Next::Stop(s)) => return s,
                Some(Next::Continue(s)) => {
                    start = s;
                    i = s;
                    continue;
                }
                None => return extend_quantity(toks, i - 1),
            }
        }
        let joins = match pl.as_str() {
            "of" if i >= 2 && is_quantity_word(&toks[i - 2]) => true,
            // "many in the Republican establishment"
            "in" | "among" if i >= 2 && toks[i - 2].in_list(PARTITIVES) => true,
            // "union members and leaders": two plural nouns, the second the head.
            "and" if i == j && i >= 2 => {
                joins_names(toks, i - 1) || joins_plurals(&toks[i - 2], &toks[i])
            }
            "and" | "&" => joins_names(toks, i - 1),
            _ if prev.in_list(NP_PREPOSITIONS) => inner_preposition(toks, i - 1, j),
            _ => false,
        };
        if joins {
            // "62 percent of voters", "Clinton and Sanders", "a spokesman for the campaign"
            i -= 1;
            continue;
        }
        // "state-owned investment giant": a hyphenated participle is an adjective.
        let participle = !prev.is_cap() && pl.ends_with("ed") && !pl.contains('-');
        // "52 percent of registered voters": an adjective after a quantity's "of" too.
        let after_of = i >= 2 && toks[i - 2].lower() == "of";
        if !np_word(prev) || participle && !(after_det(toks, i - 1) || after_of) {
            // "the embattled governor": a participle is an adjective only after a determiner.
            break;
        }
        start = i - 1;
        i -= 1;
    }
    start
}

/// How a noun phrase goes on left of a determiner.
pub(super) enum Next {
    /// The phrase starts here.
    Stop(usize),
    /// The phrase goes on; scanning resumes left of this token.
    Continue(usize),
}

/// The phrase left of the determiner at token `d`: a participle joining two phrases ("a
/// senator representing a district"), a quantifier ("most of the voters") or an inner
/// preposition ("the president of the union"). `None` if the phrase starts at `d`.
pub(super) fn after_determiner(toks: &[Tok<'_>], d: usize) -> Option<Next> {
    let before = d.checked_sub(1).map(|b| &toks[b]);
    let noun_before = |k: usize| k < toks.len() && np_word(&toks[k]) && !is_determiner(&toks[k]);
    if let Some(part) = before {
        let l = part.lower();
        let participle = part.is_word()
            && !part.is_cap()
            && l.ends_with("ing")
            && !has(STOP, &l)
            && d >= 2
            && noun_before(d - 2);
        if participle {
            return np_start(toks, d - 2).map(Next::Stop);
        }
        if l == "of" && d >= 2 && toks[d - 2].in_list(QUANTIFIERS) {
            let q = d - 2;
            let s = if q > 0 && is_determiner(&toks[q - 1]) {
                q - 1
            } else {
                q
            };
            return Some(Next::Stop(extend_quantity(toks, s)));
        }
        let many_in = part.in_list("in among") && d >= 2 && toks[d - 2].in_list(PARTITIVES);
        if part.in_list(NP_PREPOSITIONS) && d >= 2 && noun_before(d - 2) || many_in {
            return Some(Next::Continue(d));
        }
        // "a few lawmakers", "all the Democrats"
        if part.in_list("a an the all both half") && !toks[d].in_list("a an the") {
            return Some(Next::Stop(extend_quantity(toks, d - 1)));
        }
        // "the state's 14 districts", "Mr. Xi and other leaders"
        let possessive_number = is_number(&toks[d]) && is_possessive(part) && part.is_word();
        if possessive_number || l == "and" && joins_names(toks, d - 1) {
            return Some(Next::Continue(d));
        }
    }
    None
}

/// Whether two lower-case plural nouns are joined by "and" in one phrase: "members and
/// leaders".
pub(super) fn joins_plurals(left: &Tok<'_>, right: &Tok<'_>) -> bool {
    let plural = |t: &Tok<'_>, cap_ok: bool| {
        let l = t.text;
        t.is_word()
            && (cap_ok || !t.is_cap())
            && l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && np_word(t)
            && !t.in_list(IRREGULAR)
            && !is_determiner(t)
    };
    plural(left, true) && plural(right, false)
}

/// Whether a token is a number or a quantity noun ("62", "percent", "majority").
pub(super) fn is_quantity_word(t: &Tok<'_>) -> bool {
    t.in_list(QUANTIFIERS) || is_number(t)
}

/// Whether the "and" at token `a` joins two parts of one phrase: "Clinton and Sanders", "Bush
/// and his rivals", "Edwards and others" (after a name only).
pub(super) fn joins_names(toks: &[Tok<'_>], a: usize) -> bool {
    let (Some(left), Some(right)) = (a.checked_sub(1).map(|l| &toks[l]), toks.get(a + 1)) else {
        return false;
    };
    left.is_cap()
        && left.is_word()
        && (right.is_cap() || is_possessive(right) || right.in_list("others other"))
}

/// Whether the preposition at token `p` lies inside a phrase that ends at `j`: before a name or
/// a determiner, never before a time, and after a noun ("voters in southern Iowa").
pub(super) fn inner_preposition(toks: &[Tok<'_>], p: usize, j: usize) -> bool {
    let right = &toks[p + 1..=j];
    let named = right.iter().any(|t| t.is_cap() && !t.in_list(TIME_WORDS));
    let next = &toks[p + 1];
    (named || is_determiner(next))
        && !next.in_list(TIME_WORDS)
        && p >= 1
        && np_word(&toks[p - 1])
        && !is_determiner(&toks[p - 1])
}

/// Whether token `k` follows a determiner or a possessive.
pub(super) fn after_det(toks: &[Tok<'_>], k: usize) -> bool {
    k >= 1 && (is_determiner(&toks[k - 1]) || is_possessive(&toks[k - 1]))
}

/// The end (exclusive) of a noun phrase that starts at token `i`, scanning right.
pub(super) fn np_end(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    if first.in_list(PRONOUNS) {
        return Some(i + 1);
    }
    if !np_word(first) && !is_determiner(first) {
        return None;
    }
    let mut end = i + 1;
    let mut k = i + 1;
    while let Some(t) = toks.get(k) {
        if k - i > 12 {
            break;
        }
        let l = t.lower();
        // "a longtime adviser to Trump": "to" after a noun of service joins its object.
        // Not a listener: "said the spokesman to the crowd".
        let served = l == "to"
            && toks[k - 1].in_list(SERVICE_NOUNS)
            && !toks[k + 1..]
                .iter()
                .take(2)
                .any(|n| n.in_list(LISTENERS) || n.in_list(MEDIUMS));
        if has(NP_PREPOSITIONS, &l) || l == "and" || l == "&" || served {
            let next = toks.get(k + 1);
            let joins = next.is_some_and(|n| {
                (n.is_cap() || is_determiner(n)) && !n.in_list(TIME_WORDS) && n.is_word()
            }) && (l != "and" || toks[k - 1].is_cap())
                && !medium_follows(toks, k + 1);
            if !joins {
                break;
            }
            k += 1;
            continue;
        }
        if !np_word(t) || t.in_list(TIME_WORDS) || !t.is_cap() && t.in_list(IRREGULAR) {
            break;
        }
        // A lower-case "-ed"/"-s" word after a name is its verb ("Trump wants", "Rubio seemed").
        if !t.is_cap() && toks[k - 1].is_cap() && (l.ends_with("ed") || l.ends_with('s')) {
            break;
        }
        if !t.is_cap() && l.ends_with("ed") {
            break;
        }
        k += 1;
        end = k;
    }
    Some(end)
}

/// Quantifiers that take a group after "in" or "among": "many in the Republican establishment".
pub(super) const PARTITIVES: &str = "many some most few several";

/// Nouns of service that take "to" and whom they serve: "an adviser to Trump".
pub(super) const SERVICE_NOUNS: &str = "adviser advisers advisor advisors aide aides ambassador \
    counselor counsel assistant spokesman spokeswoman spokesperson secretary heir successor \
    envoy consultant consultants liaison";

/// Forms of "be" that make a progressive ("are reporting").
pub(super) const BE: &str = "is are was were been being be am";

/// Reduced relative participles that may close a speaker phrase ("a report released …").
pub(super) const REDUCED: &str = "released published issued conducted obtained dated posted taken \
    commissioned sponsored carried cited seen quoted shared leaked filed sent made written \
    signed unveiled launched produced prepared compiled";

/// Words for where something was said: "in a statement", "on Twitter", "in an interview".
pub(super) const MEDIUMS: &str = "statement statements interview interviews speech speeches email emails \
    letter letters post posts tweet tweets release video message messages appearance op-ed \
    column editorial radio television tv call conference briefing rally hearing debate \
    testimony memo report note twitter facebook instagram podcast broadcast address remarks";

/// Whether a medium of speech starts at token `i` ("a statement", "Twitter").
pub(super) fn medium_follows(toks: &[Tok<'_>], i: usize) -> bool {
    let i = if toks.get(i).is_some_and(is_determiner) {
        i + 1
    } else {
        i
    };
    toks.get(i..i + 3)
        .unwrap_or_else(|| toks.get(i..).unwrap_or(&[]))
        .iter()
        .take_while(|t| t.is_word())
        .any(|t| t.in_list(MEDIUMS))
}

/// Skips auxiliaries, adverbs and time phrases ("on Monday", "in January") to the left of the
/// cue at token `k`, and "be" before a progressive participle; returns the index of the last
/// token before them, if any.
pub(super) fn skip_aux_left(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let progressive = toks.get(k).is_some_and(|t| t.lower().ends_with("ing"));
    let mut j = k.checked_sub(1)?;
    loop {
        let t = &toks[j];
        let l = t.lower();
        let lower_word = t.is_word() && !t.is_cap();
        let year = t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit());
        let time_pp = (t.in_list(TIME_WORDS) || year)
            && j > 0
            && toks[j - 1].in_list("on last this late early in since");
        let contracted = matches!(l.as_str(), "'s" | "'ve" | "'d" | "'ll" | "'re" | "'m");
        // "didn't say", "can't say", "did not say"
        let negated = lower_word && (l.ends_with("n't") || matches!(l.as_str(), "not" | "cannot"));
        // "Broaddrick Sunday night recounted", but not "Super Tuesday".
        let bare_time = t.in_list(TIME_WORDS)
            && j > 0
            && toks[j - 1].is_word()
            && (t.is_cap() || toks[j - 1].in_list(TIME_WORDS))
            && !toks[j - 1].in_list("super");
        let skip = lower_word && (has(AUX, &l) || is_adverb(&l) || progressive && has(BE, &l))
            || contracted
            || negated
            || time_pp
            || bare_time;
        if !skip {
            // "a U.N. report released in January said": the participle closes the phrase.
            if lower_word && has(REDUCED, &l) && j > 0 && np_word(&toks[j - 1]) {
                return Some(j - 1);
            }
            return Some(j);
        }
        // "on Monday", "last week": drop the preposition too.
        if time_pp {
            j = j.checked_sub(1)?;
        }
        j = j.checked_sub(1)?;
    }
}
