//! Fault tests for issue 13: kills and interrupts of a live interview, concurrent sessions, a
//! read-only folder, a full disk, batch input = output, a folder as input, a killed batch run,
//! hostile text reaching the terminal, and transcripts that do not make sense.
//!
//! See: issue 13 ("Reliability and security"), "Fault tests".

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rexpect::session::{spawn_command, PtySession};
use rubric_grader::interview::Transcript;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rubric"));
    c.env("NO_COLOR", "1");
    c
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &[u8], cwd: &Path) -> Out {
    let mut child = bin()
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rubric runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("rubric finishes");
    let _ = writer.join();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn pty(args: &[&str], cwd: &Path) -> PtySession {
    let mut cmd = bin();
    cmd.args(args).current_dir(cwd);
    spawn_command(cmd, Some(20_000)).expect("spawn rubric in a pty")
}

/// Files in `dir` other than `keep`: temporary debris.
fn debris(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

const ANSWER: &str =
    r#"{"question": "g06", "answer": "SIGTERM races kube-proxy; add a preStop sleep."}"#;

// See: issue 13, item 3: `--input F --output F` truncated the input to 0 bytes and exited 0.
#[test]
fn issue13_batch_input_equal_to_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("answers.jsonl");
    std::fs::write(&input, format!("{ANSWER}\n")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, dir.path().join("alias.jsonl")).unwrap();
    for out in ["answers.jsonl", "./answers.jsonl", "alias.jsonl"] {
        let r = run(
            &["batch", "--input", "answers.jsonl", "--output", out],
            b"",
            dir.path(),
        );
        assert_eq!(r.code, 2, "{out}: {}", r.stderr);
        assert!(r.stderr.contains("is the input file"), "{}", r.stderr);
        assert_eq!(
            std::fs::read_to_string(&input).unwrap(),
            format!("{ANSWER}\n")
        );
    }
}

// See: issue 13, item 2: a folder as input printed "skipped: Is a directory" forever.
#[test]
fn issue13_batch_folder_input_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    for format in [&[][..], &["--csv"][..]] {
        let mut args = vec!["batch", "--input", "."];
        args.extend_from_slice(format);
        let r = run(&args, b"", dir.path());
        assert_eq!(r.code, 2);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains("is a folder"), "{}", r.stderr);
    }
    assert!(start.elapsed() < Duration::from_secs(10));
}

// See: issue 13, items 3 and 9: a killed batch left a cut-off last line where the results were.
#[cfg(unix)]
#[test]
fn issue13_killed_batch_leaves_the_old_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.jsonl");
    std::fs::write(&out, "previous complete results\n").unwrap();
    let mut child = bin()
        .args(["batch", "--input", "-", "--output", "results.jsonl"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than one chunk, so some results have been written to the temporary file.
    for _ in 0..5000 {
        writeln!(stdin, "{ANSWER}").unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL
    let _ = child.wait();
    drop(stdin);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "previous complete results\n"
    );
    // The next run removes the killed run's temporary file and replaces the results whole.
    let input = format!("{ANSWER}\n").repeat(3);
    let r = run(
        &["batch", "--input", "-", "--output", "results.jsonl"],
        input.as_bytes(),
        dir.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 3);
    assert_eq!(debris(dir.path(), &["results.jsonl"]), Vec::<String>::new());
}

// See: issue 13, item 4: a new interview replaced an unfinished transcript silently.
#[test]
fn issue13_new_interview_refuses_an_existing_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["interview", "--ids", "g06", "--transcript", "t.json"];
    let r = run(&args, b":quit\n", dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = std::fs::read_to_string(dir.path().join("t.json")).unwrap();
    let r = run(&args, b":quit\n", dir.path());
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "rubric: t.json already exists; continue that interview with `rubric interview --resume t.json`, or pass --force to replace it"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.json")).unwrap(),
        before
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let r = run(&forced, b":quit\n", dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
}

// See: issue 13, item 4: two interviews on one file overwrote each other and both exited 0.
#[test]
fn issue13_concurrent_interviews_on_one_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = pty(
        &["interview", "--ids", "g06", "g08", "--transcript", "t.json"],
        dir.path(),
    );
    first.exp_string("Question 1 of 2").unwrap();
    first.exp_string("> ").unwrap();
    // A second session resuming, or forcing a new one, on the same file is refused.
    for args in [
        &["interview", "--resume", "t.json"][..],
        &[
            "interview",
            "--ids",
            "g08",
            "--transcript",
            "t.json",
            "--force",
        ][..],
    ] {
        let r = run(args, b"", dir.path());
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr.trim(),
            "rubric: t.json is in use by another interview; finish or quit that one first"
        );
    }
    first
        .send_line("SIGTERM races the endpoint removal; add a preStop sleep.")
        .unwrap();
    first.send_line(".").unwrap();
    first.exp_string("> ").unwrap();
    first.send_line(":quit").unwrap();
    first.exp_eof().unwrap();
    let t = Transcript::load(dir.path().join("t.json")).unwrap();
    assert!(t.turns[0].answer.contains("preStop sleep"));
    // Once it has quit, resuming works.
    let r = run(&["interview", "--resume", "t.json"], b":quit\n", dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
}

// See: issue 13, item 10: an answer over 1 MiB ended the whole interview with exit 2.
#[test]
fn issue13_oversized_answer_keeps_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = Vec::new();
    for _ in 0..(1 << 20) / 64 + 10 {
        input.extend_from_slice(&[b'w'; 63]);
        input.push(b'\n');
    }
    input.extend_from_slice(b".\nSIGTERM races kube-proxy; add a preStop sleep.\n.\n:quit\n");
    let r = run(
        &[
            "interview",
            "--ids",
            "g06",
            "g08",
            "--no-follow-ups",
            "--transcript",
            "t.json",
        ],
        &input,
        dir.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("the limit is 1048576 bytes. It was not graded"),
        "{}",
        &r.stdout[..r.stdout.len().min(2000)]
    );
    let t = Transcript::load(dir.path().join("t.json")).unwrap();
    assert_eq!(t.turns.len(), 1);
    assert!(t.turns[0].answer.starts_with("SIGTERM races"));
}

