//! Scores crosscheck's attribution stage against PolNeAR (brat standoff; see
//! `shared/data/polnear/README.md`).
//!
//! `cargo run --release --example eval_attribution -- DIR [--details] [--pair-cue-first]`
//!
//! DIR holds `text/<article>.txt` and `attributions/<article>_<annotator>.ann`. One `.ann` file
//! is scored per article: the first annotator listed for it in `DIR/../metadata.tsv` if that
//! file exists and names the article, else the alphabetically first `.ann` file of the article.
//!
//! **Predictions.** Every `Attribution` of `crosscheck::extract::extract` with the built-in rules,
//! except those in the document's own voice (`Via::Document`). Each gives up to three spans:
//! source (`source.span`), cue (`source.cue_span`) and content. The sentences of a quotation
//! that carry their speaker from another sentence (`Via::QuoteCarry`) keep that sentence's
//! speaker and cue spans; they and it are one predicted attribution whose content is the union
//! of theirs (PolNeAR, too, annotates a multi-sentence quotation once).
//!
//! **Gold.** Every `E` record with at least one of Source, Cue, Content (`Content2` is merged
//! into Content). Spans are lists of character ranges (discontinuous spans keep their fragments).
//!
//! **Spans.** All offsets are Unicode character offsets (predicted byte spans are converted).
//! Every fragment is trimmed of whitespace and punctuation (ASCII punctuation, curly quotes,
//! dashes, ellipsis) at both ends; empty fragments are dropped and a span with no fragment left
//! is no span.
//!
//! **Pairing.** Within an article, predicted and gold attributions are paired one to one,
//! greedily: candidate pairs are ranked by the number of content tokens they share, then by the
//! number of cue tokens they share, and a pair needs at least one shared content or cue token.
//! A prediction or gold attribution left unpaired matches nothing.
//! `--pair-cue-first` is a diagnostic that ranks pairs sharing a cue token first (so the
//! sentence holding the cue and the speaker wins); the last line is then computed that way.
//!
//! **Tokens.** The tokens of the article are its maximal runs of non-whitespace characters
//! (whitespace-separated words). A span's tokens are the tokens that overlap any of its trimmed
//! fragments.
//!
//! **Token-overlap scores** (per role: source, cue, content). For a pair, overlap = the number
//! of tokens the predicted and gold spans of that role share (0 if either is absent).
//! Precision = Σ overlap / Σ tokens of predicted spans of that role (all predictions);
//! recall = Σ overlap / Σ tokens of gold spans of that role (all gold attributions);
//! F1 = their harmonic mean. Sums run over all articles (micro average).
//!
//! **Exact-span scores.** A pair matches exactly for a role when both spans exist and their
//! trimmed fragment lists are identical. Precision = exact matches / predicted spans of that
//! role; recall = exact matches / gold spans of that role.
//!
//! The last line is
//! `attribution: source_f1=… source_exact_f1=… cue_f1=… content_f1=… articles=N`.
//! `--details` prints, per article, every gold attribution with its paired prediction and every
//! unpaired prediction, for error analysis.
//!
//! With `CROSSCHECK_DUMP=PATH` set, every gold and predicted attribution is also written to
//! `PATH` as one JSON object a line (`article`, `gold` and `pred`: per-role character fragments
//! or `null`; `pair`: the index of the paired prediction or gold, or `null`), for scripts that
//! sort errors into categories. Scoring is unchanged.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crosscheck::extract::extract;
use crosscheck::model::Via;
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document, Span};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A span as trimmed character ranges, end-exclusive.
type Frags = Vec<(usize, usize)>;

/// The three roles scored.
const ROLES: [&str; 3] = ["source", "cue", "content"];

/// One attribution, gold or predicted: a span per role (source, cue, content).
#[derive(Debug, Clone, Default)]
struct Attr {
    spans: [Option<Frags>; 3],
}

/// Counters for one role.
#[derive(Debug, Default, Clone, Copy)]
struct RoleCounts {
    overlap: usize,
    pred_tokens: usize,
    gold_tokens: usize,
    exact: usize,
    pred_spans: usize,
    gold_spans: usize,
}

