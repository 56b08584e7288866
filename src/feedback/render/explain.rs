use std::fmt::Write;

use super::Style;
use crate::feedback::Explanation;
use crate::matching::{ConceptTrace, NearMissReason};

/// An explanation as text: per concept and matcher, the hits with byte spans and the near misses
/// with the reason each was rejected.
pub fn explanation_to_text(e: &Explanation, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}/100 ({})",
        style.paint("1", &e.question_id),
        crate::feedback::fmt_score(e.score),
        e.band
    );
    let _ = writeln!(out, "\n{}", style.paint("1", "Concepts"));
    for c in &e.concepts {
        write_trace(&mut out, c, style, "✓", "✗");
    }
    if !e.misconceptions.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", "Misconceptions"));
        for m in &e.misconceptions {
            write_trace(&mut out, m, style, "!", "·");
        }
    }
    if let Some(c) = &e.coverage {
        let _ = writeln!(out, "\n{}", style.paint("1", "Reference-word coverage"));
        let _ = writeln!(
            out,
            "  {}; recall {:.0}%, credit {:.0}% of the coverage weight, +{} of {} points",
            super::text::coverage_headline(c),
            100.0 * c.recall,
            100.0 * c.credit,
            crate::feedback::fmt_score(c.points),
            crate::feedback::fmt_score(c.max_points)
        );
        for (what, words) in super::text::coverage_lists(c) {
            let _ = writeln!(out, "    {what}: {}", words.join(", "));
        }
    }
    for w in &e.warnings {
        let _ = writeln!(out, "{} {w}", style.paint("33", "warning:"));
    }
    out
}

fn write_trace(out: &mut String, c: &ConceptTrace, style: Style, yes: &str, no: &str) {
    let mark = if c.hit {
        style.paint("32", yes)
    } else {
        style.paint("31", no)
    };
    let _ = writeln!(out, "{mark} {} ({})", c.label, c.id);
    if c.matchers.is_empty() {
        let _ = writeln!(
            out,
            "    nothing matched ({} matcher{} tried)",
            c.tried,
            if c.tried == 1 { "" } else { "s" }
        );
    }
    for m in &c.matchers {
        let _ = writeln!(out, "    {}", m.matcher);
        for h in &m.hits {
            let fuzzy = if h.fuzzy { " (typo-tolerant)" } else { "" };
            let _ = writeln!(
                out,
                "      {} \"{}\" at {}..{}{fuzzy}",
                style.paint("32", "hit"),
                h.text,
                h.start,
                h.end
            );
        }
        for n in &m.near_misses {
            let why = match &n.reason {
                NearMissReason::Negated { cue, rule } => {
                    format!("denied by \"{cue}\": {}", rule.describe())
                }
                NearMissReason::TypoTooFar {
                    word,
                    distance,
                    limit,
                } => {
                    format!("{distance} edits from \"{word}\"; the limit for its length is {limit}")
                }
                NearMissReason::RealWord { word } => {
                    format!("a real word, never taken for a typo of \"{word}\"")
                }
                NearMissReason::FirstLetterDiffers { word } => {
                    format!("first letter differs from \"{word}\"")
                }
                NearMissReason::NumberDiffers { expected, found } => {
                    format!("number {found} differs from {expected}")
                }
                NearMissReason::OutsideWindow { window } => {
                    format!("found, but the parts are not in the {window}")
                }
                NearMissReason::WrongOrder => {
                    "found together, but the answer puts them in the other order".to_string()
                }
                NearMissReason::PartDenied => {
                    "found together, but this part only in a denial".to_string()
                }
                NearMissReason::Excluded { near } => {
                    format!("voided by \"{near}\" in the same stretch of text")
                }
            };
            let _ = writeln!(
                out,
                "      {} \"{}\" at {}..{}: {why}",
                style.paint("33", "near miss"),
                n.text,
                n.start,
                n.end
            );
        }
    }
}
