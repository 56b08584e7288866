//! The grader: a rubric compiled once, grading many answers cheaply.

use super::compile::{Compiler, Leaf, Node};
use super::hit::{Evidence, Hit};
use super::matcher::Context;
use super::vocab::Vocab;
use crate::analysis::{Analysis, Analyzer};
use crate::error::{Error, LoadError, LoadErrorKind};
use crate::feedback;
use crate::rubric::{Glossary, Polarity, Rubric};
use crate::scoring::{
    self, ConceptResult, Findings, Grade, MisconceptionResult, Warning, WarningCode,
};

/// Default size limit for one answer: 1 MiB.
pub const DEFAULT_MAX_ANSWER_BYTES: usize = 1 << 20;

/// At most this many pieces of evidence are kept per concept.
const EVIDENCE_PER_CONCEPT: usize = 4;

/// A rubric compiled for grading: stems, phrase variants, typo index, regexes and glossary
/// expansions are all prepared here, once.
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
/// # Ok::<(), rubric_grader::Error>(())
/// ```
#[derive(Debug)]
pub struct Grader {
    rubric: Rubric,
    analyzer: Analyzer,
    vocab: Vocab,
    leaves: Vec<Leaf>,
    /// For each vocabulary word, the (leaf, variant) phrases that begin with it.
    starts: Vec<Vec<(u32, u32)>>,
    concepts: Vec<Node>,
    misconceptions: Vec<Node>,
    max_answer_bytes: usize,
    salad_guard: bool,
}

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

    /// Turn the keyword-salad guard on or off (default on).
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
    /// A [`LoadError`] (inside [`Error::Load`]) naming the field for an invalid regex, an unknown
    /// glossary entry, an empty phrase, a group naming an unknown concept, or a `k` of 0 or over n.
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
        self.build_with(rubric, glossary, source)
    }

    /// `build` with a borrowed glossary and source, so a bank compiling many rubrics copies
    /// neither.
    pub(crate) fn build_with(
        &self,
        rubric: &Rubric,
        glossary: &Glossary,
        source: Option<(&str, &str)>,
    ) -> Result<Grader, Error> {
        let (path, source) = match source {
            Some((p, s)) => (p, Some(s)),
            None => ("<rubric>", None),
        };
        let mut compiler = Compiler::new(glossary, self.case_sensitive_regex);
        let mut concepts = Vec::with_capacity(rubric.concepts.len());
        for (i, c) in rubric.concepts.iter().enumerate() {
            let node = compiler.compile(&c.matcher).map_err(|e| {
                e.into_load_error(path, format!("concepts[{i}].matcher ({})", c.id), source)
            })?;
            concepts.push(node);
        }
        let mut misconceptions = Vec::with_capacity(rubric.misconceptions.len());
        for (i, m) in rubric.misconceptions.iter().enumerate() {
            let node = compiler.compile(&m.matcher).map_err(|e| {
                e.into_load_error(
                    path,
                    format!("misconceptions[{i}].matcher ({})", m.id),
                    source,
                )
            })?;
            misconceptions.push(node);
        }
        for (i, g) in rubric.groups.iter().enumerate() {
            let located = |message: String, kind| {
                Error::Load(LoadError {
                    path: path.to_string(),
                    location: source.and_then(|s| crate::rubric::locate(s, &g.id)),
                    field: Some(format!("groups[{i}]")),
                    message,
                    kind,
                })
            };
            if let Some(unknown) = g
                .concepts
                .iter()
                .find(|id| !rubric.concepts.iter().any(|c| &c.id == *id))
            {
                return Err(located(
                    format!("group `{}` names unknown concept `{unknown}`", g.id),
                    LoadErrorKind::UnknownConcept,
                ));
            }
            if g.k == 0 || g.k > g.concepts.len() {
                return Err(located(
                    format!(
                        "group `{}` asks for k = {} of {} concepts",
                        g.id,
                        g.k,
                        g.concepts.len()
                    ),
                    LoadErrorKind::Invalid,
                ));
            }
        }
        let mut starts = vec![Vec::new(); compiler.vocab.len()];
        for (i, leaf) in compiler.leaves.iter().enumerate() {
            if let Leaf::Phrase { variants, .. } = leaf {
                for (k, v) in variants.iter().enumerate() {
                    starts[v.words[0] as usize].push((i as u32, k as u32));
                }
            }
        }
        Ok(Grader {
            starts,
            rubric: rubric.clone(),
            analyzer: compiler.analyzer,
            vocab: compiler.vocab,
            leaves: compiler.leaves,
            concepts,
            misconceptions,
            max_answer_bytes: self.max_answer_bytes,
            salad_guard: self.salad_guard,
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

    /// The rubric this grader was compiled from.
    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    /// The analyser it uses on answers.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Grades one answer.
    ///
    /// # Errors
    /// [`Error::AnswerTooLarge`] over the size limit (1 MiB unless set with the builder).
    pub fn grade(&self, answer: &str) -> Result<Grade, Error> {
        self.check_size(answer)?;
        let analysis = self.analyzer.analyze(answer);
        Ok(self.grade_analysis(answer, &analysis))
    }

    /// The size limit, as an error.
    pub(crate) fn check_size(&self, answer: &str) -> Result<(), Error> {
        if answer.len() > self.max_answer_bytes {
            return Err(Error::AnswerTooLarge {
                len: answer.len(),
                limit: self.max_answer_bytes,
            });
        }
        Ok(())
    }

    /// Grades an answer that was already analysed with [`Grader::analyzer`].
    pub fn grade_analysis(&self, answer: &str, analysis: &Analysis) -> Grade {
        let trace = self.trace(answer, analysis);
        self.grade_from_trace(answer, analysis, &trace)
    }

    /// Every hit of every concept and misconception, negated ones included.
    pub(crate) fn trace(&self, answer: &str, analysis: &Analysis) -> Trace {
        let cx = Context::new(answer, analysis, &self.vocab);
        let leaf_hits = cx.all_leaf_hits(&self.leaves, &self.starts);
        Trace {
            concepts: self
                .concepts
                .iter()
                .map(|n| cx.node_hits(n, &leaf_hits))
                .collect(),
            misconceptions: self
                .misconceptions
                .iter()
                .map(|n| cx.node_hits(n, &leaf_hits))
                .collect(),
        }
    }

    fn grade_from_trace(&self, answer: &str, analysis: &Analysis, trace: &Trace) -> Grade {
        let rubric = &self.rubric;
        let mut concept_hit = Vec::with_capacity(rubric.concepts.len());
        let mut concepts = Vec::with_capacity(rubric.concepts.len());
        let mut negated_only = Vec::new();
        for (c, hits) in rubric.concepts.iter().zip(&trace.concepts) {
            let counts = |h: &Hit| match c.polarity {
                Polarity::Positive => !h.negated,
                Polarity::Negative => h.negated,
                Polarity::Either => true,
            };
            let hit = hits.iter().any(counts);
            let negated =
                !hit && c.polarity == Polarity::Positive && hits.iter().any(|h| h.negated);
            if negated {
                negated_only.push(c.label.clone());
            }
            concept_hit.push(hit);
            let mut evidence: Vec<Evidence> = hits
                .iter()
                .filter(|h| counts(h))
                .take(EVIDENCE_PER_CONCEPT)
                .map(|h| self.evidence(answer, h))
                .collect();
            if !hit {
                evidence.extend(
                    hits.iter()
                        .take(EVIDENCE_PER_CONCEPT)
                        .map(|h| self.evidence(answer, h)),
                );
            }
            concepts.push(ConceptResult {
                id: c.id.clone(),
                label: c.label.clone(),
                weight: c.weight,
                required: c.required,
                hit,
                negated,
                group: rubric
                    .groups
                    .iter()
                    .find(|g| g.concepts.contains(&c.id))
                    .map(|g| g.id.clone()),
                evidence,
            });
        }
        let mut misconception_hit = Vec::with_capacity(rubric.misconceptions.len());
        let mut misconceptions = Vec::new();
        for (m, hits) in rubric.misconceptions.iter().zip(&trace.misconceptions) {
            // Denying a misconception ("SIGKILL can *not* be caught") is not holding it.
            let live: Vec<&Hit> = hits.iter().filter(|h| !h.negated).collect();
            misconception_hit.push(!live.is_empty());
            if !live.is_empty() {
                misconceptions.push(MisconceptionResult {
                    id: m.id.clone(),
                    label: m.label.clone(),
                    penalty: m.penalty,
                    correction: m.correction.clone(),
                    evidence: live
                        .iter()
                        .take(EVIDENCE_PER_CONCEPT)
                        .map(|h| self.evidence(answer, h))
                        .collect(),
                });
            }
        }
        let keyword_salad = self.salad_guard
            && concept_hit.iter().filter(|h| **h).count() >= 2
            && scoring::is_keyword_salad(analysis, answer);
        let findings = Findings {
            concept_hit,
            misconception_hit,
            keyword_salad,
            words: analysis.word_count(),
        };
        let mut tally = scoring::tally(rubric, &findings);
        if !negated_only.is_empty() {
            tally.warnings.push(Warning {
                code: WarningCode::NegatedMentions,
                message: format!(
                    "mentioned only in a negation, so not credited: {}",
                    negated_only.join(", ")
                ),
            });
        }
        if analysis.is_empty() {
            tally.warnings.push(Warning {
                code: WarningCode::EmptyAnswer,
                message: "the answer is empty".into(),
            });
        }
        let feedback = feedback::build(
            rubric,
            tally.score,
            tally.band,
            &concepts,
            &tally.groups,
            &misconceptions,
        );
        Grade {
            question_id: rubric.id.clone(),
            score: tally.score,
            band: tally.band,
            concepts,
            groups: tally.groups,
            misconceptions,
            feedback,
            warnings: tally.warnings,
        }
    }

    pub(crate) fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    pub(crate) fn leaves(&self) -> &[Leaf] {
        &self.leaves
    }

    pub(crate) fn starts(&self) -> &[Vec<(u32, u32)>] {
        &self.starts
    }

    pub(crate) fn concept_nodes(&self) -> &[Node] {
        &self.concepts
    }

    pub(crate) fn misconception_nodes(&self) -> &[Node] {
        &self.misconceptions
    }

    pub(crate) fn evidence(&self, answer: &str, h: &Hit) -> Evidence {
        Evidence {
            start: h.span.start,
            end: h.span.end,
            text: answer
                .get(h.span.start..h.span.end)
                .unwrap_or("")
                .to_string(),
            matcher: self.leaves[h.leaf as usize].describe(),
            fuzzy: h.fuzzy,
            negated: h.negated,
        }
    }
}

/// Raw hits per concept and misconception, in rubric order.
#[derive(Debug)]
pub(crate) struct Trace {
    pub concepts: Vec<Vec<Hit>>,
    pub misconceptions: Vec<Vec<Hit>>,
}
