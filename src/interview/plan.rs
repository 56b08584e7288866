//! What an interview asks: the [`Plan`], and the selection of questions from a bank.
//!
//! Selection is a pure function of the plan, the bank and the turns so far, so a resumed session
//! picks exactly what the original one would have picked:
//!
//! - The pool is every question matching the category and level filters, shuffled once by the
//!   seed (SplitMix64 + Fisher–Yates). The shuffled position is each question's *rank*.
//! - **Fixed plan**: `count` questions are taken from the pool, spreading categories (the least
//!   used category so far first, ties by rank), then ordered by level, lowest first, so the
//!   interview warms up.
//! - **Adaptive plan**: the next question is chosen only when it is needed. A target level starts
//!   in the middle of the levels the pool has (the lower middle for an even number); after a
//!   strong turn it moves one level up, after a good one it stays, after a partial, weak or skipped
//!   one it moves one level down. The next question is the unasked one nearest the target level
//!   (lower before higher at equal distance), then from the least used category, then by rank.
//! - **Explicit ids** are asked exactly, in the given order (duplicates dropped); `count`, the
//!   filters and `adaptive` are then ignored.

use serde::{Deserialize, Serialize};

use super::error::InterviewError;
use super::rng::Rng;
use crate::rubric::{Bank, Level};
use crate::scoring::Band;

/// What to ask in an interview. Plain data; stored in the transcript.
///
/// # Example: three adaptive networking questions
/// ```
/// use rubric_grader::interview::Plan;
/// let plan = Plan {
///     count: 3,
///     categories: vec!["networking".into()],
///     adaptive: true,
///     seed: 42,
///     ..Plan::default()
/// };
/// assert!(plan.follow_ups);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// How many questions (default 5). Ignored when `ids` is not empty.
    pub count: usize,
    /// Only these categories (case-insensitive); empty means all.
    pub categories: Vec<String>,
    /// Only these levels; empty means all.
    pub levels: Vec<Level>,
    /// Exactly these questions (ids, prefixes or slugs, as [`Bank::find`] takes), in this order.
    pub ids: Vec<String>,
    /// Same seed, same questions in the same order (default 0; the CLI picks one).
    pub seed: u64,
    /// Move the level up after a strong answer and down after a weak one.
    pub adaptive: bool,
    /// Ask a follow-up probe about the most important missed concept (default on).
    pub follow_ups: bool,
    /// Time budget per question, recorded and shown, not enforced (default 300 s).
    pub time_budget_secs: Option<u32>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            count: 5,
            categories: Vec::new(),
            levels: Vec::new(),
            ids: Vec::new(),
            seed: 0,
            adaptive: false,
            follow_ups: true,
            time_budget_secs: Some(300),
        }
    }
}

impl Plan {
    /// Whether a question of this category and level passes the filters.
    pub fn admits(&self, category: &str, level: Level) -> bool {
        (self.categories.is_empty()
            || self
                .categories
                .iter()
                .any(|c| c.trim().eq_ignore_ascii_case(category)))
            && (self.levels.is_empty() || self.levels.contains(&level))
    }

    /// The bank entries (indices into [`Bank::entries`]) that pass the filters, shuffled by the
    /// seed: the pool both interviews and practice draw from.
    pub(crate) fn pool(&self, bank: &Bank) -> Vec<usize> {
        let mut pool: Vec<usize> = bank
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| self.admits(&e.rubric.category, e.rubric.level))
            .map(|(i, _)| i)
            .collect();
        Rng::new(self.seed).shuffle(&mut pool);
        pool
    }

    /// The filters in words, for errors.
    pub(crate) fn describe_filters(&self, bank: &Bank) -> String {
        let mut parts = Vec::new();
        if !self.categories.is_empty() {
            let mut known: Vec<&str> = bank
                .entries()
                .iter()
                .map(|e| e.rubric.category.as_str())
                .collect();
            known.sort_unstable();
            known.dedup();
            parts.push(format!(
                "category {}; the bank has {}",
                backticked(self.categories.iter().map(String::as_str)),
                backticked(known.into_iter())
            ));
        }
        if !self.levels.is_empty() {
            parts.push(format!(
                "level {}",
                backticked(self.levels.iter().map(|l| l.as_str()))
            ));
        }
        if parts.is_empty() {
            "the bank is empty".to_string()
        } else {
            parts.join(", ")
        }
    }
}

fn backticked<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A question already asked, as selection sees it.
#[derive(Clone, Debug)]
pub(crate) struct Asked<'a> {
    pub id: &'a str,
    pub category: &'a str,
    /// The turn's final band; `None` for a question still open.
    pub band: Option<Band>,
}

/// The questions of a plan, chosen lazily from the bank.
#[derive(Clone, Debug)]
pub(crate) struct Selector {
    mode: Mode,
    total: usize,
}

#[derive(Clone, Debug)]
enum Mode {
    /// Decided up front: explicit ids, or a fixed plan.
    Fixed(Vec<usize>),
    /// Decided one at a time.
    Adaptive {
        /// The shuffled pool.
        pool: Vec<usize>,
        /// The levels the pool has, lowest first.
        levels: Vec<Level>,
        /// Index into `levels` where the target starts.
        start: usize,
    },
}

