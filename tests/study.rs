//! Study mode (issue 20): the store's guarantees through the library (bad files left untouched,
//! newer schemas refused, export and import, the practice log imported once), and `rubric study`
//! as a user runs it — in a pseudo-terminal, killed with SIGKILL mid-session, and two processes
//! on one store at once.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{TimeZone, Utc};
use rexpect::session::{spawn_command, PtySession};
use rubric_grader::study::{
    rating_for, CardState, Exchange, GradedAnswer, Rating, Recorded, Scheduler, Settings, Source,
    Study, StudyError, SCHEMA_VERSION,
};
use rubric_grader::{Bank, Grader};

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn bank() -> Bank {
    Bank::embedded().expect("embedded bank")
}

fn graded(bank: &Bank, id: &str, text: &str, source: Source) -> GradedAnswer {
    let entry = bank.find(id).unwrap();
    let grade = Grader::for_entry(bank, entry).unwrap().grade(text).unwrap();
    GradedAnswer::new(entry, &grade, text, source)
}

fn reviews_in(db: &Path) -> usize {
    Study::open(db).unwrap().reviews().unwrap().len()
}

/// `rubric ARGS` as a command with HOME and the XDG folders inside `home`.
fn command(args: &[&str], home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rubric"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .current_dir(home);
    cmd
}

fn pty(args: &[&str], home: &Path) -> PtySession {
    spawn_command(command(args, home), Some(30_000)).expect("spawn rubric in a pty")
}

/// The first `n` questions a fresh store's session offers (the same rule the CLI uses).
fn first_new(bank: &Bank, n: usize) -> Vec<String> {
    let dir = tempdir();
    let study = Study::open(dir.path().join("s.sqlite3")).unwrap();
    let now = Utc::now();
    study
        .session(
            bank,
            &|_| true,
            n,
            now,
            (now - chrono::Duration::days(1), now),
        )
        .unwrap()
        .iter()
        .map(|i| i.entry.rubric.id.clone())
        .collect()
}

/// An answer to `id` that the grade rates `want`, if one is at hand: the model answer, its
/// first sentences, it without one sentence, or a marked example.
fn answer_rated(bank: &Bank, id: &str, want: Rating) -> Option<String> {
    let entry = bank.find(id).unwrap();
    let grader = Grader::for_entry(bank, entry).unwrap();
    let model = entry.rubric.model_answer.trim();
    let sentences: Vec<&str> = model.split_inclusive(". ").collect();
    let mut candidates: Vec<String> = vec![model.to_string(), "I do not know.".to_string()];
    candidates.extend((1..sentences.len()).map(|k| sentences[..k].concat()));
    candidates.extend((0..sentences.len()).map(|skip| {
        sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, s)| *s)
            .collect::<String>()
    }));
    // The model answer without two of its sentences.
    for a in 0..sentences.len() {
        candidates.extend((a + 1..sentences.len()).map(|b| {
            sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != a && *i != b)
                .map(|(_, s)| *s)
                .collect::<String>()
        }));
    }
    candidates.extend(entry.rubric.examples.iter().map(|e| e.answer.clone()));
    candidates
        .into_iter()
        .find(|c| rating_for(&grader.grade(c).unwrap()) == want)
}

fn send_answer(s: &mut PtySession, text: &str) {
    for line in text.lines().filter(|l| l.trim() != ".") {
        s.send_line(line).unwrap();
    }
    s.send_line(".").unwrap();
}

/// See: issue 20 ("done when"): an empty store shows new questions, records a graded answer
/// and shows the next review; a second run shows nothing due for the strong answer, and the
/// weak answer is due before the good one.
#[test]
fn issue20_study_session_in_a_terminal() {
    let bank = bank();
    let offered = first_new(&bank, 8);
    // The first question answered strong, the second weak, and the first of the others that
    // has a "good" answer at hand; the rest skipped.
    let mut plan: Vec<(String, Option<String>)> =
        offered.iter().map(|id| (id.clone(), None)).collect();
    plan[0].1 =
        Some(answer_rated(&bank, &offered[0], Rating::Easy).expect("model answer is strong"));
    plan[1].1 = Some("I do not know.".into());
    let good = (2..offered.len())
        .find_map(|i| answer_rated(&bank, &offered[i], Rating::Good).map(|a| (i, a)))
        .expect("a question with a good answer among the first 8");
    plan[good.0].1 = Some(good.1);
    let ids = [
        offered[0].clone(),
        offered[1].clone(),
        offered[good.0].clone(),
    ];
    let dir = tempdir();
    let db = dir.path().join("study.sqlite3");
    let dbs = db.to_str().unwrap();
    let mut s = pty(&["study", "--db", dbs, "--new", "8"], dir.path());
    s.exp_string("Study session: 0 due for review, 8 new")
        .unwrap();
    for (n, (id, answer)) in plan.iter().enumerate() {
        // rexpect hands multi-byte characters over mangled: match ASCII only.
        s.exp_string(&format!("[{}/8] New", n + 1)).unwrap();
        s.exp_string(id).unwrap();
        s.exp_string("> ").unwrap();
        match answer {
            Some(text) => {
                send_answer(&mut s, text);
                s.exp_string("Enter accepts").unwrap();
                s.send_line("").unwrap();
                s.exp_string("next review in").unwrap();
            }
            None => {
                s.send_line(":skip").unwrap();
                s.exp_string("Skipped.").unwrap();
            }
        }
    }
    s.exp_string("Session done: 3 of 8 answered").unwrap();
    s.exp_eof().unwrap();

    // Today's 8 new questions were offered and 3 started: a second run with a limit of 3 has
    // nothing new, and nothing is due.
    let mut s = pty(&["study", "--db", dbs, "--new", "3"], dir.path());
    s.exp_string("Nothing due today").unwrap();
    s.exp_eof().unwrap();

    let study = Study::open(&db).unwrap();
    let card = |id: &str| study.card(id).unwrap().expect("card");
    let (strong, weak, good) = (card(&ids[0]), card(&ids[1]), card(&ids[2]));
    let tomorrow = Utc::now() + chrono::Duration::hours(20);
    assert!(strong.due > tomorrow, "strong answer due {}", strong.due);
    assert!(
        weak.due < good.due,
        "weak {} vs good {}",
        weak.due,
        good.due
    );
    assert!(good.due < strong.due);
    let reviews = study.reviews().unwrap();
    assert_eq!(
        reviews.iter().map(|r| r.rating).collect::<Vec<_>>(),
        [Rating::Easy, Rating::Again, Rating::Good]
    );
    assert_eq!(reviews[1].answer.trim(), "I do not know.");
    assert!(!reviews[1].concepts_missed.is_empty());
}

