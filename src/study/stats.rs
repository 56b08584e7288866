//! Progress figures from a study store, and their renderings: terminal text and a
//! self-contained HTML page with SVG charts (no JavaScript, no external assets).
//!
//! Days are the caller's days: every function takes the UTC offset of the user's time zone, so
//! "today" and "reviews per day" follow the local calendar while the store keeps UTC.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use super::error::StudyError;
use super::rating::Rating;
use super::store::Study;
use crate::feedback::render::escape_html;
use crate::rubric::Bank;

/// How many days the per-day series cover.
pub const DAYS_SHOWN: usize = 30;

/// Progress over the whole store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// The local date of "today".
    pub today: NaiveDate,
    /// Questions with a card.
    pub cards: usize,
    /// Reviews stored.
    pub reviews: usize,
    /// Cards due by the end of today.
    pub due_today: usize,
    /// Cards due within the next 7 days (today included).
    pub due_week: usize,
    /// Share of repeat reviews (not a question's first) rated Hard or better; `None` before any.
    pub retention: Option<f64>,
    /// Consecutive days with a review, ending today (or yesterday, if today has none yet).
    pub streak_days: usize,
    /// The last [`DAYS_SHOWN`] days, oldest first.
    pub days: Vec<DayStats>,
    /// The weakest concepts (lowest retrievability), with the questions that train them.
    pub weakest: Vec<WeakConcept>,
    /// Mean retrievability of the concepts of each category, in category order.
    pub mastery: Vec<CategoryMastery>,
}

/// One day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayStats {
    /// The local date.
    pub date: NaiveDate,
    /// Reviews that day.
    pub reviews: usize,
    /// Repeat reviews that day (a question's first review is not a recall).
    pub repeats: usize,
    /// Of those, rated Hard or better.
    pub recalled: usize,
}

/// A weak concept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeakConcept {
    /// Its label.
    pub label: String,
    /// Concept id.
    pub concept_id: String,
    /// Probability of recall now.
    pub retrievability: f64,
    /// Questions of the bank whose rubric has this concept (by id), its own first.
    pub questions: Vec<String>,
}

/// Mastery of one category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryMastery {
    /// Category.
    pub category: String,
    /// Mean retrievability of its concept cards, 0–1.
    pub mastery: f64,
    /// How many concept cards.
    pub concepts: usize,
}

/// The local date of `t` at `offset`.
pub fn local_date(t: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    t.with_timezone(&offset).date_naive()
}

/// The UTC instants at which the local day of `now` starts and ends (exclusive).
pub fn day_bounds(now: DateTime<Utc>, offset: FixedOffset) -> (DateTime<Utc>, DateTime<Utc>) {
    let date = local_date(now, offset);
    let start = date
        .and_hms_opt(0, 0, 0)
        .and_then(|d| d.and_local_timezone(offset).single())
        .map_or(now, |d| d.with_timezone(&Utc));
    (start, start + Duration::days(1))
}

