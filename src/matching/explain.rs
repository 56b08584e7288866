//! Explanations for rubric authors: per concept and matcher, what matched (with spans) and which
//! near misses were rejected and why — negated, a typo beyond the limit, a real word that is never
//! typo-matched, a number that differs, parts of an `AllOf` too far apart.

use serde::{Deserialize, Serialize};

use super::compile::{Leaf, Node};
use super::engine::Engine;
use super::hit::{Evidence, Hit};
use super::matcher::{close, combination, Context};
use super::vocab::typo_limit;
use crate::analysis::{is_english_word, stem, Analysis, DenialRule, Span, TokenKind};
use crate::rubric::{Rubric, Window};

/// At most this many near misses are reported per matcher.
const NEAR_MISSES_PER_MATCHER: usize = 4;

/// What happened for one concept or misconception.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptTrace {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Whether it counted.
    pub hit: bool,
    /// Matchers that matched or nearly matched (silent ones are left out).
    pub matchers: Vec<MatcherTrace>,
    /// How many matchers (phrases, regexes, windows) were tried.
    pub tried: usize,
}

/// One matcher's hits and near misses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatcherTrace {
    /// The matcher, e.g. `phrase "preStop hook"`.
    pub matcher: String,
    /// Where it matched.
    pub hits: Vec<Evidence>,
    /// What nearly matched.
    pub near_misses: Vec<NearMiss>,
}

/// Something in the answer that nearly matched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearMiss {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: String,
    /// Why it did not count.
    pub reason: NearMissReason,
}

/// Why a near miss did not count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NearMissReason {
    /// Denied by the answer (see [`DenialRule`]).
    Negated {
        /// The cue that denied it.
        cue: String,
        /// The rule that applied.
        rule: DenialRule,
    },
    /// A spelling too far from the rubric's word.
    TypoTooFar {
        /// The rubric's word.
        word: String,
        /// Edit distance.
        distance: usize,
        /// Largest distance allowed for a word of that length.
        limit: usize,
    },
    /// A correctly spelt English word is never taken for a typo of another.
    RealWord {
        /// The rubric's word.
        word: String,
    },
    /// Typos must keep the first letter.
    FirstLetterDiffers {
        /// The rubric's word.
        word: String,
    },
    /// Numbers and codes match exactly.
    NumberDiffers {
        /// What the rubric says.
        expected: String,
        /// What the answer says.
        found: String,
    },
    /// All parts of an `AllOf` were found, but not close enough together.
    OutsideWindow {
        /// The window: `same clause`, `same sentence`, `within N tokens`.
        window: String,
    },
    /// The parts of an `Ordered` claim were found together, but the answer puts them in the
    /// other order ("init containers start *after* the app").
    WrongOrder,
    /// A part of an `AllOf` or `Ordered` claim was only found denied.
    PartDenied,
    /// An `Except` matcher's `near` matcher hit close by.
    Excluded {
        /// What voided it.
        near: String,
    },
}

impl Engine {
    /// Traces every concept and misconception of `rubric` (the one this engine was compiled
    /// from) in an analysed answer: hits with spans and rejected near misses with the reason.
    /// `concept_hit` and `misconception_hit` say which counted in the grade.
    pub(crate) fn explain(
        &self,
        rubric: &Rubric,
        answer: &str,
        analysis: &Analysis,
        concept_hit: &[bool],
        misconception_hit: &[bool],
    ) -> (Vec<ConceptTrace>, Vec<ConceptTrace>) {
        let cx = Context::new(answer, analysis, self.vocab(), self.node_table());
        let leaf_hits =
            cx.all_leaf_hits(self.leaves(), self.variants(), self.starts(), self.scans());
        let trace = |nodes: &[Node], ids: Vec<(String, String, bool)>| -> Vec<ConceptTrace> {
            nodes
                .iter()
                .zip(ids)
                .map(|(node, (id, label, hit))| {
                    let mut matchers = Vec::new();
                    let mut tried = 0;
                    self.explain_node(&cx, node, &leaf_hits, &mut matchers, &mut tried);
                    ConceptTrace {
                        id,
                        label,
                        hit,
                        matchers,
                        tried,
                    }
                })
                .collect()
        };
        let concepts = trace(
            self.concept_nodes(),
            rubric
                .concepts
                .iter()
                .zip(concept_hit)
                .map(|(c, &hit)| (c.id.clone(), c.label.clone(), hit))
                .collect(),
        );
        let misconceptions = trace(
            self.misconception_nodes(),
            rubric
                .misconceptions
                .iter()
                .zip(misconception_hit)
                .map(|(m, &hit)| (m.id.clone(), m.label.clone(), hit))
                .collect(),
        );
        (concepts, misconceptions)
    }

