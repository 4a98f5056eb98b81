"""Time off for a carer: short-term absence with Pflegeunterstützungsgeld, Pflegezeit, Familienpflegezeit.

- Kurzzeitige Arbeitsverhinderung (§ 2 PflegeZG): up to 10 working days in an acute situation,
  every employer; the Pflegekasse of the person needing care pays Pflegeunterstützungsgeld for up
  to 10 working days per calendar year (§ 44a Abs. 3 SGB XI): 90 % of the lost net pay (100 % with
  one-off payments in the last 12 months), at most 70 % of the daily contribution ceiling of the
  health insurance (§ 45 Abs. 2 SGB V; a month counts 30 days, a year 360, § 47 Abs. 1 SGB V).
- Pflegezeit (§§ 3, 4 PflegeZG): up to 6 months full or partial, employer with more than 15
  employees, notice 10 working days before.
- Familienpflegezeit (§ 2 FPfZG): up to 24 months with at least 15 hours a week, employer with more
  than 25 employees, notice 8 weeks before; both together at most 24 months.
- Interest-free loan of the BAFzA (§ 3 FPfZG) for both: half the difference of the net pay before
  and during the time off. The BAFzA computes with *pauschalierte* net pay (§ 3 Abs. 2 FPfZG); the
  workbench takes the net pay the advisor enters, so its loan is an estimate and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from workbench.errors import WorkbenchError
from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters

P = parameters("pflege")


def pflegeunterstuetzungsgeld_hoechstbetrag_tag(on: date) -> Decimal:
    """Largest Pflegeunterstützungsgeld per day: 70 % of the yearly BBG KV / 360, to the cent.

    Rechtsgrundlage: § 44a Abs. 3 Satz 2 SGB XI i. V. m. § 45 Abs. 2 Satz 5 SGB V, § 223 Abs. 3 SGB V
    """
    satz = P.value("pflegeunterstuetzungsgeld_satz", on)
    return round_cent(Decimal(P.value("bbg_kv_y", on)) * Decimal(satz["hoechstens_anteil_bbg"])
                      / Decimal(satz["tage_je_jahr"]))


def pflegeunterstuetzungsgeld_tag(netto_m: Decimal, einmalzahlung: bool, on: date,
                                  expl: Explanation | None = None) -> Decimal:
    """Pflegeunterstützungsgeld per working day off: 90 % (100 %) of the daily net pay, capped.

    Rechtsgrundlage: § 44a Abs. 3 SGB XI i. V. m. § 45 Abs. 2 Satz 3–5 SGB V, § 47 Abs. 1 Satz 6 SGB V
    """
    satz = P.value("pflegeunterstuetzungsgeld_satz", on)
    rate = Decimal(satz["mit_einmalzahlung" if einmalzahlung else "regel"])
    daily_net = netto_m / Decimal(satz["tage_je_monat"])
    cap = pflegeunterstuetzungsgeld_hoechstbetrag_tag(on)
    amount = min(round_cent(daily_net * rate), cap)
    if expl is not None:
        expl.add("pflege.step.pug", amount, "§ 44a Abs. 3 SGB XI, § 45 Abs. 2 SGB V",
                 net=round_cent(daily_net), rate=rate * 100, cap=cap)
    return amount


def darlehen_m(netto_vorher_m: Decimal, netto_waehrend_m: Decimal, on: date) -> Decimal:
    """Monthly rate of the interest-free BAFzA loan: half the net-pay difference; 0 € below the 50 € minimum.

    Rechtsgrundlage: § 3 Abs. 2 FPfZG (Hälfte der Differenz der Nettoentgelte), Mindestrate § 3 FPfZG
    """
    rate = darlehen_haelfte_m(netto_vorher_m, netto_waehrend_m, on)
    return rate if rate >= darlehen_mindestrate(on) else ZERO


def darlehen_haelfte_m(netto_vorher_m: Decimal, netto_waehrend_m: Decimal, on: date) -> Decimal:
    """Half the difference of the monthly net pay before and during the leave, before the minimum rate.

    Rechtsgrundlage: § 3 Abs. 2 FPfZG
    """
    rule = P.value("darlehen", on)
    if netto_waehrend_m > netto_vorher_m:
        raise WorkbenchError("Das Nettoentgelt während der Freistellung ist höher als vorher.")
    return round_cent((netto_vorher_m - netto_waehrend_m) * Decimal(rule["anteil"]))


def darlehen_mindestrate(on: date) -> Decimal:
    """The smallest monthly loan rate the BAFzA pays (below it: no loan).

    Rechtsgrundlage: § 3 FPfZG (Mindestrate)
    """
    return Decimal(P.value("darlehen", on)["mindestrate"])


def _darlehen_schritt(expl: Explanation, before: Decimal, during: Decimal, on: date, law: str) -> Decimal:
    """The loan's steps: half the difference, and "unter der Mindestrate" only when that applies."""
    half = darlehen_haelfte_m(before, during, on)
    expl.add("pflege.step.darlehen", half, law, before=before, during=during)
    if half < darlehen_mindestrate(on):
        expl.add("pflege.step.darlehen_mindestrate", ZERO, "§ 3 FPfZG", rate=half, minimum=darlehen_mindestrate(on))
    return darlehen_m(before, during, on)


