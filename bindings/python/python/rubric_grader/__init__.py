"""Grade free-text answers against rubrics: offline, deterministic, no machine learning.

The Python face of the Rust crate ``rubric-grader``. A rubric (RON text) is compiled once into a
:class:`Grader`, which grades answers in microseconds and says what was covered, what was
missed and what to study next. The package ships a bank of 118 Kubernetes interview questions
(:meth:`Bank.embedded`) and works with any rubrics you write (:meth:`Bank.from_dir`,
:meth:`Grader.from_ron`).

Example::

    import rubric_grader as rg

    bank = rg.Bank.embedded()
    grader = bank.grader("g06")                  # compile once ...
    grade = grader.grade("SIGTERM races endpoint removal; add a preStop sleep")
    print(grade.score, grade.band)               # ... grade many
    for note in grade.feedback.missing:
        print("study:", note.label)
    grade.to_json()                              # the same JSON as `rubric grade --format json`

Objects:

* :class:`Bank` -- a set of rubrics; iterate it for :class:`Question` s; ``bank.grader(id)``.
* :class:`Grader` -- one compiled rubric; ``grade``, ``grade_many``, ``explain``; thread-safe.
* :class:`Grade` -- score, band, concepts with evidence spans, misconceptions, feedback,
  warnings; ``to_dict()`` / ``to_json()``.
* :func:`grade_many` -- (question, answer) pairs graded in parallel with the GIL released.
* :func:`draft` and :func:`lint` -- for rubric authors.
* :class:`RubricError` (a ``ValueError`` with ``path``, ``line``, ``column``),
  :class:`InternalError` (a ``RuntimeError``: a bug, caught at the boundary).

``Bank`` and ``Grader`` pickle by their rubric source and are compiled again when unpickled,
so they travel to ``multiprocessing`` workers, Dask and Spark.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _native
from ._errors import InternalError, RubricError

__version__: str = _native.VERSION

__all__ = [
    "Bank",
    "Concept",
    "Diagnostic",
    "Draft",
    "Evidence",
    "Explanation",
    "Feedback",
    "FollowUp",
    "Grade",
    "GradeWarning",
    "Grader",
    "Group",
    "InternalError",
    "Misconception",
    "Note",
    "Question",
    "RubricError",
    "draft",
    "grade_many",
    "lint",
]


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Where a matcher hit: ``answer[start:end]`` (character offsets) is ``text``.

    ``fuzzy`` marks a word matched through typo tolerance; ``negated`` a mention inside a
    negation (listed for missed concepts, to show what was rejected).
    """

    start: int
    end: int
    text: str
    matcher: str
    fuzzy: bool = False
    negated: bool = False
    byte_start: int = 0
    byte_end: int = 0

    @classmethod
    def _from(cls, d: Mapping[str, Any], offsets: "_Offsets") -> "Evidence":
        return cls(
            start=offsets.char(d["start"]),
            end=offsets.char(d["end"]),
            text=d["text"],
            matcher=d["matcher"],
            fuzzy=d.get("fuzzy", False),
            negated=d.get("negated", False),
            byte_start=d["start"],
            byte_end=d["end"],
        )


