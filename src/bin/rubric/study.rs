//! `rubric study`: opens the store, runs a session in the terminal (or prints progress, exports,
//! imports). Scheduling, rating and the store are the library's; this file reads and prints.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{Local, Offset, Utc};
use rubric_grader::feedback::render::{inline_to_text, to_text, Style};
use rubric_grader::interview::{Plan, PracticeLog};
use rubric_grader::study::{
    band_rating, day_bounds, Exchange, GradedAnswer, ItemKind, Rating, Recorded, Scheduler,
    Settings, Source, Study,
};
use rubric_grader::{Bank, Grader};

use crate::args::StatsFormat;
use crate::commands::{At, CliResult, Outcome};
use crate::interactive::{default_log, project_dirs, read_answer, Input, MAX_ANSWER_BYTES};
use crate::terminal::Wrap;

/// Options of `rubric study`.
pub struct StudyOptions {
    pub db: Option<PathBuf>,
    pub plan: Plan,
    /// For this session; `None` takes the store's setting.
    pub new_per_day: Option<usize>,
    pub weak: bool,
    /// For this session; `None` takes the store's setting.
    pub retention: Option<f64>,
    pub editor: bool,
}

/// How many weak concepts `--weak` drills.
const WEAK_DRILL: usize = 5;

/// The store's default place: `study.sqlite3` in the platform's data directory (on Linux
/// `$XDG_DATA_HOME/rubric-grader`, else `~/.local/share/rubric-grader`).
fn default_db() -> PathBuf {
    project_dirs().map_or_else(
        || PathBuf::from("rubric-study.sqlite3"),
        |d| d.data_dir().join("study.sqlite3"),
    )
}

/// Opens the store (creating its folder), and imports the old practice log once. `retention`
/// overrides the stored setting for this process.
pub fn open_store(db: Option<&Path>, retention: Option<f64>) -> anyhow::Result<Study> {
    open_store_importing(db, retention, &default_log())
}

/// As [`open_store`], importing the practice log at `log_path` (once per store).
pub fn open_store_importing(
    db: Option<&Path>,
    retention: Option<f64>,
    log_path: &Path,
) -> anyhow::Result<Study> {
    let path = db.map_or_else(default_db, Path::to_path_buf);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    let mut study = match retention {
        Some(r) => Study::open_with(&path, Scheduler::new(r))?,
        None => Study::open(&path)?,
    };
    if log_path.exists() && !study.was_imported("practice-log")? {
        match PracticeLog::load_or_default(log_path) {
            Ok(log) => {
                if let Some(n) = study.import_practice_log(&log, Utc::now())? {
                    eprintln!(
                        "rubric: imported {n} answers from the practice log {} (the file is left as it was)",
                        log_path.display()
                    );
                }
            }
            Err(e) => eprintln!("rubric: practice log not imported: {e}"),
        }
    }
    Ok(study)
}

fn local_offset() -> chrono::FixedOffset {
    Local::now().offset().fix()
}

pub fn stats(
    out: &mut dyn Write,
    bank: &Bank,
    opts: &StudyOptions,
    format: StatsFormat,
    dest: Option<&Path>,
) -> CliResult {
    let study = open_store(opts.db.as_deref(), opts.retention)?;
    let stats = study.stats(bank, Utc::now(), local_offset())?;
    let text = match format {
        StatsFormat::Text => Wrap::for_stdout().apply(&stats.to_text()),
        StatsFormat::Json => serde_json::to_string_pretty(&stats)? + "\n",
        StatsFormat::Html => stats.to_html(),
    };
    crate::commands::emit(out, dest, &text)?;
    Ok(Outcome::Success)
}

pub fn export(out: &mut dyn Write, opts: &StudyOptions, path: &Path) -> CliResult {
    let study = open_store(opts.db.as_deref(), opts.retention)?;
    let format = Exchange::for_path(path);
    if path == Path::new("-") {
        study.export(format, out, path)?;
        return Ok(Outcome::Success);
    }
    let mut buf = Vec::new();
    let n = study.export(format, &mut buf, path)?;
    rubric_grader::durable::write_atomic(path, &buf).at(path)?;
    eprintln!("rubric: exported {n} reviews to {}", path.display());
    Ok(Outcome::Success)
}

