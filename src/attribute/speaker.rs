//! Speakers: the phrase that says something, before a cue (with appositions) or after it.

use super::*;

/// A speaker phrase: its name (the head), its role (an apposition), and its span in tokens.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Speaker {
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// Byte span in the sentence.
    pub(super) span: (usize, usize),
}

/// Name of the source of a passive report ("an attack said to have killed 140").
pub(super) const UNNAMED: &str = "unnamed reports";

impl Speaker {
    /// The speaker of a passive report: no phrase in the text.
    pub(super) fn unnamed() -> Speaker {
        Speaker {
            name: UNNAMED.to_owned(),
            role: None,
            span: (0, 0),
        }
    }

    /// Whether the speaker is named in the text.
    pub(super) fn is_named(&self) -> bool {
        self.span.1 > self.span.0
    }
}

/// Text of tokens `a..b` (end-exclusive) of `text`.
pub(super) fn tok_text<'a>(text: &'a str, toks: &[Tok<'_>], a: usize, b: usize) -> &'a str {
    match (toks.get(a), b.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(s), Some(e)) if a < b => text.get(s.start..e.end).unwrap_or(""),
        _ => "",
    }
}

/// Byte span of tokens `a..b`.
pub(super) fn tok_span(toks: &[Tok<'_>], a: usize, b: usize) -> (usize, usize) {
    match (toks.get(a), b.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(s), Some(e)) if a < b => (s.start, e.end),
        _ => (0, 0),
    }
}

/// Does the phrase look like a personal name ("Homayoun Mohtaat", "Sen. Lindsey Graham")?
pub(super) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    *w,
                    "al" | "de" | "bin" | "van" | "von" | "da" | "la" | "del"
                )
        })
}

/// Cuts a speaker name at a participle or preposition: "a U.N. report released in January".
pub(super) fn cut_name(np: &str) -> &str {
    const CUT: &str = "released published issued conducted who which that seen obtained dated quoted \
    cited speaking posted shared on in at during after";
    let words: Vec<&str> = np.split_whitespace().collect();
    let mut pos = 0;
    for (i, w) in words.iter().enumerate() {
        let at = np
            .get(pos..)
            .and_then(|r| r.find(w))
            .map_or(pos, |x| x + pos);
        let lower = w.to_lowercase();
        // "a senator representing a district": a participle before a determiner.
        let participle = lower.ends_with("ing")
            && w.starts_with(char::is_lowercase)
            && words
                .get(i + 1)
                .is_some_and(|n| has(DETERMINERS, &n.to_lowercase()));
        if i > 0 && (has(CUT, &lower) || participle) {
            return np.get(..at).unwrap_or(np).trim_end();
        }
        pos = at + w.len();
    }
    np
}

/// Removes a leading article from a role ("a spokesman" → "spokesman").
pub(super) fn clean_role(role: &str) -> String {
    let r = role.trim();
    let r = ["a ", "an ", "the "]
        .iter()
        .find_map(|p| r.strip_prefix(p))
        .unwrap_or(r);
    r.to_owned()
}

