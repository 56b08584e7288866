//! The matching engine: a rubric's matchers compiled once, finding concepts and misconceptions
//! in analysed answers.

use super::compile::{string_count, Compiler, Leaf, Node, NumberProbe, Scanner, Starts, Variant};
use super::hit::{ConceptFinding, Evidence, Findings, Hit, MisconceptionFinding, WrongNumber};
use super::matcher::Context;
use super::scan_index::ScanTable;
use super::vocab::Vocab;
use crate::analysis::{Analysis, Analyzer, DenialRule};
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
    /// The variants of every phrase leaf, leaf after leaf: one table, not a list per leaf.
    variants: Vec<Variant>,
    /// The text of every phrase leaf, back to back (see [`super::compile::TextRange`]).
    texts: String,
    /// For each vocabulary word, the phrase variants that begin with it.
    starts: Starts,
    /// Leaves that scan the text (literals and regexes), in leaf order: each with its leaf's
    /// index, and their needles, looked for in one pass.
    scans: ScanTable,
    /// The number probes of phrase leaves (see [`NumberProbe`]).
    probes: Vec<NumberProbe>,
    /// Each leaf's description (`phrase "preStop hook"`), made on the first evidence for all.
    descriptions: std::sync::OnceLock<Box<[String]>>,
    concepts: Vec<Node>,
    /// The children of the concept and misconception nodes (see [`Node`]).
    nodes: Vec<Node>,
    /// Per concept and then per misconception: the leaves its hits come from. One with no hits
    /// in an answer leaves the concept without hits, so its tree is not walked.
    sources: Vec<Box<[u32]>>,
    /// Per concept: its leaves that state a number next to words, to catch wrong numbers.
    number_leaves: Vec<Vec<u32>>,
    polarity: Vec<Polarity>,
    misconceptions: Vec<Node>,
    misconception_polarity: Vec<Polarity>,
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
        let strings = rubric
            .concepts
            .iter()
            .map(|c| &c.matcher)
            .chain(rubric.misconceptions.iter().map(|m| &m.matcher))
            .map(string_count)
            .sum();
        let mut compiler = Compiler::new(glossary, case_sensitive_regex, strings);
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
        let starts = Starts::new(compiler.vocab.len(), &compiler.leaves, &compiler.variants);
        let number_leaves = concepts
            .iter()
            .map(|n| {
                let mut v = Vec::new();
                collect_leaves(n, &compiler.nodes, &mut |l| {
                    if matches!(
                        compiler.leaves[l as usize],
                        Leaf::Phrase {
                            numbers: Some(_),
                            ..
                        }
                    ) && !v.contains(&l)
                    {
                        v.push(l);
                    }
                });
                v
            })
            .collect();
        let sources = concepts
            .iter()
            .chain(&misconceptions)
            .map(|n| {
                let mut v = Vec::new();
                collect_leaves(n, &compiler.nodes, &mut |l| v.push(l));
                v.sort_unstable();
                v.dedup();
                v.into_boxed_slice()
            })
            .collect();
        Ok(Engine {
            sources,
            number_leaves,
            descriptions: std::sync::OnceLock::new(),
            scans: ScanTable::new(compiler.scans),
            probes: compiler.probes,
            starts,
            analyzer: compiler.analyzer,
            vocab: compiler.vocab,
            leaves: compiler.leaves,
            variants: compiler.variants,
            texts: compiler.texts,
            nodes: compiler.nodes,
            concepts,
            polarity: rubric.concepts.iter().map(|c| c.polarity).collect(),
            misconceptions,
            misconception_polarity: rubric.misconceptions.iter().map(|m| m.polarity).collect(),
        })
    }

    /// The analyser to run on answers before [`Engine::find`].
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Finds every concept and misconception in an analysed answer.
    pub fn find(&self, answer: &str, analysis: &Analysis) -> Findings {
        let cx = Context::new(answer, analysis, &self.vocab, &self.nodes);
        let trace = self.trace_in(&cx);
        // A question states no belief: "Should you raise ndots? No, …".
        let questions = if trace.misconceptions.iter().any(|h| !h.is_empty()) {
            question_sentences(answer, analysis)
        } else {
            Vec::new()
        };
        let held = |h: &Hit, polarity: Polarity| {
            polarity.counts(h.negated)
                && !questions.get(h.sentence as usize).copied().unwrap_or(false)
        };
        // Where the answer states a belief it holds.
        let wrong_claims: Vec<Hit> = trace
            .misconceptions
            .iter()
            .zip(&self.misconception_polarity)
            .flat_map(|(hits, &polarity)| hits.iter().filter(move |h| held(h, polarity)))
            .copied()
            .collect();
        let concepts = self
            .polarity
            .iter()
            .zip(&trace.concepts)
            .map(|(&polarity, hits)| {
                // Only a concept dismissed somewhere can have a mention in the reason for it:
                // one pass decides, so the check below costs nothing for the rest.
                let dismissed = polarity == Polarity::Positive
                    && hits.iter().any(|n| n.negated && is_dismissal(analysis, n));
                let counts = |h: &Hit| {
                    polarity.counts(h.negated)
                        && !(dismissed && in_reason_for_denial(answer, analysis, hits, h))
                        // `either` is for rules stated with a negation ("CIDRs must not
                        // overlap"), not for dismissals ("CIDR overlap? Not something you need
                        // to think about", "overlapping CIDRs are irrelevant").
                        && !(polarity == Polarity::Either && h.negated && is_dismissal_or_reply(analysis, h))
                };
                let hit = hits.iter().any(counts);
                let only_in_wrong_claims = hit
                    && !wrong_claims.is_empty()
                    && hits
                        .iter()
                        .filter(|h| counts(h))
                        .all(|h| wrong_claims.iter().any(|w| is_part_of(h, w)));
                let asserted_apart = hits
                    .iter()
                    .filter(|h| counts(h))
                    .any(|h| !wrong_claims.iter().any(|w| w.sentence == h.sentence));
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
                    wrong_numbers: Vec::new(),
                    only_in_wrong_claims,
                    asserted_apart,
                }
            })
            .collect();
        let misconceptions = trace
            .misconceptions
            .iter()
            .zip(&self.misconception_polarity)
            .map(|(hits, &polarity)| MisconceptionFinding {
                // Denying a misconception ("SIGKILL can *not* be caught") is not holding it,
                // unless the belief itself is a denial (`polarity: negative`); nor is asking it.
                evidence: hits
                    .iter()
                    .filter(|h| held(h, polarity))
                    .take(EVIDENCE_PER_CONCEPT)
                    .map(|h| self.evidence(answer, h))
                    .collect(),
            })
            .collect();
        let mut findings = Findings {
            concepts,
            misconceptions,
        };
        self.find_wrong_numbers(answer, &cx, &mut findings);
        findings
    }

    /// Number phrases stated with other numbers. A mention is a wrong fact only if no phrase of
    /// the rubric expects the number it states ("exit code 143" is right for another concept),
    /// and it is charged once, to the missed concept whose number is nearest.
    fn find_wrong_numbers(&self, answer: &str, cx: &Context<'_>, findings: &mut Findings) {
        if self.number_leaves.iter().all(Vec::is_empty) {
            return;
        }
        // (first token, found) → candidate concepts with their expected numbers.
        // (the mention, the numbers it states, the concepts whose phrase it could be, with
        // the numbers each expects)
        type Mention = (Hit, String, Vec<(usize, String)>);
        let mut mentions: Vec<Mention> = Vec::new();
        let mut expected_anywhere: Vec<(u32, String)> = Vec::new();
        for (ci, leaves) in self.number_leaves.iter().enumerate() {
            for &l in leaves {
                let Leaf::Phrase {
                    numbers: Some(probe),
                    ..
                } = self.leaves[l as usize]
                else {
                    continue;
                };
                let probe = &self.probes[probe as usize];
                let expected = probe.1.join(" ");
                for (h, found) in cx.wrong_numbers(probe, l) {
                    match mentions
                        .iter_mut()
                        .find(|(m, f, _)| m.first == h.first && *f == found)
                    {
                        Some((_, _, cands)) => cands.push((ci, expected.clone())),
                        None => mentions.push((h, found, vec![(ci, expected.clone())])),
                    }
                }
                expected_anywhere.push((l, expected));
            }
        }
        for (h, found, cands) in mentions {
            if expected_anywhere.iter().any(|(_, e)| *e == found) {
                continue;
            }
            let distance = |e: &str| match (e.parse::<f64>(), found.parse::<f64>()) {
                (Ok(a), Ok(b)) => (a - b).abs(),
                _ => f64::MAX,
            };
            let Some((ci, expected)) = cands
                .iter()
                .filter(|(ci, _)| !findings.concepts[*ci].hit)
                .min_by(|a, b| distance(&a.1).total_cmp(&distance(&b.1)))
            else {
                continue;
            };
            let list = &mut findings.concepts[*ci].wrong_numbers;
            if list.len() < EVIDENCE_PER_CONCEPT {
                list.push(WrongNumber {
                    evidence: self.evidence(answer, &h),
                    expected: expected.clone(),
                    found,
                });
            }
        }
    }

    /// Every hit of every concept and misconception, negated ones included.
    fn trace_in(&self, cx: &Context<'_>) -> Trace {
        let leaf_hits = cx.all_leaf_hits(&self.leaves, &self.variants, &self.starts, &self.scans);
        let mut sources = self.sources.iter();
        let mut hits_of = |n: &Node| {
            let found = sources
                .next()
                .is_some_and(|s| s.iter().any(|&l| !leaf_hits[l as usize].is_empty()));
            if found {
                cx.node_hits(n, &leaf_hits)
            } else {
                Vec::new()
            }
        };
        Trace {
            concepts: self.concepts.iter().map(&mut hits_of).collect(),
            misconceptions: self.misconceptions.iter().map(&mut hits_of).collect(),
        }
    }

    pub(crate) fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    pub(crate) fn leaves(&self) -> &[Leaf] {
        &self.leaves
    }

    /// Builds every regex now (they are otherwise built on first use) and returns the pattern
    /// and reason of each one that cannot be built.
    pub(crate) fn regex_problems(&self) -> Vec<(String, String)> {
        self.scans
            .iter()
            .filter_map(|(_, scan)| match scan {
                Scanner::Regex { regex, text, .. } => {
                    regex.check().err().map(|e| (text.clone(), e))
                }
                Scanner::Literal { .. } => None,
            })
            .collect()
    }

    /// The text of phrase leaf `leaf` as written, or "" for another kind of leaf.
    pub(crate) fn phrase_text(&self, leaf: &Leaf) -> &str {
        match leaf {
            Leaf::Phrase { text, .. } => text.of(&self.texts),
            _ => "",
        }
    }

    /// What `leaf` matches, for explanations (see [`Leaf::describe`]).
    pub(crate) fn describe(&self, leaf: &Leaf) -> String {
        leaf.describe(&self.texts, &self.scans)
    }

    /// The variants of every phrase leaf (see [`Leaf::Phrase`]).
    pub(crate) fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// The literal and regex leaves, each with its leaf's index.
    pub(crate) fn scans(&self) -> &ScanTable {
        &self.scans
    }

    pub(crate) fn starts(&self) -> &Starts {
        &self.starts
    }

    /// The children of the concept and misconception nodes (see [`Node`]).
    pub(crate) fn node_table(&self) -> &[Node] {
        &self.nodes
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
            matcher: self.descriptions.get_or_init(|| {
                self.leaves
                    .iter()
                    .map(|l| l.describe(&self.texts, &self.scans))
                    .collect()
            })[h.leaf as usize]
                .clone(),
            fuzzy: h.fuzzy,
            negated: h.negated,
        }
    }
}

