//! Command-line arguments (clap derive) and nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Grade free-text answers against rubrics: offline, deterministic, explained.
#[derive(Debug, Parser)]
#[command(name = "rubric", version, about, long_about = None)]
pub struct Args {
    /// Load rubrics from DIR instead of the embedded bank.
    #[arg(long, global = true, value_name = "DIR")]
    pub rubrics: Option<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the questions of the bank.
    List {
        /// Only this category.
        #[arg(long, value_name = "C")]
        category: Option<String>,
        /// Only this level (junior, mid, senior, staff).
        #[arg(long, value_name = "L")]
        level: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show a question (and optionally its model answer or whole rubric).
    Show {
        /// Question id, unique id prefix, or slug.
        id: String,
        /// Also print the model answer.
        #[arg(long)]
        model_answer: bool,
        /// Also print the concepts, groups and misconceptions.
        #[arg(long)]
        rubric: bool,
    },
    /// Grade an answer (from FILE, or standard input).
    Grade {
        /// Question id, unique id prefix, or slug.
        id: String,
        /// The answer file; `-` or nothing reads standard input.
        #[arg(long, value_name = "FILE")]
        answer: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GradeFormat::Text)]
        format: GradeFormat,
        /// Exit with 1 when the score is below N.
        #[arg(long, value_name = "N")]
        min_score: Option<f32>,
    },
    /// Check rubric files: syntax, ids, synonyms, regexes, model answers, marked examples.
    Lint {
        /// Rubric files or folders (default: the bank, or `rubrics/` if it exists here).
        paths: Vec<PathBuf>,
        /// Also print warnings.
        #[arg(long)]
        warnings: bool,
    },
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `list --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table.
    Text,
    /// JSON array.
    Json,
}

/// `grade --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GradeFormat {
    /// Terminal text.
    Text,
    /// JSON (stable shape, see README).
    Json,
    /// Markdown.
    Markdown,
}
