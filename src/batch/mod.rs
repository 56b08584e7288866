//! Batch grading: many answers from JSON Lines or CSV, graded in parallel across cores, written
//! as JSON Lines in input order, with a class summary per question.
//!
//! Memory stays bounded: input is read in chunks of [`BatchOptions::chunk`] records, each chunk
//! is parsed and graded in parallel (rayon) and written before the next is read, and the summary
//! keeps counts and histograms rather than scores. Each question's rubric is compiled once and shared by all
//! threads. A bad record is reported with its line number and skipped; it never stops the run.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::feedback::render::GradeReport;
use crate::grader::Grader;
use crate::rubric::Bank;
use crate::scoring::{Band, Grade};

/// The input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object a line: `{"id"?, "question", "answer"}`.
    JsonLines,
    /// CSV with a header row naming `question`, `answer` and optionally `id` columns.
    Csv,
}

impl InputFormat {
    /// Guesses the format from a file name: `.csv` is CSV, anything else JSON Lines.
    pub fn from_path(path: &std::path::Path) -> InputFormat {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            InputFormat::Csv
        } else {
            InputFormat::JsonLines
        }
    }
}

/// Options for [`run`].
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Records graded together; at most two chunks are held in memory at once (the one being
    /// graded and the next, read meanwhile).
    pub chunk: usize,
    /// Write the whole grade (concepts, evidence, feedback) instead of the compact result.
    pub full: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            chunk: 16384,
            full: false,
        }
    }
}

/// One input record.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Record {
    /// The caller's id for the answer.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// Question id, prefix or slug.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// One output line.
#[derive(Clone, Debug, Serialize)]
pub struct BatchResult<'a> {
    /// Line of the record in the input (its first line, for multi-line CSV records).
    pub line: usize,
    /// The caller's id, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    /// Resolved question id.
    pub question: &'a str,
    /// 0–100.
    pub score: f32,
    /// Band.
    pub band: Band,
    /// Ids of concepts covered.
    pub covered: Vec<&'a str>,
    /// Ids of concepts missed.
    pub missed: Vec<&'a str>,
    /// Ids of misconceptions found.
    pub misconceptions: Vec<&'a str>,
    /// Warning codes.
    pub warnings: Vec<crate::scoring::WarningCode>,
    /// The whole grade, with `full`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<GradeReport<'a>>,
}

/// A record that could not be graded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadRecord {
    /// Its line.
    pub line: usize,
    /// Why.
    pub message: String,
}

/// The class summary of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionSummary {
    /// Question id.
    pub question: String,
    /// Answers graded.
    pub answers: usize,
    /// Mean score.
    pub mean: f64,
    /// Median score.
    pub median: f64,
    /// Lowest score.
    pub min: f32,
    /// Highest score.
    pub max: f32,
    /// Answers per band.
    pub bands: BTreeMap<Band, usize>,
    /// Answers per 10-point bucket: `[0, 10)`, `[10, 20)` … `[90, 100]`.
    pub histogram: [usize; 10],
    /// Concepts by share of answers that missed them, most missed first: what to re-teach.
    pub missed: Vec<ConceptMiss>,
}

/// How many answers missed a concept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptMiss {
    /// Concept id.
    pub concept: String,
    /// Concept label.
    pub label: String,
    /// Share of answers that missed it (0–1).
    pub share: f64,
}

/// The outcome of a batch run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Answers graded.
    pub graded: usize,
    /// Records skipped.
    pub skipped: usize,
    /// The first skipped records (at most 1,000 kept).
    pub errors: Vec<BadRecord>,
    /// Per question, in id order.
    pub questions: Vec<QuestionSummary>,
}

const ERRORS_KEPT: usize = 1000;

/// Running totals for one question; bounded in size whatever the number of answers.
struct Tally {
    concepts: Vec<(String, String)>,
    answers: usize,
    sum: f64,
    min: f32,
    max: f32,
    /// Scores are rounded to 0.1, so 1001 buckets give an exact median.
    tenths: Vec<u32>,
    missed: Vec<usize>,
    bands: BTreeMap<Band, usize>,
}

impl Tally {
    fn new(grader: &Grader) -> Tally {
        Tally {
            concepts: grader
                .rubric()
                .concepts
                .iter()
                .map(|c| (c.id.clone(), c.label.clone()))
                .collect(),
            answers: 0,
            sum: 0.0,
            min: f32::INFINITY,
            max: f32::NEG_INFINITY,
            tenths: vec![0; 1001],
            missed: vec![0; grader.rubric().concepts.len()],
            bands: BTreeMap::new(),
        }
    }

