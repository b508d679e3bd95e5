//! Sources: who says each sentence's content. Explicit cues ("X said", "said X", "according to
//! X"), appositions for roles ("X, a spokesman, said"), quotations whose speaker is named
//! elsewhere in the quote, pronouns carried from the last named speaker, and the document's own
//! voice.
//!
//! Works on sentences and rule cues only; claims are matched to the content span later. Each
//! sentence is split into word and punctuation tokens ([`tokenize`]); speakers are noun phrases
//! found by scanning tokens away from the cue, so every offset stays on a character boundary.
//!
//! Span conventions follow attribution corpora (PARC, PolNeAR): the source span covers the whole
//! speaker phrase, appositions included ("Marty Walz, chair of the council"), while the source
//! name is the phrase's head ("Marty Walz") and the apposition its role; the content span starts
//! at a complementizer `that` and excludes the cue and the speaker.

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

// ---------------------------------------------------------------------------------------------
// Word lists: lower-case words separated by spaces
// ---------------------------------------------------------------------------------------------

/// Whether `word` is one of the space-separated words of `list`.
fn has(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// Auxiliaries and adverbs that may stand between a speaker and the verb ("has also said").
const AUX: &str = "has have had also later previously earlier would will then again further once \
    still now did does do both all each themselves himself herself itself too even just only \
    already often always never long first simply since ever then- may might could should must \
    can began begin begins started starts kept keeps continued continues stopped went goes \
    repeatedly however though instead meanwhile";

/// Subject pronouns that are a whole speaker phrase.
const PRONOUNS: &str = "he she they it we i you who";

/// Words that start a noun phrase; the scan to the left stops after one.
const DETERMINERS: &str = "the a an this these those his her their its our my your some many \
    most several all both few each every any another other no one two three four five six seven \
    eight nine ten half more fewer less dozens hundreds thousands millions";

/// Quantifiers that take an `of` phrase: "most of the voters", "one of his aides".
const QUANTIFIERS: &str = "most many some all both none one two three four five several few half \
    each any majority minority number plurality third thirds quarter fifth percent share portion \
    handful couple lot dozen dozens hundreds thousands millions rest members group groups \
    segment proportion percentage bulk";

/// Words that make a number approximate: "about four in 10 voters", "more than half of".
const APPROXIMATORS: &str = "about almost nearly roughly only just around approximately some \
    over fully barely virtually practically even";

/// Whether a token is a number ("10", "four", "62").
fn is_number(t: &Tok<'_>) -> bool {
    t.text.starts_with(|c: char| c.is_ascii_digit())
        || t.in_list("one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty ninety hundred half")
}

/// Extends a phrase start left over a ratio or quantifier and approximators: "one in four
/// voters", "about 40 percent of", "more than half of".
fn extend_quantity(toks: &[Tok<'_>], start: usize) -> usize {
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

/// Prepositions that may sit inside a speaker phrase: "Joel Pollak of Breitbart", "a
/// spokesman for the campaign", "voters in Iowa".
const NP_PREPOSITIONS: &str = "of for at in from with on like including";

/// Words that never belong to a speaker phrase: verbs, conjunctions, subordinators, most
/// prepositions and object pronouns.
const STOP: &str = "everything something anything nothing whatever is are was were be been being am has have had do does did will would can \
    could should may might must shall to by than as when if because while although though since \
    where whereas whether that which what whom whose why how but or nor so yet not n't never \
    then there here after before during until into onto about against among between through over \
    under without within upon via per like also just even only still already once unless me him \
    us them and on off out up down too very really instead however ago later earlier again now \
    today tonight yesterday tomorrow recently said says say told tell tells saying telling asked \
    added wrote writes believe believes think thinks thought according despite toward towards \
    around across behind beyond near outside inside amid got get gets made make makes went go \
    goes came come took take gave give let lets keep kept want wants wanted seemed seems appears \
    appeared became become becomes remains remained";

/// Words of time: alone they are never a speaker ("said Monday").
const TIME_WORDS: &str = "moment monday tuesday wednesday thursday friday saturday sunday today tonight \
    yesterday tomorrow morning afternoon evening night week weekend month year day january \
    february march april may june july august september october november december jan. feb. aug. \
    sept. oct. nov. dec. last next earlier later recently previously meanwhile however overnight";

/// Discourse openers stripped from the start of a speaker phrase.
const OPENERS: &str = "but and yet so still meanwhile however instead also now indeed moreover \
    separately finally then thus hence or";

/// Words that begin an introductory phrase or clause ("In Iowa, …", "When asked, …").
const INTRO: &str = "in on at after before during earlier meanwhile later separately however but \
    and since while as last this when if although though because for from with without by under \
    despite asked speaking instead still yet so then now also indeed moreover still once today \
    yesterday unlike like among amid according to of about over through following ahead back \
    days weeks months years hours minutes moments shortly soon not neither";

/// Objects of "told"/"asked" that are skipped before the content ("told reporters that …").
const LISTENERS: &str = "reporters journalists lawmakers parliament congress investigators \
    supporters voters viewers listeners readers students members delegates donors audience \
    audiences crowd crowds him her them us me you";

/// Cue words that are also plural nouns ("the early states", "media reports"): they count as
/// verbs only before a clause.
const NOUNISH_CUES: &str = "states reports notes claims estimates shows fears suspects finds \
    remarks warnings posts tweets writes calls questions replies recalls counters responds \
    repeats concedes attacks blasts slams backs supports demands plans hopes promises pledges \
    vows urges welcomes cites fear sees knows wants";

/// Finite verbs that show a clause has started ("believes [Trump] is …").
const FINITE: &str = "is are was were will would could can should may might must has have had \
    did does do won't can't isn't wasn't doesn't didn't hasn't haven't wouldn't couldn't \
    shouldn't won’t can’t isn’t wasn’t doesn’t didn’t hasn’t haven’t wouldn’t couldn’t shouldn’t \
    aren't aren’t weren't weren’t";

/// Common irregular verb forms: a clause's verb, never part of a noun phrase.
const IRREGULAR: &str = "went took made came gave got ran saw knew became left felt kept began \
    held brought stood lost paid met sent built fell won spent grew led rose drove broke chose \
    spoke threw fled fought sought struck sold bought caught taught meant lay hit put set cut \
    shut quit beat bore dug drew flew forgot hid hung rode rang sang sank shook slid stole stuck \
    swore swept tore woke wore wept wound goes gets gives takes makes comes runs sees knows \
    leads wins loses can't won't need needs want wants plan plans hope hopes like likes lack \
    lacks face faces remain remains";

/// Singular nouns for a person's role: "the governor said" is a "he" or "she" later.
const ROLE_NOUNS: &str = "governor spokesman spokeswoman spokesperson official minister \
    president senator director chairman chairwoman chair leader commander analyst expert \
    professor economist secretary mayor candidate nominee founder ceo executive adviser advisor \
    aide strategist pollster consultant lawyer attorney judge researcher author writer reporter \
    correspondent congressman congresswoman representative ambassador general colonel officer \
    chief manager head member activist organizer voter resident woman man businessman \
    businesswoman father mother son daughter wife husband friend veteran supporter critic \
    delegate";

/// Last words that mark an institution, not a person ("Communist Party").
const INSTITUTIONS: &str = "ministry party department committee commission council government \
    agency office army police forces group union organization organisation institute university \
    center centre foundation campaign news times post journal network court bank fund \
    association coalition company corp. inc. administration house senate congress parliament \
    states nations republicans democrats reports poll survey study report statement media press \
    club board service project watch observatory command authority authorities media magazine";

/// Titles that mark a person's name ("Mr. Trump", "Sen. Graham").
const TITLES: &str = "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. maj. sgt. capt. adm. prof. \
    rev. pres. president senator governor secretary minister judge justice mayor";

/// Abbreviations whose full stop belongs to the word ("Sen.", "Calif.").
const ABBREVIATIONS: &str = "mr mrs ms dr sen sens rep reps gov govs gen lt col maj sgt capt \
    cmdr adm jr sr st prof rev atty supt pres inc corp co ltd no vs etc jan feb aug sept sep oct \
    nov dec ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn \
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo ok nc sc";

/// Lower-case words ending in "-ly" that are nouns, not adverbs ("his family said").
const LY_NOUNS: &str = "family ally assembly rally supply monopoly anomaly reply italy july \
    bully belly jelly holly lily sally kelly daily weekly monthly quarterly elderly";

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/// A word or punctuation mark of a sentence; offsets are bytes into the sentence text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl Tok<'_> {
    /// Whether the token is a word (starts with a letter, digit or `$`).
    fn is_word(&self) -> bool {
        self.text.starts_with(is_word_char)
    }

    /// Whether the token starts with an upper-case letter.
    fn is_cap(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// Lower-case text, with curly apostrophes made straight.
    fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }

    /// The punctuation mark the token stands for: a single mark, with `''` read as `"` and
    /// `--` as `—`.
    fn punct(&self) -> Option<char> {
        match self.text {
            "''" | "``" => Some('"'),
            "--" | "-" => Some('—'),
            _ => {
                let mut it = self.text.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) if !is_word_char(c) => Some(c),
                    _ => None,
                }
            }
        }
    }

    /// Whether the token is one of `chars` (a punctuation mark).
    fn is_punct(&self, chars: &[char]) -> bool {
        self.punct().is_some_and(|c| chars.contains(&c))
    }

    /// Whether the lower-cased token is one of the words of `list`.
    fn in_list(&self, list: &str) -> bool {
        has(list, &self.lower())
    }
}