    fn explain_node(
        &self,
        cx: &Context<'_>,
        node: &Node,
        leaf_hits: &[Vec<Hit>],
        out: &mut Vec<MatcherTrace>,
        tried: &mut usize,
    ) {
        match node {
            Node::Leaf(i) => {
                *tried += 1;
                let t = self.explain_leaf(cx, *i, &leaf_hits[*i as usize]);
                if !t.hits.is_empty() || !t.near_misses.is_empty() {
                    out.push(t);
                }
            }
            Node::Any(nodes) => cx
                .children(*nodes)
                .iter()
                .for_each(|n| self.explain_node(cx, n, leaf_hits, out, tried)),
            Node::All { of, within } | Node::Ordered { of, within } => {
                *tried += 1;
                let of = cx.children(*of);
                of.iter()
                    .for_each(|n| self.explain_node(cx, n, leaf_hits, out, tried));
                let ordered = matches!(node, Node::Ordered { .. });
                let window = describe_window(*within);
                let name = if ordered { "in order" } else { "all of" };
                let matcher = format!("{name} {} parts ({window})", of.len());
                let whole = cx.node_hits(node, leaf_hits);
                if whole.iter().any(|h| !h.negated) {
                    out.push(MatcherTrace {
                        matcher,
                        hits: whole.iter().map(|h| self.evidence(cx.text, h)).collect(),
                        near_misses: Vec::new(),
                    });
                    return;
                }
                let parts: Vec<Vec<Hit>> = of.iter().map(|n| cx.node_hits(n, leaf_hits)).collect();
                if parts.iter().any(|p| p.is_empty()) {
                    return;
                }
                let near_misses = if !whole.is_empty() {
                    // Found together, but a part only in a denial: name that part.
                    whole
                        .iter()
                        .filter(|h| {
                            parts
                                .iter()
                                .any(|p| p.iter().any(|q| q.span == h.span && q.negated))
                        })
                        .map(|h| near(cx.text, h.span, NearMissReason::PartDenied))
                        .collect()
                } else if ordered && combination(&parts, *within).is_some() {
                    combination(&parts, *within)
                        .unwrap_or_default()
                        .iter()
                        .map(|h| near(cx.text, h.span, NearMissReason::WrongOrder))
                        .collect()
                } else {
                    parts
                        .iter()
                        .map(|p| {
                            near(
                                cx.text,
                                p[0].span,
                                NearMissReason::OutsideWindow {
                                    window: window.clone(),
                                },
                            )
                        })
                        .collect()
                };
                out.push(MatcherTrace {
                    matcher,
                    hits: Vec::new(),
                    near_misses,
                });
            }
            Node::Except {
                of,
                near: voiding,
                within,
            } => {
                *tried += 1;
                let (of, voiding) = (cx.node(*of), cx.node(*voiding));
                self.explain_node(cx, of, leaf_hits, out, tried);
                let kept = cx.node_hits(node, leaf_hits);
                let voids: Vec<Hit> = cx
                    .node_hits(voiding, leaf_hits)
                    .into_iter()
                    .filter(|h| !h.negated)
                    .collect();
                let near_misses: Vec<NearMiss> = cx
                    .node_hits(of, leaf_hits)
                    .iter()
                    .filter(|h| !kept.iter().any(|k| k.span == h.span))
                    .filter_map(|h| {
                        let v = voids.iter().find(|v| close(h, v, *within))?;
                        Some(near(
                            cx.text,
                            h.span,
                            NearMissReason::Excluded {
                                near: cx.text[v.span.start..v.span.end].to_string(),
                            },
                        ))
                    })
                    .collect();
                if !near_misses.is_empty() {
                    out.push(MatcherTrace {
                        matcher: format!("except near ({})", describe_window(*within)),
                        hits: Vec::new(),
                        near_misses,
                    });
                }
            }
        }
    }

