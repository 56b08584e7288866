//! `rubric_grader._native`: the Rust side of the Python package.
//!
//! It sits on top of the library's facade (`Bank`, `Grader`, `Grade`, `Feedback`, the JSON
//! renderer, `authoring`) and knows nothing the library does not; the Python side
//! (`python/rubric_grader/`) turns what it returns into typed objects.
//!
//! Invariants kept at this boundary:
//! - every entry point runs inside [`guard`], so a Rust panic becomes
//!   `rubric_grader.InternalError` (a `RuntimeError`), never an abort or a `BaseException`;
//! - grading and loading release the GIL (`Python::detach`), so Python threads grade in
//!   parallel and `grade_many` uses every core (rayon);
//! - library errors map to Python's: a rubric that cannot be used is `RubricError` (a
//!   `ValueError` with `path`, `line`, `column`), an unknown or ambiguous question `KeyError`, an
//!   answer over the size limit `ValueError`, a file that cannot be read `OSError`;
//! - a `Grader` keeps its rubric's source and glossary so Python can pickle it and compile it
//!   again on the other side.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::{PyFileNotFoundError, PyKeyError, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rubric_grader::authoring::draft::{self as drafting, Background, DraftOptions};
use rubric_grader::authoring::{lint, Severity};
use rubric_grader::batch::map_by_grader;
use rubric_grader::feedback::render::{explanation_to_text, to_json, to_markdown, to_text, Style};
use rubric_grader::{Error, Feedback, Glossary, Level, LoadError, Rubric};

// As in the `rubric` binary (see its main.rs): grading allocates many small strings and vectors,
// and mimalloc's per-thread heaps keep `grade_many` from contending on the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Path given to a rubric or glossary held in a string.
const STRING_PATH: &str = "<string>";

/// Runs `f`, turning a panic into `rubric_grader.InternalError`.
fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(python_error(
                py,
                "InternalError",
                (format!(
                    "internal error in rubric-grader (please report it): {what}"
                ),),
            ))
        }
    }
}

/// An instance of one of the exceptions defined in `rubric_grader._errors`; if that cannot be
/// imported, a `RuntimeError` saying why.
fn python_error<'py, A>(py: Python<'py>, name: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let made = py
        .import("rubric_grader._errors")
        .and_then(|m| m.getattr(name))
        .and_then(|cls| cls.call1(args));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => PyRuntimeError::new_err(format!("cannot raise rubric_grader.{name}: {e}")),
    }
}

fn rubric_error(py: Python<'_>, e: &LoadError) -> PyErr {
    let kind = serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    python_error(
        py,
        "RubricError",
        (
            e.to_string(),
            e.path.clone(),
            e.location.map(|l| l.line),
            e.location.map(|l| l.column),
            e.field.clone(),
            kind,
            e.message.clone(),
        ),
    )
}

/// The Python exception for a library error.
fn to_py(py: Python<'_>, e: Error) -> PyErr {
    match e {
        Error::Load(e) => rubric_error(py, &e),
        Error::InvalidUtf8 { path, location } => rubric_error(
            py,
            &LoadError {
                path,
                location: Some(location),
                field: None,
                message: "not valid UTF-8".into(),
                kind: rubric_grader::LoadErrorKind::Utf8,
            },
        ),
        e @ (Error::UnknownQuestion { .. } | Error::AmbiguousQuestion { .. }) => {
            PyKeyError::new_err(e.to_string())
        }
        e @ Error::AnswerTooLarge { .. } => PyValueError::new_err(e.to_string()),
        Error::Io { path, source } => {
            let message = format!("{path}: {source}");
            if source.kind() == std::io::ErrorKind::NotFound {
                PyFileNotFoundError::new_err(message)
            } else {
                PyOSError::new_err(message)
            }
        }
        e => PyValueError::new_err(e.to_string()),
    }
}

/// A serde enum's name (`strong`, `mid`).
fn name_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A rayon pool of `threads` threads, or `None` for the global one (all cores).
fn pool(threads: Option<usize>) -> PyResult<Option<rayon::ThreadPool>> {
    match threads {
        None => Ok(None),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(Some)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}"))),
    }
}

