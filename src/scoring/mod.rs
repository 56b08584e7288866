//! Scoring, the third stage: findings → a [`Grade`] (numbers, no prose).
//!
//! A [`ScoringModel`] is compiled once per rubric and holds the whole scoring rule: concept
//! credit, k-of-n groups, misconception penalties, bands, the required-concept cap and the order
//! of importance of misses. The keyword-salad guard reads the analysed answer. Nothing here
//! writes feedback; [`crate::feedback`] builds that from a grade.

mod band;
mod grade;
mod model;
mod polish;
mod salad;

pub use band::Band;
pub use grade::{ConceptResult, Grade, GroupResult, MisconceptionResult, Warning, WarningCode};
pub(crate) use model::round1;
pub use model::ScoringModel;
use polish::{content_sentences, evidence_sentences};
pub use polish::{
    filler_markers, hedges, is_dictionary_word, is_diluted, is_terse, misspelt_words,
    DILUTED_MIN_SENTENCES, FILLER_MARKERS, HEDGES_OF_A_VAGUE_ANSWER, MISSPELT_WORDS, POLISH_CAP,
    TERSE_MIN_MODEL_WORDS, TERSE_SHARE,
};
use salad::SALAD_FACTOR;
pub(crate) use salad::{is_keyword_salad, reads_as_notes};

use crate::analysis::Analysis;
use crate::matching::{CoverageResult, Findings};
use crate::rubric::Rubric;

/// Points off for each concept whose number phrase the answer states with another number.
pub const WRONG_NUMBER_PENALTY: f32 = 10.0;

/// What the grader measured about the answer's text as a whole.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TextSignals {
    /// A bare list of terms (see [`is_keyword_salad`]).
    pub keyword_salad: bool,
    /// Words in the answer.
    pub words: u32,
    /// Nothing but white space.
    pub empty: bool,
    /// The answer engages with the question: it shares at least two content words with it.
    pub on_topic: bool,
    /// Distinct content words the answer shares with the question and the model answer, when
    /// measured (an answer a hand-written rubric credits for no concept), else 0.
    pub topic_words: u32,
    /// The answer's content words (not function words, not denied), when counted with
    /// `topic_words`.
    pub content_words: u32,
    /// Distinct concepts hit per word is so low that the answer reaches the rubric only by
    /// saying everything (see [`is_dump`]).
    pub dump: bool,
    /// The answer's sentences of three words or more, and how many of them hold credit (both 0
    /// when not measured).
    pub sentences: (u32, u32),
    /// A very short answer that names nothing specific (see [`is_vague`]); only measured for
    /// hand-written rubrics and whole answers (never a follow-up).
    pub vague: bool,
    /// An answer credited for nothing that holds at least [`HEDGES_OF_A_VAGUE_ANSWER`]
    /// different [`hedges`]: vague, not fluently wrong (false when not measured).
    pub hedged: bool,
    /// A short answer in prose (see [`is_brief_prose`]): marked on [`BRIEF_PROSE_SCALE`].
    pub brief_prose: bool,
}

/// The words of `analysis` that are function words ("the", "because", "to"), counting a word of
/// several tokens once.
pub(crate) fn function_words(analysis: &Analysis) -> u32 {
    let mut last = u32::MAX;
    let mut n = 0;
    for t in analysis.tokens() {
        if t.kind == crate::analysis::TokenKind::Word && t.word != last {
            last = t.word;
            n += u32::from(t.function_word);
        }
    }
    n
}

/// Prose answers shorter than this many words are brief (see [`is_brief_prose`]).
pub const BRIEF_PROSE_MAX_WORDS: u32 = 80;

/// The least share of function words (per word) of prose; terse notes have fewer (see
/// [`is_brief_prose`]).
pub const PROSE_MIN_FUNCTION_SHARE: f32 = 0.35;

/// Whether an answer of `words` words, `function_words` of them function words, is brief prose:
/// fewer than [`BRIEF_PROSE_MAX_WORDS`] words written as sentences, not as notes. Examiners mark
/// depth as well as coverage: a paragraph of seventy words that touches most of a rubric's points
/// names them without explaining them, and is marked partial or good where a full answer
/// covering the same points is strong. Terse notes (few function words) are marked on what
/// they state, as every other answer is.
pub fn is_brief_prose(words: u32, function_words: u32) -> bool {
    words > 0
        && words < BRIEF_PROSE_MAX_WORDS
        && function_words as f32 >= PROSE_MIN_FUNCTION_SHARE * words as f32
}

