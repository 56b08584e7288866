//! Marked-response testing: grade answers whose expected score (or range) is known and report how
//! far the grader agrees — share within range, mean absolute error, correlations, pairwise order
//! agreement within a question, a band confusion table, and the worst disagreements with the
//! concept trace that explains each.

use std::collections::BTreeMap;
use std::io::BufRead;

use serde::{Deserialize, Serialize};

use super::stats::{mean_absolute_error, pair_agreement, pearson, ranked_pair_agreement, spearman};
use crate::error::Error;
use crate::grader::Grader;
use crate::rubric::Bank;
use crate::scoring::Band;

/// A score given as a single number is "within range" when the grade is this close to it.
pub const SCORE_TOLERANCE: f32 = 10.0;

/// What a marked answer should score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Expected {
    /// An inclusive range.
    Range(f32, f32),
    /// One score (within [`SCORE_TOLERANCE`] counts as agreeing).
    Score(f32),
}

impl Expected {
    /// The point used for correlations and ordering: the score, or the middle of the range.
    pub fn value(self) -> f32 {
        match self {
            Expected::Range(lo, hi) => (lo + hi) / 2.0,
            Expected::Score(s) => s,
        }
    }

    /// The scores that agree with the expectation, as an inclusive range: the range itself, or
    /// the score ± [`SCORE_TOLERANCE`].
    pub fn interval(self) -> (f32, f32) {
        match self {
            Expected::Range(lo, hi) => (lo, hi),
            Expected::Score(s) => (s - SCORE_TOLERANCE, s + SCORE_TOLERANCE),
        }
    }

    /// Distance from `score` to the expectation (0 inside a range).
    pub fn error(self, score: f32) -> f32 {
        match self {
            Expected::Range(lo, _) if score < lo => lo - score,
            Expected::Range(_, hi) if score > hi => score - hi,
            Expected::Range(..) => 0.0,
            Expected::Score(s) => (score - s).abs(),
        }
    }

    /// Whether `score` agrees with the expectation.
    pub fn contains(self, score: f32) -> bool {
        match self {
            Expected::Range(lo, hi) => score >= lo && score <= hi,
            Expected::Score(s) => (score - s).abs() <= SCORE_TOLERANCE,
        }
    }
}

/// One answer with its expected score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkedAnswer {
    /// Question id (or prefix or slug).
    pub question: String,
    /// The answer.
    pub answer: String,
    /// What it should score.
    pub expected: Expected,
    /// Where it came from: `g06 examples[2] (partial)` or `cases.jsonl:14`.
    pub source: String,
    /// What kind of answer it is (`strong`, `wrong`, `denied` …), when known: the `kind` field of
    /// a cases line, or the word before the colon of an example's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// One graded marked answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseResult {
    /// Resolved question id.
    pub question: String,
    /// Where it came from.
    pub source: String,
    /// Its kind, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What it should score.
    pub expected: Expected,
    /// What it scored.
    pub score: f32,
    /// Its band.
    pub band: Band,
    /// The band of the expected value.
    pub expected_band: Band,
    /// Distance to the expectation.
    pub error: f32,
    /// Whether it agrees.
    pub within: bool,
    /// Concepts hit.
    pub hit: Vec<String>,
    /// Concepts missed (negated ones marked `id (negated)`).
    pub missed: Vec<String>,
    /// Misconceptions found.
    pub misconceptions: Vec<String>,
    /// Warning codes.
    pub warnings: Vec<String>,
}

/// Agreement figures over a set of cases.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Cases.
    pub n: usize,
    /// Share of cases within range (0–1).
    pub within: f64,
    /// Mean absolute error in points.
    pub mae: Option<f64>,
    /// Pearson correlation of scores with expected values.
    pub pearson: Option<f64>,
    /// Spearman correlation.
    pub spearman: Option<f64>,
    /// Pairwise order agreement within each question, over every pair with different expected
    /// values (the middles of their ranges).
    pub pair_agreement: Option<f64>,
    /// Ordered pairs considered for it.
    pub pairs: usize,
    /// Pairwise order agreement over the pairs the marker ranks apart: expected ranges that do
    /// not overlap (see [`ranked_pair_agreement`]).
    #[serde(default)]
    pub ranked_pair_agreement: Option<f64>,
    /// Pairs considered for it.
    #[serde(default)]
    pub ranked_pairs: usize,
}