/// A speaker phrase of tokens `a..b` with no apposition.
pub(super) fn plain_speaker(text: &str, toks: &[Tok<'_>], a: usize, b: usize) -> Speaker {
    Speaker {
        name: cut_name(tok_text(text, toks, a, b)).to_owned(),
        role: None,
        span: tok_span(toks, a, b),
    }
}

/// The comma-separated segments left of the comma at token `comma`, nearest first, up to a
/// hard boundary: (start, end) token ranges, end-exclusive.
pub(super) fn segments_left(toks: &[Tok<'_>], comma: usize) -> Vec<(usize, usize)> {
    let mut segs = Vec::new();
    let mut end = comma;
    let mut i = comma;
    while i > 0 && segs.len() < 6 {
        let t = &toks[i - 1];
        if t.is_punct(&[')']) {
            // "(D-Mo.)" belongs to its segment.
            if let Some(open) = (0..i - 1).rev().find(|&o| toks[o].is_punct(&['('])) {
                i = open;
                continue;
            }
        }
        if t.is_punct(&[',']) {
            segs.push((i, end));
            end = i - 1;
        } else if t.is_punct(HARD) || t.is_punct(&['.', '?', '!']) {
            segs.push((i, end));
            return segs;
        }
        i -= 1;
    }
    if i == 0 {
        segs.push((0, end));
    }
    segs
}

/// A segment that only completes the previous one: an age ("67"), a party and state
/// ("R-S.C."), a state ("Pa.").
pub(super) fn is_filler(toks: &[Tok<'_>], (a, b): (usize, usize)) -> bool {
    b == a + 1
        && toks.get(a).is_some_and(|t| {
            t.text.chars().all(|c| c.is_ascii_digit())
                || t.text.len() <= 7 && t.text.contains('-') && t.is_cap()
                || t.text.ends_with('.') && t.is_cap() && t.text.len() <= 6
        })
}

/// Whether a whole segment is one speaker phrase (after openers): returns its start.
pub(super) fn whole_np(toks: &[Tok<'_>], (a, b): (usize, usize)) -> Option<usize> {
    let mut a = a;
    let mut b = b;
    // "As Andrew Tabler, an expert, noted": the subordinator is not part of the phrase.
    while a < b && (toks[a].in_list(OPENERS) || toks[a].lower() == "as" && b > a + 1) {
        a += 1;
    }
    if b > a && toks[b - 1].is_punct(&[')']) {
        // "Sen. Claire McCaskill (D-Mo.)"
        b = (a..b).rev().find(|&o| toks[o].is_punct(&['(']))?;
    }
    if a >= b || toks[a].in_list(INTRO) && !toks[a].in_list(DETERMINERS) {
        return None;
    }
    if toks[a].in_list(TIME_WORDS) {
        return None;
    }
    // "A spokesperson for the UFDD based in Dakar": a reduced participle and its place end the
    // phrase; the noun phrase is what comes before them.
    let reduced = (a + 1..b.saturating_sub(1)).find(|&p| {
        toks[p].in_list("based stationed located living speaking writing")
            && toks[p + 1].in_list("in at from near outside")
    });
    let end = reduced.unwrap_or(b);
    (np_start(toks, end - 1)? == a).then_some(a)
}

/// The noun phrase that ends a segment after a complementizer or conjunction: "It was three
/// years ago that Michael Bloomberg, who …, said" → "Michael Bloomberg".
pub(super) fn clause_final_np(toks: &[Tok<'_>], (a, b): (usize, usize)) -> Option<usize> {
    let start = np_start(toks, b.checked_sub(1)?)?;
    let before = start.checked_sub(1)?;
    (before >= a
        && toks[before].in_list("that when after before as because while since if and but so"))
    .then_some(start)
}

/// A speaker that ends in a comma before the verb: "Name, role," / "role, Name," / "Name, who
/// …,". The span covers the head and its appositions.
pub(super) fn apposition_speaker(text: &str, toks: &[Tok<'_>], comma: usize) -> Option<Speaker> {
    let segs = segments_left(toks, comma);
    // "Smith, in a statement, said" / "DuPont, two months later, announced": parentheticals
    // between the phrase and the verb are skipped.
    let mut k = 0;
    while k < segs.len() {
        if is_filler(toks, segs[k])
            || is_parenthetical(toks, segs[k])
            || is_speaking_relative(toks, segs[k])
        {
            k += 1;
        } else if place_after_aside(text, toks, &segs, k) || apposition_in_aside(toks, &segs, k) {
            // "Clinton, during a town hall meeting in Columbus, Ohio, said"; "Grassley, facing
            // a challenge in Iowa, a swing state, said"
            k += 2;
        } else {
            break;
        }
    }
    if let Some(sp) = relative_apposition(text, toks, &segs, k) {
        return Some(sp);
    }
    let app = *segs.get(k)?;
    // "Carlos Guerrero, 55, said": an age or a state right after the phrase belongs to it.
    let app_end = filler_end(toks, &segs, k);
    // The head is the leftmost of up to three noun-phrase segments, stopping at a name:
    // "Christopher Shelton, the president of the union, which endorsed Sanders, said".
    let mut head = None;
    let mut h = k + 1;
    while h < segs.len() && h <= k + 3 {
        if is_filler(toks, segs[h]) {
            h += 1;
            continue;
        }
        let Some(st) = whole_np(toks, segs[h]).or_else(|| clause_final_np(toks, segs[h])) else {
            break;
        };
        head = Some((st, segs[h].1));
        if looks_like_name(tok_text(text, toks, st, segs[h].1)) {
            break;
        }
        h += 1;
    }
    let Some((head_start, head_end)) = head else {
        // "In Iowa, Smith, at a rally, said": the phrase itself is the speaker; so is a name
        // that opens the sentence before a stray comma ("Director Mutasa Dzinotizei, told").
        let opening_name = k == 0
            && segs.len() == 1
            && app.0 == 0
            && app.1 >= 2
            && toks[app.1 - 2].is_cap()
            && toks[app.1 - 1].is_cap()
            && toks[app.0..app.1].iter().all(|t| t.is_word());
        let start = (k > 0 || opening_name)
            .then(|| whole_np(toks, app))
            .flatten()?;
        let mut sp = plain_speaker(text, toks, start, app.1);
        sp.span = tok_span(toks, start, app_end);
        return Some(sp);
    };
    let head_text = tok_text(text, toks, head_start, head_end);
    let app_text = tok_text(text, toks, head_end + 1, app_end);
    let app_is_name = looks_like_name(app_text) && !looks_like_name(head_text);
    // "The Republican challenger, one-time venture capitalist Mitt Romney, called": the name
    // at the end of a modified apposition is the speaker; the head and modifiers its role.
    let app_tail = (!app_is_name && !looks_like_name(head_text))
        .then(|| name_tail(text, toks, head_end + 1, app_end))
        .flatten();
    let (name, role) = if app_is_name {
        (app_text, head_text)
    } else if let Some(tail) = app_tail {
        (tail, head_text)
    } else {
        (head_text, app_text)
    };
    Some(Speaker {
        name: cut_name(name).to_owned(),
        role: Some(clean_role(role)),
        span: tok_span(toks, head_start, app_end),
    })
}

/// Whether segment `k` is a place name that ends the aside before it: "during a meeting in
/// Columbus, [Ohio]".
fn place_after_aside(text: &str, toks: &[Tok<'_>], segs: &[(usize, usize)], k: usize) -> bool {
    let (Some(&(a, b)), Some(&aside)) = (segs.get(k), segs.get(k + 1)) else {
        return false;
    };
    b > a
        && b - a <= 2
        && looks_like_name(tok_text(text, toks, a, b))
        && aside.1 > aside.0
        && toks[aside.1 - 1].is_cap()
        && is_parenthetical(toks, aside)
        && segs.get(k + 2).is_some()
}

/// The name that ends a phrase of lower-case modifiers (tokens `a..b`): "one-time venture
/// capitalist [Mitt Romney]", at least two capitalised words after at least one modifier.
fn name_tail<'t>(text: &'t str, toks: &[Tok<'_>], a: usize, b: usize) -> Option<&'t str> {
    if b <= a + 2 || !modified_name(toks, a, b) || toks[a].in_list(DETERMINERS) {
        return None;
    }
    let first_cap = (a..b).rev().take_while(|&i| toks[i].is_cap()).last()?;
    let modifiers_lower = toks[a..first_cap]
        .iter()
        .all(|t| t.is_word() && !t.is_cap() || t.is_punct(&['-']));
    (first_cap > a && b - first_cap >= 2 && modifiers_lower)
        .then(|| tok_text(text, toks, first_cap, b))
}

/// Whether segment `k` is an apposition of the aside before it ("facing a challenge in Iowa,
/// [a swing state]"): an indefinite noun phrase after a parenthetical segment that is not the
/// sentence's first.
fn apposition_in_aside(toks: &[Tok<'_>], segs: &[(usize, usize)], k: usize) -> bool {
    let (Some(&(a, b)), Some(&aside)) = (segs.get(k), segs.get(k + 1)) else {
        return false;
    };
    b > a + 1
        && toks[a].in_list("a an")
        && toks[a + 1..b]
            .iter()
            .all(|t| t.is_word() || t.is_punct(&['-']))
        && is_parenthetical(toks, aside)
        && segs.get(k + 2).is_some()
}

/// The end of segment `k` with the filler segments (an age, a state) that follow it directly.
fn filler_end(toks: &[Tok<'_>], segs: &[(usize, usize)], k: usize) -> usize {
    let mut j = k;
    while j > 0 && is_filler(toks, segs[j - 1]) {
        j -= 1;
    }
    segs.get(j).map_or(0, |s| s.1)
}

/// A speaker with a relative clause that says nothing itself: "Michael Seaman, who lives outside
/// the state capital, Sacramento, said", "Vice President Joseph R. Biden Jr., who was to travel
/// to Columbus, Ohio, on Wednesday, said". The span runs from the head to the last comma; the
/// relative clause (with the segments it runs over) is the role.
fn relative_apposition(
    text: &str,
    toks: &[Tok<'_>],
    segs: &[(usize, usize)],
    k: usize,
) -> Option<Speaker> {
    let w = (k..segs.len().min(k + 3)).find(|&w| {
        toks.get(segs[w].0)
            .is_some_and(|t| t.in_list("who") && !t.is_cap())
    })?;
    if is_speaking_relative(toks, segs[w]) {
        return None;
    }
    // The segments the clause runs over hold no clause of their own ("and Jones said").
    let clean = segs[k..w].iter().all(|&(a, b)| {
        b > a
            && !toks[a].in_list("and but or who which")
            && !toks[a..b].iter().any(|t| t.in_list(FINITE))
    });
    if !clean {
        return None;
    }
    // "Sanders, meanwhile, who sits at zero endorsements, said": asides before the clause.
    let mut h = w + 1;
    while segs.get(h).is_some_and(|&g| is_parenthetical(toks, g)) && h < w + 3 {
        h += 1;
    }
    let mut head = *segs.get(h)?;
    // "a truck driver from Ava, Mo., who …": a state ends a longer phrase; not handled here.
    if is_filler(toks, head) {
        return None;
    }
    let mut start = whole_np(toks, head)?;
    // "Sam Solovey, a contestant on the show, who went on …": the name before the role.
    if let Some(&name_seg) = segs.get(h + 1) {
        let role_is_name = looks_like_name(tok_text(text, toks, start, head.1));
        if let Some(s) = whole_np(toks, name_seg)
            .filter(|&s| !role_is_name && looks_like_name(tok_text(text, toks, s, name_seg.1)))
        {
            head = name_seg;
            start = s;
        }
    }
    let end = filler_end(toks, segs, k);
    let role = tok_text(text, toks, segs[w].0, end);
    Some(Speaker {
        name: cut_name(tok_text(text, toks, start, head.1)).to_owned(),
        role: Some(clean_role(role)),
        span: tok_span(toks, start, end),
    })
}

/// Verbs of saying that make a relative clause an attribution of its own.
const SPEAKING: &str = "said says told tells wrote writes argued argues added noted claimed claims \
    warned warns insisted insists predicted predicts suggested suggests acknowledged \
    acknowledges denied denies called calls described describes";

/// A comma segment that is a relative clause with its own verb of saying: "Reed, who said last
/// week that he was tired, issued …". It is another attribution, not part of the phrase.
pub(super) fn is_speaking_relative(toks: &[Tok<'_>], (a, b): (usize, usize)) -> bool {
    toks.get(a).is_some_and(|t| t.in_list("who which"))
        && toks[a + 1..b]
            .iter()
            .take(4)
            .take_while(|t| t.is_word() && !t.is_cap())
            .any(|t| t.in_list(SPEAKING))
}

/// A comma segment that is an aside, not a role: "however", "in a statement", "two months
/// later", "wearing a T-shirt".
pub(super) fn is_parenthetical(toks: &[Tok<'_>], (a, b): (usize, usize)) -> bool {
    let Some(first) = toks.get(a) else {
        return false;
    };
    let l = first.lower();
    let last_time = b > a
        && b - a <= 4
        && (toks[b - 1].in_list(TIME_WORDS) || toks[b - 1].in_list("ago later earlier"));
    (first.in_list(INTRO) && !first.in_list(DETERMINERS))
        || first.in_list(TIME_WORDS)
        || !first.is_cap() && (l.ends_with("ing") || is_adverb(&l))
        || last_time && !first.is_cap()
        || first.in_list("only too though therefore perhaps again in at")
        || b - a <= 4 && first.in_list("it he she they we i you")
        || !first.is_cap() && first.in_list(REDUCED)
}

/// The subject of the sentence's main clause, for a participle cue ("X blamed Pakistan,
/// accusing …"): the first noun phrase after introductory phrases, before token `limit`.
pub(super) fn main_subject(text: &str, toks: &[Tok<'_>], limit: usize) -> Option<Speaker> {
    let mut i = 0;
    // Skip introductory phrases that end in a comma: "In Iowa, …", "On Monday, …".
    loop {
        while i < limit && (toks[i].in_list(OPENERS) || !toks[i].is_word()) {
            i += 1;
        }
        let t = toks.get(i)?;
        let l = t.lower();
        // "Ultimately, …", "Appearing on CNN, …"
        let participle = l.ends_with("ing")
            && l.len() > 5
            && toks.get(i + 1).is_some_and(|n| {
                n.in_list("on to at in with about before after from the a his her")
            });
        let opener = is_adverb(&l) || participle;
        let intro = t.in_list(INTRO) && !t.in_list(DETERMINERS) || t.in_list(TIME_WORDS) || opener;
        if !intro {
            break;
        }
        let comma = (i..limit).find(|&k| toks[k].is_punct(&[',']))?;
        i = comma + 1;
    }
    if i >= limit {
        return None;
    }
    // "Katrina Pierson, a spokeswoman for Trump, has expanded …": the subject of the first verb
    // whose phrase starts at the clause's start, appositions included.
    let start = toks[i].start;
    let subject = (i + 1..limit)
        .filter(|&v| is_clear_verb(&toks[v]))
        .find_map(|v| speaker_left(text, toks, v, false).filter(|sp| sp.span.0 == start));
    if subject.is_some() {
        return subject;
    }
    let end = np_end(toks, i)?.min(limit);
    (end > i).then(|| plain_speaker(text, toks, i, end))
}

/// Whether a token is unmistakably a verb of a clause: an auxiliary or finite form ("has",
/// "were"), a common irregular form ("took"), a verb of saying ("said") or a lower-case "-ed"
/// word ("appeared").
pub(super) fn is_clear_verb(t: &Tok<'_>) -> bool {
    t.is_word()
        && !t.is_cap()
        && (t.in_list(FINITE)
            || t.in_list(IRREGULAR)
            || t.in_list("said says told tells")
            || t.lower().ends_with("ed"))
}

/// A participial phrase before the main clause: "In describing Trump, Cuban said …",
/// "Speaking to reporters, Smith said …". The speaker is the main clause's subject after the
/// comma; the content is the participle's object. Returns (speaker, content).
pub(super) fn fronted_participle(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
) -> Option<Said> {
    let opener = (0..k).all(|i| !toks[i].is_word() || toks[i].in_list("in by while after when"));
    if !opener {
        return None;
    }
    let comma = (cue_end..toks.len()).find(|&i| toks[i].is_punct(&[',']))?;
    let first = comma + 1;
    let end = np_end(toks, first)?;
    let sp = plain_speaker(text, toks, first, end);
    let content = (
        toks.get(cue_end)?.start,
        content_end_before(toks, comma + 1),
    );
    Some((sp, content))
}

/// Finds the speaker left of the cue at token `k`. `participle` cues ("saying", "adding") after
/// a comma take the main clause's subject.
pub(super) fn speaker_left(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    participle: bool,
) -> Option<Speaker> {
    // "X offered him a job, then says …": a second verb of the sentence's subject.
    if k >= 2 && toks[k - 1].in_list("then later and but") && toks[k - 2].is_punct(&[',']) {
        return main_subject(text, toks, k - 2);
    }
    let j = skip_aux_left(toks, k)?;
    let t = &toks[j];
    if t.is_punct(&[',']) {
        if participle {
            return main_subject(text, toks, j);
        }
        return apposition_speaker(text, toks, j);
    }
    if t.is_punct(&['—', '–']) {
        // "The justice -- who has been involved in a scuffle -- said": skip the aside.
        let open = (0..j).rev().find(|&i| toks[i].is_punct(&['—', '–']))?;
        let before = open.checked_sub(1)?;
        if toks[before].is_punct(&[',']) {
            return apposition_speaker(text, toks, before);
        }
        let start = np_start(toks, before)?;
        return Some(plain_speaker(text, toks, start, open));
    }
    if t.is_punct(&[')']) {
        // "Rep. Elijah Cummings (D-Md.) said": the affiliation belongs to the phrase.
        let open = (0..j).rev().find(|&i| toks[i].is_punct(&['(']))?;
        let start = np_start(toks, open.checked_sub(1)?)?;
        let mut sp = plain_speaker(text, toks, start, open);
        sp.span = tok_span(toks, start, j + 1);
        return Some(sp);
    }
    if participle && k > 0 && toks[k - 1].in_list("by while after before when in") {
        return main_subject(text, toks, k - 1);
    }
    if t.in_list("and but") {
        // "X condemned the attack, and rejected …": the speaker is the sentence's subject.
        return main_subject(text, toks, j);
    }
    if let Some(sp) = relative_which(text, toks, j) {
        return Some(sp);
    }
    let start = extend_coordination(
        toks,
        extend_evidence(toks, extend_relative(toks, np_start(toks, j)?)),
    );
    // "The campaign released a statement saying …": a participle after the object of a verb
    // speaks for the main clause's subject.
    let object_of_verb = start.checked_sub(1).is_some_and(|v| {
        let l = toks[v].lower();
        toks[v].is_word()
            && !toks[v].is_cap()
            && (l.ends_with("ed") || toks[v].in_list(IRREGULAR))
            && !toks[v].in_list(NP_PREPOSITIONS)
    });
    if participle && object_of_verb {
        return main_subject(text, toks, start - 1);
    }
    let lower = t.lower();
    if start == j && lower == "who" && t.text != "WHO" {
        // "Smith, who said …": the speaker is the phrase before the relative pronoun.
        // "sources at the meeting who said": a restrictive relative has no comma.
        let antecedent = j
            .checked_sub(2)
            .filter(|&c| toks[c + 1].is_punct(&[',']))
            .and_then(|c| np_start(toks, c).map(|s| (s, c + 1)))
            .or_else(|| {
                let c = j.checked_sub(1).filter(|&c| np_word(&toks[c]))?;
                let s = np_after_preposition(toks, np_start(toks, c)?);
                // "Machado met with prosecutors who told her": the phrase starts after a verb.
                let s = (s..c)
                    .rev()
                    .find(|&i| {
                        let l = toks[i].lower();
                        toks[i].is_word()
                            && !toks[i].is_cap()
                            && (l.ends_with("ed") || toks[i].in_list(IRREGULAR))
                    })
                    .map_or(s, |v| v + 1);
                let s = if toks[s].in_list("with to by about at for") {
                    s + 1
                } else {
                    s
                };
                Some((s, j))
            });
        let name = antecedent.map_or_else(
            || "who".to_owned(),
            |(s, e)| cut_name(tok_text(text, toks, s, e)).to_owned(),
        );
        return Some(Speaker {
            name,
            role: None,
            span: tok_span(toks, j, j + 1),
        });
    }
    let mut sp = plain_speaker(text, toks, start, j + 1);
    if toks[start].in_list(PRONOUNS) && start + 2 <= j && toks[start + 1].lower() == "and" {
        // "He and his aides": the pronoun says nothing of who they are; the name is the rest.
        sp.name = plain_speaker(text, toks, start + 2, j + 1).name;
    }
    Some(sp)
}

/// Words after which a clause (and so a subject) may start: "But attorneys and experts said".
const CLAUSE_OPENERS: &str = "but and yet so that when while as because after before if since \
    although though whereas where";

/// Extends a subject phrase starting at token `start` over a coordinated phrase before it:
/// "attorneys and legal experts", "The campaign and some experts", "She and her aides". Only
/// at the start of a clause, so an object ("He met Trump and aides said") is never taken.
pub(super) fn extend_coordination(toks: &[Tok<'_>], start: usize) -> usize {
    let Some(and) = start.checked_sub(1).filter(|&a| toks[a].lower() == "and") else {
        return start;
    };
    let Some(last) = and.checked_sub(1) else {
        return start;
    };
    let left = &toks[last];
    let nominal = left.in_list(PRONOUNS) && left.lower() != "who"
        || np_word(left) && !is_clear_verb(left) && !left.in_list(TIME_WORDS);
    let Some(s) = nominal.then(|| np_start(toks, last)).flatten() else {
        return start;
    };
    // "He met Trump and aides said", "protesting wages and officials": a verb, participle or
    // pronoun inside means a clause, not a phrase.
    let clause = toks[s..last].iter().any(|t| {
        t.in_list(PRONOUNS) || !t.is_cap() && (is_clear_verb(t) || t.lower().ends_with("ing"))
    });
    let at_clause_start = s == 0
        || toks[s - 1].is_punct(&[',', ';', ':', '“', '”', '"', '—', '–', '('])
        || toks[s - 1].in_list(CLAUSE_OPENERS);
    if !clause && at_clause_start { s } else { start }
}

/// A relative pronoun other than "who" as the speaker: "the NRA, which has endorsed Trump", "an
/// organization that endorsed Sanders". The span is the pronoun (as in PolNeAR); the name is
/// its antecedent, the noun phrase just before it.
pub(super) fn relative_which(text: &str, toks: &[Tok<'_>], j: usize) -> Option<Speaker> {
    let t = toks.get(j)?;
    let which = t.lower() == "which";
    if !(which || t.lower() == "that") {
        return None;
    }
    let before = j.checked_sub(1)?;
    // "X, which": a comma before "which"; "an organization that": a noun right before "that".
    let end = if toks[before].is_punct(&[',']) && which {
        before
    } else if np_word(&toks[before]) && !toks[before].in_list(PRONOUNS) {
        j
    } else {
        return None;
    };
    let last = end.checked_sub(1)?;
    let start = np_start(toks, last)?;
    Some(Speaker {
        name: cut_name(tok_text(text, toks, start, end)).to_owned(),
        role: None,
        span: tok_span(toks, j, j + 1),
    })
}

/// Extends a noun phrase starting at token `start` over one prepositional link to the noun
/// before it: "[sources at] the meeting", "[residents of] the town".
fn np_after_preposition(toks: &[Tok<'_>], start: usize) -> usize {
    let linked = start >= 2
        && toks[start - 1].in_list("at in of from for near")
        && np_word(&toks[start - 2])
        && !toks[start - 2].in_list(PRONOUNS);
    if linked {
        np_start(toks, start - 2).unwrap_or(start)
    } else {
        start
    }
}

/// Words that may open a tail after a verb: prepositions and times ("in a statement").
pub(super) const TAIL_START: &str = "to in on at during after before last this earlier late early from with \
    while when as about of through via over for by later recently again too also afterward \
    afterwards previously here there then now today tonight yesterday friday";

/// Extends a speaker phrase that starting at token `start` is only the end of a relative or
/// participle clause: "executives who have worked with Lachlan Murdoch say", "a copy of the
/// memo seen by Reuters said". Returns the start of the whole phrase.
pub(super) fn extend_relative(toks: &[Tok<'_>], start: usize) -> usize {
    // "seen by Reuters": a reduced passive names its agent last.
    if start >= 3
        && toks[start - 1].lower() == "by"
        && toks[start - 2].in_list(REDUCED)
        && let Some(s) = np_start(toks, start - 3)
    {
        return s;
    }
    // "insurgents who they say use …": a pronoun is the subject of its own verb, not the end of
    // a relative clause.
    if toks[start].in_list(PRONOUNS) {
        return start;
    }
    // "executives who have worked with X": a relative clause with no punctuation.
    let from = start.saturating_sub(10);
    let who = (from..start)
        .rev()
        .take_while(|&i| toks[i].is_word())
        .find(|&i| toks[i].lower() == "who");
    match who.filter(|&w| w > 0 && np_word(&toks[w - 1])) {
        Some(w) => np_start(toks, w - 1).unwrap_or(start),
        None => start,
    }
}

/// Whether tokens from `i` on are only a tail after a speaker: adverbials, a listener or
/// nothing ("in a statement.", "on Monday", "told reporters.").
pub(super) fn is_tail(toks: &[Tok<'_>], i: usize) -> bool {
    let rest = toks.get(i..).unwrap_or(&[]);
    // "…, Sanders said of the front-runner, before taking aim at …": an adjunct clause after a
    // comma does not count.
    let cut = rest
        .iter()
        .enumerate()
        .position(|(n, t)| {
            t.is_punct(&[',', '—', '–'])
                && rest.get(n + 1).is_some_and(|w| {
                    let l = w.lower();
                    w.in_list("before after while as when though although because since but and who which referring according") || !w.is_cap() && l.ends_with("ing")
                })
        })
        .unwrap_or(rest.len());
    let rest = &rest[..cut];
    let words = rest.iter().filter(|t| t.is_word()).count();
    let first = rest.iter().find(|t| t.is_word());
    let opens = first.is_none_or(|f| {
        f.is_cap()
            || f.in_list(TAIL_START)
            || f.in_list(TIME_WORDS)
            || f.in_list(LISTENERS)
            || is_adverb(&f.lower())
    });
    opens
        && words <= 12
        && !rest.iter().any(|t| {
            t.is_punct(QUOTES) || t.in_list(FINITE) || t.lower() == "that" || t.in_list(PRONOUNS)
        })
}

/// Whether tokens `i..end` are a name after lower-case modifiers: "former Utah governor
/// Michael Leavitt", "political scientist Dossym Satpayev", "retired Army Lt. Gen. Mick
/// Bednarek" (its last word is capitalised).
pub(super) fn modified_name(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    end > i + 1
        && toks[i].is_word()
        && !is_adverb(&toks[i].lower())
        && toks.get(end - 1).is_some_and(|t| t.is_cap() && t.is_word())
}

/// The speaker after an inverted verb: "…,” said Valle." / "…, said Smith, a spokesman." The
/// phrase must run to the sentence's end, to an apposition, or to a tail of adverbials.
pub(super) fn speaker_right(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
) -> Option<Speaker> {
    let first = toks.get(i)?;
    if first.in_list(TIME_WORDS) || first.lower() == "that" {
        return None;
    }
    let mut end = np_end(toks, i)?;
    let opens_phrase = first.is_cap() || is_determiner(first) || first.in_list(PRONOUNS);
    if !(opens_phrase || modified_name(toks, i, end)) {
        return None;
    }
    // "said Dick Durbin (D-Ill.) in an interview": the affiliation belongs to the name.
    if toks.get(end).is_some_and(|t| t.is_punct(&['('])) {
        end = (end..toks.len()).find(|&c| toks[c].is_punct(&[')']))? + 1;
    }
    let head = plain_speaker(text, toks, i, end);
    let next = toks.get(end);
    let at_end = |k: usize| toks[k.min(toks.len())..].iter().all(|t| !t.is_word());
    if next.is_none() || at_end(end) {
        return Some(head);
    }
    let next = next?;
    let participle_next = toks
        .get(end + 1)
        .is_some_and(|n| !n.is_cap() && n.lower().ends_with("ing"));
    if next.in_list("who whose") {
        // "said a Democratic strategist who spoke on the condition of anonymity": a
        // restrictive relative clause describes the speaker; the phrase is the head.
        return Some(head);
    }
    if next.is_punct(&[',']) && participle_next {
        // "said Devine, suggesting that …"
        return Some(head);
    }
    if next.is_punct(&[',']) {
        // An apposition to the end of the sentence or to the next clause ("…, adding").
        // "said Beck, who said …": a relative clause with its own cue is another attribution.
        let own_cue = |k: usize| {
            toks[k].in_list("who which")
                && toks[k + 1..toks.len().min(k + 4)]
                    .iter()
                    .any(|t| rules.cues.contains_key(&t.lower()))
        };
        let stop = (end + 1..toks.len())
            .find(|&k| {
                toks[k].is_punct(&[';', '“', '"', '.', '?', '!'])
                    || toks[k].is_punct(&[','])
                        && toks.get(k + 1).is_some_and(|n| n.lower().ends_with("ing"))
                    || own_cue(k)
            })
            .unwrap_or(toks.len());
        let app_end = (end + 1..stop)
            .rev()
            .find(|&k| toks[k].is_word() || toks[k].is_punct(&[')']))
            .map_or(end, |k| k + 1);
        if app_end <= end + 1 {
            return Some(head);
        }
        let role = tok_text(text, toks, end + 1, app_end);
        return Some(Speaker {
            role: Some(clean_role(role)),
            span: tok_span(toks, i, app_end),
            ..head
        });
    }
    if next.is_punct(&[':', '“', '"', '—', '–'])
        || next.in_list(NP_PREPOSITIONS)
        || next.in_list("on during after before last this to when as while")
    {
        // "said Smith in an interview." / "said Smith on Monday."
        return is_tail(toks, end).then_some(head);
    }
    None
}