/// Opening quotation marks.
const OPEN_QUOTES: &[char] = &['“', '‘', '«'];
/// Closing quotation marks.
const CLOSE_QUOTES: &[char] = &['”', '’', '»'];
/// Any quotation mark, straight or curly.
const QUOTES: &[char] = &['“', '”', '"', '‘', '«', '»'];
/// Marks that end a speaker phrase or a clause.
const HARD: &[char] = &[
    ';', ':', '“', '”', '"', '(', ')', '—', '–', '[', ']', '«', '»',
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '$' | '#' | '@' | '%' | '_')
}

/// Whether the full stop after `word` belongs to it: titles, initials, states, "U.S".
fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    has(ABBREVIATIONS, last)
        || word.contains('.')
        || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
}

/// Where a pronoun's contracted auxiliary starts ("he's" → 2), if `word` is one.
fn contraction(word: &str) -> Option<usize> {
    let (at, _) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’')?;
    let (head, tail) = (word.get(..at)?, word.get(at..)?);
    let tail = tail.get(tail.chars().next()?.len_utf8()..)?;
    let pronoun = [
        "i", "you", "he", "she", "it", "we", "they", "who", "that", "there",
    ]
    .contains(&head.to_lowercase().as_str());
    let aux = ["s", "ve", "re", "ll", "d", "m"].contains(&tail.to_lowercase().as_str());
    (pronoun && aux).then_some(at)
}

/// Splits a sentence into word and punctuation tokens. Apostrophes, hyphens, inner full stops,
/// slashes and ampersands join words ("Clinton’s", "R-S.C", "AT&T"); commas and colons join
/// digits ("100,000"); an abbreviation keeps its full stop.
fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let end = if is_word_char(c) {
            word_end(text, i)
        } else {
            mark_end(text, i, c)
        };
        push_word(&mut out, text, i, end);
        i = end;
    }
    out
}

/// The end of the punctuation mark `c` at byte `i`: `''`, ```` `` ```` and `--` are one mark.
fn mark_end(text: &str, i: usize, c: char) -> usize {
    let one = i + c.len_utf8();
    let doubled =
        matches!(c, '\'' | '`' | '-') && text.get(one..).is_some_and(|r| r.starts_with(c));
    if doubled { one + c.len_utf8() } else { one }
}

/// The end of the word that starts at byte `i`: joined by apostrophes, hyphens, inner stops,
/// slashes, ampersands and digit separators; with a possessive apostrophe ("Sanders’") or an
/// abbreviation's full stop ("Sen.").
fn word_end(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    let mut end = i;
    let mut prev = ' ';
    let mut chars = rest.char_indices().peekable();
    while let Some((j, d)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        let joins = is_word_char(d)
            || j > 0
                && matches!(d, '\'' | '’' | '-' | '.' | '/' | '&')
                && after.is_some_and(is_word_char)
            || matches!(d, ',' | ':')
                && prev.is_ascii_digit()
                && after.is_some_and(|a| a.is_ascii_digit());
        if !joins {
            // "Sanders’ aides": a trailing apostrophe after a name's "s" is a possessive.
            let possessive = matches!(d, '\'' | '’')
                && prev == 's'
                && after.is_none_or(char::is_whitespace)
                && rest.starts_with(char::is_uppercase);
            if possessive {
                end = i + j + d.len_utf8();
            } else if d == '.' && is_abbreviation(text.get(i..end).unwrap_or("")) {
                end += 1;
            }
            return end;
        }
        end = i + j + d.len_utf8();
        prev = d;
    }
    end
}

