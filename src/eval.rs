//! Accuracy against gold annotations: precision and recall of findings and of claim attribution,
//! per article and overall. The gold format is documented in `fixtures/README.md`.

use crate::model::{Claim, Via, source_key};
use crate::rules::RuleSet;
use crate::text::{DocKind, Document, Span};
use crate::{CompareOptions, analyze};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A gold annotation file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// Where the article comes from.
    pub source: String,
    /// Its licence.
    pub licence: String,
    /// `tune` or `heldout`.
    pub split: String,
    /// Short topic.
    #[serde(default)]
    pub topic: Option<String>,
    /// Claims a careful reader notes.
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    /// Pairs that disagree.
    #[serde(default)]
    pub contradictions: Vec<GoldPair>,
    /// Pairs that must not be flagged.
    #[serde(default)]
    pub must_not_flag: Vec<GoldPair>,
}

/// A gold claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    /// Exact substring of the article.
    pub quote: String,
    /// Who makes it (`document` for the outlet's voice).
    pub source: String,
    /// What it is about.
    #[serde(default)]
    pub subject: Option<String>,
    /// Aspect id.
    #[serde(default)]
    pub aspect: Option<String>,
}

/// A gold pair of claims, by quote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldPair {
    /// First quote.
    pub a: String,
    /// Second quote.
    pub b: String,
    /// Why.
    #[serde(default)]
    pub why: Option<String>,
}

/// Counts and scores for one article or a total.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Score {
    /// Findings predicted.
    pub findings_predicted: usize,
    /// Predicted findings that match a gold contradiction.
    pub findings_correct: usize,
    /// Gold contradictions.
    pub findings_gold: usize,
    /// Gold contradictions found.
    pub findings_found: usize,
    /// `must_not_flag` pairs that were flagged.
    pub must_not_flag_violations: usize,
    /// Predicted claims that overlap a gold claim.
    pub claims_matched: usize,
    /// Of those, with the right source.
    pub claims_source_correct: usize,
    /// Gold claims.
    pub claims_gold: usize,
    /// Gold claims found with the right source.
    pub claims_found: usize,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

impl Score {
    /// Precision of findings.
    pub fn finding_precision(&self) -> f64 {
        ratio(self.findings_correct, self.findings_predicted)
    }
    /// Recall of findings.
    pub fn finding_recall(&self) -> f64 {
        ratio(self.findings_found, self.findings_gold)
    }
    /// Precision of attribution: matched claims with the right source.
    pub fn attribution_precision(&self) -> f64 {
        ratio(self.claims_source_correct, self.claims_matched)
    }
    /// Recall of attributed claims: gold claims found with the right source.
    pub fn attribution_recall(&self) -> f64 {
        ratio(self.claims_found, self.claims_gold)
    }
    fn add(&mut self, o: &Score) {
        self.findings_predicted += o.findings_predicted;
        self.findings_correct += o.findings_correct;
        self.findings_gold += o.findings_gold;
        self.findings_found += o.findings_found;
        self.must_not_flag_violations += o.must_not_flag_violations;
        self.claims_matched += o.claims_matched;
        self.claims_source_correct += o.claims_source_correct;
        self.claims_gold += o.claims_gold;
        self.claims_found += o.claims_found;
    }
}

/// The score of one article, with the mistakes spelled out.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleScore {
    /// Gold file.
    pub gold: String,
    /// Split.
    pub split: String,
    /// Counts.
    pub score: Score,
    /// Gold contradictions not found (a / b quotes).
    pub missed: Vec<String>,
    /// Findings that match no gold contradiction.
    pub spurious: Vec<String>,
    /// Gold claims found with a wrong source: quote, gold source, predicted source.
    pub wrong_sources: Vec<String>,
}

/// Scores for a set of gold files.
#[derive(Debug, Clone, Serialize)]
pub struct EvalResult {
    /// Per article.
    pub articles: Vec<ArticleScore>,
    /// Totals per split (`tune`, `heldout`), then `all`.
    pub totals: Vec<(String, Score)>,
}

