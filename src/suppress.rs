//! Inline suppressions: `<!-- crosscheck-disable-next-line RULE -->`, `<!-- crosscheck-disable
//! RULE -->` … `<!-- crosscheck-enable -->`, and the same words on a line of their own after an
//! optional comment marker (`# crosscheck-disable-next-line RULE`). This module parses them and
//! filters findings; it reports, as data, the directives that suppressed nothing.

use crate::model::{Claim, Finding};
use crate::text::{DocKind, Document};

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// Suppress findings on the next line.
    DisableNextLine,
    /// Suppress findings from here to the matching `crosscheck-enable` (or the end of the file).
    Disable,
    /// End earlier `crosscheck-disable` regions.
    Enable,
}

impl DirectiveKind {
    /// The keyword as written.
    pub fn keyword(self) -> &'static str {
        match self {
            DirectiveKind::DisableNextLine => "crosscheck-disable-next-line",
            DirectiveKind::Disable => "crosscheck-disable",
            DirectiveKind::Enable => "crosscheck-enable",
        }
    }
}

/// One directive found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// 1-based line the directive is on.
    pub line: usize,
    /// What it does.
    pub kind: DirectiveKind,
    /// Rule ids it names; empty means every rule.
    pub rules: Vec<String>,
}

impl Directive {
    /// The directive as it would be written, for messages.
    pub fn describe(&self) -> String {
        if self.rules.is_empty() {
            self.kind.keyword().to_owned()
        } else {
            format!("{} {}", self.kind.keyword(), self.rules.join(", "))
        }
    }
}

/// One suppressed range of lines for one rule (or all rules).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Region {
    /// Index of the directive that opened it.
    directive: usize,
    /// The rule, or `None` for every rule.
    rule: Option<String>,
    /// First suppressed line, 1-based.
    first: usize,
    /// Last suppressed line, inclusive.
    last: usize,
}

/// The directives and suppressed regions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// Directives in line order.
    pub directives: Vec<Directive>,
    /// Problems with directives: (line, message).
    pub problems: Vec<(usize, String)>,
    regions: Vec<Region>,
}

/// A warning about a directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The document's path.
    pub path: String,
    /// 1-based line of the directive.
    pub line: usize,
    /// What is wrong, lower-case.
    pub message: String,
}

/// The result of applying every document's suppressions to the findings.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Findings that no directive suppresses, in their original order.
    pub kept: Vec<Finding>,
    /// How many findings were suppressed.
    pub suppressed: usize,
    /// Unused, unknown or malformed directives, by document then line.
    pub warnings: Vec<Warning>,
}

/// Comment markers that may precede the plain-text form.
const LEADERS: [&str; 6] = ["#", "//", ";", "--", "%", "*"];

/// Finds the directives of a document and the regions they suppress.
pub fn parse(doc: &Document) -> Suppressions {
    let mut out = Suppressions::default();
    let mut fence: Option<(char, usize)> = None;
    for (i, raw_line) in doc.text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if doc.kind == DocKind::Markdown {
            let t = line.trim_start();
            let marker = t.chars().next().filter(|c| matches!(c, '`' | '~'));
            if let Some(c) = marker {
                let n = t.chars().take_while(|&x| x == c).count();
                if n >= 3 && line.len() - t.len() <= 3 {
                    fence = match fence {
                        None => Some((c, n)),
                        Some((fc, fnum)) if fc == c && n >= fnum => None,
                        open => open,
                    };
                    continue;
                }
            }
            if fence.is_some() {
                continue;
            }
        }
        for body in directive_bodies(line, doc.kind) {
            match parse_body(body) {
                Ok(Some((kind, rules))) => out.directives.push(Directive {
                    line: line_no,
                    kind,
                    rules,
                }),
                Ok(None) => {}
                Err(message) => out.problems.push((line_no, message)),
            }
        }
    }
    out.regions = regions(&out.directives, &mut out.problems);
    out.problems.sort();
    out
}

