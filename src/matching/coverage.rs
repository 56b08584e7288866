//! Content-word coverage of reference answers: the fallback credit a drafted rubric gives an
//! answer that states the reference's idea in its own order and words (see
//! [`Coverage`](crate::rubric::Coverage)).
//!
//! Compiled once per rubric: each reference becomes a list of content-word stems with a weight
//! (demoted when the question already uses the word) and a stance (asserted or denied in the
//! reference). An answer is analysed once by the grader; its stems, split by stance, are looked
//! up here. Numbers and identifiers compare by their exact normalised text, as elsewhere.
//!
//! A reference word counts when the answer states it, a synonym, or — for a common gradable
//! adjective — another degree of it ("higher" for "high pitch"), with the reference's stance. A
//! word the answer contradicts (states with the other stance, or replaces by an antonym) earns
//! nothing; with several references, the share of the most contradicted one is also taken off
//! at [`CROSS_REFERENCE_CONTRADICTION`], so agreeing with one reference does not excuse denying
//! what another asserts. Words that references state with both stances settle nothing and are
//! not counted against the answer.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Analyzer, Token, TokenKind};
use crate::rubric::{Coverage, DEMOTED_WORD_WEIGHT};

/// With several references: how much of the most contradicted reference's contradicted share
/// comes off the best recall. Chosen on the SemEval-2013 training splits.
pub const CROSS_REFERENCE_CONTRADICTION: f32 = 0.5;

/// What an answer earned from a rubric's content-word coverage, with the words behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageResult {
    /// The share of the coverage weight earned, 0–1 (after the saturating curve).
    pub credit: f32,
    /// Points of the 100 it adds to the score (before penalties and caps).
    pub points: f32,
    /// The most points coverage can add.
    pub max_points: f32,
    /// Weighted recall of the best-matching reference's words, 0–1, less contradictions.
    pub recall: f32,
    /// The best-matching reference (0 is the model answer).
    pub reference: usize,
    /// Its words the answer states (directly, by a synonym or another degree).
    pub covered: Vec<String>,
    /// Its words the answer does not state.
    pub missing: Vec<String>,
    /// Its words the answer contradicts (states with the other stance, or by an antonym).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub contradicted: Vec<String>,
    /// Covered or missing words that the question already uses (they count a fifth).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub demoted: Vec<String>,
}

/// One reference word: its stem and the stems that also state it.
#[derive(Clone, Debug)]
struct RefWord {
    /// As the reference writes it, lower-case.
    word: String,
    stems: Vec<String>,
    antonyms: Vec<String>,
    weight: f32,
    demoted: bool,
    denied: bool,
    /// Some reference asserts it and some denies it: its stance settles nothing on its own.
    mixed: bool,
    /// Written in capitals, 2–6 letters ("LIFO"): an answer may spell it out.
    acronym: bool,
}

/// A reference's words in order, by first letter, for acronyms: the index of each token's
/// [`RefWord`] when it is one.
type Initials = Vec<(char, Option<usize>)>;

/// How an answer stands to one reference word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stand {
    Covered,
    Missing,
    Contradicted,
}

