"""The exception tree of the workbench.

::

    WorkbenchError                 anything the workbench reports on purpose
    ├── CaseError                  a case file is malformed or invalid (messages per field)
    ├── ParameterError             a params.yaml file is malformed
    │   └── MissingParameter       a rule asked for a parameter that does not exist
    ├── UnsupportedPeriod          a date lies outside the period the rules model
    └── InfeasiblePlan             the optimizer's constraints leave no legal plan (names the conflict)

Rules never raise for a family's situation: a plan that breaks a BEEG rule is a
``Violation``, not an exception. Exceptions are for input that cannot be computed at
all; each message says what happened and what to do.
"""

from __future__ import annotations


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


class UnsupportedPeriod(WorkbenchError):
    """A date lies before the first or after the last modelled validity period."""


class InfeasiblePlan(WorkbenchError):
    """No legal plan meets the advisor's constraints; the message names the conflicting ones."""
