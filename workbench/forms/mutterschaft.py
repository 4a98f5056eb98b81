"""The mother's Mutterschaftsleistungen as the Elterngeld forms ask them (federal 10., NRW 2.7.2/2.8.1, 3.7.2/3.8.1).

Computed sources ``=maternity.{what}`` (the biological mother's, federal section 10: "Fragen an die leibliche
Mutter … müssen immer beantwortet werden") and ``=maternity.{what}.{parent}`` (that parent's own: nothing for a
parent who is not the mother, e.g. the father's Formular). ``what``:

- ``kasse`` / ``zuschuss``: Mutterschaftsgeld of the statutory health insurance (§ 24i SGB V) / the employer's
  Zuschuss (§ 20 MuSchG), as :func:`workbench.rules.mutterschutz.mutterschaftsgeld` pays them for the case's
  ``mutterschutz`` data; without those data a parent's ``maternity_benefit`` ("Mutterschaftsgeld und
  Arbeitgeberzuschuss nach der Geburt") stands for both;
- ``kasse_from`` / ``kasse_until``, ``zuschuss_from`` …: the days after the birth the benefit is paid for, the
  day of birth to the end of the protection period (§ 3 Abs. 2 MuSchG, :func:`workbench.evaluation.elterngeld.engine.mutterschutz_fristen`) — the days
  § 3 Abs. 1 Satz 1 Nr. 1 BEEG credits against Elterngeld;
- ``before_from`` / ``before_until``: the protection period before the birth (§ 3 Abs. 1 MuSchG), a month that
  § 2b Abs. 1 Satz 1 Nr. 2 BEEG skips (NRW 2.7.2 "Monate mit Verschiebetatbeständen"), from its first day to the
  day before the birth (:attr:`~workbench.rules.mutterschutz.schutzfristen.Schutzfristen.vor_geburt_ende`): the day of birth is paid as its own day ("für die letzten sechs Wochen vor der
  Entbindung, den Entbindungstag und …", § 24i Abs. 3 Satz 1 SGB V) and belongs to the time "ab dem Tag der Geburt"
  that § 3 Abs. 1 Satz 1 Nr. 1 BEEG credits — the NRW form asks it under 2.8.1 "Angaben für die Zeit nach Geburt";
  none when the child came before the protection period began;
- ``none``: the mother of the household gets none of them ("Ich habe keinen Anspruch auf Mutterschaftsleistungen").

Who the mother is comes from the case, never from the order of the parents: the ``mutterschutz`` data's
``mother`` (for this birth), else the parent with ``maternity_benefit``, else the one who ``gives_birth``.

Checked against the blanks' own text (issue 18, helper "forms8", 2026-12-07; ``pdftotext -layout``): federal section
10 is headed "Nach der Geburt: Mutterschaftsleistungen", asks per benefit "Ich habe Anspruch auf … von … bis" and
no amount (the Krankenkasse's certificate or the consent to fetch it, § 203 Abs. 1 SGB V, carries the period and the
amount; the consent is the mother's to tick, never pre-ticked here) — so the days from the birth to the end of the
protection period, the days § 3 Abs. 1 Satz 1 Nr. 1 BEEG credits. The NRW form's notes ("Anlagen für den Zeitraum
nach Geburt des Kindes … 2.8.1 … Bescheinigung der gesetzlichen Krankenkasse über den Beginn, das Ende sowie die
kalendertägliche Höhe"; "2.7.2 Angaben zu Monaten vor Geburt des Kindes mit Verschiebetatbeständen") ask 2.8.1 as
ticks only and 2.7.2 for the time before the birth. No BMFSFJ or Elterngeldstelle guidance beyond the blanks was found
(search, 2026-12-07): the reading of "von … bis" in section 10 as "from the birth" rests on its heading and on § 3 BEEG.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.case import Case, Child


@dataclass(frozen=True)
class Leistungen:
    """The mother's Mutterschaftsleistungen for one birth."""

    mother: str
    kasse: bool
    zuschuss: bool
    fristen_from: date
    fristen_until: date
    before_from: date
    before_until: date

    @property
    def none(self) -> bool:
        return not (self.kasse or self.zuschuss)


def leistungen(case: Case, child: Child) -> Leistungen | None:
    """The Mutterschaftsleistungen of the household's mother for the birth of ``child``; None when the case names
    no mother (a father alone, a child taken in: § 3 MuSchG protects the woman who gave birth)."""
    from workbench.evaluation.elterngeld.engine import mutterschutz_fristen
    from workbench.rules.mutterschutz.mutterschaftsgeld import mutterschaftsgeld

    if child.placement is not None:
        return None
    birth_ids = {c.id for c in case.household.birth_of(child)}
    ms = case.mutterschutz if case.mutterschutz is not None and case.mutterschutz.child in birth_ids else None
    parents = case.household.parents
    if ms is not None and ms.miscarriage is None:
        mother = ms.mother
        fristen = mutterschutz_fristen(case, child, mother=mother)
        geld = mutterschaftsgeld(fristen, ms.employment, ms.insurance, ms.net_last_3_months,
                                 festes_gehalt=ms.fixed_salary, krankengeldanspruch=ms.sick_pay_entitlement)
        kasse, zuschuss = geld.kasse_gesamt > Decimal(0), geld.zuschuss_gesamt > Decimal(0)
    else:
        who = next((p for p in parents if p.maternity_benefit), None) or next((p for p in parents if p.gives_birth), None)
        if who is None:
            return None
        mother, fristen = who.id, mutterschutz_fristen(case, child)
        kasse = zuschuss = who.maternity_benefit
    if mother not in {p.id for p in parents}:
        return None
    # the rule's last day before the birth: the day of birth is "nach der Geburt" (§ 3 MuSchG, § 24i Abs. 3 SGB V)
    return Leistungen(mother, kasse, zuschuss, fristen.geburt, fristen.ende, fristen.beginn, fristen.vor_geburt_ende)


def value(case: Case, child: Child, what: str, parent_id: str | None) -> bool | str | None:
    """One ``=maternity.…`` source: a tick (True/None) or an ISO date; ``parent_id`` for that parent's own answer."""
    found = leistungen(case, child)
    if found is None or parent_id is not None and parent_id != found.mother:
        return None
    if what in ("kasse", "zuschuss", "none"):
        return True if getattr(found, what) else None
    benefit, _, end = what.rpartition("_")
    if benefit == "before" and found.none or benefit in ("kasse", "zuschuss") and not getattr(found, benefit):
        return None
    if benefit == "before" and found.before_until < found.before_from:  # born before the protection period began
        return None
    day: date = {("before", "from"): found.before_from, ("before", "until"): found.before_until}.get(
        (benefit, end), found.fristen_from if end == "from" else found.fristen_until)
    return day.isoformat()


__all__ = ["Leistungen", "leistungen", "value"]