/// The rating can be overridden with one key; the suggestion is kept beside it.
#[test]
fn a_key_overrides_the_suggested_rating() {
    let bank = bank();
    let ids = first_new(&bank, 1);
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let mut s = pty(
        &["study", "--db", db.to_str().unwrap(), "--new", "1"],
        dir.path(),
    );
    s.exp_string("[1/1] New").unwrap();
    s.exp_string("> ").unwrap();
    send_answer(&mut s, "I do not know.");
    s.exp_string("Enter accepts Again").unwrap();
    s.send_line("x").unwrap();
    s.exp_string("or Enter for Again").unwrap();
    s.send_line("h").unwrap();
    s.exp_string("Recorded as Hard").unwrap();
    s.exp_eof().unwrap();
    let r = &Study::open(&db).unwrap().reviews().unwrap()[0];
    assert_eq!((r.suggested, r.rating), (Rating::Again, Rating::Hard));
    assert_eq!(r.question_id, ids[0]);
}

/// A `rubric study` process fed answers through a pipe; its stdout lines go to a channel.
struct Piped {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    lines: std::sync::mpsc::Receiver<String>,
}

fn piped(args: &[&str], home: &Path) -> Piped {
    let mut child = command(args, home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn rubric");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    Piped {
        child,
        stdin,
        lines,
    }
}

impl Piped {
    /// Waits for a line containing `text`.
    fn wait_for(&self, text: &str) {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("no line with {text:?}"));
            if line.contains(text) {
                return;
            }
        }
    }
}

/// See: issue 20 (item 3): kill -9 at any moment loses no committed review: every answer whose
/// "Recorded as" line appeared is in the store, and the store is whole.
#[test]
fn issue20_kill_9_loses_no_committed_review() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let dbs = db.to_str().unwrap();
    let mut acknowledged = 0;
    // Kill after 1, 2 and 3 acknowledged answers, each time in a different place: right after
    // the acknowledgement, while typing the next answer, and after its final `.`.
    for (trial, stage) in [0u8, 1, 2].into_iter().enumerate() {
        let mut p = piped(&["study", "--db", dbs, "--new", "20"], dir.path());
        for _ in 0..=trial {
            writeln!(p.stdin, "Kubernetes restarts the pod.\n.\n").unwrap();
            p.wait_for("Recorded as");
            acknowledged += 1;
        }
        match stage {
            1 => writeln!(p.stdin, "half an answer").unwrap(),
            2 => {
                writeln!(p.stdin, "a full answer\n.").unwrap();
                std::thread::sleep(Duration::from_millis(20));
            }
            _ => {}
        }
        p.child.kill().unwrap(); // SIGKILL
        p.child.wait().unwrap();
        let study = Study::open(&db).expect("the store opens after a kill");
        let n = study.reviews().unwrap().len();
        // The answer typed before the kill in stage 2 may not have been graded yet.
        assert!(
            n == acknowledged,
            "trial {trial}: {n} reviews, {acknowledged} acknowledged"
        );
        assert_eq!(study.cards().unwrap().len(), n);
    }
}

/// See: issue 20 (item 3): two `rubric study` processes on one store both commit.
#[test]
fn issue20_two_processes_on_one_store_both_commit() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let dbs = db.to_str().unwrap();
    Study::open(&db).unwrap();
    let input = "Kubernetes restarts the pod.\n.\n\n".repeat(4);
    let children: Vec<_> = (0..2)
        .map(|_| {
            // Room for 8 new questions, 4 answers each: however the two interleave, each has at
            // least 4 questions, and stops at the end of its input.
            let mut c = command(&["study", "--db", dbs, "--new", "8"], dir.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            c.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
            c
        })
        .collect();
    // However the two interleave (under load one may find fewer new questions left), every
    // answer either reports is committed, and both commit some.
    let mut answered = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // "Stopped: N answered" when its input ends first; "Session done: N of M answered"
        // when it found only as many new questions as it has answers.
        let n: usize = ["Stopped: ", "Session done: "]
            .iter()
            .find_map(|marker| {
                stdout
                    .split(marker)
                    .nth(1)
                    .and_then(|rest| rest.split_whitespace().next())
                    .and_then(|n| n.parse().ok())
            })
            .unwrap_or_else(|| panic!("no 'Stopped: N answered' or 'Session done' line: {stdout}"));
        assert!(n >= 1, "{stdout}");
        answered += n;
    }
    assert_eq!(reviews_in(&db), answered);
}

