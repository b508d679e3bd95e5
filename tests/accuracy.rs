//! Accuracy of the built-in rules against the gold annotations in `fixtures/*.gold.yaml`:
//! prints precision and recall per split and fails if any falls below its floor.
//!
//! The floors sit about 0.05 below the figures measured when they were set, on 26 gold files
//! (tune: findings P 0.750 R 0.438, attribution P 0.747 R 0.432; heldout: findings P 0.133
//! R 0.050, attribution P 0.622 R 0.433); heldout finding recall, at 2/40, has a floor of 1/40.
//! The tune findings floors were reset when six harder tune articles were added (32 gold files;
//! tune findings P 0.667 R 0.465, 22/33 correct, 20/43 found), and raised again at tune
//! findings P 0.765 R 0.558 (26/34 correct, 24/43 found). All floors were raised at the end of
//! the second session (tune attribution P 0.845 R 0.574; heldout findings P 0.312 R 0.125, 5/16
//! and 5/40, attribution P 0.674 R 0.537): heldout finding floors allow one pair fewer.
//! In the third session 16 articles were added (48 gold files: 8 tune, 8 heldout) and the floors
//! reset to one pair below the figures then (tune findings P 0.811 R 0.661, 43/53 and 41/62,
//! attribution P 0.857 R 0.602; heldout findings P 0.368 R 0.132, 7/19 and 7/53, attribution
//! P 0.671 R 0.496).
//! In the fourth session 10 held-out articles were added (58 gold files) and the floors set one
//! pair below the figures after negated restatements and contrasts (tune findings P 0.828
//! R 0.742, 48/58 and 46/62; heldout findings P 0.379 R 0.134, 11/29 and 11/82, attribution
//! P 0.674 R 0.481). Then 10 more held-out articles were added (68 gold files; on them the
//! session's changes found nothing more than the session-start build) and attribution began to
//! count the speaker a mention resolves to; the floors were reset one pair below (tune
//! attribution P 0.877 R 0.616; heldout findings P 0.361 R 0.111, 13/36 and 13/117, attribution
//! P 0.701 R 0.485): the heldout finding floors are lower only because the new articles are
//! harder, not because any figure fell on the same files. Control-of-place claims then took the
//! heldout findings to P 0.385 R 0.128 (15/39, 15/117); the floors follow, one pair below.
//! In the fifth session the sixth and seventh batches (20 articles, measured as held-out in the
//! fourth session, where both informed choices) moved to `tune`, before a fresh held-out batch was
//! annotated: the splits are now 47 tune and 21 held-out, so every floor was reset one pair below
//! the figures of the same build on the new splits (tune findings P 0.737 R 0.429, 56/76 and
//! 54/126, attribution P 0.811 R 0.548; heldout findings P 0.381 R 0.151, 8/21 and 8/53,
//! attribution P 0.693 R 0.504).
//! Then the eighth batch (10 held-out articles, gold written before any engine run) was
//! merged: on it the session's changes so far found exactly what the session-start build found
//! (5/8 correct, 5/45 found), and the heldout floors were reset one pair below the figures on
//! the 31 held-out articles (findings P 0.448 R 0.133, 13/29 and 13/98; attribution P 0.667
//! R 0.465); the tune findings floors follow the tune figures then (P 0.785 R 0.476, 62/79
//! and 60/126). One held-out clean article gets a finding: it counts against heldout precision here,
//! and is not read, so that no rule is fitted to it.
//! In the sixth session the eighth batch moved to `tune` (measured as held-out at the fifth
//! session's start and end only): the splits are now 57 tune and 21 held-out, and every floor was
//! reset one pair below the figures of the same build on the new splits (tune findings P 0.772
//! R 0.404, 71/92 and 69/171, attribution P 0.775 R 0.520; heldout findings P 0.409 R 0.170, 9/22
//! and 9/53, attribution P 0.700 R 0.509).
//! The session's rule work then took the tune figures to findings P 0.798 R 0.497 (87/109,
//! 85/171), attribution P 0.771 R 0.528; the tune floors follow, one pair below; the held-out
//! figures did not move (attribution P 0.702 R 0.513).
//! The ninth batch (10 held-out articles, gold written before any engine run) was merged with
//! that work and this session's attribution steps: held-out is now 31 articles, and the held-out
//! floors were reset one pair below the merged build's figures there (findings P 0.393 R 0.128,
//! 11/28 and 11/86; attribution P 0.729 R 0.531); the tune attribution floors were raised to
//! the merged figures (P 0.792 R 0.545) less about 0.015.
//! Raise them as the engine improves; never lower them to let a regression pass.
#![allow(clippy::print_stdout)]