/// Answers shorter than this many words can be vague (see [`is_vague`]).
pub const VAGUE_MAX_WORDS: u32 = 30;

/// The most a vague answer that misses a required concept scores: the top of the weak band.
pub const VAGUE_CAP: f32 = 25.0;

/// Whether an answer of `words` words with `specific` specific words (identifiers, numbers,
/// flags, acronyms: see `specific_words` in the grader) is vague: fewer than
/// [`VAGUE_MAX_WORDS`] words and at most one specific one. "Only one controller manager is
/// active and the others are on standby; if the leader fails another takes over" says the
/// subject's words without a name, a number or a setting; examiners mark such an answer weak
/// when it also misses what the question centrally asks, where a short partial answer names
/// things ("Pod Security Admission with pod-security.kubernetes.io/enforce=baseline").
pub fn is_vague(words: u32, specific: u32) -> bool {
    words < VAGUE_MAX_WORDS && specific <= 1
}

/// An answer credited for at least this share (numerator / denominator) of a rubric's concepts
/// is mostly right: a wrong belief it also holds, about a concept it asserts elsewhere on its
/// own, caps it below good rather than at [`crate::rubric::WRONG_CENTRAL_CLAIM_CAP`] — it says
/// both, and a wrong answer in the right vocabulary rarely covers this much. Holding only that
/// one belief, such an answer has made a slip, and no contradiction cap applies at all.
pub const MOSTLY_RIGHT_NUMERATOR: usize = 2;
/// See [`MOSTLY_RIGHT_NUMERATOR`].
pub const MOSTLY_RIGHT_DENOMINATOR: usize = 3;

/// An answer holding one wrong belief, with at least this many sentences the rubric credits,
/// that states every concept the belief contradicts in a sentence of its own, keeps the credit
/// of those concepts (the belief still costs its penalty).
pub const SAYS_BOTH_SENTENCES: u32 = 6;

/// An answer that holds a wrong belief and is credited for less than this share of the rubric
/// (by weight) is confidently wrong rather than partly right: what it gets right is the
/// vocabulary around its wrong claim, and it is capped like a wrong central claim, at
/// [`crate::rubric::WRONG_CENTRAL_CLAIM_CAP`].
pub const MOSTLY_WRONG_SHARE: f32 = 0.4;

/// How examiners turn the share of a rubric an answer covers (0–100) into marks: knots of a
/// piecewise-linear map, identity at both ends. From a third to nearly three quarters of the
/// rubric the score moves about half as fast as the share — a partly right answer is marked
/// *partial*, 40 to 60, whether it covers a third of the rubric or most of its main points — and
/// it climbs steeply above that, to meet the share again at 80, where an answer has said nearly
/// everything an examiner listens for. Only for rubrics without a `coverage` block (a draft's
/// content-word credit saturates on a curve of its own). Fitted on none of the bank's marked
/// examples; chosen over all five development sets together (3,032 answers): within range
/// 90.3 → 91.7 %, better on every set, strong answers unchanged (knots at 65 → 60 before).
pub const EXAMINER_SCALE: [(f32, f32); 6] = [
    (0.0, 0.0),
    (25.0, 25.0),
    (35.0, 40.0),
    (72.0, 60.0),
    (80.0, 80.0),
    (100.0, 100.0),
];

/// [`EXAMINER_SCALE`] for brief prose (see [`is_brief_prose`]): the same up to the partial band,
/// then partial up to 78 % of the rubric (72 % on the usual scale), and strong from 86 % (80 %):
/// a short paragraph that misses a few points of a rubric has explained none of the rest in
/// depth. A brief answer that covers nearly everything still reaches the top. Chosen over all
/// twenty development sets (11,528 answers; the partial answers their writers wrote average 65
/// words, 30 % of them scored above their range), against the bank's marked examples, whose
/// authors marked some answers of 60–80 words strong: 82 % / 90 % gained half a point more on
/// the sets and put twice as many of those examples out of range.
pub const BRIEF_PROSE_SCALE: [(f32, f32); 6] = [
    (0.0, 0.0),
    (25.0, 25.0),
    (35.0, 40.0),
    (78.0, 60.0),
    (86.0, 80.0),
    (100.0, 100.0),
];