    fn explain_leaf(&self, cx: &Context<'_>, index: u32, hits: &[Hit]) -> MatcherTrace {
        let leaf = &self.leaves()[index as usize];
        let tokens = cx.analysis.tokens();
        let mut trace = MatcherTrace {
            matcher: self.describe(leaf),
            hits: Vec::new(),
            near_misses: Vec::new(),
        };
        for h in hits {
            if h.negated {
                let denial = (h.first..=h.last)
                    .map(|p| &tokens[p as usize])
                    .find_map(|t| cx.analysis.denial(t));
                let (cue, rule) = match denial {
                    Some((at, rule)) => (
                        tokens.get(at).map_or(String::new(), |t| {
                            cx.text[t.span.start..t.span.end].to_string()
                        }),
                        rule,
                    ),
                    None => (String::new(), DenialRule::Cue),
                };
                trace.near_misses.push(near(
                    cx.text,
                    h.span,
                    NearMissReason::Negated { cue, rule },
                ));
            } else {
                trace.hits.push(self.evidence(cx.text, h));
            }
        }
        if let Leaf::Phrase { .. } = leaf {
            // Explanations are rare: re-analyse the phrase rather than keep its words in every
            // compiled grader.
            let a = self.analyzer().analyze(self.phrase_text(leaf));
            let parts: Vec<(String, TokenKind)> = a
                .tokens()
                .iter()
                .map(|t| (a.norm(t).to_string(), t.kind))
                .collect();
            let parts = &parts;
            let covered = |p: u32| hits.iter().any(|h| h.first <= p && p <= h.last);
            near_spellings(
                cx.analysis,
                cx.text,
                parts,
                &covered,
                &mut trace.near_misses,
            );
            near_numbers(cx.analysis, cx.text, parts, &mut trace.near_misses);
        }
        trace.near_misses.truncate(NEAR_MISSES_PER_MATCHER);
        trace
    }
}

fn near(text: &str, span: Span, reason: NearMissReason) -> NearMiss {
    NearMiss {
        start: span.start,
        end: span.end,
        text: text.get(span.start..span.end).unwrap_or("").to_string(),
        reason,
    }
}

/// Answer words close in spelling to a phrase word that did not count as typos: within the
/// limit but refused (first letter, a real word), or one edit beyond it.
fn near_spellings(
    a: &Analysis,
    text: &str,
    parts: &[(String, TokenKind)],
    covered: &dyn Fn(u32) -> bool,
    out: &mut Vec<NearMiss>,
) {
    for (word, kind) in parts {
        if *kind != TokenKind::Word || word.len() < 5 {
            continue;
        }
        let key = stem(word);
        let limit = typo_limit(word.len());
        for t in a.tokens() {
            let norm = a.norm(t);
            let candidate = t.kind == TokenKind::Word
                && !t.function_word
                && !covered(t.position)
                && a.stem(t) != &*key
                && norm.len() >= 4
                && norm.len().abs_diff(word.len()) <= limit + 1;
            if !candidate {
                continue;
            }
            let distance = strsim::osa_distance(norm, word);
            if distance == 0 || distance > limit + 1 {
                continue;
            }
            let reason = if distance > limit {
                NearMissReason::TypoTooFar {
                    word: word.clone(),
                    distance,
                    limit,
                }
            } else if norm.as_bytes().first() != word.as_bytes().first() {
                NearMissReason::FirstLetterDiffers { word: word.clone() }
            } else if is_english_word(norm) {
                NearMissReason::RealWord { word: word.clone() }
            } else {
                continue;
            };
            if !out.iter().any(|m| m.start == t.span.start) {
                out.push(near(text, t.span, reason));
            }
        }
    }
}

/// Numbers next to a phrase's words that differ from the phrase's number (`exit code 138`).
fn near_numbers(a: &Analysis, text: &str, parts: &[(String, TokenKind)], out: &mut Vec<NearMiss>) {
    let tokens = a.tokens();
    for (k, (expected, kind)) in parts.iter().enumerate() {
        if !kind.is_exact() {
            continue;
        }
        let neighbour = parts
            .get(k.wrapping_sub(1))
            .or(parts.get(k + 1))
            .filter(|(_, kind)| *kind == TokenKind::Word);
        let Some((word, _)) = neighbour else { continue };
        let key = stem(word);
        for (i, t) in tokens.iter().enumerate() {
            if !t.kind.is_exact() || a.norm(t) == expected {
                continue;
            }
            let near_word = (i.saturating_sub(3)..(i + 4).min(tokens.len()))
                .any(|j| j != i && a.stem(&tokens[j]) == &*key);
            if near_word && !out.iter().any(|m| m.start == t.span.start) {
                out.push(near(
                    text,
                    t.span,
                    NearMissReason::NumberDiffers {
                        expected: expected.clone(),
                        found: a.norm(t).to_string(),
                    },
                ));
            }
        }
    }
}

fn describe_window(within: Window) -> String {
    match within {
        Window::Clause => "same clause".to_string(),
        Window::Sentence => "same sentence".to_string(),
        Window::Tokens(n) => format!("within {n} tokens"),
        Window::Answer => "anywhere".to_string(),
    }
}
