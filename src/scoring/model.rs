//! The scoring model: the one place that knows what each concept is worth.
//!
//! Compiled once per rubric, it answers every question about the scoring rule — which group a
//! concept is in, whether it is required, its share of the score, and which missed concept
//! matters most — so that grading, feedback, interview probes, hints, kits and scorecards all
//! agree.
//!
//! The rule: score (0–100) = 100 × earned ÷ total − penalties, floored at 0. A concept outside
//! every group earns its weight when hit; a group earns `min(hits, k) / k` of its own weight, so
//! each member is worth the group's weight ÷ k (its own weight only ranks members). A required
//! concept, or a required group with no member hit, keeps the score below the top band.
//!
//! Importance, used wherever something "most important that was missed" is named: concepts that
//! still block the top band first (a required concept, or a member of a required group none of
//! whose members was hit), then by share of the score, then by the concept's own weight (which
//! ranks the members of one group), then in rubric order. Members of a group that already has
//! `k` hits are worth nothing more and are not listed as misses.

use crate::rubric::{Bands, Rubric};

/// A rubric's scoring rule, compiled: groups, required flags, shares and importance.
///
/// Build it with [`ScoringModel::new`] (a [`Grader`](crate::Grader) holds one); it is small and
/// cheap to build.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoringModel {
    bands: Bands,
    /// Per concept: the index of its group.
    group_of: Vec<Option<usize>>,
    /// Per concept: `required` as written on the concept.
    concept_required: Vec<bool>,
    /// Per concept: its own weight.
    weights: Vec<f32>,
    /// Per concept: its share of the 0–100 score.
    shares: Vec<f32>,
    /// Per group: `(k, weight, required, members)`.
    groups: Vec<GroupRule>,
    /// Sum of the weights of ungrouped concepts and of groups.
    total: f32,
    /// Concept indices, most important first, before anything is answered.
    order: Vec<usize>,
    /// The weight of the rubric's content-word coverage (0 without one), part of `total`.
    word_coverage_weight: f32,
}

#[derive(Clone, Debug, PartialEq)]
struct GroupRule {
    k: usize,
    weight: f32,
    required: bool,
    members: Vec<usize>,
}

impl ScoringModel {
    /// Compiles the scoring rule of `rubric`. Group members that name no concept are ignored
    /// here (the grader refuses such rubrics when it is built).
    pub fn new(rubric: &Rubric) -> ScoringModel {
        let n = rubric.concepts.len();
        let mut group_of = vec![None; n];
        let mut groups = Vec::with_capacity(rubric.groups.len());
        for (gi, g) in rubric.groups.iter().enumerate() {
            let members: Vec<usize> = g
                .concepts
                .iter()
                .filter_map(|id| rubric.concepts.iter().position(|c| &c.id == id))
                .collect();
            for &m in &members {
                // A concept listed in two groups belongs to the first (lint reports it).
                group_of[m].get_or_insert(gi);
            }
            groups.push(GroupRule {
                k: g.k.max(1),
                weight: g.weight,
                required: g.required,
                members,
            });
        }
        let weights: Vec<f32> = rubric.concepts.iter().map(|c| c.weight).collect();
        let word_coverage_weight = rubric.coverage.as_ref().map_or(0.0, |c| c.weight);
        let total: f32 = word_coverage_weight
            + (0..n)
                .filter(|&i| group_of[i].is_none())
                .map(|i| weights[i])
                .sum::<f32>()
            + groups.iter().map(|g| g.weight).sum::<f32>();
        let shares = (0..n)
            .map(|i| {
                if total <= 0.0 {
                    return 0.0;
                }
                match group_of[i] {
                    Some(g) => 100.0 * groups[g].weight / groups[g].k as f32 / total,
                    None => 100.0 * weights[i] / total,
                }
            })
            .collect();
        let mut model = ScoringModel {
            bands: rubric.bands.unwrap_or_default(),
            group_of,
            concept_required: rubric.concepts.iter().map(|c| c.required).collect(),
            weights,
            shares,
            groups,
            total,
            order: Vec::new(),
            word_coverage_weight,
        };
        model.order = model.rank((0..n).collect(), &vec![false; n]);
        model
    }

    /// The band thresholds.
    pub fn bands(&self) -> Bands {
        self.bands
    }

    /// How many concepts the rubric has.
    pub fn len(&self) -> usize {
        self.shares.len()
    }

    /// Whether the rubric has no concepts.
    pub fn is_empty(&self) -> bool {
        self.shares.is_empty()
    }

    /// The index (in rubric order) of the group concept `concept` belongs to.
    pub fn group_of(&self, concept: usize) -> Option<usize> {
        self.group_of.get(concept).copied().flatten()
    }

    /// A concept's share of the 0–100 score: its weight ÷ the total, or for a group member the
    /// group's weight ÷ k ÷ the total.
    pub fn share(&self, concept: usize) -> f32 {
        self.shares.get(concept).copied().unwrap_or(0.0)
    }

