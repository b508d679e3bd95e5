//! Prints, one regex a line, the patterns the built-in rules compile to, for `rg -f` in
//! `bench/run.sh`: the attribution cues (reporting verbs and prefixes such as "according to",
//! exactly as the engine builds them) and every claim pattern with its macros (`{num}`, `{qty}`,
//! `{pct}`, …) expanded. Capture names are dropped (`(?P<value>` → `(?:`) so that the lines can be
//! joined into one alternation.
//!
//! ```text
//! dump_patterns           # as compiled: Unicode `\b`
//! dump_patterns --ascii   # the same with ASCII word boundaries `(?-u:\b)`
//! ```

fn main() {
    let ascii = std::env::args().any(|a| a == "--ascii");
    let rules = crosscheck::rules::RuleSet::builtin().expect("built-in rules");
    let m = &rules.matchers;
    let mut out: Vec<String> = Vec::new();
    for cue in [&m.verbs, &m.prefixes].into_iter().flatten() {
        out.push(cue.as_str().to_owned());
    }
    for c in &rules.claims {
        out.push(c.regex.as_str().to_owned());
    }
    for p in out {
        let p = strip_names(&p);
        println!("{}", if ascii { ascii_boundaries(&p) } else { p });
    }
}

/// `(?P<name>` and `(?<name>` → `(?:`.
fn strip_names(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(k) = rest.find("(?") {
        out.push_str(&rest[..k]);
        let after = &rest[k + 2..];
        let escaped = out.ends_with('\\') && !out.ends_with("\\\\");
        let name_start = if after.starts_with("P<") {
            Some(2)
        } else if after.starts_with('<') && !after.starts_with("<=") && !after.starts_with("<!") {
            Some(1)
        } else {
            None
        };
        match (name_start, after.find('>')) {
            (Some(_), Some(close)) if !escaped => {
                out.push_str("(?:");
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str("(?");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Unicode `\b` → `(?-u:\b)` (escapes and classes respected).
fn ascii_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 32);
    let mut chars = p.chars().peekable();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if in_class == 0 => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
