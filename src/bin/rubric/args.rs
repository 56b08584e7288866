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
        /// Exit with 1 when the score is below N (0–100).
        #[arg(long, value_name = "N", value_parser = parse_min_score)]
        min_score: Option<f32>,
        /// Not an option: a file named here is meant for `--answer FILE`.
        #[arg(hide = true, value_name = "FILE")]
        stray: Option<PathBuf>,
    },
    /// Explain a grade: per concept and matcher, what matched and which near misses were rejected.
    Explain {
        /// Question id, unique id prefix, or slug.
        id: String,
        /// The answer file; `-` or nothing reads standard input.
        #[arg(long, value_name = "FILE")]
        answer: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Not an option: a file named here is meant for `--answer FILE`.
        #[arg(hide = true, value_name = "FILE")]
        stray: Option<PathBuf>,
    },
    /// Serve the HTTP JSON API and the browser practice page (loopback only unless --token).
    #[cfg(feature = "serve")]
    Serve {
        /// Address to listen on; port 0 picks a free one (printed on start).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Bearer token every API request must carry (or $RUBRIC_TOKEN); required off loopback.
        #[arg(long, value_name = "TOKEN")]
        token: Option<String>,
        /// Seconds a request may take before a 503.
        #[arg(long, value_name = "SECS", default_value_t = 10)]
        timeout: u64,
        /// Requests handled at once; more get a 503 at once.
        #[arg(long, value_name = "N", default_value_t = 256)]
        max_concurrent: usize,
        /// No access log on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// Grade marked responses and report agreement (the rubrics' examples, plus a cases file).
    Test {
        /// Rubric files or folders whose marked examples to test (default: the bank).
        paths: Vec<PathBuf>,
        /// JSON Lines of {"question", "answer", "expected": [lo, hi]} or {"question", "answer", "score"}
        /// (an optional "kind" adds figures per kind); a folder reads every .jsonl file in it.
        #[arg(long, value_name = "FILE|DIR")]
        cases: Option<PathBuf>,
        /// Grade only the cases, not the rubrics' own marked examples.
        #[arg(long, requires = "cases")]
        no_examples: bool,
        /// Exit with 1 when the share within range is below X (0–1).
        #[arg(long, value_name = "X")]
        min_agreement: Option<f64>,
        /// How many of the worst disagreements to show.
        #[arg(long, value_name = "N", default_value_t = 10)]
        worst: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Draft a rubric from reference answers (no machine learning); or --evaluate drafts.
    Draft {
        /// The question text.
        #[arg(long, value_name = "TEXT", required_unless_present = "evaluate")]
        question: Option<String>,
        /// A file holding a reference answer (`-` reads standard input); repeat for several, the
        /// first is the model answer.
        #[arg(long, value_name = "FILE", required_unless_present_any = ["evaluate", "alternatives"])]
        model_answer: Vec<PathBuf>,
        /// A file of further reference answers, one per line (`#` lines and blank lines skipped).
        #[arg(long, value_name = "FILE")]
        alternatives: Option<PathBuf>,
        /// Rubric id of the draft (default: the --out file's name, else `draft`).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Category of the draft.
        #[arg(long, value_name = "C", default_value = "draft")]
        category: String,
        /// Write the draft to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Instead of drafting: draft every bank rubric from its model answer and report how well
        /// the drafts order the marked examples like the hand-written rubrics.
        #[arg(long)]
        evaluate: bool,
        /// With --evaluate: a JSON Lines file of {question, reference_answers | reference_answer,
        /// answer, score} to draft one rubric per question on and correlate with its scores;
        /// repeatable, and a folder reads every .jsonl file in it.
        #[arg(long, value_name = "FILE|DIR", requires = "evaluate")]
        dataset: Vec<PathBuf>,
        /// With --dataset: also write every answer's human, drafted and baseline scores to FILE
        /// (JSON Lines, input order).
        #[arg(long, value_name = "FILE", requires = "dataset")]
        scores: Option<PathBuf>,
        /// With --evaluate: output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Grade many answers: JSON Lines or CSV with `question`, `answer` (and optional `id`).
    Batch {
        /// Input file (`.csv` is CSV, anything else JSON Lines); `-` reads standard input.
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        /// Write results (JSON Lines, input order) to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Write the class summary as JSON to FILE (a text summary always goes to stderr).
        #[arg(long, value_name = "FILE")]
        summary: Option<PathBuf>,
        /// Read standard input or a file as CSV regardless of its name.
        #[arg(long)]
        csv: bool,
        /// Include the whole grade (concepts, evidence, feedback) in every result.
        #[arg(long)]
        full: bool,
    },
    /// Run a mock interview in the terminal: questions, follow-up probes, a scorecard at the end.
    Interview {
        /// Number of questions.
        #[arg(long, value_name = "N", default_value_t = 5)]
        count: usize,
        /// Only this category (repeatable).
        #[arg(long, value_name = "C")]
        category: Vec<String>,
        /// Only this level (repeatable): junior, mid, senior, staff.
        #[arg(long, value_name = "L")]
        level: Vec<String>,
        /// Exactly these questions, in this order.
        #[arg(long, value_name = "ID", num_args = 1..)]
        ids: Vec<String>,
        /// Same seed, same questions (default: from the clock).
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Raise the level after a strong answer, lower it after a weak one.
        #[arg(long)]
        adaptive: bool,
        /// Do not ask follow-up probes.
        #[arg(long)]
        no_follow_ups: bool,
        /// When to show feedback: after each answer, or all at the end.
        #[arg(long, value_enum, default_value_t = FeedbackWhen::Each)]
        feedback: FeedbackWhen,
        /// Per-question time budget in seconds (shown and recorded, not enforced).
        #[arg(long, value_name = "SECS", default_value_t = 300)]
        time_budget: u32,
        /// Where to save the transcript (default: `interview-<seed>.json` in the data directory).
        #[arg(long, value_name = "FILE")]
        transcript: Option<PathBuf>,
        /// Continue an unfinished interview from its transcript.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["ids", "seed"])]
        resume: Option<PathBuf>,
        /// Replace an existing transcript instead of refusing to start.
        #[arg(long, conflicts_with = "resume")]
        force: bool,
        /// Write each answer in $EDITOR.
        #[arg(long)]
        editor: bool,
        /// Candidate name for the scorecard.
        #[arg(long, value_name = "NAME")]
        candidate: Option<String>,
        /// The study store the answers are recorded in (default: study.sqlite3 in the data directory).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Do not record the answers in the study store.
        #[arg(long, conflicts_with = "db")]
        no_record: bool,
    },
    /// One question, biased toward the categories practised least, graded at once with the model answer.
    Practice {
        /// Only this category (repeatable).
        #[arg(long, value_name = "C")]
        category: Vec<String>,
        /// Only this level (repeatable).
        #[arg(long, value_name = "L")]
        level: Vec<String>,
        /// The practice log (default: $XDG_STATE_HOME/rubric-grader/practice.json).
        #[arg(long, value_name = "FILE")]
        log: Option<PathBuf>,
        /// Take the answer from FILE instead of the terminal.
        #[arg(long, value_name = "FILE")]
        answer: Option<PathBuf>,
        /// Write the answer in $EDITOR.
        #[arg(long)]
        editor: bool,
        /// Seed for the choice among equally practised questions (default: from the clock).
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// The study store the answer is recorded in (default: study.sqlite3 in the data directory).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Do not record the answer in the study store (the practice log is used as before).
        #[arg(long, conflicts_with = "db")]
        no_record: bool,
    },
    /// Spaced repetition (FSRS): today's due reviews first, then a few new questions; each answer
    /// is graded, rated from its grade (override with one key) and scheduled.
    Study {
        /// The study store (default: study.sqlite3 in the data directory).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Only this category (repeatable).
        #[arg(long, value_name = "C")]
        category: Vec<String>,
        /// Only this level (repeatable).
        #[arg(long, value_name = "L")]
        level: Vec<String>,
        /// New questions per day, for this session (default: the store's `new-per-day`, 5 unless set).
        #[arg(long = "new", value_name = "N", value_parser = parse_new_per_day)]
        new_per_day: Option<usize>,
        /// Drill the concepts with the lowest recall probability, through questions that train them.
        #[arg(long)]
        weak: bool,
        /// Desired retention 0.7–0.99, for this session (default: the store's `retention`, 0.9 unless set).
        #[arg(long, value_name = "R", value_parser = parse_retention)]
        retention: Option<f64>,
        /// Store a setting in the study store: `new-per-day=N` (0–1000) or `retention=R` (0.7–0.99); repeatable.
        #[arg(long = "set", value_name = "NAME=VALUE", conflicts_with_all = ["stats", "export", "import", "weak", "new_per_day", "retention", "editor"])]
        set: Vec<String>,
        /// Remove a stored setting, so it takes its default again; repeatable.
        #[arg(long, value_name = "NAME", conflicts_with_all = ["stats", "export", "import", "weak", "new_per_day", "retention", "editor"])]
        reset: Vec<String>,
        /// Show the store's settings (what `--set` stored, and the defaults).
        #[arg(long, conflicts_with_all = ["stats", "export", "import", "weak", "new_per_day", "retention", "editor"])]
        settings: bool,
        /// Show progress instead of studying.
        #[arg(long, conflicts_with_all = ["weak", "export", "import"])]
        stats: bool,
        /// Format of --stats.
        #[arg(long, value_enum, default_value_t = StatsFormat::Text, requires = "stats")]
        format: StatsFormat,
        /// Write --stats to FILE instead of standard output.
        #[arg(long, value_name = "FILE", requires = "stats")]
        out: Option<PathBuf>,
        /// Write the review history to FILE (`.csv` is CSV, anything else JSON Lines; `-` stdout).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["weak", "import"])]
        export: Option<PathBuf>,
        /// Add reviews from FILE (JSON Lines, or CSV for `.csv`) and rebuild their cards.
        #[arg(long, value_name = "FILE", conflicts_with = "weak")]
        import: Option<PathBuf>,
        /// Write each answer in $EDITOR.
        #[arg(long)]
        editor: bool,
    },
    /// Render the scorecard of an interview transcript.
    Report {
        /// The transcript (JSON) written by `rubric interview`.
        transcript: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CardFormat::Text)]
        format: CardFormat,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// An interviewer kit: what to listen for, follow-ups and red flags, per question.
    Kit {
        /// Question ids.
        #[arg(required = true)]
        ids: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = KitFormat::Markdown)]
        format: KitFormat,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Grade an interviewer's notes (one `## <id>` section per question) into a scorecard.
    Scorecard {
        /// The notes file (Markdown).
        #[arg(long, value_name = "FILE")]
        notes: PathBuf,
        /// Candidate name.
        #[arg(long, value_name = "NAME")]
        candidate: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CardFormat::Text)]
        format: CardFormat,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
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

/// `explain --format`, `test --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Terminal text.
    Text,
    /// JSON.
    Json,
}

/// `interview --feedback`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FeedbackWhen {
    /// After each answer.
    Each,
    /// All at the end.
    End,
}

/// `report --format`, `scorecard --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// Terminal text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// `kit --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KitFormat {
    /// Markdown (prints well; fill in `### Notes` under each question).
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// JSON.
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

/// `study --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Terminal text.
    Text,
    /// JSON.
    Json,
    /// A self-contained HTML page with SVG charts.
    Html,
}

/// `--retention`: FSRS's desired retention.
fn parse_retention(s: &str) -> Result<f64, String> {
    rubric_grader::study::parse_retention(s)
}

/// `study --new`: a daily limit, as the stored setting accepts it.
fn parse_new_per_day(s: &str) -> Result<usize, String> {
    rubric_grader::study::parse_new_per_day(s)
}

/// `--min-score`: a score on the 0–100 scale.
fn parse_min_score(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(n),
        Ok(_) => Err("must be between 0 and 100".into()),
        Err(_) => Err("not a number; give a score between 0 and 100".into()),
    }
}