impl RoleCounts {
    fn add(&mut self, o: &RoleCounts) {
        self.overlap += o.overlap;
        self.pred_tokens += o.pred_tokens;
        self.gold_tokens += o.gold_tokens;
        self.exact += o.exact;
        self.pred_spans += o.pred_spans;
        self.gold_spans += o.gold_spans;
    }

    fn token_prf(&self) -> (f64, f64, f64) {
        prf(
            self.overlap,
            self.pred_tokens,
            self.overlap,
            self.gold_tokens,
        )
    }

    fn exact_prf(&self) -> (f64, f64, f64) {
        prf(self.exact, self.pred_spans, self.exact, self.gold_spans)
    }
}

/// Precision, recall and F1 from hit counts; an empty denominator gives 0.
fn prf(p_hits: usize, p_all: usize, r_hits: usize, r_all: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(p_hits, p_all), ratio(r_hits, r_all));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Command-line switches.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// Print every pairing (`--details`).
    details: bool,
    /// Rank pairs with a shared cue token first (`--pair-cue-first`), a diagnostic.
    cue_first: bool,
    /// Write JSON lines of every attribution (`CROSSCHECK_DUMP`).
    dump: bool,
}

/// The scores of one article.
struct ArticleResult {
    counts: [RoleCounts; 3],
    details: String,
    /// JSON lines for `CROSSCHECK_DUMP` (empty when it is not set).
    dump: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = Options {
        details: args.iter().any(|a| a == "--details"),
        cue_first: args.iter().any(|a| a == "--pair-cue-first"),
        dump: false,
    };
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_attribution DIR [--details] [--pair-cue-first]");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let rules = match RuleSet::builtin() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: built-in rules: {e}");
            return ExitCode::FAILURE;
        }
    };
    let articles = match list_articles(&dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dump_path = std::env::var_os("CROSSCHECK_DUMP").map(PathBuf::from);
    let opts = Options {
        dump: dump_path.is_some(),
        ..opts
    };
    std::panic::set_hook(Box::new(|_| {}));
    let first_annotator = read_metadata(&dir.join("..").join("metadata.tsv"));
    let results: Vec<(String, Result<ArticleResult, String>)> = articles
        .par_iter()
        .map(|(name, ann_files)| {
            // An engine panic on one article is reported and skipped, not fatal.
            let r = std::panic::catch_unwind(|| {
                score_article(&rules, &dir, name, ann_files, &first_annotator, opts)
            })
            .unwrap_or_else(|p| Err(format!("engine panicked: {}", panic_message(&*p))));
            (name.clone(), r)
        })
        .collect();
    if let Some(path) = &dump_path {
        let all: String = results
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .map(|a| a.dump.as_str())
            .collect();
        if let Err(e) = std::fs::write(path, all) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let mut total = [RoleCounts::default(); 3];
    let (mut scored, mut skipped) = (0usize, 0usize);
    for (name, r) in &results {
        match r {
            Ok(a) => {
                scored += 1;
                for (t, c) in total.iter_mut().zip(&a.counts) {
                    t.add(c);
                }
                if opts.details {
                    print!("{}", a.details);
                }
            }
            Err(e) => {
                skipped += 1;
                eprintln!("skipped {name}: {e}");
            }
        }
    }
    if skipped > 0 {
        eprintln!("{skipped} article(s) skipped");
    }
    print_table(&total);
    let (_, _, source_f1) = total[0].token_prf();
    let (_, _, source_exact_f1) = total[0].exact_prf();
    let (_, _, cue_f1) = total[1].token_prf();
    let (_, _, content_f1) = total[2].token_prf();
    println!(
        "attribution: source_f1={source_f1:.3} source_exact_f1={source_exact_f1:.3} \
         cue_f1={cue_f1:.3} content_f1={content_f1:.3} articles={scored}"
    );
    ExitCode::SUCCESS
}

/// The message of a caught panic.
fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Prints per-role precision, recall and F1, token-overlap and exact.
fn print_table(total: &[RoleCounts; 3]) {
    println!(
        "{:<8} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}   {:>6} {:>6}",
        "role", "tok_P", "tok_R", "tok_F1", "ex_P", "ex_R", "ex_F1", "pred", "gold"
    );
    for (role, c) in ROLES.iter().zip(total) {
        let (tp, tr, tf) = c.token_prf();
        let (ep, er, ef) = c.exact_prf();
        println!(
            "{role:<8} {tp:>7.3} {tr:>7.3} {tf:>7.3}   {ep:>7.3} {er:>7.3} {ef:>7.3}   {:>6} {:>6}",
            c.pred_spans, c.gold_spans
        );
    }
}

/// Articles of `DIR/text` (sorted), each with its `.ann` files in `DIR/attributions` (sorted).
fn list_articles(dir: &Path) -> Result<Vec<(String, Vec<String>)>, String> {
    let read = |sub: &str| -> Result<Vec<String>, String> {
        let path = dir.join(sub);
        let entries =
            std::fs::read_dir(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        Ok(names)
    };
    let texts = read("text")?;
    let anns = read("attributions")?;
    let mut by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in anns.iter().filter_map(|a| a.strip_suffix(".ann")) {
        if let Some((article, _annotator)) = a.rsplit_once('_') {
            by_article
                .entry(article.to_owned())
                .or_default()
                .push(format!("{a}.ann"));
        }
    }
    Ok(texts
        .iter()
        .filter_map(|t| t.strip_suffix(".txt"))
        .map(|t| (t.to_owned(), by_article.remove(t).unwrap_or_default()))
        .collect())
}

/// Article name → annotators as listed in `metadata.tsv` (empty map if the file is missing or
/// malformed).
fn read_metadata(path: &Path) -> BTreeMap<String, Vec<String>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return BTreeMap::new();
    };
    let cols: Vec<&str> = header.split('\t').collect();
    let (Some(fi), Some(ai)) = (
        cols.iter().position(|c| *c == "filename"),
        cols.iter().position(|c| *c == "annotators"),
    ) else {
        return BTreeMap::new();
    };
    lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let name = f.get(fi)?;
            let anns = f.get(ai)?.split('|').map(str::to_owned).collect();
            Some(((*name).to_owned(), anns))
        })
        .collect()
}

