//! crosscheck finds where the sources quoted in a text disagree with each other.
//!
//! The pipeline runs one way: documents ([`text`]) → sentences ([`text::segment()`]) → claims
//! ([`extract`], using [`subject`], [`attribute`] and [`quantity`]) → findings ([`compare`]) →
//! report ([`report`]). Rules come from YAML ([`rules`]) and are compiled once. [`analyze`] is
//! pure: it does no I/O and prints nothing.
//!
//! [`analyze`] holds every document of a run at once. When documents are paired only within
//! themselves (the default), [`analyze_each`] streams instead: it analyses documents in bounded
//! parallel batches and hands each one's analysis over in order, so memory does not grow with
//! the number of documents.

pub mod attribute;
pub mod authoring;
pub mod baseline;
pub mod cli;
pub mod compare;
pub mod config;
pub mod entities;
pub mod error;
pub mod eval;
pub mod explain;
pub mod extract;
pub mod model;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod subject;
pub mod suppress;
pub mod text;
pub mod topic;

use model::{Claim, Finding};
use rayon::prelude::*;
use rules::RuleSet;
use text::Document;

pub use compare::CompareOptions;

/// Per-document counts.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocumentSummary {
    /// Path as given.
    pub path: String,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of claims.
    pub claims: usize,
}

/// The result of a run: documents, claims and findings, in a stable order.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentSummary>,
    /// All claims, ordered by document then offset.
    pub claims: Vec<Claim>,
    /// Findings, ordered by document then offset of their first claim.
    pub findings: Vec<Finding>,
}

/// Extracts claims from every document (in parallel) and pairs the conflicting ones.
pub fn analyze(rules: &RuleSet, docs: &[Document], opts: CompareOptions) -> Analysis {
    let extractions: Vec<extract::Extraction> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| extract::extract(rules, d, i))
        .collect();
    let documents = docs
        .iter()
        .zip(&extractions)
        .map(|(d, e)| DocumentSummary {
            path: d.path.clone(),
            sentences: e.sentences.len(),
            claims: e.claims.len(),
        })
        .collect();
    let claims: Vec<Claim> = extractions.into_iter().flat_map(|e| e.claims).collect();
    let findings = compare::pair(rules, &claims, opts);
    Analysis {
        documents,
        claims,
        findings,
    }
}

/// Analyses one document on its own: `analyze(rules, &[doc], opts)`. Claims point at document
/// 0 and findings at the claims of this analysis. Pairing within one document
/// (`across_documents: false`), the analysis of a document alone is that document's share of
/// [`analyze`] on many, with claim and finding indices shifted by what came before.
pub fn analyze_document(rules: &RuleSet, doc: &Document, opts: CompareOptions) -> Analysis {
    analyze(rules, std::slice::from_ref(doc), opts)
}

/// How much a streaming run holds at once: a batch closes when it has `items` items or, once
/// it has one, when the next would take it past `bytes` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batching {
    /// Most items in a batch (at least 1).
    pub items: usize,
    /// Most bytes of input in a batch (a single larger item is a batch of its own).
    pub bytes: u64,
}

impl Default for Batching {
    /// 16 documents per thread (at least 32) and 4 MiB.
    fn default() -> Batching {
        Batching {
            items: (rayon::current_num_threads() * 16).max(32),
            bytes: 4 << 20,
        }
    }
}

/// Maps `work` over `items` in parallel, one bounded batch at a time (see [`Batching`];
/// `weight` gives an item's size in bytes), and hands every result to `each` in input order.
///
/// Batches are cut and worked on by a producer thread while `each` runs on the calling thread,
/// so writing one batch's results overlaps with working on the next; at most three batches are
/// alive at once (one worked on, one waiting, one handed over). With one rayon thread
/// (`RAYON_NUM_THREADS=1`) everything runs in turn on the calling thread. If `each` fails, no
/// further batch is started and its error is returned.
pub fn map_batched<T, R, E>(
    items: impl IntoIterator<Item = T, IntoIter: Send>,
    weight: impl Fn(&T) -> u64 + Send,
    batching: Batching,
    work: impl Fn(T) -> R + Sync,
    mut each: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if rayon::current_num_threads() <= 1 {
        // One thread asked for: analyse and write in turn on this thread, with no producer
        // thread overlapping the two.
        for item in items {
            each(work(item))?;
        }
        return Ok(());
    }
    let mut items = items.into_iter().peekable();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<R>>(1);
    let work = &work;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            loop {
                let mut batch = Vec::new();
                let mut bytes = 0u64;
                while batch.len() < batching.items.max(1) {
                    let Some(next) = items.peek() else { break };
                    let w = weight(next);
                    if !batch.is_empty() && bytes.saturating_add(w) > batching.bytes {
                        break;
                    }
                    bytes = bytes.saturating_add(w);
                    batch.extend(items.next());
                }
                if batch.is_empty() {
                    break;
                }
                let results: Vec<R> = batch.into_par_iter().map(work).collect();
                if tx.send(results).is_err() {
                    break;
                }
            }
        });
        for results in rx {
            for r in results {
                each(r)?;
            }
        }
        Ok(())
    })
}

/// Streams [`analyze_document`] over `docs`: documents are analysed in parallel, a bounded
/// batch at a time ([`map_batched`]), and `each` receives every document with its analysis in
/// input order; both are dropped before later batches are read. Claims are paired within each
/// document: `across_documents` is ignored (use [`analyze`] to pair across documents).
///
/// The claims and findings handed over for the documents, in order, with indices shifted by
/// what came before, are those of [`analyze`] on all of them.
pub fn analyze_each<E>(
    rules: &RuleSet,
    docs: impl IntoIterator<Item = Document, IntoIter: Send>,
    opts: CompareOptions,
    batching: Batching,
    mut each: impl FnMut(Document, Analysis) -> Result<(), E>,
) -> Result<(), E> {
    let mut within = opts;
    within.across_documents = false;
    map_batched(
        docs,
        |d: &Document| d.text.len() as u64,
        batching,
        |d| {
            let a = analyze_document(rules, &d, within);
            (d, a)
        },
        |(d, a)| each(d, a),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_batched_keeps_the_order_and_bounds_batches() {
        let mut seen = Vec::new();
        let batching = Batching {
            items: 3,
            bytes: 10,
        };
        let r: Result<(), ()> = map_batched(
            0..100u64,
            |&i| i % 7,
            batching,
            |i| i * 2,
            |x| {
                seen.push(x);
                Ok(())
            },
        );
        assert_eq!(r, Ok(()));
        assert_eq!(seen, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn map_batched_stops_at_the_first_error() {
        let mut seen = 0;
        let r = map_batched(
            0..10_000u32,
            |_| 1,
            Batching { items: 4, bytes: 4 },
            |i| i,
            |x| {
                seen += 1;
                if x == 5 { Err(x) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(5));
        assert_eq!(seen, 6);
    }

    #[test]
    fn map_batched_on_one_thread_works_in_turn_on_the_caller() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool");
        let mut seen = Vec::new();
        let r: Result<(), ()> = pool.install(|| {
            let here = std::thread::current().id();
            map_batched(
                0..50u64,
                |_| 1,
                Batching { items: 4, bytes: 4 },
                |i| (i, std::thread::current().id()),
                |(i, worker)| {
                    assert_eq!(worker, here, "work ran on another thread");
                    seen.push(i);
                    Ok(())
                },
            )
        });
        assert_eq!(r, Ok(()));
        assert_eq!(seen, (0..50).collect::<Vec<_>>());
    }
}
