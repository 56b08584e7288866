//! `rubric serve` (issue 22): the API against a real server on an ephemeral loopback port, its
//! hardening (token, limits, JSON errors, graceful shutdown, an access log without answers), and
//! the OpenAPI description kept in sync with the routes.

mod util;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use util::http::Server;

const G06_STRONG: &str = include_str!("../examples/answers/g06-strong.txt");

fn rubric(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rubric"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn error_code(r: &util::http::Response) -> String {
    assert_eq!(
        r.header("content-type"),
        Some("application/json"),
        "{}",
        r.text()
    );
    r.json()["error"]["code"].as_str().unwrap().to_string()
}

#[test]
fn health_and_questions() {
    let s = Server::start(&[]);
    let h = s.get("/healthz");
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["status"], "ok");

    let all = s.get("/v1/questions").json();
    let cli: Value =
        serde_json::from_slice(&rubric(&["list", "--format", "json"], "").stdout).unwrap();
    assert_eq!(all, cli, "the same list as `rubric list --format json`");

    let senior = s.get("/v1/questions?level=senior").json();
    let n = senior.as_array().unwrap().len();
    assert!(n > 0 && n < all.as_array().unwrap().len());
    assert!(senior
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["level"] == "senior"));

    let bad = s.get("/v1/questions?level=wizard");
    assert_eq!(bad.status, 400);
    assert_eq!(error_code(&bad), "bad_request");

    let q = s.get("/v1/questions/g06").json();
    assert_eq!(q["id"], "g06");
    assert!(q["question"].as_str().unwrap().len() > 20);
    assert!(q.get("model_answer").is_none());
    assert!(s.get("/v1/questions/g06?model_answer=true").json()["model_answer"].is_string());

    let unknown = s.get("/v1/questions/g6x");
    assert_eq!(unknown.status, 404);
    assert_eq!(error_code(&unknown), "unknown_question");
    let cli = rubric(&["show", "g6x"], "");
    assert_eq!(
        format!(
            "rubric: {}\n",
            unknown.json()["error"]["message"].as_str().unwrap()
        ),
        String::from_utf8_lossy(&cli.stderr),
        "the CLI's one-line message"
    );
}

