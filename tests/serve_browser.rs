//! The practice page of `rubric serve` in a real browser (issue 22): headless Chromium, driven
//! over the DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON messages ending in NUL
//! on file descriptors 3 and 4, here two FIFOs), loads the page at phone width, types an answer,
//! submits it with Ctrl+Enter and checks the score and the highlighted evidence. The screenshot is
//! kept in `target/screenshots/` (a CI artefact).
//!
//! Needs Debian's `chromium`; `.ci/run` installs it and runs
//! `cargo test --test serve_browser -- --ignored`.

mod util;

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use util::http::Server;

const CHROMIUM: &str = "/usr/bin/chromium";
const ANSWER: &str = "Deleting a pod sends SIGTERM while the endpoint is removed in parallel, and \
kube-proxy lags behind, so requests still arrive. Add a preStop hook that sleeps, raise \
terminationGracePeriodSeconds, and drain in-flight requests — 502s show it.";

/// A DevTools session with one page.
struct Cdp {
    child: Child,
    tx: File,
    rx: BufReader<File>,
    id: u64,
    session: Option<String>,
}

impl Cdp {
    fn start(profile: &Path) -> Cdp {
        assert!(
            Path::new(CHROMIUM).exists(),
            "{CHROMIUM} is missing: `apt-get install chromium` (.ci/run does)"
        );
        let (to, from) = (profile.join("to.fifo"), profile.join("from.fifo"));
        for f in [&to, &from] {
            let ok = Command::new("mkfifo").arg(f).status().unwrap().success();
            assert!(ok, "mkfifo");
        }
        // The shell opens the FIFOs as descriptors 3 and 4, then becomes Chromium.
        let child = Command::new("bash")
            .arg("-c")
            .arg(format!(
                "exec {CHROMIUM} --headless --no-sandbox --disable-gpu --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync \
                 --hide-scrollbars --remote-debugging-pipe --user-data-dir=\"$2\" \
                 about:blank 3<\"$0\" 4>\"$1\""
            ))
            .arg(&to)
            .arg(&from)
            .arg(profile.join("profile"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let tx = File::options().write(true).open(&to).unwrap();
        let rx = BufReader::new(File::open(&from).unwrap());
        let mut cdp = Cdp {
            child,
            tx,
            rx,
            id: 0,
            session: None,
        };
        let target = cdp.call("Target.createTarget", json!({"url": "about:blank"}));
        let attached = cdp.call(
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        );
        cdp.session = Some(attached["sessionId"].as_str().unwrap().to_string());
        cdp
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let mut msg = json!({"id": self.id, "method": method, "params": params});
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.tx.write_all(msg.to_string().as_bytes()).unwrap();
        self.tx.write_all(b"\0").unwrap();
        loop {
            let mut buf = Vec::new();
            let n = self.rx.read_until(0, &mut buf).unwrap();
            assert!(n > 0, "chromium closed the pipe during {method}");
            buf.pop();
            let reply: Value = serde_json::from_slice(&buf).unwrap();
            if reply["id"] == json!(self.id) {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is true (10 s at most).
    fn wait_for(&mut self, expr: &str) {
        let start = Instant::now();
        while self.eval(expr) != json!(true) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out: {expr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn key(&mut self, key: &str, code: u32, modifiers: u32) {
        for kind in ["rawKeyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
                       "modifiers": modifiers}),
            );
        }
    }
}

impl Drop for Cdp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(val).collect();
    bytes
        .chunks(4)
        .flat_map(|c| {
            let n = c
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &v)| acc | (u32::from(v) << (18 - 6 * i)));
            let out = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

#[test]
#[ignore = "needs Debian chromium; run by .ci/run"]
fn practise_a_question_in_the_browser_at_phone_width() {
    let server = Server::start(&["--quiet"]);
    let expected = server
        .post(
            "/v1/grade",
            &json!({"question": "g06", "answer": ANSWER}).to_string(),
        )
        .json();
    let dir = tempfile::tempdir().unwrap();
    let mut b = Cdp::start(dir.path());
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 420, "height": 1600, "deviceScaleFactor": 1, "mobile": true}),
    );
    b.call(
        "Page.navigate",
        json!({"url": format!("http://{}/", server.addr)}),
    );
    b.wait_for("document.readyState === 'complete' && document.getElementById('qtext').textContent.length > 0");

    // Pick g06, type the answer, submit from the keyboard.
    b.eval("const q = document.getElementById('question'); q.value = 'g06'; q.dispatchEvent(new Event('change')); true");
    b.wait_for("document.getElementById('qtitle').textContent.startsWith('g06')");
    b.eval("document.getElementById('answer').focus(); true");
    b.call("Input.insertText", json!({"text": ANSWER}));
    assert_eq!(
        b.eval("document.getElementById('answer').value"),
        json!(ANSWER)
    );
    b.key("Enter", 13, 2); // Ctrl+Enter
    b.wait_for("!document.getElementById('result').hidden && document.getElementById('score').textContent.length > 0");

    // The score shown is the API's.
    let score = expected["score"].as_f64().unwrap();
    assert_eq!(
        b.eval("document.getElementById('score').textContent"),
        json!(format!("{score:.1}/100"))
    );
    // The answer is shown back whole, and each covered concept's evidence is highlighted.
    assert_eq!(
        b.eval("document.getElementById('answer-view').textContent"),
        json!(ANSWER)
    );
    let marks = b.eval(
        "Array.from(document.querySelectorAll('#answer-view mark')).map(m => [m.textContent, m.dataset.concepts])",
    );
    let marks = marks.as_array().unwrap();
    let hit: Vec<&Value> = expected["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["hit"] == json!(true))
        .collect();
    assert!(hit.len() >= 4, "{expected}");
    for c in &hit {
        let id = c["id"].as_str().unwrap();
        let marked: String = marks
            .iter()
            .filter(|m| m[1].as_str().unwrap().split(' ').any(|x| x == id))
            .map(|m| m[0].as_str().unwrap())
            .collect();
        for e in c["evidence"].as_array().unwrap() {
            let text = e["text"].as_str().unwrap();
            assert!(
                marked.contains(text),
                "{id}: `{text}` not highlighted in {marks:?}"
            );
        }
    }
    assert!(marks.iter().any(|m| m[0] == "preStop hook"), "{marks:?}");

    // Focusing a concept (keyboard) lights up its evidence.
    b.eval("document.querySelector('#concepts .covered button').focus(); true");
    assert!(
        b.eval("document.querySelectorAll('#answer-view mark.on').length")
            .as_u64()
            .unwrap()
            >= 1
    );
    let shot = b.call("Page.captureScreenshot", json!({"format": "png"}));
    let png = base64_decode(shot["data"].as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("serve-page-420.png"), &png).unwrap();
    // Readable at 420 px: nothing wider than the screen.
    let wide = b.eval(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 421).map(e => e.tagName + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))",
    );
    assert_eq!(wide, json!([]), "wider than 420 px");
}

