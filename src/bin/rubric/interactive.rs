//! The interview and practice loops in a terminal: prompts, multi-line answers, `:hint`, `:skip`,
//! `:quit`, `$EDITOR`, and Ctrl-C. All state lives in the library's `Interview`; this file only
//! reads and prints, and saves the transcript after every step.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rubric_grader::feedback::render::{inline_to_text, to_text, Style};
use rubric_grader::interview::render::{question_to_text, to_text as scorecard_text};
use rubric_grader::interview::{Interview, Phase, Plan, PracticeLog, TranscriptFile};
use rubric_grader::Bank;

use anyhow::Context as _;

use crate::commands::{At, CliResult, Outcome};
use crate::terminal::Wrap;

/// What the user typed at a prompt.
pub(crate) enum Input {
    Answer(String),
    /// An answer over the size limit, of this many bytes: not kept, not graded.
    TooLarge(usize),
    Hint,
    Skip,
    Quit,
}

/// Options of `rubric interview`.
pub struct InterviewOptions {
    pub plan: Plan,
    pub feedback_each: bool,
    pub transcript: Option<PathBuf>,
    pub resume: Option<PathBuf>,
    pub force: bool,
    pub editor: bool,
    pub candidate: Option<String>,
    /// Record the answers in the study store (at this path, or the default one).
    pub record: Option<Option<PathBuf>>,
}

/// Reads one answer: lines up to a line holding only `.`, or end of input. A first line that is a
/// command (`:hint`, `:skip`, `:quit`) is that command. End of input with nothing typed quits.
/// A `.` with nothing typed asks first: an empty answer scores 0 (and draws a follow-up).
pub(crate) fn read_answer(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    editor: bool,
) -> anyhow::Result<Input> {
    if editor {
        return from_editor().map(|text| {
            if text.len() > MAX_ANSWER_BYTES {
                Input::TooLarge(text.len())
            } else {
                Input::Answer(text)
            }
        });
    }
    let mut text = String::new();
    // Past the limit, lines are read up to the closing `.` and counted, not kept: a pasted
    // gigabyte costs no memory and leaves the prompt in step.
    let mut dropped = 0usize;
    let mut first = true;
    loop {
        let _ = write!(out, "{}", if first { "> " } else { "  " });
        let _ = out.flush();
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(if dropped > 0 {
                Input::TooLarge(text.len() + dropped)
            } else if text.trim().is_empty() {
                Input::Quit
            } else {
                Input::Answer(text)
            });
        }
        let trimmed = line.trim();
        if first {
            match trimmed {
                ":hint" => return Ok(Input::Hint),
                ":skip" => return Ok(Input::Skip),
                ":quit" | ":q" => return Ok(Input::Quit),
                _ => {}
            }
        }
        if trimmed == "." {
            if dropped > 0 {
                return Ok(Input::TooLarge(text.len() + dropped));
            }
            if !text.trim().is_empty() {
                return Ok(Input::Answer(text));
            }
            let _ = write!(
                out,
                "Nothing typed; submit an empty answer (it scores 0)? [y/N] "
            );
            let _ = out.flush();
            let mut yes = String::new();
            if input.read_line(&mut yes)? == 0 {
                return Ok(Input::Quit);
            }
            if matches!(yes.trim(), "y" | "Y" | "yes") {
                return Ok(Input::Answer(text));
            }
            let _ = writeln!(out, "Type your answer, or :hint, :skip, :quit.");
            text.clear();
            first = true;
            continue;
        }
        if dropped > 0 || text.len() + line.len() > MAX_ANSWER_BYTES {
            dropped += line.len();
        } else {
            text.push_str(&line);
        }
        first = false;
    }
}

/// The grader's default size limit for one answer.
pub(crate) const MAX_ANSWER_BYTES: usize = rubric_grader::DEFAULT_MAX_ANSWER_BYTES;

/// Opens `$EDITOR` (or `vi`) on a temporary file and returns what was written. The file has an
/// unpredictable name, only the user can read it, and it is removed when this returns.
fn from_editor() -> anyhow::Result<String> {
    let file = tempfile::Builder::new()
        .prefix("rubric-answer-")
        .suffix(".md")
        .tempfile()?;
    let path = file.path();
    let editor = std::env::var("EDITOR")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(path)
        .status()
        .with_context(|| format!("cannot start `{editor}`"))?;
    if !status.success() {
        anyhow::bail!("`{editor}` exited with {status}");
    }
    let bytes = std::fs::read(path)?;
    crate::commands::utf8(bytes, path)
}

/// The project's folders (`~/.local/share/rubric-grader` and the like), if the platform has a
/// home.
pub(crate) fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "rubric-grader")
}

