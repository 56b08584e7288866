//! Evaluating drafted rubrics on a human-graded data set: one rubric drafted per question from
//! its reference answers alone, every answer graded, and the scores correlated with the human
//! ones — beside the plain baseline of content-word recall computed the same way.
//!
//! The input is JSON Lines, one answer a line:
//! `{"question", "reference_answers": [..] | "reference_answer", "answer", "score"}` with
//! optional `"dataset"`, `"split"` and `"question_id"`. Nothing about the answers or their scores
//! reaches the drafter: the background corpus for word rarity is the questions and references.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::draft::{draft_from_references, Background, DraftOptions};
use super::stats::{pearson, spearman};
use crate::analysis::Analyzer;
use crate::grader::Grader;
use crate::matching::is_content;
use crate::rubric::Glossary;

/// One graded answer of a data set.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DatasetRecord {
    /// The data set it belongs to (optional).
    #[serde(default)]
    pub dataset: Option<String>,
    /// Its split (optional): train, test …
    #[serde(default)]
    pub split: Option<String>,
    /// The question's id (optional; the question text groups answers without it).
    #[serde(default)]
    pub question_id: Option<String>,
    /// The question.
    pub question: String,
    /// Reference answers.
    #[serde(default)]
    pub reference_answers: Vec<String>,
    /// A single reference answer, the alternative to `reference_answers`.
    #[serde(default)]
    pub reference_answer: Option<String>,
    /// The student's answer.
    pub answer: String,
    /// The human score, on any scale.
    pub score: f64,
}

impl DatasetRecord {
    fn references(&self) -> Vec<&str> {
        let mut refs: Vec<&str> = self.reference_answers.iter().map(String::as_str).collect();
        if let Some(r) = &self.reference_answer {
            refs.push(r);
        }
        refs
    }

    /// What groups answers into one question: its data set and its id (or its text).
    pub fn key(&self) -> (String, String) {
        (
            self.dataset.clone().unwrap_or_default(),
            self.question_id
                .clone()
                .unwrap_or_else(|| self.question.clone()),
        )
    }

    /// `dataset/split`, or whichever of them is present, or `all`.
    pub fn group(&self) -> String {
        match (&self.dataset, &self.split) {
            (Some(d), Some(s)) => format!("{d}/{s}"),
            (Some(x), None) | (None, Some(x)) => x.clone(),
            (None, None) => "all".into(),
        }
    }
}

/// Reads JSON Lines records; blank lines are skipped.
///
/// # Errors
/// A line that is not a record, with its 1-based number.
pub fn read_dataset(text: &str) -> Result<Vec<DatasetRecord>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: DatasetRecord =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        if r.references().iter().all(|s| s.trim().is_empty()) {
            return Err(format!("line {}: no reference answer", i + 1));
        }
        out.push(r);
    }
    Ok(out)
}

/// Agreement with the human scores on one split.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SplitEvaluation {
    /// `dataset/split`.
    pub split: String,
    /// Answers.
    pub answers: usize,
    /// Questions.
    pub questions: usize,
    /// Pearson r of drafted-rubric scores with the human scores.
    pub pearson: f64,
    /// Spearman ρ of the same.
    pub spearman: f64,
    /// Pearson r of the content-word-recall baseline.
    pub baseline_pearson: f64,
    /// Spearman ρ of the baseline.
    pub baseline_spearman: f64,
}

/// What [`evaluate_dataset`] measured.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DatasetEvaluation {
    /// Questions drafted.
    pub questions: usize,
    /// Questions whose draft did not put its model answer in the top band (should be none).
    pub failed_drafts: Vec<String>,
    /// Mean time to draft one rubric, in milliseconds.
    pub draft_ms_mean: f64,
    /// Slowest draft, in milliseconds.
    pub draft_ms_max: f64,
    /// Per split, in name order, then `all`.
    pub splits: Vec<SplitEvaluation>,
    /// Every answer's scores, in input order (not part of the JSON report; `rubric draft
    /// --evaluate --scores FILE` writes them as JSON Lines).
    #[serde(skip)]
    pub scores: Vec<AnswerScores>,
}

/// One answer's human score beside its drafted-rubric score and its recall baseline.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AnswerScores {
    /// `dataset/split` (see [`DatasetRecord::group`]).
    pub split: String,
    /// The question's id, or its text without one.
    pub question: String,
    /// The human score.
    pub human: f64,
    /// The drafted rubric's score, 0–100.
    pub drafted: f64,
    /// Content-word recall of the best reference, 0–1.
    pub baseline: f64,
}

