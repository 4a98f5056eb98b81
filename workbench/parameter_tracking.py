"""Which parameter values a computation used: provisional ones and unverified ones.

Every lookup through :meth:`workbench.parameters.ParameterSet.entry` calls :func:`record`.
Inside :func:`tracking` the lookups are collected; outside they cost one context-variable
read. The collector is a :class:`contextvars.ContextVar`, so it works with the lookup memo
(the memo answers, the lookup is still recorded), per thread and per asyncio task (each
Voilà kernel callback, each CLI run), and blocks nest: an inner block's lookups also reach
the outer ones (a Leistungscheck tracks each benefit and the CLI the whole run).

- *Provisional*: the law renews the parameter periodically (``updated:`` in params.yaml) and
  the date looked up lies on or after the next expected update, so the latest known value
  answers (ADR 0019). Results say "vorläufig: Werte für 2027 noch nicht hinterlegt – Stand
  der Werte: 2026".
- *Unverified*: the value's reference says "(nicht verifiziert)" and the parameter does not name
  another check of its amounts (``values_checked_by``); the advisor's views say "bitte prüfen"
  (never the family's handout).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.parameters import DatedValue, Parameter

UNVERIFIED_MARK = "nicht verifiziert"


@dataclass(frozen=True)
class ProvisionalValue:
    """A periodically updated parameter answered with its latest known value."""

    benefit: str
    name: str
    description: str
    valid_from: date       # start of the latest known value (its year is the "Stand")
    due: date              # when the next value was expected
    asked: date            # the (latest) date looked up
    updated: str
    published_in: str
    reference: str

    @property
    def missing_year(self) -> int:
        """The year whose value is not there yet (the year looked up)."""
        return self.asked.year

    def to_json(self) -> dict[str, Any]:
        return {"benefit": self.benefit, "name": self.name, "description": self.description,
                "values_as_of": self.valid_from.isoformat(), "values_year": self.valid_from.year,
                "expected_from": self.due.isoformat(), "asked_for": self.asked.isoformat(),
                "updated": self.updated, "published_in": self.published_in, "reference": self.reference}


@dataclass(frozen=True)
class UnverifiedValue:
    """A value whose reference says "(nicht verifiziert)"."""

    benefit: str
    name: str
    description: str
    valid_from: date
    reference: str


@dataclass
class Usage:
    """The lookups collected inside one :func:`tracking` block."""

    provisional_by_key: dict[tuple[str, str], ProvisionalValue] = field(default_factory=dict)
    unverified_by_key: dict[tuple[str, str, date], UnverifiedValue] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)
    """Unverified values in lookup order (plain words): the next explanation step says "bitte prüfen" for them."""
    checks_taken: int = 0
    """How many of :attr:`checks` a step has taken (each goes to one step, not to an outer explanation too)."""

    @property
    def provisional(self) -> tuple[ProvisionalValue, ...]:
        return tuple(self.provisional_by_key.values())

    @property
    def unverified(self) -> tuple[UnverifiedValue, ...]:
        return tuple(self.unverified_by_key.values())


_COLLECTORS: ContextVar[tuple[Usage, ...]] = ContextVar("workbench_parameter_usage", default=())


def record(benefit: str, parameter: "Parameter", entry: "DatedValue", on: date) -> None:
    """Note a lookup of ``parameter`` on ``on`` in every open :func:`tracking` block."""
    collectors = _COLLECTORS.get()
    if not collectors:
        return
    is_provisional = parameter.provisional_on(on)
    is_unverified = entry.valid_from in parameter.unverified_from
    if not (is_provisional or is_unverified):
        return
    provisional = None
    if is_provisional:
        due = parameter.next_update()
        assert due is not None
        provisional = ProvisionalValue(benefit, parameter.name, parameter.description, entry.valid_from, due, on,
                                       parameter.updated or "", parameter.published_in or "", entry.reference)
    unverified = (UnverifiedValue(benefit, parameter.name, parameter.description, entry.valid_from, entry.reference)
                  if is_unverified else None)
    for usage in collectors:
        if provisional is not None:
            key = (benefit, parameter.name)
            known = usage.provisional_by_key.get(key)
            if known is None or known.asked < on:
                usage.provisional_by_key[key] = provisional
        if unverified is not None:
            usage.unverified_by_key.setdefault((benefit, parameter.name, entry.valid_from), unverified)
    if unverified is not None:
        from workbench.errors import plain_description

        collectors[-1].checks.append(plain_description(parameter.description))


Cursor = tuple[Usage | None, int]


def cursor() -> Cursor:
    """Where the innermost block's list of unverified lookups stands now (an explanation remembers it)."""
    collectors = _COLLECTORS.get()
    return (collectors[-1], len(collectors[-1].checks)) if collectors else (None, 0)


