use std::fmt::Write;

use super::{duration, score, timing, Style};
use crate::feedback::render::inline_to_text;
use crate::interview::scorecard::{hint_cost_percent, QuestionScore, Scorecard, Verdict};
use crate::interview::transcript::{FollowUpStatus, Outcome, Question};
use crate::scoring::Band;

/// Width of the text bar charts, in characters.
const BAR: usize = 20;

fn band_colour(b: Band) -> &'static str {
    match b {
        Band::Strong => "1;32",
        Band::Good => "32",
        Band::Partial => "33",
        Band::Weak => "31",
    }
}

fn verdict_colour(v: Verdict) -> &'static str {
    match v {
        Verdict::StrongHire => "1;32",
        Verdict::Hire => "32",
        Verdict::NoHire => "33",
        Verdict::StrongNoHire => "1;31",
    }
}

fn bar(x: f32) -> String {
    let filled = ((x.clamp(0.0, 100.0) / 100.0) * BAR as f32).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled))
}

/// A question as shown before it is answered: a header line (number, id, category, level,
/// budget) and the question text.
pub fn question_to_text(q: &Question, style: Style) -> String {
    let budget = q
        .time_budget_secs
        .map(|b| format!(" · budget {}", duration(u64::from(b))))
        .unwrap_or_default();
    format!(
        "{}  {}\n{}\n\n{}\n",
        style.paint("1", &format!("Question {} of {}", q.number, q.total)),
        style.paint(
            "2",
            &format!("{} · {} · {}{budget}", q.id, q.category, q.level)
        ),
        style.paint("1", &q.title),
        q.text
            .lines()
            .map(|l| inline_to_text(l, style))
            .collect::<Vec<_>>()
            .join("\n")
    )
}