/// Grades `jobs` in parallel, in order; the first error (by position) wins.
fn grade_all(
    jobs: &[(Arc<rubric_grader::Grader>, String)],
    threads: Option<&rayon::ThreadPool>,
) -> Result<Vec<Grade>, (usize, Error)> {
    let run = || {
        // Question by question, in parallel; the first failure in input order is reported.
        map_by_grader(
            jobs,
            |(grader, _)| grader,
            |(grader, answer)| {
                grader
                    .grade(answer)
                    .map(|grade| Grade::new(grade, Arc::clone(grader)))
            },
        )
        .into_iter()
        .enumerate()
        .map(|(i, graded)| graded.map_err(|e| (i, e)))
        .collect::<Result<Vec<Grade>, (usize, Error)>>()
    };
    match threads {
        Some(pool) => pool.install(run),
        None => run(),
    }
}

fn many(
    py: Python<'_>,
    jobs: Vec<(Arc<rubric_grader::Grader>, String)>,
    threads: Option<usize>,
) -> PyResult<Vec<Grade>> {
    let pool = pool(threads)?;
    let graded = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| grade_all(&jobs, pool.as_ref())))
            .map_err(|_| "a panic while grading in parallel".to_string())
    });
    match graded {
        Ok(Ok(grades)) => Ok(grades),
        Ok(Err((i, e))) => Err(match e {
            e @ Error::AnswerTooLarge { .. } => PyValueError::new_err(format!("item {i}: {e}")),
            e => to_py(py, e),
        }),
        Err(what) => Err(python_error(
            py,
            "InternalError",
            (format!(
                "internal error in rubric-grader (please report it): {what}"
            ),),
        )),
    }
}

/// `(path, RON text)` of every rubric, and of the glossary.
type Sources = (Vec<(String, String)>, Option<(String, String)>);

/// `(id, title, category, level, question, slug, path)`.
type QuestionRow = (String, String, String, String, String, String, String);

/// A set of rubrics and their glossary (native half of `rubric_grader.Bank`).
#[pyclass(module = "rubric_grader._native", name = "Bank", frozen)]
struct Bank {
    inner: Arc<rubric_grader::Bank>,
    embedded: bool,
    /// Graders compiled so far, by question id: `grader()` and `grade_many` compile each
    /// rubric once per bank.
    graders: Mutex<HashMap<String, Arc<rubric_grader::Grader>>>,
    /// The glossary as RON, for pickling graders of a bank that is not the embedded one.
    glossary_ron: OnceLock<Option<String>>,
}

impl Bank {
    fn wrap(inner: rubric_grader::Bank, embedded: bool) -> Bank {
        Bank {
            inner: Arc::new(inner),
            embedded,
            graders: Mutex::new(HashMap::new()),
            glossary_ron: OnceLock::new(),
        }
    }

    fn glossary_ron(&self) -> Option<String> {
        self.glossary_ron
            .get_or_init(|| {
                if self.embedded {
                    None
                } else {
                    ron::ser::to_string(self.inner.glossary()).ok()
                }
            })
            .clone()
    }

    /// The compiled grader of `query` (id, unique prefix or slug) and its entry's index.
    fn compiled(
        &self,
        py: Python<'_>,
        query: &str,
    ) -> PyResult<(Arc<rubric_grader::Grader>, usize)> {
        let entries = self.inner.entries();
        let entry = self.inner.find(query).map_err(|e| to_py(py, e))?;
        // `find` returns a reference into `entries`, so this always finds it.
        let index = entries
            .iter()
            .position(|e| std::ptr::eq(e, entry))
            .ok_or_else(|| PyRuntimeError::new_err("internal error: bank entry not found"))?;
        let id = entry.rubric.id.clone();
        // A poisoned lock only means another thread panicked while inserting: the map is fine.
        let cached = self
            .graders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&id)
            .cloned();
        if let Some(g) = cached {
            return Ok((g, index));
        }
        let bank = Arc::clone(&self.inner);
        let compiled = py
            .detach(move || {
                rubric_grader::Grader::for_entry(&bank, &bank.entries()[index]).map(Arc::new)
            })
            .map_err(|e| to_py(py, e))?;
        self.graders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, Arc::clone(&compiled));
        Ok((compiled, index))
    }
}

#[pymethods]
impl Bank {
    /// The bank compiled into the package: 118 Kubernetes interview questions.
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Bank> {
        guard(py, || {
            let bank = py
                .detach(rubric_grader::Bank::embedded)
                .map_err(|e| to_py(py, e))?;
            Ok(Bank::wrap(bank, true))
        })
    }

    /// Every `*.ron` under `path`; `path/glossary.ron` is the glossary.
    #[staticmethod]
    fn from_dir(py: Python<'_>, path: PathBuf) -> PyResult<Bank> {
        guard(py, || {
            let bank = py
                .detach(move || rubric_grader::Bank::from_dir(path))
                .map_err(|e| to_py(py, e))?;
            Ok(Bank::wrap(bank, false))
        })
    }

