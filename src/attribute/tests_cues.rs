//! Unit tests of the cue lexicon and cue mechanisms: particles, base forms, "asked" openers,
//! raising verbs.

use super::*;

/// The attributions of one sentence as (speaker text, cue text, content text).
fn attrs(t: &str) -> Vec<(String, String, String)> {
    let rules = RuleSet::builtin().unwrap();
    explicit_all(&rules, t, false)
        .into_iter()
        .map(|f| {
            (
                t[f.speaker.span.0..f.speaker.span.1].to_owned(),
                t[f.cue.0..f.cue.1].to_owned(),
                t[f.content.0..f.content.1].trim().to_owned(),
            )
        })
        .collect()
}

/// The cue texts of a sentence's attributions.
fn cues(t: &str) -> Vec<String> {
    attrs(t).into_iter().map(|a| a.1).collect()
}

#[test]
fn a_verb_with_its_particle_is_a_cue() {
    let a = attrs("Trump calls for a ban on new arrivals.");
    assert_eq!(a[0].0, "Trump");
    assert_eq!(a[0].1, "calls for");
    // A noun after a determiner stays a noun.
    assert!(cues("The calls for a ban grew louder.").is_empty());
}

#[test]
fn accused_takes_an_object_pronoun() {
    let a = attrs("He lost his temper when Clinton accused him of an artful smear.");
    let acc = a.iter().find(|a| a.1 == "accused").expect("accused");
    assert_eq!(acc.0, "Clinton");
    assert!(acc.2.starts_with("him of an artful smear"));
}

#[test]
fn base_forms_that_may_be_nouns() {
    let a = attrs("Many voters feel that the race is over.");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Many voters", "feel"));
    let a = attrs("They plan to hold a rally on Sunday.");
    assert_eq!(a[0].1, "plan");
    // Nouns: after a possessive, before a preposition.
    assert!(cues("Clinton's plan for the economy is costly.").is_empty());
    assert!(cues("There is a note of caution in the markets.").is_empty());
}

#[test]
fn new_verbs_and_phrases() {
    let a = attrs("Republican leaders balked at the proposal.");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str()),
        ("Republican leaders", "balked at")
    );
    let a = attrs("Sanders went after the banks in his speech.");
    assert_eq!(a[0].1, "went after");
    let a = attrs("Observers emphasized that the vote was close.");
    assert_eq!(a[0].2, "that the vote was close.");
}

#[test]
fn an_asked_opener_reports_the_question() {
    let a = attrs("Asked on Monday whether he would run, Smith said he had not decided.");
    assert_eq!(a[0].1, "Asked");
    assert_eq!(a[0].2, "whether he would run");
    assert!(a.iter().any(|a| a.0 == "Smith" && a.1 == "said"));
    let a = attrs("When asked about the deal, the senator said it was fair.");
    assert!(a.iter().any(|a| a.1 == "asked about" && a.2 == "the deal"));
    assert!(
        a.iter()
            .any(|a| a.0 == "the senator" && a.2 == "it was fair.")
    );
    // "Asked" as a plain verb later in the sentence is no opener.
    assert!(!cues("Reporters asked questions all day.").contains(&"Asked".to_owned()));
    // A comma inside the quoted question does not end it.
    let a = attrs("Asked if Sanders is “realistic enough,” 72 percent of Democrats said yes.");
    assert!(
        a.iter()
            .any(|a| a.1 == "Asked" && a.2 == "if Sanders is “realistic enough"),
        "{a:?}"
    );
}

#[test]
fn raising_verbs_report_without_a_source() {
    let a = attrs("The senator is expected to announce her bid on Friday.");
    assert_eq!(a[0].1, "is expected");
    assert!(a[0].2.starts_with("The senator is expected to announce"));
    let a = attrs("The two candidates seemed to agree on trade.");
    assert_eq!(a[0].1, "seemed");
    // Not before a place or a time: "appeared on Fox News".
    assert!(cues("Trump appeared on Fox News on Sunday.").is_empty());
    // Within a named speaker's content it is the speaker's report.
    let a = attrs("Pollsters said that voters seem to favor the incumbent.");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0, "Pollsters");
}

