"""The top N of the optimizer: a best-first walk over the plans, with the search's value as exact bound.

The dynamic programme (:class:`~workbench.rules.elterngeld.optimize_search.Suche`) knows for every
month and state the best total of the months still to come. Walking the plans best first with that
value as the bound, every plan popped complete is the next best one, so the first N complete plans
are the top N, each a distinct sequence of months.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

from workbench.rules.elterngeld.optimize_aktionen import Aktion
from workbench.rules.elterngeld.optimize_model import CODE
from workbench.rules.elterngeld.optimize_search import END, NEG, State, Suche


@dataclass
class Ergebnis:
    """Plans best first: (total in cents of the search objective, months per parent)."""

    plans: list[tuple[int, dict[str, str]]]
    states: int
    complete: bool = True   # False when the candidate limit stopped a search with checks at the end


def beste_plaene(search: Suche, top: int, accept: Callable[[dict[str, str]], bool] | None = None,
                 max_pops: int = 20_000) -> Ergebnis:
    """The ``top`` best plans, best first, each a distinct sequence of months; ``accept`` checks a
    complete plan where a rule can only be checked on the whole plan."""
    root = search.root()
    v0 = search.value(1, root)
    plans: list[tuple[int, dict[str, str]]] = []
    if v0 <= NEG:
        return Ergebnis(plans, search.states())
    counter = 0
    heap: list[tuple[int, int, int, int, State, int, tuple[Aktion, ...]]] = [(-v0, -1, 0, 1, root, 0, ())]
    pops = 0
    while heap and len(plans) < top and pops < max_pops:
        _, _, _, m, s, g, path = heapq.heappop(heap)
        pops += 1
        if m == END:
            months = plan_months(search, path)
            if accept is None or accept(months):
                plans.append((g + search.terminal(s), months))
            continue
        for x in search.actions[m]:
            nxt = search.step(m, s, x)
            if nxt is None:
                continue
            v = search.value(nxt[0], nxt[1])
            if v <= NEG:
                continue
            counter += 1
            heapq.heappush(heap, (-(g + x.cents + v), -nxt[0], counter, nxt[0], nxt[1], g + x.cents, path + (x,)))
    return Ergebnis(plans, search.states(), complete=len(plans) >= top or not heap)


def plan_months(search: Suche, path: tuple[Aktion, ...]) -> dict[str, str]:
    """The plan as case-format strings, trailing months without Elterngeld left out."""
    out = {search.pa.pid: "".join(CODE[x.a] for x in path).rstrip("-")}
    if search.pb is not None:
        out[search.pb.pid] = "".join(CODE[x.b] for x in path).rstrip("-")
    return out
