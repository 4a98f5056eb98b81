"""Compare and check parameter files: two dates, a reform against the law, every file valid.

Used by ``workbench params diff|check`` and the maintainer notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.errors import ParameterError
from workbench.maintenance.display import value_on
from workbench.maintenance.reformen import Reform, load_reform, reform_names
from workbench.parameters import ParameterSet, parameter_files, parse_parameter_file


@dataclass(frozen=True)
class ValueDiff:
    """A parameter whose value differs between two settings (None: no value there)."""

    benefit: str
    name: str
    before: Any | None
    after: Any | None


def official_sets(rules_dir: Path | None = None) -> dict[str, ParameterSet]:
    """Every benefit's official parameter set (freshly read, so a check sees the files as they are)."""
    return {b: parse_parameter_file(b, p) for b, p in parameter_files(rules_dir).items()}


def diff_dates(first: date, second: date, rules_dir: Path | None = None) -> list[ValueDiff]:
    """Every parameter whose value on ``second`` differs from its value on ``first``."""
    out: list[ValueDiff] = []
    for benefit, pset in official_sets(rules_dir).items():
        for name, param in pset.parameters.items():
            before, after = value_on(param, first), value_on(param, second)
            if before != after:
                out.append(ValueDiff(benefit, name, before, after))
    return out


def diff_reform(reform: Reform, on: date, rules_dir: Path | None = None) -> list[ValueDiff]:
    """Every parameter the reform changes, with the official and the reform value on ``on``."""
    official = official_sets(rules_dir)
    out: list[ValueDiff] = []
    for benefit, names in reform.changed.items():
        for name in names:
            old = official[benefit].parameters.get(name)
            out.append(ValueDiff(benefit, name, value_on(old, on) if old else None,
                                 value_on(reform.sets[benefit].parameters[name], on)))
    return out


def check_files(rules_dir: Path | None = None, reformen_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """Validate every params.yaml and every reform: (checked file names, problems)."""
    checked: list[str] = []
    problems: list[str] = []
    for benefit, path in parameter_files(rules_dir).items():
        try:
            parse_parameter_file(benefit, path)
            checked.append(str(path))
        except ParameterError as exc:
            problems.append(str(exc))
    if problems:  # reforms build on the official files: check them once those are valid
        return checked, problems
    for name in reform_names(reformen_dir):
        try:
            reform = load_reform(name, reformen_dir, rules_dir)
            checked += [str(p.path) for p in reform.sets.values()]
        except ParameterError as exc:
            problems.append(str(exc))
    return checked, problems
