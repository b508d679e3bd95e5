//! Deterministic inputs for `bench/run.sh`: a news-like corpus, a corpus where one subject has
//! many claims, and synthetic rule files that multiply the built-in rules.
//!
//! ```text
//! gen_corpus corpus  <fixtures-dir> <prose.txt|-> <out-dir> <megabytes> [seed]
//! gen_corpus subject <out-dir> <claims-per-document> <total-claims> [seed]
//! gen_corpus rules   <out.yml> <multiplier> [seed]
//! ```
//!
//! `corpus` writes `<out-dir>/many/NNNNN.txt` (one article per file) and `<out-dir>/one.txt`
//! (the same articles, concatenated with a blank line between them). Articles are built from
//! the fixture articles (paragraphs shuffled across articles, sentence order, numbers and
//! names varied) mixed with passages of real prose read from `<prose.txt>` (the King James
//! Version as printed by Debian's `bible` program: `Ge1:1 In the beginning…`, one verse a
//! line; any other one-paragraph-a-line text works too). The same seed and inputs always
//! give the same bytes, and a smaller corpus is a prefix of a larger one.
//!
//! No dependency beyond the crate's own: a SplitMix64 generator keeps the output identical
//! across platforms and Rust versions.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: tiny, fast and fully specified, so corpora are reproducible everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Replacement names: ASCII and non-ASCII (letters outside ASCII exercise the Unicode paths).
const NAMES: &[&str] = &[
    "Okonkwo",
    "Haddad",
    "Novak",
    "Erdoğan",
    "Müller",
    "Ngũgĩ",
    "Sánchez",
    "Ødegaard",
    "Łukasz",
    "Nguyễn",
    "Çelik",
    "Þórsson",
    "Dvořák",
    "Kovačević",
    "Álvarez",
    "Ibrahim",
    "Mensah",
    "Kowalski",
    "Petrov",
    "Tanaka",
    "Rahimi",
    "Yusuf",
    "Adebayo",
    "Suleiman",
    "Moreau",
    "Brennan",
    "Lindqvist",
    "Osei",
    "Karimi",
    "Fernández",
    "Wójcik",
    "Håkansson",
    "Abdullahi",
    "Chaudhry",
    "Mbeki",
    "Sørensen",
    "Jiménez",
    "Rostami",
    "Kagame",
    "Dupont",
];
/// Nouns for synthetic group names in multiplied rule files.
const GROUP_NOUNS: &[&str] = &[
    "Front",
    "Brigade",
    "Movement",
    "Alliance",
    "Army",
    "Council",
    "Union",
    "League",
    "Party",
    "Coalition",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus corpus <fixtures> <prose|-> <out> <mb> [seed] | subject <out> <per-doc> <total> [seed] | rules <out.yml> <mult> [seed]";
    let seed = |i: usize| args.get(i).map_or(42, |s| s.parse::<u64>().expect("seed"));
    match args.first().map(String::as_str) {
        Some("corpus") if args.len() >= 5 => {
            let mb: f64 = args[4].parse().expect("megabytes");
            corpus(
                Path::new(&args[1]),
                &args[2],
                Path::new(&args[3]),
                (mb * 1_000_000.0) as usize,
                seed(5),
            );
        }
        Some("subject") if args.len() >= 4 => subject_corpus(
            Path::new(&args[1]),
            args[2].parse().expect("claims per document"),
            args[3].parse().expect("total claims"),
            seed(4),
        ),
        Some("rules") if args.len() >= 3 => {
            multiply_rules(
                Path::new(&args[1]),
                args[2].parse().expect("multiplier"),
                seed(3),
            );
        }
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The news-like corpus.

struct Article {
    file: String,
    licence: String,
    title: String,
    paras: Vec<String>,
}

fn read_fixtures(dir: &Path) -> Vec<Article> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("fixture");
        let mut blocks: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .collect();
        let mut licence = String::new();
        if blocks
            .first()
            .is_some_and(|b| b.lines().all(|l| l.split_once(": ").is_some()))
        {
            for l in blocks[0].lines() {
                if let Some(v) = l.strip_prefix("Licence: ") {
                    licence = v.to_owned();
                }
            }
            blocks.remove(0);
        }
        if blocks.len() < 2 {
            continue;
        }
        out.push(Article {
            file: f.file_name().unwrap().to_string_lossy().into_owned(),
            licence,
            title: blocks[0].replace('\n', " "),
            paras: blocks[1..].iter().map(|b| b.replace('\n', " ")).collect(),
        });
    }
    assert!(!out.is_empty(), "no fixture articles in {}", dir.display());
    out
}

