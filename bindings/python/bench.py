"""Benchmark (not a test): the cost of the Python boundary.

    pip install ./bindings/python && cargo build --release
    python bindings/python/bench.py [--items 40000] [--rubric target/release/rubric]

1. One 250-word answer: `grader.grade(text)` from Python against the same `Grader::grade` call
   run in a Rust loop inside the extension (same build, same allocator), both in this thread's
   CPU time, so a busy machine does not skew one side. Target: at most 1.3x.
2. Throughput: `bank.grade_many(pairs)` on a fresh bank (rubrics compiled on first use, as
   `rubric batch` does) against `rubric batch` on the same pairs as JSON Lines, in answers per
   second of wall time and per CPU-second, best of 3. Target: at least 80 % of `rubric batch`.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import statistics
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
    grader.grade(answer)
    # CPU time of this thread (both loops run on it: the native one is timed around the call),
    # so time spent preempted on a shared machine counts for neither; many short rounds,
    # interleaved, median of each.
    rounds, n = 40, 100
    natives, pythons = [], []
    for _ in range(rounds):
        start = time.thread_time()
        grader._native._native_seconds_per_grade(answer, n)
        natives.append((time.thread_time() - start) / n)
        start = time.thread_time()
        for _ in range(n):
            grader.grade(answer)
        pythons.append((time.thread_time() - start) / n)
    native, python = statistics.median(natives), statistics.median(pythons)
    with_json = best(lambda: [grader.grade(answer).to_json() for _ in range(n)]) / n
    print(f"one {len(answer.split())}-word answer (g01), thread CPU time, median of {rounds} x {n} calls:")
    print(f"  Rust Grader::grade            {native * 1e6:8.1f} us")
    print(f"  Python grader.grade(text)     {python * 1e6:8.1f} us   {python / native:.2f}x native "
          f"({(python - native) * 1e6:+.1f} us)")
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


def timed(f) -> tuple:
    """(wall seconds, CPU seconds of this process and its children) of one call of f."""
    before = (time.perf_counter(), time.process_time(), children_cpu())
    f()
    return (
        time.perf_counter() - before[0],
        time.process_time() - before[1] + children_cpu() - before[2],
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def throughput(count: int, rubric: pathlib.Path, threads) -> None:
    items = pairs(count)
    results = {}
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

        def cold() -> None:
            rg.Bank(rg._native.Bank.embedded()).grade_many(items, threads)

        warm_bank = rg.Bank(rg._native.Bank.embedded())
        warm_bank.grade_many(items, threads)
        runs = {"batch": batch, "cold": cold, "warm": lambda: warm_bank.grade_many(items, threads)}
        # Interleaved, best of 3 by wall time and by CPU time, so all three see the same load.
        for _ in range(3):
            for name, f in runs.items():
                wall, cpu = timed(f)
                best_wall, best_cpu = results.get(name, (float("inf"), float("inf")))
                results[name] = (min(best_wall, wall), min(best_cpu, cpu))
    print(f"{count} answers, {os.cpu_count()} cores, best of 3 (answers per second of wall time; "
          f"per CPU-second):")
    labels = {
        "batch": "rubric batch (JSON Lines in and out)",
        "cold": "grade_many, fresh bank (compiles)",
        "warm": "grade_many, graders already compiled",
    }
    batch_wall, batch_cpu = results["batch"]
    for name, (wall, cpu) in results.items():
        line = f"  {labels[name]:<38} {count / wall:8.0f}/s  {count / cpu:8.0f}/CPU-s"
        if name != "batch":
            line += f"   {batch_wall / wall * 100:4.0f} % / {batch_cpu / cpu * 100:4.0f} % of rubric batch"
        print(line)


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
