"""Which state pays family benefits first when the family lives in Germany and a parent works in
another EU/EEA state or Switzerland: Regulation (EC) No 883/2004, Art. 67 and 68.

In plain words: a family gets family benefits from every state whose law covers a member, as if the
whole family lived there (Art. 67). When two states pay for the same child and period, the state
where a parent **works** comes before the state where the family only **lives** (Art. 68 Abs. 1
Buchst. a); when parents work in both states, the state where the children live comes first (Art. 68
Abs. 1 Buchst. b Ziff. i). The other state suspends its benefit up to the first one's amount and pays
the difference if its own is higher: in Germany the "Differenzkindergeld" (Art. 68 Abs. 2). For
children living in Germany the German difference is paid even when Germany's claim rests on residence
alone (the exception of Art. 68 Abs. 2 Satz 3 concerns children living in another state). An
application in either state counts for both (Art. 60 VO (EG) 987/2009).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from workbench.money import ZERO

Basis = Literal["beschaeftigung", "wohnort"]


@dataclass(frozen=True)
class Koordinierung:
    """The order of the states and what Germany pays."""

    foreign_state: str
    """The other state, as the family names it (``Schweden``)."""
    germany_basis: Basis
    foreign_basis: Basis
    germany_first: bool
    reason: str
    """Message key of the priority rule that decided (``zuzug.eu.*``)."""
    citation: str
    kindergeld_m: Decimal
    """German Kindergeld per child and month."""
    foreign_m: Decimal | None
    """The other state's family benefit per child and month in euros (None: not known)."""

    @property
    def difference_m(self) -> Decimal | None:
        """What Germany pays per child and month when it comes second: the Differenzkindergeld (Art. 68 Abs. 2)."""
        if self.germany_first:
            return self.kindergeld_m
        if self.foreign_m is None:
            return None
        return max(ZERO, self.kindergeld_m - self.foreign_m)


def rangfolge(foreign_state: str, works_in_germany: bool, kindergeld_m: Decimal,
              foreign_m: Decimal | None) -> Koordinierung:
    """The priority of Germany (where the children live) and ``foreign_state`` (where a parent works).

    Rechtsgrundlage: Art. 67, Art. 68 Abs. 1 Buchst. a, b Ziff. i, Abs. 2 VO (EG) 883/2004
    """
    if works_in_germany:  # employment in both states: the children's state of residence first
        return Koordinierung(foreign_state, "beschaeftigung", "beschaeftigung", True, "zuzug.eu.beide_arbeit",
                             "Art. 68 Abs. 1 Buchst. b Ziff. i VO (EG) 883/2004", kindergeld_m, foreign_m)
    return Koordinierung(foreign_state, "wohnort", "beschaeftigung", False, "zuzug.eu.arbeit_vor_wohnort",
                         "Art. 68 Abs. 1 Buchst. a, Abs. 2 VO (EG) 883/2004", kindergeld_m, foreign_m)


__all__ = ["Basis", "Koordinierung", "rangfolge"]
