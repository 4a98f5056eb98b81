"""The optimizer's sentences, computed from the months of two plans, and the merging of equivalent plans.

- :func:`explain_rank`: why plan i ranks above the next one — per parent the months that differ, grouped
  by what the parent does in them in each plan (kind of Elterngeld and work), each group with what it is
  worth to the ranking's figure (household money or Elterngeld).
- :func:`family_key` / :func:`tie_sentence`: two plans with the same figure and the same months per kind
  and work of each parent differ only by an equivalent swap (the same months elsewhere); the optimizer
  shows one and says in one sentence which swap gives as much.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.i18n import format_money, text
from workbench.money import ZERO
from workbench.evaluation.elterngeld.arbeit import KIND_OF_CODE
from workbench.rules.elterngeld.plan import LEBENSMONATE, NONE
from workbench.rules.elterngeld.result import month_ranges

if TYPE_CHECKING:
    from workbench.evaluation.elterngeld.haushalt import Haushaltsgeld, Monatsgeld
    from workbench.evaluation.elterngeld.optimize import BewerteterPlan, Objective
    from workbench.evaluation.elterngeld.optimize_model import Modell


Muster = dict[str, list[tuple[str, str]]]
"""Per parent and Lebensmonat 1–32: (kind of Elterngeld, work) — what the family would notice of a plan."""


def muster(model: "Modell", months: dict[str, str]) -> Muster:
    """The plan's kinds and work per parent and month, from the household model's work rule (no engine)."""
    out: Muster = {}
    for p in model.parents:
        codes = months.get(p.pid, "").ljust(LEBENSMONATE, "-")
        out[p.pid] = [(KIND_OF_CODE[c], p.preise.arbeit.in_month(m, KIND_OF_CODE[c]).what)
                      for m, c in enumerate(codes, 1)]
    return out


def doing(kind: str, what: str, lang: str) -> str:
    """What a parent does in a month, in words: ``ElterngeldPlus und Teilzeit``, ``kein Elterngeld, Vollzeit``."""
    return text(f"optimize.doing.{'none' if kind == NONE else 'eg'}.{what}", lang, kind=text(f"art.{kind}", lang))


def family_key(m: Muster) -> tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]:
    """A plan apart from timing: per parent how many months of each (kind, work)."""
    out = []
    for pid, pattern in m.items():
        counts: dict[tuple[str, str], int] = {}
        for pair in pattern:
            counts[pair] = counts.get(pair, 0) + 1
        out.append((pid, tuple(sorted((k, w, n) for (k, w), n in counts.items()))))
    return tuple(out)


def tie_sentence(this: Muster, same: list[Muster], names: dict[str, str], lang: str, counted: bool = True) -> str:
    """One sentence: which plans bring exactly as much with the same months placed elsewhere."""
    swaps: list[str] = []
    for other in same:
        parts = []
        for pid, mine in this.items():
            theirs = other[pid]
            for pair in dict.fromkeys(p for p in theirs if p[0] != NONE):
                now = {m for m, p in enumerate(mine, 1) if p == pair}
                then = {m for m, p in enumerate(theirs, 1) if p == pair}
                if now != then:
                    parts.append(text("optimize.swap", lang, parent=names.get(pid, pid), what=doing(*pair, lang),
                                      months=month_ranges(sorted(then - now)), instead=month_ranges(sorted(now - then))))
        sentence = text("vgl.reason_join", lang).join(parts)
        if parts and sentence not in swaps:
            swaps.append(sentence)
    if not swaps:
        return ""
    shown = swaps[:2]
    more = len(same) - len(shown)
    if not counted:
        tail = text("optimize.tie_more_uncounted", lang)
    else:
        tail = text("optimize.tie_more", lang, count=more) if more > 0 else ""
    return text("optimize.tie", lang, swaps="; ".join(shown), more=tail)


def month_reasons(this: "Haushaltsgeld", other: "Haushaltsgeld", names: dict[str, str], figure: str, lang: str,
                  key: str = "optimize.reason") -> list[tuple[Decimal, str]]:
    """Per parent the months in which the two plans differ, grouped by what the parent does in them in
    each plan, with what the group is worth (``figure``: ``total`` household money or ``elterngeld``);
    largest first. Computed from the months of both plans, never a fixed phrase."""
    reasons = []
    for pid, mine in this.per_parent.items():
        theirs = other.per_parent[pid]
        groups: dict[tuple[str, str], list[tuple[Monatsgeld, Monatsgeld]]] = {}
        for g, h in zip(mine, theirs):
            if (g.kind, g.arbeit.what) != (h.kind, h.arbeit.what) or getattr(g, figure) != getattr(h, figure):
                groups.setdefault((doing(g.kind, g.arbeit.what, lang), doing(h.kind, h.arbeit.what, lang)), []).append((g, h))
        for (new, old), pairs in groups.items():
            delta = sum((getattr(g, figure) - getattr(h, figure) for g, h in pairs), ZERO)
            if delta == ZERO and new == old:
                continue
            used = key if new != old else key + "_same_kind"
            reasons.append((abs(delta), text(used, lang, parent=names.get(pid, pid), new=new, old=old,
                                             months=month_ranges([g.month for g, _ in pairs]),
                                             delta=_signed(delta, lang))))
    reasons.sort(key=lambda r: r[0], reverse=True)
    return reasons


def explain_rank(plans: list["BewerteterPlan"], i: int, objective: "Objective", lang: str) -> str:
    """Why plan i ranks above plan i + 1 (the runner-up), from the month figures of both."""
    def score(p: "BewerteterPlan") -> Decimal:
        return p.total if objective == "elterngeld" else p.household_income

    if i + 1 >= len(plans):
        if i == 0:
            return text("optimize.only", lang)
        return text("optimize.last", lang, diff=format_money(score(plans[0]) - score(plans[i]), lang))
    this, other = plans[i], plans[i + 1]
    names = {pid: res.name or pid for pid, res in this.result.parents.items()}
    figure = "elterngeld" if objective == "elterngeld" else "total"
    reasons = month_reasons(this.haushalt, other.haushalt, names, figure, lang)
    listed = "; ".join(r for _, r in reasons[:3]) or text("optimize.no_difference", lang)
    diff = score(this) - score(other)
    if diff == ZERO:
        return text("optimize.ties", lang, next=i + 2, reasons=listed)
    return text("optimize.beats", lang, diff=format_money(diff, lang), next=i + 2, reasons=listed)


def _signed(amount: Decimal, lang: str) -> str:
    return ("+" if amount >= 0 else "−") + format_money(abs(amount), lang)