/// Where a new interview's transcript goes by default: `interviews/interview-<seed>.json` in
/// the platform's data directory (on Linux `$XDG_DATA_HOME/rubric-grader`, else
/// `~/.local/share/rubric-grader`), never over an earlier transcript; the current folder only
/// when there is no home.
fn default_transcript(plan: &Plan) -> PathBuf {
    let dir = project_dirs().map_or_else(PathBuf::new, |d| d.data_dir().join("interviews"));
    let seed = plan.seed;
    std::iter::once(dir.join(format!("interview-{seed}.json")))
        .chain((2..).map(|n| dir.join(format!("interview-{seed}-{n}.json"))))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("interview-{seed}.json")))
}

pub fn interview(
    bank: &Bank,
    opts: InterviewOptions,
    style: Style,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> CliResult {
    // The transcript file stays locked for the whole session: a second `rubric interview` on it
    // is refused rather than overwriting this one.
    let (mut iv, mut file) = match &opts.resume {
        Some(p) => {
            let (file, t) = TranscriptFile::open(p)?;
            (Interview::resume(bank, t)?, file)
        }
        None => {
            let path = opts
                .transcript
                .clone()
                .unwrap_or_else(|| default_transcript(&opts.plan));
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).at(dir)?;
            }
            let mut iv = Interview::new(bank, opts.plan)?;
            iv.ensure_id();
            let file = TranscriptFile::create(&path, iv.transcript(), opts.force)?;
            (iv, file)
        }
    };
    // A transcript from an older build gets its id now, before any answer is recorded by it.
    if iv.transcript().id.is_none() {
        iv.ensure_id();
        file.save(iv.transcript())?;
    }
    // Each answer goes into the study store as it is graded; answers graded before a kill but
    // not recorded yet are recorded now (none twice: they are keyed by transcript and turn).
    let mut recorder = opts
        .record
        .as_ref()
        .map(|db| crate::study::InterviewRecorder::open(db.as_deref()));
    if let Some(r) = recorder.as_mut() {
        r.record(bank, iv.transcript(), false);
    }
    let path = file.path().to_path_buf();
    // Ctrl-C: wait for a save in progress, save the latest state once more (it may hold a hint
    // just taken) and tell the user how to resume.
    let shared = Arc::new(Mutex::new((file, iv.transcript().clone())));
    {
        let shared = Arc::clone(&shared);
        let path = path.clone();
        let _ = ctrlc::set_handler(move || {
            if let Ok(mut guard) = shared.lock() {
                let (file, t) = &mut *guard;
                let t = t.clone();
                let _ = file.save(&t);
            }
            eprintln!("\nrubric: interrupted; transcript saved to {0}; continue with `rubric interview --resume {0}`", path.display());
            std::process::exit(130);
        });
    }
    let save = |iv: &Interview<'_>| -> anyhow::Result<()> {
        let mut guard = shared
            .lock()
            .map_err(|_| anyhow::anyhow!("the transcript writer failed"))?;
        guard.1 = iv.transcript().clone();
        let (file, t) = &mut *guard;
        Ok(file.save(t)?)
    };
    if opts.candidate.is_some() {
        iv.set_candidate(opts.candidate.clone());
        save(&iv)?;
    }
    let wrap = Wrap::for_stdout();
    let md = |s: &str| inline_to_text(s, style);
    let _ = writeln!(
        out,
        "{}",
        wrap.apply(&format!(
            "Interview of {} question{}; transcript: {}",
            iv.total(),
            if iv.total() == 1 { "" } else { "s" },
            path.display()
        ))
    );
    let _ = writeln!(out, "{}\n", wrap.apply("Answer in as many lines as you like and end with a line holding only `.`; commands: :hint, :skip, :quit."));
    // After a resume, show what is open: the question, with its hint; or the follow-up, with the
    // question it follows.
    if let Some(q) = iv.current_question() {
        let _ = write!(out, "{}", wrap.apply(&question_to_text(q, style)));
        if let Some(h) = iv.current_hint() {
            let _ = writeln!(
                out,
                "{}",
                wrap.apply(&format!(
                    "Hint (costs {:.0} %): {}",
                    h.cost * 100.0,
                    md(&h.text)
                ))
            );
        }
    }
    if let Some(f) = iv.pending_follow_up() {
        if let Some(turn) = iv.transcript().turns.last() {
            let _ = write!(
                out,
                "{}",
                wrap.apply(&question_to_text(&turn.question, style))
            );
        }
        let _ = writeln!(
            out,
            "{}",
            wrap.apply(&format!(
                "\nFollow-up (answer it, or :skip): {}",
                md(&f.question)
            ))
        );
    }
    let mut started = Instant::now();
    let mut feedback = Vec::new();
    // An answer submitted just before the last session stopped, saved but not graded: grade it
    // now rather than ask again.
    let mut recorded = iv
        .recorded_answer()
        .map(|(text, elapsed)| (text.to_string(), elapsed));
    if recorded.is_some() {
        let _ = writeln!(
            out,
            "Grading the answer you submitted before the interruption."
        );
    }
    loop {
        match iv.phase() {
            Phase::Ready => match iv.next_question()? {
                Some(q) => {
                    let _ = write!(out, "\n{}", wrap.apply(&question_to_text(&q, style)));
                    started = Instant::now();
                }
                None => break,
            },
            Phase::Asking => match take_or_read(&mut recorded, input, out, opts.editor)? {
                Input::TooLarge(n) => too_large(out, n),
                Input::Hint => match iv.hint() {
                    Ok(h) => {
                        // Saved before it is shown: a Ctrl-C right after keeps the hint taken.
                        save(&iv)?;
                        let _ = writeln!(
                            out,
                            "{}",
                            wrap.apply(&format!(
                                "Hint (costs {:.0} % of this question): {}",
                                h.cost * 100.0,
                                md(&h.text)
                            ))
                        );
                    }
                    Err(e) => {
                        let _ = writeln!(out, "{e}");
                    }
                },
                Input::Skip => {
                    iv.skip()?;
                    save(&iv)?;
                    let _ = writeln!(out, "Skipped.");
                }
                Input::Quit => return quit(&iv, &path, recorder.as_ref(), out, &save),
                Input::Answer(text) => {
                    let elapsed = started.elapsed();
                    // Durable before it is graded: a kill from here on loses nothing typed.
                    iv.record_answer(&text, elapsed)?;
                    save(&iv)?;
                    let graded = iv.submit(&text, elapsed)?;
                    // The graded answer is in the transcript, then in the study store.
                    save(&iv)?;
                    if let Some(r) = recorder.as_mut() {
                        r.record(bank, iv.transcript(), true);
                    }
                    // The probe is asked below, as a prompt; the feedback need not announce it too.
                    let mut shown = graded.feedback.clone();
                    if graded.follow_up().is_some() {
                        shown.follow_up = None;
                    }
                    let rendered = wrap.apply(&to_text(&graded.grade, &shown, style));
                    if opts.feedback_each {
                        let _ = write!(out, "\n{rendered}");
                    } else {
                        feedback.push(rendered);
                    }
                    if let Some(f) = graded.follow_up() {
                        let _ = writeln!(
                            out,
                            "{}",
                            wrap.apply(&format!(
                                "\nFollow-up (answer it, or :skip): {}",
                                md(&f.question)
                            ))
                        );
                        started = Instant::now();
                    }
                }
            },
            Phase::FollowUp => match take_or_read(&mut recorded, input, out, opts.editor)? {
                Input::TooLarge(n) => too_large(out, n),
                Input::Skip => {
                    iv.skip()?;
                }
                Input::Hint => {
                    let _ = writeln!(out, "No hints for a follow-up; answer it, or :skip.");
                }
                Input::Quit => return quit(&iv, &path, recorder.as_ref(), out, &save),
                Input::Answer(text) => {
                    let elapsed = started.elapsed();
                    iv.record_answer(&text, elapsed)?;
                    save(&iv)?;
                    let turn = iv.answer_follow_up(&text, elapsed)?;
                    if let Some(f) = &turn.follow_up {
                        let verdict = if f.hit {
                            format!("covered; {:.1} points recovered", f.recovered)
                        } else {
                            "not covered".into()
                        };
                        let _ = writeln!(out, "Follow-up: {verdict}.");
                    }
                }
            },
            Phase::Finished => break,
        }
        save(&iv)?;
    }
    let card = iv.finish()?;
    save(&iv)?;
    if let Some(r) = recorder.as_mut() {
        r.record(bank, iv.transcript(), false);
        if let Some(line) = r.summary() {
            let _ = writeln!(out, "\n{}", wrap.apply(&line));
        }
    }
    for f in &feedback {
        let _ = write!(out, "\n{f}");
    }
    let _ = write!(out, "\n{}", wrap.apply(&scorecard_text(&card, style)));
    let _ = writeln!(
        out,
        "\n{}",
        wrap.apply(&format!(
            "Transcript: {} (`rubric report {}` renders it again, also as HTML)",
            path.display(),
            path.display()
        ))
    );
    Ok(Outcome::Success)
}