@dataclass(frozen=True)
class Concept:
    """One concept of the rubric and whether the answer covered it."""

    id: str
    label: str
    weight: float
    required: bool
    hit: bool
    negated: bool
    evidence: List[Evidence]
    group: Optional[str] = None
    contradicted: bool = False
    wrong_numbers: List[Dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Group:
    """A k-of-n group: ``min(len(hits), k) / k`` of its weight is earned."""

    id: str
    label: str
    k: int
    n: int
    hits: List[str]
    credit: float
    weight: float


@dataclass(frozen=True)
class Misconception:
    """A misconception found in the answer, with its penalty and correction."""

    id: str
    label: str
    penalty: float
    correction: str
    evidence: List[Evidence]
    contradicts: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class GradeWarning:
    """A warning about the answer: ``code`` is ``keyword_salad``, ``required_missing``,
    ``possibly_off_topic``, ``negated_mentions``, ``contradiction``, ``in_wrong_claim``, ``wrong_number``, ``dump``, ``thin_credit``,
    ``denied_concept``, ``empty_answer``, ``short_answer``, ``padded``, ``misspelt`` or
    ``swapped``.

    (Not named ``Warning``: that would shadow the builtin on ``from rubric_grader import *``.)
    """

    code: str
    message: str


@dataclass(frozen=True)
class Note:
    """A line of feedback about one concept (``study`` says what to read, when known)."""

    id: str
    label: str
    text: str
    study: Optional[str] = None


@dataclass(frozen=True)
class FollowUp:
    """The question an interviewer would ask next, about the most important missed concept."""

    concept: str
    question: str


@dataclass(frozen=True)
class Feedback:
    """What to tell the person: summary, covered, missing (with hints), corrections, follow-up."""

    summary: str
    covered: List[Note]
    missing: List[Note]
    corrections: List[Note]
    follow_up: Optional[FollowUp]

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Feedback":
        follow_up = d.get("follow_up")
        return cls(
            summary=d["summary"],
            covered=[Note(**n) for n in d["covered"]],
            missing=[Note(**n) for n in d["missing"]],
            corrections=[Note(**n) for n in d["corrections"]],
            follow_up=FollowUp(**follow_up) if follow_up else None,
        )


class _Offsets:
    """Byte offsets (what Rust reports) to character offsets (what Python slices by)."""

    __slots__ = ("_bytes", "_ascii")

    def __init__(self, text: Optional[str]) -> None:
        self._ascii = text is None or text.isascii()
        # Encoded once per result list, not once per span.
        self._bytes = b"" if self._ascii or text is None else text.encode("utf-8")

    def char(self, byte: int) -> int:
        if self._ascii:
            return byte
        return len(self._bytes[:byte].decode("utf-8", errors="ignore"))


class Grade:
    """The grade of one answer.

    ``score`` (0-100), ``band`` (``strong``/``good``/``partial``/``weak``) and ``question_id``
    are read directly; ``concepts``, ``groups``, ``misconceptions``, ``feedback`` and
    ``warnings`` are built on first access. ``to_dict()`` and ``to_json()`` give exactly what
    ``rubric grade ID --format json`` prints (evidence offsets there are UTF-8 byte offsets;
    :class:`Evidence` also has character offsets, ``start``/``end``, for slicing the str).

    A ``Grade`` pickles (as its JSON), so it can come back from a process pool.
    """

    __slots__ = ("_native", "_json", "_data", "_answer")

    def __init__(self, native: Any, answer: Optional[str] = None) -> None:
        self._native = native
        self._json: Optional[str] = None
        self._data: Optional[Dict[str, Any]] = None
        self._answer = answer

    @property
    def score(self) -> float:
        """0-100, as computed (``round(score, 1)`` is what the CLI shows)."""
        if self._native is not None:
            return self._native.score  # type: ignore[no-any-return]
        return self._dict()["score"]  # type: ignore[no-any-return]

    @property
    def band(self) -> str:
        """``strong`` (>= 80), ``good`` (>= 60), ``partial`` (>= 35) or ``weak``."""
        if self._native is not None:
            return self._native.band  # type: ignore[no-any-return]
        return self._dict()["band"]  # type: ignore[no-any-return]

    @property
    def question_id(self) -> str:
        """The rubric's id."""
        if self._native is not None:
            return self._native.question_id  # type: ignore[no-any-return]
        return self._dict()["question_id"]  # type: ignore[no-any-return]

    def _dict(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self.to_json())
        return self._data

    @property
    def concepts(self) -> List[Concept]:
        """Every concept of the rubric, hit or not, with evidence."""
        offsets = _Offsets(self._answer)
        out = []
        for c in self._dict()["concepts"]:
            c = dict(c)
            c["evidence"] = [Evidence._from(e, offsets) for e in c["evidence"]]
            out.append(Concept(**c))
        return out

    @property
    def covered(self) -> List[str]:
        """Ids of the concepts covered."""
        return [c["id"] for c in self._dict()["concepts"] if c["hit"]]

    @property
    def missed(self) -> List[str]:
        """Ids of the concepts missed."""
        return [c["id"] for c in self._dict()["concepts"] if not c["hit"]]

    @property
    def groups(self) -> List[Group]:
        """The rubric's k-of-n groups and the credit each earned."""
        return [Group(**g) for g in self._dict()["groups"]]

    @property
    def misconceptions(self) -> List[Misconception]:
        """Misconceptions found in the answer."""
        offsets = _Offsets(self._answer)
        out = []
        for m in self._dict()["misconceptions"]:
            m = dict(m)
            m["evidence"] = [Evidence._from(e, offsets) for e in m["evidence"]]
            out.append(Misconception(**m))
        return out

    @property
    def feedback(self) -> Feedback:
        """Summary, covered and missing concepts with hints, corrections and a follow-up."""
        return Feedback._from(self._dict()["feedback"])

    @property
    def warnings(self) -> List[GradeWarning]:
        """Warnings (keyword salad, a required concept missing, off topic ...)."""
        return [GradeWarning(**w) for w in self._dict()["warnings"]]

    def to_json(self) -> str:
        """The grade as ``rubric grade --format json`` prints it (pretty-printed, no final
        newline)."""
        if self._json is None:
            self._json = self._native.to_json()
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """``json.loads(self.to_json())``: a fresh dict of plain data."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_text(self) -> str:
        """The grade as ``rubric grade`` prints it (no colour, no wrapping)."""
        return self._rendered().to_text()  # type: ignore[no-any-return]

    def to_markdown(self) -> str:
        """The grade as ``rubric grade --format markdown`` prints it."""
        return self._rendered().to_markdown()  # type: ignore[no-any-return]

    def _rendered(self) -> Any:
        if self._native is None:
            raise ValueError("an unpickled Grade keeps its JSON only; use to_json() or to_dict()")
        return self._native

    def __str__(self) -> str:
        return self.to_text() if self._native is not None else repr(self)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_grade, (self.to_json(), self._answer))

    def __repr__(self) -> str:
        return f"<Grade {self.question_id} {self.score:.1f}/100 ({self.band})>"


def _restore_grade(text: str, answer: Optional[str]) -> Grade:
    grade = Grade(None, answer)
    grade._json = text
    return grade


class Explanation:
    """Why an answer got its grade: per concept and matcher, the hits with spans and the near
    misses rejected with the reason (``rubric explain``). Plain data in ``to_dict()``."""

    __slots__ = ("_data", "_json", "_text")

    def __init__(self, data: Dict[str, Any], text: str = "", json_text: str = "") -> None:
        self._data = data
        self._text = text
        self._json = json_text

    @property
    def question_id(self) -> str:
        """The rubric's id."""
        return self._data["question_id"]  # type: ignore[no-any-return]

    @property
    def score(self) -> float:
        """The score the answer got."""
        return self._data["score"]  # type: ignore[no-any-return]

    @property
    def band(self) -> str:
        """Its band."""
        return self._data["band"]  # type: ignore[no-any-return]

    @property
    def concepts(self) -> List[Dict[str, Any]]:
        """One trace per concept: matchers, hits, rejected near misses."""
        return self._data["concepts"]  # type: ignore[no-any-return]

    @property
    def misconceptions(self) -> List[Dict[str, Any]]:
        """One trace per misconception."""
        return self._data["misconceptions"]  # type: ignore[no-any-return]

    @property
    def warnings(self) -> List[str]:
        """Warning messages."""
        return self._data["warnings"]  # type: ignore[no-any-return]

    def to_dict(self) -> Dict[str, Any]:
        """The explanation as plain data (a copy)."""
        return json.loads(json.dumps(self._data))  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The explanation as ``rubric explain --format json`` prints it (no final newline)."""
        return self._json or json.dumps(self._data, indent=2)

    def __str__(self) -> str:
        """The explanation as ``rubric explain`` prints it (no colour)."""
        return self._text or repr(self)

    def __repr__(self) -> str:
        return f"<Explanation {self.question_id} {self.score:.1f}/100 ({self.band})>"


# --- graders and banks ---------------------------------------------------------------------


class Grader:
    """One rubric, compiled: build it once and reuse it, as you would a compiled regex.

    Get one from :meth:`Bank.grader` or :meth:`Grader.from_ron`. A ``Grader`` is immutable and
    thread-safe: share one across threads (grading releases the GIL). It pickles by its rubric
    source and glossary and is compiled again when unpickled.
    """

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def from_ron(
        cls, text: str, glossary: Optional[str] = None, *, path: Optional[str] = None
    ) -> "Grader":
        """Compiles a rubric held in a string.

        Args:
            text: the rubric, in RON (see ``docs/rubric-format.md``).
            glossary: a glossary in RON (``(entries: {"name": ["phrasing", ...]})``) for
                ``@name`` / ``Glossary("name")`` references; default: the embedded Kubernetes
                glossary.
            path: the name errors give the rubric (default ``"<string>"``).

        Raises:
            RubricError: with ``path``, ``line`` and ``column`` when the rubric or the glossary
                cannot be used.
        """
        return cls(_native.Grader.from_ron(text, glossary, path))

    @property
    def id(self) -> str:
        """The rubric's id."""
        return self._native.id  # type: ignore[no-any-return]

    @property
    def title(self) -> str:
        """The rubric's title."""
        return self._native.title  # type: ignore[no-any-return]

    @property
    def question(self) -> str:
        """The question."""
        return self._native.question  # type: ignore[no-any-return]

    @property
    def model_answer(self) -> str:
        """The model answer."""
        return self._native.model_answer  # type: ignore[no-any-return]

    @property
    def source(self) -> str:
        """The rubric's RON text."""
        return self._native.source  # type: ignore[no-any-return]

    @property
    def path(self) -> str:
        """Where the rubric came from (``"<string>"`` for :meth:`from_ron`)."""
        return self._native.path  # type: ignore[no-any-return]

    def grade(self, answer: str) -> Grade:
        """Grades one answer.

        Raises:
            ValueError: the answer is over the size limit (1 MiB).
            TypeError: ``answer`` is not a str.
        """
        return Grade(self._native.grade(answer), answer)

    def grade_many(self, answers: Iterable[str], threads: Optional[int] = None) -> List[Grade]:
        """Grades many answers to this question in parallel (GIL released); grades in order.

        ``threads``: how many threads (default: one per core).
        """
        answers = answers if isinstance(answers, list) else list(answers)
        natives = self._native.grade_many(answers, threads)
        return [Grade(n, a) for n, a in zip(natives, answers)]

    def explain(self, answer: str) -> Explanation:
        """Explains the grade of ``answer``: the hits per matcher and the near misses rejected,
        with why (negated, a typo beyond the limit, a number that differs ...)."""
        json_text, text = self._native.explain(answer)
        return Explanation(json.loads(json_text), text, json_text)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_grader, (self.source, self._native.glossary, self.path))

    def __repr__(self) -> str:
        return f"<Grader {self.id}: {self.title}>"


