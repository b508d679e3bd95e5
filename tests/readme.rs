//! The README's rule field reference must name exactly the fields of the raw rule structs.

use crosscheck::rules::load::parse_yaml;
use crosscheck::rules::raw::{
    RawAspect, RawClaimExample, RawClaimRule, RawContradiction, RawCue, RawExpect, RawPairExample,
    RawReference, RawRuleFile, RawSubject,
};
use std::collections::BTreeSet;

/// The fields serde expects, read from its "unknown field" error.
fn fields<T: for<'de> serde::Deserialize<'de> + std::fmt::Debug>() -> BTreeSet<String> {
    let err = parse_yaml::<T>("probe", "__probe__: 1").expect_err("probe must be unknown");
    let (_, expected) = err
        .message
        .split_once("expected")
        .expect("a list of fields");
    expected
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_owned())
        .collect()
}

#[test]
fn readme_field_reference_matches_the_raw_rule_structs() {
    let mut structs = BTreeSet::new();
    structs.extend(fields::<RawRuleFile>());
    structs.extend(fields::<RawSubject>());
    structs.extend(fields::<RawReference>());
    structs.extend(fields::<RawCue>());
    structs.extend(fields::<RawAspect>());
    structs.extend(fields::<RawClaimRule>());
    structs.extend(fields::<RawContradiction>());
    structs.extend(fields::<RawClaimExample>());
    structs.extend(fields::<RawPairExample>());
    structs.extend(fields::<RawExpect>());
    // Fields documented inline in the examples rows rather than in their own row.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme
        .split("### Field reference")
        .nth(1)
        .and_then(|s| s.split("\n\n").find(|p| p.starts_with("| section")))
        .expect("the field table");
    let mut documented = BTreeSet::new();
    for row in table.lines().skip(2) {
        let cells: Vec<&str> = row.split('|').collect();
        let (section, field, meaning) = (cells[1], cells[2], cells[3]);
        for cell in [section, field] {
            for (i, part) in cell.split('`').enumerate() {
                if i % 2 == 1 {
                    documented.insert(part.trim_end_matches("[]").to_owned());
                }
            }
        }
        // `examples[]` rows list the `expect` fields in their meaning.
        if field.contains("examples") {
            for (i, part) in meaning.split('`').enumerate() {
                if i % 2 == 1 && part.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    documented.insert(part.to_owned());
                }
            }
        }
    }
    assert!(
        structs.contains("pattern") && structs.contains("per_event"),
        "probe failed: {structs:?}"
    );
    let missing: Vec<_> = structs.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "fields missing from the README table: {missing:?}"
    );
    let section_names = [
        "subjects",
        "references",
        "cues",
        "aspects",
        "claims",
        "contradictions",
        "examples",
        "counterexamples",
    ];
    let unknown: Vec<_> = documented
        .iter()
        .filter(|d| !structs.contains(*d) && !section_names.contains(&d.as_str()))
        .filter(|d| d.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    assert!(
        unknown.is_empty(),
        "README documents fields the structs lack: {unknown:?}"
    );
}
