"""Grading from Python: a class's answers from a CSV, and an Anki-style "check my typed answer".

    pip install ./bindings/python
    python examples/python_grading.py                 # grades examples/answers/*.txt
    python examples/python_grading.py answers.csv     # a CSV with question,answer columns

Notebook-style: each block below stands alone, as cells would.
"""

import csv
import pathlib
import statistics
import sys

import rubric_grader as rg

HERE = pathlib.Path(__file__).resolve().parent

# --- 1. A class's answers, graded in parallel ---------------------------------------------
if len(sys.argv) > 1:
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = [(r["question"], r["answer"]) for r in csv.DictReader(f)]
else:
    rows = [(p.name.split("-")[0], p.read_text(encoding="utf-8"))
            for p in sorted((HERE / "answers").glob("*.txt"))]

bank = rg.Bank.embedded()
grades = bank.grade_many(rows)  # all cores, the GIL released; grades in input order
for (question, answer), grade in zip(rows, grades):
    print(f"{question:>5} {grade.score:5.1f} {grade.band:<8} missed: {', '.join(grade.missed) or '-'}")
print(f"mean {statistics.mean(g.score for g in grades):.1f} over {len(grades)} answers")

# The most-missed concepts, class-wide: what to teach again.
missed = {}
for grade in grades:
    for note in grade.feedback.missing:
        missed[note.label] = missed.get(note.label, 0) + 1
for label, n in sorted(missed.items(), key=lambda kv: -kv[1])[:3]:
    print(f"  missed by {n}: {label}")


# --- 2. An Anki-style check of a typed answer ---------------------------------------------
# Your own card, your own rubric: compile it once, when the add-on loads.
CARD = rg.Grader.from_ron(r"""(
    id: "cs101", title: "Binary search", category: "algorithms", level: junior,
    question: "Why does binary search run in O(log n) time, and what does it need?",
    model_answer: "It needs sorted input; each comparison halves the range, so log2 n steps.",
    concepts: [
        (id: "sorted", label: "input must be sorted", weight: 2.0, required: true,
         matcher: Any(["sorted", "in order"]), hint: "It only works on sorted input."),
        (id: "halving", label: "each step halves the range", weight: 2.0,
         matcher: Any(["halves", "half", "halving"]), hint: "Each comparison discards half."),
        (id: "log", label: "log2 n steps", weight: 1.0,
         matcher: Any(["log n", "log2 n", "logarithmic"]), hint: "Halving n takes log2 n steps."),
    ],
)""")


def check_typed_answer(typed: str) -> tuple:
    """Anki's ease buttons from a typed answer: (ease 1-4, what to show on the back)."""
    grade = CARD.grade(typed)
    ease = {"strong": 4, "good": 3, "partial": 2}.get(grade.band, 1)
    hints = [note.text for note in grade.feedback.missing]
    return ease, f"{grade.feedback.summary}\n" + "\n".join(f"- {h}" for h in hints)


for typed in ["It must be sorted and every step halves the range: log n.", "It checks every item."]:
    ease, back = check_typed_answer(typed)
    print(f"\n{typed!r} -> ease {ease}\n{back}")
