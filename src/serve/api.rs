//! The handlers: read the request, call the library, write JSON. No grading logic lives here.

use std::io::{self, Read, Write};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::{ApiError, State as Shared};
use crate::batch::{self, BatchOptions, InputFormat};
use crate::feedback::render::{escape_html, to_json};
use crate::interview::{render, Graded, Interview, Plan, Scorecard, Transcript, Turn};
use crate::Level;

type AppState = State<Arc<Shared>>;

/// Answers longer than this are graded on the blocking pool, so a 1 MiB answer never stalls the
/// threads that accept and route requests; shorter ones take microseconds and are graded inline.
const INLINE_ANSWER_BYTES: usize = 64 * 1024;

/// Records of a batch graded (and held in memory) at once.
const BATCH_CHUNK: usize = 64;

fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn ok_json(value: &impl serde::Serialize) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(s) => json_response(StatusCode::OK, s + "\n"),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string())
            .into_response(),
    }
}

/// Reads a whole JSON body of at most `body_limit` bytes.
async fn read_json<T: DeserializeOwned>(state: &Shared, body: Body) -> Result<T, ApiError> {
    let limit = state.config.body_limit;
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|e| {
        let over = std::iter::successors(Some(&e as &dyn std::error::Error), |e| e.source())
            .any(|e| e.to_string().contains("length limit"));
        if over {
            ApiError::too_large(limit)
        } else {
            ApiError::bad_request(format!("cannot read the request body: {e}"))
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))
}

/// Runs `f` inline for a short answer, on the blocking pool for a long one.
async fn cpu<T: Send + 'static>(
    len: usize,
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    if len <= INLINE_ANSWER_BYTES {
        f()
    } else {
        tokio::task::spawn_blocking(f).await.map_err(|e| {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string())
        })?
    }
}

pub(crate) async fn page(State(state): AppState) -> Html<String> {
    let mut options = String::new();
    let mut category = "";
    for r in state.bank.rubrics() {
        if r.category != category {
            if !category.is_empty() {
                options.push_str("</optgroup>");
            }
            category = &r.category;
            options.push_str(&format!("<optgroup label=\"{}\">", escape_html(category)));
        }
        options.push_str(&format!(
            "<option value=\"{id}\" data-level=\"{level}\" data-category=\"{cat}\">{id} · {level} · {title}</option>",
            id = escape_html(&r.id),
            level = r.level.as_str(),
            cat = escape_html(&r.category),
            title = escape_html(&r.title),
        ));
    }
    if !category.is_empty() {
        options.push_str("</optgroup>");
    }
    Html(include_str!("page.html").replace("<!--QUESTIONS-->", &options))
}

pub(crate) async fn healthz(State(state): AppState) -> Response {
    json_response(
        StatusCode::OK,
        json!({"status": "ok", "questions": state.bank.len()}).to_string() + "\n",
    )
}

pub(crate) async fn openapi() -> Response {
    json_response(StatusCode::OK, super::OPENAPI.to_string())
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method",
    )
}

#[derive(Deserialize)]
pub(crate) struct ListQuery {
    category: Option<String>,
    level: Option<String>,
}

/// `GET /v1/questions`: the JSON of `rubric list --format json`.
pub(crate) async fn questions(
    State(state): AppState,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let level: Option<Level> = q
        .level
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(|e: String| ApiError::bad_request(e))?;
    let items: Vec<Value> = state
        .bank
        .rubrics()
        .filter(|r| {
            q.category
                .as_deref()
                .is_none_or(|c| r.category.eq_ignore_ascii_case(c))
        })
        .filter(|r| level.is_none_or(|l| r.level == l))
        .map(|r| json!({"id": r.id, "title": r.title, "category": r.category, "level": r.level, "tags": r.tags}))
        .collect();
    Ok(ok_json(&items))
}

#[derive(Deserialize)]
pub(crate) struct ShowQuery {
    #[serde(default)]
    model_answer: bool,
}