/// See: issue 20 (item 6): a file that is not a database, another program's database and a
/// newer schema are refused with a clear message, and each file is left byte for byte as it was.
#[test]
fn issue20_bad_files_are_refused_and_left_untouched() {
    let dir = tempdir();
    let garbage = dir.path().join("notes.txt");
    std::fs::write(&garbage, "these are my notes, not a database\n".repeat(100)).unwrap();
    let e = Study::open(&garbage).unwrap_err();
    assert!(matches!(e, StudyError::Corrupt { .. }), "{e}");
    assert!(
        e.to_string().contains("notes.txt: not a study database"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&garbage).unwrap(),
        "these are my notes, not a database\n".repeat(100)
    );

    // A damaged store: a valid header, garbage after it.
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&damaged, &bytes).unwrap();
    let e = Study::open(&damaged).unwrap_err();
    assert!(matches!(e, StudyError::Corrupt { .. }), "{e}");
    assert_eq!(std::fs::read(&damaged).unwrap(), bytes);

    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine');")
        .unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let e = Study::open(&foreign).unwrap_err();
    assert!(matches!(e, StudyError::Foreign { .. }), "{e}");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);

    // A store from a newer build: the version is named.
    let newer = dir.path().join("newer.sqlite3");
    drop(Study::open(&newer).unwrap());
    set_schema_version(&newer, SCHEMA_VERSION + 1);
    let before = std::fs::read(&newer).unwrap();
    let e = Study::open(&newer).unwrap_err();
    assert!(
        e.to_string()
            .contains(&format!("schema version {} is newer", SCHEMA_VERSION + 1)),
        "{e}"
    );
    assert_eq!(std::fs::read(&newer).unwrap(), before);

    // The CLI says the same on one line, exit 2.
    let out = command(
        &["study", "--db", garbage.to_str().unwrap(), "--stats"],
        dir.path(),
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a study database"), "{stderr}");
}

fn set_schema_version(path: &Path, v: i64) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute("UPDATE schema_version SET version = ?1", [v])
        .unwrap();
}

/// Mounts a tmpfs with `options` at `dir`, if this process may (root, and `mount` works).
fn mount_tmpfs(dir: &Path, options: &str) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn umount(dir: &Path) {
    let _ = Command::new("umount").arg(dir).status();
}

/// See: issue 20 (item 6): a read-only folder gives an error naming the path, nothing written.
#[test]
fn issue20_read_only_folder_names_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions: a read-only mount stands in for the read-only folder.
    let mounted = is_root() && mount_tmpfs(&ro, "ro,size=16k");
    if is_root() && !mounted {
        eprintln!("skipped: running as root and cannot mount a read-only tmpfs");
        return;
    }
    let e = Study::open(ro.join("s.sqlite3")).unwrap_err();
    if mounted {
        umount(&ro);
    }
    assert!(e.to_string().contains("ro/s.sqlite3: "), "{e}");
    assert!(!ro.join("s.sqlite3").exists());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// See: issue 20 (item 6): on a full disk a review fails with an error naming the store, every