/// A change to a transcript's JSON.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

// See: issue 13, item 11: `report` printed "1000000000/100" and accepted duplicated turns and
// unknown question ids.
#[test]
fn issue13_report_validates_transcripts() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &[
            "interview",
            "--ids",
            "g06",
            "g08",
            "--no-follow-ups",
            "--transcript",
            "t.json",
        ],
        b"SIGTERM races kube-proxy; add a preStop sleep.\n.\n:skip\n",
        dir.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("t.json")).unwrap()).unwrap();
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|t| t["turns"][0]["score"] = 1e9.into()),
            "turn 1 (`g06`): score 1000000000 is outside 0–100",
        ),
        (
            Box::new(|t| t["turns"][0]["score"] = (-50).into()),
            "turn 1 (`g06`): score -50 is outside 0–100",
        ),
        (
            Box::new(|t| {
                let turn = t["turns"][0].clone();
                t["turns"].as_array_mut().unwrap().push(turn);
            }),
            "turn 3 (`g06`): numbered 1 where 3 was expected (turns duplicated or out of order)",
        ),
        (
            Box::new(|t| t["turns"][0]["question"]["id"] = "zz9".into()),
            "this transcript uses a different bank: question `zz9` is not in this one",
        ),
    ];
    for (i, (edit, message)) in cases.iter().enumerate() {
        let mut t = good.clone();
        edit(&mut t);
        let name = format!("bad{i}.json");
        std::fs::write(dir.path().join(&name), t.to_string()).unwrap();
        let r = run(&["report", &name], b"", dir.path());
        assert_eq!(r.code, 2, "{name}: {}", r.stdout);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains(message), "{name}: {}", r.stderr);
    }
}

fn hostile_bank(dir: &Path) -> std::path::PathBuf {
    let bank = dir.join("bank");
    std::fs::create_dir(&bank).unwrap();
    std::fs::write(
        bank.join("h01-x.ron"),
        r#"(
    id: "h01", title: "Title\u{1b}]0;pwned\u{7}", category: "c\u{1b}[2J", level: mid,
    question: "Why?\u{1b}[8m hidden", model_answer: "preStop hook and SIGTERM",
    concepts: [
        (id: "c", label: "label\u{1b}[1A\u{9b}2J", matcher: Any(["preStop hook"]),
         hint: "hint\u{1b}c", follow_up: Some("probe\u{1b}[3J"), study: Some("study\u{7}")),
        (id: "d", label: "<script>alert(1)</script>", matcher: Term("SIGTERM"), hint: "h"),
    ],
)"#,
    )
    .unwrap();
    bank
}