/// Whether a predicted source names the gold source.
pub fn source_matches(gold: &str, c: &Claim) -> bool {
    if gold.eq_ignore_ascii_case("document") {
        return c.source.via == Via::Document;
    }
    // The mention or the speaker it resolves to in the document ("the governor" = "Alberio
    // Oromo"): both name the engine's source.
    std::iter::once(&c.source.name)
        .chain(c.source.resolved.as_ref())
        .any(|name| names_match(gold, name))
}

/// Whether a gold source and a predicted name agree: by key, one key inside the other, or the
/// gold name's last word among the predicted name's words.
fn names_match(gold: &str, name: &str) -> bool {
    let (g, p) = (source_key(gold), source_key(name));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    g == p || g.contains(&p) || p.contains(&g) || {
        let gl = gold.to_lowercase();
        gl.split_whitespace()
            .last()
            .is_some_and(|w| name.to_lowercase().split_whitespace().any(|x| x == w))
    }
}

/// The article a gold file annotates: the `.txt` or `.md` beside it with the same stem.
pub fn article_for(gold: &Path) -> Option<PathBuf> {
    let name = gold.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".gold.yaml")
        .or_else(|| name.strip_suffix(".gold.yml"))?;
    ["txt", "md"]
        .iter()
        .map(|e| gold.with_file_name(format!("{stem}.{e}")))
        .find(|p| p.exists())
}

fn find(text: &str, quote: &str, gold: &str) -> crate::error::Result<Span> {
    text.find(quote)
        .map(|s| Span::new(s, s + quote.len()))
        .ok_or_else(|| {
            crate::error::Error::Gold(format!("{gold}: quote not found in the article: {quote:?}"))
        })
}

/// Scores one article given its gold annotation.
pub fn evaluate(
    rules: &RuleSet,
    gold_path: &str,
    gold: &Gold,
    doc: Document,
) -> crate::error::Result<ArticleScore> {
    let docs = [doc];
    let analysis = analyze(rules, &docs, CompareOptions::default());
    let text = &docs[0].text;
    let mut score = Score {
        claims_gold: gold.claims.len(),
        findings_gold: gold.contradictions.len(),
        findings_predicted: analysis.findings.len(),
        ..Score::default()
    };
    let mut wrong_sources = Vec::new();
    let gold_spans: Vec<Span> = gold
        .claims
        .iter()
        .map(|g| find(text, &g.quote, gold_path))
        .collect::<Result<_, _>>()?;
    for (g, span) in gold.claims.iter().zip(&gold_spans) {
        let overlapping: Vec<&Claim> = analysis
            .claims
            .iter()
            .filter(|c| c.span.overlaps(*span))
            .collect();
        if overlapping.iter().any(|c| source_matches(&g.source, c)) {
            score.claims_found += 1;
        } else if let Some(c) = overlapping.first() {
            wrong_sources.push(format!(
                "{:?}: gold {:?}, predicted {:?}",
                g.quote, g.source, c.source.name
            ));
        }
    }
    for c in &analysis.claims {
        if let Some(i) = gold_spans.iter().position(|s| s.overlaps(c.span)) {
            score.claims_matched += 1;
            if source_matches(&gold.claims[i].source, c) {
                score.claims_source_correct += 1;
            }
        }
    }
    let pair_spans = |p: &GoldPair| -> crate::error::Result<(Span, Span)> {
        Ok((find(text, &p.a, gold_path)?, find(text, &p.b, gold_path)?))
    };
    let gold_pairs: Vec<(Span, Span)> = gold
        .contradictions
        .iter()
        .map(pair_spans)
        .collect::<Result<_, _>>()?;
    let forbidden: Vec<(Span, Span)> = gold
        .must_not_flag
        .iter()
        .map(pair_spans)
        .collect::<Result<_, _>>()?;
    let hits = |f: &crate::model::Finding, (ga, gb): (Span, Span)| {
        let (a, b) = (
            analysis.claims[f.claims[0]].span,
            analysis.claims[f.claims[1]].span,
        );
        (a.overlaps(ga) && b.overlaps(gb)) || (a.overlaps(gb) && b.overlaps(ga))
    };
    let mut found = vec![false; gold_pairs.len()];
    let mut spurious = Vec::new();
    for f in &analysis.findings {
        let mut matched = false;
        for (k, gp) in gold_pairs.iter().enumerate() {
            if hits(f, *gp) {
                matched = true;
                found[k] = true;
            }
        }
        if matched {
            score.findings_correct += 1;
        } else {
            let (a, b) = (&analysis.claims[f.claims[0]], &analysis.claims[f.claims[1]]);
            spurious.push(format!(
                "{}: {:?} ({}) vs {:?} ({})",
                f.rule,
                &text[a.span.start..a.span.end],
                a.source.name,
                &text[b.span.start..b.span.end],
                b.source.name
            ));
        }
        if forbidden.iter().any(|fp| hits(f, *fp)) {
            score.must_not_flag_violations += 1;
        }
    }
    score.findings_found = found.iter().filter(|x| **x).count();
    let missed = gold
        .contradictions
        .iter()
        .zip(&found)
        .filter(|(_, f)| !**f)
        .map(|(p, _)| format!("{:?} vs {:?}", p.a, p.b))
        .collect();
    Ok(ArticleScore {
        gold: gold_path.to_owned(),
        split: gold.split.clone(),
        score,
        missed,
        spurious,
        wrong_sources,
    })
}