/// Words that look like names: capitalised, never lower-case anywhere in the fixtures, not
/// first in a sentence, and not part of a subject alias of the built-in rules.
fn name_words(arts: &[Article], protected: &BTreeSet<String>) -> BTreeSet<String> {
    let mut caps = BTreeSet::new();
    let mut lower = BTreeSet::new();
    for a in arts {
        for p in &a.paras {
            let mut prev_end = true;
            for w in p.split_whitespace() {
                let core: String = w.chars().filter(|c| c.is_alphabetic()).collect();
                let sentence_start = prev_end;
                prev_end = w.ends_with(['.', '?', '!', '“', '"', ':']);
                if core.chars().count() < 4
                    || core.len() != w.trim_matches(|c: char| !c.is_alphabetic()).len()
                {
                    continue;
                }
                if core.starts_with(char::is_lowercase) {
                    lower.insert(core.to_lowercase());
                } else if !sentence_start && core.chars().skip(1).all(char::is_lowercase) {
                    caps.insert(core);
                }
            }
        }
    }
    caps.into_iter()
        .filter(|w| !lower.contains(&w.to_lowercase()) && !protected.contains(w))
        .collect()
}

/// Words of the built-in subjects' aliases, never renamed (but sometimes misspelt).
fn alias_words() -> (BTreeSet<String>, Vec<String>) {
    let rules = crosscheck::rules::RuleSet::builtin().expect("built-in rules");
    let mut words = BTreeSet::new();
    let mut aliases = Vec::new();
    for s in &rules.subjects {
        for a in &s.aliases {
            aliases.push(a.clone());
            for w in a.split(|c: char| !c.is_alphabetic()) {
                if !w.is_empty() {
                    words.insert(w.to_owned());
                }
            }
        }
    }
    (words, aliases)
}

