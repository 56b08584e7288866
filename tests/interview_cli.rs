//! `rubric interview` driven through a real pseudo-terminal: answer a question and its follow-up,
//! `:quit`, check the saved transcript, resume it and finish; Ctrl-C saves too.

use std::process::Command;
use std::time::Duration;

use rexpect::session::{spawn_command, PtySession};

fn rubric(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rubric"));
    cmd.args(args).env("NO_COLOR", "1");
    spawn_command(cmd, Some(Duration::from_secs(20).as_millis() as u64))
        .expect("spawn rubric in a pty")
}

fn transcript(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("transcript written"))
        .expect("transcript is JSON")
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("rubric-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn answer_follow_up_quit_and_resume() {
    let dir = tempdir("resume");
    let path = dir.join("t.json");
    let p = path.to_str().unwrap();
    let mut s = rubric(&[
        "interview",
        "--ids",
        "g06",
        "g08",
        "--seed",
        "7",
        "--transcript",
        p,
    ]);
    s.exp_string("Question 1 of 2").unwrap();
    s.exp_string("Why is it still receiving traffic?").unwrap();
    s.send_line("SIGTERM is sent while the endpoint controller removes the pod,")
        .unwrap();
    s.send_line("so kube-proxy still routes to it for a moment. Add a preStop sleep.")
        .unwrap();
    s.send_line(".").unwrap();
    s.exp_string("Follow-up (answer it, or :skip)").unwrap();
    s.send_line(
        "If the sleep is longer than terminationGracePeriodSeconds the kubelet sends SIGKILL.",
    )
    .unwrap();
    s.send_line(".").unwrap();
    s.exp_string("Follow-up: covered").unwrap();
    s.exp_string("Question 2 of 2").unwrap();
    s.send_line(":quit").unwrap();
    s.exp_string("continue with `rubric interview --resume")
        .unwrap();
    s.exp_eof().unwrap();

    let t = transcript(&path);
    let turns = t["turns"].as_array().expect("turns");
    assert_eq!(turns.len(), 1, "{t}");
    assert!(turns[0]["answer"]
        .as_str()
        .unwrap()
        .contains("preStop sleep"));
    assert_eq!(turns[0]["follow_up"]["status"], "answered");
    assert!(t["open"].is_object(), "question 2 is open: {t}");

    let mut s = rubric(&["interview", "--resume", p]);
    s.exp_string("Random 5-second latency spikes").unwrap();
    s.send_line("5 seconds is the resolver timeout: conntrack races drop a UDP DNS packet; use NodeLocal DNSCache.").unwrap();
    s.send_line(".").unwrap();
    // A follow-up may or may not be asked; skip it if it is, then the scorecard follows.
    if s.exp_string("Follow-up (answer it, or :skip)").is_ok() {
        s.send_line(":skip").unwrap();
    }
    s.exp_string("Recommendation").unwrap();
    s.exp_eof().unwrap();
    let t = transcript(&path);
    assert_eq!(t["turns"].as_array().unwrap().len(), 2);
    assert_eq!(t["finished"], true, "{t}");
    assert!(t["open"].is_null(), "nothing left open: {t}");
}

#[test]
fn ctrl_c_saves_the_transcript() {
    let dir = tempdir("ctrlc");
    let path = dir.join("t.json");
    let mut s = rubric(&[
        "interview",
        "--ids",
        "g06",
        "--seed",
        "1",
        "--transcript",
        path.to_str().unwrap(),
    ]);
    s.exp_string("Question 1 of 1").unwrap();
    s.send_line(":hint").unwrap();
    s.exp_string("Hint (costs").unwrap();
    s.send_control('c').unwrap();
    s.exp_string("interrupted; transcript saved").unwrap();
    let t = transcript(&path);
    assert!(
        t["open"]["hint"].is_object(),
        "the hint taken before Ctrl-C is kept: {t}"
    );
}

#[test]
fn a_foreign_file_is_refused_and_left_alone() {
    let dir = tempdir("foreign");
    let path = dir.join("notes.json");
    std::fs::write(&path, "{\"hello\": 1}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rubric"))
        .args(["interview", "--resume", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"hello\": 1}");
}