/// The mark for `share` points of coverage (0–100) on [`EXAMINER_SCALE`]; monotone, so it
/// never changes the order of two answers.
pub fn examiner_scale(share: f32) -> f32 {
    scale_on(&EXAMINER_SCALE, share)
}

/// The mark for `share` points of coverage on the knots of `scale`.
fn scale_on(scale: &[(f32, f32)], share: f32) -> f32 {
    let share = share.clamp(0.0, 100.0);
    for pair in scale.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if share <= x1 {
            return y0 + (y1 - y0) * (share - x0) / (x1 - x0);
        }
    }
    share
}

/// The least an answer that engages with the question earns, when nothing it says is credited:
/// examiners give a weak but relevant answer a few points, and an off-topic one none.
pub const ENGAGEMENT_FLOOR: f32 = 10.0;

/// Held wrong beliefs from which an answer earns only the [`WRONG_ENGAGEMENT_FLOOR`] whatever else
/// it is credited for: a weak answer may repeat one naive belief next to something right, a
/// confidently wrong one states several.
pub const FLOORLESS_MISCONCEPTIONS: usize = 2;

/// An answer credited for nothing that shares this many distinct content words with the question
/// and the model answer, and says at least as much again in words of its own, speaks the subject
/// fluently and still states nothing the rubric accepts: that is how a confidently wrong answer
/// in the right vocabulary reads — a string of claims of its own in the subject's words — where
/// a vague but honest one uses a handful of the subject's words or mostly echoes the question.
/// It earns only the [`WRONG_ENGAGEMENT_FLOOR`] (see [`is_fluent`]).
pub const FLUENT_UNCREDITED_WORDS: u32 = 11;

/// Whether an answer of `content_words` content words, `topic_words` of them distinct words of
/// the question and model answer, speaks the subject fluently (see [`FLUENT_UNCREDITED_WORDS`]).
pub fn is_fluent(topic_words: u32, content_words: u32) -> bool {
    topic_words >= FLUENT_UNCREDITED_WORDS && content_words >= 2 * topic_words
}

/// The least an on-topic answer earns when it argues something wrong: it denies a concept the
/// rubric credits, holds [`FLOORLESS_MISCONCEPTIONS`] or more, or holds one and is credited for
/// nothing (its only recognisable claim is wrong). Examiners rank it below a vague but harmless
/// answer ([`ENGAGEMENT_FLOOR`]) and above an answer about something else (0).
pub const WRONG_ENGAGEMENT_FLOOR: f32 = 5.0;

/// An answer that rules out a concept the rubric credits and is credited for at most this many
/// concepts argues against the model answer more than it agrees with it: it scores at most
/// [`DENIAL_CAP`]. Measured only for hand-written rubrics (a draft's few concepts are not a scale).
pub const DENIAL_CAP_MAX_CONCEPTS: usize = 3;

/// See [`DENIAL_CAP_MAX_CONCEPTS`]: a low partial, whatever the concepts it names are worth.
pub const DENIAL_CAP: f32 = 40.0;

/// An answer shorter than this is never a dump: a normal answer of a few hundred words with some
/// rambling must not be flagged.
pub const DUMP_MIN_WORDS: u32 = 400;

/// More words than this per concept hit make a long answer a dump.
pub const DUMP_WORDS_PER_CONCEPT: u32 = 250;

/// The most a dump can score.
pub const DUMP_CAP: f32 = 30.0;

/// A short answer ([`THIN_MIN_SENTENCES`]–[`THIN_MAX_SENTENCES`] sentences) that earns a single
/// concept, in at most one sentence in three, is mostly claims the rubric does not credit — in
/// the rubric's own vocabulary, typically wrong ones — so that one point earns nothing: the answer
/// is graded as one that credits nothing (it keeps the engagement floor that applies to it).
/// Longer answers (lists, commands, context) are never measured this way.
pub const THIN_MIN_SENTENCES: u32 = 3;
/// See [`THIN_MIN_SENTENCES`].
pub const THIN_MAX_SENTENCES: u32 = 6;