    /// Whether missing `concept` can keep an answer out of the top band: it is required itself,
    /// or it belongs to a required group.
    pub fn is_required(&self, concept: usize) -> bool {
        self.concept_required.get(concept).copied().unwrap_or(false)
            || self
                .group_of(concept)
                .is_some_and(|g| self.groups[g].required)
    }

    /// Concept indices, most important first, for an answer not given yet (hints, kits).
    pub fn importance(&self) -> &[usize] {
        &self.order
    }

    /// The concepts an answer missed that would still add to its score, most important first.
    /// `hit` is per concept, in rubric order.
    pub fn misses(&self, hit: &[bool]) -> Vec<usize> {
        let candidates = (0..self.len())
            .filter(|&i| !hit.get(i).copied().unwrap_or(false))
            .filter(|&i| match self.group_of(i) {
                Some(g) => self.group_hits(g, hit) < self.groups[g].k,
                None => true,
            })
            .collect();
        self.rank(candidates, hit)
    }

    /// Whether `concept` still blocks the top band given what was hit.
    fn blocks(&self, concept: usize, hit: &[bool]) -> bool {
        if hit.get(concept).copied().unwrap_or(false) {
            return false;
        }
        self.concept_required[concept]
            || self
                .group_of(concept)
                .is_some_and(|g| self.groups[g].required && self.group_hits(g, hit) == 0)
    }

    /// The concepts of group `g`, in the order the rubric lists them.
    pub(crate) fn group_members(&self, g: usize) -> &[usize] {
        &self.groups[g].members
    }

    fn group_hits(&self, g: usize, hit: &[bool]) -> usize {
        self.groups[g]
            .members
            .iter()
            .filter(|&&m| hit.get(m).copied().unwrap_or(false))
            .count()
    }

    fn rank(&self, mut v: Vec<usize>, hit: &[bool]) -> Vec<usize> {
        v.sort_by(|&a, &b| {
            self.blocks(b, hit)
                .cmp(&self.blocks(a, hit))
                .then(self.shares[b].total_cmp(&self.shares[a]))
                .then(self.weights[b].total_cmp(&self.weights[a]))
                .then(a.cmp(&b))
        });
        v
    }

    /// Whether what was hit leaves a required concept (or a required group) uncovered, which
    /// keeps the score below the top band.
    pub fn caps_top_band(&self, hit: &[bool]) -> bool {
        let (concepts, groups) = self.required_missed(hit);
        !concepts.is_empty() || !groups.is_empty()
    }

    /// The labels of what blocks the top band: required concepts missed and required groups
    /// with no member hit, in rubric order (`labels` gives concept and group labels).
    pub(crate) fn required_missed(&self, hit: &[bool]) -> (Vec<usize>, Vec<usize>) {
        let concepts = (0..self.len())
            .filter(|&i| self.concept_required[i] && !hit.get(i).copied().unwrap_or(false))
            .collect();
        let groups = (0..self.groups.len())
            .filter(|&g| self.groups[g].required && self.group_hits(g, hit) == 0)
            .collect();
        (concepts, groups)
    }

    /// The points of 100 a content-word coverage credit (0–1) adds, and the most it can add,
    /// each to one decimal.
    pub(crate) fn word_coverage_points(&self, credit: f32) -> (f32, f32) {
        if self.total <= 0.0 {
            return (0.0, 0.0);
        }
        let max = 100.0 * self.word_coverage_weight / self.total;
        (round1(max * credit.clamp(0.0, 1.0)), round1(max))
    }

    /// `(earned, total)` weight, with groups earning `min(hits, k) / k`, and each group's credit.
    pub(crate) fn coverage(&self, hit: &[bool], word_coverage: f32) -> (f32, Vec<f32>) {
        let mut earned: f32 = self.word_coverage_weight * word_coverage.clamp(0.0, 1.0)
            + (0..self.len())
                .filter(|&i| self.group_of[i].is_none() && hit.get(i).copied().unwrap_or(false))
                .map(|i| self.weights[i])
                .sum::<f32>();
        let credits: Vec<f32> = (0..self.groups.len())
            .map(|g| self.group_hits(g, hit).min(self.groups[g].k) as f32 / self.groups[g].k as f32)
            .collect();
        earned += credits
            .iter()
            .zip(&self.groups)
            .map(|(c, g)| c * g.weight)
            .sum::<f32>();
        let coverage = if self.total > 0.0 {
            earned / self.total
        } else {
            0.0
        };
        (coverage, credits)
    }
}

/// Rounds to one decimal, as scores are reported.
pub(crate) fn round1(x: f32) -> f32 {
    // `+ 0.0` turns a negative zero into zero, so JSON never shows `-0.0`.
    (x * 10.0).round() / 10.0 + 0.0
}