/// Whether `out` holds an escape or control character other than newline and tab, or any
/// escape sequence outside the colour sequences the renderers write.
fn has_hostile_controls(out: &str) -> bool {
    let allowed = [
        "\x1b[0m",
        "\x1b[1m",
        "\x1b[2m",
        "\x1b[31m",
        "\x1b[32m",
        "\x1b[33m",
        "\x1b[1;31m",
        "\x1b[1;32m",
    ];
    let mut rest = out.to_string();
    for a in allowed {
        rest = rest.replace(a, "");
    }
    rest.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

// See: issue 13, item 5: escape sequences in answers and rubrics reached the terminal.
#[test]
fn issue13_no_escape_sequence_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bank = hostile_bank(dir.path());
    let b = bank.to_str().unwrap();
    let answer = "add a preStop hook \x1b]0;title\x07\x1b[2J and SIGTERM \u{9b}8m\r\x1b[8m";
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "h01", "--rubric", "--model-answer"],
        vec!["grade", "h01"],
        vec!["grade", "h01", "--format", "markdown"],
        vec!["explain", "h01"],
        vec!["kit", "h01"],
        vec!["kit", "h01", "--format", "html"],
    ];
    for color in ["never", "always"] {
        for c in &commands {
            let mut args = vec!["--rubrics", b, "--color", color];
            args.extend_from_slice(c);
            let r = run(&args, answer.as_bytes(), dir.path());
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            assert!(
                !has_hostile_controls(&r.stdout),
                "{args:?} printed a control character: {:?}",
                r.stdout
            );
            assert!(!has_hostile_controls(&r.stderr), "{:?}", r.stderr);
            if color == "never" {
                assert!(!r.stdout.contains('\x1b'), "{args:?}");
            }
        }
    }
    // HTML escapes markup (and is plain text to a terminal).
    let r = run(
        &["--rubrics", b, "kit", "h01", "--format", "html"],
        b"",
        dir.path(),
    );
    assert!(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!r.stdout.contains("<script>"));
    // An unknown id is echoed without its escapes.
    let r = run(&["grade", "g\x1b[2J"], b"x", dir.path());
    assert_eq!(r.code, 2);
    assert!(!has_hostile_controls(&r.stderr), "{:?}", r.stderr);
}

// See: issue 13, item 7: `grade` ran rubrics that `lint` rejects ("0/100, every concept covered").
#[test]
fn issue13_every_command_refuses_a_nan_weight() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    std::fs::create_dir(&bank).unwrap();
    std::fs::write(
        bank.join("h01-x.ron"),
        "(id: \"h01\", title: \"t\", category: \"c\", level: mid, question: \"q\", model_answer: \"a\",\n concepts: [(id: \"c\", label: \"l\", weight: NaN, matcher: Term(\"a\"), hint: \"h\")])",
    )
    .unwrap();
    let b = bank.to_str().unwrap();
    let (at, expected) = (
        "h01-x.ron:2:35: ",
        "weight of `c` must be a positive number, not NaN",
    );
    for args in [
        vec!["--rubrics", b, "grade", "h01"],
        vec!["--rubrics", b, "explain", "h01"],
        vec!["--rubrics", b, "batch", "--input", "-"],
        vec!["lint", b],
    ] {
        let r = run(&args, br#"{"question": "h01", "answer": "a"}"#, dir.path());
        let all = format!("{}{}", r.stdout, r.stderr);
        if args.contains(&"batch") {
            // Batch grades nothing with that rubric: it skips the record, or, when the broken
            // rubric was the only one, refuses a bank with no rubrics.
            assert!(
                all.contains("0 answers graded, 1 skipped") || all.contains("no rubrics found"),
                "{all}"
            );
        } else {
            assert_ne!(r.code, 0, "{args:?}");
        }
        assert!(
            all.contains(at) && all.contains(expected),
            "{args:?}: {all}"
        );
        assert!(
            !all.contains("NaN points") && !all.contains("0/100"),
            "{all}"
        );
    }
}

/// Whether this process can be stopped by file permissions (root cannot).
fn permissions_bind(dir: &Path) -> bool {
    std::fs::write(dir.join("probe"), "").is_err()
}