    /// A bank from `(path, RON text)` pairs and an optional glossary `(path, text)`.
    #[staticmethod]
    #[pyo3(signature = (files, glossary=None))]
    fn from_sources(
        py: Python<'_>,
        files: Vec<(String, String)>,
        glossary: Option<(String, String)>,
    ) -> PyResult<Bank> {
        guard(py, || {
            let (bank, errors) =
                py.detach(move || rubric_grader::Bank::from_sources(files, glossary));
            match errors.first() {
                Some(e) => Err(rubric_error(py, e)),
                None => Ok(Bank::wrap(bank, false)),
            }
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Whether this is the embedded bank.
    #[getter]
    fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// One tuple per question, in id order:
    /// `(id, title, category, level, question, slug, path)`.
    fn questions(&self) -> Vec<QuestionRow> {
        self.inner
            .entries()
            .iter()
            .map(|e| {
                let r = &e.rubric;
                (
                    r.id.clone(),
                    r.title.clone(),
                    r.category.clone(),
                    name_of(&r.level),
                    r.question.clone(),
                    e.slug.clone(),
                    e.path.clone(),
                )
            })
            .collect()
    }

    /// The rubric files `(path, text)` and the glossary `(path, RON text)`: enough to build the
    /// bank again.
    fn sources(&self) -> Sources {
        let files = self
            .inner
            .entries()
            .iter()
            .map(|e| (e.path.clone(), e.source.to_string()))
            .collect();
        let glossary = ron::ser::to_string(self.inner.glossary())
            .ok()
            .map(|text| (self.inner.glossary_path().to_string(), text));
        (files, glossary)
    }

    /// The compiled grader of a question (id, unique id prefix or slug), compiled once per bank.
    fn grader(&self, py: Python<'_>, question: &str) -> PyResult<Grader> {
        guard(py, || {
            let (inner, index) = self.compiled(py, question)?;
            let entry = &self.inner.entries()[index];
            Ok(Grader {
                inner,
                source: entry.source.to_string(),
                path: entry.path.clone(),
                glossary: self.glossary_ron(),
            })
        })
    }

    /// Grades `(question, answer)` pairs in parallel with the GIL released; grades in order.
    #[pyo3(signature = (items, threads=None))]
    fn grade_many(
        &self,
        py: Python<'_>,
        items: Vec<(String, String)>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Grade>> {
        guard(py, || {
            // Resolve each distinct question string once: `Bank::find` scans the bank.
            let mut resolved: HashMap<String, Arc<rubric_grader::Grader>> = HashMap::new();
            let mut jobs = Vec::with_capacity(items.len());
            for (question, answer) in items {
                let grader = match resolved.get(&question) {
                    Some(g) => Arc::clone(g),
                    None => {
                        let (g, _) = self.compiled(py, &question)?;
                        resolved.insert(question, Arc::clone(&g));
                        g
                    }
                };
                jobs.push((grader, answer));
            }
            many(py, jobs, threads)
        })
    }
}

/// A compiled rubric (native half of `rubric_grader.Grader`).
#[pyclass(module = "rubric_grader._native", name = "Grader", frozen)]
struct Grader {
    inner: Arc<rubric_grader::Grader>,
    /// The rubric's RON text and path, kept for pickling.
    source: String,
    path: String,
    /// The glossary as RON text; `None` is the embedded glossary.
    glossary: Option<String>,
}

#[pymethods]
impl Grader {
    /// Compiles a rubric held in a string, against `glossary` (RON text) or the embedded one.
    #[staticmethod]
    #[pyo3(signature = (text, glossary=None, path=None))]
    fn from_ron(
        py: Python<'_>,
        text: String,
        glossary: Option<String>,
        path: Option<String>,
    ) -> PyResult<Grader> {
        guard(py, || {
            let path = path.unwrap_or_else(|| STRING_PATH.to_string());
            let compiled = py.detach(|| -> Result<rubric_grader::Grader, Error> {
                let rubric = Rubric::from_ron(&text, &path)?;
                let mut builder = rubric_grader::Grader::builder();
                if let Some(g) = &glossary {
                    builder.glossary(&Glossary::from_ron(g, "<glossary>")?);
                }
                builder.source(&path, &text).build(&rubric)
            });
            Ok(Grader {
                inner: Arc::new(compiled.map_err(|e| to_py(py, e))?),
                source: text,
                path,
                glossary,
            })
        })
    }

    /// The rubric's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.rubric().id.clone()
    }

    /// The rubric's title.
    #[getter]
    fn title(&self) -> String {
        self.inner.rubric().title.clone()
    }

    /// The question.
    #[getter]
    fn question(&self) -> String {
        self.inner.rubric().question.clone()
    }

    /// The model answer.
    #[getter]
    fn model_answer(&self) -> String {
        self.inner.rubric().model_answer.clone()
    }

    /// The rubric's RON text.
    #[getter]
    fn source(&self) -> String {
        self.source.clone()
    }

    /// Where the rubric came from.
    #[getter]
    fn path(&self) -> String {
        self.path.clone()
    }

    /// The glossary as RON text, `None` for the embedded one.
    #[getter]
    fn glossary(&self) -> Option<String> {
        self.glossary.clone()
    }

    /// Grades one answer, with the GIL released.
    fn grade(&self, py: Python<'_>, answer: String) -> PyResult<Grade> {
        guard(py, || {
            let inner = Arc::clone(&self.inner);
            let grade = py
                .detach(move || inner.grade(&answer))
                .map_err(|e| to_py(py, e))?;
            Ok(Grade::new(grade, Arc::clone(&self.inner)))
        })
    }

    /// Grades many answers to this question in parallel; grades in order.
    #[pyo3(signature = (answers, threads=None))]
    fn grade_many(
        &self,
        py: Python<'_>,
        answers: Vec<String>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Grade>> {
        guard(py, || {
            let jobs = answers
                .into_iter()
                .map(|a| (Arc::clone(&self.inner), a))
                .collect();
            many(py, jobs, threads)
        })
    }

    /// The explanation of an answer's grade: `(JSON, plain text)`, as `rubric explain` prints
    /// them with `--format json` and `--format text`.
    fn explain(&self, py: Python<'_>, answer: String) -> PyResult<(String, String)> {
        guard(py, || {
            let inner = Arc::clone(&self.inner);
            let explanation = py
                .detach(move || inner.explain(&answer))
                .map_err(|e| to_py(py, e))?;
            let json = serde_json::to_string_pretty(&explanation)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            Ok((json, explanation_to_text(&explanation, Style::PLAIN)))
        })
    }

    /// Seconds per `Grader::grade` call, measured in Rust over `iterations` calls (for the
    /// benchmark script: the native cost the Python call is compared with).
    fn _native_seconds_per_grade(
        &self,
        py: Python<'_>,
        answer: String,
        iterations: usize,
    ) -> PyResult<f64> {
        guard(py, || {
            let inner = Arc::clone(&self.inner);
            let n = iterations.max(1);
            let elapsed = py.detach(move || {
                let start = std::time::Instant::now();
                for _ in 0..n {
                    let _ = std::hint::black_box(inner.grade(std::hint::black_box(&answer)));
                }
                start.elapsed()
            });
            Ok(elapsed.as_secs_f64() / n as f64)
        })
    }
}

/// A grade (native half of `rubric_grader.Grade`); its feedback is built on first use.
#[pyclass(module = "rubric_grader._native", name = "Grade", frozen)]
struct Grade {
    grade: rubric_grader::Grade,
    grader: Arc<rubric_grader::Grader>,
    feedback: OnceLock<Feedback>,
}

impl Grade {
    fn feedback(&self) -> &Feedback {
        self.feedback
            .get_or_init(|| self.grader.feedback(&self.grade))
    }

    fn new(grade: rubric_grader::Grade, grader: Arc<rubric_grader::Grader>) -> Grade {
        Grade {
            grade,
            grader,
            feedback: OnceLock::new(),
        }
    }
}

#[pymethods]
impl Grade {
    /// 0–100, as the JSON shows it: the `f32` widened through its shortest decimal form, so
    /// `92.6` stays `92.6` rather than `92.59999847`.
    #[getter]
    fn score(&self) -> f64 {
        let score = self.grade.score;
        score.to_string().parse().unwrap_or(f64::from(score))
    }

    /// `strong`, `good`, `partial` or `weak`.
    #[getter]
    fn band(&self) -> String {
        name_of(&self.grade.band)
    }

    /// The question's id.
    #[getter]
    fn question_id(&self) -> String {
        self.grade.question_id.clone()
    }

    /// The grade and its feedback as `rubric grade --format json` prints it (without the final
    /// newline).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(to_json(&self.grade, self.feedback())))
    }

    /// As `rubric grade` prints it, without colour or wrapping.
    fn to_text(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            Ok(to_text(&self.grade, self.feedback(), Style::PLAIN))
        })
    }

    /// As `rubric grade --format markdown` prints it.
    fn to_markdown(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(to_markdown(&self.grade, self.feedback())))
    }
}

