"""How many kernels wait heated for each page: Voilà's preheat pools from the office's number of advisors.

A page whose kernel waits in a pool opens in about a second: its notebook (the imports, the
page) already ran. A page without one starts a kernel and runs its notebook after the click:
4–21 s on the office's two cores (issue 23). Every served page therefore gets a pool, sized
from ``WorkbenchVoila.advisors`` in ``voila.json`` (docs/deploy.md, ADR 0031):

- the start page: one kernel per three advisors (every consultation opens it first; a pool
  only has to bridge the few seconds until Voilà has heated the next kernel);
- the Elterngeld wizard, the one most consultations use: one per five advisors;
- every other page: one.

Each waiting kernel costs its memory (about 50 MiB, Formulare 80; ADR 0033) all day; seven advisors and the ten pages
of today give 3 + 2 + 8 = 13 kernels. ``advisors`` 0 keeps ``kernel_pools_config`` of
``voila.json`` as written (what plain ``voila`` uses).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

__all__ = ["ADVISORS_PER_KERNEL", "pool_sizes", "served_notebooks"]

START = "start.ipynb"
ADVISORS_PER_KERNEL = {START: 3, "elterngeld.ipynb": 5}
"""Advisors sharing one heated kernel of these pages; every other page has one kernel."""


def pool_sizes(advisors: int, notebooks: Iterable[str]) -> dict[str, dict[str, int]]:
    """Voilà's ``kernel_pools_config`` for ``advisors`` advisors and the served ``notebooks`` (names)."""
    config: dict[str, dict[str, int]] = {"default": {"pool_size": 0}}
    for name in sorted(notebooks):
        share = ADVISORS_PER_KERNEL.get(name)
        config[name] = {"pool_size": max(1, math.ceil(advisors / share)) if share else 1}
    return config


def served_notebooks(root: Path) -> list[str]:
    """The pages a server of ``root`` serves: the notebooks lying directly in it (not hidden)."""
    return sorted(p.name for p in root.glob("*.ipynb") if not p.name.startswith("."))
