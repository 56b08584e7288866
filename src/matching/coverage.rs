//! Content-word coverage of reference answers: the fallback credit a drafted rubric gives an
//! answer that states the reference's idea in its own order and words (see
//! [`Coverage`](crate::rubric::Coverage)).
//!
//! Compiled once per rubric: each reference becomes a list of content-word stems with a weight
//! (demoted when the question already uses the word) and a stance (asserted or denied in the
//! reference). An answer is analysed once by the grader; its content stems, split by stance, are
//! looked up here. Numbers and identifiers compare by their exact normalised text, as elsewhere.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::{Analysis, Analyzer, Token, TokenKind};
use crate::rubric::{Coverage, DEMOTED_WORD_WEIGHT};

/// One reference word: its stem and the stems that also state it.
#[derive(Clone, Debug)]
struct RefWord {
    stems: Vec<String>,
    antonyms: Vec<String>,
    weight: f32,
    denied: bool,
}

/// A [`Coverage`] compiled for one rubric.
#[derive(Clone, Debug)]
pub struct WordCoverage {
    references: Vec<Vec<RefWord>>,
    full: f32,
    curve: f32,
}

/// Whether a token carries content for coverage: not a function word, and not a one-letter word.
pub fn is_content(a: &Analysis, t: &Token) -> bool {
    !t.function_word && (t.kind != TokenKind::Word || a.stem(t).chars().count() >= 2)
}

impl WordCoverage {
    /// Compiles `coverage` with the rubric's analyser.
    pub fn compile(coverage: &Coverage, analyzer: &Analyzer) -> WordCoverage {
        let stems_of = |text: &str| -> Vec<String> {
            let a = analyzer.analyze(text);
            a.tokens()
                .iter()
                .filter(|t| is_content(&a, t))
                .map(|t| a.stem(t).to_string())
                .collect()
        };
        let demoted: FxHashSet<String> = stems_of(&coverage.demote).into_iter().collect();
        let table = |map: &std::collections::BTreeMap<String, Vec<String>>| {
            let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
            for (word, alts) in map {
                let key = stems_of(word);
                if let [key] = key.as_slice() {
                    let entry = out.entry(key.clone()).or_default();
                    for alt in alts {
                        if let [s] = stems_of(alt).as_slice() {
                            if s != key && !entry.contains(s) {
                                entry.push(s.clone());
                            }
                        }
                    }
                }
            }
            out
        };
        let synonyms = table(&coverage.synonyms);
        let antonyms = table(&coverage.antonyms);
        let references = coverage
            .references
            .iter()
            .map(|text| {
                let a = analyzer.analyze(text);
                let mut words: Vec<RefWord> = Vec::new();
                // A reference of function words only ("the same") counts all its words.
                let any_content = a.tokens().iter().any(|t| is_content(&a, t));
                for t in a
                    .tokens()
                    .iter()
                    .filter(|t| is_content(&a, t) || !any_content)
                {
                    let stem = a.stem(t);
                    if words.iter().any(|w| w.stems[0] == stem) {
                        continue;
                    }
                    let mut stems = vec![stem.to_string()];
                    if let Some(alts) = synonyms.get(stem) {
                        stems.extend(alts.iter().cloned());
                    }
                    words.push(RefWord {
                        stems,
                        antonyms: antonyms.get(stem).cloned().unwrap_or_default(),
                        weight: if demoted.contains(stem) {
                            DEMOTED_WORD_WEIGHT
                        } else {
                            1.0
                        },
                        denied: t.negated,
                    });
                }
                words
            })
            .filter(|w| !w.is_empty())
            .collect();
        WordCoverage {
            references,
            full: coverage.full.clamp(f32::MIN_POSITIVE, 1.0),
            curve: coverage.curve.clamp(1.0, 4.0),
        }
    }

    /// The best weighted recall of any reference's content words in `answer`, less the weight of
    /// the words it contradicts, 0–1.
    pub fn recall(&self, answer: &Analysis) -> f32 {
        let mut asserted: FxHashSet<&str> = FxHashSet::default();
        let mut denied: FxHashSet<&str> = FxHashSet::default();
        // Every word of the answer: references are compared by their content words, except one
        // made of function words only.
        for t in answer.tokens() {
            if t.negated {
                denied.insert(answer.stem(t));
            } else {
                asserted.insert(answer.stem(t));
            }
        }
        self.references
            .iter()
            .map(|words| {
                let total: f32 = words.iter().map(|w| w.weight).sum();
                let mut got = 0.0;
                for w in words {
                    let (same, other) = if w.denied {
                        (&denied, &asserted)
                    } else {
                        (&asserted, &denied)
                    };
                    let stated = |side: &FxHashSet<&str>| {
                        w.stems.iter().any(|s| side.contains(s.as_str()))
                            || (w.stems[0].len() >= 5
                                && side.iter().any(|a| is_typo(&w.stems[0], a)))
                    };
                    if stated(same) {
                        got += w.weight;
                    } else if stated(other) || w.antonyms.iter().any(|s| same.contains(s.as_str()))
                    {
                        got -= w.weight;
                    }
                }
                if total > 0.0 {
                    (got / total).max(0.0)
                } else {
                    0.0
                }
            })
            .fold(0.0, f32::max)
    }

    /// The share of the coverage weight `answer` earns: `1 − (1 − x)^curve` with
    /// `x = min(1, recall / full)`.
    pub fn credit(&self, answer: &Analysis) -> f32 {
        let x = (self.recall(answer) / self.full).min(1.0);
        1.0 - (1.0 - x).powf(self.curve)
    }
}

/// Whether `b` is `a` with one typo: one edit, same first letter, both at least five letters.
fn is_typo(a: &str, b: &str) -> bool {
    b.len() >= 5
        && a.as_bytes().first() == b.as_bytes().first()
        && a.len().abs_diff(b.len()) <= 1
        && strsim::levenshtein(a, b) == 1
}