/// A longer answer ([`SPARSE_MIN_SENTENCES`] sentences or more) credited for at most
/// [`SPARSE_MAX_CONCEPTS`] concepts, less than [`SPARSE_MAX_COVERAGE`] of the rubric, in fewer than
/// half of its sentences, is the same thing at greater length: most of what it says is claims the
/// rubric does not credit, in the rubric's own vocabulary — the shape of a confidently wrong answer
/// ("the affinity timer tears down the chain …", "conntrack is where kube-proxy writes Service
/// rules …") that names two or three right things on the way. It is graded like a thin answer.
/// A partial answer of the same length states its few points in most of its sentences; a padded
/// one covers more of the rubric. Coverage counts a k-of-n group as the score does (one member
/// fills a 1-of-n group). Chosen on three development sets graded with the bank as it
/// was before their misconception rounds (blind-14, -15, -16: within range 84.5 → 88.6, 87.7 →
/// 90.9 and 87.3 → 92.8 %, adversarial answers over 40 from 23, 9 and 14 to 17, 8 and 5; at 0.5,
/// 87.9, 90.7 and 91.7 %), with no right answer of any set moved out of its range but one.
pub const SPARSE_MIN_SENTENCES: u32 = 4;
/// See [`SPARSE_MIN_SENTENCES`].
pub const SPARSE_MAX_CONCEPTS: usize = 3;
/// See [`SPARSE_MIN_SENTENCES`].
pub const SPARSE_MAX_COVERAGE: f32 = 0.6;

/// `(sentences, credited)` for [`is_thin`]: the answer's sentences of at least three words, and
/// how many of them hold evidence of a concept matching found.
pub(crate) fn credited_sentences(analysis: &Analysis, findings: &Findings) -> (u32, u32) {
    if analysis.sentence_count() < THIN_MIN_SENTENCES {
        return (0, 0);
    }
    let mut words = vec![0u32; analysis.sentence_count() as usize];
    let mut last_word = None;
    for t in analysis.tokens() {
        if last_word != Some(t.word) {
            last_word = Some(t.word);
            if let Some(w) = words.get_mut(t.sentence as usize) {
                *w += 1;
            }
        }
    }
    let credited = evidence_sentences(
        analysis,
        findings
            .concepts
            .iter()
            .filter(|c| c.hit)
            .flat_map(|c| c.evidence.iter().filter(|e| !e.negated)),
    );
    let long = |s: u32| words.get(s as usize).is_some_and(|&w| w >= 3);
    let sentences = (0..words.len() as u32).filter(|&s| long(s)).count() as u32;
    let hit = credited.iter().filter(|&&s| long(s)).count() as u32;
    (sentences, hit)
}

/// Whether an answer of `sentences` sentences, `credited` of which hold credit, that earns
/// `concepts` concepts and `coverage` (0–1) of the rubric, is thin: a short answer whose one point
/// is lost among claims the rubric does not credit ([`THIN_MIN_SENTENCES`]), or a longer one whose
/// few points are ([`SPARSE_MIN_SENTENCES`]).
pub fn is_thin(sentences: u32, credited: u32, concepts: usize, coverage: f32) -> bool {
    let short = concepts <= 1
        && (THIN_MIN_SENTENCES..=THIN_MAX_SENTENCES).contains(&sentences)
        && credited * 3 <= sentences;
    let sparse = concepts <= SPARSE_MAX_CONCEPTS
        && coverage < SPARSE_MAX_COVERAGE
        && sentences >= SPARSE_MIN_SENTENCES
        && credited * 2 < sentences;
    short || sparse
}

/// The labels of the concepts whose flag (one per concept, in rubric order) is set.
fn concept_labels(rubric: &Rubric, flags: impl IntoIterator<Item = bool>) -> Vec<&str> {
    rubric
        .concepts
        .iter()
        .zip(flags)
        .filter(|(_, f)| *f)
        .map(|(c, _)| c.label.as_str())
        .collect()
}

/// Whether an answer of `words` words that hits `concepts` concepts is a dump: a strong answer
/// buried in pages of unrelated text, shuffled text, or a long list of everything. A strong
/// answer of 250–600 words hits several concepts and stays far below the threshold.
pub fn is_dump(words: u32, concepts: usize) -> bool {
    concepts > 0 && words >= DUMP_MIN_WORDS && words > DUMP_WORDS_PER_CONCEPT * concepts as u32
}

