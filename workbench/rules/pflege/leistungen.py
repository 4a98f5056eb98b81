"""What a Pflegegrad brings at home: Pflegegeld, Sachleistung, their combination and the extras.

All amounts come from ``params.yaml`` by the calendar date (2025 and 2026 are equal: the PUEG
raised them on 1 January 2025 and left them unchanged for 2026). The combination rule of § 38
SGB XI: when the Pflegedienst uses only part of the Sachleistung, the Pflegegeld is paid for the
unused part: reduced by the percentage of the Sachleistung used. The result is rounded to the
cent (kaufmännisch; the law names no rounding, the Pflegekassen pay whole cents).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workbench.errors import WorkbenchError
from workbench.explain import Explanation
from workbench.money import ZERO, round_cent
from workbench.parameters import parameters

P = parameters("pflege")
HUNDRED = Decimal(100)
MONTHS = 12
GRADES_WITH_MONEY = (2, 3, 4, 5)


def _table(name: str, grad: int, on: date) -> Decimal:
    table = P.value(name, on)
    return Decimal(table.get(Decimal(grad), table.get(grad, ZERO)))


def _check_grad(grad: int) -> None:
    if grad not in (1, 2, 3, 4, 5):
        raise WorkbenchError(f"Pflegegrad {grad} gibt es nicht (1 bis 5).")


def unverified(name: str, on: date) -> bool:
    """Whether the parameter's reference in force on ``on`` says "(nicht verifiziert)"."""
    return "nicht verifiziert" in P.reference(name, on)


def pflegegeld_m(grad: int, on: date) -> Decimal:
    """Pflegegeld per month for care by relatives at home; 0 € for Pflegegrad 1.

    Rechtsgrundlage: § 37 Abs. 1 Satz 3 SGB XI
    """
    _check_grad(grad)
    return _table("pflegegeld_m", grad, on) if grad in GRADES_WITH_MONEY else ZERO


def sachleistung_m(grad: int, on: date) -> Decimal:
    """Largest monthly Pflegesachleistung (home-care service); 0 € for Pflegegrad 1.

    Rechtsgrundlage: § 36 Abs. 3 SGB XI
    """
    _check_grad(grad)
    return _table("sachleistung_m", grad, on) if grad in GRADES_WITH_MONEY else ZERO


def kombination(grad: int, sach_anteil_prozent: Decimal, on: date, expl: Explanation | None = None) -> Decimal:
    """Pflegegeld beside a partly used Sachleistung: reduced by the percentage of the Sachleistung used.

    ``sach_anteil_prozent`` is the share of the monthly Sachleistung the Pflegedienst bills (0–100).
    Rechtsgrundlage: § 38 Satz 1, 2 SGB XI
    """
    if not ZERO <= sach_anteil_prozent <= HUNDRED:
        raise WorkbenchError(f"Anteil der Sachleistung {sach_anteil_prozent} % liegt nicht zwischen 0 und 100 %.")
    full = pflegegeld_m(grad, on)
    paid = round_cent(full * (HUNDRED - sach_anteil_prozent) / HUNDRED)
    if expl is not None:
        expl.add("pflege.step.kombination", paid, "§ 38 SGB XI", full=full, share=sach_anteil_prozent,
                 rest=HUNDRED - sach_anteil_prozent)
    return paid


def sach_anteil(grad: int, genutzt_m: Decimal, on: date) -> Decimal:
    """The percentage of the Sachleistung a bill of ``genutzt_m`` uses (at most 100 %), unrounded.

    Rechtsgrundlage: § 38 Satz 2 SGB XI
    """
    top = sachleistung_m(grad, on)
    if top == ZERO:
        return ZERO
    return min(HUNDRED, genutzt_m * HUNDRED / top)


@dataclass(frozen=True)
class Option:
    """One way to use the home-care benefits: Pflegegeld, Sachleistung or both, per month."""

    key: str                  # pflegegeld | sachleistung | kombination
    sach_prozent: Decimal
    pflegegeld_m: Decimal
    sachleistung_m: Decimal   # value of the Pflegedienst's services the Pflegekasse pays

    @property
    def total_m(self) -> Decimal:
        return self.pflegegeld_m + self.sachleistung_m

    @property
    def pflegegeld_y(self) -> Decimal:
        return self.pflegegeld_m * MONTHS

    @property
    def total_y(self) -> Decimal:
        return self.total_m * MONTHS


