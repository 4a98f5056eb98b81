"""The household's money per Lebensmonat for one Elterngeld plan: one model for the planner, the
comparison, the optimizer and the handout (ADR 0028).

Per parent and Lebensmonat 1–32:

- **Elterngeld** as the engine computes it (:func:`compute_elterngeld`, with the part-time work the
  family's wish gives the plan, :func:`arbeit.with_work`), plus in a Lebensmonat only partly covered by
  Mutterschutz the Elterngeld of its uncovered days (§ 3 Abs. 1 Satz 2 BEEG, :mod:`.mutterschaft`);
- **Mutterschaftsleistungen**: Mutterschaftsgeld of the Krankenkasse (13 € a day at most) and the
  employer's top-up for the days of the protection period from the birth (§ 24i SGB V, §§ 19, 20 MuSchG);
- **pay from work**: part-time, full-time or none (:class:`arbeit.Arbeitsplan`).

Kindergeld for the child(ren) of the plan is shown apart (the same for every plan). ``after_tax`` is the
household figure after the estimated income tax of the plan's calendar years (Progressionsvorbehalt,
§ 32b EStG): ``None`` until :func:`workbench.evaluation.steuer.aus_haushalt.mit_steuer` fills it (the
comparison, ``workbench compare``, the handout and the objective ``household_after_tax`` do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.evaluation.elterngeld.arbeit import KIND_OF_CODE, Arbeit, with_work
from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.money import ZERO, as_json_number
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import BASIS, LEBENSMONATE
from workbench.rules.elterngeld.result import ElterngeldResult
from workbench.parameter_tracking import untracked
from workbench.rules.leistungen.kindergeld import betrag_fuer_kind

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.elterngeld.optimize_model import Modell


@dataclass(frozen=True)
class Monatsgeld:
    """One parent's money in one Lebensmonat."""

    month: int
    kind: str
    elterngeld: Decimal        # the engine's amount plus ``teilmonat``
    teilmonat: Decimal         # of which: Elterngeld of the uncovered days of a partly covered month
    mutterschaft: Decimal      # Mutterschaftsgeld and the employer's top-up
    arbeit: Arbeit

    @property
    def total(self) -> Decimal:
        return self.elterngeld + self.mutterschaft + self.arbeit.net


@dataclass
class Haushaltsgeld:
    """The household's money per parent and Lebensmonat for one plan."""

    months: dict[str, str]
    result: ElterngeldResult
    per_parent: dict[str, list[Monatsgeld]]
    kindergeld: list[Decimal]                  # per Lebensmonat, shown apart
    after_tax: Decimal | None = None           # the total after the income-tax estimate (§ 32b EStG), steuer.aus_haushalt
    notes: list[str] = field(default_factory=list)

    def column(self, pid: str, what: str) -> list[Decimal]:
        """One figure of a parent for Lebensmonate 1–32: ``elterngeld``, ``mutterschaft``, ``arbeit`` or ``total``."""
        if what == "arbeit":
            return [g.arbeit.net for g in self.per_parent[pid]]
        return [getattr(g, what) for g in self.per_parent[pid]]

    def parent_total(self, pid: str, what: str = "total") -> Decimal:
        return sum(self.column(pid, what), ZERO)

    def sum_of(self, what: str) -> Decimal:
        return sum((self.parent_total(pid, what) for pid in self.per_parent), ZERO)

    @property
    def elterngeld(self) -> Decimal:
        """Elterngeld of both parents, the uncovered days of a partly covered Mutterschutz month included."""
        return self.sum_of("elterngeld")

    @property
    def total(self) -> Decimal:
        """Elterngeld, Mutterschaftsleistungen and pay from work, Lebensmonate 1–32 (Kindergeld apart)."""
        return self.sum_of("total")

    def month_total(self, m: int) -> Decimal:
        return sum((g[m - 1].total for g in self.per_parent.values()), ZERO)

    def to_json(self) -> dict[str, Any]:
        return {"total": as_json_number(self.total), "elterngeld": as_json_number(self.elterngeld),
                "mutterschaftsleistungen": as_json_number(self.sum_of("mutterschaft")),
                "work_net": as_json_number(self.sum_of("arbeit")),
                "kindergeld": as_json_number(sum(self.kindergeld, ZERO)),
                "after_tax": as_json_number(self.after_tax) if self.after_tax is not None else None,
                "per_parent": {pid: [{"month": g.month, "kind": g.kind, "elterngeld": as_json_number(g.elterngeld),
                                      "mutterschaftsleistungen": as_json_number(g.mutterschaft),
                                      "work": g.arbeit.what, "work_net": as_json_number(g.arbeit.net)}
                                     for g in gs] for pid, gs in self.per_parent.items()}}


def kindergeld_per_month(case: "Case") -> list[Decimal]:
    """Kindergeld for the plan's child(ren) per Lebensmonat, by the amount on the month's first day.

    Context beside the household's money, not part of it: later years' amounts not entered yet do not
    make the plan "vorläufig" (:func:`workbench.parameter_tracking.untracked`).
    Rechtsgrundlage: § 66 Abs. 1 EStG
    """
    child = case.plan_child()
    first = len(case.older_children()) + 1
    with untracked():
        return [sum((betrag_fuer_kind(first + i, lm.start) for i in range(case.household.birth_size(child))), ZERO)
                for lm in lebensmonate(plan_start(case), LEBENSMONATE)]


def haushaltsgeld(case: "Case", months: dict[str, str], model: "Modell | None" = None) -> Haushaltsgeld:
    """The household's money per Lebensmonat for the plan ``months`` (see the module docstring)."""
    from workbench.evaluation.elterngeld.optimize import with_plan
    from workbench.evaluation.elterngeld.optimize_model import build_model

    model = model or build_model(case)
    result = compute_elterngeld(with_plan(with_work(case, months), months))
    per_parent: dict[str, list[Monatsgeld]] = {}
    for p in model.parents:
        pr = p.preise
        codes = months.get(p.pid, "").ljust(LEBENSMONATE, "-")
        paid = {mb.month: mb.amount for mb in result.parents[p.pid].months}
        out = []
        for m in range(1, LEBENSMONATE + 1):
            kind = KIND_OF_CODE[codes[m - 1]]
            part = ZERO
            if kind == BASIS and m in pr.maternity:
                part = pr.schutz.teilmonat(m, pr.voll(m, False, ZERO))
            work = pr.arbeit.in_month(m, kind)
            out.append(Monatsgeld(m, kind, paid.get(m, ZERO) + part, part, pr.schutz.in_month(m), work))
        per_parent[p.pid] = out
    return Haushaltsgeld(months, result, per_parent, kindergeld_per_month(case))
