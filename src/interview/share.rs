//! Each concept's share of a question's score, and the order of importance built on it.
//!
//! Mirrors the scoring rule (see [`crate::scoring`]): a concept outside every group is worth its
//! weight; a group is worth its own weight, earned `min(hits, k) / k`, so each of a group's
//! members is worth the group's weight ÷ k. Shares are on the 0–100 scale.

use crate::rubric::Rubric;

/// Each concept's share of the 0–100 score, in rubric order.
pub(crate) fn shares(rubric: &Rubric) -> Vec<f32> {
    let group_of = |id: &str| {
        rubric
            .groups
            .iter()
            .find(|g| g.concepts.iter().any(|c| c == id))
    };
    let total: f32 = rubric
        .concepts
        .iter()
        .filter(|c| group_of(&c.id).is_none())
        .map(|c| c.weight)
        .sum::<f32>()
        + rubric.groups.iter().map(|g| g.weight).sum::<f32>();
    if total <= 0.0 {
        return vec![0.0; rubric.concepts.len()];
    }
    rubric
        .concepts
        .iter()
        .map(|c| match group_of(&c.id) {
            Some(g) => 100.0 * g.weight / g.k.max(1) as f32 / total,
            None => 100.0 * c.weight / total,
        })
        .collect()
}

/// Whether a concept is required, directly or through a required group.
pub(crate) fn is_required(rubric: &Rubric, concept: usize) -> bool {
    let c = &rubric.concepts[concept];
    c.required
        || rubric
            .groups
            .iter()
            .any(|g| g.required && g.concepts.contains(&c.id))
}

/// Concept indices, most important first: required before optional, then by share, then by
/// the member's own weight (which ranks members of one group), then in rubric order.
pub(crate) fn ranked(rubric: &Rubric) -> Vec<usize> {
    let shares = shares(rubric);
    let mut order: Vec<usize> = (0..rubric.concepts.len()).collect();
    order.sort_by(|&a, &b| {
        is_required(rubric, b)
            .cmp(&is_required(rubric, a))
            .then(shares[b].total_cmp(&shares[a]))
            .then(
                rubric.concepts[b]
                    .weight
                    .total_cmp(&rubric.concepts[a].weight),
            )
            .then(a.cmp(&b))
    });
    order
}

/// Rounds to one decimal, as grades do.
pub(crate) fn round1(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}