impl Study {
    /// Progress figures at `now`, days in the time zone at `offset`; `bank` names the questions
    /// that train each weak concept.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be read.
    pub fn stats(
        &self,
        bank: &Bank,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Stats, StudyError> {
        let today = local_date(now, offset);
        let (_, end) = day_bounds(now, offset);
        let cards = self.cards()?;
        let due_today = cards.iter().filter(|(_, c)| c.due < end).count();
        let week_end = end + Duration::days(6);
        let due_week = cards.iter().filter(|(_, c)| c.due < week_end).count();
        let reviews = self.reviews()?;
        let first_day = today - Duration::days(DAYS_SHOWN as i64 - 1);
        let mut days: Vec<DayStats> = (0..DAYS_SHOWN as i64)
            .map(|i| DayStats {
                date: first_day + Duration::days(i),
                reviews: 0,
                repeats: 0,
                recalled: 0,
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        let (mut repeats, mut recalled) = (0usize, 0usize);
        let mut active: std::collections::BTreeSet<NaiveDate> = Default::default();
        for r in &reviews {
            let date = local_date(r.reviewed_at, offset);
            active.insert(date);
            let repeat = !seen.insert(r.question_id.as_str());
            let ok = r.rating >= Rating::Hard;
            if repeat {
                repeats += 1;
                recalled += usize::from(ok);
            }
            if let Some(d) = days.iter_mut().find(|d| d.date == date) {
                d.reviews += 1;
                if repeat {
                    d.repeats += 1;
                    d.recalled += usize::from(ok);
                }
            }
        }
        let mut streak_days = 0;
        let mut day = if active.contains(&today) {
            today
        } else {
            today - Duration::days(1)
        };
        while active.contains(&day) {
            streak_days += 1;
            day -= Duration::days(1);
        }
        let concepts = self.concepts(now)?;
        let mut weakest: Vec<WeakConcept> = Vec::new();
        for c in concepts.iter().filter(|c| c.reps > 0) {
            if weakest.len() >= 5 {
                break;
            }
            let mut questions = vec![c.question_id.clone()];
            questions.extend(
                bank.entries()
                    .iter()
                    .filter(|e| e.rubric.id != c.question_id)
                    .filter(|e| e.rubric.concepts.iter().any(|k| k.id == c.concept_id))
                    .map(|e| e.rubric.id.clone())
                    .take(4),
            );
            weakest.push(WeakConcept {
                label: c.label.clone(),
                concept_id: c.concept_id.clone(),
                retrievability: c.retrievability,
                questions,
            });
        }
        let mut mastery: Vec<CategoryMastery> = Vec::new();
        for c in &concepts {
            match mastery.iter_mut().find(|m| m.category == c.category) {
                Some(m) => {
                    m.mastery += c.retrievability;
                    m.concepts += 1;
                }
                None => mastery.push(CategoryMastery {
                    category: c.category.clone(),
                    mastery: c.retrievability,
                    concepts: 1,
                }),
            }
        }
        for m in &mut mastery {
            m.mastery /= m.concepts as f64;
        }
        mastery.sort_by(|a, b| a.category.cmp(&b.category));
        Ok(Stats {
            today,
            cards: cards.len(),
            reviews: reviews.len(),
            due_today,
            due_week,
            retention: (repeats > 0).then(|| recalled as f64 / repeats as f64),
            streak_days,
            days,
            weakest,
            mastery,
        })
    }
}

impl Stats {
    /// Terminal text (plain; the caller wraps it).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "Study progress on {}\n\n  cards {}   reviews {}   due today {}   due this week {}\n",
            self.today, self.cards, self.reviews, self.due_today, self.due_week
        ));
        s.push_str(&format!(
            "  retention {}   streak {} day{}\n",
            self.retention
                .map_or_else(|| "–".to_string(), |r| format!("{:.0} %", r * 100.0)),
            self.streak_days,
            if self.streak_days == 1 { "" } else { "s" }
        ));
        s.push_str("\nReviews per day (last 14 days)\n");
        let max = self
            .days
            .iter()
            .map(|d| d.reviews)
            .max()
            .unwrap_or(0)
            .max(1);
        for d in self.days.iter().skip(self.days.len().saturating_sub(14)) {
            let bar = "█".repeat((d.reviews * 30).div_ceil(max));
            s.push_str(&format!(
                "  {}  {:>3} {}\n",
                d.date.format("%m-%d"),
                d.reviews,
                bar
            ));
        }
        if !self.weakest.is_empty() {
            s.push_str("\nWeakest concepts (recall probability now)\n");
            for w in &self.weakest {
                s.push_str(&format!(
                    "  {:>3.0} %  {} — train with {}\n",
                    w.retrievability * 100.0,
                    w.label,
                    w.questions.join(", ")
                ));
            }
        }
        if !self.mastery.is_empty() {
            s.push_str("\nConcept mastery by category\n");
            for m in &self.mastery {
                s.push_str(&format!(
                    "  {:>3.0} %  {} ({} concepts)\n",
                    m.mastery * 100.0,
                    m.category,
                    m.concepts
                ));
            }
        }
        s
    }

