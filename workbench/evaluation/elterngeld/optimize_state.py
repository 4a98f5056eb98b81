"""What the optimizer's search walks with: the joint action of one Lebensmonat (:class:`Aktion`),
a tracked parent's income months counted as one int (:class:`Zaehler`, § 2 Abs. 3 BEEG) and the
plans found (:class:`Ergebnis`). The search itself is :mod:`.optimize_search`.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.evaluation.elterngeld.optimize_model import ElternteilModell
from workbench.rules.elterngeld.plan import BASIS, NONE


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


__all__ = ["Aktion", "Ergebnis", "Zaehler"]
