//! Word lists (lower-case words separated by spaces) that the attribution stages consult.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Whether `word` is one of the space-separated words of `list`.
pub(super) fn has(list: &'static str, word: &str) -> bool {
    thread_local! {
        /// Each word list as a set, built on first use (keyed by the list's address).
        static SETS: RefCell<HashMap<(usize, usize), HashSet<&'static str>>> =
            RefCell::new(HashMap::new());
    }
    SETS.with(|sets| {
        sets.borrow_mut()
            .entry((list.as_ptr() as usize, list.len()))
            .or_insert_with(|| list.split_whitespace().collect())
            .contains(word)
    })
}

/// Auxiliaries and adverbs that may stand between a speaker and the verb ("has also said").
pub(super) const AUX: &str = "has have had also later previously earlier would will then again further once \
    nevertheless nonetheless \
    still now did does do both all each themselves himself herself itself too even just only \
    already often always never long first simply since ever then- may might could should must \
    can began begin begins started starts kept keeps continued continues stopped went goes \
    repeatedly however though instead meanwhile";

/// Subject pronouns that are a whole speaker phrase.
pub(super) const PRONOUNS: &str = "he she they it we i you who";

/// Words that start a noun phrase; the scan to the left stops after one.
pub(super) const DETERMINERS: &str = "the a an this these those his her their its our my your some many \
    most several all both few each every any another other no one two three four five six seven \
    eight nine ten half more fewer less dozens hundreds thousands millions";

/// Quantifiers that take an `of` phrase: "most of the voters", "one of his aides".
pub(super) const QUANTIFIERS: &str = "most many some all both none one two three four five several few half \
    each any majority minority number plurality third thirds quarter fifth percent share portion \
    handful couple lot dozen dozens hundreds thousands millions rest members group groups \
    segment proportion percentage bulk";

/// Words that make a number approximate: "about four in 10 voters", "more than half of".
pub(super) const APPROXIMATORS: &str = "about almost nearly roughly only just around approximately some \
    over fully barely virtually practically even";

/// spokesman for the campaign", "voters in Iowa".
pub(super) const NP_PREPOSITIONS: &str = "of for at in from with on like including";

/// Words that never belong to a speaker phrase: verbs, conjunctions, subordinators, most
/// prepositions and object pronouns.
pub(super) const STOP: &str = "everything something anything nothing whatever is are was were be been being am has have had do does did will would can \
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
pub(super) const TIME_WORDS: &str = "moment monday tuesday wednesday thursday friday saturday sunday today tonight \
    yesterday tomorrow morning afternoon evening night week weekend month year day january \
    february march april may june july august september october november december jan. feb. aug. \
    sept. oct. nov. dec. last next earlier later recently previously meanwhile however overnight";

/// Discourse openers stripped from the start of a speaker phrase.
pub(super) const OPENERS: &str = "but and yet so still meanwhile however instead also now indeed moreover \
    separately finally then thus hence or";

/// Words that begin an introductory phrase or clause ("In Iowa, …", "When asked, …").
pub(super) const INTRO: &str = "in on at after before during earlier meanwhile later separately however but \
    and since while as last this when if although though because for from with without by under \
    despite asked speaking instead still yet so then now also indeed moreover still once today \
    yesterday unlike like among amid according to of about over through following ahead back \
    days weeks months years hours minutes moments shortly soon not neither";

/// Objects of "told"/"asked" that are skipped before the content ("told reporters that …").
pub(super) const LISTENERS: &str = "reporters journalists lawmakers parliament congress investigators \
    supporters voters viewers listeners readers students members delegates donors audience \
    audiences crowd crowds him her them us me you";

/// Cue words that are also plural nouns ("the early states", "media reports"): they count as
/// verbs only before a clause.
pub(super) const NOUNISH_CUES: &str = "states reports notes claims estimates shows fears suspects finds \
    remarks warnings posts tweets writes calls questions replies recalls counters responds \
    repeats concedes attacks blasts slams backs supports demands plans hopes promises pledges \
    vows urges welcomes cites fear sees knows wants views plan";

/// Base-form cue verbs that are as often nouns ("support for", "his plan", "in defense"): verbs
/// only after a subject or an auxiliary and before no preposition.
pub(super) const NOUN_VERB_CUES: &str = "support backing view plan praise defend blame note call \
    stress feel";

/// Words after which a base-form verb may follow its subject: pronouns, modals, negations.
pub(super) const VERB_LEFT: &str = "i we you they he she it who that which would will can could \
    should might may must do does did not n't never also still to and or strongly";

/// Finite verbs that show a clause has started ("believes [Trump] is …").
pub(super) const FINITE: &str = "is are was were will would could can should may might must has have had \
    did does do won't can't isn't wasn't doesn't didn't hasn't haven't wouldn't couldn't \
    shouldn't won’t can’t isn’t wasn’t doesn’t didn’t hasn’t haven’t wouldn’t couldn’t shouldn’t \
    aren't aren’t weren't weren’t";

/// Common irregular verb forms: a clause's verb, never part of a noun phrase.
pub(super) const IRREGULAR: &str = "went took made came gave got ran saw knew became left felt kept began \
    held brought stood lost paid met sent built fell won spent grew led rose drove broke chose \
    spoke threw fled fought sought struck sold bought caught taught meant lay hit put set cut \
    shut quit beat bore dug drew flew forgot hid hung rode rang sang sank shook slid stole stuck \
    swore swept tore woke wore wept wound goes gets gives takes makes comes runs sees knows \
    leads wins loses can't won't need needs want wants plan plans hope hopes like likes lack \
    lacks face faces remain remains";

/// Singular nouns for a person's role: "the governor said" is a "he" or "she" later.
pub(super) const ROLE_NOUNS: &str = "governor spokesman spokeswoman spokesperson official minister \
    president senator director chairman chairwoman chair leader commander analyst expert \
    professor economist secretary mayor candidate nominee founder ceo executive adviser advisor \
    aide strategist pollster consultant lawyer attorney judge researcher author writer reporter \
    correspondent congressman congresswoman representative ambassador general colonel officer \
    chief manager head member activist organizer voter resident woman man businessman \
    businesswoman father mother son daughter wife husband friend veteran supporter critic \
    delegate";

/// Last words that mark an institution, not a person ("Communist Party").
pub(super) const INSTITUTIONS: &str = "ministry party department committee commission council government \
    agency office army police forces group union organization organisation institute university \
    center centre foundation campaign news times post journal network court bank fund \
    association coalition company corp. inc. administration house senate congress parliament \
    states nations republicans democrats reports poll survey study report statement media press \
    club board service project watch observatory command authority authorities media magazine";

/// Titles that mark a person's name ("Mr. Trump", "Sen. Graham").
pub(super) const TITLES: &str = "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. maj. sgt. capt. adm. prof. \
    rev. pres. president senator governor secretary minister judge justice mayor";

/// Abbreviations whose full stop belongs to the word ("Sen.", "Calif.").
pub(super) const ABBREVIATIONS: &str = "mr mrs ms dr sen sens rep reps gov govs gen lt col maj sgt capt \
    cmdr adm jr sr st prof rev atty supt pres inc corp co ltd no vs etc jan feb aug sept sep oct \
    nov dec ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn \
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo ok nc sc";

/// Lower-case words ending in "-ly" that are nouns, not adverbs ("his family said").
pub(super) const LY_NOUNS: &str = "family ally assembly rally supply monopoly anomaly reply italy july \
    bully belly jelly holly lily sally kelly daily weekly monthly quarterly elderly";