/// review committed before it is whole, and the store works again once there is room.
#[test]
fn issue20_full_disk_loses_nothing_committed() {
    let bank = bank();
    let dir = tempdir();
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    if !mount_tmpfs(&full, "size=512k") {
        eprintln!("skipped: cannot mount a small tmpfs (needs root and mount)");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let db = full.join("s.sqlite3");
        std::fs::write(full.join("filler"), vec![0u8; 128 * 1024]).unwrap();
        let mut study = Study::open(&db).unwrap();
        let long = "Kubernetes restarts the pod. ".repeat(800);
        let answer = graded(&bank, "g06", &long, Source::Study);
        let mut committed = 0;
        let error = loop {
            match study.record(&answer, None, Utc::now()) {
                Ok(_) => committed += 1,
                Err(e) => break e,
            }
            assert!(committed < 1000, "the disk never filled");
        };
        assert!(matches!(error, StudyError::Storage { .. }), "{error}");
        assert!(error.to_string().contains("full/s.sqlite3: "), "{error}");
        assert!(error.to_string().contains("full"), "{error}");
        drop(study);
        let study = Study::open(&db).expect("opens on a full disk");
        assert_eq!(study.reviews().unwrap().len(), committed);
        drop(study);
        // Room again: the next review commits.
        std::fs::remove_file(full.join("filler")).unwrap();
        let mut study = Study::open(&db).unwrap();
        study.record(&answer, None, Utc::now()).unwrap();
        assert_eq!(study.reviews().unwrap().len(), committed + 1);
    });
    umount(&full);
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// See: issue 20 (item 5): the history goes out as JSON Lines and CSV and comes back whole,
/// rebuilding the same cards; a bad line is reported with its number and nothing is imported.
#[test]
fn issue20_export_and_import_round_trip() {
    let bank = bank();
    let dir = tempdir();
    let mut study = Study::open(dir.path().join("a.sqlite3")).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let model = bank.find("g06").unwrap().rubric.model_answer.clone();
    study
        .record(
            &graded(
                &bank,
                "g06",
                "No idea, \"quoted\";\nnew line",
                Source::Study,
            ),
            None,
            t0,
        )
        .unwrap();
    study
        .record(
            &graded(&bank, "g06", &model, Source::Practice),
            None,
            t0 + chrono::Duration::days(1),
        )
        .unwrap();
    study
        .record(
            &graded(&bank, "g08", "conntrack", Source::Interview),
            Some(Rating::Hard),
            t0,
        )
        .unwrap();
    for (name, format) in [("h.jsonl", Exchange::JsonLines), ("h.csv", Exchange::Csv)] {
        let path = dir.path().join(name);
        assert_eq!(Exchange::for_path(&path), format);
        let mut buf = Vec::new();
        assert_eq!(study.export(format, &mut buf, &path).unwrap(), 3);
        std::fs::write(&path, &buf).unwrap();
        let mut other = Study::open(dir.path().join(format!("{name}.sqlite3"))).unwrap();
        let mut input = BufReader::new(std::fs::File::open(&path).unwrap());
        assert_eq!(other.import(format, &mut input, &path).unwrap(), 3);
        assert_eq!(other.reviews().unwrap(), study.reviews().unwrap(), "{name}");
        assert_eq!(other.cards().unwrap(), study.cards().unwrap(), "{name}");
        // Importing again adds nothing.
        let mut input = BufReader::new(std::fs::File::open(&path).unwrap());
        assert_eq!(other.import(format, &mut input, &path).unwrap(), 0);
    }
    let bad = dir.path().join("bad.jsonl");
    let mut lines = Vec::new();
    study.export(Exchange::JsonLines, &mut lines, &bad).unwrap();
    let mut text = String::from_utf8(lines).unwrap();
    text.push_str("{\"question_id\": \"g06\"}\n");
    std::fs::write(&bad, &text).unwrap();
    let mut other = Study::open(dir.path().join("bad.sqlite3")).unwrap();
    let e = other
        .import(Exchange::JsonLines, &mut text.as_bytes(), &bad)
        .unwrap_err();
    assert!(e.to_string().contains("bad.jsonl:4:"), "{e}");
    assert!(other.reviews().unwrap().is_empty());
}

/// See: issue 20 (item 3): the old JSON practice log is imported once and left untouched, and
/// `rubric practice` records into the store (or not, with `--no-record`).
#[test]
fn issue20_practice_log_imported_once_and_practice_records() {
    let dir = tempdir();
    let state = dir.path().join("state/rubric-grader");
    std::fs::create_dir_all(&state).unwrap();
    let log = state.join("practice.json");
    let text = r#"{"format": "rubric-grader/practice-log", "version": 1, "entries": [
        {"question_id": "g06", "category": "networking", "level": "senior", "score": 85.0, "band": "strong"},
        {"question_id": "g08", "category": "networking", "level": "senior", "score": 20.0, "band": "weak"}]}"#;
    std::fs::write(&log, text).unwrap();
    let answer = dir.path().join("a.txt");
    std::fs::write(
        &answer,
        "I would run kubectl describe pod and read the events.",
    )
    .unwrap();
    let db = dir.path().join("data/rubric-grader/study.sqlite3");
    for round in 0..2 {
        let out = command(
            &[
                "practice",
                "--answer",
                answer.to_str().unwrap(),
                "--seed",
                "1",
            ],
            dir.path(),
        )
        .output()
        .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("comes back in `rubric study`"), "{stdout}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.contains("imported 2 answers"),
            round == 0,
            "{stderr}"
        );
        assert_eq!(reviews_in(&db), 2 + round + 1);
    }
    assert_eq!(std::fs::read_to_string(&log).unwrap(), text);
    let out = command(
        &[
            "practice",
            "--answer",
            answer.to_str().unwrap(),
            "--no-record",
        ],
        dir.path(),
    )
    .output()
    .unwrap();
    assert!(out.status.success());
    assert_eq!(reviews_in(&db), 4);
}

/// `--weak` drills the concepts with the lowest recall probability through questions that train
/// them; `--stats` shows progress.
#[test]
fn weak_drill_and_stats() {
    let bank = bank();
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let mut study = Study::open(&db).unwrap();
    let now = Utc::now() - chrono::Duration::days(3);
    let model = bank.find("g06").unwrap().rubric.model_answer.clone();
    study
        .record(&graded(&bank, "g06", &model, Source::Study), None, now)
        .unwrap();
    study
        .record(
            &graded(&bank, "g08", "I do not know.", Source::Study),
            None,
            now,
        )
        .unwrap();
    let items = study.weak(&bank, &|_| true, 3, Utc::now()).unwrap();
    assert_eq!(items[0].entry.rubric.id, "g08", "{items:?}");
    let out = command(
        &["study", "--db", db.to_str().unwrap(), "--stats"],
        dir.path(),
    )
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("cards 2   reviews 2"), "{stdout}");
    assert!(stdout.contains("Weakest concepts"), "{stdout}");
    let html = dir.path().join("p.html");
    let out = command(
        &[
            "study",
            "--db",
            db.to_str().unwrap(),
            "--stats",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
        ],
        dir.path(),
    )
    .output()
    .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<svg").count(), 3);
}

