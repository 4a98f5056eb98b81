"""The household model's work as the income tax sees it, and the household figure after tax (issue 22 item 5).

:func:`arbeit_aus_haushalt` turns each parent's work per Lebensmonat of the household model
(:class:`~workbench.evaluation.elterngeld.arbeit.Arbeitsplan`, as printed in ``Haushaltsgeld.per_parent``)
into steuer's :data:`~workbench.evaluation.steuer.jahre.Arbeit`: gross wages per calendar month. So the
Progressionsvorbehalt and the Nachzahlung are estimated on exactly the work the household figure counts,
not on steuer's own default pattern (ADR 0029, addendum).

:func:`mit_steuer` fills ``Haushaltsgeld.after_tax`` of a plan: the household figure minus the years'
estimated Nachzahlung (:func:`~workbench.evaluation.steuer.haushalt_nach_steuern`). Every place that
shows a plan's household figure (comparison, ``workbench compare``, handout, the optimizer's after-tax
objective) calls it, so the figure is the same everywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.aufnahme import plan_start
from workbench.evaluation.steuer.jahre import (
    CalendarMonth, per_calendar_month, schutzfrist, pre_birth_gross, zeitraum,
)
from workbench.money import ZERO
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elterngeld.plan import LEBENSMONATE

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.elterngeld.haushalt import Haushaltsgeld
    from workbench.evaluation.elterngeld.optimize import BewerteterPlan


def gross_per_lebensmonat(case: "Case", haushalt: "Haushaltsgeld", pid: str) -> list[Decimal]:
    """One parent's gross wages in Lebensmonate 1–32 under the household model.

    Part-time or entered work: its stated gross. Full-time work: the pre-birth gross
    (:func:`~workbench.evaluation.steuer.jahre.pre_birth_gross`) — the household model counts the net of
    that gross, or the net a work wish states (``full_time_net``), for which the case has no gross: the tax
    then sees the pre-birth gross (docs/steuer.md). No work (at home, Mutterschutz): nothing.
    """
    parent = next(p for p in case.household.parents if p.id == pid)
    full = pre_birth_gross(parent)
    out = []
    for g in haushalt.per_parent[pid]:
        what = g.arbeit.what
        out.append(full if what == "full_time" else g.arbeit.gross if what in ("part_time", "entered") else ZERO)
    return out


def arbeit_aus_haushalt(case: "Case", haushalt: "Haushaltsgeld") -> dict[str, dict[CalendarMonth, Decimal]]:
    """Gross wages per parent and calendar month for the plan of ``haushalt`` (steuer's ``Arbeit``).

    A Lebensmonat runs from a day of one calendar month to the day before in the next (§ 4 Abs. 1 BEEG),
    so its gross is split by days, as steuer does for its default pattern: each calendar day of the
    Lebensmonat carries the Lebensmonat's monthly gross divided by the number of days of *its calendar
    month*, and a calendar month's wages are the sum over its days (rounded to the cent). Example: a
    Lebensmonat 15 March – 14 April with 2,000 € gross puts 17/31 × 2,000 € = 1,096.77 € into March and
    14/30 × 2,000 € = 933.33 € into April.

    Outside Lebensmonate 1–32 (the months of the tax years before the birth and after Lebensmonat 32)
    the pattern is steuer's default: the pre-birth gross, nothing in the days of the Schutzfrist
    (§ 3 MuSchG) before the birth.

    The calendar months run from January of the year the Mutterschutz (or the birth) starts to December
    of the year Lebensmonat 32 ends — the span of the household figure, the same for every plan. (steuer's
    default ends with the plan's last Lebensmonat; a plan reaching into one more year would then be
    assessed over one more year, and a year of wages alone carries its own refund or Nachzahlung, e.g. the
    splitting refund of Steuerklassen IV/IV — no fair ranking.)
    """
    birth = plan_start(case)  # an adopted child's Lebensmonate count from its taking in (ADR 0032)
    lms = lebensmonate(birth, LEBENSMONATE)
    start, _ = zeitraum(case)
    out: dict[str, dict[CalendarMonth, Decimal]] = {}
    for parent in case.household.parents:
        full = pre_birth_gross(parent)
        schutz = schutzfrist(case, parent)
        per_lm = gross_per_lebensmonat(case, haushalt, parent.id) if parent.id in haushalt.per_parent else None

        def gross_on(day: date, full: Decimal = full, schutz: tuple[date, date] | None = schutz,
                     per_lm: list[Decimal] | None = per_lm) -> Decimal:
            if day < birth or day > lms[-1].end or per_lm is None:
                return ZERO if schutz is not None and schutz[0] <= day <= schutz[1] else full
            month = next(lm.number for lm in lms if lm.start <= day <= lm.end)
            return per_lm[month - 1]

        out[parent.id] = per_calendar_month(gross_on, date(start.year, 1, 1), date(lms[-1].end.year, 12, 31))
    return out


def nach_steuern(case: "Case", haushalt: "Haushaltsgeld") -> Decimal:
    """The household figure of the plan after the estimated income-tax assessment of its years (§ 32b EStG).

    The case is taken with the plan's months (the tax years end with the plan's last Lebensmonat).
    An estimate shown apart: tax years after the newest tariff do not make the plan "vorläufig"
    (the tax block names them itself).
    """
    from workbench.evaluation.elterngeld.optimize import with_plan
    from workbench.evaluation.steuer import haushalt_nach_steuern
    from workbench.parameter_tracking import untracked

    trial = with_plan(case, haushalt.months)
    with untracked():
        return haushalt_nach_steuern(haushalt.total, trial, haushalt.result, arbeit_aus_haushalt(trial, haushalt))


def mit_steuer(case: "Case", plan: "BewerteterPlan") -> "BewerteterPlan":
    """Fill ``plan.haushalt.after_tax`` (once) with :func:`nach_steuern`; returns the plan."""
    h = plan.haushalt
    if h.after_tax is None:
        h.after_tax = nach_steuern(case, h)
    return plan