#[test]
fn grade_is_exactly_the_cli_json() {
    let s = Server::start(&[]);
    let r = s.post(
        "/v1/grade",
        &json!({"question": "g06", "answer": G06_STRONG}).to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let cli = rubric(
        &[
            "grade",
            "g06",
            "--answer",
            "examples/answers/g06-strong.txt",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(r.text(), String::from_utf8_lossy(&cli.stdout));

    let e = s.post(
        "/v1/explain",
        &json!({"question": "deleted-pod", "answer": G06_STRONG}).to_string(),
    );
    assert_eq!(e.status, 200, "{}", e.text());
    let cli = rubric(
        &[
            "explain",
            "g06",
            "--answer",
            "examples/answers/g06-strong.txt",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(e.text(), String::from_utf8_lossy(&cli.stdout));
}

#[test]
fn errors_are_json_and_never_panics() {
    let s = Server::start(&[]);
    let cases: &[(&str, &str, &str, u16, &str)] = &[
        ("POST", "/v1/grade", "not json", 400, "bad_request"),
        (
            "POST",
            "/v1/grade",
            "{\"question\": \"g06\"}",
            400,
            "bad_request",
        ),
        (
            "POST",
            "/v1/grade",
            "{\"question\": \"g06\", \"answer\": \"x\", \"extra\": 1}",
            400,
            "bad_request",
        ),
        (
            "POST",
            "/v1/grade",
            "{\"question\": \"nope\", \"answer\": \"x\"}",
            404,
            "unknown_question",
        ),
        (
            "POST",
            "/v1/grade",
            "{\"question\": \"g\", \"answer\": \"x\"}",
            400,
            "ambiguous_question",
        ),
        ("POST", "/v1/grade", "[1, 2, 3]", 400, "bad_request"),
        ("POST", "/v1/grade", "", 400, "bad_request"),
        ("GET", "/v1/grade", "", 405, "method_not_allowed"),
        ("GET", "/v2/anything", "", 404, "not_found"),
        (
            "POST",
            "/v1/interviews/answer",
            "{\"transcript\": {\"hello\": 1}, \"answer\": \"x\"}",
            400,
            "bad_transcript",
        ),
        (
            "POST",
            "/v1/interviews",
            "{\"ids\": [\"nope\"]}",
            404,
            "unknown_question",
        ),
        (
            "POST",
            "/v1/interviews",
            "{\"level\": [\"wizard\"]}",
            400,
            "bad_request",
        ),
        (
            "POST",
            "/v1/interviews/scorecard?format=pdf",
            "{\"transcript\": {}}",
            400,
            "bad_request",
        ),
    ];
    for (method, path, body, status, code) in cases {
        let r = s
            .conn()
            .send(
                method,
                path,
                &[("Content-Type", "application/json")],
                body.as_bytes(),
            )
            .unwrap();
        assert_eq!(r.status, *status, "{method} {path} {body}: {}", r.text());
        assert_eq!(&error_code(&r), code, "{method} {path} {body}");
        assert!(!r.json()["error"]["message"].as_str().unwrap().is_empty());
    }
    // Over 1 MiB: 413, as JSON.
    let big = json!({"question": "g06", "answer": "a ".repeat(600 * 1024)}).to_string();
    let r = s.post("/v1/grade", &big);
    assert_eq!(r.status, 413);
    assert_eq!(error_code(&r), "payload_too_large");
    // Still serving after all that.
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn batch_streams_the_lines_of_rubric_batch() {
    let s = Server::start(&[]);
    let input = [
        json!({"id": 1, "question": "g06", "answer": G06_STRONG}).to_string(),
        "{broken".to_string(),
        json!({"id": "b", "question": "nope", "answer": "x"}).to_string(),
        json!({"question": "q010", "answer": "I would run kubectl describe."}).to_string(),
    ]
    .join("\n")
        + "\n";
    let r = s
        .conn()
        .send(
            "POST",
            "/v1/batch",
            &[("Content-Type", "application/x-ndjson")],
            input.as_bytes(),
        )
        .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{}", r.text());
    let errors: Vec<u64> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(errors, [2, 3]);
    let graded: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_none()).collect();

    // The same records through the CLI give the same result lines.
    let dir = tempfile::tempdir().unwrap();
    let (inp, out) = (dir.path().join("in.jsonl"), dir.path().join("out.jsonl"));
    std::fs::write(&inp, &input).unwrap();
    rubric(
        &[
            "batch",
            "--input",
            inp.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        "",
    );
    let cli: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(graded, cli.iter().collect::<Vec<_>>());
}

#[test]
fn batch_refuses_a_line_over_the_limit_and_keeps_serving() {
    let s = Server::start(&[]);
    let mut input = json!({"question": "g06", "answer": "ok"}).to_string() + "\n";
    input.push_str(&"x".repeat(1100 * 1024));
    let r = s
        .conn()
        .send("POST", "/v1/batch", &[], input.as_bytes())
        .unwrap();
    let text = r.text();
    let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], "batch", "{text}");
    assert!(last["error"]["message"]
        .as_str()
        .unwrap()
        .contains("over the limit"));
    assert_eq!(s.get("/healthz").status, 200);
}

/// An interview started in the browser's API, continued in the terminal from the same transcript,
/// and finished in the API again; its scorecard is `rubric report`'s.
#[test]
fn interview_moves_between_api_and_terminal() {
    let s = Server::start(&[]);
    let st = s
        .post(
            "/v1/interviews",
            &json!({"ids": ["g06", "q010", "g08"], "no_follow_ups": true, "seed": 4}).to_string(),
        )
        .json();
    assert_eq!(st["phase"], "asking", "{st}");
    assert_eq!(st["question"]["id"], "g06");

    // A hint, then an answer.
    let st = s
        .post(
            "/v1/interviews/hint",
            &json!({"transcript": st["transcript"]}).to_string(),
        )
        .json();
    assert!(st["hint"]["text"].is_string(), "{st}");
    let st = s
        .post(
            "/v1/interviews/answer",
            &json!({"transcript": st["transcript"], "answer": G06_STRONG, "elapsed_secs": 42.0})
                .to_string(),
        )
        .json();
    assert!(
        st["graded"]["grade"]["score"].as_f64().unwrap() > 50.0,
        "{st}"
    );
    assert_eq!(st["question"]["id"], "q010");

    // The terminal answers q010 and quits.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("interview.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&st["transcript"]).unwrap(),
    )
    .unwrap();
    let out = rubric(
        &["interview", "--resume", path.to_str().unwrap()],
        "I would run kubectl describe node and read the events.\n.\n:quit\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(transcript["turns"].as_array().unwrap().len(), 2);

    // Back in the API: skip the last question; the interview finishes with a scorecard.
    let st = s
        .post(
            "/v1/interviews/skip",
            &json!({"transcript": transcript}).to_string(),
        )
        .json();
    assert_eq!(st["phase"], "finished", "{st}");
    assert_eq!(st["scorecard"]["questions"].as_array().unwrap().len(), 3);

    std::fs::write(
        &path,
        serde_json::to_string_pretty(&st["transcript"]).unwrap(),
    )
    .unwrap();
    let cli = rubric(&["report", path.to_str().unwrap(), "--format", "json"], "");
    let card = s.post(
        "/v1/interviews/scorecard",
        &json!({"transcript": st["transcript"]}).to_string(),
    );
    assert_eq!(card.text(), String::from_utf8_lossy(&cli.stdout));
    let html = s.post(
        "/v1/interviews/scorecard?format=html",
        &json!({"transcript": st["transcript"]}).to_string(),
    );
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(html.text().contains("<svg"));

    // A step on a finished interview is refused, not a panic.
    let again = s.post(
        "/v1/interviews/answer",
        &json!({"transcript": st["transcript"], "answer": "x"}).to_string(),
    );
    assert_eq!(again.status, 409, "{}", again.text());
    assert_eq!(error_code(&again), "invalid_step");
}

#[test]
fn token_guards_the_api_but_not_the_page() {
    let s = Server::start(&["--token", "s3cret"]);
    let r = s.get("/v1/questions");
    assert_eq!(r.status, 401);
    assert_eq!(error_code(&r), "unauthorized");
    let wrong = s
        .conn()
        .send(
            "GET",
            "/v1/questions",
            &[("Authorization", "Bearer nope")],
            b"",
        )
        .unwrap();
    assert_eq!(wrong.status, 401);
    let ok = s
        .conn()
        .send(
            "GET",
            "/v1/questions",
            &[("Authorization", "Bearer s3cret")],
            b"",
        )
        .unwrap();
    assert_eq!(ok.status, 200);
    assert_eq!(s.get("/healthz").status, 200);
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn off_loopback_needs_a_token() {
    let out = rubric(&["serve", "--addr", "0.0.0.0:0"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs --token"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn access_log_never_holds_the_answer_and_shutdown_is_graceful() {
    let mut s = Server::start(&[]);
    let secret = "zebra-unicorn-passphrase preStop hook";
    let r = s.post(
        "/v1/grade",
        &json!({"question": "g06", "answer": secret}).to_string(),
    );
    assert_eq!(r.status, 200);
    // A request in flight when SIGTERM arrives still gets its answer: a batch whose body is
    // still being sent.
    let mut conn = s.conn();
    let (status, log) = {
        let body = json!({"question": "g06", "answer": secret}).to_string() + "\n";
        let handle = std::thread::spawn(move || {
            conn.send("POST", "/v1/batch", &[], body.as_bytes())
                .map(|r| r.status)
        });
        let status = handle.join().unwrap().unwrap();
        (status, s.terminate())
    };
    assert_eq!(status, 200);
    let (exit, log) = log;
    assert!(exit.success(), "{exit:?}: {log}");
    assert!(log.contains("POST /v1/grade 200 "), "{log}");
    assert!(log.contains("POST /v1/batch 200 "), "{log}");
    assert!(!log.contains("zebra"), "the answer reached the log: {log}");
    assert!(log.contains("stopped"), "{log}");
}

/// See: issue 22: every route is in the OpenAPI description, and every path there is a route.
#[test]
fn openapi_matches_the_routes() {
    use std::collections::BTreeSet;
    let s = Server::start(&[]);
    let doc = s.get("/v1/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    let routes: BTreeSet<(String, String)> = rubric_grader::serve::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, routes);
    // And each is really routed: none answers `not_found` or `method_not_allowed`.
    for (method, path) in &routes {
        let path = path.replace("{id}", "g06");
        let r = s
            .conn()
            .send(&method.to_uppercase(), &path, &[], b"{}")
            .unwrap();
        if r.status >= 400 {
            let code = error_code(&r);
            assert!(
                code != "not_found" && code != "method_not_allowed",
                "{method} {path}: {code}"
            );
        }
    }
}

#[test]
fn the_page_lists_the_bank_and_needs_nothing_from_outside() {
    let s = Server::start(&[]);
    let r = s.get("/");
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("<option value=\"g06\""));
    assert!(html.contains("prefers-color-scheme"));
    assert!(html.contains("name=\"viewport\""));
    for external in ["http://", "https://", "//cdn"] {
        assert!(!html.contains(external), "the page loads {external}…");
    }
}

/// A client that sends half a body holds its request open: past `--timeout` it gets
/// `503 timeout`, and while it holds the only slot (`--max-concurrent 1`) another request gets
/// `503 overloaded` at once.
#[test]
fn timeout_and_concurrency_limit() {
    use std::io::Read;
    use std::net::TcpStream;
    let s = Server::start(&["--timeout", "2", "--max-concurrent", "1"]);
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(
        b"POST /v1/grade HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"question\"",
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let busy = s.get("/healthz");
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(error_code(&busy), "overloaded");

    let mut reply = String::new();
    slow.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let mut buf = [0u8; 4096];
    while !reply.contains("\"timeout\"") {
        let n = slow.read(&mut buf).unwrap();
        assert!(n > 0, "closed without an answer: {reply}");
        reply.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(reply.starts_with("HTTP/1.1 503"), "{reply}");
    // The slot is free again.
    assert_eq!(s.get("/healthz").status, 200);
}

/// Scores in interview states print as the CLI prints them (`22.6`, not `22.600000381469727`).
#[test]
fn interview_scores_are_not_widened() {
    // The score the library gives the same answer, with one decimal (whatever the bank's weights).
    let bank = rubric_grader::Bank::embedded().unwrap();
    let grader = rubric_grader::Grader::for_entry(&bank, bank.find("g06").unwrap()).unwrap();
    let score = grader.grade("preStop sleep").unwrap().score;
    assert_ne!(score.fract(), 0.0, "the check needs a score with a decimal");
    let s = Server::start(&[]);
    let st = s
        .post(
            "/v1/interviews",
            &json!({"ids": ["g06"], "seed": 1}).to_string(),
        )
        .json();
    let r = s.post(
        "/v1/interviews/answer",
        &json!({"transcript": st["transcript"], "answer": "preStop sleep"}).to_string(),
    );
    assert_eq!(r.status, 200);
    let printed = format!("\"score\": {score},");
    assert!(r.text().contains(&printed), "{printed} in {}", r.text());
}
