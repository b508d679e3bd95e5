//! The files `crosscheck init` scaffolds: a configuration file, a rule file with one fully
//! commented claim rule and contradiction rule (with inline examples), and a short invented
//! sample article. The article's snapshot is not a constant: the command line computes it with
//! the same code as `crosscheck test`, so that the scaffold passes `crosscheck test` at once.

/// The configuration file (accepted by [`crate::config::parse`]).
pub const CONFIG_PATH: &str = "crosscheck.yaml";
/// The example rule file.
pub const RULES_PATH: &str = "rules/example.yml";
/// The sample article.
pub const FIXTURE_PATH: &str = "fixtures/example.txt";
/// The sample article's snapshot.
pub const SNAPSHOT_PATH: &str = "fixtures/example.snap.yaml";

/// Contents of `crosscheck.yaml`.
pub const CONFIG: &str = r#"# crosscheck configuration, written by `crosscheck init`.
# `crosscheck check` finds this file in the working folder or any folder above it;
# `crosscheck config show` prints the effective values and where each came from.
# Every key is optional.

# Rule files or folders, relative to this file. They add to the built-in rules, and a rule
# with the id of a built-in one replaces it.
rules: [rules]

# Load the built-in rules as well (the example rule uses their `{num}` macro).
builtin: true

# Skip files when walking folders (globs relative to this file):
# exclude: ["fixtures/**"]

# Switch contradiction rules off, or change their severity:
# disable: [trend-vs-level]
# severity: { budget-mismatch: error }
"#;

/// Contents of `rules/example.yml`.
pub const RULES: &str = r#"# An example rule file, written by `crosscheck init`. The README's "Writing rules" section
# documents every key. Check this file with `crosscheck rules validate rules/`, and run its
# inline examples and the fixture snapshots with `crosscheck test .` (from the folder holding
# crosscheck.yaml).

# Aspects: what a claim is about. Claims are compared only within one aspect (or axis).
aspects:
  # A snake_case id; claim and contradiction rules refer to it.
  - id: budget_amount
    per_event: true              # compare within a document whatever subject is named nearby
    description: money a budget allocates

# Claim rules: a regular expression over one sentence that turns matching text into a claim.
claims:
  # A kebab-case id. Keep it stable: reports and snapshots show it.
  - id: budget-figure
    aspect: budget_amount
    kind: numeric                # numeric | evaluative | attribution | statement
    unit: dollar                 # the unit when the text gives none
    description: "a budget of $N"
    # Rust regex syntax. `{num}` is a macro of the built-in rules (a number in digits or
    # words). A numeric rule captures its figure in a group named `value`.
    pattern: '(?i)\bbudget\s+of\s+(?P<value>\$?{num}(?:\s+(?:million|billion))?)'
    examples:                    # each must give a claim from this rule with these fields
      - text: "The council announced a budget of $4 million for road repairs."
        expect: { value: 4000000 }
      - text: "Auditors said the budget of $2 million was all the council could spend."
        expect: { value: 2000000, source: Auditors }
      # An example the rule is known to miss: reported as a known gap, it does not fail
      # `crosscheck test`, which tells you when it starts passing.
      # - text: "The council budgeted $4 million."
      #   known_gap: true
    counterexamples:             # each must give no claim from this rule
      - "The budget debate continues."

# Contradiction rules: when two claims from different sources disagree.
contradictions:
  - id: budget-mismatch
    # numeric_mismatch | opposite_evaluation | trend_vs_level | attribution_conflict | negation
    kind: numeric_mismatch
    aspects: [budget_amount]     # the aspects it compares; leave out for all
    severity: warning            # error | warning | info
    tolerance: 0.05              # figures within 5% of each other agree
    within: 10                   # compare claims at most 10 sentences apart
    description: two sources give different amounts for one budget
    message: "{a.source} gives {a.value}; {b.source} gives {b.value}"
    examples:                    # passages that must be flagged
      - text: "The council announced a budget of $4 million. Auditors said the budget of $2 million was all it had."
    counterexamples:             # passages that must not be flagged
      - text: "The council announced a budget of $4 million. Auditors said the budget of $4 million was enough."
"#;

/// Contents of `fixtures/example.txt`: an invented sample, marked as such.
pub const FIXTURE: &str = "Note: a sample article invented by `crosscheck init`, not real news. Replace it with real articles from your beat.

Riverside Council Approves Road Repairs

The Riverside council announced a budget of $4 million for road repairs on Monday.

Auditors said the budget of $2 million was all the council could spend this year.

The mayor said work would start in May.
";

/// The files written before the snapshot, as (path relative to the folder, contents).
#[must_use]
pub fn files() -> [(&'static str, &'static str); 3] {
    [
        (CONFIG_PATH, CONFIG),
        (RULES_PATH, RULES),
        (FIXTURE_PATH, FIXTURE),
    ]
}

/// Every path `crosscheck init` creates, relative to the folder, the snapshot last.
#[must_use]
pub fn paths() -> [&'static str; 4] {
    [CONFIG_PATH, RULES_PATH, FIXTURE_PATH, SNAPSHOT_PATH]
}