/// See: issue 20 (item 3): a finished interview records its answered questions, with their
/// final scores, in the store; `--no-record` does not.
#[test]
fn issue20_interview_records_into_the_store() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    for (record, transcript) in [(true, "t1.json"), (false, "t2.json")] {
        let mut args = vec![
            "interview",
            "--ids",
            "g06",
            "g08",
            "--no-follow-ups",
            "--transcript",
            transcript,
        ];
        let dbs = db.to_str().unwrap();
        if record {
            args.extend(["--db", dbs]);
        } else {
            args.push("--no-record");
        }
        let mut child = command(&args, dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"SIGTERM races the endpoint removal; add a preStop sleep.\n.\n:skip\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let reviews = Study::open(&db).unwrap().reviews().unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0].question_id, "g06");
    assert_eq!(reviews[0].source, Source::Interview);
    assert!(!reviews[0].concepts_hit.is_empty());
}

/// Records `answer` alone in a fresh store at `now` and returns what recording did.
fn record_alone(answer: &GradedAnswer, now: chrono::DateTime<Utc>) -> Recorded {
    let dir = tempdir();
    let mut study = Study::open(dir.path().join("s.sqlite3")).unwrap();
    study.record(answer, None, now).unwrap()
}

/// See: issue 20 (item 2): "a question whose concept was missed comes back sooner" — also a
/// concept that is not required. The same question answered with the same band on two stores:
/// the answer that missed a non-required concept is due strictly sooner, says why, and the
/// answer that missed nothing gets FSRS's interval for its rating untouched.
#[test]
fn issue20_a_missed_non_required_concept_brings_the_question_back_sooner() {
    let bank = bank();
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    // Real grades: a question whose model answer covers every concept, and the model answer
    // without one sentence: the same band, one non-required concept missed.
    let mut found = None;
    'search: for entry in bank.entries() {
        let id = &entry.rubric.id;
        let model = entry.rubric.model_answer.trim();
        let full = graded(&bank, id, model, Source::Study);
        if full.concepts.iter().any(|c| !c.hit) {
            continue;
        }
        let sentences: Vec<&str> = model.split_inclusive(". ").collect();
        for skip in 0..sentences.len() {
            let text: String = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, s)| *s)
                .collect();
            let partial = graded(&bank, id, &text, Source::Study);
            let missed: Vec<_> = partial.concepts.iter().filter(|c| !c.hit).collect();
            if partial.band == full.band
                && !missed.is_empty()
                && missed.iter().all(|c| !c.required && c.share > 0.0)
            {
                found = Some((full, partial));
                break 'search;
            }
        }
    }
    let (full, partial) =
        found.expect("a question whose model answer less a sentence keeps its band");
    assert_eq!(full.suggested_rating(), partial.suggested_rating());
    let whole = record_alone(&full, now);
    let short = record_alone(&partial, now);
    assert!(
        short.card.due < whole.card.due,
        "{}: missed {:?}: due {} vs {}",
        partial.question_id,
        partial
            .concepts
            .iter()
            .filter(|c| !c.hit)
            .map(|c| &c.id)
            .collect::<Vec<_>>(),
        short.card.due,
        whole.card.due
    );
    assert_eq!(short.rating, whole.rating);
    assert_eq!(short.rating_interval_days, whole.interval_days);
    let missed_labels: Vec<String> = partial
        .concepts
        .iter()
        .filter(|c| !c.hit)
        .map(|c| c.label.clone())
        .collect();
    let mut because = short.sooner_because.clone();
    because.sort();
    let mut want = missed_labels.clone();
    want.sort();
    assert_eq!(because, want);
    // Nothing missed: FSRS's interval for the rating, as the scheduler alone gives it.
    assert!(whole.sooner_because.is_empty());
    let alone = Scheduler::default().review(&CardState::new(now), now, whole.rating);
    assert_eq!(whole.card, alone);
    assert_eq!(whole.interval_days, whole.rating_interval_days);

    // The same with a constructed answer: one band, one non-required concept of a fifth of the
    // score flipped to missed.
    let mut hit_all = graded(
        &bank,
        "g06",
        &bank.find("g06").unwrap().rubric.model_answer,
        Source::Study,
    );
    for c in &mut hit_all.concepts {
        c.hit = true;
    }
    hit_all.band = rubric_grader::Band::Good;
    let mut one_missed = hit_all.clone();
    let c = one_missed
        .concepts
        .iter_mut()
        .find(|c| !c.required)
        .expect("g06 has a concept that is not required");
    c.hit = false;
    c.share = 20.0;
    let (a, b) = (record_alone(&hit_all, now), record_alone(&one_missed, now));
    assert_eq!((a.rating, b.rating), (Rating::Good, Rating::Good));
    assert_eq!((a.interval_days, b.interval_days), (3, 2));
    // The preview before rating says the same as the recording.
    let dir = tempdir();
    let study = Study::open(dir.path().join("p.sqlite3")).unwrap();
    assert_eq!(study.preview_answer(&one_missed, now).unwrap()[2], 2);
    assert_eq!(study.preview_answer(&hit_all, now).unwrap()[2], 3);
    // However much is missed, every rating but Again stays above Again's interval, and no
    // rating comes back sooner than a lower one.
    let mut most_missed = hit_all.clone();
    for c in most_missed.concepts.iter_mut().filter(|c| !c.required) {
        c.hit = false;
        c.share = 30.0;
    }
    let [again, hard, good, easy] = study.preview_answer(&most_missed, now).unwrap();
    assert!(
        again < hard && hard <= good && good <= easy,
        "{again} {hard} {good} {easy}"
    );
    assert_eq!(good, 2);
}