/// The texts after `crosscheck-` that may be directives on this line.
fn directive_bodies(line: &str, kind: DocKind) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = line;
    let mut offset = 0;
    while let Some(i) = rest.find("<!--") {
        let open = offset + i;
        let after = &line[open + 4..];
        let inner = after.find("-->").map_or(after, |j| &after[..j]);
        // `<!-- … -->` inside inline code is an example, not a directive.
        let in_code = kind == DocKind::Markdown && line[..open].matches('`').count() % 2 == 1;
        let trimmed = inner.trim();
        if !in_code && trimmed.starts_with("crosscheck-") {
            bodies.push(trimmed);
        }
        offset = open + 4;
        rest = &line[offset..];
    }
    if bodies.is_empty() {
        let mut t = line.trim();
        for leader in LEADERS {
            if let Some(s) = t.strip_prefix(leader) {
                t = s.trim_start();
                break;
            }
        }
        if t.starts_with("crosscheck-disable") || t.starts_with("crosscheck-enable") {
            bodies.push(t);
        }
    }
    bodies
}

/// Parses `crosscheck-KEYWORD [RULE[, RULE…]] [-- reason]`.
fn parse_body(body: &str) -> Result<Option<(DirectiveKind, Vec<String>)>, String> {
    let (keyword, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let kinds = [
        DirectiveKind::DisableNextLine,
        DirectiveKind::Disable,
        DirectiveKind::Enable,
    ];
    let Some(kind) = kinds.into_iter().find(|k| k.keyword() == keyword) else {
        let names: Vec<&str> = kinds.iter().map(|k| k.keyword()).collect();
        let help = crate::config::did_you_mean(keyword, &names)
            .map_or_else(String::new, |h| format!("; {h}"));
        return Err(format!("unknown directive `{keyword}`{help}"));
    };
    // Everything after ` -- ` is a reason for the reader.
    let rules_part = rest.split(" -- ").next().unwrap_or("");
    let rules_part = rules_part.strip_prefix("--").map_or(rules_part, |_| "");
    let rules = rules_part
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Some((kind, rules)))
}

/// Turns directives into suppressed line regions.
fn regions(directives: &[Directive], problems: &mut Vec<(usize, String)>) -> Vec<Region> {
    let mut done = Vec::new();
    let mut open: Vec<Region> = Vec::new();
    let each = |d: &Directive| -> Vec<Option<String>> {
        if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        }
    };
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            DirectiveKind::DisableNextLine => {
                for rule in each(d) {
                    done.push(Region {
                        directive: i,
                        rule,
                        first: d.line + 1,
                        last: d.line + 1,
                    });
                }
            }
            DirectiveKind::Disable => {
                for rule in each(d) {
                    open.push(Region {
                        directive: i,
                        rule,
                        first: d.line,
                        last: usize::MAX,
                    });
                }
            }
            DirectiveKind::Enable => {
                let before = open.len();
                let (closed, still): (Vec<Region>, Vec<Region>) = open.into_iter().partition(|r| {
                    d.rules.is_empty()
                        || d.rules.contains(r.rule.as_ref().unwrap_or(&String::new()))
                });
                open = still;
                if closed.is_empty() {
                    problems.push((
                        d.line,
                        format!("`{}` ends no open `crosscheck-disable`", d.describe()),
                    ));
                }
                debug_assert!(closed.len() <= before);
                done.extend(closed.into_iter().map(|r| Region { last: d.line, ..r }));
            }
        }
    }
    done.extend(open);
    done
}

impl Suppressions {
    /// Whether a finding of `rule` touching lines `first..=last` is suppressed; marks the
    /// directives that suppress it in `used`.
    fn covers(&self, rule: &str, first: usize, last: usize, used: &mut [bool]) -> bool {
        let mut hit = false;
        for (k, r) in self.regions.iter().enumerate() {
            let applies = r.rule.as_deref().is_none_or(|x| x == rule);
            if applies && r.first <= last && first <= r.last {
                used[k] = true;
                hit = true;
            }
        }
        hit
    }
}

/// 1-based first and last line of a claim.
fn claim_lines(doc: &Document, claim: &Claim) -> (usize, usize) {
    let first = doc.line_col(claim.span.start).0;
    let last = doc
        .line_col(claim.span.end.saturating_sub(1).max(claim.span.start))
        .0;
    (first, last)
}