/// `GET /v1/questions/{id}`: a question by id, prefix or slug, as `rubric show` gives it.
pub(crate) async fn question(
    State(state): AppState,
    Path(id): Path<String>,
    query: Result<Query<ShowQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let r = &state.bank.find(&id)?.rubric;
    let mut v = json!({
        "id": r.id, "title": r.title, "category": r.category, "level": r.level,
        "tags": r.tags, "question": r.question,
    });
    if q.model_answer {
        v["model_answer"] = json!(r.model_answer);
    }
    Ok(ok_json(&v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GradeRequest {
    question: String,
    answer: String,
}

/// `POST /v1/grade`: exactly what `rubric grade --format json` prints.
pub(crate) async fn grade(State(state): AppState, body: Body) -> Result<Response, ApiError> {
    let req: GradeRequest = read_json(&state, body).await?;
    let grader = state.grader(&req.question)?;
    let text = cpu(req.answer.len(), move || {
        let grade = grader.grade(&req.answer)?;
        let feedback = grader.feedback(&grade);
        Ok(to_json(&grade, &feedback) + "\n")
    })
    .await?;
    Ok(json_response(StatusCode::OK, text))
}

/// `POST /v1/explain`: what `rubric explain --format json` prints.
pub(crate) async fn explain(State(state): AppState, body: Body) -> Result<Response, ApiError> {
    let req: GradeRequest = read_json(&state, body).await?;
    let grader = state.grader(&req.question)?;
    let explanation = cpu(req.answer.len(), move || Ok(grader.explain(&req.answer)?)).await?;
    Ok(ok_json(&explanation))
}

/// A blocking reader over the chunks of a request body, for the synchronous batch runner.
struct ChannelReader {
    rx: mpsc::Receiver<io::Result<Bytes>>,
    buf: Bytes,
}

impl Read for ChannelReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.buf.is_empty() {
            match self.rx.blocking_recv() {
                Some(chunk) => self.buf = chunk?,
                None => return Ok(0),
            }
        }
        let n = out.len().min(self.buf.len());
        out[..n].copy_from_slice(&self.buf[..n]);
        self.buf = self.buf.slice(n..);
        Ok(n)
    }
}

/// A blocking writer into the response body: a full channel makes the runner wait for the
/// client, so a slow reader holds the batch back instead of letting output pile up.
struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.tx
            .blocking_send(Ok(Bytes::copy_from_slice(data)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))?;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn error_line(line: Option<usize>, code: &str, message: &str) -> Bytes {
    let v = match line {
        Some(l) => json!({"line": l, "error": {"code": code, "message": message}}),
        None => json!({"error": {"code": code, "message": message}}),
    };
    Bytes::from(v.to_string() + "\n")
}

/// `POST /v1/batch`: JSON Lines in, the lines of `rubric batch` out, streamed both ways. A
/// record that cannot be graded gives `{"line", "error"}` in its place; memory holds a few
/// chunks of the body and [`BATCH_CHUNK`] records, whatever the body's length.
pub(crate) async fn batch(State(state): AppState, body: Body) -> Response {
    let limit = state.config.body_limit;
    let (in_tx, in_rx) = mpsc::channel::<io::Result<Bytes>>(4);
    let (out_tx, mut out_rx) = mpsc::channel::<io::Result<Bytes>>(16);
    tokio::spawn(async move {
        let mut stream = body.into_data_stream();
        let mut line_len = 0usize;
        while let Some(chunk) = stream.next().await {
            let item = chunk.map_err(io::Error::other).and_then(|bytes| {
                let mut parts = bytes.split(|b| *b == b'\n');
                line_len += parts.next().map_or(0, <[u8]>::len);
                let mut longest = line_len;
                for p in parts {
                    line_len = p.len();
                    longest = longest.max(line_len);
                }
                if longest > limit {
                    Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("a line is over the limit of {limit} bytes"),
                    ))
                } else {
                    Ok(bytes)
                }
            });
            let stop = item.is_err();
            if in_tx.send(item).await.is_err() || stop {
                break;
            }
        }
    });
    let worker = Arc::clone(&state);
    tokio::task::spawn_blocking(move || {
        let input = io::BufReader::with_capacity(
            64 * 1024,
            ChannelReader {
                rx: in_rx,
                buf: Bytes::new(),
            },
        );
        let errors = out_tx.clone();
        let mut output = ChannelWriter { tx: out_tx.clone() };
        let options = BatchOptions {
            chunk: BATCH_CHUNK,
            full: false,
        };
        let result = batch::run(
            &worker.bank,
            input,
            InputFormat::JsonLines,
            &mut output,
            &options,
            |_| {},
            |bad| {
                let _ = errors.blocking_send(Ok(error_line(
                    Some(bad.line),
                    "bad_record",
                    &bad.message,
                )));
            },
        );
        if let Err(e) = result {
            let _ = out_tx.blocking_send(Ok(error_line(None, "batch", &e.to_string())));
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| out_rx.poll_recv(cx));
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// `POST /v1/interviews`: the options of `rubric interview`.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct StartRequest {
    count: Option<usize>,
    category: Vec<String>,
    level: Vec<String>,
    ids: Vec<String>,
    seed: Option<u64>,
    adaptive: bool,
    no_follow_ups: bool,
    time_budget: Option<u32>,
    candidate: Option<String>,
}

/// One step of an interview: its transcript (as the CLI saves it) and what the step needs.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepRequest {
    transcript: Value,
    #[serde(default)]
    answer: Option<String>,
    /// How long the answer took, in seconds (recorded, not enforced).
    #[serde(default)]
    elapsed_secs: Option<f64>,
}

impl StepRequest {
    fn transcript(&self) -> Result<Transcript, ApiError> {
        Ok(Transcript::from_json(
            &self.transcript.to_string(),
            "<request transcript>",
        )?)
    }

    fn answer(&self) -> Result<&str, ApiError> {
        self.answer
            .as_deref()
            .ok_or_else(|| ApiError::bad_request("this step needs an `answer`"))
    }

