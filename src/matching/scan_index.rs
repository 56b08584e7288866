//! One pass over an answer for the needles of every literal and regex of a rubric.
//!
//! A regex is searched only when the answer holds one needle of each of its needle sets (see
//! [`super::needles`]), and a literal only when it holds the literal. Asking `str::contains` for
//! each needle of each regex scans the answer once per needle: a bank rubric has dozens, and that
//! was a tenth of batch grading. One Aho-Corasick automaton over all of them answers every
//! question in a single pass; a rubric with only a few needles (under [`ONE_PASS_FROM`]) still
//! searches for each, which is cheaper than walking the answer byte by byte.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::compile::Scanner;

/// A rubric's scanning leaves (literals and regexes, in leaf order, each with its leaf's index)
/// and the index of their needles, made on the first answer (a program that loads the whole bank
/// grades few of its questions).
#[derive(Debug)]
pub(crate) struct ScanTable {
    scans: Vec<(u32, Scanner)>,
    built: OnceLock<Built>,
}

/// A scan's sets of pattern ids, each of which must have one pattern in the answer.
type PatternSets = Box<[Box<[u32]>]>;

/// From this many distinct needles on, one automaton pass is cheaper than a substring search per
/// needle (each of which is a fast SIMD scan, where the automaton walks every byte once).
const ONE_PASS_FROM: usize = 16;

#[derive(Debug)]
enum Search {
    /// No scan has needles.
    Nothing,
    /// A few needles: a substring search each, in pattern order.
    Each(Box<[Box<str>]>),
    /// Many: one pass.
    Automaton(AhoCorasick),
}

#[derive(Debug)]
struct Built {
    search: Search,
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

impl std::ops::Deref for ScanTable {
    type Target = [(u32, Scanner)];

    fn deref(&self) -> &Self::Target {
        &self.scans
    }
}

impl ScanTable {
    pub fn new(scans: Vec<(u32, Scanner)>) -> ScanTable {
        ScanTable {
            scans,
            built: OnceLock::new(),
        }
    }

    /// Whether the index searches for each needle on its own (few needles; literals left out).
    #[cfg(test)]
    fn few_needles(&self) -> bool {
        self.built
            .get()
            .is_some_and(|b| !matches!(b.search, Search::Automaton(_)))
    }

    /// Finds which needles of the scans the ASCII-lower-cased answer `lower` holds: in one pass,
    /// or with one substring search per needle when the rubric has few.
    pub fn candidates(&self, lower: &str) -> Candidates<'_> {
        let built = self.built.get_or_init(|| Built::new(&self.scans));
        let mut present = vec![0u64; built.patterns.div_ceil(64)];
        let mut set = |p: usize| present[p / 64] |= 1 << (p % 64);
        match &built.search {
            Search::Nothing => {}
            Search::Each(needles) => {
                for (p, needle) in needles.iter().enumerate() {
                    if lower.contains(&**needle) {
                        set(p);
                    }
                }
            }
            Search::Automaton(automaton) => {
                for m in automaton.find_overlapping_iter(lower) {
                    set(m.pattern().as_usize());
                }
            }
        }
        Candidates { built, present }
    }
}

impl Built {
    fn new(scans: &[(u32, Scanner)]) -> Built {
        let (mut patterns, mut sets) = needles_of(scans, true);
        if patterns.len() < ONE_PASS_FROM {
            // Searched for one by one, a literal would be found twice when present: once to
            // know, once for its hits. Its own search is the test.
            (patterns, sets) = needles_of(scans, false);
        }
        let each = || Search::Each(patterns.iter().map(|&p| Box::from(p)).collect());
        let search = if patterns.is_empty() {
            Search::Nothing
        } else if patterns.len() < ONE_PASS_FROM {
            each()
        } else {
            // Standard match semantics, which overlapping search needs. A rubric's needles are
            // few enough (tens to a few hundred) that this cannot fail on size; if it did, each
            // needle is searched for on its own.
            AhoCorasick::new(&patterns).map_or_else(|_| each(), Search::Automaton)
        };
        Built {
            search,
            patterns: patterns.len(),
            sets,
        }
    }
}

/// The distinct needles of `scans` (literals' included, or left for their own search) and, per
/// scan, its sets of needle ids.
fn needles_of<'s>(
    scans: &'s [(u32, Scanner)],
    literals: bool,
) -> (Vec<&'s str>, Vec<Option<PatternSets>>) {
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
    let sets = scans
        .iter()
        .map(|(_, scan)| match scan {
            Scanner::Literal { .. } if !literals => None,
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
        })
        .collect();
    (patterns, sets)
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
            let index = engine.scans();
            let texts = rubric
                .examples
                .iter()
                .map(|e| e.answer.to_ascii_lowercase())
                .chain(models.iter().cloned());
            for lower in texts {
                let candidates = index.candidates(&lower);
                for (k, (_, scan)) in index.iter().enumerate() {
                    let expected = match scan {
                        Scanner::Literal { needle, .. } => lower.contains(needle.as_str()),
                        Scanner::Regex { regex, .. } => regex.may_match(&lower),
                    };
                    let literal = matches!(scan, Scanner::Literal { .. });
                    // A literal of a rubric with few needles is left to its own search: it may
                    // run without being present, never the reverse.
                    let few = index.few_needles();
                    if literal && few {
                        assert!(candidates.may_match(k), "{scan:?} on {lower:?}");
                    } else {
                        assert_eq!(candidates.may_match(k), expected, "{scan:?} on {lower:?}");
                    }
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

    /// The bench fixture's few needles are searched one by one, its literals by their own search.
    #[test]
    fn a_rubric_with_few_needles_searches_for_each() {
        let rubric = crate::Rubric::from_ron(
            include_str!("../../tests/fixtures/termination.ron"),
            "termination.ron",
        )
        .expect("fixture parses");
        let bank = crate::Bank::embedded().expect("bank loads");
        let engine = Engine::compile(&rubric, bank.glossary(), false, None).expect("compiles");
        let index = engine.scans();
        let candidates = index.candidates("nothing of it");
        assert!(index.few_needles());
        for (k, (_, scan)) in index.iter().enumerate() {
            if matches!(scan, Scanner::Literal { .. }) {
                assert!(candidates.may_match(k));
            }
        }
    }

    #[test]
    fn a_scan_without_needles_always_runs_and_an_empty_table_costs_nothing() {
        let index = ScanTable::new(Vec::new());
        let candidates = index.candidates("anything");
        assert!(candidates.may_match(0), "out of range: runs, as before");
    }
}