/// The `.ann` file to score for an article.
fn pick_annotation(
    article: &str,
    ann_files: &[String],
    first_annotator: &BTreeMap<String, Vec<String>>,
) -> Option<String> {
    let listed = first_annotator
        .get(article)
        .and_then(|a| a.first())
        .map(|a| format!("{article}_{a}.ann"))
        .filter(|f| ann_files.contains(f));
    listed.or_else(|| ann_files.first().cloned())
}

/// Loads, predicts and scores one article.
fn score_article(
    rules: &RuleSet,
    dir: &Path,
    article: &str,
    ann_files: &[String],
    first_annotator: &BTreeMap<String, Vec<String>>,
    opts: Options,
) -> Result<ArticleResult, String> {
    let ann_name = pick_annotation(article, ann_files, first_annotator)
        .ok_or_else(|| "no .ann file".to_owned())?;
    let text_path = dir.join("text").join(format!("{article}.txt"));
    let bytes = std::fs::read(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let doc = Document::from_bytes(text_path.display().to_string(), bytes, DocKind::Text)
        .map_err(|e| e.to_string())?;
    let ann_path = dir.join("attributions").join(&ann_name);
    let ann =
        std::fs::read_to_string(&ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
    let chars = CharIndex::new(&doc.text);
    let gold = parse_ann(&ann, &chars)?;
    let predicted = predict(rules, &doc, &chars);
    let tokens = Tokens::new(&doc.text);
    let pairs = pair(&predicted, &gold, &tokens, opts);
    let counts = count(&predicted, &gold, &pairs, &tokens);
    let details = if opts.details {
        describe(article, &doc.text, &chars, &predicted, &gold, &pairs)
    } else {
        String::new()
    };
    let dump = if opts.dump {
        dump_lines(article, &predicted, &gold, &pairs)
    } else {
        String::new()
    };
    Ok(ArticleResult {
        counts,
        details,
        dump,
    })
}

/// JSON lines of one article's gold and predicted attributions and their pairing.
fn dump_lines(article: &str, pred: &[Attr], gold: &[Attr], pairs: &[(usize, usize)]) -> String {
    let of_gold: BTreeMap<usize, usize> = pairs.iter().map(|&(p, g)| (g, p)).collect();
    let of_pred: BTreeMap<usize, usize> = pairs.iter().copied().collect();
    let mut out = String::new();
    let mut line = |kind: &str, index: usize, a: &Attr, pair: Option<&usize>| {
        let v = serde_json::json!({
            "article": article,
            "kind": kind,
            "index": index,
            "spans": a.spans,
            "pair": pair,
        });
        let _ = writeln!(out, "{v}");
    };
    for (gi, g) in gold.iter().enumerate() {
        line("gold", gi, g, of_gold.get(&gi));
    }
    for (pi, p) in pred.iter().enumerate() {
        line("pred", pi, p, of_pred.get(&pi));
    }
    out
}

/// Byte ↔ character offset conversion for one text.
struct CharIndex {
    /// Byte offset of every character, plus the text length at the end.
    starts: Vec<usize>,
    /// The characters of the text.
    chars: Vec<char>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex {
            starts,
            chars: text.chars().collect(),
        }
    }

    /// Number of characters.
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Character offset of a byte offset (a byte inside a character maps to that character).
    fn to_char(&self, byte: usize) -> usize {
        self.starts
            .partition_point(|&b| b <= byte)
            .saturating_sub(1)
    }

    /// Byte offset of a character offset, clamped to the text.
    fn to_byte(&self, ch: usize) -> usize {
        self.starts[ch.min(self.len())]
    }
}

/// Is `c` trimmed from span ends?
fn is_trim(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '„' | '—' | '–' | '…' | '«' | '»' | '•' | '·'
        )
}

