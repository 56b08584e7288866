//! Aggregation: a transcript's turns summed up into question lines, category and level means, and
//! the strongest and weakest concepts. Numbers only; the verdict and the study list read them.

use std::collections::BTreeMap;

use super::{AreaScore, ConceptScore, FollowUpScore, LevelScore, QuestionScore};
use crate::interview::transcript::{ConceptMark, RedFlag, Turn, TurnGrade};
use crate::rubric::{Bands, Level};
use crate::scoring::{round1, Band};

/// How many concepts the strongest and weakest lists hold at most.
const TOP_CONCEPTS: usize = 5;

/// Per category (by name) and per level (lowest first): the mean final score of their questions.
pub(super) fn areas(turns: &[Turn], bands: &Bands) -> (Vec<AreaScore>, Vec<LevelScore>) {
    let mut by_category: BTreeMap<&str, Vec<f32>> = BTreeMap::new();
    let mut by_level: BTreeMap<Level, Vec<f32>> = BTreeMap::new();
    for t in turns {
        by_category
            .entry(&t.question.category)
            .or_default()
            .push(t.score);
        by_level.entry(t.question.level).or_default().push(t.score);
    }
    let categories = by_category
        .into_iter()
        .map(|(name, s)| {
            let score = mean(s.iter().copied());
            AreaScore {
                name: name.to_string(),
                questions: s.len(),
                score,
                band: Band::of(score, bands),
            }
        })
        .collect();
    let levels = by_level
        .into_iter()
        .map(|(level, s)| {
            let score = mean(s.iter().copied());
            LevelScore {
                level,
                questions: s.len(),
                score,
                band: Band::of(score, bands),
            }
        })
        .collect();
    (categories, levels)
}

/// The mean rounded to one decimal, as every score is; 0 when there is nothing to average.
pub(super) fn mean(xs: impl Iterator<Item = f32>) -> f32 {
    let (sum, n) = xs.fold((0.0f32, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        round1(sum / n as f32)
    }
}

/// One turn as a scorecard line.
pub(super) fn question_score(t: &Turn) -> QuestionScore {
    let mut red_flags: Vec<RedFlag> = t
        .grade
        .iter()
        .flat_map(|g| g.misconceptions.iter().cloned())
        .collect();
    if let Some(f) = &t.follow_up {
        red_flags.extend(f.misconceptions.iter().cloned());
    }
    QuestionScore {
        number: t.question.number,
        id: t.question.id.clone(),
        title: t.question.title.clone(),
        category: t.question.category.clone(),
        level: t.question.level,
        outcome: t.outcome,
        score: t.score,
        band: t.band,
        graded_score: t.grade.as_ref().map(|g| g.score),
        covered: t
            .grade
            .as_ref()
            .map_or(0, |g| g.concepts.iter().filter(|c| c.hit).count()),
        concepts: t.grade.as_ref().map_or(0, |g| g.concepts.len()),
        hint: t.hint.is_some(),
        follow_up: t.follow_up.as_ref().map(|f| FollowUpScore {
            concept: f.concept.clone(),
            label: f.label.clone(),
            status: f.status,
            recovered: f.recovered,
        }),
        elapsed_secs: (t.elapsed_ms > 0).then_some(t.elapsed_ms.div_ceil(1000)),
        time_budget_secs: t.question.time_budget_secs,
        over_budget: t.over_budget,
        red_flags,
    }
}

/// The strongest (covered, by share) and weakest (missed: required first, then by share) concepts.
pub(super) fn concept_lists(turns: &[Turn]) -> (Vec<ConceptScore>, Vec<ConceptScore>) {
    let mut hits: Vec<(usize, ConceptScore)> = Vec::new();
    let mut misses: Vec<(usize, ConceptScore)> = Vec::new();
    for (ti, t) in turns.iter().enumerate() {
        let Some(g) = &t.grade else { continue };
        for m in &g.concepts {
            let cs = ConceptScore {
                question_id: t.question.id.clone(),
                concept_id: m.id.clone(),
                label: m.label.clone(),
                share: m.share,
                required: m.required,
            };
            // A concept covered right after its hint was shown is no sign of strength.
            let hinted = t.hint.as_ref().is_some_and(|h| h.concept == m.id);
            if m.hit {
                // Covered with a hint: neither a strength nor a miss.
                if !hinted {
                    hits.push((ti, cs));
                }
            } else if is_open_miss(g, m) {
                misses.push((ti, cs));
            }
        }
    }
    let by_importance = |a: &(usize, ConceptScore), b: &(usize, ConceptScore)| {
        b.1.required
            .cmp(&a.1.required)
            .then(b.1.share.total_cmp(&a.1.share))
            .then(a.0.cmp(&b.0))
    };
    hits.sort_by(|a, b| b.1.share.total_cmp(&a.1.share).then(a.0.cmp(&b.0)));
    misses.sort_by(by_importance);
    let take = |v: Vec<(usize, ConceptScore)>| {
        v.into_iter()
            .take(TOP_CONCEPTS)
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    };
    (take(hits), take(misses))
}

/// Whether a concept is still missing after the follow-up and costs something: not hit, not
/// recovered, and not in a group that already has full credit.
pub(super) fn is_open_miss(g: &TurnGrade, m: &ConceptMark) -> bool {
    !m.hit && !m.recovered && !group_complete(g, m.group.as_deref())
}

/// Whether a concept's group already has full credit, so missing one more member costs nothing.
fn group_complete(g: &TurnGrade, group: Option<&str>) -> bool {
    group
        .and_then(|id| g.groups.iter().find(|gm| gm.id == id))
        .is_some_and(|gm| {
            let covered = g
                .concepts
                .iter()
                .filter(|c| c.group.as_deref() == Some(gm.id.as_str()) && (c.hit || c.recovered))
                .count();
            covered >= gm.k
        })
}
