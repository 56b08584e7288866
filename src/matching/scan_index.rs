//! One pass over an answer for the needles of every literal and regex of a rubric.
//!
//! A regex is searched only when the answer holds one needle of each of its needle sets (see
//! [`super::needles`]), and a literal only when it holds the literal. Asking `str::contains` for
//! each needle of each regex scans the answer once per needle: a bank rubric has dozens, and that
//! was a tenth of batch grading. One Aho-Corasick automaton over all of them answers every
//! question in a single pass.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::compile::Scanner;

/// The needles of a rubric's scanning leaves, made into one automaton on the first answer (a
/// program that loads the whole bank grades few of its questions).
#[derive(Debug, Default)]
pub(crate) struct ScanIndex {
    built: OnceLock<Built>,
}

/// A scan's sets of pattern ids, each of which must have one pattern in the answer.
type PatternSets = Box<[Box<[u32]>]>;

#[derive(Debug)]
struct Built {
    /// `None` when no scan has needles.
    automaton: Option<AhoCorasick>,
    patterns: usize,
    /// Per scan, in scan order: `None` when it runs whatever the answer holds; otherwise its
    /// sets of pattern ids, each of which must have one pattern in the answer.
    sets: Vec<Option<PatternSets>>,
}

/// Which scans of a rubric may match one answer (see [`ScanIndex::candidates`]).
pub(crate) struct Candidates<'a> {
    built: &'a Built,
    /// One bit per pattern found in the answer.
    present: Vec<u64>,
}

impl Candidates<'_> {
    /// Whether scan `i` may match: false when the answer lacks every needle of one of its sets.
    pub fn may_match(&self, i: usize) -> bool {
        let holds = |p: u32| self.present[p as usize / 64] & (1 << (p % 64)) != 0;
        match self.built.sets.get(i) {
            Some(Some(sets)) => sets.iter().all(|set| set.iter().any(|&p| holds(p))),
            _ => true,
        }
    }
}

impl ScanIndex {
    /// Finds, in one pass over the ASCII-lower-cased answer `lower`, which needles of `scans`
    /// (the scan table this index belongs to, always the same) it holds.
    pub fn candidates<'a>(&'a self, scans: &[(u32, Scanner)], lower: &str) -> Candidates<'a> {
        let built = self.built.get_or_init(|| Built::new(scans));
        let mut present = vec![0u64; built.patterns.div_ceil(64)];
        if let Some(automaton) = &built.automaton {
            for m in automaton.find_overlapping_iter(lower) {
                let p = m.pattern().as_usize();
                present[p / 64] |= 1 << (p % 64);
            }
        }
        Candidates { built, present }
    }
}

impl Built {
    fn new<'s>(scans: &'s [(u32, Scanner)]) -> Built {
        let mut ids: FxHashMap<&'s str, u32> = FxHashMap::default();
        let mut patterns: Vec<&'s str> = Vec::new();
        let mut id = |needle: &'s str| -> Option<u32> {
            // An empty needle is in every answer: its set always holds.
            if needle.is_empty() {
                return None;
            }
            Some(*ids.entry(needle).or_insert_with(|| {
                patterns.push(needle);
                patterns.len() as u32 - 1
            }))
        };
        let mut sets = Vec::with_capacity(scans.len());
        for (_, scan) in scans {
            let of_scan: Option<PatternSets> = match scan {
                Scanner::Literal { needle, .. } => {
                    id(needle).map(|p| vec![vec![p].into_boxed_slice()].into_boxed_slice())
                }
                Scanner::Regex { regex, .. } => regex.needle_sets().map(|needle_sets| {
                    needle_sets
                        .iter()
                        .filter_map(|set| {
                            // A set with an empty needle always holds: it rules nothing out.
                            set.iter().map(|n| id(n)).collect::<Option<Box<[u32]>>>()
                        })
                        .collect()
                }),
            };
            sets.push(of_scan);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            // Standard match semantics, which overlapping search needs; a rubric's needles are
            // few enough (tens to a few hundred) that this cannot fail on size. If it did, every
            // scan would run, as if it had no needles.
            AhoCorasick::new(&patterns).ok()
        };
        if automaton.is_none() && !patterns.is_empty() {
            return Built {
                automaton: None,
                patterns: 0,
                sets: scans.iter().map(|_| None).collect(),
            };
        }
        Built {
            automaton,
            patterns: patterns.len(),
            sets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::Engine;

    /// The one pass rules out exactly what asking for each needle in turn rules out, on every
    /// bank rubric against its own examples and every model answer.
    #[test]
    fn one_pass_agrees_with_asking_for_each_needle() {
        let bank = crate::Bank::embedded().expect("bank loads");
        let models: Vec<String> = bank
            .rubrics()
            .map(|r| r.model_answer.to_ascii_lowercase())
            .collect();
        let (mut kept, mut ruled_out) = (0, 0);
        for rubric in bank.rubrics() {
            let engine = Engine::compile(rubric, bank.glossary(), false, None).expect("compiles");
            let index = ScanIndex::default();
            let texts = rubric
                .examples
                .iter()
                .map(|e| e.answer.to_ascii_lowercase())
                .chain(models.iter().cloned());
            for lower in texts {
                let candidates = index.candidates(engine.scans(), &lower);
                for (k, (_, scan)) in engine.scans().iter().enumerate() {
                    let expected = match scan {
                        Scanner::Literal { needle, .. } => lower.contains(needle.as_str()),
                        Scanner::Regex { regex, .. } => regex.may_match(&lower),
                    };
                    assert_eq!(candidates.may_match(k), expected, "{scan:?} on {lower:?}");
                    if expected {
                        kept += 1;
                    } else {
                        ruled_out += 1;
                    }
                }
            }
        }
        assert!(
            kept > 1000 && ruled_out > 100_000,
            "{kept} kept, {ruled_out} ruled out"
        );
    }

    #[test]
    fn a_scan_without_needles_always_runs_and_an_empty_table_costs_nothing() {
        let index = ScanIndex::default();
        let candidates = index.candidates(&[], "anything");
        assert!(candidates.may_match(0), "out of range: runs, as before");
    }
}
