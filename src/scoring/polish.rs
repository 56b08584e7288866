//! The finish of an answer: what keeps a complete answer below full marks.
//!
//! Examiners give a complete answer 100 only when it is also well made. Four flaws, each
//! measured without reading for meaning, cap an otherwise complete answer at [`POLISH_CAP`]:
//!
//! - **Too short to explain** ([`is_terse`]): the concepts are named, but in under
//!   [`TERSE_SHARE`] of the model answer's length, so the *why* is missing. Only for questions
//!   whose model answer is an explanation (at least [`TERSE_MIN_MODEL_WORDS`] words).
//! - **Padded** ([`filler_markers`]): conversational filler around the content — "great
//!   question", "hope that helps", "in my experience", "it's a journey". At least
//!   [`FILLER_MARKERS`] different markers.
//! - **Diluted** ([`is_diluted`]): a long answer in which at most half of the sentences carry
//!   anything the rubric credits — the substance is there, watered down by restatement,
//!   anecdote and scene-setting that no filler list can name.
//! - **Misspelt**: a credited term matched only through typo tolerance ("kubelte"), or at
//!   least [`MISSPELT_WORDS`] different words that are in no dictionary and not among the
//!   rubric's own words ("benifits", "skiping", "containr").
//!
//! None of them takes away credit from an answer below the cap: they separate the best answers,
//! they do not punish the rest.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::Grade;
use crate::analysis::{base_forms, is_english_word, Analysis, HashFilter, TokenKind};
use crate::matching::Evidence;

/// The most a complete answer with a flaw of finish can score.
pub const POLISH_CAP: f32 = 90.0;

/// How many different misspelt words (see [`misspelt_words`]) make an answer misspelt. The
/// dictionary lists base forms of common English, so a careful answer still holds a few words it
/// lacks (terms of art such as "daemonset" or "backoff" that the rubric does not use, "setup",
/// "checklist"): strong answers in the development sets hold at most five, hastily typed ones
/// usually many more.
pub const MISSPELT_WORDS: usize = 6;

/// The different words of the answer that look misspelt: written in lower-case letters only
/// (an identifier such as `kubeProxy` or `NodePort` is a name, not a typo), four letters or
/// more, a word of their own (not a piece of `preStop`), in no dictionary (British spellings
/// included) and not among the rubric's own words (`known`), in order of appearance.
pub fn misspelt_words(analysis: &Analysis, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let tokens = analysis.tokens();
    let mut out: Vec<String> = Vec::new();
    // Words already found among the rubric's own: an answer repeats its terms of art, and a
    // word's base forms cost up to a dozen lookups.
    let mut spelt: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (i, t) in tokens.iter().enumerate() {
        // The analyser has told whether the normal form (or a base form of it) is in the
        // dictionary, so only the other words are looked at further.
        if t.kind != TokenKind::Word
            || t.function_word
            || t.words.dictionary
            || i > 0 && tokens[i - 1].word == t.word
            || i + 1 < tokens.len() && tokens[i + 1].word == t.word
        {
            continue;
        }
        let surface = analysis.lower(i);
        let norm = analysis.norm(t);
        if surface.len() < 4
            || !surface.bytes().all(|b| b.is_ascii_lowercase())
            || spelt.contains(surface)
            || out.iter().any(|w| w == surface)
        {
            continue;
        }
        // No base form of the normal form is in the dictionary (above), so only the rubric's
        // words are left to ask about it; the surface form, when it differs, asks both.
        let listed = if norm == surface {
            base_forms(surface, known)
        } else {
            base_forms(surface, |b| is_english_word(b) || known(b)) || base_forms(norm, known)
        };
        if listed {
            spelt.insert(surface);
            continue;
        }
        out.push(surface.to_string());
    }
    out
}

/// An answer shorter than this share of the model answer's words is terse.
pub const TERSE_SHARE: f32 = 0.4;

/// Brevity counts only against a model answer at least this long: a one-line reference answer
/// asks for no explanation.
pub const TERSE_MIN_MODEL_WORDS: u32 = 100;