    fn add(&mut self, o: &Outcome) {
        self.answers += 1;
        self.sum += o.score as f64;
        self.min = self.min.min(o.score);
        self.max = self.max.max(o.score);
        self.tenths[((o.score * 10.0).round() as usize).min(1000)] += 1;
        for (i, &missed) in o.missed.iter().enumerate() {
            if missed {
                self.missed[i] += 1;
            }
        }
        *self.bands.entry(o.band).or_default() += 1;
    }

    fn summary(&self, question: &str) -> QuestionSummary {
        let n = self.answers.max(1);
        let median = {
            let (lo_rank, hi_rank) = ((n - 1) / 2, n / 2);
            let (mut seen, mut lo, mut hi) = (0usize, None, None);
            for (t, &count) in self.tenths.iter().enumerate() {
                seen += count as usize;
                if lo.is_none() && seen > lo_rank {
                    lo = Some(t);
                }
                if hi.is_none() && seen > hi_rank {
                    hi = Some(t);
                    break;
                }
            }
            (lo.unwrap_or(0) + hi.unwrap_or(0)) as f64 / 20.0
        };
        let mut histogram = [0usize; 10];
        for (t, &count) in self.tenths.iter().enumerate() {
            histogram[(t / 100).min(9)] += count as usize;
        }
        let mut missed: Vec<ConceptMiss> = self
            .concepts
            .iter()
            .zip(&self.missed)
            .map(|((id, label), &m)| ConceptMiss {
                concept: id.clone(),
                label: label.clone(),
                share: m as f64 / n as f64,
            })
            .collect();
        missed.sort_by(|a, b| b.share.total_cmp(&a.share));
        QuestionSummary {
            question: question.to_string(),
            answers: self.answers,
            mean: self.sum / n as f64,
            median,
            min: self.min,
            max: self.max,
            bands: self.bands.clone(),
            histogram,
            missed,
        }
    }
}

/// What the class summary needs of a grade: taken on the worker that graded the answer, so the
/// grade itself (its evidence strings) is freed there too, not on the thread that keeps the
/// tallies in input order while the other cores wait.
struct Outcome {
    score: f32,
    band: Band,
    /// Per concept of the rubric: whether the answer missed it.
    missed: Vec<bool>,
}

impl Outcome {
    fn of(g: &Grade) -> Outcome {
        Outcome {
            score: g.score,
            band: g.band,
            missed: g.concepts.iter().map(|c| !c.hit).collect(),
        }
    }
}

/// Reads the raw CSV bytes for the CSV reader, noting on the way what it does not tell: the byte
/// offset of every newline (so line numbers are right with CRLF endings, where the `csv` crate's
/// count is one behind) and whether the input ends inside a quoted field (which `csv` silently
/// accepts, merging every record after the stray quote into one).
struct CsvTracker<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Newlines counted before `newlines.front()`.
    lines_before: u64,
    newlines: std::collections::VecDeque<u64>,
    at_field_start: bool,
    in_quote: bool,
    /// A `"` inside a quoted field: the closing quote, or the first of a doubled `""`.
    quote_pending: bool,
    /// Where the current quoted field opened.
    quote_opened: u64,
    eof: bool,
}

impl<R: std::io::Read> CsvTracker<R> {
    fn new(inner: R) -> Self {
        CsvTracker {
            inner,
            offset: 0,
            lines_before: 0,
            newlines: std::collections::VecDeque::new(),
            at_field_start: true,
            in_quote: false,
            quote_pending: false,
            quote_opened: 0,
            eof: false,
        }
    }

    /// The 1-based line of byte `at`; calls must not go backwards. A record that `csv` says
    /// starts on the `\n` of a CRLF starts on the next line.
    fn line_of(&mut self, at: u64) -> usize {
        while self.newlines.front().is_some_and(|&nl| nl <= at) {
            self.newlines.pop_front();
            self.lines_before += 1;
        }
        self.lines_before as usize + 1
    }

    /// Where an unterminated quoted field opened, once the whole input has been read.
    fn unterminated(&self) -> Option<u64> {
        (self.eof && self.in_quote && !self.quote_pending).then_some(self.quote_opened)
    }
}

