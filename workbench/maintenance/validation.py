"""Plausibility of a new dated value before it enters a params.yaml.

Each check returns :class:`Problem` objects (a catalog key with its arguments, so the
notebook and the command line show them in German or English). Problems refuse the
value; warnings (:attr:`Problem.warning`) are shown next to the diff and do not.

Checks: a reference is given; the value has the parameter's type (a number, or a table
with the same keys as the value before); the number fits the unit (shares 0–1, percent
0–100, euros not negative and to the cent, counts whole); the period does not overlap
its neighbours. Warnings: a change of more than half, the same value again, and an
insertion that splits an existing period.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from workbench.errors import ParameterError
from workbench.i18n import text
from workbench.parameters import DatedValue, Parameter, load_yaml_text

EURO_UNITS = frozenset({"euro", "euro_per_month", "euro_per_year", "euro_per_day"})
WHOLE_UNITS = frozenset({"count", "months", "weeks", "years"})
BIG_CHANGE = Decimal("0.5")
MIN_REFERENCE = 5


@dataclass(frozen=True)
class Problem:
    """One finding about a proposed value: a catalog key and its arguments."""

    key: str
    args: Mapping[str, str] = field(default_factory=dict)
    warning: bool = False

    def text(self, language: str = "de") -> str:
        """The message in ``language``."""
        return text(self.key, language, **self.args)


def _number(raw: str) -> Decimal | None:
    """A number as a maintainer types it: ``400``, ``0,67``, ``0.67``, ``1800,00`` (no thousands marks)."""
    cleaned = raw.strip().replace("\u00a0", "").replace("€", "").replace("%", "").strip()
    if not re.fullmatch(r"-?\d+(?:[.,]\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return None


def parse_value(raw: object, unit: str) -> tuple[Any, list[Problem]]:
    """The value as it will be stored (Decimal, or a table), or the problems that stop it."""
    if unit == "table":
        if isinstance(raw, str):
            try:
                raw = load_yaml_text(raw)
            except (yaml.YAMLError, ParameterError):
                return None, [Problem("maint.problem.not_a_table", {"value": str(raw)})]
        if not isinstance(raw, (dict, list)) or not raw:
            return None, [Problem("maint.problem.not_a_table", {"value": str(raw)})]
        return raw, []
    if isinstance(raw, bool) or isinstance(raw, (dict, list)):
        return None, [Problem("maint.problem.not_a_number", {"value": str(raw)})]
    if isinstance(raw, (int, Decimal)):
        return Decimal(raw), []
    if isinstance(raw, float):  # never store a binary float: read its shortest text
        raw = repr(raw)
    if isinstance(raw, str):
        cleaned = raw.strip()
        if unit in EURO_UNITS and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", cleaned):
            return None, [Problem("maint.problem.thousands_mark", {"value": cleaned})]
        number = _number(cleaned)
        if number is not None:
            return number, []
    return None, [Problem("maint.problem.not_a_number", {"value": str(raw)})]


def _shape(value: Any) -> Any:
    """The structure of a table without its numbers (keys and nesting)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return "number" if isinstance(value, Decimal) else type(value).__name__


def _numbers(value: Any) -> list[Decimal]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [value] if isinstance(value, Decimal) else []


def check_unit(value: Any, unit: str, previous: Any | None) -> list[Problem]:
    """Whether ``value`` fits ``unit`` (and, for a table, the previous value's keys)."""
    if unit == "table":
        if previous is not None and _shape(value) != _shape(previous):
            return [Problem("maint.problem.table_shape", {"expected": _describe(previous), "got": _describe(value)})]
        return [Problem("maint.problem.negative", {"value": str(n)}) for n in _numbers(value) if n < 0][:1]
    shown = {"value": str(value)}
    if value < 0:
        return [Problem("maint.problem.negative", shown)]
    if unit == "share" and value > 1:
        return [Problem("maint.problem.share_range", shown)]
    if unit == "percent" and value > 100:
        return [Problem("maint.problem.percent_range", shown)]
    if unit in EURO_UNITS and value != value.quantize(Decimal("0.01")):
        return [Problem("maint.problem.cents", shown)]
    if unit in WHOLE_UNITS and value != value.to_integral_value():
        return [Problem("maint.problem.whole_number", shown | {"unit": unit})]
    if unit == "hours_per_week" and value > 168:
        return [Problem("maint.problem.hours_range", shown)]
    if unit == "factor" and value == 0:
        return [Problem("maint.problem.factor_zero", shown)]
    return []


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(str(k) for k in value) + "}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    return str(value)