/// The reason is shown where the next review is shown.
#[test]
fn the_session_says_why_a_question_comes_back_sooner() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    // The g06 model answer's first two sentences: a few concepts covered, several missed; rated
    // Good with the key (a weak answer is due tomorrow anyway).
    let model = bank().find("g06").unwrap().rubric.model_answer.clone();
    let answer: String = model.split_inclusive(". ").take(2).collect();
    let mut child = command(
        &[
            "study",
            "--db",
            db.to_str().unwrap(),
            "--new",
            "1",
            "--category",
            "networking",
        ],
        dir.path(),
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let first = first_new_in(&bank(), "networking");
    assert_eq!(first, "g06", "the test answers g06");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{answer}\n.\ng\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
    assert!(
        stdout.contains("Recorded as Good; next review in 2 days (")
            && stdout.contains("sooner than the 3 days of Good because you missed: "),
        "{stdout}"
    );
    let r = &Study::open(&db).unwrap().reviews().unwrap()[0];
    // Sooner, yet not onto Again's 1 day: a good answer never comes back with a weak one.
    assert_eq!((r.rating, r.interval_days), (Rating::Good, 2));
}

/// The first new question of `category` a fresh store offers.
fn first_new_in(bank: &Bank, category: &str) -> String {
    let dir = tempdir();
    let study = Study::open(dir.path().join("s.sqlite3")).unwrap();
    let now = Utc::now();
    study
        .session(
            bank,
            &|e| e.rubric.category == category,
            1,
            now,
            (now - chrono::Duration::days(1), now),
        )
        .unwrap()[0]
        .entry
        .rubric
        .id
        .clone()
}