/// Per sentence of the analysis, whether it is a question: a `?` follows its last token.
fn question_sentences(answer: &str, analysis: &Analysis) -> Vec<bool> {
    let tokens = analysis.tokens();
    let mut questions = vec![false; analysis.sentence_count() as usize];
    for (k, t) in tokens.iter().enumerate() {
        let next = tokens.get(k + 1);
        if next.is_some_and(|n| n.sentence == t.sentence) {
            continue;
        }
        let end = next.map_or(answer.len(), |n| n.span.start);
        let asks = answer
            .get(t.span.end..end)
            .is_some_and(|after| after.trim_start().starts_with('?'));
        if let Some(q) = questions.get_mut(t.sentence as usize) {
            *q = asks;
        }
    }
    questions
}

/// How many tokens either side of a misconception's words still belong to its claim.
const CLAIM_REACH: u32 = 3;

/// Whether hit `h` lies within (or right next to) the words of the wrong claim `wrong`, in the
/// same sentence: "selfHeal *writes the live state back to Git*" states no right claim about
/// selfHeal.
fn is_part_of(h: &Hit, wrong: &Hit) -> bool {
    h.sentence == wrong.sentence
        && h.first + CLAIM_REACH >= wrong.first
        && h.last <= wrong.last + CLAIM_REACH
}

