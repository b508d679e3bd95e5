//! The default rules, compiled into the binary so that `crosscheck check` needs no setup.

use super::RuleText;

/// Built-in rule files: (name, YAML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("core.yml", include_str!("../../rules/core.yml")),
    ("conflict.yml", include_str!("../../rules/conflict.yml")),
    ("casualties.yml", include_str!("../../rules/casualties.yml")),
    ("politics.yml", include_str!("../../rules/politics.yml")),
    ("economy.yml", include_str!("../../rules/economy.yml")),
    ("health.yml", include_str!("../../rules/health.yml")),
];

/// The built-in files as rule texts, named `<built-in>/file.yml`.
pub(crate) fn texts() -> Vec<RuleText> {
    BUILTIN
        .iter()
        .map(|(name, text)| RuleText {
            path: format!("<built-in>/{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