/// The interview mode: start, skip every question with the Skip button, and the HTML scorecard
/// shows; the page follows a dark system theme.
#[test]
#[ignore = "needs Debian chromium; run by .ci/run"]
fn an_interview_ends_in_the_scorecard_and_dark_mode_is_dark() {
    let server = Server::start(&["--quiet"]);
    let dir = tempfile::tempdir().unwrap();
    let mut b = Cdp::start(dir.path());
    b.call(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    );
    b.call(
        "Page.navigate",
        json!({"url": format!("http://{}/", server.addr)}),
    );
    b.wait_for("document.readyState === 'complete' && document.getElementById('qtext').textContent.length > 0");
    // Dark: the background is darker than the text.
    let lum = "(c => { const [r, g, bl] = c.match(/\\d+/g).map(Number); return r + g + bl; })";
    let bg = b.eval(&format!(
        "{lum}(getComputedStyle(document.body).backgroundColor)"
    ));
    let fg = b.eval(&format!("{lum}(getComputedStyle(document.body).color)"));
    assert!(
        bg.as_u64().unwrap() < fg.as_u64().unwrap(),
        "bg {bg} fg {fg}"
    );

    b.eval("document.getElementById('start-interview').click(); true");
    b.wait_for("document.getElementById('progress').textContent.startsWith('Question 1 of 5')");
    for _ in 0..20 {
        if b.eval("document.getElementById('progress').textContent") == json!("Interview finished.")
        {
            break;
        }
        b.eval("document.getElementById('skip').click(); true");
        std::thread::sleep(Duration::from_millis(300));
    }
    b.wait_for("document.getElementById('progress').textContent === 'Interview finished.'");
    b.wait_for("!document.getElementById('card-box').hidden && document.getElementById('card').srcdoc.includes('<svg')");
}
