use std::fmt::Write;

use super::score;
use super::text::question_details;
use crate::interview::scorecard::Scorecard;

/// Escapes table cells.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The scorecard as Markdown, for a review document or an issue.
pub fn to_markdown(card: &Scorecard) -> String {
    let mut out = String::new();
    let title = match &card.candidate {
        Some(name) => format!("# Scorecard: {name}"),
        None => "# Scorecard".to_string(),
    };
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(
        out,
        "**Overall:** {}/100 ({})  \n**Recommendation:** {}  ",
        score(card.overall),
        card.band,
        card.recommendation.verdict
    );
    if let Some(l) = &card.level_estimate {
        let _ = writeln!(
            out,
            "**Level estimate:** {}{}  ",
            l.level,
            if l.is_floor { " or above" } else { "" }
        );
    }
    if !card.complete {
        let _ = writeln!(
            out,
            "\n> The interview did not finish; this covers the questions so far."
        );
    }

    let _ = writeln!(
        out,
        "\n## Questions\n\n| # | Question | Score | Band | Details |\n|---|---|---|---|---|"
    );
    for q in &card.questions {
        let _ = writeln!(
            out,
            "| {} | {}: {} | {} | {} | {} |",
            q.number,
            q.id,
            cell(&q.title),
            score(q.score),
            q.band,
            cell(&question_details(q).join(" · "))
        );
    }

    let _ = writeln!(
        out,
        "\n## By category\n\n| Category | Questions | Score | Band |\n|---|---|---|---|"
    );
    for c in &card.categories {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&c.name),
            c.questions,
            score(c.score),
            c.band
        );
    }
    let _ = writeln!(
        out,
        "\n## By level\n\n| Level | Questions | Score | Band |\n|---|---|---|---|"
    );
    for l in &card.levels {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            l.level,
            l.questions,
            score(l.score),
            l.band
        );
    }

    if !card.strongest.is_empty() {
        let _ = writeln!(out, "\n## Strongest concepts\n");
        for c in &card.strongest {
            let _ = writeln!(
                out,
                "- ✓ {} ({}, {}% of its score)",
                c.label,
                c.question_id,
                score(c.share)
            );
        }
    }
    if !card.weakest.is_empty() {
        let _ = writeln!(out, "\n## Weakest concepts\n");
        for c in &card.weakest {
            let req = if c.required { ", required" } else { "" };
            let _ = writeln!(
                out,
                "- ✗ {} ({}, {}% of its score{req})",
                c.label,
                c.question_id,
                score(c.share)
            );
        }
    }
    let flags: Vec<_> = card
        .questions
        .iter()
        .flat_map(|q| q.red_flags.iter().map(move |f| (q, f)))
        .collect();
    if !flags.is_empty() {
        let _ = writeln!(out, "\n## Red flags\n");
        for (q, f) in flags {
            let _ = writeln!(out, "- **{}** ({}): {}", f.label, q.id, f.correction);
        }
    }

    let _ = writeln!(
        out,
        "\n## Recommendation: {}\n",
        card.recommendation.verdict
    );
    for r in &card.recommendation.reasons {
        let _ = writeln!(out, "- {r}");
    }
    if let Some(l) = &card.level_estimate {
        let _ = writeln!(
            out,
            "\n## Level estimate: {}{}\n",
            l.level,
            if l.is_floor { " or above" } else { "" }
        );
        for r in &l.reasons {
            let _ = writeln!(out, "- {r}");
        }
    }

    if !card.study.is_empty() {
        let _ = writeln!(out, "\n## Study next\n");
        for s in &card.study {
            let _ = write!(out, "- **{}** ({}): {}", s.label, s.question_id, s.hint);
            if let Some(study) = &s.study {
                let _ = write!(out, " — *Study:* {study}");
            }
            if !s.practice.is_empty() {
                let _ = write!(out, " — *Practice:* {}", s.practice.join(", "));
            }
            let _ = writeln!(out);
        }
    }
    out
}