/// A [`Coverage`] compiled for one rubric.
#[derive(Clone, Debug)]
pub struct WordCoverage {
    references: Vec<Vec<RefWord>>,
    initials: Vec<Initials>,
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
        let mut initials: Vec<Initials> = Vec::new();
        let mut references: Vec<Vec<RefWord>> = coverage
            .references
            .iter()
            .map(|text| {
                let a = analyzer.analyze(text);
                let mut words: Vec<RefWord> = Vec::new();
                let mut letters: Initials = Vec::new();
                // A reference of function words only ("the same") counts all its words.
                let any_content = a.tokens().iter().any(|t| is_content(&a, t));
                for t in a
                    .tokens()
                    .iter()
                    .filter(|t| is_content(&a, t) || !any_content)
                {
                    let stem = a.stem(t);
                    if let Some(i) = words.iter().position(|w| w.stems[0] == stem) {
                        letters.push((a.norm(t).chars().next().unwrap_or(' '), Some(i)));
                        continue;
                    }
                    letters.push((a.norm(t).chars().next().unwrap_or(' '), Some(words.len())));
                    let surface = text.get(t.span.start..t.span.end).unwrap_or_default();
                    let mut stems = vec![stem.to_string()];
                    if let Some(alts) = synonyms.get(stem) {
                        stems.extend(alts.iter().cloned());
                    }
                    for f in degree_forms(stem) {
                        if !stems.contains(&f) {
                            stems.push(f);
                        }
                    }
                    let is_demoted = demoted.contains(stem);
                    words.push(RefWord {
                        word: a.norm(t).to_string(),
                        stems,
                        antonyms: antonyms.get(stem).cloned().unwrap_or_default(),
                        weight: if is_demoted { DEMOTED_WORD_WEIGHT } else { 1.0 },
                        demoted: is_demoted,
                        denied: t.negated,
                        mixed: false,
                        acronym: (2..=6).contains(&surface.len())
                            && surface.bytes().all(|b| b.is_ascii_uppercase()),
                    });
                }
                // Function words take part in acronyms too ("last in, first out").
                let mut all: Initials = Vec::new();
                let mut next = letters.iter();
                for t in a.tokens() {
                    if is_content(&a, t) || !any_content {
                        all.push(next.next().copied().unwrap_or((' ', None)));
                    } else if t.kind == TokenKind::Word {
                        all.push((a.norm(t).chars().next().unwrap_or(' '), None));
                    }
                }
                initials.push(all);
                words
            })
            .collect();
        // References with no word at all are dropped, with their initials.
        let keep: Vec<bool> = references.iter().map(|w| !w.is_empty()).collect();
        references.retain(|w| !w.is_empty());
        let mut k = keep.iter();
        initials.retain(|_| k.next().copied().unwrap_or(false));
        let mut stance: FxHashMap<String, (bool, bool)> = FxHashMap::default();
        for w in references.iter().flatten() {
            let e = stance.entry(w.stems[0].clone()).or_default();
            if w.denied {
                e.1 = true;
            } else {
                e.0 = true;
            }
        }
        for w in references.iter_mut().flatten() {
            w.mixed = stance.get(&w.stems[0]).is_some_and(|(a, d)| *a && *d);
        }
        WordCoverage {
            references,
            initials,
            full: coverage.full.clamp(f32::MIN_POSITIVE, 1.0),
            curve: coverage.curve.clamp(1.0, 4.0),
        }
    }

    /// How `answer` stands to every word of every reference.
    fn stands(&self, text: &str, answer: &Analysis) -> Vec<Vec<Stand>> {
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
        // Acronyms the answer uses (3–6 letters, asserted) and the initials of its words.
        // Written in capitals ("CPU"), or not an English word ("lifo").
        let acronyms: Vec<&str> = answer
            .tokens()
            .iter()
            .filter(|t| {
                let n = answer.norm(t);
                let surface = text.get(t.span.start..t.span.end).unwrap_or_default();
                t.kind == TokenKind::Word
                    && !t.function_word
                    && !t.negated
                    && (3..=6).contains(&n.len())
                    && n.bytes().all(|b| b.is_ascii_lowercase())
                    && (surface.bytes().all(|b| b.is_ascii_uppercase())
                        || (n.len() >= 4 && !crate::analysis::is_english_word(n)))
            })
            .map(|t| answer.norm(t))
            .collect();
        let answer_initials: String = answer
            .tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !t.negated)
            .map(|t| answer.norm(t).chars().next().unwrap_or(' '))
            .collect();
        self.references
            .iter()
            .zip(&self.initials)
            .map(|(words, initials)| {
                let mut spelled = vec![false; words.len()];
                for acr in &acronyms {
                    let n = acr.len();
                    for win in initials.windows(n) {
                        let first_last_content = win[0].1.is_some() && win[n - 1].1.is_some();
                        if first_last_content && win.iter().map(|x| x.0).eq(acr.chars()) {
                            for i in win.iter().filter_map(|x| x.1) {
                                spelled[i] = true;
                            }
                        }
                    }
                }
                words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if spelled[i]
                            || (w.acronym
                                && w.word.len() >= 3
                                && !w.denied
                                && answer_initials.contains(w.word.as_str()))
                        {
                            return Stand::Covered;
                        }
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
                            Stand::Covered
                        } else if stated(other)
                            || w.antonyms.iter().any(|s| same.contains(s.as_str()))
                        {
                            Stand::Contradicted
                        } else {
                            Stand::Missing
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// The best reference and the recall `answer` earns, with how it stands to each reference
    /// word.
    fn best(&self, text: &str, answer: &Analysis) -> (usize, f32, Vec<Vec<Stand>>) {
        let stands = self.stands(text, answer);
        let mut best = (0, 0.0f32);
        let mut worst_against = 0.0f32;
        for (ri, (words, st)) in self.references.iter().zip(&stands).enumerate() {
            let total: f32 = words.iter().map(|w| w.weight).sum();
            if total <= 0.0 {
                continue;
            }
            let got: f32 = words
                .iter()
                .zip(st)
                .filter(|(_, s)| **s == Stand::Covered)
                .map(|(w, _)| w.weight)
                .sum();
            let against: f32 = words
                .iter()
                .zip(st)
                .filter(|(w, s)| **s == Stand::Contradicted && !w.mixed)
                .map(|(w, _)| w.weight)
                .sum();
            if got / total > best.1 {
                best = (ri, got / total);
            }
            worst_against = worst_against.max(against / total);
        }
        let recall = if self.references.len() > 1 {
            (best.1 - CROSS_REFERENCE_CONTRADICTION * worst_against).max(0.0)
        } else {
            best.1
        };
        (best.0, recall, stands)
    }

    /// The best weighted recall of any reference's content words in `answer`, 0–1: contradicted
    /// words earn nothing, and with several references the most contradicted one's share comes
    /// off (see the module documentation).
    pub fn recall(&self, text: &str, answer: &Analysis) -> f32 {
        self.best(text, answer).1
    }

    /// The share of the coverage weight `answer` earns: `1 − (1 − x)^curve` with
    /// `x = min(1, recall / full)`.
    pub fn credit(&self, text: &str, answer: &Analysis) -> f32 {
        self.curve_of(self.recall(text, answer))
    }

    fn curve_of(&self, recall: f32) -> f32 {
        let x = (recall / self.full).min(1.0);
        1.0 - (1.0 - x).powf(self.curve)
    }

    /// The credit `answer` (analysed from `text`) earns with the words behind it; `points` and
    /// `max_points` are left at 0 for the scoring model to fill in (which also rounds `credit`
    /// and `recall` to three decimals once it has scored).
    pub fn assess(&self, text: &str, answer: &Analysis) -> CoverageResult {
        let (reference, recall, stands) = self.best(text, answer);
        let mut out = CoverageResult {
            credit: self.curve_of(recall),
            points: 0.0,
            max_points: 0.0,
            recall,
            reference,
            covered: Vec::new(),
            missing: Vec::new(),
            contradicted: Vec::new(),
            demoted: Vec::new(),
        };
        if let (Some(words), Some(st)) = (self.references.get(reference), stands.get(reference)) {
            for (w, s) in words.iter().zip(st) {
                let word = if w.denied {
                    format!("not {}", w.word)
                } else {
                    w.word.clone()
                };
                if w.demoted {
                    out.demoted.push(word.clone());
                }
                match s {
                    Stand::Covered => out.covered.push(word),
                    Stand::Missing => out.missing.push(word),
                    Stand::Contradicted => out.contradicted.push(word),
                }
            }
        }
        out
    }
}

/// Common gradable adjectives (as stemmed), whose comparative and superlative state the same idea
/// in coverage: "the pitch is higher" covers "high pitch", "hottest" covers "hot".
const GRADABLE: &[&str] = &[
    "high", "low", "fast", "slow", "big", "small", "larg", "long", "short", "hot", "cold", "warm",
    "cool", "heavi", "light", "hard", "soft", "strong", "weak", "near", "close", "deep", "shallow",
    "wide", "narrow", "thick", "thin", "bright", "dim", "dark", "loud", "quiet", "earli", "late",
    "easi", "simpl", "great", "old", "young", "safe", "cheap", "quick", "tall", "steep", "dens",
    "dri", "wet", "full", "rough", "smooth", "sharp", "dull", "clean", "fine", "few", "rich",
    "poor", "tini", "huge", "clear", "flat", "dirti", "shini",
];

/// Irregular degrees (stemmed): each group states one idea.
const IRREGULAR: &[&[&str]] = &[
    &["good", "better", "best"],
    &["bad", "wors", "worst"],
    &["far", "farther", "farthest", "further", "furthest"],
    &["mani", "much", "more", "most"],
    &["littl", "less", "least"],
];

/// The other degrees of a gradable adjective's stem (positive, comparative, superlative).
fn degree_forms(stem: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for g in IRREGULAR.iter().filter(|g| g.contains(&stem)) {
        out.extend(g.iter().filter(|w| **w != stem).map(|w| w.to_string()));
    }
    if let Some(b) = GRADABLE
        .iter()
        .find(|b| stem == **b || degrees(b).iter().any(|f| f == stem))
    {
        out.push(b.to_string());
        out.extend(degrees(b));
        out.retain(|f| f != stem);
    }
    out
}

/// Comparative and superlative of a positive stem: `high` → `higher`, `highest`; `hot` →
/// `hotter`; `heavi` → `heavier`; `larg` → `larger`.
fn degrees(base: &str) -> [String; 2] {
    let b = base.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    let double = (3..=4).contains(&n)
        && !vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3]);
    let root = if double {
        format!("{base}{}", b[n - 1] as char)
    } else if let Some(r) = base.strip_suffix('e') {
        r.to_string()
    } else {
        base.to_string()
    };
    [format!("{root}er"), format!("{root}est")]
}

/// Whether `b` is `a` with one typo: one edit, same first letter, both at least five letters.
fn is_typo(a: &str, b: &str) -> bool {
    b.len() >= 5
        && a.as_bytes().first() == b.as_bytes().first()
        && a.len().abs_diff(b.len()) <= 1
        && strsim::levenshtein(a, b) == 1
}
