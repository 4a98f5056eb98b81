"""The pure rules of the Wohngeld (Mietzuschuss): Decimal in, Decimal out, parameters by month."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from workbench.money import ZERO, round_cent
from workbench.rules import grundsicherung as gs
from workbench.rules.benefit import UsedParameters, as_decimal
from workbench.rules.wohngeld.inputs import WohngeldMember

TWELVE = Decimal(12)
TEN_PLACES = Decimal("1E-10")


def _by_size(values: Sequence[Decimal], size: int) -> Decimal:
    """The value of a 1..12 table for ``size`` members (more than 12: the value for 12)."""
    return as_decimal(values[min(size, len(values)) - 1])


def _five_plus(table: dict[str, Sequence[Decimal] | Decimal], size: int) -> Decimal:
    persons = table["personen"]
    assert not isinstance(persons, Decimal)
    if size <= len(persons):
        return as_decimal(persons[size - 1])
    return as_decimal(persons[-1]) + as_decimal(table["je_weiteres"]) * (size - len(persons))


def mietstufe(municipality: str, p: UsedParameters) -> int | None:
    """The Mietstufe of a municipality from the WoGV annex (``None`` when not in the table).

    Rechtsgrundlage: § 12 Abs. 2, 3 WoGG, § 1 Abs. 3 WoGV mit Anlage
    """
    table = p("mietstufen")
    return int(table[municipality]) if municipality in table else None


def bekannte_gemeinden(p: UsedParameters) -> list[str]:
    """The municipalities whose Mietstufe is in the table.

    Rechtsgrundlage: § 1 Abs. 3 WoGV mit Anlage
    """
    return sorted(p("mietstufen"))


def hoechstbetrag(stufe: int, size: int, p: UsedParameters) -> Decimal:
    """Höchstbetrag for rent by Mietstufe and household size (1–5, then per further member).

    Rechtsgrundlage: § 12 Abs. 1 WoGG mit Anlage 1
    """
    row = p("hoechstbetraege_m")[str(stufe)]
    if size <= 5:
        return as_decimal(row[size - 1])
    return as_decimal(row[4]) + as_decimal(row[5]) * (size - 5)


def klimakomponente(size: int, p: UsedParameters) -> Decimal:
    """Klimakomponente added to the Höchstbetrag.

    Rechtsgrundlage: § 12 Abs. 7 WoGG
    """
    return _five_plus(p("klimakomponente_m"), size)


def heizkostenkomponente(size: int, p: UsedParameters) -> Decimal:
    """Heizkostenkomponente added to the rent that counts.

    Rechtsgrundlage: § 12 Abs. 6 WoGG
    """
    return _five_plus(p("heizkostenkomponente_m"), size)


def pauschalabzug_satz(member: WohngeldMember, p: UsedParameters) -> Decimal:
    """10 % each for income tax, health/care insurance and pension insurance paid: 0–30 %.

    Rechtsgrundlage: § 16 Abs. 1 WoGG
    """
    step = as_decimal(p("pauschalabzug"))
    return step * sum((member.pays_tax, member.pays_health_insurance, member.pays_pension_insurance))


def einkommen_mitglied(member: WohngeldMember, p: UsedParameters) -> Decimal:
    """A member's monthly income under § 14 WoGG before the flat deduction: wages minus
    Werbungskosten, profit, pension minus its Pauschbetrag, other income, maintenance and
    Unterhaltsvorschuss received. Kindergeld and Kinderzuschlag do not count.

    Rechtsgrundlage: §§ 14, 15 WoGG, § 9a Satz 1 Nr. 1a, 3 EStG
    """
    pausch = p("werbungskosten_pauschbetraege_y")
    wages = ZERO
    if member.gross_wage > 0:
        wk = member.werbungskosten if member.werbungskosten is not None else as_decimal(pausch["arbeitnehmer"]) / TWELVE
        wages = max(member.gross_wage - wk, ZERO)
    pension = max(member.pension - as_decimal(pausch["renten"]) / TWELVE, ZERO) if member.pension > 0 else ZERO
    return wages + max(member.profit, ZERO) + pension + member.other_income + member.maintenance + member.uvg


def alleinerziehend(members: Sequence[WohngeldMember], p: UsedParameters) -> bool:
    """One member lives only with children, and for at least one child under 18 Kindergeld is paid.

    Rechtsgrundlage: § 17 Nr. 3 WoGG
    """
    age = int(p("freibetraege_y")["alleinerziehend_kind_alter_unter"])
    adults = [m for m in members if not m.child]
    return len(adults) == 1 and any(m.child and m.age < age and m.kindergeld > 0 for m in members)


def freibetraege(members: Sequence[WohngeldMember], p: UsedParameters) -> dict[str, Decimal]:
    """The monthly allowances: 1,800 €/year per severely disabled member, 1,320 €/year for a
    single parent, a child's own earnings up to 1,200 €/year (child under 25), and the
    Grundrente allowance (100 € + 30 % of the pension above, at most half of Regelbedarfsstufe 1).

    Rechtsgrundlage: §§ 17, 17a WoGG
    """
    t = p("freibetraege_y")
    out = {"schwerbehindert": ZERO, "alleinerziehend": ZERO, "kind_erwerb": ZERO, "grundrente": ZERO}
    for m in members:
        if m.severely_disabled:
            out["schwerbehindert"] += as_decimal(t["schwerbehindert"]) / TWELVE
        if m.child and m.age < int(t["kind_alter_unter"]):
            out["kind_erwerb"] += min(m.gross_wage + max(m.profit, ZERO), as_decimal(t["kind_erwerb_hoechstens"]) / TWELVE)
        if m.grundrente and m.pension > 0:
            g = p("grundrentenfreibetrag")
            rbs1 = gs.regelbedarf_erwachsene(1, gs.lookup(p.on))  # § 17a WoGG: Anteil der RBS 1
            sockel = as_decimal(g["sockel"])
            amount = min(m.pension, sockel) + as_decimal(g["satz"]) * max(m.pension - sockel, ZERO)
            out["grundrente"] += min(amount, as_decimal(g["hoechstens_anteil_rbs1"]) * rbs1)
    if alleinerziehend(members, p):
        out["alleinerziehend"] = as_decimal(t["alleinerziehend"]) / TWELVE
    return {k: round_cent(v) for k, v in out.items()}


def vermoegensgrenze(size: int, p: UsedParameters) -> Decimal:
    """The wealth from which it is considerable: 60,000 € for the first member, 30,000 € for each further one.

    Rechtsgrundlage: § 21 Nr. 3 WoGG, Wohngeld-Verwaltungsvorschrift Nr. 21.37
    """
    limit_t = p("vermoegensgrenze")
    return as_decimal(limit_t["erstes"]) + as_decimal(limit_t["je_weiteres"]) * (size - 1)


def formel(size: int, m: Decimal, y: Decimal, p: UsedParameters) -> Decimal:
    """The unrounded Wohngeld: 1.15 × (M − (a + b·M + c·Y)·Y) with ten decimal places, M and Y
    raised to the table minimums; for more than 12 members the value for 12 plus 65 € each.

    Rechtsgrundlage: § 19 Abs. 1, 3 WoGG mit Anlagen 2 und 3
    """
    k = p("koeffizienten")
    n = min(size, 12)
    a, b, c = _by_size(k["a"], n), _by_size(k["b"], n), _by_size(k["c"], n)
    z1 = (a + b * m + c * y).quantize(TEN_PLACES)
    z2 = (z1 * y).quantize(TEN_PLACES)
    z3 = (m - z2).quantize(TEN_PLACES)
    z4 = (as_decimal(p("skalierungsfaktor")) * z3).quantize(TEN_PLACES)
    extra = as_decimal(p("zuschlag_grosse_haushalte_m")) * max(size - 12, 0)
    return max(z4, ZERO) + extra if z4 > 0 else extra


def mindestwerte(size: int, p: UsedParameters) -> tuple[Decimal, Decimal]:
    """The minimum values of M and Y for the household size.

    Rechtsgrundlage: § 19 Abs. 2 WoGG mit Anlage 3 Nr. 1
    """
    t = p("mindestwerte_m_y")
    n = min(size, 12)
    return _by_size(t["m"], n), _by_size(t["y"], n)


def auf_euro(amount: Decimal) -> Decimal:
    """The monthly Wohngeld to full euros: below 0.50 € down, from 0.50 € up.

    Rechtsgrundlage: § 19 Abs. 2 WoGG mit Anlage 3 Nr. 3
    """
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
