//! Required factors of a parsed regex: sequences of small character sets one of which every
//! match contains. Used to show, without compiling a regex, that it cannot match a text.
//!
//! This reads the HIR of `regex-syntax` (case folding already applied: `(?i)k` is the class
//! `[Kk\u{212A}]`), so it is independent of the reader of the raw syntax that picks the claim
//! prefilter's literals (`required_literals` in `compile.rs`), which it double-checks.
//!
//! Sound by construction: a literal or a class of a few characters is exactly itself; an
//! assertion or the empty regex matches only the empty string; a concatenation requires what any
//! one of its parts requires (runs of exact parts are multiplied out); an alternation requires
//! the union of what its branches require; a repetition requires what its item requires if it
//! repeats at least once, and is exact only as `x?` (`x` or nothing) or `x{1}`.

use regex_syntax::hir::{Class, Hir, HirKind};

/// A set of characters (sorted), one position of a factor.
type Atom = Vec<char>;
/// A sequence of positions.
type Factor = Vec<Atom>;

/// Most factors in one set before it is given up.
const MAX_FACTORS: usize = 64;
/// Most characters in a class that is still read as an atom.
const MAX_ATOM: usize = 4;
/// Longest factor kept (a required factor's prefix is required too).
const MAX_LEN: usize = 32;

/// What is known of a sub-expression.
#[derive(Default)]
struct Node {
    /// Every string it can match, as factors, when they are few.
    exact: Option<Vec<Factor>>,
    /// Factors one of which every match contains.
    required: Option<Vec<Factor>>,
}

/// Whether `hir` cannot match any of `texts`, because they lack every factor of a set that each
/// match contains. `false` means "may match".
///
/// The parts of the top-level concatenation are read one by one, and the reading stops at the
/// first requirement that rules every text out (claim patterns start with their most telling
/// words; the number macros at their end are the costly part to read).
pub(crate) fn rules_out(hir: &Hir, texts: &[&str]) -> bool {
    let texts: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let excludes = |f: &[Factor]| {
        !f.is_empty()
            && f.iter().all(|x| !x.is_empty())
            && texts.iter().all(|t| !contains_any(t, f))
    };
    let mut top = hir;
    while let HirKind::Capture(c) = top.kind() {
        top = &c.sub;
    }
    let HirKind::Concat(parts) = top.kind() else {
        return best(&node(top)).is_some_and(|f| excludes(&f));
    };
    let mut run: Vec<Factor> = vec![Vec::new()];
    for p in parts {
        let item = node(p);
        if best(&item).is_some_and(|f| excludes(&f)) {
            return true;
        }
        match item.exact {
            Some(e) => match cross(&run, &e) {
                Some(r) => run = r,
                None => {
                    if excludes(&run) {
                        return true;
                    }
                    run = e;
                }
            },
            None => {
                if excludes(&run) {
                    return true;
                }
                run = vec![Vec::new()];
            }
        }
    }
    excludes(&run)
}

/// Whether `text` contains one of `factors`.
fn contains_any(text: &[char], factors: &[Factor]) -> bool {
    factors.iter().any(|f| {
        f.len() <= text.len()
            && text
                .windows(f.len())
                .any(|w| w.iter().zip(f).all(|(c, atom)| atom.contains(c)))
    })
}

fn exact(f: Vec<Factor>) -> Node {
    Node {
        exact: Some(f),
        required: None,
    }
}

fn node(hir: &Hir) -> Node {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => exact(vec![Vec::new()]),
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => exact(vec![s.chars().map(|c| vec![c]).collect()]),
            Err(_) => Node::default(),
        },
        HirKind::Class(Class::Unicode(c)) => {
            let chars: usize = c
                .iter()
                .map(|r| (u32::from(r.end()) - u32::from(r.start()) + 1) as usize)
                .sum();
            if chars > MAX_ATOM {
                return Node::default();
            }
            let atom: Atom = c
                .iter()
                .flat_map(|r| {
                    (u32::from(r.start())..=u32::from(r.end())).filter_map(char::from_u32)
                })
                .collect();
            exact(vec![vec![atom]])
        }
        HirKind::Class(Class::Bytes(c)) => {
            let chars: usize = c.iter().map(|r| usize::from(r.end() - r.start()) + 1).sum();
            if chars > MAX_ATOM || !c.is_ascii() {
                return Node::default();
            }
            let atom: Atom = c
                .iter()
                .flat_map(|r| (r.start()..=r.end()).map(char::from))
                .collect();
            exact(vec![vec![atom]])
        }
        HirKind::Capture(c) => node(&c.sub),
        HirKind::Repetition(r) => {
            let sub = node(&r.sub);
            match (r.min, r.max) {
                (1, Some(1)) => sub,
                (0, Some(1)) => Node {
                    exact: sub.exact.map(|mut e| {
                        e.push(Vec::new());
                        e
                    }),
                    required: None,
                },
                (0, _) => Node::default(),
                _ => Node {
                    exact: None,
                    required: best(&sub),
                },
            }
        }
        HirKind::Concat(parts) => concat(parts),
        HirKind::Alternation(branches) => {
            let nodes: Vec<Node> = branches.iter().map(node).collect();
            let exact = nodes
                .iter()
                .map(|n| n.exact.clone())
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat())
                .filter(|v| v.len() <= MAX_FACTORS);
            let required = nodes
                .iter()
                .map(best)
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat())
                .filter(|v| v.len() <= MAX_FACTORS);
            Node { exact, required }
        }
    }
}