/// See: issue 20 (item 3): a store written by the previous schema (version 1, by the build
/// before settings; `tests/fixtures/study-v1.sqlite3`) migrates in place: every review and
/// card kept as it was, the settings table added with nothing set, and the store usable.
#[test]
fn a_version_1_store_migrates_in_place() {
    let dir = tempdir();
    let db = dir.path().join("v1.sqlite3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/study-v1.sqlite3"),
        &db,
    )
    .unwrap();
    let raw = |sql: &str| -> Vec<String> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let cols = stmt.column_count();
        stmt.query_map([], |r| {
            Ok((0..cols)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    assert_eq!(raw("SELECT version FROM schema_version"), ["Integer(1)"]);
    let reviews_before = raw("SELECT * FROM reviews ORDER BY id");
    let cards_before = raw("SELECT * FROM cards ORDER BY question_id");
    let concepts_before = raw("SELECT * FROM concept_cards ORDER BY question_id, concept_id");
    assert_eq!(reviews_before.len(), 3);

    let study = Study::open(&db).unwrap();
    assert_eq!(study.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 2);
    assert_eq!(study.settings().unwrap(), Settings::default());
    assert!(study.stored_settings().unwrap().is_empty());
    let reviews = study.reviews().unwrap();
    assert_eq!(reviews.len(), 3);
    assert!(reviews.iter().all(|r| r.origin.is_none()));
    drop(study);
    // The old rows are untouched; each review has the new column, empty.
    assert_eq!(
        raw("SELECT * FROM reviews ORDER BY id"),
        reviews_before
            .iter()
            .map(|r| format!("{r}|Null"))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        raw("SELECT * FROM cards ORDER BY question_id"),
        cards_before
    );
    assert_eq!(
        raw("SELECT * FROM concept_cards ORDER BY question_id, concept_id"),
        concepts_before
    );
    // Usable: a setting and an answer with an origin are stored, once.
    let mut study = Study::open(&db).unwrap();
    study.set_setting("new-per-day", "12").unwrap();
    let bank = bank();
    let a =
        graded(&bank, "g06", "I do not know.", Source::Interview).with_origin("interview/x/1/g06");
    assert!(study.record_once(&a, None, Utc::now()).unwrap().is_some());
    assert!(study.record_once(&a, None, Utc::now()).unwrap().is_none());
    drop(study);
    let study = Study::open(&db).unwrap();
    assert_eq!(study.settings().unwrap().new_per_day, 12);
    assert_eq!(study.reviews().unwrap().len(), 4);
}

/// See: issue 20 (item 1): the daily limit and the desired retention are stored settings:
/// checked when set (nothing changes on a bad value), kept across opens, used by `Study::open`;
/// `open_with` overrides the retention without storing it.
#[test]
fn settings_are_stored_checked_and_used() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let mut study = Study::open(&db).unwrap();
    assert_eq!(study.scheduler().retention(), 0.9);
    for (name, value) in [
        ("new-per-day", "-3"),
        ("new-per-day", "lots"),
        ("retention", "0.995"),
        ("retention", "0.6"),
        ("speed", "fast"),
    ] {
        let e = study.set_setting(name, value).unwrap_err();
        assert!(
            matches!(
                e,
                StudyError::BadSetting { .. } | StudyError::UnknownSetting { .. }
            ),
            "{e}"
        );
    }
    assert!(study.stored_settings().unwrap().is_empty());
    let s = study.set_setting("retention", "0.8").unwrap();
    assert_eq!(s.retention, 0.8);
    assert_eq!(study.scheduler().retention(), 0.8);
    study.set_setting("new-per-day", "2").unwrap();
    drop(study);
    let study = Study::open(&db).unwrap();
    assert_eq!(
        study.settings().unwrap(),
        Settings {
            new_per_day: 2,
            retention: 0.8
        }
    );
    assert_eq!(study.scheduler().retention(), 0.8);
    // A lower retention gives longer intervals.
    let now = Utc::now();
    let at_08 = study
        .scheduler()
        .review(&CardState::new(now), now, Rating::Good);
    let at_09 = Scheduler::default().review(&CardState::new(now), now, Rating::Good);
    assert!(at_08.scheduled_days > at_09.scheduled_days);
    drop(study);
    let study = Study::open_with(&db, Scheduler::new(0.95)).unwrap();
    assert_eq!(study.scheduler().retention(), 0.95);
    assert_eq!(study.settings().unwrap().retention, 0.8);
    drop(study);
    let mut study = Study::open(&db).unwrap();
    let s = study.reset_setting("retention").unwrap();
    assert_eq!(s.retention, 0.9);
    assert_eq!(study.scheduler().retention(), 0.9);
    assert_eq!(study.settings().unwrap().new_per_day, 2);
}

/// See: issue 20 (item 1): `rubric study --set`, `--settings`, `--reset`; a session takes the
/// stored daily limit, `--new` overrides it for one session only; a bad value is one line on
/// stderr, exit 2, and nothing is stored.
#[test]
fn settings_from_the_command_line() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let dbs = db.to_str().unwrap();
    let run = |args: &[&str]| {
        command(args, dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let out = run(&[
        "study",
        "--db",
        dbs,
        "--set",
        "new-per-day=2",
        "--set",
        "retention=0.85",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("new-per-day  2      (set; default 5)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("retention    0.85   (set; default 0.9)"),
        "{stdout}"
    );

    for bad in [
        vec!["--set", "new-per-day=two"],
        vec!["--set", "retention=2"],
        vec!["--set", "colour=red"],
        vec!["--set", "new-per-day"],
        vec!["--set", "new-per-day=3", "--set", "retention=0.1"],
        vec!["--reset", "colour"],
    ] {
        let mut args = vec!["study", "--db", dbs];
        args.extend(&bad);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{bad:?}: {stderr}");
        assert!(stderr.starts_with("rubric: "), "{stderr}");
    }
    // None of the bad ones stored anything (not even the good half of the fifth).
    let study = Study::open(&db).unwrap();
    assert_eq!(
        study.settings().unwrap(),
        Settings {
            new_per_day: 2,
            retention: 0.85
        }
    );
    drop(study);

    // The session takes the stored limit; `--new` overrides it once.
    // On failure, say what the session printed (it failed once under a loaded test run).
    let shows = |out: &std::process::Output, what: &str| {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(what),
            "expected {what:?}; status {:?}\nstdout: {stdout}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    };
    shows(&run(&["study", "--db", dbs]), "0 due for review, 2 new");
    shows(
        &run(&["study", "--db", dbs, "--new", "1"]),
        "0 due for review, 1 new",
    );
    let out = run(&["study", "--db", dbs, "--settings"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("new-per-day  2 "));
    // A flag out of range is refused like a stored value.
    let out = run(&["study", "--db", dbs, "--new", "5000"]);
    assert_eq!(out.status.code(), Some(2));
    // Reset: back to the default.
    let out = run(&["study", "--db", dbs, "--reset", "new-per-day"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("new-per-day  5      (default)"));
    let out = run(&["study", "--db", dbs]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 due for review, 5 new"));
}

/// The interview reviews in `db` (question id, origin), oldest first; none if there is no store.
fn interview_reviews(db: &Path) -> Vec<(String, String)> {
    if !db.exists() {
        return Vec::new();
    }
    Study::open(db)
        .unwrap()
        .reviews()
        .unwrap()
        .into_iter()
        .map(|r| {
            assert_eq!(r.source, Source::Interview);
            (
                r.question_id,
                r.origin.expect("an interview answer has an origin"),
            )
        })
        .collect()
}

fn transcript_id(path: &Path) -> String {
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    t["id"]
        .as_str()
        .expect("the transcript has an id")
        .to_string()
}

const ANSWER: &str = "SIGTERM races the endpoint removal; add a preStop sleep.\n.\n";

/// See: issue 20 (item 3): an interview records each answer in the store as it is graded:
/// quitting at end of input, or a kill -9, mid-interview keeps every graded answer; resuming
/// records the rest and never the same answer twice.
#[test]
fn issue20_interview_records_each_answer_as_graded_and_resumes_without_duplicates() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let dbs = db.to_str().unwrap();
    let t = dir.path().join("t.json");
    let ts = t.to_str().unwrap();
    let ids = ["g06", "g08", "g01", "g18"];
    let mut args = vec![
        "interview",
        "--no-follow-ups",
        "--db",
        dbs,
        "--transcript",
        ts,
        "--ids",
    ];
    args.extend(ids);

    // 1. One answer, then end of input: the answer is in the store.
    let mut p = piped(&args, dir.path());
    write!(p.stdin, "{ANSWER}").unwrap();
    p.wait_for("Question 2 of 4");
    drop(p.stdin);
    assert!(p.child.wait().unwrap().success());
    let id = transcript_id(&t);
    assert_eq!(
        interview_reviews(&db),
        [("g06".to_string(), format!("interview/{id}/1/g06"))]
    );

    // 2. Resumed: one more answer, then kill -9 while the next is being typed.
    let resume = ["interview", "--db", dbs, "--resume", ts];
    let mut p = piped(&resume, dir.path());
    write!(p.stdin, "{ANSWER}").unwrap();
    p.wait_for("Question 3 of 4");
    writeln!(p.stdin, "half an answer").unwrap();
    p.child.kill().unwrap(); // SIGKILL
    p.child.wait().unwrap();
    assert_eq!(transcript_id(&t), id, "the id stays");
    let stored = interview_reviews(&db);
    assert_eq!(
        stored.iter().map(|(q, _)| q.as_str()).collect::<Vec<_>>(),
        ["g06", "g08"]
    );

    // 3. Resumed and quit at once: nothing is recorded again.
    let mut p = piped(&resume, dir.path());
    p.wait_for("Question 3 of 4");
    writeln!(p.stdin, ":quit").unwrap();
    drop(p.stdin);
    assert!(p.child.wait().unwrap().success());
    assert_eq!(interview_reviews(&db), stored);

    // 4. Resumed to the end: every answered question once, skipped ones not at all.
    let mut p = piped(&resume, dir.path());
    writeln!(p.stdin, "{ANSWER}:skip").unwrap();
    p.wait_for("answer recorded in");
    drop(p.stdin);
    assert!(p.child.wait().unwrap().success());
    let all = interview_reviews(&db);
    assert_eq!(
        all.iter().map(|(q, _)| q.as_str()).collect::<Vec<_>>(),
        ["g06", "g08", "g01"]
    );
    assert_eq!(all[2].1, format!("interview/{id}/3/g01"));
}

/// A transcript whose graded answers never reached the store (written with `--no-record`, or
/// by an older build with no id) has them recorded when it is resumed with a store — once.
#[test]
fn resuming_records_answers_graded_before_and_not_yet_recorded() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let dbs = db.to_str().unwrap();
    let t = dir.path().join("t.json");
    let ts = t.to_str().unwrap();
    let mut p = piped(
        &[
            "interview",
            "--no-follow-ups",
            "--no-record",
            "--transcript",
            ts,
            "--ids",
            "g06",
            "g08",
            "g01",
        ],
        dir.path(),
    );
    write!(p.stdin, "{ANSWER}").unwrap();
    p.wait_for("Question 2 of 3");
    drop(p.stdin);
    assert!(p.child.wait().unwrap().success());
    assert!(interview_reviews(&db).is_empty());
    // As an older build wrote it: no id.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&t).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("id");
    std::fs::write(&t, serde_json::to_string_pretty(&json).unwrap()).unwrap();

    for _ in 0..2 {
        let mut p = piped(&["interview", "--db", dbs, "--resume", ts], dir.path());
        p.wait_for("Question 2 of 3");
        drop(p.stdin);
        assert!(p.child.wait().unwrap().success());
        let id = transcript_id(&t);
        assert_eq!(
            interview_reviews(&db),
            [("g06".to_string(), format!("interview/{id}/1/g06"))]
        );
    }
}

/// See: issue 20 (item 3): Ctrl-C in a real terminal mid-interview keeps every graded answer in
/// the store.
#[test]
fn ctrl_c_mid_interview_keeps_the_graded_answers() {
    let dir = tempdir();
    let db = dir.path().join("s.sqlite3");
    let t = dir.path().join("t.json");
    let mut s = pty(
        &[
            "interview",
            "--no-follow-ups",
            "--db",
            db.to_str().unwrap(),
            "--transcript",
            t.to_str().unwrap(),
            "--ids",
            "g06",
            "g08",
            "g01",
        ],
        dir.path(),
    );
    for (n, answer) in [(2, ANSWER), (3, "conntrack keeps the old entry.\n.\n")] {
        s.exp_string("> ").unwrap();
        send_answer(&mut s, answer);
        s.exp_string(&format!("Question {n} of 3")).unwrap();
    }
    s.exp_string("> ").unwrap();
    s.send_line("typing the third answer").unwrap();
    s.send_control('c').unwrap();
    s.exp_string("interrupted").unwrap();
    s.exp_eof().unwrap();
    let id = transcript_id(&t);
    assert_eq!(
        interview_reviews(&db),
        [
            ("g06".to_string(), format!("interview/{id}/1/g06")),
            ("g08".to_string(), format!("interview/{id}/2/g08")),
        ]
    );
}
