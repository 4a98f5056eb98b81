"""The exception tree of the workbench.

::

    WorkbenchError                 anything the workbench reports on purpose
    ├── CaseError                  a case file is malformed or invalid (messages per field)
    ├── ParameterError             a params.yaml file is malformed
    │   ├── MissingParameter       a rule asked for a parameter that does not exist
    │   └── InvalidValue           a maintainer's new value or draft is refused (problems listed)
    ├── UnsupportedPeriod          a date lies outside the period the rules model
    ├── InfeasiblePlan             the optimizer's constraints leave no legal plan (names the conflict)
    ├── FormError                  a form cannot be filled: blank missing or of another edition, bad map
    ├── StoreError                 the case store cannot do what was asked (unreadable, too new)
    │   ├── StoreConflict          a save was refused: someone saved the case meanwhile
    │   ├── StoreUnavailable       the store cannot be used as set up: disk full, read-only, key missing (de/en)
    │   └── CaseNotFound           no case (or version) with this id; also a KeyError
    └── ServeRefused               `workbench serve` refuses an unsafe setting (address, tracebacks, data folder)

Rules never raise for a family's situation: a plan that breaks a BEEG rule is a
``Violation``, not an exception. Exceptions are for input that cannot be computed at
all; each message says what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
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
    """A date lies before the first or after the last modelled validity period.

    Raised by a rule with its own message, or by a parameter lookup
    (:meth:`for_parameter`): then the message is built from the message catalog in the
    advisor's language (``text(language)``, ``str()`` is German) and names what is missing
    in words and the supported years, never the internal parameter name.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.benefit: str | None = None
        self.what: str | None = None
        self.asked: date | None = None
        self.first: date | None = None
        self.until: date | None = None

    @classmethod
    def for_parameter(cls, name: str, description: str, asked: date, first: date,
                      until: date | None) -> "UnsupportedPeriod":
        """The error of a lookup on ``asked`` outside ``first``..``until`` (``until`` None: open-ended)."""
        exc = cls(name)
        exc.what, exc.asked, exc.first, exc.until = plain_description(description), asked, first, until
        return exc

    def text(self, language: str = "de") -> str:
        """The message in ``language`` (German or English)."""
        if self.asked is None or self.first is None:
            return str(self.args[0]) if self.args else ""
        from workbench.i18n import format_date, text

        benefit = benefit_label(self.benefit, language) if self.benefit else ""
        args = {"date": format_date(self.asked, language), "what": self.what or "", "benefit": benefit,
                "first": format_date(self.first, language), "first_year": str(self.first.year)}
        if self.until is not None and self.asked > self.until:
            return text("params.unsupported_ended", language, until=format_date(self.until, language), **args)
        return text("params.unsupported_before", language, **args)

    def __str__(self) -> str:
        return self.text("de")


def benefit_label(benefit: str, language: str = "de") -> str:
    """The name of a params.yaml folder for people ("leistungen" → "Leistungscheck"); unknown ones as they are."""
    from workbench.i18n import catalog, text

    key = f"params.benefit.{benefit}"
    return text(key, language) if key in catalog() else benefit


def plain_description(description: str) -> str:
    """The words of a parameter description without its source: "§ 66 Abs. 1 EStG: Kindergeld …" → "Kindergeld …"."""
    _, sep, rest = description.partition(": ")  # descriptions read "<legal source>: <what>"
    plain = rest if sep else description
    for stop in (" – ", "; ", " (", ", "):
        plain = plain.split(stop)[0]
    plain = plain.strip()
    # A description may lead into its number ("Tages- und Nachtpflege je Kalendermonat bis zu"): without the
    # number that lead-in leaves a broken sentence (issue 24), so it goes. Separable verbs ("… 10 % ab") stay.
    for lead_in in _LEAD_INS:
        if plain.endswith(" " + lead_in):
            return plain[: -len(lead_in)].rstrip()
    return plain


_LEAD_INS = ("von bis zu", "in Höhe von", "bis zu", "höchstens", "mindestens")
"""Words that lead into a parameter's value and read as a broken phrase without it (longest first)."""


class InfeasiblePlan(WorkbenchError):
    """No legal plan meets the advisor's constraints; the message names the conflicting ones."""


class FormError(WorkbenchError):
    """An official form cannot be filled (blank missing, another edition, bad field map); one line per problem."""

    def __init__(self, message: str | list[str]) -> None:
        self.messages = [message] if isinstance(message, str) else list(message)
        super().__init__("\n".join(self.messages))


class StoreError(WorkbenchError):
    """The case store cannot do what was asked (database unreadable, schema too new, no complete version)."""


class StoreConflict(StoreError):
    """A save was refused because it was not based on the latest version (optimistic versioning).

    Nothing is lost: ``refused`` holds the data that was not saved, and ``conflict_id`` the
    id of the copy the store kept of it (``None`` when the case was deleted meanwhile).
    ``latest_version`` is the version that won (``None``: the case no longer exists).
    """

    def __init__(self, message: str, *, case_id: str, latest_version: int | None,
                 refused: dict[str, object], conflict_id: int | None) -> None:
        self.case_id = case_id
        self.latest_version = latest_version
        self.refused = refused
        self.conflict_id = conflict_id
        super().__init__(message)


class StoreUnavailable(StoreError):
    """The store cannot be used as it is set up: its disk is full, it is read-only, its key is missing.

    Not the advisor's input but the operation: the message says what the IT staff have to do.
    It is kept as catalog key and values, so a page shows it in its own language (:meth:`text`);
    ``str()`` is the text in the language the error was raised with.
    """

    def __init__(self, key: str, language: str = "de", **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.text(language))

    def text(self, language: str = "de") -> str:
        """The message in ``language`` (``de`` or ``en``)."""
        from workbench.i18n import text  # the catalog reads YAML: not at import of the exception tree

        return text(self.key, language, **self.values)


class CaseNotFound(StoreError, KeyError):
    """The store holds no case (or no such version) with this id. Also a ``KeyError``."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


class ServeRefused(WorkbenchError):
    """``workbench serve`` refuses a setting that would expose case data (the message says which and what to do)."""