/// Scales every number except years by a random factor, keeping its formatting style.
fn vary_numbers(text: &str, rng: &mut Rng) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            let mut j = i;
            let mut commas = false;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || (b[j] == b','
                        && j + 3 < b.len()
                        && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                        && b.get(j + 4).is_none_or(|c| !c.is_ascii_digit())))
            {
                commas |= b[j] == b',';
                j += 1;
            }
            let mut decimals = 0;
            if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
                let mut k = j + 1;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                decimals = k - j - 1;
                j = k;
            }
            let raw: String = text[start..j].chars().filter(|c| *c != ',').collect();
            let v: f64 = raw.parse().unwrap_or(0.0);
            let year = decimals == 0 && !commas && (1900.0..=2099.0).contains(&v) && raw.len() == 4;
            let followed_by_letter = b.get(j).is_some_and(u8::is_ascii_alphabetic);
            // Dates and codes ("2003-09-12") stay as they are.
            let dashed = (start >= 2 && b[start - 1] == b'-' && b[start - 2].is_ascii_digit())
                || (b.get(j) == Some(&b'-') && b.get(j + 1).is_some_and(u8::is_ascii_digit));
            if !year && !followed_by_letter && !dashed && v > 0.0 {
                let factor = 0.5 + rng.below(1500) as f64 / 1000.0;
                let nv = v * factor;
                out.push_str(&text[last..start]);
                out.push_str(&format_number(nv, decimals, commas || nv >= 10_000.0));
                last = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

fn format_number(v: f64, decimals: usize, commas: bool) -> String {
    let s = format!("{v:.decimals$}");
    if !commas {
        return s;
    }
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// Renames name words after a per-article map, and misspells a few subject aliases.
fn vary_names(
    text: &str,
    map: &BTreeMap<String, String>,
    aliases: &[String],
    rng: &mut Rng,
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match map.get(word.as_str()) {
            Some(n) => out.push_str(n),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    // A near-miss spelling now and then ("IS-Khorisan"), for the fuzzy subject matcher.
    for a in aliases {
        if a.len() >= 6 && out.contains(a.as_str()) && rng.chance(0.05) {
            let chars: Vec<char> = a.chars().collect();
            let k = 1 + rng.below(chars.len() - 2);
            let mut m = chars.clone();
            m.swap(k, k + 1);
            let misspelt: String = m.into_iter().collect();
            out = out.replacen(a.as_str(), &misspelt, 1);
        }
    }
    out
}

/// Splits a paragraph into sentences at ". " before a capital letter (good enough to shuffle).
fn sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        if matches!(b[i - 1], b'.' | b'?' | b'!') && b[i] == b' ' && b[i + 1].is_ascii_uppercase() {
            out.push(p[start..i].trim());
            start = i + 1;
        }
    }
    out.push(p[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

struct Prose {
    /// (reference, text) per line.
    lines: Vec<(String, String)>,
    next: usize,
}

impl Prose {
    fn read(path: &str) -> Option<Prose> {
        if path == "-" {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let lines: Vec<(String, String)> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match l.split_once(' ') {
                // `Ge1:1 In the beginning`: keep the reference for the title.
                Some((r, t)) if r.contains(':') && r.ends_with(|c: char| c.is_ascii_digit()) => {
                    (r.to_owned(), t.trim().to_owned())
                }
                _ => (String::new(), l.trim().to_owned()),
            })
            .collect();
        (!lines.is_empty()).then_some(Prose { lines, next: 0 })
    }

    fn article(&mut self, rng: &mut Rng, out: &mut String) {
        let first = &self.lines[self.next % self.lines.len()].0;
        let title = first.split(':').next().unwrap_or("").to_owned();
        let _ = write!(
            out,
            "Source: King James Version, from Debian package bible-kjv-text\nLicence: Public domain\n\n{}\n\n",
            if title.is_empty() {
                "Reading".to_owned()
            } else {
                format!("Reading from {title}")
            }
        );
        let paras = 3 + rng.below(10);
        for p in 0..paras {
            let verses = 2 + rng.below(6);
            for v in 0..verses {
                if v > 0 {
                    out.push(' ');
                }
                out.push_str(&self.lines[self.next % self.lines.len()].1);
                self.next += 1;
            }
            out.push_str(if p + 1 < paras { "\n\n" } else { "\n" });
        }
    }
}

fn corpus(fixtures: &Path, prose: &str, out_dir: &Path, target: usize, seed: u64) {
    let arts = read_fixtures(fixtures);
    let (protected, aliases) = alias_words();
    let names: Vec<String> = name_words(&arts, &protected).into_iter().collect();
    let mut prose = Prose::read(prose);
    let many = out_dir.join("many");
    let _ = std::fs::remove_dir_all(&many);
    std::fs::create_dir_all(&many).expect("create corpus dir");
    let mut rng = Rng(seed);
    let mut one = String::with_capacity(target + 8192);
    let mut n = 0usize;
    let (mut news_bytes, mut prose_bytes) = (0usize, 0usize);
    while one.len() < target {
        let mut art = String::new();
        match prose.as_mut() {
            Some(p) if rng.chance(0.25) => {
                p.article(&mut rng, &mut art);
                prose_bytes += art.len();
            }
            _ => {
                news_article(&arts, &names, &aliases, n, &mut rng, &mut art);
                news_bytes += art.len();
            }
        }
        std::fs::write(many.join(format!("{n:05}.txt")), &art).expect("write article");
        if n > 0 {
            one.push('\n');
        }
        one.push_str(&art);
        n += 1;
    }
    std::fs::write(out_dir.join("one.txt"), &one).expect("write one.txt");
    eprintln!(
        "gen_corpus: {} articles, {} bytes ({} news-like, {} prose) in {}",
        n,
        one.len(),
        news_bytes,
        prose_bytes,
        out_dir.display()
    );
}

fn news_article(
    arts: &[Article],
    names: &[String],
    aliases: &[String],
    n: usize,
    rng: &mut Rng,
    out: &mut String,
) {
    let home = rng.below(arts.len());
    let a = &arts[home];
    // A per-article renaming of about a third of the name words.
    let mut map = BTreeMap::new();
    for w in names {
        if rng.chance(0.3) {
            map.insert(w.clone(), (*rng.pick(NAMES)).to_owned());
        }
    }
    let mut paras: Vec<String> = Vec::new();
    for p in &a.paras {
        // Paragraphs move across articles.
        let p = if rng.chance(0.25) {
            let other = rng.pick(arts);
            rng.pick(&other.paras).clone()
        } else {
            p.clone()
        };
        let mut ss = sentences(&p);
        if ss.len() >= 2 && rng.chance(0.3) {
            let k = rng.below(ss.len() - 1);
            ss.swap(k, k + 1);
        }
        paras.push(ss.join(" "));
    }
    if rng.chance(0.3) {
        let extra = rng.pick(arts);
        paras.push(rng.pick(&extra.paras).clone());
    }
    for k in 0..paras.len().saturating_sub(1) {
        if rng.chance(0.15) {
            paras.swap(k, k + 1);
        }
    }
    let _ = write!(
        out,
        "Source: crosscheck bench corpus article {n:05}, derived from fixtures/{}\nLicence: {}\n\n",
        a.file,
        if a.licence.is_empty() {
            "see fixtures/README.md"
        } else {
            &a.licence
        }
    );
    out.push_str(&vary_names(
        &vary_numbers(&a.title, rng),
        &map,
        aliases,
        rng,
    ));
    out.push_str("\n\n");
    let last = paras.len() - 1;
    for (k, p) in paras.iter().enumerate() {
        out.push_str(&vary_names(&vary_numbers(p, rng), &map, aliases, rng));
        out.push_str(if k < last { "\n\n" } else { "\n" });
    }
}

// ---------------------------------------------------------------------------------------------
// One subject, many claims.

/// Documents in which one subject has `per_doc` claims (tolls, threat and responsibility claims
/// from rotating sources), `total` claims in all: time against `per_doc` at a fixed total shows
/// whether pairing grows with the size of a group.
fn subject_corpus(out_dir: &Path, per_doc: usize, total: usize, seed: u64) {
    let _ = std::fs::remove_dir_all(out_dir);
    std::fs::create_dir_all(out_dir).expect("create dir");
    let mut rng = Rng(seed);
    let sources = [
        "Police",
        "Residents",
        "The army",
        "Local officials",
        "A hospital director",
        "Witnesses",
        "The governor",
        "Aid workers",
        "The ministry",
        "Tribal elders",
    ];
    let docs = total.div_ceil(per_doc.max(1));
    let mut bytes = 0;
    for d in 0..docs {
        let mut s = format!(
            "Source: crosscheck bench subject corpus {d:05}\nLicence: Public domain (generated)\n\nTaliban Attacks Continue\n\n"
        );
        for k in 0..per_doc {
            let src = rng.pick(&sources);
            let v = 5 + rng.below(200);
            let line = match rng.below(4) {
                0 => format!("{src} said {v} people were killed in the Taliban attack."),
                1 => format!("{src} said {v} people were wounded in the attack by the Taliban."),
                2 => format!(
                    "The Taliban poses a serious threat to the region, {} said.",
                    src.to_lowercase()
                ),
                _ => format!("{src} said the Taliban was behind the attack."),
            };
            s.push_str(&line);
            s.push_str(if k % 5 == 4 { "\n\n" } else { " " });
        }
        s.push('\n');
        bytes += s.len();
        std::fs::write(out_dir.join(format!("{d:05}.txt")), s).expect("write");
    }
    eprintln!(
        "gen_corpus: {docs} documents, {per_doc} claims each, {bytes} bytes in {}",
        out_dir.display()
    );
}

// ---------------------------------------------------------------------------------------------
// Multiplied rules.

/// Copies of the built-in claim rules (renamed ids, literal words given a prefix such as
/// `counter` or `over`) and new subjects, so that the loaded rules have
/// `mult` times as many claim rules and subjects as the built-in ones (subjects: at most
/// 15,600 new ones). Use with the built-ins.
fn multiply_rules(out: &Path, mult: usize, seed: u64) {
    let mut rng = Rng(seed);
    let vocab: Vec<&str> = VOCAB.split_whitespace().collect();
    let mut claims = Vec::new();
    let mut subjects = 0usize;
    for (_, text) in crosscheck::rules::BUILTIN {
        let doc: serde_yaml::Value = serde_yaml::from_str(text).expect("built-in yaml");
        if let Some(cs) = doc.get("claims").and_then(|c| c.as_sequence()) {
            claims.extend(cs.iter().cloned());
        }
        if let Some(ss) = doc.get("subjects").and_then(|c| c.as_sequence()) {
            subjects += ss.len();
        }
    }
    let mut yaml_claims = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    for copy in 1..mult {
        for c in &claims {
            let mut c = c.clone();
            let m = c.as_mapping_mut().expect("claim mapping");
            let id = m
                .get("id")
                .and_then(|v| v.as_str())
                .unwrap_or("claim")
                .to_owned();
            m.insert("id".into(), format!("{id}-x{copy}").into());
            let pat = m
                .get("pattern")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned();
            // Patterns are written single-quoted below, as in the built-in files.
            patterns.push(vary_pattern(&pat, &vocab, &mut rng));
            m.insert(
                "pattern".into(),
                format!("XPATTERNX{}X", patterns.len() - 1).into(),
            );
            yaml_claims.push(serde_yaml::Value::Mapping(m.clone()));
        }
    }
    // New subjects: "Haddad-Novak Front", aliases "Haddad Novak Front" and "Front of Haddad-Novak"
    // (40 × 39 × 10 distinct ones).
    let mut yaml_subjects = Vec::new();
    let wanted = subjects * mult.saturating_sub(1);
    let mut k = 0usize;
    while yaml_subjects.len() < wanted && k < NAMES.len() * NAMES.len() * GROUP_NOUNS.len() {
        let a = NAMES[k % NAMES.len()];
        let b = NAMES[(k / NAMES.len()) % NAMES.len()];
        let noun = GROUP_NOUNS[k / (NAMES.len() * NAMES.len())];
        k += 1;
        if a == b {
            continue;
        }
        let mut m = serde_yaml::Mapping::new();
        m.insert("id".into(), format!("bench-subject-{k}").into());
        m.insert("name".into(), format!("{a}-{b} {noun}").into());
        m.insert("kind".into(), "group".into());
        m.insert(
            "aliases".into(),
            serde_yaml::Value::Sequence(vec![
                format!("{a} {b} {noun}").into(),
                format!("{noun} of {a}-{b}").into(),
            ]),
        );
        yaml_subjects.push(serde_yaml::Value::Mapping(m));
    }
    let mut root = serde_yaml::Mapping::new();
    root.insert(
        "subjects".into(),
        serde_yaml::Value::Sequence(yaml_subjects),
    );
    root.insert("claims".into(), serde_yaml::Value::Sequence(yaml_claims));
    let mut text = serde_yaml::to_string(&root).expect("yaml");
    for (k, p) in patterns.iter().enumerate().rev() {
        text = text.replace(
            &format!("XPATTERNX{k}X"),
            &format!("'{}'", p.replace('\'', "''")),
        );
    }
    std::fs::write(
        out,
        format!("# generated by examples/gen_corpus.rs rules ×{mult}\n{text}"),
    )
    .expect("write rules");
}

/// Prefixes literal words (4+ letters, outside escapes, classes, macros, group names and flags)
/// with a word of the vocabulary.
fn vary_pattern(p: &str, vocab: &[&str], rng: &mut Rng) -> String {
    let c: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let copy_until = |i: &mut usize, out: &mut String, end: char| {
        while *i < c.len() {
            out.push(c[*i]);
            *i += 1;
            if c[*i - 1] == end {
                break;
            }
        }
    };
    while i < c.len() {
        match c[i] {
            '\\' => {
                out.push(c[i]);
                i += 1;
                if i < c.len() {
                    let e = c[i];
                    out.push(e);
                    i += 1;
                    if matches!(e, 'p' | 'P') && c.get(i) == Some(&'{') {
                        copy_until(&mut i, &mut out, '}');
                    }
                }
            }
            '{' => copy_until(&mut i, &mut out, '}'),
            '(' if c.get(i + 1) == Some(&'?') => {
                // `(?P<name>`, `(?i)`, `(?:`, `(?i:`.
                if c.get(i + 2) == Some(&'P') {
                    copy_until(&mut i, &mut out, '>');
                } else {
                    while i < c.len() {
                        out.push(c[i]);
                        i += 1;
                        if matches!(c[i - 1], ')' | ':') {
                            break;
                        }
                    }
                }
            }
            '[' => {
                // A class, escapes included.
                out.push(c[i]);
                i += 1;
                while i < c.len() && c[i] != ']' {
                    if c[i] == '\\' {
                        out.push(c[i]);
                        i += 1;
                    }
                    if i < c.len() {
                        out.push(c[i]);
                        i += 1;
                    }
                }
                if i < c.len() {
                    out.push(c[i]);
                    i += 1;
                }
            }
            ch if ch.is_ascii_alphabetic() => {
                let s = i;
                while i < c.len() && c[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let w: String = c[s..i].iter().collect();
                if w.len() >= 4 {
                    // Another word of the same family ("killed" → "overkilled"): a rule pack of
                    // the same shape about something else, whose literals are rare here.
                    let prefix: &&str = rng.pick(vocab);
                    out.push_str(prefix);
                    out.push_str(&w);
                } else {
                    out.push_str(&w);
                }
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// Prefixes that turn a pattern's words into other, rarer words.
const VOCAB: &str = "counter over under re non pre anti semi post sub super inter trans mis \
    out up down co ex";
