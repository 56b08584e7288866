//! The scorecard as one self-contained HTML page: inline CSS, inline SVG bar charts, no
//! JavaScript, no external assets (fonts, images, stylesheets). `@media print` drops shadows and
//! backgrounds, keeps bar colours (`print-color-adjust: exact`) and avoids splitting a card
//! across pages.

use std::fmt::Write;

use super::text::question_details;
use super::{score, Scorecard};
use crate::interview::scorecard::{QuestionScore, Verdict};
use crate::rubric::Bands;
use crate::scoring::Band;

pub(crate) use crate::feedback::render::escape_html as esc;
pub(crate) use crate::feedback::render::inline_to_html as md;

pub(crate) fn band_colour(b: Band) -> &'static str {
    match b {
        Band::Strong => "#1a7f37",
        Band::Good => "#4d9a2f",
        Band::Partial => "#b7791f",
        Band::Weak => "#c53030",
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::StrongHire => "strong-hire",
        Verdict::Hire => "hire",
        Verdict::NoHire => "no-hire",
        Verdict::StrongNoHire => "strong-no-hire",
    }
}

/// The shared stylesheet of the scorecard and the kit.
pub(crate) const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px;
  margin: 16px 0; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
.muted { color: var(--muted); }
.headline { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: baseline; margin-top: 8px; }
.big { font-size: 34px; font-weight: 700; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 600; color: #fff; }
.strong-hire { background: #1a7f37; } .hire { background: #4d9a2f; }
.no-hire { background: #b7791f; } .strong-no-hire { background: #c53030; }
.band { font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul { margin: 6px 0; padding-left: 22px; }
li { margin: 3px 0; }
.ok { color: #1a7f37; } .miss { color: #c53030; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg text.value { font-variant-numeric: tabular-nums; font-weight: 600; }
.chart-narrow { display: none; }
.table { max-width: 100%; overflow-x: auto; }
td { overflow-wrap: anywhere; }
td.band, td.num { white-space: nowrap; overflow-wrap: normal; }
.chart-narrow text { font-size: 13px; }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg);
  border: 1px solid var(--line); border-radius: 4px; padding: 0 3px; }
a { color: #0969da; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
.notice { border-left: 4px solid #b7791f; padding: 6px 12px; background: #fff8e6; }
.checklist li { list-style: none; margin-left: -18px; }
.box { display: inline-block; width: 13px; height: 13px; border: 1.5px solid var(--ink);
  border-radius: 2px; margin-right: 8px; vertical-align: -1px; }
blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid var(--line); background: var(--bg); }
.notes { height: 110px; border: 1px dashed var(--line); border-radius: 6px; }
@media (max-width: 640px) {
  .grid { grid-template-columns: 1fr; }
  main { padding: 12px 8px 32px; }
  .card { padding: 12px 12px; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  th, td { padding: 5px 4px; }
}
@media print {
  @page { margin: 14mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { box-shadow: none; border-color: #bbb; break-inside: avoid; page-break-inside: avoid; }
  .page { break-before: page; page-break-before: always; }
  .page:first-of-type { break-before: auto; page-break-before: auto; }
  .chart-wide { display: block; } .chart-narrow { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The page skeleton around `body`.
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        esc(title)
    )
}

/// A horizontal bar chart of 0–100 scores, one bar per `(label, score, band)`, with dashed lines
/// at the default band thresholds. Two drawings of it: a wide one (label, bar, value in a column
/// of its own right of 100, so no value label ever sits on a threshold line) and a narrow one for
/// screens under 640 px (label and value above each bar, drawn at about its display size so the
/// text stays readable); CSS shows one of them.
pub(crate) fn bar_chart(title: &str, bars: &[(String, f32, Band)]) -> String {
    let mut svg = wide_chart(title, bars);
    svg.push_str(&narrow_chart(title, bars));
    svg
}

/// The band thresholds to mark, lowest first.
fn thresholds() -> [f32; 3] {
    let b = Bands::default();
    [b.partial, b.good, b.strong]
}

fn svg_open(class: &str, title: &str, width: f32, height: f32) -> String {
    format!(
        "<svg class=\"{class}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
        esc(title),
        esc(title)
    )
}

/// `label` cut to `max` characters with an ellipsis.
fn cut(label: &str, max: usize) -> String {
    if label.chars().count() > max {
        format!("{}…", label.chars().take(max - 1).collect::<String>())
    } else {
        label.to_string()
    }
}

fn wide_chart(title: &str, bars: &[(String, f32, Band)]) -> String {
    const LABEL_W: f32 = 190.0;
    const BAR_W: f32 = 420.0;
    const ROW: f32 = 28.0;
    const TOP: f32 = 8.0;
    let width = LABEL_W + BAR_W + 60.0;
    let height = TOP + ROW * bars.len() as f32 + 22.0;
    let x = |s: f32| LABEL_W + BAR_W * s.clamp(0.0, 100.0) / 100.0;
    let bottom = TOP + ROW * bars.len() as f32;
    let mut svg = svg_open("chart-wide", title, width, height);
    let _ = writeln!(
        svg,
        "<rect x=\"{LABEL_W}\" y=\"{TOP}\" width=\"{BAR_W}\" height=\"{}\" fill=\"#f6f8fa\"/>",
        ROW * bars.len() as f32
    );
    for (i, (label, s, band)) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f32;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL_W - 8.0,
            y + 18.0,
            esc(&cut(label, 28))
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{LABEL_W}\" y=\"{}\" width=\"{:.1}\" height=\"18\" rx=\"3\" fill=\"{}\"><title>{}: {}</title></rect>",
            y + 5.0,
            x(*s) - LABEL_W,
            band_colour(*band),
            esc(label),
            score(*s)
        );
        // Right of the 100 mark: clear of the bar's end and of every threshold line.
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"end\" class=\"value\">{}</text>",
            width - 4.0,
            y + 18.0,
            score(*s)
        );
    }
    for t in thresholds() {
        let _ = writeln!(
            svg,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{bottom}\" stroke=\"#8c959f\" stroke-dasharray=\"3 3\"/>",
            x(t)
        );
    }
    for t in std::iter::once(0.0).chain(thresholds()).chain([100.0]) {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" style=\"fill:#59636e\">{}</text>",
            x(t),
            bottom + 16.0,
            score(t)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn narrow_chart(title: &str, bars: &[(String, f32, Band)]) -> String {
    // About the width a 420 px screen leaves for a card's content, so text is drawn near 1:1.
    const WIDTH: f32 = 340.0;
    const ROW: f32 = 40.0;
    const TOP: f32 = 4.0;
    const PAD: f32 = 8.0;
    let track = WIDTH - 2.0 * PAD;
    let x = |s: f32| PAD + track * s.clamp(0.0, 100.0) / 100.0;
    let bottom = TOP + ROW * bars.len() as f32;
    let height = bottom + 20.0;
    let mut svg = svg_open("chart-narrow", title, WIDTH, height);
    for (i, (label, s, band)) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f32;
        let _ = writeln!(
            svg,
            "<text x=\"{PAD}\" y=\"{}\">{}</text>",
            y + 14.0,
            esc(&cut(label, 40))
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"value\">{}</text>",
            WIDTH - PAD,
            y + 14.0,
            score(*s)
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{PAD}\" y=\"{}\" width=\"{track}\" height=\"14\" fill=\"#f6f8fa\"/>",
            y + 20.0
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{PAD}\" y=\"{}\" width=\"{:.1}\" height=\"14\" rx=\"3\" fill=\"{}\"><title>{}: {}</title></rect>",
            y + 20.0,
            x(*s) - PAD,
            band_colour(*band),
            esc(label),
            score(*s)
        );
        // Threshold marks on the bar only, below the text line.
        for t in thresholds() {
            let _ = writeln!(
                svg,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#8c959f\" stroke-dasharray=\"3 3\"/>",
                x(t),
                y + 18.0,
                y + 36.0
            );
        }
    }
    for t in std::iter::once(0.0).chain(thresholds()).chain([100.0]) {
        let anchor = match t {
            0.0 => "start",
            100.0 => "end",
            _ => "middle",
        };
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\" style=\"fill:#59636e\">{}</text>",
            x(t),
            bottom + 14.0,
            score(t)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The scorecard as a self-contained HTML page (prints well).
pub fn to_html(card: &Scorecard) -> String {
    let mut b = String::new();
    let title = match &card.candidate {
        Some(name) => format!("Scorecard: {name}"),
        None => "Scorecard".to_string(),
    };
    let verdict = card.recommendation.verdict;
    let _ = writeln!(b, "<section class=\"card\">\n<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        b,
        "<div class=\"headline\"><div><div class=\"muted\">Overall</div><span class=\"big\" style=\"color:{}\">{}</span><span class=\"muted\">/100 · {}</span></div>",
        band_colour(card.band),
        score(card.overall),
        card.band
    );
    let _ = writeln!(
        b,
        "<div><div class=\"muted\">Recommendation</div><span class=\"pill {}\">{}</span></div>",
        verdict_class(verdict),
        verdict
    );
    if let Some(l) = &card.level_estimate {
        let _ = writeln!(
            b,
            "<div><div class=\"muted\">Level estimate</div><span class=\"band\">{}{}</span></div>",
            l.level,
            if l.is_floor { " or above" } else { "" }
        );
    }
    let _ = writeln!(
        b,
        "<div><div class=\"muted\">Questions</div><span class=\"band\">{}</span></div></div>",
        card.questions.len()
    );
    if !card.complete {
        let _ = writeln!(
            b,
            "<p class=\"notice\">The interview did not finish; this covers the questions so far.</p>"
        );
    }
    b.push_str("</section>\n");

    if !card.categories.is_empty() {
        let bars: Vec<(String, f32, Band)> = card
            .categories
            .iter()
            .map(|c| (c.name.clone(), c.score, c.band))
            .collect();
        let _ = writeln!(
            b,
            "<section class=\"card\">\n<h2>Scores by category</h2>\n{}",
            bar_chart("Score by category", &bars)
        );
        let levels: Vec<(String, f32, Band)> = card
            .levels
            .iter()
            .map(|l| (l.level.to_string(), l.score, l.band))
            .collect();
        let _ = writeln!(
            b,
            "<h3>By level</h3>\n{}</section>",
            bar_chart("Score by level", &levels)
        );
    }

    for c in &card.categories {
        let qs: Vec<&QuestionScore> = card
            .questions
            .iter()
            .filter(|q| q.category == c.name)
            .collect();
        let _ = writeln!(
            b,
            "<section class=\"card\">\n<h2>{} <span class=\"muted\">· {} · {}</span></h2>",
            esc(&c.name),
            score(c.score),
            c.band
        );
        let bars: Vec<(String, f32, Band)> = qs
            .iter()
            .map(|q| (format!("{} {}", q.id, q.title), q.score, q.band))
            .collect();
        b.push_str(&bar_chart(&format!("Scores in {}", c.name), &bars));
        b.push_str(
            "<div class=\"table\"><table>\n<tr><th>#</th><th>Question</th><th>Score</th><th>Band</th><th>Details</th></tr>\n",
        );
        for q in qs {
            let _ = writeln!(
                b,
                "<tr><td class=\"num\">{}</td><td><b>{}</b> {}</td><td class=\"num\">{}</td><td class=\"band\" style=\"color:{}\">{}</td><td class=\"muted\">{}</td></tr>",
                q.number,
                esc(&q.id),
                esc(&q.title),
                score(q.score),
                band_colour(q.band),
                q.band,
                esc(&question_details(q).join(" · "))
            );
        }
        b.push_str("</table></div>\n</section>\n");
    }

    if !card.strongest.is_empty() || !card.weakest.is_empty() {
        b.push_str("<section class=\"card grid\">\n<div>\n<h2>Strongest concepts</h2>\n<ul>\n");
        for c in &card.strongest {
            let _ = writeln!(
                b,
                "<li><span class=\"ok\">✓</span> {} <span class=\"muted\">({}, {}%)</span></li>",
                md(&c.label),
                esc(&c.question_id),
                score(c.share)
            );
        }
        b.push_str("</ul>\n</div>\n<div>\n<h2>Weakest concepts</h2>\n<ul>\n");
        for c in &card.weakest {
            let _ = writeln!(
                b,
                "<li><span class=\"miss\">✗</span> {} <span class=\"muted\">({}, {}%{})</span></li>",
                md(&c.label),
                esc(&c.question_id),
                score(c.share),
                if c.required { ", required" } else { "" }
            );
        }
        b.push_str("</ul>\n</div>\n</section>\n");
    }

    let flags: Vec<_> = card
        .questions
        .iter()
        .flat_map(|q| q.red_flags.iter().map(move |f| (q, f)))
        .collect();
    if !flags.is_empty() {
        b.push_str("<section class=\"card\">\n<h2>Red flags</h2>\n<ul>\n");
        for (q, f) in flags {
            let _ = writeln!(
                b,
                "<li><b class=\"miss\">{}</b> <span class=\"muted\">({})</span>: {}</li>",
                md(&f.label),
                esc(&q.id),
                md(&f.correction)
            );
        }
        b.push_str("</ul>\n</section>\n");
    }

    let _ = writeln!(
        b,
        "<section class=\"card\">\n<h2>Recommendation: <span class=\"pill {}\">{}</span></h2>\n<ul>",
        verdict_class(verdict),
        verdict
    );
    for r in &card.recommendation.reasons {
        let _ = writeln!(b, "<li>{}</li>", esc(r));
    }
    b.push_str("</ul>\n");
    if let Some(l) = &card.level_estimate {
        let _ = writeln!(
            b,
            "<h3>Level estimate: {}{}</h3>\n<ul>",
            l.level,
            if l.is_floor { " or above" } else { "" }
        );
        for r in &l.reasons {
            let _ = writeln!(b, "<li>{}</li>", esc(r));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");

    if !card.study.is_empty() {
        b.push_str("<section class=\"card\">\n<h2>Study next</h2>\n<ul>\n");
        for s in &card.study {
            let _ = write!(
                b,
                "<li><b>{}</b> <span class=\"muted\">({})</span>: {}",
                md(&s.label),
                esc(&s.question_id),
                md(&s.hint)
            );
            if let Some(study) = &s.study {
                let _ = write!(b, "<br><span class=\"muted\">Study: {}</span>", md(study));
            }
            if !s.practice.is_empty() {
                let _ = write!(
                    b,
                    "<br><span class=\"muted\">Practice: {}</span>",
                    esc(&s.practice.join(", "))
                );
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ul>\n</section>\n");
    }
    page(&title, &b)
}
