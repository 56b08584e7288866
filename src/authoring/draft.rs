//! Drafting a rubric from a model answer, with no machine learning.
//!
//! Candidate concepts are key phrases of the model answer: runs of content words between function
//! words and punctuation (RAKE), scored by each word's degree ÷ frequency in the answer times its
//! inverse document frequency against a background corpus (the bank's questions, model answers and
//! concept labels), with technical identifiers (`preStop`, `OOMKilled`, `--grace-period`, numbers)
//! ranked higher. Each phrase becomes a concept that matches the phrase itself (spelling,
//! inflection and identifier variants come from the analyser) or its two most telling words in one
//! sentence, plus glossary synonyms; weights follow salience. The draft is lint-clean and its model
//! answer scores in the top band, ready for an author to edit.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::stats::{pair_agreement, spearman};
use crate::analysis::{Analysis, Analyzer, TokenKind};
use crate::grader::Grader;
use crate::rubric::{
    Bank, Concept, Glossary, Level, MarkedExample, Matcher, Polarity, Rubric, Window,
};

/// Words that split candidate phrases besides function words: generic verbs, adjectives and
/// fillers that carry no concept on their own.
const SPLITTERS: &[&str] = &[
    "use",
    "uses",
    "used",
    "using",
    "make",
    "makes",
    "made",
    "making",
    "get",
    "gets",
    "got",
    "need",
    "needs",
    "needed",
    "want",
    "wants",
    "way",
    "ways",
    "thing",
    "things",
    "lot",
    "lots",
    "good",
    "bad",
    "new",
    "simple",
    "different",
    "important",
    "example",
    "also",
    "just",
    "like",
    "can",
    "will",
    "may",
    "might",
    "one",
    "two",
    "first",
    "second",
    "then",
    "each",
    "every",
    "many",
    "much",
    "more",
    "most",
    "less",
    "some",
    "any",
    "all",
    "same",
    "other",
    "another",
    "which",
    "what",
    "when",
    "where",
    "there",
    "here",
    "e",
    "g",
    "etc",
    "ie",
    "eg",
    "able",
    "allow",
    "allows",
    "let",
    "lets",
    "help",
    "helps",
    "keep",
    "keeps",
    "take",
    "takes",
    "give",
    "gives",
    "called",
    "known",
    "usually",
    "typically",
    "often",
    "always",
    "never",
    "really",
    "well",
    "instead",
    "rather",
    "otherwise",
    "however",
    "therefore",
    "thus",
    "because",
    "since",
    "whether",
    "yes",
    "no",
    "not",
    "only",
    "even",
    "still",
    "already",
    "yet",
    "now",
    "once",
    "ensure",
    "ensures",
    "provide",
    "provides",
    "happen",
    "happens",
    "mean",
    "means",
    "show",
    "shows",
    "see",
    "look",
    "looks",
    "check",
    "find",
    "finds",
    "found",
    "do",
    "does",
    "based",
];

/// Options for [`draft`].
#[derive(Clone, Debug)]
pub struct DraftOptions {
    /// Rubric id.
    pub id: String,
    /// Title (default: the question's first words).
    pub title: Option<String>,
    /// Category.
    pub category: String,
    /// Level.
    pub level: Level,
    /// Most concepts to draft.
    pub max_concepts: usize,
}

impl Default for DraftOptions {
    fn default() -> Self {
        DraftOptions {
            id: "draft".into(),
            title: None,
            category: "draft".into(),
            level: Level::Mid,
            max_concepts: 8,
        }
    }
}

/// Document frequencies of stems over a background corpus.
#[derive(Clone, Debug, Default)]
pub struct Background {
    df: FxHashMap<String, u32>,
    docs: u32,
}

impl Background {
    /// A background of the given documents.
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a str>) -> Background {
        let analyzer = Analyzer::new();
        let mut bg = Background::default();
        for d in docs {
            bg.add(&analyzer, d);
        }
        bg
    }

    /// The background of a bank: one document per rubric (question, model answer, concept labels).
    pub fn of_bank(bank: &Bank) -> Background {
        let analyzer = Analyzer::new();
        let mut bg = Background::default();
        for r in bank.rubrics() {
            bg.add(&analyzer, &document_of(r));
        }
        bg
    }

    fn stems(analyzer: &Analyzer, text: &str) -> BTreeSet<String> {
        let a = analyzer.analyze(text);
        a.tokens().iter().map(|t| a.stem(t).to_string()).collect()
    }

    fn add(&mut self, analyzer: &Analyzer, text: &str) {
        self.docs += 1;
        for s in Background::stems(analyzer, text) {
            *self.df.entry(s).or_default() += 1;
        }
    }

    fn remove(&mut self, analyzer: &Analyzer, text: &str) {
        self.docs = self.docs.saturating_sub(1);
        for s in Background::stems(analyzer, text) {
            if let Some(n) = self.df.get_mut(&s) {
                *n = n.saturating_sub(1);
            }
        }
    }

    fn idf(&self, stem: &str) -> f32 {
        let df = self.df.get(stem).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }
}

