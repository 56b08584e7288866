use std::fmt::Write;

use super::{inline_to_text, Style};
use crate::feedback::Feedback;
use crate::scoring::{Band, Grade};

/// The grade as terminal text: summary, ✓ covered and ✗ missing lines, corrections, follow-up.
pub fn to_text(grade: &Grade, feedback: &Feedback, style: Style) -> String {
    let mut out = String::new();
    let band_colour = match grade.band {
        Band::Strong => "1;32",
        Band::Good => "32",
        Band::Partial => "33",
        Band::Weak => "31",
    };
    let _ = writeln!(
        out,
        "{}  {}",
        style.paint("1", &grade.question_id),
        style.paint(band_colour, &feedback.summary)
    );
    let _ = writeln!(out);
    for c in &grade.concepts {
        let weight = format!("[{}]", trim_float(c.weight));
        if c.hit {
            let ev = claim_quote(&c.evidence)
                .map(|q| format!(" — {q}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {}{}",
                style.paint("32", "✓"),
                c.label,
                style.paint("2", &weight),
                style.paint("2", &ev)
            );
        } else {
            let note = if let Some(w) = c.wrong_numbers.first() {
                format!(
                    " (wrote {} in \"{}\"; expected {})",
                    w.found,
                    one_line(&w.evidence.text),
                    w.expected
                )
            } else if c.contradicted {
                " (contradicted by a misconception)".to_string()
            } else if c.negated {
                " (mentioned only in a negation)".to_string()
            } else {
                String::new()
            };
            let req = if c.required { " required" } else { "" };
            let _ = writeln!(
                out,
                "  {} {} {}{}",
                style.paint("31", "✗"),
                c.label,
                style.paint("2", &format!("{weight}{req}")),
                note
            );
        }
    }
    for g in &grade.groups {
        let _ = writeln!(
            out,
            "  {} {}: {} of {} needed",
            if g.hits.len() >= g.k { "●" } else { "○" },
            g.label,
            g.hits.len().min(g.k),
            g.k
        );
    }
    if let Some(c) = &grade.coverage {
        let _ = writeln!(
            out,
            "  {} {} {}",
            if c.missing.is_empty() && c.contradicted.is_empty() {
                "●"
            } else {
                "◐"
            },
            coverage_headline(c),
            style.paint(
                "2",
                &format!(
                    "[+{} of {} points]",
                    trim_float(c.points),
                    trim_float(c.max_points)
                )
            )
        );
        for (what, words) in coverage_lists(c) {
            let _ = writeln!(out, "      {what}: {}", words.join(", "));
        }
    }
    if !grade.misconceptions.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1;31", "Misconceptions"));
        for m in &grade.misconceptions {
            let quote = m
                .evidence
                .first()
                .map(|e| format!(" (\"{}\")", one_line(&e.text)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  ! {}{}: -{} points. {}",
                m.label,
                quote,
                trim_float(m.penalty),
                inline_to_text(&m.correction, style)
            );
        }
    }
    if !feedback.missing.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "What to work on"));
        for m in &feedback.missing {
            let _ = write!(
                out,
                "  - {}: {}",
                inline_to_text(&m.label, style),
                inline_to_text(&m.text, style)
            );
            if let Some(s) = &m.study {
                let _ = write!(out, " (study: {})", inline_to_text(s, style));
            }
            out.push('\n');
        }
    }
    if let Some(f) = &feedback.follow_up {
        let _ = writeln!(
            out,
            "\n{} {}",
            style.paint("1", "Follow-up:"),
            inline_to_text(&f.question, style)
        );
    }
    if !grade.warnings.is_empty() {
        out.push('\n');
    }
    for w in &grade.warnings {
        let _ = writeln!(out, "{} {}", style.paint("33", "warning:"), w.message);
    }
    out
}

pub(crate) use crate::feedback::fmt_score as trim_float;

/// "4 of 7 words of the model answer covered": how much of the best-matching reference's content
/// the answer states.
pub(crate) fn coverage_headline(c: &crate::CoverageResult) -> String {
    let n = c.covered.len() + c.related.len() + c.missing.len() + c.contradicted.len();
    let of = if c.reference == 0 {
        "the model answer".to_string()
    } else {
        format!("reference answer {}", c.reference + 1)
    };
    format!(
        "{} of {n} words of {of} covered{}",
        c.covered.len(),
        if c.contradicted.is_empty() {
            String::new()
        } else {
            format!(", {} contradicted", c.contradicted.len())
        }
    )
}

/// The non-empty word lists of a coverage result, named; words the question already uses are
/// marked with `*` (they count a fifth).
pub(crate) fn coverage_lists(c: &crate::CoverageResult) -> Vec<(&'static str, Vec<String>)> {
    let mark = |w: &String| {
        if c.demoted.contains(w) {
            format!("{w}*")
        } else {
            w.clone()
        }
    };
    let mut out: Vec<(&'static str, Vec<String>)> = [
        ("covered", &c.covered),
        ("related", &c.related),
        ("missing", &c.missing),
        ("contradicted", &c.contradicted),
    ]
    .into_iter()
    .filter(|(_, w)| !w.is_empty())
    .map(|(name, w)| (name, w.iter().map(mark).collect()))
    .collect();
    if !c.demoted.is_empty() {
        out.push((
            "note",
            vec!["* the question already uses these words; each counts a fifth".to_string()],
        ));
    }
    out
}

pub(crate) fn one_line(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 60 {
        format!("{}…", flat.chars().take(60).collect::<String>())
    } else {
        flat
    }
}

/// The quote that carried a concept: the first piece of evidence and the others of the same
/// stretch of text (the parts of an all-of claim), so the reader sees why it counted —
/// `"SIGTERM" … "endpoint removal"`, not a lone `"preStop"`.
fn claim_quote(evidence: &[crate::matching::Evidence]) -> Option<String> {
    let first = evidence.first()?;
    let mut parts: Vec<&crate::matching::Evidence> = evidence
        .iter()
        .filter(|e| e.negated == first.negated && e.start.abs_diff(first.start) <= 160)
        .collect();
    parts.sort_by_key(|e| e.start);
    parts.dedup_by(|a, b| a.text == b.text);
    Some(
        parts
            .iter()
            .take(3)
            .map(|e| format!("\"{}\"", one_line(&e.text)))
            .collect::<Vec<_>>()
            .join(" … "),
    )
}
