"""Who in the household may receive Kindergeld for a child: the Obhutsprinzip (ADR 0032).

Kindergeld is paid for a child to one person only (§ 64 Abs. 1 EStG): to the one who has taken the child into
the household (§ 64 Abs. 2 Satz 1 EStG). Children are one's own children (adopted ones included, § 32 Abs. 1
Nr. 1 EStG), foster children (Pflegekinder, § 32 Abs. 1 Nr. 2 EStG; a child in Adoptionspflege is one until
the adoption) and the spouse's children taken into the household (§ 63 Abs. 1 Satz 1 Nr. 2 EStG); a registered
civil partner stands for a spouse (§ 2 Abs. 8 EStG). The partner of a parent without marriage is not entitled
for the parent's child. When the child lives in the common household of parents, of a parent and the parent's
spouse, or of foster parents, they determine among themselves who receives it (§ 64 Abs. 2 Satz 2 EStG);
without a determination the Familiengericht decides on request (§ 64 Abs. 2 Satz 3 EStG).
"""

from __future__ import annotations

from collections.abc import Sequence


def kindergeld_berechtigte(household: Sequence[str], legal: Sequence[str], married: bool,
                           placement: str | None) -> tuple[str, ...]:
    """The parents of the household (ids, in household order) who may receive Kindergeld for the child.

    ``legal``: the child's legal parents in the household; ``placement``: ``adoption``, ``adoption_care``,
    ``foster_care``, ``relatives`` or ``None``.
    Rechtsgrundlage: § 62 Abs. 1, § 63 Abs. 1 Satz 1 Nr. 1–3, § 64 Abs. 2 Satz 1 EStG, § 32 Abs. 1 EStG
    """
    if placement in ("adoption_care", "foster_care", "relatives"):
        # a Pflegekind of everyone who took it in (§ 32 Abs. 1 Nr. 2 EStG); a grandchild taken in by its
        # grandparents counts for them by § 63 Abs. 1 Satz 1 Nr. 3 EStG as well
        return tuple(household)
    own = [pid for pid in household if pid in legal]
    if married and own:
        return tuple(household)  # the spouse's child taken into the household (§ 63 Abs. 1 Satz 1 Nr. 2 EStG)
    return tuple(own)


def bestimmen_untereinander(berechtigte: Sequence[str]) -> bool:
    """Whether the household must say who receives the Kindergeld: more than one person is entitled.

    Rechtsgrundlage: § 64 Abs. 2 Satz 2, 3 EStG
    """
    return len(berechtigte) > 1


__all__ = ["bestimmen_untereinander", "kindergeld_berechtigte"]
