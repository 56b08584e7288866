//! The grader: the facade that wires the stages — analysis → matching → scoring → feedback —
//! for one rubric, compiled once.

use std::sync::Arc;

use crate::analysis::{Analysis, Analyzer, TokenKind};
use crate::error::Error;
use crate::error::{LoadError, LoadErrorKind};
use crate::feedback::{Explanation, Feedback};
use crate::matching::{Engine, WordCoverage};
use crate::rubric::{
    locate, truncate_message, Bank, BankEntry, Glossary, Matcher, RefProblem, Rubric,
};
use crate::scoring::{
    credited_sentences, is_dump, is_keyword_salad, is_vague, Grade, ScoringModel, TextSignals,
};

/// The fewest words an answer needs before a drafted rubric (one with coverage) checks it for
/// keyword salad: on our course set (`tests/draft-dev/cs-course.jsonl`) four of the five short
/// answers the guard flagged were full-marks answers, and r went 0.569 → 0.573 (SemEval-2013
/// unchanged).
const DRAFT_SALAD_MIN_WORDS: u32 = 14;

/// Default size limit for one answer: 1 MiB.
pub const DEFAULT_MAX_ANSWER_BYTES: usize = 1 << 20;

/// A rubric compiled for grading: its matchers (stems, phrase variants, typo index, regexes,
/// glossary expansions) and its [`ScoringModel`].
///
/// Build a `Grader` once per rubric and reuse it, as you would a `Regex`: compiling costs far
/// more than grading. A `Grader` is `Send + Sync`; share it across threads freely.
///
/// # Example: grade an answer
/// ```
/// use rubric_grader::{Grader, Rubric, Band};
/// let rubric = Rubric::from_ron(r#"(
///     id: "demo", title: "Demo", category: "demo", level: junior,
///     question: "Why does a pod get SIGKILL after SIGTERM?",
///     model_answer: "After terminationGracePeriodSeconds the kubelet sends SIGKILL.",
///     concepts: [
///         (id: "grace", label: "grace period", matcher: Any(["terminationGracePeriodSeconds", "grace period"]),
///          hint: "Name the grace period."),
///     ],
/// )"#, "<demo>")?;
/// let grader = Grader::new(&rubric)?;
/// let grade = grader.grade("It waits for the grace-period, then kills it.")?;
/// assert_eq!(grade.band, Band::Strong);
/// let feedback = grader.feedback(&grade);
/// assert!(feedback.missing.is_empty());
/// # Ok::<(), rubric_grader::Error>(())
/// ```
#[derive(Debug)]
pub struct Grader {
    /// The rubric, shared with the bank entry it came from rather than copied.
    rubric: Arc<Rubric>,
    engine: Engine,
    model: ScoringModel,
    /// Stems of the content words of the question and the model answer, each marked with
    /// whether the question holds it, for the engagement floor.
    /// Content-word stems of the question and model answer: whether each is in the question,
    /// and its index (for a bitset of those an answer shares).
    topic_stems: rustc_hash::FxHashMap<String, (bool, u32)>,
    /// The rubric's content-word coverage, compiled, when it has one.
    coverage: Option<WordCoverage>,
    /// Words in the model answer, to tell a terse answer.
    model_words: u32,
    max_answer_bytes: usize,
    salad_guard: bool,
    /// The words the rubric itself uses (lower case), built on the first answer that needs
    /// them: a word of the subject that no dictionary lists is not a misspelling.
    known_words: std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
}

