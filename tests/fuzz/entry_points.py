"""The rules the fuzz tests drive with generated cases (tests/test_fuzz.py, docs/store.md "Fuzzing").

To fuzz a new rule, add one ``Entry`` to ``RULES``: a name, a function of a loaded ``Case`` that
computes everything a user could see (call ``to_json()``/``explain()`` so the whole result is
built), how many generated cases it gets per run, and ``small=True`` if its time grows with the case. The function may raise a
``WorkbenchError`` with a message (a case the rule cannot compute, e.g. a birth outside the
modelled years); any other exception is a failure. Keep the total time in mind: the fuzz tests
together stay under about three minutes on a busy two-core machine (``WORKBENCH_FUZZ_SCALE=10``
runs ten times as many locally).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.case import Case


@dataclass(frozen=True)
class Entry:
    """One rule entry point: what it is called, how to run it on a case, cases per CI run."""

    name: str
    run: Callable[["Case"], object]
    examples: int
    small: bool = False  # cases with at most one range of income after the birth per parent (optimizer)


def _elterngeld(case: "Case") -> object:
    from workbench.evaluation.elterngeld.engine import compute_elterngeld

    result = compute_elterngeld(case)
    return result.to_json(), result.explain(case.language)


def _optimize(case: "Case") -> object:
    from workbench.evaluation.elterngeld.optimize import optimize

    return optimize(case, top=2).to_json()


def _compare(case: "Case") -> object:
    from workbench.evaluation.elterngeld.compare import compare_plans, standard_plans

    result = compare_plans(case, standard_plans(case))
    return result.to_json(), result.table()


def _variants(case: "Case") -> object:
    from workbench.evaluation.elterngeld.variants import ready_variants

    return [(v.name("de"), v.name("en")) for v in ready_variants(case)]


def _handout(case: "Case") -> object:
    from workbench.report import handout_pdf

    return handout_pdf(case, case.language)


RULES: list[Entry] = [
    Entry("elterngeld", _elterngeld, 5800),
    Entry("optimize", _optimize, 120, small=True),
    Entry("compare", _compare, 30, small=True),
    Entry("variants", _variants, 80, small=True),
    Entry("handout", _handout, 20, small=True),
]
