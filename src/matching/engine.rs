//! The matching engine: a rubric's matchers compiled once, finding concepts and misconceptions
//! in analysed answers.

use super::compile::{Compiler, Leaf, Node};
use super::hit::{ConceptFinding, Evidence, Findings, Hit, MisconceptionFinding};
use super::matcher::Context;
use super::vocab::Vocab;
use crate::analysis::{Analysis, Analyzer};
use crate::error::{Error, LoadError, LoadErrorKind};
use crate::rubric::{Glossary, Polarity, Rubric};

/// At most this many pieces of evidence are kept per concept.
const EVIDENCE_PER_CONCEPT: usize = 4;

/// Every matcher of a rubric compiled: stems, phrase variants, typo index, regexes and glossary
/// expansions. It finds; it does not score (see [`crate::scoring`]).
#[derive(Debug)]
pub struct Engine {
    analyzer: Analyzer,
    vocab: Vocab,
    leaves: Vec<Leaf>,
    /// For each vocabulary word, the (leaf, variant) phrases that begin with it.
    starts: Vec<Vec<(u32, u32)>>,
    concepts: Vec<Node>,
    polarity: Vec<Polarity>,
    misconceptions: Vec<Node>,
}

impl Engine {
    /// Compiles the matchers of `rubric`. `source` is the rubric's path and text, so errors can
    /// name a line and column.
    ///
    /// # Errors
    /// A [`LoadError`] (inside [`Error::Load`]) naming the field for an invalid regex, an unknown
    /// glossary entry, an empty phrase, a group naming an unknown concept, or a `k` of 0 or over n.
    pub fn compile(
        rubric: &Rubric,
        glossary: &Glossary,
        case_sensitive_regex: bool,
        source: Option<(&str, &str)>,
    ) -> Result<Engine, Error> {
        let (path, source) = match source {
            Some((p, s)) => (p, Some(s)),
            None => ("<rubric>", None),
        };
        let mut compiler = Compiler::new(glossary, case_sensitive_regex);
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
        for (i, m) in rubric.misconceptions.iter().enumerate() {
            if let Some(unknown) = m
                .contradicts
                .iter()
                .find(|id| !rubric.concepts.iter().any(|c| &c.id == *id))
            {
                return Err(Error::Load(LoadError {
                    path: path.to_string(),
                    location: source.and_then(|s| crate::rubric::locate(s, unknown)),
                    field: Some(format!("misconceptions[{i}].contradicts")),
                    message: format!(
                        "misconception `{}` contradicts unknown concept `{unknown}`",
                        m.id
                    ),
                    kind: LoadErrorKind::UnknownConcept,
                }));
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
        Ok(Engine {
            starts,
            analyzer: compiler.analyzer,
            vocab: compiler.vocab,
            leaves: compiler.leaves,
            concepts,
            polarity: rubric.concepts.iter().map(|c| c.polarity).collect(),
            misconceptions,
        })
    }

    /// The analyser to run on answers before [`Engine::find`].
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Finds every concept and misconception in an analysed answer.
    pub fn find(&self, answer: &str, analysis: &Analysis) -> Findings {
        let trace = self.trace(answer, analysis);
        let concepts = self
            .polarity
            .iter()
            .zip(&trace.concepts)
            .map(|(&polarity, hits)| {
                let counts = |h: &Hit| match polarity {
                    Polarity::Positive => !h.negated,
                    Polarity::Negative => h.negated,
                    Polarity::Either => true,
                };
                let hit = hits.iter().any(counts);
                let negated =
                    !hit && polarity == Polarity::Positive && hits.iter().any(|h| h.negated);
                let mut evidence: Vec<Evidence> = hits
                    .iter()
                    .filter(|h| counts(h))
                    .take(EVIDENCE_PER_CONCEPT)
                    .map(|h| self.evidence(answer, h))
                    .collect();
                if !hit {
                    // Rejected mentions, so the reader sees what did not count.
                    evidence.extend(
                        hits.iter()
                            .take(EVIDENCE_PER_CONCEPT)
                            .map(|h| self.evidence(answer, h)),
                    );
                }
                ConceptFinding {
                    hit,
                    negated,
                    evidence,
                }
            })
            .collect();
        let misconceptions = trace
            .misconceptions
            .iter()
            .map(|hits| MisconceptionFinding {
                // Denying a misconception ("SIGKILL can *not* be caught") is not holding it.
                evidence: hits
                    .iter()
                    .filter(|h| !h.negated)
                    .take(EVIDENCE_PER_CONCEPT)
                    .map(|h| self.evidence(answer, h))
                    .collect(),
            })
            .collect();
        Findings {
            concepts,
            misconceptions,
        }
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
