"""Exceptions raised by :mod:`rubric_grader` (importable without the native module)."""

from __future__ import annotations

from typing import Optional


class RubricError(ValueError):
    """A rubric or glossary that cannot be used: a RON syntax error, an unknown field, an
    invalid regex, an unknown glossary entry ...

    ``str(error)`` is one line, path first, as the ``rubric`` command prints it:
    ``rubrics/x/q005.ron:14:9: unknown field `weigth` ...``.

    Attributes:
        path: the file, or ``"<string>"`` for a rubric held in a string.
        line: 1-based line, or ``None`` when the problem has no position.
        column: 1-based column, or ``None``.
        field: the field path (``concepts[2].weight``) when there is no position.
        kind: ``syntax``, ``regex``, ``unknown_glossary``, ``unknown_concept``, ``invalid``,
            ``io`` or ``utf8``.
        reason: the message without the location.
    """

    def __init__(
        self,
        message: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        field: Optional[str] = None,
        kind: Optional[str] = None,
        reason: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.kind = kind
        self.reason = reason if reason is not None else message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Exceptions cross process pools by pickle; keep the attributes.
        return (
            type(self),
            (str(self), self.path, self.line, self.column, self.field, self.kind, self.reason),
        )


class InternalError(RuntimeError):
    """A bug in rubric-grader: a Rust panic caught at the boundary. Please report it."""