def checks_since(mark: Cursor) -> tuple[tuple[str, ...], Cursor]:
    """The unverified values looked up since ``mark`` (each once) and the new mark.

    A step records them: they acted in the figure it shows ("bitte prüfen" beside it). When the
    innermost block changed since ``mark``, the block's lookups so far count.
    """
    now = cursor()
    usage = now[0]
    if usage is None:
        return (), now
    start = max(mark[1] if mark[0] is usage else 0, usage.checks_taken)
    usage.checks_taken = len(usage.checks)
    return tuple(dict.fromkeys(usage.checks[start:])), now


@contextmanager
def tracking() -> Iterator[Usage]:
    """Collect the lookups made inside the block (nested blocks also report to the outer ones)."""
    usage = Usage()
    token = _COLLECTORS.set(_COLLECTORS.get() + (usage,))
    try:
        yield usage
    finally:
        _COLLECTORS.reset(token)


@contextmanager
def untracked() -> Iterator[None]:
    """Lookups inside the block are reported to no collector.

    For figures shown apart from the result that name a missing year themselves (the tax estimate:
    "Steuertarif für 2027 steht noch nicht fest") or are context only (the Kindergeld beside the
    household's money over 32 Lebensmonate): they must not make the Elterngeld result "vorläufig".
    """
    token = _COLLECTORS.set(())
    try:
        yield
    finally:
        _COLLECTORS.reset(token)


def provisional_note(values: Iterable[ProvisionalValue], language: str = "de") -> str | None:
    """"vorläufig: Werte für 2027 noch nicht hinterlegt – Stand der Werte: 2026", or None when all values are current."""
    from workbench.i18n import text

    values = list(values)
    if not values:
        return None
    years = ", ".join(str(y) for y in sorted({v.missing_year for v in values}))
    stand = ", ".join(str(y) for y in sorted({v.valid_from.year for v in values}))
    return text("params.provisional", language, years=years, stand=stand)


def provisional_lines(values: Iterable[ProvisionalValue], language: str = "de") -> list[str]:
    """One line per provisional parameter: what, Stand, when the new value was due, where it is published."""
    from workbench.errors import plain_description, benefit_label
    from workbench.i18n import format_date, text

    return [text("params.provisional_item", language, what=plain_description(v.description),
                 benefit=benefit_label(v.benefit, language), stand=str(v.valid_from.year),
                 due=format_date(v.due, language), published_in=v.published_in) for v in values]


def provisional_json(values: Iterable[ProvisionalValue]) -> list[dict[str, Any]]:
    """The list the CLI JSON carries under ``provisional``."""
    return [v.to_json() for v in sorted(values, key=lambda v: (v.benefit, v.name))]


def unverified_items(values: Iterable[UnverifiedValue], language: str = "de") -> list[str]:
    """One complete phrase per unverified value, for the advisor's "bitte prüfen" list: what it is, its
    topic and the date its value holds from ("Tages- und Nachtpflege je Kalendermonat – Pflege, Wert gültig
    ab 01.01.2025"; no parameter key: the family sits opposite). Sorted by what, each value and date once."""
    from workbench.errors import benefit_label, plain_description
    from workbench.i18n import format_date, text

    unique = {(v.benefit, v.name, v.valid_from): v for v in values}
    items = {text("params.unverified_item", language, what=plain_description(v.description),
                  benefit=benefit_label(v.benefit, language),
                  date=format_date(v.valid_from, language)) for v in unique.values()}
    return sorted(items)


def unverified_note(values: Iterable[UnverifiedValue], language: str = "de") -> str | None:
    """"bitte prüfen: <what>, …" for the advisor, or None."""
    from workbench.errors import plain_description
    from workbench.i18n import text

    names = sorted({plain_description(v.description) for v in values})
    return text("params.unverified", language, names=", ".join(names)) if names else None