pub fn import(out: &mut dyn Write, opts: &StudyOptions, path: &Path) -> CliResult {
    let mut study = open_store(opts.db.as_deref(), opts.retention)?;
    let file = std::fs::File::open(path).at(path)?;
    let mut input = std::io::BufReader::new(file);
    let n = study.import(Exchange::for_path(path), &mut input, path)?;
    writeln!(
        out,
        "Imported {n} new reviews from {} into {}.",
        path.display(),
        study.path().display()
    )?;
    Ok(Outcome::Success)
}

/// `--settings`, `--set NAME=VALUE` and `--reset NAME`: every value is checked before any is
/// stored, then the settings are shown.
pub fn settings(
    out: &mut dyn Write,
    opts: &StudyOptions,
    set: &[String],
    reset: &[String],
) -> CliResult {
    let mut pairs = Vec::new();
    let mut check = Settings::default();
    for item in set {
        let Some((name, value)) = item.split_once('=') else {
            anyhow::bail!(
                "--set {}: give NAME=VALUE, e.g. --set new-per-day=15 or --set retention=0.9",
                item.escape_debug()
            );
        };
        check.set(name, value)?;
        pairs.push((name.trim(), value.trim()));
    }
    let mut study = open_store(opts.db.as_deref(), None)?;
    for name in reset {
        study.reset_setting(name)?;
    }
    for (name, value) in pairs {
        study.set_setting(name, value)?;
    }
    let current = study.settings()?;
    let stored: Vec<String> = study
        .stored_settings()?
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let default = Settings::default();
    writeln!(out, "Study settings of {}:", study.path().display())?;
    for name in Settings::NAMES {
        let value = current.get(name).unwrap_or_default();
        let note = if stored.iter().any(|n| n == name) {
            format!("set; default {}", default.get(name).unwrap_or_default())
        } else {
            "default".to_string()
        };
        writeln!(out, "  {name:<12} {value:<6} ({note})")?;
    }
    writeln!(
        out,
        "{}",
        Wrap::for_stdout().apply(
            "`--set NAME=VALUE` stores one, `--reset NAME` removes it; `--new` and `--retention` override them for one session."
        )
    )?;
    Ok(Outcome::Success)
}