/// How many words of the answer name something specific: an identifier of several pieces
/// (`preStop`, `kube-proxy`, `pod-security.kubernetes.io/enforce=baseline`), a flag
/// (`--previous`), a number or code (`443`, `k8s`, `10.0.0.0/8`), an acronym of three capitals
/// or more (`SDS`, `RBAC`), or a lower-case term of art that no dictionary lists (`kubectl`,
/// `provisioner`). Stops counting at `limit`: [`is_vague`] needs two, the fluency test
/// [`FLUENT_MIN_SPECIFIC`].
fn specific_words(answer: &str, analysis: &Analysis, limit: u32) -> u32 {
    let tokens = analysis.tokens();
    let mut count = 0;
    let mut i = 0;
    while i < tokens.len() && count < limit {
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].word == tokens[i].word {
            j += 1;
        }
        let pieces = &tokens[i..j];
        let surface = answer
            .get(pieces[0].span.start..pieces[pieces.len() - 1].span.end)
            .unwrap_or("");
        let contraction = surface.contains('\'') || surface.contains('\u{2019}');
        let flag = answer
            .get(..pieces[0].span.start)
            .is_some_and(|before| before.ends_with("--"));
        let specific = pieces.len() > 1 && !contraction
            || flag
            || pieces.iter().any(|t| t.kind != TokenKind::Word)
            || surface.len() >= 3 && surface.bytes().all(|b| b.is_ascii_uppercase())
            // A term of art: `kubectl`, `etcdctl`, `provisioner`.
            || surface.len() >= 4
                && !surface.bytes().any(|b| b.is_ascii_uppercase())
                && !crate::scoring::is_dictionary_word(surface);
        count += u32::from(specific);
        i = j;
    }
    count
}

/// An uncredited answer speaks the subject fluently (see `scoring::is_fluent`) only if it names at
/// least this many specific things (identifiers, numbers, flags, acronyms, terms of art).
const FLUENT_MIN_SPECIFIC: u32 = 3;

/// An answer engages with the question when it shares this many content words with it…
const ENGAGED_QUESTION_WORDS: usize = 2;
/// …or this many with the question and the model answer together, when they are at least one
/// in [`ENGAGED_TOPIC_DENSITY`] of its content words: a short weak answer in the subject's own
/// words ("rebuild the image and redeploy") is not off-topic, a page about something else that
/// happens to use a few of the same words is.
const ENGAGED_TOPIC_WORDS: usize = 3;
const ENGAGED_TOPIC_DENSITY: usize = 4;
/// An answer of this many content words or more that the rubric credits for nothing, fewer than
/// one in [`ENGAGED_TOPIC_DENSITY`] of which are the question's or the model answer's, answers
/// something else (typically another question) however many of the question's words it uses:
/// it gets no engagement floor.
const ELSEWHERE_MIN_CONTENT_WORDS: usize = 40;

/// How the answer engages with the question (see [`Grader::engagement`]).
#[derive(Clone, Copy, Debug, Default)]
struct Engagement {
    /// It engages with the question.
    on_topic: bool,
    /// Distinct content words it shares with the question and the model answer (counted in full
    /// only when asked for; otherwise a lower bound).
    topic_words: u32,
    /// Its content words (counted in full only when asked for).
    content_words: u32,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Grader>();
};

/// Options for building a [`Grader`].
#[derive(Clone, Debug)]
pub struct GraderBuilder {
    glossary: Option<Glossary>,
    max_answer_bytes: usize,
    case_sensitive_regex: bool,
    salad_guard: bool,
    source: Option<(String, String)>,
}

impl Default for GraderBuilder {
    fn default() -> Self {
        GraderBuilder {
            glossary: None,
            max_answer_bytes: DEFAULT_MAX_ANSWER_BYTES,
            case_sensitive_regex: false,
            salad_guard: true,
            source: None,
        }
    }
}

impl GraderBuilder {
    /// Resolve glossary references against `glossary` (default: the embedded Kubernetes glossary).
    pub fn glossary(&mut self, glossary: &Glossary) -> &mut Self {
        self.glossary = Some(glossary.clone());
        self
    }

    /// Reject answers longer than `bytes` (default 1 MiB).
    pub fn max_answer_bytes(&mut self, bytes: usize) -> &mut Self {
        self.max_answer_bytes = bytes;
        self
    }

    /// Make regexes case-sensitive (default: case-insensitive).
    pub fn case_sensitive_regex(&mut self, yes: bool) -> &mut Self {
        self.case_sensitive_regex = yes;
        self
    }

    /// Turn the keyword-salad and dump guards on or off (default on).
    pub fn keyword_salad_guard(&mut self, yes: bool) -> &mut Self {
        self.salad_guard = yes;
        self
    }

    /// The rubric's file and text, so compile errors can name a line and column.
    pub fn source(&mut self, path: &str, text: &str) -> &mut Self {
        self.source = Some((path.to_string(), text.to_string()));
        self
    }

