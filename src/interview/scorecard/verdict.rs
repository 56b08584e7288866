//! The verdict: the level the answers show and the hiring recommendation, each with its reasons.
//! Every threshold is a band threshold ([`Bands`], the defaults of grading) and the hint cost is
//! [`HINT_COST`]; the rules are written out in the [module docs](super).

use serde::{Deserialize, Serialize};

use super::{fmt_score, plural, LevelScore};
use crate::interview::session::HINT_COST;
use crate::interview::transcript::{FollowUpStatus, Outcome, Turn};
use crate::rubric::{Bands, Level};
use crate::scoring::Band;

/// The level the answers show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelEstimate {
    /// The estimate.
    pub level: Level,
    /// At least this level: the highest level asked went strongly, so the ceiling is unknown.
    pub is_floor: bool,
    /// Why, for people.
    pub reasons: Vec<String>,
}

/// The four-point hiring scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Clear evidence against.
    StrongNoHire,
    /// Not enough for a hire.
    NoHire,
    /// Meets the bar.
    Hire,
    /// Clearly above the bar.
    StrongHire,
}

impl Verdict {
    /// "strong no hire", "no hire", "hire", "strong hire".
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::StrongNoHire => "strong no hire",
            Verdict::NoHire => "no hire",
            Verdict::Hire => "hire",
            Verdict::StrongHire => "strong hire",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A verdict with its reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The verdict.
    pub verdict: Verdict,
    /// Why, most decisive first.
    pub reasons: Vec<String>,
}

/// The level estimate from the per-level means (`levels` lowest first); none when nothing was
/// asked.
pub(super) fn estimate_level(levels: &[LevelScore], bands: &Bands) -> Option<LevelEstimate> {
    let lowest = levels.first()?;
    let line = |l: &LevelScore| {
        format!(
            "{} questions average {} ({})",
            l.level,
            fmt_score(l.score),
            l.band
        )
    };
    // `levels` is lowest first: the estimate climbs while each level averages good.
    let passed: Vec<&LevelScore> = levels
        .iter()
        .take_while(|l| l.score >= bands.good)
        .collect();
    let failed = levels.iter().find(|l| l.score < bands.good);
    let mut reasons: Vec<String> = passed.iter().map(|l| line(l)).collect();
    let (level, is_floor) = match passed.last() {
        Some(shown) => {
            let is_floor =
                failed.is_none() && shown.score >= bands.strong && shown.level != Level::Staff;
            match failed {
                Some(f) => reasons.push(format!("{}: below good", line(f))),
                None if is_floor => reasons.push(format!(
                    "no question above {} was asked, so this is a floor",
                    shown.level
                )),
                None => {}
            }
            (shown.level, is_floor)
        }
        None => {
            // docs/levels.md: partial is typical of a candidate one level below the question.
            let steps = if lowest.score >= bands.partial { 1 } else { 2 };
            let index = Level::ALL
                .iter()
                .position(|l| *l == lowest.level)
                .unwrap_or(0)
                .saturating_sub(steps);
            reasons.push(format!(
                "{}, typical of a candidate {} below the question",
                line(lowest),
                if steps == 1 {
                    "one level"
                } else {
                    "two levels"
                }
            ));
            (Level::ALL[index], false)
        }
    };
    if let Some(f) = failed {
        for l in levels
            .iter()
            .filter(|l| l.level > f.level && l.score >= bands.good)
        {
            reasons.push(format!(
                "{}, but every level up to the estimate must average good",
                line(l)
            ));
        }
    }
    Some(LevelEstimate {
        level,
        is_floor,
        reasons,
    })
}