#[cfg(unix)]
#[test]
fn issue13_read_only_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions: a read-only mount stands in for the read-only folder.
    let mounted = !permissions_bind(&ro) && read_only_mount(&ro);
    if !permissions_bind(&ro) {
        eprintln!("skipped: running as root and cannot mount a read-only tmpfs");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let r = run(
            &["interview", "--ids", "g06", "--transcript", "ro/t.json"],
            b":quit\n",
            dir.path(),
        );
        assert_eq!(r.code, 2);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.starts_with("rubric: ro/t.json: "), "{}", r.stderr);
        let r = run(
            &["batch", "--input", "-", "--output", "ro/out.jsonl"],
            ANSWER.as_bytes(),
            dir.path(),
        );
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.starts_with("rubric: ro/out.jsonl: "),
            "{}",
            r.stderr
        );
    });
    if mounted {
        let _ = Command::new("umount").arg(&ro).status();
    }
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Mounts an empty read-only tmpfs at `dir`, if this process may.
fn read_only_mount(dir: &Path) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", "ro,size=16k", "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Mounts a 64 KiB tmpfs at `dir`, if this process may (root, and `mount` works here).
#[cfg(target_os = "linux")]
fn small_tmpfs(dir: &Path) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(target_os = "linux")]
#[test]
fn issue13_full_disk_keeps_previous_files_whole() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    if !small_tmpfs(&full) {
        eprintln!("skipped: cannot mount a small tmpfs (needs root and mount)");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        std::fs::write(full.join("results.jsonl"), "previous\n").unwrap();
        // Fill the disk but for a few blocks.
        let mut filler = std::fs::File::create(full.join("filler")).unwrap();
        while filler.write_all(&[0u8; 4096]).is_ok() {}
        let _ = filler.sync_all();
        let input = format!("{ANSWER}\n").repeat(2000);
        let r = run(
            &["batch", "--input", "-", "--output", "full/results.jsonl"],
            input.as_bytes(),
            dir.path(),
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("No space left on device"), "{}", r.stderr);
        assert_eq!(
            std::fs::read_to_string(full.join("results.jsonl")).unwrap(),
            "previous\n"
        );
        assert_eq!(
            debris(&full, &["results.jsonl", "filler"]),
            Vec::<String>::new()
        );
    });
    let _ = Command::new("umount").arg(&full).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// One trial: an interview in a pty, answers sent, killed (SIGKILL or SIGINT) after a random
/// delay. Returns the answers the session acknowledged (the next prompt appeared).
fn kill_trial(dir: &Path, seed: u64, signal: &str) -> Vec<String> {
    let mut s = pty(
        &[
            "interview",
            "--ids",
            "g06",
            "g08",
            "g01",
            "--no-follow-ups",
            "--transcript",
            "t.json",
            "--force",
        ],
        dir,
    );
    s.exp_string("> ").unwrap();
    let pid = s.process.child_pid.to_string();
    let mut acknowledged = Vec::new();
    let mut rng = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        rng >> 33
    };
    let answers = 1 + next() % 3;
    for i in 0..answers {
        let text = format!("answer {seed}-{i}: SIGTERM races kube-proxy; add a preStop sleep");
        s.send_line(&text).unwrap();
        s.send_line(".").unwrap();
        if i + 1 < answers {
            // The next question's prompt: the answer was saved and graded.
            s.exp_string("> ").unwrap();
            acknowledged.push(text);
        }
    }
    // Kill at a random point: before, during or after the last answer is saved and graded.
    std::thread::sleep(Duration::from_micros(next() % 30_000));
    let _ = Command::new("kill").args([signal, &pid]).status();
    let _ = s.process.wait();
    acknowledged
}

// See: issue 13, item 9: kills left `.NAME.<pid>.tmp` files and lost answers submitted just
// before; "Fault tests": kill -9 and SIGINT of a live interview at random points (pty).
#[cfg(unix)]
#[test]
fn issue13_kill_and_interrupt_at_random_points() {
    let dir = tempfile::tempdir().unwrap();
    for trial in 0..12u64 {
        let signal = if trial % 2 == 0 { "-KILL" } else { "-INT" };
        let acknowledged = kill_trial(dir.path(), trial, signal);
        let t = Transcript::load(dir.path().join("t.json"))
            .unwrap_or_else(|e| panic!("trial {trial} {signal}: {e}"));
        let saved: Vec<String> = t
            .turns
            .iter()
            .map(|t| t.answer.trim().to_string())
            .chain(
                t.open
                    .iter()
                    .filter_map(|o| o.submitted.as_ref().map(|s| s.text.trim().to_string())),
            )
            .collect();
        for a in &acknowledged {
            assert!(
                saved.contains(a),
                "trial {trial} {signal}: lost {a:?}; saved {saved:?}"
            );
        }
        // Resuming works, grades a recorded answer and cleans up a killed save's temporary file.
        if !t.finished {
            let r = run(&["interview", "--resume", "t.json"], b":quit\n", dir.path());
            assert_eq!(r.code, 0, "trial {trial}: {}", r.stderr);
            let t = Transcript::load(dir.path().join("t.json")).unwrap();
            assert!(t.open.as_ref().is_none_or(|o| o.submitted.is_none()));
        }
        assert_eq!(
            debris(dir.path(), &["t.json"]),
            Vec::<String>::new(),
            "trial {trial}"
        );
    }
}