use crosscheck::eval::{EvalResult, Score, evaluate_files};
use crosscheck::rules::RuleSet;
use std::path::{Path, PathBuf};

/// Findings precision on the `tune` split.
const TUNE_FINDING_PRECISION_FLOOR: f64 = 0.78;
/// Findings recall on the `tune` split.
const TUNE_FINDING_RECALL_FLOOR: f64 = 0.49;
/// Attribution precision (matched claims with the right source) on the `tune` split.
const TUNE_ATTRIBUTION_PRECISION_FLOOR: f64 = 0.78;
/// Attribution recall (gold claims found with the right source) on the `tune` split.
const TUNE_ATTRIBUTION_RECALL_FLOOR: f64 = 0.53;
/// Findings precision on the `heldout` split.
const HELDOUT_FINDING_PRECISION_FLOOR: f64 = 0.35;
/// Findings recall on the `heldout` split.
const HELDOUT_FINDING_RECALL_FLOOR: f64 = 0.11;
/// Attribution precision on the `heldout` split.
const HELDOUT_ATTRIBUTION_PRECISION_FLOOR: f64 = 0.71;
/// Attribution recall on the `heldout` split.
const HELDOUT_ATTRIBUTION_RECALL_FLOOR: f64 = 0.51;

fn gold_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/ is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.yaml"))
        .collect();
    files.sort();
    files
}

fn total<'a>(r: &'a EvalResult, split: &str) -> &'a Score {
    r.totals
        .iter()
        .find(|(name, _)| name == split)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("no `{split}` total: is a split missing from the gold files?"))
}

#[test]
fn accuracy_stays_above_the_floors() {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}"));
    let files = gold_files();
    assert!(
        files.len() >= 14,
        "expected the gold corpus, found {} files",
        files.len()
    );
    let result =
        evaluate_files(&rules, &files).unwrap_or_else(|e| panic!("evaluation failed: {e}"));

    println!(
        "split    findings P  R     (correct/predicted, found/gold, must-not-flag)   attribution P  R"
    );
    for (name, s) in &result.totals {
        println!(
            "{name:<8} {:.3} {:.3}  ({}/{}, {}/{}, {})   {:.3} {:.3}",
            s.finding_precision(),
            s.finding_recall(),
            s.findings_correct,
            s.findings_predicted,
            s.findings_found,
            s.findings_gold,
            s.must_not_flag_violations,
            s.attribution_precision(),
            s.attribution_recall()
        );
    }

    let mut below = Vec::new();
    let mut floor = |what: &str, got: f64, min: f64| {
        if got < min {
            below.push(format!("{what}: {got:.3} < floor {min:.2}"));
        }
    };
    let tune = total(&result, "tune");
    floor(
        "tune finding precision",
        tune.finding_precision(),
        TUNE_FINDING_PRECISION_FLOOR,
    );
    floor(
        "tune finding recall",
        tune.finding_recall(),
        TUNE_FINDING_RECALL_FLOOR,
    );
    floor(
        "tune attribution precision",
        tune.attribution_precision(),
        TUNE_ATTRIBUTION_PRECISION_FLOOR,
    );
    floor(
        "tune attribution recall",
        tune.attribution_recall(),
        TUNE_ATTRIBUTION_RECALL_FLOOR,
    );
    let heldout = total(&result, "heldout");
    floor(
        "heldout finding precision",
        heldout.finding_precision(),
        HELDOUT_FINDING_PRECISION_FLOOR,
    );
    floor(
        "heldout finding recall",
        heldout.finding_recall(),
        HELDOUT_FINDING_RECALL_FLOOR,
    );
    floor(
        "heldout attribution precision",
        heldout.attribution_precision(),
        HELDOUT_ATTRIBUTION_PRECISION_FLOOR,
    );
    floor(
        "heldout attribution recall",
        heldout.attribution_recall(),
        HELDOUT_ATTRIBUTION_RECALL_FLOOR,
    );
    assert!(
        below.is_empty(),
        "accuracy fell below its floor:\n  {}",
        below.join("\n  ")
    );
}