/// How many different filler markers make an answer padded.
pub const FILLER_MARKERS: usize = 2;

/// Only answers of at least this many sentences can be diluted: in a short answer one sentence
/// of context is half of it.
pub const DILUTED_MIN_SENTENCES: u32 = 8;

/// Whether an answer of `sentences` sentences, `with_content` of which hold evidence of a
/// credited concept, is diluted: at most half of a long answer carries its substance.
pub fn is_diluted(with_content: u32, sentences: u32) -> bool {
    sentences >= DILUTED_MIN_SENTENCES && 2 * with_content <= sentences
}

/// Whether an answer of `words` words is terse next to a model answer of `model_words` words.
pub fn is_terse(words: u32, model_words: u32) -> bool {
    model_words >= TERSE_MIN_MODEL_WORDS && (words as f32) < TERSE_SHARE * model_words as f32
}

/// Conversational filler, as lower-case word sequences: talk about the question, the speaker or
/// the team rather than about the subject. Chosen so that none is a technical term of any
/// field the grader is used for ("classic" and "communication" are, so they are not here).
const FILLER: &[&[&str]] = &[
    &["great", "question"],
    &["good", "question"],
    &["interesting", "question"],
    &["excellent", "question"],
    &["thanks", "for", "asking"],
    &["thank", "you", "for"],
    &["hope", "that", "helps"],
    &["hope", "this", "helps"],
    &["in", "my", "experience"],
    &["at", "the", "end", "of", "the", "day"],
    &["as", "with", "anything"],
    &["as", "with", "everything"],
    &["as", "with", "all"],
    &["journey"],
    &["at", "a", "previous", "company"],
    &["at", "a", "previous", "job"],
    &["at", "my", "last", "company"],
    &["at", "my", "last", "job"],
    &["i", "remember"],
    &["before", "diving", "in"],
    &["before", "getting", "into"],
    &["before", "going", "into"],
    &["long", "story", "short"],
    &["i", "always", "say"],
    &["stakeholders"],
    &["leadership"],
    &["buy-in"],
    &["lunch-and-learn"],
    &["celebrate"],
    &["culture"],
    &["up", "at", "night"],
    &["there's", "a", "saying"],
    &["i", "really", "believe"],
    &["every", "organization", "is", "different"],
    &["every", "organisation", "is", "different"],
    &["every", "team", "is", "different"],
    &["every", "company", "is", "different"],
    &["with", "that", "caveat"],
    &["to", "be", "honest"],
    &["exciting"],
    &["fascinating"],
    &["passionate"],
    &["mindset"],
    &["teamwork"],
    &["empathise"],
    &["empathize"],
    &["come", "and", "go"],
    &["learnings"],
    &["for", "what", "it's", "worth"],
    &["fun", "fact"],
    &["over", "the", "years"],
    &["i've", "been", "doing"],
    &["i've", "been", "working"],
    &["i've", "been", "using"],
    &["one", "of", "my", "favorite"],
    &["one", "of", "my", "favourite"],
    &["happy", "to", "go", "deeper"],
    &["happy", "to", "elaborate"],
    &["let", "me", "know", "if"],
    &["honestly"],
    &["i", "appreciate"],
    &["i", "feel", "like"],
    &["let", "me", "take"],
    &["let", "me", "start"],
    &["in", "my", "last", "job"],
    &["in", "my", "previous", "job"],
    &["in", "my", "last", "role"],
    &["at", "my", "previous"],
    &["war", "story"],
    &["war", "stories"],
    &["as", "you", "can", "imagine"],
    &["needless", "to", "say"],
    &["i", "always", "tell"],
    &["everybody", "talks"],
    &["everyone", "talks"],
    &["big", "topic"],
    &["hot", "topic"],
    &["i've", "got", "opinions"],
    &["strong", "opinions"],
    &["painful"],
    &["stressful"],
    &["memorable"],
    &["close", "to", "my", "heart"],
    &["first", "things", "first"],
    &["bear", "with", "me"],
    &["believe", "it", "or", "not"],
    &["the", "hard", "way"],
    &["been", "there"],
    // blind-13's padding: "really glad you asked", "hope that's useful, and feel free to reach
    // out", "let me walk you through"
    &["glad", "you", "asked"],
    &["love", "this", "question"],
    &["love", "this", "one"],
    &["hope", "that's", "useful"],
    &["hope", "this", "is", "useful"],
    &["hope", "that's", "helpful"],
    &["hope", "this", "is", "helpful"],
    &["hope", "that", "saves"],
    &["feel", "free", "to"],
    &["let", "me", "walk", "you"],
    &["let", "me", "share"],
];