@dataclass
class PflegeLeistungen:
    """The benefits of one Pflegegrad on one date, with the options side by side."""

    pflegegrad: int
    on: date
    options: list[Option]
    entlastungsbetrag_m: Decimal
    tagespflege_m: Decimal
    entlastungsbudget_y: Decimal
    pflegehilfsmittel_m: Decimal
    explanation: Explanation = field(default_factory=Explanation)
    unverified: list[str] = field(default_factory=list)

    @property
    def entlastungsbetrag_y(self) -> Decimal:
        return self.entlastungsbetrag_m * MONTHS


def entlastungsbudget_y(grad: int, on: date) -> Decimal:
    """Joint yearly budget for Verhinderungs- and Kurzzeitpflege from 1 July 2025 (Pflegegrad 2–5).

    Before 1 July 2025 the two amounts were separate; their sum is returned then.
    Rechtsgrundlage: § 42a SGB XI (ab 01.07.2025); §§ 39, 42 SGB XI a. F.
    """
    _check_grad(grad)
    if grad not in GRADES_WITH_MONEY:
        return ZERO
    if on >= P.parameter("entlastungsbudget_y").values[0].valid_from:
        return Decimal(P.value("entlastungsbudget_y", on))
    return Decimal(P.value("verhinderungspflege_y", on)) + Decimal(P.value("kurzzeitpflege_y", on))


def leistungen(grad: int, on: date, sach_prozent: Decimal = Decimal(50)) -> PflegeLeistungen:
    """Pflegegeld only, Sachleistung only and the combination at ``sach_prozent``, plus the extras.

    Rechtsgrundlage: §§ 36, 37, 38, 40, 41, 42a, 45b SGB XI
    """
    _check_grad(grad)
    expl = Explanation()
    geld = pflegegeld_m(grad, on)
    sach = sachleistung_m(grad, on)
    expl.add("pflege.step.pflegegeld", geld, "§ 37 Abs. 1 SGB XI", grad=grad)
    expl.add("pflege.step.sachleistung", sach, "§ 36 Abs. 3 SGB XI", grad=grad)
    options = [Option("pflegegeld", ZERO, geld, ZERO), Option("sachleistung", HUNDRED, ZERO, sach)]
    if grad in GRADES_WITH_MONEY and ZERO < sach_prozent < HUNDRED:  # 0 or 100 %: one of the two above, no combination
        kombi = kombination(grad, sach_prozent, on, expl)
        options.append(Option("kombination", sach_prozent, kombi, round_cent(sach * sach_prozent / HUNDRED)))
    entlastung = Decimal(P.value("entlastungsbetrag_m", on))
    expl.add("pflege.step.entlastungsbetrag", entlastung, "§ 45b Abs. 1 SGB XI")
    tages = _table("tagespflege_m", grad, on) if grad in GRADES_WITH_MONEY else ZERO
    if grad in GRADES_WITH_MONEY:
        expl.add("pflege.step.tagespflege", tages, "§ 41 Abs. 2, 3 SGB XI", grad=grad)
    budget = entlastungsbudget_y(grad, on)
    if grad in GRADES_WITH_MONEY:
        expl.add("pflege.step.entlastungsbudget", budget, "§ 42a SGB XI" if on >= date(2025, 7, 1) else "§§ 39, 42 SGB XI a. F.")
    hilfsmittel = Decimal(P.value("pflegehilfsmittel_m", on))
    checks = ["pflegegeld_m", "sachleistung_m", "entlastungsbetrag_m", "pflegehilfsmittel_m"]
    if grad in GRADES_WITH_MONEY:
        checks.append("tagespflege_m")
    return PflegeLeistungen(grad, on, options, entlastung, tages, budget, hilfsmittel, expl,
                            [name for name in checks if unverified(name, on)])