fn document_of(r: &Rubric) -> String {
    let labels: Vec<&str> = r.concepts.iter().map(|c| c.label.as_str()).collect();
    format!("{}\n{}\n{}", r.question, r.model_answer, labels.join("\n"))
}

/// A candidate key phrase: token positions `first..=last` of the model answer.
#[derive(Clone, Debug)]
struct Candidate {
    first: usize,
    last: usize,
    score: f32,
    stems: Vec<String>,
}

/// Drafts a rubric for `question` from `model_answer` alone.
pub fn draft(
    question: &str,
    model_answer: &str,
    background: &Background,
    glossary: &Glossary,
    options: &DraftOptions,
) -> Rubric {
    let analyzer = Analyzer::new();
    let a = analyzer.analyze(model_answer);
    // Words of the question are given to every candidate; they show nothing on their own.
    let q = analyzer.analyze(question);
    let question_stems: BTreeSet<String> =
        q.tokens().iter().map(|t| q.stem(t).to_string()).collect();
    let mut candidates = candidates(&a, model_answer, background);
    candidates.sort_by(|x, y| y.score.total_cmp(&x.score));
    let content_words = a
        .tokens()
        .iter()
        .filter(|t| !t.function_word && t.kind == TokenKind::Word)
        .count();
    // Short reference answers are dense: every content word carries a point, so a short one keeps
    // every candidate and weighs them evenly (RAKE favours long phrases, which in one sentence is
    // an artefact of wording, not of importance).
    let short = content_words <= 12;
    let k = if short {
        options.max_concepts.max(1)
    } else {
        (content_words / 2).clamp(3, options.max_concepts.max(1))
    };
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in candidates {
        // Skip a phrase whose words are all inside one already chosen.
        if chosen
            .iter()
            .any(|o| c.stems.iter().all(|s| o.stems.contains(s)))
        {
            continue;
        }
        chosen.push(c);
        if chosen.len() == k {
            break;
        }
    }
    let top = chosen.first().map_or(1.0, |c| c.score);
    let bottom = chosen.last().map_or(0.0, |c| c.score);
    let glossary_keys = glossary_keys(&analyzer, glossary);
    let mut concepts = Vec::new();
    let mut used_ids = BTreeSet::new();
    for c in &chosen {
        let surface =
            model_answer[a.tokens()[c.first].span.start..a.tokens()[c.last].span.end].to_string();
        let mut id = slug(&surface);
        while !used_ids.insert(id.clone()) {
            id.push('x');
        }
        let weight = if short {
            1.0
        } else if top > bottom {
            1.0 + 2.0 * (c.score - bottom) / (top - bottom)
        } else {
            2.0
        };
        let weight = (weight * 2.0).round() / 2.0;
        let mut phrasings = vec![surface.clone()];
        let key = c.stems.join(" ");
        if let Some(name) = glossary_keys.get(&key) {
            phrasings.push(format!("@{name}"));
        }
        let mut alternatives = vec![Matcher::Any(phrasings)];
        // Paraphrases keep the telling words but not their order: the two rarest words that the
        // question does not already give, in one sentence; a single such word if it is specific.
        let words: Vec<usize> = (c.first..=c.last)
            .filter(|&i| a.tokens()[i].kind == TokenKind::Word)
            .collect();
        let mut telling: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&i| !question_stems.contains(a.stem(&a.tokens()[i])))
            .collect();
        if telling.is_empty() {
            telling = words.clone();
        }
        telling.sort_by(|&x, &y| {
            background
                .idf(a.stem(&a.tokens()[y]))
                .total_cmp(&background.idf(a.stem(&a.tokens()[x])))
        });
        let mut picked: Vec<usize> = Vec::new();
        for i in telling {
            if !picked
                .iter()
                .any(|&p| a.stem(&a.tokens()[p]) == a.stem(&a.tokens()[i]))
            {
                picked.push(i);
            }
            if picked.len() == 2 {
                break;
            }
        }
        picked.sort();
        let word_text =
            |i: usize| model_answer[a.tokens()[i].span.start..a.tokens()[i].span.end].to_string();
        if picked.len() == 2 {
            alternatives.push(Matcher::AllOf {
                of: picked
                    .iter()
                    .map(|&i| Matcher::Term(word_text(i)))
                    .collect(),
                within: Window::Sentence,
            });
        } else if picked.len() == 1 && words.len() > 1 && a.norm(&a.tokens()[picked[0]]).len() >= 5
        {
            alternatives.push(Matcher::Term(word_text(picked[0])));
        }
        let sentence = sentence_of(&a, model_answer, c.first);
        concepts.push(Concept {
            id,
            label: surface.clone(),
            weight,
            required: false,
            polarity: Polarity::Positive,
            matcher: if alternatives.len() == 1 {
                alternatives.remove(0)
            } else {
                Matcher::AnyOf(alternatives)
            },
            hint: format!("Cover \"{surface}\": the model answer says \"{sentence}\""),
            feedback: format!("You covered {surface}."),
            follow_up: Some(format!("Can you say more about {surface}?")),
            study: None,
        });
    }
    let title = options.title.clone().unwrap_or_else(|| {
        question
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ")
    });
    let mut rubric = Rubric {
        id: options.id.clone(),
        title,
        category: options.category.clone(),
        level: options.level,
        question: question.to_string(),
        tags: vec!["draft".into()],
        model_answer: model_answer.to_string(),
        concepts,
        groups: Vec::new(),
        misconceptions: Vec::new(),
        bands: None,
        examples: vec![MarkedExample {
            label: "strong: the model answer".into(),
            answer: model_answer.to_string(),
            expected: (80.0, 100.0),
        }],
    };
    // A bare list of the concept labels is the adversarial example every rubric needs; keep it
    // only if the draft already grades it low, so the draft stays lint-clean.
    let list = rubric
        .concepts
        .iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if let Ok(grader) = Grader::builder().glossary(glossary).build(&rubric) {
        if grader.grade(&list).is_ok_and(|g| g.score <= 50.0) {
            rubric.examples.push(MarkedExample {
                label: "adversarial: bare keyword list".into(),
                answer: list,
                expected: (0.0, 50.0),
            });
        }
    }
    rubric
}

