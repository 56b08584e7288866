"""Benchmark (not a test): the cost of the Python boundary.

    pip install ./bindings/python && cargo build --release
    python bindings/python/bench.py [--items 40000] [--rubric target/release/rubric]

1. One 250-word answer: `grader.grade(text)` from Python against the same `Grader::grade` call
   timed in a Rust loop inside the extension (same build, same allocator). Target: at most 1.3x.
2. Throughput: `bank.grade_many(pairs)` on a fresh bank (rubrics compiled on first use, as
   `rubric batch` does) against `rubric batch` on the same pairs as JSON Lines, in answers per
   second, best of 3. Target: at least 80 % of `rubric batch`.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import rubric_grader as rg

ROOT = pathlib.Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "examples" / "answers"


def answer_of_250_words() -> str:
    words = " ".join(
        (ANSWERS / name).read_text(encoding="utf-8") for name in ("g01-strong.txt", "g01-weak.txt")
    ).split()
    return " ".join(words[:250])


def best(f, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def overhead() -> None:
    grader = rg.Bank.embedded().grader("g01")
    answer = answer_of_250_words()
    n = 2000
    grader.grade(answer)
    # Interleaved, best of 7 each: a busy machine slows both alike.
    native, python = float("inf"), float("inf")
    for _ in range(7):
        native = min(native, grader._native._native_seconds_per_grade(answer, n))
        python = min(python, best(lambda: [grader.grade(answer) for _ in range(n)], 1) / n)
    with_json = best(lambda: [grader.grade(answer).to_json() for _ in range(n // 4)]) / (n // 4)
    print(f"one {len(answer.split())}-word answer (g01), best of 7 x {n} calls:")
    print(f"  Rust Grader::grade            {native * 1e6:8.1f} us")
    print(f"  Python grader.grade(text)     {python * 1e6:8.1f} us   {python / native:.2f}x native")
    print(f"  ... .to_json() as well        {with_json * 1e6:8.1f} us   (feedback + JSON, on demand)")


def pairs(count: int):
    bank = rg.Bank.embedded()
    pool = []
    for q in bank:
        grader = bank.grader(q.id)
        pool += [(q.id, grader.model_answer), (q.id, q.question)]
    for p in sorted(ANSWERS.glob("*.txt")):
        pool.append((p.name.split("-")[0], p.read_text(encoding="utf-8")))
    return [pool[i % len(pool)] for i in range(count)]


def throughput(count: int, rubric: pathlib.Path, threads) -> None:
    items = pairs(count)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = pathlib.Path(tmp) / "answers.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for q, a in items:
                f.write(json.dumps({"question": q, "answer": a}) + "\n")
        out = pathlib.Path(tmp) / "results.jsonl"

        def batch() -> None:
            subprocess.run(
                [str(rubric), "batch", "--input", str(jsonl), "--output", str(out)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        cli = best(batch, 3)

    def cold() -> None:
        rg.Bank(rg._native.Bank.embedded()).grade_many(items, threads)

    python_cold = best(cold, 3)
    warm_bank = rg.Bank(rg._native.Bank.embedded())
    warm_bank.grade_many(items, threads)
    python_warm = best(lambda: warm_bank.grade_many(items, threads), 3)
    cores = os.cpu_count()
    print(f"{count} answers, {cores} cores, best of 3:")
    print(f"  rubric batch (JSON Lines in and out)   {count / cli:10.0f} answers/s")
    print(f"  grade_many, fresh bank (compiles)      {count / python_cold:10.0f} answers/s   "
          f"{cli / python_cold * 100:.0f} % of rubric batch")
    print(f"  grade_many, graders already compiled   {count / python_warm:10.0f} answers/s   "
          f"{cli / python_warm * 100:.0f} % of rubric batch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40000)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--rubric", type=pathlib.Path, default=ROOT / "target" / "release" / "rubric")
    args = parser.parse_args()
    overhead()
    if not args.rubric.exists():
        sys.exit(f"{args.rubric} not found: cargo build --release (or pass --rubric)")
    throughput(args.items, args.rubric, args.threads)


if __name__ == "__main__":
    main()