#[test]
fn a_sentence_opening_with_said() {
    let a = attrs("Said Jane Doe, who grew up next door: “We were all so proud of him.”");
    assert!(a[0].0.starts_with("Jane Doe"));
    assert_eq!(a[0].2, "“We were all so proud of him.”");
    // Nothing after the speaker: nothing reported.
    assert!(cues("Said Jane Doe.").is_empty());
}

#[test]
fn plural_noun_cues_as_verbs() {
    let a = attrs("Now she wants voters to know that she is with them.");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("she", "wants"));
    let a = attrs("Former leader Calderon calls Trump’s idea for a wall stupid.");
    assert_eq!(a[0].1, "calls");
    assert!(a[0].0.ends_with("Calderon"));
    // A noun after an adjective or a verb, even before `that`.
    assert!(cues("The group can launch complex attacks that could kill many.").is_empty());
    assert!(cues("Officials are disputing reports that a jet crashed.").len() <= 1);
    assert!(
        !cues("Officials are disputing reports that a jet crashed.")
            .contains(&"reports".to_owned())
    );
}

#[test]
fn phrases_of_speech() {
    let a = attrs("The senator took credit for the falling crime rate.");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str()),
        ("The senator", "took credit for")
    );
    // Not a physical act: "laid out", "points to" are no cues.
    assert!(cues("The bodies were laid out in a building.").is_empty());
    assert!(cues("Prices fell by 1,000 percentage points to 6,000 percent.").is_empty());
}

#[test]
fn acts_and_attitudes_that_corpora_attribute_are_cues() {
    let a = attrs("Most senators voted against the bill on Tuesday.");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str()),
        ("Most senators", "voted against")
    );
    let a = attrs("Many voters see the economy as the top issue.");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Many voters", "see"));
    // A noun after a determiner stays a noun.
    assert!(cues("The call came late on Tuesday.").is_empty());
}

#[test]
fn cue_spans_take_the_verb_group_before_the_verb() {
    assert_eq!(
        cues("The mayor has also said that taxes will rise."),
        ["has also said"]
    );
    assert_eq!(
        cues("Officials did not say when the road would reopen."),
        ["did not say"]
    );
    assert_eq!(
        cues("She repeatedly denied that the money was hers."),
        ["repeatedly denied"]
    );
    assert_eq!(
        cues("They’ve argued that the plan is too costly."),
        ["’ve argued"]
    );
    assert_eq!(
        cues("He didn’t immediately respond to the charge that he lied."),
        ["didn’t immediately respond"]
    );
    // Neither the speaker nor a content before the cue joins it.
    assert_eq!(cues("“We will win,” Smith has said."), ["has said"]);
    assert_eq!(
        cues("“Prices will fall soon,” said the minister."),
        ["said"]
    );
    // A capitalised word or a conjunction ends the group.
    assert_eq!(
        cues("Jones and Smith then said the vote was rigged."),
        ["then said"]
    );
    assert_eq!(cues("Turnout rose, and officials said so."), ["said"]);
}

#[test]
fn cue_spans_take_a_topic_preposition_and_a_medium() {
    let a = attrs("The senator has warned against a second term for the chairman.");
    assert_eq!(a[0].1, "has warned against");
    assert_eq!(a[0].2, "a second term for the chairman.");
    let a = attrs("The governor said in a statement that the bill was flawed.");
    assert_eq!(a[0].1, "said in a statement");
    assert_eq!(a[0].2, "that the bill was flawed.");
    let a = attrs("“We will not back down,” the union wrote on Twitter.");
    assert_eq!(a[0].1, "wrote on Twitter");
    // An amount or a period is no topic; a time is no medium.
    let a = attrs("Witnesses said about a thousand rebels took part.");
    assert_eq!(a[0].1, "said");
    assert_eq!(a[0].2, "about a thousand rebels took part.");
    assert_eq!(
        cues("Officials said on Monday that the bridge was safe."),
        ["said"]
    );
}