fn candidates(a: &Analysis, text: &str, background: &Background) -> Vec<Candidate> {
    let tokens = a.tokens();
    let is_split = |i: usize| {
        let t = &tokens[i];
        t.function_word
            || SPLITTERS.contains(&a.lower(i))
            || (t.kind == TokenKind::Word && a.norm(t).len() < 2)
    };
    // Runs of content tokens within one clause, at most 4 words.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=tokens.len() {
        let breaks = i == tokens.len()
            || is_split(i)
            || start.is_some_and(|s| {
                tokens[i].clause != tokens[s].clause || tokens[i].word - tokens[s].word >= 4
            });
        if breaks {
            if let Some(s) = start.take() {
                runs.push((s, i - 1));
            }
            if i < tokens.len() && !is_split(i) {
                start = Some(i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    // RAKE word scores: degree ÷ frequency, times IDF.
    let mut freq: FxHashMap<&str, f32> = FxHashMap::default();
    let mut degree: FxHashMap<&str, f32> = FxHashMap::default();
    for &(s, e) in &runs {
        let len = (tokens[e].word - tokens[s].word + 1) as f32;
        for t in &tokens[s..=e] {
            *freq.entry(a.stem(t)).or_default() += 1.0;
            *degree.entry(a.stem(t)).or_default() += len;
        }
    }
    let technical = |i: usize| {
        let t = &tokens[i];
        let surface = &text[t.span.start..t.span.end];
        let glued = (i > 0 && tokens[i - 1].span.end == t.span.start)
            || tokens
                .get(i + 1)
                .is_some_and(|n| n.span.start == t.span.end);
        t.kind != TokenKind::Word
            || glued
            || (surface.len() >= 2 && surface.chars().all(|c| c.is_ascii_uppercase()))
    };
    let mut out: Vec<Candidate> = Vec::new();
    for (s, e) in runs {
        // Runs must hold a word (a bare number is not a concept).
        if !tokens[s..=e].iter().any(|t| t.kind == TokenKind::Word) {
            continue;
        }
        let mut score = 0.0;
        for (i, t) in tokens.iter().enumerate().take(e + 1).skip(s) {
            let st = a.stem(t);
            let rake = degree[st] / freq[st];
            let boost = if technical(i) { 1.5 } else { 1.0 };
            score += rake * background.idf(st) * boost;
        }
        let n = (e - s + 1) as f32;
        let score = score / n.sqrt();
        let stems: Vec<String> = tokens[s..=e]
            .iter()
            .map(|t| a.stem(t).to_string())
            .collect();
        // The same phrase twice: keep one, and count it as more salient.
        if let Some(o) = out.iter_mut().find(|o| o.stems == stems) {
            o.score += score * 0.5;
            continue;
        }
        out.push(Candidate {
            first: s,
            last: e,
            score,
            stems,
        });
    }
    out
}

fn glossary_keys(analyzer: &Analyzer, glossary: &Glossary) -> FxHashMap<String, String> {
    let mut keys = FxHashMap::default();
    for (name, items) in &glossary.entries {
        for item in items
            .iter()
            .filter(|i| !i.starts_with('/') && !i.starts_with('@'))
        {
            let a = analyzer.analyze(item);
            let key: Vec<&str> = a.tokens().iter().map(|t| a.stem(t)).collect();
            keys.entry(key.join(" ")).or_insert_with(|| name.clone());
        }
    }
    keys
}

fn sentence_of(a: &Analysis, text: &str, token: usize) -> String {
    let tokens = a.tokens();
    let s = tokens[token].sentence;
    let first = tokens.iter().position(|t| t.sentence == s).unwrap_or(token);
    let last = tokens
        .iter()
        .rposition(|t| t.sentence == s)
        .unwrap_or(token);
    let sentence = text[tokens[first].span.start..tokens[last].span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if sentence.chars().count() > 160 {
        format!("{}…", sentence.chars().take(160).collect::<String>())
    } else {
        sentence
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(40).collect();
    if out.is_empty() {
        "concept".into()
    } else {
        out.trim_end_matches('-').to_string()
    }
}

/// The rubric as RON text, ready to save as `<id>-<slug>.ron`.
pub fn to_ron(rubric: &Rubric) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string());
    // Plain data with string keys always serialises.
    let body = ron::ser::to_string_pretty(rubric, config).unwrap_or_default();
    format!("// Drafted by `rubric draft` from a model answer; edit the phrasings, weights and hints,\n// mark `required` concepts, add misconceptions and marked examples, then run `rubric lint`.\n{body}\n")
}

/// How well drafts built from model answers alone order marked examples like the hand-written
/// rubrics do.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DraftEvaluation {
    /// Rubrics drafted.
    pub rubrics: usize,
    /// Pairs of marked examples the hand-written rubric scores differently.
    pub pairs: usize,
    /// Share of those pairs the draft orders the same way (ties count ½).
    pub pair_agreement: f64,
    /// Mean Spearman correlation of draft and hand-written scores per rubric.
    pub mean_spearman: f64,
    /// Share of drafts whose model answer lands in the top band (it should be all).
    pub model_answer_top_band: f64,
    /// Per rubric: id, pair agreement, pairs.
    pub per_rubric: Vec<(String, f64, usize)>,
}

/// Drafts every rubric of `bank` from its question and model answer (background: the rest of
/// the bank) and compares how the draft and the hand-written rubric order its marked examples.
pub fn evaluate(bank: &Bank) -> DraftEvaluation {
    let analyzer = Analyzer::new();
    let full = Background::of_bank(bank);
    let mut eval = DraftEvaluation::default();
    let (mut agree_sum, mut rho_sum, mut rho_n, mut top) = (0.0, 0.0, 0usize, 0usize);
    for e in bank.entries() {
        let r = &e.rubric;
        let mut background = full.clone();
        background.remove(&analyzer, &document_of(r));
        let options = DraftOptions {
            id: r.id.clone(),
            category: r.category.clone(),
            level: r.level,
            ..DraftOptions::default()
        };
        let drafted = draft(
            &r.question,
            &r.model_answer,
            &background,
            bank.glossary(),
            &options,
        );
        let (Ok(hand), Ok(drafted)) = (
            Grader::for_entry(bank, e),
            Grader::builder().glossary(bank.glossary()).build(&drafted),
        ) else {
            continue;
        };
        eval.rubrics += 1;
        if drafted
            .grade(&r.model_answer)
            .is_ok_and(|g| g.band == crate::Band::Strong)
        {
            top += 1;
        }
        let score = |g: &Grader, text: &str| g.grade(text).map_or(0.0, |g| g.score as f64);
        let hand_scores: Vec<f64> = r.examples.iter().map(|x| score(&hand, &x.answer)).collect();
        let draft_scores: Vec<f64> = r
            .examples
            .iter()
            .map(|x| score(&drafted, &x.answer))
            .collect();
        if let Some((agree, pairs)) = pair_agreement(&hand_scores, &draft_scores) {
            agree_sum += agree * pairs as f64;
            eval.pairs += pairs;
            eval.per_rubric.push((r.id.clone(), agree, pairs));
        }
        if let Some(rho) = spearman(&hand_scores, &draft_scores) {
            rho_sum += rho;
            rho_n += 1;
        }
    }
    eval.pair_agreement = if eval.pairs > 0 {
        agree_sum / eval.pairs as f64
    } else {
        0.0
    };
    eval.mean_spearman = if rho_n > 0 {
        rho_sum / rho_n as f64
    } else {
        0.0
    };
    eval.model_answer_top_band = if eval.rubrics > 0 {
        top as f64 / eval.rubrics as f64
    } else {
        0.0
    };
    eval
}
