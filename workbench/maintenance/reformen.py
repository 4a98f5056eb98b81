"""Reform drafts (``reformen``): the maintainers' "what if" parameter sets, kept beside the official files.

A reform draft is a folder ``reformen/<name>/`` with one ``<benefit>.yaml`` per benefit it changes
(the folder: ``$WORKBENCH_REFORMEN``, else the package's ``workbench/reformen/``,
:func:`workbench.maintenance.paths.reformen_dir`). It is never mixed into the official files, and it
is not the draft of a case (a store draft, "Entwurf" in the case list).
Such a file holds only the parameters the proposal changes, in the format of params.yaml;
``description``, ``unit`` and ``date_basis`` may be left out and are then the official
ones. A reform's values of a parameter take over from its first ``valid_from``: official
values before that date stay (the last of them ends the day before), later official
values are replaced::

    # reformen/mindestbetrag-400/elterngeld.yaml
    basiselterngeld_mindestbetrag_m:
      values:
        - valid_from: 2026-01-01
          value: 400
          reference: "Reformvorschlag (kein geltendes Recht)"

:meth:`Reform.applied` evaluates code "with the reform" through
:func:`workbench.parameters.using_parameters`: only the code inside the ``with`` block,
in this thread, sees the reform values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any


from workbench.errors import InvalidValue, ParameterError
from workbench.maintenance.editing import official_parameters
from workbench.maintenance.paths import reformen_dir
from workbench.maintenance.validation import Problem
from workbench.parameters import (
    DatedValue, Parameter, ParameterSet, parameter_files, parameter_mapping, read_parameter_text, using_parameters,
)

REFORM_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Reform:
    """A reform proposal: for each benefit it changes, the official set with the reform applied."""

    name: str
    folder: Path
    sets: dict[str, ParameterSet]
    changed: dict[str, tuple[str, ...]]  # benefit -> names of the parameters the reform sets

    @contextmanager
    def applied(self) -> Iterator[None]:
        """Evaluate the code in the ``with`` block with the reform's values."""
        with using_parameters(*self.sets.values()):
            yield


def reform_names(folder: Path | None = None) -> list[str]:
    """The reforms in ``folder`` (default ``reformen/``), sorted."""
    root = folder or reformen_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def merge_parameter(official: Parameter | None, name: str, body: dict[str, Any], path: Path) -> Parameter:
    """The official parameter with the reform's values from the reform's first date on."""
    if not isinstance(body, dict) or "values" not in body:
        raise ParameterError(f"{path}: {name}: expected a mapping with values (and optional description, unit)")
    try:
        reform_values = [DatedValue(**v) for v in body["values"]]
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{path}: {name}: {exc}") from None
    if not reform_values:
        raise ParameterError(f"{path}: {name}: a reform parameter needs at least one value")
    start = reform_values[0].valid_from
    kept: list[DatedValue] = []
    if official is not None:
        for value in official.values:
            if value.valid_from >= start:
                break
            # an open-ended value ends where the next one starts (ADR 0019): only an explicit end after
            # the reform's start is cut back (capping every open value made the earlier ones overlap)
            if value.valid_until is not None and value.valid_until >= start:
                value = value.model_copy(update={"valid_until": start - timedelta(days=1)})
            kept.append(value)
    fields = {k: v for k, v in body.items() if k != "values"}
    if official is not None:
        fields = {"description": official.description, "unit": official.unit,
                  "date_basis": official.date_basis} | fields
    try:
        return Parameter(name=name, values=kept + reform_values, **fields)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{path}: {name}: {exc}") from None


def load_reform(name: str, folder: Path | None = None, rules_dir: Path | None = None) -> Reform:
    """Read and validate the reform ``name``; raise ParameterError naming the file and parameter."""
    root = folder or reformen_dir()
    if not REFORM_NAME.fullmatch(name) or not (root / name).is_dir():
        known = ", ".join(reform_names(root)) or "–"
        raise InvalidValue([Problem("reform.unknown", {"name": name, "folder": str(root), "known": known})])
    benefits = parameter_files(rules_dir)
    sets: dict[str, ParameterSet] = {}
    changed: dict[str, tuple[str, ...]] = {}
    for path in sorted((root / name).glob("*.yaml")):
        benefit = path.stem
        if benefit not in benefits:
            raise ParameterError(f"{path}: no benefit {benefit!r} (benefits: {', '.join(benefits)})")
        raw = parameter_mapping(read_parameter_text(path), path)
        if not raw:
            raise ParameterError(f"{path}: expected a mapping of parameter names")
        official = official_parameters(benefit, rules_dir)
        merged = {n: merge_parameter(official.parameters.get(n), n, body, path) for n, body in raw.items()}
        sets[benefit] = ParameterSet(benefit, official.parameters | merged, path)
        changed[benefit] = tuple(merged)
    return Reform(name, root / name, sets, changed)