/// "3 days (2026-12-08)", and why it is sooner than the rating alone would give.
fn next_review(done: &Recorded, style: Style) -> String {
    let mut text = format!(
        "{} ({})",
        days(done.interval_days),
        done.card.due.with_timezone(&Local).format("%Y-%m-%d")
    );
    if !done.sooner_because.is_empty() {
        const SHOWN: usize = 3;
        let mut labels: Vec<String> = done
            .sooner_because
            .iter()
            .take(SHOWN)
            .map(|l| inline_to_text(l, style))
            .collect();
        if done.sooner_because.len() > SHOWN {
            labels.push(format!("{} more", done.sooner_because.len() - SHOWN));
        }
        text.push_str(&format!(
            " — sooner than the {} of {} because you missed: {}",
            days(done.rating_interval_days),
            done.rating,
            labels.join(", ")
        ));
    }
    text
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

pub fn session(
    bank: &Bank,
    opts: &StudyOptions,
    style: Style,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> CliResult {
    let mut study = open_store(opts.db.as_deref(), opts.retention)?;
    let wrap = Wrap::for_stdout();
    let now = Utc::now();
    let day = day_bounds(now, local_offset());
    let admits =
        |e: &rubric_grader::BankEntry| opts.plan.admits(&e.rubric.category, e.rubric.level);
    let new_per_day = match opts.new_per_day {
        Some(n) => n,
        None => study.settings()?.new_per_day,
    };
    let items = if opts.weak {
        study.weak(bank, &admits, WEAK_DRILL, now)?
    } else {
        study.session(bank, &admits, new_per_day, now, day)?
    };
    if items.is_empty() {
        let next = study.cards()?.into_iter().map(|(_, c)| c.due).min();
        let msg = match (opts.weak, next) {
            (true, _) => "No concepts reviewed yet: study a few questions first.".to_string(),
            (false, Some(due)) => format!(
                "Nothing due today, and today's new questions are done. Next review: {}.",
                due.with_timezone(&Local).format("%Y-%m-%d")
            ),
            (false, None) => "No questions match the filters.".to_string(),
        };
        writeln!(out, "{}", wrap.apply(&msg))?;
        return Ok(Outcome::Success);
    }
    let reviews = items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Review { .. }))
        .count();
    writeln!(
        out,
        "{}",
        wrap.apply(&format!(
            "Study session: {} due for review, {} {}; store: {}",
            reviews,
            items.len() - reviews,
            if opts.weak {
                "to train weak concepts"
            } else {
                "new"
            },
            study.path().display()
        ))
    )?;
    writeln!(
        out,
        "{}",
        wrap.apply("Answer in as many lines as you like and end with a line holding only `.`; :skip skips, :quit stops (what you answered is saved).")
    )?;
    let total = items.len();
    let mut answered = 0;
    for (n, item) in items.iter().enumerate() {
        let r = &item.entry.rubric;
        let why = match &item.kind {
            ItemKind::Review { overdue_days: 0 } => "Review".to_string(),
            ItemKind::Review { overdue_days } => {
                format!("Review ({} overdue)", days(*overdue_days))
            }
            ItemKind::New => "New".to_string(),
            ItemKind::Weak {
                concept,
                retrievability,
            } => format!(
                "Weak concept: {} (recall {:.0} %)",
                inline_to_text(concept, style),
                retrievability * 100.0
            ),
        };
        let question: Vec<String> = r
            .question
            .lines()
            .map(|l| inline_to_text(l, style))
            .collect();
        write!(
            out,
            "\n{}",
            wrap.apply(&format!(
                "[{}/{total}] {why} · {} — {} [{}, {}]\n\n{}\n",
                n + 1,
                r.id,
                r.title,
                r.category,
                r.level,
                question.join("\n")
            ))
        )?;
        let text = loop {
            match read_answer(input, out, opts.editor)? {
                Input::Answer(t) => break Some(t),
                Input::TooLarge(b) => {
                    writeln!(out, "That answer is {b} bytes; the limit is {MAX_ANSWER_BYTES} bytes. Answer again, shorter, or :skip.")?;
                }
                Input::Hint => {
                    writeln!(out, "No hints in study mode: answer, :skip or :quit.")?;
                }
                Input::Skip => break None,
                Input::Quit => {
                    writeln!(
                        out,
                        "\nStopped: {answered} answered and saved; {} left for later.",
                        total - n
                    )?;
                    return Ok(Outcome::Success);
                }
            }
        };
        let Some(text) = text else {
            writeln!(out, "Skipped.")?;
            continue;
        };
        let grader = Grader::for_entry(bank, item.entry)?;
        let grade = grader.grade(&text)?;
        let feedback = grader.feedback(&grade);
        write!(out, "\n{}", wrap.apply(&to_text(&grade, &feedback, style)))?;
        let answer = GradedAnswer::new(item.entry, &grade, &text, Source::Study);
        let suggested = answer.suggested_rating();
        let preview = study.preview_answer(&answer, Utc::now())?;
        let choices: Vec<String> = Rating::ALL
            .iter()
            .zip(preview)
            .map(|(r, d)| format!("{} {}", &r.as_str()[..1], days(d)))
            .collect();
        let missed_required = answer
            .concepts
            .iter()
            .filter(|c| c.required && !c.hit)
            .count();
        let because = if missed_required > 0 && suggested != band_rating(grade.band) {
            format!(
                "band {:?}, lowered for {missed_required} missed required concept{}",
                grade.band,
                if missed_required == 1 { "" } else { "s" }
            )
            .to_lowercase()
        } else {
            format!("band {:?}", grade.band).to_lowercase()
        };
        // The reason may wrap; the prompt itself is short and stays on one line.
        writeln!(
            out,
            "\n{}",
            wrap.apply(&format!(
                "Rating: {suggested} ({because}). Next review by rating: {}.",
                choices.join(", ")
            ))
        )?;
        write!(out, "Enter accepts {suggested}, or type a, h, g or e: ")?;
        out.flush()?;
        let rating = loop {
            let mut line = String::new();
            if input.read_line(&mut line).context("reading the rating")? == 0 {
                break None;
            }
            if line.trim().is_empty() {
                break None;
            }
            match Rating::from_key(&line) {
                Some(r) => break Some(r),
                None => {
                    write!(
                        out,
                        "a (again), h (hard), g (good), e (easy), or Enter for {suggested}: "
                    )?;
                    out.flush()?;
                }
            }
        };
        let done = study.record(&answer, rating, Utc::now())?;
        answered += 1;
        writeln!(
            out,
            "{}",
            wrap.apply(&format!(
                "Recorded as {}; next review in {}.",
                done.rating,
                next_review(&done, style)
            ))
        )?;
    }
    writeln!(out, "\nSession done: {answered} of {total} answered.")?;
    Ok(Outcome::Success)
}

