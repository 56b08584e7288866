//! Lint: every check an author needs before a rubric ships.
//!
//! Parse errors with file:line:column; duplicate ids; empty or duplicate synonyms; a synonym
//! claimed by two concepts; invalid regexes; weights ≤ 0; k > n; unknown glossary names; the
//! model answer in the top band; every marked example in its range.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::Analyzer;
use crate::error::{Error, LoadError, LoadErrorKind, Location};
use crate::grader::Grader;
use crate::rubric::{Bank, Matcher, Rubric};
use crate::scoring::Band;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; does not fail lint.
    Warning,
    /// Fails lint.
    Error,
}

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// How bad.
    pub severity: Severity,
    /// The file.
    pub path: String,
    /// Line and column where known.
    pub location: Option<Location>,
    /// Field path where no location is known.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(l) = self.location {
            write!(f, ":{}:{}", l.line, l.column)?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {sev}")?;
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl From<LoadError> for Diagnostic {
    fn from(e: LoadError) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: e.path,
            location: e.location,
            field: e.field,
            message: e.message,
        }
    }
}

/// Lints a bank plus the load errors found while scanning it.
pub fn lint(bank: &Bank, load_errors: Vec<LoadError>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = load_errors.into_iter().map(Diagnostic::from).collect();
    let analyzer = Analyzer::new();
    // Glossary: empty entries and phrasings.
    for (name, items) in &bank.glossary().entries {
        if items.is_empty() || items.iter().any(|s| s.trim().is_empty()) {
            out.push(Diagnostic {
                severity: Severity::Error,
                path: bank.glossary_path().to_string(),
                location: None,
                field: Some(format!("entries[\"{name}\"]")),
                message: "empty glossary entry or phrasing".into(),
            });
        }
    }
    let mut ids: HashMap<&str, &str> = HashMap::new();
    for e in bank.entries() {
        let r: &Rubric = &e.rubric;
        let mut diag = |severity,
                        field: Option<String>,
                        needle: Option<(Option<&str>, &str)>,
                        message: String| {
            out.push(Diagnostic {
                severity,
                path: e.path.clone(),
                location: needle
                    .and_then(|(anchor, n)| crate::rubric::locate_after(&e.source, anchor, n)),
                field,
                message,
            });
        };
        if let Some(prev) = ids.insert(&r.id, &e.path) {
            diag(
                Severity::Error,
                Some("id".into()),
                Some((None, r.id.as_str())),
                format!("duplicate rubric id `{}` (also in {prev})", r.id),
            );
        }
        let file = std::path::Path::new(&e.path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        // In a bank (`<category>/<id>-<slug>.ron`) the file name is how people find a rubric;
        // a single file elsewhere (a draft written with `--out any-name.ron`) only gets a
        // warning. `<id>.ron` is fine anywhere.
        let in_bank = std::path::Path::new(&e.path)
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|d| d == r.category.as_str());
        if !file.starts_with(&format!("{}-", r.id)) && file != format!("{}.ron", r.id) {
            diag(
                if in_bank {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                Some("id".into()),
                Some((None, r.id.as_str())),
                format!("file name should be `{}-<slug>.ron`", r.id),
            );
        }
        for (field, text) in [
            ("title", &r.title),
            ("question", &r.question),
            ("model_answer", &r.model_answer),
            ("category", &r.category),
        ] {
            if text.trim().is_empty() {
                diag(
                    Severity::Error,
                    Some(field.into()),
                    None,
                    format!("`{field}` is empty"),
                );
            }
        }
        if r.concepts.is_empty() {
            diag(
                Severity::Error,
                Some("concepts".into()),
                None,
                "a rubric needs at least one concept".into(),
            );
        }
        // Ids: concepts and groups share one namespace; misconceptions have their own.
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (kind, id) in r
            .concepts
            .iter()
            .map(|c| ("concept", c.id.as_str()))
            .chain(r.groups.iter().map(|g| ("group", g.id.as_str())))
        {
            if let Some(prev) = seen.insert(id, kind) {
                diag(
                    Severity::Error,
                    None,
                    Some((None, id)),
                    format!("duplicate id `{id}` ({prev} and {kind})"),
                );
            }
        }
        let mut mseen = HashMap::new();
        for m in &r.misconceptions {
            if mseen.insert(m.id.as_str(), ()).is_some() {
                diag(
                    Severity::Error,
                    None,
                    Some((None, m.id.as_str())),
                    format!("duplicate misconception id `{}`", m.id),
                );
            }
            if m.penalty <= 0.0 {
                diag(
                    Severity::Error,
                    Some(format!("misconception `{}`", m.id)),
                    Some((None, m.id.as_str())),
                    "penalty must be > 0".into(),
                );
            }
        }
        for (i, c) in r.concepts.iter().enumerate() {
            if c.weight <= 0.0 || !c.weight.is_finite() {
                diag(
                    Severity::Error,
                    Some(format!("concepts[{i}].weight")),
                    Some((None, c.id.as_str())),
                    format!("weight of `{}` must be > 0", c.id),
                );
            }
            if c.hint.trim().is_empty() {
                diag(
                    Severity::Warning,
                    Some(format!("concepts[{i}].hint")),
                    Some((None, c.id.as_str())),
                    format!("concept `{}` has no hint", c.id),
                );
            }
        }
        for (i, g) in r.groups.iter().enumerate() {
            if g.weight <= 0.0 {
                diag(
                    Severity::Error,
                    Some(format!("groups[{i}].weight")),
                    Some((None, g.id.as_str())),
                    format!("weight of group `{}` must be > 0", g.id),
                );
            }
            if g.k > g.concepts.len() {
                diag(
                    Severity::Error,
                    Some(format!("groups[{i}].k")),
                    Some((None, g.id.as_str())),
                    format!(
                        "k = {} but the group has {} concepts",
                        g.k,
                        g.concepts.len()
                    ),
                );
            }
        }
        if let Some(b) = r.bands {
            if !(b.strong > b.good && b.good > b.partial && b.partial > 0.0 && b.strong <= 100.0) {
                diag(
                    Severity::Error,
                    Some("bands".into()),
                    None,
                    "bands must satisfy 100 ≥ strong > good > partial > 0".into(),
                );
            }
        }
        // Control characters reach terminals through `show`, `kit` and feedback: the CLI
        // neutralises them, but they are never what an author meant.
        if let Ok(value) = serde_json::to_value(r) {
            let mut found = Vec::new();
            control_chars(&value, String::new(), &mut found);
            for (field, c) in found {
                diag(
                    Severity::Warning,
                    Some(field),
                    None,
                    format!("control character U+{:04X} in rubric text", c as u32),
                );
            }
        }
        // Synonyms: empty, duplicate within a concept, or claimed by two concepts.
        let mut claimed: HashMap<String, &str> = HashMap::new();
        for c in &r.concepts {
            let mut mine: Vec<String> = Vec::new();
            let mut strings = Vec::new();
            literal_strings(&c.matcher, &mut strings);
            for s in strings {
                if s.trim().is_empty() {
                    diag(
                        Severity::Error,
                        Some(format!("concept `{}`", c.id)),
                        Some((None, c.id.as_str())),
                        "empty synonym".into(),
                    );
                    continue;
                }
                if s.starts_with('@') || (s.starts_with('/') && s.ends_with('/') && s.len() > 1) {
                    continue;
                }
                let a = analyzer.analyze(s);
                // `-c`, `O(n)`, `--container`, `"finalizers":[]`: the symbols that made them
                // specific are normalised away, leaving letters or one everyday word.
                let tokens = a.tokens();
                let symbols = s
                    .chars()
                    .any(|ch| !ch.is_alphanumeric() && !ch.is_whitespace());
                let letters_only =
                    !tokens.is_empty() && tokens.iter().all(|t| a.norm(t).len() <= 1);
                let everyday = tokens.len() == 1
                    && symbols
                    && crate::analysis::is_english_word(a.norm(&tokens[0]));
                if letters_only || everyday {
                    diag(
                        Severity::Warning,
                        Some(format!("concept `{}`", c.id)),
                        Some((Some(c.id.as_str()), s)),
                        format!("synonym \"{s}\" is compared as \"{}\" after normalisation, which matches ordinary text; use a /regex/ for the exact form", tokens.iter().map(|t| a.norm(t)).collect::<Vec<_>>().join(" ")),
                    );
                }
                let key: Vec<&str> = a.tokens().iter().map(|t| a.stem(t)).collect();
                let key = key.join(" ");
                if mine.contains(&key) {
                    diag(
                        Severity::Error,
                        Some(format!("concept `{}`", c.id)),
                        Some((Some(c.id.as_str()), s)),
                        format!("duplicate synonym \"{s}\""),
                    );
                }
                mine.push(key.clone());
                if let Some(other) = claimed.get(&key) {
                    if *other != c.id {
                        diag(
                            Severity::Error,
                            Some(format!("concept `{}`", c.id)),
                            Some((Some(c.id.as_str()), s)),
                            format!("synonym \"{s}\" is also claimed by concept `{other}`"),
                        );
                    }
                } else {
                    claimed.insert(key, &c.id);
                }
            }
        }
        if r.examples.len() < 4 {
            diag(Severity::Warning, Some("examples".into()), None, format!("{} marked examples; at least 4 (strong, partial, weak, adversarial) are expected", r.examples.len()));
        }
        // Compile, then grade the model answer and the marked examples.
        let grader = match Grader::for_entry(bank, e) {
            Ok(g) => g,
            Err(Error::Load(mut le)) => {
                if le.location.is_none() && le.kind == LoadErrorKind::Regex {
                    le.location = locate_bad_regex(r, &e.source);
                }
                out.push(le.into());
                continue;
            }
            Err(other) => {
                diag(Severity::Error, None, None, other.to_string());
                continue;
            }
        };
        let mut diag = |severity, field: Option<String>, message: String| {
            out.push(Diagnostic {
                severity,
                path: e.path.clone(),
                location: None,
                field,
                message,
            });
        };
        for (pattern, reason) in grader.regex_problems() {
            let reason = reason.lines().last().unwrap_or("").trim().to_string();
            diag(
                Severity::Error,
                None,
                format!("invalid regex /{pattern}/: {reason}"),
            );
        }
        // A misconception must never fire on a true statement: the model answer and the strong
        // examples are true statements.
        let true_texts = std::iter::once(("model_answer".to_string(), r.model_answer.as_str()))
            .chain(
                r.examples
                    .iter()
                    .enumerate()
                    .filter(|(_, ex)| {
                        ex.label
                            .trim_start()
                            .to_ascii_lowercase()
                            .starts_with("strong")
                    })
                    .map(|(i, ex)| (format!("examples[{i}] ({})", ex.label), ex.answer.as_str())),
            );
        for (field, text) in true_texts {
            if let Ok(g) = grader.grade(text) {
                for m in &g.misconceptions {
                    let quote = m.evidence.first().map_or("", |e| e.text.as_str());
                    diag(
                        Severity::Error,
                        Some(field.clone()),
                        format!(
                            "misconception `{}` fires on a true statement (\"{quote}\"): match it as a claim (Ordered, AllOf within Clause, Except) so the true version does not trigger it",
                            m.id
                        ),
                    );
                }
            }
        }
        match grader.grade(&r.model_answer) {
            Ok(g) if g.band == Band::Strong => {}
            Ok(g) => diag(
                Severity::Error,
                Some("model_answer".into()),
                format!(
                    "the model answer scores {} ({}), below the top band ({}); missed: {}",
                    g.score,
                    g.band,
                    r.bands.unwrap_or_default().strong,
                    g.missed()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            Err(err) => diag(
                Severity::Error,
                Some("model_answer".into()),
                err.to_string(),
            ),
        }
        for (i, ex) in r.examples.iter().enumerate() {
            let (lo, hi) = ex.expected;
            if lo > hi || lo < 0.0 || hi > 100.0 {
                diag(
                    Severity::Error,
                    Some(format!("examples[{i}].expected")),
                    format!("range ({lo}, {hi}) is not within 0..=100"),
                );
                continue;
            }
            match grader.grade(&ex.answer) {
                Ok(g) if g.score >= lo && g.score <= hi => {}
                Ok(g) => diag(
                    Severity::Error,
                    Some(format!("examples[{i}] ({})", ex.label)),
                    format!(
                        "scores {} ({}), expected {lo}..={hi}; hit: [{}] missed: [{}]{}",
                        g.score,
                        g.band,
                        g.covered()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        g.missed()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        if g.misconceptions.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " misconceptions: [{}]",
                                g.misconceptions
                                    .iter()
                                    .map(|m| m.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                    ),
                ),
                Err(err) => diag(
                    Severity::Error,
                    Some(format!("examples[{i}]")),
                    err.to_string(),
                ),
            }
        }
    }
    out
}

fn literal_strings<'a>(m: &'a Matcher, out: &mut Vec<&'a str>) {
    match m {
        Matcher::Term(s) | Matcher::Phrase(s) => out.push(s),
        Matcher::Any(items) => out.extend(items.iter().map(String::as_str)),
        Matcher::AnyOf(ms) => ms.iter().for_each(|m| literal_strings(m, out)),
        // Parts of an AllOf are not synonyms of the concept on their own.
        Matcher::Except { of, .. } => literal_strings(of, out),
        Matcher::AllOf { .. }
        | Matcher::Ordered { .. }
        | Matcher::Regex(_)
        | Matcher::Glossary(_) => {}
    }
}

/// Where the first regex of `rubric` that does not compile is written in its RON `source`: the
/// compiler's error names the field, lint also gives line and column.
fn locate_bad_regex(rubric: &Rubric, source: &str) -> Option<Location> {
    let matchers = rubric
        .concepts
        .iter()
        .map(|c| (c.id.as_str(), &c.matcher))
        .chain(
            rubric
                .misconceptions
                .iter()
                .map(|m| (m.id.as_str(), &m.matcher)),
        );
    for (id, matcher) in matchers {
        let mut patterns = Vec::new();
        regexes(matcher, &mut patterns);
        for p in patterns {
            if regex::Regex::new(p).is_ok() {
                continue;
            }
            // As written in RON: a quoted string escapes `\` and `"`; a raw string does not.
            let escaped = p.replace('\\', "\\\\").replace('"', "\\\"");
            let from = source.find(&format!("\"{id}\"")).unwrap_or(0);
            return [escaped.as_str(), p]
                .into_iter()
                .find_map(|needle| source[from..].find(needle))
                .map(|at| Location::of_offset(source, from + at));
        }
    }
    None
}

/// The regex patterns of a matcher: `Regex(..)` and `/…/` items of `Any`.
fn regexes<'a>(m: &'a Matcher, out: &mut Vec<&'a str>) {
    match m {
        Matcher::Regex(p) => out.push(p),
        Matcher::Any(items) => out.extend(items.iter().filter_map(|s| {
            s.strip_prefix('/')
                .and_then(|s| s.strip_suffix('/'))
                .filter(|p| !p.is_empty())
        })),
        Matcher::AnyOf(ms) | Matcher::AllOf { of: ms, .. } | Matcher::Ordered { of: ms, .. } => {
            ms.iter().for_each(|m| regexes(m, out))
        }
        Matcher::Except { of, near, .. } => {
            regexes(of, out);
            regexes(near, out);
        }
        Matcher::Term(_) | Matcher::Phrase(_) | Matcher::Glossary(_) => {}
    }
}

/// Whether `c` is a C0 or C1 control character other than newline, tab and carriage return
/// (which a CRLF file or a multi-line answer legitimately holds).
pub(crate) fn is_hostile_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\r')
}

/// Every string of `value` holding a hostile control character, by field path (first one each).
fn control_chars(value: &serde_json::Value, path: String, out: &mut Vec<(String, char)>) {
    match value {
        serde_json::Value::String(s) => {
            if let Some(c) = s.chars().find(|&c| is_hostile_control(c)) {
                out.push((path, c));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                control_chars(v, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (k, v) in fields {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                control_chars(v, p, out);
            }
        }
        _ => {}
    }
}
