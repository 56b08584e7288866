//! `rubric interview` (and `grade`) driven through a real pseudo-terminal: answer a question and
//! its follow-up, `:quit`, check the saved transcript, resume it and finish; Ctrl-C saves too;
//! where transcripts go by default, wrapping, an empty answer, and `grade`'s prompt.

use std::process::Command;
use std::time::Duration;

use rexpect::session::{spawn_command, PtySession};

/// `rubric ARGS` in a pty, with `HOME`, the XDG folders and the working folder inside `home`, so
/// nothing of the user's is touched and nothing is left behind.
fn rubric(args: &[&str], home: &std::path::Path) -> PtySession {
    let work = home.join("work");
    std::fs::create_dir_all(&work).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rubric"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .current_dir(&work);
    spawn_command(cmd, Some(Duration::from_secs(20).as_millis() as u64))
        .expect("spawn rubric in a pty")
}

fn transcript(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("transcript written"))
        .expect("transcript is JSON")
}

/// A fresh folder, removed when dropped.
fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn answer_follow_up_quit_and_resume() {
    let dir = tempdir();
    let path = dir.path().join("t.json");
    let p = path.to_str().unwrap();
    let mut s = rubric(
        &[
            "interview",
            "--ids",
            "g06",
            "g08",
            "--seed",
            "7",
            "--transcript",
            p,
        ],
        dir.path(),
    );
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

    let mut s = rubric(&["interview", "--resume", p], dir.path());
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
    let dir = tempdir();
    let path = dir.path().join("t.json");
    let mut s = rubric(
        &[
            "interview",
            "--ids",
            "g06",
            "--seed",
            "1",
            "--transcript",
            path.to_str().unwrap(),
        ],
        dir.path(),
    );
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
    let dir = tempdir();
    let path = dir.path().join("notes.json");
    std::fs::write(&path, "{\"hello\": 1}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rubric"))
        .args(["interview", "--resume", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"hello\": 1}");
}

// ---------------------------------------------------------------------------------------------
// Issue 19

/// See: issue 19 (item 1): at a terminal, `grade` says how to end the answer.
#[test]
fn grade_at_a_terminal_says_how_to_end_the_answer() {
    let dir = tempdir();
    let mut s = rubric(&["grade", "g06"], dir.path());
    s.exp_string("Type or paste your answer; end with Ctrl-D.")
        .unwrap();
    s.send_line("SIGTERM races the endpoint removal; add a preStop sleep.")
        .unwrap();
    s.send_control('d').unwrap();
    s.exp_string("g06  ").unwrap();
    s.exp_string("What to work on").unwrap();
    s.exp_eof().unwrap();
}

/// See: issue 19 (item 6): without `--transcript`, the transcript goes to the data directory
/// (named in the output), not the working folder.
#[test]
fn transcripts_default_to_the_data_directory() {
    let dir = tempdir();
    let mut s = rubric(&["interview", "--ids", "g06", "--seed", "5"], dir.path());
    let expected = dir
        .path()
        .join("data/rubric-grader/interviews/interview-5.json");
    s.exp_string(&expected.display().to_string()).unwrap();
    s.exp_string("Question 1 of 1").unwrap();
    s.send_line(":quit").unwrap();
    s.exp_string("continue with `rubric interview --resume")
        .unwrap();
    s.exp_eof().unwrap();
    assert!(expected.is_file(), "{} missing", expected.display());
    let left_in_work: Vec<_> = std::fs::read_dir(dir.path().join("work"))
        .unwrap()
        .collect();
    assert!(left_in_work.is_empty(), "{left_in_work:?}");
    // A second interview with the same seed does not overwrite the first.
    let mut s = rubric(&["interview", "--ids", "g06", "--seed", "5"], dir.path());
    s.exp_string("interview-5-2.json").unwrap();
    s.send_line(":quit").unwrap();
    s.exp_eof().unwrap();
}

/// See: issue 19 (item 6): a lone `.` with nothing typed asks before grading an empty answer.
#[test]
fn a_lone_dot_asks_before_grading_an_empty_answer() {
    let dir = tempdir();
    let path = dir.path().join("t.json");
    let mut s = rubric(
        &[
            "interview",
            "--ids",
            "g06",
            "--seed",
            "1",
            "--no-follow-ups",
            "--transcript",
            path.to_str().unwrap(),
        ],
        dir.path(),
    );
    s.exp_string("Question 1 of 1").unwrap();
    s.send_line(".").unwrap();
    s.exp_string("submit an empty answer (it scores 0)? [y/N]")
        .unwrap();
    s.send_line("n").unwrap();
    s.exp_string("Type your answer").unwrap();
    s.send_line("SIGTERM races the endpoint removal; add a preStop sleep.")
        .unwrap();
    s.send_line(".").unwrap();
    s.exp_string("Recommendation").unwrap();
    s.exp_eof().unwrap();
    let t = transcript(&path);
    assert!(
        t["turns"][0]["answer"]
            .as_str()
            .unwrap()
            .contains("preStop sleep"),
        "{t}"
    );
}

/// See: issue 19 (item 6): resuming at a pending follow-up shows the question it follows.
#[test]
fn resume_shows_a_pending_follow_up_with_its_question() {
    let dir = tempdir();
    let path = dir.path().join("t.json");
    let p = path.to_str().unwrap();
    let mut s = rubric(
        &[
            "interview",
            "--ids",
            "g06",
            "--seed",
            "7",
            "--transcript",
            p,
        ],
        dir.path(),
    );
    s.exp_string("Question 1 of 1").unwrap();
    s.send_line("Add a preStop sleep.").unwrap();
    s.send_line(".").unwrap();
    s.exp_string("Follow-up (answer it, or :skip)").unwrap();
    s.send_line(":quit").unwrap();
    s.exp_eof().unwrap();

    let mut s = rubric(&["interview", "--resume", p], dir.path());
    s.exp_string("Question 1 of 1").unwrap();
    s.exp_string("Deleted pod still receives traffic").unwrap();
    s.exp_string("Follow-up (answer it, or :skip):").unwrap();
    s.send_line(":skip").unwrap();
    s.exp_string("Recommendation").unwrap();
    s.exp_eof().unwrap();
}

/// See: issue 19 (item 6): output is wrapped to the terminal's width between words.
#[test]
fn long_lines_wrap_at_the_terminal_width() {
    let dir = tempdir();
    let path = dir.path().join("t.json");
    let mut s = rubric(
        &[
            "interview",
            "--ids",
            "g06",
            "--seed",
            "1",
            "--no-follow-ups",
            "--transcript",
            path.to_str().unwrap(),
        ],
        dir.path(),
    );
    s.exp_string("Question 1 of 1").unwrap();
    s.send_line("I would add a preStop hook.").unwrap();
    s.send_line(".").unwrap();
    // rexpect hands bytes over one char each; put the UTF-8 back together.
    let raw = s.exp_eof().unwrap();
    let output = String::from_utf8(raw.chars().map(|c| c as u8).collect()).unwrap();
    let width = 80; // a pty without a size: textwrap's default
    let lines: Vec<&str> = output.lines().map(|l| l.trim_end_matches('\r')).collect();
    let too_long: Vec<&&str> = lines.iter().filter(|l| l.chars().count() > width).collect();
    assert!(too_long.is_empty(), "lines over {width}: {too_long:#?}");
    // The long feedback lines were filled, not cut short, and no word was split.
    assert!(lines.iter().any(|l| l.chars().count() > width - 20));
    let question = "Why is it still receiving traffic?";
    let flat = lines.join(" ");
    assert!(
        flat.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(question),
        "{output}"
    );
}