def _restore_grader(source: str, glossary: Optional[str], path: str) -> Grader:
    return Grader(_native.Grader.from_ron(source, glossary, path))


@dataclass(frozen=True)
class Question:
    """A question of a bank."""

    id: str
    title: str
    category: str
    level: str
    question: str
    slug: str
    path: str


_embedded_lock = threading.Lock()
_embedded: Optional[Any] = None


def _embedded_native() -> Any:
    # One embedded bank per process: loading it parses 118 rubrics, and sharing it shares the
    # graders compiled so far.
    global _embedded
    with _embedded_lock:
        if _embedded is None:
            _embedded = _native.Bank.embedded()
        return _embedded


class Bank:
    """A set of rubrics and their glossary.

    Iterate it for :class:`Question` s (in id order); ``len(bank)``; ``"g06" in bank``;
    ``bank["g06"]`` is a :class:`Question`. ``bank.grader(query)`` compiles a question's rubric
    (once per bank) and accepts an id, a unique id prefix or a slug, as the CLI does.
    """

    __slots__ = ("_native", "_questions")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._questions: Optional[List[Question]] = None

    @classmethod
    def embedded(cls) -> "Bank":
        """The bank shipped in the package: 118 Kubernetes interview questions."""
        return cls(_embedded_native())

    @classmethod
    def from_dir(cls, path: Union[str, "os.PathLike[str]"]) -> "Bank":
        """Every ``*.ron`` under ``path`` (recursively); ``path/glossary.ron`` is the glossary
        (else the embedded one).

        Raises:
            RubricError: the first file that cannot be parsed (path, line, column).
            FileNotFoundError: ``path`` does not exist.
        """
        return cls(_native.Bank.from_dir(os.fspath(path)))

    @classmethod
    def from_sources(
        cls,
        files: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
        glossary: Optional[str] = None,
    ) -> "Bank":
        """A bank from rubric texts: ``{path: RON text}`` or ``(path, text)`` pairs, and an
        optional glossary in RON.

        Raises:
            RubricError: the first rubric that cannot be parsed.
        """
        pairs = list(files.items()) if isinstance(files, Mapping) else list(files)
        g = ("<glossary>", glossary) if glossary is not None else None
        return cls(_native.Bank.from_sources(pairs, g))

    @property
    def questions(self) -> List[Question]:
        """The questions, in id order."""
        if self._questions is None:
            self._questions = [Question(*q) for q in self._native.questions()]
        return list(self._questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self._native)

    def __contains__(self, question_id: object) -> bool:
        return any(q.id == question_id for q in self.questions)

    def __getitem__(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def grader(self, question: str) -> Grader:
        """The compiled grader of a question: id (``g06``), unique id prefix or slug.

        Raises:
            KeyError: no question matches (the message suggests a near id), or several do.
        """
        return Grader(self._native.grader(question))

    def grade(self, question: str, answer: str) -> Grade:
        """``self.grader(question).grade(answer)``."""
        return self.grader(question).grade(answer)

    def grade_many(
        self,
        items: Iterable[Union[Tuple[str, str], Mapping[str, str]]],
        threads: Optional[int] = None,
    ) -> List[Grade]:
        """Grades ``(question, answer)`` pairs (or ``{"question", "answer"}`` mappings) in
        parallel with the GIL released, like ``rubric batch``; grades come back in order.

        ``threads``: how many threads (default: one per core).

        Raises:
            KeyError: an unknown question (nothing is graded).
            ValueError: an answer over the size limit (the message names the item).
        """
        pairs = _pairs(items)
        natives = self._native.grade_many(pairs, threads)
        return [Grade(n, p[1]) for n, p in zip(natives, pairs)]

    def __reduce__(self) -> Tuple[Any, ...]:
        if self._native.is_embedded:
            return (Bank.embedded, ())
        files, glossary = self._native.sources()
        return (_restore_bank, (files, glossary))

    def __repr__(self) -> str:
        kind = "embedded" if self._native.is_embedded else "loaded"
        return f"<Bank ({kind}): {len(self)} questions>"


def _restore_bank(files: List[Tuple[str, str]], glossary: Optional[Tuple[str, str]]) -> Bank:
    return Bank(_native.Bank.from_sources(files, glossary))


def _pairs(items: Iterable[Any]) -> List[Tuple[str, str]]:
    out: List[Tuple[str, str]] = []
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            try:
                out.append((item["question"], item["answer"]))
            except KeyError as e:
                raise ValueError(f"item {i}: no {e.args[0]!r} key") from None
        elif isinstance(item, tuple) and len(item) == 2:
            out.append(item)
        else:
            try:
                question, answer = item
            except (TypeError, ValueError):
                raise ValueError(
                    f"item {i}: expected a (question, answer) pair, got {type(item).__name__}"
                ) from None
            out.append((question, answer))
    return out


def grade_many(
    items: Iterable[Union[Tuple[str, str], Mapping[str, str]]],
    threads: Optional[int] = None,
    *,
    bank: Optional[Bank] = None,
) -> List[Grade]:
    """Grades ``(question, answer)`` pairs against ``bank`` (default: the embedded bank) in
    parallel, with the GIL released; see :meth:`Bank.grade_many`."""
    return (bank or Bank.embedded()).grade_many(items, threads)


# --- authoring -----------------------------------------------------------------------------


class Draft(NamedTuple):
    """A drafted rubric: its RON text and a compiled :class:`Grader` (unpacks as a pair)."""

    ron: str
    grader: Grader


def draft(
    question: str,
    model_answers: Union[str, Sequence[str]],
    *,
    id: str = "draft",
    title: Optional[str] = None,
    category: str = "draft",
    level: str = "mid",
    max_concepts: int = 8,
    bank: Optional[Bank] = None,
) -> Draft:
    """Drafts a rubric from a question and model answer(s), with no machine learning (as
    ``rubric draft``): key phrases weighted against ``bank`` (default: the embedded bank) as
    background corpus, glossary synonyms, hints quoting the model answer.

    Several model answers are read as one. Review the draft before using it for marks.

    Raises:
        ValueError: an unknown ``level`` (junior, mid, senior, staff) or no model answer.
    """
    answers = [model_answers] if isinstance(model_answers, str) else list(model_answers)
    text = "\n\n".join(a.strip() for a in answers if a.strip())
    if not text:
        raise ValueError("draft needs a non-empty model answer")
    if max_concepts < 1:
        raise ValueError("max_concepts must be at least 1")
    ron, native = _native.draft(
        question,
        text,
        id,
        title,
        category,
        level,
        max_concepts,
        bank._native if bank is not None else None,
    )
    return Draft(ron, Grader(native))


@dataclass(frozen=True)
class Diagnostic:
    """A lint finding; ``line`` and ``column`` are 1-based, ``None`` when unknown (then
    ``field`` names the place, e.g. ``concepts[2].weight``)."""

    severity: str
    path: str
    line: Optional[int]
    column: Optional[int]
    field: Optional[str]
    message: str

    @property
    def is_error(self) -> bool:
        """Whether it fails lint (``severity == "error"``)."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        out = f"{where}: {self.severity}"
        if self.field is not None:
            out += f": {self.field}"
        return f"{out}: {self.message}"


def lint(
    path_or_text: Union[str, "os.PathLike[str]"], *, glossary: Optional[str] = None
) -> List[Diagnostic]:
    """Checks rubrics as ``rubric lint`` does, returning every error and warning.

    ``path_or_text`` is a file or folder (a ``pathlib.Path``, or a str naming one that exists)
    or the RON text of one rubric (then ``glossary``, RON text, replaces the embedded one).

    Raises:
        FileNotFoundError: a str that is neither an existing path nor RON text (no ``(``).
    """
    if isinstance(path_or_text, os.PathLike):
        return [Diagnostic(*d) for d in _native.lint_paths([os.fspath(path_or_text)])]
    if not isinstance(path_or_text, str):
        raise TypeError(f"expected a path or RON text, got {type(path_or_text).__name__}")
    if "(" not in path_or_text and "\n" not in path_or_text:
        # Looks like a path: lint it, or say it is missing (rather than a RON syntax error).
        return [Diagnostic(*d) for d in _native.lint_paths([path_or_text])]
    if os.path.exists(path_or_text):
        return [Diagnostic(*d) for d in _native.lint_paths([path_or_text])]
    return [Diagnostic(*d) for d in _native.lint_text(path_or_text, glossary)]
