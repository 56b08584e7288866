use std::fmt::Write;

use super::text::{coverage_headline, coverage_lists, one_line, trim_float};
use crate::feedback::Feedback;
use crate::scoring::Grade;

/// The grade as Markdown, for pasting into notes or a review.
pub fn to_markdown(grade: &Grade, feedback: &Feedback) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}: {}/100 ({})\n",
        grade.question_id,
        trim_float(grade.score),
        grade.band
    );
    let _ = writeln!(out, "{}\n", feedback.summary);
    let _ = writeln!(out, "| | Concept | Weight | Evidence |\n|---|---|---|---|");
    for c in &grade.concepts {
        let mark = if c.hit { "✓" } else { "✗" };
        // The same words found by two matchers are one quote.
        let mut quotes: Vec<String> = Vec::new();
        for e in c.evidence.iter().filter(|e| c.hit != e.negated) {
            let q = one_line(&e.text).replace('|', "\\|").replace('`', "'");
            if !quotes.iter().any(|seen| seen.eq_ignore_ascii_case(&q)) {
                quotes.push(q);
            }
        }
        let ev = quotes
            .iter()
            .map(|q| format!("`{q}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let ev = if let Some(w) = c.wrong_numbers.first() {
            format!("wrong number: wrote {}, expected {}", w.found, w.expected)
        } else if c.contradicted {
            format!("contradicted: {ev}")
        } else if !c.hit && c.negated {
            format!("negated: {ev}")
        } else {
            ev
        };
        let _ = writeln!(
            out,
            "| {mark} | {} | {} | {ev} |",
            c.label.replace('|', "\\|"),
            trim_float(c.weight)
        );
    }
    if !grade.groups.is_empty() {
        let _ = writeln!(out, "\n**Groups**\n");
        for g in &grade.groups {
            let hits = if g.hits.is_empty() {
                String::new()
            } else {
                format!(" ({})", g.hits.join(", "))
            };
            let _ = writeln!(
                out,
                "- {}: {} of {} needed{hits}",
                g.label,
                g.hits.len().min(g.k),
                g.k
            );
        }
    }
    if let Some(c) = &grade.coverage {
        let _ = writeln!(
            out,
            "\n### Reference-word coverage\n\n{}: **+{} of {} points**\n",
            coverage_headline(c),
            trim_float(c.points),
            trim_float(c.max_points)
        );
        for (what, words) in coverage_lists(c) {
            let words: Vec<String> = if what == "note" {
                words
            } else {
                words.iter().map(|w| format!("`{w}`")).collect()
            };
            let _ = writeln!(out, "- {what}: {}", words.join(", "));
        }
    }
    if !grade.misconceptions.is_empty() {
        let _ = writeln!(out, "\n### Misconceptions\n");
        for m in &grade.misconceptions {
            let _ = writeln!(
                out,
                "- **{}** (−{}): {}",
                m.label,
                trim_float(m.penalty),
                m.correction
            );
        }
    }
    if !feedback.missing.is_empty() {
        let _ = writeln!(out, "\n### What to work on\n");
        for m in &feedback.missing {
            let study = m
                .study
                .as_ref()
                .map(|s| format!(" *Study:* {s}"))
                .unwrap_or_default();
            let _ = writeln!(out, "- **{}**: {}{study}", m.label, m.text);
        }
    }
    if let Some(f) = &feedback.follow_up {
        let _ = writeln!(out, "\n### Follow-up\n\n> {}", f.question);
    }
    if !grade.warnings.is_empty() {
        let _ = writeln!(out, "\n### Warnings\n");
        for w in &grade.warnings {
            let _ = writeln!(out, "- {}", w.message);
        }
    }
    out
}
