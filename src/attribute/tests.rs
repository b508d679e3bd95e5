//! Unit tests of the attribution stage: a sentence or a text → speakers, cues and contents.

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
    let a = first("She had a great line a while back when she said flying is no accomplishment.");
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
    let a = first("Sen. Lindsey Graham, R-S.C., a long-shot candidate, said Obama oversold it.");
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
    // The first sentence of the quote takes the speaker named in its last sentence, and the
    // span of that speaker's phrase.
    let (name, via, span) = got[3].clone().expect("carried");
    assert_eq!(
        (name.as_str(), via, span.as_str()),
        ("Jane Smith", Via::QuoteCarry, "Smith")
    );
    assert_eq!(got[4].as_ref().map(|g| g.2.as_str()), Some("Smith"));
}

#[test]
fn according_to() {
    let a =
        first("According to a Quinnipiac poll conducted in February, Clinton leads by 4 points.");
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
    assert!(attrs("Both claimed responsibility in two phone calls to a news agency.").is_empty());
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

#[test]
fn relative_pronouns_which_and_that_speak() {
    let t = "The National Rifle Association, which has endorsed Trump, used the comments in an ad.";
    let (sp, name, cue, content) = first(t);
    assert_eq!(
        (sp.as_str(), name.as_str(), cue.as_str(), content.as_str()),
        (
            "which",
            "The National Rifle Association",
            "endorsed",
            "Trump"
        )
    );
    let t = "He launched Democracy for America, an organization that endorsed Sanders before backing Clinton.";
    let a = attrs(t);
    assert!(
        a.iter()
            .any(|a| a.0 == "that" && a.2 == "endorsed" && a.3.starts_with("Sanders")),
        "{a:?}"
    );
}

#[test]
fn objects_of_stance_verbs_end_before_the_next_verb_phrase() {
    let t = "Mr. Kasich, a Republican, has not endorsed Mr. Trump and has been a pointed critic.";
    let (sp, _, _, content) = first(t);
    assert_eq!(
        (sp.as_str(), content.as_str()),
        ("Mr. Kasich, a Republican", "Mr. Trump")
    );
    let t = "Meanwhile, Clinton endorsed the bipartisan deal, although she made no promises.";
    assert_eq!(first(t).3, "the bipartisan deal");
    // A clause after a verb of speech is kept whole.
    let t = "Rubio said the real extremist on abortion is Hillary Clinton, although he gave no details.";
    assert!(first(t).3.ends_with("gave no details."));
}

#[test]
fn studies_show_and_more_cues() {
    let (sp, _, cue, content) =
        first("The PPIC poll shows the race breaking along familiar lines.");
    assert_eq!(
        (sp.as_str(), cue.as_str(), content.as_str()),
        (
            "The PPIC poll",
            "shows",
            "the race breaking along familiar lines."
        )
    );
    // Multi-word cues from the rules: "vouched for".
    let (sp, _, cue, content) =
        first("Sheriff Joe Arpaio vouched for Trump's proposal to build a wall.");
    assert_eq!(
        (sp.as_str(), cue.as_str(), content.as_str()),
        (
            "Sheriff Joe Arpaio",
            "vouched for",
            "Trump's proposal to build a wall."
        )
    );
    // A hyphenated participle is an adjective inside the speaker phrase.
    let t = "China's state-owned investment giant CITIC says it has established a fund.";
    assert_eq!(first(t).0, "China's state-owned investment giant CITIC");
}

#[test]
fn according_to_keeps_its_own_source_after_a_verb_cue() {
    let t = "Six soldiers were killed when al-Shabab attacked two bases, according to officials and residents.";
    let a = attrs(t);
    assert!(
        a.iter()
            .any(|a| a.2 == "according to" && a.1 == "officials and residents"),
        "{a:?}"
    );
}

#[test]
fn studies_with_an_object_and_a_description() {
    let a = first(
        "Students take 112 tests by the time they graduate, a study by the Council of the Great City Schools found.",
    );
    assert_eq!(a.0, "a study by the Council of the Great City Schools");
    assert_eq!(a.3, "Students take 112 tests by the time they graduate");
    let a = first(
        "A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a 16-point lead.",
    );
    assert!(a.0.starts_with("A CNN/ORC poll"), "{a:?}");
    assert_eq!(a.3, "Mr. Trump with a 16-point lead.");
    let a = first(
        "For the first time, a poll shows Sen. Bernie Sanders leading Hillary Clinton nationally.",
    );
    assert_eq!((a.0.as_str(), a.2.as_str()), ("a poll", "shows"));
    let a = first(
        "A survey by the organization in March found Mrs. Clinton with a lead of 48 percent.",
    );
    assert!(a.0.starts_with("A survey by the organization"), "{a:?}");
}

#[test]
fn sentence_opening_with_its_poll() {
    let a = attrs(
        "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton.",
    );
    let poll = a.iter().find(|a| a.2 == "in").expect("the poll");
    assert_eq!(
        poll.0,
        "an NBC News/Wall Street Journal poll released Monday"
    );
    assert_eq!(poll.3, "50 percent of respondents chose Clinton.");
    assert!(attrs("In Iowa, voters chose Clinton.").is_empty());
}

#[test]
fn accused_someone_of_something() {
    let a = first(
        "Former reporter Michelle Fields accused campaign manager Corey Lewandowski of grabbing her.",
    );
    assert_eq!(
        (a.0.as_str(), a.2.as_str()),
        ("Former reporter Michelle Fields", "accused")
    );
    assert_eq!(a.3, "campaign manager Corey Lewandowski of grabbing her.");
    // Without a clause or an `of` phrase, "accused" reports nothing.
    assert!(attrs("The police accused the man.").is_empty());
}

#[test]
fn participles_after_an_object_and_citing() {
    let a = first("The campaign released a statement saying the senator would not attend.");
    assert_eq!((a.0.as_str(), a.2.as_str()), ("The campaign", "saying"));
    let a = attrs("Mr. Manafort, citing the unique magic of Trump, said the race was close.");
    let citing = a.iter().find(|a| a.2 == "citing").expect("citing");
    assert_eq!(citing.0, "Mr. Manafort");
    assert!(
        citing.3.starts_with("the unique magic of Trump"),
        "{citing:?}"
    );
}

#[test]
fn intent_before_an_infinitive() {
    let a = first(
        "The Republican presidential candidate plans to be back in South Carolina later Saturday.",
    );
    assert_eq!(
        (a.0.as_str(), a.2.as_str()),
        ("The Republican presidential candidate", "plans")
    );
    assert_eq!(a.3, "to be back in South Carolina later Saturday.");
    assert!(attrs("His plans to build a wall drew criticism.").is_empty());
}

#[test]
fn coordinated_and_quantified_speakers() {
    assert_eq!(
        first("Union members and leaders say the deal is bad.").0,
        "Union members and leaders"
    );
    assert_eq!(
        first("Senators and aides said the bill would pass.").0,
        "Senators and aides"
    );
    assert_eq!(
        first("Now 52 percent of registered voters say the country is on the wrong track.").0,
        "52 percent of registered voters"
    );
    assert_eq!(
        first("Yet many in the Republican establishment backed the deal.").0,
        "many in the Republican establishment"
    );
}

#[test]
fn participle_takes_the_whole_subject() {
    // The subject of the main verb keeps its apposition and its plural head.
    let a =
        first("Ann Lee, a spokeswoman for the mayor, has expanded on the plan, saying it works.");
    assert_eq!(a.0, "Ann Lee, a spokeswoman for the mayor");
    assert_eq!(a.1, "Ann Lee");
    let all = attrs("Gay rights groups condemned the vote but praised the senators.");
    assert!(all.iter().all(|a| a.0 == "Gay rights groups"), "{all:?}");
    let a = first("Tax reform advocates have launched petitions calling on the board to act.");
    assert_eq!(a.0, "Tax reform advocates");
    // A relative clause's verb is not the main verb: its phrase starts at "who".
    let a = first("Mr. Reed, who won the race, has talked about it, saying he would stay.");
    assert_eq!(a.0, "Mr. Reed, who won the race");
    let all = attrs(
        "Mr. Reed, who said last week that he was tired, issued a statement Tuesday saying he would stay.",
    );
    // (A relative clause with its own verb of saying is not part of the phrase.)
    assert_eq!(all[1].0, "Mr. Reed");
    assert_eq!(all[0].0, "who");
    // No clear verb: the noun phrase at the start, as before.
    assert_eq!(first("Smith praises the plan, saying it works.").0, "Smith");
}

#[test]
fn coordinated_subjects() {
    assert_eq!(
        first("But attorneys and legal experts said that is unlikely.").0,
        "attorneys and legal experts"
    );
    assert_eq!(
        first("The campaign and some cybersecurity experts have alleged that Russia did it.").0,
        "The campaign and some cybersecurity experts"
    );
    let a = first("She and her aides have vowed to win back trust.");
    assert_eq!(
        (a.0.as_str(), a.1.as_str()),
        ("She and her aides", "her aides")
    );
    assert_eq!(
        first("Mr. Rubio's father and mother said they married in Cuba.").0,
        "Mr. Rubio's father and mother"
    );
    // Not an object of an earlier verb, nor a participle's object.
    assert_eq!(
        first("He met Trump and aides said the talks went well.").0,
        "aides"
    );
    assert_eq!(
        first("Miners marched, demanding pay and officials said the talks failed.").0,
        "officials"
    );
}

#[test]
fn role_phrases_refer_to_named_speakers() {
    let text = "Spokesman Colonel Bryan Hilferty says no aircraft were used.\n\n\
                Afghan officials said Monday that an air strike had killed civilians.\n\n\
                The spokesman adds that troops could not examine the bodies.\n\n\
                The governor said the road was closed.\n\n\
                A spokesman for the ministry said the talks failed.";
    let got = document(text);
    // "The spokesman" is the named speaker introduced with that role; its span stays its own.
    assert_eq!(
        got[2],
        Some((
            "Spokesman Colonel Bryan Hilferty".to_owned(),
            Via::Explicit,
            "The spokesman".to_owned()
        ))
    );
    // No governor was named before; an indefinite role introduces someone new.
    assert_eq!(got[3].as_ref().map(|g| g.0.as_str()), Some("governor"));
    assert_eq!(
        got[4].as_ref().map(|g| g.0.as_str()),
        Some("spokesman for the ministry")
    );
}

#[test]
fn role_reference_needs_a_definite_role_phrase() {
    assert_eq!(
        role_reference("The spokesman").as_deref(),
        Some("spokesman")
    );
    assert_eq!(
        role_reference("Imatong State's governor").as_deref(),
        Some("governor")
    );
    assert_eq!(role_reference("a spokesman"), None);
    assert_eq!(role_reference("spokesman"), None);
    assert_eq!(role_reference("the campaign"), None);
    assert_eq!(role_reference("The spokesman Nick Merrill"), None);
}

#[test]
fn service_nouns_keep_whom_they_serve() {
    assert_eq!(
        first("“It is old,” said a longtime adviser to Trump.").0,
        "a longtime adviser to Trump"
    );
    // A listener is not whom the speaker serves.
    assert_eq!(
        first("“It works,” said the spokesman to the crowd in Iowa.").0,
        "the spokesman"
    );
    assert_eq!(first("“It works,” said Smith to reporters.").0, "Smith");
}

#[test]
fn inverted_speaker_with_lower_case_modifiers() {
    let t = "\"There has been speculation,\" said former Utah governor Michael Leavitt.";
    assert_eq!(first(t).0, "former Utah governor Michael Leavitt");
    // A restrictive relative clause describes the speaker but is not part of the phrase.
    let t = "\"We should have spent more,\" said a Democratic strategist who spoke anonymously.";
    assert_eq!(first(t).0, "a Democratic strategist");
    // A lower-case phrase with no name after the verb is no speaker.
    assert!(attrs("\"It is over,\" said nothing about the race.").is_empty());
}

#[test]
fn a_sentence_cut_inside_a_straight_quotation_starts_inside_it() {
    let (sp, _, cue, content) = first("No, not at all,'' she said.");
    assert_eq!((sp.as_str(), cue.as_str()), ("she", "said"));
    assert_eq!(content, "No, not at all");
    // An opening quotation after a verb is not a closing one.
    let (sp, _, _, content) = first("Smith said ''we will win.");
    assert_eq!(sp, "Smith");
    assert!(content.contains("we will win"));
}

#[test]
fn accuser_named_with_the_allegation() {
    for (t, span, content) in [
        (
            "He denied accusations by Ugandan military captain Chris Magezi, who is spokesman for the operation, that LRA fighters used machetes to carry out the killings.",
            "Ugandan military captain Chris Magezi, who is spokesman for the operation",
            "that LRA fighters used machetes to carry out the killings.",
        ),
        // A relative clause without commas runs to the complementizer.
        (
            "He denied accusations by Ugandan military captain Chris Magezi who is spokesman for the joint military operation that LRA fighters used machetes.",
            "Ugandan military captain Chris Magezi who is spokesman for the joint military operation",
            "that LRA fighters used machetes.",
        ),
    ] {
        let a = attrs(t);
        let magezi = a
            .iter()
            .find(|x| x.2 == "accusations")
            .expect("the accuser's attribution");
        assert_eq!(magezi.0, span);
        assert_eq!(magezi.1, "Ugandan military captain Chris Magezi");
        assert_eq!(magezi.3, content);
        // The accuser's claim is the innermost attribution: it comes first.
        assert_eq!(a[0].2, "accusations");
        // The denial keeps its own speaker.
        assert!(a.iter().any(|x| x.0 == "He" && x.2 == "denied"), "{a:?}");
    }

    for (t, noun, speaker) in [
        (
            "The ministry rejected claims by the opposition that the vote was rigged.",
            "claims",
            "the opposition",
        ),
        (
            "Officials dismissed reports from Reuters that the talks had collapsed.",
            "reports",
            "Reuters",
        ),
        (
            "She denied charges by prosecutors that she had lied to investigators.",
            "charges",
            "prosecutors",
        ),
    ] {
        let a = attrs(t);
        let f = a.iter().find(|x| x.2 == noun).expect(t);
        assert_eq!(f.0, speaker, "{t}");
        assert!(f.3.starts_with("that "), "{t}: {f:?}");
    }
    // A relative clause after the agent is no content: "groups that support him".
    let a = attrs("He brushed aside claims by groups that support the senator.");
    assert!(a.iter().all(|x| x.2 != "claims"), "{a:?}");
    // Agent-less nouns name no accuser here.
    let a = attrs("Reports that the talks had collapsed were wrong.");
    assert!(a.iter().all(|x| x.2 != "reports"), "{a:?}");
}

#[test]
fn possessive_owner_of_a_claim() {
    let t = "Critics pounced on Trump's claim that thousands of people had cheered.";
    let a = attrs(t);
    let f = a.iter().find(|x| x.2 == "claim").expect("the claim");
    assert_eq!((f.0.as_str(), f.1.as_str()), ("Trump's", "Trump"));
    assert_eq!(f.3, "that thousands of people had cheered.");
    let t = "She came under fire over her assertion during the debate that we now finally are where we need to be.";
    let f = first(t);
    assert_eq!(
        (f.0.as_str(), f.1.as_str(), f.2.as_str()),
        ("her", "she", "assertion")
    );
    // No clause, no content: "his claim to the throne".
    let a = attrs("He pressed his claim to the nomination.");
    assert!(a.iter().all(|x| x.2 != "claim"), "{a:?}");
}

#[test]
fn relative_clauses_ages_and_shares_in_speakers() {
    let (sp, name, _, content) = first(
        "Michael Seaman, who lives in an unincorporated area outside of the state capital, Sacramento, said he still prays.",
    );
    assert_eq!(
        sp,
        "Michael Seaman, who lives in an unincorporated area outside of the state capital, Sacramento"
    );
    assert_eq!(name, "Michael Seaman");
    assert_eq!(content, "he still prays.");
    let (sp, name, _, _) = first(
        "Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes.",
    );
    assert_eq!(name, "Sanders");
    assert!(sp.starts_with("Sanders"), "{sp}");
    let (sp, name, _, _) =
        first("Carlos Guerrero, 55, said he had been willing to look the other way.");
    assert_eq!(
        (sp.as_str(), name.as_str()),
        ("Carlos Guerrero, 55", "Carlos Guerrero")
    );
    let (sp, _, _, _) = first(
        "Clinton, during a town hall meeting in Columbus, Ohio, said she was going to put coal companies out of business.",
    );
    assert_eq!(sp, "Clinton");
    let (sp, _, _, _) = first("On economic issues, 42% say they are liberal.");
    assert_eq!(sp, "42%");
    let (sp, _, _, _) =
        first("Until the shutdown, most of them said they had loved working there.");
    assert_eq!(sp, "most of them");
}

#[test]
fn a_quotation_before_its_speaker_is_the_content_whatever_follows_the_verb() {
    for (t, content) in [
        (
            "\u{201c}Absolutely,\u{201d} he said when asked by a reporter if that remains his view.",
            "Absolutely",
        ),
        (
            "\"You bet I would,\" Christie said when asked whether he would issue a quarantine.",
            "You bet I would",
        ),
        (
            "\u{201c}We were never consulted,\u{201d} Smith said after a meeting with the governor, who declined to comment.",
            "We were never consulted",
        ),
    ] {
        let got = first(t).3;
        assert_eq!(got.trim_matches(['\u{201c}', '"']), content, "{t}");
    }
    // The verb's own quotation or `that` clause is still its content.
    let (_, _, _, c) = first("\u{201c}No,\u{201d} she said, \u{201c}we will stay.\u{201d}");
    assert!(c.contains("we will stay"), "{c}");
}

#[test]
fn speakers_behind_asides_modifiers_and_plural_subjects() {
    for (t, speaker, name) in [
        (
            "Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said he would welcome Cruz.",
            "Sen. Chuck Grassley",
            "Sen. Chuck Grassley",
        ),
        (
            "The Republican challenger, one-time venture capitalist Mitt Romney, called the report terrible.",
            "The Republican challenger, one-time venture capitalist Mitt Romney",
            "Mitt Romney",
        ),
        (
            "Some Democratic strategists fear that Clinton has missed an opportunity.",
            "Some Democratic strategists",
            "Some Democratic strategists",
        ),
        (
            "At the meeting, the Christie supporter retorted: \u{201c}There is a special place in hell.\u{201d}",
            "the Christie supporter",
            "the Christie supporter",
        ),
    ] {
        let (sp, n, _, _) = first(t);
        assert_eq!((sp.as_str(), n.as_str()), (speaker, name), "{t}");
    }
    // A determiner opens a role, not a modified name: the head stays the speaker.
    let (_, n, _, _) = first("The group, the Friends of Abe, said it would meet.");
    assert_ne!(n, "Friends of Abe");
}

#[test]
fn own_counts_stray_commas_figures_and_progressive_denials() {
    // "according to its count" is the announcer's own count: one attribution, uncut.
    let a = attrs(
        "Earlier, the Civic United Front announced that, according to its count, Mr. Hamad had received almost 51 percent of the vote.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, "the Civic United Front");
    assert!(a[0].3.ends_with("51 percent of the vote."), "{}", a[0].3);
    for (t, name, cue) in [
        (
            "ZIMSTAT director general Mutasa Dzinotizei, told executives that the rate is far lower.",
            "ZIMSTAT director general Mutasa Dzinotizei",
            "told",
        ),
        (
            "Afghanistan is a place where the United Nations estimates more than 2,000 civilians were killed last year.",
            "the United Nations",
            "estimates",
        ),
        (
            "Pakistan's government is denying it played a role in the attack.",
            "Pakistan's government",
            "denying",
        ),
    ] {
        let (_, n, c, _) = first(t);
        assert_eq!((n.as_str(), c.as_str()), (name, cue), "{t}");
    }
    // Not a sentence-opening name: a stray comma after a lower-case phrase is no speaker.
    assert!(attrs("Officials in the region, told reporters nothing.").is_empty());
}

#[test]
fn relatives_adverbs_and_pronoun_subjects() {
    for (t, name) in [
        (
            "Reuters quoted sources at the meeting who said officials reproached the station.",
            "sources",
        ),
        (
            "On Monday, Smith met with prosecutors who told her she would be charged.",
            "prosecutors",
        ),
        (
            "Analysts say the militants are better armed than the military, which nevertheless has vowed it will not give up any territory.",
            "the military",
        ),
    ] {
        let a = attrs(t);
        assert!(a.iter().any(|x| x.1 == name), "{t}: {a:?}");
    }
    // "who they say use …": "they" speaks; the phrase before "who" is not its speaker.
    let a = attrs("Officials blame the insurgents who they say use civilians as human shields.");
    assert!(a.iter().any(|x| x.0 == "they"), "{a:?}");
}

#[test]
fn a_pronoun_with_no_antecedent_is_not_remembered_but_an_acronym_is() {
    let d = document(
        "They said the toll would rise.\n\nOfficials in Kabul said five people were killed. He said the number was final.\n\nThe WHO said 100 cases were recorded. It said more were expected.\n",
    );
    assert_eq!(d[0].as_ref().map(|x| x.0.as_str()), Some("They"));
    // "He" finds no person: it stays itself, not the first sentence's "They".
    assert_eq!(d[2].as_ref().map(|x| x.0.as_str()), Some("He"));
    // An acronym is a name, not the pronoun "who".
    assert_eq!(d[3].as_ref().map(|x| x.0.as_str()), Some("WHO"));
}

#[test]
fn a_coordinated_verb_shares_the_whole_subject() {
    let a = attrs("Trade unions said the rate was high and accused the government of lying.");
    assert!(a.iter().all(|x| x.1 == "Trade unions"), "{a:?}");
}

#[test]
fn participles_that_modify_a_noun_are_not_cues() {
    assert!(attrs("Sierra Leone had 76 new confirmed cases last week.").is_empty());
    assert!(attrs("Eritreans accused of crimes must be tried at home.").is_empty());
    // An active verb with its object and "of" still reports.
    assert_eq!(
        first("Sudan accused the south of supporting rebels.").1,
        "Sudan"
    );
}

#[test]
fn a_reduced_participle_ends_the_role_and_it_means_the_sentence_subject() {
    let (_, name, _, _) = first(
        "A spokesperson for the UFDD based in Dakar, Makaila Nguebla, says that 80 fighters were killed.",
    );
    assert_eq!(name, "Makaila Nguebla");
    let d = document(
        "Colonel Ann Smith said the attack failed.\n\nThe ministry rejected what it called baseless allegations.\n\nLocal officials rejected what they called a smear.\n",
    );
    // "it" is the ministry, not the last named person.
    assert_eq!(d[1].as_ref().map(|x| x.0.as_str()), Some("ministry"));
    // "they" agrees with the plural subject.
    assert_eq!(d[2].as_ref().map(|x| x.0.as_str()), Some("Local officials"));
}