/// One lint finding as a tuple: `(severity, path, line, column, field, message)`.
type DiagnosticTuple = (
    String,
    String,
    Option<usize>,
    Option<usize>,
    Option<String>,
    String,
);

fn diagnostics(bank: &rubric_grader::Bank, errors: Vec<LoadError>) -> Vec<DiagnosticTuple> {
    lint(bank, errors)
        .into_iter()
        .map(|d| {
            (
                match d.severity {
                    Severity::Error => "error".to_string(),
                    _ => "warning".to_string(),
                },
                d.path,
                d.location.map(|l| l.line),
                d.location.map(|l| l.column),
                d.field,
                d.message,
            )
        })
        .collect()
}

/// Lints rubric files and folders, as `rubric lint` does.
#[pyfunction]
fn lint_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Vec<DiagnosticTuple>> {
    guard(py, || {
        let (bank, errors) = py
            .detach(move || rubric_grader::Bank::scan(&paths))
            .map_err(|e| to_py(py, e))?;
        Ok(py.detach(move || diagnostics(&bank, errors)))
    })
}

/// Lints one rubric held in a string (against `glossary`, RON text, or the embedded glossary).
#[pyfunction]
#[pyo3(signature = (text, glossary=None))]
fn lint_text(
    py: Python<'_>,
    text: String,
    glossary: Option<String>,
) -> PyResult<Vec<DiagnosticTuple>> {
    guard(py, || {
        Ok(py.detach(move || {
            let glossary = glossary.map(|g| ("<glossary>".to_string(), g));
            let (bank, errors) =
                rubric_grader::Bank::from_sources(vec![(STRING_PATH.to_string(), text)], glossary);
            // A string has no file name to check against the id.
            diagnostics(&bank, errors)
                .into_iter()
                .filter(|d| !(d.1 == STRING_PATH && d.5.starts_with("file name should be")))
                .collect()
        }))
    })
}