/// Trims one character range of `text_chars` (the text as characters); `None` if nothing is
/// left.
fn trim_range(text_chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(text_chars.len());
    let mut s = start.min(end);
    let mut e = end;
    while s < e && is_trim(text_chars[s]) {
        s += 1;
    }
    while e > s && is_trim(text_chars[e - 1]) {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

/// Trims every fragment and drops the empty ones; `None` if none is left.
fn trim_frags(text_chars: &[char], frags: &[(usize, usize)]) -> Option<Frags> {
    let out: Frags = frags
        .iter()
        .filter_map(|&(s, e)| trim_range(text_chars, s, e))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Splits a `.ann` file into records: a record starts at a line `^[TE#]\d+\t`, and any other
/// line continues the previous record.
fn records(ann: &str) -> Vec<String> {
    let starts_record = |l: &str| {
        let mut it = l.chars();
        matches!(it.next(), Some('T' | 'E' | '#'))
            && l.split_once('\t').is_some_and(|(id, _)| {
                id.len() > 1 && id.chars().skip(1).all(|c| c.is_ascii_digit())
            })
    };
    let mut out: Vec<String> = Vec::new();
    for line in ann.lines() {
        if starts_record(line) {
            out.push(line.to_owned());
        } else if let Some(last) = out.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    out
}

/// Parses the fragments of a T record's `LABEL START END[;START END…]` field.
fn parse_frags(field: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let (label, rest) = field.split_once(' ')?;
    let frags = rest
        .split(';')
        .map(|f| {
            let (a, b) = f.trim().split_once(' ')?;
            let (a, b) = (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?);
            (a <= b).then_some((a, b))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((label.to_owned(), frags))
}

/// Parses the gold attributions of a `.ann` file, in character offsets, trimmed.
fn parse_ann(ann: &str, chars: &CharIndex) -> Result<Vec<Attr>, String> {
    let mut spans: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut events: Vec<Vec<(String, String)>> = Vec::new();
    for rec in records(ann) {
        let mut fields = rec.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (_label, frags) =
                parse_frags(body).ok_or_else(|| format!("bad T record `{id}`: `{body}`"))?;
            if frags.iter().any(|&(_, e)| e > chars.len()) {
                return Err(format!("{id}: offsets past the end of the text"));
            }
            spans.insert(id.to_owned(), frags);
        } else if id.starts_with('E') {
            let args = body
                .split_whitespace()
                .skip(1)
                .filter_map(|a| a.split_once(':'))
                .map(|(r, t)| (r.to_owned(), t.to_owned()))
                .collect();
            events.push(args);
        }
    }
    let mut out = Vec::new();
    for args in events {
        let mut attr = Attr::default();
        for (role, tid) in &args {
            let Some(frags) = spans.get(tid) else {
                return Err(format!("event argument {role}:{tid} names no T record"));
            };
            let slot = match role.as_str() {
                "Source" => 0,
                "Cue" => 1,
                r if r.starts_with("Content") => 2,
                _ => continue,
            };
            let merged = attr.spans[slot].get_or_insert_with(Vec::new);
            merged.extend(frags.iter().copied());
        }
        for s in &mut attr.spans {
            *s = s.as_ref().and_then(|f| {
                let mut f = f.clone();
                f.sort_unstable();
                trim_frags(&chars.chars, &f)
            });
        }
        if attr.spans.iter().any(Option::is_some) {
            out.push(attr);
        }
    }
    Ok(out)
}

/// The engine's attributions of a document, in character offsets, trimmed. The sentences of a
/// quotation that carry their speaker from another sentence (`Via::QuoteCarry`, keeping that
/// sentence's speaker and cue spans) are one attribution with it: their contents are merged.
fn predict(rules: &RuleSet, doc: &Document, chars: &CharIndex) -> Vec<Attr> {
    let to_frags = |span: Span| -> Option<Frags> {
        let (s, e) = (chars.to_char(span.start), chars.to_char(span.end));
        trim_frags(&chars.chars, &[(s, e)])
    };
    let extraction = extract(rules, doc, 0);
    let found: Vec<&crosscheck::attribute::Attribution> = extraction
        .attributions
        .iter()
        .flatten()
        .filter(|a| a.source.via != Via::Document)
        .collect();
    // The speaker and cue spans of every attribution some quoted sentence carries.
    let key = |a: &crosscheck::attribute::Attribution| {
        Some((
            a.source.span?.start,
            a.source.span?.end,
            a.source.cue_span?.start,
        ))
    };
    let carried: BTreeSet<(usize, usize, usize)> = found
        .iter()
        .filter(|a| a.source.via == Via::QuoteCarry)
        .filter_map(|a| key(a))
        .collect();
    let mut out: Vec<Attr> = Vec::new();
    let mut merged_into: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
    for a in found {
        let content = to_frags(a.content);
        if let Some(k) = key(a).filter(|k| carried.contains(k)) {
            if let Some(&i) = merged_into.get(&k) {
                if let Some(frags) = content {
                    let spans: &mut Option<Frags> = &mut out[i].spans[2];
                    let all = spans.get_or_insert_with(Vec::new);
                    all.extend(frags);
                    all.sort_unstable();
                }
                continue;
            }
            merged_into.insert(k, out.len());
        }
        out.push(Attr {
            spans: [
                a.source.span.and_then(to_frags),
                a.source.cue_span.and_then(to_frags),
                content,
            ],
        });
    }
    out
}

/// The word tokens of a text, as character ranges in order.
struct Tokens {
    ranges: Vec<(usize, usize)>,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        let mut ranges = Vec::new();
        let mut start: Option<usize> = None;
        let mut n = 0;
        for (i, c) in text.chars().enumerate() {
            n = i + 1;
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    ranges.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            ranges.push((s, n));
        }
        Tokens { ranges }
    }

    /// Indices of the tokens that overlap any fragment.
    fn of(&self, frags: &[(usize, usize)]) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for &(s, e) in frags {
            let first = self.ranges.partition_point(|&(_, te)| te <= s);
            for (k, &(ts, _)) in self.ranges.iter().enumerate().skip(first) {
                if ts >= e {
                    break;
                }
                out.insert(k);
            }
        }
        out
    }
}

/// Tokens shared by two optional spans.
fn shared(tokens: &Tokens, a: Option<&Frags>, b: Option<&Frags>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => tokens.of(a).intersection(&tokens.of(b)).count(),
        _ => 0,
    }
}

/// Greedy one-to-one pairing of predictions with gold attributions, by shared content tokens,
/// then shared cue tokens. Returns (prediction, gold) index pairs.
fn pair(pred: &[Attr], gold: &[Attr], tokens: &Tokens, opts: Options) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let content = shared(tokens, p.spans[2].as_ref(), g.spans[2].as_ref());
            let cue = shared(tokens, p.spans[1].as_ref(), g.spans[1].as_ref());
            if content + cue > 0 {
                cands.push((content, cue, pi, gi));
            }
        }
    }
    // Highest overlap first; ties by position for determinism.
    if opts.cue_first {
        cands.sort_by(|a, b| (b.1 > 0, b.0, b.1, a.2, a.3).cmp(&(a.1 > 0, a.0, a.1, b.2, b.3)));
    } else {
        cands.sort_by(|a, b| (b.0, b.1, a.2, a.3).cmp(&(a.0, a.1, b.2, b.3)));
    }
    let (mut used_p, mut used_g) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (_, _, pi, gi) in cands {
        if !used_p[pi] && !used_g[gi] {
            used_p[pi] = true;
            used_g[gi] = true;
            out.push((pi, gi));
        }
    }
    out
}