/// Reads and scores gold files; the article is found beside each.
pub fn evaluate_files(rules: &RuleSet, paths: &[PathBuf]) -> crate::error::Result<EvalResult> {
    let mut articles = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let text = std::fs::read_to_string(p).map_err(|source| crate::error::Error::Io {
            path: shown.clone(),
            source,
        })?;
        let gold: Gold = crate::rules::load::parse_yaml(&shown, &text)
            .map_err(|e| crate::error::Error::Gold(e.to_string()))?;
        let article = article_for(p).ok_or_else(|| {
            crate::error::Error::Gold(format!(
                "{shown}: no article beside it (expected the same name with .txt or .md)"
            ))
        })?;
        let art_shown = article.display().to_string();
        let bytes = std::fs::read(&article).map_err(|source| crate::error::Error::Io {
            path: art_shown.clone(),
            source,
        })?;
        let doc = Document::from_bytes(art_shown.clone(), bytes, DocKind::from_path(&art_shown))?;
        articles.push(evaluate(rules, &shown, &gold, doc)?);
    }
    let mut totals: Vec<(String, Score)> = Vec::new();
    for split in ["tune", "heldout"] {
        let mut s = Score::default();
        let mut any = false;
        for a in articles.iter().filter(|a| a.split == split) {
            s.add(&a.score);
            any = true;
        }
        if any {
            totals.push((split.to_owned(), s));
        }
    }
    let mut all = Score::default();
    for a in &articles {
        all.add(&a.score);
    }
    totals.push(("all".to_owned(), all));
    Ok(EvalResult { articles, totals })
}

/// Writes a readable table of the scores.
pub fn write_human(r: &EvalResult, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<48} {:>7} {:>5} {:>5} {:>5}  {:>6} {:>6}",
        "article", "split", "find", "P", "R", "attrP", "attrR"
    )?;
    for a in &r.articles {
        let s = &a.score;
        writeln!(
            out,
            "{:<48} {:>7} {:>2}/{:<2} {:>5.2} {:>5.2}  {:>6.2} {:>6.2}",
            short(&a.gold),
            a.split,
            s.findings_correct,
            s.findings_predicted,
            s.finding_precision(),
            s.finding_recall(),
            s.attribution_precision(),
            s.attribution_recall()
        )?;
        for m in &a.missed {
            writeln!(out, "    missed: {m}")?;
        }
        for m in &a.spurious {
            writeln!(out, "    spurious: {m}")?;
        }
        for m in &a.wrong_sources {
            writeln!(out, "    wrong source: {m}")?;
        }
    }
    for (name, s) in &r.totals {
        writeln!(
            out,
            "{name}: findings precision={:.3} recall={:.3} ({}/{} correct, {}/{} found, {} must-not-flag violations); attribution precision={:.3} recall={:.3}",
            s.finding_precision(),
            s.finding_recall(),
            s.findings_correct,
            s.findings_predicted,
            s.findings_found,
            s.findings_gold,
            s.must_not_flag_violations,
            s.attribution_precision(),
            s.attribution_recall()
        )?;
    }
    Ok(())
}

fn short(p: &str) -> String {
    let name = Path::new(p)
        .file_name()
        .map_or_else(|| p.to_owned(), |n| n.to_string_lossy().into_owned());
    name.chars().take(48).collect()
}