/// Pushes the word at bytes `i..end`, as two tokens if it is a pronoun with a contracted
/// auxiliary ("he's", "they’ve").
fn push_word<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, i: usize, end: usize) {
    let tok = |a: usize, b: usize| Tok {
        text: text.get(a..b).unwrap_or(""),
        start: a,
        end: b,
    };
    match text.get(i..end).and_then(contraction) {
        Some(cut) => {
            out.push(tok(i, i + cut));
            out.push(tok(i + cut, end));
        }
        None => out.push(tok(i, end)),
    }
}

/// For every token, whether it lies inside a quotation, given whether the sentence starts
/// inside one. Straight double quotes toggle; curly ones open and close.
fn quote_depths(toks: &[Tok<'_>], starts_inside: bool) -> Vec<bool> {
    // A sentence whose first quotation mark opens a quotation did not start inside one.
    let first_mark = toks.iter().find(|t| t.is_punct(&['“', '”', '«', '»']));
    let mut inside = starts_inside && !first_mark.is_some_and(|t| t.is_punct(&['“', '«']));
    toks.iter()
        .map(|t| {
            if t.is_punct(&['“', '«']) {
                inside = true;
            } else if t.is_punct(&['”', '»']) {
                inside = false;
                return true;
            } else if t.is_punct(&['"']) {
                inside = !inside;
                return true;
            }
            inside
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Noun phrases
// ---------------------------------------------------------------------------------------------

/// Whether a lower-case word is probably an adverb ("repeatedly", "publicly").
fn is_adverb(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly") && !has(LY_NOUNS, lower)
}

/// Whether a token is a determiner or a number ("the", "his", "30").
fn is_determiner(t: &Tok<'_>) -> bool {
    t.in_list(DETERMINERS) || t.text.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a token is a possessive ("Clinton’s", "its").
fn is_possessive(t: &Tok<'_>) -> bool {
    let l = t.lower();
    l.ends_with("'s") || l.ends_with("s'") || matches!(l.as_str(), "his" | "her" | "their" | "its")
}

/// Whether a word may sit inside a speaker phrase (not a verb, conjunction or the like).
fn np_word(t: &Tok<'_>) -> bool {
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
fn np_start(toks: &[Tok<'_>], j: usize) -> Option<usize> {
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
fn ratio_start(toks: &[Tok<'_>], j: usize) -> Option<usize> {
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
fn scan_np_left(toks: &[Tok<'_>], j: usize) -> usize {
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
            "and" | "&" => joins_names(toks, i - 1),
            _ if prev.in_list(NP_PREPOSITIONS) => inner_preposition(toks, i - 1, j),
            _ => false,
        };
        if joins {
            // "62 percent of voters", "Clinton and Sanders", "a spokesman for the campaign"
            i -= 1;
            continue;
        }
        if !np_word(prev) || !prev.is_cap() && pl.ends_with("ed") && !after_det(toks, i - 1) {
            // "the embattled governor": a participle is an adjective only after a determiner.
            break;
        }
        start = i - 1;
        i -= 1;
    }
    start
}

/// How a noun phrase goes on left of a determiner.
enum Next {
    /// The phrase starts here.
    Stop(usize),
    /// The phrase goes on; scanning resumes left of this token.
    Continue(usize),
}

/// The phrase left of the determiner at token `d`: a participle joining two phrases ("a
/// senator representing a district"), a quantifier ("most of the voters") or an inner
/// preposition ("the president of the union"). `None` if the phrase starts at `d`.
fn after_determiner(toks: &[Tok<'_>], d: usize) -> Option<Next> {
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
        if part.in_list(NP_PREPOSITIONS) && d >= 2 && noun_before(d - 2) {
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

/// Whether a token is a number or a quantity noun ("62", "percent", "majority").
fn is_quantity_word(t: &Tok<'_>) -> bool {
    t.in_list(QUANTIFIERS) || is_number(t)
}

/// Whether the "and" at token `a` joins two parts of one phrase: "Clinton and Sanders", "Bush
/// and his rivals", "Edwards and others" (after a name only).
fn joins_names(toks: &[Tok<'_>], a: usize) -> bool {
    let (Some(left), Some(right)) = (a.checked_sub(1).map(|l| &toks[l]), toks.get(a + 1)) else {
        return false;
    };
    left.is_cap()
        && left.is_word()
        && (right.is_cap() || is_possessive(right) || right.in_list("others other"))
}

/// Whether the preposition at token `p` lies inside a phrase that ends at `j`: before a name or
/// a determiner, never before a time, and after a noun ("voters in southern Iowa").
fn inner_preposition(toks: &[Tok<'_>], p: usize, j: usize) -> bool {
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
fn after_det(toks: &[Tok<'_>], k: usize) -> bool {
    k >= 1 && (is_determiner(&toks[k - 1]) || is_possessive(&toks[k - 1]))
}

/// The end (exclusive) of a noun phrase that starts at token `i`, scanning right.
fn np_end(toks: &[Tok<'_>], i: usize) -> Option<usize> {
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
        if has(NP_PREPOSITIONS, &l) || l == "and" || l == "&" {
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

/// Forms of "be" that make a progressive ("are reporting").
const BE: &str = "is are was were been being be am";

/// Reduced relative participles that may close a speaker phrase ("a report released …").
const REDUCED: &str = "released published issued conducted obtained dated posted taken \
    commissioned sponsored carried cited seen quoted shared leaked filed sent made written \
    signed unveiled launched produced prepared compiled";

/// Words for where something was said: "in a statement", "on Twitter", "in an interview".
const MEDIUMS: &str = "statement statements interview interviews speech speeches email emails \
    letter letters post posts tweet tweets release video message messages appearance op-ed \
    column editorial radio television tv call conference briefing rally hearing debate \
    testimony memo report note twitter facebook instagram podcast broadcast address remarks";

/// Whether a medium of speech starts at token `i` ("a statement", "Twitter").
fn medium_follows(toks: &[Tok<'_>], i: usize) -> bool {
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
fn skip_aux_left(toks: &[Tok<'_>], k: usize) -> Option<usize> {
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

// ---------------------------------------------------------------------------------------------
// Speakers
// ---------------------------------------------------------------------------------------------

/// A speaker phrase: its name (the head), its role (an apposition), and its span in tokens.
#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    name: String,
    role: Option<String>,
    /// Byte span in the sentence.
    span: (usize, usize),
}

/// Name of the source of a passive report ("an attack said to have killed 140").
const UNNAMED: &str = "unnamed reports";

impl Speaker {
    /// The speaker of a passive report: no phrase in the text.
    fn unnamed() -> Speaker {
        Speaker {
            name: UNNAMED.to_owned(),
            role: None,
            span: (0, 0),
        }
    }

    /// Whether the speaker is named in the text.
    fn is_named(&self) -> bool {
        self.span.1 > self.span.0
    }
}

/// Text of tokens `a..b` (end-exclusive) of `text`.
fn tok_text<'a>(text: &'a str, toks: &[Tok<'_>], a: usize, b: usize) -> &'a str {
    match (toks.get(a), b.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(s), Some(e)) if a < b => text.get(s.start..e.end).unwrap_or(""),
        _ => "",
    }
}

/// Byte span of tokens `a..b`.
fn tok_span(toks: &[Tok<'_>], a: usize, b: usize) -> (usize, usize) {
    match (toks.get(a), b.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(s), Some(e)) if a < b => (s.start, e.end),
        _ => (0, 0),
    }
}

/// Does the phrase look like a personal name ("Homayoun Mohtaat", "Sen. Lindsey Graham")?
fn looks_like_name(s: &str) -> bool {
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
fn cut_name(np: &str) -> &str {
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
fn clean_role(role: &str) -> String {
    let r = role.trim();
    let r = ["a ", "an ", "the "]
        .iter()
        .find_map(|p| r.strip_prefix(p))
        .unwrap_or(r);
    r.to_owned()
}

/// A speaker phrase of tokens `a..b` with no apposition.
fn plain_speaker(text: &str, toks: &[Tok<'_>], a: usize, b: usize) -> Speaker {
    Speaker {
        name: cut_name(tok_text(text, toks, a, b)).to_owned(),
        role: None,
        span: tok_span(toks, a, b),
    }
}

/// The comma-separated segments left of the comma at token `comma`, nearest first, up to a
/// hard boundary: (start, end) token ranges, end-exclusive.
fn segments_left(toks: &[Tok<'_>], comma: usize) -> Vec<(usize, usize)> {
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
fn is_filler(toks: &[Tok<'_>], (a, b): (usize, usize)) -> bool {
    b == a + 1
        && toks.get(a).is_some_and(|t| {
            t.text.chars().all(|c| c.is_ascii_digit())
                || t.text.len() <= 7 && t.text.contains('-') && t.is_cap()
                || t.text.ends_with('.') && t.is_cap() && t.text.len() <= 6
        })
}

/// Whether a whole segment is one speaker phrase (after openers): returns its start.
fn whole_np(toks: &[Tok<'_>], (a, b): (usize, usize)) -> Option<usize> {
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
    (np_start(toks, b - 1)? == a).then_some(a)
}

/// The noun phrase that ends a segment after a complementizer or conjunction: "It was three
/// years ago that Michael Bloomberg, who …, said" → "Michael Bloomberg".
fn clause_final_np(toks: &[Tok<'_>], (a, b): (usize, usize)) -> Option<usize> {
    let start = np_start(toks, b.checked_sub(1)?)?;
    let before = start.checked_sub(1)?;
    (before >= a
        && toks[before].in_list("that when after before as because while since if and but so"))
    .then_some(start)
}

/// A speaker that ends in a comma before the verb: "Name, role," / "role, Name," / "Name, who
/// …,". The span covers the head and its appositions.
fn apposition_speaker(text: &str, toks: &[Tok<'_>], comma: usize) -> Option<Speaker> {
    let segs = segments_left(toks, comma);
    // "Smith, in a statement, said" / "DuPont, two months later, announced": parentheticals
    // between the phrase and the verb are skipped.
    let mut k = 0;
    while k < segs.len() && (is_filler(toks, segs[k]) || is_parenthetical(toks, segs[k])) {
        k += 1;
    }
    let app = *segs.get(k)?;
    let app_end = app.1;
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
        // "In Iowa, Smith, at a rally, said": the phrase itself is the speaker.
        let start = (k > 0).then(|| whole_np(toks, app)).flatten()?;
        return Some(plain_speaker(text, toks, start, app.1));
    };
    let head_text = tok_text(text, toks, head_start, head_end);
    let app_text = tok_text(text, toks, head_end + 1, app_end);
    let app_is_name = looks_like_name(app_text) && !looks_like_name(head_text);
    let (name, role) = if app_is_name {
        (app_text, head_text)
    } else {
        (head_text, app_text)
    };
    Some(Speaker {
        name: cut_name(name).to_owned(),
        role: Some(clean_role(role)),
        span: tok_span(toks, head_start, app_end),
    })
}

/// A comma segment that is an aside, not a role: "however", "in a statement", "two months
/// later", "wearing a T-shirt".
fn is_parenthetical(toks: &[Tok<'_>], (a, b): (usize, usize)) -> bool {
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
fn main_subject(text: &str, toks: &[Tok<'_>], limit: usize) -> Option<Speaker> {
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
    let end = np_end(toks, i)?.min(limit);
    (end > i).then(|| plain_speaker(text, toks, i, end))
}

/// A participial phrase before the main clause: "In describing Trump, Cuban said …",
/// "Speaking to reporters, Smith said …". The speaker is the main clause's subject after the
/// comma; the content is the participle's object. Returns (speaker, content).
fn fronted_participle(text: &str, toks: &[Tok<'_>], k: usize, cue_end: usize) -> Option<Said> {
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
fn speaker_left(text: &str, toks: &[Tok<'_>], k: usize, participle: bool) -> Option<Speaker> {
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
    let start = extend_relative(toks, np_start(toks, j)?);
    let lower = t.lower();
    if start == j && lower == "who" {
        // "Smith, who said …": the speaker is the phrase before the relative pronoun.
        let antecedent = j
            .checked_sub(2)
            .filter(|&c| toks[c + 1].is_punct(&[',']))
            .and_then(|c| np_start(toks, c).map(|s| (s, c + 1)));
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
    Some(plain_speaker(text, toks, start, j + 1))
}

/// Words that may open a tail after a verb: prepositions and times ("in a statement").
const TAIL_START: &str = "to in on at during after before last this earlier late early from with \
    while when as about of through via over for by later recently again too also afterward \
    afterwards previously here there then now today tonight yesterday friday";

/// Extends a speaker phrase that starting at token `start` is only the end of a relative or
/// participle clause: "executives who have worked with Lachlan Murdoch say", "a copy of the
/// memo seen by Reuters said". Returns the start of the whole phrase.
fn extend_relative(toks: &[Tok<'_>], start: usize) -> usize {
    // "seen by Reuters": a reduced passive names its agent last.
    if start >= 3
        && toks[start - 1].lower() == "by"
        && toks[start - 2].in_list(REDUCED)
        && let Some(s) = np_start(toks, start - 3)
    {
        return s;
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
fn is_tail(toks: &[Tok<'_>], i: usize) -> bool {
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

/// The speaker after an inverted verb: "…,” said Valle." / "…, said Smith, a spokesman." The
/// phrase must run to the sentence's end, to an apposition, or to a tail of adverbials.
fn speaker_right(rules: &RuleSet, text: &str, toks: &[Tok<'_>], i: usize) -> Option<Speaker> {
    let first = toks.get(i)?;
    if first.in_list(TIME_WORDS) || first.lower() == "that" {
        return None;
    }
    if !(first.is_cap() || is_determiner(first) || first.in_list(PRONOUNS)) {
        return None;
    }
    let mut end = np_end(toks, i)?;
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

// ---------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------

/// Is a clause starting at token `i`: a subject pronoun, or a noun phrase and a finite verb?
fn clause_starts(toks: &[Tok<'_>], i: usize) -> bool {
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
const SPEECH_NOUNS: &str = "allegations allegation accusations accusation reports report claims \
    claim charges charge suggestions suggestion assertions assertion rumors rumours speculation \
    idea notion statements criticism concerns fears warnings assessment findings insinuations \
    view argument arguments theory";

/// A complementizer `that` (or a quotation) after adjuncts of the verb: "said in a statement on
/// Monday that", "told CNN’s Jake Tapper that", "denied reports that". Crosses prepositional
/// phrases, times and adverbs; a noun phrase only as a listener or a noun of speech. Returns the
/// token of `that` or of the quote.
fn that_after_adjuncts(toks: &[Tok<'_>], i: usize, takes_object: bool) -> Option<usize> {
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
fn content_start(
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
    if first.lower() == "that" {
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

// ---------------------------------------------------------------------------------------------
// Explicit attributions
// ---------------------------------------------------------------------------------------------

/// One attribution found in a sentence, in sentence offsets.
#[derive(Debug, Clone)]
struct Found {
    speaker: Speaker,
    cue: (usize, usize),
    content: (usize, usize),
    word: String,
    stance: Stance,
}

/// Whether most words of the sentence are capitalised: a headline ("Trump Says Clinton …").
fn is_title_case(toks: &[Tok<'_>]) -> bool {
    let long: Vec<&Tok<'_>> = toks
        .iter()
        .filter(|t| t.is_word() && t.text.chars().count() > 3)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.is_cap()).count() * 10 >= long.len() * 8
}

/// Whether a cue word at token `k` is used as a verb here, not as a noun or a name ("the early
/// states", "United States", "Rasmussen Reports").
fn cue_is_verb(toks: &[Tok<'_>], k: usize, title: bool) -> bool {
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
    if !t.in_list(NOUNISH_CUES) {
        return true;
    }
    let prev_ok = k.checked_sub(1).is_some_and(|p| {
        let p = &toks[p];
        !is_determiner(p)
            && !is_possessive(p)
            && (p.is_cap() || p.in_list(PRONOUNS) || p.is_punct(&[',']))
    });
    let next_ok = toks.get(k + 1).is_some_and(|n| {
        n.lower() == "that" || n.is_punct(&[':', '“', '"', ',']) || clause_starts(toks, k + 1)
    });
    prev_ok && next_ok
}

/// The token index of the cue match starting at byte `at`, if a token starts there.
fn token_at(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    toks.iter().position(|t| t.start == at)
}

/// The first attribution of a prefix cue ("according to X") at or after token `from`.
fn prefix_attribution(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    let re = rules.matchers.prefixes.as_ref()?;
    let mut at = toks.get(from)?.start;
    while let Some(c) = re.captures_at(text, at) {
        let m = c.get(1)?;
        at = m.end();
        let Some(k) = token_at(toks, m.start()) else {
            continue;
        };
        if inside.get(k).copied().unwrap_or(false) {
            continue;
        }
        let after = toks.iter().position(|t| t.start >= m.end())?;
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
fn prefix_source(text: &str, toks: &[Tok<'_>], k: usize, after: usize) -> Option<Said> {
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
type Said = (Speaker, (usize, usize));

/// The attribution of the verb cue at tokens `k..cue_end`, if the verb has a speaker: a passive
/// report, an inverted speaker ("said Smith"), a fronted participle, or a speaker before the
/// verb.
fn verb_attribution(
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
    let said = if is_passive(toks, cue_end) {
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
fn is_passive(toks: &[Tok<'_>], cue_end: usize) -> bool {
    toks.get(cue_end).is_some_and(|t| t.lower() == "to")
        && toks
            .get(cue_end + 1)
            .is_some_and(|t| t.in_list("have be been having"))
}

/// A passive report has no named speaker; its content is the reported phrase and what it is
/// said to have done. "Gunmen believed to be Boko Haram militants have shot …": a reduced
/// relative ends before the sentence's own verb; "an attack was said to have …" runs to the end.
fn passive_report(text: &str, toks: &[Tok<'_>], k: usize, cue_end: usize) -> Option<Said> {
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
fn inverted(
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
    let quote = prev.is_some_and(|p| p.is_punct(CLOSE_QUOTES) || p.is_punct(&['"']));
    if participle || !(prev.is_none() || quote || comma) {
        return None;
    }
    if comma && j.is_some_and(|j| apposition_speaker(text, toks, j).is_some()) {
        return None;
    }
    let sp = speaker_right(rules, text, toks, cue_end)?;
    Some((sp, (0, content_end_before(toks, k))))
}

/// A speaker before the verb, and the content: before the speaker for a right attribution
/// ("“…,” Bokhari said."), the whole sentence for a quotation on both sides, else after the
/// verb.
fn speaker_first(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    cue_end: usize,
    cue: &crate::rules::Cue,
    participle: bool,
) -> Option<Said> {
    let closes = |t: &Tok<'_>| t.is_punct(CLOSE_QUOTES) || t.is_punct(&['"']);
    let prev = skip_aux_left(toks, k).map(|j| &toks[j]);
    if prev.is_some_and(closes) {
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
    let relative = sp.name == "who" || toks[first].lower() == "who";
    if before_closes && is_tail(toks, cue_end) && !relative {
        // Right attribution: "“…,” Bokhari said." / "…, experts say."
        return Some((sp, (0, content_end_before(toks, first))));
    }
    let middle =
        before.is_some_and(|b| b.is_punct(&[','])) && first >= 2 && closes(&toks[first - 2])
            || before.is_some_and(closes);
    // "Polls show Trump ahead": a study's findings need no clause.
    let needs_clause = cue.needs_clause && !is_evidence(&sp.name);
    let start = content_start(toks, cue_end, needs_clause, takes_object(&cue.word))?;
    let opens = toks
        .get(start)
        .is_some_and(|t| t.is_punct(OPEN_QUOTES) || t.is_punct(&['"']));
    if middle && opens {
        // "“A,” Smith said, “B.”": the quotation on both sides.
        return Some((sp, (0, text.len())));
    }
    Some((sp, (byte(start), text.len())))
}

/// Nouns for studies and records, whose findings are content even without a clause.
const EVIDENCE: &str = "poll polls polling survey surveys study studies report reports analysis \
    data research figures numbers census investigation review audit results tally count records \
    documents document emails memo letter filing filings statistics estimates model models \
    findings evidence footage video videos photos test tests";

/// Whether a speaker name is a study or a record ("a new Quinnipiac poll", "the data").
fn is_evidence(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| has(EVIDENCE, &w.to_lowercase()))
}

/// Whether a cue takes a listener before its content ("told", "asked").
fn takes_object(word: &str) -> bool {
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
fn content_end_before(toks: &[Tok<'_>], k: usize) -> usize {
    let mut e = k;
    while e > 0 && toks[e - 1].is_punct(&[',', '”', '"', '’', '—', '–', ':']) {
        e -= 1;
    }
    e.checked_sub(1).map_or(0, |i| toks[i].end)
}

/// The first attribution whose cue lies at or after token `from` and outside quotations.
fn explicit_from(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    if from == 0
        && let Some(f) = colon_attribution(text, toks)
    {
        return Some(f);
    }
    let prefix = prefix_attribution(rules, text, toks, from, inside);
    let verb = verb_cue_attribution(rules, text, toks, from, inside);
    match (prefix, verb) {
        (Some(p), Some(v)) => Some(if p.cue.0 <= v.cue.0 { p } else { v }),
        (p, v) => p.or(v),
    }
}

/// The first attribution of a reporting verb at or after token `from`, outside quotations.
fn verb_cue_attribution(
    rules: &RuleSet,
    text: &str,
    toks: &[Tok<'_>],
    from: usize,
    inside: &[bool],
) -> Option<Found> {
    let title = is_title_case(toks);
    let re = rules.matchers.verbs.as_ref()?;
    let mut at = toks.get(from)?.start;
    while let Some(c) = re.captures_at(text, at) {
        let m = c.get(1)?;
        at = m.end();
        let Some(k) = token_at(toks, m.start()) else {
            continue;
        };
        if inside.get(k).copied().unwrap_or(false) || !cue_is_verb(toks, k, title) {
            continue;
        }
        let Some(cue) = rules.cues.get(&m.as_str().to_lowercase()) else {
            continue;
        };
        let cue_end = toks
            .iter()
            .position(|t| t.start >= m.end())
            .unwrap_or(toks.len());
        if let Some(f) = verb_attribution(rules, text, toks, k, cue_end, cue) {
            return Some(f);
        }
    }
    None
}

/// A headline that names its speaker before a colon: "Pat Caddell: Democrat Voters Worried
/// About Clinton’s Health", "Trump: “I will win”". The speaker is a short name at the start of
/// a title-case sentence, or of one whose words after the colon are quoted.
fn colon_attribution(text: &str, toks: &[Tok<'_>]) -> Option<Found> {
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

/// Every attribution in a sentence: "Officials said turnout topped 74 percent – a figure the
/// opposition said was inflated" has two, the first content ending where the second speaker's
/// clause starts. A nested attribution ("Officials say two groups claimed …") comes before the
/// one whose content holds it; the others keep their order.
fn explicit_all(rules: &RuleSet, text: &str, starts_inside: bool) -> Vec<Found> {
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
            cut_before(prev, &found, text);
            share_participle_speaker(prev, &mut found, text);
        }
        out.push(found);
    }
    innermost_first(&mut out);
    out
}

/// "…,” Trump said, adding that …": a participle after a comma shares the speaker of the verb
/// before it.
fn share_participle_speaker(prev: &Found, found: &mut Found, text: &str) {
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
fn holds(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 <= b.0 && b.1 <= a.1 && a != b
}

/// Orders nested attributions before those whose content holds them, so that a claim in the
/// inner content takes the inner source; a stable sort otherwise.
fn innermost_first(out: &mut Vec<Found>) {
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
fn cut_before(prev: &mut Found, next: &Found, text: &str) {
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

// ---------------------------------------------------------------------------------------------
// Memory and the document pass
// ---------------------------------------------------------------------------------------------

/// Tracks named speakers for pronouns and surnames across sentences.
#[derive(Default)]
struct Memory {
    last_person: Option<Source>,
    last_org: Option<Source>,
    by_surname: BTreeMap<String, (String, Option<String>)>,
}

impl Memory {
    /// Resolves a speaker phrase to a source name, role and how it was found, and remembers
    /// surnames.
    fn resolve(
        &mut self,
        rules: &RuleSet,
        sp: &Speaker,
        resolve_reference: &dyn Fn(&str) -> Option<String>,
    ) -> Option<(String, Option<String>, Via)> {
        let lower = sp.name.to_lowercase();
        if has(PRONOUNS, &lower) {
            let prev = if matches!(lower.as_str(), "he" | "she" | "i" | "who") {
                &self.last_person
            } else {
                &self.last_org
            };
            // A pronoun with no antecedent yet ("I", the writer) still names a speaker.
            let Some(prev) = prev.as_ref().or(self.last_person.as_ref()) else {
                return Some((sp.name.clone(), None, Via::Pronoun));
            };
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

    /// Remembers the latest person or organisation for later pronouns.
    fn remember(&mut self, source: &Source) {
        if self.is_person(&source.name) {
            self.last_person = Some(source.clone());
        } else {
            self.last_org = Some(source.clone());
        }
    }

    /// Whether a source name is a person's: a titled name ("Mr. Trump"), a name of two or more
    /// words ("Homayoun Mohtaat"), or a single word that is a known surname or not a plural
    /// ("Oromo", not "Villagers").
    fn is_person(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(last) = words.last() else {
            return false;
        };
        let last_lower = last.to_lowercase();
        if has(ROLE_NOUNS, &last_lower) {
            // "the governor", "Imatong State's governor"
            return true;
        }
        if has(INSTITUTIONS, &last_lower) || !last.starts_with(char::is_uppercase) {
            return false;
        }
        // The capitalised tail: "Home minister Lal Krishna Advani" → "Lal Krishna Advani".
        let tail = words
            .iter()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count();
        let titled = words.len() > tail
            || words
                .first()
                .is_some_and(|w| has(TITLES, &w.to_lowercase()));
        match tail {
            0 => false,
            1 if !titled => self.by_surname.contains_key(*last) || !last.ends_with('s'),
            _ => true,
        }
    }
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
                let (name, role, via) = if named {
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
        out.push(resolved.into_iter().map(|(_, a)| a).collect());
    }
    carry_quotes(doc, sentences, &mut out);
    out
}

/// The main attribution of a sentence: the first whose content no other content holds.
fn main_attribution(found: &[Attribution]) -> Option<&Attribution> {
    let span = |a: &Attribution| (a.content.start, a.content.end);
    found
        .iter()
        .find(|a| !found.iter().any(|b| holds(span(b), span(a))))
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
        span: None,
        cue_span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributions of one sentence as (speaker text, name, cue, content text).
    fn attrs(t: &str) -> Vec<(String, String, String, String)> {
        let rules = RuleSet::builtin().unwrap();
        explicit_all(&rules, t, false)
            .into_iter()
            .map(|f| {
                (
                    t[f.speaker.span.0..f.speaker.span.1].to_owned(),
                    f.speaker.name,
                    f.word,
                    t[f.content.0..f.content.1].trim().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn apposition_before_told() {
        let t = "Bill Roggio, a senior fellow at the Foundation for Defense of Democracies, told VOA that the attacks in Russia would help.";
        let a = attrs(t);
        assert_eq!(
            a[0].0,
            "Bill Roggio, a senior fellow at the Foundation for Defense of Democracies"
        );
        assert_eq!((a[0].1.as_str(), a[0].2.as_str()), ("Bill Roggio", "told"));
        assert_eq!(a[0].3, "that the attacks in Russia would help.");
    }

    /// (speaker text, name, cue, content) of the first attribution of a sentence.
    fn first(t: &str) -> (String, String, String, String) {
        attrs(t).into_iter().next().expect("an attribution")
    }

    /// Attributes a whole text and returns, per sentence, (name, via, speaker text) of the
    /// first attribution.
    fn document(text: &str) -> Vec<Option<(String, Via, String)>> {
        let rules = RuleSet::builtin().unwrap();
        let doc = Document::new("t.txt", text.to_owned(), crate::text::DocKind::Text);
        let sentences = crate::text::segment(&doc);
        attribute(&rules, &doc, &sentences, &|_, _| None)
            .into_iter()
            .map(|a| {
                a.first().map(|a| {
                    let sp = a.source.span.map_or("", |s| &text[s.start..s.end]);
                    (a.source.name.clone(), a.source.via, sp.to_owned())
                })
            })
            .collect()
    }

    #[test]
    fn speaker_before_the_verb() {
        let (sp, name, cue, content) = first("Senate leaders also said the bill would pass.");
        assert_eq!(
            (sp.as_str(), name.as_str()),
            ("Senate leaders", "Senate leaders")
        );
        assert_eq!(cue, "said");
        assert_eq!(content, "the bill would pass.");
        // An auxiliary, an adverb and a time stand between speaker and verb.
        let a = first("Mr. Trump has repeatedly said on Monday that he will win.");
        assert_eq!(
            (a.0.as_str(), a.3.as_str()),
            ("Mr. Trump", "that he will win.")
        );
        // A clause before the speaker is not part of it.
        let a = first("As Joel Pollak of Breitbart California observed, the stage itself won.");
        assert_eq!(a.0, "Joel Pollak of Breitbart California");
        let a =
            first("She had a great line a while back when she said flying is no accomplishment.");
        assert_eq!(a.0, "she");
    }

    #[test]
    fn speaker_after_the_verb() {
        let t = "“We will rebuild,” said Jane Smith, the mayor of Springfield.";
        let (sp, name, cue, content) = first(t);
        assert_eq!(sp, "Jane Smith, the mayor of Springfield");
        assert_eq!((name.as_str(), cue.as_str()), ("Jane Smith", "said"));
        assert_eq!(content, "“We will rebuild");
        let a = first("The economy is growing, said the ministry in a statement.");
        assert_eq!(
            (a.0.as_str(), a.3.as_str()),
            ("the ministry", "The economy is growing")
        );
        // "said Monday" is a time, not a speaker.
        assert_eq!(first("Officials said Monday the toll rose.").0, "Officials");
    }

    #[test]
    fn right_attribution_after_content() {
        let a = first("“It was a mistake,” Bokhari said in an interview.");
        assert_eq!(
            (a.0.as_str(), a.3.as_str()),
            ("Bokhari", "“It was a mistake")
        );
        let a = first("Turnout was low, experts say.");
        assert_eq!((a.0.as_str(), a.3.as_str()), ("experts", "Turnout was low"));
        // A quotation on both sides of the speaker is one content.
        let t = "“The incident appears timed,” he said, “to show that terror goes on.”";
        assert_eq!(first(t).3, t);
    }

    #[test]
    fn apposition_roles() {
        let rules = RuleSet::builtin().unwrap();
        let t = "Marty Walz, chair of the council, said the plan failed.";
        let f = explicit_all(&rules, t, false).remove(0);
        assert_eq!(f.speaker.name, "Marty Walz");
        assert_eq!(f.speaker.role.as_deref(), Some("chair of the council"));
        assert_eq!(
            &t[f.speaker.span.0..f.speaker.span.1],
            "Marty Walz, chair of the council"
        );
        // Role first, name second: the name is the head.
        let t = "Her spokesman, Nick Merrill, said the report was false.";
        let f = explicit_all(&rules, t, false).remove(0);
        assert_eq!(f.speaker.name, "Nick Merrill");
        assert_eq!(f.speaker.role.as_deref(), Some("Her spokesman"));
        // Party and state, age, and a parenthetical aside.
        let a =
            first("Sen. Lindsey Graham, R-S.C., a long-shot candidate, said Obama oversold it.");
        assert_eq!(a.0, "Sen. Lindsey Graham, R-S.C., a long-shot candidate");
        let a = first("Trump, however, said the polls were wrong.");
        assert_eq!(a.0, "Trump");
        let a = first("Rep. Elijah Cummings (D-Md.), who chairs the panel, said Clinton was calm.");
        assert_eq!(a.0, "Rep. Elijah Cummings (D-Md.), who chairs the panel");
    }

    #[test]
    fn pronouns_resolve_and_carry() {
        let text = "Jane Smith, the mayor, spoke on Monday.\n\n\
                    Jane Smith said the bridge was safe. She said repairs were done.\n\n\
                    “We will reopen the road. Nobody was hurt,” Smith said.";
        let got = document(text);
        assert_eq!(got[0], None);
        assert_eq!(
            got[1],
            Some((
                "Jane Smith".to_owned(),
                Via::Explicit,
                "Jane Smith".to_owned()
            ))
        );
        // "She" resolves to the last person named.
        assert_eq!(
            got[2],
            Some(("Jane Smith".to_owned(), Via::Pronoun, "She".to_owned()))
        );
        // The first sentence of the quote takes the speaker named in its last sentence.
        let (name, via, span) = got[3].clone().expect("carried");
        assert_eq!(
            (name.as_str(), via, span.as_str()),
            ("Jane Smith", Via::QuoteCarry, "")
        );
        assert_eq!(got[4].as_ref().map(|g| g.2.as_str()), Some("Smith"));
    }

    #[test]
    fn according_to() {
        let a = first(
            "According to a Quinnipiac poll conducted in February, Clinton leads by 4 points.",
        );
        assert_eq!(a.0, "a Quinnipiac poll conducted in February");
        assert_eq!(a.1, "a Quinnipiac poll");
        assert_eq!(a.3, "Clinton leads by 4 points.");
        let a = first("Clinton leads by 4 points, according to the poll.");
        assert_eq!(
            (a.0.as_str(), a.3.as_str()),
            ("the poll", "Clinton leads by 4 points")
        );
    }

    #[test]
    fn content_spans() {
        // The content starts at `that`, after a listener and adjuncts, and excludes the cue.
        assert_eq!(
            first("Trump told CNN’s Jake Tapper on Sunday that he would win.").3,
            "that he would win."
        );
        assert_eq!(
            first("Smith told reporters the vote was rigged.").3,
            "the vote was rigged."
        );
        // A relative `that` after an object is not a complementizer.
        assert!(attrs("The group claimed the attack that killed 143 people.").is_empty());
        // A noun of speech takes its `that` clause.
        assert_eq!(
            first("The ministry rejected allegations that Islamabad was behind it.").3,
            "that Islamabad was behind it."
        );
        // Two attributions: the first content ends where the second speaker's clause starts.
        let all = attrs(
            "Officials said turnout topped 74 percent – a figure the opposition said was inflated.",
        );
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].3, "turnout topped 74 percent");
        assert_eq!(
            (all[1].0.as_str(), all[1].3.as_str()),
            ("the opposition", "was inflated.")
        );
        // A participle after a comma takes the sentence's subject.
        let all =
            attrs("Farooq Abdullah blamed Pakistan for the attack, accusing Islamabad of failing.");
        assert_eq!(all[0].0, "Farooq Abdullah");
    }

    #[test]
    fn quantities_and_ratios_as_speakers() {
        assert_eq!(
            first("About four in 10 voters said life would be worse.").0,
            "About four in 10 voters"
        );
        assert_eq!(
            first("More than 60 percent of voters say the country is on the wrong track.").0,
            "More than 60 percent of voters"
        );
        assert_eq!(
            first("Most of the delegates said they would stay.").0,
            "Most of the delegates"
        );
    }

    #[test]
    fn nouns_and_names_are_not_cues() {
        assert!(attrs("Trump won 30 states with 309 electoral votes.").is_empty());
        assert!(attrs("He visited the United States last year.").is_empty());
        assert!(attrs("The latest Rasmussen Reports poll is out.").is_empty());
        assert!(
            attrs("Both claimed responsibility in two phone calls to a news agency.").is_empty()
        );
        // A cue inside a quotation belongs to the quote, not to the sentence.
        let all = attrs("“I said no,” Smith said.");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].0, "Smith");
    }

    #[test]
    fn headline_speaker_before_a_colon() {
        let a = first("Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues");
        assert_eq!((a.0.as_str(), a.2.as_str()), ("Pat Caddell", ":"));
        assert_eq!(
            a.3,
            "Democrat Voters Worried About Hillary Clinton’s Health Issues"
        );
        assert_eq!(first("Trump: “I will win.”").0, "Trump");
        // A colon in running text is not a cue.
        assert!(attrs("The plan has three parts: taxes, spending and debt.").is_empty());
    }

    #[test]
    fn passive_reports_have_no_named_speaker() {
        let rules = RuleSet::builtin().unwrap();
        let t = "Gunmen believed to be militants have shot dead dozens of people.";
        let f = explicit_all(&rules, t, false).remove(0);
        assert!(!f.speaker.is_named());
        assert_eq!(f.speaker.name, UNNAMED);
        assert_eq!(
            t[f.content.0..f.content.1].trim(),
            "Gunmen believed to be militants"
        );
    }

    #[test]
    fn tokens_split_contractions_quotes_and_keep_abbreviations() {
        let toks: Vec<&str> = tokenize("He's said ''no,'' Sen. Graham -- R-S.C. -- wrote 100,000.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            [
                "He", "'s", "said", "''", "no", ",", "''", "Sen.", "Graham", "--", "R-S.C.", "--",
                "wrote", "100,000", "."
            ]
        );
        let a = first("He's said the race is over.");
        assert_eq!(a.0, "He");
    }

    #[test]
    fn no_panic_on_odd_text() {
        let rules = RuleSet::builtin().unwrap();
        for t in [
            "",
            "said",
            ", said",
            "“",
            "\u{a0}said\u{a0}",
            "Mitt Romney was a worthy foe.\u{a0}... I said\u{a0}so",
            "“Quote,” said",
            "according to",
            "— said — told —",
            "He said: ",
            "(((said)))",
            "Ünïcödé Ñame said “ça va” — déjà vu.",
        ] {
            let _ = explicit_all(&rules, t, false);
            let _ = explicit_all(&rules, t, true);
            let _ = speaker_before(t, t.len() / 2);
        }
    }
}