/// The report of `rubric test`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TestReport {
    /// Overall figures.
    pub overall: Agreement,
    /// Per question id.
    pub per_question: BTreeMap<String, Agreement>,
    /// `confusion[expected][got]`, bands in order weak, partial, good, strong.
    pub confusion: [[usize; 4]; 4],
    /// Every case, in input order.
    pub cases: Vec<CaseResult>,
    /// Lines of a cases file that could not be used, with the reason.
    pub errors: Vec<String>,
    /// Figures per kind of answer (cases whose kind is known).
    #[serde(default)]
    pub by_kind: BTreeMap<String, KindSummary>,
    /// Adversarial answers (see [`is_adversarial`]) that scored over [`ADVERSARIAL_LIMIT`].
    #[serde(default)]
    pub adversarial_over_limit: usize,
}

/// No adversarial answer should score above this.
pub const ADVERSARIAL_LIMIT: f32 = 40.0;

/// Whether a kind of answer should never earn credit: wrong or denied claims, keyword lists,
/// off-topic text and answers to other questions.
pub fn is_adversarial(kind: &str) -> bool {
    matches!(
        kind,
        "wrong" | "denied" | "salad" | "off-topic" | "other-question" | "adversarial"
    )
}

/// Figures for one kind of answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KindSummary {
    /// Cases.
    pub n: usize,
    /// Mean score.
    pub mean: f64,
    /// Share within range (0–1).
    pub within: f64,
    /// Cases over [`ADVERSARIAL_LIMIT`].
    pub over_limit: usize,
}

impl TestReport {
    /// The worst disagreements, largest error first.
    pub fn worst(&self, n: usize) -> Vec<&CaseResult> {
        let mut v: Vec<&CaseResult> = self.cases.iter().filter(|c| !c.within).collect();
        v.sort_by(|a, b| b.error.total_cmp(&a.error));
        v.truncate(n);
        v
    }
}

/// Every marked example of every rubric of `bank`.
pub fn bank_examples(bank: &Bank) -> Vec<MarkedAnswer> {
    bank.entries()
        .iter()
        .flat_map(|e| {
            e.rubric
                .examples
                .iter()
                .enumerate()
                .map(move |(i, ex)| MarkedAnswer {
                    question: e.rubric.id.clone(),
                    answer: ex.answer.clone(),
                    expected: Expected::Range(ex.expected.0, ex.expected.1),
                    source: format!("{} examples[{i}] ({})", e.rubric.id, ex.label),
                    kind: ex
                        .label
                        .split(':')
                        .next()
                        .map(|k| k.trim().to_ascii_lowercase())
                        .filter(|k| !k.is_empty()),
                })
        })
        .collect()
}

/// Reads JSON Lines of `{"question", "answer", "expected": [lo, hi]}` or `{"question", "answer",
/// "score"}`; bad lines come back as errors naming their line, and do not stop the rest.
pub fn read_cases(reader: impl BufRead, name: &str) -> (Vec<MarkedAnswer>, Vec<String>) {
    #[derive(Deserialize)]
    struct Line {
        question: String,
        answer: String,
        expected: Option<(f32, f32)>,
        score: Option<f32>,
        #[serde(default)]
        kind: Option<String>,
    }
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                errors.push(format!("{name}:{n}: {e}"));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(&line) {
            Ok(Line {
                question,
                answer,
                expected: Some((lo, hi)),
                kind,
                ..
            }) => cases.push(MarkedAnswer {
                question,
                answer,
                expected: Expected::Range(lo, hi),
                source: format!("{name}:{n}"),
                kind,
            }),
            Ok(Line {
                question,
                answer,
                score: Some(s),
                kind,
                ..
            }) => cases.push(MarkedAnswer {
                question,
                answer,
                expected: Expected::Score(s),
                source: format!("{name}:{n}"),
                kind,
            }),
            Ok(_) => errors.push(format!("{name}:{n}: needs `expected: [lo, hi]` or `score`")),
            Err(e) => errors.push(format!("{name}:{n}: {e}")),
        }
    }
    (cases, errors)
}