fn concat(parts: &[Hir]) -> Node {
    let mut run: Vec<Factor> = vec![Vec::new()];
    let mut whole: Option<Vec<Factor>> = Some(vec![Vec::new()]);
    let mut candidates: Vec<Vec<Factor>> = Vec::new();
    let finish = |run: &mut Vec<Factor>, candidates: &mut Vec<Vec<Factor>>| {
        if run.iter().all(|f| !f.is_empty()) {
            candidates.push(std::mem::take(run));
        }
        *run = vec![Vec::new()];
    };
    for p in parts {
        let item = node(p);
        whole = match (&whole, &item.exact) {
            (Some(w), Some(e)) => cross(w, e),
            _ => None,
        };
        match &item.exact {
            Some(e) => match cross(&run, e) {
                Some(r) => run = r,
                None => {
                    finish(&mut run, &mut candidates);
                    run = e.clone();
                }
            },
            None => {
                finish(&mut run, &mut candidates);
                if let Some(r) = best(&item) {
                    candidates.push(r);
                }
            }
        }
    }
    finish(&mut run, &mut candidates);
    Node {
        exact: whole,
        required: candidates.into_iter().max_by_key(|c| score(c)),
    }
}

/// The better of a node's exact factors (if none is empty) and its required ones.
fn best(n: &Node) -> Option<Vec<Factor>> {
    let exact = n
        .exact
        .as_ref()
        .filter(|e| !e.is_empty() && e.iter().all(|f| !f.is_empty()))
        .cloned();
    match (exact, n.required.clone()) {
        (Some(a), Some(b)) => Some(if score(&a) >= score(&b) { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Selectivity: longer shortest factor first, then fewer factors.
fn score(f: &[Factor]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = f.iter().map(Vec::len).min().unwrap_or(0);
    (shortest.min(5), std::cmp::Reverse(f.len()))
}

/// Every concatenation of a factor of `a` with one of `b` (cut to [`MAX_LEN`]), if few.
fn cross(a: &[Factor], b: &[Factor]) -> Option<Vec<Factor>> {
    if a.len() * b.len() > MAX_FACTORS {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            if x.len() + y.len() > MAX_LEN {
                return None;
            }
            let mut f = x.clone();
            f.extend(y.iter().cloned());
            out.push(f);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may_match(p: &str, t: &str) -> bool {
        !rules_out(&regex_syntax::Parser::new().parse(p).unwrap(), &[t])
    }

    #[test]
    fn factors_rule_out_texts_without_them() {
        let p = r"(?i)\b(?:subattacks?|upincidents?)\b\s+(?P<value>\d+)";
        assert!(!may_match(p, "attacks 12"));
        assert!(may_match(p, "SUBATTACK 12"));
        assert!(may_match(p, "\u{17f}ubattacks 12"));
        assert!(may_match(r"\d+", "nothing"));
        assert!(!may_match(r"killed|slain", "dead"));
        assert!(!may_match(r"(?P<x>ab(?:c|d))", "abe"));
        assert!(may_match(r"x*", ""));
    }

    /// Whatever a regex matches holds one of its factors: random texts over the regexes' own
    /// letters.
    #[test]
    fn factors_are_required() {
        let patterns = [
            r"(?i)ab(?:c|d)e",
            r"a+b{2}c?d",
            r"(?:ab|cd)+(?:ef)?",
            r"(?i)k[sx]\b",
            r"a(?:b|c*)d",
            r"(?:ab)?cd|e{2,3}",
            r"^ab$|ba",
        ];
        let letters = [
            'a', 'b', 'c', 'd', 'e', 'f', 'x', 'k', 's', 'K', '\u{212a}', 'ſ', ' ',
        ];
        let mut state = 5u64;
        for p in patterns {
            let re = regex::Regex::new(p).unwrap();
            for _ in 0..3000 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                let n = (state >> 60) as usize;
                let t: String = (0..n)
                    .map(|i| letters[((state >> (i * 4)) & 0xf) as usize % letters.len()])
                    .collect();
                assert!(may_match(p, &t) || !re.is_match(&t), "{p} {t:?}");
            }
        }
    }
}