impl Selector {
    /// Resolves the plan against the bank.
    ///
    /// # Errors
    /// An unknown or ambiguous id ([`InterviewError::Grading`]), or filters that leave nothing
    /// ([`InterviewError::NoQuestions`]).
    pub(crate) fn new(bank: &Bank, plan: &Plan) -> Result<Selector, InterviewError> {
        if !plan.ids.is_empty() {
            let mut list: Vec<usize> = Vec::new();
            for query in &plan.ids {
                let entry = bank.find(query)?;
                // `find` returns one of the bank's own entries, so the position always exists.
                let Some(index) = bank.entries().iter().position(|e| std::ptr::eq(e, entry)) else {
                    continue;
                };
                if !list.contains(&index) {
                    list.push(index);
                }
            }
            let total = list.len();
            return Ok(Selector {
                mode: Mode::Fixed(list),
                total,
            });
        }
        let pool = plan.pool(bank);
        if pool.is_empty() || plan.count == 0 {
            return Err(InterviewError::NoQuestions {
                filters: if plan.count == 0 {
                    "the count is 0".to_string()
                } else {
                    plan.describe_filters(bank)
                },
            });
        }
        let total = plan.count.min(pool.len());
        if plan.adaptive {
            let mut levels: Vec<Level> = pool
                .iter()
                .map(|&i| bank.entries()[i].rubric.level)
                .collect();
            levels.sort_unstable();
            levels.dedup();
            let start = (levels.len() - 1) / 2;
            return Ok(Selector {
                mode: Mode::Adaptive {
                    pool,
                    levels,
                    start,
                },
                total,
            });
        }
        // Spread categories: each pick comes from the least used category so far (ties by rank).
        let mut picks: Vec<usize> = Vec::with_capacity(total);
        let mut used: Vec<(&str, usize)> = Vec::new();
        let mut rest = pool;
        while picks.len() < total {
            let usage = |i: usize| {
                let cat = bank.entries()[i].rubric.category.as_str();
                used.iter().find(|(c, _)| *c == cat).map_or(0, |(_, n)| *n)
            };
            let Some((pos, _)) = rest
                .iter()
                .enumerate()
                .min_by_key(|(pos, &i)| (usage(i), *pos))
            else {
                break;
            };
            let i = rest.remove(pos);
            let cat = bank.entries()[i].rubric.category.as_str();
            match used.iter_mut().find(|(c, _)| *c == cat) {
                Some((_, n)) => *n += 1,
                None => used.push((cat, 1)),
            }
            picks.push(i);
        }
        // Warm up: lowest level first; the sort is stable, so pick order breaks ties.
        picks.sort_by_key(|&i| bank.entries()[i].rubric.level);
        Ok(Selector {
            mode: Mode::Fixed(picks),
            total,
        })
    }

    /// How many questions the interview has.
    pub(crate) fn total(&self) -> usize {
        self.total
    }

    /// The next question (an index into [`Bank::entries`]), or `None` when the plan is done.
    pub(crate) fn next(&self, bank: &Bank, asked: &[Asked<'_>]) -> Option<usize> {
        if asked.len() >= self.total {
            return None;
        }
        let is_asked = |i: usize| asked.iter().any(|a| a.id == bank.entries()[i].rubric.id);
        match &self.mode {
            Mode::Fixed(list) => list.iter().copied().find(|&i| !is_asked(i)),
            Mode::Adaptive {
                pool,
                levels,
                start,
            } => {
                let target = adaptive_target(levels.len(), *start, asked);
                let level_index = |i: usize| {
                    let level = bank.entries()[i].rubric.level;
                    levels.iter().position(|l| *l == level).unwrap_or(0)
                };
                let usage = |i: usize| {
                    let cat = &bank.entries()[i].rubric.category;
                    asked.iter().filter(|a| a.category == cat).count()
                };
                pool.iter()
                    .enumerate()
                    .filter(|(_, &i)| !is_asked(i))
                    .min_by_key(|(rank, &i)| {
                        let li = level_index(i);
                        (li.abs_diff(target), li > target, usage(i), *rank)
                    })
                    .map(|(_, &i)| i)
            }
        }
    }
}

/// The target level index after the turns so far.
fn adaptive_target(levels: usize, start: usize, asked: &[Asked<'_>]) -> usize {
    let top = levels.saturating_sub(1);
    asked.iter().fold(start, |t, a| match a.band {
        Some(Band::Strong) => (t + 1).min(top),
        Some(Band::Good) | None => t,
        Some(Band::Partial | Band::Weak) => t.saturating_sub(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked<'a>(id: &'a str, band: Band) -> Asked<'a> {
        Asked {
            id,
            category: "x",
            band: Some(band),
        }
    }

    #[test]
    fn target_moves_up_on_strong_and_down_on_weak_within_bounds() {
        assert_eq!(adaptive_target(3, 1, &[]), 1);
        assert_eq!(adaptive_target(3, 1, &[asked("a", Band::Strong)]), 2);
        assert_eq!(
            adaptive_target(3, 1, &[asked("a", Band::Strong), asked("b", Band::Strong)]),
            2
        );
        assert_eq!(adaptive_target(3, 1, &[asked("a", Band::Good)]), 1);
        assert_eq!(
            adaptive_target(3, 1, &[asked("a", Band::Weak), asked("b", Band::Partial)]),
            0
        );
    }

    #[test]
    fn admits_ignores_case_and_empty_filters_admit_all() {
        let plan = Plan {
            categories: vec!["Networking".into()],
            ..Plan::default()
        };
        assert!(plan.admits("networking", Level::Staff));
        assert!(!plan.admits("storage", Level::Staff));
        assert!(Plan::default().admits("anything", Level::Junior));
    }
}