/// Content-word recall of the best reference: the share of a reference's distinct stemmed
/// content words that the answer uses, the best over references. No rubric, no synonyms, no
/// stance: the baseline drafted rubrics must beat.
pub fn recall_baseline(analyzer: &Analyzer, references: &[&str], answer: &str) -> f64 {
    let a = analyzer.analyze(answer);
    let words: FxHashSet<&str> = a
        .tokens()
        .iter()
        .filter(|t| is_content(&a, t))
        .map(|t| a.stem(t))
        .collect();
    references
        .iter()
        .map(|r| {
            let x = analyzer.analyze(r);
            let stems: FxHashSet<&str> = x
                .tokens()
                .iter()
                .filter(|t| is_content(&x, t))
                .map(|t| x.stem(t))
                .collect();
            if stems.is_empty() {
                0.0
            } else {
                stems.iter().filter(|s| words.contains(*s)).count() as f64 / stems.len() as f64
            }
        })
        .fold(0.0, f64::max)
}

/// Drafts one rubric per question of `records` and correlates its scores with the human ones,
/// per split and overall. `progress(done, total)` is called after each question.
pub fn evaluate_dataset(
    records: &[DatasetRecord],
    glossary: &Glossary,
    progress: &mut dyn FnMut(usize, usize),
) -> DatasetEvaluation {
    let analyzer = Analyzer::new();
    let mut by_question: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        by_question.entry(r.key()).or_default().push(i);
    }
    // Word rarity from the questions and references only.
    let docs: Vec<String> = by_question
        .values()
        .map(|ix| {
            let r = &records[ix[0]];
            format!("{}\n{}", r.question, r.references().join("\n"))
        })
        .collect();
    let background = Background::from_documents(docs.iter().map(String::as_str));
    let mut drafted = vec![0.0f64; records.len()];
    let mut baseline = vec![0.0f64; records.len()];
    let mut eval = DatasetEvaluation::default();
    let total = by_question.len();
    let mut times = Vec::new();
    for (n, ((_, qid), ix)) in by_question.iter().enumerate() {
        let first = &records[ix[0]];
        let refs = first.references();
        let options = DraftOptions {
            id: "draft".into(),
            ..DraftOptions::default()
        };
        let started = std::time::Instant::now();
        let rubric = draft_from_references(&first.question, &refs, &background, glossary, &options);
        let grader = Grader::builder().glossary(glossary).build(&rubric);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        eval.questions += 1;
        match &grader {
            Ok(g)
                if g.grade(&rubric.model_answer)
                    .is_ok_and(|x| x.band == crate::Band::Strong) => {}
            _ => eval.failed_drafts.push(qid.clone()),
        }
        for &i in ix {
            let r = &records[i];
            drafted[i] = grader
                .as_ref()
                .ok()
                .and_then(|g| g.grade(&r.answer).ok())
                .map_or(0.0, |g| g.score as f64);
            baseline[i] = recall_baseline(&analyzer, &refs, &r.answer);
        }
        progress(n + 1, total);
    }
    if !times.is_empty() {
        eval.draft_ms_mean = times.iter().sum::<f64>() / times.len() as f64;
        eval.draft_ms_max = times.iter().copied().fold(0.0, f64::max);
    }
    eval.scores = records
        .iter()
        .enumerate()
        .map(|(i, r)| AnswerScores {
            split: r.group(),
            question: r.key().1,
            human: r.score,
            drafted: drafted[i],
            baseline: baseline[i],
        })
        .collect();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        groups.entry(r.group()).or_default().push(i);
    }
    if groups.len() > 1 || !groups.contains_key("all") {
        groups.insert("all".into(), (0..records.len()).collect());
    }
    for (name, ix) in groups {
        let human: Vec<f64> = ix.iter().map(|&i| records[i].score).collect();
        let d: Vec<f64> = ix.iter().map(|&i| drafted[i]).collect();
        let b: Vec<f64> = ix.iter().map(|&i| baseline[i]).collect();
        let questions: FxHashSet<(String, String)> = ix.iter().map(|&i| records[i].key()).collect();
        eval.splits.push(SplitEvaluation {
            split: name,
            answers: ix.len(),
            questions: questions.len(),
            pearson: pearson(&d, &human).unwrap_or(0.0),
            spearman: spearman(&d, &human).unwrap_or(0.0),
            baseline_pearson: pearson(&b, &human).unwrap_or(0.0),
            baseline_spearman: spearman(&b, &human).unwrap_or(0.0),
        });
    }
    eval
}