/// Drafts a rubric from a question and a model answer: `(RON text, Grader)`.
#[pyfunction]
#[pyo3(signature = (question, model_answer, id, title, category, level, max_concepts, bank=None))]
#[allow(clippy::too_many_arguments)]
fn draft(
    py: Python<'_>,
    question: String,
    model_answer: String,
    id: String,
    title: Option<String>,
    category: String,
    level: String,
    max_concepts: usize,
    bank: Option<&Bank>,
) -> PyResult<(String, Grader)> {
    guard(py, || {
        let level: Level = serde_json::from_value(serde_json::Value::String(level.clone()))
            .map_err(|_| {
                PyValueError::new_err(format!(
                    "unknown level `{level}`; expected junior, mid, senior or staff"
                ))
            })?;
        let options = DraftOptions {
            id,
            title,
            category,
            level,
            max_concepts,
        };
        let (bank_inner, glossary_ron) = match bank {
            Some(b) => (Arc::clone(&b.inner), b.glossary_ron()),
            None => (
                Arc::new(
                    py.detach(rubric_grader::Bank::embedded)
                        .map_err(|e| to_py(py, e))?,
                ),
                None,
            ),
        };
        let path = format!("{}-draft.ron", options.id);
        let built = py.detach(|| -> Result<(String, rubric_grader::Grader), Error> {
            let background = Background::of_bank(&bank_inner);
            let rubric = drafting::draft(
                &question,
                model_answer.trim(),
                &background,
                bank_inner.glossary(),
                &options,
            );
            let text = drafting::to_ron(&rubric);
            let grader = rubric_grader::Grader::builder()
                .glossary(bank_inner.glossary())
                .source(&path, &text)
                .build(&rubric)?;
            Ok((text, grader))
        });
        let (text, grader) = built.map_err(|e| to_py(py, e))?;
        Ok((
            text.clone(),
            Grader {
                inner: Arc::new(grader),
                source: text,
                path,
                glossary: glossary_ron,
            },
        ))
    })
}

/// Panics on purpose: the test suite checks that a panic surfaces as `InternalError`.
#[pyfunction]
fn _panic_for_test(py: Python<'_>, message: String) -> PyResult<()> {
    guard(py, || panic!("{message}"))
}

/// The Rust side of the `rubric_grader` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Bank>()?;
    m.add_class::<Grader>()?;
    m.add_class::<Grade>()?;
    m.add_function(wrap_pyfunction!(lint_paths, m)?)?;
    m.add_function(wrap_pyfunction!(lint_text, m)?)?;
    m.add_function(wrap_pyfunction!(draft, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