/// Whether the lower-case `word` is an English dictionary word, in any inflection ("templates",
/// "replayed").
pub fn is_dictionary_word(word: &str) -> bool {
    base_forms(word, is_english_word)
}

/// The sentences (sorted ids) that hold evidence of a credited concept.
pub(crate) fn content_sentences(grade: &Grade, analysis: &Analysis) -> Vec<u32> {
    evidence_sentences(
        analysis,
        grade
            .concepts
            .iter()
            .filter(|c| c.hit)
            .flat_map(|c| &c.evidence),
    )
}

/// The sentences (sorted ids, each once) in which pieces of `evidence` begin.
pub(crate) fn evidence_sentences<'a>(
    analysis: &Analysis,
    evidence: impl IntoIterator<Item = &'a Evidence>,
) -> Vec<u32> {
    let tokens = analysis.tokens();
    let mut sentences: Vec<u32> = evidence
        .into_iter()
        .filter_map(|e| {
            let k = tokens.partition_point(|t| t.span.start < e.start);
            tokens.get(k).map(|t| t.sentence)
        })
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    sentences
}

/// How many different filler markers the answer holds, outside the sentences listed in
/// `content` (sorted ids of sentences that carry rubric content: "in my experience, the
/// kubelet sends SIGTERM" is a claim with a preamble, not filler).
pub fn filler_markers(analysis: &Analysis, content: &[u32]) -> usize {
    static TABLE: MarkerTable = MarkerTable::new(FILLER);
    TABLE.distinct_in(analysis, content)
}

/// How many different hedges and pieces of generic advice the answer holds — "maybe",
/// "probably", "I think", "it depends", "try", "make sure", "check the", "something". A vague
/// answer is full of them; a confidently wrong one, which states its claims, almost never holds
/// two (on the development sets: 31 % of weak answers, none of 508 wrong ones).
pub fn hedges(analysis: &Analysis) -> usize {
    static TABLE: MarkerTable = MarkerTable::new(HEDGES);
    TABLE.distinct_in(analysis, &[])
}

/// An uncredited answer holding this many different [`hedges`] is vague rather than fluently
/// wrong: it keeps the engagement floor of a weak answer.
pub const HEDGES_OF_A_VAGUE_ANSWER: usize = 2;

/// Hedges and generic advice, as lower-case word sequences (see [`hedges`]).
const HEDGES: &[&[&str]] = &[
    &["maybe"],
    &["probably"],
    &["might"],
    &["perhaps"],
    &["possibly"],
    &["somehow"],
    &["i", "think"],
    &["not", "sure"],
    &["i", "guess"],
    &["it", "depends"],
    &["try"],
    &["see", "if"],
    &["make", "sure"],
    &["double", "check"],
    &["check", "the"],
    &["look", "at"],
    &["test", "it"],
    &["keep", "an", "eye"],
    &["best", "practice"],
    &["best", "practices"],
    &["good", "idea"],
    &["something"],
    &["somewhere"],
    &["some", "setting"],
    &["some", "settings"],
    &["a", "bit"],
];