impl ScoringModel {
    /// Turns what matching found in one answer into its grade.
    /// `word_coverage` is what the rubric's content-word coverage found, if it has one.
    pub(crate) fn grade(
        &self,
        rubric: &Rubric,
        findings: Findings,
        text: TextSignals,
        word_coverage: Option<CoverageResult>,
    ) -> Grade {
        let bands = self.bands();
        let held: Vec<bool> = findings
            .misconceptions
            .iter()
            .map(|f| !f.evidence.is_empty())
            .collect();
        // A concept contradicted by a belief the answer holds earns nothing, whatever words of
        // it appear.
        let mut contradicted = vec![false; findings.concepts.len()];
        let mut central = false;
        for (m, _) in rubric.misconceptions.iter().zip(&held).filter(|(_, h)| **h) {
            for id in &m.contradicts {
                if let Some(ci) = rubric.concepts.iter().position(|c| &c.id == id) {
                    contradicted[ci] = true;
                }
            }
        }
        // A thorough answer that holds one wrong belief and states each concept the belief
        // contradicts in sentences of its own, among many sentences the rubric credits, says
        // both: the belief costs its penalty, and what it states on its own keeps its credit. A
        // wrong answer in the right vocabulary is short of credited sentences; a long strong one
        // that trips a broad misconception is not.
        let holds_one = held.iter().filter(|h| **h).count() == 1;
        // Each contradicted concept is also asserted in a sentence with no wrong claim.
        let asserted_apart = contradicted
            .iter()
            .zip(&findings.concepts)
            .all(|(x, c)| !x || c.asserted_apart);
        let says_both = holds_one && asserted_apart && text.sentences.1 >= SAYS_BOTH_SENTENCES;
        if says_both {
            contradicted.iter_mut().for_each(|x| *x = false);
        }
        // An answer credited for most of the rubric besides what it contradicts, that also
        // asserts the contradicted concept on its own, says both: it cannot be good, but it is
        // not simply wrong about the centre of the question.
        let credited_concepts = findings
            .concepts
            .iter()
            .zip(&contradicted)
            .filter(|(c, x)| c.hit && !**x)
            .count();
        let mostly_right = credited_concepts * MOSTLY_RIGHT_DENOMINATOR
            >= findings.concepts.len() * MOSTLY_RIGHT_NUMERATOR;
        for (ci, _) in contradicted.iter().enumerate().filter(|(_, x)| **x) {
            central |=
                self.is_required(ci) && !(mostly_right && findings.concepts[ci].asserted_apart);
        }
        // Words of a concept that appear only inside a wrong belief the answer states are part
        // of that wrong claim, not a right one.
        let in_wrong_claim: Vec<bool> = findings
            .concepts
            .iter()
            .zip(&contradicted)
            .map(|(c, x)| c.hit && !x && c.only_in_wrong_claims)
            .collect();
        // A drafted concept named by words the answer says of the wrong thing ("full stack" in
        // "overflow … an empty stack, underflow … a full stack") is part of the swap.
        let swapped: Vec<String> = word_coverage
            .as_ref()
            .map(|c| c.swapped.iter().map(|w| w.to_lowercase()).collect())
            .unwrap_or_default();
        // Only looked at when there is a swap: most grades have none.
        let in_swap = |label: &str| {
            !swapped.is_empty()
                && label
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| swapped.iter().any(|s| s == w))
        };
        let hit: Vec<bool> = findings
            .concepts
            .iter()
            .zip(contradicted.iter().zip(&in_wrong_claim))
            .zip(&rubric.concepts)
            .map(|((c, (x, w)), concept)| c.hit && !x && !w && !in_swap(&concept.label))
            .collect();
        let (coverage, credits) =
            self.coverage(&hit, word_coverage.as_ref().map_or(0.0, |c| c.credit));
        let word_coverage = word_coverage.map(|mut c| {
            (c.points, c.max_points) = self.word_coverage_points(c.credit);
            c.credit = (c.credit * 1000.0).round() / 1000.0;
            c.recall = (c.recall * 1000.0).round() / 1000.0;
            c
        });
        // The examiner's scale is for credit carried by concepts; a draft's content-word
        // coverage has a saturating curve of its own.
        let mut score = if word_coverage.is_none() {
            if text.brief_prose {
                scale_on(&BRIEF_PROSE_SCALE, 100.0 * coverage)
            } else {
                examiner_scale(100.0 * coverage)
            }
        } else {
            100.0 * coverage
        };
        let mut warnings = Vec::new();
        // Concepts credited.
        let hits = hit.iter().filter(|h| **h).count();
        let keyword_salad = text.keyword_salad && hits >= 2;
        if keyword_salad {
            score = (score * SALAD_FACTOR).min(bands.partial - 1.0);
            warnings.push(Warning {
                code: WarningCode::KeywordSalad,
                message: "the answer reads as a list of keywords with little explanation; credit is reduced and capped below partial".into(),
            });
        }
        if text.dump {
            score = score.min(DUMP_CAP);
            warnings.push(Warning {
                code: WarningCode::Dump,
                message: format!(
                    "the answer reaches the rubric only by saying a great deal ({} words for {hits} concepts); capped at {DUMP_CAP:.0}",
                    text.words
                ),
            });
        }
        if !swapped.is_empty() {
            score = score.min(bands.good - 1.0);
            warnings.push(Warning {
                code: WarningCode::Swapped,
                message: format!(
                    "the answer says {} of the wrong one of the things the question compares; those words earn nothing, and the grade is capped below good",
                    swapped.join(", ")
                ),
            });
        }
        let (sentences, credited) = text.sentences;
        if is_thin(sentences, credited, hits, coverage) && score > 0.0 {
            score = 0.0;
            let what = if hits == 1 {
                "that one point earns"
            } else {
                "what they name earns"
            };
            warnings.push(Warning {
                code: WarningCode::ThinCredit,
                message: format!(
                    "only {credited} of its {sentences} sentences states anything the rubric credits and the rest is claims it does not credit, so {what} nothing"
                ),
            });
        }
        let misconceptions: Vec<MisconceptionResult> = rubric
            .misconceptions
            .iter()
            .zip(findings.misconceptions)
            .filter(|(_, f)| !f.evidence.is_empty())
            .map(|(m, f)| MisconceptionResult {
                id: m.id.clone(),
                label: m.label.clone(),
                penalty: m.penalty,
                correction: m.correction.clone(),
                contradicts: m.contradicts.clone(),
                evidence: f.evidence,
            })
            .collect();
        let wrong: Vec<(usize, &crate::matching::ConceptFinding)> = findings
            .concepts
            .iter()
            .enumerate()
            .filter(|(i, f)| !hit[*i] && !f.wrong_numbers.is_empty())
            .collect();
        let penalty: f32 = misconceptions.iter().map(|m| m.penalty).sum::<f32>()
            + WRONG_NUMBER_PENALTY * wrong.len() as f32;
        if !wrong.is_empty() {
            let facts: Vec<String> = wrong
                .iter()
                .map(|(i, f)| {
                    let w = &f.wrong_numbers[0];
                    format!(
                        "{}: wrote {}, expected {}",
                        rubric.concepts[*i].label, w.found, w.expected
                    )
                })
                .collect();
            warnings.push(Warning {
                code: WarningCode::WrongNumber,
                message: format!(
                    "wrong number{} ({}), each {WRONG_NUMBER_PENALTY} points off",
                    if facts.len() == 1 { "" } else { "s" },
                    facts.join("; ")
                ),
            });
        }
        score = (score - penalty).max(0.0);
        // A wrong belief in an answer credited for little else: confidently wrong, with the
        // right words around it (said only where it lowers the score).
        let mostly_wrong = !misconceptions.is_empty()
            && coverage < MOSTLY_WRONG_SHARE
            && score > crate::rubric::WRONG_CENTRAL_CLAIM_CAP;
        // One wrong belief in a mostly right answer (two thirds of the rubric's concepts apart
        // from what the belief contradicts) that asserts each contradicted concept on its own
        // is a slip in a thorough answer, not a wrong centre: the belief costs its penalty and
        // the concepts it contradicts earn nothing, but nothing caps the rest. Wrong answers in
        // the right vocabulary come nowhere near this share (none of the development sets' 970
        // that hold a belief reaches it); a thorough answer that trips a broad misconception
        // does.
        let slip = holds_one && mostly_right && asserted_apart;
        if (contradicted.iter().any(|x| *x) || mostly_wrong) && !slip {
            // A wrong claim about what the question asks cannot be good; a wrong central claim
            // (it contradicts a required concept) is worth little whatever else is said.
            let cap = if central || mostly_wrong {
                crate::rubric::WRONG_CENTRAL_CLAIM_CAP
            } else {
                bands.good - 1.0
            };
            score = score.min(cap);
            let labels: Vec<&str> = misconceptions
                .iter()
                .filter(|m| mostly_wrong || !m.contradicts.is_empty())
                .map(|m| m.label.as_str())
                .collect();
            let why = if mostly_wrong {
                format!(
                    "and is credited for less than {:.0} % of the rubric",
                    100.0 * MOSTLY_WRONG_SHARE
                )
            } else {
                "that contradicts what it would otherwise be credited for".to_string()
            };
            warnings.push(Warning {
                code: WarningCode::Contradiction,
                message: format!(
                    "the answer holds a wrong belief ({}) {why}; the score is capped at {cap:.0}",
                    labels.join("; ")
                ),
            });
        }
        let denies = findings.concepts.iter().any(|f| f.negated);
        if denies
            && word_coverage.is_none()
            && hits <= DENIAL_CAP_MAX_CONCEPTS
            && score > DENIAL_CAP
        {
            score = DENIAL_CAP;
            warnings.push(Warning {
                code: WarningCode::DeniedConcept,
                message: format!(
                    "the answer rules out what the rubric credits and is credited for only {hits} concept{}; it scores at most {DENIAL_CAP:.0}",
                    if hits == 1 { "" } else { "s" }
                ),
            });
        }
        let (req_concepts, req_groups) = self.required_missed(&hit);
        if !req_concepts.is_empty() || !req_groups.is_empty() {
            if score >= bands.strong {
                score = bands.strong - 1.0;
            }
            if text.vague && score > VAGUE_CAP {
                score = VAGUE_CAP;
                warnings.push(Warning {
                    code: WarningCode::Vague,
                    message: format!(
                        "a short answer that misses what the question centrally asks and names nothing specific (no setting, command, number or component name); capped at {VAGUE_CAP:.0}"
                    ),
                });
            }
            let labels: Vec<&str> = req_concepts
                .iter()
                .map(|&i| rubric.concepts[i].label.as_str())
                .chain(req_groups.iter().map(|&g| rubric.groups[g].label.as_str()))
                .collect();
            warnings.push(Warning {
                code: WarningCode::RequiredMissing,
                message: format!(
                    "required concept missing ({}); the top band is out of reach",
                    labels.join(", ")
                ),
            });
        }
        // A long answer that touches almost nothing is most likely about something else.
        if coverage <= 0.15 && text.words >= 40 {
            warnings.push(Warning {
                code: WarningCode::PossiblyOffTopic,
                message:
                    "little of the rubric is covered; the answer may address a different question"
                        .into(),
            });
        }
        let tainted = concept_labels(rubric, in_wrong_claim.iter().copied());
        if !tainted.is_empty() {
            warnings.push(Warning {
                code: WarningCode::InWrongClaim,
                message: format!(
                    "mentioned only as part of a wrong belief, so not credited: {}",
                    tainted.join(", ")
                ),
            });
        }
        let negated = concept_labels(rubric, findings.concepts.iter().map(|f| f.negated));
        if !negated.is_empty() {
            warnings.push(Warning {
                code: WarningCode::NegatedMentions,
                message: format!(
                    "mentioned only in a negation, so not credited: {}",
                    negated.join(", ")
                ),
            });
        }
        if text.empty {
            warnings.push(Warning {
                code: WarningCode::EmptyAnswer,
                message: "the answer is empty".into(),
            });
        }
        // The floor rewards honest engagement: an answer that denies what the rubric credits,
        // argues several wrong beliefs, or is credited for no concept while holding a wrong
        // belief or speaking the subject fluently has engaged only to be wrong, and examiners
        // rank it below a vague but harmless one (and still above one about something else). A
        // thin answer's one point, though it earns nothing, is still a point it made.
        // A hedged answer ("maybe more replicas would help, check the dashboards") is vague
        // rather than wrong, even when it voices one naive belief or speaks the subject fluently.
        let uncredited = hits == 0;
        let argues_wrong = misconceptions.len() >= FLOORLESS_MISCONCEPTIONS
            || (uncredited
                && !text.hedged
                && (!misconceptions.is_empty() || is_fluent(text.topic_words, text.content_words)))
            || denies;
        let floor = if argues_wrong {
            WRONG_ENGAGEMENT_FLOOR
        } else {
            ENGAGEMENT_FLOOR
        };
        if text.on_topic && !text.dump && !keyword_salad && score < floor {
            score = floor;
        }
        let score = round1(score.clamp(0.0, 100.0));
        let groups = rubric
            .groups
            .iter()
            .zip(credits)
            .enumerate()
            .map(|(gi, (g, credit))| GroupResult {
                id: g.id.clone(),
                label: g.label.clone(),
                k: g.k,
                n: g.concepts.len(),
                hits: self
                    .group_members(gi)
                    .iter()
                    .filter(|&&ci| hit[ci])
                    .map(|&ci| rubric.concepts[ci].id.clone())
                    .collect(),
                credit,
                weight: g.weight,
            })
            .collect();
        let concepts = rubric
            .concepts
            .iter()
            .zip(findings.concepts)
            .enumerate()
            .map(|(i, (c, f))| ConceptResult {
                id: c.id.clone(),
                label: c.label.clone(),
                weight: c.weight,
                required: c.required,
                hit: hit[i],
                negated: f.negated,
                contradicted: contradicted[i] || in_wrong_claim[i],
                wrong_numbers: f.wrong_numbers,
                group: self.group_of(i).map(|g| rubric.groups[g].id.clone()),
                evidence: f.evidence,
            })
            .collect();
        Grade {
            question_id: rubric.id.clone(),
            score,
            band: Band::of(score, &bands),
            concepts,
            groups,
            misconceptions,
            coverage: word_coverage,
            warnings,
        }
    }

    /// Caps a complete answer with a flaw of finish at [`POLISH_CAP`] (see [`polish`]): too
    /// short to explain next to a model answer of `model_words` words, padded with filler
    /// outside the sentences that carry credit, or with a credited term misspelt. Only answers
    /// above the cap are measured.
    /// `known` tells the words of the subject that no dictionary lists (the rubric's own).
    pub(crate) fn finish(
        &self,
        grade: &mut Grade,
        analysis: &Analysis,
        model_words: u32,
        known: &dyn Fn(&str) -> bool,
    ) {
        if grade.score <= POLISH_CAP {
            return;
        }
        let words = analysis.word_count();
        let content = content_sentences(grade, analysis);
        let filler = filler_markers(analysis, &content);
        let mut flaws = Vec::new();
        if is_terse(words, model_words) {
            let model = model_words;
            flaws.push(Warning {
                code: WarningCode::ShortAnswer,
                message: format!(
                    "every point is named, but in {words} words against the model answer's {model}: say why, not only what; capped at {POLISH_CAP:.0}"
                ),
            });
        }
        if filler >= FILLER_MARKERS {
            flaws.push(Warning {
                code: WarningCode::Padded,
                message: format!(
                    "padded with conversational filler ({filler} phrases such as \"great question\" or \"in my experience\"); cut it and keep the substance; capped at {POLISH_CAP:.0}"
                ),
            });
        }
        let sentences = analysis.sentence_count();
        if is_diluted(content.len() as u32, sentences) {
            let with = content.len();
            flaws.push(Warning {
                code: WarningCode::Padded,
                message: format!(
                    "only {with} of its {sentences} sentences carry the substance; cut the rest; capped at {POLISH_CAP:.0}"
                ),
            });
        }
        let mut misspelt: Vec<String> = Vec::new();
        for c in grade.concepts.iter().filter(|c| c.hit) {
            for e in c.evidence.iter().filter(|e| e.fuzzy) {
                let m = format!("\"{}\" ({})", e.text, e.matcher);
                if !misspelt.contains(&m) {
                    misspelt.push(m);
                }
            }
        }
        if !misspelt.is_empty() {
            flaws.push(Warning {
                code: WarningCode::Misspelt,
                message: format!(
                    "credited despite the spelling: {}; capped at {POLISH_CAP:.0}",
                    misspelt.join(", ")
                ),
            });
        } else {
            let words = misspelt_words(analysis, known);
            if words.len() >= MISSPELT_WORDS {
                flaws.push(Warning {
                    code: WarningCode::Misspelt,
                    message: format!(
                        "{} words look misspelt ({}); capped at {POLISH_CAP:.0}",
                        words.len(),
                        words.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
                    ),
                });
            }
        }
        if !flaws.is_empty() {
            grade.score = POLISH_CAP;
            grade.band = Band::of(grade.score, &self.bands());
            grade.warnings.extend(flaws);
        }
    }
}
