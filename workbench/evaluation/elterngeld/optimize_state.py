"""What the optimizer's search walks with: the joint action of one Lebensmonat (:class:`Aktion`),
a tracked parent's income months counted as one int (:class:`Zaehler`, § 2 Abs. 3 BEEG) and the
plans found (:class:`Ergebnis`), and the best-first walk over the plans (:class:`Walk`). The search itself
is :mod:`.optimize_search`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.optimize_model import ElternteilModell
from workbench.rules.elterngeld.plan import BASIS, LEBENSMONATE, NONE

if TYPE_CHECKING:
    from workbench.evaluation.elterngeld.optimize_search import State, Suche

NEG = -(10 ** 15)
END = LEBENSMONATE + 1


@dataclass(frozen=True)
class Aktion:
    """The kinds of both parents in one Lebensmonat, with what it pays and uses."""

    a: str
    b: str
    cents: int
    ua: int
    ub: int
    both_basis: bool
    bonus: bool
    takes_a: bool
    takes_b: bool
    da: int               # what the month adds to the tracked counts of A (0 when not tracked)
    db: int
    household_ok: bool    # the minimum household income holds (or cannot be known in the month)
    household_deferred: bool


@dataclass
class Ergebnis:
    """Plans best first: (total in cents of the search objective, months per parent)."""

    plans: list[tuple[int, dict[str, str]]]
    states: int
    complete: bool = True   # False when the candidate limit stopped a search with checks at the end


class Zaehler:
    """A tracked parent's income months per class and kind as one int (mixed radix: one digit per
    class and kind, each digit at most the class's number of months, so sums never carry), and their
    price once the plan is complete, memoised per count (§ 2 Abs. 3 BEEG)."""

    def __init__(self, parent: ElternteilModell | None) -> None:
        self.parent = parent
        classes = parent.classes if parent is not None else []
        self.sizes = [len(ms) for _, _, ms in classes] * 2
        self.weights: list[int] = []
        weight = 1
        for size in self.sizes:
            self.weights.append(weight)
            weight *= size + 1
        self.last = max((m for _, _, ms in classes for m in ms), default=0)
        """The last month that can add to the counts; from the month after it they are final."""
        self._prices: dict[int, int] = {0: 0}

    def unit(self, month: int, kind: str) -> int:
        """What a month of this kind adds to the counts (0 for a month that is not tracked)."""
        p = self.parent
        if p is None or kind == NONE or month not in p.tracked_class:
            return 0
        index = p.tracked_class[month] + (0 if kind == BASIS else len(p.classes))
        return self.weights[index]

    def counts(self, t: int) -> tuple[int, ...]:
        return tuple((t // w) % (size + 1) for w, size in zip(self.weights, self.sizes))

    def price(self, t: int) -> int:
        """Cents of the tracked income months counted in ``t``, with the engine's average."""
        got = self._prices.get(t)
        if got is None:
            assert self.parent is not None
            got = self._prices[t] = self.parent.income_cents(self.counts(t))
        return got

    def combinations(self, months: int) -> int:
        """How many (Basis, Plus) counts ``months`` months of one class can give: b + p <= months."""
        return (months + 1) * (months + 2) // 2

    def spread(self, before: int) -> tuple[int, int]:
        """Count combinations of the months before ``before`` and of those from it on (a size estimate)."""
        past = future = 1
        if self.parent is not None:
            for _, _, ms in self.parent.classes:
                n = sum(1 for m in ms if m < before)
                past *= self.combinations(n)
                future *= self.combinations(len(ms) - n)
        return past, future


class Walk:
    """The best-first walk of :meth:`Suche.walk`: an iterator of (total in cents, months), best first.

    ``exhausted`` is True once every legal plan was returned (not when ``max_pops`` stopped the walk)."""

    def __init__(self, search: "Suche", max_pops: int) -> None:
        self.s = search
        self.max_pops = max_pops
        self.exhausted = False
        root = search.root()
        v0 = search.value(1, root)
        self.heap: list[tuple[int, int, int, int, "State", int, tuple[Aktion, ...]]] = []
        if v0 > NEG:
            self.heap.append((-v0, -1, 0, 1, root, 0, ()))
        self.counter = 0
        self.pops = 0

    def __iter__(self) -> "Walk":
        return self

    def __next__(self) -> tuple[int, dict[str, str]]:
        s, heap = self.s, self.heap
        while heap and self.pops < self.max_pops:
            _, _, _, m, state, g, path = heapq.heappop(heap)
            self.pops += 1
            if m == END:
                months = s.months(path)
                if s.accept is None or s.accept(months):
                    return g + s.terminal(state), months
                continue
            for x in s.actions[m]:
                nxt = s.step(m, state, x)
                if nxt is None:
                    continue
                v = s.value(nxt[0], nxt[1])
                if v <= NEG:
                    continue
                self.counter += 1
                heapq.heappush(heap, (-(g + x.cents + v), -nxt[0], self.counter, nxt[0], nxt[1], g + x.cents, path + (x,)))
        self.exhausted = not heap
        raise StopIteration


__all__ = ["END", "NEG", "Aktion", "Ergebnis", "Walk", "Zaehler"]