def check_reference(reference: str) -> list[Problem]:
    """A value must name its legal source (BGBl., §, Bekanntmachung)."""
    if len(reference.strip()) < MIN_REFERENCE:
        return [Problem("maint.problem.reference_missing")]
    return []


def insertion_index(param: Parameter, valid_from: date) -> int:
    """Where a value from ``valid_from`` belongs among the ordered values."""
    return sum(1 for v in param.values if v.valid_from < valid_from)


def check_period(param: Parameter, valid_from: date, valid_until: date | None) -> list[Problem]:
    """The new period must not start on an existing date nor overlap its neighbours."""
    if valid_until is not None and valid_until < valid_from:
        return [Problem("maint.problem.until_before_from", {"valid_from": valid_from.isoformat(),
                                                             "valid_until": valid_until.isoformat()})]
    if any(v.valid_from == valid_from for v in param.values):
        return [Problem("maint.problem.same_date", {"valid_from": valid_from.isoformat(), "name": param.name})]
    index = insertion_index(param, valid_from)
    problems: list[Problem] = []
    if index > 0:
        before = param.values[index - 1]
        if before.valid_until is not None and before.valid_until >= valid_from:
            problems.append(Problem("maint.problem.overlap_before", {
                "valid_from": valid_from.isoformat(), "before_from": before.valid_from.isoformat(),
                "before_until": before.valid_until.isoformat()}))
    if index < len(param.values):
        after = param.values[index]
        if valid_until is None or valid_until >= after.valid_from:
            problems.append(Problem("maint.problem.overlap_after", {
                "after_from": after.valid_from.isoformat(),
                "last_day": (after.valid_from - timedelta(days=1)).isoformat()}))
    return problems


def warnings(param: Parameter, valid_from: date, value: Any) -> list[Problem]:
    """Findings that do not refuse the value but that the maintainer should confirm."""
    index = insertion_index(param, valid_from)
    if index == 0:
        return []
    before: DatedValue = param.values[index - 1]
    found: list[Problem] = []
    if value == before.value:
        found.append(Problem("maint.warning.unchanged", {"before_from": before.valid_from.isoformat()}, warning=True))
    elif isinstance(value, Decimal) and isinstance(before.value, Decimal) and before.value != 0:
        change = (value - before.value) / before.value
        if abs(change) > BIG_CHANGE:
            found.append(Problem("maint.warning.big_change", {
                "old": str(before.value), "new": str(value),
                "percent": str((change * 100).quantize(Decimal("1")))}, warning=True))
    if before.valid_until is None and index < len(param.values):
        found.append(Problem("maint.warning.splits_period", {"before_from": before.valid_from.isoformat()},
                             warning=True))
    return found


def check_new_value(param: Parameter, valid_from: date | None, valid_until: date | None,
                    raw_value: object, reference: str) -> tuple[Any, list[Problem]]:
    """The parsed value and every problem and warning for adding it to ``param``."""
    problems: list[Problem] = []
    if valid_from is None:
        problems.append(Problem("maint.problem.date_missing"))
    value, value_problems = parse_value(raw_value, param.unit)
    problems += value_problems
    if value is not None:
        problems += check_unit(value, param.unit, param.values[-1].value if param.values else None)
    problems += check_reference(reference)
    if valid_from is not None:
        problems += check_period(param, valid_from, valid_until)
        if value is not None and not problems:
            problems += warnings(param, valid_from, value)
    return value, problems
