use std::fmt::Write;

use super::html::{esc, md, page};
use super::score;
use crate::interview::kit::{Kit, KitConcept};

fn concept_note(c: &KitConcept) -> String {
    let mut parts = Vec::new();
    if c.required {
        parts.push("required".to_string());
    }
    parts.push(format!("{}%", score(c.share)));
    if let Some(g) = &c.group {
        parts.push(format!("group {g}"));
    }
    parts.join(", ")
}

/// The kit as Markdown: per question, the question, a checklist of what to listen for, the
/// follow-ups, the red flags, the model answer and room for notes.
pub fn kit_to_markdown(kit: &Kit) -> String {
    let mut out = String::from("# Interview kit\n");
    for q in &kit.questions {
        let _ = writeln!(out, "\n## {} — {}\n", q.id, q.title);
        let _ = writeln!(out, "*{} · {}*\n", q.category, q.level);
        for line in q.question.lines() {
            let _ = writeln!(out, "> {line}");
        }
        let _ = writeln!(out, "\n### Listen for (most important first)\n");
        for c in &q.listen_for {
            let _ = writeln!(out, "- [ ] {} ({})", c.label, concept_note(c));
        }
        if !q.follow_ups.is_empty() {
            let _ = writeln!(out, "\n### Follow-ups\n");
            for f in &q.follow_ups {
                let _ = writeln!(out, "- *If they miss {}:* {}", f.concept, f.question);
            }
        }
        if !q.red_flags.is_empty() {
            let _ = writeln!(out, "\n### Red flags\n");
            for f in &q.red_flags {
                let _ = writeln!(
                    out,
                    "- **{}** (−{}): {}",
                    f.label,
                    score(f.penalty),
                    f.correction
                );
            }
        }
        let _ = writeln!(out, "\n### Model answer\n\n{}", q.model_answer.trim());
        let _ = writeln!(
            out,
            "\n### Notes\n\n<!-- Write the candidate's answer here; `rubric scorecard --notes` grades this section. -->"
        );
    }
    out
}

/// The kit as a self-contained, printable HTML page: one page per question when printed.
pub fn kit_to_html(kit: &Kit) -> String {
    let mut b = String::from("<h1>Interview kit</h1>\n");
    let ids: Vec<&str> = kit.questions.iter().map(|q| q.id.as_str()).collect();
    let _ = writeln!(b, "<p class=\"muted\">{}</p>", esc(&ids.join(" · ")));
    for q in &kit.questions {
        let _ = writeln!(
            b,
            "<section class=\"card page\">\n<h2>{} — {}</h2>\n<div class=\"muted\">{} · {}</div>",
            esc(&q.id),
            esc(&q.title),
            esc(&q.category),
            q.level
        );
        let _ = writeln!(b, "<blockquote>{}</blockquote>", lines_html(&q.question));
        b.push_str("<h3>Listen for <span class=\"muted\">(most important first)</span></h3>\n<ul class=\"checklist\">\n");
        for c in &q.listen_for {
            let _ = writeln!(
                b,
                "<li><span class=\"box\"></span>{}{} <span class=\"muted\">({})</span></li>",
                if c.required { "<b>" } else { "" },
                md(&c.label) + if c.required { "</b>" } else { "" },
                esc(&concept_note(c))
            );
        }
        b.push_str("</ul>\n");
        if !q.follow_ups.is_empty() {
            b.push_str("<h3>Follow-ups</h3>\n<ul>\n");
            for f in &q.follow_ups {
                let _ = writeln!(
                    b,
                    "<li><i>If they miss {}:</i> {}</li>",
                    esc(&f.concept),
                    md(&f.question)
                );
            }
            b.push_str("</ul>\n");
        }
        if !q.red_flags.is_empty() {
            b.push_str("<h3>Red flags</h3>\n<ul>\n");
            for f in &q.red_flags {
                let _ = writeln!(
                    b,
                    "<li><b class=\"miss\">{}</b> <span class=\"muted\">(−{})</span>: {}</li>",
                    md(&f.label),
                    score(f.penalty),
                    md(&f.correction)
                );
            }
            b.push_str("</ul>\n");
        }
        let _ = writeln!(
            b,
            "<h3>Model answer</h3>\n<p>{}</p>",
            lines_html(q.model_answer.trim())
        );
        b.push_str("<h3>Notes</h3>\n<div class=\"notes\"></div>\n</section>\n");
    }
    page("Interview kit", &b)
}

/// Multi-line prose as HTML: inline Markdown per line, lines kept.
fn lines_html(text: &str) -> String {
    text.lines().map(md).collect::<Vec<_>>().join("<br>")
}

/// The kit as pretty-printed JSON.
pub fn kit_to_json(kit: &Kit) -> String {
    serde_json::to_string_pretty(kit).unwrap_or_default()
}