/// The scorecard as terminal text.
pub fn to_text(card: &Scorecard, style: Style) -> String {
    let mut out = String::new();
    let title = match &card.candidate {
        Some(name) => format!("Scorecard: {name}"),
        None => "Scorecard".to_string(),
    };
    let _ = writeln!(out, "{}", style.paint("1", &title));
    let level = card
        .level_estimate
        .as_ref()
        .map(|l| {
            format!(
                " · level estimate: {}{}",
                l.level,
                if l.is_floor { " or above" } else { "" }
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Overall {} · recommendation: {}{level}",
        style.paint(
            band_colour(card.band),
            &format!("{}/100 ({})", score(card.overall), card.band)
        ),
        style.paint(
            verdict_colour(card.recommendation.verdict),
            card.recommendation.verdict.as_str()
        ),
    );
    if !card.complete {
        let _ = writeln!(
            out,
            "{}",
            style.paint(
                "33",
                "The interview did not finish; this covers the questions so far."
            )
        );
    }

    let _ = writeln!(out, "\n{}", style.paint("1", "Questions"));
    let id_w = card.questions.iter().map(|q| q.id.len()).max().unwrap_or(0);
    for q in &card.questions {
        let _ = writeln!(
            out,
            "  {:>2}. {:<id_w$}  {:>5}  {}  {}",
            q.number,
            q.id,
            score(q.score),
            style.paint(band_colour(q.band), &format!("{:<7}", q.band.as_str())),
            q.title
        );
        let details = question_details(q);
        if !details.is_empty() {
            let _ = writeln!(
                out,
                "      {:id_w$}  {}",
                "",
                style.paint("2", &details.join(" · "))
            );
        }
    }

    let name_w = card
        .categories
        .iter()
        .map(|c| c.name.chars().count())
        .chain(card.levels.iter().map(|l| l.level.as_str().len()))
        .max()
        .unwrap_or(0);
    for (heading, rows) in [
        (
            "Categories",
            card.categories
                .iter()
                .map(|c| (c.name.clone(), c.questions, c.score, c.band))
                .collect::<Vec<_>>(),
        ),
        (
            "Levels",
            card.levels
                .iter()
                .map(|l| (l.level.to_string(), l.questions, l.score, l.band))
                .collect(),
        ),
    ] {
        let _ = writeln!(out, "\n{}", style.paint("1", heading));
        for (name, n, s, b) in rows {
            let _ = writeln!(
                out,
                "  {name:<name_w$}  {}  {:>5}  {}  {}",
                style.paint(band_colour(b), &bar(s)),
                score(s),
                b,
                style.paint(
                    "2",
                    &format!("({n} question{})", if n == 1 { "" } else { "s" })
                )
            );
        }
    }

    if !card.strongest.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "Strongest concepts"));
        for c in &card.strongest {
            let _ = writeln!(
                out,
                "  {} {} {}",
                style.paint("32", "✓"),
                c.label,
                style.paint("2", &format!("({}, {}%)", c.question_id, score(c.share)))
            );
        }
    }
    if !card.weakest.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "Weakest concepts"));
        for c in &card.weakest {
            let req = if c.required { ", required" } else { "" };
            let _ = writeln!(
                out,
                "  {} {} {}",
                style.paint("31", "✗"),
                c.label,
                style.paint(
                    "2",
                    &format!("({}, {}%{req})", c.question_id, score(c.share))
                )
            );
        }
    }

    let flags: Vec<_> = card
        .questions
        .iter()
        .flat_map(|q| q.red_flags.iter().map(move |f| (q, f)))
        .collect();
    if !flags.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "Red flags"));
        for (q, f) in flags {
            let _ = writeln!(
                out,
                "  {} {} ({}): {}",
                style.paint("31", "!"),
                inline_to_text(&f.label, style),
                q.id,
                inline_to_text(&f.correction, style)
            );
        }
    }

    let _ = writeln!(
        out,
        "\n{} {}",
        style.paint("1", "Recommendation:"),
        style.paint(
            verdict_colour(card.recommendation.verdict),
            card.recommendation.verdict.as_str()
        )
    );
    for r in &card.recommendation.reasons {
        let _ = writeln!(out, "  - {r}");
    }
    if let Some(l) = &card.level_estimate {
        let _ = writeln!(
            out,
            "\n{} {}{}",
            style.paint("1", "Level estimate:"),
            l.level,
            if l.is_floor { " or above" } else { "" }
        );
        for r in &l.reasons {
            let _ = writeln!(out, "  - {r}");
        }
    }

    if !card.study.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "Study next"));
        for s in &card.study {
            let _ = writeln!(
                out,
                "  - {} ({}): {}",
                inline_to_text(&s.label, style),
                s.question_id,
                inline_to_text(&s.hint, style)
            );
            if let Some(study) = &s.study {
                let study = inline_to_text(study, Style::PLAIN);
                let _ = writeln!(out, "    {}", style.paint("2", &format!("Study: {study}")));
            }
            if !s.practice.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}",
                    style.paint("2", &format!("Practice: {}", s.practice.join(", ")))
                );
            }
        }
    }
    out
}

/// The small print under a question line: outcome, coverage, hint, follow-up, timing.
pub(crate) fn question_details(q: &QuestionScore) -> Vec<String> {
    let mut d = vec![format!("{} · {}", q.category, q.level)];
    match q.outcome {
        Outcome::Skipped => d.push("skipped".into()),
        Outcome::Answered => d.push(format!("{} of {} concepts", q.covered, q.concepts)),
    }
    if q.hint {
        d.push(format!("hint −{}%", hint_cost_percent()));
    }
    if let Some(f) = &q.follow_up {
        let label = &f.label;
        d.push(match f.status {
            FollowUpStatus::Answered if f.recovered > 0.0 => {
                format!("follow-up on {label}: +{}", score(f.recovered))
            }
            FollowUpStatus::Answered => format!("follow-up on {label}: missed"),
            FollowUpStatus::Declined => format!("follow-up on {label}: declined"),
            FollowUpStatus::Pending => format!("follow-up on {label}: pending"),
        });
    }
    if let Some(t) = timing(q.elapsed_secs, q.time_budget_secs, q.over_budget) {
        d.push(t);
    }
    d
}
