"""The counts of a tracked parent's income months (§ 2 Abs. 3 BEEG) for the optimizer's search.

When a parent's income months after the birth have different grosses, what one of them pays depends
on which other months carry income of the same kind (see :mod:`optimize_model`). The search then
counts them per income class and kind in one int, a :class:`Zaehler`, and prices the counts once
the plan is complete.
"""

from __future__ import annotations

from workbench.rules.elterngeld.optimize_model import ElternteilModell
from workbench.rules.elterngeld.plan import BASIS, NONE


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