/// Records graded answers from `practice` in the store; a failure is reported, not fatal (the
/// answer was already shown).
pub fn record_answers(
    db: Option<&Path>,
    answers: &[GradedAnswer],
    style: Style,
    out: &mut dyn Write,
) {
    if answers.is_empty() {
        return;
    }
    let result = open_store(db, None).and_then(|mut study| {
        let mut last = None;
        for a in answers {
            last = Some(study.record(a, None, Utc::now())?);
        }
        Ok((study.path().to_path_buf(), last))
    });
    let wrap = Wrap::for_stdout();
    match result {
        Ok((path, Some(done))) if answers.len() == 1 => {
            let _ = writeln!(
                out,
                "\n{}",
                wrap.apply(&format!(
                    "Recorded in {} as {}; it comes back in `rubric study` in {}.",
                    path.display(),
                    done.rating,
                    next_review(&done, style)
                ))
            );
        }
        Ok((path, _)) => {
            let _ = writeln!(
                out,
                "\n{}",
                wrap.apply(&format!(
                    "Recorded {} answers in {} for `rubric study`.",
                    answers.len(),
                    path.display()
                ))
            );
        }
        Err(e) => eprintln!("rubric: the answer was not recorded in the study store: {e:#}"),
    }
}

/// Records an interview's answers in the study store as each is graded, keyed by transcript,
/// question and turn, so that quitting, a kill or a resume loses none and records none twice.
/// A store that cannot be opened or written is reported once on stderr; the interview goes on
/// (its transcript keeps every answer, and a resume records what was missed).
pub struct InterviewRecorder {
    study: Option<Study>,
    /// Answers this process added to the store.
    pub added: usize,
    reported: bool,
}

impl InterviewRecorder {
    /// Opens the store (`db`, or the default one).
    pub fn open(db: Option<&Path>) -> InterviewRecorder {
        let study = match open_store(db, None) {
            Ok(s) => Some(s),
            Err(e) => {
                eprintln!("rubric: answers will not be recorded in the study store: {e:#}");
                None
            }
        };
        InterviewRecorder {
            study,
            added: 0,
            reported: false,
        }
    }

    /// The store's file, when it is open.
    pub fn path(&self) -> Option<&Path> {
        self.study.as_ref().map(Study::path)
    }

    /// Records the answered turns of `transcript` not recorded yet: all of them (`last_only`
    /// false, on start and at the end), or the last one (just graded).
    pub fn record(
        &mut self,
        bank: &rubric_grader::Bank,
        transcript: &rubric_grader::interview::Transcript,
        last_only: bool,
    ) {
        let Some(study) = self.study.as_mut() else {
            return;
        };
        let turns = if last_only {
            transcript.turns.len().saturating_sub(1)
        } else {
            0
        };
        let result = transcript.turns[turns..].iter().try_for_each(|turn| {
            if let Some(a) = rubric_grader::study::interview_answer(bank, transcript, turn)? {
                if study.record_once(&a, None, Utc::now())?.is_some() {
                    self.added += 1;
                }
            }
            Ok::<(), rubric_grader::study::StudyError>(())
        });
        if let Err(e) = result {
            if !self.reported {
                self.reported = true;
                eprintln!("rubric: an answer was not recorded in the study store (the transcript keeps it; resuming records it): {e}");
            }
        }
    }

    /// "N answers recorded in STORE for `rubric study`." when any were.
    pub fn summary(&self) -> Option<String> {
        let path = self.path()?;
        (self.added > 0).then(|| {
            format!(
                "{} answer{} recorded in {} for `rubric study`.",
                self.added,
                if self.added == 1 { "" } else { "s" },
                path.display()
            )
        })
    }
}