    /// Compiles `rubric`.
    ///
    /// # Errors
    /// A [`LoadError`](crate::LoadError) (inside [`Error::Load`]) naming the field for an
    /// invalid regex, an unknown glossary entry, an empty phrase, a group naming an unknown
    /// concept, or a `k` of 0 or over n.
    pub fn build(&self, rubric: &Rubric) -> Result<Grader, Error> {
        let embedded;
        let glossary = match &self.glossary {
            Some(g) => g,
            None => {
                embedded = Glossary::embedded();
                &embedded
            }
        };
        let source = self.source.as_ref().map(|(p, s)| (p.as_str(), s.as_str()));
        self.build_with(Arc::new(rubric.clone()), glossary, source)
    }

    /// `build` with a borrowed glossary and source and a shared rubric, so a bank compiling many
    /// rubrics copies none of them.
    fn build_with(
        &self,
        rubric: Arc<Rubric>,
        glossary: &Glossary,
        source: Option<(&str, &str)>,
    ) -> Result<Grader, Error> {
        let expanded = resolve_glossary(&rubric, glossary, source)?;
        let glossary = expanded.as_ref().unwrap_or(glossary);
        let engine = Engine::compile(&rubric, glossary, self.case_sensitive_regex, source)
            .map_err(|e| {
                match e {
                    // A 1.7 MB alternation should not come back whole in a one-line error.
                    Error::Load(mut e) => {
                        e.message = truncate_message(&e.message);
                        Error::Load(e)
                    }
                    e => e,
                }
            })?;
        let mut topic_stems = rustc_hash::FxHashMap::default();
        let model = crate::matching::analyze_rubric_text(engine.analyzer(), &rubric.model_answer);
        let question = crate::matching::analyze_rubric_text(engine.analyzer(), &rubric.question);
        for (analysis, in_question) in [(&*model, false), (&*question, true)] {
            for t in analysis.tokens() {
                let stem = analysis.stem(t);
                if !t.function_word && stem.len() >= 3 {
                    let next = topic_stems.len() as u32;
                    let entry = topic_stems.entry(stem.to_string()).or_insert((false, next));
                    entry.0 = in_question;
                }
            }
        }
        let coverage = rubric
            .coverage
            .as_ref()
            .map(|c| WordCoverage::compile(c, engine.analyzer()));
        let model_words = model.word_count();
        Ok(Grader {
            model: ScoringModel::new(&rubric),
            rubric,
            coverage,
            model_words,
            engine,
            topic_stems,
            max_answer_bytes: self.max_answer_bytes,
            salad_guard: self.salad_guard,
            known_words: std::sync::OnceLock::new(),
        })
    }
}

impl Grader {
    /// Compiles `rubric` with default options and the embedded glossary.
    ///
    /// # Errors
    /// See [`GraderBuilder::build`].
    pub fn new(rubric: &Rubric) -> Result<Grader, Error> {
        GraderBuilder::default().build(rubric)
    }

    /// A builder for options (glossary, size limit, regex case, keyword-salad guard).
    pub fn builder() -> GraderBuilder {
        GraderBuilder::default()
    }

    /// Compiles the rubric of a bank entry against the bank's glossary.
    ///
    /// # Errors
    /// See [`GraderBuilder::build`].
    pub fn for_entry(bank: &Bank, entry: &BankEntry) -> Result<Grader, Error> {
        GraderBuilder::default().build_with(
            Arc::clone(&entry.rubric),
            bank.glossary(),
            Some((&entry.path, &entry.source)),
        )
    }

    /// Compiles every rubric of a bank, in entry order, in parallel across cores.
    pub fn for_bank(bank: &Bank) -> Vec<Result<Grader, Error>> {
        use rayon::prelude::*;
        bank.entries()
            .par_iter()
            .map(|e| Grader::for_entry(bank, e))
            .collect()
    }

    /// Builds every regex of the rubric now (graders build them on first use) and returns the
    /// pattern and reason of each one that cannot be built; used by `lint`.
    pub(crate) fn regex_problems(&self) -> Vec<(String, String)> {
        self.engine.regex_problems()
    }

    /// The rubric this grader was compiled from.
    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    /// Its scoring rule: shares, required concepts and the order of importance.
    pub fn model(&self) -> &ScoringModel {
        &self.model
    }