/// Grades `cases` against `bank` and computes the report. Unknown questions become errors.
pub fn run(bank: &Bank, cases: &[MarkedAnswer]) -> TestReport {
    let mut report = TestReport::default();
    let mut graders = std::collections::HashMap::new();
    for case in cases {
        let entry = match bank.find(&case.question) {
            Ok(e) => e,
            Err(e) => {
                report.errors.push(format!("{}: {e}", case.source));
                continue;
            }
        };
        let grader = match graders.entry(entry.rubric.id.clone()) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => match Grader::for_entry(bank, entry) {
                Ok(g) => v.insert(g),
                Err(e) => {
                    report.errors.push(format!("{}: {e}", case.source));
                    continue;
                }
            },
        };
        let grade = match grader.grade(&case.answer) {
            Ok(g) => g,
            Err(e) => {
                report.errors.push(format!("{}: {e}", case.source));
                continue;
            }
        };
        let bands = entry.rubric.bands.unwrap_or_default();
        report.cases.push(CaseResult {
            question: entry.rubric.id.clone(),
            source: case.source.clone(),
            kind: case.kind.clone(),
            expected: case.expected,
            score: grade.score,
            band: grade.band,
            expected_band: Band::of(case.expected.value(), &bands),
            error: case.expected.error(grade.score),
            within: case.expected.contains(grade.score),
            hit: grade.covered().map(|c| c.id.clone()).collect(),
            missed: grade
                .missed()
                .map(|c| {
                    if c.negated {
                        format!("{} (negated)", c.id)
                    } else {
                        c.id.clone()
                    }
                })
                .collect(),
            misconceptions: grade.misconceptions.iter().map(|m| m.id.clone()).collect(),
            warnings: grade
                .warnings
                .iter()
                // The JSON name (`required_missing`), the same in every output.
                .filter_map(|w| serde_json::to_value(w.code).ok())
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        });
    }
    report.overall = agreement(&report.cases.iter().collect::<Vec<_>>());
    let mut by_q: BTreeMap<String, Vec<&CaseResult>> = BTreeMap::new();
    for c in &report.cases {
        by_q.entry(c.question.clone()).or_default().push(c);
        report.confusion[c.expected_band as usize][c.band as usize] += 1;
    }
    for (q, cs) in &by_q {
        report.per_question.insert(q.clone(), agreement(cs));
    }
    // Pairwise agreement is only meaningful within a question: pool the pairs of all questions.
    let questions: Vec<&Agreement> = report.per_question.values().collect();
    (report.overall.pair_agreement, report.overall.pairs) =
        pooled(&questions, |a| (a.pair_agreement, a.pairs));
    (
        report.overall.ranked_pair_agreement,
        report.overall.ranked_pairs,
    ) = pooled(&questions, |a| (a.ranked_pair_agreement, a.ranked_pairs));
    for c in &report.cases {
        let Some(kind) = &c.kind else { continue };
        let k = report.by_kind.entry(kind.clone()).or_default();
        k.n += 1;
        k.mean += c.score as f64;
        k.within += f64::from(u8::from(c.within));
        k.over_limit += usize::from(c.score > ADVERSARIAL_LIMIT);
        if is_adversarial(kind) && c.score > ADVERSARIAL_LIMIT {
            report.adversarial_over_limit += 1;
        }
    }
    for k in report.by_kind.values_mut() {
        k.mean /= k.n as f64;
        k.within /= k.n as f64;
    }
    report
}

/// A pairwise figure pooled over questions, each weighted by its pairs: (agreement, pairs).
fn pooled(
    questions: &[&Agreement],
    figure: impl Fn(&Agreement) -> (Option<f64>, usize),
) -> (Option<f64>, usize) {
    let (mut agree, mut pairs) = (0.0, 0usize);
    for (p, n) in questions.iter().map(|a| figure(a)) {
        if let Some(p) = p {
            agree += p * n as f64;
            pairs += n;
        }
    }
    ((pairs > 0).then(|| agree / pairs as f64), pairs)
}

fn agreement(cases: &[&CaseResult]) -> Agreement {
    let expected: Vec<f64> = cases.iter().map(|c| c.expected.value() as f64).collect();
    let got: Vec<f64> = cases.iter().map(|c| c.score as f64).collect();
    let errors: Vec<f64> = cases.iter().map(|c| c.error as f64).collect();
    let pair = pair_agreement(&expected, &got);
    let ranges: Vec<(f64, f64)> = cases
        .iter()
        .map(|c| {
            let (lo, hi) = c.expected.interval();
            (f64::from(lo), f64::from(hi))
        })
        .collect();
    let ranked = ranked_pair_agreement(&ranges, &got);
    Agreement {
        n: cases.len(),
        within: if cases.is_empty() {
            0.0
        } else {
            cases.iter().filter(|c| c.within).count() as f64 / cases.len() as f64
        },
        mae: mean_absolute_error(&errors),
        pearson: pearson(&expected, &got),
        spearman: spearman(&expected, &got),
        pair_agreement: pair.map(|p| p.0),
        pairs: pair.map_or(0, |p| p.1),
        ranked_pair_agreement: ranked.map(|p| p.0),
        ranked_pairs: ranked.map_or(0, |p| p.1),
    }
}