impl<R: std::io::Read> std::io::Read for CsvTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.eof = true;
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            let at = self.offset + i as u64;
            if b == b'\n' {
                self.newlines.push_back(at);
            }
            if self.in_quote {
                if self.quote_pending {
                    self.quote_pending = false;
                    if b == b'"' {
                        continue;
                    }
                    self.in_quote = false;
                } else {
                    if b == b'"' {
                        self.quote_pending = true;
                    }
                    continue;
                }
            }
            match b {
                b'"' if self.at_field_start => {
                    self.in_quote = true;
                    self.quote_opened = at;
                    self.at_field_start = false;
                }
                b',' | b'\n' | b'\r' => self.at_field_start = true,
                _ => self.at_field_start = false,
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// A read error that ends the run: the input cannot be read (a folder, a failing device).
#[derive(Debug)]
struct Fatal(std::io::Error);

/// Reads records one at a time, with their line numbers.
enum Records<R: BufRead> {
    Json {
        reader: R,
        line: usize,
        buf: Vec<u8>,
    },
    Csv {
        reader: Box<csv::Reader<CsvTracker<R>>>,
        columns: Option<(usize, usize, Option<usize>)>,
        header_error: Option<HeaderError>,
    },
}

/// Why the CSV header cannot be used.
enum HeaderError {
    Message(String),
    Io(std::io::Error),
}

fn parse_json_record(text: &str) -> Result<Record, String> {
    serde_json::from_str::<Record>(text).map_err(|e| e.to_string())
}

/// A record as read: a JSON line is kept as text and parsed with the rest of its chunk on all
/// cores (parsing is most of what reading costs), a CSV record is read whole.
enum Unparsed {
    Json(String),
    Csv(Record),
}

impl Unparsed {
    fn parse(self) -> Result<Record, String> {
        match self {
            Unparsed::Json(text) => parse_json_record(&text),
            Unparsed::Csv(record) => Ok(record),
        }
    }
}

impl<R: BufRead> Records<R> {
    fn new(reader: R, format: InputFormat) -> Records<R> {
        match format {
            InputFormat::JsonLines => Records::Json {
                reader,
                line: 0,
                buf: Vec::new(),
            },
            InputFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .flexible(true)
                    .from_reader(CsvTracker::new(reader));
                let (columns, header_error) = match reader.headers() {
                    Ok(h) => {
                        let find =
                            |name: &str| h.iter().position(|c| c.trim().eq_ignore_ascii_case(name));
                        match (find("question"), find("answer")) {
                            (Some(q), Some(a)) => (Some((q, a, find("id"))), None),
                            _ => (
                                None,
                                Some(HeaderError::Message(
                                    "the CSV header must name `question` and `answer` columns"
                                        .to_string(),
                                )),
                            ),
                        }
                    }
                    Err(e) if e.is_io_error() => match e.into_kind() {
                        csv::ErrorKind::Io(io) => (None, Some(HeaderError::Io(io))),
                        _ => (None, None),
                    },
                    Err(e) => (
                        None,
                        Some(HeaderError::Message(format!(
                            "cannot read the CSV header: {e}"
                        ))),
                    ),
                };
                Records::Csv {
                    reader: Box::new(reader),
                    columns,
                    header_error,
                }
            }
        }
    }

    /// The next record, or a bad record, or `None` at the end.
    ///
    /// # Errors
    /// [`Fatal`] when the input itself cannot be read: retrying would fail the same way (a
    /// folder gives "Is a directory" forever), so the run ends.
    #[allow(clippy::type_complexity)]
    fn next(&mut self) -> Result<Option<(usize, Result<Unparsed, String>)>, Fatal> {
        match self {
            Records::Json { reader, line, buf } => loop {
                buf.clear();
                match reader.read_until(b'\n', buf) {
                    Ok(0) => return Ok(None),
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(Fatal(e)),
                }
                *line += 1;
                let text = match std::str::from_utf8(buf) {
                    Ok(t) => t.trim(),
                    Err(e) => {
                        let at = crate::rubric::utf8_location(buf, e.valid_up_to());
                        return Ok(Some((
                            *line,
                            Err(format!("not valid UTF-8 (column {})", at.column)),
                        )));
                    }
                };
                if text.is_empty() {
                    continue;
                }
                return Ok(Some((*line, Ok(Unparsed::Json(text.to_string())))));
            },
            Records::Csv {
                reader,
                columns,
                header_error,
            } => {
                match header_error.take() {
                    Some(HeaderError::Io(e)) => return Err(Fatal(e)),
                    Some(HeaderError::Message(m)) => return Ok(Some((1, Err(m)))),
                    None => {}
                }
                let Some((q, a, id)) = *columns else {
                    return Ok(None);
                };
                let mut record = csv::StringRecord::new();
                match reader.read_record(&mut record) {
                    Ok(false) => Ok(None),
                    Ok(true) => {
                        let start = record.position().map_or(0, |p| p.byte());
                        let end = reader.position().byte();
                        let tracker = reader.get_mut();
                        let line = tracker.line_of(start);
                        if let Some(opened) = tracker
                            .unterminated()
                            .filter(|&o| o >= start && o < end.max(start + 1))
                        {
                            let opened_line = tracker.line_of(opened);
                            *columns = None;
                            return Ok(Some((
                                line,
                                Err(format!(
                                    "unterminated quoted field opened on line {opened_line}: every line after it was read into this record; close the quote"
                                )),
                            )));
                        }
                        let field = |i: usize| record.get(i).map(str::to_string);
                        Ok(Some((
                            line,
                            match (field(q), field(a)) {
                                (Some(question), Some(answer)) => Ok(Unparsed::Csv(Record {
                                    id: id.and_then(field).map(serde_json::Value::String),
                                    question,
                                    answer,
                                })),
                                _ => Err("missing `question` or `answer` field".to_string()),
                            },
                        )))
                    }
                    Err(e) => {
                        let start = e.position().map_or(0, |p| p.byte());
                        let line = reader.get_mut().line_of(start);
                        match e.into_kind() {
                            csv::ErrorKind::Io(io) => Err(Fatal(io)),
                            // A UTF-8 error leaves the reader usable; other errors end the input.
                            csv::ErrorKind::Utf8 { err, .. } => Ok(Some((
                                line,
                                Err(format!("not valid UTF-8 in field {}", err.field() + 1)),
                            ))),
                            _ => {
                                *columns = None;
                                Ok(Some((line, Err("unreadable CSV record".into()))))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Question strings resolved to bank entries (or to why they cannot be), once per distinct
/// string: an unknown id costs its lookup and suggestion once, not once per line. Strings over
/// [`CACHED_QUESTION_BYTES`] are not kept (no id is that long; they are resolved, cheaply, each
/// time), so a file of distinct junk ids cannot grow the cache without bound in bytes.
///
/// Each entry's grader is compiled once, when the first chunk that needs it is graded, together
/// with the other entries that chunk needs first seen, in parallel: compiling is the costly part,
/// and compiling while reading would hold up the reader for every new question.
#[derive(Default)]
struct GraderCache {
    by_question: HashMap<String, Result<usize, String>>,
    /// Per bank entry: its grader, or why it does not compile, once compiled.
    graders: HashMap<usize, Result<Arc<Grader>, String>>,
}

/// The longest question string the cache keeps.
const CACHED_QUESTION_BYTES: usize = 256;

/// The most distinct question strings the cache keeps.
const CACHED_QUESTIONS: usize = 100_000;

impl GraderCache {
    /// The index of the bank entry `question` names.
    fn resolve(&mut self, bank: &Bank, question: &str) -> Result<usize, String> {
        if let Some(hit) = self.by_question.get(question) {
            return hit.clone();
        }
        let resolved = bank
            .find(question)
            .map_err(|e| e.to_string())
            .and_then(|e| {
                // `find` returns one of the entries themselves.
                bank.entries()
                    .iter()
                    .position(|other| std::ptr::eq(other, e))
                    .ok_or_else(|| format!("question `{question}` is not an entry of the bank"))
            });
        if question.len() <= CACHED_QUESTION_BYTES && self.by_question.len() < CACHED_QUESTIONS {
            self.by_question
                .insert(question.to_string(), resolved.clone());
        }
        resolved
    }

    /// Compiles, in parallel, the graders of `entries` not compiled yet.
    fn compile(&mut self, bank: &Bank, entries: impl Iterator<Item = usize>) {
        let mut missing: Vec<usize> = entries.filter(|i| !self.graders.contains_key(i)).collect();
        missing.sort_unstable();
        missing.dedup();
        let compiled: Vec<(usize, Result<Arc<Grader>, String>)> = missing
            .into_par_iter()
            .map(|i| {
                let grader = Grader::for_entry(bank, &bank.entries()[i])
                    .map(Arc::new)
                    .map_err(|e| e.to_string());
                (i, grader)
            })
            .collect();
        self.graders.extend(compiled);
    }

    /// The grader of entry `i`, once [`GraderCache::compile`] has compiled it.
    fn grader(&self, i: usize) -> Result<Arc<Grader>, String> {
        self.graders
            .get(&i)
            .cloned()
            .unwrap_or_else(|| Err("internal error: grader not compiled".to_string()))
    }
}

/// `f` of every item, worked out in parallel and returned in input order, with the items of one
/// grader taken one after another: its tables then stay in the CPU cache from one answer to the
/// next, which makes grading answers to mixed questions about twice as fast as taking them in
/// input order (`cargo bench --bench batch`, one thread: about 21,000 answers/s against 11,000).
/// `rubric batch`, `POST /v1/batch` and the Python `grade_many` grade this way.
pub fn map_by_grader<T, R>(
    items: &[T],
    grader: impl Fn(&T) -> &Arc<Grader> + Sync,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| Arc::as_ptr(grader(&items[i])));
    let mut done: Vec<(usize, R)> = order.into_par_iter().map(|i| (i, f(&items[i]))).collect();
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// A record read and not yet graded, with its line: its text, or why it is skipped.
type PendingRecord = (usize, Result<Unparsed, String>);

/// Grades every record of `input` against `bank`, writing one JSON line per graded answer to
/// `output` in input order. `on_progress(records)` is called after each chunk; `on_error` for each
/// skipped record.
///
/// # Errors
/// [`Error::Io`] when `input` cannot be read (a folder, a device failing: reading again would
/// fail again) or `output` cannot be written; bad records are skipped, not errors.
pub fn run<R: BufRead, W: Write>(
    bank: &Bank,
    input: R,
    format: InputFormat,
    mut output: W,
    options: &BatchOptions,
    mut on_progress: impl FnMut(usize),
    mut on_error: impl FnMut(&BadRecord),
) -> Result<Summary, Error> {
    let chunk_size = options.chunk.max(1);
    let mut records = Records::new(input, format);
    let mut graders = GraderCache::default();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut summary = Summary::default();
    let mut seen = 0usize;
    let mut out_buf = Vec::with_capacity(1 << 16);
    let mut skip = |summary: &mut Summary, bad: BadRecord| {
        on_error(&bad);
        summary.skipped += 1;
        if summary.errors.len() < ERRORS_KEPT {
            summary.errors.push(bad);
        }
    };
    let input_error = |Fatal(source)| Error::Io {
        path: "<input>".into(),
        source,
    };
    // The records of the chunk to grade, in input order: a record to parse, or one to skip
    // (kept in place, so records are reported in line order once their graders are compiled).
    let mut pending = read_chunk(&mut records, chunk_size).map_err(input_error)?;
    while !pending.is_empty() {
        seen += pending.len();
        // Parse the chunk on all cores, find its questions (in order, through the cache) and
        // compile the graders it needs.
        let parsed: Vec<(usize, Result<Record, String>)> = pending
            .into_par_iter()
            .map(|(line, rec)| (line, rec.and_then(Unparsed::parse)))
            .collect();
        let resolved: Vec<_> = parsed
            .into_iter()
            .map(|(line, rec)| {
                let rec = rec.and_then(|rec| {
                    let entry = graders.resolve(bank, &rec.question)?;
                    Ok((rec, entry))
                });
                (line, rec)
            })
            .collect();
        graders.compile(
            bank,
            resolved
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok().map(|&(_, entry)| entry)),
        );
        let mut chunk: Vec<(usize, Record, Arc<Grader>)> = Vec::with_capacity(resolved.len());
        for (line, rec) in resolved {
            match rec.and_then(|(rec, entry)| Ok((rec, graders.grader(entry)?))) {
                Ok((rec, g)) => chunk.push((line, rec, g)),
                Err(message) => skip(&mut summary, BadRecord { line, message }),
            }
        }
        // Each answer is graded and its line written on the worker threads while this thread
        // reads the next chunk; what is left in order is the tally and copying the lines out.
        let mut graded: Vec<Result<GradedLine, Error>> = Vec::new();
        let next = rayon::in_place_scope(|scope| {
            let (chunk, graded) = (&chunk, &mut graded);
            scope.spawn(move |_| {
                *graded = map_by_grader(
                    chunk,
                    |(_, _, g)| g,
                    |(line, rec, g)| {
                        let grade = g.grade(&rec.answer)?;
                        let json = result_line(*line, rec, g, &grade, options.full);
                        Ok((Outcome::of(&grade), json))
                    },
                );
            });
            read_chunk(&mut records, chunk_size)
        });
        out_buf.clear();
        for ((line, _, grader), graded) in chunk.iter().zip(graded) {
            let (outcome, json) = match graded {
                Ok(graded) => graded,
                Err(e) => {
                    skip(
                        &mut summary,
                        BadRecord {
                            line: *line,
                            message: e.to_string(),
                        },
                    );
                    continue;
                }
            };
            let qid = grader.rubric().id.as_str();
            match tallies.get_mut(qid) {
                Some(tally) => tally.add(&outcome),
                None => {
                    let mut tally = Tally::new(grader);
                    tally.add(&outcome);
                    tallies.insert(qid.to_string(), tally);
                }
            }
            summary.graded += 1;
            out_buf.extend_from_slice(&json?);
        }
        output.write_all(&out_buf).map_err(|source| Error::Io {
            path: "<output>".into(),
            source,
        })?;
        on_progress(seen);
        // A read error ends the run once what was read before it is written.
        pending = next.map_err(input_error)?;
    }
    output.flush().map_err(|source| Error::Io {
        path: "<output>".into(),
        source,
    })?;
    summary.questions = tallies.iter().map(|(q, t)| t.summary(q)).collect();
    Ok(summary)
}

/// Up to `n` records from `records`; fewer only at the end of the input.
fn read_chunk<R: BufRead>(records: &mut Records<R>, n: usize) -> Result<Vec<PendingRecord>, Fatal> {
    let mut chunk = Vec::with_capacity(n);
    while chunk.len() < n {
        match records.next()? {
            Some(record) => chunk.push(record),
            None => break,
        }
    }
    Ok(chunk)
}

/// What the summary needs of a grade, and its output line (or why the line could not be written).
type GradedLine = (Outcome, Result<Vec<u8>, Error>);

/// The output line (JSON and a newline) of an answer on `line` graded `grade` by `grader`, with
/// the whole grade and its feedback when `full`.
fn result_line(
    line: usize,
    rec: &Record,
    grader: &Grader,
    grade: &Grade,
    full: bool,
) -> Result<Vec<u8>, Error> {
    let feedback = full.then(|| grader.feedback(grade));
    let result = BatchResult {
        line,
        id: rec.id.as_ref(),
        question: grader.rubric().id.as_str(),
        score: grade.score,
        band: grade.band,
        covered: grade.covered().map(|c| c.id.as_str()).collect(),
        missed: grade.missed().map(|c| c.id.as_str()).collect(),
        misconceptions: grade.misconceptions.iter().map(|m| m.id.as_str()).collect(),
        warnings: grade.warnings.iter().map(|w| w.code).collect(),
        grade: feedback.as_ref().map(|f| GradeReport::new(grade, f)),
    };
    let mut json = serde_json::to_vec(&result).map_err(|e| Error::Io {
        path: "<output>".into(),
        source: e.into(),
    })?;
    json.push(b'\n');
    Ok(json)
}

/// The class summary as text: per question, the score distribution and the most-missed concepts.
pub fn render_summary(summary: &Summary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "{} graded, {} skipped{}",
        plural(summary.graded, "answer", "answers"),
        summary.skipped,
        if summary.skipped > 0 {
            " (each reported above with its line; skipped lines do not change the exit code)"
        } else {
            ""
        }
    );
    for q in &summary.questions {
        let bands: Vec<String> = q
            .bands
            .iter()
            .rev()
            .map(|(b, n)| format!("{b} {n}"))
            .collect();
        let _ = writeln!(
            out,
            "\n{}: {}, mean {:.1}, median {:.1}, range {}–{} ({})",
            q.question,
            plural(q.answers, "answer", "answers"),
            q.mean,
            q.median,
            q.min,
            q.max,
            bands.join(", ")
        );
        let peak = q.histogram.iter().copied().max().unwrap_or(1).max(1);
        for (i, n) in q.histogram.iter().enumerate() {
            let bar = "█".repeat((n * 30).div_ceil(peak));
            let line = format!(
                "  {:>3}–{:<3} {:>6} {bar}",
                i * 10,
                if i == 9 { 100 } else { i * 10 + 9 },
                n
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        // Concepts nobody missed are nothing to re-teach.
        let missed: Vec<_> = q.missed.iter().filter(|m| m.share > 0.0).take(5).collect();
        if missed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  most missed (re-teach):");
        for m in missed {
            let _ = writeln!(out, "    {:>5.1}%  {}", m.share * 100.0, m.label);
        }
    }
    out
}
