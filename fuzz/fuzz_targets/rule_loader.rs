//! Fuzz target: arbitrary bytes as a rule file must give a rule set or an error, never a panic,
//! a hang or unbounded memory (alias bombs, huge or deeply nested regexes, deep YAML).
#![no_main]

use crosscheck::rules::{RuleSet, RuleText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = RuleText {
        path: "fuzz.yml".to_owned(),
        text,
    };
    // Compiling the built-in rules each run would cost seconds; the file alone is the target.
    let _ = RuleSet::compile(std::slice::from_ref(&file));
});