def ankuendigung_pflegezeit(beginn: date) -> date:
    """Last day to announce Pflegezeit in writing: 10 working days (Monday–Friday) before the start.

    Public holidays are not counted out (the advisor checks them). Rechtsgrundlage: § 3 Abs. 3 Satz 1 PflegeZG
    """
    days = int(P.value("pflegezeit_ankuendigung_arbeitstage", beginn))
    day = beginn
    while days:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def ankuendigung_familienpflegezeit(beginn: date) -> date:
    """Last day to announce Familienpflegezeit in writing: 8 weeks before the start.

    Rechtsgrundlage: § 2a Abs. 1 Satz 1 FPfZG
    """
    return beginn - timedelta(weeks=int(P.value("familienpflegezeit_ankuendigung_wochen", beginn)))


@dataclass(frozen=True)
class Freistellung:
    """One kind of time off: whether the carer has a claim, why not, how long, and the money."""

    key: str                          # kurzzeitig | pflegezeit | familienpflegezeit
    claim: bool | None                # None: depends on what is not entered (the employer's size)
    reason: str | None                # message key when there is no claim, or what it depends on
    max_duration: str                 # "10 Arbeitstage", "6 Monate" (rendered by the caller)
    money_m: Decimal | None = None    # loan rate per month (Pflegezeit, Familienpflegezeit)
    money_total: Decimal | None = None
    notice: date | None = None


@dataclass
class Freistellungen:
    """All three kinds side by side, with Pflegeunterstützungsgeld and the explanation."""

    options: list[Freistellung]
    pug_tag: Decimal | None
    pug_total: Decimal | None
    explanation: Explanation = field(default_factory=Explanation)


_UNKNOWN = ("pflege.reason.fpz_size_unknown", "pflege.reason.fpz_hours_unknown")
"""Reasons that leave the Familienpflegezeit open: what it depends on is not entered."""