/// A list of markers (lower-case word sequences) found by their first word: one integer lookup
/// per word of the answer (the hash the analyser already took of its normal form), and only the
/// markers that word starts compared. A filter of the first words' hashes ([`HashFilter`])
/// answers "no" for nearly every word before the map is asked.
struct MarkerTable {
    markers: &'static [&'static [&'static str]],
    first: OnceLock<FirstWords>,
}

/// The markers each first word starts, keyed by the word's hash, and the filter of those hashes.
struct FirstWords {
    starts: FxHashMap<u64, Vec<usize>>,
    filter: HashFilter,
}

impl FirstWords {
    fn get(&self, hash: u64) -> Option<&Vec<usize>> {
        if !self.filter.may_hold(hash) {
            return None;
        }
        self.starts.get(&hash)
    }
}

impl MarkerTable {
    const fn new(markers: &'static [&'static [&'static str]]) -> MarkerTable {
        MarkerTable {
            markers,
            first: OnceLock::new(),
        }
    }

    /// How many different markers the answer holds outside the sentences listed in `skip`
    /// (sorted sentence ids).
    fn distinct_in(&self, analysis: &Analysis, skip: &[u32]) -> usize {
        let first = self.first.get_or_init(|| {
            let mut starts: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
            let mut filter = HashFilter::default();
            // Keyed as the analyser keys the word ("there's" → "there", "empathise" →
            // "empathize").
            let analyzer = crate::analysis::Analyzer::new();
            for (k, m) in self.markers.iter().enumerate() {
                let first = analyzer.analyze(m[0]);
                if !first.tokens().is_empty() {
                    let hash = first.hashes(0).1;
                    starts.entry(hash).or_default().push(k);
                    filter.insert(hash);
                }
            }
            FirstWords { starts, filter }
        });
        let tokens = analysis.tokens();
        let n = tokens.len();
        let mut seen = vec![false; self.markers.len()];
        for (i, t) in tokens.iter().enumerate() {
            let Some(starts) = first.get(analysis.hashes(i).1) else {
                continue;
            };
            if skip.binary_search(&t.sentence).is_ok() {
                continue;
            }
            for &k in starts {
                let marker = self.markers[k];
                if !seen[k]
                    && i + marker.len() <= n
                    && marker
                        .iter()
                        .enumerate()
                        .all(|(d, m)| analysis.lower(i + d) == *m)
                {
                    seen[k] = true;
                }
            }
        }
        seen.iter().filter(|s| **s).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn terse_is_relative_to_an_explained_model_answer() {
        assert!(is_terse(60, 250));
        assert!(!is_terse(120, 250));
        // A one-line reference answer asks for no explanation.
        assert!(!is_terse(5, 20));
    }

    #[test]
    fn diluted_means_at_most_half_of_a_long_answer_carries_content() {
        assert!(is_diluted(5, 10));
        assert!(!is_diluted(6, 10));
        assert!(is_diluted(0, DILUTED_MIN_SENTENCES));
        // A short answer with one sentence of context is not diluted.
        assert!(!is_diluted(2, 4));
        assert!(!is_diluted(3, DILUTED_MIN_SENTENCES - 1));
    }

    #[test]
    fn hedges_count_distinct_hedges_and_generic_advice() {
        let count = |t: &str| hedges(&Analyzer::new().analyze(t));
        assert_eq!(count("Maybe it is the MTU. Maybe not."), 1);
        assert_eq!(count("Double-check the MTU."), 2);
        assert_eq!(
            count("It depends, I think; try it and check the dashboards."),
            4
        );
        assert_eq!(
            count("The kubelet sends SIGTERM, then SIGKILL after 30 s."),
            0
        );
    }

    #[test]
    fn filler_markers_count_distinct_phrases() {
        let a = Analyzer::default();
        let padded = a.analyze(
            "Great question! In my experience the kubelet sends SIGTERM first. \
             Great question again. Hope that helps!",
        );
        assert_eq!(filler_markers(&padded, &[]), 3);
        // A sentence that carries content is not filler.
        assert_eq!(filler_markers(&padded, &[1]), 2);
        let plain = a.analyze(
            "The kubelet sends SIGTERM, waits for the grace period, then sends SIGKILL; \
             the classic load balancer keeps the connection.",
        );
        assert_eq!(filler_markers(&plain, &[]), 0);
        // Markers whose first word the analyser normalises ("there's" → "there") still count.
        let normalised = a.analyze("There's a saying about this. I've been doing this for years.");
        assert_eq!(filler_markers(&normalised, &[]), 2);
    }
}
