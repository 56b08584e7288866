//! What to study next: the weakest concepts with their hints, study pointers and the bank
//! questions that train them, then the skipped questions.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::aggregate::is_open_miss;
use crate::interview::transcript::{ConceptMark, Outcome, Turn};
use crate::rubric::Bank;

/// How many study items at most.
const STUDY_ITEMS: usize = 8;
/// How many practice questions per study item at most.
const PRACTICE_IDS: usize = 3;

/// Something to study next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudyItem {
    /// The question where it was missed.
    pub question_id: String,
    /// The concept (empty for a skipped question).
    pub concept_id: String,
    /// What it is.
    pub label: String,
    /// The rubric's hint.
    pub hint: String,
    /// What to read, if the rubric says.
    pub study: Option<String>,
    /// Ids of bank questions that train it.
    pub practice: Vec<String>,
}

/// The study list of a session: open misses by importance (required first, then by share), then
/// skipped questions; at most [`STUDY_ITEMS`].
pub(super) fn study_list(bank: &Bank, turns: &[Turn]) -> Vec<StudyItem> {
    // Questions answered in this session are not suggested again; skipped ones may be.
    let asked: Vec<&str> = turns
        .iter()
        .filter(|t| t.outcome == Outcome::Answered)
        .map(|t| t.question.id.as_str())
        .collect();
    let mut misses: Vec<(usize, &ConceptMark)> = Vec::new();
    for (ti, t) in turns.iter().enumerate() {
        if let Some(g) = &t.grade {
            for m in &g.concepts {
                if is_open_miss(g, m) {
                    misses.push((ti, m));
                }
            }
        }
    }
    misses.sort_by(|a, b| {
        b.1.required
            .cmp(&a.1.required)
            .then(b.1.share.total_cmp(&a.1.share))
            .then(a.0.cmp(&b.0))
    });
    let mut trainers = Trainers {
        bank,
        asked: &asked,
        cache: HashMap::new(),
    };
    let mut items: Vec<StudyItem> = misses
        .into_iter()
        .take(STUDY_ITEMS)
        .map(|(ti, m)| {
            let qid = &turns[ti].question.id;
            StudyItem {
                question_id: qid.clone(),
                concept_id: m.id.clone(),
                label: m.label.clone(),
                hint: m.hint.clone().unwrap_or_default(),
                study: m.study.clone(),
                practice: trainers.of(qid, &m.id),
            }
        })
        .collect();
    for t in turns.iter().filter(|t| t.outcome == Outcome::Skipped) {
        if items.len() >= STUDY_ITEMS {
            break;
        }
        items.push(StudyItem {
            question_id: t.question.id.clone(),
            concept_id: String::new(),
            label: t.question.title.clone(),
            hint: "skipped: read its model answer, then answer it again".into(),
            study: None,
            practice: vec![t.question.id.clone()],
        });
    }
    items
}

/// Finds bank questions that train a concept: those whose model answer the concept's own matcher
/// finds it in. One grader per source question, and each model answer graded once per source.
struct Trainers<'a> {
    bank: &'a Bank,
    asked: &'a [&'a str],
    /// Per source question: for each other entry (by index), which concepts its model answer hits.
    cache: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Trainers<'_> {
    fn of(&mut self, question: &str, concept: &str) -> Vec<String> {
        let bank = self.bank;
        let asked = self.asked;
        let Some(source) = bank.entries().iter().find(|e| e.rubric.id == question) else {
            return Vec::new();
        };
        let hits = self.cache.entry(question.to_string()).or_insert_with(|| {
            let Ok(grader) = crate::Grader::for_entry(bank, source) else {
                return Vec::new();
            };
            bank.entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.rubric.id != question && !asked.contains(&e.rubric.id.as_str()))
                .filter_map(|(i, e)| {
                    let grade = grader.grade(&e.rubric.model_answer).ok()?;
                    let hit: Vec<String> = grade.covered().map(|c| c.id.clone()).collect();
                    (!hit.is_empty()).then_some((i, hit))
                })
                .collect()
        });
        let shared_tags = |i: usize| {
            bank.entries()[i]
                .rubric
                .tags
                .iter()
                .filter(|t| source.rubric.tags.contains(t))
                .count()
        };
        let mut found: Vec<(usize, usize)> = hits
            .iter()
            .filter(|(_, ids)| ids.iter().any(|id| id == concept))
            .map(|(i, _)| (*i, shared_tags(*i)))
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
            .into_iter()
            .take(PRACTICE_IDS)
            .map(|(i, _)| bank.entries()[i].rubric.id.clone())
            .collect()
    }
}
