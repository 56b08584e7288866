//! One short function per subcommand: load, call the library, render, write.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rubric_grader::authoring::{lint, Severity};
use std::io::IsTerminal;

use rubric_grader::feedback::fmt_score;
use rubric_grader::feedback::render::{inline_to_text, to_json, to_markdown, to_text, Style};
use rubric_grader::{Bank, Error, Grader, Level};

use crate::args::{CardFormat, GradeFormat, KitFormat, ListFormat, ReportFormat};
use crate::terminal::{safe, Wrap};

/// How a command ended, mapped to an exit code by `main`.
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: below `--min-score`, or lint errors.
    Failure,
}

/// A failure with a one-line message; exit 2.
pub type CliResult = anyhow::Result<Outcome>;

/// Loads the bank. A broken file in another bank folder is reported on stderr and skipped, so one
/// bad rubric does not stop grading with the others.
pub fn load_bank(dir: Option<&Path>) -> anyhow::Result<Bank> {
    match dir {
        Some(d) => {
            let (bank, errors) = Bank::scan(&[d.to_path_buf()])?;
            for e in &errors {
                eprintln!("rubric: warning: skipped {}", safe(e));
            }
            if bank.is_empty() {
                anyhow::bail!("no rubrics found in {}", d.display());
            }
            Ok(bank)
        }
        None => Ok(Bank::embedded()?),
    }
}