/// Drops findings either of whose claims is on a suppressed line, and warns about directives
/// that suppress nothing or name rules that do not exist (`known` lists the valid rule ids).
pub fn apply(
    docs: &[Document],
    claims: &[Claim],
    findings: Vec<Finding>,
    known: &[&str],
) -> Outcome {
    let parsed: Vec<Suppressions> = docs.iter().map(parse).collect();
    let mut used: Vec<Vec<bool>> = parsed
        .iter()
        .map(|s| vec![false; s.regions.len()])
        .collect();
    let mut out = Outcome::default();
    for f in findings {
        let mut hit = false;
        for &ci in &f.claims {
            let Some(c) = claims.get(ci) else { continue };
            let (Some(doc), Some(sup)) = (docs.get(c.doc), parsed.get(c.doc)) else {
                continue;
            };
            let (first, last) = claim_lines(doc, c);
            hit |= sup.covers(&f.rule, first, last, &mut used[c.doc]);
        }
        if hit {
            out.suppressed += 1;
        } else {
            out.kept.push(f);
        }
    }
    for ((doc, sup), used) in docs.iter().zip(&parsed).zip(&used) {
        let mut warnings: Vec<(usize, String)> = sup.problems.clone();
        for (i, d) in sup.directives.iter().enumerate() {
            if d.kind == DirectiveKind::Enable {
                continue;
            }
            let mine = |rule: Option<&str>| {
                sup.regions
                    .iter()
                    .zip(used)
                    .filter(|(r, _)| r.directive == i && r.rule.as_deref() == rule)
                    .any(|(_, u)| *u)
            };
            if d.rules.is_empty() {
                if !mine(None) {
                    warnings.push((
                        d.line,
                        format!("`{}` suppresses nothing; remove it", d.describe()),
                    ));
                }
                continue;
            }
            for rule in &d.rules {
                if !known.contains(&rule.as_str()) {
                    let help = crate::config::did_you_mean(rule, known)
                        .map_or_else(String::new, |h| format!("; {h}"));
                    warnings.push((
                        d.line,
                        format!("unknown rule `{rule}` in `{}`{help}", d.describe()),
                    ));
                } else if !mine(Some(rule)) {
                    warnings.push((
                        d.line,
                        format!(
                            "`{}` suppresses nothing for rule `{rule}`; remove it",
                            d.describe()
                        ),
                    ));
                }
            }
        }
        warnings.sort();
        out.warnings
            .extend(warnings.into_iter().map(|(line, message)| Warning {
                path: doc.path.clone(),
                line,
                message,
            }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, kind: DocKind) -> Document {
        Document::new("t", text.to_owned(), kind)
    }

    #[track_caller]
    fn directives(text: &str, kind: DocKind) -> Vec<(usize, DirectiveKind, String)> {
        let s = parse(&doc(text, kind));
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        s.directives
            .iter()
            .map(|d| (d.line, d.kind, d.rules.join(",")))
            .collect()
    }

    #[test]
    fn html_and_plain_forms() {
        let text = "<!-- crosscheck-disable-next-line a-b, c -->\nx\n# crosscheck-disable d\n// crosscheck-enable d -- fixed upstream\n";
        assert_eq!(
            directives(text, DocKind::Text),
            vec![
                (1, DirectiveKind::DisableNextLine, "a-b,c".to_owned()),
                (3, DirectiveKind::Disable, "d".to_owned()),
                (4, DirectiveKind::Enable, "d".to_owned()),
            ]
        );
    }

    #[test]
    fn prose_mentioning_the_keyword_is_not_a_directive() {
        let text = "Use crosscheck-disable-next-line to silence a rule.\n";
        assert!(directives(text, DocKind::Text).is_empty());
    }

    #[test]
    fn markdown_code_is_not_a_directive() {
        let text = "```\n<!-- crosscheck-disable -->\n```\nWrite `<!-- crosscheck-disable -->`.\n";
        assert!(directives(text, DocKind::Markdown).is_empty());
    }

    #[test]
    fn regions_close_at_enable_or_run_to_the_end() {
        let text = "<!-- crosscheck-disable a, b -->\n\n<!-- crosscheck-enable a -->\n\n";
        let s = parse(&doc(text, DocKind::Markdown));
        let spans: Vec<(Option<&str>, usize, usize)> = s
            .regions
            .iter()
            .map(|r| (r.rule.as_deref(), r.first, r.last))
            .collect();
        assert_eq!(spans, vec![(Some("a"), 1, 3), (Some("b"), 1, usize::MAX)]);
    }

    #[test]
    fn stray_enable_and_unknown_keyword_are_problems() {
        let s = parse(&doc(
            "<!-- crosscheck-enable -->\n<!-- crosscheck-disable-nextline x -->\n",
            DocKind::Text,
        ));
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
        assert!(
            s.problems[1]
                .1
                .contains("did you mean `crosscheck-disable-next-line`?")
        );
    }
}
