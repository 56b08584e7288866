"""The Python package: API, errors, equality with the CLI's JSON, pickling, threads, size.

Run from the repository root: `python -m pytest bindings/python/tests` (after
`pip install ./bindings/python`). The CLI comparison uses the `rubric` binary named by
`RUBRIC_BIN`, else `target/release/rubric` or `target/debug/rubric`; `.ci/run` sets it.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import pathlib
import pickle
import subprocess
import threading

import pytest

import rubric_grader as rg

ROOT = pathlib.Path(__file__).resolve().parents[3]
ANSWERS = ROOT / "examples" / "answers"

CS101 = r"""(
    id: "cs101",
    title: "Why is binary search O(log n)?",
    category: "algorithms",
    level: junior,
    question: "Explain why binary search runs in O(log n) time and what it requires of its input.",
    model_answer: "Binary search needs a sorted array. Each comparison halves the remaining range.",
    concepts: [
        (id: "sorted", label: "input must be sorted", weight: 2.0, required: true,
         matcher: Any(["sorted", "in order", "ordered array"]),
         hint: "Binary search only works on sorted input."),
        (id: "halving", label: "each step halves the range", weight: 2.0,
         matcher: Any(["@halve", "divide the range in two"]),
         hint: "Each comparison discards half of the remaining elements."),
        (id: "log", label: "log2 n steps", weight: 1.0,
         matcher: Any(["log n", "log2 n", "logarithmic"]),
         hint: "Halving n until one element remains takes log2 n steps."),
    ],
    misconceptions: [
        (id: "linear", label: "claims it is linear", matcher: Any(["linear time"]), penalty: 20.0,
         correction: "A linear scan is O(n); binary search halves the range."),
    ],
)"""
GLOSSARY = r'(entries: { "halve": ["halves", "half", "cuts in half", "halving"] })'
CS101_STRONG = (
    "The array has to be sorted. Every comparison cuts the search space in half, "
    "so it takes about log2 n steps."
)


@pytest.fixture(scope="module")
def bank() -> rg.Bank:
    return rg.Bank.embedded()


@pytest.fixture(scope="module")
def g06(bank: rg.Bank) -> rg.Grader:
    return bank.grader("g06")


def strong_g06() -> str:
    return (ANSWERS / "g06-strong.txt").read_text(encoding="utf-8")


# --- the API -------------------------------------------------------------------------------


def test_issue_one_liner(bank: rg.Bank) -> None:
    score = bank.grader("g06").grade("SIGTERM races endpoint removal; add a preStop sleep").score
    assert 0 < score <= 100


def test_bank_iteration(bank: rg.Bank) -> None:
    questions = list(bank)
    assert len(questions) == len(bank) == 118
    first = questions[0]
    assert first.id == "g01" and first.title and first.question and first.category
    assert first.level in {"junior", "mid", "senior", "staff"}
    assert "g06" in bank and "nope" not in bank
    assert bank["g06"].slug
    assert rg.Bank.embedded()._native is bank._native  # loaded once per process


def test_grader_by_prefix_and_slug(bank: rg.Bank) -> None:
    g06 = bank["g06"]
    assert bank.grader(g06.slug).id == "g06"
    assert bank.grader("G06").id == "g06"


def test_grade_attributes(g06: rg.Grader) -> None:
    grade = g06.grade(strong_g06())
    assert grade.question_id == "g06"
    assert grade.band == "strong" and grade.score >= 80
    assert round(grade.score, 1) == grade.to_dict()["score"]
    concepts = grade.concepts
    assert any(c.hit for c in concepts)
    hit = next(c for c in concepts if c.hit and c.evidence)
    e = hit.evidence[0]
    assert strong_g06()[e.start : e.end] == e.text
    assert set(grade.covered) | set(grade.missed) == {c.id for c in concepts}
    assert grade.feedback.summary.startswith(f"{grade.score:.1f}/100")
    assert all(isinstance(w, rg.GradeWarning) for w in grade.warnings)
    assert isinstance(grade.groups, list)
    assert "g06" in repr(grade)


def test_evidence_offsets_are_characters_in_python(g06: rg.Grader) -> None:
    answer = "Ünïcödé first — then the kubelet sends SIGTERM while kube-proxy lags; preStop sleep."
    grade = g06.grade(answer)
    spans = [e for c in grade.concepts for e in c.evidence]
    assert spans
    for e in spans:
        assert answer[e.start : e.end] == e.text
        assert answer.encode()[e.byte_start : e.byte_end].decode() == e.text


def test_misconception_and_feedback() -> None:
    grader = rg.Grader.from_ron(CS101, glossary=GLOSSARY)
    strong = grader.grade(CS101_STRONG)
    assert strong.band == "strong" and strong.feedback.missing == []
    wrong = grader.grade("It looks at every element once, so it runs in linear time.")
    assert [m.id for m in wrong.misconceptions] == ["linear"]
    assert wrong.misconceptions[0].penalty == 20.0
    assert wrong.feedback.corrections and wrong.feedback.missing
    assert wrong.score < strong.score


def test_explain(g06: rg.Grader) -> None:
    explanation = g06.explain(strong_g06())
    assert explanation.question_id == "g06"
    assert explanation.score == g06.grade(strong_g06()).to_dict()["score"]
    assert explanation.concepts and json.loads(explanation.to_json()) == explanation.to_dict()


def test_grade_many_matches_one_by_one(bank: rg.Bank) -> None:
    items = [(q.id, q.question) for q in bank] + [("g06", strong_g06())] * 20
    many = rg.grade_many(items)
    assert [g.question_id for g in many] == [bank.grader(q).id for q, _ in items]
    for g, (q, a) in zip(many, items):
        assert g.to_json() == bank.grader(q).grade(a).to_json()
    assert [g.score for g in bank.grade_many(items, threads=1)] == [g.score for g in many]
    dicts = [{"question": q, "answer": a} for q, a in items[:3]]
    assert [g.score for g in bank.grade_many(dicts)] == [g.score for g in many[:3]]


def test_grader_grade_many(g06: rg.Grader) -> None:
    answers = [strong_g06(), "", "preStop"]
    assert [g.score for g in g06.grade_many(answers, threads=2)] == [
        g06.grade(a).score for a in answers
    ]


def test_draft(bank: rg.Bank) -> None:
    model = (
        "A mutex lets one thread at a time into a critical section; a semaphore counts "
        "permits so up to N threads enter. A mutex has an owner that must unlock it."
    )
    ron, grader = rg.draft(
        "What is the difference between a mutex and a semaphore?",
        [model],
        id="cs02",
        category="concurrency",
        level="junior",
    )
    assert 'id: "cs02"' in ron
    assert grader.id == "cs02"
    assert grader.grade(model).band == "strong"
    assert not [d for d in rg.lint(ron) if d.is_error]
    with pytest.raises(ValueError, match="level"):
        rg.draft("q?", model, level="wizard")
    with pytest.raises(ValueError):
        rg.draft("q?", ["  "])


# --- lint and errors -----------------------------------------------------------------------


def test_lint_text_and_paths(tmp_path: pathlib.Path) -> None:
    assert [d for d in rg.lint(CS101, glossary=GLOSSARY) if d.is_error] == []
    broken = CS101.replace("weight: 2.0, required", "weigth: 2.0, required", 1)
    (diag,) = [d for d in rg.lint(broken) if d.is_error]
    assert diag.path == "<string>" and diag.line == 9 and diag.column
    assert "weigth" in diag.message and str(diag).startswith("<string>:9:")
    path = tmp_path / "cs101-binary-search.ron"
    path.write_text(broken, encoding="utf-8")
    (diag,) = [d for d in rg.lint(path) if d.is_error]
    assert diag.path == str(path) and diag.line == 9
    assert [d.line for d in rg.lint(str(tmp_path)) if d.is_error] == [9]
    with pytest.raises(FileNotFoundError):
        rg.lint(str(tmp_path / "missing"))


def test_rubric_error_has_location() -> None:
    broken = CS101.replace("weight: 2.0, required", "weigth: 2.0, required", 1)
    with pytest.raises(rg.RubricError) as info:
        rg.Grader.from_ron(broken, path="cs101.ron")
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.path, e.line) == ("cs101.ron", 9) and e.column and e.kind == "syntax"
    assert str(e).startswith("cs101.ron:9:") and "weigth" in e.reason
    again = pickle.loads(pickle.dumps(e))
    assert (again.path, again.line, again.column, str(again)) == (e.path, e.line, e.column, str(e))


def test_unknown_glossary_and_bad_regex() -> None:
    with pytest.raises(rg.RubricError) as info:
        rg.Grader.from_ron(CS101)  # `@halve` is not in the embedded glossary
    assert info.value.kind == "unknown_glossary" and info.value.line
    with pytest.raises(rg.RubricError) as info:
        rg.Grader.from_ron(CS101, glossary="(entries: {")
    assert info.value.path == "<glossary>"
    bad_regex = CS101.replace('"logarithmic"', '"/log(/"')
    with pytest.raises(rg.RubricError) as info:
        rg.Grader.from_ron(bad_regex, glossary=GLOSSARY)
    assert info.value.kind == "regex"


def test_bank_from_dir(tmp_path: pathlib.Path) -> None:
    (tmp_path / "cs101-binary-search.ron").write_text(CS101, encoding="utf-8")
    (tmp_path / "glossary.ron").write_text(GLOSSARY, encoding="utf-8")
    bank = rg.Bank.from_dir(tmp_path)
    assert [q.id for q in bank] == ["cs101"]
    assert bank.grader("cs101").grade(CS101_STRONG).band == "strong"
    (tmp_path / "cs102-broken.ron").write_text("(id: ", encoding="utf-8")
    with pytest.raises(rg.RubricError) as info:
        rg.Bank.from_dir(tmp_path)
    assert info.value.path.endswith("cs102-broken.ron") and info.value.line == 1
    with pytest.raises(FileNotFoundError):
        rg.Bank.from_dir(tmp_path / "missing")


def test_unknown_and_ambiguous_questions(bank: rg.Bank) -> None:
    with pytest.raises(KeyError, match="did you mean `g06`"):
        bank.grader("g6")
    with pytest.raises(KeyError, match="ambiguous"):
        bank.grader("pod")
    with pytest.raises(KeyError):
        rg.grade_many([("g06", "x"), ("nope", "y")])


def test_bad_input(g06: rg.Grader, bank: rg.Bank) -> None:
    with pytest.raises(TypeError):
        g06.grade(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="item 1"):
        bank.grade_many([("g06", "x"), ("g06",)])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="threads"):
        bank.grade_many([("g06", "x")], threads=0)
    with pytest.raises(ValueError, match="limit"):
        g06.grade("x" * ((1 << 20) + 1))
    with pytest.raises(ValueError, match="item 1"):
        g06.grade_many(["ok", "x" * ((1 << 20) + 1)])


def test_panic_surfaces_as_exception() -> None:
    with pytest.raises(rg.InternalError, match="boom"):
        rg._native._panic_for_test("boom")
    assert issubclass(rg.InternalError, RuntimeError)
    # The module still works afterwards.
    assert rg.Bank.embedded().grader("g06").grade("preStop").score >= 0


# --- the CLI's JSON ------------------------------------------------------------------------


def rubric_bin() -> pathlib.Path:
    named = os.environ.get("RUBRIC_BIN")
    if named:
        return pathlib.Path(named)
    for profile in ("release", "debug"):
        candidate = ROOT / "target" / profile / "rubric"
        if candidate.exists():
            return candidate
    pytest.skip("no rubric binary: build it (cargo build) or set RUBRIC_BIN")


def test_json_equals_cli(bank: rg.Bank) -> None:
    binary = rubric_bin()
    cases = [(p.name.split("-")[0], p.read_text(encoding="utf-8")) for p in sorted(ANSWERS.glob("*.txt"))]
    cases += [("g06", ""), ("q005", "kubectl logs --previous, then describe; OOMKilled exit 137")]
    for question, answer in cases:
        cli = subprocess.run(
            [str(binary), "grade", question, "--format", "json"],
            input=answer.encode(),
            capture_output=True,
            check=True,
        ).stdout.decode()
        grade = bank.grader(question).grade(answer)
        assert grade.to_json() + "\n" == cli, question
        assert grade.to_dict() == json.loads(cli)
    question, answer = "g06", strong_g06()
    grade, explanation = bank.grader(question).grade(answer), bank.grader(question).explain(answer)
    for args, ours in [
        (["grade", question, "--format", "markdown"], grade.to_markdown()),
        (["grade", question, "--color", "never"], None),
        (["explain", question, "--format", "json"], explanation.to_json() + "\n"),
        (["explain", question, "--color", "never"], str(explanation)),
    ]:
        cli = subprocess.run(
            [str(binary), *args], input=answer.encode(), capture_output=True, check=True
        ).stdout.decode()
        if ours is None:  # the CLI wraps text to the terminal; compare the words
            assert cli.split() == grade.to_text().split()
        else:
            assert cli == ours, args


# --- pickling, processes, threads, size ----------------------------------------------------


def grade_in_worker(grader: rg.Grader, answer: str) -> rg.Grade:
    return grader.grade(answer)


def score_in_worker(bank: rg.Bank, question: str, answer: str) -> float:
    return bank.grader(question).grade(answer).score


def test_pickle_round_trip(g06: rg.Grader, tmp_path: pathlib.Path) -> None:
    again = pickle.loads(pickle.dumps(g06))
    assert again.grade(strong_g06()).to_json() == g06.grade(strong_g06()).to_json()
    custom = rg.Grader.from_ron(CS101, glossary=GLOSSARY)
    assert pickle.loads(pickle.dumps(custom)).grade(CS101_STRONG).to_json() == custom.grade(
        CS101_STRONG
    ).to_json()
    (tmp_path / "cs101-binary-search.ron").write_text(CS101, encoding="utf-8")
    (tmp_path / "glossary.ron").write_text(GLOSSARY, encoding="utf-8")
    loaded = rg.Bank.from_dir(tmp_path)
    for obj in (loaded, loaded.grader("cs101")):
        restored = pickle.loads(pickle.dumps(obj))
        grader = restored if isinstance(restored, rg.Grader) else restored.grader("cs101")
        assert grader.grade(CS101_STRONG).to_json() == custom.grade(CS101_STRONG).to_json()
    grade = g06.grade(strong_g06())
    restored_grade = pickle.loads(pickle.dumps(grade))
    assert restored_grade.to_dict() == grade.to_dict()
    assert restored_grade.score == round(grade.score, 1) and restored_grade.concepts == grade.concepts


def test_process_pool(g06: rg.Grader, bank: rg.Bank) -> None:
    custom = rg.Grader.from_ron(CS101, glossary=GLOSSARY)
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        graded = list(pool.map(grade_in_worker, [g06, custom], [strong_g06(), CS101_STRONG]))
        score = pool.submit(score_in_worker, bank, "g06", strong_g06()).result()
    assert graded[0].to_json() == g06.grade(strong_g06()).to_json()
    assert graded[1].to_json() == custom.grade(CS101_STRONG).to_json()
    assert score == g06.grade(strong_g06()).score


def test_one_grader_many_threads(g06: rg.Grader) -> None:
    answers = [p.read_text(encoding="utf-8") for p in sorted(ANSWERS.glob("*.txt"))]
    expected = [g06.grade(a).to_json() for a in answers]
    errors: list = []

    def work() -> None:
        try:
            for _ in range(5):
                assert [g06.grade(a).to_json() for a in answers] == expected
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_large_answer(g06: rg.Grader) -> None:
    paragraph = strong_g06() + "\n\n"
    answer = paragraph * ((1 << 20) // len(paragraph.encode()))
    assert len(answer.encode()) <= 1 << 20
    grade = g06.grade(answer)
    assert 0 <= grade.score <= 100 and grade.to_dict()["question_id"] == "g06"


def test_readme_example_runs(capsys: pytest.CaptureFixture) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python") :]
    start = section.index("```python\n") + len("```python\n")
    code = section[start : section.index("```", start)]
    assert len(code.strip().splitlines()) <= 12
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    # The first line printed is what the README's comment on the print line says it is.
    printed = next(line for line in code.splitlines() if line.startswith("print(grade.score"))
    assert out.startswith(printed.split("# ", 1)[1].strip())