pub fn list(
    out: &mut dyn Write,
    bank: &Bank,
    category: Option<&str>,
    level: Option<&str>,
    format: ListFormat,
) -> CliResult {
    let level: Option<Level> = level
        .map(str::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
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
            writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        }
        ListFormat::Text => {
            // Columns as wide as their widest cell, so every level and category lines up.
            let width = |f: &dyn Fn(&&rubric_grader::Rubric) -> usize| {
                rows.iter().map(f).max().unwrap_or(0)
            };
            let id_w = width(&|r| r.id.chars().count());
            let level_w = width(&|r| r.level.as_str().len());
            let cat_w = width(&|r| r.category.chars().count());
            for r in &rows {
                writeln!(
                    out,
                    "{:<id_w$}  {:<level_w$}  {:<cat_w$}  {}",
                    r.id,
                    r.level.as_str(),
                    r.category,
                    r.title
                )?;
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
    let e = bank.find(id)?;
    let r = &e.rubric;
    let md = |s: &str| inline_to_text(s, Style::PLAIN);
    let mut s = format!(
        "{} — {} [{}, {}]\n\n{}\n",
        r.id,
        r.title,
        r.category,
        r.level,
        r.question.lines().map(md).collect::<Vec<_>>().join("\n")
    );
    if rubric {
        s.push_str("\nConcepts:\n");
        for c in &r.concepts {
            let req = if c.required { ", required" } else { "" };
            s.push_str(&format!(
                "  - {} ({}; weight {}{req}): {}\n",
                md(&c.label),
                c.id,
                c.weight,
                md(&c.hint)
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
                    md(&m.label),
                    m.penalty,
                    md(&m.correction)
                ));
            }
        }
    }
    if model_answer {
        s.push_str(&format!("\nModel answer:\n{}\n", r.model_answer.trim()));
    }
    write!(out, "{s}")?;
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
    let entry = bank.find(id)?;
    let text = read_answer(answer)?;
    let grader = Grader::for_entry(bank, entry)?;
    let grade = grader.grade(&text)?;
    let feedback = grader.feedback(&grade);
    let rendered = match format {
        GradeFormat::Text => Wrap::for_stdout().apply(&to_text(&grade, &feedback, style)),
        GradeFormat::Json => to_json(&grade, &feedback) + "\n",
        GradeFormat::Markdown => to_markdown(&grade, &feedback),
    };
    out.write_all(rendered.as_bytes())?;
    Ok(match min_score {
        Some(min) if grade.score < min => {
            eprintln!(
                "rubric: score {} is below --min-score {}",
                fmt_score(grade.score),
                fmt_score(min)
            );
            Outcome::Failure
        }
        _ => Outcome::Success,
    })
}

/// Runs the server until Ctrl-C or SIGTERM, then lets the requests in flight finish.
#[cfg(feature = "serve")]
pub fn serve(bank: Bank, config: rubric_grader::serve::Config) -> CliResult {
    use rubric_grader::serve::{shutdown_signal, Server};
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let server = Server::bind(bank, config).await?;
        let addr = server.local_addr()?;
        // The address on stdout, for scripts and tests that asked for port 0.
        println!("listening on http://{addr}/");
        std::io::stdout().flush()?;
        server.run(shutdown_signal()).await?;
        eprintln!("rubric: stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(Outcome::Success)
}

pub fn lint_paths(
    out: &mut dyn Write,
    paths: &[PathBuf],
    default_dir: Option<&Path>,
    show_warnings: bool,
) -> CliResult {
    let (bank, errors) = if paths.is_empty() {
        match default_dir {
            Some(d) => Bank::scan(&[d.to_path_buf()])?,
            None if Path::new("rubrics").is_dir() => Bank::scan(&[PathBuf::from("rubrics")])?,
            None => (Bank::embedded()?, Vec::new()),
        }
    } else {
        Bank::scan(paths)?
    };
    let diags = lint(&bank, errors);
    let n_err = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let n_warn = diags.len() - n_err;
    for d in &diags {
        if d.severity == Severity::Error || show_warnings {
            writeln!(out, "{d}")?;
        }
    }
    writeln!(
        out,
        "{} rubric{} checked: {n_err} error{}, {n_warn} warning{}",
        bank.len(),
        if bank.len() == 1 { "" } else { "s" },
        if n_err == 1 { "" } else { "s" },
        if n_warn == 1 { "" } else { "s" }
    )?;
    Ok(if n_err > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

pub fn explain(
    out: &mut dyn Write,
    bank: &Bank,
    id: &str,
    answer: Option<&Path>,
    format: ReportFormat,
    style: Style,
) -> CliResult {
    let entry = bank.find(id)?;
    let text = read_answer(answer)?;
    let grader = Grader::for_entry(bank, entry)?;
    let explanation = grader.explain(&text)?;
    let rendered = match format {
        ReportFormat::Text => {
            rubric_grader::feedback::render::explanation_to_text(&explanation, style)
        }
        ReportFormat::Json => serde_json::to_string_pretty(&explanation)? + "\n",
    };
    out.write_all(rendered.as_bytes())?;
    Ok(Outcome::Success)
}

pub struct TestArgs<'a> {
    pub paths: &'a [PathBuf],
    pub cases: Option<&'a Path>,
    pub no_examples: bool,
    pub min_agreement: Option<f64>,
    pub worst: usize,
    pub format: ReportFormat,
}

pub fn test(out: &mut dyn Write, bank_dir: Option<&Path>, args: TestArgs<'_>) -> CliResult {
    use rubric_grader::authoring::marked;
    // Examples come from the rubrics named (or the whole bank); cases may name any bank question.
    let bank = if args.paths.is_empty() {
        load_bank(bank_dir)?
    } else {
        let (bank, errors) = Bank::scan(args.paths)?;
        for e in &errors {
            eprintln!("rubric: warning: skipped {}", safe(e));
        }
        bank
    };
    let mut cases = if args.no_examples {
        Vec::new()
    } else {
        marked::bank_examples(&bank)
    };
    let mut errors = Vec::new();
    if let Some(path) = args.cases {
        let (more, errs) = marked::read_cases_file(path)?;
        cases.extend(more);
        errors = errs;
    }
    let mut report = marked::run(&bank, &cases);
    report.errors.splice(0..0, errors);
    match args.format {
        ReportFormat::Text => write!(out, "{}", marked::render_text(&report, args.worst))?,
        ReportFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
    }
    Ok(match args.min_agreement {
        Some(min) if report.overall.within < min => Outcome::Failure,
        _ => Outcome::Success,
    })
}

/// `rubric draft` arguments.
pub struct DraftArgs<'a> {
    pub question: &'a str,
    pub model_answers: &'a [PathBuf],
    pub alternatives: Option<&'a Path>,
    pub id: Option<&'a str>,
    pub category: &'a str,
    pub dest: Option<&'a Path>,
}

pub fn draft(out: &mut dyn Write, bank: &Bank, args: DraftArgs<'_>) -> CliResult {
    use rubric_grader::authoring::draft;
    let mut references = Vec::new();
    for path in args.model_answers {
        references.push(read_answer(Some(path))?);
    }
    if let Some(path) = args.alternatives {
        let text = read_answer(Some(path))?;
        references.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    if references.iter().all(|r| r.trim().is_empty()) {
        anyhow::bail!("draft needs a reference answer that is not empty");
    }
    // Without --id, a draft written to a file is named after it, so `lint FILE` is clean.
    let id = match (args.id, args.dest) {
        (Some(id), _) => id.to_string(),
        (None, Some(path)) => path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(draft::slug)
            .unwrap_or_else(|| "draft".into()),
        (None, None) => "draft".into(),
    };
    let options = draft::DraftOptions {
        id: id.clone(),
        category: args.category.to_string(),
        ..Default::default()
    };
    let background = draft::Background::of_bank(bank);
    let refs: Vec<&str> = references.iter().map(|r| r.trim()).collect();
    let rubric =
        draft::draft_from_references(args.question, &refs, &background, bank.glossary(), &options);
    let text = draft::to_ron(&rubric);
    // Check the draft as lint would, before handing it over.
    let name = match args.dest {
        Some(path) => path.display().to_string(),
        None => format!("{id}-draft.ron"),
    };
    let (checked, errors) = Bank::from_sources(
        vec![(name, text.clone())],
        Some(("<glossary>".into(), ron_glossary(bank)?)),
    );
    let problems: Vec<String> = rubric_grader::authoring::lint(&checked, errors)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    match args.dest {
        Some(path) => {
            rubric_grader::durable::write_atomic(path, text.as_bytes()).at(path)?;
            eprintln!(
                "rubric: wrote {} ({} concepts)",
                path.display(),
                rubric.concepts.len()
            );
        }
        None => out.write_all(text.as_bytes())?,
    }
    for p in &problems {
        eprintln!("rubric: draft: {}", safe(p));
    }
    Ok(if problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}

/// The data set files that `--dataset` names: each file as given, and every `.jsonl` file of a
/// folder, in name order.
fn dataset_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(path)
                .at(path)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            inner.sort();
            if inner.is_empty() {
                anyhow::bail!("{}: no .jsonl file in this folder", path.display());
            }
            files.extend(inner);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

pub fn draft_evaluate_dataset(
    out: &mut dyn Write,
    bank: &Bank,
    paths: &[PathBuf],
    scores: Option<&Path>,
    format: ReportFormat,
) -> CliResult {
    use rubric_grader::authoring::dataset;
    use std::io::IsTerminal;
    let mut records = Vec::new();
    // Which file each question (data set and id) came from, and its text: two files may not
    // give one id to two questions, or their answers would be graded as one question's.
    let mut seen: std::collections::HashMap<(String, String), (String, PathBuf)> =
        std::collections::HashMap::new();
    for file in dataset_files(paths)? {
        let text = std::fs::read_to_string(&file).at(&file)?;
        let read =
            dataset::read_dataset(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        for (i, r) in read.iter().enumerate() {
            match seen.get(&r.key()) {
                Some((question, other)) if *question != r.question && *other != file => {
                    anyhow::bail!(
                        "{}: record {}: question id {:?} is also used in {} for another question; give each question its own id",
                        file.display(),
                        i + 1,
                        r.key().1,
                        other.display()
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(r.key(), (r.question.clone(), file.clone()));
                }
            }
        }
        records.extend(read);
    }
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("drafting {bar:30} {pos}/{len} questions {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let e = dataset::evaluate_dataset(&records, bank.glossary(), &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    if let Some(dest) = scores {
        let mut lines = Vec::new();
        for s in &e.scores {
            serde_json::to_writer(&mut lines, s)?;
            lines.push(b'\n');
        }
        rubric_grader::durable::write_atomic(dest, &lines).at(dest)?;
    }
    match format {
        ReportFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&e)?)?,
        ReportFormat::Text => {
            writeln!(
                out,
                "drafted {} rubrics from their reference answers alone ({} failed: model answer below the top band); drafting {:.1} ms mean, {:.1} ms max",
                e.questions,
                e.failed_drafts.len(),
                e.draft_ms_mean,
                e.draft_ms_max
            )?;
            writeln!(
                out,
                "{:<36} {:>7} {:>9} {:>9} {:>9} {:>11} {:>11}",
                "split", "answers", "questions", "pearson", "spearman", "recall r", "recall rho"
            )?;
            for s in &e.splits {
                writeln!(
                    out,
                    "{:<36} {:>7} {:>9} {:>9.3} {:>9.3} {:>11.3} {:>11.3}",
                    safe(&s.split),
                    s.answers,
                    s.questions,
                    s.pearson,
                    s.spearman,
                    s.baseline_pearson,
                    s.baseline_spearman
                )?;
            }
        }
    }
    Ok(Outcome::Success)
}

fn ron_glossary(bank: &Bank) -> anyhow::Result<String> {
    Ok(ron::ser::to_string(bank.glossary())?)
}

pub fn draft_evaluate(out: &mut dyn Write, bank: &Bank, format: ReportFormat) -> CliResult {
    let e = rubric_grader::authoring::draft::evaluate(bank);
    match format {
        ReportFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&e)?)?,
        ReportFormat::Text => writeln!(
            out,
            "drafted {} rubrics from their model answers alone: pair agreement with the hand-written rubrics {:.1}% over {} pairs of marked examples; mean Spearman {:.3}; model answer in the top band {:.1}%",
            e.rubrics,
            e.pair_agreement * 100.0,
            e.pairs,
            e.mean_spearman,
            e.model_answer_top_band * 100.0
        )
        ?,
    }
    Ok(Outcome::Success)
}

pub fn batch(
    bank: &Bank,
    input: &Path,
    output: Option<&Path>,
    summary: Option<&Path>,
    csv: bool,
    full: bool,
) -> CliResult {
    use rubric_grader::batch::{self, BatchOptions, InputFormat};
    use std::io::IsTerminal;
    let format = if csv {
        InputFormat::Csv
    } else {
        InputFormat::from_path(input)
    };
    use rubric_grader::durable::{remove_stale_temps, same_file, AtomicFile};
    let stdin = input == Path::new("-");
    for dest in output.iter().chain(summary.iter()) {
        // Writing the results over the answers would destroy them before they are read.
        if !stdin && same_file(input, dest) {
            anyhow::bail!(
                "{}: is the input file; write the results to another file",
                dest.display()
            );
        }
    }
    if output.is_some() && output == summary {
        anyhow::bail!("--output and --summary name the same file");
    }
    let reader: Box<dyn std::io::BufRead> = if stdin {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(input).at(input)?;
        if f.metadata().at(input)?.is_dir() {
            anyhow::bail!("{}: is a folder, not a file of answers", input.display());
        }
        Box::new(std::io::BufReader::with_capacity(1 << 16, f))
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} answers graded ({per_sec}) {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    // Results go to a temporary file beside the output, renamed over it only when the run is
    // complete: a failed or killed run never leaves a cut-off file where a whole one was expected.
    let mut file = match output {
        Some(path) => {
            remove_stale_temps(path);
            Some(AtomicFile::new(path).at(path)?)
        }
        None => None,
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let writer: &mut dyn Write = match &mut file {
        Some(f) => f,
        None => &mut stdout,
    };
    let name = input.display().to_string();
    let result = batch::run(
        bank,
        reader,
        format,
        writer,
        &BatchOptions {
            full,
            ..BatchOptions::default()
        },
        |n| {
            if let Some(b) = &progress {
                b.set_position(n as u64);
            }
        },
        |bad| {
            eprintln!(
                "rubric: {}",
                safe(format_args!(
                    "{name}:{}: skipped: {}",
                    bad.line, bad.message
                ))
            )
        },
    )
    .map_err(|e| match e {
        Error::Io { path, source } if path == "<input>" => Error::Io {
            path: name.clone(),
            source,
        },
        Error::Io { path, source } if path == "<output>" => Error::Io {
            path: output.map_or("<stdout>".into(), |p| p.display().to_string()),
            source,
        },
        e => e,
    })?;
    if let (Some(f), Some(path)) = (file, output) {
        f.commit().at(path)?;
    }
    if let Some(b) = &progress {
        b.finish_and_clear();
    }
    eprint!("{}", safe(batch::render_summary(&result)));
    if let Some(path) = summary {
        let json = serde_json::to_string_pretty(&result)?;
        remove_stale_temps(path);
        rubric_grader::durable::write_atomic(path, (json + "\n").as_bytes()).at(path)?;
    }
    Ok(Outcome::Success)
}

/// Writes `text` to `dest`, or to `out` when there is none.
pub fn emit(out: &mut dyn Write, dest: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match dest {
        Some(path) => {
            rubric_grader::durable::write_atomic(path, text.as_bytes()).at(path)?;
            eprintln!("rubric: wrote {}", path.display());
            Ok(())
        }
        None => Ok(out.write_all(text.as_bytes())?),
    }
}

/// Renders a scorecard with the library's renderer and writes it (plain when to a file).
fn emit_card(
    out: &mut dyn Write,
    dest: Option<&Path>,
    card: &rubric_grader::interview::Scorecard,
    format: CardFormat,
    style: Style,
) -> anyhow::Result<()> {
    use rubric_grader::interview::render::{self, Format};
    let format = match format {
        CardFormat::Text => Format::Text,
        CardFormat::Markdown => Format::Markdown,
        CardFormat::Json => Format::Json,
        CardFormat::Html => Format::Html,
    };
    let style = if dest.is_some() { Style::PLAIN } else { style };
    let mut text = render::render(card, format, style);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(out, dest, &text)
}

pub fn report(
    out: &mut dyn Write,
    bank: &Bank,
    transcript: &Path,
    format: CardFormat,
    dest: Option<&Path>,
    style: Style,
) -> CliResult {
    use rubric_grader::interview::{Scorecard, Transcript};
    let t = Transcript::load(transcript)?;
    t.check_bank(bank)?;
    let card = Scorecard::from_transcript(bank, &t);
    emit_card(out, dest, &card, format, style)?;
    Ok(Outcome::Success)
}

pub fn kit(
    out: &mut dyn Write,
    bank: &Bank,
    ids: &[String],
    format: KitFormat,
    dest: Option<&Path>,
) -> CliResult {
    use rubric_grader::interview::{render, Kit};
    let kit = Kit::new(bank, ids)?;
    let text = match format {
        KitFormat::Markdown => render::kit_to_markdown(&kit),
        KitFormat::Html => render::kit_to_html(&kit),
        KitFormat::Json => render::kit_to_json(&kit) + "\n",
    };
    emit(out, dest, &text)?;
    Ok(Outcome::Success)
}

pub fn scorecard(
    out: &mut dyn Write,
    bank: &Bank,
    notes: &Path,
    candidate: Option<&str>,
    format: CardFormat,
    dest: Option<&Path>,
    style: Style,
) -> CliResult {
    use rubric_grader::interview::Scorecard;
    let text = read_text(notes)?;
    let card = Scorecard::from_notes(bank, &text, candidate).at(notes)?;
    emit_card(out, dest, &card, format, style)?;
    Ok(Outcome::Success)
}

/// A file given where no positional argument belongs: the user meant `--answer FILE`.
pub fn refuse_stray(stray: Option<&Path>) -> anyhow::Result<()> {
    match stray {
        Some(f) => anyhow::bail!(
            "unexpected argument `{0}`; to grade a file, use `--answer {0}`",
            f.display()
        ),
        None => Ok(()),
    }
}

fn read_answer(path: Option<&Path>) -> anyhow::Result<String> {
    match path {
        Some(p) if p != Path::new("-") => read_text(p),
        _ => {
            // Waiting silently on a terminal looks like a hang.
            if std::io::stdin().is_terminal() {
                eprintln!("Type or paste your answer; end with Ctrl-D.");
            }
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .at(Path::new("<stdin>"))?;
            utf8(bytes, Path::new("<stdin>"))
        }
    }
}

/// Reads a UTF-8 text file; errors name the file (and the first bad byte).
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    utf8(std::fs::read(path).at(path)?, path)
}

pub fn utf8(bytes: Vec<u8>, path: &Path) -> anyhow::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::invalid_utf8(&path.display().to_string(), e.as_bytes(), e.utf8_error()).into()
    })
}

/// Names the file in an I/O error, keeping the error as its source (so a broken pipe is still
/// recognised by its kind).
pub trait At<T> {
    /// `path: error`.
    fn at(self, path: &Path) -> anyhow::Result<T>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> At<T> for Result<T, E> {
    fn at(self, path: &Path) -> anyhow::Result<T> {
        self.map_err(|e| {
            let message = format!("{}: {e}", path.display());
            anyhow::Error::new(e).context(message)
        })
    }
}
