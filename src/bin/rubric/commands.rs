//! One short function per subcommand: load, call the library, render, write.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rubric_grader::feedback::render::{to_json, to_markdown, to_text, Style};
use rubric_grader::rubric::{lint, Severity};
use rubric_grader::{Bank, Error, Level};

use crate::args::{GradeFormat, ListFormat};

/// How a command ended, mapped to an exit code by `main`.
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: below `--min-score`, or lint errors.
    Failure,
}

/// A failure with a one-line message; exit 2.
pub type CliResult = Result<Outcome, String>;

/// Loads the bank. A broken file in another bank folder is reported on stderr and skipped, so one
/// bad rubric does not stop grading with the others.
pub fn load_bank(dir: Option<&Path>) -> Result<Bank, String> {
    match dir {
        Some(d) => {
            let (bank, errors) = Bank::scan(&[d.to_path_buf()]).map_err(|e| e.to_string())?;
            for e in &errors {
                eprintln!("rubric: warning: skipped {e}");
            }
            Ok(bank)
        }
        None => Bank::embedded().map_err(|e| e.to_string()),
    }
}

pub fn list(
    out: &mut dyn Write,
    bank: &Bank,
    category: Option<&str>,
    level: Option<&str>,
    format: ListFormat,
) -> CliResult {
    let level: Option<Level> = level.map(str::parse).transpose()?;
    let rows: Vec<_> = bank
        .rubrics()
        .filter(|r| category.is_none_or(|c| r.category.eq_ignore_ascii_case(c)))
        .filter(|r| level.is_none_or(|l| r.level == l))
        .collect();
    match format {
        ListFormat::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(|r| serde_json::json!({"id": r.id, "title": r.title, "category": r.category, "level": r.level, "tags": r.tags}))
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&items).map_err(|e| e.to_string())?
            )
            .map_err(io)?;
        }
        ListFormat::Text => {
            for r in &rows {
                writeln!(
                    out,
                    "{:<5} {:<7} {:<18} {}",
                    r.id, r.level, r.category, r.title
                )
                .map_err(io)?;
            }
            if rows.is_empty() {
                eprintln!("no questions match");
            }
        }
    }
    Ok(Outcome::Success)
}

pub fn show(
    out: &mut dyn Write,
    bank: &Bank,
    id: &str,
    model_answer: bool,
    rubric: bool,
) -> CliResult {
    let e = bank.find(id).map_err(|e| e.to_string())?;
    let r = &e.rubric;
    let mut s = format!(
        "{} — {} [{}, {}]\n\n{}\n",
        r.id, r.title, r.category, r.level, r.question
    );
    if rubric {
        s.push_str("\nConcepts:\n");
        for c in &r.concepts {
            let req = if c.required { ", required" } else { "" };
            s.push_str(&format!(
                "  - {} ({}; weight {}{req}): {}\n",
                c.label, c.id, c.weight, c.hint
            ));
        }
        for g in &r.groups {
            s.push_str(&format!(
                "  * any {} of {}: {}\n",
                g.k,
                g.concepts.join(", "),
                g.label
            ));
        }
        if !r.misconceptions.is_empty() {
            s.push_str("\nMisconceptions:\n");
            for m in &r.misconceptions {
                s.push_str(&format!(
                    "  ! {} (−{}): {}\n",
                    m.label, m.penalty, m.correction
                ));
            }
        }
    }
    if model_answer {
        s.push_str(&format!("\nModel answer:\n{}\n", r.model_answer.trim()));
    }
    write!(out, "{s}").map_err(io)?;
    Ok(Outcome::Success)
}

pub fn grade(
    out: &mut dyn Write,
    bank: &Bank,
    id: &str,
    answer: Option<&Path>,
    format: GradeFormat,
    min_score: Option<f32>,
    style: Style,
) -> CliResult {
    let entry = bank.find(id).map_err(|e| e.to_string())?;
    let text = read_answer(answer)?;
    let grader = bank.grader(entry).map_err(|e| e.to_string())?;
    let grade = grader.grade(&text).map_err(|e| e.to_string())?;
    let rendered = match format {
        GradeFormat::Text => to_text(&grade, style),
        GradeFormat::Json => to_json(&grade) + "\n",
        GradeFormat::Markdown => to_markdown(&grade),
    };
    out.write_all(rendered.as_bytes()).map_err(io)?;
    Ok(match min_score {
        Some(min) if grade.score < min => Outcome::Failure,
        _ => Outcome::Success,
    })
}

pub fn lint_paths(
    out: &mut dyn Write,
    paths: &[PathBuf],
    default_dir: Option<&Path>,
    show_warnings: bool,
) -> CliResult {
    let (bank, errors) = if paths.is_empty() {
        match default_dir {
            Some(d) => Bank::scan(&[d.to_path_buf()]).map_err(|e| e.to_string())?,
            None if Path::new("rubrics").is_dir() => {
                Bank::scan(&[PathBuf::from("rubrics")]).map_err(|e| e.to_string())?
            }
            None => (Bank::embedded().map_err(|e| e.to_string())?, Vec::new()),
        }
    } else {
        Bank::scan(paths).map_err(|e| e.to_string())?
    };
    let diags = lint(&bank, errors);
    let n_err = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let n_warn = diags.len() - n_err;
    for d in &diags {
        if d.severity == Severity::Error || show_warnings {
            writeln!(out, "{d}").map_err(io)?;
        }
    }
    writeln!(
        out,
        "{} rubric{} checked: {n_err} error{}, {n_warn} warning{}",
        bank.len(),
        if bank.len() == 1 { "" } else { "s" },
        if n_err == 1 { "" } else { "s" },
        if n_warn == 1 { "" } else { "s" }
    )
    .map_err(io)?;
    Ok(if n_err > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

fn read_answer(path: Option<&Path>) -> Result<String, String> {
    match path {
        Some(p) if p != Path::new("-") => {
            rubric_grader::rubric::read_utf8(p).map_err(|e| e.to_string())
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("<stdin>: {e}"))?;
            String::from_utf8(bytes).map_err(|e| {
                Error::InvalidUtf8 {
                    path: "<stdin>".into(),
                    offset: e.utf8_error().valid_up_to(),
                }
                .to_string()
            })
        }
    }
}

fn io(e: std::io::Error) -> String {
    e.to_string()
}