/// Per-role counts of one article.
fn count(
    pred: &[Attr],
    gold: &[Attr],
    pairs: &[(usize, usize)],
    tokens: &Tokens,
) -> [RoleCounts; 3] {
    let mut out = [RoleCounts::default(); 3];
    for (r, c) in out.iter_mut().enumerate() {
        for p in pred.iter().filter_map(|p| p.spans[r].as_ref()) {
            c.pred_spans += 1;
            c.pred_tokens += tokens.of(p).len();
        }
        for g in gold.iter().filter_map(|g| g.spans[r].as_ref()) {
            c.gold_spans += 1;
            c.gold_tokens += tokens.of(g).len();
        }
        for &(pi, gi) in pairs {
            let (p, g) = (pred[pi].spans[r].as_ref(), gold[gi].spans[r].as_ref());
            c.overlap += shared(tokens, p, g);
            if p.is_some() && p == g {
                c.exact += 1;
            }
        }
    }
    out
}

/// Text of a span, fragments joined by ` … `.
fn show(text: &str, chars: &CharIndex, span: Option<&Frags>) -> String {
    let Some(frags) = span else {
        return "-".to_owned();
    };
    frags
        .iter()
        .map(|&(s, e)| {
            text.get(chars.to_byte(s)..chars.to_byte(e))
                .unwrap_or("")
                .replace('\n', " ")
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// Human-readable pairing of one article, for `--details`.
fn describe(
    article: &str,
    text: &str,
    chars: &CharIndex,
    pred: &[Attr],
    gold: &[Attr],
    pairs: &[(usize, usize)],
) -> String {
    let mut out = format!("=== {article}\n");
    let of_gold: BTreeMap<usize, usize> = pairs.iter().map(|&(p, g)| (g, p)).collect();
    let paired_pred: BTreeSet<usize> = pairs.iter().map(|&(p, _)| p).collect();
    let line = |tag: &str, a: &Attr| {
        format!(
            "{tag} S[{}] C[{}] T[{}]\n",
            show(text, chars, a.spans[0].as_ref()),
            show(text, chars, a.spans[1].as_ref()),
            show(text, chars, a.spans[2].as_ref())
        )
    };
    for (gi, g) in gold.iter().enumerate() {
        out.push_str(&line("GOLD", g));
        match of_gold.get(&gi) {
            Some(&pi) => {
                let p = &pred[pi];
                let mark = |r: usize| if p.spans[r] == g.spans[r] { '=' } else { '≠' };
                out.push_str(&line(&format!(" PRED{}{}{}", mark(0), mark(1), mark(2)), p));
            }
            None => out.push_str(" MISS\n"),
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !paired_pred.contains(&pi) {
            out.push_str(&line("SPURIOUS", p));
        }
    }
    let _ = writeln!(out);
    out
}