/// The report as text: overall figures, per-question lines, the band confusion table, and the
/// worst disagreements with their traces.
pub fn render_text(report: &TestReport, worst: usize) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let f = |x: Option<f64>| x.map_or("—".to_string(), |v| format!("{v:.3}"));
    let a = &report.overall;
    let _ = writeln!(
        out,
        "{} answer{}, {} question{}: within range {:.1}%, MAE {}, Pearson {}, Spearman {}, pair agreement {} ({} pairs; {} over the {} pairs with ranges apart)",
        a.n,
        if a.n == 1 { "" } else { "s" },
        report.per_question.len(),
        if report.per_question.len() == 1 { "" } else { "s" },
        a.within * 100.0,
        a.mae.map_or("—".into(), |m| format!("{m:.1}")),
        f(a.pearson),
        f(a.spearman),
        f(a.pair_agreement),
        a.pairs,
        f(a.ranked_pair_agreement),
        a.ranked_pairs
    );
    let _ = writeln!(out, "\nper question (within, MAE, pair agreement):");
    for (q, a) in &report.per_question {
        let _ = writeln!(
            out,
            "  {q:<6} {:>3}/{:<3} {:>5.1}%  MAE {:>5}  pairs {}",
            (a.within * a.n as f64).round(),
            a.n,
            a.within * 100.0,
            a.mae.map_or("—".into(), |m| format!("{m:.1}")),
            f(a.pair_agreement)
        );
    }
    if !report.by_kind.is_empty() {
        let _ = writeln!(
            out,
            "\nper kind (n, mean score, within range, over {ADVERSARIAL_LIMIT}); adversarial over {ADVERSARIAL_LIMIT}: {}",
            report.adversarial_over_limit
        );
        for (kind, k) in &report.by_kind {
            let _ = writeln!(
                out,
                "  {kind:<15} {:>4}  mean {:>5.1}  within {:>5.1}%  over {}",
                k.n,
                k.mean,
                k.within * 100.0,
                k.over_limit
            );
        }
    }
    let names = ["weak", "partial", "good", "strong"];
    let _ = writeln!(out, "\nband confusion (rows expected, columns graded):");
    let _ = writeln!(
        out,
        "  {:<8} {:>7} {:>7} {:>7} {:>7}",
        "", names[0], names[1], names[2], names[3]
    );
    for (i, row) in report.confusion.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:<8} {:>7} {:>7} {:>7} {:>7}",
            names[i], row[0], row[1], row[2], row[3]
        );
    }
    let worst = report.worst(worst);
    if !worst.is_empty() {
        let _ = writeln!(out, "\nworst disagreements:");
        for c in worst {
            let exp = match c.expected {
                Expected::Range(lo, hi) => format!("{lo}..={hi}"),
                Expected::Score(s) => format!("{s}"),
            };
            let _ = writeln!(
                out,
                "  {}: scored {} ({}), expected {exp}",
                c.source, c.score, c.band
            );
            let _ = writeln!(out, "      hit: {}", c.hit.join(", "));
            let _ = writeln!(out, "      missed: {}", c.missed.join(", "));
            if !c.misconceptions.is_empty() {
                let _ = writeln!(out, "      misconceptions: {}", c.misconceptions.join(", "));
            }
            if !c.warnings.is_empty() {
                let _ = writeln!(out, "      warnings: {}", c.warnings.join(", "));
            }
        }
    }
    for e in &report.errors {
        let _ = writeln!(out, "error: {e}");
    }
    out
}

/// Reads a cases file (or every `.jsonl` file of a folder and its subfolders) from disk.
///
/// # Errors
/// [`Error::Io`] when it cannot be opened.
pub fn read_cases_file(path: &std::path::Path) -> Result<(Vec<MarkedAnswer>, Vec<String>), Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    if path.is_dir() {
        // A folder of `.jsonl` files and folders of them (one per set), read in name order.
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "jsonl") && p.is_file())
            .collect();
        files.sort();
        let (mut cases, mut errors) = (Vec::new(), Vec::new());
        for f in files {
            let (c, e) = read_cases_file(&f)?;
            cases.extend(c);
            errors.extend(e);
        }
        return Ok((cases, errors));
    }
    let f = std::fs::File::open(path).map_err(io)?;
    Ok(read_cases(
        std::io::BufReader::new(f),
        &path.display().to_string(),
    ))
}
