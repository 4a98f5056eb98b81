"""The exception tree of the workbench.

::

    WorkbenchError                 anything the workbench reports on purpose
    ├── CaseError                  a case file is malformed or invalid (messages per field)
    ├── ParameterError             a params.yaml file is malformed
    │   ├── MissingParameter       a rule asked for a parameter that does not exist
    │   └── InvalidValue           a maintainer's new value or draft is refused (problems listed)
    └── UnsupportedPeriod          a date lies outside the period the rules model

Rules never raise for a family's situation: a plan that breaks a BEEG rule is a
``Violation``, not an exception. Exceptions are for input that cannot be computed at
all; each message says what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _Problem(Protocol):
    """What InvalidValue needs of a problem: its text in a language."""

    def text(self, language: str = "de") -> str: ...


class WorkbenchError(Exception):
    """Base class of every error the workbench raises on purpose."""


class CaseError(WorkbenchError):
    """The case file cannot be used; ``messages`` holds one line per problem."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class ParameterError(WorkbenchError):
    """A parameter file is malformed (missing reference, overlapping periods, bad value)."""


class MissingParameter(ParameterError):
    """A rule asked for a parameter name that its params.yaml does not define."""


class InvalidValue(ParameterError):
    """A new parameter value (or a draft) is refused; ``problems`` says why, in both languages.

    Each problem has ``text(language)``; ``str()`` of the error is the German text.
    """

    def __init__(self, problems: "Sequence[_Problem]") -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.text("de") for p in self.problems))

    def messages(self, language: str = "de") -> list[str]:
        """One line per problem in ``language``."""
        return [p.text(language) for p in self.problems]


class UnsupportedPeriod(WorkbenchError):
    """A date lies before the first or after the last modelled validity period."""
