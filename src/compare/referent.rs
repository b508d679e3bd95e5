//! What a denial's own words say it answers. "Rebels deny the claim" answers a claim told before
//! it; "denied accusations by Captain Chris Magezi" answers what Magezi said. Both are read from
//! the denial's clause, so they hold for any denial wording the rules recognise.

use regex::Regex;
use std::sync::LazyLock;

/// A denial's object, when it names an earlier statement: "the claim", "the charges raised by
/// Navalny and others", "accusations from the army that …".
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^[^,;:]{0,40}?
        \b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|disput\w*|refut\w*|rebuff\w*|rebut\w*)\s+
        (?:(?P<det>the|these|those|this|that|such|its|their|his|her)\s+)?
        (?:[\p{L}-]+\s+){0,2}?
        (?P<noun>claims?|charges?|reports?|accusations?|allegations?|assertions?|rumou?rs?|stor(?:y|ies)|accounts?|estimates?|figures?|numbers?|statistics)\b
        (?P<rest>[^,;:]*)",
    )
    .expect("the denial-object pattern compiles")
});

/// Who made the statement a denial answers: "by X", "from X", "raised by X", up to a "that" clause.
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:(?:raised|made|leveled|levelled|published|issued|circulated|put\s+forward|voiced)\s+)?(?:by|from)\s+(?P<who>.+?)(?:\s+that\b.*)?\s*[.!?]?\s*$",
    )
    .expect("the accuser pattern compiles")
});

/// A clause that makes less of something ("had only been an incursion", "was nothing more than a
/// scuffle"): it answers an account told before it.
static MINIMISER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:was|were|is|are|had|has|have|been|so)\s+){0,2}(?:only|merely|nothing\s+more\s+than|no\s+more\s+than)\b")
        .expect("the minimiser pattern compiles")
});

/// What a denial's clause says about the statement it answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Referent {
    /// The statement was told before the denial: the object is definite and says nothing more
    /// ("deny the claim", "denies the charges raised by Navalny").
    pub back: bool,
    /// Who made the statement, as the denial names them ("Navalny and others").
    pub by: Option<String>,
    /// The stem of the object's noun ("claim", "report", "accus", "alleg", "charg"): the
    /// statement was likely made with a verb of that stem ("claimed", "reported").
    pub stem: Option<&'static str>,
    /// The object is a demonstrative ("those estimates", "these figures"): it means what was
    /// just told, not every figure before it.
    pub demonstrative: bool,
}

/// Stems shared by a noun of statement and its verb: "claims"/"claimed", "accusations"/"accused".
const STEMS: [&str; 6] = ["claim", "report", "accus", "alleg", "charg", "assert"];

impl Referent {
    /// Whether a cue word shares the object's stem ("denied the claims" / "claimed").
    pub fn named_by_cue(&self, cue: &str) -> bool {
        self.stem.is_some_and(|s| cue.to_lowercase().starts_with(s))
    }
}

/// Reads a denial's clause (from the denial to the end of its clause).
pub(super) fn referent(scope: &str) -> Referent {
    if MINIMISER.is_match(scope) {
        return Referent {
            back: true,
            ..Referent::default()
        };
    }
    let Some(c) = OBJECT.captures(scope) else {
        return Referent::default();
    };
    let rest = c.name("rest").map_or("", |m| m.as_str());
    let by = BY
        .captures(rest)
        .and_then(|b| b.name("who"))
        .map(|m| m.as_str().trim().to_owned())
        .filter(|w| !w.is_empty());
    // "the reports that troops moved in" says what it denies; "the reports" or "the reports by
    // the newspaper" only point back.
    let content = rest.trim_start().to_lowercase();
    let says_what = content.starts_with("that ")
        || content.starts_with("of ")
        || content.starts_with("about ")
        || by.is_none() && !content.is_empty();
    let noun = c
        .name("noun")
        .map_or(String::new(), |m| m.as_str().to_lowercase());
    Referent {
        back: c.name("det").is_some() && !says_what,
        by,
        stem: STEMS.into_iter().find(|s| noun.starts_with(s)),
        demonstrative: c.name("det").is_some_and(|d| {
            matches!(
                d.as_str().to_lowercase().as_str(),
                "these" | "those" | "this" | "that"
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definite_object_points_back() {
        let r = referent("deny the claim");
        assert!(r.back);
        assert!(r.named_by_cue("claimed") && !r.named_by_cue("said"));
        assert_eq!(r.by, None);
        let r = referent("denies the charges raised by Navalny and others.");
        assert!(r.back);
        assert_eq!(r.by.as_deref(), Some("Navalny and others"));
    }

    #[test]
    fn an_accuser_is_named_with_or_without_a_content_clause() {
        let r = referent(
            "denied accusations by Ugandan military captain Chris Magezi that LRA fighters did it",
        );
        assert!(!r.back);
        assert_eq!(
            r.by.as_deref(),
            Some("Ugandan military captain Chris Magezi")
        );
        let r = referent("rejected the allegations from the army");
        assert!(r.back);
        assert_eq!(r.by.as_deref(), Some("the army"));
    }

    #[test]
    fn a_demonstrative_object_points_back_to_what_was_just_told() {
        let r = referent("disputed those estimates, saying more oil is escaping");
        assert!(r.back);
        assert!(r.demonstrative);
        assert!(!referent("disputed the figures").demonstrative);
    }

    #[test]
    fn a_minimiser_points_back() {
        assert!(referent("had only been an incursion, and that the rebels retreated").back);
        assert!(referent("was nothing more than a scuffle").back);
        assert!(referent("Only small pockets of insurgents were encountered").back);
        assert!(!referent("denied reports that only two soldiers died").back);
    }

    #[test]
    fn a_denial_that_says_what_it_denies_points_nowhere() {
        assert_eq!(
            referent("denied reports that troops moved into the area"),
            Referent {
                stem: Some("report"),
                ..Referent::default()
            }
        );
        assert_eq!(
            referent("denied the reports of a new offensive"),
            Referent {
                stem: Some("report"),
                ..Referent::default()
            }
        );
        assert_eq!(
            referent("denied bombing South Sudan's territory"),
            Referent::default()
        );
        assert!(!referent("denied the story was true").back);
    }
}