def freistellungen(*, on: date, employed: bool, employees: int | None, hours: Decimal | None,
                   hours_during: Decimal | None, netto_m: Decimal | None, netto_waehrend_m: Decimal | None,
                   einmalzahlung: bool = False, beginn: date | None = None) -> Freistellungen:
    """The carer's options for time off on ``on`` (start ``beginn`` for the notice dates).

    Rechtsgrundlage: § 2 PflegeZG, §§ 3, 4 PflegeZG, §§ 2, 2a, 3 FPfZG, § 44a Abs. 3 SGB XI
    """
    expl = Explanation()
    if not employed:
        none = [Freistellung(k, False, "pflege.reason.not_employed", d)
                for k, d in (("kurzzeitig", "kurzzeitig"), ("pflegezeit", "pflegezeit"),
                             ("familienpflegezeit", "familienpflegezeit"))]
        return Freistellungen(none, None, None, expl)
    pug_days = int(P.value("pflegeunterstuetzungsgeld_tage_y", on))
    pug_tag = pug_total = None
    if netto_m is not None:
        pug_tag = pflegeunterstuetzungsgeld_tag(netto_m, einmalzahlung, on, expl)
        pug_total = pug_tag * pug_days
        expl.add("pflege.step.pug_total", pug_total, "§ 44a Abs. 3 Satz 1 SGB XI", days=pug_days)
    days = int(P.value("kurzzeitige_arbeitsverhinderung_arbeitstage", on))
    expl.add("pflege.step.kurzzeitig", Decimal(days), "§ 2 Abs. 1 PflegeZG")
    out = [Freistellung("kurzzeitig", True, None, "kurzzeitig", pug_tag, pug_total)]

    size_pz = int(P.value("pflegezeit_beschaeftigte_mehr_als", on))
    size_fpz = int(P.value("familienpflegezeit_beschaeftigte_mehr_als", on))
    min_hours = Decimal(P.value("familienpflegezeit_mindeststunden", on))
    loan_pz = loan = None
    if netto_m is not None:
        # Pflegezeit as full release: no pay during it
        loan_pz = _darlehen_schritt(expl, netto_m, ZERO, on, "§ 3 Abs. 2 FPfZG, § 3 Abs. 7 PflegeZG")
    if netto_m is not None and netto_waehrend_m is not None:
        loan = _darlehen_schritt(expl, netto_m, netto_waehrend_m, on, "§ 3 Abs. 2 FPfZG")

    pz_months = int(P.value("pflegezeit_monate", on))
    # An employer size not entered is unknown, not "too small": the claim then depends on it (None).
    pz_claim = None if employees is None else employees > size_pz
    pz_reason = {None: "pflege.reason.pflegezeit_size_unknown", False: "pflege.reason.pflegezeit_size"}.get(pz_claim)
    out.append(Freistellung(
        "pflegezeit", pz_claim, pz_reason, "pflegezeit",
        loan_pz if pz_claim else None, loan_pz * pz_months if pz_claim and loan_pz is not None else None,
        ankuendigung_pflegezeit(beginn) if beginn and pz_claim else None))
    pz_step = {True: "yes", False: "no", None: "unknown"}[pz_claim]
    expl.add(f"pflege.step.pflegezeit_{pz_step}", employees, "§ 3 Abs. 1 Satz 2 PflegeZG",
             employees=employees, limit=size_pz)

    fpz_months = int(P.value("familienpflegezeit_monate", on))
    reason = None
    if employees is not None and employees <= size_fpz:
        reason = "pflege.reason.fpz_size"
    elif hours_during is not None and hours_during < min_hours:
        reason = "pflege.reason.fpz_hours"
    elif hours is not None and hours_during is not None and hours_during >= hours:
        reason = "pflege.reason.fpz_not_reduced"
    elif employees is None:
        reason = "pflege.reason.fpz_size_unknown"
    elif hours_during is None:  # the hours during it are not entered: unknown as well, not "no"
        reason = "pflege.reason.fpz_hours_unknown"
    fpz_claim: bool | None = None if reason in _UNKNOWN else reason is None
    out.append(Freistellung(
        "familienpflegezeit", fpz_claim, reason, "familienpflegezeit",
        loan if fpz_claim else None, loan * fpz_months if fpz_claim and loan is not None else None,
        ankuendigung_familienpflegezeit(beginn) if beginn and fpz_claim else None))
    fpz_step = {True: "yes", False: "no", None: "unknown"}[fpz_claim]
    expl.add(f"pflege.step.fpz_{fpz_step}", employees, "§ 2 Abs. 1 FPfZG",
             employees=employees, limit=size_fpz, hours=min_hours)
    return Freistellungen(out, pug_tag, pug_total, expl)