    /// The analyser it uses on answers.
    pub fn analyzer(&self) -> &Analyzer {
        self.engine.analyzer()
    }

    /// Grades one answer.
    ///
    /// # Errors
    /// [`Error::AnswerTooLarge`] over the size limit (1 MiB unless set with the builder).
    pub fn grade(&self, answer: &str) -> Result<Grade, Error> {
        self.check_size(answer)?;
        let analysis = self.analyzer().analyze(answer);
        Ok(self.grade_analysis(answer, &analysis))
    }

    /// Grades an answer that was already analysed with [`Grader::analyzer`].
    pub fn grade_analysis(&self, answer: &str, analysis: &Analysis) -> Grade {
        let mut grade = self.grade_content(answer, analysis, true);
        self.model
            .finish(&mut grade, analysis, self.model_words, &|w: &str| {
                self.known_words().contains(w)
            });
        grade
    }

    /// Every word of the rubric's own texts, lower-cased: its question, model answer, labels,
    /// hints, corrections and marked examples.
    fn known_words(&self) -> &rustc_hash::FxHashSet<String> {
        self.known_words.get_or_init(|| {
            let r = &*self.rubric;
            let mut texts: Vec<&str> = vec![&r.title, &r.question, &r.model_answer];
            texts.extend(r.tags.iter().map(String::as_str));
            for c in &r.concepts {
                texts.extend([c.label.as_str(), c.hint.as_str()]);
                texts.push(&c.feedback);
                texts.extend(c.follow_up.as_deref());
                texts.extend(c.study.as_deref());
            }
            for m in &r.misconceptions {
                texts.extend([m.label.as_str(), m.correction.as_str()]);
            }
            texts.extend(r.examples.iter().map(|e| e.answer.as_str()));
            let mut known = rustc_hash::FxHashSet::default();
            for text in texts {
                for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
                    if word.len() >= 4 && !known.contains(word) {
                        known.insert(word.to_ascii_lowercase());
                    }
                }
            }
            known
        })
    }

    /// The grade for what the answer says, before its finish is judged.
    fn grade_content(&self, answer: &str, analysis: &Analysis, whole: bool) -> Grade {
        let findings = self.engine.find(answer, analysis);
        let hits = findings.concepts.iter().filter(|c| c.hit).count();
        let words = analysis.word_count();
        // How fluently an answer speaks the subject matters only when it is credited for
        // nothing, and only for hand-written rubrics, whose concepts carry the credit.
        let fluency = self.salad_guard && self.coverage.is_none() && hits == 0;
        let engagement = self.engagement(analysis, fluency);
        let text = TextSignals {
            // Only worth checking when there is credit to take away.
            // A drafted rubric (one with coverage) grades course answers, where a few right terms
            // are a terse answer ("Stack works last-in-first-out. Queue works
            // first-in-first-out."); only a longer run of them is a list dumped for credit.
            keyword_salad: self.salad_guard
                && hits >= 2
                && (self.coverage.is_none() || words >= DRAFT_SALAD_MIN_WORDS)
                && is_keyword_salad(analysis, answer),
            words,
            empty: analysis.is_empty(),
            on_topic: engagement.on_topic,
            // Fluency in the subject's words is a string of claims only when they name specific
            // things; a vague answer can use a dozen of the model answer's ordinary words
            // ("check the logs and the config, restart the pods").
            topic_words: if fluency
                && specific_words(answer, analysis, FLUENT_MIN_SPECIFIC) >= FLUENT_MIN_SPECIFIC
            {
                engagement.topic_words
            } else {
                0
            },
            content_words: engagement.content_words,
            dump: self.salad_guard && is_dump(words, hits),
            // A rubric with content-word coverage (a draft) spreads its credit over words, not
            // concepts: thin credit is not measured there.
            sentences: if self.salad_guard && self.coverage.is_none() {
                credited_sentences(analysis, &findings)
            } else {
                (0, 0)
            },
            // A follow-up is short by nature; a draft's few concepts are not a scale.
            vague: whole
                && self.salad_guard
                && self.coverage.is_none()
                && words < crate::scoring::VAGUE_MAX_WORDS
                && is_vague(words, specific_words(answer, analysis, 2)),
            // Hedges matter only where the floor is chosen: an answer credited for nothing.
            hedged: hits == 0
                && crate::scoring::hedges(analysis) >= crate::scoring::HEDGES_OF_A_VAGUE_ANSWER,
            // A follow-up is short by nature, and a draft's scale is its own; with no concept
            // credited there is no scale to choose.
            brief_prose: whole
                && hits > 0
                && self.salad_guard
                && self.coverage.is_none()
                && words < crate::scoring::BRIEF_PROSE_MAX_WORDS
                && crate::scoring::is_brief_prose(words, crate::scoring::function_words(analysis))
                && !crate::scoring::reads_as_notes(answer),
        };
        let coverage = self.coverage.as_ref().map(|c| c.assess(answer, analysis));
        self.model.grade(&self.rubric, findings, text, coverage)
    }

    /// Grades the answer to a follow-up probe in its context: the probe's `question` supplies
    /// what the answer is about, so "about 5–10 s, and the grace period must exceed the sleep"
    /// answers "How long should the preStop sleep be?" without repeating "preStop".
    ///
    /// The question and answer are graded together; a concept counts only when the answer
    /// carries it — a hit in the answer, or, for the probed `concept`, a hit that the answer
    /// continues (it shares a content word with the hit and does not say "I don't know").
    /// Evidence spans index into `answer`.
    ///
    /// # Errors
    /// [`Error::AnswerTooLarge`] over the size limit.
    pub fn grade_follow_up(
        &self,
        question: &str,
        concept: &str,
        answer: &str,
    ) -> Result<Grade, Error> {
        self.check_size(answer)?;
        let offset = question.len() + 1;
        let text = format!("{question}\n{answer}");
        let analysis = self.analyzer().analyze(&text);
        // A follow-up is short by nature and judged on its content only.
        let mut grade = self.grade_content(&text, &analysis, false);
        let answer_analysis = self.analyzer().analyze(answer);
        let stems = |a: &Analysis| -> Vec<String> {
            a.tokens()
                .iter()
                .filter(|t| !t.function_word && !t.negated)
                .map(|t| a.stem(t).to_string())
                .collect()
        };
        let answer_stems = stems(&answer_analysis);
        let unsure = {
            let lower = answer.to_lowercase();
            [
                "don't know",
                "dont know",
                "do not know",
                "not sure",
                "no idea",
                "unsure",
                "i forget",
                "can't remember",
                "cannot remember",
            ]
            .iter()
            .any(|p| lower.contains(p))
        };
        let mut changed = false;
        for c in &mut grade.concepts {
            if !c.hit {
                continue;
            }
            let in_answer = c.evidence.iter().any(|e| e.end > offset);
            let continued = c.id == concept
                && !unsure
                && c.evidence.iter().any(|e| {
                    let a = self.analyzer().analyze(&e.text);
                    stems(&a).iter().any(|s| answer_stems.contains(s))
                });
            if !in_answer && !continued {
                c.hit = false;
                changed = true;
            }
            // Evidence in the question is not the candidate's; the hit stands on the answer.
            c.evidence.retain(|e| e.end > offset);
        }
        for c in &mut grade.concepts {
            for e in &mut c.evidence {
                e.start = e.start.saturating_sub(offset);
                e.end = e.end.saturating_sub(offset);
                e.text = answer.get(e.start..e.end).unwrap_or_default().to_string();
            }
        }
        for m in &mut grade.misconceptions {
            m.evidence.retain(|e| e.start >= offset);
            for e in &mut m.evidence {
                e.start -= offset;
                e.end -= offset;
            }
        }
        grade.misconceptions.retain(|m| !m.evidence.is_empty());
        if changed {
            // Re-score from what the answer carries.
            let findings = crate::matching::Findings {
                concepts: grade
                    .concepts
                    .iter()
                    .map(|c| crate::matching::ConceptFinding {
                        hit: c.hit,
                        negated: c.negated,
                        evidence: c.evidence.clone(),
                        wrong_numbers: c.wrong_numbers.clone(),
                        only_in_wrong_claims: false,
                        asserted_apart: false,
                    })
                    .collect(),
                misconceptions: self
                    .rubric
                    .misconceptions
                    .iter()
                    .map(|m| crate::matching::MisconceptionFinding {
                        evidence: grade
                            .misconceptions
                            .iter()
                            .find(|g| g.id == m.id)
                            .map(|g| g.evidence.clone())
                            .unwrap_or_default(),
                    })
                    .collect(),
            };
            let text = TextSignals {
                keyword_salad: false,
                words: answer_analysis.word_count(),
                empty: answer_analysis.is_empty(),
                dump: false,
                on_topic: false,
                topic_words: 0,
                content_words: 0,
                sentences: (0, 0),
                vague: false,
                hedged: false,
                brief_prose: false,
            };
            let coverage = self
                .coverage
                .as_ref()
                .map(|c| c.assess(answer, &answer_analysis));
            grade = self.model.grade(&self.rubric, findings, text, coverage);
        }
        Ok(grade)
    }

    /// What to tell the person about a grade this grader gave.
    pub fn feedback(&self, grade: &Grade) -> Feedback {
        Feedback::new(&self.rubric, &self.model, grade)
    }

    /// Explains the grade of `answer`: per concept and matcher, hits with spans and rejected near
    /// misses with the reason.
    ///
    /// # Errors
    /// [`Error::AnswerTooLarge`] over the size limit.
    pub fn explain(&self, answer: &str) -> Result<Explanation, Error> {
        self.check_size(answer)?;
        let analysis = self.analyzer().analyze(answer);
        let grade = self.grade_analysis(answer, &analysis);
        let concept_hit: Vec<bool> = grade.concepts.iter().map(|c| c.hit).collect();
        let misconception_hit: Vec<bool> = self
            .rubric
            .misconceptions
            .iter()
            .map(|m| grade.misconceptions.iter().any(|g| g.id == m.id))
            .collect();
        let (concepts, misconceptions) = self.engine.explain(
            &self.rubric,
            answer,
            &analysis,
            &concept_hit,
            &misconception_hit,
        );
        Ok(Explanation {
            question_id: grade.question_id,
            score: grade.score,
            band: grade.band,
            concepts,
            misconceptions,
            coverage: grade.coverage,
            warnings: grade.warnings.into_iter().map(|w| w.message).collect(),
        })
    }

    /// Whether the answer (at least eight words) engages with the question, even if nothing in
    /// it is credited: it shares [`ENGAGED_QUESTION_WORDS`] content words with the question, or
    /// [`ENGAGED_TOPIC_WORDS`] with the question and the model answer together that make up a
    /// good part of what it says; with `count_all` (the answer is credited for nothing), also
    /// not a long answer that is mostly about something else ([`ELSEWHERE_MIN_CONTENT_WORDS`]),
    /// and how many distinct content words it shares with them (otherwise the scan stops as soon
    /// as the answer is on topic).
    fn engagement(&self, analysis: &Analysis, count_all: bool) -> Engagement {
        if analysis.word_count() < 8 {
            return Engagement::default();
        }
        // Distinct stems shared with the question, and with the question or the model answer:
        // one bit per topic stem.
        let mut seen: smallvec::SmallVec<[u64; 8]> =
            smallvec::smallvec![0; self.topic_stems.len().div_ceil(64)];
        let mut shared = 0usize;
        let mut with_question = 0;
        let mut content = 0usize;
        for t in analysis.tokens() {
            if t.function_word || t.negated {
                continue;
            }
            content += 1;
            // One hash lookup per word: this runs on every grade.
            if let Some(&(in_question, k)) = self.topic_stems.get(analysis.stem(t)) {
                let (word, bit) = (k as usize / 64, 1u64 << (k % 64));
                if seen[word] & bit == 0 {
                    seen[word] |= bit;
                    shared += 1;
                    with_question += usize::from(in_question);
                    if with_question >= ENGAGED_QUESTION_WORDS && !count_all {
                        break;
                    }
                }
            }
        }
        // A long answer credited for nothing that is mostly other words answers something else,
        // however many of the question's words it also uses.
        let elsewhere = count_all
            && content >= ELSEWHERE_MIN_CONTENT_WORDS
            && shared * ENGAGED_TOPIC_DENSITY < content;
        Engagement {
            on_topic: !elsewhere
                && (with_question >= ENGAGED_QUESTION_WORDS
                    || (shared >= ENGAGED_TOPIC_WORDS
                        && shared * ENGAGED_TOPIC_DENSITY >= content)),
            topic_words: shared as u32,
            content_words: content as u32,
        }
    }

    /// Checks `answer` against the size limit without grading it.
    ///
    /// # Errors
    /// [`Error::AnswerTooLarge`] over the limit.
    pub fn check_size(&self, answer: &str) -> Result<(), Error> {
        if answer.len() > self.max_answer_bytes {
            return Err(Error::AnswerTooLarge {
                len: answer.len(),
                limit: self.max_answer_bytes,
            });
        }
        Ok(())
    }
}