    fn elapsed(&self) -> Duration {
        // JSON has no NaN or infinity; clamp what it has to a sane range.
        Duration::from_secs_f64(self.elapsed_secs.unwrap_or(0.0).clamp(0.0, 86_400.0))
    }
}

/// The interview after a step: the state to send back next time, and what to show now.
/// Serialised directly (not through `serde_json::Value`) so scores print as the CLI prints them.
#[derive(serde::Serialize)]
struct InterviewState<'a> {
    phase: crate::interview::Phase,
    question: Option<&'a crate::interview::Question>,
    hint: Option<&'a crate::interview::Hint>,
    follow_up: Option<&'a crate::interview::FollowUpTurn>,
    graded: Option<&'a Graded>,
    /// The question just closed by a follow-up answer or a skip.
    turn: Option<&'a Turn>,
    scorecard: Option<&'a Scorecard>,
    transcript: &'a Transcript,
}

fn interview_state(
    iv: &mut Interview<'_>,
    graded: Option<&Graded>,
    turn: Option<&Turn>,
    hint: Option<&crate::interview::Hint>,
) -> Result<Response, ApiError> {
    use crate::interview::Phase;
    // Move on by itself, as the terminal does: open the next question, or finish.
    let mut scorecard: Option<Scorecard> = None;
    if iv.phase() == Phase::Ready && iv.next_question()?.is_none() {
        scorecard = Some(iv.finish()?);
    }
    Ok(ok_json(&InterviewState {
        phase: iv.phase(),
        question: iv.current_question(),
        hint: hint.or(iv.current_hint()),
        follow_up: iv.pending_follow_up(),
        graded,
        turn: turn.or(graded.map(|g| &g.turn)),
        scorecard: scorecard.as_ref(),
        transcript: iv.transcript(),
    }))
}

pub(crate) async fn interview_start(
    State(state): AppState,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StartRequest = read_json(&state, body).await?;
    let levels = req
        .level
        .iter()
        .map(|l| l.parse::<Level>())
        .collect::<Result<Vec<_>, String>>()
        .map_err(ApiError::bad_request)?;
    let defaults = Plan::default();
    let plan = Plan {
        count: req.count.unwrap_or(defaults.count).clamp(1, 100),
        categories: req.category,
        levels,
        ids: req.ids,
        // Unlike the terminal, no clock: a caller who wants variety sends a seed.
        seed: req.seed.unwrap_or(0),
        adaptive: req.adaptive,
        follow_ups: !req.no_follow_ups,
        time_budget_secs: req.time_budget.or(defaults.time_budget_secs),
    };
    let mut iv = Interview::new(&state.bank, plan)?;
    iv.set_candidate(req.candidate);
    interview_state(&mut iv, None, None, None)
}

pub(crate) async fn interview_hint(
    State(state): AppState,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StepRequest = read_json(&state, body).await?;
    let mut iv = Interview::resume(&state.bank, req.transcript()?)?;
    let hint = iv.hint()?;
    interview_state(&mut iv, None, None, Some(&hint))
}

pub(crate) async fn interview_answer(
    State(state): AppState,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StepRequest = read_json(&state, body).await?;
    let mut iv = Interview::resume(&state.bank, req.transcript()?)?;
    let graded = iv.submit(req.answer()?, req.elapsed())?;
    interview_state(&mut iv, Some(&graded), None, None)
}

pub(crate) async fn interview_follow_up(
    State(state): AppState,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StepRequest = read_json(&state, body).await?;
    let mut iv = Interview::resume(&state.bank, req.transcript()?)?;
    let turn = iv.answer_follow_up(req.answer()?, req.elapsed())?;
    interview_state(&mut iv, None, Some(&turn), None)
}

pub(crate) async fn interview_skip(
    State(state): AppState,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StepRequest = read_json(&state, body).await?;
    let mut iv = Interview::resume(&state.bank, req.transcript()?)?;
    let turn = iv.skip()?;
    interview_state(&mut iv, None, Some(&turn), None)
}

#[derive(Deserialize)]
pub(crate) struct CardQuery {
    #[serde(default)]
    format: Option<String>,
}

/// `POST /v1/interviews/scorecard?format=json|html`: the scorecard of a transcript, as
/// `rubric report` gives it.
pub(crate) async fn interview_scorecard(
    State(state): AppState,
    query: Result<Query<CardQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let html = match q.format.as_deref().unwrap_or("json") {
        "json" => false,
        "html" => true,
        other => {
            return Err(ApiError::bad_request(format!(
                "unknown format `{other}`; use `json` or `html`"
            )))
        }
    };
    let req: StepRequest = read_json(&state, body).await?;
    let t = req.transcript()?;
    t.check_bank(&state.bank)?;
    let card = Scorecard::from_transcript(&state.bank, &t);
    Ok(if html {
        Html(render::to_html(&card)).into_response()
    } else {
        json_response(StatusCode::OK, render::to_json(&card) + "\n")
    })
}