/// The recommendation from the turns, the overall score and the level estimate.
pub(super) fn recommend(
    turns: &[Turn],
    overall: f32,
    level: Option<&LevelEstimate>,
    bands: &Bands,
) -> Recommendation {
    let n = turns.len();
    if n == 0 {
        return Recommendation {
            verdict: Verdict::NoHire,
            reasons: vec!["no question was answered".into()],
        };
    }
    let count = |b: Band| turns.iter().filter(|t| t.band == b).count();
    let weak = count(Band::Weak);
    let flagged: Vec<&Turn> = turns
        .iter()
        .filter(|t| {
            t.grade
                .as_ref()
                .is_some_and(|g| !g.misconceptions.is_empty())
                || t.follow_up
                    .as_ref()
                    .is_some_and(|f| !f.misconceptions.is_empty())
        })
        .collect();
    let m = flagged.len();
    let flag_list = || {
        flagged
            .iter()
            .flat_map(|t| {
                let labels: Vec<String> = t
                    .grade
                    .iter()
                    .flat_map(|g| g.misconceptions.iter())
                    .chain(t.follow_up.iter().flat_map(|f| f.misconceptions.iter()))
                    .map(|f| format!("{} ({})", f.label, t.question.id))
                    .collect();
                labels
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut reasons = vec![format!(
        "overall {}/100 ({}) over {n} question{}: {} strong, {} good, {} partial, {weak} weak",
        fmt_score(overall),
        Band::of(overall, bands),
        plural(n),
        count(Band::Strong),
        count(Band::Good),
        count(Band::Partial),
    )];
    let below = |threshold: f32| format!("the overall score is below {}", fmt_score(threshold));
    let verdict = if overall < bands.partial || 2 * weak > n {
        if overall < bands.partial {
            reasons.push(below(bands.partial));
        }
        if 2 * weak > n {
            reasons.push(format!(
                "{weak} of {n} answers were weak or skipped (more than half)"
            ));
        }
        Verdict::StrongNoHire
    } else if overall >= bands.strong && weak == 0 && m == 0 {
        reasons.push("no weak answer and no misconception".into());
        Verdict::StrongHire
    } else if overall >= bands.good && 4 * weak <= n && 2 * m < n {
        if overall < bands.strong {
            reasons.push(format!("{}, short of strong hire", below(bands.strong)));
        }
        if weak > 0 {
            reasons.push(format!(
                "{weak} weak or skipped answer{}, short of strong hire",
                plural(weak)
            ));
        }
        if m > 0 {
            reasons.push(format!("misconceptions: {}", flag_list()));
        }
        Verdict::Hire
    } else {
        if overall < bands.good {
            reasons.push(below(bands.good));
        }
        if 4 * weak > n {
            reasons.push(format!(
                "{weak} of {n} answers were weak or skipped (more than a quarter)"
            ));
        }
        if 2 * m >= n {
            reasons.push(format!(
                "misconceptions in {m} of {n} answers: {}",
                flag_list()
            ));
        } else if m > 0 {
            reasons.push(format!("misconceptions: {}", flag_list()));
        }
        Verdict::NoHire
    };
    let answered = turns
        .iter()
        .filter(|t| t.outcome == Outcome::Answered)
        .count();
    if answered < 2 {
        reasons.push(format!(
            "only {answered} question{} answered: little evidence",
            plural(answered)
        ));
    }
    let skipped = n - answered;
    if skipped > 0 {
        reasons.push(format!("{skipped} question{} skipped", plural(skipped)));
    }
    let hints = turns.iter().filter(|t| t.hint.is_some()).count();
    if hints > 0 {
        reasons.push(format!(
            "hints taken on {hints} question{} (−{}% each)",
            plural(hints),
            hint_cost_percent()
        ));
    }
    let probes: Vec<_> = turns.iter().filter_map(|t| t.follow_up.as_ref()).collect();
    if !probes.is_empty() {
        let answered = probes
            .iter()
            .filter(|f| f.status == FollowUpStatus::Answered)
            .count();
        let recovered = probes.iter().filter(|f| f.hit).count();
        reasons.push(format!(
            "follow-ups: {recovered} of {} recovered credit ({answered} answered)",
            probes.len()
        ));
    }
    if let Some(l) = level {
        reasons.push(format!(
            "level estimate: {}{}",
            l.level,
            if l.is_floor { " or above" } else { "" }
        ));
    }
    Recommendation { verdict, reasons }
}

/// [`HINT_COST`] as a percentage for people: `10`.
pub(crate) fn hint_cost_percent() -> String {
    format!("{:.0}", HINT_COST * 100.0)
}