/// Checks the rubric's glossary references before compiling: an unknown name is reported at its
/// `Glossary("x")` or `"@x"` with line and column, and when a referenced entry refers to others
/// the references are expanded here into a glossary of flat entries, so a chain of any depth
/// compiles (a cycle or an explosion is refused with a true message).
fn resolve_glossary(
    rubric: &Rubric,
    glossary: &Glossary,
    source: Option<(&str, &str)>,
) -> Result<Option<Glossary>, Error> {
    let mut names = Vec::new();
    for m in rubric
        .concepts
        .iter()
        .map(|c| &c.matcher)
        .chain(rubric.misconceptions.iter().map(|m| &m.matcher))
    {
        glossary_refs(m, &mut names);
    }
    let fail = |problem: RefProblem| {
        let (name, message) = problem.describe();
        let (path, location) = match source {
            Some((path, text)) => (
                path.to_string(),
                locate(text, &format!("@{name}")).or_else(|| locate_glossary_call(text, &name)),
            ),
            None => ("<string>".to_string(), None),
        };
        let kind = match problem {
            RefProblem::Unknown { .. } => LoadErrorKind::UnknownGlossary,
            _ => LoadErrorKind::Invalid,
        };
        Error::Load(LoadError {
            path,
            location,
            field: None,
            message,
            kind,
        })
    };
    if let Some(unknown) = names.iter().find(|n| glossary.get(n).is_none()) {
        return Err(fail(RefProblem::Unknown {
            from: None,
            name: unknown.clone(),
        }));
    }
    if !glossary.has_chains(&names) {
        return Ok(None);
    }
    glossary.flatten(&names).map(Some).map_err(|problem| {
        // Deeper problems are the glossary's, but the rubric's reference is what led there.
        match problem {
            RefProblem::Unknown { from: Some(_), .. }
            | RefProblem::Cycle(_)
            | RefProblem::TooLarge { .. } => {
                let (_, message) = problem.describe();
                let top = names.first().cloned().unwrap_or_default();
                let mut e = fail(RefProblem::Unknown {
                    from: None,
                    name: top,
                });
                if let Error::Load(l) = &mut e {
                    l.message = message;
                    l.kind = LoadErrorKind::Invalid;
                }
                e
            }
            other => fail(other),
        }
    })
}

/// The location of `Glossary("name")` in rubric text.
fn locate_glossary_call(text: &str, name: &str) -> Option<crate::error::Location> {
    let needle = format!("Glossary(\"{name}\")");
    text.find(&needle)
        .map(|at| crate::error::Location::of_offset(text, at + "Glossary(".len()))
        .or_else(|| locate(text, name))
}

/// Every glossary name a matcher refers to, in order, each once.
fn glossary_refs(m: &Matcher, out: &mut Vec<String>) {
    let mut push = |name: &str| {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    };
    match m {
        Matcher::Glossary(name) => push(name),
        Matcher::Any(items) => {
            for name in items.iter().filter_map(|s| s.strip_prefix('@')) {
                push(name);
            }
        }
        Matcher::AnyOf(ms) | Matcher::AllOf { of: ms, .. } | Matcher::Ordered { of: ms, .. } => {
            for m in ms {
                glossary_refs(m, out);
            }
        }
        Matcher::Except { of, near, .. } => {
            glossary_refs(of, out);
            glossary_refs(near, out);
        }
        Matcher::Term(_) | Matcher::Phrase(_) | Matcher::Regex(_) => {}
    }
}