/// The answer recorded before an interruption, once, else the next one typed.
fn take_or_read(
    recorded: &mut Option<(String, std::time::Duration)>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    editor: bool,
) -> anyhow::Result<Input> {
    match recorded.take() {
        Some((text, _)) => Ok(Input::Answer(text)),
        None => read_answer(input, out, editor),
    }
}

/// Says why an answer was not taken; the question stays open.
fn too_large(out: &mut dyn Write, bytes: usize) {
    let _ = writeln!(
        out,
        "That answer is {bytes} bytes; the limit is {MAX_ANSWER_BYTES} bytes. It was not graded: answer again, shorter, or :skip."
    );
}

fn quit(
    iv: &Interview<'_>,
    path: &Path,
    recorder: Option<&crate::study::InterviewRecorder>,
    out: &mut dyn Write,
    save: &dyn Fn(&Interview<'_>) -> anyhow::Result<()>,
) -> CliResult {
    save(iv)?;
    if let Some(line) = recorder.and_then(crate::study::InterviewRecorder::summary) {
        let _ = writeln!(out, "\n{}", Wrap::for_stdout().apply(&line));
    }
    let _ = writeln!(
        out,
        "\nSaved to {0}; continue with `rubric interview --resume {0}`.",
        path.display()
    );
    Ok(Outcome::Success)
}

/// Options of `rubric practice`.
pub struct PracticeOptions {
    pub plan: Plan,
    pub log: Option<PathBuf>,
    pub answer: Option<PathBuf>,
    pub editor: bool,
    /// Record the answer in the study store (at this path, or the default one) instead of the
    /// practice log.
    pub record: Option<Option<PathBuf>>,
}

/// Where the practice log lives: the platform's state directory (on Linux
/// `$XDG_STATE_HOME/rubric-grader/practice.json`, else `~/.local/state/rubric-grader/…`), or its
/// local data directory elsewhere; the current folder only when there is no home.
pub(crate) fn default_log() -> PathBuf {
    match project_dirs() {
        Some(d) => d
            .state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .join("practice.json"),
        None => PathBuf::from(".rubric-practice.json"),
    }
}

pub fn practice(
    bank: &Bank,
    opts: PracticeOptions,
    style: Style,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> CliResult {
    let log_path = opts.log.clone().unwrap_or_else(default_log);
    if let Some(dir) = log_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    // Recording into the study store: the pick's history is the store's (the old log was
    // imported into it once and is no longer written).
    let store = match &opts.record {
        Some(db) => Some(crate::study::open_store_importing(
            db.as_deref(),
            None,
            &log_path,
        )?),
        None => None,
    };
    let mut log = match &store {
        Some(study) => study.practice_log()?,
        None => PracticeLog::load_or_default(&log_path)?,
    };
    let entry = log.pick(bank, &opts.plan)?;
    let r = &entry.rubric;
    let wrap = Wrap::for_stdout();
    let question: Vec<String> = r
        .question
        .lines()
        .map(|l| inline_to_text(l, style))
        .collect();
    let _ = writeln!(
        out,
        "{}",
        wrap.apply(&format!(
            "{} — {} [{}, {}]\n\n{}\n",
            r.id,
            r.title,
            r.category,
            r.level,
            question.join("\n")
        ))
    );
    let text = match &opts.answer {
        Some(p) => crate::commands::read_text(p)?,
        None => {
            let _ = writeln!(out, "Your answer (end with a line holding only `.`):");
            match read_answer(input, out, opts.editor)? {
                Input::Answer(t) => t,
                Input::TooLarge(n) => {
                    anyhow::bail!("the answer is {n} bytes; the limit is {MAX_ANSWER_BYTES} bytes")
                }
                _ => return Ok(Outcome::Success),
            }
        }
    };
    let grader = rubric_grader::Grader::for_entry(bank, entry)?;
    let grade = grader.grade(&text)?;
    let feedback = grader.feedback(&grade);
    let _ = write!(out, "\n{}", wrap.apply(&to_text(&grade, &feedback, style)));
    let _ = writeln!(
        out,
        "\nModel answer:\n{}",
        wrap.apply(r.model_answer.trim())
    );
    match store {
        Some(study) => {
            let answer = rubric_grader::study::GradedAnswer::new(
                entry,
                &grade,
                &text,
                rubric_grader::study::Source::Practice,
            );
            let db = study.path().to_path_buf();
            drop(study);
            crate::study::record_answers(Some(&db), &[answer], style, out);
        }
        None => {
            log.record(entry, &grade);
            log.save_atomic(&log_path)?;
        }
    }
    Ok(Outcome::Success)
}
