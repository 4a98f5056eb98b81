"""Dated parameters: every amount, rate and threshold with its validity and legal source.

Each benefit keeps its parameters beside its rules in ``workbench/rules/<benefit>/params.yaml``::

    ersatzrate:
      description: "§ 2 Abs. 1 Satz 1 BEEG: ..."
      unit: share
      date_basis: birth_date
      values:
        - valid_from: 2007-01-01
          value: 0.67
          reference: "§ 2 Abs. 1 Satz 1 BEEG, BGBl. 2006 I S. 2748"

Rules:
- ``values`` are ordered by ``valid_from``; an entry is valid until the day before the
  next one starts, or until its own ``valid_until``. Periods may not overlap. A value the law
  does not end has no ``valid_until``: it stays in force until a newer one replaces it
  (ADR 0019); ``valid_until`` is kept only where a law really ends a rule.
- A parameter the law updates periodically says how (``updated: yearly``, ``biennial``,
  ``every_3_years``) and where the new value is published (``published_in``). A lookup on
  or after the next expected update (1 January of the year the rhythm leads to from the last
  ``valid_from``) is *provisional*:
  it answers with the latest known value and :mod:`workbench.parameter_tracking` records it,
  so every result can say "vorläufig".
- Every value carries a non-empty ``reference``; numbers are read as ``Decimal``
  exactly as written (no binary floats).
- A date before the first entry (or after a closing ``valid_until``) raises
  :class:`~workbench.errors.UnsupportedPeriod` naming the modelled range.
- Duplicate keys in a file are an error (YAML would otherwise keep the last silently).

``date_basis`` documents which date the law uses for the lookup (``birth_date`` of the
child for Elterngeld, ``year_before_birth`` for the Lohnsteuer PAP, ``calendar_date``
for values that follow the calendar); callers pass that date to :meth:`ParameterSet.value`.

Override scope (draft parameter sets, "what changes"): rules hold the official set
(``P = parameters("elterngeld")``) from import time. :func:`using_parameters` replaces sets
for the code running inside a ``with`` block only, through a :class:`contextvars.ContextVar`:
every lookup on the official set is answered by the replacement while the block runs, in
this thread or task only; other callers keep seeing the official values. Nothing global
changes and the official set's memo is never filled with draft values::

    with using_parameters(draft_set):
        result = compute_elterngeld(case)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from workbench.errors import MissingParameter, ParameterError, UnsupportedPeriod
from workbench.parameter_tracking import UNVERIFIED_MARK, record
from workbench.resources import resource_path

RULES_DIR = resource_path("rules")
"""The official ``params.yaml`` files: ``workbench/rules/<benefit>/`` in the package (in the editable checkout the
repository's own files, which the maintainers' notebooks write; an installed package is read-only and the
maintainers work on a copy named by ``$WORKBENCH_RULES_DIR``, docs/maintainers.md)."""

Unit = Literal[
    "euro", "euro_per_month", "euro_per_year", "euro_per_day", "share", "percent",
    "count", "days", "months", "weeks", "hours_per_week", "years", "table", "factor",
]


_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (the wheels are): the same safe constructors, about ten
times faster than the pure-Python scanner; a wizard's first "Weiter" used to wait 0.4 s for one params.yaml."""


class _DecimalLoader(_SAFE_LOADER):  # type: ignore[valid-type,misc]
    """SafeLoader that reads floats as Decimal and refuses duplicate keys."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node).replace("_", ""))


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(int(loader.construct_scalar(node).replace("_", ""), 0))


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ParameterError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_DecimalLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_DecimalLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Read a YAML file with exact decimals and no duplicate keys."""
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass


def load_yaml_text(text: str) -> Any:
    """Read YAML text with exact decimals and no duplicate keys (as :func:`load_yaml`)."""
    return yaml.load(text, Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass


class DatedValue(BaseModel):
    """One value of a parameter, valid from a date, with its legal source."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    valid_from: date
    valid_until: date | None = None
    value: Any
    reference: str = Field(min_length=5)
    note: str | None = None

    @field_validator("reference")
    @classmethod
    def _reference_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("reference must name the legal source")
        return v


Rhythm = Literal["yearly", "biennial", "every_3_years"]
RHYTHM_YEARS: dict[str, int] = {"yearly": 1, "biennial": 2, "every_3_years": 3}


class Parameter(BaseModel):
    """A named parameter with its dated values.

    ``updated``/``published_in``: the rhythm in which the law renews the value and where the
    new value appears (both or neither; see the module docstring).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = Field(min_length=5)
    unit: Unit
    date_basis: Literal["birth_date", "year_before_birth", "calendar_date", "assessment_period"] = "birth_date"
    updated: Rhythm | None = None
    published_in: str | None = None
    values_checked_by: str | None = None
    """Where the amounts were confirmed although a citation is marked "(nicht verifiziert)" (the PAP pseudo
    code and the BMF Prüftabellen for the Lohnsteuer): such marks concern the citation, not the value."""
    values: list[DatedValue] = Field(min_length=1)
    # worked out once, read on every tracked lookup (workbench.parameter_tracking.record)
    _due: date | None = PrivateAttr(default=None)
    _unverified_from: frozenset[date] = PrivateAttr(default=frozenset())

    def model_post_init(self, _context: Any) -> None:
        if self.updated is not None:
            self._due = date(self.values[-1].valid_from.year + RHYTHM_YEARS[self.updated], 1, 1)
        if self.values_checked_by is None:
            self._unverified_from = frozenset(v.valid_from for v in self.values if UNVERIFIED_MARK in v.reference)

    @property
    def unverified_from(self) -> frozenset[date]:
        """The starts of the values whose reference says "(nicht verifiziert)" (none with ``values_checked_by``)."""
        return self._unverified_from

    @model_validator(mode="after")
    def _rhythm_has_publication(self) -> "Parameter":
        if self.updated is not None and not (self.published_in or "").strip():
            raise ValueError(f"{self.name}: 'updated: {self.updated}' needs 'published_in' (where the new value is published)")
        if self.published_in is not None and self.updated is None:
            raise ValueError(f"{self.name}: 'published_in' needs 'updated' (the rhythm of the update)")
        if self.updated is not None and self.values[-1].valid_until is not None:
            raise ValueError(f"{self.name}: a periodically updated value stays in force until the next one; "
                             "remove 'valid_until' of its last value")
        return self

    def next_update(self) -> date | None:
        """The day the law's next new value is due, else None.

        1 January of the year the rhythm leads to from the last value's start: the laws named in
        ``published_in`` set their new values for 1 January (Kindergeld, PAP, Rechengrößen,
        Regelbedarfe, Wohngeld § 43 WoGG, Pflege § 30 SGB XI); a value that started mid-year
        (the Entlastungsbudget on 1 July 2025) is renewed with the others on 1 January.
        """
        return self._due

    def provisional_on(self, on: date) -> bool:
        """Whether a lookup on ``on`` falls after the next expected update (the value is the latest known)."""
        return self._due is not None and on >= self._due

    @model_validator(mode="after")
    def _periods_do_not_overlap(self) -> "Parameter":
        for earlier, later in zip(self.values, self.values[1:]):
            if later.valid_from <= earlier.valid_from:
                raise ValueError(
                    f"{self.name}: values must be ordered by valid_from "
                    f"({later.valid_from} after {earlier.valid_from})"
                )
            if earlier.valid_until is not None and earlier.valid_until >= later.valid_from:
                raise ValueError(
                    f"{self.name}: period {earlier.valid_from}–{earlier.valid_until} overlaps "
                    f"the one from {later.valid_from}"
                )
        for v in self.values:
            if v.valid_until is not None and v.valid_until < v.valid_from:
                raise ValueError(f"{self.name}: valid_until {v.valid_until} before valid_from {v.valid_from}")
        return self

    def entry(self, on: date) -> DatedValue:
        """The value in force on ``on``."""
        first = self.values[0]
        if on < first.valid_from:
            raise UnsupportedPeriod.for_parameter(self.name, self.description, on, first.valid_from, None)
        chosen = first
        for candidate in self.values:
            if candidate.valid_from <= on:
                chosen = candidate
            else:
                break
        if chosen.valid_until is not None and on > chosen.valid_until:
            raise UnsupportedPeriod.for_parameter(self.name, self.description, on, first.valid_from,
                                                  chosen.valid_until)
        return chosen

    def periods(self) -> list[tuple[date, date | None]]:
        """The validity periods as (first day, last day or None for open-ended)."""
        out: list[tuple[date, date | None]] = []
        for i, v in enumerate(self.values):
            end = v.valid_until
            if end is None and i + 1 < len(self.values):
                end = self.values[i + 1].valid_from - timedelta(days=1)
            out.append((v.valid_from, end))
        return out


_SCOPE: ContextVar[Mapping[str, "ParameterSet"]] = ContextVar("workbench_parameter_scope", default={})


class ParameterSet:
    """All parameters of one benefit (one params.yaml).

    Inside :func:`using_parameters` a set whose benefit is replaced answers every lookup
    from the replacement (see the module docstring).
    """

    def __init__(self, benefit: str, parameters: dict[str, Parameter], path: Path) -> None:
        self.benefit = benefit
        self.parameters = parameters
        self.path = path
        self._entries: dict[tuple[str, date], DatedValue] = {}

    def _active(self) -> "ParameterSet":
        """The set that answers lookups here: a scoped replacement, else this one."""
        scoped = _SCOPE.get().get(self.benefit)
        return self if scoped is None else scoped

    def __contains__(self, name: str) -> bool:
        return name in self._active().parameters

    def parameter(self, name: str) -> Parameter:
        active = self._active()
        try:
            return active.parameters[name]
        except KeyError:
            raise MissingParameter(
                f"parameter {name!r} is not defined in {active.path}; add it with a dated value and reference"
            ) from None

    def entry(self, name: str, on: date) -> DatedValue:
        """The dated value of ``name`` in force on ``on`` (memoised: rules ask the same often)."""
        active = self._active()
        if active is not self:
            return active.entry(name, on)
        key = (name, on)
        found = self._entries.get(key)
        if found is None:
            try:
                found = self._entries[key] = self.parameter(name).entry(on)
            except UnsupportedPeriod as exc:
                exc.benefit = exc.benefit or self.benefit
                raise
        record(self.benefit, self.parameters[name], found, on)
        return found

    def value(self, name: str, on: date) -> Any:
        """The value of ``name`` in force on ``on`` (Decimal, or a mapping/list of them)."""
        return self.entry(name, on).value

    def reference(self, name: str, on: date) -> str:
        return self.entry(name, on).reference


def read_parameter_text(path: Path) -> str:
    """The text of a parameter file; ParameterError naming the file if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ParameterError(f"{path}: cannot be read: {exc.strerror}") from None


def parameter_mapping(text: str, path: Path) -> dict[str, Any]:
    """The YAML text of a parameter file (official or draft) as a mapping of parameter names.

    Exact decimals, no duplicate keys; ParameterError naming ``path`` otherwise.
    """
    try:
        raw = load_yaml_text(text)
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML: {exc}") from None
    except ParameterError as exc:
        raise ParameterError(f"{path}: {exc}") from None
    if not isinstance(raw, dict):
        raise ParameterError(f"{path}: expected a mapping of parameter names")
    return raw


def parse_parameter_file(benefit: str, path: Path) -> ParameterSet:
    """Load and validate one params.yaml; raise ParameterError with the file and name."""
    return parse_parameter_text(benefit, read_parameter_text(path), path)


def parse_parameter_text(benefit: str, text: str, path: Path) -> ParameterSet:
    """Validate the text of a params.yaml (``path`` names it in messages); see :func:`parse_parameter_file`."""
    raw = parameter_mapping(text, path)
    parameters: dict[str, Parameter] = {}
    for name, body in raw.items():
        if not isinstance(body, dict):
            raise ParameterError(f"{path}: {name}: expected a mapping with description, unit, values")
        try:
            parameters[name] = Parameter(name=name, **body)
        except (ValueError, TypeError) as exc:
            raise ParameterError(f"{path}: {name}: {exc}") from None
    return ParameterSet(benefit, parameters, path)


def parameter_files(rules_dir: Path | None = None) -> dict[str, Path]:
    """Every params.yaml under workbench/rules (or ``rules_dir``), keyed by benefit folder name."""
    return {p.parent.name: p for p in sorted((rules_dir or RULES_DIR).glob("*/params.yaml"))}


@lru_cache(maxsize=None)
def parameters(benefit: str) -> ParameterSet:
    """The (cached) parameter set of ``benefit``, e.g. ``parameters("elterngeld")``."""
    files = parameter_files()
    if benefit not in files:
        raise MissingParameter(f"no params.yaml for {benefit!r} under {RULES_DIR}")
    return parse_parameter_file(benefit, files[benefit])


def reload_parameters(benefit: str) -> ParameterSet:
    """Re-read ``benefit``'s params.yaml into the cached set, in place.

    Rules keep the set they got at import, so a saved edit must update that very object;
    the file is validated first and the set stays unchanged when it is invalid.
    """
    current = parameters(benefit)
    fresh = parse_parameter_file(benefit, current.path)
    current.parameters = fresh.parameters
    current._entries = {}
    return current


@contextmanager
def using_parameters(*replacements: ParameterSet) -> Iterator[None]:
    """Answer lookups of the replaced benefits from ``replacements`` inside the block only.

    The scope is a context variable: nested blocks stack, other threads and tasks are not
    affected, and leaving the block (also by an exception) restores the previous scope.
    """
    scope = dict(_SCOPE.get())
    for replacement in replacements:
        scope[replacement.benefit] = replacement
    token = _SCOPE.set(scope)
    try:
        yield
    finally:
        _SCOPE.reset(token)