    /// A self-contained HTML page: figures, and SVG charts of reviews per day, retention over
    /// time and concept mastery by category.
    pub fn to_html(&self) -> String {
        let mut body = String::new();
        body.push_str(&format!(
            "<h1>Study progress</h1>\n<p class=\"sub\">{}</p>\n<section class=\"figures\">\n",
            self.today
        ));
        for (label, value) in [
            ("cards", self.cards.to_string()),
            ("reviews", self.reviews.to_string()),
            ("due today", self.due_today.to_string()),
            ("due this week", self.due_week.to_string()),
            (
                "retention",
                self.retention
                    .map_or_else(|| "–".into(), |r| format!("{:.0} %", r * 100.0)),
            ),
            ("streak", format!("{} d", self.streak_days)),
        ] {
            body.push_str(&format!(
                "<div class=\"fig\"><b>{value}</b><span>{label}</span></div>\n"
            ));
        }
        body.push_str("</section>\n");
        body.push_str(&format!(
            "<section><h2>Reviews per day</h2>\n{}</section>\n",
            self.reviews_chart()
        ));
        body.push_str(&format!(
            "<section><h2>Retention over time</h2>\n{}</section>\n",
            self.retention_chart()
        ));
        body.push_str(&format!(
            "<section><h2>Concept mastery by category</h2>\n{}</section>\n",
            self.mastery_chart()
        ));
        if !self.weakest.is_empty() {
            body.push_str("<section><h2>Weakest concepts</h2>\n<ul>\n");
            for w in &self.weakest {
                body.push_str(&format!(
                    "<li>{:.0} % — {} <span class=\"sub\">(train with {})</span></li>\n",
                    w.retrievability * 100.0,
                    escape_html(&w.label),
                    escape_html(&w.questions.join(", "))
                ));
            }
            body.push_str("</ul>\n</section>\n");
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Study progress {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
            self.today
        )
    }

    fn reviews_chart(&self) -> String {
        let (w, h, pad) = (600.0, 180.0, 24.0);
        let max = self
            .days
            .iter()
            .map(|d| d.reviews)
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let step = (w - 2.0 * pad) / self.days.len().max(1) as f64;
        let mut svg = svg_open(w, h, "reviews per day");
        svg.push_str(&axis(w, h, pad));
        for (i, d) in self.days.iter().enumerate() {
            let bh = d.reviews as f64 / max * (h - 2.0 * pad);
            let x = pad + i as f64 * step + 1.0;
            svg.push_str(&format!(
                "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"><title>{}: {} reviews</title></rect>\n",
                h - pad - bh,
                (step - 2.0).max(1.0),
                d.date,
                d.reviews
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{pad}\" y=\"{:.0}\" class=\"lbl\">{}</text><text x=\"{:.0}\" y=\"{:.0}\" class=\"lbl\" text-anchor=\"end\">{}</text>\n<text x=\"{:.0}\" y=\"14\" class=\"lbl\" text-anchor=\"end\">max {}</text>\n</svg>\n",
            h - 6.0,
            self.days.first().map(|d| d.date.to_string()).unwrap_or_default(),
            w - pad,
            h - 6.0,
            self.days.last().map(|d| d.date.to_string()).unwrap_or_default(),
            w - pad,
            max
        ));
        svg
    }

    fn retention_chart(&self) -> String {
        let (w, h, pad) = (600.0, 180.0, 24.0);
        let step = (w - 2.0 * pad) / (self.days.len().max(2) - 1) as f64;
        let mut svg = svg_open(w, h, "retention over time");
        svg.push_str(&axis(w, h, pad));
        // Cumulative retention up to each day, so a day with no repeats keeps the line going.
        let (mut rep, mut ok) = (0usize, 0usize);
        let mut points = Vec::new();
        for (i, d) in self.days.iter().enumerate() {
            rep += d.repeats;
            ok += d.recalled;
            if rep > 0 {
                let r = ok as f64 / rep as f64;
                points.push(format!(
                    "{:.1},{:.1}",
                    pad + i as f64 * step,
                    h - pad - r * (h - 2.0 * pad)
                ));
            }
        }
        let y90 = h - pad - 0.9 * (h - 2.0 * pad);
        svg.push_str(&format!(
            "<line class=\"target\" x1=\"{pad}\" x2=\"{:.0}\" y1=\"{y90:.1}\" y2=\"{y90:.1}\"/><text x=\"{:.0}\" y=\"{:.1}\" class=\"lbl\" text-anchor=\"end\">90 %</text>\n",
            w - pad,
            w - pad,
            y90 - 4.0
        ));
        svg.push_str(&format!(
            "<text x=\"{pad}\" y=\"{:.0}\" class=\"lbl\">0 %</text><text x=\"{pad}\" y=\"{:.0}\" class=\"lbl\">100 %</text>\n",
            h - pad - 4.0,
            pad - 8.0
        ));
        if points.is_empty() {
            svg.push_str(&format!(
                "<text x=\"{:.0}\" y=\"{:.0}\" class=\"lbl\" text-anchor=\"middle\">no repeat reviews yet</text>\n",
                w / 2.0,
                h / 2.0
            ));
        } else {
            svg.push_str(&format!(
                "<polyline class=\"line\" points=\"{}\"/>\n",
                points.join(" ")
            ));
        }
        svg.push_str("</svg>\n");
        svg
    }

    fn mastery_chart(&self) -> String {
        let row = 26.0;
        let (w, label_w) = (600.0, 180.0);
        let h = (self.mastery.len().max(1) as f64) * row + 10.0;
        let mut svg = svg_open(w, h, "concept mastery by category");
        if self.mastery.is_empty() {
            svg.push_str("<text x=\"10\" y=\"20\" class=\"lbl\">no concepts reviewed yet</text>\n");
        }
        for (i, m) in self.mastery.iter().enumerate() {
            let y = 5.0 + i as f64 * row;
            let bw = m.mastery.clamp(0.0, 1.0) * (w - label_w - 60.0);
            svg.push_str(&format!(
                "<text x=\"{:.0}\" y=\"{:.1}\" class=\"lbl\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{:.0}\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"lbl\">{:.0} %</text>\n",
                label_w - 8.0,
                y + 15.0,
                escape_html(&m.category),
                row - 8.0,
                label_w + bw + 6.0,
                y + 15.0,
                m.mastery * 100.0
            ));
        }
        svg.push_str("</svg>\n");
        svg
    }
}

fn svg_open(w: f64, h: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"{title}\">\n"
    )
}

fn axis(w: f64, h: f64, pad: f64) -> String {
    format!(
        "<line class=\"axis\" x1=\"{pad}\" x2=\"{:.0}\" y1=\"{:.0}\" y2=\"{:.0}\"/>\n",
        w - pad,
        h - pad,
        h - pad
    )
}

const CSS: &str = "body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.45 system-ui,sans-serif}\
main{max-width:760px;margin:0 auto;padding:16px}\
section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}\
h1{margin:8px 0 0}h2{font-size:16px;margin:0 0 8px}.sub{color:#5b6474}\
.figures{display:flex;flex-wrap:wrap;gap:12px}.fig{flex:1 1 90px;text-align:center}\
.fig b{display:block;font-size:24px}.fig span{color:#5b6474;font-size:13px}\
svg{width:100%;height:auto;display:block}.bar{fill:#2e9d4a}.axis{stroke:#8a93a3}\
.target{stroke:#8a93a3;stroke-dasharray:4 4}.line{fill:none;stroke:#1f6fd1;stroke-width:3}\
.lbl{font-size:12px;fill:#3b4454}ul{margin:0;padding-left:20px}\
@media print{body{background:#fff}section{box-shadow:none;border:1px solid #ccc}}";

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Days follow the user's calendar: 23:30 UTC is already tomorrow at UTC+2.
    #[test]
    fn days_follow_the_local_calendar() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 23, 30, 0).unwrap();
        let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(local_date(now, plus2).to_string(), "2026-05-02");
        let (start, end) = day_bounds(now, plus2);
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 5, 1, 22, 0, 0).unwrap());
        assert_eq!(end - start, Duration::days(1));
    }
}
