"""Compare and check parameter files: two dates, a draft against the law, every file valid.

Used by ``workbench params diff|check`` and the maintainer notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.errors import ParameterError
from workbench.maintenance.display import value_on
from workbench.maintenance.drafts import Draft, draft_names, load_draft
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


def diff_draft(draft: Draft, on: date, rules_dir: Path | None = None) -> list[ValueDiff]:
    """Every parameter the draft changes, with the official and the draft value on ``on``."""
    official = official_sets(rules_dir)
    out: list[ValueDiff] = []
    for benefit, names in draft.changed.items():
        for name in names:
            old = official[benefit].parameters.get(name)
            out.append(ValueDiff(benefit, name, value_on(old, on) if old else None,
                                 value_on(draft.sets[benefit].parameters[name], on)))
    return out


def check_files(rules_dir: Path | None = None, drafts_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """Validate every params.yaml and every draft: (checked file names, problems)."""
    checked: list[str] = []
    problems: list[str] = []
    for benefit, path in parameter_files(rules_dir).items():
        try:
            parse_parameter_file(benefit, path)
            checked.append(str(path))
        except ParameterError as exc:
            problems.append(str(exc))
    if problems:  # drafts build on the official files: check them once those are valid
        return checked, problems
    for name in draft_names(drafts_dir):
        try:
            draft = load_draft(name, drafts_dir, rules_dir)
            checked += [str(p.path) for p in draft.sets.values()]
        except ParameterError as exc:
            problems.append(str(exc))
    return checked, problems