/// Raw hits per concept and misconception, in rubric order.
#[derive(Debug)]
pub(crate) struct Trace {
    pub concepts: Vec<Vec<Hit>>,
    pub misconceptions: Vec<Vec<Hit>>,
}

/// Calls `f` with every leaf of a matcher tree whose children are in `table`.
fn collect_leaves(node: &Node, table: &[Node], f: &mut impl FnMut(u32)) {
    match node {
        Node::Leaf(l) => f(*l),
        Node::Any(nodes) | Node::All { of: nodes, .. } | Node::Ordered { of: nodes, .. } => nodes
            .of(table)
            .iter()
            .for_each(|n| collect_leaves(n, table, f)),
        Node::Except { of, .. } => {
            if let Some(of) = table.get(*of as usize) {
                collect_leaves(of, table, f);
            }
        }
    }
}

/// "kubectl logs --previous won't help *because previous containers are deleted*": a mention
/// in the reason given for a dismissal of the same concept (a verdict on it — "won't help", "is
/// overkill" — or "forget it"), later in its sentence, is part of the dismissal, not a claim of
/// its own (unless a contrast comes between: "… won't help, but the previous container's logs
/// will"). A plain negation gives its reason as a claim: "it does not protect against kernel
/// exploits, since *the kernel is shared*". A dash or a colon after the dismissal gives its
/// reason too: "Capabilities aren't the issue — *Kubernetes drops every capability by
/// default*".
fn in_reason_for_denial(text: &str, analysis: &Analysis, hits: &[Hit], h: &Hit) -> bool {
    let tokens = analysis.tokens();
    hits.iter().any(|n| {
        n.negated && n.sentence == h.sentence && n.last < h.first && is_dismissal(analysis, n) && {
            let between = || (n.last + 1..h.first).map(|k| analysis.lower(k as usize));
            let explained = || {
                (n.last as usize + 1..=h.first as usize).any(|k| {
                    crate::analysis::dash_between(tokens, text, k - 1, k)
                        || text
                            .get(tokens[k - 1].span.end..tokens[k].span.start)
                            .is_some_and(|gap| gap.contains(": "))
                })
            };
            (between().any(|w| matches!(w, "because" | "since")) || explained())
                && !between().any(|w| {
                    matches!(
                        w,
                        "but" | "however" | "instead" | "rather" | "though" | "although" | "yet"
                    )
                })
        }
    })
}

/// Whether the denied hit `n` is dismissed — a verdict on it or a dismissal of it — rather than
/// plainly negated.
fn is_dismissal(analysis: &Analysis, n: &Hit) -> bool {
    denied_by(analysis, n, false)
}

/// Whether hit `n` is dismissed (see [`is_dismissal`]) or ruled out by a reply ("X? Not
/// needed.").
fn is_dismissal_or_reply(analysis: &Analysis, n: &Hit) -> bool {
    denied_by(analysis, n, true)
}

/// Whether a token of hit `n` is denied by a verdict, a subject verdict or a dismissal — or, with
/// `reply`, by a reply.
fn denied_by(analysis: &Analysis, n: &Hit, reply: bool) -> bool {
    analysis.tokens()[n.first as usize..=n.last as usize]
        .iter()
        .any(|t| {
            t.negated
                && match DenialRule::from_code(t.denial) {
                    Some(DenialRule::Subject | DenialRule::Verdict | DenialRule::Dismissal) => true,
                    Some(DenialRule::Reply) => reply,
                    _ => false,
                }
        })
}
